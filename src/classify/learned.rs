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

use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

use crate::segment::Segment;
use crate::vocab::{BlockKind, Features, Reason};

// Generated numbers: thresholds such as ln 2 = ln(1 + 1 word) are data.
#[rustfmt::skip]
#[allow(clippy::approx_constant, clippy::unreadable_literal)]
mod model;

/// Distances to the nearest kept line are capped here.
const MAX_DISTANCE: usize = 20;
/// Repeats are capped here.
const MAX_REPEATS: usize = 5;
/// Kept lines at most this far on both sides make a line "between kept".
const BETWEEN: usize = 3;

/// Features of a row before the window means: the line's own numbers, its
/// context and its neighbours (`Page::row`).
const HEAD: usize = 23;
/// The column of the "kept" flag, 0 on every line the model is asked about.
const KEPT: usize = 8;
/// The first one-hot reason column.
const REASON_AT: usize = HEAD + 5;
/// The first one-hot kind column.
const KIND_AT: usize = REASON_AT + model::REASONS.len();
const _: () = assert!(KIND_AT + model::KINDS.len() == model::N_FEATURES);

/// Every block kind, in the order of [`kind_slot`].
const ALL_KINDS: [BlockKind; 8] = [
    BlockKind::Paragraph,
    BlockKind::Heading,
    BlockKind::Quote,
    BlockKind::ListItem,
    BlockKind::Preformatted,
    BlockKind::TableRow,
    BlockKind::Caption,
    BlockKind::Metadata,
];

/// The position of `kind` in [`ALL_KINDS`].
fn kind_slot(kind: BlockKind) -> usize {
    match kind {
        BlockKind::Paragraph => 0,
        BlockKind::Heading => 1,
        BlockKind::Quote => 2,
        BlockKind::ListItem => 3,
        BlockKind::Preformatted => 4,
        BlockKind::TableRow => 5,
        BlockKind::Caption => 6,
        BlockKind::Metadata => 7,
    }
}

/// Depth of the complete trees of a [`Forest`]; a deeper model is walked
/// node by node ([`exact_logit`]).
const DEPTH: usize = 3;
/// Splits of a complete tree of [`DEPTH`] levels (one slot more, unused).
const SPLITS: usize = 1 << DEPTH;
/// Slots of a row: [`model::N_FEATURES`] and zeros up to one slot for
/// every `u8`, so that a split's column (a `u8`) is in range as it is,
/// with no mask or bounds check in the walk.
const ROW: usize = 256;
const _: () = assert!(model::N_FEATURES <= ROW);
/// Trees summed before the first look at whether the rest can still change
/// the decision: on `corpus/zyte-text`, in the order of [`Forest`], no row
/// is decided before 64 trees (nearly all by 80), so earlier looks only
/// cost. The answer is the same wherever the looks fall.
const FIRST_CHECK: usize = 60;
/// Trees summed between two looks after the first. `readmit` on
/// zyte-text, two passes: 53.3M instructions so; 57.8M with a look every
/// 8 trees from the start, 56.6M every 16, 54.9M from 48 every 8.
const CHECK_EVERY: usize = 4;
/// More than the rounding of a sum of the model's leaves in another order.
const SLACK: f64 = 1e-9;

/// The model's log-odds of `row`, walking [`model::NODES`] tree by tree and
/// summing the leaves in the model's order, as the model was written.
/// `row` is rounded up ([`up`]), so every split goes the way it goes for
/// the row in `f64`.
fn exact_logit(row: &[f32; ROW]) -> f64 {
    let mut logit = f64::from(model::BASELINE);
    for &root in &model::ROOTS {
        let mut at = usize::from(root);
        loop {
            let (feature, threshold, left, right, value) = model::NODES[at];
            if feature == u8::MAX {
                logit += f64::from(value);
                break;
            }
            at = usize::from(if row[usize::from(feature)] <= threshold {
                left
            } else {
                right
            });
        }
    }
    logit
}

