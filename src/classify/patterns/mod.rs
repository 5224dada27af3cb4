//! What a block is, judged from its own text alone.
//!
//! These recognisers look at one block's text and nothing else: "Previous
//! Story" is navigation, "2 mins read" a reading time, "Published in Dawn,
//! March 1st, 2023" a source line, wherever they stand. Both classifiers
//! consult them; position and neighbours are the classifiers' business.
//!
//! Every recogniser is a pure function over `&str` that looks at a bounded
//! prefix of the text (never more than [`MAX_PATTERN_BYTES`] bytes), so a
//! 50 MB line costs no more than a short one. Clutter lines are short; a long
//! line is prose, whatever words it starts with.

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use once_cell::sync::Lazy;

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::textutil::Fnv;
use crate::vocab::Reason;

mod byline;
mod captions;
mod comments;
mod dates;
mod footer;
mod legal;
mod navigation;
mod phrases;
mod promo;
mod tags;

pub(crate) use byline::{is_author_bio, is_bare_by};
use byline::{is_author_box, is_byline_line};
pub(crate) use captions::is_credit;
use captions::{is_caption_lower, is_gallery_counter};
pub(crate) use comments::{is_comment_action, is_comment_signature, is_thread_count};
use comments::{is_comment_count, is_comment_marked, is_titled_thread_head};
use dates::{READING_TIME_MAX_BYTES, is_date_line, is_reading_time_lower};
use footer::is_footer_lower;
use legal::is_legal_lower;
use navigation::is_navigation_lower;
pub(crate) use navigation::is_prev_next;
use phrases::{
    AD_LINES, APPEAL_MARKS, CAPTION_MARKS, COMMENT_LINES, COMMENT_MARKS, CREDIT_MARKS,
    FOOTER_MARKS, LEGAL_MARKS, NAV_LINES, SIGNUP_MARKS,
};
use promo::{PROMO_MARKS, is_promo_lower, is_section_header_squashed};
pub(crate) use tags::is_tag_list;

/// Longest text, in bytes, that a recogniser examines as a whole line.
/// Clutter lines are short: the longest footer of the development corpus
/// ("Published in Dawn, …", copyright lines with a company name) is under
/// 200 bytes; we allow twice that for non-Latin scripts, which take 2–3
/// bytes a character.
pub(crate) const MAX_PATTERN_BYTES: usize = 400;

/// Everything a line is, judged from its text alone; `None` when the text
/// looks like nothing in particular (which is what prose looks like).
///
/// The order matters where patterns overlap: a source line often holds a
/// date ("Published in Dawn, March 1st, 2023"), so footers are tested before
/// dates; a date line may start with "Updated", which is no promo.
pub(crate) fn recognise(text: &str) -> Option<Reason> {
    let text = text.trim();
    if text.len() > MAX_PATTERN_BYTES {
        // Long lines are prose, except gallery captions, whose counter
        // ("1 of 4 …") stands in front of a caption of any length.
        let mut cut = 16;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &text[..cut];
        return is_gallery_counter(&crate::textutil::lowercase(head)).then_some(Reason::Caption);
    }
    if text.is_empty() {
        return None;
    }
    Line::with(text, recognise_line)
}

/// [`recognise`] of a line that is neither empty nor long.
fn recognise_line(line: &Line<'_>) -> Option<Reason> {
    let text = line.text;
    let (lower, squashed, n) = (line.lower, line.squashed, line.words);
    // Before footers: "Image copyright Getty Images" is a credit.
    if is_caption_lower(lower, n, line.marks) {
        return Some(Reason::Caption);
    }
    if is_footer_lower(lower, n, line.marks) {
        return Some(Reason::SourceFooter);
    }
    // A reading time and a date each hold a number in ASCII digits.
    if line.digit && text.len() <= READING_TIME_MAX_BYTES && is_reading_time_lower(lower) {
        return Some(Reason::ReadingTime);
    }
    if line.digit && is_date_line(line) {
        return Some(Reason::Date);
    }
    if is_byline_line(line) {
        return Some(Reason::Byline);
    }
    let whole = WHOLE_LINES.of(squashed);
    if whole & WHOLE_AD != 0 {
        return Some(Reason::Advertisement);
    }
    if whole & WHOLE_COMMENT != 0
        || is_comment_count(lower, n)
        || is_titled_thread_head(lower)
        || is_comment_marked(lower, text, line.marks)
    {
        return Some(Reason::Comments);
    }
    if is_promo_lower(lower, n, line.marks) {
        return Some(Reason::Promo);
    }
    if is_section_header_squashed(squashed, lower, text, n) {
        return Some(Reason::RelatedStories);
    }
    if is_author_box(lower, text, n) {
        return Some(Reason::Boilerplate);
    }
    if is_navigation_lower(lower, squashed, n, whole) {
        return Some(Reason::Navigation);
    }
    if is_legal_lower(lower, n, line.marks) {
        return Some(Reason::Legal);
    }
    None
}

