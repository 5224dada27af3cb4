//! `deboiler-eval`: score deboiler on a folder of pages with gold bodies.
//!
//! ```text
//! cargo run --release --bin deboiler-eval -- corpus/zyte
//! cargo run --release --bin deboiler-eval -- corpus/zyte-text --worst 20
//! cargo run --release --bin deboiler-eval -- corpus/zyte --write-preds /tmp/preds --json
//! cargo run --release --bin deboiler-eval -- corpus/zyte --worst 5 --why
//! cargo run --release --bin deboiler-eval -- --pool --baseline bench/baseline-dev.json
//! ```
//!
//! The folder holds `<id>.gold.txt` and, for each id, `<id>.html` or
//! `<id>.txt`. Scoring is the Zyte benchmark's (see `score.rs`), so the
//! figures agree with `bench/score.py` on the same outputs; `--write-preds`
//! writes those outputs where `score.py` expects them.
//!
//! `--pool [DIR]` scores every set of a development pool in one run (see
//! `pool.rs`), and `--why` says where each worst page's missing gold went
//! (see `why.rs`).

mod clock;
mod pool;
mod score;
mod why;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use deboiler::{Article, Cleaner};
use rayon::prelude::*;
use serde_json::{Value, json};

use score::{Counts, PageScore, Run};

/// Score deboiler against gold article bodies (Zyte-benchmark scoring).
#[derive(Parser, Debug)]
#[command(name = "deboiler-eval", version, about)]
struct Args {
    /// Folder of `<id>.html` or `<id>.txt` inputs with `<id>.gold.txt` gold.
    #[arg(
        value_name = "DIR",
        required_unless_present = "pool",
        conflicts_with = "pool"
    )]
    dir: Option<PathBuf>,
    /// Score every set of a dev pool (each subfolder with gold) in one run
    /// and print one row per set. DIR defaults to ../shared/corpus-dev; when
    /// it is absent the run is skipped with a message, exit status 0.
    #[arg(long, value_name = "DIR", num_args = 0..=1, default_missing_value = DEFAULT_POOL)]
    pool: Option<PathBuf>,
    /// With --pool: score only this set (repeatable).
    #[arg(long, value_name = "NAME", requires = "pool")]
    set: Vec<String>,
    /// With --pool: write the figures (per set and per page id; no page
    /// text) to FILE as JSON, for a later --baseline.
    #[arg(long, value_name = "FILE", requires = "pool")]
    save_baseline: Option<PathBuf>,
    /// With --pool: show the change against a saved baseline, per set, and
    /// the pages whose F1 changed notably.
    #[arg(long, value_name = "FILE", requires = "pool")]
    baseline: Option<PathBuf>,
    /// With --baseline: the F1 change that makes a page notably worse or
    /// better.
    #[arg(long, value_name = "F1", default_value_t = 0.2, requires = "baseline")]
    changed: f64,
    /// For each worst page, the removal reasons of the blocks that held the
    /// missing gold (shingles per reason, and how many sit in no block);
    /// also the totals per reason over all pages of each set.
    #[arg(long)]
    why: bool,
    /// Print one JSON object (all figures, every page) instead of text.
    #[arg(long)]
    json: bool,
    /// Write each output to `DIR/deboiler/<id>.txt` (plus `_meta.json`), the
    /// layout `bench/score.py` reads.
    #[arg(long, value_name = "DIR", conflicts_with = "pool")]
    write_preds: Option<PathBuf>,
    /// How many of the worst pages to show (with --pool: per set, with
    /// --why; and how many changed pages to list per set).
    #[arg(long, value_name = "N", default_value_t = 10)]
    worst: usize,
    /// How to read each input: by extension (`.html` as HTML, `.txt` as
    /// scraped text), or force one path (a page with both files is read from
    /// the one that matches).
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    input: Input,
    /// Score the hand rules alone: leave out the learned second opinion on
    /// scraped text (`Builder::learned(false)`, bench/LEARNED.md).
    #[arg(long)]
    hand_rules_only: bool,
}

