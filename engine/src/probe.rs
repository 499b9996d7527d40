//! The align stage's pair score for any two sentences of a set: for measuring and fitting the score, not for the report.
//!
//! [`crate::compare`] scores only the candidate pairs its inverted index
//! finds. To fit the pair model's weights on pairs that people judged
//! (`engine/examples/fit.rs`) or to see why two sentences were not grouped, a
//! [`Probe`] weighs a set as `compare` does and scores any pair of its
//! sentences.
//!
//! ```
//! use crosscheck_engine::{Config, Source, probe::Probe};
//!
//! let source = |text: &str| Source { text: text.into(), ..Source::default() };
//! let sources = [
//!     source("Witkoff met Putin in Moscow last week. The weather was fine."),
//!     source("Last week, Witkoff met with Putin in Moscow."),
//! ];
//! let probe = Probe::new(&sources, &Config::default());
//! let same = probe.score((0, 0), (1, 0)).unwrap();
//! let other = probe.score((0, 1), (1, 0)).unwrap();
//! assert!(same.probability > other.probability);
//! ```

use rustc_hash::FxHashMap as HashMap;

use crate::align::pair::{self, PairScore};
use crate::align::vectors::{self, Vector};
use crate::{Config, Source};

/// A set of sources weighed as [`crate::compare`] weighs it.
pub struct Probe {
    vectors: HashMap<(usize, usize), Vector>,
    config: Config,
}

impl Probe {
    /// Reads and weighs `sources`.
    pub fn new(sources: &[Source], config: &Config) -> Self {
        let (ids, units, rates) = crate::pipeline::align_inputs(sources, config);
        let weighed = vectors::vectors(&units, &rates, &config.align);
        Probe {
            vectors: ids.into_iter().zip(weighed).collect(),
            config: config.clone(),
        }
    }

    /// The pair score of two sentences, each `(source, sentence)` as in the
    /// report; `None` when one is not a compared content sentence.
    pub fn score(&self, a: (usize, usize), b: (usize, usize)) -> Option<PairScore> {
        let (a, b) = (self.vectors.get(&a)?, self.vectors.get(&b)?);
        Some(pair::score(a, b, &self.config.align))
    }
}
