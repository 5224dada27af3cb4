//! `serde::Serialize` for the output types (the `serde` feature), in the
//! shape `deboiler --format json` writes, so a program that serialises an
//! [`Article`] with any serde format gets the CLI's fields.
//!
//! The impls are written by hand rather than derived: an article's JSON
//! holds views (its body text, its title) rather than its private fields,
//! and hand-written impls keep `serde_derive` out of the build.

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, SerializeTuple, Serializer};

use crate::article::{Article, Block};
use crate::vocab::Span;
use crate::vocab::{BlockKind, InputKind, MetaValue, Metadata, Reason};

/// `[start, end]`.
impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut t = serializer.serialize_tuple(2)?;
        t.serialize_element(&self.start)?;
        t.serialize_element(&self.end)?;
        t.end()
    }
}

/// The kebab-case name of [`Reason::as_str`].
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The name of [`BlockKind::as_str`].
impl Serialize for BlockKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The spans of a block's [`SourceSpan`](crate::SourceSpan)s, each as
/// `[start, end]` of the source.
struct Spans<'b>(&'b Block<'b>);

impl Serialize for Spans<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let sources = self.0.source_spans();
        let mut seq = serializer.serialize_seq(Some(sources.len()))?;
        for piece in sources {
            seq.serialize_element(&piece.source)?;
        }
        seq.end()
    }
}

/// A standalone block: `{"kind", "reason", "text", "start", "end",
/// "spans"}`, `reason` null for a body block. Inside an [`Article`] a block
/// is written as the CLI writes it (see there).
impl Serialize for Block<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Block", 6)?;
        s.serialize_field("kind", &self.kind())?;
        s.serialize_field("reason", &self.reason())?;
        s.serialize_field("text", self.text())?;
        s.serialize_field("start", &self.span().start)?;
        s.serialize_field("end", &self.span().end)?;
        s.serialize_field("spans", &Spans(self))?;
        s.end()
    }
}

/// A block as an entry of the CLI's `blocks` (`key` is `kind`) or
/// `removed` (`key` is `reason`) list.
struct Entry<'b> {
    block: &'b Block<'b>,
    /// Write the body block's kind (`true`) or the removed block's reason.
    body: bool,
    /// Write `spans` (HTML input only: for plain text the one span equals
    /// `[start, end]`).
    spans: bool,
}

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let b = self.block;
        let mut s = serializer.serialize_struct("Block", 4 + usize::from(self.spans))?;
        if self.body {
            s.serialize_field("kind", &b.kind())?;
        } else {
            s.serialize_field("reason", b.reason().map_or("", Reason::as_str))?;
        }
        s.serialize_field("text", b.text())?;
        s.serialize_field("start", &b.span().start)?;
        s.serialize_field("end", &b.span().end)?;
        if self.spans {
            s.serialize_field("spans", &Spans(b))?;
        }
        s.end()
    }
}

/// The body or the removed blocks of an article, as CLI entries.
struct Entries<'b> {
    article: &'b Article<'b>,
    body: bool,
}

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let spans = self.article.input_kind() == InputKind::Html;
        let mut seq = serializer.serialize_seq(None)?;
        for block in self.article.blocks() {
            if block.is_body() == self.body {
                seq.serialize_element(&Entry {
                    block,
                    body: self.body,
                    spans,
                })?;
            }
        }
        seq.end()
    }
}

/// The value as a string; its source span is not written.
impl Serialize for MetaValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// `{"published", "author", "language", "site_name", "image",
/// "canonical_url"}`, each a string or null: the last fields of the CLI's
/// `metadata` object.
/// The source span of each metadata field, by the field's name: `[start,
/// end]`, or `null` when the value was not read from one stretch of the
/// page (absent, or several authors joined).
struct MetaSpans<'b> {
    /// The as-written fields (`date` … `source_line`), for an article.
    written: &'b [(&'static str, Option<Span>)],
    fields: [(&'static str, Option<&'b MetaValue>); 6],
}

impl Serialize for MetaSpans<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = self.written.len() + self.fields.len();
        let mut s = serializer.serialize_struct("MetadataSpans", len)?;
        for &(name, span) in self.written {
            s.serialize_field(name, &span)?;
        }
        for (name, value) in self.fields {
            s.serialize_field(name, &value.and_then(MetaValue::source))?;
        }
        s.end()
    }
}

/// The fields by name (`published` … `canonical_url`, each a string or
/// `null`), then `spans`: each field's source span (see `MetaSpans`).
impl Serialize for Metadata {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields();
        let mut s = serializer.serialize_struct("Metadata", fields.len() + 1)?;
        for (name, value) in fields {
            s.serialize_field(name, &value)?;
        }
        s.serialize_field(
            "spans",
            &MetaSpans {
                written: &[],
                fields,
            },
        )?;
        s.end()
    }
}

/// The `metadata` object of the CLI's JSON: the text of each metadata
/// block (null when the page has none), then the fields of
/// [`Article::metadata`].
struct MetadataFields<'b>(&'b Article<'b>);

impl Serialize for MetadataFields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let fields = a.metadata().fields();
        let mut s = serializer.serialize_struct("Metadata", 6 + fields.len())?;
        s.serialize_field("date", &a.date().map(Block::text))?;
        s.serialize_field("byline", &a.byline().map(Block::text))?;
        s.serialize_field("standfirst", &a.standfirst().map(Block::text))?;
        s.serialize_field("reading_time", &a.reading_time().map(Block::text))?;
        s.serialize_field("source_line", &a.source_line().map(Block::text))?;
        for (name, value) in fields {
            s.serialize_field(name, &value)?;
        }
        let span = |b: Option<&Block<'_>>| b.map(Block::span);
        s.serialize_field(
            "spans",
            &MetaSpans {
                written: &[
                    ("date", span(a.date())),
                    ("byline", span(a.byline())),
                    ("standfirst", span(a.standfirst())),
                    ("reading_time", span(a.reading_time())),
                    ("source_line", span(a.source_line())),
                ],
                fields,
            },
        )?;
        s.end()
    }
}

/// The article's fields of `deboiler --format json`, in its order:
/// `title`, `body`, `blocks` (`{kind, text, start, end, spans}`), `removed`
/// (`{reason, text, start, end, spans}`) and `metadata`. `spans` are
/// written for HTML input only.
impl Serialize for Article<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Article", 5)?;
        s.serialize_field("title", &self.title().map(Block::text))?;
        s.serialize_field("body", &self.body_text())?;
        s.serialize_field(
            "blocks",
            &Entries {
                article: self,
                body: true,
            },
        )?;
        s.serialize_field(
            "removed",
            &Entries {
                article: self,
                body: false,
            },
        )?;
        s.serialize_field("metadata", &MetadataFields(self))?;
        s.end()
    }
}
