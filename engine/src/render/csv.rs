//! Renders a [`Report`] as CSV for a spreadsheet: one row per group and source, every source on every group.
//!
//! RFC 4180: a header row, CRLF after every row, a field quoted when it holds
//! a quotation mark, comma, CR or LF, quotation marks doubled inside it. UTF-8
//! without a byte-order mark.
//!
//! Article text is untrusted, and spreadsheet programs run a cell that starts
//! with `=`, `+`, `-` or `@` (or a tab or CR) as a formula. Such a field gets a
//! leading `'`, which spreadsheets take as "this is text":
//!
//! ```text
//! =HYPERLINK("http://x","y") said the post.  →  "'=HYPERLINK(""http://x"",""y"") said the post."
//! ```
//!
//! The columns are documented in `docs/report-format.md`.

use crate::report::{Group, MarkKind, Member, Report, SourceReport, Status};

/// The header row's names, in column order.
const COLUMNS: [&str; 11] = [
    "group",
    "status",
    "sources_reporting",
    "source",
    "source_name",
    "reported",
    "relation",
    "differs",
    "text",
    "flags",
    "by_hand",
];

/// Separates the marked runs of one member in the `differs` column.
const RUN_SEPARATOR: &str = " | ";

/// The report as CSV: a header, then for every group one row per source of the report.
///
/// ```
/// # use crosscheck_engine::{compare, render, seeds, Config};
/// let report = compare(&seeds::bundled(), &Config::default());
/// let csv = render::csv(&report);
/// assert!(csv.starts_with("group,status,sources_reporting,source,source_name,"));
/// assert_eq!(csv.lines().count(), 1 + report.groups.len() * report.sources.len());
/// ```
pub fn csv(report: &Report) -> String {
    let mut out = String::new();
    row(&COLUMNS.map(str::to_owned), &mut out);
    for group in &report.groups {
        let flags = super::facts::flag_kinds(report, group.id).join(" ");
        for (index, source) in report.source_ids().zip(&report.sources) {
            let member = group.member_of(index);
            let fields = [
                group.id.to_string(),
                group.status.as_str().to_owned(),
                group.coverage().to_string(),
                index.to_string(),
                source_name(source).to_owned(),
                if member.is_some() { "yes" } else { "no" }.to_owned(),
                member.map_or_else(String::new, |m| m.relation.as_str().to_owned()),
                group
                    .members_of(index)
                    .map(|m| differs(report, group, m))
                    .filter(|runs| !runs.is_empty())
                    .collect::<Vec<_>>()
                    .join(RUN_SEPARATOR),
                report.group_text(group, index),
                flags.clone(),
                group.by_hand.map_or("", |b| b.as_str()).to_owned(),
            ];
            row(&fields, &mut out);
        }
    }
    out
}

/// The outlet, else the headline, else the id: the first that is not blank.
fn source_name(source: &SourceReport) -> &str {
    [source.outlet.as_deref(), source.title.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|name| !name.is_empty())
        .unwrap_or(&source.id)
}

/// The member's words marked `differs` or `only-here`, one entry per mark.
/// A unique group's sentence is all `only-here` and compared with nothing: empty.
fn differs(report: &Report, group: &Group, member: &Member) -> String {
    if group.status == Status::Unique {
        return String::new();
    }
    let Some(sentence) = report.sentence(member.source, member.sentence) else {
        return String::new();
    };
    let runs: Vec<String> = member
        .marks
        .iter()
        .filter(|m| m.kind != MarkKind::Shared)
        .filter_map(|m| {
            let from = m.start.checked_sub(sentence.start)?;
            let to = m.end.checked_sub(sentence.start)?;
            sentence.text.get(from..to)
        })
        .map(|words| super::one_line(words.trim()))
        .filter(|words| !words.is_empty())
        .collect();
    runs.join(RUN_SEPARATOR)
}

/// Writes one record and its CRLF.
fn row(fields: &[String], out: &mut String) {
    let cells: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One field: neutralised against formulas, then quoted if it must be.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains(['"', ',', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    fn check(input: &str, expect: &str) {
        assert_eq!(field(input), expect, "for {input:?}");
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        check("plain words", "plain words");
        check("", "");
        check(
            "90 minutes, the Kremlin said",
            "\"90 minutes, the Kremlin said\"",
        );
        check(
            "\"We want peace,\" Trump said.",
            "\"\"\"We want peace,\"\" Trump said.\"",
        );
        check("two\nlines", "\"two\nlines\"");
        check("two\r\nlines", "\"two\r\nlines\"");
        check("“curly” quotes; semicolons", "“curly” quotes; semicolons");
    }

    #[test]
    fn formula_starts_are_neutralised() {
        check("=1+1", "'=1+1");
        check("+44 20 7946 0000", "'+44 20 7946 0000");
        check(
            "- Associated Press - Monday",
            "'- Associated Press - Monday",
        );
        check("@mention", "'@mention");
        check("\tindented", "'\tindented");
        check(
            "=HYPERLINK(\"http://x\",\"y\")",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        );
        check("a = b", "a = b");
        check("'quoted'", "'quoted'");
    }
}
