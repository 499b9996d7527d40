//! Effect: save the articles, exercise questions, corrections and the reader's choices after every change, warning once when it cannot.

use std::rc::Rc;

use crosscheck_engine::Correction;
use crosscheck_import::session::{Article, Session, Settings, to_json};
use yew::prelude::*;

use crate::comparison::SetQuestion;
use crate::messages::Message;
use crate::storage;

/// Saves `articles` whenever they change; tells the user (once) when saving fails.
#[hook]
pub fn use_save(
    articles: Rc<Vec<Article>>,
    questions: Rc<Vec<SetQuestion>>,
    corrections: Rc<Vec<Correction>>,
    settings: Settings,
    notify: Callback<Vec<Message>>,
) {
    let warned = use_mut_ref(|| false);
    use_effect_with(
        (articles, questions, corrections, settings),
        move |(articles, questions, corrections, settings)| {
            let (articles, questions, corrections, settings) = (
                articles.clone(),
                questions.clone(),
                corrections.clone(),
                settings.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                // In a task of its own: writing out 5 MB of articles was a
                // quarter of the task that drew them (issue #17).
                next_task().await;
                let session = Session::new(articles.to_vec(), settings)
                    .with_questions(&questions)
                    .with_corrections(&corrections);
                let json = to_json(&session);
                match storage::save(&json).await {
                    Ok(()) => *warned.borrow_mut() = false,
                    Err(error) if !*warned.borrow() => {
                        *warned.borrow_mut() = true;
                        notify.emit(vec![Message::warning(error.message())]);
                    }
                    Err(_) => {}
                }
            });
        },
    );
}

/// Resolves in a later task of the browser's event loop (a zero timeout), so
/// that what follows does not lengthen the task that is running.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
