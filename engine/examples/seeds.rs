//! Prints the bundled seed set's report as text (`--json` for JSON): a quick look while tuning.

use crosscheck_engine::{Config, compare, render, seeds};

fn main() {
    let report = compare(&seeds::bundled(), &Config::default());
    if std::env::args().any(|a| a == "--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", render::text(&report));
    }
}
