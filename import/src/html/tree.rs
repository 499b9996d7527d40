//! The parsed page as the extraction reads it: elements and text in one vector, in document order.
//!
//! A [`Parser`](super::Parser) walks the tree its HTML parser built (html5ever's
//! natively, the browser's `DOMParser` in the page) into a [`Builder`], one
//! call per element start, element end, text and comment, in document order:
//!
//! ```
//! use crosscheck_import::html::Builder;
//!
//! let mut builder = Builder::new();
//! builder.start_element("p", vec![("class".into(), "lede".into())]);
//! builder.text("Talks ");
//! builder.text("held.");
//! builder.end_element();
//! let document = builder.finish();
//! # let _ = document;
//! ```
//!
//! The builder keeps what the extraction needs and bounds what it must walk:
//!
//! - adjacent text joins into one node (browsers split long text nodes);
//! - comments are not kept, but the `<!-- saved from url=(0057)… -->` line
//!   browsers write gives [`Document::saved_from`];
//! - elements nested deeper than [`MAX_DEPTH`] are added flat, as siblings of
//!   their parent (browsers flatten at 512 too), so a page of 100,000 nested
//!   `<div>`s stays a shallow tree: every walk of it is a loop, or a
//!   recursion at most [`MAX_DEPTH`] deep, well within WebAssembly's stack.
//!
//! Nodes live in one vector in document order, so a parent always comes
//! before its children: one pass backwards is a bottom-up walk.

/// Deeper elements are added to the tree flat, as siblings.
pub const MAX_DEPTH: usize = 200;

/// One attribute: its name (lower case in HTML) and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attr {
    pub name: String,
    pub value: String,
}

/// What a node is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Data {
    Root,
    Element { name: String, attrs: Vec<Attr> },
    Text(String),
}

#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub parent: usize,
    pub children: Vec<usize>,
    pub data: Data,
}

/// A parsed page, made by a [`Builder`]; [`extract`](super::extract) reads it.
#[derive(Clone, Debug)]
pub struct Document {
    /// Node 0 is the root (the document); elements and text follow in document order.
    pub(crate) nodes: Vec<Node>,
    /// The address in a `<!-- saved from url=(0057)… -->` comment.
    pub(crate) saved_from: Option<String>,
    /// The parser stopped before the end of the page: it was too large for its markup.
    pub(crate) cut_short: bool,
}

impl Document {
    /// The address a browser wrote in a `<!-- saved from url=(0057)… -->` comment, as written.
    pub fn saved_from(&self) -> Option<&str> {
        self.saved_from.as_deref()
    }

    /// The element's tag name, or "" for text and the root.
    pub(crate) fn tag(&self, node: usize) -> &str {
        match &self.nodes[node].data {
            Data::Element { name, .. } => name,
            _ => "",
        }
    }

    /// An attribute's value.
    pub(crate) fn attr(&self, node: usize, name: &str) -> Option<&str> {
        match &self.nodes[node].data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|a| a.name == name)
                .map(|a| a.value.as_str()),
            _ => None,
        }
    }

    /// The text of a text node.
    pub(crate) fn text(&self, node: usize) -> Option<&str> {
        match &self.nodes[node].data {
            Data::Text(text) => Some(text),
            _ => None,
        }
    }

    /// All text under `node`, in order, concatenated.
    pub(crate) fn text_content(&self, node: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                Data::Text(text) => out.push_str(text),
                _ => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
        out
    }
}

/// Builds a [`Document`] from a parser's tree, walked in document order.
///
/// Every [`start_element`](Builder::start_element) is matched by one
/// [`end_element`](Builder::end_element) after the element's content; an
/// unmatched end is ignored.
#[derive(Clone, Debug)]
pub struct Builder {
    doc: Document,
    /// The open elements, root first; at most [`MAX_DEPTH`].
    open: Vec<usize>,
    /// Elements started beyond [`MAX_DEPTH`] and not yet ended.
    flattened: usize,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder::new()
    }
}

impl Builder {
    /// An empty document.
    pub fn new() -> Builder {
        Builder {
            doc: Document {
                nodes: vec![Node {
                    parent: 0,
                    children: Vec::new(),
                    data: Data::Root,
                }],
                saved_from: None,
                cut_short: false,
            },
            open: vec![0],
            flattened: 0,
        }
    }

