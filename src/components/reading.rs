//! The reading view: one article in full, each sentence shaded by how many other sources report it.
//!
//! Boilerplate is greyed. Clicking a sentence, or Enter on it, opens its group
//! beside the text with the other sources' versions and their word marks.

use crosscheck_engine::SentenceReport;
use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::group_detail::group_detail;
use crate::components::shared::ViewProps;
use crate::components::source_picker::{SourcePickerProps, source_picker};
use crate::state::Action;

/// The reading view (a function, not a component: its props change with every state change anyway).
pub fn reading_view(props: &ViewProps) -> Html {
    let comparison = &props.comparison;
    let set = props.state.reading;
    let source = comparison.report_index(set).unwrap_or(0);
    let others = comparison.report.sources.len().saturating_sub(1);
    let on_pick = props.dispatch.reform(Action::Read);
    html! {
        <div class="reading">
            { source_picker(&SourcePickerProps {
                comparison: comparison.clone(),
                selected: comparison.set_index(source),
                label: "Article".into(),
                on_pick,
            }) }
            { shade_legend(&ShadeLegendProps { others }) }
            <div class="reading-layout">
                <article class="reading-text" aria-label="Article text">
                    { paragraphs(comparison, source, props) }
                </article>
                if let Some(group) = props.state.opened_group {
                    { group_detail(
                        comparison,
                        group,
                        props.dispatch.reform(|_| Action::OpenGroup(None)),
                        props.dispatch.reform(|g| Action::OpenGroup(Some(g))),
                    ) }
                } else {
                    <aside class="group-detail placeholder">
                        <p>{ "Click a sentence (or press Enter on it) to see how the other sources report it." }</p>
                    </aside>
                }
            </div>
        </div>
    }
}

fn paragraphs(comparison: &Comparison, source: usize, props: &ViewProps) -> Html {
    let Some(report_source) = comparison.report.sources.get(source) else {
        return Html::default();
    };
    let mut by_paragraph: Vec<(usize, Vec<(usize, &SentenceReport)>)> = Vec::new();
    for (index, sentence) in report_source.sentences.iter().enumerate() {
        match by_paragraph.last_mut() {
            Some((p, list)) if *p == sentence.paragraph => list.push((index, sentence)),
            _ => by_paragraph.push((sentence.paragraph, vec![(index, sentence)])),
        }
    }
    by_paragraph
        .into_iter()
        .map(|(p, sentences)| {
            html! {
                <p key={p}>
                    { for sentences.into_iter().map(|(index, sentence)| sentence_span(comparison, index, sentence, props)) }
                </p>
            }
        })
        .collect()
}

fn sentence_span(
    comparison: &Comparison,
    index: usize,
    sentence: &SentenceReport,
    props: &ViewProps,
) -> Html {
    let text = format!("{} ", sentence.text);
    let Some(group_id) = sentence.group.filter(|_| !sentence.boilerplate) else {
        return html! {
            <span class="sentence boilerplate" title="Not article content (advertising, credits, links…)">{ text }</span>
        };
    };
    let others = comparison.report.sources.len().saturating_sub(1);
    let reported = comparison
        .report
        .groups
        .get(group_id)
        .map_or(0, |g| g.coverage().saturating_sub(1));
    let shade = shade_level(reported, others);
    let label = format!("reported by {reported} of {others} other sources");
    let open = props.state.opened_group == Some(group_id);
    let onclick = props
        .dispatch
        .reform(move |_| Action::OpenGroup(Some(group_id)));
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" || event.key() == " " {
                event.prevent_default();
                dispatch.emit(Action::OpenGroup(Some(group_id)));
            }
        })
    };
    html! {
        <span class={classes!("sentence", format!("shade-{shade}"), open.then_some("open"))}
            role="button" tabindex="0" title={label.clone()} aria-expanded={open.to_string()}
            data-sentence={index.to_string()} {onclick} {onkeydown}>
            { text }
            <span class="visually-hidden">{ format!("({label})") }</span>
        </span>
    }
}

/// 0 = no other source, 4 = every other source; 1–3 in between by thirds.
pub fn shade_level(reported: usize, others: usize) -> usize {
    match (reported, others) {
        (0, _) | (_, 0) => 0,
        (r, o) if r >= o => 4,
        (r, o) => 1 + (3 * r / o).min(2),
    }
}

#[derive(PartialEq)]
struct ShadeLegendProps {
    others: usize,
}

/// How sentences are shaded (a function, not a component: see `components/mod.rs`).
fn shade_legend(props: &ShadeLegendProps) -> Html {
    let others = props.others;
    html! {
        <p class="legend shade-legend">
            <span>{ "Sentences are shaded by how many of the other " }{ others }{ " sources report the same information:" }</span>
            <span class="sentence shade-0">{ "no other" }</span>
            <span class="sentence shade-2">{ "some" }</span>
            <span class="sentence shade-4">{ "all others" }</span>
            <span class="sentence boilerplate">{ "not article content" }</span>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::shade_level;

    #[test]
    fn shades_run_from_none_to_all() {
        assert_eq!([0, 1, 2, 3, 4].map(|r| shade_level(r, 4)), [0, 1, 2, 3, 4]);
        assert_eq!(shade_level(1, 1), 4);
        assert_eq!(shade_level(0, 0), 0);
        assert_eq!(shade_level(5, 4), 4);
    }
}
