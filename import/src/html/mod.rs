//! Saved web pages to plain text: the article's paragraphs and what the page says about it.
//!
//! A real HTML5 parser builds the page's tree: html5ever natively
//! ([`Html5ever`], the default feature `html5ever`), the browser's
//! `DOMParser` in the app's page (the app's `html_dom.rs`). Either walks its
//! tree into a [`Builder`] as a [`Document`]; what is ours is reading it: for
//! metadata (`meta.rs`) and for its article (`extract.rs`). Nothing in the
//! page is ever executed or passed on as HTML: neither parser runs scripts,
//! the result is plain text, and the UI renders it as text.
//!
//! ```text
//! page text --Parser (html5ever | DOMParser)--> Document --extract--> Page
//! ```
//!
//! Metadata, each the first found:
//!
//! | field  | from |
//! | ------ | ---- |
//! | title  | `og:title`, JSON-LD `headline`, the first `<h1>` in the content, `<title>` |
//! | outlet | `og:site_name`, JSON-LD `publisher.name` |
//! | date   | `article:published_time`, JSON-LD `datePublished`, `<meta name="date">` and kin, the first `<time datetime>` in the content (else in the page) |
//! | url    | `og:url`, `<link rel="canonical">`, JSON-LD `url`, the `<!-- saved from url=… -->` comment |
//!
//! A title ending in " | Outlet" (or " - ", " – ", " — ", " · " and the
//! outlet's name) loses that ending; a date starting `YYYY-MM-DD` keeps only
//! those ten characters; a url is kept only when it is http or https.
//!
//! ```
//! use crosscheck_import::html::{Html5ever, Parser, extract};
//!
//! let page = extract(&Html5ever.parse(
//!     r#"<html><head><title>Talks held | The Daily</title>
//!     <meta property="og:site_name" content="The Daily"></head>
//!     <body><nav><a href="/">Home</a></nav>
//!     <article><h1>Talks held</h1><p>The two leaders spoke for
//!     <b>90 minutes</b>.</p><script>track()</script></article></body></html>"#,
//! ));
//! assert_eq!(page.text, "Talks held\n\nThe two leaders spoke for 90 minutes.");
//! assert_eq!(page.title.as_deref(), Some("Talks held"));
//! assert_eq!(page.outlet.as_deref(), Some("The Daily"));
//! ```

mod extract;
#[cfg(feature = "html5ever")]
mod html5ever;
mod meta;
mod tree;

#[cfg(feature = "html5ever")]
pub use html5ever::{Html5ever, MAX_NODES_PER_BYTE};
pub use tree::{Builder, Document, MAX_DEPTH};

use crate::error::Notice;
use crate::url::safe_url;

/// Builds a page's tree: an HTML5 parser walked into a [`Builder`].
///
/// [`Html5ever`] natively; in the browser, the app's `DOMParser` walker.
/// Whatever the page holds, a parser must never run its scripts or load
/// anything it names.
pub trait Parser {
    /// The tree of `html`; never fails (any text is some page).
    fn parse(&self, html: &str) -> Document;
}

/// What was read from a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article as plain text: one paragraph per line, a blank line between.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// The publication date, `YYYY-MM-DD` when the page gives it so.
    pub date: Option<String>,
    /// The page's address (http or https only).
    pub url: Option<String>,
    /// What the reader should know about the extraction.
    pub notices: Vec<Notice>,
}

/// Reads the article and its metadata out of a parsed page. Never fails: a
/// page without text gives an empty [`Page::text`].
pub fn extract(doc: &Document) -> Page {
    let meta = meta::collect(doc);
    let mut content = extract::content(doc);
    if doc.cut_short {
        content.notices.push(Notice::PageCutShort);
    }
    let outlet = meta.site_name.or(meta.ld.publisher);
    let title = meta
        .og_title
        .or(meta.ld.headline)
        .or(content.heading)
        .or(meta.title_element)
        .map(|title| strip_outlet(&title, outlet.as_deref()));
    let date = meta
        .published
        .or(meta.ld.published)
        .or(meta.other_date)
        .or(content.time)
        .map(|date| date_part(&date));
    let url = [
        meta.og_url,
        meta.canonical,
        meta.ld.url,
        doc.saved_from.clone(),
    ]
    .into_iter()
    .flatten()
    .find_map(|url| safe_url(&url));
    Page {
        text: content.text,
        title,
        outlet,
        date,
        url,
        notices: content.notices,
    }
}

/// Whether text looks like an HTML page or fragment rather than prose.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
        "<article",
        "<div",
        "<p>",
        "<p ",
        "<h1",
        "<!-- saved from",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// "Talks held | The Daily" → "Talks held" when the outlet is "The Daily".
fn strip_outlet(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet.map(str::trim).filter(|o| !o.is_empty()) else {
        return title.to_owned();
    };
    for separator in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().eq_ignore_ascii_case(outlet)
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
        if let Some((head, tail)) = title.split_once(separator)
            && head.trim().eq_ignore_ascii_case(outlet)
            && !tail.trim().is_empty()
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// "2025-03-18T14:05:00Z" → "2025-03-18"; anything else as written.
pub(crate) fn date_part(date: &str) -> String {
    let date = date.trim();
    let iso = date.as_bytes().get(..10).is_some_and(|head| {
        head.iter().enumerate().all(|(i, &b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
    });
    if iso {
        date[..10].to_owned()
    } else {
        date.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_suffix_leaves_the_title() {
        assert_eq!(
            strip_outlet("Talks | The Daily", Some("The Daily")),
            "Talks"
        );
        assert_eq!(
            strip_outlet("THE DAILY - Talks", Some("The Daily")),
            "Talks"
        );
        assert_eq!(
            strip_outlet("Talks | Other", Some("The Daily")),
            "Talks | Other"
        );
        assert_eq!(strip_outlet("Talks | The Daily", None), "Talks | The Daily");
        assert_eq!(
            strip_outlet(" | The Daily", Some("The Daily")),
            " | The Daily"
        );
    }

    #[test]
    fn dates_keep_the_day() {
        assert_eq!(date_part(" 2025-03-18T14:05:00+01:00"), "2025-03-18");
        assert_eq!(date_part("2025-03-18"), "2025-03-18");
        assert_eq!(date_part("March 18, 2025"), "March 18, 2025");
        assert_eq!(date_part("2025-3-18"), "2025-3-18");
    }

    #[cfg(feature = "html5ever")]
    #[test]
    fn regression_unclosed_h1_holding_a_script_gave_the_script_as_title() {
        let page = extract(
            &Html5ever.parse("<h1>Talks<p><nav><p><script>document.title='SECRET'</script>"),
        );
        assert_eq!(page.title.as_deref(), Some("Talks"));
        assert_eq!(page.text, "Talks");
    }

    #[cfg(feature = "html5ever")]
    #[test]
    fn an_unclosed_title_holds_the_rest_of_the_page_as_in_browsers() {
        let page = extract(&Html5ever.parse("<title>Talks<p>The sides met."));
        assert_eq!(page.title.as_deref(), Some("Talks<p>The sides met."));
        assert_eq!(page.text, "");
    }

    #[test]
    fn html_is_told_from_prose() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\n  <div class=x><p>Text</p></div>"));
        assert!(!looks_like_html("Prices rose <5% in <b>March"));
        assert!(!looks_like_html("<3 this story"));
        assert!(!looks_like_html("Plain text that mentions <html> later"));
    }
}
