//! Date and time stamps, and reading times ("2 mins read").

use super::phrases::{DATE_MAX_TOKENS, MINUTE_WORDS, READ_WORDS};
use super::{Line, MAX_PATTERN_BYTES};
use crate::dates::STAMP_SEPARATORS;
use crate::lexicon;
use crate::textutil::is_cjk;

/// Whether the line is a date or time stamp: numbers, month and weekday
/// names and stamp words only ("Updated 22 Nov, 2024", "2019-11-20 10:30",
/// "3 hours ago", "2019年11月20日"). A date inside a sentence is not a
/// date line, since the sentence's other words are not stamp words.
pub(crate) fn is_date(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    // "Nov 19, 2019 at 6:46 pm ET • 2 min read": stamps joined by a
    // separator are a date when every part is a date or a reading time.
    if has_stamp_separator(text) {
        let mut dates = 0;
        for part in text
            .split(STAMP_SEPARATORS)
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            if is_single_date(part) {
                dates += 1;
            } else if !is_reading_time(part) {
                return false;
            }
        }
        return dates > 0;
    }
    is_single_date(text)
}

/// [`is_date`] of a whole line, reusing its lowercase form when the line is
/// one stamp. Lines with separators take the general path: each part is
/// lowercased on its own, as before (a final sigma lowercases differently
/// alone than in the middle of a line).
/// `text.contains(STAMP_SEPARATORS)` (`•`, `|`, `·`) over bytes: `memchr3`
/// finds `|` and the last bytes of the other two, and a last byte counts
/// when the bytes before it complete the separator (test
/// `stamp_separators_are_the_bytes_searched`).
pub(super) fn has_stamp_separator(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'|', 0xA2, 0xB7, bytes).any(|i| match bytes[i] {
        b'|' => true,
        // • is E2 80 A2.
        0xA2 => i >= 2 && bytes[i - 2..i] == [0xE2, 0x80],
        // · is C2 B7.
        _ => i >= 1 && bytes[i - 1] == 0xC2,
    })
}

pub(super) fn is_date_line(line: &Line<'_>) -> bool {
    if line.text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    if has_stamp_separator(line.text) {
        return is_date(line.text);
    }
    is_single_date_lower(line.lower)
}

pub(super) fn is_single_date(text: &str) -> bool {
    is_single_date_lower(&crate::textutil::lowercase(text))
}

pub(super) fn is_single_date_lower(lower: &str) -> bool {
    let mut numbers = 0;
    let mut months = 0;
    let mut tokens = 0;
    for token in date_tokens(lower) {
        tokens += 1;
        if tokens > DATE_MAX_TOKENS {
            return false;
        }
        if token.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
        } else if lexicon::is_month_word(token) {
            months += 1;
        } else if !lexicon::is_date_word(token) {
            return false;
        }
    }
    numbers >= 1 && (months >= 1 || numbers >= 2)
}
/// Splits a lowercased line into the tokens of a date: runs of ASCII digits,
/// runs of letters, and each CJK character on its own (so "2019年11月"
/// gives `2019`, `年`, `11`, `月`).
pub(super) fn date_tokens(lower: &str) -> impl Iterator<Item = &str> {
    let mut rest = lower;
    std::iter::from_fn(move || {
        // ASCII bytes are read as bytes, the rest as characters: the
        // same token, without a character decoded for every letter.
        let skip = rest
            .bytes()
            .take_while(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
            .count();
        rest = rest[skip..].trim_start_matches(|c: char| !crate::textutil::is_alnum(c));
        let first = rest.chars().next()?;
        let len = if first.is_ascii_digit() {
            rest.bytes()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(rest.len())
        } else if !first.is_alphabetic() || (is_cjk(first) && !is_hangul(first)) {
            // Each CJK character is a token; so is a numeric character
            // outside ASCII ("²", "٣"), which would otherwise make an empty
            // token and stall the iterator.
            first.len_utf8()
        } else {
            let ascii = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            ascii
                + rest[ascii..]
                    .find(|c: char| !c.is_alphabetic() || (is_cjk(c) && !is_hangul(c)))
                    .unwrap_or(rest.len() - ascii)
        };
        // A digit of another script ("٩") is alphanumeric but neither an
        // ASCII digit nor alphabetic: it is a token of its own, or the
        // iterator would yield empty tokens forever.
        let len = if len == 0 { first.len_utf8() } else { len };
        let (token, tail) = rest.split_at(len);
        rest = tail;
        Some(token)
    })
}

pub(super) fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Whether the line is a reading-time stamp: a number, a word for minutes
/// and a word for reading, in a short line ("2 mins read", "Lesezeit: 3
/// Min.", "Reading time: 4 minutes").
pub(crate) fn is_reading_time(text: &str) -> bool {
    text.len() <= READING_TIME_MAX_BYTES && is_reading_time_lower(&crate::textutil::lowercase(text))
}

/// Longest reading-time stamp, in bytes.
pub(super) const READING_TIME_MAX_BYTES: usize = 80;

/// A part of every word of [`MINUTE_WORDS`], the ASCII ones first.
pub(super) const MINUTE_STEMS: [&str; 5] = ["min", "menit", "мин", "분", "分"];

/// Whether `lower` holds one of the ASCII [`MINUTE_STEMS`], "min" or
/// "menit": an "m" found by `memchr` and the bytes after it, where two
/// `str::contains` each set up a substring search for a line of a few
/// dozen bytes (test `ascii_minute_stem_is_contains`).
pub(super) fn has_ascii_minute_stem(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    memchr::memchr_iter(b'm', bytes).any(|i| {
        let after = &bytes[i + 1..];
        after.starts_with(b"in") || after.starts_with(b"enit")
    })
}

pub(super) fn is_reading_time_lower(lower: &str) -> bool {
    // Every word for minutes holds one of these (test
    // `minute_words_hold_a_minute_stem`): a line without one is not split
    // into tokens, and an ASCII line is searched for the ASCII ones only.
    let has_minute = |stems: &[&str]| stems.iter().any(|s| lower.contains(s));
    if !(has_ascii_minute_stem(lower) || (!lower.is_ascii() && has_minute(&MINUTE_STEMS[2..]))) {
        return false;
    }
    let (mut number, mut minute, mut read, mut n) = (false, false, false, 0);
    for token in date_tokens(lower) {
        n += 1;
        // More tokens never make a reading time.
        if n > 6 {
            return false;
        }
        if token.bytes().all(|b| b.is_ascii_digit()) {
            number = true;
        } else if MINUTE_WORDS.contains(&token) {
            minute = true;
        } else if READ_WORDS.contains(&token) {
            read = true;
        }
    }
    // "5 min" alone is a video length as often as a reading time, so we
    // want the word for reading too.
    number && minute && read
}
