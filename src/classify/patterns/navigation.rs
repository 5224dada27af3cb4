//! Site navigation: menus, share buttons, breadcrumbs, "Previous Story".

use once_cell::sync::Lazy;

use super::Marks;
use super::phrases::{PROMO_MAX_WORDS, SOCIAL_WORDS};
use super::{MARK_SEPARATOR, MAX_PATTERN_BYTES, WHOLE_LINES, WHOLE_NAV, marks};
use crate::lexicon::WordSet;
use crate::textutil::{letter_run_count as word_count, letter_runs as words, squash};

/// `whole` is [`WHOLE_LINES`]`.of(squashed)`, `marks` [`marks`] of `lower`.
pub(super) fn is_navigation_lower(
    lower: &str,
    squashed: &[u8],
    n: usize,
    whole: u8,
    marks: Marks,
) -> bool {
    if squashed.is_empty() {
        // Nothing but punctuation and symbols: arrows, separators, "|".
        return true;
    }
    if whole & WHOLE_NAV != 0 {
        return true;
    }
    if n == 0 || n > PROMO_MAX_WORDS {
        return false;
    }
    // Most lines fail on their first word, found over bytes.
    if n <= 8
        && first_ascii_run(lower).is_none_or(is_social_word)
        && words(lower).all(is_social_word)
    {
        return true;
    }
    marks & MARK_SEPARATOR != 0 && is_breadcrumb(lower)
}

/// The first of the [`words`] of `lower` when it is ASCII and the bytes
/// around it are ASCII too (a character outside ASCII next to it might be
/// part of it); `None` when that is not known from the bytes.
pub(super) fn first_ascii_run(lower: &str) -> Option<&str> {
    let bytes = lower.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    let start = bytes.iter().position(|&b| !b.is_ascii() || is_word(b))?;
    let len = bytes[start..]
        .iter()
        .position(|&b| !is_word(b))
        .unwrap_or(bytes.len() - start);
    let end = start + len;
    (len > 0 && bytes.get(end).is_none_or(u8::is_ascii)).then(|| &lower[start..end])
}

/// [`SOCIAL_WORDS`] as a set: most short lines fail on their first word,
/// which the list compared with each of its words.
static SOCIAL_SET: Lazy<WordSet> = Lazy::new(|| SOCIAL_WORDS.iter().copied().collect());

/// For each first byte, a bit for the length of each of [`SOCIAL_WORDS`]
/// that starts with it (all are ASCII and shorter than 32 bytes, test
/// `social_lengths_hold_every_word`).
static SOCIAL_LENGTHS: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < SOCIAL_WORDS.len() {
        let w = SOCIAL_WORDS[k].as_bytes();
        table[w[0] as usize] |= 1 << w.len();
        k += 1;
    }
    table
};

/// Whether `w` is one of [`SOCIAL_WORDS`]: most words are told from
/// every one by their first byte and length, without hashing.
pub(super) fn is_social_word(w: &str) -> bool {
    let b = w.as_bytes();
    b.first()
        .is_some_and(|&f| b.len() < 32 && SOCIAL_LENGTHS[usize::from(f)] >> b.len() & 1 != 0)
        && SOCIAL_SET.contains(w)
}

/// Whether the line is navigation: "Previous Story", "Go to Top", a section
/// name, a share bar, a breadcrumb ("Home > World > Asia").
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_navigation(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    let squashed = squash(&lower);
    is_navigation_lower(
        &lower,
        squashed.as_bytes(),
        word_count(&lower),
        WHOLE_LINES.of(squashed.as_bytes()),
        marks(&lower),
    )
}

/// Whether the line is "Previous Story", "Next Story" or a like arrow, after
/// which scraped pages put the other story's headline.
pub(crate) fn is_prev_next(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    // An ASCII line is squashed on the stack: the grader asks this of
    // every navigation line, and two strings a line cost more than the
    // comparison.
    // Compared as bytes: no UTF-8 check of the stack copy.
    // Every arrow starts with "p", "n", "r" or "u" and is at most 15
    // letters: most navigation lines ("Home", "Share") are told by their
    // first letter, the rest once they pass the length.
    const LONGEST: usize = "previousarticle".len();
    let mut buf = [0u8; LONGEST];
    let owned;
    let squashed: &[u8] = if text.is_ascii() {
        let mut len = 0;
        for b in text.bytes().filter(u8::is_ascii_alphanumeric) {
            let b = b.to_ascii_lowercase();
            if len == LONGEST || (len == 0 && !matches!(b, b'p' | b'n' | b'r' | b'u')) {
                return false;
            }
            buf[len] = b;
            len += 1;
        }
        &buf[..len]
    } else {
        owned = squash(&crate::textutil::lowercase(text));
        owned.as_bytes()
    };
    matches!(
        squashed,
        b"previousstory"
            | b"nextstory"
            | b"previousarticle"
            | b"nextarticle"
            | b"previouspost"
            | b"nextpost"
            | b"previous"
            | b"next"
            | b"prev"
            | b"readnext"
            | b"upnext"
    )
}

/// What separates the parts of a breadcrumb, as the phrases of the
/// [`marks`] automaton (bit `MARK_SEPARATOR`); [`is_breadcrumb`] splits at
/// the same characters (test `breadcrumb_separators_are_one_list`).
pub(super) const BREADCRUMB_SEPARATORS: &[&str] = &[">", "»", "›", "/", "|", "•"];

/// [`BREADCRUMB_SEPARATORS`] as characters.
pub(super) const BREADCRUMB_SEPARATOR_CHARS: [char; 6] = ['>', '»', '›', '/', '|', '•'];

/// A breadcrumb: at least three parts separated by `>`, `»`, `›`, `/` or
/// `|`, each part at most three words ("Home > News > World").
pub(super) fn is_breadcrumb(lower: &str) -> bool {
    const SEPARATORS: [char; 6] = BREADCRUMB_SEPARATOR_CHARS;
    const MIN_PARTS: usize = 3;
    const MAX_PART_WORDS: usize = 3;
    // Three parts need two separators. A byte count that can only
    // overcount (the last bytes of `»`, `›` and `•` stand for themselves)
    // spares the split of the many lines that have fewer.
    // Found by `memchr3`, the ASCII separators and the last bytes apart;
    // an ASCII line has none of the last bytes.
    let bytes = lower.as_bytes();
    let mut separators = memchr::memchr3_iter(b'>', b'/', b'|', bytes)
        .take(MIN_PARTS - 1)
        .count();
    if separators < MIN_PARTS - 1 && !bytes.is_ascii() {
        separators += memchr::memchr3_iter(0xBB, 0xBA, 0xA2, bytes)
            .take(MIN_PARTS - 1)
            .count();
    }
    if separators < MIN_PARTS - 1 {
        return false;
    }
    let parts: Vec<&str> = lower
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= MIN_PARTS && parts.iter().all(|p| word_count(p) <= MAX_PART_WORDS)
}
