//! The page header: product name and what it does, in one line.

use yew::prelude::*;

/// The page header (a function, not a component: see `components/mod.rs`).
pub fn header() -> Html {
    html! {
        <header class="site-header">
            <h1 class="brand">{ "Crosscheck" }</h1>
            <p class="tagline">
                { "Put news articles about the same event side by side: see what they agree on, where they differ, and what each leaves out." }
            </p>
        </header>
    }
}
