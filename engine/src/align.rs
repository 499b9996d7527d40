//! Align stage: groups sentences from different sources that report the same information.
//!
//! Each sentence is reduced to its set of content keys (stems, names,
//! numbers, dates; function words and negations left out), each weighted by
//! how rare it is in the set (IDF over sentences) times a bonus for names
//! and numbers. An inverted index from key to sentences yields candidate
//! pairs without comparing all pairs; a key found in more than
//! [`Limits::max_postings`] sentences generates no candidates (it weighs
//! almost nothing anyway). A pair's score is the weighted overlap of its key
//! sets ([`Scoring`]).
//!
//! Grouping is agglomerative: pairs are taken best first; a pair joins the
//! two groups it links when (1) its score reaches [`AlignConfig::threshold`],
//! (2) the groups have no source in common (a group holds at most one
//! sentence per source) and (3) the mean score over all cross pairs reaches
//! [`AlignConfig::link_threshold`], so one strong link cannot chain two
//! unrelated groups together. Order of sentences in the sources plays no
//! part: a fact moved to the end of one article still aligns.
//!
//! A sentence that carries two facts another source reports separately joins
//! the group of its best match; for the other fact's group it is recorded as
//! an [`Alignment::elsewhere`] link, and that source is not counted as
//! omitting it (see `docs/tricky-cases.md`).

use std::collections::HashMap;

use crate::config::{AlignConfig, Limits, Scoring};
use crate::normalize::WordClass;

/// One sentence to align: its source and its content keys.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Index of the source the sentence belongs to.
    pub source: usize,
    /// Distinct content keys.
    pub keys: Vec<UnitKey>,
}

/// One content key of a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitKey {
    /// The interned key.
    pub key: u32,
    /// The strongest class the key has in the sentence.
    pub class: WordClass,
    /// The key's share of its mention: 1, or less for the words of a
    /// multi-word name ("White House special envoy Steve Witkoff"), so a long
    /// title does not outweigh what the sentence says.
    pub share: f32,
}

/// The groups found, as indices into the units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Each group's units, in unit order; every unit is in exactly one group.
    pub groups: Vec<Vec<usize>>,
    /// For each group, the unit chosen as reference: the one most similar to the others.
    pub references: Vec<usize>,
    /// Strong pairs whose two units ended in different groups: `(unit, other unit, score)`.
    pub elsewhere: Vec<(usize, usize, f32)>,
}

/// A scored candidate pair, `a < b`.
#[derive(Clone, Copy, Debug)]
struct Pair {
    a: usize,
    b: usize,
    score: f32,
}

/// Groups `units` (see the module docs).
pub fn align(units: &[Unit], config: &AlignConfig, limits: &Limits) -> Alignment {
    let weighted = weigh(units, config);
    let pairs = candidates(units, &weighted, config, limits);
    let scores: HashMap<(usize, usize), f32> =
        pairs.iter().map(|p| ((p.a, p.b), p.score)).collect();
    let groups = cluster(units, &pairs, &scores, config);
    let references = groups.iter().map(|g| reference(g, &scores)).collect();
    let group_of = group_index(units.len(), &groups);
    let elsewhere = pairs
        .iter()
        .filter(|p| p.score >= config.threshold && group_of[p.a] != group_of[p.b])
        .map(|p| (p.a, p.b, p.score))
        .collect();
    Alignment {
        groups,
        references,
        elsewhere,
    }
}

/// Each unit's keys with weights, and the total weight.
struct Weighted {
    keys: Vec<Vec<(u32, f32)>>,
    totals: Vec<f32>,
}

