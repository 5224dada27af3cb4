//! A cheaper copy of the page for the parser: `<script>` and `<style>`
//! contents removed.
//!
//! html5ever tokenizes raw text character by character and stores it as a
//! text node that the walk then skips; on news pages script and style
//! contents are often half of all bytes. Provenance comes from a scan of
//! the original source ([`super::sourcemap`]), never from the tree, so the
//! tree only has to be the same apart from those text nodes.
//!
//! The crate's one lexer ([`crate::html::lexer`]) says where tags are. A
//! `<script>` or `<style>` start tag seen in the data state puts the real
//! tokenizer in the script-data or RAWTEXT state, and the content then runs
//! to the first matching end tag; the other raw-text and RCDATA elements are
//! skipped the same way and kept.
//! Wherever the tree builder, not the tokenizer, decides (foreign content,
//! `<select>`, framesets) or the content could end elsewhere (`<!--` with a
//! nested `<script` in a script, `<plaintext>`), the rest of the page is
//! copied unchanged.
//!
//! Where it still changes, the copy also leaves out what neither the walk
//! nor the tree builder reads: comments' text, whitespace-only runs past
//! their first byte, and attributes ([`keeps`], [`walk_reads_attributes`]);
//! the attributes the walk reads go under one-character names ([`SHORT`]),
//! since html5ever reads an attribute name a character at a time.
//! Where the tree builder reads them by the `<head>`'s rules, `<meta>`,
//! `<link>`, `<script>` and `<style>` elements are left out whole
//! ([`Stripper::may_drop`] says where).

use std::borrow::Cow;

use crate::html::elements::Element;
use crate::html::lexer::{Attribute, Tag, Token, all_space, is_space};
use crate::vocab::Span;

use super::sourcemap::scan::{Scan, Visit, scan_with};

/// Whether [`super::segment`] parses the stripped copy: always, except
/// in tests that compare against parsing the original.
#[cfg(not(test))]
pub(crate) fn enabled() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    static ENABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

#[cfg(test)]
pub(crate) fn enabled() -> bool {
    ENABLED.with(|e| e.get())
}

/// The input with the contents of `<script>` and `<style>` elements
/// removed (tags kept), borrowed when there is nothing to remove.
#[cfg(test)]
pub(crate) fn strip_raw_text(input: &str) -> Cow<'_, str> {
    strip(input).0
}

/// The input with the contents of `<script>` and `<style>` elements removed
/// (tags kept), comments emptied and the attributes the walk does not read
/// dropped (see [`keeps`]), borrowed when there is nothing to change, and
/// the number of text nodes the parse of the copy lacks (one per element
/// whose non-empty content was removed).
#[cfg(test)]
pub(crate) fn strip(input: &str) -> (Cow<'_, str>, usize) {
    let limits = crate::vocab::Limits::default();
    let (copy, removed, _, _) = strip_and_scan(input, &limits).expect("within the default limits");
    (copy, removed)
}

/// [`crate::guard::check`], [`strip`] and
/// [`sourcemap::scan`](super::sourcemap::scan) in one pass of the lexer:
/// the scan drives it, the copy stops changing (the rest is copied as it
/// is) wherever its own reading of the page could part from the scan's, and
/// the guard runs on its own where its reading parts from it.
///
/// The last value says whether the copy writes the attributes the walk reads
/// under their one-character names ([`SHORT`]); it does unless the page
/// holds one of those characters anywhere, so in the copy they are the
/// copy's own.
pub(crate) fn strip_and_scan<'a>(
    input: &'a str,
    limits: &crate::vocab::Limits,
) -> Result<(Cow<'a, str>, usize, Scan, bool), crate::vocab::Error> {
    let st = Stripper {
        out: Copy {
            input,
            out: None,
            copied: 0,
        },
        active: true,
        removed: 0,
        foreign: Vec::new(),
        kept: Vec::new(),
        pre: false,
        short: !holds_short_name(input.as_bytes()),
        begun: false,
        tables: 0,
        keep_all: false,
        script: None,
        holds_bom: memchr::memmem::find(input.as_bytes(), "\u{feff}".as_bytes()).is_some(),
        end_of_dropped: false,
        pre_start: false,
        follows_pre: false,
    };
    let mut pass = Pass {
        strip: st,
        guard: crate::guard::Follow::new(input, limits),
        begins: false,
    };
    let scan = scan_with(input, &mut pass);
    pass.guard.finish()?;
    let st = pass.strip;
    let copy = match st.out.out {
        None => Cow::Borrowed(input),
        Some(mut s) => {
            s.push_str(&input[st.out.copied..]);
            Cow::Owned(s)
        }
    };
    let (removed, short) = if matches!(copy, Cow::Borrowed(_)) {
        (0, false)
    } else {
        (st.removed, st.short)
    };
    Ok((copy, removed, scan, short))
}

