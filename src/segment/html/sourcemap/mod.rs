//! Provenance for HTML: from DOM text back to source bytes.
//!
//! html5ever records no source positions, so I rebuild them. One pass of
//! the crate's lexer over the source ([`scan()`]) finds the runs of
//! character data the tokenizer will turn into text (outside tags,
//! comments, doctypes and raw-text elements such as `<script>`), and on the way notes the few things the metadata
//! reader wants (`<title>`, `<meta content>`, JSON-LD scripts).
//!
//! The [`Mapper`] then walks those runs in step with the DOM's text nodes,
//! which come in tree order: each DOM character is matched to the source
//! bytes that decode to it (a literal character, a character reference, a
//! CR LF pair). Tree order equals source order except for the rare
//! reorderings of the tree builder (foster parenting, the adoption agency);
//! when a node does not match at the cursor the mapper searches a bounded
//! window ahead, and when that fails too the node stays unmapped. A wrong
//! mapping is never produced, only a missing one.
//!
//! [`SpanBuilder`] turns mapped characters into
//! [`SourceSpan`](crate::SourceSpan)s while it collapses whitespace, and
//! only lets a span grow over source bytes that are plain whitespace, so the
//! contract on [`SourceSpan`](crate::SourceSpan) holds by construction.
//!
//! One file per job: [`mod@scan`] finds the runs, [`entity`] decodes character
//! references as the tokenizer does, [`mapper`] matches DOM text to runs,
//! [`spans`] builds a block's text and spans, and [`narrow`] cuts spans down
//! to part of a block's text.

pub(crate) mod entity;
pub(crate) mod mapper;
pub(crate) mod narrow;
pub(crate) mod scan;
pub(crate) mod spans;

pub(crate) use mapper::{Mapper, Piece};
pub(crate) use narrow::restrict;
pub(crate) use scan::{Scan, scan};
pub(crate) use spans::{SpanBuilder, decode_range};
