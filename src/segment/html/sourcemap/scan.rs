//! One pass of the lexer over the source: the runs of character data the
//! tokenizer turns into text, and the few tags the metadata reader wants.

use crate::html::elements::Element;
use crate::html::lexer::{Attribute, Lexer, Tag, Token};
use crate::vocab::Span;

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
    /// The `<html>`, `<link>`, `<meta>` and `<time>` start tags, in source
    /// order, for the metadata's second look (`segment::html::tags`).
    pub(crate) tags: Vec<Tag>,
    /// Start tags, runs of character data and comments seen: about as many
    /// nodes as the parse of the page makes (it adds `<html>`, `<head>`,
    /// `<body>` and reopened formatting elements, and joins text).
    pub(crate) nodes: usize,
}

/// A `<meta>` tag: what it names (`name`, `property` or `itemprop`, raw)
/// and where its `content` value sits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MetaTag {
    pub(crate) key: Span,
    pub(crate) content: Span,
}

/// Finds the runs of character data and the metadata tags in one pass.
pub(crate) fn scan(src: &str) -> Scan {
    scan_with(src, &mut ())
}

/// What else one pass of the scan can do with the tokens it sees (the
/// parser's copy of [`super::super::strip`]), told in the order the scan
/// meets them. The scan alone drives the lexer.
pub(crate) trait Visit {
    /// Any token, before the scan acts on it (and before the calls below),
    /// with the element facts of a start tag's name (the default facts for
    /// any other token).
    fn token(&mut self, _token: &Token, _element: Element) {}
    /// Whether the scan can stop here.
    fn stop(&self) -> bool {
        false
    }
    /// A start tag, with its element facts and its attributes, before the
    /// scan acts on it.
    fn start(&mut self, _s: &[u8], _tag: &Tag, _element: Element, _attrs: &[Attribute]) {}
    /// The content of a raw-text or RCDATA element that the scan skipped,
    /// just after its start tag.
    fn content(&mut self, _s: &[u8], _tag: &Tag, _content: Span) {}
    /// An end tag, before the scan acts on it.
    fn end(&mut self, _s: &[u8], _tag: &Tag) {}
    /// A comment.
    fn comment(&mut self, _span: Span) {}
    /// After each token: whether the scan is now inside foreign content.
    fn after(&mut self, _foreign: bool) {}
}

impl Visit for () {}

/// [`scan`], telling `visit` what it sees.
pub(crate) fn scan_with(src: &str, visit: &mut impl Visit) -> Scan {
    let s = src.as_bytes();
    let mut out = Scan::default();
    let push = |runs: &mut Vec<(u32, u32)>, sp: Span| {
        if sp.end > sp.start {
            runs.push((sp.start as u32, sp.end as u32));
        }
    };
    // Depth of <svg>/<math>: inside foreign content no element is raw text,
    // and `<![CDATA[` is text.
    let mut foreign = 0u32;
    let mut lexer = Lexer::new(s);
    while let Some(token) = lexer.next() {
        // Each start tag's facts, looked up once for the scan and its
        // visitor.
        let element = match token {
            Token::StartTag(tag) => Element::of(&s[tag.name]),
            _ => Element::default(),
        };
        visit.token(&token, element);
        out.nodes += usize::from(matches!(
            token,
            Token::StartTag(_) | Token::Text(_) | Token::Comment(_) | Token::Cdata(_)
        ));
        match token {
            Token::Text(sp) => push(&mut out.runs, sp),
            Token::Cdata(sp) => {
                // Its content, between `<![CDATA[` and `]]>`, is text.
                let end = if s[..sp.end].ends_with(b"]]>") {
                    sp.end - 3
                } else {
                    sp.end
                };
                push(
                    &mut out.runs,
                    Span::new(sp.start + 9, end.max(sp.start + 9)),
                );
            }
            Token::StartTag(tag) => {
                if is_metadata_tag(&s[tag.name]) {
                    out.tags.push(tag);
                }
                // The tag's attributes as the lexer found them, read by the
                // visitor and the scan while the lexer goes on.
                let attrs = lexer.take_attributes();
                visit.start(s, &tag, element, &attrs);
                let start = StartTag {
                    tag: &tag,
                    element,
                    attrs: &attrs,
                };
                start_tag(s, start, &mut lexer, &mut foreign, &mut out, visit);
                lexer.restore_attributes(attrs);
            }
            Token::EndTag(tag) => {
                visit.end(s, &tag);
                if foreign > 0 && Element::of(&s[tag.name]).foreign() {
                    foreign -= 1;
                    lexer.set_cdata(foreign > 0);
                }
            }
            // The tokenizer drops a tag cut off by the end, and the input
            // ends there.
            Token::EofInTag(_) => break,
            Token::Comment(sp) => visit.comment(sp),
            Token::Doctype(_) | Token::Nothing(_) => {}
        }
        visit.after(foreign > 0);
        if visit.stop() {
            break;
        }
    }
    out
}

