//! The command line's paths as a stream of pages.
//!
//! Each path is a page, a folder, a JSON Lines file or a WARC archive; each
//! becomes zero or more [`Job`]s, handed to a callback in input order. I
//! stream rather than collect so a 10 GB archive costs one record of memory
//! here: the batch runner decides how many jobs are in flight.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;
use serde_json::{Map, Value};

use crate::InputFormat;

/// Read buffer for files and decompressed streams. Large enough that a gzip
/// member or a JSON line is usually one `fill_buf` away.
const READ_BUFFER: usize = 256 << 10;

/// The most bytes read for one page file or one JSON line: the library's
/// own limit plus one, so the cleaner reports the page as too large instead
/// of the CLI reading a runaway file whole.
pub(crate) const MAX_PAGE_BYTES: u64 = deboiler::DEFAULT_MAX_INPUT_BYTES as u64 + 1;

/// Extensions taken when walking a folder. Files named on the command line
/// are taken whatever their extension.
const FOLDER_EXTENSIONS: &[&str] = &[
    ".html",
    ".htm",
    ".xhtml",
    ".txt",
    ".jsonl",
    ".ndjson",
    ".jsonl.gz",
    ".ndjson.gz",
    ".warc",
    ".warc.gz",
];

/// One page to clean, or one input that failed before it could be cleaned.
pub(crate) struct Job {
    /// Where the page came from: the path, `path:LINE` for a JSON line,
    /// `path#N` for the N-th WARC record (both 1-based).
    pub(crate) source: String,
    /// The line or record number within a JSON Lines or WARC input.
    pub(crate) record: Option<u64>,
    /// The input this page belongs to, for `--out-dir` with `--format
    /// jsonl` (one output file per input).
    pub(crate) unit: Arc<Unit>,
    /// The output path, relative to `--out-dir`, without extension.
    pub(crate) out_name: PathBuf,
    pub(crate) content: Content,
}

/// What a job holds.
pub(crate) enum Content {
    /// The bytes of a page, with the charset a transport declared (the
    /// HTTP `Content-Type` of a WARC record) and fields to report with it.
    Bytes {
        data: Vec<u8>,
        charset: Option<String>,
        fields: Map<String, Value>,
    },
    /// One line of a JSON Lines input, parsed by the worker.
    JsonLine(Vec<u8>),
    /// The input could not be read.
    Failed(String),
}

/// What the stream reports besides jobs.
pub(crate) enum Event {
    Job(Job),
    /// A record or file left out on purpose, with the reason for the
    /// summary (`warc request`, `http status`, …).
    Skipped(&'static str),
}

/// One input named on the command line or found in a folder.
#[derive(Debug)]
pub(crate) struct Unit {
    /// `None` for standard input.
    pub(crate) path: Option<PathBuf>,
    /// The path as the user wrote it (or as found in the folder); `-` for
    /// standard input.
    pub(crate) display: String,
    /// Output path relative to `--out-dir`, without extension: the file's
    /// stem, under the sub-folder it was found in.
    pub(crate) out_stem: PathBuf,
}

/// Walks `paths` in order, calling `emit` for every job and skip. `emit`
/// returns `false` to stop early (stdout closed).
pub(crate) fn walk(paths: &[PathBuf], forced: InputFormat, emit: &mut dyn FnMut(Event) -> bool) {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    for path in paths {
        let go_on = if path.as_os_str() == "-" {
            let unit = Unit {
                path: None,
                display: "-".into(),
                out_stem: PathBuf::from("stdin"),
            };
            read_unit(Arc::new(unit), forced, emit)
        } else if path.is_dir() {
            walk_folder(path, forced, emit)
        } else {
            let unit = Unit {
                path: Some(path.clone()),
                display: path.display().to_string(),
                out_stem: PathBuf::from(stem(path)),
            };
            read_unit(Arc::new(unit), forced, emit)
        };
        if !go_on {
            return;
        }
    }
}

/// Walks a folder recursively, entries sorted by name so runs are
/// reproducible, following symbolic links and skipping hidden entries.
fn walk_folder(root: &Path, forced: InputFormat, emit: &mut dyn FnMut(Event) -> bool) -> bool {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                // A broken link or an unreadable folder: report it as a
                // failed input and go on with the rest.
                let display = e.path().unwrap_or(root).display().to_string();
                let msg = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                let unit = Arc::new(Unit {
                    display: display.clone(),
                    out_stem: PathBuf::from(stem(e.path().unwrap_or(root))),
                    path: e.path().map(Path::to_path_buf),
                });
                if !emit(Event::Job(failed(&unit, msg))) {
                    return false;
                }
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if !FOLDER_EXTENSIONS.iter().any(|ext| name.ends_with(ext)) {
            if !emit(Event::Skipped("file with another extension")) {
                return false;
            }
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let out_stem = rel
            .parent()
            .unwrap_or(Path::new(""))
            .join(stem(entry.path()));
        let unit = Unit {
            path: Some(entry.path().to_path_buf()),
            display: entry.path().display().to_string(),
            out_stem,
        };
        if !read_unit(Arc::new(unit), forced, emit) {
            return false;
        }
    }
    true
}

/// A file's name without its extension, counting `.warc.gz` and
/// `.jsonl.gz` as one extension.
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rfind('.') {
        Some(i) if i > 0 => name[..i].to_string(),
        _ => name.to_string(),
    }
}

