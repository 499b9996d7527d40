//! What a source may carry in another sentence: the *possibly related* tier shown beside a group, never counted as agreement.
//!
//! A source that is not in a group but has a sentence the engine lists as
//! possibly related to one of its members (`Group::elsewhere`) is not said to
//! leave the information out; these pieces say which sentence may carry it,
//! how likely the engine thinks that is, and open that sentence's row.

use crosscheck_engine::excerpt::excerpt;
use crosscheck_engine::{Group, GroupId, Report, SourceId};
use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::source_name::badge;
use crate::labels::likelihood;

/// How many words of a possibly related sentence a grid cell shows.
const CELL_WORDS: usize = 14;

/// The cell of a source that is not in `group`: the sentence that may carry
/// the information, or `missing` ("not reported").
pub fn absent_cell(
    report: &Report,
    group: &Group,
    source: SourceId,
    label: String,
    missing: &'static str,
) -> Html {
    match group.elsewhere.iter().find(|e| e.source == source) {
        Some(e) => {
            let text = report
                .sentence(e.source, e.sentence)
                .map(|s| excerpt(&s.text, CELL_WORDS))
                .unwrap_or_default();
            html! {
                <td class="cell possibly" data-source-label={label}>
                    <span class="possibly-tag">{ format!("possibly here ({})", likelihood(e.score)) }</span>
                    <span class="possibly-text">{ text }</span>
                </td>
            }
        }
        None if group.not_compared.contains(&source) => html! {
            <td class="cell missing not-compared" data-source-label={label}>
                <span class="not-reported">{ "not compared in full (past the limits)" }</span>
            </td>
        },
        None => html! {
            <td class="cell missing" data-source-label={label}>
                <span class="not-reported">{ missing }</span>
            </td>
        },
    }
}

/// The opened group's sentences that may carry it: each absent source's
/// possibly related sentence, with how likely and a way to its row. `open`
/// opens a report group.
pub fn related_list(comparison: &Comparison, group: &Group, open: &Callback<GroupId>) -> Html {
    if group.elsewhere.is_empty() {
        return Html::default();
    }
    let report = &comparison.report;
    html! {
        <section class="possibly-related" aria-label="Possibly related sentences">
            <h4>{ "Possibly in other sentences — check before you count it" }</h4>
            <ul>
                { for group.elsewhere.iter().map(|e| {
                    let set = comparison.set_index(e.source);
                    let text = report.sentence(e.source, e.sentence).map(|s| s.text.clone()).unwrap_or_default();
                    let target = e.group;
                    let onclick = open.reform(move |_| target);
                    html! {
                        <li>
                            <p class="detail-source">{ badge(set) }{ format!(" may carry this · {}", likelihood(e.score)) }</p>
                            <p class="possibly-text">{ text }</p>
                            <button type="button" class="link-button" {onclick}>{ "Open its row" }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
