//! The batch run: pages cleaned on a thread pool, written in input order.
//!
//! The main thread reads inputs and writes results; a rayon pool cleans.
//! At most `window` pages are between "read" and "written" at any time, so
//! memory stays bounded however large the batch: when the window is full
//! the reader waits for the oldest page to come back. Results that arrive
//! early wait in a reorder buffer (also inside the window). A window of a
//! few dozen pages per worker keeps every worker busy even when one page
//! takes a hundred times longer than its neighbours.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use deboiler::Cleaner;

use crate::inputs::{self, Event, Job};
use crate::pages::{self, Done};
use crate::report::Report;
use crate::{Format, Input, RunArgs};

/// Pages in flight per worker thread; see the module docs.
const WINDOW_PER_JOB: usize = 16;

/// Runs the batch. `Ok(true)` when every page was cleaned and written.
pub(crate) fn run(args: &RunArgs) -> Result<bool, String> {
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
        None => Output::Stdout(
            BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            Pages::default(),
        ),
    };
    let (tx, rx) = mpsc::channel();
    let mut batch = Batch {
        pool,
        cleaner,
        format: args.format,
        input: args.clean.input,
        window: jobs * WINDOW_PER_JOB,
        tx,
        rx,
        submitted: 0,
        written: 0,
        waiting: BTreeMap::new(),
        out,
        report: Report::new(args.quiet, jobs, args.out_dir.is_none()),
        closed: false,
    };
    inputs::walk(&args.paths, args.input_format, &mut |event| match event {
        Event::Job(job) => batch.submit(job),
        Event::Skipped(why) => {
            batch.report.skip(why);
            true
        }
    });
    batch.drain();
    if let Err(e) = batch.out.flush()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        batch.report.fail("output", &e.to_string());
    }
    batch.report.finish();
    Ok(batch.report.errors == 0)
}

struct Batch<'w> {
    pool: rayon::ThreadPool,
    cleaner: Arc<Cleaner>,
    format: Format,
    input: Input,
    window: usize,
    tx: mpsc::Sender<(usize, Done)>,
    rx: mpsc::Receiver<(usize, Done)>,
    /// Pages handed to the pool so far; the next one's sequence number.
    submitted: usize,
    /// Pages written so far; the sequence number of the next to write.
    written: usize,
    /// Pages done but not yet writable, by sequence number.
    waiting: BTreeMap<usize, Done>,
    out: Output<'w>,
    report: Report,
    /// Stdout was closed by the reader (`deboiler … | head`): stop quietly.
    closed: bool,
}

impl Batch<'_> {
    /// Hands a job to the pool, first waiting until the window has room.
    /// Returns `false` once output is closed.
    fn submit(&mut self, job: Job) -> bool {
        while !self.closed && self.submitted - self.written >= self.window {
            self.receive();
        }
        if self.closed {
            return false;
        }
        let seq = self.submitted;
        self.submitted += 1;
        let tx = self.tx.clone();
        let cleaner = Arc::clone(&self.cleaner);
        let (format, input) = (self.format, self.input);
        self.pool.spawn(move || {
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
            let _ = tx.send((seq, done));
        });
        true
    }

    /// Waits for one page and writes every page that is now in order.
    fn receive(&mut self) {
        let (seq, done) = self.rx.recv().expect("the batch holds a sender");
        self.waiting.insert(seq, done);
        while let Some(done) = self.waiting.remove(&self.written) {
            self.written += 1;
            self.report.page(&done);
            if self.closed {
                continue;
            }
            if let Err(e) = self.out.write(&done, self.format) {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    self.closed = true;
                } else {
                    self.report
                        .fail(&done.source, &format!("cannot write output: {e}"));
                }
            }
        }
    }

    /// Waits for every submitted page.
    fn drain(&mut self) {
        while self.written < self.submitted {
            self.receive();
        }
    }
}

/// Where results go.
enum Output<'w> {
    Stdout(BufWriter<io::StdoutLock<'w>>, Pages),
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
    /// Files written so far, so two pages never share one.
    used: HashSet<PathBuf>,
    /// With `--format jsonl`: the input whose file is open, and the file.
    unit_file: Option<(Arc<inputs::Unit>, BufWriter<File>)>,
}

impl Output<'_> {
    fn write(&mut self, done: &Done, format: Format) -> io::Result<()> {
        let Some(rendered) = &done.rendered else {
            return Ok(());
        };
        match self {
            Output::Stdout(out, pages) if matches!(format, Format::Text | Format::Markdown) => {
                pages.write(out, &done.source, rendered)
            }
            Output::Stdout(out, _) => {
                out.write_all(rendered.as_bytes())?;
                out.write_all(b"\n")
            }
            Output::Dir(dir) if format == Format::Jsonl => {
                if dir
                    .unit_file
                    .as_ref()
                    .is_none_or(|(u, _)| !Arc::ptr_eq(u, &done.unit))
                {
                    if let Some((_, mut file)) = dir.unit_file.take() {
                        file.flush()?;
                    }
                    let path = dir.claim(&done.unit.out_stem, "jsonl")?;
                    dir.unit_file =
                        Some((Arc::clone(&done.unit), BufWriter::new(File::create(path)?)));
                }
                let (_, file) = dir.unit_file.as_mut().expect("opened above");
                file.write_all(rendered.as_bytes())?;
                file.write_all(b"\n")
            }
            Output::Dir(dir) => {
                let ext = match format {
                    Format::Text => "txt",
                    Format::Markdown => "md",
                    Format::Json | Format::Jsonl => "json",
                };
                let path = dir.claim(&done.out_name, ext)?;
                let mut file = File::create(path)?;
                file.write_all(rendered.as_bytes())?;
                file.write_all(b"\n")
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out, pages) => {
                pages.finish(out)?;
                out.flush()
            }
            Output::Dir(dir) => match dir.unit_file.take() {
                Some((_, mut file)) => file.flush(),
                None => Ok(()),
            },
        }
    }
}

impl DirOutput {
    /// The file for `name.ext` under the root, its folder created. A name
    /// already written in this run gets `-2`, `-3`, … so no page's output
    /// overwrites another's.
    fn claim(&mut self, name: &Path, ext: &str) -> io::Result<PathBuf> {
        let base = self.root.join(name);
        let mut path = base.with_file_name(format!("{}.{ext}", file_name(&base)));
        let mut n = 2;
        while self.used.contains(&path) {
            path = base.with_file_name(format!("{}-{n}.{ext}", file_name(&base)));
            n += 1;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        self.used.insert(path.clone());
        Ok(path)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned())
}
