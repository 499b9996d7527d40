//! The report's shared wording: long runs of identical words outside quotations in two sources, likely wire copy or a press release.

use serde::{Deserialize, Serialize};

use crate::report::ids::SourceId;

use super::At;

/// Identical wording shared by two sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedWording {
    /// The two sources, ascending.
    pub sources: Vec<SourceId>,
    /// Words in all runs together.
    pub words: usize,
    /// For each of `sources`: the fraction (0 to 1) of its compared words inside the runs.
    pub shares: Vec<f64>,
    /// The runs, in the first source's text order.
    pub runs: Vec<SharedRun>,
}

/// One run of identical words in two sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedRun {
    /// Its length in words.
    pub words: usize,
    /// Where it is in each source (`sentence` is the sentence it starts in; it may run on into the next).
    pub sides: Vec<At>,
    /// The words as the first source writes them.
    pub text: String,
}
