//! A linear pre-scan that refuses absurd HTML before html5ever sees it.
//!
//! html5ever's tree builder checks "is there a `<p>` in button scope?" on
//! every `<div>`, `<p>`, `<ul>`… start tag by walking the stack of open
//! elements, so N nested elements cost O(N²): 10,000 nested `<div>`s take
//! about half a second, 100,000 about a minute. It also checks every
//! attribute of a tag against the ones before it, so N attributes on one
//! tag cost O(N²) too: 160,000 take 36 s. Checking
//! [`Builder::max_depth`](crate::Builder::max_depth) on the finished tree
//! comes too late for that, so this scan estimates the nesting from the tags
//! alone, in one pass of the crate's lexer, counts each tag's attributes,
//! and stops as soon as either passes its limit.
//!
//! The estimate follows the tree builder's rules closely enough for a
//! limit: void elements (and self-closing tags in SVG and MathML) open
//! nothing; the content of `<script>`, `<style>` and the other raw-text
//! elements is skipped; an end tag closes the nearest open element of its
//! name among the top [`END_TAG_REACH`] (so a `</div>` also closes the
//! `<span>`s left open in it) and is ignored when there is none. Start tags
//! end elements as the standard says: a `<li>` the open `<li>` unless a
//! `<ul>`, `<ol>` or other special element comes first (so `<li><li>` are
//! siblings and `<ul><li><ul><li>` nests); `<dd>` and `<dt>` likewise; an
//! `<option>` or `<optgroup>` an `<option>` that is the current node; a
//! cell, row or table section the open one of its table; a block start tag
//! an open `<p>` in button scope. Formatting elements (`<b>`, `<font>`,
//! `<a>`…) and `<html>`, `<head>`, `<body>` are not counted, so on
//! well-formed markup the estimate is at most the depth of the tree.

use crate::html::elements::{Element, Family};
use crate::html::lexer::{Lexer, Tag, Token};
use crate::vocab::{Error, Limits, Span};

/// How far down the stack an end tag looks for its element. Real pages
/// misnest a few levels at most; the bound keeps the scan linear on input
/// made of unmatched end tags.
const END_TAG_REACH: usize = 16;

/// How far down the stack a start tag looks for the element it implicitly
/// ends (an open `<p>`, the previous `<li>`, `<td>`…). The standard's
/// searches stop at the first scope boundary, a few levels down on real
/// pages; the bound keeps the scan linear when none comes.
const REOPEN_REACH: usize = 8;

/// Refuses `input` with [`Error::TooDeep`] when its estimated nesting passes
/// `limits.max_depth` (the reported depth is where the scan stopped:
/// `limit + 1`), with [`Error::TooManyAttributes`] when a tag has more
/// than `limits.max_attributes` attributes, or with [`Error::TooManyNodes`]
/// when the source holds more than `limits.max_nodes` nodes (counted as
/// [`nodes_offset`] counts them; the reported count is `limit + 1`),
/// whichever comes first.
///
/// The node count is checked here, before parsing, because the tree and
/// the blocks built from it cost a few hundred bytes a node: checked only
/// on the finished tree, the limit would come after the memory was spent.
pub(crate) fn check(input: &str, limits: &Limits) -> Result<(), Error> {
    let most = Most {
        depth: limits.max_depth,
        attributes: limits.max_attributes,
        nodes: limits.max_nodes,
    };
    result(scan(input.as_bytes(), most, false), limits)
}

/// The error for where [`scan`] stopped, if any.
fn result(stop: Stop, limits: &Limits) -> Result<(), Error> {
    match stop {
        Stop::Done(_) => Ok(()),
        Stop::Nodes(offset) => Err(Error::TooManyNodes {
            nodes: limits.max_nodes.saturating_add(1),
            limit: limits.max_nodes,
            offset,
        }),
        Stop::TooDeep(offset) => Err(Error::TooDeep {
            depth: limits.max_depth + 1,
            limit: limits.max_depth,
            offset,
        }),
        Stop::Attributes { attributes, offset } => Err(Error::TooManyAttributes {
            attributes,
            limit: limits.max_attributes,
            offset,
        }),
    }
}

/// The document node and the `<html>`, `<head>` and `<body>` the parser
/// always makes, counted as nodes whatever the source holds.
const ALWAYS_NODES: usize = 4;

/// The limits one scan enforces.
#[derive(Clone, Copy)]
struct Most {
    depth: usize,
    attributes: usize,
    nodes: usize,
}

