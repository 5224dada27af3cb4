//! The tree html5ever builds for the walk: a [`TreeSink`] of our own in
//! place of scraper's `Html`.
//!
//! It builds the same tree as scraper's sink (same nodes, created at the
//! same calls, text merged into a preceding text sibling the same way, a
//! `<template>`'s contents a fragment node under it), so the walk and the
//! node count see what they saw before; it keeps less: an element keeps
//! the attribute `Vec` html5ever hands over (scraper re-collects and sorts
//! it), comments, doctypes and processing instructions keep no text, and a
//! node is its links and its data, with no per-element caches to drop.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};

/// No node.
const NONE: u32 = u32::MAX;

/// What a node holds.
pub(crate) enum Data {
    Document,
    /// A doctype, a comment, a processing instruction or a template's
    /// contents: nothing the walk reads.
    Other,
    Text(StrTendril),
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
}

/// One node and its links (`NONE` when absent).
pub(crate) struct Node {
    parent: u32,
    prev: u32,
    next: u32,
    first: u32,
    last: u32,
    pub(crate) data: Data,
}

/// The parsed document: node 0 is the document.
pub(crate) struct Dom {
    nodes: Vec<Node>,
}

/// An edge of the document-order walk: a node opened, a node closed.
#[derive(Clone, Copy)]
pub(crate) enum Edge {
    Open(u32),
    Close(u32),
}

impl Dom {
    /// Parses `html` as a document, with room for `nodes` nodes (an
    /// estimate: the tree grows past it if need be).
    pub(crate) fn parse(html: &str, nodes: usize) -> Dom {
        html5ever::parse_document(Sink::with_capacity(nodes), Default::default()).one(html)
    }

    /// How many nodes were made, those taken out of the tree included.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node `id`.
    #[inline]
    pub(crate) fn node(&self, id: u32) -> &Node {
        &self.nodes[id as usize]
    }

    /// The open and close edges of every node in the tree, in document
    /// order, from the document's own.
    pub(crate) fn traverse(&self) -> Traverse<'_> {
        Traverse {
            dom: self,
            next: Some(Edge::Open(0)),
        }
    }

    fn push(&mut self, data: Data) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent: NONE,
            prev: NONE,
            next: NONE,
            first: NONE,
            last: NONE,
            data,
        });
        id
    }

    #[inline]
    fn at(&mut self, id: u32) -> &mut Node {
        &mut self.nodes[id as usize]
    }

    /// Takes `id` out of its parent's children (ego_tree's `detach`).
    fn detach(&mut self, id: u32) {
        let n = self.at(id);
        let (parent, prev, next) = (n.parent, n.prev, n.next);
        if parent == NONE {
            return;
        }
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
        if prev != NONE {
            self.at(prev).next = next;
        }
        if next != NONE {
            self.at(next).prev = prev;
        }
        let p = self.at(parent);
        if p.first == p.last {
            p.first = NONE;
            p.last = NONE;
        } else if p.first == id {
            p.first = next;
        } else if p.last == id {
            p.last = prev;
        }
    }

    /// Makes `child` the last child of `parent` (ego_tree's `append_id`).
    fn append_id(&mut self, parent: u32, child: u32) {
        let last = self.at(parent).last;
        if last == child {
            return;
        }
        self.detach(child);
        let c = self.at(child);
        c.parent = parent;
        c.prev = last;
        if last != NONE {
            self.at(last).next = child;
        }
        let p = self.at(parent);
        if p.first == NONE {
            p.first = child;
        }
        p.last = child;
    }

    /// Puts `new` just before `sibling`, which has a parent (ego_tree's
    /// `insert_id_before`).
    fn insert_before(&mut self, sibling: u32, new: u32) {
        self.detach(new);
        let s = self.at(sibling);
        let (parent, prev) = (s.parent, s.prev);
        s.prev = new;
        let n = self.at(new);
        n.parent = parent;
        n.prev = prev;
        n.next = sibling;
        if prev != NONE {
            self.at(prev).next = new;
        }
        let p = self.at(parent);
        if p.first == sibling {
            p.first = new;
        }
    }

    /// Adds `text` to node `id` if it is a text node.
    fn concat(&mut self, id: u32, text: &StrTendril) -> bool {
        if id == NONE {
            return false;
        }
        match &mut self.at(id).data {
            Data::Text(t) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// Iterator of [`Dom::traverse`] (ego_tree's `Traverse`).
pub(crate) struct Traverse<'a> {
    dom: &'a Dom,
    next: Option<Edge>,
}

impl Iterator for Traverse<'_> {
    type Item = Edge;

    #[inline]
    fn next(&mut self) -> Option<Edge> {
        let edge = self.next?;
        self.next = match edge {
            Edge::Open(id) => {
                let first = self.dom.node(id).first;
                Some(if first == NONE {
                    Edge::Close(id)
                } else {
                    Edge::Open(first)
                })
            }
            Edge::Close(0) => None,
            Edge::Close(id) => {
                let n = self.dom.node(id);
                if n.next != NONE {
                    Some(Edge::Open(n.next))
                } else if n.parent != NONE {
                    Some(Edge::Close(n.parent))
                } else {
                    None
                }
            }
        };
        Some(edge)
    }
}

