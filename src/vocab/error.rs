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
    #[error("html nests {depth} elements deep at byte {offset}, over the limit of {limit}")]
    #[non_exhaustive]
    TooDeep {
        /// The depth found (at least `limit + 1`; the walk stops there).
        depth: usize,
        /// The configured limit.
        limit: usize,
        /// The byte offset of the start tag that crossed the limit (its
        /// `<`), as the linear pre-scan of the tags found it. When only the
        /// parsed tree shows the depth (the parser nests elements the scan
        /// does not count), the start tag where a count that includes them
        /// crosses the limit, or the input's length if even that count
        /// stays within it.
        offset: usize,
    },
    /// The HTML document has more nodes than
    /// [`Builder::max_nodes`](crate::Builder::max_nodes).
    #[error("html has {nodes} nodes, over the limit of {limit} at byte {offset}")]
    #[non_exhaustive]
    TooManyNodes {
        /// The number of nodes: `limit + 1` when the linear pre-scan of the
        /// source refused the document (it stops counting there), the
        /// number in the parsed tree when only the tree passed the limit.
        nodes: usize,
        /// The configured limit.
        limit: usize,
        /// The byte offset of the token (tag, comment or text) where a count
        /// of one node per token, plus the four the parser always makes,
        /// crosses the limit; the parser merges and adds some nodes, so
        /// this is where the source crosses it, or the input's length if
        /// that count stays within the limit.
        offset: usize,
    },
    /// A plain-text input has more non-blank lines (each one a block) than
    /// [`Builder::max_lines`](crate::Builder::max_lines).
    ///
    /// ```
    /// let c = deboiler::Cleaner::builder().max_lines(2).build().unwrap();
    /// let err = c.clean_text("one\n\ntwo\n  three\n").unwrap_err();
    /// assert!(matches!(
    ///     err,
    ///     deboiler::Error::TooManyLines { lines: 3, limit: 2, offset: 11, .. }
    /// ));
    /// assert_eq!(err.to_string(), "text has 3 non-blank lines, over the limit of 2 at byte 11");
    /// ```
    #[error("text has {lines} non-blank lines, over the limit of {limit} at byte {offset}")]
    #[non_exhaustive]
    TooManyLines {
        /// How many non-blank lines were counted when the check stopped:
        /// `limit + 1`, since the count stops at the first line over it.
        lines: usize,
        /// The configured limit.
        limit: usize,
        /// The byte offset of the first line over the limit: its first byte
        /// that is not whitespace, where its block would have started.
        offset: usize,
    },
    /// An HTML tag has more attributes than
    /// [`Builder::max_attributes`](crate::Builder::max_attributes).
    #[error("html tag at byte {offset} has {attributes} attributes, over the limit of {limit}")]
    #[non_exhaustive]
    TooManyAttributes {
        /// How many attributes the tag has, as written (duplicates too).
        attributes: usize,
        /// The configured limit.
        limit: usize,
        /// The byte offset of the tag's `<`.
        offset: usize,
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
