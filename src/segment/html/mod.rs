//! HTML into segments: one per block-level element's run of inline text.
//!
//! One parse (html5ever, into a tree of our own: [`dom`]), one scan of the
//! source for provenance ([`sourcemap`]), and one iterative walk of the tree
//! (`traverse` yields open and close edges, so depth costs no stack). The
//! walk cuts the text at block-level elements, records what the markup says
//! about each piece ([`Hints`]) and records the block-element table
//! ([`Elem`]) from which `classify::content` picks the main-content
//! container. The façade runs that choice between [`segment`] and
//! `classify::headline::choose_html` (which reads which blocks are main
//! content), and [`Walked::finish`] builds the blocks the [`Headline`]
//! choice names and puts the metadata blocks among the DOM blocks.

mod dom;
mod feed;
mod jsonld;
mod meta;
pub(crate) mod sourcemap;
mod strip;
mod tags;
mod words;

use std::borrow::Cow;

use dom::{Data, Dom, Edge};

use crate::segment::{Hints, Segment, tag};
use crate::vocab::BlockKind;
use crate::vocab::Error;
use crate::vocab::Limits;
use crate::vocab::Span;

use sourcemap::{Mapper, Piece, SpanBuilder};

/// The segments of a page plus page-level facts from its metadata.
pub(crate) struct Page<'a> {
    pub(crate) segments: Vec<Segment<'a>>,
    pub(crate) title_hint: Option<String>,
    /// What the page states about itself (`<meta>`, JSON-LD, `<html lang>`).
    pub(crate) metadata: crate::vocab::Metadata,
}

/// A block-level element, as the main-content scorer sees it.
#[derive(Clone, Debug)]
pub(crate) struct Elem {
    /// Index of the parent block element (`u32::MAX` for the root).
    pub(crate) parent: u32,
    pub(crate) tags: u32,
    pub(crate) attrs: u32,
    /// Bytes of text in the subtree, and how many of them are link text.
    pub(crate) text: u32,
    pub(crate) link: u32,
    /// Readability-style content score given by paragraphs below.
    pub(crate) score: f32,
    /// Initial weight from the tag name.
    pub(crate) tag_weight: f32,
    pub(crate) depth: u32,
    pub(crate) kind: BlockKind,
    pub(crate) heading: u8,
    /// Block-element children.
    pub(crate) children: u32,
    /// Hash of the tag name and the `class` value, 0 without a class: the
    /// chunks of one story cut apart by a page builder share it.
    pub(crate) class: u64,
}

impl Default for Elem {
    fn default() -> Elem {
        Elem {
            parent: u32::MAX,
            tags: 0,
            attrs: 0,
            text: 0,
            link: 0,
            score: 0.0,
            tag_weight: 0.0,
            depth: 0,
            kind: BlockKind::Paragraph,
            heading: 0,
            children: 0,
            class: 0,
        }
    }
}

/// How an element is treated by the walk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Text flows through it.
    Inline,
    /// Starts and ends a block.
    Block,
    /// A table row: one block, cells joined by tabs.
    Row,
    /// A table cell: a tab between cells.
    Cell,
    /// `<br>`.
    Break,
    /// Raw text (script, style…): its text is not in the source's text
    /// runs, so it is neither shown nor mapped.
    Raw,
    /// Invisible or not article text (template, svg, head…): mapped to keep
    /// the mapper in step, but not shown.
    Hidden,
    /// The first `<title>`.
    Title,
}

struct Facts {
    role: Role,
    tags: u32,
    kind: BlockKind,
    heading: u8,
    weight: f32,
}

