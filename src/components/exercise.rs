//! The Exercise view: the teacher's questions next to the articles without highlights; revealing the answers shows each key and marks its sentences.
//!
//! Questions and keys come from the engine (`crosscheck_engine::classroom`);
//! the answers are the student's, kept in the browser and offered as a
//! printout or a text file.

use std::rc::Rc;

use crosscheck_engine::{GroupId, SentenceReport, SourceId};
use yew::prelude::*;

use crate::answers::{Answers, AnswersAction, KeyShown};
use crate::comparison::{Comparison, SetQuestion};
use crate::components::source_name::badge;
use crate::files;
use crate::labels::source_letter;
use crate::state::Mode;

/// Properties of [`ExerciseView`].
#[derive(Properties, PartialEq)]
pub struct ExerciseProps {
    /// The comparison the questions are about.
    pub comparison: Rc<Comparison>,
    /// Comparing, or answering the exercise (the key stays hidden while answering).
    pub mode: Mode,
    /// Opens the grid on a group of the key.
    pub on_show_group: Callback<GroupId>,
    /// Ends the exercise once the answers are revealed, or takes the teacher
    /// trying it back.
    pub on_end: Callback<()>,
    /// The questions (sources as set positions).
    pub questions: Rc<Vec<SetQuestion>>,
    /// The student's answers.
    pub answers: Rc<Answers>,
    /// Changes the answers.
    pub on_answer: Callback<AnswersAction>,
}

/// One question as the student sees it, with its key in the page's source letters.
#[derive(Debug, PartialEq)]
struct Asked {
    prompt: String,
    key: Vec<String>,
    groups: Vec<GroupId>,
}

/// Prompts and keys for the current comparison; a question about a source switched off says so.
fn asked(comparison: &Comparison, questions: &[SetQuestion]) -> Vec<Asked> {
    let name = |r: SourceId| format!("source {}", source_letter(comparison.set_index(r)));
    let letter = |r: SourceId| source_letter(comparison.set_index(r));
    questions
        .iter()
        .map(|q| match comparison.question_in_report(q) {
            Some(q) => {
                let key = q.key(&comparison.report);
                Asked {
                    prompt: q.prompt(&comparison.report, name),
                    key: key.filled(letter),
                    groups: key.groups,
                }
            }
            None => Asked {
                prompt:
                    "This question is about a source that is switched off: switch it on to see it."
                        .to_owned(),
                key: Vec::new(),
                groups: Vec::new(),
            },
        })
        .collect()
}

