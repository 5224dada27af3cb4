//! Which element holds the article (HTML): Readability's candidate scoring,
//! on the block-element table the segmenter's walk recorded
//! (`segment::html::Elem`). The façade calls [`choose`] between the walk and
//! the metadata, whose headline choice reads the `main` hints set here.
//!
//! Every paragraph-like block of some length gives points (one, plus one per
//! comma up to four, plus one per hundred bytes up to three) to the element around it,
//! half as many to the next one up, and a third divided by the level further
//! up. An element's final score is its points plus the weight of its tag and
//! of its class and id words, times the share of its text that is not link
//! text. The best element is the main-content root; siblings that scored at
//! least a fifth as well join it, since many sites split the story across
//! sibling `<div>`s around ads and figures.

use crate::segment::html::Elem;
use crate::segment::{Segment, hint, tag};
use crate::vocab::BlockKind;

/// Shorter blocks give no points: captions, buttons and labels are short,
/// paragraphs are not.
const MIN_PARAGRAPH_BYTES: usize = 25;
/// The most points a paragraph's commas give. Readability counts every
/// comma, so one list-like paragraph ("I hate capri pants, golf, polo
/// shirts, brunch, …" in a blog's sidebar profile) outscored a whole short
/// post; a paragraph of news prose rarely has more than a few. Measured on
/// the dev pool: 20, 10, 6, 5 and 3 all helped, 4 the most (dragnet-train
/// +0.0018 F1 with the rules before it, wcxb-dev-article +0.0001, zyte
/// unchanged).
const MAX_COMMA_POINTS: usize = 4;
/// How far up the points go.
const MAX_LEVELS: usize = 5;
/// How many ancestors the points may pass through at most, wrappers
/// included.
const MAX_STEPS: usize = 16;
/// A sibling joins the root if it scores at least this share of the root…
const SIBLING_SHARE: f32 = 0.2;
/// …and at least this much.
const SIBLING_MIN: f32 = 10.0;
/// A childless sibling paragraph of this many bytes with little link text
/// joins as well (Readability's rule for `<p>` siblings).
const SIBLING_PROSE_BYTES: u32 = 80;
/// A chunk with the root's tag and class list joins it if it scores at
/// least this share of the root. Any score let teaser excerpts and key-point
/// boxes that reuse a generic class (`div.group`, `entry-content`) join
/// (zyte's CNBC page, a law firm's "recent posts" on wcxb-dev-article); the
/// siblings' share ([`SIBLING_SHARE`]) lost small sections of chunked
/// articles.
const CHUNK_SHARE: f32 = 0.1;
/// From this many bytes on, a block is prose, and the clutter words of an
/// inline element at its start (`<a class="twitter-share-button">`
/// before a Blogger post's text, `<a class="external-popup">` around a
/// product paragraph) do not make the whole block clutter.
const INLINE_CLUTTER_MAX_BYTES: usize = 200;
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
/// Class words of an ancestor region that make everything in it less
/// likely to be the article, and the tags that do the same. Not `nav` or
/// `menu`: `div.content-nav-section` wrapped a whole article on
/// wcxb-dev-article, and menus hold no prose that could win anyway.
const REGION: u32 = hint::SIDEBAR | hint::FOOTER | hint::RELATED | hint::HEADER;
const REGION_TAGS: u32 = tag::ASIDE | tag::FOOTER | tag::NAV;
/// How much an element inside such a region keeps of its score: the
/// element's own class malus ([`CLASS_MALUS`]). A quarter lost a page whose
/// article sits in a `related`-named wrapper and won none back.
const REGION_MALUS: f32 = CLASS_MALUS;
/// A region word on an element holding at least this share of the page's
/// text is a layout name, not a region (`div#header` around the whole of a
/// dragnet-train page). Half was too little: a Blogger sidebar of archive
/// links and blogrolls holds more than half of a short post's page.
const REGION_MAX_SHARE: f32 = 0.8;
/// The share of its root's text a wrapper below the root must hold for its
/// region word (`sidebar-content`, `map-and-related`) to be ignored: a rail
/// beside the story never holds nearly all of the story's text.
const WRAPPER_SHARE: f32 = 0.8;
/// Tag weights (Readability's: `div` +5, lists -3, headings -5) count at
/// this share, since the points they are added to are not Readability's
/// (every block here gives points, not only `<p>`).
const TAG_WEIGHT_SHARE: f32 = 0.2;
/// Class words scale the points rather than add to them (Readability adds
/// 25): an added constant let a 96-byte `<div class="article-title">` beat
/// a story of twenty paragraphs whose wrapper had no telling class.
const CLASS_BONUS: f32 = 1.25;
const CLASS_MALUS: f32 = 0.5;

