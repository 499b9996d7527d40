//! `cargo xtask quality`: how well sentences are aligned on text nobody on this project wrote, against issue #13's targets.
//!
//! Runs the engine's `quality` example in a release build: the ECB+ copies in
//! the repository always, and news_he dev and ECB+ in full when `shared/`
//! (the data kept beside the repository) is there. It prints precision,
//! recall and F1 per tier and each target with PASS or MISS; it is a
//! measurement, not a test (`cargo xtask test` does not run it).
//! docs/alignment-quality.md has the figures and what they mean.

use anyhow::Result;

use crate::project;

/// Runs the measurement; `args` go to the example (`--shared DIR`, `--set name=value`).
pub fn run(args: &[String]) -> Result<()> {
    let mut command = project::cargo();
    command.args([
        "run",
        "--release",
        "--package",
        "crosscheck-engine",
        "--example",
        "quality",
        "--",
    ]);
    if !args.iter().any(|a| a == "--shared") {
        command
            .arg("--shared")
            .arg(project::root().join("../shared"));
    }
    command.args(args);
    project::run(&mut command)
}
