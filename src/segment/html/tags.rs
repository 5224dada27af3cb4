//! The few start tags whose attributes the metadata wants and the main
//! scan does not record: `<html lang>`, `<link rel=canonical href>`,
//! `<meta http-equiv=content-language>` and `<time datetime>`.
//!
//! The tags are the start tags of the one HTML lexer ([`crate::html::lexer`]),
//! read as the tokenizer reads them: a `<meta` inside a comment, a script,
//! a `<title>` or an attribute value is no tag. Like the main scan this
//! reads the source, not the DOM, so the values keep their byte spans.
//!
//! The tags may sit anywhere: `<time>` lives in the body, and pages put
//! `<link rel=canonical>` there too. The source map's one lexer pass
//! records these four kinds of start tag as it meets them
//! ([`Scan::tags`](super::sourcemap::scan::Scan::tags)), so reading them costs
//! no pass of its own; the `<time>` tags are read only when the caller wants
//! them (when JSON-LD and `<meta>` give no date), and otherwise the reading
//! stops as soon as it has `<html lang>` and the canonical link.

use crate::html::lexer::Tag;
use crate::vocab::Span;

/// A `<time datetime>`: where the value sits, and whether the tag says it
/// is the publication time (`pubdate`, `itemprop=datePublished`).
#[derive(Clone, Copy, Debug)]
pub(super) struct TimeTag {
    pub(super) datetime: Span,
    pub(super) published: bool,
}

/// The raw attribute values found, as spans of the source.
#[derive(Debug, Default)]
pub(super) struct Tags {
    pub(super) html_lang: Option<Span>,
    pub(super) canonical: Option<Span>,
    pub(super) content_language: Option<Span>,
    pub(super) times: Vec<TimeTag>,
}

/// [`read`] over the tags a scan of `src` records.
#[cfg(test)]
pub(super) fn scan(src: &str, times: bool) -> Tags {
    read(src, &super::sourcemap::scan(src).tags, times)
}

/// Reads the tags the source map's scan recorded (its lexer pass is the
/// one this reading needs: the `<html>`, `<link>`, `<meta>` and `<time>`
/// start tags as the tokenizer reads them): the `<time>` tags only when
/// `times` is set. Without them, the reading may stop early, and
/// `content_language` is then left unread when `html_lang` was found (it
/// only stands in for it).
pub(super) fn read(src: &str, tags: &[Tag], times: bool) -> Tags {
    let s = src.as_bytes();
    let mut out = Tags::default();
    let mut seen_html = false;
    for tag in tags {
        if !times && out.html_lang.is_some() && out.canonical.is_some() {
            break;
        }
        let name = &s[tag.name];
        if name.eq_ignore_ascii_case(b"html") {
            let attrs = Attrs::of(src, tag);
            if !seen_html {
                seen_html = true;
                out.html_lang = attrs.nonempty(attrs.get("lang").or_else(|| attrs.get("xml:lang")));
            }
        } else if name.eq_ignore_ascii_case(b"link") {
            let attrs = Attrs::of(src, tag);
            if out.canonical.is_none() && attrs.has("rel", "canonical") {
                out.canonical = attrs.nonempty(attrs.get("href"));
            }
        } else if name.eq_ignore_ascii_case(b"meta") {
            let attrs = Attrs::of(src, tag);
            if out.content_language.is_none() && attrs.has("http-equiv", "content-language") {
                out.content_language = attrs.nonempty(attrs.get("content"));
            }
        } else if times && name.eq_ignore_ascii_case(b"time") {
            let attrs = Attrs::of(src, tag);
            if let Some(datetime) = attrs.nonempty(attrs.get("datetime")) {
                let published =
                    attrs.get("pubdate").is_some() || attrs.has("itemprop", "datePublished");
                out.times.push(TimeTag {
                    datetime,
                    published,
                });
            }
        }
    }
    out
}

/// A start tag's attributes, each name and raw value (empty for a bare
/// attribute), as the lexer read them. The tags [`read`] reads have a handful of attributes, so a list beats a map.
struct Attrs<'s> {
    src: &'s str,
    list: Vec<(Span, Span)>,
}

