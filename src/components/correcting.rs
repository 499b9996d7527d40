//! Corrections to the pairing in the views: the buttons that make them (a row's "Correct" menu, the opened row), the "Move here" / "Join here" targets while a second row is picked, and the bar that lists, undoes, drops and downloads them.
//!
//! Every button only says which correction; the library keeps the list
//! (`library.rs`) and the engine applies it, so the rows, statuses and keys
//! the views show are already the corrected ones.

use std::rc::Rc;

use crosscheck_engine::excerpt::excerpt;
use crosscheck_engine::{Correction, CorrectionResult, Group, Member, SentenceRef, SourceId};
use crosscheck_import::corrections::corrections_json;
use yew::prelude::*;

use crate::comparison::{ArticleIndex, Comparison};
use crate::files;
use crate::labels::source_letter;
use crate::library::CorrectionAction;
use crate::state::Pick;

/// What the correcting pieces can do: change the corrections, start or stop picking a row.
#[derive(Clone, PartialEq)]
pub struct Fixes {
    /// Makes, undoes, redoes or drops corrections.
    pub on_correct: Callback<CorrectionAction>,
    /// Starts picking a second row (the grid opens), or stops with `None`.
    pub on_pick: Callback<Option<Pick>>,
}

/// How many words of a sentence a button or the list shows.
const WORDS: usize = 8;

/// The corrections a reader can make on `group`, one line per sentence, then
/// the row's own: join, confirm.
pub fn fix_buttons(comparison: &Comparison, group: &Group, fixes: &Fixes) -> Html {
    let report = &comparison.report;
    let letter = |s: SourceId| source_letter(comparison.set_index(s));
    let reference = group.reference_member().and_then(|r| at(comparison, r));
    let several = group.coverage() > 1;
    let add = |c: Correction| {
        fixes
            .on_correct
            .reform(move |_| CorrectionAction::Add(c.clone()))
    };
    let button = |text: &str, label: String, onclick: Callback<MouseEvent>| {
        html! { <button type="button" class="fix-button" aria-label={label} {onclick}>{ text }</button> }
    };
    let members = group.members.iter().filter_map(|m| {
        let sentence = at(comparison, m)?;
        let l = letter(m.source);
        let is_reference = group.reference_member() == Some(m);
        let take_out = several.then(|| {
            button(
                "Take out",
                format!("Take {l}'s sentence out of this row"),
                add(Correction::TakeOut {
                    sentence: sentence.clone(),
                }),
            )
        });
        let apart = match (&reference, is_reference) {
            (Some(r), false) => Some(button(
                "Not the same",
                format!("{l}'s sentence is not the same information as the reference"),
                add(Correction::Apart {
                    sentence: sentence.clone(),
                    from: r.clone(),
                }),
            )),
            _ => None,
        };
        let pick = Pick::Move(sentence.clone());
        let move_it = button(
            "Move…",
            format!("Move {l}'s sentence to another row"),
            fixes.on_pick.reform(move |_| Some(pick.clone())),
        );
        Some(html! {
            <li>
                <span class="fix-what"><b>{ l }</b>{ " " }{ quoted(&sentence.text) }</span>
                { for take_out }{ move_it }{ for apart }
            </li>
        })
    });
    let suggestions = group.elsewhere.iter().filter_map(|e| {
        let sentence = SentenceRef::of(report, e.source, e.sentence)?;
        let into = reference.clone()?;
        let l = letter(e.source);
        Some(html! {
            <li class="fix-suggested">
                <span class="fix-what"><b>{ l.clone() }</b>{ " possibly: " }{ quoted(&sentence.text) }</span>
                { button("Add here", format!("Add {l}'s possibly related sentence to this row"),
                    add(Correction::Move { sentence: sentence.clone(), into: into.clone() })) }
                { button("Not the same", format!("{l}'s possibly related sentence is not the same information"),
                    add(Correction::Apart { sentence, from: into })) }
            </li>
        })
    });
    let members: Vec<Html> = members.collect();
    let suggestions: Vec<Html> = suggestions.collect();
    let row = reference.clone().map(|r| {
        let join = Pick::Join(r.clone());
        html! {
            <li class="fix-row">
                { button("Join with another row…", "Join this row with another row".into(),
                    fixes.on_pick.reform(move |_| Some(join.clone()))) }
                if group.by_hand.is_none() {
                    { button("Confirm row", "Confirm this row as right".into(),
                        add(Correction::Confirm { sentence: r })) }
                }
            </li>
        }
    });
    html! {
        <ul class="fix-list">
            { for members }{ for suggestions }{ for row }
        </ul>
    }
}

