//! Which grid rows to show and in what order: the filter, the search and the ordering applied to a report.
//!
//! Pure functions of the report and the UI state, tested natively.

use crosscheck_engine::overview::{Coverage, coverage};
use crosscheck_engine::{Group, GroupId, Report, SourceId, Status};

use crate::comparison::Comparison;
use crate::state::{Filter, Order, UiState};

/// What the reader chose to see in the grid: filter, search and order.
#[derive(Clone, Debug, PartialEq)]
pub struct RowChoice {
    /// The grid's filter.
    pub filter: Filter,
    /// The search text.
    pub query: String,
    /// The row order.
    pub order: Order,
}

impl RowChoice {
    /// The grid's part of the UI state.
    pub fn of(state: &UiState) -> RowChoice {
        RowChoice {
            filter: state.filter,
            query: state.query.clone(),
            order: state.order,
        }
    }
}

/// Group ids to show in the grid, in display order.
pub fn grid_rows(comparison: &Comparison, state: &RowChoice) -> Vec<GroupId> {
    let report = &comparison.report;
    let filter = report_filter(comparison, state.filter);
    let needle = state.query.trim().to_lowercase();
    let mut rows: Vec<GroupId> = report
        .groups
        .iter()
        .filter(|group| filter.is_some_and(|f| keeps(group, f)))
        .filter(|group| needle.is_empty() || mentions(report, group, &needle))
        .map(|group| group.id)
        .collect();
    if let Order::SourceOrder(set_index) = state.order
        && let Some(source) = comparison.report_index(set_index)
    {
        crosscheck_engine::order::sort_by(&mut rows, |&id| {
            let (side, position) = report
                .group(id)
                .map_or((2, 0), |group| position_in(group, source));
            [side as u64, position as u64, 0, 0]
        });
    }
    rows
}

/// The filter in report indices; `None` when it names a source not in play (shows nothing).
#[derive(Clone, Copy)]
enum ReportFilter {
    All,
    Status(Status),
    OmittedBy(SourceId),
}

fn report_filter(comparison: &Comparison, filter: Filter) -> Option<ReportFilter> {
    Some(match filter {
        Filter::All => ReportFilter::All,
        Filter::Conflict => ReportFilter::Status(Status::Conflict),
        Filter::Adds => ReportFilter::Status(Status::Adds),
        Filter::Same => ReportFilter::Status(Status::Same),
        Filter::Unique => ReportFilter::Status(Status::Unique),
        Filter::OmittedBy(set) => ReportFilter::OmittedBy(comparison.report_index(set)?),
    })
}

fn keeps(group: &Group, filter: ReportFilter) -> bool {
    match filter {
        ReportFilter::All => true,
        ReportFilter::Status(status) => group.status == status,
        ReportFilter::OmittedBy(source) => coverage(group, source) == Coverage::NotReported,
    }
}

/// Whether any member sentence contains the (lower-case) needle.
fn mentions(report: &Report, group: &Group, needle: &str) -> bool {
    group.members.iter().any(|m| {
        report
            .sentence(m.source, m.sentence)
            .is_some_and(|s| s.text.to_lowercase().contains(needle))
    })
}

/// Sort key for "in this source's order": its sentence number, or after all of them.
fn position_in(group: &Group, source: SourceId) -> (usize, usize) {
    match group.member_of(source) {
        Some(member) => (0, member.sentence.index()),
        None => (1, group.id.index()),
    }
}

/// How many rows each filter would show, for the filter buttons.
pub fn filter_counts(comparison: &Comparison) -> [(Filter, usize); 5] {
    let count = |status: Status| {
        comparison
            .report
            .groups
            .iter()
            .filter(|g| g.status == status)
            .count()
    };
    [
        (Filter::All, comparison.report.groups.len()),
        (Filter::Conflict, count(Status::Conflict)),
        (Filter::Adds, count(Status::Adds)),
        (Filter::Same, count(Status::Same)),
        (Filter::Unique, count(Status::Unique)),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::rc::Rc;

    use super::*;
    use crate::comparison::ArticleIndex;
    use crate::state::Action;
    use yew::Reducible;

    fn a(index: usize) -> ArticleIndex {
        ArticleIndex::new(index)
    }

    fn seeds(excluded: &[usize]) -> Comparison {
        let excluded: BTreeSet<ArticleIndex> = excluded.iter().map(|&i| a(i)).collect();
        Comparison::new(
            Rc::new(crosscheck_engine::seeds::bundled()),
            &excluded,
            None,
        )
    }

    fn check(
        comparison: &Comparison,
        actions: &[Action],
        expect: impl Fn(&Comparison, Vec<GroupId>),
    ) {
        let state = actions
            .iter()
            .cloned()
            .fold(Rc::new(UiState::default()), |s, a| s.reduce(a));
        expect(comparison, grid_rows(comparison, &RowChoice::of(&state)));
    }

    #[test]
    fn all_rows_in_coverage_order_by_default() {
        check(&seeds(&[]), &[], |c, rows| {
            assert_eq!(rows.len(), c.report.groups.len());
            assert!(
                rows.windows(2)
                    .all(|w| c.report.groups[w[0].index()].coverage()
                        >= c.report.groups[w[1].index()].coverage())
            );
        });
    }

    #[test]
    fn status_filters_keep_only_that_status() {
        check(&seeds(&[]), &[Action::Filter(Filter::Adds)], |c, rows| {
            assert!(!rows.is_empty());
            assert!(
                rows.iter()
                    .all(|&id| c.report.groups[id.index()].status == Status::Adds)
            );
        });
    }

    #[test]
    fn omitted_by_lists_groups_missing_that_source() {
        check(&seeds(&[]), &[Action::ShowOmittedBy(a(4))], |c, rows| {
            assert!(!rows.is_empty());
            assert!(rows.iter().all(|&id| {
                c.report.groups[id.index()]
                    .missing
                    .contains(&SourceId::new(4))
            }));
        });
        check(&seeds(&[4]), &[Action::ShowOmittedBy(a(4))], |_, rows| {
            assert!(rows.is_empty())
        });
    }

    #[test]
    fn search_is_case_insensitive_over_member_sentences() {
        check(
            &seeds(&[]),
            &[Action::Search("ZAPORIZHZHIA".into())],
            |c, rows| {
                assert!(!rows.is_empty());
                for id in rows {
                    let group = &c.report.groups[id.index()];
                    assert!(group.members.iter().any(|m| {
                        c.report
                            .sentence(m.source, m.sentence)
                            .unwrap()
                            .text
                            .contains("Zaporizhzhia")
                    }));
                }
            },
        );
    }

    #[test]
    fn source_order_follows_that_source_first() {
        check(
            &seeds(&[]),
            &[Action::Order(Order::SourceOrder(a(2)))],
            |c, rows| {
                let sentences: Vec<crosscheck_engine::SentenceId> = rows
                    .iter()
                    .map_while(|&id| {
                        c.report.groups[id.index()]
                            .members
                            .iter()
                            .find(|m| m.source == SourceId::new(2))
                            .map(|m| m.sentence)
                    })
                    .collect();
                assert!(sentences.len() > 3);
                assert!(sentences.windows(2).all(|w| w[0] < w[1]));
            },
        );
    }

    #[test]
    fn excluding_a_source_maps_indices() {
        let c = seeds(&[1]);
        assert_eq!(c.report.sources.len(), 4);
        assert_eq!(c.set_index(SourceId::new(1)), a(2));
        assert_eq!(c.report_index(a(1)), None);
        assert_eq!(c.report_index(a(4)), Some(SourceId::new(3)));
    }
}
