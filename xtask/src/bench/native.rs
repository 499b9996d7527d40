//! The native half: runs the engine's criterion benchmarks (`engine/benches/engine.rs`) and reads back their medians and the peak heap.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::Value;

use super::page;
use crate::project;

/// What the native run measured.
pub struct Native {
    criterion: PathBuf,
    peak_heap: Value,
}

impl Native {
    /// The median time of criterion's `group/name`, when it ran.
    pub fn median(&self, group: &str, name: &str) -> Option<Duration> {
        let path = self
            .criterion
            .join(group)
            .join(name)
            .join("new/estimates.json");
        let json: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
        let nanos = json["median"]["point_estimate"].as_f64()?;
        Some(Duration::from_secs_f64(nanos / 1e9))
    }

    /// Peak heap in bytes of one `compare` of input `name`.
    pub fn peak_heap(&self, name: &str) -> Option<u64> {
        self.peak_heap[name].as_u64()
    }
}

/// Runs `cargo bench -p crosscheck-engine --bench engine`.
pub fn run() -> Result<Native> {
    let (criterion, out) = (criterion_dir(), out_path());
    std::fs::create_dir_all(page::dir())?;
    let _ = std::fs::remove_file(&out);
    project::run(
        project::cargo()
            .args([
                "bench",
                "--package",
                "crosscheck-engine",
                "--bench",
                "engine",
            ])
            .env("CRITERION_HOME", &criterion)
            .env("CROSSCHECK_BENCH_OUT", &out),
    )?;
    Ok(Native {
        criterion,
        peak_heap: read_json(&out)?["peak_heap_bytes"].take(),
    })
}

impl Native {
    /// What the last native run left behind, possibly nothing or an older build's figures.
    pub fn last() -> Native {
        Native {
            criterion: criterion_dir(),
            peak_heap: read_json(&out_path())
                .map_or(Value::Null, |mut v| v["peak_heap_bytes"].take()),
        }
    }
}

/// Where criterion keeps its estimates.
fn criterion_dir() -> PathBuf {
    project::target_dir().join("criterion")
}

/// Where the benchmark writes the peak heaps.
fn out_path() -> PathBuf {
    page::dir().join("native.json")
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("the native benchmark wrote no {}", path.display()))?;
    Ok(serde_json::from_str(&text)?)
}
