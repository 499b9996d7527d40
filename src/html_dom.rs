//! Imported pages parsed by the browser's `DOMParser`, read into `crosscheck-import`'s tree.
//!
//! The page leaves html5ever out (it would not fit the page's size budget)
//! and lets the browser build the tree: `parseFromString(text, "text/html")`
//! makes a document that has no window, so its scripts never run, its images
//! and styles never load, and `<noscript>` holds markup, as in html5ever with
//! scripting off. The boot script's `crosscheckTree` (index.html) parses and
//! walks that tree in one call, in document order, and hands it over as one
//! string of fields (see [`read`]): walked from here, one element, text or
//! attribute per call across to JavaScript, a 5 MB page kept the page busy
//! for 525 ms in one task (issue #17). The import crate's own extraction then
//! finds the article, the same code that runs natively. Nothing of the
//! document is ever inserted into the page.
//!
//! The walk is a loop, never a recursion, so a page nested 100,000 deep
//! cannot exhaust a stack; the builder lays everything past its depth limit flat.

use crosscheck_import::Config;
use crosscheck_import::html::{Builder, Document, Parser};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// index.html's boot script: `html`'s tree in the form [`read`] reads.
    #[wasm_bindgen(js_name = crosscheckTree, catch)]
    fn tree(html: &str) -> Result<String, JsValue>;
}

/// The browser's `DOMParser` as the import crate's HTML [`Parser`].
#[derive(Clone, Copy, Debug, Default)]
pub struct DomParser;

/// How the page imports: HTML through [`DomParser`].
pub const IMPORT: Config<'static> = Config { html: &DomParser };

impl Parser for DomParser {
    fn parse(&self, html: &str) -> Document {
        let mut builder = Builder::new();
        // Without a parser (not in the page) the page reads as empty.
        if let Ok(tree) = tree(html) {
            read(&tree, &mut builder);
        }
        builder.finish()
    }
}

/// Reads a tree written as fields, each ended by U+0000 (which a parsed
/// document never holds), into `builder`: `<name` starts an element, and each
/// `@name` field is followed by a field holding that attribute's value; `>`
/// ends the element last started; `#text` is text, `!text` a comment.
pub fn read(tree: &str, builder: &mut Builder) {
    let mut fields = tree.split('\0');
    // The element whose attributes are being read.
    let mut started: Option<(&str, Vec<(String, String)>)> = None;
    while let Some(field) = fields.next() {
        let Some(kind) = field.chars().next() else {
            continue;
        };
        let rest = &field[kind.len_utf8()..];
        if kind == '@' {
            let value = fields.next().unwrap_or_default();
            if let Some((_, attributes)) = &mut started {
                attributes.push((rest.to_owned(), value.to_owned()));
            }
            continue;
        }
        if let Some((name, attributes)) = started.take() {
            builder.start_element(name, attributes);
        }
        match kind {
            '<' => started = Some((rest, Vec::new())),
            '>' => builder.end_element(),
            '#' => builder.text(rest),
            '!' => builder.comment(rest),
            _ => {}
        }
    }
    if let Some((name, attributes)) = started {
        builder.start_element(name, attributes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_import::html::{Html5ever, extract};

    /// The tree the boot script writes for `html` (fields joined by NUL) reads as html5ever's tree of it does.
    fn check(fields: &[&str], html: &str) {
        let mut builder = Builder::new();
        read(&fields.join("\0"), &mut builder);
        assert_eq!(
            extract(&builder.finish()),
            extract(&Html5ever.parse(html)),
            "{fields:?}"
        );
    }

    #[test]
    fn a_page_written_as_fields_reads_as_the_page() {
        check(
            &[
                "!saved from url=(0023)https://example.com/a",
                "<html",
                "<head",
                "<title",
                "#Talks held | The Daily",
                ">",
                "<meta",
                "@property",
                "og:site_name",
                "@content",
                "The Daily",
                ">",
                ">",
                "<body",
                "<nav",
                "<a",
                "@href",
                "/",
                "#Home",
                ">",
                ">",
                "<article",
                "<h1",
                "#Talks held",
                ">",
                "<p",
                "@class",
                "lead",
                "#The two leaders spoke for ",
                "<b",
                "#90 minutes",
                ">",
                "#.",
                ">",
                "<p",
                ">",
                "<p",
                "#They will meet again.",
                ">",
                ">",
                ">",
                ">",
            ],
            "<!--saved from url=(0023)https://example.com/a--><html><head><title>Talks held | The Daily</title>\
             <meta property=\"og:site_name\" content=\"The Daily\"></head><body><nav><a href=\"/\">Home</a></nav>\
             <article><h1>Talks held</h1><p class=\"lead\">The two leaders spoke for <b>90 minutes</b>.</p><p></p>\
             <p>They will meet again.</p></article></body></html>",
        );
    }

    #[test]
    fn broken_fields_read_as_what_they_hold_without_a_panic() {
        for tree in [
            "",
            "\0\0",
            "@",
            "<",
            ">>>>",
            "<p\0@",
            "é\0<p\0#Ünïcode",
            "#text",
        ] {
            let mut builder = Builder::new();
            read(tree, &mut builder);
            let _ = extract(&builder.finish());
        }
    }
}
