//! The pair score: how likely two sentences of different sources report the same information, from lexical evidence.
//!
//! A logistic model over a few measures of what two sentences share:
//!
//! ```text
//! p = 1 / (1 + e^-(bias + cosine·c + containment·k + ln(1 + evidence)·e))
//! ```
//!
//! * `cosine`: the weighted cosine of their key vectors ([`super::vectors`]);
//! * `containment`: the share of the shorter sentence's weight that the
//!   longer one holds, so a short sentence inside a long one scores high;
//! * `evidence`: how much they share in absolute terms, the dot product of
//!   the two vectors in units of one rare word: two short sentences that
//!   share "Trump", "Putin" and "Tuesday" in a set about a Trump–Putin call
//!   have a high cosine and containment but little evidence.
//!
//! The weights ([`PairModel`]) were fitted on pairs that two people judged
//! "same information" or not (`engine/examples/fit.rs`,
//! docs/alignment-quality.md), so `p` reads as the chance that a person
//! would say the two sentences report the same thing, among pairs that share
//! some words: the same-information tier takes pairs from
//! [`AlignConfig::same_threshold`] up, the possibly-related tier from
//! [`AlignConfig::related_threshold`].

use super::vectors::Vector;
use crate::config::{AlignConfig, PairModel};

/// What two sentences share, and the probability it makes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairScore {
    /// The weighted cosine of the two key vectors, 0 to 1.
    pub cosine: f32,
    /// The share of the shorter sentence's weight the other holds, 0 to 1.
    pub containment: f32,
    /// How many content keys the two share.
    pub shared: usize,
    /// The dot product of the two vectors: what they share, in units of one rare word.
    pub evidence: f32,
    /// The calibrated chance that the two report the same information, 0 to 1.
    pub probability: f32,
}

/// Scores two sentences' vectors.
pub fn score(a: &Vector, b: &Vector, config: &AlignConfig) -> PairScore {
    let (dot, shared) = a.dot(b);
    let cosine = a.cosine(b, dot);
    let containment = a.containment(b, dot);
    let evidence = dot.max(0.0);
    PairScore {
        cosine,
        containment,
        shared,
        evidence,
        probability: if shared == 0 {
            0.0
        } else {
            probability(&config.model, cosine, containment, evidence)
        },
    }
}

/// The logistic's linear part (its log-odds) for two vectors whose dot
/// product is `dot`: the probability is above a threshold `t` exactly when
/// this is above ln(t / (1 − t)).
pub fn linear(a: &Vector, b: &Vector, dot: f32, config: &AlignConfig) -> f32 {
    log_odds(
        &config.model,
        a.cosine(b, dot),
        a.containment(b, dot),
        dot.max(0.0),
    )
}

/// The model's probability for the three measures.
pub fn probability(model: &PairModel, cosine: f32, containment: f32, evidence: f32) -> f32 {
    1.0 / (1.0 + (-log_odds(model, cosine, containment, evidence)).exp())
}

/// The model's log-odds for the three measures.
fn log_odds(model: &PairModel, cosine: f32, containment: f32, evidence: f32) -> f32 {
    model.bias
        + model.cosine * cosine
        + model.containment * containment
        + model.evidence * evidence.ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(keys: &[u32]) -> Vector {
        Vector::new(keys.iter().map(|&k| (k, 1.0)).collect())
    }

    #[test]
    fn more_shared_content_is_more_likely_the_same_information() {
        let config = AlignConfig::default();
        let a = vector(&[1, 2, 3, 4, 5, 6]);
        let most = score(&a, &vector(&[1, 2, 3, 4, 5, 7]), &config);
        let half = score(&a, &vector(&[1, 2, 3, 8, 9, 10]), &config);
        let none = score(&a, &vector(&[11, 12]), &config);
        assert!(most.probability > half.probability, "{most:?} {half:?}");
        assert!(half.probability > none.probability);
        assert_eq!(none.probability, 0.0);
        let same = score(&a, &a, &config);
        assert!(same.probability > config.same_threshold, "{same:?}");
    }

    #[test]
    fn a_short_sentence_inside_a_long_one_scores_higher_than_its_cosine_says() {
        let config = AlignConfig::default();
        let long = vector(&(1..=12).collect::<Vec<_>>());
        let inside = score(&vector(&[1, 2, 3, 4]), &long, &config);
        let across = score(&vector(&[1, 2, 20, 21, 22, 23, 24, 25]), &long, &config);
        assert_eq!(inside.containment, 1.0);
        assert!(inside.probability > across.probability);
    }
}