/// Where the scan stopped.
#[derive(Debug, Eq, PartialEq)]
enum Stop {
    /// At the token (its first byte) that took the node count past the
    /// limit.
    Nodes(usize),
    /// At the end, with the deepest nesting seen.
    Done(usize),
    /// At the start tag (its `<`) that took the nesting past the limit.
    TooDeep(usize),
    /// At a tag with too many attributes.
    Attributes { attributes: usize, offset: usize },
}

/// The estimated deepest nesting of `s` when it stays within `stop`.
#[cfg(test)]
fn max_nesting(s: &[u8], stop: usize) -> usize {
    let most = Most {
        depth: stop,
        attributes: usize::MAX,
        nodes: usize::MAX,
    };
    match scan(s, most, false) {
        Stop::Done(d) => d,
        _ => stop + 1,
    }
}

/// The byte offset to report for a depth over `limit` that only the parsed
/// tree showed: the start tag where the estimate, counting formatting
/// elements too (the parser nests those it does not reopen), passes the
/// limit; the end of the input when even that count stays within it.
pub(crate) fn depth_offset(input: &str, limit: usize) -> usize {
    let most = Most {
        depth: limit,
        attributes: usize::MAX,
        nodes: usize::MAX,
    };
    match scan(input.as_bytes(), most, true) {
        Stop::TooDeep(offset) => offset,
        _ => input.len(),
    }
}

/// The byte offset to report for a tree of more than `limit` nodes: where a
/// count of one node per tag, comment, doctype and text run, plus the
/// document and its `<html>`, `<head>` and `<body>`, passes the limit; the
/// end of the input when that count stays within it. The parser merges text
/// and adds elements of its own, so this is where the count is crossed as
/// far as the source shows.
pub(crate) fn nodes_offset(input: &str, limit: usize) -> usize {
    let s = input.as_bytes();
    let mut nodes = ALWAYS_NODES;
    let mut lexer = Lexer::new(s);
    while let Some(token) = lexer.next() {
        let at = match token {
            Token::StartTag(tag) => {
                let element = Element::of(&s[tag.name]);
                if element.raw_text() || element.rcdata() {
                    let content = lexer.raw_text(&s[tag.name]);
                    nodes += usize::from(!content.is_empty());
                }
                if element.root() {
                    continue;
                }
                tag.span.start
            }
            Token::Text(sp) | Token::Comment(sp) | Token::Doctype(sp) | Token::Cdata(sp) => {
                sp.start
            }
            Token::EndTag(_) | Token::Nothing(_) => continue,
            Token::EofInTag(_) => break,
        };
        nodes += 1;
        if nodes > limit {
            return at;
        }
    }
    input.len()
}

/// How many line breaks (`\n`) `input` holds: one more than the lines of
/// plain text it can make at most.
pub(crate) fn line_breaks(input: &str) -> usize {
    memchr::memchr_iter(b'\n', input.as_bytes()).count()
}

/// Refuses plain text with more than `limit` non-blank lines with
/// [`Error::TooManyLines`], before any of them is segmented: each becomes a
/// block, and a block costs a few hundred bytes however short its line, so
/// the count is checked in one pass over the line breaks before that memory
/// is spent. A line is blank as the text segmenter sees it: nothing but
/// whitespace. The offset is that of the first line over the limit (its
/// first byte that is not whitespace, where its block would start).
/// `breaks` is the number of line breaks of `input` ([`line_breaks`]),
/// counted once for the guard and the segmenter.
pub(crate) fn check_lines(input: &str, breaks: usize, limit: usize) -> Result<(), Error> {
    debug_assert_eq!(breaks, line_breaks(input));
    // A text of `n` line breaks has at most `n + 1` lines: most texts are
    // within the limit by that count alone, which `memchr` makes without
    // a look at any line.
    if breaks < limit {
        return Ok(());
    }
    let mut lines = 0usize;
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', input.as_bytes()).chain(std::iter::once(input.len()));
    for end in ends {
        let line = &input[start..end];
        let from = start;
        start = end + 1;
        let text = line.trim_start();
        if text.trim_end().is_empty() {
            continue;
        }
        lines += 1;
        if lines > limit {
            return Err(Error::TooManyLines {
                lines,
                limit,
                offset: from + (line.len() - text.len()),
            });
        }
    }
    Ok(())
}

/// The stack of open elements as the scan sees it.
#[derive(Default)]
struct Stack<'s> {
    open: Vec<(&'s [u8], Element)>,
    /// How many of them are `<svg>` or `<math>`: inside, no element is raw
    /// text and a self-closing tag opens nothing.
    foreign: usize,
}

