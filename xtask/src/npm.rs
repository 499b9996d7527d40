//! Pinned npm packages, installed once into a folder under `target/`: axe-core for the browser tests, jsdiff and diff-match-patch for the benchmarks.
//!
//! Nothing goes into the repository; a package already there at its pinned
//! version is reused.

use std::path::Path;
use std::process::Command;

use anyhow::{Result, bail};
use serde_json::Value;

use crate::project;

/// An npm package at a pinned version.
pub struct Package {
    /// Its npm name.
    pub name: &'static str,
    /// The exact version.
    pub version: &'static str,
}

/// Installs `packages` into `prefix/node_modules` unless all are there at their
/// versions. `purpose` says what needs them and `command` what to run again,
/// for the message when npm is missing.
pub fn ensure(prefix: &Path, packages: &[Package], purpose: &str, command: &str) -> Result<()> {
    let modules = prefix.join("node_modules");
    if packages
        .iter()
        .all(|p| has_version(&modules.join(p.name), p.version))
    {
        return Ok(());
    }
    let Some(npm) = project::on_path("npm") else {
        bail!(
            "{purpose} from npm, and npm is not on PATH.\n\
             Install Node.js with npm (on Debian or Ubuntu: sudo apt-get install nodejs npm), then run `{command}` again."
        );
    };
    std::fs::create_dir_all(prefix)?;
    project::run(
        Command::new(npm)
            .args([
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
            ])
            .arg(prefix)
            .args(packages.iter().map(|p| format!("{}@{}", p.name, p.version))),
    )
}

/// Whether the npm package in `dir` is `version`.
fn has_version(dir: &Path, version: &str) -> bool {
    std::fs::read_to_string(dir.join("package.json")).is_ok_and(|json| {
        serde_json::from_str::<Value>(&json).is_ok_and(|v| v["version"] == version)
    })
}
