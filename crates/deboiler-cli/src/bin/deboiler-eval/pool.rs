//! `deboiler-eval --pool`: every set of a development pool in one run, one
//! table row per set, and the change against a saved baseline.
//!
//! A pool is a folder whose subfolders are sets in the layout one-folder
//! mode reads (`<id>.gold.txt` beside `<id>.html` or `<id>.txt`); a
//! subfolder without gold is not a set and is passed over. Each set is read
//! by extension, as `--input auto` reads it. Pages are cleaned on all cores
//! (rayon), so this mode reports no speed: one-folder mode times one thread
//! by its CPU time, and that is the figure to quote.
//!
//! A baseline (`--save-baseline`) holds figures only, never page text: per
//! set the aggregates and, per page id, precision, recall, F1 and whether
//! the output was empty.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use deboiler::Cleaner;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::score::{self, Counts};
use crate::why::{self, Why};
use crate::{Args, Input, article, excerpt_chars, load, write_why};

/// The version of the baseline file's layout; a file of another version is
/// refused rather than misread.
const BASELINE_FORMAT: u32 = 1;

/// A set costs more than this much F1 against the baseline: flagged, since
/// issue 14 counts a change only when no set loses more.
const SET_F1_TOLERANCE: f64 = 0.005;

/// Per-page figures are stored to four decimals: that keeps the baseline of
/// the 1,824-page pool near 100 KB, and a page's F1 change is only read at
/// a resolution of 0.001.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// JSON has no NaN (a mean over no pages is NaN, as in `score.py`): it is
/// written as `null` and read back as NaN.
mod nan_as_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        if x.is_finite() {
            s.serialize_f64(*x)
        } else {
            s.serialize_none()
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
    }
}

/// The figures of a group of pages: a set, or the whole pool.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Aggregates {
    pub pages: usize,
    #[serde(with = "nan_as_null")]
    pub f1: f64,
    #[serde(with = "nan_as_null")]
    pub precision: f64,
    #[serde(with = "nan_as_null")]
    pub recall: f64,
    #[serde(with = "nan_as_null")]
    pub f1_per_page_mean: f64,
    pub empty_outputs: usize,
    /// Pages with gold whose recall is below 0.5.
    pub lost: usize,
    /// Pages with output whose precision is below 0.5.
    pub polluted: usize,
}

impl Aggregates {
    fn of(pages: &[(Counts, bool)]) -> Aggregates {
        let counts: Vec<Counts> = pages.iter().map(|(c, _)| *c).collect();
        let agg = score::aggregate(&counts);
        Aggregates {
            pages: pages.len(),
            f1: agg.f1,
            precision: agg.precision,
            recall: agg.recall,
            f1_per_page_mean: score::f1_per_page_mean(&counts),
            empty_outputs: pages.iter().filter(|(_, empty)| *empty).count(),
            lost: counts.iter().filter(|c| is_lost(**c)).count(),
            polluted: counts.iter().filter(|c| is_polluted(**c)).count(),
        }
    }
}

/// Lost: the page has gold and less than half of it came out.
pub fn is_lost(c: Counts) -> bool {
    c.has_gold() && c.recall() < 0.5
}

/// Polluted: the page has output and less than half of it is gold. An empty
/// output is counted as empty (and lost), not as polluted.
pub fn is_polluted(c: Counts) -> bool {
    c.has_prediction() && c.precision() < 0.5
}

/// One page's figures, as a baseline stores them.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
pub struct PageFigures {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub empty: bool,
}

/// One set's figures, as a baseline stores them.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SetFigures {
    /// `html`, `text` or `mixed`.
    pub input: String,
    #[serde(flatten)]
    pub totals: Aggregates,
    pub per_page: BTreeMap<String, PageFigures>,
}

/// A saved run: what `--save-baseline` writes and `--baseline` reads.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Baseline {
    pub format: u32,
    pub deboiler_version: String,
    pub scoring: String,
    /// Every page of every set, scored as one set.
    pub pooled: Aggregates,
    pub sets: BTreeMap<String, SetFigures>,
}

