//! CollateX, the collation tool scholars use for N-way alignment, run on the benchmark's inputs with a time cap per run.
//!
//! It is installed from PyPI into a venv under `target/bench/venv`, pinned.
//! Each run is its own Python process that times `collate()` alone; a run
//! still going at the cap is stopped and reported as not finished. When
//! Python, pip or the package cannot be had, the benchmark says so and goes
//! on without this comparison.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use super::page;
use crate::project;

/// What pip installs: CollateX and the Levenshtein module it imports but does not declare.
pub const REQUIREMENTS: [&str; 2] = ["collatex==2.3", "python-Levenshtein==0.27.5"];

const RUNNER: &str = include_str!("collatex_run.py");

/// How one run ended.
pub enum Outcome {
    /// `collate()` took this long.
    Finished(Duration),
    /// Still running at the cap; stopped.
    OverCap,
    /// It failed: the last lines it printed.
    Failed(String),
}

/// The venv's Python with CollateX installed, or why it cannot be had.
pub fn ensure() -> Result<PathBuf> {
    let venv = page::dir().join("venv");
    let python = venv.join("bin/python");
    let marker = venv.join("crosscheck-requirements.txt");
    let wanted = REQUIREMENTS.join("\n");
    if python.is_file() && std::fs::read_to_string(&marker).is_ok_and(|m| m == wanted) {
        return Ok(python);
    }
    let Some(system) = project::on_path("python3") else {
        bail!("python3 is not on PATH");
    };
    project::run(Command::new(system).args(["-m", "venv"]).arg(&venv))?;
    project::run(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(REQUIREMENTS),
    )?;
    std::fs::write(&marker, wanted)?;
    Ok(python)
}

/// Collates the sources in the JSON file `set` with `python`, stopping at `cap`.
pub fn run(python: &Path, set: &Path, cap: Duration) -> Result<Outcome> {
    let script = page::dir().join("collatex_run.py");
    std::fs::write(&script, RUNNER)?;
    let child = Command::new(python)
        .arg(&script)
        .arg(set)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", python.display()))?;
    wait(child, cap)
}

/// Waits for the run until `cap` (plus a second for Python to start), stopping it past that.
fn wait(mut child: Child, cap: Duration) -> Result<Outcome> {
    let deadline = Instant::now() + cap + Duration::from_secs(1);
    while child.try_wait()?.is_none() {
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(Outcome::OverCap);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output()?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
        return Ok(Outcome::Failed(
            tail.into_iter().rev().collect::<Vec<_>>().join(" | "),
        ));
    }
    let result: Value = serde_json::from_slice(&output.stdout).context("CollateX runner output")?;
    let seconds = result["seconds"]
        .as_f64()
        .context("no seconds in the runner's output")?;
    if seconds > cap.as_secs_f64() {
        return Ok(Outcome::OverCap);
    }
    Ok(Outcome::Finished(Duration::from_secs_f64(seconds)))
}
