//! Keeping the user's work across reloads: the session in localStorage, or in IndexedDB when it outgrows it.
//!
//! I/O only, called from effects and start-up. localStorage holds a few
//! megabytes; a larger session goes to IndexedDB and localStorage keeps a
//! small marker saying so. A saved value that cannot be read is moved aside
//! (never deleted) so nothing is lost.

mod idb;

use std::cell::RefCell;

use web_sys::Storage;

/// The key the session (or the marker) is saved under, before its scope.
const KEY: &str = "crosscheck.session";
/// Where an unreadable saved session is moved to, before its scope.
const UNREADABLE_KEY: &str = "crosscheck.session.unreadable";
/// The key a half-typed pasted article is kept under, before its scope.
const DRAFT_KEY: &str = "crosscheck.paste-draft";
/// The key a student's exercise answers are kept under, before its scope.
const ANSWERS_KEY: &str = "crosscheck.answers";

thread_local! {
    /// Set once at start-up: pages exported for a class keep their work apart.
    static SCOPE: RefCell<Option<String>> = const { RefCell::new(None) };
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

/// Where an unreadable saved session of this page is kept.
pub fn unreadable_key() -> String {
    scoped(UNREADABLE_KEY)
}
/// What localStorage holds when the session lives in IndexedDB.
const IN_INDEXED_DB: &str = "{\"crosscheck-session-in\": \"indexeddb\"}";

/// What start-up finds in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Nothing saved (first visit, or storage unavailable).
    Nothing,
    /// A saved session's JSON.
    Found(String),
}

/// Why saving failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full.
    Full,
    /// The browser gives this page no storage (private mode, policy, file:// in some browsers).
    Unavailable,
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
        }
    }
}

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved session, if any, wherever it is.
pub async fn load() -> Saved {
    let Some(value) = local().and_then(|s| s.get_item(&scoped(KEY)).ok().flatten()) else {
        return Saved::Nothing;
    };
    if value != IN_INDEXED_DB {
        return Saved::Found(value);
    }
    match idb::load(&scoped(idb::KEY)).await {
        Ok(Some(json)) => Saved::Found(json),
        _ => Saved::Nothing,
    }
}

/// Saves the session JSON: localStorage first, IndexedDB when localStorage is full.
pub async fn save(json: &str) -> Result<(), SaveError> {
    let storage = local().ok_or(SaveError::Unavailable)?;
    let key = scoped(KEY);
    if storage.set_item(&key, json).is_ok() {
        return Ok(());
    }
    // Too large for localStorage: free it, keep the session in IndexedDB, leave a marker.
    let _ = storage.remove_item(&key);
    idb::save(&scoped(idb::KEY), json)
        .await
        .map_err(|_| SaveError::Full)?;
    storage
        .set_item(&key, IN_INDEXED_DB)
        .map_err(|_| SaveError::Full)
}

/// Moves an unreadable saved session aside so that it is not overwritten.
pub fn keep_unreadable(json: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(&unreadable_key(), json);
    }
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
