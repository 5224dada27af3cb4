//! Where the missing gold went: the reasons of the removed blocks that held
//! it.
//!
//! A page's missing gold is the multiset of gold shingles the output lacks
//! (the `fn` of the score). Each is looked up among the shingles of the
//! page's blocks, taken in document order as one token stream, so a shingle
//! that straddles two blocks is found too. A missing shingle found in a
//! window that touches a removed block is charged to that block's
//! [`Reason`] (the first removed block of the window, when it touches more
//! than one). A shingle repeated in the gold is charged once per missing
//! copy, each copy to the next occurrence in the stream; what cannot be
//! charged sits in no block at all: the segmenter never produced that text,
//! or produced it worded differently (an HTML gold scraped from other
//! markup, text the cleaner joined or split).
//!
//! Only the public API is used: [`Article::blocks`],
//! [`Block::reason`](deboiler::Block::reason) and
//! [`Block::text`](deboiler::Block::text).

use std::collections::HashMap;

use deboiler::{Article, Reason};

use crate::score;

/// The missing gold of one reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReasonLoss {
    pub reason: Reason,
    /// Missing gold shingles charged to blocks removed for this reason.
    pub shingles: u64,
    /// How many distinct blocks those shingles came from.
    pub blocks: usize,
    /// The text of the block that held the most of them.
    pub example: String,
}

/// Where one page's missing gold went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Why {
    /// Missing gold shingles in all (the page's `fn`).
    pub missing: u64,
    /// Per reason, most shingles first (ties in [`Reason`] order).
    pub by_reason: Vec<ReasonLoss>,
    /// Missing gold shingles found in no block.
    pub in_no_block: u64,
}

/// Charges the missing gold of `gold` (against `article`'s body text) to the
/// removed blocks of `article`.
pub fn why(gold: &str, article: &Article<'_>) -> Why {
    let body = article.body_text();
    let gold_toks = score::tokenize(gold);
    let body_toks = score::tokenize(&body);
    let g: Vec<&str> = gold_toks.iter().map(|t| t.text).collect();
    let p: Vec<&str> = body_toks.iter().map(|t| t.text).collect();
    let gc = score::shingles(&g, score::N);
    let pc = score::shingles(&p, score::N);

    // The block stream: every block's tokens in document order, each token
    // tagged with its block's index.
    let blocks = article.blocks();
    let mut words: Vec<&str> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        for t in score::tokenize(b.text()) {
            words.push(t.text);
            owner.push(i);
        }
    }
    // Each window of the stream that touches a removed block, by shingle,
    // in stream order: the first removed block it touches.
    let mut removed_at: HashMap<&[&str], Vec<usize>> = HashMap::new();
    for (start, width) in score::windows(words.len(), score::N) {
        let first_removed = owner[start..start + width]
            .iter()
            .copied()
            .find(|&b| !blocks[b].is_body());
        if let Some(b) = first_removed {
            removed_at
                .entry(&words[start..start + width])
                .or_default()
                .push(b);
        }
    }

    let mut out = Why::default();
    // Shingles charged per block index.
    let mut per_block: HashMap<usize, u64> = HashMap::new();
    for (shingle, &count) in &gc {
        let missing = u64::from(count - count.min(pc.get(shingle).copied().unwrap_or(0)));
        if missing == 0 {
            continue;
        }
        out.missing += missing;
        let found = removed_at.get(shingle).map_or(&[][..], Vec::as_slice);
        let charged = found.len().min(missing as usize);
        for &b in &found[..charged] {
            *per_block.entry(b).or_insert(0) += 1;
        }
        out.in_no_block += missing - charged as u64;
    }

    let mut by_reason: Vec<(Reason, u64, usize, usize, u64)> = Vec::new();
    let mut charged_blocks: Vec<(usize, u64)> = per_block.into_iter().collect();
    charged_blocks.sort_unstable();
    for (b, n) in charged_blocks {
        // Every charged block is a removed one, so it has a reason.
        let Some(reason) = blocks[b].reason() else {
            continue;
        };
        match by_reason.iter_mut().find(|r| r.0 == reason) {
            Some(r) => {
                r.1 += n;
                r.2 += 1;
                if n > r.4 {
                    (r.3, r.4) = (b, n);
                }
            }
            None => by_reason.push((reason, n, 1, b, n)),
        }
    }
    by_reason.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.by_reason = by_reason
        .into_iter()
        .map(|(reason, shingles, blocks_n, example, _)| ReasonLoss {
            reason,
            shingles,
            blocks: blocks_n,
            example: blocks[example].text().to_owned(),
        })
        .collect();
    out
}

