//! The batch run: pages cleaned on a thread pool, written in input order.
//!
//! The main thread reads inputs, a rayon pool cleans, and a writer thread
//! writes results in input order. At most `window` pages, and at most
//! [`MAX_IN_FLIGHT_BYTES`] of input, are between "read" and "written" at
//! any time, so memory stays bounded however large the batch: when the
//! window is full the reader waits for the oldest page to be written.
//! Results that arrive early wait in a reorder buffer (also inside the
//! window). A window of a few dozen pages per worker keeps every worker
//! busy even when one page takes a hundred times longer than its
//! neighbours.
//!
//! The writer has its own thread so a result goes out (and is flushed) as
//! soon as it and every page before it are done, even while the reader is
//! blocked on a slow standard input.
//!
//! Files under `--out-dir` are written under a hidden temporary name and
//! renamed when complete, so an interrupted or failed write never leaves a
//! partial file under a final name, and a symbolic link already sitting at
//! a final name is replaced, never written through.

use std::collections::{BTreeMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};

use deboiler::Cleaner;

use crate::inputs::{self, Event, Job, WalkOptions};
use crate::pages::{self, Done};
use crate::report::Report;
use crate::{Format, Input, RunArgs};

/// Pages in flight per worker thread; see the module docs.
const WINDOW_PER_JOB: usize = 16;

/// Input bytes in flight at most (a single larger page is still let
/// through, alone). A window of 32 pages of 256 MiB each would otherwise
/// hold 8 GB before any cleaning memory; real pages average 100–200 KB,
/// so 64 MiB never binds on them.
const MAX_IN_FLIGHT_BYTES: usize = 64 << 20;

/// The exit status after Ctrl-C, as shells report a death by SIGINT.
pub(crate) const INTERRUPTED_STATUS: u8 = 130;

/// How a batch ended.
pub(crate) enum Outcome {
    /// Every page cleaned and written.
    Clean,
    /// Some page or file failed.
    Failures,
    /// Ctrl-C.
    Interrupted,
}

/// Runs the batch.
pub(crate) fn run(args: &RunArgs) -> Result<Outcome, String> {
    let cleaner = Arc::new(args.clean.cleaner()?);
    let jobs = match args.jobs {
        Some(0) => return Err("--jobs must be at least 1".into()),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("deboiler-{i}"))
        .build()
        .map_err(|e| format!("cannot start {jobs} threads: {e}"))?;
    let out = match &args.out_dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            Output::Dir(DirOutput {
                root: dir.clone(),
                used: HashSet::new(),
                unit_file: None,
            })
        }
        None => Output::Stdout(io::stdout(), Pages::default()),
    };
    let interrupted = Arc::new(AtomicBool::new(false));
    // The first Ctrl-C sets the flag and the run winds down; a second one
    // (the flag already set) exits at once.
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(
            signal,
            i32::from(INTERRUPTED_STATUS),
            Arc::clone(&interrupted),
        )
        .and_then(|_| signal_hook::flag::register(signal, Arc::clone(&interrupted)))
        .map_err(|e| format!("cannot handle Ctrl-C: {e}"))?;
    }
    let window = Window {
        in_flight: Mutex::new((0, 0)),
        room: Condvar::new(),
        max_pages: jobs * WINDOW_PER_JOB,
    };
    let closed = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel();
    let options = WalkOptions {
        format: args.input_format,
        follow_links: args.follow_links,
        exclude: args.out_dir.clone(),
        max_page_bytes: Some(args.clean.max_page_bytes),
    };
    let report = Report::new(args.quiet, jobs, args.out_dir.is_none());
    let writer = Writer {
        out,
        format: args.format,
        report,
        window: &window,
        closed: &closed,
        interrupted: &interrupted,
        written: 0,
    };
    let report = std::thread::scope(|scope| {
        let writer = scope.spawn(move || writer.run(&rx));
        let mut submitted = 0;
        inputs::walk(&args.paths, &options, &mut |event| {
            if closed.load(Ordering::Relaxed) || interrupted.load(Ordering::Relaxed) {
                return false;
            }
            let msg = match event {
                Event::Job(job) => {
                    window.acquire(job.bytes());
                    submit(&pool, &cleaner, job, submitted, args, &tx);
                    submitted += 1;
                    return true;
                }
                Event::Skipped(why) => Msg::Skipped(why),
                Event::SkippedPath { path, why } => Msg::SkippedPath(path, why),
            };
            // The writer only stops after `End`.
            let _ = tx.send(msg);
            true
        });
        let _ = tx.send(Msg::End(submitted));
        writer.join().expect("the writer does not panic")
    });
    if interrupted.load(Ordering::Relaxed) {
        return Ok(Outcome::Interrupted);
    }
    Ok(if report.errors == 0 {
        Outcome::Clean
    } else {
        Outcome::Failures
    })
}

