//! Layer 1, the text helpers: the one definition of each small text idea
//! that several stages share. Nothing here knows about blocks, segments or
//! markup, and nothing imports from above the vocabulary.
//!
//! * [`ends_sentence`]: the sentence-end test (segmenter, features,
//!   recognisers);
//! * [`fold_each`], [`squash`] and [`fingerprint`]: the one fold (letters
//!   and digits, lowercased, nothing else) and the hash of it that repeat
//!   counting and title matching compare ([`FoldHash`], the fold's bytes
//!   eight at a time);
//! * [`Fnv`] and [`fnv`]: the hash of our own word-keyed maps, 64-bit
//!   FNV-1a;
//! * word counts, in the three variants the stages use. They differ on
//!   real text (an apostrophe, a hyphen, "e.g."), and the thresholds of
//!   each caller were tuned on its own variant, so they are kept apart,
//!   named by what they count: [`uax29_words`] (the feature stage's
//!   words), [`letter_run_count`] (the recognisers' words) and
//!   [`whitespace_word_count`] (headline and heading length).
//! * [`is_cjk`] and [`is_unspaced`]: which scripts count a word per
//!   character.

use std::hash::Hasher;

use once_cell::sync::Lazy;

use unicode_segmentation::UnicodeSegmentation;

/// Whether `text` ends with sentence-final punctuation, looking through
/// closing quotes, brackets and trailing whitespace.
///
/// Asked of every line: its last bytes, when ASCII, are read as bytes,
/// and the characters from the last one outside ASCII (if it comes to
/// that) by [`ends_sentence_chars`].
pub(crate) fn ends_sentence(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(&b) = bytes[..end].last() {
        match b {
            b'.' | b'!' | b'?' => return true,
            // The ASCII whitespace of `char::is_whitespace`: tab, line
            // feed, vertical tab, form feed, carriage return, space.
            b'"' | b'\'' | b')' | b']' | b'\t'..=b'\r' | b' ' => end -= 1,
            0x80.. => return ends_sentence_chars(&text[..end]),
            _ => return false,
        }
    }
    false
}

/// [`ends_sentence`] a character at a time: the definition, and the path
/// of a text that ends outside ASCII.
fn ends_sentence_chars(text: &str) -> bool {
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

/// Whether `c` is a bullet that, followed by a space, starts a list item
/// in scraped text ("• Item", "– Item", "* Item"). The one list of them:
/// the segmenter's list items, the region's list runs and the marker the
/// recognisers look past all read it.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '·' | '▪' | '◦' | '‣' | '–' | '-' | '*')
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

/// The fold: calls `f` with each letter and digit of `text`, lowercased one
/// character at a time, and drops everything else (spaces, punctuation,
/// marks). "Next  Story!" and "next story" fold alike.
///
/// Lowercasing is per character, so a final capital sigma folds to `σ`, not
/// to the `ς` that `str::to_lowercase` writes; on text that is already
/// lowercase the fold only drops characters.
#[inline]
pub(crate) fn fold_each(text: &str, mut f: impl FnMut(char)) {
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                f(c.to_ascii_lowercase());
            }
        } else if is_alnum(c) {
            match lower_char(c) {
                Some(l) => f(l),
                None => c.to_lowercase().for_each(&mut f),
            }
        }
    }
}

/// The fold of `text` as a string: the form in which the recognisers
/// compare whole-line phrases, so spacing and punctuation do not matter.
pub(crate) fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_each(text, |c| out.push(c));
    out
}

/// A hash of the fold of `text`, so "Next Story" and "NEXT  story"
/// collide. Used for repeat counting and title matching: the
/// [`FoldHash`] of the fold's UTF-8 bytes.
pub(crate) fn fingerprint(text: &str) -> u64 {
    // We hash every block of every page, so SipHash per character (the
    // first version) was a tenth of the text path's time; fingerprints only
    // decide "same text or not", so a fast, deterministic hash is enough.
    // The tables keyed by them place them by [`spread`], seeded, so a page
    // cannot crowd one slot.
    let mut h = FoldHash::new();
    fold_each(text, |c| h.push_char(c));
    h.finish()
}

/// The hash of [`fingerprint`], fed the fold's UTF-8 bytes in pieces of
/// one to eight: the bytes are taken eight at a time, little-endian, each
/// eight mixed in by one folded multiply, and the last fewer than eight,
/// padded with zeros (no folded character holds a zero byte), at the end
/// ([`fold_hash_bytes`] is the definition, a byte at a time). A run of
/// ASCII letters costs one push, not a multiply a letter as the FNV-1a a
/// character of the first version did.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FoldHash {
    hash: u64,
    /// The bytes pushed since the last mix, little-endian.
    pending: u64,
    /// How many: 0 to 7.
    fill: u32,
}

impl FoldHash {
    /// The hash of nothing so far.
    #[inline]
    pub(crate) fn new() -> FoldHash {
        FoldHash {
            hash: FNV_OFFSET,
            pending: 0,
            fill: 0,
        }
    }

    /// Pushes the `n` bytes (1 to 8) of `v`, the first in its lowest byte;
    /// the bytes of `v` above them are zero.
    #[inline(always)]
    pub(crate) fn push_bytes(&mut self, v: u64, n: u32) {
        debug_assert!((1..=8).contains(&n) && (n == 8 || v >> (8 * n) == 0));
        let fill = self.fill;
        let pending = self.pending | v << (8 * fill);
        let total = fill + n;
        // Whether the eight are full is a coin toss from one word to the
        // next: both outcomes are computed and one kept by a mask, since a
        // mispredicted branch cost more than the multiply.
        let full = 0u64.wrapping_sub(u64::from(total >= 8));
        let mixed = fold_mix(self.hash, pending);
        // The bytes of `v` that did not fit (none when `fill` is 0).
        let rest = v.checked_shr(64 - 8 * fill).unwrap_or(0);
        self.hash = (mixed & full) | (self.hash & !full);
        self.pending = (rest & full) | (pending & !full);
        // `total` is below 16.
        self.fill = total & 7;
    }

    /// Pushes the UTF-8 bytes of `c`.
    #[inline]
    pub(crate) fn push_char(&mut self, c: char) {
        if c.is_ascii() {
            self.push_bytes(c as u64, 1);
        } else {
            let mut buf = [0u8; 8];
            let n = c.encode_utf8(&mut buf[..4]).len();
            self.push_bytes(u64::from_le_bytes(buf), n as u32);
        }
    }

    /// The hash of the bytes pushed.
    #[inline]
    pub(crate) fn finish(self) -> u64 {
        if self.fill == 0 {
            self.hash
        } else {
            fold_mix(self.hash, self.pending)
        }
    }
}

