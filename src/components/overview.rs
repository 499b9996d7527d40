//! The overview: figures per source, the coverage matrix and the similarity matrix.
//!
//! "What did B leave out?" opens the grid filtered to exactly the groups B
//! does not report.

use crosscheck_engine::SourceId;
use crosscheck_engine::excerpt::excerpt;
use crosscheck_engine::overview::{Coverage, coverage};
use yew::prelude::*;

use crate::comparison::{ArticleIndex, Comparison};
use crate::components::source_name::{SourceName, badge};
use crate::labels::source_letter;

/// The overview (a function, not a component: its props change with every
/// state change anyway). `on_show_omitted_by` opens the grid on what a
/// source (a position in the loaded set) leaves out.
pub fn overview_view(comparison: &Comparison, on_show_omitted_by: &Callback<ArticleIndex>) -> Html {
    html! {
        <div class="overview">
            { notices(comparison) }
            <h2 class="section-title">{ "Each source at a glance" }</h2>
            <ul class="figures">
                { for comparison.report.source_ids().map(|r| figure_card(comparison, r, on_show_omitted_by)) }
            </ul>
            <div class="matrices">
                { coverage_matrix(comparison) }
                { similarity_matrix(comparison) }
            </div>
        </div>
    }
}

/// What the reader should know about how the comparison was done, first
/// thing on the Overview: the report's notices that concern no one source
/// (too few sources, corrections that no longer fit), and how many concern
/// a source (each is on that source's card below).
fn notices(comparison: &Comparison) -> Html {
    let notices = &comparison.report.notices;
    if notices.is_empty() {
        return Html::default();
    }
    let on_cards = notices.iter().filter(|n| n.source.is_some()).count();
    html! {
        <section class="report-notices" aria-labelledby="notices-title">
            <h2 class="section-title" id="notices-title">{ "How this comparison was made" }</h2>
            <ul>
                { for notices.iter().filter(|n| n.source.is_none()).map(|n| html! { <li>{ n.message.clone() }</li> }) }
                if on_cards > 0 {
                    <li>{ format!("{on_cards} notice{} about single sources, on their cards below: what was cut or not compared is never counted as only in one source or left out by the others.", if on_cards == 1 { "" } else { "s" }) }</li>
                }
            </ul>
        </section>
    }
}

fn figure_card(
    comparison: &Comparison,
    report_index: SourceId,
    on_show_omitted_by: &Callback<ArticleIndex>,
) -> Html {
    let set = comparison.set_index(report_index);
    let (Some(figures), Some(source)) = (
        comparison.report.overview.sources.get(report_index.index()),
        comparison.source(report_index),
    ) else {
        return Html::default();
    };
    let letter = source_letter(set);
    let onclick = on_show_omitted_by.reform(move |_| set);
    let percent = (figures.shared_share * 100.0).round() as u32;
    html! {
        <li class="figure-card" data-source={set.to_string()}>
            <SourceName index={set} outlet={source.outlet.clone().map(AttrValue::from)} />
            <dl>
                <div><dt>{ "Sentences compared" }</dt><dd>{ figures.sentences }</dd></div>
                if figures.not_compared > 0 {
                    <div class="not-compared"><dt>{ "Words not compared (past the limits)" }</dt><dd>{ figures.not_compared }</dd></div>
                }
                <div><dt>{ "Also reported by others" }</dt><dd>{ format!("{percent}%") }</dd></div>
                <div><dt>{ "Details only it has" }</dt><dd>{ figures.only_here.len() }</dd></div>
                <div><dt>{ "Details in conflict" }</dt><dd>{ figures.conflicts.len() }</dd></div>
                <div><dt>{ "Leaves out (reported by 2+ others)" }</dt><dd>{ figures.omits.len() }</dd></div>
            </dl>
            { for comparison.report.notices.iter().filter(|n| n.source == Some(report_index)).map(|n| html! {
                <p class="card-notice">{ "⚠ " }{ n.message.clone() }</p>
            }) }
            <button type="button" class="link-button omitted-button" {onclick}>
                { format!("What did {letter} leave out?") }
            </button>
        </li>
    }
}

