//! Fits the pair score's weights and the two tiers' thresholds on sentence pairs that people judged, and prints them for docs/alignment-quality.md.
//!
//! ```text
//! cargo run --release -p crosscheck-engine --example fit -- [../shared/data/news_he_dev]
//! ```
//!
//! The data: news_he dev (ABCD-Link), ten article pairs and 347 sentence
//! pairs two people judged "same information" (136) or not (211); most "no"
//! pairs are near misses on the same topic. Each article pair is weighed as
//! `compare` weighs it ([`Probe`]); a judged pair of lines takes the measures
//! (cosine, containment, evidence) of its best-matching sentence pair. The
//! judged pairs are near misses that retrieval systems proposed; a
//! comparison scores every pair with enough shared keys, most of them
//! plainly unrelated. So every sentence pair of the article pairs that nobody
//! judged and that shares enough keys enters the fit as "no" (a few of them
//! are in fact links: the judges' sample is not complete), and the figures
//! and thresholds are computed on the judged pairs alone.
//!
//! A logistic regression (Newton's method, a small ridge penalty) gives the
//! model's four weights, and leave-one-article-pair-out gives figures no
//! fitted weight has seen: each held-out pair is scored by weights and
//! thresholds fitted on the other nine. The *possibly related* threshold is
//! the one with the best F1; the *same information* threshold the lowest
//! whose precision reaches 0.97 (the target is 0.95; the margin is for data
//! we do not have). The table shows these held-out figures for a few
//! weighings (background weight, name and number weights), for information:
//! their differences are within the noise of 347 pairs, so the weighing is
//! not chosen by them. The shipped weighing's weights, fitted on all ten,
//! are printed as `--set` arguments for `cargo xtask quality`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck_engine::probe::Probe;
use crosscheck_engine::{Config, PairModel, Source, compare};

/// One pair's measures and label.
#[derive(Clone, Copy, Debug)]
struct Example {
    document: usize,
    label: bool,
    /// Whether people judged the pair; other pairs are taken as "no" for the fit only.
    judged: bool,
    /// The example's weight in the fit.
    weight: f64,
    /// cosine, containment, ln(1 + evidence); `None` when nothing is shared.
    x: Option<[f64; 3]>,
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../shared/data/news_he_dev"
            ))
        });
    if !dir.join("pairs.tsv").is_file() {
        eprintln!("no pairs.tsv in {}", dir.display());
        std::process::exit(2);
    }
    println!("Fitting the pair score on {}", dir.display());
    println!(
        "\n{:<44} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "setting", "LODO F1", "P", "R", "same P", "same R"
    );
    for background in [0.0f32, 10.0, 20.0, 40.0] {
        for (names, numbers) in [(1.0f32, 1.0f32), (1.3, 1.3), (1.6, 1.3)] {
            let mut config = Config::default();
            config.align.background_weight = background;
            config.align.name_weight = names;
            config.align.number_weight = numbers;
            let examples = examples(&dir, &config);
            let held_out = leave_one_out(&examples);
            let name = format!("background {background}, names {names}, numbers {numbers}");
            println!(
                "{name:<44} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
                held_out.related.2,
                held_out.related.0,
                held_out.related.1,
                held_out.same.0,
                held_out.same.1
            );
        }
    }
    let mut config = Config::default();
    let name = format!(
        "background {}, names {}, numbers {}",
        config.align.background_weight, config.align.name_weight, config.align.number_weight
    );
    let examples = examples(&dir, &config);
    let model = fit(&examples, None);
    let judged: Vec<&Example> = examples.iter().filter(|e| e.judged).collect();
    let probabilities: Vec<f64> = judged.iter().map(|e| predict(&model, e)).collect();
    let labels: Vec<bool> = judged.iter().map(|e| e.label).collect();
    let related = best_f1_threshold(&probabilities, &labels);
    let same = precise_threshold(&probabilities, &labels, 0.97);
    config.align.model = PairModel {
        bias: model[0] as f32,
        cosine: model[1] as f32,
        containment: model[2] as f32,
        evidence: model[3] as f32,
    };
    config.align.related_threshold = related as f32;
    config.align.same_threshold = same as f32;
    println!("\nThe shipped weighing ({name}), fitted on all ten article pairs:");
    println!(
        "  model: bias {:.3}, cosine {:.3}, containment {:.3}, ln(1 + evidence) {:.3}",
        model[0], model[1], model[2], model[3]
    );
    println!("  possibly related from p >= {related:.3} (best F1 on the judged pairs)");
    println!("  same information from p >= {same:.3} (precision >= 0.97 on the judged pairs)");
    let (p, r, f) = figures(&probabilities, &labels, related);
    println!("  in-sample, both tiers as one threshold: precision {p:.3} recall {r:.3} F1 {f:.3}");
    let others = examples.iter().filter(|e| !e.judged);
    let (count, above) = others.fold((0, 0), |(n, a), e| {
        (n + 1, a + usize::from(predict(&model, e) >= related))
    });
    println!(
        "  pairs nobody judged (taken as \"no\" in the fit): {count}, of which {above} reach the related threshold"
    );
    let a = &config.align;
    println!(
        "\nTry it in context: cargo xtask quality --set background_weight={} --set name_weight={} --set number_weight={} --set model.bias={:.3} --set model.cosine={:.3} --set model.containment={:.3} --set model.evidence={:.3} --set related_threshold={:.3} --set same_threshold={:.3}",
        a.background_weight,
        a.name_weight,
        a.number_weight,
        a.model.bias,
        a.model.cosine,
        a.model.containment,
        a.model.evidence,
        a.related_threshold,
        a.same_threshold
    );
}

