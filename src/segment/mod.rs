//! Stage 1: cut the input into [`Segment`]s, the blocks-to-be.
//!
//! Plain text is cut at line breaks ([`text`]); HTML at block-level elements
//! ([`html`]). Either way a segment knows its text, its structural kind and
//! where it came from in the source; HTML segments also carry the markup
//! hints (tag path, class and id words, link text) that only a DOM has.

pub(crate) mod html;
pub(crate) mod text;

use std::borrow::Cow;

use crate::vocab::Span;
use crate::vocab::{BlockKind, SourceSpan};

/// One block-to-be, before any decision.
#[derive(Clone, Debug)]
pub(crate) struct Segment<'a> {
    /// The text, trimmed; borrowed from the input on the text path.
    pub(crate) text: Cow<'a, str>,
    /// Structural kind.
    pub(crate) kind: BlockKind,
    /// From the first source byte to the last.
    pub(crate) span: Span,
    /// Which bytes of the source each part of `text` came from. Empty on
    /// the text path, where `text` is `&input[span]` whole: the block's one
    /// source span is then built by `assemble` without an allocation a line.
    pub(crate) sources: Vec<SourceSpan>,
    /// Blank lines (text) or a block boundary of a container (HTML) stood
    /// between this segment and the previous one.
    pub(crate) gap_before: bool,
    /// Markup hints; all-default for plain text.
    pub(crate) hints: Hints,
}

/// What the markup around a segment says about it. Plain text has none of
/// these, so every field defaults to "no evidence".
#[derive(Clone, Debug, Default)]
pub(crate) struct Hints {
    /// Bytes of the text that sit inside `<a href>`.
    pub(crate) link_bytes: usize,
    /// Bit set of [`tag`] flags for the ancestors of the segment.
    pub(crate) tags: u32,
    /// Bit set of [`hint`] flags from class/id/role/aria of the ancestors.
    pub(crate) attrs: u32,
    /// Index of the innermost container element (for grouping siblings).
    pub(crate) container: u32,
    /// Heading level 1–6, 0 when not a heading.
    pub(crate) heading_level: u8,
    /// Inside the main-content container the HTML segmenter chose.
    pub(crate) main: bool,
    /// [`tag`] bits of the ancestors below the main-content root (for a
    /// segment inside it) or of all ancestors (outside it).
    pub(crate) local_tags: u32,
    /// [`hint`] bits of the ancestors below the main-content root (inside)
    /// or of all ancestors (outside).
    pub(crate) local_attrs: u32,
    /// The segmenter already knows what the block is: the headline, or a
    /// metadata field read from `<meta>` or JSON-LD.
    pub(crate) preset: Option<crate::vocab::Reason>,
    /// Plain text: the line break above this line fell inside a paragraph,
    /// as the spacing shows (see `segment::text::is_glued`).
    pub(crate) glued: bool,
    /// Plain text: the only line between this one and the line above was a
    /// single space, as between two inline elements when a scraper writes
    /// each text node on a line of its own; `classify::rejoin` judges it.
    pub(crate) spaced: bool,
}

/// Bits of [`Hints::tags`]: the element types among a segment's ancestors.
#[allow(dead_code)]
pub(crate) mod tag {
    pub(crate) const NAV: u32 = 1 << 0;
    pub(crate) const HEADER: u32 = 1 << 1;
    pub(crate) const FOOTER: u32 = 1 << 2;
    pub(crate) const ASIDE: u32 = 1 << 3;
    pub(crate) const FIGURE: u32 = 1 << 4;
    pub(crate) const FORM: u32 = 1 << 5;
    pub(crate) const LIST: u32 = 1 << 6;
    pub(crate) const HEADING: u32 = 1 << 7;
    pub(crate) const ARTICLE: u32 = 1 << 8;
    pub(crate) const MAIN: u32 = 1 << 9;
    pub(crate) const TABLE: u32 = 1 << 10;
    pub(crate) const BLOCKQUOTE: u32 = 1 << 11;
    pub(crate) const BUTTON: u32 = 1 << 12;
    pub(crate) const HEAD: u32 = 1 << 13;
    pub(crate) const TIME: u32 = 1 << 14;
    pub(crate) const ADDRESS: u32 = 1 << 15;
    pub(crate) const SELECT: u32 = 1 << 16;
    pub(crate) const PRE: u32 = 1 << 17;
    pub(crate) const CAPTION: u32 = 1 << 18;
    pub(crate) const SECTION: u32 = 1 << 19;
    pub(crate) const LINK: u32 = 1 << 20;
    pub(crate) const DIALOG: u32 = 1 << 21;
}

/// Bits of [`Hints::attrs`]: words found in class, id, role, aria-label or
/// itemprop of a segment's ancestors.
#[allow(dead_code)]
pub(crate) mod hint {
    pub(crate) const MENU: u32 = 1 << 0;
    pub(crate) const NAV: u32 = 1 << 1;
    pub(crate) const SHARE: u32 = 1 << 2;
    pub(crate) const SOCIAL: u32 = 1 << 3;
    pub(crate) const RELATED: u32 = 1 << 4;
    pub(crate) const PROMO: u32 = 1 << 5;
    pub(crate) const NEWSLETTER: u32 = 1 << 6;
    pub(crate) const COMMENT: u32 = 1 << 7;
    pub(crate) const FOOTER: u32 = 1 << 8;
    pub(crate) const SIDEBAR: u32 = 1 << 9;
    pub(crate) const BREADCRUMB: u32 = 1 << 10;
    pub(crate) const BYLINE: u32 = 1 << 11;
    pub(crate) const CAPTION: u32 = 1 << 12;
    pub(crate) const AD: u32 = 1 << 13;
    pub(crate) const COOKIE: u32 = 1 << 14;
    pub(crate) const DATE: u32 = 1 << 15;
    pub(crate) const TAGS: u32 = 1 << 16;
    pub(crate) const CONTENT: u32 = 1 << 17;
    pub(crate) const HIDDEN: u32 = 1 << 18;
    pub(crate) const HEADER: u32 = 1 << 19;
    pub(crate) const TITLE: u32 = 1 << 20;
    pub(crate) const SUMMARY: u32 = 1 << 21;
    pub(crate) const AUTHOR: u32 = 1 << 22;
    pub(crate) const POPUP: u32 = 1 << 23;
    pub(crate) const SUBSCRIBE: u32 = 1 << 24;
    pub(crate) const PAGINATION: u32 = 1 << 25;
    pub(crate) const BIO: u32 = 1 << 26;
    pub(crate) const SKIP: u32 = 1 << 27;
    /// The strong article-body words: `article-body`, `entry-content`,
    /// `itemprop=articleBody`….
    pub(crate) const BODY: u32 = 1 << 28;
}
