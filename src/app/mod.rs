//! The top-level page: header, source bar, view tabs and the open view, or a readable error.
//!
//! The comparison is computed once per (articles, excluded sources, reference)
//! with `use_memo` and shared with every view in an `Rc`; the pair view's
//! two-source comparison likewise per (articles, pair).

use std::rc::Rc;

use crosscheck_engine::Source;
use yew::prelude::*;

use crate::boot::EmbeddedSources;
use crate::comparison::{Comparison, PairComparison};
use crate::components::grid::{AlignedGrid, ViewProps};
use crate::components::header::Header;
use crate::components::help::HelpView;
use crate::components::overview::OverviewView;
use crate::components::pair::PairView;
use crate::components::reading::ReadingView;
use crate::components::source_bar::SourceBar;
use crate::components::tabs::{Tabs, panel_id, tab_id};
use crate::state::{Action, UiState, View};

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
        EmbeddedSources::Loaded(sources) if sources.len() < 2 => html! {
            <p class="notice">{ "Crosscheck needs at least two articles to compare." }</p>
        },
        EmbeddedSources::Loaded(sources) => html! { <Workspace sources={sources.clone()} /> },
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

#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    sources: Rc<Vec<Source>>,
}

/// The comparison of a loaded set: source bar, tabs and the open view.
#[component]
fn Workspace(props: &WorkspaceProps) -> Html {
    let state = use_reducer(UiState::default);
    let comparison: Rc<Comparison> = use_memo(
        (
            props.sources.clone(),
            state.excluded.clone(),
            state.reference,
        ),
        |(sources, excluded, reference)| Comparison::new(sources.clone(), excluded, *reference),
    );
    let pair: Rc<PairComparison> =
        use_memo((props.sources.clone(), state.pair), |(sources, (a, b))| {
            PairComparison::new(sources, *a, *b)
        });
    let dispatch = {
        let state = state.dispatcher();
        Callback::from(move |action| state.dispatch(action))
    };
    let view = state.view;
    let view_props = ViewProps {
        comparison,
        state: Rc::new((*state).clone()),
        dispatch: dispatch.clone(),
    };
    let panel = match view {
        View::Overview => html! { <OverviewView ..view_props.clone() /> },
        View::Grid => html! { <AlignedGrid ..view_props.clone() /> },
        View::Reading => html! { <ReadingView ..view_props.clone() /> },
        View::Pair => html! { <PairView view={view_props.clone()} {pair} /> },
        View::Help => html! { <HelpView /> },
    };
    html! {
        <>
            <SourceBar sources={props.sources.clone()} state={view_props.state.clone()} dispatch={dispatch.clone()} />
            <Tabs current={view} on_select={dispatch.reform(Action::Show)} />
            <section class="panel" role="tabpanel" id={panel_id(view)} aria-labelledby={tab_id(view)} tabindex="0">
                { panel }
            </section>
        </>
    }
}
