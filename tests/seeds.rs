//! The five labelled seeds of `corpus/seeds`: every non-empty line has a
//! label (`body` or a [`Reason`] name), and the body must equal the
//! `*.gold.txt` file. One test per seed, so one failure does not hide
//! another.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds")
}

/// Line number (1-based) → label, from `labels.json`.
fn labels(file: &str) -> BTreeMap<usize, String> {
    let raw = std::fs::read_to_string(seeds_dir().join("labels.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
    json[file]
        .as_array()
        .unwrap_or_else(|| panic!("no labels for {file}"))
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap() as usize,
                e["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check_seed(stem: &str) {
    let file = format!("{stem}.txt");
    let input = std::fs::read_to_string(seeds_dir().join(&file)).unwrap();
    let gold = std::fs::read_to_string(seeds_dir().join(format!("{stem}.gold.txt"))).unwrap();
    let expected = labels(&file);
    let article = deboiler::clean_text(&input).unwrap();

    // Every block sits on one labelled line and carries that label.
    let mut got: BTreeMap<usize, String> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for block in article.blocks() {
        let line = input[..block.span().start].matches('\n').count() + 1;
        let label = block.reason().map_or("body", |r| r.as_str()).to_string();
        match expected.get(&line) {
            Some(want) if *want == label => {}
            Some(want) => mistakes.push(format!(
                "line {line}: want {want}, got {label}: {:?}",
                block.text()
            )),
            None => mistakes.push(format!(
                "line {line}: unlabelled block {:?} ({label})",
                block.text()
            )),
        }
        got.insert(line, label);
    }
    for (line, want) in &expected {
        if !got.contains_key(line) {
            mistakes.push(format!("line {line}: labelled {want} but no block"));
        }
    }
    assert!(mistakes.is_empty(), "{stem}:\n{}", mistakes.join("\n"));

    // The title block is the line labelled `title`, if any.
    let title_line = expected
        .iter()
        .find(|(_, l)| *l == "title")
        .map(|(n, _)| *n);
    match title_line {
        Some(n) => {
            let want = input.lines().nth(n - 1).unwrap().trim();
            assert_eq!(
                article.title().map(|b| b.text()),
                Some(want),
                "{stem}: title"
            );
        }
        None => assert!(article.title().is_none(), "{stem}: unexpected title"),
    }

    assert_eq!(
        article.body_text().trim_end(),
        gold.trim_end(),
        "{stem}: body text"
    );
}

#[test]
fn seed_000_body_only() {
    check_seed("000_1189a5fd132e8d37");
}

#[test]
fn seed_001_body_only_long() {
    check_seed("001_99af600ac3a1a6a0");
}

#[test]
fn seed_002_title_repeated_three_times() {
    check_seed("002_d7ba932abea2e6ad");
}

#[test]
fn seed_003_footer_sections_and_teasers() {
    check_seed("003_c8cf715a0d553c1c");
}

#[test]
fn seed_004_metadata_promo_arrows_and_teasers() {
    check_seed("004_4066d30c1cf974a5");
}
