//! The normalised metadata of an [`Article`](crate::Article): publication
//! date, author, language, site name, lead image and canonical URL.

use std::fmt;

use crate::span::Span;

/// One metadata value and, when it was read from the page, the bytes it was
/// read from.
///
/// The value may be normalised (a date written "March 12, 2022" is
/// `2022-03-12`; character references are decoded), so it need not equal
/// the source bytes; [`source`](MetaValue::source) says where it came from.
///
/// ```
/// let html = r#"<meta property="og:site_name" content="Daily &amp; Co"><p>Text.</p>"#;
/// let article = deboiler::clean_html(html).unwrap();
/// let site = article.metadata().site_name().unwrap();
/// assert_eq!(site.as_str(), "Daily & Co");
/// assert_eq!(&html[site.source().unwrap()], "Daily &amp; Co");
/// ```
#[derive(Clone, Debug, Eq, Hash, PartialEq)]
pub struct MetaValue {
    value: String,
    source: Option<Span>,
}

impl MetaValue {
    pub(crate) fn new(value: String, source: Option<Span>) -> MetaValue {
        MetaValue { value, source }
    }

    /// Moves the source span to the original bytes (see
    /// [`Article::map_spans`](crate::Article)).
    pub(crate) fn map_source(&mut self, f: impl Fn(Span) -> Span) {
        self.source = self.source.map(f);
    }

    /// The value, normalised.
    ///
    /// ```
    /// let a = deboiler::clean_text("March 12, 2022\nThe story text, a full sentence.").unwrap();
    /// assert_eq!(a.metadata().published().unwrap().as_str(), "2022-03-12");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The bytes of the input the value was read from (a `<meta>` content
    /// attribute, a JSON-LD string, a date block), or `None` when it was
    /// put together from several places (the authors of a JSON-LD list).
    ///
    /// ```
    /// let input = "March 12, 2022\nThe story text, a full sentence.";
    /// let a = deboiler::clean_text(input).unwrap();
    /// let date = a.metadata().published().unwrap();
    /// assert_eq!(&input[date.source().unwrap()], "March 12, 2022");
    /// ```
    #[must_use]
    pub fn source(&self) -> Option<Span> {
        self.source
    }
}

impl fmt::Display for MetaValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

/// What the page says about itself, normalised: the fields readers of news
/// expect beside the title and body.
///
/// Each field is `None` when the page does not say it or the reading is
/// unsure. Sources, best first:
///
/// | field | read from |
/// |---|---|
/// | [`published`](Metadata::published) | JSON-LD `datePublished` of the article node; `<meta>` (`article:published_time`, `date`, `pubdate`, `DC.date`…); `<time datetime>` marked `pubdate` or `itemprop=datePublished`; the visible date block; the first `<time datetime>` |
/// | [`author`](Metadata::author) | JSON-LD `author` names of the article node; `<meta name=author>` and kin; the byline block without its "By" |
/// | [`language`](Metadata::language) | `<html lang>`; `<meta http-equiv=content-language>`; `og:locale`; JSON-LD `inLanguage` |
/// | [`site_name`](Metadata::site_name) | `og:site_name`; `application-name`; JSON-LD `publisher.name` |
/// | [`image`](Metadata::image) | `og:image`; `twitter:image`; JSON-LD `image` |
/// | [`canonical_url`](Metadata::canonical_url) | `<link rel=canonical>`; `og:url`; JSON-LD `mainEntityOfPage` or `url` |
///
/// The language is only what the page declares: deboiler does not guess it
/// from the text. A detector is a large table of n-gram statistics for a
/// guess that is unreliable on short pages; callers who want one can run,
/// say, `whatlang` on [`Article::body_text`](crate::Article::body_text).
///
/// ```
/// let html = r#"<html lang="de"><head>
/// <meta property="article:published_time" content="2022-03-12T09:30:00+01:00">
/// <link rel="canonical" href="https://example.com/a">
/// </head><body><p>Ein Satz als Text.</p></body></html>"#;
/// let article = deboiler::clean_html(html).unwrap();
/// let meta = article.metadata();
/// assert_eq!(meta.published().unwrap().as_str(), "2022-03-12T09:30:00+01:00");
/// assert_eq!(meta.language().unwrap().as_str(), "de");
/// assert_eq!(meta.canonical_url().unwrap().as_str(), "https://example.com/a");
/// assert!(meta.image().is_none());
/// ```
#[derive(Clone, Debug, Default, Eq, Hash, PartialEq)]
pub struct Metadata {
    pub(crate) published: Option<MetaValue>,
    pub(crate) author: Option<MetaValue>,
    pub(crate) language: Option<MetaValue>,
    pub(crate) site_name: Option<MetaValue>,
    pub(crate) image: Option<MetaValue>,
    pub(crate) canonical_url: Option<MetaValue>,
}

