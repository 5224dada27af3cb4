//! Matching the DOM's text nodes, in tree order, to the source's text runs.

use memchr::memchr;

use super::entity::decode_at;
use crate::html::lexer::is_space as is_ws;
use crate::textutil::{LOW_BITS, zero_bytes};

/// A mapped stretch of one DOM text node: `dom` (offsets into the node's
/// text) came from `src`. A literal piece has identical bytes on both sides;
/// otherwise it is one character reference or CR LF.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Piece {
    pub(crate) dom: (u32, u32),
    pub(crate) src: (u32, u32),
    pub(crate) literal: bool,
}

/// Walks the source's text runs in step with the DOM's text nodes.
pub(crate) struct Mapper<'s> {
    src: &'s str,
    runs: Vec<(u32, u32)>,
    run: usize,
    pos: usize,
}

/// How many runs ahead the mapper looks for a node that does not match at
/// the cursor. Foster parenting moves stray table text before the table, a
/// few dozen runs at most on real pages; a short node ("Home", "1") could
/// match anywhere, so it gets a much smaller window.
const SEARCH_RUNS_LONG: usize = 400;
const SEARCH_RUNS_SHORT: usize = 12;
const SHORT_NODE: usize = 16;

impl<'s> Mapper<'s> {
    pub(crate) fn new(src: &'s str, runs: Vec<(u32, u32)>) -> Mapper<'s> {
        let pos = runs.first().map_or(src.len(), |r| r.0 as usize);
        Mapper {
            src,
            runs,
            run: 0,
            pos,
        }
    }

    /// Maps DOM text `dom`, appending pieces to `out` (cleared first).
    /// Leading and trailing whitespace is never mapped: it never ends up in
    /// a span. Returns whether the node was found.
    pub(crate) fn map(&mut self, dom: &str, out: &mut Vec<Piece>) -> bool {
        out.clear();
        let d = dom.as_bytes();
        let lead = d.iter().take_while(|&&b| is_ws(b)).count();
        if lead == d.len() {
            return true;
        }
        let trail = d.len() - d.iter().rev().take_while(|&&b| is_ws(b)).count();
        if let Some((r, p)) = self.attempt(dom, lead, trail, self.run, self.pos, out) {
            self.run = r;
            self.pos = p;
            return true;
        }
        out.clear();
        // Search ahead for the node's first character.
        let first = d[lead];
        let window = if trail - lead >= SHORT_NODE {
            SEARCH_RUNS_LONG
        } else {
            SEARCH_RUNS_SHORT
        };
        let s = self.src.as_bytes();
        let mut counted = 0;
        for r in self.run..self.runs.len() {
            let (a, b) = self.runs[r];
            // Runs of nothing but whitespace (between the elements of an
            // inline SVG sprite, a thousand of them on one page) can hold
            // no node's first character, so they do not use up the window.
            if s[a as usize..b as usize].iter().all(|&c| is_ws(c)) {
                continue;
            }
            if counted == window {
                break;
            }
            counted += 1;
            let mut from = if r == self.run { self.pos } else { a as usize };
            while let Some(off) = memchr(first, &s[from..b as usize]) {
                let at = from + off;
                if let Some((r2, p2)) = self.attempt(dom, lead, trail, r, at, out) {
                    self.run = r2;
                    self.pos = p2;
                    return true;
                }
                out.clear();
                from = at + 1;
            }
        }
        false
    }

    /// Tries to match `dom[lead..trail]` starting at run `r`, byte `p`,
    /// skipping source whitespace and markup before the first character.
    fn attempt(
        &self,
        dom: &str,
        lead: usize,
        trail: usize,
        mut r: usize,
        mut p: usize,
        out: &mut Vec<Piece>,
    ) -> Option<(usize, usize)> {
        let s = self.src.as_bytes();
        // Skip leading source whitespace, across markup.
        loop {
            if r >= self.runs.len() {
                return None;
            }
            let end = self.runs[r].1 as usize;
            if p >= end {
                r += 1;
                p = self.runs.get(r)?.0 as usize;
                continue;
            }
            match s[p..end].iter().position(|&c| !is_ws(c)) {
                Some(o) => {
                    p += o;
                    break;
                }
                None => p = end,
            }
        }
        let d = dom.as_bytes();
        let mut i = lead;
        while i < trail {
            if p >= self.runs[r].1 as usize {
                r += 1;
                p = self.runs.get(r)?.0 as usize;
                continue;
            }
            // Fast path: a stretch of bytes equal on both sides, with no
            // character reference, CR or NUL in it, is one literal piece,
            // as the character-by-character loop below would build it.
            let n = literal_run(&d[i..trail], &s[p..self.runs[r].1 as usize]);
            if n > 0 {
                match out.last_mut() {
                    Some(last)
                        if last.literal && last.dom.1 as usize == i && last.src.1 as usize == p =>
                    {
                        last.dom.1 = (i + n) as u32;
                        last.src.1 = (p + n) as u32;
                    }
                    _ => out.push(Piece {
                        dom: (i as u32, (i + n) as u32),
                        src: (p as u32, (p + n) as u32),
                        literal: true,
                    }),
                }
                i += n;
                p += n;
                continue;
            }
            let dc = dom[i..].chars().next()?;
            if s[p] == 0 && dc != '\0' {
                // html5ever drops U+0000 from body text (a parse error it
                // ignores) and replaces it elsewhere: a dropped NUL stays
                // outside every piece, a replaced one maps to its byte.
                // Without this the node did not match here and was matched
                // to a later copy of its text, inside <title> on the fuzz
                // input that found it.
                if dc == char::REPLACEMENT_CHARACTER {
                    out.push(Piece {
                        dom: (i as u32, (i + dc.len_utf8()) as u32),
                        src: (p as u32, p as u32 + 1),
                        literal: false,
                    });
                    i += dc.len_utf8();
                }
                p += 1;
                continue;
            }
            let dec = decode_at(self.src, p, false);
            let literal = s[p] != b'&' && s[p] != b'\r';
            if dc != dec.c {
                return None;
            }
            let mut dend = i + dc.len_utf8();
            if let Some(c2) = dec.c2 {
                let dc2 = dom[dend..].chars().next()?;
                if dc2 != c2 {
                    return None;
                }
                dend += dc2.len_utf8();
            }
            let piece = Piece {
                dom: (i as u32, dend as u32),
                src: (p as u32, (p + dec.len) as u32),
                literal,
            };
            match out.last_mut() {
                Some(last)
                    if literal
                        && last.literal
                        && last.dom.1 == piece.dom.0
                        && last.src.1 == piece.src.0 =>
                {
                    last.dom.1 = piece.dom.1;
                    last.src.1 = piece.src.1;
                }
                _ => out.push(piece),
            }
            i = dend;
            p += dec.len;
        }
        let _ = d;
        Some((r, p))
    }
}

/// How many leading bytes `dom` and `src` share, up to the first `&`, CR or
/// NUL of `src` and cut back to a character boundary (the slower loop of
/// [`Mapper::attempt`] handles those and any character that differs).
#[inline]
fn literal_run(dom: &[u8], src: &[u8]) -> usize {
    let mut n = 0;
    let limit = dom.len().min(src.len());
    // Eight bytes at a time while they are equal and none is `&`, CR or
    // NUL; the byte loop below finishes.
    let has_zero = |x: u64| zero_bytes(x) != 0;
    while n + 8 <= limit {
        let a = u64::from_le_bytes(src[n..n + 8].try_into().expect("eight bytes"));
        let b = u64::from_le_bytes(dom[n..n + 8].try_into().expect("eight bytes"));
        if a != b
            || has_zero(a)
            || has_zero(a ^ (LOW_BITS * u64::from(b'&')))
            || has_zero(a ^ (LOW_BITS * u64::from(b'\r')))
        {
            break;
        }
        n += 8;
    }
    while n < limit {
        let b = src[n];
        if b != dom[n] || b == b'&' || b == b'\r' || b == 0 {
            break;
        }
        n += 1;
    }
    // Back to the start of a character: bytes that continue one are
    // 0b10xx_xxxx, and the two sides agree up to `n`.
    while n > 0 && n < dom.len() && (dom[n] & 0xc0) == 0x80 {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::literal_run;

    /// The byte-at-a-time reading of [`literal_run`], for comparison.
    fn slow(dom: &[u8], src: &[u8]) -> usize {
        let mut n = 0;
        while n < dom.len().min(src.len()) {
            let b = src[n];
            if b != dom[n] || b == b'&' || b == b'\r' || b == 0 {
                break;
            }
            n += 1;
        }
        while n > 0 && n < dom.len() && (dom[n] & 0xc0) == 0x80 {
            n -= 1;
        }
        n
    }

    #[test]
    fn words_at_a_time_read_as_bytes_do() {
        let base = "abcdefghijklmnopqrstuvwxyz0123456789 é ü the end";
        for cut in (0..=base.len()).filter(|&c| base.is_char_boundary(c)) {
            for stop in ["&", "\r", "\0", "X", "é"] {
                let src = format!("{}{stop}{}", &base[..cut], "tail text here");
                for dom in [src.clone(), base.to_string(), format!("{}Y", &src[..cut])] {
                    let (d, s) = (dom.as_bytes(), src.as_bytes());
                    assert_eq!(literal_run(d, s), slow(d, s), "{dom:?} {src:?}");
                }
            }
        }
    }
}
