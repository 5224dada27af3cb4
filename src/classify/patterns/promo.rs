//! Promos ("ALSO READ:", newsletter boxes) and the section headers that
//! open teaser lists ("Related", "Don't Miss").

use super::Marks;
use super::phrases::{
    HEADER_MAX_WORDS, PROMO_MAX_WORDS, PROMO_PREFIXES, PROMO_WORDS, RELATED_HEADERS,
    SIGNUP_MAX_WORDS,
};
use once_cell::sync::Lazy;

use super::{MARK_PROMO, MARK_SIGNUP, MAX_PATTERN_BYTES, Prefixes, marks, starts_with_word};
use crate::textutil::{
    ends_sentence, letter_run_count as word_count, letter_runs as words, squash,
};

/// What the newsletter test below looks for anywhere in a line, searched by
/// the one automaton of [`marks`](super::marks) (bit `MARK_PROMO`).
pub(super) const PROMO_MARKS: &[&str] = &["newsletter", "subscri"];

pub(super) fn is_promo_lower(lower: &str, n: usize, marks: Marks) -> bool {
    // A newsletter box's pitch, consent text or confirmation (see
    // [`SIGNUP_MARKS`](super::phrases::SIGNUP_MARKS)), up to two sentences.
    if marks & MARK_SIGNUP != 0 && n <= SIGNUP_MAX_WORDS {
        return true;
    }
    if is_contact_lower(lower, n) {
        return true;
    }
    if n > PROMO_MAX_WORDS {
        return false;
    }
    // Only the prefixes that start with the line's first byte can match.
    if PROMO_BY_FIRST_BYTE
        .starting(lower.as_bytes())
        .any(|p| starts_with_word(lower, p))
    {
        return true;
    }
    // "Follow Dawn on Twitter", "Follow Newsbeat on Instagram, Facebook
    // and YouTube": a call to follow that names a network. "Follow the
    // money" names none.
    const FOLLOW_MAX_WORDS: usize = 15;
    if lower.starts_with('f')
        && starts_with_word(lower, "follow")
        && n <= FOLLOW_MAX_WORDS
        && words(lower).any(|w| {
            matches!(
                w,
                "twitter"
                    | "facebook"
                    | "instagram"
                    | "youtube"
                    | "telegram"
                    | "whatsapp"
                    | "linkedin"
                    | "tiktok"
                    | "threads"
            )
        })
    {
        return true;
    }
    // "Sign up for our newsletter" anywhere in a short line without a full
    // stop; a sentence that mentions a newsletter is left alone.
    // Newsletter boxes are often one short sentence ("Stay up to date.
    // Subscribe to our newsletter."), so a full stop does not save a line of
    // 12 words or fewer.
    // Every promo word holds "newsletter" or "subscri"; a line that holds
    // neither is not split into words.
    n <= 12 && marks & MARK_PROMO != 0 && words(lower).any(|w| PROMO_WORDS.contains(&w))
}

/// Whether the line gives an email address to write to: "Email Tariq
/// Malik at tmalik@space.com or follow him @tariqjmalik", "Have a tip?
/// Amy Kuperinsky may be reached at …", "If you have a news tip, … let us
/// know at: community@space.com". An address alone is data (a signature,
/// a code sample), and "contact Lindsay at …" or "email us at …" in a
/// story asks for help with the story's cause; the author's contact box
/// says where the author is reached or how to send a tip.
pub(super) fn is_contact_lower(lower: &str, n: usize) -> bool {
    const CONTACT_MAX_WORDS: usize = 40;
    n <= CONTACT_MAX_WORDS
        && crate::textutil::has_ascii_byte(lower, b'@')
        && lower.split_whitespace().any(is_email_address)
        && (lower.starts_with("email ") || CONTACT_WORDS.iter().any(|w| lower.contains(w)))
}

/// What asks the reader to write in a line with an email address (see
/// [`is_contact_lower`]).
pub(super) const CONTACT_WORDS: &[&str] = &[
    "reached at",
    "have a tip",
    "news tip",
    "tips to",
    "follow him",
    "follow her",
];

/// Whether a word is an email address: a local part, "@", and a domain
/// with a dot, trailing punctuation aside.
fn is_email_address(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !crate::textutil::is_alnum(c));
    let Some((local, domain)) = word.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.chars().all(char::is_alphabetic)
        })
}

/// [`PROMO_PREFIXES`] by their first byte.
static PROMO_BY_FIRST_BYTE: Lazy<Prefixes> = Lazy::new(|| Prefixes::new(PROMO_PREFIXES));

/// [`RELATED_HEADERS`] by their first byte.
static HEADERS_BY_FIRST_BYTE: Lazy<Prefixes> = Lazy::new(|| Prefixes::new(RELATED_HEADERS));

/// Whether the line is a promotion: "ALSO READ: …", "Read more",
/// "Subscribe to our newsletter", "Baca juga: …".
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_promo(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    is_promo_lower(&lower, word_count(&lower), marks(&lower))
}

pub(super) fn is_section_header_squashed(
    squashed: &[u8],
    lower: &str,
    original: &str,
    n: usize,
) -> bool {
    if squashed.is_empty() || n > HEADER_MAX_WORDS {
        return false;
    }
    // Whole-line headers whose word also starts subheadings ("Latest
    // developments", "Popular anger") only count alone.
    matches!(
        squashed,
        b"latest" | b"popular" | b"popularnow" | b"mostpopular"
    ) || HEADERS_BY_FIRST_BYTE.starting(squashed).next().is_some()
        // "More Great WIRED Stories", "Top Stories", "Related News": a
        // short title-case line ending in the word for stories. Sentence
        // case ("Fake news") is a subheading.
        // (The word for stories is the cheapest test, so it goes first.)
        || ((2..=5).contains(&n)
            && ends_with_word_for_stories(lower)
            && !ends_sentence(lower)
            && is_title_case(original))
        // "More Washington Examiner", "More Sports": a site or section
        // name after "More"; longer lines starting with "More" are
        // headlines or sentences ("More than 100 people died").
        || (lower.starts_with("more ")
            && n <= 3
            && !ends_sentence(lower))
}

/// Whether `lower`, trimmed, ends with one of the words for stories:
/// each ends in `s`, which is asked first, of the line trimmed once.
fn ends_with_word_for_stories(lower: &str) -> bool {
    let end = lower.trim_end();
    end.ends_with('s')
        && ["stories", "news", "articles", "reads", "headlines"]
            .iter()
            .any(|w| end.ends_with(w))
}

/// Whether every word of `text` that has case starts with a capital.
pub(super) fn is_title_case(text: &str) -> bool {
    text.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .all(|c| !c.is_lowercase())
}

/// Whether the line is a section header that opens a list of other stories:
/// "Related", "Latest from Top News", "Don't Miss", "Most read".
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_section_header(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    is_section_header_squashed(squash(&lower).as_bytes(), &lower, text, word_count(&lower))
}
