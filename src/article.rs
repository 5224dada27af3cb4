//! The result of cleaning: an [`Article`] made of [`Block`]s. Both are
//! built by `crate::assemble`, through constructors that check the span
//! contract in every build.

use std::borrow::Cow;

use crate::vocab::{
    BlockKind, Features, InputKind, Metadata, Reason, ReasonSet, SourceSpan, Span, bit,
};

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
    pub(crate) sources: Sources,
    pub(crate) features: Features,
}

/// A block's [`SourceSpan`]s: one held inline (a line of plain text, whose
/// text is the one slice of the input it spans), or any number.
///
/// A line a block costs no allocation for its one span this way; the
/// text path makes one block a line.
#[derive(Clone, Debug)]
pub(crate) enum Sources {
    /// The one span of a block whose text is a slice of the input.
    One(SourceSpan),
    /// Any number of spans, none for a block the source map could not
    /// place.
    Many(Vec<SourceSpan>),
}

impl Sources {
    /// The span of a block whose text is `&input[span]` whole.
    pub(crate) fn whole(span: Span) -> Sources {
        Sources::One(SourceSpan {
            source: span,
            text: Span::new(0, span.len()),
        })
    }

    fn as_slice(&self) -> &[SourceSpan] {
        match self {
            Sources::One(one) => std::slice::from_ref(one),
            Sources::Many(many) => many,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [SourceSpan] {
        match self {
            Sources::One(one) => std::slice::from_mut(one),
            Sources::Many(many) => many,
        }
    }

    fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }
}

impl From<Vec<SourceSpan>> for Sources {
    fn from(many: Vec<SourceSpan>) -> Sources {
        Sources::Many(many)
    }
}

impl<'a> Block<'a> {
    /// Builds a block onto the end of `blocks`, checking the span contract
    /// of [`SourceSpan`] in every build: the source spans are in order and
    /// never overlap, each lies inside `span` and inside `text`, and a block
    /// with no source spans (HTML text the source map could not place, or
    /// metadata with no visible source) has an empty span.
    ///
    /// Built in its place in `blocks`: a block built first and then moved
    /// into the vector was copied twice, by calls to `memcpy` (a block is
    /// larger than the compiler copies inline), a tenth of what assembling
    /// the text path's blocks cost.
    ///
    /// # Panics
    ///
    /// When the contract is broken, which is always a bug in a segmenter:
    /// an article with wrong offsets must not reach a caller who trusts
    /// them.
    pub(crate) fn push(
        blocks: &mut Vec<Block<'a>>,
        text: Cow<'a, str>,
        kind: BlockKind,
        reason: Option<Reason>,
        span: Span,
        sources: Sources,
        features: Features,
    ) {
        blocks.push(Block {
            text,
            kind,
            reason,
            span,
            sources,
            features,
        });
        blocks.last().expect("just pushed").check();
    }

    /// The checks of [`Block::push`], also run after the spans are remapped
    /// to the original bytes.
    fn check(&self) {
        if self.sources.is_empty() {
            assert!(
                self.span.is_empty(),
                "block {:?} has no source spans but the span {}",
                self.text,
                self.span
            );
            return;
        }
        let mut src_end = self.span.start;
        let mut text_end = 0;
        for piece in self.sources.as_slice() {
            assert!(
                piece.source.start >= src_end && piece.source.end <= self.span.end,
                "block {:?}: source span {} out of order or outside {}",
                self.text,
                piece.source,
                self.span
            );
            assert!(
                piece.text.start >= text_end && piece.text.end <= self.text.len(),
                "block {:?}: text span {} out of order or outside the text",
                self.text,
                piece.text
            );
            src_end = piece.source.end;
            text_end = piece.text.end;
        }
    }

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
        self.sources.as_slice()
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
    /// Reasons whose policy is [`ReasonPolicy::Hide`](crate::ReasonPolicy::Hide):
    /// their blocks are not reported by the metadata accessors.
    hidden: ReasonSet,
    /// The normalised fields; see [`Article::metadata`].
    metadata: Metadata,
}

impl<'a> Article<'a> {
    /// Builds an article from blocks built by [`Block::push`], checking in
    /// every build that the blocks are in document order and never overlap
    /// (blocks without source spans have no place to check). `hidden` is
    /// the set of reasons the accessors do not report.
    ///
    /// # Panics
    ///
    /// When the blocks overlap or are out of order: a segmenter bug.
    pub(crate) fn new(
        blocks: Vec<Block<'a>>,
        input_kind: InputKind,
        hidden: ReasonSet,
    ) -> Article<'a> {
        check_order(&blocks);
        Article {
            blocks,
            input_kind,
            hidden,
            metadata: Metadata::default(),
        }
    }

