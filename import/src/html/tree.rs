//! Tokens to a tree of elements and text, closing what HTML leaves implied and ignoring what does not fit.
//!
//! A simplified version of the HTML tree builder, enough to know which text
//! sits in which element:
//!
//! - a block start tag closes an open `<p>`; `<li>`, `<dt>`/`<dd>`, `<tr>`,
//!   `<td>`/`<th>`, `<option>` and headings close their open predecessor;
//! - an end tag closes the nearest open element of its name, with everything
//!   opened inside it, but not across a table cell or table (a stray `</div>`
//!   in a cell stays in the cell) and is ignored when nothing matches;
//! - an inline end tag (`</b>`, `</a>`…) never closes a block: misnested
//!   `<b><p>x</b>` keeps its paragraph;
//! - nesting deeper than [`MAX_DEPTH`] flattens (the tree stays shallow enough
//!   to walk recursively in WebAssembly's small stack).
//!
//! Nodes live in one vector in document order, so a parent always comes
//! before its children: one pass backwards is a bottom-up walk.

use super::tokenizer::{Attr, Token, Tokenizer, is_raw_text};

/// Deeper elements are added to the tree flat, as siblings.
pub(crate) const MAX_DEPTH: usize = 200;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "frame",
];

const PHRASING: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "label", "mark", "nobr", "q", "rb", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "del",
];

const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements an end tag or an implied end does not reach past.
const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "marquee", "object", "applet", "button",
];

/// The table-related end tags, which reach past cells to their table.
const TABLE_SCOPE: &[&str] = &["html", "table", "template"];

/// Elements that belong in `<head>`; any other start tag closes it.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template",
    "title", "head", "html",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

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

/// A parsed page: node 0 is the root.
#[derive(Clone, Debug)]
pub(crate) struct Document {
    pub nodes: Vec<Node>,
    /// The address in a `<!-- saved from url=(0057)… -->` comment.
    pub saved_from: Option<String>,
}

