//! The configured entry point: [`Cleaner`] and its [`Builder`].
//!
//! The cleaner owns no per-document state, so one instance is built once and
//! shared across threads and documents. Each `clean_*` method runs the
//! pipeline `segment → features → classify → assemble` on one input.

use crate::article::{Article, InputKind, Reason};
use crate::error::Error;
use crate::{assemble, classify, decode, features, segment};

/// Default for [`Builder::max_input_bytes`]: 256 MiB.
///
/// The largest page of the development corpus is under 2 MB; a crawler's
/// truncation limit is usually a few MB. 256 MiB leaves room for pathological
/// but legitimate pages and still stops a multi-gigabyte file from being
/// read into a tree.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 256 << 20;

/// Default for [`Builder::max_depth`]: 1,000,000 nested elements.
///
/// Real pages nest a few dozen levels, the worst a few hundred. Every walk of
/// the tree is iterative, so depth costs no stack; the limit only exists so a
/// pipeline can refuse tag soup outright if it wants to.
pub const DEFAULT_MAX_DEPTH: usize = 1_000_000;

/// Default for [`Builder::max_nodes`]: 10,000,000 nodes.
///
/// A large news page has 10,000–50,000 nodes. Ten million nodes is about a
/// gigabyte of tree; past that, a page is not an article.
pub const DEFAULT_MAX_NODES: usize = 10_000_000;

#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) struct Options {
    pub(crate) max_input_bytes: usize,
    pub(crate) max_depth: usize,
    pub(crate) max_nodes: usize,
    /// Reasons whose blocks are kept in the body anyway.
    pub(crate) keep: Vec<Reason>,
    /// Reasons whose blocks are not reported as title or metadata.
    pub(crate) drop: Vec<Reason>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: DEFAULT_MAX_NODES,
            keep: Vec::new(),
            drop: Vec::new(),
        }
    }
}

/// A configured cleaner, built once and reused across documents.
///
/// `Cleaner` is `Send + Sync` and holds no per-document state: share one
/// behind a reference or an `Arc` across threads.
///
/// # Example
///
/// ```
/// use deboiler::{Cleaner, Reason};
///
/// let cleaner = Cleaner::builder().keep(Reason::Standfirst).build()?;
/// let article = cleaner.clean_text("A short headline\n\nThe story, told in a sentence of body text.\n")?;
/// assert_eq!(article.title().unwrap().text(), "A short headline");
/// # Ok::<(), deboiler::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Cleaner {
    opts: Options,
}

