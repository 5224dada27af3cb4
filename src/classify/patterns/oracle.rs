//! The recognisers as they were before they were made fast: each one
//! lowercases, splits and searches the line again for itself. Deliberately
//! naive and kept only as the oracle that the fast versions in the parent
//! module must equal, line for line (see the parent's tests). The phrase
//! lists are the parent's, so a list edit changes both sides alike.

// Some helpers here have no caller in the tests; they are kept whole so the
// oracle reads as the old module did.
#![allow(dead_code, clippy::all)]

use super::MAX_PATTERN_BYTES;
use super::phrases::{
    AD_LINES, BYLINE_MAX_WORDS, CAPTION_MARKS, CAPTION_PREFIXES, COMMENT_LINES, COMMENT_MARKS,
    DATE_MAX_TOKENS, FOOTER_MARKS, FOOTER_PREFIXES, HEADER_MAX_WORDS, LEGAL_MARKS, MINUTE_WORDS,
    NAV_LINES, PROMO_MAX_WORDS, PROMO_PREFIXES, PROMO_WORDS, READ_WORDS, RELATED_HEADERS,
    SIGNUP_MARKS, SIGNUP_MAX_WORDS, SOCIAL_WORDS,
};
use crate::lexicon;
use crate::vocab::Reason;

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
        return is_gallery_counter(&head.to_lowercase()).then_some(Reason::Caption);
    }
    if text.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    let squashed = squash(&lower);
    // Before footers: "Image copyright Getty Images" is a credit.
    if is_caption_lower(&lower) {
        return Some(Reason::Caption);
    }
    if is_footer_lower(&lower) {
        return Some(Reason::SourceFooter);
    }
    if is_reading_time(text) {
        return Some(Reason::ReadingTime);
    }
    if is_date(text) {
        return Some(Reason::Date);
    }
    if is_byline(text) {
        return Some(Reason::Byline);
    }
    if AD_LINES.contains(&squashed.as_str()) {
        return Some(Reason::Advertisement);
    }
    if COMMENT_LINES.contains(&squashed.as_str())
        || is_comment_count(&lower)
        || is_titled_thread_head(&lower)
        || is_comment_marked(&lower, text)
    {
        return Some(Reason::Comments);
    }
    if is_promo_lower(&lower) {
        return Some(Reason::Promo);
    }
    if is_section_header_squashed(&squashed, &lower, text) {
        return Some(Reason::RelatedStories);
    }
    if is_author_box(&lower, text) {
        return Some(Reason::Boilerplate);
    }
    if is_navigation_lower(&lower, &squashed) {
        return Some(Reason::Navigation);
    }
    if is_legal_lower(&lower) {
        return Some(Reason::Legal);
    }
    None
}

