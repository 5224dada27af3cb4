//! Byte offsets into the original input: [`Span`], and [`SourceSpan`],
//! which pairs a piece of a block's text with the source bytes it came from.

use core::fmt;
use core::ops::{Index, Range};

/// A half-open range of **byte** offsets, `start..end`, into the original
/// input that was handed to the cleaner.
///
/// # Contract
///
/// * Offsets are in bytes, not characters, and refer to the input exactly as
///   it was given: for [`clean_bytes`](crate::clean_bytes) that is the
///   original bytes in their original encoding, not the decoded text.
/// * Cleaning never moves them: whatever the cleaner collapses, decodes or
///   trims, a span still points at the bytes the piece came from.
/// * For `&str` input both ends fall on `char` boundaries, so
///   `&input[span]` never panics.
/// * For plain-text input, `&input[block.span()] == block.text()` exactly.
///   For HTML input see [`SourceSpan`](crate::SourceSpan), which maps each
///   part of a block's text to the markup-free source slice it came from.
///
/// `Span` prints as `start..end` (with `{}` and with `{:?}`), converts to
/// and from `Range<usize>`, and compares equal to the range it covers.
///
/// # Example
///
/// ```
/// use deboiler::Span;
///
/// let text = "Title\nBody line.";
/// let span = Span::new(6, 16);
/// assert_eq!(&text[span], "Body line.");
/// assert_eq!(span.to_string(), "6..16");
/// assert_eq!(span.len(), 10);
/// assert_eq!(Span::from(6..16), span);
/// assert_eq!(core::ops::Range::from(span), 6..16);
/// assert_eq!(span, 6..16);
/// assert_eq!(format!("{span:?}"), "6..16");
/// ```
#[derive(Clone, Copy, Default, Eq, Hash, PartialEq, Ord, PartialOrd)]
pub struct Span {
    /// The first byte of the piece.
    pub start: usize,
    /// One past the last byte of the piece.
    pub end: usize,
}

impl Span {
    /// Creates the span `start..end`.
    ///
    /// # Panics
    ///
    /// Panics when `start > end`: such a span would describe no bytes at all
    /// and is always a bug in the caller.
    ///
    /// ```
    /// let span = deboiler::Span::new(3, 7);
    /// assert_eq!((span.start, span.end), (3, 7));
    /// ```
    #[inline]
    #[must_use]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "invalid span {start}..{end}: start > end");
        Span { start, end }
    }

    /// The number of bytes the span covers.
    ///
    /// ```
    /// assert_eq!(deboiler::Span::new(3, 7).len(), 4);
    /// ```
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    ///
    /// ```
    /// assert!(deboiler::Span::new(3, 3).is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The span as a `Range<usize>`, for slicing byte buffers.
    ///
    /// ```
    /// let bytes = b"abcdef";
    /// assert_eq!(&bytes[deboiler::Span::new(1, 3).range()], b"bc");
    /// ```
    #[inline]
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Prints as the range it covers, `5..10`, as aho-corasick's `Span` does:
/// spans fill debug output of blocks and articles, and the field names
/// only made them longer.
impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A span equals the range with the same ends.
///
/// ```
/// assert_eq!(deboiler::Span::new(5, 10), 5..10);
/// assert_ne!(deboiler::Span::new(5, 10), 5..11);
/// ```
impl PartialEq<Range<usize>> for Span {
    fn eq(&self, other: &Range<usize>) -> bool {
        self.start == other.start && self.end == other.end
    }
}

/// A range equals the span with the same ends.
///
/// ```
/// assert_eq!(5..10, deboiler::Span::new(5, 10));
/// ```
impl PartialEq<Span> for Range<usize> {
    fn eq(&self, other: &Span) -> bool {
        other == self
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.start..span.end
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for [u8] {
    type Output = [u8];

    #[inline]
    fn index(&self, span: Span) -> &[u8] {
        &self[span.start..span.end]
    }
}

/// One part of a block's text and the source bytes it came from.
///
/// # Contract
///
/// `text` is a byte range into [`Block::text`](crate::Block::text); `source` is a byte range into
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
    /// The bytes of [`Block::text`](crate::Block::text) that they become.
    pub text: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "invalid span")]
    fn new_rejects_reversed() {
        let _ = Span::new(5, 4);
    }

    #[test]
    fn index_bytes() {
        let b: &[u8] = b"hello";
        assert_eq!(&b[Span::new(1, 4)], b"ell");
    }
}
