//! The top-level page: header, messages, then the comparison of the user's articles.
//!
//! Three reducers hold the state: the articles (`Library`), the messages and
//! the UI choices. Effects save the articles after every change and listen for
//! files dropped anywhere on the page. The comparison is made once per
//! (articles, excluded sources, reference) by `analysis::use_comparison`: here
//! for small sets, in a Web Worker with a progress bar for large ones, and
//! shared in `Rc`.

pub mod analysis;
mod drop;
mod link;
pub mod save;

use std::rc::Rc;

use crosscheck_engine::{Correction, Source};
use crosscheck_import::session::{Article, Session};
use yew::Reducible;
use yew::prelude::*;

use crate::answers::{Answers, KeyShown};
use crate::boot::Start;
use crate::comparison::{Choice, PairComparison, SetQuestion};
use crate::components::articles::articles_view;
use crate::components::class_kit::class_kit_view;
use crate::components::correcting::Fixes;
use crate::components::exercise::ExerciseView;
use crate::components::facts::facts_view;
use crate::components::grid::AlignedGrid;
use crate::components::header::header;
use crate::components::help::help_view;
use crate::components::message_list::{MessageListProps, message_list};
use crate::components::overview::overview_view;
use crate::components::pair::{PairViewProps, pair_view};
use crate::components::progress::{AnalysisStatusProps, Behind, Status, analysis_status};
use crate::components::reading::{ReadingProps, reading_view};
use crate::components::shared::LibraryContext;
use crate::components::source_bar::{SourceBarProps, source_bar};
use crate::components::source_name::Headlines;
use crate::components::tabs::{TabsProps, panel_id, tab_id, tabs};
use crate::library::{CorrectionAction, Library, LibraryAction, choices, settings};
use crate::messages::{Message, MessageAction, Messages};

use crate::state::{Action, Route, UiState, View};
use crate::storage;
use crate::view_model::RowChoice;

/// What the app is started with.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The articles to open and what to say about them.
    pub start: Start,
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let library = use_reducer({
        let start = props.start.clone();
        move || {
            Library::new(start.articles, start.samples)
                .with_questions(start.questions, start.sample_questions)
                .with_corrections(start.corrections, start.sample_corrections)
        }
    });
    let messages = use_reducer({
        let shown = props.start.messages.clone();
        move || Messages::starting_with(shown)
    });
    let ui = use_reducer({
        let (excluded, reference) = choices(&props.start.articles, &props.start.settings);
        let count = props.start.articles.len();
        // A page saved for a class with questions opens on the exercise until
        // its key is revealed, and after that without the teacher's views.
        let exercise = props.start.for_class && !props.start.questions.is_empty();
        let revealed = props.start.answers.shown == KeyShown::Revealed;
        move || {
            let chosen = Rc::new(UiState {
                excluded,
                reference,
                ..UiState::default()
            });
            let (first, then) = match (exercise, revealed) {
                (true, false) => (Action::StartExercise, None),
                (true, true) => (Action::StartExercise, Some(Action::EndExercise)),
                // A deep link opens the page where it points.
                (false, _) => (
                    Action::Navigate(Route::parse(&link::current_hash()).within(count)),
                    None,
                ),
            };
            let chosen = chosen.reduce(first);
            let chosen = match then {
                Some(action) => chosen.reduce(action),
                None => chosen,
            };
            (*chosen).clone()
        }
    });
    let answers = use_reducer({
        let saved = props.start.answers.clone();
        move || saved
    });
    use_effect_with(answers.clone(), |answers| {
        storage::save_answers(&answers.to_json())
    });
    link::use_deep_link(ui.clone(), library.articles.len());
    let notify = {
        let messages = messages.dispatcher();
        Callback::from(move |list: Vec<Message>| messages.dispatch(MessageAction::Show(list)))
    };
    let saved_settings = settings(&library.articles, &ui.excluded, ui.reference);
    save::use_save(
        library.articles.clone(),
        library.questions.clone(),
        library.corrections.clone(),
        saved_settings.clone(),
        notify.clone(),
    );
    let edit = {
        let (library, ui) = (library.dispatcher(), ui.dispatcher());
        Callback::from(move |action: LibraryAction| {
            if action.reorders() {
                ui.dispatch(Action::SourcesChanged);
            }
            library.dispatch(action);
        })
    };
    let open_session = {
        let (library, ui) = (library.dispatcher(), ui.dispatcher());
        Callback::from(move |session: Session| {
            let (excluded, reference) = choices(&session.articles, &session.settings);
            ui.dispatch(Action::SourcesChanged);
            ui.dispatch(Action::ApplyChoices(excluded, reference));
            let questions = session.questions();
            let corrections = session.corrections;
            library.dispatch(LibraryAction::Replace(session.articles));
            library.dispatch(LibraryAction::SetQuestions(questions));
            library.dispatch(LibraryAction::Correct(CorrectionAction::Replace(
                corrections,
            )));
        })
    };
    let context = LibraryContext {
        articles: library.articles.clone(),
        questions: library.questions.clone(),
        corrections: library.corrections.clone(),
        samples: library.samples.clone(),
        edit,
        notify,
        settings: saved_settings,
        open_session,
        app_markup: props.start.app_markup.clone(),
    };
    let dragging = drop::use_file_drop(context.clone());
    let sources: Rc<Vec<Source>> =
        use_memo(library.articles.clone(), |articles: &Rc<Vec<Article>>| {
            articles.iter().map(|a| a.source.clone()).collect()
        });
    let dismiss = messages.dispatcher();
    let body = if sources.len() < 2 {
        html! {
            <>
                <p class="notice">{ "Add at least two articles to compare them." }</p>
                { articles_view(&context) }
            </>
        }
    } else {
        let corrections = Corrections {
            list: library.corrections.clone(),
            history: (library.undo.len(), library.redo.len()),
            edit: library.dispatcher(),
        };
        html! { <Workspace {sources} state={ui.clone()} questions={library.questions.clone()} answers={answers.clone()} notify={context.notify.clone()} {corrections} /> }
    };
    html! {
        <ContextProvider<LibraryContext> {context}>
            { header() }
            { message_list(&MessageListProps {
                messages: messages.shown.clone(),
                on_dismiss: Callback::from(move |id| dismiss.dispatch(MessageAction::Dismiss(id))),
            }) }
            <main id="main">{ body }</main>
            if dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ "Drop the files to add them" }</p></div>
            }
        </ContextProvider<LibraryContext>>
    }
}

