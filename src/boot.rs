//! Start-up I/O: find the mount point, read the embedded articles, report fatal errors in the page.
//!
//! Everything here touches the DOM directly because it runs before (or
//! instead of) the yew app. The app itself receives plain values.

use std::rc::Rc;

use crosscheck_engine::Source;
use crosscheck_import::session::{Article, Settings, parse_session};

use crate::messages::Message;
use crate::storage::{self, Saved};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Id of the element the app mounts into.
pub const MOUNT_ID: &str = "app";
/// Id of the `<script type="application/json">` element holding the articles.
pub const SEEDS_ID: &str = "crosscheck-seeds";
/// Id of the hidden alert box that shows a fatal error.
pub const FATAL_ID: &str = "boot-error";

/// What the app starts with: the saved work if there is any, else the page's set.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// The articles to open.
    pub articles: Vec<Article>,
    /// The reader's saved choices (sources left out, the reference).
    pub settings: Settings,
    /// The page's own set, for "Restore the sample set".
    pub samples: Rc<Vec<Article>>,
    /// What to tell the user about how it started.
    pub messages: Vec<Message>,
}

/// Chooses what to open: the saved session, or the embedded set when there is none
/// or it cannot be read (then it is kept aside and the user is told).
pub async fn start_set() -> Start {
    let (samples, mut messages) = match read_embedded_sources() {
        EmbeddedSources::Loaded(sources) => (
            sources
                .iter()
                .cloned()
                .map(|source| Article { source, url: None })
                .collect::<Vec<_>>(),
            Vec::new(),
        ),
        EmbeddedSources::Unreadable(message) => (Vec::new(), vec![Message::error(message)]),
    };
    let samples = Rc::new(samples);
    let mut settings = Settings::default();
    let articles = match storage::load().await {
        Saved::Nothing => (*samples).clone(),
        Saved::Found(json) => match parse_session(&json) {
            Ok(session) => {
                settings = session.settings;
                session.articles
            }
            Err(error) => {
                storage::keep_unreadable(&json);
                messages.push(Message::error(format!(
                    "Your saved work could not be read ({}). The sample set is shown instead; the saved copy is kept in this browser under \"{}\".",
                    error.message(),
                    storage::UNREADABLE_KEY
                )));
                (*samples).clone()
            }
        },
    };
    Start {
        articles,
        settings,
        samples,
        messages,
    }
}

/// The articles embedded in the page, or an explanation of why there are none.
#[derive(Clone, Debug, PartialEq)]
pub enum EmbeddedSources {
    /// The page carried these articles.
    Loaded(Rc<Vec<Source>>),
    /// The page carried no readable article list.
    Unreadable(String),
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The `#app` element, emptied of its loading message.
pub fn mount_point() -> Result<Element, String> {
    let root = document()
        .and_then(|d| d.get_element_by_id(MOUNT_ID))
        .ok_or_else(|| format!("The page has no element with id \"{MOUNT_ID}\"."))?;
    root.set_inner_html("");
    Ok(root)
}

/// Reads the JSON article list that the build embedded in the page.
pub fn read_embedded_sources() -> EmbeddedSources {
    let Some(script) = document().and_then(|d| d.get_element_by_id(SEEDS_ID)) else {
        return EmbeddedSources::Unreadable("The page carries no articles.".into());
    };
    let json = script.text_content().unwrap_or_default();
    match serde_json::from_str::<Vec<Source>>(&json) {
        Ok(sources) => EmbeddedSources::Loaded(Rc::new(sources)),
        Err(error) => EmbeddedSources::Unreadable(format!(
            "The articles embedded in this page could not be read ({error})."
        )),
    }
}

/// Shows a fatal error in the page's alert box (and hides the loading message).
pub fn show_fatal(message: &str) {
    let Some(doc) = document() else { return };
    if let Some(loading) = doc.get_element_by_id("loading") {
        let _ = loading.set_attribute("hidden", "");
    }
    if let Some(alert) = doc
        .get_element_by_id(FATAL_ID)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        alert.set_hidden(false);
        if let Ok(Some(detail)) = alert.query_selector(".detail") {
            detail.set_text_content(Some(message));
        }
    }
}

/// Logs panics to the console and shows them in the page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal(&format!("Internal error: {info}"));
    }));
}
