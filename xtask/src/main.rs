//! `cargo xtask`: the one build path of Crosscheck (dist, open, test, bench).
//!
//! Each subcommand installs what it needs (the wasm target, Chromium and
//! ChromeDriver) or stops with a message naming what to install.

mod axe;
mod bench;
mod browser;
mod dist;
mod imports;
mod minify;
#[cfg(test)]
mod module_graph;
mod npm;
mod project;
mod quality;
mod test;
mod tidy;
mod wasm;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command>

Commands:
  dist    Build dist/crosscheck.html: one self-contained file (wasm, JS, CSS, seed articles inlined)
  open    Build dist/crosscheck.html and open it in the default browser
  test    Run every check: fmt, clippy, native tests, the dist build and headless-Chromium tests
  e2e     Only the dist build and the headless-Chromium tests (a quicker loop while working on the UI)
  bench   Measure the engine natively and as wasm beside jsdiff, diff-match-patch and CollateX;
          print the figures against the performance targets [--collatex-cap SECONDS] [--startup: only the page's start-up and size] [--wasm: only the engine and word diffs in the bench page]
          [--worker: only the page's worker round trip on 100 articles and the report read back on the main thread]
          [--paste: only a 5 MB paste into the page: its longest main-thread task and the renderer's peak memory]
          [--page FILE: time and weigh this page instead of building dist/crosscheck.html] [--runs N: start-up, worker or paste runs, default 5]
  quality Measure sentence alignment on ECB+ and news_he (when ../shared is there): precision,
          recall and F1 per tier, with PASS/MISS against issue #13's targets [--shared DIR] [--set name=value]
  help    Show this message
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist::run().map(|_| ()),
        Some("open") => dist::run().and_then(|path| dist::open(&path)),
        Some("test") => test::run(),
        Some("e2e") => test::end_to_end(),
        Some("bench") => bench::Options::parse(&args[1..]).and_then(|o| bench::run(&o)),
        Some("quality") => quality::run(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
