//! "Paste an article": text plus optional headline, outlet, date and link; a half-typed draft survives a reload.

use crosscheck_import::PastedMeta;
use serde::Serialize;
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::analysis::import;
use crate::components::shared::LibraryContext;
use crate::importing;
use crate::storage;

/// What the user has typed so far.
/// Read back by hand from a generic JSON value (see `answers.rs`), which
/// also reads what was kept of a draft cut off part way.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Draft {
    text: String,
    title: String,
    outlet: String,
    date: String,
    url: String,
}

impl Draft {
    /// The draft as stored, or `None` when it cannot be read.
    pub fn from_json(json: &str) -> Option<Draft> {
        let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(json) else {
            return None;
        };
        let field = |name: &str| {
            fields
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        Some(Draft {
            text: field("text"),
            title: field("title"),
            outlet: field("outlet"),
            date: field("date"),
            url: field("url"),
        })
    }

    /// The draft as stored.
    pub fn to_json(&self) -> String {
        // Pretty, like every other JSON the app writes: the wasm then holds
        // one JSON formatter, not two (0.6 KB of the gzipped page).
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// What can be read of a stored draft that was cut off part way (storage
    /// full): its fields up to the cut, read from the JSON closed there.
    pub fn recover(json: &str) -> Option<Draft> {
        // A lone `\\` at the cut would escape the closing quote.
        let backslashes = json.bytes().rev().take_while(|&b| b == b'\\').count();
        let mut end = json.len() - backslashes % 2;
        for _ in 0..6 {
            for close in ["\"}", "}", "\"\"}", ":\"\"}"] {
                if let Some(draft) = Draft::from_json(&format!("{}{close}", &json[..end])) {
                    return Some(draft).filter(|d| !d.is_empty());
                }
            }
            // Drop a last character that breaks the closing (half a `\u0041`).
            end = json[..end].char_indices().next_back()?.0;
        }
        None
    }

    fn is_empty(&self) -> bool {
        *self == Draft::default()
    }

    fn meta(&self) -> PastedMeta {
        let field = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        PastedMeta {
            title: field(&self.title),
            outlet: field(&self.outlet),
            date: field(&self.date),
            url: field(&self.url),
        }
    }
}

/// Which draft field an input edits.
#[derive(Clone, Copy)]
enum Part {
    Title,
    Outlet,
    Date,
    Url,
}

/// The longest draft kept across a reload.
const MAX_DRAFT_BYTES: usize = 1024 * 1024;

/// The paste form.
#[component]
pub fn PasteForm() -> Html {
    let context = use_context::<LibraryContext>().expect("library context");
    let draft = use_state(|| {
        storage::load_draft()
            .and_then(|json| Draft::from_json(&json))
            .unwrap_or_default()
    });
    // Open at first when a draft was restored; after that the reader opens and closes it.
    let open_at_start = *use_state(|| !draft.is_empty());
    // The text area is not bound to the draft: yew reads a bound value back
    // from the page at every render to compare it, which for a 5 MB paste is
    // 5 MB copied into the program each time (issue #17). It starts with the
    // restored draft and is emptied here after an article is added.
    let text_area = use_node_ref();
    let restored = use_memo((), |()| AttrValue::from(draft.text.clone()));
    use_effect_with((*draft).clone(), |draft| {
        // A paste of megabytes is not kept as a draft: localStorage could not
        // hold it, and writing it took a tenth of the paste's time (issue #17).
        let json = Some(draft)
            .filter(|d| !d.is_empty() && d.text.len() <= MAX_DRAFT_BYTES)
            .map(|d| d.to_json());
        storage::save_draft(json.as_deref());
    });
    let on_text = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            draft.set(Draft {
                text,
                ..(*draft).clone()
            });
        })
    };
    let on_field = |part: Part| {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*draft).clone();
            match part {
                Part::Title => next.title = value,
                Part::Outlet => next.outlet = value,
                Part::Date => next.date = value,
                Part::Url => next.url = value,
            }
            draft.set(next);
        })
    };
    let onsubmit = {
        let draft = draft.clone();
        let text_area = text_area.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (draft, text_area, context) = (draft.clone(), text_area.clone(), context.clone());
            // Read in a worker (`app/analysis/import.rs`); the page stays responsive meanwhile.
            wasm_bindgen_futures::spawn_local(async move {
                let text = draft.text.clone();
                let read = import::pasted(&text, draft.meta()).await;
                let outcome = importing::pasted(&context.articles, read);
                let area = text_area.cast::<HtmlTextAreaElement>();
                // Emptied for the next article, unless the reader has typed another meanwhile
                // (its length tells, without copying 5 MB out of the page again).
                let same = |a: &HtmlTextAreaElement| {
                    a.text_length() as usize == text.encode_utf16().count()
                };
                if !outcome.added.is_empty() && area.as_ref().is_none_or(same) {
                    draft.set(Draft::default());
                    if let Some(area) = area {
                        area.set_value("");
                    }
                    // Emptying 5 MB from the text area is a task's work already: the article is added in the next.
                    crate::app::save::next_task().await;
                }
                context.apply(outcome);
            });
        })
    };
    html! {
        <details class="paste" open={open_at_start}>
            <summary>{ "Paste an article" }</summary>
            <form class="paste-form" {onsubmit}>
                <label class="wide">{ "Article text" }
                    <textarea id="paste-text" rows="8" required=true placeholder="Paste the article's text here"
                        ref={text_area} defaultvalue={(*restored).clone()} oninput={on_text} />
                </label>
                <label>{ "Headline (optional)" }
                    <input id="paste-title" type="text" value={draft.title.clone()} oninput={on_field(Part::Title)} /></label>
                <label>{ "Outlet (optional)" }
                    <input id="paste-outlet" type="text" value={draft.outlet.clone()} oninput={on_field(Part::Outlet)} /></label>
                <label>{ "Date (optional)" }
                    <input id="paste-date" type="text" placeholder="2025-03-17" value={draft.date.clone()} oninput={on_field(Part::Date)} /></label>
                <label>{ "Link (optional, never opened by Crosscheck)" }
                    <input id="paste-url" type="url" placeholder="https://…" value={draft.url.clone()} oninput={on_field(Part::Url)} /></label>
                <button type="submit" class="primary">{ "Add this article" }</button>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(stored: &str, expect: Option<&str>) {
        let read = Draft::from_json(stored).or_else(|| Draft::recover(stored));
        assert_eq!(read.map(|d| d.text).as_deref(), expect, "{stored}");
    }

    #[test]
    fn a_draft_cut_off_in_storage_gives_back_what_was_typed() {
        // Issue #17, item 4: a cut-off draft was dropped at start-up without a word.
        let whole = Draft {
            text: "Talks \"began\"\nin Riyadh.".into(),
            title: "Talks".into(),
            ..Draft::default()
        };
        assert_eq!(Draft::from_json(&whole.to_json()), Some(whole));
        check(r#"{"text":"Half-typed article"#, Some("Half-typed article"));
        check(
            r#"{"text":"Ends in an escape \"#,
            Some("Ends in an escape "),
        );
        check(r#"{"text":"Whole","title":"Cut"#, Some("Whole"));
        check(r#"{"text""#, None);
        check("", None);
    }
}
