//! The Rust half of `bench/side_by_side.sh`: times deboiler and its Rust
//! peers over the same pages, held in memory, on the calling thread.
//!
//! ```text
//! side-by-side [--rounds N] [--min-seconds S] [--html DIR] [--text DIR] [TOOL...]
//! ```
//!
//! Tools (all of them when none is named):
//!
//! * `deboiler-html`: `Cleaner::clean_bytes` over the raw bytes of
//!   `DIR/*.html` (charset detection and decoding included: that is the
//!   call a pipeline makes on scraped bytes);
//! * `dom_smoothie`: `Readability::new(html, None, None)?.parse()` over the
//!   same pages as `&str`, default `Config`, its `text_content` kept;
//! * `parse-only`: `scraper::Html::parse_document` over the same `&str`,
//!   the floor any html5ever-based extractor pays;
//! * `deboiler-text`: `Cleaner::clean_text` over `DIR/*.txt` (not gold);
//! * `unicode-words`: `unicode_words().count()` over the same text, the
//!   bare word pass the text path is held to.
//!
//! Every tool first runs one untimed sweep over every page (warm-up), then
//! `N` timed passes, the tools taking turns pass by pass, so that a change
//! of load on the machine falls on all of them alike. A pass is as many
//! sweeps over the pages as fill `S` seconds (default 0.5; the count is
//! taken from the warm-up sweep): the thread clock may advance in scheduler
//! ticks of a few milliseconds, and one sweep of the text pages takes some
//! 20-40 ms, so a single sweep would be measured to 10-20%. Each timed pass
//! prints one JSON line on stdout, with the times of one sweep:
//!
//! ```text
//! {"tool":"deboiler-html","round":0,"pages":181,"bytes":31456789,"sweeps":4,"cpu_s":0.13,"wall_s":0.13,"errors":0,"out_chars":123456}
//! ```
//!
//! `cpu_s` is the thread's on-CPU time (`/proc/thread-self/schedstat`, the
//! clock of `deboiler-eval` and `cargo bench`) of the pass divided by its
//! sweeps, `wall_s` the same for wall time;
//! `out_chars` the bytes of text the tool returned (deboiler: `body_text()`;
//! dom_smoothie: `text_content`; parse-only: nodes), a check that it did
//! its work; `errors` the pages it returned an error on.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use deboiler::Cleaner;
use unicode_segmentation::UnicodeSegmentation;

#[path = "../../../crates/deboiler-cli/src/bin/deboiler-eval/clock.rs"]
mod clock;

const TOOLS: [&str; 5] = [
    "deboiler-html",
    "dom_smoothie",
    "parse-only",
    "deboiler-text",
    "unicode-words",
];

/// The inputs of a corpus folder (`*.html`, or `*.txt` that are not gold),
/// sorted by name.
fn inputs(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.retain(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        name.ends_with(&format!(".{ext}")) && !name.ends_with(".gold.txt")
    });
    paths.sort();
    paths
}

fn read_utf8(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| {
            String::from_utf8(std::fs::read(p).expect("readable corpus file"))
                .unwrap_or_else(|_| panic!("{} is not UTF-8", p.display()))
        })
        .collect()
}

/// One pass of `tool` over its pages: (errors, characters of output).
fn pass(tool: &str, cleaner: &Cleaner, html: &[String], text: &[String]) -> (usize, usize) {
    let mut errors = 0;
    let mut chars = 0;
    match tool {
        "deboiler-html" => {
            for page in html {
                match cleaner.clean_bytes(black_box(page.as_bytes())) {
                    Ok(article) => chars += black_box(article.body_text()).len(),
                    Err(_) => errors += 1,
                }
            }
        }
        "dom_smoothie" => {
            for page in html {
                let article = dom_smoothie::Readability::new(black_box(page.as_str()), None, None)
                    .and_then(|mut r| r.parse());
                match article {
                    Ok(article) => chars += black_box(article.text_content).len(),
                    Err(_) => errors += 1,
                }
            }
        }
        "parse-only" => {
            for page in html {
                let doc = scraper::Html::parse_document(black_box(page));
                chars += black_box(doc.tree.nodes().count());
            }
        }
        "deboiler-text" => {
            for page in text {
                match cleaner.clean_text(black_box(page)) {
                    Ok(article) => chars += black_box(article.body_text()).len(),
                    Err(_) => errors += 1,
                }
            }
        }
        "unicode-words" => {
            for page in text {
                chars += black_box(black_box(page.as_str()).unicode_words().count());
            }
        }
        _ => unreachable!("tool names are checked in main"),
    }
    (errors, chars)
}

