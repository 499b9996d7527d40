//! Candidate pairs through an inverted index, so a set of many sentences is not compared all pairs against all.
//!
//! For each sentence, the sentences of other sources that share at least
//! [`AlignConfig::min_shared_keys`] keys are scored ([`super::pair`]) and the
//! best [`Limits::max_candidates`] kept. A key found in more than
//! [`Limits::max_postings`] sentences generates no candidates (it weighs
//! almost nothing anyway), which bounds the work on large sets.

use rustc_hash::FxHashMap as HashMap;

use super::pair::{self, PairScore};
use super::vectors::Vector;
use super::{Unit, UnitId};
use crate::config::{AlignConfig, Limits};
use crate::order::{float_key, sort_by};

/// A scored pair of units of different sources, `a < b`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// The earlier unit.
    pub a: UnitId,
    /// The later unit.
    pub b: UnitId,
    /// What they share.
    pub score: PairScore,
}

/// The candidate pairs of `units` (see the module docs), grouped by their first unit.
pub fn candidates(
    units: &[Unit],
    vectors: &[Vector],
    config: &AlignConfig,
    limits: &Limits,
) -> Vec<Candidate> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for (index, vector) in vectors.iter().enumerate() {
        for &(key, _) in &vector.entries {
            postings.entry(key).or_default().push(index);
        }
    }
    let mut counts = vec![0u32; units.len()];
    let mut touched = Vec::new();
    let mut pairs = Vec::new();
    for (a, vector) in vectors.iter().enumerate() {
        for (key, _) in &vector.entries {
            let Some(list) = postings
                .get(key)
                .filter(|l| l.len() <= limits.max_postings)
            else {
                continue;
            };
            for &b in list
                .iter()
                .filter(|&&b| b > a && units[b].source != units[a].source)
            {
                if counts[b] == 0 {
                    touched.push(b);
                }
                counts[b] += 1;
            }
        }
        let mut found: Vec<Candidate> = touched
            .iter()
            .filter(|&&b| counts[b] as usize >= config.min_shared_keys.max(1))
            .map(|&b| Candidate {
                a: UnitId(a),
                b: UnitId(b),
                score: pair::score(vector, &vectors[b], config),
            })
            .collect();
        // Best first, then by `b`.
        sort_by(&mut found, |c| {
            [u64::MAX - float_key(c.score.probability), c.b.0 as u64, 0, 0]
        });
        found.truncate(limits.max_candidates.max(1));
        pairs.extend(found);
        for &b in &touched {
            counts[b] = 0;
        }
        touched.clear();
    }
    pairs
}
