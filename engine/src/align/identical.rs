//! Identical sentences: sentences of different sources whose content words are the same, in the same order, always share a group.
//!
//! Two copies of one sentence, or two that differ only in quotation marks,
//! punctuation or function words ("It's too early." and "It is too early"),
//! report the same thing however short they are, so they are grouped before
//! any score is computed: a one-word sentence has too few keys to pass
//! [`crate::AlignConfig::min_shared_keys`], and among a hundred copies of one
//! article the candidate limits would keep most copies apart. A negation is a
//! content word here: "It is not too early" is not a copy. When a source
//! repeats a sentence, its first copy goes with the other sources' first
//! copies, its second with their second, and so on.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use super::{Unit, UnitId};
use crate::order::{runs_by, sort_by};

/// Groups of identical units from two or more sources, each unit in at most
/// one group; `units` are in source and sentence order, as [`super::align`] takes them.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub fn identical_groups(units: &[Unit]) -> Vec<Vec<UnitId>> {
    let same = |a: usize, b: usize| {
        units[a].keys.len() == units[b].keys.len()
            && units[a]
                .keys
                .iter()
                .zip(&units[b].keys)
                .all(|(x, y)| x.key == y.key)
    };
    let worded: Vec<usize> = (0..units.len())
        .filter(|&u| !units[u].keys.is_empty())
        .collect();
    let mut groups = Vec::new();
    // Units with the same content words in the same order; a run keeps the
    // units' order, which is by source and sentence.
    for mut bucket in runs_by(&worded, |&u| [signature(&units[u]), 0, 0, 0]) {
        // A hash collision is not a copy.
        let first = bucket[0];
        bucket.retain(|&u| same(u, first));
        if bucket.len() < 2 {
            continue;
        }
        // The n-th copy of each source goes into group n.
        let mut by_copy: Vec<Vec<UnitId>> = Vec::new();
        let mut copy = 0;
        for (i, &unit) in bucket.iter().enumerate() {
            copy = match i.checked_sub(1) {
                Some(previous) if units[bucket[previous]].source == units[unit].source => copy + 1,
                _ => 0,
            };
            if by_copy.len() <= copy {
                by_copy.push(Vec::new());
            }
            by_copy[copy].push(UnitId(unit));
        }
        groups.extend(by_copy.into_iter().filter(|g| g.len() > 1));
    }
    sort_by(&mut groups, |g| [g[0].0 as u64, 0, 0, 0]);
    groups
}

/// A hash of a unit's keys in order.
fn signature(unit: &Unit) -> u64 {
    let mut hasher = FxHasher::default();
    for k in &unit.keys {
        k.key.hash(&mut hasher);
    }
    unit.keys.len().hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(units: &[(usize, &[u32])], expect: &[&[usize]]) {
        let units: Vec<Unit> = units
            .iter()
            .enumerate()
            .map(|(sentence, (source, keys))| Unit::of_keys(*source, sentence, keys))
            .collect();
        let groups: Vec<Vec<usize>> = identical_groups(&units)
            .into_iter()
            .map(|g| g.into_iter().map(|u| u.0).collect())
            .collect();
        let expect: Vec<Vec<usize>> = expect.iter().map(|g| g.to_vec()).collect();
        assert_eq!(groups, expect);
    }

    #[test]
    fn copies_in_different_sources_group_however_short() {
        check(
            &[(0, &[7]), (1, &[7]), (2, &[7, 8]), (2, &[7])],
            &[&[0, 1, 3]],
        );
    }

    #[test]
    fn a_repeated_sentence_pairs_copy_by_copy() {
        check(
            &[
                (0, &[1, 2]),
                (0, &[1, 2]),
                (1, &[1, 2]),
                (2, &[1, 2]),
                (2, &[1, 2]),
            ],
            &[&[0, 2, 3], &[1, 4]],
        );
    }

    #[test]
    fn order_matters_and_empty_sentences_never_group() {
        check(&[(0, &[1, 2]), (1, &[2, 1]), (0, &[]), (1, &[])], &[]);
    }
}
