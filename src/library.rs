//! The articles the user works with, and the pure reducer that edits them.
//!
//! Starts from the saved session or the page's embedded set ("the samples").
//! Saving and loading happen in effects (`storage.rs`), never here.

use std::rc::Rc;

use crosscheck_engine::{Correction, Source};
use std::collections::BTreeSet;

use crate::comparison::{ArticleIndex, SetQuestion};
use crosscheck_import::session::{Article, Session, Settings};
use yew::Reducible;

/// The working set of articles, and the exercise questions set on them.
#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    /// The articles, in the order the user chose.
    pub articles: Rc<Vec<Article>>,
    /// Exercise questions; their sources are positions in `articles` and
    /// follow their articles when the set is reordered.
    pub questions: Rc<Vec<SetQuestion>>,
    /// The set the page carries, for "Restore the sample set".
    pub samples: Rc<Vec<Article>>,
    /// The questions the page carries with its set.
    pub sample_questions: Rc<Vec<SetQuestion>>,
    /// A person's corrections to the pairing, in the order made (sentences
    /// named by article id, so they follow their articles).
    pub corrections: Rc<Vec<Correction>>,
    /// The corrections the page carries with its set.
    pub sample_corrections: Rc<Vec<Correction>>,
    /// Earlier lists of corrections, the latest last (for Undo).
    pub undo: Rc<Vec<Rc<Vec<Correction>>>>,
    /// Lists undone, the latest last (for Redo).
    pub redo: Rc<Vec<Rc<Vec<Correction>>>>,
}

impl Library {
    /// A library holding `articles`, with `samples` to restore, and no questions.
    pub fn new(articles: Vec<Article>, samples: Rc<Vec<Article>>) -> Self {
        Library {
            articles: Rc::new(articles),
            questions: Rc::default(),
            samples,
            sample_questions: Rc::default(),
            corrections: Rc::default(),
            sample_corrections: Rc::default(),
            undo: Rc::default(),
            redo: Rc::default(),
        }
    }

    /// The same library with corrections: the current ones and the page's own.
    pub fn with_corrections(
        self,
        corrections: Vec<Correction>,
        samples: Rc<Vec<Correction>>,
    ) -> Self {
        Library {
            corrections: Rc::new(corrections),
            sample_corrections: samples,
            ..self
        }
    }

    /// The same library with exercise questions: the current ones and the page's own.
    pub fn with_questions(
        self,
        questions: Vec<SetQuestion>,
        samples: Rc<Vec<SetQuestion>>,
    ) -> Self {
        Library {
            questions: Rc::new(questions),
            sample_questions: samples,
            ..self
        }
    }

    /// The sources, for the engine.
    pub fn sources(&self) -> Vec<Source> {
        self.articles.iter().map(|a| a.source.clone()).collect()
    }
}

/// The saved choices as positions in `articles`: sources left out and the reference.
/// Choices that would leave fewer than two sources in play are dropped.
pub fn choices(
    articles: &[Article],
    settings: &Settings,
) -> (BTreeSet<ArticleIndex>, Option<ArticleIndex>) {
    let position = |id: &String| {
        let at = articles.iter().position(|a| &a.source.id == id)?;
        Some(ArticleIndex::new(at))
    };
    // Inserted one by one: collecting into a set would instantiate a sort.
    let mut excluded = BTreeSet::new();
    excluded.extend(settings.excluded.iter().filter_map(position));
    let excluded = if articles.len().saturating_sub(excluded.len()) >= 2 {
        excluded
    } else {
        BTreeSet::new()
    };
    let reference = settings
        .reference
        .as_ref()
        .and_then(position)
        .filter(|r| !excluded.contains(r));
    (excluded, reference)
}

/// The choices by article id, for saving (ids survive reordering).
pub fn settings(
    articles: &[Article],
    excluded: &BTreeSet<ArticleIndex>,
    reference: Option<ArticleIndex>,
) -> Settings {
    let id = |i: &ArticleIndex| articles.get(i.index()).map(|a| a.source.id.clone());
    Settings {
        excluded: excluded.iter().filter_map(id).collect(),
        reference: reference.as_ref().and_then(id),
    }
}

