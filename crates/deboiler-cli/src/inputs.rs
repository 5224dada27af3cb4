//! The command line's paths as a stream of pages.
//!
//! Each path is a page, a folder, a JSON Lines file or a WARC archive; each
//! becomes zero or more [`Job`]s, handed to a callback in input order. I
//! stream rather than collect so a 10 GB archive costs one record of memory
//! here: the batch runner decides how many jobs are in flight.
//!
//! Walking a folder is careful about what it opens: a symbolic link whose
//! target lies outside the folder is not followed (unless
//! [`WalkOptions::follow_links`]), only regular files are opened (a FIFO
//! would block the run forever, a device would never end), and the output
//! folder is skipped so a run never cleans its own outputs.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::InputFormat;
use crate::gzip::{Damage, Decoded};

/// The default page limit: the library's own. A page file is read up to
/// one byte past the limit, so the cleaner reports it as too large instead
/// of the CLI reading a runaway file whole; a JSON line or WARC body over
/// it is read past without being buffered.
pub const MAX_PAGE_BYTES: u64 = deboiler::DEFAULT_MAX_INPUT_BYTES as u64;

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
pub struct Job {
    /// Where the page came from: the path, `path:LINE` for a JSON line,
    /// `path#N` for the N-th WARC record (both 1-based), `path bytes A..B`
    /// for damage no record can be named for.
    pub source: String,
    /// The line or record number within a JSON Lines or WARC input.
    pub record: Option<u64>,
    /// The input this page belongs to, for `--out-dir` with `--format
    /// jsonl` (one output file per input).
    pub unit: Arc<Unit>,
    /// The output path, relative to `--out-dir`, without extension.
    pub out_name: PathBuf,
    /// The page, or why there is none.
    pub content: Content,
}

impl Job {
    /// The bytes this job holds, for the batch's in-flight budget.
    pub fn bytes(&self) -> usize {
        match &self.content {
            Content::Bytes { data, .. } => data.len(),
            Content::JsonLine(line) => line.len(),
            Content::Failed(msg) => msg.len(),
        }
    }
}

/// What a job holds.
pub enum Content {
    /// The bytes of a page, with the charset a transport declared (the
    /// HTTP `Content-Type` of a WARC record) and fields to report with it.
    Bytes {
        /// The page.
        data: Vec<u8>,
        /// The charset the transport declared.
        charset: Option<String>,
        /// Fields reported with the page (`id`, `url`, `warc_date`, …).
        fields: Map<String, Value>,
    },
    /// One line of a JSON Lines input, parsed by the worker.
    JsonLine(Vec<u8>),
    /// The input could not be read; the message says what and where.
    Failed(String),
}

/// What the stream reports besides jobs.
pub enum Event {
    /// A page to clean (or one that failed to read).
    Job(Job),
    /// A record or file left out on purpose, with the reason for the
    /// summary (`warc request`, `http status`, …).
    Skipped(&'static str),
    /// A path left out on purpose that the user should hear about: counted
    /// like [`Event::Skipped`] and reported on its own line.
    SkippedPath {
        /// The path as found.
        path: String,
        /// Why, for the message and the summary.
        why: &'static str,
    },
}

/// One input named on the command line or found in a folder.
#[derive(Debug)]
pub struct Unit {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// The path as the user wrote it (or as found in the folder); `-` for
    /// standard input.
    pub display: String,
    /// Output path relative to `--out-dir`, without extension: the file's
    /// stem, under the sub-folder it was found in.
    pub out_stem: PathBuf,
    /// The most bytes one page may have (`--max-page-bytes`); the memory a
    /// record costs here is bounded by it.
    pub max_page_bytes: u64,
}

/// How [`walk`] reads its paths.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// The format of every input, or [`InputFormat::Auto`] (the default)
    /// to settle it per input.
    pub format: InputFormat,
    /// Follow symbolic links in folders whose target lies outside the
    /// folder named on the command line. Off by default: a link planted in
    /// an input folder must not pull in a file from elsewhere.
    pub follow_links: bool,
    /// A folder never read when walking (the output folder), so a run
    /// never cleans its own outputs.
    pub exclude: Option<PathBuf>,
    /// The most bytes one page may have; `None` for [`MAX_PAGE_BYTES`].
    pub max_page_bytes: Option<u64>,
}

