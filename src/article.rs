//! The result of cleaning: an [`Article`] made of [`Block`]s.

use std::borrow::Cow;
use std::fmt;

use crate::features::Features;
use crate::metadata::Metadata;
use crate::span::Span;

/// What a block is, structurally: a paragraph, a subheading, a list item….
///
/// For plain-text input the kind is inferred from the line itself (a short
/// line without a full stop is a [`Heading`](BlockKind::Heading), a line that
/// starts with a bullet is a [`ListItem`](BlockKind::ListItem)); for HTML it
/// comes from the element the text sits in.
///
/// ```
/// let article = deboiler::clean_text("Title\n\nA first paragraph, long enough to be body text.\n").unwrap();
/// assert_eq!(article.body().next().unwrap().kind(), deboiler::BlockKind::Paragraph);
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A heading or in-body subheading (`<h1>`–`<h6>`, or a short line
    /// without sentence-final punctuation).
    Heading,
    /// A block quote.
    Quote,
    /// An item of a list (`<li>`, or a line starting with a bullet).
    ListItem,
    /// Preformatted text (`<pre>`), whitespace kept.
    Preformatted,
    /// A row of a table, cells separated by tabs.
    TableRow,
    /// A figure or image caption.
    Caption,
    /// Text from the document's metadata rather than its visible text
    /// (`<title>`, `<meta>`, JSON-LD).
    Metadata,
}

impl BlockKind {
    /// The kind's name as the CLI's JSON writes it: `paragraph`, `heading`,
    /// `quote`, `list-item`, `preformatted`, `table-row`, `caption`,
    /// `metadata`.
    ///
    /// ```
    /// assert_eq!(deboiler::BlockKind::ListItem.as_str(), "list-item");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::Quote => "quote",
            BlockKind::ListItem => "list-item",
            BlockKind::Preformatted => "preformatted",
            BlockKind::TableRow => "table-row",
            BlockKind::Caption => "caption",
            BlockKind::Metadata => "metadata",
        }
    }
}

impl fmt::Display for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a block is not part of the article body.
///
/// Every block the cleaner does not keep in the body carries exactly one
/// reason, so "why was this dropped?" always has an answer. Some reasons are
/// not clutter but metadata that is reported separately:
/// [`Title`](Reason::Title), [`Date`](Reason::Date),
/// [`Byline`](Reason::Byline), [`Standfirst`](Reason::Standfirst),
/// [`ReadingTime`](Reason::ReadingTime) and
/// [`SourceFooter`](Reason::SourceFooter) each have an accessor on
/// [`Article`].
///
/// ```
/// use deboiler::Reason;
///
/// let text = "Big news today\n\nBig news today\n\nThe first paragraph of the story says what happened, in full.\n";
/// let article = deboiler::clean_text(text).unwrap();
/// let reasons: Vec<Reason> = article.removed().filter_map(|b| b.reason()).collect();
/// assert_eq!(reasons, [Reason::Title, Reason::DuplicateTitle]);
/// assert_eq!(Reason::DuplicateTitle.as_str(), "duplicate-title");
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[non_exhaustive]
pub enum Reason {
    /// The article's headline, reported by [`Article::title`].
    Title,
    /// A repeat of the headline.
    DuplicateTitle,
    /// Site navigation: menus, breadcrumbs, "Previous Story" / "Next Story",
    /// "Go to Top", share and follow bars, and the links they carry.
    Navigation,
    /// Lists of other stories: "Related", "Latest from …", "Don't Miss",
    /// "Most read", teaser sidebars of headline, date and teaser.
    RelatedStories,
    /// Promotions: "ALSO READ: …", "Read more", newsletter and subscription
    /// boxes, app and social-media calls to action.
    Promo,
    /// Footers and source lines: "Published in Dawn, March 1st, 2023",
    /// copyright notices, "All rights reserved".
    SourceFooter,
    /// A date or time stamp, reported by [`Article::date`].
    Date,
    /// A reading-time stamp ("2 mins read"), reported by
    /// [`Article::reading_time`].
    ReadingTime,
    /// The standfirst (dek, summary) under the headline, reported by
    /// [`Article::standfirst`].
    Standfirst,
    /// The author line, reported by [`Article::byline`].
    Byline,
    /// An image or figure caption, photo credit.
    Caption,
    /// Reader comments and the widgets around them.
    Comments,
    /// Advertising and sponsored-content labels.
    Advertisement,
    /// Cookie and consent banners, legal notices.
    Legal,
    /// Text outside the article that fits no more specific reason: short
    /// link-heavy or low-density blocks far from the body.
    Boilerplate,
}