/// The view.
#[component]
pub fn ExerciseView(props: &ExerciseProps) -> Html {
    let comparison = &props.comparison;
    // Keys read the whole report: worked out once per comparison, not at every keystroke.
    let asked: Rc<Vec<Asked>> = use_memo(
        (comparison.clone(), props.questions.clone()),
        |(comparison, questions)| asked(comparison, questions),
    );
    // While a student answers (exercise mode) the key stays hidden, also when a
    // teacher tries the exercise again after revealing it.
    let revealed = props.answers.shown == KeyShown::Revealed
        && matches!(props.mode, Mode::Compare | Mode::Review);
    let key_groups: Vec<GroupId> = if revealed {
        asked
            .iter()
            .flat_map(|a| a.groups.iter().copied())
            .collect()
    } else {
        Vec::new()
    };
    let on_name = props.on_answer.reform(|event: InputEvent| {
        AnswersAction::Name(
            event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    html! {
        <div class="exercise">
            <div class="exercise-intro">
                if props.mode == Mode::Trying {
                    <p class="trying">
                        { "You are trying the exercise as a student sees it. " }
                        <button type="button" class="link-button" onclick={props.on_end.reform(|_| ())}>
                            { "Back to the teacher's view" }
                        </button>
                    </p>
                }
                <h2 class="section-title">{ "Exercise" }</h2>
                <p>{ if revealed {
                    "The answers are revealed: each key is under your answer, and the sentences it points to are marked in the articles."
                } else {
                    "Read the articles and answer each question in your own words. When you have finished, reveal the answers: the key appears under each answer and the highlights come back."
                } }</p>
                <label class="field student-name">
                    <span>{ "Your name" }</span>
                    <input type="text" value={props.answers.name.clone()} oninput={on_name} autocomplete="name" />
                </label>
            </div>
            <div class="exercise-layout">
                <ol class="questions">
                    { for asked.iter().enumerate().map(|(n, a)| question(n, a, props, revealed)) }
                </ol>
                <ExerciseArticles comparison={comparison.clone()} {key_groups} />
            </div>
            { exercise_actions(&ActionsProps { revealed, answers: props.answers.clone(), asked: asked.clone(),
                on_answer: props.on_answer.clone(), on_end: props.on_end.clone() }) }
        </div>
    }
}

fn question(n: usize, asked: &Asked, props: &ExerciseProps, revealed: bool) -> Html {
    let id = format!("answer-{n}");
    let oninput = props.on_answer.reform(move |event: InputEvent| {
        AnswersAction::Answer(
            n,
            event
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value(),
        )
    });
    let comparison = &props.comparison;
    html! {
        <li class="question">
            <label for={id.clone()} class="prompt">{ asked.prompt.clone() }</label>
            <textarea id={id} rows="3" value={props.answers.answer(n).to_owned()} {oninput} />
            // Printed in place of the box, which would cut a long answer.
            <p class="print-answer" aria-hidden="true">{ props.answers.answer(n).to_owned() }</p>
            if revealed {
                <div class="answer-key">
                    <p class="key-title">{ "Answer key" }</p>
                    <ul>{ for asked.key.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ul>
                    { for asked.groups.iter().take(3).map(|&group| html! {
                        <button type="button" class="link-button" onclick={props.on_show_group.reform(move |_| group)}>
                            { format!("Show in the aligned sentences ({})", group_sources(comparison, group)) }
                        </button>
                    }) }
                </div>
            }
        </li>
    }
}

/// The letters of a group's sources: "A, B, D".
fn group_sources(comparison: &Comparison, group: GroupId) -> String {
    let Some(group) = comparison.report.group(group) else {
        return String::new();
    };
    let letters: Vec<String> = group
        .sources()
        .into_iter()
        .map(|s| source_letter(comparison.set_index(s)))
        .collect();
    letters.join(", ")
}

#[derive(Properties, PartialEq)]
struct ArticlesProps {
    comparison: Rc<Comparison>,
    key_groups: Vec<GroupId>,
}

/// The articles as plain text, one at a time; after the reveal, key sentences are marked.
#[component]
fn ExerciseArticles(props: &ArticlesProps) -> Html {
    let shown = use_state(|| SourceId::new(0));
    let comparison = &props.comparison;
    let count = comparison.report.sources.len();
    let current = (*shown).min(SourceId::new(count.saturating_sub(1)));
    html! {
        <section class="exercise-articles" aria-label="The articles">
            <div class="article-picker" role="group" aria-label="Article">
                { for comparison.report.source_ids().map(|r| {
                    let pressed = r == current;
                    let shown = shown.clone();
                    let name = comparison.source(r).map(|s| s.outlet_label().to_owned()).unwrap_or_default();
                    html! {
                        <button type="button" class={classes!("pick", pressed.then_some("on"))} aria-pressed={pressed.to_string()}
                            onclick={Callback::from(move |_| shown.set(r))} title={name}>
                            { badge(comparison.set_index(r)) }
                            <span class="visually-hidden">{ format!("Source {}", source_letter(comparison.set_index(r))) }</span>
                        </button>
                    }
                }) }
            </div>
            <p class="article-name">
                <strong>{ format!("Source {}", source_letter(comparison.set_index(current))) }</strong>
                { comparison.source(current).map(|s| format!(" · {}", s.outlet_label())).unwrap_or_default() }
            </p>
            <article class="plain-article">
                { plain_paragraphs(comparison, current, &props.key_groups) }
            </article>
        </section>
    }
}

fn plain_paragraphs(comparison: &Comparison, source: SourceId, key_groups: &[GroupId]) -> Html {
    let Some(report_source) = comparison.report.source(source) else {
        return Html::default();
    };
    let mut paragraphs: Vec<(usize, Vec<&SentenceReport>)> = Vec::new();
    for sentence in &report_source.sentences {
        match paragraphs.last_mut() {
            Some((p, list)) if *p == sentence.paragraph => list.push(sentence),
            _ => paragraphs.push((sentence.paragraph, vec![sentence])),
        }
    }
    paragraphs
        .into_iter()
        .map(|(p, sentences)| {
            html! {
                <p key={p}>
                    { for sentences.into_iter().map(|s| {
                        let text = format!("{} ", s.text);
                        if s.group.is_some_and(|g| key_groups.contains(&g)) {
                            html! { <mark class="key-sentence">{ text }</mark> }
                        } else if s.boilerplate {
                            html! { <span class="boilerplate">{ text }</span> }
                        } else {
                            html! { <span>{ text }</span> }
                        }
                    }) }
                </p>
            }
        })
        .collect()
}

/// What the exercise's buttons need.
struct ActionsProps {
    revealed: bool,
    answers: Rc<Answers>,
    asked: Rc<Vec<Asked>>,
    on_answer: Callback<AnswersAction>,
    on_end: Callback<()>,
}

/// Reveal, print, save, clear.
fn exercise_actions(props: &ActionsProps) -> Html {
    let revealed = props.revealed;
    let reveal = {
        let (on_answer, on_end) = (props.on_answer.clone(), props.on_end.clone());
        Callback::from(move |_| {
            if confirm("Reveal the answers? Your answers stay; the key and the highlights appear.")
            {
                on_answer.emit(AnswersAction::Reveal);
                on_end.emit(());
            }
        })
    };
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let save = {
        let (answers, asked) = (props.answers.clone(), props.asked.clone());
        Callback::from(move |_| {
            let prompts: Vec<String> = asked.iter().map(|a| a.prompt.clone()).collect();
            let keys: Vec<Vec<String>> = asked.iter().map(|a| a.key.clone()).collect();
            let text = answers_text(&answers, &prompts, revealed.then_some(&keys));
            let _ = files::download("my-answers.txt", "text/plain", &text);
        })
    };
    let clear = props.on_answer.reform(|_| AnswersAction::Clear);
    let clear = Callback::from(move |event: MouseEvent| {
        if confirm("Clear your name and every answer?") {
            clear.emit(event);
        }
    });
    html! {
        <div class="exercise-actions">
            if !revealed {
                <button type="button" class="primary" onclick={reveal}>{ "Reveal the answers" }</button>
            }
            <button type="button" onclick={print}>{ "Print my answers" }</button>
            <button type="button" onclick={save}>{ "Save my answers (.txt)" }</button>
            <button type="button" class="danger" onclick={clear}>{ "Clear my answers" }</button>
        </div>
    }
}

fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// The answers as a text file: name, then each question with the answer (and the key, once revealed).
pub fn answers_text(
    answers: &Answers,
    questions: &[String],
    keys: Option<&Vec<Vec<String>>>,
) -> String {
    let mut out = String::from("Crosscheck exercise\n");
    if !answers.name.trim().is_empty() {
        out.push_str(&format!("Name: {}\n", answers.name.trim()));
    }
    for (n, prompt) in questions.iter().enumerate() {
        out.push_str(&format!("\n{}. {prompt}\n", n + 1));
        let answer = answers.answer(n).trim();
        out.push_str(if answer.is_empty() {
            "(no answer)"
        } else {
            answer
        });
        out.push('\n');
        if let Some(lines) = keys.and_then(|k| k.get(n)) {
            out.push_str("Key:\n");
            for line in lines {
                out.push_str(&format!("  - {line}\n"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_file_lists_each_question_with_its_answer() {
        let answers = Answers {
            name: " Ana ".into(),
            texts: vec!["Source D: Wednesday".into()],
            ..Answers::default()
        };
        let questions = vec![
            "Which sources disagree on the day?".to_owned(),
            "What did B leave out?".to_owned(),
        ];
        let text = answers_text(&answers, &questions, None);
        assert_eq!(
            text,
            "Crosscheck exercise\nName: Ana\n\n1. Which sources disagree on the day?\nSource D: Wednesday\n\n2. What did B leave out?\n(no answer)\n"
        );
        let keys = vec![vec!["D says Wednesday".to_owned()], vec![]];
        assert!(
            answers_text(&answers, &questions, Some(&keys))
                .contains("Key:\n  - D says Wednesday\n")
        );
    }
}
