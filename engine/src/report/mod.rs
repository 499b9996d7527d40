//! The report: what [`crate::compare`] returns, as serde types whose JSON is documented in `docs/report-format.md`.
//!
//! This module is the contract between the engine and its front ends (the
//! app, the CLI, the worker's messages), and it is the only place that
//! defines it: the stages fill these types in and import them from here;
//! nothing here imports a stage. One file per topic:
//!
//! - this file: [`Report`] itself, [`SCHEMA`] and the accessors that cut
//!   text out of a report;
//! - `sources`: the sources and their sentences ([`SourceReport`],
//!   [`SentenceReport`], [`BoilerplateKind`]);
//! - `ids`: typed positions in the report's lists ([`SourceId`],
//!   [`SentenceId`], [`GroupId`]);
//! - `groups`: the *same information* tier ([`Group`], [`Member`], [`Mark`]
//!   and their verdicts); `related`: the *possibly related* tier ([`Related`]);
//! - `spellings`: spelling variants met in the set ([`Variant`]);
//! - `notices`: how the comparison was done ([`Notice`]);
//! - `overview`: figures per source and how alike the sources are
//!   ([`Overview`], [`SourceFigures`]), computed from the groups by
//!   `crate::overview` at the end of [`crate::compare`];
//! - `facts/`: numbers, dates, names, quotations and the [`Flag`]s that
//!   compare them ([`Facts`]);
//! - `progress`: what a progress callback hears while a report is made
//!   ([`Progress`], [`Stage`]): not part of the JSON, but part of what a
//!   front end is told.
//!
//! Every `start`/`end` pair is a byte range into one source's original
//! [`crate::Source::text`], end exclusive, always on character boundaries.
//! `source`, `sentence` and group numbers are indices into the report's own
//! lists. Field names are the JSON names; the schema string changes when a
//! field changes meaning.
//!
//! Every unit enum has `as_str`, its name in the JSON, and `ALL`, its
//! variants, from one list right below it (the `names!` macro of this file);
//! where the engine's own renderings call a variant something else, `words`
//! beside it says what:
//!
//! ```
//! use crosscheck_engine::{DivergenceKind, Status};
//! assert_eq!(Status::Conflict.as_str(), "conflict");
//! assert_eq!(Status::Conflict.words(), "details conflict");
//! assert_eq!(DivergenceKind::Content.as_str(), "content");
//! ```

use serde::{Deserialize, Serialize};

/// Gives a unit enum of the report `ALL` (every variant, in declaration
/// order) and `as_str` (its name in the JSON), from one list of variants and
/// names. `as_str`'s match is exhaustive, so a variant missing from the list
/// does not compile; a test checks every name against serde's.
macro_rules! names {
    ($enum:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $enum {
            /// Every variant, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// Its name in the JSON report (kebab-case, as serde writes it).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name),+
                }
            }
        }
    };
}

mod corrections;
mod facts;
mod groups;
mod ids;
mod notices;
mod overview;
mod progress;
mod related;
mod sources;
mod spellings;

pub use corrections::{
    ByHand, CORRECTIONS_SCHEMA, Correction, CorrectionOutcome, CorrectionResult, CorrectionsFile,
    SentenceRef,
};
pub use facts::{
    At, Attribution, Facts, Flag, FlagKind, FlagSide, Hedge, NameEntry, NameForm, NameKind,
    Quantity, QuantityKind, Quote, QuoteGroup, QuoteMember, QuoteRelation, Severity, SharedRun,
    SharedWording, When, WhenKind, fill,
};
pub use groups::{
    DivergenceKind, Elsewhere, Group, Mark, MarkKind, Member, Relation, Span, Status,
};
pub use ids::{GroupId, SentenceId, SourceId};
pub use notices::{Notice, NoticeKind};
pub use overview::{Overview, SourceFigures};
pub use progress::{Progress, Stage};
pub use related::{Related, RelatedMember};
pub use sources::{BoilerplateKind, SentenceReport, SourceReport};
pub use spellings::{Spelling, Variant};

