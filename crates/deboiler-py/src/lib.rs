//! Python bindings for `deboiler`, built with maturin into the `deboiler`
//! package (this module is `deboiler._deboiler`; `python/deboiler/__init__.py`
//! re-exports it).
//!
//! The work happens without the GIL: an input is borrowed from its Python
//! object (`PyBackedStr`/`PyBackedBytes`, no copy for `bytes`), cleaned, and
//! turned into plain Rust data (`Cleaned`) with its offsets already converted
//! to the units of the input: code points for `str`, bytes for `bytes`. Python
//! objects are made from that data only when an attribute is read, so a
//! pipeline that reads `.body` alone pays for nothing else.

use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use deboiler::{
    Article as RustArticle, Block as RustBlock, Error, InputKind, Reason, ReasonPolicy,
};
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyInt, PyIterator, PyList, PyString, PyTuple,
};

pyo3::create_exception!(
    deboiler,
    DeboilerError,
    PyException,
    "Base class of the errors deboiler raises for an input it cannot clean."
);
pyo3::create_exception!(
    deboiler,
    LimitError,
    DeboilerError,
    "The input is over a configured limit: max_input_bytes, max_depth, max_attributes, max_nodes or (for text) max_lines."
);
pyo3::create_exception!(
    deboiler,
    DecodingError,
    DeboilerError,
    "The bytes are binary data (an image, an archive, ...) or not valid in their encoding."
);

/// How many inputs `clean_many` keeps in flight per worker thread. Enough that
/// work stealing evens out pages of different sizes within a window (the tail
/// of each window idles at most one page per thread), few enough that memory
/// stays at a few dozen pages.
const WINDOW_PER_THREAD: usize = 8;

/// Which path to clean an input with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Auto,
    Text,
    Html,
}

impl Kind {
    fn parse(name: &str) -> PyResult<Kind> {
        match name {
            "auto" => Ok(Kind::Auto),
            "text" => Ok(Kind::Text),
            "html" => Ok(Kind::Html),
            other => Err(PyValueError::new_err(format!(
                "kind must be 'auto', 'text' or 'html', not {other:?}"
            ))),
        }
    }

    fn matches(self, got: InputKind) -> bool {
        match self {
            Kind::Auto => true,
            Kind::Text => got == InputKind::Text,
            Kind::Html => got == InputKind::Html,
        }
    }
}

