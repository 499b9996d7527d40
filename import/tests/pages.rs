//! Saved pages, hand-written to be nasty, read as a person would see them: metadata, notices, text.
//!
//! Each page in `pages/` (see `pages/README.md`) is imported with
//! `import_file` and snapshotted with insta; the tests also assert what must
//! never get through (scripts, banners, share buttons) so a snapshot
//! accepted in a hurry cannot hide a leak.

use crosscheck_import::{Config, ImportError, Imported, Notice, import_file};

/// The page as the reader would see it after import.
fn render(name: &str, result: &Result<Imported, ImportError>) -> String {
    let imported = match result {
        Err(error) => return format!("error: {}", error.message()),
        Ok(imported) => imported,
    };
    let s = &imported.source;
    let mut out = format!("file: {name}\nid: {}\n", s.id);
    for (key, value) in [
        ("title", &s.title),
        ("outlet", &s.outlet),
        ("date", &s.date),
        ("url", &imported.url),
    ] {
        out.push_str(&format!("{key}: {}\n", value.as_deref().unwrap_or("-")));
    }
    for notice in &imported.notices {
        out.push_str(&format!("notice: {}\n", notice.message()));
    }
    out.push_str("---\n");
    out.push_str(&s.text);
    out
}

/// Imports `pages/{name}`, snapshots it, and returns the text (empty on error).
fn check(name: &str) -> Result<Imported, ImportError> {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture");
    let result = import_file(name, &bytes, &Config::default());
    let snapshot = name.trim_end_matches(".html");
    insta::assert_snapshot!(snapshot, render(name, &result));
    if let Ok(imported) = &result {
        assert_no_markup(&imported.source.text);
    }
    result
}

/// No tag-like `<x` in the text (the entities page spells some out on purpose).
fn assert_no_markup(text: &str) {
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices('<') {
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        assert!(
            !(next.is_ascii_alphabetic() || next == b'/' || next == b'!'),
            "markup in text at {at}: {:?}",
            &text[at..text.len().min(at + 30)]
        );
    }
}

fn assert_lacks(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(!text.contains(needle), "{needle:?} leaked into:\n{text}");
    }
}

#[test]
fn news_page_keeps_the_story_and_drops_the_furniture() {
    let imported = check("news-site.html").unwrap();
    let text = &imported.source.text;
    assert!(text.starts_with("Trump and Putin agree to limited energy ceasefire"));
    assert!(text.ends_with("An earlier version of this article misstated the length of the call."));
    assert_lacks(
        text,
        &[
            "cookies",
            "Accept all",
            "Skip to",
            "Politics",
            "Search",
            "Home",
            "Facebook",
            "Copy link",
            "Advertisement",
            "Related",
            "World Briefing",
            "Sign up",
            "Topics:",
            "Comments",
            "reader_42",
            "Most read",
            "You may also like",
            "All rights reserved",
        ],
    );
    assert_eq!(imported.notices, []);
}

#[test]
fn scripts_handlers_and_embedded_content_never_reach_the_text() {
    let imported = check("scripts-and-handlers.html").unwrap();
    assert_eq!(
        imported.source.title.as_deref(),
        Some("Council approves new bus lanes")
    );
    assert_lacks(
        &imported.source.text,
        &[
            "HACKED",
            "INJECTED",
            "STRING THAT",
            "TEMPLATE",
            "STYLE TEXT",
            "NOSCRIPT",
            "ONLOAD",
            "alert",
            "DOCUMENT.WRITE",
            "SVG",
            "IFRAME",
            "OBJECT",
            "IMAGE ALT",
            "onclick",
            "javascript",
            "track(",
            "querySelector",
        ],
    );
}

#[test]
fn nested_layout_tables_read_in_order_without_the_menu() {
    let imported = check("nested-tables.html").unwrap();
    let text = &imported.source.text;
    assert!(text.starts_with("Flood waters recede in Millbrook"));
    assert!(text.contains("Gauge | Peak (ft)\n\nMillbrook bridge | 18.4"));
    assert_lacks(text, &["Front Page", "Classifieds", "Copyright"]);
}

#[test]
fn div_soup_without_article_markup_finds_the_densest_block() {
    let imported = check("div-soup.html").unwrap();
    let text = &imported.source.text;
    assert!(text.starts_with("Port strike ends after nine days"));
    assert!(text.contains("walked out on October 1."));
    assert_lacks(
        text,
        &["Bridge repairs", "Sunny", "Poll", "Quay Street", "Log in"],
    );
    assert_eq!(imported.notices, [Notice::NoArticleMarked]);
}

#[test]
fn several_articles_keep_the_longest_and_say_so() {
    let imported = check("several-articles.html").unwrap();
    assert!(
        imported
            .source
            .text
            .starts_with("Greens win three seats in city council")
    );
    assert_lacks(&imported.source.text, &["Turnout", "Mayor concedes"]);
    assert_eq!(imported.notices, [Notice::SeveralArticles { count: 3 }]);
}

#[test]
fn saved_from_comment_gives_the_url() {
    let imported = check("saved-from.html").unwrap();
    assert_eq!(
        imported.url.as_deref(),
        Some("https://www.northstar-news.example/science/2025/02/comet-visible-tonight")
    );
    assert_lacks(&imported.source.text, &["Northstar News", "Privacy"]);
}

#[test]
fn entities_are_decoded_and_spelled_out_markup_stays_text() {
    let path = format!("{}/tests/pages/entities.html", env!("CARGO_MANIFEST_DIR"));
    let result = import_file(
        "entities.html",
        &std::fs::read(path).unwrap(),
        &Config::default(),
    );
    insta::assert_snapshot!("entities", render("entities.html", &result));
    let imported = result.unwrap();
    assert_eq!(
        imported.source.title.as_deref(),
        Some("Café owners & city – a deal at last")
    );
    assert!(
        imported
            .source
            .text
            .contains("write <script>alert(1)</script> and <b>bold</b> literally")
    );
}

#[test]
fn malformed_markup_still_reads_in_order() {
    let imported = check("malformed.html").unwrap();
    let text = &imported.source.text;
    assert!(text.contains("by Wednesday evening, weather permitting."));
    assert!(text.contains("Ridge Avenue"));
    assert!(text.ends_with("Forecasters expect calmer weather by the weekend."));
    assert_eq!(
        imported.source.title.as_deref(),
        Some("Storm damage closes roads in the hills")
    );
}

#[test]
fn cookie_banners_with_and_without_telling_classes_are_dropped() {
    let imported = check("cookie-banner.html").unwrap();
    assert_lacks(
        &imported.source.text,
        &[
            "privacy",
            "cookies",
            "Accept",
            "partners",
            "OK",
            "continue reading",
        ],
    );
}

#[test]
fn windows_1252_page_is_decoded_and_said() {
    let imported = check("windows-1252.html").unwrap();
    assert!(imported.source.text.contains("“We will stay closed,”"));
    assert_eq!(imported.notices, [Notice::DecodedAsWindows1252]);
}

#[test]
fn app_shell_without_text_is_refused_with_advice() {
    let error = check("app-shell.html").unwrap_err();
    assert_eq!(
        error,
        ImportError::NoArticleText {
            file: Some("app-shell.html".into())
        }
    );
}