impl Metadata {
    /// The publication date, ISO 8601: `YYYY-MM-DD`, or a date-time
    /// (`YYYY-MM-DDTHH:MM:SS` with the page's offset, if it gave one) when
    /// the page gave one. The calendar day is the one written; no time zone
    /// is applied. `None` when no date could be read unambiguously.
    ///
    /// ```
    /// let a = deboiler::clean_text("12. März 2022\nDer Text der Geschichte, ein ganzer Satz.").unwrap();
    /// assert_eq!(a.metadata().published().unwrap().as_str(), "2022-03-12");
    /// ```
    #[must_use]
    pub fn published(&self) -> Option<&MetaValue> {
        self.published.as_ref()
    }

    /// The author's name, or the names joined by `", "` when the page lists
    /// several.
    ///
    /// ```
    /// let html = r#"<script type="application/ld+json">{"@type":"NewsArticle",
    ///   "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Bo Chen"}]}</script>
    ///   <p>Story text, a sentence.</p>"#;
    /// let a = deboiler::clean_html(html).unwrap();
    /// assert_eq!(a.metadata().author().unwrap().as_str(), "Ana Lima, Bo Chen");
    /// ```
    #[must_use]
    pub fn author(&self) -> Option<&MetaValue> {
        self.author.as_ref()
    }

    /// The language the page declares, as written (`en`, `pt-BR`; an
    /// `og:locale` `en_US` becomes `en-US`).
    ///
    /// ```
    /// let a = deboiler::clean_html(r#"<html lang="ko"><p>본문입니다.</p></html>"#).unwrap();
    /// assert_eq!(a.metadata().language().unwrap().as_str(), "ko");
    /// ```
    #[must_use]
    pub fn language(&self) -> Option<&MetaValue> {
        self.language.as_ref()
    }

    /// The site's name.
    ///
    /// ```
    /// let a = deboiler::clean_html(r#"<meta property="og:site_name" content="Dawn"><p>Text.</p>"#).unwrap();
    /// assert_eq!(a.metadata().site_name().unwrap().as_str(), "Dawn");
    /// ```
    #[must_use]
    pub fn site_name(&self) -> Option<&MetaValue> {
        self.site_name.as_ref()
    }

    /// The lead image's URL, as the page wrote it.
    ///
    /// ```
    /// let a = deboiler::clean_html(r#"<meta property="og:image" content="https://x.test/a.jpg"><p>Text.</p>"#).unwrap();
    /// assert_eq!(a.metadata().image().unwrap().as_str(), "https://x.test/a.jpg");
    /// ```
    #[must_use]
    pub fn image(&self) -> Option<&MetaValue> {
        self.image.as_ref()
    }

    /// The canonical URL of the page, as the page wrote it.
    ///
    /// ```
    /// let a = deboiler::clean_html(r#"<meta property="og:url" content="https://x.test/story"><p>Text.</p>"#).unwrap();
    /// assert_eq!(a.metadata().canonical_url().unwrap().as_str(), "https://x.test/story");
    /// ```
    #[must_use]
    pub fn canonical_url(&self) -> Option<&MetaValue> {
        self.canonical_url.as_ref()
    }

    /// Every field, mutably; for span remapping.
    pub(crate) fn fields_mut(&mut self) -> [&mut Option<MetaValue>; 6] {
        [
            &mut self.published,
            &mut self.author,
            &mut self.language,
            &mut self.site_name,
            &mut self.image,
            &mut self.canonical_url,
        ]
    }

