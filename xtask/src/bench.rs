//! `cargo xtask bench`: measures the engine natively and as wasm in headless Chromium, beside jsdiff, diff-match-patch and CollateX, and prints the figures against the targets of issue #8.
//!
//! One run, same inputs everywhere: the bundled seed set, the ECB+ clusters
//! in `engine/tests/data/ecbplus/`, and 100 synthetic articles of 1,000 words
//! (`crosscheck_engine::synthetic`). In order:
//!
//! 1. `native`: the criterion benchmarks in `engine/benches/` (and the peak heap);
//! 2. `page`: crosscheck-bench built for wasm32 with jsdiff and diff-match-patch
//!    in one page, run in headless Chromium through ChromeDriver (`webdriver`);
//! 3. `startup`: the real `dist/crosscheck.html` opened from file://, timed to its first row
//!    (or a page built before, `--page FILE`, to compare two builds on the same day);
//! 4. the page's size as written and gzipped;
//! 5. `collatex`: CollateX on growing inputs, each run capped;
//! 6. `worker` (`--worker` only): the real page with 100 articles compared in
//!    its Web Worker, and how long the main thread takes to read the report back;
//! 7. `paste` (`--paste` only): 5 MB pasted into the real page, the longest
//!    main-thread task until the Overview is drawn and the renderer's peak memory.
//!
//! `report` prints the tables, PASS or MISS beside each target; a miss does
//! not fail the command. Benchmarks are never part of `cargo xtask test`.

mod collatex;
#[path = "../../engine/tests/support/ecbplus.rs"]
mod ecbplus;
mod native;
mod page;
mod paste;
mod report;
mod startup;
mod webdriver;
mod worker;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use crosscheck_engine::Source;
use crosscheck_engine::synthetic::{self, Spec};
use serde_json::{Value, json};

use crate::{browser, dist, project};

/// Options of `cargo xtask bench`.
pub struct Options {
    /// The longest one CollateX run may take before it is stopped.
    pub collatex_cap: Duration,
    /// Everything, or only the page's start-up and size.
    pub scope: Scope,
    /// The page whose start-up and size are measured.
    pub page: Page,
    /// How many times the page is opened (`--runs N`); each scope has its own default.
    pub runs: Option<usize>,
}

/// The page `cargo xtask bench` opens for the start-up figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `dist/crosscheck.html`, built first from the working tree.
    Built,
    /// A page built before (`--page FILE`), measured as it is: an older
    /// commit's copy, say, opened in turns with the new one on the same day.
    Given(PathBuf),
}

impl Page {
    /// The page's path, building it first if it is [`Page::Built`].
    fn path(&self) -> Result<PathBuf> {
        match self {
            Page::Built => dist::run(),
            Page::Given(path) if path.is_file() => Ok(path.clone()),
            Page::Given(path) => bail!("--page {}: no such file", path.display()),
        }
    }
}

/// What `cargo xtask bench` measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every benchmark.
    Everything,
    /// Only the real page's start-up and size (`--startup`), a quick loop while working on them.
    StartUp,
    /// Only the engine in the bench page: `compare`, memory and the word diffs
    /// beside jsdiff and diff-match-patch (`--wasm`); native columns show what
    /// criterion measured last, if anything.
    Wasm,
    /// Only the real page's worker round trip on 100 articles (`--worker`):
    /// the report read back on the main thread. Not part of a full run.
    Worker,
    /// Only a 5 MB paste into the real page (`--paste`): its longest
    /// main-thread task and the renderer's peak memory; then 5 MB files of
    /// text, Markdown and HTML dropped on it, each one's longest task. Not
    /// part of a full run.
    Paste,
}

impl Options {
    /// Reads `--collatex-cap SECONDS` (default 60), `--startup`, `--wasm`,
    /// `--worker`, `--paste`, `--page FILE` and `--runs N` (start-up runs, default 10 per CPU setting; worker or paste runs, default 5).
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            collatex_cap: Duration::from_secs(60),
            scope: Scope::Everything,
            page: Page::Built,
            runs: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--collatex-cap" => {
                    let seconds: u64 = args
                        .next()
                        .and_then(|s| s.parse().ok())
                        .context("--collatex-cap takes a number of seconds")?;
                    options.collatex_cap = Duration::from_secs(seconds);
                }
                "--startup" => options.scope = Scope::StartUp,
                "--page" => {
                    let path = args.next().context("--page takes the path of a page")?;
                    options.page = Page::Given(std::path::absolute(path)?);
                }
                "--runs" => {
                    options.runs = Some(
                        args.next()
                            .and_then(|s| s.parse().ok())
                            .filter(|&runs| runs > 0)
                            .context("--runs takes a number of runs, at least 1")?,
                    );
                }
                "--wasm" => options.scope = Scope::Wasm,
                "--worker" => options.scope = Scope::Worker,
                "--paste" => options.scope = Scope::Paste,
                other => bail!("unknown option `{other}` for `cargo xtask bench`"),
            }
        }
        Ok(options)
    }
}