impl Reason {
    /// Every reason, in declaration order.
    ///
    /// ```
    /// assert!(deboiler::Reason::ALL.contains(&deboiler::Reason::Promo));
    /// ```
    pub const ALL: &'static [Reason] = &[
        Reason::Title,
        Reason::DuplicateTitle,
        Reason::Navigation,
        Reason::RelatedStories,
        Reason::Promo,
        Reason::SourceFooter,
        Reason::Date,
        Reason::ReadingTime,
        Reason::Standfirst,
        Reason::Byline,
        Reason::Caption,
        Reason::Comments,
        Reason::Advertisement,
        Reason::Legal,
        Reason::Boilerplate,
    ];

    /// The reason's name, kebab-case, as the CLI's JSON and the seed labels
    /// write it.
    ///
    /// ```
    /// assert_eq!(deboiler::Reason::RelatedStories.as_str(), "related-stories");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Title => "title",
            Reason::DuplicateTitle => "duplicate-title",
            Reason::Navigation => "navigation",
            Reason::RelatedStories => "related-stories",
            Reason::Promo => "promo",
            Reason::SourceFooter => "source-footer",
            Reason::Date => "date",
            Reason::ReadingTime => "reading-time",
            Reason::Standfirst => "standfirst",
            Reason::Byline => "byline",
            Reason::Caption => "caption",
            Reason::Comments => "comments",
            Reason::Advertisement => "advertisement",
            Reason::Legal => "legal",
            Reason::Boilerplate => "boilerplate",
        }
    }

    /// Parses a name written by [`as_str`](Reason::as_str).
    ///
    /// ```
    /// use deboiler::Reason;
    /// assert_eq!(Reason::from_name("promo"), Some(Reason::Promo));
    /// assert_eq!(Reason::from_name("nonsense"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.iter().copied().find(|r| r.as_str() == name)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which path produced an [`Article`].
///
/// ```
/// let article = deboiler::clean_html("<p>Hello</p>").unwrap();
/// assert_eq!(article.input_kind(), deboiler::InputKind::Html);
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum InputKind {
    /// Plain text, one block per line or paragraph.
    Text,
    /// An HTML document.
    Html,
}

/// One part of a block's text and the source bytes it came from.
///
/// # Contract
///
/// `text` is a byte range into [`Block::text`]; `source` is a byte range into
/// the original input.
///
/// * Plain-text input: every block has exactly one `SourceSpan`, its `text`
///   is the whole block text, and `&input[source] == block.text()`.
/// * HTML input: `&input[source]` holds no markup (it lies inside one text
///   node of the source), and decoding its character references and
///   collapsing each run of whitespace to one space gives exactly
///   `&block.text()[text]`. Whatever a block's text holds between two
///   consecutive `SourceSpan`s (the space or line break that stood for a tag)
///   comes from no source bytes.
/// * Input given as bytes in another encoding: `source` refers to the
///   original bytes; the statements above hold for the decoded text of that
///   range.
///
/// The `SourceSpan`s of a block are in order and never overlap, in `text`
/// and in `source`.
///
/// ```
/// let html = "<p>Fish &amp; <b>chips</b> are   served.</p>";
/// let article = deboiler::clean_html(html).unwrap();
/// let block = article.body().next().unwrap();
/// assert_eq!(block.text(), "Fish & chips are served.");
/// for piece in block.source_spans() {
///     let raw = &html[piece.source];
///     assert!(!raw.contains('<'));
///     let part = &block.text()[piece.text];
///     assert!(part.starts_with(raw.split(['&', ' ']).next().unwrap()));
/// }
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
pub struct SourceSpan {
    /// The bytes of the original input.
    pub source: Span,
    /// The bytes of [`Block::text`] that they become.
    pub text: Span,
}

