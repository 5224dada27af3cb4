//! Stage 2: measure each segment. Nothing here decides anything; the
//! classifier reads these numbers.

use crate::lexicon;
use crate::segment::Segment;
use crate::textutil::{
    FoldHash, Shape, ends_sentence, is_alnum, is_cjk, is_unspaced, lower_char, scan_line, spread,
    uax29_words,
};
use crate::vocab::Features;

/// Measures every segment. Linear in the total text length: repeats are
/// counted by hashing a normalised form, never by comparing pairs.
pub(crate) fn compute(segments: &[Segment<'_>]) -> Vec<Features> {
    let mut out: Vec<Features> = segments.iter().map(measure).collect();
    count_repeats(&mut out);
    out
}

/// Sets `repeats` of each of `features`: how many others have its
/// fingerprint. Returns how many slots the lookups read, at most a few for
/// each line whatever the fingerprints (test `crowded_fingerprints_stay_linear`).
fn count_repeats(features: &mut [Features]) -> usize {
    // The fingerprints counted in an open-addressed table of at least twice
    // as many slots, each holding a fingerprint and how often it came: the
    // top bits of the fingerprint, spread by one seeded multiply
    // ([`spread`]: a page cannot choose lines that crowd one slot), are the
    // home slot, where a `HashMap` hashed each again (FNV, a multiply a
    // byte).
    let bits = (2 * features.len())
        .next_power_of_two()
        .trailing_zeros()
        .max(1);
    let mask = (1usize << bits) - 1;
    let home = |fingerprint: u64| (spread(fingerprint) >> (64 - bits)) as usize;
    // A count of 0 marks an empty slot.
    let mut slots = vec![(0u64, 0u32); mask + 1];
    let mut probes = 0;
    let mut find = |slots: &[(u64, u32)], fingerprint: u64| {
        let mut at = home(fingerprint);
        probes += 1;
        while slots[at].1 != 0 && slots[at].0 != fingerprint {
            at = (at + 1) & mask;
            probes += 1;
        }
        at
    };
    for f in features.iter() {
        let at = find(&slots, f.fingerprint);
        slots[at] = (f.fingerprint, slots[at].1 + 1);
    }
    for f in features.iter_mut() {
        f.repeats = slots[find(&slots, f.fingerprint)].1 - 1;
    }
    probes
}

fn measure(seg: &Segment<'_>) -> Features {
    let text: &str = &seg.text;
    // Most lines hold only the characters that `scan_line` knows: one pass
    // over their bytes gives what the passes of the general path give.
    let mut f = scan(text).unwrap_or_else(|| measure_general(text));
    f.ends_sentence = ends_sentence(text);
    if !text.is_empty() {
        f.link_density = (seg.hints.link_bytes as f32 / text.len() as f32).min(1.0);
    }
    f
}

/// The character and word counts and the fingerprint of `text` in one pass
/// over its bytes ([`scan_line`]), for a text made only of the characters
/// that [`scan_class`](crate::textutil::scan_class) knows (ASCII, the
/// typographic quotes and dashes of news text, Latin-1, Latin Extended-A,
/// Cyrillic and Hangul letters); `None` at the first other character, which
/// the general path then measures from the start. Equal to
/// [`measure_general`] on every text it accepts (proptests
/// `scan_equals_general*`): no known character is a digit outside ASCII
/// or an unspaced (Han, kana) character, and no stop word holds a digit, `_`
/// or a joiner, so a word of ASCII that is not letters alone is none.
#[inline(never)]
fn scan(text: &str) -> Option<Features> {
    // The word counts in locals, not in the fields of a `Features` the
    // closure borrows: those were kept in memory, an increment a load and
    // a store on every word.
    let (mut words, mut capitalised, mut cased_words, mut stop_words) = (0u32, 0u32, 0u32, 0u32);
    // Inlined at both of `scan_line`'s calls: a call a word cost more than
    // the counting.
    #[allow(unused_attributes)]
    let line = scan_line(
        text,
        #[inline(always)]
        |word, shape| {
            words += 1;
            match shape {
                // A word of ASCII letters: cased, a capital when its first
                // letter is. Counted without a branch, as is the stop-word
                // test (a longer word looks up the key 0, of no word):
                // which way each goes is a coin toss from word to word.
                Shape::Ascii(n, key) => {
                    cased_words += 1;
                    capitalised += u32::from(word.as_bytes()[0].is_ascii_uppercase());
                    let key = if n <= lexicon::ASCII_STOP_MAX_BYTES {
                        key
                    } else {
                        0
                    };
                    stop_words += u32::from(lexicon::is_packed_stop_word(key));
                }
                _ => {
                    let first = word.as_bytes()[0];
                    let (upper, lower) = if first < 0x80 {
                        (first.is_ascii_uppercase(), first.is_ascii_lowercase())
                    } else {
                        let c = word.chars().next().unwrap_or(' ');
                        (c.is_uppercase(), c.is_lowercase())
                    };
                    capitalised += u32::from(upper);
                    cased_words += u32::from(upper || lower);
                    // No letter the scan knows lowercases to fewer bytes
                    // (test `scan_letters_do_not_shrink`): a word of more
                    // bytes than the longest stop word is none.
                    let is_stop = shape == Shape::Letters
                        && word.len() <= lexicon::STOP_MAX_BYTES
                        && is_stop_outside_ascii(word);
                    stop_words += u32::from(is_stop);
                }
            }
        },
    )?;
    Some(Features {
        chars: line.chars,
        words,
        stop_words,
        capitalised,
        cased_words,
        digits: line.digits,
        cjk: line.cjk,
        fingerprint: line.fingerprint,
        ..Features::default()
    })
}

/// [`lexicon::is_stop_word`] of the lowercase of `word` (at most 12 bytes),
/// lowercased a character at a time as the general path does, its bytes
/// packed into a `u64` and looked up in the packed table: a lowercase of
/// more than [`lexicon::STOP_MAX_BYTES`] bytes is no stop word.
fn is_stop_outside_ascii(word: &str) -> bool {
    let (mut key, mut len) = (0u64, 0usize);
    let mut put = |l: char| {
        for &b in l.encode_utf8(&mut [0u8; 4]).as_bytes() {
            key = key << 8 | u64::from(b);
        }
        len += l.len_utf8();
    };
    for c in word.chars() {
        match crate::textutil::lower_char(c) {
            Some(l) => put(l),
            None => c.to_lowercase().for_each(&mut put),
        }
    }
    len <= lexicon::STOP_MAX_BYTES && lexicon::is_packed_stop_word(key)
}

/// The counts and the fingerprint of any text: the characters in one pass
/// (the fold's hash, digits, CJK), the words of [`uax29_words`] in another.
///
/// Never inlined: the few lines that take it are not worth the registers
/// that its code, inlined into [`measure`] or not by the luck of the
/// compiler's partition, took from the byte scan's loop (9M instructions
/// over zyte-text from one build to the next).
#[inline(never)]
fn measure_general(text: &str) -> Features {
    let mut f = Features::default();
    let mut hash = FoldHash::new();
    for c in text.chars() {
        f.chars += 1;
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                f.digits += u32::from(c.is_ascii_digit());
                hash.push_bytes(u64::from(c.to_ascii_lowercase() as u8), 1);
            }
            continue;
        }
        let cjk = is_cjk(c);
        f.cjk += u32::from(cjk);
        // The fold of `fingerprint`; a numeric character is alphanumeric,
        // and no CJK one is numeric (test `cjk_is_not_numeric`).
        if is_alnum(c) {
            if !cjk && c.is_numeric() {
                f.digits += 1;
            }
            match lower_char(c) {
                Some(l) => hash.push_char(l),
                None => c.to_lowercase().for_each(|l| hash.push_char(l)),
            }
        }
    }
    f.fingerprint = hash.finish();
    for word in uax29_words(text) {
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
                lexicon::is_ascii_stop_word(word.as_bytes())
            } else {
                is_stop_outside_ascii(word)
            };
            if is_stop {
                f.stop_words += 1;
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textutil::fingerprint;

    /// The general path as it was written first, a pass for each count:
    /// the reference the one-pass forms are held to.
    fn reference(text: &str) -> Features {
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
        for word in uax29_words(text) {
            let first = word.chars().next().unwrap_or(' ');
            if is_unspaced(first) {
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
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                if lexicon::is_stop_word(&lower) {
                    f.stop_words += 1;
                }
            }
        }
        f
    }

    proptest::proptest! {
        /// The scan measures what the general path does on ASCII.
        #[test]
        fn scan_equals_general_on_ascii(text in "[a-zA-Z0-9 .,:;'_!?()-]{0,40}") {
            proptest::prop_assert_eq!(scan(&text), Some(reference(&text)));
        }

        /// Stop words in any case, between joiners.
        #[test]
        fn scan_equals_general_on_words(
            text in "((the|The|THE|and|a|I|of|dalam|adalah|für|Für|ÜBER|über|это|Это|также|x|e\\.g|_|1|2,3|don't|don’t|[.,:;' ])){0,12}"
        ) {
            proptest::prop_assert_eq!(scan(&text), Some(reference(&text)));
        }

        /// The scan measures what the general path does on text with
        /// typographic punctuation and the letters it knows, and gives up
        /// on other characters.
        #[test]
        fn scan_equals_general(
            text in "([a-zA-Z0-9 .,:;'_!?]|\u{2018}|\u{2019}|\u{201c}|\u{201d}|\u{2013}|\u{2014}|\u{2026}|\u{2022}|\u{ab}|\u{bb}|\u{a0}|\u{a9}|\u{2019}t|s\u{2019}|[\u{c0}-\u{17f}]|[\u{400}-\u{4ff}]|[\u{ac00}-\u{ac08}]|\u{2020}|\u{3b1}|\u{6771}){0,30}"
        ) {
            match scan(&text) {
                Some(fast) => proptest::prop_assert_eq!(fast, reference(&text)),
                None => {
                    let unknown = text.chars().any(|c| matches!(c, '\u{2020}' | '\u{3b1}' | '\u{6771}' | '\u{482}'..='\u{489}' | '\u{d7}' | '\u{f7}'));
                    proptest::prop_assert!(unknown);
                }
            }
        }

        /// The general path in one pass over the characters measures what
        /// it measured in several.
        #[test]
        fn general_equals_reference(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(measure_general(&text), reference(&text));
        }
    }

    proptest::proptest! {
        /// The packed lookup of a word's lowercase is the set's.
        #[test]
        fn stop_outside_ascii_is_the_set(word in "(für|Für|ÜBER|über|это|Это|также|во|ВО|её|ЕЁ|и|È|è|é|ж|İ|\u{212a}|[a-zA-Zàéüжщ]){1,4}") {
            let expect = lexicon::is_stop_word(&word.to_lowercase());
            proptest::prop_assert_eq!(is_stop_outside_ascii(&word), expect, "{:?}", word);
        }
    }

    /// What the scan's early answer on long words rests on.
    #[test]
    fn scan_letters_do_not_shrink() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if crate::textutil::scan_class(c) == Some(crate::textutil::Wb::Letter) {
                let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
                assert!(lower >= c.len_utf8(), "{c:?}");
            }
        }
    }

    /// What the general path's digit count rests on.
    #[test]
    fn cjk_is_not_numeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(!(is_cjk(c) && c.is_numeric()), "{c:?}");
            assert!(!c.is_numeric() || c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn scan_examples() {
        for text in [
            "The Cat sat on THE mat, don’t you know?",
            "Über die Straße — für uns",
            "Это было в Москве, и она сказала",
            "Também é uma ação",
            "ΣΊΣΥΦΟΣ",
            "İstanbul’da",
            "한국 정부는 오늘 발표했다",
            "東京都 2025年",
        ] {
            assert_eq!(measure_general(text), reference(text), "{text}");
            if let Some(fast) = scan(text) {
                assert_eq!(fast, reference(text), "{text}");
            }
        }
        assert!(scan("Это было").is_some());
        assert!(scan("한국 정부는").is_some());
        assert!(scan("東京").is_none());
    }

    proptest::proptest! {
        /// The table counts each fingerprint as often as it comes.
        #[test]
        fn repeats_count_equal_fingerprints(lines in proptest::collection::vec("(Home|home|News|Next  story|next story|[a-c]{1,2})", 0..40)) {
            let text = lines.join("\n\n");
            let segs = crate::segment::text::segment(&text);
            let f = compute(&segs);
            for a in &f {
                let same = f.iter().filter(|b| b.fingerprint == a.fingerprint).count() as u32;
                proptest::prop_assert_eq!(a.repeats, same - 1);
            }
        }
    }

    /// Fingerprints that differ only in their low bits, which the table
    /// once took its slots from the top bits of, are counted in a few
    /// reads each, and right.
    #[test]
    fn crowded_fingerprints_stay_linear() {
        let n = 100_000u64;
        let mut features: Vec<Features> = (0..n)
            .map(|i| Features {
                fingerprint: i / 2,
                ..Features::default()
            })
            .collect();
        let probes = count_repeats(&mut features);
        assert!(features.iter().all(|f| f.repeats == 1));
        // Two lookups a line; a table at most half full averages under
        // three reads a lookup.
        assert!(probes < 6 * n as usize, "{probes} reads for {n} lines");
    }

    #[test]
    fn hangul_words_are_spaced() {
        let segs = crate::segment::text::segment("한국 정부는 오늘 발표했다");
        let f = compute(&segs);
        assert_eq!(f[0].words, 4);
        let segs = crate::segment::text::segment("東京都");
        assert_eq!(compute(&segs)[0].words, 3);
    }
}
