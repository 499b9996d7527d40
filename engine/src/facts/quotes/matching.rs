//! Which quote pieces of different sources are the same quotation: equal words by hash, other pairs by a common subsequence, joined best first.
//!
//! Pieces with the same words are one class, found by a hash of their words
//! (linear, however many sources repeat them); only the first piece of each
//! class is compared with others, and only with those sharing content words
//! (candidate lists bounded by `max_postings`, pairs by `PAIRS_PER_PIECE`).
//! Two pieces are the same quotation when their words share a common
//! subsequence of at least three words and 60% of the shorter, or when short
//! pieces are equal. A group never holds two pieces of one source.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::Piece;
use crate::facts::{KeyMap, Set, fnv_keys, runs_by, sort_by};

/// Candidate pairs of quote pieces kept per piece at most.
const PAIRS_PER_PIECE: usize = 64;

/// Pieces of different sources that are the same quotation, as groups of piece indices.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(super) fn matches(set: &Set<'_>, pieces: &[Piece]) -> Vec<Vec<usize>> {
    // Pieces with the same words are one class: each joins its class's first
    // piece (linear, however many sources repeat a quotation); only the first
    // pieces of the classes are compared pairwise.
    let classes = runs_by(&(0..pieces.len()).collect::<Vec<_>>(), |&p| {
        [fnv_keys(pieces[p].keys()), 0, 0, 0]
    });
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    let mut firsts: Vec<usize> = Vec::new();
    for class in &classes {
        // Equal hashes with other words (a collision) start their own class.
        let mut heads: Vec<usize> = Vec::new();
        for &p in class {
            match heads
                .iter()
                .find(|&&h| pieces[h].keys() == pieces[p].keys())
            {
                Some(&h) if !pieces[p].keys().is_empty() => scored.push((1.0, h, p)),
                Some(_) => {}
                None => heads.push(p),
            }
        }
        firsts.extend(heads);
    }
    sort_by(&mut firsts, |&p| [p as u64, 0, 0, 0]);
    scored.extend(candidates(set, pieces, &firsts));
    // Best first: the score as a fixed-point number, descending.
    sort_by(&mut scored, |&(score, a, b)| {
        let fixed = (f64::from(score.clamp(0.0, 1.0)) * 1e6) as u64;
        [u64::MAX - fixed, a as u64, b as u64, 0]
    });
    let mut component: Vec<usize> = (0..pieces.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..pieces.len()).map(|p| vec![p]).collect();
    for (_, a, b) in scored {
        let (ca, cb) = (component[a], component[b]);
        let overlap = members[ca].iter().any(|&x| {
            members[cb]
                .iter()
                .any(|&y| pieces[x].source == pieces[y].source)
        });
        if ca == cb || overlap {
            continue;
        }
        let moved = std::mem::take(&mut members[cb]);
        for &x in &moved {
            component[x] = ca;
        }
        members[ca].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() > 1).collect();
    for g in &mut groups {
        sort_by(g, |&p| [pieces[p].source.index() as u64, p as u64, 0, 0]);
    }
    sort_by(&mut groups, |g| [g[0] as u64, 0, 0, 0]);
    groups
}

/// Scored pairs among `heads` (distinct pieces) that share content words.
fn candidates(set: &Set<'_>, pieces: &[Piece], heads: &[usize]) -> Vec<(f32, usize, usize)> {
    let max_postings = set.config.facts.max_postings;
    let mut postings: KeyMap<u32, Vec<usize>> = KeyMap::default();
    for &p in heads {
        for &(key, _) in &pieces[p].content {
            postings.entry(key).or_default().push(p);
        }
    }
    // Every pair sharing a key once per shared key; runs of equal pairs count
    // them. At most a fixed multiple of the pieces, so the work stays bounded.
    let cap = heads.len().max(100).saturating_mul(PAIRS_PER_PIECE);
    let mut pairs: Vec<[u64; 4]> = Vec::new();
    for list in postings.values().filter(|l| l.len() <= max_postings) {
        if pairs.len() >= cap {
            break;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if pieces[a].source != pieces[b].source {
                    pairs.push([a.min(b) as u64, a.max(b) as u64, 0, 0]);
                }
            }
        }
    }
    runs_by(&pairs, |&p| p)
        .iter()
        .map(|run| (run[0][0] as usize, run[0][1] as usize, run.len()))
        .filter_map(|(a, b, count)| {
            let (ca, cb) = (pieces[a].content.len(), pieces[b].content.len());
            let short = ca.max(cb) <= 2;
            // Pieces that share few of their content words cannot share 60% of their words.
            (short || (count >= 2 && count * 2 >= ca.min(cb)))
                .then(|| score(pieces[a].keys(), pieces[b].keys()))
                .flatten()
                .map(|s| (s, a, b))
        })
        .collect()
}

/// How well two pieces match (common words over the longer), or `None` when they are not the same quotation.
fn score(a: &[u32], b: &[u32]) -> Option<f32> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a == b {
        return Some(1.0);
    }
    let common = common_words(a, b);
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    (common >= 3 && common * 10 >= short * 6).then(|| common as f32 / long as f32)
}

fn common_words(a: &[u32], b: &[u32]) -> usize {
    capture_diff_slices(Algorithm::RawMyers, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}