/// A piece of the page: a paragraph, a heading, a list item, a menu entry….
///
/// Every non-blank piece of the input becomes one block, kept in the body or
/// removed with a [`Reason`], so nothing is lost silently.
///
/// ```
/// let input = "Headline here\n\nThe story itself, a full sentence of body text.\n";
/// let article = deboiler::clean_text(input).unwrap();
/// let block = article.body().next().unwrap();
/// assert_eq!(block.text(), "The story itself, a full sentence of body text.");
/// assert_eq!(&input[block.span()], block.text());
/// assert!(block.is_body());
/// ```
#[derive(Clone, Debug)]
pub struct Block<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) kind: BlockKind,
    pub(crate) reason: Option<Reason>,
    pub(crate) span: Span,
    pub(crate) sources: Vec<SourceSpan>,
    pub(crate) features: Features,
}

impl<'a> Block<'a> {
    /// The block's text. For plain-text input a slice of the input; for HTML
    /// the visible text with character references decoded and whitespace
    /// collapsed.
    ///
    /// ```
    /// let a = deboiler::clean_html("<p>a&nbsp;b</p>").unwrap();
    /// assert_eq!(a.body().next().unwrap().text(), "a\u{a0}b");
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The block's text, borrowed from the input where it can be.
    ///
    /// ```
    /// let input = String::from("A whole paragraph of text that ends with a full stop.");
    /// let a = deboiler::clean_text(&input).unwrap();
    /// assert!(matches!(a.body().next().unwrap().text_cow(), std::borrow::Cow::Borrowed(_)));
    /// ```
    #[must_use]
    pub fn text_cow(&self) -> &Cow<'a, str> {
        &self.text
    }

    /// What the block is structurally.
    ///
    /// ```
    /// let a = deboiler::clean_html("<ul><li>one item of an article list</li></ul>").unwrap();
    /// assert_eq!(a.blocks()[0].kind(), deboiler::BlockKind::ListItem);
    /// ```
    #[must_use]
    pub fn kind(&self) -> BlockKind {
        self.kind
    }

    /// Why the block is not in the body, or `None` for a body block.
    ///
    /// ```
    /// let a = deboiler::clean_text("Previous Story\n\nA body paragraph with a full stop at its end.\n").unwrap();
    /// assert_eq!(a.blocks()[0].reason(), Some(deboiler::Reason::Navigation));
    /// assert_eq!(a.blocks()[1].reason(), None);
    /// ```
    #[must_use]
    pub fn reason(&self) -> Option<Reason> {
        self.reason
    }

    /// Whether the block is part of the article body.
    ///
    /// ```
    /// let a = deboiler::clean_text("A body paragraph with a full stop at its end.").unwrap();
    /// assert!(a.blocks()[0].is_body());
    /// ```
    #[must_use]
    pub fn is_body(&self) -> bool {
        self.reason.is_none()
    }

    /// The bytes of the input the block spans, from the first byte of its
    /// first [`SourceSpan`] to the last byte of its last. For plain text,
    /// `&input[block.span()] == block.text()`.
    ///
    /// ```
    /// let input = "  indented paragraph that ends with a full stop.  ";
    /// let a = deboiler::clean_text(input).unwrap();
    /// assert_eq!(a.blocks()[0].span(), deboiler::Span::new(2, 48));
    /// ```
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Each part of the text with the source bytes it came from; see
    /// [`SourceSpan`] for the contract.
    ///
    /// ```
    /// let input = "One paragraph, no markup, a full sentence.";
    /// let a = deboiler::clean_text(input).unwrap();
    /// let spans = a.blocks()[0].source_spans();
    /// assert_eq!(spans.len(), 1);
    /// assert_eq!(&input[spans[0].source], a.blocks()[0].text());
    /// ```
    #[must_use]
    pub fn source_spans(&self) -> &[SourceSpan] {
        &self.sources
    }

    /// The features the classifier looked at.
    ///
    /// ```
    /// let a = deboiler::clean_text("Five words in this line.").unwrap();
    /// assert_eq!(a.blocks()[0].features().words(), 5);
    /// ```
    #[must_use]
    pub fn features(&self) -> &Features {
        &self.features
    }

    /// Detaches the block from the input's lifetime by copying its text.
    ///
    /// ```
    /// let owned = {
    ///     let input = String::from("Some paragraph text that ends here.");
    ///     deboiler::clean_text(&input).unwrap().blocks()[0].clone().into_owned()
    /// };
    /// assert_eq!(owned.text(), "Some paragraph text that ends here.");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Block<'static> {
        Block {
            text: Cow::Owned(self.text.into_owned()),
            kind: self.kind,
            reason: self.reason,
            span: self.span,
            sources: self.sources,
            features: self.features,
        }
    }
}

