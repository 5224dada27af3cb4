//! JSON-LD (`<script type="application/ld+json">`): parsed, the article
//! node chosen, and each chosen string located in the source.
//!
//! The scripts are parsed with `miniserde`, whose parser and whose `Drop`
//! keep an explicit stack, so a hostile script nested a million levels deep
//! costs heap, not stack. Parsing gives values without positions, so each
//! chosen string is then found again among the script's string tokens:
//! first as the value of its own key, else anywhere, compared after
//! unescaping and collapsing whitespace. A value whose bytes cannot be
//! found keeps no span; it is never given a wrong one.

use miniserde::json::{self, Value};

use crate::vocab::Span;

/// Objects visited in all scripts of a page, at most: a page listing every
/// product of a shop in JSON-LD is not worth walking to the end.
const MAX_NODES: usize = 10_000;

/// Dates read from nodes other than the article, at most: each is located
/// by a pass over its script.
const MAX_OTHER_DATES: usize = 8;

/// Authors read from one node, at most: each is located by a pass over
/// its script, so a hostile list of a million names must not cost a
/// million passes.
const MAX_AUTHORS: usize = 20;

/// A string chosen from the JSON-LD: the value, and where its content sits
/// in the source (inside the quotes).
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub(super) value: String,
    pub(super) span: Option<Span>,
}

/// What the page's JSON-LD says about the article.
#[derive(Debug, Default)]
pub(super) struct Ld {
    pub(super) headline: Option<Found>,
    pub(super) date: Option<Found>,
    /// The `datePublished` of the other nodes (a `WebPage` beside the
    /// article), in document order: where the article's date is not
    /// written in ISO 8601, one of these may be.
    pub(super) other_dates: Vec<Found>,
    pub(super) description: Option<Found>,
    pub(super) authors: Vec<Found>,
    /// Whether every author is an organisation (a `@type` of
    /// [`ORGANISATION_TYPES`]), not a person: the site or a company
    /// credited as the author, which a byline naming a person should beat.
    pub(super) authors_are_organisations: bool,
    pub(super) publisher: Option<Found>,
    pub(super) image: Option<Found>,
    pub(super) url: Option<Found>,
    pub(super) language: Option<Found>,
}

/// Types of the node that is the article: schema.org's `Article` and its
/// subtypes (`NewsArticle`, `ReportageNewsArticle`, `TechArticle`…, all
/// ending in "Article") and these.
const ARTICLE_TYPES: &[&str] = &[
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Report",
    "Review",
];

/// Types whose `description` and `name` describe the site, not the story:
/// never a fallback for the article's fields.
const SITE_TYPES: &[&str] = &[
    "WebSite",
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "Person",
    "ImageObject",
    "BreadcrumbList",
    "ListItem",
    "SiteNavigationElement",
    "SearchAction",
];

/// Types of an author that is no person.
const ORGANISATION_TYPES: &[&str] = &[
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "LocalBusiness",
    "EducationalOrganization",
    "GovernmentOrganization",
    "NGO",
    "WebSite",
];

/// Types that name the publisher, for the site name.
const PUBLISHER_TYPES: &[&str] = &["NewsMediaOrganization", "Organization", "WebSite"];

/// A script's parsed JSON and its source range.
struct Script {
    span: Span,
    value: Value,
}

/// One object of the JSON-LD, with the script it came from.
struct Node<'v> {
    script: usize,
    object: &'v json::Object,
}

