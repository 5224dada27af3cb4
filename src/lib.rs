/*!
`deboiler` takes a scraped news page, as the plain text a scraper pulled out of
it or as the raw HTML, and gives back the article: one title, the body blocks
in order, recognised metadata (date, byline, standfirst, reading time, source
line) as separate fields, and every removed block with the reason it was
removed. Every block carries the byte offsets of the input it came from.

# Overview

* [`clean_text`], [`clean_html`], [`clean`] and [`clean_bytes`] clean one
  input with the default settings.
* [`Cleaner`] is the configured form, built once with [`Cleaner::builder`]
  and reused across documents and threads.
* [`Article`] is the result. It borrows from the input where it can: on the
  plain-text path every block's text is a slice of the input.
* [`Span`] and [`SourceSpan`] are the byte offsets; their docs state the
  provenance contract.

# Features

* `serde` (off by default): `serde::Serialize` for [`Article`], [`Block`],
  [`Span`], [`Reason`] and [`BlockKind`]. An article serialises to the
  article fields of `deboiler --format json` (`title`, `body`, `blocks`,
  `removed`, `metadata`), in that order.

# Example: cleaning scraped text

```
let input = "\
Pakistan claims killing dozens of militants

Pakistan claims killing dozens of militants

Pakistan's military said Wednesday that its operations have resulted in the killings of nearly 30 militants.

The announcement came a day after a research group published a report on the region.

Previous Story
Next Story
";
let article = deboiler::clean_text(input)?;
assert_eq!(article.title().unwrap().text(), "Pakistan claims killing dozens of militants");
assert_eq!(article.body().count(), 2);
for block in article.body() {
    // Plain-text provenance: the span slices out exactly the block's text.
    assert_eq!(&input[block.span()], block.text());
}
let why: Vec<_> = article.removed().map(|b| b.reason().unwrap().as_str()).collect();
assert_eq!(why, ["title", "duplicate-title", "navigation", "navigation"]);
# Ok::<(), deboiler::Error>(())
```

# Example: cleaning HTML

```
let html = r#"<html><head><title>Rain expected - The Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Rain expected</h1>
<p>Forecasters said on Monday that heavy rain is expected across the region this week.</p>
<p>Residents were advised to stay indoors and avoid travel where they can.</p></article>
<footer>© 2024 The Daily. All rights reserved.</footer></body></html>"#;
let article = deboiler::clean_html(html)?;
assert_eq!(article.title().unwrap().text(), "Rain expected");
assert_eq!(article.body().count(), 2);
# Ok::<(), deboiler::Error>(())
```

# Example: asking why a block was dropped

```
use deboiler::Reason;

let article = deboiler::clean_text("Body text of the story, a sentence.\nALSO READ: Something else entirely")?;
let promo = article.removed().next().unwrap();
assert_eq!(promo.reason(), Some(Reason::Promo));
assert_eq!(promo.text(), "ALSO READ: Something else entirely");
# Ok::<(), deboiler::Error>(())
```
*/

#![deny(missing_docs)]

// The modules, bottom layer first; each imports only from its own layer and
// the ones below it (DESIGN.md, enforced by tests/layers.rs):
// 0 vocabulary: vocab
// 1 text helpers and the one HTML lexer: textutil, lexicon, html, dates, byline
// 2 input: decode, guard, sniff
// 3 segmenters: segment
// 4 features: features
// 5 classify (every decision): classify
// 6 assemble: article, assemble, metadata, markdown, ser
// 7 façade: cleaner and this file
mod article;
mod assemble;
mod byline;
mod classify;
mod cleaner;
mod dates;
mod decode;
mod features;
mod guard;
mod html;
mod lexicon;
mod markdown;
mod metadata;
mod segment;
#[cfg(feature = "serde")]
mod ser;
mod sniff;
mod textutil;
mod vocab;

use once_cell::sync::Lazy;

