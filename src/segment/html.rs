//! HTML into segments: one per block-level element's run of inline text.

use std::borrow::Cow;

use scraper::{Html, Node};

use crate::article::BlockKind;
use crate::cleaner::Options;
use crate::error::Error;
use crate::segment::{Hints, Segment};
use crate::span::Span;

/// The segments of a page plus page-level facts from its metadata.
pub(crate) struct Page<'a> {
    pub(crate) segments: Vec<Segment<'a>>,
    pub(crate) title_hint: Option<String>,
}

pub(crate) fn segment<'a>(input: &'a str, _opts: &Options) -> Result<Page<'a>, Error> {
    let doc = Html::parse_document(input);
    let mut segments = Vec::new();
    for node in doc.tree.nodes() {
        if let Node::Text(t) = node.value() {
            let text = t.trim();
            if text.is_empty() {
                continue;
            }
            segments.push(Segment {
                text: Cow::Owned(text.to_string()),
                kind: BlockKind::Paragraph,
                span: Span::new(0, 0),
                sources: Vec::new(),
                gap_before: true,
                hints: Hints::default(),
            });
        }
    }
    Ok(Page {
        segments,
        title_hint: None,
    })
}