/// An input borrowed from its Python object, usable without the GIL.
enum Input {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Input {
    fn extract(data: &Bound<'_, PyAny>) -> PyResult<Input> {
        if data.is_instance_of::<PyString>() {
            Ok(Input::Str(data.extract()?))
        } else if data.is_instance_of::<PyBytes>() || data.is_instance_of::<PyByteArray>() {
            Ok(Input::Bytes(data.extract()?))
        } else {
            Err(PyTypeError::new_err(format!(
                "data must be str or bytes, not {}",
                data.get_type().name()?
            )))
        }
    }
}

/// Why one input could not be cleaned, kept as plain data until the GIL is
/// held again.
#[derive(Debug)]
enum Failure {
    Library(Error),
    /// A forced kind on bytes the library could not decode for that kind.
    Decoding(String),
    Argument(String),
    Panic(String),
}

impl Failure {
    fn into_pyerr(self) -> PyErr {
        match self {
            Failure::Library(err) => {
                let message = err.to_string();
                match err {
                    Error::InputTooLarge { .. }
                    | Error::TooDeep { .. }
                    | Error::TooManyAttributes { .. }
                    | Error::TooManyNodes { .. }
                    | Error::TooManyLines { .. } => LimitError::new_err(message),
                    Error::Undecodable { .. } | Error::Binary { .. } => {
                        DecodingError::new_err(message)
                    }
                    Error::InvalidSetting { .. } => PyValueError::new_err(message),
                    _ => DeboilerError::new_err(message),
                }
            }
            Failure::Decoding(message) => DecodingError::new_err(message),
            Failure::Argument(message) => PyValueError::new_err(message),
            Failure::Panic(message) => DeboilerError::new_err(format!(
                "internal error, please report it: the cleaner panicked: {message}"
            )),
        }
    }
}

/// A kind, reason or field name: the library's static str, or an owned one
/// when an Article is rebuilt from its pickled state.
type Name = Cow<'static, str>;

/// One block, owned, its offsets in the input's units.
#[derive(Debug)]
struct BlockData {
    text: String,
    kind: Name,
    reason: Option<Name>,
    start: usize,
    end: usize,
    /// `(start, end, text_start, text_end)`: a range of the input, and the
    /// range of `text` (in code points) it became.
    spans: Vec<(usize, usize, usize, usize)>,
}

/// A cleaned article, owned, its offsets in the input's units.
#[derive(Debug)]
struct Cleaned {
    title: Option<String>,
    body: String,
    input_kind: Name,
    blocks: Vec<Arc<BlockData>>,
    metadata: Vec<(Name, Option<String>)>,
}

/// The metadata fields, in the CLI's JSON names. One line per field, so a new
/// accessor on the library's `Article` is a new line here.
fn metadata(article: &RustArticle<'_>) -> Vec<(Name, Option<String>)> {
    let fields: [(&'static str, Option<&RustBlock<'_>>); 5] = [
        ("date", article.date()),
        ("byline", article.byline()),
        ("standfirst", article.standfirst()),
        ("reading_time", article.reading_time()),
        ("source_line", article.source_line()),
    ];
    fields
        .into_iter()
        .map(|(name, block)| (Name::Borrowed(name), block.map(|b| b.text().to_owned())))
        .collect()
}

/// Byte offsets into one UTF-8 string and the code-point index of each: the
/// byte -> char index map of one document, built in one pass over the string
/// for just the offsets the article uses.
struct CharIndex {
    bytes: Vec<usize>,
    chars: Vec<usize>,
    identity: bool,
}

impl CharIndex {
    fn new(text: &str, mut offsets: Vec<usize>) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                bytes: Vec::new(),
                chars: Vec::new(),
                identity: true,
            };
        }
        offsets.sort_unstable();
        offsets.dedup();
        let raw = text.as_bytes();
        let mut chars = Vec::with_capacity(offsets.len());
        let (mut at, mut count) = (0, 0);
        for &offset in &offsets {
            let offset = offset.min(raw.len());
            // A code point starts at every byte that is not a continuation
            // byte (0b10xx_xxxx); the library's offsets lie on char
            // boundaries, so this count is exact.
            count += raw[at..offset]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count();
            at = offset;
            chars.push(count);
        }
        CharIndex {
            bytes: offsets,
            chars,
            identity: false,
        }
    }

    fn get(&self, byte: usize) -> usize {
        if self.identity {
            return byte;
        }
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            // Not an offset the index was built for: a bug in this crate,
            // which the caller's catch_unwind turns into an exception.
            Err(_) => panic!("byte offset {byte} missing from the char index"),
        }
    }
}

/// Copies `article` into owned data; `source` is the input as a string when
/// its offsets must become code-point indices (str input), `None` when they
/// stay byte offsets.
fn convert(article: &RustArticle<'_>, source: Option<&str>) -> Cleaned {
    let index = source.map(|text| {
        let mut offsets = Vec::new();
        for block in article.blocks() {
            offsets.extend([block.span().start, block.span().end]);
            for piece in block.source_spans() {
                offsets.extend([piece.source.start, piece.source.end]);
            }
        }
        CharIndex::new(text, offsets)
    });
    let at = |byte: usize| index.as_ref().map_or(byte, |ix| ix.get(byte));
    let blocks = article
        .blocks()
        .iter()
        .map(|block| {
            let text = block.text();
            let inner = CharIndex::new(
                text,
                block
                    .source_spans()
                    .iter()
                    .flat_map(|p| [p.text.start, p.text.end])
                    .collect(),
            );
            Arc::new(BlockData {
                text: text.to_owned(),
                kind: Name::Borrowed(block.kind().as_str()),
                reason: block.reason().map(|r| Name::Borrowed(r.as_str())),
                start: at(block.span().start),
                end: at(block.span().end),
                spans: block
                    .source_spans()
                    .iter()
                    .map(|p| {
                        (
                            at(p.source.start),
                            at(p.source.end),
                            inner.get(p.text.start),
                            inner.get(p.text.end),
                        )
                    })
                    .collect(),
            })
        })
        .collect();
    Cleaned {
        title: article.title().map(|b| b.text().to_owned()),
        body: article.body_text(),
        input_kind: Name::Borrowed(match article.input_kind() {
            InputKind::Html => "html",
            _ => "text",
        }),
        blocks,
        metadata: metadata(article),
    }
}

