//! The messages on screen: what was added, what was refused and why, each dismissible.

use yew::prelude::*;

use crate::files;
use crate::messages::{AfterDownload, Level, Message};
use crate::storage;

/// What [`message_list`] shows.
#[derive(PartialEq)]
pub struct MessageListProps {
    /// (id, message), oldest first.
    pub messages: Vec<(u64, Message)>,
    /// Dismisses a message by id.
    pub on_dismiss: Callback<u64>,
}

/// The list of messages; errors are announced at once, the rest politely
/// (a function, not a component: see `components/mod.rs`).
pub fn message_list(props: &MessageListProps) -> Html {
    html! {
        <div class="messages" aria-live="polite">
            { for props.messages.iter().map(|(id, message)| {
                let id = *id;
                let (class, role) = match message.level {
                    Level::Info => ("info", "status"),
                    Level::Warning => ("warning", "status"),
                    Level::Error => ("error", "alert"),
                };
                let onclick = props.on_dismiss.reform(move |_| id);
                let download = message.download.clone().map(|offer| {
                    let label = offer.label;
                    let onclick = Callback::from(move |_| {
                        if files::download(&offer.file, "application/json", &offer.text).is_ok()
                            && offer.then == AfterDownload::SaveAgain
                        {
                            storage::release();
                        }
                    });
                    html! { <button type="button" class="link-button message-action" {onclick}>{ label }</button> }
                });
                html! {
                    <div class={classes!("message", class)} {role} key={id}>
                        <div>
                            <p>{ message.text.clone() }</p>
                            { for download }
                        </div>
                        <button type="button" class="close" {onclick} aria-label="Dismiss this message">{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