/// One step of [`FoldHash`]: `h` with eight bytes mixed in, by the folded
/// multiply (the two halves of the 128-bit product xored), which carries
/// every bit of the input into every bit of the output.
#[inline(always)]
fn fold_mix(h: u64, eight: u64) -> u64 {
    let m = u128::from(h ^ eight) * u128::from(FOLD_K);
    (m as u64) ^ ((m >> 64) as u64)
}

/// The multiplier of [`fold_mix`]: 2^64 over the golden ratio, odd.
const FOLD_K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The definition of [`FoldHash`]: `bytes` eight at a time, the last
/// fewer padded with zeros.
#[cfg(test)]
pub(crate) fn fold_hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for chunk in bytes.chunks(8) {
        let mut eight = [0u8; 8];
        eight[..chunk.len()].copy_from_slice(chunk);
        h = fold_mix(h, u64::from_le_bytes(eight));
    }
    h
}

/// The FNV-1a 64-bit offset basis.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// The FNV-1a 64-bit prime.
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// 64-bit FNV-1a of `bytes`: deterministic and stable across Rust versions
/// (unlike `DefaultHasher`), for golden files and other stored hashes.
#[cfg(test)]
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// `key` (a fingerprint, itself a hash of a page's text) spread so that
/// every bit of it reaches the low bits and the high bits: one step of
/// [`FoldHash`] ([`fold_mix`]) over the key and a seed drawn once per
/// process, so that a page written to
/// give its lines fingerprints that crowd one bucket (a hash of text is no
/// secret) cannot know which keys crowd it: tables keyed by fingerprints
/// ([`FingerprintMap`](crate::classify::FingerprintMap), the feature
/// stage's repeat count) stay linear on any page. No table whose order
/// decides anything uses it, so the seed changes no output.
#[inline]
pub(crate) fn spread(key: u64) -> u64 {
    static SEED: Lazy<u64> = Lazy::new(|| {
        use std::hash::BuildHasher;
        std::collections::hash_map::RandomState::new().hash_one(0x5eed_u64)
    });
    fold_mix(key, *SEED)
}

/// FNV-1a, 64-bit, as a [`Hasher`] for hash sets keyed by our own constant
/// word lists. Every word of every block is looked up in one of them, so the
/// hash matters: SipHash (the std default, built to resist flooding by
/// chosen keys) made the stop-word lookup a visible share of the whole
/// pipeline; the keys are our own, so there is nothing to flood, and FNV-1a
/// over a few bytes is several times cheaper.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

/// The words of `text` by Unicode word boundaries (UAX #29), as
/// `unicode_words` yields them. Text in ASCII plus typographic quotes and
/// dashes (most English text, and most menus and dates in any language)
/// takes a hand-written segmenter that the property test
/// `fast_words_match_unicode_words` holds to exactly the words of
/// `unicode_words`, at a fraction of the table lookups.
///
/// This is the feature stage's notion of a word ([`Features::words`]
/// counts these, a Han or kana word once per character).
///
/// [`Features::words`]: crate::Features::words
pub(crate) fn uax29_words(text: &str) -> Box<dyn Iterator<Item = &str> + '_> {
    match FastWords::new(text) {
        Some(fast) => Box::new(fast),
        None => Box::new(text.unicode_words()),
    }
}

/// Whether `c` belongs to a word of [`letter_runs`]: a letter, a digit or
/// an apostrophe (`'` or `’`).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '\''
    } else {
        c == '’' || is_alnum(c)
    }
}

/// The recognisers' words: maximal runs of [`is_word_char`] characters.
/// Unlike [`uax29_words`], "e.g." is two words and "don't" one however it
/// is written; a hyphen or a dot always splits.
pub(crate) fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// The number of [`letter_runs`], counted without splitting: the starts of
/// runs of word characters.
pub(crate) fn letter_run_count(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = is_word_char(c);
        n += usize::from(w && !in_word);
        in_word = w;
    }
    n
}

/// Words as whitespace separates them: "a - b" is three. The HTML
/// headline rules count the words of `<title>` parts this way.
pub(crate) fn whitespace_word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether `text` has at most `max` [`whitespace_word_count`] words,
/// looking at no more than the first `max + 1` of them: bounded work on a
/// line of any length. Counts the starts of words in one loop, without the
/// splitting iterator (proptest `at_most_words_counts_split_whitespace`).
#[inline]
pub(crate) fn at_most_words(text: &str, max: usize) -> bool {
    // A word and the space after it take two bytes at least: a text of
    // fewer than `2 * max` bytes holds at most `max` words. Most texts
    // asked are that short: answered inline, without the call.
    text.len() < 2 * max || at_most_words_counted(text, max)
}

/// [`at_most_words`] of a text of at least `2 * max` bytes, counted.
#[inline(never)]
fn at_most_words_counted(text: &str, max: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        // Eight bytes of ASCII at a time, the common case.
        while i + 8 <= bytes.len() {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&bytes[i..i + 8]);
            let x = u64::from_le_bytes(chunk);
            if x & HIGH_BITS != 0 {
                break;
            }
            let word = ascii_word_bytes(x);
            words += word_starts(word, in_word);
            if words > max {
                return false;
            }
            in_word = word >> 63 != 0;
            i += 8;
        }
        if i >= bytes.len() {
            return true;
        }
        // The last few bytes, or a chunk with a byte outside ASCII: its
        // ASCII bytes before that byte at once, then the one character
        // outside ASCII, and back to the chunks. The last bytes of a text
        // of eight or more are read as the end of its last eight
        // ([`eight_padded`]: no byte by byte loop over the tail).
        let n = (bytes.len() - i).min(8);
        let x = eight_padded(bytes, i);
        // The bytes past the `n` read are zero: no high bit there.
        let high = x & HIGH_BITS;
        let ascii = if high == 0 {
            n
        } else {
            high.trailing_zeros() as usize / 8
        };
        if ascii > 0 {
            let keep = u64::MAX >> (64 - 8 * ascii);
            // The bytes past them read as a word byte: the common case's
            // test, and masked off.
            let word = ascii_word_bytes((x & keep) | ((LOW_BITS * 0x21) & !keep)) & keep;
            words += word_starts(word, in_word);
            if words > max {
                return false;
            }
            in_word = (word >> (8 * ascii - 1)) & 1 != 0;
            i += ascii;
        }
        if high != 0 {
            // The character outside ASCII at `i`; only the leads of the
            // white space outside ASCII (U+0085, U+00A0, U+1680,
            // U+2000–U+205F, U+3000) need it decoded.
            let lead = bytes[i];
            let space = matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3)
                && text[i..].chars().next().is_some_and(char::is_whitespace);
            if !space && !in_word {
                words += 1;
                if words > max {
                    return false;
                }
            }
            in_word = !space;
            i += match lead {
                ..0xE0 => 2,
                0xE0..0xF0 => 3,
                _ => 4,
            };
        }
    }
}

