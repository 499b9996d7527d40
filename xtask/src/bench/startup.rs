//! Start-up time of the real page: from navigation start to the first aligned row on screen, `dist/crosscheck.html` opened from file://.
//!
//! Before the page loads, a script added through the DevTools protocol
//! watches the document with a `MutationObserver`; when the first
//! `table.aligned tbody tr.group` appears it notes `performance.now()` (time
//! since navigation start). It then asks for an animation frame and, from
//! there, for a task: that task runs once the frame that paints the row is
//! done, so its time is when the row is on screen. (The frame's own timestamp
//! is no use: a frame delayed by a busy main thread keeps its planned time.)
//! Each run uses a fresh browser session, so no run finds another's saved
//! work or cache.

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Value, json};

use super::webdriver::Session;
use crate::browser::{Browser, Driver};

/// Installed before any script of the page runs.
const OBSERVER: &str = r#"
(() => {
  const selector = "table.aligned tbody tr.group";
  const observer = new MutationObserver(() => {
    if (window.__firstRow || !document.querySelector(selector)) return;
    observer.disconnect();
    const navigation = performance.getEntriesByType("navigation")[0];
    const row = { dom_ms: performance.now(), dcl_ms: navigation ? navigation.domContentLoadedEventEnd : null };
    window.__firstRow = row;
    requestAnimationFrame(() => setTimeout(() => { row.painted_ms = performance.now(); row.done = true; }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// Waits (in the page) until the first row's frame is known.
const WAIT: &str = r#"
const done = arguments[arguments.length - 1];
(function check() {
  const row = window.__firstRow;
  if (row && row.done) done(row); else setTimeout(check, 5);
})();
"#;

/// Times from navigation start to the first group row, per run.
pub struct Startup {
    /// When the row was in the document, per run (ms).
    pub in_document: Vec<f64>,
    /// When the frame that paints it was done, per run (ms).
    pub on_screen: Vec<f64>,
    /// When the page's DOMContentLoaded handlers were done, per run (ms).
    pub parsed: Vec<f64>,
}

/// Opens `page` `runs` times, each in a new session.
pub fn measure(driver: &Driver, browser: &Browser, page: &Path, runs: usize) -> Result<Startup> {
    let mut startup = Startup {
        in_document: Vec::new(),
        on_screen: Vec::new(),
        parsed: Vec::new(),
    };
    for _ in 0..runs {
        let row = once(driver, browser, page)?;
        let ms = |key: &str| {
            row[key]
                .as_f64()
                .with_context(|| format!("no {key} in {row}"))
        };
        startup.in_document.push(ms("dom_ms")?);
        startup.on_screen.push(ms("painted_ms")?);
        startup.parsed.push(ms("dcl_ms")?);
    }
    Ok(startup)
}

fn once(driver: &Driver, browser: &Browser, page: &Path) -> Result<Value> {
    let session = Session::start(driver, browser)?;
    session.devtools("Page.enable", json!({}))?;
    session.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVER }),
    )?;
    session.open(page)?;
    session.run_async(WAIT)
}