/// Lowercase letters and digits of `lower`, nothing else: the form in which
/// whole-line phrases are compared, so spacing and punctuation do not matter.
fn squash(lower: &str) -> String {
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Words of `lower` (runs of letters, digits and apostrophes).
fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

fn word_count(text: &str) -> usize {
    words(text).count()
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
    if text.contains(['•', '|', '·']) {
        let mut dates = 0;
        for part in text
            .split(['•', '|', '·'])
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

fn is_single_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut numbers = 0;
    let mut months = 0;
    let mut tokens = 0;
    for token in date_tokens(&lower) {
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
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let first = rest.chars().next()?;
        let len = if first.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len())
        } else if !first.is_alphabetic() || (crate::textutil::is_cjk(first) && !is_hangul(first)) {
            // Each CJK character is a token; so is a numeric character
            // outside ASCII ("²", "٣"), which would otherwise make an empty
            // token and stall the iterator.
            first.len_utf8()
        } else {
            rest.find(|c: char| !c.is_alphabetic() || (crate::textutil::is_cjk(c) && !is_hangul(c)))
                .unwrap_or(rest.len())
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

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Whether the line is a reading-time stamp: a number, a word for minutes
/// and a word for reading, in a short line ("2 mins read", "Lesezeit: 3
/// Min.", "Reading time: 4 minutes").
pub(crate) fn is_reading_time(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    let (mut number, mut minute, mut read, mut n) = (false, false, false, 0);
    for token in date_tokens(&lower) {
        n += 1;
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
    number && minute && read && n <= 6
}

/// Whether the line is an author line: "By Jane Doe", "By JANE DOE and John
/// Smith, Reuters", "Von Max Muster". The words after "By" must be mostly
/// capitalised, so "By the end of the year, prices rose." stays prose.
pub(crate) fn is_byline(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    // "Jessica Napoli contributed to this report." closes many agency
    // stories; it names authors, like a byline.
    const CREDIT_LINE_MAX_WORDS: usize = 30;
    let lower = text.to_lowercase();
    if (lower.contains("contributed to this report") || lower.contains("contributed reporting"))
        && word_count(&lower) <= CREDIT_LINE_MAX_WORDS
    {
        return true;
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
            ) && !lexicon::is_date_word(&w.to_lowercase())
        })
        .count();
    let first_capital = all[0].starts_with(|c: char| c.is_uppercase());
    first_capital && lowercase_words == 0 && !text.ends_with(['!', '?'])
}

fn is_footer_lower(lower: &str) -> bool {
    if word_count(lower) > 40 {
        return false;
    }
    FOOTER_PREFIXES.iter().any(|p| lower.starts_with(p))
        || FOOTER_MARKS.iter().any(|m| lower.contains(m))
}

/// Whether the line is the bare word that opens a byline split over two
/// lines: "By", "Von", "Por", "Oleh".
pub(crate) fn is_bare_by(text: &str) -> bool {
    matches!(
        text.trim(),
        "By" | "by" | "BY" | "Von" | "Por" | "Oleh" | "Written by"
    )
}

/// Whether the line is a source footer or copyright notice ("Published in
/// Dawn, March 1st, 2023", "© 2024 Example Media. All rights reserved.").
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_footer(text: &str) -> bool {
    text.len() <= MAX_PATTERN_BYTES && is_footer_lower(&text.to_lowercase())
}

fn is_promo_lower(lower: &str) -> bool {
    let n = word_count(lower);
    if n <= SIGNUP_MAX_WORDS
        && SIGNUP_MARKS
            .iter()
            .chain(super::phrases::APPEAL_MARKS)
            .any(|p| lower.contains(p))
    {
        return true;
    }
    if super::promo::is_contact_lower(lower, n) {
        return true;
    }
    if n > PROMO_MAX_WORDS {
        return false;
    }
    if PROMO_PREFIXES.iter().any(|p| starts_with_word(lower, p)) {
        return true;
    }
    // "Follow Dawn on Twitter", "Follow Newsbeat on Instagram, Facebook
    // and YouTube": a call to follow that names a network. "Follow the
    // money" names none.
    const FOLLOW_MAX_WORDS: usize = 15;
    if starts_with_word(lower, "follow")
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
    n <= 12 && words(lower).any(|w| PROMO_WORDS.contains(&w))
}

/// Whether the line is a promotion: "ALSO READ: …", "Read more",
/// "Subscribe to our newsletter", "Baca juga: …".
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_promo(text: &str) -> bool {
    text.len() <= MAX_PATTERN_BYTES && is_promo_lower(&text.to_lowercase())
}

fn is_section_header_squashed(squashed: &str, lower: &str, original: &str) -> bool {
    if squashed.is_empty() || word_count(lower) > HEADER_MAX_WORDS {
        return false;
    }
    // Whole-line headers whose word also starts subheadings ("Latest
    // developments", "Popular anger") only count alone.
    matches!(squashed, "latest" | "popular" | "popularnow" | "mostpopular")
        || RELATED_HEADERS.iter().any(|h| squashed.starts_with(h))
        // "More Great WIRED Stories", "Top Stories", "Related News": a
        // short title-case line ending in the word for stories. Sentence
        // case ("Fake news") is a subheading.
        || (word_count(lower) <= 5
            && word_count(lower) >= 2
            && is_title_case(original)
            && !crate::textutil::ends_sentence(lower)
            && ["stories", "news", "articles", "reads", "headlines"]
                .iter()
                .any(|w| lower.trim_end().ends_with(w)))
        // "More Washington Examiner", "More Sports": a site or section
        // name after "More"; longer lines starting with "More" are
        // headlines or sentences ("More than 100 people died").
        || (lower.starts_with("more ")
            && word_count(lower) <= 3
            && !crate::textutil::ends_sentence(lower))
}

/// Whether the line heads an author box: "About the author", "About Jane
/// Doe", "Über Moritz Bachmann", "Sobre Carlos Nadalim". A name must be two
/// capitalised words: "About the study" is a subheading.
pub(crate) fn is_author_box(lower: &str, original: &str) -> bool {
    const MAX_WORDS: usize = 4;
    let n = word_count(lower);
    if !(2..=MAX_WORDS).contains(&n) || crate::textutil::ends_sentence(lower) {
        return false;
    }
    [
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
                .all(|w| w.starts_with(|c: char| c.is_uppercase())))
}

/// Whether every word of `text` that has case starts with a capital.
fn is_title_case(text: &str) -> bool {
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
    let lower = text.to_lowercase();
    is_section_header_squashed(&squash(&lower), &lower, text)
}

fn is_navigation_lower(lower: &str, squashed: &str) -> bool {
    if squashed.is_empty() {
        // Nothing but punctuation and symbols: arrows, separators, "|".
        return true;
    }
    if NAV_LINES.contains(&squashed) {
        return true;
    }
    let n = word_count(lower);
    if n == 0 || n > PROMO_MAX_WORDS {
        return false;
    }
    if n <= 8 && words(lower).all(|w| SOCIAL_WORDS.contains(&w)) {
        return true;
    }
    is_breadcrumb(lower)
}

/// Whether the line is navigation: "Previous Story", "Go to Top", a section
/// name, a share bar, a breadcrumb ("Home > World > Asia").
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_navigation(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = text.to_lowercase();
    is_navigation_lower(&lower, &squash(&lower))
}

/// Whether the line is "Previous Story", "Next Story" or a like arrow, after
/// which scraped pages put the other story's headline.
pub(crate) fn is_prev_next(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    matches!(
        squash(&text.to_lowercase()).as_str(),
        "previousstory"
            | "nextstory"
            | "previousarticle"
            | "nextarticle"
            | "previouspost"
            | "nextpost"
            | "previous"
            | "next"
            | "prev"
            | "readnext"
            | "upnext"
    )
}

/// A breadcrumb: at least three parts separated by `>`, `»`, `›`, `/` or
/// `|`, each part at most three words ("Home > News > World").
fn is_breadcrumb(lower: &str) -> bool {
    const SEPARATORS: [char; 6] = ['>', '»', '›', '/', '|', '•'];
    const MIN_PARTS: usize = 3;
    const MAX_PART_WORDS: usize = 3;
    let parts: Vec<&str> = lower
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= MIN_PARTS && parts.iter().all(|p| word_count(p) <= MAX_PART_WORDS)
}

/// A comment form's boilerplate, or a comment's header line ("Jane says:",
/// "Alex on September 17, 2018 at 6:34 am said:").
fn is_comment_marked(lower: &str, original: &str) -> bool {
    const HEADER_MAX_WORDS: usize = 12;
    if COMMENT_MARKS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // "In a statement, the ministry said:" introduces a quote in the body,
    // so the speaker must look like a commenter: one user name (lower case
    // or with digits: "thelastchargersfan says:", "v2787 says:"), or a name
    // with a time stamp ("Alex on September 17, 2018 at 6:34 am said:").
    let trimmed = lower.trim_end();
    let Some(speaker) = [" says:", " said:", " wrote:"]
        .iter()
        .find_map(|v| trimmed.strip_suffix(v))
    else {
        return false;
    };
    let n = word_count(speaker);
    let user_name = n == 1
        && (original_is_lower(original, speaker) || speaker.contains(|c: char| c.is_ascii_digit()));
    let stamped = n < HEADER_MAX_WORDS
        && speaker.contains(|c: char| c.is_ascii_digit())
        && speaker.contains(" at ");
    user_name || stamped
}

/// Whether the first `speaker.len()` bytes' worth of `original` have no
/// capital letters (a user name, not a person's name).
fn original_is_lower(original: &str, speaker: &str) -> bool {
    original
        .trim()
        .chars()
        .take(speaker.chars().count())
        .all(|c| !c.is_uppercase())
}

fn is_titled_thread_head(lower: &str) -> bool {
    // "12 thoughts on “Title”": a number (commas allowed), a word for
    // comments, on/to/for, then an opening quote right after one space.
    let parts: Vec<&str> = lower.splitn(4, ' ').collect();
    if parts.len() < 4 {
        return false;
    }
    let number = !parts[0].is_empty()
        && parts[0].starts_with(|c: char| c.is_ascii_digit())
        && parts[0].chars().all(|c| c.is_ascii_digit() || c == ',');
    let noun = [
        "comment",
        "comments",
        "thought",
        "thoughts",
        "reply",
        "replies",
        "response",
        "responses",
    ]
    .contains(&parts[1]);
    let preposition = ["on", "to", "for"].contains(&parts[2]);
    let quote = ['“', '"', '‘', '\'', '«', '„']
        .iter()
        .any(|&q| parts[3].starts_with(q));
    number && noun && preposition && quote
}

fn is_comment_count(lower: &str) -> bool {
    // "12 Comments", "Comments (3)", and the vote counts under each comment
    // ("Rating: 25 Votes", "3 likes").
    const COUNTED: [&str; 6] = ["comment", "vote", "like", "repl", "point", "respons"];
    let is_number = |w: &str| w.bytes().all(|c| c.is_ascii_digit());
    let mut ws = words(lower);
    let (a, b, c) = (ws.next(), ws.next(), ws.next());
    if ws.next().is_some() {
        return false;
    }
    match (a, b, c) {
        (Some(a), Some(b), None) => {
            (is_number(a) && COUNTED.iter().any(|k| b.starts_with(k)))
                || (a.starts_with("comment") && is_number(b))
        }
        (Some("rating"), Some(n), Some(v)) => is_number(n) && v.starts_with("vote"),
        (Some("reader" | "readers" | "user" | "total"), Some(k), Some(n)) => {
            k.starts_with("comment") && is_number(n)
        }
        _ => false,
    }
}

fn is_caption_lower(lower: &str) -> bool {
    if word_count(lower) > 40 {
        return false;
    }
    if is_gallery_counter(lower) {
        return true;
    }
    CAPTION_PREFIXES.iter().any(|p| lower.starts_with(p))
        || CAPTION_MARKS.iter().any(|m| lower.contains(m))
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
    let lower = text.to_lowercase();
    word_count(&lower) <= CREDIT_MAX_WORDS && lower.starts_with('(') && is_caption_lower(&lower)
}

/// A gallery's "Image 1 of 5" or "1 of 4 …" caption prefix.
fn is_gallery_counter(lower: &str) -> bool {
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
    let slash = rest.starts_with('/');
    let Some(rest) = rest.strip_prefix(" of ").or_else(|| rest.strip_prefix("/")) else {
        return false;
    };
    let total = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&total)
        && !rest[total..].starts_with(|c: char| c.is_alphanumeric())
        && !(slash && super::captions::is_measure(&rest[total..]))
}

fn is_legal_lower(lower: &str) -> bool {
    let n = word_count(lower);
    // A cookie banner is a sentence or two; the links "Privacy Policy" and
    // "Terms of Use" are a few words. A long paragraph that mentions
    // cookies is an article about cookies.
    n <= 60
        && LEGAL_MARKS.iter().any(|m| {
            lower.contains(m)
                && (n <= 8
                    || (*m == "cookie"
                        && [
                            "use",
                            "accept",
                            "consent",
                            "policy",
                            "settings",
                            "preferences",
                            "browsing",
                        ]
                        .iter()
                        .any(|w| words(lower).any(|x| x == *w))))
        })
}

/// The comment count of a thread ("Responses (12)"), before its gate.
pub(crate) fn is_thread_count(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    let mut n = 0;
    let (mut number, mut comments) = (false, false);
    for w in words(&lower) {
        n += 1;
        number |= w.bytes().all(|b| b.is_ascii_digit());
        comments |= w.starts_with("comment") || w.starts_with("respons");
    }
    n <= 4 && number && comments
}
