//! Keeping the user's work across reloads: the session in the browser's localStorage.
//!
//! I/O only, called from effects and start-up. A saved value that cannot be
//! read is moved aside (never deleted) so nothing is lost.

use web_sys::Storage;

/// The key the session is saved under.
pub const KEY: &str = "crosscheck.session";
/// Where an unreadable saved session is moved to.
pub const UNREADABLE_KEY: &str = "crosscheck.session.unreadable";

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

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the saved session, if any.
pub fn load() -> Saved {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map_or(Saved::Nothing, Saved::Found)
}

/// Saves the session JSON.
pub fn save(json: &str) -> Result<(), SaveError> {
    let storage = storage().ok_or(SaveError::Unavailable)?;
    storage.set_item(KEY, json).map_err(|_| SaveError::Full)
}

/// Moves an unreadable saved session aside so that it is not overwritten.
pub fn keep_unreadable(json: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(UNREADABLE_KEY, json);
    }
}
