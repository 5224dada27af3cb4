//! The few start tags whose attributes the metadata wants and the main
//! scan does not record: `<html lang>`, `<link rel=canonical href>`,
//! `<meta http-equiv=content-language>` and `<time datetime>`.
//!
//! One Aho-Corasick pass finds the tag openings; each tag's attributes are
//! then read up to its `>`. Like the main scan this reads the source, not
//! the DOM, so the values keep their byte spans.

use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;

use crate::vocab::Span;

const OPENINGS: &[&str] = &["<html", "<link", "<meta", "<time"];

static FINDER: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(OPENINGS)
        .expect("four literal patterns always build")
});

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

/// Finds the tags in `src`.
pub(super) fn scan(src: &str) -> Tags {
    let s = src.as_bytes();
    let mut out = Tags::default();
    let mut seen_html = false;
    // Where the last tag read ended: a match inside it is an attribute's
    // text, and skipping it keeps the pass linear however many openings an
    // unterminated tag swallows.
    let mut resume = 0;
    for m in FINDER.find_iter(s) {
        if m.start() < resume {
            continue;
        }
        let after = m.end();
        if !s
            .get(after)
            .is_some_and(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
        {
            continue;
        }
        let (attrs, end) = attributes(s, after);
        resume = end;
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| src[*n].eq_ignore_ascii_case(name))
                .map(|&(_, v)| v)
        };
        let has = |name: &str, value: &str| {
            get(name).is_some_and(|v| {
                src[v]
                    .split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case(value))
            })
        };
        let nonempty = |v: Option<Span>| v.filter(|v| !src[*v].trim().is_empty());
        match m.pattern().as_usize() {
            0 if !seen_html => {
                seen_html = true;
                out.html_lang = nonempty(get("lang").or_else(|| get("xml:lang")));
            }
            1 if out.canonical.is_none() && has("rel", "canonical") => {
                out.canonical = nonempty(get("href"));
            }
            2 if out.content_language.is_none() && has("http-equiv", "content-language") => {
                out.content_language = nonempty(get("content"));
            }
            3 => {
                if let Some(datetime) = nonempty(get("datetime")) {
                    let published = get("pubdate").is_some() || has("itemprop", "datePublished");
                    out.times.push(TimeTag {
                        datetime,
                        published,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The attributes of the start tag whose name ends at `at`: each name and
/// raw value (empty for a bare attribute), up to the tag's `>`; and where
/// the tag ends.
fn attributes(s: &[u8], mut i: usize) -> (Vec<(Span, Span)>, usize) {
    let mut out = Vec::new();
    let skip_ws = |mut i: usize| {
        while i < s.len() && (s[i].is_ascii_whitespace() || s[i] == b'/') {
            i += 1;
        }
        i
    };
    loop {
        i = skip_ws(i);
        if i >= s.len() || s[i] == b'>' {
            return (out, i);
        }
        let name_start = i;
        while i < s.len() && !s[i].is_ascii_whitespace() && !matches!(s[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = Span::new(name_start, i);
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        if s.get(i) != Some(&b'=') {
            out.push((name, Span::new(i, i)));
            continue;
        }
        i += 1;
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match s.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let start = i + 1;
                let end = memchr::memchr(q, &s[start..]).map_or(s.len(), |o| start + o);
                i = (end + 1).min(s.len());
                Span::new(start, end)
            }
            _ => {
                let start = i;
                while i < s.len() && !s[i].is_ascii_whitespace() && s[i] != b'>' {
                    i += 1;
                }
                Span::new(start, i)
            }
        };
        out.push((name, value));
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
        let t = scan(src);
        assert_eq!(&src[t.html_lang.unwrap()], "pt-BR");
        assert_eq!(&src[t.canonical.unwrap()], "https://x.test/a?b=1&amp;c=2");
        assert_eq!(&src[t.content_language.unwrap()], "pt");
        assert_eq!(t.times.len(), 2);
        assert!(!t.times[0].published && t.times[1].published);
        assert_eq!(&src[t.times[1].datetime], "2022-03-12T10:00");
    }

    #[test]
    fn many_unterminated_openings_take_linear_time() {
        let src = "<time datetime=\"".repeat(200_000);
        let start = std::time::Instant::now();
        let t = scan(&src);
        assert_eq!(t.times.len(), 1);
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
            let _ = scan(src);
        }
    }
}