/// The sentence `member` names, as a correction names it.
fn at(comparison: &Comparison, member: &Member) -> Option<SentenceRef> {
    SentenceRef::of(&comparison.report, member.source, member.sentence)
}

/// The sentence's first words in quotation marks (its own when it opens with one).
fn quoted(text: &str) -> String {
    let words = excerpt(text, WORDS);
    if words.starts_with(['“', '"', '‘', '\'']) {
        words
    } else {
        format!("“{words}”")
    }
}

/// The "Correct" menu of a grid row: closed, only its summary is drawn.
#[derive(Properties, PartialEq)]
pub struct RowMenuProps {
    /// The comparison.
    pub comparison: Rc<Comparison>,
    /// The row's group.
    pub group: crosscheck_engine::GroupId,
    /// What the buttons do.
    pub fixes: Fixes,
}

/// A row's "Correct" menu; its buttons are drawn only while it is open, and
/// it closes when the comparison changes (a correction was made).
#[component]
pub fn RowMenu(props: &RowMenuProps) -> Html {
    // The comparison it was opened on, by address.
    let opened_on = use_state(|| None::<usize>);
    let here = Rc::as_ptr(&props.comparison) as usize;
    let open = *opened_on == Some(here);
    let toggle = {
        let opened_on = opened_on.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            opened_on.set((!open).then_some(here));
        })
    };
    let group = props.comparison.report.group(props.group);
    html! {
        <details class="fix" {open}>
            // Reached with the arrow keys inside the grid, which is one Tab stop.
            <summary onclick={toggle} tabindex="-1">{ "Correct" }</summary>
            if open {
                if let Some(group) = group {
                    { fix_buttons(&props.comparison, group, &props.fixes) }
                }
            }
        </details>
    }
}

/// While a second row is picked: this row's "Move here" or "Join here", unless the row holds the picked sentence.
pub fn pick_target(comparison: &Comparison, group: &Group, pick: &Pick, fixes: &Fixes) -> Html {
    let Some(here) = group.reference_member().and_then(|r| at(comparison, r)) else {
        return Html::default();
    };
    let holds = group
        .members
        .iter()
        .filter_map(|m| at(comparison, m))
        .any(|s| &s == pick.sentence());
    if holds {
        return html! { <span class="pick-from">{ "← from this row" }</span> };
    }
    let (text, correction) = match pick {
        Pick::Move(sentence) => (
            "Move here",
            Correction::Move {
                sentence: sentence.clone(),
                into: here,
            },
        ),
        Pick::Join(sentence) => (
            "Join here",
            Correction::Join {
                sentence: sentence.clone(),
                with: here,
            },
        ),
    };
    let onclick = fixes
        .on_correct
        .reform(move |_| CorrectionAction::Add(correction.clone()));
    html! { <button type="button" class="pick-here" {onclick}>{ text }</button> }
}

/// The line above the grid while a second row is picked.
pub fn pick_banner(comparison: &Comparison, pick: &Pick, fixes: &Fixes) -> Html {
    let who = describe(comparison, pick.sentence());
    let what = match pick {
        Pick::Move(_) => format!("Moving {who}: press “Move here” on the row it belongs to."),
        Pick::Join(_) => format!("Joining the row of {who}: press “Join here” on the other row."),
    };
    let cancel = fixes.on_pick.reform(|_| None);
    html! {
        <p class="pick-banner" role="status">
            { what }{ " " }
            <button type="button" onclick={cancel}>{ "Cancel" }</button>
        </p>
    }
}

/// "B's “first words…”", or the article id when the article is not loaded.
fn describe(comparison: &Comparison, sentence: &SentenceRef) -> String {
    let who = comparison
        .sources
        .iter()
        .position(|s| s.id == sentence.source)
        .map_or_else(
            || sentence.source.clone(),
            |at| source_letter(ArticleIndex::new(at)),
        );
    format!("{who}'s {}", quoted(&sentence.text))
}

/// What the corrections bar shows and does.
pub struct BarProps<'a> {
    /// The comparison (the report says what became of each correction).
    pub comparison: &'a Comparison,
    /// The corrections, in the order made.
    pub corrections: &'a Rc<Vec<Correction>>,
    /// How many changes can be undone and redone.
    pub history: (usize, usize),
    /// What the buttons do.
    pub fixes: &'a Fixes,
}