fn types(object: &json::Object) -> Vec<&str> {
    match object.get("@type") {
        Some(Value::String(t)) => vec![short_type(t)],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| match v {
                Value::String(t) => Some(short_type(t)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `https://schema.org/NewsArticle` and `schema:NewsArticle` are
/// `NewsArticle`.
fn short_type(t: &str) -> &str {
    t.rsplit(['/', ':', '#']).next().unwrap_or(t)
}

fn is_article(object: &json::Object) -> bool {
    types(object)
        .iter()
        .any(|t| t.ends_with("Article") || ARTICLE_TYPES.contains(t))
}

fn is_site(object: &json::Object) -> bool {
    types(object).iter().any(|t| SITE_TYPES.contains(t))
}

/// The script's JSON text, without the `<!-- -->` or CDATA wrapper some
/// pages put around it, and with raw control characters (invalid in JSON,
/// common in pages) turned into spaces.
fn json_text(input: &str, span: Span) -> String {
    let mut t = input[span].trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(rest) = t.strip_prefix(open) {
            t = rest.strip_suffix(close).unwrap_or(rest).trim();
        }
    }
    // A byte scan: the control characters (`char::is_control`: U+0000 to
    // U+001F and U+007F to U+009F, the last in UTF-8 as C2 80 to C2 9F)
    // each become one space, and the stretches between them are copied.
    let b = t.as_bytes();
    let mut out = String::with_capacity(t.len());
    let (mut from, mut i) = (0, 0);
    while i < b.len() {
        let c = b[i];
        let len = if c < 0x20 || c == 0x7f {
            1
        } else if c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) {
            2
        } else {
            i += 1;
            continue;
        };
        out.push_str(&t[from..i]);
        out.push(' ');
        i += len;
        from = i;
    }
    out.push_str(&t[from..]);
    out
}

/// Reads the article's fields from the JSON-LD scripts at `spans`.
pub(super) fn read(input: &str, spans: &[Span]) -> Ld {
    let scripts: Vec<Script> = spans
        .iter()
        .filter_map(|&span| {
            let value = json::from_str::<Value>(&json_text(input, span)).ok()?;
            Some(Script { span, value })
        })
        .collect();
    let nodes = nodes(&scripts);
    let mut ld = Ld::default();
    let loc = |node: &Node<'_>, key: &str, value: &str| Found {
        value: value.to_string(),
        span: locate(input, scripts[node.script].span, key, value),
    };
    let string_of = |node: &Node<'_>, key: &str| -> Option<Found> {
        match node.object.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(loc(node, key, s)),
            _ => None,
        }
    };
    let article = nodes.iter().find(|n| is_article(n.object));
    let others = || nodes.iter().filter(|n| !is_site(n.object));
    if let Some(a) = article {
        ld.headline = string_of(a, "headline").or_else(|| string_of(a, "name"));
        ld.date = string_of(a, "datePublished").or_else(|| string_of(a, "dateCreated"));
        ld.description = string_of(a, "description");
        ld.authors = authors(a, &nodes, &loc);
        ld.authors_are_organisations = organisations(a, &nodes);
        ld.publisher = a.object.get("publisher").and_then(|p| match p {
            Value::Object(o) => name_of(o, &nodes).map(|(n, s)| {
                loc(
                    &Node {
                        script: s.unwrap_or(a.script),
                        object: o,
                    },
                    "name",
                    n,
                )
            }),
            _ => None,
        });
        ld.image = first_url(a, "image", &loc).or_else(|| first_url(a, "thumbnailUrl", &loc));
        ld.url = first_url(a, "mainEntityOfPage", &loc).or_else(|| first_url(a, "url", &loc));
        ld.language = string_of(a, "inLanguage");
    }
    // Fallbacks from other nodes: a WebPage often carries the date, and a
    // page without an article node still has a headline somewhere.
    if ld.headline.is_none() {
        ld.headline = nodes.iter().find_map(|n| string_of(n, "headline"));
    }
    if ld.date.is_none() {
        ld.date = others().find_map(|n| string_of(n, "datePublished"));
    }
    ld.other_dates = others()
        .filter(|n| article.is_none_or(|a| !std::ptr::eq(a.object, n.object)))
        .filter_map(|n| string_of(n, "datePublished"))
        .take(MAX_OTHER_DATES)
        .collect();
    if ld.description.is_none() {
        ld.description = others().find_map(|n| string_of(n, "description"));
    }
    if ld.authors.is_empty()
        && let Some((found, node)) = others()
            .map(|n| (authors(n, &nodes, &loc), n))
            .find(|(a, _)| !a.is_empty())
    {
        ld.authors = found;
        ld.authors_are_organisations = organisations(node, &nodes);
    }
    if ld.publisher.is_none() {
        ld.publisher = PUBLISHER_TYPES.iter().find_map(|t| {
            nodes
                .iter()
                .filter(|n| types(n.object).contains(t))
                .find_map(|n| string_of(n, "name"))
        });
    }
    if ld.language.is_none() {
        ld.language = nodes.iter().find_map(|n| string_of(n, "inLanguage"));
    }
    ld
}

