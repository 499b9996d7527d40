//! The pair view: two sources side by side, aligned sentences on one row with word marks, the rest as only in one.
//!
//! Rows follow the left source's order; what only the right source reports
//! comes after, in its order. Where one side has no sentence in a row but a
//! possibly related one elsewhere, the cell says so instead of "only in the
//! other source".

use std::rc::Rc;

use crosscheck_engine::{Group, GroupId, Report, SourceId};
use yew::prelude::*;

use crate::comparison::{ArticleIndex, Comparison, PairComparison};
use crate::components::marked::{MarkedSentence, Marking};
use crate::components::possibly::absent_cell;
use crate::components::source_name::SourceName;
use crate::components::source_picker::{SourcePickerProps, source_picker};

/// What [`pair_view`] shows, and where a new choice of sources goes.
pub struct PairViewProps {
    /// The whole set's comparison (for the source pickers).
    pub comparison: Rc<Comparison>,
    /// The two sources compared on their own.
    pub pair: Rc<PairComparison>,
    /// Picks the two sources (positions in the loaded set): left, right.
    pub on_pair: Callback<(ArticleIndex, ArticleIndex)>,
}

/// The pair view (a function, not a component: its props change with every state change anyway).
pub fn pair_view(props: &PairViewProps) -> Html {
    let (left, right) = props.pair.sides;
    let pick_left = props.on_pair.reform(move |set| (set, right));
    let pick_right = props.on_pair.reform(move |set| (left, set));
    let report = &props.pair.report;
    let rows = pair_rows(report);
    let both = rows
        .iter()
        .filter_map(|&g| report.group(g))
        .filter(|g| g.coverage() == 2)
        .count();
    let sources = &props.comparison.sources;
    html! {
        <div class="pair">
            { source_picker(&SourcePickerProps {
                comparison: props.comparison.clone(),
                selected: left,
                label: "Left".into(),
                on_pick: pick_left,
            }) }
            { source_picker(&SourcePickerProps {
                comparison: props.comparison.clone(),
                selected: right,
                label: "Right".into(),
                on_pick: pick_right,
            }) }
            if left == right {
                <p class="notice">{ "Pick two different sources." }</p>
            } else {
                <p class="row-count" role="status">
                    { format!("{both} pieces of information in both · {} only in one of them", rows.len() - both) }
                </p>
                <div class="grid-scroll" tabindex="0" role="region" aria-label="The two sources side by side (scrollable)">
                    <table class="aligned pair-table">
                        <thead>
                            <tr>
                                <th scope="col" class="source-col">if let Some(s) = sources.get(left.index()) { <SourceName index={left} outlet={s.outlet.clone().map(AttrValue::from)} /> }</th>
                                <th scope="col" class="source-col">if let Some(s) = sources.get(right.index()) { <SourceName index={right} outlet={s.outlet.clone().map(AttrValue::from)} /> }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().filter_map(|&g| report.group(g)).map(|g| pair_row(&props.pair, g, (left, right))) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}

/// Groups in the left source's order, then the right source's own.
fn pair_rows(report: &Report) -> Vec<GroupId> {
    let mut rows: Vec<&Group> = report.groups.iter().collect();
    crosscheck_engine::order::sort_by(&mut rows, |g| {
        let first = g
            .members
            .first()
            .map_or((0, 0), |m| (m.source.index(), m.sentence.index()));
        [first.0 as u64, first.1 as u64, g.id.index() as u64, 0]
    });
    rows.into_iter().map(|g| g.id).collect()
}

fn pair_row(
    pair: &PairComparison,
    group: &Group,
    (left, right): (ArticleIndex, ArticleIndex),
) -> Html {
    let report = &pair.report;
    let marking = Marking::for_group_size(group.coverage());
    // The pair's own report has the left source first, the right second.
    let side = |source: SourceId, set: ArticleIndex| -> Html {
        let label = crate::labels::source_letter(set);
        if group.member_of(source).is_none() {
            return absent_cell(report, group, source, label, "only in the other source");
        }
        let is_reference = group.reference_member().is_some_and(|r| r.source == source);
        html! {
            <td class="cell" data-source-label={label}>
                { for group.members_of(source).filter_map(|member| {
                    let sentence = report.sentence(member.source, member.sentence)?;
                    Some(html! { <MarkedSentence sentence={sentence.clone()} marks={member.marks.clone()} {is_reference} {marking} /> })
                }) }
            </td>
        }
    };
    html! {
        <tr class={classes!("group", group.status.as_str())}>
            { side(SourceId::new(0), left) }
            { side(SourceId::new(1), right) }
        </tr>
    }
}
