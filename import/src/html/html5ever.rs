//! The native parser: html5ever, the WHATWG parsing algorithm as browsers run it, into a [`Document`].
//!
//! html5ever's tree builder hands its tree to a [`TreeSink`]; ours keeps the
//! nodes in a small arena, then walks it in document order into a
//! [`Builder`]. Scripting is off, as in a `DOMParser` document: `<noscript>`
//! holds markup, and nothing runs in any case (html5ever runs nothing).
//!
//! The algorithm as written is not linear on hostile pages, and this parser
//! bounds it:
//!
//! - **Depth.** Every block start tag searches the stack of open elements, so
//!   100,000 nested `<div>`s cost 5·10⁹ steps. An element that lands deeper
//!   than [`MAX_DEPTH`] is closed at once (its content follows it as siblings,
//!   as the [`Builder`] would lay it out anyway), and the end tag that would
//!   have closed it is skipped. The stack stays about [`MAX_DEPTH`] deep.
//! - **Size.** Formatting elements closed by a paragraph (`<p><b id=1></p>`,
//!   with a new `id` each time) are re-created before every later tag, so
//!   the tree can grow with the square of the page. Past [`MAX_NODES_PER_BYTE`]
//!   nodes per byte of the page the rest of the page is not read, and
//!   [`Document::cut_short`] says so.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, ns};

use super::Parser;
use super::tree::{Builder, Document, MAX_DEPTH};

/// The most nodes (elements and text) html5ever may build, per byte of the
/// page: a page of `<b>x` makes half a node per byte.
pub const MAX_NODES_PER_BYTE: usize = 1;

/// Elements that are never open: their start tag needs no end.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Parses with html5ever (see the module docs).
///
/// ```
/// use crosscheck_import::html::{Html5ever, Parser, extract};
///
/// let page = extract(&Html5ever.parse("<p>Caf&eacute; <script>x()</script>owners"));
/// assert_eq!(page.text, "Café owners");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Html5ever;

impl Parser for Html5ever {
    fn parse(&self, html: &str) -> Document {
        let opts = TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        };
        let sink = Sink::new(html.len().saturating_mul(MAX_NODES_PER_BYTE) + 1024);
        let tokenizer = Tokenizer::new(
            Bounded {
                tree: TreeBuilder::new(sink, opts),
                skip_end: RefCell::new(HashMap::new()),
            },
            TokenizerOpts::default(),
        );
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        // A script's end or a `<meta charset>` pauses the tokenizer; nothing is done with either.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        tokenizer.sink.tree.sink.into_document()
    }
}

/// The tree builder, with the bounds of the module docs.
struct Bounded {
    tree: TreeBuilder<Handle, Sink>,
    /// End tags to skip, by name: their elements were closed early.
    skip_end: RefCell<HashMap<LocalName, usize>>,
}

impl TokenSink for Bounded {
    type Handle = Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Handle> {
        if self.tree.sink.full.get() {
            return TokenSinkResult::Continue;
        }
        let closes_early = match &token {
            Token::TagToken(tag) if tag.kind == TagKind::EndTag => {
                if let Some(count) = self.skip_end.borrow_mut().get_mut(&tag.name)
                    && *count > 0
                {
                    *count -= 1;
                    return TokenSinkResult::Continue;
                }
                None
            }
            Token::TagToken(tag) if !tag.self_closing && !VOID.contains(&&*tag.name) => {
                Some(tag.name.clone())
            }
            _ => None,
        };
        self.tree.sink.deep.set(false);
        let result = self.tree.process_token(token, line);
        if let Some(name) = closes_early
            && self.tree.sink.deep.get()
            && matches!(result, TokenSinkResult::Continue)
        {
            let end = Token::TagToken(Tag {
                kind: TagKind::EndTag,
                name: name.clone(),
                self_closing: false,
                attrs: Vec::new(),
                had_duplicate_attributes: false,
            });
            let _ = self.tree.process_token(end, line);
            *self.skip_end.borrow_mut().entry(name).or_default() += 1;
        }
        result
    }

