//! Throughput and peak memory of deboiler on the development corpus, one
//! thread, printed as the Markdown tables the README quotes.
//!
//! ```text
//! taskset -c 0 cargo bench --bench throughput
//! ```
//!
//! Three workloads, each over every page of a corpus folder held in memory:
//!
//! * the text path, `Cleaner::clean_text` over `corpus/zyte-text/*.txt`;
//! * the HTML path, `Cleaner::clean_bytes` over `corpus/zyte/*.html`
//!   (decoding, parsing, segmenting, classifying, assembling);
//! * the parse-only floor, `scraper::Html::parse_document` over the same
//!   HTML: what any html5ever-based extractor pays before doing anything.
//!
//! Each workload runs one untimed pass, then timed passes until
//! `DEBOILER_BENCH_SECS` seconds (default 5) have passed, at least three;
//! the table reports the median pass by the thread's CPU time (see
//! `src/bin/deboiler-eval/clock.rs`: on a shared machine wall time mostly
//! measures the neighbours), and by wall time alongside.
//!
//! Peak memory is the `VmHWM` line of `/proc/self/status` (Linux) in a
//! fresh child process per measurement, so one measurement cannot inherit
//! another's high-water mark: the largest page of each folder, and a batch
//! of 1,000 pages read from disk one at a time, cycling through the folder.
//! The baseline is the child's `VmHWM` before it cleans anything.
//!
//! This is a benchmark, not a test: `cargo test` does not run it.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use deboiler::Cleaner;

#[path = "../crates/deboiler-cli/src/bin/deboiler-eval/clock.rs"]
mod clock;

/// Pages in the memory batch. A thousand pages cycle the 181-page corpus
/// more than five times, enough for a leak or a growing cache to show.
const BATCH_PAGES: usize = 1000;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// The inputs of a corpus folder (`*.html`, or `*.txt` that are not gold),
/// sorted by name.
fn inputs(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        name.ends_with(&format!(".{ext}")) && !name.ends_with(".gold.txt")
    });
    paths.sort();
    paths
}

fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let [mode, ext, path] = &args[..]
        && (mode == "rss-page" || mode == "rss-batch")
    {
        child(mode, ext, Path::new(path));
        return;
    }
    let text = inputs(&corpus("zyte-text"), "txt");
    let html = inputs(&corpus("zyte"), "html");
    if text.is_empty() || html.is_empty() {
        eprintln!("corpus/zyte and corpus/zyte-text not found: nothing to measure");
        return;
    }
    let budget = Duration::from_secs_f64(
        std::env::var("DEBOILER_BENCH_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(5.0),
    );
    let read = |paths: &[PathBuf]| -> Vec<Vec<u8>> {
        paths
            .iter()
            .map(|p| std::fs::read(p).expect("readable corpus file"))
            .collect()
    };
    let text_pages = read(&text);
    let html_pages = read(&html);
    let text_strs: Vec<&str> = text_pages
        .iter()
        .map(|b| std::str::from_utf8(b).expect("UTF-8 text corpus"))
        .collect();
    let html_strs: Vec<&str> = html_pages
        .iter()
        .map(|b| std::str::from_utf8(b).expect("UTF-8 HTML corpus"))
        .collect();
    let cleaner = Cleaner::new();

    println!("{}\n", machine());
    println!(
        "| workload | input | pages | MB | passes | pages/s (CPU) | MB/s (CPU) | pages/s (wall) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let text_bytes: usize = text_pages.iter().map(Vec::len).sum();
    let html_bytes: usize = html_pages.iter().map(Vec::len).sum();
    row(
        "text path `clean_text`",
        "corpus/zyte-text",
        text_strs.len(),
        text_bytes,
        budget,
        || {
            for t in &text_strs {
                black_box(
                    cleaner
                        .clean_text(black_box(t))
                        .map(|a| a.blocks().len())
                        .ok(),
                );
            }
        },
    );
    row(
        "HTML path `clean_bytes`",
        "corpus/zyte",
        html_pages.len(),
        html_bytes,
        budget,
        || {
            for b in &html_pages {
                black_box(
                    cleaner
                        .clean_bytes(black_box(b))
                        .map(|a| a.blocks().len())
                        .ok(),
                );
            }
        },
    );
    row(
        "parse only `Html::parse_document`",
        "corpus/zyte",
        html_strs.len(),
        html_bytes,
        budget,
        || {
            for h in &html_strs {
                black_box(
                    scraper::Html::parse_document(black_box(h))
                        .tree
                        .nodes()
                        .count(),
                );
            }
        },
    );

    println!("\n| peak RSS (VmHWM, fresh process) | input | baseline | peak |");
    println!("|---|---|---|---|");
    let largest = |paths: &[PathBuf]| {
        paths
            .iter()
            .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
            .cloned()
            .unwrap()
    };
    for (ext, dir, paths) in [
        ("txt", "corpus/zyte-text", &text),
        ("html", "corpus/zyte", &html),
    ] {
        let big = largest(paths);
        let size = std::fs::metadata(&big).map(|m| m.len()).unwrap_or(0);
        let name = big.file_name().unwrap().to_string_lossy();
        rss_row(
            &format!(
                "largest page ({:.2} MB, `{}…`)",
                size as f64 / 1e6,
                &name[..12]
            ),
            dir,
            &["rss-page", ext, &big.to_string_lossy()],
        );
        rss_row(
            &format!("{BATCH_PAGES}-page batch, read one at a time"),
            dir,
            &[
                "rss-batch",
                ext,
                &corpus(dir.trim_start_matches("corpus/")).to_string_lossy(),
            ],
        );
    }
}

/// Times `pass` and prints one table row.
fn row(
    name: &str,
    input: &str,
    pages: usize,
    bytes: usize,
    budget: Duration,
    mut pass: impl FnMut(),
) {
    pass();
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while wall.len() < 3 || start.elapsed() < budget {
        let (c, t) = (clock::thread_cpu_seconds(), Instant::now());
        pass();
        wall.push(t.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c, clock::thread_cpu_seconds()) {
            cpu.push(c1 - c0);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().filter(|&x| x > 0.0)
    };
    let wall_median = median(&mut wall).unwrap_or(f64::NAN);
    let secs = median(&mut cpu).unwrap_or(wall_median);
    println!(
        "| {name} | {input} | {pages} | {:.2} | {} | {:.0} | {:.1} | {:.0} |",
        bytes as f64 / 1e6,
        wall.len(),
        pages as f64 / secs,
        bytes as f64 / 1e6 / secs,
        pages as f64 / wall_median
    );
}

fn rss_row(name: &str, input: &str, args: &[&str]) {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe).args(args).output().expect("child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace().map(|s| s.parse::<u64>().ok());
    match (it.next().flatten(), it.next().flatten()) {
        (Some(base), Some(peak)) => println!(
            "| {name} | {input} | {:.1} MiB | {:.1} MiB |",
            base as f64 / 1024.0,
            peak as f64 / 1024.0
        ),
        _ => println!("| {name} | {input} | n/a | n/a (no /proc/self/status) |"),
    }
}

/// The measuring child: prints "baseline_kib peak_kib".
fn child(mode: &str, ext: &str, path: &Path) {
    let cleaner = Cleaner::new();
    let clean = |bytes: &[u8]| {
        let n = if ext == "txt" {
            cleaner
                .clean_text(std::str::from_utf8(bytes).expect("UTF-8"))
                .map(|a| a.blocks().len())
        } else {
            cleaner.clean_bytes(bytes).map(|a| a.blocks().len())
        };
        black_box(n.ok());
    };
    let base = vm_hwm_kib();
    if mode == "rss-page" {
        let bytes = std::fs::read(path).expect("readable page");
        clean(&bytes);
    } else {
        let paths = inputs(path, ext);
        for p in paths.iter().cycle().take(BATCH_PAGES) {
            let bytes = std::fs::read(p).expect("readable page");
            clean(&bytes);
        }
    }
    if let (Some(b), Some(p)) = (base, vm_hwm_kib()) {
        println!("{b} {p}");
    }
}

/// The header line: version, commit, CPU, CPUs available, load average.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let commit = Command::new("git")
        .args(["describe", "--always", "--dirty"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|| "?".into());
    // Other processes share the machine; the load average says how much.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into());
    format!(
        "deboiler {} at {commit}; {cpu}, {cores} CPU(s) available to this process, load average {load}; one thread",
        env!("CARGO_PKG_VERSION")
    )
}
