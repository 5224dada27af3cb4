//! `deboiler-eval` end to end on a small folder made on the spot: the
//! figures, the JSON fields scripts read, and the prediction layout
//! `bench/score.py` reads.

use std::path::Path;
use std::process::Command;

const GOLD: &str = "The council voted on Tuesday to close the old bridge to all traffic for repairs.\n\
                    Work is expected to take six months and cost about two million pounds.";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn eval(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deboiler-eval"))
        .args(args)
        .output()
        .unwrap()
}

/// Two text pages with the same gold: one that is exactly the gold, one
/// with a navigation line and a teaser around it.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOLD);
    write(dir.path(), "a.gold.txt", GOLD);
    write(
        dir.path(),
        "b.txt",
        &format!("Home | News | Sport | Weather\n{GOLD}\nMore from the region"),
    );
    write(dir.path(), "b.gold.txt", GOLD);
    dir
}

#[test]
fn json_report_has_the_figures_and_every_page() {
    let dir = folder();
    let out = eval(&[dir.path().to_str().unwrap(), "--json", "--worst", "1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pages"], 2);
    assert_eq!(v["input"], "text");
    for key in [
        "f1",
        "precision",
        "recall",
        "f1_per_page_mean",
        "pages_per_s",
        "mb_per_s",
    ] {
        let x = v[key].as_f64().unwrap_or(f64::NAN);
        assert!(x.is_finite() && x >= 0.0, "{key}: {x}");
    }
    for key in ["f1", "precision", "recall", "f1_per_page_mean"] {
        assert!(v[key].as_f64().unwrap() <= 1.0, "{key}");
    }
    assert_eq!(v["per_page"].as_array().unwrap().len(), 2);
    assert_eq!(v["worst"].as_array().unwrap().len(), 1);
    assert_eq!(v["empty_outputs"], 0);
}

#[test]
fn write_preds_uses_the_score_py_layout() {
    let dir = folder();
    let preds = tempfile::tempdir().unwrap();
    let out = eval(&[
        dir.path().to_str().unwrap(),
        "--write-preds",
        preds.path().to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tool = preds.path().join("deboiler");
    for id in ["a", "b"] {
        let body = std::fs::read_to_string(tool.join(format!("{id}.txt"))).unwrap();
        assert!(body.contains("close the old bridge"), "{id}: {body:?}");
    }
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tool.join("_meta.json")).unwrap()).unwrap();
    assert_eq!(meta["docs"], 2);
    assert!(meta["docs_per_s"].as_f64().unwrap() > 0.0);
}

#[test]
fn text_report_names_the_worst_page() {
    let dir = folder();
    let out = eval(&[dir.path().to_str().unwrap(), "--worst", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("F1 "), "{text}");
    assert!(text.contains("worst 2 pages by F1"), "{text}");
    assert!(text.contains("kept wrongly"), "{text}");
    assert!(text.contains("dropped wrongly"), "{text}");
}

#[test]
fn a_folder_without_gold_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOLD);
    let out = eval(&[dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no *.gold.txt"));
}

#[test]
fn a_missing_input_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.gold.txt", GOLD);
    let out = eval(&[dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("a.txt"));
}
