//! Stage 4: put the decided segments together into an [`Article`].
//!
//! This is the one place the reason policy is applied: a block whose
//! reason is [`ReasonPolicy::Keep`](crate::ReasonPolicy::Keep) goes back
//! into the body, and the reasons set to
//! [`ReasonPolicy::Hide`](crate::ReasonPolicy::Hide) are handed to the
//! article, whose accessors then do not report them.

use crate::article::{Article, Block, Sources};
use crate::segment::Segment;
use crate::vocab::{Features, InputKind, Policies, Reason, ReasonPolicy};

/// Turns segments, their features and their decisions into blocks under
/// `policy`.
pub(crate) fn assemble<'a>(
    segments: Vec<Segment<'a>>,
    features: Vec<Features>,
    reasons: Vec<Option<Reason>>,
    kind: InputKind,
    policy: &Policies,
) -> Article<'a> {
    debug_assert_eq!(segments.len(), features.len());
    debug_assert_eq!(segments.len(), reasons.len());
    let mut blocks = Vec::with_capacity(segments.len());
    for ((seg, features), reason) in segments.into_iter().zip(features).zip(reasons) {
        let reason = reason.filter(|&r| policy.get(r) != ReasonPolicy::Keep);
        // A line of plain text is the slice of the input it spans: its
        // one source span is held in the block (see `Segment::sources`).
        let sources = match kind {
            InputKind::Text => Sources::whole(seg.span),
            InputKind::Html => Sources::from(seg.sources),
        };
        Block::push(
            &mut blocks,
            seg.text,
            seg.kind,
            reason,
            seg.span,
            sources,
            features,
        );
    }
    Article::new(blocks, kind, policy.hidden())
}
