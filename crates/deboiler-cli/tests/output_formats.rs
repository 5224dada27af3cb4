//! `--format markdown`, the page boundary of text output, and the metadata
//! fields of the JSON.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deboiler"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// A fresh folder under the target directory holding `files`.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, content) in files {
        std::fs::write(dir.join(file), content).unwrap();
    }
    dir
}

const STORY: &str = r#"<html lang="en-GB"><head><title>Big news today - Daily</title>
<meta property="og:site_name" content="Daily">
<meta property="article:published_time" content="2022-03-12T09:30:00Z">
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Daily","description":"All the news"},
{"@type":"NewsArticle","headline":"Big news today","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"Bo Chen"}]}]}</script>
</head><body><h1>Big news today</h1><article>
<p>The story, told in a first full sentence of body text.</p>
<h2>What happened next in the story</h2>
<ul><li>One thing happened first, and it mattered.</li><li>Then another thing did, later on.</li></ul>
<blockquote>A quote from somebody who was there, in full.</blockquote>
</article></body></html>"#;

#[test]
fn markdown_writes_title_headings_lists_and_quotes() {
    let dir = folder("fmt_markdown", &[("story.html", STORY)]);
    let md = stdout(&run(&[
        "-q",
        "--format",
        "markdown",
        dir.join("story.html").to_str().unwrap(),
    ]));
    assert_eq!(
        md,
        "# Big news today\n\n\
         The story, told in a first full sentence of body text.\n\n\
         ## What happened next in the story\n\n\
         - One thing happened first, and it mattered.\n\
         - Then another thing did, later on.\n\n\
         > A quote from somebody who was there, in full.\n"
    );
    let out = dir.join("out");
    stdout(&run(&[
        "-q",
        "--format",
        "markdown",
        "--out-dir",
        out.to_str().unwrap(),
        dir.join("story.html").to_str().unwrap(),
    ]));
    assert!(out.join("story.md").is_file());
}

#[test]
fn several_pages_are_marked_one_page_is_not() {
    let dir = folder(
        "fmt_boundary",
        &[
            (
                "a.txt",
                "Headline here\n\nThe first page, a full sentence of body.\n",
            ),
            (
                "b.txt",
                "Another one\n\nThe second page, a full sentence of body.\n",
            ),
        ],
    );
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    assert_eq!(
        stdout(&run(&["-q", a])),
        "The first page, a full sentence of body.\n"
    );
    for (format, title_a, title_b) in [
        ("text", "", ""),
        ("markdown", "# Headline here\n\n", "# Another one\n\n"),
    ] {
        let both = stdout(&run(&["-q", "--format", format, a, b]));
        assert_eq!(
            both,
            format!(
                "==> {a} <==\n{title_a}The first page, a full sentence of body.\n\n\
                 ==> {b} <==\n{title_b}The second page, a full sentence of body.\n"
            ),
            "{format}"
        );
    }
}

#[test]
fn json_metadata_has_the_new_fields_after_the_old() {
    let dir = folder("fmt_metadata", &[("story.html", STORY)]);
    let out = stdout(&run(&[
        "-q",
        "--format",
        "json",
        dir.join("story.html").to_str().unwrap(),
    ]));
    let line = out.trim_end();
    let at = line
        .find(r#""metadata":{"date":"#)
        .expect("metadata object");
    let meta_text = &line[at..];
    let order = [
        "date",
        "byline",
        "standfirst",
        "reading_time",
        "source_line",
        "published",
        "author",
        "language",
        "site_name",
        "image",
        "canonical_url",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|k| meta_text.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{meta_text}");
    let v: Value = serde_json::from_str(line).unwrap();
    let m = &v["metadata"];
    assert_eq!(m["published"], "2022-03-12T09:30:00Z");
    assert_eq!(m["author"], "Jane Roe, Bo Chen");
    assert_eq!(m["byline"], "Jane Roe");
    assert_eq!(m["language"], "en-GB");
    assert_eq!(m["site_name"], "Daily");
    assert_eq!(m["image"], Value::Null);
}
