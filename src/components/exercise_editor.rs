//! The teacher's exercise editor: pick questions from templates or write your own, reorder, remove, try it as a student.
//!
//! Questions are stored with set positions (see `library.rs`); suggested
//! ones come from the engine ([`crosscheck_engine::classroom::templates`]).

use std::rc::Rc;

use crosscheck_engine::classroom::{Question, SentenceAnchor, templates};
use crosscheck_engine::excerpt::excerpt;
use crosscheck_engine::{GroupId, SourceId};
use yew::prelude::*;

use crate::comparison::{ArticleIndex, Comparison, SetQuestion};
use crate::components::shared::LibraryContext;
use crate::labels::source_letter;
use crate::library::LibraryAction;

/// The question templates a teacher picks from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Template {
    WhichSourcesReport,
    OnlyIn,
    NumberDiffers,
    DayDiffers,
    QuoteWorded,
    NameSpelled,
    LeftOut,
    Custom,
}

impl Template {
    const ALL: [Template; 8] = [
        Template::WhichSourcesReport,
        Template::OnlyIn,
        Template::NumberDiffers,
        Template::DayDiffers,
        Template::QuoteWorded,
        Template::NameSpelled,
        Template::LeftOut,
        Template::Custom,
    ];

    fn label(self) -> &'static str {
        match self {
            Template::WhichSourcesReport => "Which sources report …?",
            Template::OnlyIn => "Find a detail only … reports",
            Template::NumberDiffers => "Which number differs between sources?",
            Template::DayDiffers => "Which sources disagree on the day?",
            Template::QuoteWorded => "Which quote is worded differently?",
            Template::NameSpelled => "Which name is spelled differently?",
            Template::LeftOut => "What did … leave out?",
            Template::Custom => "My own question",
        }
    }

    fn needs_source(self) -> bool {
        matches!(self, Template::OnlyIn | Template::LeftOut)
    }
}

/// What the add form holds.
#[derive(Clone, Debug, PartialEq, Default)]
struct Draft {
    template: usize,
    source: ArticleIndex,
    group: Option<GroupId>,
    text: String,
    key: String,
}

impl Draft {
    /// The question the form describes, with set positions; `None` while incomplete.
    fn question(&self, comparison: &Comparison) -> Option<SetQuestion> {
        let template = *Template::ALL.get(self.template)?;
        let question = match template {
            Template::WhichSourcesReport => {
                let group = comparison.report.group(self.group?)?;
                let member = group.reference_member()?;
                Question::WhichSourcesReport {
                    anchor: SentenceAnchor {
                        source: comparison.set_index(member.source),
                        sentence: member.sentence,
                    },
                }
            }
            Template::OnlyIn => Question::OnlyIn {
                source: self.source,
            },
            Template::LeftOut => Question::LeftOut {
                source: self.source,
            },
            Template::NumberDiffers => Question::NumberDiffers,
            Template::DayDiffers => Question::DayDiffers,
            Template::QuoteWorded => Question::QuoteWorded,
            Template::NameSpelled => Question::NameSpelled,
            Template::Custom if self.text.trim().is_empty() => return None,
            Template::Custom => Question::Custom {
                text: self.text.trim().to_owned(),
                key: self.key.trim().to_owned(),
            },
        };
        Some(question)
    }
}

/// What the exercise editor works on.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The comparison the questions are about.
    pub comparison: Rc<Comparison>,
    /// Opens the exercise as a student sees it.
    pub on_try: Callback<()>,
}

