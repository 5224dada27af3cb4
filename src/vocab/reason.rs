//! Why a block is not in the body: [`Reason`].

use std::fmt;
use std::str::FromStr;

/// Why a block is not part of the article body.
///
/// Every block the cleaner does not keep in the body carries exactly one
/// reason, so "why was this dropped?" always has an answer. Some reasons are
/// not clutter but metadata that is reported separately:
/// [`Title`](Reason::Title), [`Date`](Reason::Date),
/// [`Byline`](Reason::Byline), [`Standfirst`](Reason::Standfirst),
/// [`ReadingTime`](Reason::ReadingTime) and
/// [`SourceFooter`](Reason::SourceFooter) each have an accessor on
/// [`Article`](crate::Article).
///
/// ```
/// use deboiler::Reason;
///
/// let text = "Big news today\n\nBig news today\n\nThe first paragraph of the story says what happened, in full.\n";
/// let article = deboiler::clean_text(text).unwrap();
/// let reasons: Vec<Reason> = article.removed().filter_map(|b| b.reason()).collect();
/// assert_eq!(reasons, [Reason::Title, Reason::DuplicateTitle]);
/// assert_eq!(Reason::DuplicateTitle.as_str(), "duplicate-title");
/// ```
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Ord, PartialOrd)]
#[non_exhaustive]
pub enum Reason {
    /// The article's headline, reported by [`Article::title`](crate::Article::title).
    Title,
    /// A repeat of the headline.
    DuplicateTitle,
    /// Site navigation: menus, breadcrumbs, "Previous Story" / "Next Story",
    /// "Go to Top", share and follow bars, and the links they carry.
    Navigation,
    /// Lists of other stories: "Related", "Latest from …", "Don't Miss",
    /// "Most read", teaser sidebars of headline, date and teaser.
    RelatedStories,
    /// Promotions: "ALSO READ: …", "Read more", newsletter and subscription
    /// boxes, app and social-media calls to action.
    Promo,
    /// Footers and source lines: "Published in Dawn, March 1st, 2023",
    /// copyright notices, "All rights reserved".
    SourceFooter,
    /// A date or time stamp, reported by [`Article::date`](crate::Article::date).
    Date,
    /// A reading-time stamp ("2 mins read"), reported by
    /// [`Article::reading_time`](crate::Article::reading_time).
    ReadingTime,
    /// The standfirst (dek, summary) under the headline, reported by
    /// [`Article::standfirst`](crate::Article::standfirst).
    Standfirst,
    /// The author line, reported by [`Article::byline`](crate::Article::byline).
    Byline,
    /// An image or figure caption, photo credit.
    Caption,
    /// Reader comments and the widgets around them.
    Comments,
    /// Advertising and sponsored-content labels.
    Advertisement,
    /// Cookie and consent banners, legal notices.
    Legal,
    /// Text outside the article that fits no more specific reason: short
    /// link-heavy or low-density blocks far from the body.
    Boilerplate,
}

impl Reason {
    /// Every reason, in declaration order.
    ///
    /// ```
    /// assert!(deboiler::Reason::ALL.contains(&deboiler::Reason::Promo));
    /// ```
    pub const ALL: &'static [Reason] = &[
        Reason::Title,
        Reason::DuplicateTitle,
        Reason::Navigation,
        Reason::RelatedStories,
        Reason::Promo,
        Reason::SourceFooter,
        Reason::Date,
        Reason::ReadingTime,
        Reason::Standfirst,
        Reason::Byline,
        Reason::Caption,
        Reason::Comments,
        Reason::Advertisement,
        Reason::Legal,
        Reason::Boilerplate,
    ];

    /// The reason's name, kebab-case, as the CLI's JSON and the seed labels
    /// write it.
    ///
    /// ```
    /// assert_eq!(deboiler::Reason::RelatedStories.as_str(), "related-stories");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Title => "title",
            Reason::DuplicateTitle => "duplicate-title",
            Reason::Navigation => "navigation",
            Reason::RelatedStories => "related-stories",
            Reason::Promo => "promo",
            Reason::SourceFooter => "source-footer",
            Reason::Date => "date",
            Reason::ReadingTime => "reading-time",
            Reason::Standfirst => "standfirst",
            Reason::Byline => "byline",
            Reason::Caption => "caption",
            Reason::Comments => "comments",
            Reason::Advertisement => "advertisement",
            Reason::Legal => "legal",
            Reason::Boilerplate => "boilerplate",
        }
    }

    /// Parses a name written by [`as_str`](Reason::as_str).
    ///
    /// ```
    /// use deboiler::Reason;
    /// assert_eq!(Reason::from_name("promo"), Some(Reason::Promo));
    /// assert_eq!(Reason::from_name("nonsense"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.iter().copied().find(|r| r.as_str() == name)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses a name written by [`Reason::as_str`], as
/// [`Reason::from_name`] does.
///
/// ```
/// use deboiler::Reason;
/// let r: Reason = "related-stories".parse()?;
/// assert_eq!(r, Reason::RelatedStories);
/// assert!("Related Stories".parse::<Reason>().is_err());
/// # Ok::<(), deboiler::ParseReasonError>(())
/// ```
impl FromStr for Reason {
    type Err = ParseReasonError;

    fn from_str(name: &str) -> Result<Reason, ParseReasonError> {
        Reason::from_name(name).ok_or_else(|| ParseReasonError {
            name: name.to_string(),
        })
    }
}

/// A name that is not one of [`Reason::as_str`]'s; the error of
/// `str::parse::<Reason>()`. Its message lists the valid names.
///
/// ```
/// let err = "nonsense".parse::<deboiler::Reason>().unwrap_err();
/// assert_eq!(err.name(), "nonsense");
/// assert!(err.to_string().contains("promo"));
/// ```
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct ParseReasonError {
    name: String,
}

impl ParseReasonError {
    /// The name that was given.
    ///
    /// ```
    /// assert_eq!("x".parse::<deboiler::Reason>().unwrap_err().name(), "x");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for ParseReasonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown reason `{}`; expected one of ", self.name)?;
        for (i, reason) in Reason::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(reason.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseReasonError {}
