//! `deboiler explain PAGE`: every block with its decision and features, so
//! a user can see why a paragraph was dropped.
//!
//! Colour goes through `anstream`, which strips it when stdout is not a
//! terminal, when `NO_COLOR` is set, and honours `CLICOLOR_FORCE`.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};
use clap::Args;
use deboiler::{Article, Block, Reason};

use crate::{CleanArgs, Input};

/// Arguments of `deboiler explain`.
#[derive(Args, Debug)]
pub(crate) struct ExplainArgs {
    /// The page: an HTML or text file, or `-` for standard input.
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
    let mut bytes = Vec::new();
    let read = if args.page.as_os_str() == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(&args.page).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| format!("{name}: {e}"))?;
    let article = match args.clean.input {
        Input::Auto => cleaner.clean_bytes(&bytes),
        Input::Text | Input::Html => {
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| format!("{name}: not valid UTF-8 at byte {}", e.valid_up_to()))?;
            if args.clean.input == Input::Text {
                cleaner.clean_text(text)
            } else {
                cleaner.clean_html(text)
            }
        }
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
