//! A person's corrections to the pairing (issue #16), applied to the seed set: each case names sentences by a few of their words and shows the rows that hold them afterwards.
//!
//! A row is shown as its sources' letters (A–E, the seed order) and how it
//! came to be: `[A C E]`, `[A C] corrected`; a sentence of one source in two
//! rows shows both. The seeds' "I will be speaking to President Putin on
//! Tuesday" row holds E's sentence about a speech Putin gave: the wrong row
//! a teacher met first.

use crosscheck_engine::classroom::{Question, SentenceAnchor};
use crosscheck_engine::{
    Config, Correction, CorrectionResult, NoticeKind, ReferenceChoice, Report, SentenceRef,
    SourceId, compare, seeds,
};

/// The sentence of seed `source` (0 = A) holding `words`, as a correction names it.
fn sentence(report: &Report, source: usize, words: &str) -> SentenceRef {
    let id = SourceId::new(source);
    let at = report.sources[source]
        .sentences
        .iter()
        .position(|s| s.text.contains(words))
        .unwrap_or_else(|| panic!("no sentence of {source} holds {words:?}"));
    SentenceRef::of(report, id, crosscheck_engine::SentenceId::new(at)).expect("in the report")
}

/// The row holding `r`: its sources' letters and whether a person had a hand in it.
fn row_of(report: &Report, r: &SentenceRef) -> String {
    let Some((source, sentence)) = r.locate(report) else {
        return "not in the report".into();
    };
    let Some(group) = report.sentence(source, sentence).and_then(|s| s.group) else {
        return "in no row".into();
    };
    let group = report.group(group).expect("group");
    let letters: Vec<String> = group
        .sources()
        .into_iter()
        .map(|s| char::from(b'A' + s.index() as u8).to_string())
        .collect();
    let by_hand = group
        .by_hand
        .map_or(String::new(), |b| format!(" {}", b.as_str()));
    format!("[{}]{by_hand}", letters.join(" "))
}

/// Compares the seeds with `corrections` (made from the uncorrected report)
/// and checks the rows holding `shown`, in order, and each correction's result.
fn check(
    corrections: impl Fn(&Report) -> Vec<Correction>,
    shown: impl Fn(&Report) -> Vec<SentenceRef>,
    expect: &[&str],
    results: &[CorrectionResult],
) -> Report {
    let sources = seeds::bundled();
    let plain = compare(&sources, &Config::default());
    let config = Config {
        corrections: corrections(&plain),
        ..Config::default()
    };
    let report = compare(&sources, &config);
    let rows: Vec<String> = shown(&plain).iter().map(|r| row_of(&report, r)).collect();
    assert_eq!(rows, expect);
    let got: Vec<CorrectionResult> = report.corrections.iter().map(|o| o.result).collect();
    assert_eq!(got, results);
    report
}

const TUESDAY: &str = "I will be speaking to President Putin on Tuesday";
const SPEECH: &str = "Putin delivered a speech criticizing";
const TALKS: &str = "is to hold talks on Tuesday with Russian President";

fn tuesday(r: &Report) -> SentenceRef {
    sentence(r, 0, TUESDAY)
}

fn speech(r: &Report) -> SentenceRef {
    sentence(r, 4, SPEECH)
}

fn talks(r: &Report) -> SentenceRef {
    sentence(r, 1, TALKS)
}

#[test]
fn without_corrections_the_speech_sits_in_the_tuesday_row() {
    check(
        |_| vec![],
        |r| vec![tuesday(r), speech(r)],
        &["[A C E]", "[A C E]"],
        &[],
    );
}

#[test]
fn take_out_makes_the_speech_a_row_of_its_own() {
    check(
        |r| {
            vec![Correction::TakeOut {
                sentence: speech(r),
            }]
        },
        |r| vec![tuesday(r), speech(r)],
        &["[A C] corrected", "[E] corrected"],
        &[CorrectionResult::Applied],
    );
}

#[test]
fn a_possibly_related_sentence_moves_into_the_row() {
    check(
        |r| {
            vec![
                Correction::TakeOut {
                    sentence: speech(r),
                },
                Correction::Move {
                    sentence: talks(r),
                    into: tuesday(r),
                },
            ]
        },
        |r| vec![tuesday(r), talks(r)],
        &["[A B C] corrected", "[A B C] corrected"],
        &[CorrectionResult::Applied, CorrectionResult::Applied],
    );
}

#[test]
fn joining_rows_brings_their_sentences_together() {
    check(
        |r| {
            vec![Correction::Join {
                sentence: tuesday(r),
                with: talks(r),
            }]
        },
        |r| vec![tuesday(r)],
        // B's row (B and D) holds none of A, C or E, so all of it joins.
        &["[A B C D E] corrected"],
        &[CorrectionResult::Applied],
    );
}