impl<'s> Stack<'s> {
    fn push(&mut self, name: &'s [u8], element: Element) {
        self.foreign += usize::from(element.foreign());
        self.open.push((name, element));
    }

    /// Pops down to `len` elements. At most a reach's worth are popped, so
    /// the count of foreign ones stays linear.
    fn truncate(&mut self, len: usize) {
        let gone = self.open[len.min(self.open.len())..]
            .iter()
            .filter(|o| o.1.foreign())
            .count();
        self.foreign -= gone;
        self.open.truncate(len);
    }

    fn current_is(&self, name: &[u8]) -> bool {
        self.open
            .last()
            .is_some_and(|o| o.0.eq_ignore_ascii_case(name))
    }

    /// The index of the nearest open element that `found` accepts, among
    /// the top `reach`, searching down and giving up at the first that
    /// `stops`.
    fn search(
        &self,
        reach: usize,
        found: impl Fn(&[u8]) -> bool,
        stops: impl Fn(Element) -> bool,
    ) -> Option<usize> {
        let low = self.open.len().saturating_sub(reach);
        for i in (low..self.open.len()).rev() {
            if found(self.open[i].0) {
                return Some(i);
            }
            if stops(self.open[i].1) {
                return None;
            }
        }
        None
    }
}

/// The scan behind [`check`]; `formatting` counts formatting elements too.
/// Nodes are counted as [`nodes_offset`] counts them, except that raw text
/// inside `<svg>` or `<math>` is not skipped: the count is an estimate of
/// the source's size in nodes, made in the same pass as the depth.
fn scan(s: &[u8], most: Most, formatting: bool) -> Stop {
    let mut watch = Watch::new(most, formatting);
    let mut lexer = Lexer::new(s);
    while let Some(token) = lexer.next() {
        let element = match token {
            Token::StartTag(tag) => Element::of(&s[tag.name]),
            _ => Element::default(),
        };
        match watch.token(s, &token, element) {
            Step::Next => {}
            Step::RawText(tag) => {
                let content = lexer.raw_text(&s[tag.name]);
                watch.content(&tag, content);
            }
            Step::Stop => break,
        }
        if let Some(stop) = watch.stop.take() {
            return stop;
        }
        lexer.set_cdata(watch.foreign());
    }
    Stop::Done(watch.deepest)
}

/// What [`Watch::token`] asks of the lexer.
enum Step {
    /// Nothing: lex the next token.
    Next,
    /// Skip the content of this raw-text or RCDATA element and tell
    /// [`Watch::content`].
    RawText(Tag),
    /// Stop: the input ends (or is all text from here).
    Stop,
}

/// The scan's state, one token at a time: the lexer is driven by its caller
/// ([`scan`], or the one pass of `segment::html` through [`Follow`]).
struct Watch<'s> {
    stack: Stack<'s>,
    deepest: usize,
    nodes: usize,
    most: Most,
    formatting: bool,
    /// Where the scan stopped on a limit; taken by the caller.
    stop: Option<Stop>,
}

impl<'s> Watch<'s> {
    fn new(most: Most, formatting: bool) -> Watch<'s> {
        Watch {
            stack: Stack::default(),
            deepest: 0,
            nodes: ALWAYS_NODES,
            most,
            formatting,
            stop: None,
        }
    }

    /// Whether the estimate is inside foreign content, where `<![CDATA[`
    /// opens a CDATA section.
    fn foreign(&self) -> bool {
        self.stack.foreign > 0
    }

    /// One more node, which starts at `at`.
    fn node(&mut self, at: usize) {
        self.nodes += 1;
        if self.nodes > self.most.nodes && self.stop.is_none() {
            self.stop = Some(Stop::Nodes(at));
        }
    }

    /// The content of a raw-text or RCDATA element: one text node, if any.
    fn content(&mut self, tag: &Tag, content: Span) {
        if !content.is_empty() {
            self.node(tag.span.start);
        }
    }

    /// One token; `element` holds the facts of a start tag's name.
    fn token(&mut self, s: &'s [u8], token: &Token, element: Element) -> Step {
        let tag = match *token {
            Token::StartTag(tag) => tag,
            Token::EndTag(tag) => {
                let name = &s[tag.name];
                if let Some(p) =
                    self.stack
                        .search(END_TAG_REACH, |o| o.eq_ignore_ascii_case(name), |_| false)
                {
                    self.stack.truncate(p);
                }
                return Step::Next;
            }
            Token::EofInTag(_) => return Step::Stop,
            Token::Text(sp) | Token::Comment(sp) | Token::Doctype(sp) | Token::Cdata(sp) => {
                self.node(sp.start);
                return Step::Next;
            }
            Token::Nothing(_) => return Step::Next,
        };
        if tag.attributes > self.most.attributes {
            self.stop = Some(Stop::Attributes {
                attributes: tag.attributes,
                offset: tag.span.start,
            });
            return Step::Next;
        }
        let name = &s[tag.name];
        if !element.root() {
            self.node(tag.span.start);
            if self.stop.is_some() {
                return Step::Next;
            }
        }
        if element.void()
            || (tag.self_closing && (self.foreign() || element.foreign()))
            || (element.formatting() && !self.formatting)
            || element.root()
        {
            return Step::Next;
        }
        if !self.foreign() {
            if element.plaintext() {
                return Step::Stop;
            }
            if element.raw_text() || element.rcdata() {
                return Step::RawText(tag);
            }
        }
        close_implied(&mut self.stack, element);
        self.stack.push(name, element);
        self.deepest = self.deepest.max(self.stack.open.len());
        if self.deepest > self.most.depth {
            self.stop = Some(Stop::TooDeep(tag.span.start));
        }
        Step::Next
    }
}

