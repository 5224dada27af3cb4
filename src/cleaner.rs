//! The configured entry point: [`Cleaner`] and its [`Builder`].
//!
//! The cleaner owns no per-document state, so one instance is built once and
//! shared across threads and documents. Each `clean_*` method runs the
//! pipeline `segment → features → classify → assemble` on one input.

use crate::article::Article;
use crate::vocab::{Error, InputKind, Limits, Metadata, Policies, Reason, ReasonPolicy};
use crate::{assemble, classify, decode, features, guard, metadata, segment, sniff};

/// A configured cleaner, built once and reused across documents.
///
/// `Cleaner` is `Send + Sync` and holds no per-document state: share one
/// behind a reference or an `Arc` across threads.
///
/// # Example
///
/// ```
/// use deboiler::{Cleaner, Reason, ReasonPolicy};
///
/// let cleaner = Cleaner::builder()
///     .policy(Reason::Standfirst, ReasonPolicy::Keep)
///     .build()?;
/// let article = cleaner.clean_text("A short headline\n\nThe story, told in a sentence of body text.\n")?;
/// assert_eq!(article.title().unwrap().text(), "A short headline");
/// # Ok::<(), deboiler::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Cleaner {
    limits: Limits,
    policy: Policies,
    hand_rules_only: bool,
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
    /// [`Error::InputTooLarge`] and [`Error::TooManyLines`]; any text within
    /// the limits is cleaned.
    ///
    /// ```
    /// let input = "Headline\n\nBody paragraph, a sentence with a full stop.\n\nRead more";
    /// let article = deboiler::Cleaner::new().clean_text(input)?;
    /// assert_eq!(article.body_text(), "Body paragraph, a sentence with a full stop.");
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn clean_text<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        self.check_size(input.len())?;
        self.text_unchecked(input)
    }

    /// Cleans an HTML document.
    ///
    /// Block text is the visible text, character references decoded and
    /// whitespace collapsed; [`Block::source_spans`](crate::Block::source_spans)
    /// maps it back to the bytes of `input`.
    ///
    /// # Errors
    ///
    /// [`Error::InputTooLarge`], [`Error::TooDeep`],
    /// [`Error::TooManyNodes`] and [`Error::TooManyAttributes`]; any
    /// document within the limits is cleaned,
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
        self.html_unchecked(input)
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
        self.check_size(input.len())?;
        self.clean_unchecked(input)
    }

    /// Cleans raw bytes: decodes them, detects HTML or text, and cleans.
    ///
    /// Every span refers to the original bytes, not to the decoded text, so
    /// `&input[block.span()]` are the bytes the block came from, in their
    /// own encoding. Valid UTF-8 input is not copied.
    ///
    /// # Decoding
    ///
    /// 1. Known binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip, xz,
    ///    zstd, ELF, MP4, …) are refused.
    /// 2. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE.
    /// 3. UTF-16 without a BOM is recognised by its NUL bytes.
    /// 4. Input with more than one C0 control byte (NUL and the like; tab,
    ///    line breaks, form feed and escape excepted) in 32 is refused as
    ///    binary; a stray NUL in text is kept.
    /// 5. A `<meta charset>` or `<meta http-equiv="Content-Type">` in the
    ///    first 1024 bytes names the encoding (the WHATWG prescan), except
    ///    that bytes which are valid UTF-8 with non-ASCII characters in them
    ///    are taken as UTF-8 whatever an ASCII-compatible declaration says:
    ///    a scraper that re-encoded the page leaves the old declaration
    ///    behind.
    /// 6. Valid UTF-8 is borrowed.
    /// 7. UTF-8 with a few stray bytes (fewer than its well-formed non-ASCII
    ///    characters) decodes each stray byte as windows-1252, where such
    ///    pastes nearly always come from: no byte is dropped.
    /// 8. Anything else is guessed by `chardetng`, Firefox's detector.
    ///
    /// Bytes that are malformed in the chosen encoding are not guessed at:
    /// up to one malformed sequence per 1024 bytes (plus one) is decoded
    /// as U+FFFD, whose span covers exactly the malformed bytes; more than
    /// that means the encoding is wrong, and the input is refused with
    /// [`Error::Undecodable`] rather than cleaned into garbage.
    ///
    /// # Errors
    ///
    /// [`Error::Binary`] for data that is not text at all,
    /// [`Error::Undecodable`] for bytes that are invalid in the encoding they
    /// declare or were sniffed as, [`Error::InputTooLarge`] (counted in
    /// input bytes), and the limits of [`clean_html`](Cleaner::clean_html).
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
        self.clean_decoded(decoded)
    }

    /// Cleans raw bytes whose transport declared their charset, such as the
    /// `charset` of an HTTP `Content-Type` header (in a WARC record, say).
    ///
    /// As browsers do, the declared charset ranks below a byte-order mark
    /// and above the page's own `<meta charset>`; bytes that are valid UTF-8
    /// are read as UTF-8 whatever an ASCII-compatible label says. An unknown
    /// or UTF-8 label changes nothing: the bytes are decoded as
    /// [`clean_bytes`](Cleaner::clean_bytes) decodes them. Spans refer to
    /// `input`.
    ///
    /// # Errors
    ///
    /// As [`clean_bytes`](Cleaner::clean_bytes).
    ///
    /// ```
    /// let cleaner = deboiler::Cleaner::new();
    /// let bytes = b"<p>Un caf\xe9 au lait, s'il vous pla\xeet, avec du sucre.</p>";
    /// // The server said windows-1251, so byte E9 is the Cyrillic letter й.
    /// let article = cleaner.clean_bytes_with_charset(bytes, "windows-1251")?;
    /// let block = article.body().next().unwrap();
    /// assert!(block.text().starts_with("Un caf\u{439} au lait"));
    /// // Spans still point into the original bytes.
    /// assert_eq!(&bytes[block.span()][..8], b"Un caf\xe9 ");
    /// // Without the header, the bytes alone decide (French, windows-1252).
    /// let guessed = cleaner.clean_bytes(bytes)?;
    /// assert!(guessed.body().next().unwrap().text().starts_with("Un café"));
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn clean_bytes_with_charset<'a>(
        &self,
        input: &'a [u8],
        charset: &str,
    ) -> Result<Article<'a>, Error> {
        self.check_size(input.len())?;
        let decoded = decode::decode_declared(input, charset)?;
        self.clean_decoded(decoded)
    }

    /// Cleans decoded bytes and maps the spans back to the original bytes.
    /// The size limit was checked on the input bytes: decoded text can be
    /// longer (three bytes of UTF-8 for one of windows-1252), and must not
    /// be refused for that.
    fn clean_decoded<'a>(&self, decoded: decode::Decoded<'a>) -> Result<Article<'a>, Error> {
        let article = match &decoded.text {
            std::borrow::Cow::Borrowed(text) => self.clean_unchecked(text)?,
            std::borrow::Cow::Owned(text) => self.clean_unchecked(text)?.into_owned(),
        };
        Ok(match decoded.span_map() {
            Some(original) => article.map_spans(original),
            None => article,
        })
    }

    fn clean_unchecked<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        if sniff::looks_like_html(input) {
            self.html_unchecked(input)
        } else {
            self.text_unchecked(input)
        }
    }

    fn text_unchecked<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        // Before segmenting: every line costs a block's memory.
        // One count of the line breaks serves the guard and the
        // segmenter's capacity: a pass over the input each cost as much as
        // the segmenter's own.
        let breaks = guard::line_breaks(input);
        guard::check_lines(input, breaks, self.limits.max_lines)?;
        let segments = segment::text::segment_counted(input, breaks);
        Ok(self.finish(
            segments,
            InputKind::Text,
            &classify::Context::text(!self.hand_rules_only),
            Metadata::default(),
        ))
    }

    fn html_unchecked<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        // The guard runs in segment's one pass over the source, before the
        // parse.
        let mut walked = segment::html::segment(input, &self.limits)?;
        // The headline the metadata confirms anchors the content choice.
        let anchor = classify::headline::confirmed_heading(
            &walked.segments,
            walked.title_text(),
            walked.og_title(),
            true,
        );
        classify::content::choose(
            &mut walked.elems,
            &mut walked.segments,
            &walked.seg_elem,
            &walked.seg_inline,
            anchor,
        );
        let headline = classify::headline::choose_html(
            &walked.segments,
            walked.title_text(),
            walked.og_title(),
        );
        let page = walked.finish(headline);
        let ctx = classify::Context::html(&page);
        Ok(self.finish(page.segments, InputKind::Html, &ctx, page.metadata))
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.limits.max_input_bytes {
            return Err(Error::InputTooLarge {
                size,
                limit: self.limits.max_input_bytes,
            });
        }
        Ok(())
    }

    fn finish<'a>(
        &self,
        segments: Vec<segment::Segment<'a>>,
        kind: InputKind,
        ctx: &classify::Context,
        metadata: Metadata,
    ) -> Article<'a> {
        let feats = features::compute(&segments);
        let reasons = classify::classify(&segments, &feats, ctx);
        let article = assemble::assemble(segments, feats, reasons, kind, &self.policy);
        let metadata = metadata::complete(metadata, &article);
        article.with_metadata(metadata)
    }
}