/// A field of an article the user can edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The headline.
    Title,
    /// The outlet's name.
    Outlet,
    /// The publication date.
    Date,
    /// Where the article was published (shown as a link, never fetched).
    Url,
}

/// What the user can do to the set.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryAction {
    /// Append articles (already checked for duplicates and limits).
    Add(Vec<Article>),
    /// Remove the article at this position.
    Remove(usize),
    /// Move an article from one position to another.
    Move {
        /// Its position now.
        from: usize,
        /// Its position after the move.
        to: usize,
    },
    /// Set a field of an article (empty text clears it).
    Edit(usize, Field, String),
    /// Replace the set with the samples.
    RestoreSamples,
    /// Replace the whole set (an imported session, or "start over"); questions
    /// about articles still there are kept.
    Replace(Vec<Article>),
    /// Set the exercise questions (sources as positions in the set).
    SetQuestions(Vec<SetQuestion>),
    /// Change the corrections to the pairing.
    Correct(CorrectionAction),
}

/// What a person does to the corrections; every change but Undo and Redo can be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum CorrectionAction {
    /// Make a correction.
    Add(Correction),
    /// Take the last change back.
    Undo,
    /// Make the last change taken back again.
    Redo,
    /// Drop the correction at this position.
    Drop(usize),
    /// Drop every correction.
    DropAll,
    /// Replace the list (a corrections file read in).
    Replace(Vec<Correction>),
}

impl LibraryAction {
    /// Whether positions of sources change (so choices that name positions must reset).
    pub fn reorders(&self) -> bool {
        !matches!(
            self,
            LibraryAction::Edit(..) | LibraryAction::SetQuestions(_) | LibraryAction::Correct(_)
        )
    }
}

impl Reducible for Library {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let action = match action {
            LibraryAction::Correct(change) => {
                return self.correct(change).map_or(self, Rc::new);
            }
            LibraryAction::RestoreSamples => {
                let samples = (*self.sample_corrections).clone();
                let library = self
                    .correct(CorrectionAction::Replace(samples))
                    .map_or(self, Rc::new);
                return library.reduce_articles(LibraryAction::RestoreSamples);
            }
            other => other,
        };
        self.reduce_articles(action)
    }
}

impl Library {
    /// The library after a change to its corrections (`None`: no change).
    fn correct(&self, change: CorrectionAction) -> Option<Library> {
        let mut undo = (*self.undo).clone();
        let mut redo = (*self.redo).clone();
        let now = self.corrections.clone();
        let corrections = match change {
            CorrectionAction::Undo => match undo.pop() {
                Some(before) => {
                    redo.push(now);
                    before
                }
                None => return None,
            },
            CorrectionAction::Redo => match redo.pop() {
                Some(after) => {
                    undo.push(now);
                    after
                }
                None => return None,
            },
            change => {
                let mut list = (*now).clone();
                match change {
                    CorrectionAction::Add(c) => list.push(c),
                    CorrectionAction::Drop(at) if at < list.len() => {
                        list.remove(at);
                    }
                    CorrectionAction::DropAll => list.clear(),
                    CorrectionAction::Replace(all) => list = all,
                    _ => return None,
                }
                if list == *now {
                    return None;
                }
                undo.push(now);
                redo.clear();
                Rc::new(list)
            }
        };
        Some(Library {
            corrections,
            undo: Rc::new(undo),
            redo: Rc::new(redo),
            ..self.clone()
        })
    }

    fn reduce_articles(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut articles = (*self.articles).clone();
        let mut questions: Option<Rc<Vec<SetQuestion>>> = None;
        match action {
            LibraryAction::Add(new) => articles.extend(new),
            LibraryAction::Remove(at) if at < articles.len() => {
                articles.remove(at);
            }
            LibraryAction::Move { from, to } if from < articles.len() && to < articles.len() => {
                let article = articles.remove(from);
                articles.insert(to, article);
            }
            LibraryAction::Edit(at, field, value) => match articles.get_mut(at) {
                Some(article) => edit(article, field, value),
                None => return self,
            },
            LibraryAction::RestoreSamples => {
                articles = (*self.samples).clone();
                questions = Some(self.sample_questions.clone());
            }
            LibraryAction::Replace(all) => articles = all,
            LibraryAction::SetQuestions(list) => questions = Some(Rc::new(list)),
            LibraryAction::Remove(_) | LibraryAction::Move { .. } | LibraryAction::Correct(_) => {
                return self;
            }
        }
        let questions = questions
            .unwrap_or_else(|| Rc::new(follow(&self.questions, &self.articles, &articles)));
        if articles == *self.articles && questions == self.questions {
            return self;
        }
        Rc::new(Library {
            articles: Rc::new(articles),
            questions,
            ..(*self).clone()
        })
    }
}