/// Every object of every script in document order, `@graph` members and
/// nested objects included; the walk keeps its own stack.
fn nodes(scripts: &[Script]) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    for (i, script) in scripts.iter().enumerate() {
        let mut stack: Vec<&Value> = vec![&script.value];
        while let Some(v) = stack.pop() {
            if out.len() >= MAX_NODES {
                return out;
            }
            match v {
                Value::Object(o) => {
                    out.push(Node {
                        script: i,
                        object: o,
                    });
                    stack.extend(o.values().rev());
                }
                Value::Array(a) => stack.extend(a.iter().rev()),
                _ => {}
            }
        }
    }
    out
}

/// The name of a person or organisation object, following an `@id`
/// reference to the node that has it; with the script of that node.
fn name_of<'v>(o: &'v json::Object, nodes: &[Node<'v>]) -> Option<(&'v str, Option<usize>)> {
    let name = |o: &'v json::Object| match o.get("name") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.as_str()),
        _ => None,
    };
    if let Some(n) = name(o) {
        return Some((n, None));
    }
    let Some(Value::String(id)) = o.get("@id") else {
        return None;
    };
    nodes.iter().find_map(|n| match n.object.get("@id") {
        Some(Value::String(other)) if other == id && !std::ptr::eq(n.object, o) => {
            name(n.object).map(|s| (s, Some(n.script)))
        }
        _ => None,
    })
}

/// The names in a node's `author` (a string, an object, or a list of
/// either); URLs are not names.
fn authors<'v>(
    node: &Node<'v>,
    nodes: &[Node<'v>],
    loc: &dyn Fn(&Node<'_>, &str, &str) -> Found,
) -> Vec<Found> {
    let one = |v: &'v Value| -> Option<Found> {
        match v {
            Value::String(s) if !s.trim().is_empty() && !s.starts_with("http") => {
                Some(loc(node, "author", s))
            }
            Value::Object(o) => name_of(o, nodes).map(|(n, script)| {
                let at = Node {
                    script: script.unwrap_or(node.script),
                    object: o,
                };
                loc(&at, "name", n)
            }),
            _ => None,
        }
    };
    let mut out: Vec<Found> = match node.object.get("author") {
        Some(Value::Array(a)) => a.iter().take(MAX_AUTHORS).filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    };
    out.dedup_by(|a, b| a.value == b.value);
    out
}

/// Whether a node's `author` is one or more objects, each of an
/// organisation's type (its own `@type`, or that of the node its `@id`
/// points to). A bare string says nothing of its type: a person, then.
fn organisations(node: &Node<'_>, nodes: &[Node<'_>]) -> bool {
    let is_org = |v: &Value| match v {
        Value::Object(o) => {
            let of = |o: &json::Object| types(o).iter().any(|t| ORGANISATION_TYPES.contains(t));
            of(o)
                || match o.get("@id") {
                    Some(Value::String(id)) => nodes.iter().any(|n| {
                        matches!(n.object.get("@id"), Some(Value::String(other)) if other == id)
                            && of(n.object)
                    }),
                    _ => false,
                }
        }
        _ => false,
    };
    match node.object.get("author") {
        Some(Value::Array(a)) => !a.is_empty() && a.iter().take(MAX_AUTHORS).all(is_org),
        Some(v) => is_org(v),
        None => false,
    }
}

