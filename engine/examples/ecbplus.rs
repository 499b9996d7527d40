//! Measures sentence alignment on the ECB+ clusters: precision and recall over labelled pairs.
//!
//! ```text
//! cargo run --release -p crosscheck-engine --example ecbplus -- /path/to/ecbplus [--threshold 0.3] [--join 0.25] [--link 0.2] [--prefix-weight 0.4] [--scoring cosine|dice|overlap]
//! ```
//!
//! A pair is predicted positive when both sentences land in one group.
//! "strict" counts label 1 with at least one shared action and one shared
//! entity as positive and label 0 as negative (other label-1 pairs are left
//! out); "plain" counts label 1 against label 0. See docs/alignment-quality.md.

#[path = "../tests/support/ecbplus.rs"]
mod ecbplus;

use std::path::PathBuf;

use crosscheck_engine::{Config, Scoring};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from("../shared/data/ecbplus");
    let mut config = Config::default();
    let mut copy_to = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--threshold" => {
                config.align.threshold = value().parse().unwrap_or(config.align.threshold)
            }
            "--join" => {
                config.align.join_threshold = value().parse().unwrap_or(config.align.join_threshold)
            }
            "--prefix-weight" => {
                config.align.name_prefix_weight =
                    value().parse().unwrap_or(config.align.name_prefix_weight)
            }
            "--link" => {
                config.align.link_threshold = value().parse().unwrap_or(config.align.link_threshold)
            }
            "--min-shared" => {
                config.align.min_shared_keys =
                    value().parse().unwrap_or(config.align.min_shared_keys)
            }
            "--name-weight" => {
                config.align.name_weight = value().parse().unwrap_or(config.align.name_weight)
            }
            "--scoring" => {
                config.align.scoring = match value().as_str() {
                    "dice" => Scoring::Dice,
                    "overlap" => Scoring::Overlap,
                    _ => Scoring::Cosine,
                }
            }
            "--copy-subset" => copy_to = Some(PathBuf::from(value())),
            _ => root = PathBuf::from(arg),
        }
    }
    if let Some(target) = copy_to {
        let clusters = [
            "ecbplus_t11_plus",
            "ecbplus_t16_ecb",
            "ecbplus_t20_ecb",
            "ecbplus_t38_ecb",
            "ecbplus_t10_ecb",
            "ecbplus_t08_ecb",
        ];
        if let Err(e) = ecbplus::copy_subset(&root, &target, &clusters) {
            eprintln!("copy failed: {e}");
        }
        return;
    }
    let scores = ecbplus::evaluate(&root, &config);
    println!(
        "settings: scoring {:?}, threshold {}, join {}, link {}, min shared keys {}, name weight {}, number weight {}, name prefix weight {}",
        config.align.scoring,
        config.align.threshold,
        config.align.join_threshold,
        config.align.link_threshold,
        config.align.min_shared_keys,
        config.align.name_weight,
        config.align.number_weight,
        config.align.name_prefix_weight
    );
    println!(
        "clusters {}, pairs scored {}, pairs not located {}",
        scores.clusters, scores.pairs, scores.unlocated
    );
    for (name, c) in [("strict", scores.strict), ("plain", scores.plain)] {
        println!(
            "{name:>6}: precision {:.3} recall {:.3} F1 {:.3}  (tp {} fp {} fn {} tn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.true_positive,
            c.false_positive,
            c.false_negative,
            c.true_negative
        );
    }
}
