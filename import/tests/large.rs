//! Large and pathological inputs up to the 5 MB limit are read in one linear pass (no timing asserted).

use crosscheck_import::{Config, MAX_FILE_BYTES, Notice, import_file};

fn repeat_to(unit: &str, bytes: usize) -> Vec<u8> {
    unit.repeat(bytes / unit.len()).into_bytes()
}

#[test]
fn five_megabyte_saved_page_is_read() {
    let page = include_str!("pages/news-site.html");
    let big = repeat_to(page, MAX_FILE_BYTES);
    let imported = import_file("big.html", &big, &Config::default()).expect("imports");
    assert!(imported.source.text.starts_with("Trump and Putin agree"));
    assert!(matches!(
        imported.notices.as_slice(),
        [Notice::SeveralArticles { count }] if *count > 1
    ));
}

#[test]
fn unclosed_elements_by_the_hundred_thousand_are_read() {
    for unit in [
        "<i>x",
        "<div>",
        "<title>",
        "<table><tr><td>",
        "</section>",
        "<p><a href=x>y",
    ] {
        let result = import_file(
            "nasty.html",
            &repeat_to(unit, 1024 * 1024),
            &Config::default(),
        );
        if let Ok(imported) = result {
            assert!(!imported.source.text.contains('<'), "{unit}");
        }
    }
}

#[test]
fn a_hundred_thousand_nested_divs_keep_their_text_in_order() {
    let depth = 100_000;
    let page = format!(
        "<p>Before the divs, a sentence.{}<p>Deep inside them, another.{}<p>After them, a third.",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let imported = import_file("deep.html", page.as_bytes(), &Config::default()).expect("imports");
    assert_eq!(
        imported.source.text,
        "Before the divs, a sentence.\n\nDeep inside them, another.\n\nAfter them, a third."
    );
}

#[test]
fn markdown_made_of_markers_is_read() {
    // (unit, whether any text is left): a line of `*` is a rule, backticks are code marks.
    for (unit, text_left) in [
        ("[", true),
        ("[a](", true),
        ("*", false),
        ("*a ", true),
        ("<a", true),
        ("`", false),
        ("~~x", true),
    ] {
        let imported = import_file(
            "nasty.md",
            &repeat_to(unit, 1024 * 1024),
            &Config::default(),
        );
        assert_eq!(imported.is_ok(), text_left, "{unit}");
    }
}
