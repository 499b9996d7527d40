//! The reading view: one article in full, each sentence shaded by how many other sources report it.
//!
//! Boilerplate is greyed. Clicking a sentence, or Enter on it, opens its group
//! beside the text with the other sources' versions and their word marks.

use std::rc::Rc;

use crosscheck_engine::{Correction, GroupId, SentenceId, SentenceReport, SourceId};
use yew::prelude::*;

use crate::comparison::{ArticleIndex, Comparison};
use crate::components::correcting::{BarProps, Fixes, corrections_bar};
use crate::components::group_detail::group_detail;
use crate::components::source_picker::{SourcePickerProps, source_picker};

/// What the reading view shows and the two things a reader does there.
pub struct ReadingProps {
    /// The comparison to read from.
    pub comparison: Rc<Comparison>,
    /// The article read (a position in the loaded set).
    pub reading: ArticleIndex,
    /// The group opened beside the text, if any.
    pub opened_group: Option<GroupId>,
    /// Picks another article to read (a position in the loaded set).
    pub on_read: Callback<ArticleIndex>,
    /// Opens a group beside the text, or closes it with `None`.
    pub on_open: Callback<Option<GroupId>>,
    /// The corrections made, in order.
    pub corrections: Rc<Vec<Correction>>,
    /// How many changes to the corrections can be undone and redone.
    pub history: (usize, usize),
    /// Makes corrections.
    pub fixes: Fixes,
}

/// The reading view (a function, not a component: its props change with every state change anyway).
pub fn reading_view(props: &ReadingProps) -> Html {
    let comparison = &props.comparison;
    let source = comparison
        .report_index(props.reading)
        .unwrap_or(SourceId::new(0));
    let others = comparison.report.sources.len().saturating_sub(1);
    let on_pick = props.on_read.clone();
    html! {
        <div class="reading">
            { source_picker(&SourcePickerProps {
                comparison: comparison.clone(),
                selected: comparison.set_index(source),
                label: "Article".into(),
                on_pick,
            }) }
            { shade_legend(&ShadeLegendProps { others }) }
            { corrections_bar(&BarProps {
                comparison,
                corrections: &props.corrections,
                history: props.history,
                fixes: &props.fixes,
            }) }
            <div class="reading-layout">
                <article class="reading-text" aria-label="Article text">
                    { paragraphs(comparison, source, props) }
                </article>
                if let Some(group) = props.opened_group {
                    { group_detail(
                        comparison,
                        group,
                        props.on_open.reform(|_| None),
                        props.on_open.reform(Some),
                        &props.fixes,
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

fn paragraphs(comparison: &Comparison, source: SourceId, props: &ReadingProps) -> Html {
    let Some(report_source) = comparison.report.source(source) else {
        return Html::default();
    };
    let mut by_paragraph: Vec<(usize, Vec<(SentenceId, &SentenceReport)>)> = Vec::new();
    let sentences = &report_source.sentences;
    for (index, sentence) in SentenceId::all(sentences.len()).zip(sentences) {
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
    index: SentenceId,
    sentence: &SentenceReport,
    props: &ReadingProps,
) -> Html {
    let text = format!("{} ", sentence.text);
    let Some(group_id) = sentence.group.filter(|_| !sentence.boilerplate) else {
        if sentence.coarse && !sentence.boilerplate {
            // Drawn in part: megabytes of text in one element take seconds to lay out.
            let shown = excerpt_bytes(&sentence.text, NOT_COMPARED_SHOWN);
            let more = sentence.text[shown.len()..].split_whitespace().count();
            return html! {
                <span class="sentence not-compared" title="Not compared: past the work limits">
                    { shown }
                    if more > 0 { <em>{ format!(" … and {more} more words, not shown") }</em> }
                </span>
            };
        }
        return html! {
            <span class="sentence boilerplate" title="Not article content (advertising, credits, links…)">{ text }</span>
        };
    };
    let others = comparison.report.sources.len().saturating_sub(1);
    let reported = comparison
        .report
        .group(group_id)
        .map_or(0, |g| g.coverage().saturating_sub(1));
    let shade = shade_level(reported, others);
    let label = format!("reported by {reported} of {others} other sources");
    let open = props.opened_group == Some(group_id);
    let onclick = props.on_open.reform(move |_| Some(group_id));
    let onkeydown = {
        let on_open = props.on_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" || event.key() == " " {
                event.prevent_default();
                on_open.emit(Some(group_id));
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

/// How much of what was not compared the reading view shows.
const NOT_COMPARED_SHOWN: usize = 4_000;

/// The first `max` bytes of `text`, cut back to a character boundary.
fn excerpt_bytes(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
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