impl Cleaner {
    /// A cleaner with every option at its default.
    ///
    /// ```
    /// let cleaner = deboiler::Cleaner::new();
    /// assert!(cleaner.clean_text("").unwrap().blocks().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Cleaner {
        Cleaner::default()
    }

    /// Starts a [`Builder`] with every option at its default.
    ///
    /// ```
    /// let cleaner = deboiler::Cleaner::builder().max_input_bytes(1 << 20).build().unwrap();
    /// # let _ = cleaner;
    /// ```
    #[must_use]
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Cleans plain text that a scraper pulled out of a page: one block per
    /// non-blank line.
    ///
    /// Every block's text is a slice of `input` and
    /// `&input[block.span()] == block.text()`.
    ///
    /// # Errors
    ///
    /// Only [`Error::InputTooLarge`]; any text within the limit is cleaned.
    ///
    /// ```
    /// let input = "Headline\n\nBody paragraph, a sentence with a full stop.\n\nRead more";
    /// let article = deboiler::Cleaner::new().clean_text(input)?;
    /// assert_eq!(article.body_text(), "Body paragraph, a sentence with a full stop.");
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn clean_text<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        self.check_size(input.len())?;
        let segments = segment::text::segment(input);
        Ok(self.finish(segments, InputKind::Text, &classify::Context::text()))
    }

    /// Cleans an HTML document.
    ///
    /// Block text is the visible text, character references decoded and
    /// whitespace collapsed; [`Block::source_spans`](crate::Block::source_spans)
    /// maps it back to the bytes of `input`.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`], [`Error::TooDeep`] and
    /// [`Error::TooManyNodes`]; any document within the limits is cleaned,
    /// however broken its markup.
    ///
    /// ```
    /// let html = "<html><body><nav><a href=/>Home</a></nav>\
    ///             <article><p>The story, in a sentence of body text.</p></article></body></html>";
    /// let article = deboiler::Cleaner::new().clean_html(html)?;
    /// assert_eq!(article.body_text(), "The story, in a sentence of body text.");
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn clean_html<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        self.check_size(input.len())?;
        let page = segment::html::segment(input, &self.opts)?;
        let ctx = classify::Context::html(&page);
        Ok(self.finish(page.segments, InputKind::Html, &ctx))
    }

    /// Cleans `input`, deciding from its first bytes whether it is HTML or
    /// plain text (see [`looks_like_html`](crate::looks_like_html)).
    ///
    /// # Errors
    ///
    /// As [`clean_html`](Cleaner::clean_html) or
    /// [`clean_text`](Cleaner::clean_text).
    ///
    /// ```
    /// let cleaner = deboiler::Cleaner::new();
    /// let a = cleaner.clean("<!doctype html><p>Body text, a sentence.</p>")?;
    /// assert_eq!(a.input_kind(), deboiler::InputKind::Html);
    /// let b = cleaner.clean("Body text, a sentence.")?;
    /// assert_eq!(b.input_kind(), deboiler::InputKind::Text);
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn clean<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        if crate::looks_like_html(input) {
            self.clean_html(input)
        } else {
            self.clean_text(input)
        }
    }

    /// Cleans raw bytes: decodes them (BOM, then `<meta charset>` or
    /// `http-equiv`, then UTF-8, then a sniffed legacy encoding), detects
    /// HTML or text, and cleans.
    ///
    /// Every span refers to the original bytes, not to the decoded text.
    /// Valid UTF-8 input is not copied.
    ///
    /// # Errors
    ///
    /// [`Error::Binary`] for data that is not text at all,
    /// [`Error::Undecodable`] for bytes that are invalid in the encoding they
    /// declare, and the limits of [`clean_html`](Cleaner::clean_html).
    ///
    /// ```
    /// // "café" in windows-1252, declared by the page.
    /// let bytes = b"<meta charset=windows-1252><p>Un caf\xe9 au lait, s'il vous pla\xeet.</p>";
    /// let article = deboiler::Cleaner::new().clean_bytes(bytes)?;
    /// let block = article.body().next().unwrap();
    /// assert_eq!(block.text(), "Un café au lait, s'il vous plaît.");
    /// assert_eq!(&bytes[block.span()], &b"Un caf\xe9 au lait, s'il vous pla\xeet."[..]);
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn clean_bytes<'a>(&self, input: &'a [u8]) -> Result<Article<'a>, Error> {
        self.check_size(input.len())?;
        let decoded = decode::decode(input)?;
        let article = match &decoded.text {
            std::borrow::Cow::Borrowed(text) => self.clean(text)?,
            std::borrow::Cow::Owned(text) => self.clean(text)?.into_owned(),
        };
        Ok(decoded.remap(article))
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.opts.max_input_bytes {
            return Err(Error::InputTooLarge {
                size,
                limit: self.opts.max_input_bytes,
            });
        }
        Ok(())
    }

    fn finish<'a>(
        &self,
        segments: Vec<segment::Segment<'a>>,
        kind: InputKind,
        ctx: &classify::Context,
    ) -> Article<'a> {
        let feats = features::compute(&segments);
        let reasons = classify::classify(&segments, &feats, ctx);
        assemble::assemble(segments, feats, reasons, kind, &self.opts)
    }
}

/// Configures a [`Cleaner`]. Every setter consumes and returns the builder;
/// [`build`](Builder::build) checks the settings.
///
/// ```
/// use deboiler::{Cleaner, Reason};
///
/// let cleaner = Cleaner::builder()
///     .max_input_bytes(16 << 20)
///     .max_depth(10_000)
///     .keep(Reason::Standfirst)
///     .build()?;
/// # let _ = cleaner;
/// # Ok::<(), deboiler::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Builder {
    opts: Options,
}

impl Builder {
    /// The largest input, in bytes, that the cleaner accepts; larger inputs
    /// get [`Error::InputTooLarge`].
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_INPUT_BYTES`] (256 MiB).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_input_bytes(3).build().unwrap();
    /// assert!(c.clean_text("four").is_err());
    /// ```
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Builder {
        self.opts.max_input_bytes = bytes;
        self
    }

    /// The deepest element nesting an HTML document may have; deeper
    /// documents get [`Error::TooDeep`]. Must be at least 1.
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_DEPTH`] (1,000,000).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_depth(8).build().unwrap();
    /// let deep = "<div>".repeat(20) + "text";
    /// assert!(matches!(c.clean_html(&deep), Err(deboiler::Error::TooDeep { limit: 8, .. })));
    /// ```
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Builder {
        self.opts.max_depth = depth;
        self
    }

