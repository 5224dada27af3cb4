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
pub(crate) use navigation::is_prev_next;
use navigation::{BREADCRUMB_SEPARATORS, is_navigation_lower};
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

/// [`recognise`], and the bits of [`NOTED`] that the automaton's pass
/// over the line found: what the text classifier's later tests of the
/// same line look for first, so that it asks them only of the lines that
/// have it (tests `noted_lines_are_marked`). Every bit is set when the
/// line is not read whole as it is: too long, empty or trimmed (the tests
/// read the line as it is).
pub(crate) fn recognise_noting(text: &str) -> (Option<Reason>, Marks) {
    let trimmed = text.trim();
    if trimmed.len() != text.len() || text.len() > MAX_PATTERN_BYTES || text.is_empty() {
        return (recognise(text), NOTED);
    }
    Line::with(text, |line| (recognise_line(line), line.marks & NOTED))
}

/// [`recognise`] of a line that is neither empty nor long.
fn recognise_line(line: &Line<'_>) -> Option<Reason> {
    let text = line.text;
    let (lower, squashed, n) = (line.lower, line.squashed, line.words);
    // Before footers: "Image copyright Getty Images" is a credit.
    if is_caption_lower(lower, n, line.marks, line.digit) {
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
    // A count is a number in ASCII digits, and a titled thread head starts
    // with one: no digit, no split into words.
    if whole & WHOLE_COMMENT != 0
        || (line.digit && is_comment_count(lower, n))
        || (line.digit && is_titled_thread_head(lower))
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
    if is_navigation_lower(lower, squashed, n, whole, line.marks) {
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
    /// [`squash`] of `lower`, or its first [`SQUASH_LIMIT`] bytes and a
    /// character or more (see [`squash_head`]), as UTF-8 bytes.
    squashed: &'a [u8],
    /// [`word_count`] of `lower`.
    words: usize,
    /// Which phrase lists have a phrase somewhere in `lower` ([`marks`]).
    marks: Marks,
    /// Whether the line holds an ASCII digit.
    digit: bool,
}

impl<'a> Line<'a> {
    /// The line for `text`, its lowercase and squashed forms written into
    /// the two buffers (cleared first). The lowercase is written, and its
    /// words and digits counted eight bytes at a time, in one pass
    /// ([`lowercase_counting_into`](crate::textutil::lowercase_counting_into));
    /// then two over the lowercase, each with few enough live values to
    /// stay in registers: the squashed head ([`squash_head`]) and the
    /// phrase automaton ([`marks`]). One pass doing all of it kept its
    /// counters on the stack and cost more.
    fn fill(text: &'a str, lower: &'a mut String, squashed: &'a mut SquashBuf) -> Line<'a> {
        let (words, digit) = crate::textutil::lowercase_counting_into(text, lower);
        let lower: &'a String = lower;
        let len = squash_head(lower, squashed);
        Line {
            text,
            lower,
            squashed: &squashed[..len],
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
            static BUFFERS: RefCell<(String, SquashBuf)> =
                const { RefCell::new((String::new(), [0; SQUASH_BUF])) };
        }
        BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffers) => {
                let (lower, squashed) = &mut *buffers;
                f(&Line::fill(text, lower, squashed))
            }
            Err(_) => f(&Line::fill(text, &mut String::new(), &mut [0; SQUASH_BUF])),
        })
    }
}

/// Most bytes of a squashed line that any recogniser reads: the longest
/// whole line of [`WHOLE_LINES`] and the longest teaser header that a
/// squashed line is asked to start with are shorter (test
/// `squash_limit_holds_every_list`). A squashed line longer than this
/// equals none of them and starts with them as its head does.
const SQUASH_LIMIT: usize = 36;

/// Room for a squashed head: [`SQUASH_LIMIT`] bytes and the character
/// that passes it, four bytes at most.
const SQUASH_BUF: usize = SQUASH_LIMIT + 4;

/// The buffer a squashed head is written into.
type SquashBuf = [u8; SQUASH_BUF];

