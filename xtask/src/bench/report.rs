//! Prints the benchmark's figures as plain-text tables, each target with PASS or MISS beside it.
//!
//! Times are medians: criterion's for native runs, of repeated runs in the
//! page for wasm. KB and MB are 1,000 and 1,000,000 bytes.

use std::fmt;
use std::process::Command;
use std::time::Duration;

use crosscheck_engine::render::thousands;
use serde_json::Value;

use super::collatex::Outcome;
use super::native::Native;
use super::{Figures, Inputs, Options, startup, worker};
use crate::project;
use crate::test::DIST_BUDGET;

/// The targets of issue #8.
const SEEDS_WASM_MS: f64 = 15.0;
const LARGE_WASM_MS: f64 = 1_000.0;
const LARGE_MEMORY_MB: f64 = 200.0;
const WORD_DIFF_SPEEDUP: f64 = 3.0;
/// The targets of issue #19: the first row on screen, with the CPU as it is
/// and throttled 4×, and no long task once it is there.
const STARTUP_MS: f64 = 400.0;
const STARTUP_THROTTLED_MS: f64 = 1_000.0;
const LONGEST_TASK_MS: f64 = 200.0;

/// The inputs by the names the criterion benchmarks and the page use.
const INPUTS: [(&str, &str); 3] = [
    ("seeds", "seed set"),
    ("ecbplus", "ECB+ clusters"),
    ("synthetic-100x1000", "synthetic 100 × 1,000"),
];

/// Whether a figure meets its target.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Pass,
    Miss,
}

impl Verdict {
    fn at_most(value: f64, limit: f64) -> Verdict {
        if value <= limit {
            Verdict::Pass
        } else {
            Verdict::Miss
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Pass => "PASS",
            Verdict::Miss => "MISS",
        })
    }
}

/// Prints every table.
pub fn print(inputs: &Inputs, figures: &Figures, options: &Options) {
    println!();
    print_wasm(inputs, &figures.native, &figures.page);
    print_startup_and_size(
        &figures.startup,
        figures.dist_bytes,
        figures.dist_gzip_bytes,
    );
    print_collatex(inputs, figures, options);
}

/// The tables of the engine and its word diffs, natively and in the page.
pub fn print_wasm(inputs: &Inputs, native: &Native, page: &Value) {
    print_machine(page);
    print_compare(inputs, native, page);
    print_memory(native, page);
    print_word_diffs(native, page);
}

fn print_machine(page: &Value) {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let rustc = project::output(Command::new("rustc").arg("--version")).unwrap_or_default();
    let browser = page["user_agent"].as_str().unwrap_or("?");
    println!("Machine: {cores} cores, {cpu}; {}", rustc.trim());
    println!("Browser: {browser}\n");
}

fn print_compare(inputs: &Inputs, native: &Native, page: &Value) {
    let mut rows = Vec::new();
    for (name, label) in INPUTS {
        let wasm = &page["compare"][name];
        let wasm_ms = wasm["median_ms"].as_f64().unwrap_or(f64::NAN);
        let target = match name {
            "seeds" => Some(SEEDS_WASM_MS),
            "synthetic-100x1000" => Some(LARGE_WASM_MS),
            _ => None,
        };
        let articles = match name {
            "seeds" => inputs.seeds.len(),
            "ecbplus" => inputs.ecbplus.iter().map(|c| c.sources.len()).sum(),
            _ => inputs.synthetic.len(),
        };
        rows.push(vec![
            label.to_owned(),
            articles.to_string(),
            wasm["sets"].to_string(),
            thousands(wasm["words"].as_u64().unwrap_or(0)),
            thousands(wasm["groups"].as_u64().unwrap_or(0)),
            duration(native.median("compare", name)),
            format!("{} ({} runs)", ms(wasm_ms), wasm["runs"]),
            target.map_or(String::new(), |t| format!("≤ {} wasm", ms(t))),
            target.map_or(String::new(), |t| Verdict::at_most(wasm_ms, t).to_string()),
        ]);
    }
    let cold = page["memory"]["cold_ms"].as_f64().unwrap_or(f64::NAN);
    rows.push(vec![
        "synthetic, first run in a fresh instance".to_owned(),
        inputs.synthetic.len().to_string(),
        "1".to_owned(),
        String::new(),
        String::new(),
        String::new(),
        format!("{} (1 run)", ms(cold)),
        format!("≤ {} wasm", ms(LARGE_WASM_MS)),
        Verdict::at_most(cold, LARGE_WASM_MS).to_string(),
    ]);
    table(
        "compare(): the whole analysis (median)",
        &[
            "input", "articles", "sets", "words", "groups", "native", "wasm", "target", "",
        ],
        rows,
    );
}

