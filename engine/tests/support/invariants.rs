//! What every report must satisfy, checked by the property and edge-case tests.

#![allow(dead_code)]

use crosscheck_engine::overview::overview;
use crosscheck_engine::report::{At, Flag, QuoteRelation, SCHEMA};
use crosscheck_engine::{
    Config, GroupId, MarkKind, Report, SentenceId, Source, SourceId, Status, compare,
};

/// A source with just an id and a text.
pub fn source(id: &str, text: &str) -> Source {
    Source {
        id: id.into(),
        text: text.into(),
        ..Source::default()
    }
}

/// Compares the texts (sources `s0`, `s1`, …) with the default options, checks
/// the report's invariants and returns both.
pub fn compared(texts: &[&str]) -> (Vec<Source>, Report) {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| source(&format!("s{i}"), t))
        .collect();
    let report = compare(&sources, &Config::default());
    check(&sources, &report);
    (sources, report)
}

/// Panics with a message when `report` breaks an invariant of the report format.
pub fn check(sources: &[Source], report: &Report) {
    assert_eq!(report.schema, SCHEMA);
    assert_eq!(report.sources.len(), sources.len());
    let mut membership: Vec<Vec<usize>> = report
        .sources
        .iter()
        .map(|s| vec![0; s.sentences.len()])
        .collect();
    for (g, group) in GroupId::all(report.groups.len()).zip(&report.groups) {
        assert_eq!(group.id, g);
        assert!(!group.members.is_empty());
        assert!(group.reference < group.members.len());
        let mut sources_in: Vec<SourceId> = group.members.iter().map(|m| m.source).collect();
        sources_in.dedup();
        assert_eq!(
            group.status == Status::Unique,
            sources_in.len() == 1,
            "group {g}"
        );
        assert!(
            (0.0..=1.0).contains(&group.score),
            "group {g} score {}",
            group.score
        );
        // The reference source's sentences, which `against` spans point into.
        let reference_source = group.members[group.reference].source;
        let reference_span = group
            .members
            .iter()
            .filter(|m| m.source == reference_source)
            .filter_map(|m| report.sentence(m.source, m.sentence))
            .fold((usize::MAX, 0), |(start, end), s| {
                (start.min(s.start), end.max(s.end))
            });
        for e in &group.elsewhere {
            assert!(
                !group.members.iter().any(|m| m.source == e.source),
                "elsewhere lists only non-members"
            );
            assert!(!group.missing.contains(&e.source));
        }
        let mut seen: Vec<(SourceId, SentenceId)> = Vec::new();
        for member in &group.members {
            if let Some(&(_, previous)) = seen.iter().rev().find(|(s, _)| *s == member.source) {
                assert_eq!(
                    previous.index() + 1,
                    member.sentence.index(),
                    "a second sentence of a source in a group is the next sentence"
                );
                assert_eq!(
                    seen.iter().filter(|(s, _)| *s == member.source).count(),
                    1,
                    "at most two sentences per source and group"
                );
            }
            seen.push((member.source, member.sentence));
            assert!(!group.missing.contains(&member.source));
            membership[member.source.index()][member.sentence.index()] += 1;
            let sentence = report
                .sentence(member.source, member.sentence)
                .expect("a member's sentence is in the report");
            assert_eq!(sentence.group, Some(g));
            let text = &sources[member.source.index()].text;
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
                    assert!(reference_span.0 <= span.start && span.end <= reference_span.1);
                    assert_ne!(
                        mark.kind,
                        MarkKind::Shared,
                        "only changed words replace words"
                    );
                }
            }
            assert_eq!(at, sentence.end, "marks cover the sentence");
        }
    }
    for related in &report.related {
        let [a, b] = related.members;
        assert_ne!(a.source, b.source, "related pairs join different sources");
        assert!((0.0..=1.0).contains(&related.score));
        let group = |m: crosscheck_engine::report::RelatedMember| {
            report.sentence(m.source, m.sentence).and_then(|s| s.group)
        };
        assert!(
            group(a).is_some() && group(a) != group(b),
            "related pairs are in different groups"
        );
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
            // A content sentence is in one group; clutter and sentences not compared in none.
            let in_none = sentence.boilerplate || sentence.coarse;
            let expected = if in_none { 0 } else { 1 };
            assert_eq!(
                membership[s][i], expected,
                "sentence {s}/{i} is in {} groups",
                membership[s][i]
            );
            assert_eq!(in_none, sentence.group.is_none());
        }
        for &g in &source.omitted {
            assert!(report.groups[g.index()].missing.contains(&SourceId::new(s)));
        }
    }
    check_facts(sources, report);
    assert_eq!(
        report.overview,
        overview(report),
        "the overview is the groups' figures"
    );
    let json = serde_json::to_string(report).expect("serializes");
    let back: Report = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(&back, report);
}

/// Where an item of the facts section may end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Inside its sentence.
    Sentence,
    /// Anywhere after its start in the source (shared wording runs on).
    Source,
}