impl Args {
    /// The cleaner every page is scored with.
    fn cleaner(&self) -> Cleaner {
        Cleaner::builder()
            .learned(!self.hand_rules_only)
            .build()
            .expect("the default limits are valid")
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Input {
    Auto,
    Text,
    Html,
}

impl Input {
    fn as_str(self) -> &'static str {
        match self {
            Input::Auto => "auto",
            Input::Text => "text",
            Input::Html => "html",
        }
    }
}

/// How long the cleaning took: on-CPU time where the platform reports it
/// (see `clock.rs` for why), else wall time.
#[derive(Clone, Copy, Debug)]
struct Timing {
    cpu: Option<f64>,
    wall: f64,
}

impl Timing {
    fn new(cpu: Option<f64>, wall: f64) -> Timing {
        Timing {
            cpu: cpu.filter(|&c| c > 0.0),
            wall,
        }
    }

    fn seconds(self) -> f64 {
        self.cpu.unwrap_or(self.wall)
    }

    fn clock(self) -> &'static str {
        if self.cpu.is_some() { "CPU" } else { "wall" }
    }
}

/// One page of the folder, read into memory before any timing starts.
struct Page {
    id: String,
    gold: String,
    input: Vec<u8>,
    html: bool,
    url: Option<String>,
}

/// What deboiler made of one page.
struct Output {
    body: String,
    elapsed: Duration,
    error: Option<String>,
}

/// How many unmatched runs per side the report quotes, and how long a quote
/// may be. Two runs of ~160 characters are enough to recognise a menu, a
/// teaser list or a lost paragraph without flooding the terminal.
const RUNS_SHOWN: usize = 2;
const EXCERPT_CHARS: usize = 160;

/// How long the example block quoted per reason by `--why` may be: one
/// line, enough to tell a teaser list from a lost paragraph.
const EXAMPLE_CHARS: usize = 80;

