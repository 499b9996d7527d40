//! Renders a [`Report`] as a plain-text aligned table, Markdown, CSV or a printable HTML page, from the report alone, facts section last.
//!
//! The CLI prints these and the snapshot tests store the plain text, so a
//! person reviewing a snapshot sees what a user sees. Notation, per member
//! row (the reference row is marked `*`):
//!
//! ```text
//! {!words!}            a detail in conflict with the other side's ("Tuesday" against "Wednesday")
//! {+words+}            a detail only this side gives (a number, date, name, quoted words)
//! {~words~}            other words: the same information said differently
//! [-old-]{!new!}       the reference's words "old" that these replace
//! Kiev(=Kyiv)          the same word, spelled differently from the reference
//! ```
//!
//! The reference row uses the same marks against its members, without
//! `[-old-]`. Unique sentences are shown plain. The group heading says the
//! status in the words every front end uses ([`Status::words`]).
//!
//! [`csv()`] gives one row per group and source for a spreadsheet, and
//! [`html()`] a self-contained page to print; each module says how it draws
//! the marks. Renderers write the articles' text as it is; what goes to a
//! terminal (the CLI) shows control characters instead of obeying them
//! ([`printable()`], [`into_printable()`]).

use std::fmt::Write;

mod csv;
mod facts;
mod html;
mod printable;

pub use self::csv::csv;
pub use self::html::html;
pub use self::printable::{into_printable, printable};

use crate::report::{Group, Mark, MarkKind, Member, Relation, Report, Status};

/// The plain-text aligned table.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    summary(report, &mut out);
    let _ = writeln!(
        out,
        "\nNotation: {{!words!}} a detail in conflict · {{+words+}} a detail only this source gives · {{~words~}} the same information in other words\n          [-reference-] the reference's words they replace · word(=reference) spelling variant · * reference"
    );
    for group in &report.groups {
        let _ = writeln!(out, "\n{}", group_heading(report, group));
        for member in &group.members {
            let star = if member.relation == Relation::Reference {
                '*'
            } else {
                ' '
            };
            let _ = writeln!(
                out,
                "  {star} [{}] {}",
                member.source,
                member_text(report, group, member, Style::Plain)
            );
        }
        group_footer(report, group, "    ", &mut out);
    }
    boilerplate(report, &mut out);
    facts::text(report, &mut out);
    out
}

/// The Markdown version: a table of sources, then one table per group.
pub fn markdown(report: &Report) -> String {
    let mut out = String::from(
        "# Crosscheck report\n\n| # | Source | Outlet | Sentences | Boilerplate | Omits |\n|---|---|---|---|---|---|\n",
    );
    for (index, source) in report.sources.iter().enumerate() {
        let boilerplate = source.sentences.iter().filter(|s| s.boilerplate).count();
        let _ = writeln!(
            out,
            "| {index} | {} | {} | {} | {boilerplate} | {} |",
            cell(&source.id),
            cell(source.outlet.as_deref().unwrap_or("unnamed source")),
            source.sentences.len(),
            source.omitted.len()
        );
    }
    notices(report, &mut out);
    out.push_str("\nMarks: **a detail in conflict**, _a detail only this source gives_, ~~the reference's words~~ they replace, word (=reference spelling); other wording is shown plain.\n");
    for group in &report.groups {
        let _ = writeln!(
            out,
            "\n## {}\n\n| Source | Sentence |\n|---|---|",
            group_heading(report, group)
        );
        for member in &group.members {
            let who = if member.relation == Relation::Reference {
                format!("**{}** (reference)", member.source)
            } else {
                member.source.to_string()
            };
            let _ = writeln!(
                out,
                "| {who} | {} |",
                member_text(report, group, member, Style::Markdown)
            );
        }
        let mut footer = String::new();
        group_footer(report, group, "", &mut footer);
        if !footer.is_empty() {
            let _ = write!(out, "\n{footer}");
        }
    }
    facts::markdown(report, &mut out);
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Markdown,
}

fn summary(report: &Report, out: &mut String) {
    let _ = writeln!(
        out,
        "Crosscheck: {} sources, {} groups ({})",
        report.sources.len(),
        report.groups.len(),
        status_counts(report)
    );
    for (index, source) in report.sources.iter().enumerate() {
        let boilerplate = source.sentences.iter().filter(|s| s.boilerplate).count();
        let _ = writeln!(
            out,
            "  [{index}] {} · {} · {} · {boilerplate} boilerplate · omits {}",
            source.id,
            source.outlet.as_deref().unwrap_or("unnamed source"),
            count(source.sentences.len(), "sentence"),
            count(source.omitted.len(), "group")
        );
    }
    notices(report, out);
}

