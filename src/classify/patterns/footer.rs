//! Source and copyright footers ("Published in Dawn, …", "© 2024 …").

use super::Marks;
use super::phrases::FOOTER_PREFIXES;
use super::{MARK_FOOTER, MAX_PATTERN_BYTES, Prefixes, marks};
use once_cell::sync::Lazy;

/// [`FOOTER_PREFIXES`] by their first byte.
static FOOTERS_BY_FIRST_BYTE: Lazy<Prefixes> = Lazy::new(|| Prefixes::new(FOOTER_PREFIXES));
use crate::textutil::letter_run_count as word_count;

pub(super) fn is_footer_lower(lower: &str, n: usize, marks: Marks) -> bool {
    if n > 40 {
        return false;
    }
    marks & MARK_FOOTER != 0
        || FOOTERS_BY_FIRST_BYTE
            .starting(lower.as_bytes())
            .next()
            .is_some()
}

/// Whether the line is a source footer or copyright notice ("Published in
/// Dawn, March 1st, 2023", "© 2024 Example Media. All rights reserved.").
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_footer(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = crate::textutil::lowercase(text);
    is_footer_lower(&lower, word_count(&lower), marks(&lower))
}
