//! html5ever's tree builder fed by the crate's own lexer.
//!
//! html5ever's tokenizer steps through every tag and attribute name a
//! character at a time (a `BufferQueue::next`, a `pop_front_char` and a
//! `Tendril` push each, a few hundred instructions), about two thirds of
//! the parse. The crate's lexer ([`crate::html::lexer`]) already finds the
//! same tokens at the same offsets for the source map, so here its tokens,
//! decoded as the tokenizer decodes them, go straight to html5ever's
//! [`TreeBuilder`]: the tree is still built by html5ever, with its
//! insertion modes, and the tree builder still tells, after each start tag,
//! whether what follows is raw text, RCDATA or plain text, as it tells its
//! own tokenizer.
//!
//! A script's content ends where the tokenizer's script data states end
//! it ([`Lexer::script_data`]: the escaped and double-escaped states), a
//! `<![CDATA[` is a CDATA section where the tree builder's adjusted current
//! node is foreign. Where the two readings could part, [`parse`] gives up
//! and the caller parses with html5ever's tokenizer: a page holding a NUL
//! (replaced or dropped by state), a leading U+FEFF (dropped by the
//! tokenizer; one after `</script>` or `<meta charset>` is dropped here as
//! html5ever's driver drops it), `<plaintext>`. A doctype, rare and decisive for the quirks mode, is read by html5ever's
//! own tokenizer from its source. Test `fed_tree_is_the_parsed_tree` holds
//! the result to [`Dom::parse`] on tag soup and on the copies of the
//! corpus.

use std::sync::LazyLock;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Doctype, Tag, TagKind, Token as HToken, TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{Attribute as HAttribute, LocalName, QualName, ns};
use memchr::{memchr2, memmem};

use crate::html::lexer::{Lexer, Token};
use crate::vocab::Span;

use super::dom::{Dom, Sink};
use super::sourcemap::entity::char_ref;
use super::strip::{SHORT, short_place};

