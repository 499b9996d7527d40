//! Keeping the user's work across reloads: the session in localStorage, or in IndexedDB when it outgrows it.
//!
//! I/O only, called from effects and start-up. localStorage holds a few
//! megabytes; a larger session goes to IndexedDB and localStorage keeps a
//! small marker saying so. A saved value that cannot be read is copied aside
//! under a key of its own (never deleted, never over an earlier copy), in
//! localStorage or, when that is full, IndexedDB; until a copy is known to
//! be kept, or the reader has downloaded it, the page saves nothing over it
//! ([`hold`]).

mod idb;

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsValue;
use web_sys::Storage;

/// The key the session (or the marker) is saved under, before its scope.
const KEY: &str = "crosscheck.session";
/// Where an unreadable saved session is moved to, before its scope.
const UNREADABLE_KEY: &str = "crosscheck.session.unreadable";
/// The key a half-typed pasted article is kept under, before its scope.
const DRAFT_KEY: &str = "crosscheck.paste-draft";
/// The key a student's exercise answers are kept under, before its scope.
const ANSWERS_KEY: &str = "crosscheck.answers";

/// The most kept-aside copies of one kind (`….unreadable`, `….unreadable-2`…).
const MAX_KEPT: usize = 50;

thread_local! {
    /// Set once at start-up: pages exported for a class keep their work apart.
    static SCOPE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Set while an unreadable saved session could not be copied aside: the
    /// page then saves nothing over it.
    static HELD: Cell<bool> = const { Cell::new(false) };
}

/// Stops saving the session until [`release`]: what is saved cannot be
/// read, and no copy of it could be kept aside.
pub fn hold() {
    HELD.with(|h| h.set(true));
}

/// Lets the page save the session again (the reader has a copy of what was saved).
pub fn release() {
    HELD.with(|h| h.set(false));
}

/// `base`, `base-2`, `base-3`…: the `n`th key for copies kept aside.
fn numbered(base: &str, n: usize) -> String {
    match n {
        1 => base.to_owned(),
        n => format!("{base}-{n}"),
    }
}

/// Keeps this page's work apart from other pages' (`None`: the plain app's keys).
/// Pages opened from disk share one storage area in most browsers, so each
/// exported page saves under its own scope.
pub fn set_scope(scope: Option<String>) {
    SCOPE.with(|s| *s.borrow_mut() = scope);
}

/// `base`, or `base@scope` in a scoped page.
fn scoped(base: &str) -> String {
    SCOPE.with(|s| match &*s.borrow() {
        Some(scope) => format!("{base}@{scope}"),
        None => base.to_owned(),
    })
}

/// What localStorage holds when the session lives in IndexedDB.
const IN_INDEXED_DB: &str = "{\"crosscheck-session-in\": \"indexeddb\"}";

/// Where something is saved in the browser, as the reader would look for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// localStorage, under this key.
    Local(String),
    /// IndexedDB's `crosscheck` database, `sessions` store, under this key.
    IndexedDb(String),
}

impl Place {
    /// Where it is, for a message: "this browser's local storage under "…"".
    pub fn describe(&self) -> String {
        match self {
            Place::Local(key) => format!("this browser's local storage under \"{key}\""),
            Place::IndexedDb(key) => format!(
                "this browser's IndexedDB (database \"crosscheck\", store \"sessions\", key \"{key}\")"
            ),
        }
    }
}

/// What start-up finds in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Nothing saved (first visit, or storage unavailable).
    Nothing,
    /// A saved session's JSON, and where it is.
    Found {
        /// The JSON.
        json: String,
        /// Where it is saved.
        place: Place,
    },
    /// Something is saved but cannot be had as text.
    Unusable {
        /// What is wrong, as a clause: "the database no longer holds it".
        problem: &'static str,
        /// Where it was looked for.
        place: Place,
    },
}

/// Why saving failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full.
    Full,
    /// The browser gives this page no storage (private mode, policy, file:// in some browsers).
    Unavailable,
    /// Saving is held so as not to overwrite an unreadable saved session ([`hold`]).
    Held,
}

