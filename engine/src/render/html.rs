//! Renders a [`Report`] as one self-contained, printable HTML document: summary, sources, aligned groups, fact flags, numbers and dates.
//!
//! The page is meant to be printed or saved as PDF and handed out, so it has
//! no script, loads nothing (its Content-Security-Policy forbids it) and
//! reads in black and white: marks differ by weight, slant and underline,
//! never by colour alone, and a legend says which is which.
//!
//! ```text
//! Trump spoke by phone on **Wednesday**      <strong class="differs">: worded differently
//! … on Tuesday, /in Kiev's absence/          <em class="only">: only in this source
//! ```
//!
//! Every piece of text that comes from an article, a file name or the engine
//! goes through [`escape`], so an article holding `<script>` shows it as text.
//! Sources are lettered A, B, C… by report index, as in the app.

use std::fmt::Write;

use crate::facts::details::DetailItem;
use crate::report::{Group, MarkKind, Member, Relation, Report, Severity, SourceId, Status};

use super::facts::{flag_kinds, where_flag};
use super::source_letter as letter;

/// Print and screen styles: A4 and Letter both fit inside 15 mm margins.
const STYLE: &str = r#"@page { margin: 15mm; }
html { color: #000; background: #fff; }
body { margin: 1.5rem; font: 10.5pt/1.45 Georgia, "Times New Roman", Times, serif; }
@media print { body { margin: 0; font-size: 9.5pt; } }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.25em; margin: 1.5em 0 .4em; break-after: avoid; page-break-after: avoid; }
p, ul { margin: .3em 0 .6em; }
table { width: 100%; border-collapse: collapse; margin: .4em 0 1em; }
table.grid { table-layout: fixed; }
table.grid thead th:first-child { width: 9.5em; }
table.grid td { overflow-wrap: anywhere; }
th, td { border: 1px solid #000; padding: .25em .4em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead { display: table-header-group; }
thead th { background: #eee; font-family: Helvetica, Arial, sans-serif; font-size: .9em; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody th { font-weight: normal; font-family: Helvetica, Arial, sans-serif; font-size: .85em; }
tbody th.letter { font-weight: bold; font-size: 1em; }
td.nowrap { white-space: nowrap; }
.conflict { font-weight: bold; text-decoration-line: underline; text-decoration-style: double; }
.added { font-style: italic; text-decoration-line: underline; text-decoration-style: dotted; }
.variant { font-size: .85em; }
.tag { font-family: Helvetica, Arial, sans-serif; font-size: .75em; font-weight: normal; text-transform: uppercase; letter-spacing: .04em; border: 1px solid #000; padding: 0 .25em; white-space: nowrap; }
.absent { color: #444; font-family: Helvetica, Arial, sans-serif; font-size: .85em; }
.outlet { display: block; font-weight: normal; }
.flag { font-weight: bold; }
.legend { font-size: .9em; }
"#;

/// The report as a complete HTML document.
///
/// ```
/// # use crosscheck_engine::{compare, render, seeds, Config};
/// let report = compare(&seeds::bundled(), &Config::default());
/// let page = render::html(&report);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(!page.contains("<script"));
/// ```
pub fn html(report: &Report) -> String {
    let mut out = String::new();
    head(&mut out);
    summary(report, &mut out);
    sources(report, &mut out);
    groups(report, &mut out);
    flags(report, &mut out);
    numbers_and_dates(report, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// Text made safe anywhere in the document, attribute values included.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn head(out: &mut String) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n\
         <title>Crosscheck report</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
    );
}

fn summary(report: &Report, out: &mut String) {
    let flags = &report.facts.flags;
    let graded = |s: Severity| flags.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        out,
        "<h1>Crosscheck report</h1>\n<p>{} · {}: {} · {}: {} conflict, {} to check, {} {}</p>",
        super::count(report.sources.len(), "source"),
        super::count(report.groups.len(), "group"),
        super::status_counts(report),
        super::count(flags.len(), "fact flag"),
        graded(Severity::Conflict),
        graded(Severity::Check),
        graded(Severity::Note),
        if graded(Severity::Note) == 1 {
            "note"
        } else {
            "notes"
        }
    );
    if report.notices.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for notice in &report.notices {
        let _ = writeln!(out, "<li>Notice: {}</li>", escape(&notice.message));
    }
    out.push_str("</ul>\n");
}

fn sources(report: &Report, out: &mut String) {
    out.push_str(
        "<h2>Sources</h2>\n<table>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Id</th>\
         <th scope=\"col\">Outlet</th><th scope=\"col\">Headline</th><th scope=\"col\">Date</th>\
         <th scope=\"col\">Sentences</th><th scope=\"col\">Boilerplate</th>\
         <th scope=\"col\">Groups not reported</th></tr></thead>\n<tbody>\n",
    );
    let or_dash = |text: Option<&str>| {
        text.map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(|| "—".to_owned(), escape)
    };
    for (index, source) in report.sources.iter().enumerate() {
        let boilerplate = source.sentences.iter().filter(|s| s.boilerplate).count();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\" class=\"letter\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{boilerplate}</td><td>{}</td></tr>",
            letter(index),
            escape(&source.id),
            escape(outlet(source.outlet.as_deref())),
            or_dash(source.title.as_deref()),
            or_dash(source.date.as_deref()),
            source.sentences.len(),
            source.omitted.len()
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The outlet's name, or "unnamed source".
fn outlet(outlet: Option<&str>) -> &str {
    match outlet.map(str::trim) {
        Some(name) if !name.is_empty() => name,
        _ => "unnamed source",
    }
}

/// The head row of a table with a first column and one column per source.
fn source_columns(report: &Report, first: &str, out: &mut String) {
    let _ = write!(
        out,
        "<table class=\"grid\">\n<thead><tr><th scope=\"col\">{first}</th>"
    );
    for (index, source) in report.sources.iter().enumerate() {
        let _ = write!(
            out,
            "<th scope=\"col\">{}<span class=\"outlet\">{}</span></th>",
            letter(index),
            escape(outlet(source.outlet.as_deref()))
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn groups(report: &Report, out: &mut String) {
    out.push_str(
        "<h2>Aligned sentences</h2>\n<p class=\"legend\">One row per group: sentences from different \
         sources that report the same information, each compared with the row’s reference \
         sentence (tagged <span class=\"tag\">reference</span>). \
         <strong class=\"conflict\">Bold words with a double underline</strong> are a detail in \
         conflict with the reference’s (another number, day or name for the same thing); \
         <em class=\"added\">italic words with a dotted underline</em> are a detail only this \
         source gives. Other wording is shown plain: it is the same information in other words. \
         In the reference cell the same marks show its details in conflict with, or missing from, \
         another source. A word followed by <span class=\"variant\">(=Kyiv)</span> is \
         spelled differently from the reference. A sentence only one source has is shown \
         unmarked.</p>\n",
    );
    if report.groups.is_empty() {
        out.push_str("<p>No groups.</p>\n");
        return;
    }
    source_columns(report, "Group", out);
    for group in &report.groups {
        group_row(report, group, out);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn group_row(report: &Report, group: &Group, out: &mut String) {
    let kinds = flag_kinds(report, group.id);
    let flags = if kinds.is_empty() {
        String::new()
    } else {
        format!("<br>Flags: {}", escape(&kinds.join(", ")))
    };
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}{flags}</th>",
        escape(&super::group_heading(report, group))
    );
    for index in report.source_ids() {
        let cells: Vec<String> = group
            .members_of(index)
            .map(|member| member_cell(report, group, member))
            .collect();
        let cell = if cells.is_empty() {
            absent_cell(report, group, index)
        } else {
            cells.join(" ")
        };
        let _ = write!(out, "<td>{cell}</td>");
    }
    out.push_str("</tr>\n");
}

/// A member's sentence with its marks, tagged when it is the reference.
fn member_cell(report: &Report, group: &Group, member: &Member) -> String {
    let Some(sentence) = report.sentence(member.source, member.sentence) else {
        return String::new();
    };
    if group.status == Status::Unique {
        return escape(&sentence.text);
    }
    let mut out = String::new();
    if member.relation == Relation::Reference {
        out.push_str("<span class=\"tag\">reference</span> ");
    }
    for mark in &member.marks {
        let words = mark
            .start
            .checked_sub(sentence.start)
            .zip(mark.end.checked_sub(sentence.start))
            .and_then(|(from, to)| sentence.text.get(from..to))
            .map_or_else(String::new, escape);
        match mark.kind {
            MarkKind::Shared => {
                out.push_str(&words);
                if let Some(of) = &mark.variant_of {
                    let _ = write!(out, "<span class=\"variant\">(={})</span>", escape(of));
                }
            }
            MarkKind::Conflict => {
                let _ = write!(out, "<strong class=\"conflict\">{words}</strong>");
            }
            MarkKind::Added => {
                let _ = write!(out, "<em class=\"added\">{words}</em>");
            }
            // Rewording is not a difference in what is reported: shown plain.
            MarkKind::Reworded => out.push_str(&words),
        }
    }
    out
}

/// A source that is not a member: "not reported", or the sentence that may carry the information instead.
fn absent_cell(report: &Report, group: &Group, source: SourceId) -> String {
    let elsewhere = group.elsewhere.iter().find(|e| e.source == source);
    match elsewhere {
        Some(e) => {
            let text = report
                .sentence(e.source, e.sentence)
                .map_or("", |s| s.text.as_str());
            format!(
                "<span class=\"absent\">possibly in another sentence (group {}):</span> {}",
                e.group,
                escape(text)
            )
        }
        None => "<span class=\"absent\">not reported</span>".to_owned(),
    }
}

fn flags(report: &Report, out: &mut String) {
    out.push_str(
        "<h2>Fact flags</h2>\n<p class=\"legend\">Numbers, dates, names and quotations compared \
         across sources. <em>Conflict</em>: the sources say things that cannot both be true. \
         <em>Check</em>: probably about the same thing and worth checking. <em>Note</em>: worth \
         knowing, not an error.</p>\n",
    );
    let flags = &report.facts.flags;
    if flags.is_empty() {
        out.push_str("<p>No flags.</p>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Kind</th>\
         <th scope=\"col\">Where</th><th scope=\"col\">Explanation</th></tr></thead>\n<tbody>\n",
    );
    for flag in flags {
        let _ = writeln!(
            out,
            "<tr><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            flag.severity.as_str(),
            escape(flag.kind.as_str()),
            escape(&where_flag(flag)),
            escape(&flag.explain(|s| letter(s.index())))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn numbers_and_dates(report: &Report, out: &mut String) {
    out.push_str(
        "<h2>Numbers and dates</h2>\n<p class=\"legend\">For each group two or more sources \
         share, the numbers and dates each source gives there. <strong class=\"flag\">(!)</strong> \
         marks words a conflict flag points at; — a source that gives none in that sentence.</p>\n",
    );
    let rows = report.numbers_and_dates();
    if rows.is_empty() {
        out.push_str("<p>None.</p>\n");
        return;
    }
    source_columns(report, "Group", out);
    for row in &rows {
        let _ = write!(out, "<tr><th scope=\"row\">Group {}</th>", row.group);
        for index in report.source_ids() {
            let cell = match row.cells.iter().find(|c| c.source == index) {
                Some(cell) if cell.items.is_empty() => "—".to_owned(),
                Some(cell) => items(&cell.items),
                None => "<span class=\"absent\">not reported</span>".to_owned(),
            };
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Numbers and dates as written, a flagged one in bold with `(!)`.
fn items(items: &[DetailItem]) -> String {
    let shown: Vec<String> = items
        .iter()
        .map(|i| match i.flag {
            Some(_) => format!("<strong class=\"flag\">{} (!)</strong>", escape(&i.text)),
            None => escape(&i.text),
        })
        .collect();
    shown.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(escape(input), expect, "for {input:?}");
    }

    #[test]
    fn every_markup_character_is_escaped() {
        check(
            "<script>alert(\"x\")</script>",
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
        );
        check("Tom & Jerry's", "Tom &amp; Jerry&#39;s");
        check("&amp;", "&amp;amp;");
        check("“Kyiv” — 90 minutes", "“Kyiv” — 90 minutes");
        check("", "");
    }

    #[test]
    fn a_script_in_an_article_comes_out_escaped() {
        let source = |id: &str, outlet: &str, text: &str| crate::Source {
            id: id.into(),
            outlet: Some(outlet.into()),
            text: text.into(),
            ..crate::Source::default()
        };
        let report = crate::compare(
            &[
                source(
                    "a<b>",
                    "<img src=x onerror=alert(1)>",
                    "The call lasted 90 minutes on Tuesday. <script>alert('x')</script> was posted.",
                ),
                source(
                    "b",
                    "Tom & Jerry's \"Daily\"",
                    "The call lasted 60 minutes on Wednesday. <script>alert('y')</script> was posted.",
                ),
            ],
            &crate::Config::default(),
        );
        let page = html(&report);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(&#39;"), "{page}");
        assert!(
            page.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{page}"
        );
        assert!(
            page.contains("Tom &amp; Jerry&#39;s &quot;Daily&quot;"),
            "{page}"
        );
    }

    #[test]
    fn letters_continue_past_z() {
        let shown: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(letter)
            .collect();
        assert_eq!(shown, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }
}