/// "2 details conflict, 3 adds details, 9 same information, 40 one source only".
pub(crate) fn status_counts(report: &Report) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .map(|&status| {
            let n = report.groups.iter().filter(|g| g.status == status).count();
            format!("{n} {}", status.words())
        })
        .collect();
    parts.join(", ")
}

/// "1 sentence", "2 sentences".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn notices(report: &Report, out: &mut String) {
    for notice in &report.notices {
        let _ = writeln!(out, "Notice: {}", notice.message);
    }
}

fn group_heading(report: &Report, group: &Group) -> String {
    let status = group.status.words();
    let by_hand = group
        .by_hand
        .map_or(String::new(), |b| format!(" · {}", b.words()));
    format!(
        "Group {} · {status} · {} of {} sources{by_hand}",
        group.id,
        group.coverage(),
        report.sources.len()
    )
}

fn group_footer(report: &Report, group: &Group, indent: &str, out: &mut String) {
    if group.status == Status::Unique {
        return;
    }
    if !group.missing.is_empty() {
        let missing: Vec<String> = group.missing.iter().map(|s| format!("[{s}]")).collect();
        let _ = writeln!(out, "{indent}missing: {}", missing.join(" "));
    }
    for e in &group.elsewhere {
        let text = report
            .sentence(e.source, e.sentence)
            .map_or("", |s| s.text.as_str());
        let _ = writeln!(
            out,
            "{indent}possibly in [{}], group {} ({}%): {}",
            e.source,
            e.group,
            (e.score * 100.0).round() as u32,
            one_line(text)
        );
    }
}

/// A member's sentence with its marks drawn in.
fn member_text(report: &Report, group: &Group, member: &Member, style: Style) -> String {
    let Some(sentence) = report.sentence(member.source, member.sentence) else {
        return String::new();
    };
    if group.status == Status::Unique {
        return escape(&one_line(&sentence.text), style);
    }
    let reference = group.reference_member().map(|r| r.source);
    let slice = |start: usize, end: usize, of: &crate::report::SentenceReport| -> String {
        of.text
            .get(start.saturating_sub(of.start)..end.saturating_sub(of.start))
            .unwrap_or("")
            .to_owned()
    };
    let is_reference = member.relation == Relation::Reference;
    // A replacement split by moved words shows the replaced words once.
    let mut shown_against = None;
    let mut out = String::new();
    for Mark {
        start,
        end,
        kind,
        variant_of,
        against,
    } in &member.marks
    {
        let words = escape(&one_line(&slice(*start, *end, sentence)), style);
        let old = match (against, reference) {
            (Some(span), Some(r)) if !is_reference && shown_against != Some(*span) => {
                shown_against = Some(*span);
                escape(&one_line(&report.text_of(r, span.start, span.end)), style)
            }
            _ => String::new(),
        };
        let drawn = match (kind, variant_of) {
            (MarkKind::Shared, Some(of)) => format!("{words}(={})", escape(of, style)),
            _ => draw(*kind, &words, &old, style),
        };
        out.push_str(&drawn);
    }
    out
}

/// Changed words as the notation draws them (`old`: the reference's words
/// they replace, empty when none or already shown).
fn draw(kind: MarkKind, words: &str, old: &str, style: Style) -> String {
    let old = match (old.is_empty(), style) {
        (true, _) => String::new(),
        (false, Style::Plain) => format!("[-{old}-]"),
        (false, Style::Markdown) => format!("~~{old}~~ "),
    };
    match (kind, style) {
        (MarkKind::Shared, _) => words.to_owned(),
        (MarkKind::Conflict, Style::Plain) => format!("{old}{{!{words}!}}"),
        (MarkKind::Conflict, Style::Markdown) => format!("{old}**{words}**"),
        (MarkKind::Added, Style::Plain) => format!("{old}{{+{words}+}}"),
        (MarkKind::Added, Style::Markdown) => format!("{old}_{words}_"),
        (MarkKind::Reworded, Style::Plain) => format!("{old}{{~{words}~}}"),
        // Rewording is not a difference in what is reported: shown plain.
        (MarkKind::Reworded, Style::Markdown) => words.to_owned(),
    }
}

/// A quotation member's or a sentence's marked words in the plain notation.
pub(crate) fn draw_plain(kind: MarkKind, words: &str, old: &str) -> String {
    draw(kind, words, old, Style::Plain)
}

