//! Align stage: decides which sentences of different sources report the same information, and which may.
//!
//! Each sentence is a vector of its content keys (stems, names, numbers,
//! dates), weighted by how rare they are in the set and in news in general
//! ([`vectors`], [`background`]). Candidate pairs come from an inverted index
//! ([`candidates`]); each gets a calibrated probability of reporting the
//! same information from what the two share ([`pair`]). Then, in order:
//!
//! 1. identical sentences are grouped whatever their length ([`identical`]);
//! 2. pairs from [`AlignConfig::same_threshold`] up form groups of at most
//!    one sentence per source, best pair first, with moves that keep the
//!    sentence matching the whole group best ([`cluster`]);
//! 3. a sentence left alone next to a grouped one joins its group when the
//!    two together say what another source says in one ([`split`]).
//!
//! Two tiers come out, never mixed up: the groups (*same information*,
//! precision first), which the grid, the omissions and the facts count; and
//! the *possibly related* pairs ([`Alignment::related`], recall first): pairs
//! from [`AlignConfig::related_threshold`] up whose sentences ended in
//! different groups, shown as suggestions to check and never counted as
//! agreement. A sentence that carries two facts another source reports
//! separately joins one of the two groups and is related to the other.

use crate::config::{AlignConfig, Limits};
use crate::normalize::WordClass;
use crate::order::{float_key, sort_by};

pub mod background;
pub mod candidates;
pub mod cluster;
pub mod derivations;
pub mod identical;
pub mod keys;
pub mod pair;
pub mod split;
pub mod vectors;

/// One sentence to align: its source, its place there and its content keys.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Index of the source the sentence belongs to.
    pub source: usize,
    /// Index of the sentence in its source (adjacent sentences differ by one).
    pub sentence: usize,
    /// A headline or a sentence of the article's body.
    pub kind: UnitKind,
    /// Its content words and negations in order (a key may appear more than once).
    pub keys: Vec<UnitKey>,
}

#[cfg(test)]
impl Unit {
    /// A body sentence of content keys, each its own mention (for the tests).
    pub(crate) fn of_keys(source: usize, sentence: usize, keys: &[u32]) -> Unit {
        Unit {
            source,
            sentence,
            kind: UnitKind::Body,
            keys: keys
                .iter()
                .zip(0..)
                .map(|(&key, mention)| UnitKey {
                    key,
                    class: crate::normalize::WordClass::Content,
                    mention,
                    role: KeyRole::Content,
                })
                .collect(),
        }
    }
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
    /// Whether the word says what happened or only who said it.
    pub role: KeyRole,
}

/// Where a sentence stands in its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// The article's headline: it sums up the story, so it shares a group
    /// only with other headlines; with body sentences it is at most possibly
    /// related.
    Headline,
    /// A sentence of the article's body.
    Body,
}

/// What a content word does in its sentence ([`keys`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyRole {
    /// It says what happened.
    Content,
    /// It says who said it: a speaker's name next to a speech verb, or the verb.
    Attribution,
}

/// The position of a unit in the slice given to [`align`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitId(pub usize);

/// Two units that may report the same information, and how likely that is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// The earlier unit.
    pub a: UnitId,
    /// The later unit, of another source.
    pub b: UnitId,
    /// The calibrated probability that they report the same information.
    pub probability: f32,
}

/// What the align stage found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Each group's units, in unit order; every unit is in exactly one group.
    /// A source has one unit in a group, or two adjacent ones ([`split`]).
    pub groups: Vec<Vec<UnitId>>,
    /// For each group, the unit chosen as reference: the one most similar to the others.
    pub references: Vec<UnitId>,
    /// For each group, how sure the grouping is, 0 to 1: for two or more
    /// sources the mean, over the other sources, of the pair probability of
    /// the reference and that source's sentence; for one source, one minus
    /// the highest probability that another source's sentence reports it too.
    pub scores: Vec<f32>,
    /// Possibly related pairs whose units are in different groups, best first.
    pub related: Vec<Link>,
}

