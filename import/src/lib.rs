//! Crosscheck's importers: bytes a user drops, picks or pastes become [`crosscheck_engine::Source`]s.
//!
//! # Brief overview
//!
//! The UI calls two functions and gets back an [`Imported`] (a
//! [`Source`], the page's address if any, and [`Notice`]s to show) or an
//! [`ImportError`] whose [`message`](ImportError::message) it shows as is.
//! Both take a [`Config`], which says what parses HTML: html5ever natively
//! ([`Config::default`], with the default feature `html5ever`), the
//! browser's `DOMParser` in the app's page (see [`html`]).
//!
//! - [`import_file`] for a dropped or picked file: checks the size
//!   ([`limits`]), decodes the bytes ([`decode()`]: UTF-8, UTF-16, else
//!   Windows-1252; PDFs, images and other binary files refused by name),
//!   then reads it by extension: `.html`/`.htm`/`.xhtml` as a saved page
//!   ([`html`]), `.md`/`.markdown` as Markdown, `.txt`/`.text` as plain text;
//!   other names are sniffed (a page if it looks like HTML, else text).
//! - [`import_pasted`] for pasted text, with what the reader typed in the
//!   form ([`PastedMeta`]); pasted HTML is read like a saved page.
//!
//! Around them: [`find_duplicate`] tells whether an article is already in
//! the set, [`unique_id`] keeps ids distinct, [`check_article_count`]
//! enforces the 100-article limit, and [`session`] reads and writes the
//! session file ([`parse_session`], [`to_json`]).
//!
//! Everything here is pure and total: no I/O, no network (urls are kept,
//! never fetched), no panics on any input, and untrusted HTML is never
//! executed or passed on as HTML: every text produced is plain text.
//!
//! # Example
//!
//! ```
//! use crosscheck_import::{import_file, Config, ImportError, Notice};
//!
//! let page = br#"<!-- saved from url=(0031)https://daily.example/talks -->
//! <html><head><title>Talks held | The Daily</title>
//! <meta property="og:site_name" content="The Daily"></head>
//! <body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
//! <article><h1>Talks held</h1><time datetime="2025-03-18T09:00Z">Tuesday</time>
//! <p>The two leaders spoke for <b>90 minutes</b>.</p>
//! <div class="share">Share on X</div></article></body></html>"#;
//!
//! let config = Config::default();
//! let imported = import_file("talks.html", page, &config).unwrap();
//! assert_eq!(imported.source.id, "talks");
//! assert_eq!(imported.source.title.as_deref(), Some("Talks held"));
//! assert_eq!(imported.source.outlet.as_deref(), Some("The Daily"));
//! assert_eq!(imported.source.date.as_deref(), Some("2025-03-18"));
//! assert_eq!(imported.source.text, "Talks held\n\nTuesday\n\nThe two leaders spoke for 90 minutes.");
//! assert_eq!(imported.url.as_deref(), Some("https://daily.example/talks"));
//!
//! let error = import_file("scan.pdf", b"%PDF-1.7 ...", &config).unwrap_err();
//! assert_eq!(error.message(), "“scan.pdf”: PDF isn't supported yet; copy its text and paste it");
//!
//! let old = import_file("old.txt", b"Caf\xe9 owners protest\n\nThey met on Monday.", &config).unwrap();
//! assert_eq!(old.source.text, "Café owners protest\n\nThey met on Monday.");
//! assert_eq!(old.notices, [Notice::DecodedAsWindows1252]);
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod admit;
pub mod corrections;
mod decode;
mod duplicate;
mod error;
pub mod html;
pub mod limits;
mod markdown;
pub mod session;
mod text;
mod url;

use crosscheck_engine::Source;
use crosscheck_engine::seeds::id_from_file;

pub use admit::{check_article_count, check_size};
pub use decode::{Decoded, decode};
pub use duplicate::{Duplicate, find_duplicate};
pub use error::{FileKind, ImportError, Notice, readable_size};
pub use limits::{MAX_ARTICLES, MAX_FILE_BYTES};
pub use session::{
    Article, SCHEMA, Session, SessionError, Settings, parse_session, parse_session_bytes, to_json,
};
pub use url::safe_url;

/// How the importers read what they are given.
#[derive(Clone, Copy)]
pub struct Config<'a> {
    /// What builds an HTML page's tree: [`html::Html5ever`] natively, the
    /// browser's `DOMParser` in the app's page.
    pub html: &'a dyn html::Parser,
}

/// html5ever parses HTML.
#[cfg(feature = "html5ever")]
impl Default for Config<'static> {
    fn default() -> Config<'static> {
        Config {
            html: &html::Html5ever,
        }
    }
}

