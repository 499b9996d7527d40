//! The comparison the views render: the engine's report on the sources in play, plus its overview.
//!
//! Computed once per (articles, excluded sources, reference) and shared in an
//! `Rc`. Positions in the loaded set ("set index") stay stable while sources
//! are switched off; the report numbers only the sources in play ("report
//! index"), and this type maps between the two.

use std::collections::BTreeSet;
use std::rc::Rc;

use crosscheck_engine::classroom::Question;
use crosscheck_engine::overview::{Overview, overview};
use crosscheck_engine::{Config, ReferenceChoice, Report, Source, compare};

/// The engine's answer for the current choice of sources.
#[derive(Debug, PartialEq)]
pub struct Comparison {
    /// Every loaded source, in play or not.
    pub sources: Rc<Vec<Source>>,
    /// `included[report index]` = set index.
    pub included: Vec<usize>,
    /// The report on the included sources.
    pub report: Report,
    /// Figures derived from the report.
    pub overview: Overview,
}

impl Comparison {
    /// Compares the sources not in `excluded`.
    pub fn new(
        sources: Rc<Vec<Source>>,
        excluded: &BTreeSet<usize>,
        reference: Option<usize>,
    ) -> Self {
        let included: Vec<usize> = (0..sources.len())
            .filter(|i| !excluded.contains(i))
            .collect();
        let chosen: Vec<Source> = included.iter().map(|&i| sources[i].clone()).collect();
        let config = Config {
            reference: reference
                .and_then(|set| included.iter().position(|&i| i == set))
                .map_or(ReferenceChoice::Auto, ReferenceChoice::Source),
            ..Config::default()
        };
        let report = compare(&chosen, &config);
        let overview = overview(&report);
        Comparison {
            sources,
            included,
            report,
            overview,
        }
    }

    /// The set index of a report index.
    pub fn set_index(&self, report_index: usize) -> usize {
        self.included
            .get(report_index)
            .copied()
            .unwrap_or(report_index)
    }

    /// The report index of a set index, when that source is in play.
    pub fn report_index(&self, set_index: usize) -> Option<usize> {
        self.included.iter().position(|&i| i == set_index)
    }

    /// An exercise question as the report numbers sources (it is stored with
    /// set positions); `None` when it asks about a source switched off.
    pub fn question_in_report(&self, question: &Question) -> Option<Question> {
        remap(question, |set| self.report_index(set))
    }

    /// A question from the report (a suggested one) with set positions, for storing.
    pub fn question_in_set(&self, question: &Question) -> Option<Question> {
        remap(question, |report| self.included.get(report).copied())
    }

    /// The loaded source behind a report index.
    pub fn source(&self, report_index: usize) -> Option<&Source> {
        self.sources.get(self.set_index(report_index))
    }
}

/// `question` with its source mapped through `map`.
fn remap(question: &Question, map: impl Fn(usize) -> Option<usize>) -> Option<Question> {
    let mut question = question.clone();
    match &mut question {
        Question::OnlyIn { source } | Question::LeftOut { source } => *source = map(*source)?,
        Question::WhichSourcesReport { anchor } => anchor.source = map(anchor.source)?,
        Question::NumberDiffers
        | Question::DayDiffers
        | Question::QuoteWorded
        | Question::NameSpelled
        | Question::Custom { .. } => {}
    }
    Some(question)
}

/// Two sources compared on their own, for the pair view: each row is a pair of
/// sentences the engine aligns between just these two, diffed word by word.
#[derive(Debug, PartialEq)]
pub struct PairComparison {
    /// The two sources' set indices, left then right.
    pub sides: (usize, usize),
    /// The engine's report on the two; the left source is the reference.
    pub report: Report,
}

impl PairComparison {
    /// Compares set sources `left` and `right` (the left one is the reference).
    pub fn new(sources: &[Source], left: usize, right: usize) -> Self {
        let chosen: Vec<Source> = [left, right]
            .iter()
            .filter_map(|&i| sources.get(i).cloned())
            .collect();
        let config = Config {
            reference: ReferenceChoice::Source(0),
            ..Config::default()
        };
        PairComparison {
            sides: (left, right),
            report: compare(&chosen, &config),
        }
    }
}
