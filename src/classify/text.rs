//! The classifier for plain text scraped from a page.
//!
//! A scraper that flattens a news page hands over one block per line: the
//! menus, the headline (often twice, once from `<title>`), the date, the
//! article, then teasers, footers and more menus. We decide in four passes,
//! each linear in the number of lines:
//!
//! 1. **Per line**: the text-only recognisers of [`patterns`] say what a line
//!    is when its text alone tells ("Previous Story", "2 mins read"), and the
//!    line's features grade it as prose, a sentence fragment, or a short
//!    line, the way jusText grades paragraphs.
//! 2. **Main region**: each line gets a weight (prose positive, in proportion
//!    to its length; short lines, repeats and recognised clutter negative),
//!    and the article is the contiguous run of lines with the largest total
//!    weight (Kadane's maximum-sum subarray). A short subheading between two
//!    paragraphs costs less than the paragraphs bring, so it stays inside;
//!    a menu of thirty short lines costs more than any teaser brings, so the
//!    region stops at it.
//! 3. **Head**: before the region we look for the headline (a line repeated
//!    near the top, or the part of the page title that reappears, or the
//!    short line right before the body), its duplicates, the standfirst,
//!    and the metadata lines.
//! 4. **Tail**: after the region a small state machine names the clutter:
//!    after "Previous Story" the next line is the other story's headline,
//!    after a section header ("Latest from …", "Don't Miss") the lines are
//!    teasers, a repeated line or a date after a headline starts a teaser
//!    list.

use std::collections::HashMap;

use crate::classify::{Context, patterns, rejoin};
use crate::segment::Segment;
use crate::vocab::Features;
use crate::vocab::Reason;

/// Fewest words for a line that ends like a sentence to count as prose. On
/// the development pages, teaser blurbs and captions run 8–15 words and body
/// paragraphs rarely under 12; with 10 the short last lines of teaser lists
/// ("Read the full story.") stopped pulling the region into the footer.
const PROSE_MIN_WORDS: usize = 12;

/// Fewest words for a line to count as prose even without sentence-final
/// punctuation: paragraphs that end in a quote without a full stop, a colon
/// before a list, or a truncated scrape. Headlines stay under 30 words.
const PROSE_LONG_WORDS: usize = 30;

/// Fewest words for a sentence-like line to weigh positively at all.
const FRAGMENT_MIN_WORDS: usize = 4;

/// Least share of stop words for a line to count as prose, in documents
/// whose language has a stop-word list. Body paragraphs score 0.25–0.5 with
/// our short lists; title-case headlines and menus 0–0.15.
const PROSE_MIN_STOP_RATIO: f32 = 0.12;

/// Least share of stop words over a document's long lines for us to trust
/// the stop-word test at all. Korean and Japanese have no list, so their
/// prose would otherwise look like a headline.
const STOP_LANGUAGE_MIN_RATIO: f32 = 0.06;

/// Weight of a line made of recognised clutter (navigation, promo, date…),
/// and of a line repeated elsewhere in the page. High enough that a teaser
/// group (headline, date, repeated headline, blurb) weighs less than zero
/// however long its blurb, so the region does not run into teaser lists.
const CLUTTER_WEIGHT: f32 = -12.0;

/// Weight of a line that ends an article wherever it stands: the head of
/// a comment section or comment form, a section header over teasers, the
/// "Previous Story" arrows, a copyright footer, an author box. Comment
/// threads and teaser blurbs are prose, and on the development pages a
/// thread of a dozen comments outweighed the ordinary clutter penalty
/// and pulled the region over the comments; a barrier has to cost more
/// than a long comment brings.
const BARRIER_WEIGHT: f32 = -60.0;

/// Weight of a section header over teasers ("Related", "Don't Miss").
/// Not a barrier: tabloids set "DON'T MISS" boxes of three headlines in
/// the middle of the article, and a barrier there cut the article in two.
/// Twice the clutter weight, so that after the article the header and its
/// headlines outweigh a teaser blurb.
const HEADER_WEIGHT: f32 = 2.0 * CLUTTER_WEIGHT;

