//! Stage 2: measure each segment. Nothing here decides anything; the
//! classifier reads these numbers.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::lexicon;
use crate::segment::Segment;
use crate::textutil::{
    ASCII_CLASS, FNV_OFFSET, Fnv, Wb, ends_sentence, fast_words, fingerprint, fnv_step, is_cjk,
    is_unspaced, uax29_words,
};
use crate::vocab::Features;

/// Measures every segment. Linear in the total text length: repeats are
/// counted by hashing a normalised form, never by comparing pairs.
pub(crate) fn compute(segments: &[Segment<'_>]) -> Vec<Features> {
    let mut out: Vec<Features> = segments.iter().map(measure).collect();
    // The keys are our own hashes: FNV, not SipHash, hashes them again.
    let mut counts: HashMap<u64, u32, BuildHasherDefault<Fnv>> =
        HashMap::with_capacity_and_hasher(out.len(), BuildHasherDefault::default());
    for f in &out {
        *counts.entry(f.fingerprint).or_insert(0) += 1;
    }
    for f in &mut out {
        f.repeats = counts[&f.fingerprint] - 1;
    }
    out
}

fn measure(seg: &Segment<'_>) -> Features {
    let text: &str = &seg.text;
    // Most lines hold only the characters that `scan_fast` knows: one pass
    // over their bytes gives what the passes below give.
    let mut f = match scan_bytes(text.as_bytes()) {
        Some(f) => f,
        None => scan_fast(text).unwrap_or_else(|| measure_general(text)),
    };
    f.ends_sentence = ends_sentence(text);
    if !text.is_empty() {
        f.link_density = (seg.hints.link_bytes as f32 / text.len() as f32).min(1.0);
    }
    f
}

/// The character and word counts and the fingerprint of `text` in one pass
/// over its bytes, for a text made only of the characters that
/// [`scan_class`](crate::textutil::scan_class) knows (ASCII, the typographic
/// quotes and dashes of news text, Latin-1, Latin Extended-A and Cyrillic
/// letters); `None` at the first other character, which the general path
/// then measures from the start. Equal to [`measure_general`] on every text
/// it accepts (proptest `fast_scan_equals_general`): the fold keeps ASCII
/// letters and digits and the known letters, no known character is CJK or a
/// digit outside ASCII, and the words are those of [`fast_words`].
fn scan_fast(text: &str) -> Option<Features> {
    let mut f = Features::default();
    let mut hash = FNV_OFFSET;
    let mut digits = 0u32;
    let mut chars = 0u32;
    let mut lower = String::new();
    let ok = fast_words(
        text,
        |c, class| {
            chars += 1;
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    digits += u32::from(c.is_ascii_digit());
                    hash = fnv_step(hash, u64::from(c.to_ascii_lowercase()));
                }
            } else if class == Wb::Letter {
                // The letters outside ASCII that the scan knows: alphabetic,
                // neither digits nor CJK.
                match crate::textutil::lower_char(c) {
                    Some(l) => hash = fnv_step(hash, l as u64),
                    // "İ" lowercases to two characters.
                    None => c
                        .to_lowercase()
                        .for_each(|l| hash = fnv_step(hash, l as u64)),
                }
            }
        },
        |word| {
            f.words += 1;
            let first = word.chars().next().unwrap_or(' ');
            if first.is_uppercase() {
                f.capitalised += 1;
                f.cased_words += 1;
            } else if first.is_lowercase() {
                f.cased_words += 1;
            }
            let is_stop = if word.is_ascii() {
                lexicon::is_ascii_stop_word(word.as_bytes())
            } else if word.len() <= 12 {
                // `char::to_lowercase` of each, the alphabets below U+0500
                // from the table.
                lower.clear();
                for c in word.chars() {
                    match crate::textutil::lower_char(c) {
                        Some(l) => lower.push(l),
                        None => lower.extend(c.to_lowercase()),
                    }
                }
                lexicon::is_stop_word(&lower)
            } else {
                false
            };
            if is_stop {
                f.stop_words += 1;
            }
        },
    );
    if !ok {
        return None;
    }
    f.chars = chars;
    f.digits = digits;
    f.fingerprint = hash;
    Some(f)
}