#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    sources: Rc<Vec<Source>>,
    state: UseReducerHandle<UiState>,
    questions: Rc<Vec<SetQuestion>>,
    answers: UseReducerHandle<Answers>,
    notify: Callback<Vec<Message>>,
    corrections: Corrections,
}

/// The corrections to the pairing and the library's dispatcher that changes them.
#[derive(Clone, PartialEq)]
struct Corrections {
    list: Rc<Vec<Correction>>,
    /// How many changes can be undone and redone.
    history: (usize, usize),
    edit: UseReducerDispatcher<Library>,
}

/// The comparison of two or more articles: source bar, tabs, the comparison's status and the open view.
#[component]
fn Workspace(props: &WorkspaceProps) -> Html {
    let state = &props.state;
    let corrections = &props.corrections;
    let library = use_context::<LibraryContext>();
    let choice: Rc<Choice> = use_memo(
        (
            props.sources.clone(),
            state.excluded.clone(),
            state.reference,
            corrections.list.clone(),
        ),
        |(sources, excluded, reference, corrections)| {
            Choice::new(sources.clone(), excluded, *reference).with_corrections(corrections)
        },
    );
    // Made once: every grid row takes them, and new callbacks would redraw every row.
    let fixes = use_memo((), {
        let (library, ui) = (corrections.edit.clone(), state.dispatcher());
        move |()| Fixes {
            on_correct: {
                let ui = ui.clone();
                Callback::from(move |action| {
                    ui.dispatch(Action::Corrected);
                    library.dispatch(LibraryAction::Correct(action));
                })
            },
            on_pick: Callback::from(move |pick| ui.dispatch(Action::Pick(pick))),
        }
    });
    let analysis = analysis::use_comparison(choice, props.notify.clone());
    let headlines = use_memo(props.sources.clone(), |sources| Headlines::of(sources));
    // Only while the pair view is open: at start-up it would be a second comparison.
    let pair: Rc<Option<Rc<PairComparison>>> = use_memo(
        (
            props.sources.clone(),
            state.pair,
            state.view == View::Pair,
            corrections.list.clone(),
        ),
        |(sources, (a, b), open, corrections)| {
            open.then(|| Rc::new(PairComparison::new(sources, *a, *b, corrections)))
        },
    );
    let dispatch = {
        let state = state.dispatcher();
        Callback::from(move |action| state.dispatch(action))
    };
    let view = state.view;
    let status = status_bar(&analysis);
    let Some(shown) = analysis.shown else {
        let panel = match view {
            View::Articles => library.as_ref().map(articles_view).unwrap_or_default(),
            View::Help => help_view(),
            _ => {
                html! { <p class="notice comparing">{ "The comparison appears here when it is ready." }</p> }
            }
        };
        return workspace_frame(props, (*headlines).clone(), view, dispatch, status, panel);
    };
    let comparison = shown.comparison;
    let panel = match view {
        View::Overview => overview_view(&comparison, &dispatch.reform(Action::ShowOmittedBy)),
        View::Grid => html! {
            <AlignedGrid comparison={comparison.clone()} rows={RowChoice::of(state)}
                focus_group={state.focus_group} on_filter={dispatch.reform(Action::Filter)}
                on_search={dispatch.reform(Action::Search)} on_order={dispatch.reform(Action::Order)}
                corrections={corrections.list.clone()} history={corrections.history}
                picking={state.picking.clone()} fixes={(*fixes).clone()} />
        },
        View::Reading => reading_view(&ReadingProps {
            comparison: comparison.clone(),
            reading: state.reading,
            opened_group: state.opened_group,
            on_read: dispatch.reform(Action::Read),
            on_open: dispatch.reform(Action::OpenGroup),
            corrections: corrections.list.clone(),
            history: corrections.history,
            fixes: (*fixes).clone(),
        }),
        View::Pair => match (*pair).clone() {
            Some(pair) => pair_view(&PairViewProps {
                comparison: comparison.clone(),
                pair,
                on_pair: dispatch.reform(|(left, right)| Action::Pair(left, right)),
            }),
            None => Html::default(),
        },
        View::Facts => facts_view(&comparison, &dispatch.reform(Action::ShowGroup)),
        View::Exercise => html! {
            <ExerciseView comparison={comparison.clone()} mode={state.mode}
                questions={props.questions.clone()} answers={Rc::new((*props.answers).clone())}
                on_answer={props.answers.dispatcher().to_callback()}
                on_show_group={dispatch.reform(Action::ShowGroup)}
                on_end={dispatch.reform(|()| Action::EndExercise)} />
        },
        View::Class => match &library {
            Some(library) => class_kit_view(
                library,
                &comparison,
                &dispatch.reform(|()| Action::TryExercise),
            ),
            None => Html::default(),
        },
        View::Articles => library.as_ref().map(articles_view).unwrap_or_default(),
        View::Help => help_view(),
    };
    workspace_frame(props, (*headlines).clone(), view, dispatch, status, panel)
}

