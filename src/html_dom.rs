//! Imported pages parsed by the browser's `DOMParser`, read into `crosscheck-import`'s tree.
//!
//! The page leaves html5ever out (it would not fit the page's size budget)
//! and lets the browser build the tree: `parseFromString(text, "text/html")`
//! makes a document that has no window, so its scripts never run, its images
//! and styles never load, and `<noscript>` holds markup, as in html5ever with
//! scripting off. The boot script's `crosscheckTree` (index.html) parses and
//! walks that tree, in document order and in slices of 25 ms, and hands it
//! over as one string of fields (see [`read`]): walked from here, one
//! element, text or attribute per call across to JavaScript, a 5 MB page kept
//! the page busy for 525 ms in one task (issue #17). The parser runs on the
//! page's main thread, the only one that has it; the import, the import
//! crate's own extraction included (the same code that runs natively), then
//! reads that tree in the worker (`app/analysis/import.rs`). Nothing of the
//! document is ever inserted into the page.
//!
//! The walk is a loop, never a recursion, so a page nested 100,000 deep
//! cannot exhaust a stack; the builder lays everything past its depth limit flat.

use crosscheck_import::html::{Builder, Document, Parser};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// index.html's boot script: a promise of `html`'s tree in the form [`read`] reads.
    #[wasm_bindgen(js_name = crosscheckTree, catch)]
    fn tree_of(html: &str) -> Result<js_sys::Promise, JsValue>;
}

/// The tree of `html` made by the browser's `DOMParser`, in the form [`read`]
/// reads (empty where there is no such parser: the page reads as empty).
pub async fn tree(html: &str) -> String {
    match tree_of(html) {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|tree| tree.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// A page's tree made beforehand by [`tree`], as the import crate's HTML
/// [`Parser`]: the import, in the worker or here, then reads no other page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed(pub String);

impl Parser for Parsed {
    fn parse(&self, _html: &str) -> Document {
        let mut builder = Builder::new();
        read(&self.0, &mut builder);
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
