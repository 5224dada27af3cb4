//! What a block is ([`BlockKind`]) and which path read the input
//! ([`InputKind`]).

use std::fmt;

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

/// Which path produced an [`Article`](crate::Article).
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
