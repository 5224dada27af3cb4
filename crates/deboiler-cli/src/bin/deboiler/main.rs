//! The `deboiler` command: clean scraped news pages from files, folders,
//! JSON Lines, WARC archives or stdin, in parallel, in input order.
//!
//! The layout follows the data: `inputs` turns the command line into a
//! stream of pages (`warc` parses archives), `pages` cleans one page and
//! renders it, `batch` runs pages on a thread pool with a bounded window
//! and writes results in input order, `report` keeps the progress bar and
//! the closing summary, and `explain` is the `deboiler explain` subcommand.

mod batch;
mod explain;
mod pages;
mod report;

// The input layer is the library target (so fuzz/ can drive it); these
// make `crate::inputs` and `crate::InputFormat` name it here.
use deboiler_cli::{InputFormat, inputs};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use deboiler::{Cleaner, Reason, ReasonPolicy};

/// Extract the article (title, body, metadata) from scraped news pages.
///
/// Reads files, folders (recursively), JSON Lines, WARC archives (plain or
/// gzipped) or standard input, cleans every page in parallel, and writes
/// results in input order.
#[derive(Parser, Debug)]
#[command(
    name = "deboiler",
    version,
    about,
    args_conflicts_with_subcommands = true,
    after_long_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

const AFTER_HELP: &str = "\
JSON fields (json and jsonl): source, record (line or record number in a
JSON Lines or WARC input), id, url, title, body, blocks [{kind, text, start,
end, spans}], removed [{reason, text, start, end, spans}], metadata {date,
byline, standfirst, reading_time, source_line, published, author, language,
site_name, image, canonical_url}, error (null on success);
WARC pages add warc_date, http_status and content_type; a JSON Lines
record's other fields follow untouched (one whose name is taken goes under
\"input\"). Offsets are bytes: into the file for a page, into the html or
text string (UTF-8) for a JSON line, into the HTTP body (after chunked and
gzip decoding) for a WARC response. spans are given for HTML pages.

Exit status: 0 when every page was cleaned and written, 1 when any page or
file failed (each reported on one stderr line; the others are still
processed), 2 for usage errors and runs that cannot start (an --out-dir
that cannot be created), 130 after Ctrl-C (pages written so far are
complete; a second Ctrl-C exits at once).";

#[derive(Subcommand, Debug)]
enum Command {
    /// Show every block of one page with its kind, its decision (body or
    /// the reason it was removed) and its features.
    Explain(explain::ExplainArgs),
}

/// Options of the batch run (the command without a subcommand).
#[derive(Args, Debug)]
pub(crate) struct RunArgs {
    /// Output format: the body as text, the article as Markdown, one JSON
    /// object per page, or JSON Lines (like json, and a record with an
    /// `error` field for each page that failed). With text or markdown on
    /// standard output and more than one page, each page starts with a line
    /// `==> SOURCE <==` (SOURCE as in the JSON: the path, `path:LINE` for a
    /// JSON line, `path#N` for a WARC record), and pages after the first
    /// are preceded by a blank line, as head(1) marks files. A single page
    /// is written without the line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    #[command(flatten)]
    pub(crate) clean: CleanArgs,
    /// What the inputs hold: detect from the extension (and, for stdin or
    /// unknown extensions, from the first bytes), or force one.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub(crate) input_format: InputFormat,
    /// Write one file per page into DIR instead of stdout:
    /// DIR/<input stem>.txt (or .md, .json); pages of a JSON Lines or WARC
    /// input go to DIR/<input stem>/<record id>.txt, and with
    /// `--format jsonl` each input becomes DIR/<input stem>.jsonl.
    #[arg(long, value_name = "DIR")]
    pub(crate) out_dir: Option<PathBuf>,
    /// Follow symbolic links found in input folders even when they lead
    /// outside the folder named on the command line (by default such links
    /// are skipped with a message).
    #[arg(long)]
    pub(crate) follow_links: bool,
    /// Worker threads [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) jobs: Option<usize>,
    /// No progress bar and no summary; errors are still reported.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
    /// Input files or folders; none or `-` reads standard input. Folders
    /// are walked recursively in name order, taking .html, .htm, .xhtml,
    /// .txt, .jsonl, .ndjson, .jsonl.gz, .warc and .warc.gz files and
    /// skipping hidden entries.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
}