/// The model's trees with what is known of every row of one reason and one
/// kind (kept 0, the reason's and the kind's one-hot columns) decided in
/// advance, each laid out as a complete tree of the model's depth (a leaf
/// above that depth copied into every leaf below it) so that a walk is
/// `depth` steps without branches, and ordered by their largest leaf,
/// largest first, so that the sum is soon known to fall on one side of the
/// threshold: nearly every row asked stays out (on `corpus/zyte-text`,
/// 17,600 of 18,300), which is known once the most the trees left can add
/// no longer reaches the cut, and that most falls fastest this way (68
/// trees a row on average; 74 in order of the leaves' spread).
struct Forest {
    trees: Vec<Complete>,
    /// The columns every row of this forest holds (the kept flag, the
    /// reason's and the kind's one-hot columns), which [`Page::row`] does
    /// not write: put back before a row is handed to [`exact_logit`].
    known: [Option<f64>; model::N_FEATURES],
    /// `rest_max[k]`, `rest_min[k]`: the most and least trees `k..` can add.
    rest_max: Vec<f64>,
    rest_min: Vec<f64>,
}

/// A tree of [`DEPTH`] levels: splits in heap order, then leaves (the
/// model's `f32` values, widened once here rather than at every sum).
#[derive(Clone, Copy)]
struct Complete {
    features: [u8; SPLITS],
    thresholds: [f32; SPLITS],
    leaves: [f64; SPLITS],
}

impl Complete {
    /// The leaf `row` reaches: the three levels written out, each step's
    /// direction a bit of the leaf's index (the splits in heap order: the
    /// root at 0, its children at 1 and 2, theirs at 3 to 6).
    #[inline]
    // `!(x <= t)` on purpose: NaN goes right, as in `exact_logit`.
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    fn leaf(&self, row: &[f32; ROW]) -> f64 {
        const _: () = assert!(DEPTH == 3);
        // 1 to the right: above the threshold, and for NaN; 0 to the left,
        // at or below it.
        let right =
            |i: usize| usize::from(!(row[usize::from(self.features[i])] <= self.thresholds[i]));
        let b0 = right(0);
        let b1 = right(1 + b0);
        let b2 = right(3 + 2 * b0 + b1);
        self.leaves[4 * b0 + 2 * b1 + b2]
    }
}

/// Writes the subtree of [`model::NODES`] at `at`, its known splits decided
/// as [`exact_logit`] would take them, at heap position `pos` of `out` with
/// `depth` levels below it; a leaf above the bottom fills every leaf under
/// it (the splits above them stay 0, either way leads to the same value).
/// `None` when the subtree is deeper.
fn lay(
    mut at: usize,
    pos: usize,
    depth: usize,
    known: &[Option<f64>; model::N_FEATURES],
    out: &mut Complete,
) -> Option<()> {
    loop {
        let (feature, threshold, left, right, value) = model::NODES[at];
        if feature == u8::MAX {
            let first = (pos << depth) + (1 << depth) - 1 - (SPLITS - 1);
            out.leaves[first..first + (1 << depth)].fill(f64::from(value));
            return Some(());
        }
        match known[usize::from(feature)] {
            Some(x) => {
                at = usize::from(if x <= f64::from(threshold) {
                    left
                } else {
                    right
                })
            }
            None if depth == 0 => return None,
            None => {
                out.features[pos] = feature;
                out.thresholds[pos] = threshold;
                lay(usize::from(left), 2 * pos + 1, depth - 1, known, out)?;
                return lay(usize::from(right), 2 * pos + 2, depth - 1, known, out);
            }
        }
    }
}

