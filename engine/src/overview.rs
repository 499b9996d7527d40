//! Figures about a whole report: who covers what, how alike the sources are, what each adds or leaves out.
//!
//! Everything here is derived from a [`Report`]'s groups alone. [`crate::compare`]
//! runs [`overview`] once, as its last step, and hands the figures out as
//! [`Report::overview`] (the types are in `report/overview.rs`), so the app,
//! its worker and the CLI's JSON read the same numbers and none computes them
//! again. [`coverage`] and [`omits`] answer for one group and source, for the
//! app's coverage matrix and filters and the classroom worksheet.

use serde::{Deserialize, Serialize};

use crate::report::{Group, Overview, Relation, Report, SourceFigures, SourceId, Status};

/// How one source stands toward one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    /// It reports the information, with no detail in conflict (in other
    /// words, or with a detail of its own, is still the same report).
    Same,
    /// It reports the information with a detail in conflict: its own is in
    /// conflict with the reference's, or it is the reference and a member's
    /// detail is in conflict with its own.
    Conflict,
    /// It may carry the information in a sentence of another group (a
    /// possibly related pair): not counted as leaving it out.
    Elsewhere,
    /// It does not report it among its compared sentences, and some of its
    /// sentences were not compared (past the work limits): unknown, never
    /// counted as leaving it out.
    NotCompared,
    /// It does not report the information.
    NotReported,
}

/// How `source` stands toward `group`.
pub fn coverage(group: &Group, source: SourceId) -> Coverage {
    let conflicts = |relation: Relation| match relation {
        Relation::Conflict => true,
        Relation::Reference => group
            .members
            .iter()
            .any(|m| m.relation == Relation::Conflict),
        Relation::Same | Relation::Adds => false,
    };
    match group.member_of(source) {
        Some(member) if conflicts(member.relation) => Coverage::Conflict,
        Some(_) => Coverage::Same,
        None if group.elsewhere.iter().any(|e| e.source == source) => Coverage::Elsewhere,
        None if group.not_compared.contains(&source) => Coverage::NotCompared,
        None => Coverage::NotReported,
    }
}

/// Whether `source` leaves `group` out while at least `others` other sources report it.
pub fn omits(group: &Group, source: SourceId, others: usize) -> bool {
    coverage(group, source) == Coverage::NotReported && group.coverage() >= others
}

/// Computes the overview of a report from its groups (whatever its own
/// [`Report::overview`] holds): what [`crate::compare`] attaches to it.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub fn overview(report: &Report) -> Overview {
    let count = report.sources.len();
    let sources = report
        .source_ids()
        .map(|source| figures(report, source))
        .collect();
    let reports: Vec<Vec<bool>> = report
        .source_ids()
        .map(|source| {
            report
                .groups
                .iter()
                .map(|g| g.member_of(source).is_some())
                .collect()
        })
        .collect();
    let similarity = (0..count)
        .map(|a| {
            (0..count)
                .map(|b| jaccard(&reports[a], &reports[b]))
                .collect()
        })
        .collect();
    Overview {
        sources,
        similarity,
    }
}

fn figures(report: &Report, source: SourceId) -> SourceFigures {
    let Some(sentences) = report.source(source).map(|s| &s.sentences) else {
        return SourceFigures::default();
    };
    let boilerplate = sentences.iter().filter(|s| s.boilerplate).count();
    let coarse = sentences.iter().filter(|s| s.coarse);
    let content = sentences.len() - boilerplate - coarse.clone().count();
    let mut figures = SourceFigures {
        sentences: content,
        boilerplate,
        not_compared: coarse.map(|s| s.text.split_whitespace().count()).sum(),
        ..SourceFigures::default()
    };
    let mut shared_sentences = 0;
    for group in &report.groups {
        let member = group.member_of(source);
        match (member, group.status) {
            // What another source may carry in one of its sentences is not "only here".
            // Nor what a source whose sentences were not all compared may carry.
            (Some(_), Status::Unique)
                if group.elsewhere.is_empty() && group.not_compared.is_empty() =>
            {
                figures.only_here.push(group.id)
            }
            (Some(_), Status::Unique) => {}
            (Some(_), _) => {
                shared_sentences += group.members_of(source).count();
                if coverage(group, source) == Coverage::Conflict {
                    figures.conflicts.push(group.id);
                }
            }
            (None, _) if omits(group, source, 2) => figures.omits.push(group.id),
            (None, _) => {}
        }
    }
    figures.shared_share = if content == 0 {
        0.0
    } else {
        shared_sentences as f32 / content as f32
    };
    figures
}

fn jaccard(a: &[bool], b: &[bool]) -> f32 {
    let both = a.iter().zip(b).filter(|(x, y)| **x && **y).count();
    let either = a.iter().zip(b).filter(|(x, y)| **x || **y).count();
    if either == 0 {
        0.0
    } else {
        both as f32 / either as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Source, compare, seeds};

    fn source(id: &str, text: &str) -> Source {
        Source {
            id: id.into(),
            text: text.into(),
            ..Source::default()
        }
    }

    #[test]
    fn a_source_that_leaves_out_what_two_others_report_omits_it() {
        let report = compare(
            &[
                source(
                    "a",
                    "The ceasefire would last thirty days under the American proposal.",
                ),
                source(
                    "b",
                    "Under the American proposal the ceasefire would last thirty days.",
                ),
                source(
                    "c",
                    "Zelensky addressed the nation in a nightly video on Monday evening.",
                ),
            ],
            &Config::default(),
        );
        let view = &report.overview;
        assert_eq!(view.sources[2].omits.len(), 1, "{report:#?}");
        assert_eq!(view.sources[2].only_here.len(), 1);
        assert_eq!(view.sources[0].shared_share, 1.0);
        assert_eq!(view.similarity[0][1], 1.0);
        assert_eq!(view.similarity[0][2], 0.0);
    }

    #[test]
    fn compare_attaches_the_overview_and_a_report_without_one_reads_as_empty() {
        let report = compare(&seeds::bundled(), &Config::default());
        assert_eq!(report.overview, overview(&report));
        let mut json = serde_json::to_value(&report).expect("serializes");
        json.as_object_mut().expect("object").remove("overview");
        let back: Report = serde_json::from_value(json).expect("reads a report without overview");
        assert_eq!(back.overview, Overview::default());
        assert_eq!(overview(&back), report.overview);
    }

    #[test]
    fn seed_figures_are_consistent_with_the_groups() {
        let report = compare(&seeds::bundled(), &Config::default());
        let view = &report.overview;
        assert_eq!(view.sources.len(), 5);
        for (index, figures) in view.sources.iter().enumerate() {
            assert!(figures.shared_share > 0.0 && figures.shared_share <= 1.0);
            assert_eq!(view.similarity[index][index], 1.0);
            for &group in &figures.omits {
                assert_eq!(
                    coverage(&report.groups[group.index()], SourceId::new(index)),
                    Coverage::NotReported
                );
            }
        }
        assert!(
            view.sources[0].boilerplate >= 3,
            "the Washington Times clutter is boilerplate"
        );
    }
}
