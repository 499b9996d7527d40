//! Start-up I/O: find the mount point, read the embedded articles (or an exported page's session), keep what a page copy needs, report fatal errors.
//!
//! Everything here touches the DOM directly because it runs before (or
//! instead of) the yew app. The app itself receives plain values.
//!
//! The same module also runs in the comparison worker (`app/analysis/worker.rs`),
//! where wasm-bindgen calls the start function too: there is no window, and
//! [`start_set`] never finishes, so nothing is mounted there.

use std::rc::Rc;

use crosscheck_engine::Correction;
use crosscheck_import::session::{Article, Settings, parse_article_list, parse_session};

use crate::answers::Answers;
use crate::comparison::SetQuestion;
use crate::components::paste_form::Draft;
use crate::messages::{AfterDownload, Download, Message};
use crate::storage::{self, Place, Saved, Small};
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
    /// Exercise questions on the articles (sources as positions).
    pub questions: Vec<SetQuestion>,
    /// The page's own set, for "Restore the sample set".
    pub samples: Rc<Vec<Article>>,
    /// The page's own exercise questions.
    pub sample_questions: Rc<Vec<SetQuestion>>,
    /// Corrections to the pairing (article ids name their sources).
    pub corrections: Vec<Correction>,
    /// The page's own corrections.
    pub sample_corrections: Rc<Vec<Correction>>,
    /// Whether this is a page saved for a class (its set is a teacher's session).
    pub for_class: bool,
    /// The student's saved exercise answers.
    pub answers: Answers,
    /// The `#app` element's markup as served (the loading message), which the
    /// app replaces: with it [`page_as_served`] rebuilds the page for one-file copies.
    pub app_markup: Rc<str>,
    /// What to tell the user about how it started.
    pub messages: Vec<Message>,
}

/// Chooses what to open: the saved session, what can be read of it, or the
/// embedded set when there is none or it cannot be read (then it is kept
/// aside, or saving is held, and the user is told where it is).
pub async fn start_set() -> Start {
    if web_sys::window().is_none() {
        // A worker: it only answers comparison requests.
        std::future::pending::<()>().await;
    }
    let app_markup = Rc::from(
        document()
            .and_then(|d| d.get_element_by_id(MOUNT_ID))
            .map(|app| app.inner_html())
            .unwrap_or_default(),
    );
    let (embedded, mut messages) = match read_embedded() {
        Ok(embedded) => (embedded, Vec::new()),
        Err(message) => (Embedded::default(), vec![Message::error(message)]),
    };
    storage::set_scope(embedded.scope.clone());
    let for_class = embedded.scope.is_some();
    let samples = Rc::new(embedded.articles);
    let sample_questions = Rc::new(embedded.questions);
    let mut settings = embedded.settings;
    let mut questions = (*sample_questions).clone();
    let sample_corrections = Rc::new(embedded.corrections);
    let mut corrections = (*sample_corrections).clone();
    let articles = match storage::load().await {
        Saved::Nothing => (*samples).clone(),
        Saved::Found { json, place } => {
            let session = match parse_session(&json) {
                Ok(session) => Some(session),
                Err(error) => {
                    let why = error.message();
                    let session = error.into_recovered();
                    let instead = match session {
                        Some(_) => "What could be read of it is open.",
                        None => "The sample set is shown instead.",
                    };
                    messages.push(unreadable(&json, &place, &why, instead).await);
                    session
                }
            };
            match session {
                Some(session) => {
                    questions = session.questions();
                    corrections = session.corrections;
                    settings = session.settings;
                    session.articles
                }
                None => (*samples).clone(),
            }
        }
        Saved::Unusable { problem, place } => {
            let kept = storage::keep_unusable().await;
            let what = match &kept {
                Some(copy) => format!(" What it held is kept in {}.", copy.describe()),
                None => String::new(),
            };
            messages.push(Message::error(format!(
                "Your saved work was in {}, but {problem}. The sample set is shown instead.{what}",
                place.describe()
            )));
            (*samples).clone()
        }
    };
    messages.extend(check_small_values());
    Start {
        articles,
        settings,
        questions,
        samples,
        sample_questions,
        corrections,
        sample_corrections,
        for_class,
        answers: storage::load_answers()
            .map(|json| Answers::from_json(&json))
            .unwrap_or_default(),
        app_markup,
        messages,
    }
}

/// Keeps a saved session that could not be read (or only in part) aside and
/// says where; when no copy can be kept, holds saving until the reader has
/// downloaded it (issue #17: the sample set was saved over the only copy).
async fn unreadable(json: &str, place: &Place, why: &str, instead: &str) -> Message {
    let download = |then| Download {
        label: "Download the saved copy",
        file: "crosscheck-saved-session.json".to_owned(),
        text: json.to_owned(),
        then,
    };
    match storage::keep_unreadable(json, place).await {
        Some(copy) => Message::error(format!(
            "Your saved work could not be read in full. {why} {instead} A copy of what was saved \
             is kept in {}.",
            copy.describe()
        ))
        .with_download(download(AfterDownload::Nothing)),
        None => {
            storage::hold();
            Message::error(format!(
                "Your saved work could not be read in full. {why} {instead} There is no room in \
                 this browser to keep a copy aside, so it stays in {} and the page saves nothing \
                 over it until you download it.",
                place.describe()
            ))
            .with_download(download(AfterDownload::SaveAgain))
        }
    }
}