/// The one-character names under which the copy writes the attributes the
/// walk reads and the tree builder does not: `(name, short name)`.
/// html5ever's tokenizer steps through an attribute name character by
/// character (a few hundred instructions each), and a value in one stride.
/// The characters are of the Private Use Area, which no markup rule treats
/// specially and pages hardly ever hold (when one does, the copy keeps the
/// names as written).
pub(crate) const SHORT: &[(&str, &str)] = &[
    ("class", "\u{e000}"),
    ("id", "\u{e001}"),
    ("role", "\u{e002}"),
    ("itemprop", "\u{e003}"),
    ("aria-label", "\u{e004}"),
    ("hidden", "\u{e005}"),
    ("aria-hidden", "\u{e006}"),
    ("style", "\u{e007}"),
    ("href", "\u{e008}"),
];

/// The place in [`SHORT`] of `name`, if it is one of the short names:
/// the short name at place `i` is U+E000 + `i` (EE 80 80 + `i` in UTF-8).
pub(crate) fn short_place(name: &[u8]) -> Option<usize> {
    match *name {
        [0xee, 0x80, c] if (0x80..0x80 + SHORT.len()).contains(&usize::from(c)) => {
            Some(usize::from(c) - 0x80)
        }
        _ => None,
    }
}

/// Whether `b` holds one of the [`SHORT`] names' characters.
fn holds_short_name(b: &[u8]) -> bool {
    memchr::memchr_iter(0xee, b).any(|i| b.get(i..i + 3).is_some_and(|c| short_place(c).is_some()))
}

/// The short name of a kept attribute (lowercase name), if it has one.
fn short_name(lower: &[u8]) -> Option<&'static str> {
    SHORT
        .iter()
        .find(|(long, _)| long.as_bytes() == lower)
        .map(|&(_, short)| short)
}

/// The guard and the copy, both told what the scan sees.
struct Pass<'a> {
    strip: Stripper<'a>,
    guard: crate::guard::Follow<'a>,
    /// Whether the token being visited takes the tree builder out of its
    /// initial mode (see [`Stripper::begun`]).
    begins: bool,
}

impl Visit for Pass<'_> {
    #[inline]
    fn token(&mut self, token: &Token, element: Element) {
        self.guard.token(token, element);
        self.strip.follows_pre = std::mem::take(&mut self.strip.pre_start);
        if let Token::Text(span) = *token {
            self.strip.text(span);
        }
        if !self.strip.begun {
            self.begins = match *token {
                Token::Text(span) => !self.strip.out.input.as_bytes()[span.start..span.end]
                    .iter()
                    .all(|&c| is_space(c)),
                Token::StartTag(_) | Token::EndTag(_) | Token::Doctype(_) => true,
                _ => false,
            };
        }
    }

    #[inline]
    fn stop(&self) -> bool {
        self.guard.stopped()
    }

    fn start(&mut self, s: &[u8], tag: &Tag, element: Element, attrs: &[Attribute]) {
        self.strip.start(s, tag, element, attrs);
    }

    fn content(&mut self, s: &[u8], tag: &Tag, content: Span) {
        self.guard.content(tag, content);
        self.strip.content(s, tag, content);
    }

    #[inline]
    fn end(&mut self, s: &[u8], tag: &Tag) {
        self.strip.end(s, tag);
    }

    #[inline]
    fn comment(&mut self, span: Span) {
        self.strip.comment(span);
    }

    #[inline]
    fn after(&mut self, foreign: bool) {
        self.guard.after(foreign);
        self.strip.after(foreign);
        if self.begins {
            self.strip.begun = true;
        }
    }
}

/// The copy's side of the pass.
struct Stripper<'a> {
    out: Copy<'a>,
    /// Whether the copy still changes; once not, the rest is copied as it
    /// is, because from there the tree builder decides how it is read.
    active: bool,
    removed: usize,
    /// The elements open in foreign content, as written, the `<svg>` or
    /// `<math>` that began it first; empty in HTML content.
    foreign: Vec<Span>,
    kept: Vec<(Option<&'static str>, usize, usize)>,
    /// Whether a `<pre>` or `<listing>` start tag was seen.
    pre: bool,
    /// Whether kept attributes are written under their [`SHORT`] names.
    short: bool,
    /// Whether a token before this one took the tree builder out of its
    /// initial mode (anything but a comment or white space): from there a
    /// dropped element cannot change whether a later doctype is read, so
    /// the page's quirks mode.
    begun: bool,
    /// `<table>` start tags less `</table>` end tags seen.
    tables: u32,
    /// Whether a `<template>`, `<colgroup>` or `<col>` start tag was seen.
    keep_all: bool,
    /// Where the `<script>` or `<style>` start tag being dropped starts, until its
    /// contents are seen.
    script: Option<usize>,
    /// Whether the next end tag is that of a dropped `<script>` or `<style>`.
    end_of_dropped: bool,
    /// Whether the page holds a U+FEFF, where no element is dropped:
    /// html5ever drops a U+FEFF that comes just after a `</script>` (it
    /// resumes there as at the start of its input), and a dropped element
    /// could bring one next to a `</script>` that stays.
    holds_bom: bool,
    /// Whether the token seen last, or the one being seen, is a `<pre>`
    /// or `<listing>` start tag, after which the tree builder drops a
    /// newline if it comes next.
    pre_start: bool,
    follows_pre: bool,
}