/// Most lines after a section header that we take for its teasers when
/// the body does not resume: the longest teaser list of the development
/// pages has 12 entries of up to three lines.
const TEASER_SPAN_MAX: usize = 40;

/// Prose words above a section header for it to mark teasers (see
/// [`mark_teasers`]): two short paragraphs.
const TEASER_MIN_PROSE_ABOVE: usize = 40;

/// Most words of the name line after a bare "By" line.
const BYLINE_NAME_MAX_WORDS: usize = 6;

/// Most words of a caption above a credit line; a longer line above a
/// credit is a paragraph that happens to precede a photo.
const CAPTION_MAX_WORDS: usize = 40;

/// Weight of a short line that is not prose: a menu entry, a headline, a
/// subheading. Small, so one or two subheadings inside the article do not
/// split it, but a menu of a dozen entries does.
const SHORT_WEIGHT: f32 = -3.0;

/// Weight per word of a sentence fragment (4–11 words ending like a
/// sentence): positive but small, so a lone short quote keeps its place
/// but a run of blurbs does not outweigh the menus around it.
const FRAGMENT_WEIGHT_PER_WORD: f32 = 0.3;

/// Most words in a headline candidate. The longest headline of the
/// development corpus has 24 words.
const TITLE_MAX_WORDS: usize = 30;

/// How many lines before the body we look for the headline when it is not
/// repeated: the headline sits right above the body, after at most a date,
/// a byline and a standfirst.
const TITLE_LOOKBACK_LINES: usize = 6;

/// How far above the body a repeated headline may sit. Pages put the
/// `<title>` at the very top and the `<h1>` below a long menu; 200 lines
/// covers the longest menu of the development corpus.
const TITLE_MAX_DISTANCE: usize = 200;

/// Fewest words for a standfirst: shorter lines under the headline are
/// kickers, bylines or section labels.
const STANDFIRST_MIN_WORDS: usize = 8;

/// How many lines into the region we look for metadata (byline, date) that
/// shows the region's first lines are the standfirst, not the body.
const STANDFIRST_LOOKAHEAD: usize = 4;

/// Most words of a line that a run of short lines inside the region counts
/// as a menu entry.
const MENU_ENTRY_MAX_WORDS: usize = 3;

/// Fewest consecutive menu entries inside the region that make a menu
/// rather than a list or subheading.
const MENU_MIN_RUN: usize = 4;

/// Most words of an unrecognised short line after the body that we call
/// navigation rather than a teaser headline.
const NAV_MAX_WORDS: usize = 4;

/// How we grade a line by itself.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Grade {
    /// Running prose: long and sentence-like.
    Prose,
    /// A short sentence: a quote, a one-line paragraph, a blurb.
    Fragment,
    /// A short line that is not a sentence: heading, menu entry, headline.
    Short,
    /// Recognised clutter or a repeated line.
    Clutter,
    /// Clutter that closes an article (see [`BARRIER_WEIGHT`]).
    Barrier,
    /// A section header over teasers (see [`HEADER_WEIGHT`]).
    Header,
}