/// [`squash`] of `lower` written into `out`, stopped once it is longer than
/// [`SQUASH_LIMIT`]: what the recognisers read of the squashed line, its
/// length returned. Prose lines, most of the bytes, are spared the rest.
/// Bytes into an array, not characters pushed onto a `String`: an ASCII
/// byte is written whatever it is and kept by advancing the length past
/// it when it is a letter or digit.
fn squash_head(lower: &str, out: &mut SquashBuf) -> usize {
    let bytes = lower.as_bytes();
    let (mut len, mut i) = (0, 0);
    while len <= SQUASH_LIMIT && i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            out[len] = b;
            len += usize::from(ASCII_ALNUM[usize::from(b)]);
            i += 1;
            continue;
        }
        let Some(c) = lower.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if crate::textutil::is_alnum(c) {
            len += c.encode_utf8(&mut out[len..]).len();
        }
        i += c.len_utf8();
    }
    len
}

/// Whether an ASCII byte is a letter or digit: a load, not two range tests.
static ASCII_ALNUM: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

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
    map: HashMap<&'static [u8], u8, BuildHasherDefault<Fnv>>,
    longest: usize,
    /// For each first byte (0 for the empty line), a bit for the length of
    /// each entry that starts with it.
    lengths: [u64; 256],
}

