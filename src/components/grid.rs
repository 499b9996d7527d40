//! The aligned grid: toolbar (filter, search, order), then one row per group and one column per source.
//!
//! Each cell is that source's sentence with its word marks; an empty cell
//! says "not reported". `j` and `k` move focus to the next and previous row
//! whose details conflict or where a source adds details. On narrow screens the stylesheet turns rows into
//! stacked cards; every cell carries its source letter for that layout.

use std::rc::Rc;

use crosscheck_engine::{Correction, Group, GroupId, SourceId};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::comparison::{ArticleIndex, Comparison};
use crate::components::correcting::{
    BarProps, Fixes, RowMenu, corrections_bar, pick_banner, pick_target,
};
use crate::components::group_summary::spoken_summary;
use crate::components::marked::{MarkFocus, MarkedSentence, Marking};
use crate::components::possibly::absent_cell;
use crate::components::source_name::SourceName;
use crate::labels::{flag_label, group_heading, source_letter};
use crate::state::{Filter, Order, Pick};
use crate::view_model::{RowChoice, filter_counts, grid_rows};

/// What the grid shows and the three things a reader changes in its toolbar.
#[derive(Properties, PartialEq)]
pub struct GridProps {
    /// The comparison to show.
    pub comparison: Rc<Comparison>,
    /// Filter, search and order.
    pub rows: RowChoice,
    /// The row to bring into view and focus (a deep link, a flag's link).
    pub focus_group: Option<GroupId>,
    /// Picks a filter.
    pub on_filter: Callback<Filter>,
    /// Searches the sentences.
    pub on_search: Callback<String>,
    /// Orders the rows.
    pub on_order: Callback<Order>,
    /// The corrections made, in order.
    pub corrections: Rc<Vec<Correction>>,
    /// How many changes to the corrections can be undone and redone.
    pub history: (usize, usize),
    /// A correction waiting for its second row.
    pub picking: Option<Pick>,
    /// Makes corrections and picks rows.
    pub fixes: Fixes,
}

