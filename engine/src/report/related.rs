//! The report's *possibly related* tier: pairs of sentences of different sources that may report the same information but are not in one group, suggestions to check.

use serde::{Deserialize, Serialize};

use crate::report::ids::{SentenceId, SourceId};

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
    pub source: SourceId,
    /// Index of the sentence in that source's `sentences`.
    pub sentence: SentenceId,
}