fn clean_str<'a>(
    cleaner: &deboiler::Cleaner,
    text: &'a str,
    kind: Kind,
) -> Result<RustArticle<'a>, Error> {
    match kind {
        Kind::Auto => cleaner.clean(text),
        Kind::Text => cleaner.clean_text(text),
        Kind::Html => cleaner.clean_html(text),
    }
}

/// Cleans one input; needs no GIL. Panics become `Failure::Panic`.
fn run(
    cleaner: &deboiler::Cleaner,
    input: &Input,
    kind: Kind,
    charset: Option<&str>,
) -> Result<Cleaned, Failure> {
    let work = || match input {
        Input::Str(text) => {
            if charset.is_some() {
                return Err(Failure::Argument(
                    "charset applies only to bytes input; a str is already decoded".into(),
                ));
            }
            let article = clean_str(cleaner, text, kind).map_err(Failure::Library)?;
            Ok(convert(&article, Some(text)))
        }
        Input::Bytes(raw) => {
            let article = match charset {
                Some(label) => cleaner.clean_bytes_with_charset(raw, label),
                None => cleaner.clean_bytes(raw),
            }
            .map_err(Failure::Library)?;
            if kind.matches(article.input_kind()) {
                return Ok(convert(&article, None));
            }
            // The library sniffs text or HTML after decoding and has no way
            // to force the kind on bytes. Every check (size, binary data,
            // encoding) has passed above; for UTF-8 bytes, cleaning them as a
            // str with the forced kind gives byte offsets into the original.
            let utf8_label = charset.is_none_or(|l| l.trim().eq_ignore_ascii_case("utf-8"));
            match std::str::from_utf8(raw) {
                Ok(text) if utf8_label => {
                    let article = clean_str(cleaner, text, kind).map_err(Failure::Library)?;
                    Ok(convert(&article, None))
                }
                _ => Err(Failure::Decoding(format!(
                    "kind={:?} on bytes needs UTF-8 bytes, and these are not; pass kind='auto' \
                     (the encoding is then detected) or decode them to str first",
                    if kind == Kind::Text { "text" } else { "html" }
                ))),
            }
        }
    };
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(Failure::Panic(message))
    })
}

/// One span of a block: the range `start:end` of the input it came from, and
/// the range `text_start:text_end` of the block's text it became.
///
/// `start`/`end` are str indices for str input and byte offsets for bytes
/// input; `text_start`/`text_end` are always str indices into `Block.text`.
#[pyclass(frozen, module = "deboiler", name = "SourceSpan")]
struct SourceSpan {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text_start: usize,
    #[pyo3(get)]
    text_end: usize,
}

#[pymethods]
impl SourceSpan {
    fn __repr__(&self) -> String {
        format!(
            "SourceSpan(start={}, end={}, text_start={}, text_end={})",
            self.start, self.end, self.text_start, self.text_end
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<SourceSpan>().is_ok_and(|o| {
            let o = o.get();
            (o.start, o.end, o.text_start, o.text_end)
                == (self.start, self.end, self.text_start, self.text_end)
        })
    }
}

/// One block of the input: a paragraph, heading, list item... kept in the
/// body (`reason` is None) or removed (`reason` says why).
///
/// `start`/`end` locate the block in the input: str indices for str input,
/// byte offsets for bytes input. On plain-text str input
/// `data[block.start:block.end] == block.text`.
#[pyclass(frozen, module = "deboiler", name = "Block")]
struct Block {
    data: Arc<BlockData>,
}

#[pymethods]
impl Block {
    /// The block's text.
    #[getter]
    fn text(&self) -> &str {
        &self.data.text
    }

