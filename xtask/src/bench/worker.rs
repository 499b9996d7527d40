//! The worker's round trip in the real page: 100 articles of 1,000 words compared in the background, and how long the main thread takes to read the report back.
//!
//! The page is `dist/crosscheck.html` (or `--page FILE`) with the synthetic
//! `Spec::LARGE` set embedded as its set, as `tests/worker.rs` builds it,
//! opened on the Help view (drawing the grid of 100 sources is not what is
//! measured). Before the page's own scripts run, a script added through the
//! DevTools protocol
//!
//! - records every long task (over 50 ms) of the main thread;
//! - wraps the `onmessage` setter of `Worker.prototype`, so every message the
//!   page's handler receives is timed: when it starts and how long the
//!   handler runs (reading the reply and dispatching it), with the reply's
//!   kind (progress, or anything else: the report or a part of it).
//!
//! Once the progress bar is gone and the page has been idle a second, the
//! figures are read: the replies' handler times after the last progress
//! message, and the longest task from the first of them on. The longest task
//! is what blocks input; it includes what the handler's dispatch leads to in
//! the same task (yew's render of the Help view and the status).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use crosscheck_engine::synthetic::{Spec, articles};
use serde_json::{Value, json};

use super::webdriver::Session;
use crate::browser::{Browser, Driver};

/// Installed before any script of the page runs.
const OBSERVER: &str = r#"
(() => {
  const log = { tasks: [], messages: [] };
  window.__worker = log;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) log.tasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const kind = (data) => {
    if (typeof data === "string") return "text";
    if (data instanceof Uint8Array) return data[0] === 0 ? "progress" : "bytes";
    if (data && typeof data === "object") return Object.keys(data).join(",");
    return typeof data;
  };
  let proto = Worker.prototype;
  while (proto && !Object.getOwnPropertyDescriptor(proto, "onmessage")) proto = Object.getPrototypeOf(proto);
  const handler = Object.getOwnPropertyDescriptor(proto, "onmessage");
  Object.defineProperty(Worker.prototype, "onmessage", {
    configurable: true,
    get() { return handler.get.call(this); },
    set(listener) {
      const timed = listener && function (event) {
        const start = performance.now();
        try { return listener.call(this, event); }
        finally { log.messages.push([start, performance.now() - start, kind(event.data)]); }
      };
      handler.set.call(this, timed);
    },
  });
})();
"#;

/// Waits (in the page) until the comparison is over and the page has been idle a second.
const WAIT: &str = r#"
const done = arguments[arguments.length - 1];
let seen = false, quiet = null;
(function check() {
  const running = !!document.getElementById("analysis-progress");
  seen = seen || running;
  if (seen && !running) {
    quiet = quiet == null ? performance.now() : quiet;
    if (performance.now() - quiet > 1000) {
      done({ tasks: window.__worker.tasks, messages: window.__worker.messages,
             failed: document.body.textContent.includes("could not run in the background") });
      return;
    }
  }
  setTimeout(check, 20);
})();
"#;

/// One run's figures, in ms of the page's clock.
pub struct Run {
    /// Progress messages received.
    pub progress: usize,
    /// From the first message (the worker started) to the first reply after the last progress.
    pub comparing: f64,
    /// The handler times of the replies after the last progress message (the report, or its parts).
    pub reading: Vec<f64>,
    /// The longest main-thread task from the first of those replies on.
    pub longest_task: f64,
    /// Long tasks over 200 ms from the worker's start to the end.
    pub over_200: usize,
}

/// Opens the large page `runs` times, each in a new session.
pub fn measure(driver: &Driver, browser: &Browser, page: &Path, runs: usize) -> Result<Vec<Run>> {
    let large = large_page(page)?;
    (0..runs).map(|_| once(driver, browser, &large)).collect()
}

/// `page` with `Spec::LARGE` as its set, written beside the bench page.
fn large_page(page: &Path) -> Result<PathBuf> {
    let text = std::fs::read_to_string(page).with_context(|| page.display().to_string())?;
    let set = serde_json::to_string(&articles(&Spec::LARGE))?.replace('<', "\\u003c");
    let open = "<script type=\"application/json\" id=\"crosscheck-seeds\">";
    let start = text.find(open).context("the page has no embedded set")? + open.len();
    let end = start
        + text[start..]
            .find("</script>")
            .context("the set's script never ends")?;
    let path = super::page::dir().join("large-set.html");
    std::fs::create_dir_all(super::page::dir())?;
    std::fs::write(&path, format!("{}{set}{}", &text[..start], &text[end..]))?;
    Ok(path)
}

fn once(driver: &Driver, browser: &Browser, page: &Path) -> Result<Run> {
    let session = Session::start(driver, browser)?;
    session.devtools("Page.enable", json!({}))?;
    session.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVER }),
    )?;
    session.open_at(page, "help")?;
    let log = session.run_async(WAIT)?;
    if log["failed"].as_bool() == Some(true) {
        anyhow::bail!("the page compared on the main thread: the worker failed");
    }
    Ok(figures(&log))
}

/// The figures of one run's log.
fn figures(log: &Value) -> Run {
    let pair = |v: &Value, i: usize| v[i].as_f64().unwrap_or(f64::NAN);
    let messages: Vec<(f64, f64, &str)> = log["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| (pair(m, 0), pair(m, 1), m[2].as_str().unwrap_or("")))
        .collect();
    let tasks: Vec<(f64, f64)> = log["tasks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| (pair(t, 0), pair(t, 1)))
        .collect();
    let last_progress = messages.iter().rposition(|m| m.2 == "progress");
    let replies = &messages[last_progress.map_or(0, |i| i + 1)..];
    let first = messages.first().map_or(f64::NAN, |m| m.0);
    let arrived = replies.first().map_or(f64::NAN, |m| m.0);
    Run {
        progress: messages.iter().filter(|m| m.2 == "progress").count(),
        comparing: arrived - first,
        reading: replies.iter().map(|m| m.1).collect(),
        longest_task: tasks
            .iter()
            .filter(|t| t.0 + t.1 >= arrived)
            .map(|t| t.1)
            .fold(0.0, f64::max),
        over_200: tasks
            .iter()
            .filter(|t| t.0 + t.1 >= first && t.1 > 200.0)
            .count(),
    }
}
