//! Paragraphs split across lines, found again before they are judged.
//!
//! Some scrapers write one line per text node: BeautifulSoup's
//! `get_text("\n")` turns `<p>It was <a>the mayor</a>, she said.</p>` into
//! "It was" / "the mayor" / ", she said.". Judged line by line, the three
//! pieces are a fragment and two short lines, and a paragraph with a few
//! links weighs like a menu. On the dev pages scraped this way the text
//! path lost a third of its recall (dragnet-train F1 0.819 with html-text
//! lines, 0.714 with BeautifulSoup's).
//!
//! A line continues the one above when the segmenter saw the space of an
//! inline split at the break (see `Hints::glued`), or when the text itself
//! says the sentence
//! goes on: the line above does not end like a sentence, and either the
//! line starts in lower case or with punctuation that continues a sentence
//! (", she said"), or the line above ends in a comma or in a word no
//! sentence ends with ("the", "of", "und"). Menus, headlines and bylines
//! show none of these, so they stay one line each; scrapers that write a
//! block per line (html-text, trafilatura, inscriptis) rarely set off
//! these signals at all, and where they do, the line pair is one sentence
//! anyway.
//!
//! The text classifier judges a run of joined lines once, on the joined
//! text, and gives every line of the run that one decision; each line stays
//! a block of its own, so `&input[block.span()] == block.text()` holds.

use crate::segment::Segment;
use crate::vocab::Features;