/// Where `--pool` looks when given no folder: the pool sits beside the
/// worktrees, so this is right from a worktree's root.
const DEFAULT_POOL: &str = "../shared/corpus-dev";

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("deboiler-eval: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    if args.changed.is_nan() || args.changed <= 0.0 {
        return Err(format!("--changed {}: must be above 0", args.changed));
    }
    if let Some(pool) = &args.pool {
        return pool::run(args, pool).map(|_| ());
    }
    let dir = args
        .dir
        .as_deref()
        .ok_or("give a folder to score, or --pool")?;
    let pages = load(dir, args.input)?;
    let cleaner = args.cleaner();
    let cpu_before = clock::thread_cpu_seconds();
    let outputs: Vec<Output> = pages
        .iter()
        .map(|p| clean(&cleaner, p, args.input))
        .collect();
    let cpu = cpu_before
        .zip(clock::thread_cpu_seconds())
        .map(|(a, b)| b - a);

    let scores: Vec<PageScore<'_>> = pages
        .iter()
        .zip(&outputs)
        .map(|(p, o)| score::score_page(&p.gold, &o.body, score::N))
        .collect();
    let counts: Vec<Counts> = scores.iter().map(|s| s.counts).collect();
    let agg = score::aggregate(&counts);
    let f1_page = score::f1_per_page_mean(&counts);
    let empty = scores.iter().filter(|s| s.pred.is_empty()).count();
    let errors: Vec<(&str, &str)> = pages
        .iter()
        .zip(&outputs)
        .filter_map(|(p, o)| o.error.as_deref().map(|e| (p.id.as_str(), e)))
        .collect();
    let wall: f64 = outputs.iter().map(|o| o.elapsed.as_secs_f64()).sum();
    let timing = Timing::new(cpu, wall);
    let seconds = timing.seconds();
    let bytes: usize = pages.iter().map(|p| p.input.len()).sum();
    let pages_per_s = pages.len() as f64 / seconds;
    let mb_per_s = bytes as f64 / 1e6 / seconds;

    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| {
        counts[a]
            .f1()
            .total_cmp(&counts[b].f1())
            .then(pages[a].id.cmp(&pages[b].id))
    });
    let worst = &order[..args.worst.min(order.len())];
    let scripts = by_script(&pages, &counts);
    // Where the missing gold went: a second, untimed pass, so the speed
    // above stays the cleaning's alone.
    let whys: Option<Vec<Option<why::Why>>> = args.why.then(|| {
        pages
            .par_iter()
            .map(|p| {
                article(&cleaner, p, args.input)
                    .ok()
                    .map(|a| why::why(&p.gold, &a))
            })
            .collect()
    });
    let mut why_totals = why::Totals::default();
    whys.iter()
        .flatten()
        .flatten()
        .for_each(|w| why_totals.add(w));

    if let Some(dir) = &args.write_preds {
        write_preds(dir, &pages, &outputs, timing, bytes, &errors)?;
    }

    let kind = input_label(&pages);
    if args.json {
        let worst_json: Vec<Value> = worst
            .iter()
            .map(|&i| {
                let (p, o, s) = (&pages[i], &outputs[i], &scores[i]);
                let quote = |text: &str, runs: Vec<Run>| -> Vec<Value> {
                    runs.iter()
                        .take(RUNS_SHOWN)
                        .map(|r| json!({"tokens": r.tokens, "text": excerpt(&text[r.start..r.end])}))
                        .collect()
                };
                json!({
                    "id": p.id,
                    "url": p.url,
                    "f1": s.counts.f1(),
                    "precision": s.counts.precision(),
                    "recall": s.counts.recall(),
                    "extra_tokens": s.pred_matched.iter().filter(|m| !**m).count(),
                    "missing_tokens": s.gold_matched.iter().filter(|m| !**m).count(),
                    "kept_wrongly": quote(&o.body, score::unmatched_runs(&s.pred, &s.pred_matched)),
                    "dropped_wrongly": quote(&p.gold, score::unmatched_runs(&s.gold, &s.gold_matched)),
                    "why": whys.as_ref().and_then(|w| w[i].as_ref()).map(pool::why_json),
                })
            })
            .collect();
        let per_page: Vec<Value> = pages
            .iter()
            .zip(&counts)
            .map(|(p, c)| {
                json!({"id": p.id, "tp": c.tp, "fp": c.fp, "fn": c.fn_,
                       "precision": c.precision(), "recall": c.recall(), "f1": c.f1()})
            })
            .collect();
        let mut out = json!({
            "dir": dir.display().to_string(),
            "input": kind,
            "input_mode": args.input.as_str(),
            "deboiler_version": env!("CARGO_PKG_VERSION"),
            "pages": pages.len(),
            "f1": agg.f1,
            "precision": agg.precision,
            "recall": agg.recall,
            "f1_per_page_mean": f1_page,
            "empty_outputs": empty,
            "errors": errors.iter().map(|(id, e)| json!({"id": id, "error": e})).collect::<Vec<_>>(),
            "seconds": seconds,
            "clock": timing.clock(),
            "wall_seconds": wall,
            "cpu_seconds": cpu,
            "input_bytes": bytes,
            "pages_per_s": pages_per_s,
            "mb_per_s": mb_per_s,
            "worst": worst_json,
            "per_page": per_page,
            "by_script": scripts
                .iter()
                .map(|g| json!({"script": g.script, "pages": g.pages, "f1": g.agg.f1,
                    "precision": g.agg.precision, "recall": g.agg.recall, "f1_per_page_mean": g.f1_page}))
                .collect::<Vec<_>>(),
        });
        if args.why
            && let Some(obj) = out.as_object_mut()
        {
            obj.insert("missing_by_reason".into(), pool::totals_json(&why_totals));
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(());
    }

    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} pages ({kind}), deboiler {}",
        dir.display(),
        pages.len(),
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        s,
        "F1 {:.3}   precision {:.3}   recall {:.3}   F1/page {:.3}   empty {}   errors {}",
        agg.f1,
        agg.precision,
        agg.recall,
        f1_page,
        empty,
        errors.len()
    );
    let _ = writeln!(
        s,
        "speed: {:.1} pages/s, {:.2} MB/s by {} time ({} pages, {:.2} MB; cleaning took {:.3} s on CPU, {:.3} s wall; one thread)",
        pages_per_s,
        mb_per_s,
        timing.clock(),
        pages.len(),
        bytes as f64 / 1e6,
        cpu.unwrap_or(f64::NAN),
        wall
    );
    for (id, e) in &errors {
        let _ = writeln!(s, "error: {id}: {e}");
    }
    if scripts.len() > 1 {
        let _ = writeln!(s, "by script of the gold:");
        for g in &scripts {
            let _ = writeln!(
                s,
                "  {:<9} {:>3} pages   F1 {:.3}   P {:.3}   R {:.3}   F1/page {:.3}",
                g.script, g.pages, g.agg.f1, g.agg.precision, g.agg.recall, g.f1_page
            );
        }
    }
    if args.why {
        let _ = writeln!(
            s,
            "missing gold by reason, all {} pages ({} shingles):",
            pages.len(),
            why_totals.missing
        );
        pool::write_totals(&mut s, &why_totals);
    }
    if !worst.is_empty() {
        let _ = writeln!(s, "\nworst {} pages by F1:", worst.len());
    }
    for (rank, &i) in worst.iter().enumerate() {
        let (p, o, sc) = (&pages[i], &outputs[i], &scores[i]);
        let c = sc.counts;
        let _ = writeln!(
            s,
            "\n{:2}. {}  F1 {:.3}  P {:.3}  R {:.3}  ({} output tokens, {} gold tokens)",
            rank + 1,
            p.id,
            c.f1(),
            c.precision(),
            c.recall(),
            sc.pred.len(),
            sc.gold.len()
        );
        if let Some(url) = &p.url {
            let _ = writeln!(s, "    {url}");
        }
        describe(&mut s, "kept wrongly", &o.body, &sc.pred, &sc.pred_matched);
        describe(
            &mut s,
            "dropped wrongly",
            &p.gold,
            &sc.gold,
            &sc.gold_matched,
        );
        if let Some(Some(w)) = whys.as_ref().map(|w| &w[i]) {
            write_why(&mut s, "    ", w);
        }
    }
    print!("{s}");
    Ok(())
}

