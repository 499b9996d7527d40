//! Groups sentences best pair first, so that a group holds one sentence per source and holds together as a whole.
//!
//! Identical sentences start in one group ([`super::identical`]) and stay
//! there. A headline groups only with headlines ([`super::UnitKind`]). Then candidate pairs are taken best first; a pair joins the two
//! groups it links when (1) its probability reaches
//! [`AlignConfig::same_threshold`], (2) the groups have no source in common
//! and (3) the mean probability over the cross pairs of the two groups
//! reaches [`AlignConfig::cohesion_threshold`] (every cross pair counts, not only
//! the pairs the candidate limits kept), so one strong link cannot chain two
//! unrelated groups together: a sentence that shares one fact with one member
//! of a group does not join it.
//!
//! When the two groups cannot merge whole, one sentence of the pair may move
//! to the other's group instead, taking the place of that group's sentence
//! from its source: it moves when that raises the sum of (cosine −
//! [`AlignConfig::link_threshold`]) over the pairs inside groups. Each group
//! keeps the sum of its members' normalized vectors, so a sentence's cosines
//! with a whole group cost one sparse dot product. So a source's sentence that
//! matches the group as a whole wins over one that happened to match one
//! member first; but a move never displaces a sentence the group is more
//! likely (by the pair probability) to share its information with. A pair below the threshold but at least
//! [`AlignConfig::join_threshold`] may bring a sentence that is in no group
//! yet into a group, never start one. The order of sentences in their sources
//! plays no part: a fact moved to the end of one article still aligns.

use super::candidates::Candidate;
use super::pair;
use super::vectors::Vector;
use super::{Unit, UnitId};
use crate::config::AlignConfig;
use crate::order::{float_key, sort_by};