/// [`check`] following another pass of the lexer over the same input (the
/// one pass of `segment::html`), which drives the lexer and tells it each
/// token. Where that pass and this scan would drive the lexer apart (their
/// readings of foreign content differ), [`Follow::finish`] runs [`check`]
/// on its own instead.
pub(crate) struct Follow<'s> {
    watch: Watch<'s>,
    /// A raw-text element whose content the driving pass has yet to report.
    pending: bool,
    /// Whether the scan reached its end (the input's, or `<plaintext>`).
    ended: bool,
    /// Whether the two passes parted.
    parted: bool,
    input: &'s str,
    limits: Limits,
}

impl<'s> Follow<'s> {
    /// Follows a pass over `input`, against `limits`.
    pub(crate) fn new(input: &'s str, limits: &Limits) -> Follow<'s> {
        let most = Most {
            depth: limits.max_depth,
            attributes: limits.max_attributes,
            nodes: limits.max_nodes,
        };
        Follow {
            watch: Watch::new(most, false),
            pending: false,
            ended: false,
            parted: false,
            input,
            limits: *limits,
        }
    }

    /// Whether the scan stopped on a limit, so the pass can stop too.
    #[inline]
    pub(crate) fn stopped(&self) -> bool {
        self.watch.stop.is_some()
    }

    /// A token of the driving pass, before it acts on it, with the element
    /// facts of a start tag's name.
    #[inline]
    pub(crate) fn token(&mut self, token: &Token, element: Element) {
        if self.ended || self.parted || self.stopped() {
            return;
        }
        match self.watch.token(self.input.as_bytes(), token, element) {
            Step::Next => {}
            Step::RawText(_) => self.pending = true,
            Step::Stop => self.ended = true,
        }
    }

    /// The content of a raw-text or RCDATA element the driving pass
    /// skipped, just after its start tag `tag`.
    pub(crate) fn content(&mut self, tag: &Tag, content: Span) {
        if self.ended || self.parted || self.stopped() {
            return;
        }
        if !self.pending {
            self.parted = true;
            return;
        }
        self.pending = false;
        self.watch.content(tag, content);
    }

    /// After each token: whether the driving pass now reads `<![CDATA[` as
    /// a CDATA section. The two passes drove the lexer alike so far only
    /// if they agree on it and on every raw-text element.
    #[inline]
    pub(crate) fn after(&mut self, cdata: bool) {
        if self.ended || self.parted || self.stopped() {
            return;
        }
        if self.pending || self.watch.foreign() != cdata {
            self.parted = true;
        }
    }

    /// The result [`check`] gives.
    pub(crate) fn finish(self) -> Result<(), Error> {
        if self.parted {
            return check(self.input, &self.limits);
        }
        let stop = self.watch.stop.unwrap_or(Stop::Done(self.watch.deepest));
        result(stop, &self.limits)
    }
}

/// Pops what the start tag of `element` implicitly ends, as the tree
/// builder's rules for it say, looking at most [`REOPEN_REACH`] down.
fn close_implied(stack: &mut Stack<'_>, element: Element) {
    fn is(names: &'static [&'static [u8]]) -> impl Fn(&[u8]) -> bool {
        move |open| names.iter().any(|n| n.eq_ignore_ascii_case(open))
    }
    const R: usize = REOPEN_REACH;
    let end = match element.family() {
        Family::None => None,
        // "Loop: if node is an li element… if node is in the special
        // category, but is not an address, div, or p element, jump to done."
        Family::ListItem => stack.search(R, is(&[b"li"]), Element::special_stop),
        Family::Definition => stack.search(R, is(&[b"dd", b"dt"]), Element::special_stop),
        // "If the current node is an option element, pop the current node."
        Family::Option => stack.current_is(b"option").then(|| stack.open.len() - 1),
        Family::OptGroup => {
            if stack.current_is(b"option") {
                stack.truncate(stack.open.len() - 1);
            }
            // In a select, an optgroup ends the open optgroup too.
            let in_select = stack.search(R, is(&[b"select"]), |_| false).is_some();
            (in_select && stack.current_is(b"optgroup")).then(|| stack.open.len() - 1)
        }
        Family::Cell => stack.search(R, is(&[b"td", b"th"]), Element::table_scope),
        Family::Row => stack.search(R, is(&[b"tr"]), Element::table_scope),
        Family::Section => {
            stack.search(R, is(&[b"thead", b"tbody", b"tfoot"]), Element::table_scope)
        }
        Family::Button => stack.search(R, is(&[b"button"]), Element::scope),
        Family::Ruby => stack.search(R, is(&[b"rb", b"rt", b"rp", b"rtc"]), |_| false),
        Family::Form => stack.search(R, is(&[b"form"]), |_| false),
    };
    if let Some(end) = end {
        stack.truncate(end);
    }
    if element.closes_p() {
        // "If the stack has a p element in button scope, close a p element",
        // and with it whatever was left open inside it.
        if let Some(p) = stack.search(R, is(&[b"p"]), Element::scope) {
            stack.truncate(p);
        }
    }
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
        let limits = |max_depth| Limits {
            max_depth,
            max_attributes: usize::MAX,
            ..Limits::default()
        };
        assert_eq!(
            check(&"<div>".repeat(20), &limits(8)),
            Err(Error::TooDeep {
                depth: 9,
                limit: 8,
                offset: 8 * 5
            })
        );
        assert_eq!(check(&"<div>".repeat(8), &limits(8)), Ok(()));
    }

    #[test]
    fn implied_end_tags_follow_the_tree_builder() {
        assert_eq!(depth("<ul><li>a<li>b<li>c</ul>"), 2);
        assert_eq!(depth("<ul><li><ul><li><ul><li>"), 6);
        assert_eq!(depth("<li><div><li><div><li><div>"), 2);
        assert_eq!(depth("<dl><dt>a<dd>b<dt>c<dd>d</dl>"), 2);
        assert_eq!(depth("<dl><dd><dl><dd>"), 4);
        assert_eq!(depth("<select><option>a<option>b<optgroup><option>c"), 3);
        assert_eq!(depth(&"<optgroup><option>".repeat(10)), 11);
        assert_eq!(depth("<table><tr><td>a<td>b<tr><td>c</table>"), 3);
        assert_eq!(depth("<table><tr><td><table><tr><td>"), 6);
        assert_eq!(depth("<p><button><div>"), 3);
        assert_eq!(depth(&"<div/>".repeat(10)), 10);
        assert_eq!(depth("<svg><path/><g/></svg>"), 1);
    }

    #[test]
    fn comments_and_raw_text_end_where_the_tokenizer_ends_them() {
        assert_eq!(depth("<!-- a --!><div><div>"), 2);
        assert_eq!(depth("<script></scriptx><div><div></script><div>"), 1);
        assert_eq!(depth("<svg><style><div></style></svg>"), 3);
    }

    #[test]
    fn attributes_are_counted_per_tag() {
        let limits = Limits {
            max_depth: 100,
            max_attributes: 2,
            ..Limits::default()
        };
        assert_eq!(check("<p a b><p c d>", &limits), Ok(()));
        assert_eq!(
            check("<p a b><p c d e>", &limits),
            Err(Error::TooManyAttributes {
                attributes: 3,
                limit: 2,
                offset: 7
            })
        );
    }

    #[test]
    fn offsets_for_limits_the_tree_found() {
        let deep = "<b>".repeat(10);
        assert_eq!(depth_offset(&deep, 4), 12);
        assert_eq!(depth_offset("<div>", 4), 5);
        // Document, html, head, body, then "<p>" (4 + 1) and "x" (4 + 2).
        assert_eq!(nodes_offset("<p>x</p>", 5), 3);
        assert_eq!(nodes_offset("<p>x</p>", 100), 8);
    }
}
