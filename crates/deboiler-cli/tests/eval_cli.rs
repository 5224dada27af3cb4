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

const NAV: &str = "Home | News | Sport | Weather | Business | Culture";

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A pool of two sets made on the spot: `news` (scraped text, the pages of
/// [`folder`]) and `web` (one HTML page), plus a folder without gold, which
/// is not a set.
fn pool() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let news = root.path().join("news");
    std::fs::create_dir(&news).unwrap();
    write(&news, "a.txt", GOLD);
    write(&news, "a.gold.txt", GOLD);
    write(
        &news,
        "b.txt",
        &format!("{NAV}\n{GOLD}\nMore from the region"),
    );
    write(&news, "b.gold.txt", GOLD);
    let web = root.path().join("web");
    std::fs::create_dir(&web).unwrap();
    let paragraphs: String = GOLD
        .lines()
        .map(|l| format!("<p>{}</p>", l.trim()))
        .collect();
    write(
        &web,
        "p1.html",
        &format!("<html><body><nav>{NAV}</nav><article>{paragraphs}</article></body></html>"),
    );
    write(&web, "p1.gold.txt", GOLD);
    std::fs::create_dir(root.path().join("notes")).unwrap();
    write(&root.path().join("notes"), "readme.txt", "not a set");
    root
}

fn json_of(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

fn set<'v>(v: &'v serde_json::Value, name: &str) -> &'v serde_json::Value {
    v["sets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["set"] == name)
        .unwrap_or_else(|| panic!("no set {name} in {v}"))
}

