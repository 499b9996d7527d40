//! Numbers and dates side by side: one row per shared sentence, one column per source, conflicting values marked.
//!
//! The rows come from the engine ([`crosscheck_engine::Report::numbers_and_dates`]);
//! this component only lays them out and links each row to the grid.

use crosscheck_engine::GroupId;
use crosscheck_engine::excerpt::excerpt;
use crosscheck_engine::facts::details::{DetailCell, DetailItem, DetailRow};
use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::source_name::badge;
use crate::labels::{flag_label, source_letter};

/// The "Numbers and dates" section of the Facts view.
pub fn numbers_and_dates(comparison: &Comparison, on_show_group: &Callback<GroupId>) -> Html {
    let rows = comparison.report.numbers_and_dates();
    html! {
        <section aria-labelledby="numbers-title">
            <h2 id="numbers-title" class="section-title">{ format!("Numbers and dates ({})", rows.len()) }</h2>
            <p class="hint">{ "What each source gives in sentences two or more sources share. A marked value is part of a flag above; “–” means the source has the sentence without a number or date." }</p>
            if rows.is_empty() {
                <p class="notice">{ "No shared sentence gives a number or a date." }</p>
            } else {
                <div class="numbers-scroll" tabindex="0" role="region" aria-label="Numbers and dates by source">
                    <table class="numbers">
                        <thead>
                            <tr>
                                <th scope="col">{ "Sentence" }</th>
                                { for comparison.report.source_ids().map(|r| {
                                    let set = comparison.set_index(r);
                                    html! { <th scope="col">{ badge(set) }<span class="visually-hidden">{ format!("Source {}", source_letter(set)) }</span></th> }
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().map(|row| number_row(comparison, row, on_show_group)) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn number_row(comparison: &Comparison, row: &DetailRow, on_show_group: &Callback<GroupId>) -> Html {
    let label = comparison
        .report
        .group(row.group)
        .and_then(|g| comparison.report.reference_sentence(g))
        .map(|s| excerpt(&s.text, 8))
        .unwrap_or_default();
    let group = row.group;
    html! {
        <tr class={classes!(row.is_flagged().then_some("flagged"))}>
            <th scope="row">
                <button type="button" class="link-button" title="Show in the aligned sentences"
                    onclick={on_show_group.reform(move |_| group)}>
                    { label }
                </button>
            </th>
            { for comparison.report.source_ids().map(|source| value_cell(row.cells.iter().find(|c| c.source == source))) }
        </tr>
    }
}

/// A source's values; "–" when it has the sentence without any, empty when it lacks the sentence.
fn value_cell(cell: Option<&DetailCell>) -> Html {
    match cell {
        None => html! {
            <td class="absent"><span class="visually-hidden">{ "sentence not reported" }</span></td>
        },
        Some(cell) if cell.items.is_empty() => html! {
            <td class="none" title="no number or date here">{ "–" }</td>
        },
        Some(cell) => html! {
            <td>{ for cell.items.iter().map(value) }</td>
        },
    }
}

fn value(item: &DetailItem) -> Html {
    match item.flag {
        Some(kind) => html! {
            <span class="value flagged" title={flag_label(kind)}>
                { item.text.clone() }
                <span class="visually-hidden">{ format!(" ({})", flag_label(kind)) }</span>
            </span>
        },
        None => html! { <span class="value">{ item.text.clone() }</span> },
    }
}
