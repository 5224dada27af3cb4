//! The one HTML lexer: where the tokenizer of the HTML standard puts tags,
//! comments and text, as byte offsets into the source.
//!
//! It follows the tokenizer's states that decide where markup begins and
//! ends (data, tag open, the attribute states with their quoted values,
//! comments with their `<!-->` and `--!>` rules, bogus comments, doctypes,
//! CDATA sections) and reports each token with its offsets; it decodes
//! nothing and allocates nothing. Which element's content is raw text is
//! for the tree builder to say, not the tokenizer, so the caller says it:
//! after a start tag, [`Lexer::raw_text`] skips the content of a raw-text
//! or RCDATA element up to its end tag, and [`Lexer::rest`] takes the rest
//! of the input after `<plaintext>`. Likewise [`Lexer::set_cdata`] says
//! whether `<![CDATA[` opens a CDATA section (in foreign content) or a bogus
//! comment.
//!
//! It works on bytes, so it serves an undecoded page too; with
//! [`Lexer::prescan`] its comments end as the encoding prescan's do.

use memchr::memmem::Finder;
use once_cell::sync::Lazy;

use crate::vocab::Span;

/// The searchers for the few needles the lexer looks for, built once:
/// `memmem::find` builds one per call, which costs more than the search on
/// the short stretches between markup.
static END_TAG_OPEN: Lazy<Finder<'static>> = Lazy::new(|| Finder::new(b"</"));
static COMMENT_END: Lazy<Finder<'static>> = Lazy::new(|| Finder::new(b"-->"));
static COMMENT_END_BANG: Lazy<Finder<'static>> = Lazy::new(|| Finder::new(b"--!>"));
static CDATA_END: Lazy<Finder<'static>> = Lazy::new(|| Finder::new(b"]]>"));

/// One token, with its byte offsets into the source.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Token {
    /// Character data, character references not yet decoded. A `<` that
    /// starts no markup is part of it.
    Text(Span),
    /// A start tag.
    StartTag(Tag),
    /// An end tag (attributes are a parse error, but lexed).
    EndTag(Tag),
    /// A comment from `<` to past its end, or to the end of the input: a
    /// `<!--` comment, or a bogus comment (`<?…>`, `<!x…>`, `</ 3>`).
    Comment(Span),
    /// A doctype, `<!DOCTYPE` to past `>` or to the end of the input.
    Doctype(Span),
    /// A CDATA section (only after [`Lexer::set_cdata`]), `<![CDATA[` to past
    /// `]]>` or to the end of the input.
    Cdata(Span),
    /// `</>`, which the tokenizer drops without a trace.
    Nothing(Span),
    /// A tag cut off by the end of the input, from its `<`: the tokenizer
    /// drops it, and the input ends.
    EofInTag(usize),
}

/// A start or end tag.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Tag {
    /// The whole tag, `<` to past `>`.
    pub(crate) span: Span,
    /// The name, as written.
    pub(crate) name: Span,
    /// Whether it ends in `/>` (outside an unquoted value).
    pub(crate) self_closing: bool,
    /// How many attributes it has as written, duplicates included.
    pub(crate) attributes: usize,
}

impl Tag {
    /// Calls `each` on the tag's attributes, as written, in order.
    pub(crate) fn each_attribute(&self, src: &[u8], each: impl FnMut(Attribute)) {
        // The tag was lexed whole, so its attributes end inside it.
        let _ = attributes(&src[..self.span.end], self.name.end, each);
    }
}

/// One attribute: its name and its value as written (inside the quotes for
/// a quoted value; `None` when there is no `=`).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Attribute {
    pub(crate) name: Span,
    pub(crate) value: Option<Span>,
}

/// Whether `b`, after a tag name, ends it where the tokenizer asks for
/// the appropriate end tag of raw text: whitespace, `/` or `>`.
fn ends_tag_name(b: u8) -> bool {
    is_space(b) || matches!(b, b'/' | b'>')
}

/// Whether the `<` at `lt` opens the end tag of the raw-text element
/// `name` (the tokenizer's "appropriate end tag"): `</`, the name in any
/// ASCII case, then [`ends_tag_name`]. At the very end of the input it is
/// still content.
fn opens_end_tag(s: &[u8], lt: usize, name: &[u8]) -> bool {
    let m = lt + 2 + name.len();
    s.len() > m
        && s[lt + 1] == b'/'
        && s[lt + 2..m].eq_ignore_ascii_case(name)
        && ends_tag_name(s[m])
}

