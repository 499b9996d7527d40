//! The Facts view: flagged details (numbers, days, quotes, names), quotes by speaker, numbers and dates per source, names and their spellings, shared wording.
//!
//! Everything comes from the report's `facts` section; each flag links to its
//! row in the aligned grid.

use crosscheck_engine::report::{Flag, GroupId, QuoteGroup};
use yew::prelude::*;

use crate::comparison::Comparison;
use crate::components::marked::MarkedSentence;
use crate::components::numbers::numbers_and_dates;
use crate::components::source_name::badge;
use crate::labels::{flag_label, quote_relation_label, source_letter};

/// The Facts view (a function, not a component: its props change with every
/// state change anyway). `on_show_group` opens a group's row in the grid.
pub fn facts_view(comparison: &Comparison, on_show_group: &Callback<GroupId>) -> Html {
    let facts = &comparison.report.facts;
    html! {
        <div class="facts">
            <section aria-labelledby="flags-title">
                <h2 id="flags-title" class="section-title">{ format!("Details to check ({})", facts.flags.len()) }</h2>
                if facts.flags.is_empty() {
                    <p class="notice">{ "No numbers, days, quotes or names were found to differ." }</p>
                }
                <ul class="flag-list">
                    { for facts.flags.iter().map(|flag| flag_item(comparison, flag, on_show_group)) }
                </ul>
            </section>
            { quotes_by_speaker(comparison) }
            { numbers_and_dates(comparison, on_show_group) }
            <section aria-labelledby="names-title">
                <h2 id="names-title" class="section-title">{ "Names and their spellings" }</h2>
                <ul class="name-list">
                    { for facts.names.iter().filter(|n| n.forms.len() > 1).map(|name| html! {
                        <li>
                            <strong>{ name.name.clone() }</strong>{ ": " }
                            { for name.forms.iter().map(|form| html! {
                                <span class="name-form">
                                    { format!("“{}” ", form.text) }
                                    { for form.sources.iter().map(|&s| html! { { badge(comparison.set_index(s)) } }) }
                                </span>
                            }) }
                        </li>
                    }) }
                </ul>
            </section>
            <section aria-labelledby="wording-title">
                <h2 id="wording-title" class="section-title">{ "Same wording" }</h2>
                <p class="hint">{ "Long runs of identical words (outside quotations): likely shared wire copy or a press release." }</p>
                <ul class="wording-list">
                    { for facts.shared_wording.iter().map(|shared| html! {
                        <li>
                            { for shared.sources.iter().zip(&shared.shares).map(|(&s, share)| html! {
                                <span class="name-form">{ badge(comparison.set_index(s)) }{ format!(" {}% of its words ", (share * 100.0).round() as u32) }</span>
                            }) }
                            { format!("· {} words in {} run(s)", shared.words, shared.runs.len()) }
                            if let Some(run) = shared.runs.first() {
                                <blockquote>{ format!("“{}”", run.text) }</blockquote>
                            }
                        </li>
                    }) }
                </ul>
            </section>
        </div>
    }
}

/// Quotations grouped by who said them; a quotation several sources carry is shown side by side with its word marks.
fn quotes_by_speaker(comparison: &Comparison) -> Html {
    let facts = &comparison.report.facts;
    let speakers = facts.quotes_by_speaker();
    html! {
        <section aria-labelledby="quotes-title">
            <h2 id="quotes-title" class="section-title">{ "Quotations by speaker" }</h2>
            <div class="speakers">
                { for speakers.iter().map(|(speaker, quotes)| {
                    let mut shown_groups: Vec<usize> = Vec::new();
                    html! {
                        <section class="speaker">
                            <h3>{ speaker.unwrap_or("Not attributed") }</h3>
                            <ul class="quote-list">
                                { for quotes.iter().filter_map(|quote| match quote.quote_group {
                                    Some(g) if shown_groups.contains(&g) => None,
                                    Some(g) => {
                                        shown_groups.push(g);
                                        facts.quote_groups.get(g).map(|group| quote_group(comparison, group))
                                    }
                                    None => Some(html! {
                                        <li class="quote">{ badge(comparison.set_index(quote.at.source)) }{ format!(" “{}”", quote.text) }</li>
                                    }),
                                }) }
                            </ul>
                        </section>
                    }
                }) }
            </div>
        </section>
    }
}

fn quote_group(comparison: &Comparison, group: &QuoteGroup) -> Html {
    html! {
        <li class="quote quote-group">
            <ul class="quote-members">
                { for group.members.iter().enumerate().map(|(index, member)| {
                    // Only the quoted words, cut from the sentence as written.
                    let piece = comparison.report.sentence(member.at.source, member.at.sentence)
                        .and_then(|s| s.cut(member.at.start, member.at.end));
                    let Some(piece) = piece else {
                        return Html::default();
                    };
                    html! {
                        <li>
                            { badge(comparison.set_index(member.at.source)) }
                            <span class="quote-relation">{ quote_relation_label(member.relation) }</span>
                            <MarkedSentence sentence={piece} marks={member.marks.clone()} is_reference={index == group.reference} />
                        </li>
                    }
                }) }
            </ul>
        </li>
    }
}

fn flag_item(comparison: &Comparison, flag: &Flag, on_show_group: &Callback<GroupId>) -> Html {
    let group = flag
        .group
        .or_else(|| flag.sides.iter().find_map(|s| s.at.group));
    html! {
        <li class={classes!("flag", flag.severity.as_str())}>
            <p class="flag-head">
                <span class="flag-kind">{ flag_label(flag.kind) }</span>
                { flag.explain(|s| source_letter(comparison.set_index(s))) }
            </p>
            <ul class="flag-sides">
                { for flag.sides.iter().map(|side| html! {
                    <li>{ badge(comparison.set_index(side.at.source)) }{ format!(" “{}”", side.text) }</li>
                }) }
            </ul>
            if let Some(group) = group {
                <button type="button" class="link-button" onclick={on_show_group.reform(move |_| group)}>
                    { "Show in the aligned sentences" }
                </button>
            }
        </li>
    }
}