/// An article brought in, ready to add to the set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The article: id, title, outlet, date, file and plain text.
    pub source: Source,
    /// Where it was saved from (http or https only); shown as a link, never fetched.
    pub url: Option<String>,
    /// What the reader should know (an encoding guessed, one article of several kept…).
    pub notices: Vec<Notice>,
}

impl From<Imported> for Article {
    fn from(imported: Imported) -> Article {
        Article {
            source: imported.source,
            url: imported.url,
        }
    }
}

/// What the reader typed next to pasted text; blank fields count as absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastedMeta {
    /// The headline.
    pub title: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The publication date.
    pub date: Option<String>,
    /// The address it came from.
    pub url: Option<String>,
}

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
}

/// An article's text and metadata, before it becomes a [`Source`].
#[derive(Default)]
struct Read {
    text: String,
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
    notices: Vec<Notice>,
}

/// Reads a dropped or picked file named `name` (the name gives the id and
/// the format; see the crate docs).
pub fn import_file(name: &str, bytes: &[u8], config: &Config) -> Result<Imported, ImportError> {
    admit::check_size(bytes.len()).map_err(|e| e.in_file(name))?;
    let decoded = decode(bytes).map_err(|e| e.in_file(name))?;
    let text = text::normalize_newlines(&decoded.text);
    let extension = extension(name);
    if extension == "json" && is_session(&text) {
        return Err(ImportError::SessionFile {
            file: name.to_owned(),
        });
    }
    let format = format(&extension, &text);
    let mut read = match format {
        Format::Html => read_html(&text, config),
        Format::Markdown => read_markdown(&text),
        Format::Text => read_text(text),
    };
    if read.text.trim().is_empty() {
        return Err(match format {
            Format::Html => ImportError::NoArticleText {
                file: Some(name.to_owned()),
            },
            _ => ImportError::Empty {
                file: Some(name.to_owned()),
            },
        });
    }
    read.notices.splice(0..0, decoded.notice);
    Ok(imported(id_from_file(name), Some(name.to_owned()), read))
}

/// How a file with this extension is read, when the extension says.
fn known_format(extension: &str) -> Option<Format> {
    match extension {
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "txt" | "text" => Some(Format::Text),
        _ => None,
    }
}

/// How a file with this extension and text is read.
fn format(extension: &str, text: &str) -> Format {
    known_format(extension).unwrap_or(if html::looks_like_html(text) {
        Format::Html
    } else {
        Format::Text
    })
}

/// The text [`import_file`] hands the [`Config`]'s HTML parser, if it reads
/// `name` as a web page: so that a parser can run first, on its own (the
/// page's `DOMParser`, which only its main thread has, while the rest of the
/// import runs in a worker). A text or Markdown file is not even decoded.
pub fn page_text(name: &str, bytes: &[u8]) -> Option<String> {
    let known = known_format(&extension(name));
    if known.is_some_and(|format| format != Format::Html) {
        return None;
    }
    admit::check_size(bytes.len()).ok()?;
    let decoded = decode(bytes).ok()?;
    (known.is_some() || html::looks_like_html(&decoded.text))
        .then(|| text::normalize_newlines(&decoded.text))
}

/// The text [`import_pasted`] hands the [`Config`]'s HTML parser, if it reads
/// the paste as a web page (see [`page_text`]); plain text is not copied.
pub fn pasted_page_text(text: &str) -> Option<String> {
    admit::check_size(text.len()).ok()?;
    let text = decode::strip_bom(text);
    html::looks_like_html(text).then(|| text::normalize_newlines(text))
}

/// Reads pasted text; `meta` is what the reader typed and wins over what
/// the text says. Pasted HTML is read like a saved page. The id is made
/// from the title ("talks-held") or is "pasted": pass it through
/// [`unique_id`] before adding.
pub fn import_pasted(
    text: &str,
    meta: PastedMeta,
    config: &Config,
) -> Result<Imported, ImportError> {
    admit::check_size(text.len())?;
    let text = text::normalize_newlines(decode::strip_bom(text));
    if text.trim().is_empty() {
        return Err(ImportError::Empty { file: None });
    }
    let mut read = if html::looks_like_html(&text) {
        let read = read_html(&text, config);
        if read.text.trim().is_empty() {
            return Err(ImportError::NoArticleText { file: None });
        }
        read
    } else {
        read_text(text)
    };
    let given = |field: Option<String>| field.filter(|f| !f.trim().is_empty());
    read.title = given(meta.title).or(read.title);
    read.outlet = given(meta.outlet).or(read.outlet);
    read.date = given(meta.date).or(read.date);
    if let Some(url) = given(meta.url) {
        read.url = checked_url(&url, &mut read.notices).or(read.url);
    }
    let id = slug(read.title.as_deref().unwrap_or(""));
    Ok(imported(id, None, read))
}

