//! A second opinion, learned from the dev pool, on scraped-text lines the
//! hand rules removed.
//!
//! Small boosted trees (`learned/model.rs`, generated with a fixed seed by
//! `bench/learned/train.py` from the block export of
//! `bench/harness/src/bin/block-export.rs`; bench/LEARNED.md has the
//! figures) read each line's features, the hand decision and the decisions
//! around it, and give the probability that the line is article body. A
//! line the rules removed under one of [`model::READMIT`] goes back into the
//! body when that probability reaches [`model::THRESHOLD`]; every other
//! decision stays the hand rules'. The model never removes a line.

use crate::segment::Segment;
use crate::vocab::{Features, Reason};

// Generated numbers: thresholds such as ln 2 = ln(1 + 1 word) are data.
#[rustfmt::skip]
#[allow(clippy::approx_constant, clippy::unreadable_literal)]
mod model;

/// Distances to the nearest kept line are capped here.
const MAX_DISTANCE: f64 = 20.0;
/// Repeats are capped here.
const MAX_REPEATS: usize = 5;
/// Kept lines at most this far on both sides make a line "between kept".
const BETWEEN: f64 = 3.0;

/// Puts back into the body the removed lines the model is confident about.
pub(crate) fn readmit(
    segments: &[Segment<'_>],
    features: &[Features],
    reasons: &mut [Option<Reason>],
) {
    if !reasons
        .iter()
        .any(|r| r.is_some_and(|r| model::READMIT.contains(&debug_name(r))))
    {
        return;
    }
    let back: Vec<usize> = {
        let page = Page::new(segments, features, reasons);
        (0..reasons.len())
            .filter(|&i| {
                reasons[i].is_some_and(|r| model::READMIT.contains(&debug_name(r)))
                    && probability(&page.row(i)) >= model::THRESHOLD
            })
            .collect()
    };
    for i in back {
        reasons[i] = None;
    }
}

/// The model's probability that a line with feature row `row` is body.
fn probability(row: &[f64; model::N_FEATURES]) -> f32 {
    let mut logit = f64::from(model::BASELINE);
    for &root in &model::ROOTS {
        let mut at = usize::from(root);
        loop {
            let (feature, threshold, left, right, value) = model::NODES[at];
            if feature == u8::MAX {
                logit += f64::from(value);
                break;
            }
            at = usize::from(if row[usize::from(feature)] <= f64::from(threshold) {
                left
            } else {
                right
            });
        }
    }
    (1.0 / (1.0 + (-logit).exp())) as f32
}

/// The variant's name, as the block export writes it (`{:?}`).
fn debug_name(reason: Reason) -> &'static str {
    match reason {
        Reason::Title => "Title",
        Reason::DuplicateTitle => "DuplicateTitle",
        Reason::Navigation => "Navigation",
        Reason::RelatedStories => "RelatedStories",
        Reason::Promo => "Promo",
        Reason::SourceFooter => "SourceFooter",
        Reason::Date => "Date",
        Reason::ReadingTime => "ReadingTime",
        Reason::Standfirst => "Standfirst",
        Reason::Byline => "Byline",
        Reason::Caption => "Caption",
        Reason::Comments => "Comments",
        Reason::Advertisement => "Advertisement",
        Reason::Legal => "Legal",
        Reason::Boilerplate => "Boilerplate",
    }
}

fn ln1p(x: f64) -> f64 {
    x.ln_1p()
}

fn flag(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// What the feature rows of `bench/learned/data.py` `features` need of the
/// whole page, measured once against the hand decisions, so that a row
/// costs the same whatever the page's length.
struct Page<'p> {
    segments: &'p [Segment<'p>],
    features: &'p [Features],
    reasons: &'p [Option<Reason>],
    kept: Vec<bool>,
    /// `ln(1 + words)` of each line.
    log_words: Vec<f64>,
    /// Distance to the nearest kept line before and after.
    before: Vec<f64>,
    after: Vec<f64>,
    /// Kept words before each line (`n + 1` entries).
    cum_kept: Vec<f64>,
    kept_words: f64,
    total_words: f64,
    /// Prefix sums of what the window features average: kept, log words,
    /// stop-word ratio, link density, sentence end (`n + 1` entries each).
    sums: [Vec<f64>; 5],
}