/// The article found in a page: its title, its body blocks in order, its
/// metadata, and every removed block with its reason.
///
/// `Article` holds every block of the input in document order
/// ([`blocks`](Article::blocks)); the accessors are views over them.
///
/// # Example
///
/// ```
/// let input = "\
/// March 12, 2022
/// 2 mins read
///
/// Islamic State expanding footprint
///
/// The group is now shifting its war to a neighbouring country, officials said.
///
/// It has claimed responsibility for a string of attacks this year.
///
/// Previous Story
/// ";
/// let article = deboiler::clean_text(input).unwrap();
/// assert_eq!(article.title().unwrap().text(), "Islamic State expanding footprint");
/// assert_eq!(article.date().unwrap().text(), "March 12, 2022");
/// assert_eq!(article.reading_time().unwrap().text(), "2 mins read");
/// assert_eq!(
///     article.body_text(),
///     "The group is now shifting its war to a neighbouring country, officials said.\n\n\
///      It has claimed responsibility for a string of attacks this year."
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Article<'a> {
    blocks: Vec<Block<'a>>,
    input_kind: InputKind,
    /// Reasons set with [`Builder::drop`](crate::Builder::drop), one bit per
    /// reason (`1 << reason as u32`): their blocks are not reported by the
    /// metadata accessors.
    dropped: u32,
    /// The normalised fields; see [`Article::metadata`].
    metadata: Metadata,
}

impl<'a> Article<'a> {
    /// Builds an article, checking the span invariants in debug builds.
    pub(crate) fn new(blocks: Vec<Block<'a>>, input_kind: InputKind) -> Article<'a> {
        if cfg!(debug_assertions) {
            check_invariants(&blocks);
        }
        Article {
            blocks,
            input_kind,
            dropped: 0,
            metadata: Metadata::default(),
        }
    }

    /// Sets the normalised metadata.
    pub(crate) fn with_metadata(mut self, metadata: Metadata) -> Article<'a> {
        self.metadata = metadata;
        self
    }

