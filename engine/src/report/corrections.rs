//! A person's corrections to the pairing (take a sentence out of its row, move it, join rows, keep two sentences apart, confirm a row) and what became of each in a report.
//!
//! Corrections are data, not options: the front ends keep them with the work
//! and pass them in [`Config::corrections`](crate::Config::corrections); the
//! correct stage (`crate::correct`) applies them to the aligned rows before
//! the word diff, so statuses, omissions, flags and answer keys are computed
//! from the corrected rows. A sentence is named by its source's id, its byte
//! range and its words ([`SentenceRef`]), never by a position in one report,
//! so a correction survives a change of reference or of the sources in play,
//! and is dropped, never applied elsewhere, when its sentence is gone.

use serde::{Deserialize, Serialize};

use crate::report::Report;
use crate::report::ids::{SentenceId, SourceId};

/// The schema name and version of a corrections file (`crosscheck compare --corrections`).
pub const CORRECTIONS_SCHEMA: &str = "crosscheck-corrections/1";

/// One sentence, named so that it survives other reports of the same articles.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SentenceRef {
    /// The id of the sentence's source ([`crate::Source::id`]).
    pub source: String,
    /// Byte offset of the sentence in the source's text.
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// The sentence's words as they were: a sentence found at `start..end`
    /// with other words is not this one (the article was edited), and the
    /// same words elsewhere in the source are (text was added before it).
    pub text: String,
}

impl SentenceRef {
    /// The sentence `sentence` of source `source` of `report`.
    pub fn of(report: &Report, source: SourceId, sentence: SentenceId) -> Option<SentenceRef> {
        let s = report.sentence(source, sentence)?;
        Some(SentenceRef {
            source: report.source(source)?.id.clone(),
            start: s.start,
            end: s.end,
            text: s.text.clone(),
        })
    }

    /// Where this sentence is in `report`, if it is there as it was.
    pub fn locate(&self, report: &Report) -> Option<(SourceId, SentenceId)> {
        let source = SourceId::all(report.sources.len())
            .find(|&s| report.source(s).is_some_and(|r| r.id == self.source))?;
        let sentences = &report.source(source)?.sentences;
        let at = sentences
            .iter()
            .position(|s| s.start == self.start && s.end == self.end && s.text == self.text)
            .or_else(|| sentences.iter().position(|s| s.text == self.text))?;
        Some((source, SentenceId::new(at)))
    }
}

/// One correction to the pairing.
///
/// Serialised with a `kind` tag: `{"kind":"take-out","sentence":{…}}`; read
/// through [`StoredCorrection`] (a tagged enum's reader buffers each value in
/// a generic form first: more code in the page for the same JSON).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", try_from = "StoredCorrection")]
pub enum Correction {
    /// Take the sentence out of its row: it becomes a row of its own.
    TakeOut {
        /// The sentence.
        sentence: SentenceRef,
    },
    /// Move the sentence into the row that holds `into` (also how a *possibly
    /// related* suggestion is accepted). A sentence of the same source already
    /// in that row leaves it, unless the two are adjacent (one fact told in
    /// two sentences).
    Move {
        /// The sentence to move.
        sentence: SentenceRef,
        /// A sentence of the row it goes to.
        into: SentenceRef,
    },
    /// Join the row that holds `sentence` with the row that holds `with`.
    /// Where both rows have a sentence of one source (not adjacent ones), the
    /// second row's sentence stays a row of its own.
    Join {
        /// A sentence of the first row.
        sentence: SentenceRef,
        /// A sentence of the row joined to it.
        with: SentenceRef,
    },
    /// The two sentences are not the same information: they are never in
    /// one row (`sentence` leaves the row of `from`) and never suggested as
    /// possibly related.
    Apart {
        /// The sentence that leaves.
        sentence: SentenceRef,
        /// The sentence it is not the same as.
        from: SentenceRef,
    },
    /// The row that holds the sentence is right as it is.
    Confirm {
        /// A sentence of the row.
        sentence: SentenceRef,
    },
}