/// One page of a pool run.
struct PageResult {
    id: String,
    url: Option<String>,
    counts: Counts,
    empty: bool,
    error: Option<String>,
    why: Option<Why>,
}

/// One set of a pool run.
struct SetRun {
    name: String,
    pages: Vec<PageResult>,
    figures: SetFigures,
}

/// Pages whose F1 moved by at least the threshold against the baseline.
struct Changes {
    /// (id, before, after), most changed first.
    worse: Vec<(String, PageFigures, PageFigures)>,
    better: Vec<(String, PageFigures, PageFigures)>,
    /// Pages of this run the baseline does not have.
    new_pages: usize,
    /// Pages of the baseline this run does not have.
    gone_pages: usize,
}

fn changes(now: &SetFigures, base: &SetFigures, threshold: f64) -> Changes {
    let mut c = Changes {
        worse: Vec::new(),
        better: Vec::new(),
        new_pages: 0,
        gone_pages: base
            .per_page
            .keys()
            .filter(|id| !now.per_page.contains_key(*id))
            .count(),
    };
    for (id, after) in &now.per_page {
        let Some(before) = base.per_page.get(id) else {
            c.new_pages += 1;
            continue;
        };
        let d = after.f1 - before.f1;
        // The figures are rounded to four decimals, so a small epsilon keeps
        // a change of exactly the threshold from falling below it.
        if d <= -threshold + 1e-9 {
            c.worse.push((id.clone(), *before, *after));
        } else if d >= threshold - 1e-9 {
            c.better.push((id.clone(), *before, *after));
        }
    }
    let change = |x: &(String, PageFigures, PageFigures)| (x.2.f1 - x.1.f1).abs();
    for list in [&mut c.worse, &mut c.better] {
        list.sort_by(|a, b| change(b).total_cmp(&change(a)).then(a.0.cmp(&b.0)));
    }
    c
}

/// The name of the table's last row.
const POOLED: &str = "pooled (all pages)";

/// Whether a baseline holds exactly the sets of this run, so that their
/// pooled figures can be compared.
fn same_sets(base: &Baseline, now: &Baseline) -> bool {
    base.sets.keys().eq(now.sets.keys())
}

/// The sets of the pool: subfolders holding at least one `*.gold.txt`, by
/// name; only those named in `only` when it is not empty.
fn sets_of(pool: &Path, only: &[String]) -> Result<Vec<(String, PathBuf)>, String> {
    let entries = std::fs::read_dir(pool).map_err(|e| format!("{}: {e}", pool.display()))?;
    let mut sets = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", pool.display()))?;
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        let has_gold = std::fs::read_dir(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().ends_with(".gold.txt"));
        if has_gold {
            sets.push((name, path));
        }
    }
    sets.sort();
    if let Some(unknown) = only.iter().find(|n| !sets.iter().any(|(s, _)| s == *n)) {
        let names: Vec<&str> = sets.iter().map(|(s, _)| s.as_str()).collect();
        return Err(format!(
            "--set {unknown}: no such set in {} (its sets: {})",
            pool.display(),
            names.join(", ")
        ));
    }
    if !only.is_empty() {
        sets.retain(|(name, _)| only.contains(name));
    }
    if sets.is_empty() {
        let is_a_set = std::fs::read_dir(pool)
            .map_err(|e| format!("{}: {e}", pool.display()))?
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().ends_with(".gold.txt"));
        let hint = if is_a_set {
            format!(
                "; it holds gold itself, so score it as one folder: deboiler-eval {}",
                pool.display()
            )
        } else {
            String::new()
        };
        return Err(format!(
            "no set in {}: no subfolder holds a *.gold.txt{hint}",
            pool.display()
        ));
    }
    Ok(sets)
}