pub use crate::article::{Article, Block};
pub use crate::cleaner::{Builder, Cleaner};
pub use crate::sniff::looks_like_html;
pub use crate::vocab::{
    BlockKind, DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES,
    DEFAULT_MAX_LINES, DEFAULT_MAX_NODES, Error, Features, InputKind, MetaValue, Metadata,
    ParseReasonError, Reason, ReasonPolicy, SourceSpan, Span,
};

static DEFAULT: Lazy<Cleaner> = Lazy::new(Cleaner::new);

/// Cleans scraped plain text with the default settings; see
/// [`Cleaner::clean_text`].
///
/// # Errors
///
/// Only the default limits: [`Error::InputTooLarge`], for input over
/// [`DEFAULT_MAX_INPUT_BYTES`], and [`Error::TooManyLines`], for more
/// non-blank lines than [`DEFAULT_MAX_LINES`].
///
/// ```
/// let article = deboiler::clean_text("Go to Top\nThe body of the story, one full sentence.")?;
/// assert_eq!(article.body_text(), "The body of the story, one full sentence.");
/// # Ok::<(), deboiler::Error>(())
/// ```
pub fn clean_text(input: &str) -> Result<Article<'_>, Error> {
    DEFAULT.clean_text(input)
}

/// Cleans an HTML document with the default settings; see
/// [`Cleaner::clean_html`].
///
/// # Errors
///
/// Only the default limits: [`Error::InputTooLarge`], [`Error::TooDeep`],
/// [`Error::TooManyNodes`].
///
/// ```
/// let article = deboiler::clean_html("<p>The body of the story, one full sentence.</p>")?;
/// assert_eq!(article.body_text(), "The body of the story, one full sentence.");
/// # Ok::<(), deboiler::Error>(())
/// ```
pub fn clean_html(input: &str) -> Result<Article<'_>, Error> {
    DEFAULT.clean_html(input)
}

/// Cleans `input` as HTML or as text, whichever it looks like; see
/// [`Cleaner::clean`].
///
/// # Errors
///
/// As [`clean_html`] and [`clean_text`].
///
/// ```
/// let article = deboiler::clean("<html><p>The body, a sentence.</p></html>")?;
/// assert_eq!(article.input_kind(), deboiler::InputKind::Html);
/// # Ok::<(), deboiler::Error>(())
/// ```
pub fn clean(input: &str) -> Result<Article<'_>, Error> {
    DEFAULT.clean(input)
}

/// Decodes and cleans raw bytes with the default settings; see
/// [`Cleaner::clean_bytes`].
///
/// # Errors
///
/// [`Error::Binary`], [`Error::Undecodable`] and the default limits.
///
/// ```
/// let article = deboiler::clean_bytes(b"The body of the story, one full sentence.")?;
/// assert_eq!(article.body().count(), 1);
/// assert!(deboiler::clean_bytes(b"\x89PNG\r\n\x1a\n\0\0\0").is_err());
/// # Ok::<(), deboiler::Error>(())
/// ```
pub fn clean_bytes(input: &[u8]) -> Result<Article<'_>, Error> {
    DEFAULT.clean_bytes(input)
}

/// Not part of the API: hooks for the fuzz targets (fuzz/), compiled only
/// with `--cfg fuzzing`, as cargo-fuzz builds.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// Panics where html5ever's tree builder, fed by the crate's lexer,
    /// builds another tree than html5ever's own tokenizer would, on `page`
    /// and on the copy the strip hands the parser.
    pub fn check_feed(page: &str) {
        crate::segment::html::check_feed(page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_sync_unwind_safe() {
        fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
        assert_all::<Cleaner>();
        assert_all::<Builder>();
        assert_all::<Article<'static>>();
        assert_all::<Block<'static>>();
        assert_all::<Error>();
        assert_all::<Span>();
        assert_all::<SourceSpan>();
        assert_all::<Features>();
        assert_all::<ReasonPolicy>();
        assert_all::<ParseReasonError>();
    }
}

/// The README's examples, compiled and run as doc-tests so they cannot drift
/// from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