fn print_memory(native: &Native, page: &Value) {
    let memory = &page["memory"];
    let mb = |key: &str| memory[key].as_f64().unwrap_or(f64::NAN) / 1e6;
    let total = mb("wasm_after") + mb("js_heap_after");
    let peak = native.peak_heap("synthetic-100x1000");
    let rows = vec![
        vec![
            "native heap at peak, one compare()".to_owned(),
            peak.map_or("?".to_owned(), |b| format!("{:.1} MB", b as f64 / 1e6)),
            String::new(),
            String::new(),
        ],
        vec![
            "wasm linear memory before → after (never shrinks: the peak)".to_owned(),
            format!("{:.1} MB → {:.1} MB", mb("wasm_before"), mb("wasm_after")),
            String::new(),
            String::new(),
        ],
        vec![
            "page JS heap used before → after".to_owned(),
            format!(
                "{:.1} MB → {:.1} MB",
                mb("js_heap_before"),
                mb("js_heap_after")
            ),
            String::new(),
            String::new(),
        ],
        vec![
            "page total (wasm memory + JS heap)".to_owned(),
            format!("{total:.1} MB"),
            format!("≤ {LARGE_MEMORY_MB:.0} MB"),
            Verdict::at_most(total, LARGE_MEMORY_MB).to_string(),
        ],
    ];
    table(
        "Memory: synthetic 100 × 1,000 words",
        &["figure", "value", "target", ""],
        rows,
    );
}

fn print_word_diffs(native: &Native, page: &Value) {
    let mut rows = Vec::new();
    let mut totals = [0.0f64; 5];
    for (name, label) in INPUTS {
        let diff = &page["word_diff"][name];
        let get = |key: &str| diff[key].as_f64().unwrap_or(f64::NAN);
        let values = ["pairs", "ours_ms", "ours_batch_ms", "jsdiff_ms", "dmp_ms"].map(get);
        for (total, value) in totals.iter_mut().zip(values) {
            *total += value;
        }
        rows.push(word_diff_row(
            label,
            values,
            duration(native.median("word-diff", name)),
        ));
    }
    rows.push(word_diff_row("all pairs", totals, String::new()));
    table(
        "Word diffs of every aligned pair (member vs its group's reference), same page; one pass over the pairs, median of 5 rounds",
        &[
            "input",
            "pairs",
            "ours wasm",
            "ours wasm, one call",
            "jsdiff diffWords",
            "diff-match-patch",
            "jsdiff / ours",
            "dmp / ours",
            "ours native",
            "target",
            "",
        ],
        rows,
    );
}

/// One input's pairs: `[pairs, ours, ours in one call, jsdiff, dmp]`, times in ms.
fn word_diff_row(
    label: &str,
    [pairs, ours, batch, jsdiff, dmp]: [f64; 5],
    native: String,
) -> Vec<String> {
    let speedup = jsdiff / ours;
    vec![
        label.to_owned(),
        thousands(pairs as u64),
        ms(ours),
        ms(batch),
        ms(jsdiff),
        ms(dmp),
        format!("{speedup:.2}×"),
        format!("{:.2}×", dmp / ours),
        native,
        format!("≥ {WORD_DIFF_SPEEDUP:.0}× jsdiff"),
        Verdict::at_most(WORD_DIFF_SPEEDUP, speedup).to_string(),
    ]
}

/// The start-up breakdown of each CPU setting and the page's size against their targets.
pub fn print_startup_and_size(
    startups: &[startup::Startup],
    dist_bytes: u64,
    dist_gzip_bytes: u64,
) {
    for startup in startups {
        print_startup(startup);
    }
    let mut rows = Vec::new();
    for (label, bytes, budget) in [
        ("the page as written", dist_bytes, DIST_BUDGET.raw_bytes),
        (
            "the page, gzip -9",
            dist_gzip_bytes,
            DIST_BUDGET.gzipped_bytes,
        ),
    ] {
        let (kb, budget_kb) = (bytes as f64 / 1e3, budget as f64 / 1e3);
        rows.push(vec![
            label.to_owned(),
            format!("{kb:.1} KB ({bytes} bytes)"),
            format!("≤ {budget_kb:.0} KB"),
            Verdict::at_most(kb, budget_kb).to_string(),
        ]);
    }
    table("The page's size", &["figure", "value", "target", ""], rows);
}

