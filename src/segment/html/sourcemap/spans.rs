//! Building a block's text, whitespace collapsed, and its [`SourceSpan`]s
//! from mapped DOM text or from raw attribute and JSON values.

use super::entity::char_ref;
use super::mapper::Piece;
use crate::html::lexer::is_space as is_ws;
use crate::vocab::SourceSpan;
use crate::vocab::Span;

/// Builds a block's text from DOM text, collapsing whitespace, and its
/// [`SourceSpan`]s from the mapper's pieces.
#[derive(Debug, Default)]
pub(crate) struct SpanBuilder {
    pub(crate) text: String,
    pub(crate) sources: Vec<SourceSpan>,
    /// The open span: text start, text end, source start, source end.
    open: Option<(usize, usize, usize, usize)>,
    pending_space: bool,
    /// Bytes of text added inside links.
    pub(crate) link_bytes: usize,
    /// The text is RCDATA (`<title>`): a `<` there is text, but the span
    /// contract reads sources as text content, where it would be markup,
    /// so it is left outside every span.
    pub(crate) rcdata: bool,
}

impl SpanBuilder {
    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends one DOM text node. `pre` keeps its whitespace.
    pub(crate) fn push(&mut self, src: &str, dom: &str, pieces: &[Piece], pre: bool, link: bool) {
        let before = self.text.len();
        let d = dom.as_bytes();
        let mut k = 0;
        let mut i = 0;
        while i < d.len() {
            while k < pieces.len() && (pieces[k].dom.1 as usize) <= i {
                k += 1;
            }
            let b = d[i];
            if is_ws(b) {
                i += 1;
                if pre {
                    // Kept verbatim, but outside any span: the span contract
                    // collapses whitespace, which `<pre>` does not.
                    self.close();
                    self.text.push(if b == b'\r' { '\n' } else { b as char });
                } else if !self.text.is_empty() && !self.text.ends_with(['\n', '\t']) {
                    self.pending_space = true;
                }
                continue;
            }
            let c = if b < 0x80 {
                b as char
            } else {
                dom[i..].chars().next().unwrap_or('\u{fffd}')
            };
            let piece = pieces.get(k).filter(|p| p.dom.0 as usize <= i);
            let from = piece.map(|p| {
                if p.literal {
                    let s = p.src.0 as usize + (i - p.dom.0 as usize);
                    (s, s + c.len_utf8())
                } else if p.dom.0 as usize == i {
                    (p.src.0 as usize, p.src.1 as usize)
                } else {
                    // The second code point of a two-code-point entity.
                    (p.src.1 as usize, p.src.1 as usize)
                }
            });
            let from = if self.rcdata && c == '<' { None } else { from };
            let space = std::mem::take(&mut self.pending_space);
            if space {
                self.text.push(' ');
            }
            self.push_char(src, c, from, space);
            i += c.len_utf8();
            // Fast path: the rest of a run of non-space bytes inside one
            // literal piece extends the open span byte for byte.
            if let (Some(p), Some(_)) = (piece, from)
                && p.literal
                && !self.rcdata
            {
                let limit = (p.dom.1 as usize).min(d.len());
                loop {
                    let run = d[i..limit]
                        .iter()
                        .position(|&x| is_ws(x))
                        .unwrap_or(limit - i);
                    let Some((_, tend, _, end)) = &mut self.open else {
                        break;
                    };
                    if run > 0 {
                        self.text.push_str(&dom[i..i + run]);
                        *tend += run;
                        *end += run;
                        i += run;
                    }
                    // One plain space between two words of the piece, as
                    // the loop above would take it: a pending space that
                    // the next character turns into a ' ', the span growing
                    // over the space's one source byte.
                    if !pre && i + 1 < limit && d[i] == b' ' && !is_ws(d[i + 1]) {
                        self.text.push(' ');
                        *tend += 1;
                        *end += 1;
                        i += 1;
                        continue;
                    }
                    break;
                }
            }
        }
        if link {
            self.link_bytes += self.text.len() - before;
        }
    }

    /// A character that came from no source bytes (a JSON escape),
    /// collapsing whitespace like the rest.
    pub(crate) fn push_unmapped(&mut self, c: char) {
        if c.is_ascii_whitespace() {
            if !self.text.is_empty() {
                self.pending_space = true;
            }
            return;
        }
        if std::mem::take(&mut self.pending_space) {
            self.text.push(' ');
        }
        self.push_char("", c, None, false);
    }

    fn push_char(&mut self, src: &str, c: char, from: Option<(usize, usize)>, space: bool) {
        let at = self.text.len();
        self.text.push(c);
        let Some((s, e)) = from else {
            self.close();
            return;
        };
        if let Some((_, tend, _, end)) = &mut self.open
            && *end <= s
            && gap_ok(&src.as_bytes()[*end..s], space)
        {
            *end = e;
            *tend = at + c.len_utf8();
            return;
        }
        self.close();
        self.open = Some((at, at + c.len_utf8(), s, e));
    }

