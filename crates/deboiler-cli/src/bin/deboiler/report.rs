//! What the user sees on stderr: one line per failed page, a progress bar
//! while the batch runs (only on a terminal), and a summary at the end.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use deboiler::Reason;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::pages::Done;

/// Counts of a run, and the progress bar that shows them.
pub(crate) struct Report {
    quiet: bool,
    bar: ProgressBar,
    started: Instant,
    pub(crate) pages: u64,
    pub(crate) errors: u64,
    body_blocks: u64,
    removed: [u64; Reason::ALL.len()],
    skipped: BTreeMap<&'static str, u64>,
    jobs: usize,
}

impl Report {
    /// A report; the bar is drawn only when stderr is a terminal, the run
    /// is not `--quiet`, and results do not go to the same terminal
    /// (`to_stdout` and stdout is a terminal), where they would tear the bar.
    pub(crate) fn new(quiet: bool, jobs: usize, to_stdout: bool) -> Report {
        let shared_terminal = to_stdout && std::io::stdout().is_terminal();
        let bar = if quiet || shared_terminal || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} {human_pos} pages, {msg}",
                )
                .expect("the template is valid"),
            );
            bar.set_message("0.0 pages/s, 0 errors");
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Report {
            quiet,
            bar,
            started: Instant::now(),
            pages: 0,
            errors: 0,
            body_blocks: 0,
            removed: [0; Reason::ALL.len()],
            skipped: BTreeMap::new(),
            jobs,
        }
    }

    /// Counts a finished page and reports its error, if any, on one line.
    pub(crate) fn page(&mut self, done: &Done) {
        self.pages += 1;
        self.body_blocks += done.body_blocks;
        for (total, n) in self.removed.iter_mut().zip(done.removed) {
            *total += n;
        }
        if let Some(msg) = &done.error {
            self.fail(&done.source, msg);
        }
        self.bar.inc(1);
        if !self.bar.is_hidden() {
            self.bar.set_message(self.progress());
        }
    }

    /// The bar's message: rate and errors so far.
    fn progress(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.pages as f64 / secs
        } else {
            0.0
        };
        format!("{rate:.1} pages/s, {} errors", self.errors)
    }

    /// Reports a failure that is not a page's (an output file that could
    /// not be written).
    pub(crate) fn fail(&mut self, source: &str, msg: &str) {
        self.errors += 1;
        let line = format!("deboiler: {source}: {}", one_line(msg));
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Counts a record or file left out on purpose.
    pub(crate) fn skip(&mut self, why: &'static str) {
        *self.skipped.entry(why).or_insert(0) += 1;
    }

    /// Counts a path left out on purpose (a link leading outside the input,
    /// a FIFO) and says so on one line unless quiet.
    pub(crate) fn skip_path(&mut self, path: &str, why: &'static str) {
        self.skip(why);
        if !self.quiet {
            let line = format!("deboiler: {path}: skipped: {why}");
            self.bar.suspend(|| eprintln!("{line}"));
        }
    }

    /// Says the run was interrupted and what was done; printed even when
    /// quiet, since the output is incomplete.
    pub(crate) fn interrupted(&self, written: u64) {
        self.bar.suspend(|| {
            eprintln!(
                "deboiler: interrupted: {written} pages written in full; inputs after them were not read, and no partial output file was left"
            );
        });
    }

    /// Clears the bar and prints the summary, unless quiet or the run was
    /// a single page (whose output and error line say it all, and whose
    /// stderr scripts expect to be one line at most).
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
        let skipped_total: u64 = self.skipped.values().sum();
        if self.quiet || self.pages + skipped_total <= 1 {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.pages as f64 / secs
        } else {
            0.0
        };
        let removed_total: u64 = self.removed.iter().sum();
        let mut by_reason: Vec<(Reason, u64)> = Reason::ALL
            .iter()
            .map(|&r| (r, self.removed[r as usize]))
            .filter(|&(_, n)| n > 0)
            .collect();
        by_reason.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let by_reason: Vec<String> = by_reason.iter().map(|(r, n)| format!("{r} {n}")).collect();
        let skipped: Vec<String> = self
            .skipped
            .iter()
            .map(|(why, n)| format!("{why} {n}"))
            .collect();
        eprintln!(
            "deboiler: {} pages in {secs:.2} s ({rate:.1} pages/s on {} thread{}); {} errors",
            self.pages,
            self.jobs,
            if self.jobs == 1 { "" } else { "s" },
            self.errors
        );
        eprintln!(
            "deboiler: kept {} blocks; removed {removed_total}{}",
            self.body_blocks,
            list(&by_reason)
        );
        if skipped_total > 0 {
            eprintln!("deboiler: skipped {skipped_total}{}", list(&skipped));
        }
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!(" ({})", items.join(", "))
    }
}

/// Keeps an error to one line of stderr.
fn one_line(msg: &str) -> String {
    msg.split_whitespace().collect::<Vec<_>>().join(" ")
}
