//! Imported pages parsed by the browser's `DOMParser`, walked into `crosscheck-import`'s tree.
//!
//! The page leaves html5ever out (it would not fit the page's size budget)
//! and lets the browser build the tree: `parseFromString(text, "text/html")`
//! makes a document that has no window, so its scripts never run, its images
//! and styles never load, and `<noscript>` holds markup, as in html5ever with
//! scripting off. The walk below reads that tree, one element, text or
//! comment at a time and in document order, into a [`Builder`]; the import
//! crate's own extraction then finds the article, the same code that runs
//! natively. Nothing of the document is ever inserted into the page.
//!
//! The walk is a loop (first child, next sibling, up to the parent), never a
//! recursion, so a page nested 100,000 deep cannot exhaust WebAssembly's
//! stack; the builder lays everything past its depth limit flat.

use crosscheck_import::Config;
use crosscheck_import::html::{Builder, Document, Parser};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, SupportedType};

/// The browser's `DOMParser` as the import crate's HTML [`Parser`].
#[derive(Clone, Copy, Debug, Default)]
pub struct DomParser;

/// How the page imports: HTML through [`DomParser`].
pub const IMPORT: Config<'static> = Config { html: &DomParser };

impl Parser for DomParser {
    fn parse(&self, html: &str) -> Document {
        let mut builder = Builder::new();
        let parsed = web_sys::DomParser::new()
            .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml));
        // Without a document (no DOMParser here) the page reads as empty.
        if let Ok(document) = parsed {
            walk(&document, &mut builder);
        }
        builder.finish()
    }
}

/// Every node under `document`, in document order, into `builder`.
fn walk(document: &web_sys::Document, builder: &mut Builder) {
    let mut next = document.first_child();
    // Elements entered and not yet left.
    let mut depth = 0_usize;
    while let Some(node) = next {
        let mut first_child = None;
        match node.node_type() {
            Node::ELEMENT_NODE => {
                let element: &Element = node.unchecked_ref();
                builder.start_element(&element.local_name(), attributes(element));
                first_child = node.first_child();
                if first_child.is_some() {
                    depth += 1;
                } else {
                    builder.end_element();
                }
            }
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                builder.text(&node.node_value().unwrap_or_default());
            }
            Node::COMMENT_NODE => builder.comment(&node.node_value().unwrap_or_default()),
            _ => {}
        }
        if first_child.is_some() {
            next = first_child;
            continue;
        }
        // The next sibling, else the next sibling of the nearest ancestor that has one.
        let mut at = node;
        next = loop {
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            match at.parent_node() {
                Some(parent) if depth > 0 => {
                    builder.end_element();
                    depth -= 1;
                    at = parent;
                }
                _ => break None,
            }
        };
    }
}

/// An element's attributes as (name, value).
fn attributes(element: &Element) -> Vec<(String, String)> {
    let map = element.attributes();
    (0..map.length())
        .filter_map(|i| map.item(i))
        .map(|attr| (attr.local_name(), attr.value()))
        .collect()
}