impl Stripper<'_> {
    /// Whether the copy may leave out a `<meta>`, `<link>`, `<script>` or
    /// `<style>` element whole (foreign content is ruled out by the caller).
    ///
    /// In HTML content outside tables they are read by the rules of the
    /// `<head>` (inserted where they stand and closed at once), hold no text
    /// the walk reads and no attribute it reads: without them, the text
    /// nodes on both sides merge, which the source mapper follows (it
    /// matches a node across source runs), and white space in the `<head>`
    /// may become or stop being a text node of its own, which the walk does
    /// not show. Not before the tree builder leaves its initial mode (a
    /// doctype after them would then decide the quirks mode), not in a
    /// table (there a `<script>` stays in the table while text around it
    /// is moved before it, and white space before it stays in the table),
    /// not in a column group (which any of them closes) and not after a
    /// `<template>` (whose modes the count of tables does not follow), nor
    /// just after a `<pre>` or `<listing>` start tag (whose newline the tree
    /// builder drops only when it comes next), nor on a page that holds a
    /// U+FEFF (see `holds_bom`).
    fn may_drop(&self) -> bool {
        self.begun && self.tables == 0 && !self.keep_all && !self.follows_pre && !self.holds_bom
    }

    /// A run of character data: one of nothing but whitespace (the
    /// indentation between tags, a third of what the parser would get) is
    /// cut to its first byte, unless the page has a `<pre>` or `<listing>`,
    /// where whitespace is kept and a first newline is dropped.
    fn text(&mut self, span: Span) {
        if !self.active || self.pre || span.end - span.start < 2 {
            return;
        }
        let b = self.out.input.as_bytes();
        if all_space(&b[span.start..span.end]) {
            let first = Span::new(span.start, span.start + 1);
            self.out.replace(Span::new(first.end, span.end), "");
        }
    }
}

impl Visit for Stripper<'_> {
    fn start(&mut self, b: &[u8], tag: &Tag, element: Element, attrs: &[Attribute]) {
        if !self.active {
            return;
        }
        let name = &b[tag.name];
        if name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing") {
            self.pre = true;
            self.pre_start = true;
        }
        if let Some(&top) = self.foreign.last() {
            // Foreign content ends where an HTML element breaks out of it;
            // in an integration point (an icon's `<title>`), start tags are
            // HTML's.
            if breaks_out(name) || integration_point(&b[top]) {
                self.active = false;
                return;
            }
            // No attribute of an element in foreign content is read.
            filter(&mut self.out, b, tag, attrs, &mut self.kept, false, |_| {
                false
            });
            if !tag.self_closing {
                self.foreign.push(tag.name);
            }
            return;
        }
        if name.eq_ignore_ascii_case(b"table") {
            self.tables += 1;
        } else if name.eq_ignore_ascii_case(b"template")
            || name.eq_ignore_ascii_case(b"colgroup")
            || name.eq_ignore_ascii_case(b"col")
        {
            self.keep_all = true;
        }
        // What comes before must end where it is, whatever follows: not
        // a `<` that would open a tag with it, a character reference or a
        // CR that would join a LF.
        let ends = tag.span.start == 0
            || matches!(b[tag.span.start - 1], b'>' | b' ' | b'\t' | b'\n' | b'\x0c');
        if ends && self.may_drop() {
            if name.eq_ignore_ascii_case(b"meta") || name.eq_ignore_ascii_case(b"link") {
                self.out.replace(tag.span, "");
                self.removed += 1;
                return;
            }
            if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
                // Dropped with its contents once they are seen: a script's
                // may say that the copy stops changing here.
                self.script = Some(tag.span.start);
                return;
            }
        }
        if element.foreign() {
            filter(&mut self.out, b, tag, attrs, &mut self.kept, false, |_| {
                false
            });
            if !tag.self_closing {
                self.foreign.push(tag.name);
            }
            return;
        }
        if element.tree_decides() {
            self.active = false;
            return;
        }
        if !walk_reads_attributes(name, element) {
            // The tree builder reads `charset` and `http-equiv` of a
            // `<meta>` only to tell html5ever's driver of an encoding, which
            // it ignores (the metadata comes from the source scan), and
            // `type` of an `<input>` (`hidden` ones are no table text).
            let input = name.eq_ignore_ascii_case(b"input");
            filter(&mut self.out, b, tag, attrs, &mut self.kept, false, |n| {
                input && n == b"type"
            });
            return;
        }
        // The formatting elements other than `<a>` stay whole.
        if !element.formatting() || name.eq_ignore_ascii_case(b"a") {
            filter(
                &mut self.out,
                b,
                tag,
                attrs,
                &mut self.kept,
                self.short,
                keeps,
            );
        }
    }

    fn content(&mut self, b: &[u8], tag: &Tag, content: Span) {
        let name = &b[tag.name];
        let dropped = self.script.take() == Some(tag.span.start);
        if !self.active || !strips(name) {
            return;
        }
        let raw = &b[content];
        if name.eq_ignore_ascii_case(b"script")
            && memchr::memmem::find(raw, b"<!--").is_some()
            && contains_ignore_case(raw, b"<script")
        {
            // Escaped and double-escaped script data may end elsewhere.
            self.active = false;
            return;
        }
        if dropped {
            self.out.replace(Span::new(tag.span.start, content.end), "");
            self.removed += 1 + usize::from(!raw.is_empty());
            self.end_of_dropped = content.end < b.len();
            return;
        }
        if !raw.is_empty() {
            self.out.replace(content, "");
            self.removed += 1;
        }
    }

    fn end(&mut self, b: &[u8], tag: &Tag) {
        if std::mem::take(&mut self.end_of_dropped) && self.active {
            self.out.replace(tag.span, "");
            return;
        }
        if !self.active {
            return;
        }
        if self.foreign.is_empty() {
            if b[tag.name].eq_ignore_ascii_case(b"table") {
                self.tables = self.tables.saturating_sub(1);
            }
            return;
        }
        // The rules for end tags in foreign content: the nearest open
        // foreign element of that name closes; `</p>`, `</br>` and an end
        // tag that names none go to the HTML rules.
        let name = &b[tag.name];
        let open = self
            .foreign
            .iter()
            .rposition(|&n| b[n].eq_ignore_ascii_case(name));
        match open {
            Some(i) if !name.eq_ignore_ascii_case(b"p") && !name.eq_ignore_ascii_case(b"br") => {
                self.foreign.truncate(i)
            }
            _ => self.active = false,
        }
    }

    fn comment(&mut self, span: Span) {
        if !self.active {
            return;
        }
        // Where a `<meta>` could be left out, so can a comment: the tree
        // builder inserts it where it stands in every mode (no formatting
        // element is reconstructed for it, no mode changes), so without it
        // only the text nodes on both sides merge.
        let b = self.out.input.as_bytes();
        let ends =
            span.start == 0 || matches!(b[span.start - 1], b'>' | b' ' | b'\t' | b'\n' | b'\x0c');
        if ends && self.foreign.is_empty() && self.may_drop() {
            self.out.replace(span, "");
            self.removed += 1;
            return;
        }
        // A comment node is a comment node whatever it says: the walk reads
        // none, and the tokenizer steps over every byte.
        if span.end - span.start > EMPTY_COMMENT.len() {
            self.out.replace(span, EMPTY_COMMENT);
        }
    }

    fn after(&mut self, foreign: bool) {
        // The scan counts `<svg>` and `<math>` tags only; where the two
        // readings part, so does the lexer's, and the copy stops changing.
        if self.foreign.is_empty() == foreign {
            self.active = false;
        }
    }
}