/// "kept wrongly: 312 tokens in 14 runs" and the longest runs, quoted.
fn describe(s: &mut String, what: &str, text: &str, toks: &[score::Token<'_>], matched: &[bool]) {
    let runs = score::unmatched_runs(toks, matched);
    let total: usize = runs.iter().map(|r| r.tokens).sum();
    if total == 0 {
        let _ = writeln!(s, "    {what}: nothing");
        return;
    }
    let plural = if runs.len() == 1 { "" } else { "s" };
    let _ = writeln!(
        s,
        "    {what}: {total} tokens in {} run{plural}",
        runs.len()
    );
    for r in runs.iter().take(RUNS_SHOWN) {
        let _ = writeln!(
            s,
            "      [{} tokens] \"{}\"",
            r.tokens,
            excerpt(&text[r.start..r.end])
        );
    }
}

/// "missing gold: 120 shingles", then one line per reason (most first) with
/// its shingles, blocks and the text of the block that held most, and the
/// shingles in no block.
fn write_why(s: &mut String, indent: &str, w: &why::Why) {
    if w.missing == 0 {
        let _ = writeln!(s, "{indent}missing gold: none");
        return;
    }
    let _ = writeln!(s, "{indent}missing gold: {} shingles", w.missing);
    for r in &w.by_reason {
        let plural = if r.blocks == 1 { "" } else { "s" };
        let _ = writeln!(
            s,
            "{indent}  {:<16} {:>6} in {} block{plural}, most in \"{}\"",
            r.reason.as_str(),
            r.shingles,
            r.blocks,
            excerpt_chars(&r.example, EXAMPLE_CHARS)
        );
    }
    if w.in_no_block > 0 {
        let _ = writeln!(s, "{indent}  {:<16} {:>6}", "in no block", w.in_no_block);
    }
}

/// Whitespace collapsed, cut to [`EXCERPT_CHARS`] with the middle elided so
/// both ends of a run stay visible.
fn excerpt(text: &str) -> String {
    excerpt_chars(text, EXCERPT_CHARS)
}

/// Whitespace collapsed, cut to `max` characters with the middle elided.
fn excerpt_chars(text: &str, max: usize) -> String {
    let flat: Vec<char> = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    if flat.len() <= max {
        return flat.into_iter().collect();
    }
    let half = max / 2;
    let head: String = flat[..half].iter().collect();
    let tail: String = flat[flat.len() - half..].iter().collect();
    format!("{head} … {tail}")
}

/// The figures of the pages whose gold is mostly in one script.
struct ScriptGroup {
    script: &'static str,
    pages: usize,
    agg: score::Aggregate,
    f1_page: f64,
}

/// Groups pages by the script most of their gold's letters are in, so a
/// regression on Korean or Japanese pages is not averaged away by the 130
/// English ones.
fn by_script(pages: &[Page], counts: &[Counts]) -> Vec<ScriptGroup> {
    let mut groups: Vec<(&'static str, Vec<Counts>)> = Vec::new();
    for (p, c) in pages.iter().zip(counts) {
        let script = script_of(&p.gold);
        match groups.iter_mut().find(|(s, _)| *s == script) {
            Some((_, v)) => v.push(*c),
            None => groups.push((script, vec![*c])),
        }
    }
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    groups
        .into_iter()
        .map(|(script, c)| ScriptGroup {
            script,
            pages: c.len(),
            agg: score::aggregate(&c),
            f1_page: score::f1_per_page_mean(&c),
        })
        .collect()
}

/// The script of most letters of `text`: Latin, Cyrillic, Hangul, CJK (Han
/// and kana together, since Japanese mixes them), or other.
fn script_of(text: &str) -> &'static str {
    let mut n = [0usize; 5];
    const NAMES: [&str; 5] = ["latin", "cyrillic", "hangul", "cjk", "other"];
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        let i = match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => 0,
            0x400..=0x52F => 1,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => 2,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => 3,
            _ => 4,
        };
        n[i] += 1;
    }
    let best = (0..5)
        .max_by_key(|&i| (n[i], std::cmp::Reverse(i)))
        .unwrap_or(4);
    if n[best] == 0 { "none" } else { NAMES[best] }
}