/// The aligned grid with its toolbar.
#[component]
pub fn AlignedGrid(props: &GridProps) -> Html {
    use_divergence_keys();
    use_effect_with(props.focus_group, |group| {
        if let Some(group) = group {
            focus_row(&format!("table.aligned tr[data-group='{group}'] > th"));
        }
    });
    let comparison = &props.comparison;
    let rows = grid_rows(comparison, &props.rows);
    let shown = use_rows_shown(
        rows.len(),
        comparison.report.sources.len(),
        props.focus_group,
    );
    html! {
        <>
            { toolbar(props) }
            { corrections_bar(&BarProps {
                comparison,
                corrections: &props.corrections,
                history: props.history,
                fixes: &props.fixes,
            }) }
            if let Some(pick) = &props.picking {
                { pick_banner(comparison, pick, &props.fixes) }
            }
            { legend() }
            <p class="row-count" role="status">{ format!("Showing {} of {} pieces of information", rows.len(), comparison.report.groups.len()) }</p>
            <a class="skip-link" href="#after-grid">{ "Skip past the aligned sentences" }</a>
            <div class="grid-scroll grid-box" tabindex="0" role="region" onkeydown={Callback::from(move_in_grid)}
                aria-label="Aligned sentences (scrollable; arrow keys move between rows and, inside a row, between its marks)">
                <table class="aligned" aria-describedby="grid-legend">
                    <thead>
                        <tr>
                            <th scope="col" class="row-head">{ "Information" }</th>
                            { for comparison.report.source_ids().map(|r| {
                                let set = comparison.set_index(r);
                                html! {
                                    <th scope="col" class="source-col">
                                        if let Some(source) = comparison.source(r) {
                                            <SourceName index={set} outlet={source.outlet.clone().map(AttrValue::from)} />
                                        }
                                    </th>
                                }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().take(shown).map(|&id| html! {
                            <GroupRow key={id.index()} comparison={comparison.clone()} group_id={id}
                                fixes={props.fixes.clone()} picking={props.picking.clone()} />
                        }) }
                    </tbody>
                </table>
            </div>
            <span id="after-grid" tabindex="-1"></span>
            if rows.is_empty() {
                <p class="notice">{ "No information matches this filter." }</p>
            }
        </>
    }
}

/// Cells the grid draws in one step: a step is one task, so the page stays
/// responsive while a large grid (100 sources, hundreds of rows) fills in.
const CELLS_PER_STEP: usize = 120;

/// Rows in the first step: as many as the first screen shows. At 1366×768
/// the grid's box starts about 470 px down, below the source bar, the tabs
/// and the toolbar, and its rows are 120–310 px tall (340–770 px on a
/// phone), so the first row fills the rest of the screen and the second
/// reaches past it on a screen 1,100 px tall. Each row is about 80 elements
/// to build, style and lay out while the page is cold (issue #19: six rows
/// were 511 of the first screen's 657 elements).
const FIRST_ROWS: usize = 2;

/// How many rows to draw: a first step of rows, then one more step after each
/// painted frame until every row is there; every row at once when a row is to
/// be focused (a link to it must find it).
#[hook]
fn use_rows_shown(rows: usize, sources: usize, focus: Option<GroupId>) -> usize {
    let step = (CELLS_PER_STEP / sources.max(1)).clamp(2, 64);
    let shown = use_state(|| step.min(FIRST_ROWS));
    {
        let shown = shown.clone();
        use_effect_with((*shown, rows), move |&(now, rows)| {
            if now < rows {
                after_next_frame(move || shown.set(now + step));
            }
        });
    }
    if focus.is_some() { usize::MAX } else { *shown }
}

/// Runs `then` in a task queued once the next frame is painted.
fn after_next_frame(then: impl FnOnce() + 'static) {
    let task = Closure::once_into_js(then);
    let after_frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    }
}

/// Filters, search and exports above the grid (a function: it redraws with the grid).
fn toolbar(props: &GridProps) -> Html {
    let state = &props.rows;
    let counts = filter_counts(&props.comparison);
    let oninput = props.on_search.reform(|event: InputEvent| {
        event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let on_omitted = props.on_filter.reform(|event: Event| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        value
            .parse()
            .map_or(Filter::All, |n| Filter::OmittedBy(ArticleIndex::new(n)))
    });
    let on_order = props.on_order.reform(|event: Event| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        value.parse().map_or(Order::Coverage, |n| {
            Order::SourceOrder(ArticleIndex::new(n))
        })
    });
    let included = props.comparison.included.clone();
    let source_options = |selected: Option<ArticleIndex>| -> Html {
        included
            .iter()
            .map(|&set| {
                let name = props
                    .comparison
                    .sources
                    .get(set.index())
                    .map(|s| s.outlet_label().to_owned())
                    .unwrap_or_default();
                html! {
                    <option value={set.to_string()} selected={selected == Some(set)}>
                        { format!("{} · {name}", source_letter(set)) }
                    </option>
                }
            })
            .collect()
    };
    let omitted = match state.filter {
        Filter::OmittedBy(set) => Some(set),
        _ => None,
    };
    let order = match state.order {
        Order::SourceOrder(set) => Some(set),
        Order::Coverage => None,
    };
    html! {
        <div class="toolbar">
            <div class="filters" role="group" aria-label="Show">
                { for counts.iter().map(|&(filter, count)| {
                    let pressed = state.filter == filter;
                    let onclick = props.on_filter.reform(move |_| filter);
                    html! {
                        <button type="button" class={classes!("filter", pressed.then_some("on"))}
                            aria-pressed={pressed.to_string()} {onclick}>
                            { format!("{} ({count})", filter_label(filter)) }
                        </button>
                    }
                }) }
            </div>
            <label class="select">
                <span>{ "Left out by" }</span>
                <select onchange={on_omitted}>
                    <option value="" selected={omitted.is_none()}>{ "—" }</option>
                    { source_options(omitted) }
                </select>
            </label>
            <label class="select">
                <span>{ "Order" }</span>
                <select onchange={on_order}>
                    <option value="" selected={order.is_none()}>{ "most reported first" }</option>
                    { for props.comparison.included.iter().map(|&set| html! {
                        <option value={set.to_string()} selected={order == Some(set)}>
                            { format!("as {} tells it", source_letter(set)) }
                        </option>
                    }) }
                </select>
            </label>
            <label class="search">
                <span class="visually-hidden">{ "Search the sentences" }</span>
                <input type="search" placeholder="Search the sentences" value={state.query.clone()} {oninput} />
            </label>
            <p class="key-hint">{ "Keys: " }<kbd>{ "j" }</kbd>{ " next difference, " }<kbd>{ "k" }</kbd>{ " previous; in the grid, arrows move between rows and marks" }</p>
        </div>
    }
}

fn filter_label(filter: Filter) -> &'static str {
    match filter {
        Filter::All => "All",
        Filter::Conflict => "Details conflict",
        Filter::Adds => "One adds details",
        Filter::Same => "Same information",
        Filter::Unique => "One source only",
        Filter::OmittedBy(_) => "Left out",
    }
}

