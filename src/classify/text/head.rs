//! Pass 3: before the region, the headline, its duplicates, the standfirst
//! and the metadata lines.

use super::Grade;
use crate::vocab::Features;
use crate::vocab::Reason;
use std::collections::HashMap;

/// Most words in a headline candidate. The longest headline of the
/// development corpus has 24 words.
pub(super) const TITLE_MAX_WORDS: usize = 30;

/// How many lines before the body we look for the headline when it is not
/// repeated: the headline sits right above the body, after at most a date,
/// a byline and a standfirst.
pub(super) const TITLE_LOOKBACK_LINES: usize = 6;

/// How far above the body a repeated headline may sit. Pages put the
/// `<title>` at the very top and the `<h1>` below a long menu; 200 lines
/// covers the longest menu of the development corpus.
pub(super) const TITLE_MAX_DISTANCE: usize = 200;

/// Fewest words for a standfirst: shorter lines under the headline are
/// kickers, bylines or section labels.
pub(super) const STANDFIRST_MIN_WORDS: usize = 8;

/// How many lines into the region we look for metadata (byline, date) that
/// shows the region's first lines are the standfirst, not the body.
pub(super) const STANDFIRST_LOOKAHEAD: usize = 4;

/// Most words of an unrecognised short line after the body that we call
/// navigation rather than a teaser headline.
pub(super) const NAV_MAX_WORDS: usize = 4;

/// Fingerprints under which a line may repeat the headline: the whole line,
/// and each part of it between title separators (" - ", " | "…), so that
/// the page title "Headline - The Daily" matches the headline "Headline".
pub(super) struct TitleKeys {
    /// Part fingerprint → first line (within the top of the page) holding it.
    parts: HashMap<u64, Vec<usize>>,
    /// Lines whose parts were indexed: the top of the page.
    limit: usize,
}

/// Separators between a headline and the site name in page titles.
pub(super) const TITLE_SEPARATORS: &[&str] =
    &[" - ", " | ", " – ", " — ", " :: ", " · ", " • ", ": "];

/// Most parts of a page title we index; real titles have two or three.
pub(super) const TITLE_MAX_PARTS: usize = 4;

impl TitleKeys {
    pub(super) fn new(texts: &[&str], features: &[Features], start: usize) -> TitleKeys {
        let mut parts: HashMap<u64, Vec<usize>> = HashMap::new();
        let from = start.saturating_sub(TITLE_MAX_DISTANCE);
        for (i, text) in texts.iter().enumerate().take(start).skip(from) {
            if features[i].words as usize > TITLE_MAX_WORDS * 2 {
                continue;
            }
            let mut n = 0;
            for sep in TITLE_SEPARATORS {
                if !text.contains(sep) {
                    continue;
                }
                for part in text.split(sep).take(TITLE_MAX_PARTS) {
                    n += 1;
                    if n > TITLE_MAX_PARTS * 2 {
                        break;
                    }
                    let fp = crate::textutil::fingerprint(part);
                    let lines = parts.entry(fp).or_default();
                    if lines.last() != Some(&i) {
                        lines.push(i);
                    }
                }
            }
        }
        // Line 0 is where scrapers put the page's <title>; index it even
        // when the body starts far below.
        if from > 0 {
            for sep in TITLE_SEPARATORS {
                for part in texts[0].split(sep).take(TITLE_MAX_PARTS) {
                    let fp = crate::textutil::fingerprint(part);
                    parts.entry(fp).or_default().push(0);
                }
            }
        }
        TitleKeys {
            parts,
            limit: start,
        }
    }

    /// Whether line `i` repeats the headline whose fingerprint is `key`.
    pub(super) fn matches(&self, i: usize, key: u64, features: &[Features]) -> bool {
        features[i].fingerprint == key
            || (i < self.limit && self.parts.get(&key).is_some_and(|v| v.contains(&i)))
    }

    /// Whether `key` is one of the parts of line `j`.
    fn is_part_of(&self, j: usize, key: u64) -> bool {
        self.parts.get(&key).is_some_and(|v| v.contains(&j))
    }

    /// Whether the line's text appears as a part of another line's title.
    fn is_part_elsewhere(&self, i: usize, key: u64) -> bool {
        self.parts
            .get(&key)
            .is_some_and(|v| v.iter().any(|&j| j != i))
    }
}

pub(super) fn is_title_candidate(text: &str, f: &Features, pat: Option<Reason>) -> bool {
    let words = f.effective_words();
    pat.is_none() && (1..=TITLE_MAX_WORDS).contains(&words) && !text.ends_with(':')
}

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

/// The headline's line: a candidate line above the body that another line
/// near the top repeats (exactly, or as a part of the page title), the
/// nearest to the body winning; failing that, the short line right above
/// the body, skipping metadata.
pub(super) fn find_title(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    start: usize,
    titles: &TitleKeys,
) -> Option<usize> {
    let from = start.saturating_sub(TITLE_MAX_DISTANCE);
    let mut first_seen: HashMap<u64, usize> = HashMap::new();
    for (i, f) in features.iter().enumerate().take(start).skip(from) {
        first_seen.entry(f.fingerprint).or_insert(i);
    }
    // The page title (line 0, where scrapers put `<title>`) names the
    // headline: the nearest line to the body that is the page title or a
    // part of it wins. Share panels and menus repeat lines too ("These are
    // external links and will open in a new window"), so this goes first.
    for i in (from.max(1)..start).rev() {
        let f = &features[i];
        if is_title_candidate(texts[i], f, pats[i])
            && f.words >= 2
            && (f.fingerprint == features[0].fingerprint || titles.is_part_of(0, f.fingerprint))
        {
            return first_seen.get(&f.fingerprint).copied();
        }
    }
    // Repeated headline: nearest to the body; the first line with its exact
    // text is the title, the rest duplicates.
    for i in (from..start).rev() {
        let f = &features[i];
        if !is_title_candidate(texts[i], f, pats[i]) || f.words < 2 {
            continue;
        }
        let repeated = first_seen.get(&f.fingerprint).is_some_and(|&j| j != i)
            || titles.is_part_elsewhere(i, f.fingerprint);
        if repeated {
            return first_seen.get(&f.fingerprint).copied();
        }
    }
    // No repeat: the short line right above the body, or the first of two
    // (headline, standfirst) when the second is the longer.
    let mut seen = Vec::with_capacity(2);
    let mut passed_dek = false;
    for i in (start.saturating_sub(TITLE_LOOKBACK_LINES)..start).rev() {
        // Metadata and breadcrumbs sit between headline and body on many
        // pages; any recognised line is skipped, not taken for the title.
        if pats[i].is_some() {
            continue;
        }
        if !is_title_candidate(texts[i], &features[i], pats[i]) {
            break;
        }
        if grades[i] == Grade::Prose {
            // One sentence between headline and body is the dek; more is
            // body that the region left out.
            if seen.is_empty() && !passed_dek {
                passed_dek = true;
                continue;
            }
            break;
        }
        seen.push(i);
        if seen.len() == 2 {
            break;
        }
    }
    match seen.as_slice() {
        [later, earlier] => {
            let (wl, we) = (features[*later].words, features[*earlier].words);
            if we < wl && wl as usize >= STANDFIRST_MIN_WORDS {
                Some(*earlier)
            } else {
                Some(*later)
            }
        }
        [only] => Some(*only),
        _ => None,
    }
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
