//! Image captions, photo credits and gallery counters.

use super::Marks;
use super::phrases::CAPTION_PREFIXES;
use super::{MARK_CAPTION, MAX_PATTERN_BYTES, Prefixes, marks};
use once_cell::sync::Lazy;

/// [`CAPTION_PREFIXES`] by their first byte.
static CAPTIONS_BY_FIRST_BYTE: Lazy<Prefixes> = Lazy::new(|| Prefixes::new(CAPTION_PREFIXES));
use crate::textutil::letter_run_count as word_count;

/// `digit` is whether `lower` holds an ASCII digit, as a gallery's
/// counter does.
pub(super) fn is_caption_lower(lower: &str, n: usize, marks: Marks, digit: bool) -> bool {
    if n > 40 {
        return false;
    }
    if digit && is_gallery_counter(lower) {
        return true;
    }
    marks & MARK_CAPTION != 0
        || CAPTIONS_BY_FIRST_BYTE
            .starting(lower.as_bytes())
            .next()
            .is_some()
}

/// Whether the line is a parenthesised photo credit on a line of its own:
/// "(Image credit: NASA)", "(Photo: Reuters)". The line above such a credit
/// is the caption it credits. Credits without brackets do not say that:
/// the BBC sets "Image copyright Getty Images" *above* the image and its
/// caption, after a body paragraph.
pub(crate) fn is_credit(text: &str) -> bool {
    const CREDIT_MAX_WORDS: usize = 12;
    if text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    let n = word_count(&lower);
    n <= CREDIT_MAX_WORDS
        && lower.starts_with('(')
        && is_caption_lower(
            &lower,
            n,
            marks(&lower),
            lower.bytes().any(|b| b.is_ascii_digit()),
        )
}

/// A gallery's "Image 1 of 5" or "1 of 4 …" caption prefix.
pub(super) fn is_gallery_counter(lower: &str) -> bool {
    let rest = lower
        .strip_prefix("image ")
        .or_else(|| lower.strip_prefix("photo "))
        .or_else(|| lower.strip_prefix("slide "))
        .unwrap_or(lower);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &rest[digits..];
    let (rest, slash) = match rest.strip_prefix(" of ") {
        Some(r) => (r, false),
        None => match rest.strip_prefix('/') {
            Some(r) => (r, true),
            None => return false,
        },
    };
    let total = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&total)
        && !rest[total..].starts_with(crate::textutil::is_alnum)
        && !(slash && is_measure(&rest[total..]))
}

/// Whether the text after a fraction ("1/2 cup milk", "3/4 tsp salt") names
/// a unit of measure: a recipe's ingredient, not a gallery's "1/4" counter.
/// Recipe pages on dragnet-train lost their ingredient lists as captions.
pub(super) fn is_measure(after: &str) -> bool {
    const UNITS: &[&str] = &[
        "cup",
        "cups",
        "c",
        "teaspoon",
        "teaspoons",
        "tsp",
        "tablespoon",
        "tablespoons",
        "tbsp",
        "tbs",
        "tbsps",
        "pound",
        "pounds",
        "lb",
        "lbs",
        "ounce",
        "ounces",
        "oz",
        "stick",
        "sticks",
        "pint",
        "pints",
        "quart",
        "quarts",
        "gallon",
        "gallons",
        "inch",
        "inches",
        "in",
        "gram",
        "grams",
        "g",
        "kg",
        "ml",
        "l",
        "litre",
        "litres",
        "liter",
        "liters",
        "mile",
        "miles",
        "dash",
        "pinch",
        "clove",
        "cloves",
        "can",
        "cans",
        "package",
        "packages",
        "bunch",
        "head",
        "large",
        "medium",
        "small",
        "of",
    ];
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    UNITS.contains(&word.as_str())
}
