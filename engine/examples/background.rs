//! Makes `engine/data/background.tsv`, the background word frequencies of the align stage, from the ECB+ corpus.
//!
//! ```text
//! cargo run --release -p crosscheck-engine --example background -- ../shared/data/ecbplus > engine/data/background.tsv
//! ```
//!
//! Every line of every cluster file is a sentence; its content keys (the
//! engine's own normalizer: stems, numbers as digits; function words and
//! negations left out) are counted once per sentence. A key is kept when it
//! occurs in sentences of at least [`MIN_TOPICS`] of the 43 topics, so a word
//! frequent in one story only is not taken for a common word, and in at least
//! [`MIN_SENTENCES`] sentences. See
//! `engine/src/align/background.rs` and docs/alignment-quality.md.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crosscheck_engine::Config;
use crosscheck_engine::normalize::{Normalizer, WordClass};

/// A key must occur in this many topics to be listed.
const MIN_TOPICS: usize = 5;

/// And in this many sentences: rarer words read as rare anyway (the table
/// stays small, since it ships inside the page).
const MIN_SENTENCES: usize = 200;

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/ecbplus"));
    let mut clusters: Vec<PathBuf> = std::fs::read_dir(root.join("clusters"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    clusters.sort();
    if clusters.is_empty() {
        eprintln!("no clusters under {}", root.display());
        std::process::exit(2);
    }
    let mut normalizer = Normalizer::new(&Config::default());
    let mut sentences = 0usize;
    let mut counts: HashMap<String, (usize, BTreeSet<String>)> = HashMap::new();
    for cluster in &clusters {
        let name = cluster
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let topic = name.split('_').nth(1).unwrap_or_default().to_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(cluster)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let mut at = 0;
            for line in text.split('\n') {
                let tokens = normalizer.tokens(&text, at..at + line.len());
                at += line.len() + 1;
                let keys: BTreeSet<String> = tokens
                    .iter()
                    .filter(|t| !matches!(t.class, WordClass::Function | WordClass::Negation))
                    .map(|t| normalizer.lexicon().key(t.key).to_owned())
                    .filter(|k| !k.contains(char::is_whitespace))
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                sentences += 1;
                for key in keys {
                    let entry = counts.entry(key).or_default();
                    entry.0 += 1;
                    entry.1.insert(topic.clone());
                }
            }
        }
    }
    let mut by_count: BTreeMap<std::cmp::Reverse<usize>, Vec<String>> = BTreeMap::new();
    for (key, (count, topics)) in counts {
        if topics.len() >= MIN_TOPICS && count >= MIN_SENTENCES {
            by_count
                .entry(std::cmp::Reverse(count))
                .or_default()
                .push(key);
        }
    }
    println!("# From ECB+ (Cybulska and Vossen 2014, CC BY 3.0) by engine/examples/background.rs");
    println!("# sentences\t{sentences}");
    for (count, mut keys) in by_count {
        keys.sort();
        println!("{}\t{}", count.0, keys.join(" "));
    }
}
