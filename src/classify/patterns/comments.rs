//! Comment sections: headers, counts, action rows, signatures.

use super::MARK_COMMENT;
use super::Marks;
use crate::textutil::{letter_run_count as word_count, letter_runs as words};

/// Whether the line is the row of actions under one reader comment:
/// "Reply", "[ reply ]", "Reply to this parent share", "Report Abuse |
/// QUOTE", "Reply Delete". Every word is an action, and "reply" or "report"
/// is among them. A thread repeats such a row under each comment, and no
/// article has one, so the text path weighs it as a barrier: on
/// dragnet-train-text, threads under a short post outweighed the post
/// although "Reply" stood under every comment (1,716 lines).
pub(crate) fn is_comment_action(text: &str) -> bool {
    /// Most words of an action row; the longest seen is "Reply to this
    /// parent share twitter facebook" and "Report post » log in to reply
    /// reply".
    const ACTIONS_MAX_WORDS: usize = 8;
    const ACTIONS: &[&str] = &[
        "reply",
        "replies",
        "report",
        "abuse",
        "quote",
        "delete",
        "share",
        "flag",
        "permalink",
        "link",
        "to",
        "this",
        "parent",
        "cancel",
        "edit",
        "like",
        "recommend",
        "retweet",
        "favorite",
        "post",
        "log",
        "in",
        "up",
        "down",
        "vote",
        "actions",
        "comment",
        // The share buttons a scraper leaves on the same line ("Reply to
        // This Parent Share twitter facebook").
        "twitter",
        "facebook",
    ];
    // "reply" or "report" must be there, and no character outside ASCII
    // lowercases to an ASCII "rep" (textutil::lowercase_makes_no_ascii).
    if text.len() > 60 || !crate::textutil::contains_ascii_ci(text, b"rep") {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    let mut n = 0;
    let (mut reply, mut report) = (false, false);
    for w in words(&lower) {
        n += 1;
        if n > ACTIONS_MAX_WORDS || !ACTIONS.contains(&w) {
            return false;
        }
        reply |= w == "reply";
        report |= w == "report";
    }
    // A lone "Report" is the flag under an embedded tweet, in the story.
    reply || (report && n > 1)
}

/// Whether the line is a comment's signature that ends in its action row:
/// "by nico on Aug 7, 2012 9:12 am PDT up reply actions", "by randfish on
/// November 7, 2011 at 5:42 pm. Reply #". It holds a number (the date), at
/// most [`SIGNATURE_MAX_WORDS`] words, and ends in "reply" or "reply
/// actions" with no full stop after.
pub(crate) fn is_comment_signature(text: &str) -> bool {
    /// Most words of a signature line: "by", a name of up to four words,
    /// "on", a date and time of up to eight, "via mobile", the actions.
    const SIGNATURE_MAX_WORDS: usize = 20;
    if text.len() > 160 || !text.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    // The line must end in "reply" or "actions", which no character
    // outside ASCII lowercases into: spare the lowercasing of the rest.
    let tail = text.trim_end_matches([' ', '#']).as_bytes();
    let ends_in = |word: &[u8]| {
        tail.len() >= word.len() && tail[tail.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    if !ends_in(b"reply") && !ends_in(b"actions") {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    let trimmed = lower.trim_end_matches([' ', '#']);
    (trimmed.ends_with(" reply") || trimmed.ends_with(" reply actions"))
        && lower.contains(|c: char| c.is_ascii_digit())
        && word_count(&lower) <= SIGNATURE_MAX_WORDS
}

/// Whether the line counts a thread's comments without being recognised
/// as a comment header by [`recognise`]: "Responses (12)", "Nov. 8 12
/// Responses", "36 Comments | 4 Recs", "Total Comments (11)". At most
/// [`THREAD_COUNT_MAX_WORDS`] words, a number, and a word for comments.
pub(crate) fn is_thread_count(text: &str) -> bool {
    /// Five words admit article subheadings ("Comment engagement score
    /// (0-50 points)" on wcxb dev-4446).
    const THREAD_COUNT_MAX_WORDS: usize = 4;
    // A count needs an ASCII digit (a word of them) and a word that
    // starts "comment" or "respons", which the lowercase of no character
    // outside ASCII makes (test `lowercase_makes_no_ascii`): lines without
    // them are not lowercased.
    if text.len() > 80
        || !text.bytes().any(|b| b.is_ascii_digit())
        || !(crate::textutil::contains_ascii_ci(text, b"comment")
            || crate::textutil::contains_ascii_ci(text, b"respons"))
    {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    let mut n = 0;
    let (mut number, mut comments) = (false, false);
    for w in words(&lower) {
        n += 1;
        number |= w.bytes().all(|b| b.is_ascii_digit());
        comments |= w.starts_with("comment") || w.starts_with("respons");
    }
    n <= THREAD_COUNT_MAX_WORDS && number && comments
}

/// The head of a thread that names the post it is under: "12 thoughts on
/// “Title”", "59 Comments on “Title”", "9 Responses to “Title”". A
/// number, a word for comments, "on", "to" or "for", and an opening quote.
/// WordPress themes print it over the thread; unrecognised, it let the text
/// path run on from the post into the comments.
pub(super) fn is_titled_thread_head(lower: &str) -> bool {
    const NOUNS: &[&str] = &[
        "comment",
        "comments",
        "thought",
        "thoughts",
        "reply",
        "replies",
        "response",
        "responses",
    ];
    let digits = lower
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',')
        .count();
    if !lower.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(rest) = lower[digits..].strip_prefix(' ') else {
        return false;
    };
    let Some((noun, rest)) = rest.split_once(' ') else {
        return false;
    };
    let Some((preposition, rest)) = rest.split_once(' ') else {
        return false;
    };
    NOUNS.contains(&noun)
        && matches!(preposition, "on" | "to" | "for")
        && rest.starts_with(['“', '"', '‘', '\'', '«', '„'])
}

/// A comment form's boilerplate, or a comment's header line ("Jane says:",
/// "Alex on September 17, 2018 at 6:34 am said:").
pub(super) fn is_comment_marked(lower: &str, original: &str, marks: Marks) -> bool {
    const HEADER_MAX_WORDS: usize = 12;
    if marks & MARK_COMMENT != 0 {
        return true;
    }
    // "In a statement, the ministry said:" introduces a quote in the body,
    // so the speaker must look like a commenter: one user name (lower case
    // or with digits: "thelastchargersfan says:", "v2787 says:"), or a name
    // with a time stamp ("Alex on September 17, 2018 at 6:34 am said:").
    // Each verb ends in a colon: most lines end otherwise.
    let trimmed = lower.trim_end();
    if !trimmed.ends_with(':') {
        return false;
    }
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
pub(super) fn original_is_lower(original: &str, speaker: &str) -> bool {
    original
        .trim()
        .chars()
        .take(speaker.chars().count())
        .all(|c| !c.is_uppercase())
}

/// `n` is the [`word_count`] of `lower`.
pub(super) fn is_comment_count(lower: &str, n: usize) -> bool {
    // Two words, or three after "rating" or a word for whose comments
    // they are ("Reader Comments (4)", "Total Comments (11)").
    if !(2..=3).contains(&n) {
        return false;
    }
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
