//! Effect: save the articles, exercise questions and the reader's choices after every change, warning once when it cannot.

use std::rc::Rc;

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
    settings: Settings,
    notify: Callback<Vec<Message>>,
) {
    let warned = use_mut_ref(|| false);
    use_effect_with(
        (articles, questions, settings),
        move |(articles, questions, settings)| {
            let session =
                Session::new(articles.to_vec(), settings.clone()).with_questions(questions);
            let json = to_json(&session);
            wasm_bindgen_futures::spawn_local(async move {
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
