//! From files and pasted text to articles: the import crate's checks plus duplicates and the 100-article limit.
//!
//! Pure (the bytes are read by `files.rs` beforehand, and HTML is parsed by
//! the [`Config`]'s parser: in the page, the tree the browser's `DOMParser`
//! made beforehand, `html_dom.rs`), so the rules a user meets are tested
//! natively, with html5ever. Reading ([`read_file`], [`read_pasted`]) runs in
//! the worker when there is one (`app/analysis/import.rs`); adding what was
//! read ([`files`], [`pasted`]: duplicates, the limit, the messages) runs in
//! the page, which knows the articles. Every refusal becomes a message naming
//! the file.

use crosscheck_import::session::Article;
use crosscheck_import::{
    Config, ImportError, Imported, PastedMeta, find_duplicate, import_file, import_pasted, limits,
    unique_id,
};

use crate::comparison::ArticleIndex;
use crate::labels::source_letter;
use crate::messages::Message;

/// Why a file's bytes were not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the limit: not read at all (its size in bytes).
    TooLarge(usize),
    /// The browser could not read it.
    Failed,
}

/// A file's name and bytes, or why they were not read.
pub type Loaded = (String, Result<Vec<u8>, ReadError>);

/// An article read from a file or a paste, with what the reader should know
/// (the import's notices, in words); or, in words, why it could not be read.
/// What the worker answers an import with (`app/analysis/import.rs`).
pub type Read = Result<(Article, Vec<String>), String>;

/// What an import adds and what to tell the user.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Articles to append.
    pub added: Vec<Article>,
    /// Messages, one per file at most, plus a summary.
    pub messages: Vec<Message>,
}

/// Reads one file named `name` from its bytes.
pub fn read_file(name: &str, bytes: &[u8], config: &Config) -> Read {
    read(import_file(name, bytes, config))
}

/// Why the file named `name` was not read, in words.
pub fn unread(name: &str, why: &ReadError) -> Read {
    Err(match why {
        ReadError::TooLarge(bytes) => ImportError::TooLarge {
            file: Some(name.to_owned()),
            bytes: *bytes,
        }
        .message(),
        ReadError::Failed => {
            format!("“{name}” could not be read by the browser. Try adding it again.")
        }
    })
}

/// Reads pasted text and what the reader typed beside it.
pub fn read_pasted(text: &str, meta: PastedMeta, config: &Config) -> Read {
    read(import_pasted(text, meta, config))
}

fn read(imported: Result<Imported, ImportError>) -> Read {
    let imported = imported.map_err(|e| e.message())?;
    let notices = imported.notices.iter().map(|n| n.message()).collect();
    Ok((Article::from(imported), notices))
}

/// Adds files read (each with its name) next to the `existing` articles.
pub fn files(existing: &[Article], reads: Vec<(String, Read)>) -> Outcome {
    let mut outcome = Outcome::default();
    for (name, read) in reads {
        accept(existing, &mut outcome, &name, read);
    }
    summarise(&mut outcome);
    outcome
}

/// Adds pasted text read.
pub fn pasted(existing: &[Article], read: Read) -> Outcome {
    let mut outcome = Outcome::default();
    accept(existing, &mut outcome, "The pasted text", read);
    summarise(&mut outcome);
    outcome
}

fn accept(existing: &[Article], outcome: &mut Outcome, name: &str, read: Read) {
    let (mut article, notices) = match read {
        Ok(read) => read,
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
    match find_duplicate(&sources, &article.source) {
        // The very same words: the same article added twice.
        Some(twin) if twin.identical => {
            let already = twin.message(&sources[twin.index]);
            return outcome.messages.push(Message::warning(format!(
                "{name} was not added: {already} (source {})",
                source_letter(ArticleIndex::new(twin.index))
            )));
        }
        // Nearly the same words: often two outlets running one wire story. Keep it, and say so.
        Some(twin) => outcome.messages.push(Message::warning(format!(
            "{name} is almost word for word the same as source {}: probably the same wire copy. It was added; remove it if it is the same article.",
            source_letter(ArticleIndex::new(twin.index))
        ))),
        None => {}
    }
    for notice in notices {
        outcome
            .messages
            .push(Message::warning(format!("{name}: {notice}")));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the files as the page does (natively, with html5ever) and adds them.
    fn add(existing: &[Article], files: Vec<Loaded>) -> Outcome {
        let reads = files
            .into_iter()
            .map(|(name, bytes)| {
                let read = match &bytes {
                    Ok(bytes) => read_file(&name, bytes, &Config::default()),
                    Err(why) => unread(&name, why),
                };
                (name, read)
            })
            .collect();
        super::files(existing, reads)
    }

    fn check(existing: &[Article], files: Vec<Loaded>, added: usize, messages: &[&str]) {
        let outcome = add(existing, files);
        assert_eq!(outcome.added.len(), added, "{:?}", outcome.messages);
        let texts: Vec<&str> = outcome.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts.len(), messages.len(), "{texts:?}");
        for (text, expect) in texts.iter().zip(messages) {
            assert!(text.contains(expect), "{text:?} should contain {expect:?}");
        }
    }

    fn file(name: &str, text: &str) -> Loaded {
        (name.to_owned(), Ok(text.as_bytes().to_vec()))
    }

    const STORY: &str =
        "The council voted on Monday to build a new bridge over the river, the mayor said.";

    #[test]
    fn a_text_file_is_added() {
        check(
            &[],
            vec![file("bridge.txt", STORY)],
            1,
            &["Added 1 article"],
        );
    }

    #[test]
    fn the_same_article_twice_is_added_once() {
        check(
            &[],
            vec![file("a.txt", STORY), file("b.txt", STORY)],
            1,
            &["b.txt", "Added 1 article"],
        );
    }

    #[test]
    fn a_near_copy_is_added_with_a_warning() {
        let words: Vec<String> = (0..200).map(|i| format!("word{i}")).collect();
        let long = words.join(" ");
        let near = long.replace("word100 ", "changed ");
        check(
            &[],
            vec![file("a.txt", &long), file("b.txt", &near)],
            2,
            &["b.txt is almost word for word", "Added 2 articles"],
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_politely() {
        check(
            &[],
            vec![("huge.txt".to_owned(), Err(ReadError::TooLarge(6_000_000)))],
            0,
            &["huge.txt"],
        );
    }

    #[test]
    fn the_hundred_and_first_article_is_refused() {
        let existing: Vec<Article> = (0..limits::MAX_ARTICLES)
            .map(|i| Article {
                source: crosscheck_engine::Source {
                    id: format!("s{i}"),
                    text: format!("Story number {i} about something else entirely."),
                    ..Default::default()
                },
                url: None,
            })
            .collect();
        check(
            &existing,
            vec![file("one-more.txt", STORY)],
            0,
            &["at most 100 articles"],
        );
    }

    #[test]
    fn ids_stay_unique() {
        let first = add(&[], vec![file("bridge.txt", STORY)]).added;
        let second = add(
            &first,
            vec![file(
                "bridge.txt",
                "A different story about a tunnel under the river, opened on Friday.",
            )],
        )
        .added;
        assert_eq!(second[0].source.id, "bridge-2");
    }
}