/// The default of `--max-page-bytes`: 8 MiB.
///
/// The library's node and line limits bound the memory of a page made of
/// tiny blocks, but not of one made of a few large ones: many attributes
/// take about 10 bytes of memory per input byte, a page of long paragraphs
/// 4 to 5. At the library's 256 MiB such a page needs gigabytes; at 8 MiB
/// a worker stays under about 100 MB, so two threads stay under a few
/// hundred MB (README, Robustness, has the figures). The largest page of
/// the development pool is 1.5 MB, and crawls commonly truncate at 1 MiB.
const DEFAULT_MAX_PAGE_BYTES: u64 = 8 << 20;

/// How each page is cleaned; shared by the batch run and `explain`.
#[derive(Args, Debug, Clone)]
pub(crate) struct CleanArgs {
    /// How a page's content is read: detect HTML or text, or force one.
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    pub(crate) input: Input,
    /// Keep blocks removed for REASON in the body (e.g. `standfirst`);
    /// repeatable.
    #[arg(long, value_name = "REASON", value_parser = parse_reason)]
    pub(crate) keep: Vec<Reason>,
    /// Do not report blocks removed for REASON as the title or metadata
    /// (e.g. `title`); they stay listed under `removed`. Repeatable.
    #[arg(long, value_name = "REASON", value_parser = parse_reason)]
    pub(crate) drop: Vec<Reason>,
    /// The most bytes one page (a file, a JSON line's page, a WARC body)
    /// may have; larger ones fail without being buffered. Peak memory is
    /// bounded by this times the threads (see README, Robustness).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_PAGE_BYTES)]
    pub(crate) max_page_bytes: u64,
    /// Scraped text only: leave out the learned second opinion, which puts
    /// back lines the hand rules removed as related stories or boilerplate
    /// (bench/LEARNED.md); every decision is then the hand rules'.
    #[arg(long)]
    pub(crate) hand_rules_only: bool,
}

impl CleanArgs {
    /// The cleaner these options describe.
    pub(crate) fn cleaner(&self) -> Result<Cleaner, String> {
        if let Some(r) = self.keep.iter().find(|r| self.drop.contains(r)) {
            return Err(format!("--keep {r} and --drop {r} contradict each other"));
        }
        let limit = usize::try_from(self.max_page_bytes).unwrap_or(usize::MAX);
        let mut builder = Cleaner::builder()
            .max_input_bytes(limit)
            .learned(!self.hand_rules_only);
        for &r in &self.keep {
            builder = builder.policy(r, ReasonPolicy::Keep);
        }
        for &r in &self.drop {
            builder = builder.policy(r, ReasonPolicy::Hide);
        }
        builder.build().map_err(|e| e.to_string())
    }
}

fn parse_reason(name: &str) -> Result<Reason, String> {
    Reason::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
        format!("unknown reason (expected one of: {})", names.join(", "))
    })
}

/// The output format.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    /// The body only, blocks separated by one blank line.
    Text,
    /// The title and body as Markdown: `# title`, `## subheadings`, `- `
    /// list items, `> ` quotes, tables.
    Markdown,
    /// One JSON object per page, one per line.
    Json,
    /// JSON Lines: one record per page, failed pages included with `error`.
    Jsonl,
}

/// How a page's content is read.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum Input {
    /// Decode the bytes and detect HTML or text.
    Auto,
    /// Plain text (UTF-8).
    Text,
    /// HTML (UTF-8).
    Html,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Explain(args)) => explain::run(&args).map(|ok| {
            if ok {
                batch::Outcome::Clean
            } else {
                batch::Outcome::Failures
            }
        }),
        None => batch::run(&cli.run),
    };
    match result {
        Ok(batch::Outcome::Clean) => ExitCode::SUCCESS,
        Ok(batch::Outcome::Failures) => ExitCode::FAILURE,
        Ok(batch::Outcome::Interrupted) => ExitCode::from(batch::INTERRUPTED_STATUS),
        Err(msg) => {
            eprintln!("deboiler: {msg}");
            ExitCode::from(2)
        }
    }
}
