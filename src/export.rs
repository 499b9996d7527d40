//! One-file exports: this very page, with the current articles, names and settings as its built-in set.
//!
//! Pure: [`crate::boot::page_as_served`] gives the page's own markup and
//! [`page_with_set`] swaps the JSON inside its `crosscheck-seeds` script for a
//! session. Everything else (program, styles) stays byte for byte, so the
//! copy opens from disk, offline, like the original.

use crosscheck_engine::Headline;
use crosscheck_import::session::{Session, to_json};

/// The start of the script element that holds the built-in set.
const SEEDS_OPEN: &str = r#"<script type="application/json" id="crosscheck-seeds">"#;
const SCRIPT_CLOSE: &str = "</script>";

/// Why a page could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The page's own markup could not be read.
    NoMarkup,
    /// The markup has no built-in set to replace.
    NoSetSlot,
}

impl ExportError {
    /// What to tell the user.
    pub fn message(&self) -> &'static str {
        match self {
            ExportError::NoMarkup => {
                "This page could not copy itself (its markup could not be read). Export the session instead."
            }
            ExportError::NoSetSlot => {
                "This page could not copy itself (it has no place for the articles). Export the session instead."
            }
        }
    }
}

/// `markup` (the page as served, doctype included) with `session` as its built-in set.
pub fn page_with_set(markup: &str, session: &Session) -> Result<String, ExportError> {
    let open = markup.find(SEEDS_OPEN).ok_or(ExportError::NoSetSlot)? + SEEDS_OPEN.len();
    let close = markup[open..]
        .find(SCRIPT_CLOSE)
        .ok_or(ExportError::NoSetSlot)?
        + open;
    let json = script_safe(&to_json(session));
    let mut page = String::with_capacity(markup.len() + json.len());
    page.push_str(&markup[..open]);
    page.push_str(&json);
    page.push_str(&markup[close..]);
    Ok(page)
}

/// JSON that cannot end its `<script>` early: `<` written as `\u003c` (the same string to a JSON reader).
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// A file name for the exported page, from the first article's headline (its
/// title, or its opening words): `crosscheck-talks-held.html`.
pub fn file_name(session: &Session) -> String {
    let headline = session.articles.first().map(|a| a.source.headline());
    let title: &str = match &headline {
        Some(Headline::Stated(title)) => title,
        Some(Headline::Excerpt(words)) => words,
        Some(Headline::Untitled) | None => "",
    };
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
    }
    if slug.is_empty() {
        "crosscheck-class.html".to_owned()
    } else {
        format!("crosscheck-{slug}.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_engine::Source;
    use crosscheck_import::session::{Article, Settings, parse_session};

    const PAGE: &str = "<!doctype html>\n<html><body><div id=\"app\"></div>\n<script type=\"application/json\" id=\"crosscheck-seeds\">[{\"id\":\"old\"}]</script>\n<script>start()</script></body></html>";

    fn session(text: &str) -> Session {
        let source = Source {
            id: "a".into(),
            title: Some("Talks held: what we know".into()),
            text: text.into(),
            ..Source::default()
        };
        Session::new(vec![Article { source, url: None }], Settings::default())
    }

    fn embedded(page: &str) -> &str {
        let start = page.find(SEEDS_OPEN).unwrap() + SEEDS_OPEN.len();
        let end = page[start..].find(SCRIPT_CLOSE).unwrap() + start;
        &page[start..end]
    }

    #[test]
    fn the_set_is_replaced_and_the_rest_kept() {
        let page = page_with_set(PAGE, &session("The two leaders spoke.")).unwrap();
        assert!(page.starts_with("<!doctype html>\n<html><body><div id=\"app\"></div>"));
        assert!(page.ends_with("</script>\n<script>start()</script></body></html>"));
        let back = parse_session(embedded(&page)).unwrap();
        assert_eq!(back.articles[0].source.text, "The two leaders spoke.");
    }

    #[test]
    fn regression_article_text_with_a_closing_script_tag_stays_inside_the_json() {
        let text = "Quoted markup: </script><script>alert(1)</script> <!-- end";
        let page = page_with_set(PAGE, &session(text)).unwrap();
        assert_eq!(page.matches("</script>").count(), 2, "{page}");
        assert_eq!(
            parse_session(embedded(&page)).unwrap().articles[0]
                .source
                .text,
            text
        );
    }

    #[test]
    fn a_page_without_a_set_is_refused() {
        let refused = page_with_set("<html></html>", &session("x"));
        assert_eq!(refused, Err(ExportError::NoSetSlot));
    }

    #[test]
    fn the_file_is_named_after_the_first_title() {
        assert_eq!(
            file_name(&session("x")),
            "crosscheck-talks-held-what-we-know.html"
        );
        assert_eq!(
            file_name(&Session::new(Vec::new(), Settings::default())),
            "crosscheck-class.html"
        );
    }
}