    /// Marks `reasons` as dropped: [`first`](Article::first) no longer
    /// finds their blocks, which stay in `blocks` with their reason.
    pub(crate) fn with_dropped(mut self, reasons: &[Reason]) -> Article<'a> {
        for &reason in reasons {
            self.dropped |= 1 << reason as u32;
        }
        self
    }

    /// Every block of the input, kept or removed, in document order.
    ///
    /// ```
    /// let a = deboiler::clean_text("Next Story\nA paragraph that is the body of it all.").unwrap();
    /// assert_eq!(a.blocks().len(), 2);
    /// ```
    #[must_use]
    pub fn blocks(&self) -> &[Block<'a>] {
        &self.blocks
    }

    /// The body blocks, in order.
    ///
    /// ```
    /// let a = deboiler::clean_text("Next Story\nA paragraph that is the body of it all.").unwrap();
    /// assert_eq!(a.body().count(), 1);
    /// ```
    pub fn body(&self) -> impl Iterator<Item = &Block<'a>> + '_ {
        self.blocks.iter().filter(|b| b.is_body())
    }

    /// The blocks not in the body, in order, each with its
    /// [`reason`](Block::reason).
    ///
    /// ```
    /// let a = deboiler::clean_text("Next Story\nA paragraph that is the body of it all.").unwrap();
    /// assert_eq!(a.removed().next().unwrap().text(), "Next Story");
    /// ```
    pub fn removed(&self) -> impl Iterator<Item = &Block<'a>> + '_ {
        self.blocks.iter().filter(|b| !b.is_body())
    }

    /// The body's text: the body blocks joined by one blank line.
    ///
    /// ```
    /// let a = deboiler::clean_text("First paragraph of text, a sentence.\nSecond paragraph, another one.").unwrap();
    /// assert_eq!(a.body_text(), "First paragraph of text, a sentence.\n\nSecond paragraph, another one.");
    /// ```
    #[must_use]
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for block in self.body() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(block.text());
        }
        out
    }

    /// The headline: the first block removed as [`Reason::Title`].
    ///
    /// ```
    /// let a = deboiler::clean_html("<title>Big news - Daily Paper</title><h1>Big news</h1><p>Story text here, with a full stop.</p>").unwrap();
    /// assert_eq!(a.title().unwrap().text(), "Big news");
    /// ```
    #[must_use]
    pub fn title(&self) -> Option<&Block<'a>> {
        self.first(Reason::Title)
    }

    /// The publication date, as written on the page.
    ///
    /// ```
    /// let a = deboiler::clean_text("March 12, 2022\nThe story text, a full sentence.").unwrap();
    /// assert_eq!(a.date().unwrap().text(), "March 12, 2022");
    /// ```
    #[must_use]
    pub fn date(&self) -> Option<&Block<'a>> {
        self.first(Reason::Date)
    }

    /// The author line.
    ///
    /// ```
    /// let a = deboiler::clean_text("By Jane Doe\n\nThe story text, a full sentence that is long enough.").unwrap();
    /// assert_eq!(a.byline().unwrap().text(), "By Jane Doe");
    /// ```
    #[must_use]
    pub fn byline(&self) -> Option<&Block<'a>> {
        self.first(Reason::Byline)
    }

    /// The standfirst (dek, summary) under the headline.
    ///
    /// ```
    /// let html = r#"<meta name="description" content="A summary."><p>Story text, a sentence.</p>"#;
    /// let a = deboiler::clean_html(html).unwrap();
    /// assert_eq!(a.standfirst().unwrap().text(), "A summary.");
    /// ```
    #[must_use]
    pub fn standfirst(&self) -> Option<&Block<'a>> {
        self.first(Reason::Standfirst)
    }

    /// The reading-time stamp ("2 mins read").
    ///
    /// ```
    /// let a = deboiler::clean_text("5 min read\nThe story text, a full sentence.").unwrap();
    /// assert_eq!(a.reading_time().unwrap().text(), "5 min read");
    /// ```
    #[must_use]
    pub fn reading_time(&self) -> Option<&Block<'a>> {
        self.first(Reason::ReadingTime)
    }

    /// The source line or footer ("Published in Dawn, March 1st, 2023").
    ///
    /// ```
    /// let a = deboiler::clean_text("The story text, a full sentence.\nPublished in Dawn, March 1st, 2023").unwrap();
    /// assert_eq!(a.source_line().unwrap().text(), "Published in Dawn, March 1st, 2023");
    /// ```
    #[must_use]
    pub fn source_line(&self) -> Option<&Block<'a>> {
        self.first(Reason::SourceFooter)
    }

    /// The normalised metadata: publication date (ISO 8601), author,
    /// language, site name, lead image and canonical URL, each with the
    /// bytes it was read from.
    ///
    /// ```
    /// let html = r#"<script type="application/ld+json">{"@graph":[
    ///   {"@type":"WebSite","name":"Daily","description":"All the news"},
    ///   {"@type":"NewsArticle","headline":"Big news","datePublished":"2022-03-12T08:00:00Z",
    ///    "author":{"@type":"Person","name":"Jane Roe"}}]}</script>
    ///   <h1>Big news</h1><p>The story, told in a sentence of body text.</p>"#;
    /// let a = deboiler::clean_html(html).unwrap();
    /// let meta = a.metadata();
    /// assert_eq!(meta.published().unwrap().as_str(), "2022-03-12T08:00:00Z");
    /// assert_eq!(meta.author().unwrap().as_str(), "Jane Roe");
    /// assert_eq!(a.byline().unwrap().text(), "Jane Roe");
    /// // The WebSite node names the site.
    /// assert_eq!(meta.site_name().unwrap().as_str(), "Daily");
    /// ```
    #[must_use]
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Which path produced the article.
    ///
    /// ```
    /// let a = deboiler::clean_text("text").unwrap();
    /// assert_eq!(a.input_kind(), deboiler::InputKind::Text);
    /// ```
    #[must_use]
    pub fn input_kind(&self) -> InputKind {
        self.input_kind
    }

    /// Detaches the article from the input's lifetime by copying the text of
    /// every block.
    ///
    /// ```
    /// let article: deboiler::Article<'static> = {
    ///     let input = String::from("Body text of the page, a sentence.");
    ///     deboiler::clean_text(&input).unwrap().into_owned()
    /// };
    /// assert_eq!(article.body().count(), 1);
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Article<'static> {
        Article {
            blocks: self.blocks.into_iter().map(Block::into_owned).collect(),
            input_kind: self.input_kind,
            dropped: self.dropped,
            metadata: self.metadata,
        }
    }

    /// Rewrites every span of every block (its [`Block::span`] and each
    /// [`SourceSpan::source`]) with `f`, for input whose spans must be moved
    /// from the decoded text to the original bytes. `f` must be monotonic so
    /// the order invariants survive.
    pub(crate) fn map_spans(mut self, f: impl Fn(Span) -> Span) -> Article<'a> {
        for block in &mut self.blocks {
            block.span = f(block.span);
            for piece in &mut block.sources {
                piece.source = f(piece.source);
            }
        }
        for value in self.metadata.fields_mut().into_iter().flatten() {
            value.map_source(&f);
        }
        if cfg!(debug_assertions) {
            check_invariants(&self.blocks);
        }
        self
    }

    /// Whether [`Builder::drop`](crate::Builder::drop) named `reason`.
    pub(crate) fn dropped(&self, reason: Reason) -> bool {
        self.dropped & (1 << reason as u32) != 0
    }

    fn first(&self, reason: Reason) -> Option<&Block<'a>> {
        if self.dropped(reason) {
            return None;
        }
        self.blocks.iter().find(|b| b.reason == Some(reason))
    }
}