fn main() {
    let mut rounds = 5usize;
    let mut min_seconds = 0.5f64;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut html_dir = root.join("corpus/zyte");
    let mut text_dir = root.join("corpus/zyte-text");
    let mut tools: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--rounds N")
            }
            "--min-seconds" => {
                min_seconds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--min-seconds S")
            }
            "--html" => html_dir = PathBuf::from(args.next().expect("--html DIR")),
            "--text" => text_dir = PathBuf::from(args.next().expect("--text DIR")),
            "-h" | "--help" => {
                eprintln!(
                    "side-by-side [--rounds N] [--min-seconds S] [--html DIR] [--text DIR] [TOOL...]\ntools: {}",
                    TOOLS.join(" ")
                );
                return;
            }
            t if TOOLS.contains(&t) => tools.push(t.to_string()),
            other => {
                eprintln!("unknown argument {other:?}; tools: {}", TOOLS.join(" "));
                std::process::exit(2);
            }
        }
    }
    if tools.is_empty() {
        tools = TOOLS.iter().map(|t| t.to_string()).collect();
    }
    let html = read_utf8(&inputs(&html_dir, "html"));
    let text = read_utf8(&inputs(&text_dir, "txt"));
    let html_bytes: usize = html.iter().map(String::len).sum();
    let text_bytes: usize = text.iter().map(String::len).sum();
    let cleaner = Cleaner::new();

    // The warm-up sweep also says how many sweeps fill `min_seconds`.
    let mut sweeps = Vec::with_capacity(tools.len());
    for tool in &tools {
        let cpu0 = clock::thread_cpu_seconds();
        let wall0 = Instant::now();
        black_box(pass(tool, &cleaner, &html, &text));
        let took = match (cpu0, clock::thread_cpu_seconds()) {
            (Some(a), Some(b)) if b > a => b - a,
            _ => wall0.elapsed().as_secs_f64(),
        };
        sweeps.push((min_seconds / took.max(1e-6)).ceil().clamp(1.0, 10_000.0) as usize);
    }
    for round in 0..rounds {
        for (tool, &sweeps) in tools.iter().zip(&sweeps) {
            let (pages, bytes) = if tool.starts_with("deboiler-text") || tool == "unicode-words" {
                (text.len(), text_bytes)
            } else {
                (html.len(), html_bytes)
            };
            let cpu0 = clock::thread_cpu_seconds();
            let wall0 = Instant::now();
            let (mut errors, mut out_chars) = (0, 0);
            for _ in 0..sweeps {
                (errors, out_chars) = pass(tool, &cleaner, &html, &text);
            }
            let wall_s = wall0.elapsed().as_secs_f64() / sweeps as f64;
            let cpu_s = match (cpu0, clock::thread_cpu_seconds()) {
                (Some(a), Some(b)) => format!("{:.6}", (b - a) / sweeps as f64),
                _ => "null".to_string(),
            };
            println!(
                "{{\"tool\":\"{tool}\",\"round\":{round},\"pages\":{pages},\"bytes\":{bytes},\"sweeps\":{sweeps},\"cpu_s\":{cpu_s},\"wall_s\":{wall_s:.6},\"errors\":{errors},\"out_chars\":{out_chars}}}"
            );
        }
    }
}
