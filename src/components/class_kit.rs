//! The "For the class" view: hand the comparison out as one page, set an exercise, print the worksheet and its key, download reports.
//!
//! Downloads and the page copy are I/O done in click handlers; what they
//! contain comes from the engine's renderers and [`crate::export`].

use std::rc::Rc;

use crosscheck_engine::render;
use yew::prelude::*;

use crate::boot::page_as_served;
use crate::comparison::Comparison;
use crate::components::exercise_editor::ExerciseEditor;
use crate::components::shared::LibraryContext;
use crate::components::worksheet::WorksheetSection;
use crate::export::{ExportError, file_name, page_with_set};
use crate::files;
use crate::messages::Message;

/// The Class view: hand-out, exercise editor, worksheet and downloads (a
/// function, not a component, and so are the hand-out and the downloads,
/// which hold no state: each component costs the page about 1.5 KB of wasm;
/// see `components/mod.rs`). `on_try` opens the exercise as a student sees it.
pub fn class_kit_view(
    context: &LibraryContext,
    comparison: &Rc<Comparison>,
    on_try: &Callback<()>,
) -> Html {
    html! {
        <div class="class-kit">
            { hand_out(context) }
            <ExerciseEditor comparison={comparison.clone()} on_try={on_try.clone()} />
            <WorksheetSection comparison={comparison.clone()} />
            { downloads(context, comparison) }
        </div>
    }
}

/// "Save the page for the class": this page with the current articles, names and choices built in.
fn hand_out(context: &LibraryContext) -> Html {
    let save = {
        let context = context.clone();
        Callback::from(move |_| {
            // What the teacher chose: articles switched off are not shipped.
            let session = context.session().without_excluded();
            let page = page_as_served(&context.app_markup)
                .ok_or(ExportError::NoMarkup)
                .and_then(|markup| page_with_set(&markup, &session));
            let outcome = page.map_err(|e| e.message().to_owned()).and_then(|page| {
                files::download(&file_name(&session), "text/html", &page)
                    .map_err(|why| format!("The page could not be saved: {why}."))
            });
            if let Err(message) = outcome {
                context.notify.emit(vec![Message::error(message)]);
            }
        })
    };
    let shipped = context.session().without_excluded();
    let left_out = context.articles.len() - shipped.articles.len();
    let articles = match shipped.articles.len() {
        1 => "your 1 article".to_owned(),
        n => format!("your {n} articles"),
    };
    let left_out = match left_out {
        0 => String::new(),
        1 => " (the 1 switched off is left out)".to_owned(),
        n => format!(" (the {n} switched off are left out)"),
    };
    html! {
        <section aria-labelledby="hand-out-title" class="kit-section">
            <h2 id="hand-out-title" class="section-title">{ "Hand it out" }</h2>
            <p>{ format!(
                "Save this page as one file with {articles}{left_out}, their names and your choices built in. Students open it from a USB stick, an e-mail or the learning platform, offline, with nothing to install; it shows exactly this set."
            ) }</p>
            <button type="button" class="primary" onclick={save}>{ "Save the page for the class (.html)" }</button>
            <p class="hint">{ "The file: " }<code class="file-name">{ file_name(&shipped) }</code>{ ". Your work in this browser is not changed." }</p>
        </section>
    }
}

/// The report as Markdown, CSV, JSON or a printable page.
fn downloads(context: &LibraryContext, comparison: &Rc<Comparison>) -> Html {
    let offer =
        |name: &'static str, mime: &'static str, make: fn(&crosscheck_engine::Report) -> String| {
            let comparison = comparison.clone();
            let notify = context.notify.clone();
            Callback::from(move |_| {
                if let Err(why) = files::download(name, mime, &make(&comparison.report)) {
                    notify.emit(vec![Message::error(format!(
                        "The report could not be saved: {why}."
                    ))]);
                }
            })
        };
    html! {
        <section aria-labelledby="downloads-title" class="kit-section">
            <h2 id="downloads-title" class="section-title">{ "Download the comparison" }</h2>
            <p class="hint">{ "Of the sources now switched on." }</p>
            <ul class="download-list">
                <li><button type="button" onclick={offer("crosscheck-report.html", "text/html", render::html)}>{ "Printable page (.html)" }</button>{ " the aligned sentences and the details to check, ready to print" }</li>
                <li><button type="button" onclick={offer("crosscheck-report.md", "text/markdown", render::markdown)}>{ "Markdown (.md)" }</button>{ " for notes and documents" }</li>
                <li><button type="button" onclick={offer("crosscheck-report.csv", "text/csv", render::csv)}>{ "Spreadsheet (.csv)" }</button>{ " one row per piece of information and source" }</li>
                <li><button type="button" onclick={offer("crosscheck-report.json", "application/json", report_json)}>{ "Data (.json)" }</button>{ " the whole report, as the command-line tool writes it" }</li>
            </ul>
        </section>
    }
}

fn report_json(report: &crosscheck_engine::Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}
