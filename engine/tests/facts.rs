//! Facts on small named cases: regressions found while reviewing the seed set's facts, each named for the bug.

mod support {
    pub mod invariants;
}

use crosscheck_engine::report::{Flag, FlagKind};
use crosscheck_engine::{Config, Report, Source, compare};

/// Compares the texts (sources s0, s1…), checks the report's invariants and returns it.
fn check(texts: &[&str]) -> Report {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source {
            id: format!("s{i}"),
            text: (*t).into(),
            ..Source::default()
        })
        .collect();
    let report = compare(&sources, &Config::default());
    support::invariants::check(&sources, &report);
    report
}

fn explained(flag: &Flag) -> String {
    flag.explain(|n| format!("[{n}]"))
}

/// The speaker of the quote whose words contain `words`.
fn speaker_of(report: &Report, words: &str) -> Option<String> {
    report
        .facts
        .quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}"))
        .speaker
        .clone()
}

#[test]
fn regression_three_years_ago_is_compatible_with_more_than_three_years() {
    let report = check(&[
        "Although Russia failed in its initial goal to topple Ukraine with its invasion three years ago, it still controls large swaths of the country in the south and east.",
        "Russia has maintained attacks on Ukraine for more than three years, controlling approximately 20 percent of the country's south and east.",
    ]);
    assert_eq!(report.groups[0].members.len(), 2, "the two sentences align");
    let numbers: Vec<&Flag> = report
        .facts
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::NumberConflict)
        .collect();
    assert!(
        numbers.is_empty(),
        "{:?}",
        numbers.iter().map(|f| explained(f)).collect::<Vec<_>>()
    );
}

#[test]
fn regression_a_name_before_the_speaker_does_not_speak() {
    let report = check(&[
        "But further pressuring Zelensky, Trump noted later in the day that Treasury Secretary Scott Bessent was en route to Kyiv.\n“He’s going there to get a document done,” he said.",
    ]);
    assert_eq!(
        speaker_of(&report, "document done").as_deref(),
        Some("Trump")
    );
}

#[test]
fn regression_asked_whether_x_he_responded_is_not_x() {
    let report = check(&[
        "Trump said there were no conditions set for a meeting with Putin.\nAsked whether Zelensky would be included in the meeting, he responded, “Probably we’ll have a first meeting.”",
    ]);
    assert_eq!(
        speaker_of(&report, "first meeting").as_deref(),
        Some("Trump")
    );
}

#[test]
fn regression_a_possessive_name_is_not_the_speaker() {
    let report = check(&[
        "Dan Scavino, Trump's deputy chief of staff, described the call as \"going well\" in a social media update.",
    ]);
    assert_eq!(
        speaker_of(&report, "going well").as_deref(),
        Some("Dan Scavino")
    );
}

#[test]
fn regression_shared_names_and_a_weekday_are_no_paraphrase() {
    let report = check(&[
        "“I will be speaking to President Putin on Tuesday,” Mr. Trump said.",
        "Earlier on Tuesday, before speaking with Trump, Putin delivered a speech criticizing Western nations.",
    ]);
    assert!(
        !report
            .facts
            .flags
            .iter()
            .any(|f| f.kind == FlagKind::QuoteParaphrased),
        "{:?}",
        report.facts.flags.iter().map(explained).collect::<Vec<_>>()
    );
}

#[test]
fn regression_u_s_with_dots_is_a_place() {
    let report = check(&["Then the U.S. and the US agreed with Russia on a plan."]);
    let us = report
        .facts
        .names
        .iter()
        .find(|e| e.key == "us")
        .expect("U.S. is a name");
    assert_eq!(us.kind, crosscheck_engine::report::NameKind::Place);
}

#[test]
fn regression_a_title_case_heading_names_nobody() {
    let report = check(&["US Administration Sees Ceasefire Within Reach\nThe plan is ready."]);
    assert!(report.facts.names.is_empty(), "{:?}", report.facts.names);
}

#[test]
fn regression_get_one_done_is_no_count() {
    let report = check(&["“The president is determined to get one done,” she said."]);
    assert!(
        report.facts.quantities.is_empty(),
        "{:?}",
        report.facts.quantities
    );
}

#[test]
fn regression_this_week_the_programme_is_no_date() {
    let report = check(&[
        "National Security Advisor Mike Waltz told ABC’s This Week that Putin is open to a ceasefire.",
    ]);
    assert!(report.facts.dates.is_empty(), "{:?}", report.facts.dates);
}

#[test]
fn regression_a_possessive_is_not_another_spelling() {
    let report = check(&[
        "Then Kyiv’s hopes rose in Kyiv as the war went on.",
        "Then Kiev rose as the war went on.",
    ]);
    let spelling = report
        .facts
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::SpelledDifferently)
        .expect("Kyiv and Kiev");
    assert_eq!(
        explained(spelling),
        "“Kyiv” (source [0]) and “Kiev” (source [1]) are the same name spelled differently: a transliteration or house style, not a disagreement."
    );
}

#[test]
fn regression_a_possessive_title_does_not_join_two_names() {
    let report = check(&[
        "It went into the custody of Steve Witkoff, a close Trump friend and the U.S. leader’s Middle East envoy.",
    ]);
    let middle_east = report
        .facts
        .names
        .iter()
        .find(|e| e.name == "Middle East")
        .expect("Middle East is a name");
    assert_eq!(middle_east.kind, crosscheck_engine::report::NameKind::Place);
}

#[test]
fn facts_are_empty_for_empty_input_and_flags_never_name_missing_sources() {
    let report = check(&["", "“", "” said. Tuesday Wednesday 90 minutes"]);
    assert!(report.facts.flags.is_empty());
}

#[test]
fn a_report_without_facts_reads_as_empty_facts() {
    let report = check(&[
        "Trump met Putin on Tuesday.",
        "Trump met Putin on Wednesday.",
    ]);
    let mut json = serde_json::to_value(&report).expect("serializes");
    json.as_object_mut().expect("object").remove("facts");
    let back: Report = serde_json::from_value(json).expect("reads a report/1 without facts");
    assert_eq!(back.facts, Default::default());
}