/// Parses `html` as [`Dom::parse`] does, with room for `nodes` nodes, or
/// `None` where the lexer's reading could part from html5ever's tokenizer
/// (the module's docs say where). With `short`, attributes named by one
/// of [`SHORT`]'s characters get their long names back.
pub(crate) fn parse(html: &str, nodes: usize, short: bool) -> Option<Dom> {
    let s = html.as_bytes();
    if memchr::memchr(0, s).is_some() || html.starts_with('\u{feff}') {
        return None;
    }
    // `<![CDATA[` opens a CDATA section where the adjusted current node is
    // foreign, as html5ever's tokenizer asks its tree builder; on a page
    // without one the question need not be asked.
    let cdata = memmem::find(s, b"<![CDATA[").is_some();
    let tb = TreeBuilder::new(Sink::with_capacity(nodes), Default::default());
    let whole = StrTendril::from_slice(html);
    let mut lexer = Lexer::new(s);
    let mut text = String::new();
    let mut names = Names::default();
    let mut doctyped = false;
    loop {
        if cdata {
            lexer.set_cdata(tb.adjusted_current_node_present_but_not_in_html_namespace());
        }
        let Some(token) = lexer.next() else { break };
        match token {
            Token::Text(span) => characters(&tb, html, &whole, span, Refs::Data, &mut text),
            Token::StartTag(tag) => {
                let raw = lexer.take_attributes();
                let mut attrs: Vec<HAttribute> = Vec::with_capacity(raw.len());
                let mut duplicate = false;
                for a in &raw {
                    let name = attribute_name(&mut names, &html[a.name.start..a.name.end], short);
                    if attrs.iter().any(|x| x.name.local == name) {
                        duplicate = true;
                        continue;
                    }
                    let value = match a.value {
                        None => StrTendril::new(),
                        Some(v) => decode(html, &whole, v, Refs::Attribute, &mut text),
                    };
                    attrs.push(HAttribute {
                        name: QualName::new(None, ns!(), name),
                        value,
                    });
                }
                let name = names.get(&html[tag.name.start..tag.name.end]);
                let result = tb.process_token(
                    HToken::TagToken(Tag {
                        kind: TagKind::StartTag,
                        name,
                        self_closing: tag.self_closing,
                        attrs,
                        had_duplicate_attributes: duplicate,
                    }),
                    1,
                );
                lexer.restore_attributes(raw);
                let refs = match result {
                    TokenSinkResult::RawData(RawKind::Rcdata) => Refs::Data,
                    TokenSinkResult::RawData(RawKind::Rawtext) => Refs::None,
                    TokenSinkResult::RawData(RawKind::ScriptData) => Refs::Script,
                    TokenSinkResult::RawData(_) | TokenSinkResult::Plaintext => return None,
                    TokenSinkResult::EncodingIndicator(_) => {
                        resumed(&mut lexer);
                        continue;
                    }
                    _ => continue,
                };
                let content = if refs == Refs::Script {
                    lexer.script_data()
                } else {
                    lexer.raw_text(&s[tag.name.start..tag.name.end])
                };
                characters(&tb, html, &whole, content, refs, &mut text);
            }
            Token::EndTag(tag) => {
                let name = names.get(&html[tag.name.start..tag.name.end]);
                let result = tb.process_token(
                    HToken::TagToken(Tag {
                        kind: TagKind::EndTag,
                        name,
                        self_closing: tag.self_closing,
                        attrs: Vec::new(),
                        had_duplicate_attributes: false,
                    }),
                    1,
                );
                if matches!(
                    result,
                    TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_)
                ) {
                    resumed(&mut lexer);
                }
            }
            Token::Comment(_) => {
                let _ = tb.process_token(HToken::CommentToken(StrTendril::new()), 1);
            }
            Token::Doctype(span) => {
                // The tree builder reads a doctype only in its initial
                // mode, which the first doctype ends: later ones are
                // ignored whatever they say, so they are not read (a page
                // of doctypes would start a tokenizer for each).
                let doctype = if doctyped {
                    Doctype::default()
                } else {
                    doctype(&html[span.start..span.end])?
                };
                doctyped = true;
                let _ = tb.process_token(HToken::DoctypeToken(doctype), 1);
            }
            Token::Cdata(span) => {
                // Its content, between `<![CDATA[` and `]]>`, is text.
                let end = if s[..span.end].ends_with(b"]]>") {
                    span.end - 3
                } else {
                    span.end
                };
                let content = Span::new(span.start + 9, end.max(span.start + 9));
                characters(&tb, html, &whole, content, Refs::None, &mut text);
            }
            Token::Nothing(_) => {}
            Token::EofInTag(_) => break,
        }
    }
    let _ = tb.process_token(HToken::EOFToken, 1);
    tb.end();
    Some(tb.sink.into_dom())
}

/// Where html5ever's tokenizer hands a `</script>` or an encoding
/// indicator (`<meta charset>`) to its driver, the driver feeds it again,
/// and the tokenizer drops a U+FEFF that comes next as if the input began
/// there (`Tokenizer::feed` checks `discard_bom` every time).
fn resumed(lexer: &mut Lexer<'_>) {
    lexer.skip("\u{feff}".as_bytes());
}

/// Which character references a stretch of source decodes, and whether it
/// may hold what ends a script early.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refs {
    /// Data and RCDATA: references decoded.
    Data,
    /// An attribute value: references decoded, a legacy name without `;`
    /// followed by an alphanumeric or `=` left as written.
    Attribute,
    /// RAWTEXT: no references.
    None,
    /// Script data: no references.
    Script,
}

/// Gives the tree builder the characters of `span` (nothing when empty).
fn characters(
    tb: &TreeBuilder<u32, Sink>,
    html: &str,
    whole: &StrTendril,
    span: Span,
    refs: Refs,
    buf: &mut String,
) {
    if span.end == span.start {
        return;
    }
    let text = decode(html, whole, span, refs, buf);
    let _ = tb.process_token(HToken::CharacterTokens(text), 1);
}

