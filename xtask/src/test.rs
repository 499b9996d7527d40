//! `cargo xtask test`: every check, in the order a failure is cheapest to find.
//!
//! fmt, clippy, the native test suite, the dist build with its size budget
//! (600 KB as written and 450 KB gzipped, no float printing in the wasm),
//! then the headless-Chromium tests against `file://…/dist/crosscheck.html`.

use anyhow::{Result, bail};

use crate::{axe, browser, dist, project, wasm};

/// The most `dist/crosscheck.html` may weigh: issue #14's budget, kept as a
/// guard (`cargo xtask bench --startup` reports against it too).
pub const DIST_BUDGET: Budget = Budget {
    raw_bytes: 600 * 1000,
    gzipped_bytes: 450 * 1000,
};

/// A size budget for the page, in bytes.
pub struct Budget {
    /// The file as written (what a USB stick or an e-mail carries).
    pub raw_bytes: u64,
    /// The file compressed by gzip at level 9 ([`dist::sizes`], as `gzip -9`):
    /// what a web server sends.
    pub gzipped_bytes: u64,
}

impl Budget {
    /// What is over the budget, in words, or `None` when both sizes fit.
    fn overrun(&self, raw_bytes: u64, gzipped_bytes: u64) -> Option<String> {
        let over: Vec<String> = [
            ("as written", raw_bytes, self.raw_bytes),
            ("gzipped", gzipped_bytes, self.gzipped_bytes),
        ]
        .into_iter()
        .filter(|&(_, size, limit)| size > limit)
        .map(|(what, size, limit)| format!("{size} bytes {what}, over its budget of {limit}"))
        .collect();
        (!over.is_empty()).then(|| over.join("; "))
    }
}

/// Runs the whole suite.
pub fn run() -> Result<()> {
    project::run(project::cargo().args(["fmt", "--all", "--check"]))?;
    project::run(project::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]))?;
    project::run(project::cargo().args(["test", "--workspace"]))?;
    end_to_end()
}

/// The dist build, its size budget and the browser tests.
pub fn end_to_end() -> Result<()> {
    let page = dist::run()?;
    check_budget(&page)?;
    no_float_formatting()?;
    browser_tests(&page)
}

fn check_budget(page: &std::path::Path) -> Result<()> {
    let (size, gzipped) = dist::sizes(page)?;
    if let Some(overrun) = DIST_BUDGET.overrun(size, gzipped) {
        bail!(
            "{} is {overrun} (see docs/performance.md for what takes the room)",
            page.display()
        );
    }
    println!(
        "size budget: {} KB of {} KB as written, {} KB of {} KB gzipped",
        size / 1000,
        DIST_BUDGET.raw_bytes / 1000,
        gzipped / 1000,
        DIST_BUDGET.gzipped_bytes / 1000
    );
    Ok(())
}

/// Fails when the app's wasm links core's float printing (`{}` on an f64):
/// about 18 KB of code and tables that one `format!` brings in. Numbers for
/// people are formatted as integers (`readable_size`, whole percents).
fn no_float_formatting() -> Result<()> {
    let module = wasm::linked_module();
    let bytes = std::fs::read(&module)?;
    if bytes.windows(16).any(|w| w == b"float_to_decimal") {
        bail!(
            "{} formats an f64 with Display (core's float_to_decimal is linked, about 18 KB): \
             format a whole number instead (see docs/performance.md, \"This round\")",
            module.display()
        );
    }
    Ok(())
}

fn browser_tests(page: &std::path::Path) -> Result<()> {
    let axe = axe::ensure()?;
    let browser = browser::ensure()?;
    let driver = browser::Driver::start(&browser)?;
    let screenshots = project::screenshot_dir();
    std::fs::create_dir_all(&screenshots)?;
    let mut command = project::cargo();
    command
        .args([
            "test",
            "--package",
            "crosscheck",
            "--features",
            "browser-tests",
            "--test",
            "browser",
            "--test",
            "accessibility",
            "--test",
            "own_articles",
            "--test",
            "classroom",
            "--test",
            "corrections",
            "--test",
            "worker",
        ])
        .env("CROSSCHECK_WEBDRIVER", &driver.url)
        .env("CROSSCHECK_CHROME", &browser.chrome)
        .env("CROSSCHECK_PAGE", page)
        .env("CROSSCHECK_AXE", &axe)
        .env("CROSSCHECK_SCREENSHOTS", &screenshots)
        .env(
            "CROSSCHECK_NO_SANDBOX",
            if browser::needs_no_sandbox() {
                "1"
            } else {
                "0"
            },
        );
    let result = project::run(&mut command);
    drop(driver);
    result?;
    println!("screenshots: {}", screenshots.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_over_budget_when_either_size_is() {
        let budget = Budget {
            raw_bytes: 600,
            gzipped_bytes: 450,
        };
        let cases = [
            (600, 450, None),
            (
                601,
                450,
                Some("601 bytes as written, over its budget of 600"),
            ),
            (600, 451, Some("451 bytes gzipped, over its budget of 450")),
            (
                700,
                500,
                Some(
                    "700 bytes as written, over its budget of 600; \
                     500 bytes gzipped, over its budget of 450",
                ),
            ),
        ];
        for (raw, gzipped, expected) in cases {
            assert_eq!(
                budget.overrun(raw, gzipped).as_deref(),
                expected,
                "{raw} / {gzipped}"
            );
        }
    }
}
