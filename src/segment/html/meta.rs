//! The page's own statements about itself: `og:title` (read as data; which
//! heading or which part of `<title>` is the headline is chosen in
//! `classify::headline`), and the date, author and summary from `<meta>`
//! tags and JSON-LD. Each becomes a [`Segment`] of kind
//! [`Metadata`](BlockKind::Metadata) whose spans point into the attribute
//! value or JSON string it was read from.

use std::borrow::Cow;

use crate::byline::author_name;
use crate::dates;
use crate::segment::html::jsonld::{self, Found, Ld};
use crate::segment::html::sourcemap::{self, Scan, SpanBuilder};
use crate::segment::html::span_of;
use crate::segment::html::tags;
use crate::segment::{Hints, Segment};
use crate::vocab::Span;
use crate::vocab::{BlockKind, MetaValue, Metadata, Reason, SourceSpan};

pub(super) struct Metas<'a> {
    /// Metadata segments in source order.
    pub(super) segments: Vec<Segment<'a>>,
    /// `og:title`, `twitter:title` or JSON-LD `headline`.
    pub(super) og_title: Option<String>,
    /// The normalised fields the page states about itself.
    pub(super) metadata: Metadata,
}

fn meta_reason(key: &str) -> Option<Reason> {
    let k = key.to_ascii_lowercase();
    Some(match k.as_str() {
        "description" | "og:description" | "twitter:description" => Reason::Standfirst,
        k if DATE_KEYS.contains(&k) => Reason::Date,
        "author" | "article:author" | "byl" | "parsely-author" | "dc.creator"
        | "sailthru.author" | "citation_author" => Reason::Byline,
        "og:title" | "twitter:title" => Reason::Title,
        _ => return None,
    })
}

/// `<meta>` names of the publication date, best first: when a page gives
/// several, the standard names (Open Graph's `article:published_time`,
/// schema.org's `datePublished`) win over a CMS's own, which often write
/// the day without the time ("Mon, 29 Oct 2012 10:25:32 PDT" beside
/// `2012-10-29T10:25:32-07:00`). The names after `published_time` are those
/// pages of the dev pool give; each is read only as a publication date,
/// never a modification date.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "published",
    "published-date",
    "published_date",
    "publish_date",
    "publication_date",
    "publishtime",
    "date-pub",
    "w-published-date",
    "citation_publication_date",
    "citation_date",
];

/// `<meta>` names of the site's name, the lead image and the canonical
/// URL, best first.
const SITE_NAME_KEYS: &[&str] = &["og:site_name", "application-name"];
const IMAGE_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
];
const URL_KEYS: &[&str] = &["og:url"];

pub(super) fn segment_from(
    text: String,
    sources: Vec<SourceSpan>,
    reason: Reason,
) -> Segment<'static> {
    Segment {
        text: Cow::Owned(text),
        kind: BlockKind::Metadata,
        span: span_of(&sources),
        sources,
        gap_before: true,
        hints: Hints {
            preset: Some(reason),
            ..Hints::default()
        },
    }
}

/// The text of a raw attribute value (`json` false) or JSON string
/// content, decoded, whitespace collapsed, trimmed.
fn text_of(input: &str, value: Span, json: bool) -> String {
    let mut b = SpanBuilder::default();
    if json {
        decode_json(input, value, &mut b);
    } else {
        sourcemap::decode_range(input, value, &mut b);
    }
    b.finish().0.trim().to_string()
}