fn run_set(cleaner: &Cleaner, name: &str, dir: &Path, with_why: bool) -> Result<SetRun, String> {
    let pages = load(dir, Input::Auto)?;
    let results: Vec<PageResult> = pages
        .par_iter()
        .map(|p| {
            let (body, error, why) = match article(cleaner, p, Input::Auto) {
                Ok(a) => {
                    let why = with_why.then(|| why::why(&p.gold, &a));
                    (a.body_text(), None, why)
                }
                Err(e) => (String::new(), Some(e), None),
            };
            let s = score::score_page(&p.gold, &body, score::N);
            PageResult {
                id: p.id.clone(),
                url: p.url.clone(),
                counts: s.counts,
                empty: s.pred.is_empty(),
                error,
                why,
            }
        })
        .collect();
    let pairs: Vec<(Counts, bool)> = results.iter().map(|r| (r.counts, r.empty)).collect();
    let per_page = results
        .iter()
        .map(|r| {
            let c = r.counts;
            let f = PageFigures {
                p: round4(c.precision()),
                r: round4(c.recall()),
                f1: round4(c.f1()),
                empty: r.empty,
            };
            (r.id.clone(), f)
        })
        .collect();
    Ok(SetRun {
        name: name.to_owned(),
        figures: SetFigures {
            input: crate::input_label(&pages).to_owned(),
            totals: Aggregates::of(&pairs),
            per_page,
        },
        pages: results,
    })
}