/// The span invariants every article upholds: each block's source spans are
/// in order, non-overlapping, inside the block's span and its text; blocks
/// are in order and never overlap.
fn check_invariants(blocks: &[Block<'_>]) {
    let mut last_end = 0;
    for block in blocks {
        assert!(
            block.span.start >= last_end,
            "block {:?} at {} overlaps the previous one ending at {last_end}",
            block.text,
            block.span
        );
        let mut src_end = block.span.start;
        let mut text_end = 0;
        for piece in &block.sources {
            assert!(piece.source.start >= src_end && piece.source.end <= block.span.end);
            assert!(piece.text.start >= text_end && piece.text.end <= block.text.len());
            src_end = piece.source.end;
            text_end = piece.text.end;
        }
        last_end = block.span.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &'static str, start: usize, reason: Option<Reason>) -> Block<'static> {
        let span = Span::new(start, start + text.len());
        Block {
            text: Cow::Borrowed(text),
            kind: BlockKind::Paragraph,
            reason,
            span,
            sources: vec![SourceSpan {
                source: span,
                text: Span::new(0, text.len()),
            }],
            features: Features::default(),
        }
    }

    /// A dropped reason's blocks are not reported by the accessors, but stay
    /// in `blocks()` and `removed()` with their reason, and other reasons are
    /// still reported.
    #[test]
    fn dropped_reason_is_listed_but_not_reported() {
        let blocks = vec![
            block("Headline", 0, Some(Reason::Title)),
            block("March 12, 2022", 9, Some(Reason::Date)),
            block("Body.", 24, None),
        ];
        let article = Article::new(blocks, InputKind::Text).with_dropped(&[Reason::Title]);
        assert!(article.title().is_none());
        assert_eq!(article.date().unwrap().text(), "March 12, 2022");
        assert_eq!(article.blocks().len(), 3);
        assert_eq!(
            article.removed().next().unwrap().reason(),
            Some(Reason::Title)
        );
        let owned = article.into_owned();
        assert!(owned.title().is_none());
    }
}