impl LineSets {
    fn new(lists: &[(&[&'static str], u8)]) -> LineSets {
        let mut map: HashMap<&'static [u8], u8, BuildHasherDefault<Fnv>> = HashMap::default();
        for &(list, bit) in lists {
            for &line in list {
                *map.entry(line.as_bytes()).or_insert(0) |= bit;
            }
        }
        let longest = map.keys().map(|l| l.len()).max().unwrap_or(0);
        let mut lengths = [0u64; 256];
        for line in map.keys() {
            let first = line.first().map_or(0, |&b| usize::from(b));
            lengths[first] |= 1 << line.len().min(63);
        }
        LineSets {
            map,
            longest,
            lengths,
        }
    }

    /// The bits of the sets that hold `squashed`.
    pub(super) fn of(&self, squashed: &[u8]) -> u8 {
        // Most lines are told from every entry by their first byte and
        // their length, without hashing.
        let first = squashed.first().map_or(0, |&b| usize::from(b));
        if squashed.len() > self.longest || self.lengths[first] >> squashed.len() & 1 == 0 {
            return 0;
        }
        self.map.get(squashed).copied().unwrap_or(0)
    }
}

/// A phrase list to test the starts of lines against, by the first byte
/// of its entries, in list order: a line need be compared only with the
/// entries that start with its own first byte. Each entry carries its
/// first eight bytes as a number, so that a line is told from most
/// entries by one masked comparison of its own first eight bytes instead
/// of a call to compare memory.
pub(super) struct Prefixes {
    by_byte: Vec<Vec<Prefix>>,
}

/// An entry of [`Prefixes`].
struct Prefix {
    phrase: &'static str,
    /// The first eight bytes of `phrase` (fewer, and zeros after, in a
    /// shorter one), little-endian.
    head: u64,
    /// Ones over the bytes of `head` that `phrase` has.
    mask: u64,
}

/// The first eight bytes of `bytes`, zeros after a shorter one,
/// little-endian.
fn head8(bytes: &[u8]) -> u64 {
    // Most lines are eight bytes or longer: one load.
    if let Some(first) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*first);
    }
    let mut eight = [0u8; 8];
    for (e, &b) in eight.iter_mut().zip(bytes) {
        *e = b;
    }
    u64::from_le_bytes(eight)
}

impl Prefixes {
    pub(super) fn new(list: &[&'static str]) -> Prefixes {
        let mut by_byte: Vec<Vec<Prefix>> = (0..256).map(|_| Vec::new()).collect();
        for &phrase in list {
            let bytes = phrase.as_bytes();
            let mask = head8(&[0xFF; 8][..bytes.len().min(8)]);
            let prefix = Prefix {
                phrase,
                head: head8(bytes),
                mask,
            };
            let first = bytes.first().expect("no empty entry in a prefix list");
            by_byte[usize::from(*first)].push(prefix);
        }
        Prefixes { by_byte }
    }

    /// The entries that `line` starts with, in list order.
    pub(super) fn starting<'a>(
        &'a self,
        line: &'a [u8],
    ) -> impl Iterator<Item = &'static str> + 'a {
        let head = head8(line);
        let bucket: &[Prefix] = match line.first() {
            Some(&b) => &self.by_byte[usize::from(b)],
            None => &[],
        };
        bucket
            .iter()
            .filter(move |p| {
                head & p.mask == p.head
                    && (p.phrase.len() <= 8 && line.len() >= p.phrase.len()
                        || line.starts_with(p.phrase.as_bytes()))
            })
            .map(|p| p.phrase)
    }
}

/// What [`marks`] returns: a bit per phrase list.
pub(crate) type Marks = u16;

/// Bits of [`marks`]: one per phrase list searched anywhere in a line.
const MARK_FOOTER: Marks = 1;
const MARK_CAPTION: Marks = 1 << 1;
const MARK_COMMENT: Marks = 1 << 2;
const MARK_LEGAL: Marks = 1 << 3;
/// A breadcrumb separator ([`BREADCRUMB_SEPARATORS`]): the breadcrumb
/// test, which counts them, is asked only of a line that has one.
const MARK_SEPARATOR: Marks = 1 << 4;
const MARK_CREDIT: Marks = 1 << 5;
const MARK_PROMO: Marks = 1 << 6;
const MARK_SIGNUP: Marks = 1 << 7;
/// "rep", which every comment action row and signature holds
/// (`is_comment_action`, `is_comment_signature`).
pub(crate) const MARK_REP: Marks = 1 << 8;
/// A colon or an opening bracket, one of which every caption that ends
/// in a photo credit holds (`grade::ends_in_photo_credit`).
pub(crate) const MARK_CREDIT_SIGN: Marks = 1 << 9;
/// "(@" or "pic.twitter.com/", one of which every part of an embedded
/// tweet holds (`grade::is_tweet_part`).
pub(crate) const MARK_TWEET: Marks = 1 << 10;
/// An en or em dash between spaces, which every line that ends in a
/// quote's credit holds (`grade::ends_in_credit`).
pub(crate) const MARK_DASH: Marks = 1 << 11;
/// One of the separators a page title's parts stand between
/// ([`lexicon::TITLE_SEPARATORS`](crate::lexicon::TITLE_SEPARATORS) and
/// `": "`), without which the title search splits no line
/// (`headline::TitleKeys::new`).
pub(crate) const MARK_TITLE_SEP: Marks = 1 << 12;
/// The start of a tag list anywhere in the line ([`tags::TAG_PREFIXES`]
/// and "posted in "), which [`is_tag_list`] asks the line to start with.
pub(crate) const MARK_TAG: Marks = 1 << 13;

/// The bits [`recognise_noting`] reports: not the recognisers' own, but
/// what the text classifier's later tests of a line need.
pub(crate) const NOTED: Marks =
    MARK_REP | MARK_CREDIT_SIGN | MARK_TWEET | MARK_DASH | MARK_TITLE_SEP | MARK_TAG;

/// How many low bits of a [`MarkTable`] entry hold the [`Marks`] bits:
/// room for [`NOTED`], and the state's row (under [`MARK_TABLE_CAP`],
/// 2^17) above them still fits a `u32`.
const MARK_BITS: u32 = 14;

/// Every "anywhere in the line" phrase list and the [`marks`] bit a phrase
/// of it sets.
const MARK_LISTS: [(&[&str], Marks); 17] = [
    (FOOTER_MARKS, MARK_FOOTER),
    (CAPTION_MARKS, MARK_CAPTION),
    (COMMENT_MARKS, MARK_COMMENT),
    (LEGAL_MARKS, MARK_LEGAL),
    (BREADCRUMB_SEPARATORS, MARK_SEPARATOR),
    (CREDIT_MARKS, MARK_CREDIT),
    (PROMO_MARKS, MARK_PROMO),
    (SIGNUP_MARKS, MARK_SIGNUP),
    (APPEAL_MARKS, MARK_SIGNUP),
    (&["rep"], MARK_REP),
    (&[":", "("], MARK_CREDIT_SIGN),
    (&["(@", "pic.twitter.com/"], MARK_TWEET),
    (&[" – ", " — "], MARK_DASH),
    (crate::lexicon::TITLE_SEPARATORS, MARK_TITLE_SEP),
    (&[": "], MARK_TITLE_SEP),
    (tags::TAG_PREFIXES, MARK_TAG),
    (&["posted in "], MARK_TAG),
];

/// One automaton for every list of [`MARK_LISTS`], as a table of its own
/// ([`MarkTable`]). One pass over a line replaces some fifty
/// `str::contains` calls, each of which built a searcher and scanned the
/// line again.
static MARKS: Lazy<MarkTable> = Lazy::new(|| {
    // A phrase in two lists is one pattern with both bits, so that the
    // automaton never has to report duplicates.
    let mut patterns: Vec<&str> = Vec::new();
    let mut bits: Vec<Marks> = Vec::new();
    for (list, bit) in MARK_LISTS {
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
    MarkTable::new(&patterns, &bits)
});

/// An Aho-Corasick automaton for the phrases of [`MARKS`] as a plain
/// transition table: a step is two loads, the byte's class and the entry,
/// and the entry carries the bits of every phrase that ends at the byte.
/// Stepping `aho_corasick`'s DFA by hand cost about three times as much a
/// byte (its special-state test, its match lists).
///
/// States are the nodes of the phrases' trie, 0 the root; an entry is
/// `next * classes << MARK_BITS | bits`, where `next * classes` is where the next
/// state's row starts and `bits` the [`marks`] bits of every phrase that
/// ends there, its own and those of the suffixes it falls back to.
struct MarkTable {
    /// The class of each byte: each byte of a phrase a class of its own,
    /// every other byte class 0 (it leads back to the root from anywhere).
    classes: [u8; 256],
    /// One row per state, one entry per class.
    table: Box<[u32; MARK_TABLE_CAP]>,
    /// Bytes in the longest phrase: how far the windows of
    /// [`MarkTable::windows`] overlap.
    longest: usize,
}

/// Entries the [`MarkTable`] has room for, a power of two: an index masked
/// to it needs no bounds check, a step of the automaton one instruction
/// less. The table of [`MARK_LISTS`] fills some 87,000 (checked when it is
/// built).
const MARK_TABLE_CAP: usize = 1 << 17;

impl MarkTable {
    /// The automaton of `patterns`, `bits[i]` the bits of `patterns[i]`.
    fn new(patterns: &[&str], bits: &[Marks]) -> MarkTable {
        let mut classes = [0u8; 256];
        let mut width = 1;
        for p in patterns {
            for &b in p.as_bytes() {
                if classes[usize::from(b)] == 0 {
                    classes[usize::from(b)] = u8::try_from(width).expect("at most 255 bytes");
                    width += 1;
                }
            }
        }
        // The trie: `goto[s * width + c]` is the child of `s` by class `c`
        // (0 for none: the root is no one's child).
        let mut goto: Vec<usize> = vec![0; width];
        let mut out: Vec<Marks> = vec![0];
        for (p, &bit) in patterns.iter().zip(bits) {
            let mut s = 0;
            for &b in p.as_bytes() {
                let c = usize::from(classes[usize::from(b)]);
                if goto[s * width + c] == 0 {
                    goto[s * width + c] = out.len();
                    goto.extend(std::iter::repeat_n(0, width));
                    out.push(0);
                }
                s = goto[s * width + c];
            }
            out[s] |= bit;
        }
        // Breadth first, each state's missing moves are those of the state
        // it falls back to (whose row is complete by then), and its bits
        // take that state's.
        let states = out.len();
        let mut fail = vec![0usize; states];
        let mut queue = std::collections::VecDeque::new();
        queue.extend(goto[..width].iter().copied().filter(|&t| t != 0));
        while let Some(s) = queue.pop_front() {
            out[s] |= out[fail[s]];
            for c in 0..width {
                let t = goto[s * width + c];
                let f = goto[fail[s] * width + c];
                if t == 0 {
                    goto[s * width + c] = f;
                } else {
                    fail[t] = f;
                    queue.push_back(t);
                }
            }
        }
        let mut table: Box<[u32; MARK_TABLE_CAP]> = vec![0; MARK_TABLE_CAP]
            .into_boxed_slice()
            .try_into()
            .expect("the capacity");
        assert!(
            goto.len() <= MARK_TABLE_CAP,
            "the phrases outgrow the table"
        );
        for (entry, &t) in table.iter_mut().zip(&goto) {
            *entry = u32::try_from((t * width) << MARK_BITS | usize::from(out[t])).expect("small");
        }
        let longest = patterns.iter().map(|p| p.len()).max().unwrap_or(0);
        MarkTable {
            classes,
            table,
            longest,
        }
    }

    /// The entries of every step of one run of the automaton from the root
    /// over `bytes`, or-ed together.
    #[inline(always)]
    fn run(&self, bytes: &[u8]) -> u32 {
        let mut state = 0usize;
        let mut found = 0u32;
        for &b in bytes {
            let entry = self.step(state, b);
            found |= entry;
            state = (entry >> MARK_BITS) as usize;
        }
        found
    }

    /// The entry of the move from `state` (the start of its row) by byte
    /// `b`. Every state's row lies inside the table: the mask changes no
    /// index, and spares the bounds check.
    #[inline(always)]
    fn step(&self, state: usize, b: u8) -> u32 {
        self.table[(state + usize::from(self.classes[usize::from(b)])) & (MARK_TABLE_CAP - 1)]
    }

    /// [`MarkTable::run`] over `bytes` as `K` runs over windows of it
    /// stepped side by side, or-ed together. A step waits for the one
    /// before it in its run (its row is in the entry that step loads), so
    /// one run over a line is a chain of dependent loads; `K` runs are `K`
    /// chains the processor overlaps.
    ///
    /// The windows are of one length, the first at the start and the last
    /// at the end, and each overlaps the next by at least the longest
    /// phrase less one byte. So every phrase in `bytes` lies whole in some
    /// window, whose run, started at the root, finds it there; and a run
    /// finds nothing that is not in its window. The or of the runs is the
    /// or of one run over the whole (test `windowed_runs_are_one_run`).
    #[inline(always)]
    fn windows<const K: usize>(&self, bytes: &[u8]) -> u32 {
        let n = bytes.len();
        // `K * len >= n + (K - 1) * longest`: the `K - 1` gaps between
        // window starts, each at most `ceil((n - len) / (K - 1))`, are at
        // most `len - longest + 1`.
        let len = n.min((n + (K - 1) * self.longest).div_ceil(K));
        let spread = n - len;
        let windows: [&[u8]; K] = std::array::from_fn(|k| {
            let start = if K == 1 { 0 } else { k * spread / (K - 1) };
            &bytes[start..start + len]
        });
        let mut states = [0usize; K];
        let mut found = [0u32; K];
        // `i` indexes the `K` windows at once.
        #[allow(clippy::needless_range_loop)]
        for i in 0..len {
            for k in 0..K {
                let entry = self.step(states[k], windows[k][i]);
                found[k] |= entry;
                states[k] = (entry >> MARK_BITS) as usize;
            }
        }
        found.iter().fold(0, |all, f| all | f)
    }
}

/// Bits (`MARK_*`) of the phrase lists that have a phrase in `lower`.
///
/// A line longer than the longest phrase is read as two or four windows
/// stepped side by side ([`MarkTable::windows`]): one run over a prose
/// line waited on a load at every byte.
#[inline(always)]
fn marks(lower: &str) -> Marks {
    let table: &MarkTable = &MARKS;
    let bytes = lower.as_bytes();
    let found = if bytes.len() >= 2 * table.longest {
        table.windows::<4>(bytes)
    } else if bytes.len() > table.longest {
        table.windows::<2>(bytes)
    } else {
        table.run(bytes)
    };
    // The low bits hold the marks; the state numbers above them do not
    // matter.
    (found & ((1 << MARK_BITS) - 1)) as Marks
}

/// Whether `lower` starts with `prefix` and the prefix ends on a word
/// boundary ("subscribe" matches "subscribe now", not "subscribers").
fn starts_with_word(lower: &str, prefix: &str) -> bool {
    match lower.strip_prefix(prefix) {
        Some(rest) => {
            prefix.ends_with(|c: char| !crate::textutil::is_alnum(c))
                || !rest.starts_with(crate::textutil::is_alnum)
        }
        None => false,
    }
}

#[cfg(test)]
mod oracle;

#[cfg(test)]
mod tests;