pub(crate) fn classify(
    segments: &[Segment<'_>],
    features: &[Features],
    _ctx: &Context,
) -> Vec<Option<Reason>> {
    let line_pats: Vec<Option<Reason>> = segments.iter().map(|s| recognise(&s.text)).collect();
    let runs = rejoin::runs(segments);
    if runs.len() == segments.len() {
        let texts: Vec<&str> = segments.iter().map(|s| &*s.text).collect();
        let gaps: Vec<bool> = segments.iter().map(|s| s.gap_before).collect();
        return classify_lines(&texts, &gaps, features, line_pats);
    }
    // Judge each paragraph split across lines once, on its joined text (see
    // [`rejoin`]), and hand its decision to every line of it. Lines that
    // stand alone keep their features; only the joined ones are measured,
    // and repeats are counted again over the new lines.
    let mut joined: Vec<Segment<'_>> = Vec::new();
    for run in runs.iter().filter(|r| r.len() > 1) {
        let first = &segments[run.start];
        let mut text = String::new();
        for s in &segments[run.clone()] {
            if !text.is_empty() && !s.text.starts_with(rejoin::starts_glued) {
                text.push(' ');
            }
            text.push_str(&s.text);
        }
        joined.push(Segment {
            text: text.into(),
            kind: first.kind,
            span: crate::vocab::Span::new(first.span.start, segments[run.end - 1].span.end),
            sources: Vec::new(),
            gap_before: first.gap_before,
            hints: crate::segment::Hints::default(),
        });
    }
    let measured = crate::features::compute(&joined);
    let mut texts: Vec<&str> = Vec::with_capacity(runs.len());
    let mut pats: Vec<Option<Reason>> = Vec::with_capacity(runs.len());
    let mut gaps: Vec<bool> = Vec::with_capacity(runs.len());
    let mut line_features: Vec<Features> = Vec::with_capacity(runs.len());
    let mut next_joined = 0;
    for run in &runs {
        let first = &segments[run.start];
        gaps.push(first.gap_before);
        if run.len() == 1 {
            texts.push(&first.text);
            pats.push(line_pats[run.start]);
            line_features.push(features[run.start].clone());
        } else {
            texts.push(&joined[next_joined].text);
            pats.push(recognise(&joined[next_joined].text));
            line_features.push(measured[next_joined].clone());
            next_joined += 1;
        }
    }
    let mut counts: HashMap<u64, u32> = HashMap::with_capacity(line_features.len());
    for f in &line_features {
        *counts.entry(f.fingerprint).or_insert(0) += 1;
    }
    for f in &mut line_features {
        f.repeats = counts[&f.fingerprint] - 1;
    }
    let decisions = classify_lines(&texts, &gaps, &line_features, pats);
    let mut out = Vec::with_capacity(segments.len());
    for (run, decision) in runs.iter().zip(decisions) {
        out.extend(std::iter::repeat_n(decision, run.len()));
    }
    out
}

/// What the recognisers of [`patterns`] say a line is, past its list marker.
fn recognise(text: &str) -> Option<Reason> {
    patterns::recognise(without_list_marker(text))
}

/// The decisions for lines judged one by one: `texts[i]` is line `i`,
/// `gaps[i]` whether blank lines stood above it, `pats[i]` what
/// [`recognise`] says it is.
fn classify_lines(
    texts: &[&str],
    gaps: &[bool],
    features: &[Features],
    mut pats: Vec<Option<Reason>>,
) -> Vec<Option<Reason>> {
    let n = texts.len();
    let mut out: Vec<Option<Reason>> = vec![None; n];
    if n == 0 {
        return out;
    }
    // The name after a bare "By" line is the rest of the byline.
    for i in 1..n {
        if pats[i - 1] == Some(Reason::Byline)
            && patterns::is_bare_by(texts[i - 1])
            && pats[i].is_none()
            && features[i].effective_words() <= BYLINE_NAME_MAX_WORDS
        {
            pats[i] = Some(Reason::Byline);
        }
    }
    let stop_language = uses_stop_words(features);
    let dek_repeats = dek_repeats(features);
    let grades: Vec<Grade> = (0..n)
        .map(|i| {
            grade(
                texts[i],
                &features[i],
                pats[i],
                stop_language,
                dek_repeats[i],
            )
        })
        .collect();

    let mut grades = grades;
    // A first region, before teaser spans, tells where the article starts:
    // headers above it are menu entries.
    if let Some((first_start, _)) = main_region(&grades, features) {
        mark_teasers(&mut grades, features, first_start);
    }
    let Some((start, end)) = main_region(&grades, features) else {
        // Nothing looks like prose: keep every line that no recogniser
        // claimed, since dropping all of a short input is worse than
        // keeping a stray line.
        return pats;
    };

    let end = cut_at_thread(texts, features, &pats, &grades, start, end);
    let end = extend_over_list(texts, features, &pats, end);

    // Head: title, duplicates, standfirst, metadata.
    let titles = TitleKeys::new(texts, features, start);
    let title = find_title(texts, features, &pats, &grades, start, &titles);
    let mut body_start = start;
    if let Some(t) = title {
        out[t] = Some(Reason::Title);
        let key = features[t].fingerprint;
        for (i, slot) in out.iter_mut().enumerate().take(end + 1) {
            if i != t && titles.matches(i, key, features) {
                *slot = Some(Reason::DuplicateTitle);
            }
        }
        body_start = standfirst(features, &pats, &grades, t, start, end, &mut out);
    }
    for i in 0..body_start {
        if out[i].is_none() {
            out[i] = Some(pats[i].unwrap_or_else(|| head_reason(&features[i])));
        }
    }

    // Region: body, except recognised clutter and menus.
    label_region(texts, features, &pats, &grades, body_start, end, &mut out);
    label_region_end(texts, features, body_start, end, &mut out);

    // Tail: name the clutter after the article.
    label_tail(texts, features, &pats, gaps, end + 1, &mut out);
    out
}

/// The line without the bullet or number a scraper set before a list item
/// ("* ", "+ ", "• ", "12. "): inscriptis writes every `<li>` so, and
/// "* Click to share on Facebook" or "1. thelastchargersfan says:" must be
/// recognised as the share button and comment header they are. On
/// zyte-inscriptis the share rows and the numbered comment headers of a
/// thread were all kept.
fn without_list_marker(text: &str) -> &str {
    /// Most digits of an item number; longer numbers are years or counts.
    const ITEM_NUMBER_MAX_DIGITS: usize = 3;
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = if (1..=ITEM_NUMBER_MAX_DIGITS).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
    {
        digits + 1
    } else {
        match text.chars().next() {
            Some(c @ ('*' | '+' | '•' | '·' | '▪' | '◦' | '‣' | '-' | '–')) => {
                c.len_utf8()
            }
            _ => return text,
        }
    };
    match text[marker..].strip_prefix(' ') {
        Some(rest) if !rest.trim_start().is_empty() => rest.trim_start(),
        _ => text,
    }
}

/// For each line, whether it is the second of exactly two copies of a
/// sentence whose first copy stands at most [`DEK_REPEAT_MAX_DISTANCE`]
/// lines above: a standfirst repeated as the first paragraph.
fn dek_repeats(features: &[Features]) -> Vec<bool> {
    let mut first: HashMap<u64, usize> = HashMap::new();
    features
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if f.repeats != 1 || !f.ends_sentence || f.effective_words() < PROSE_MIN_WORDS {
                return false;
            }
            match first.get(&f.fingerprint) {
                Some(&j) => i - j <= DEK_REPEAT_MAX_DISTANCE,
                None => {
                    first.insert(f.fingerprint, i);
                    false
                }
            }
        })
        .collect()
}