/// What the writer hears.
enum Msg {
    /// Page number `seq` is done; its input weighed `.2` bytes.
    Done(usize, Box<Done>, usize),
    Skipped(&'static str),
    SkippedPath(String, &'static str),
    /// No more pages: `.0` were submitted.
    End(usize),
}

/// Hands a job to the pool; its result goes to the writer.
fn submit(
    pool: &rayon::ThreadPool,
    cleaner: &Arc<Cleaner>,
    job: Job,
    seq: usize,
    args: &RunArgs,
    tx: &mpsc::Sender<Msg>,
) {
    let tx = tx.clone();
    let cleaner = Arc::clone(cleaner);
    let (format, input): (Format, Input) = (args.format, args.clean.input);
    let weight = job.bytes();
    pool.spawn(move || {
        let source = job.source.clone();
        let (unit, out_name) = (Arc::clone(&job.unit), job.out_name.clone());
        // A panic in the library fails this page, not the batch (and
        // not the writer, which would wait for it forever).
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pages::process(job, &cleaner, format, input)
        }))
        .unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let job = Job {
                source,
                record: None,
                unit,
                out_name,
                content: inputs::Content::Failed(format!("internal error: {what}")),
            };
            pages::process(job, &cleaner, format, input)
        });
        // The receiver only goes away when the run is over.
        let _ = tx.send(Msg::Done(seq, Box::new(done), weight));
    });
}

/// The pages and input bytes between "read" and "written".
struct Window {
    in_flight: Mutex<(usize, usize)>,
    room: Condvar,
    max_pages: usize,
}

impl Window {
    /// Waits until a page of `bytes` fits, then counts it in. A page is
    /// always let in when nothing else is in flight.
    fn acquire(&self, bytes: usize) {
        let mut in_flight = self.in_flight.lock().expect("never poisoned");
        while in_flight.0 > 0
            && (in_flight.0 >= self.max_pages || in_flight.1 + bytes > MAX_IN_FLIGHT_BYTES)
        {
            in_flight = self.room.wait(in_flight).expect("never poisoned");
        }
        in_flight.0 += 1;
        in_flight.1 += bytes;
    }

    fn release(&self, bytes: usize) {
        let mut in_flight = self.in_flight.lock().expect("never poisoned");
        in_flight.0 -= 1;
        in_flight.1 -= bytes;
        self.room.notify_one();
    }
}

struct Writer<'a> {
    out: Output,
    format: Format,
    report: Report,
    window: &'a Window,
    /// Set when stdout was closed by the reader (`deboiler … | head`).
    closed: &'a AtomicBool,
    interrupted: &'a AtomicBool,
    written: u64,
}

