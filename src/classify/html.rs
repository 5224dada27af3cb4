//! The classifier for blocks of an HTML document.

use crate::article::Reason;
use crate::classify::Context;
use crate::features::Features;
use crate::segment::Segment;

pub(crate) fn classify(
    segments: &[Segment<'_>],
    _features: &[Features],
    _ctx: &Context,
) -> Vec<Option<Reason>> {
    vec![None; segments.len()]
}
