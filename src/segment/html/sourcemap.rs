//! Provenance for HTML: from DOM text back to source bytes.
//!
//! html5ever records no source positions, so I rebuild them. One pass over
//! the source ([`scan`]) finds the runs of character data the tokenizer will
//! turn into text (outside tags, comments, doctypes and raw-text elements
//! such as `<script>`), and on the way notes the few things the metadata
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
//! [`SpanBuilder`] turns mapped characters into [`SourceSpan`]s while it
//! collapses whitespace, and only lets a span grow over source bytes that
//! are plain whitespace, so the contract on [`SourceSpan`] holds by
//! construction.

use memchr::memchr;

use crate::article::SourceSpan;
use crate::span::Span;

/// What one pass over the source found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Runs of character data, in source order, entities not yet decoded.
    pub(crate) runs: Vec<(u32, u32)>,
    /// The raw content of the first `<title>` element outside SVG/MathML.
    pub(crate) title: Option<Span>,
    /// `<meta>` tags with a `content` attribute.
    pub(crate) metas: Vec<MetaTag>,
    /// Raw content of `<script type="application/ld+json">` elements.
    pub(crate) ldjson: Vec<Span>,
}

/// A `<meta>` tag: what it names (`name`, `property` or `itemprop`, raw)
/// and where its `content` value sits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MetaTag {
    pub(crate) key: Span,
    pub(crate) content: Span,
}

/// Elements whose content the tokenizer reads as raw text (no tags, no
/// character references), with scripting enabled as scraper parses.
const RAWTEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Finds the runs of character data and the metadata tags in one pass.
pub(crate) fn scan(src: &str) -> Scan {
    let s = src.as_bytes();
    let mut out = Scan::default();
    let mut i = 0;
    let mut text_start = 0;
    // Depth of <svg>/<math>: inside foreign content no element is raw text.
    let mut foreign = 0u32;
    let push = |runs: &mut Vec<(u32, u32)>, a: usize, b: usize| {
        if b > a {
            runs.push((a as u32, b as u32));
        }
    };
    while let Some(off) = memchr(b'<', &s[i..]) {
        let lt = i + off;
        let next = s.get(lt + 1).copied().unwrap_or(0);
        if next.is_ascii_alphabetic() {
            let name_end = tag_name_end(s, lt + 1);
            let name = &s[lt + 1..name_end];
            let mut tag = TagInfo::default();
            let want_attrs =
                name.eq_ignore_ascii_case(b"meta") || name.eq_ignore_ascii_case(b"script");
            let Some((end, self_closing)) =
                parse_attrs(s, name_end, want_attrs.then_some(&mut tag))
            else {
                // EOF inside a tag: the tokenizer drops the tag and the rest.
                push(&mut out.runs, text_start, lt);
                text_start = s.len();
                break;
            };
            push(&mut out.runs, text_start, lt);
            i = end;
            text_start = end;
            if name.eq_ignore_ascii_case(b"meta") {
                if let (Some(key), Some(content)) = (tag.key, tag.content) {
                    out.metas.push(MetaTag { key, content });
                }
                continue;
            }
            if name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math") {
                if !self_closing {
                    foreign += 1;
                }
                continue;
            }
            if foreign > 0 {
                continue;
            }
            let lower = |n: &[u8]| name.eq_ignore_ascii_case(n);
            let rcdata = lower(b"title") || lower(b"textarea");
            let raw = RAWTEXT.iter().any(|n| lower(n));
            if lower(b"plaintext") {
                push(&mut out.runs, end, s.len());
                text_start = s.len();
                break;
            }
            if rcdata || raw {
                let close = find_close(s, end, name);
                let content = Span::new(end, close);
                if rcdata {
                    push(&mut out.runs, end, close);
                    if lower(b"title") && out.title.is_none() {
                        out.title = Some(content);
                    }
                } else if lower(b"script") && tag.ldjson {
                    out.ldjson.push(content);
                }
                if close >= s.len() {
                    text_start = s.len();
                    break;
                }
                // Skip the end tag itself.
                let ename_end = tag_name_end(s, close + 2);
                let after = parse_attrs(s, ename_end, None).map_or(s.len(), |(e, _)| e);
                i = after;
                text_start = after;
            }
        } else if next == b'/' {
            let n2 = s.get(lt + 2).copied().unwrap_or(0);
            push(&mut out.runs, text_start, lt);
            if n2.is_ascii_alphabetic() {
                let name_end = tag_name_end(s, lt + 2);
                let name = &s[lt + 2..name_end];
                if (name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math"))
                    && foreign > 0
                {
                    foreign -= 1;
                }
                match parse_attrs(s, name_end, None) {
                    Some((end, _)) => i = end,
                    None => {
                        text_start = s.len();
                        break;
                    }
                }
            } else if n2 == b'>' {
                i = lt + 3;
            } else {
                i = memchr(b'>', &s[lt..]).map_or(s.len(), |o| lt + o + 1);
            }
            text_start = i;
        } else if next == b'!' {
            push(&mut out.runs, text_start, lt);
            i = if s[lt..].starts_with(b"<!--") {
                comment_end(s, lt + 4)
            } else {
                memchr(b'>', &s[lt..]).map_or(s.len(), |o| lt + o + 1)
            };
            text_start = i;
        } else if next == b'?' {
            push(&mut out.runs, text_start, lt);
            i = memchr(b'>', &s[lt..]).map_or(s.len(), |o| lt + o + 1);
            text_start = i;
        } else {
            // A lone '<' is text.
            i = lt + 1;
        }
        if i >= s.len() {
            break;
        }
    }
    push(&mut out.runs, text_start, s.len());
    out
}