impl<'s> Attrs<'s> {
    fn of(src: &'s str, tag: &Tag) -> Attrs<'s> {
        let mut list = Vec::new();
        tag.each_attribute(src.as_bytes(), |a| {
            let value = a.value.unwrap_or(Span::new(a.name.end, a.name.end));
            list.push((a.name, value));
        });
        Attrs { src, list }
    }

    /// The first value of the attribute `name` (the tokenizer keeps the
    /// first of duplicates).
    fn get(&self, name: &str) -> Option<Span> {
        self.list
            .iter()
            .find(|(n, _)| self.src[*n].eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    }

    /// Whether the attribute `name` lists `value` among its
    /// whitespace-separated tokens, in any ASCII case.
    fn has(&self, name: &str, value: &str) -> bool {
        self.get(name).is_some_and(|v| {
            self.src[v]
                .split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case(value))
        })
    }

    /// `v`, unless it is blank.
    fn nonempty(&self, v: Option<Span>) -> Option<Span> {
        v.filter(|v| !self.src[*v].trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_tag() {
        let src = r#"<!doctype html><HTML Lang=pt-BR><head>
            <link rel="stylesheet" href="a.css"><link rel='Canonical' href="https://x.test/a?b=1&amp;c=2">
            <meta http-equiv="Content-Language" content="pt">
            </head><body><time datetime="2022-01-01">x</time>
            <time itemprop="datePublished" datetime=2022-03-12T10:00>y</time><timer a=b>"#;
        let t = scan(src, true);
        assert_eq!(&src[t.html_lang.unwrap()], "pt-BR");
        assert_eq!(&src[t.canonical.unwrap()], "https://x.test/a?b=1&amp;c=2");
        assert_eq!(&src[t.content_language.unwrap()], "pt");
        assert_eq!(t.times.len(), 2);
        assert!(!t.times[0].published && t.times[1].published);
        assert_eq!(&src[t.times[1].datetime], "2022-03-12T10:00");
    }

    #[test]
    fn without_times_the_pass_stops_at_lang_and_canonical() {
        let src = "<html lang=de><link rel=canonical href=/a><meta http-equiv=content-language content=fr><time datetime=2022-01-01>";
        let t = scan(src, false);
        assert_eq!(&src[t.html_lang.unwrap()], "de");
        assert_eq!(&src[t.canonical.unwrap()], "/a");
        assert_eq!(t.content_language, None);
        assert!(t.times.is_empty());
        let t = scan(src, true);
        assert_eq!(&src[t.content_language.unwrap()], "fr");
        assert_eq!(t.times.len(), 1);
    }

    #[test]
    fn markup_that_is_no_tag_is_not_read() {
        let src = r#"<html><head><!-- <link rel=canonical href=/comment> -->
            <script>var s = '<meta http-equiv=content-language content=xx>';</script>
            <title><time datetime=2001-01-01></title>
            <meta name="x" content="<time datetime=2002-02-02>">
            <link rel=canonical href=/real></head><body>
            <svg><![CDATA[<time datetime=2003-03-03>]]></svg>
            <time datetime=2022-03-12>y</time>"#;
        let t = scan(src, true);
        assert_eq!(&src[t.canonical.unwrap()], "/real");
        assert_eq!(t.content_language, None);
        assert_eq!(t.html_lang, None);
        let times: Vec<&str> = t.times.iter().map(|t| &src[t.datetime]).collect();
        assert_eq!(times, ["2022-03-12"]);
    }

    #[test]
    fn many_unterminated_openings_take_linear_time() {
        let src = "<time datetime=\"".repeat(200_000);
        let start = std::time::Instant::now();
        let t = scan(&src, true);
        // Each quoted value runs to the next opening's quote, so the whole
        // input is one tag cut off by the end, which the tokenizer drops.
        assert_eq!(t.times.len(), 0);
        // Quadratic work would take minutes on this input.
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn unterminated_tags_end_at_the_input() {
        for src in [
            "<html lang=\"en",
            "<time datetime",
            "<link rel=canonical href=",
            "<meta",
        ] {
            let _ = scan(src, true);
            let _ = scan(src, false);
        }
    }
}
