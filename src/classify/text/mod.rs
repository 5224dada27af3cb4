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
//! 4. **Tail**: the region is extended over earlier and later runs of
//!    body that a table or list split off (two prose lines in a row,
//!    nothing between that ends a story), and after it a small state
//!    machine names the clutter:
//!    after "Previous Story" the next line is the other story's headline,
//!    after a section header ("Latest from …", "Don't Miss") the lines are
//!    teasers, a repeated line or a date after a headline starts a teaser
//!    list.

use crate::classify::patterns::Marks;
use crate::classify::{Context, FingerprintMap, patterns, rejoin};
use crate::segment::Segment;
use crate::vocab::Features;
use crate::vocab::Reason;

mod grade;
mod head;
mod region;
mod tail;

use crate::classify::headline::find_title;
use grade::{dek_repeats, first_copies, grade, mark_teasers, toc_headings, uses_stop_words};
use head::{head_reason, standfirst};
use region::{
    CLUTTER_WEIGHT, TitleCache, anchor_to_title, cut_at_thread, extend_over_list, label_region,
    label_region_end, main_region,
};
use tail::{join_earlier_runs, join_later_runs, label_region_tags, label_tail};

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

/// Fewest further copies of a teaser header ("Related", "Recommended
/// courses:") that make it an item's label (see [`classify_lines`]): a
/// teaser list has one header, a guide sets the label over each of its
/// items. On wcxb-dev-article-text two and three copies scored the same,
/// and five freed one label fewer.
const LABEL_MIN_REPEATS: u32 = 3;

/// Most words of the name line after a bare "By" line.
const BYLINE_NAME_MAX_WORDS: usize = 6;

/// How we grade a line by itself.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Grade {
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
    let runs = rejoin::runs(segments, features);
    if runs.len() == segments.len() {
        let mut seen = Repeats::default();
        let (line_pats, notes): (Vec<Option<Reason>>, Vec<Marks>) = segments
            .iter()
            .zip(features)
            .map(|(s, f)| seen.recognise(&s.text, f))
            .unzip();
        let texts: Vec<&str> = segments.iter().map(|s| &*s.text).collect();
        let gaps: Vec<bool> = segments.iter().map(|s| s.gap_before).collect();
        return classify_lines(&texts, &gaps, features, line_pats, &notes);
    }
    // Judge each paragraph split across lines once, on its joined text (see
    // [`rejoin`]), and hand its decision to every line of it. Lines that
    // stand alone keep their features; only the joined ones are measured,
    // and repeats are counted again over the new lines. A line of a longer
    // run is recognised only as part of the joined text.
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
    let mut notes: Vec<Marks> = Vec::with_capacity(runs.len());
    let mut gaps: Vec<bool> = Vec::with_capacity(runs.len());
    let mut line_features: Vec<Features> = Vec::with_capacity(runs.len());
    let mut next_joined = 0;
    let mut seen = Repeats::default();
    for run in &runs {
        let first = &segments[run.start];
        gaps.push(first.gap_before);
        if run.len() == 1 {
            texts.push(&first.text);
            let (pat, noted) = seen.recognise(&first.text, &features[run.start]);
            pats.push(pat);
            notes.push(noted);
            line_features.push(features[run.start].clone());
        } else {
            texts.push(&joined[next_joined].text);
            let (pat, noted) = recognise(&joined[next_joined].text);
            pats.push(pat);
            notes.push(noted);
            line_features.push(measured[next_joined].clone());
            next_joined += 1;
        }
    }
    let mut counts: FingerprintMap<u32> =
        FingerprintMap::with_capacity_and_hasher(line_features.len(), Default::default());
    for f in &line_features {
        *counts.entry(f.fingerprint).or_insert(0) += 1;
    }
    for f in &mut line_features {
        f.repeats = counts[&f.fingerprint] - 1;
    }
    let decisions = classify_lines(&texts, &gaps, &line_features, pats, &notes);
    let mut out = Vec::with_capacity(segments.len());
    for (run, decision) in runs.iter().zip(decisions) {
        out.extend(std::iter::repeat_n(decision, run.len()));
    }
    out
}

/// What [`recognise`] said of the lines of a page that another line
/// repeats (`Features::repeats`), by fingerprint: menus, share rows and
/// teaser headlines stand on a page twice or more, and on zyte-text a
/// fifth of the lines are later copies of a line above them. A copy is
/// judged as its first was (the recognisers read nothing but the text),
/// its text compared, not recognised again.
#[derive(Default)]
struct Repeats<'a> {
    seen: FingerprintMap<(&'a str, (Option<Reason>, Marks))>,
}

