//! The corrections file (`crosscheck-corrections/1`): a person's corrections to the pairing, as the page exports them and `crosscheck compare --corrections` reads them.
//!
//! ```json
//! {
//!   "schema": "crosscheck-corrections/1",
//!   "corrections": [
//!     { "kind": "take-out",
//!       "sentence": { "source": "004_b273cf315fea7a1e", "start": 2107, "end": 2335,
//!                     "text": "Earlier on Tuesday, before speaking with Trump, …" } }
//!   ]
//! }
//! ```
//!
//! A session file is read too: its corrections are the ones it carries.
//! Reading is strict, since the file is all there is: a correction this
//! version cannot read refuses the file with a message saying which, and
//! nothing already loaded is touched.

use std::fmt;

use serde_json::Value;

use crosscheck_engine::{CorrectionsFile, SentenceRef, report::CORRECTIONS_SCHEMA};

pub use crosscheck_engine::Correction;

use crate::decode::strip_bom;

const PREFIX: &str = "crosscheck-corrections/";

/// Why a corrections file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorrectionsError {
    /// Empty, or not UTF-8 text.
    NotText,
    /// Not JSON; where the parser stopped (1-based).
    NotJson {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
    },
    /// JSON, but neither a corrections file nor a session (the schema, if any).
    Foreign {
        /// Its schema, or empty when it has none.
        schema: String,
    },
    /// A corrections file from a newer Crosscheck.
    Newer {
        /// Its schema.
        schema: String,
    },
    /// A correction that cannot be read: which (1-based) and why.
    Damaged {
        /// Its position.
        number: usize,
        /// What is wrong.
        problem: String,
    },
}

impl CorrectionsError {
    /// The message to show.
    pub fn message(&self) -> String {
        match self {
            CorrectionsError::NotText => "it is empty or not text".to_owned(),
            CorrectionsError::NotJson { line, column } => {
                format!("it is not JSON (line {line}, column {column})")
            }
            CorrectionsError::Foreign { schema } if schema.is_empty() => {
                "it is JSON but not Crosscheck corrections (no \"schema\")".to_owned()
            }
            CorrectionsError::Foreign { schema } => format!(
                "it is not Crosscheck corrections: its schema is \"{schema}\" \
                 (expected \"{CORRECTIONS_SCHEMA}\" or a session)"
            ),
            CorrectionsError::Newer { schema } => {
                format!("it was made by a newer Crosscheck ({schema})")
            }
            CorrectionsError::Damaged { number, problem } => {
                format!("correction {number} cannot be read ({problem})")
            }
        }
    }
}

impl fmt::Display for CorrectionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for CorrectionsError {}

/// Whether `text` is a corrections file (by its schema), so a front end can
/// tell it from a session before reading it.
pub fn is_corrections_file(text: &str) -> bool {
    let head: String = text.chars().take(200).collect();
    head.contains(PREFIX)
}

/// The corrections file as pretty-printed JSON.
pub fn corrections_json(corrections: &[Correction]) -> String {
    serde_json::to_string_pretty(&CorrectionsFile {
        schema: CORRECTIONS_SCHEMA.to_owned(),
        corrections: corrections.to_vec(),
    })
    .unwrap_or_default()
}

/// Reads a corrections file, or a session file's corrections.
///
/// ```
/// use crosscheck_import::corrections::parse_corrections;
///
/// let read = parse_corrections(r#"{"schema": "crosscheck-corrections/1", "corrections": [
///     {"kind": "confirm", "sentence": {"source": "a", "start": 0, "end": 5, "text": "Talks"}}]}"#);
/// assert_eq!(read.map(|c| c.len()), Ok(1));
/// let bad = parse_corrections(r#"{"schema": "crosscheck-corrections/1", "corrections": [{"kind": "swap"}]}"#);
/// assert!(bad.unwrap_err().message().starts_with("correction 1 cannot be read"));
/// ```
pub fn parse_corrections(text: &str) -> Result<Vec<Correction>, CorrectionsError> {
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(CorrectionsError::NotText);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| CorrectionsError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let schema = value
        .get("schema")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let version = schema.strip_prefix(PREFIX).map(|v| v.split('.').next());
    match version {
        Some(Some("1")) => {}
        Some(_) => {
            return Err(CorrectionsError::Newer {
                schema: schema.to_owned(),
            });
        }
        None if schema.starts_with("crosscheck-session/") => {}
        None => {
            return Err(CorrectionsError::Foreign {
                schema: schema.to_owned(),
            });
        }
    }
    let list = match value.get("corrections") {
        Some(Value::Array(list)) => list.as_slice(),
        None => &[],
        Some(_) => {
            return Err(CorrectionsError::Damaged {
                number: 0,
                problem: "\"corrections\" is not a list".to_owned(),
            });
        }
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            correction(v).map_err(|problem| CorrectionsError::Damaged {
                number: i + 1,
                problem,
            })
        })
        .collect()
}

