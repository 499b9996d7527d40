//! Align stage: groups sentences from different sources that report the same information.
//!
//! Each sentence is reduced to its set of content keys (stems, names,
//! numbers, dates; function words and negations left out), each weighted by
//! how rare it is in the set (IDF over sentences) times a bonus for names
//! and numbers. A multi-word name counts as one mention: its last word
//! carries the weight of the name's rarest word and the other words
//! [`AlignConfig::name_prefix_weight`] of theirs, so "White House special
//! envoy Steve Witkoff" weighs about as much as "Witkoff" in a sentence that
//! says what he did. An inverted index from key to sentences yields candidate
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
//! unrelated groups together. When the two groups cannot merge whole, one
//! sentence of the pair may move to the other's group instead, taking the
//! place of that group's sentence from its source: it moves when that raises
//! the sum of (score − `link_threshold`) over the pairs inside groups. So a
//! source's sentence that matches the group as a whole better wins over one
//! that happened to match one member first. A pair scoring below the
//! threshold but at least [`AlignConfig::join_threshold`] may bring a sentence
//! that is in no group yet into a group, never start one. Order of sentences
//! in the sources plays no part: a fact moved to the end of one article still
//! aligns.
//!
//! A sentence that carries two facts another source reports separately joins
//! one of the two groups; for the other fact's group it is recorded as
//! an [`Alignment::elsewhere`] link, and that source is not counted as
//! omitting it (see `docs/tricky-cases.md`).

use rustc_hash::FxHashMap as HashMap;

use crate::config::{AlignConfig, Limits, Scoring};
use crate::normalize::WordClass;
use crate::order::{float_key, sort_by};

/// One sentence to align: its source and its content keys.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Index of the source the sentence belongs to.
    pub source: usize,
    /// Its content words in order (a key may appear more than once).
    pub keys: Vec<UnitKey>,
}

/// One content word of a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitKey {
    /// The interned key.
    pub key: u32,
    /// The word's class.
    pub class: WordClass,
    /// Which mention of the sentence the word belongs to: consecutive words
    /// with the same number are one multi-word name ("White House", "Russian
    /// President Vladimir Putin"), its last word the head; any other word has
    /// a number of its own.
    pub mention: u32,
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

