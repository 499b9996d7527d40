//! The comparison the views render: the engine's report on the sources in play (its overview included), mapped to the loaded set.
//!
//! A [`Choice`] says what to compare (the sources in play and the engine's
//! options); it runs here ([`Choice::run`]) or its [`Choice::request`] goes to a
//! Web Worker, whose report comes back to [`Choice::finish`] (see
//! `app/analysis`). Either way the result is one [`Comparison`] per (articles,
//! excluded sources, reference), shared in an `Rc`. Positions in the loaded set
//! ([`ArticleIndex`], "set index") stay stable while sources are switched off;
//! the report numbers only the sources in play ([`SourceId`], "report index"),
//! and this type maps between the two. The two are different types, so a view
//! cannot use one for the other.

use std::collections::BTreeSet;
use std::rc::Rc;

use crosscheck_engine::classroom::Question;
use crosscheck_engine::{Config, Correction, ReferenceChoice, Report, Source, SourceId, compare};
pub use crosscheck_import::session::ArticleIndex;

/// An exercise question as the app stores it: sources numbered by their
/// place in the loaded set ([`Comparison::question_in_report`] maps it to the
/// report's numbering).
pub type SetQuestion = Question<ArticleIndex>;

/// What to compare: the loaded sources, those in play and the engine's options.
#[derive(Debug, PartialEq)]
pub struct Choice {
    /// Every loaded source, in play or not.
    pub sources: Rc<Vec<Source>>,
    /// `included[report index]` = set index.
    pub included: Vec<ArticleIndex>,
    /// The engine's options (the reference source as a report index).
    pub config: Config,
}

/// What a worker needs to compare: the sources in play, the reference and a person's corrections.
///
/// The options are the defaults but for these, so only they cross
/// (the wasm then needs no reader for [`Config`]).
#[derive(Debug, PartialEq)]
pub struct Request {
    /// The sources in play, in report order.
    pub sources: Vec<Source>,
    /// The reference source, or `None` to let the engine choose.
    pub reference: Option<SourceId>,
    /// A person's corrections to the pairing.
    pub corrections: Vec<Correction>,
}

impl Request {
    /// The engine's options for this request.
    pub fn config(&self) -> Config {
        Config {
            corrections: self.corrections.clone(),
            ..options(self.reference)
        }
    }
}

/// The app's engine options: the defaults, with the reference (a report index) if any.
fn options(reference: Option<SourceId>) -> Config {
    Config {
        reference: reference.map_or(ReferenceChoice::Auto, ReferenceChoice::Source),
        ..Config::default()
    }
}

impl Choice {
    /// The sources not in `excluded`, with `reference` (a set index) as the reference.
    pub fn new(
        sources: Rc<Vec<Source>>,
        excluded: &BTreeSet<ArticleIndex>,
        reference: Option<ArticleIndex>,
    ) -> Self {
        let included: Vec<ArticleIndex> = ArticleIndex::all(sources.len())
            .filter(|i| !excluded.contains(i))
            .collect();
        let config = options(reference.and_then(|set| {
            let position = included.iter().position(|&i| i == set)?;
            Some(SourceId::new(position))
        }));
        Choice {
            sources,
            included,
            config,
        }
    }

    /// The same choice with a person's corrections to the pairing.
    pub fn with_corrections(mut self, corrections: &[Correction]) -> Self {
        self.config.corrections = corrections.to_vec();
        self
    }

    /// About how many words the sources in play have (runs of non-space):
    /// what the engine's work grows with, counted fast.
    pub fn words(&self) -> usize {
        self.included
            .iter()
            .filter_map(|&i| self.sources.get(i.index()))
            .map(|s| count_words(&s.text))
            .sum()
    }

    /// The sources in play, in report order.
    fn chosen(&self) -> Vec<Source> {
        self.included
            .iter()
            .filter_map(|&i| self.sources.get(i.index()).cloned())
            .collect()
    }

    /// The request a worker answers with this choice's report.
    pub fn request(&self) -> Request {
        Request {
            sources: self.chosen(),
            reference: match self.config.reference {
                ReferenceChoice::Source(index) => Some(index),
                ReferenceChoice::Auto => None,
            },
            corrections: self.config.corrections.clone(),
        }
    }

    /// Compares here, on the calling thread.
    pub fn run(&self) -> Comparison {
        crate::marks::note(crate::marks::Mark::Comparing);
        let report = compare(&self.chosen(), &self.config);
        crate::marks::note(crate::marks::Mark::Compared);
        self.finish(report)
    }