/// A [`Correction`] as stored: its `kind` and every field any kind has.
#[derive(Deserialize)]
struct StoredCorrection {
    kind: String,
    sentence: SentenceRef,
    #[serde(default)]
    into: Option<SentenceRef>,
    #[serde(default)]
    with: Option<SentenceRef>,
    #[serde(default)]
    from: Option<SentenceRef>,
}

impl TryFrom<StoredCorrection> for Correction {
    type Error = String;

    fn try_from(stored: StoredCorrection) -> Result<Correction, String> {
        let StoredCorrection {
            kind,
            sentence,
            into,
            with,
            from,
        } = stored;
        let missing = |field: &str| format!("a \"{kind}\" correction needs \"{field}\"");
        Ok(match kind.as_str() {
            "take-out" => Correction::TakeOut { sentence },
            "move" => Correction::Move {
                into: into.ok_or_else(|| missing("into"))?,
                sentence,
            },
            "join" => Correction::Join {
                with: with.ok_or_else(|| missing("with"))?,
                sentence,
            },
            "apart" => Correction::Apart {
                from: from.ok_or_else(|| missing("from"))?,
                sentence,
            },
            "confirm" => Correction::Confirm { sentence },
            other => return Err(format!("unknown correction kind \"{other}\"")),
        })
    }
}

impl Correction {
    /// The sentences it names: the one it acts on first.
    pub fn sentences(&self) -> Vec<&SentenceRef> {
        match self {
            Correction::TakeOut { sentence } | Correction::Confirm { sentence } => vec![sentence],
            Correction::Move {
                sentence,
                into: other,
            }
            | Correction::Join {
                sentence,
                with: other,
            }
            | Correction::Apart {
                sentence,
                from: other,
            } => vec![sentence, other],
        }
    }

    /// What it does, for a person: "take out", "move", "join", "not the same", "confirm".
    pub fn words(&self) -> &'static str {
        match self {
            Correction::TakeOut { .. } => "take out of its row",
            Correction::Move { .. } => "move into another row",
            Correction::Join { .. } => "join two rows",
            Correction::Apart { .. } => "not the same information",
            Correction::Confirm { .. } => "confirm the row",
        }
    }
}

/// A corrections file: what the page exports and `crosscheck compare --corrections` reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionsFile {
    /// Always [`CORRECTIONS_SCHEMA`].
    pub schema: String,
    /// The corrections, in the order they were made (later ones win).
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

/// How a row came to be as it is, when a person had a hand in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ByHand {
    /// A correction changed the row's sentences.
    Corrected,
    /// A person confirmed the row as the engine made it.
    Confirmed,
}

names!(ByHand {
    Corrected => "corrected",
    Confirmed => "confirmed",
});

impl ByHand {
    /// The words a reader sees on the row.
    pub fn words(self) -> &'static str {
        match self {
            ByHand::Corrected => "corrected by hand",
            ByHand::Confirmed => "confirmed by hand",
        }
    }
}

/// What became of one correction in this report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionOutcome {
    /// The correction's position in the list given.
    pub index: usize,
    /// Applied, or why not.
    pub result: CorrectionResult,
    /// A sentence for a person, when it was not applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Whether a correction was applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CorrectionResult {
    /// It changed or confirmed the rows.
    Applied,
    /// The rows were already so (say, a sentence taken out of a row it had to itself).
    AlreadySo,
    /// A source it names is not in this comparison (switched off, or not
    /// loaded): kept, and applied again when the source is back.
    NotInPlay,
    /// Its sentence is not in the source any more (the article was edited),
    /// or is not compared (page clutter, past the limits): not applied.
    NoLongerFits,
}

names!(CorrectionResult {
    Applied => "applied",
    AlreadySo => "already-so",
    NotInPlay => "not-in-play",
    NoLongerFits => "no-longer-fits",
});