/// The high bit of each byte of `x`, a chunk of ASCII bytes, that is a
/// word byte: not white space (`' '`, U+0009–U+000D).
#[inline(always)]
fn ascii_word_bytes(x: u64) -> u64 {
    // Each byte is below 0x80, so no sum carries into the next byte.
    // Without a byte below 0x20 (the common case), a word byte is one
    // above 0x20.
    if (x + LOW_BITS * (0x80 - 0x20)) & HIGH_BITS == HIGH_BITS {
        (x + LOW_BITS * (0x80 - 0x21)) & HIGH_BITS
    } else {
        let is_zero = |v: u64| !(((v & !HIGH_BITS) + !HIGH_BITS) | v) & HIGH_BITS;
        let blank = is_zero(x ^ (LOW_BITS * 0x20));
        // U+0009–U+000D: at least 0x09 and below 0x0E.
        let control = (x + LOW_BITS * (0x80 - 0x09)) & !(x + LOW_BITS * (0x80 - 0x0E)) & HIGH_BITS;
        !(blank | control) & HIGH_BITS
    }
}

/// How many words start in a chunk whose word bytes are `word` (the high
/// bit of each), after a word byte when `in_word`.
#[inline(always)]
fn word_starts(word: u64, in_word: bool) -> usize {
    let before = (word << 8) | if in_word { 0x80 } else { 0 };
    // One high bit a word start: shifted down to the low bit of its
    // byte, the multiplication sums the bytes into the top (no
    // `popcnt` in the baseline x86-64 target: `count_ones` took a dozen
    // instructions).
    (((word & !before) >> 7).wrapping_mul(LOW_BITS) >> 56) as usize
}

/// `text.to_lowercase()`, with ASCII text lowercased byte by byte and the
/// alphabets below U+0500 (Latin, Greek, Cyrillic) by a table: the same
/// string, since `str::to_lowercase` lowercases each character by itself
/// except `Σ`, which sends the text to it (proptest
/// `lowercase_is_to_lowercase`).
pub(crate) fn lowercase(text: &str) -> String {
    // Runs of ASCII are copied and lowercased whole; only the characters
    // outside ASCII are taken one by one.
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = i + ascii_run(&bytes[i..]);
        if run > i {
            let at = out.len();
            out.push_str(&text[i..run]);
            out[at..].make_ascii_lowercase();
            i = run;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match lower_char(c) {
            Some(l) => out.push(l),
            None if c == 'Σ' => return text.to_lowercase(),
            None => out.extend(c.to_lowercase()),
        }
        i += c.len_utf8();
    }
    out
}

/// [`lowercase`] written into `out` (cleared first), counting on the way
/// what the recognisers count on the lowercase: its [`letter_run_count`]
/// and whether it holds an ASCII digit. One pass over `text` instead of three (the copy, the lowercase
/// and the count): eight ASCII bytes at a time have their word starts
/// summed (a word starts at each byte of a run whose byte before is not in
/// one; the case of a letter does not matter), each run of ASCII is copied
/// whole, and only the characters outside ASCII are taken one by one. The
/// ASCII capitals are lowercased at the end, in one pass over the copy
/// (the lowercase of a character outside ASCII holds none). Held to
/// [`lowercase`] and [`letter_run_count`] by the proptest
/// `lowercase_counting_is_the_passes`.
pub(crate) fn lowercase_counting_into(text: &str, out: &mut String) -> (usize, bool) {
    out.clear();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let (mut words, mut digits) = (0u32, 0u64);
    // The high bit of the lowest byte when the character before is in a
    // word.
    let mut in_word = 0u64;
    // Where the run of ASCII not yet copied starts.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i + 8 <= bytes.len() {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(&bytes[i..i + 8]);
            let x = u64::from_le_bytes(eight);
            if x & HIGH_BITS == 0 {
                let d = bytes_in(x, b'0', b'9');
                // Bit 5 set makes a capital its small letter, and no other
                // byte a letter.
                let w = d | bytes_in(x | (LOW_BITS * 0x20), b'a', b'z') | bytes_in(x, b'\'', b'\'');
                // One high bit a word start: shifted down to the low bit of
                // its byte, the multiplication sums the bytes into the top.
                let starts = (w & !(w << 8 | in_word)) >> 7;
                words += (starts.wrapping_mul(LOW_BITS) >> 56) as u32;
                in_word = w >> 56;
                digits |= d;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b.is_ascii() {
            digits |= u64::from(b.is_ascii_digit());
            let w = b.is_ascii_alphanumeric() || b == b'\'';
            words += u32::from(w && in_word == 0);
            in_word = if w { 0x80 } else { 0 };
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if run < i {
            out.push_str(&text[run..i]);
        }
        let mut put = |l: char, alnum: bool| {
            out.push(l);
            let w = alnum || l == '’';
            words += u32::from(w && in_word == 0);
            in_word = if w { 0x80 } else { 0 };
        };
        match ALPHABETS.get(c as usize) {
            // A letter of the table: its lowercase is alphanumeric as it
            // is (test `table_lowercase_keeps_alnum`), one lookup for both.
            Some(&(l, alnum)) if l != 0 => put(char::from_u32(l).unwrap_or(c), alnum),
            _ => match lower_char(c) {
                Some(l) => put(l, is_alnum(l)),
                None if c == 'Σ' => {
                    // A capital sigma lowercases by its place in a word: the
                    // whole text goes to `str::to_lowercase`, and is counted
                    // after.
                    *out = text.to_lowercase();
                    return (
                        letter_run_count(out),
                        out.bytes().any(|b| b.is_ascii_digit()),
                    );
                }
                None => c.to_lowercase().for_each(|l| put(l, is_alnum(l))),
            },
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&text[run..]);
    out.make_ascii_lowercase();
    (words as usize, digits != 0)
}

/// The high bit of each byte of a `u64`.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The low bit of each byte of a `u64`: times a byte, that byte in each.
pub(crate) const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// The high bit of the lowest zero byte of `y`, and perhaps of bytes above
/// it (a borrow can mark a 0x01 byte above a zero one); 0 when `y` has no
/// zero byte. Exact for "has one" and for where the first is; a caller
/// that takes every mark checks each.
#[inline(always)]
pub(crate) fn zero_bytes(y: u64) -> u64 {
    y.wrapping_sub(LOW_BITS) & !y & HIGH_BITS
}

/// The high bit of each byte of `x` (eight ASCII bytes) that lies in
/// `lo..=hi`: `x + (0x80 - lo)` reaches the high bit when the byte is at
/// least `lo`, `x + (0x7f - hi)` when it is above `hi`, and neither sum
/// carries into the next byte.
#[inline(always)]
pub(crate) fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least = x.wrapping_add(LOW_BITS * u64::from(0x80 - lo));
    let above = x.wrapping_add(LOW_BITS * u64::from(0x7f - hi));
    at_least & !above & HIGH_BITS
}

/// [`bytes_in`] of any eight bytes of UTF-8: a byte outside ASCII (its
/// high bit set, part of a longer character) is in no range, and masked
/// out before the sums, the others are tested as ASCII.
#[inline(always)]
pub(crate) fn ascii_bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    bytes_in(x & !HIGH_BITS, lo, hi) & !x
}

