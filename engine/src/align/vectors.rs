//! Weighs each sentence's content keys by how rare they are, and turns the weights into sparse vectors.
//!
//! A key's weight is an inverse document frequency over the sentences of the
//! set, smoothed towards how common the word is in news in general
//! ([`super::background`]):
//!
//! ```text
//! idf(k) = ln((n + m) / (df(k) + m × rate(k)))
//! ```
//!
//! with `n` sentences in the set, `df(k)` of them holding the key, `rate(k)`
//! the share of background sentences holding it and `m` =
//! [`AlignConfig::background_weight`] sentences' worth of background,
//! divided by the idf of a word found once and nowhere in the background (so
//! a weight is at most about 1, whatever the size of the set). In a
//! large set the set's own counts decide; two short articles lean on the
//! background, so "said", "year" or "people" weigh less than "Witkoff" even
//! when each occurs once. Names, numbers and dates weigh more
//! ([`AlignConfig::name_weight`], [`AlignConfig::number_weight`]). A
//! multi-word name counts as one mention: its last word carries the weight of
//! the name's rarest word and the other words
//! [`AlignConfig::name_prefix_weight`] of theirs, so "White House special
//! envoy Steve Witkoff" weighs about as much as "Witkoff". Words that only
//! say who said something ([`super::keys`]) weigh
//! [`AlignConfig::attribution_weight`] of their weight.
//!
//! Two sentences are compared as vectors of these weights (a TF-IDF cosine
//! with each key counted once): see [`Vector::cosine`] and
//! [`Vector::containment`].

use rustc_hash::FxHashMap as HashMap;

use super::{KeyRole, Unit, UnitKey};
use crate::config::AlignConfig;
use crate::normalize::WordClass;

/// One sentence's weighted keys, sorted by key, each key once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vector {
    /// `(key, weight)`, ascending by key.
    pub entries: Vec<(u32, f32)>,
    /// The sum of the squared weights.
    pub norm2: f32,
}

impl Vector {
    /// A vector from `(key, weight)` entries in any order; a repeated key keeps its highest weight.
    pub fn new(mut entries: Vec<(u32, f32)>) -> Self {
        crate::order::sort_by(&mut entries, |&(key, weight)| {
            [
                u64::from(key),
                u64::MAX - crate::order::float_key(weight),
                0,
                0,
            ]
        });
        entries.dedup_by_key(|&mut (key, _)| key);
        let norm2 = entries.iter().map(|(_, w)| w * w).sum();
        Vector { entries, norm2 }
    }

    /// The dot product with `other`, and how many keys they share.
    pub fn dot(&self, other: &Vector) -> (f32, usize) {
        let (mut i, mut j) = (0, 0);
        let (mut sum, mut shared) = (0.0, 0);
        let (a, b) = (&self.entries, &other.entries);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (sum, shared)
    }

