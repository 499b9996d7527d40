//! The top-level page: header, view tabs and the open view, or a readable error.
//!
//! The report is computed once per set of articles (`use_memo`) and shared
//! with every view in an `Rc`.

use std::rc::Rc;

use crosscheck_engine::{Config, Report, Source, compare};
use yew::prelude::*;

use crate::boot::EmbeddedSources;
use crate::components::grid::AlignedGrid;
use crate::components::header::Header;
use crate::components::source_card::SourceCard;
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
        EmbeddedSources::Loaded(sources) if sources.is_empty() => html! {
            <p class="notice">{ "No articles are loaded." }</p>
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

/// The comparison of a loaded set: tabs and the open view.
#[component]
fn Workspace(props: &WorkspaceProps) -> Html {
    let state = use_reducer(UiState::default);
    let report: Rc<Report> = use_memo(props.sources.clone(), |sources| {
        compare(sources, &Config::default())
    });
    let on_select = {
        let state = state.dispatcher();
        Callback::from(move |view| state.dispatch(Action::Show(view)))
    };
    let view = state.view;
    let panel = match view {
        View::Aligned => {
            html! { <AlignedGrid report={report.clone()} sources={props.sources.clone()} /> }
        }
        View::Articles => html! { <ArticleList sources={props.sources.clone()} /> },
    };
    html! {
        <>
            <Tabs current={view} {on_select} />
            <section class="panel" role="tabpanel" id={panel_id(view)} aria-labelledby={tab_id(view)}>
                { panel }
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleListProps {
    sources: Rc<Vec<Source>>,
}

#[component]
fn ArticleList(props: &ArticleListProps) -> Html {
    html! {
        <>
            <h2 class="visually-hidden">{ format!("{} articles", props.sources.len()) }</h2>
            <ol class="source-list">
                { for props.sources.iter().enumerate().map(|(index, source)| html! {
                    <li key={source.id.clone()}>
                        <SourceCard {index} source={source.clone()} />
                    </li>
                }) }
            </ol>
        </>
    }
}
