//! Stage 2: measure each segment. Nothing here decides anything; the
//! classifier reads these numbers.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon;
use crate::segment::Segment;

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
    /// Words that are single Han or kana characters (see [`is_unspaced`]).
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

/// Measures every segment. Linear in the total text length: repeats are
/// counted by hashing a normalised form, never by comparing pairs.
pub(crate) fn compute(segments: &[Segment<'_>]) -> Vec<Features> {
    let mut out: Vec<Features> = segments.iter().map(measure).collect();
    let mut counts: HashMap<u64, u32> = HashMap::with_capacity(out.len());
    for f in &out {
        *counts.entry(f.fingerprint).or_insert(0) += 1;
    }
    for f in &mut out {
        f.repeats = counts[&f.fingerprint] - 1;
    }
    out
}

/// A hash of the text with case and whitespace folded, so "Next Story" and
/// "NEXT  story" collide. Used for repeat counting and title matching.
pub(crate) fn fingerprint(text: &str) -> u64 {
    // A 64-bit FNV-1a over the folded characters. We hash every block of
    // every page, so SipHash per character (the first version) was a tenth of
    // the text path's time; fingerprints only decide "same text or not" and
    // never key an attacker-controlled hash table, so a fast, deterministic
    // hash is enough.
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h = OFFSET;
    let mut mix = |c: char| {
        h ^= c as u64;
        h = h.wrapping_mul(PRIME);
    };
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                mix(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            c.to_lowercase().for_each(&mut mix);
        }
    }
    h
}

fn measure(seg: &Segment<'_>) -> Features {
    let text: &str = &seg.text;
    let mut f = Features {
        fingerprint: fingerprint(text),
        ..Features::default()
    };
    for c in text.chars() {
        f.chars += 1;
        if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
            f.digits += 1;
        }
        if is_cjk(c) {
            f.cjk += 1;
        }
    }
    let mut lower = String::new();
    // Text in ASCII plus typographic quotes and dashes (most English text,
    // and most menus and dates in any language) takes a hand-written
    // segmenter that the property test `fast_words_match_unicode_words`
    // holds to exactly the words of `unicode_words`, at a fraction of the
    // table lookups.
    let words: Box<dyn Iterator<Item = &str>> = match FastWords::new(text) {
        Some(fast) => Box::new(fast),
        None => Box::new(text.unicode_words()),
    };
    for word in words {
        let first = word.chars().next().unwrap_or(' ');
        if is_unspaced(first) {
            // Each ideograph or kana is a word of its own for counting.
            // Hangul is not: Korean puts spaces between words.
            let n = word.chars().count() as u32;
            f.words += n;
            f.unspaced_words += n;
            continue;
        }
        f.words += 1;
        if first.is_uppercase() {
            f.capitalised += 1;
            f.cased_words += 1;
        } else if first.is_lowercase() {
            f.cased_words += 1;
        }
        if word.len() <= 12 {
            let is_stop = if word.is_ascii() {
                let mut buf = [0u8; 12];
                let buf = &mut buf[..word.len()];
                buf.copy_from_slice(word.as_bytes());
                buf.make_ascii_lowercase();
                std::str::from_utf8(buf).is_ok_and(lexicon::is_stop_word)
            } else {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                lexicon::is_stop_word(&lower)
            };
            if is_stop {
                f.stop_words += 1;
            }
        }
    }
    f.ends_sentence = ends_sentence(text);
    if !text.is_empty() {
        f.link_density = (seg.hints.link_bytes as f32 / text.len() as f32).min(1.0);
    }
    f
}

/// What a character is to [`FastWords`], for the characters it knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Digit,
    /// `_`, which joins anything word-like on either side.
    Underscore,
    /// `:`, joins two letters.
    MidLetter,
    /// `.`, `'`, `‘`, `’`: join two letters or two digits.
    MidBoth,
    /// `,`, `;`: join two digits.
    MidNum,
    /// Breaks words: spaces, other ASCII punctuation, and the typographic
    /// quotes and dashes that news text is full of.
    Other,
}

/// The class of every character [`FastWords`] handles, `None` for the rest
/// (accented letters, other scripts), which send a text to the general
/// segmenter.
fn fast_class(c: char) -> Option<Wb> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Wb::Letter,
        '0'..='9' => Wb::Digit,
        '_' => Wb::Underscore,
        ':' => Wb::MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Wb::MidBoth,
        ',' | ';' => Wb::MidNum,
        '\u{0}'..='\u{7f}' => Wb::Other,
        '\u{201c}' | '\u{201d}' | '\u{2013}' | '\u{2014}' | '\u{2026}' | '\u{ab}' | '\u{bb}'
        | '\u{a0}' | '\u{a9}' | '\u{2022}' => Wb::Other,
        _ => return None,
    })
}

