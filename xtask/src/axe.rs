//! axe-core, the accessibility checker the browser tests inject into the page, installed from npm.
//!
//! It goes into `target/npm/` (not the repository) and is reused once there.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Result, bail};

use crate::project;

/// The pinned axe-core release.
const AXE_VERSION: &str = "4.14.1";

/// Path of `axe.min.js`, installing axe-core with npm when it is missing.
pub fn ensure() -> Result<PathBuf> {
    let prefix = project::target_dir().join("npm");
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    let installed = prefix.join("node_modules/axe-core/package.json");
    let version_ok = std::fs::read_to_string(&installed)
        .is_ok_and(|json| json.contains(&format!("\"version\": \"{AXE_VERSION}\"")));
    if script.is_file() && version_ok {
        return Ok(script);
    }
    let Some(npm) = project::on_path("npm") else {
        bail!(
            "the accessibility tests need axe-core from npm, and npm is not on PATH.\n\
             Install Node.js with npm (on Debian or Ubuntu: sudo apt-get install nodejs npm), then run `cargo xtask test` again."
        );
    };
    std::fs::create_dir_all(&prefix)?;
    project::run(
        Command::new(npm)
            .args([
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
            ])
            .arg(&prefix)
            .arg(format!("axe-core@{AXE_VERSION}")),
    )?;
    if !script.is_file() {
        bail!("npm installed axe-core but {} is missing", script.display());
    }
    Ok(script)
}
