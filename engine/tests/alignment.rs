//! How sentences are grouped across sources: copies, split facts, headlines and the two tiers (docs/tricky-cases.md points here).

mod support {
    pub mod invariants;
}

use crosscheck_engine::{Config, GroupId, Report, Source, compare, seeds};
use proptest::prelude::*;

use support::invariants::{compared as check, source};

/// (source, sentence) of the sentence of `report` holding `needle`.
fn find(report: &Report, needle: &str) -> (usize, usize) {
    report
        .sources
        .iter()
        .enumerate()
        .find_map(|(s, source)| {
            let i = source
                .sentences
                .iter()
                .position(|x| x.text.contains(needle))?;
            Some((s, i))
        })
        .unwrap_or_else(|| panic!("no sentence holds {needle:?}"))
}

fn group_of(report: &Report, (source, sentence): (usize, usize)) -> Option<GroupId> {
    report.sources[source].sentences[sentence].group
}

/// Whether the two sentences holding the needles share a group.
fn together(report: &Report, a: &str, b: &str) -> bool {
    group_of(report, find(report, a)) == group_of(report, find(report, b))
}

/// The number of content sentences of a report's source.
fn content(report: &Report, source: usize) -> usize {
    report.sources[source]
        .sentences
        .iter()
        .filter(|s| !s.boilerplate)
        .count()
}

#[test]
fn an_article_and_its_exact_copy_leave_nothing_out() {
    let article = &seeds::bundled()[0];
    let (_, report) = check(&[&article.text, &article.text]);
    for source in &report.sources {
        assert!(source.omitted.is_empty(), "{:?}", source.omitted);
    }
    assert_eq!(report.groups.len(), content(&report, 0));
    assert!(report.groups.iter().all(|g| g.members.len() == 2));
}

#[test]
fn a_hundred_copies_of_one_article_give_one_group_per_sentence() {
    let article = &seeds::bundled()[4];
    let sources: Vec<Source> = (0..100)
        .map(|i| source(&format!("copy{i}"), &article.text))
        .collect();
    let report = compare(&sources, &Config::default());
    assert_eq!(report.groups.len(), content(&report, 0));
    assert!(report.groups.iter().all(|g| g.members.len() == 100));
}

#[test]
fn short_identical_sentences_align_however_few_words_they_have() {
    let (_, report) = check(&[
        "The minister resigned on Monday. It's too early. But there has been silence since.",
        "It is too early! The minister quit on Monday. But there's been silence since.",
    ]);
    assert!(together(&report, "It's too early", "It is too early"));
    assert!(together(
        &report,
        "But there has been silence",
        "But there's been silence"
    ));
}

#[test]
fn a_negation_makes_a_sentence_no_copy() {
    let (_, report) = check(&[
        "It's too early. Rain fell.",
        "It's not too early. Snow fell.",
    ]);
    assert!(!together(&report, "It's too early", "It's not too early"));
}

#[test]
fn a_fact_split_in_two_sentences_joins_one_group() {
    let (_, report) = check(&[
        "Mr Ando retired as chairman of Nissin in 2005 and died of heart failure on Friday in Osaka, aged 96.",
        "Ando retired as Nissin chairman in 2005. He died of acute heart failure in Osaka on Friday at the age of 96.",
    ]);
    let group = group_of(&report, find(&report, "Mr Ando retired")).expect("grouped");
    assert_eq!(
        group_of(&report, find(&report, "Ando retired as Nissin")),
        Some(group)
    );
    assert_eq!(
        group_of(&report, find(&report, "He died of acute")),
        Some(group)
    );
    assert!(report.sources.iter().all(|s| s.omitted.is_empty()));
}

#[test]
fn a_headline_groups_with_headlines_and_is_related_to_the_lede() {
    let (_, report) = check(&[
        "Trump and Putin hold talks on Ukraine ceasefire\nUS President Donald Trump and Russian President Vladimir Putin held talks on a ceasefire in Ukraine on Tuesday.",
        "Trump, Putin hold ceasefire talks on Ukraine\nPresident Donald Trump held ceasefire talks on Tuesday with Russian President Vladimir Putin about Ukraine.",
        "President Trump held talks with President Putin of Russia on Tuesday about a ceasefire in Ukraine.",
    ]);
    assert!(together(
        &report,
        "Trump and Putin hold",
        "Trump, Putin hold"
    ));
    assert!(together(
        &report,
        "US President Donald Trump",
        "President Trump held talks"
    ));
    assert!(!together(
        &report,
        "Trump and Putin hold",
        "President Trump held talks"
    ));
    let headline = group_of(&report, find(&report, "Trump and Putin hold")).unwrap_or_default();
    assert!(
        report.groups[headline.index()].missing.is_empty(),
        "the third source has the headline's information in its lede: {:?}",
        report.groups[headline.index()]
    );
}

#[test]
fn a_possibly_related_sentence_is_listed_and_keeps_its_source_from_leaving_out() {
    let (_, report) = check(&[
        "The storm destroyed 40 homes in the coastal town of Brinmouth on Saturday night.",
        "Residents of Brinmouth spent Sunday clearing debris after a weekend storm, officials said.",
    ]);
    assert_eq!(report.related.len(), 1, "{:?}", report.related);
    let related = report.related[0];
    assert!(related.score > 0.0 && related.score < 1.0);
    for group in &report.groups {
        assert!(group.missing.is_empty(), "{group:?}");
        assert_eq!(group.elsewhere.len(), 1);
    }
}

