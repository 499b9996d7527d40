//! UI state and its reducer: the open view, grid filter, search, order, sources in play, reading and pair choices.
//!
//! Pure: no I/O and no comparison. Sources here are [`ArticleIndex`]es,
//! positions in the loaded set (stable while sources are switched on and
//! off); the report's own [`crosscheck_engine::SourceId`]s are mapped
//! through [`crate::comparison::Comparison`]. Groups are the current
//! report's [`GroupId`]s.

use std::collections::BTreeSet;
use std::rc::Rc;

use crosscheck_engine::{GroupId, SentenceRef};
use yew::Reducible;

use crate::comparison::ArticleIndex;

/// The views of the page, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Coverage and similarity matrices, figures per source.
    Overview,
    /// The aligned grid: one row per group, one column per source.
    Grid,
    /// One article in full, shaded by how many others report each sentence.
    Reading,
    /// Two sources side by side.
    Pair,
    /// Numbers, days, quotes and names compared across the sources.
    Facts,
    /// A teacher's questions, answered on the articles without highlights.
    Exercise,
    /// For teachers: the one-page copy, worksheet, exercise and downloads.
    Class,
    /// The articles: add, edit, reorder, remove; save and load sessions.
    Articles,
    /// What the words mean and how the tool decides.
    Help,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Grid,
        View::Reading,
        View::Pair,
        View::Facts,
        View::Exercise,
        View::Class,
        View::Articles,
        View::Help,
    ];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Grid => "Aligned sentences",
            View::Reading => "Read one article",
            View::Pair => "Compare two",
            View::Facts => "Facts",
            View::Exercise => "Exercise",
            View::Class => "For the class",
            View::Articles => "Articles",
            View::Help => "Help",
        }
    }

    /// A stable id fragment for the tab and its panel.
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Grid => "grid",
            View::Reading => "reading",
            View::Pair => "pair",
            View::Facts => "facts",
            View::Exercise => "exercise",
            View::Class => "class",
            View::Articles => "articles",
            View::Help => "help",
        }
    }
}

/// Whether the page compares or runs an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Every view is open.
    Compare,
    /// A student answers the exercise of a page saved for a class: only the
    /// exercise and help are open, so no highlight gives an answer away
    /// until the answers are revealed.
    Exercise,
    /// A teacher tries the exercise as a student would, with a way back.
    Trying,
    /// A student who has revealed the answers: the comparison's views and the
    /// exercise, but not the teacher's (For the class, Articles), so the
    /// questions and the set cannot be changed.
    Review,
}

impl Mode {
    /// The views this mode shows as tabs; the exercise only when there are questions.
    pub fn views(self, questions: usize) -> Vec<View> {
        View::ALL
            .into_iter()
            .filter(|&v| self.shows(v) && (v != View::Exercise || questions > 0))
            .collect()
    }

    /// Whether this mode shows `view`.
    pub fn shows(self, view: View) -> bool {
        match self {
            Mode::Compare => true,
            Mode::Exercise | Mode::Trying => matches!(view, View::Exercise | View::Help),
            Mode::Review => !matches!(view, View::Class | View::Articles),
        }
    }

    /// The mode once the exercise ends (answers revealed, or the teacher goes back).
    fn after_exercise(self) -> Mode {
        match self {
            Mode::Exercise | Mode::Review => Mode::Review,
            Mode::Trying | Mode::Compare => Mode::Compare,
        }
    }
}

/// Which groups the grid shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Every group.
    All,
    /// Groups whose sources give conflicting details.
    Conflict,
    /// Groups where a source adds a detail and nothing conflicts.
    Adds,
    /// Groups whose sources give the same information.
    Same,
    /// Groups only one source reports.
    Unique,
    /// Groups this source (position in the set) leaves out.
    OmittedBy(ArticleIndex),
}

/// How the grid orders its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Most widely reported first.
    Coverage,
    /// In this source's own order; what it does not report comes after.
    SourceOrder(ArticleIndex),
}

