//! One group opened in full: every source's version with word marks, and who leaves it out.

use std::rc::Rc;

use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::group_summary::spoken_summary;
use crate::components::marked::MarkedSentence;
use crate::components::source_name::Badge;
use crate::labels::{group_heading, source_letter};

/// Properties of [`GroupDetail`].
#[derive(Properties, PartialEq)]
pub struct GroupDetailProps {
    /// The comparison.
    pub comparison: Rc<Comparison>,
    /// The group to show (report group id).
    pub group_id: usize,
    /// Closes the panel.
    pub on_close: Callback<()>,
}

/// The opened group.
#[component]
pub fn GroupDetail(props: &GroupDetailProps) -> Html {
    let comparison = &props.comparison;
    let Some(group) = comparison.report.groups.get(props.group_id) else {
        return Html::default();
    };
    let count = comparison.report.sources.len();
    let letter = |s: usize| source_letter(comparison.set_index(s));
    let onclick = props.on_close.reform(|_| ());
    html! {
        <aside class="group-detail" aria-label="How the sources report this" aria-live="polite">
            <div class="detail-head">
                <h3>{ group_heading(group, count, letter) }</h3>
                <button type="button" class="close" {onclick} aria-label="Close">{ "×" }</button>
            </div>
            <p class="visually-hidden">{ spoken_summary(comparison, group) }</p>
            <ul class="detail-members">
                { for group.members.iter().enumerate().map(|(index, member)| {
                    let set = comparison.set_index(member.source);
                    let outlet = comparison.sources.get(set).map(|s| s.outlet_label().to_owned()).unwrap_or_default();
                    let is_reference = index == group.reference;
                    html! {
                        <li>
                            <p class="detail-source"><Badge index={set} />{ " " }{ outlet }
                                if is_reference && group.members.len() > 1 { <span class="ref-tag">{ "reference" }</span> }
                            </p>
                            if let Some(sentence) = comparison.report.sentence(member.source, member.sentence) {
                                <MarkedSentence sentence={sentence.clone()} marks={member.marks.clone()} {is_reference} />
                            }
                        </li>
                    }
                }) }
            </ul>
            if !group.missing.is_empty() {
                <p class="detail-missing">
                    { "Not reported by: " }
                    { for group.missing.iter().map(|&s| {
                        let set = comparison.set_index(s);
                        html! { <span class="missing-source"><Badge index={set} />{ " " }</span> }
                    }) }
                </p>
            }
        </aside>
    }
}
