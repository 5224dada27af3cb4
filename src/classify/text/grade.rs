//! Pass 1: each line by itself, graded as prose, a fragment, a short line,
//! clutter, a barrier or a section header.

use super::Grade;
use crate::classify::{FingerprintMap, patterns};
use crate::textutil;
use crate::vocab::Features;
use crate::vocab::Reason;

/// Fewest words for a line that ends like a sentence to count as prose. On
/// the development pages, teaser blurbs and captions run 8–15 words and body
/// paragraphs rarely under 12; with 10 the short last lines of teaser lists
/// ("Read the full story.") stopped pulling the region into the footer.
pub(super) const PROSE_MIN_WORDS: usize = 12;

/// Fewest words for a line to count as prose even without sentence-final
/// punctuation: paragraphs that end in a quote without a full stop, a colon
/// before a list, or a truncated scrape. Headlines stay under 30 words.
pub(super) const PROSE_LONG_WORDS: usize = 30;

/// Fewest words for a sentence-like line to weigh positively at all.
pub(super) const FRAGMENT_MIN_WORDS: usize = 4;

/// Least share of stop words for a line to count as prose, in documents
/// whose language has a stop-word list. Body paragraphs score 0.25–0.5 with
/// our short lists; title-case headlines and menus 0–0.15.
pub(super) const PROSE_MIN_STOP_RATIO: f32 = 0.12;

/// Least share of stop words over a document's long lines for us to trust
/// the stop-word test at all. Korean and Japanese have no list, so their
/// prose would otherwise look like a headline.
pub(super) const STOP_LANGUAGE_MIN_RATIO: f32 = 0.06;

/// Most lines after a section header that we take for its teasers when
/// the body does not resume: the longest teaser list of the development
/// pages has 12 entries of up to three lines.
pub(super) const TEASER_SPAN_MAX: usize = 40;

/// Prose words above a section header for it to mark teasers (see
/// [`mark_teasers`]): two short paragraphs.
pub(super) const TEASER_MIN_PROSE_ABOVE: usize = 40;

