//! Effect: keeps the URL fragment in step with the open view (see [`crate::route`]) and follows fragments typed or clicked.
//!
//! The address is replaced, not pushed, so the Back button leaves the page
//! as it would any other document rather than stepping through every click.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::route::fragment;
use crate::state::{Action, Route, UiState};

/// The page's current fragment, `#` included, or "".
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Writes the state's fragment into the address bar and dispatches
/// [`Action::Navigate`] when the fragment is changed from outside.
#[hook]
pub fn use_deep_link(ui: UseReducerHandle<UiState>, sources: usize) {
    let wanted = format!("#{}", fragment(&ui));
    use_effect_with(wanted, |wanted| {
        if current_hash() != *wanted
            && let Some(history) = web_sys::window().and_then(|w| w.history().ok())
        {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(wanted));
        }
    });
    let dispatch = ui.dispatcher();
    use_effect_with(sources, move |&sources| {
        let window = web_sys::window();
        let listener = Closure::<dyn Fn()>::new(move || {
            let route = Route::parse(&current_hash()).within(sources);
            if !route.is_empty() {
                dispatch.dispatch(Action::Navigate(route));
            }
        });
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