/// The text of `span` as the tokenizer hands it on: character references
/// decoded (as `refs` says), CR LF and a lone CR read as LF.
fn decode(html: &str, whole: &StrTendril, span: Span, refs: Refs, buf: &mut String) -> StrTendril {
    let s = html.as_bytes();
    let refs_on = matches!(refs, Refs::Data | Refs::Attribute);
    let amp = if refs_on { b'&' } else { b'\r' };
    let bytes = &s[span.start..span.end];
    // Short stretches (most attribute values, white space between tags)
    // are looked through a byte at a time: `memchr2` costs more to set up.
    let first = if bytes.len() < 16 {
        bytes.iter().position(|&c| c == amp || c == b'\r')
    } else {
        memchr2(amp, b'\r', bytes)
    };
    let Some(first) = first else {
        return if bytes.len() <= 8 {
            StrTendril::from_slice(&html[span.start..span.end])
        } else {
            whole.subtendril(span.start as u32, bytes.len() as u32)
        };
    };
    buf.clear();
    let mut i = span.start + first;
    let mut last = span.start;
    loop {
        if s[i] == b'\r' {
            buf.push_str(&html[last..i]);
            buf.push('\n');
            i += 1;
            if i < span.end && s[i] == b'\n' {
                i += 1;
            }
            last = i;
        } else {
            match char_ref(s, i, refs == Refs::Attribute) {
                Some(d) if i + d.len <= span.end => {
                    buf.push_str(&html[last..i]);
                    buf.push(d.c);
                    if let Some(c2) = d.c2 {
                        buf.push(c2);
                    }
                    i += d.len;
                    last = i;
                }
                _ => i += 1,
            }
        }
        match memchr2(amp, b'\r', &s[i..span.end]) {
            Some(o) => i += o,
            None => break,
        }
    }
    buf.push_str(&html[last..span.end]);
    StrTendril::from_slice(buf)
}

/// Tag and attribute names as the tokenizer makes them (ASCII letters
/// lower-cased), the atoms of the short ones kept in a small table: an
/// atom is found by hashing its name (SipHash), a few hundred
/// instructions, and a page names a few dozen elements and attributes
/// thousands of times.
struct Names {
    /// Names of one to eight bytes, lower-cased and packed into a `u64`
    /// (a name holds no NUL: the feed declines a page with one), by a hash
    /// of the key; a slot holds the last name that fell into it.
    slots: Vec<(u64, LocalName)>,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            slots: vec![(0, LocalName::from("")); NAME_SLOTS],
        }
    }
}

/// How many names [`Names`] keeps (a power of two).
const NAME_SLOTS: usize = 128;

impl Names {
    fn get(&mut self, name: &str) -> LocalName {
        let b = name.as_bytes();
        if b.is_empty() || b.len() > 8 {
            return lower_atom(name);
        }
        let mut k = [0u8; 8];
        for (d, c) in k.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        let key = u64::from_le_bytes(k);
        let slot = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - NAME_SLOTS.trailing_zeros()))
            as usize;
        let entry = &mut self.slots[slot];
        if entry.0 != key {
            *entry = (key, lower_atom(name));
        }
        entry.1.clone()
    }
}

/// The atom of `name` with ASCII letters lower-cased.
fn lower_atom(name: &str) -> LocalName {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        LocalName::from(name.to_ascii_lowercase())
    } else {
        LocalName::from(name)
    }
}

/// An attribute name as the tokenizer makes it, with its long name back
/// for a [`SHORT`] one.
fn attribute_name(names: &mut Names, name: &str, short: bool) -> LocalName {
    if short && let Some(i) = short_place(name.as_bytes()) {
        return LONG_ATOMS[i].clone();
    }
    names.get(name)
}

/// The atoms of [`SHORT`]'s long names, in its order.
static LONG_ATOMS: LazyLock<Vec<LocalName>> = LazyLock::new(|| {
    SHORT
        .iter()
        .map(|&(long, _)| LocalName::from(long))
        .collect()
});