fn facts(name: &str) -> Facts {
    let f = |role, tags, kind, weight| Facts {
        role,
        tags,
        kind,
        heading: 0,
        weight,
    };
    use BlockKind as K;
    use Role as R;
    match name {
        "p" => f(R::Block, 0, K::Paragraph, 0.0),
        "div" => f(R::Block, 0, K::Paragraph, 5.0),
        "span" | "a" | "b" | "i" | "em" | "strong" | "u" | "s" | "small" | "sup" | "sub"
        | "font" | "abbr" | "cite" | "code" | "mark" | "q" | "label" | "ins" | "del" | "bdi"
        | "bdo" | "var" | "kbd" | "samp" | "dfn" | "tt" | "big" | "strike" | "wbr" | "data"
        | "img" | "picture" | "source" | "input" | "video" | "audio" | "track" | "area" | "map"
        | "nobr" => f(R::Inline, 0, K::Paragraph, 0.0),
        "time" => f(R::Inline, tag::TIME, K::Paragraph, 0.0),
        "button" => f(R::Inline, tag::BUTTON, K::Paragraph, 0.0),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Facts {
            role: R::Block,
            tags: tag::HEADING,
            kind: K::Heading,
            heading: name.as_bytes()[1] - b'0',
            weight: -5.0,
        },
        "li" => f(R::Block, tag::LIST, K::ListItem, -3.0),
        "ul" | "ol" | "dl" | "menu" | "dir" => f(R::Block, tag::LIST, K::Paragraph, -3.0),
        "dd" | "dt" => f(R::Block, 0, K::Paragraph, -3.0),
        "blockquote" => f(R::Block, tag::BLOCKQUOTE, K::Quote, 3.0),
        "pre" | "listing" => f(R::Block, tag::PRE, K::Preformatted, 3.0),
        "figcaption" => f(R::Block, tag::CAPTION, K::Caption, 0.0),
        "caption" => f(R::Block, tag::CAPTION, K::Caption, 0.0),
        "figure" | "picture-block" => f(R::Block, tag::FIGURE, K::Paragraph, 0.0),
        "table" => f(R::Block, tag::TABLE, K::Paragraph, 0.0),
        "thead" | "tbody" | "tfoot" | "colgroup" => f(R::Block, tag::TABLE, K::Paragraph, 0.0),
        "tr" => f(R::Row, tag::TABLE, K::TableRow, 0.0),
        "td" | "th" => f(R::Cell, tag::TABLE, K::TableRow, 3.0),
        "nav" => f(R::Block, tag::NAV, K::Paragraph, -25.0),
        "header" => f(R::Block, tag::HEADER, K::Paragraph, -10.0),
        "footer" => f(R::Block, tag::FOOTER, K::Paragraph, -25.0),
        "aside" => f(R::Block, tag::ASIDE, K::Paragraph, -25.0),
        "form" | "fieldset" => f(R::Block, tag::FORM, K::Paragraph, -3.0),
        "article" => f(R::Block, tag::ARTICLE, K::Paragraph, 10.0),
        "main" => f(R::Block, tag::MAIN, K::Paragraph, 5.0),
        "section" => f(R::Block, tag::SECTION, K::Paragraph, 0.0),
        "address" => f(R::Block, tag::ADDRESS, K::Paragraph, -3.0),
        "dialog" => f(R::Block, tag::DIALOG, K::Paragraph, -25.0),
        "select" | "datalist" | "optgroup" | "option" => {
            f(R::Hidden, tag::SELECT, K::Paragraph, 0.0)
        }
        "br" => f(R::Break, 0, K::Paragraph, 0.0),
        "hr" | "body" | "html" | "center" | "details" | "summary" | "hgroup" | "legend"
        | "object" | "embed" | "frameset" | "frame" => f(R::Block, 0, K::Paragraph, 0.0),
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            f(R::Raw, 0, K::Paragraph, 0.0)
        }
        "head" | "template" | "svg" | "math" | "textarea" | "canvas" => {
            f(R::Hidden, tag::HEAD, K::Paragraph, 0.0)
        }
        "title" => f(R::Title, tag::HEAD, K::Metadata, 0.0),
        _ => f(R::Inline, 0, K::Paragraph, 0.0),
    }
}

/// One open element on the walk's stack.
#[derive(Clone, Copy)]
struct Frame {
    role: Role,
    /// Index into `elems` of the innermost block element (itself if block).
    elem: u32,
    /// Tag and hint bits of the inline elements since that block element.
    inline_tags: u32,
    inline_attrs: u32,
    link: bool,
    pre: bool,
    /// Inside `<svg>` or `<math>`, whose `<title>` is an icon's name.
    foreign: bool,
}

