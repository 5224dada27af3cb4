//! The one error type of the crate.

/// Why the cleaner refused an input or a configuration.
///
/// Cleaning a `&str` that is within the configured limits never fails: every
/// variant here is a limit that was hit, bytes that could not be decoded, or a
/// builder setting that makes no sense. Each variant carries the offending
/// value and the limit, so the message says what and where.
///
/// ```
/// let cleaner = deboiler::Cleaner::builder().max_input_bytes(4).build().unwrap();
/// let err = cleaner.clean_text("too long").unwrap_err();
/// assert_eq!(
///     err,
///     deboiler::Error::InputTooLarge { size: 8, limit: 4 },
/// );
/// assert_eq!(err.to_string(), "input is 8 bytes, over the limit of 4 bytes");
/// ```
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than
    /// [`Builder::max_input_bytes`](crate::Builder::max_input_bytes).
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    InputTooLarge {
        /// The size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The HTML document nests elements deeper than
    /// [`Builder::max_depth`](crate::Builder::max_depth).
    #[error("html nests {depth} elements deep, over the limit of {limit}")]
    TooDeep {
        /// The depth found (at least `limit + 1`; the walk stops there).
        depth: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The HTML document has more nodes than
    /// [`Builder::max_nodes`](crate::Builder::max_nodes).
    #[error("html has {nodes} nodes, over the limit of {limit}")]
    TooManyNodes {
        /// The number of nodes in the parsed tree.
        nodes: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The bytes declare (or were sniffed as) an encoding, but they are not
    /// valid in it.
    #[error("input is not valid {encoding}: undecodable bytes at offset {offset}")]
    Undecodable {
        /// The name of the encoding that was tried, as the WHATWG spells it.
        encoding: &'static str,
        /// The byte offset of the first undecodable byte in the input.
        offset: usize,
    },
    /// The input looks like binary data (an image, an archive, a PDF, …)
    /// rather than text or HTML.
    #[error("input looks like binary data ({what}) at offset {offset}")]
    Binary {
        /// What gave it away, for example `"NUL bytes"` or `"PNG signature"`.
        what: &'static str,
        /// The byte offset where it was seen.
        offset: usize,
    },
    /// A builder setting is out of its range.
    #[error("invalid setting {setting} = {value}: {why}")]
    InvalidSetting {
        /// The builder method's name.
        setting: &'static str,
        /// The value that was given.
        value: usize,
        /// What the setting accepts.
        why: &'static str,
    },
}