    /// Every field with its JSON name, in the JSON's order.
    #[cfg(feature = "serde")]
    pub(crate) fn fields(&self) -> [(&'static str, Option<&MetaValue>); 6] {
        [
            ("published", self.published.as_ref()),
            ("author", self.author.as_ref()),
            ("language", self.language.as_ref()),
            ("site_name", self.site_name.as_ref()),
            ("image", self.image.as_ref()),
            ("canonical_url", self.canonical_url.as_ref()),
        ]
    }
}

/// A line longer than this is prose that mentions a date, not a date line
/// ("Last updated: Dec 12, 2025", "By Jane Roe • March 12, 2025").
const MAX_DATE_LINE_WORDS: usize = 12;

/// How far before the headline a date line may stand (breadcrumbs, a
/// category label and the date often come first), and how far into the
/// body: the date under a standfirst, after an image caption.
const DATE_BEFORE_TITLE: usize = 8;
const DATE_INTO_BODY: usize = 3;

/// Fills the fields the page's markup left empty from the blocks the
/// classifier found: the publication date from the date block, else from a
/// short line near the headline that reads as a date; the author from the
/// byline block. These are all plain text has.
pub(crate) fn complete(mut meta: Metadata, article: &crate::Article<'_>) -> Metadata {
    let date_of = |b: &crate::Block<'_>| {
        crate::dates::parse(b.text()).map(|iso| MetaValue::new(iso, Some(b.span())))
    };
    if meta.published.is_none() {
        meta.published = article.date().and_then(date_of);
    }
    if meta.published.is_none() && !article.dropped(crate::Reason::Date) {
        // Many pages print the date in a block the classifier saw as
        // clutter or folded into a byline: look around the headline.
        let blocks = article.blocks();
        let title = blocks.iter().position(|b| {
            b.reason() == Some(crate::Reason::Title) && b.kind() != crate::BlockKind::Metadata
        });
        let first_body = blocks.iter().position(crate::Block::is_body);
        let start = title.map_or(0, |t| t.saturating_sub(DATE_BEFORE_TITLE));
        let end = first_body.map_or(blocks.len(), |b| (b + DATE_INTO_BODY).min(blocks.len()));
        meta.published = blocks
            .get(start..end.max(start))
            .unwrap_or_default()
            .iter()
            .filter(|b| b.is_body() || b.reason() != Some(crate::Reason::RelatedStories))
            .filter(|b| b.kind() != crate::BlockKind::Metadata)
            .filter(|b| b.text().split_whitespace().count() <= MAX_DATE_LINE_WORDS)
            .find_map(date_of);
    }
    if meta.author.is_none() {
        meta.author = byline_author(article);
    }
    if meta.author.is_none() && !article.dropped(crate::Reason::Byline) {
        // A "By Jane Roe" line near the headline that the classifier kept
        // in the body or filed as clutter, or a "Written by" label with
        // the name in the next block.
        let near = near_title(article);
        meta.author = near.iter().enumerate().find_map(|(i, b)| {
            if matches!(b.kind(), crate::BlockKind::Caption)
                || b.reason() == Some(crate::Reason::Caption)
            {
                return None;
            }
            let (name, from) = if is_label(b.text()) {
                let next = near.get(i + 1)?;
                (author_name(next.text())?, next)
            } else {
                (author_name(after_by(b.text())?)?, b)
            };
            Some(MetaValue::new(name.to_string(), Some(from.span())))
        });
    }
    meta
}

/// How a byline starts, for the fallback that looks for one.
const BY: &str = "by ";

/// The text from the word "by" of a line ("September 1st, 2023 By Emily
/// Norwood" gives "By Emily Norwood"), if the line has one.
fn after_by(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    (0..text.len().saturating_sub(BY.len())).find_map(|i| {
        let word_start = i == 0 || bytes[i - 1] == b' ';
        (word_start && bytes[i..i + BY.len()].eq_ignore_ascii_case(BY.as_bytes()))
            .then(|| &text[i..])
    })
}

/// Whether `text` is only a byline label: "By", "Written by", "Author".
fn is_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim();
    BYLINE_PREFIXES
        .iter()
        .any(|p| p.trim_end_matches(':').eq_ignore_ascii_case(t))
}

/// The blocks around the headline where a date or byline line stands:
/// from a few blocks above the headline to a few into the body, metadata
/// and related-story blocks left out.
fn near_title<'b>(article: &'b crate::Article<'b>) -> Vec<&'b crate::Block<'b>> {
    let blocks = article.blocks();
    let title = blocks.iter().position(|b| {
        b.reason() == Some(crate::Reason::Title) && b.kind() != crate::BlockKind::Metadata
    });
    let first_body = blocks.iter().position(crate::Block::is_body);
    let start = title.map_or(0, |t| t.saturating_sub(DATE_BEFORE_TITLE));
    let end = first_body.map_or(blocks.len(), |b| (b + DATE_INTO_BODY).min(blocks.len()));
    blocks
        .get(start..end.max(start))
        .unwrap_or_default()
        .iter()
        .filter(|b| b.reason() != Some(crate::Reason::RelatedStories))
        .filter(|b| b.kind() != crate::BlockKind::Metadata)
        .filter(|b| b.text().split_whitespace().count() <= MAX_DATE_LINE_WORDS)
        .collect()
}