/// Missing gold summed over many pages: shingles per reason name, and in no
/// block.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    pub missing: u64,
    pub by_reason: Vec<(Reason, u64)>,
    pub in_no_block: u64,
}

impl Totals {
    pub fn add(&mut self, w: &Why) {
        self.missing += w.missing;
        self.in_no_block += w.in_no_block;
        for r in &w.by_reason {
            match self.by_reason.iter_mut().find(|(x, _)| *x == r.reason) {
                Some((_, n)) => *n += r.shingles,
                None => self.by_reason.push((r.reason, r.shingles)),
            }
        }
        self.by_reason
            .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str =
        "The council voted on Tuesday to close the old bridge to all traffic for repairs.";
    const NAV: &str = "Home | News | Sport | Weather | Business | Culture";

    #[test]
    fn missing_gold_is_charged_to_the_reason_of_its_block() {
        // The gold holds the navigation line, which the cleaner removes.
        let input = format!("{NAV}\n{BODY}\n");
        let article = deboiler::clean_text(&input).unwrap();
        let removed: Vec<Option<Reason>> = article.removed().map(|b| b.reason()).collect();
        assert_eq!(removed.len(), 1, "{removed:?}");
        let reason = removed[0].unwrap();
        let gold = format!("{NAV}\n{BODY}");
        let w = why(&gold, &article);
        let c = score::score_page(&gold, &article.body_text(), score::N).counts;
        assert_eq!(w.missing, c.fn_);
        assert!(w.missing > 0);
        assert_eq!(w.by_reason.len(), 1, "{w:?}");
        assert_eq!(w.by_reason[0].reason, reason);
        assert_eq!(w.by_reason[0].blocks, 1);
        assert_eq!(w.by_reason[0].example, NAV);
        assert_eq!(w.by_reason[0].shingles + w.in_no_block, w.missing);
        // The windows straddling the navigation line and the body are found
        // in the stream, so nothing is left unaccounted for.
        assert_eq!(w.in_no_block, 0, "{w:?}");
    }

    #[test]
    fn gold_the_page_never_had_is_in_no_block() {
        let article = deboiler::clean_text(BODY).unwrap();
        let gold = format!("{BODY}\nA sentence the scraped page never contained at all, anywhere.");
        let w = why(&gold, &article);
        assert!(w.by_reason.is_empty(), "{w:?}");
        assert!(w.missing > 0);
        assert_eq!(w.in_no_block, w.missing);
    }

    #[test]
    fn nothing_missing_is_nothing_to_explain() {
        let article = deboiler::clean_text(BODY).unwrap();
        assert_eq!(why(BODY, &article), Why::default());
    }

    #[test]
    fn totals_add_up_per_reason() {
        let w = Why {
            missing: 5,
            by_reason: vec![ReasonLoss {
                reason: Reason::Navigation,
                shingles: 3,
                blocks: 1,
                example: String::new(),
            }],
            in_no_block: 2,
        };
        let mut t = Totals::default();
        t.add(&w);
        t.add(&w);
        assert_eq!(t.missing, 10);
        assert_eq!(t.in_no_block, 4);
        assert_eq!(t.by_reason, [(Reason::Navigation, 6)]);
    }
}