    /// An element starts: `name` is its local name (`div`), `attrs` its
    /// attributes as (name, value). What follows, up to the matching
    /// [`end_element`](Builder::end_element), is inside it.
    pub fn start_element(&mut self, name: &str, attrs: Vec<(String, String)>) {
        let attrs = attrs
            .into_iter()
            .map(|(name, value)| Attr { name, value })
            .collect();
        let element = self.add(Data::Element {
            name: name.to_owned(),
            attrs,
        });
        if self.open.len() < MAX_DEPTH {
            self.open.push(element);
        } else {
            self.flattened += 1;
        }
    }

    /// The element last started and not yet ended ends.
    pub fn end_element(&mut self) {
        if self.flattened > 0 {
            self.flattened -= 1;
        } else if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// Text in the current element.
    pub fn text(&mut self, text: &str) {
        let current = self.current();
        if let Some(&last) = self.doc.nodes[current].children.last()
            && let Data::Text(existing) = &mut self.doc.nodes[last].data
        {
            existing.push_str(text);
            return;
        }
        self.add(Data::Text(text.to_owned()));
    }

    /// A comment: only the first `saved from url=` line is kept, as [`Document::saved_from`].
    pub fn comment(&mut self, comment: &str) {
        if self.doc.saved_from.is_some() {
            return;
        }
        let Some(rest) = comment.trim_start().strip_prefix("saved from url=") else {
            return;
        };
        let url = rest.split_once(')').map_or(rest, |(_, url)| url).trim();
        let url = url.split_whitespace().next().unwrap_or("");
        if !url.is_empty() {
            self.doc.saved_from = Some(url.to_owned());
        }
    }

    /// The document built.
    pub fn finish(self) -> Document {
        self.doc
    }

    fn current(&self) -> usize {
        *self.open.last().unwrap_or(&0)
    }

    fn add(&mut self, data: Data) -> usize {
        let parent = self.current();
        let index = self.doc.nodes.len();
        self.doc.nodes.push(Node {
            parent,
            children: Vec::new(),
            data,
        });
        self.doc.nodes[parent].children.push(index);
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested S-expressions: `(p "text" (b "x"))`.
    fn show(doc: &Document) -> String {
        fn walk(doc: &Document, node: usize, out: &mut String) {
            match &doc.nodes[node].data {
                Data::Text(text) => out.push_str(&format!(" {text:?}")),
                Data::Element { name, .. } => {
                    out.push_str(&format!(" ({name}"));
                    for &child in &doc.nodes[node].children {
                        walk(doc, child, out);
                    }
                    out.push(')');
                }
                Data::Root => {
                    for &child in &doc.nodes[node].children {
                        walk(doc, child, out);
                    }
                }
            }
        }
        let mut out = String::new();
        walk(doc, 0, &mut out);
        out.trim_start().to_owned()
    }

    #[test]
    fn adjacent_text_joins_and_unmatched_ends_are_ignored() {
        let mut builder = Builder::new();
        builder.end_element();
        builder.start_element("p", vec![("class".into(), "x".into())]);
        builder.text("one ");
        builder.text("two");
        builder.start_element("b", Vec::new());
        builder.text("three");
        builder.end_element();
        builder.end_element();
        builder.end_element();
        builder.text("four");
        let doc = builder.finish();
        assert_eq!(show(&doc), r#"(p "one two" (b "three")) "four""#);
        assert_eq!(doc.attr(1, "class"), Some("x"));
    }

    #[test]
    fn deep_nesting_flattens() {
        let mut builder = Builder::new();
        for _ in 0..MAX_DEPTH * 3 {
            builder.start_element("div", Vec::new());
        }
        builder.text("deep");
        for _ in 0..MAX_DEPTH * 3 {
            builder.end_element();
        }
        builder.text("after");
        let doc = builder.finish();
        let mut depth = 0;
        let mut node = doc.nodes.len() - 2;
        while node != 0 {
            node = doc.nodes[node].parent;
            depth += 1;
        }
        assert_eq!(doc.text(doc.nodes.len() - 2), Some("deep"));
        assert!(depth <= MAX_DEPTH, "depth {depth}");
        assert_eq!(
            doc.nodes[0].children.len(),
            2,
            "the text after the divs is at the top"
        );
    }

    #[test]
    fn saved_from_comment_gives_the_address() {
        let mut builder = Builder::new();
        builder.comment(" saved from url=(0042)https://news.example.com/2025/03/story.html ");
        builder.comment(" saved from url=(0020)https://other.example/ ");
        assert_eq!(
            builder.finish().saved_from(),
            Some("https://news.example.com/2025/03/story.html")
        );
    }
}
