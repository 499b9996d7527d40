//! The Articles view: add (pick, drop, paste), edit, reorder and remove articles; save and load sessions.
//!
//! Everything happens in the page. Files are read with the browser's file API
//! and turned into articles by `crosscheck-import`; links are shown, never
//! fetched. The library's context ([`crate::components::shared::LibraryContext`])
//! carries the articles and the ways to change them; files are read by
//! [`crate::loading`].

use crosscheck_engine::Headline;
use crosscheck_import::limits::MAX_SESSION_BYTES;
use crosscheck_import::readable_size;
use crosscheck_import::session::{Article, to_file};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::comparison::ArticleIndex;
use crate::components::paste_form::PasteForm;
use crate::components::shared::LibraryContext;
use crate::components::source_name::badge;
use crate::files;
use crate::library::{Field, LibraryAction};
use crate::loading;
use crate::messages::Message;

/// The Articles view: a function, not a component, and so are its parts but
/// the rows (each component costs the page's wasm about 2 KB; see
/// `components/mod.rs`). Its caller holds the library's context.
pub fn articles_view(context: &LibraryContext) -> Html {
    html! {
        <div class="articles-view">
            { add_articles(context) }
            <section aria-labelledby="your-articles">
                <h2 id="your-articles" class="section-title">{ format!("Your articles ({})", context.articles.len()) }</h2>
                <ol class="article-list">
                    { for context.articles.iter().enumerate().map(|(index, article)| html! {
                        <ArticleRow key={article.source.id.clone()} {index} article={article.clone()} count={context.articles.len()} />
                    }) }
                </ol>
            </section>
            { session_tools(context) }
        </div>
    }
}

fn add_articles(context: &LibraryContext) -> Html {
    let onchange = {
        let context = context.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let list = files::list(input.files());
            input.set_value("");
            loading::add_files(list, context.clone());
        })
    };
    html! {
        <section class="add-articles" aria-labelledby="add-title">
            <h2 id="add-title" class="section-title">{ "Add articles" }</h2>
            <div class="add-row">
                <label class="file-button">
                    <input type="file" id="add-files" multiple=true
                        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" {onchange} />
                    <span>{ "Choose files…" }</span>
                </label>
                <p class="hint">{ "Text (.txt), Markdown (.md) or web pages saved from a browser (.html). You can also drop files anywhere on this page. Nothing is uploaded: everything stays in this browser." }</p>
            </div>
            <PasteForm />
            <p class="hint">
                { "Crosscheck never opens links: a page like this one cannot read other websites, and nothing leaves your computer. To compare an article from the web, save the page in your browser (Ctrl+S or ⌘S, \"Webpage\") and drop the saved file here, or copy its text and paste it." }
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleRowProps {
    index: usize,
    article: Article,
    count: usize,
}

/// Article `index` of the set, its fields and its buttons: a component, so
/// that a row is drawn again only when its article changes (a 5 MB
/// article's word count and headline take a while).
#[component]
fn ArticleRow(props: &ArticleRowProps) -> Html {
    let context = use_context::<LibraryContext>().expect("library context");
    let index = props.index;
    let article = &props.article;
    let source = &article.source;
    let field = |field: Field, label: &'static str, value: Option<String>, hint: String| {
        let onchange = context.edit.reform(move |event: Event| {
            LibraryAction::Edit(
                index,
                field,
                event.target_unchecked_into::<HtmlInputElement>().value(),
            )
        });
        html! {
            <label class="field">
                <span>{ label }</span>
                <input type={if field == Field::Url { "url" } else { "text" }} value={value.unwrap_or_default()}
                    placeholder={hint} {onchange} />
            </label>
        }
    };
    let up = context.edit.reform(move |_| LibraryAction::Move {
        from: index,
        to: index.saturating_sub(1),
    });
    let down = context.edit.reform(move |_| LibraryAction::Move {
        from: index,
        to: index + 1,
    });
    let remove = context.edit.reform(move |_| LibraryAction::Remove(index));
    let words = source.word_count();
    html! {
        <li class="article-row" data-article={source.id.clone()}>
            <div class="article-head">
                { badge(ArticleIndex::new(index)) }
                <span class="article-file">{ source.file.clone().unwrap_or_else(|| source.id.clone()) }</span>
                <span class="words">{ format!("{words} words") }</span>
                if let Some(url) = &article.url {
                    <a class="article-link" href={url.clone()} target="_blank" rel="noopener noreferrer nofollow">{ "link" }</a>
                }
            </div>
            <div class="article-fields">
                { field(Field::Title, "Headline", source.title.clone(), headline_hint(source)) }
                { field(Field::Outlet, "Outlet", source.outlet.clone(), "unnamed source".to_owned()) }
                { field(Field::Date, "Date", source.date.clone(), "e.g. 2025-03-17".to_owned()) }
                { field(Field::Url, "Link", article.url.clone(), "https://…".to_owned()) }
            </div>
            <div class="article-actions">
                <button type="button" onclick={up} disabled={index == 0} aria-label={format!("Move article {} up", index + 1)}>{ "↑ Up" }</button>
                <button type="button" onclick={down} disabled={index + 1 >= props.count} aria-label={format!("Move article {} down", index + 1)}>{ "↓ Down" }</button>
                <button type="button" class="danger" onclick={remove} aria-label={format!("Remove article {}", index + 1)}>{ "Remove" }</button>
            </div>
        </li>
    }
}