/// The schema name and version written into every report.
pub const SCHEMA: &str = "crosscheck-report/3";

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
    /// Figures per source (shared, only here, differs, leaves out) and how
    /// alike each pair of sources is, from the groups above: what the app's
    /// Overview shows. Added to `crosscheck-report/2` without a schema
    /// change: an older report reads with an empty overview
    /// (`crate::overview::overview` computes it from the report).
    #[serde(default)]
    pub overview: Overview,
    /// What became of each correction given in
    /// [`Config::corrections`](crate::Config::corrections), in their order
    /// (absent when none was given). Added to `crosscheck-report/3` without
    /// a schema change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<CorrectionOutcome>,
}

impl Report {
    /// The words of `source` from byte `start` to `end`, cut from the
    /// sentences that hold them (joined by a space when the range spans two
    /// sentences, as a mark's `against` may when the reference is two
    /// sentences of one source).
    pub fn text_of(&self, source: SourceId, start: usize, end: usize) -> String {
        let Some(report) = self.source(source) else {
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
    pub fn group_text(&self, group: &Group, source: SourceId) -> String {
        let texts: Vec<&str> = group
            .members_of(source)
            .filter_map(|m| self.sentence(m.source, m.sentence))
            .map(|s| s.text.as_str())
            .collect();
        texts.join(" ")
    }

    /// The reference sentence of `group`: the one its row shows first.
    pub fn reference_sentence(&self, group: &Group) -> Option<&SentenceReport> {
        let member = group.reference_member()?;
        self.sentence(member.source, member.sentence)
    }

    /// The text of a sentence's source from which its marks are cut.
    pub fn sentence(&self, source: SourceId, sentence: SentenceId) -> Option<&SentenceReport> {
        self.source(source)?.sentences.get(sentence.index())
    }

    /// A source of the report.
    pub fn source(&self, source: SourceId) -> Option<&SourceReport> {
        self.sources.get(source.index())
    }

    /// A group of the report.
    pub fn group(&self, group: GroupId) -> Option<&Group> {
        self.groups.get(group.index())
    }

    /// The ids of the report's sources, in order.
    pub fn source_ids(
        &self,
    ) -> impl DoubleEndedIterator<Item = SourceId> + ExactSizeIterator + Clone + use<> {
        SourceId::all(self.sources.len())
    }

    /// Whether any notice says the comparison fell back to coarser work.
    pub fn is_coarse(&self) -> bool {
        self.notices
            .iter()
            .any(|n| n.kind == NoticeKind::CoarseFallback)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use super::*;

    /// Every variant's `as_str` is the name serde writes, and reads back as that variant.
    fn check<T>(all: &[T], as_str: fn(T) -> &'static str)
    where
        T: Copy + Debug + PartialEq + Serialize + DeserializeOwned,
    {
        assert!(!all.is_empty());
        for &variant in all {
            let name = as_str(variant);
            assert_eq!(
                serde_json::to_value(variant).ok(),
                Some(serde_json::Value::from(name)),
                "{variant:?}"
            );
            let back: T = serde_json::from_value(name.into()).expect("the name reads back");
            assert_eq!(back, variant);
        }
    }

    #[test]
    fn every_name_is_the_serde_name() {
        check(Status::ALL, Status::as_str);
        check(MarkKind::ALL, MarkKind::as_str);
        check(Relation::ALL, Relation::as_str);
        check(DivergenceKind::ALL, DivergenceKind::as_str);
        check(BoilerplateKind::ALL, BoilerplateKind::as_str);
        check(NoticeKind::ALL, NoticeKind::as_str);
        check(Stage::ALL, Stage::as_str);
        check(FlagKind::ALL, FlagKind::as_str);
        check(Severity::ALL, Severity::as_str);
        check(QuantityKind::ALL, QuantityKind::as_str);
        check(Hedge::ALL, Hedge::as_str);
        check(WhenKind::ALL, WhenKind::as_str);
        check(NameKind::ALL, NameKind::as_str);
        check(Attribution::ALL, Attribution::as_str);
        check(QuoteRelation::ALL, QuoteRelation::as_str);
    }
}
