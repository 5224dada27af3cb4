//! On-CPU time of the calling thread, for throughput figures that hold on a
//! shared machine.
//!
//! Wall-clock time counts the moments the scheduler gives the core to
//! someone else: on the 2-core machine these figures were first taken on,
//! with a load average of 8, a busy loop took 2.4 times its CPU time. The
//! time the thread actually ran is what "pages per second on one core"
//! means, so that is what `deboiler-eval` and the throughput bench report
//! when the platform tells it (Linux: the first field of
//! `/proc/thread-self/schedstat`, in nanoseconds), and wall time otherwise.
//! The peers in `bench/run_peers.py` are timed the same way
//! (`time.process_time`).

/// Seconds this thread has run on a CPU, or `None` where the platform does
/// not say.
pub fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}