/// The block being built.
struct Open {
    builder: SpanBuilder,
    /// The element and inline bits at the block's first text.
    elem: u32,
    inline_tags: u32,
    inline_attrs: u32,
    kind: BlockKind,
    heading: u8,
    depth: u32,
}

/// The walk's result: the blocks and the block-element table, before the
/// main-content choice and the metadata.
pub(crate) struct Walked<'a> {
    input: &'a str,
    /// Block elements in pre-order, the root first.
    pub(crate) elems: Vec<Elem>,
    pub(crate) segments: Vec<Segment<'a>>,
    /// For each segment: its block element, and the tag and hint bits of
    /// the inline elements around its first text.
    pub(crate) seg_elem: Vec<u32>,
    pub(crate) seg_inline: Vec<(u32, u32)>,
    title: Option<(String, Vec<crate::vocab::SourceSpan>)>,
    /// The `<meta>` and JSON-LD fields, read once the walk is done.
    metas: meta::Metas<'a>,
}

/// The headline classify chose (`classify::headline::choose_html`), which
/// [`Walked::finish`] turns into blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Headline {
    /// This segment (a heading) is the title; the `<title>` repeats it.
    Heading(usize),
    /// This part of the `<title>` text is the title.
    TitlePart(Span),
    /// No headline: no heading qualifies and there is no `<title>`.
    None,
}

