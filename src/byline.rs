//! Reading a person's name out of a byline: "By Jane Roe | March 3, 2022"
//! is "Jane Roe". Text in, text out; `crate::metadata` and the HTML
//! segmenter decide which lines are bylines.

/// How a byline starts, for the fallback that looks for one.
const BY: &str = "by ";

/// The text from the word "by" of a line ("September 1st, 2023 By Emily
/// Norwood" gives "By Emily Norwood"), if the line has one.
pub(crate) fn after_by(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    // From each `b` or `B` (`memchr2`): a byte loop cost more than the
    // rest of the metadata's look for a name.
    let starts = &bytes[..text.len().saturating_sub(BY.len())];
    memchr::memchr2_iter(b'b', b'B', starts)
        .find(|&i| {
            let word_start = i == 0 || bytes[i - 1] == b' ';
            word_start && bytes[i..i + BY.len()].eq_ignore_ascii_case(BY.as_bytes())
        })
        .map(|i| &text[i..])
}

/// The length of the longest of [`BYLINE_PREFIXES`]: a longer text is no
/// label, as most lines asked are.
const LONGEST_PREFIX: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < BYLINE_PREFIXES.len() {
        if BYLINE_PREFIXES[i].len() > longest {
            longest = BYLINE_PREFIXES[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether `text` is only a byline label: "By", "Written by", "Author".
pub(crate) fn is_label(text: &str) -> bool {
    // A text that starts and ends with a character the trimming keeps (an
    // ASCII one but space, control or a final colon) is its own trimmed
    // self: the lines asked are trimmed, and three trims cost more than
    // the rest.
    let bytes = text.as_bytes();
    let kept = |b: Option<&u8>, colon: bool| {
        b.is_some_and(|&b| b.is_ascii_graphic() && (colon || b != b':'))
    };
    let t = if kept(bytes.first(), true) && kept(bytes.last(), false) {
        text
    } else {
        text.trim().trim_end_matches(':').trim()
    };
    // A match is of equal length (`eq_ignore_ascii_case`).
    if t.len() > LONGEST_PREFIX {
        return false;
    }
    // Each prefix without its one final colon (test `one_final_colon`),
    // cut as bytes: `trim_end_matches` on each cost more than the rest.
    BYLINE_PREFIXES.iter().any(|p| {
        let p = p.as_bytes();
        p.strip_suffix(b":")
            .unwrap_or(p)
            .eq_ignore_ascii_case(t.as_bytes())
    })
}

/// A name is a few words; a longer line is a sentence that mentions one.
const MAX_NAME_WORDS: usize = 6;

/// Digits a name may hold ("98 Buck Social"); more is a time or a date the
/// date reader could not read ("October 17, 20236:01 PM ET").
const MAX_NAME_DIGITS: usize = 3;

/// Words that introduce a name in a byline, lower-case, longest first so
/// "written by" wins over "by".
const BYLINE_PREFIXES: &[&str] = &[
    "about the author",
    "the author",
    "written by",
    "article by",
    "posted by",
    "words by",
    "reviewed by",
    "authored by",
    "author:",
    "autor:",
    "autor",
    "author",
    "oleh",
    "por",
    "von",
    "par",
    "by",
];

/// Where a byline's name ends: "Jane Roe | March 3", "Jane Roe • 5 min".
const NAME_ENDS: &[&str] = &[" | ", " • ", " · ", " - ", " – ", " — ", "\n", "\t"];

/// The name in a byline ("By Jane Roe | March 3, 2022" is "Jane Roe"), or
/// `None` when what is left is no name: empty, a date, too long.
pub(crate) fn author_name(byline: &str) -> Option<&str> {
    let mut t = byline.trim();
    for prefix in BYLINE_PREFIXES {
        let n = prefix.len();
        if t.len() >= n && t.is_char_boundary(n) && t[..n].eq_ignore_ascii_case(prefix) {
            let rest = &t[n..];
            if rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}']) || prefix.ends_with(':') {
                t = rest.trim_start_matches([' ', ':', '\u{a0}']);
                break;
            }
        }
    }
    for end in NAME_ENDS {
        if let Some(at) = t.find(end) {
            t = &t[..at];
        }
    }
    let t = t.trim().trim_end_matches([',', ';', ':']).trim();
    let words = t.split_whitespace().count();
    let letters = t.chars().any(char::is_alphabetic);
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (letters
        && words <= MAX_NAME_WORDS
        && digits < MAX_NAME_DIGITS
        && !t.starts_with([',', '(', '©'])
        && crate::dates::parse(t).is_none())
    .then_some(t)
}

#[cfg(test)]
mod tests {
    use super::{after_by, author_name, is_label};

    #[test]
    fn names_from_bylines() {
        assert_eq!(author_name("By Jane Roe | March 3, 2022"), Some("Jane Roe"));
        assert_eq!(author_name("Written by: Ana Lima"), Some("Ana Lima"));
        assert_eq!(author_name("Oleh Budi Santoso"), Some("Budi Santoso"));
        assert_eq!(author_name("Bylines matter"), Some("Bylines matter"));
        assert_eq!(author_name("By"), None);
        assert_eq!(author_name("October 17, 20236:01 PM ET"), None);
        assert_eq!(author_name("98 Buck Social"), Some("98 Buck Social"));
        assert_eq!(author_name("16 December 2025"), None);
        assert_eq!(author_name(", USA TODAY"), None);
        assert_eq!(
            author_name("A sentence that runs on for far too many words to be a name"),
            None
        );
    }

    /// No byline prefix ends in two colons: cutting one is trimming them.
    #[test]
    fn one_final_colon() {
        for p in super::BYLINE_PREFIXES {
            assert_eq!(p.strip_suffix(':').unwrap_or(p), p.trim_end_matches(':'));
        }
    }

    proptest::proptest! {
        /// The quick answer for a long text is that of the trimming and
        /// comparing.
        #[test]
        fn label_quick_answer(text in "[ :\u{a0}\t]{0,3}(About the author|Written by|By|Jane Roe|x){1,3}[ :\u{a0}\t]{0,3}") {
            let t = text.trim().trim_end_matches(':').trim();
            let want = super::BYLINE_PREFIXES
                .iter()
                .any(|p| p.trim_end_matches(':').eq_ignore_ascii_case(t));
            proptest::prop_assert_eq!(is_label(&text), want);
        }

        /// `after_by` from `memchr2` finds what a look at each byte found.
        #[test]
        fn after_by_is_a_byte_search(text in "(by|By|bY|b|y| |x|Standby|\u{e9}){0,8}") {
            let bytes = text.as_bytes();
            let want = (0..text.len().saturating_sub(3)).find_map(|i| {
                let word_start = i == 0 || bytes[i - 1] == b' ';
                (word_start && bytes[i..i + 3].eq_ignore_ascii_case(b"by "))
                    .then(|| &text[i..])
            });
            proptest::prop_assert_eq!(after_by(&text), want);
        }
    }

    #[test]
    fn labels_and_inline_by() {
        assert!(is_label("Written by"));
        assert!(is_label("AUTHOR:"));
        assert!(is_label("About the Author"));
        assert!(!is_label("Jane Roe"));
        assert_eq!(
            after_by("September 1st, 2023 By Emily Norwood"),
            Some("By Emily Norwood")
        );
        assert_eq!(after_by("Standby mode"), None);
        assert_eq!(after_by("by Jo"), Some("by Jo"));
        assert_eq!(after_by("Hobby BY x"), Some("BY x"));
        // "by " must end before the last byte, as the byte loop had it.
        assert_eq!(after_by("stand by "), None);
        assert!(!is_label("About the Author of this piece"));
        assert!(is_label("  About the Author:::   "));
        assert!(is_label("\u{a0}Written by\u{a0}"));
    }
}
