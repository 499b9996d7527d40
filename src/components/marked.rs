//! One sentence with its word marks: shared words plain, differing words highlighted, extra words underlined.
//!
//! Marks are byte ranges into the source text; the sentence carries its own
//! text and start offset, so each run is cut from the sentence as written.

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
}

/// Whether a sentence's marks are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marking {
    /// Draw differs and only-here runs.
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
    let runs = runs(&props.sentence, &props.marks);
    html! {
        <span class="marked">
            { for runs.into_iter().map(|(text, kind)| render_run(text, kind, props.is_reference)) }
        </span>
    }
}

fn render_run(text: &str, kind: MarkKind, is_reference: bool) -> Html {
    let text = text.to_owned();
    // The label shows on hover and on keyboard focus (CSS reads data-label);
    // screen readers hear it after the words.
    let labelled = |label: &'static str| html! { <span class="visually-hidden">{ format!(" ({label})") }</span> };
    match (kind, mark_title(kind, is_reference)) {
        (MarkKind::Shared, _) | (_, None) => html! { <span>{ text }</span> },
        (MarkKind::Differs, Some(label)) => html! {
            <mark class="m-differs" data-label={label} tabindex="0">{ text }{ labelled(label) }</mark>
        },
        (MarkKind::OnlyHere, Some(label)) => html! {
            <span class="m-only" data-label={label} tabindex="0">{ text }{ labelled(label) }</span>
        },
    }
}

/// The sentence cut into runs by its marks; text between marks is shared.
pub fn runs<'a>(sentence: &'a SentenceReport, marks: &[Mark]) -> Vec<(&'a str, MarkKind)> {
    let text = sentence.text.as_str();
    let mut out = Vec::new();
    let mut at = 0;
    for mark in marks {
        let (Some(start), Some(end)) = (
            mark.start.checked_sub(sentence.start),
            mark.end.checked_sub(sentence.start),
        ) else {
            continue;
        };
        if start < at || text.get(start..end).is_none() {
            continue;
        }
        if start > at {
            out.extend(text.get(at..start).map(|gap| (gap, MarkKind::Shared)));
        }
        out.push((&text[start..end], mark.kind));
        at = end;
    }
    if at < text.len() {
        out.extend(text.get(at..).map(|rest| (rest, MarkKind::Shared)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(start: usize, text: &str) -> SentenceReport {
        SentenceReport {
            start,
            end: start + text.len(),
            text: text.to_owned(),
            boilerplate: false,
            boilerplate_kind: None,
            paragraph: 0,
            group: Some(0),
            coarse: false,
        }
    }

    fn mark(start: usize, end: usize, kind: MarkKind) -> Mark {
        Mark {
            start,
            end,
            kind,
            variant_of: None,
            against: None,
        }
    }

    #[test]
    fn marks_cut_the_sentence_at_their_offsets() {
        let s = sentence(10, "Talks on Tuesday ended.");
        let marks = [
            mark(19, 26, MarkKind::Differs),
            mark(27, 32, MarkKind::OnlyHere),
        ];
        assert_eq!(
            runs(&s, &marks),
            [
                ("Talks on ", MarkKind::Shared),
                ("Tuesday", MarkKind::Differs),
                (" ", MarkKind::Shared),
                ("ended", MarkKind::OnlyHere),
                (".", MarkKind::Shared),
            ]
        );
    }

    #[test]
    fn marks_outside_the_sentence_are_ignored() {
        let s = sentence(10, "Short.");
        let marks = [
            mark(0, 5, MarkKind::Differs),
            mark(12, 40, MarkKind::Differs),
        ];
        assert_eq!(runs(&s, &marks), [("Short.", MarkKind::Shared)]);
    }
}
