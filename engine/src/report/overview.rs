//! The report's overview: figures per source (shared, only here, in conflict, leaves out) and how alike each pair of sources is.
//!
//! These are the types; `crate::overview` computes them from the groups, once,
//! at the end of [`crate::compare`], which attaches them as
//! [`super::Report::overview`]. Group numbers are indices into the report's
//! `groups`; `sources` and both sides of `similarity` follow the report's
//! `sources`.

use serde::{Deserialize, Serialize};

use crate::report::ids::GroupId;

/// Figures for one source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceFigures {
    /// Compared sentences of article content (boilerplate and sentences not
    /// compared excluded).
    pub sentences: usize,
    /// Words listed but not compared (past the work limits, or the source
    /// past the limit on sources): neither "only here" nor left out by
    /// others. Added to `crosscheck-report/3` without a schema change.
    #[serde(default)]
    pub not_compared: usize,
    /// Sentences that are boilerplate.
    pub boilerplate: usize,
    /// Share (0 to 1) of its content sentences that at least one other source also reports.
    pub shared_share: f32,
    /// Groups only this source reports, with no possibly related sentence in another source.
    pub only_here: Vec<GroupId>,
    /// Groups it reports with a detail in conflict (its own against the
    /// reference's, or the reference's against a member's).
    pub conflicts: Vec<GroupId>,
    /// Groups it leaves out that at least two other sources report.
    pub omits: Vec<GroupId>,
}

/// The overview of a report: who covers what, how alike the sources are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// Per source, in source order.
    pub sources: Vec<SourceFigures>,
    /// `similarity[a][b]`: groups both report divided by groups either reports (1 on the diagonal, but 0
    /// for a source that reports no group).
    pub similarity: Vec<Vec<f32>>,
}
