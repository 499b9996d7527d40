//! A 5 MB paste and 5 MB dropped files in the real page (issue #17): the longest main-thread task from the paste until the Overview is drawn, and the renderer's peak memory; the longest task from a drop until the article is added and compared.
//!
//! The page is `dist/crosscheck.html` (or `--page FILE`) with its seed set,
//! opened on the Articles view. Before the page's own scripts run, a script
//! added through the DevTools protocol records every long task (over 50 ms).
//! The bench then pastes 5 MB of text (sentences numbered so no two are the
//! same) into the paste form as a reader would (the text area's value, an
//! input event, "Add this article"), waits until the comparison is over,
//! opens the Overview and waits until the page has been idle a second. The
//! peak memory is the highest `VmHWM` (peak resident set) of the browser's
//! renderer processes, read from `/proc` (Linux; absent elsewhere).

use std::path::Path;

use anyhow::Result;
use serde_json::{Value, json};

use super::webdriver::Session;
use crate::browser::{Browser, Driver};

/// Installed before any script of the page runs.
const OBSERVER: &str = r#"
(() => {
  window.__tasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
})();
"#;

/// Pastes 5 MB, adds it, waits for the comparison and the Overview, and returns the timings.
const PASTE: &str = r#"
const done = arguments[arguments.length - 1];
const wait = (test, then) => (function check() { test() ? then() : setTimeout(check, 20); })();
wait(() => document.getElementById("paste-text"), () => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < 5000000; i++) {
    const line = "Sentence " + i + " of the long report says the talks on the ceasefire went on for hours.\n";
    parts.push(line);
    size += line.length;
  }
  const text = parts.join("");
  const sources = document.querySelectorAll(".source-bar li").length;
  // The text is made in a task of its own, before the paste is timed.
  let start = 0;
  setTimeout(() => {
  start = performance.now();
  const area = document.getElementById("paste-text");
  area.value = text;
  area.dispatchEvent(new InputEvent("input", { bubbles: true }));
  setTimeout(() => {
    document.querySelector(".paste-form button[type=submit]").click();
    wait(() => document.querySelectorAll(".source-bar li").length > sources
                && !document.getElementById("analysis-progress"), () => {
      const compared = performance.now();
      document.getElementById("tab-overview").click();
      wait(() => document.querySelector(".figure-card"), () => {
        const drawn = performance.now();
        setTimeout(() => done({ start, compared, drawn, tasks: window.__tasks,
                                nodes: document.getElementsByTagName("*").length }), 1000);
      });
    });
  }, 0);
  }, 50);
});
"#;

/// Drops a 5 MB file of the kind `KIND` (txt, md or html: one numbered
/// sentence per line, per paragraph, per `<p>`) on the page and waits until
/// it is added and compared and the page has been idle a second. The file is
/// made in a task of its own first.
const DROP: &str = r#"
const done = arguments[arguments.length - 1];
const kind = "KIND";
const wait = (test, then) => (function check() { test() ? then() : setTimeout(check, 20); })();
wait(() => document.querySelector(".source-bar li"), () => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < 5000000; i++) {
    const line = "Sentence " + i + " of the long report says the talks on the ceasefire went on for hours.";
    const piece = kind === "html" ? "<p>" + line + "</p>\n" : kind === "md" ? line + "\n\n" : line + "\n";
    parts.push(piece);
    size += piece.length;
  }
  const text = kind === "html"
    ? "<!doctype html><html><head><title>Long report</title></head><body><article><h1>Long report</h1>" + parts.join("") + "</article></body></html>"
    : parts.join("");
  const file = new File([text], "long." + kind, { type: kind === "html" ? "text/html" : kind === "md" ? "text/markdown" : "text/plain" });
  const sources = document.querySelectorAll(".source-bar li").length;
  setTimeout(() => {
    const start = performance.now();
    const items = new DataTransfer();
    items.items.add(file);
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: items, bubbles: true, cancelable: true }));
    wait(() => document.querySelectorAll(".source-bar li").length > sources
                && !document.getElementById("analysis-progress"), () => {
      const compared = performance.now();
      setTimeout(() => done({ start, compared, drawn: compared, tasks: window.__tasks,
                              nodes: document.getElementsByTagName("*").length }), 1000);
    });
  }, 50);
});
"#;