/// How far below the standfirst its repeat in the body may stand.
const DEK_REPEAT_MAX_DISTANCE: usize = 15;

/// Whether the line is the text or the attribution of an embedded tweet.
fn is_tweet_part(text: &str) -> bool {
    let attribution = (text.starts_with('—') || text.starts_with("- ")) && text.contains("(@");
    attribution || (text.len() <= patterns::MAX_PATTERN_BYTES && text.contains("pic.twitter.com/"))
}

/// Whether the document's language is one our stop-word lists cover,
/// judged over its longer lines.
fn uses_stop_words(features: &[Features]) -> bool {
    const LONG_LINE_WORDS: u32 = 10;
    let (mut stop, mut words) = (0u64, 0u64);
    for f in features.iter().filter(|f| f.words >= LONG_LINE_WORDS) {
        stop += u64::from(f.stop_words);
        words += u64::from(f.words - f.unspaced_words);
    }
    words > 0 && stop as f32 / words as f32 >= STOP_LANGUAGE_MIN_RATIO
}

fn grade(
    text: &str,
    f: &Features,
    pat: Option<Reason>,
    stop_language: bool,
    dek_repeat: bool,
) -> Grade {
    let barrier = match pat {
        Some(Reason::Comments | Reason::SourceFooter | Reason::Boilerplate) => true,
        Some(Reason::Navigation) => patterns::is_prev_next(text),
        _ => false,
    };
    if barrier || patterns::is_comment_action(text) || patterns::is_comment_signature(text) {
        return Grade::Barrier;
    }
    if pat == Some(Reason::RelatedStories) {
        return Grade::Header;
    }
    let words = f.effective_words();
    if pat.is_some() {
        return Grade::Clutter;
    }
    // A repeated line is a teaser headline, a menu entry or a gallery
    // caption, except the second copy of a sentence set a few lines above
    // it: the standfirst repeated as the first paragraph (Sky News does
    // this).
    if f.repeats > 0 && !dek_repeat {
        return Grade::Clutter;
    }
    let stop_ok =
        !stop_language || f.unspaced_words > 0 || f.stop_word_ratio() >= PROSE_MIN_STOP_RATIO;
    let truncated = text.ends_with("...") || text.ends_with('…');
    if stop_ok && f.ends_sentence && !truncated && words >= PROSE_MIN_WORDS {
        return Grade::Prose;
    }
    // A long line without a full stop is prose when it ends in a quote,
    // bracket or colon; when it ends in a letter it is a teaser cut off at
    // a character limit ("…the primary goal of"), which is how teaser
    // lists under the article looked like prose to the simpler rule.
    // An embedded tweet: its text ends in a picture link, its attribution
    // line ("— Rep. Jane Doe (@janedoe) November 19, 2019") is short. Both
    // are part of the story; graded as fragments they stay inside it.
    if is_tweet_part(text) {
        return Grade::Fragment;
    }
    let cut = text.ends_with(|c: char| c.is_alphanumeric());
    if stop_ok && words >= PROSE_LONG_WORDS && !cut && !truncated {
        return Grade::Prose;
    }
    if f.ends_sentence && !truncated && words >= FRAGMENT_MIN_WORDS {
        return Grade::Fragment;
    }
    Grade::Short
}