/// The [`TreeSink`] that builds a [`Dom`].
pub(super) struct Sink {
    dom: RefCell<Dom>,
}

impl Sink {
    /// A sink whose tree has room for `nodes` nodes: a page's tree grows
    /// to thousands, and each doubling of the vector copies it.
    pub(super) fn with_capacity(nodes: usize) -> Sink {
        let mut dom = Dom {
            nodes: Vec::with_capacity(nodes.max(64)),
        };
        dom.push(Data::Document);
        Sink {
            dom: RefCell::new(dom),
        }
    }
}

impl Sink {
    /// The tree built.
    pub(super) fn into_dom(self) -> Dom {
        self.dom.into_inner()
    }
}

impl TreeSink for Sink {
    type Output = Dom;
    type Handle = u32;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.dom.borrow(), |d| match &d.node(*target).data {
            Data::Element { name, .. } => name,
            _ => panic!("elem_name of a node that is no element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> u32 {
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let mut dom = self.dom.borrow_mut();
        let id = dom.push(Data::Element { name, attrs });
        if template {
            let contents = dom.push(Data::Other);
            dom.append_id(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.dom.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.dom.borrow_mut().push(Data::Other)
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut dom = self.dom.borrow_mut();
        let id = dom.push(Data::Other);
        dom.append_id(0, id);
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => dom.append_id(*parent, id),
            NodeOrText::AppendText(text) => {
                let last = dom.node(*parent).last;
                if !dom.concat(last, &text) {
                    let id = dom.push(Data::Text(text));
                    dom.append_id(*parent, id);
                }
            }
        }
    }

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let mut dom = self.dom.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            dom.detach(id);
        }
        if dom.node(*sibling).parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => dom.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = dom.node(*sibling).prev;
                if !dom.concat(prev, &text) {
                    let id = dom.push(Data::Text(text));
                    dom.insert_before(*sibling, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        let has_parent = self.dom.borrow().node(*element).parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.dom.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        // ego_tree's `reparent_from_id_append`.
        let mut dom = self.dom.borrow_mut();
        let from = dom.at(*node);
        let (first, last) = (from.first, from.last);
        if first == NONE {
            return;
        }
        from.first = NONE;
        from.last = NONE;
        let mut child = first;
        while child != NONE {
            let c = dom.at(child);
            c.parent = *new_parent;
            child = c.next;
        }
        let to = dom.at(*new_parent);
        let old_last = to.last;
        if to.first == NONE {
            to.first = first;
            to.last = last;
            return;
        }
        to.last = last;
        dom.at(old_last).next = first;
        dom.at(first).prev = old_last;
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut dom = self.dom.borrow_mut();
        if let Data::Element { attrs: have, .. } = &mut dom.at(*target).data {
            for attr in attrs {
                if !have.iter().any(|a| a.name == attr.name) {
                    have.push(attr);
                }
            }
        }
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        self.dom.borrow().node(*target).first
    }

    fn mark_script_already_started(&self, _node: &u32) {}
}