    /// What the block is: "paragraph", "heading", "quote", "list-item",
    /// "preformatted", "table-row", "caption" or "metadata".
    #[getter]
    fn kind(&self) -> &str {
        &self.data.kind
    }

    /// Why the block is not in the body ("navigation", "promo", ...), or None
    /// for a body block.
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.data.reason.as_deref()
    }

    /// Where the block starts in the input (str index or byte offset).
    #[getter]
    fn start(&self) -> usize {
        self.data.start
    }

    /// Where the block ends in the input, exclusive.
    #[getter]
    fn end(&self) -> usize {
        self.data.end
    }

    /// The pieces of the input the text came from, in order.
    #[getter]
    fn spans(&self) -> Vec<SourceSpan> {
        self.data
            .spans
            .iter()
            .map(|&(start, end, text_start, text_end)| SourceSpan {
                start,
                end,
                text_start,
                text_end,
            })
            .collect()
    }

    /// The block as a dict of plain values (the CLI's JSON shape).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        block_dict(py, &self.data)
    }

    fn __repr__(&self) -> String {
        let label = self.data.reason.as_deref().unwrap_or(&self.data.kind);
        format!(
            "Block({label}, {}..{}, {:?})",
            self.data.start, self.data.end, self.data.text
        )
    }
}

fn block_dict<'py>(py: Python<'py>, data: &BlockData) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("text", &data.text)?;
    dict.set_item("kind", &*data.kind)?;
    dict.set_item("reason", data.reason.as_deref())?;
    dict.set_item("start", data.start)?;
    dict.set_item("end", data.end)?;
    let spans = PyList::empty(py);
    for &(start, end, text_start, text_end) in &data.spans {
        let span = PyDict::new(py);
        span.set_item("start", start)?;
        span.set_item("end", end)?;
        span.set_item("text_start", text_start)?;
        span.set_item("text_end", text_end)?;
        spans.append(span)?;
    }
    dict.set_item("spans", spans)?;
    Ok(dict)
}

/// The result of cleaning one page.
///
/// `blocks` are the body blocks and `removed` the others, each with its
/// reason; both in input order, as in the CLI's JSON.
#[pyclass(frozen, module = "deboiler", name = "Article")]
struct Article {
    data: Cleaned,
}

#[pymethods]
impl Article {
    /// The headline, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.data.title.as_deref()
    }

    /// The body: the text of the body blocks, joined by blank lines.
    #[getter]
    fn body(&self) -> &str {
        &self.data.body
    }

    /// "text" or "html": which path cleaned the input.
    #[getter]
    fn input_kind(&self) -> &str {
        &self.data.input_kind
    }

    /// The body blocks, in input order.
    #[getter]
    fn blocks(&self) -> Vec<Block> {
        self.select(true)
    }

    /// The removed blocks, in input order, each with its reason.
    #[getter]
    fn removed(&self) -> Vec<Block> {
        self.select(false)
    }

    /// The metadata recognised in the page: {"date": str | None, "byline":
    /// ..., "standfirst": ..., "reading_time": ..., "source_line": ...}.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, value) in &self.data.metadata {
            dict.set_item(name, value.as_deref())?;
        }
        Ok(dict)
    }

    /// The article as a dict of plain values, shaped like one record of the
    /// CLI's JSON: title, body, input_kind, blocks, removed, metadata.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("title", self.data.title.as_deref())?;
        dict.set_item("body", &self.data.body)?;
        dict.set_item("input_kind", &*self.data.input_kind)?;
        for (key, body) in [("blocks", true), ("removed", false)] {
            let list = PyList::empty(py);
            for block in self
                .data
                .blocks
                .iter()
                .filter(|b| b.reason.is_none() == body)
            {
                list.append(block_dict(py, block)?)?;
            }
            dict.set_item(key, list)?;
        }
        dict.set_item("metadata", self.metadata(py)?)?;
        Ok(dict)
    }

    /// Pickles as its plain data, so Articles can cross process boundaries
    /// (multiprocessing, Spark's RDDs) and be rebuilt without cleaning again.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyTuple>,))> {
        let restore = py
            .import("deboiler._deboiler")?
            .getattr("_article_from_state")?;
        let blocks = PyList::empty(py);
        for b in &self.data.blocks {
            let item = (
                &b.text,
                &*b.kind,
                b.reason.as_deref(),
                b.start,
                b.end,
                b.spans.clone(),
            );
            blocks.append(item)?;
        }
        let metadata: Vec<(&str, Option<&str>)> = self
            .data
            .metadata
            .iter()
            .map(|(k, v)| (&**k, v.as_deref()))
            .collect();
        let state = PyTuple::new(
            py,
            [
                self.data.title.as_deref().into_pyobject(py)?.into_any(),
                self.data.body.as_str().into_pyobject(py)?.into_any(),
                (&*self.data.input_kind).into_pyobject(py)?.into_any(),
                blocks.into_any(),
                metadata.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((restore, (state,)))
    }

    fn __repr__(&self) -> String {
        format!(
            "Article(title={}, blocks={}, removed={})",
            self.data
                .title
                .as_ref()
                .map_or("None".to_owned(), |t| format!("{t:?}")),
            self.data
                .blocks
                .iter()
                .filter(|b| b.reason.is_none())
                .count(),
            self.data
                .blocks
                .iter()
                .filter(|b| b.reason.is_some())
                .count()
        )
    }
}

