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

/// Default for [`Builder::max_nodes`](crate::Builder::max_nodes): 10,000,000 nodes.
///
/// A large news page has 10,000–50,000 nodes. Ten million nodes is about a
/// gigabyte of tree; past that, a page is not an article.
pub const DEFAULT_MAX_NODES: usize = 10_000_000;

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
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_nodes: DEFAULT_MAX_NODES,
            max_attributes: DEFAULT_MAX_ATTRIBUTES,
        }
    }
}