/// A named set of articles.
pub struct Input {
    pub name: String,
    pub sources: Vec<Source>,
}

impl Input {
    pub fn words(&self) -> usize {
        self.sources.iter().map(Source::word_count).sum()
    }
}

/// Every input of the run.
pub struct Inputs {
    pub seeds: Vec<Source>,
    pub ecbplus: Vec<Input>,
    pub synthetic: Vec<Source>,
    /// The growing inputs CollateX and the engine both run on.
    pub steps: Vec<Input>,
}

/// The ECB+ cluster with the most words: the first CollateX step.
const COLLATEX_CLUSTER: &str = "ecbplus_t08_ecb";
/// Synthetic articles of 1,000 words per CollateX step after the cluster.
const STEP_ARTICLES: [usize; 6] = [2, 5, 10, 20, 50, 100];

impl Inputs {
    fn load() -> Inputs {
        let ecbplus = ecbplus_clusters();
        let mut steps: Vec<Input> = ecbplus
            .iter()
            .filter(|c| c.name == COLLATEX_CLUSTER)
            .map(|c| Input {
                name: format!("ECB+ {}", c.name),
                sources: c.sources.clone(),
            })
            .collect();
        steps.extend(STEP_ARTICLES.iter().map(|&articles| Input {
            name: format!("synthetic {articles} × 1,000"),
            sources: synthetic::articles(&Spec {
                articles,
                ..Spec::LARGE
            }),
        }));
        Inputs {
            seeds: crosscheck_engine::seeds::bundled(),
            ecbplus,
            synthetic: synthetic::articles(&Spec::LARGE),
            steps,
        }
    }

    /// The inputs as the bench page reads them.
    fn to_json(&self) -> Value {
        json!({
            "seeds": self.seeds,
            "ecbplus": self.ecbplus.iter().map(|c| &c.sources).collect::<Vec<_>>(),
            "synthetic": self.synthetic,
            "steps": self.steps.iter().map(|s| json!({ "name": s.name, "sources": s.sources })).collect::<Vec<_>>(),
        })
    }
}

fn ecbplus_clusters() -> Vec<Input> {
    let root = project::root().join("engine/tests/data/ecbplus/clusters");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.iter()
        .map(|dir| Input {
            name: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sources: ecbplus::read_cluster(dir),
        })
        .collect()
}

/// Everything measured in one run, for `report`.
pub struct Figures {
    pub native: native::Native,
    pub page: Value,
    pub startup: Vec<startup::Startup>,
    pub dist_bytes: u64,
    pub dist_gzip_bytes: u64,
    pub collatex: Result<Vec<Option<collatex::Outcome>>>,
}

/// Runs every measurement and prints the tables.
pub fn run(options: &Options) -> Result<()> {
    match options.scope {
        Scope::StartUp => return run_startup(options),
        Scope::Wasm => return run_wasm(),
        Scope::Worker => return run_worker(options),
        Scope::Paste => return run_paste(options),
        Scope::Everything => {}
    }
    let inputs = Inputs::load();
    let native = native::run()?;
    let bench_page = page::write(&inputs.to_json())?;
    let dist_page = options.page.path()?;
    let (dist_bytes, dist_gzip_bytes) = dist::sizes(&dist_page)?;
    let browser = browser::ensure()?;
    let driver = browser::Driver::start(&browser)?;
    println!("running {} in headless Chromium", bench_page.display());
    let page = run_page(&driver, &browser, &bench_page)?;
    let startup = measure_startup(&driver, &browser, &dist_page, options)?;
    drop(driver);
    let collatex = run_collatex(&inputs.steps, options.collatex_cap);
    let figures = Figures {
        native,
        page,
        startup,
        dist_bytes,
        dist_gzip_bytes,
        collatex,
    };
    report::print(&inputs, &figures, options);
    Ok(())
}

