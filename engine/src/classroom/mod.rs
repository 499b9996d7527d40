//! The classroom kit: a printable worksheet and exercise questions with answer keys, all derived from a finished [`Report`].
//!
//! Nothing here compares text again: every entry is read from the report's
//! sentences, groups and facts, so a key always agrees with what the grid and
//! the Facts view show.
//!
//! * [`worksheet()`]: one row per source, one [`Column`] per question a
//!   student answers about it (who, what happened, when, where, numbers,
//!   quotes, left out); each cell is the teacher's key.
//! * [`exercise`]: [`Question`]s a teacher sets ("Which sources report …?",
//!   "What did C leave out?") with their [`AnswerKey`]s, and
//!   [`templates`] for a default list.
//!
//! ```
//! use crosscheck_engine::{classroom, compare, seeds, Config};
//!
//! let report = compare(&seeds::bundled(), &Config::default());
//! let sheet = classroom::worksheet(&report);
//! assert_eq!(sheet.rows.len(), 5);
//! let questions = classroom::templates(&report);
//! let letters = |n: crosscheck_engine::SourceId| ["A", "B", "C", "D", "E"][n.index()].to_owned();
//! let first = &questions[0];
//! assert!(first.prompt(&report, letters).starts_with("Which sources report"));
//! assert!(!first.key(&report).lines.is_empty());
//! ```
//!
//! `docs/classroom.md` describes every column and key for teachers.

pub mod exercise;
pub mod worksheet;

pub use exercise::{AnswerKey, Question, SentenceAnchor, templates};
pub use worksheet::{Cell, Column, Row, Worksheet, worksheet};

use crate::report::{NameEntry, Report, SentenceId, SentenceReport, SourceId};

/// Quotation marks inside a quotation: double marks become single ones
/// (“a ‘b’ c”), a straight mark opening after a space or at the start.
pub(crate) fn nested(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let after_space = previous.is_none_or(|p| p.is_whitespace() || "([—–".contains(p));
        out.push(match c {
            '“' => '‘',
            '”' => '’',
            '"' if after_space => '‘',
            '"' => '’',
            other => other,
        });
        previous = Some(c);
    }
    out
}

/// Text for a `{N}` template: braces doubled so [`crate::report::fill`] keeps them.
pub(crate) fn escaped(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// The sentences of `source` that are article content (not boilerplate), with their indices.
pub(crate) fn content(
    report: &Report,
    source: SourceId,
) -> impl Iterator<Item = (SentenceId, &SentenceReport)> {
    report
        .source(source)
        .into_iter()
        .flat_map(|s| SentenceId::all(s.sentences.len()).zip(&s.sentences))
        .filter(|(_, s)| !s.boilerplate)
}

/// A name as `source` writes it: its fullest form there, or the set's display
/// name when the source only uses a shorter form ("Trump" → "Donald Trump").
/// Abbreviations cut before their last full stop get it back ("U.S" → "U.S.").
pub(crate) fn name_in(entry: &NameEntry, source: SourceId) -> String {
    let words = |text: &str| text.split_whitespace().count();
    let mut own: Option<&str> = None;
    for form in entry.forms.iter().filter(|f| f.sources.contains(&source)) {
        if own.is_none_or(|best| words(&form.text) > words(best)) {
            own = Some(&form.text);
        }
    }
    let name = match own {
        Some(form) if words(form) >= words(&entry.name) => form,
        _ => &entry.name,
    };
    full_stop_restored(name)
}

/// "U.S" → "U.S.", "U.N" → "U.N."; anything else unchanged.
fn full_stop_restored(name: &str) -> String {
    let bytes = name.as_bytes();
    let abbreviation = bytes.len() >= 3
        && bytes[bytes.len() - 2] == b'.'
        && bytes[bytes.len() - 1].is_ascii_uppercase();
    if abbreviation {
        format!("{name}.")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{NameForm, NameKind};

    #[test]
    fn nested_quotations_take_single_marks() {
        assert_eq!(nested("“I don’t,” he said"), "‘I don’t,’ he said");
        assert_eq!(
            nested("discussing \"dividing up\" between"),
            "discussing ‘dividing up’ between"
        );
    }

    fn entry(name: &str, forms: &[(&str, &[usize])]) -> NameEntry {
        NameEntry {
            id: 0,
            name: name.into(),
            kind: NameKind::Person,
            key: String::new(),
            forms: forms
                .iter()
                .map(|(text, sources)| NameForm {
                    text: (*text).into(),
                    sources: sources.iter().map(|&s| SourceId::new(s)).collect(),
                })
                .collect(),
            titles: Vec::new(),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn names_are_written_as_the_source_writes_them() {
        let zelensky = entry(
            "Volodymyr Zelensky",
            &[
                ("Volodymyr Zelenskyy", &[0]),
                ("Volodymyr Zelensky", &[1]),
                ("Zelensky", &[2]),
            ],
        );
        assert_eq!(name_in(&zelensky, SourceId::new(0)), "Volodymyr Zelenskyy");
        assert_eq!(name_in(&zelensky, SourceId::new(1)), "Volodymyr Zelensky");
        assert_eq!(name_in(&zelensky, SourceId::new(2)), "Volodymyr Zelensky");
        assert_eq!(
            name_in(
                &entry("U.S", &[("U.S", &[0]), ("US", &[1])]),
                SourceId::new(0)
            ),
            "U.S."
        );
        assert_eq!(
            name_in(
                &entry("U.S", &[("U.S", &[0]), ("US", &[1])]),
                SourceId::new(1)
            ),
            "US"
        );
    }
}
