//! The input layer of the `deboiler` command, as a library so the fuzz
//! targets and the hostile-input tests can drive it without a process.
//!
//! This target exists for the `deboiler` binary and `fuzz/`; it is not a
//! stable API (the command line and its JSON are the contract). It turns
//! the command line's paths into a stream of [`inputs::Job`]s:
//!
//! * [`inputs`] walks files and folders (links leading outside an input
//!   folder are not followed unless asked, only regular files are opened,
//!   the output folder is never read back), reads JSON Lines one capped line
//!   at a time, and hands WARC archives to [`warc`];
//! * [`gzip`] undoes gzip member by member and, after a damaged member,
//!   resynchronises at the next one and reports the bytes it skipped;
//! * [`warc`] frames WARC records itself, streaming every body it does not
//!   keep and capping the ones it keeps at the page limit.
//!
//! # Example
//!
//! ```
//! use deboiler_cli::inputs::{self, Content, Event, WalkOptions};
//!
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("pages.jsonl");
//! std::fs::write(&path, "{\"html\":\"<p>one</p>\"}\n\n{\"text\":\"two\"}\n")?;
//! let mut lines = Vec::new();
//! inputs::walk(&[path], &WalkOptions::default(), &mut |event| {
//!     if let Event::Job(job) = event {
//!         assert!(matches!(job.content, Content::JsonLine(_)));
//!         lines.push(job.record);
//!     }
//!     true
//! });
//! assert_eq!(lines, [Some(1), Some(3)]);
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod gzip;
pub mod inputs;
pub mod warc;

/// What an input file holds.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: .jsonl/.ndjson(.gz) are JSON Lines, .warc(.gz) are
    /// WARC, anything else one page; stdin and unknown extensions are
    /// sniffed.
    #[default]
    Auto,
    /// Each input is one page.
    Page,
    /// JSON Lines: one `{"id"?, "url"?, "html" | "text", …}` per line.
    Jsonl,
    /// A WARC archive, plain or gzip-compressed.
    Warc,
}
