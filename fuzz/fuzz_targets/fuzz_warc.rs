//! Bytes through the CLI's WARC reader (plain or gzip, as the CLI sniffs
//! them): never a panic, never a hang; record numbers only grow; every page
//! fits the page limit; every failure names its position.
#![no_main]

use std::sync::Arc;

use deboiler_cli::gzip::Decoded;
use deboiler_cli::inputs::{Content, Event, Unit};
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
    let mut last = 0;
    deboiler_cli::warc::read(&unit, reader, &mut |event| {
        if let Event::Job(job) = event {
            if let Some(n) = job.record {
                assert!(n > last, "record {n} after {last}");
                last = n;
            }
            match &job.content {
                Content::Bytes { data, .. } => assert!(data.len() as u64 <= MAX_PAGE + 1),
                Content::Failed(msg) => assert!(
                    msg.contains("byte") || msg.contains("WARC record"),
                    "no position in {msg:?}"
                ),
                Content::JsonLine(_) => panic!("a WARC reader made a JSON line"),
            }
        }
        true
    });
});
