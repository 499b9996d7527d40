//! A fact split in two: a source may bring two adjacent sentences into a group when another source says their content in one.
//!
//! ```text
//! A: Mr Ando retired in 2005 and died on Friday, aged 96.
//! B: Ando retired in 2005.  He died on Friday at the age of 96.
//! ```
//!
//! Grouping takes one sentence per source, so B's second sentence would be
//! left alone and A reported as leaving it out. After grouping, a sentence
//! that is in no group joins the group of the sentence next to it (same
//! source) when (1) most of its weight is found in a member of another
//! source (containment at least [`AlignConfig::split_containment`]; the first
//! eight such members are tried), and (2)
//! the two sentences together match that member better than the neighbour
//! alone, at the same-information tier. A source brings at most two
//! sentences into a group; the grid shows them in one cell, in text order.

use super::pair;
use super::vectors::Vector;
use super::{Unit, UnitId};
use crate::config::{AlignConfig, SplitMode};
use crate::order::{float_key, sort_by};

/// Adds continuation sentences to `groups` in place (see the module docs);
/// the groups they leave, each of one sentence, are dropped.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub fn join_split_sentences(
    units: &[Unit],
    vectors: &[Vector],
    groups: &mut Vec<Vec<UnitId>>,
    config: &AlignConfig,
) {
    if config.splits == SplitMode::Off {
        return;
    }
    // A sentence's neighbour, if it is a unit (units are in source and sentence order).
    let at = |source: usize, sentence: usize| -> Option<UnitId> {
        units
            .binary_search_by_key(&(source, sentence), |u| (u.source, u.sentence))
            .ok()
            .map(UnitId)
    };
    let mut group_of = vec![0; units.len()];
    for (g, group) in groups.iter().enumerate() {
        for unit in group {
            group_of[unit.0] = g;
        }
    }
    // (gain, group, unit to add)
    let mut proposals: Vec<(f32, usize, UnitId)> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if !spans_sources(units, group) {
            continue;
        }
        for &member in group {
            let Unit {
                source, sentence, ..
            } = units[member.0];
            let neighbours = [sentence.checked_sub(1), sentence.checked_add(1)];
            for next in neighbours.into_iter().flatten() {
                let Some(unit) = at(source, next) else {
                    continue;
                };
                if groups[group_of[unit.0]].len() != 1 || units[unit.0].kind != units[member.0].kind
                {
                    continue;
                }
                if let Some(gain) = gain(units, vectors, group, member, unit, config) {
                    proposals.push((gain, g, unit));
                }
            }
        }
    }
    sort_by(&mut proposals, |&(gain, g, unit)| {
        [u64::MAX - float_key(gain), g as u64, unit.0 as u64, 0]
    });
    let mut taken = vec![false; units.len()];
    for (_, g, unit) in proposals {
        let source = units[unit.0].source;
        let from_source = groups[g]
            .iter()
            .filter(|m| units[m.0].source == source)
            .count();
        if taken[unit.0] || from_source != 1 {
            continue;
        }
        taken[unit.0] = true;
        groups[group_of[unit.0]].clear();
        groups[g].push(unit);
        sort_by(&mut groups[g], |u| [u.0 as u64, 0, 0, 0]);
    }
    groups.retain(|g| !g.is_empty());
}

/// Members of other sources a neighbour is tried against at most, so a group
/// of a hundred sources costs no more than a small one.
const SAMPLE: usize = 8;

/// Whether a group holds sentences of two or more sources.
fn spans_sources(units: &[Unit], group: &[UnitId]) -> bool {
    group
        .iter()
        .any(|m| units[m.0].source != units[group[0].0].source)
}

/// How much better `member` and its neighbour `unit` together match the
/// best other member of `group` than `member` alone, when the neighbour is
/// contained in that member and the two together reach the same-information tier.
fn gain(
    units: &[Unit],
    vectors: &[Vector],
    group: &[UnitId],
    member: UnitId,
    unit: UnitId,
    config: &AlignConfig,
) -> Option<f32> {
    let own = &vectors[unit.0];
    let mut joined: Option<Vector> = None;
    group
        .iter()
        .filter(|m| units[m.0].source != units[member.0].source)
        .take(SAMPLE)
        .filter_map(|other| {
            let other = &vectors[other.0];
            let (dot, _) = own.dot(other);
            if own.norm2 <= 0.0 || dot / own.norm2 < config.split_containment {
                return None;
            }
            let joined = joined.get_or_insert_with(|| vectors[member.0].joined(own));
            let before = pair::score(&vectors[member.0], other, config).probability;
            let after = pair::score(joined, other, config).probability;
            (after >= config.same_threshold && after > before).then_some(after - before)
        })
        .max_by(f32::total_cmp)
}