/// Whether `text` holds the ASCII byte `b`, eight bytes at a time: on the
/// short lines of scraped text cheaper than a call to search memory.
pub(crate) fn has_ascii_byte(text: &str, b: u8) -> bool {
    debug_assert!(b.is_ascii());
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let y = u64::from_le_bytes(eight) ^ (LOW_BITS * u64::from(b));
        if zero_bytes(y) != 0 {
            return true;
        }
    }
    chunks.remainder().contains(&b)
}

/// The length of the ASCII bytes `bytes` starts with, read eight at a time.
#[inline]
pub(crate) fn ascii_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & HIGH_BITS;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(chunks.remainder().len())
}

/// Whether `text` holds `needle` (lowercase ASCII) in ASCII letters of
/// either case. Since no character outside ASCII lowercases to ASCII
/// letters other than `i` and `k` (test `lowercase_makes_no_ascii`), a text
/// whose lowercase holds a `needle` without those letters holds it so.
///
/// Eight bytes at a time, each with bit 5 set (`P` and `p` both give `p`)
/// is compared with the needle's last letter (rarer in text than the first
/// for the needles asked: `p` of `rep`); the whole needle is compared only
/// where that byte matches.
pub(crate) fn contains_ascii_ci(text: &str, needle: &[u8]) -> bool {
    let Some(&key) = needle.last() else {
        return true;
    };
    debug_assert!(key.is_ascii_lowercase(), "the needle ends with a letter");
    let bytes = text.as_bytes();
    let Some(last) = bytes.len().checked_sub(needle.len()) else {
        return false;
    };
    // The needle's last letter (`p` of `rep`, rarer in text than `r`) at
    // `j + off` for each start `j` of `0..=last`.
    let off = needle.len() - 1;
    let hit = |j: usize| bytes[j..j + needle.len()].eq_ignore_ascii_case(needle);
    let mut j = 0;
    while j + 8 <= last + 1 {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&bytes[j + off..j + off + 8]);
        let y = (u64::from_le_bytes(eight) | (LOW_BITS * 0x20)) ^ (LOW_BITS * u64::from(key));
        // Each zero byte of `y`, and perhaps a byte above one: a
        // candidate, checked whole.
        let mut zeros = zero_bytes(y);
        while zeros != 0 {
            if hit(j + zeros.trailing_zeros() as usize / 8) {
                return true;
            }
            zeros &= zeros - 1;
        }
        j += 8;
    }
    (j..=last).any(|j| bytes[j + off] | 0x20 == key && hit(j))
}

/// First character not in the tables of [`lower_char`] and [`is_alnum`].
const TABLE_END: usize = 0x500;

/// For each character below [`TABLE_END`]: its lowercase when that is one
/// character (`0` when it is two, as for `İ`, and for `Σ`, whose lowercase
/// depends on its place in a word), and whether it is alphanumeric. The
/// Unicode tables of `char` binary-search for every character; Cyrillic,
/// Greek and accented Latin lines asked them for each of theirs.
static ALPHABETS: Lazy<Vec<(u32, bool)>> = Lazy::new(|| {
    (0..TABLE_END as u32)
        .map(|u| {
            let c = char::from_u32(u).unwrap_or('\0');
            let mut lower = c.to_lowercase();
            let one = match (lower.next(), lower.next()) {
                (Some(l), None) if c != 'Σ' => l as u32,
                _ => 0,
            };
            (one, c.is_alphanumeric())
        })
        .collect()
});

/// `c`'s lowercase, when it is one character that the table knows, or
/// `c` itself in the blocks without case that news text is full of: the
/// Hebrew, Arabic and Indic scripts (U+0590–U+06FF, U+0900–U+0DFF), General
/// Punctuation (U+2000–U+206F: the typographic quotes and dashes) and the
/// CJK ideographs and kana of [`is_cjk`] (test `alphabet_tables_are_char`
/// checks every character). `char::to_lowercase` searched its table for
/// each of them.
#[inline]
pub(crate) fn lower_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    match ALPHABETS.get(c as usize) {
        Some(&(l, _)) if l != 0 => char::from_u32(l),
        Some(_) => None,
        None if matches!(c, '\u{590}'..='\u{6FF}' | '\u{900}'..='\u{DFF}' | '\u{2000}'..='\u{206F}')
            || is_cjk(c) =>
        {
            Some(c)
        }
        None => None,
    }
}

/// `c.is_alphanumeric()`, from a table below U+0500. The General
/// Punctuation block (U+2000–U+206F: the typographic quotes, dashes and
/// spaces of news text) holds no alphanumeric character (test
/// `general_punctuation_is_not_alphanumeric`), and `char`'s table search
/// cost some 330 instructions for each `’`.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match ALPHABETS.get(c as usize) {
        Some(&(_, alnum)) => alnum,
        None if matches!(c, '\u{2000}'..='\u{206F}') => false,
        // The kana letters and the CJK Unified Ideographs (test
        // `alphabet_tables_are_char`): a Japanese or Chinese line asked
        // `char`'s table for each character.
        None if matches!(
            c,
            '\u{3041}'..='\u{3096}'
                | '\u{309D}'..='\u{309F}'
                | '\u{30A1}'..='\u{30FA}'
                | '\u{30FC}'..='\u{30FF}'
                | '\u{4E00}'..='\u{9FFF}'
        ) =>
        {
            true
        }
        None => c.is_alphanumeric(),
    }
}

/// What a character is to [`FastWords`], for the characters it knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wb {
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
        // „ ― ‹ › ™ − ® £
        '\u{201e}' | '\u{2015}' | '\u{2039}' | '\u{203a}' | '\u{2122}' | '\u{2212}' | '\u{ae}'
        | '\u{a3}' => Wb::Other,
        _ => return None,
    })
}

/// What the one-pass scan of the feature stage knows of `c`:
/// [`fast_class`], and besides the letters of Latin-1, Latin Extended-A and
/// Cyrillic (U+00C0–U+017F without `×` and `÷`, U+0400–U+04FF without the
/// thousands sign and the combining marks) and the Hangul syllables
/// (U+AC00–U+D7A3), which UAX #29 treats as it treats ASCII letters
/// (`ALetter`). `None` for the rest, which sends a text to the general
/// path.
#[cfg_attr(not(test), allow(dead_code))] // the byte reader is its twin
pub(crate) fn scan_class(c: char) -> Option<Wb> {
    fast_class(c).or(match c as u32 {
        0xD7 | 0xF7 => None,
        0xC0..=0x17F | 0x400..=0x481 | 0x48A..=0x4FF | 0xAC00..=0xD7A3 => Some(Wb::Letter),
        _ => None,
    })
}