/// One CPU setting's runs: where the time goes, step by step, then the targets.
fn print_startup(startup: &startup::Startup) {
    // A page without a mark (one built before it) shows "—" for its steps.
    let spread = |values: &[f64]| {
        let low = values.iter().copied().fold(f64::INFINITY, f64::min);
        let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if low.is_finite() {
            format!("{low:.0}–{high:.0}")
        } else {
            "—".to_owned()
        }
    };
    let ms = |value: f64| {
        if value.is_nan() {
            "—".to_owned()
        } else {
            ms(value)
        }
    };
    let mut rows: Vec<Vec<String>> = startup::STEPS
        .iter()
        .map(|(label, from, to)| {
            let values = startup.durations(from, to);
            let ends = startup.values(to);
            vec![
                label.to_string(),
                ms(median(&values)),
                spread(&values),
                ms(median(&ends)),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    let (first_row_ms, cpu) = match startup.cpu {
        startup::Cpu::AsIs => (STARTUP_MS, "as it is".to_owned()),
        startup::Cpu::Throttled(rate) => (STARTUP_THROTTLED_MS, format!("throttled {rate}×")),
    };
    for (key, label, target) in [
        (
            startup::ON_SCREEN,
            "first row on screen (since navigation start)",
            first_row_ms,
        ),
        (
            startup::LONGEST_AFTER,
            "longest task after it, in the next second",
            LONGEST_TASK_MS,
        ),
    ] {
        let values = startup.values(key);
        let value = median(&values);
        rows.push(vec![
            label.to_owned(),
            ms(value),
            spread(&values),
            String::new(),
            format!("≤ {target:.0} ms"),
            Verdict::at_most(value, target).to_string(),
        ]);
    }
    let title = format!(
        "Start-up, CPU {cpu}: seed set opened from file:// in a fresh browser each run (median and range of {} runs)",
        startup.runs()
    );
    table(
        &title,
        &["step", "median", "range", "ends at", "target", ""],
        rows,
    );
}

/// The worker's round trip, run by run, and the medians.
pub fn print_worker(runs: &[worker::Run]) {
    let reading: Vec<f64> = runs.iter().map(|r| r.reading.iter().sum()).collect();
    let slowest: Vec<f64> = runs
        .iter()
        .map(|r| r.reading.iter().copied().fold(0.0, f64::max))
        .collect();
    let longest: Vec<f64> = runs.iter().map(|r| r.longest_task).collect();
    let comparing: Vec<f64> = runs.iter().map(|r| r.comparing).collect();
    let rows = vec![
        vec![
            "worker start to report received".to_owned(),
            ms(median(&comparing)),
            list(&comparing),
        ],
        vec![
            "progress messages".to_owned(),
            String::new(),
            runs.iter()
                .map(|r| r.progress.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ],
        vec![
            "report read: messages after the last progress".to_owned(),
            String::new(),
            runs.iter()
                .map(|r| r.reading.len().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ],
        vec![
            "report read: handler time, all of its messages".to_owned(),
            ms(median(&reading)),
            list(&reading),
        ],
        vec![
            "report read: the slowest one message's handler".to_owned(),
            ms(median(&slowest)),
            list(&slowest),
        ],
        vec![
            "longest main-thread task from the report's arrival on (0: none over 50 ms)".to_owned(),
            ms(median(&longest)),
            list(&longest),
        ],
        vec![
            "tasks over 200 ms from the worker's start on".to_owned(),
            String::new(),
            runs.iter()
                .map(|r| r.over_200.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ],
    ];
    let title = format!(
        "The worker: synthetic 100 × 1,000 in the real page (Help view), fresh browser each run (median of {})",
        runs.len()
    );
    table(&title, &["figure", "median", "runs"], rows);
}

/// The 5 MB paste's figures against issue #17's goal: no main-thread task over 200 ms.
/// The longest main-thread task from each kind of 5 MB file dropped on the page, run by run.
pub fn print_drops(kinds: &[Vec<super::paste::Run>]) {
    let rows = super::paste::DROPPED
        .iter()
        .zip(kinds)
        .flat_map(|(kind, runs)| {
            let longest: Vec<f64> = runs.iter().map(|r| r.longest_task).collect();
            let compared: Vec<f64> = runs.iter().map(|r| r.compared).collect();
            let over: Vec<String> = runs.iter().map(|r| r.over_200.to_string()).collect();
            [
                longest_task_row(
                    format!(
                        "5 MB .{kind}: longest main-thread task from the drop on (goal ≤ 200 ms)"
                    ),
                    &longest,
                ),
                vec![
                    "… tasks over 200 ms".to_owned(),
                    String::new(),
                    over.join(", "),
                    String::new(),
                ],
                vec![
                    "… drop to the article added and compared".to_owned(),
                    ms(median(&compared)),
                    list(&compared),
                    String::new(),
                ],
            ]
        })
        .collect();
    table(
        "5 MB files dropped on the page (median and each run)",
        &["figure", "median", "runs", ""],
        rows,
    );
}

pub fn print_paste(runs: &[super::paste::Run]) {
    let longest: Vec<f64> = runs.iter().map(|r| r.longest_task).collect();
    let compared: Vec<f64> = runs.iter().map(|r| r.compared).collect();
    let drawn: Vec<f64> = runs.iter().map(|r| r.drawn).collect();
    let peak: Vec<f64> = runs.iter().filter_map(|r| r.peak_mb).collect();
    let rows = vec![
        longest_task_row(
            "longest main-thread task from the paste on (goal ≤ 200 ms)".to_owned(),
            &longest,
        ),
        vec![
            "… it starts this long after the paste".to_owned(),
            String::new(),
            list(&runs.iter().map(|r| r.longest_at).collect::<Vec<_>>()),
            String::new(),
        ],
        vec![
            "tasks over 200 ms".to_owned(),
            String::new(),
            runs.iter()
                .map(|r| r.over_200.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            String::new(),
        ],
        vec![
            "paste to comparison shown".to_owned(),
            ms(median(&compared)),
            list(&compared),
            String::new(),
        ],
        vec![
            "paste to Overview drawn".to_owned(),
            ms(median(&drawn)),
            list(&drawn),
            String::new(),
        ],
        vec![
            "elements in the page after".to_owned(),
            String::new(),
            runs.iter()
                .map(|r| r.nodes.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            String::new(),
        ],
        vec![
            "renderer's peak memory (VmHWM, MB)".to_owned(),
            if peak.is_empty() {
                "n/a".to_owned()
            } else {
                format!("{:.0}", median(&peak))
            },
            list(&peak),
            String::new(),
        ],
    ];
    let title = format!(
        "A 5 MB paste into the real page (Articles view, then the Overview), fresh browser each run (median of {})",
        runs.len()
    );
    table(&title, &["figure", "median", "runs", "target"], rows);
}

fn print_collatex(inputs: &Inputs, figures: &Figures, options: &Options) {
    let outcomes = match &figures.collatex {
        Ok(outcomes) => outcomes,
        Err(error) => {
            println!("CollateX could not run here, so there is no N-way comparison: {error:#}\n");
            return;
        }
    };
    let cap = options.collatex_cap.as_secs();
    let mut rows = Vec::new();
    for (index, (step, outcome)) in inputs.steps.iter().zip(outcomes).enumerate() {
        let ours = figures.page["steps"][index]["median_ms"]
            .as_f64()
            .unwrap_or(f64::NAN);
        let (theirs, ratio) = match outcome {
            Some(Outcome::Finished(time)) => {
                let theirs = time.as_secs_f64() * 1e3;
                (ms(theirs), format!("{:.0}×", theirs / ours))
            }
            Some(Outcome::OverCap) => (format!("not finished in {cap} s"), String::new()),
            Some(Outcome::Failed(why)) => (format!("failed: {why}"), String::new()),
            None => (
                "not run (a smaller input did not finish)".to_owned(),
                String::new(),
            ),
        };
        rows.push(vec![
            step.name.clone(),
            step.sources.len().to_string(),
            thousands(step.words() as u64),
            ms(ours),
            theirs,
            ratio,
        ]);
    }
    table(
        &format!(
            "N-way alignment: CollateX 2.3 (Python, collate() alone) vs our compare() in wasm; cap {cap} s per CollateX run"
        ),
        &[
            "input",
            "articles",
            "words",
            "ours wasm",
            "CollateX",
            "CollateX / ours",
        ],
        rows,
    );
}

/// Prints a titled table with columns padded to their widest cell.
fn table(title: &str, header: &[&str], rows: Vec<Vec<String>>) {
    let mut all = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    all.extend(rows);
    let columns = header.len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            all.iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    println!("{title}");
    for (index, row) in all.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        println!("  {}", cells.join("  ").trim_end());
        if index == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            println!("  {}", rule.join("  "));
        }
    }
    println!();
}

/// Each run's value, rounded, in the order of the runs.
fn list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A "longest main-thread task" row against the 200 ms goal.
fn longest_task_row(label: String, longest: &[f64]) -> Vec<String> {
    vec![
        label,
        ms(median(longest)),
        list(longest),
        Verdict::at_most(median(longest), 200.0).to_string(),
    ]
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn ms(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.2} ms")
    } else if value < 100.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.0} ms")
    }
}

fn duration(value: Option<Duration>) -> String {
    value.map_or("?".to_owned(), |d| ms(d.as_secs_f64() * 1e3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(ms(4.256), "4.26 ms");
        assert_eq!(ms(1234.4), "1234 ms");
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    }

    #[test]
    fn a_target_is_met_at_its_limit() {
        assert!(Verdict::at_most(15.0, 15.0) == Verdict::Pass);
        assert!(Verdict::at_most(15.1, 15.0) == Verdict::Miss);
    }
}