/// Configures a [`Cleaner`]. Every setter consumes and returns the builder;
/// [`build`](Builder::build) checks the settings.
///
/// ```
/// use deboiler::{Cleaner, Reason, ReasonPolicy};
///
/// let cleaner = Cleaner::builder()
///     .max_input_bytes(16 << 20)
///     .max_depth(10_000)
///     .policy(Reason::Standfirst, ReasonPolicy::Keep)
///     .build()?;
/// # let _ = cleaner;
/// # Ok::<(), deboiler::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Builder {
    limits: Limits,
    policy: Policies,
    hand_rules_only: bool,
}

impl Builder {
    /// The largest input, in bytes, that the cleaner accepts; larger inputs
    /// get [`Error::InputTooLarge`].
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_INPUT_BYTES`](crate::DEFAULT_MAX_INPUT_BYTES) (256 MiB).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_input_bytes(3).build().unwrap();
    /// assert!(c.clean_text("four").is_err());
    /// ```
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Builder {
        self.limits.max_input_bytes = bytes;
        self
    }

    /// The deepest element nesting an HTML document may have; deeper
    /// documents get [`Error::TooDeep`]. Must be at least 1.
    ///
    /// The depth is checked twice: estimated from the tags in one pass
    /// before parsing (so absurd nesting is refused before the parser spends
    /// quadratic time on it), then exactly while walking the tree.
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_DEPTH`](crate::DEFAULT_MAX_DEPTH) (1,024).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_depth(8).build().unwrap();
    /// let deep = "<div>".repeat(20) + "text";
    /// assert!(matches!(c.clean_html(&deep), Err(deboiler::Error::TooDeep { limit: 8, .. })));
    /// ```
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Builder {
        self.limits.max_depth = depth;
        self
    }