/// The half-typed article and a student's answers, checked before the views
/// read them: one that cannot be read back is copied aside, what can be read
/// of a draft cut off part way is put back, and the reader is told.
fn check_small_values() -> Vec<Message> {
    let mut messages = Vec::new();
    if let Some(json) = storage::load_draft()
        && Draft::from_json(&json).is_none()
    {
        let kept = storage::keep_unreadable_small(Small::Draft, &json);
        let recovered = Draft::recover(&json);
        storage::save_draft(recovered.as_ref().map(Draft::to_json).as_deref());
        messages.push(Message::warning(format!(
            "The article you were pasting was not saved in full. {}{}",
            match recovered {
                Some(_) => "What was saved of it is back in the paste form (Articles tab).",
                None => "None of it could be read back.",
            },
            kept.map(|p| format!(" The saved copy is kept in {}.", p.describe()))
                .unwrap_or_default()
        )));
    }
    if let Some(json) = storage::load_answers()
        && serde_json::from_str::<serde_json::Value>(&json).is_err()
    {
        let kept = storage::keep_unreadable_small(Small::Answers, &json);
        messages.push(
            Message::warning(format!(
                "Your saved answers could not be read back, so the exercise starts without them.{}",
                kept.map(|p| format!(" They are kept in {}.", p.describe()))
                    .unwrap_or_default()
            ))
            .with_download(Download {
                label: "Download the saved answers",
                file: "crosscheck-saved-answers.json".to_owned(),
                text: json,
                then: AfterDownload::Nothing,
            }),
        );
    }
    messages
}

/// The page's built-in set: the bundled articles (a JSON list of sources) or,
/// in a page exported for a class, a whole session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Embedded {
    /// The articles.
    pub articles: Vec<Article>,
    /// The choices the page opens with.
    pub settings: Settings,
    /// The exercise questions it carries.
    pub questions: Vec<SetQuestion>,
    /// The corrections to the pairing it carries.
    pub corrections: Vec<Correction>,
    /// For an exported page: where its reader's work is saved, apart from other pages'
    /// (pages opened from disk share one storage area in most browsers).
    pub scope: Option<String>,
}

/// The page as served, doctype included, read before the app replaces the loading message.
/// The page as it was served, doctype included: the document as it is now,
/// with the `#app` element's markup put back to `app_markup`. Only the app
/// changes the document, and only inside `#app`. Done when a copy is asked
/// for, so that start-up does not serialise the whole page.
pub fn page_as_served(app_markup: &str) -> Option<String> {
    let root: Element = document()?
        .document_element()?
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into()
        .ok()?;
    root.query_selector(&format!("#{MOUNT_ID}"))
        .ok()??
        .set_inner_html(app_markup);
    Some(format!("<!doctype html>\n{}", root.outer_html()))
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

/// Reads the set the build (or a one-file export) embedded in the page.
pub fn read_embedded() -> Result<Embedded, String> {
    let Some(script) = document().and_then(|d| d.get_element_by_id(SEEDS_ID)) else {
        return Err("The page carries no articles.".into());
    };
    parse_embedded(&script.text_content().unwrap_or_default())
}

/// Parses a built-in set: a list of sources, or a session (an exported page).
pub fn parse_embedded(json: &str) -> Result<Embedded, String> {
    if json.trim_start().starts_with('[') {
        // Read by hand like a session's articles: serde's derived reader for
        // `Source` would add its own code to the page for this one list.
        return match parse_article_list(json) {
            Ok(articles) => Ok(Embedded {
                articles,
                ..Embedded::default()
            }),
            Err(error) => Err(format!(
                "The articles embedded in this page could not be read ({}).",
                error.message()
            )),
        };
    }
    match parse_session(json) {
        Ok(session) => Ok(Embedded {
            questions: session.questions(),
            corrections: session.corrections,
            articles: session.articles,
            settings: session.settings,
            scope: Some(format!("{:016x}", fnv(json))),
        }),
        Err(error) => Err(format!(
            "The articles embedded in this page could not be read ({}).",
            error.message()
        )),
    }
}

/// FNV-1a: a short, stable name for a page's set.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_import::session::{Session, to_json};

    #[test]
    fn the_bundled_list_has_no_scope_and_an_exported_session_has_one() {
        let list =
            parse_embedded(r#"[{"id":"a","text":"One."},{"id":"b","text":"Two."}]"#).unwrap();
        assert_eq!(list.articles.len(), 2);
        assert_eq!(list.scope, None);
        let session = Session::new(
            list.articles.clone(),
            Settings {
                reference: Some("b".into()),
                ..Settings::default()
            },
        );
        let exported = parse_embedded(&to_json(&session)).unwrap();
        assert_eq!(exported.articles, list.articles);
        assert_eq!(exported.settings.reference.as_deref(), Some("b"));
        assert!(exported.scope.is_some());
    }

    #[test]
    fn a_damaged_set_is_explained() {
        let error = parse_embedded("{\"schema\": 3").unwrap_err();
        assert!(
            error.starts_with("The articles embedded in this page could not be read"),
            "{error}"
        );
        assert!(parse_embedded("[1, 2]").is_err());
    }
}
