//! Where the text of a corpus folder ends up, for bench/PROFILE.md: blocks
//! and text bytes kept, and removed per `Reason`, over every page.
//!
//! ```text
//! cargo run --release -p deboiler-bench --bin block-stats [DIR] [--text]
//! ```
//!
//! Feature and classification time grows with the text measured, so the
//! share of text in removed blocks bounds what cheaper features for removed
//! (and in particular out-of-container) blocks could save.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text_mode = args.iter().any(|a| a == "--text");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(if text_mode {
                "../../corpus/zyte-text"
            } else {
                "../../corpus/zyte"
            })
        });
    let ext = if text_mode { "txt" } else { "html" };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.ends_with(&format!(".{ext}")) && !n.ends_with(".gold.txt")
        })
        .collect();
    paths.sort();
    let cleaner = deboiler::Cleaner::new();
    // "kept" or "removed: <reason>" -> (blocks, text bytes, blocks of at
    // most 400 bytes, the bound of the text patterns)
    let mut by: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for p in &paths {
        let bytes = std::fs::read(p).expect("readable page");
        let article = if text_mode {
            cleaner.clean_text(std::str::from_utf8(&bytes).expect("UTF-8 text"))
        } else {
            cleaner.clean_bytes(&bytes)
        };
        let Ok(article) = article else { continue };
        for b in article.blocks() {
            let key = match b.reason() {
                Some(r) => format!("removed: {r:?}"),
                None => "kept".to_string(),
            };
            let e = by.entry(key).or_default();
            e.0 += 1;
            e.1 += b.text().len();
            e.2 += usize::from(b.text().len() <= 400);
        }
    }
    let blocks: usize = by.values().map(|e| e.0).sum();
    let bytes: usize = by.values().map(|e| e.1).sum();
    println!(
        "{}: {} pages, {blocks} blocks, {:.2} MB of block text",
        dir.display(),
        paths.len(),
        bytes as f64 / 1e6
    );
    println!(
        "| blocks | count | share of blocks | text bytes | share of text | count ≤ 400 bytes |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let mut rows: Vec<_> = by.into_iter().collect();
    rows.sort_by_key(|(_, e)| std::cmp::Reverse(e.1));
    for (k, (n, b, short)) in rows {
        println!(
            "| {k} | {n} | {:.1}% | {b} | {:.1}% | {short} |",
            100.0 * n as f64 / blocks as f64,
            100.0 * b as f64 / bytes as f64
        );
    }
}
