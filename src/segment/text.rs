//! Plain text into segments: one per non-blank line.
//!
//! A scraper that flattened a page hands over one block per line, so a line
//! is the unit: paragraphs are not merged across single line breaks, because
//! on real scraped text a single break separates a headline from its date or
//! a teaser from the next headline as often as it wraps a paragraph.

use std::borrow::Cow;

use crate::segment::{Hints, Segment};
use crate::vocab::BlockKind;
use crate::vocab::Span;

/// Cuts `input` into one segment per non-blank line, trimmed of surrounding
/// whitespace. Runs in one pass over the bytes.
#[cfg(test)]
pub(crate) fn segment(input: &str) -> Vec<Segment<'_>> {
    segment_counted(input, crate::guard::line_breaks(input))
}

/// [`segment`] of an `input` of `breaks` line breaks
/// ([`line_breaks`](crate::guard::line_breaks)), which the caller counted
/// for the guard already.
pub(crate) fn segment_counted(input: &str, breaks: usize) -> Vec<Segment<'_>> {
    // One segment a line at most: the count of the breaks spares the
    // growing vector its copies.
    let mut out = Vec::with_capacity(breaks + 1);
    let mut gap = false;
    let mut pos = 0;
    // The previous line as written, when it held text.
    let mut above: Option<&str> = None;
    // Whether the only line since the last one with text was a single space.
    let mut spaced = false;
    let bytes = input.as_bytes();
    // The breaks by `memchr`: `split_inclusive`'s searcher cost more than
    // the rest of the loop.
    let mut breaks = memchr::memchr_iter(b'\n', bytes);
    while pos < bytes.len() {
        let start = pos;
        pos = breaks.next().map_or(bytes.len(), |b| b + 1);
        let line = &input[start..pos];
        let (lead, text) = trim(line);
        if text.is_empty() {
            spaced = above.is_some() && matches!(without_break(line), " " | "\u{a0}");
            gap = true;
            above = None;
            continue;
        }
        let raw = without_break(line);
        let glued = above.is_some_and(|above| is_glued(above, raw));
        above = Some(raw);
        let span = Span::new(start + lead, start + lead + text.len());
        out.push(Segment {
            text: Cow::Borrowed(text),
            kind: kind_of(text),
            span,
            // The one source span, the whole line, is the block's
            // (`assemble`).
            sources: Vec::new(),
            gap_before: gap,
            hints: Hints {
                glued,
                spaced,
                ..Hints::default()
            },
        });
        gap = false;
        spaced = false;
    }
    out
}

/// `line` as written, without its line break: `trim_end_matches(['\n',
/// '\r'])` byte by byte, where the pattern's searcher decoded characters.
fn without_break(line: &str) -> &str {
    let b = line.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &line[..end]
}

/// `line` without the white space around it (`str::trim`), and the length
/// of what was cut before: ASCII white space is skipped byte by byte, and
/// `str::trim` asked only when a character outside ASCII follows it.
fn trim(line: &str) -> (usize, &str) {
    // `char::is_whitespace` in ASCII: `u8::is_ascii_whitespace` and the
    // vertical tab.
    let space = |c: u8| c.is_ascii_whitespace() || c == 0x0B;
    let b = line.as_bytes();
    let mut from = 0;
    while from < b.len() && space(b[from]) {
        from += 1;
    }
    if b.get(from).is_some_and(|&c| c >= 0x80) {
        let rest = line[from..].trim_start();
        from = line.len() - rest.len();
    }
    let mut to = b.len();
    while to > from && space(b[to - 1]) {
        to -= 1;
    }
    if to > from && b[to - 1] >= 0x80 {
        to = from + line[from..to].trim_end().len();
    }
    (from, &line[from..to])
}