/// The kinds of file [`measure_drops`] drops, by extension.
pub const DROPPED: [&str; 3] = ["txt", "md", "html"];

/// One run's figures, in ms of the page's clock.
pub struct Run {
    /// From the paste to the report shown (the comparison over).
    pub compared: f64,
    /// From the paste to the Overview drawn.
    pub drawn: f64,
    /// The longest main-thread task from the paste on.
    pub longest_task: f64,
    /// When it started, from the paste: before "compared" it is the import
    /// or the comparison's hand-over, after it the Overview's drawing.
    pub longest_at: f64,
    /// Tasks over 200 ms from the paste on.
    pub over_200: usize,
    /// Elements in the page at the end.
    pub nodes: u64,
    /// The renderers' highest peak resident set, in MB, where `/proc` tells it.
    pub peak_mb: Option<f64>,
}

/// Pastes into a fresh page `runs` times, each in a new session.
pub fn measure(driver: &Driver, browser: &Browser, page: &Path, runs: usize) -> Result<Vec<Run>> {
    (0..runs).map(|_| once(driver, browser, page)).collect()
}

/// Drops a 5 MB file of each of [`DROPPED`] kinds on a fresh page `runs` times each, each in a new session.
pub fn measure_drops(
    driver: &Driver,
    browser: &Browser,
    page: &Path,
    runs: usize,
) -> Result<Vec<Vec<Run>>> {
    DROPPED
        .iter()
        .map(|kind| {
            let script = DROP.replace("KIND", kind);
            (0..runs)
                .map(|_| run(driver, browser, page, &script))
                .collect()
        })
        .collect()
}

fn once(driver: &Driver, browser: &Browser, page: &Path) -> Result<Run> {
    run(driver, browser, page, PASTE)
}

fn run(driver: &Driver, browser: &Browser, page: &Path, script: &str) -> Result<Run> {
    let session = Session::start(driver, browser)?;
    session.devtools("Page.enable", json!({}))?;
    session.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVER }),
    )?;
    session.open_at(page, "articles")?;
    let log = session.run_async(script)?;
    let peak_mb = renderer_peak_kb(driver.pid()).map(|kb| kb as f64 / 1024.0);
    Ok(figures(&log, peak_mb))
}

fn figures(log: &Value, peak_mb: Option<f64>) -> Run {
    let at = |name: &str| log[name].as_f64().unwrap_or(f64::NAN);
    let start = at("start");
    let tasks: Vec<(f64, f64)> = log["tasks"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| (t[0].as_f64().unwrap_or(0.0), t[1].as_f64().unwrap_or(0.0)))
        .filter(|t| t.0 + t.1 > start)
        .collect();
    let longest = tasks
        .iter()
        .copied()
        .fold((f64::NAN, 0.0), |a, t| if t.1 > a.1 { t } else { a });
    Run {
        compared: at("compared") - start,
        drawn: at("drawn") - start,
        longest_task: longest.1,
        longest_at: longest.0 - start,
        over_200: tasks.iter().filter(|t| t.1 > 200.0).count(),
        nodes: log["nodes"].as_u64().unwrap_or(0),
        peak_mb,
    }
}

/// The highest `VmHWM` (kB) of the renderer processes below `root` (ChromeDriver), from `/proc`.
fn renderer_peak_kb(root: u32) -> Option<u64> {
    let parent = |pid: u32| -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // "pid (name) state ppid …": the name may hold spaces, so read after its ')'.
        stat.rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    let below_root = |mut pid: u32| {
        for _ in 0..16 {
            match parent(pid) {
                Some(p) if p == root => return true,
                Some(p) if p > 1 => pid = p,
                _ => return false,
            }
        }
        false
    };
    std::fs::read_dir("/proc")
        .ok()?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains("--type=renderer"))
                && below_root(pid)
        })
        .filter_map(|pid| {
            let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .max()
}
