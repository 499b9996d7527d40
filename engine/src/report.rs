//! The report: what [`crate::compare`] returns, as serde types whose JSON is documented in `docs/report-format.md`.
//!
//! Every `start`/`end` pair is a byte range into one source's original
//! [`crate::Source::text`], end exclusive, always on character boundaries.
//! `source`, `sentence` and group numbers are indices into the report's own
//! lists. Field names are the JSON names; the schema string changes when a
//! field changes meaning.

use serde::{Deserialize, Serialize};

use crate::clean::BoilerplateKind;
pub use crate::facts::types::{
    At, Attribution, Facts, Flag, FlagKind, FlagSide, Hedge, NameEntry, NameForm, NameKind,
    Quantity, QuantityKind, Quote, QuoteGroup, QuoteMember, QuoteRelation, Severity, SharedRun,
    SharedWording, When, WhenKind,
};

/// The schema name and version written into every report.
pub const SCHEMA: &str = "crosscheck-report/2";

/// The comparison of a set of sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The sources in input order, with their sentences.
    pub sources: Vec<SourceReport>,
    /// The groups (the *same information* tier): coverage (number of
    /// sources) descending, then by first appearance.
    pub groups: Vec<Group>,
    /// Pairs of sentences of different sources that may report the same
    /// information but are not in one group (the *possibly related* tier):
    /// suggestions to check, never counted as agreement. Best first.
    #[serde(default)]
    pub related: Vec<Related>,
    /// Spelling variants met in the set (for example Kyiv/Kiev).
    #[serde(default)]
    pub variants: Vec<Variant>,
    /// Anything the reader should know about how the comparison was done:
    /// limits hit, coarse fallbacks, empty sources.
    #[serde(default)]
    pub notices: Vec<Notice>,
    /// Numbers, dates, names and quotations per sentence, compared across
    /// sources: flags, quote groups, shared wording. Added to
    /// `crosscheck-report/1` without a schema change: older reports read as empty.
    #[serde(default)]
    pub facts: Facts,
}

/// One source with its sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    /// The source's id.
    pub id: String,
    /// Its stated headline, if any.
    pub title: Option<String>,
    /// Its outlet, if named.
    pub outlet: Option<String>,
    /// Its stated date, if any.
    #[serde(default)]
    pub date: Option<String>,
    /// The file it was loaded from, if any.
    pub file: Option<String>,
    /// Every sentence in text order, boilerplate included.
    pub sentences: Vec<SentenceReport>,
    /// Groups this source does not report (it is in their `missing` list), in group order.
    #[serde(default)]
    pub omitted: Vec<usize>,
}

/// One sentence of a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceReport {
    /// Byte offset of the first byte in the source text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The sentence as written (the same as `text[start..end]`).
    pub text: String,
    /// Whether the sentence is page furniture, not article content.
    pub boilerplate: bool,
    /// Why it is boilerplate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boilerplate_kind: Option<BoilerplateKind>,
    /// Index of its paragraph in the source (paragraphs are lines).
    #[serde(default)]
    pub paragraph: usize,
    /// The group it belongs to; `None` exactly when it is boilerplate.
    #[serde(default)]
    pub group: Option<usize>,
    /// Set when the sentence lies past a work limit and was not compared
    /// (see the notices); it is then alone in a unique group.
    #[serde(default, skip_serializing_if = "is_false")]
    pub coarse: bool,
}

/// Sentences from different sources that report the same information.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The group's index in [`Report::groups`].
    pub id: usize,
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
    pub missing: Vec<usize>,
    /// Sources that are not members but may carry this information in a
    /// sentence of another group: a *possibly related* pair links it to a
    /// member (a sentence with two facts, or a looser paraphrase). They are
    /// not counted as missing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elsewhere: Vec<Elsewhere>,
}

/// One sentence in a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Index of the source.
    pub source: usize,
    /// Index of the sentence in that source's `sentences`.
    pub sentence: usize,
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

/// A group's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// All members say the same: differences only in function words, punctuation or spelling variants.
    Agree,
    /// A content word, number, date, name, negation or quoted word differs.
    Diverge,
    /// Only one source reports it.
    Unique,
}

