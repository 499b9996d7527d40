//! One sentence with its word marks: shared words plain, differing words highlighted, extra words underlined.
//!
//! Marks are byte ranges into the source text; the report cuts the sentence
//! into runs by them ([`SentenceReport::runs`]), from the sentence as written.

use crosscheck_engine::{Mark, MarkKind, SentenceReport};
use yew::prelude::*;

use crate::labels::mark_title;

/// Properties of [`MarkedSentence`].
#[derive(Properties, PartialEq)]
pub struct MarkedSentenceProps {
    /// The sentence as reported.
    pub sentence: SentenceReport,
    /// Its marks, in text order.
    pub marks: Vec<Mark>,
    /// Whether this member is the group's reference.
    pub is_reference: bool,
    /// Whether to show the marks (a sentence alone in its group has nothing to compare).
    #[prop_or(Marking::Shown)]
    pub marking: Marking,
    /// How the keyboard reaches its marks.
    #[prop_or(MarkFocus::TabStop)]
    pub focus: MarkFocus,
}

/// How the keyboard reaches a sentence's marks (focus shows a mark's label).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkFocus {
    /// Each mark is a Tab stop.
    TabStop,
    /// Marks are reached with the arrow keys inside a container that is one
    /// Tab stop (the aligned grid: 156 marks were 156 Tab stops).
    Roving,
}

/// Whether a sentence's marks are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marking {
    /// Draw the marks (conflict, added, reworded runs).
    Shown,
    /// Plain text: the sentence is alone in its group.
    Plain,
}

impl Marking {
    /// Marks mean something only when a group has at least two members.
    pub fn for_group_size(members: usize) -> Self {
        if members > 1 {
            Marking::Shown
        } else {
            Marking::Plain
        }
    }
}

/// A sentence as runs of marked words.
#[component]
pub fn MarkedSentence(props: &MarkedSentenceProps) -> Html {
    if props.marking == Marking::Plain {
        return html! { <span class="marked">{ props.sentence.text.clone() }</span> };
    }
    let runs = props.sentence.runs(&props.marks);
    html! {
        <span class="marked">
            { for runs.into_iter().map(|(text, kind)| render_run(text, kind, props.is_reference, props.focus)) }
        </span>
    }
}

fn render_run(text: &str, kind: MarkKind, is_reference: bool, focus: MarkFocus) -> Html {
    let text = text.to_owned();
    let tabindex = match focus {
        MarkFocus::TabStop => "0",
        MarkFocus::Roving => "-1",
    };
    // The label shows on hover and on keyboard focus (CSS reads data-label);
    // screen readers hear it after the words.
    let labelled = |label: &'static str| html! { <span class="visually-hidden">{ format!(" ({label})") }</span> };
    match (kind, mark_title(kind, is_reference)) {
        (MarkKind::Shared, _) | (_, None) => html! { <span>{ text }</span> },
        (MarkKind::Conflict, Some(label)) => html! {
            <mark class="m-conflict" data-label={label} {tabindex}>{ text }{ labelled(label) }</mark>
        },
        (MarkKind::Added, Some(label)) => html! {
            <span class="m-added" data-label={label} {tabindex}>{ text }{ labelled(label) }</span>
        },
        // Rewording is shown quietly: no tab stop, only a title on hover.
        (MarkKind::Reworded, Some(label)) => html! {
            <span class="m-reworded" title={label}>{ text }</span>
        },
    }
}