/// The first URL of `key`: a string, an object's `url` or `@id`, or the
/// first of a list.
fn first_url(
    node: &Node<'_>,
    key: &str,
    loc: &dyn Fn(&Node<'_>, &str, &str) -> Found,
) -> Option<Found> {
    let mut v = node.object.get(key)?;
    if let Value::Array(a) = v {
        v = a.first()?;
    }
    let (k, s) = match v {
        Value::String(s) => (key, s),
        Value::Object(o) => match (o.get("url"), o.get("@id")) {
            (Some(Value::String(s)), _) => ("url", s),
            (_, Some(Value::String(s))) => ("@id", s),
            _ => return None,
        },
        _ => return None,
    };
    (!s.trim().is_empty()).then(|| loc(node, k, s))
}

/// The content span of the string token in `script` whose value is
/// `value`: preferably one that is the value of `key`, else the first
/// equal one.
fn locate(input: &str, script: Span, key: &str, value: &str) -> Option<Span> {
    let want = collapse(value);
    let s = input.as_bytes();
    let end_of_script = script.end;
    let mut i = script.start;
    let mut prev_key: Option<Span> = None;
    let mut fallback = None;
    // Only `"`, `{` and `,` matter between string tokens: the scan jumps
    // from one to the next.
    while i < end_of_script {
        let Some(o) = memchr::memchr3(b'"', b'{', b',', &s[i..end_of_script]) else {
            break;
        };
        i += o;
        if s[i] != b'"' {
            prev_key = None;
            i += 1;
            continue;
        }
        let start = i + 1;
        // The closing quote: the first `"` not escaped by a `\`.
        let mut j = start;
        while j < end_of_script {
            match memchr::memchr2(b'"', b'\\', &s[j..end_of_script]) {
                None => j = end_of_script,
                Some(o) if s[j + o] == b'\\' => {
                    j += o + 2;
                    continue;
                }
                Some(o) => j += o,
            }
            break;
        }
        let end = j.min(end_of_script);
        let tok = Span::new(start, end);
        let mut k = end + 1;
        while k < end_of_script && s[k].is_ascii_whitespace() {
            k += 1;
        }
        if k < end_of_script && s[k] == b':' {
            prev_key = Some(tok);
        } else {
            let raw = &input[tok];
            if equal_collapsed(raw, &want) {
                if prev_key.is_some_and(|p| &input[p] == key) {
                    return Some(tok);
                }
                fallback = fallback.or(Some(tok));
            }
            prev_key = None;
        }
        i = end + 1;
    }
    fallback
}

/// Whether the JSON string content `raw`, unescaped and whitespace
/// collapsed, is `want` (already collapsed), without building the
/// collapsed string: collapsing never lengthens a string, nor does
/// unescaping one without a `\\`, and a string with neither escapes nor
/// whitespace is compared as it is.
fn equal_collapsed(raw: &str, want: &str) -> bool {
    if !raw.contains('\\') {
        if raw.len() < want.len() {
            return false;
        }
        if !raw.contains(char::is_whitespace) {
            return raw == want;
        }
        return same_words(raw, want);
    }
    same_words(&unescape(raw), want)
}

/// Whether `collapse(s) == want`, for a `want` that [`collapse`] made: the
/// same words, `want`'s joined by single spaces.
fn same_words(s: &str, want: &str) -> bool {
    let mut words = s.split_whitespace();
    if want.is_empty() {
        return words.next().is_none();
    }
    let mut wanted = want.split(' ');
    loop {
        match (words.next(), wanted.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A JSON string's content, unescaped (lone surrogates become U+FFFD).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    let hex = |chars: &mut std::str::Chars<'_>| -> Option<u32> {
        let h: String = chars.by_ref().take(4).collect();
        u32::from_str_radix(&h, 16).ok()
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'r' | 't' | 'f' | 'b') => out.push(' '),
            Some('u') => {
                let Some(hi) = hex(&mut chars) else {
                    out.push('\u{fffd}');
                    continue;
                };
                let code = if (0xD800..0xDC00).contains(&hi) {
                    let rest = chars.as_str();
                    match rest.strip_prefix("\\u").and_then(|r| r.get(..4)) {
                        Some(h) => match u32::from_str_radix(h, 16) {
                            Ok(lo) if (0xDC00..0xE000).contains(&lo) => {
                                chars = rest[6..].chars();
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            }
                            _ => 0xFFFD,
                        },
                        None => 0xFFFD,
                    }
                } else {
                    hi
                };
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> (String, Ld) {
        let html = format!("<script type=\"application/ld+json\">{json}</script>");
        let start = html.find('>').unwrap() + 1;
        let end = html.rfind("</script>").unwrap();
        let ld = read(&html, &[Span::new(start, end)]);
        (html, ld)
    }

    #[test]
    fn graph_with_website_first_picks_the_article() {
        let (html, ld) = ld(r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Daily","description":"All the news"},
            {"@type":"Person","@id":"#p1","name":"Jane Roe"},
            {"@type":"NewsArticle","headline":"Big \"news\"","datePublished":"2022-03-12",
             "description":"The dek","author":{"@id":"#p1"},
             "publisher":{"@type":"Organization","name":"Daily Co"},
             "image":[{"@type":"ImageObject","url":"https://x.test/a.jpg"}]}]}"##);
        assert_eq!(ld.headline.as_ref().unwrap().value, "Big \"news\"");
        assert_eq!(ld.description.as_ref().unwrap().value, "The dek");
        assert_eq!(ld.authors.len(), 1);
        let author = &ld.authors[0];
        assert_eq!(author.value, "Jane Roe");
        assert_eq!(&html.as_str()[author.span.unwrap()], "Jane Roe");
        assert_eq!(ld.publisher.as_ref().unwrap().value, "Daily Co");
        assert_eq!(ld.image.as_ref().unwrap().value, "https://x.test/a.jpg");
        let date = ld.date.unwrap();
        assert_eq!(&html.as_str()[date.span.unwrap()], "2022-03-12");
        assert_eq!(
            &html.as_str()[ld.headline.unwrap().span.unwrap()],
            r#"Big \"news\""#
        );
    }

    #[test]
    fn author_lists_and_strings() {
        let (_, ld) = ld(
            r#"[{"@type":["BlogPosting"],"author":["Ann Lee",{"name":"Bo Chen"},"https://x.test/ann"]}]"#,
        );
        let names: Vec<&str> = ld.authors.iter().map(|a| a.value.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "Bo Chen"]);
    }

    #[test]
    fn webpage_date_is_a_fallback_and_website_description_is_not() {
        let (_, ld) = ld(r#"{"@graph":[{"@type":"WebSite","description":"Site"},
            {"@type":"WebPage","datePublished":"2021-01-02T03:04:05Z"}]}"#);
        assert_eq!(ld.date.unwrap().value, "2021-01-02T03:04:05Z");
        assert!(ld.description.is_none());
    }

    #[test]
    fn broken_json_and_deep_nesting_are_ignored() {
        let (_, ld) = ld(r#"{"@type":"NewsArticle","headline":"x""#);
        assert!(ld.headline.is_none());
        let deep = "[".repeat(200_000) + &"]".repeat(200_000);
        let (_, ld) = self::ld(&deep);
        assert!(ld.headline.is_none());
    }

    #[test]
    fn raw_newlines_and_escapes_are_located() {
        let (html, ld) = ld("{\"@type\":\"Article\",\"headline\":\"Caf\\u00e9\nnews\"}");
        let h = ld.headline.unwrap();
        assert_eq!(h.value, "Café news");
        assert_eq!(&html.as_str()[h.span.unwrap()], "Caf\\u00e9\nnews");
    }

    #[test]
    fn equal_collapsed_is_collapse_of_unescape() {
        for raw in [
            "", " ", "a", "a b", " a  b ", "a\\nb", "a\\u00e9", "\\u", "x\\ud83d", "a\\/b",
            "a\u{a0}b", "ab", "a  b\\t",
        ] {
            for value in [
                "",
                "a",
                "a b",
                "ab",
                "aé",
                "a/b",
                "a b ",
                "x\u{fffd}",
                "\u{fffd}",
            ] {
                let want = collapse(value);
                assert_eq!(
                    equal_collapsed(raw, &want),
                    collapse(&unescape(raw)) == want,
                    "{raw:?} {value:?}"
                );
            }
        }
    }

    #[test]
    fn json_text_turns_each_control_character_into_a_space() {
        let raw = "<!--{\"a\":\"x\ty\u{85}z\u{7f}\u{a0}\u{9f}\u{c2}\u{e9}\r\n\"}-->";
        let want: String = raw[4..raw.len() - 3]
            .trim()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        assert_eq!(json_text(raw, Span::new(0, raw.len())), want);
    }

    #[test]
    fn unescape_surrogate_pairs() {
        assert_eq!(unescape(r"\ud83d\ude00!"), "😀!");
        assert_eq!(unescape(r"\ud83d"), "\u{fffd}");
    }
}
