//! Cutting a block's spans down to part of its text (a headline split off a
//! `<title>`).

use super::entity::decode_at;
use crate::html::lexer::is_space as is_ws;
use crate::vocab::SourceSpan;
use crate::vocab::Span;

/// The source offset in `src` (a span's source, decoded with data rules
/// and whitespace collapsed as the span contract says) where the first `want`
/// bytes of its text end; whitespace after that point is skipped when
/// `skip_ws` is set, so a sub-span never starts with a space.
pub(crate) fn locate(input: &str, src: Span, want: usize, skip_ws: bool) -> usize {
    let s = input.as_bytes();
    let mut i = src.start;
    let mut produced = 0;
    let mut in_ws = false;
    while i < src.end && produced < want {
        let d = decode_at(input, i, false);
        if is_ws(s[i]) && s[i] != b'&' {
            if !in_ws {
                produced += 1;
                in_ws = true;
            }
        } else if s[i] == 0 {
            // Inside a span a NUL always stands for the U+FFFD the parser
            // replaced it with (a NUL it dropped is left out of spans).
            in_ws = false;
            produced += char::REPLACEMENT_CHARACTER.len_utf8();
        } else {
            in_ws = false;
            produced += d.c.len_utf8() + d.c2.map_or(0, char::len_utf8);
        }
        i += d.len;
    }
    if skip_ws {
        while i < src.end && is_ws(s[i]) {
            i += 1;
        }
    }
    i
}

/// Narrows a block's text and spans to `range` of its text (which must not
/// start or end with whitespace), splitting the spans it cuts through.
pub(crate) fn restrict(
    input: &str,
    text: &str,
    sources: &[SourceSpan],
    range: Span,
) -> (String, Vec<SourceSpan>) {
    let mut out = Vec::new();
    for sp in sources {
        let a = sp.text.start.max(range.start);
        let b = sp.text.end.min(range.end);
        if a >= b {
            continue;
        }
        let s0 = locate(input, sp.source, a - sp.text.start, true);
        let s1 = locate(input, sp.source, b - sp.text.start, false);
        if s0 < s1 {
            out.push(SourceSpan {
                source: Span::new(s0, s1),
                text: Span::new(a - range.start, b - range.start),
            });
        }
    }
    (text[range].to_string(), out)
}
