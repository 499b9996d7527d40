//! Start-up time of the real page: from navigation start to the first aligned row on screen, `dist/crosscheck.html` opened from file://.
//!
//! Before the page loads, a script added through the DevTools protocol
//! watches the document with a `MutationObserver`; when the first
//! `table.aligned tbody tr.group` appears it notes `performance.now()` (time
//! since navigation start). It then asks for an animation frame and, from
//! there, for a task: that task runs once the frame that paints the row is
//! done, so its time is when the row is on screen. (The frame's own timestamp
//! is no use: a frame delayed by a busy main thread keeps its planned time.)
//! The same script wraps `WebAssembly.instantiate` and
//! `instantiateStreaming` to note when the page's wasm starts and ends
//! instantiating, so a slow start can be told apart: parsing the page,
//! unpacking and compiling the wasm, or comparing and rendering. (The page
//! streams the wasm as it unpacks it, so the start is when unpacking begins,
//! and the end includes both.) Each run uses a fresh browser session, so no run finds another's saved
//! work or cache.

use std::path::Path;

use anyhow::Result;
use serde_json::{Value, json};

use super::webdriver::Session;
use crate::browser::{Browser, Driver};

/// Installed before any script of the page runs.
const OBSERVER: &str = r#"
(() => {
  const marks = {};
  window.__startup = marks;
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      if (marks.wasm_start == null) marks.wasm_start = performance.now();
      return original.apply(this, args).then((result) => {
        if (marks.wasm_end == null) marks.wasm_end = performance.now();
        return result;
      });
    };
  }
  const selector = "table.aligned tbody tr.group";
  const observer = new MutationObserver(() => {
    if (marks.in_document != null || !document.querySelector(selector)) return;
    observer.disconnect();
    marks.in_document = performance.now();
    const navigation = performance.getEntriesByType("navigation")[0];
    marks.parsed = navigation ? navigation.domContentLoadedEventEnd : null;
    requestAnimationFrame(() => setTimeout(() => { marks.on_screen = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// Waits (in the page) until the first row is on screen.
const WAIT: &str = r#"
const done = arguments[arguments.length - 1];
(function check() {
  const marks = window.__startup;
  if (marks && marks.on_screen != null) done(marks); else setTimeout(check, 5);
})();
"#;

/// The mark that the start-up target is about.
pub const ON_SCREEN: &str = "on_screen";

/// The marks noted in each run, in the order they happen, with what they mean.
pub const MARKS: [(&str, &str); 5] = [
    ("parsed", "page parsed (DOMContentLoaded handlers done)"),
    ("wasm_start", "wasm unpacking and compiling start"),
    ("wasm_end", "wasm unpacked and instantiated"),
    ("in_document", "first row in the document"),
    (
        ON_SCREEN,
        "first row on screen (the frame that paints it done)",
    ),
];

/// The marks of every run, in ms since navigation start.
pub struct Startup {
    runs: Vec<Value>,
}

impl Startup {
    /// One mark over all runs (NaN where a run lacks it).
    pub fn values(&self, mark: &str) -> Vec<f64> {
        self.runs
            .iter()
            .map(|run| run[mark].as_f64().unwrap_or(f64::NAN))
            .collect()
    }

    /// How many times the page was opened.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }
}

/// Opens `page` `runs` times, each in a new session.
pub fn measure(driver: &Driver, browser: &Browser, page: &Path, runs: usize) -> Result<Startup> {
    let runs = (0..runs)
        .map(|_| once(driver, browser, page))
        .collect::<Result<Vec<_>>>()?;
    Ok(Startup { runs })
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
