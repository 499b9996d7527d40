//! The printable worksheet: a source comparison matrix with blanks for students, or filled in from the report as the teacher's key.
//!
//! The matrix comes from the engine ([`crosscheck_engine::classroom::worksheet`]);
//! this component lays it out as a preview that prints on its own (the rest of
//! the page is hidden in print while a sheet is open): landscape, black and
//! white, rows never split across pages.

use crosscheck_engine::classroom::{Column, Worksheet, worksheet};
use crosscheck_engine::{Headline, SourceId};
use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::shared::KitProps;
use crate::labels::source_letter;

/// Which sheet is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sheet {
    /// Empty cells for students to fill in.
    Blank,
    /// Cells filled from the report.
    Key,
}

/// The worksheet section of the "For the class" view.
#[component]
pub fn WorksheetSection(props: &KitProps) -> Html {
    let open = use_state(|| None::<Sheet>);
    let show = |sheet: Sheet| {
        let open = open.clone();
        Callback::from(move |_| open.set(Some(sheet)))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(None))
    };
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <section aria-labelledby="worksheet-title" class="kit-section worksheet-section">
            <h2 id="worksheet-title" class="section-title">{ "Worksheet" }</h2>
            <p>{ "A table to fill in for each source: who, what happened, when, where, numbers, quotes and what it leaves out. The answer key is the same table filled in from the comparison. Both print in black and white on A4 or Letter, across the page." }</p>
            <div class="tool-row">
                <button type="button" onclick={show(Sheet::Blank)} aria-pressed={(*open == Some(Sheet::Blank)).to_string()}>{ "Show the worksheet" }</button>
                <button type="button" onclick={show(Sheet::Key)} aria-pressed={(*open == Some(Sheet::Key)).to_string()}>{ "Show the answer key" }</button>
                if open.is_some() {
                    <button type="button" class="primary" onclick={print}>{ "Print" }</button>
                    <button type="button" onclick={close}>{ "Close" }</button>
                }
            </div>
            if let Some(sheet) = *open {
                { sheet_html(&props.comparison, &worksheet(&props.comparison.report), sheet) }
            }
        </section>
    }
}

fn sheet_html(comparison: &Comparison, matrix: &Worksheet, sheet: Sheet) -> Html {
    let letter = |r: SourceId| source_letter(comparison.set_index(r));
    let title = match sheet {
        Sheet::Blank => "Comparing the sources: worksheet",
        Sheet::Key => "Comparing the sources: answer key",
    };
    html! {
        <div class={classes!("sheet", matches!(sheet, Sheet::Key).then_some("key"))}>
            <div class="sheet-head">
                <h3>{ title }</h3>
                if sheet == Sheet::Blank {
                    <p class="sheet-name">{ "Name: ____________________   Date: ____________" }</p>
                }
            </div>
            <ul class="sheet-sources">
                { for matrix.rows.iter().map(|row| {
                    let source = comparison.source(row.source);
                    let headline = source.map(|s| match s.headline() {
                        Headline::Stated(t) => t.to_owned(),
                        Headline::Excerpt(w) => w,
                        Headline::Untitled => String::new(),
                    }).unwrap_or_default();
                    let outlet = source.and_then(|s| s.outlet.clone()).map(|o| format!(" · {o}")).unwrap_or_default();
                    html! { <li><strong>{ letter(row.source) }</strong>{ format!("{outlet} · “{headline}”") }</li> }
                }) }
            </ul>
            <table class="sheet-table">
                <colgroup>
                    <col class="col-source" />
                    { for Column::ALL.iter().map(|c| html! { <col class={format!("col-{}", column_class(*c))} /> }) }
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">{ "Source" }</th>
                        { for Column::ALL.iter().map(|c| html! { <th scope="col">{ c.label() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for matrix.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ letter(row.source) }</th>
                            { for Column::ALL.iter().map(|&column| match sheet {
                                Sheet::Blank => html! { <td class="blank"></td> },
                                Sheet::Key => {
                                    let cell = row.cell(column);
                                    html! {
                                        <td>
                                            <ul>
                                                { for cell.iter().flat_map(|c| c.entries.iter()).map(|e| html! { <li>{ e.clone() }</li> }) }
                                                if let Some(more) = cell.map(|c| c.more()).filter(|&m| m > 0) {
                                                    <li class="more">{ format!("and {more} more") }</li>
                                                }
                                            </ul>
                                        </td>
                                    }
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// A class name for a column's width.
fn column_class(column: Column) -> &'static str {
    match column {
        Column::Who => "who",
        Column::What => "what",
        Column::When => "when",
        Column::Where => "where",
        Column::Numbers => "numbers",
        Column::Quotes => "quotes",
        Column::Omissions => "left-out",
    }
}
