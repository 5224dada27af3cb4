//! Every block of a corpus folder with the features the crate computes and
//! the decision it made, one JSON line per page, for the block classifier
//! experiment of bench/LEARNED.md (`bench/learned/train.py` reads it).
//!
//! ```text
//! cargo run --release -p deboiler-bench --bin block-export DIR [--text] > OUT.jsonl
//! ```
//!
//! Each line is `{"id": ID, "blocks": [[kind, reason, chars, words, stop,
//! caps, ends_sentence, link_density, repeats, digit_ratio, text], ...]}`,
//! `reason` being `""` for a body block. The features are the public
//! [`deboiler::Features`] accessors, the same numbers the classifiers read.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text_mode = args.iter().any(|a| a == "--text");
    let dir = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .expect("usage: block-export DIR [--text]"),
    );
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
    // The hand rules alone: the model must not be trained on its own decisions.
    let cleaner = deboiler::Cleaner::builder()
        .learned(false)
        .build()
        .expect("default limits are valid");
    let mut out = String::new();
    for p in &paths {
        let bytes = std::fs::read(p).expect("readable page");
        let article = if text_mode {
            cleaner.clean_text(std::str::from_utf8(&bytes).expect("UTF-8 text"))
        } else {
            cleaner.clean_bytes(&bytes)
        };
        let id = p
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(&format!(".{ext}")))
            .unwrap_or("");
        out.clear();
        out.push_str("{\"id\":");
        json_str(&mut out, id);
        out.push_str(",\"blocks\":[");
        if let Ok(article) = article {
            for (i, b) in article.blocks().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let f = b.features();
                out.push('[');
                json_str(&mut out, b.kind().as_str());
                out.push(',');
                json_str(
                    &mut out,
                    &b.reason().map(|r| format!("{r:?}")).unwrap_or_default(),
                );
                let _ = write!(
                    out,
                    ",{},{},{:.4},{:.4},{},{:.4},{},{:.4},",
                    f.chars(),
                    f.words(),
                    f.stop_word_ratio(),
                    f.capitalised_ratio(),
                    u8::from(f.ends_sentence()),
                    f.link_density(),
                    f.repeats(),
                    f.digit_ratio()
                );
                json_str(&mut out, b.text());
                out.push(']');
            }
        }
        out.push_str("]}");
        println!("{out}");
    }
}

/// Appends `s` as a JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