/// Whitespace as the tokenizer sees it.
#[inline]
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Whether `b` is all whitespace ([`is_space`]): eight bytes at once where
/// they are all spaces or all tabs (indentation), else byte by byte.
pub(crate) fn all_space(b: &[u8]) -> bool {
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    const TABS: u64 = u64::from_ne_bytes([b'\t'; 8]);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_ne_bytes(c.try_into().expect("eight bytes"));
        if w != SPACES && w != TABS && !c.iter().all(|&x| is_space(x)) {
            return false;
        }
    }
    chunks.remainder().iter().all(|&x| is_space(x))
}

/// The bytes that end a run inside a tag, one bit a kind, looked up once a
/// byte (the loops over names and values are most of the lexer's work).
const SPACE: u8 = 1;
const SLASH: u8 = 1 << 1;
const GT: u8 = 1 << 2;
const EQ: u8 = 1 << 3;
static KIND: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[0x0c] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[b' ' as usize] = SPACE;
    t[b'/' as usize] = SLASH;
    t[b'>' as usize] = GT;
    t[b'=' as usize] = EQ;
    t
};

/// Whether byte `c` is of one of the `kinds`.
#[inline]
fn is(c: u8, kinds: u8) -> bool {
    KIND[usize::from(c)] & kinds != 0
}

/// A pull lexer over one document.
#[derive(Clone, Debug)]
pub(crate) struct Lexer<'s> {
    src: &'s [u8],
    pos: usize,
    cdata: bool,
    prescan: bool,
    /// The attributes of the tag lexed last ([`Lexer::take_attributes`]).
    attrs: Vec<Attribute>,
}