fn input_label(pages: &[Page]) -> &'static str {
    match (pages.iter().any(|p| p.html), pages.iter().any(|p| !p.html)) {
        (true, false) => "html",
        (false, true) => "text",
        _ => "mixed",
    }
}

/// Cleans one page the way `input` says: HTML from its bytes (decoding
/// included) in auto mode, else as UTF-8 HTML or scraped text.
fn article<'p>(cleaner: &Cleaner, page: &'p Page, input: Input) -> Result<Article<'p>, String> {
    if page.html && input == Input::Auto {
        // A fetched page arrives as bytes: decoding is part of the work a
        // caller pays for, so it is inside the timing.
        return cleaner.clean_bytes(&page.input).map_err(|e| e.to_string());
    }
    match std::str::from_utf8(&page.input) {
        Ok(text) if page.html => cleaner.clean_html(text).map_err(|e| e.to_string()),
        Ok(text) => cleaner.clean_text(text).map_err(|e| e.to_string()),
        Err(e) => Err(format!("not valid UTF-8 at byte {}", e.valid_up_to())),
    }
}

fn clean(cleaner: &Cleaner, page: &Page, input: Input) -> Output {
    let start = Instant::now();
    let result = article(cleaner, page, input).map(|a| a.body_text());
    let elapsed = start.elapsed();
    match result {
        Ok(body) => Output {
            body,
            elapsed,
            error: None,
        },
        Err(e) => Output {
            body: String::new(),
            elapsed,
            error: Some(e),
        },
    }
}