#[derive(Default)]
struct TagInfo {
    key: Option<Span>,
    content: Option<Span>,
    ldjson: bool,
}

fn tag_name_end(s: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < s.len() && !is_ws(s[j]) && s[j] != b'/' && s[j] != b'>' {
        j += 1;
    }
    j
}

/// Reads the attributes of a tag from `i` (just after its name) to its
/// closing `>`. Returns the offset after the `>` and whether the tag was
/// self-closing, or `None` at end of input.
fn parse_attrs(s: &[u8], mut i: usize, mut info: Option<&mut TagInfo>) -> Option<(usize, bool)> {
    let mut self_closing = false;
    loop {
        while i < s.len() && (is_ws(s[i]) || s[i] == b'/') {
            self_closing = s[i] == b'/';
            i += 1;
        }
        if i >= s.len() {
            return None;
        }
        if s[i] == b'>' {
            return Some((i + 1, self_closing));
        }
        self_closing = false;
        // Attribute name: the first character may be anything, even '='.
        let name_start = i;
        i += 1;
        while i < s.len() && !is_ws(s[i]) && !matches!(s[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = &s[name_start..i];
        while i < s.len() && is_ws(s[i]) {
            i += 1;
        }
        if i >= s.len() {
            return None;
        }
        if s[i] != b'=' {
            continue;
        }
        i += 1;
        while i < s.len() && is_ws(s[i]) {
            i += 1;
        }
        if i >= s.len() {
            return None;
        }
        let value;
        if s[i] == b'"' || s[i] == b'\'' {
            let q = s[i];
            let end = memchr(q, &s[i + 1..])? + i + 1;
            value = Span::new(i + 1, end);
            i = end + 1;
        } else {
            let start = i;
            while i < s.len() && !is_ws(s[i]) && s[i] != b'>' {
                i += 1;
            }
            value = Span::new(start, i);
        }
        if let Some(info) = info.as_deref_mut() {
            if name.eq_ignore_ascii_case(b"content") {
                info.content.get_or_insert(value);
            } else if name.eq_ignore_ascii_case(b"name")
                || name.eq_ignore_ascii_case(b"property")
                || name.eq_ignore_ascii_case(b"itemprop")
            {
                info.key.get_or_insert(value);
            } else if name.eq_ignore_ascii_case(b"type") {
                let v = &s[value.start..value.end];
                info.ldjson = v.len() >= 7 && v[v.len() - 7..].eq_ignore_ascii_case(b"ld+json");
            }
        }
    }
}

/// Where the raw content of element `name` ends: at the next `</name`
/// followed by whitespace, `/` or `>`, or at end of input.
fn find_close(s: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&s[i..], b"</") {
        let at = i + off;
        let n = at + 2;
        if n + name.len() <= s.len()
            && s[n..n + name.len()].eq_ignore_ascii_case(name)
            && s.get(n + name.len())
                .is_none_or(|&b| is_ws(b) || b == b'/' || b == b'>')
        {
            return at;
        }
        i = at + 2;
    }
    s.len()
}

/// The end of a comment whose body starts at `i` (after `<!--`).
fn comment_end(s: &[u8], i: usize) -> usize {
    if s[i..].starts_with(b">") {
        return i + 1;
    }
    if s[i..].starts_with(b"->") {
        return i + 2;
    }
    let mut j = i;
    while let Some(off) = memchr::memmem::find(&s[j..], b"--") {
        let at = j + off;
        if s[at + 2..].starts_with(b">") {
            return at + 3;
        }
        if s[at + 2..].starts_with(b"!>") {
            return at + 4;
        }
        j = at + 1;
    }
    s.len()
}

/// One decoded source character (or two, for the few entities that expand
/// to two code points) and the bytes it came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Decoded {
    pub(crate) c: char,
    pub(crate) c2: Option<char>,
    pub(crate) len: usize,
}