impl Document {
    pub(crate) fn parse(src: &str) -> Document {
        let mut builder = Builder {
            doc: Document {
                nodes: vec![Node {
                    parent: 0,
                    children: Vec::new(),
                    data: Data::Root,
                }],
                saved_from: None,
            },
            open: vec![0],
            open_names: [0; NAME_BUCKETS],
        };
        for token in Tokenizer::new(src) {
            match token {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                } => builder.start(name, attrs, self_closing),
                Token::End { name } => builder.end(&name),
                Token::Text(text) => builder.text(&text),
                Token::Comment(comment) => builder.comment(comment),
            }
        }
        builder.doc
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

struct Builder {
    doc: Document,
    /// The open elements, root first.
    open: Vec<usize>,
    /// How many open elements have a name in each hash bucket (a counting
    /// Bloom filter): a search for an element that is not open ends at once,
    /// so a page of 100,000 stray `</div>`s stays linear. A shared bucket
    /// only costs a walk of the (bounded) stack.
    open_names: [u32; NAME_BUCKETS],
}

const NAME_BUCKETS: usize = 256;

/// A tag name's bucket: FNV-1a, folded to a byte.
fn bucket(name: &str) -> usize {
    let hash = name.bytes().fold(0x811c_9dc5_u32, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    (hash ^ (hash >> 8) ^ (hash >> 16) ^ (hash >> 24)) as usize % NAME_BUCKETS
}

impl Builder {
    fn current(&self) -> usize {
        *self.open.last().unwrap_or(&0)
    }

    fn current_tag(&self) -> &str {
        self.doc.tag(self.current())
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

    fn push(&mut self, node: usize) {
        self.open.push(node);
        let slot = &mut self.open_names[bucket(self.doc.tag(node))];
        *slot = slot.saturating_add(1);
    }

    /// Closes the open elements from `depth` up.
    fn truncate(&mut self, depth: usize) {
        for &node in &self.open[depth.min(self.open.len())..] {
            let slot = &mut self.open_names[bucket(self.doc.tag(node))];
            *slot = slot.saturating_sub(1);
        }
        self.open.truncate(depth);
    }

    /// `false` when no element named `name` is open (`true` may be a shared bucket).
    fn is_open(&self, name: &str) -> bool {
        self.open_names[bucket(name)] > 0
    }

    /// Closes the nearest open element named in `targets`, unless an element
    /// in `boundaries` comes first.
    fn close(&mut self, targets: &[&str], boundaries: &[&str]) -> bool {
        if !targets.iter().any(|t| self.is_open(t)) {
            return false;
        }
        for depth in (1..self.open.len()).rev() {
            let tag = self.doc.tag(self.open[depth]);
            if targets.contains(&tag) {
                self.truncate(depth);
                return true;
            }
            if boundaries.contains(&tag) {
                return false;
            }
        }
        false
    }

    fn start(&mut self, name: String, attrs: Vec<Attr>, self_closing: bool) {
        if is_raw_text(self.current_tag()) {
            // An unclosed raw-text element holds text only: it ends here.
            self.truncate(self.open.len() - 1);
        }
        if !HEAD_CONTENT.contains(&name.as_str()) {
            // Page content closes an open `<head>`, as in browsers.
            self.close(&["head"], &[]);
        }
        if CLOSES_P.contains(&name.as_str()) {
            self.close(&["p"], SCOPE);
        }
        match name.as_str() {
            "li" => {
                self.close(&["li"], &[SCOPE, &["ul", "ol"]].concat());
            }
            "dt" | "dd" => {
                self.close(&["dt", "dd"], &[SCOPE, &["dl"]].concat());
            }
            "tr" => {
                self.close(&["tr"], &["table", "thead", "tbody", "tfoot", "template"]);
            }
            "td" | "th" => {
                self.close(&["td", "th"], &["tr", "table", "template"]);
            }
            "thead" | "tbody" | "tfoot" => {
                self.close(&["thead", "tbody", "tfoot"], &["table", "template"]);
            }
            "option" | "a" if self.current_tag() == name => {
                self.truncate(self.open.len() - 1);
            }
            tag if HEADINGS.contains(&tag) && HEADINGS.contains(&self.current_tag()) => {
                self.truncate(self.open.len() - 1);
            }
            _ => {}
        }
        let void = VOID.contains(&name.as_str());
        let raw = is_raw_text(&name);
        let element = self.add(Data::Element { name, attrs });
        let empty = void || (self_closing && raw);
        if !empty && (self.open.len() < MAX_DEPTH || raw) {
            self.push(element);
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" => self.start("br".to_owned(), Vec::new(), false),
            "head" => {
                self.close(&["head"], &[]);
            }
            "html" | "body" => {}
            _ if VOID.contains(&name) => {}
            _ if !self.is_open(name) => {}
            _ if PHRASING.contains(&name) => {
                // Close through inline elements only.
                for depth in (1..self.open.len()).rev() {
                    let tag = self.doc.tag(self.open[depth]);
                    if tag == name {
                        self.truncate(depth);
                        return;
                    }
                    if !PHRASING.contains(&tag) {
                        return;
                    }
                }
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                self.close(&[name], TABLE_SCOPE);
            }
            "li" => {
                self.close(&["li"], &[SCOPE, &["ul", "ol"]].concat());
            }
            _ => {
                self.close(&[name], SCOPE);
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.current_tag() == "head" && !text.trim().is_empty() {
            self.close(&["head"], &[]);
        }
        let current = self.current();
        if let Some(&last) = self.doc.nodes[current].children.last()
            && let Data::Text(existing) = &mut self.doc.nodes[last].data
        {
            existing.push_str(text);
            return;
        }
        self.add(Data::Text(text.to_owned()));
    }

    fn comment(&mut self, comment: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested S-expressions: `(p "text" (b "x"))`.
    fn check(input: &str, expect: &str) {
        fn show(doc: &Document, node: usize, out: &mut String) {
            match &doc.nodes[node].data {
                Data::Text(text) => out.push_str(&format!(" {text:?}")),
                Data::Element { name, .. } => {
                    out.push_str(&format!(" ({name}"));
                    for &child in &doc.nodes[node].children {
                        show(doc, child, out);
                    }
                    out.push(')');
                }
                Data::Root => {
                    for &child in &doc.nodes[node].children {
                        show(doc, child, out);
                    }
                }
            }
        }
        let doc = Document::parse(input);
        let mut out = String::new();
        show(&doc, 0, &mut out);
        assert_eq!(out.trim_start(), expect, "input {input:?}");
    }

    #[test]
    fn implied_paragraph_and_item_ends() {
        check(
            "<p>one<p>two<div>three</div>",
            r#"(p "one") (p "two") (div "three")"#,
        );
        check(
            "<ul><li>a<li>b</ul>after",
            r#"(ul (li "a") (li "b")) "after""#,
        );
        check(
            "<table><tr><td>a<td>b<tr><td>c</table>",
            r#"(table (tr (td "a") (td "b")) (tr (td "c")))"#,
        );
    }

    #[test]
    fn stray_end_tags_are_ignored() {
        check("<div>a</span></div></div><p>b</p>", r#"(div "a") (p "b")"#);
        check(
            "<div><table><tr><td>x</div>y</td></tr></table>z</div>",
            r#"(div (table (tr (td "xy"))) "z")"#,
        );
    }

    #[test]
    fn inline_end_tags_do_not_close_blocks() {
        check("<b><p>x</b>y</p>", r#"(b (p "xy"))"#);
    }

    #[test]
    fn nested_tables_close_from_the_inside() {
        check(
            "<table><tr><td><table><tr><td>in</table>out</td></tr></table>",
            r#"(table (tr (td (table (tr (td "in"))) "out")))"#,
        );
    }

    #[test]
    fn void_and_raw_elements() {
        check(
            "<p>a<br>b<img src=x>c</br>d",
            r#"(p "a" (br) "b" (img) "c" (br) "d")"#,
        );
        check("<script/><p>x", r#"(script) (p "x")"#);
    }

    #[test]
    fn head_closes_at_its_end_tag_or_at_page_content() {
        check(
            "<html><head><title>T</title></head><body><p>x</p></body></html>",
            r#"(html (head (title "T")) (body (p "x")))"#,
        );
        check("<head><meta charset=utf-8><p>x", r#"(head (meta)) (p "x")"#);
    }

    #[test]
    fn unclosed_raw_text_elements_do_not_nest() {
        check(
            "<title><title><script><p>x",
            r#"(title) (title) (script "<p>x")"#,
        );
    }

    #[test]
    fn deep_nesting_flattens() {
        let input = "<div>".repeat(MAX_DEPTH * 3) + "deep";
        let doc = Document::parse(&input);
        let mut depth = 0;
        let mut node = doc.nodes.len() - 1;
        while node != 0 {
            node = doc.nodes[node].parent;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH, "depth {depth}");
    }

    #[test]
    fn saved_from_comment_gives_the_address() {
        let doc = Document::parse(
            "<!-- saved from url=(0042)https://news.example.com/2025/03/story.html -->\n<html>",
        );
        assert_eq!(
            doc.saved_from.as_deref(),
            Some("https://news.example.com/2025/03/story.html")
        );
    }
}