/// The judged pairs with their measures under `config`.
fn examples(dir: &Path, config: &Config) -> Vec<Example> {
    let text = std::fs::read_to_string(dir.join("pairs.tsv")).unwrap_or_default();
    let mut by_doc: BTreeMap<String, Vec<(bool, usize, usize)>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 || !(f[0] == "0" || f[0] == "1") {
            continue;
        }
        let (Ok(a), Ok(b)) = (f[2].parse(), f[3].parse()) else {
            continue;
        };
        by_doc
            .entry(f[1].to_owned())
            .or_default()
            .push((f[0] == "1", a, b));
    }
    let mut out = Vec::new();
    for (document, (doc, pairs)) in by_doc.into_iter().enumerate() {
        let read =
            |name: &str| std::fs::read_to_string(dir.join(&doc).join(name)).unwrap_or_default();
        let sources: Vec<Source> = ["a.txt", "b.txt"]
            .iter()
            .map(|name| Source {
                text: read(name),
                ..Source::default()
            })
            .collect();
        let probe = Probe::new(&sources, config);
        // Sentences by line, as the report segments them.
        let report = compare(&sources, config);
        let lines: Vec<Vec<std::ops::Range<usize>>> = sources
            .iter()
            .map(|s| {
                let mut at = 0;
                s.text
                    .split('\n')
                    .map(|l| {
                        let r = at..at + l.len();
                        at = r.end + 1;
                        r
                    })
                    .collect()
            })
            .collect();
        let sentences = |source: usize, line: usize| -> Vec<usize> {
            let Some(range) = lines[source].get(line) else {
                return Vec::new();
            };
            report.sources[source]
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.start < range.end && s.end > range.start)
                .map(|(i, _)| i)
                .collect()
        };
        let mut judged_sentences = std::collections::HashSet::new();
        for &(_, a, b) in &pairs {
            for i in sentences(0, a) {
                for j in sentences(1, b) {
                    judged_sentences.insert((i, j));
                }
            }
        }
        // Every other pair the engine would score (enough shared keys): "no"
        // for the fit, so the model sees the easy pairs a comparison meets
        // and not only the near misses people were asked about.
        for i in 0..report.sources[0].sentences.len() {
            for j in 0..report.sources[1].sentences.len() {
                if judged_sentences.contains(&(i, j)) {
                    continue;
                }
                let Some(s) = probe.score((0, i), (1, j)) else {
                    continue;
                };
                if s.shared >= config.align.min_shared_keys.max(1) {
                    out.push(Example {
                        document,
                        label: false,
                        judged: false,
                        weight: 1.0,
                        x: Some(measures(&s)),
                    });
                }
            }
        }
        for (label, a, b) in pairs {
            let best = sentences(0, a)
                .into_iter()
                .flat_map(|i| sentences(1, b).into_iter().map(move |j| (i, j)))
                .filter_map(|(i, j)| probe.score((0, i), (1, j)))
                .filter(|s| s.shared > 0)
                .max_by(|x, y| x.cosine.total_cmp(&y.cosine));
            out.push(Example {
                document,
                label,
                judged: true,
                weight: 1.0,
                x: best.as_ref().map(measures),
            });
        }
    }
    out
}

fn measures(s: &crosscheck_engine::align::pair::PairScore) -> [f64; 3] {
    [
        f64::from(s.cosine),
        f64::from(s.containment),
        f64::from(s.evidence).ln_1p(),
    ]
}

/// Held-out figures: (precision, recall, F1) of the related tier and of the same tier.
struct HeldOut {
    related: (f64, f64, f64),
    same: (f64, f64, f64),
}

