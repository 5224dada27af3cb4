//! Bytes through the CLI's JSON Lines reader (plain or gzip): never a
//! panic, never a hang; line numbers only grow and count every newline
//! before a plain input's line; no line holds a newline but at its end.
#![no_main]

use std::sync::Arc;

use deboiler_cli::gzip::Decoded;
use deboiler_cli::inputs::{Content, Event, Unit, read_jsonl};
use libfuzzer_sys::fuzz_target;

/// A small page limit, so the fuzzer reaches the over-limit paths.
const MAX_PAGE: u64 = 4096;

fuzz_target!(|bytes: &[u8]| {
    let unit = Arc::new(Unit {
        path: None,
        display: "fuzz".into(),
        out_stem: "fuzz".into(),
        max_page_bytes: MAX_PAGE,
    });
    let Ok(reader) = Decoded::new(bytes) else { return };
    let gzip = reader.is_gzip();
    let mut last = 0;
    read_jsonl(&unit, reader, &mut |event| {
        if let Event::Job(job) = event
            && let Some(n) = job.record
        {
            assert!(n > last, "line {n} after {last}");
            last = n;
            if let Content::JsonLine(line) = &job.content {
                let body = line.strip_suffix(b"\n").unwrap_or(line);
                assert!(!body.contains(&b'\n'));
                if !gzip {
                    // Line n is the n-th line of the input, exactly.
                    let nth = bytes.split(|&b| b == b'\n').nth(n as usize - 1);
                    assert_eq!(nth, Some(body));
                }
            }
        }
        true
    });
});