impl SaveError {
    /// What to tell the user.
    pub fn message(&self) -> &'static str {
        match self {
            SaveError::Full => {
                "The browser's storage for this page is full, so your latest changes are kept only until you close the page. Export the session to keep them."
            }
            SaveError::Unavailable => {
                "This browser does not let the page save anything, so your articles are kept only until you close the page. Export the session to keep them."
            }
            SaveError::Held => {
                "Your changes are not saved in this browser yet, so that the saved work that could not be read is not overwritten: download it first (see the message about it), or export the session to keep your changes."
            }
        }
    }
}

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved session, if any, wherever it is.
pub async fn load() -> Saved {
    let key = scoped(KEY);
    let Some(value) = local().and_then(|s| s.get_item(&key).ok().flatten()) else {
        return Saved::Nothing;
    };
    if value != IN_INDEXED_DB {
        return Saved::Found {
            json: value,
            place: Place::Local(key),
        };
    }
    let place = Place::IndexedDb(scoped(idb::KEY));
    let problem = match idb::load(&scoped(idb::KEY)).await {
        Ok(value) => match value.as_string() {
            Some(json) => return Saved::Found { json, place },
            None if value.is_undefined() => {
                "the database no longer holds it (the browser may have cleared it)"
            }
            None => "what the database holds there is not a saved session",
        },
        Err(_) => "the browser did not let the page read the database",
    };
    Saved::Unusable { problem, place }
}

/// Saves the session JSON: localStorage first, IndexedDB when localStorage is full.
pub async fn save(json: &str) -> Result<(), SaveError> {
    if HELD.with(Cell::get) {
        return Err(SaveError::Held);
    }
    let storage = local().ok_or(SaveError::Unavailable)?;
    let key = scoped(KEY);
    if storage.set_item(&key, json).is_ok() {
        return Ok(());
    }
    // Too large for localStorage: keep the session in IndexedDB first, and
    // only then point the marker at it, so the last saved copy is never
    // removed before the new one is kept.
    idb::save(&scoped(idb::KEY), json)
        .await
        .map_err(|_| SaveError::Full)?;
    if storage.set_item(&key, IN_INDEXED_DB).is_err() {
        let _ = storage.remove_item(&key);
        storage
            .set_item(&key, IN_INDEXED_DB)
            .map_err(|_| SaveError::Full)?;
    }
    Ok(())
}

/// Copies an unreadable saved session (found at `from`) aside, under a key no
/// earlier copy has: localStorage when it was there and there is room, else
/// IndexedDB. Returns where the copy is, or `None` when none could be kept.
pub async fn keep_unreadable(json: &str, from: &Place) -> Option<Place> {
    if let Place::Local(_) = from
        && let Some(key) = put_new_local(&scoped(UNREADABLE_KEY), json)
    {
        return Some(Place::Local(key));
    }
    idb::put_new(&scoped(idb::UNREADABLE_KEY), &JsValue::from_str(json))
        .await
        .ok()
        .map(Place::IndexedDb)
}

/// Copies the value IndexedDB holds for the session aside, whatever its type
/// (issue #17: a value of the wrong type was overwritten without a word).
pub async fn keep_unusable() -> Option<Place> {
    let value = idb::load(&scoped(idb::KEY)).await.ok()?;
    if value.is_undefined() {
        return None;
    }
    idb::put_new(&scoped(idb::UNREADABLE_KEY), &value)
        .await
        .ok()
        .map(Place::IndexedDb)
}

/// Stores `value` in localStorage under the first of `base`, `base-2`… that is free.
fn put_new_local(base: &str, value: &str) -> Option<String> {
    let storage = local()?;
    (1..=MAX_KEPT)
        .map(|n| numbered(base, n))
        .find(|key| storage.get_item(key).ok().flatten().is_none())
        .filter(|key| storage.set_item(key, value).is_ok())
}

/// A half-typed article or answers that could not be read back: copied aside
/// in localStorage (they are small), the original left to be replaced.
/// Returns where the copy is.
pub fn keep_unreadable_small(kind: Small, value: &str) -> Option<Place> {
    let base = scoped(match kind {
        Small::Draft => DRAFT_KEY,
        Small::Answers => ANSWERS_KEY,
    });
    put_new_local(&format!("{base}.unreadable"), value).map(Place::Local)
}

/// The small values saved besides the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Small {
    /// The half-typed pasted article.
    Draft,
    /// A student's exercise answers.
    Answers,
}

/// The half-typed pasted article, if any.
pub fn load_draft() -> Option<String> {
    local()?.get_item(&scoped(DRAFT_KEY)).ok().flatten()
}

/// Keeps the half-typed pasted article (`None` forgets it). Best effort: a draft that
/// does not fit is simply not kept.
pub fn save_draft(json: Option<&str>) {
    let Some(storage) = local() else { return };
    let _ = match json {
        Some(json) => storage.set_item(&scoped(DRAFT_KEY), json),
        None => storage.remove_item(&scoped(DRAFT_KEY)),
    };
}

/// The student's saved exercise answers (JSON), if any.
pub fn load_answers() -> Option<String> {
    local()?.get_item(&scoped(ANSWERS_KEY)).ok().flatten()
}

/// Keeps the student's exercise answers. Best effort, like the draft: answers
/// are small, and the page also offers to save them to a file.
pub fn save_answers(json: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(&scoped(ANSWERS_KEY), json);
    }
}
