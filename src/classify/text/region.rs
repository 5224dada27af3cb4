//! Pass 2: the main region (the run of lines with the largest total
//! weight), where it ends, and the labels of the lines inside it.

use super::grade::PROSE_MIN_WORDS;
use super::tail::is_shouted_link;
use super::{BARRIER_WEIGHT, Grade, HEADER_WEIGHT};
use crate::classify::headline::TitleKeys;
use crate::classify::patterns::Marks;
use crate::classify::{FingerprintMap, patterns};
use crate::vocab::Features;
use crate::vocab::Reason;

/// Weight of a line made of recognised clutter (navigation, promo, date…),
/// and of a line repeated elsewhere in the page. High enough that a teaser
/// group (headline, date, repeated headline, blurb) weighs less than zero
/// however long its blurb, so the region does not run into teaser lists.
pub(super) const CLUTTER_WEIGHT: f32 = -12.0;

/// Most words of a caption above a credit line; a longer line above a
/// credit is a paragraph that happens to precede a photo.
pub(super) const CAPTION_MAX_WORDS: usize = 40;

/// Weight of a short line that is not prose: a menu entry, a headline, a
/// subheading. Small, so one or two subheadings inside the article do not
/// split it, but a menu of a dozen entries does.
pub(super) const SHORT_WEIGHT: f32 = -3.0;

/// Weight per word of a sentence fragment (4–11 words ending like a
/// sentence): positive but small, so a lone short quote keeps its place
/// but a run of blurbs does not outweigh the menus around it.
pub(super) const FRAGMENT_WEIGHT_PER_WORD: f32 = 0.3;

/// Most words of a line that a run of short lines inside the region counts
/// as a menu entry.
pub(super) const MENU_ENTRY_MAX_WORDS: usize = 3;

/// Fewest consecutive menu entries inside the region that make a menu
/// rather than a list or subheading.
pub(super) const MENU_MIN_RUN: usize = 4;

pub(super) fn weight(g: Grade, f: &Features) -> f32 {
    // A weight per word and one per line, by grade, one of the two zero:
    // the sum is the weight exactly (`w * 1.0 + 0.0` is `w`, `0.0 * w + c`
    // is `c`; test `weight_by_table_is_by_grade`), without the jump on the
    // grade that the main region's scan mispredicted line after line.
    const PER_WORD: [f32; 6] = [1.0, FRAGMENT_WEIGHT_PER_WORD, 0.0, 0.0, 0.0, 0.0];
    const PER_LINE: [f32; 6] = [
        0.0,
        0.0,
        SHORT_WEIGHT,
        CLUTTER_WEIGHT,
        BARRIER_WEIGHT,
        HEADER_WEIGHT,
    ];
    let k = g as usize;
    PER_WORD[k] * f.effective_words() as f32 + PER_LINE[k]
}

