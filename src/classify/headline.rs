//! The headline: which line or heading is the article's title, and which
//! lines repeat it.
//!
//! A page states its headline several times: in `<title>` (usually with the
//! site name after a separator: "Headline | The Daily"), in `og:title`, in
//! an `<h1>`, and in scraped text often twice, once from `<title>` at the
//! top and once above the body. Both paths split page titles at the same
//! separators ([`lexicon::TITLE_SEPARATORS`]). Both paths' choices are
//! here: the text path's first, the HTML path's ([`choose_html`]) at the
//! end of the file.

use crate::classify::FingerprintMap;
use crate::classify::patterns::{self, Marks};
use crate::classify::text::Grade;
use crate::lexicon;
use crate::segment::Segment;
use crate::segment::html::Headline;
use crate::textutil::{fingerprint, whitespace_word_count};
use crate::vocab::Features;
use crate::vocab::Reason;
use crate::vocab::{BlockKind, Span};

/// Most words in a headline candidate. The longest headline of the
/// development corpus has 24 words.
pub(crate) const TITLE_MAX_WORDS: usize = 30;

/// How many lines before the body we look for the headline when it is not
/// repeated: the headline sits right above the body, after at most a date,
/// a byline and a standfirst.
pub(crate) const TITLE_LOOKBACK_LINES: usize = 6;

/// How far above the body a repeated headline may sit. Pages put the
/// `<title>` at the very top and the `<h1>` below a long menu; 200 lines
/// covers the longest menu of the development corpus.
pub(crate) const TITLE_MAX_DISTANCE: usize = 200;

/// Fewest words for a standfirst: shorter lines under the headline are
/// kickers, bylines or section labels.
pub(crate) const STANDFIRST_MIN_WORDS: usize = 8;

/// Fingerprints under which a line may repeat the headline: the whole line,
/// and each part of it between title separators (" - ", " | "…), so that
/// the page title "Headline - The Daily" matches the headline "Headline".
pub(crate) struct TitleKeys {
    /// Part fingerprint → first line (within the top of the page) holding it.
    parts: FingerprintMap<Vec<usize>>,
    /// Lines whose parts were indexed: the top of the page.
    limit: usize,
}

/// The text path also splits a title at a colon ("Brexit: what now"):
/// here a part only has to *match* a line, while the HTML path narrows
/// `<title>` to one part, and a colon there cut 99 dragnet-train headlines
/// to their second half ("5 Mistakes and Tips to Avoid"); see
/// [`lexicon::TITLE_SEPARATORS`] for the separators both paths share.
const TEXT_TITLE_SEPARATOR: &str = ": ";

/// Every separator a scraped line's title is split at.
fn text_title_separators() -> impl Iterator<Item = &'static str> {
    lexicon::TITLE_SEPARATORS
        .iter()
        .copied()
        .chain([TEXT_TITLE_SEPARATOR])
}

/// Which of [`text_title_separators`] `text` holds, as bits in their
/// order. Each starts with a space or `": "`; only a space followed by the
/// first byte of a separator's second character, or a colon and a space,
/// is compared with them (test `separators_found_are_those_held`). Those
/// second bytes are found by a table of bytes, one look a byte, not by a
/// match on every pair of bytes (a proptest holds the two ways equal).
pub(super) fn title_separators_in(text: &str) -> u16 {
    /// The first bytes of the separators' second characters.
    const SECOND: [bool; 256] = {
        let mut t = [false; 256];
        let mut k = 0;
        let bytes = [b'-', b'|', b':', b'~', 0xC2, 0xE2];
        while k < bytes.len() {
            t[bytes[k] as usize] = true;
            k += 1;
        }
        t
    };
    let b = text.as_bytes();
    let mut found = 0;
    let mut compare_at = |i: usize| {
        for (k, sep) in text_title_separators().enumerate() {
            if b[i..].starts_with(sep.as_bytes()) {
                found |= 1 << k;
            }
        }
    };
    for (j, &c) in b.iter().enumerate() {
        if !SECOND[usize::from(c)] {
            continue;
        }
        if j > 0 && b[j - 1] == b' ' {
            compare_at(j - 1);
        }
        if c == b':' && b.get(j + 1) == Some(&b' ') {
            compare_at(j);
        }
    }
    found
}

/// Most parts of a page title we index; real titles have two or three.
pub(crate) const TITLE_MAX_PARTS: usize = 4;