/// Whether a start tag is one `segment::html::tags` reads: `html`,
/// `link`, `meta` or `time`, in any case.
#[inline]
fn is_metadata_tag(name: &[u8]) -> bool {
    let [a, b, c, d] = name else { return false };
    let n = u32::from_le_bytes([*a, *b, *c, *d]) | 0x2020_2020;
    n == u32::from_le_bytes(*b"html")
        || n == u32::from_le_bytes(*b"link")
        || n == u32::from_le_bytes(*b"meta")
        || n == u32::from_le_bytes(*b"time")
}

/// A start tag as the scan reads it: the tag, its element facts and its
/// attributes.
#[derive(Clone, Copy)]
struct StartTag<'t> {
    tag: &'t Tag,
    element: Element,
    attrs: &'t [Attribute],
}

/// The scan's part of a start tag.
fn start_tag(
    s: &[u8],
    start: StartTag<'_>,
    lexer: &mut Lexer<'_>,
    foreign: &mut u32,
    out: &mut Scan,
    visit: &mut impl Visit,
) {
    let push = |runs: &mut Vec<(u32, u32)>, sp: Span| {
        if sp.end > sp.start {
            runs.push((sp.start as u32, sp.end as u32));
        }
    };
    let StartTag {
        tag,
        element,
        attrs,
    } = start;
    let name = &s[tag.name];
    if name.eq_ignore_ascii_case(b"meta") {
        let (mut key, mut content) = (None, None);
        for a in attrs {
            let Some(value) = a.value else { continue };
            let n = &s[a.name];
            if n.eq_ignore_ascii_case(b"content") {
                content.get_or_insert(value);
            } else if n.eq_ignore_ascii_case(b"name")
                || n.eq_ignore_ascii_case(b"property")
                || n.eq_ignore_ascii_case(b"itemprop")
            {
                key.get_or_insert(value);
            }
        }
        if let (Some(key), Some(content)) = (key, content) {
            out.metas.push(MetaTag { key, content });
        }
        return;
    }
    if element.foreign() {
        if !tag.self_closing {
            *foreign += 1;
            lexer.set_cdata(true);
        }
        return;
    }
    if *foreign > 0 {
        return;
    }
    if element.plaintext() {
        push(&mut out.runs, lexer.rest());
        return;
    }
    if element.rcdata() {
        let content = lexer.raw_text(name);
        visit.content(s, tag, content);
        push(&mut out.runs, content);
        if name.eq_ignore_ascii_case(b"title") && out.title.is_none() {
            out.title = Some(content);
        }
    } else if element.raw_text() {
        let content = lexer.raw_text(name);
        visit.content(s, tag, content);
        if name.eq_ignore_ascii_case(b"script") && is_ldjson(s, attrs) {
            out.ldjson.push(content);
        }
    }
}

/// Whether a `<script>` tag's (last) `type` is JSON-LD.
fn is_ldjson(s: &[u8], attrs: &[Attribute]) -> bool {
    let mut ldjson = false;
    for a in attrs {
        if let Some(v) = a.value
            && s[a.name].eq_ignore_ascii_case(b"type")
        {
            let v = &s[v];
            ldjson = v.len() >= 7 && v[v.len() - 7..].eq_ignore_ascii_case(b"ld+json");
        }
    }
    ldjson
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
    fn cdata_is_text_only_in_foreign_content() {
        let src = "<svg><![CDATA[a>b]]></svg><![CDATA[c>d]]>";
        let scan = scan(src);
        let runs: Vec<&str> = scan
            .runs
            .iter()
            .map(|&(a, b)| &src[a as usize..b as usize])
            .collect();
        assert_eq!(runs, ["a>b", "d]]>"]);
    }
}
