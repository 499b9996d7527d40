//! Alignment quality on a small copied ECB+ subset must not regress (see docs/alignment-quality.md).

mod support {
    pub mod ecbplus;
}

use std::path::Path;

use crosscheck_engine::Config;
use support::ecbplus;

#[test]
fn ecbplus_subset_precision_and_recall_do_not_regress() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ecbplus");
    let scores = ecbplus::evaluate(&root, &Config::default());
    assert_eq!(
        (scores.clusters, scores.pairs, scores.unlocated),
        (6, 138, 0)
    );
    // Measured at the shipped settings (strict labels): same information
    // precision 1.000, recall 0.300; both tiers precision 0.991, recall 0.892.
    for (tier, counts, precision, recall) in [
        ("same information", scores.same.strict, 0.95, 0.25),
        ("both tiers", scores.both.strict, 0.95, 0.8),
    ] {
        assert!(
            counts.precision() >= precision && counts.recall() >= recall,
            "{tier}: precision {:.3}, recall {:.3}",
            counts.precision(),
            counts.recall()
        );
    }
}