    /// The comparison made of this choice's report (from [`Choice::run`] or a worker).
    pub fn finish(&self, report: Report) -> Comparison {
        Comparison {
            sources: self.sources.clone(),
            included: self.included.clone(),
            report,
        }
    }
}

/// The engine's answer for the current choice of sources.
#[derive(Debug)]
pub struct Comparison {
    /// Every loaded source, in play or not.
    pub sources: Rc<Vec<Source>>,
    /// `included[report index]` = set index.
    pub included: Vec<ArticleIndex>,
    /// The report on the included sources, with its overview.
    pub report: Report,
}

/// A comparison equals only itself: views compare their props on every
/// render, a report of a large set is megabytes, and every comparison is made
/// once (a `use_memo` keeps it while its inputs stay), so comparing the
/// values would cost time and code (the report's equality is about 10 KB of
/// wasm) to find what the pointer already says.
impl PartialEq for Comparison {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Comparison {
    /// Compares the sources not in `excluded`, here and now.
    pub fn new(
        sources: Rc<Vec<Source>>,
        excluded: &BTreeSet<ArticleIndex>,
        reference: Option<ArticleIndex>,
    ) -> Self {
        Choice::new(sources, excluded, reference).run()
    }

    /// The loaded article behind a report source (one past the loaded
    /// articles for a source the report does not have).
    pub fn set_index(&self, source: SourceId) -> ArticleIndex {
        self.included
            .get(source.index())
            .copied()
            .unwrap_or(ArticleIndex::new(self.sources.len()))
    }

    /// The report source of a loaded article, when that article is in play.
    pub fn report_index(&self, article: ArticleIndex) -> Option<SourceId> {
        let position = self.included.iter().position(|&i| i == article)?;
        Some(SourceId::new(position))
    }

    /// An exercise question as the report numbers sources (it is stored with
    /// set positions); `None` when it asks about a source switched off.
    pub fn question_in_report(&self, question: &Question<ArticleIndex>) -> Option<Question> {
        question.clone().map_sources(|set| self.report_index(set))
    }

    /// A question from the report (a suggested one) with set positions, for storing.
    pub fn question_in_set(&self, question: &Question) -> Option<Question<ArticleIndex>> {
        question
            .clone()
            .map_sources(|source| self.included.get(source.index()).copied())
    }

    /// The loaded source behind a report source.
    pub fn source(&self, source: SourceId) -> Option<&Source> {
        self.sources.get(self.set_index(source).index())
    }
}

/// Two sources compared on their own, for the pair view: each row is a pair of
/// sentences the engine aligns between just these two, diffed word by word.
/// Like [`Comparison`], it equals only itself.
#[derive(Debug)]
pub struct PairComparison {
    /// The two sources' set indices, left then right.
    pub sides: (ArticleIndex, ArticleIndex),
    /// The engine's report on the two; the left source is the reference.
    pub report: Report,
}

impl PartialEq for PairComparison {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl PairComparison {
    /// Compares set sources `left` and `right` (the left one is the
    /// reference), with the corrections that name these two.
    pub fn new(
        sources: &[Source],
        left: ArticleIndex,
        right: ArticleIndex,
        corrections: &[Correction],
    ) -> Self {
        let chosen: Vec<Source> = [left, right]
            .iter()
            .filter_map(|&i| sources.get(i.index()).cloned())
            .collect();
        let config = Config {
            reference: ReferenceChoice::Source(SourceId::new(0)),
            corrections: corrections.to_vec(),
            ..Config::default()
        };
        PairComparison {
            sides: (left, right),
            report: compare(&chosen, &config),
        }
    }
}

/// Runs of bytes that are not ASCII white space: words, counted over bytes
/// rather than characters (a 5 MB article in a few milliseconds; a word
/// joined to the next by a no-break space counts as one).
fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        let space = byte.is_ascii_whitespace();
        count += usize::from(!space && !in_word);
        in_word = !space;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_in_the_sources_in_play() {
        let source = |text: &str| Source {
            text: text.into(),
            ..Source::default()
        };
        let sources = Rc::new(vec![source("one two  three\n"), source(" four five ")]);
        let mut excluded = BTreeSet::new();
        let all = Choice::new(sources.clone(), &excluded, None);
        assert_eq!(all.words(), 5);
        excluded.insert(ArticleIndex::new(0));
        let second = Choice::new(sources, &excluded, None);
        assert_eq!(second.words(), 2);
    }
}