/// `id`, or `id-2`, `id-3`… when an article in `existing` already has it.
///
/// ```
/// use crosscheck_engine::Source;
/// let existing = [Source { id: "story".into(), ..Source::default() }];
/// assert_eq!(crosscheck_import::unique_id(&existing, "story"), "story-2");
/// assert_eq!(crosscheck_import::unique_id(&existing, "other"), "other");
/// ```
pub fn unique_id(existing: &[Source], id: &str) -> String {
    unique_among(|candidate| existing.iter().any(|s| s.id == candidate), id)
}

/// `id`, or `id-2`, `id-3`… the first that `taken` says is free.
pub(crate) fn unique_among(taken: impl Fn(&str) -> bool, id: &str) -> String {
    if !taken(id) {
        return id.to_owned();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

fn imported(id: String, file: Option<String>, read: Read) -> Imported {
    Imported {
        source: Source {
            id,
            title: read.title,
            outlet: read.outlet,
            date: read.date,
            file,
            text: read.text,
        },
        url: read.url,
        notices: read.notices,
    }
}

fn read_html(text: &str, config: &Config) -> Read {
    let page = html::extract(&config.html.parse(text));
    Read {
        text: page.text,
        title: page.title,
        outlet: page.outlet,
        date: page.date,
        url: page.url,
        notices: page.notices,
    }
}

fn read_markdown(text: &str) -> Read {
    let converted = markdown::convert(text);
    let mut notices = Vec::new();
    let url = converted
        .url
        .and_then(|url| checked_url(&url, &mut notices));
    Read {
        text: converted.text,
        title: converted.title,
        outlet: converted.outlet,
        date: converted.date.map(|d| html::date_part(&d)),
        url,
        notices,
    }
}

fn read_text(text: String) -> Read {
    Read {
        title: text::headline(&text),
        text,
        ..Read::default()
    }
}

/// The url when it is http or https; otherwise a notice that it was not kept.
fn checked_url(url: &str, notices: &mut Vec<Notice>) -> Option<String> {
    let safe = safe_url(url);
    if safe.is_none() {
        let mut shown: String = url.trim().chars().take(80).collect();
        if shown.len() < url.trim().len() {
            shown.push('…');
        }
        notices.push(Notice::UrlNotKept { url: shown });
    }
    safe
}

/// The lower-cased extension of a file name ("" when none).
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn is_session(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok_and(|value| {
        value
            .get("schema")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|schema| schema.starts_with("crosscheck-session/"))
    })
}

/// An id from a title: "Talks held in Riyadh" → "talks-held-in-riyadh" (at
/// most six words); "pasted" when there is no title.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "pasted".to_owned()
    } else {
        words.join("-")
    }
}

#[cfg(all(test, feature = "html5ever"))]
mod tests {
    use super::*;

    /// What the UI would show: id, metadata, notices, then the text; or the error.
    fn show(result: Result<Imported, ImportError>) -> String {
        match result {
            Err(error) => format!("error: {}", error.message()),
            Ok(imported) => {
                let s = &imported.source;
                let mut out = format!("id: {}\n", s.id);
                for (key, value) in [
                    ("title", &s.title),
                    ("outlet", &s.outlet),
                    ("date", &s.date),
                    ("file", &s.file),
                    ("url", &imported.url),
                ] {
                    if let Some(value) = value {
                        out.push_str(&format!("{key}: {value}\n"));
                    }
                }
                for notice in &imported.notices {
                    out.push_str(&format!("notice: {}\n", notice.message()));
                }
                out.push_str("---\n");
                out.push_str(&s.text);
                out
            }
        }
    }

    fn check(name: &str, bytes: &[u8], expect: &str) {
        assert_eq!(
            show(import_file(name, bytes, &Config::default())),
            expect,
            "file {name}"
        );
    }

    fn check_pasted(text: &str, meta: PastedMeta, expect: &str) {
        assert_eq!(
            show(import_pasted(text, meta, &Config::default())),
            expect,
            "pasted {text:?}"
        );
    }