/// Runs of lines that make one paragraph, as half-open index ranges that
/// cover `0..segments.len()` in order. Linear in the text's length: each
/// line is looked at once at its start and once at its end.
///
/// `features[i]` are the features of `segments[i]`: their
/// `ends_sentence`, measured once, tells whether the line above ends a
/// sentence, which both tests of a break ask first.
pub(crate) fn runs(segments: &[Segment<'_>], features: &[Features]) -> Vec<std::ops::Range<usize>> {
    debug_assert_eq!(segments.len(), features.len());
    let mut out = Vec::with_capacity(segments.len());
    let mut start = 0;
    for i in 1..=segments.len() {
        if i == segments.len()
            || !(segments[i].hints.glued
                || (!features[i - 1].ends_sentence
                    && continues_open(&segments[i - 1].text, &segments[i].text))
                || (segments[i].hints.spaced
                    && !features[i - 1].ends_sentence
                    && continues_after_space_open(&segments[i - 1].text, &segments[i].text)))
        {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Whether line `next` carries on the sentence that line `prev` left open:
/// what [`runs`] asks, the line's features aside.
#[cfg(test)]
fn continues(prev: &str, next: &str) -> bool {
    !crate::textutil::ends_sentence(prev) && continues_open(prev, next)
}

/// Whether line `next` carries on the sentence that line `prev`, which
/// does not end a sentence, left open.
fn continues_open(prev: &str, next: &str) -> bool {
    if prev.ends_with(':') {
        return false;
    }
    if starts_continuation(next) {
        return true;
    }
    if starts_lowercase_words(next) {
        // Two whole lines that happen to start in lower case are more often
        // list entries ("squee 11:30 PM 0 This Cat's Costume…" under
        // "frankenstorm 11:32 PM 0 Instacane…") or comments than one
        // sentence: a split at a link leaves a short piece on one side.
        return is_short(prev)
            || is_short(next)
            || (WRAP_BYTES.contains(&prev.len()) && is_prose_like(prev) && is_prose_like(next));
    }
    let Some(last) = prev.chars().next_back() else {
        return false;
    };
    if matches!(last, '(' | '“' | '‘') {
        return true;
    }
    // A comma after a word leaves its sentence open; one after no word at
    // all ("©," a footer's first piece) opens no sentence to carry on.
    if matches!(last, ',' | '，' | '、') {
        return prev.chars().any(crate::textutil::is_alnum);
    }
    ends_in_dangling_word(prev)
}

/// Most words of the text of a link or an emphasis, the piece a
/// BeautifulSoup split leaves between two parts of a sentence. Teaser
/// lists whose entries start in lower case ran 10 to 20 words a line on
/// the dev pages, and joined they outweighed the article.
const PIECE_MAX_WORDS: usize = 6;

/// Whether `line` opens with at least two words and the first is written
/// in lower-case letters only: "was killed on Monday", not a user name
/// ("fmcshan"), a product name ("iPhone 11", "macOS Catalina") or an
/// enumerator ("a. Send us an email").
fn starts_lowercase_words(line: &str) -> bool {
    // The first word's first character is the line's first one past white
    // space: most lines start with a capital and are not split into words.
    if !starts_lowercase(line) {
        return false;
    }
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let word = first.trim_end_matches([',', ';', ':']);
    words.next().is_some()
        && !word.is_empty()
        && word.len() <= WORD_MAX_BYTES
        && word.chars().all(char::is_lowercase)
}

/// [`continues_after_space_open`] of any line `prev`: what [`runs`]
/// asks, the line's features aside.
#[cfg(test)]
fn continues_after_space(prev: &str, next: &str) -> bool {
    !crate::textutil::ends_sentence(prev) && continues_after_space_open(prev, next)
}

/// Whether line `next`, with a line of a single space between, carries on
/// the sentence of line `prev`, which does not end a sentence. The space
/// stood between two elements, and an element is a link inside a sentence
/// as often as a paragraph or a menu entry of its own ("Compact Flash" /
/// " " / "Related Posts"), so the words have to say so as well: a word in
/// lower case meets the break on one side ("the" / " " / "#homelab").
fn continues_after_space_open(prev: &str, next: &str) -> bool {
    if prev.ends_with(':') {
        return false;
    }
    let last = prev.split_whitespace().next_back().unwrap_or("");
    let first = next.split_whitespace().next().unwrap_or("");
    is_lowercase_word(last) || is_lowercase_word(first)
}

/// Whether the letters of `word` are all in lower case, and it has some.
fn is_lowercase_word(word: &str) -> bool {
    word.len() <= WORD_MAX_BYTES
        && word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_lowercase)
}

/// Shortest and longest line, in bytes, that [`continues`] takes for one
/// a paragraph's source wrapped at a fixed width: pages written by hand
/// wrap at 72 to 80 columns, and a wrapped line fills most of them. Two
/// lines of another width that both read like prose were sentences of a
/// form or of a site's blurb on the dev pages, judged worse joined.
const WRAP_BYTES: std::ops::RangeInclusive<usize> = 50..=80;

/// Fewest words of a line that [`is_prose_like`] judges.
const PROSE_MIN_WORDS: usize = 4;

/// Whether most of the words of `line` start in lower case, as in running
/// prose, and not in capitals, as in a list of headlines or names: a
/// paragraph hard-wrapped in the page's source ("a Brazilian company that
/// operates restaurants" / "in Latin American airports has enlisted"),
/// which scrapers that keep a text node's line breaks hand over as is.
fn is_prose_like(line: &str) -> bool {
    let (mut lower, mut words) = (0usize, 0usize);
    for word in line.split_whitespace() {
        let Some(first) = word.chars().find(|&c| crate::textutil::is_alnum(c)) else {
            continue;
        };
        words += 1;
        lower += usize::from(first.is_lowercase());
    }
    words >= PROSE_MIN_WORDS && 2 * lower > words
}

fn is_short(line: &str) -> bool {
    line.split_whitespace().nth(PIECE_MAX_WORDS).is_none()
}

/// Whether `line` starts with punctuation that only continues a sentence:
/// a comma, a full stop, a colon after a linked label ("Part 4" / ": Setup
/// local DNS"), a closing bracket, or an apostrophe before a possessive "s"
/// ("Biden" / "'s plan").
fn starts_continuation(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(',' | '.' | ';' | ':' | ')' | ']' | '，' | '。' | '、' | '；' | '）' | '!' | '?') => {
            true
        }
        Some('\'' | '’') => chars.next().is_some_and(|c| c == 's' || c == 'S'),
        _ => false,
    }
}

/// Whether a continuation line's first character is glued to the line
/// above without a space when the two are joined: punctuation that closes
/// or continues a sentence (", she said", "'s plan").
pub(crate) fn starts_glued(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | ')'
            | ']'
            | '!'
            | '?'
            | '\''
            | '’'
            | '，'
            | '。'
            | '、'
            | '；'
            | '）'
    )
}

/// Most bytes of a word we look up: the longest dangling word is short, and
/// this keeps the look at a long first or last "word" (a URL) bounded.
const WORD_MAX_BYTES: usize = 24;

/// Whether the first character of `line` past white space is lower case:
/// told by the first byte when it is ASCII and no white space.
fn starts_lowercase(line: &str) -> bool {
    match line.as_bytes().first() {
        None => false,
        Some(&b) if b < 0x80 && !is_ascii_space(b) => b.is_ascii_lowercase(),
        Some(_) => line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase),
    }
}