#[test]
fn pool_mode_has_one_row_per_set_and_a_pooled_row() {
    let root = pool();
    let p = root.path().to_str().unwrap();
    let text = ok(&eval(&["--pool", p]));
    for row in ["news ", "web ", "pooled (all pages)"] {
        assert!(text.contains(row), "{row}: {text}");
    }
    assert!(!text.contains("notes"), "{text}");
    for column in ["F1/page", "empty", "lost", "polluted"] {
        assert!(text.contains(column), "{column}: {text}");
    }

    let v = json_of(&eval(&["--pool", p, "--json"]));
    assert_eq!(v["sets"].as_array().unwrap().len(), 2);
    let news = set(&v, "news");
    assert_eq!(news["input"], "text");
    assert_eq!(news["pages"], 2);
    assert_eq!(set(&v, "web")["input"], "html");
    assert_eq!(set(&v, "web")["pages"], 1);
    assert_eq!(v["pooled"]["pages"], 3);
    for key in ["f1", "precision", "recall", "f1_per_page_mean"] {
        let x = news[key].as_f64().unwrap();
        assert!(x > 0.5 && x <= 1.0, "{key}: {x}");
    }
    assert_eq!(news["empty_outputs"], 0);
    assert_eq!(news["lost"], 0);

    let only = json_of(&eval(&["--pool", p, "--json", "--set", "web"]));
    assert_eq!(only["sets"].as_array().unwrap().len(), 1);
    let out = eval(&["--pool", p, "--set", "sport"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sport") && err.contains("news, web"), "{err}");

    // A set given as the pool: an error that says how to score it.
    let news = root.path().join("news");
    let out = eval(&["--pool", news.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no set in") && err.contains("score it as one folder"),
        "{err}"
    );
}

#[test]
fn a_baseline_round_trips_and_shows_what_changed() {
    let root = pool();
    let p = root.path().to_str().unwrap();
    let saved = tempfile::tempdir().unwrap();
    let file = saved.path().join("base.json");
    let file = file.to_str().unwrap();
    ok(&eval(&["--pool", p, "--save-baseline", file]));
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(base["format"], 1);
    let page = &base["sets"]["news"]["per_page"]["b"];
    for key in ["p", "r", "f1"] {
        assert!(page[key].is_number(), "{key}: {page}");
    }
    assert_eq!(page["empty"], false);
    // Figures only: no page text in the file.
    let raw = std::fs::read_to_string(file).unwrap();
    assert!(!raw.contains("council") && !raw.contains("Sport"), "{raw}");

    // Against itself: nothing changed.
    let v = json_of(&eval(&["--pool", p, "--json", "--baseline", file]));
    for name in ["news", "web"] {
        let s = set(&v, name);
        assert_eq!(s["delta"]["f1"], 0.0, "{name}");
        assert_eq!(s["delta"]["lost"], 0, "{name}");
        assert!(s["worse"].as_array().unwrap().is_empty(), "{name}");
    }
    assert_eq!(v["pooled_delta"]["f1"], 0.0);

    // Page b now gives only clutter: it is lost, and listed as worse.
    write(
        &root.path().join("news"),
        "b.txt",
        &format!("{NAV}\nMore from the region"),
    );
    let v = json_of(&eval(&["--pool", p, "--json", "--baseline", file]));
    let news = set(&v, "news");
    assert!(news["delta"]["f1"].as_f64().unwrap() < -0.005, "{news}");
    assert_eq!(news["delta"]["lost"], 1);
    let worse = news["worse"].as_array().unwrap();
    assert_eq!(worse.len(), 1, "{news}");
    assert_eq!(worse[0]["id"], "b");
    assert!(worse[0]["f1_change"].as_f64().unwrap() <= -0.2);
    assert_eq!(set(&v, "web")["delta"]["f1"], 0.0);

    let text = ok(&eval(&["--pool", p, "--baseline", file]));
    assert!(text.contains("ΔF1"), "{text}");
    assert!(
        text.contains("news: 1 pages notably worse, 0 better"),
        "{text}"
    );
    assert!(text.contains("  worse  b  F1 1.000 -> "), "{text}");
    let news_row = text.lines().find(|l| l.starts_with("news ")).unwrap();
    assert!(news_row.ends_with('!'), "{news_row}");
}

#[test]
fn a_file_that_is_not_a_baseline_is_refused() {
    let root = pool();
    let saved = tempfile::tempdir().unwrap();
    let file = saved.path().join("base.json");
    write(saved.path(), "base.json", "{\"sets\": {}}");
    let out = eval(&[
        "--pool",
        root.path().to_str().unwrap(),
        "--baseline",
        file.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("base.json") && err.contains("format"), "{err}");
}

#[test]
fn why_names_the_reason_of_the_block_that_held_the_missing_gold() {
    // The gold keeps the menu line; the cleaner removes it as navigation.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", &format!("{NAV}\n{GOLD}"));
    write(dir.path(), "a.gold.txt", &format!("{NAV}\n{GOLD}"));
    let d = dir.path().to_str().unwrap();
    let text = ok(&eval(&[d, "--why"]));
    assert!(text.contains("missing gold: 6 shingles"), "{text}");
    assert!(
        text.contains(&format!(
            "navigation            6 in 1 block, most in \"{NAV}\""
        )),
        "{text}"
    );
    assert!(
        text.contains("missing gold by reason, all 1 pages"),
        "{text}"
    );

    let v = json_of(&eval(&[d, "--why", "--json"]));
    let why = &v["worst"][0]["why"];
    assert_eq!(why["missing_shingles"], 6);
    assert_eq!(why["by_reason"][0]["reason"], "navigation");
    assert_eq!(why["by_reason"][0]["shingles"], 6);
    assert_eq!(why["in_no_block"], 0);
    assert_eq!(
        v["missing_by_reason"]["by_reason"][0]["reason"],
        "navigation"
    );

    // In pool mode too, per set.
    let root = tempfile::tempdir().unwrap();
    let set_dir = root.path().join("menus");
    std::fs::create_dir(&set_dir).unwrap();
    write(&set_dir, "a.txt", &format!("{NAV}\n{GOLD}"));
    write(&set_dir, "a.gold.txt", &format!("{NAV}\n{GOLD}"));
    let text = ok(&eval(&["--pool", root.path().to_str().unwrap(), "--why"]));
    assert!(
        text.contains("menus: missing gold by reason, all 1 pages (6 shingles)"),
        "{text}"
    );
    assert!(text.contains("menus: worst 1 pages by F1"), "{text}");
    assert!(
        text.contains("navigation            6 in 1 block"),
        "{text}"
    );
}

#[test]
fn an_absent_pool_is_skipped_with_a_message() {
    // Run from a fresh folder, so the default ../shared/corpus-dev is absent.
    let cwd = tempfile::tempdir().unwrap();
    let sub = cwd.path().join("wt");
    std::fs::create_dir(&sub).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_deboiler-eval"))
        .arg("--pool")
        .current_dir(&sub)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped")
            && err.contains("../shared/corpus-dev")
            && err.contains("does not exist"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// The whole dev pool, when this checkout sits beside it.
#[test]
fn the_dev_pool_scores_every_set() {
    let pool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus-dev");
    if !pool.is_dir() {
        eprintln!("{} is absent: skipping the dev pool run", pool.display());
        return;
    }
    let mut args = vec!["--pool", pool.to_str().unwrap(), "--json"];
    let mut expected = vec!["zyte", "zyte-text", "dragnet-train", "wcxb-dev-article"];
    if cfg!(debug_assertions) {
        // Unoptimised, dragnet-train alone took 25 s of CPU time (82 s wall
        // on the shared 2-core machine), both zyte sets 7 s: the zyte sets
        // (one HTML, one text) still run the whole path.
        eprintln!("debug build: scoring only the zyte sets of the dev pool");
        args.extend(["--set", "zyte", "--set", "zyte-text"]);
        expected.truncate(2);
    }
    let v = json_of(&eval(&args));
    let sets = v["sets"].as_array().unwrap();
    let names: Vec<&str> = sets.iter().map(|s| s["set"].as_str().unwrap()).collect();
    for name in expected {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
    for s in sets {
        let f1 = s["f1"].as_f64().unwrap();
        assert!(s["pages"].as_u64().unwrap() > 100, "{s}");
        assert!(f1 > 0.5 && f1 <= 1.0, "{}: F1 {f1}", s["set"]);
        assert!(
            s["errors"].as_array().unwrap().is_empty(),
            "{}",
            s["errors"]
        );
    }
}

/// `--hand-rules-only` scores the hand rules alone: on a corpus page where
/// the learned second opinion puts a body line back, recall drops without it.
#[test]
fn hand_rules_only_scores_without_the_learned_pass() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/zyte-text");
    let id = "abd9d6291b6bfae0c3ffad8ab7623b482c6da46face0271dc42af6324d8f0ce5";
    for ext in ["txt", "gold.txt"] {
        std::fs::copy(
            corpus.join(format!("{id}.{ext}")),
            dir.path().join(format!("{id}.{ext}")),
        )
        .unwrap();
    }
    let recall = |extra: &[&str]| {
        let mut args = vec![dir.path().to_str().unwrap(), "--json"];
        args.extend(extra);
        let out = eval(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["recall"].as_f64().unwrap()
    };
    assert!(recall(&["--hand-rules-only"]) < recall(&[]));
}