/// Groups `units`, which are in source and sentence order; `rates[key]` is
/// each key's background rate (see the module docs).
pub fn align(units: &[Unit], rates: &[f32], config: &AlignConfig, limits: &Limits) -> Alignment {
    let vectors = vectors::vectors(units, rates, config);
    let identical = identical::identical_groups(units);
    let candidates = candidates::candidates(units, &vectors, config, limits);
    let mut groups = cluster::cluster(units, &vectors, &candidates, &identical, config);
    split::join_split_sentences(units, &vectors, &mut groups, config);
    let mut group_of = vec![0; units.len()];
    for (g, group) in groups.iter().enumerate() {
        for unit in group {
            group_of[unit.0] = g;
        }
    }
    let mut related: Vec<Link> = candidates
        .iter()
        .filter(|c| {
            c.score.probability >= config.related_threshold && group_of[c.a.0] != group_of[c.b.0]
        })
        .map(|c| Link {
            a: c.a,
            b: c.b,
            probability: c.score.probability,
        })
        .collect();
    sort_by(&mut related, |l| {
        [
            u64::MAX - float_key(l.probability),
            l.a.0 as u64,
            l.b.0 as u64,
            0,
        ]
    });
    let probability =
        |a: UnitId, b: UnitId| pair::score(&vectors[a.0], &vectors[b.0], config).probability;
    let references: Vec<UnitId> = groups
        .iter()
        .map(|g| reference(units, g, &|a, b| probability(a, b)))
        .collect();
    let mut best_related = vec![0.0f32; units.len()];
    for link in &related {
        for unit in [link.a, link.b] {
            best_related[unit.0] = best_related[unit.0].max(link.probability);
        }
    }
    let scores = groups
        .iter()
        .zip(&references)
        .map(|(g, &r)| confidence(units, g, r, &best_related, &|a, b| probability(a, b)))
        .collect();
    Alignment {
        groups,
        references,
        scores,
        related,
    }
}

/// The member with the highest total probability with the members of other
/// sources (at most [`SAMPLE`] of them); the earliest on ties.
fn reference(
    units: &[Unit],
    group: &[UnitId],
    probability: &dyn Fn(UnitId, UnitId) -> f32,
) -> UnitId {
    let mut best = (group[0], f32::MIN);
    for &a in group {
        let total: f32 = group
            .iter()
            .filter(|b| units[b.0].source != units[a.0].source)
            .take(SAMPLE)
            .map(|&b| probability(a, b))
            .sum();
        if total > best.1 {
            best = (a, total);
        }
    }
    best.0
}

/// Members a reference is chosen against at most, so a group of a hundred
/// sources costs no more than a small one.
const SAMPLE: usize = 8;

/// A group's confidence (see [`Alignment::scores`]).
fn confidence(
    units: &[Unit],
    group: &[UnitId],
    reference: UnitId,
    best_related: &[f32],
    probability: &dyn Fn(UnitId, UnitId) -> f32,
) -> f32 {
    let here = units[reference.0].source;
    let mut best: Vec<(usize, f32)> = Vec::new();
    for &m in group.iter().filter(|m| units[m.0].source != here) {
        let p = probability(reference, m);
        match best.last_mut() {
            Some((source, q)) if *source == units[m.0].source => *q = q.max(p),
            _ => best.push((units[m.0].source, p)),
        }
    }
    if best.is_empty() {
        let strongest = group.iter().map(|u| best_related[u.0]).fold(0.0, f32::max);
        return 1.0 - strongest;
    }
    best.iter().map(|(_, p)| p).sum::<f32>() / best.len() as f32
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
        let alignment = align_keys(config, units);
        let groups: Vec<Vec<usize>> = alignment
            .groups
            .iter()
            .map(|g| g.iter().map(|u| u.0).collect())
            .collect();
        let expect: Vec<Vec<usize>> = expect.iter().map(|g| g.to_vec()).collect();
        assert_eq!(groups, expect);
    }

    /// Aligns units given as (source, keys).
    fn align_keys(config: &AlignConfig, units: &[(usize, &[u32])]) -> Alignment {
        align(&to_units(units), &[], config, &Limits::default())
    }

    /// Units from (source, keys); keys of 100 and more are the words of one
    /// multi-word name. No two are adjacent sentences (see `split` for those).
    fn to_units(units: &[(usize, &[u32])]) -> Vec<Unit> {
        units
            .iter()
            .enumerate()
            .map(|(sentence, (source, keys))| {
                let mut unit = Unit::of_keys(*source, 2 * sentence, keys);
                for key in &mut unit.keys {
                    if key.key >= 100 {
                        key.mention = u32::MAX;
                    }
                }
                unit
            })
            .collect()
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
        let units: &[(usize, &[u32])] = &[
            (0, &[1, 2, 3, 4, 5]),
            (1, &[1, 2, 3, 4, 6]),
            (2, &[1, 2, 3, 40, 41, 42, 43]),
            (3, &[30, 31, 32, 33, 34]),
            (4, &[30, 31, 32, 35, 36, 37, 38]),
        ];
        // Thresholds between what the pairs score: 0–1 strong, 2 and 3–4 weak.
        let config = AlignConfig::default();
        let vectors = vectors::vectors(&to_units(units), &[], &config);
        let probability =
            |a: usize, b: usize| pair::score(&vectors[a], &vectors[b], &config).probability;
        let strong = probability(0, 1);
        let weak = probability(0, 2)
            .min(probability(1, 2))
            .min(probability(3, 4));
        assert!(strong > weak + 0.02, "{strong} {weak}");
        let config = AlignConfig {
            same_threshold: strong - 0.01,
            join_threshold: weak - 0.01,
            related_threshold: 0.01,
            ..AlignConfig::default()
        };
        check_with(&config, units, &[&[0, 1, 2], &[3], &[4]]);
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
