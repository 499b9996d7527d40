//! Scores alignment on the news_he article pairs (ABCD-Link), in context: both articles of a pair compared at once.
//!
//! The same measure as `shared/data/news_he_dev/score.py`, natively: a judged
//! line pair counts as linked at the *same information* tier when a sentence
//! of each line shares a group, and at both tiers when they share a group or
//! are listed together under the report's `related` pairs. The data is not
//! copied into the repository (it keeps its outlets' copyright); this reads
//! it from `shared/` when it is there.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crosscheck_engine::{Config, Report, Source, compare};

use super::ecbplus::{Counts, Links, line_ranges, sentences_of_line};

/// Figures for one run.
#[derive(Debug, Default)]
pub struct NewsScores {
    /// Judged pairs, linked when they share a group.
    pub same: Counts,
    /// Judged pairs, linked when they share a group or are possibly related.
    pub both: Counts,
    /// Hand-marked links found at either tier.
    pub gold_found: usize,
    /// Hand-marked links in all.
    pub gold_total: usize,
    /// Article pairs compared.
    pub documents: usize,
}

/// One judged pair of lines.
struct Judged {
    label: bool,
    doc: String,
    a: usize,
    b: usize,
}

/// Reads a tab-separated file with a header into rows of fields (no quote handling).
fn rows(path: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// Scores `config` on the news_he folder `dir` (`pairs.tsv`, `gold_links.tsv`, `news_he_*/{a,b}.txt`).
pub fn evaluate(dir: &Path, config: &Config) -> NewsScores {
    let judged: Vec<Judged> = rows(&dir.join("pairs.tsv"))
        .into_iter()
        .filter(|r| r.len() >= 4 && (r[0] == "0" || r[0] == "1"))
        .filter_map(|r| {
            Some(Judged {
                label: r[0] == "1",
                doc: r[1].clone(),
                a: r[2].parse().ok()?,
                b: r[3].parse().ok()?,
            })
        })
        .collect();
    let gold: Vec<(String, usize, usize)> = rows(&dir.join("gold_links.tsv"))
        .into_iter()
        .filter(|r| r.len() >= 3)
        .filter_map(|r| Some((r[0].clone(), r[1].parse().ok()?, r[2].parse().ok()?)))
        .collect();
    let docs: BTreeSet<&str> = judged
        .iter()
        .map(|j| j.doc.as_str())
        .chain(gold.iter().map(|g| g.0.as_str()))
        .collect();
    let mut linked: BTreeMap<&str, Linked> = BTreeMap::new();
    for doc in docs {
        if let Some(l) = Linked::of(&dir.join(doc), config) {
            linked.insert(doc, l);
        }
    }
    let mut scores = NewsScores {
        documents: linked.len(),
        gold_total: gold.len(),
        ..NewsScores::default()
    };
    for j in &judged {
        let Some(l) = linked.get(j.doc.as_str()) else {
            continue;
        };
        scores.same.add(l.same(j.a, j.b), j.label);
        scores.both.add(l.either(j.a, j.b), j.label);
    }
    scores.gold_found = gold
        .iter()
        .filter(|(doc, a, b)| linked.get(doc.as_str()).is_some_and(|l| l.either(*a, *b)))
        .count();
    scores
}

/// One article pair compared, with its lines.
pub struct Linked {
    pub report: Report,
    pub texts: [String; 2],
    links: Links,
    lines: [Vec<std::ops::Range<usize>>; 2],
}

impl Linked {
    /// Compares `folder/a.txt` with `folder/b.txt`.
    pub fn of(folder: &Path, config: &Config) -> Option<Linked> {
        let read = |name: &str| fs::read_to_string(folder.join(name)).ok();
        let texts = [read("a.txt")?, read("b.txt")?];
        let sources: Vec<Source> = ["a", "b"]
            .iter()
            .zip(&texts)
            .map(|(id, text)| Source {
                id: (*id).into(),
                text: text.clone(),
                ..Source::default()
            })
            .collect();
        let report = compare(&sources, config);
        let links = Links::of(&report);
        let lines = [line_ranges(&texts[0]), line_ranges(&texts[1])];
        Some(Linked {
            report,
            texts,
            links,
            lines,
        })
    }

    fn sentences(&self, source: usize, line: usize) -> Vec<(usize, usize)> {
        self.lines[source]
            .get(line)
            .map(|range| sentences_of_line(&self.report, source, range))
            .unwrap_or_default()
    }

    /// Whether line `a` of a.txt and line `b` of b.txt share a group.
    pub fn same(&self, a: usize, b: usize) -> bool {
        self.links
            .same(&self.sentences(0, a), &self.sentences(1, b))
    }

    /// Whether they share a group or are listed as possibly related.
    pub fn either(&self, a: usize, b: usize) -> bool {
        self.links
            .either(&self.sentences(0, a), &self.sentences(1, b))
    }
}
