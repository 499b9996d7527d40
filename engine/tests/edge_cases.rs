//! Hard inputs, each named for what it checks (docs/tricky-cases.md points here).

mod support {
    pub mod invariants;
}

use crosscheck_engine::{
    Config, DivergenceKind, MarkKind, NoticeKind, Report, SourceId, Status, compare, render,
};

use support::invariants::{compared as check, source};

/// The group holding sentence `sentence` of source `source`.
fn group_of(report: &Report, source: usize, sentence: usize) -> &crosscheck_engine::Group {
    let g = report.sources[source].sentences[sentence]
        .group
        .expect("grouped");
    &report.groups[g.index()]
}

#[test]
fn empty_and_punctuation_only_texts_give_notices_not_panics() {
    let (_, report) = check(&["", "?!... — ***", "\n\n\r\n"]);
    assert!(report.groups.is_empty());
    let empty = report
        .notices
        .iter()
        .filter(|n| n.kind == NoticeKind::EmptySource)
        .count();
    assert_eq!(empty, 3);
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::TooFewSources)
    );
}

#[test]
fn one_megabyte_without_a_full_stop_is_cut_and_bounded() {
    let long = "word ".repeat(200_000);
    let (_, report) = check(&[&long, "A short article. It has two sentences."]);
    assert!(
        report
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::LongSentencesCut)
    );
    assert!(report.is_coarse());
}

#[test]
fn five_megabyte_article_falls_back_to_coarse_mode_and_says_so() {
    let seed = &crosscheck_engine::seeds::bundled()[3].text;
    let huge = seed.repeat(5_000_000 / seed.len() + 1);
    assert!(huge.len() >= 5_000_000);
    let sources = [
        source("huge", &huge),
        source("small", "Trump spoke by phone with Putin on Wednesday."),
    ];
    let report = compare(&sources, &Config::default());
    let notice = report
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::CoarseFallback)
        .expect("coarse notice");
    assert_eq!(notice.source, Some(SourceId::new(0)));
    assert!(report.sources[0].sentences.iter().any(|s| s.coarse));
    let last = report.sources[0].sentences.last().expect("sentences");
    assert!(last.coarse && last.group.is_some());
}

#[test]
fn mixed_scripts_right_to_left_emoji_nul_and_crlf_are_accepted() {
    let (_, report) = check(&[
        "Kyiv said 👍🏽 yes.\r\nمرحبا بالعالم. שלום עולם.\0 Done.",
        "Kiev said 👍🏽 yes.\r\n今天很好。明天也好。",
    ]);
    assert!(!report.groups.is_empty());
}

#[test]
fn a_changed_weekday_is_a_date_divergence() {
    let (sources, report) = check(&[
        "Trump spoke by phone with Putin on Wednesday about the war.",
        "Trump spoke by phone with Putin on Tuesday about the war.",
    ]);
    let group = group_of(&report, 0, 0);
    assert_eq!(group.status, Status::Diverge);
    let member = group
        .members
        .iter()
        .find(|m| m.source == SourceId::new(1))
        .expect("member");
    let differs: Vec<&str> = member
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Differs)
        .map(|m| &sources[1].text[m.start..m.end])
        .collect();
    assert_eq!(differs, ["Tuesday"]);
}

#[test]
fn a_changed_relative_period_is_a_date_divergence() {
    let (sources, report) = check(&[
        "Witkoff met Putin in Moscow last week to discuss the ceasefire.",
        "Witkoff met Putin in Moscow this week to discuss the ceasefire.",
    ]);
    let group = group_of(&report, 0, 0);
    assert_eq!(group.status, Status::Diverge);
    let member = group
        .members
        .iter()
        .find(|m| m.source == SourceId::new(1))
        .expect("member");
    assert!(member.differences.contains(&DivergenceKind::Date));
    let differs: Vec<&str> = member
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Differs)
        .map(|m| &sources[1].text[m.start..m.end])
        .collect();
    assert_eq!(differs, ["this week"]);
}

#[test]
fn a_changed_number_diverges_but_spelled_numbers_agree() {
    let (_, report) = check(&[
        "The call between the two leaders lasted 90 minutes on Tuesday. Ukraine lost 1,300 square kilometers.",
        "The call between the two leaders lasted ninety minutes on Tuesday. Ukraine lost 1,500 square kilometers.",
    ]);
    assert_eq!(group_of(&report, 0, 0).status, Status::Agree);
    assert_eq!(group_of(&report, 0, 1).status, Status::Diverge);
}