impl Writer<'_> {
    /// Writes pages in order until every submitted page is written, then
    /// closes the output and prints the summary.
    fn run(mut self, rx: &mpsc::Receiver<Msg>) -> Report {
        let mut waiting: BTreeMap<usize, (Box<Done>, usize)> = BTreeMap::new();
        let mut next = 0;
        let mut total = None;
        while total != Some(next) {
            match rx.recv().expect("the reader sends End before leaving") {
                Msg::Done(seq, done, weight) => {
                    waiting.insert(seq, (done, weight));
                    while let Some((done, weight)) = waiting.remove(&next) {
                        next += 1;
                        self.write(&done);
                        self.window.release(weight);
                    }
                }
                Msg::Skipped(why) => self.report.skip(why),
                Msg::SkippedPath(path, why) => self.report.skip_path(&path, why),
                Msg::End(n) => total = Some(n),
            }
        }
        let interrupted = self.interrupted.load(Ordering::Relaxed);
        if let Err((what, e)) = self.out.finish(interrupted) {
            self.report.fail(&what, &e.to_string());
        }
        if interrupted {
            self.report.interrupted(self.written);
        }
        self.report.finish();
        self.report
    }

    fn write(&mut self, done: &Done) {
        self.report.page(done);
        if self.closed.load(Ordering::Relaxed) {
            return;
        }
        match self.out.write(done, self.format) {
            Ok(true) => self.written += 1,
            Ok(false) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed.store(true, Ordering::Relaxed);
            }
            Err(e) => self
                .report
                .fail(&done.source, &format!("output lost, cannot write it: {e}")),
        }
    }
}

/// Where results go.
enum Output {
    /// Each record is flushed as it is written, so a write error names
    /// exactly the record it lost and a slow input's results show at once
    /// (in text and Markdown, the first page waits for a second one, to
    /// know whether to mark page boundaries; see [`Pages`]).
    Stdout(io::Stdout, Pages),
    Dir(DirOutput),
}

/// The page boundaries of text and Markdown on stdout. One page is written
/// as it is; from the second page on, every page (the first included)
/// starts with a line `==> SOURCE <==`, and each after the first with a
/// blank line before it, as head(1) marks files. So the first page is held
/// back until a second one arrives or the run ends.
#[derive(Default)]
struct Pages {
    written: usize,
    /// The first page's source and text, until the second page arrives.
    held: Option<(String, String)>,
}

impl Pages {
    fn write(&mut self, out: &mut impl Write, source: &str, rendered: &str) -> io::Result<()> {
        self.written += 1;
        if self.written == 1 {
            self.held = Some((source.to_string(), rendered.to_string()));
            return Ok(());
        }
        if let Some((first, text)) = self.held.take() {
            writeln!(out, "==> {first} <==")?;
            writeln!(out, "{text}")?;
        }
        writeln!(out, "\n==> {source} <==")?;
        writeln!(out, "{rendered}")
    }

    /// Writes a lone page, without a boundary line.
    fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.held.take() {
            Some((_, text)) => writeln!(out, "{text}"),
            None => Ok(()),
        }
    }
}

struct DirOutput {
    root: PathBuf,
    /// Files written so far, lowercased, so two pages never share one, not
    /// even on a case-insensitive disk (`Story` and `story`).
    used: HashSet<String>,
    /// With `--format jsonl`: the input whose file is open, the file's
    /// final and temporary paths, and the file.
    unit_file: Option<UnitFile>,
}

struct UnitFile {
    unit: Arc<inputs::Unit>,
    path: PathBuf,
    temp: PathBuf,
    file: BufWriter<File>,
}

impl Output {
    /// Writes one result; `Ok(false)` when there was nothing to write.
    fn write(&mut self, done: &Done, format: Format) -> io::Result<bool> {
        let Some(rendered) = &done.rendered else {
            return Ok(false);
        };
        match self {
            Output::Stdout(out, pages) if matches!(format, Format::Text | Format::Markdown) => {
                let mut out = out.lock();
                pages.write(&mut out, &done.source, rendered)?;
                out.flush()?;
            }
            Output::Stdout(out, _) => {
                let mut out = out.lock();
                out.write_all(rendered.as_bytes())?;
                out.write_all(b"\n")?;
                out.flush()?;
            }
            Output::Dir(dir) if format == Format::Jsonl => {
                if dir
                    .unit_file
                    .as_ref()
                    .is_none_or(|u| !Arc::ptr_eq(&u.unit, &done.unit))
                {
                    if let Some(unit) = dir.unit_file.take() {
                        unit.complete()?;
                    }
                    let path = dir.claim(&done.unit.out_stem, "jsonl")?;
                    let temp = temp_path(&path);
                    let file = BufWriter::new(create_new(&temp)?);
                    dir.unit_file = Some(UnitFile {
                        unit: Arc::clone(&done.unit),
                        path,
                        temp,
                        file,
                    });
                }
                let unit = dir.unit_file.as_mut().expect("opened above");
                unit.file.write_all(rendered.as_bytes())?;
                unit.file.write_all(b"\n")?;
            }
            Output::Dir(dir) => {
                let ext = match format {
                    Format::Text => "txt",
                    Format::Markdown => "md",
                    Format::Json | Format::Jsonl => "json",
                };
                let path = dir.claim(&done.out_name, ext)?;
                write_whole(&path, rendered.as_bytes())?;
            }
        }
        Ok(true)
    }

