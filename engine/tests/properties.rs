//! Property tests: `compare` never panics and its report is always well formed, whatever the text.

mod support {
    pub mod invariants;
}

use crosscheck_engine::{Config, Correction, SentenceId, SentenceRef, Source, compare};
use proptest::prelude::*;

/// Text built from pieces that stress segmentation and normalization, plus arbitrary strings.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("Trump met Putin on Tuesday. ".to_owned()),
        Just("“Quote.” ".to_owned()),
        Just("... ".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\0".to_owned()),
        Just("👍🏽 ".to_owned()),
        Just("مرحبا بالعالم. ".to_owned()),
        Just("שלום עולם. ".to_owned()),
        Just("今天很好。".to_owned()),
        Just("Kiev Kyiv Peña 1,300 ninety ".to_owned()),
        Just("Advertisement\n".to_owned()),
        Just("(AP Photo/X) ".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("“We will see. I will be speaking,” Mr. Trump said. ".to_owned()),
        Just("\"Straight quote, ".to_owned()),
        Just("” said Kremlin spokesman Dmitry Peskov. ".to_owned()),
        Just("he said, adding, “".to_owned()),
        Just("The call lasted nearly 90 minutes ".to_owned()),
        Just("over 90 minutes and an hour and a half ".to_owned()),
        Just("3½ years, $5.5 billion, 20% and hundreds of billions ".to_owned()),
        Just("on Feb. 28 and March 17, 2025, between 1 p.m. and 3 p.m. GMT ".to_owned()),
        Just("last week on Sunday evening ".to_owned()),
        Just("National Security Advisor Mike Waltz and Michael Waltz ".to_owned()),
        Just("Trump temporarily cut off aid and intelligence-sharing to Ukraine. ".to_owned()),
        Just("The Biden administration paused aid and intelligence-sharing. ".to_owned()),
        Just("four Ukrainian regions ".to_owned()),
        "[a-zA-Z .,!?\"'’“”-]{0,40}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
}

fn sources(texts: Vec<String>) -> Vec<Source> {
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Source {
            id: format!("s{i}"),
            text,
            ..Source::default()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_texts_give_a_well_formed_report(texts in prop::collection::vec(text(), 0..4)) {
        let sources = sources(texts);
        let report = compare(&sources, &Config::default());
        support::invariants::check(&sources, &report);
    }

    #[test]
    fn tiny_fact_limits_still_give_a_well_formed_report(texts in prop::collection::vec(text(), 1..4), words in 2usize..5) {
        let sources = sources(texts);
        let mut config = Config::default();
        config.facts.min_shared_words = words;
        config.facts.max_postings = 1;
        config.facts.hedge_margin = 0.0;
        let report = compare(&sources, &config);
        support::invariants::check(&sources, &report);
    }

    #[test]
    fn tiny_limits_still_give_a_well_formed_report(texts in prop::collection::vec(text(), 1..4), words in 1usize..6) {
        let sources = sources(texts);
        let mut config = Config::default();
        config.limits.max_sentence_words = words;
        config.limits.max_sentence_bytes = 16;
        config.limits.max_source_words = words * 3;
        config.limits.max_total_words = words * 5;
        config.limits.max_postings = 2;
        config.limits.max_candidates = 1;
        let report = compare(&sources, &config);
        support::invariants::check(&sources, &report);
    }

    #[test]
    fn any_corrections_give_a_well_formed_report(
        texts in prop::collection::vec(text(), 1..4),
        picks in prop::collection::vec((0usize..6, 0usize..64, 0usize..64), 0..12),
    ) {
        let sources = sources(texts);
        let plain = compare(&sources, &Config::default());
        // Sentences of the plain report (any of them: clutter, cut, unique), and one that is not there.
        let all: Vec<SentenceRef> = plain
            .source_ids()
            .flat_map(|s| {
                let count = plain.sources[s.index()].sentences.len();
                let plain = &plain;
                SentenceId::all(count).filter_map(move |i| SentenceRef::of(plain, s, i))
            })
            .chain([SentenceRef { source: "s0".into(), start: 1, end: 2, text: "gone".into() }])
            .collect();
        let pick = |i: usize| all[i % all.len()].clone();
        let corrections: Vec<Correction> = picks
            .iter()
            .map(|&(kind, a, b)| match kind {
                0 => Correction::TakeOut { sentence: pick(a) },
                1 => Correction::Move { sentence: pick(a), into: pick(b) },
                2 => Correction::Join { sentence: pick(a), with: pick(b) },
                3 => Correction::Apart { sentence: pick(a), from: pick(b) },
                _ => Correction::Confirm { sentence: pick(a) },
            })
            .collect();
        let config = Config { corrections: corrections.clone(), ..Config::default() };
        let report = compare(&sources, &config);
        support::invariants::check(&sources, &report);
        prop_assert_eq!(report.corrections.len(), corrections.len());
    }
}
