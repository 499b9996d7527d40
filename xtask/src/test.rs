//! `cargo xtask test`: every check, in the order a failure is cheapest to find.
//!
//! fmt, clippy, the native test suite, the dist build with its size budget
//! (350 KB gzipped, no float printing in the wasm),
//! then the headless-Chromium tests against `file://…/dist/crosscheck.html`.

use anyhow::{Result, bail};

use crate::{axe, browser, dist, project, wasm};

/// The most `dist/crosscheck.html` may weigh gzipped (`gzip -9`), in bytes:
/// issue #8's target, kept as a guard (`cargo xtask bench --startup` reports it too).
const DIST_GZIP_BUDGET_BYTES: u64 = 350 * 1000;

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
    if gzipped > DIST_GZIP_BUDGET_BYTES {
        bail!(
            "{} is {} KB gzipped, over its budget of {} KB",
            page.display(),
            gzipped / 1000,
            DIST_GZIP_BUDGET_BYTES / 1000
        );
    }
    println!(
        "size budget: {} KB gzipped ({} KB) of {} KB",
        gzipped / 1000,
        size / 1000,
        DIST_GZIP_BUDGET_BYTES / 1000
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
