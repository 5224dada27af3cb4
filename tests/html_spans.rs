//! The provenance contract of HTML blocks (see `SourceSpan`): every source
//! span holds no markup and, its character references decoded and its
//! whitespace collapsed, equals the piece of block text it claims.
//!
//! The oracle decodes with html5ever itself: the source piece is parsed as
//! the content of a `<body>` and its text taken, so whatever the tokenizer
//! does with references (legacy names without `;`, numeric C1 remapping) the
//! check does too.

use deboiler::{Article, BlockKind, InputKind};
use proptest::prelude::*;

/// Decodes `raw` as the tokenizer would in text, or with `rcdata` as it
/// decodes RCDATA (`<title>`), then collapses each run of ASCII whitespace
/// to one space and trims. Under RCDATA rules references are decoded and a
/// `<` is always text. Spans of metadata blocks lie in `<title>`, attribute values or JSON-LD strings, where
/// markup characters are text; the cleaner leaves every `&` that attribute
/// rules read differently out of spans, so RCDATA rules decode them all.
fn decode_collapse(raw: &str, rcdata: bool) -> String {
    if !raw.contains(['&', '\r', '\0', '<']) {
        // Nothing the tokenizer would change: the text is the bytes, and
        // skipping the parse keeps the run over the dev pool fast.
        return collapse(raw);
    }
    // A leading "x" keeps the parser from dropping a byte-order mark that
    // stood mid-document in the page.
    let frag = if rcdata && !raw.to_ascii_lowercase().contains("</title") {
        scraper::Html::parse_fragment(&format!("<title>x{raw}</title>"))
    } else {
        scraper::Html::parse_fragment(&format!("x{raw}"))
    };
    let mut decoded = String::new();
    for node in frag.tree.nodes() {
        if let scraper::Node::Text(t) = node.value() {
            decoded.push_str(&t.text);
        }
    }
    decoded.remove(0);
    collapse(&decoded)
}

