//! Stage 4: put the decided segments together into an [`Article`].

use crate::article::{Article, Block, InputKind, Reason};
use crate::cleaner::Options;
use crate::features::Features;
use crate::segment::Segment;

/// Turns segments, their features and their decisions into blocks, applying
/// the builder's `keep` list (a block whose reason the user asked to keep is
/// put back into the body) and its `drop` list (the article does not report
/// blocks of a dropped reason as its title or metadata).
pub(crate) fn assemble<'a>(
    segments: Vec<Segment<'a>>,
    features: Vec<Features>,
    reasons: Vec<Option<Reason>>,
    kind: InputKind,
    opts: &Options,
) -> Article<'a> {
    debug_assert_eq!(segments.len(), features.len());
    debug_assert_eq!(segments.len(), reasons.len());
    let blocks = segments
        .into_iter()
        .zip(features)
        .zip(reasons)
        .map(|((seg, features), reason)| Block {
            text: seg.text,
            kind: seg.kind,
            reason: reason.filter(|r| !opts.keep.contains(r)),
            span: seg.span,
            sources: seg.sources,
            features,
        })
        .collect();
    Article::new(blocks, kind).with_dropped(&opts.drop)
}
