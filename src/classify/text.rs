//! The classifier for plain text scraped from a page.

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