    /// The most nodes (elements, text, comments) an HTML document may parse
    /// into; larger documents get [`Error::TooManyNodes`]. Must be at
    /// least 1.
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_NODES`](crate::DEFAULT_MAX_NODES) (250,000).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_nodes(10).build().unwrap();
    /// let many = "<p>x</p>".repeat(50);
    /// assert!(matches!(c.clean_html(&many), Err(deboiler::Error::TooManyNodes { limit: 10, .. })));
    /// ```
    #[must_use]
    pub fn max_nodes(mut self, nodes: usize) -> Builder {
        self.limits.max_nodes = nodes;
        self
    }

    /// The most non-blank lines a plain-text input may have; more get
    /// [`Error::TooManyLines`], naming the byte offset of the first line
    /// over the limit. Must be at least 1.
    ///
    /// Each non-blank line becomes a block, and a block costs a few hundred
    /// bytes of memory however short its line, so the lines are counted in
    /// one pass before any is segmented.
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_LINES`](crate::DEFAULT_MAX_LINES) (250,000).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_lines(2).build().unwrap();
    /// assert!(c.clean_text("one\n\n\ntwo\n").is_ok());
    /// let err = c.clean_text("one\ntwo\nthree\n").unwrap_err();
    /// assert_eq!(err.to_string(), "text has 3 non-blank lines, over the limit of 2 at byte 8");
    /// ```
    #[must_use]
    pub fn max_lines(mut self, lines: usize) -> Builder {
        self.limits.max_lines = lines;
        self
    }

    /// The most attributes one HTML tag may have; a document with a tag
    /// that has more gets [`Error::TooManyAttributes`], naming the tag's
    /// byte offset. Must be at least 1.
    ///
    /// The count is taken in the same linear pass over the tags as the
    /// depth estimate, before parsing, because the parser's work on one tag
    /// grows with the square of its attributes. Attributes are counted as
    /// written, a repeated name each time.
    ///
    /// # Default
    ///
    /// [`DEFAULT_MAX_ATTRIBUTES`](crate::DEFAULT_MAX_ATTRIBUTES) (1,024).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_attributes(2).build().unwrap();
    /// let err = c.clean_html("<p>ok</p><img a b c>").unwrap_err();
    /// assert_eq!(err.to_string(), "html tag at byte 9 has 3 attributes, over the limit of 2");
    /// assert!(c.clean_html("<p class=a id=b>ok</p>").is_ok());
    /// ```
    #[must_use]
    pub fn max_attributes(mut self, attributes: usize) -> Builder {
        self.limits.max_attributes = attributes;
        self
    }

