//! Loads ECB+ clusters and scores alignment against their labelled sentence pairs.
//!
//! Shared by `examples/ecbplus.rs` (the full measurement) and
//! `tests/ecbplus.rs` (a regression test on a small copied subset).

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;

use crosscheck_engine::{Config, GroupId, Report, Source, compare};

/// One labelled pair of sentences.
pub struct Pair {
    pub label: u8,
    pub shared_action: u32,
    pub shared_entity: u32,
    pub cluster: String,
    pub doc1: String,
    pub sent1: usize,
    pub doc2: String,
    pub sent2: usize,
    pub text1: String,
    pub text2: String,
}

impl Pair {
    /// The stricter positive: same event and at least one shared action and entity.
    pub fn is_strict_positive(&self) -> bool {
        self.label == 1 && self.shared_action >= 1 && self.shared_entity >= 1
    }
}

/// Counts for precision and recall.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub true_positive: usize,
    pub false_positive: usize,
    pub false_negative: usize,
    pub true_negative: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.true_positive += 1,
            (true, false) => self.false_positive += 1,
            (false, true) => self.false_negative += 1,
            (false, false) => self.true_negative += 1,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Results of one run for one tier: strict and plain labels.
#[derive(Clone, Copy, Debug, Default)]
pub struct TierScores {
    /// Strict positives (label 1, ≥1 shared action and entity) against label 0.
    pub strict: Counts,
    /// Label 1 against label 0.
    pub plain: Counts,
}

/// Results of one run.
#[derive(Debug, Default)]
pub struct Scores {
    /// A pair counts as linked when its sentences share a group.
    pub same: TierScores,
    /// A pair counts as linked when they share a group or are listed as possibly related.
    pub both: TierScores,
    pub clusters: usize,
    pub pairs: usize,
    /// Pairs whose sentence text could not be found in the cluster files.
    pub unlocated: usize,
}

/// Reads `sentence_pairs.tsv` (raw fields, no quote handling).
pub fn read_pairs(path: &Path) -> Vec<Pair> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 10 {
                return None;
            }
            Some(Pair {
                label: f[0].parse().ok()?,
                shared_action: f[1].parse().ok()?,
                shared_entity: f[2].parse().ok()?,
                cluster: f[3].to_owned(),
                doc1: f[4].to_owned(),
                sent1: f[5].parse().ok()?,
                doc2: f[6].to_owned(),
                sent2: f[7].parse().ok()?,
                text1: f[8].to_owned(),
                text2: f[9].to_owned(),
            })
        })
        .collect()
}

/// The articles of one cluster folder, sorted by file name; the id is the ECB+ document name.
pub fn read_cluster(dir: &Path) -> Vec<Source> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            let stem = name.strip_suffix(".txt")?;
            let id = stem.split("__").next().unwrap_or(stem).to_owned();
            let text = fs::read_to_string(&path).ok()?;
            Some(Source {
                id,
                file: Some(name),
                text,
                ..Source::default()
            })
        })
        .collect()
}

/// Runs `compare` on every cluster under `root/clusters` that has pairs and scores the pairs.
pub fn evaluate(root: &Path, config: &Config) -> Scores {
    let pairs = read_pairs(&root.join("sentence_pairs.tsv"));
    let mut by_cluster: BTreeMap<&str, Vec<&Pair>> = BTreeMap::new();
    for pair in &pairs {
        by_cluster
            .entry(pair.cluster.as_str())
            .or_default()
            .push(pair);
    }
    let mut scores = Scores::default();
    for (cluster, pairs) in by_cluster {
        let sources = read_cluster(&root.join("clusters").join(cluster));
        if sources.is_empty() {
            continue;
        }
        let report = compare(&sources, config);
        let links = Links::of(&report);
        scores.clusters += 1;
        for pair in pairs {
            let one = locate(&sources, &report, &pair.doc1, pair.sent1, &pair.text1);
            let two = locate(&sources, &report, &pair.doc2, pair.sent2, &pair.text2);
            let (Some(one), Some(two)) = (one, two) else {
                scores.unlocated += 1;
                continue;
            };
            scores.pairs += 1;
            for (tier, linked) in [
                (&mut scores.same, links.same(&one, &two)),
                (&mut scores.both, links.either(&one, &two)),
            ] {
                if pair.label == 0 || pair.is_strict_positive() {
                    tier.strict.add(linked, pair.label == 1);
                }
                tier.plain.add(linked, pair.label == 1);
            }
        }
    }
    scores
}

