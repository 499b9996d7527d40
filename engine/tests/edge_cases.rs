//! Hard inputs, each named for what it checks (docs/tricky-cases.md points here); the statuses' cases are in statuses.rs.

mod support {
    pub mod invariants;
}

use crosscheck_engine::{Config, NoticeKind, SourceId, compare, render};

use support::invariants::{compared as check, source};

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
    assert!(
        last.coarse && last.group.is_none(),
        "a sentence not compared is in no row"
    );
    let figures = &report.overview.sources[0];
    let coarse: Vec<_> = report.sources[0]
        .sentences
        .iter()
        .filter(|s| s.coarse)
        .collect();
    assert_eq!(
        coarse.len(),
        1,
        "what was not compared is one entry, not one per sentence"
    );
    assert_eq!(
        figures.not_compared,
        coarse[0].text.split_whitespace().count()
    );
    let json = serde_json::to_string(&report).expect("serializes");
    assert!(
        json.len() < 3 * huge.len(),
        "the report stays proportional to the input: {} bytes for {}",
        json.len(),
        huge.len()
    );
    assert!(
        figures.not_compared > 0 && figures.only_here.len() <= figures.sentences,
        "what was not compared is not counted as only here: {} of {} compared",
        figures.only_here.len(),
        figures.sentences
    );
    assert!(
        report.overview.sources[1].omits.is_empty()
            && report
                .groups
                .iter()
                .all(|g| !g.missing.contains(&SourceId::new(1))
                    || g.member_of(SourceId::new(0)).is_some()),
        "the small source leaves out nothing that was never compared"
    );
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
        text.contains("[-Wednesday-]{!Tuesday!}") || text.contains("[-Tuesday-]{!Wednesday!}"),
        "{text}"
    );
    assert!(
        text.contains("{~as you know~}") || text.contains("{~And~}"),
        "{text}"
    );
}

#[test]
fn the_engine_compares_at_most_max_sources_and_says_so_for_the_rest() {
    let texts: Vec<String> = (0..crosscheck_engine::config::MAX_SOURCES + 2)
        .map(|i| format!("Source {i} says the talks went well. It adds detail {i}."))
        .collect();
    let sources: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| source(&format!("s{i}"), t))
        .collect();
    let report = compare(&sources, &Config::default());
    let past: Vec<Option<SourceId>> = report
        .notices
        .iter()
        .filter(|n| n.message.contains("past the limit of 100 sources"))
        .map(|n| n.source)
        .collect();
    assert_eq!(past, [Some(SourceId::new(100)), Some(SourceId::new(101))]);
    assert!(report.sources[101].sentences.iter().all(|s| s.coarse));
    assert!(report.sources[99].sentences.iter().all(|s| !s.coarse));
}