/// [`scan_class`] of the character that starts at byte `i` of `bytes` (a
/// whole UTF-8 text), with the character and its length in bytes; `None`
/// for a character that [`scan_class`] does not know. Reads bytes, not
/// `char`s: ASCII by a table, the known letters by their two-byte lead
/// (`C3`–`C5`, `D0`–`D3`) or their three-byte lead (`EA`–`ED`, Hangul),
/// and the few known three-byte punctuation marks after `E2 80`.
///
/// ASCII and the two-byte letters (a Russian line is all of them) are read
/// inline; the rest by a call.
#[inline(always)]
pub(crate) fn fast_class_at(bytes: &[u8], i: usize) -> Option<(Wb, char, usize)> {
    let b = bytes[i];
    if b < 0x80 {
        return Some((ASCII_CLASS[usize::from(b)], char::from(b), 1));
    }
    // À–ÿ (less × ÷), Ā–ſ, Ѐ–ѿ: after such a lead byte of a `str` comes
    // its continuation byte.
    if let (0xC3..=0xC5 | 0xD0 | 0xD1, Some(&second)) = (b, bytes.get(i + 1))
        && !(b == 0xC3 && matches!(second, 0x97 | 0xB7))
    {
        let c = char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(second & 0x3F))?;
        return Some((Wb::Letter, c, 2));
    }
    fast_class_rest(bytes, i)
}

/// [`fast_class_at`] of the characters outside ASCII that it does not
/// read inline.
#[inline(never)]
fn fast_class_rest(bytes: &[u8], i: usize) -> Option<(Wb, char, usize)> {
    let b = bytes[i];
    let two = |second: u8| char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(second & 0x3F));
    match (b, bytes.get(i + 1).copied()) {
        (0xE2, Some(0x80)) => {
            let class = match bytes.get(i + 2) {
                // ‘ ’
                Some(0x98 | 0x99) => Wb::MidBoth,
                // “ ” – — … • „ ― ‹ ›
                Some(0x9C | 0x9D | 0x93 | 0x94 | 0xA6 | 0xA2 | 0x9E | 0x95 | 0xB9 | 0xBA) => {
                    Wb::Other
                }
                _ => return None,
            };
            let c = char::from_u32(0x2000 | u32::from(bytes[i + 2] & 0x3F))?;
            Some((class, c, 3))
        }
        // ™
        (0xE2, Some(0x84)) if bytes.get(i + 2) == Some(&0xA2) => Some((Wb::Other, '\u{2122}', 3)),
        // − (the minus sign)
        (0xE2, Some(0x88)) if bytes.get(i + 2) == Some(&0x92) => Some((Wb::Other, '\u{2212}', 3)),
        // « » no-break space © ® £
        (0xC2, Some(second @ (0xAB | 0xBB | 0xA0 | 0xA9 | 0xAE | 0xA3))) => {
            Some((Wb::Other, two(second)?, 2))
        }
        // × ÷
        (0xC3, Some(0x97 | 0xB7)) => None,
        // À–ÿ, Ā–ſ, Ѐ–ѿ
        (0xC3..=0xC5 | 0xD0 | 0xD1 | 0xD3, Some(second)) => Some((Wb::Letter, two(second)?, 2)),
        // Ҁ ҁ, then Ҋ–ҿ after the thousands sign and the combining marks.
        (0xD2, Some(second @ (0x80 | 0x81 | 0x8A..=0xBF))) => Some((Wb::Letter, two(second)?, 2)),
        // Hangul syllables, U+AC00–U+D7A3.
        (0xEA..=0xED, Some(second)) => {
            let third = *bytes.get(i + 2)?;
            let u = (u32::from(b & 0x0F) << 12)
                | (u32::from(second & 0x3F) << 6)
                | u32::from(third & 0x3F);
            if (0xAC00..=0xD7A3).contains(&u) {
                Some((Wb::Letter, char::from_u32(u)?, 3))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// [`fast_class`] of every ASCII byte.
pub(crate) static ASCII_CLASS: [Wb; 128] = {
    let mut table = [Wb::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
            b'0'..=b'9' => Wb::Digit,
            b'_' => Wb::Underscore,
            b':' => Wb::MidLetter,
            b'.' | b'\'' => Wb::MidBoth,
            b',' | b';' => Wb::MidNum,
            _ => Wb::Other,
        };
        b += 1;
    }
    table
};

/// The counts and the fold's hash of a text that [`scan_line`] read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LineScan {
    /// [`fingerprint`] of the text.
    pub(crate) fingerprint: u64,
    /// Characters.
    pub(crate) chars: u32,
    /// ASCII digits, the only digits among the characters the scan knows.
    pub(crate) digits: u32,
    /// [`is_cjk`] characters: the Hangul syllables.
    pub(crate) cjk: u32,
}

/// What a word of [`scan_line`] is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `n` ASCII letters and nothing else; when `n` is at most eight, with
    /// them lowercased, packed big-endian (the stop-word key of
    /// [`lexicon`](crate::lexicon); no stop word is longer, and the key of
    /// a longer word is only some of its letters).
    Ascii(usize, u64),
    /// Letters only, some of them outside ASCII.
    Letters,
    /// Anything else: a digit, `_` or a joiner in it.
    Other,
}

/// The eight bytes of `bytes` from `i` (at most its length), little-endian,
/// those past the end zero. Near the end of a text of eight bytes or more,
/// its last eight shifted down: the end of a line is the end of its last
/// word, and a copy of fewer than eight bytes was a call to `memcpy`.
#[inline(always)]
fn eight_padded(bytes: &[u8], i: usize) -> u64 {
    let load = |at: usize| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(eight)
    };
    if i + 8 <= bytes.len() {
        load(i)
    } else if i >= bytes.len() {
        0
    } else if bytes.len() >= 8 {
        // `i + 8 - len` is 1 to 7: the bytes before `i` shifted out.
        load(bytes.len() - 8) >> (8 * (i + 8 - bytes.len()))
    } else {
        bytes[i..]
            .iter()
            .rev()
            .fold(0, |x, &b| x << 8 | u64::from(b))
    }
}

