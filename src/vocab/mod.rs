//! Layer 0, the vocabulary: the types every stage speaks and the façade
//! re-exports. Nothing here imports from the rest of the crate.
//!
//! * [`Span`] and [`SourceSpan`]: byte offsets and their contract;
//! * [`BlockKind`] and [`InputKind`]: what a block is, which path read it;
//! * [`Reason`]: why a block is not in the body;
//! * [`Features`]: the numbers the feature stage measures on a block;
//! * [`Metadata`] and [`MetaValue`]: the normalised metadata fields;
//! * [`Error`]: the one error type;
//! * [`Limits`] and [`Policies`]: a cleaner's settings, which the stages
//!   read without reaching up into the façade.

mod error;
mod features;
mod kind;
mod limits;
mod metadata;
mod policy;
mod reason;
mod span;

pub use error::Error;
pub use features::Features;
pub use kind::{BlockKind, InputKind};
pub(crate) use limits::Limits;
pub use limits::{
    DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_LINES,
    DEFAULT_MAX_NODES,
};
pub use metadata::{MetaValue, Metadata};
pub use policy::ReasonPolicy;
pub(crate) use policy::{Policies, ReasonSet, bit};
pub use reason::{ParseReasonError, Reason};
pub use span::{SourceSpan, Span};
