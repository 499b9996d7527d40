//! What a source may carry in another sentence: the *possibly related* tier shown beside a group, never counted as agreement.
//!
//! A source that is not in a group but has a sentence the engine lists as
//! possibly related to one of its members (`Group::elsewhere`) is not said to
//! leave the information out; these pieces say which sentence may carry it,
//! how likely the engine thinks that is, and open that sentence's row.

use crosscheck_engine::{Group, Report};
use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::source_name::badge;
use crate::labels::{excerpt, likelihood};

/// How many words of a possibly related sentence a grid cell shows.
const CELL_WORDS: usize = 14;

/// The cell of a source that is not in `group`: the sentence that may carry
/// the information, or `missing` ("not reported").
pub fn absent_cell(
    report: &Report,
    group: &Group,
    source: usize,
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
        None => html! {
            <td class="cell missing" data-source-label={label}>
                <span class="not-reported">{ missing }</span>
            </td>
        },
    }
}

/// The opened group's list of sentences that may carry it or relate to it:
/// first each absent source's best candidate, then other possibly related
/// sentences of its members' sources. `open` opens a report group.
pub fn related_list(comparison: &Comparison, group: &Group, open: &Callback<usize>) -> Html {
    let report = &comparison.report;
    let mut items = report.possibly_related(group);
    items.truncate(MAX_LISTED);
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="possibly-related" aria-label="Possibly related sentences">
            <h4>{ "Possibly related — check before you count it" }</h4>
            <ul>
                { for items.into_iter().map(|(e, absent)| {
                    let set = comparison.set_index(e.source);
                    let text = report.sentence(e.source, e.sentence).map(|s| s.text.clone()).unwrap_or_default();
                    let onclick = open.reform(move |_| e.group);
                    let why = if absent { "may carry this" } else { "also related" };
                    html! {
                        <li>
                            <p class="detail-source">{ badge(set) }{ format!(" {why} · {}", likelihood(e.score)) }</p>
                            <p class="possibly-text">{ text }</p>
                            <button type="button" class="link-button" {onclick}>{ "Open its row" }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Possibly related sentences listed in an opened group at most.
const MAX_LISTED: usize = 6;