/// The doctype token html5ever's tokenizer reads from `source` (one
/// doctype, from `<!` to past its `>` or to the end of the input).
fn doctype(source: &str) -> Option<Doctype> {
    struct Catch(std::cell::RefCell<Option<Doctype>>);
    impl TokenSink for Catch {
        type Handle = ();
        fn process_token(&self, token: HToken, _line: u64) -> TokenSinkResult<()> {
            if let HToken::DoctypeToken(d) = token {
                self.0.borrow_mut().get_or_insert(d);
            }
            TokenSinkResult::Continue
        }
    }
    let tokenizer = Tokenizer::new(Catch(Default::default()), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

/// The checks the differential fuzz target `fuzz_feed` runs
/// (fuzz/README.md) and the tests below: the fed tree is html5ever's.
#[cfg(any(test, fuzzing))]
pub(crate) mod check {
    use super::super::dom::{Data, Dom, Edge};

    /// The tree as a listing: every edge, each element's name and
    /// attributes in order (long names for short ones, with `short`), each
    /// text, and the number of nodes made.
    fn listing(dom: &Dom, short: bool) -> (Vec<String>, usize) {
        let mut out = Vec::new();
        for edge in dom.traverse() {
            match edge {
                Edge::Open(id) => out.push(match &dom.node(id).data {
                    Data::Document => "#document".to_string(),
                    Data::Other => "#other".to_string(),
                    Data::Text(t) => format!("{:?}", &**t),
                    Data::Element { name, attrs } => {
                        let mut seen: Vec<(&str, &html5ever::Namespace)> = Vec::new();
                        let attrs: Vec<String> = attrs
                            .iter()
                            .filter_map(|a| {
                                let n: &str = &a.name.local;
                                if short {
                                    // A second `<html>` or `<body>` tag adds
                                    // the attributes its element lacks. In
                                    // the copy a short name and its long
                                    // name can both stand on it (the strip
                                    // leaves names in foreign content
                                    // long); the page itself, and the
                                    // feed, which reads short names back
                                    // as long ones, have the name once.
                                    let n = super::super::long_name(n);
                                    if seen.contains(&(n, &a.name.ns)) {
                                        return None;
                                    }
                                    seen.push((n, &a.name.ns));
                                    return Some(format!("{:?}:{n}={:?}", a.name.ns, &*a.value));
                                }
                                Some(format!("{:?}:{n}={:?}", a.name.ns, &*a.value))
                            })
                            .collect();
                        format!("<{:?}:{} {attrs:?}", name.ns, &*name.local)
                    }
                }),
                Edge::Close(_) => out.push(">".into()),
            }
        }
        (out, dom.len())
    }

    /// Whether the feed takes `page` (false: it declines, and the caller
    /// parses with html5ever's tokenizer); where it does, its tree must be
    /// html5ever's parse of the page, or this panics with the first edge
    /// where the two listings part.
    pub(crate) fn same(page: &str, short: bool) -> bool {
        let Some(fed) = super::parse(page, 0, short) else {
            return false;
        };
        let parsed = Dom::parse(page, 0);
        let (a, b) = (listing(&fed, false), listing(&parsed, short));
        if a != b {
            let at = a.0.iter().zip(&b.0).position(|(x, y)| x != y);
            panic!(
                "fed tree parts from html5ever's at edge {at:?} (nodes {} vs {}): fed {:?}, parsed {:?}; page: {page:?}",
                a.1,
                b.1,
                at.map(|i| &a.0[i]),
                at.map(|i| &b.0[i]),
            );
        }
        true
    }

    /// [`same`] on `page` as it comes, and on the copy the strip hands the
    /// parser (raw text emptied, long attribute names shortened).
    #[cfg(fuzzing)]
    pub(crate) fn same_as_parsed(page: &str) {
        same(page, false);
        let limits = crate::vocab::Limits::default();
        if let Ok((copy, _, _, short)) = super::super::strip::strip_and_scan(page, &limits) {
            same(&copy, short);
        }
    }
}

#[cfg(test)]
mod tests {
    /// The fed tree equals html5ever's parse of the same input (a panic
    /// otherwise), or the feed declines it (false).
    fn assert_same(page: &str, short: bool) -> bool {
        super::check::same(page, short)
    }

    #[test]
    fn hand_written_pages_feed_the_same() {
        for page in [
            "<!DOCTYPE html><p>a &amp; b &notit; &notin; &#x41;&#65&#0;&#x80;&#xD800;</p>",
            "<!doctype html public \"-//W3C//DTD HTML 4.01 Transitional//EN\"><table><p>x</table>",
            "<!DOCTYPE html SYSTEM \"about:legacy-compat\"><p>x",
            "<!DOCTYPE><p>x",
            "<!DOCTYPE html",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>a<table><tr><td>b</table>",
            "<!DOCTYPE html><p>a<table><tr><td>b</table>",
            "<!DOCTYPE html><!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><table><p>x",
            "<!-- c --><!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><!DOCTYPE html><table><p>x",
            "<html><head><title>A &amp; B</title></head><body><p>x</p></body></html>",
            "<p class=\"a&amp;b\" id='c&ampd' title=e&ampf= href=&amp=>x</p>",
            "<P CLASS=a Class=b ID=c>x</P>",
            "<div\r\nclass=\"a\r\nb\rc\">x\r\ny\rz</div>",
            "<textarea>\n&amp;<b></textarea>",
            "<pre>\n\nx</pre><listing>\ny</listing>",
            "<script>a<b</script><style>c<d</style><noscript><p>e</noscript>",
            "<xmp>&amp;<b></xmp><iframe>&amp;<p></iframe><noembed>x</noembed>",
            "<svg><style>a<b>c</b></style><title>t</title></svg><math><mi>x</mi></math>",
            "<table>x<tr>y<td>z</table>",
            "<select><option>a<option>b</select><frameset><frame></frameset>",
            "<b><p>a</b>b</p> <i>c",
            "<a href=x><div>a</a>b</div>",
            "<template><p>a</p></template><template shadowrootmode=open><b>c</b></template>",
            "a < b <3 </> </ x> <? y > <!x> <!-- c --> <!---> <!-->",
            "<p>unclosed <b class=",
            "<p>unclosed <",
            "<p>unclosed </",
            "<p>unclosed &amp",
            "<div/><br/><p/>x",
            "<a title=\"x\"/b>c</a>",
            "<p \u{e000}=a \u{e001}=b>x",
            "<head><meta charset=utf-8>\n  <link rel=x>\n</head>\n<body>\n<p>a</p>\n</body>",
            "</p></br><p>a</html> <p>b",
            "<body><p>a</body><!-- c --><p>b",
            "<frameset><p>a",
            "<plaintext><p>a",
            "<script><!-- <script> --></script>",
            "\u{feff}<p>a",
            "<p>a\0b",
            "<svg><![CDATA[x]]></svg><![CDATA[y]]><svg><foreignObject><![CDATA[z]]>",
            "<svg><![CDATA[x\r\ny&amp;",
            "<script><!-- a </script>b<script><!-- <script> </script> c --></script>d",
        ] {
            assert_same(page, false);
        }
    }

    /// Found by `fuzz_feed`: in the copy, a second `<html>` tag inside
    /// foreign content keeps its long `class` while the first has the short
    /// one; html5ever's tokenizer then puts both on the element, the feed
    /// (reading the short name as `class`) one, as the page itself has it.
    #[test]
    fn a_short_and_a_long_name_count_once() {
        assert!(assert_same("<html \u{e000}><math><s><html class>", true));
        assert!(assert_same("<body \u{e001}=a><svg><p><body id=b>", true));
    }

    #[test]
    fn zyte_copies_feed_the_same() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/zyte");
        let mut fed = 0;
        let mut total = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "html") {
                continue;
            }
            let page = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let limits = crate::vocab::Limits::default();
            let (copy, _, _, short) = super::super::strip::strip_and_scan(&page, &limits).unwrap();
            total += 1;
            fed += usize::from(assert_same(&copy, short));
            assert_same(&page, false);
        }
        // Nearly every page goes through the feed.
        assert!(fed * 10 > total * 9, "fed {fed} of {total}");
    }

    /// Pieces of tag soup for the feed: markup of every kind, character
    /// references, CR, case, duplicate and short attribute names.
    const SOUP: &[&str] = &[
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<xmp>",
        "<iframe>",
        "<noscript>",
        "</noscript>",
        "<noembed>",
        "<noframes>",
        "<plaintext>",
        "<svg>",
        "</svg>",
        "<math>",
        "</math>",
        "<mi>",
        "<desc>",
        "<foreignObject>",
        "<select>",
        "</select>",
        "<option>",
        "<frameset>",
        "<p>",
        "</p>",
        "<P>",
        "<div class=\"x\">",
        "<DIV CLASS=X id=y Class=z>",
        "</div>",
        "<a href='>'>",
        "</a>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<table>",
        "<tr>",
        "<td>",
        "</table>",
        "<template>",
        "</template>",
        "<!DOCTYPE html>",
        "<!doctype html public \"-//W3C//DTD HTML 4.01//EN\">",
        "<!DOCTYPE x",
        "<head>",
        "</head>",
        "<body>",
        "</body>",
        "</html>",
        "<p a=b/>",
        "<br/>",
        "</br>",
        "<pre>",
        "<listing>",
        "<li>",
        "<ul>",
        "<h1>",
        "<h2>",
        "<font color=red>",
        "<meta name=a content=b>",
        "<link rel=x>",
        "<!--",
        "-->",
        "--!>",
        "<!-->",
        "<!---->",
        "<!",
        "<?",
        "</",
        "<",
        ">",
        "/",
        "'",
        "\"",
        "=",
        " ",
        "\n",
        "\r",
        "\r\n",
        "\t",
        "a",
        "b<c",
        "é",
        "&amp;",
        "&amp",
        "&ampx",
        "&notit;",
        "&notin;",
        "&#x41;",
        "&#65",
        "&#0;",
        "&#x80;",
        "&#xD800;",
        "&#1114112;",
        "&",
        ";",
        "#",
        "x=",
        "<p title=&amp;x>",
        "<p title='&ampx=1'>",
        "<p title=\"a\r\nb\">",
        "<p \u{e000}=a>",
        "<p id=a id=b>",
        "Some words.",
        "\u{a0}",
        "<![CDATA[",
        "]]>",
        "<![CDATA[x<y]]>",
        "<!--<script>",
        "<script>a<!--b",
        "<svg><![CDATA[",
        "<math><mi>",
        "\u{feff}",
        "<meta charset=utf-8>",
        "<meta http-equiv=content-type content='text/html; charset=utf-8'>",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn fed_tree_is_the_parsed_tree(
            pieces in proptest::collection::vec(proptest::sample::select(SOUP), 0..48)
        ) {
            assert_same(&pieces.concat(), false);
        }

        /// The strip's tag soup (raw-text look-alikes, foreign content,
        /// NUL, U+FEFF, CDATA) too.
        #[test]
        fn strip_soup_is_fed_the_same(
            pieces in proptest::collection::vec(
                proptest::sample::select(super::super::strip::soup()),
                0..48,
            )
        ) {
            assert_same(&pieces.concat(), false);
        }

        /// Markup taken apart to its characters and a few names: the
        /// lexer's reading of odd tags, attributes and references.
        #[test]
        fn markup_characters_are_fed_the_same(
            pieces in proptest::collection::vec(proptest::sample::select(CHARS), 0..64)
        ) {
            assert_same(&pieces.concat(), false);
        }

        /// A script's content ends where the tokenizer's script data
        /// states end it.
        #[test]
        fn scripts_end_where_the_tokenizer_ends_them(
            pieces in proptest::collection::vec(proptest::sample::select(SCRIPT_SOUP), 0..24)
        ) {
            let page = format!("<p>a<script>{}</script>b<p>c", pieces.concat());
            proptest::prop_assert!(assert_same(&page, false));
        }
    }

    /// Characters of markup and a few names, for
    /// `markup_characters_are_fed_the_same`.
    const CHARS: &[&str] = &[
        "<", ">", "/", "!", "-", "?", "=", "\"", "'", "&", "#", ";", " ", "\n", "\r", "\t",
        "\u{c}", "a", "b", "p", "x", "A", "P", "1", "é", "\u{feff}", "div", "script", "style",
        "title", "textarea", "svg", "math", "table", "td", "pre", "amp", "amp;", "#x41;", "lt;",
        "notin;", "DOCTYPE", "html", "[CDATA[", "]]", "class", "id", "\u{e000}",
    ];

    /// Pieces of script content for the script data states.
    const SCRIPT_SOUP: &[&str] = &[
        "<!--",
        "-->",
        "--!>",
        "-",
        "--",
        "<",
        ">",
        "/",
        "<script",
        "<SCRIPT",
        "</script",
        "</Script",
        "script",
        " ",
        "\n",
        "\t",
        "\r",
        "x",
        "<!",
        "<!-",
        "<scriptx",
        "</scriptx",
        "<script>",
        "</script>",
        "<script/",
        "</script/",
        "</",
        "<<",
        "<!-->",
        "<!--->",
        "é",
    ];
}