/// How a mark's words compare with the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkKind {
    /// The same words (same keys) as the reference.
    Shared,
    /// Words that replace other words of the reference; on the reference:
    /// words some member replaces.
    Differs,
    /// Words the reference lacks; on the reference: words some member lacks;
    /// for a unique group: the whole sentence.
    OnlyHere,
}

/// A member's relation to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The member is the reference.
    Reference,
    /// It differs from the reference only in function words, punctuation or spelling.
    Agree,
    /// It differs in at least one word that carries information.
    Diverge,
}

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

/// A source that carries a group's information inside a sentence of another group.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Elsewhere {
    /// The source.
    pub source: usize,
    /// Its sentence.
    pub sentence: usize,
    /// The group that sentence belongs to.
    pub group: usize,
    /// The probability of the possibly related pair that links it, 0 to 1.
    #[serde(default)]
    pub score: f32,
}

/// Two sentences of different sources that may report the same information
/// but are not in one group: a suggestion to check.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Related {
    /// The two sentences, the earlier source first.
    pub members: [RelatedMember; 2],
    /// The calibrated probability that they report the same information, 0 to 1.
    pub score: f32,
}

/// One sentence of a possibly related pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedMember {
    /// Index of the source.
    pub source: usize,
    /// Index of the sentence in that source's `sentences`.
    pub sentence: usize,
}

/// One word spelled more than one way across the set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The comparison key they share.
    pub key: String,
    /// Each spelling with the sources that use it, in order of first use.
    pub spellings: Vec<Spelling>,
}

/// One spelling of a variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spelling {
    /// The spelling as first written.
    pub text: String,
    /// Sources that use it.
    pub sources: Vec<usize>,
}

/// Something the reader should know about how the comparison was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// What happened.
    pub kind: NoticeKind,
    /// The source concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<usize>,
    /// A sentence for a person.
    pub message: String,
}

/// The kinds of notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// Part of the input was past a work limit and was listed but not compared.
    CoarseFallback,
    /// Sentences longer than the limit were cut at word boundaries.
    LongSentencesCut,
    /// A source has no article content.
    EmptySource,
    /// Fewer than two sources have content, so nothing can be compared.
    TooFewSources,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Group {
    /// The sources that report the group, in source order, each once.
    pub fn sources(&self) -> Vec<usize> {
        let mut sources: Vec<usize> = self.members.iter().map(|m| m.source).collect();
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
    pub fn member_of(&self, source: usize) -> Option<&Member> {
        self.members.iter().find(|m| m.source == source)
    }

    /// Every member from `source`, in text order.
    pub fn members_of(&self, source: usize) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.source == source)
    }

    /// The reference member.
    pub fn reference_member(&self) -> Option<&Member> {
        self.members.get(self.reference)
    }
}

impl Report {
    /// The words of `source` from byte `start` to `end`, cut from the
    /// sentences that hold them (joined by a space when the range spans two
    /// sentences, as a mark's `against` may when the reference is two
    /// sentences of one source).
    pub fn text_of(&self, source: usize, start: usize, end: usize) -> String {
        let Some(report) = self.sources.get(source) else {
            return String::new();
        };
        let pieces: Vec<&str> = report
            .sentences
            .iter()
            .filter(|s| s.start < end && start < s.end)
            .filter_map(|s| {
                let from = start.max(s.start) - s.start;
                let to = end.min(s.end) - s.start;
                s.text.get(from..to)
            })
            .collect();
        pieces.join(" ")
    }

    /// The sentences `source` has in `group`, joined by a space (one, or two
    /// when the source says in two sentences what another says in one).
    pub fn group_text(&self, group: &Group, source: usize) -> String {
        let texts: Vec<&str> = group
            .members_of(source)
            .filter_map(|m| self.sentence(m.source, m.sentence))
            .map(|s| s.text.as_str())
            .collect();
        texts.join(" ")
    }

    /// The text of a sentence's source from which its marks are cut.
    pub fn sentence(&self, source: usize, sentence: usize) -> Option<&SentenceReport> {
        self.sources.get(source)?.sentences.get(sentence)
    }

    /// Whether any notice says the comparison fell back to coarser work.
    pub fn is_coarse(&self) -> bool {
        self.notices
            .iter()
            .any(|n| n.kind == NoticeKind::CoarseFallback)
    }
}
