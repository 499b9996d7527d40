//! Candidate pairs through an inverted index, so a set of many sentences is not compared all pairs against all.
//!
//! For each sentence, the sentences of other sources that share at least
//! [`AlignConfig::min_shared_keys`] keys are scored ([`super::pair`]) from the
//! dot products the index gathers, those below every tier's threshold are
//! dropped, and the best [`Limits::max_candidates`] kept and scored in full. A
//! key found in more than [`Limits::max_postings`] sentences generates no
//! candidates (it weighs almost nothing anyway), which bounds the work on
//! large sets.

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
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub fn candidates(
    units: &[Unit],
    vectors: &[Vector],
    config: &AlignConfig,
    limits: &Limits,
) -> Vec<Candidate> {
    // Keys are small numbers (the lexicon's), so the index is a vector by key.
    let keys = vectors
        .iter()
        .flat_map(|v| v.entries.last())
        .map(|&(key, _)| key as usize + 1)
        .max()
        .unwrap_or(0);
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); keys];
    for (index, vector) in vectors.iter().enumerate() {
        for &(key, weight) in &vector.entries {
            postings[key as usize].push((index, weight));
        }
    }
    // A pair below every tier's threshold is of no use: its probability is
    // compared on the logistic's linear scale, before any exponential.
    let floor = config
        .same_threshold
        .min(config.join_threshold)
        .min(config.related_threshold)
        .clamp(1e-6, 1.0 - 1e-6);
    let z_floor = (floor / (1.0 - floor)).ln();
    let mut counts = vec![0u32; units.len()];
    let mut dots = vec![0.0f32; units.len()];
    let mut touched = Vec::new();
    let mut pairs = Vec::new();
    for (a, vector) in vectors.iter().enumerate() {
        for &(key, weight) in &vector.entries {
            let list = &postings[key as usize];
            if list.len() > limits.max_postings {
                continue;
            }
            for &(b, other) in list
                .iter()
                .filter(|&&(b, _)| b > a && units[b].source != units[a].source)
            {
                if counts[b] == 0 {
                    touched.push(b);
                }
                counts[b] += 1;
                dots[b] += weight * other;
            }
        }
        // Scored from the dot products gathered above (keys past the postings
        // limit left out, so never above the full score), best first.
        let mut found: Vec<(f32, usize)> = touched
            .iter()
            .filter(|&&b| counts[b] as usize >= config.min_shared_keys.max(1))
            .map(|&b| (pair::linear(vector, &vectors[b], dots[b], config), b))
            .filter(|&(z, _)| z >= z_floor)
            .collect();
        sort_by(&mut found, |&(z, b)| {
            [u64::MAX - float_key(z), b as u64, 0, 0]
        });
        found.truncate(limits.max_candidates.max(1));
        pairs.extend(found.into_iter().map(|(_, b)| Candidate {
            a: UnitId(a),
            b: UnitId(b),
            score: pair::score(vector, &vectors[b], config),
        }));
        for &b in &touched {
            counts[b] = 0;
            dots[b] = 0.0;
        }
        touched.clear();
    }
    pairs
}