    /// A `<br>`: a line break in the text, never inside a span.
    pub(crate) fn line_break(&mut self) {
        self.close();
        self.pending_space = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// A separator between table cells.
    pub(crate) fn tab(&mut self) {
        self.close();
        self.pending_space = false;
        if !self.text.is_empty() && !self.text.ends_with('\t') {
            self.text.push('\t');
        }
    }

    fn close(&mut self) {
        if let Some((t0, t1, s, e)) = self.open.take() {
            self.sources.push(SourceSpan {
                source: Span::new(s, e),
                text: Span::new(t0, t1),
            });
        }
    }

    /// Ends the block, trimming trailing line breaks and tabs, and returns
    /// its text and spans; the builder is left empty for the next block.
    pub(crate) fn finish(&mut self) -> (String, Vec<SourceSpan>, usize) {
        self.close();
        self.pending_space = false;
        let keep = self.text.trim_end_matches(['\n', '\t', ' ']).len();
        self.text.truncate(keep);
        let link = self.link_bytes.min(self.text.len());
        self.link_bytes = 0;
        // The builder's buffers stay for the next block; the block gets
        // copies of exactly their length (one allocation each, where
        // growing them char by char reallocated them again and again).
        let text = self.text.as_str().to_owned();
        let sources = self.sources.as_slice().to_vec();
        self.text.clear();
        self.sources.clear();
        (text, sources, link)
    }

    /// [`finish`](SpanBuilder::finish), but `None` (and no copies made) for
    /// a block that is blank by Unicode's measure.
    pub(crate) fn finish_unless_blank(&mut self) -> Option<(String, Vec<SourceSpan>, usize)> {
        if self.text.trim().is_empty() {
            self.close();
            self.pending_space = false;
            self.link_bytes = 0;
            self.text.clear();
            self.sources.clear();
            return None;
        }
        Some(self.finish())
    }
}

/// Whether a span may grow over `gap` (the source bytes between two mapped
/// characters): only over nothing (no space was emitted) or over plain
/// whitespace that collapsed into the one space emitted.
#[inline]
fn gap_ok(gap: &[u8], space: bool) -> bool {
    if gap.is_empty() {
        return !space;
    }
    space && gap.iter().all(|&b| is_ws(b))
}

/// Decodes a raw attribute value or JSON string content `range` of `src`
/// into text with whitespace collapsed and its spans, like [`SpanBuilder`]
/// does for DOM text. A `&` that attribute rules leave literal (but data
/// rules would decode) is kept in the text outside any span.
pub(crate) fn decode_range(src: &str, range: Span, b: &mut SpanBuilder) {
    let s = src.as_bytes();
    let mut i = range.start;
    while i < range.end {
        let c = s[i];
        if is_ws(c) {
            if !b.text.is_empty() {
                b.pending_space = true;
            }
            i += 1;
            continue;
        }
        let space = std::mem::take(&mut b.pending_space);
        if space {
            b.text.push(' ');
        }
        if c == b'&' {
            let attr = char_ref(s, i, true);
            let data = char_ref(s, i, false);
            match (attr, data) {
                (Some(d), Some(d2)) if d.len == d2.len && i + d.len <= range.end => {
                    b.push_char(src, d.c, Some((i, i + d.len)), space);
                    if let Some(c2) = d.c2 {
                        b.push_char(src, c2, Some((i + d.len, i + d.len)), false);
                    }
                    i += d.len;
                    continue;
                }
                (None, None) => {}
                _ => {
                    b.push_char(src, '&', None, space);
                    i += 1;
                    continue;
                }
            }
        }
        let ch = src[i..].chars().next().unwrap_or('\u{fffd}');
        let len = ch.len_utf8();
        b.push_char(src, ch, Some((i, i + len)), space);
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Mapper, scan};
    use super::*;

    #[test]
    fn builder_spans() {
        let src = "Fish &amp; <b>chips</b> are   served.";
        let scan = scan(src);
        let mut m = Mapper::new(src, scan.runs);
        let mut b = SpanBuilder::default();
        let mut pieces = Vec::new();
        for dom in ["Fish & ", "chips", " are   served."] {
            assert!(m.map(dom, &mut pieces));
            b.push(src, dom, &pieces, false, false);
        }
        let (text, spans, _) = b.finish();
        assert_eq!(text, "Fish & chips are served.");
        let got: Vec<(&str, &str)> = spans
            .iter()
            .map(|s| (&src[s.source], &text.as_str()[s.text]))
            .collect();
        assert_eq!(
            got,
            [
                ("Fish &amp;", "Fish &"),
                ("chips", "chips"),
                ("are   served.", "are served.")
            ]
        );
    }
}