pub(crate) fn segment<'a>(input: &'a str, opts: &Limits) -> Result<Walked<'a>, Error> {
    // The parser sees the page without script and style contents (see
    // [`strip`]); every position below comes from `input` itself.
    // Before parsing, the guard (in the same pass): html5ever's cost grows
    // with the square of the nesting, so the tree's depth is known too late
    // to protect anyone.
    // The copy may write the attributes the walk reads under one-character
    // names (`short`, see [`strip::SHORT`]): html5ever's tokenizer steps
    // through a name character by character, which costs more than the
    // attribute's value.
    let (parsed, stripped, mut scan, short) = if strip::enabled() {
        strip::strip_and_scan(input, opts)?
    } else {
        crate::guard::check(input, opts)?;
        (Cow::Borrowed(input), 0, sourcemap::scan(input), false)
    };
    // Room for the tree's nodes: the source's count and the few the
    // parser adds.
    // html5ever's tree builder fed by the crate's lexer ([`feed`]), or,
    // where the two readings could part, html5ever's own tokenizer.
    let (doc, short) = match feed::parse(&parsed, scan.nodes + 8, short) {
        Some(doc) => (doc, false),
        None => (Dom::parse(&parsed, scan.nodes + 8), short),
    };
    drop(parsed);
    let nodes = doc.len() + stripped;
    if nodes > opts.max_nodes {
        return Err(Error::TooManyNodes {
            nodes,
            limit: opts.max_nodes,
            offset: crate::guard::nodes_offset(input, opts.max_nodes),
        });
    }
    let mut mapper = Mapper::new(input, std::mem::take(&mut scan.runs));
    let mut w = Walk {
        input,
        elems: Vec::with_capacity(nodes / 4),
        segments: Vec::new(),
        seg_elem: Vec::new(),
        seg_inline: Vec::new(),
        open: Open {
            builder: SpanBuilder::default(),
            elem: 0,
            inline_tags: 0,
            inline_attrs: 0,
            kind: BlockKind::Paragraph,
            heading: 0,
            depth: 0,
        },
        title: None,
    };
    let matcher = words::matcher();
    // The word bits of each attribute value, once per distinct value: half
    // of a page's class and id values repeat one seen before.
    // A class value's entry also keeps the class hash ([`class_hash`]) of
    // the last tag name it was seen on, which is nearly always the next.
    let mut word_bits: std::collections::HashMap<
        &str,
        ValueFacts<'_>,
        std::hash::BuildHasherDefault<WordHasher>,
    > = std::collections::HashMap::default();
    let mut stack: Vec<Frame> = Vec::with_capacity(64);
    let mut pieces: Vec<Piece> = Vec::new();
    // Depth of elements whose text is not shown; raw-text depth likewise.
    let mut hidden = 0usize;
    let mut raw = 0usize;
    let mut in_title = false;
    w.elems.push(Elem {
        parent: u32::MAX,
        ..Elem::default()
    });
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match &doc.node(node).data {
                Data::Element {
                    name: qual,
                    attrs: e_attrs,
                } => {
                    let e_name: &str = &qual.local;
                    let depth = stack.len() + 1;
                    if depth > opts.max_depth {
                        return Err(Error::TooDeep {
                            depth,
                            limit: opts.max_depth,
                            offset: crate::guard::depth_offset(input, opts.max_depth),
                        });
                    }
                    let f = facts(e_name);
                    let parent = stack.last().copied().unwrap_or(Frame {
                        role: Role::Block,
                        elem: 0,
                        inline_tags: 0,
                        inline_attrs: 0,
                        link: false,
                        pre: false,
                        foreign: false,
                    });
                    let mut attrs = 0u32;
                    let mut is_hidden = false;
                    let mut href = false;
                    let mut class = 0u64;
                    let mut hidden_attr = false;
                    let mut streamed = false;
                    let mut shown_hidden = false;
                    let mut panel = false;
                    for a in e_attrs {
                        let (name, value): (&str, &str) = (&a.name.local, &a.value);
                        let name = if short { long_name(name) } else { name };
                        if name == "id" && is_streamed_boundary(value) {
                            streamed = true;
                        }
                        match name {
                            // A heading's id of three words or more is the
                            // anchor a table of contents links to, the
                            // heading's own words as a slug
                            // (`step-1-consolidate-the-controls`), not the
                            // name of a region: read for region words, it
                            // made body subheadings dates ("consoli-date")
                            // or share bars. A shorter id names what the
                            // heading heads (`comments-title`) and is read.
                            "id" if f.heading != 0 && is_slug(value) => {}
                            "class" | "id" | "role" | "itemprop" | "aria-label" => {
                                let facts = word_bits.entry(value).or_insert_with(|| ValueFacts {
                                    bits: words::bits(matcher, value),
                                    blank: value.trim().is_empty(),
                                    panel: words::is_panel_class(value),
                                    tag: "",
                                    class: 0,
                                });
                                attrs |= facts.bits;
                                panel |= match name {
                                    "class" => facts.panel,
                                    "role" => value.trim().eq_ignore_ascii_case("region"),
                                    _ => false,
                                };
                                if name == "class" && !facts.blank {
                                    let tag = e_name;
                                    if facts.tag != tag || facts.class == 0 {
                                        facts.tag = tag;
                                        facts.class = class_hash(tag, value);
                                    }
                                    class = facts.class;
                                }
                            }
                            "hidden" => hidden_attr = true,
                            "aria-hidden" => shown_hidden |= value.eq_ignore_ascii_case("true"),
                            "style" => shown_hidden |= words::style_hidden(value),
                            "href" => href = true,
                            _ => {}
                        }
                    }
                    // React's streamed rendering sends each finished part
                    // of the page as `<div hidden id="S:0">` and a script
                    // moves it into place: the article itself, on some
                    // pages, so it is shown where it was sent.
                    if hidden_attr && !streamed {
                        shown_hidden = true;
                    }
                    // A disclosure widget's panel (an accordion's answer,
                    // a collapsed section: `role="region"`, an
                    // `accordion`/`collapse`/`faq` class) is hidden by its
                    // style, `hidden` or `aria-hidden` until the reader
                    // opens it, and is part of the article all the same.
                    // Text for screen readers alone (`sr-only`,
                    // `visually-hidden`) stays hidden.
                    if shown_hidden && !panel {
                        is_hidden = true;
                    }
                    if matches!(e_name, "html" | "body") {
                        // Classes on the page itself describe the page
                        // (`feature_disablecomments`, `no-comments`,
                        // `single-post has-sidebar`), not a region of it:
                        // read as region words they made every block a
                        // comment, so they are not read at all.
                        attrs = 0;
                    }
                    if attrs & crate::segment::hint::HIDDEN != 0 {
                        is_hidden = true;
                    }
                    let mut role = f.role;
                    let foreign = parent.foreign || matches!(e_name, "svg" | "math");
                    let parent = Frame { foreign, ..parent };
                    if role == Role::Title && raw == 0 && !foreign && w.title.is_none() && !in_title
                    {
                        // The first <title>, even inside the hidden <head>.
                        in_title = true;
                        w.flush();
                        w.open.builder.rcdata = true;
                        stack.push(Frame { role, ..parent });
                        continue;
                    }
                    if hidden > 0 || raw > 0 {
                        if role == Role::Raw {
                            raw += 1;
                        } else {
                            hidden += 1;
                        }
                        stack.push(Frame {
                            role: Role::Hidden,
                            ..parent
                        });
                        if role == Role::Raw {
                            stack.last_mut().unwrap().role = Role::Raw;
                        }
                        continue;
                    }
                    if role == Role::Title {
                        role = Role::Hidden;
                    }
                    if is_hidden && role != Role::Raw {
                        role = Role::Hidden;
                    }
                    match role {
                        Role::Raw => {
                            raw += 1;
                            stack.push(Frame { role, ..parent });
                        }
                        Role::Hidden => {
                            hidden += 1;
                            stack.push(Frame { role, ..parent });
                        }
                        Role::Block | Role::Row => {
                            w.flush();
                            let idx = w.elems.len() as u32;
                            w.elems[parent.elem as usize].children += 1;
                            w.elems.push(Elem {
                                parent: parent.elem,
                                tags: f.tags | (parent.inline_tags & !tag::LINK),
                                attrs: attrs | parent.inline_attrs,
                                tag_weight: f.weight,
                                depth: depth as u32,
                                kind: f.kind,
                                heading: f.heading,
                                class,
                                ..Elem::default()
                            });
                            stack.push(Frame {
                                role,
                                elem: idx,
                                inline_tags: 0,
                                inline_attrs: 0,
                                link: parent.link,
                                pre: parent.pre || f.tags & tag::PRE != 0,
                                foreign: parent.foreign,
                            });
                        }
                        Role::Cell => {
                            w.open.builder.tab();
                            stack.push(Frame { role, ..parent });
                        }
                        Role::Break => {
                            w.open.builder.line_break();
                            stack.push(Frame { role, ..parent });
                        }
                        Role::Inline | Role::Title => {
                            let link = href && e_name == "a";
                            // Spans inside `<pre>` are syntax highlighting
                            // (`hljs-comment`, `token comment`): their
                            // classes name code, not page regions.
                            let attrs = if parent.pre { 0 } else { attrs };
                            stack.push(Frame {
                                role,
                                elem: parent.elem,
                                inline_tags: parent.inline_tags
                                    | f.tags
                                    | if link { tag::LINK } else { 0 },
                                inline_attrs: parent.inline_attrs | attrs,
                                link: parent.link || link,
                                pre: parent.pre,
                                foreign: parent.foreign,
                            });
                        }
                    }
                }
                Data::Text(t) => {
                    if raw > 0 {
                        continue;
                    }
                    let text: &str = t;
                    mapper.map(text, &mut pieces);
                    if hidden > 0 && !in_title {
                        continue;
                    }
                    let Some(top) = stack.last().copied() else {
                        continue;
                    };
                    if in_title {
                        w.open.builder.push(input, text, &pieces, false, false);
                        continue;
                    }
                    if w.open.builder.is_empty() {
                        if text
                            .bytes()
                            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
                        {
                            continue;
                        }
                        w.open.elem = top.elem;
                        w.open.inline_tags = top.inline_tags;
                        w.open.inline_attrs = top.inline_attrs;
                        w.open.depth = stack.len() as u32;
                        let (kind, heading) = w.elem_kind(top.elem);
                        w.open.kind = if top.pre {
                            BlockKind::Preformatted
                        } else {
                            kind
                        };
                        w.open.heading = heading;
                    }
                    w.open.builder.push(input, text, &pieces, top.pre, top.link);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !matches!(doc.node(node).data, Data::Element { .. }) {
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                match frame.role {
                    Role::Raw => raw = raw.saturating_sub(1),
                    Role::Hidden => hidden = hidden.saturating_sub(1),
                    Role::Title if in_title => {
                        in_title = false;
                        w.open.builder.rcdata = false;
                        let (text, sources, _) = w.open.builder.finish();
                        w.title = Some((text, sources));
                    }
                    Role::Block | Role::Row => w.flush(),
                    _ => {}
                }
            }
        }
    }
    w.flush();
    Ok(w.finish(scan))
}