/// The class and length in bytes of the character at byte `i` of `bytes`
/// for [`scan_bytes`]: ASCII by the table, and the typographic punctuation
/// of news text (quotes, dashes, ellipsis, bullet, guillemets, no-break
/// space, ©) as [`fast_class_at`](crate::textutil) classes it; `None` for
/// anything else.
#[inline]
fn byte_class(bytes: &[u8], i: usize) -> Option<(Wb, usize)> {
    let b = bytes[i];
    if b < 0x80 {
        return Some((ASCII_CLASS[usize::from(b)], 1));
    }
    match (b, bytes.get(i + 1), bytes.get(i + 2)) {
        // ‘ ’
        (0xE2, Some(0x80), Some(0x98 | 0x99)) => Some((Wb::MidBoth, 3)),
        // “ ” – — … •
        (0xE2, Some(0x80), Some(0x9C | 0x9D | 0x93 | 0x94 | 0xA6 | 0xA2)) => Some((Wb::Other, 3)),
        // « » no-break space ©
        (0xC2, Some(0xAB | 0xBB | 0xA0 | 0xA9), _) => Some((Wb::Other, 2)),
        _ => None,
    }
}

/// [`scan_fast`] of a text of ASCII and the punctuation of [`byte_class`]
/// (most lines of news text), in a loop over its bytes that needs no
/// decoding and no second look at a word: a word's stop-word key is packed
/// as its letters go by (proptests `ascii_scan_equals_general`,
/// `byte_scan_equals_general`). `None` at the first other character. No
/// stop word holds a joiner, so a word that does is none.
fn scan_bytes(bytes: &[u8]) -> Option<Features> {
    let wordish = |w: Wb| matches!(w, Wb::Letter | Wb::Digit | Wb::Underscore);
    let mut f = Features::default();
    let mut hash = FNV_OFFSET;
    let mut digits = 0u32;
    let mut chars = 0u32;
    // The word being read: its first byte, the class of its last word
    // character, whether it has a letter or digit, and, while it is made of
    // letters only, its lowercase letters packed into `key` (`letters` of
    // them).
    let mut first: Option<u8> = None;
    let mut prev = Wb::Other;
    let mut has_alnum = false;
    let mut key = 0u64;
    let mut letters: Option<usize> = None;
    let emit = |f: &mut Features, first: u8, letters: Option<usize>, key: u64| {
        f.words += 1;
        if first.is_ascii_uppercase() {
            f.capitalised += 1;
            f.cased_words += 1;
        } else if first.is_ascii_lowercase() {
            f.cased_words += 1;
        }
        if letters.is_some_and(|n| n <= lexicon::ASCII_STOP_MAX_BYTES)
            && lexicon::is_packed_stop_word(key)
        {
            f.stop_words += 1;
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if first.is_none() && b.is_ascii_alphabetic() {
            // A word starts with a run of ASCII letters (most words are
            // nothing else): the steps of the loop below for each, in a
            // loop of their own.
            let start = i;
            key = 0;
            while let Some(&l) = bytes.get(i).filter(|l| l.is_ascii_alphabetic()) {
                let l = l.to_ascii_lowercase();
                hash = fnv_step(hash, u64::from(l));
                key = key << 8 | u64::from(l);
                i += 1;
            }
            chars += (i - start) as u32;
            first = Some(b);
            prev = Wb::Letter;
            has_alnum = true;
            letters = Some(i - start);
            continue;
        }
        let (w, len) = if b < 0x80 {
            (ASCII_CLASS[usize::from(b)], 1)
        } else {
            byte_class(bytes, i)?
        };
        chars += 1;
        if b.is_ascii_alphanumeric() {
            digits += u32::from(b.is_ascii_digit());
            hash = fnv_step(hash, u64::from(b.to_ascii_lowercase()));
        }
        if wordish(w) {
            if first.is_none() {
                first = Some(b);
                has_alnum = false;
                key = 0;
                letters = Some(0);
            }
            prev = w;
            has_alnum |= w != Wb::Underscore;
            letters = match letters {
                Some(n) if w == Wb::Letter => {
                    key = key << 8 | u64::from(b.to_ascii_lowercase());
                    Some(n + 1)
                }
                _ => None,
            };
        } else if let Some(start) = first {
            let next = if i + len < bytes.len() {
                byte_class(bytes, i + len).map(|(n, _)| n)
            } else {
                None
            };
            let joins = matches!(
                (prev, w, next),
                (Wb::Letter, Wb::MidLetter | Wb::MidBoth, Some(Wb::Letter))
                    | (Wb::Digit, Wb::MidNum | Wb::MidBoth, Some(Wb::Digit))
            );
            if joins {
                letters = None;
            } else {
                if has_alnum {
                    emit(&mut f, start, letters, key);
                }
                first = None;
            }
        }
        i += len;
    }
    if let Some(start) = first
        && has_alnum
    {
        emit(&mut f, start, letters, key);
    }
    f.chars = chars;
    f.digits = digits;
    f.fingerprint = hash;
    Some(f)
}

/// The counts and the fingerprint of any text, a pass for each.
fn measure_general(text: &str) -> Features {
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
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII loop measures what the general path does.
        #[test]
        fn ascii_scan_equals_general(text in "[a-zA-Z0-9 .,:;'_!?()-]{0,40}") {
            proptest::prop_assert_eq!(scan_bytes(text.as_bytes()), Some(measure_general(&text)));
        }

        /// Stop words in any case, between joiners.
        #[test]
        fn ascii_scan_equals_general_on_words(
            text in "((the|The|THE|and|a|I|of|dalam|adalah|x|e\\.g|_|1|2,3|don't|[.,:;' ])){0,12}"
        ) {
            proptest::prop_assert_eq!(scan_bytes(text.as_bytes()), Some(measure_general(&text)));
        }

        /// The byte scan measures what the general path does on text with
        /// typographic punctuation, and gives up on other characters.
        #[test]
        fn byte_scan_equals_general(
            text in "([a-zA-Z0-9 .,:;'_!?]|\u{2018}|\u{2019}|\u{201c}|\u{201d}|\u{2013}|\u{2014}|\u{2026}|\u{2022}|\u{ab}|\u{bb}|\u{a0}|\u{a9}|\u{2019}t|s\u{2019}|\u{e9}|\u{44f}|\u{2020}){0,30}"
        ) {
            match scan_bytes(text.as_bytes()) {
                Some(fast) => proptest::prop_assert_eq!(fast, measure_general(&text)),
                None => {
                    let unknown = text.chars().any(|c| matches!(c, '\u{e9}' | '\u{44f}' | '\u{2020}'));
                    proptest::prop_assert!(unknown);
                }
            }
        }

        /// The one-pass scan measures what the passes of the general path do.
        #[test]
        fn fast_scan_equals_general(
            text in "[a-zA-Z0-9 .,:;'_!?\u{2019}\u{201c}\u{2014}\u{a0}\u{c0}-\u{17f}\u{400}-\u{4ff}]{0,40}"
        ) {
            if let Some(fast) = scan_fast(&text) {
                proptest::prop_assert_eq!(fast, measure_general(&text));
            }
        }
    }

    #[test]
    fn fast_scan_examples() {
        for text in [
            "The Cat sat on THE mat, don’t you know?",
            "Über die Straße — für uns",
            "Это было в Москве, и она сказала",
            "Também é uma ação",
            "ΣΊΣΥΦΟΣ",
            "İstanbul’da",
        ] {
            if let Some(fast) = scan_fast(text) {
                assert_eq!(fast, measure_general(text), "{text}");
            }
        }
        assert!(scan_fast("Это было").is_some());
        assert!(scan_fast("東京").is_none());
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
