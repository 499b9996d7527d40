//! Compile the app to wasm and run wasm-bindgen as a library (no-modules target).
//!
//! The `wasm-bindgen-cli-support` this xtask links must be the exact version
//! of the `wasm-bindgen` crate in Cargo.lock, or the generated glue does not
//! match the compiled module; [`check_bindgen_version`] stops the build with a
//! clear message when they differ.

use std::path::Path;

use anyhow::{Context, Result, bail};
use wasm_bindgen_cli_support::Bindgen;

use crate::{imports, project};

/// The target the page's wasm is built for.
pub const TARGET: &str = "wasm32-unknown-unknown";
const APP_BIN: &str = "crosscheck-app";
/// The module wasm-bindgen's glue provides the imports as (from `out_name`).
const BINDGEN_MODULE: &str = "./crosscheck_bg.js";

/// The bindgen output: JS glue (defines the global `wasm_bindgen`) and the final wasm bytes.
pub struct Bundle {
    pub glue_js: String,
    pub wasm: Vec<u8>,
}

/// Builds the app in release mode for the web and runs wasm-bindgen on it.
pub fn build() -> Result<Bundle> {
    check_bindgen_version(&project::root().join("Cargo.lock"))?;
    ensure_target()?;
    project::run(project::cargo().args([
        "build",
        "--release",
        "--target",
        TARGET,
        "--package",
        "crosscheck",
        "--bin",
        APP_BIN,
    ]))?;
    bindgen(&linked_module())
}

/// The app's wasm as the linker wrote it, before wasm-bindgen (it still has
/// its names section, for `twiggy` and for the checks in `cargo xtask test`).
pub fn linked_module() -> std::path::PathBuf {
    project::target_dir()
        .join(TARGET)
        .join("release")
        .join(format!("{APP_BIN}.wasm"))
}

/// Runs wasm-bindgen (no-modules target) on a compiled module.
pub fn bindgen(wasm: &Path) -> Result<Bundle> {
    let mut bindgen = Bindgen::new();
    bindgen
        .input_path(wasm)
        .out_name("crosscheck")
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true);
    bindgen.no_modules(true)?;
    let mut output = bindgen
        .generate_output()
        .with_context(|| format!("wasm-bindgen failed on {}", wasm.display()))?;
    let names: Vec<String> = output
        .wasm_mut()
        .imports
        .iter()
        .filter(|import| import.module == BINDGEN_MODULE)
        .map(|import| import.name.clone())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let shortened = imports::shorten(output.js(), BINDGEN_MODULE, &names)?;
    let module = output.wasm_mut();
    let mut short = shortened.names.into_iter();
    for import in module.imports.iter_mut() {
        if import.module == BINDGEN_MODULE {
            import.module = imports::MODULE.to_owned();
            import.name = short.next().expect("one short name per import");
        }
    }
    // Read by linkers, not by browsers.
    module.customs.remove_raw("target_features");
    Ok(Bundle {
        glue_js: shortened.glue,
        wasm: module.emit_wasm(),
    })
}

/// Adds the wasm target through rustup when it is missing.
pub fn ensure_target() -> Result<()> {
    let Some(rustup) = project::on_path("rustup") else {
        let sysroot =
            project::output(std::process::Command::new("rustc").args(["--print", "sysroot"]));
        let has_target = sysroot
            .map(|root| {
                Path::new(root.trim())
                    .join("lib/rustlib")
                    .join(TARGET)
                    .is_dir()
            })
            .unwrap_or(false);
        if has_target {
            return Ok(());
        }
        bail!(
            "the {TARGET} target is missing and rustup is not on PATH: install rustup (https://rustup.rs), or add the {TARGET} target to your Rust toolchain"
        );
    };
    let installed = project::output(std::process::Command::new(&rustup).args([
        "target",
        "list",
        "--installed",
    ]))
    .unwrap_or_default();
    if installed.lines().any(|line| line.trim() == TARGET) {
        return Ok(());
    }
    project::run(std::process::Command::new(rustup).args(["target", "add", TARGET]))
}

/// Fails unless Cargo.lock pins `wasm-bindgen` and `wasm-bindgen-cli-support` to the same version.
pub fn check_bindgen_version(lockfile: &Path) -> Result<()> {
    let lock = std::fs::read_to_string(lockfile)
        .with_context(|| format!("cannot read {}", lockfile.display()))?;
    let runtime = locked_version(&lock, "wasm-bindgen");
    let cli = locked_version(&lock, "wasm-bindgen-cli-support");
    match (runtime, cli) {
        (Some(runtime), Some(cli)) if runtime == cli => Ok(()),
        (Some(runtime), Some(cli)) => bail!(
            "wasm-bindgen mismatch: the app uses wasm-bindgen {runtime} but xtask links wasm-bindgen-cli-support {cli}.\n\
             Pin both to the same version: `wasm-bindgen = \"={runtime}\"` in Cargo.toml and \
             `wasm-bindgen-cli-support = \"={runtime}\"` in xtask/Cargo.toml."
        ),
        _ => bail!("Cargo.lock does not list both wasm-bindgen and wasm-bindgen-cli-support"),
    }
}

/// The version of package `name` in a Cargo.lock text.
fn locked_version<'a>(lock: &'a str, name: &str) -> Option<&'a str> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return version.strip_suffix('"');
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_versions_from_a_lockfile() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n[[package]]\nname = \"wasm-bindgen-cli-support\"\nversion = \"0.2.129\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen"), Some("0.2.130"));
        assert_eq!(
            locked_version(lock, "wasm-bindgen-cli-support"),
            Some("0.2.129")
        );
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn the_real_lockfile_pins_matching_versions() {
        super::check_bindgen_version(&crate::project::root().join("Cargo.lock")).unwrap();
    }
}
