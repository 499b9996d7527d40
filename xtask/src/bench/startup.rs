//! Start-up of the real page, step by step: `dist/crosscheck.html` opened from file:// until its first aligned row is on screen, with the CPU as it is and throttled.
//!
//! Before the page loads, a script added through the DevTools protocol
//! watches the document with a `MutationObserver`; when the first
//! `table.aligned tbody tr.group` appears it notes `performance.now()` (time
//! since navigation start). It then asks for an animation frame and, from
//! there, for a task: that task runs once the frame that paints the row is
//! done, so its time is when the row is on screen. (The frame's own timestamp
//! is no use: a frame delayed by a busy main thread keeps its planned time.)
//! The same script wraps `WebAssembly.compileStreaming` and `instantiate` to
//! note when the wasm is compiled and instantiated, and then reads the
//! page's own performance marks (`cc:…`: index.html's boot script and
//! `src/marks.rs`), so every run splits into the [`STEPS`] between them.
//! After the first row it watches long tasks for a second: the page must
//! stay responsive while the rest of the grid draws.
//!
//! Each run uses a fresh browser session, so no run finds another's saved
//! work or cache. [`Cpu::Throttled`] slows the page's main thread with
//! DevTools' `Emulation.setCPUThrottlingRate`, standing in for a low-end
//! Chromebook (the browser's other processes, and so its font service, are
//! not slowed).

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
  // The page compiles its wasm with compileStreaming (which also inflates
  // it, as it streams) and wasm-bindgen's glue instantiates the module.
  const wrap = (name, start, end) => {
    const original = WebAssembly[name];
    if (!original) return;
    WebAssembly[name] = function (...args) {
      if (start && marks[start] == null) marks[start] = performance.now();
      return original.apply(this, args).then((result) => {
        if (marks[end] == null) marks[end] = performance.now();
        return result;
      });
    };
  };
  wrap("compileStreaming", "wasm_start", "compiled");
  wrap("instantiate", null, "wasm_end");
  wrap("instantiateStreaming", "wasm_start", "wasm_end");
  const selector = "table.aligned tbody tr.group";
  const observer = new MutationObserver(() => {
    if (marks.in_document != null || !document.querySelector(selector)) return;
    observer.disconnect();
    marks.in_document = performance.now();
    const navigation = performance.getEntriesByType("navigation")[0];
    marks.parsed = navigation ? navigation.domContentLoadedEventEnd : null;
    requestAnimationFrame(() => setTimeout(() => {
      marks.on_screen = performance.now();
      for (const entry of performance.getEntriesByType("mark")) {
        if (marks[entry.name] == null) marks[entry.name] = entry.startTime;
      }
      // The longest task from the first row on screen until the page is quiet.
      marks.longest_after = 0;
      new PerformanceObserver((list) => {
        for (const task of list.getEntries()) {
          if (task.startTime >= marks.on_screen) {
            marks.longest_after = Math.max(marks.longest_after, task.duration);
          }
        }
      }).observe({ type: "longtask", buffered: true });
      setTimeout(() => { marks.quiet = true; }, 1000);
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// Waits (in the page) until the first row is on screen and the page has been quiet a second.
const WAIT: &str = r#"
const done = arguments[arguments.length - 1];
(function check() {
  const marks = window.__startup;
  if (marks && marks.quiet) done(marks); else setTimeout(check, 5);
})();
"#;

/// The mark that the start-up target is about.
pub const ON_SCREEN: &str = "on_screen";

/// The longest main-thread task after the first row is on screen (ms).
pub const LONGEST_AFTER: &str = "longest_after";

/// Where the time goes, step by step: (what, from mark, to mark); "" is navigation start.
/// The `cc:` marks are the page's own (index.html's boot script, src/marks.rs).
pub const STEPS: [(&str, &str, &str); 11] = [
    (
        "reading the page's HTML up to its boot script",
        "",
        "cc:boot",
    ),
    (
        "reading the wasm's text, streamed into the compiler",
        "cc:boot",
        "cc:unpacked",
    ),
    ("compiling the wasm's last part", "cc:unpacked", "compiled"),
    (
        "… meanwhile unpacking and running the glue, the seeds",
        "cc:boot",
        "cc:glue",
    ),
    ("waiting for the later of the two", "compiled", "cc:ready"),
    ("instantiating the wasm", "cc:ready", "wasm_end"),
    (
        "reading the articles (saved work or the page's)",
        "wasm_end",
        "cc:read",
    ),
    (
        "mounting the app, up to its comparison",
        "cc:read",
        "cc:comparing",
    ),
    ("comparing (the engine)", "cc:comparing", "cc:compared"),
    (
        "building the view (yew, the DOM)",
        "cc:compared",
        "in_document",
    ),
    (
        "layout and paint of the first screen",
        "in_document",
        ON_SCREEN,
    ),
];

/// How the browser's CPU is slowed for a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cpu {
    /// As it is.
    AsIs,
    /// Slowed by this factor (DevTools `Emulation.setCPUThrottlingRate`), standing in for a low-end Chromebook.
    Throttled(f64),
}

/// The marks of every run, in ms since navigation start.
pub struct Startup {
    runs: Vec<Value>,
    /// The CPU the runs had.
    pub cpu: Cpu,
}

impl Startup {
    /// One mark over all runs (NaN where a run lacks it).
    pub fn values(&self, mark: &str) -> Vec<f64> {
        self.runs
            .iter()
            .map(|run| match mark {
                "" => 0.0,
                mark => run[mark].as_f64().unwrap_or(f64::NAN),
            })
            .collect()
    }

    /// A step's duration over all runs: `to - from`.
    pub fn durations(&self, from: &str, to: &str) -> Vec<f64> {
        self.values(to)
            .iter()
            .zip(self.values(from))
            .map(|(to, from)| to - from)
            .collect()
    }

    /// How many times the page was opened.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }
}

/// Opens `page` `runs` times, each in a new session, with the given CPU.
pub fn measure(
    driver: &Driver,
    browser: &Browser,
    page: &Path,
    runs: usize,
    cpu: Cpu,
) -> Result<Startup> {
    let runs = (0..runs)
        .map(|_| once(driver, browser, page, cpu))
        .collect::<Result<Vec<_>>>()?;
    Ok(Startup { runs, cpu })
}

fn once(driver: &Driver, browser: &Browser, page: &Path, cpu: Cpu) -> Result<Value> {
    let session = Session::start(driver, browser)?;
    session.devtools("Page.enable", json!({}))?;
    if let Cpu::Throttled(rate) = cpu {
        session.devtools("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))?;
    }
    session.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVER }),
    )?;
    session.open(page)?;
    session.run_async(WAIT)
}