/// Whether the walk reads any attribute of an HTML element: not of a
/// raw-text or RCDATA element (its role is raw text, hidden or the title
/// whatever its attributes say), nor of a void element that the walk treats
/// as inline (it holds no text, so its hints reach nothing).
fn walk_reads_attributes(name: &[u8], element: Element) -> bool {
    if element.raw_text() || element.rcdata() {
        return false;
    }
    !element.void()
        || [&b"br"[..], b"hr", b"embed", b"frame"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
}

/// What a comment becomes in the copy.
const EMPTY_COMMENT: &str = "<!---->";

/// The copy being written: `input` up to `copied`, with replacements.
struct Copy<'a> {
    input: &'a str,
    out: Option<String>,
    copied: usize,
}

impl Copy<'_> {
    /// Copies the input up to `at` (at or after `copied`).
    fn upto(&mut self, at: usize) -> &mut String {
        let s = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.input.len()));
        s.push_str(&self.input[self.copied..at]);
        self.copied = at;
        s
    }

    /// Replaces `span` (at or after `copied`) with `with`.
    fn replace(&mut self, span: Span, with: &str) {
        self.upto(span.start).push_str(with);
        self.copied = span.end;
    }
}

/// Rewrites start tag `tag` (whose attributes are `attrs`) with only the
/// attributes whose lowercase name
/// `keep` accepts, as written (`href` without its value, which the walk does
/// not read), under their [`SHORT`] names when `short` is set; leaves it
/// alone when every attribute stays as it is.
fn filter(
    out: &mut Copy<'_>,
    b: &[u8],
    tag: &Tag,
    attrs: &[Attribute],
    kept: &mut Vec<(Option<&'static str>, usize, usize)>,
    short: bool,
    keep: impl Fn(&[u8]) -> bool,
) {
    if tag.attributes == 0 {
        return;
    }
    kept.clear();
    let mut changed = false;
    for a in attrs {
        let name = &b[a.name];
        let mut lower = [0u8; LONGEST_KEPT];
        let known = name.len() <= LONGEST_KEPT && {
            for (l, c) in lower.iter_mut().zip(name) {
                *l = c.to_ascii_lowercase();
            }
            keep(&lower[..name.len()])
        };
        if !known {
            changed = true;
            continue;
        }
        let lower = &lower[..name.len()];
        let end = match a.value {
            None => a.name.end,
            Some(_) if lower == b"href" => {
                changed = true;
                a.name.end
            }
            Some(v) if matches!(b[v.start - 1], b'"' | b'\'') => v.end + 1,
            Some(v) => v.end,
        };
        let short = if short { short_name(lower) } else { None };
        match short {
            Some(s) => {
                changed = true;
                kept.push((Some(s), a.name.end, end));
            }
            None => kept.push((None, a.name.start, end)),
        }
    }
    if !changed {
        return;
    }
    let input = out.input;
    let s = out.upto(tag.span.start);
    s.push('<');
    s.push_str(&input[tag.name]);
    for &(short, from, to) in kept.iter() {
        s.push(' ');
        if let Some(short) = short {
            s.push_str(short);
        }
        s.push_str(&input[from..to]);
    }
    // A space first: after an unquoted value, `/` would join the value.
    s.push_str(if tag.self_closing { " />" } else { ">" });
    out.copied = tag.span.end;
}

/// The longest attribute name [`keeps`] accepts.
const LONGEST_KEPT: usize = 32;

/// Whether the copy keeps an attribute (lowercase name) of an HTML element
/// whose attributes the walk reads ([`walk_reads_attributes`]): those the
/// walk reads (`src/segment/html/mod.rs`) and those the tree builder reads
/// (`form`, declarative shadow roots, `encoding`; `type` matters on
/// `<input>` only, and `<font>`'s `color`, `face` and `size` on `<font>`,
/// one of the formatting elements other than `<a>`, whose attributes decide
/// which of them are reopened and which are left whole).
fn keeps(name: &[u8]) -> bool {
    matches!(
        name,
        b"class"
            | b"id"
            | b"role"
            | b"itemprop"
            | b"aria-label"
            | b"hidden"
            | b"aria-hidden"
            | b"style"
            | b"href"
            | b"form"
            | b"encoding"
            | b"shadowrootmode"
            | b"shadowrootdelegatesfocus"
            | b"shadowrootclonable"
            | b"shadowrootserializable"
            | b"shadowrootcustomelementregistry"
    )
}

/// Whether an element in foreign content is one of the integration points
/// of SVG and MathML, where text and start tags follow HTML's rules (and
/// end tags foreign content's): `annotation-xml` whatever its `encoding`.
fn integration_point(name: &[u8]) -> bool {
    [
        &b"foreignobject"[..],
        b"desc",
        b"title",
        b"annotation-xml",
        b"mi",
        b"mo",
        b"mn",
        b"ms",
        b"mtext",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

/// Whether a start tag in foreign content ends it: the tree builder's
/// breakout list (`<font>` whatever its attributes).
fn breaks_out(name: &[u8]) -> bool {
    const LONGEST: usize = 14;
    if name.len() > LONGEST {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    for (l, c) in buf.iter_mut().zip(name) {
        *l = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..name.len()],
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
    )
}

/// Whether the content of this raw-text element is removed: `<script>` and
/// `<style>`, the two that are large on news pages and whose text no block
/// shows. The others (`<noscript>`, `<iframe>`, `<title>`…) stay, so the
/// tree keeps their text.
fn strips(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style")
}

/// Whether `hay` contains `needle` (lowercase ASCII), ignoring ASCII case.
fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The tag soup of the tests below, for the feed's tests
/// (`super::feed`).
#[cfg(test)]
pub(super) fn soup() -> &'static [&'static str] {
    tests::SOUP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_script_and_style_contents() {
        let s = strip_raw_text("<p>a<script type=\"x>y\">if (a<b) {}</script ><style>p{}</STYLE>b");
        assert_eq!(s, "<p>a<script></script >b");
        let s =
            strip_raw_text("<p>a <script type=\"x>y\">if (a<b) {}</script ><style>p{}</STYLE>b");
        assert_eq!(s, "<p>a b");
        // Before anything takes the tree builder out of its initial mode,
        // in a table and after a `<template>`, the elements stay.
        let s = strip_raw_text("<script>x</script><table><script>y</script></table><meta a=b>");
        assert_eq!(s, "<script></script><table><script></script></table>");
        let s = strip_raw_text("<!doctype html><link rel=x><template></template><meta>");
        assert_eq!(s, "<!doctype html><template></template><meta>");
    }

    #[test]
    fn short_names_are_read_back() {
        for (i, &(long, short)) in SHORT.iter().enumerate() {
            let c = char::from_u32(0xe000 + i as u32).unwrap();
            assert_eq!(short, c.to_string(), "the short names in order");
            assert_eq!(short_place(short.as_bytes()), Some(i));
            assert_eq!(super::super::long_name(short), long);
            assert!(keeps(long.as_bytes()) && holds_short_name(short.as_bytes()));
        }
    }

    #[test]
    fn borrows_when_nothing_to_strip() {
        assert!(matches!(
            strip_raw_text("<script></script><p>a"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn leaves_rcdata_and_escaped_script() {
        for page in [
            "<title><script>x</script></title>",
            "<textarea><style>x</style></textarea>",
            "<script><!-- <script>x</script> --></script>",
            "<select><option class=a data-x=b><style>x</style></select>",
        ] {
            assert_eq!(strip_raw_text(page), page);
        }
    }

    #[test]
    fn empties_comments_and_drops_unread_attributes() {
        assert_eq!(
            strip_raw_text("<!-- <script>x</script> --><p class=a data-x='b'/>"),
            "<!----><p \u{e000}=a />"
        );
        assert_eq!(
            strip_raw_text("<a href=\"/x\" title=t>a</a><b title=t>b</b>"),
            "<a \u{e008}>a</a><b title=t>b</b>"
        );
        // A page that holds one of the short names' characters: the names
        // stay as written.
        assert_eq!(
            strip_raw_text("<p class=a data-x=1>\u{e001}"),
            "<p class=a>\u{e001}"
        );
        // After the first tag, a comment whose byte before ends what
        // precedes it is left out whole.
        assert_eq!(
            strip_raw_text("<p>a <!-- x -->b<!-- y -->c</p>"),
            "<p>a b<!---->c</p>"
        );
        assert_eq!(
            strip_raw_text("<div>\n  <p>a  b</p>\r\n</div>"),
            "<div>\n<p>a  b</p>\r</div>"
        );
        assert_eq!(
            strip_raw_text("<pre>\n\na</pre>\n  <p>"),
            "<pre>\n\na</pre>\n  <p>"
        );
        assert_eq!(
            strip_raw_text("<svg viewBox='0 0 1 1'><style>x</style></svg><script>y</script>"),
            "<svg><style>x</style></svg>"
        );
    }

    /// The tree as a flat list of element names with their attributes and
    /// text, leaving out the text inside script and style elements.
    /// One entry of [`dom`]'s listing.
    #[derive(Debug, PartialEq)]
    enum DomItem {
        Text(String),
        Other(String),
    }

    fn dom(page: &str, short: bool) -> Vec<DomItem> {
        use ego_tree::iter::Edge;
        use scraper::{Html, Node};
        let doc = Html::parse_document(page);
        let mut out = Vec::new();
        // The copy may leave `<meta>`, `<link>` and `<script>` out whole:
        // they are not shown, the text nodes on both sides of one are
        // joined, and white space in the `<head>` is not shown.
        let dropped = |n: ego_tree::NodeRef<'_, Node>| {
            n.value().as_element().is_some_and(|e| {
                &*e.name.ns == "http://www.w3.org/1999/xhtml"
                    && matches!(e.name(), "meta" | "link" | "script" | "style")
            })
        };
        let mut skip: Option<ego_tree::NodeId> = None;
        let mut joinable = false;
        for edge in doc.tree.root().traverse() {
            if let Some(id) = skip {
                if let Edge::Close(node) = edge
                    && node.id() == id
                {
                    skip = None;
                }
                continue;
            }
            if let Edge::Open(node) = edge
                && dropped(node)
            {
                skip = Some(node.id());
                continue;
            }
            if !matches!(edge, Edge::Open(n) | Edge::Close(n)
                if n.value().is_text() || n.value().is_comment())
            {
                joinable = false;
            }
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        // The attributes the copy keeps (none in foreign
                        // content, `href` without its value).
                        let html = &*e.name.ns == "http://www.w3.org/1999/xhtml";
                        let mut attrs: Vec<_> = e
                            .attrs()
                            .map(|(n, v)| (if short { super::super::long_name(n) } else { n }, v))
                            .filter(|(n, _)| {
                                html && walk_reads_attributes(
                                    e.name().as_bytes(),
                                    Element::of(e.name().as_bytes()),
                                ) && keeps(n.as_bytes())
                            })
                            .map(|(n, v)| (n, if n == "href" { "" } else { v }))
                            .collect();
                        attrs.sort();
                        out.push(DomItem::Other(format!("<{:?} {:?}", e.name, attrs)));
                    }
                    Node::Text(t) => {
                        let raw = node
                            .parent()
                            .and_then(|p| p.value().as_element())
                            .is_some_and(|e| matches!(e.name(), "script" | "style"));
                        let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r');
                        let in_head = node
                            .parent()
                            .and_then(|p| p.value().as_element())
                            .is_some_and(|e| e.name() == "head");
                        if in_head && t.text.chars().all(ws) {
                            continue;
                        }
                        if !raw {
                            // Whitespace runs cut to their first byte, as
                            // the copy cuts whitespace-only runs.
                            let mut text = match out.last() {
                                Some(DomItem::Text(_)) if joinable => match out.pop() {
                                    Some(DomItem::Text(t)) => t,
                                    _ => unreachable!(),
                                },
                                _ => String::new(),
                            };
                            joinable = true;
                            for c in t.text.chars() {
                                let ws = matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r');
                                if !(ws && text.ends_with([' ', '\t', '\n', '\x0c', '\r'])) {
                                    text.push(c);
                                }
                            }
                            out.push(DomItem::Text(text));
                        }
                    }
                    // Emptied in the copy.
                    // Where a comment goes depends on the tree builder's
                    // mode, which a dropped element may change (after
                    // `</html>` a `<script>` reopens the body); the walk
                    // reads none, and text on both sides of one is read as
                    // if joined.
                    Node::Comment(_) => {}
                    Node::Doctype(d) => out.push(DomItem::Other(format!("<!{:?}", d.name()))),
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        out.push(DomItem::Other(">".into()));
                    }
                }
            }
        }
        out
    }

    /// The parse of the stripped copy equals the parse of the page, apart
    /// from the removed text nodes, whose number `strip` reports.
    fn assert_same_dom(page: &str) {
        let limits = crate::vocab::Limits::default();
        let (stripped, removed, _, short) = strip_and_scan(page, &limits).unwrap();
        assert_eq!(dom(&stripped, short), dom(page, false), "page: {page:?}");
        let nodes = |p: &str| scraper::Html::parse_document(p).tree.values().len();
        // Fewer when text nodes were joined or white space in the `<head>`
        // was not kept.
        assert!(nodes(&stripped) + removed <= nodes(page), "page: {page:?}");
    }

    #[test]
    fn hand_written_pages_parse_the_same() {
        for page in [
            "<p>a<script type=\"x>y\">if (a<b) {}</script ><style>p{}</STYLE>b",
            "<SCRIPT>a</scripts>b</script\tx>c<p>d",
            "<script>a<!-- b --></script>c",
            "<script>a<!-- <script> b </script> c --></script>d<p>e",
            "<title><script>x</script></title><p>y",
            "<svg><style>x</style><p>q</svg><script>y</script>z",
            "<math><style>x</style></math><p>z",
            "<select><style>x</style><option>o</select>",
            "<frameset><script>x</script></frameset>",
            "<plaintext><script>x</script>",
            "<table><script>x</script><tr><td>c</table>",
            "<script>unclosed <p>text",
            // Found by the tag soup: the `<meta>` dropped would bring the
            // U+FEFF next to the `</script>`, where html5ever drops it.
            "<script type=\"a>b\"></script/<title><meta name=a content=b>\u{feff}",
            "<style>unclosed </style",
            "<p a='<script>'>b</p><script>c</script>",
            "</p a='>'><script>c</script>",
            "<!---><script>a</script><!--->--><script>b</script>",
            "<noscript><script>a</script></noscript><p>b",
            "<? x ><script>a</script></ x ><script>b</script>",
            "<script/>a</script>b",
            "<div><style x=1 y>a</style\r>b",
            "<svg><g><path d='x'/></g></svg><script>a</script><p class=x data-y=1>b",
            "<svg><g></svg><script>a</script>",
            "<div><svg><g></div><script>a</script>",
            "<svg><p>a</p><script>b</script>",
            "<svg><font color=red>a</font></svg><script>b</script>",
            "<svg><font>a</font></svg><script>b</script>",
            "<svg><foreignObject><script>a</script></foreignObject></svg>",
            "<svg><title>Share</title><path d=x/></svg><script>a</script><p class=x y=z>",
            "<svg><title>a<b>c</b></title></svg><script>a</script>",
            "<b><p><svg><title>a</title></svg></b>b<script>c</script>",
            "<svg><desc>a</desc><g><title>t</title></g></svg><script>a</script>",
            "<math><mi>x</mi><mo>+</mo></math><script>a</script>",
            "<math><mi><style>a</style></mi></math><style>b</style>",
            "<svg><style>a<b>c</b></style></svg><style>d</style>",
            "<svg><![CDATA[<script>]]></svg><script>a</script>",
            "<svg></br><script>a</script>",
            "<SVG><G></g></svg><script>a</script>",
            "<a href=x title=y>a</a><a href='>'>b</a><br data-x=1/>",
            "<div class=a data-b=c/><p id=x hidden/>",
            "<table><input type=hidden data-x=1><tr><td>a</table>",
            "<b class=x t=1><b class=x t=2><b class=x t=3><b class=x t=4><p>a",
            "<a t=1><a t=2><a t=3><a t=4><p>a",
            "<template shadowrootmode=open data-x=1><p>a</template>",
            "<!-- a --><p>b<!-- c -->d<?e?>f<!x>g</ 3>h<!-->i",
            "<p>a <!-- c --> b</p>\n<!-- d -->\n<p>e</p><!-- f -->&amp;<table> <!-- g --> x</table>",
            "<p><b>x</p> <!-- c -->\n<div>y</div><pre><!-- p -->\nz</pre>",
            "<p>a\r<!-- c -->\nb &amp <!-- d -->;<script>s</script> <!-- e -->\u{feff}",
            "<meta charset=utf-8 data-x=1><title>a</title>",
            "<p>a<meta class=x itemprop=y content=z>b<table><meta id=m><tr><td>c</table>",
            "<table><input type=hidden class=x><input class=y type=text><tr><td>a</table>",
            "<p><img class=a src=b hidden><br class=hidden><hr style=display:none><script id=s type=x></script>",
            "<ol type=a class=b><li>x</ol><button type=submit>y</button><link rel=x type=y href=z>",
            "<div>\n  <p>a</p>\n  <span>b</span>  <span>c</span></div>",
            "<pre>\n\nx\n  y</pre>\n  <p>z",
            "<table>  <tr>  <td>a</td>\n </tr>\n</table>",
            "<p>a</x>   b</>  c",
            "<p class=a C=b id=c I=d>x",
            "<b c=1 class=2><p class=x>a",
            "<p class=x><select><option c=1 class=2></select><p class=y>",
            "<p class=x \u{e000}=y>a<b \u{e001}=z>",
            "<div CLASS=a class=b Href=x ROLE=r aria-label=l hidden aria-hidden=true style=s itemprop=i>",
        ] {
            assert_same_dom(page);
        }
    }

    fn corpus() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/zyte");
        let mut pages: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        pages.sort();
        assert!(pages.len() > 100);
        pages
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(&p).unwrap();
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, String::from_utf8_lossy(&bytes).into_owned())
            })
            .collect()
    }

    #[test]
    fn zyte_pages_parse_the_same() {
        let mut failing = Vec::new();
        let (mut total, mut kept) = (0usize, 0usize);
        for (name, page) in corpus() {
            let limits = crate::vocab::Limits::default();
            let (stripped, removed, _, short) = strip_and_scan(&page, &limits).unwrap();
            total += page.len();
            kept += stripped.len();
            let nodes = |p: &str| scraper::Html::parse_document(p).tree.values().len();
            if dom(&stripped, short) != dom(&page, false)
                || nodes(&stripped) + removed > nodes(&page)
            {
                failing.push(name);
            }
        }
        assert!(failing.is_empty(), "pages parsed differently: {failing:?}");
        // The point of it all: most raw text is gone.
        assert!(kept * 10 < total * 7, "kept {kept} of {total} bytes");
    }

    #[test]
    fn zyte_articles_are_identical() {
        let cleaner = crate::Cleaner::new();
        let mut failing = Vec::new();
        for (name, page) in corpus() {
            let with = format!("{:?}", cleaner.clean_html(&page));
            ENABLED.with(|e| e.set(false));
            let without = format!("{:?}", cleaner.clean_html(&page));
            ENABLED.with(|e| e.set(true));
            if with != without {
                failing.push(name);
            }
        }
        assert!(failing.is_empty(), "articles differ: {failing:?}");
    }

    /// Pieces of tag soup: raw-text elements and their look-alikes,
    /// comments, quotes, foreign content.
    pub(super) const SOUP: &[&str] = &[
        "<script>",
        "</script>",
        "</script",
        "</SCRIPT >",
        "</script/",
        "</scriptx>",
        "<ScRiPt",
        "<script type=\"a>b\">",
        "<script/>",
        "<script\n>",
        "<style>",
        "</style>",
        "</Style\t",
        "<style media='x>'>",
        "<!--",
        "-->",
        "--!>",
        "<!-->",
        "<!--->",
        "<!",
        "<?",
        "</",
        "<",
        ">",
        "/",
        "'",
        "\"",
        "=",
        " ",
        "\n",
        "\r",
        "\t",
        "a",
        "b<c",
        "if (a<b) {}",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<xmp>",
        "</xmp>",
        "<iframe>",
        "</iframe>",
        "<noscript>",
        "</noscript>",
        "<noembed>",
        "<noframes>",
        "<svg>",
        "</svg>",
        "<math>",
        "</math>",
        "<select>",
        "</select>",
        "<option>",
        "<frameset>",
        "<plaintext>",
        "<p>",
        "</p>",
        "<div class=\"x\">",
        "</div>",
        "<a href='>'>",
        "</a>",
        "<table>",
        "<tr>",
        "<td>",
        "</table>",
        "<template>",
        "</template>",
        "<!DOCTYPE html>",
        "<head>",
        "</head>",
        "<body>",
        "</body>",
        "</html>",
        "<p a=b/>",
        "<br/>",
        "\u{0}",
        "é",
        "<pre>",
        "\u{feff}",
        "<g>",
        "</g>",
        "<path d='x'/>",
        "<font color=red>",
        "<font>",
        "<foreignObject>",
        "</foreignObject>",
        "<mi>",
        "</mi>",
        "</title>",
        "<desc>",
        "<![CDATA[",
        "]]>",
        "<input type=hidden data-x=1>",
        "<div data-x=1 class=y>",
        "<a href=/x title='t'>",
        "<b class=x t=1>",
        "<span x=1 y=2/>",
        "<!-- c -->",
        "</br>",
        "\n  ",
        "   ",
        "<listing>",
        "<meta name=a content=b>",
        "<link rel=x>",
        "&amp",
        ";",
        "\r",
        "<!doctype html>",
        "</html>",
        "<table>",
        "</table>",
        "Some words.",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn tag_soup_parses_the_same(
            pieces in proptest::collection::vec(proptest::sample::select(SOUP), 0..48)
        ) {
            assert_same_dom(&pieces.concat());
        }

        /// The guard in the one pass refuses what it refuses on its own,
        /// with the same error.
        #[test]
        fn the_guard_in_the_pass_is_the_guard(
            pieces in proptest::collection::vec(proptest::sample::select(SOUP), 0..48),
            depth in 1usize..6,
            nodes in 4usize..40,
            attributes in 0usize..3,
        ) {
            let page = pieces.concat();
            let limits = crate::vocab::Limits {
                max_depth: depth,
                max_nodes: nodes,
                max_attributes: attributes,
                ..Default::default()
            };
            let fused = strip_and_scan(&page, &limits).err();
            assert_eq!(fused, crate::guard::check(&page, &limits).err(), "{page:?}");
            if fused.is_none() {
                let (_, _, scan, _) = strip_and_scan(&page, &limits).unwrap();
                let alone = crate::segment::html::sourcemap::scan(&page);
                assert_eq!(format!("{scan:?}"), format!("{alone:?}"));
            }
        }
    }
}