struct Walk<'a> {
    input: &'a str,
    elems: Vec<Elem>,
    segments: Vec<Segment<'a>>,
    /// For each segment: its block element, and the inline bits.
    seg_elem: Vec<u32>,
    seg_inline: Vec<(u32, u32)>,
    open: Open,
    title: Option<(String, Vec<crate::vocab::SourceSpan>)>,
}

impl<'a> Walk<'a> {
    /// The kind of a block whose text sits in element `idx`: its own, or
    /// for a generic `<div>`/`<p>` that of a near list item, quote or
    /// caption around it (`<li><div>text</div></li>` is a list item).
    fn elem_kind(&self, idx: u32) -> (BlockKind, u8) {
        let e = &self.elems[idx as usize];
        if e.kind != BlockKind::Paragraph {
            return (e.kind, e.heading);
        }
        let mut p = e.parent;
        for _ in 0..3 {
            let Some(a) = self.elems.get(p as usize) else {
                break;
            };
            match a.kind {
                BlockKind::ListItem
                | BlockKind::Quote
                | BlockKind::Caption
                | BlockKind::Heading => {
                    return (a.kind, a.heading);
                }
                _ => p = a.parent,
            }
        }
        (BlockKind::Paragraph, 0)
    }

    /// Ends the block being built, if it has text.
    fn flush(&mut self) {
        if self.open.builder.is_empty() {
            return;
        }
        // Blank by Unicode's measure, not only HTML's: `<p>&nbsp;</p>`
        // spacers (Word's export is full of them) are not blocks.
        let Some((text, sources, link)) = self.open.builder.finish_unless_blank() else {
            return;
        };
        let o = &self.open;
        let e = &self.elems[o.elem as usize];
        let heading = if o.kind == BlockKind::Heading {
            o.heading
        } else {
            0
        };
        let hints = Hints {
            link_bytes: link,
            tags: e.tags | o.inline_tags,
            attrs: e.attrs | o.inline_attrs,
            container: o.elem,
            heading_level: heading,
            ..Hints::default()
        };
        let span = span_of(&sources);
        let prev = self.seg_elem.last().copied();
        self.segments.push(Segment {
            text: Cow::Owned(text),
            kind: o.kind,
            span,
            sources,
            gap_before: prev != Some(o.elem),
            hints,
        });
        self.seg_elem.push(o.elem);
        self.seg_inline.push((o.inline_tags, o.inline_attrs));
    }

