//! What a progress callback hears while a report is made ([`crate::compare_with_progress`]): the stage running and the share of the work done.
//!
//! Not part of the JSON report, but part of what the engine tells a front
//! end: the app's worker sends these to the page for its progress bar.

use serde::{Deserialize, Serialize};

/// A stage of a comparison, as a progress callback hears of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Segmenting, cleaning and normalizing every source.
    Reading,
    /// Grouping sentences across sources.
    Aligning,
    /// Diffing and classifying each group.
    Diffing,
    /// Spelling variants, numbers, dates, names and quotations.
    Facts,
    /// The report is assembled.
    Done,
}

names!(Stage {
    Reading => "reading",
    Aligning => "aligning",
    Diffing => "diffing",
    Facts => "facts",
    Done => "done",
});

/// How far a comparison has got: its stage, and the share of the whole work
/// done, from 0 to 1, never decreasing from one call to the next.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The stage running now.
    pub stage: Stage,
    /// The share of the whole comparison done, 0 to 1.
    pub done: f32,
}
