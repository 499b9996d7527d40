//! The source bar: one chip per loaded source, to include or exclude it and to choose the reference.

use std::rc::Rc;

use crosscheck_engine::Source;
use yew::prelude::*;

use crate::comparison::ArticleIndex;
use crate::components::source_name::SourceName;
use crate::labels::source_letter;
use crate::state::{Action, Disclosure, UiState};

/// What [`source_bar`] shows.
#[derive(PartialEq)]
pub struct SourceBarProps {
    /// Every loaded source.
    pub sources: Rc<Vec<Source>>,
    /// The UI state (for exclusions and the reference).
    pub state: UseReducerHandle<UiState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The row of source chips (a function, not a component: see `components/mod.rs`).
pub fn source_bar(props: &SourceBarProps) -> Html {
    let in_play = props.sources.len() - props.state.excluded.len();
    let on_reference = props.dispatch.reform(|event: Event| {
        let value = event
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|select| select.value())
            .unwrap_or_default();
        Action::Reference(value.parse().ok().map(ArticleIndex::new))
    });
    let open = props.state.sources == Disclosure::Open;
    let letters: String = ArticleIndex::all(props.sources.len())
        .filter(|i| !props.state.excluded.contains(i))
        .map(|i| source_letter(i).to_string())
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <section class={classes!("source-bar", (!open).then_some("folded"))} aria-label="Sources">
            // On a phone the bar folds to this one line (CSS shows it only there).
            <button type="button" class="sources-toggle" aria-expanded={open.to_string()} aria-controls="source-chips"
                onclick={props.dispatch.reform(|_| Action::ToggleSources)}>
                { format!("Sources {letters} · {in_play} of {} compared", props.sources.len()) }
                <span aria-hidden="true">{ if open { " ▴" } else { " ▾" } }</span>
            </button>
            <ul class="chips" id="source-chips">
                { for ArticleIndex::all(props.sources.len()).zip(props.sources.iter()).map(|(index, source)| {
                    let included = !props.state.excluded.contains(&index);
                    // Never let the last two sources be switched off: nothing would be compared.
                    let locked = included && in_play <= 2;
                    let onchange = props.dispatch.reform(move |_| Action::ToggleSource(index));
                    let letter = source_letter(index);
                    html! {
                        <li class={classes!("chip", (!included).then_some("excluded"))} data-source={index.to_string()}>
                            <label class="chip-toggle" title={if locked { "At least two sources must stay in the comparison" } else { "Include in the comparison" }}>
                                <input type="checkbox" checked={included} disabled={locked} {onchange}
                                    aria-label={format!("Include source {letter} in the comparison")} />
                                <SourceName {index} outlet={source.outlet.clone().map(AttrValue::from)} />
                            </label>
                        </li>
                    }
                }) }
            </ul>
            <div class="bar-row">
            // During an exercise the Articles view is shut: no button that would do nothing.
            if props.state.mode.shows(crate::state::View::Articles) {
                <button type="button" class="link-button add-button" onclick={props.dispatch.reform(|_| Action::Show(crate::state::View::Articles))}>
                    { "+ Add or edit articles" }
                </button>
            }
            <label class="reference-picker">
                <span>{ "Compare against" }</span>
                <select onchange={on_reference} aria-describedby="reference-hint">
                    <option value="" selected={props.state.reference.is_none()}>{ "the best-fitting sentence (automatic)" }</option>
                    { for ArticleIndex::all(props.sources.len()).zip(props.sources.iter())
                        .filter(|(i, _)| !props.state.excluded.contains(i))
                        .map(|(index, source)| html! {
                            <option value={index.to_string()} selected={props.state.reference == Some(index)}>
                                { format!("{} · {}", source_letter(index), source.outlet_label()) }
                            </option>
                        }) }
                </select>
                <span id="reference-hint" class="visually-hidden">
                    { "The reference source's sentence is the one other sources' words are compared with, when it reports that information." }
                </span>
            </label>
            </div>
        </section>
    }
}