impl Article {
    fn select(&self, body: bool) -> Vec<Block> {
        self.data
            .blocks
            .iter()
            .filter(|b| b.reason.is_none() == body)
            .map(|b| Block {
                data: Arc::clone(b),
            })
            .collect()
    }
}

fn reasons(names: Option<Vec<String>>, option: &str) -> PyResult<Vec<Reason>> {
    names
        .unwrap_or_default()
        .iter()
        .map(|name| {
            Reason::from_name(name).ok_or_else(|| {
                let known: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
                PyValueError::new_err(format!(
                    "{option}: unknown reason {name:?}; known reasons: {}",
                    known.join(", ")
                ))
            })
        })
        .collect()
}

/// The builder's reason policy from the Python options: `keep` and `drop`
/// (lists of reason names, kept for compatibility) and `policy` (a dict of
/// reason name to "keep", "report" or "hide"), applied in that order, so
/// `policy` wins where it names the same reason.
fn with_policy(
    mut builder: deboiler::Builder,
    keep: Vec<Reason>,
    drop: Vec<Reason>,
    policy: Vec<(Reason, ReasonPolicy)>,
) -> deboiler::Builder {
    for reason in keep {
        builder = builder.policy(reason, ReasonPolicy::Keep);
    }
    for reason in drop {
        builder = builder.policy(reason, ReasonPolicy::Hide);
    }
    for (reason, p) in policy {
        builder = builder.policy(reason, p);
    }
    builder
}

/// The `policy` option: reason name to "keep", "report" or "hide".
fn policies(policy: Option<BTreeMap<String, String>>) -> PyResult<Vec<(Reason, ReasonPolicy)>> {
    policy
        .unwrap_or_default()
        .into_iter()
        .map(|(name, what)| {
            let reason = reasons(Some(vec![name]), "policy")?[0];
            let p = match what.as_str() {
                "keep" => ReasonPolicy::Keep,
                "report" => ReasonPolicy::Report,
                "hide" => ReasonPolicy::Hide,
                other => {
                    return Err(PyValueError::new_err(format!(
                        "policy: {other:?} for {:?} is not one of \"keep\", \"report\", \"hide\"",
                        reason.as_str()
                    )));
                }
            };
            Ok((reason, p))
        })
        .collect()
}

/// A limit option as a usize: an int that is negative or does not fit is a
/// ValueError (not OverflowError), anything else not an int a TypeError.
fn limit(value: Option<&Bound<'_, PyAny>>, option: &str) -> PyResult<Option<usize>> {
    let Some(value) = value else { return Ok(None) };
    if !value.is_instance_of::<PyInt>() || value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{option} must be an int, not {}",
            value.get_type().name()?
        )));
    }
    value.extract::<usize>().map(Some).map_err(|_| {
        PyValueError::new_err(format!(
            "{option} must be an int from 0 to {}, not {value}",
            usize::MAX
        ))
    })
}