    /// Sets what the cleaner does with the blocks it removes for `reason`:
    /// keep them in the body, report them (as the title or a metadata
    /// field, for the reasons that have an accessor on [`Article`]), or
    /// hide them from those accessors. See [`ReasonPolicy`]. Whatever the
    /// policy, the blocks stay listed by [`Article::blocks`] in document
    /// order: nothing is lost silently.
    ///
    /// Can be called for several reasons; a later call for the same reason
    /// replaces the earlier one.
    ///
    /// # Default
    ///
    /// [`ReasonPolicy::Report`] for every reason.
    ///
    /// ```
    /// use deboiler::{Cleaner, Reason, ReasonPolicy};
    /// let input = "March 12, 2022\n\nBody text, a full sentence of it.";
    ///
    /// let default = Cleaner::new().clean_text(input).unwrap();
    /// assert_eq!(default.date().unwrap().text(), "March 12, 2022");
    ///
    /// let c = Cleaner::builder().policy(Reason::Date, ReasonPolicy::Hide).build().unwrap();
    /// let article = c.clean_text(input).unwrap();
    /// assert!(article.date().is_none());
    /// // Still there, with its reason, and still out of the body.
    /// assert_eq!(article.removed().next().unwrap().reason(), Some(Reason::Date));
    /// assert_eq!(article.body_text(), "Body text, a full sentence of it.");
    ///
    /// let c = Cleaner::builder().policy(Reason::Date, ReasonPolicy::Keep).build().unwrap();
    /// assert_eq!(c.clean_text(input).unwrap().body().count(), 2);
    /// ```
    #[must_use]
    pub fn policy(mut self, reason: Reason, policy: ReasonPolicy) -> Builder {
        self.policy.set(reason, policy);
        self
    }

    /// Keeps blocks removed for `reason` in the body after all: the same as
    /// [`policy`](Builder::policy)`(reason, ReasonPolicy::Keep)`.
    ///
    /// ```
    /// # #![allow(deprecated)]
    /// use deboiler::{Cleaner, Reason};
    /// let input = "Previous Story\n\nBody text, a full sentence of it.";
    /// let c = Cleaner::builder().keep(Reason::Navigation).build().unwrap();
    /// assert_eq!(c.clean_text(input).unwrap().body().count(), 2);
    /// ```
    #[deprecated(note = "use `Builder::policy(reason, ReasonPolicy::Keep)`")]
    #[must_use]
    pub fn keep(self, reason: Reason) -> Builder {
        self.policy(reason, ReasonPolicy::Keep)
    }

    /// Stops the article reporting blocks removed for `reason` as its title
    /// or metadata: the same as
    /// [`policy`](Builder::policy)`(reason, ReasonPolicy::Hide)`.
    ///
    /// ```
    /// # #![allow(deprecated)]
    /// use deboiler::{Cleaner, Reason};
    /// let input = "March 12, 2022\n\nBody text, a full sentence of it.";
    /// let c = Cleaner::builder().drop(Reason::Date).build().unwrap();
    /// assert!(c.clean_text(input).unwrap().date().is_none());
    /// ```
    #[deprecated(note = "use `Builder::policy(reason, ReasonPolicy::Hide)`")]
    #[must_use]
    pub fn drop(self, reason: Reason) -> Builder {
        self.policy(reason, ReasonPolicy::Hide)
    }

    /// Turns the learned second opinion on scraped text on or off.
    ///
    /// On plain text, small boosted trees trained on the development pool
    /// (`bench/LEARNED.md`) put back into the body lines the hand rules
    /// removed as [`Reason::RelatedStories`] or [`Reason::Boilerplate`] when
    /// they are confident the line is article text. They never remove a
    /// line, and HTML input never uses them. Off, every decision is the hand
    /// rules' (what the model is trained on).
    ///
    /// # Default
    ///
    /// On.
    ///
    /// ```
    /// let hand = deboiler::Cleaner::builder().learned(false).build().unwrap();
    /// let input = "A short headline\n\nThe story, told in a sentence of body text.\n";
    /// assert_eq!(hand.clean_text(input).unwrap().body().count(), 1);
    /// ```
    #[must_use]
    pub fn learned(mut self, enabled: bool) -> Builder {
        self.hand_rules_only = !enabled;
        self
    }

    /// Checks the settings and builds the cleaner.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSetting`] when `max_depth`, `max_nodes`,
    /// `max_attributes` or `max_lines` is 0.
    ///
    /// ```
    /// let err = deboiler::Cleaner::builder().max_depth(0).build().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid setting max_depth = 0: must be at least 1");
    /// ```
    pub fn build(self) -> Result<Cleaner, Error> {
        for (setting, value) in [
            ("max_depth", self.limits.max_depth),
            ("max_nodes", self.limits.max_nodes),
            ("max_attributes", self.limits.max_attributes),
            ("max_lines", self.limits.max_lines),
        ] {
            if value == 0 {
                return Err(Error::InvalidSetting {
                    setting,
                    value,
                    why: "must be at least 1",
                });
            }
        }
        Ok(Cleaner {
            limits: self.limits,
            policy: self.policy,
            hand_rules_only: self.hand_rules_only,
        })
    }
}