fn load(dir: &Path, input: Input) -> Result<Vec<Page>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut ids: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".gold.txt"))
                .map(str::to_owned)
        })
        .collect();
    ids.sort();
    if ids.is_empty() {
        return Err(format!("no *.gold.txt in {}", dir.display()));
    }
    let urls = manifest_urls(dir);
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let html_path = dir.join(format!("{id}.html"));
        let text_path = dir.join(format!("{id}.txt"));
        // The file whose extension matches the mode if there is one, else
        // the other: `--input text` on an HTML folder reads the HTML as text.
        let path = match input {
            Input::Text if text_path.exists() => text_path.clone(),
            Input::Text => html_path.clone(),
            _ if html_path.exists() => html_path.clone(),
            _ => text_path.clone(),
        };
        let html = match input {
            Input::Html => true,
            Input::Text => false,
            Input::Auto => path == html_path,
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gold_path = dir.join(format!("{id}.gold.txt"));
        let gold =
            std::fs::read(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let gold = String::from_utf8(gold).map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let url = urls.get(&id).cloned();
        pages.push(Page {
            id,
            gold,
            input: bytes,
            html,
            url,
        });
    }
    Ok(pages)
}

/// Page URLs from `manifest.json` (the zyte folder has one; the text folder
/// borrows its sibling's), for the worst-page list.
fn manifest_urls(dir: &Path) -> std::collections::HashMap<String, String> {
    let mut candidates = vec![dir.join("manifest.json")];
    if let (Some(parent), Some(name)) = (dir.parent(), dir.file_name().and_then(|n| n.to_str()))
        && let Some(base) = name.strip_suffix("-text")
    {
        candidates.push(parent.join(base).join("manifest.json"));
    }
    for path in candidates {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if let Some(docs) = v["docs"].as_array() {
            return docs
                .iter()
                .filter_map(|d| Some((d["id"].as_str()?.to_owned(), d["url"].as_str()?.to_owned())))
                .collect();
        }
    }
    Default::default()
}

fn write_preds(
    root: &Path,
    pages: &[Page],
    outputs: &[Output],
    timing: Timing,
    bytes: usize,
    errors: &[(&str, &str)],
) -> Result<(), String> {
    let dir = root.join("deboiler");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (p, o) in pages.iter().zip(outputs) {
        let path = dir.join(format!("{}.txt", p.id));
        std::fs::write(&path, &o.body).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let meta = json!({
        "tool": "deboiler",
        "lang": "Rust",
        "version": env!("CARGO_PKG_VERSION"),
        "call": "deboiler-eval (Cleaner::clean_bytes for .html, clean_text for .txt)",
        "docs": pages.len(),
        "seconds": timing.seconds(),
        "clock": timing.clock(),
        "wall_seconds": timing.wall,
        "docs_per_s": pages.len() as f64 / timing.seconds(),
        "mb_per_s": bytes as f64 / 1e6 / timing.seconds(),
        "errors": errors.iter().map(|(id, e)| (id.to_string(), Value::from(*e))).collect::<serde_json::Map<_, _>>(),
    });
    let path = dir.join("_meta.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&meta).map_err(|e| e.to_string())?,
    )
    .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_of_takes_the_majority_of_letters() {
        assert_eq!(script_of("The council voted on Tuesday."), "latin");
        assert_eq!(
            script_of("Совет проголосовал во вторник (Reuters)."),
            "cyrillic"
        );
        assert_eq!(script_of("서울시는 화요일에 투표했다 (Yonhap)"), "hangul");
        assert_eq!(script_of("東京都は火曜日に投票した。"), "cjk");
        assert_eq!(script_of("Η βουλή ψήφισε"), "other");
        assert_eq!(script_of("1234 !?"), "none");
    }

    #[test]
    fn cpu_time_grows_with_work() {
        let Some(before) = clock::thread_cpu_seconds() else {
            return;
        };
        let mut x = 0u64;
        for i in 0..50_000_000u64 {
            x = std::hint::black_box(x.wrapping_add(i));
        }
        let after = clock::thread_cpu_seconds().unwrap();
        assert!(after > before, "{before} -> {after} after {x}");
    }

    #[test]
    fn excerpt_keeps_both_ends_of_a_long_run() {
        let long = format!("start {} end", "word ".repeat(100));
        let e = excerpt(&long);
        assert!(
            e.starts_with("start word") && e.ends_with("word end"),
            "{e}"
        );
        assert!(e.contains(" … "));
        assert_eq!(excerpt("a\n\n b\tc"), "a b c");
    }
}
