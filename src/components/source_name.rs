//! A source's letter badge, headline and outlet, as used in column headers and lists.

use std::rc::Rc;

use crosscheck_engine::source::outlet_label;
use crosscheck_engine::{Headline, Source};
use yew::prelude::*;

use crate::comparison::ArticleIndex;
use crate::labels::source_letter;

/// Properties of [`SourceName`].
#[derive(Properties, PartialEq)]
pub struct SourceNameProps {
    /// Position in the set.
    pub index: ArticleIndex,
    /// The article's outlet, if it names one. Only what is shown: a whole
    /// `Source` here was compared (5 MB of text, say) at every render.
    pub outlet: Option<AttrValue>,
}

/// Every source's headline, worked out once per set and shared through a
/// context: finding it segments the whole article, and a source's name is
/// shown in the source bar, the grid's column heads and more.
#[derive(Clone, Debug, PartialEq)]
pub struct Headlines(pub Rc<Vec<Html>>);

impl Headlines {
    /// The headlines of `sources`, by position in the set.
    pub fn of(sources: &[Source]) -> Headlines {
        Headlines(Rc::new(sources.iter().map(headline).collect()))
    }
}

/// A source's headline as shown: stated, or its opening words in quotes.
fn headline(source: &Source) -> Html {
    match source.headline() {
        Headline::Stated(title) => html! { <span class="name-title">{ title }</span> },
        Headline::Excerpt(words) => {
            html! { <span class="name-title excerpt">{ format!("“{words}”") }</span> }
        }
        Headline::Untitled => {
            html! { <span class="name-title excerpt">{ "Untitled article" }</span> }
        }
    }
}

/// badge, headline (or opening words) and outlet.
#[component]
pub fn SourceName(props: &SourceNameProps) -> Html {
    let letter = source_letter(props.index);
    let shared = use_context::<Headlines>();
    let headline = shared
        .and_then(|h| h.0.get(props.index.index()).cloned())
        .unwrap_or_default();

    html! {
        <span class="source-name">
            { badge(props.index) }
            <span class="name-text">
                { headline }
                <span class={classes!("name-outlet", props.outlet.is_none().then_some("unnamed"))}>
                    { outlet_label(props.outlet.as_deref()).to_owned() }
                </span>
            </span>
            <span class="visually-hidden">{ format!(" (source {letter})") }</span>
        </span>
    }
}

/// The coloured letter badge of the source at `index` in the set (a function, not a component: see `components/mod.rs`).
pub fn badge(index: ArticleIndex) -> Html {
    html! {
        <span class={classes!("badge", format!("badge-{}", index.index() % 8))} aria-hidden="true">
            { source_letter(index) }
        </span>
    }
}