/// Whether the break between two adjacent lines, as written, fell inside a
/// paragraph: the line above ends in one space after a word or a
/// punctuation mark, or the line below starts with one space before a
/// letter, a digit or a quote. That is the space next to a link or an
/// emphasis that a scraper writing one text node a line keeps
/// (BeautifulSoup's `get_text("\n")`: "He met " / "Angela Merkel" /
/// " in Berlin."). Scrapers that write a block a line trim their lines, and
/// indentation is more than one space, so neither shows it; a bullet with
/// its space ("* ", as inscriptis sets list items) is no word.
fn is_glued(above: &str, below: &str) -> bool {
    fn is_space(c: char) -> bool {
        c == ' ' || c == '\u{a0}'
    }
    fn ends_in_one_space(line: &str) -> bool {
        let mut rev = line.chars().rev();
        rev.next().is_some_and(is_space)
            && rev.next().is_some_and(|c| {
                c.is_alphanumeric()
                    || matches!(
                        c,
                        ',' | '.' | ';' | ':' | '!' | '?' | '"' | '\'' | '”' | '’' | ')'
                    )
            })
    }
    fn starts_with_one_space(line: &str) -> bool {
        let mut chars = line.chars();
        chars.next().is_some_and(is_space)
            && chars
                .next()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '\'' | '“' | '‘' | '('))
    }
    ends_in_one_space(above) || starts_with_one_space(below)
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
    if crate::textutil::is_bullet(first) && line[first.len_utf8()..].starts_with(' ') {
        return BlockKind::ListItem;
    }
    // The word count last: it reads the most, and most lines end like a
    // sentence. Bounded: we look at no more than the first few words.
    if !first.is_lowercase()
        && first.is_alphanumeric()
        && !crate::textutil::ends_sentence(line)
        // The last byte: no character outside ASCII ends in an ASCII one.
        && !matches!(line.as_bytes().last(), Some(b':' | b',' | b';'))
        && crate::textutil::at_most_words(line, HEADING_MAX_WORDS)
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

    proptest::proptest! {
        /// The byte trim is `str::trim`.
        #[test]
        fn trim_is_str_trim(line in "[ \t\n\r\u{b}\u{c}\u{a0}\u{85}\u{3000}a\u{e9}]{0,12}") {
            let (lead, text) = trim(&line);
            proptest::prop_assert_eq!(text, line.trim());
            proptest::prop_assert_eq!(lead, line.len() - line.trim_start().len());
        }

        /// The lines and their spans are those of `split_inclusive`.
        #[test]
        fn lines_are_split_inclusive(input in "[ a\n\r\u{a0}]{0,20}") {
            let want: Vec<&str> = input
                .split_inclusive('\n')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            let got: Vec<&str> = segment(&input).iter().map(|s| &input[s.span.start..s.span.end]).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        /// The byte loop strips what `trim_end_matches` stripped.
        #[test]
        fn without_break_is_trim_end_matches(line in "[ a\n\r\u{a0}\u{10d}]{0,10}") {
            proptest::prop_assert_eq!(without_break(&line), line.trim_end_matches(['\n', '\r']));
        }
    }

    #[test]
    fn glued_lines() {
        let glued =
            |input: &str| -> Vec<bool> { segment(input).iter().map(|s| s.hints.glued).collect() };
        // BeautifulSoup's text nodes around a link.
        assert_eq!(
            glued("He met \nAngela Merkel\n in Berlin.\nNext"),
            [false, true, true, false]
        );
        assert_eq!(glued("a \r\nb"), [false, true]);
        // A blank line, indentation and a bullet are no glue.
        assert_eq!(glued("He met \n\nAngela"), [false, false]);
        assert_eq!(
            glued("Home\n    News\n  * \nSport"),
            [false, false, false, false]
        );
    }

    #[test]
    fn spaced_lines() {
        let spaced =
            |input: &str| -> Vec<bool> { segment(input).iter().map(|s| s.hints.spaced).collect() };
        // One line of one space between two text nodes.
        assert_eq!(spaced("the\n \n#homelab\nx"), [false, true, false]);
        assert_eq!(spaced("the\n\u{a0}\r\n#homelab"), [false, true]);
        // Two blank lines, an empty line or wider indentation are a gap.
        assert_eq!(spaced("a\n \n\nb"), [false, false]);
        assert_eq!(spaced("a\n\nb\n  \nc"), [false, false, false]);
        assert_eq!(spaced(" \na"), [false]);
    }
}