impl<'a> Repeats<'a> {
    /// [`recognise`] of `text`, whose features are `f`.
    fn recognise(&mut self, text: &'a str, f: &Features) -> (Option<Reason>, Marks) {
        if f.repeats == 0 {
            return recognise(text);
        }
        match self.seen.entry(f.fingerprint) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let &(first, said) = e.get();
                if first == text { said } else { recognise(text) }
            }
            std::collections::hash_map::Entry::Vacant(e) => e.insert((text, recognise(text))).1,
        }
    }
}

/// What the recognisers of [`patterns`] say a line is, past its list
/// marker, and what the later tests of the line look for that it holds
/// ([`patterns::recognise_noting`]; every bit when a marker was cut).
fn recognise(text: &str) -> (Option<Reason>, Marks) {
    let item = without_list_marker(text);
    let (pat, noted) = patterns::recognise_noting(item);
    (
        pat,
        if item.len() == text.len() {
            noted
        } else {
            patterns::NOTED
        },
    )
}

/// The decisions for lines judged one by one: `texts[i]` is line `i`,
/// `gaps[i]` whether blank lines stood above it, `pats[i]` what
/// [`recognise`] says it is and `notes[i]` what it noted.
fn classify_lines(
    texts: &[&str],
    gaps: &[bool],
    features: &[Features],
    mut pats: Vec<Option<Reason>>,
    notes: &[Marks],
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
    // A photo caption, however long, ends in its credit; but on a
    // slideshow page whose only paragraphs are captions, the captions are
    // the story.
    let credited: Vec<bool> = pats
        .iter()
        .zip(texts)
        .zip(notes)
        .map(|((pat, text), noted)| {
            pat.is_none()
                && noted & patterns::MARK_CREDIT_SIGN != 0
                && grade::ends_in_photo_credit(text)
        })
        .collect();
    let other_prose = (0..n).any(|i| {
        !credited[i]
            && pats[i].is_none()
            && features[i].ends_sentence
            && features[i].effective_words() >= grade::PROSE_MIN_WORDS
    });
    if other_prose {
        for (pat, &c) in pats.iter_mut().zip(&credited) {
            if c {
                *pat = Some(Reason::Caption);
            }
        }
    }
    // A teaser header ending in a colon, printed again and again down the
    // page, is the label of a repeated item ("Recommended courses:" under
    // every course of a guide), not the head of a teaser list. Menu
    // entries ("Top Stories", "Auto News") repeat as often but carry no
    // colon; freed, they competed for the headline.
    for ((pat, f), text) in pats.iter_mut().zip(features).zip(texts) {
        if *pat == Some(Reason::RelatedStories)
            && f.repeats >= LABEL_MIN_REPEATS
            && text.ends_with(':')
        {
            *pat = None;
        }
    }
    let stop_language = uses_stop_words(features);
    let dek_repeats = dek_repeats(features);
    let first_copies = first_copies(features);
    let toc_headings = toc_headings(features);
    let grades: Vec<Grade> = (0..n)
        .map(|i| {
            grade(
                texts[i],
                &features[i],
                pats[i],
                notes[i],
                stop_language,
                dek_repeats[i] || first_copies[i] || toc_headings[i],
            )
        })
        .collect();

    let mut grades = grades;
    // A first region, before teaser spans, tells where the article starts:
    // headers above it are menu entries.
    if let Some((first_start, _)) = main_region(&pats, &grades, features) {
        mark_teasers(&mut grades, features, first_start);
    }
    let Some((start, end)) = main_region(&pats, &grades, features) else {
        // Nothing looks like prose: keep every line that no recogniser
        // claimed, since dropping all of a short input is worse than
        // keeping a stray line.
        return pats;
    };

    let mut keys = TitleCache::new(notes);
    let (start, end) = anchor_to_title(texts, features, &pats, &grades, (start, end), &mut keys);
    let end = cut_at_thread(texts, features, &pats, &grades, start, end, &mut keys);
    let end = extend_over_list(texts, features, &pats, end);
    let end = join_later_runs(texts, features, &pats, &grades, end);
    let start = join_earlier_runs(texts, features, &pats, &grades, start);

    // Head: title, duplicates, standfirst, metadata.
    let titles = keys.get(texts, features, start);
    let title = find_title(texts, features, &pats, &grades, start, titles);
    let mut body_start = start;
    if let Some(t) = title {
        out[t] = Some(Reason::Title);
        let key = features[t].fingerprint;
        let parts = titles.matcher(key);
        for (i, slot) in out.iter_mut().enumerate().take(end + 1) {
            if i != t && (features[i].fingerprint == key || parts.has_part(i)) {
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
    label_region_tags(texts, notes, body_start, end, &mut out);

    // Tail: name the clutter after the article.
    label_tail(texts, notes, features, &pats, gaps, end + 1, &mut out);
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
            // And "+ ", Markdown's third bullet: looking past it costs
            // nothing, while as a list item's mark it is too rare to
            // trust.
            Some(c) if c == '+' || crate::textutil::is_bullet(c) => c.len_utf8(),
            _ => return text,
        }
    };
    match text[marker..].strip_prefix(' ') {
        Some(rest) if !rest.trim_start().is_empty() => rest.trim_start(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether every later test of `text` that accepts it found the bit
    /// it looks for first among what [`recognise`] noted.
    fn noted_right(text: &str) -> Result<(), String> {
        let (_, noted) = recognise(text);
        let checks: [(bool, Marks, &str); 6] = [
            (
                patterns::is_comment_action(text) || patterns::is_comment_signature(text),
                patterns::MARK_REP,
                "rep",
            ),
            (
                grade::ends_in_photo_credit(text),
                patterns::MARK_CREDIT_SIGN,
                "credit sign",
            ),
            (grade::is_tweet_part(text), patterns::MARK_TWEET, "tweet"),
            (grade::ends_in_credit(text), patterns::MARK_DASH, "dash"),
            (
                crate::classify::headline::title_separators_in(text) != 0,
                patterns::MARK_TITLE_SEP,
                "title separator",
            ),
            (patterns::is_tag_list(text), patterns::MARK_TAG, "tag list"),
        ];
        for (accepted, bit, name) in checks {
            if accepted && noted & bit == 0 {
                return Err(format!("{name} not noted in {text:?}"));
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8192))]
        /// The grader asks its action row, signature, credit and tweet
        /// tests only of a line that [`recognise`] noted the bit of:
        /// every line they accept has it, list marker or not, and the
        /// reason is the recognisers'.
        #[test]
        fn noted_lines_are_marked(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "Reply", "reply", "REPLY", "Report", "report", "abuse", "rEp", "re", "p", "ly",
                "| ", " ", "  ", "by", "nico", "on", "Aug 7, 2012", "9:12 am", "at", "actions",
                "#", "* ", "12. ", "3) ", "• ", "+ ", "\u{130}", "\u{212a}", "share", "up",
                "Delete", "x", "It ended there. ", "He said so.\"", ":", "(", ")", "(@",
                "@jane)", "pic.twitter.com/", "PIC.TWITTER.COM/", "\u{2013}", "\u{2014}",
                " \u{2013} ", " \u{2014} ", "\u{2014} ", "- ", "Jane Doe", "AP", "Reuters",
                "Photo", "Credit", "Getty Images", "/", "\n", "\t", " | ", " - ", "-", "|",
                " :: ", "::", " \u{b7} ", " \u{2022} ", " \u{bb} ", " || ", " ~ ", ": ", "~", "Tags:",
                "TAGGED WITH ", "Filed Under", "posted in ", "Posted In", "Schlagw\u{f6}rter:",
                "Category:", "tag", "s:",
            ]),
            0..14,
        )) {
            let text: String = parts.concat();
            let (pat, _) = recognise(&text);
            prop_assert_eq!(pat, patterns::recognise(without_list_marker(&text)));
            prop_assert_eq!(noted_right(&text), Ok(()));
        }
    }

    /// A repeated line is judged as [`recognise`] judges it, whether its
    /// fingerprint's first line had the same text or another.
    #[test]
    fn repeats_are_recognised_as_themselves() {
        let texts = [
            "Home",
            "Share",
            "Home",
            "HOME",
            "home",
            "* Home",
            "Share",
            "Related",
            "Home",
            "© 2024 Acme",
            "© 2024 Acme",
            "Share",
            "x",
            "Share",
        ];
        let mut seen = Repeats::default();
        for (k, text) in texts.iter().enumerate() {
            // One fingerprint for all, and a repeat or none by turns.
            let f = Features {
                repeats: u32::try_from(k % 2).unwrap(),
                fingerprint: 7,
                ..Features::default()
            };
            assert_eq!(seen.recognise(text, &f), recognise(text), "{text:?}");
        }
    }

    #[test]
    fn noted_lines_on_the_corpus() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/zyte-text");
        for entry in std::fs::read_dir(root).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            for line in text.lines() {
                assert_eq!(noted_right(line), Ok(()));
                assert_eq!(noted_right(line.trim()), Ok(()));
            }
        }
    }
}