    /// Sets the normalised metadata.
    pub(crate) fn with_metadata(mut self, metadata: Metadata) -> Article<'a> {
        self.metadata = metadata;
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
        // Sized first: grown block by block, the string was copied a few
        // times over on a long body.
        let (bytes, blocks) = self
            .body()
            .fold((0, 0usize), |(bytes, n), b| (bytes + b.text().len(), n + 1));
        let mut out = String::with_capacity(bytes + 2 * blocks.saturating_sub(1));
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
            hidden: self.hidden,
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
            for piece in block.sources.as_mut_slice() {
                piece.source = f(piece.source);
            }
        }
        for value in self.metadata.fields_mut().into_iter().flatten() {
            value.map_source(&f);
        }
        for block in &self.blocks {
            block.check();
        }
        check_order(&self.blocks);
        self
    }

    /// Whether the policy for `reason` is
    /// [`ReasonPolicy::Hide`](crate::ReasonPolicy::Hide).
    pub(crate) fn hides(&self, reason: Reason) -> bool {
        self.hidden & bit(reason) != 0
    }

    fn first(&self, reason: Reason) -> Option<&Block<'a>> {
        if self.hides(reason) {
            return None;
        }
        self.blocks.iter().find(|b| b.reason == Some(reason))
    }
}

/// Blocks are in document order and never overlap; a block without source
/// spans (an empty span) is skipped, since it covers no source bytes.
fn check_order(blocks: &[Block<'_>]) {
    let mut last_end = 0;
    for block in blocks.iter().filter(|b| !b.sources.is_empty()) {
        assert!(
            block.span.start >= last_end,
            "block {:?} at {} overlaps the previous one ending at {last_end}",
            block.text,
            block.span
        );
        last_end = block.span.end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One block, built by [`Block::push`].
    fn new_block(
        text: Cow<'static, str>,
        kind: BlockKind,
        reason: Option<Reason>,
        span: Span,
        sources: Vec<SourceSpan>,
        features: Features,
    ) -> Block<'static> {
        let mut blocks = Vec::new();
        Block::push(
            &mut blocks,
            text,
            kind,
            reason,
            span,
            sources.into(),
            features,
        );
        blocks.pop().expect("one block")
    }

    fn block(text: &'static str, start: usize, reason: Option<Reason>) -> Block<'static> {
        let span = Span::new(start, start + text.len());
        let sources = vec![SourceSpan {
            source: span,
            text: Span::new(0, text.len()),
        }];
        let kind = BlockKind::Paragraph;
        new_block(
            Cow::Borrowed(text),
            kind,
            reason,
            span,
            sources,
            Features::default(),
        )
    }

    /// A hidden reason's blocks are not reported by the accessors, but stay
    /// in `blocks()` and `removed()` with their reason, and other reasons are
    /// still reported.
    #[test]
    fn hidden_reason_is_listed_but_not_reported() {
        let blocks = vec![
            block("Headline", 0, Some(Reason::Title)),
            block("March 12, 2022", 9, Some(Reason::Date)),
            block("Body.", 24, None),
        ];
        let article = Article::new(blocks, InputKind::Text, bit(Reason::Title));
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

    /// The span contract is checked when a block is built, in every build.
    #[test]
    #[should_panic(expected = "out of order or outside")]
    fn block_rejects_a_source_outside_its_span() {
        let sources = vec![SourceSpan {
            source: Span::new(5, 20),
            text: Span::new(0, 4),
        }];
        let features = Features::default();
        let _ = new_block(
            Cow::Borrowed("text"),
            BlockKind::Paragraph,
            None,
            Span::new(5, 9),
            sources,
            features,
        );
    }

    /// Blocks may not overlap, in every build.
    #[test]
    #[should_panic(expected = "overlaps the previous one")]
    fn article_rejects_overlapping_blocks() {
        let blocks = vec![block("Headline", 0, None), block("line", 4, None)];
        let _ = Article::new(blocks, InputKind::Text, 0);
    }

    /// A block the source map could not place has no source spans and an
    /// empty span, and does not count for the order.
    #[test]
    fn unmapped_block_is_allowed_anywhere() {
        let unmapped = new_block(
            Cow::Borrowed("moved text"),
            BlockKind::Paragraph,
            None,
            Span::default(),
            Vec::new(),
            Features::default(),
        );
        let blocks = vec![
            block("Headline", 0, None),
            unmapped,
            block("Body.", 9, None),
        ];
        assert_eq!(Article::new(blocks, InputKind::Text, 0).blocks().len(), 3);
    }
}
