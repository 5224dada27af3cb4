//! Author lines: bylines, a bare "By", author bios and author boxes.

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;

use super::phrases::BYLINE_MAX_WORDS;
use super::{Line, MARK_CREDIT, MAX_PATTERN_BYTES};
use crate::lexicon;
use crate::textutil::{ends_sentence, letter_run_count as word_count, letter_runs as words};

/// Whether the line is an author line: "By Jane Doe", "By JANE DOE and John
/// Smith, Reuters", "Von Max Muster". The words after "By" must be mostly
/// capitalised, so "By the end of the year, prices rose." stays prose.
#[cfg(test)]
pub(crate) fn is_byline(text: &str) -> bool {
    text.len() <= MAX_PATTERN_BYTES && Line::with(text, is_byline_line)
}

pub(super) fn is_byline_line(line: &Line<'_>) -> bool {
    let text = line.text;
    if text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    // "Jessica Napoli contributed to this report." closes many agency
    // stories; it names authors, like a byline.
    // An agency's crew runs to a dozen names.
    const CREDIT_LINE_MAX_WORDS: usize = 30;
    if line.marks & MARK_CREDIT != 0 && line.words <= CREDIT_LINE_MAX_WORDS {
        return true;
    }
    // Every bare word and opening below starts with one of these bytes,
    // after white space (the bare word is trimmed first): most lines go
    // no further.
    let opens = |b: &u8| {
        matches!(b, b'B' | b'b' | b'V' | b'P' | b'O' | b'W')
            || !b.is_ascii()
            || b.is_ascii_whitespace()
    };
    if !text.as_bytes().first().is_some_and(opens) {
        return false;
    }
    // A byline split over two lines ("By" / "Randy Maniloff"): the bare
    // word is the byline's start; the classifier claims the name after it.
    if is_bare_by(text) {
        return true;
    }
    let Some(rest) = [
        "By ",
        "BY ",
        "by ",
        "Von ",
        "Por ",
        "Oleh ",
        "Written by ",
        "Words by ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p)) else {
        return false;
    };
    let all: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    if all.is_empty() || all.len() + 1 > BYLINE_MAX_WORDS {
        return false;
    }
    // A byline may end in a date ("By Jane Doe | March 3, 2022"), a
    // role ("Staff Writer") or an agency; what it has not are lowercase
    // content words, which every sentence has.
    let lowercase_words = all
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .filter(|w| {
            !matches!(
                **w,
                "and"
                    | "und"
                    | "e"
                    | "y"
                    | "dan"
                    | "de"
                    | "da"
                    | "do"
                    | "dos"
                    | "van"
                    | "von"
                    | "der"
                    | "di"
                    | "del"
                    | "la"
                    | "le"
                    | "in"
                    | "at"
                    | "for"
                    | "of"
                    | "the"
                    | "updated"
                    | "published"
            ) && !lexicon::is_date_word(&crate::textutil::lowercase(w))
        })
        .count();
    let first_capital = all[0].starts_with(|c: char| c.is_uppercase());
    first_capital && lowercase_words == 0 && !text.ends_with(['!', '?'])
}

/// Whether the line is the bare word that opens a byline split over two
/// lines: "By", "Von", "Por", "Oleh".
pub(crate) fn is_bare_by(text: &str) -> bool {
    matches!(
        text.trim(),
        "By" | "by" | "BY" | "Von" | "Por" | "Oleh" | "Written by"
    )
}

/// The verbs after an author's name in a bio: the leftmost found is where
/// the earliest of them starts, which is all [`is_author_bio`] asks.
pub(super) static BIO_VERBS: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(BIO_VERB_LIST)
        .expect("six short verbs")
});

/// The phrases of [`BIO_VERBS`]; each starts with a space.
pub(super) const BIO_VERB_LIST: [&str; 6] = [
    " is a ", " is an ", " is the ", " writes ", " covers ", " joined ",
];

/// Longest of the [`BIO_VERBS`] in bytes (test `bio_verb_max_bytes`).
pub(super) const BIO_VERB_MAX_BYTES: usize = 8;

/// How much of `text` the search for a bio's verb reads: up to the start
/// of word `names + 1` (split at white space as the name is) and a verb's
/// length past it, or the whole text when it has no such word. A verb
/// found further on would leave more than `names` words before it.
pub(super) fn bio_verb_room(text: &str, names: usize) -> usize {
    match text.split_whitespace().nth(names) {
        Some(word) => {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            (start + BIO_VERB_MAX_BYTES).min(text.len())
        }
        None => text.len(),
    }
}