    fn finish(self, scan: sourcemap::Scan) -> Walked<'a> {
        Walked {
            input: self.input,
            elems: self.elems,
            segments: self.segments,
            seg_elem: self.seg_elem,
            seg_inline: self.seg_inline,
            title: self.title,
            metas: meta::read(self.input, &scan),
        }
    }
}

impl<'a> Walked<'a> {
    /// The first `<title>`'s text; empty when there is none.
    pub(crate) fn title_text(&self) -> &str {
        self.title.as_ref().map_or("", |t| t.0.as_str())
    }

    /// `og:title`, `twitter:title` or JSON-LD `headline`.
    pub(crate) fn og_title(&self) -> Option<&str> {
        self.metas.og_title.as_deref()
    }

    /// The page, once the main content and the headline are chosen: marks
    /// the headline, builds the `<title>` block it names, and puts the
    /// metadata blocks among the DOM blocks.
    pub(crate) fn finish(mut self, headline: Headline) -> Page<'a> {
        let mut metas = self.metas;
        let (ttext, tsources) = self.title.take().unwrap_or_default();
        let title_hint = match headline {
            Headline::Heading(i) => {
                self.segments[i].hints.preset = Some(crate::vocab::Reason::Title);
                if !ttext.is_empty() {
                    metas.segments.push(meta::segment_from(
                        ttext,
                        tsources,
                        crate::vocab::Reason::DuplicateTitle,
                    ));
                }
                Some(self.segments[i].text.to_string())
            }
            Headline::TitlePart(part) => {
                let (text, sources) = sourcemap::restrict(self.input, &ttext, &tsources, part);
                let hint = Some(text.clone());
                metas.segments.push(meta::segment_from(
                    text,
                    sources,
                    crate::vocab::Reason::Title,
                ));
                hint
            }
            Headline::None => None,
        };
        metas.segments.sort_by_key(|m| m.span.start);
        let mut segments = merge(self.segments, metas.segments);
        fix_order(&mut segments);
        Page {
            segments,
            title_hint,
            metadata: metas.metadata,
        }
    }
}