/// One pass over the bytes of a text made only of characters that
/// [`scan_class`] knows: calls `on_word` with every word of `unicode_words`
/// ([`uax29_words`]), in order, and its [`Shape`], and returns the counts
/// and the [`fingerprint`] of the text. Returns `None`, having stopped
/// early, at the first character that [`scan_class`] does not know; the
/// caller then takes the general path from the start, so whatever
/// `on_word` was told is to be thrown away.
///
/// A word starts with a run of ASCII letters more often than not, and that
/// run takes a loop of its own. Held to `unicode_words` and to
/// [`fingerprint`] by the proptests `scan_line_matches_unicode_words*`.
#[inline]
pub(crate) fn scan_line<'a>(
    text: &'a str,
    mut on_word: impl FnMut(&'a str, Shape),
) -> Option<LineScan> {
    let bytes = text.as_bytes();
    // The class of the character at `j`, ASCII without a call.
    let class_at = |j: usize| match bytes.get(j) {
        Some(&b) if b < 0x80 => Some(ASCII_CLASS[usize::from(b)]),
        Some(_) => fast_class_at(bytes, j).map(|(w, _, _)| w),
        None => None,
    };
    let mut hash = FoldHash::new();
    let (mut chars, mut digits, mut cjk) = (0u32, 0u32, 0u32);
    // The word being read: its start (`usize::MAX` between words), the end
    // of its last character, the class of its last word character, whether
    // it has a letter or digit, and its shape so far: while it is ASCII
    // letters only, their number and their packed key; whether it is
    // letters only.
    let mut start = usize::MAX;
    let mut end = 0;
    let mut prev = Wb::Other;
    let mut has_alnum = false;
    let mut letters: Option<usize> = None;
    let mut key = 0u64;
    let mut only_letters = false;
    let shape = |letters: Option<usize>, key: u64, only_letters: bool| match letters {
        Some(n) => Shape::Ascii(n, key),
        None if only_letters => Shape::Letters,
        None => Shape::Other,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if start == usize::MAX && b.is_ascii_alphabetic() {
            let from = i;
            key = 0;
            // Eight bytes at a time (the last fewer padded with zeros,
            // which are no letters): the letters the eight start with,
            // hashed and packed at once.
            loop {
                let x = eight_padded(bytes, i);
                // The lowercase of an ASCII letter: bit 5 set.
                let lower = x | 0x2020_2020_2020_2020;
                // (`lower` has the high bits of `x`.)
                let is_letter = ascii_bytes_in(lower, b'a', b'z');
                let n = (!is_letter & HIGH_BITS).trailing_zeros() / 8;
                if n == 0 {
                    break;
                }
                hash.push_bytes(lower & (u64::MAX >> (64 - 8 * n)), n);
                // The `n` letters big-endian: the whole word's when it
                // has at most eight.
                key = lower.swap_bytes() >> (64 - 8 * n);
                i += n as usize;
                if n < 8 {
                    break;
                }
            }
            chars += (i - from) as u32;
            // Most words of letters end at a space, or at ASCII punctuation
            // that joins no letters (`,` `;`) or none here (`.` `:` `'`
            // before no letter), or at the end: the word is told at once
            // and that byte passed, without the general step.
            match bytes.get(i) {
                None => {
                    on_word(&text[from..i], Shape::Ascii(i - from, key));
                    break;
                }
                Some(&next) if next < 0x80 => {
                    let ends = match ASCII_CLASS[usize::from(next)] {
                        Wb::Other | Wb::MidNum => true,
                        Wb::MidLetter | Wb::MidBoth => bytes
                            .get(i + 1)
                            .is_none_or(|&after| after < 0x80 && !after.is_ascii_alphabetic()),
                        Wb::Letter | Wb::Digit | Wb::Underscore => false,
                    };
                    if ends {
                        on_word(&text[from..i], Shape::Ascii(i - from, key));
                        chars += 1;
                        i += 1;
                        continue;
                    }
                }
                Some(_) => {}
            }
            start = from;
            end = i;
            prev = Wb::Letter;
            has_alnum = true;
            letters = Some(i - from);
            only_letters = true;
            continue;
        }
        chars += 1;
        let (w, len) = if b < 0x80 {
            // The class answers whether the byte is a letter or a digit.
            let w = ASCII_CLASS[usize::from(b)];
            if matches!(w, Wb::Letter | Wb::Digit) {
                digits += u32::from(w == Wb::Digit);
                hash.push_bytes(u64::from(b | 0x20), 1);
            }
            (w, 1)
        } else {
            let (w, c, len) = fast_class_at(bytes, i)?;
            if w == Wb::Letter {
                // Every letter the scan knows outside ASCII is alphabetic;
                // a Hangul syllable (three bytes) has no case and is CJK.
                if len == 3 {
                    cjk += 1;
                    hash.push_char(c);
                } else {
                    match lower_char(c) {
                        Some(l) => hash.push_char(l),
                        // "İ" lowercases to two characters.
                        None => c.to_lowercase().for_each(|l| hash.push_char(l)),
                    }
                }
            }
            (w, len)
        };
        if matches!(w, Wb::Letter | Wb::Digit | Wb::Underscore) {
            if start == usize::MAX {
                start = i;
                has_alnum = false;
                key = 0;
                letters = Some(0);
                only_letters = true;
            }
            end = i + len;
            prev = w;
            has_alnum |= w != Wb::Underscore;
            only_letters &= w == Wb::Letter;
            letters = match letters {
                Some(n) if w == Wb::Letter && len == 1 => {
                    key = key << 8 | u64::from(b | 0x20);
                    Some(n + 1)
                }
                _ => None,
            };
        } else if start != usize::MAX {
            // One joiner between two letters or two digits stays in the
            // word; anything else ends it. An unknown character next makes
            // no join, and the loop stops at it anyway.
            let joins = match (prev, w) {
                (Wb::Letter, Wb::MidLetter | Wb::MidBoth) => class_at(i + len) == Some(Wb::Letter),
                (Wb::Digit, Wb::MidNum | Wb::MidBoth) => class_at(i + len) == Some(Wb::Digit),
                _ => false,
            };
            if joins {
                end = i + len;
                letters = None;
                only_letters = false;
            } else {
                if has_alnum {
                    on_word(&text[start..end], shape(letters, key, only_letters));
                }
                start = usize::MAX;
            }
        }
        i += len;
    }
    if start != usize::MAX && has_alnum {
        on_word(&text[start..end], shape(letters, key, only_letters));
    }
    Some(LineScan {
        fingerprint: hash.finish(),
        chars,
        digits,
        cjk,
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
        assert!(ends_sentence("Done. \u{b} \")\t"));
        assert!(!ends_sentence("Done \u{a0}\""));
        assert!(ends_sentence("Done.\u{a0}\""));
    }

    proptest::proptest! {
        /// The byte path answers as the characters do.
        #[test]
        fn ends_sentence_is_the_char_loop(text in "(a|[.!?\"')\\]\t\u{b}\r\n ]|\u{a0}|\u{2019}|\u{201d}|。|\u{2026}|é){0,8}") {
            proptest::prop_assert_eq!(ends_sentence(&text), ends_sentence_chars(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_words_match_unicode_words(
            text in "[a-zA-Z0-9_ .,:;'\"!?()/\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{2026}\u{ab}\u{bb}\u{a0}\u{a9}\u{2022}\u{201e}\u{2015}\u{2039}\u{203a}\u{2122}\u{2212}\u{ae}\u{a3}-]{0,60}"
        ) {
            let fast: Vec<&str> = FastWords::new(&text).unwrap().collect();
            let slow: Vec<&str> = text.unicode_words().collect();
            proptest::prop_assert_eq!(fast, slow);
        }

        /// The bounded count agrees with `split_whitespace`.
        #[test]
        fn at_most_words_counts_split_whitespace(text in "[a b\t\n\r\u{b}\u{c}\u{a0}\u{2003}\u{3000}\u{85}é]{0,20}", max in 0usize..6) {
            proptest::prop_assert_eq!(at_most_words(&text, max), text.split_whitespace().count() <= max);
        }

        /// The same over every ASCII byte, eight at a time.
        #[test]
        fn at_most_words_on_ascii(text in "[\\x00-\\x7f]{0,40}", max in 0usize..12) {
            proptest::prop_assert_eq!(at_most_words(&text, max), text.split_whitespace().count() <= max);
        }

        /// The shortcuts lowercase as `str::to_lowercase` does.
        #[test]
        fn lowercase_is_to_lowercase(text in "\\PC{0,30}") {
            proptest::prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }

        /// The one pass writes the lowercase and counts on it what the
        /// separate passes count.
        #[test]
        fn lowercase_counting_is_the_passes(
            text in "([a-zA-Z0-9 ,.:'_()-]|\u{2019}|\u{201c}|é|Ü|ß|Σ|İ|\u{212a}|ж|Ж|年|٣|²|ǅ){0,40}"
        ) {
            let mut out = String::from("stale");
            let (words, digit) = lowercase_counting_into(&text, &mut out);
            let lower = lowercase(&text);
            proptest::prop_assert_eq!(&out, &lower);
            proptest::prop_assert_eq!(words, letter_run_count(&lower));
            proptest::prop_assert_eq!(digit, lower.bytes().any(|b| b.is_ascii_digit()));
        }

        /// The same in the alphabets of the table, final sigmas included.
        #[test]
        fn lowercase_is_to_lowercase_in_alphabets(text in "[a-zA-Z \u{c0}-\u{4ff}]{0,30}") {
            proptest::prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }

        /// The first-letter test finds what comparing every window finds,
        /// among bytes that differ in bit 5 alone as a letter's cases do
        /// (`@` and `` ` ``, `[` and `{`).
        #[test]
        fn contains_ascii_ci_is_windows(text in "[rReEpP@\\[{ \u{e9}]{0,40}") {
            let want = text.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"rep"));
            proptest::prop_assert_eq!(contains_ascii_ci(&text, b"rep"), want);
            let want = text.as_bytes().windows(2).any(|w| w.eq_ignore_ascii_case(b"re"));
            proptest::prop_assert_eq!(contains_ascii_ci(&text, b"re"), want);
            let want = text.bytes().any(|b| b.eq_ignore_ascii_case(&b'r'));
            proptest::prop_assert_eq!(contains_ascii_ci(&text, b"r"), want);
        }

        /// The eight-byte search finds what `contains` finds.
        #[test]
        fn has_ascii_byte_is_contains(text in "[a@A\u{c0}\u{4c0} ]{0,30}") {
            proptest::prop_assert_eq!(has_ascii_byte(&text, b'@'), text.contains('@'));
        }

        /// The run of ASCII is where the first other byte is.
        #[test]
        fn ascii_run_finds_the_first_other_byte(text in "[a ]{0,20}[\u{e9}a]{0,3}[a ]{0,10}") {
            let want = text.bytes().position(|b| !b.is_ascii()).unwrap_or(text.len());
            proptest::prop_assert_eq!(ascii_run(text.as_bytes()), want);
        }

        /// The counting form equals counting the split form.
        #[test]
        fn letter_run_count_matches_letter_runs(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(letter_run_count(&text), letter_runs(&text).count());
        }
    }

    proptest::proptest! {
        /// The one-pass scan yields the words of `unicode_words`, and the
        /// fold's hash, the characters and the digits of the general
        /// functions.
        #[test]
        fn scan_line_matches_unicode_words(
            text in "[a-zA-Z0-9_ .,:;'\"!?()/\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{2026}\u{ab}\u{bb}\u{a0}\u{a9}\u{2022}\u{201e}\u{2015}\u{2039}\u{203a}\u{2122}\u{2212}\u{ae}\u{a3}-]{0,60}"
        ) {
            check_scan_line(&text, true)?;
        }

        /// The same with the letters outside ASCII that the scan knows.
        #[test]
        fn scan_line_matches_unicode_words_in_other_letters(
            text in "[a-zA-Z0-9 .,:;'_\u{2019}\u{2014}\u{c0}-\u{17f}\u{400}-\u{4ff}\u{ac00}-\u{ac20}\u{d790}-\u{d7af}]{0,40}"
        ) {
            check_scan_line(&text, text.chars().all(|c| scan_class(c).is_some()))?;
        }

        /// Any other character stops the scan.
        #[test]
        fn scan_line_refuses_the_unknown(text in "\\PC{0,20}") {
            let known = text.chars().all(|c| scan_class(c).is_some());
            proptest::prop_assert_eq!(scan_line(&text, |_, _| {}).is_some(), known);
        }
    }

    /// [`scan_line`] of `text` against the general functions; `known`:
    /// whether the scan is to read it at all.
    fn check_scan_line(
        text: &str,
        known: bool,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut words = Vec::new();
        let scan = scan_line(text, |w, shape| {
            words.push(w);
            let letters = w.chars().all(char::is_alphabetic);
            match shape {
                Shape::Ascii(n, key) => {
                    assert!(
                        w.len() == n && w.bytes().all(|b| b.is_ascii_alphabetic()),
                        "{w:?}"
                    );
                    let mut want = 0u64;
                    for b in w.bytes() {
                        want = want << 8 | u64::from(b.to_ascii_lowercase());
                    }
                    if n <= 8 {
                        assert_eq!(key, want, "{w:?}");
                    }
                }
                Shape::Letters => assert!(letters && !w.is_ascii(), "{w:?}"),
                Shape::Other => assert!(!letters, "{w:?}"),
            }
        });
        proptest::prop_assert_eq!(scan.is_some(), known);
        if let Some(scan) = scan {
            let slow: Vec<&str> = text.unicode_words().collect();
            proptest::prop_assert_eq!(words, slow);
            proptest::prop_assert_eq!(scan.fingerprint, fingerprint(text));
            proptest::prop_assert_eq!(scan.chars as usize, text.chars().count());
            let digits = text.chars().filter(|c| c.is_numeric()).count();
            proptest::prop_assert_eq!(scan.digits as usize, digits);
            proptest::prop_assert_eq!(
                scan.cjk as usize,
                text.chars().filter(|&c| is_cjk(c)).count()
            );
        }
        Ok(())
    }

    #[test]
    fn scan_line_examples() {
        for text in [
            "The Cat sat on THE mat, don’t you know?",
            "Über die Straße — für uns",
            "Это было в Москве, и она сказала",
            "Também é uma ação",
            "İstanbul’da",
            "한국 정부는 오늘 발표했다. 2025년",
            "한.국 a한 1,2 x:y",
        ] {
            check_scan_line(text, true).unwrap();
        }
        assert!(scan_line("東京", |_, _| {}).is_none());
        assert!(scan_line("ΣΊΣΥΦΟΣ", |_, _| {}).is_none());
    }

    /// The padded load is the bytes from `i`, zeros past the end, at
    /// every position of texts shorter and longer than eight bytes.
    #[test]
    fn eight_padded_is_the_bytes_from_i() {
        let all: Vec<u8> = (1..=20).collect();
        for len in 0..=all.len() {
            let bytes = &all[..len];
            for i in 0..=len {
                let mut eight = [0u8; 8];
                let rest = &bytes[i..(i + 8).min(len)];
                eight[..rest.len()].copy_from_slice(rest);
                assert_eq!(
                    eight_padded(bytes, i),
                    u64::from_le_bytes(eight),
                    "{len} {i}"
                );
            }
        }
    }

    /// The byte reader knows each character as the `char` function does.
    #[test]
    fn fast_class_at_is_scan_class() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let got = fast_class_at(bytes, 0);
            let want = scan_class(c).map(|w| (w, c, c.len_utf8()));
            assert_eq!(got, want, "{c:?}");
        }
    }

    /// What `at_most_words` rests on: the leads of white space.
    #[test]
    fn white_space_leads() {
        let mut buf = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() {
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time over letters outside ASCII, the white
        /// space of each lead and characters that share those leads.
        #[test]
        fn at_most_words_on_mixed_text(
            text in "([a-z .,]|\u{a0}|\u{85}|\u{a9}|\u{2003}|\u{2019}|\u{1680}|\u{1e00}|\u{3000}|\u{3042}|ж|é|\t|\n){0,40}",
            max in 0usize..12,
        ) {
            proptest::prop_assert_eq!(at_most_words(&text, max), text.split_whitespace().count() <= max);
        }

        /// Longer lines: several chunks, a character outside ASCII inside
        /// a chunk, and the last bytes read as the end of the last eight.
        #[test]
        fn at_most_words_on_long_lines(
            text in "([a-z]{1,9}|[ ,.]|\u{a0}|\u{2003}|\u{2019}|\u{3000}|é|ж|\t){0,80}",
            max in 0usize..30,
        ) {
            proptest::prop_assert_eq!(at_most_words(&text, max), text.split_whitespace().count() <= max);
        }

        #[test]
        fn at_most_words_on_any_text(text in "\\PC{0,30}", max in 0usize..6) {
            proptest::prop_assert_eq!(at_most_words(&text, max), text.split_whitespace().count() <= max);
        }
    }

    /// What `contains_ascii_ci` rests on.
    #[test]
    fn general_punctuation_is_not_alphanumeric() {
        for c in ('\u{2000}'..='\u{206F}').chain(['a', 'é', 'ж', '’', '年']) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn lowercase_makes_no_ascii() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            for l in c.to_lowercase() {
                assert!(!l.is_ascii() || matches!(l, 'i' | 'k'), "{c:?}");
            }
        }
    }

    /// What the lowercase with counts rests on: a character of the table
    /// with a one-character lowercase is alphanumeric as its lowercase is.
    #[test]
    fn table_lowercase_keeps_alnum() {
        for c in (0..TABLE_END as u32).filter_map(char::from_u32) {
            if let Some(&(l, alnum)) = ALPHABETS.get(c as usize).filter(|e| e.0 != 0) {
                let l = char::from_u32(l).unwrap();
                assert_eq!(alnum, l.is_alphanumeric(), "{c:?}");
            }
        }
    }

    /// The tables answer as `char` does, wherever they answer.
    #[test]
    fn alphabet_tables_are_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            if let Some(l) = lower_char(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
        assert_eq!(lower_char('Σ'), None);
        assert_eq!(lower_char('Ж'), Some('ж'));
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

    /// The three word counts disagree on ordinary text; this is why they
    /// are separate functions, not one.
    #[test]
    fn word_count_variants_differ() {
        let text = "e.g. don't re-run it";
        assert_eq!(uax29_words(text).count(), 5); // e.g | don't | re | run | it
        assert_eq!(letter_run_count(text), 6); // e | g | don't | re | run | it
        assert_eq!(whitespace_word_count(text), 4);
        assert!(at_most_words(text, 4));
        assert!(!at_most_words(text, 3));
    }

    #[test]
    fn fold_and_fingerprint() {
        assert_eq!(squash("Next  Story!"), "nextstory");
        assert_eq!(fingerprint("Next  Story"), fingerprint("next story"));
        assert_ne!(fingerprint("Next Story"), fingerprint("Previous Story"));
        // On lowercase text the fold only drops characters.
        let lower = "Καλημέρα ΚΌΣΜΟΣ, ça va".to_lowercase();
        let kept: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
        assert_eq!(squash(&lower), kept);
    }

    proptest::proptest! {
        /// The fingerprint is the fold's bytes hashed eight at a time.
        #[test]
        fn fingerprint_hashes_the_fold(text in "\\PC{0,40}") {
            let want = fold_hash_bytes(squash(&text).as_bytes());
            proptest::prop_assert_eq!(fingerprint(&text), want);
        }

        /// Pushed in pieces of any length from one to eight, the bytes
        /// hash as the definition hashes them.
        #[test]
        fn fold_hash_pieces(bytes in proptest::collection::vec(1u8..=255, 0..40), cuts in proptest::collection::vec(1usize..=8, 0..40)) {
            let mut h = FoldHash::new();
            let (mut at, mut cut) = (0, cuts.iter().cycle());
            while at < bytes.len() {
                let n = (*cut.next().unwrap_or(&1)).min(bytes.len() - at);
                let mut eight = [0u8; 8];
                eight[..n].copy_from_slice(&bytes[at..at + n]);
                h.push_bytes(u64::from_le_bytes(eight), n as u32);
                at += n;
            }
            proptest::prop_assert_eq!(h.finish(), fold_hash_bytes(&bytes));
        }
    }

    #[test]
    fn fnv_is_fnv1a() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