impl<'s> Lexer<'s> {
    /// A lexer at the start of `src`, with the tokenizer's rules.
    pub(crate) fn new(src: &'s [u8]) -> Lexer<'s> {
        Lexer {
            src,
            pos: 0,
            cdata: false,
            prescan: false,
            attrs: Vec::new(),
        }
    }

    /// Takes out the attributes of the start or end tag returned last, as
    /// written, in order (what [`Tag::each_attribute`] would call its
    /// closure on), so that the caller need not lex them again and can read
    /// them while it drives the lexer on; [`Lexer::restore_attributes`]
    /// gives the buffer back.
    pub(crate) fn take_attributes(&mut self) -> Vec<Attribute> {
        std::mem::take(&mut self.attrs)
    }

    /// Gives back the buffer [`Lexer::take_attributes`] took.
    pub(crate) fn restore_attributes(&mut self, attrs: Vec<Attribute>) {
        self.attrs = attrs;
    }

    /// A lexer with the rules of the standard's encoding prescan, which
    /// differ in one place: a comment ends only at `-->`, never at `--!>`.
    /// (The prescan also reads no raw text: its caller simply never calls
    /// [`Lexer::raw_text`].)
    pub(crate) fn prescan(src: &'s [u8]) -> Lexer<'s> {
        Lexer {
            prescan: true,
            ..Lexer::new(src)
        }
    }

    /// Whether `<![CDATA[` opens a CDATA section: in foreign content
    /// (inside `<svg>` or `<math>`) it does, elsewhere it is a bogus comment.
    pub(crate) fn set_cdata(&mut self, on: bool) {
        self.cdata = on;
    }

    /// Skips the content of a raw-text or RCDATA element named `name`
    /// (called just after its start tag) and returns it: everything up to
    /// the first `</name` followed by whitespace, `/` or `>`, in any ASCII
    /// case, or to the end of the input. The end tag is the next token.
    pub(crate) fn raw_text(&mut self, name: &[u8]) -> Span {
        let s = self.src;
        let from = self.pos;
        let mut i = from;
        let finder = &*END_TAG_OPEN;
        while let Some(o) = finder.find(&s[i..]) {
            let lt = i + o;
            if opens_end_tag(s, lt, name) {
                self.pos = lt;
                return Span::new(from, lt);
            }
            i = lt + 2;
        }
        self.pos = s.len();
        Span::new(from, s.len())
    }

    /// Skips the content of a `<script>` (called just after its start tag)
    /// as the tokenizer's script data states read it, and returns it: unlike
    /// [`Lexer::raw_text`], a `<!--` enters the escaped states, and there a
    /// nested `<script` followed by whitespace, `/` or `>` the double-escaped
    /// ones, where `</script>` does not end the script. The end tag (or the
    /// end of the input) is next.
    pub(crate) fn script_data(&mut self) -> Span {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum State {
            Data,
            Escaped,
            Double,
        }
        let s = self.src;
        let from = self.pos;
        let n = s.len();
        let end_tag = |i: usize| opens_end_tag(s, i, b"script");
        // The letters from `i` on, and whether they spell `script` and are
        // followed by whitespace, `/` or `>` (the double escape's test).
        let script_word = |i: usize| {
            let j = s[i..]
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .map_or(n, |o| i + o);
            let hit = j < n && ends_tag_name(s[j]) && s[i..j].eq_ignore_ascii_case(b"script");
            (j, hit)
        };
        let mut state = State::Data;
        // Dashes just seen in the escaped states (two or more: `-->` ends).
        let mut dashes = 0u8;
        let mut i = from;
        while i < n {
            let c = s[i];
            match state {
                State::Data => {
                    if c == b'<' {
                        if end_tag(i) {
                            self.pos = i;
                            return Span::new(from, i);
                        }
                        if s[i + 1..].starts_with(b"!--") {
                            state = State::Escaped;
                            dashes = 2;
                            i += 4;
                            continue;
                        }
                    }
                    i += 1;
                }
                State::Escaped | State::Double => match c {
                    b'-' => {
                        dashes = dashes.saturating_add(1);
                        i += 1;
                    }
                    b'>' if dashes >= 2 => {
                        state = State::Data;
                        dashes = 0;
                        i += 1;
                    }
                    b'<' => {
                        dashes = 0;
                        match (state, s.get(i + 1)) {
                            (State::Escaped, Some(b'/')) => {
                                if end_tag(i) {
                                    self.pos = i;
                                    return Span::new(from, i);
                                }
                                i += 2;
                            }
                            (State::Escaped, Some(a)) if a.is_ascii_alphabetic() => {
                                let (j, hit) = script_word(i + 1);
                                if hit {
                                    state = State::Double;
                                    i = j + 1;
                                } else {
                                    i = j;
                                }
                            }
                            (State::Double, Some(b'/')) => {
                                let (j, hit) = script_word(i + 2);
                                if hit {
                                    state = State::Escaped;
                                    i = j + 1;
                                } else {
                                    i = j;
                                }
                            }
                            _ => i += 1,
                        }
                    }
                    _ => {
                        dashes = 0;
                        i += 1;
                    }
                },
            }
        }
        self.pos = n;
        Span::new(from, n)
    }

    /// Steps over `bytes` if the input goes on with them here, and says
    /// whether it did.
    pub(crate) fn skip(&mut self, bytes: &[u8]) -> bool {
        let on = self.src[self.pos..].starts_with(bytes);
        if on {
            self.pos += bytes.len();
        }
        on
    }

    /// Takes the rest of the input as text (after `<plaintext>`).
    pub(crate) fn rest(&mut self) -> Span {
        let from = self.pos;
        self.pos = self.src.len();
        Span::new(from, self.src.len())
    }

    /// Whether the `<` at `lt` starts markup rather than text.
    fn markup_at(&self, lt: usize) -> bool {
        match self.src.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => true,
            Some(b'!' | b'?') => true,
            Some(b'/') => lt + 2 < self.src.len(),
            _ => false,
        }
    }

    /// The markup token at `lt`, which [`Lexer::markup_at`] accepted.
    fn markup(&mut self, lt: usize) -> Token {
        let s = self.src;
        let to_gt =
            |from: usize| memchr::memchr(b'>', &s[from..]).map_or(s.len(), |o| from + o + 1);
        let (token, end) = match s[lt + 1] {
            b'!' => {
                let rest = &s[lt + 2..];
                if rest.starts_with(b"--") {
                    let end = self.comment_end(lt + 4);
                    (Token::Comment(Span::new(lt, end)), end)
                } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
                    let end = to_gt(lt + 9);
                    (Token::Doctype(Span::new(lt, end)), end)
                } else if self.cdata && rest.starts_with(b"[CDATA[") {
                    let end = CDATA_END
                        .find(&s[lt + 9..])
                        .map_or(s.len(), |o| lt + 9 + o + 3);
                    (Token::Cdata(Span::new(lt, end)), end)
                } else {
                    let end = to_gt(lt + 2);
                    (Token::Comment(Span::new(lt, end)), end)
                }
            }
            b'?' => {
                let end = to_gt(lt + 2);
                (Token::Comment(Span::new(lt, end)), end)
            }
            b'/' => match s[lt + 2] {
                c if c.is_ascii_alphabetic() => match self.tag(lt, lt + 2) {
                    Some(tag) => (Token::EndTag(tag), tag.span.end),
                    None => (Token::EofInTag(lt), s.len()),
                },
                b'>' => (Token::Nothing(Span::new(lt, lt + 3)), lt + 3),
                _ => {
                    let end = to_gt(lt + 2);
                    (Token::Comment(Span::new(lt, end)), end)
                }
            },
            _ => match self.tag(lt, lt + 1) {
                Some(tag) => (Token::StartTag(tag), tag.span.end),
                None => (Token::EofInTag(lt), s.len()),
            },
        };
        self.pos = end;
        token
    }

