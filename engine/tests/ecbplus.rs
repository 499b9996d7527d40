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
    // Measured at the shipped settings: precision 1.000, recall 0.600 (strict labels).
    assert!(
        scores.strict.precision() >= 0.9,
        "precision {:.3}",
        scores.strict.precision()
    );
    assert!(
        scores.strict.recall() >= 0.55,
        "recall {:.3}",
        scores.strict.recall()
    );
}