/// A configured cleaner, built once and reused across pages and threads.
///
/// Cleaner(*, max_input_bytes=None, max_depth=None, max_nodes=None,
/// max_attributes=None, max_lines=None, keep=None, drop=None, policy=None,
/// learned=True)
///
/// max_input_bytes: larger inputs raise LimitError (default 256 MiB).
/// max_depth: HTML nested deeper raises LimitError (default 1024).
/// max_nodes: HTML with more nodes raises LimitError (default 250,000).
/// max_attributes: an HTML tag with more attributes raises LimitError
/// (default 1024).
/// max_lines: text with more non-blank lines raises LimitError (default
/// 250,000).
/// keep: reason names whose blocks stay in the body (e.g. ["standfirst"]).
/// drop: reason names whose blocks are no longer reported as title or
/// metadata (they are still listed in `removed`).
/// policy: a dict of reason name to "keep" (in the body), "report" (as the
/// title or metadata, the default) or "hide" (listed in `removed` only);
/// it wins over keep and drop for the reasons it names.
/// learned: on scraped text, let the learned second opinion put back lines
/// the hand rules removed as related stories or boilerplate (default True;
/// False leaves every decision to the hand rules).
#[pyclass(frozen, module = "deboiler", name = "Cleaner")]
struct Cleaner {
    inner: Arc<deboiler::Cleaner>,
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (*, max_input_bytes=None, max_depth=None, max_nodes=None, max_attributes=None, max_lines=None, keep=None, drop=None, policy=None, learned=true))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        max_input_bytes: Option<&Bound<'_, PyAny>>,
        max_depth: Option<&Bound<'_, PyAny>>,
        max_nodes: Option<&Bound<'_, PyAny>>,
        max_attributes: Option<&Bound<'_, PyAny>>,
        max_lines: Option<&Bound<'_, PyAny>>,
        keep: Option<Vec<String>>,
        drop: Option<Vec<String>>,
        policy: Option<BTreeMap<String, String>>,
        learned: bool,
    ) -> PyResult<Cleaner> {
        let mut builder = deboiler::Cleaner::builder().learned(learned);
        if let Some(v) = limit(max_input_bytes, "max_input_bytes")? {
            builder = builder.max_input_bytes(v);
        }
        if let Some(v) = limit(max_depth, "max_depth")? {
            builder = builder.max_depth(v);
        }
        if let Some(v) = limit(max_nodes, "max_nodes")? {
            builder = builder.max_nodes(v);
        }
        if let Some(v) = limit(max_attributes, "max_attributes")? {
            builder = builder.max_attributes(v);
        }
        if let Some(v) = limit(max_lines, "max_lines")? {
            builder = builder.max_lines(v);
        }
        let inner = with_policy(
            builder,
            reasons(keep, "keep")?,
            reasons(drop, "drop")?,
            policies(policy)?,
        )
        .build()
        .map_err(|e| Failure::Library(e).into_pyerr())?;
        Ok(Cleaner {
            inner: Arc::new(inner),
        })
    }

    /// clean(data, kind="auto", charset=None) -> Article
    ///
    /// Cleans one page, given as str or bytes. kind is "auto" (HTML if it
    /// looks like HTML, else text), "text" or "html". charset (bytes only)
    /// overrides the detected encoding. Offsets are str indices for str
    /// input and byte offsets for bytes input. The GIL is released while
    /// cleaning.
    #[pyo3(signature = (data, kind="auto", charset=None))]
    fn clean(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        kind: &str,
        charset: Option<&str>,
    ) -> PyResult<Article> {
        clean_one(py, &self.inner, data, kind, charset)
    }

    /// clean_many(iterable, kind="auto", charset=None, threads=None,
    /// errors="raise") -> Iterator[Article]
    ///
    /// Cleans every str or bytes of `iterable` on `threads` threads (default:
    /// the number of CPUs) without the GIL, and yields the Articles in input
    /// order. It reads at most 8 x threads items ahead, so the iterable may
    /// be endless. errors="raise" raises a page's error at its position
    /// (next() then goes on with the following page); errors="return" yields
    /// the exception object in the Article's place.
    #[pyo3(signature = (iterable, kind="auto", charset=None, threads=None, errors="raise"))]
    fn clean_many(
        &self,
        iterable: &Bound<'_, PyAny>,
        kind: &str,
        charset: Option<String>,
        threads: Option<i64>,
        errors: &str,
    ) -> PyResult<CleanMany> {
        let kind = Kind::parse(kind)?;
        let raise = match errors {
            "raise" => true,
            "return" => false,
            other => {
                return Err(PyValueError::new_err(format!(
                    "errors must be 'raise' or 'return', not {other:?}"
                )));
            }
        };
        let threads = match threads {
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
            Some(n) if n >= 1 => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
            Some(n) => {
                return Err(PyValueError::new_err(format!(
                    "threads must be at least 1, not {n}"
                )));
            }
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("deboiler-{i}"))
            .build()
            .map_err(|e| DeboilerError::new_err(format!("cannot start {threads} threads: {e}")))?;
        Ok(CleanMany {
            cleaner: Arc::clone(&self.inner),
            source: Some(iterable.try_iter()?.unbind()),
            kind,
            charset: charset.map(Arc::from),
            pool,
            window: threads * WINDOW_PER_THREAD,
            pending: VecDeque::new(),
            source_error: None,
            raise,
        })
    }

    fn __repr__(&self) -> String {
        "Cleaner(...)".to_owned()
    }
}