/// `char::is_whitespace` of an ASCII byte.
fn is_ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0B
}

/// Whether `line` ends in a word of lower-case letters that no sentence
/// ends with ("the", "of", "und"), standing alone. A line that ends in
/// ASCII is read as bytes; a non-ASCII byte at the end or before its last
/// word of ASCII letters sends it to [`ends_in_dangling_word_chars`].
/// The walk back goes over lower-case letters only, and no further than
/// a function word reaches: a capital before them glues the word to it
/// or makes it no lower-case word, both of which the line's end is not
/// (proptest `dangling_word_by_bytes_is_by_chars`).
fn ends_in_dangling_word(line: &str) -> bool {
    let b = line.as_bytes();
    let mut start = b.len();
    while start > 0 && b[start - 1].is_ascii_lowercase() {
        start -= 1;
        if b.len() - start > WORD_MAX_BYTES {
            return false;
        }
    }
    match (start == b.len(), start.checked_sub(1).map(|i| b[i])) {
        // No lower-case ASCII letter at the end: no word, unless a letter
        // outside ASCII ends the line.
        (true, _) => b.last().is_some_and(|&c| c >= 0x80) && ends_in_dangling_word_chars(line),
        // The word may go on in letters outside ASCII.
        (false, Some(c)) if c >= 0x80 => ends_in_dangling_word_chars(line),
        (false, before) => {
            before.is_none_or(is_ascii_space) && crate::lexicon::is_dangling_word(&line[start..])
        }
    }
}

/// [`ends_in_dangling_word`] a character at a time. The letters at the
/// end are walked back only as far as a function word reaches: a line of
/// Japanese or Chinese is letters from end to start, and a word longer
/// than [`WORD_MAX_BYTES`] is none of them.
///
/// The word must be written in lower case, and every lower-case character
/// is alphabetic (test `lowercase_is_alphabetic`): the walk goes back over
/// lower-case characters only, and the word is one when the character
/// that stops it is white space or none. Any other stops it short of a
/// function word: a letter in capitals or without case would be part of
/// the word, and anything else glues the word to what precedes it
/// ("e-mail", "#the"). `char::is_lowercase` is a bitset test, where
/// `char::is_alphabetic` searched a table for each letter outside ASCII.
fn ends_in_dangling_word_chars(line: &str) -> bool {
    let mut word_start = line.len();
    for (i, c) in line.char_indices().rev() {
        if !c.is_lowercase() {
            if !c.is_whitespace() {
                return false;
            }
            break;
        }
        if line.len() - i > WORD_MAX_BYTES {
            return false;
        }
        word_start = i;
    }
    let word = &line[word_start..];
    !word.is_empty() && crate::lexicon::is_dangling_word(word)
}

#[cfg(test)]
mod tests {
    use super::{continues, continues_after_space};

    #[test]
    fn split_sentences_continue() {
        for (prev, next) in [
            ("It was", "the mayor"),
            ("according to the", "New York Times"),
            ("New York Times", ", which said"),
            ("Joe Biden", "'s plan"),
            ("Part 4", ": Setup local DNS"),
            ("He met with", "Angela Merkel"),
            ("Thanks to their", "Facebook page"),
            ("das sagte die", "Kanzlerin"),
            ("他说", "。"),
            ("plans for", "(and against) it"),
            ("the mayor", "said on Monday"),
            (
                "to privatize its largest airport, a Brazilian company that operates",
                "restaurants in Latin American airports has enlisted the help of",
            ),
        ] {
            assert!(continues(prev, next), "{prev:?} / {next:?}");
        }
    }