fn boilerplate(report: &Report, out: &mut String) {
    if !report
        .sources
        .iter()
        .any(|s| s.sentences.iter().any(|t| t.boilerplate))
    {
        return;
    }
    let _ = writeln!(out, "\nBoilerplate (not compared):");
    for (index, source) in report.sources.iter().enumerate() {
        for sentence in source.sentences.iter().filter(|s| s.boilerplate) {
            let kind = sentence
                .boilerplate_kind
                .map_or_else(String::new, |k| format!("{k:?}").to_lowercase());
            let _ = writeln!(out, "  [{index}] {kind}: {}", one_line(&sentence.text));
        }
    }
}

/// The letter a reader knows a source by: A…Z for sources 0 to 25, then AA, AB…
///
/// ```
/// use crosscheck_engine::render::source_letter;
/// assert_eq!([0, 25, 26, 27, 701].map(source_letter), ["A", "Z", "AA", "AB", "ZZ"]);
/// ```
pub fn source_letter(index: usize) -> String {
    let mut n = index;
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A count as people write it, with commas between thousands.
///
/// ```
/// use crosscheck_engine::render::thousands;
/// assert_eq!(
///     [0, 999, 81_234, 1_000_000, 1_234_567].map(thousands),
///     ["0", "999", "81,234", "1,000,000", "1,234,567"]
/// );
/// ```
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Line breaks inside a sentence shown as spaces, so each member stays on one row.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str, style: Style) -> String {
    match style {
        Style::Plain => text.to_owned(),
        Style::Markdown => cell(text),
    }
}

/// Text made safe for a Markdown table cell: Markdown marks escaped, and `<`
/// written as `&lt;` so that a viewer never reads article text as HTML.
fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('~', "\\~")
}

#[cfg(test)]
mod tests {
    use crate::report::Report;
    use crate::{Config, compare};

    /// Every renderer on a report, which must not panic; returns the CSV to look at.
    fn check(report: &Report, expect_csv_rows: usize) {
        let _ = (super::text(report), super::markdown(report));
        let page = super::html(report);
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
        let csv = super::csv(report);
        assert_eq!(csv.split_terminator("\r\n").count(), 1 + expect_csv_rows);
    }

    #[test]
    fn regression_markdown_never_carries_article_markup() {
        let source = |id: &str, text: &str| crate::Source {
            id: id.into(),
            text: text.into(),
            ..crate::Source::default()
        };
        let sources = [
            source(
                "a",
                "Officials met on Tuesday. <script>alert(1)</script> Fish & chips were served.",
            ),
            source(
                "b",
                "Officials met on Tuesday. Nothing else happened <b>here</b>.",
            ),
        ];
        let md = super::markdown(&compare(&sources, &Config::default()));
        assert!(!md.contains("<script") && !md.contains("<b>"), "{md}");
        assert!(
            md.contains("&lt;b>here&lt;/b>") && md.contains("&amp; chips"),
            "{md}"
        );
    }

    #[test]
    fn no_sources_render_headers_only() {
        check(&compare(&[], &Config::default()), 0);
    }

    /// A report read from JSON may point at sources, sentences and bytes that do not exist.
    #[test]
    fn inconsistent_reports_render_without_panicking() {
        let json = r#"{
            "schema": "crosscheck-report/1",
            "sources": [
                { "id": "a", "title": null, "outlet": null, "file": null,
                  "sentences": [ { "start": 10, "end": 14, "text": "Oné", "boilerplate": false, "group": 0 } ] }
            ],
            "groups": [
                { "id": 0, "status": "conflict", "reference": 7, "missing": [9],
                  "elsewhere": [ { "source": 0, "sentence": 40, "group": 99 } ],
                  "members": [
                    { "source": 0, "sentence": 0, "relation": "conflict",
                      "marks": [ { "start": 0, "end": 12, "kind": "conflict", "against": { "start": 50, "end": 3 } },
                                 { "start": 11, "end": 13, "kind": "added" } ] },
                    { "source": 5, "sentence": 3, "relation": "same", "marks": [] }
                  ] },
                { "id": 1, "status": "unique", "reference": 0, "missing": [],
                  "members": [ { "source": 0, "sentence": 8, "relation": "reference", "marks": [] } ] }
            ],
            "facts": { "flags": [ { "kind": "number-conflict", "severity": "conflict", "group": 4,
                                    "sides": [ { "source": 3, "sentence": 1, "group": 0, "start": 9, "end": 2, "text": "x" } ],
                                    "explanation": "Source {3} and {99999999999999999999} {" } ],
                       "quantities": [ { "source": 0, "sentence": 0, "group": 0, "start": 100, "end": 90, "text": "9",
                                         "kind": "amount", "value": 9.0, "low": 9.0, "high": null } ] }
        }"#;
        let report: Report = serde_json::from_str(json).expect("the test report parses");
        check(&report, 2);
    }
}