/// The lines of a [`TitleKeys`] that hold one key as a part of their
/// title ([`TitleKeys::matcher`]).
pub(crate) struct PartMatcher<'a> {
    lines: &'a [usize],
    limit: usize,
}

impl PartMatcher<'_> {
    /// Whether line `i`, above the body, holds the key as a part.
    pub(crate) fn has_part(&self, i: usize) -> bool {
        i < self.limit && self.lines.contains(&i)
    }
}

impl TitleKeys {
    /// `notes[i]` is what the recognisers noted of line `i`
    /// (`patterns::recognise_noting`): a line without a title separator's
    /// mark holds none.
    pub(crate) fn new(
        texts: &[&str],
        features: &[Features],
        notes: &[Marks],
        start: usize,
    ) -> TitleKeys {
        let mut parts: FingerprintMap<Vec<usize>> = FingerprintMap::default();
        let from = start.saturating_sub(TITLE_MAX_DISTANCE);
        for (i, text) in texts.iter().enumerate().take(start).skip(from) {
            if features[i].words as usize > TITLE_MAX_WORDS * 2
                || notes[i] & patterns::MARK_TITLE_SEP == 0
            {
                continue;
            }
            // Most lines hold no separator.
            let held = title_separators_in(text);
            if held == 0 {
                continue;
            }
            let mut n = 0;
            for (k, sep) in text_title_separators().enumerate() {
                if held & 1 << k == 0 {
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
            for sep in text_title_separators() {
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

    /// Which lines repeat the headline whose fingerprint is `key`: a line
    /// `i` does when `features[i].fingerprint == key` or
    /// `matcher.has_part(i)`. The parts are looked up once for all the
    /// lines asked, not once a line.
    pub(crate) fn matcher(&self, key: u64) -> PartMatcher<'_> {
        PartMatcher {
            lines: self.parts.get(&key).map_or(&[], Vec::as_slice),
            limit: self.limit,
        }
    }

    /// Whether `key` is one of the parts of line `j`.
    pub(crate) fn is_part_of(&self, j: usize, key: u64) -> bool {
        self.parts.get(&key).is_some_and(|v| v.contains(&j))
    }

    /// Whether the line's text appears as a part of another line's title.
    pub(crate) fn is_part_elsewhere(&self, i: usize, key: u64) -> bool {
        self.parts
            .get(&key)
            .is_some_and(|v| v.iter().any(|&j| j != i))
    }
}

pub(crate) fn is_title_candidate(text: &str, f: &Features, pat: Option<Reason>) -> bool {
    let words = f.effective_words();
    pat.is_none() && (1..=TITLE_MAX_WORDS).contains(&words) && !text.ends_with(':')
}

/// The headline's line: a candidate line above the body that another line
/// near the top repeats (exactly, or as a part of the page title), the
/// nearest to the body winning; failing that, the short line right above
/// the body, skipping metadata.
pub(crate) fn find_title(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    start: usize,
    titles: &TitleKeys,
) -> Option<usize> {
    let from = start.saturating_sub(TITLE_MAX_DISTANCE);
    let mut first_seen: FingerprintMap<usize> =
        FingerprintMap::with_capacity_and_hasher(start - from, Default::default());
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

// ---------------------------------------------------------------------------
// The HTML path: `<title>`, `og:title` and the headings.
// ---------------------------------------------------------------------------

/// The parts of a `<title>` text between site-name separators, as byte
/// ranges of the text.
fn title_parts(title: &str) -> Vec<Span> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in lexicon::TITLE_SEPARATORS {
        for (at, _) in title.match_indices(sep) {
            cuts.push((at, at + sep.len()));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (a, b) in cuts {
        if a >= start {
            out.push(Span::new(start, a));
            start = b;
        }
    }
    out.push(Span::new(start, title.len()));
    out.into_iter()
        .map(|p| {
            let t = &title[p];
            let lead = t.len() - t.trim_start().len();
            Span::new(p.start + lead, p.start + lead + t.trim().len())
        })
        .filter(|p| p.end > p.start)
        .collect()
}

fn is_head(s: &Segment<'_>, max: u8) -> bool {
    s.kind == BlockKind::Heading && s.hints.heading_level >= 1 && s.hints.heading_level <= max
}

/// The `<h1>`–`<h3>` that the page's metadata confirms as its headline:
/// the first whose text is the whole `<title>` or `og:title` or one part
/// of either. With `whole_only`, only a whole title counts: a blog's
/// `<h1>` site name matches the site part of "Post title - Blog name" and
/// stands above the post's own heading, which `og:title` names whole; the
/// content choice asks this way. Needs no main content.
pub(crate) fn confirmed_heading(
    segments: &[Segment<'_>],
    title: &str,
    og_title: Option<&str>,
    whole_only: bool,
) -> Option<usize> {
    let mut whole: Vec<u64> = Vec::new();
    let mut parts: Vec<u64> = Vec::new();
    if !title.is_empty() {
        whole.push(fingerprint(title));
        parts.extend(
            title_parts(title)
                .iter()
                .map(|&p| fingerprint(&title[p.start..p.end])),
        );
    }
    if let Some(og) = og_title {
        whole.push(fingerprint(og));
        parts.extend(
            title_parts(og)
                .iter()
                .map(|&p| fingerprint(&og[p.start..p.end])),
        );
    }
    if whole.is_empty() {
        return None;
    }
    let find = |keys: &[u64]| {
        segments
            .iter()
            .position(|s| is_head(s, 3) && keys.contains(&fingerprint(&s.text)))
    };
    if whole_only {
        return find(&whole);
    }
    whole.extend(parts);
    find(&whole)
}

/// Chooses the HTML headline, once the main content is chosen (it reads
/// [`Hints::main`](crate::segment::Hints)): an `<h1>` (or `<h2>`, `<h3>`)
/// that matches the `<title>` or `og:title` (whole or one part); failing
/// that the first `<h1>` of two words or more in or before the main
/// content; failing that the part of `<title>` that `og:title` names, else
/// its longest part. `title` is the first `<title>`'s text, empty when
/// there is none. The segmenter builds the blocks the choice names.
pub(crate) fn choose_html(
    segments: &[Segment<'_>],
    title: &str,
    og_title: Option<&str>,
) -> Headline {
    let tparts = title_parts(title);
    let mut pick = confirmed_heading(segments, title, og_title, false);
    if pick.is_none() {
        // The first real <h1> in or before the main content.
        let first_main = segments
            .iter()
            .position(|s| s.hints.main)
            .unwrap_or(segments.len());
        pick = segments.iter().enumerate().position(|(i, s)| {
            is_head(s, 1)
                && whitespace_word_count(&s.text) >= 2
                && (s.hints.main || i <= first_main)
        });
    }
    if let Some(i) = pick {
        return Headline::Heading(i);
    }
    if title.is_empty() {
        return Headline::None;
    }
    // The part of <title> that is the headline: the one og:title names,
    // else the longest.
    let og_fp = og_title.map(fingerprint);
    let part = tparts
        .iter()
        .copied()
        .find(|&p| Some(fingerprint(&title[p.start..p.end])) == og_fp)
        .or_else(|| {
            // On a tie the first part wins: "Headline | Section | Site".
            tparts
                .iter()
                .copied()
                .rev()
                .max_by_key(|p| title[p.start..p.end].chars().count())
        })
        .unwrap_or(Span::new(0, title.len()));
    Headline::TitlePart(part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_found_are_those_held() {
        assert!(text_title_separators().count() <= 16);
        let seps: Vec<&str> = text_title_separators().collect();
        for (k, sep) in seps.iter().enumerate() {
            for text in [sep.to_string(), format!("a{sep}b"), format!("x :: y{sep}")] {
                let held = title_separators_in(&text);
                for (j, other) in seps.iter().enumerate() {
                    assert_eq!(
                        held & 1 << j != 0,
                        text.contains(other),
                        "{text:?} {other:?}"
                    );
                }
                assert!(held & 1 << k != 0, "{sep:?}");
            }
        }
        assert_eq!(title_separators_in("Home News Sport"), 0);
    }

    proptest::proptest! {
        /// The two `memchr3` passes find what a look at every pair of
        /// bytes finds.
        #[test]
        fn separators_by_memchr_are_those_of_every_pair(
            text in "[ a:|~\\-\u{2013}\u{2014}\u{b7}\u{2022}\u{bb}\u{e9}]{0,14}"
        ) {
            let b = text.as_bytes();
            let mut want = 0u16;
            for (i, w) in b.windows(2).enumerate() {
                if matches!(w, [b' ', b'-' | b'|' | b':' | b'~' | 0xC2 | 0xE2] | [b':', b' ']) {
                    for (k, sep) in text_title_separators().enumerate() {
                        if b[i..].starts_with(sep.as_bytes()) {
                            want |= 1 << k;
                        }
                    }
                }
            }
            proptest::prop_assert_eq!(title_separators_in(&text), want);
        }
    }
}