/// The words of a text made only of characters [`fast_class`] knows, by the
/// rules of UAX #29 restricted to them, yielding exactly what
/// `unicode_words` yields: runs of letters, digits and `_` that contain a
/// letter or digit, joined across one `:`, `.` or apostrophe between letters
/// and one `,`, `;`, `.` or apostrophe between digits.
struct FastWords<'a> {
    text: &'a str,
    pos: usize,
}

impl FastWords<'_> {
    /// `Some` when every character of `text` has a [`fast_class`].
    fn new(text: &str) -> Option<FastWords<'_>> {
        text.chars()
            .all(|c| fast_class(c).is_some())
            .then_some(FastWords { text, pos: 0 })
    }
}

impl<'a> Iterator for FastWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let class = |c: char| fast_class(c).unwrap_or(Wb::Other);
        let wordish = |w: Wb| matches!(w, Wb::Letter | Wb::Digit | Wb::Underscore);
        let rest = &self.text[self.pos..];
        let mut chars = rest.char_indices().peekable();
        // Skip to the first word character.
        let start = loop {
            let (i, c) = chars.next()?;
            if wordish(class(c)) {
                break i;
            }
        };
        let mut end = start + 1; // word characters are ASCII
        let mut prev = class(rest[start..].chars().next().unwrap_or(' '));
        let mut has_alnum = prev != Wb::Underscore;
        while let Some(&(i, c)) = chars.peek() {
            let w = class(c);
            if wordish(w) {
                chars.next();
                end = i + c.len_utf8();
                has_alnum |= w != Wb::Underscore;
                prev = w;
                continue;
            }
            let mut ahead = rest[i + c.len_utf8()..].chars();
            let next = ahead.next().map(class);
            let joins = matches!(
                (prev, w, next),
                (Wb::Letter, Wb::MidLetter | Wb::MidBoth, Some(Wb::Letter))
                    | (Wb::Digit, Wb::MidNum | Wb::MidBoth, Some(Wb::Digit))
            );
            if !joins {
                break;
            }
            chars.next();
            end = i + c.len_utf8();
        }
        let word = &rest[start..end];
        self.pos += end;
        if has_alnum { Some(word) } else { self.next() }
    }
}

/// Whether `text` ends with sentence-final punctuation, looking through
/// closing quotes and brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    for c in text.chars().rev() {
        match c {
            '.' | '!' | '?' | '…' | '。' | '！' | '？' | '．' | '؟' | '।' => return true,
            '"' | '\'' | '”' | '’' | '»' | '」' | '』' | ')' | ']' | '）' => continue,
            c if c.is_whitespace() => continue,
            _ => return false,
        }
    }
    false
}

/// Han and kana: the scripts written without spaces between words, so that
/// each character counts as a word. Hangul is left out, since Korean puts
/// spaces between words and UAX #29 already splits them there.
pub(crate) fn is_unspaced(c: char) -> bool {
    is_cjk(c) && !matches!(c as u32, 0xAC00..=0xD7AF)
}

/// Han, kana, hangul and the CJK punctuation blocks.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified
        | 0xAC00..=0xD7AF // hangul syllables
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("Done."));
        assert!(ends_sentence("He said “go.”"));
        assert!(ends_sentence("終わり。"));
        assert!(!ends_sentence("A heading"));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn hangul_words_are_spaced() {
        let segs = crate::segment::text::segment("한국 정부는 오늘 발표했다");
        let f = compute(&segs);
        assert_eq!(f[0].words, 4);
        let segs = crate::segment::text::segment("東京都");
        assert_eq!(compute(&segs)[0].words, 3);
    }

    proptest::proptest! {
        #[test]
        fn fast_words_match_unicode_words(
            text in "[a-zA-Z0-9_ .,:;'\"!?()/\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{2026}\u{ab}\u{bb}\u{a0}\u{a9}\u{2022}-]{0,60}"
        ) {
            let fast: Vec<&str> = FastWords::new(&text).unwrap().collect();
            let slow: Vec<&str> = text.unicode_words().collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn fast_words_examples() {
        for text in [
            "don’t stop",
            "3.5 million, 1,000;2",
            "a:b e.g. x_y __ _a",
            "end.",
            "'q' 7’8",
            "“Quote” — yes… «oui»",
        ] {
            let fast: Vec<&str> = FastWords::new(text).unwrap().collect();
            let slow: Vec<&str> = text.unicode_words().collect();
            assert_eq!(fast, slow, "{text}");
        }
        assert!(FastWords::new("café").is_none());
    }

    #[test]
    fn fingerprint_folds_case_and_space() {
        assert_eq!(fingerprint("Next  Story"), fingerprint("next story"));
        assert_ne!(fingerprint("Next Story"), fingerprint("Previous Story"));
    }
}