/// Panics unless `at` is a valid byte range of its source, starting in its sentence, with that sentence's group.
fn check_at(sources: &[Source], report: &Report, at: &At, reach: Reach, what: &str) {
    let text = &sources[at.source.index()].text;
    let sentence = report
        .sentence(at.source, at.sentence)
        .expect("an item's sentence is in the report");
    assert!(at.start <= at.end && at.end <= text.len(), "{what}: range");
    assert!(
        text.is_char_boundary(at.start) && text.is_char_boundary(at.end),
        "{what}: boundaries"
    );
    assert!(
        sentence.start <= at.start && at.start <= sentence.end,
        "{what}: starts in its sentence"
    );
    if reach == Reach::Sentence {
        assert!(at.end <= sentence.end, "{what}: ends in its sentence");
    }
    assert_eq!(at.group, sentence.group, "{what}: group of its sentence");
}

fn slice<'a>(sources: &'a [Source], at: &At) -> &'a str {
    &sources[at.source.index()].text[at.start..at.end]
}

/// Panics when a flag names a source that does not exist or breaks its group rule.
fn check_flag(sources: &[Source], report: &Report, flag: &Flag) {
    assert!(!flag.sides.is_empty(), "a flag has sides");
    let reach = if flag.kind == crosscheck_engine::FlagKind::SharedWording {
        Reach::Source
    } else {
        Reach::Sentence
    };
    for side in &flag.sides {
        check_at(sources, report, &side.at, reach, "flag side");
        assert_eq!(side.text, slice(sources, &side.at), "flag side text");
    }
    if let Some(g) = flag.group {
        assert!(g.index() < report.groups.len());
        assert!(
            flag.sides.iter().all(|s| s.at.group == Some(g)),
            "flag group is the sides' group"
        );
    }
    // Every placeholder names a report source.
    let filled = flag.explain(|n| {
        assert!(
            n.index() < sources.len(),
            "placeholder {{{n}}} names no source"
        );
        String::new()
    });
    assert!(!filled.is_empty());
    if let Some(q) = flag.quote_group {
        assert!(q < report.facts.quote_groups.len());
    }
}

/// Panics when the facts section breaks an invariant of the report format.
pub fn check_facts(sources: &[Source], report: &Report) {
    let facts = &report.facts;
    for q in &facts.quantities {
        check_at(sources, report, &q.at, Reach::Sentence, "quantity");
        assert_eq!(q.text, slice(sources, &q.at));
        assert!(q.value.is_finite() && q.low.is_finite());
        if let Some(high) = q.high {
            assert!(high.is_finite() && q.low <= high, "quantity range");
        }
    }
    for d in &facts.dates {
        check_at(sources, report, &d.at, Reach::Sentence, "date");
        assert_eq!(d.text, slice(sources, &d.at));
    }
    for (i, entry) in facts.names.iter().enumerate() {
        assert_eq!(entry.id, i);
        assert!(!entry.forms.is_empty() && !entry.mentions.is_empty());
        for m in &entry.mentions {
            check_at(sources, report, m, Reach::Sentence, "name mention");
        }
    }
    for (i, q) in facts.quotes.iter().enumerate() {
        check_at(sources, report, &q.at, Reach::Sentence, "quote");
        assert_eq!(q.text, slice(sources, &q.at));
        if let Some(n) = q.speaker_name {
            assert_eq!(q.speaker.as_deref(), Some(facts.names[n].name.as_str()));
        }
        if let Some(g) = q.quote_group {
            assert!(
                facts.quote_groups[g]
                    .members
                    .iter()
                    .any(|m| m.quote == Some(i))
            );
        }
    }
    for (i, group) in facts.quote_groups.iter().enumerate() {
        assert_eq!(group.id, i);
        assert!(group.members.len() >= 2, "a quote group has two members");
        let references = group
            .members
            .iter()
            .filter(|m| m.relation == QuoteRelation::Reference)
            .count();
        assert_eq!(references, 1);
        assert_eq!(
            group.members[group.reference].relation,
            QuoteRelation::Reference
        );
        let reference = group.members[group.reference].at;
        for member in &group.members {
            check_at(sources, report, &member.at, Reach::Sentence, "quote member");
            if let Some(q) = member.quote {
                assert_eq!(facts.quotes[q].at, member.at);
            }
            let mut at = member.at.start;
            for mark in &member.marks {
                assert_eq!(mark.start, at, "quote marks are contiguous");
                at = mark.end;
                if let Some(span) = mark.against {
                    assert!(reference.start <= span.start && span.end <= reference.end);
                }
            }
            if !member.marks.is_empty() {
                assert_eq!(at, member.at.end, "quote marks cover the quote");
            }
        }
    }
    for pair in &facts.shared_wording {
        assert!(pair.sources.len() == 2 && pair.sources[0] < pair.sources[1]);
        assert!(pair.shares.iter().all(|s| (0.0..=1.0).contains(s)));
        for run in &pair.runs {
            for (side, &source) in run.sides.iter().zip(&pair.sources) {
                assert_eq!(side.source, source);
                check_at(sources, report, side, Reach::Source, "shared run");
            }
            assert_eq!(run.text, slice(sources, &run.sides[0]));
        }
    }
    for flag in &facts.flags {
        check_flag(sources, report, flag);
    }
}
