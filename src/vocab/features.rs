//! [`Features`]: what the feature stage measured on a block. The numbers
//! are computed by `crate::features`; the struct lives here because a
//! [`Block`](crate::Block) carries it and every later stage reads it.

/// What the classifier measured on a block.
///
/// ```
/// let a = deboiler::clean_text("The cat sat on the mat, and the dog did not.").unwrap();
/// let f = a.blocks()[0].features();
/// assert_eq!(f.words(), 11);
/// assert!(f.ends_sentence());
/// assert!(f.stop_word_ratio() > 0.4);
/// assert_eq!(f.link_density(), 0.0);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    pub(crate) chars: u32,
    pub(crate) words: u32,
    pub(crate) stop_words: u32,
    pub(crate) capitalised: u32,
    pub(crate) cased_words: u32,
    pub(crate) digits: u32,
    pub(crate) cjk: u32,
    /// Words that are single Han or kana characters (see [`is_unspaced`](crate::textutil::is_unspaced)).
    pub(crate) unspaced_words: u32,
    pub(crate) ends_sentence: bool,
    pub(crate) link_density: f32,
    pub(crate) repeats: u32,
    pub(crate) fingerprint: u64,
}

impl Features {
    /// Characters (Unicode scalar values) in the text.
    ///
    /// ```
    /// let a = deboiler::clean_text("héllo").unwrap();
    /// assert_eq!(a.blocks()[0].features().chars(), 5);
    /// ```
    #[must_use]
    pub fn chars(&self) -> usize {
        self.chars as usize
    }

    /// Words, by Unicode word boundaries (UAX #29); each CJK ideograph or
    /// kana counts as one word, since those scripts put no spaces between
    /// words.
    ///
    /// ```
    /// let a = deboiler::clean_text("東京都").unwrap();
    /// assert_eq!(a.blocks()[0].features().words(), 3);
    /// ```
    #[must_use]
    pub fn words(&self) -> usize {
        self.words as usize
    }

    /// Share of the words that are frequent function words ("the", "und",
    /// "что"…), in `0.0..=1.0`. Prose scores 0.3–0.5, headlines and menus
    /// near 0.
    ///
    /// ```
    /// let a = deboiler::clean_text("Home News Sport").unwrap();
    /// assert_eq!(a.blocks()[0].features().stop_word_ratio(), 0.0);
    /// ```
    #[must_use]
    pub fn stop_word_ratio(&self) -> f32 {
        ratio(self.stop_words, self.words)
    }

    /// Share of the cased words that start with a capital letter, in
    /// `0.0..=1.0`; title-case headlines score near 1.
    ///
    /// ```
    /// let a = deboiler::clean_text("Global Covid Caseload Tops").unwrap();
    /// assert_eq!(a.blocks()[0].features().capitalised_ratio(), 1.0);
    /// ```
    #[must_use]
    pub fn capitalised_ratio(&self) -> f32 {
        ratio(self.capitalised, self.cased_words)
    }

    /// Whether the text ends like a sentence: `.`, `!`, `?`, `…`, their CJK
    /// forms, or one of them followed by a closing quote or bracket.
    ///
    /// ```
    /// let a = deboiler::clean_text("It ended.”").unwrap();
    /// assert!(a.blocks()[0].features().ends_sentence());
    /// ```
    #[must_use]
    pub fn ends_sentence(&self) -> bool {
        self.ends_sentence
    }

    /// Share of the text's bytes inside links, in `0.0..=1.0`; always 0 for
    /// plain text.
    ///
    /// ```
    /// let a = deboiler::clean_html("<p><a href=/x>All of it linked</a></p>").unwrap();
    /// assert_eq!(a.blocks()[0].features().link_density(), 1.0);
    /// ```
    #[must_use]
    pub fn link_density(&self) -> f32 {
        self.link_density
    }

    /// How many other blocks of the same document have the same text,
    /// compared case- and whitespace-insensitively.
    ///
    /// ```
    /// let a = deboiler::clean_text("Same\nSame\nOther").unwrap();
    /// assert_eq!(a.blocks()[0].features().repeats(), 1);
    /// ```
    #[must_use]
    pub fn repeats(&self) -> usize {
        self.repeats as usize
    }

    /// Share of the characters that are digits.
    ///
    /// ```
    /// let a = deboiler::clean_text("2022").unwrap();
    /// assert_eq!(a.blocks()[0].features().digit_ratio(), 1.0);
    /// ```
    #[must_use]
    pub fn digit_ratio(&self) -> f32 {
        ratio(self.digits, self.chars)
    }

    /// Whether most of the text is CJK (Chinese, Japanese, Korean) script.
    #[allow(dead_code)]
    pub(crate) fn is_cjk(&self) -> bool {
        self.cjk * 2 > self.chars
    }

    /// Words in English-equivalent units: a Han or kana character carries
    /// about half a word's content (Japanese news prose runs at ~2
    /// characters a word), so we count two of them as one word. The
    /// classifiers' length thresholds then work across scripts.
    pub(crate) fn effective_words(&self) -> usize {
        (self.words - self.unspaced_words / 2) as usize
    }
}

impl std::fmt::Display for Features {
    /// One line, `key=value` pairs, as `deboiler explain` prints them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "words={} chars={} stop={:.2} caps={:.2} end={} links={:.2} repeats={}",
            self.words,
            self.chars,
            self.stop_word_ratio(),
            self.capitalised_ratio(),
            if self.ends_sentence { "y" } else { "n" },
            self.link_density,
            self.repeats,
        )
    }
}

fn ratio(a: u32, b: u32) -> f32 {
    if b == 0 { 0.0 } else { a as f32 / b as f32 }
}
