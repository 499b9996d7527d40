//! From files and pasted text to articles: the import crate's checks plus duplicates and the 100-article limit.
//!
//! Pure (the bytes are read by `files.rs` beforehand), so the rules a user
//! meets are tested natively. Every refusal becomes a message naming the file.

use crosscheck_import::session::Article;
use crosscheck_import::{
    Imported, PastedMeta, find_duplicate, import_file, import_pasted, limits, unique_id,
};

use crate::labels::source_letter;
use crate::messages::Message;

/// What an import adds and what to tell the user.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Articles to append.
    pub added: Vec<Article>,
    /// Messages, one per file at most, plus a summary.
    pub messages: Vec<Message>,
}

/// Imports files (name, bytes or a read error) next to the `existing` articles.
pub fn files(existing: &[Article], files: Vec<(String, Result<Vec<u8>, String>)>) -> Outcome {
    let mut outcome = Outcome::default();
    for (name, bytes) in files {
        let result = match bytes {
            Ok(bytes) => import_file(&name, &bytes).map_err(|e| e.message()),
            Err(why) => Err(format!("{name} could not be added: {why}.")),
        };
        accept(existing, &mut outcome, &name, result);
    }
    summarise(&mut outcome);
    outcome
}

/// Imports pasted text.
pub fn pasted(existing: &[Article], text: &str, meta: PastedMeta) -> Outcome {
    let mut outcome = Outcome::default();
    let result = import_pasted(text, meta).map_err(|e| e.message());
    accept(existing, &mut outcome, "The pasted text", result);
    summarise(&mut outcome);
    outcome
}

fn accept(
    existing: &[Article],
    outcome: &mut Outcome,
    name: &str,
    result: Result<Imported, String>,
) {
    let imported = match result {
        Ok(imported) => imported,
        Err(message) => return outcome.messages.push(Message::error(message)),
    };
    if existing.len() + outcome.added.len() >= limits::MAX_ARTICLES {
        return outcome.messages.push(Message::error(format!(
            "{name} was not added: Crosscheck compares at most {} articles at a time. Remove some first.",
            limits::MAX_ARTICLES
        )));
    }
    let sources: Vec<_> = existing
        .iter()
        .chain(&outcome.added)
        .map(|a| a.source.clone())
        .collect();
    if let Some(twin) = find_duplicate(&sources, &imported.source) {
        let already = twin.message(&sources[twin.index]);
        return outcome.messages.push(Message::warning(format!(
            "{name} was not added: {already} (source {})",
            source_letter(twin.index)
        )));
    }
    for notice in &imported.notices {
        outcome
            .messages
            .push(Message::warning(format!("{name}: {}", notice.message())));
    }
    let mut article = Article::from(imported);
    article.source.id = unique_id(&sources, &article.source.id);
    outcome.added.push(article);
}

fn summarise(outcome: &mut Outcome) {
    match outcome.added.len() {
        0 => {}
        1 => outcome.messages.push(Message::info("Added 1 article.")),
        n => outcome
            .messages
            .push(Message::info(format!("Added {n} articles."))),
    }
}