    /// Completes the last file; after an interruption, removes it instead
    /// (its input was not read to the end). The error names the file.
    fn finish(&mut self, interrupted: bool) -> Result<(), (String, io::Error)> {
        match self {
            Output::Stdout(out, pages) => {
                let mut out = out.lock();
                pages
                    .finish(&mut out)
                    .and_then(|()| out.flush())
                    .or_else(|e| match e.kind() {
                        io::ErrorKind::BrokenPipe => Ok(()),
                        _ => Err(("stdout".into(), e)),
                    })
            }
            Output::Dir(dir) => match dir.unit_file.take() {
                Some(unit) if interrupted => {
                    drop(unit.file);
                    let _ = std::fs::remove_file(&unit.temp);
                    Ok(())
                }
                Some(unit) => {
                    let path = unit.path.display().to_string();
                    unit.complete().map_err(|e| (path, e))
                }
                None => Ok(()),
            },
        }
    }
}

impl UnitFile {
    /// Flushes the file and gives it its final name.
    fn complete(self) -> io::Result<()> {
        let UnitFile {
            path, temp, file, ..
        } = self;
        let done = file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .and_then(|_| std::fs::rename(&temp, &path));
        if done.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        done.map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }
}

/// The hidden name a file is written under before it is complete: hidden,
/// so a later run walking the folder skips it.
fn temp_path(path: &Path) -> PathBuf {
    path.with_file_name(format!(".{}.deboiler-partial", file_name(path)))
}

/// Creates a new file at `path`; a stale file or link left there by a
/// killed run is removed first (a link itself, never its target).
fn create_new(path: &Path) -> io::Result<File> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// Writes `data` and a newline to `path` under a temporary name, then
/// renames it into place.
fn write_whole(path: &Path, data: &[u8]) -> io::Result<()> {
    let temp = temp_path(path);
    let written = create_new(&temp).and_then(|file| {
        let mut file = BufWriter::new(file);
        file.write_all(data)?;
        file.write_all(b"\n")?;
        file.into_inner().map_err(io::IntoInnerError::into_error)?;
        std::fs::rename(&temp, path)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written.map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

impl DirOutput {
    /// The file for `name.ext` under the root, its folder created. A name
    /// already written in this run, in any case, gets `-2`, `-3`, … so no
    /// page's output overwrites another's. A folder on the way that is a
    /// symbolic link is refused: writing through it could land anywhere.
    fn claim(&mut self, name: &Path, ext: &str) -> io::Result<PathBuf> {
        let base = self.root.join(name);
        let mut path = base.with_file_name(format!("{}.{ext}", file_name(&base)));
        let mut n = 2;
        while self.used.contains(&key(&path)) {
            path = base.with_file_name(format!("{}-{n}.{ext}", file_name(&base)));
            n += 1;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
            let mut dir = self.root.clone();
            for part in parent.strip_prefix(&self.root).unwrap_or(Path::new("")) {
                dir.push(part);
                if std::fs::symlink_metadata(&dir)?.file_type().is_symlink() {
                    return Err(io::Error::other(format!(
                        "{} is a symbolic link; not writing through it",
                        dir.display()
                    )));
                }
            }
        }
        self.used.insert(key(&path));
        Ok(path)
    }
}

/// A path as a case-insensitive disk compares it.
fn key(path: &Path) -> String {
    path.to_string_lossy().to_lowercase()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned())
}