fn failed(unit: &Arc<Unit>, msg: String) -> Job {
    Job {
        source: unit.display.clone(),
        record: None,
        unit: Arc::clone(unit),
        out_name: unit.out_stem.clone(),
        content: Content::Failed(msg),
    }
}

/// The format an extension says, or `None` when it says nothing.
fn format_by_extension(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Some(InputFormat::Jsonl)
    } else if name.ends_with(".warc") {
        Some(InputFormat::Warc)
    } else if [".html", ".htm", ".xhtml", ".txt"]
        .iter()
        .any(|ext| name.ends_with(ext))
    {
        Some(InputFormat::Page)
    } else {
        None
    }
}

/// Reads one input and emits its jobs.
fn read_unit(unit: Arc<Unit>, forced: InputFormat, emit: &mut dyn FnMut(Event) -> bool) -> bool {
    let by_name = match (&unit.path, forced) {
        (_, InputFormat::Auto) => unit.path.as_deref().and_then(format_by_extension),
        _ => Some(forced),
    };
    let raw: Box<dyn Read + Send> = match &unit.path {
        None => Box::new(io::stdin()),
        Some(path) => match File::open(path) {
            Ok(file) => Box::new(file),
            Err(e) => return emit(Event::Job(failed(&unit, e.to_string()))),
        },
    };
    let (reader, format) = match open(raw, by_name) {
        Ok(opened) => opened,
        Err(e) => return emit(Event::Job(failed(&unit, e.to_string()))),
    };
    match format {
        InputFormat::Jsonl => read_jsonl(&unit, reader, emit),
        InputFormat::Warc => crate::warc::read(&unit, reader, emit),
        InputFormat::Page | InputFormat::Auto => {
            let mut data = Vec::new();
            let job = match reader.take(MAX_PAGE_BYTES).read_to_end(&mut data) {
                Ok(_) => Job {
                    source: unit.display.clone(),
                    record: None,
                    unit: Arc::clone(&unit),
                    out_name: unit.out_stem.clone(),
                    content: Content::Bytes {
                        data,
                        charset: None,
                        fields: Map::new(),
                    },
                },
                Err(e) => failed(&unit, e.to_string()),
            };
            emit(Event::Job(job))
        }
    }
}

/// Buffers `raw`, undoes gzip for containers, and settles the format: the
/// one the name gave, else `WARC/` at the start means WARC, a `{` means
/// JSON Lines, anything else is one page.
fn open(
    raw: Box<dyn Read + Send>,
    by_name: Option<InputFormat>,
) -> io::Result<(Box<dyn BufRead + Send>, InputFormat)> {
    let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(READ_BUFFER, raw));
    // A page is read as it is; only containers (or inputs whose format is
    // still unknown) are gunzipped.
    if by_name != Some(InputFormat::Page) && reader.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        reader = Box::new(BufReader::with_capacity(
            READ_BUFFER,
            MultiGzDecoder::new(reader),
        ));
    }
    let format = match by_name {
        Some(format) => format,
        None => {
            let head = reader.fill_buf()?;
            let first = head.iter().find(|b| !b.is_ascii_whitespace());
            if head.starts_with(b"WARC/") {
                InputFormat::Warc
            } else if first == Some(&b'{') {
                InputFormat::Jsonl
            } else {
                InputFormat::Page
            }
        }
    };
    Ok((reader, format))
}

/// Emits one job per non-blank line. Lines are parsed by the workers, so a
/// malformed line fails alone.
fn read_jsonl(
    unit: &Arc<Unit>,
    mut reader: Box<dyn BufRead + Send>,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let mut line_no = 0u64;
    loop {
        let mut line = Vec::new();
        line_no += 1;
        let read = (&mut reader)
            .take(MAX_PAGE_BYTES)
            .read_until(b'\n', &mut line);
        match read {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => {
                let job = Job {
                    record: Some(line_no),
                    ..failed(unit, format!("line {line_no}: {e}"))
                };
                return emit(Event::Job(job));
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let job = Job {
            source: format!("{}:{line_no}", unit.display),
            record: Some(line_no),
            unit: Arc::clone(unit),
            out_name: unit.out_stem.join(line_no.to_string()),
            content: Content::JsonLine(line),
        };
        if !emit(Event::Job(job)) {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_one_extension_counting_gz() {
        assert_eq!(stem(Path::new("a/crawl.warc.gz")), "crawl");
        assert_eq!(stem(Path::new("pages.jsonl.gz")), "pages");
        assert_eq!(stem(Path::new("x.y.html")), "x.y");
        assert_eq!(stem(Path::new(".hidden")), ".hidden");
        assert_eq!(stem(Path::new("noext")), "noext");
    }

    #[test]
    fn formats_by_extension() {
        let f = |name: &str| format_by_extension(Path::new(name));
        assert_eq!(f("a.JSONL"), Some(InputFormat::Jsonl));
        assert_eq!(f("a.ndjson.gz"), Some(InputFormat::Jsonl));
        assert_eq!(f("a.warc.gz"), Some(InputFormat::Warc));
        assert_eq!(f("a.htm"), Some(InputFormat::Page));
        assert_eq!(f("a.gold.txt"), Some(InputFormat::Page));
        assert_eq!(f("a.dat"), None);
    }
}