/// What an empty headline field shows: the opening words used in its place.
fn headline_hint(source: &crosscheck_engine::Source) -> String {
    match source.headline() {
        Headline::Excerpt(words) => format!("none stated; shown as “{words}”"),
        Headline::Stated(_) | Headline::Untitled => "none stated".to_owned(),
    }
}

fn session_tools(context: &LibraryContext) -> Html {
    let export = {
        let context = context.clone();
        Callback::from(move |_| {
            // Only what the page can open again is exported (issue #17, item 3).
            let json = match to_file(&context.session()) {
                Ok(json) => json,
                Err(size) => {
                    context.notify.emit(vec![Message::error(format!(
                        "The session was not exported: it would be {}, more than Crosscheck opens \
                         ({}). Remove an article to export the rest.",
                        readable_size(size),
                        readable_size(MAX_SESSION_BYTES)
                    ))]);
                    return;
                }
            };
            if let Err(why) = files::download("crosscheck-session.json", "application/json", &json)
            {
                context.notify.emit(vec![Message::error(format!(
                    "The session could not be exported: {why}."
                ))]);
            }
        })
    };
    let open = {
        let context = context.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = files::list(input.files()).into_iter().next() {
                loading::open_session_file(file, context.clone());
            }
            input.set_value("");
        })
    };
    let restore = {
        let context = context.clone();
        Callback::from(move |_| {
            context.edit.emit(LibraryAction::RestoreSamples);
            context
                .notify
                .emit(vec![Message::info("The sample set is back.")]);
        })
    };
    let start_over = {
        let context = context.clone();
        Callback::from(move |_| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message("Start over? This removes all articles from Crosscheck in this browser. (Export the session first to keep a copy.)").ok())
                .unwrap_or(false);
            if sure {
                context.edit.emit(LibraryAction::Replace(Vec::new()));
            }
        })
    };
    html! {
        <section class="session-tools" aria-labelledby="session-title">
            <h2 id="session-title" class="section-title">{ "Keep and move your work" }</h2>
            <p class="hint">{ "Your articles, questions and corrections are saved in this browser as you go. To move them to another computer, export the session and open it there. “Open a session…” also reads a corrections file downloaded from the aligned view." }</p>
            <div class="tool-row">
                <button type="button" onclick={export}>{ "Export session (.json)" }</button>
                <label class="file-button">
                    <input type="file" id="open-session" accept=".json,application/json" onchange={open} />
                    <span>{ "Open a session…" }</span>
                </label>
                <button type="button" onclick={restore}>{ "Restore the sample set" }</button>
                <button type="button" class="danger" onclick={start_over}>{ "Start over" }</button>
            </div>
        </section>
    }
}