    /// Past the end of a `<!--` comment whose body starts at `body`: its
    /// first `-->` or `--!>` (only `-->` for the prescan), `<!-->` and
    /// `<!--->` included; or the end of the input.
    fn comment_end(&self, body: usize) -> usize {
        let s = self.src;
        let r = &s[body..];
        if r.starts_with(b">") {
            return body + 1;
        }
        if r.starts_with(b"->") {
            return body + 2;
        }
        let a = COMMENT_END.find(r).map(|o| body + o + 3);
        if self.prescan {
            return a.unwrap_or(s.len());
        }
        // Only search for "--!>" up to the "-->" found.
        let upto = a.unwrap_or(s.len());
        let z = COMMENT_END_BANG.find(&s[body..upto]).map(|o| body + o + 4);
        z.or(a).unwrap_or(s.len())
    }

    /// The tag at `lt` whose name starts at `name_start`, or `None` when the
    /// input ends inside it.
    fn tag(&mut self, lt: usize, name_start: usize) -> Option<Tag> {
        let s = self.src;
        let name_end = s[name_start..]
            .iter()
            .position(|&c| is(c, SPACE | SLASH | GT))
            .map_or(s.len(), |o| name_start + o);
        let attrs = &mut self.attrs;
        attrs.clear();
        let (end, self_closing, attributes) = attributes(s, name_end, |a| attrs.push(a))?;
        Some(Tag {
            span: Span::new(lt, end),
            name: Span::new(name_start, name_end),
            self_closing,
            attributes,
        })
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let s = self.src;
        let start = self.pos;
        if start >= s.len() {
            return None;
        }
        if s[start] == b'<' && self.markup_at(start) {
            // The common case after a token: markup right here.
            return Some(self.markup(start));
        }
        let mut i = start;
        loop {
            let Some(o) = memchr::memchr(b'<', &s[i..]) else {
                self.pos = s.len();
                return Some(Token::Text(Span::new(start, s.len())));
            };
            let lt = i + o;
            if self.markup_at(lt) {
                if lt > start {
                    self.pos = lt;
                    return Some(Token::Text(Span::new(start, lt)));
                }
                return Some(self.markup(lt));
            }
            i = lt + 1;
        }
    }
}