/// Whether the line is an author's short biography: "Louise Matsakis is a
/// staff writer at WIRED covering Amazon.", "Julius is an LA Entertainment
/// Reporter for Fox News.", "Daryl Fairweather is the chief economist of
/// Redfin.", "Emiliano joined pv magazine in March 2017." A name of up to
/// four capitalised words, "is a/an/the" and a word for a job (a writing
/// job, or a title: manager, founder, VP), or "joined" and a year. Position
/// decides whether such a sentence is a bio (at the end of the article) or
/// news, so the classifier applies this only to the article's last lines.
pub(crate) fn is_author_bio(text: &str) -> bool {
    const BIO_MAX_WORDS: usize = 60;
    /// Most words of a bio that names the job right after the verb:
    /// company bios run to a paragraph ("… is the chief economist of
    /// Redfin. Her insights have been featured on 60 Minutes, …").
    const BIO_LONG_MAX_WORDS: usize = 150;
    /// Capitalised words that start sentences, not names: "It is the
    /// responsibility of …", "This is a great interview."
    const NOT_NAMES: &[&str] = &[
        "It", "This", "That", "There", "Here", "He", "She", "They", "We", "What", "Which", "Who",
    ];
    const NAME_MAX_WORDS: usize = 4;
    /// Starts of job words.
    const JOBS: &[&str] = &[
        "writer",
        "reporter",
        "editor",
        "correspondent",
        "journalist",
        "contributor",
        "columnist",
        "author",
        "freelance",
        "educator",
        "producer",
        "host",
        "blogger",
        "photographer",
        "analyst",
    ];
    /// Whole job words, or their plurals: the titles of the experts who
    /// sign a company's or a clinic's posts. By their start they would
    /// match other words ("director" starts "directory", "head"
    /// "headquartered", "vp" "vpn").
    const TITLES: &[&str] = &[
        "manager",
        "founder",
        "director",
        "president",
        "economist",
        "advisor",
        "adviser",
        "consultant",
        "strategist",
        "specialist",
        "researcher",
        "scientist",
        "professor",
        "marketer",
        "nutritionist",
        "dietitian",
        "physician",
        "professional",
        "expert",
        "owner",
        "executive",
        "attorney",
        "lawyer",
        "surgeon",
        "chef",
        "coach",
        "designer",
        "developer",
        "engineer",
        "copywriter",
        "illustrator",
        "therapist",
        "trainer",
        "entrepreneur",
        "head",
        "chief",
        "vp",
        "ceo",
        "cto",
        "cmo",
        "coo",
        "cfo",
    ];
    if text.len() > MAX_PATTERN_BYTES * 3 {
        return false;
    }
    // The verb is looked for in the text as written, so lines without one
    // are not lowercased; the first of them, by one automaton (six
    // searches of the line before). Only over the name's room: a verb
    // after a fifth word leaves a name of five words or more before it,
    // and every verb starts with a space, so none that starts before the
    // fifth word reaches past [`BIO_VERB_MAX_BYTES`] after its start.
    let room = bio_verb_room(text, NAME_MAX_WORDS);
    let Some(at) = BIO_VERBS.find(&text.as_bytes()[..room]).map(|m| m.start()) else {
        return false;
    };
    let n = word_count(&crate::textutil::lowercase(text));
    if n > BIO_LONG_MAX_WORDS {
        return false;
    }
    let name: Vec<&str> = text[..at].split_whitespace().collect();
    if !((1..=NAME_MAX_WORDS).contains(&name.len())
        && name
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '('))
        && !NOT_NAMES.contains(&name[0]))
    {
        return false;
    }
    let rest = crate::textutil::lowercase(&text[at..]);
    if rest.starts_with(" joined ") {
        // "joined pv magazine in March 2017": when they joined.
        return n <= BIO_MAX_WORDS
            && rest
                .split_whitespace()
                .any(|w| w.len() >= 4 && w[..4].bytes().all(|b| b.is_ascii_digit()));
    }
    // A title stands right after the verb ("is the chief economist of
    // …"); further on, "advisers" is whoever the sentence quotes. A long
    // paragraph is a bio only by a title there: the last paragraph of a
    // story often describes someone it names.
    const TITLE_MAX_OFFSET: usize = 6;
    let is_job = |w: &str| JOBS.iter().any(|j| w.starts_with(j));
    let is_title =
        |w: &str| TITLES.contains(&w) || w.strip_suffix('s').is_some_and(|w| TITLES.contains(&w));
    words(&rest)
        .take(TITLE_MAX_OFFSET)
        .any(|w| is_job(w) || is_title(w))
        || (n <= BIO_MAX_WORDS && words(&rest).any(is_job))
}

/// Whether the line heads an author box: "About the author", "About Jane
/// Doe", "Über Moritz Bachmann", "Sobre Carlos Nadalim". A name must be two
/// capitalised words: "About the study" is a subheading.
pub(super) fn is_author_box(lower: &str, original: &str, n: usize) -> bool {
    const MAX_WORDS: usize = 4;
    if !(2..=MAX_WORDS).contains(&n) {
        return false;
    }
    // The openings first: a line that starts with none (most) is not
    // read backwards for a sentence's end.
    ([
        "about the author",
        "about the writer",
        "über den autor",
        "über die autorin",
        "sobre o autor",
        "sobre a autora",
        "tentang penulis",
        "об авторе",
        "sull'autore",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || (["about ", "über ", "sobre "]
            .iter()
            .any(|p| lower.starts_with(p))
            && n == 3
            && original
                .split_whitespace()
                .skip(1)
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))))
        && !ends_sentence(lower)
}
