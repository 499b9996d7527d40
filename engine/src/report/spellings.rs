//! The report's spelling variants: one word written more than one way across the set (Kyiv / Kiev), with the sources that use each spelling.

use serde::{Deserialize, Serialize};

use crate::report::ids::SourceId;

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
    pub sources: Vec<SourceId>,
}