/// One trimmed line as every recogniser wants it, computed once. The
/// recognisers used to lowercase, squash, count words and search the phrase
/// lists each for itself; on plain text that was most of the running time.
struct Line<'a> {
    /// The line, trimmed, as written.
    text: &'a str,
    /// `text.to_lowercase()`.
    lower: &'a str,
    /// [`squash`] of `lower`.
    squashed: &'a str,
    /// [`word_count`] of `lower`.
    words: usize,
    /// Which phrase lists have a phrase somewhere in `lower` ([`marks`]).
    marks: u8,
    /// Whether the line holds an ASCII digit.
    digit: bool,
}

impl<'a> Line<'a> {
    /// The line for `text`, its lowercase and squashed forms written into
    /// the two buffers (cleared first).
    fn fill(text: &'a str, lower: &'a mut String, squashed: &'a mut String) -> Line<'a> {
        crate::textutil::lowercase_into(text, lower);
        squashed.clear();
        // `squash` and `word_count` in one pass: both ask of every
        // character whether it is alphanumeric. ASCII lines (most) take a
        // loop over bytes.
        let (mut words, mut in_word, mut digit) = (0, false, false);
        if lower.is_ascii() {
            for &b in lower.as_bytes() {
                let alnum = b.is_ascii_alphanumeric();
                if alnum {
                    squashed.push(char::from(b));
                }
                digit |= b.is_ascii_digit();
                let w = alnum || b == b'\'';
                words += usize::from(w && !in_word);
                in_word = w;
            }
        } else {
            for c in lower.chars() {
                let alnum = crate::textutil::is_alnum(c);
                if alnum {
                    squashed.push(c);
                }
                digit |= c.is_ascii_digit();
                let w = alnum || c == '\'' || c == '’';
                words += usize::from(w && !in_word);
                in_word = w;
            }
        }
        let lower: &'a String = lower;
        let squashed: &'a String = squashed;
        Line {
            text,
            lower,
            squashed,
            words,
            marks: marks(lower),
            digit,
        }
    }

    /// [`Line::fill`] with the buffers of this thread, kept from line to
    /// line so that a line costs no allocation; fresh ones when they are
    /// in use.
    fn with<R>(text: &str, f: impl FnOnce(&Line<'_>) -> R) -> R {
        thread_local! {
            static BUFFERS: RefCell<(String, String)> = RefCell::default();
        }
        BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffers) => {
                let (lower, squashed) = &mut *buffers;
                f(&Line::fill(text, lower, squashed))
            }
            Err(_) => f(&Line::fill(text, &mut String::new(), &mut String::new())),
        })
    }
}

/// Bits of [`WHOLE_LINES`]: which list holds a squashed line.
const WHOLE_NAV: u8 = 1;
const WHOLE_AD: u8 = 1 << 1;
const WHOLE_COMMENT: u8 = 1 << 2;

/// [`NAV_LINES`], [`AD_LINES`] and [`COMMENT_LINES`] in one map: one hash
/// per line instead of a comparison with each of some 240 phrases, or of a
/// hash for each list.
pub(super) static WHOLE_LINES: Lazy<LineSets> = Lazy::new(|| {
    LineSets::new(&[
        (NAV_LINES, WHOLE_NAV),
        (AD_LINES, WHOLE_AD),
        (COMMENT_LINES, WHOLE_COMMENT),
    ])
});

/// Sets of whole squashed lines, as a map from line to the bits of the
/// sets that hold it: a line longer than the longest entry is not hashed
/// at all, and the others are hashed with FNV-1a, not SipHash.
pub(super) struct LineSets {
    map: HashMap<&'static str, u8, BuildHasherDefault<Fnv>>,
    longest: usize,
}

