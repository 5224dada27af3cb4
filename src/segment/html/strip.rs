//! A cheaper copy of the page for the parser: `<script>` and `<style>`
//! contents removed.
//!
//! html5ever tokenizes raw text character by character and stores it as a
//! text node that the walk then skips; on news pages script and style
//! contents are often half of all bytes. Provenance comes from a scan of
//! the original source ([`super::sourcemap`]), never from the tree, so the
//! tree only has to be the same apart from those text nodes.
//!
//! This is a small model of the HTML tokenizer's states that decide where
//! tags are: data, tags (with quoted attribute values), comments, bogus
//! comments, RCDATA and RAWTEXT elements. A `<script>` or `<style>` start
//! tag seen in the data state puts the real tokenizer in the script-data or
//! RAWTEXT state, and the content then runs to the first matching end tag.
//! Wherever the tree builder, not the tokenizer, decides (foreign content,
//! `<select>`, framesets) or the content could end elsewhere (`<!--` with a
//! nested `<script` in a script, `<plaintext>`), the rest of the page is
//! copied unchanged.

use std::borrow::Cow;

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

/// [`strip_raw_text`] plus the number of text nodes the parse of the copy
/// lacks (one per element whose non-empty content was removed).
pub(crate) fn strip(input: &str) -> (Cow<'_, str>, usize) {
    let b = input.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut removed = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let Some(&c) = b.get(lt + 1) else { break };
        match c {
            b'!' => {
                let Some(end) = markup_declaration(b, lt) else {
                    break;
                };
                i = end;
            }
            b'?' => {
                let Some(end) = find_gt(b, lt + 2) else { break };
                i = end;
            }
            b'/' => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = tag_name_end(b, lt + 2);
                    let Some(end) = tag_end(b, name_end) else {
                        break;
                    };
                    i = end;
                }
                Some(b'>') => i = lt + 3,
                Some(_) => {
                    let Some(end) = find_gt(b, lt + 2) else { break };
                    i = end;
                }
                None => break,
            },
            c if c.is_ascii_alphabetic() => {
                let name_end = tag_name_end(b, lt + 1);
                let name = &b[lt + 1..name_end];
                let Some(end) = tag_end(b, name_end) else {
                    break;
                };
                match Element::of(name) {
                    Element::Other => i = end,
                    Element::Stop => break,
                    Element::Raw(raw) => match end_tag(b, end, raw) {
                        Some(close) => i = close,
                        None => break,
                    },
                    Element::Strip(raw) => {
                        let close = end_tag(b, end, raw).unwrap_or(b.len());
                        let content = &b[end..close];
                        if raw == b"script"
                            && memchr::memmem::find(content, b"<!--").is_some()
                            && contains_ignore_case(content, b"<script")
                        {
                            // Escaped and double-escaped script data may
                            // end elsewhere.
                            break;
                        }
                        if !content.is_empty() {
                            let s = out.get_or_insert_with(|| String::with_capacity(input.len()));
                            s.push_str(&input[copied..end]);
                            copied = close;
                            removed += 1;
                        }
                        i = close;
                    }
                }
            }
            _ => i = lt + 1,
        }
    }
    match out {
        None => (Cow::Borrowed(input), 0),
        Some(mut s) => {
            s.push_str(&input[copied..]);
            (Cow::Owned(s), removed)
        }
    }
}

/// What a start tag does to the tokenizer, in this model.
enum Element {
    /// Nothing: back to the data state after the tag.
    Other,
    /// Raw text whose content is removed (script, style).
    Strip(&'static [u8]),
    /// Raw text or RCDATA whose content is kept.
    Raw(&'static [u8]),
    /// The tree builder decides what follows: stop stripping.
    Stop,
}

impl Element {
    fn of(name: &[u8]) -> Element {
        const STRIP: [&[u8]; 2] = [b"script", b"style"];
        const RAW: [&[u8]; 7] = [
            b"title",
            b"textarea",
            b"xmp",
            b"iframe",
            b"noembed",
            b"noframes",
            b"noscript",
        ];
        const STOP: [&[u8]; 5] = [b"plaintext", b"svg", b"math", b"select", b"frameset"];
        if let Some(n) = STRIP.iter().find(|n| name.eq_ignore_ascii_case(n)) {
            Element::Strip(n)
        } else if let Some(n) = RAW.iter().find(|n| name.eq_ignore_ascii_case(n)) {
            Element::Raw(n)
        } else if STOP.iter().any(|n| name.eq_ignore_ascii_case(n)) {
            Element::Stop
        } else {
            Element::Other
        }
    }
}

/// Whitespace as the tokenizer sees it (CR becomes LF before it).
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The index just past the next `>` at or after `from`.
fn find_gt(b: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'>', &b[from..]).map(|o| from + o + 1)
}

/// The end of a tag name starting at `from`.
fn tag_name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .map_or(b.len(), |o| from + o)
}

