//! The top-level page: header, then the articles or a readable error.

use yew::prelude::*;

use crate::boot::EmbeddedSources;
use crate::components::{header::Header, source_card::SourceCard};

/// What the app is started with.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The articles the page carried.
    pub sources: EmbeddedSources,
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let body = match &props.sources {
        EmbeddedSources::Loaded(sources) if sources.is_empty() => html! {
            <p class="notice">{ "No articles are loaded." }</p>
        },
        EmbeddedSources::Loaded(sources) => html! {
            <section aria-labelledby="sources-heading">
                <h2 id="sources-heading">{ format!("{} articles", sources.len()) }</h2>
                <ol class="source-list">
                    { for sources.iter().enumerate().map(|(index, source)| html! {
                        <li key={source.id.clone()}>
                            <SourceCard {index} source={source.clone()} />
                        </li>
                    }) }
                </ol>
            </section>
        },
        EmbeddedSources::Unreadable(message) => html! {
            <p class="notice error" role="alert">{ message.clone() }</p>
        },
    };
    html! {
        <>
            <Header />
            <main id="main">{ body }</main>
        </>
    }
}
