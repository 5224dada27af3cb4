//! Golden snapshots of every decision deboiler makes on the development
//! corpus: for each page, a hash of the list of (span, kind, reason) of all
//! its blocks. A speed change must leave every hash as it was; a change of
//! behaviour shows up as the names of the pages whose decisions moved.
//!
//! The fixtures are `tests/fixtures/articles_text.tsv` (`corpus/zyte-text`
//! and `corpus/seeds`, `clean_text`) and `tests/fixtures/articles_html.tsv`
//! (`corpus/zyte`, `clean_bytes`). When a change of decisions is intended,
//! rewrite them with
//!
//! ```text
//! DEBOILER_UPDATE_SNAPSHOTS=1 cargo test --release --test snapshots
//! ```
//!
//! and review the diff of the fixture files (the pages that changed) before
//! committing. The per-line snapshot of `patterns::recognise` lives in that
//! module's unit tests and is rewritten by the same variable.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use deboiler::{Article, Cleaner};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

/// 64-bit FNV-1a: stable across Rust versions and platforms, unlike
/// `DefaultHasher`, whose algorithm the standard library may change.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Hash of every block's span, kind and reason, in document order.
fn digest(article: &Article<'_>) -> String {
    let mut line = String::new();
    for block in article.blocks() {
        let _ = writeln!(
            line,
            "{}\t{}\t{}",
            block.span(),
            block.kind().as_str(),
            block.reason().map_or("body", |r| r.as_str())
        );
    }
    format!(
        "{}\t{:016x}",
        article.blocks().len(),
        fnv(line.as_bytes(), FNV_OFFSET)
    )
}

/// Compares `rows` (name, digest) with the fixture, or rewrites the fixture
/// when `DEBOILER_UPDATE_SNAPSHOTS` is set. Reports every page that moved.
fn check(fixture: &str, rows: Vec<(String, String)>) {
    let path = root().join("tests/fixtures").join(fixture);
    let got: String = rows.iter().map(|(n, d)| format!("{n}\t{d}\n")).collect();
    if std::env::var_os("DEBOILER_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; create it with DEBOILER_UPDATE_SNAPSHOTS=1 cargo test --release --test snapshots",
            path.display()
        )
    });
    let moved: Vec<String> = want
        .lines()
        .zip(got.lines())
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("  want {w}\n  got  {g}"))
        .collect();
    assert_eq!(
        want.lines().count(),
        got.lines().count(),
        "{fixture}: number of pages changed"
    );
    assert!(
        moved.is_empty(),
        "{fixture}: decisions changed on {} pages:\n{}",
        moved.len(),
        moved.join("\n")
    );
}

fn name(p: &Path) -> String {
    let dir = p
        .parent()
        .and_then(|d| d.file_name())
        .unwrap()
        .to_string_lossy();
    format!("{dir}/{}", p.file_name().unwrap().to_string_lossy())
}

#[test]
fn text_pages_decide_as_before() {
    let cleaner = Cleaner::new();
    let mut rows = Vec::new();
    for dir in ["corpus/zyte-text", "corpus/seeds"] {
        for path in inputs(&root().join(dir), "txt") {
            let input = std::fs::read_to_string(&path).unwrap();
            let article = cleaner.clean_text(&input).unwrap();
            rows.push((name(&path), digest(&article)));
        }
    }
    assert!(rows.len() > 100, "corpus missing: {} pages", rows.len());
    check("articles_text.tsv", rows);
}

#[test]
fn html_pages_decide_as_before() {
    let cleaner = Cleaner::new();
    let mut rows = Vec::new();
    for path in inputs(&root().join("corpus/zyte"), "html") {
        let input = std::fs::read(&path).unwrap();
        let article = cleaner.clean_bytes(&input).unwrap();
        rows.push((name(&path), digest(&article)));
    }
    assert!(rows.len() > 100, "corpus missing: {} pages", rows.len());
    check("articles_html.tsv", rows);
}