/// A report sentence: (source, sentence).
pub type At = (usize, usize);

/// Which report sentences are linked at each tier.
pub struct Links {
    group: HashMap<At, GroupId>,
    related: HashSet<(At, At)>,
}

impl Links {
    pub fn of(report: &Report) -> Links {
        let mut group = HashMap::new();
        for (source, s) in report.sources.iter().enumerate() {
            for (sentence, r) in s.sentences.iter().enumerate() {
                if let Some(g) = r.group {
                    group.insert((source, sentence), g);
                }
            }
        }
        let mut related = HashSet::new();
        for r in &report.related {
            let [a, b] = r.members;
            let (a, b) = (
                (a.source.index(), a.sentence.index()),
                (b.source.index(), b.sentence.index()),
            );
            related.insert((a, b));
            related.insert((b, a));
        }
        Links { group, related }
    }

    /// Whether some sentence of `one` shares a group with some sentence of `two`.
    pub fn same(&self, one: &[At], two: &[At]) -> bool {
        one.iter().any(|a| {
            two.iter().any(|b| {
                self.group
                    .get(a)
                    .is_some_and(|g| self.group.get(b) == Some(g))
            })
        })
    }

    /// [`Links::same`], or some pair of them is listed as possibly related.
    pub fn either(&self, one: &[At], two: &[At]) -> bool {
        self.same(one, two)
            || one
                .iter()
                .any(|&a| two.iter().any(|&b| self.related.contains(&(a, b))))
    }
}

/// The report sentences that overlap the line holding `text` in document `doc`.
pub fn locate(
    sources: &[Source],
    report: &Report,
    doc: &str,
    sent: usize,
    text: &str,
) -> Option<Vec<At>> {
    let index = sources.iter().position(|s| s.id == doc)?;
    let source = &sources[index];
    let lines = line_ranges(&source.text);
    let wanted = text.trim();
    let by_number = [sent, sent.wrapping_sub(1)].into_iter().find(|&i| {
        lines
            .get(i)
            .is_some_and(|r| source.text[r.clone()].trim() == wanted)
    });
    let line = by_number.or_else(|| {
        lines
            .iter()
            .position(|r| source.text[r.clone()].trim() == wanted)
    })?;
    Some(sentences_of_line(report, index, &lines[line]))
}

/// The report sentences of `source` that overlap the byte range `line`.
pub fn sentences_of_line(report: &Report, source: usize, line: &std::ops::Range<usize>) -> Vec<At> {
    report.sources[source]
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.start < line.end && s.end > line.start)
        .map(|(i, _)| (source, i))
        .collect()
}

pub fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..text.len());
    out
}

/// Copies `clusters` and their pairs from `root` into `target` (used once to build the test subset).
pub fn copy_subset(root: &Path, target: &Path, clusters: &[&str]) -> std::io::Result<()> {
    let wanted: HashSet<&str> = clusters.iter().copied().collect();
    let text = fs::read_to_string(root.join("sentence_pairs.tsv"))?;
    let mut lines = text.lines();
    let mut out: Vec<&str> = lines.next().into_iter().collect();
    out.extend(lines.filter(|l| l.split('\t').nth(3).is_some_and(|c| wanted.contains(c))));
    fs::create_dir_all(target.join("clusters"))?;
    fs::write(target.join("sentence_pairs.tsv"), out.join("\n") + "\n")?;
    for cluster in clusters {
        let from = root.join("clusters").join(cluster);
        let to = target.join("clusters").join(cluster);
        fs::create_dir_all(&to)?;
        for entry in fs::read_dir(&from)? {
            let path = entry?.path();
            if let Some(name) = path.file_name() {
                fs::copy(&path, to.join(name))?;
            }
        }
    }
    Ok(())
}

/// Per-key statistics, handy when tuning: how many pairs each cluster contributes.
pub fn pairs_per_cluster(pairs: &[Pair]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for pair in pairs {
        *out.entry(pair.cluster.clone()).or_insert(0) += 1;
    }
    out
}