impl Forest {
    /// `None` when a tree is deeper than [`DEPTH`].
    fn new(known: &[Option<f64>; model::N_FEATURES]) -> Option<Forest> {
        let mut trees: Vec<(f64, Complete)> = Vec::with_capacity(model::ROOTS.len());
        for &root in &model::ROOTS {
            let mut out = Complete {
                features: [0; SPLITS],
                thresholds: [0.0; SPLITS],
                leaves: [0.0; SPLITS],
            };
            lay(usize::from(root), 0, DEPTH, known, &mut out)?;
            let hi = out.leaves.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            trees.push((hi, out));
        }
        trees.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut forest = Forest {
            trees: trees.into_iter().map(|(_, t)| t).collect(),
            known: *known,
            rest_max: vec![0.0; model::ROOTS.len() + 1],
            rest_min: vec![0.0; model::ROOTS.len() + 1],
        };
        for (k, tree) in forest.trees.iter().enumerate().rev() {
            let lo = tree.leaves.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = tree
                .leaves
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max);
            forest.rest_max[k] = forest.rest_max[k + 1] + hi;
            forest.rest_min[k] = forest.rest_min[k + 1] + lo;
        }
        Some(forest)
    }

    /// Whether the model's probability of `row` reaches
    /// [`model::THRESHOLD`]: the same answer as [`exact_logit`] gives, from
    /// fewer trees when the rest cannot change it.
    fn reaches(&self, row: &[f32; ROW], cut: &Cut) -> bool {
        let mut sum = f64::from(model::BASELINE);
        // The first trees summed without a look (see `FIRST_CHECK`).
        let first = FIRST_CHECK.min(self.trees.len());
        for tree in &self.trees[..first] {
            sum += tree.leaf(row);
        }
        let mut end = first;
        if sum + self.rest_min[end] >= cut.yes {
            return true;
        }
        if sum + self.rest_max[end] <= cut.no {
            return false;
        }
        for chunk in self.trees[first..].chunks(CHECK_EVERY) {
            for tree in chunk {
                sum += tree.leaf(row);
            }
            end += chunk.len();
            if sum + self.rest_min[end] >= cut.yes {
                return true;
            }
            if sum + self.rest_max[end] <= cut.no {
                return false;
            }
        }
        if sum >= cut.yes {
            true
        } else if sum <= cut.no {
            false
        } else {
            probability_of(exact_logit(&completed(row, &self.known))) >= model::THRESHOLD
        }
    }
}

/// `row` with the `known` columns written in: the whole row the model was
/// trained on, for [`exact_logit`], which walks every split.
fn completed(row: &[f32; ROW], known: &[Option<f64>; model::N_FEATURES]) -> [f32; ROW] {
    let mut full = *row;
    for (cell, value) in full.iter_mut().zip(known) {
        if let Some(v) = *value {
            *cell = up(v);
        }
    }
    full
}

/// The columns fixed by the reason at `slot` of [`model::READMIT`] and the
/// kind at `kind` of [`ALL_KINDS`]: the kept flag (0 on every line asked
/// about), the reason's and the kind's one-hot columns.
fn known_columns(slot: usize, kind: usize) -> [Option<f64>; model::N_FEATURES] {
    let name = model::READMIT[slot];
    let mut known = [None; model::N_FEATURES];
    known[KEPT] = Some(0.0);
    for (j, r) in model::REASONS.iter().enumerate() {
        known[REASON_AT + j] = Some(f64::from(flag(*r == name)));
    }
    for (j, k) in model::KINDS.iter().enumerate() {
        known[KIND_AT + j] = Some(f64::from(flag(*k == ALL_KINDS[kind].as_str())));
    }
    known
}

/// Log-odds beyond which the decision is certain whatever the order of the
/// sum: at or above `yes` the probability reaches [`model::THRESHOLD`], at
/// or below `no` it does not.
struct Cut {
    yes: f64,
    no: f64,
}

impl Cut {
    fn new() -> Cut {
        let t = f64::from(model::THRESHOLD);
        let z = (t / (1.0 - t)).ln();
        if !z.is_finite() {
            // Every decision by the exact sum.
            return Cut {
                yes: f64::INFINITY,
                no: f64::NEG_INFINITY,
            };
        }
        // `probability_of` does not fall as its argument rises, so a margin
        // that holds at the cut holds beyond it.
        let mut margin = 1e-6;
        while probability_of(z + margin - SLACK) < model::THRESHOLD {
            margin *= 2.0;
        }
        let yes = z + margin;
        let mut margin = 1e-6;
        while probability_of(z - margin + SLACK) >= model::THRESHOLD {
            margin *= 2.0;
        }
        Cut {
            yes,
            no: z - margin,
        }
    }
}

/// What the model needs of [`Reason`] and [`BlockKind`], worked out once.
struct Tables {
    /// For each reason (`Reason as usize`), its place in
    /// [`model::READMIT`], if the model may put its lines back.
    readmit: Vec<Option<usize>>,
    /// One forest per [`model::READMIT`] reason and [`ALL_KINDS`] kind,
    /// `forests[reason * ALL_KINDS.len() + kind]`, laid out when first
    /// asked for; `None` for a model too deep to lay out.
    forests: Vec<OnceLock<Option<Forest>>>,
    cut: Cut,
    logs: Logs,
}

