//! Measures how well sentences are aligned on news text nobody on this project wrote, and prints the targets with PASS/MISS.
//!
//! ```text
//! cargo xtask quality                    # the same, in a release build
//! cargo run --release -p crosscheck-engine --example quality -- [--shared ../shared] [--set same_threshold=0.6 ...]
//! ```
//!
//! * ECB+ copies in the repository (`engine/tests/data/ecbplus`, 6 clusters), always;
//! * when `shared/` is there: news_he dev (ten article pairs with 347 judged
//!   sentence pairs and 35 hand-marked links, both articles compared at once)
//!   and ECB+ in full (86 clusters, 21,201 labelled pairs).
//!
//! Each is scored per tier: *same information* (the two sentences share a
//! group) and both tiers (they share a group or are listed as possibly
//! related). `--set name=value` overrides a field of `AlignConfig` (a number,
//! or `model.cosine=…`) or of `Config` (`limits.max_candidates=…`), for trying
//! settings. See docs/alignment-quality.md.

#[path = "../tests/support/ecbplus.rs"]
mod ecbplus;
#[path = "../tests/support/news_he.rs"]
mod news_he;

use std::path::{Path, PathBuf};

use crosscheck_engine::{Config, Source, Status, compare};
use ecbplus::Counts;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared"));
    // The repository's folder name is not fixed: `cargo xtask quality` passes `--shared`.
    let mut config = Config::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--shared" => shared = args.next().map(PathBuf::from).unwrap_or(shared),
            "--set" => {
                let setting = args.next().unwrap_or_default();
                match set(&config, &setting) {
                    Ok(changed) => config = changed,
                    Err(e) => {
                        eprintln!("--set {setting}: {e}");
                        std::process::exit(2);
                    }
                }
            }
            other => {
                eprintln!("unknown argument {other:?} (use --shared DIR, --set name=value)");
                std::process::exit(2);
            }
        }
    }
    println!(
        "settings: {}",
        serde_json::to_string(&config.align).unwrap_or_default()
    );
    let mut targets: Vec<(String, bool)> = Vec::new();

    let copies = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ecbplus");
    let scores = ecbplus::evaluate(&copies, &config);
    println!(
        "\nECB+ copies in the repository ({} clusters, {} pairs), strict labels:",
        scores.clusters, scores.pairs
    );
    line("same information", &scores.same.strict);
    line("both tiers", &scores.both.strict);

    let news = shared.join("data/news_he_dev");
    if news.join("pairs.tsv").is_file() {
        let s = news_he::evaluate(&news, &config);
        println!(
            "\nnews_he dev ({} article pairs, each compared as a pair), judged pairs:",
            s.documents
        );
        line("same information", &s.same);
        line("both tiers", &s.both);
        let found = s.gold_found as f64 / s.gold_total.max(1) as f64;
        println!(
            "  hand-marked links found (both tiers): {} of {} ({:.3})",
            s.gold_found, s.gold_total, found
        );
        targets.push((
            format!("news_he both tiers F1 >= 0.80: {:.3}", s.both.f1()),
            s.both.f1() >= 0.80,
        ));
        targets.push((
            format!(
                "news_he hand-marked links found >= 60%: {:.1}%",
                100.0 * found
            ),
            found >= 0.60,
        ));
        targets.push((
            format!(
                "news_he same information precision >= 0.95: {:.3} (recall {:.3})",
                s.same.precision(),
                s.same.recall()
            ),
            s.same.precision() >= 0.95,
        ));
    } else {
        println!("\n(no {}: news_he skipped)", news.display());
    }

    let ecb = shared.join("data/ecbplus");
    if ecb.join("sentence_pairs.tsv").is_file() {
        let s = ecbplus::evaluate(&ecb, &config);
        println!(
            "\nECB+ in full ({} clusters, {} pairs, {} not located):",
            s.clusters, s.pairs, s.unlocated
        );
        line("strict, same information", &s.same.strict);
        line("strict, both tiers", &s.both.strict);
        line("plain, same information", &s.same.plain);
        line("plain, both tiers", &s.both.plain);
        let b = &s.both.strict;
        targets.push((
            format!(
                "ECB+ strict both tiers recall >= 0.45 at precision >= 0.90: recall {:.3}, precision {:.3}",
                b.recall(),
                b.precision()
            ),
            b.recall() >= 0.45 && b.precision() >= 0.90,
        ));
    } else {
        println!("\n(no {}: ECB+ in full skipped)", ecb.display());
    }

    statuses(&shared, &config);

    if !targets.is_empty() {
        println!("\nTargets (issue #13):");
        for (what, pass) in &targets {
            println!("  {} {what}", if *pass { "PASS" } else { "MISS" });
        }
    }
}