/// The groups of `units` (see the module docs), each sorted, in order of their first unit.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub fn cluster(
    units: &[Unit],
    vectors: &[Vector],
    candidates: &[Candidate],
    identical: &[Vec<UnitId>],
    config: &AlignConfig,
) -> Vec<Vec<UnitId>> {
    let mut clusters = Clusters::new(units, vectors);
    for group in identical {
        for pair in group.windows(2) {
            let (x, y) = (clusters.of[pair[0].0], clusters.of[pair[1].0]);
            clusters.merge(x, y);
        }
        for unit in group {
            clusters.locked[unit.0] = true;
        }
    }
    let floor = config.join_threshold.min(config.same_threshold);
    let mut linked: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.score.probability >= floor && units[c.a.0].kind == units[c.b.0].kind)
        .collect();
    sort_by(&mut linked, |c| {
        [
            u64::MAX - float_key(c.score.probability),
            c.a.0 as u64,
            c.b.0 as u64,
            0,
        ]
    });
    for pair in linked {
        let (x, y) = (clusters.of[pair.a.0], clusters.of[pair.b.0]);
        if x == y {
            continue;
        }
        // A pair below the threshold only brings a lone sentence into a group.
        let weak = pair.score.probability < config.same_threshold;
        let (lone_x, lone_y) = (
            clusters.members[x].len() == 1,
            clusters.members[y].len() == 1,
        );
        if weak && lone_x == lone_y {
            continue;
        }
        if !clusters.share_source(x, y)
            && clusters.mean_probability(x, y, config) >= config.cohesion_threshold
        {
            clusters.merge(x, y);
            continue;
        }
        // The groups cannot merge whole: one of the pair may move to the other's group.
        let best = [(pair.b, y, x), (pair.a, x, y)]
            .into_iter()
            .filter_map(|(unit, from, to)| {
                if clusters.locked[unit.0] || (weak && clusters.members[from].len() > 1) {
                    return None;
                }
                let (gain, rival) = clusters.move_gain(unit, from, to, config)?;
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
    refine(&mut clusters, candidates, config);
    let mut groups: Vec<Vec<UnitId>> = clusters
        .members
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect();
    for group in &mut groups {
        sort_by(group, |u| [u.0 as u64, 0, 0, 0]);
    }
    sort_by(&mut groups, |g| [g[0].0 as u64, 0, 0, 0]);
    groups
}

/// How many times [`refine`] goes over the units at most.
const REFINE_ROUNDS: usize = 4;

/// After the pairs: each sentence moves to the group of a partner it pairs
/// with at the same-information tier when that raises the sum of (cosine −
/// `link_threshold`) inside groups, taking the place of that group's sentence
/// from its source. The pairs came best first, one at a time, so a sentence
/// could be bound early to a partner it matches less well than a group formed
/// later (a lede taken by another source's headline before the other ledes
/// came together).
fn refine(clusters: &mut Clusters<'_>, candidates: &[Candidate], config: &AlignConfig) {
    let mut partners: Vec<Vec<UnitId>> = vec![Vec::new(); clusters.units.len()];
    let units = clusters.units;
    for c in candidates.iter().filter(|c| {
        c.score.probability >= config.same_threshold && units[c.a.0].kind == units[c.b.0].kind
    }) {
        partners[c.a.0].push(c.b);
        partners[c.b.0].push(c.a);
    }
    for _ in 0..REFINE_ROUNDS {
        let mut moved = false;
        for unit in (0..clusters.units.len()).map(UnitId) {
            if clusters.locked[unit.0] {
                continue;
            }
            let from = clusters.of[unit.0];
            let mut targets: Vec<usize> = Vec::new();
            for p in &partners[unit.0] {
                let g = clusters.of[p.0];
                if g != from && !targets.contains(&g) {
                    targets.push(g);
                }
            }
            let best = targets
                .into_iter()
                .filter_map(|to| {
                    let (gain, rival) = clusters.move_gain(unit, from, to, config)?;
                    Some((gain, rival, to))
                })
                .max_by(|p, q| p.0.total_cmp(&q.0));
            if let Some((_, rival, to)) = best {
                if let Some(rival) = rival {
                    clusters.split_off(rival);
                }
                let alone = clusters.split_off(unit);
                clusters.merge(to, alone);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Members of each cluster that [`Clusters::mean_probability`] reads at most.
const MEAN_SAMPLE: usize = 8;

/// A sum of normalized vectors: `(key, weight)` sorted by key.
#[derive(Clone, Debug, Default)]
struct Sum(Vec<(u32, f32)>);

impl Sum {
    fn get(&self, key: u32) -> f32 {
        self.0
            .binary_search_by_key(&key, |e| e.0)
            .map_or(0.0, |i| self.0[i].1)
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) the sorted entries `other`.
    fn add(&mut self, other: &[(u32, f32)], sign: f32) {
        let mut out = Vec::with_capacity(self.0.len() + other.len());
        let (mut i, mut j) = (0, 0);
        let mine = &self.0;
        while i < mine.len() || j < other.len() {
            match (mine.get(i), other.get(j)) {
                (Some(a), Some(b)) if a.0 == b.0 => {
                    out.push((a.0, a.1 + sign * b.1));
                    i += 1;
                    j += 1;
                }
                (Some(a), Some(b)) if a.0 < b.0 => {
                    out.push(*a);
                    i += 1;
                }
                (Some(a), None) => {
                    out.push(*a);
                    i += 1;
                }
                (_, Some(b)) => {
                    out.push((b.0, sign * b.1));
                    j += 1;
                }
                (None, None) => break,
            }
        }
        self.0 = out;
    }
}

/// Groups under construction.
struct Clusters<'a> {
    units: &'a [Unit],
    vectors: &'a [Vector],
    /// Each unit's vector divided by its length.
    normalized: Vec<Vec<(u32, f32)>>,
    members: Vec<Vec<UnitId>>,
    /// The sum of each cluster's members' normalized vectors.
    sums: Vec<Sum>,
    of: Vec<usize>,
    /// Units of an identical group: never moved out of it.
    locked: Vec<bool>,
}

impl<'a> Clusters<'a> {
    fn new(units: &'a [Unit], vectors: &'a [Vector]) -> Self {
        let normalized: Vec<Vec<(u32, f32)>> = vectors
            .iter()
            .map(|v| {
                let length = v.norm2.sqrt();
                if length > 0.0 {
                    v.entries.iter().map(|&(k, w)| (k, w / length)).collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        let sums = normalized.iter().map(|v| Sum(v.clone())).collect();
        Clusters {
            units,
            vectors,
            normalized,
            members: (0..units.len()).map(|u| vec![UnitId(u)]).collect(),
            sums,
            of: (0..units.len()).collect(),
            locked: vec![false; units.len()],
        }
    }

    /// The sum of the cosines of `unit` with every member of `cluster` (itself included when a member).
    fn cosine_to(&self, unit: UnitId, cluster: usize) -> f32 {
        let sum = &self.sums[cluster];
        self.normalized[unit.0]
            .iter()
            .map(|&(k, w)| w * sum.get(k))
            .sum()
    }

    /// The cosine of two units.
    fn cosine(&self, a: UnitId, b: UnitId) -> f32 {
        let other: &[(u32, f32)] = &self.normalized[b.0];
        self.normalized[a.0]
            .iter()
            .filter_map(|(k, w)| {
                other
                    .binary_search_by_key(k, |e| e.0)
                    .ok()
                    .map(|i| w * other[i].1)
            })
            .sum()
    }

    /// Mean pair probability over the cross pairs of two clusters, from at
    /// most [`MEAN_SAMPLE`] members of each (the first that joined), so
    /// the work stays bounded when a hundred sources make large groups.
    fn mean_probability(&self, x: usize, y: usize, config: &AlignConfig) -> f32 {
        let xs = &self.members[x][..self.members[x].len().min(MEAN_SAMPLE)];
        xs.iter()
            .map(|&a| self.mean_to(a, y, None, config))
            .sum::<f32>()
            / xs.len().max(1) as f32
    }

    /// Mean pair probability of `unit` with at most [`MEAN_SAMPLE`] members of
    /// `cluster`, leaving `skip` out.
    fn mean_to(
        &self,
        unit: UnitId,
        cluster: usize,
        skip: Option<UnitId>,
        config: &AlignConfig,
    ) -> f32 {
        let mut total = 0.0;
        let mut count = 0;
        for &m in self.members[cluster]
            .iter()
            .filter(|&&m| Some(m) != skip)
            .take(MEAN_SAMPLE)
        {
            total += pair::score(&self.vectors[unit.0], &self.vectors[m.0], config).probability;
            count += 1;
        }
        total / count.max(1) as f32
    }

    fn share_source(&self, x: usize, y: usize) -> bool {
        let units = self.units;
        self.members[x].iter().any(|a| {
            self.members[y]
                .iter()
                .any(|b| units[a.0].source == units[b.0].source)
        })
    }

    /// What moving `unit` from the cluster `from` into `to` adds to the sum of
    /// (cosine − `link_threshold`) over the pairs inside clusters, when that is
    /// positive, the unit's own links to `to` sum to at least 0 and its mean
    /// probability with the members of `to` reaches the cohesion threshold. A sentence of the
    /// same source in `to` (returned) makes way and stands alone; a locked one
    /// never does.
    fn move_gain(
        &self,
        unit: UnitId,
        from: usize,
        to: usize,
        config: &AlignConfig,
    ) -> Option<(f32, Option<UnitId>)> {
        let tau = config.link_threshold;
        let source = self.units[unit.0].source;
        let rival = self.members[to]
            .iter()
            .copied()
            .find(|m| self.units[m.0].source == source);
        if rival.is_some_and(|r| self.locked[r.0]) {
            return None;
        }
        let size = |c: usize| self.members[c].len() as f32;
        let own = |u: UnitId| {
            if self.normalized[u.0].is_empty() {
                0.0
            } else {
                1.0
            }
        };
        let rest = size(to) - f32::from(u8::from(rival.is_some()));
        let joined =
            self.cosine_to(unit, to) - rival.map_or(0.0, |r| self.cosine(unit, r)) - tau * rest;
        let left = self.cosine_to(unit, from) - own(unit) - tau * (size(from) - 1.0);
        let displaced = rival.map_or(0.0, |r| {
            self.cosine_to(r, to) - own(r) - tau * (size(to) - 1.0)
        });
        let gain = joined - left - displaced;
        if joined < 0.0 || gain <= 0.0 {
            return None;
        }
        // Like a merge, a move needs the group as a whole behind it; and it
        // never displaces a sentence the group is more likely to share its
        // information with (a short sentence inside a long one has the higher
        // cosine, not the higher probability).
        let mean = self.mean_to(unit, to, rival, config);
        let rival_mean = rival.map_or(0.0, |r| self.mean_to(r, to, Some(r), config));
        (mean >= config.cohesion_threshold && mean >= rival_mean).then_some((gain, rival))
    }

    /// Takes `unit` out of its cluster into a new cluster of its own, and returns that cluster.
    fn split_off(&mut self, unit: UnitId) -> usize {
        let from = self.of[unit.0];
        self.members[from].retain(|&u| u != unit);
        self.sums[from].add(&self.normalized[unit.0], -1.0);
        self.of[unit.0] = self.members.len();
        self.members.push(vec![unit]);
        self.sums.push(Sum(self.normalized[unit.0].clone()));
        self.of[unit.0]
    }

    /// Merges clusters `x` and `y`.
    fn merge(&mut self, x: usize, y: usize) {
        if x == y {
            return;
        }
        let (keep, gone) = if self.members[x].len() >= self.members[y].len() {
            (x, y)
        } else {
            (y, x)
        };
        let moved = std::mem::take(&mut self.members[gone]);
        for unit in &moved {
            self.of[unit.0] = keep;
        }
        self.members[keep].extend(moved);
        let sum = std::mem::take(&mut self.sums[gone]);
        self.sums[keep].add(&sum.0, 1.0);
    }
}