/// A name is a few words; a longer line is a sentence that mentions one.
const MAX_NAME_WORDS: usize = 6;

/// Digits a name may hold ("98 Buck Social"); more is a time or a date the
/// date reader could not read ("October 17, 20236:01 PM ET").
const MAX_NAME_DIGITS: usize = 3;

/// Words that introduce a name in a byline, lower-case, longest first so
/// "written by" wins over "by".
const BYLINE_PREFIXES: &[&str] = &[
    "about the author",
    "the author",
    "written by",
    "article by",
    "posted by",
    "words by",
    "reviewed by",
    "authored by",
    "author:",
    "autor:",
    "autor",
    "author",
    "oleh",
    "por",
    "von",
    "par",
    "by",
];

/// Where a byline's name ends: "Jane Roe | March 3", "Jane Roe • 5 min".
const NAME_ENDS: &[&str] = &[" | ", " • ", " · ", " - ", " – ", " — ", "\n", "\t"];

/// The name in a byline ("By Jane Roe | March 3, 2022" is "Jane Roe"), or
/// `None` when what is left is no name: empty, a date, too long.
pub(crate) fn author_name(byline: &str) -> Option<&str> {
    let mut t = byline.trim();
    for prefix in BYLINE_PREFIXES {
        let n = prefix.len();
        if t.len() >= n && t.is_char_boundary(n) && t[..n].eq_ignore_ascii_case(prefix) {
            let rest = &t[n..];
            if rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}']) || prefix.ends_with(':') {
                t = rest.trim_start_matches([' ', ':', '\u{a0}']);
                break;
            }
        }
    }
    for end in NAME_ENDS {
        if let Some(at) = t.find(end) {
            t = &t[..at];
        }
    }
    let t = t.trim().trim_end_matches([',', ';', ':']).trim();
    let words = t.split_whitespace().count();
    let letters = t.chars().any(char::is_alphabetic);
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (letters
        && words <= MAX_NAME_WORDS
        && digits < MAX_NAME_DIGITS
        && !t.starts_with([',', '(', '©'])
        && crate::dates::parse(t).is_none())
    .then_some(t)
}

/// The author from the byline block: its name, or, for a bare "By" or
/// "Written by", the short block that follows it.
fn byline_author(article: &crate::Article<'_>) -> Option<MetaValue> {
    let byline = article.byline()?;
    let blocks = article.blocks();
    let i = blocks.iter().position(|b| std::ptr::eq(b, byline))?;
    let b = &blocks[i];
    if let Some(name) = author_name(b.text()) {
        return Some(MetaValue::new(name.to_string(), Some(b.span())));
    }
    // "This post was written by Jane Roe, Head of Content at …": the name
    // after "by", up to the comma that starts the job title.
    if let Some(name) = after_by(b.text())
        .map(|t| t.split(", ").next().unwrap_or(t))
        .and_then(author_name)
    {
        return Some(MetaValue::new(name.to_string(), Some(b.span())));
    }
    let next = blocks.get(i + 1).filter(|_| is_label(b.text()))?;
    author_name(next.text()).map(|n| MetaValue::new(n.to_string(), Some(next.span())))
}

#[cfg(test)]
mod tests {
    use super::{after_by, author_name, is_label};

    #[test]
    fn names_from_bylines() {
        assert_eq!(author_name("By Jane Roe | March 3, 2022"), Some("Jane Roe"));
        assert_eq!(author_name("Written by: Ana Lima"), Some("Ana Lima"));
        assert_eq!(author_name("Oleh Budi Santoso"), Some("Budi Santoso"));
        assert_eq!(author_name("Bylines matter"), Some("Bylines matter"));
        assert_eq!(author_name("By"), None);
        assert_eq!(author_name("October 17, 20236:01 PM ET"), None);
        assert_eq!(author_name("98 Buck Social"), Some("98 Buck Social"));
        assert_eq!(author_name("16 December 2025"), None);
        assert_eq!(author_name(", USA TODAY"), None);
        assert_eq!(
            author_name("A sentence that runs on for far too many words to be a name"),
            None
        );
    }

    #[test]
    fn labels_and_inline_by() {
        assert!(is_label("Written by"));
        assert!(is_label("AUTHOR:"));
        assert!(is_label("About the Author"));
        assert!(!is_label("Jane Roe"));
        assert_eq!(
            after_by("September 1st, 2023 By Emily Norwood"),
            Some("By Emily Norwood")
        );
        assert_eq!(after_by("Standby mode"), None);
    }
}