#[derive(Properties, PartialEq)]
struct GroupRowProps {
    comparison: Rc<Comparison>,
    group_id: GroupId,
    fixes: Fixes,
    picking: Option<Pick>,
}

#[component]
fn GroupRow(props: &GroupRowProps) -> Html {
    let comparison = &props.comparison;
    let Some(group) = comparison.report.group(props.group_id) else {
        return Html::default();
    };
    let count = comparison.report.sources.len();
    let heading = group_heading(group, count, |s| source_letter(comparison.set_index(s)));
    html! {
        <tr class={classes!("group", group.status.as_str())} data-group={group.id.to_string()}>
            <th scope="row" class="row-head" tabindex="-1">
                <span aria-hidden="true">{ heading }</span>
                <span class="visually-hidden">{ spoken_summary(comparison, group) }</span>
                { for comparison.report.facts.flag_kinds_for_group(group.id).into_iter().map(|kind| html! {
                    <span class="row-flag">{ "⚑ " }{ flag_label(kind) }</span>
                }) }
                if let Some(by_hand) = group.by_hand {
                    <span class="by-hand">{ by_hand.words() }</span>
                }
                if let Some(pick) = &props.picking {
                    { pick_target(comparison, group, pick, &props.fixes) }
                } else {
                    <RowMenu comparison={comparison.clone()} group={group.id} fixes={props.fixes.clone()} />
                }
            </th>
            { for comparison.report.source_ids().map(|source| cell(comparison, group, source)) }
        </tr>
    }
}

fn cell(comparison: &Comparison, group: &Group, source: SourceId) -> Html {
    let label = source_letter(comparison.set_index(source));
    if group.member_of(source).is_none() {
        return absent_cell(&comparison.report, group, source, label, "not reported");
    }
    let is_reference = group.reference_member().is_some_and(|r| r.source == source);
    let marking = Marking::for_group_size(group.coverage());
    html! {
        <td class={classes!("cell", is_reference.then_some("reference"))} data-source-label={label}>
            // One sentence, or two when this source says in two what another says in one.
            { for group.members_of(source).filter_map(|member| {
                let sentence = comparison.report.sentence(member.source, member.sentence)?;
                Some(html! {
                    <MarkedSentence sentence={sentence.clone()} marks={member.marks.clone()} {is_reference} {marking} focus={MarkFocus::Roving} />
                })
            }) }
            if is_reference && group.coverage() > 1 {
                <span class="ref-tag">{ "reference" }</span>
            }
        </td>
    }
}

