//! One article as a card: letter badge, headline, outlet, date, word count and the full text.

use crosscheck_engine::{Headline, Source};
use yew::prelude::*;

use crate::components::source_name::Badge;
use crate::labels::source_letter;

/// Properties of [`SourceCard`].
#[derive(Properties, PartialEq)]
pub struct SourceCardProps {
    /// Position in the set (gives the letter badge A, B, C…).
    pub index: usize,
    /// The article.
    pub source: Source,
}

/// A card for one article.
#[component]
pub fn SourceCard(props: &SourceCardProps) -> Html {
    let source = &props.source;
    let letter = source_letter(props.index);
    let title_id = format!("source-title-{}", props.index);
    let headline = match source.headline() {
        Headline::Stated(title) => {
            html! { <h3 class="source-title" id={title_id.clone()}>{ title }</h3> }
        }
        Headline::Excerpt(words) => html! {
            <h3 class="source-title excerpt" id={title_id.clone()}>
                <span class="visually-hidden">{ "No headline; opening words: " }</span>
                { format!("“{words}”") }
            </h3>
        },
        Headline::Untitled => {
            html! { <h3 class="source-title excerpt" id={title_id.clone()}>{ "Untitled article" }</h3> }
        }
    };
    let outlet_class = if source.outlet.is_some() {
        "outlet"
    } else {
        "outlet unnamed"
    };
    html! {
        <article class="source-card" aria-labelledby={title_id} data-source={source.id.clone()}>
            <div class="card-head">
                <Badge index={props.index} />
                <span class="visually-hidden">{ format!("Source {letter}: ") }</span>
                { headline }
            </div>
            <p class="meta">
                <span class={outlet_class}>{ source.outlet_label().to_owned() }</span>
                if let Some(date) = &source.date {
                    <span class="date">{ date.clone() }</span>
                }
                <span class="words">{ format!("{} words", source.word_count()) }</span>
            </p>
            <details class="full-text">
                <summary>{ "Read the article" }</summary>
                <div class="article-text">
                    { for paragraphs(&source.text).map(|p| html! { <p>{ p }</p> }) }
                </div>
            </details>
        </article>
    }
}

/// Non-empty lines of the text, each shown as a paragraph.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}