impl Tables {
    /// The forest of the reason at `slot` of [`model::READMIT`] and `kind`.
    fn forest(&self, slot: usize, kind: usize) -> Option<&Forest> {
        self.forests[slot * ALL_KINDS.len() + kind]
            .get_or_init(|| Forest::new(&known_columns(slot, kind)))
            .as_ref()
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let readmit = Reason::ALL
        .iter()
        .map(|&r| model::READMIT.iter().position(|&n| n == debug_name(r)))
        .collect();
    let forests = (0..model::READMIT.len() * ALL_KINDS.len())
        .map(|_| OnceLock::new())
        .collect();
    Tables {
        readmit,
        forests,
        cut: Cut::new(),
        logs: Logs::new(),
    }
});

/// The smallest `f32` at least `x`: for every `f32` threshold `t`,
/// `up(x) <= t` exactly when `x <= t`, so a row in `f32` takes the same
/// branches as the row in `f64`.
fn up(x: f64) -> f32 {
    let y = x as f32;
    if f64::from(y) < x { y.next_up() } else { y }
}

/// Reusable per-thread buffers of [`readmit`].
#[derive(Default)]
struct Scratch {
    prefix: Vec<Prefix>,
    back: Vec<usize>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Puts back into the body the removed lines the model is confident about.
///
/// Not inlined: called once a page, and kept apart its cost is measured
/// apart (callgrind's `learned::readmit`).
#[inline(never)]
pub(crate) fn readmit(
    segments: &[Segment<'_>],
    features: &[Features],
    reasons: &mut [Option<Reason>],
) {
    let tables = &*TABLES;
    let slot = |r: &Option<Reason>| r.and_then(|r| tables.readmit[r as usize]);
    if !reasons.iter().any(|r| slot(r).is_some()) {
        return;
    }
    SCRATCH.with_borrow_mut(|scratch| {
        let Scratch { prefix, back } = scratch;
        back.clear();
        for_each_row(features, reasons, tables, prefix, |i, s, row| {
            let kind = kind_slot(segments[i].kind);
            let body = match tables.forest(s, kind) {
                Some(forest) => forest.reaches(row, &tables.cut),
                None => {
                    let full = completed(row, &known_columns(s, kind));
                    probability_of(exact_logit(&full)) >= model::THRESHOLD
                }
            };
            if body {
                back.push(i);
            }
        });
        for &i in back.iter() {
            reasons[i] = None;
        }
    });
}

/// Calls `each(i, slot, row)` for every line `i` the rules removed under
/// the reason at `slot` of [`model::READMIT`], in page order, with its
/// feature row ([`Page::row`]).
#[inline]
fn for_each_row(
    features: &[Features],
    reasons: &[Option<Reason>],
    tables: &Tables,
    prefix: &mut Vec<Prefix>,
    mut each: impl FnMut(usize, usize, &[f32; ROW]),
) {
    let page = Page::new(features, reasons, tables, prefix);
    let n = reasons.len();
    // Every row writes the same columns: the others stay 0.
    let mut row = [0.0; ROW];
    // The last kept line before `i`, and the first kept line after it
    // (`n`: none), found as the loop goes, each line looked at once.
    let mut last_kept = None;
    let mut next_kept = 0;
    for (i, r) in reasons.iter().enumerate() {
        let Some(s) = r.and_then(|r| tables.readmit[r as usize]) else {
            if r.is_none() {
                last_kept = Some(i);
            }
            continue;
        };
        next_kept = next_kept.max(i + 1);
        while next_kept < n && reasons[next_kept].is_some() {
            next_kept += 1;
        }
        let before = last_kept.map(|l| i - l);
        let after = (next_kept < n).then(|| next_kept - i);
        page.row(i, before, after, &mut row);
        each(i, s, &row);
    }
}

/// The probability of body for log-odds `logit`.
fn probability_of(logit: f64) -> f32 {
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

/// Whole numbers below this take their `ln(1 + x)` from a table.
const LN1P_TABLE: usize = 1024;

/// `ln(1 + n)` of the small whole numbers, worked out once: every
/// logarithm of a row is of a count (characters, words, kept words), most
/// of them small.
struct Logs {
    /// `ln(1 + n)`, for the sums.
    exact: [f64; LN1P_TABLE],
    /// The same rounded up to `f32` ([`up`]), as a row holds it.
    row: [f32; LN1P_TABLE],
}

impl Logs {
    fn new() -> Logs {
        let mut logs = Logs {
            exact: [0.0; LN1P_TABLE],
            row: [0.0; LN1P_TABLE],
        };
        for (n, (exact, row)) in logs.exact.iter_mut().zip(&mut logs.row).enumerate() {
            *exact = (n as f64).ln_1p();
            *row = up(*exact);
        }
        logs
    }

    /// `ln(1 + n)`.
    fn exact(&self, n: usize) -> f64 {
        match self.exact.get(n) {
            Some(&x) => x,
            None => (n as f64).ln_1p(),
        }
    }

    /// `ln(1 + n)` rounded up to `f32`.
    fn row(&self, n: usize) -> f32 {
        match self.row.get(n) {
            Some(&x) => x,
            None => up((n as f64).ln_1p()),
        }
    }
}

/// `1.0` for `true`, `0.0` for `false`.
fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// What the lines before one line add up to: `Page::prefix[i]` holds the
/// sums of lines `..i`. The counts are whole numbers, exact in any order;
/// the `f64` sums are added line by line in page order, so that the
/// window means ([`Page::row`]) are the same numbers wherever they are
/// worked out.
#[derive(Clone, Copy, Default)]
struct Prefix {
    /// Lines the rules kept.
    kept: usize,
    /// Lines that end like a sentence.
    ends: usize,
    /// Words of the kept lines.
    kept_words: usize,
    /// `ln(1 + words)` of the lines.
    log_words: f64,
    /// Stop-word ratios.
    stop: f64,
    /// Link densities.
    links: f64,
}

/// What the feature rows of `bench/learned/data.py` `features` need of the
/// whole page, measured once against the hand decisions, so that a row
/// costs the same whatever the page's length.
struct Page<'p> {
    features: &'p [Features],
    reasons: &'p [Option<Reason>],
    logs: &'p Logs,
    /// `n + 1` entries, see [`Prefix`].
    prefix: &'p [Prefix],
    /// Words of the kept lines.
    kept_words: usize,
    /// The page's share of kept words and `ln(1 + kept words)`, the same
    /// in every row.
    kept_share: f32,
    log_kept_words: f32,
}

impl<'p> Page<'p> {
    fn new(
        features: &'p [Features],
        reasons: &'p [Option<Reason>],
        tables: &'p Tables,
        prefix: &'p mut Vec<Prefix>,
    ) -> Page<'p> {
        debug_assert_eq!(features.len(), reasons.len());
        let logs = &tables.logs;
        prefix.clear();
        prefix.reserve(reasons.len() + 1);
        let mut sum = Prefix::default();
        prefix.push(sum);
        let mut total_words = 0;
        for (f, r) in features.iter().zip(reasons) {
            let kept = r.is_none();
            let words = f.words();
            total_words += words;
            sum.kept += usize::from(kept);
            sum.ends += usize::from(f.ends_sentence());
            if kept {
                sum.kept_words += words;
            }
            sum.log_words += logs.exact(words);
            sum.stop += f64::from(f.stop_word_ratio());
            sum.links += f64::from(f.link_density());
            prefix.push(sum);
        }
        let kept_words = sum.kept_words;
        let tot_words = if total_words > 0 { total_words } else { 1 };
        Page {
            features,
            reasons,
            logs,
            prefix,
            kept_words,
            kept_share: up(kept_words as f64 / tot_words as f64),
            log_kept_words: logs.row(kept_words),
        }
    }

    /// Writes the feature row of line `i`, a line the rules removed, whose
    /// nearest kept lines are `before` and `after` lines away (`None`: no
    /// kept line that side), into `row`, in `f32` rounded up ([`up`]); the
    /// columns a [`Forest`] knows are not written, and stay 0.
    ///
    /// Most columns are whole numbers, flags or the `f32` ratios of
    /// [`Features`], which `f32` holds as they are; the logarithms come
    /// rounded from [`Logs`]; only the position and the window means are
    /// rounded here.
    fn row(&self, i: usize, before: Option<usize>, after: Option<usize>, row: &mut [f32; ROW]) {
        let n = self.reasons.len();
        let logs = self.logs;
        let f = &self.features[i];
        let kept = |j: usize| self.reasons[j].is_none();
        let log_words = |j: usize| logs.row(self.features[j].words());
        let stop = |j: usize| self.features[j].stop_word_ratio();
        let distance = |d: Option<usize>| d.map_or(MAX_DISTANCE, |d| d.min(MAX_DISTANCE)) as f32;
        let near = |d: Option<usize>| d.is_some_and(|d| d <= BETWEEN);
        let (prev, next) = (i.checked_sub(1), Some(i + 1).filter(|&j| j < n));
        let p = self.prefix;
        let head: [f32; HEAD] = [
            logs.row(f.chars()),
            logs.row(f.words()),
            f.stop_word_ratio(),
            f.capitalised_ratio(),
            flag(f.ends_sentence()),
            f.link_density(),
            f.repeats().min(MAX_REPEATS) as f32,
            f.digit_ratio(),
            flag(kept(i)),
            distance(before),
            distance(after),
            flag(near(before) && near(after)),
            logs.row(p[i].kept_words),
            logs.row(self.kept_words - p[i + 1].kept_words),
            self.kept_share,
            self.log_kept_words,
            up(i as f64 / n as f64),
            flag(prev.is_some_and(kept)),
            flag(next.is_some_and(kept)),
            prev.map_or(0.0, log_words),
            next.map_or(0.0, log_words),
            prev.map_or(0.0, stop),
            next.map_or(0.0, stop),
        ];
        row[..HEAD].copy_from_slice(&head);
        // Means over the lines either side, the line itself left out.
        let lo = i.saturating_sub(model::WINDOW);
        let hi = (i + model::WINDOW + 1).min(n);
        let m = ((hi - lo) as f64 - 1.0).max(1.0);
        let (s_lo, s_hi, s_i, s_i1) = (&p[lo], &p[hi], &p[i], &p[i + 1]);
        // The counts' differences are whole numbers, exact in `f64`.
        let count = |c: fn(&Prefix) -> usize| (c(s_hi) - c(s_lo) - (c(s_i1) - c(s_i))) as f64;
        let sum = |c: fn(&Prefix) -> f64| c(s_hi) - c(s_lo) - (c(s_i1) - c(s_i));
        let window = [
            count(|p| p.kept),
            sum(|p| p.log_words),
            sum(|p| p.stop),
            sum(|p| p.links),
            count(|p| p.ends),
        ];
        for (cell, total) in row[HEAD..HEAD + 5].iter_mut().zip(window) {
            *cell = up(total / m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The feature rows as first written (round 7): every per-line number
    /// measured in `f64` over the whole page in advance, every cell
    /// rounded by [`up`]. [`Page::row`] must write the same bits.
    fn reference_rows(features: &[Features], reasons: &[Option<Reason>]) -> Vec<[f32; ROW]> {
        let n = reasons.len();
        let ln1p = |x: f64| x.ln_1p();
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let kept: Vec<bool> = reasons.iter().map(Option::is_none).collect();
        let log_words: Vec<f64> = features.iter().map(|f| ln1p(f.words() as f64)).collect();
        let (mut before, mut after) = (vec![f64::INFINITY; n], vec![f64::INFINITY; n]);
        let mut last = None;
        for i in 0..n {
            if let Some(l) = last {
                before[i] = (i - l) as f64;
            }
            if kept[i] {
                last = Some(i);
            }
        }
        let mut next = None;
        for i in (0..n).rev() {
            if let Some(x) = next {
                after[i] = (x - i) as f64;
            }
            if kept[i] {
                next = Some(i);
            }
        }
        let (mut cum_kept, mut sums) = (vec![0.0], vec![[0.0; 5]]);
        let (mut total_words, mut cum, mut s) = (0.0, 0.0, [0.0; 5]);
        for (i, f) in features.iter().enumerate() {
            let words = f.words() as f64;
            total_words += words;
            cum += if kept[i] { words } else { 0.0 };
            cum_kept.push(cum);
            s = [
                s[0] + flag(kept[i]),
                s[1] + log_words[i],
                s[2] + f64::from(f.stop_word_ratio()),
                s[3] + f64::from(f.link_density()),
                s[4] + flag(f.ends_sentence()),
            ];
            sums.push(s);
        }
        let kept_words = cum;
        let tot_words = if total_words > 0.0 { total_words } else { 1.0 };
        let mut rows = Vec::new();
        for i in 0..n {
            let f = &features[i];
            let stop = |j: usize| f64::from(features[j].stop_word_ratio());
            let (prev, next) = (i.checked_sub(1), Some(i + 1).filter(|&j| j < n));
            let head: [f64; HEAD] = [
                ln1p(f.chars() as f64),
                log_words[i],
                stop(i),
                f64::from(f.capitalised_ratio()),
                flag(f.ends_sentence()),
                f64::from(f.link_density()),
                f.repeats().min(MAX_REPEATS) as f64,
                f64::from(f.digit_ratio()),
                flag(kept[i]),
                before[i].min(MAX_DISTANCE as f64),
                after[i].min(MAX_DISTANCE as f64),
                flag(before[i] <= BETWEEN as f64 && after[i] <= BETWEEN as f64),
                ln1p(cum_kept[i]),
                ln1p(kept_words - cum_kept[i + 1]),
                kept_words / tot_words,
                ln1p(kept_words),
                i as f64 / n as f64,
                flag(prev.is_some_and(|j| kept[j])),
                flag(next.is_some_and(|j| kept[j])),
                prev.map_or(0.0, |j| log_words[j]),
                next.map_or(0.0, |j| log_words[j]),
                prev.map_or(0.0, stop),
                next.map_or(0.0, stop),
            ];
            let mut row = [0.0; ROW];
            for (cell, x) in row.iter_mut().zip(head) {
                *cell = up(x);
            }
            let lo = i.saturating_sub(model::WINDOW);
            let hi = (i + model::WINDOW + 1).min(n);
            let m = ((hi - lo) as f64 - 1.0).max(1.0);
            for k in 0..5 {
                row[HEAD + k] = up((sums[hi][k] - sums[lo][k] - (sums[i + 1][k] - sums[i][k])) / m);
            }
            rows.push(row);
        }
        rows
    }

    /// A random page: lines short and long (past the logarithm table),
    /// kept and removed for every reason, the readmitted reasons often.
    fn random_page(next: &mut impl FnMut() -> u64) -> (Vec<Features>, Vec<Option<Reason>>) {
        let n = 1 + (next() % 40) as usize;
        let mut features = Vec::new();
        let mut reasons = Vec::new();
        for _ in 0..n {
            let words = match next() % 8 {
                0 => 0,
                1 => 1000 + (next() % 3000) as u32,
                _ => (next() % 60) as u32,
            };
            let chars = words * (1 + (next() % 9) as u32) + (next() % 5) as u32;
            let cased = (next() % (u64::from(words) + 1)) as u32;
            features.push(Features {
                chars,
                words,
                stop_words: (next() % (u64::from(words) + 1)) as u32,
                capitalised: (next() % (u64::from(cased) + 1)) as u32,
                cased_words: cased,
                digits: (next() % (u64::from(chars) + 1)) as u32,
                ends_sentence: next().is_multiple_of(2),
                link_density: if next().is_multiple_of(3) {
                    (next() % 1000) as f32 / 999.0
                } else {
                    0.0
                },
                repeats: (next() % 9) as u32,
                ..Features::default()
            });
            reasons.push(match next() % 6 {
                0 | 1 => None,
                2 => Some(Reason::RelatedStories),
                3 => Some(Reason::Boilerplate),
                _ => Some(Reason::ALL[(next() % Reason::ALL.len() as u64) as usize]),
            });
        }
        (features, reasons)
    }

    fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    /// The rows as [`readmit`] builds them, bit for bit those of
    /// [`reference_rows`], on every line the model is asked about.
    #[test]
    fn rows_are_the_reference_rows() {
        let tables = &*TABLES;
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        let mut prefix = Vec::new();
        let mut asked = 0;
        for _ in 0..3_000 {
            let (features, reasons) = random_page(&mut next);
            let want = reference_rows(&features, &reasons);
            let mut seen = Vec::new();
            for_each_row(&features, &reasons, tables, &mut prefix, |i, s, row| {
                assert_eq!(Some(s), reasons[i].and_then(|r| tables.readmit[r as usize]));
                let (got, want) = (&row[..HEAD + 5], &want[i][..HEAD + 5]);
                let bits = |r: &[f32]| r.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(
                    bits(got),
                    bits(want),
                    "line {i} of {features:?} {reasons:?}"
                );
                assert!(row[HEAD + 5..].iter().all(|&x| x == 0.0));
                seen.push(i);
            });
            let candidates: Vec<usize> = (0..reasons.len())
                .filter(|&i| reasons[i].is_some_and(|r| tables.readmit[r as usize].is_some()))
                .collect();
            assert_eq!(seen, candidates);
            asked += seen.len();
        }
        assert!(asked > 10_000, "{asked}");
    }

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
            assert!(ALL_KINDS.iter().any(|b| b.as_str() == k));
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

    /// `up` rounds to the next `f32` at or above, so comparisons with `f32`
    /// thresholds come out as in `f64`.
    #[test]
    fn rounding_up_keeps_every_comparison() {
        for x in [
            0.1_f64,
            1.0 / 3.0,
            -0.7,
            2.5,
            1e-40,
            -1e-40,
            0.0,
            7.000_000_1,
        ] {
            let y = up(x);
            assert!(f64::from(y) >= x);
            assert!(f64::from(y.next_down()) < x);
            for t in [x as f32, (x as f32).next_up(), (x as f32).next_down()] {
                assert_eq!(y <= t, x <= f64::from(t), "{x} {t}");
            }
        }
        assert!(up(f64::NAN).is_nan());
    }

    /// The pruned, reordered forests decide every row as the model's own
    /// trees do, rows drawn around the model's thresholds.
    #[test]
    fn forests_decide_as_the_model() {
        let tables = &*TABLES;
        let mut cuts: Vec<Vec<f32>> = vec![Vec::new(); model::N_FEATURES];
        for &(feature, threshold, ..) in &model::NODES {
            if feature != u8::MAX {
                cuts[usize::from(feature)].push(threshold);
            }
        }
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let (mut yes, mut no) = (0, 0);
        for _ in 0..20_000 {
            let mut row = [0.0_f32; ROW];
            for (f, slot) in row.iter_mut().enumerate().take(model::N_FEATURES) {
                let r = next();
                *slot = if cuts[f].is_empty() || r % 5 == 0 {
                    (r >> 40) as f32 / (1 << 20) as f32
                } else {
                    let t = cuts[f][(r >> 8) as usize % cuts[f].len()];
                    match (r >> 4) % 3 {
                        0 => t,
                        1 => t.next_up(),
                        _ => t.next_down(),
                    }
                };
            }
            let s = (next() % model::READMIT.len() as u64) as usize;
            let k = (next() % ALL_KINDS.len() as u64) as usize;
            // The model sees the whole row; the forest gets it as
            // `Page::row` writes it, the known columns left at 0.
            let known = known_columns(s, k);
            let full = completed(&row, &known);
            assert_eq!(full[KEPT], 0.0);
            for (j, r) in model::REASONS.iter().enumerate() {
                assert_eq!(full[REASON_AT + j], flag(*r == model::READMIT[s]));
            }
            for (j, name) in model::KINDS.iter().enumerate() {
                assert_eq!(full[KIND_AT + j], flag(*name == ALL_KINDS[k].as_str()));
            }
            for (cell, value) in row.iter_mut().zip(&known) {
                if value.is_some() {
                    *cell = 0.0;
                }
            }
            let want = probability_of(exact_logit(&full)) >= model::THRESHOLD;
            let forest = tables.forest(s, k).expect("the model is laid out");
            let got = forest.reaches(&row, &tables.cut);
            assert_eq!(got, want, "{row:?}");
            if want {
                yes += 1;
            } else {
                no += 1;
            }
        }
        assert!(yes > 100 && no > 100, "{yes} {no}");
    }
}
