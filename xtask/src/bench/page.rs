//! The bench page: crosscheck-bench as wasm, jsdiff, diff-match-patch, the inputs and `bench.js`, in one HTML file under `target/bench/`.
//!
//! Everything is inlined, as in the app's page, so it runs from file:// with
//! no request. The wasm is built with the workspace's release profile, the one
//! the shipped page uses (`opt-level = "z"`), so the figures are the page's.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use base64::Engine as _;
use serde_json::Value;

use crate::{npm, project, wasm};

/// The pinned jsdiff release (npm package `diff`).
pub const JSDIFF_VERSION: &str = "9.0.0";
/// The pinned diff-match-patch release.
pub const DMP_VERSION: &str = "1.0.5";

const BENCH_JS: &str = include_str!("bench.js");

/// Writes the page with `inputs` built in; returns its path.
pub fn write(inputs: &Value) -> Result<PathBuf> {
    let bundle = build_wasm()?;
    let scripts = npm_scripts()?;
    let wasm_b64 = base64::engine::general_purpose::STANDARD.encode(&bundle.wasm);
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Crosscheck bench</title></head><body>\n\
         <p>cargo xtask bench runs this page.</p>\n\
         <script type=\"application/json\" id=\"bench-inputs\">{inputs}</script>\n\
         <script>{glue}</script>\n<script>{jsdiff}</script>\n<script>{dmp}</script>\n\
         <script>const BENCH_WASM = \"{wasm_b64}\";</script>\n<script>{BENCH_JS}</script>\n</body></html>\n",
        inputs = inputs.to_string().replace('<', "\\u003c"),
        glue = script_safe(&bundle.glue_js),
        jsdiff = script_safe(&scripts.jsdiff),
        dmp = script_safe(&scripts.dmp),
    );
    let path = dir().join("bench.html");
    std::fs::create_dir_all(dir())?;
    std::fs::write(&path, html).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// `target/bench/`: the page, the npm packages, the CollateX venv.
pub fn dir() -> PathBuf {
    project::target_dir().join("bench")
}

/// Builds crosscheck-bench for the web and runs wasm-bindgen on it.
fn build_wasm() -> Result<wasm::Bundle> {
    wasm::check_bindgen_version(&project::root().join("Cargo.lock"))?;
    wasm::ensure_target()?;
    project::run(project::cargo().args([
        "build",
        "--release",
        "--target",
        wasm::TARGET,
        "--package",
        "crosscheck-bench",
        "--lib",
    ]))?;
    let module = project::target_dir()
        .join(wasm::TARGET)
        .join("release")
        .join("crosscheck_bench.wasm");
    wasm::bindgen(&module)
}

/// The two JavaScript diff libraries, as classic scripts.
struct Scripts {
    /// Defines the global `Diff`.
    jsdiff: String,
    /// Defines the global `diff_match_patch`.
    dmp: String,
}

/// Installs the pinned jsdiff and diff-match-patch from npm into `target/bench/npm/` once.
fn npm_scripts() -> Result<Scripts> {
    let modules = dir().join("npm/node_modules");
    let jsdiff = modules.join("diff/dist/diff.min.js");
    let dmp = modules.join("diff-match-patch/index.js");
    let packages = [
        npm::Package {
            name: "diff",
            version: JSDIFF_VERSION,
        },
        npm::Package {
            name: "diff-match-patch",
            version: DMP_VERSION,
        },
    ];
    npm::ensure(
        &dir().join("npm"),
        &packages,
        "the benchmark compares with jsdiff and diff-match-patch",
        "cargo xtask bench",
    )?;
    let dmp_source = read(&dmp)?;
    Ok(Scripts {
        jsdiff: read(&jsdiff)?,
        // The npm package is CommonJS: give it a module object and publish the class.
        dmp: format!(
            "(function () {{ var module = {{ exports: {{}} }}; var exports = module.exports;\n{dmp_source}\nwindow.diff_match_patch = module.exports; }})();"
        ),
    })
}

/// Makes a script safe inside `<script>`: no `</script`, no `<!--`. Only
/// those sequences are escaped (a backslash before `/` or `!` means the same in
/// JavaScript strings and regular expressions); a blanket `</` escape would
/// break a regular expression such as `/</g`, which jsdiff has.
fn script_safe(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let closes = tail
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("</script"));
        if closes {
            out.push_str("<\\/");
            rest = &tail[2..];
        } else if tail.starts_with("<!--") {
            out.push_str("<\\!");
            rest = &tail[2..];
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::script_safe;

    #[test]
    fn only_what_ends_a_script_is_escaped() {
        assert_eq!(
            script_safe(r#"s.replace(/</g, "&lt;"); x = "</SCRIPT>"; y = "<!--";"#),
            r#"s.replace(/</g, "&lt;"); x = "<\/SCRIPT>"; y = "<\!--";"#
        );
    }
}