/// The corrections made, with Undo, Redo, the list (each with Drop), Drop all
/// and Download; nothing until a first correction.
pub fn corrections_bar(props: &BarProps<'_>) -> Html {
    let (undo, redo) = props.history;
    let list = props.corrections;
    if list.is_empty() && undo == 0 && redo == 0 {
        return html! {
            <p class="fix-hint">{ "Wrong row? Open “Correct” on its header to take a sentence out, move it, join rows or confirm one." }</p>
        };
    }
    let report = &props.comparison.report;
    let outcome = |i: usize| report.corrections.get(i);
    let problems: Vec<String> = (0..list.len())
        .filter_map(|i| {
            status(
                props.comparison,
                &list[i],
                outcome(i).map(|o| (o.result, o.message.as_deref())),
            )
            .1
        })
        .collect();
    let act = |a: CorrectionAction| props.fixes.on_correct.reform(move |_| a.clone());
    let download = {
        let list = list.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(
                "crosscheck-corrections.json",
                "application/json",
                &corrections_json(&list),
            );
        })
    };
    html! {
        <section class="corrections" aria-label="Corrections by hand">
            <p class="corrections-line">
                <span>{ plural(list.len(), "correction by hand", "corrections by hand") }</span>
                <button type="button" disabled={undo == 0} onclick={act(CorrectionAction::Undo)}>{ "Undo" }</button>
                <button type="button" disabled={redo == 0} onclick={act(CorrectionAction::Redo)}>{ "Redo" }</button>
            </p>
            if !problems.is_empty() {
                <ul class="corrections-problems" role="status">
                    { for problems.into_iter().map(|p| html! { <li>{ p }</li> }) }
                </ul>
            }
            if !list.is_empty() {
                <details class="corrections-all">
                    <summary>{ "See all corrections" }</summary>
                    <ol>
                        { for list.iter().enumerate().map(|(i, c)| {
                            let (state, _) = status(props.comparison, c, outcome(i).map(|o| (o.result, o.message.as_deref())));
                            html! {
                                <li>
                                    { describe_correction(props.comparison, c) }{ " · " }<em>{ state }</em>{ " " }
                                    <button type="button" class="fix-button" onclick={act(CorrectionAction::Drop(i))}
                                        aria-label={format!("Drop correction {}", i + 1)}>{ "Drop" }</button>
                                </li>
                            }
                        }) }
                    </ol>
                    <p>
                        <button type="button" onclick={act(CorrectionAction::DropAll)}>{ "Drop all corrections" }</button>
                        { " " }
                        <button type="button" onclick={download}>{ "Download the corrections (.json)" }</button>
                    </p>
                </details>
            }
        </section>
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What a correction does, in words: "take out of its row: B's “…”".
fn describe_correction(comparison: &Comparison, correction: &Correction) -> String {
    let sentences = correction.sentences();
    let mut text = format!(
        "{}: {}",
        correction.words(),
        describe(comparison, sentences[0])
    );
    if let Some(other) = sentences.get(1) {
        let link = match correction {
            Correction::Move { .. } => " into the row of ",
            Correction::Join { .. } => " with the row of ",
            _ => " from ",
        };
        text.push_str(link);
        text.push_str(&describe(comparison, other));
    }
    text
}

/// A correction's state in words, and the problem to show above the list when it does not apply.
fn status(
    comparison: &Comparison,
    correction: &Correction,
    outcome: Option<(CorrectionResult, Option<&str>)>,
) -> (String, Option<String>) {
    let gone = correction
        .sentences()
        .into_iter()
        .find(|s| !comparison.sources.iter().any(|a| a.id == s.source));
    match (outcome, gone) {
        (_, Some(s)) => {
            let why = format!(
                "A correction names the article “{}”, which is no longer loaded: it is not applied.",
                s.source
            );
            ("not applied: its article was removed".into(), Some(why))
        }
        (Some((CorrectionResult::Applied, _)), _) => ("applied".into(), None),
        (Some((CorrectionResult::AlreadySo, _)), _) => {
            ("no change: the rows were already so".into(), None)
        }
        (Some((CorrectionResult::NotInPlay, _)), _) => {
            ("waiting: a source it names is switched off".into(), None)
        }
        (Some((CorrectionResult::NoLongerFits, message)), _) => (
            "not applied: it no longer fits".into(),
            Some(
                message
                    .unwrap_or("A correction no longer fits the articles.")
                    .to_owned(),
            ),
        ),
        (None, _) => (String::new(), None),
    }
}