    #[test]
    fn separate_lines_stay_apart() {
        for (prev, next) in [
            ("Home", "World"),
            ("It ended there.", "but not for long"),
            ("Tour dates:", "the first one"),
            ("By Jane Doe", "March 3, 2020"),
            ("Sign up", "Newsletters"),
            ("Read more", "Sports"),
            ("Photo: AP", "Related stories"),
            ("", "lower"),
            ("x", ""),
            ("Rating: 25 Votes", "fmcshan"),
            ("iPad Air", "iPhone 11"),
            ("Nick A", "2 days ago"),
            ("Let us know", "a. Send us an email"),
            // A comma after no word opens no sentence (a footer's "©,").
            (
                "©,",
                "The council met on Tuesday to discuss the new budget.",
            ),
            (
                "frankenstorm 11:32 PM 0 Instacane Brings Us Tinged Photos of Frankenstorm",
                "squee 11:30 PM 0 This Cat's Halloween Costume is Way Better Than Yours",
            ),
            // Two sentences of a form, not a wrapped paragraph: too short.
            (
                "the username you entered is already taken by",
                "another account on this site, so please pick a new one",
            ),
            // Too long for a line wrapped at a fixed width.
            (
                "what it is and all you need to know about how we work and what we think of the field",
                "using methods such as these ones and the others we wrote about",
            ),
        ] {
            assert!(!continues(prev, next), "{prev:?} / {next:?}");
        }
    }

    #[test]
    fn a_space_between_continues_a_sentence() {
        assert!(continues_after_space("In this article of the", "#homelab"));
        assert!(continues_after_space("#Kubernetes", "#homelab series"));
        assert!(continues_after_space("sold at", "Photojojo.com"));
        for (prev, next) in [
            ("Compact Flash", "Related Posts"),
            ("Q&A: Photos from Camera to iPad", "By"),
            ("It ended there.", "but not for long"),
            ("Archive", "Select Month"),
            ("Filed under:", "sports"),
        ] {
            assert!(!continues_after_space(prev, next), "{prev:?} / {next:?}");
        }
    }

    /// [`super::ends_in_dangling_word_chars`] as it was, walking back over
    /// every letter at the end of the line.
    fn unbounded_dangling_word_chars(line: &str) -> bool {
        let word_start = line
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic())
            .last()
            .map_or(line.len(), |(i, _)| i);
        let word = &line[word_start..];
        let standalone = line[..word_start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        !word.is_empty()
            && word.len() <= super::WORD_MAX_BYTES
            && standalone
            && word.chars().all(char::is_lowercase)
            && crate::lexicon::is_dangling_word(word)
    }

    /// What [`super::ends_in_dangling_word_chars`] rests on: every
    /// lower-case character is alphabetic.
    #[test]
    fn lowercase_is_alphabetic() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert!(!c.is_lowercase() || c.is_alphabetic(), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The byte reading of the line's end is the character one.
        #[test]
        fn dangling_word_by_bytes_is_by_chars(
            line in "[ a-zA-Z.,\t\u{a0}\u{e9}\u{c9}\u{3000}]{0,6}(the|of|and|und|The|é|aaaaaaaaaaaaaaaaaaaaaaaa|aaaaaaaaaaaaaaaaaaaaaaaaa|Aaaaaaaaaaaaaaaaaaaaaaaaa)?"
        ) {
            proptest::prop_assert_eq!(
                super::ends_in_dangling_word(&line),
                super::ends_in_dangling_word_chars(&line)
            );
        }

        /// The walk back that stops past a function word's length is the
        /// whole one.
        #[test]
        fn dangling_word_walk_is_bounded(
            line in "[ a-zA-Z.\u{e9}\u{c9}\u{4e00}\u{3042}\u{2c6}\u{aa}\u{a0}]{0,30}(the|of|und|\u{3067}|f\u{fc}r)?"
        ) {
            proptest::prop_assert_eq!(
                super::ends_in_dangling_word_chars(&line),
                unbounded_dangling_word_chars(&line)
            );
        }

        /// The first byte tells what the first character past white space
        /// tells.
        #[test]
        fn starts_lowercase_by_byte_is_by_char(line in "[ aZ.\t\u{a0}\u{e9}\u{c9}\u{3000}]{0,5}") {
            let want = line.trim_start().chars().next().is_some_and(char::is_lowercase);
            proptest::prop_assert_eq!(super::starts_lowercase(&line), want);
        }
    }
}