/// One correction from its JSON value, as serde reads `Correction` (a tagged
/// enum through `StoredCorrection`): read by hand here because the page reads
/// every correction from a generic value, where serde's reader would add
/// about 7 KB to the wasm. `reads_what_serde_writes` keeps the two in step.
pub fn correction(value: &Value) -> Result<Correction, String> {
    let kind = value
        .get("kind")
        .and_then(Value::as_str)
        .ok_or("it has no \"kind\"")?;
    let field = |name: &str| -> Result<SentenceRef, String> {
        sentence(value.get(name)).ok_or_else(|| format!("a \"{kind}\" correction needs \"{name}\""))
    };
    Ok(match kind {
        "take-out" => Correction::TakeOut {
            sentence: field("sentence")?,
        },
        "move" => Correction::Move {
            sentence: field("sentence")?,
            into: field("into")?,
        },
        "join" => Correction::Join {
            sentence: field("sentence")?,
            with: field("with")?,
        },
        "apart" => Correction::Apart {
            sentence: field("sentence")?,
            from: field("from")?,
        },
        "confirm" => Correction::Confirm {
            sentence: field("sentence")?,
        },
        other => return Err(format!("unknown correction kind \"{other}\"")),
    })
}

/// A sentence as a correction names it: `{source, start, end, text}`.
fn sentence(value: Option<&Value>) -> Option<SentenceRef> {
    let value = value?;
    let text = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_owned);
    let offset = |name: &str| {
        let n = value.get(name).and_then(Value::as_u64)?;
        usize::try_from(n).ok()
    };
    Some(SentenceRef {
        source: text("source")?,
        start: offset("start")?,
        end: offset("end")?,
        text: text("text")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number of corrections read, or the message.
    fn check(text: &str, expect: &str) {
        let seen = match parse_corrections(text) {
            Ok(list) => format!("{} read", list.len()),
            Err(e) => e.message(),
        };
        assert_eq!(seen, expect);
    }

    const ONE: &str = r#"{"kind": "take-out", "sentence": {"source": "a", "start": 0, "end": 5, "text": "Talks"}}"#;

    #[test]
    fn corrections_files_and_sessions_are_read() {
        check(
            &format!(r#"{{"schema": "crosscheck-corrections/1", "corrections": [{ONE}]}}"#),
            "1 read",
        );
        check(
            &format!(
                r#"{{"schema": "crosscheck-session/1", "articles": [], "corrections": [{ONE}, {ONE}]}}"#
            ),
            "2 read",
        );
        check(
            r#"{"schema": "crosscheck-session/1", "articles": []}"#,
            "0 read",
        );
    }

    #[test]
    fn broken_or_foreign_files_say_what_is_wrong() {
        check("", "it is empty or not text");
        check("{\"schema\": ", "it is not JSON (line 1, column 11)");
        check(
            "[1, 2]",
            "it is JSON but not Crosscheck corrections (no \"schema\")",
        );
        check(
            r#"{"schema": "crosscheck-report/3"}"#,
            "it is not Crosscheck corrections: its schema is \"crosscheck-report/3\" (expected \"crosscheck-corrections/1\" or a session)",
        );
        check(
            r#"{"schema": "crosscheck-corrections/2"}"#,
            "it was made by a newer Crosscheck (crosscheck-corrections/2)",
        );
        check(
            r#"{"schema": "crosscheck-corrections/1", "corrections": [{"kind": "move", "sentence": {"source": "a", "start": 0, "end": 5, "text": "T"}}]}"#,
            "correction 1 cannot be read (a \"move\" correction needs \"into\")",
        );
    }

    #[test]
    fn reads_what_serde_writes() {
        let sentence = |source: &str| SentenceRef {
            source: source.into(),
            start: 3,
            end: 9,
            text: "Talks “held”.".into(),
        };
        let all = [
            Correction::TakeOut {
                sentence: sentence("a"),
            },
            Correction::Move {
                sentence: sentence("a"),
                into: sentence("b"),
            },
            Correction::Join {
                sentence: sentence("a"),
                with: sentence("b"),
            },
            Correction::Apart {
                sentence: sentence("a"),
                from: sentence("b"),
            },
            Correction::Confirm {
                sentence: sentence("a"),
            },
        ];
        for c in all {
            let value = serde_json::to_value(&c).unwrap_or_default();
            assert_eq!(correction(&value), Ok(c.clone()));
            let serde: Result<Correction, _> = serde_json::from_value(value);
            assert_eq!(serde.ok(), Some(c));
        }
    }

    #[test]
    fn written_corrections_read_back() {
        let list = parse_corrections(&format!(
            r#"{{"schema": "crosscheck-corrections/1", "corrections": [{ONE}]}}"#
        ))
        .unwrap_or_default();
        assert_eq!(parse_corrections(&corrections_json(&list)), Ok(list));
    }
}