    #[test]
    fn the_text_a_page_parser_gets_is_given_only_for_what_is_read_as_a_page() {
        let page = b"<!doctype html><p>Talks held.</p>";
        assert_eq!(
            page_text("story.html", b"Plain\r\ntext").as_deref(),
            Some("Plain\ntext")
        );
        assert!(page_text("story", page).is_some(), "sniffed");
        assert_eq!(page_text("story.txt", page), None);
        assert_eq!(page_text("story.md", b"# Talks"), None);
        assert!(
            pasted_page_text("\u{feff}<html><p>Talks</p></html>")
                .is_some_and(|t| t.starts_with("<html>"))
        );
        assert_eq!(pasted_page_text("Talks held."), None);
    }

    #[test]
    fn extension_chooses_the_reader() {
        check(
            "story.txt",
            b"Talks held in Riyadh\r\n\r\nThe <b>two</b> sides met.",
            "id: story\ntitle: Talks held in Riyadh\nfile: story.txt\n---\nTalks held in Riyadh\n\nThe <b>two</b> sides met.",
        );
        check(
            "story.md",
            b"# Talks held\n\nThe **two** sides met.",
            "id: story\ntitle: Talks held\nfile: story.md\n---\nTalks held\n\nThe two sides met.",
        );
        check(
            "Story.HTM",
            b"<p>The <b>two</b> sides met.</p>",
            "id: Story\nfile: Story.HTM\n---\nThe two sides met.",
        );
    }

    #[test]
    fn unknown_extensions_are_sniffed() {
        check(
            "download",
            b"<!DOCTYPE html><p>The sides met.</p>",
            "id: download\nfile: download\n---\nThe sides met.",
        );
        check(
            "notes.log",
            b"The sides met. 3 < 4.",
            "id: notes\nfile: notes.log\n---\nThe sides met. 3 < 4.",
        );
    }

    #[test]
    fn errors_name_the_file() {
        check(
            "empty.txt",
            b"  \n ",
            "error: “empty.txt” is empty: there is no text in it to compare.",
        );
        check(
            "app.html",
            b"<html><body><div id=root></div><script>render()</script></body></html>",
            "error: No article text was found in “app.html”. If the page builds its story with scripts, open it in a browser, select the article, copy it and paste it.",
        );
        check(
            "photo.txt",
            b"\xFF\xD8\xFF\xE0\0\x10JFIF",
            "error: “photo.txt” is an image (JPEG), not text. Crosscheck reads text: .txt, .md and .html files, or pasted text.",
        );
        check(
            "big.txt",
            &vec![b'a'; MAX_FILE_BYTES + 1],
            "error: “big.txt” is just over 5 MB; Crosscheck takes up to 5 MB per article. Save or paste just the article's text instead.",
        );
        check(
            "session.json",
            br#"{"schema": "crosscheck-session/1", "articles": []}"#,
            "error: “session.json” is a saved Crosscheck session, not an article; use “Open a session…” to open it.",
        );
    }

    #[test]
    fn markdown_url_that_is_not_http_is_said() {
        check(
            "a.md",
            b"---\nurl: javascript:alert(1)\n---\nText.",
            "id: a\nfile: a.md\nnotice: The link “javascript:alert(1)” was not kept: only http and https links are.\n---\nText.",
        );
    }

    #[test]
    fn pasted_text_takes_the_readers_metadata() {
        check_pasted(
            "Talks held in Riyadh\n\nThe sides met.",
            PastedMeta {
                outlet: Some("The Daily".into()),
                url: Some("https://daily.example/t".into()),
                title: Some("  ".into()),
                ..PastedMeta::default()
            },
            "id: talks-held-in-riyadh\ntitle: Talks held in Riyadh\noutlet: The Daily\nurl: https://daily.example/t\n---\nTalks held in Riyadh\n\nThe sides met.",
        );
        check_pasted(
            "The sides met.",
            PastedMeta::default(),
            "id: pasted\n---\nThe sides met.",
        );
        check_pasted(
            " \n",
            PastedMeta::default(),
            "error: There is no text to add: it is empty.",
        );
    }

    #[test]
    fn pasted_html_is_read_as_a_page() {
        check_pasted(
            "<div><nav>Menu</nav><p>The sides met.</p></div>",
            PastedMeta {
                url: Some("file:///etc/passwd".into()),
                ..PastedMeta::default()
            },
            "id: pasted\nnotice: The link “file:///etc/passwd” was not kept: only http and https links are.\n---\nThe sides met.",
        );
    }

    #[test]
    fn seed_files_keep_their_stated_titles() {
        for source in crosscheck_engine::seeds::bundled() {
            let file = source.file.clone().unwrap_or_default();
            let imported = import_file(&file, source.text.as_bytes(), &Config::default()).unwrap();
            assert_eq!(imported.source.title, source.title, "{file}");
            assert_eq!(imported.source.id, source.id);
            assert_eq!(imported.source.text, source.text);
        }
    }
}