/// The lines under a section header up to where two prose lines in a row
/// show the body resuming: the header's teasers. We grade them clutter, so
/// that a list of headline-and-blurb pairs under "Top stories" weighs
/// negative although every blurb is a sentence, while an in-article "DON'T
/// MISS" box of three headlines costs only its own lines.
///
/// Only headers below the start of the article (`from`, found by a first
/// pass without teaser spans) and below some of its prose count: menus at
/// the top of the page hold "Trending" and "Yahoo Browns News" entries too,
/// and marking the forty lines under them wiped out the start of an
/// article made of headline-and-paragraph deal items, or of stats tables.
fn mark_teasers(grades: &mut [Grade], features: &[Features], from: usize) {
    let mut prose_words = 0;
    let mut i = from;
    while i < grades.len() {
        if grades[i] == Grade::Prose {
            prose_words += features[i].effective_words();
        }
        if grades[i] != Grade::Header || prose_words < TEASER_MIN_PROSE_ABOVE {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < grades.len()
            && j - i <= TEASER_SPAN_MAX
            && grades[j] != Grade::Header
            && !(grades[j] == Grade::Prose && grades.get(j + 1) == Some(&Grade::Prose))
        {
            if grades[j] != Grade::Barrier {
                grades[j] = Grade::Clutter;
            }
            j += 1;
        }
        i = j;
    }
}

fn weight(g: Grade, f: &Features) -> f32 {
    match g {
        Grade::Prose => f.effective_words() as f32,
        Grade::Fragment => f.effective_words() as f32 * FRAGMENT_WEIGHT_PER_WORD,
        Grade::Short => SHORT_WEIGHT,
        Grade::Clutter => CLUTTER_WEIGHT,
        Grade::Barrier => BARRIER_WEIGHT,
        Grade::Header => HEADER_WEIGHT,
    }
}

/// The article's run of lines, as inclusive indices; `None` when no line
/// weighs positively.
///
/// Kadane's scan splits the page into runs wherever the running sum drops
/// to zero; each run has a best sub-run. The heaviest of them is the
/// maximum-weight region, but we take the *first* run that weighs at least
/// [`RIVAL_SHARE`] of the heaviest: comment threads and teaser lists come
/// after the article, and on a forum-like page a long thread below a
/// barrier outweighed the article above it.
fn main_region(grades: &[Grade], features: &[Features]) -> Option<(usize, usize)> {
    let mut runs: Vec<(f32, usize, usize)> = Vec::new();
    let mut current: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut from = 0;
    for (i, (&g, f)) in grades.iter().zip(features).enumerate() {
        if sum <= 0.0 {
            if let Some(run) = current.take() {
                runs.push(run);
            }
            sum = 0.0;
            from = i;
        }
        sum += weight(g, f);
        if sum > 0.0 && current.is_none_or(|(b, _, _)| sum > b) {
            current = Some((sum, from, i));
        }
    }
    if let Some(run) = current {
        runs.push(run);
    }
    let best = runs.iter().map(|r| r.0).fold(0.0f32, f32::max);
    // Runs are disjoint, so counting their prose lines is linear.
    let prose_lines =
        |s: usize, e: usize| grades[s..=e].iter().filter(|&&g| g == Grade::Prose).count();
    runs.iter()
        .find(|r| {
            r.0 >= best
                || (r.0 >= best * RIVAL_SHARE && prose_lines(r.1, r.2) >= RIVAL_MIN_PROSE_LINES)
        })
        .map(|&(_, s, e)| (s, e))
}

/// Prose lines an earlier run needs to be preferred over a heavier later
/// one: a single long quote in a sidebar above the article is no article.
const RIVAL_MIN_PROSE_LINES: usize = 3;

/// Share of the heaviest run's weight that an earlier run needs to be taken
/// for the article instead (see [`main_region`]).
const RIVAL_SHARE: f32 = 0.5;

/// Fingerprints under which a line may repeat the headline: the whole line,
/// and each part of it between title separators (" - ", " | "…), so that
/// the page title "Headline - The Daily" matches the headline "Headline".
struct TitleKeys {
    /// Part fingerprint → first line (within the top of the page) holding it.
    parts: HashMap<u64, Vec<usize>>,
    /// Lines whose parts were indexed: the top of the page.
    limit: usize,
}

/// Separators between a headline and the site name in page titles.
const TITLE_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " :: ", " · ", " • ", ": "];

