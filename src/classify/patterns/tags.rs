//! Tag and category lists under a post: "Tags: Huawei, telecommunications,
//! ZTE", "Filed under: Banking", "Posted in Carnivals, Current Events | No
//! Comments »".
//!
//! Not one of [`recognise`](super::recognise)'s: recognised clutter weighs
//! against the region, and a tag list set between a short story's headline
//! and its body split the story off (two pages of the text dev sets lost
//! all of their body). The text classifier claims tag lines only inside
//! the region it has chosen.

use super::MAX_PATTERN_BYTES;
use crate::textutil::letter_run_count as word_count;

/// Starts of a tag or category list, lowercase. Each names what follows
/// as labels, so a colon-free "filed under" counts too; "posted in" does
/// only with a separator or a comment count after it ("Posted in Medicare
/// | 1 Comment"), since "Posted in 2012, the video …" is a sentence.
pub(super) const TAG_PREFIXES: &[&str] = &[
    "tags:",
    "tagged:",
    "tagged as:",
    "tagged with:",
    "tagged with ",
    "filed under:",
    "filed under ",
    "category:",
    "categories:",
    "topics:",
    "posted in:",
    "schlagwörter:",
    "etiquetas:",
    "marcadores:",
    "tag:",
];

/// Most words of a tag list: blogs print a few dozen tags.
pub(super) const TAG_LIST_MAX_WORDS: usize = 80;

/// Whether the line is a list of a post's tags or categories.
pub(crate) fn is_tag_list(text: &str) -> bool {
    let text = text.trim();
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    // Every start is ASCII, and no character outside ASCII lower-cases to
    // the first letter of one: a line that starts with none of them, in
    // either case, is no tag list (most lines, and no lower-casing).
    if !text
        .bytes()
        .next()
        .is_some_and(|b| TAG_FIRST_LETTERS.contains(&b.to_ascii_lowercase()))
    {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    // The start first: the words are counted only on a tag line.
    (TAG_PREFIXES.iter().any(|p| lower.starts_with(p))
        || (lower.starts_with("posted in ")
            && (lower.contains(" | ") || lower.contains("comment"))))
        && (2..=TAG_LIST_MAX_WORDS).contains(&word_count(&lower))
}

/// The first letters of [`TAG_PREFIXES`] and of "posted in ".
const TAG_FIRST_LETTERS: &[u8] = b"tfcpsem";

#[cfg(test)]
mod tests {
    use super::is_tag_list;

    #[test]
    fn first_letters_are_the_starts() {
        for p in super::TAG_PREFIXES.iter().chain(&["posted in "]) {
            assert!(super::TAG_FIRST_LETTERS.contains(&p.as_bytes()[0]), "{p}");
        }
    }

    #[test]
    fn tag_lists() {
        for line in [
            "Tags: Huawei, telecommunications, ZTE",
            "Filed under: Banking",
            "Filed Under: Startups, Tech Tagged With: Angels, Startups",
            "Tagged with BlackBerry, BlackBerry 10, Research In Motion, RIM",
            "Posted in Carnivals, Current Events | No Comments »",
            "Category: Gardening, Raising Your Own Food",
        ] {
            assert!(is_tag_list(line), "{line}");
        }
        for line in [
            "Tags",
            "Posted in 2012, the video drew a million views.",
            "Tags are small labels that readers click to find more stories.",
        ] {
            assert!(!is_tag_list(line), "{line}");
        }
    }
}