/// Walks `paths` in order, calling `emit` for every job and skip. `emit`
/// returns `false` to stop early (stdout closed, Ctrl-C).
pub fn walk(paths: &[PathBuf], options: &WalkOptions, emit: &mut dyn FnMut(Event) -> bool) {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    let max_page_bytes = options.max_page_bytes.unwrap_or(MAX_PAGE_BYTES);
    let exclude = options
        .exclude
        .as_deref()
        .and_then(|dir| dir.canonicalize().ok());
    for path in paths {
        let go_on = if path.as_os_str() == "-" {
            let unit = Unit {
                path: None,
                display: "-".into(),
                out_stem: PathBuf::from("stdin"),
                max_page_bytes,
            };
            read_unit(Arc::new(unit), None, options.format, emit)
        } else if path.is_dir() {
            walk_folder(path, options, exclude.as_deref(), emit)
        } else {
            let unit = Arc::new(Unit {
                path: Some(path.clone()),
                display: path.display().to_string(),
                out_stem: PathBuf::from(stem(path)),
                max_page_bytes,
            });
            read_opened(unit, open_named(path), options.format, emit)
        };
        if !go_on {
            return;
        }
    }
}

/// What opening a path gave.
enum Opened {
    File(File),
    /// Not opened, and why.
    Not(&'static str),
}

/// Why a file of this type is not read, or `None` for a regular file.
fn refuse(file_type: std::fs::FileType, in_folder: bool) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        // A FIFO named on the command line is read, as `-` would be: that
        // is what `deboiler <(zcat x.gz)` passes. Found in a folder it would
        // block the run until something writes to it.
        if file_type.is_fifo() && !in_folder {
            return None;
        }
        if file_type.is_fifo() {
            return Some("not a regular file (FIFO)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("not a regular file (device)");
        }
        if file_type.is_socket() {
            return Some("not a regular file (socket)");
        }
    }
    let _ = in_folder;
    Some("not a regular file")
}

/// Opens a path named on the command line, refusing devices and sockets.
/// Reads the file `opened` gave `unit`, or reports why there is none: a
/// path skipped on purpose, or the error that stopped it opening.
fn read_opened(
    unit: Arc<Unit>,
    opened: io::Result<Opened>,
    forced: InputFormat,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    match opened {
        Ok(Opened::File(file)) => read_unit(unit, Some(file), forced, emit),
        Ok(Opened::Not(why)) => emit(Event::SkippedPath {
            path: unit.display.clone(),
            why,
        }),
        Err(e) => emit(Event::Job(failed(&unit, e.to_string()))),
    }
}

fn open_named(path: &Path) -> io::Result<Opened> {
    if let Some(why) = refuse(std::fs::metadata(path)?.file_type(), false) {
        return Ok(Opened::Not(why));
    }
    Ok(Opened::File(File::open(path)?))
}

/// Opens a file found in a folder without ever blocking: on Unix with
/// `O_NONBLOCK` (a FIFO swapped in after the walk looked would otherwise
/// block the open), then checks what was opened is a regular file.
fn open_in_folder(path: &Path) -> io::Result<Opened> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    Ok(match refuse(file.metadata()?.file_type(), true) {
        None => Opened::File(file),
        Some(why) => Opened::Not(why),
    })
}

