//! Snapshots of what a person sees: the seed set's aligned table, and small named cases.

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
