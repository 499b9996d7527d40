//! The classroom kit on the seed set, as a teacher sees it: the worksheet key and the default questions with their keys (both reviewed by hand), and totality on any text.

use std::fmt::Write;

use crosscheck_engine::classroom::{self, Question};
use crosscheck_engine::{Config, Report, SentenceId, Source, SourceId, compare, seeds};
use proptest::prelude::*;

fn seed_report() -> Report {
    compare(&seeds::bundled(), &Config::default())
}

/// Source letters as the app shows them.
fn letter(n: SourceId) -> String {
    char::from_u32(u32::from(b'A') + n.index() as u32)
        .map_or_else(|| format!("[{n}]"), String::from)
}

/// Every question with its prompt, key lines and groups.
fn exercise_text(report: &Report, questions: &[Question]) -> String {
    let mut out = String::new();
    for (i, question) in questions.iter().enumerate() {
        let key = question.key(report);
        let _ = writeln!(out, "{}. {}", i + 1, question.prompt(report, letter));
        for line in key.filled(letter) {
            let _ = writeln!(out, "   {line}");
        }
        let _ = writeln!(out, "   groups: {:?}\n", key.groups);
    }
    out
}

/// Reviewed: every entry is one a careful teacher would accept for the key
/// (see docs/classroom.md for what each column holds).
#[test]
fn seed_worksheet() {
    insta::assert_snapshot!(classroom::worksheet(&seed_report()).to_text_named(letter));
}

/// Reviewed: the default questions for the seed set and their keys.
#[test]
fn seed_templates() {
    let report = seed_report();
    insta::assert_snapshot!(exercise_text(&report, &classroom::templates(&report)));
}

fn sources(texts: &[String]) -> Vec<Source> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Source {
            id: format!("s{i}"),
            text: text.clone(),
            ..Source::default()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Worksheets, templates and keys never panic, whatever the text, and
    /// every key names only sources of the report.
    #[test]
    fn classroom_kit_is_total(texts in prop::collection::vec("(?s).{0,300}", 0..4)) {
        let report = compare(&sources(&texts), &Config::default());
        let sheet = classroom::worksheet(&report);
        prop_assert_eq!(sheet.rows.len(), report.sources.len());
        let _ = sheet.to_text();
        let mut questions = classroom::templates(&report);
        questions.push(Question::LeftOut { source: SourceId::new(9) });
        questions.push(Question::OnlyIn { source: SourceId::new(9) });
        for (source, sentence) in [(0, 0), (usize::MAX, usize::MAX)] {
            questions.push(Question::WhichSourcesReport {
                anchor: classroom::SentenceAnchor {
                    source: SourceId::new(source),
                    sentence: SentenceId::new(sentence),
                },
            });
        }
        for question in &questions {
            let key = question.key(&report);
            for group in &key.groups {
                prop_assert!(group.index() < report.groups.len());
            }
            let _ = question.prompt(&report, |n| n.to_string());
        }
    }
}