/// Reads the metadata fields; for each field the first one in source order
/// wins.
pub(super) fn read<'a>(input: &'a str, scan: &Scan) -> Metas<'a> {
    let ld = jsonld::read(input, &scan.ldjson);
    let mut found: Vec<(Reason, Span, bool)> = Vec::new();
    for m in &scan.metas {
        let key = &input[m.key];
        if let Some(r) = meta_reason(key) {
            if r == Reason::Byline && input[m.content].trim_start().starts_with("http") {
                continue;
            }
            found.push((r, m.content, false));
        }
    }
    for (reason, value) in [
        (Reason::Date, &ld.date),
        (Reason::Standfirst, &ld.description),
        (Reason::Byline, &ld.authors.first().cloned()),
        (Reason::Title, &ld.headline),
    ] {
        if let Some(span) = value.as_ref().and_then(|f| f.span) {
            found.push((reason, span, true));
        }
    }
    let mut og_title = None;
    let mut chosen: Vec<(Reason, Span, bool)> = Vec::new();
    found.sort_by_key(|f| f.1.start);
    for f in found {
        if chosen.iter().any(|c| c.0 == f.0) || f.1.start == f.1.end {
            continue;
        }
        chosen.push(f);
    }
    let mut segments = Vec::new();
    for (reason, value, json) in chosen {
        let mut b = SpanBuilder::default();
        if json {
            decode_json(input, value, &mut b);
        } else {
            sourcemap::decode_range(input, value, &mut b);
        }
        let (text, sources, _) = b.finish();
        if text.is_empty() {
            continue;
        }
        if reason == Reason::Title {
            og_title = Some(text);
            continue;
        }
        segments.push(segment_from(text, sources, reason));
    }
    let metadata = metadata(input, scan, &ld);
    Metas {
        segments,
        og_title,
        metadata,
    }
}