/// For each line, whether it is the second of exactly two copies of a
/// sentence whose first copy stands at most [`DEK_REPEAT_MAX_DISTANCE`]
/// lines above: a standfirst repeated as the first paragraph.
pub(super) fn dek_repeats(features: &[Features]) -> Vec<bool> {
    let mut first: FingerprintMap<usize> = FingerprintMap::default();
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

/// For each line, whether it is the first of exactly two copies of a
/// paragraph on a page that holds its article twice: some pages carry a
/// second full copy of the story (a print or "read more" version), and
/// every paragraph then repeats once. Counted as clutter, the repeats sank
/// the whole article and left a sign-up box as the region. Only the first
/// copy is freed, so the region is one copy; and only when at least
/// [`DUPLICATE_ARTICLE_MIN_PARAGRAPHS`] sentence paragraphs repeat so. On
/// the text dev sets, freeing a single repeated paragraph too made one
/// more page worse (a teaser blurb shown twice) and none better; asking
/// for more freed fewer of the doubled articles (dragnet-train-text lost
/// 98 pages with three paragraphs of 30 words, 93 with three of 12, 92
/// with two of 12).
pub(super) fn first_copies(features: &[Features]) -> Vec<bool> {
    let is_paragraph =
        |f: &Features| f.repeats == 1 && f.ends_sentence && f.effective_words() >= PROSE_MIN_WORDS;
    let mut seen: FingerprintMap<usize> = FingerprintMap::default();
    let mut out = vec![false; features.len()];
    for (i, f) in features.iter().enumerate() {
        if is_paragraph(f) && !seen.contains_key(&f.fingerprint) {
            seen.insert(f.fingerprint, i);
            out[i] = true;
        }
    }
    if seen.len() < DUPLICATE_ARTICLE_MIN_PARAGRAPHS {
        out.iter_mut().for_each(|b| *b = false);
    }
    out
}

/// For each line, whether it is a table-of-contents entry or the section
/// heading it names: guides and checklists list their sections at the top,
/// a run of short lines without sentence ends, each printed exactly twice,
/// the second copies further down in the same order. Counted as repeats,
/// both copies weighed as clutter and the article ended at the contents.
/// Freed, the contents weigh as short lines (a few entries cost little, a
/// long contents list still splits a page) and the headings stay with
/// their sections. Only for a contents run of at least
/// [`TOC_MIN_HEADINGS`] lines: a single repeated line above a paragraph is
/// as often a teaser headline. On wcxb-dev-article-text freeing only the
/// second copies scored the same but cut the introduction above the
/// contents.
pub(super) fn toc_headings(features: &[Features]) -> Vec<bool> {
    let heading = |f: &Features| {
        f.repeats == 1 && !f.ends_sentence && f.effective_words() <= TOC_HEADING_MAX_WORDS
    };
    // Each pair is two heading lines (a repeated line has one copy more):
    // a page with fewer has no contents run, and is told so without a map
    // or the list of second copies.
    let headings: Vec<usize> = (0..features.len())
        .filter(|&i| heading(&features[i]))
        .collect();
    if headings.len() < 2 * TOC_MIN_HEADINGS {
        return vec![false; features.len()];
    }
    // The keys are our own hashes: FNV, not SipHash, hashes them again.
    let mut first: FingerprintMap<usize> =
        FingerprintMap::with_capacity_and_hasher(headings.len(), Default::default());
    let mut second = vec![None; features.len()];
    let mut pairs = 0;
    for i in headings {
        let f = &features[i];
        if let Some(&j) = first.get(&f.fingerprint) {
            second[j] = Some(i);
            pairs += 1;
        } else {
            first.insert(f.fingerprint, i);
        }
    }
    // A contents run is as many pairs in a row: a page with fewer pairs
    // has none (most pages).
    if pairs < TOC_MIN_HEADINGS {
        return vec![false; features.len()];
    }
    // Words before each line, so that the words between a contents run
    // and its first section are one subtraction, not a sum for every run
    // start (a menu repeated under the article summed the whole article
    // for each of its entries).
    let mut words_before = Vec::with_capacity(features.len() + 1);
    words_before.push(0usize);
    for f in features {
        words_before.push(words_before[words_before.len() - 1] + f.effective_words());
    }
    let mut out = vec![false; features.len()];
    let mut i = 0;
    while i < features.len() {
        // A contents run: consecutive first copies whose second copies
        // follow the run, in order.
        let mut j = i;
        let mut last = i;
        while let Some(k) = second.get(j).copied().flatten() {
            if k <= last {
                break;
            }
            last = k;
            j += 1;
        }
        // Between the contents and its first section stands at most an
        // introduction; a menu at the top repeated as a teaser list under
        // the article has the whole article in between.
        let between: usize = second
            .get(i)
            .copied()
            .flatten()
            .map_or(0, |k| words_before[k].saturating_sub(words_before[j]));
        if j - i >= TOC_MIN_HEADINGS && between <= TOC_MAX_GAP_WORDS {
            for k in i..j {
                if let Some(s) = second[k] {
                    out[k] = true;
                    out[s] = true;
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Fewest headings that must pair with a table of contents above them
/// (see [`toc_headings`]): three sections make a contents list; one or
/// two repeated lines over a paragraph are as likely teasers.
pub(super) const TOC_MIN_HEADINGS: usize = 3;

/// Most words between a table of contents and its first section: room
/// for an introduction or a photo credit, not for an article (the menu at
/// the top of a page, repeated as a teaser list under the article, also
/// pairs up in order; without this bound a diet site's menu and its
/// "most popular" list did, and the list became body). On
/// wcxb-dev-article-text 250 words freed fewer guides, 800 one more.
pub(super) const TOC_MAX_GAP_WORDS: usize = 400;

/// Most words of a section heading listed in a table of contents; longer
/// repeated lines are teaser headlines.
pub(super) const TOC_HEADING_MAX_WORDS: usize = 12;

/// Fewest paragraphs repeated exactly once for a page to hold its article
/// twice (see [`first_copies`]).
pub(super) const DUPLICATE_ARTICLE_MIN_PARAGRAPHS: usize = 2;

/// How far below the standfirst its repeat in the body may stand.
pub(super) const DEK_REPEAT_MAX_DISTANCE: usize = 15;

/// Whether the line is the text or the attribution of an embedded tweet.
pub(super) fn is_tweet_part(text: &str) -> bool {
    let attribution = (text.starts_with('—') || text.starts_with("- ")) && text.contains("(@");
    attribution
        || (text.len() <= patterns::MAX_PATTERN_BYTES
            && PIC_TWITTER.find(text.as_bytes()).is_some())
}

/// The link of a tweet's picture, searched for in every line by
/// [`is_tweet_part`]: one searcher built once, not one a line.
static PIC_TWITTER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("pic.twitter.com/"));

/// Whether the document's language is one our stop-word lists cover,
/// judged over its longer lines. Each line counts for at most
/// [`STOP_LANGUAGE_LINE_MAX_WORDS`] words, its stop words scaled to
/// match: one giant line of dates or tags (a blog archive of 3,859 words
/// on one line, dragnet-train-text R50) outweighed every paragraph of
/// the page, the page was judged a language without stop words, and the
/// archive line, graded prose, took the article's place.
pub(super) fn uses_stop_words(features: &[Features]) -> bool {
    const LONG_LINE_WORDS: u32 = 10;
    let (mut stop, mut words) = (0f64, 0f64);
    for f in features.iter().filter(|f| f.words >= LONG_LINE_WORDS) {
        let spaced = f64::from(f.words - f.unspaced_words);
        let scale = if spaced > STOP_LANGUAGE_LINE_MAX_WORDS {
            STOP_LANGUAGE_LINE_MAX_WORDS / spaced
        } else {
            1.0
        };
        stop += f64::from(f.stop_words) * scale;
        words += spaced * scale;
    }
    words > 0.0 && stop / words >= f64::from(STOP_LANGUAGE_MIN_RATIO)
}

/// Most words one line counts for in [`uses_stop_words`].
pub(super) const STOP_LANGUAGE_LINE_MAX_WORDS: f64 = 100.0;

/// `noted` is what [`patterns::recognise_noting`] noted of `text`.
pub(super) fn grade(
    text: &str,
    f: &Features,
    pat: Option<Reason>,
    noted: patterns::Marks,
    stop_language: bool,
    repeat_is_body: bool,
) -> Grade {
    let barrier = match pat {
        Some(Reason::Comments | Reason::SourceFooter | Reason::Boilerplate) => true,
        Some(Reason::Navigation) => patterns::is_prev_next(text),
        _ => false,
    };
    if barrier
        || (noted & patterns::MARK_REP != 0
            && (patterns::is_comment_action(text) || patterns::is_comment_signature(text)))
    {
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
    // this), and the first copy of an article printed twice.
    if f.repeats > 0 && !repeat_is_body {
        return Grade::Clutter;
    }
    let stop_ok =
        !stop_language || f.unspaced_words > 0 || f.stop_word_ratio() >= PROSE_MIN_STOP_RATIO;
    let truncated = text.ends_with("...") || text.ends_with('…');
    let ends_sentence =
        f.ends_sentence || (noted & patterns::MARK_DASH != 0 && ends_in_credit(text));
    if stop_ok && ends_sentence && !truncated && words >= PROSE_MIN_WORDS {
        return Grade::Prose;
    }
    // A long line without a full stop is prose when it ends in a quote,
    // bracket or colon; when it ends in a letter it is a teaser cut off at
    // a character limit ("…the primary goal of"), which is how teaser
    // lists under the article looked like prose to the simpler rule.
    // An embedded tweet: its text ends in a picture link, its attribution
    // line ("— Rep. Jane Doe (@janedoe) November 19, 2019") is short. Both
    // are part of the story; graded as fragments they stay inside it.
    if noted & patterns::MARK_TWEET != 0 && is_tweet_part(text) {
        return Grade::Fragment;
    }
    let cut = text.ends_with(textutil::is_alnum);
    if stop_ok && words >= PROSE_LONG_WORDS && !cut && !truncated {
        return Grade::Prose;
    }
    if f.ends_sentence && !truncated && words >= FRAGMENT_MIN_WORDS {
        return Grade::Fragment;
    }
    Grade::Short
}

/// Whether the line is a sentence followed by the credit of whoever said
/// or wrote it: "…doing things differently. – Jane Doe, lead engineer,
/// Acme". Roundups of quotes ("11 podcasts IT leaders recommend") close
/// each paragraph so; the credit ends in a letter, and such paragraphs
/// were graded as teasers cut off at a character limit, which have no
/// sentence end before a dash.
pub(super) fn ends_in_credit(text: &str) -> bool {
    let Some((before, credit)) = rsplit_dashes(text) else {
        return false;
    };
    let before = before.trim_end();
    has_words(credit, CREDIT_MAX_WORDS)
        && !has_sentence_end(credit)
        && before.ends_with(['.', '!', '?', '”', '"', '’'])
}

/// `text.trim_end()`, at once for a text that ends in an ASCII byte that
/// is no white space (every line the segmenter hands over is trimmed).
fn trim_end(text: &str) -> &str {
    match text.as_bytes().last() {
        Some(&b) if b < 0x80 && !b.is_ascii_whitespace() && b != 0x0B => text,
        _ => text.trim_end(),
    }
}

/// Whether `text` holds a `.`, `!` or `?`: `text.contains(['.', '!',
/// '?'])` by `memchr3` over the bytes (no byte of a character outside
/// ASCII is one of them), not a character at a time.
fn has_sentence_end(text: &str) -> bool {
    memchr::memchr3(b'.', b'!', b'?', text.as_bytes()).is_some()
}

/// Whether `text` has from one to `max` words as whitespace separates
/// them, counting no further than `max + 1`.
fn has_words(text: &str, max: usize) -> bool {
    text.split_whitespace().next().is_some() && textutil::at_most_words(text, max)
}

/// `text` split around its last en dash between two spaces (`" – "`),
/// else around its last em dash so (`" — "`), as `rsplit_once` would: one
/// pass from the end over the dashes' common first byte by `memrchr`, not
/// two string searches.
fn rsplit_dashes(text: &str) -> Option<(&str, &str)> {
    const EN: &[u8] = "–".as_bytes();
    const EM: &[u8] = "—".as_bytes();
    const _: () = assert!(EN.len() == 3 && EM.len() == 3 && EN[0] == EM[0]);
    let s = text.as_bytes();
    let mut em = None;
    for i in memchr::memrchr_iter(EN[0], s) {
        if i == 0 || s[i - 1] != b' ' || s.get(i + 3) != Some(&b' ') {
            continue;
        }
        let split = (&text[..i - 1], &text[i + 4..]);
        match s.get(i..i + 3) {
            Some(d) if d == EN => return Some(split),
            Some(d) if d == EM && em.is_none() => em = Some(split),
            _ => {}
        }
    }
    em
}

/// Most words of the credit after a dash that [`ends_in_credit`] accepts:
/// a name, a title and a company.
pub(super) const CREDIT_MAX_WORDS: usize = 12;

/// Whether the line ends in the parenthesised credit of a photo: "…
/// outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz, File)",
/// "(NASA via AP, File)", "(Jim Watson/AFP/Getty Images)". Agency
/// captions run to 80 words, past the length at which the recognisers
/// judge a line by its marks, and were kept as body paragraphs.
pub(super) fn ends_in_photo_credit(text: &str) -> bool {
    /// Words that name a photo agency or say the bracket credits a photo.
    const CREDIT_WORDS: &[&str] = &[
        "AP",
        "AFP",
        "EPA",
        "Reuters",
        "REUTERS",
        "Getty",
        "Shutterstock",
        "iStock",
        "Xinhua",
    ];
    if ends_in_credit_label(text) {
        return true;
    }
    let Some(inner) = trim_end(text).strip_suffix(')') else {
        return false;
    };
    let Some(open) = memchr::memrchr(b'(', inner.as_bytes()) else {
        return false;
    };
    let inner = &inner[open + 1..];
    has_words(inner, PHOTO_CREDIT_MAX_WORDS)
        && inner
            .split(|c: char| !textutil::is_alnum(c))
            .any(|w| CREDIT_WORDS.contains(&w))
}

/// Whether the line is a caption closed by a labelled credit after its
/// last sentence: "… compared to its equivalent. Credit: ESA", "The Hoka
/// Speedgoat 7. Photo: Jane Doe", "… concession speech. Photograph: Getty
/// Images". The credit has at most [`PHOTO_CREDIT_MAX_WORDS`] words and no
/// sentence end of its own.
fn ends_in_credit_label(text: &str) -> bool {
    /// Labels of a credit, lowercase, without the colon.
    const LABELS: &[&str] = &[
        "credit",
        "credits",
        "image credit",
        "photo credit",
        "picture credit",
        "photo",
        "photos",
        "photograph",
        "picture",
        "image",
    ];
    let text = trim_end(text);
    // `rsplit_once(':')` by the `memchr` crate's `memrchr`.
    let Some(colon) = memchr::memrchr(b':', text.as_bytes()) else {
        return false;
    };
    let (before, credit) = (&text[..colon], &text[colon + 1..]);
    // The sentence end first: one `memchr3`, and the text after a colon
    // in prose is most often a sentence.
    if has_sentence_end(credit) || !has_words(credit, PHOTO_CREDIT_MAX_WORDS) {
        return false;
    }
    let before = before.trim_end();
    // The label: the last one or two words before the colon.
    let Some(start) = LABELS
        .iter()
        .filter_map(|l| {
            let at = before.len().checked_sub(l.len())?;
            (before.is_char_boundary(at) && before[at..].eq_ignore_ascii_case(l)).then_some(at)
        })
        .min()
    else {
        return false;
    };
    before[..start]
        .trim_end()
        .ends_with(['.', '!', '?', '”', '"', '’', '…'])
        && before[..start].ends_with(char::is_whitespace)
}

/// Most words inside the brackets of a photo credit (see
/// [`ends_in_photo_credit`]).
pub(super) const PHOTO_CREDIT_MAX_WORDS: usize = 12;

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
pub(super) fn mark_teasers(grades: &mut [Grade], features: &[Features], from: usize) {
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

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The one pass splits where `rsplit_once` does.
        #[test]
        fn rsplit_dashes_is_rsplit_once(text in "[ a\u{e9}\u{2013}\u{2014}\u{2012}.]{0,16}") {
            let want = text.rsplit_once(" – ").or_else(|| text.rsplit_once(" — "));
            proptest::prop_assert_eq!(super::rsplit_dashes(&text), want);
        }

        /// The quick trim is `str::trim_end`.
        #[test]
        fn trim_end_is_str_trim_end(text in "[a. \t\r\n\u{b}\u{c}\u{a0}\u{85}\u{3000}]{0,6}") {
            proptest::prop_assert_eq!(super::trim_end(&text), text.trim_end());
        }
    }
}
