//! Times `compare` on the seed set and on 100 synthetic articles of about 1,000 words (release build).
//!
//! `cargo run --release -p crosscheck-engine --example timing`

use std::time::Instant;

use crosscheck_engine::{Config, Source, compare, seeds};

fn main() {
    let seeds = seeds::bundled();
    let runs = 50;
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(compare(&seeds, &Config::default()));
    }
    println!(
        "seed set: {:.2} ms per compare",
        start.elapsed().as_secs_f64() * 1000.0 / runs as f64
    );

    // 100 articles built from the seed sentences, shuffled differently, about 1,000 words each.
    let sentences: Vec<&str> = seeds
        .iter()
        .flat_map(|s| s.text.split_inclusive(". "))
        .collect();
    let articles: Vec<Source> = (0..100)
        .map(|i| {
            let mut text = String::new();
            let mut k = i * 7;
            while text.split_whitespace().count() < 1_000 {
                text.push_str(sentences[k % sentences.len()]);
                text.push('\n');
                k += 13 + i % 5;
            }
            Source {
                id: format!("a{i}"),
                text,
                ..Source::default()
            }
        })
        .collect();
    let start = Instant::now();
    let report = compare(&articles, &Config::default());
    println!(
        "100 articles × ~1,000 words: {:.0} ms, {} groups, {} notices",
        start.elapsed().as_secs_f64() * 1000.0,
        report.groups.len(),
        report.notices.len()
    );
}
