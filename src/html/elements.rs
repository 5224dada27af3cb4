//! The one table of element facts the scanners share.
//!
//! Each fact is what the HTML standard (and html5ever, which follows it)
//! does with an element's start tag, as far as a scan of the source can use
//! it: whether its content is raw text, whether it opens nothing, which open
//! element its start tag implicitly ends. Names are matched ASCII
//! case-insensitively, as the tokenizer lowercases them.

/// The facts about one element name.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub(crate) struct Element {
    bits: u16,
    family: Family,
}

/// Which open element a start tag implicitly ends ("generate implied end
/// tags" and its relatives in the tree builder's rules).
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub(crate) enum Family {
    /// None.
    #[default]
    None,
    /// `<li>` ends the open `<li>`, searching down to the first special
    /// element other than `address`, `div` and `p`.
    ListItem,
    /// `<dd>` and `<dt>` end the open `<dd>` or `<dt>`, with the same search.
    Definition,
    /// `<option>` ends an `<option>` that is the current node.
    Option,
    /// `<optgroup>` ends an `<option>` that is the current node, and inside
    /// a `<select>` an `<optgroup>` too.
    OptGroup,
    /// `<td>`, `<th>` end the open cell of their table.
    Cell,
    /// `<tr>` ends the open row of its table.
    Row,
    /// `<thead>`, `<tbody>`, `<tfoot>` end the open section of their table.
    Section,
    /// `<rb>`, `<rt>`, `<rp>`, `<rtc>` end the open ruby annotation.
    Ruby,
    /// `<button>` ends the open `<button>`.
    Button,
    /// A `<form>` inside an open `<form>`.
    Form,
}

/// Content is raw text: no tags, no character references, up to the
/// matching end tag (`script`, `style`, …; `noscript` because scraper
/// parses with scripting enabled).
const RAW_TEXT: u16 = 1;
/// Content is RCDATA: no tags, but character references (`title`,
/// `textarea`).
const RCDATA: u16 = 1 << 1;
/// Everything after the start tag is text (`plaintext`).
const PLAINTEXT: u16 = 1 << 2;
/// Opens nothing: no content, no end tag.
const VOID: u16 = 1 << 3;
/// A formatting element, which the parser reopens in each new block rather
/// than nesting deeper.
const FORMATTING: u16 = 1 << 4;
/// `html`, `head`, `body`: the parser makes one of each.
const ROOT: u16 = 1 << 5;
/// The start tag closes an open `<p>` in button scope.
const CLOSES_P: u16 = 1 << 6;
/// In the standard's "special" category, where the search for an open
/// `<li>`, `<dd>` or `<dt>` stops (`address`, `div` and `p` excepted, as the
/// standard excepts them).
const SPECIAL_STOP: u16 = 1 << 7;
/// Starts foreign content (`svg`, `math`), where no element is raw text.
const FOREIGN: u16 = 1 << 8;
/// The tree builder, not the tokenizer, decides what follows the start tag
/// (`select`, `frameset`, foreign content, `plaintext`).
const TREE_DECIDES: u16 = 1 << 9;
/// A boundary of "button scope": a search for an open `<p>`, a cell or a row
/// does not look past it.
const SCOPE: u16 = 1 << 10;
/// A boundary of "table scope" (`html`, `table`, `template`): a search for
/// an open cell, row or table section does not look past it.
const TABLE_SCOPE: u16 = 1 << 11;

impl Element {
    /// The facts about the element named `name` (any ASCII case); an
    /// unknown name has none.
    pub(crate) fn of(name: &[u8]) -> Element {
        const LONGEST: usize = 10;
        if name.len() > LONGEST {
            return Element::default();
        }
        let mut buf = [0u8; LONGEST];
        for (b, c) in buf.iter_mut().zip(name) {
            *b = c.to_ascii_lowercase();
        }
        let (bits, family) = facts(&buf[..name.len()]);
        Element { bits, family }
    }

    fn has(self, bit: u16) -> bool {
        self.bits & bit != 0
    }

    /// Whether the content is raw text (see [`RAW_TEXT`]).
    pub(crate) fn raw_text(self) -> bool {
        self.has(RAW_TEXT)
    }

    /// Whether the content is RCDATA (see [`RCDATA`]).
    pub(crate) fn rcdata(self) -> bool {
        self.has(RCDATA)
    }

    /// Whether the rest of the document is text (`plaintext`).
    pub(crate) fn plaintext(self) -> bool {
        self.has(PLAINTEXT)
    }

    /// Whether the element opens nothing.
    pub(crate) fn void(self) -> bool {
        self.has(VOID)
    }

    /// Whether it is a formatting element.
    pub(crate) fn formatting(self) -> bool {
        self.has(FORMATTING)
    }

    /// Whether it is `html`, `head` or `body`.
    pub(crate) fn root(self) -> bool {
        self.has(ROOT)
    }