/// Walks a folder recursively, entries sorted by name so runs are
/// reproducible, skipping hidden entries, the output folder, links that
/// lead outside `root` (unless allowed) and anything not a regular file.
fn walk_folder(
    root: &Path,
    options: &WalkOptions,
    exclude: Option<&Path>,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if let Some(out) = exclude
        && canonical_root.starts_with(out)
    {
        return emit(Event::SkippedPath {
            path: root.display().to_string(),
            why: "inside the output folder",
        });
    }
    // Entries the filter turned away, reported in the loop below (the
    // filter cannot call `emit` itself).
    let turned_away: RefCell<Vec<(PathBuf, &'static str)>> = RefCell::new(Vec::new());
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            let why = if e.path_is_symlink() || e.file_type().is_dir() {
                // A broken link has no canonical path; walkdir reports it.
                e.path().canonicalize().ok().and_then(|target| {
                    if exclude.is_some_and(|out| target.starts_with(out)) {
                        Some("inside the output folder")
                    } else if e.path_is_symlink()
                        && !options.follow_links
                        && !target.starts_with(&canonical_root)
                    {
                        Some("link leading outside the input folder (--follow-links follows it)")
                    } else {
                        None
                    }
                })
            } else {
                None
            };
            match why {
                Some(why) => {
                    turned_away.borrow_mut().push((e.path().to_path_buf(), why));
                    false
                }
                None => true,
            }
        });
    let report_turned_away = |emit: &mut dyn FnMut(Event) -> bool| {
        for (path, why) in turned_away.borrow_mut().drain(..) {
            let path = path.display().to_string();
            if !emit(Event::SkippedPath { path, why }) {
                return false;
            }
        }
        true
    };
    for entry in walker {
        if !report_turned_away(emit) {
            return false;
        }
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                // A broken link, a link loop or an unreadable folder: report
                // it as a failed input and go on with the rest.
                let display = e.path().unwrap_or(root).display().to_string();
                let msg = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                let unit = Arc::new(Unit {
                    display: display.clone(),
                    out_stem: PathBuf::from(stem(e.path().unwrap_or(root))),
                    path: e.path().map(Path::to_path_buf),
                    max_page_bytes: options.max_page_bytes.unwrap_or(MAX_PAGE_BYTES),
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
        let display = entry.path().display().to_string();
        if let Some(why) = refuse(entry.file_type(), true) {
            if !emit(Event::SkippedPath { path: display, why }) {
                return false;
            }
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let out_stem = rel
            .parent()
            .unwrap_or(Path::new(""))
            .join(stem(entry.path()));
        let unit = Arc::new(Unit {
            path: Some(entry.path().to_path_buf()),
            display,
            out_stem,
            max_page_bytes: options.max_page_bytes.unwrap_or(MAX_PAGE_BYTES),
        });
        let go_on = read_opened(unit, open_in_folder(entry.path()), options.format, emit);
        if !go_on {
            return false;
        }
    }
    report_turned_away(emit)
}

/// A file name made of `name`'s letters, digits, `.`, `-` and `_`, every
/// other character replaced by `_`, at most 120 bytes, never `.` or `..`.
///
/// ```
/// use deboiler_cli::inputs::safe_file_name;
///
/// assert_eq!(safe_file_name("a/b c"), "a_b_c");
/// assert_eq!(safe_file_name(".."), "_..");
/// assert_eq!(safe_file_name(""), "_");
/// assert_eq!(safe_file_name("日本"), "日本");
/// ```
pub fn safe_file_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.len() > 120 {
        let mut end = 120;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    if out.is_empty() || out.chars().all(|c| c == '.') {
        out = format!("_{out}");
    }
    out
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

/// Reads one input (`file`, or stdin when `None`) and emits its jobs.
fn read_unit(
    unit: Arc<Unit>,
    file: Option<File>,
    forced: InputFormat,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let by_name = match (&unit.path, forced) {
        (_, InputFormat::Auto) => unit.path.as_deref().and_then(format_by_extension),
        _ => Some(forced),
    };
    let raw: Box<dyn Read + Send> = match file {
        None => Box::new(io::stdin()),
        Some(file) => Box::new(file),
    };
    if by_name == Some(InputFormat::Page) {
        // A page is read as it is, never gunzipped.
        return emit(Event::Job(read_page(&unit, raw)));
    }
    let mut reader = match Decoded::new(raw) {
        Ok(reader) => reader,
        Err(e) => return emit(Event::Job(failed(&unit, e.to_string()))),
    };
    let format = match by_name {
        Some(format) => format,
        None => match sniff(&mut reader) {
            Ok(format) => format,
            Err(e) => return emit(Event::Job(failed(&unit, e.to_string()))),
        },
    };
    match format {
        InputFormat::Jsonl => read_jsonl(&unit, reader, emit),
        InputFormat::Warc => crate::warc::read(&unit, reader, emit),
        InputFormat::Page | InputFormat::Auto => emit(Event::Job(read_page(&unit, reader))),
    }
}

/// One page, read up to one byte past the unit's page limit.
fn read_page(unit: &Arc<Unit>, reader: impl Read) -> Job {
    let mut data = Vec::new();
    match reader.take(unit.max_page_bytes + 1).read_to_end(&mut data) {
        Ok(_) => Job {
            source: unit.display.clone(),
            record: None,
            unit: Arc::clone(unit),
            out_name: unit.out_stem.clone(),
            content: Content::Bytes {
                data,
                charset: None,
                fields: Map::new(),
            },
        },
        Err(e) => failed(unit, e.to_string()),
    }
}

/// Settles a format the name did not give: `WARC/` at the start means WARC,
/// a `{` means JSON Lines, anything else is one page.
fn sniff<R: Read>(reader: &mut Decoded<R>) -> io::Result<InputFormat> {
    let head = reader.fill_buf()?;
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    Ok(if head.starts_with(b"WARC/") {
        InputFormat::Warc
    } else if first == Some(&b'{') {
        InputFormat::Jsonl
    } else {
        InputFormat::Page
    })
}

/// One line read by [`read_line`].
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line, with its `\n` if it had one.
    Whole,
    /// The line was longer than the cap: only its length is known, the
    /// bytes were read past without being kept.
    TooLong(u64),
    /// The input ended.
    End,
}

/// Reads one line into `line` (cleared first), keeping at most `cap`
/// bytes: a longer line is consumed to its end without being buffered, so
/// one runaway line costs `cap` bytes of memory and never becomes several
/// records.
///
/// # Errors
///
/// The reader's errors; the bytes read before one are consumed.
///
/// # Example
///
/// ```
/// use deboiler_cli::inputs::{Line, read_line};
///
/// let mut input = &b"short\nmuch too long\nend"[..];
/// let mut line = Vec::new();
/// assert_eq!(read_line(&mut input, &mut line, 8).unwrap(), Line::Whole);
/// assert_eq!(line, b"short\n");
/// assert_eq!(read_line(&mut input, &mut line, 8).unwrap(), Line::TooLong(14));
/// assert_eq!(read_line(&mut input, &mut line, 8).unwrap(), Line::Whole);
/// assert_eq!(line, b"end");
/// assert_eq!(read_line(&mut input, &mut line, 8).unwrap(), Line::End);
/// ```
pub fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>, cap: u64) -> io::Result<Line> {
    line.clear();
    let mut len = 0u64;
    loop {
        let avail = match reader.fill_buf() {
            Ok(avail) => avail,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(match len {
                0 => Line::End,
                n if n > cap => Line::TooLong(n),
                _ => Line::Whole,
            });
        }
        let (take, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        let room = cap.saturating_sub(len);
        if room > 0 {
            let keep = take.min(usize::try_from(room).unwrap_or(usize::MAX));
            line.extend_from_slice(&avail[..keep]);
        }
        len += take as u64;
        if len > cap {
            line.clear();
            line.shrink_to(0);
        }
        reader.consume(take);
        if done {
            return Ok(if len > cap {
                Line::TooLong(len)
            } else {
                Line::Whole
            });
        }
    }
}

/// Emits one job per non-blank line. Lines are parsed by the workers, so a
/// malformed line fails alone; a line over the page limit is one failed
/// record; damaged gzip is reported with the byte range skipped and reading
/// goes on at the next member. Returns `false` when `emit` asked to stop.
///
/// ```
/// use std::sync::Arc;
/// use deboiler_cli::gzip::Decoded;
/// use deboiler_cli::inputs::{Event, Unit, read_jsonl};
///
/// let unit = Arc::new(Unit {
///     path: None,
///     display: "-".into(),
///     out_stem: "stdin".into(),
///     max_page_bytes: 1 << 20,
/// });
/// let input = Decoded::new(&b"{\"text\":\"a\"}\n\n{\"text\":\"b\"}"[..]).unwrap();
/// let mut sources = Vec::new();
/// read_jsonl(&unit, input, &mut |event| {
///     if let Event::Job(job) = event {
///         sources.push(job.source);
///     }
///     true
/// });
/// assert_eq!(sources, ["-:1", "-:3"]);
/// ```
pub fn read_jsonl<R: Read>(
    unit: &Arc<Unit>,
    mut reader: Decoded<R>,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let mut line_no = 0u64;
    loop {
        let mut line = Vec::new();
        line_no += 1;
        let record = |content: Content| Job {
            source: format!("{}:{line_no}", unit.display),
            record: Some(line_no),
            unit: Arc::clone(unit),
            out_name: unit.out_stem.join(line_no.to_string()),
            content,
        };
        let job = match read_line(&mut reader, &mut line, unit.max_page_bytes) {
            Ok(Line::End) => return true,
            Ok(Line::Whole) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(Line::Whole) => record(Content::JsonLine(line)),
            Ok(Line::TooLong(len)) => record(Content::Failed(format!(
                "line {line_no} is {len} bytes, over the page limit of {} bytes",
                unit.max_page_bytes
            ))),
            Err(e) => match Damage::of(&e) {
                // The line cut by the damage is part of what was lost.
                Some(damage) => Job {
                    source: format!("{} bytes {}..{}", unit.display, damage.start, damage.end),
                    record: None,
                    ..record(Content::Failed(format!(
                        "{damage} (lines in it are lost; the next line read is numbered {})",
                        line_no
                    )))
                },
                None => {
                    return emit(Event::Job(record(Content::Failed(format!(
                        "line {line_no}: {e}"
                    )))));
                }
            },
        };
        let damaged = job.record.is_none();
        if !emit(Event::Job(job)) {
            return false;
        }
        if damaged {
            line_no -= 1;
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
