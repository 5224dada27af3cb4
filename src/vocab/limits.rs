//! The resource limits of one cleaner: how large, how deep, how many
//! nodes and how many attributes on one tag an input may have. The façade's builder sets them; the guard and the
//! HTML segmenter enforce them.

/// Default for [`Builder::max_input_bytes`](crate::Builder::max_input_bytes): 256 MiB.
///
/// The largest page of the development corpus is under 2 MB; a crawler's
/// truncation limit is usually a few MB. 256 MiB leaves room for pathological
/// but legitimate pages and still stops a multi-gigabyte file from being
/// read into a tree.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 256 << 20;

/// Default for [`Builder::max_depth`](crate::Builder::max_depth): 1,024 nested elements.
///
/// Real pages nest a few dozen levels: the deepest of the 181 pages of the
/// development corpus is 51. Our own walks of the tree are iterative, so
/// depth costs no stack, but html5ever's tree builder walks the stack of
/// open elements on every block start tag, which makes N nested elements
/// cost O(N²) (100,000 nested `<div>`s take about a minute). The depth is
/// therefore estimated from the tags in one linear pass before parsing, and
/// this limit bounds the parser's work per tag. Chromium's parser stops
/// nesting at 512 for the same reason; 1,024 leaves twenty times the depth
/// of the deepest real page.
pub const DEFAULT_MAX_DEPTH: usize = 1024;

/// Default for [`Builder::max_nodes`](crate::Builder::max_nodes): 250,000 nodes.
///
/// The tree and the blocks built from it cost about 300 bytes a node at
/// worst (a page of `<p>a`, one block per two nodes), so the node count
/// bounds an HTML page's memory where its size cannot; it is counted from
/// the source in the linear pre-scan, before the parser spends the memory.
/// The busiest HTML page of the development pool (1,824 pages) needs
/// 28,167 nodes; 250,000 leaves almost nine times that and keeps one page
/// under about 100 MB.
pub const DEFAULT_MAX_NODES: usize = 250_000;

/// Default for [`Builder::max_lines`](crate::Builder::max_lines): 250,000 non-blank lines of plain text.
///
/// Each non-blank line becomes a block, and a block costs about 330 bytes
/// of memory however short its line (a page of one-letter lines takes 164
/// bytes per input byte), so the count bounds a text page's memory where
/// its size cannot. The longest text page of the development pool has
/// 2,092 non-blank lines; 250,000 leaves over a hundred times that and
/// keeps one text page under about 90 MB.
pub const DEFAULT_MAX_LINES: usize = 250_000;

/// Default for [`Builder::max_attributes`](crate::Builder::max_attributes): 1,024 attributes on one tag.
///
/// html5ever checks each attribute of a tag against the ones before it, so N
/// attributes on one tag cost O(N²): 160,000 take 36 s. The busiest tag of
/// the HTML pages of the development pool has 205 attributes (a share link
/// whose `href` lost a quote); 1,024 leaves five times that, and a tag with
/// 1,024 attributes still cleans in under a millisecond.
pub const DEFAULT_MAX_ATTRIBUTES: usize = 1024;

/// The limits a [`Cleaner`](crate::Cleaner) enforces, as its
/// [`Builder`](crate::Builder) set them.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Limits {
    /// Largest input in bytes (for bytes input, counted before decoding).
    pub(crate) max_input_bytes: usize,
    /// Deepest element nesting of an HTML document.
    pub(crate) max_depth: usize,
    /// Most nodes an HTML document may parse into.
    pub(crate) max_nodes: usize,
    /// Most attributes on one HTML tag.
    pub(crate) max_attributes: usize,
    /// Most non-blank lines of a plain-text input.
    pub(crate) max_lines: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: DEFAULT_MAX_NODES,
            max_attributes: DEFAULT_MAX_ATTRIBUTES,
            max_lines: DEFAULT_MAX_LINES,
        }
    }
}
