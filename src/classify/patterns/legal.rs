//! Legal lines: cookie banners, privacy and terms links.

use super::MARK_LEGAL;
use super::Marks;
use crate::textutil::letter_runs as words;

pub(super) fn is_legal_lower(lower: &str, n: usize, marks: Marks) -> bool {
    // A cookie banner is a sentence or two; the links "Privacy Policy" and
    // "Terms of Use" are a few words. A long paragraph that mentions
    // cookies is an article about cookies.
    n <= 60
        && ((marks & MARK_LEGAL != 0 && n <= 8)
            // "cookie" is a legal mark: a line that holds it has the bit.
            || (marks & MARK_LEGAL != 0
                && lower.contains("cookie")
                && words(lower).any(|x| {
                    matches!(
                        x,
                        "use"
                            | "accept"
                            | "consent"
                            | "policy"
                            | "settings"
                            | "preferences"
                            | "browsing"
                    )
                })))
}