/// Most parts of a page title we index; real titles have two or three.
const TITLE_MAX_PARTS: usize = 4;

impl TitleKeys {
    fn new(texts: &[&str], features: &[Features], start: usize) -> TitleKeys {
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
    fn matches(&self, i: usize, key: u64, features: &[Features]) -> bool {
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

fn is_title_candidate(text: &str, f: &Features, pat: Option<Reason>) -> bool {
    let words = f.effective_words();
    pat.is_none() && (1..=TITLE_MAX_WORDS).contains(&words) && !text.ends_with(':')
}

/// Metadata that may stand between the headline and the body.
fn is_meta(pat: Option<Reason>) -> bool {
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
fn find_title(
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
fn standfirst(
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
fn head_reason(f: &Features) -> Reason {
    if f.effective_words() <= NAV_MAX_WORDS {
        Reason::Navigation
    } else {
        Reason::Boilerplate
    }
}

/// Inside the region every line is body except recognised clutter, menus
/// (runs of very short lines), the headline after "Previous Story" and the
/// teasers after a section header.
fn label_region(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    start: usize,
    end: usize,
    out: &mut [Option<Reason>],
) {
    let mut i = start;
    while i <= end {
        if out[i].is_some() {
            i += 1;
            continue;
        }
        if let Some(r) = pats[i] {
            out[i] = Some(r);
            // The line above a credit line is its caption.
            if r == Reason::Caption
                && i > start
                && out[i - 1].is_none()
                && features[i - 1].effective_words() <= CAPTION_MAX_WORDS
                && patterns::is_credit(texts[i])
            {
                out[i - 1] = Some(Reason::Caption);
            }
            if r == Reason::Navigation && patterns::is_prev_next(texts[i]) {
                // Bounded, so a page of arrows stays linear.
                let look = (i + 4).min(end);
                if let Some(next) = (i + 1..=look).find(|&j| out[j].is_none())
                    && pats[next].is_none()
                    && grades[next] != Grade::Prose
                {
                    out[next] = Some(Reason::Navigation);
                }
            }
            if r == Reason::RelatedStories {
                // Teasers follow until prose resumes.
                let mut j = i + 1;
                while j <= end && grades[j] != Grade::Prose {
                    if out[j].is_none() {
                        out[j] = Some(pats[j].unwrap_or(Reason::RelatedStories));
                    }
                    j += 1;
                }
                i = j;
                continue;
            }
            i += 1;
            continue;
        }
        // A run of very short lines is a menu or share bar.
        let run_end = (i..=end)
            .take_while(|&j| {
                grades[j] != Grade::Prose
                    && grades[j] != Grade::Fragment
                    && features[j].effective_words() <= MENU_ENTRY_MAX_WORDS
            })
            .last();
        if let Some(last) = run_end
            && last + 1 - i >= MENU_MIN_RUN
        {
            for slot in &mut out[i..=last] {
                slot.get_or_insert(Reason::Navigation);
            }
            i = last + 1;
            continue;
        }
        if matches!(grades[i], Grade::Clutter | Grade::Barrier | Grade::Header) {
            // A repeated short line inside the article: a repeated
            // subheading is rare, a repeated teaser headline common.
            out[i] = Some(Reason::RelatedStories);
        }
        i += 1;
    }
}

/// Whether a line looks like an item of a list of dates, places or
/// results: it starts with a digit, a bullet or a month name, and is no
/// paragraph.
fn is_list_item(text: &str, f: &Features) -> bool {
    const ITEM_MAX_WORDS: usize = 25;
    if f.effective_words() > ITEM_MAX_WORDS || f.repeats > 0 {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() || matches!(first, '•' | '·' | '▪' | '◦' | '‣' | '–' | '-' | '*')
    {
        return true;
    }
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    crate::lexicon::is_month_word(&word)
}

/// Extends the region over a list that closes the article: an intro line
/// ("Tour dates:") and at least [`LIST_MIN_ITEMS`] items right under the
/// last paragraph. Short items weigh negative, so the region alone stops
/// above them; tour dates and results tables were the body's last third on
/// the development pages. A list behind a recognised line (a "Most read"
/// header) is not the article's.
fn extend_over_list(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    end: usize,
) -> usize {
    let n = texts.len();
    let mut i = end + 1;
    if i < n && pats[i].is_none() && !is_list_item(texts[i], &features[i]) {
        // The intro line, a short heading or a line ending in a colon.
        if features[i].effective_words() > PROSE_MIN_WORDS && !texts[i].ends_with(':') {
            return end;
        }
        i += 1;
    }
    let first_item = i;
    while i < n
        && i - first_item < LIST_MAX_ITEMS
        && matches!(pats[i], None | Some(Reason::Date))
        && is_list_item(texts[i], &features[i])
    {
        i += 1;
    }
    if i - first_item >= LIST_MIN_ITEMS {
        i - 1
    } else {
        end
    }
}

/// Ends the region above the first comment header ("156 Responses to …",
/// "Comments (28)") that follows [`THREAD_MIN_PROSE_ABOVE`] words of prose
/// inside it. A header weighs as a barrier, but a long thread below it
/// outweighs any barrier, and on 57 pages of dragnet-train-text the region
/// ran on across the header into the thread. A comment count in the
/// byline, above the body, has little prose above it and stays inside.
fn cut_at_thread(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    start: usize,
    end: usize,
) -> usize {
    let mut prose_words = 0;
    for i in start..=end {
        let header = pats[i] == Some(Reason::Comments) || patterns::is_thread_count(texts[i]);
        if header && prose_words >= THREAD_MIN_PROSE_ABOVE {
            return i - 1;
        }
        if grades[i] == Grade::Prose {
            prose_words += features[i].effective_words();
        }
    }
    end
}

/// Prose words the region holds above a comment header for the header to
/// end it (see [`cut_at_thread`]): a short post of two or three paragraphs.
const THREAD_MIN_PROSE_ABOVE: usize = 80;

/// Fewest items for [`extend_over_list`]: two could be a teaser and its
/// date.
const LIST_MIN_ITEMS: usize = 3;

/// Most items [`extend_over_list`] takes; past that it is a table of data
/// the page carries besides the article.
const LIST_MAX_ITEMS: usize = 100;

/// The article's last lines: an author's biography ("Jane Doe is a staff
/// writer…") closes many articles and is no part of the story; links to
/// other stories set in capitals ("TAYLOR SWIFT CLEARED TO PERFORM AT
/// AMAS") sit between paragraphs anywhere.
fn label_region_end(
    texts: &[&str],
    features: &[Features],
    start: usize,
    end: usize,
    out: &mut [Option<Reason>],
) {
    let mut body_seen = 0;
    for i in (start..=end).rev() {
        if out[i].is_some() {
            continue;
        }
        if body_seen < BIO_LAST_LINES && patterns::is_author_bio(texts[i]) {
            out[i] = Some(Reason::Byline);
        }
        body_seen += 1;
    }
    for i in start..=end {
        if out[i].is_none() && is_shouted_link(texts[i], &features[i]) {
            out[i] = Some(Reason::RelatedStories);
        }
    }
}

/// How many of the article's last body lines we test for an author bio.
const BIO_LAST_LINES: usize = 3;

/// A line of capitals with no sentence end: a link to another story, the
/// way tabloid and cable-news sites set them between paragraphs. Shorter
/// lines of capitals are subheadings ("THE GOOD NEWS"), which we keep.
fn is_shouted_link(text: &str, f: &Features) -> bool {
    // Seven-word subheadings in capitals ("HOW TO USE A WATER BATH
    // CANNER") are common in how-to articles; links run longer.
    const SHOUT_MIN_WORDS: usize = 8;
    f.effective_words() >= SHOUT_MIN_WORDS
        && f.cased_words >= SHOUT_MIN_WORDS as u32
        && !f.ends_sentence
        && text.len() <= patterns::MAX_PATTERN_BYTES
        && !text.chars().any(char::is_lowercase)
}

/// Names the clutter after the article.
fn label_tail(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    gaps: &[bool],
    from: usize,
    out: &mut [Option<Reason>],
) {
    let mut teasers = false;
    let mut after_arrow = false;
    for i in from..texts.len() {
        if out[i].is_some() {
            continue;
        }
        let pat = pats[i];
        if after_arrow {
            after_arrow = false;
            if pat.is_none() {
                out[i] = Some(Reason::Navigation);
                continue;
            }
        }
        let reason = match pat {
            Some(Reason::Navigation) if patterns::is_prev_next(texts[i]) => {
                after_arrow = true;
                Reason::Navigation
            }
            Some(Reason::RelatedStories) => {
                teasers = true;
                Reason::RelatedStories
            }
            Some(Reason::Date) => {
                // A date set right under a headline, with no blank line
                // between, dates a teaser, not the article; after a blank
                // line it is a stamp of its own ("Published: …").
                let under_headline = i > from && pats[i - 1].is_none() && !gaps[i];
                if teasers || under_headline {
                    teasers = true;
                    Reason::RelatedStories
                } else {
                    Reason::Date
                }
            }
            Some(r) => r,
            None if features[i].repeats > 0 => {
                teasers = true;
                Reason::RelatedStories
            }
            None if teasers => Reason::RelatedStories,
            None if features[i].effective_words() <= NAV_MAX_WORDS => Reason::Navigation,
            None if features[i].ends_sentence => Reason::Boilerplate,
            None => Reason::RelatedStories,
        };
        out[i] = Some(reason);
    }
}