fn class_weight(attrs: u32) -> f32 {
    if attrs & hint::BODY != 0 {
        CLASS_BONUS * CLASS_BONUS
    } else if attrs & NEGATIVE != 0 {
        CLASS_MALUS
    } else if attrs & hint::CONTENT != 0 {
        CLASS_BONUS
    } else {
        1.0
    }
}

fn commas(text: &str) -> usize {
    text.chars()
        .filter(|&c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

/// Whether `a` is an ancestor of (or is) `d`.
fn contains(elems: &[Elem], a: usize, mut d: usize) -> bool {
    loop {
        if d == a {
            return true;
        }
        let p = elems[d].parent as usize;
        if p >= elems.len() || p >= d {
            return false;
        }
        d = p;
    }
}

/// Readability's two corrections to the best element. When several other
/// elements scored nearly as well (the story is cut into sibling blocks
/// around ads), the nearest ancestor holding at least [`MIN_ALTERNATIVES`]
/// of them becomes the root. Then, going up, a parent that scored better
/// than the root replaces it.
fn climb(elems: &[Elem], finals: &[f32], top: usize, score: f32) -> (usize, f32) {
    let alternatives: Vec<usize> = (0..elems.len())
        .filter(|&i| {
            i != top
                && finals[i] >= score * ALTERNATIVE_SHARE
                && !contains(elems, i, top)
                && !contains(elems, top, i)
        })
        .take(64)
        .collect();
    let mut top = top;
    if alternatives.len() >= MIN_ALTERNATIVES {
        let mut a = elems[top].parent as usize;
        while a < elems.len() && elems[a].depth > 2 {
            let n = alternatives
                .iter()
                .filter(|&&i| contains(elems, a, i))
                .count();
            if n >= MIN_ALTERNATIVES {
                top = a;
                break;
            }
            a = elems[a].parent as usize;
        }
    }
    let mut best = finals[top].max(score);
    loop {
        let p = elems[top].parent as usize;
        if p >= elems.len() || elems[p].depth <= 2 || finals[p] <= best {
            break;
        }
        best = finals[p];
        top = p;
    }
    (top, best)
}

/// The one story whose wrapper's class names it the article body
/// (`entry-content`, `article-body`), when the best candidate lies outside
/// it and it scored at least [`LONE_BODY_SHARE`] of the best. A short
/// blog post of two paragraphs lost to an unclassed column of event
/// blurbs beside it (dragnet-train's TypePad and Blogger pages). Only when
/// every scored body-classed element lies on one line of descent (one
/// story, its `entry-content > entry-body` wrappers): on a list of teasers
/// each with its own `entry-content`, the class says nothing.
fn lone_body(elems: &[Elem], finals: &[f32], top: usize, score: f32) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut deepest: Option<usize> = None;
    for (i, e) in elems.iter().enumerate() {
        if e.attrs & hint::BODY == 0 || finals[i] <= 0.0 {
            continue;
        }
        match deepest {
            Some(d) if !contains(elems, d, i) && !contains(elems, i, d) => return None,
            Some(d) if contains(elems, d, i) => deepest = Some(i),
            Some(_) => {}
            None => deepest = Some(i),
        }
        if best.is_none_or(|b| finals[i] > finals[b]) {
            best = Some(i);
        }
    }
    let b = best?;
    if contains(elems, b, top) || contains(elems, top, b) || finals[b] < score * LONE_BODY_SHARE {
        return None;
    }
    Some(b)
}

/// How many ancestors of the root [`uncle_prose`] looks beside: one
/// found the same pages as none; three added a zyte page's sidebar note.
const UNCLE_LEVELS: usize = 2;
/// An ancestor whose text is more than this many times the root's is a
/// page column, not the story's wrapper, and the search stops there.
const UNCLE_MAX_RATIO: f32 = 3.0;

/// A childless paragraph of some length with little link text: Readability's
/// test for a `<p>` sibling that joins the root ([`SIBLING_PROSE_BYTES`]).
fn is_prose(e: &Elem) -> bool {
    e.kind == BlockKind::Paragraph
        && e.tags == 0
        && e.children == 0
        && e.text >= SIBLING_PROSE_BYTES
        && (e.link as f32) < e.text as f32 * 0.25
}

/// Prose paragraphs beside the root's wrappers: Readability's `<p>`-sibling
/// rule one and two levels up. A post's own lead paragraph sits beside the
/// wrapper of the part that scored best (a press release under
/// `div#pr_box > div#pr_text` on Engadget, a chunk of an article cut into
/// sections on wcxb-dev-article). Only while the ancestor holds at most
/// [`UNCLE_MAX_RATIO`] times the root's text, and, in document order from
/// the root's branch, only up to the first child that is a comment
/// section or carries a clutter word: the comment form's guidelines after
/// a thread are no lead paragraph.
fn uncle_prose(elems: &[Elem], in_comments: &[bool], top: usize, roots: &mut [bool]) {
    let mut child = top;
    let mut a = elems[top].parent as usize;
    for _ in 0..UNCLE_LEVELS {
        if a >= elems.len() || elems[a].depth <= 2 {
            return;
        }
        if elems[a].text as f32 > elems[top].text as f32 * UNCLE_MAX_RATIO {
            return;
        }
        if elems[a].attrs & NEGATIVE != 0 || in_comments[a] {
            return;
        }
        let kids: Vec<usize> = (a + 1..elems.len())
            .take_while(|&i| contains(elems, a, i))
            .filter(|&i| elems[i].parent as usize == a)
            .collect();
        let at = kids.iter().position(|&k| k == child).unwrap_or(0);
        let clutter = |i: usize| in_comments[i] || elems[i].attrs & NEGATIVE != 0;
        for &k in kids[at + 1..].iter() {
            if clutter(k) {
                break;
            }
            if is_prose(&elems[k]) {
                roots[k] = true;
            }
        }
        for &k in kids[..at].iter().rev() {
            if clutter(k) {
                break;
            }
            if is_prose(&elems[k]) {
                roots[k] = true;
            }
        }
        child = a;
        a = elems[a].parent as usize;
    }
}

/// How far above the confirmed headline its story's wrapper may sit.
const HEADLINE_STEPS: usize = 6;

/// A root with less text than this that the headline's story outside it
/// outscored by a fifth or more is a rail's blurb (a profile's "I live. I
/// learn. I teach…"), and the story replaces it rather than joining it.
/// Larger roots stay: on three wcxb-dev-article pages the root of several
/// thousand bytes was the story and the headline's wrapper a teaser.
const RAIL_MAX_BYTES: u32 = 400;
/// The headline's story joins the main content if it scored at least this
/// share of the root: a fifth, as for siblings ([`SIBLING_SHARE`]); a
/// twentieth added bylines and author boxes on dragnet-train and
/// wcxb-dev-article pages whose story was already chosen.
const HEADLINE_STORY_SHARE: f32 = SIBLING_SHARE;

/// The story under the page's confirmed headline (the heading that
/// `<title>` or `og:title` names whole), when the main content lies
/// elsewhere: the nearest wrapper of the headline that holds scored prose
/// (at most [`HEADLINE_STEPS`] levels up). It joins the root when it
/// scored at least [`HEADLINE_STORY_SHARE`] of it and neither it nor its
/// parent holds the root: a wrapper beside the root is the story's header
/// (byline, author links), while a wrapper in another column is a short
/// post that a sidebar profile outscored (dragnet-train's Posterous
/// pages, a promo page on wcxb-dev-article). When the root is a short
/// blurb ([`RAIL_MAX_BYTES`]) a wrapper beside it counts as well: the
/// blurb is then the author box beside a comic's post, and the headline's
/// wrapper the post (dragnet-train). The root stays unless it is such a
/// blurb: the evidence says where the story is, not that a root of some
/// length is clutter.
#[allow(clippy::too_many_arguments)]
fn headline_story(
    elems: &[Elem],
    finals: &[f32],
    roots: &[bool],
    in_comments: &[bool],
    anchor: Option<usize>,
    seg_elem: &[u32],
    top: usize,
    score: f32,
) -> Option<usize> {
    let h = *seg_elem.get(anchor?)? as usize;
    // Already in the main content?
    let mut a = h;
    loop {
        if roots[a] {
            return None;
        }
        let p = elems[a].parent as usize;
        if p >= elems.len() || p >= a {
            break;
        }
        a = p;
    }
    let mut p = elems[h].parent as usize;
    for _ in 0..HEADLINE_STEPS {
        if p >= elems.len() {
            return None;
        }
        if finals[p] > 0.0 {
            break;
        }
        p = elems[p].parent as usize;
    }
    // Beside a short blurb, the headline's wrapper is the post, not the
    // blurb's header.
    let rail = elems[top].text < RAIL_MAX_BYTES;
    if p >= elems.len()
        || finals[p] <= 0.0
        || in_comments[p]
        || contains(elems, p, top)
        || (!rail && contains(elems, elems[p].parent as usize, top))
        || finals[p] < score * HEADLINE_STORY_SHARE
    {
        return None;
    }
    Some(p)
}

/// A root scoring less than this is weak: one or two short paragraphs,
/// as much as a blog's profile blurb or a licence note gives. The
/// siblings' floor ([`SIBLING_MIN`]).
const WEAK_SCORE: f32 = SIBLING_MIN;

/// The body-classed element of a post that holds no scored prose (a photo
/// post: `div.post-body entry-content` around an image and a line), when
/// the best candidate is weak and lies outside it. The post is near-empty,
/// and the weak candidate is a blurb of the page's rails (a site
/// description under the archive list, a shop's product note); the body
/// element replaces it, with whatever short text it holds. Only when every
/// body-classed element lies on one line of descent, as for [`lone_body`];
/// the outermost of them is returned.
fn empty_body(elems: &[Elem], finals: &[f32], top: usize, score: f32) -> Option<usize> {
    if score >= WEAK_SCORE {
        return None;
    }
    let mut outer: Option<usize> = None;
    let mut deepest: Option<usize> = None;
    for (i, e) in elems.iter().enumerate() {
        if e.attrs & hint::BODY == 0 {
            continue;
        }
        if finals[i] > 0.0 {
            return None;
        }
        match deepest {
            Some(d) if !contains(elems, d, i) => return None,
            _ => deepest = Some(i),
        }
        outer.get_or_insert(i);
    }
    let b = outer?;
    if contains(elems, b, top) || contains(elems, top, b) {
        return None;
    }
    Some(b)
}

/// The chunks of a story whose page builder repeats a body class
/// (`entry-content`, `article-body`) on each of its sections, when the
/// root lies outside all of them and together they outscore it: the
/// outermost body-classed elements that hold an element scoring at least
/// [`SIBLING_MIN`]. A FAQ or an author box of one section outscored each
/// chunk alone (wcxb-dev-article).
fn body_chunks(elems: &[Elem], finals: &[f32], top: usize, score: f32) -> Option<Vec<usize>> {
    let mut chunks: Vec<(usize, f32)> = Vec::new();
    for (i, e) in elems.iter().enumerate() {
        if e.attrs & hint::BODY == 0 {
            continue;
        }
        if contains(elems, i, top) || contains(elems, top, i) {
            return None;
        }
        match chunks.last_mut() {
            Some((c, best)) if contains(elems, *c, i) => *best = best.max(finals[i]),
            _ => chunks.push((i, finals[i])),
        }
    }
    // Scores of elements below a chunk that carry no body class.
    for (c, best) in chunks.iter_mut() {
        let below = (*c + 1..elems.len()).take_while(|&i| contains(elems, *c, i));
        *best = below.fold(*best, |b, i| b.max(finals[i]));
    }
    chunks.retain(|&(_, b)| b >= SIBLING_MIN);
    let sum: f32 = chunks.iter().map(|&(_, b)| b).sum();
    if chunks.len() < 2 || sum <= score {
        return None;
    }
    Some(chunks.into_iter().map(|(c, _)| c).collect())
}

/// How many blocks after the confirmed headline a weak root may begin
/// and still be the headline's story. Where the best candidate was weak
/// and right of the headline, it began at most nine blocks after it on the
/// dev pool; the blurbs at the foot of near-empty posts ("This page is
/// best viewed in an up-to-date web browser…", a licence note) began 55
/// and 265 blocks after it.
const HEADLINE_FAR_BLOCKS: usize = 20;

/// Whether the root is a weak blurb far from the page's story: it begins
/// more than [`HEADLINE_FAR_BLOCKS`] blocks after the confirmed headline.
/// The page then holds no article text beyond its headline (a photo or
/// video post whose gold is the headline and the date), and choosing
/// nothing is better than choosing the blurb: an empty output says that
/// no article was found, a wrong one says a footer note is the article.
fn stray_blurb(
    elems: &[Elem],
    seg_elem: &[u32],
    anchor: Option<usize>,
    top: usize,
    score: f32,
) -> bool {
    if score >= WEAK_SCORE {
        return false;
    }
    let Some(a) = anchor else { return false };
    let first = seg_elem
        .iter()
        .position(|&e| contains(elems, top, e as usize));
    first.is_some_and(|f| f > a + HEADLINE_FAR_BLOCKS)
}

/// Measured on the dev pool: half won back one lost dragnet-train page, a
/// third two and a fifth two with the fewest polluted pages; no set lost
/// anything at any of them.
const LONE_BODY_SHARE: f32 = 0.2;

/// Readability's share for "nearly as good" among the other candidates.
const ALTERNATIVE_SHARE: f32 = 0.75;
const MIN_ALTERNATIVES: usize = 3;

/// Scores the elements, picks the main content and fills the `main` and
/// `local_*` hints of every segment.
pub(crate) fn choose(
    elems: &mut [Elem],
    segments: &mut [Segment<'_>],
    seg_elem: &[u32],
    seg_inline: &[(u32, u32)],
    anchor: Option<usize>,
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
        let mut points =
            1.0 + commas(&seg.text).min(MAX_COMMA_POINTS) as f32 + (len as f32 / 100.0).min(3.0);
        if seg.kind == BlockKind::ListItem {
            // Lists are menus as often as they are article content.
            points *= 0.5;
        }
        // Wrappers with a single block child do not count as a level: a
        // paragraph in `<div><div><p>` gives its wrappers the points its
        // `<div>` gets, so deep nesting does not dilute a story.
        // Text straight inside a body-classed wrapper (`div.post-body`
        // with `<br>` lines) credits that wrapper too, not only its
        // ancestors: it scored nothing itself, so its class could never
        // win and a Blogger sidebar profile took the page (dragnet-train).
        let mut p = if elems[e as usize].attrs & hint::BODY != 0 {
            e
        } else {
            elems[e as usize].parent
        };
        let mut level = 0;
        let mut steps = 0;
        while level < MAX_LEVELS && steps < MAX_STEPS {
            let Some(a) = elems.get_mut(p as usize) else {
                break;
            };
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            a.score += points / div;
            if a.children > 1 {
                level += 1;
            }
            steps += 1;
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
    // Nothing inside a comment section is a candidate: on an open thread
    // with two hundred comments they outscore the post itself.
    let mut in_comments = vec![false; elems.len()];
    for i in 0..elems.len() {
        let p = elems[i].parent as usize;
        in_comments[i] = elems[i].attrs & hint::COMMENT != 0 || (p < i && in_comments[p]);
    }
    // Inside a sidebar, a footer or a menu: a blog's author profile or
    // "About" box in the sidebar outscored a short post (dragnet-train's
    // Blogger pages), since its own class says nothing. A wrapper holding
    // most of the page is no region (`div#footer-wrap` around everything).
    // The region element itself counts too: `div#header` around a blog
    // blurb won on its own.
    // Nor is one that holds an article element or a body-classed one.
    let page_text = elems[0].text;
    let mut holds_body = vec![false; elems.len()];
    for i in (1..elems.len()).rev() {
        let e = &elems[i];
        if e.attrs & hint::BODY != 0 || e.tags & (tag::ARTICLE | tag::MAIN) != 0 {
            holds_body[i] = true;
        }
        let p = e.parent as usize;
        if holds_body[i] && p < i {
            holds_body[p] = true;
        }
    }
    let mut in_region = vec![false; elems.len()];
    for i in 1..elems.len() {
        let a = &elems[i];
        let region = (a.attrs & REGION != 0 || a.tags & REGION_TAGS != 0)
            && !holds_body[i]
            && (a.text as f32) < page_text as f32 * REGION_MAX_SHARE;
        let p = a.parent as usize;
        in_region[i] = region || (p < i && in_region[p]);
    }
    for (i, e) in elems.iter().enumerate() {
        if e.score <= 0.0 || in_comments[i] {
            continue;
        }
        let density = if e.text == 0 {
            0.0
        } else {
            e.link as f32 / e.text as f32
        };
        let f =
            (e.score * class_weight(e.attrs) + e.tag_weight * TAG_WEIGHT_SHARE) * (1.0 - density);
        let f = if in_region[i] { f * REGION_MALUS } else { f };
        finals[i] = f;
        if best.is_none_or(|(_, b)| f > b) {
            best = Some((i, f));
        }
    }
    if let Some((top, score)) = best
        && let Some(b) = lone_body(elems, &finals, top, score)
    {
        best = Some((b, finals[b]));
    }
    // A near-empty post: its body element replaces a weak blurb elsewhere.
    let mut empty_post = None;
    if let Some((top, score)) = best
        && let Some(b) = empty_body(elems, &finals, top, score)
    {
        empty_post = Some(b);
    }
    let mut roots = vec![false; elems.len()];
    let best = best.map(|(top, score)| climb(elems, &finals, top, score));
    match best {
        Some((top, score)) => {
            roots[top] = true;
            let parent = elems[top].parent;
            let threshold = (score * SIBLING_SHARE).max(SIBLING_MIN);
            let top_attrs = elems[top].attrs;
            // A story cut into chunks by ads and rails repeats its body
            // class on every chunk; the chunks need not be siblings.
            if top_attrs & hint::BODY != 0 {
                for (i, e) in elems.iter().enumerate() {
                    if e.attrs == top_attrs && finals[i] > 0.0 {
                        roots[i] = true;
                    }
                }
            }
            // Page builders cut an article into components, each text
            // section in the same wrapper stack (`div.text-section-body`),
            // their common ancestor several levels up: chunks with the
            // root's tag and class list that hold scored prose join it.
            let top_class = elems[top].class;
            let chunk_min = (score * CHUNK_SHARE).max(SIBLING_MIN);
            if top_class != 0 {
                for (i, e) in elems.iter().enumerate() {
                    if e.class == top_class && finals[i] >= chunk_min && !in_comments[i] {
                        roots[i] = true;
                    }
                }
            }
            for (i, e) in elems.iter().enumerate() {
                if i == top || e.parent != parent || parent == u32::MAX {
                    continue;
                }
                // Readability's bonus for a sibling with the root's class.
                let bonus = if e.attrs == top_attrs && top_attrs != 0 {
                    score * SIBLING_SHARE
                } else {
                    0.0
                };
                let prose = e.kind == BlockKind::Paragraph
                    && e.tags == 0
                    && e.text >= SIBLING_PROSE_BYTES
                    && (e.link as f32) < e.text as f32 * 0.25;
                if finals[i] + bonus >= threshold || (prose && e.children == 0) {
                    roots[i] = true;
                }
            }
            uncle_prose(elems, &in_comments, top, &mut roots);
        }
        None => roots[0] = true,
    }
    // The confirmed headline's own story, when a rail outscored it.
    if let Some((top, score)) = best
        && let Some(c) = headline_story(
            elems,
            &finals,
            &roots,
            &in_comments,
            anchor,
            seg_elem,
            top,
            score,
        )
    {
        // A root of one short blurb is the rail itself: the story replaces it.
        if elems[top].text < RAIL_MAX_BYTES {
            roots.iter_mut().for_each(|r| *r = false);
        }
        roots[c] = true;
    } else if let Some((top, score)) = best {
        // A story in body-classed sections outside the root: the
        // sections. A near-empty post: its own body element, or nothing,
        // rather than a blurb of the rails.
        if let Some(chunks) = body_chunks(elems, &finals, top, score) {
            roots.iter_mut().for_each(|r| *r = false);
            for c in chunks {
                roots[c] = true;
            }
        } else if let Some(b) = empty_post {
            roots.iter_mut().for_each(|r| *r = false);
            roots[b] = true;
        } else if stray_blurb(elems, seg_elem, anchor, top, score) {
            roots.iter_mut().for_each(|r| *r = false);
        }
    }
    // In pre-order: inside main if a root or below one; local bits are the
    // bits below the root inside main, all bits outside.
    let mut main = vec![false; elems.len()];
    let mut local = vec![(0u32, 0u32); elems.len()];
    // The text of the root each element sits under (0 outside main).
    let mut root_text = vec![0u32; elems.len()];
    for i in 0..elems.len() {
        let p = elems[i].parent as usize;
        let (pm, pl, pr) = if p < i {
            (main[p], local[p], root_text[p])
        } else {
            (false, (0, 0), 0)
        };
        let mut own = (elems[i].tags, elems[i].attrs);
        // A region word on a wrapper that holds nearly all of its root's
        // text names the layout, not a rail: `div.sidebar-content` around
        // a whole story removed every paragraph as related stories.
        if pm && !roots[i] && elems[i].text as f32 >= pr as f32 * WRAPPER_SHARE {
            own.1 &= !REGION;
        }
        if roots[i] {
            main[i] = true;
            local[i] = (0, 0);
            root_text[i] = elems[i].text;
        } else {
            main[i] = pm;
            local[i] = (pl.0 | own.0, pl.1 | own.1);
            root_text[i] = pr;
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
        // An inline element's clutter word names that element (a tweet
        // button, a link), not a long block it opens.
        let ia = if seg.text.len() >= INLINE_CLUTTER_MAX_BYTES {
            ia & !(NEGATIVE | hint::AUTHOR | hint::BYLINE)
        } else {
            ia
        };
        seg.hints.local_attrs = local[e].1 | ia;
    }
}
