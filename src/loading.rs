//! Effects: reads picked, dropped and session files with the browser and hands what they hold to the library.
//!
//! The views and the page's drop handler only say which files; reading them
//! (asynchronously, with a size limit checked before anything is read) and
//! turning them into articles or a session happens here, so no view does I/O.

use crosscheck_import::corrections::{is_corrections_file, parse_corrections};
use crosscheck_import::limits::MAX_SESSION_BYTES;
use crosscheck_import::readable_size;
use crosscheck_import::session::parse_session_bytes;
use web_sys::File;

use crate::app::analysis::import;
use crate::components::shared::LibraryContext;
use crate::files;
use crate::importing::{self, ReadError};
use crate::library::{CorrectionAction, LibraryAction};
use crate::messages::Message;

/// Articles larger than this are refused before they are read.
const MAX_FILE_BYTES: f64 = crosscheck_import::limits::MAX_FILE_BYTES as f64;
/// Sessions larger than this are refused before they are read: larger than
/// any the page exports (`session::to_file`).
const MAX_SESSION_FILE_BYTES: f64 = MAX_SESSION_BYTES as f64;

/// Reads and adds files (picked or dropped): each read in a worker (`app/analysis/import.rs`).
pub fn add_files(list: Vec<File>, context: LibraryContext) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut reads = Vec::new();
        for file in list {
            let (name, bytes) = files::read(file, MAX_FILE_BYTES).await;
            let read = match bytes {
                Ok(bytes) => import::file(name.clone(), bytes).await,
                Err(why) => importing::unread(&name, &why),
            };
            reads.push((name, read));
        }
        context.apply(importing::files(&context.articles, reads));
    });
}

/// Applies a corrections file read in (it replaces the corrections; Undo brings them back), or says what is wrong.
fn read_corrections(name: &str, text: &str, context: &LibraryContext) {
    let message = match parse_corrections(text) {
        Ok(list) => {
            let count = list.len();
            context
                .edit
                .emit(LibraryAction::Correct(CorrectionAction::Replace(list)));
            Message::info(format!(
                "Read {count} corrections to the pairing from {name}; Undo takes them back."
            ))
        }
        Err(why) => Message::error(format!(
            "{name} could not be used as corrections: {why}. Your corrections are unchanged."
        )),
    };
    context.notify.emit(vec![message]);
}

/// Reads a session file and replaces the set with it, or says what is wrong and
/// keeps the work; a corrections file replaces the corrections. A session cut
/// off part way opens with the complete articles it holds, and says so.
pub fn open_session_file(file: File, context: LibraryContext) {
    wasm_bindgen_futures::spawn_local(async move {
        let (name, bytes) = files::read(file, MAX_SESSION_FILE_BYTES).await;
        if let Ok(bytes) = &bytes {
            let text = String::from_utf8_lossy(bytes);
            if is_corrections_file(&text) {
                read_corrections(&name, &text, &context);
                return;
            }
        }
        let unchanged = "Your current articles are unchanged.";
        let parsed = match bytes {
            Ok(bytes) => parse_session_bytes(&bytes),
            Err(ReadError::TooLarge(size)) => {
                return context.notify.emit(vec![Message::error(format!(
                    "{name} could not be opened: it is {}, larger than any session Crosscheck \
                     saves ({} at most). {unchanged}",
                    readable_size(size),
                    readable_size(MAX_SESSION_BYTES)
                ))]);
            }
            Err(ReadError::Failed) => {
                return context.notify.emit(vec![Message::error(format!(
                    "{name} could not be opened: the browser could not read it. {unchanged}"
                ))]);
            }
        };
        let (session, message) = match parsed {
            Ok(session) => {
                let count = session.articles.len();
                (
                    session,
                    Message::info(format!("Opened the session {name} ({count} articles).")),
                )
            }
            Err(error) => {
                let why = error.message();
                let Some(session) = error.into_recovered() else {
                    return context.notify.emit(vec![Message::error(format!(
                        "{name} could not be opened. {why} {unchanged}"
                    ))]);
                };
                (
                    session,
                    Message::warning(format!(
                        "Opened {name} as far as it goes. {why} Anything after them (later \
                         articles, settings, questions, corrections) is not in the file; the file \
                         itself is unchanged, so a complete copy can still be opened over this."
                    )),
                )
            }
        };
        context.open_session.emit(session);
        context.notify.emit(vec![message]);
    });
}