/// `questions` about `before`, re-pointed at the same articles in `after`
/// (by id); questions about articles that are gone are dropped.
fn follow(questions: &[SetQuestion], before: &[Article], after: &[Article]) -> Vec<SetQuestion> {
    if questions.is_empty() || before == after {
        return questions.to_vec();
    }
    let stored = Session::new(before.to_vec(), Settings::default()).with_questions(questions);
    Session {
        articles: after.to_vec(),
        ..stored
    }
    .questions()
}

fn edit(article: &mut Article, field: Field, value: String) {
    let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
    match field {
        Field::Title => article.source.title = value,
        Field::Outlet => article.source.outlet = value,
        Field::Date => article.source.date = value,
        Field::Url => article.url = value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_engine::classroom::Question;

    fn article(id: &str) -> Article {
        Article {
            source: Source {
                id: id.into(),
                text: format!("Text of {id}."),
                ..Source::default()
            },
            url: None,
        }
    }

    fn check(start: &[&str], actions: Vec<LibraryAction>, expect: &[&str]) -> Rc<Library> {
        let samples = Rc::new(vec![article("s1"), article("s2")]);
        let library = Rc::new(Library::new(
            start.iter().map(|id| article(id)).collect(),
            samples,
        ));
        let done = actions.into_iter().fold(library, |l, a| l.reduce(a));
        let ids: Vec<&str> = done.articles.iter().map(|a| a.source.id.as_str()).collect();
        assert_eq!(ids, expect);
        done
    }

    #[test]
    fn add_remove_and_move() {
        check(
            &["a", "b"],
            vec![LibraryAction::Add(vec![article("c")])],
            &["a", "b", "c"],
        );
        check(
            &["a", "b", "c"],
            vec![LibraryAction::Remove(1)],
            &["a", "c"],
        );
        check(
            &["a", "b", "c"],
            vec![LibraryAction::Move { from: 2, to: 0 }],
            &["c", "a", "b"],
        );
    }

    #[test]
    fn out_of_range_positions_change_nothing() {
        check(
            &["a"],
            vec![
                LibraryAction::Remove(4),
                LibraryAction::Move { from: 0, to: 3 },
            ],
            &["a"],
        );
    }

    #[test]
    fn editing_trims_and_empty_clears() {
        let done = check(
            &["a"],
            vec![
                LibraryAction::Edit(0, Field::Outlet, "  The Daily  ".into()),
                LibraryAction::Edit(0, Field::Title, "   ".into()),
                LibraryAction::Edit(0, Field::Url, "https://example.org/a".into()),
            ],
            &["a"],
        );
        assert_eq!(done.articles[0].source.outlet.as_deref(), Some("The Daily"));
        assert_eq!(done.articles[0].source.title, None);
        assert_eq!(
            done.articles[0].url.as_deref(),
            Some("https://example.org/a")
        );
    }

    #[test]
    fn restore_brings_back_the_samples() {
        check(&["a"], vec![LibraryAction::RestoreSamples], &["s1", "s2"]);
        check(&["a"], vec![LibraryAction::Replace(vec![])], &[]);
    }

    #[test]
    fn choices_round_trip_through_ids() {
        let articles: Vec<Article> = ["a", "b", "c"].iter().map(|id| article(id)).collect();
        let saved = settings(
            &articles,
            &BTreeSet::from([ArticleIndex::new(1)]),
            Some(ArticleIndex::new(2)),
        );
        assert_eq!(saved.excluded, ["b"]);
        assert_eq!(saved.reference.as_deref(), Some("c"));
        assert_eq!(
            choices(&articles, &saved),
            (
                BTreeSet::from([ArticleIndex::new(1)]),
                Some(ArticleIndex::new(2))
            )
        );
        let reordered = vec![article("c"), article("b"), article("a")];
        assert_eq!(
            choices(&reordered, &saved),
            (
                BTreeSet::from([ArticleIndex::new(1)]),
                Some(ArticleIndex::new(0))
            )
        );
    }

    #[test]
    fn saved_choices_never_leave_fewer_than_two_sources() {
        let articles: Vec<Article> = ["a", "b", "c"].iter().map(|id| article(id)).collect();
        let saved = Settings {
            excluded: vec!["a".into(), "b".into()],
            reference: Some("zz".into()),
        };
        assert_eq!(choices(&articles, &saved), (BTreeSet::new(), None));
    }

    #[test]
    fn only_edits_keep_positions() {
        assert!(!LibraryAction::Edit(0, Field::Date, String::new()).reorders());
        assert!(LibraryAction::Remove(0).reorders());
    }

    #[test]
    fn questions_follow_their_articles() {
        let library = Rc::new(
            Library::new(
                vec![article("a"), article("b"), article("c")],
                Rc::default(),
            )
            .with_questions(
                vec![
                    Question::LeftOut {
                        source: ArticleIndex::new(2),
                    },
                    Question::OnlyIn {
                        source: ArticleIndex::new(1),
                    },
                ],
                Rc::default(),
            ),
        );
        let moved = library.reduce(LibraryAction::Move { from: 2, to: 0 });
        assert_eq!(
            *moved.questions,
            vec![
                Question::LeftOut {
                    source: ArticleIndex::new(0),
                },
                Question::OnlyIn {
                    source: ArticleIndex::new(2),
                }
            ]
        );
        let removed = moved.reduce(LibraryAction::Remove(0));
        assert_eq!(
            *removed.questions,
            vec![Question::OnlyIn {
                source: ArticleIndex::new(1),
            }]
        );
    }

    fn confirm(source: &str) -> Correction {
        Correction::Confirm {
            sentence: crosscheck_engine::SentenceRef {
                source: source.into(),
                start: 0,
                end: 1,
                text: "T".into(),
            },
        }
    }

    /// The corrections' sources after `actions`.
    fn check_corrections(actions: Vec<CorrectionAction>, expect: &[&str]) -> Rc<Library> {
        let library = Rc::new(Library::new(vec![article("a")], Rc::default()));
        let done = actions
            .into_iter()
            .fold(library, |l, a| l.reduce(LibraryAction::Correct(a)));
        let seen: Vec<String> = done
            .corrections
            .iter()
            .map(|c| c.sentences()[0].source.clone())
            .collect();
        assert_eq!(seen, expect);
        done
    }

    #[test]
    fn corrections_undo_and_redo() {
        use CorrectionAction::*;
        check_corrections(vec![Add(confirm("a")), Add(confirm("b"))], &["a", "b"]);
        check_corrections(vec![Add(confirm("a")), Add(confirm("b")), Undo], &["a"]);
        check_corrections(
            vec![Add(confirm("a")), Add(confirm("b")), Undo, Undo, Redo],
            &["a"],
        );
        check_corrections(vec![Add(confirm("a")), DropAll, Undo], &["a"]);
        check_corrections(vec![Add(confirm("a")), Add(confirm("b")), Drop(0)], &["b"]);
        // A new correction after an undo clears what could be redone.
        let done = check_corrections(
            vec![Add(confirm("a")), Undo, Add(confirm("c")), Redo],
            &["c"],
        );
        assert!(done.redo.is_empty());
        check_corrections(vec![Undo, Redo, Drop(3)], &[]);
    }

    #[test]
    fn corrections_survive_edits_to_the_articles() {
        let library = Rc::new(Library::new(
            vec![article("a"), article("b")],
            Rc::default(),
        ))
        .reduce(LibraryAction::Correct(CorrectionAction::Add(confirm("b"))));
        let moved = library.reduce(LibraryAction::Move { from: 1, to: 0 });
        assert_eq!(moved.corrections.len(), 1);
    }
}