/// IDF over units, ln((n + 1) / df), times the class bonus; a key's class is the strongest it was seen with.
fn weigh(units: &[Unit], config: &AlignConfig) -> Weighted {
    let mut df: HashMap<u32, (u32, f32)> = HashMap::new();
    for unit in units {
        for &UnitKey { key, class, .. } in &unit.keys {
            let bonus = match class {
                WordClass::Name => config.name_weight,
                WordClass::Number | WordClass::Date => config.number_weight,
                _ => 1.0,
            };
            let entry = df.entry(key).or_insert((0, 1.0));
            entry.0 += 1;
            entry.1 = entry.1.max(bonus);
        }
    }
    let n = units.len().max(1) as f32;
    let keys: Vec<Vec<(u32, f32)>> = units
        .iter()
        .map(|unit| {
            unit.keys
                .iter()
                .map(|k| {
                    let (count, bonus) = df.get(&k.key).copied().unwrap_or((1, 1.0));
                    (k.key, ((n + 1.0) / count as f32).ln() * bonus * k.share)
                })
                .collect()
        })
        .collect();
    let totals = keys
        .iter()
        .map(|k| k.iter().map(|(_, w)| w).sum())
        .collect();
    Weighted { keys, totals }
}

/// Candidate pairs through an inverted index: for each unit, the best
/// [`Limits::max_candidates`] partners from other sources that share at
/// least [`AlignConfig::min_shared_keys`] keys.
fn candidates(
    units: &[Unit],
    weighted: &Weighted,
    config: &AlignConfig,
    limits: &Limits,
) -> Vec<Pair> {
    let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::new();
    for (index, keys) in weighted.keys.iter().enumerate() {
        for &(key, weight) in keys {
            postings.entry(key).or_default().push((index, weight));
        }
    }
    let mut shared = vec![0.0f32; units.len()];
    let mut counts = vec![0u32; units.len()];
    let mut touched = Vec::new();
    let mut pairs = Vec::new();
    for (a, keys) in weighted.keys.iter().enumerate() {
        for &(key, weight) in keys {
            let Some(list) = postings
                .get(&key)
                .filter(|l| l.len() <= limits.max_postings)
            else {
                continue;
            };
            for &(b, other) in list
                .iter()
                .filter(|&&(b, _)| b > a && units[b].source != units[a].source)
            {
                if counts[b] == 0 {
                    touched.push(b);
                }
                counts[b] += 1;
                shared[b] += weight.min(other);
            }
        }
        let mut found: Vec<Pair> = touched
            .iter()
            .filter(|&&b| counts[b] as usize >= config.min_shared_keys.max(1))
            .map(|&b| Pair {
                a,
                b,
                score: score(
                    config.scoring,
                    shared[b],
                    weighted.totals[a],
                    weighted.totals[b],
                ),
            })
            .collect();
        found.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.b.cmp(&y.b)));
        found.truncate(limits.max_candidates.max(1));
        pairs.extend(found);
        for &b in &touched {
            counts[b] = 0;
            shared[b] = 0.0;
        }
        touched.clear();
    }
    pairs
}

/// The similarity of two units from their shared weight and total weights.
fn score(scoring: Scoring, shared: f32, a: f32, b: f32) -> f32 {
    let denominator = match scoring {
        Scoring::Cosine => (a * b).sqrt(),
        Scoring::Dice => (a + b) / 2.0,
        Scoring::Overlap => a.min(b),
    };
    if denominator > 0.0 {
        (shared / denominator).min(1.0)
    } else {
        0.0
    }
}

/// Agglomerative grouping, best pair first (see the module docs).
fn cluster(
    units: &[Unit],
    pairs: &[Pair],
    scores: &HashMap<(usize, usize), f32>,
    config: &AlignConfig,
) -> Vec<Vec<usize>> {
    let mut strong: Vec<&Pair> = pairs
        .iter()
        .filter(|p| p.score >= config.threshold)
        .collect();
    strong.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut clusters = Clusters::new(units.len());
    for pair in strong {
        let (x, y) = (clusters.of[pair.a], clusters.of[pair.b]);
        if x == y {
            continue;
        }
        let (mx, my) = (&clusters.members[x], &clusters.members[y]);
        if shares_source(units, mx, my) || mean_link(mx, my, scores) < config.link_threshold {
            continue;
        }
        clusters.merge(x, y);
    }
    let mut groups: Vec<Vec<usize>> = clusters
        .members
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect();
    for group in &mut groups {
        group.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    groups
}

/// Groups under construction.
struct Clusters {
    members: Vec<Vec<usize>>,
    of: Vec<usize>,
}

impl Clusters {
    fn new(units: usize) -> Self {
        Clusters {
            members: (0..units).map(|u| vec![u]).collect(),
            of: (0..units).collect(),
        }
    }

    /// Merges clusters `x` and `y`.
    fn merge(&mut self, x: usize, y: usize) {
        let (keep, gone) = if self.members[x].len() >= self.members[y].len() {
            (x, y)
        } else {
            (y, x)
        };
        let moved = std::mem::take(&mut self.members[gone]);
        for &unit in &moved {
            self.of[unit] = keep;
        }
        self.members[keep].extend(moved);
    }
}

fn shares_source(units: &[Unit], x: &[usize], y: &[usize]) -> bool {
    x.iter()
        .any(|&a| y.iter().any(|&b| units[a].source == units[b].source))
}

fn pair_score(scores: &HashMap<(usize, usize), f32>, a: usize, b: usize) -> f32 {
    scores.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0)
}

