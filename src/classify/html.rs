//! The classifier for blocks of an HTML document.
//!
//! The segmenter already chose the main-content container and recorded,
//! for every block, the tag and class words between that container and the
//! block (`local_*` hints). A block outside the container is boilerplate; a
//! block inside it is body unless markup around it names it as clutter (a
//! share bar, a related-stories box, a caption) or it is mostly link text.
//! Either way the reason given is the most specific one the markup or the
//! text supports.

use std::collections::HashMap;

use crate::classify::{Context, patterns};
use crate::segment::{Segment, hint, tag};
use crate::textutil::fingerprint;
use crate::vocab::Features;
use crate::vocab::{BlockKind, Reason};

/// A block inside the article whose text is at least this share link text
/// is a link list (related stories, a tag cloud), not prose. Readability
/// draws the line at 0.5; link-rich blog prose ("as [Reuters reported],
/// [the agency] said…") crossed it on the Zyte pages, a menu or a teaser
/// list is near 1.0, so the line sits a little higher.
const LINK_DENSITY_MAX: f32 = 0.6;
/// Date and byline markup only counts for short blocks: a paragraph inside
/// an element whose class mentions "time" is still a paragraph.
const SHORT_WORDS: usize = 15;
/// Repeated blocks shorter than this are left to the other rules ("Share",
/// "Advertisement" repeat too, and have reasons of their own).
const REPEAT_MIN_WORDS: usize = 5;

/// Whether a block's ancestors make it a caption: a `<figcaption>` or
/// `<caption>`, or other text in a `<figure>` except a table's. WordPress
/// wraps every table in `figure.wp-block-table`, and a page of data tables
/// lost 470 rows as captions (wcxb-dev-article).
fn is_caption(tags: u32) -> bool {
    tags & tag::CAPTION != 0 || (tags & tag::FIGURE != 0 && tags & tag::TABLE == 0)
}

/// What the markup around a block says it is, most specific first.
fn markup_reason(tags: u32, attrs: u32, words: usize) -> Option<Reason> {
    use hint as h;
    let short = words <= SHORT_WORDS;
    let r = if attrs & h::COOKIE != 0 {
        Reason::Legal
    } else if attrs & h::COMMENT != 0 {
        Reason::Comments
    } else if attrs & h::AD != 0 {
        Reason::Advertisement
    } else if attrs & (h::NEWSLETTER | h::SUBSCRIBE | h::PROMO | h::POPUP) != 0
        || tags & tag::DIALOG != 0
    {
        Reason::Promo
    } else if attrs & h::RELATED != 0 {
        Reason::RelatedStories
    } else if attrs & (h::SHARE | h::SOCIAL | h::BREADCRUMB | h::NAV | h::PAGINATION) != 0
        || (short && attrs & (h::SKIP | h::MENU) != 0)
        || tags & (tag::NAV | tag::BUTTON | tag::SELECT | tag::FORM) != 0
    {
        Reason::Navigation
    } else if (short && attrs & (h::BYLINE | h::AUTHOR) != 0)
        || (attrs & h::BIO != 0 && attrs & h::AUTHOR != 0)
    {
        Reason::Byline
    } else if is_caption(tags) || (short && attrs & h::CAPTION != 0) {
        Reason::Caption
    } else if short && (attrs & h::DATE != 0 || tags & tag::TIME != 0) {
        Reason::Date
    } else if attrs & h::TAGS != 0 {
        Reason::Navigation
    } else if attrs & h::FOOTER != 0 || tags & (tag::FOOTER | tag::ADDRESS) != 0 {
        Reason::SourceFooter
    } else if attrs & h::SIDEBAR != 0 || tags & tag::ASIDE != 0 {
        Reason::RelatedStories
    } else if tags & tag::HEADER != 0 {
        Reason::Navigation
    } else if attrs & h::AUTHOR != 0 {
        // A longer block in an author-named element is the author box's
        // biography ("Jane Doe is a scientist who…"); the class words of
        // an inline element at a long block's start ("Posted by
        // <span class=byline-author>") are not counted (`content`).
        Reason::Boilerplate
    } else {
        return None;
    };
    Some(r)
}

