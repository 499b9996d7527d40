//! A row of buttons to pick one of the sources in play.

use std::rc::Rc;

use yew::prelude::*;

use crate::comparison::{ArticleIndex, Comparison};
use crate::labels::source_letter;

/// What [`source_picker`] shows.
#[derive(PartialEq)]
pub struct SourcePickerProps {
    /// The comparison (its sources in play are offered).
    pub comparison: Rc<Comparison>,
    /// The picked source (set index).
    pub selected: ArticleIndex,
    /// What is being picked, e.g. "Article".
    pub label: AttrValue,
    /// Called with the picked set index.
    pub on_pick: Callback<ArticleIndex>,
}

/// Buttons for the sources in play; the picked one is pressed (a function,
/// not a component: see `components/mod.rs`).
pub fn source_picker(props: &SourcePickerProps) -> Html {
    html! {
        <div class="picker" role="group" aria-label={props.label.clone()}>
            <span class="picker-label" aria-hidden="true">{ props.label.clone() }{ ":" }</span>
            { for props.comparison.included.iter().map(|&set| {
                let pressed = set == props.selected;
                let onclick = props.on_pick.reform(move |_| set);
                let outlet = props.comparison.sources.get(set.index()).map(|s| s.outlet_label().to_owned()).unwrap_or_default();
                html! {
                    <button type="button" class={classes!("pick", pressed.then_some("on"))}
                        aria-pressed={pressed.to_string()} {onclick}>
                        <span class="visually-hidden">{ format!("{} ", props.label) }</span>
                        <span class={classes!("badge", format!("badge-{}", set.index() % 8))}>{ source_letter(set) }</span>
                        <span class="pick-outlet">{ outlet }</span>
                    </button>
                }
            }) }
        </div>
    }
}
