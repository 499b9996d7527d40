//! A student's answers to the exercise: their name, one answer per question, and whether the key is shown. Pure reducer.
//!
//! Kept in the browser (see `storage::load_answers`), apart from the
//! articles, so "start over" on the answers never touches the teacher's set.

use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;
use yew::Reducible;

/// The answers as kept in the browser. Read back from a generic JSON value
/// by hand, as the session's corrections are: serde's derived reader would
/// add its own code to the page for three fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Answers {
    /// The student's name, for the printout.
    pub name: String,
    /// One answer per question, by question number (missing: not answered).
    pub texts: Vec<String>,
    /// Whether the key is shown.
    pub shown: KeyShown,
}

/// Whether the answer key is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyShown {
    /// Not yet: the student is answering.
    #[default]
    Hidden,
    /// Revealed: the key and the highlights are shown.
    Revealed,
}

/// What a student can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswersAction {
    /// Type their name.
    Name(String),
    /// Type the answer to question `n`.
    Answer(usize, String),
    /// Show the key.
    Reveal,
    /// Hide the key again, keeping the answers (the teacher trying it out).
    Hide,
    /// Forget every answer and the name.
    Clear,
}

impl Answers {
    /// The answer to question `n`, or "".
    pub fn answer(&self, n: usize) -> &str {
        self.texts.get(n).map_or("", String::as_str)
    }

    /// Reads saved answers; anything unreadable starts empty (start-up
    /// keeps answers that are not JSON aside first, `boot.rs`).
    pub fn from_json(json: &str) -> Answers {
        let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(json) else {
            return Answers::default();
        };
        let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
        Answers {
            name: fields.get("name").map(text).unwrap_or_default(),
            texts: match fields.get("texts") {
                Some(Value::Array(texts)) => texts.iter().map(text).collect(),
                _ => Vec::new(),
            },
            shown: match fields.get("shown").and_then(Value::as_str) {
                Some("revealed") => KeyShown::Revealed,
                _ => KeyShown::Hidden,
            },
        }
    }

    /// The answers as JSON, for the browser's storage.
    pub fn to_json(&self) -> String {
        // Pretty, like every other JSON the app writes: the wasm then holds
        // one JSON formatter, not two (0.6 KB of the gzipped page).
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Longest answer kept, in bytes: a paragraph or two, not a pasted article.
pub const MAX_ANSWER: usize = 4_000;

impl Reducible for Answers {
    type Action = AnswersAction;

    fn reduce(self: Rc<Self>, action: AnswersAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AnswersAction::Name(name) => next.name = cut(name, 200),
            AnswersAction::Answer(n, text) if n < 1_000 => {
                if next.texts.len() <= n {
                    next.texts.resize(n + 1, String::new());
                }
                next.texts[n] = cut(text, MAX_ANSWER);
            }
            AnswersAction::Answer(..) => return self,
            AnswersAction::Reveal => next.shown = KeyShown::Revealed,
            AnswersAction::Hide => next.shown = KeyShown::Hidden,
            AnswersAction::Clear => next = Answers::default(),
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// `text` cut to at most `max` bytes, on a character boundary.
fn cut(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(actions: Vec<AnswersAction>, expect: Answers) {
        let done = actions
            .into_iter()
            .fold(Rc::new(Answers::default()), |a, action| a.reduce(action));
        assert_eq!(*done, expect);
    }

    #[test]
    fn answers_fill_their_question_and_reveal_keeps_them() {
        check(
            vec![
                AnswersAction::Name("Ana".into()),
                AnswersAction::Answer(2, "Wednesday".into()),
                AnswersAction::Reveal,
            ],
            Answers {
                name: "Ana".into(),
                texts: vec![String::new(), String::new(), "Wednesday".into()],
                shown: KeyShown::Revealed,
            },
        );
        check(
            vec![AnswersAction::Answer(0, "x".into()), AnswersAction::Clear],
            Answers::default(),
        );
    }

    #[test]
    fn overlong_answers_are_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_ANSWER);
        let done = Rc::new(Answers::default()).reduce(AnswersAction::Answer(0, long));
        assert!(done.answer(0).len() <= MAX_ANSWER && done.answer(0).chars().all(|c| c == 'é'));
        let far = Rc::new(Answers::default()).reduce(AnswersAction::Answer(usize::MAX, "x".into()));
        assert!(far.texts.is_empty());
    }

    #[test]
    fn damaged_saved_answers_start_empty() {
        assert_eq!(Answers::from_json("{not json"), Answers::default());
        let saved = Answers {
            name: "Bo".into(),
            ..Answers::default()
        };
        assert_eq!(Answers::from_json(&saved.to_json()), saved);
        // Read by hand: every field, and the revealed key, come back.
        let full = Answers {
            name: "Ana".into(),
            texts: vec![String::new(), "Wednesday \"quoted\"".into()],
            shown: KeyShown::Revealed,
        };
        assert_eq!(Answers::from_json(&full.to_json()), full);
    }
}
