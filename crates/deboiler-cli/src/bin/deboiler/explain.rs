//! `deboiler explain PAGE`: every block with its decision and features, so
//! a user can see why a paragraph was dropped.
//!
//! Colour goes through `anstream`, which strips it when stdout is not a
//! terminal, when `NO_COLOR` is set, and honours `CLICOLOR_FORCE`.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use clap::Args;
use deboiler::{Article, Block, Reason};

use crate::inputs::{self, Content, Event, WalkOptions};
use crate::{CleanArgs, Input, pages};

/// Arguments of `deboiler explain`.
#[derive(Args, Debug)]
pub(crate) struct ExplainArgs {
    /// The page: an HTML or text file, `-` for standard input, or one
    /// record of a JSON Lines or WARC file written as the batch's `source`
    /// field writes it: `FILE:LINE` or `FILE#RECORD`.
    #[arg(value_name = "PAGE")]
    page: PathBuf,
    #[command(flatten)]
    clean: CleanArgs,
    /// Print each block's whole text instead of its first 100 characters.
    #[arg(long)]
    full: bool,
}

/// Characters of a block's text shown without `--full`.
const PREVIEW_CHARS: usize = 100;

const BODY: Style = AnsiColor::Green.on_default().bold();
const METADATA: Style = AnsiColor::Cyan.on_default();
const CLUTTER: Style = AnsiColor::Red.on_default();
const DIM: Style = Style::new().dimmed();
const HEAD: Style = Style::new().bold();

/// Runs `explain`. `Ok(true)` on success; an unreadable or uncleanable page
/// is an `Err` with the message.
pub(crate) fn run(args: &ExplainArgs) -> Result<bool, String> {
    let cleaner = args.clean.cleaner()?;
    let name = args.page.display().to_string();
    let input = args.clean.input;
    let (data, charset, json_page) = match record_of(&args.page) {
        Some((path, n)) => {
            read_record(&path, n, args.clean.max_page_bytes).map_err(|e| format!("{name}: {e}"))?
        }
        None => {
            let mut bytes = Vec::new();
            let read = if args.page.as_os_str() == "-" {
                io::stdin().read_to_end(&mut bytes)
            } else {
                std::fs::File::open(&args.page).and_then(|mut f| f.read_to_end(&mut bytes))
            };
            read.map_err(|e| format!("{name}: {e}"))?;
            (bytes, None, None)
        }
    };
    let article = match &json_page {
        Some((page, is_html)) => match (input, is_html) {
            (Input::Html, _) | (Input::Auto, true) => cleaner.clean_html(page),
            (Input::Text, _) | (Input::Auto, false) => cleaner.clean_text(page),
        }
        .map_err(|e| e.to_string()),
        None => pages::clean_bytes(&cleaner, &data, charset.as_deref(), input),
    }
    .map_err(|e| format!("{name}: {e}"))?;
    let mut out = anstream::stdout().lock();
    match write_explain(&mut out, &name, &article, args.full) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(true),
    }
}

fn write_explain(
    out: &mut impl Write,
    name: &str,
    article: &Article<'_>,
    full: bool,
) -> io::Result<()> {
    let blocks = article.blocks();
    let body = blocks.iter().filter(|b| b.is_body()).count();
    let kind = match article.input_kind() {
        deboiler::InputKind::Html => "html",
        _ => "text",
    };
    writeln!(
        out,
        "{HEAD}{name}{HEAD:#}: {kind}, {} blocks: {body} body, {} removed",
        blocks.len(),
        blocks.len() - body
    )?;
    let title = article.title().map_or("(none)", Block::text);
    writeln!(out, "{HEAD}title:{HEAD:#} {title}")?;
    for (i, block) in blocks.iter().enumerate() {
        let (style, decision) = match block.reason() {
            None => (BODY, "body".to_string()),
            Some(r) => (reason_style(r), r.as_str().to_string()),
        };
        writeln!(
            out,
            "{i:>4}  {style}{decision:<16}{style:#} {:<12} {DIM}{}{DIM:#}",
            block.kind().as_str(),
            block.span()
        )?;
        writeln!(out, "      {}", preview(block.text(), full))?;
        writeln!(out, "      {DIM}{}{DIM:#}", block.features())?;
    }
    Ok(())
}

/// `FILE:LINE` or `FILE#RECORD` when `page` is not itself a file but
/// names one record of one.
fn record_of(page: &Path) -> Option<(PathBuf, u64)> {
    if page.as_os_str() == "-" || page.exists() {
        return None;
    }
    let text = page.to_str()?;
    let at = text.rfind([':', '#'])?;
    let n = text[at + 1..].parse().ok()?;
    Some((PathBuf::from(&text[..at]), n))
}

/// A page found in a JSON Lines or WARC file: its bytes and transport
/// charset, or for a JSON line its `html`/`text` string.
type Found = (Vec<u8>, Option<String>, Option<(String, bool)>);

/// Reads record `n` of the file at `path`, as the batch run would.
fn read_record(path: &Path, n: u64, max_page_bytes: u64) -> Result<Found, String> {
    let mut found = None;
    let options = WalkOptions {
        max_page_bytes: Some(max_page_bytes),
        ..WalkOptions::default()
    };
    inputs::walk(&[path.to_path_buf()], &options, &mut |event| {
        if let Event::Job(job) = event
            && (job.record == Some(n) || job.record.is_some_and(|r| r > n))
        {
            found = Some(job);
            return false;
        }
        true
    });
    let job = found
        .filter(|job| job.record == Some(n))
        .ok_or_else(|| format!("no page at record {n}"))?;
    match job.content {
        Content::Failed(msg) => Err(msg),
        Content::Bytes { data, charset, .. } => Ok((data, charset, None)),
        Content::JsonLine(line) => {
            let mut record = pages::parse_object(&line)?;
            let page = pages::take_page(&mut record)?;
            Ok((Vec::new(), None, Some(page)))
        }
    }
}

/// Reported metadata in one colour, clutter in another.
fn reason_style(reason: Reason) -> Style {
    match reason {
        Reason::Title
        | Reason::Date
        | Reason::Byline
        | Reason::Standfirst
        | Reason::ReadingTime
        | Reason::SourceFooter => METADATA,
        _ => CLUTTER,
    }
}

/// The text on one line, cut to [`PREVIEW_CHARS`] unless `full`.
fn preview(text: &str, full: bool) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if full || one_line.chars().count() <= PREVIEW_CHARS {
        return one_line;
    }
    let cut: String = one_line.chars().take(PREVIEW_CHARS).collect();
    format!("{cut}…")
}