/// What the user has chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiState {
    /// The open view.
    pub view: View,
    /// The grid's filter.
    pub filter: Filter,
    /// The grid's search text.
    pub query: String,
    /// The grid's row order.
    pub order: Order,
    /// Sources left out of the comparison (positions in the set).
    pub excluded: BTreeSet<ArticleIndex>,
    /// The source every group is compared against when it reports the group.
    pub reference: Option<ArticleIndex>,
    /// The source shown in the reading view.
    pub reading: ArticleIndex,
    /// The report group opened from the reading view.
    pub opened_group: Option<GroupId>,
    /// The two sources of the pair view.
    pub pair: (ArticleIndex, ArticleIndex),
    /// The grid row to bring into view and focus.
    pub focus_group: Option<GroupId>,
    /// Comparing, or answering an exercise.
    pub mode: Mode,
    /// A correction waiting for its row: the reader picks "Move here" or "Join here".
    pub picking: Option<Pick>,
    /// Whether the source bar is open on a phone (on a wider screen it always is).
    pub sources: Disclosure,
}

/// Whether something that folds away is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Disclosure {
    /// Folded to one line.
    #[default]
    Closed,
    /// Unfolded.
    Open,
}

/// A correction that needs a second row, chosen in the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// Move this sentence into the row the reader picks.
    Move(SentenceRef),
    /// Join the row of this sentence with the row the reader picks.
    Join(SentenceRef),
}

impl Pick {
    /// The sentence the correction starts from.
    pub fn sentence(&self) -> &SentenceRef {
        match self {
            Pick::Move(s) | Pick::Join(s) => s,
        }
    }
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            view: View::Grid,
            filter: Filter::All,
            query: String::new(),
            order: Order::Coverage,
            excluded: BTreeSet::new(),
            reference: None,
            reading: ArticleIndex::new(0),
            opened_group: None,
            pair: (ArticleIndex::new(0), ArticleIndex::new(1)),
            focus_group: None,
            mode: Mode::Compare,
            picking: None,
            sources: Disclosure::Closed,
        }
    }
}

