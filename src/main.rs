//! The `deboiler` command: clean scraped news pages from files or stdin.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use deboiler::{Article, Cleaner, InputKind};
use serde_json::{Value, json};

/// Extract the article (title, body, metadata) from scraped news pages.
#[derive(Parser, Debug)]
#[command(name = "deboiler", version, about)]
struct Args {
    /// Output format: the body as text, or one JSON object per input.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// How to read the input: detect HTML or text, or force one.
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    input: Input,
    /// Write DIR/<input stem>.txt (or .json) per input instead of stdout.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Input files; none or `-` reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Input {
    Auto,
    Text,
    Html,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let cleaner = Cleaner::new();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    if let Some(dir) = &args.out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("deboiler: cannot create {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    let mut failed = false;
    let stdout = io::stdout();
    for path in &paths {
        match process(&cleaner, &args, path) {
            Ok(rendered) => {
                let result = match &args.out_dir {
                    Some(dir) => write_out(dir, path, args.format, &rendered),
                    None => {
                        let mut out = stdout.lock();
                        out.write_all(rendered.as_bytes())
                            .and_then(|()| out.write_all(b"\n"))
                    }
                };
                if let Err(e) = result {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    eprintln!("deboiler: {}: {e}", path.display());
                    failed = true;
                }
            }
            Err(msg) => {
                eprintln!("deboiler: {}: {msg}", path.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn process(cleaner: &Cleaner, args: &Args, path: &Path) -> Result<String, String> {
    let bytes = read_input(path).map_err(|e| e.to_string())?;
    let article = match args.input {
        Input::Auto => cleaner.clean_bytes(&bytes),
        Input::Text | Input::Html => {
            let text = std::str::from_utf8(&bytes).map_err(|e| {
                format!(
                    "not valid UTF-8 at byte {} (use --input auto to decode other encodings)",
                    e.valid_up_to()
                )
            })?;
            if args.input == Input::Text {
                cleaner.clean_text(text)
            } else {
                cleaner.clean_html(text)
            }
        }
    }
    .map_err(|e| e.to_string())?;
    Ok(match args.format {
        Format::Text => article.body_text(),
        Format::Json => to_json(&article, &path.display().to_string()).to_string(),
    })
}

fn write_out(dir: &Path, path: &Path, format: Format, rendered: &str) -> io::Result<()> {
    let stem = if path.as_os_str() == "-" {
        "stdin".into()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into())
    };
    let ext = match format {
        Format::Text => "txt",
        Format::Json => "json",
    };
    let mut file = std::fs::File::create(dir.join(format!("{stem}.{ext}")))?;
    file.write_all(rendered.as_bytes())?;
    file.write_all(b"\n")
}

/// The JSON object for one article. Field names are a contract with scripts
/// outside the repository: extend, never rename.
fn to_json(article: &Article<'_>, source: &str) -> Value {
    let html = article.input_kind() == InputKind::Html;
    let block_json = |b: &deboiler::Block<'_>, key: &str, value: &str| {
        let mut obj = json!({
            key: value,
            "text": b.text(),
            "start": b.span().start,
            "end": b.span().end,
        });
        if html {
            obj["spans"] = b
                .source_spans()
                .iter()
                .map(|s| json!([s.source.start, s.source.end]))
                .collect();
        }
        obj
    };
    let meta = |b: Option<&deboiler::Block<'_>>| b.map(|b| b.text().to_string());
    json!({
        "source": source,
        "title": article.title().map(|t| t.text()),
        "body": article.body_text(),
        "blocks": article.body().map(|b| block_json(b, "kind", b.kind().as_str())).collect::<Vec<_>>(),
        "removed": article
            .removed()
            .map(|b| block_json(b, "reason", b.reason().map(|r| r.as_str()).unwrap_or("")))
            .collect::<Vec<_>>(),
        "metadata": {
            "date": meta(article.date()),
            "byline": meta(article.byline()),
            "standfirst": meta(article.standfirst()),
            "reading_time": meta(article.reading_time()),
            "source_line": meta(article.source_line()),
        },
    })
}
