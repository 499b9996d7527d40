//! Where the comparison stands (the last one finished, the one running in the background) and its pure reducer.
//!
//! Runs are numbered by the effect that starts them; a reply from a run that
//! has since been replaced or cancelled carries an old number and is ignored.

use std::rc::Rc;

use crosscheck_engine::{Progress, Stage};
use yew::Reducible;

use crate::comparison::{Choice, Comparison};

/// The comparison state of the workspace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// The last comparison that finished, here or in the background, with what it compared.
    pub latest: Option<(Rc<Choice>, Rc<Comparison>)>,
    /// What runs in the background.
    pub run: Run,
}

/// The comparison the views show.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The comparison.
    pub comparison: Rc<Comparison>,
    /// Whether it answers the current choice (else it is the previous one on the same articles).
    pub current: bool,
}

/// The background run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Run {
    /// Nothing runs.
    #[default]
    Idle,
    /// A worker is comparing.
    Running {
        /// The run's number.
        id: u32,
        /// What it compares.
        size: Size,
        /// How far it has got.
        progress: Progress,
    },
    /// The reader cancelled the last run before it finished.
    Cancelled,
}

/// How much a run compares, for its label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Size {
    /// Articles in play.
    pub articles: usize,
    /// Their words.
    pub words: usize,
}

/// What happened to the comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum AnalysisAction {
    /// A worker started run `id`.
    Started {
        /// The run's number.
        id: u32,
        /// What it compares.
        size: Size,
    },
    /// Run `id` got this far.
    Progressed {
        /// The run's number.
        id: u32,
        /// Its progress.
        progress: Progress,
    },
    /// A comparison finished: background run `Some(id)`, or `None` when it ran here
    /// (which replaces whatever ran in the background).
    Finished {
        /// The run's number, for a background run.
        run: Option<u32>,
        /// What it compared.
        choice: Rc<Choice>,
        /// The result.
        comparison: Rc<Comparison>,
    },
    /// The reader cancelled run `id`.
    Cancelled {
        /// The run's number.
        id: u32,
    },
}

impl Reducible for Analysis {
    type Action = AnalysisAction;

    fn reduce(self: Rc<Self>, action: AnalysisAction) -> Rc<Self> {
        let current = match self.run {
            Run::Running { id, .. } => Some(id),
            Run::Idle | Run::Cancelled => None,
        };
        let run = match action {
            AnalysisAction::Started { id, size } => Run::Running {
                id,
                size,
                progress: Progress {
                    stage: Stage::Reading,
                    done: 0.0,
                },
            },
            AnalysisAction::Progressed { id, progress } => match self.run {
                Run::Running {
                    id: running,
                    size,
                    progress: before,
                } if running == id && progress.done >= before.done => {
                    Run::Running { id, size, progress }
                }
                _ => return self,
            },
            AnalysisAction::Finished {
                run,
                choice,
                comparison,
            } => {
                if run.is_some() && run != current {
                    return self;
                }
                return Rc::new(Analysis {
                    latest: Some((choice, comparison)),
                    run: Run::Idle,
                });
            }
            AnalysisAction::Cancelled { id } => match self.run {
                Run::Running { id: running, .. } if running == id => Run::Cancelled,
                _ => return self,
            },
        };
        Rc::new(Analysis {
            latest: self.latest.clone(),
            run,
        })
    }
}

impl Analysis {
    /// The comparison to show for `choice`: the latest one if it was made of
    /// the same articles (perhaps with other sources switched off), else none:
    /// a report on other articles would not match the source bar.
    pub fn shown(&self, choice: &Rc<Choice>) -> Option<Shown> {
        let (made_of, comparison) = self.latest.as_ref()?;
        let same = |a: &Rc<Choice>, b: &Rc<Choice>| Rc::ptr_eq(a, b) || a == b;
        let same_articles =
            Rc::ptr_eq(&made_of.sources, &choice.sources) || made_of.sources == choice.sources;
        same_articles.then(|| Shown {
            comparison: comparison.clone(),
            current: same(made_of, choice),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::comparison::ArticleIndex;
    use crosscheck_engine::Source;

    fn choice(texts: &[&str], excluded: &[usize]) -> Rc<Choice> {
        let sources = texts
            .iter()
            .map(|t| Source {
                text: (*t).into(),
                ..Source::default()
            })
            .collect();
        let excluded: BTreeSet<ArticleIndex> =
            excluded.iter().map(|&i| ArticleIndex::new(i)).collect();
        Rc::new(Choice::new(Rc::new(sources), &excluded, None))
    }

    fn finished(run: Option<u32>, choice: &Rc<Choice>) -> AnalysisAction {
        AnalysisAction::Finished {
            run,
            choice: choice.clone(),
            comparison: Rc::new(choice.run()),
        }
    }

    fn reduce(state: Analysis, actions: Vec<AnalysisAction>) -> Analysis {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    const SIZE: Size = Size {
        articles: 2,
        words: 4,
    };

    fn at(done: f32) -> Progress {
        Progress {
            stage: Stage::Aligning,
            done,
        }
    }

    #[test]
    fn a_run_reports_progress_then_its_result() {
        let set = choice(&["One two.", "Two three."], &[]);
        let state = reduce(
            Analysis::default(),
            vec![
                AnalysisAction::Started { id: 1, size: SIZE },
                AnalysisAction::Progressed {
                    id: 1,
                    progress: at(0.5),
                },
            ],
        );
        assert_eq!(
            state.run,
            Run::Running {
                id: 1,
                size: SIZE,
                progress: at(0.5)
            }
        );
        let state = reduce(state, vec![finished(Some(1), &set)]);
        assert_eq!(state.run, Run::Idle);
        assert!(state.shown(&set).is_some_and(|shown| shown.current));
    }

    #[test]
    fn replies_of_a_replaced_or_cancelled_run_are_ignored() {
        let set = choice(&["One two.", "Two three."], &[]);
        let state = reduce(
            Analysis::default(),
            vec![
                AnalysisAction::Started { id: 1, size: SIZE },
                AnalysisAction::Started { id: 2, size: SIZE },
                AnalysisAction::Progressed {
                    id: 1,
                    progress: at(0.9),
                },
                finished(Some(1), &set),
            ],
        );
        assert_eq!(state.latest, None);
        assert!(matches!(state.run, Run::Running { id: 2, progress, .. } if progress.done == 0.0));
        let state = reduce(
            state,
            vec![AnalysisAction::Cancelled { id: 2 }, finished(Some(2), &set)],
        );
        assert_eq!(state.run, Run::Cancelled);
        assert_eq!(state.latest, None);
    }

    #[test]
    fn a_comparison_made_here_replaces_a_background_run() {
        let set = choice(&["One two.", "Two three."], &[]);
        let state = reduce(
            Analysis::default(),
            vec![
                AnalysisAction::Started { id: 1, size: SIZE },
                finished(None, &set),
            ],
        );
        assert_eq!(state.run, Run::Idle);
        assert!(state.latest.is_some());
    }

    #[test]
    fn the_previous_comparison_is_shown_only_for_the_same_articles() {
        let texts = ["One two.", "Two three.", "Three four."];
        let state = reduce(
            Analysis::default(),
            vec![finished(None, &choice(&texts, &[]))],
        );
        let same = state.shown(&choice(&texts, &[])).unwrap();
        assert!(same.current, "equal choice, another Rc");
        let other = state.shown(&choice(&texts, &[2])).unwrap();
        assert!(
            !other.current,
            "the same articles, one switched off: the previous comparison"
        );
        assert!(state.shown(&choice(&["One two.", "Four."], &[])).is_none());
    }
}