/// Writes `v` as indented JSON, but an object of at most four scalars (a
/// page's figures) on one line: one line per page keeps the baseline small
/// and its diffs readable.
fn write_json(out: &mut String, v: &Value, indent: usize) {
    let flat = |m: &serde_json::Map<String, Value>| {
        m.len() <= 4 && m.values().all(|x| !x.is_object() && !x.is_array())
    };
    match v {
        Value::Object(m) if !m.is_empty() && !flat(m) => {
            out.push_str("{\n");
            for (i, (k, x)) in m.iter().enumerate() {
                out.push_str(&"  ".repeat(indent + 1));
                out.push_str(&Value::from(k.as_str()).to_string());
                out.push_str(": ");
                write_json(out, x, indent + 1);
                out.push_str(if i + 1 < m.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(indent));
            out.push('}');
        }
        Value::Object(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, x)| format!("{}: {x}", Value::from(k.as_str())))
                .collect();
            out.push('{');
            out.push_str(&parts.join(", "));
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn read_baseline(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
    if v["format"].as_u64() != Some(u64::from(BASELINE_FORMAT)) {
        return Err(format!(
            "{}: not a deboiler-eval baseline of format {BASELINE_FORMAT} (format: {})",
            path.display(),
            v["format"]
        ));
    }
    serde_json::from_value(v).map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs pool mode. Returns `Ok(false)` when the pool folder is absent (the
/// run was skipped).
pub fn run(args: &Args, pool: &Path) -> Result<bool, String> {
    if args.input != Input::Auto {
        return Err("--input applies to one folder; --pool reads each set by extension".into());
    }
    if !pool.is_dir() {
        let what = if pool.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        eprintln!(
            "deboiler-eval: skipped: the dev pool {} {what}, so there is nothing to score \
             (pass its path as --pool DIR){}",
            pool.display(),
            if args.save_baseline.is_some() {
                "; no baseline written"
            } else {
                ""
            }
        );
        return Ok(false);
    }
    let base = args.baseline.as_deref().map(read_baseline).transpose()?;
    let sets = sets_of(pool, &args.set)?;
    let cleaner = args.cleaner();
    let mut runs = Vec::with_capacity(sets.len());
    for (name, dir) in &sets {
        runs.push(run_set(&cleaner, name, dir, args.why)?);
    }
    let all: Vec<(Counts, bool)> = runs
        .iter()
        .flat_map(|r| r.pages.iter().map(|p| (p.counts, p.empty)))
        .collect();
    let saved = Baseline {
        format: BASELINE_FORMAT,
        deboiler_version: env!("CARGO_PKG_VERSION").to_owned(),
        scoring: "Zyte benchmark: word 4-gram shingles; P mean over pages with output, \
                  R mean over pages with gold, F1 of the two means"
            .to_owned(),
        pooled: Aggregates::of(&all),
        sets: runs
            .iter()
            .map(|r| (r.name.clone(), r.figures.clone()))
            .collect(),
    };
    if let Some(path) = &args.save_baseline {
        let v = serde_json::to_value(&saved).map_err(|e| e.to_string())?;
        let mut text = String::new();
        write_json(&mut text, &v, 0);
        text.push('\n');
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if args.json {
        print_json(args, pool, &runs, &saved, base.as_ref())?;
    } else {
        print!("{}", report(args, pool, &runs, &saved, base.as_ref()));
    }
    if let Some(path) = &args.save_baseline {
        eprintln!("deboiler-eval: baseline written to {}", path.display());
    }
    Ok(true)
}

fn signed(x: f64) -> String {
    if x.is_nan() {
        "—".to_owned()
    } else {
        format!("{x:+.3}")
    }
}

fn report(
    args: &Args,
    pool: &Path,
    runs: &[SetRun],
    now: &Baseline,
    base: Option<&Baseline>,
) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "pool {}: {} set{}, {} pages, deboiler {}",
        pool.display(),
        runs.len(),
        if runs.len() == 1 { "" } else { "s" },
        now.pooled.pages,
        env!("CARGO_PKG_VERSION")
    );
    if let (Some(b), Some(path)) = (base, &args.baseline) {
        let _ = write!(
            s,
            "; against {} (deboiler {})",
            path.display(),
            b.deboiler_version
        );
    }
    let _ = writeln!(s, "\n");
    let _ = write!(
        s,
        "{:<24} {:<5} {:>5} {:>6} {:>6} {:>6} {:>7} {:>5} {:>5} {:>8}",
        "set", "input", "pages", "F1", "P", "R", "F1/page", "empty", "lost", "polluted"
    );
    if base.is_some() {
        let _ = write!(
            s,
            "  {:>6} {:>6} {:>6} {:>5} {:>5} {:>5} {:>6}",
            "ΔF1", "ΔP", "ΔR", "Δlost", "Δpoll", "worse", "better"
        );
    }
    let _ = writeln!(s);
    let row = |s: &mut String,
               name: &str,
               input: &str,
               a: &Aggregates,
               b: Option<&Aggregates>,
               ch: Option<&Changes>| {
        let _ = write!(
            s,
            "{:<24} {:<5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>7.3} {:>5} {:>5} {:>8}",
            name,
            input,
            a.pages,
            a.f1,
            a.precision,
            a.recall,
            a.f1_per_page_mean,
            a.empty_outputs,
            a.lost,
            a.polluted
        );
        if base.is_some() {
            match b {
                Some(b) => {
                    let d = a.f1 - b.f1;
                    let _ = write!(
                        s,
                        "  {:>6} {:>6} {:>6} {:>+5} {:>+5}",
                        signed(d),
                        signed(a.precision - b.precision),
                        signed(a.recall - b.recall),
                        a.lost as i64 - b.lost as i64,
                        a.polluted as i64 - b.polluted as i64,
                    );
                    if let Some(ch) = ch {
                        let _ = write!(s, " {:>5} {:>6}", ch.worse.len(), ch.better.len());
                    }
                    if d < -SET_F1_TOLERANCE {
                        let _ = write!(s, "  !");
                    }
                }
                None if name == POOLED => {
                    let _ = write!(s, "  (the baseline holds other sets)");
                }
                None => {
                    let _ = write!(s, "  not in the baseline");
                }
            }
        }
        let _ = writeln!(s);
    };
    let threshold = args.changed;
    let mut all_changes = Vec::new();
    for r in runs {
        let b = base.and_then(|b| b.sets.get(&r.name));
        let ch = b.map(|b| changes(&r.figures, b, threshold));
        row(
            &mut s,
            &r.name,
            &r.figures.input,
            &r.figures.totals,
            b.map(|b| &b.totals),
            ch.as_ref(),
        );
        all_changes.push(ch);
    }
    let comparable = base.filter(|b| same_sets(b, now));
    row(
        &mut s,
        POOLED,
        "all",
        &now.pooled,
        comparable.map(|b| &b.pooled),
        None,
    );
    let _ = writeln!(
        s,
        "\nlost: recall < 0.5; polluted: precision < 0.5 (pages with output); pooled: every page scored as one set"
    );
    if base.is_some() {
        let _ = writeln!(
            s,
            "Δ: against the baseline; worse/better: pages whose F1 changed by at least {threshold}; \
             !: the set lost more than {SET_F1_TOLERANCE} F1"
        );
        if let Some(b) = base {
            let missing: Vec<&str> = b
                .sets
                .keys()
                .filter(|k| !runs.iter().any(|r| &r.name == *k))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() && args.set.is_empty() {
                let _ = writeln!(
                    s,
                    "in the baseline but not in this run: {}",
                    missing.join(", ")
                );
            }
        }
    }
    for r in runs {
        for p in &r.pages {
            if let Some(e) = &p.error {
                let _ = writeln!(s, "error: {}/{}: {e}", r.name, p.id);
            }
        }
    }

    for (r, ch) in runs.iter().zip(&all_changes) {
        let Some(ch) = ch else { continue };
        if ch.new_pages + ch.gone_pages > 0 {
            let _ = writeln!(
                s,
                "\n{}: {} pages not in the baseline, {} baseline pages not in this run",
                r.name, ch.new_pages, ch.gone_pages
            );
        }
        if ch.worse.is_empty() && ch.better.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "\n{}: {} pages notably worse, {} better (F1 change >= {threshold})",
            r.name,
            ch.worse.len(),
            ch.better.len()
        );
        for (label, list) in [("worse ", &ch.worse), ("better", &ch.better)] {
            for (id, before, after) in list.iter().take(args.worst) {
                let _ = writeln!(
                    s,
                    "  {label} {id}  F1 {:.3} -> {:.3} ({:+.3})  P {:.3} -> {:.3}  R {:.3} -> {:.3}{}",
                    before.f1,
                    after.f1,
                    after.f1 - before.f1,
                    before.p,
                    after.p,
                    before.r,
                    after.r,
                    if after.empty && !before.empty {
                        "  now empty"
                    } else {
                        ""
                    }
                );
            }
            if list.len() > args.worst {
                let _ = writeln!(
                    s,
                    "  … and {} more {} (--worst N shows more; --json lists all)",
                    list.len() - args.worst,
                    label.trim_end()
                );
            }
        }
    }

    if args.why {
        for r in runs {
            write_set_why(&mut s, r, args.worst);
        }
    }
    s
}

/// The set's missing gold by reason, and its worst pages with theirs.
fn write_set_why(s: &mut String, r: &SetRun, worst: usize) {
    let mut totals = why::Totals::default();
    for p in &r.pages {
        if let Some(w) = &p.why {
            totals.add(w);
        }
    }
    let _ = writeln!(
        s,
        "\n{}: missing gold by reason, all {} pages ({} shingles):",
        r.name,
        r.pages.len(),
        totals.missing
    );
    write_totals(s, &totals);
    let order = worst_order(&r.pages);
    let shown = &order[..worst.min(order.len())];
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(s, "{}: worst {} pages by F1:", r.name, shown.len());
    for (rank, &i) in shown.iter().enumerate() {
        let p = &r.pages[i];
        let c = p.counts;
        let _ = writeln!(
            s,
            "{:3}. {}  F1 {:.3}  P {:.3}  R {:.3}{}",
            rank + 1,
            p.id,
            c.f1(),
            c.precision(),
            c.recall(),
            if p.empty { "  empty output" } else { "" }
        );
        if let Some(url) = &p.url {
            let _ = writeln!(s, "     {url}");
        }
        if let Some(e) = &p.error {
            let _ = writeln!(s, "     error: {e}");
        }
        if let Some(w) = &p.why {
            write_why(s, "     ", w);
        }
    }
}

/// One line per reason (most missing gold first) and one for the gold in no
/// block: shingles and their share of all missing gold.
pub fn write_totals(s: &mut String, totals: &why::Totals) {
    let pct = |n: u64| 100.0 * n as f64 / totals.missing.max(1) as f64;
    for (reason, n) in &totals.by_reason {
        let _ = writeln!(s, "  {:<18} {:>8} {:>5.1}%", reason.as_str(), n, pct(*n));
    }
    let _ = writeln!(
        s,
        "  {:<18} {:>8} {:>5.1}%",
        "in no block",
        totals.in_no_block,
        pct(totals.in_no_block)
    );
}

/// The missing gold of many pages, by reason, as JSON.
pub fn totals_json(totals: &why::Totals) -> Value {
    json!({
        "missing_shingles": totals.missing,
        "by_reason": totals.by_reason.iter()
            .map(|(reason, n)| json!({"reason": reason.as_str(), "shingles": n}))
            .collect::<Vec<_>>(),
        "in_no_block": totals.in_no_block,
    })
}

/// Page indices, worst F1 first (ties by id).
fn worst_order(pages: &[PageResult]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| {
        pages[a]
            .counts
            .f1()
            .total_cmp(&pages[b].counts.f1())
            .then(pages[a].id.cmp(&pages[b].id))
    });
    order
}

/// One page's missing gold by reason, as JSON.
pub fn why_json(w: &Why) -> Value {
    json!({
        "missing_shingles": w.missing,
        "by_reason": w.by_reason.iter().map(|r| json!({
            "reason": r.reason.as_str(),
            "shingles": r.shingles,
            "blocks": r.blocks,
            "example": excerpt_chars(&r.example, crate::EXAMPLE_CHARS),
        })).collect::<Vec<_>>(),
        "in_no_block": w.in_no_block,
    })
}

fn print_json(
    args: &Args,
    pool: &Path,
    runs: &[SetRun],
    now: &Baseline,
    base: Option<&Baseline>,
) -> Result<(), String> {
    let threshold = args.changed;
    let change_json = |list: &[(String, PageFigures, PageFigures)]| -> Vec<Value> {
        list.iter()
            .map(|(id, before, after)| {
                json!({"id": id, "before": before, "after": after,
                "f1_change": after.f1 - before.f1})
            })
            .collect()
    };
    let delta = |a: &Aggregates, b: &Aggregates| {
        json!({
            "f1": a.f1 - b.f1,
            "precision": a.precision - b.precision,
            "recall": a.recall - b.recall,
            "f1_per_page_mean": a.f1_per_page_mean - b.f1_per_page_mean,
            "empty_outputs": a.empty_outputs as i64 - b.empty_outputs as i64,
            "lost": a.lost as i64 - b.lost as i64,
            "polluted": a.polluted as i64 - b.polluted as i64,
        })
    };
    let sets: Vec<Value> = runs
        .iter()
        .map(|r| {
            let mut v = json!({
                "set": r.name,
                "input": r.figures.input,
            });
            let totals = serde_json::to_value(&r.figures.totals).unwrap_or(Value::Null);
            if let (Some(obj), Value::Object(t)) = (v.as_object_mut(), totals) {
                obj.extend(t);
                obj.insert(
                    "errors".into(),
                    r.pages
                        .iter()
                        .filter_map(|p| p.error.as_ref().map(|e| json!({"id": p.id, "error": e})))
                        .collect::<Vec<_>>()
                        .into(),
                );
                if let Some(b) = base {
                    match b.sets.get(&r.name) {
                        Some(bs) => {
                            let ch = changes(&r.figures, bs, threshold);
                            obj.insert("delta".into(), delta(&r.figures.totals, &bs.totals));
                            obj.insert("worse".into(), change_json(&ch.worse).into());
                            obj.insert("better".into(), change_json(&ch.better).into());
                            obj.insert("pages_not_in_baseline".into(), ch.new_pages.into());
                            obj.insert("baseline_pages_not_here".into(), ch.gone_pages.into());
                        }
                        None => {
                            obj.insert("delta".into(), Value::Null);
                        }
                    }
                }
                if args.why {
                    let mut totals = why::Totals::default();
                    r.pages
                        .iter()
                        .filter_map(|p| p.why.as_ref())
                        .for_each(|w| totals.add(w));
                    obj.insert("missing_by_reason".into(), totals_json(&totals));
                    let order = worst_order(&r.pages);
                    let worst: Vec<Value> = order
                        .iter()
                        .take(args.worst)
                        .map(|&i| {
                            let p = &r.pages[i];
                            json!({
                                "id": p.id,
                                "url": p.url,
                                "f1": p.counts.f1(),
                                "precision": p.counts.precision(),
                                "recall": p.counts.recall(),
                                "empty": p.empty,
                                "why": p.why.as_ref().map(why_json),
                            })
                        })
                        .collect();
                    obj.insert("worst".into(), worst.into());
                }
            }
            v
        })
        .collect();
    let mut out = json!({
        "pool": pool.display().to_string(),
        "deboiler_version": env!("CARGO_PKG_VERSION"),
        "sets": sets,
        "pooled": now.pooled,
    });
    if let (Some(b), Some(path), Some(obj)) = (base, &args.baseline, out.as_object_mut()) {
        obj.insert("baseline".into(), path.display().to_string().into());
        // null when the baseline holds other sets than this run.
        let d = same_sets(b, now).then(|| delta(&now.pooled, &b.pooled));
        obj.insert("pooled_delta".into(), d.into());
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(f1: f64) -> PageFigures {
        PageFigures {
            p: f1,
            r: f1,
            f1,
            empty: false,
        }
    }

    fn set(pages: &[(&str, f64)]) -> SetFigures {
        SetFigures {
            input: "text".into(),
            totals: Aggregates::of(&[(
                Counts {
                    tp: 1,
                    fp: 1,
                    fn_: 0,
                },
                false,
            )]),
            per_page: pages
                .iter()
                .map(|(id, f)| (id.to_string(), page(*f)))
                .collect(),
        }
    }

    #[test]
    fn changes_split_by_the_threshold_most_changed_first() {
        let base = set(&[
            ("a", 0.9),
            ("b", 0.9),
            ("c", 0.5),
            ("d", 0.2),
            ("gone", 1.0),
        ]);
        let now = set(&[
            ("a", 0.7),
            ("b", 0.1),
            ("c", 0.69),
            ("d", 0.9),
            ("new", 1.0),
        ]);
        let ch = changes(&now, &base, 0.2);
        let ids = |l: &[(String, PageFigures, PageFigures)]| -> Vec<String> {
            l.iter().map(|x| x.0.clone()).collect()
        };
        assert_eq!(ids(&ch.worse), ["b", "a"]);
        assert_eq!(ids(&ch.better), ["d"]);
        assert_eq!((ch.new_pages, ch.gone_pages), (1, 1));
    }

    #[test]
    fn lost_and_polluted_leave_empty_outputs_alone() {
        let empty = Counts {
            tp: 0,
            fp: 0,
            fn_: 9,
        };
        assert!(is_lost(empty) && !is_polluted(empty));
        let noisy = Counts {
            tp: 4,
            fp: 5,
            fn_: 0,
        };
        assert!(is_polluted(noisy) && !is_lost(noisy));
        let fine = Counts {
            tp: 5,
            fp: 4,
            fn_: 4,
        };
        assert!(!is_polluted(fine) && !is_lost(fine));
    }

    #[test]
    fn a_baseline_survives_json_with_nan_figures() {
        let b = Baseline {
            format: BASELINE_FORMAT,
            deboiler_version: "0".into(),
            scoring: "s".into(),
            pooled: Aggregates::of(&[]),
            sets: [("x".to_owned(), set(&[("a", 0.5)]))].into_iter().collect(),
        };
        assert!(b.pooled.f1.is_nan() || b.pooled.f1 == 0.0);
        let text = serde_json::to_string(&b).unwrap();
        let back: Baseline = serde_json::from_str(&text).unwrap();
        assert_eq!(back.sets, b.sets);
        assert_eq!(back.pooled.precision.is_nan(), b.pooled.precision.is_nan());
    }
}
