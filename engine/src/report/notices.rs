//! The report's notices: what the reader should know about how the comparison was done (limits hit, coarse fallbacks, empty sources).

use serde::{Deserialize, Serialize};

use crate::report::ids::SourceId;

/// Something the reader should know about how the comparison was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// What happened.
    pub kind: NoticeKind,
    /// The source concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceId>,
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
    /// A person's correction no longer fits the articles and was not applied.
    CorrectionDropped,
}

names!(NoticeKind {
    CoarseFallback => "coarse-fallback",
    LongSentencesCut => "long-sentences-cut",
    EmptySource => "empty-source",
    TooFewSources => "too-few-sources",
    CorrectionDropped => "correction-dropped",
});