    fn end(&self) {
        self.tree.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.tree
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// A node: its index in the arena, and its name when it is an element
/// (html5ever asks for names by reference, which the arena's `RefCell`
/// cannot lend).
#[derive(Clone, Debug)]
struct Handle {
    id: usize,
    name: QualName,
}

#[derive(Debug)]
enum Data {
    /// The document, or a template's contents.
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        /// The template's contents: a separate fragment, as in the DOM.
        template: Option<usize>,
    },
    Text(StrTendril),
    Comment(StrTendril),
    /// A processing instruction (read as a comment in HTML; kept out).
    Other,
}

#[derive(Debug)]
struct Node {
    parent: Option<usize>,
    children: Vec<usize>,
    /// Elements above it (the document's children are at 1).
    depth: usize,
    data: Data,
}

/// html5ever's tree, node 0 the document.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// The most nodes to build.
    max_nodes: usize,
    /// Set when the budget is used up: the rest of the page is not read.
    full: Cell<bool>,
    /// Set when an element was appended deeper than [`MAX_DEPTH`].
    deep: Cell<bool>,
}

impl Sink {
    fn new(max_nodes: usize) -> Sink {
        Sink {
            nodes: RefCell::new(vec![Node {
                parent: None,
                children: Vec::new(),
                depth: 0,
                data: Data::Document,
            }]),
            max_nodes,
            full: Cell::new(false),
            deep: Cell::new(false),
        }
    }

    fn no_name() -> QualName {
        QualName::new(None, ns!(), LocalName::from(""))
    }

