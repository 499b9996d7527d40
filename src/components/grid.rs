//! The aligned grid: one row per group, one column per source, each cell a sentence with its word marks.
//!
//! On narrow screens the stylesheet turns each row into a stacked card; every
//! cell carries its source's name in `data-source-label` for that layout.

use std::rc::Rc;

use crosscheck_engine::{Group, Report, Source, Status};
use yew::prelude::*;

use crate::components::marked::MarkedSentence;
use crate::components::source_name::SourceName;
use crate::labels::{group_heading, source_letter};

/// Properties of [`AlignedGrid`].
#[derive(Properties, PartialEq)]
pub struct AlignedGridProps {
    /// The comparison.
    pub report: Rc<Report>,
    /// The articles, for their headlines.
    pub sources: Rc<Vec<Source>>,
}

/// The aligned grid.
#[component]
pub fn AlignedGrid(props: &AlignedGridProps) -> Html {
    let report = &props.report;
    let count = report.sources.len();
    html! {
        <>
            <Legend />
            <div class="grid-scroll">
                <table class="aligned" aria-describedby="grid-legend">
                    <thead>
                        <tr>
                            <th scope="col" class="row-head">{ "Information" }</th>
                            { for props.sources.iter().enumerate().map(|(index, source)| html! {
                                <th scope="col" class="source-col">
                                    <SourceName {index} source={source.clone()} />
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for report.groups.iter().map(|group| html! {
                            <GroupRow key={group.id} report={report.clone()} group_id={group.id} />
                        }) }
                    </tbody>
                </table>
            </div>
            if report.groups.is_empty() {
                <p class="notice">{ format!("Nothing to compare yet: {count} article(s) with content.") }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct GroupRowProps {
    report: Rc<Report>,
    group_id: usize,
}

#[component]
fn GroupRow(props: &GroupRowProps) -> Html {
    let Some(group) = props.report.groups.get(props.group_id) else {
        return Html::default();
    };
    let count = props.report.sources.len();
    let status = status_class(group.status);
    html! {
        <tr class={classes!("group", status)} data-group={group.id.to_string()}>
            <th scope="row" class="row-head">{ group_heading(group, count) }</th>
            { for (0..count).map(|source| cell(&props.report, group, source)) }
        </tr>
    }
}

fn cell(report: &Report, group: &Group, source: usize) -> Html {
    let label = source_letter(source);
    let member = group
        .members
        .iter()
        .enumerate()
        .find(|(_, m)| m.source == source);
    let Some((index, member)) = member else {
        return html! {
            <td class="cell missing" data-source-label={label}>
                <span class="not-reported">{ "not reported" }</span>
            </td>
        };
    };
    let Some(sentence) = report.sentence(member.source, member.sentence) else {
        return html! { <td class="cell" data-source-label={label}></td> };
    };
    let is_reference = index == group.reference;
    html! {
        <td class={classes!("cell", is_reference.then_some("reference"))} data-source-label={label}>
            <MarkedSentence sentence={sentence.clone()} marks={member.marks.clone()} {is_reference} />
            if is_reference && group.members.len() > 1 {
                <span class="ref-tag">{ "reference" }</span>
            }
        </td>
    }
}

/// The CSS class of a status.
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Agree => "agree",
        Status::Diverge => "diverge",
        Status::Unique => "unique",
    }
}

#[component]
fn Legend() -> Html {
    html! {
        <p class="legend" id="grid-legend">
            <span>{ "Each row is one piece of information; each column one source. " }</span>
            <span class="legend-item"><mark class="m-differs">{ "highlighted" }</mark>{ ": worded differently from the reference sentence" }</span>
            <span class="legend-item"><span class="m-only">{ "underlined" }</span>{ ": only in this source's version" }</span>
            <span class="legend-item"><span class="not-reported">{ "not reported" }</span>{ ": the source leaves it out" }</span>
        </p>
    }
}
