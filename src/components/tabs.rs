//! The view switcher: an ARIA tab list with arrow-key navigation.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::View;

/// What [`tabs`] shows.
#[derive(PartialEq)]
pub struct TabsProps {
    /// The views to offer, in order.
    pub views: Vec<View>,
    /// The open view.
    pub current: View,
    /// Called with the view to open.
    pub on_select: Callback<View>,
}

/// Id of a view's tab element.
pub fn tab_id(view: View) -> String {
    format!("tab-{}", view.slug())
}

/// Id of a view's panel element.
pub fn panel_id(view: View) -> String {
    format!("panel-{}", view.slug())
}

/// The tab list (a function, not a component: see `components/mod.rs`).
pub fn tabs(props: &TabsProps) -> Html {
    let onkeydown = {
        let on_select = props.on_select.clone();
        let current = props.current;
        let views = props.views.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(next) = neighbour(&views, current, &event.key()) else {
                return;
            };
            event.prevent_default();
            on_select.emit(next);
            focus(&tab_id(next));
        })
    };
    html! {
        <div class="tabs" role="tablist" aria-label="Views" {onkeydown}>
            { for props.views.iter().map(|&view| {
                let selected = view == props.current;
                let onclick = props.on_select.reform(move |_| view);
                html! {
                    <button type="button" role="tab" id={tab_id(view)}
                        aria-selected={selected.to_string()}
                        aria-controls={panel_id(view)}
                        tabindex={if selected { "0" } else { "-1" }}
                        class={classes!("tab", selected.then_some("selected"))}
                        {onclick}>
                        { view.label() }
                    </button>
                }
            }) }
        </div>
    }
}

/// The view an arrow, Home or End key moves to.
fn neighbour(views: &[View], current: View, key: &str) -> Option<View> {
    let at = views.iter().position(|&v| v == current)?;
    let last = views.len() - 1;
    let index = match key {
        "ArrowRight" => (at + 1) % views.len(),
        "ArrowLeft" => at.checked_sub(1).unwrap_or(last),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    views.get(index).copied()
}

fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_around_the_tabs() {
        assert_eq!(
            neighbour(&View::ALL, View::Overview, "ArrowRight"),
            Some(View::Grid)
        );
        assert_eq!(
            neighbour(&View::ALL, View::Help, "ArrowRight"),
            Some(View::Overview)
        );
        assert_eq!(
            neighbour(&View::ALL, View::Overview, "ArrowLeft"),
            Some(View::Help)
        );
        assert_eq!(
            neighbour(&View::ALL, View::Pair, "Home"),
            Some(View::Overview)
        );
        assert_eq!(neighbour(&View::ALL, View::Grid, "End"), Some(View::Help));
        assert_eq!(neighbour(&View::ALL, View::Grid, "Enter"), None);
    }
}
