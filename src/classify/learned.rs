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
    let want: Vec<bool> = reasons
        .iter()
        .map(|r| r.is_some_and(|r| model::READMIT.contains(&debug_name(r))))
        .collect();
    let rows = rows(segments, features, reasons, &want);
    for (reason, row) in reasons.iter_mut().zip(rows) {
        if row.is_some_and(|row| probability(&row) >= model::THRESHOLD) {
            *reason = None;
        }
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

/// The feature rows of `bench/learned/data.py` `features` of the lines
/// `want` marks, all measured against the hand decisions `reasons`.
fn rows(
    segments: &[Segment<'_>],
    features: &[Features],
    reasons: &[Option<Reason>],
    want: &[bool],
) -> Vec<Option<[f64; model::N_FEATURES]>> {
    let n = reasons.len();
    let kept: Vec<bool> = reasons.iter().map(Option::is_none).collect();
    let words: Vec<f64> = features.iter().map(|f| f.words() as f64).collect();
    let total: f64 = words.iter().sum();
    let tot_words = if total > 0.0 { total } else { 1.0 };
    let kept_words: f64 = (0..n).filter(|&i| kept[i]).map(|i| words[i]).sum();
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
    let mut cum = vec![0.0; n + 1];
    for i in 0..n {
        cum[i + 1] = cum[i] + if kept[i] { words[i] } else { 0.0 };
    }
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if !want[i] {
            out.push(None);
            continue;
        }
        let f = &features[i];
        let mut row = [0.0; model::N_FEATURES];
        let mut v: Vec<f64> = vec![
            ln1p(f.chars() as f64),
            ln1p(words[i]),
            f64::from(f.stop_word_ratio()),
            f64::from(f.capitalised_ratio()),
            flag(f.ends_sentence()),
            f64::from(f.link_density()),
            f.repeats().min(MAX_REPEATS) as f64,
            f64::from(f.digit_ratio()),
            flag(kept[i]),
            before[i].min(MAX_DISTANCE),
            after[i].min(MAX_DISTANCE),
            flag(before[i] <= BETWEEN && after[i] <= BETWEEN),
            ln1p(cum[i]),
            ln1p(kept_words - cum[i + 1]),
            kept_words / tot_words,
            ln1p(kept_words),
            i as f64 / n as f64,
            flag(i > 0 && kept[i - 1]),
            flag(i + 1 < n && kept[i + 1]),
            if i > 0 { ln1p(words[i - 1]) } else { 0.0 },
            if i + 1 < n { ln1p(words[i + 1]) } else { 0.0 },
            if i > 0 {
                f64::from(features[i - 1].stop_word_ratio())
            } else {
                0.0
            },
            if i + 1 < n {
                f64::from(features[i + 1].stop_word_ratio())
            } else {
                0.0
            },
        ];
        let lo = i.saturating_sub(model::WINDOW);
        let hi = (i + model::WINDOW + 1).min(n);
        let others = (lo..hi).filter(|&j| j != i);
        let m = ((hi - lo) as f64 - 1.0).max(1.0);
        let mean = |g: &dyn Fn(usize) -> f64| others.clone().map(g).sum::<f64>() / m;
        v.push(mean(&|j| flag(kept[j])));
        v.push(mean(&|j| ln1p(words[j])));
        v.push(mean(&|j| f64::from(features[j].stop_word_ratio())));
        v.push(mean(&|j| f64::from(features[j].link_density())));
        v.push(mean(&|j| flag(features[j].ends_sentence())));
        let reason = reasons[i].map(debug_name);
        v.extend(model::REASONS.iter().map(|&r| flag(reason == Some(r))));
        let kind = segments[i].kind;
        v.extend(model::KINDS.iter().map(|&k| flag(kind.as_str() == k)));
        row.copy_from_slice(&v);
        out.push(Some(row));
    }
    out
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
