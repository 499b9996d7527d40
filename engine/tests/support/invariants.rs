//! What every report must satisfy, checked by the property and edge-case tests.

#![allow(dead_code)]

use crosscheck_engine::report::SCHEMA;
use crosscheck_engine::{MarkKind, Report, Source, Status};

/// Panics with a message when `report` breaks an invariant of the report format.
pub fn check(sources: &[Source], report: &Report) {
    assert_eq!(report.schema, SCHEMA);
    assert_eq!(report.sources.len(), sources.len());
    let mut membership: Vec<Vec<usize>> = report
        .sources
        .iter()
        .map(|s| vec![0; s.sentences.len()])
        .collect();
    for (g, group) in report.groups.iter().enumerate() {
        assert_eq!(group.id, g);
        assert!(!group.members.is_empty());
        assert!(group.reference < group.members.len());
        assert_eq!(
            group.status == Status::Unique,
            group.members.len() == 1,
            "group {g}"
        );
        for e in &group.elsewhere {
            assert!(
                !group.members.iter().any(|m| m.source == e.source),
                "elsewhere lists only non-members"
            );
            assert!(!group.missing.contains(&e.source));
        }
        let mut seen_sources = Vec::new();
        for member in &group.members {
            assert!(
                !seen_sources.contains(&member.source),
                "one sentence per source per group"
            );
            seen_sources.push(member.source);
            assert!(!group.missing.contains(&member.source));
            membership[member.source][member.sentence] += 1;
            let sentence = &report.sources[member.source].sentences[member.sentence];
            assert_eq!(sentence.group, Some(g));
            let text = &sources[member.source].text;
            let mut at = sentence.start;
            for mark in &member.marks {
                assert_eq!(mark.start, at, "marks are contiguous");
                assert!(
                    mark.start < mark.end
                        && text.is_char_boundary(mark.start)
                        && text.is_char_boundary(mark.end)
                );
                at = mark.end;
                if let Some(span) = mark.against {
                    let r = &group.members[group.reference];
                    let reference = &report.sources[r.source].sentences[r.sentence];
                    assert!(reference.start <= span.start && span.end <= reference.end);
                    assert_eq!(mark.kind, MarkKind::Differs);
                }
            }
            assert_eq!(at, sentence.end, "marks cover the sentence");
        }
    }
    for (s, source) in report.sources.iter().enumerate() {
        let text = &sources[s].text;
        let mut previous_end = 0;
        for (i, sentence) in source.sentences.iter().enumerate() {
            assert!(sentence.start < sentence.end && sentence.end <= text.len());
            assert!(sentence.start >= previous_end, "sentences do not overlap");
            previous_end = sentence.end;
            assert!(text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end));
            assert_eq!(sentence.text, text[sentence.start..sentence.end]);
            let expected = if sentence.boilerplate { 0 } else { 1 };
            assert_eq!(
                membership[s][i], expected,
                "sentence {s}/{i} is in {} groups",
                membership[s][i]
            );
            assert_eq!(sentence.boilerplate, sentence.group.is_none());
        }
        for &g in &source.omitted {
            assert!(report.groups[g].missing.contains(&s));
        }
    }
    let json = serde_json::to_string(report).expect("serializes");
    let back: Report = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(&back, report);
}
