//! The background comparison's status: a progress bar with the stage and a Cancel button, or, after a cancel, a way to start again.

use crosscheck_engine::render::thousands;
use crosscheck_engine::{Progress, Stage};
use yew::prelude::*;

/// What the bar shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    /// Comparing `articles` articles of `words` words, this far.
    Running {
        /// Articles in play.
        articles: usize,
        /// Their words.
        words: usize,
        /// How far it has got.
        progress: Progress,
    },
    /// The reader cancelled it.
    Cancelled,
}

/// Whether the views still show a comparison while this one runs or after a cancel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behind {
    /// The comparison before the reader's last change is on screen.
    Previous,
    /// Nothing is on screen yet.
    Nothing,
}

/// What [`analysis_status`] shows.
#[derive(PartialEq)]
pub struct AnalysisStatusProps {
    /// What to show.
    pub status: Status,
    /// What the views show meanwhile.
    pub behind: Behind,
    /// Stops the comparison.
    pub on_cancel: Callback<()>,
    /// Starts it again after a cancel.
    pub on_retry: Callback<()>,
}

/// The status line above the views while a large set is compared (a
/// function, not a component: see `components/mod.rs`).
pub fn analysis_status(props: &AnalysisStatusProps) -> Html {
    let note = match props.behind {
        Behind::Previous => "Meanwhile the views show the comparison before your last change.",
        Behind::Nothing => "",
    };
    match props.status {
        Status::Running {
            articles,
            words,
            progress,
        } => {
            let percent = (progress.done.clamp(0.0, 1.0) * 100.0).round() as u32;
            let on_cancel = props.on_cancel.reform(|_| ());
            html! {
                <div class="analysis-status" role="region" aria-label="Comparison in progress">
                    <label for="analysis-progress">
                        { format!("Comparing {articles} articles ({} words)", thousands(words as u64)) }
                        <span class="stage" role="status">{ format!(": {}", stage_words(progress.stage)) }</span>
                    </label>
                    <div class="analysis-bar">
                        <progress id="analysis-progress" max="100" value={percent.to_string()}>{ format!("{percent}%") }</progress>
                        <span class="percent" aria-hidden="true">{ format!("{percent}%") }</span>
                        <button type="button" class="cancel" onclick={on_cancel}>{ "Cancel" }</button>
                    </div>
                    if !note.is_empty() { <p class="hint">{ note }</p> }
                </div>
            }
        }
        Status::Cancelled => {
            let on_retry = props.on_retry.reform(|_| ());
            let said = match props.behind {
                Behind::Previous => {
                    "Comparison cancelled. The views show the comparison before your last change."
                }
                Behind::Nothing => "Comparison cancelled. Nothing is compared yet.",
            };
            html! {
                <div class="analysis-status cancelled" role="status">
                    <p>{ said }</p>
                    <button type="button" class="primary" onclick={on_retry}>{ "Compare again" }</button>
                </div>
            }
        }
    }
}

/// What a stage is doing, in a reader's words.
fn stage_words(stage: Stage) -> &'static str {
    match stage {
        Stage::Reading => "reading the articles…",
        Stage::Aligning => "matching sentences across articles…",
        Stage::Diffing => "comparing the wording…",
        Stage::Facts => "checking numbers, dates, names and quotes…",
        Stage::Done => "done",
    }
}