/// Most cells the coverage matrix draws: each is three elements, and 4,000
/// of them (a 5 MB article beside the seed set) made the Overview's drawing
/// one task of about 250 ms (issue #17). The seed set's 940 are all drawn.
const MATRIX_CELLS: usize = 1_500;

/// Which source reports which piece of information (a function: it redraws with the overview).
fn coverage_matrix(comparison: &Comparison) -> Html {
    let count = comparison.report.sources.len();
    let groups = comparison.report.groups.len();
    // A matrix of 100 sources by thousands of rows would take seconds to draw.
    let shown = (MATRIX_CELLS / count.max(1)).max(30).min(groups);
    html! {
        <section class="matrix coverage-matrix" aria-labelledby="coverage-title">
            <h2 class="section-title" id="coverage-title">{ "Who reports what" }</h2>
            <p class="legend">
                <span class="cov same">{ "✓ reports it" }</span>
                <span class="cov conflict">{ "≠ details conflict" }</span>
                <span class="cov elsewhere">{ "~ possibly in another sentence" }</span>
                <span class="cov not-reported">{ "– not reported" }</span>
                if comparison.report.groups.iter().any(|g| !g.not_compared.is_empty()) {
                    <span class="cov not-compared">{ "? not compared in full" }</span>
                }
            </p>
            <div class="grid-scroll matrix-scroll" tabindex="0" role="region" aria-label="Who reports what (scrollable)">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ "Information (most reported first)" }</th>
                            { for comparison.report.source_ids().map(|r| {
                                let set = comparison.set_index(r);
                                html! { <th scope="col" class="matrix-col">{ badge(set) }<span class="visually-hidden">{ format!("Source {}", source_letter(set)) }</span></th> }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for comparison.report.groups.iter().take(shown).map(|group| {
                            let label = comparison.report.reference_sentence(group)
                                .map(|s| excerpt(&s.text, 9)).unwrap_or_default();
                            html! {
                                <tr>
                                    <th scope="row" class="matrix-row" title={label.clone()}>{ label }</th>
                                    { for comparison.report.source_ids().map(|r| coverage_cell(coverage(group, r))) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if shown < groups {
                <p class="hint">{ format!("The {shown} most reported of {groups} pieces of information; the aligned sentences show them all.") }</p>
            }
        </section>
    }
}

fn coverage_cell(value: Coverage) -> Html {
    let (class, symbol, words) = match value {
        Coverage::Same => ("same", "✓", "reports it"),
        Coverage::Conflict => ("conflict", "≠", "reports it with a detail in conflict"),
        Coverage::Elsewhere => ("elsewhere", "~", "possibly in another sentence"),
        Coverage::NotCompared => (
            "not-compared",
            "?",
            "not among its compared sentences; the rest was not compared",
        ),
        Coverage::NotReported => ("not-reported", "–", "not reported"),
    };
    html! {
        <td class={classes!("cov", class)} title={words}>
            <span aria-hidden="true">{ symbol }</span>
            <span class="visually-hidden">{ words }</span>
        </td>
    }
}

/// How alike each pair of sources is (a function: it redraws with the overview).
fn similarity_matrix(comparison: &Comparison) -> Html {
    let ids = comparison.report.source_ids();
    html! {
        <section class="matrix similarity-matrix" aria-labelledby="similarity-title">
            <h2 class="section-title" id="similarity-title">{ "How alike the sources are" }</h2>
            <p class="hint">{ "Share of the information either source reports that both report." }</p>
            <table>
                <thead>
                    <tr>
                        <td></td>
                        { for ids.clone().map(|r| html! { <th scope="col">{ badge(comparison.set_index(r)) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for ids.clone().map(|a| html! {
                        <tr>
                            <th scope="row">{ badge(comparison.set_index(a)) }</th>
                            { for ids.clone().map(|b| {
                                let value = comparison.report.overview.similarity.get(a.index()).and_then(|row| row.get(b.index())).copied().unwrap_or(0.0);
                                let percent = (value * 100.0).round() as u32;
                                let level = (value * 4.0).round() as u32;
                                html! { <td class={classes!("sim", format!("sim-{level}"))}>{ if a == b { "—".to_owned() } else { format!("{percent}%") } }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