/// The index just past the `>` that ends a tag whose name ends at `from`:
/// the tokenizer's attribute states, where only a quoted value can hide a
/// `>`. `None` when the tag runs to the end of input.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum S {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Unquoted,
    }
    let mut s = S::BeforeName;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        s = match s {
            S::BeforeName => match c {
                b'>' => return Some(i + 1),
                c if is_space(c) || c == b'/' => S::BeforeName,
                _ => S::Name,
            },
            S::Name => match c {
                b'>' => return Some(i + 1),
                b'=' => S::BeforeValue,
                c if is_space(c) => S::AfterName,
                b'/' => S::BeforeName,
                _ => S::Name,
            },
            S::AfterName => match c {
                b'>' => return Some(i + 1),
                b'=' => S::BeforeValue,
                c if is_space(c) => S::AfterName,
                b'/' => S::BeforeName,
                _ => S::Name,
            },
            S::BeforeValue => match c {
                b'>' => return Some(i + 1),
                b'"' | b'\'' => {
                    // Skip the quoted value in one search.
                    i += 1 + memchr::memchr(c, &b[i + 1..])?;
                    S::BeforeName
                }
                c if is_space(c) => S::BeforeValue,
                _ => S::Unquoted,
            },
            S::Unquoted => match c {
                b'>' => return Some(i + 1),
                c if is_space(c) => S::BeforeName,
                _ => S::Unquoted,
            },
        };
        i += 1;
    }
    None
}

/// The index just past a markup declaration (`<!…`) starting at `lt`:
/// a comment, a doctype or a bogus comment.
fn markup_declaration(b: &[u8], lt: usize) -> Option<usize> {
    let rest = &b[lt + 2..];
    if !rest.starts_with(b"--") {
        return find_gt(b, lt + 2);
    }
    let body = lt + 4;
    let r = &b[body..];
    if r.starts_with(b">") {
        return Some(body + 1);
    }
    if r.starts_with(b"->") {
        return Some(body + 2);
    }
    let a = memchr::memmem::find(r, b"-->").map(|o| body + o + 3);
    let z = memchr::memmem::find(r, b"--!>").map(|o| body + o + 4);
    match (a, z) {
        (Some(a), Some(z)) => Some(a.min(z)),
        (a, z) => a.or(z),
    }
}

/// The index of the `<` of the first `</name` (ASCII case-insensitive)
/// at or after `from` that is followed by whitespace, `/` or `>`: the
/// appropriate end tag of a raw-text element.
fn end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(o) = memchr::memmem::find(&b[i..], b"</") {
        let lt = i + o;
        let n = lt + 2;
        let m = n + name.len();
        if b.len() > m
            && b[n..m].eq_ignore_ascii_case(name)
            && (is_space(b[m]) || matches!(b[m], b'/' | b'>'))
        {
            return Some(lt);
        }
        i = lt + 2;
    }
    None
}

/// Whether `hay` contains `needle` (lowercase ASCII), ignoring ASCII case.
fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_script_and_style_contents() {
        let s = strip_raw_text("<p>a<script type=\"x>y\">if (a<b) {}</script ><style>p{}</STYLE>b");
        assert_eq!(s, "<p>a<script type=\"x>y\"></script ><style></STYLE>b");
    }

    #[test]
    fn borrows_when_nothing_to_strip() {
        assert!(matches!(
            strip_raw_text("<p>a<script></script>"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn leaves_comments_rcdata_and_foreign_content() {
        for page in [
            "<!-- <script>x</script> -->",
            "<title><script>x</script></title>",
            "<textarea><style>x</style></textarea>",
            "<svg><style>x</style></svg><script>y</script>",
            "<script><!-- <script>x</script> --></script>",
        ] {
            assert_eq!(strip_raw_text(page), page);
        }
    }

    /// The tree as a flat list of element names with their attributes and
    /// text, leaving out the text inside script and style elements.
    fn dom(page: &str) -> Vec<String> {
        use ego_tree::iter::Edge;
        use scraper::{Html, Node};
        let doc = Html::parse_document(page);
        let mut out = Vec::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let mut attrs: Vec<_> = e.attrs().collect();
                        attrs.sort();
                        out.push(format!("<{:?} {:?}", e.name, attrs));
                    }
                    Node::Text(t) => {
                        let raw = node
                            .parent()
                            .and_then(|p| p.value().as_element())
                            .is_some_and(|e| matches!(e.name(), "script" | "style"));
                        if !raw {
                            out.push(format!("{:?}", &*t.text));
                        }
                    }
                    Node::Comment(c) => out.push(format!("<!--{:?}", &*c.comment)),
                    Node::Doctype(d) => out.push(format!("<!{:?}", d.name())),
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        out.push(">".into());
                    }
                }
            }
        }
        out
    }

    /// The parse of the stripped copy equals the parse of the page, apart
    /// from the removed text nodes, whose number `strip` reports.
    fn assert_same_dom(page: &str) {
        let (stripped, removed) = strip(page);
        assert_eq!(dom(&stripped), dom(page), "page: {page:?}");
        let nodes = |p: &str| scraper::Html::parse_document(p).tree.values().len();
        assert_eq!(nodes(&stripped) + removed, nodes(page), "page: {page:?}");
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
            "<style>unclosed </style",
            "<p a='<script>'>b</p><script>c</script>",
            "</p a='>'><script>c</script>",
            "<!---><script>a</script><!--->--><script>b</script>",
            "<noscript><script>a</script></noscript><p>b",
            "<? x ><script>a</script></ x ><script>b</script>",
            "<script/>a</script>b",
            "<div><style x=1 y>a</style\r>b",
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
            let (stripped, removed) = strip(&page);
            total += page.len();
            kept += stripped.len();
            let nodes = |p: &str| scraper::Html::parse_document(p).tree.values().len();
            if dom(&stripped) != dom(&page) || nodes(&stripped) + removed != nodes(&page) {
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
    const SOUP: &[&str] = &[
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
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn tag_soup_parses_the_same(
            pieces in proptest::collection::vec(proptest::sample::select(SOUP), 0..48)
        ) {
            assert_same_dom(&pieces.concat());
        }
    }
}
