//! Hostile archives, links and folders, built on the fly: damaged gzip,
//! wrong and absurd lengths, bombs, links in and out of the input, a FIFO,
//! case collisions, an output folder inside the input, Ctrl-C.
//!
//! Each case checks the promises of issue 10: nothing outside the input is
//! read, nothing outside `--out-dir` is written, nothing panics or hangs,
//! every intact record comes out, and every damaged one is named with its
//! position.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;

/// How long any one run may take before the test calls it a hang.
const HANG: Duration = Duration::from_secs(60);

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_deboiler"));
    cmd.env_remove("CLICOLOR_FORCE").env_remove("NO_COLOR");
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Waits for `child`, killing it and failing the test after [`HANG`].
fn wait(mut child: Child) -> Output {
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("the run hung for {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run(args: &[&str]) -> Output {
    let out = wait(bin().args(args).spawn().unwrap());
    assert_ne!(out.status.code(), Some(101), "panicked: {}", stderr(&out));
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn errors(records: &[Value]) -> Vec<&str> {
    records.iter().filter_map(|r| r["error"].as_str()).collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn page(i: usize) -> String {
    format!(
        "<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>\
         <p>Heavy rain closed every school in district {i} on Monday, officials said.</p>\
         <p>The storm is expected to move east overnight, forecasters said.</p>\
         </article></body></html>"
    )
}

/// One WARC response record holding `body` as an HTTP 200 text/html
/// response, with `length` as its Content-Length (the true one if `None`).
fn record(i: usize, body: &[u8], length: Option<&str>) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    let length = length.map_or_else(|| http.len().to_string(), str::to_string);
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i:08}>\r\n\
         WARC-Target-URI: https://news.test/{i}\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {length}\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(&http);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

/// `n` records, each its own gzip member, as Common Crawl writes them; and
/// where each member starts.
fn members(n: usize) -> (Vec<u8>, Vec<usize>) {
    let mut out = Vec::new();
    let mut starts = Vec::new();
    for i in 1..=n {
        starts.push(out.len());
        out.extend(gzip(&record(i, page(i).as_bytes(), None)));
    }
    (out, starts)
}

fn urls(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .filter(|r| r["error"].is_null())
        .map(|r| r["url"].as_str().unwrap().to_string())
        .collect()
}

fn expected_urls(ids: impl IntoIterator<Item = usize>) -> Vec<String> {
    ids.into_iter()
        .map(|i| format!("https://news.test/{i}"))
        .collect()
}

fn write(dir: &Path, name: &str, data: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, data).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_damaged_gzip_member_costs_its_record_only() {
    let dir = temp_dir("damaged_member");
    let (mut archive, starts) = members(20);
    // Flip bytes in the middle of member 10 (index 9).
    let mid = (starts[9] + starts[10]) / 2;
    for b in &mut archive[mid..mid + 8] {
        *b ^= 0x5a;
    }
    let path = write(&dir, "crawl.warc.gz", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let recs = records(&out);
    let got = urls(&recs);
    assert_eq!(got, expected_urls((1..=20).filter(|&i| i != 10)));
    // The record is named, and so is the byte range skipped (in the same
    // message, or in the next one when the record's own framing failed
    // first).
    let errs = errors(&recs);
    assert!(errs.len() <= 2, "{errs:?}");
    assert!(errs[0].starts_with("WARC record 10 at "), "{errs:?}");
    let range = format!("bytes {}..{}", starts[9], starts[10]);
    assert!(errs.iter().any(|e| e.contains(&range)), "{errs:?}");
}

#[test]
fn garbage_between_members_is_skipped_and_reported() {
    let dir = temp_dir("garbage_between");
    let (mut archive, starts) = members(5);
    let junk = b"this is not gzip at all";
    let at = starts[3];
    archive.splice(at..at, junk.iter().copied());
    let path = write(&dir, "crawl.warc.gz", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let recs = records(&out);
    assert_eq!(urls(&recs), expected_urls(1..=5));
    let errs = errors(&recs);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].contains(&format!("bytes {at}..{}", at + junk.len())),
        "{}",
        errs[0]
    );
}

#[test]
fn a_damaged_header_in_a_plain_archive_costs_its_record_only() {
    let dir = temp_dir("damaged_header");
    let mut archive = Vec::new();
    for i in 1..=10 {
        let mut rec = record(i, page(i).as_bytes(), None);
        if i == 4 {
            // A header line without a colon.
            let at = rec.windows(9).position(|w| w == b"WARC-Type").unwrap();
            rec[at + 9] = b'!';
        }
        archive.extend(rec);
    }
    let path = write(&dir, "crawl.warc", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let recs = records(&out);
    assert_eq!(urls(&recs), expected_urls((1..=10).filter(|&i| i != 4)));
    let errs = errors(&recs);
    assert!(errs[0].starts_with("WARC record 4 at byte "), "{errs:?}");
    assert!(errs[0].contains("has no ':'"), "{errs:?}");
}

#[test]
fn absurd_content_lengths_fail_their_record_without_a_panic() {
    let dir = temp_dir("absurd_lengths");
    for (i, length) in [
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999",
        "-5",
        "12abc",
        "",
    ]
    .into_iter()
    .enumerate()
    {
        let mut archive = record(1, page(1).as_bytes(), None);
        archive.extend(record(2, page(2).as_bytes(), Some(length)));
        archive.extend(record(3, page(3).as_bytes(), None));
        let path = write(&dir, &format!("crawl{i}.warc"), &archive);
        let out = run(&["--format", "jsonl", "-q", &path]);
        assert_eq!(out.status.code(), Some(1), "{length}: {}", stderr(&out));
        let recs = records(&out);
        let got = urls(&recs);
        assert_eq!(got.first(), Some(&expected_urls([1])[0]), "{length}");
        let errs = errors(&recs);
        assert!(
            errs[0].starts_with("WARC record 2 at byte ") && errs[0].contains("Content-Length"),
            "{length}: {errs:?}"
        );
        if length.parse::<u64>().is_err() {
            // The header is refused: record 3 is found again.
            assert_eq!(got, expected_urls([1, 3]), "{length}");
        }
    }
}

#[test]
fn wrong_content_lengths_are_named_and_later_records_survive() {
    let dir = temp_dir("wrong_lengths");
    // Too short, in a plain archive: the rest of the body is junk, skipped
    // up to the next record and reported.
    let true_len = record(2, page(2).as_bytes(), None);
    let head_len = true_len.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let body_len = true_len.len() - head_len - 4;
    let mut archive = record(1, page(1).as_bytes(), None);
    archive.extend(record(
        2,
        page(2).as_bytes(),
        Some(&(body_len - 40).to_string()),
    ));
    archive.extend(record(3, page(3).as_bytes(), None));
    let path = write(&dir, "short.warc", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let recs = records(&out);
    let got = urls(&recs);
    assert!(got.contains(&expected_urls([3])[0]), "{got:?}");
    assert!(
        errors(&recs)
            .iter()
            .any(|e| e.contains("are not a WARC record")),
        "{recs:?}"
    );

    // Too long, one record per gzip member: the body is cut where its
    // member ends, and the next member's record is read.
    let mut archive = gzip(&record(1, page(1).as_bytes(), None));
    archive.extend(gzip(&record(2, page(2).as_bytes(), Some("100000"))));
    archive.extend(gzip(&record(3, page(3).as_bytes(), None)));
    let path = write(&dir, "long.warc.gz", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let recs = records(&out);
    assert_eq!(urls(&recs), expected_urls([1, 3]));
    let errs = errors(&recs);
    assert!(errs[0].contains("runs past the end"), "{errs:?}");
}

#[test]
fn a_truncated_archive_names_the_cut_record() {
    let dir = temp_dir("truncated");
    let mut archive = Vec::new();
    for i in 1..=3 {
        archive.extend(record(i, page(i).as_bytes(), None));
    }
    archive.truncate(archive.len() - 100);
    let path = write(&dir, "cut.warc", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let recs = records(&out);
    assert_eq!(urls(&recs), expected_urls([1, 2]));
    assert!(errors(&recs)[0].contains("truncated"), "{recs:?}");
}

#[test]
fn a_gzip_bomb_record_is_refused_without_buffering_it() {
    let dir = temp_dir("bomb");
    // 300 MiB of zeros behind a Content-Length that says so, gzipped to a
    // few hundred KB: over the 256 MiB page limit, so it is read past.
    const BOMB: usize = 300 << 20;
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.test/bomb\r\n\
             Content-Length: {BOMB}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        )
        .as_bytes(),
    )
    .unwrap();
    let zeros = vec![0u8; 1 << 20];
    let head = 64;
    let mut left = BOMB - head + 16;
    while left > 0 {
        let n = left.min(zeros.len());
        gz.write_all(&zeros[..n]).unwrap();
        left -= n;
    }
    let mut archive = gz.finish().unwrap();
    archive.extend(gzip(&record(2, page(2).as_bytes(), None)));
    let path = write(&dir, "bomb.warc.gz", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let recs = records(&out);
    assert!(errors(&recs)[0].contains("over the page limit"), "{recs:?}");
    assert!(urls(&recs).contains(&expected_urls([2])[0]), "{recs:?}");
}

#[test]
fn a_malformed_chunk_size_is_an_error() {
    let dir = temp_dir("chunks");
    let body = b"5\r\nHello\r\nnot-hex\r\n, world\r\n0\r\n\r\n";
    let mut http =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
    http.extend_from_slice(body);
    let mut archive = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    archive.extend(http);
    archive.extend(b"\r\n\r\n");
    let path = write(&dir, "chunks.warc", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let errs = records(&out);
    assert!(
        errors(&errs)[0].contains("malformed chunk-size line at byte 10"),
        "{errs:?}"
    );
}

#[test]
fn damaged_jsonl_gzip_keeps_the_lines_of_intact_members() {
    let dir = temp_dir("jsonl_gz");
    let mut archive = Vec::new();
    let mut starts = Vec::new();
    for i in 1..=10 {
        starts.push(archive.len());
        let line = format!(
            "{{\"url\":\"https://news.test/{i}\",\"html\":{:?}}}\n",
            page(i)
        );
        archive.extend(gzip(line.as_bytes()));
    }
    let mid = (starts[4] + starts[5]) / 2;
    for b in &mut archive[mid..mid + 8] {
        *b ^= 0x5a;
    }
    let path = write(&dir, "pages.jsonl.gz", &archive);
    let out = run(&["--format", "jsonl", "-q", &path]);
    let recs = records(&out);
    assert_eq!(urls(&recs), expected_urls((1..=10).filter(|&i| i != 5)));
    assert_eq!(errors(&recs).len(), 1);
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::symlink;

    /// An input folder holding one page, a link to a page inside it, a
    /// link to a file outside it and a link to a folder outside it.
    fn linked_folder(name: &str) -> (PathBuf, PathBuf) {
        let dir = temp_dir(name);
        let input = dir.join("input");
        let outside = dir.join("outside");
        std::fs::create_dir_all(input.join("sub")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(input.join("a.html"), page(1)).unwrap();
        std::fs::write(outside.join("secret.html"), page(2)).unwrap();
        symlink(input.join("a.html"), input.join("sub/inside-link.html")).unwrap();
        symlink(outside.join("secret.html"), input.join("out-link.html")).unwrap();
        symlink(&outside, input.join("out-dir-link")).unwrap();
        (dir, input)
    }

    fn sources(out: &Output) -> Vec<String> {
        records(out)
            .iter()
            .map(|r| r["source"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn links_leading_outside_the_input_are_not_followed() {
        let (_dir, input) = linked_folder("links");
        let out = run(&["--format", "jsonl", input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let got = sources(&out);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|s| !s.contains("out-")), "{got:?}");
        let err = stderr(&out);
        assert!(
            err.contains("out-link.html: skipped: link leading outside"),
            "{err}"
        );
        assert!(err.contains("out-dir-link: skipped"), "{err}");

        let out = run(&[
            "--format",
            "jsonl",
            "--follow-links",
            input.to_str().unwrap(),
        ]);
        assert_eq!(sources(&out).len(), 4, "{}", stderr(&out));
    }

    #[test]
    fn a_fifo_in_a_folder_is_skipped_not_opened() {
        let dir = temp_dir("fifo");
        std::fs::write(dir.join("a.html"), page(1)).unwrap();
        let fifo = dir.join("b.html");
        // mkfifo(1), so the test needs no `unsafe`.
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let out = run(&["--format", "jsonl", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(records(&out).len(), 1);
        assert!(stderr(&out).contains("b.html: skipped: not a regular file (FIFO)"));
    }

    #[test]
    fn outputs_never_go_through_a_link_and_never_feed_the_next_run() {
        let dir = temp_dir("out_links");
        let input = dir.join("input");
        std::fs::create_dir_all(&input).unwrap();
        for i in 1..=3 {
            std::fs::write(input.join(format!("p{i}.html")), page(i)).unwrap();
        }
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, "untouched").unwrap();
        let out_dir = input.join("out");
        std::fs::create_dir_all(&out_dir).unwrap();
        symlink(&victim, out_dir.join("p1.txt")).unwrap();
        for _ in 0..2 {
            let out = run(&[
                "-q",
                "--out-dir",
                out_dir.to_str().unwrap(),
                input.to_str().unwrap(),
            ]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        let p1 = out_dir.join("p1.txt");
        assert!(!std::fs::symlink_metadata(&p1).unwrap().is_symlink());
        assert!(std::fs::read_to_string(&p1).unwrap().contains("district 1"));
        let mut names: Vec<String> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["p1.txt", "p2.txt", "p3.txt"], "self-fed or partial");
    }

    #[test]
    fn ctrl_c_leaves_no_partial_file_and_says_what_was_done() {
        let dir = temp_dir("ctrl_c");
        let out_dir = dir.join("out");
        let mut child = bin()
            .args(["--format", "jsonl", "--out-dir", out_dir.to_str().unwrap()])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for i in 1..=3 {
            writeln!(stdin, "{{\"html\":{:?}}}", page(i)).unwrap();
        }
        stdin.flush().unwrap();
        std::thread::sleep(Duration::from_millis(500));
        let kill = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        drop(stdin);
        let out = wait(child);
        assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
        assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
        let left: Vec<_> = std::fs::read_dir(&out_dir)
            .map(|d| d.map(|e| e.unwrap().file_name()).collect())
            .unwrap_or_default();
        assert!(left.is_empty(), "partial files left: {left:?}");
    }
}

#[test]
fn case_colliding_names_get_distinct_files() {
    let dir = temp_dir("case");
    let lines = format!(
        "{{\"id\":\"Story\",\"html\":{:?}}}\n{{\"id\":\"story\",\"html\":{:?}}}\n",
        page(1),
        page(2)
    );
    let path = write(&dir, "pages.jsonl", lines.as_bytes());
    let out_dir = dir.join("out");
    let out = run(&["-q", "--out-dir", out_dir.to_str().unwrap(), &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(out_dir.join("pages"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["Story.txt", "story-2.txt"]);
}

#[test]
fn stdin_json_lines_stream_out_before_the_input_ends() {
    let mut child = bin()
        .args(["--format", "jsonl", "-q"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for i in 1..=3 {
        writeln!(
            stdin,
            "{{\"url\":\"https://news.test/{i}\",\"html\":{:?}}}",
            page(i)
        )
        .unwrap();
        stdin.flush().unwrap();
        // The record must come out while stdin is still open.
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let rec: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(rec["url"], format!("https://news.test/{i}"));
    }
    drop(stdin);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(rest.is_empty());
    assert!(child.wait().unwrap().success());
}

#[test]
fn readers_never_panic_on_short_random_archives() {
    use deboiler_cli::gzip::Decoded;
    use deboiler_cli::inputs::Unit;
    // A cheap deterministic sweep (the fuzz targets go much further):
    // every prefix of a small archive, and every single-byte corruption of
    // its head, read through the WARC reader.
    let mut archive = gzip(&record(1, page(1).as_bytes(), None));
    archive.extend(gzip(&record(2, page(2).as_bytes(), None)));
    let unit = std::sync::Arc::new(Unit {
        path: None,
        display: "x".into(),
        out_stem: "x".into(),
        max_page_bytes: 1 << 20,
    });
    let mut cases: Vec<Vec<u8>> = (0..archive.len()).map(|n| archive[..n].to_vec()).collect();
    for i in 0..200.min(archive.len()) {
        let mut bad = archive.clone();
        bad[i] ^= 0xff;
        cases.push(bad);
    }
    cases.push(archive.clone());
    for case in cases {
        let reader = Decoded::new(&case[..]).unwrap();
        // Record numbers only grow, and the whole archive gives both pages.
        let mut last = 0;
        let mut pages = 0;
        deboiler_cli::warc::read(&unit, reader, &mut |event| {
            if let deboiler_cli::inputs::Event::Job(job) = event {
                if let Some(n) = job.record {
                    assert!(n > last, "record {n} after {last}");
                    last = n;
                }
                pages += usize::from(matches!(
                    job.content,
                    deboiler_cli::inputs::Content::Bytes { .. }
                ));
            }
            true
        });
        if case == archive {
            assert_eq!(pages, 2);
        }
    }
}

#[test]
fn a_json_line_over_the_page_limit_is_one_error_and_lines_stay_numbered() {
    let dir = temp_dir("long_line");
    let long = "x".repeat(5000);
    let lines = format!("{{\"text\":\"one\"}}\n{{\"text\":\"{long}\"}}\n{{\"text\":\"three\"}}\n");
    let path = write(&dir, "pages.jsonl", lines.as_bytes());
    let out = run(&["--format", "jsonl", "-q", "--max-page-bytes", "1000", &path]);
    let recs = records(&out);
    let numbers: Vec<u64> = recs.iter().map(|r| r["record"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert!(
        recs[1]["error"]
            .as_str()
            .unwrap()
            .contains("line 2 is 5012 bytes, over the page limit of 1000 bytes"),
        "{recs:?}"
    );
    assert_eq!(recs[2]["body"], "three");
    // `explain FILE:LINE` points at the same line.
    let explain = run(&["explain", &format!("{path}:3")]);
    assert!(String::from_utf8_lossy(&explain.stdout).contains("three"));
}
