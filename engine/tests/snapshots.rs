//! Snapshots of what a person sees: the seed set's aligned table, its fact flags, and small named cases.

use std::fmt::Write;

use crosscheck_engine::{Config, Source, compare, render, seeds};

fn table(texts: &[&str]) -> String {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Source {
            id: format!("s{i}"),
            text: (*text).into(),
            ..Source::default()
        })
        .collect();
    render::text(&compare(&sources, &Config::default()))
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
        let kind = serde_json::to_value(flag.kind).unwrap_or_default();
        let severity = serde_json::to_value(flag.severity).unwrap_or_default();
        let _ = writeln!(
            out,
            "{} · {} · group {}",
            severity.as_str().unwrap_or("?"),
            kind.as_str().unwrap_or("?"),
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
