//! Pass 4: after the region, a small state machine that names the clutter.

use super::Grade;
use super::head::NAV_MAX_WORDS;
use super::region::weight;
use crate::classify::patterns;
use crate::classify::patterns::Marks;
use crate::vocab::Features;
use crate::vocab::Reason;

/// A line of capitals with no sentence end: a link to another story, the
/// way tabloid and cable-news sites set them between paragraphs. Shorter
/// lines of capitals are subheadings ("THE GOOD NEWS"), which we keep.
pub(super) fn is_shouted_link(text: &str, f: &Features) -> bool {
    // Seven-word subheadings in capitals ("HOW TO USE A WATER BATH
    // CANNER") are common in how-to articles; links run longer.
    const SHOUT_MIN_WORDS: usize = 8;
    f.effective_words() >= SHOUT_MIN_WORDS
        && f.cased_words >= SHOUT_MIN_WORDS as u32
        && !f.ends_sentence
        && text.len() <= patterns::MAX_PATTERN_BYTES
        && !text.chars().any(char::is_lowercase)
}

/// Names the tag and category lists inside the region ("Tags: Huawei,
/// ZTE", "Filed under: Banking"; see [`patterns::is_tag_list`]): they are
/// links to the site's index pages, never the story. Claimed only once the
/// region is chosen, so that they do not weigh on its choice.
///
/// `notes[i]` is what the recognisers noted of line `i`: a line without
/// the mark of a tag list's start is none.
pub(super) fn label_region_tags(
    texts: &[&str],
    notes: &[Marks],
    start: usize,
    end: usize,
    out: &mut [Option<Reason>],
) {
    for i in start..=end {
        if out[i].is_none() && is_tag_list(texts[i], notes[i]) {
            out[i] = Some(Reason::Navigation);
        }
    }
}

/// Names the clutter after the article.
pub(super) fn label_tail(
    texts: &[&str],
    notes: &[Marks],
    features: &[Features],
    pats: &[Option<Reason>],
    gaps: &[bool],
    from: usize,
    out: &mut [Option<Reason>],
) {
    let mut teasers = false;
    let mut after_arrow = false;
    // Under a comment header ("12 Comments"), the lines no recogniser
    // claims are the thread's.
    let mut thread = false;
    for i in from..texts.len() {
        if out[i].is_some() {
            continue;
        }
        let pat = pats[i];
        if pat == Some(Reason::Comments) {
            thread = true;
        } else if thread && pat.is_none() {
            out[i] = Some(Reason::Comments);
            continue;
        }
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
            None if is_tag_list(texts[i], notes[i]) => Reason::Navigation,
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

/// Fewest weight a later run needs to be joined to the article (see
/// [`join_later_runs`]). The two prose lines in a row that a run needs
/// weigh 24 at least, so this bounds a run they open and the sums below
/// zero after them: on the text dev sets 10, 20 and 40 scored the same.
/// Counting a prose line beside a sentence fragment as a pair gained
/// little (dragnet-train-text 0.8549 -> 0.8551, wcxb-dev-article-text
/// precision down by 0.0005); we keep the stricter prose pairs.
pub(super) const JOIN_MIN_WEIGHT: f32 = 20.0;

/// Whether a line ends the article wherever it stands after it: a
/// barrier, a section header over teasers, a comment count, or any
/// recognised clutter but a date or a caption, which data tables and
/// galleries carry inside the story, and a promotion printed once ("Also
/// read: …", "Subscribe to our podcast!"), which stories carry between
/// paragraphs; a promotion repeated down the page is a template's.
fn ends_story(text: &str, f: &Features, pat: Option<Reason>, grade: Grade) -> bool {
    let inside = match pat {
        None | Some(Reason::Date | Reason::Caption) => true,
        Some(Reason::Promo) => f.repeats == 0,
        Some(_) => false,
    };
    !inside || matches!(grade, Grade::Barrier | Grade::Header) || patterns::is_thread_count(text)
}

/// Extends the region over later runs of body: a spec list, a data table
/// or a run of repeated labels ("Pros", "Cons", "Pricing:") weighs
/// negative and splits the article, and the body paragraphs under it were
/// lost. A later run joins when nothing between it and the region ends a
/// story (see [`ends_story`]), it holds two prose lines in a row, the way
/// body resumes, and it weighs at least [`JOIN_MIN_WEIGHT`]; teaser
/// blurbs stand one by one between their headlines and dates.
pub(super) fn join_later_runs(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    end: usize,
) -> usize {
    join_runs(texts, features, pats, grades, end + 1..grades.len()).unwrap_or(end)
}

/// Extends the region's start over earlier runs of body the same way (see
/// [`join_later_runs`]): a listicle whose heaviest run is its last item
/// lost the items above it.
pub(super) fn join_earlier_runs(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    start: usize,
) -> usize {
    join_runs(texts, features, pats, grades, (0..start).rev()).unwrap_or(start)
}

/// The farthest line, walking `order` away from the region, of a run that
/// joins it (see [`join_later_runs`]).
fn join_runs(
    texts: &[&str],
    features: &[Features],
    pats: &[Option<Reason>],
    grades: &[Grade],
    order: impl Iterator<Item = usize>,
) -> Option<usize> {
    let mut joined = None;
    // The current run: its running sum, and its best edge so far.
    let (mut sum, mut best, mut best_edge) = (0.0f32, 0.0f32, 0);
    let mut paired = false;
    let mut previous_prose = false;
    for i in order {
        if ends_story(texts[i], &features[i], pats[i], grades[i]) {
            break;
        }
        if sum <= 0.0 {
            (sum, best, paired) = (0.0, 0.0, false);
        }
        sum += weight(grades[i], &features[i]);
        let prose = grades[i] == Grade::Prose;
        paired |= prose && previous_prose;
        previous_prose = prose;
        if sum > best {
            (best, best_edge) = (sum, i);
        }
        if paired && best >= JOIN_MIN_WEIGHT {
            joined = Some(best_edge);
        }
    }
    joined
}

/// [`patterns::is_tag_list`], asked only of a line whose notes hold the
/// mark of a tag list's start.
fn is_tag_list(text: &str, noted: Marks) -> bool {
    noted & patterns::MARK_TAG != 0 && patterns::is_tag_list(text)
}