/// Only the bench page: the engine and the word diffs in wasm.
fn run_wasm() -> Result<()> {
    let inputs = Inputs::load();
    let bench_page = page::write(&inputs.to_json())?;
    let browser = browser::ensure()?;
    let driver = browser::Driver::start(&browser)?;
    println!("running {} in headless Chromium", bench_page.display());
    let page = run_page(&driver, &browser, &bench_page)?;
    drop(driver);
    report::print_wasm(&inputs, &native::Native::last(), &page);
    Ok(())
}

/// Only the real page: built (or given), opened from file://, and weighed.
fn run_startup(options: &Options) -> Result<()> {
    let dist_page = options.page.path()?;
    let (dist_bytes, dist_gzip_bytes) = dist::sizes(&dist_page)?;
    let browser = browser::ensure()?;
    let driver = browser::Driver::start(&browser)?;
    let startup = measure_startup(&driver, &browser, &dist_page, options)?;
    drop(driver);
    report::print_startup_and_size(&startup, dist_bytes, dist_gzip_bytes);
    Ok(())
}

/// Start-up runs (10 unless `--runs`) with the CPU as it is, then throttled 4×.
fn measure_startup(
    driver: &browser::Driver,
    browser: &browser::Browser,
    page: &Path,
    options: &Options,
) -> Result<Vec<startup::Startup>> {
    let runs = options.runs.unwrap_or(10);
    [startup::Cpu::AsIs, startup::Cpu::Throttled(4.0)]
        .into_iter()
        .map(|cpu| {
            println!(
                "opening {} from file:// ({runs} runs, CPU {cpu:?})",
                page.display()
            );
            startup::measure(driver, browser, page, runs, cpu)
        })
        .collect()
}

/// Only the worker's round trip in the real page: built (or given), with 100 articles as its set.
fn run_worker(options: &Options) -> Result<()> {
    let dist_page = options.page.path()?;
    let browser = browser::ensure()?;
    let driver = browser::Driver::start(&browser)?;
    let runs = options.runs.unwrap_or(5);
    println!(
        "opening {} with 100 × 1,000 words as its set ({runs} runs)",
        dist_page.display()
    );
    let figures = worker::measure(&driver, &browser, &dist_page, runs)?;
    drop(driver);
    report::print_worker(&figures);
    Ok(())
}

fn run_paste(options: &Options) -> Result<()> {
    let dist_page = options.page.path()?;
    let browser = browser::ensure()?;
    let driver = browser::Driver::start(&browser)?;
    let runs = options.runs.unwrap_or(5);
    println!(
        "pasting 5 MB into {} ({runs} runs, a fresh browser each)",
        dist_page.display()
    );
    let figures = paste::measure(&driver, &browser, &dist_page, runs)?;
    println!(
        "dropping 5 MB files ({}) on it ({runs} runs each, a fresh browser each)",
        paste::DROPPED.join(", ")
    );
    let drops = paste::measure_drops(&driver, &browser, &dist_page, runs)?;
    drop(driver);
    report::print_paste(&figures);
    report::print_drops(&drops);
    Ok(())
}

fn run_page(driver: &browser::Driver, browser: &browser::Browser, page: &Path) -> Result<Value> {
    let session = webdriver::Session::start(driver, browser)?;
    session.open(page)?;
    let result = session.run_async(
        "const done = arguments[arguments.length - 1];\
         runBench().then(done, (e) => done({ error: String(e && e.stack || e) }));",
    )?;
    if let Some(error) = result.get("error") {
        bail!("the bench page failed: {error}");
    }
    Ok(result)
}

/// CollateX on each step until one does not finish; `None` for steps not tried after that.
fn run_collatex(steps: &[Input], cap: Duration) -> Result<Vec<Option<collatex::Outcome>>> {
    let python = collatex::ensure().context("CollateX could not be installed")?;
    let mut outcomes = Vec::new();
    let mut stopped = false;
    for step in steps {
        if stopped {
            outcomes.push(None);
            continue;
        }
        println!("CollateX: {} (cap {} s)", step.name, cap.as_secs());
        let set = page::dir().join("collatex_set.json");
        std::fs::write(&set, serde_json::to_string(&step.sources)?)?;
        let outcome = collatex::run(&python, &set, cap)?;
        stopped = !matches!(outcome, collatex::Outcome::Finished(_));
        outcomes.push(Some(outcome));
    }
    Ok(outcomes)
}
