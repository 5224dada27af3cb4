//! The normalised metadata of an [`Article`](crate::Article): publication
//! date, author, language, site name, lead image and canonical URL. The
//! types only: the HTML segmenter reads the markup's fields, and
//! `crate::metadata` fills the rest from the classified blocks.

use std::fmt;

use super::Span;

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
/// | [`published`](Metadata::published) | JSON-LD `datePublished` of the article node; `<meta>` (`article:published_time`, `date`, `pubdate`, `DC.date`…); `<time datetime>` marked `pubdate` or `itemprop=datePublished`; the visible date block; the first `<time datetime>`. A date the page shows by its headline that is earlier than the markup's (not an "Updated" line) wins: the markup's is then a later stamp, or a UTC date-time past the local midnight; so does a line labelled as the publication date ("Published …", "Originally published on …") near the story, over any later date |
/// | [`author`](Metadata::author) | JSON-LD `author` names of the article node; `<meta name=author>` and kin; the byline block without its "By" |
/// | [`language`](Metadata::language) | `<html lang>`; `<meta http-equiv=content-language>`; `og:locale`; JSON-LD `inLanguage`; detected from the body (`detect-language` feature) |
/// | [`site_name`](Metadata::site_name) | `og:site_name`; `application-name`; JSON-LD `publisher.name` |
/// | [`image`](Metadata::image) | `og:image`; `twitter:image`; JSON-LD `image` |
/// | [`canonical_url`](Metadata::canonical_url) | `<link rel=canonical>`; `og:url`; JSON-LD `mainEntityOfPage` or `url` |
///
/// When the page declares no language (and always for plain text), the
/// `detect-language` feature (off by default in the library, on in the
/// CLI and the Python package) guesses it from the first
/// 4 kB of the body with `whatlang`, and keeps the guess only when whatlang
/// calls it reliable: a detected language has no source span. On the dev
/// pool's HTML pages that do declare one, the reliable guess agrees with
/// the declaration on 1,426 of 1,431.
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
    /// An organisation the markup credits as the author, held back until
    /// the blocks have been searched for a byline naming a person
    /// (`metadata::complete` takes it, so a finished `Metadata` never
    /// holds one).
    pub(crate) organisation_author: Option<MetaValue>,
    /// A markup date written for people rather than in ISO 8601, else the
    /// date in the canonical URL's path: the publication date only when the
    /// page shows none (`metadata::complete` takes it, so a finished
    /// `Metadata` holds none).
    pub(crate) fallback_published: Option<MetaValue>,
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
    /// `og:locale` `en_US` becomes `en-US`); else, with the
    /// `detect-language` feature, the body's language as whatlang reliably
    /// guesses it, a two-letter code with no source span.
    ///
    /// ```
    /// let a = deboiler::clean_html(r#"<html lang="ko"><p>본문입니다.</p></html>"#).unwrap();
    /// assert_eq!(a.metadata().language().unwrap().as_str(), "ko");
    /// # #[cfg(feature = "detect-language")] {
    /// let a = deboiler::clean_text(
    ///     "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die \
    ///      Regeln für den Wohnungsbau in den Städten deutlich vereinfachen soll.",
    /// )
    /// .unwrap();
    /// let lang = a.metadata().language().unwrap();
    /// assert_eq!((lang.as_str(), lang.source()), ("de", None));
    /// # }
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