    fn add(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            depth: 0,
            data,
        });
        if nodes.len() >= self.max_nodes {
            self.full.set(true);
        }
        nodes.len() - 1
    }

    /// Puts `child` into `parent`, before `sibling` or last, joining text
    /// with the text before it. A node is taken out of its old place first.
    fn insert(&self, parent: usize, sibling: Option<usize>, child: NodeOrText<Handle>) {
        if let NodeOrText::AppendNode(handle) = &child {
            self.detach(handle.id);
        }
        let mut nodes = self.nodes.borrow_mut();
        let children = &nodes[parent].children;
        let at = sibling
            .and_then(|sibling| children.iter().position(|&c| c == sibling))
            .unwrap_or(children.len());
        let id = match child {
            NodeOrText::AppendText(text) => {
                let before = at.checked_sub(1).map(|i| nodes[parent].children[i]);
                if let Some(before) = before
                    && let Data::Text(existing) = &mut nodes[before].data
                {
                    existing.push_tendril(&text);
                    return;
                }
                drop(nodes);
                let id = self.add(Data::Text(text));
                nodes = self.nodes.borrow_mut();
                id
            }
            NodeOrText::AppendNode(handle) => handle.id,
        };
        let depth = nodes[parent].depth + 1;
        nodes[parent].children.insert(at, id);
        let node = &mut nodes[id];
        node.parent = Some(parent);
        node.depth = depth;
        if let Data::Element { template, .. } = &node.data {
            self.deep.set(self.deep.get() || depth > MAX_DEPTH);
            if let Some(contents) = *template {
                nodes[contents].depth = depth + 1;
            }
        }
    }

    fn detach(&self, id: usize) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(parent) = nodes[id].parent.take() {
            nodes[parent].children.retain(|&c| c != id);
        }
    }

    /// The tree in document order, into a [`Builder`]; template contents are left out.
    fn into_document(self) -> Document {
        enum Step {
            Enter(usize),
            Leave,
        }
        let nodes = self.nodes.into_inner();
        let mut builder = Builder::new();
        let mut steps: Vec<Step> = nodes[0]
            .children
            .iter()
            .rev()
            .map(|&c| Step::Enter(c))
            .collect();
        while let Some(step) = steps.pop() {
            let Step::Enter(id) = step else {
                builder.end_element();
                continue;
            };
            match &nodes[id].data {
                Data::Element { name, attrs, .. } => {
                    let attrs = attrs
                        .iter()
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect();
                    builder.start_element(&name.local, attrs);
                    steps.push(Step::Leave);
                    steps.extend(nodes[id].children.iter().rev().map(|&c| Step::Enter(c)));
                }
                Data::Text(text) => builder.text(text),
                Data::Comment(text) => builder.comment(text),
                Data::Document | Data::Other => {}
            }
        }
        let mut document = builder.finish();
        document.cut_short = self.full.get();
        document
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Sink;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Sink {
        self
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle {
            id: 0,
            name: Sink::no_name(),
        }
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let template = flags.template.then(|| self.add(Data::Document));
        let id = self.add(Data::Element {
            name: name.clone(),
            attrs,
            template,
        });
        Handle { id, name }
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        Handle {
            id: self.add(Data::Comment(text)),
            name: Sink::no_name(),
        }
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Handle {
            id: self.add(Data::Other),
            name: Sink::no_name(),
        }
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.insert(parent.id, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self.nodes.borrow()[element.id].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        let contents = match self.nodes.borrow()[target.id].data {
            Data::Element {
                template: Some(contents),
                ..
            } => contents,
            _ => target.id,
        };
        Handle {
            id: contents,
            name: Sink::no_name(),
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let parent = self.nodes.borrow()[sibling.id].parent;
        if let Some(parent) = parent {
            self.insert(parent, Some(sibling.id), child);
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        if let Data::Element {
            attrs: existing, ..
        } = &mut self.nodes.borrow_mut()[target.id].data
        {
            for attr in attrs {
                if !existing.iter().any(|a| a.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.detach(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[node.id].children);
        let depth = nodes[new_parent.id].depth + 1;
        for &child in &children {
            nodes[child].parent = Some(new_parent.id);
            nodes[child].depth = depth;
        }
        nodes[new_parent.id].children.extend(children);
    }

    fn allow_declarative_shadow_roots(&self, _intended_parent: &Handle) -> bool {
        // As DOMParser: a `<template shadowrootmode>` stays a template.
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested S-expressions: `(p "text" (b "x"))`, html/head/body left out.
    fn check(input: &str, expect: &str) {
        fn walk(doc: &Document, node: usize, out: &mut String) {
            let tag = doc.tag(node);
            let shown = !matches!(tag, "" | "html" | "head" | "body");
            if let Some(text) = doc.text(node) {
                return out.push_str(&format!(" {text:?}"));
            }
            if shown {
                out.push_str(&format!(" ({tag}"));
            }
            for &child in &doc.nodes[node].children {
                walk(doc, child, out);
            }
            if shown {
                out.push(')');
            }
        }
        let doc = Html5ever.parse(input);
        let mut out = String::new();
        walk(&doc, 0, &mut out);
        assert_eq!(out.trim_start(), expect, "input {input:?}");
    }

    #[test]
    fn the_tree_is_the_one_browsers_build() {
        check(
            "<p>one<p>two<div>three</div>",
            r#"(p "one") (p "two") (div "three")"#,
        );
        check("<b><p>x</b>y</p>", r#"(b) (p (b "x") "y")"#);
        check(
            "<table><tr><td>a<td>b<tr><td>c</table>",
            r#"(table (tbody (tr (td "a") (td "b")) (tr (td "c"))))"#,
        );
        check("<title>T</title><p>x", r#"(title "T") (p "x")"#);
    }

    #[test]
    fn noscript_holds_markup_and_templates_hold_nothing() {
        check(
            "<p>x<noscript><p>Enable scripts</p></noscript><template><p>t</p></template>",
            r#"(p "x" (noscript)) (p "Enable scripts") (template)"#,
        );
    }

    #[test]
    fn deep_nesting_is_closed_early_and_stays_in_order() {
        let depth = MAX_DEPTH * 5;
        let input = "<div>".repeat(depth) + "deep" + &"</div>".repeat(depth) + "<p>after";
        let doc = Html5ever.parse(&input);
        let texts: Vec<&str> = (0..doc.nodes.len()).filter_map(|n| doc.text(n)).collect();
        assert_eq!(texts, ["deep", "after"]);
        let after = doc.nodes.len() - 2;
        assert_eq!(doc.tag(after), "p");
        assert_eq!(
            doc.tag(doc.nodes[after].parent),
            "body",
            "every div was closed"
        );
    }

    #[test]
    fn formatting_elements_recreated_without_end_are_cut_short() {
        let input: String = (0..20_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
        let doc = Html5ever.parse(&input);
        assert!(doc.cut_short);
        // The budget is checked between tokens; one token re-creates at most
        // one element per tag before it.
        assert!(doc.nodes.len() <= 2 * (input.len() * MAX_NODES_PER_BYTE + 1024));
    }

    #[test]
    fn an_ordinary_page_is_read_whole() {
        let doc = Html5ever.parse("<p>one <b>two</b></p><p>three");
        assert!(!doc.cut_short);
    }
}