/// What a deep link asks for: read from the URL fragment by [`crate::route`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// The view to open.
    pub view: Option<View>,
    /// The grid's filter.
    pub filter: Option<Filter>,
    /// The grid row to select, or the group to open in the reading view.
    pub group: Option<GroupId>,
    /// The source to read.
    pub reading: Option<ArticleIndex>,
    /// The pair view's sources.
    pub pair: Option<(ArticleIndex, ArticleIndex)>,
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a view.
    Show(View),
    /// Filter the grid.
    Filter(Filter),
    /// Search the grid.
    Search(String),
    /// Order the grid.
    Order(Order),
    /// Include or exclude a source.
    ToggleSource(ArticleIndex),
    /// Choose the reference source (or let the engine choose).
    Reference(Option<ArticleIndex>),
    /// Read a source.
    Read(ArticleIndex),
    /// Open a group's details in the reading view (`None` closes them).
    OpenGroup(Option<GroupId>),
    /// Choose the pair view's sources.
    Pair(ArticleIndex, ArticleIndex),
    /// "What did this source leave out?": the grid, filtered to that.
    ShowOmittedBy(ArticleIndex),
    /// Articles were added, removed or reordered: choices that name positions no longer hold.
    SourcesChanged,
    /// Open the grid on one group (from a flag in the Facts view).
    ShowGroup(GroupId),
    /// Apply saved choices (from an opened session): sources left out and the reference.
    ApplyChoices(BTreeSet<ArticleIndex>, Option<ArticleIndex>),
    /// Follow a deep link (the URL fragment).
    Navigate(Route),
    /// Answer the exercise of a page saved for a class: only the exercise
    /// view until the answers are revealed.
    StartExercise,
    /// The teacher tries the exercise as a student (For the class).
    TryExercise,
    /// The answers were revealed, or the teacher goes back: the student
    /// reviews without the teacher's views, the teacher has them all again.
    EndExercise,
    /// Start a correction that needs a second row (the grid opens to pick it), or stop it.
    Pick(Option<Pick>),
    /// Open or fold the source bar (on a phone).
    ToggleSources,
    /// The corrections changed: the report's groups are numbered anew, so no
    /// group stays opened or focused, and no row is being picked.
    Corrected,
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Show(view) if !self.mode.shows(view) => return self,
            Action::Show(view) => {
                next.view = view;
                next.focus_group = None;
            }
            Action::Filter(filter) => {
                next.filter = filter;
                next.focus_group = None;
            }
            Action::Search(query) => next.query = query,
            Action::Order(order) => next.order = order,
            Action::ToggleSource(source) => toggle(&mut next, source),
            Action::Reference(reference) => next.reference = reference,
            Action::Read(source) => {
                next.reading = source;
                next.opened_group = None;
            }
            Action::OpenGroup(group) => next.opened_group = group,
            Action::Pair(a, b) => next.pair = (a, b),
            Action::ShowGroup(group) => {
                next.view = View::Grid;
                next.filter = Filter::All;
                next.query.clear();
                next.focus_group = Some(group);
            }
            Action::ApplyChoices(excluded, reference) => {
                next.excluded = excluded;
                next.reference = reference;
            }
            Action::SourcesChanged => {
                next = UiState {
                    view: next.view,
                    query: next.query,
                    ..UiState::default()
                };
            }
            Action::ShowOmittedBy(source) => {
                next.view = View::Grid;
                next.filter = Filter::OmittedBy(source);
                next.query.clear();
                next.focus_group = None;
            }
            Action::Navigate(route) => navigate(&mut next, route),
            Action::StartExercise | Action::TryExercise => {
                next.mode = match action {
                    Action::TryExercise => Mode::Trying,
                    _ => Mode::Exercise,
                };
                next.view = View::Exercise;
                next.focus_group = None;
            }
            Action::EndExercise => next.mode = self.mode.after_exercise(),
            Action::ToggleSources => {
                next.sources = match self.sources {
                    Disclosure::Closed => Disclosure::Open,
                    Disclosure::Open => Disclosure::Closed,
                };
            }
            Action::Corrected => {
                next.picking = None;
                next.opened_group = None;
                next.focus_group = None;
            }
            Action::Pick(pick) => {
                if pick.is_some() {
                    next.view = View::Grid;
                    next.focus_group = None;
                }
                next.picking = pick;
            }
        }
        if !next.mode.shows(next.view) {
            // In an exercise, links and keys that would open a comparison view do nothing.
            return self;
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// A deep link opens its view with what it names; what it leaves out takes
/// the view's defaults (no filter, no selected row) or keeps the current choice
/// (the source read, the pair).
fn navigate(state: &mut UiState, route: Route) {
    let Some(view) = route.view else { return };
    state.view = view;
    state.focus_group = None;
    match view {
        View::Grid => {
            state.filter = route.filter.unwrap_or(Filter::All);
            state.focus_group = route.group;
        }
        View::Reading => {
            state.reading = route.reading.unwrap_or(state.reading);
            state.opened_group = route.group;
        }
        View::Pair => state.pair = route.pair.unwrap_or(state.pair),
        _ => {}
    }
}

/// Excluding a source also drops choices that pointed at it; the report changes,
/// so an opened group no longer means the same thing.
fn toggle(state: &mut UiState, source: ArticleIndex) {
    if !state.excluded.remove(&source) {
        state.excluded.insert(source);
        if state.reference == Some(source) {
            state.reference = None;
        }
        if state.filter == Filter::OmittedBy(source) {
            state.filter = Filter::All;
        }
    }
    state.opened_group = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(index: usize) -> ArticleIndex {
        ArticleIndex::new(index)
    }

    fn g(index: usize) -> GroupId {
        GroupId::new(index)
    }

    fn check(actions: &[Action], expect: impl Fn(&UiState)) {
        let state = actions
            .iter()
            .cloned()
            .fold(Rc::new(UiState::default()), |state, action| {
                state.reduce(action)
            });
        expect(&state);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(UiState::default());
        let same = state.clone().reduce(Action::Show(View::Grid));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn what_did_b_leave_out_opens_the_filtered_grid() {
        check(
            &[
                Action::Show(View::Overview),
                Action::Search("x".into()),
                Action::ShowOmittedBy(a(1)),
            ],
            |s| {
                assert_eq!(s.view, View::Grid);
                assert_eq!(s.filter, Filter::OmittedBy(a(1)));
                assert_eq!(s.query, "");
            },
        );
    }

    #[test]
    fn excluding_a_source_drops_choices_that_named_it() {
        check(
            &[
                Action::Reference(Some(a(2))),
                Action::Filter(Filter::OmittedBy(a(2))),
                Action::ToggleSource(a(2)),
            ],
            |s| {
                assert!(s.excluded.contains(&a(2)));
                assert_eq!(s.reference, None);
                assert_eq!(s.filter, Filter::All);
            },
        );
        check(
            &[Action::ToggleSource(a(2)), Action::ToggleSource(a(2))],
            |s| assert!(s.excluded.is_empty()),
        );
    }

    #[test]
    fn changed_sources_reset_choices_that_name_positions() {
        check(
            &[
                Action::Show(View::Articles),
                Action::ToggleSource(a(1)),
                Action::Read(a(3)),
                Action::SourcesChanged,
            ],
            |s| {
                assert_eq!(s.view, View::Articles);
                assert!(s.excluded.is_empty());
                assert_eq!(s.reading, a(0));
            },
        );
    }

    #[test]
    fn reading_another_source_closes_the_opened_group() {
        check(&[Action::OpenGroup(Some(g(3))), Action::Read(a(2))], |s| {
            assert_eq!(s.reading, a(2));
            assert_eq!(s.opened_group, None);
        });
    }

    #[test]
    fn an_exercise_keeps_the_comparison_views_shut_until_it_ends() {
        check(
            &[
                Action::StartExercise,
                Action::Show(View::Grid),
                Action::ShowGroup(g(3)),
                Action::ShowOmittedBy(a(1)),
                Action::Navigate(Route::parse("#facts")),
            ],
            |s| {
                assert_eq!(s.mode, Mode::Exercise);
                assert_eq!(s.view, View::Exercise);
            },
        );
        check(
            &[
                Action::StartExercise,
                Action::EndExercise,
                Action::ShowGroup(g(3)),
            ],
            |s| {
                assert_eq!(s.mode, Mode::Review);
                assert_eq!(s.view, View::Grid);
                assert_eq!(s.focus_group, Some(g(3)));
            },
        );
        // Issue #18, items 9 and 10: the teacher trying it goes back to every
        // view; a student who revealed the key never sees the teacher's.
        check(&[Action::TryExercise, Action::EndExercise], |s| {
            assert_eq!(s.mode, Mode::Compare);
        });
        check(
            &[
                Action::StartExercise,
                Action::EndExercise,
                Action::Show(View::Class),
                Action::Navigate(Route::parse("#articles")),
            ],
            |s| {
                assert_eq!(s.mode, Mode::Review);
                assert_eq!(s.view, View::Exercise);
            },
        );
    }

    #[test]
    fn picking_a_row_opens_the_grid_and_a_correction_forgets_the_old_rows() {
        let sentence = SentenceRef {
            source: "a".into(),
            start: 0,
            end: 4,
            text: "Talk".into(),
        };
        check(
            &[
                Action::Show(View::Reading),
                Action::OpenGroup(Some(g(3))),
                Action::Pick(Some(Pick::Move(sentence.clone()))),
            ],
            |s| {
                assert_eq!(s.view, View::Grid);
                assert_eq!(s.picking, Some(Pick::Move(sentence.clone())));
            },
        );
        check(
            &[
                Action::Show(View::Reading),
                Action::OpenGroup(Some(g(3))),
                Action::Corrected,
            ],
            |s| {
                assert_eq!(s.view, View::Reading);
                assert_eq!(s.opened_group, None, "group 3 of the old report");
            },
        );
        check(
            &[
                Action::Pick(Some(Pick::Join(sentence.clone()))),
                Action::Pick(None),
            ],
            |s| assert_eq!(s.picking, None),
        );
    }

    #[test]
    fn the_exercise_tab_shows_only_with_questions() {
        assert!(!Mode::Compare.views(0).contains(&View::Exercise));
        assert!(Mode::Compare.views(2).contains(&View::Exercise));
        assert_eq!(Mode::Exercise.views(2), vec![View::Exercise, View::Help]);
        assert_eq!(Mode::Trying.views(2), vec![View::Exercise, View::Help]);
        let review = Mode::Review.views(2);
        assert!(review.contains(&View::Grid) && review.contains(&View::Exercise));
        assert!(!review.contains(&View::Class) && !review.contains(&View::Articles));
    }
}
