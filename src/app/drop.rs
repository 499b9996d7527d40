//! Effect: files dropped anywhere on the page are added; an overlay shows while dragging.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::DragEvent;
use yew::prelude::*;

use crate::components::shared::LibraryContext;
use crate::files;
use crate::loading::add_files;

/// Listens for file drags on the whole document; returns whether files are being dragged over it.
#[hook]
pub fn use_file_drop(context: LibraryContext) -> bool {
    let dragging = use_state(|| false);
    let latest = use_mut_ref(|| context.clone());
    *latest.borrow_mut() = context;
    {
        let dragging = dragging.setter();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let over = {
                let dragging = dragging.clone();
                Closure::<dyn Fn(DragEvent)>::new(move |event: DragEvent| {
                    if carries_files(&event) {
                        event.prevent_default();
                        dragging.set(true);
                    }
                })
            };
            let leave = {
                let dragging = dragging.clone();
                Closure::<dyn Fn(DragEvent)>::new(move |event: DragEvent| {
                    if event.related_target().is_none() {
                        dragging.set(false);
                    }
                })
            };
            let dropped = Closure::<dyn Fn(DragEvent)>::new(move |event: DragEvent| {
                dragging.set(false);
                let Some(transfer) = event.data_transfer() else {
                    return;
                };
                let list = files::list(transfer.files());
                if list.is_empty() {
                    return;
                }
                event.prevent_default();
                add_files(list, latest.borrow().clone());
            });
            let listeners = [("dragover", over), ("dragleave", leave), ("drop", dropped)];
            if let Some(doc) = &document {
                for (name, listener) in &listeners {
                    let _ = doc
                        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(doc) = document {
                    for (name, listener) in &listeners {
                        let _ = doc.remove_event_listener_with_callback(
                            name,
                            listener.as_ref().unchecked_ref(),
                        );
                    }
                }
            }
        });
    }
    *dragging
}

fn carries_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .map(|t| t.types())
        .is_some_and(|types| {
            types
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
}
