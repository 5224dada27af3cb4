//! The library's layering, checked on its source: every `crate::` path in
//! `src/` points at the file's own layer or a lower one, and no two
//! top-level modules import each other, directly or round a longer cycle.
//! DESIGN.md's layers table is the same list, in the same order.
//!
//! The check reads the source as text. It looks at every `crate::NAME`
//! outside `//` comments, including grouped imports
//! (`use crate::{a, b::c}`), and maps `NAME` to its top-level module; a name
//! that is not a module (`crate::Article`, `crate::looks_like_html`)
//! resolves through the crate root's re-exports, which is the façade.
//! Inline test modules (`#[cfg(test)] mod tests { … }`) are skipped: an
//! end-to-end test inside a module runs the whole cleaner without making
//! the library import upward.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first, and the top-level modules of each. `lib` is
/// the crate root (`src/lib.rs`).
const LAYERS: &[(&str, &[&str])] = &[
    ("vocabulary", &["vocab"]),
    (
        "text helpers and the HTML lexer",
        &["textutil", "lexicon", "html", "dates", "byline"],
    ),
    ("input", &["decode", "guard", "sniff"]),
    ("segment", &["segment"]),
    ("features", &["features"]),
    ("classify", &["classify"]),
    (
        "assemble",
        &["article", "assemble", "metadata", "markdown", "ser"],
    ),
    ("façade", &["cleaner", "lib"]),
];

/// The layer index of a top-level module, `None` for one in no layer.
fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

/// The top-level module a source file belongs to: `src/x.rs` and
/// `src/x/**` are `x`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("file under src/");
    let first = rel.components().next().expect("non-empty path");
    let name = first.as_os_str().to_string_lossy();
    name.strip_suffix(".rs").unwrap_or(&name).to_string()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable src/") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first path segment of every `crate::` path on `line`, `crate::{…}`
/// groups expanded.
fn crate_targets(line: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        // Not part of a longer identifier (`my_crate::`).
        let before = rest[..at].chars().next_back();
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name = ident(item.trim());
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// One `crate::` reference: where it is and the module it names.
struct Import {
    file: String,
    line: usize,
    from: String,
    to: String,
}

fn imports() -> Vec<Import> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut out = Vec::new();
    for file in &files {
        let from = module_of(&src, file);
        let text = fs::read_to_string(file).expect("readable source");
        // A `use crate::{…}` group may span lines: join each group first.
        let mut logical: Vec<(usize, String)> = Vec::new();
        let mut open: Option<(usize, String)> = None;
        // The closing line of the inline test module being skipped.
        let mut skip_until: Option<String> = None;
        let mut cfg_test = false;
        for (i, raw) in text.lines().enumerate() {
            if let Some(close) = &skip_until {
                if raw == close {
                    skip_until = None;
                }
                continue;
            }
            let code = raw.trim_start();
            if code == "#[cfg(test)]" {
                cfg_test = true;
                continue;
            }
            if cfg_test && code.starts_with("mod ") && code.ends_with('{') {
                let indent = &raw[..raw.len() - code.len()];
                skip_until = Some(format!("{indent}}}"));
                cfg_test = false;
                continue;
            }
            if !code.starts_with("#[") {
                cfg_test = false;
            }
            if code.starts_with("//") {
                continue;
            }
            let code = code.split(" //").next().unwrap_or(code);
            match open.as_mut() {
                Some((_, buf)) => buf.push_str(code),
                None => open = Some((i + 1, code.to_string())),
            }
            let (start, buf) = open.take().expect("set above");
            let unclosed = buf
                .rfind("crate::{")
                .is_some_and(|at| !buf[at..].contains('}'));
            if unclosed {
                open = Some((start, buf));
            } else {
                logical.push((start, buf));
            }
        }
        for (line, code) in logical {
            for target in crate_targets(&code) {
                let to = if modules.contains(&target) {
                    target
                } else {
                    // A re-export of the crate root.
                    "lib".to_string()
                };
                out.push(Import {
                    file: file
                        .strip_prefix(src.parent().unwrap())
                        .unwrap()
                        .display()
                        .to_string(),
                    line,
                    from: from.clone(),
                    to,
                });
            }
        }
    }
    out
}

#[test]
fn every_module_is_in_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut missing: Vec<String> = files
        .iter()
        .map(|f| module_of(&src, f))
        .filter(|m| layer_of(m).is_none())
        .collect();
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "top-level modules in no layer: {missing:?}; add each to LAYERS in \
         tests/layers.rs and to the layers table of DESIGN.md"
    );
}

#[test]
fn imports_only_point_down() {
    let mut wrong = Vec::new();
    for imp in imports() {
        let (Some(from), Some(to)) = (layer_of(&imp.from), layer_of(&imp.to)) else {
            continue; // every_module_is_in_a_layer names these
        };
        if to > from {
            wrong.push(format!(
                "{}:{}: `{}` ({}) imports `{}` from a later layer ({})",
                imp.file, imp.line, imp.from, LAYERS[from].0, imp.to, LAYERS[to].0
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn no_import_cycle_among_top_level_modules() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for imp in imports() {
        if imp.from != imp.to {
            edges.entry(imp.from).or_default().insert(imp.to);
        }
    }
    // Depth-first search with three colours; a grey node reached again
    // closes a cycle, which is reported as its path.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            cycles.push(cycle.join(" -> "));
            return;
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, done, path, cycles);
        }
        path.pop();
        done.insert(node.to_string());
    }
    let mut done = BTreeSet::new();
    let mut cycles = Vec::new();
    for node in edges.keys() {
        visit(node, &edges, &mut done, &mut Vec::new(), &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
}

/// The reader of the source finds what the checks need.
#[test]
fn crate_targets_reads_paths_and_groups() {
    assert_eq!(crate_targets("use crate::vocab::Span;"), ["vocab"]);
    assert_eq!(
        crate_targets("use crate::{assemble, classify::Context, vocab};"),
        ["assemble", "classify", "vocab"]
    );
    assert_eq!(
        crate_targets("let x = crate::textutil::fnv(b); my_crate::x();"),
        ["textutil"]
    );
    assert!(crate_targets("no paths here").is_empty());
}