pub(crate) fn classify(
    segments: &[Segment<'_>],
    features: &[Features],
    ctx: &Context,
) -> Vec<Option<Reason>> {
    let title = ctx.title_hint.as_deref().map(fingerprint);
    let mut out = Vec::with_capacity(segments.len());
    // Repeats among the visible blocks only: the meta description often
    // repeats the first paragraph, which is no reason to drop it.
    let mut visible: HashMap<u64, u32> = HashMap::with_capacity(segments.len());
    // Each visible block's previous copy, and the visible blocks in order.
    let mut last: HashMap<u64, usize> = HashMap::with_capacity(segments.len());
    let mut previous: Vec<Option<usize>> = vec![None; segments.len()];
    let mut order: Vec<usize> = Vec::with_capacity(segments.len());
    for (i, (seg, f)) in segments.iter().zip(features).enumerate() {
        if seg.kind != BlockKind::Metadata {
            *visible.entry(f.fingerprint).or_insert(0) += 1;
            previous[i] = last.insert(f.fingerprint, i);
            order.push(i);
        }
    }
    let mut rank = vec![0; segments.len()];
    for (k, &i) in order.iter().enumerate() {
        rank[i] = k;
    }
    // The text of the visible block `d` places from the one at rank `k`.
    let near = |k: usize, d: isize| {
        k.checked_add_signed(d)
            .and_then(|k| order.get(k))
            .map(|&j| features[j].fingerprint)
    };
    // A copy runs alongside its previous copy when the block before or
    // after it repeats the block before or after that copy: a second copy
    // of the story (a mobile version, a run of "Read more" lines), not a
    // line the story itself repeats (a recipe's or a schedule's steps).
    let runs_along = |i: usize| {
        previous[i].is_some_and(|j| {
            [-1, 1].into_iter().any(|d| {
                let here = near(rank[i], d);
                here.is_some() && here == near(rank[j], d)
            })
        })
    };
    let mut seen: HashMap<u64, u32> = HashMap::with_capacity(segments.len());
    // Blocks inside the article removed on weak evidence alone (their
    // share of link text), which [`between_body`] may give back.
    let mut weak = vec![false; segments.len()];
    for (i, (seg, f)) in segments.iter().zip(features).enumerate() {
        if let Some(r) = seg.hints.preset {
            out.push(Some(r));
            continue;
        }
        if seg.kind == BlockKind::Metadata {
            out.push(Some(Reason::Boilerplate));
            continue;
        }
        if title == Some(f.fingerprint) {
            out.push(Some(Reason::DuplicateTitle));
            continue;
        }
        let h = &seg.hints;
        let words = f.words();
        let reason = markup_reason(h.local_tags, h.local_attrs, words);
        if !h.main {
            out.push(Some(reason.unwrap_or(
                if f.link_density >= LINK_DENSITY_MAX {
                    Reason::Navigation
                } else {
                    Reason::Boilerplate
                },
            )));
            continue;
        }
        if reason.is_some() {
            out.push(reason);
            continue;
        }
        // Quotes are exempt: an embedded post (a tweet) is mostly links
        // and is part of the story that quotes it.
        if f.link_density >= LINK_DENSITY_MAX && h.local_tags & tag::BLOCKQUOTE == 0 {
            weak[i] = true;
            out.push(Some(if h.local_tags & tag::LIST != 0 {
                Reason::RelatedStories
            } else {
                Reason::Navigation
            }));
            continue;
        }
        // Longer blocks are prose: the text patterns (footers, promos,
        // dates) are never that long, and asking them costs a lowercase
        // copy per block. The same bound as the text path's.
        if seg.text.len() <= patterns::MAX_PATTERN_BYTES
            && let Some(r) = patterns::recognise(&seg.text)
        {
            out.push(Some(r));
            continue;
        }
        // A summary that ends in "Read more…" heads another story.
        if words <= TEASER_MAX_WORDS && is_teaser(&seg.text) {
            out.push(Some(Reason::RelatedStories));
            continue;
        }
        if is_url(&seg.text) {
            out.push(Some(Reason::Boilerplate));
            continue;
        }
        let count = seen.entry(f.fingerprint).or_insert(0);
        *count += 1;
        if visible[&f.fingerprint] > 1 && words >= REPEAT_MIN_WORDS {
            // A caption repeated is a gallery's; any other text
            // seen twice is kept once (a pull quote, a mobile copy).
            if is_caption(h.tags) || h.attrs & hint::CAPTION != 0 {
                out.push(Some(Reason::Caption));
                continue;
            }
            // Inside the main region a copy goes only as part of a second
            // copy of the story: a recipe or schedule repeats its lines,
            // and the story keeps each.
            if *count > 1 && (!seg.hints.main || runs_along(i)) {
                out.push(Some(Reason::Boilerplate));
                continue;
            }
        }
        out.push(None);
    }
    between_body(segments, &weak, &mut out);
    post_footers(segments, features, &mut out);
    comment_sections(segments, features, &mut out);
    story_tail(segments, features, &mut out);
    orphan_headings(segments, &mut out);
    out
}

/// Text between two body blocks of the article is body unless it is
/// clearly clutter: a link-rich paragraph or list item in the middle of a
/// story ("as [Reuters reported], [the agency] said", a reading list the
/// story introduces) is the story's, while a related-links box sits at an
/// edge or carries markup of its own, which is strong evidence.
/// At most this many weakly removed blocks in a row are given back: any
/// number kept in-post link lists the dragnet-train annotators keep (F1
/// +0.0007 there) but also a ten-link reading list between two paragraphs,
/// which on news is clutter more often than not.
const BETWEEN_MAX_RUN: usize = 3;

fn between_body(segments: &[Segment<'_>], weak: &[bool], out: &mut [Option<Reason>]) {
    let visible = |j: &usize| segments[*j].kind != BlockKind::Metadata;
    let mut i = 0;
    while i < segments.len() {
        if !weak[i] {
            i += 1;
            continue;
        }
        // The run of weakly removed blocks starting at i.
        let mut end = i;
        while end + 1 < segments.len() && (weak[end + 1] || !visible(&(end + 1))) {
            end += 1;
        }
        let before = (0..i).rev().find(visible);
        let after = (end + 1..segments.len()).find(visible);
        let body = |j: Option<usize>| j.is_some_and(|j| out[j].is_none() && segments[j].hints.main);
        let run = (i..=end).filter(|&j| weak[j]).count();
        if body(before) && body(after) && run <= BETWEEN_MAX_RUN {
            for j in i..=end {
                if weak[j] {
                    out[j] = None;
                }
            }
        }
        i = end + 1;
    }
}

/// A comment section inside the main container that its markup does not
/// name: a heading whose text is a thread header ("Comments", "12
/// Comments", "Leave a Reply") with body text of the article above it.
/// Everything after it in the container, up to the next heading of its
/// level or higher that is not itself a comment header, is the thread:
/// flat blog templates (TypePad) put the comments in the post's own `<div>`,
/// one `<p>` per comment, with no comment class anywhere.
fn comment_sections(segments: &[Segment<'_>], features: &[Features], out: &mut [Option<Reason>]) {
    let is_header = |i: usize| {
        let s = &segments[i];
        s.kind == BlockKind::Heading
            && s.hints.main
            && features[i].link_density < 0.5
            && s.text.len() <= patterns::MAX_PATTERN_BYTES
            && patterns::recognise(&s.text) == Some(Reason::Comments)
    };
    let mut body_above = false;
    let mut i = 0;
    while i < segments.len() {
        if !body_above || !is_header(i) {
            body_above |= out[i].is_none() && segments[i].hints.main;
            i += 1;
            continue;
        }
        let level = segments[i].hints.heading_level;
        let mut j = i + 1;
        while j < segments.len() && segments[j].hints.main {
            let s = &segments[j];
            if s.kind == BlockKind::Heading
                && s.hints.heading_level != 0
                && s.hints.heading_level <= level
                && !is_header(j)
            {
                break;
            }
            if s.kind != BlockKind::Metadata && out[j].is_none() {
                out[j] = Some(Reason::Comments);
            }
            j += 1;
        }
        i = j;
    }
}

/// A blog engine's post footer, in its own words: WordPress themes close a
/// post with "This entry was posted on <date> and is filed under <topics>.
/// You can follow any responses to this entry through the RSS 2.0 feed",
/// TypePad with "TrackBack URL for this entry:". The wording is the
/// engine's, so it is clutter wherever it sits and however short the post
/// (a short post skips [`story_tail`]); on dragnet-train 8 of the 9 kept
/// blocks opening "This entry was posted" were not in the gold, the ninth
/// ("This entry was posted in <topics> and tagged…", without a date) is
/// not matched.
fn post_footer_reason(text: &str) -> Option<Reason> {
    const FOOTERS: &[&str] = &[
        "follow any responses to this entry",
        "you can leave a response, or trackback",
    ];
    let lower = crate::textutil::lowercase(text);
    if lower.starts_with("this entry was posted on ") || FOOTERS.iter().any(|f| lower.contains(f)) {
        return Some(Reason::SourceFooter);
    }
    if lower.starts_with("trackback url for this entry") {
        return Some(Reason::Comments);
    }
    None
}

fn post_footers(segments: &[Segment<'_>], features: &[Features], out: &mut [Option<Reason>]) {
    for (i, seg) in segments.iter().enumerate() {
        if out[i].is_none()
            && features[i].words() <= TAIL_MAX_WORDS
            && let Some(r) = post_footer_reason(&seg.text)
        {
            out[i] = Some(r);
        }
    }
}

/// How many of the last body blocks the tail rule looks at.
const TAIL_BLOCKS: usize = 4;
/// Tail blocks are short: a credit line or a call to action, not a
/// paragraph of the story.
const TAIL_MAX_WORDS: usize = 70;
/// An e-mail address or a "follow me" makes a contact line only in a short
/// block; a paragraph may well ask readers to write in.
const CONTACT_MAX_WORDS: usize = 35;

/// The end of a story often carries the site's voice rather than the
/// story's: reporting credits, author contact lines, newsletter and
/// membership pitches, affiliate disclosures. They sit inside the article
/// element, so only their wording gives them away.
fn story_tail(segments: &[Segment<'_>], features: &[Features], out: &mut [Option<Reason>]) {
    let body: Vec<usize> = (0..segments.len()).filter(|&i| out[i].is_none()).collect();
    if body.len() <= TAIL_BLOCKS {
        // A short post is all story.
        return;
    }
    for &i in body.iter().rev().take(TAIL_BLOCKS) {
        if features[i].words() > TAIL_MAX_WORDS {
            continue;
        }
        if let Some(r) = tail_reason(&segments[i].text, features[i].words()) {
            out[i] = Some(r);
        }
    }
}

fn tail_reason(text: &str, words: usize) -> Option<Reason> {
    let lower = text.to_lowercase();
    let l = lower.trim_start_matches(['(', '[', ' ']);
    const CREDITS: &[&str] = &[
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "compiled by",
        "associated press writers",
        "associated press writer",
        "contributing:",
        "citation:",
    ];
    if CREDITS.iter().any(|c| l.starts_with(c)) {
        return Some(Reason::Byline);
    }
    let email = lower.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.find('@')
            .is_some_and(|at| at > 0 && w[at..].contains('.'))
    });
    let follow = [
        "follow us",
        "follow him",
        "follow her",
        "follow me",
        "follow @",
        "follow them",
    ];
    if words <= CONTACT_MAX_WORDS && (email || follow.iter().any(|f| lower.contains(f))) {
        return Some(Reason::Byline);
    }
    const PITCHES: &[&str] = &[
        "affiliate",
        "become a member",
        "support our journalism",
        "delivered to your inbox",
        "delivered through your letterbox",
        "is committed to publishing",
        "all rights reserved",
        "this document is subject to copyright",
        "have a tip",
        "if you enjoyed this article",
        "sign up for our",
        "sign up to our",
    ];
    if PITCHES.iter().any(|p| lower.contains(p)) {
        return Some(Reason::Promo);
    }
    None
}

/// A subheading is body only if body text follows it: a heading kept in
/// the body whose next block was removed, with no body block after it in
/// its container, heads that removed block ("Related", "More on this").
fn orphan_headings(segments: &[Segment<'_>], out: &mut [Option<Reason>]) {
    for i in (0..segments.len()).rev() {
        if out[i].is_some() || segments[i].kind != BlockKind::Heading {
            continue;
        }
        let Some(next) = (i + 1..segments.len()).find(|&j| segments[j].kind != BlockKind::Metadata)
        else {
            out[i] = Some(Reason::Boilerplate);
            continue;
        };
        let Some(reason) = out[next] else { continue };
        if matches!(
            reason,
            Reason::Title
                | Reason::DuplicateTitle
                | Reason::Date
                | Reason::Byline
                | Reason::Caption
        ) {
            continue;
        }
        let container = segments[i].hints.container;
        let body_follows = (next..segments.len())
            .take_while(|&j| segments[j].hints.main)
            .any(|j| out[j].is_none() && segments[j].hints.container != container);
        if !body_follows {
            out[i] = Some(reason);
        }
    }
}

/// Most words of a teaser: a headline's summary, not a paragraph.
const TEASER_MAX_WORDS: usize = 80;

/// Whether the block ends in a "Read more" link to another story: a
/// teaser's summary ("… this week. Read more...", "Read more »"), as news
/// lists under a press release repeat them. Not "[Read More]" in
/// brackets: the trackback excerpts that dragnet-train's annotators keep.
fn is_teaser(text: &str) -> bool {
    let t = text.trim_end_matches(['.', '…', '»', '>', ' ', '›']);
    let n = t.len();
    n > 9 && t.is_char_boundary(n - 9) && t[n - 9..].eq_ignore_ascii_case("read more")
}

/// A block that is nothing but a web address.
fn is_url(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
        && !text.contains(char::is_whitespace)
}