/// [`weight`] as a choice by grade: the reference of its table.
#[cfg(test)]
fn weight_by_grade(g: Grade, f: &Features) -> f32 {
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
/// maximum-weight region, but comment threads, teaser lists and sidebars
/// come after the article, and on forum-like pages a long thread below the
/// article outweighed it; so an earlier run that weighs at least
/// [`RIVAL_SHARE`] of the heaviest is taken instead when the evidence says
/// the heaviest is no article (see [`rival_wins`]).
pub(super) fn main_region(
    pats: &[Option<Reason>],
    grades: &[Grade],
    features: &[Features],
) -> Option<(usize, usize)> {
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
    let &(_, best_start, best_end) = runs.iter().find(|r| r.0 >= best)?;
    let heaviest = Heaviest {
        weight: best,
        body: longest_prose_streak(&grades[best_start..=best_end]) >= BODY_MIN_STREAK,
        last_closer: (0..best_start)
            .rev()
            .find(|&i| closes_article(grades[i], pats[i])),
    };
    let chosen = runs
        .iter()
        .find(|r| r.0 >= best || rival_wins(r, &heaviest, grades, features))
        .map(|&(_, s, e)| (s, e))?;
    if chosen.0 == best_start
        && let Some(post) = post_above_thread(&runs, (best, best_start, best_end), pats, grades)
    {
        return Some(post);
    }
    Some(chosen)
}

/// Whether line `i` belongs to a comment thread: a comment header ("Alex
/// on September 17, 2018 at 6:34 am said:"), an action row under a
/// comment ("Reply to This Parent Share") or a comment's signature.
fn is_thread_line(grade: Grade, pat: Option<Reason>) -> bool {
    grade == Grade::Barrier && matches!(pat, None | Some(Reason::Comments))
}

/// The post above a comment thread that outweighs it. When the heaviest
/// run stands below the thread's first line (see [`is_thread_line`]) and
/// holds thread lines itself, it is a stretch of comments; the article is
/// then the last run that ends above the thread and holds a prose
/// paragraph, however short: an open thread or a link post of one
/// paragraph, under which a few long comments outweighed it and, holding
/// a single paragraph, it lost to them as a rival (see [`rival_wins`]).
/// It must weigh at least [`THREAD_POST_SHARE`] of the heaviest.
fn post_above_thread(
    runs: &[(f32, usize, usize)],
    (best, best_start, best_end): (f32, usize, usize),
    pats: &[Option<Reason>],
    grades: &[Grade],
) -> Option<(usize, usize)> {
    let thread_start = (0..best_start).find(|&i| is_thread_line(grades[i], pats[i]))?;
    if !(best_start..=best_end).any(|i| is_thread_line(grades[i], pats[i])) {
        return None;
    }
    runs.iter()
        .rev()
        .find(|r| r.2 < thread_start)
        .filter(|r| {
            r.0 >= best * THREAD_POST_SHARE && (r.1..=r.2).any(|i| grades[i] == Grade::Prose)
        })
        .map(|&(_, s, e)| (s, e))
}

/// Share of a thread's heaviest run that the post above it needs (see
/// [`post_above_thread`]).
pub(super) const THREAD_POST_SHARE: f32 = 0.1;

/// What [`rival_wins`] needs to know of the heaviest run.
struct Heaviest {
    /// Its weight.
    weight: f32,
    /// Whether it holds [`BODY_MIN_STREAK`] prose lines in a row.
    body: bool,
    /// The last line above it that only stands after an article (see
    /// [`closes_article`]).
    last_closer: Option<usize>,
}

/// Whether an earlier run of weight `run.0` over lines `run.1..=run.2` is
/// the article rather than the heavier run below it. It must weigh at
/// least [`RIVAL_SHARE`] of the heaviest and hold at least
/// [`RIVAL_MIN_PARAGRAPHS`] different prose paragraphs (a paragraph
/// printed twice counts once; a single long quote in a sidebar above the
/// article is no article). When the heaviest run holds
/// [`BODY_MIN_STREAK`] paragraphs in a row it looks like a body itself,
/// and the earlier run needs [`BODY_RIVAL_MIN_PARAGRAPHS`] paragraphs and
/// a comment or section header between the two: a thread or a teaser list
/// starts under such a header, while a "Previous Story" arrow stands above
/// articles as often as under them, and two short paragraphs above one
/// took the place of the body below it. A heaviest run without three
/// paragraphs in a row (one-line comments, a profile blurb, a sidebar
/// "About" box) needs no such header.
fn rival_wins(
    run: &(f32, usize, usize),
    heaviest: &Heaviest,
    grades: &[Grade],
    features: &[Features],
) -> bool {
    let &(weight, start, end) = run;
    if weight < heaviest.weight * RIVAL_SHARE {
        return false;
    }
    // Runs are disjoint, so counting their paragraphs is linear.
    let mut seen = FingerprintMap::default();
    let paragraphs = (start..=end)
        .filter(|&i| {
            grades[i] == Grade::Prose && seen.insert(features[i].fingerprint, ()).is_none()
        })
        .count();
    if heaviest.body {
        paragraphs >= BODY_RIVAL_MIN_PARAGRAPHS && heaviest.last_closer.is_some_and(|c| c > end)
    } else {
        paragraphs >= RIVAL_MIN_PARAGRAPHS
    }
}

/// The most prose lines in a row among `grades`.
fn longest_prose_streak(grades: &[Grade]) -> usize {
    let (mut longest, mut streak) = (0, 0);
    for &g in grades {
        streak = if g == Grade::Prose { streak + 1 } else { 0 };
        longest = longest.max(streak);
    }
    longest
}

/// Whether a line only stands after an article: a section header over
/// teasers, or a barrier of a comment section (its header, a reply row, a
/// signature). Not a "Previous Story" arrow, a source footer or an author
/// box, which stand above articles too on some sites.
fn closes_article(grade: Grade, pat: Option<Reason>) -> bool {
    match grade {
        Grade::Header => true,
        Grade::Barrier => !matches!(
            pat,
            Some(Reason::Navigation | Reason::SourceFooter | Reason::Boilerplate)
        ),
        _ => false,
    }
}

/// Different prose paragraphs an earlier run needs to be preferred over a
/// heavier later one (see [`rival_wins`]). With three, an article of two
/// paragraphs above a comment thread or an "About me" box lost to it on
/// dragnet-train-text (R29, R825).
pub(super) const RIVAL_MIN_PARAGRAPHS: usize = 2;

/// Different prose paragraphs an earlier run needs to be preferred over a
/// heavier later one that holds [`BODY_MIN_STREAK`] paragraphs in a row.
pub(super) const BODY_RIVAL_MIN_PARAGRAPHS: usize = 3;

/// Prose lines in a row that make a run look like an article body.
pub(super) const BODY_MIN_STREAK: usize = 3;

/// Share of the heaviest run's weight that an earlier run needs to be taken
/// for the article instead (see [`main_region`]). On dragnet-train-text 0.5
/// left the article to a thread on two more pages (R52, R111).
pub(super) const RIVAL_SHARE: f32 = 0.4;

/// The [`TitleKeys`] of a page for one region start, built once: the
/// anchor to the title, the cut at a comment thread and the title search
/// each ask for them, most often for the same start, and a build indexes
/// up to 200 lines.
pub(super) struct TitleCache<'n> {
    /// What the recognisers noted of each line.
    notes: &'n [Marks],
    built: Option<(usize, TitleKeys)>,
}

