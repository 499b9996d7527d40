//! The comparison of the articles in play: small sets here, while rendering; large ones in a Web Worker, with progress and cancel.
//!
//! [`use_comparison`] is the one hook the workspace calls. A choice of at most
//! [`BACKGROUND_WORDS`] words is compared synchronously in a `use_memo`, so the
//! first paint of the seed set needs no worker. A larger one starts a worker
//! (`worker.rs`) in an effect; its progress and report come back as actions of
//! the pure reducer in `state.rs`, and the views keep the previous comparison
//! of the same articles, if any, until the new one is there. The main thread
//! only encodes the request and reads the report. When no worker can be
//! started (an old browser, a policy), or one fails, the comparison runs here
//! instead and the reader is told.

pub mod import;
mod layouts;
pub mod protocol;
pub mod state;
pub mod wire;
pub mod worker;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use self::protocol::Reply;
use self::state::{Analysis, AnalysisAction, Run, Shown, Size};
use self::worker::Job;
use crate::comparison::Choice;
use crate::messages::Message;

/// Choices of more words than this are compared in a worker.
///
/// Measured in Chromium on this project's 2-core machine: the engine takes
/// about 4.5 ms per 1,000 words in wasm (the seed set, 4,900 words: 20 ms;
/// 10,000 words: 45 ms; 100,000 words: 550 ms warm, 1 s cold). Up to 10,000
/// words a comparison stays under the 50 ms a browser counts as a long task;
/// past that, a worker (about 50 ms to start, then nothing on the main thread
/// until the report is read) keeps the page responsive.
pub const BACKGROUND_WORDS: usize = 10_000;

/// Where a choice is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// On the main thread, while rendering.
    Here,
    /// In a Web Worker.
    Background,
}

/// Where `choice` is compared: by its size.
pub fn place(choice: &Choice) -> Place {
    if choice.words() > BACKGROUND_WORDS {
        Place::Background
    } else {
        Place::Here
    }
}

/// What the workspace shows and can do about the comparison.
#[derive(Clone, PartialEq)]
pub struct ComparisonState {
    /// The comparison to show, if there is one.
    pub shown: Option<Shown>,
    /// The background run.
    pub run: Run,
    /// Stops the background run.
    pub cancel: Callback<()>,
    /// Starts the comparison again after a cancel.
    pub retry: Callback<()>,
}

/// Compares `choice` here or in the background; `notify` hears of a fallback.
#[hook]
pub fn use_comparison(choice: Rc<Choice>, notify: Callback<Vec<Message>>) -> ComparisonState {
    let state = use_reducer(Analysis::default);
    let job = use_mut_ref(|| None::<Job>);
    let runs = use_mut_ref(|| 0u32);
    let attempt = use_state(|| 0u32);
    let here = use_memo(choice.clone(), |choice| match place(choice) {
        Place::Here => Some(Rc::new(choice.run())),
        Place::Background => None,
    });
    {
        let (dispatch, job, here) = (state.dispatcher(), job.clone(), here.clone());
        let runs = runs.clone();
        use_effect_with((choice.clone(), *attempt), move |(choice, _)| {
            match &*here {
                Some(comparison) => dispatch.dispatch(AnalysisAction::Finished {
                    run: None,
                    choice: choice.clone(),
                    comparison: comparison.clone(),
                }),
                None => {
                    *runs.borrow_mut() += 1;
                    let id = *runs.borrow();
                    *job.borrow_mut() = start(choice.clone(), id, dispatch, notify);
                }
            }
            // Dropping the job stops its worker: the choice changed or the page is leaving.
            move || drop(job.borrow_mut().take())
        });
    }
    let shown = match &*here {
        Some(comparison) => Some(Shown {
            comparison: comparison.clone(),
            current: true,
        }),
        None => state.shown(&choice),
    };
    ComparisonState {
        shown,
        run: state.run,
        cancel: cancel(job, state.dispatcher(), &state.run),
        retry: {
            let attempt = attempt.clone();
            Callback::from(move |()| attempt.set(*attempt + 1))
        },
    }
}

/// A callback that stops the running worker and records the cancel.
fn cancel(
    job: Rc<RefCell<Option<Job>>>,
    dispatch: UseReducerDispatcher<Analysis>,
    run: &Run,
) -> Callback<()> {
    let running = match run {
        Run::Running { id, .. } => Some(*id),
        Run::Idle | Run::Cancelled => None,
    };
    Callback::from(move |()| {
        drop(job.borrow_mut().take());
        if let Some(id) = running {
            dispatch.dispatch(AnalysisAction::Cancelled { id });
        }
    })
}

/// Starts run `id` of `choice` in a worker; on any failure compares here.
fn start(
    choice: Rc<Choice>,
    id: u32,
    dispatch: UseReducerDispatcher<Analysis>,
    notify: Callback<Vec<Message>>,
) -> Option<Job> {
    let request = wire::encode(&protocol::Job::Compare(choice.request()));
    let size = Size {
        articles: choice.included.len(),
        words: choice.words(),
    };
    let stopper = Rc::new(RefCell::new(None::<worker::Stopper>));
    let on_reply = {
        let (choice, dispatch, notify, stopper) = (
            choice.clone(),
            dispatch.clone(),
            notify.clone(),
            stopper.clone(),
        );
        move |reply: Reply| match reply {
            Reply::Progress(progress) => {
                dispatch.dispatch(AnalysisAction::Progressed { id, progress })
            }
            Reply::Report(report) => {
                stop(&stopper);
                dispatch.dispatch(AnalysisAction::Finished {
                    run: Some(id),
                    comparison: Rc::new(choice.finish(*report)),
                    choice: choice.clone(),
                });
            }
            Reply::Failed(why) => {
                stop(&stopper);
                compare_here(&choice, Some(id), &dispatch, &notify, &why);
            }
            // Not an answer to a comparison: compare here instead.
            Reply::Read(_) => {
                stop(&stopper);
                compare_here(
                    &choice,
                    Some(id),
                    &dispatch,
                    &notify,
                    "the worker answered something else",
                );
            }
        }
    };
    match worker::spawn(request, Rc::new(on_reply)) {
        Ok(job) => {
            *stopper.borrow_mut() = Some(job.stopper());
            dispatch.dispatch(AnalysisAction::Started { id, size });
            Some(job)
        }
        Err(why) => {
            compare_here(&choice, None, &dispatch, &notify, &why);
            None
        }
    }
}

fn stop(stopper: &RefCell<Option<worker::Stopper>>) {
    if let Some(stopper) = stopper.borrow().as_ref() {
        stopper.stop();
    }
}

/// The fallback: compares on the main thread, saying why.
fn compare_here(
    choice: &Rc<Choice>,
    run: Option<u32>,
    dispatch: &UseReducerDispatcher<Analysis>,
    notify: &Callback<Vec<Message>>,
    why: &str,
) {
    notify.emit(vec![Message::warning(format!(
        "The comparison could not run in the background ({why}), so it runs in the page: the page may not respond until it is done."
    ))]);
    dispatch.dispatch(AnalysisAction::Finished {
        run,
        choice: choice.clone(),
        comparison: Rc::new(choice.run()),
    });
}
