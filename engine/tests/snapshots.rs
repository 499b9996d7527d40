//! Snapshots of what a person sees: the seed set's aligned table, its fact flags, small named cases, and every rendering of one small set.

use std::fmt::Write;

// `tests/snapshots/` holds the snapshots, so the helper is named by its path.
#[path = "support/invariants.rs"]
mod invariants;

use crosscheck_engine::{Config, Report, Source, compare, render, seeds};

/// Compares `texts` (sources s0, s1…), with the report's invariants checked.
fn report(texts: &[&str]) -> Report {
    invariants::compared(texts).1
}

fn table(texts: &[&str]) -> String {
    render::text(&report(texts))
}

/// Three short articles: a weekday change (Tuesday / Wednesday), a number
/// change (90 / 60 minutes), a quote change ("peace" / "peace now") and a
/// sentence the second article omits. Outlets are named on the sources, one
/// with a comma so the CSV must quote it.
fn small_set() -> Report {
    let source = |id: &str, outlet: &str, text: &str| Source {
        id: id.into(),
        outlet: Some(outlet.into()),
        text: text.into(),
        ..Source::default()
    };
    let sources = [
        source(
            "wire",
            "The Wire",
            "Trump spoke by phone with Putin on Tuesday. The call lasted 90 minutes, the Kremlin said.\n“We want peace,” Trump said. Officials in Kyiv were not told of the call in advance.",
        ),
        source(
            "daily",
            "Daily News, Evening Edition",
            "Trump spoke by phone with Putin on Wednesday. The call lasted 60 minutes, the Kremlin said.\n\"We want peace now,\" Trump said.",
        ),
        source(
            "post",
            "The Post",
            "Trump spoke with Putin by phone on Tuesday. The Kremlin said the call lasted 90 minutes.\n“We want peace,” Trump said. Officials in Kiev were not told of the call in advance.",
        ),
    ];
    compare(&sources, &Config::default())
}

#[test]
fn small_set_text() {
    insta::assert_snapshot!(render::text(&small_set()));
}

#[test]
fn small_set_markdown() {
    insta::assert_snapshot!(render::markdown(&small_set()));
}

#[test]
fn small_set_csv() {
    insta::assert_snapshot!(render::csv(&small_set()).replace("\r\n", "⏎\n"));
}

#[test]
fn small_set_html() {
    insta::assert_snapshot!(render::html(&small_set()));
}

#[test]
fn seed_set_aligned_table() {
    insta::assert_snapshot!(render::text(&compare(
        &seeds::bundled(),
        &Config::default()
    )));
}

#[test]
fn seed_set_markdown() {
    insta::assert_snapshot!(render::markdown(&compare(
        &seeds::bundled(),
        &Config::default()
    )));
}

#[test]
fn weekday_number_and_quote_changes_table() {
    insta::assert_snapshot!(table(&[
        "Trump spoke by phone with Putin on Wednesday. The call lasted 90 minutes, the Kremlin said.\n“We want peace,” Trump said.",
        "The Kremlin said the call lasted nearly 90 minutes. Trump spoke by phone with Putin on Tuesday.\n“We want peace now,” Trump said.\nAdvertisement",
        "Trump spoke with Putin by phone on Tuesday, in Kiev's absence.",
    ]));
}

/// Every flag the seed set produces, with the words of each side: reviewed by hand
/// (none may be one a careful reader would call wrong; see docs/facts.md).
#[test]
fn facts_seed_flags() {
    let report = compare(&seeds::bundled(), &Config::default());
    let mut out = String::new();
    for flag in &report.facts.flags {
        let _ = writeln!(
            out,
            "{} · {} · group {}",
            flag.severity.as_str(),
            flag.kind.as_str(),
            flag.group.map_or("-".to_owned(), |g| g.to_string())
        );
        let _ = writeln!(out, "  {}", flag.explain(|n| format!("[{n}]")));
        for side in &flag.sides {
            let _ = writeln!(
                out,
                "  - [{}] sentence {} (group {}): {}",
                side.at.source,
                side.at.sentence,
                side.at.group.map_or("-".to_owned(), |g| g.to_string()),
                side.text
            );
        }
    }
    insta::assert_snapshot!(out);
}
