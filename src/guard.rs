//! A linear pre-scan that refuses absurdly deep HTML before html5ever sees
//! it.
//!
//! html5ever's tree builder checks "is there a `<p>` in button scope?" on
//! every `<div>`, `<p>`, `<ul>`… start tag by walking the stack of open
//! elements, so N nested elements cost O(N²): 10,000 nested `<div>`s take
//! about half a second, 100,000 about a minute. Checking
//! [`Builder::max_depth`](crate::Builder::max_depth) on the finished tree
//! comes too late for that, so this scan estimates the nesting from the tags
//! alone, in one pass, and stops as soon as it passes the limit.
//!
//! The estimate follows the tags the way a parser would, closely enough for
//! a limit: void elements and self-closing tags open nothing; the content
//! of `<script>`, `<style>` and the other raw-text elements is skipped; an
//! end tag closes the nearest open element of its name among the top
//! [`END_TAG_REACH`] (so a `</div>` also closes the `<span>`s left open in
//! it) and is ignored when there is none; a block start tag closes an open
//! `<p>` nearby, and a `<li>`, `<td>`, `<tr>`… the open one of its kind, as
//! the parser does. Formatting elements (`<b>`, `<font>`, `<a>`…) and
//! `<html>`, `<head>`, `<body>` are not counted, so on well-formed markup the
//! estimate is at most the depth of the tree.

use crate::vocab::Error;

/// How far down the stack an end tag looks for its element. Real pages
/// misnest a few levels at most; the bound keeps the scan linear on input
/// made of unmatched end tags.
const END_TAG_REACH: usize = 16;

/// How far down the stack a start tag looks for the element it implicitly
/// ends (an open `<p>`, the previous `<li>`, `<td>`…).
const REOPEN_REACH: usize = 8;

/// Refuses `input` with [`Error::TooDeep`] when its estimated nesting passes
/// `limit`. The reported depth is where the scan stopped: `limit + 1`.
pub(crate) fn check_nesting(input: &str, limit: usize) -> Result<(), Error> {
    let depth = max_nesting(input.as_bytes(), limit);
    if depth > limit {
        return Err(Error::TooDeep { depth, limit });
    }
    Ok(())
}

/// The estimated deepest nesting of `s`, or the first value over `stop`.
pub(crate) fn max_nesting(s: &[u8], stop: usize) -> usize {
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &s[i..]) {
        i += lt + 1;
        let Some(&c) = s.get(i) else { break };
        if c == b'!' {
            i = if s[i..].starts_with(b"!--") {
                memchr::memmem::find(&s[i + 3..], b"-->").map_or(s.len(), |p| i + 3 + p + 3)
            } else {
                skip_to_gt(s, i)
            };
            continue;
        }
        if c == b'?' {
            i = skip_to_gt(s, i);
            continue;
        }
        let closing = c == b'/';
        let name_start = if closing { i + 1 } else { i };
        let name_end = name_start
            + s[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                .count();
        if name_end == name_start || !s[name_start].is_ascii_alphabetic() {
            // Not a tag: "a < b", "</ 3>".
            continue;
        }
        let name = &s[name_start..name_end];
        let (end, self_closing) = tag_end(s, name_end);
        i = end;
        if closing {
            let reach = stack.len().saturating_sub(END_TAG_REACH);
            if let Some(p) = stack[reach..]
                .iter()
                .rposition(|open| open.eq_ignore_ascii_case(name))
            {
                stack.truncate(reach + p);
            }
            continue;
        }
        if self_closing || is_void(name) || is_formatting(name) || is_root(name) {
            continue;
        }
        if let Some(close) = raw_text_end(name) {
            i = find_end_tag(s, i, close);
            continue;
        }
        let reach = stack.len().saturating_sub(REOPEN_REACH);
        if closes_p(name) {
            // "If the stack has a p element in button scope, close a p
            // element", and with it whatever was left open inside it.
            if let Some(p) = stack[reach..]
                .iter()
                .rposition(|open| open.eq_ignore_ascii_case(b"p"))
            {
                stack.truncate(reach + p);
            }
        }
        if let Some(family) = family(name) {
            // A new `<li>` ends the open `<li>`, a `<td>` the open `<td>` or
            // `<th>`, and so on.
            let reach = stack.len().saturating_sub(REOPEN_REACH);
            if let Some(p) = stack[reach..]
                .iter()
                .rposition(|open| family.iter().any(|f| f.eq_ignore_ascii_case(open)))
            {
                stack.truncate(reach + p);
            }
        }
        stack.push(name);
        deepest = deepest.max(stack.len());
        if deepest > stop {
            break;
        }
    }
    deepest
}

/// Past the next `>`, or the end.
fn skip_to_gt(s: &[u8], from: usize) -> usize {
    memchr::memchr(b'>', &s[from..]).map_or(s.len(), |p| from + p + 1)
}

/// Past the `>` that ends the tag whose attributes start at `from`, skipping
/// quoted values; and whether the tag ends in `/>`.
fn tag_end(s: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    while i < s.len() {
        match s[i] {
            b'>' => return (i + 1, i > from && s[i - 1] == b'/'),
            q @ (b'"' | b'\'') if i > from && matches!(s[i - 1], b'=' | b' ' | b'\t' | b'\n') => {
                i = memchr::memchr(q, &s[i + 1..]).map_or(s.len(), |p| i + 1 + p + 1);
            }
            _ => i += 1,
        }
    }
    (s.len(), false)
}