/// Issue #15: how many rows of each status news_he dev and ECB+ give, and
/// every *details conflict* row in full, for reading by hand
/// (docs/facts.md has the reading).
fn statuses(shared: &Path, config: &Config) {
    let mut sets: Vec<(String, Vec<Source>)> = Vec::new();
    let news = shared.join("data/news_he_dev");
    for folder in subfolders(&news) {
        if let Some(linked) = news_he::Linked::of(&folder, config) {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let sources = linked
                .texts
                .iter()
                .zip(["a", "b"])
                .map(|(text, id)| Source {
                    id: id.into(),
                    text: text.clone(),
                    ..Source::default()
                })
                .collect();
            sets.push((format!("news_he/{name}"), sources));
        }
    }
    let ecb = shared.join("data/ecbplus/clusters");
    for cluster in subfolders(&ecb) {
        let name = cluster
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        sets.push((format!("ecbplus/{name}"), ecbplus::read_cluster(&cluster)));
    }
    if sets.is_empty() {
        return;
    }
    let mut counts = [0usize; 4];
    let mut conflicts = Vec::new();
    for (name, sources) in &sets {
        let report = compare(sources, config);
        for group in &report.groups {
            counts[Status::ALL
                .iter()
                .position(|&s| s == group.status)
                .unwrap_or(0)] += 1;
            if group.status == Status::Conflict {
                let mut lines = vec![format!("{name}, group {}:", group.id)];
                for member in &group.members {
                    if let Some(s) = report.sentence(member.source, member.sentence) {
                        lines.push(format!(
                            "    [{}] {}",
                            member.source,
                            s.text.replace('\n', " ")
                        ));
                    }
                }
                conflicts.push(lines.join("\n"));
            }
        }
    }
    println!(
        "\nRow statuses (issue #15) on news_he dev and ECB+ ({} sets):",
        sets.len()
    );
    for (status, n) in Status::ALL.iter().zip(counts) {
        println!("  {:<18} {n}", status.words());
    }
    println!("  every details-conflict row, to read by hand:");
    for c in &conflicts {
        println!("  {c}");
    }
}

/// The folders in `dir`, sorted; none when it cannot be read.
fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|dir| {
            dir.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    folders
}

fn line(name: &str, c: &Counts) {
    println!(
        "  {name:<26} precision {:.3}  recall {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.true_positive,
        c.false_positive,
        c.false_negative
    );
}

/// `config` with the field named in `name=value` set: a field of
/// `AlignConfig` (`same_threshold`, `model.cosine`), or of `Config` itself
/// (`limits.max_candidates`); dots reach into nested fields.
fn set(config: &Config, setting: &str) -> Result<Config, String> {
    let (name, value) = setting.split_once('=').ok_or("expected name=value")?;
    let mut json = serde_json::to_value(config).map_err(|e| e.to_string())?;
    let find = |root: &mut serde_json::Value, path: &str| -> bool {
        let mut at = root;
        for part in path.split('.') {
            match at.get_mut(part) {
                Some(next) => at = next,
                None => return false,
            }
        }
        *at =
            serde_json::from_str(value).unwrap_or_else(|_| serde_json::Value::String(value.into()));
        true
    };
    if !find(&mut json, &format!("align.{name}")) && !find(&mut json, name) {
        return Err(format!("no setting {name:?}"));
    }
    serde_json::from_value(json).map_err(|e| e.to_string())
}
