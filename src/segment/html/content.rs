//! Which element holds the article: Readability's candidate scoring, on the
//! block-element table the walk built.
//!
//! Every paragraph-like block of some length gives points (one, plus one per
//! comma, plus one per hundred bytes up to three) to the element around it,
//! half as many to the next one up, and a third divided by the level further
//! up. An element's final score is its points plus the weight of its tag and
//! of its class and id words, times the share of its text that is not link
//! text. The best element is the main-content root; siblings that scored at
//! least a fifth as well join it, since many sites split the story across
//! sibling `<div>`s around ads and figures.

use crate::article::BlockKind;
use crate::segment::html::Elem;
use crate::segment::{Segment, hint, tag};

/// Shorter blocks give no points: captions, buttons and labels are short,
/// paragraphs are not.
const MIN_PARAGRAPH_BYTES: usize = 25;
/// How far up the points go.
const MAX_LEVELS: usize = 5;
/// A sibling joins the root if it scores at least this share of the root…
const SIBLING_SHARE: f32 = 0.2;
/// …and at least this much.
const SIBLING_MIN: f32 = 10.0;
/// Class or id words that make an element less likely to be the article.
const NEGATIVE: u32 = hint::COMMENT
    | hint::FOOTER
    | hint::SIDEBAR
    | hint::SHARE
    | hint::SOCIAL
    | hint::RELATED
    | hint::PROMO
    | hint::AD
    | hint::NAV
    | hint::MENU
    | hint::BREADCRUMB
    | hint::NEWSLETTER
    | hint::SUBSCRIBE
    | hint::COOKIE
    | hint::POPUP
    | hint::PAGINATION;
const CLASS_WEIGHT: f32 = 25.0;

fn class_weight(attrs: u32) -> f32 {
    if attrs & NEGATIVE != 0 {
        -CLASS_WEIGHT
    } else if attrs & hint::CONTENT != 0 {
        CLASS_WEIGHT
    } else {
        0.0
    }
}

fn commas(text: &str) -> usize {
    text.chars()
        .filter(|&c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

/// Scores the elements, picks the main content and fills the `main` and
/// `local_*` hints of every segment.
pub(super) fn choose(
    elems: &mut [Elem],
    segments: &mut [Segment<'_>],
    seg_elem: &[u32],
    seg_inline: &[(u32, u32)],
) {
    if elems.is_empty() {
        return;
    }
    for (seg, &e) in segments.iter().zip(seg_elem) {
        let el = &mut elems[e as usize];
        el.text += seg.text.len() as u32;
        el.link += seg.hints.link_bytes as u32;
        let len = seg.text.len();
        let paragraph = matches!(
            seg.kind,
            BlockKind::Paragraph
                | BlockKind::Quote
                | BlockKind::Preformatted
                | BlockKind::TableRow
                | BlockKind::ListItem
        );
        if !paragraph || len < MIN_PARAGRAPH_BYTES || seg.hints.link_bytes * 2 > len {
            continue;
        }
        let mut points = 1.0 + commas(&seg.text) as f32 + (len as f32 / 100.0).min(3.0);
        if seg.kind == BlockKind::ListItem {
            // Lists are menus as often as they are article content.
            points *= 0.5;
        }
        let mut p = elems[e as usize].parent;
        for level in 0..MAX_LEVELS {
            let Some(a) = elems.get_mut(p as usize) else {
                break;
            };
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            a.score += points / div;
            p = a.parent;
        }
    }
    // Children come after their parents, so one reverse pass sums subtrees.
    for i in (1..elems.len()).rev() {
        let (text, link, parent) = (elems[i].text, elems[i].link, elems[i].parent);
        if let Some(p) = elems.get_mut(parent as usize) {
            p.text += text;
            p.link += link;
        }
    }
    let mut best: Option<(usize, f32)> = None;
    let mut finals = vec![0.0f32; elems.len()];
    for (i, e) in elems.iter().enumerate() {
        if e.score <= 0.0 {
            continue;
        }
        let density = if e.text == 0 {
            0.0
        } else {
            e.link as f32 / e.text as f32
        };
        let f = (e.score + e.tag_weight + class_weight(e.attrs)) * (1.0 - density);
        finals[i] = f;
        if best.is_none_or(|(_, b)| f > b) {
            best = Some((i, f));
        }
    }
    let mut roots = vec![false; elems.len()];
    match best {
        Some((top, score)) => {
            roots[top] = true;
            let parent = elems[top].parent;
            let threshold = (score * SIBLING_SHARE).max(SIBLING_MIN);
            for (i, e) in elems.iter().enumerate() {
                if i != top && e.parent == parent && parent != u32::MAX && finals[i] >= threshold {
                    roots[i] = true;
                }
            }
        }
        None => roots[0] = true,
    }
    // In pre-order: inside main if a root or below one; local bits are the
    // bits below the root inside main, all bits outside.
    let mut main = vec![false; elems.len()];
    let mut local = vec![(0u32, 0u32); elems.len()];
    for i in 0..elems.len() {
        let p = elems[i].parent as usize;
        let (pm, pl) = if p < i {
            (main[p], local[p])
        } else {
            (false, (0, 0))
        };
        let own = (elems[i].tags, elems[i].attrs);
        if roots[i] {
            main[i] = true;
            local[i] = (0, 0);
        } else {
            main[i] = pm;
            local[i] = (pl.0 | own.0, pl.1 | own.1);
        }
    }
    for ((seg, &e), &(it, ia)) in segments.iter_mut().zip(seg_elem).zip(seg_inline) {
        let e = e as usize;
        seg.hints.main = main[e];
        // A heading or paragraph that is itself the root keeps its own tag.
        let own_tags = if roots[e] {
            elems[e].tags & (tag::HEADING | tag::LIST)
        } else {
            0
        };
        seg.hints.local_tags = local[e].0 | it | own_tags;
        seg.hints.local_attrs = local[e].1 | ia;
    }
}