#[test]
fn spelling_variants_agree_and_are_reported() {
    let (_, report) = check(&[
        "Zelensky flew to Kyiv after the summit in Paris.",
        "Zelenskyy flew to Kiev after the summit in Paris.",
    ]);
    assert_eq!(group_of(&report, 0, 0).status, Status::Agree);
    assert_eq!(report.variants.len(), 2);
}

#[test]
fn an_added_negation_diverges() {
    let (_, report) = check(&[
        "Russia will accept the ceasefire proposal from Washington.",
        "Russia will not accept the ceasefire proposal from Washington.",
    ]);
    let group = group_of(&report, 0, 0);
    assert_eq!(group.status, Status::Diverge);
    assert!(group.members.iter().any(|m| {
        m.differences
            .contains(&crosscheck_engine::DivergenceKind::Negation)
    }));
}

#[test]
fn a_quote_trimmed_by_one_outlet_diverges_on_the_quote() {
    let (_, report) = check(&[
        "“The president is determined to get one done,” Leavitt said about the peace deal.",
        "“The president, as you know, is determined to get one done,” Leavitt said about the peace deal.",
    ]);
    let group = group_of(&report, 0, 0);
    assert_eq!(group.status, Status::Diverge);
    assert!(group.members.iter().any(|m| {
        m.differences
            .contains(&crosscheck_engine::DivergenceKind::Quote)
    }));
}

#[test]
fn function_words_and_punctuation_alone_agree() {
    let (_, report) = check(&[
        "The Kremlin confirmed the call with Washington on Monday.",
        "Kremlin confirmed a call with Washington on Monday!",
    ]);
    assert_eq!(group_of(&report, 0, 0).status, Status::Agree);
}

#[test]
fn moved_paragraphs_still_align() {
    let (_, report) = check(&[
        "Witkoff met Putin in Moscow last week.\n\nThe plant produces a quarter of Ukraine's electricity.\n\nLeavitt praised the talks.",
        "The Zaporizhzhia plant produces a quarter of Ukraine's electricity.\n\nLeavitt praised the talks.\n\nLast week Witkoff met Putin in Moscow.",
    ]);
    assert_eq!(
        report.sources[0].sentences[0].group,
        report.sources[1].sentences[2].group
    );
    assert_eq!(
        report.sources[0].sentences[1].group,
        report.sources[1].sentences[0].group
    );
}

#[test]
fn a_sentence_with_two_facts_joins_one_group_and_is_linked_from_the_other() {
    let (_, report) = check(&[
        "Witkoff met Putin in Moscow last week, and Rubio persuaded Ukrainian officials in Saudi Arabia to accept the ceasefire framework.",
        // Apart in the text, so not one fact split in two (tests/alignment.rs has that case).
        "Witkoff met Putin in Moscow last week. Markets in Tokyo closed higher on Friday. Rubio persuaded Ukrainian officials in Saudi Arabia to accept the ceasefire framework.",
    ]);
    let joined = report.sources[0].sentences[0].group.expect("grouped");
    let other = [0, 2]
        .into_iter()
        .map(|i| report.sources[1].sentences[i].group.expect("grouped"))
        .find(|&g| g != joined)
        .expect("two groups");
    let group = &report.groups[other.index()];
    assert!(
        group.missing.is_empty(),
        "the two-fact source is not counted as missing"
    );
    assert_eq!(group.elsewhere.len(), 1);
    assert_eq!(
        (group.elsewhere[0].source, group.elsewhere[0].group),
        (SourceId::new(0), joined)
    );
}

#[test]
fn boilerplate_is_listed_but_never_grouped_or_omitted() {
    let (_, report) = check(&[
        "Trump and Putin spoke on Tuesday about Ukraine.\nAdvertisement\nCopyright © 2025 Example News, LLC.",
        "Trump and Putin spoke on Tuesday about Ukraine.",
    ]);
    let boilerplate = report.sources[0]
        .sentences
        .iter()
        .filter(|s| s.boilerplate)
        .count();
    assert_eq!(boilerplate, 2);
    assert_eq!(report.groups.len(), 1);
    assert!(report.sources[1].omitted.is_empty());
}

#[test]
fn the_text_rendering_shows_replacements_and_insertions() {
    let (_, report) = check(&[
        "The president is determined to get a deal done on Wednesday.",
        "And the president, as you know, is determined to get a deal done on Tuesday.",
    ]);
    let text = render::text(&report);
    assert!(
        text.contains("[-Wednesday-]{+Tuesday+}") || text.contains("[-Tuesday-]{+Wednesday+}"),
        "{text}"
    );
    assert!(
        text.contains("{+as you know+}") || text.contains("[~"),
        "{text}"
    );
}
