//! axe-core, the accessibility checker the browser tests inject into the page, installed from npm.
//!
//! It goes into `target/npm/` (not the repository) and is reused once there.

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::{npm, project};

/// The pinned axe-core release.
const AXE_VERSION: &str = "4.14.1";

/// Path of `axe.min.js`, installing axe-core with npm when it is missing.
pub fn ensure() -> Result<PathBuf> {
    let prefix = project::target_dir().join("npm");
    let axe = npm::Package {
        name: "axe-core",
        version: AXE_VERSION,
    };
    npm::ensure(
        &prefix,
        &[axe],
        "the accessibility tests need axe-core",
        "cargo xtask test",
    )?;
    let script = prefix.join("node_modules/axe-core/axe.min.js");
    if !script.is_file() {
        bail!("npm installed axe-core but {} is missing", script.display());
    }
    Ok(script)
}