/// The tokenizer's attribute states from `from` (just after a tag's name)
/// to past the `>` that ends the tag. Calls `each` on every attribute and
/// returns the offset past `>`, whether the tag was self-closing and how
/// many attributes it had; `None` when the input ends inside the tag.
///
/// The states are written as loops, one per run of bytes a state keeps
/// (names, whitespace, unquoted values; quoted values in one `memchr`),
/// because tags are most of a page's bytes.
#[inline]
pub(crate) fn attributes(
    s: &[u8],
    from: usize,
    mut each: impl FnMut(Attribute),
) -> Option<(usize, bool, usize)> {
    let mut i = from;
    let mut count = 0;
    let mut emit = |name: Span, value: Option<Span>| {
        count += 1;
        each(Attribute { name, value });
    };
    loop {
        // Before attribute name: whitespace and `/` are skipped; a `/`
        // right before `>` is the self-closing flag.
        let mut slash = false;
        let c = loop {
            let c = *s.get(i)?;
            if !is(c, SPACE | SLASH) {
                break c;
            }
            slash = c == b'/';
            i += 1;
        };
        if c == b'>' {
            return Some((i + 1, slash, count));
        }
        // Attribute name: its first byte may be anything, `=` included.
        let start = i;
        i += 1;
        while let Some(&c) = s.get(i) {
            if is(c, SPACE | SLASH | GT | EQ) {
                break;
            }
            i += 1;
        }
        let name = Span::new(start, i);
        // After attribute name.
        while s.get(i).is_some_and(|&c| is(c, SPACE)) {
            i += 1;
        }
        if *s.get(i)? != b'=' {
            // `/`, `>` or the next name: the loop's top reads it.
            emit(name, None);
            continue;
        }
        // Before attribute value.
        i += 1;
        while s.get(i).is_some_and(|&c| is(c, SPACE)) {
            i += 1;
        }
        match *s.get(i)? {
            q @ (b'"' | b'\'') => {
                let close = i + 1 + memchr::memchr(q, &s[i + 1..])?;
                emit(name, Some(Span::new(i + 1, close)));
                i = close + 1;
            }
            b'>' => {
                emit(name, Some(Span::new(i, i)));
                return Some((i + 1, false, count));
            }
            _ => {
                let start = i;
                while let Some(&c) = s.get(i) {
                    if is(c, SPACE | GT) {
                        break;
                    }
                    i += 1;
                }
                emit(name, Some(Span::new(start, i)));
                if *s.get(i)? == b'>' {
                    // A `/` at the end of an unquoted value is the value's.
                    return Some((i + 1, false, count));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `src`, each as its kind and its text.
    fn lex(src: &str) -> Vec<String> {
        let b = src.as_bytes();
        Lexer::new(b)
            .map(|t| match t {
                Token::Text(sp) => format!("text {}", &src[sp]),
                Token::StartTag(t) => format!(
                    "start {} {}{}",
                    &src[t.name],
                    t.attributes,
                    if t.self_closing { " /" } else { "" }
                ),
                Token::EndTag(t) => format!("end {}", &src[t.name]),
                Token::Comment(sp) => format!("comment {}", &src[sp]),
                Token::Doctype(sp) => format!("doctype {}", &src[sp]),
                Token::Cdata(sp) => format!("cdata {}", &src[sp]),
                Token::Nothing(sp) => format!("nothing {}", &src[sp]),
                Token::EofInTag(at) => format!("eof-in-tag {at}"),
            })
            .collect()
    }

    #[test]
    fn tags_text_and_quoted_values() {
        assert_eq!(
            lex("a<p class='x>y' id=z>b</p >c<br/>"),
            [
                "text a",
                "start p 2",
                "text b",
                "end p",
                "text c",
                "start br 0 /"
            ]
        );
        assert_eq!(lex("<a href=x/>"), ["start a 1"]);
        assert_eq!(lex("<a b=\"1\"/>"), ["start a 1 /"]);
        assert_eq!(lex("<a / >"), ["start a 0"]);
        assert_eq!(lex("<a =b c d=>"), ["start a 3"]);
        assert_eq!(lex("<div.x>"), ["start div.x 0"]);
    }

    #[test]
    fn all_space_reads_every_byte() {
        for s in [
            "",
            " ",
            "\n        ",
            "\t\t\t\t\t\t\t\t\t",
            "                x",
            "        \u{b}",
        ] {
            assert_eq!(all_space(s.as_bytes()), s.bytes().all(is_space), "{s:?}");
        }
        let mut long = " ".repeat(40);
        assert!(all_space(long.as_bytes()));
        long.replace_range(17..18, "a");
        assert!(!all_space(long.as_bytes()));
    }

    #[test]
    fn what_is_not_markup_is_text() {
        assert_eq!(lex("a < b <3 </"), ["text a < b <3 </"]);
        assert_eq!(lex("x<"), ["text x<"]);
    }

    #[test]
    fn comments_end_as_the_tokenizer_ends_them() {
        assert_eq!(lex("<!-->a"), ["comment <!-->", "text a"]);
        assert_eq!(lex("<!--->a"), ["comment <!--->", "text a"]);
        assert_eq!(lex("<!-- x --!>a"), ["comment <!-- x --!>", "text a"]);
        assert_eq!(lex("<!-- x --->a"), ["comment <!-- x --->", "text a"]);
        assert_eq!(
            lex("<!-- <!-- x -->a"),
            ["comment <!-- <!-- x -->", "text a"]
        );
        assert_eq!(lex("<!-- open"), ["comment <!-- open"]);
        assert_eq!(lex("<?php x ?>a"), ["comment <?php x ?>", "text a"]);
        assert_eq!(lex("</ 3>a"), ["comment </ 3>", "text a"]);
        assert_eq!(lex("<!x>a"), ["comment <!x>", "text a"]);
        assert_eq!(lex("</>a"), ["nothing </>", "text a"]);
        assert_eq!(lex("<!DocType html>"), ["doctype <!DocType html>"]);
    }

    #[test]
    fn the_prescan_ends_comments_at_dash_dash_gt_only() {
        let src = b"<!-- x --!> <meta> -->a";
        let t: Vec<Token> = Lexer::prescan(src).collect();
        assert_eq!(t[0], Token::Comment(Span::new(0, 22)));
    }

    #[test]
    fn cdata_only_when_asked() {
        assert_eq!(lex("<![CDATA[a>b]]>"), ["comment <![CDATA[a>", "text b]]>"]);
        let src = "<![CDATA[a>b]]>c";
        let mut lx = Lexer::new(src.as_bytes());
        lx.set_cdata(true);
        assert_eq!(lx.next(), Some(Token::Cdata(Span::new(0, 15))));
    }

    #[test]
    fn a_tag_cut_off_drops_the_rest() {
        assert_eq!(lex("a<p class='x"), ["text a", "eof-in-tag 1"]);
        assert_eq!(lex("</p"), ["eof-in-tag 0"]);
    }

    #[test]
    fn raw_text_runs_to_its_own_end_tag() {
        let src = "<script>a</scriptx>b</script\n>c";
        let mut lx = Lexer::new(src.as_bytes());
        assert!(matches!(lx.next(), Some(Token::StartTag(_))));
        assert_eq!(&src[lx.raw_text(b"script")], "a</scriptx>b");
        assert!(matches!(lx.next(), Some(Token::EndTag(_))));
        assert_eq!(lx.next(), Some(Token::Text(Span::new(30, 31))));
        // At the very end, `</script` is still content.
        let src = "<style>a</style";
        let mut lx = Lexer::new(src.as_bytes());
        lx.next();
        assert_eq!(&src[lx.raw_text(b"STYLE")], "a</style");
        assert_eq!(lx.next(), None);
    }

    #[test]
    fn attributes_are_reported_with_their_values() {
        let src = "<meta name=a content=\"b c\" async x= y/>";
        let Some(Token::StartTag(tag)) = Lexer::new(src.as_bytes()).next() else {
            panic!()
        };
        let mut got = Vec::new();
        tag.each_attribute(src.as_bytes(), |a| {
            got.push((&src[a.name], a.value.map(|v| &src[v])));
        });
        assert_eq!(
            got,
            [
                ("name", Some("a")),
                ("content", Some("b c")),
                ("async", None),
                ("x", Some("y/")),
            ]
        );
        assert_eq!(tag.attributes, 4);
        assert!(!tag.self_closing);
    }

    /// Pieces of markup that start, end or look like tokens.
    const SOUP: &[&str] = &[
        "<",
        ">",
        "/",
        "!",
        "?",
        "-",
        "=",
        "'",
        "\"",
        " ",
        "\n",
        "a",
        "p",
        "<p",
        "</p",
        "<!--",
        "-->",
        "--!>",
        "<!",
        "<?",
        "</",
        "<![CDATA[",
        "]]>",
        "<!doctype",
        "<script>",
        "</script",
        "x=",
        "é",
        "\0",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The tokens tile the input: each starts where the last ended, and
        /// together they cover it to the end, whatever the caller does
        /// about raw text and CDATA.
        #[test]
        fn tokens_tile_the_input(
            pieces in proptest::collection::vec(proptest::sample::select(SOUP), 0..40),
            raw in proptest::prelude::any::<bool>(),
            cdata in proptest::prelude::any::<bool>(),
        ) {
            let src = pieces.concat();
            let s = src.as_bytes();
            let mut lexer = Lexer::new(s);
            lexer.set_cdata(cdata);
            let mut at = 0;
            while let Some(token) = lexer.next() {
                let span = match token {
                    Token::Text(sp) | Token::Comment(sp) | Token::Doctype(sp)
                    | Token::Cdata(sp) | Token::Nothing(sp) => sp,
                    Token::StartTag(t) | Token::EndTag(t) => {
                        assert!(t.name.start > t.span.start && t.name.end <= t.span.end);
                        assert_eq!(s[t.span.end - 1], b'>');
                        t.span
                    }
                    Token::EofInTag(lt) => Span::new(lt, s.len()),
                };
                assert_eq!(span.start, at, "{src:?}");
                assert!(span.end > span.start, "{src:?}");
                at = span.end;
                if let (true, Token::StartTag(t)) = (raw, token) {
                    let content = lexer.raw_text(&s[t.name]);
                    assert_eq!(content.start, at);
                    at = content.end;
                }
            }
            assert_eq!(at, s.len(), "{src:?}");
        }
    }
}
