//! The `deboiler` binary, run as scripts run it.
//!
//! Most assertions are about the CLI's own contract (formats, order, error
//! handling, inputs), not about what the classifiers decide, so they hold
//! whichever classifier is merged; where a test compares bodies it compares
//! the batch against one-by-one runs of the same binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_deboiler"));
    cmd.env_remove("CLICOLOR_FORCE").env_remove("NO_COLOR");
    cmd
}

/// Runs the binary with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_cmd(bin().args(args), stdin)
}

fn run_cmd(cmd: &mut Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A fresh, empty folder under the target directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(rel)
}

/// The `n` smallest HTML pages of corpus/zyte, by size then name.
fn small_pages(n: usize) -> Vec<PathBuf> {
    let mut pages: Vec<(u64, PathBuf)> = std::fs::read_dir(corpus("zyte"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| (std::fs::metadata(&p).unwrap().len(), p))
        .collect();
    pages.sort();
    pages.into_iter().take(n).map(|(_, p)| p).collect()
}

/// The body of one page, from its own run of the binary.
fn body_alone(path: &Path) -> String {
    let out = run(&[path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

const STORY: &str = "Storm closes schools\n\nPrevious Story\n\n\
    Heavy rain closed every school in the district on Monday, officials said.\n\n\
    The storm is expected to move east overnight, forecasters said.\n";

/// `--hand-rules-only` leaves out the learned second opinion on text: a
/// line it puts back is out of the body, and explain shows its reason.
#[test]
fn hand_rules_only_leaves_out_the_learned_pass() {
    let page =
        corpus("zyte-text/abd9d6291b6bfae0c3ffad8ab7623b482c6da46face0271dc42af6324d8f0ce5.txt");
    let page = page.to_str().unwrap();
    let line = "A group of physicians, alarmed that the Trump administration is denying flu vaccines to immigrants in custody, is urging the Department of Homeland Security to accept its offer to provide free flu shots to California detainees.";
    let learned = run(&[page], b"");
    assert!(learned.status.success(), "{}", stderr(&learned));
    assert!(stdout(&learned).contains(line));
    let hand = run(&["--hand-rules-only", page], b"");
    assert!(hand.status.success(), "{}", stderr(&hand));
    assert!(!stdout(&hand).contains(line));
    let explain = run(&["explain", "--hand-rules-only", page], b"");
    let shown = stdout(&explain);
    // explain cuts a long line short; its start is enough to find it.
    let at = shown.find(&line[..60]).expect("explain lists the line");
    // The row above the text names the decision.
    let row = shown[..at].lines().rev().nth(1).unwrap();
    assert!(
        row.contains("boilerplate") || row.contains("related-stories"),
        "{row}"
    );
}

#[test]
fn stdin_text_prints_the_body() {
    let out = run(&[], STORY.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let body = stdout(&out);
    assert!(
        body.contains("Heavy rain closed every school in the district on Monday, officials said.")
    );
    assert!(body.ends_with('\n'));
    assert!(
        !body.contains("\n\n\n"),
        "blocks are separated by one blank line"
    );
    assert_eq!(stderr(&out), "", "a single page prints no summary");
    let dash = run(&["-"], STORY.as_bytes());
    assert_eq!(dash.stdout, out.stdout);
}

#[test]
fn format_json_has_the_contract_fields_and_offsets() {
    let out = run(&["--format", "json"], STORY.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["source"], "-");
    for key in ["title", "body", "blocks", "removed", "metadata"] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    let mut seen = 0;
    for (list, label) in [("blocks", "kind"), ("removed", "reason")] {
        for b in r[list].as_array().unwrap() {
            let (start, end) = (
                b["start"].as_u64().unwrap() as usize,
                b["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &STORY[start..end],
                b["text"].as_str().unwrap(),
                "text blocks slice the input"
            );
            assert!(b[label].is_string());
            seen += 1;
        }
    }
    assert_eq!(seen, 4, "every block is either kept or removed");
    let body_texts: Vec<&str> = r["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert_eq!(r["body"], body_texts.join("\n\n"));
}

#[test]
fn html_blocks_have_spans_into_the_file() {
    let page = &small_pages(1)[0];
    let html = std::fs::read(page).unwrap();
    let out = run(&["--format", "jsonl", page.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let r = &json_lines(&out)[0];
    assert_eq!(r["error"], Value::Null);
    for list in ["blocks", "removed"] {
        for b in r[list].as_array().unwrap() {
            for span in b["spans"].as_array().expect("HTML blocks have spans") {
                let (s, e) = (
                    span[0].as_u64().unwrap() as usize,
                    span[1].as_u64().unwrap() as usize,
                );
                assert!(s <= e && e <= html.len());
                assert!(!html[s..e].contains(&b'<'), "a span holds no markup");
            }
        }
    }
}

#[test]
fn out_dir_writes_one_file_per_input() {
    let dir = temp_dir("out_dir");
    let a = dir.join("a.txt");
    let b = dir.join("b.htm");
    std::fs::write(&a, STORY).unwrap();
    std::fs::write(
        &b,
        "<p>Heavy rain closed every school in the district, officials said.</p>",
    )
    .unwrap();
    let out_dir = dir.join("out");
    for (format, ext) in [("text", "txt"), ("json", "json")] {
        let out = run(
            &[
                "--format",
                format,
                "--out-dir",
                out_dir.to_str().unwrap(),
                a.to_str().unwrap(),
                b.to_str().unwrap(),
            ],
            b"",
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
        for stem in ["a", "b"] {
            let written = std::fs::read_to_string(out_dir.join(format!("{stem}.{ext}"))).unwrap();
            assert!(written.contains("Heavy rain"), "{stem}.{ext}: {written}");
        }
    }
    assert_eq!(
        std::fs::read_to_string(out_dir.join("a.txt")).unwrap(),
        body_alone(&a),
        "the file holds what stdout would"
    );
}

/// Builds a folder with pages at two depths, a hidden folder, and a file of
/// another extension.
fn page_folder(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Second page, a sentence of body text about the weather.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a.html"),
        "<p>First page, a sentence of body text about the harbour.</p>",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/c.htm"),
        "<p>Third page, a sentence of body text about the river.</p>",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/deeper/d.txt"),
        "Fourth page, a sentence of body text about the hills.\n",
    )
    .unwrap();
    std::fs::write(dir.join(".hidden/e.txt"), "Hidden page, never read.\n").unwrap();
    std::fs::write(dir.join("notes.md"), "Not a page.\n").unwrap();
    dir
}

#[test]
fn folders_are_walked_recursively_in_name_order() {
    let dir = page_folder("folder_walk");
    let out = run(&["--format", "json", dir.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let sources: Vec<String> = json_lines(&out)
        .iter()
        .map(|r| {
            Path::new(r["source"].as_str().unwrap())
                .strip_prefix(&dir)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        sources,
        ["a.html", "b.txt", "sub/c.htm", "sub/deeper/d.txt"]
    );
    assert!(stderr(&out).contains("skipped 1"), "{}", stderr(&out));

    // --out-dir mirrors the sub-folders.
    let out_dir = dir.join("../folder_walk_out");
    let out = run(
        &[
            "--out-dir",
            out_dir.to_str().unwrap(),
            "-q",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for rel in ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"] {
        assert!(out_dir.join(rel).is_file(), "{rel}");
    }
    assert_eq!(stderr(&out), "", "--quiet prints no summary");
}

#[test]
fn broken_files_are_reported_and_the_rest_processed() {
    let dir = page_folder("broken");
    std::fs::write(
        dir.join("binary.html"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    )
    .unwrap();
    std::fs::write(
        dir.join("invalid.jsonl"),
        b"{\"html\": \"<p>ok record, a sentence of text.</p>\"}\n{not json\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("does-not-exist.html"), dir.join("gone.html")).unwrap();
    let out = run(&["--format", "text", dir.to_str().unwrap()], b"");
    assert!(
        !out.status.success(),
        "a failed page makes the exit status non-zero"
    );
    let err = stderr(&out);
    assert!(err.lines().any(|l| l.contains("binary.html")), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("invalid.jsonl:2") && l.contains("invalid JSON")),
        "{err}"
    );
    #[cfg(unix)]
    assert!(err.lines().any(|l| l.contains("gone.html")), "{err}");
    let body = stdout(&out);
    for good in [
        "First page",
        "Second page",
        "Third page",
        "Fourth page",
        "ok record",
    ] {
        assert!(body.contains(good), "{good} missing from {body}");
    }
    assert!(
        err.contains(if cfg!(unix) { "3 errors" } else { "2 errors" }),
        "{err}"
    );
}

#[test]
fn unreadable_file_fails_with_one_line() {
    let out = run(&["no/such/file.html"], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("deboiler: no/such/file.html: "), "{err}");
}

#[test]
fn jsonl_passes_fields_through_and_reports_errors() {
    let input = concat!(
        r#"{"id": "a1", "url": "https://x.test/a", "html": "<p>Heavy rain closed every school, officials said.</p>", "lang": "en", "meta": {"k": [1, 2]}, "title": "Crawler title"}"#,
        "\n",
        r#"{"id": 7, "text": "Body text of a record given as text, a sentence."}"#,
        "\n\n",
        r#"{"id": "bad", "body": "neither html nor text"}"#,
        "\n",
        "not json at all\n",
    );
    let out = run(
        &["--format", "jsonl", "--input-format", "jsonl"],
        input.as_bytes(),
    );
    assert!(!out.status.success());
    let records = json_lines(&out);
    assert_eq!(
        records.len(),
        4,
        "one record per input line, failures included"
    );
    let r = &records[0];
    assert_eq!(r["id"], "a1");
    assert_eq!(r["url"], "https://x.test/a");
    assert_eq!(r["source"], "-:1");
    assert_eq!(r["lang"], "en");
    assert_eq!(r["meta"], serde_json::json!({"k": [1, 2]}));
    assert_eq!(
        r["input"]["title"], "Crawler title",
        "a clashing field is kept under input"
    );
    assert_eq!(r["error"], Value::Null);
    assert!(r.get("html").is_none(), "the page itself is not echoed");
    assert!(r["body"].as_str().unwrap().contains("Heavy rain"));
    assert!(
        r["blocks"][0]["spans"].is_array(),
        "html records have spans"
    );
    assert_eq!(records[1]["id"], 7);
    assert_eq!(records[1]["record"], 2);
    assert!(
        records[1]["blocks"][0].get("spans").is_none(),
        "text records do not"
    );
    assert_eq!(records[2]["id"], "bad");
    assert_eq!(records[2]["source"], "-:4");
    assert!(records[2]["error"].as_str().unwrap().contains("neither"));
    assert!(
        records[2].get("body").is_none(),
        "a failed record has no body"
    );
    assert!(
        records[3]["error"]
            .as_str()
            .unwrap()
            .contains("invalid JSON")
    );
    let err = stderr(&out);
    assert!(err.contains("-:4: record has neither"), "{err}");
    assert!(err.contains("-:5: invalid JSON"), "{err}");

    // Detected from the first byte without --input-format.
    let out = run(&["--format", "jsonl"], input.as_bytes());
    assert_eq!(json_lines(&out).len(), 4);
    // A gzipped .jsonl.gz file reads the same.
    let dir = temp_dir("jsonl_gz");
    let path = dir.join("records.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(input.as_bytes()).unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let out = run(&["--format", "jsonl", "-q", path.to_str().unwrap()], b"");
    let records = json_lines(&out);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["source"], format!("{}:1", path.display()));
    // --format json leaves failed records out of stdout.
    let out = run(&["--format", "json"], input.as_bytes());
    assert_eq!(json_lines(&out).len(), 2);
}

/// One WARC record, and one gzip member per record when `gzip`.
fn warc_record(out: &mut Vec<u8>, gzip: bool, kind: &str, id: u32, ctype: &str, block: &[u8]) {
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id:08}-test>\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: https://news.test/{id}\r\n\
         Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(block);
    rec.extend_from_slice(b"\r\n\r\n");
    if gzip {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&rec).unwrap();
        out.extend(gz.finish().unwrap());
    } else {
        out.extend(rec);
    }
}

fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

/// A WARC with: warcinfo, request + HTML response, a chunked HTML
/// response, a PNG response, a gzip-encoded HTML response over HTTP/2, a
/// 404 HTML response over HTTP/2. Returns the archive and the pages it should yield.
fn warc_fixture(gzip: bool) -> (Vec<u8>, Vec<PathBuf>) {
    let pages = small_pages(3);
    let html: Vec<Vec<u8>> = pages.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let resp = "application/http; msgtype=response";
    let mut w = Vec::new();
    warc_record(
        &mut w,
        gzip,
        "warcinfo",
        1,
        "application/warc-fields",
        b"software: test\r\n",
    );
    warc_record(
        &mut w,
        gzip,
        "request",
        2,
        "application/http; msgtype=request",
        b"GET / HTTP/1.1\r\nHost: news.test\r\n\r\n",
    );
    let plain = http(
        &format!(
            "Content-Type: text/html; charset=UTF-8\r\nContent-Length: {}\r\n",
            html[0].len()
        ),
        &html[0],
    );
    warc_record(&mut w, gzip, "response", 3, resp, &plain);
    let mut chunked = Vec::new();
    for piece in html[1].chunks(1000) {
        chunked.extend(format!("{:X}\r\n", piece.len()).into_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    warc_record(
        &mut w,
        gzip,
        "response",
        4,
        resp,
        &http(
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            &chunked,
        ),
    );
    warc_record(
        &mut w,
        gzip,
        "response",
        5,
        resp,
        &http("Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n"),
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&html[2]).unwrap();
    let encoded = gz.finish().unwrap();
    // Fetched over HTTP/2: the status line has no reason phrase.
    let mut h2 = http(
        "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
        &encoded,
    );
    h2.splice(..b"HTTP/1.1 200 OK".len(), b"HTTP/2 200".iter().copied());
    warc_record(&mut w, gzip, "response", 6, resp, &h2);
    let not_found = b"HTTP/2 404\r\ncontent-type: text/html\r\n\r\n<p>Not found</p>";
    warc_record(&mut w, gzip, "response", 7, resp, not_found);
    (w, pages)
}

fn check_warc(name: &str, gzip: bool) {
    let dir = temp_dir(name);
    let (archive, pages) = warc_fixture(gzip);
    let path = dir.join(if gzip { "crawl.warc.gz" } else { "crawl.warc" });
    std::fs::write(&path, &archive).unwrap();
    let out = run(
        &["--format", "jsonl", "--jobs", "2", path.to_str().unwrap()],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "<urn:uuid:00000003-test>",
            "<urn:uuid:00000004-test>",
            "<urn:uuid:00000006-test>"
        ]
    );
    assert_eq!(records[0]["url"], "https://news.test/3");
    assert_eq!(records[0]["http_status"], 200);
    assert_eq!(records[0]["record"], 3);
    for (r, page) in records.iter().zip(&pages) {
        assert_eq!(
            format!("{}\n", r["body"].as_str().unwrap()),
            body_alone(page),
            "{}",
            page.display()
        );
    }
    let err = stderr(&out);
    for skip in [
        "warc request 1",
        "warcinfo 1",
        "not html 1",
        "http status not 2xx 1",
    ] {
        assert!(err.contains(skip), "{skip} not in {err}");
    }
    // stdin is sniffed too (gzip magic, then "WARC/").
    let out = run(&["--format", "jsonl", "-q"], &archive);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 3);
    // --out-dir names record files by record id.
    let out_dir = dir.join("out");
    let out = run(
        &[
            "-q",
            "--out-dir",
            out_dir.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_dir.join("crawl/00000004-test.txt").is_file());
}

#[test]
fn warc_plain() {
    check_warc("warc_plain", false);
}

#[test]
fn warc_gzip_multi_member() {
    check_warc("warc_gzip", true);
}

#[test]
fn truncated_warc_reports_an_error_and_keeps_earlier_pages() {
    let dir = temp_dir("warc_truncated");
    let (archive, _) = warc_fixture(false);
    let path = dir.join("cut.warc");
    // Cut inside the last record.
    std::fs::write(&path, &archive[..archive.len() - 20]).unwrap();
    let out = run(&["--format", "jsonl", "-q", path.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let records = json_lines(&out);
    assert_eq!(records.len(), 4, "three pages, then the error record");
    assert!(records[3]["error"].as_str().unwrap().contains("WARC"));

    // Cut inside the last record's header: reported too, not lost quietly.
    let last = archive.windows(8).rposition(|w| w == b"WARC/1.0").unwrap();
    std::fs::write(&path, &archive[..last + 30]).unwrap();
    let out = run(&["--format", "jsonl", "-q", path.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let records = json_lines(&out);
    assert_eq!(records.len(), 4, "three pages, then the error record");
    assert!(
        records[3]["error"]
            .as_str()
            .unwrap()
            .contains("ends inside the WARC header"),
        "{}",
        records[3]
    );
    assert_eq!(records[3]["source"], format!("{}#7", path.display()));
}

#[test]
fn parallel_output_is_in_input_order_and_equals_one_by_one_runs() {
    let dir = temp_dir("order");
    let pages = small_pages(24);
    let mut jsonl = String::new();
    for (i, page) in pages.iter().enumerate() {
        let html = std::fs::read_to_string(page).unwrap();
        jsonl.push_str(&serde_json::json!({"id": i, "html": html}).to_string());
        jsonl.push('\n');
    }
    let path = dir.join("pages.jsonl");
    std::fs::write(&path, &jsonl).unwrap();
    let mut bodies = Vec::new();
    for jobs in ["1", "2"] {
        let out = run(
            &[
                "--format",
                "jsonl",
                "--jobs",
                jobs,
                "-q",
                path.to_str().unwrap(),
            ],
            b"",
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let records = json_lines(&out);
        let ids: Vec<u64> = records.iter().map(|r| r["id"].as_u64().unwrap()).collect();
        assert_eq!(ids, (0..pages.len() as u64).collect::<Vec<_>>());
        bodies.push(
            records
                .iter()
                .map(|r| r["body"].as_str().unwrap().to_string())
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(bodies[0], bodies[1]);
    for (body, page) in bodies[1].iter().zip(&pages) {
        assert_eq!(format!("{body}\n"), body_alone(page), "{}", page.display());
    }
    // The same pages as files in a folder, in text format.
    let folder = temp_dir("order_files");
    for (i, page) in pages.iter().enumerate() {
        std::fs::copy(page, folder.join(format!("{i:02}.html"))).unwrap();
    }
    let out = run(&["--jobs", "2", "-q", folder.to_str().unwrap()], b"");
    // Several pages: each starts with its `==> SOURCE <==` line.
    let expected: String = bodies[1]
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let gap = if i == 0 { "" } else { "\n" };
            let source = folder.join(format!("{i:02}.html"));
            format!("{gap}==> {} <==\n{b}\n", source.display())
        })
        .collect();
    assert_eq!(stdout(&out), expected);
}

#[test]
fn explain_lists_every_block_with_decision_and_features() {
    let out = run(&["explain", "-"], STORY.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    assert!(text.contains("4 blocks"), "{text}");
    for line in STORY.lines().filter(|l| !l.is_empty()) {
        assert!(text.contains(line), "{line} missing");
    }
    assert_eq!(
        text.matches("words=").count(),
        4,
        "features for every block"
    );
    let decisions = text.lines().filter(|l| l.starts_with("   ")).filter(|l| {
        let word = l.split_whitespace().nth(1).unwrap_or("");
        word == "body" || deboiler::Reason::from_name(word).is_some()
    });
    assert_eq!(decisions.count(), 4, "a decision for every block");

    let forced = run_cmd(
        bin().args(["explain", "-"]).env("CLICOLOR_FORCE", "1"),
        STORY.as_bytes(),
    );
    assert!(stdout(&forced).contains("\x1b["), "colour when forced");
    let no_color = run_cmd(
        bin()
            .args(["explain", "-"])
            .env("CLICOLOR_FORCE", "1")
            .env("NO_COLOR", "1"),
        STORY.as_bytes(),
    );
    assert!(!stdout(&no_color).contains('\x1b'), "NO_COLOR wins");
}

#[test]
fn keep_and_drop_move_nothing_out_of_sight() {
    let run_json = |extra: &[&str]| {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        let out = run(&args, STORY.as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        json_lines(&out).remove(0)
    };
    let all_blocks =
        |r: &Value| r["blocks"].as_array().unwrap().len() + r["removed"].as_array().unwrap().len();
    let default = run_json(&[]);

    // --drop title: no title reported, the block still listed as removed.
    let dropped = run_json(&["--drop", "title"]);
    assert_eq!(dropped["title"], Value::Null);
    assert_eq!(dropped["removed"], default["removed"]);
    assert_eq!(dropped["body"], default["body"]);

    // --keep R: every block removed for R is in the body, nothing else moves.
    for reason in deboiler::Reason::ALL {
        let kept = run_json(&["--keep", reason.as_str()]);
        assert_eq!(all_blocks(&kept), all_blocks(&default));
        let moved = default["removed"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["reason"] == reason.as_str())
            .count();
        assert_eq!(
            kept["blocks"].as_array().unwrap().len(),
            default["blocks"].as_array().unwrap().len() + moved,
            "{reason}"
        );
        assert!(
            kept["removed"]
                .as_array()
                .unwrap()
                .iter()
                .all(|b| b["reason"] != reason.as_str())
        );
    }

    let both = run(&["--keep", "date", "--drop", "date"], STORY.as_bytes());
    assert_eq!(both.status.code(), Some(2));
    assert!(stderr(&both).contains("contradict"));
    let unknown = run(&["--drop", "sidebar"], STORY.as_bytes());
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown).contains("related-stories"),
        "lists the valid names"
    );
}

#[test]
fn warc_charset_header_is_used_for_decoding() {
    let dir = temp_dir("warc_charset");
    let text = "Правительство объявило о новых мерах поддержки для семей с детьми в понедельник.";
    let page = format!("<html><body><p>{text}</p></body></html>");
    let (body, _, _) = encoding_rs::WINDOWS_1251.encode(&page);
    let mut w = Vec::new();
    let resp = "application/http; msgtype=response";
    let record = http("Content-Type: text/html; charset=windows-1251\r\n", &body);
    warc_record(&mut w, true, "response", 1, resp, &record);
    // The same page labelled KOI8-R: the header wins over the bytes, so the
    // text comes out different (and still maps back to the same bytes).
    let record = http("Content-Type: text/html; charset=koi8-r\r\n", &body);
    warc_record(&mut w, true, "response", 2, resp, &record);
    let path = dir.join("cyrillic.warc.gz");
    std::fs::write(&path, &w).unwrap();
    let out = run(&["--format", "jsonl", "-q", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let records = json_lines(&out);
    assert_eq!(records[0]["body"], text);
    assert_eq!(
        records[0]["content_type"],
        "text/html; charset=windows-1251"
    );
    assert_ne!(records[1]["body"], text);
    let span = &records[0]["blocks"][0]["spans"][0];
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &body[s..e],
        &encoding_rs::WINDOWS_1251.encode(text).0[..],
        "spans are into the payload bytes"
    );
}

#[test]
fn explain_takes_a_record_of_jsonl_or_warc_by_its_source() {
    let dir = temp_dir("explain_record");
    let jsonl = dir.join("pages.jsonl");
    let line = serde_json::json!({"id": "x", "text": STORY}).to_string();
    std::fs::write(
        &jsonl,
        format!("{{\"id\": \"first\", \"text\": \"Other page.\"}}\n{line}\n"),
    )
    .unwrap();
    let out = run(&["explain", &format!("{}:2", jsonl.display())], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("4 blocks"), "{}", stdout(&out));
    let missing = run(&["explain", &format!("{}:9", jsonl.display())], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no page at record 9"));

    let (archive, pages) = warc_fixture(true);
    let warc = dir.join("crawl.warc.gz");
    std::fs::write(&warc, &archive).unwrap();
    // Record 4 is the chunked response holding the second page.
    let from_warc = run(&["explain", &format!("{}#4", warc.display())], b"");
    let from_file = run(&["explain", pages[1].to_str().unwrap()], b"");
    assert!(from_warc.status.success(), "{}", stderr(&from_warc));
    let blocks = |o: &Output| stdout(o).lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(
        blocks(&from_warc),
        blocks(&from_file),
        "same blocks as the page on its own"
    );
}
