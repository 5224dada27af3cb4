//! Builds large batch inputs from a folder of pages, to check the CLI's
//! throughput, memory and ordering:
//!
//! ```text
//! cargo run --release --example make_batch -- corpus/zyte 10000 /tmp/batch.jsonl /tmp/batch.warc.gz
//! ```
//!
//! The JSON Lines file has `count` records `{"id", "url", "html", "n"}`
//! cycling through the folder's `.html` files (sorted by name). The WARC
//! file (gzipped per record, as Common Crawl writes them, when its name
//! ends in `.gz`) has a `warcinfo` record, then for each page a `request`
//! and a `response` record; every 10th response uses chunked transfer
//! encoding, and after every 7th page comes a non-HTML (`image/png`)
//! response that the CLI must skip.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, count, jsonl, warc] = &args[..] else {
        eprintln!("usage: make_batch PAGES_DIR COUNT OUT.jsonl OUT.warc[.gz]");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("COUNT is a number");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
    pages.sort();
    assert!(!pages.is_empty(), "no .html files in {dir}");
    let bodies: Vec<Vec<u8>> = pages.iter().map(std::fs::read).collect::<io::Result<_>>()?;

    let mut out = BufWriter::new(File::create(jsonl)?);
    for n in 0..count {
        let i = n % pages.len();
        let record = serde_json::json!({
            "id": format!("{n:05}-{}", stem(&pages[i])),
            "url": format!("https://example.com/{}", stem(&pages[i])),
            "html": String::from_utf8_lossy(&bodies[i]),
            "n": n,
        });
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;

    let mut out = Warc::create(Path::new(warc))?;
    out.record(
        "warcinfo",
        None,
        "application/warc-fields",
        b"software: make_batch\r\n",
    )?;
    for n in 0..count {
        let i = n % pages.len();
        let url = format!("https://example.com/{}", stem(&pages[i]));
        let request = format!(
            "GET /{} HTTP/1.1\r\nHost: example.com\r\n\r\n",
            stem(&pages[i])
        );
        out.record(
            "request",
            Some(&url),
            "application/http; msgtype=request",
            request.as_bytes(),
        )?;
        let mut response = Vec::new();
        response
            .extend_from_slice(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n");
        if n % 10 == 9 {
            response.extend_from_slice(b"Transfer-Encoding: chunked\r\n\r\n");
            for chunk in bodies[i].chunks(4096) {
                response.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                response.extend_from_slice(chunk);
                response.extend_from_slice(b"\r\n");
            }
            response.extend_from_slice(b"0\r\n\r\n");
        } else {
            response.extend_from_slice(
                format!("Content-Length: {}\r\n\r\n", bodies[i].len()).as_bytes(),
            );
            response.extend_from_slice(&bodies[i]);
        }
        out.record(
            "response",
            Some(&url),
            "application/http; msgtype=response",
            &response,
        )?;
        if n % 7 == 6 {
            let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n";
            out.record(
                "response",
                Some("https://example.com/logo.png"),
                "application/http; msgtype=response",
                png,
            )?;
        }
    }
    out.finish()
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// A minimal WARC/1.1 writer, one gzip member per record when compressing.
struct Warc {
    out: BufWriter<File>,
    gzip: bool,
    n: u64,
}

impl Warc {
    fn create(path: &Path) -> io::Result<Warc> {
        Ok(Warc {
            out: BufWriter::new(File::create(path)?),
            gzip: path.to_string_lossy().ends_with(".gz"),
            n: 0,
        })
    }

    fn record(
        &mut self,
        kind: &str,
        url: Option<&str>,
        ctype: &str,
        block: &[u8],
    ) -> io::Result<()> {
        self.n += 1;
        let mut rec = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{:012}>\r\n\
             WARC-Date: 2024-01-01T00:00:00Z\r\n",
            self.n
        );
        if let Some(url) = url {
            rec.push_str(&format!("WARC-Target-URI: {url}\r\n"));
        }
        rec.push_str(&format!(
            "Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        ));
        let mut bytes = rec.into_bytes();
        bytes.extend_from_slice(block);
        bytes.extend_from_slice(b"\r\n\r\n");
        if self.gzip {
            let mut gz = flate2::write::GzEncoder::new(&mut self.out, flate2::Compression::fast());
            gz.write_all(&bytes)?;
            gz.finish()?;
            Ok(())
        } else {
            self.out.write_all(&bytes)
        }
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}