/// Scores each document with weights and thresholds fitted on the others.
fn leave_one_out(examples: &[Example]) -> HeldOut {
    let documents = examples
        .iter()
        .map(|e| e.document)
        .max()
        .map_or(0, |d| d + 1);
    let mut related = Vec::new();
    let mut same = Vec::new();
    for held in 0..documents {
        let model = fit(examples, Some(held));
        let train: Vec<&Example> = examples
            .iter()
            .filter(|e| e.document != held && e.judged)
            .collect();
        let p: Vec<f64> = train.iter().map(|e| predict(&model, e)).collect();
        let l: Vec<bool> = train.iter().map(|e| e.label).collect();
        let (t_related, t_same) = (best_f1_threshold(&p, &l), precise_threshold(&p, &l, 0.97));
        for e in examples.iter().filter(|e| e.document == held && e.judged) {
            let p = predict(&model, e);
            related.push((p >= t_related, e.label));
            same.push((p >= t_same, e.label));
        }
    }
    HeldOut {
        related: counts(&related),
        same: counts(&same),
    }
}

fn counts(decisions: &[(bool, bool)]) -> (f64, f64, f64) {
    let tp = decisions.iter().filter(|d| d.0 && d.1).count() as f64;
    let fp = decisions.iter().filter(|d| d.0 && !d.1).count() as f64;
    let fn_ = decisions.iter().filter(|d| !d.0 && d.1).count() as f64;
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn figures(p: &[f64], labels: &[bool], threshold: f64) -> (f64, f64, f64) {
    let d: Vec<(bool, bool)> = p
        .iter()
        .zip(labels)
        .map(|(&p, &l)| (p >= threshold, l))
        .collect();
    counts(&d)
}

/// The threshold with the best F1 (midway between two neighbouring probabilities).
fn best_f1_threshold(p: &[f64], labels: &[bool]) -> f64 {
    candidates(p)
        .into_iter()
        .map(|t| (figures(p, labels, t).2, t))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map_or(0.5, |x| x.1)
}

/// The lowest threshold whose precision reaches `precision` (and that keeps some pair).
fn precise_threshold(p: &[f64], labels: &[bool], precision: f64) -> f64 {
    candidates(p)
        .into_iter()
        .filter(|&t| {
            let (pr, r, _) = figures(p, labels, t);
            pr >= precision && r > 0.0
        })
        .fold(1.0, f64::min)
}

fn candidates(p: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = p.iter().copied().filter(|&x| x > 0.0).collect();
    sorted.sort_by(f64::total_cmp);
    sorted.dedup();
    sorted.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect()
}

fn predict(model: &[f64; 4], e: &Example) -> f64 {
    match e.x {
        None => 0.0,
        Some(x) => {
            let z = model[0] + model[1] * x[0] + model[2] * x[1] + model[3] * x[2];
            1.0 / (1.0 + (-z).exp())
        }
    }
}

/// Logistic regression by Newton's method with a small ridge penalty (not on
/// the bias), on the examples that share a key, leaving out document `skip`.
fn fit(examples: &[Example], skip: Option<usize>) -> [f64; 4] {
    let rows: Vec<([f64; 4], f64, f64)> = examples
        .iter()
        .filter(|e| Some(e.document) != skip)
        .filter_map(|e| {
            e.x.map(|x| {
                (
                    [1.0, x[0], x[1], x[2]],
                    f64::from(u8::from(e.label)),
                    e.weight,
                )
            })
        })
        .collect();
    let ridge = 0.01;
    let mut w = [0.0f64; 4];
    for _ in 0..50 {
        let mut gradient = [0.0f64; 4];
        let mut hessian = [[0.0f64; 4]; 4];
        for (x, y, weight) in &rows {
            let z: f64 = (0..4).map(|i| w[i] * x[i]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for i in 0..4 {
                gradient[i] += weight * (p - y) * x[i];
                for j in 0..4 {
                    hessian[i][j] += weight * p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 1..4 {
            gradient[i] += ridge * w[i];
            hessian[i][i] += ridge;
        }
        let step = solve(hessian, gradient);
        for i in 0..4 {
            w[i] -= step[i];
        }
        if step.iter().all(|s| s.abs() < 1e-9) {
            break;
        }
    }
    w
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: [[f64; 4]; 4], mut b: [f64; 4]) -> [f64; 4] {
    for col in 0..4 {
        let pivot = (col..4)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        if a[col][col].abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col];
        for row in col + 1..4 {
            let factor = a[row][col] / pivot_row[col];
            for (cell, above) in a[row].iter_mut().zip(pivot_row).skip(col) {
                *cell -= factor * above;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = [0.0f64; 4];
    for row in (0..4).rev() {
        let rest: f64 = (row + 1..4).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-12 {
            0.0
        } else {
            (b[row] - rest) / a[row][row]
        };
    }
    x
}