/// Decodes the character reference at `s[i..]` (where `s[i] == b'&'`) the
/// way the HTML tokenizer does, or `None` when the `&` stands for itself.
/// In attribute values a legacy name without `;` followed by an alphanumeric
/// or `=` is not a reference.
pub(crate) fn char_ref(s: &[u8], i: usize, in_attr: bool) -> Option<Decoded> {
    let b = *s.get(i + 1)?;
    if b == b'#' {
        let (hex, mut j) = match s.get(i + 2) {
            Some(b'x' | b'X') => (true, i + 3),
            _ => (false, i + 2),
        };
        let digits_start = j;
        let mut value: u32 = 0;
        while let Some(&d) = s.get(j) {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' if hex => d - b'a' + 10,
                b'A'..=b'F' if hex => d - b'A' + 10,
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(u32::from(v));
            j += 1;
        }
        if j == digits_start {
            return None;
        }
        if s.get(j) == Some(&b';') {
            j += 1;
        }
        let c = match value {
            0 => '\u{fffd}',
            0x80..=0x9f => web_atoms::C1_REPLACEMENTS[(value - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{fffd}')),
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some(Decoded {
            c,
            c2: None,
            len: j - i,
        });
    }
    if !b.is_ascii_alphanumeric() {
        return None;
    }
    let mut best: Option<(usize, (u32, u32))> = None;
    let mut j = i + 2;
    // The longest entity name is 32 bytes with its ';'.
    while j <= s.len() && j - i <= 34 {
        let key = &s[i + 1..j];
        if !key
            .last()
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b';')
        {
            break;
        }
        // Keys are ASCII here, so this cannot fail.
        let Ok(k) = std::str::from_utf8(key) else {
            break;
        };
        match web_atoms::NAMED_ENTITIES.get(k) {
            None => break,
            Some(&(0, _)) => {}
            Some(&v) => best = Some((j, v)),
        }
        if key.last() == Some(&b';') {
            break;
        }
        j += 1;
    }
    let (end, (c1, c2)) = best?;
    if in_attr
        && s[end - 1] != b';'
        && s.get(end)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'=')
    {
        return None;
    }
    Some(Decoded {
        c: char::from_u32(c1)?,
        c2: if c2 == 0 { None } else { char::from_u32(c2) },
        len: end - i,
    })
}

/// Decodes the source character at `i`, as the tokenizer would in data.
/// CR LF and a lone CR both become LF.
#[inline]
pub(crate) fn decode_at(src: &str, i: usize, in_attr: bool) -> Decoded {
    let s = src.as_bytes();
    let b = s[i];
    if b == b'&' {
        if let Some(d) = char_ref(s, i, in_attr) {
            return d;
        }
    } else if b == b'\r' {
        let len = if s.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        return Decoded {
            c: '\n',
            c2: None,
            len,
        };
    }
    if b < 0x80 {
        return Decoded {
            c: b as char,
            c2: None,
            len: 1,
        };
    }
    let c = src[i..].chars().next().unwrap_or('\u{fffd}');
    Decoded {
        c,
        c2: None,
        len: c.len_utf8(),
    }
}

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
            if p >= self.runs[r].1 as usize {
                r += 1;
                p = self.runs.get(r)?.0 as usize;
                continue;
            }
            if is_ws(s[p]) {
                p += 1;
                continue;
            }
            break;
        }
        let d = dom.as_bytes();
        let mut i = lead;
        while i < trail {
            if p >= self.runs[r].1 as usize {
                r += 1;
                p = self.runs.get(r)?.0 as usize;
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
                let run = d[i..limit]
                    .iter()
                    .position(|&x| is_ws(x))
                    .unwrap_or(limit - i);
                if run > 0
                    && let Some((_, tend, _, end)) = &mut self.open
                {
                    self.text.push_str(&dom[i..i + run]);
                    *tend += run;
                    *end += run;
                    i += run;
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
        (
            std::mem::take(&mut self.text),
            std::mem::take(&mut self.sources),
            link,
        )
    }
}

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
    use super::*;

    #[test]
    fn runs_skip_markup() {
        let src = "<p class='a>b'>one &amp; two</p><!-- c --><script>x<y</script>three";
        let scan = scan(src);
        let runs: Vec<&str> = scan
            .runs
            .iter()
            .map(|&(a, b)| &src[a as usize..b as usize])
            .collect();
        assert_eq!(runs, ["one &amp; two", "three"]);
    }

    #[test]
    fn refs_decode() {
        let d = char_ref(b"&amp;x", 0, false).unwrap();
        assert_eq!((d.c, d.len), ('&', 5));
        let d = char_ref(b"&ampx", 0, false).unwrap();
        assert_eq!((d.c, d.len), ('&', 4));
        assert!(char_ref(b"&ampx", 0, true).is_none());
        let d = char_ref(b"&#x41;", 0, false).unwrap();
        assert_eq!((d.c, d.len), ('A', 6));
        let d = char_ref(b"&#150;", 0, false).unwrap();
        assert_eq!(d.c, '\u{2013}');
        assert!(char_ref(b"&zzz;", 0, false).is_none());
    }

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
