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

use std::borrow::Cow;

use crate::html::elements::Element;
use crate::html::lexer::{Lexer, Token};

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
/// (tags kept), borrowed when there is nothing to remove, and the number of
/// text nodes the parse of the copy lacks (one per element whose non-empty
/// content was removed).
pub(crate) fn strip(input: &str) -> (Cow<'_, str>, usize) {
    let b = input.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut removed = 0usize;
    let mut lexer = Lexer::new(b);
    while let Some(token) = lexer.next() {
        let tag = match token {
            Token::StartTag(tag) => tag,
            // The input ends inside it: nothing more to strip.
            Token::EofInTag(_) => break,
            _ => continue,
        };
        let name = &b[tag.name];
        let element = Element::of(name);
        if element.tree_decides() {
            break;
        }
        if !(element.raw_text() || element.rcdata()) {
            continue;
        }
        let content = lexer.raw_text(name);
        if !strips(name) {
            if content.end == b.len() {
                // No end tag: the rest is its content, nothing to strip.
                break;
            }
            continue;
        }
        let raw = &b[content];
        if name.eq_ignore_ascii_case(b"script")
            && memchr::memmem::find(raw, b"<!--").is_some()
            && contains_ignore_case(raw, b"<script")
        {
            // Escaped and double-escaped script data may end elsewhere.
            break;
        }
        if !raw.is_empty() {
            let s = out.get_or_insert_with(|| String::with_capacity(input.len()));
            s.push_str(&input[copied..content.start]);
            copied = content.end;
            removed += 1;
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