impl LineSets {
    fn new(lists: &[(&[&'static str], u8)]) -> LineSets {
        let mut map: HashMap<&'static str, u8, BuildHasherDefault<Fnv>> = HashMap::default();
        for &(list, bit) in lists {
            for &line in list {
                *map.entry(line).or_insert(0) |= bit;
            }
        }
        let longest = map.keys().map(|l| l.len()).max().unwrap_or(0);
        LineSets { map, longest }
    }

    /// The bits of the sets that hold `squashed`.
    pub(super) fn of(&self, squashed: &str) -> u8 {
        if squashed.len() > self.longest {
            return 0;
        }
        self.map.get(squashed).copied().unwrap_or(0)
    }
}

/// `list` by the first byte of its entries, in list order: a line need be
/// compared only with the entries that start with its own first byte.
fn by_first_byte(list: &[&'static str]) -> Vec<Vec<&'static str>> {
    let mut by_byte = vec![Vec::new(); 256];
    for &p in list {
        match p.as_bytes().first() {
            Some(&b) => by_byte[usize::from(b)].push(p),
            None => by_byte.iter_mut().for_each(|v| v.push(p)),
        }
    }
    by_byte
}

/// The entries of a [`by_first_byte`] table that `line` may start with.
fn candidates<'t>(table: &'t [Vec<&'static str>], line: &str) -> &'t [&'static str] {
    match line.as_bytes().first() {
        Some(&b) => &table[usize::from(b)],
        None => &[],
    }
}

/// Bits of [`marks`]: one per phrase list searched anywhere in a line.
const MARK_FOOTER: u8 = 1;
const MARK_CAPTION: u8 = 1 << 1;
const MARK_COMMENT: u8 = 1 << 2;
const MARK_LEGAL: u8 = 1 << 3;
const MARK_COOKIE: u8 = 1 << 4;
const MARK_CREDIT: u8 = 1 << 5;
const MARK_PROMO: u8 = 1 << 6;
const MARK_SIGNUP: u8 = 1 << 7;

/// One automaton for every "anywhere in the line" phrase list, and for each
/// of its patterns the [`marks`] bits of the lists that hold it. One pass
/// over a line replaces some fifty `str::contains` calls, each of which
/// built a searcher and scanned the line again.
static MARKS: Lazy<(DFA, Vec<u8>)> = Lazy::new(|| {
    let lists: [(&[&str], u8); 9] = [
        (FOOTER_MARKS, MARK_FOOTER),
        (CAPTION_MARKS, MARK_CAPTION),
        (COMMENT_MARKS, MARK_COMMENT),
        (LEGAL_MARKS, MARK_LEGAL),
        (&["cookie"], MARK_COOKIE),
        (CREDIT_MARKS, MARK_CREDIT),
        (PROMO_MARKS, MARK_PROMO),
        (SIGNUP_MARKS, MARK_SIGNUP),
        (APPEAL_MARKS, MARK_SIGNUP),
    ];
    // A phrase in two lists is one pattern with both bits, so that the
    // automaton never has to report duplicates.
    let mut patterns: Vec<&str> = Vec::new();
    let mut bits: Vec<u8> = Vec::new();
    for (list, bit) in lists {
        for &p in list {
            match patterns.iter().position(|q| *q == p) {
                Some(i) => bits[i] |= bit,
                None => {
                    patterns.push(p);
                    bits.push(bit);
                }
            }
        }
    }
    let dfa = DFA::new(&patterns).expect("the phrase lists are small");
    (dfa, bits)
});

/// Bits (`MARK_*`) of the phrase lists that have a phrase in `lower`.
///
/// The automaton is stepped a byte at a time by hand: a state of the
/// standard match kind holds every phrase that ends at its byte, so the
/// match states passed are the overlapping search's hits, without its
/// bookkeeping per byte.
fn marks(lower: &str) -> u8 {
    let (dfa, bits) = &*MARKS;
    let Ok(mut state) = dfa.start_state(Anchored::No) else {
        return 0;
    };
    let mut found = 0;
    for &b in lower.as_bytes() {
        state = dfa.next_state(Anchored::No, state, b);
        if dfa.is_special(state) && dfa.is_match(state) {
            for i in 0..dfa.match_len(state) {
                found |= bits[dfa.match_pattern(state, i).as_usize()];
            }
        }
    }
    found
}

/// Whether `lower` starts with `prefix` and the prefix ends on a word
/// boundary ("subscribe" matches "subscribe now", not "subscribers").
fn starts_with_word(lower: &str, prefix: &str) -> bool {
    match lower.strip_prefix(prefix) {
        Some(rest) => {
            prefix.ends_with(|c: char| !c.is_alphanumeric())
                || !rest.starts_with(|c: char| c.is_alphanumeric())
        }
        None => false,
    }
}

#[cfg(test)]
mod oracle;

#[cfg(test)]
mod tests;
