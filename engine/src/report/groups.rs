//! The report's groups, the *same information* tier: sentences of different sources that report one piece of information, each member's words marked against the reference.

use serde::{Deserialize, Serialize};

use crate::report::ByHand;
use crate::report::ids::{GroupId, SentenceId, SourceId};

/// Sentences from different sources that report the same information.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The group's index in [`Report::groups`](super::Report::groups).
    pub id: GroupId,
    /// Agree, diverge or unique.
    pub status: Status,
    /// How sure the grouping is, 0 to 1. For two or more sources: the mean,
    /// over its pairs of sources, of the calibrated probability that their
    /// sentences report the same information. For one source: one minus the
    /// highest such probability with another source's sentence (how sure it
    /// is that no other source reports it).
    #[serde(default)]
    pub score: f32,
    /// Index into `members` of the reference every other member is diffed against.
    pub reference: usize,
    /// The members in source and sentence order: one per reporting source, or
    /// two adjacent sentences of a source that says in two sentences what
    /// another says in one (they share the same relation and differences, and
    /// each has the marks of its own words).
    pub members: Vec<Member>,
    /// Sources that do not report this information, in source order.
    pub missing: Vec<SourceId>,
    /// Sources that are not members but may carry this information in a
    /// sentence of another group: a *possibly related* pair links it to a
    /// member (a sentence with two facts, or a looser paraphrase). They are
    /// not counted as missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elsewhere: Vec<Elsewhere>,
    /// Sources that are not members, not `elsewhere`, and have sentences that
    /// were not compared (past the work limits): they may carry this
    /// information there, so they are not counted as leaving it out
    /// (`missing`). In source order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_compared: Vec<SourceId>,
    /// Whether a person corrected or confirmed the row
    /// ([`Correction`](super::Correction)); absent when the engine's pairing stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_hand: Option<ByHand>,
}

/// One sentence in a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Index of the source.
    pub source: SourceId,
    /// Index of the sentence in that source's `sentences`.
    pub sentence: SentenceId,
    /// How the member relates to the reference.
    pub relation: Relation,
    /// For a diverging member: what kinds of words differ, at least one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<DivergenceKind>,
    /// Marks covering the sentence from `start` to `end` without gaps or overlaps.
    pub marks: Vec<Mark>,
}

/// A run of a member's words and how they compare with the reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// Byte offset in the member's source text.
    pub start: usize,
    /// Byte offset just past the run.
    pub end: usize,
    /// Shared, differs or only-here.
    pub kind: MarkKind,
    /// For a shared word spelled differently: the reference's spelling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_of: Option<String>,
    /// For a differing run of a non-reference member: the reference's words it replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<Span>,
}

/// A byte range of another sentence's source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

/// A group's verdict: do its sources say the same thing, does one of them
/// add a detail, do they contradict each other? (`docs/glossary.md`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The sources give different values for the same detail: another
    /// number for the same quantity, another day or date for the same event,
    /// another actor or speaker, a negation, other words inside the same
    /// quotation. Wins over [`Status::Adds`] when a row has both.
    Conflict,
    /// At least one source carries a detail (a number, date, day, name,
    /// place, quoted words) that the others do not mention, and nothing
    /// conflicts.
    Adds,
    /// The sources report the same details, whatever the wording
    /// (paraphrase, synonyms, word order, attribution verbs, spelling).
    Same,
    /// Only one source reports it.
    Unique,
}

names!(Status {
    Conflict => "conflict",
    Adds => "adds",
    Same => "same",
    Unique => "unique",
});

impl Status {
    /// The status in a reader's words, the same in the page, the reports and
    /// the worksheet: "details conflict", "adds details", "same information",
    /// "one source only".
    pub const fn words(self) -> &'static str {
        match self {
            Status::Conflict => "details conflict",
            Status::Adds => "adds details",
            Status::Same => "same information",
            Status::Unique => "one source only",
        }
    }
}

/// What a mark's words are to the reader, strongest first: a detail in
/// conflict, a detail only this side gives, other words, the same words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkKind {
    /// A detail that contradicts the other side's (a Facts conflict flag's
    /// words, or a negation only one side has).
    Conflict,
    /// A detail (number, date, day, name, place, quoted words) the other
    /// side does not give; for a unique group: the whole sentence.
    Added,
    /// Other words: the same information said differently (replaced words
    /// carry `against`, the reference's words they replace).
    Reworded,
    /// The same words (same keys) as the reference.
    Shared,
}

names!(MarkKind {
    Conflict => "conflict",
    Added => "added",
    Reworded => "reworded",
    Shared => "shared",
});

/// A member's relation to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The member is the reference.
    Reference,
    /// The same details as the reference, in whatever words.
    Same,
    /// Details the reference does not give (or the reference gives details
    /// it does not), nothing in conflict.
    Adds,
    /// A detail that contradicts the reference's.
    Conflict,
}

names!(Relation {
    Reference => "reference",
    Same => "same",
    Adds => "adds",
    Conflict => "conflict",
});

/// The kind of word that makes a member diverge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DivergenceKind {
    /// A number differs ("90" and "nearly 90", "1,300" and "1,500").
    Number,
    /// A date, weekday or month differs.
    Date,
    /// A name differs.
    Name,
    /// A negation differs ("not", "never", "n't").
    Negation,
    /// A word inside quotation marks differs: the quote is worded differently.
    Quote,
    /// Another content word differs.
    Content,
}

names!(DivergenceKind {
    Number => "number",
    Date => "date",
    Name => "name",
    Negation => "negation",
    Quote => "quote",
    Content => "content",
});

/// A source that carries a group's information inside a sentence of another group.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Elsewhere {
    /// The source.
    pub source: SourceId,
    /// Its sentence.
    pub sentence: SentenceId,
    /// The group that sentence belongs to.
    pub group: GroupId,
    /// The probability of the possibly related pair that links it, 0 to 1.
    #[serde(default)]
    pub score: f32,
}

impl Group {
    /// The sources that report the group, in source order, each once.
    pub fn sources(&self) -> Vec<SourceId> {
        let mut sources: Vec<SourceId> = self.members.iter().map(|m| m.source).collect();
        sources.dedup();
        sources
    }

    /// How many sources report the group (members are in source order, so a
    /// source's two sentences are next to each other).
    pub fn coverage(&self) -> usize {
        let mut count = 0;
        let mut last = None;
        for member in &self.members {
            if last != Some(member.source) {
                count += 1;
                last = Some(member.source);
            }
        }
        count
    }

    /// The first member from `source` (a source has one sentence in a
    /// group, or two adjacent ones: see [`Group::members_of`]).
    pub fn member_of(&self, source: SourceId) -> Option<&Member> {
        self.members.iter().find(|m| m.source == source)
    }

    /// Every member from `source`, in text order.
    pub fn members_of(&self, source: SourceId) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.source == source)
    }

    /// The reference member.
    pub fn reference_member(&self) -> Option<&Member> {
        self.members.get(self.reference)
    }
}