/// Mean score over all cross pairs of two groups; unscored pairs count as 0.
fn mean_link(x: &[usize], y: &[usize], scores: &HashMap<(usize, usize), f32>) -> f32 {
    let total: f32 = x
        .iter()
        .flat_map(|&a| y.iter().map(move |&b| pair_score(scores, a, b)))
        .sum();
    total / (x.len() * y.len()).max(1) as f32
}

/// The member with the highest total score to the others; the earliest on ties.
fn reference(group: &[usize], scores: &HashMap<(usize, usize), f32>) -> usize {
    let mut best = (group[0], f32::MIN);
    for &a in group {
        let total: f32 = group
            .iter()
            .filter(|&&b| b != a)
            .map(|&b| pair_score(scores, a, b))
            .sum();
        if total > best.1 {
            best = (a, total);
        }
    }
    best.0
}

fn group_index(units: usize, groups: &[Vec<usize>]) -> Vec<usize> {
    let mut group_of = vec![0; units];
    for (index, group) in groups.iter().enumerate() {
        for &unit in group {
            group_of[unit] = index;
        }
    }
    group_of
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Aligns units given as (source, keys) and compares the groups.
    fn check(units: &[(usize, &[u32])], expect: &[&[usize]]) {
        let units: Vec<Unit> = units
            .iter()
            .map(|(source, keys)| Unit {
                source: *source,
                keys: keys
                    .iter()
                    .map(|&key| UnitKey {
                        key,
                        class: WordClass::Content,
                        share: 1.0,
                    })
                    .collect(),
            })
            .collect();
        let alignment = align(&units, &AlignConfig::default(), &Limits::default());
        let groups: Vec<&[usize]> = alignment.groups.iter().map(Vec::as_slice).collect();
        assert_eq!(groups, expect);
    }

    #[test]
    fn sentences_sharing_rare_keys_group_across_sources_in_any_order() {
        check(
            &[
                (0, &[1, 2, 3, 4]),
                (0, &[10, 11, 12]),
                (1, &[10, 11, 12, 13]),
                (1, &[1, 2, 3, 5]),
            ],
            &[&[0, 3], &[1, 2]],
        );
    }

    #[test]
    fn a_group_holds_one_sentence_per_source() {
        check(
            &[(0, &[1, 2, 3]), (0, &[1, 2, 3]), (1, &[1, 2, 3])],
            &[&[0, 2], &[1]],
        );
    }

    #[test]
    fn one_shared_key_is_not_enough() {
        check(&[(0, &[1, 2, 3]), (1, &[1, 5, 6])], &[&[0], &[1]]);
    }

    #[test]
    fn one_bridging_sentence_does_not_chain_two_groups() {
        // Sources 0–5 say one thing, 6–11 another; source 12 says both.
        let (a, b, both): (&[u32], &[u32], &[u32]) =
            (&[1, 2, 3, 4], &[7, 8, 9, 10], &[1, 2, 3, 4, 7, 8, 9, 10]);
        let mut units: Vec<(usize, &[u32])> = (0..6).map(|s| (s, a)).collect();
        units.extend((6..12).map(|s| (s, b)));
        units.push((12, both));
        check(&units, &[&[0, 1, 2, 3, 4, 5, 12], &[6, 7, 8, 9, 10, 11]]);
    }

    #[test]
    fn empty_input_has_no_groups() {
        check(&[], &[]);
    }
}