/// Regression: with many articles, a sentence kept only its twelve best
/// partners, so the thirteenth article with a possibly related sentence was
/// said to leave it out.
#[test]
fn many_articles_with_a_related_sentence_none_leaves_it_out() {
    // Each article also tells things of its own, as articles do.
    let own = |i: usize| {
        (0..12)
            .map(|j| format!("Item {i}x{j} concerns alpha{i}y{j} and beta{i}z{j} only. "))
            .collect::<String>()
    };
    let mut texts = vec![format!(
        "{}The storm destroyed 40 homes in the coastal town of Brinmouth on Saturday night.",
        own(0)
    )];
    texts.extend((1..=16).map(|i| {
        format!(
            "{}Residents of Brinmouth spent Sunday clearing debris after a weekend storm, officials said.",
            own(i)
        )
    }));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (_, report) = check(&texts);
    let storm = group_of(&report, find(&report, "The storm destroyed")).expect("a group");
    let group = &report.groups[storm.index()];
    assert!(group.missing.is_empty(), "{group:?}");
    assert_eq!(group.elsewhere.len(), 16);
}

/// Regression: comparing seed articles A and B alone (the pair view), A's
/// short quotation "I will be speaking to President Putin on Tuesday" took
/// the place of A's lede beside B's lede, because a short sentence inside a
/// long one has the higher cosine; a move now never displaces a sentence
/// more likely to share the group's information.
#[test]
fn a_short_quote_does_not_displace_the_lede_it_sits_inside() {
    let seeds = seeds::bundled();
    let report = compare(&seeds[..2], &Config::default());
    assert!(together(
        &report,
        "President Trump will hold a second phone conversation",
        "President Donald Trump is to hold talks on Tuesday"
    ));
    assert!(!together(
        &report,
        "I will be speaking to President Putin on Tuesday",
        "President Donald Trump is to hold talks on Tuesday"
    ));
}

/// Regression: rows of the seed set that held sentences about other facts (issue #13).
#[test]
fn seed_rows_hold_one_fact_each() {
    let report = compare(&seeds::bundled(), &Config::default());
    for (a, b) in [
        // Three different statements by the Kremlin's spokesman.
        (
            "Peskov told reporters on Tuesday",
            "Peskov, Putin's spokesperson, confirmed",
        ),
        (
            "Peskov confirmed that Putin had conveyed",
            "Peskov, Putin's spokesperson, confirmed",
        ),
        // Ukraine's acceptance of a halt, in the row of Witkoff's visit to Moscow.
        (
            "Ukraine has agreed to a 30-day halt",
            "Last week, Witkoff met",
        ),
    ] {
        assert!(!together(&report, a, b), "{a:?} and {b:?} share a group");
    }
}

/// Sentences that differ only in quotation marks, punctuation or one function word.
fn near_copies() -> impl Strategy<Value = Vec<(String, String)>> {
    const WORDS: &[&str] = &[
        "minister", "harbour", "council", "rebels", "bridge", "village", "budget", "flood",
        "museum", "court", "strike", "teachers", "vaccine", "airport", "election", "festival",
    ];
    const SUBJECTS: &[&str] = &[
        "Anna Berg",
        "The mayor",
        "Officials",
        "Police",
        "Ruth Okafor",
    ];
    let sentence = (
        prop::sample::select(SUBJECTS),
        prop::sample::subsequence(WORDS, 2..5),
        0usize..4,
    );
    prop::collection::vec(sentence, 1..8).prop_map(|sentences| {
        sentences
            .into_iter()
            .enumerate()
            .map(|(i, (subject, words, change))| {
                // A number makes every sentence of the article different.
                let original = format!(
                    "{subject} said the {} changed {} times.",
                    words.join(" and the "),
                    i + 2
                );
                let copy = match change {
                    0 => format!("“{}”", original.trim_end_matches('.')),
                    1 => original.replace(" the ", " a "),
                    2 => original.replace('.', "!"),
                    _ => original.replace(" said ", " has said "),
                };
                (original, copy)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn identical_and_near_identical_sentences_always_align(pairs in near_copies()) {
        let one: Vec<&str> = pairs.iter().map(|(a, _)| a.as_str()).collect();
        let two: Vec<&str> = pairs.iter().rev().map(|(_, b)| b.as_str()).collect();
        let (one, two) = (one.join("\n"), two.join("\n"));
        let (_, report) = check(&[&one, &two]);
        for (a, b) in &pairs {
            let (x, y) = (find_exact(&report, 0, a), find_exact(&report, 1, b));
            prop_assert_eq!(
                report.sources[0].sentences[x].group,
                report.sources[1].sentences[y].group,
                "{:?} / {:?}", a, b
            );
        }
    }
}

/// The sentence of `source` whose text is `text`.
fn find_exact(report: &Report, source: usize, text: &str) -> usize {
    report.sources[source]
        .sentences
        .iter()
        .position(|s| s.text == text)
        .unwrap_or_else(|| panic!("no sentence {text:?}"))
}
