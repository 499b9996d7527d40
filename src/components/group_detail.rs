//! One group opened in full: every source's version with word marks, who leaves it out, and what is possibly related.

use crosscheck_engine::{GroupId, SourceId};
use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::correcting::{Fixes, fix_buttons};
use crate::components::group_summary::spoken_summary;
use crate::components::marked::MarkedSentence;
use crate::components::possibly::related_list;
use crate::components::source_name::badge;
use crate::labels::{group_heading, source_letter};

/// The opened group (report group `group_id`); `onclick` is its close
/// button's, `open` opens another group (a possibly related sentence's),
/// `fixes` makes corrections to the row. A
/// function, not a component: its callbacks are new at every redraw of the
/// reading view, so a component would redraw anyway.
pub fn group_detail(
    comparison: &Comparison,
    group_id: GroupId,
    onclick: Callback<MouseEvent>,
    open: Callback<GroupId>,
    fixes: &Fixes,
) -> Html {
    let Some(group) = comparison.report.group(group_id) else {
        return Html::default();
    };
    let count = comparison.report.sources.len();
    let letter = |s: SourceId| source_letter(comparison.set_index(s));
    html! {
        <aside class="group-detail" aria-label="How the sources report this" aria-live="polite">
            <div class="detail-head">
                <h3>{ group_heading(group, count, letter) }</h3>
                <button type="button" class="close" {onclick} aria-label="Close">{ "×" }</button>
            </div>
            <p class="visually-hidden">{ spoken_summary(comparison, group) }</p>
            <ul class="detail-members">
                { for group.sources().into_iter().map(|source| {
                    let set = comparison.set_index(source);
                    let outlet = comparison.sources.get(set.index()).map(|s| s.outlet_label().to_owned()).unwrap_or_default();
                    let is_reference = group.reference_member().is_some_and(|r| r.source == source);
                    html! {
                        <li>
                            <p class="detail-source">{ badge(set) }{ " " }{ outlet }
                                if is_reference && group.coverage() > 1 { <span class="ref-tag">{ "reference" }</span> }
                            </p>
                            { for group.members_of(source).filter_map(|member| {
                                let sentence = comparison.report.sentence(member.source, member.sentence)?;
                                Some(html! { <MarkedSentence sentence={sentence.clone()} marks={member.marks.clone()} {is_reference} /> })
                            }) }
                        </li>
                    }
                }) }
            </ul>
            if !group.missing.is_empty() {
                <p class="detail-missing">
                    { "Not reported by: " }
                    { for group.missing.iter().map(|&s| {
                        let set = comparison.set_index(s);
                        html! { <span class="missing-source">{ badge(set) }{ " " }</span> }
                    }) }
                </p>
            }
            { related_list(comparison, group, &open) }
            if let Some(by_hand) = group.by_hand {
                <p class="by-hand">{ by_hand.words() }</p>
            }
            <details class="fix fix-detail">
                <summary>{ "Correct this row" }</summary>
                { fix_buttons(comparison, group, fixes) }
            </details>
        </aside>
    }
}