impl<'p> Page<'p> {
    fn new(
        segments: &'p [Segment<'p>],
        features: &'p [Features],
        reasons: &'p [Option<Reason>],
    ) -> Page<'p> {
        let n = reasons.len();
        let kept: Vec<bool> = reasons.iter().map(Option::is_none).collect();
        let words: Vec<f64> = features.iter().map(|f| f.words() as f64).collect();
        let log_words: Vec<f64> = words.iter().map(|&w| ln1p(w)).collect();
        let mut before = vec![f64::INFINITY; n];
        let mut last = None;
        for i in 0..n {
            if let Some(l) = last {
                before[i] = (i - l) as f64;
            }
            if kept[i] {
                last = Some(i);
            }
        }
        let mut after = vec![f64::INFINITY; n];
        let mut next = None;
        for i in (0..n).rev() {
            if let Some(x) = next {
                after[i] = (x - i) as f64;
            }
            if kept[i] {
                next = Some(i);
            }
        }
        let mut cum_kept = vec![0.0; n + 1];
        let mut sums: [Vec<f64>; 5] = std::array::from_fn(|_| vec![0.0; n + 1]);
        for i in 0..n {
            let f = &features[i];
            cum_kept[i + 1] = cum_kept[i] + if kept[i] { words[i] } else { 0.0 };
            let x = [
                flag(kept[i]),
                log_words[i],
                f64::from(f.stop_word_ratio()),
                f64::from(f.link_density()),
                flag(f.ends_sentence()),
            ];
            for (s, x) in sums.iter_mut().zip(x) {
                s[i + 1] = s[i] + x;
            }
        }
        Page {
            segments,
            features,
            reasons,
            kept_words: cum_kept[n],
            total_words: words.iter().sum(),
            kept,
            log_words,
            before,
            after,
            cum_kept,
            sums,
        }
    }

    /// The feature row of line `i`.
    fn row(&self, i: usize) -> [f64; model::N_FEATURES] {
        let n = self.kept.len();
        let f = &self.features[i];
        let tot_words = if self.total_words > 0.0 {
            self.total_words
        } else {
            1.0
        };
        let stop = |j: usize| f64::from(self.features[j].stop_word_ratio());
        let mut row = [0.0; model::N_FEATURES];
        let head = [
            ln1p(f.chars() as f64),
            self.log_words[i],
            stop(i),
            f64::from(f.capitalised_ratio()),
            flag(f.ends_sentence()),
            f64::from(f.link_density()),
            f.repeats().min(MAX_REPEATS) as f64,
            f64::from(f.digit_ratio()),
            flag(self.kept[i]),
            self.before[i].min(MAX_DISTANCE),
            self.after[i].min(MAX_DISTANCE),
            flag(self.before[i] <= BETWEEN && self.after[i] <= BETWEEN),
            ln1p(self.cum_kept[i]),
            ln1p(self.kept_words - self.cum_kept[i + 1]),
            self.kept_words / tot_words,
            ln1p(self.kept_words),
            i as f64 / n as f64,
            flag(i > 0 && self.kept[i - 1]),
            flag(i + 1 < n && self.kept[i + 1]),
            if i > 0 { self.log_words[i - 1] } else { 0.0 },
            if i + 1 < n {
                self.log_words[i + 1]
            } else {
                0.0
            },
            if i > 0 { stop(i - 1) } else { 0.0 },
            if i + 1 < n { stop(i + 1) } else { 0.0 },
        ];
        row[..head.len()].copy_from_slice(&head);
        let mut at = head.len();
        // Means over the lines either side, the line itself left out.
        let lo = i.saturating_sub(model::WINDOW);
        let hi = (i + model::WINDOW + 1).min(n);
        let m = ((hi - lo) as f64 - 1.0).max(1.0);
        for s in &self.sums {
            row[at] = (s[hi] - s[lo] - (s[i + 1] - s[i])) / m;
            at += 1;
        }
        let reason = self.reasons[i].map(debug_name);
        for r in model::REASONS {
            row[at] = flag(reason == Some(r));
            at += 1;
        }
        let kind = self.segments[i].kind.as_str();
        for k in model::KINDS {
            row[at] = flag(kind == k);
            at += 1;
        }
        debug_assert_eq!(at, model::N_FEATURES);
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::BlockKind;

    /// The generated constants are in the format this module reads: one
    /// name per feature, the reason and kind lists the rows are built
    /// from, and every tree a walk that ends in a leaf.
    #[test]
    fn constants_match_the_generator_format() {
        assert_eq!(model::FEATURE_NAMES.len(), model::N_FEATURES);
        let names: Vec<&str> = Reason::ALL.iter().map(|&r| debug_name(r)).collect();
        assert_eq!(names, model::REASONS);
        for r in Reason::ALL {
            assert_eq!(format!("{r:?}"), debug_name(*r));
        }
        for k in model::KINDS {
            assert!(
                [
                    BlockKind::Paragraph,
                    BlockKind::Heading,
                    BlockKind::Quote,
                    BlockKind::ListItem,
                    BlockKind::Preformatted,
                    BlockKind::TableRow,
                    BlockKind::Caption,
                    BlockKind::Metadata
                ]
                .iter()
                .any(|b| b.as_str() == k)
            );
        }
        for r in model::READMIT {
            assert!(model::REASONS.contains(&r));
        }
        for &root in &model::ROOTS {
            let mut stack = vec![(usize::from(root), 0)];
            while let Some((at, depth)) = stack.pop() {
                assert!(depth <= 16, "tree too deep at node {at}");
                let (feature, threshold, left, right, value) = model::NODES[at];
                if feature == u8::MAX {
                    assert!(value.is_finite());
                } else {
                    assert!(usize::from(feature) < model::N_FEATURES);
                    assert!(threshold.is_finite());
                    stack.push((usize::from(left), depth + 1));
                    stack.push((usize::from(right), depth + 1));
                }
            }
        }
    }
}
