//! Plain text into segments: one per non-blank line.
//!
//! A scraper that flattened a page hands over one block per line, so a line
//! is the unit: paragraphs are not merged across single line breaks, because
//! on real scraped text a single break separates a headline from its date or
//! a teaser from the next headline as often as it wraps a paragraph.

use std::borrow::Cow;

use crate::segment::{Hints, Segment};
use crate::vocab::Span;
use crate::vocab::{BlockKind, SourceSpan};

/// Cuts `input` into one segment per non-blank line, trimmed of surrounding
/// whitespace. Runs in one pass over the bytes.
pub(crate) fn segment(input: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut gap = false;
    let mut pos = 0;
    for line in input.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed_start = line.trim_start();
        let lead = line.len() - trimmed_start.len();
        let text = trimmed_start.trim_end();
        if text.is_empty() {
            gap = true;
            continue;
        }
        let span = Span::new(start + lead, start + lead + text.len());
        out.push(Segment {
            text: Cow::Borrowed(text),
            kind: kind_of(text),
            span,
            sources: vec![SourceSpan {
                source: span,
                text: Span::new(0, text.len()),
            }],
            gap_before: gap,
            hints: Hints::default(),
        });
        gap = false;
    }
    out
}

/// Most words of a line we call a heading: subheadings run two to ten
/// words; a longer line without a full stop is more often a truncated
/// paragraph or a caption.
const HEADING_MAX_WORDS: usize = 10;

/// The structural kind a line shows by itself: a bullet makes a list item;
/// a short line that does not end like a sentence and does not start in
/// lower case is a heading. Whether it is the headline, a subheading or a
/// menu entry is the classifier's call, since that needs context.
fn kind_of(line: &str) -> BlockKind {
    let first = line.chars().next().unwrap_or(' ');
    if matches!(first, '•' | '·' | '▪' | '◦' | '‣' | '–' | '-' | '*')
        && line[first.len_utf8()..].starts_with(' ')
    {
        return BlockKind::ListItem;
    }
    // Bounded: we look at no more than the first few words.
    let short = crate::textutil::at_most_words(line, HEADING_MAX_WORDS);
    if short
        && !first.is_lowercase()
        && first.is_alphanumeric()
        && !crate::textutil::ends_sentence(line)
        && !line.ends_with([':', ',', ';'])
    {
        return BlockKind::Heading;
    }
    BlockKind::Paragraph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_exact() {
        let input = "  a line  \r\n\n\tsecond\n• item one\n";
        let segs = segment(input);
        assert_eq!(segs.len(), 3);
        for s in &segs {
            assert_eq!(&input[s.span], s.text);
        }
        assert!(!segs[0].gap_before);
        assert!(segs[1].gap_before);
        assert_eq!(segs[2].kind, BlockKind::ListItem);
        // Lower case: a fragment, not a heading.
        assert_eq!(segs[1].kind, BlockKind::Paragraph);
        assert_eq!(segment("What happens next")[0].kind, BlockKind::Heading);
        assert_eq!(segment("It ended there.")[0].kind, BlockKind::Paragraph);
    }
}
