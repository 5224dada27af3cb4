//! Pass 3: before the region, the headline (chosen by
//! [`headline`](crate::classify::headline)), its duplicates, the standfirst
//! and the metadata lines.

use super::Grade;
use crate::classify::headline::STANDFIRST_MIN_WORDS;
use crate::vocab::Features;
use crate::vocab::Reason;

/// How many lines into the region we look for metadata (byline, date) that
/// shows the region's first lines are the standfirst, not the body.
pub(super) const STANDFIRST_LOOKAHEAD: usize = 4;

/// Most words of an unrecognised short line after the body that we call
/// navigation rather than a teaser headline.
pub(super) const NAV_MAX_WORDS: usize = 4;

/// Metadata that may stand between the headline and the body.
pub(super) fn is_meta(pat: Option<Reason>) -> bool {
    matches!(
        pat,
        Some(
            Reason::Date
                | Reason::Byline
                | Reason::ReadingTime
                | Reason::Caption
                | Reason::Advertisement
        )
    )
}

/// Marks the standfirst under the headline `t` and returns where the body
/// starts. The standfirst is the first unclaimed line after the headline
/// when it comes before the region, or the region's first lines when
/// metadata (a byline, a date) follows them: a dek is set above the byline,
/// the body below it.
#[allow(clippy::too_many_arguments)]
pub(super) fn standfirst(
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    t: usize,
    start: usize,
    end: usize,
    out: &mut [Option<Reason>],
) -> usize {
    if t + 1 < start {
        for i in t + 1..start {
            if out[i].is_some() || is_meta(pats[i]) {
                continue;
            }
            if pats[i].is_none() && features[i].effective_words() >= STANDFIRST_MIN_WORDS {
                out[i] = Some(Reason::Standfirst);
            }
            break;
        }
        return start;
    }
    // The region starts right under the headline: look for metadata a few
    // lines in.
    if t + 1 == start && start < end {
        let look_end = (start + STANDFIRST_LOOKAHEAD).min(end);
        for (i, pat) in pats.iter().enumerate().take(look_end + 1).skip(start + 1) {
            if matches!(
                pat,
                Some(Reason::Byline | Reason::Date | Reason::ReadingTime)
            ) {
                if i == start + 1
                    && !matches!(
                        grades[start],
                        Grade::Clutter | Grade::Barrier | Grade::Header
                    )
                    && features[start].effective_words() >= STANDFIRST_MIN_WORDS
                {
                    out[start] = Some(Reason::Standfirst);
                    return start + 1;
                }
                break;
            }
        }
    }
    start
}

/// Why an unclaimed line before the body is not body.
pub(super) fn head_reason(f: &Features) -> Reason {
    if f.effective_words() <= NAV_MAX_WORDS {
        Reason::Navigation
    } else {
        Reason::Boilerplate
    }
}