    /// Whether its start tag closes an open `<p>`.
    pub(crate) fn closes_p(self) -> bool {
        self.has(CLOSES_P)
    }

    /// Whether a search for an open `<li>`, `<dd>` or `<dt>` stops at it.
    pub(crate) fn special_stop(self) -> bool {
        self.has(SPECIAL_STOP)
    }

    /// Whether it starts foreign content (`svg`, `math`).
    pub(crate) fn foreign(self) -> bool {
        self.has(FOREIGN)
    }

    /// Whether the tree builder decides how what follows is tokenized.
    pub(crate) fn tree_decides(self) -> bool {
        self.has(TREE_DECIDES)
    }

    /// Whether a search for an open `<p>`, cell or row stops at it.
    pub(crate) fn scope(self) -> bool {
        self.has(SCOPE)
    }

    /// Whether a search for an open cell, row or section stops at it.
    pub(crate) fn table_scope(self) -> bool {
        self.has(TABLE_SCOPE)
    }

    /// The open element its start tag implicitly ends.
    pub(crate) fn family(self) -> Family {
        self.family
    }
}

/// The table itself, on a lowercased name.
fn facts(name: &[u8]) -> (u16, Family) {
    const BLOCK: u16 = CLOSES_P | SPECIAL_STOP;
    match name {
        b"script" | b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => {
            (RAW_TEXT | SPECIAL_STOP, Family::None)
        }
        // Not "special", but raw text with scripting enabled.
        b"noscript" => (RAW_TEXT, Family::None),
        b"title" | b"textarea" => (RCDATA | SPECIAL_STOP, Family::None),
        b"plaintext" => (PLAINTEXT | TREE_DECIDES | BLOCK, Family::None),
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"source" | b"track" | b"wbr" | b"param" | b"keygen" | b"frame"
        | b"basefont" | b"bgsound" => (VOID | SPECIAL_STOP, Family::None),
        b"a" | b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small"
        | b"strike" | b"strong" | b"tt" | b"u" => (FORMATTING, Family::None),
        b"html" => (ROOT | SPECIAL_STOP | SCOPE | TABLE_SCOPE, Family::None),
        b"head" | b"body" => (ROOT | SPECIAL_STOP, Family::None),
        b"address" | b"div" | b"p" => (CLOSES_P, Family::None),
        b"li" => (BLOCK, Family::ListItem),
        b"dd" | b"dt" => (BLOCK, Family::Definition),
        b"form" => (BLOCK, Family::Form),
        b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog" | b"dir"
        | b"dl" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"h1" | b"h2" | b"h3"
        | b"h4" | b"h5" | b"h6" | b"header" | b"hgroup" | b"main" | b"menu" | b"nav" | b"ol"
        | b"pre" | b"section" | b"summary" | b"ul" | b"listing" | b"search" => {
            (BLOCK, Family::None)
        }
        b"table" => (BLOCK | SCOPE | TABLE_SCOPE, Family::None),
        b"td" | b"th" => (SPECIAL_STOP | SCOPE, Family::Cell),
        b"tr" => (SPECIAL_STOP, Family::Row),
        b"thead" | b"tbody" | b"tfoot" => (SPECIAL_STOP, Family::Section),
        b"template" => (SPECIAL_STOP | SCOPE | TABLE_SCOPE, Family::None),
        b"caption" | b"marquee" | b"object" | b"applet" => (SPECIAL_STOP | SCOPE, Family::None),
        b"button" => (SPECIAL_STOP | SCOPE, Family::Button),
        b"option" => (0, Family::Option),
        b"optgroup" => (0, Family::OptGroup),
        b"rb" | b"rt" | b"rp" | b"rtc" => (0, Family::Ruby),
        b"select" | b"frameset" => (TREE_DECIDES | SPECIAL_STOP, Family::None),
        b"svg" | b"math" => (FOREIGN | TREE_DECIDES, Family::None),
        b"colgroup" => (SPECIAL_STOP, Family::None),
        _ => (0, Family::None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_in_any_case() {
        assert!(Element::of(b"SCRIPT").raw_text());
        assert!(Element::of(b"TiTlE").rcdata());
        assert!(Element::of(b"br").void());
        assert!(!Element::of(b"scripts").raw_text());
        assert!(!Element::of(b"a-very-long-custom-element").raw_text());
        assert_eq!(Element::of(b"LI").family(), Family::ListItem);
    }

    #[test]
    fn list_item_search_passes_address_div_and_p_only() {
        for name in ["address", "div", "p", "span", "a"] {
            assert!(!Element::of(name.as_bytes()).special_stop(), "{name}");
        }
        for name in ["ul", "ol", "li", "dl", "table", "td", "section", "button"] {
            assert!(Element::of(name.as_bytes()).special_stop(), "{name}");
        }
    }
}