fn clean_one(
    py: Python<'_>,
    cleaner: &deboiler::Cleaner,
    data: &Bound<'_, PyAny>,
    kind: &str,
    charset: Option<&str>,
) -> PyResult<Article> {
    let kind = Kind::parse(kind)?;
    let input = Input::extract(data)?;
    let result = py.detach(|| run(cleaner, &input, kind, charset));
    drop(input);
    result
        .map(|data| Article { data })
        .map_err(Failure::into_pyerr)
}

/// One input of `clean_many`, in its place in the output order.
enum Pending {
    /// Known before any cleaning: an item that is not str or bytes.
    Failed(PyErr),
    /// Being cleaned on the pool; the worker sends the input back with the
    /// result, so the input's Python object is released with the GIL held.
    /// (In a Mutex only because a pyclass must be Sync and a Receiver is not.)
    Running(Mutex<mpsc::Receiver<(Input, Result<Cleaned, Failure>)>>),
}

/// The iterator `Cleaner.clean_many` returns.
///
/// It keeps up to `window` inputs in flight on the pool: each `next()` tops
/// the window up from the iterable, then waits (without the GIL) for the
/// oldest one. The workers go on cleaning while the caller handles the
/// Article just returned, and no worker waits for a slow page's neighbours.
#[pyclass(module = "deboiler", name = "CleanMany")]
struct CleanMany {
    cleaner: Arc<deboiler::Cleaner>,
    /// None once the iterable is exhausted or has raised.
    source: Option<Py<PyIterator>>,
    kind: Kind,
    charset: Option<Arc<str>>,
    pool: rayon::ThreadPool,
    window: usize,
    pending: VecDeque<Pending>,
    /// An exception the iterable itself raised, re-raised once the pages
    /// read before it have been yielded.
    source_error: Option<PyErr>,
    raise: bool,
}

#[pymethods]
impl CleanMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.top_up(py);
        let result = match self.pending.pop_front() {
            None => {
                return match self.source_error.take() {
                    Some(err) => Err(err),
                    None => Ok(None),
                };
            }
            Some(Pending::Failed(err)) => Err(err),
            Some(Pending::Running(receiver)) => {
                let receiver = receiver
                    .into_inner()
                    .unwrap_or_else(PoisonError::into_inner);
                match py.detach(move || receiver.recv()) {
                    Ok((input, result)) => {
                        drop(input);
                        result.map_err(Failure::into_pyerr)
                    }
                    Err(_) => Err(
                        Failure::Panic("a worker thread ended without a result".into())
                            .into_pyerr(),
                    ),
                }
            }
        };
        // Refill before handing the Article over, so the workers have a full
        // window while the caller works.
        self.top_up(py);
        match result {
            Ok(data) => Ok(Some(Py::new(py, Article { data })?.into_any())),
            Err(err) if self.raise => Err(err),
            Err(err) => Ok(Some(err.into_value(py).into_any())),
        }
    }
}