/// What the marks mean (a function, not a component: see `components/mod.rs`).
fn legend() -> Html {
    html! {
        <p class="legend" id="grid-legend">
            <span>{ "Each row is one piece of information; each column one source." }</span>
            <span class="legend-item"><mark class="m-conflict">{ "highlighted" }</mark>{ ": details conflict (another number, day, name or quoted word)" }</span>
            <span class="legend-item"><span class="m-added">{ "underlined" }</span>{ ": a detail only this version gives" }</span>
            <span class="legend-item"><span class="m-reworded">{ "dotted" }</span>{ ": the same information in other words" }</span>
            <span class="legend-item"><span class="not-reported">{ "not reported" }</span>{ ": the source leaves it out" }</span>
            <span class="legend-item"><span class="possibly-tag">{ "possibly here" }</span>{ ": a sentence of that source may carry it; check before you count it" }</span>
        </p>
    }
}

/// `j` / `k` anywhere on the page (outside text fields) focus the next / previous row whose details conflict or where a source adds details.
#[hook]
fn use_divergence_keys() {
    use_effect_with((), |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            let step = match event.key().as_str() {
                "j" => 1,
                "k" => -1,
                _ => return,
            };
            if event.ctrl_key() || event.meta_key() || event.alt_key() || typing_in_a_field(&event)
            {
                return;
            }
            event.prevent_default();
            focus_divergence(step);
        });
        if let Some(doc) = &document {
            let _ =
                doc.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(doc) = document {
                let _ = doc.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// The arrow keys inside the grid, which is one Tab stop: up and down move
/// between rows (their headings), left and right between what can be focused
/// in a row (its Correct menu and its marks, whose labels show on focus).
fn move_in_grid(event: KeyboardEvent) {
    let (rows, across) = match event.key().as_str() {
        "ArrowDown" => (1, 0),
        "ArrowUp" => (-1, 0),
        "ArrowRight" => (0, 1),
        "ArrowLeft" => (0, -1),
        _ => return,
    };
    if typing_in_a_field(&event) {
        return;
    }
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let row = target.closest("tr.group").ok().flatten();
    let next = match (&row, rows) {
        (Some(row), 0) => neighbour(
            row,
            "th.row-head, summary, .m-conflict, .m-added",
            &target,
            across,
        ),
        (Some(row), step) => {
            sibling_row(row, step).and_then(|r| r.query_selector("th.row-head").ok().flatten())
        }
        (None, 1) => target
            .query_selector("tr.group > th.row-head")
            .ok()
            .flatten(),
        (None, _) => None,
    };
    if let Some(next) = next.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        event.prevent_default();
        let _ = next.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        next.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The element `step` places after (or before) `current` among those of `row` matching `css`.
fn neighbour(
    row: &web_sys::Element,
    css: &str,
    current: &web_sys::Element,
    step: i32,
) -> Option<web_sys::Element> {
    let list = row.query_selector_all(css).ok()?;
    let items: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect();
    let at = items
        .iter()
        .position(|e| e == current)
        .or_else(|| items.iter().position(|e| e.contains(Some(current))))?;
    let next = at.checked_add_signed(step as isize)?;
    items.get(next).cloned()
}

/// The row `step` rows after (or before) `row`.
fn sibling_row(row: &web_sys::Element, step: i32) -> Option<web_sys::Element> {
    match step {
        1 => row.next_element_sibling(),
        _ => row.previous_element_sibling(),
    }
}

fn typing_in_a_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn focus_divergence(step: i32) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all("table.aligned tr:is(.conflict, .adds) > th") else {
        return;
    };
    let rows: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    if rows.is_empty() {
        return;
    }
    let active = document.active_element();
    let current = rows.iter().position(|row| {
        active
            .as_ref()
            .is_some_and(|a| a == row.as_ref() as &web_sys::Element)
    });
    let next = match (current, step) {
        (None, 1) => 0,
        (None, _) => rows.len() - 1,
        (Some(at), 1) => (at + 1).min(rows.len() - 1),
        (Some(at), _) => at.saturating_sub(1),
    };
    focus_and_center(&rows[next]);
}

/// Focuses the element matching `css` and scrolls it to the middle of the screen.
fn focus_row(css: &str) {
    let row = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(css).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(row) = row {
        focus_and_center(&row);
    }
}

fn focus_and_center(row: &HtmlElement) {
    let _ = row.focus();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    row.scroll_into_view_with_scroll_into_view_options(&options);
}