    /// The most nodes (elements, text, comments) an HTML document may parse
    /// into; larger documents get [`Error::TooManyNodes`]. Must be at
    /// least 1.
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_NODES`] (10,000,000).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_nodes(10).build().unwrap();
    /// let many = "<p>x</p>".repeat(50);
    /// assert!(matches!(c.clean_html(&many), Err(deboiler::Error::TooManyNodes { limit: 10, .. })));
    /// ```
    #[must_use]
    pub fn max_nodes(mut self, nodes: usize) -> Builder {
        self.opts.max_nodes = nodes;
        self
    }

    /// Keeps blocks removed for `reason` in the body after all, for example
    /// the standfirst. The block still reports its reason; it is only no
    /// longer left out of [`Article::body`](crate::Article::body). Can be
    /// called for several reasons.
    ///
    /// # Default
    ///
    /// No reason is kept.
    ///
    /// ```
    /// use deboiler::{Cleaner, Reason};
    /// let input = "Previous Story\n\nBody text, a full sentence of it.";
    /// let c = Cleaner::builder().keep(Reason::Navigation).build().unwrap();
    /// assert_eq!(c.clean_text(input).unwrap().body().count(), 2);
    /// ```
    ///
    /// `keep` and [`drop`](Builder::drop) for the same reason cancel each
    /// other: the later call wins.
    #[must_use]
    pub fn keep(mut self, reason: Reason) -> Builder {
        self.opts.drop.retain(|&r| r != reason);
        if !self.opts.keep.contains(&reason) {
            self.opts.keep.push(reason);
        }
        self
    }

    /// Drops blocks removed for `reason` altogether: they stay out of the
    /// body, and the [`Article`] no longer reports them as its title or
    /// metadata, so [`Article::title`], [`Article::date`],
    /// [`Article::byline`], [`Article::standfirst`],
    /// [`Article::reading_time`] and [`Article::source_line`] return `None`
    /// for a dropped reason (and the CLI writes `null` for its field).
    ///
    /// Nothing is lost silently: the blocks are still listed by
    /// [`Article::blocks`] and [`Article::removed`] with their reason. For a
    /// reason that has no accessor (navigation, promo, …) dropping only
    /// undoes an earlier [`keep`](Builder::keep) of it.
    ///
    /// Each reason is in one of three states: kept in the body
    /// ([`keep`](Builder::keep)), removed and reported (the default), or
    /// removed and not reported (`drop`). The later of `keep` and `drop`
    /// for the same reason wins.
    ///
    /// # Default
    ///
    /// No reason is dropped.
    ///
    /// ```
    /// use deboiler::{Cleaner, Reason};
    /// let input = "March 12, 2022\n\nBody text, a full sentence of it.";
    ///
    /// let default = Cleaner::new().clean_text(input).unwrap();
    /// assert_eq!(default.date().unwrap().text(), "March 12, 2022");
    ///
    /// let c = Cleaner::builder().drop(Reason::Date).build().unwrap();
    /// let article = c.clean_text(input).unwrap();
    /// assert!(article.date().is_none());
    /// // Still there, with its reason, and still out of the body.
    /// assert_eq!(article.removed().next().unwrap().reason(), Some(Reason::Date));
    /// assert_eq!(article.body_text(), "Body text, a full sentence of it.");
    /// ```
    #[must_use]
    pub fn drop(mut self, reason: Reason) -> Builder {
        self.opts.keep.retain(|&r| r != reason);
        if !self.opts.drop.contains(&reason) {
            self.opts.drop.push(reason);
        }
        self
    }

    /// Checks the settings and builds the cleaner.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSetting`] when `max_depth` or `max_nodes` is 0.
    ///
    /// ```
    /// let err = deboiler::Cleaner::builder().max_depth(0).build().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid setting max_depth = 0: must be at least 1");
    /// ```
    pub fn build(self) -> Result<Cleaner, Error> {
        for (setting, value) in [
            ("max_depth", self.opts.max_depth),
            ("max_nodes", self.opts.max_nodes),
        ] {
            if value == 0 {
                return Err(Error::InvalidSetting {
                    setting,
                    value,
                    why: "must be at least 1",
                });
            }
        }
        Ok(Cleaner { opts: self.opts })
    }
}