impl CleanMany {
    /// Reads inputs from the iterable and starts them on the pool until
    /// `window` are in flight or the iterable ends.
    fn top_up(&mut self, py: Python<'_>) {
        while self.pending.len() < self.window {
            let Some(source) = &self.source else { return };
            let mut source = source.bind(py).clone();
            let item = match source.next() {
                None => {
                    self.source = None;
                    return;
                }
                Some(Err(err)) => {
                    self.source_error = Some(err);
                    self.source = None;
                    return;
                }
                Some(Ok(item)) => item,
            };
            let input = match Input::extract(&item) {
                Ok(input) => input,
                Err(err) => {
                    self.pending.push_back(Pending::Failed(err));
                    continue;
                }
            };
            let (sender, receiver) = mpsc::sync_channel(1);
            let (cleaner, kind, charset) =
                (Arc::clone(&self.cleaner), self.kind, self.charset.clone());
            self.pool.spawn(move || {
                let result = run(&cleaner, &input, kind, charset.as_deref());
                // The receiver is gone only if the iterator was dropped.
                let _ = sender.send((input, result));
            });
            self.pending
                .push_back(Pending::Running(Mutex::new(receiver)));
        }
    }
}

/// The plain data `Article.__reduce__` pickles.
type BlockState = (
    String,
    String,
    Option<String>,
    usize,
    usize,
    Vec<(usize, usize, usize, usize)>,
);
type ArticleState = (
    Option<String>,
    String,
    String,
    Vec<BlockState>,
    Vec<(String, Option<String>)>,
);

/// Rebuilds an Article from the state `Article.__reduce__` gives pickle.
#[pyfunction]
fn _article_from_state(state: ArticleState) -> Article {
    let (title, body, input_kind, blocks, metadata) = state;
    Article {
        data: Cleaned {
            title,
            body,
            input_kind: Name::Owned(input_kind),
            blocks: blocks
                .into_iter()
                .map(|(text, kind, reason, start, end, spans)| {
                    Arc::new(BlockData {
                        text,
                        kind: Name::Owned(kind),
                        reason: reason.map(Name::Owned),
                        start,
                        end,
                        spans,
                    })
                })
                .collect(),
            metadata: metadata
                .into_iter()
                .map(|(k, v)| (Name::Owned(k), v))
                .collect(),
        },
    }
}

/// clean(data, kind="auto", charset=None) -> Article
///
/// Cleans one page with the default settings; see Cleaner.clean.
#[pyfunction]
#[pyo3(signature = (data, kind="auto", charset=None))]
fn clean(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    kind: &str,
    charset: Option<&str>,
) -> PyResult<Article> {
    static DEFAULT: std::sync::OnceLock<deboiler::Cleaner> = std::sync::OnceLock::new();
    clean_one(
        py,
        DEFAULT.get_or_init(deboiler::Cleaner::new),
        data,
        kind,
        charset,
    )
}

/// The names of every removal reason, in the library's order.
fn reasons_list(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, Reason::ALL.iter().map(|r| r.as_str()))
}

/// The compiled part of the `deboiler` package.
#[pymodule]
fn _deboiler(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(_article_from_state, m)?)?;
    m.add("REASONS", reasons_list(py)?)?;
    m.add_class::<Cleaner>()?;
    m.add_class::<Article>()?;
    m.add_class::<Block>()?;
    m.add_class::<SourceSpan>()?;
    m.add_class::<CleanMany>()?;
    m.add("DeboilerError", py.get_type::<DeboilerError>())?;
    m.add("LimitError", py.get_type::<LimitError>())?;
    m.add("DecodingError", py.get_type::<DecodingError>())?;
    Ok(())
}