/// The normalised fields: each from the first source that has it (see
/// [`Metadata`] for the order).
fn metadata(input: &str, scan: &Scan, ld: &Ld) -> Metadata {
    let attr = |span: Span| Some(MetaValue::new(text_of(input, span, false), Some(span)));
    let json = |f: &Found| {
        let value = match f.span {
            Some(span) => text_of(input, span, true),
            None => f.value.split_whitespace().collect::<Vec<_>>().join(" "),
        };
        MetaValue::new(value, f.span)
    };
    let meta = |keys: &[&str]| {
        scan.metas.iter().find_map(|m| {
            let key = &input[m.key];
            (keys.iter().any(|k| k.eq_ignore_ascii_case(key))
                && !input[m.content].trim().is_empty())
            .then(|| attr(m.content))
            .flatten()
        })
    };
    let date = |value: MetaValue| {
        dates::parse(value.as_str()).map(|iso| MetaValue::new(iso, value.source()))
    };
    let nonempty = |v: Option<MetaValue>| v.filter(|v| !v.as_str().is_empty());

    // The markup's dates, best first: the JSON-LD article's, the `<meta>`
    // names by rank (stable: among keys of one rank, the first in the
    // page), then other JSON-LD nodes'.
    let rank = |key: &str| DATE_KEYS.iter().position(|k| k.eq_ignore_ascii_case(key));
    let mut dated: Vec<(usize, MetaValue)> = scan
        .metas
        .iter()
        .filter_map(|m| Some((rank(&input[m.key])?, attr(m.content).and_then(date)?)))
        .collect();
    dated.sort_by_key(|&(r, _)| r);
    let markup: Vec<MetaValue> = ld
        .date
        .as_ref()
        .and_then(|f| date(json(f)))
        .into_iter()
        .chain(dated.into_iter().map(|(_, v)| v))
        .chain(ld.other_dates.iter().filter_map(|f| date(json(f))))
        .collect();
    // Schema.org and Open Graph write dates in ISO 8601, which wins over
    // any other way of writing one in the markup. A day written for people
    // in its place, without a time ("Jun 24, 2025"), comes from a template
    // filled by hand, often with a field that is not the story's date (a
    // site builder's "last published" stamp), so the date the page shows by
    // its headline beats it: it is only a fallback. A stamp with a time
    // ("Mon Jul 23 21:11:10 PDT 2012") is a machine's and stays.
    let raw = |v: &MetaValue| v.source().map(|s| input[s].trim_start());
    let is_iso = |v: &MetaValue| {
        raw(v).is_none_or(|r| {
            let r = r.as_bytes();
            r.len() >= 5 && r[..4].iter().all(u8::is_ascii_digit) && r[4] == b'-'
        })
    };
    let has_time = |v: &MetaValue| {
        raw(v).is_none_or(|r| {
            r.as_bytes().windows(4).any(|w| {
                w[0].is_ascii_digit()
                    && w[1] == b':'
                    && w[2].is_ascii_digit()
                    && w[3].is_ascii_digit()
            })
        })
    };
    let (published, written_for_people) = match markup.iter().find(|v| is_iso(v)) {
        Some(iso) => (Some(iso.clone()), None),
        None => match markup.into_iter().next() {
            Some(v) if has_time(&v) => (Some(v), None),
            other => (None, other),
        },
    };
    // The `<time>` tags are read only when nothing above gave a date.
    let tags = tags::read(input, &scan.tags, published.is_none());
    let published = published.or_else(|| {
        tags.times
            .iter()
            .filter(|t| t.published)
            .chain(&tags.times)
            .find_map(|t| attr(t.datetime).and_then(date))
    });
    // Names that are no names (a date, ", USA TODAY") are left out.
    let names: Vec<MetaValue> = ld
        .authors
        .iter()
        .map(json)
        .filter_map(|v| author_name(v.as_str()).map(|n| MetaValue::new(n.to_string(), v.source())))
        .collect();
    let joined = match &names[..] {
        [] => None,
        [one] => Some(one.clone()),
        many => {
            let joined: Vec<&str> = many.iter().map(MetaValue::as_str).collect();
            Some(MetaValue::new(joined.join(", "), None))
        }
    };
    let meta_author = || {
        scan.metas.iter().find_map(|m| {
            let content = &input[m.content];
            (meta_reason(&input[m.key]) == Some(Reason::Byline)
                && !content.trim_start().starts_with("http"))
            .then(|| attr(m.content))
            .flatten()
            .and_then(|v| {
                author_name(v.as_str()).map(|n| MetaValue::new(n.to_string(), v.source()))
            })
        })
    };
    // An organisation credited as the author loses to a person a `<meta>`
    // or, later, a byline block names; it is the answer only when neither
    // does.
    let (author, organisation_author) = if ld.authors_are_organisations {
        (meta_author().filter(|m| Some(m) != joined.as_ref()), joined)
    } else {
        (joined.or_else(meta_author), None)
    };
    let language = tags
        .html_lang
        .and_then(attr)
        .or_else(|| tags.content_language.and_then(attr))
        .or_else(|| meta(&["og:locale"]))
        .or_else(|| ld.language.as_ref().map(json))
        .map(|v| MetaValue::new(v.as_str().replace('_', "-"), v.source()));
    let site_name = meta(SITE_NAME_KEYS).or_else(|| ld.publisher.as_ref().map(json));
    let image = meta(IMAGE_KEYS).or_else(|| ld.image.as_ref().map(json));
    let canonical_url = tags
        .canonical
        .and_then(attr)
        .or_else(|| meta(URL_KEYS))
        .or_else(|| ld.url.as_ref().map(json));
    let fallback_published = if published.is_some() {
        None
    } else if written_for_people.is_some() {
        written_for_people
    } else {
        let from_url = |v: MetaValue| {
            let (iso, at) = dates::from_url(v.as_str())?;
            // The date's own bytes when the URL is written plainly in
            // the source, else the whole URL's.
            let span = v.source().map(|s| {
                let raw = &input[s];
                match raw.get(at.clone()) {
                    Some(t) if t == &v.as_str()[at.clone()] => {
                        Span::new(s.start + at.start, s.start + at.end)
                    }
                    _ => s,
                }
            });
            Some(MetaValue::new(iso, span))
        };
        canonical_url
            .clone()
            .into_iter()
            .chain(meta(URL_KEYS))
            .find_map(from_url)
    };
    Metadata {
        published: nonempty(published),
        author: nonempty(author),
        language: nonempty(language),
        site_name: nonempty(site_name),
        image: nonempty(image),
        canonical_url: nonempty(canonical_url),
        organisation_author: nonempty(organisation_author),
        fallback_published,
    }
}

/// Decodes a JSON string's content: escapes become characters outside any
/// span, the stretches between them are decoded like attribute values.
fn decode_json(input: &str, value: Span, b: &mut SpanBuilder) {
    let s = input.as_bytes();
    let mut i = value.start;
    let mut plain = i;
    while i < value.end {
        if s[i] != b'\\' {
            i += 1;
            continue;
        }
        sourcemap::decode_range(input, Span::new(plain, i), b);
        let esc = s.get(i + 1).copied().unwrap_or(b'\\');
        let mut len = 2;
        let c = match esc {
            b'n' | b'r' | b't' | b'f' | b'b' => ' ',
            b'u' => {
                len = 6;
                input
                    .get(i + 2..i + 6)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}')
            }
            other => other as char,
        };
        b.push_unmapped(c);
        i = (i + len).min(value.end);
        plain = i;
    }
    sourcemap::decode_range(input, Span::new(plain, value.end), b);
}