/// Past the end tag `</name`, ASCII case-insensitive, or the end.
fn find_end_tag(s: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&s[i..], b"</") {
        let at = i + p + 2;
        if s.len() >= at + name.len() && s[at..at + name.len()].eq_ignore_ascii_case(name) {
            return skip_to_gt(s, at);
        }
        i = at;
    }
    s.len()
}

fn one_of(name: &[u8], set: &[&[u8]]) -> bool {
    set.iter().any(|n| n.eq_ignore_ascii_case(name))
}

fn is_void(name: &[u8]) -> bool {
    one_of(
        name,
        &[
            b"area",
            b"base",
            b"br",
            b"col",
            b"embed",
            b"hr",
            b"img",
            b"input",
            b"link",
            b"meta",
            b"source",
            b"track",
            b"wbr",
            b"param",
            b"keygen",
            b"frame",
            b"basefont",
            b"bgsound",
        ],
    )
}

/// Formatting elements: the parser reopens them inside each new block
/// rather than nesting them deeper, so left unclosed they pile up in a
/// tag count but not in the tree, and nesting them costs the parser no
/// scope walk. The tree walk's exact depth check covers them.
fn is_formatting(name: &[u8]) -> bool {
    one_of(
        name,
        &[
            b"a", b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike",
            b"strong", b"tt", b"u",
        ],
    )
}

/// The parser makes one of each, whatever the source says.
fn is_root(name: &[u8]) -> bool {
    one_of(name, &[b"html", b"head", b"body"])
}

/// Start tags that close an open `<p>` (HTML's "close a p element").
fn closes_p(name: &[u8]) -> bool {
    one_of(
        name,
        &[
            b"address",
            b"article",
            b"aside",
            b"blockquote",
            b"center",
            b"details",
            b"dialog",
            b"dir",
            b"div",
            b"dl",
            b"fieldset",
            b"figcaption",
            b"figure",
            b"footer",
            b"form",
            b"h1",
            b"h2",
            b"h3",
            b"h4",
            b"h5",
            b"h6",
            b"header",
            b"hgroup",
            b"main",
            b"menu",
            b"nav",
            b"ol",
            b"p",
            b"pre",
            b"section",
            b"summary",
            b"table",
            b"ul",
            b"li",
            b"dd",
            b"dt",
            b"listing",
            b"search",
        ],
    )
}

/// Elements whose start tag ends the open element of the same family.
fn family(name: &[u8]) -> Option<&'static [&'static [u8]]> {
    const FAMILIES: &[&[&[u8]]] = &[
        &[b"li"],
        &[b"dt", b"dd"],
        &[b"td", b"th"],
        &[b"tr"],
        &[b"thead", b"tbody", b"tfoot"],
        &[b"option"],
        &[b"optgroup"],
        &[b"rb", b"rt", b"rp", b"rtc"],
        &[b"button"],
        &[b"form"],
    ];
    FAMILIES.iter().copied().find(|f| one_of(name, f))
}

/// For raw-text and RCDATA elements, the end tag that ends their content.
fn raw_text_end(name: &[u8]) -> Option<&'static [u8]> {
    [
        &b"script"[..],
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"noscript",
        b"plaintext",
    ]
    .into_iter()
    .find(|n| n.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(s: &str) -> usize {
        max_nesting(s.as_bytes(), usize::MAX)
    }

    #[test]
    fn counts_nesting() {
        assert_eq!(depth("<div><div><span>x</span></div></div>"), 3);
        assert_eq!(depth(&"<div>".repeat(1000)), 1000);
        assert_eq!(depth(&"<div></div>".repeat(1000)), 1);
    }

    #[test]
    fn ignores_what_opens_nothing() {
        assert_eq!(depth("<br><img src=x><hr/><svg><path d='M0'/></svg>"), 1);
        assert_eq!(
            depth("<html><head></head><body><div></div></body></html>"),
            1
        );
        assert_eq!(depth("<!-- <div><div> --><?xml <div> ?><!doctype html>"), 0);
        assert_eq!(
            depth("<script>if (a < b) { '<div><div>' }</script><div>"),
            1
        );
        assert_eq!(depth("<p>one<p>two<p>three"), 1);
        assert_eq!(depth("<ul><li>one<li>two<li>three</ul>"), 2);
        assert_eq!(
            depth("<b><i><font><a href=x>formatting</a></font></i></b>"),
            0
        );
        assert_eq!(depth("a < b and c<3 </ 4>"), 0);
        assert_eq!(depth("<div title='a > b <div>'>x</div>"), 1);
    }

    #[test]
    fn end_tags_close_what_was_left_open() {
        assert_eq!(depth("<div><span><em>x</div><div>"), 2);
        assert_eq!(
            depth(&("<section>".to_string() + &"<span>".repeat(10) + "</section>").repeat(100)),
            11
        );
        assert_eq!(depth(&"</div>".repeat(1000)), 0);
        assert_eq!(
            depth(&"<p><span>unclosed span in a paragraph".repeat(1000)),
            2
        );
        assert_eq!(depth(&"<p><span>text<div>block</div>".repeat(1000)), 2);
    }

    #[test]
    fn stops_past_the_limit() {
        assert_eq!(max_nesting("<div>".repeat(100_000).as_bytes(), 10), 11);
        assert_eq!(
            check_nesting(&"<div>".repeat(20), 8),
            Err(Error::TooDeep { depth: 9, limit: 8 })
        );
        assert_eq!(check_nesting(&"<div>".repeat(8), 8), Ok(()));
    }
}
