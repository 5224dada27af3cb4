//! Golden files of every decision deboiler makes on the corpus: one file
//! per page, `tests/golden/<set>/<page>.tsv`, one row per block in document
//! order, giving its kind, its decision (`body` or the reason), its span and
//! the start of its text. A speed change must leave every file as it was; a
//! change of behaviour shows in the diff as the blocks that moved.
//!
//! The sets are `corpus/seeds` and `corpus/zyte-text` (`clean_text`) and
//! `corpus/zyte` (`clean_bytes`). When a change of decisions is intended,
//! rewrite the files with
//!
//! ```text
//! DEBOILER_UPDATE_SNAPSHOTS=1 cargo test --release --test snapshots
//! ```
//!
//! and review `git diff tests/golden` before committing. A failing run names
//! every page that moved, each with its first differing block. The per-line
//! snapshot of `patterns::recognise` lives in that module's unit tests and
//! is rewritten by the same variable.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use deboiler::{Article, Cleaner};

/// How many characters of a block's text a golden row shows: enough to
/// recognise the block in a diff, few enough to keep the files small.
const PREVIEW_CHARS: usize = 32;

/// The header line of every golden file.
const HEADER: &str = "# kind\tdecision\tspan\ttext";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("DEBOILER_UPDATE_SNAPSHOTS").is_some()
}

/// The inputs of a corpus folder (`*.html`, or `*.txt` that are not gold),
/// sorted by name.
fn inputs(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(&format!(".{ext}")) && !name.ends_with(".gold.txt")
        })
        .collect();
    paths.sort();
    paths
}

/// The golden file of an article: a header, then one row per block.
fn golden(article: &Article<'_>) -> String {
    let mut out = format!("{HEADER}\n");
    for block in article.blocks() {
        let preview: String = block
            .text()
            .chars()
            .take(PREVIEW_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{preview}",
            block.kind().as_str(),
            block.reason().map_or("body", |r| r.as_str()),
            block.span(),
        );
    }
    out
}

/// What is wrong with one page's golden file, or `None` when it matches.
/// Rows are compared in order; the message names the first block (counted
/// from 0, the file's line is that plus two) that differs.
fn compare(want: &str, got: &str) -> Option<String> {
    if want == got {
        return None;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let rows = |v: &[&str]| v.len().saturating_sub(1);
    let at = w.iter().zip(&g).position(|(a, b)| a != b);
    Some(match at {
        Some(line) => format!(
            "block {} of {} (was {}): want `{}`, got `{}`",
            line.saturating_sub(1),
            rows(&g),
            rows(&w),
            w[line],
            g[line]
        ),
        None if w.len() != g.len() => format!(
            "{} blocks, was {}; the first {} agree",
            rows(&g),
            rows(&w),
            w.len().min(g.len()).saturating_sub(1)
        ),
        None => "line endings differ".to_string(),
    })
}

/// Checks (or, with `DEBOILER_UPDATE_SNAPSHOTS`, rewrites) the golden
/// files of one set, and returns one line per page that moved.
fn check_set(set: &str, pages: Vec<(String, String)>) -> Vec<String> {
    let dir = root().join("tests/golden").join(set);
    let mut failures = Vec::new();
    if updating() {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut names = BTreeSet::new();
    for (name, got) in pages {
        let path = dir.join(format!("{name}.tsv"));
        names.insert(format!("{name}.tsv"));
        if updating() {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(&got) {
                std::fs::write(&path, &got).unwrap();
            }
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) => {
                if let Some(why) = compare(&want, &got) {
                    failures.push(format!("{set}/{name}: {why}"));
                }
            }
            Err(e) => failures.push(format!("{set}/{name}: no golden file ({e})")),
        }
    }
    // A golden file whose page is gone.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            if !names.contains(&file) {
                if updating() {
                    std::fs::remove_file(&path).unwrap();
                } else {
                    failures.push(format!("{set}/{file}: golden file of no corpus page"));
                }
            }
        }
    }
    failures
}

fn stem(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    name.rsplit_once('.').map_or(&*name, |(s, _)| s).to_string()
}

/// Fails with every failing page, not only the first.
fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "decisions changed on {} pages (rewrite with DEBOILER_UPDATE_SNAPSHOTS=1 \
         cargo test --release --test snapshots if intended, and review \
         `git diff tests/golden`):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn text_pages_decide_as_before() {
    let cleaner = Cleaner::new();
    let mut failures = Vec::new();
    let mut total = 0;
    for set in ["seeds", "zyte-text"] {
        let mut pages = Vec::new();
        for path in inputs(&root().join("corpus").join(set), "txt") {
            let input = std::fs::read_to_string(&path).unwrap();
            let article = cleaner.clean_text(&input).unwrap();
            pages.push((stem(&path), golden(&article)));
        }
        total += pages.len();
        failures.extend(check_set(set, pages));
    }
    assert!(total > 100, "corpus missing: {total} pages");
    report(failures);
}

#[test]
fn html_pages_decide_as_before() {
    let cleaner = Cleaner::new();
    let mut pages = Vec::new();
    for path in inputs(&root().join("corpus/zyte"), "html") {
        let input = std::fs::read(&path).unwrap();
        let article = cleaner.clean_bytes(&input).unwrap();
        pages.push((stem(&path), golden(&article)));
    }
    assert!(pages.len() > 100, "corpus missing: {} pages", pages.len());
    report(check_set("zyte", pages));
}

/// The comparison names the first block that moved and counts blocks.
#[test]
fn compare_names_the_first_differing_block() {
    let want = format!("{HEADER}\nheading\ttitle\t0..5\tTitle\nparagraph\tbody\t6..20\tBody\n");
    let moved = want.replace("paragraph\tbody", "paragraph\tpromo");
    assert_eq!(compare(&want, &want), None);
    assert_eq!(
        compare(&want, &moved).unwrap(),
        "block 1 of 2 (was 2): want `paragraph\tbody\t6..20\tBody`, \
         got `paragraph\tpromo\t6..20\tBody`"
    );
    let shorter = format!("{HEADER}\nheading\ttitle\t0..5\tTitle\n");
    assert_eq!(
        compare(&want, &shorter).unwrap(),
        "1 blocks, was 2; the first 1 agree"
    );
}