/// The editor section of the "For the class" view.
#[component]
pub fn ExerciseEditor(props: &EditorProps) -> Html {
    let context = use_context::<LibraryContext>().expect("library context");
    let comparison = &props.comparison;
    let draft = use_state(|| Draft {
        source: comparison
            .included
            .first()
            .copied()
            .unwrap_or(ArticleIndex::new(0)),
        ..Draft::default()
    });
    let questions = context.questions.clone();
    let set = {
        let edit = context.edit.clone();
        move |list: Vec<SetQuestion>| edit.emit(LibraryAction::SetQuestions(list))
    };
    let suggest = {
        let (comparison, questions, set) = (comparison.clone(), questions.clone(), set.clone());
        Callback::from(move |_| {
            let mut list = (*questions).clone();
            for q in templates(&comparison.report) {
                if let Some(q) = comparison.question_in_set(&q)
                    && !list.contains(&q)
                {
                    list.push(q);
                }
            }
            set(list);
        })
    };
    let add = {
        let (comparison, questions, set, draft) = (
            comparison.clone(),
            questions.clone(),
            set.clone(),
            draft.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(q) = draft.question(&comparison) {
                let mut list = (*questions).clone();
                list.push(q);
                set(list);
                draft.set(Draft {
                    text: String::new(),
                    key: String::new(),
                    ..(*draft).clone()
                });
            }
        })
    };
    let try_it = props.on_try.reform(|_| ());
    let name = |r: SourceId| format!("source {}", source_letter(comparison.set_index(r)));
    html! {
        <section aria-labelledby="exercise-title" class="kit-section">
            <h2 id="exercise-title" class="section-title">{ format!("Exercise ({} questions)", questions.len()) }</h2>
            <p>{ "Students see the articles without highlights, answer these questions, then reveal the answers: the key appears under each answer. The questions travel with the page you save for the class." }</p>
            <ol class="question-list">
                { for questions.iter().enumerate().map(|(n, q)| {
                    let prompt = comparison.question_in_report(q).map_or_else(
                        || "(about a source switched off)".to_owned(),
                        |q| q.prompt(&comparison.report, name),
                    );
                    let up = { let (questions, set) = (questions.clone(), set.clone()); Callback::from(move |_| {
                        let mut list = (*questions).clone();
                        if n > 0 { list.swap(n, n - 1); }
                        set(list);
                    }) };
                    let remove = { let (questions, set) = (questions.clone(), set.clone()); Callback::from(move |_| {
                        let mut list = (*questions).clone();
                        list.remove(n);
                        set(list);
                    }) };
                    html! {
                        <li>
                            <span class="question-text">{ prompt }</span>
                            <span class="question-tools">
                                <button type="button" onclick={up} disabled={n == 0} aria-label={format!("Move question {} up", n + 1)}>{ "↑" }</button>
                                <button type="button" class="danger" onclick={remove} aria-label={format!("Remove question {}", n + 1)}>{ "Remove" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ol>
            <div class="tool-row">
                <button type="button" onclick={suggest}>{ "Add suggested questions" }</button>
                <button type="button" class="primary" onclick={try_it} disabled={questions.is_empty()}>{ "Try it as a student" }</button>
            </div>
            { add_form(comparison, &draft, add) }
        </section>
    }
}

/// A callback that applies `change` with the value of the input or select the event came from.
fn edit<E: TargetCast + 'static>(
    draft: &UseStateHandle<Draft>,
    change: fn(&mut Draft, String),
) -> Callback<E> {
    let draft = draft.clone();
    Callback::from(move |event: E| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        let mut next = (*draft).clone();
        change(&mut next, value);
        draft.set(next);
    })
}

fn add_form(
    comparison: &Comparison,
    draft: &UseStateHandle<Draft>,
    onsubmit: Callback<SubmitEvent>,
) -> Html {
    let template = Template::ALL
        .get(draft.template)
        .copied()
        .unwrap_or(Template::Custom);
    let shared: Vec<&crosscheck_engine::Group> = comparison
        .report
        .groups
        .iter()
        .filter(|g| g.coverage() > 1)
        .collect();
    let ready = draft.question(comparison).is_some();
    html! {
        <form class="add-question" {onsubmit}>
            <label class="field">
                <span>{ "Add a question" }</span>
                <select onchange={edit::<Event>(draft, |d, v| { d.template = v.parse().unwrap_or(0); d.group = None; })}>
                    { for Template::ALL.iter().enumerate().map(|(i, t)| html! {
                        <option value={i.to_string()} selected={i == draft.template}>{ t.label() }</option>
                    }) }
                </select>
            </label>
            if template.needs_source() {
                <label class="field">
                    <span>{ "Source" }</span>
                    <select onchange={edit::<Event>(draft, |d, v| d.source = ArticleIndex::new(v.parse().unwrap_or(0)))}>
                        { for comparison.included.iter().map(|&set| html! {
                            <option value={set.to_string()} selected={set == draft.source}>
                                { format!("{} · {}", source_letter(set), comparison.sources.get(set.index()).map(|s| s.outlet_label().to_owned()).unwrap_or_default()) }
                            </option>
                        }) }
                    </select>
                </label>
            }
            if template == Template::WhichSourcesReport {
                <label class="field wide">
                    <span>{ "About this sentence" }</span>
                    <select onchange={edit::<Event>(draft, |d, v| d.group = v.parse().ok().map(GroupId::new))}>
                        <option value="" selected={draft.group.is_none()}>{ "— pick a sentence two or more sources report —" }</option>
                        { for shared.iter().map(|g| {
                            let text = comparison.report.reference_sentence(g).map(|s| excerpt(&s.text, 14)).unwrap_or_default();
                            html! { <option value={g.id.to_string()} selected={draft.group == Some(g.id)}>{ format!("({} sources) {text}", g.coverage()) }</option> }
                        }) }
                    </select>
                </label>
            }
            if template == Template::Custom {
                <label class="field wide">
                    <span>{ "Question" }</span>
                    <input type="text" value={draft.text.clone()} oninput={edit::<InputEvent>(draft, |d, v| d.text = v)} />
                </label>
                <label class="field wide">
                    <span>{ "Answer key (shown after the reveal)" }</span>
                    <input type="text" value={draft.key.clone()} oninput={edit::<InputEvent>(draft, |d, v| d.key = v)} />
                </label>
            }
            <button type="submit" disabled={!ready}>{ "Add" }</button>
        </form>
    }
}