    /// The cosine of the angle with `other`, from their dot product: 1 for the same keys.
    pub fn cosine(&self, other: &Vector, dot: f32) -> f32 {
        let denominator = (self.norm2 * other.norm2).sqrt();
        if denominator > 0.0 {
            (dot / denominator).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// How much of the shorter sentence's weight the two share, from their
    /// dot product: 1 when one sentence's keys all occur in the other, however
    /// long the other is.
    pub fn containment(&self, other: &Vector, dot: f32) -> f32 {
        let denominator = self.norm2.min(other.norm2);
        if denominator > 0.0 {
            (dot / denominator).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// This vector and `other` as one sentence: each key once, with its higher weight.
    pub fn joined(&self, other: &Vector) -> Vector {
        let mut entries = self.entries.clone();
        entries.extend_from_slice(&other.entries);
        Vector::new(entries)
    }
}

/// Each unit's vector (see the module docs; negations weigh nothing); `rates[key]` is the key's
/// background rate, [`super::background::FLOOR`] for keys it lacks.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub fn vectors(units: &[Unit], rates: &[f32], config: &AlignConfig) -> Vec<Vector> {
    let mut df: HashMap<u32, (u32, f32)> = HashMap::default();
    let mut seen: Vec<u32> = Vec::new();
    let weighed: Vec<Vec<UnitKey>> = units
        .iter()
        .map(|u| {
            u.keys
                .iter()
                .filter(|k| k.class != WordClass::Negation)
                .copied()
                .collect()
        })
        .collect();
    for keys in &weighed {
        seen.clear();
        for &UnitKey { key, class, .. } in keys {
            let entry = df.entry(key).or_insert((0, 1.0));
            if !seen.contains(&key) {
                seen.push(key);
                entry.0 += 1;
            }
            entry.1 = entry.1.max(bonus(class, config));
        }
    }
    let n = units.len() as f32;
    let m = config.background_weight.max(0.0);
    // The weight of a key found in one sentence and nowhere in the
    // background: weights are in units of it, so a pair's dot product reads
    // as "so many rare words' worth" whatever the size of the set.
    let rarest = ((n + m + 1.0) / (1.0 + m * super::background::FLOOR))
        .ln()
        .max(f32::MIN_POSITIVE);
    let own = |k: &UnitKey| {
        let (count, bonus) = df.get(&k.key).copied().unwrap_or((1, 1.0));
        let rate = rates
            .get(k.key as usize)
            .copied()
            .unwrap_or(super::background::FLOOR);
        let idf = ((n + m + 1.0) / (count as f32 + m * rate)).ln().max(0.0);
        let role = match k.role {
            KeyRole::Content => 1.0,
            KeyRole::Attribution => config.attribution_weight,
        };
        idf / rarest * bonus * role
    };
    weighed
        .iter()
        .map(|keys| {
            let mut entries: Vec<(u32, f32)> = Vec::with_capacity(keys.len());
            for mention in keys.chunk_by(|x, y| x.mention == y.mention) {
                let top = mention.iter().map(own).fold(0.0, f32::max);
                for (i, k) in mention.iter().enumerate() {
                    let weight = if i + 1 == mention.len() {
                        top
                    } else {
                        own(k) * config.name_prefix_weight
                    };
                    entries.push((k.key, weight));
                }
            }
            Vector::new(entries)
        })
        .collect()
}

/// The weight factor of a word class.
fn bonus(class: WordClass, config: &AlignConfig) -> f32 {
    match class {
        WordClass::Name => config.name_weight,
        WordClass::Number | WordClass::Date => config.number_weight,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(entries: &[(u32, f32)]) -> Vector {
        Vector::new(entries.to_vec())
    }

    #[test]
    fn a_repeated_key_counts_once_with_its_highest_weight() {
        let v = vector(&[(3, 1.0), (1, 2.0), (3, 4.0)]);
        assert_eq!(v.entries, vec![(1, 2.0), (3, 4.0)]);
        assert_eq!(v.norm2, 20.0);
    }

    #[test]
    fn cosine_is_one_for_the_same_keys_and_containment_for_a_short_sentence_inside_a_long_one() {
        let short = vector(&[(1, 1.0), (2, 1.0)]);
        let long = vector(&[(1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0)]);
        let (dot, shared) = short.dot(&long);
        assert_eq!(shared, 2);
        assert!((short.cosine(&long, dot) - 0.5f32.sqrt()).abs() < 1e-6);
        assert_eq!(short.containment(&long, dot), 1.0);
        let (dot, _) = short.dot(&short);
        assert_eq!(short.cosine(&short, dot), 1.0);
    }

    #[test]
    fn rare_keys_weigh_more_than_common_ones() {
        let unit = |keys: &[u32]| Unit::of_keys(0, 0, keys);
        let units = [unit(&[1, 2]), unit(&[1, 3]), unit(&[1, 4])];
        let config = AlignConfig::default();
        // Key 1 is in every sentence of the set; key 5's background rate is high.
        let v = vectors(&units, &[0.0; 8], &config);
        let weight = |v: &Vector, key: u32| v.entries.iter().find(|e| e.0 == key).unwrap().1;
        assert!(weight(&v[0], 1) < weight(&v[0], 2));
        let mut rates = [super::super::background::FLOOR; 8];
        rates[2] = 0.2;
        let v = vectors(&units, &rates, &config);
        assert!(weight(&v[0], 2) < weight(&v[1], 3));
    }
}