#[test]
fn not_the_same_takes_a_sentence_out_and_its_suggestion_away() {
    let report = check(
        |r| {
            vec![
                Correction::Apart {
                    sentence: speech(r),
                    from: tuesday(r),
                },
                Correction::Apart {
                    sentence: talks(r),
                    from: tuesday(r),
                },
            ]
        },
        |r| vec![tuesday(r), speech(r)],
        &["[A C] corrected", "[E] corrected"],
        &[CorrectionResult::Applied, CorrectionResult::Applied],
    );
    let (source, sentence) = tuesday(&report).locate(&report).expect("there");
    let group = report.sentence(source, sentence).and_then(|s| s.group);
    let row = report.group(group.expect("a row")).expect("group");
    let (b, talks_at) = talks(&report).locate(&report).expect("there");
    assert!(
        row.elsewhere
            .iter()
            .all(|e| (e.source, e.sentence) != (b, talks_at)),
        "B's sentence is no longer suggested: {:?}",
        row.elsewhere
    );
}

#[test]
fn a_confirmed_row_says_so() {
    check(
        |r| {
            vec![Correction::Confirm {
                sentence: tuesday(r),
            }]
        },
        |r| vec![tuesday(r)],
        &["[A C E] confirmed"],
        &[CorrectionResult::Applied],
    );
}

#[test]
fn a_correction_whose_sentence_changed_is_dropped_with_a_notice() {
    let report = check(
        |r| {
            let mut edited = speech(r);
            edited.text = edited.text.replace("speech", "talk");
            vec![Correction::TakeOut { sentence: edited }]
        },
        |r| vec![speech(r)],
        &["[A C E]"],
        &[CorrectionResult::NoLongerFits],
    );
    let notice = report
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::CorrectionDropped)
        .expect("a notice");
    assert!(
        notice
            .message
            .starts_with("Correction 1 was not applied: the sentence “Earlier on Tuesday,"),
        "{}",
        notice.message
    );
}

#[test]
fn a_sentence_found_elsewhere_in_an_edited_article_is_still_corrected() {
    let mut sources = seeds::bundled();
    let plain = compare(&sources, &Config::default());
    let fix = Correction::TakeOut {
        sentence: speech(&plain),
    };
    sources[4].text.insert_str(0, "A line added on top.\n\n");
    let report = compare(
        &sources,
        &Config {
            corrections: vec![fix],
            ..Config::default()
        },
    );
    assert_eq!(report.corrections[0].result, CorrectionResult::Applied);
    assert_eq!(row_of(&report, &speech(&report)), "[E] corrected");
}

#[test]
fn corrections_survive_another_reference_and_wait_while_a_source_is_off() {
    let sources = seeds::bundled();
    let plain = compare(&sources, &Config::default());
    let fixes = vec![Correction::TakeOut {
        sentence: speech(&plain),
    }];
    let by_c = compare(
        &sources,
        &Config {
            corrections: fixes.clone(),
            reference: ReferenceChoice::Source(SourceId::new(2)),
            ..Config::default()
        },
    );
    assert_eq!(row_of(&by_c, &tuesday(&by_c)), "[A C] corrected");
    let without_e = compare(
        &sources[..4],
        &Config {
            corrections: fixes,
            ..Config::default()
        },
    );
    assert_eq!(without_e.corrections[0].result, CorrectionResult::NotInPlay);
    assert!(
        without_e
            .notices
            .iter()
            .all(|n| n.kind != NoticeKind::CorrectionDropped)
    );
}

#[test]
fn the_answer_key_follows_the_corrected_rows() {
    let sources = seeds::bundled();
    let plain = compare(&sources, &Config::default());
    let (source, sentence) = tuesday(&plain).locate(&plain).expect("there");
    let question = Question::WhichSourcesReport {
        anchor: SentenceAnchor { source, sentence },
    };
    let before = question.key(&plain).filled(|s| s.to_string()).join(" ");
    assert!(
        before.starts_with("Sources 0, 2 and 4 report it"),
        "E is in the key before: {before}"
    );
    let corrected = compare(
        &sources,
        &Config {
            corrections: vec![Correction::TakeOut {
                sentence: speech(&plain),
            }],
            ..Config::default()
        },
    );
    let after = question.key(&corrected).filled(|s| s.to_string()).join(" ");
    assert!(
        after.starts_with("Sources 0 and 2 report it"),
        "E is not in the key after: {after}"
    );
}
