//! Benchmark entry points: the engine exported to JavaScript so `cargo xtask bench` can time it as wasm in a browser.
//!
//! The bench page (written by `xtask/src/bench.rs`) loads a set of articles
//! once with [`SourceSet::from_json`], then times [`SourceSet::compare`] with
//! `performance.now()`: parsing and serializing stay outside the timed call.
//! [`SourceSet::pairs`] hands the page every aligned sentence pair (each
//! group member with its group's reference), which it word-diffs with
//! [`Differ::diff`], jsdiff and diff-match-patch in turn.
//!
//! Nothing here is used by the app; the crate is built only for the benchmark.

use crosscheck_engine::diff::WordDiffer;
use crosscheck_engine::{Config, Report, Source, compare};
use wasm_bindgen::prelude::*;

/// A set of articles and, once compared, its report.
#[wasm_bindgen]
pub struct SourceSet {
    sources: Vec<Source>,
    report: Option<Report>,
}

#[wasm_bindgen]
impl SourceSet {
    /// Reads a JSON array of sources (the engine's `Source`: `id`, `text`, optional metadata).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(json: &str) -> Result<SourceSet, String> {
        let sources: Vec<Source> = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(SourceSet {
            sources,
            report: None,
        })
    }

    /// Compares the set with the default configuration, keeps the report and
    /// returns its number of groups (so the work cannot be optimised away).
    pub fn compare(&mut self) -> usize {
        let report = compare(&self.sources, &Config::default());
        let groups = report.groups.len();
        self.report = Some(report);
        groups
    }

    /// Number of words in the set.
    pub fn words(&self) -> usize {
        self.sources.iter().map(Source::word_count).sum()
    }

    /// Word-diffs every aligned pair of the last report inside wasm, with one
    /// differ; returns the number of marks. Timed beside the per-pair calls
    /// from JavaScript, it shows what crossing the boundary costs.
    #[wasm_bindgen(js_name = diffPairs)]
    pub fn diff_pairs(&self) -> usize {
        let Some(report) = &self.report else {
            return 0;
        };
        let mut differ = WordDiffer::new(&Config::default());
        aligned_pairs(report)
            .into_iter()
            .map(|(reference, member)| differ.diff(reference, member).marks.len())
            .sum()
    }

    /// Every aligned pair of the last report as a JSON array of
    /// `[reference sentence, member sentence]`; empty before [`SourceSet::compare`].
    pub fn pairs(&self) -> String {
        let pairs = self.report.as_ref().map(aligned_pairs).unwrap_or_default();
        serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_owned())
    }
}

/// Each group member other than the reference, with the group's reference sentence.
pub fn aligned_pairs(report: &Report) -> Vec<(&str, &str)> {
    let text = |source, sentence| {
        report
            .sentence(source, sentence)
            .map_or("", |s| s.text.as_str())
    };
    let mut pairs = Vec::new();
    for group in &report.groups {
        let Some(reference) = group.members.get(group.reference) else {
            continue;
        };
        let reference_text = text(reference.source, reference.sentence);
        for (index, member) in group.members.iter().enumerate() {
            if index != group.reference {
                pairs.push((reference_text, text(member.source, member.sentence)));
            }
        }
    }
    pairs
}

/// The engine's word diff of two plain sentences, one differ for many pairs.
#[wasm_bindgen]
pub struct Differ {
    inner: WordDiffer,
}

impl Default for Differ {
    fn default() -> Self {
        Differ::new()
    }
}

#[wasm_bindgen]
impl Differ {
    /// A differ with the default configuration.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Differ {
        Differ {
            inner: WordDiffer::new(&Config::default()),
        }
    }

    /// Diffs `member` against `reference`; returns the number of marks.
    pub fn diff(&mut self, reference: &str, member: &str) -> usize {
        self.inner.diff(reference, member).marks.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_set_gives_one_pair_per_non_reference_member() {
        let json = serde_json::to_string(&crosscheck_engine::seeds::bundled()).unwrap();
        let mut set = SourceSet::from_json(&json).unwrap();
        assert_eq!(set.pairs(), "[]");
        let groups = set.compare();
        let report = set.report.as_ref().unwrap();
        assert_eq!(groups, report.groups.len());
        let expected: usize = report.groups.iter().map(|g| g.members.len() - 1).sum();
        let pairs: Vec<(String, String)> = serde_json::from_str(&set.pairs()).unwrap();
        assert_eq!(pairs.len(), expected);
        assert!(pairs.iter().all(|(a, b)| !a.is_empty() && !b.is_empty()));
        let mut differ = Differ::new();
        let marks: usize = pairs.iter().map(|(a, b)| differ.diff(a, b)).sum();
        assert_eq!(set.diff_pairs(), marks);
    }

    #[test]
    fn differ_counts_marks() {
        let mut differ = Differ::new();
        // "Trump spoke on " shared, "Tuesday" differs, "." shared.
        assert_eq!(
            differ.diff("Trump spoke on Wednesday.", "Trump spoke on Tuesday."),
            3
        );
    }

    #[test]
    fn bad_json_is_an_error() {
        assert!(SourceSet::from_json("{").is_err());
    }
}