/// IDF over units, ln((n + 1) / df), times the class bonus; a key's class is
/// the strongest it was seen with. A multi-word name counts once: its head
/// carries the weight of the name's rarest word, the other words
/// [`AlignConfig::name_prefix_weight`] of their own. A key found several times
/// keeps its highest weight.
fn weigh(units: &[Unit], config: &AlignConfig) -> Weighted {
    let mut df: HashMap<u32, (u32, f32)> = HashMap::default();
    let mut seen: Vec<u32> = Vec::new();
    for unit in units {
        seen.clear();
        for &UnitKey { key, class, .. } in &unit.keys {
            let bonus = match class {
                WordClass::Name => config.name_weight,
                WordClass::Number | WordClass::Date => config.number_weight,
                _ => 1.0,
            };
            let entry = df.entry(key).or_insert((0, 1.0));
            if !seen.contains(&key) {
                seen.push(key);
                entry.0 += 1;
            }
            entry.1 = entry.1.max(bonus);
        }
    }
    let n = units.len().max(1) as f32;
    let own = |k: &UnitKey| {
        let (count, bonus) = df.get(&k.key).copied().unwrap_or((1, 1.0));
        ((n + 1.0) / count as f32).ln() * bonus
    };
    let keys: Vec<Vec<(u32, f32)>> = units
        .iter()
        .map(|unit| {
            let mut out: Vec<(u32, f32)> = Vec::with_capacity(unit.keys.len());
            for mention in unit.keys.chunk_by(|x, y| x.mention == y.mention) {
                let top = mention.iter().map(own).fold(0.0, f32::max);
                for (i, k) in mention.iter().enumerate() {
                    let weight = if i + 1 == mention.len() {
                        top
                    } else {
                        own(k) * config.name_prefix_weight
                    };
                    match out.iter_mut().find(|(key, _)| *key == k.key) {
                        Some(entry) => entry.1 = entry.1.max(weight),
                        None => out.push((k.key, weight)),
                    }
                }
            }
            out
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
    let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::default();
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
        // Best first, as `total_cmp` descending, then by `b`.
        sort_by(&mut found, |p| {
            [u64::MAX - float_key(p.score), p.b as u64, 0, 0]
        });
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
    let floor = config.join_threshold.min(config.threshold);
    let mut linked: Vec<&Pair> = pairs.iter().filter(|p| p.score >= floor).collect();
    sort_by(&mut linked, |p| {
        [u64::MAX - float_key(p.score), p.a as u64, p.b as u64, 0]
    });
    let mut clusters = Clusters::new(units.len());
    for pair in linked {
        let (x, y) = (clusters.of[pair.a], clusters.of[pair.b]);
        if x == y {
            continue;
        }
        let (mx, my) = (&clusters.members[x], &clusters.members[y]);
        // A pair below the threshold only brings a lone sentence into a group.
        let weak = pair.score < config.threshold;
        if weak && (mx.len() == 1) == (my.len() == 1) {
            continue;
        }
        if !shares_source(units, mx, my) && mean_link(mx, my, scores) >= config.link_threshold {
            clusters.merge(x, y);
            continue;
        }
        // The groups cannot merge whole: one of the pair may move to the other's group.
        let best = [(pair.b, y, x), (pair.a, x, y)]
            .into_iter()
            .filter_map(|(unit, from, to)| {
                let (members, target) = (&clusters.members[from], &clusters.members[to]);
                if weak && members.len() > 1 {
                    return None;
                }
                let (gain, rival) =
                    move_gain(units, unit, members, target, scores, config.link_threshold)?;
                Some((gain, unit, rival, to))
            })
            .max_by(|p, q| p.0.total_cmp(&q.0));
        if let Some((_, unit, rival, to)) = best {
            if let Some(rival) = rival {
                clusters.split_off(rival);
            }
            let alone = clusters.split_off(unit);
            clusters.merge(to, alone);
        }
    }
    let mut groups: Vec<Vec<usize>> = clusters
        .members
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect();
    for group in &mut groups {
        sort_by(group, |&u| [u as u64, 0, 0, 0]);
    }
    sort_by(&mut groups, |g| [g[0] as u64, 0, 0, 0]);
    groups
}

/// What moving `unit` from its group `from` into the group `to` adds to the
/// sum of (score − `tau`) over the pairs inside groups, when that is positive
/// and the unit's own links to `to` sum to at least 0. A sentence of the same
/// source in `to` (returned) makes way and stands alone.
fn move_gain(
    units: &[Unit],
    unit: usize,
    from: &[usize],
    to: &[usize],
    scores: &HashMap<(usize, usize), f32>,
    tau: f32,
) -> Option<(f32, Option<usize>)> {
    let source = units[unit].source;
    let rival = to.iter().copied().find(|&m| units[m].source == source);
    let rest: Vec<usize> = to.iter().copied().filter(|&m| Some(m) != rival).collect();
    let link = |u: usize, group: &[usize]| -> f32 {
        group
            .iter()
            .filter(|&&m| m != u)
            .map(|&m| pair_score(scores, u, m) - tau)
            .sum()
    };
    let joined = link(unit, &rest);
    let gain = joined - link(unit, from) - rival.map_or(0.0, |r| link(r, &rest));
    (joined >= 0.0 && gain > 0.0).then_some((gain, rival))
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

    /// Takes `unit` out of its cluster into a new cluster of its own, and returns that cluster.
    fn split_off(&mut self, unit: usize) -> usize {
        let from = self.of[unit];
        self.members[from].retain(|&u| u != unit);
        self.of[unit] = self.members.len();
        self.members.push(vec![unit]);
        self.of[unit]
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
        check_with(&AlignConfig::default(), units, expect);
    }

    /// Like [`check`]; keys of 100 and more are the words of one multi-word name.
    fn check_with(config: &AlignConfig, units: &[(usize, &[u32])], expect: &[&[usize]]) {
        let units: Vec<Unit> = units
            .iter()
            .map(|(source, keys)| Unit {
                source: *source,
                keys: keys
                    .iter()
                    .zip(0..)
                    .map(|(&key, mention)| UnitKey {
                        key,
                        class: WordClass::Content,
                        mention: if key >= 100 { u32::MAX } else { mention },
                    })
                    .collect(),
            })
            .collect();
        let alignment = align(&units, config, &Limits::default());
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
    fn a_sentence_goes_to_the_group_it_matches_as_a_whole() {
        // 1 pairs best with 2 (sources 1 and 2), but matches 0 and 3 together
        // better, so it leaves 2 for them.
        check(
            &[
                (0, &[1, 2, 3, 4]),
                (1, &[1, 2, 3, 4, 5, 6, 7]),
                (2, &[5, 6, 7]),
                (2, &[1, 2, 3, 4, 8]),
            ],
            &[&[0, 1, 3], &[2]],
        );
    }

    #[test]
    fn a_sentence_that_matches_the_whole_group_takes_its_sources_place() {
        // 2 joins 0 and 1 through what it shares with 1 alone; 3 (same
        // source) shares what 0 and 1 have in common and takes its place.
        check(
            &[
                (0, &[1, 2, 3, 4, 5]),
                (1, &[1, 2, 3, 4, 5, 6, 7, 8]),
                (2, &[1, 6, 7, 8, 9]),
                (2, &[1, 2, 3, 4, 10]),
            ],
            &[&[0, 1, 3], &[2]],
        );
    }

    #[test]
    fn a_weak_link_joins_a_group_but_never_starts_one() {
        let config = AlignConfig {
            threshold: 0.6,
            join_threshold: 0.4,
            ..AlignConfig::default()
        };
        check_with(
            &config,
            &[
                (0, &[1, 2, 3, 4]),
                (1, &[1, 2, 3, 4]),
                (2, &[1, 2, 3, 4, 20, 21, 22]),
                (3, &[30, 31, 32, 33, 34]),
                (4, &[30, 31, 32, 35, 36, 37, 38]),
            ],
            &[&[0, 1, 2], &[3], &[4]],
        );
    }

    #[test]
    fn the_words_of_one_name_count_about_once() {
        // Apart, the four words make the two sentences one group; as one
        // name ("White House special envoy") they weigh too little.
        let (a, b): (&[u32], &[u32]) = (&[1, 2, 3, 4, 5, 6, 7], &[1, 2, 3, 4, 8, 9, 10]);
        check(&[(0, a), (1, b)], &[&[0, 1]]);
        let (a, b): (&[u32], &[u32]) = (
            &[101, 102, 103, 104, 5, 6, 7],
            &[101, 102, 103, 104, 8, 9, 10],
        );
        check(&[(0, a), (1, b)], &[&[0], &[1]]);
    }

    #[test]
    fn empty_input_has_no_groups() {
        check(&[], &[]);
    }
}