/// The attribute name a one-character name of the parser's copy stands for
/// ([`strip::SHORT`]); any other name as it is.
#[inline]
fn long_name(name: &str) -> &str {
    strip::short_place(name.as_bytes()).map_or(name, |i| strip::SHORT[i].0)
}

/// Whether an `id` is one of React's streamed-content boundaries: `S:`
/// and a base-32 number (`S:0`, `S:1f`).
fn is_streamed_boundary(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// What the walk makes of one attribute value, once per distinct value.
struct ValueFacts<'t> {
    /// Its [`words::bits`].
    bits: u32,
    /// Whether it is blank.
    blank: bool,
    /// Whether, as a class, it names a disclosure widget's panel
    /// ([`words::is_panel_class`]).
    panel: bool,
    /// The tag name it was last seen on as a class value, and the
    /// [`class_hash`] of the two (0 when never).
    tag: &'t str,
    class: u64,
}

/// A hasher for the walk's map of attribute values: eight bytes a step
/// (FxHash's multiply and rotate), where FNV takes one.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash of an element's tag name and class list, never 0.
fn class_hash(name: &str, class: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::textutil::Fnv::default();
    name.hash(&mut h);
    for token in class.split_ascii_whitespace() {
        token.hash(&mut h);
    }
    h.finish() | 1
}

/// From the first source byte to the last; empty when nothing is mapped
/// (fixed up by [`fix_order`]).
pub(crate) fn span_of(sources: &[crate::vocab::SourceSpan]) -> Span {
    match (sources.first(), sources.last()) {
        (Some(a), Some(b)) => Span::new(a.source.start, b.source.end),
        _ => Span::new(0, 0),
    }
}

/// Puts the metadata segments (sorted by source position) among the DOM
/// segments, each before the first mapped DOM segment that starts after it.
fn merge<'a>(dom: Vec<Segment<'a>>, metas: Vec<Segment<'a>>) -> Vec<Segment<'a>> {
    if metas.is_empty() {
        return dom;
    }
    let mut out = Vec::with_capacity(dom.len() + metas.len());
    let mut metas = metas.into_iter().peekable();
    for seg in dom {
        if !seg.sources.is_empty() {
            while let Some(m) = metas.next_if(|m| m.span.start <= seg.span.start) {
                out.push(m);
            }
        }
        out.push(seg);
    }
    out.extend(metas);
    out
}

/// Makes the blocks' spans ascend and never overlap: a source span that
/// lies before the end of the previous block (the tree builder moved its
/// text) is dropped, and a block with no source left gets an empty span at
/// the previous block's end. Dropping is the conservative choice: a missing
/// span is allowed, a wrong one is not.
fn fix_order(segments: &mut [Segment<'_>]) {
    let mut last_end = 0;
    for seg in segments {
        if seg
            .sources
            .first()
            .is_some_and(|s| s.source.start < last_end)
        {
            seg.sources.retain(|s| s.source.start >= last_end);
        }
        seg.span = if seg.sources.is_empty() {
            Span::new(last_end, last_end)
        } else {
            span_of(&seg.sources)
        };
        last_end = seg.span.end;
    }
}

/// Whether an id is a phrase written as a slug: three words or more
/// joined by `-` or `_` (`step-1-consolidate-the-controls`).
fn is_slug(id: &str) -> bool {
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .nth(2)
        .is_some()
}

/// The differential check of the feed against html5ever's tokenizer, for
/// the fuzz target `fuzz_feed` (built with `--cfg fuzzing` only).
#[cfg(fuzzing)]
pub(crate) fn check_feed(page: &str) {
    feed::check::same_as_parsed(page);
}