/// Collapses each run of ASCII whitespace to one space and trims.
fn collapse(decoded: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in decoded.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Whether `raw` holds the start of markup: a `<` followed by a letter, `/`,
/// `!` or `?`, as the tokenizer reads it (`<1>` and `a < b` are text).
fn holds_markup(raw: &str) -> bool {
    raw.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// Every way `article`'s spans can break the contract, described.
fn check(html: &str, article: &Article<'_>) -> Vec<String> {
    let mut errors = Vec::new();
    let mut last_end = 0;
    for (i, block) in article.blocks().iter().enumerate() {
        let spans = block.source_spans();
        if block.span().start < last_end {
            errors.push(format!(
                "block {i} starts at {} before the previous end {last_end}",
                block.span()
            ));
        }
        last_end = block.span().end;
        if let (Some(first), Some(last)) = (spans.first(), spans.last())
            && (block.span().start != first.source.start || block.span().end != last.source.end)
        {
            errors.push(format!(
                "block {i}: span {} is not {}..{}",
                block.span(),
                first.source.start,
                last.source.end
            ));
        }
        for piece in spans {
            let Some(raw) = html.get(piece.source.start..piece.source.end) else {
                errors.push(format!(
                    "block {i}: source {} is not on char boundaries",
                    piece.source
                ));
                continue;
            };
            let Some(part) = block.text().get(piece.text.start..piece.text.end) else {
                errors.push(format!(
                    "block {i}: text {} is not on char boundaries",
                    piece.text
                ));
                continue;
            };
            let metadata = block.kind() == BlockKind::Metadata;
            if !metadata && holds_markup(raw) {
                errors.push(format!(
                    "block {i}: source {} holds markup: {raw:?}",
                    piece.source
                ));
            }
            let decoded = decode_collapse(raw, metadata);
            if decoded != part {
                errors.push(format!(
                    "block {i}: source {} {raw:?} decodes to {decoded:?}, text {} is {part:?}",
                    piece.source, piece.text
                ));
            }
        }
    }
    errors
}

#[test]
fn every_span_of_every_corpus_page_verifies() {
    let mut pages = 0;
    let mut spans = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("corpus/zyte")
        .expect("corpus/zyte exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    for path in paths {
        let html = std::fs::read_to_string(&path).expect("corpus pages are UTF-8");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let article = match deboiler::clean_html(&html) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        assert_eq!(article.input_kind(), InputKind::Html);
        pages += 1;
        spans += article
            .blocks()
            .iter()
            .map(|b| b.source_spans().len())
            .sum::<usize>();
        let errors = check(&html, &article);
        if !errors.is_empty() {
            failures.push(format!(
                "{name}: {} bad spans, first: {}",
                errors.len(),
                errors[0]
            ));
        }
    }
    assert!(pages > 100, "only {pages} pages read");
    println!(
        "{pages} pages, {spans} source spans checked, {} pages failing",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {pages} pages fail ({spans} spans):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The HTML sets of the development pool, which lives outside the
/// repository (only its zyte set may be copied in, as corpus/zyte is).
const POOL: &str = "../shared/corpus-dev";
const POOL_HTML_SETS: [&str; 3] = ["zyte", "dragnet-train", "wcxb-dev-article"];

/// Every kept block of every HTML page of the dev pool has spans, and every
/// span of every block verifies. One failure per page is reported, for all
/// failing pages.
#[test]
fn every_kept_block_of_the_dev_pool_has_spans_that_verify() {
    if !std::path::Path::new(POOL).is_dir() {
        eprintln!("skipped: {POOL} is absent");
        return;
    }
    let (mut pages, mut kept, mut spans) = (0, 0, 0);
    let mut failures = Vec::new();
    for set in POOL_HTML_SETS {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{POOL}/{set}"))
            .unwrap_or_else(|e| panic!("{POOL}/{set}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        paths.sort();
        for path in paths {
            let name = format!("{set}/{}", path.file_name().unwrap().to_string_lossy());
            let bytes = std::fs::read(&path).expect("pool pages are readable");
            let Ok(html) = String::from_utf8(bytes) else {
                failures.push(format!("{name}: not UTF-8, spans not checked"));
                continue;
            };
            let article = match deboiler::clean_html(&html) {
                Ok(a) => a,
                Err(e) => {
                    failures.push(format!("{name}: {e}"));
                    continue;
                }
            };
            pages += 1;
            let mut errors = check(&html, &article);
            for (i, block) in article.blocks().iter().enumerate() {
                spans += block.source_spans().len();
                if block.reason().is_none() {
                    kept += 1;
                    if block.source_spans().is_empty() {
                        errors.push(format!("kept block {i} has no spans: {:?}", block.text()));
                    }
                }
            }
            if !errors.is_empty() {
                failures.push(format!(
                    "{name}: {} problems: {}",
                    errors.len(),
                    errors.join(" | ")
                ));
            }
        }
    }
    println!(
        "{pages} pool pages, {kept} kept blocks, {spans} source spans checked, {} pages failing",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {pages} pool pages fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn entities_and_inline_tags() {
    let html = "<p>Fish &amp; <b>chips</b> are \r\n  served &notit; &#x41;&#150;</p>";
    let article = deboiler::clean_html(html).unwrap();
    assert_eq!(
        article.blocks()[0].text(),
        "Fish & chips are served ¬it; A\u{2013}"
    );
    assert_eq!(check(html, &article), Vec::<String>::new());
    assert_eq!(article.blocks()[0].source_spans().len(), 3);
}

#[test]
fn reordered_text_is_never_mapped_wrongly() {
    // Foster parenting moves "stray" before the table in the tree.
    let html = "<table><tr><td>cell text here</td></tr>stray words outside</table><p>after</p>";
    let article = deboiler::clean_html(html).unwrap();
    assert_eq!(check(html, &article), Vec::<String>::new());
    let texts: Vec<&str> = article.blocks().iter().map(|b| b.text()).collect();
    assert!(texts.contains(&"stray words outside"), "{texts:?}");
}

#[test]
fn pre_and_br() {
    let html = "<pre>\nline  one\n  line two</pre><p>a<br>b</p>";
    let article = deboiler::clean_html(html).unwrap();
    assert_eq!(article.blocks()[0].text(), "line  one\n  line two");
    assert_eq!(article.blocks()[1].text(), "a\nb");
    assert_eq!(check(html, &article), Vec::<String>::new());
}

#[test]
fn metadata_spans_point_into_attributes_and_json() {
    let html = r#"<html><head><title>Big news - Daily Paper</title>
<meta name="description" content="A summary &amp; more.">
<script type="application/ld+json">{"datePublished": "2024-03-01", "author": {"name": "Jane \"JD\" Doe"}}</script>
</head><body><h1>Big news</h1><p>Story text here, with a full stop.</p></body></html>"#;
    let article = deboiler::clean_html(html).unwrap();
    assert_eq!(article.title().unwrap().text(), "Big news");
    assert_eq!(article.standfirst().unwrap().text(), "A summary & more.");
    assert_eq!(article.date().unwrap().text(), "2024-03-01");
    assert_eq!(article.byline().unwrap().text(), "Jane \"JD\" Doe");
    let s = article.standfirst().unwrap();
    assert_eq!(&html[s.span()], "A summary &amp; more.");
    assert_eq!(check(html, &article), Vec::<String>::new());
}

#[test]
fn deep_nesting_does_not_overflow() {
    // html5ever's scope checks make 100,000 nested <div>s take minutes
    // (quadratic in the tree builder, not in our walk), so divs get 20,000.
    for (tag, n) in [
        ("div", 20_000),
        ("b", 100_000),
        ("span", 100_000),
        ("li", 100_000),
        ("section", 20_000),
    ] {
        let html = format!(
            "{}deep text{}",
            format!("<{tag}>").repeat(n),
            format!("</{tag}>").repeat(n)
        );
        // The default max_depth (1,024) refuses most of these; raise
        // it to test the walk itself.
        let deep = deboiler::Cleaner::builder()
            .max_depth(1 << 20)
            .build()
            .unwrap();
        let article = deep.clean_html(&html).unwrap();
        assert_eq!(check(&html, &article), Vec::<String>::new(), "{tag}");
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,8}".prop_map(|s| s),
        2 => prop_oneof![Just(" "), Just("  "), Just("\n"), Just("\r\n"), Just("\t")].prop_map(String::from),
        2 => prop_oneof![
            Just("&amp;"), Just("&lt;"), Just("&nbsp;"), Just("&#65;"), Just("&#x42;"), Just("&copy"),
            Just("&notit;"), Just("&#150;"), Just("&"), Just("&#32;"), Just("&bogus;"), Just("é"), Just("東京"),
            Just("&NotEqualTilde;"), Just("<"), Just("5 < 6"),
        ]
        .prop_map(String::from),
        3 => prop_oneof![
            Just("<p>"), Just("</p>"), Just("<div>"), Just("</div>"), Just("<b>"), Just("</b>"), Just("<i>"),
            Just("</i>"), Just("<a href=x>"), Just("</a>"), Just("<br>"), Just("<ul><li>"), Just("</li></ul>"),
            Just("<li>"), Just("<table><tr><td>"), Just("</td><td>"), Just("</table>"), Just("<h1>"),
            Just("</h1>"), Just("<pre>"), Just("</pre>"), Just("<blockquote>"), Just("</blockquote>"),
            Just("<span class='share'>"), Just("</span>"), Just("<nav>"), Just("</nav>"), Just("</x>"),
            Just("<title>"), Just("</title>"), Just("<tr>"),
        ]
        .prop_map(String::from),
        1 => prop_oneof![
            Just("<!-- comment -->"), Just("<script>var a = '<p>x</p>';</script>"), Just("<style>p{}</style>"),
            Just("<![CDATA[x]]>"), Just("<?pi?>"), Just("<div hidden>gone</div>"),
            Just("<meta name=description content='d &amp; e'>"),
        ]
        .prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_html_keeps_the_span_contract(pieces in prop::collection::vec(piece(), 0..60)) {
        let html: String = pieces.concat();
        let article = deboiler::clean_html(&html).unwrap();
        let errors = check(&html, &article);
        prop_assert!(errors.is_empty(), "{html:?}: {errors:?}");
    }
}