impl<'n> TitleCache<'n> {
    /// The cache for lines whose notes are `notes`.
    pub(super) fn new(notes: &'n [Marks]) -> TitleCache<'n> {
        TitleCache { notes, built: None }
    }

    /// `TitleKeys::new(texts, features, notes, start)`, built again only
    /// when `start` is not the start they were built for.
    pub(super) fn get(
        &mut self,
        texts: &[&str],
        features: &[Features],
        start: usize,
    ) -> &TitleKeys {
        if self
            .built
            .as_ref()
            .is_some_and(|(built, _)| *built != start)
        {
            self.built = None;
        }
        let notes = self.notes;
        &self
            .built
            .get_or_insert_with(|| (start, TitleKeys::new(texts, features, notes, start)))
            .1
    }
}

/// The article's run when the region found by weight lies away from the
/// headline: the page title (line 0, where scrapers put `<title>`) names
/// the headline, and a headline line (the title or one of its parts, two
/// words or more) more than [`ANCHOR_MAX_GAP`] lines above the region,
/// with prose within [`ANCHOR_MAX_GAP`] lines under it, anchors the body
/// there. Sidebars of blurbs ("Click on the photo and read the columns…")
/// outweighed a body of two short paragraphs over a results table, and
/// the body was lost. The run under the headline must weigh at least
/// [`ANCHOR_SHARE`] of the region and end above it.
pub(super) fn anchor_to_title(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    (start, end): (usize, usize),
    keys: &mut TitleCache<'_>,
) -> (usize, usize) {
    use crate::classify::headline::is_title_candidate;
    if start <= ANCHOR_MAX_GAP {
        return (start, end);
    }
    let titles = keys.get(texts, features, start);
    let is_headline = |i: usize| {
        is_title_candidate(texts[i], &features[i], pats[i]) && names_page_title(titles, features, i)
    };
    let Some(t) = (1..start).rev().find(|&i| is_headline(i)) else {
        return (start, end);
    };
    if start - t <= ANCHOR_MAX_GAP {
        return (start, end);
    }
    let Some(from) = (t + 1..=t + ANCHOR_MAX_GAP).find(|&j| grades[j] == Grade::Prose) else {
        return (start, end);
    };
    // The heaviest run that starts at `from` and ends above the region.
    let (mut sum, mut best, mut last) = (0.0f32, 0.0f32, from);
    for j in from..start {
        sum += weight(grades[j], &features[j]);
        if sum <= 0.0 {
            break;
        }
        if sum > best {
            (best, last) = (sum, j);
        }
    }
    let region: f32 = (start..=end).map(|i| weight(grades[i], &features[i])).sum();
    if best >= region * ANCHOR_SHARE && start - last > ANCHOR_MIN_DISTANCE {
        (from, last)
    } else {
        (start, end)
    }
}

/// Whether line `i`, of two words or more, is the page title (line 0,
/// where scrapers put `<title>`) or one of its parts: the headline as the
/// page names it (see [`anchor_to_title`], [`cut_at_thread`]).
fn names_page_title(titles: &TitleKeys, features: &[Features], i: usize) -> bool {
    let f = &features[i];
    f.words >= 2
        && (f.fingerprint == features[0].fingerprint || titles.is_part_of(0, f.fingerprint))
}

/// Most lines between the headline and the region for the region to count
/// as anchored to it, and between the headline and the prose under it
/// (see [`anchor_to_title`]).
pub(super) const ANCHOR_MAX_GAP: usize = 6;

/// Fewest lines between the run under the headline and the region for
/// the region to lie elsewhere (see [`anchor_to_title`]): a byline block
/// between a standfirst and the body runs to nine lines (a WSJ story,
/// whose standfirst took the body's place).
pub(super) const ANCHOR_MIN_DISTANCE: usize = 10;

/// Share of the region's weight the run under the headline needs (see
/// [`anchor_to_title`]).
pub(super) const ANCHOR_SHARE: f32 = 0.25;

/// Inside the region every line is body except recognised clutter, menus
/// (runs of very short lines), the headline after "Previous Story" and the
/// teasers after a section header.
pub(super) fn label_region(
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
pub(super) fn is_list_item(text: &str, f: &Features) -> bool {
    const ITEM_MAX_WORDS: usize = 25;
    if f.effective_words() > ITEM_MAX_WORDS || f.repeats > 0 {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() || crate::textutil::is_bullet(first) {
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
/// header) is not the article's. An item's link on a line of its own
/// under it belongs to the item (see [`is_bare_link`]).
pub(super) fn extend_over_list(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    end: usize,
) -> usize {
    let mut end = end;
    while let Some(resumed) = bridge_list(texts, features, pats, end) {
        end = resumed;
    }
    let n = texts.len();
    let mut i = end + 1;
    // The intro lines, short headings or lines ending in a colon: a
    // table's caption, its lead-in and its column heads.
    while i < n
        && i - end <= LIST_MAX_INTRO_LINES
        && pats[i].is_none()
        && !is_list_item(texts[i], &features[i])
    {
        if features[i].effective_words() > PROSE_MIN_WORDS && !texts[i].ends_with(':') {
            return end;
        }
        i += 1;
    }
    let (mut items, mut last) = (0, end);
    while i < n
        && items < LIST_MAX_ITEMS
        && matches!(pats[i], None | Some(Reason::Date))
        && is_list_item(texts[i], &features[i])
    {
        items += 1;
        last = i;
        i += 1;
        // The item's link on a line of its own under it.
        if i < n && is_bare_link(texts[i]) {
            last = i;
            i += 1;
        }
    }
    if items >= LIST_MIN_ITEMS { last } else { end }
}

/// The last line of the prose that resumes under a list set between
/// paragraphs: a line ending in a colon ("The areas are:"), at least
/// [`LIST_MIN_ITEMS`] short lines, then paragraphs again. Short lines
/// weigh negative, so the region stopped above such a list and lost the
/// paragraphs under it (a list of cities in a CNET story on
/// dragnet-train-text). An item may look like a menu entry
/// ("Oakland/Fremont/Hayward, Calif."); the colon above and the prose
/// under the list say it is the article's.
fn bridge_list(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    end: usize,
) -> Option<usize> {
    let n = texts.len();
    let intro = end + 1;
    if intro >= n
        || pats[intro].is_some()
        || features[intro].repeats > 0
        || !texts[intro].ends_with(':')
    {
        return None;
    }
    let mut i = intro + 1;
    while i < n
        && i - intro <= LIST_MAX_ITEMS
        && matches!(pats[i], None | Some(Reason::Navigation))
        && features[i].repeats == 0
        && features[i].effective_words() <= BRIDGE_ITEM_MAX_WORDS
    {
        i += 1;
    }
    if i - intro - 1 < LIST_MIN_ITEMS {
        return None;
    }
    (i..n)
        .take_while(|&j| {
            pats[j].is_none()
                && features[j].repeats == 0
                && features[j].ends_sentence
                && features[j].effective_words() >= PROSE_MIN_WORDS
        })
        .last()
}

/// Most words of an item of a list between paragraphs (see
/// [`bridge_list`]).
pub(super) const BRIDGE_ITEM_MAX_WORDS: usize = 8;

/// Whether the line is a bare web address and nothing else: the link of
/// a list item set on a line of its own (a deals list prints each product
/// with its shop link under it).
fn is_bare_link(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://"))
        && !text.contains(char::is_whitespace)
}

/// Ends the region above the first comment header ("156 Responses to …",
/// "Comments (28)") that follows [`THREAD_MIN_PROSE_ABOVE`] words of prose
/// inside it. A header weighs as a barrier, but a long thread below it
/// outweighs any barrier, and on 57 pages of dragnet-train-text the region
/// ran on across the header into the thread. A comment count in the
/// byline, above the body, has little prose above it and stays inside.
pub(super) fn cut_at_thread(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    start: usize,
    end: usize,
    keys: &mut TitleCache<'_>,
) -> usize {
    // A header right above the headline is a menu entry ("Comments" in
    // a blog's top menu), not the head of a thread; unless the headline
    // stood above already, over a first copy of the post. The keys are
    // built at the first header met, which most pages lack.
    let mut above_headline = |i: usize| {
        let titles = keys.get(texts, features, start);
        (i + 1..=(i + HEADLINE_AFTER_MENU_LINES).min(end)).any(|j| {
            pats[j].is_none()
                && names_page_title(titles, features, j)
                && !features[1..i]
                    .iter()
                    .any(|g| g.fingerprint == features[j].fingerprint)
        })
    };
    let mut prose_words = 0;
    for i in start..=end {
        let header = pats[i] == Some(Reason::Comments) || patterns::is_thread_count(texts[i]);
        if header && prose_words >= THREAD_MIN_PROSE_ABOVE && !above_headline(i) {
            return i - 1;
        }
        if grades[i] == Grade::Prose {
            prose_words += features[i].effective_words();
        }
    }
    end
}

/// Most lines between a comment header and the headline under it for the
/// header to be a menu entry (see [`cut_at_thread`]).
pub(super) const HEADLINE_AFTER_MENU_LINES: usize = 2;

/// Prose words the region holds above a comment header for the header to
/// end it (see [`cut_at_thread`]): a short post of two or three paragraphs.
pub(super) const THREAD_MIN_PROSE_ABOVE: usize = 80;

/// Most intro lines above the list for [`extend_over_list`]: a line
/// naming the table, its lead-in ending in a colon and its column heads.
pub(super) const LIST_MAX_INTRO_LINES: usize = 3;

/// Fewest items for [`extend_over_list`]: two could be a teaser and its
/// date.
pub(super) const LIST_MIN_ITEMS: usize = 3;

/// Most items [`extend_over_list`] takes; past that it is a table of data
/// the page carries besides the article.
pub(super) const LIST_MAX_ITEMS: usize = 100;

/// The article's last lines: an author's biography ("Jane Doe is a staff
/// writer…") closes many articles and is no part of the story; links to
/// other stories set in capitals ("TAYLOR SWIFT CLEARED TO PERFORM AT
/// AMAS") sit between paragraphs anywhere.
pub(super) fn label_region_end(
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
pub(super) const BIO_LAST_LINES: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of [`weight`] gives the weight of each grade, to the bit.
    #[test]
    fn weight_by_table_is_by_grade() {
        let grades = [
            Grade::Prose,
            Grade::Fragment,
            Grade::Short,
            Grade::Clutter,
            Grade::Barrier,
            Grade::Header,
        ];
        for g in grades {
            for (words, unspaced) in (0..3000).map(|w| (w, 0)).chain([(5, 3), (40, 40), (9, 2)]) {
                let f = Features {
                    words,
                    unspaced_words: unspaced,
                    ..Features::default()
                };
                assert_eq!(
                    weight(g, &f).to_bits(),
                    weight_by_grade(g, &f).to_bits(),
                    "{g:?} {words}"
                );
            }
        }
    }
}