/// The comparison's status (first, so that it shows above a long source bar), the source bar, the tabs and `panel`.
fn workspace_frame(
    props: &WorkspaceProps,
    headlines: Headlines,
    view: View,
    dispatch: Callback<Action>,
    status: Html,
    panel: Html,
) -> Html {
    let state = props.state.clone();
    html! {
        <ContextProvider<Headlines> context={headlines}>
            { status }
            { source_bar(&SourceBarProps { sources: props.sources.clone(), state, dispatch: dispatch.clone() }) }
            { tabs(&TabsProps {
                views: props.state.mode.views(props.questions.len()),
                current: view,
                on_select: dispatch.reform(Action::Show),
            }) }
            <section class="panel" role="tabpanel" id={panel_id(view)} aria-labelledby={tab_id(view)} tabindex="0">
                { panel }
            </section>
        </ContextProvider<Headlines>>
    }
}

/// The progress bar while a large set is compared, or the way back after a cancel.
fn status_bar(analysis: &analysis::ComparisonState) -> Html {
    let behind = match &analysis.shown {
        Some(shown) if !shown.current => Behind::Previous,
        Some(_) => return Html::default(),
        None => Behind::Nothing,
    };
    let status = match analysis.run {
        analysis::state::Run::Running { size, progress, .. } => Status::Running {
            articles: size.articles,
            words: size.words,
            progress,
        },
        analysis::state::Run::Cancelled => Status::Cancelled,
        analysis::state::Run::Idle => return Html::default(),
    };
    analysis_status(&AnalysisStatusProps {
        status,
        behind,
        on_cancel: analysis.cancel.clone(),
        on_retry: analysis.retry.clone(),
    })
}
