//! The facts section of the text and Markdown reports: flags, quotes by speaker, numbers and dates per group, names, shared wording.
//!
//! Sources are named `[N]` as in the rest of the table; a flag's explanation
//! is its template with `{N}` filled in that way.

use std::fmt::Write;

use crate::report::{
    At, Flag, GroupId, NameKind, QuoteGroup, QuoteMember, QuoteRelation, Report, SentenceId,
    Severity, SourceId,
};

/// The facts section as plain text.
pub(super) fn text(report: &Report, out: &mut String) {
    let facts = &report.facts;
    let _ = writeln!(out, "\nFacts");
    flags_text(report, out);
    quotes_text(report, out);
    let _ = writeln!(out, "\nQuote groups ({}):", facts.quote_groups.len());
    for group in &facts.quote_groups {
        quote_group_text(report, group, out);
    }
    numbers_and_dates_text(report, out);
    names_text(report, out);
    shared_wording_text(report, out);
}

/// A flag's explanation with sources as `[N]`.
pub(super) fn explained(flag: &Flag) -> String {
    flag.explain(|n| format!("[{n}]"))
}

/// "group 3", "groups 3, 9", "no group".
pub(super) fn where_flag(flag: &Flag) -> String {
    if let Some(g) = flag.group {
        return format!("group {g}");
    }
    let mut groups: Vec<GroupId> = flag.sides.iter().filter_map(|s| s.at.group).collect();
    crate::order::sort_by(&mut groups, |&g| [g.index() as u64, 0, 0, 0]);
    groups.dedup();
    match groups.as_slice() {
        [] => "no group".to_owned(),
        [one] => format!("group {one}"),
        many => {
            let shown: Vec<String> = many.iter().map(GroupId::to_string).collect();
            format!("groups {}", shown.join(", "))
        }
    }
}

/// The names of the kinds of the flags shown on a group's row, each once, strongest first.
pub(super) fn flag_kinds(report: &Report, group: GroupId) -> Vec<&'static str> {
    report
        .facts
        .flag_kinds_for_group(group)
        .into_iter()
        .map(|kind| kind.as_str())
        .collect()
}

fn flags_text(report: &Report, out: &mut String) {
    let flags = &report.facts.flags;
    let count = |s: Severity| flags.iter().filter(|f| f.severity == s).count();
    let _ = writeln!(
        out,
        "\nFlags ({}: {} conflict, {} to check, {} notes):",
        flags.len(),
        count(Severity::Conflict),
        count(Severity::Check),
        count(Severity::Note)
    );
    for flag in flags {
        let _ = writeln!(
            out,
            "  {} · {} · {}\n    {}",
            flag.severity.as_str(),
            flag.kind.as_str(),
            where_flag(flag),
            explained(flag)
        );
    }
}

/// Quotes grouped by speaker, speakers by number of quotes.
fn quotes_text(report: &Report, out: &mut String) {
    let quotes = &report.facts.quotes;
    let _ = writeln!(out, "\nQuotes by speaker ({} pieces):", quotes.len());
    for (speaker, list) in report.facts.quotes_by_speaker() {
        let _ = writeln!(
            out,
            "  {} ({}):",
            speaker.unwrap_or("Unattributed"),
            list.len()
        );
        for q in list {
            let group =
                q.at.group
                    .map_or(String::new(), |g| format!(" · group {g}"));
            let quote_group = q
                .quote_group
                .map_or(String::new(), |g| format!(" · quote group {g}"));
            let attribution = q
                .attribution
                .words()
                .map_or(String::new(), |words| format!(" ({words})"));
            let _ = writeln!(
                out,
                "    [{}] “{}”{attribution}{group}{quote_group}",
                q.at.source,
                one_line(&q.text),
            );
        }
    }
}

fn quote_group_text(report: &Report, group: &QuoteGroup, out: &mut String) {
    let speaker = group.speaker.as_deref().unwrap_or("unattributed");
    let _ = writeln!(out, "  quote group {} · {speaker}", group.id);
    let reference = group.members.get(group.reference);
    for member in &group.members {
        let star = if member.relation == QuoteRelation::Reference {
            '*'
        } else {
            ' '
        };
        let _ = writeln!(
            out,
            "  {star} [{}] {}: {}",
            member.at.source,
            member.relation.as_str(),
            marked(report, member, reference)
        );
    }
}

/// The source text of `at`.
fn slice(report: &Report, at: &At) -> String {
    span_text(report, at.source, at.sentence, at.start, at.end)
}

fn span_text(
    report: &Report,
    source: SourceId,
    sentence: SentenceId,
    start: usize,
    end: usize,
) -> String {
    let Some(s) = report.source(source) else {
        return String::new();
    };
    // A span may run on past its first sentence (shared wording).
    let pieces: Vec<&str> = s
        .sentences
        .iter()
        .skip(sentence.index())
        .take_while(|x| x.start < end)
        .filter_map(|x| {
            let from = start.max(x.start) - x.start;
            let to = end.min(x.end).saturating_sub(x.start);
            x.text.get(from..to)
        })
        .filter(|p| !p.is_empty())
        .collect();
    pieces.join(" ")
}

/// A quote member's words with its marks drawn in the plain notation (`{+added+}`, `[-reference-]{~here~}`…).
fn marked(report: &Report, member: &QuoteMember, reference: Option<&QuoteMember>) -> String {
    if member.marks.is_empty() {
        return one_line(&slice(report, &member.at));
    }
    let is_reference = member.relation == QuoteRelation::Reference;
    let mut out = String::new();
    let mut shown_against = None;
    for mark in &member.marks {
        let words = one_line(&span_text(
            report,
            member.at.source,
            member.at.sentence,
            mark.start,
            mark.end,
        ));
        let old = match (mark.against, reference) {
            (Some(span), Some(r)) if !is_reference && shown_against != Some(span) => {
                shown_against = Some(span);
                one_line(&span_text(
                    report,
                    r.at.source,
                    r.at.sentence,
                    span.start,
                    span.end,
                ))
            }
            _ => String::new(),
        };
        let drawn = super::draw_plain(mark.kind, &words, &old);
        out.push_str(&drawn);
    }
    out
}

/// Quantities and dates of every group with two or more sources, one line
/// per source; `(!)` marks words a conflict flag points at.
fn numbers_and_dates_text(report: &Report, out: &mut String) {
    let facts = &report.facts;
    let _ = writeln!(
        out,
        "\nNumbers and dates in groups of two or more sources ({} quantities and {} dates in all):",
        facts.quantities.len(),
        facts.dates.len()
    );
    for row in report.numbers_and_dates() {
        let _ = writeln!(out, "  group {}:", row.group);
        for cell in row.cells.iter().filter(|c| !c.items.is_empty()) {
            let items: Vec<String> = cell
                .items
                .iter()
                .map(|i| {
                    let flag = if i.flag.is_some() { " (!)" } else { "" };
                    format!("{}{flag}", one_line(&i.text))
                })
                .collect();
            let _ = writeln!(out, "    [{}] {}", cell.source, items.join(" · "));
        }
    }
}

fn sources_list(sources: &[SourceId]) -> String {
    let shown: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
    format!("[{}]", shown.join(" "))
}

/// People first, then organisations, places and others; each with its forms and titles.
fn names_text(report: &Report, out: &mut String) {
    let names = &report.facts.names;
    let _ = writeln!(out, "\nNames ({}):", names.len());
    for kind in [
        NameKind::Person,
        NameKind::Organisation,
        NameKind::Place,
        NameKind::Other,
    ] {
        for entry in names.iter().filter(|e| e.kind == kind) {
            let forms: Vec<String> = entry
                .forms
                .iter()
                .map(|f| format!("{} {}", f.text, sources_list(&f.sources)))
                .collect();
            let titles = if entry.titles.is_empty() {
                String::new()
            } else {
                let t: Vec<String> = entry
                    .titles
                    .iter()
                    .map(|f| format!("{} {}", f.text, sources_list(&f.sources)))
                    .collect();
                format!(" · titles: {}", t.join("; "))
            };
            let _ = writeln!(
                out,
                "  {} {} · {} mentions · {}{titles}",
                kind.as_str(),
                entry.name,
                entry.mentions.len(),
                forms.join("; ")
            );
        }
    }
}

fn shared_wording_text(report: &Report, out: &mut String) {
    let shared = &report.facts.shared_wording;
    let _ = writeln!(out, "\nShared wording outside quotations:");
    if shared.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for pair in shared {
        let percent: Vec<String> = pair
            .sources
            .iter()
            .zip(&pair.shares)
            .map(|(s, share)| format!("{}% of [{s}]", (share * 100.0).round()))
            .collect();
        let _ = writeln!(
            out,
            "  [{}] and [{}]: {} words in {} runs ({})",
            pair.sources[0],
            pair.sources[1],
            pair.words,
            pair.runs.len(),
            percent.join(", ")
        );
        for run in &pair.runs {
            let _ = writeln!(out, "    {} words: “{}”", run.words, one_line(&run.text));
        }
    }
}

/// The facts section as Markdown: flags and quote groups.
pub(super) fn markdown(report: &Report, out: &mut String) {
    let facts = &report.facts;
    let _ = writeln!(out, "\n## Facts\n");
    if facts.flags.is_empty() {
        let _ = writeln!(out, "No flags.");
    } else {
        let _ = writeln!(
            out,
            "| Severity | Kind | Where | Explanation |\n|---|---|---|---|"
        );
    }
    for flag in &facts.flags {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            flag.severity.as_str(),
            flag.kind.as_str(),
            where_flag(flag),
            super::cell(&explained(flag))
        );
    }
    let _ = writeln!(out, "\n### Quote groups\n");
    if facts.quote_groups.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for group in &facts.quote_groups {
        let speaker = group.speaker.as_deref().unwrap_or("unattributed");
        let _ = writeln!(out, "- quote group {} · {}", group.id, super::cell(speaker));
        for member in &group.members {
            let _ = writeln!(
                out,
                "  - [{}] {}: {}",
                member.at.source,
                member.relation.as_str(),
                super::cell(&one_line(&slice(report, &member.at)))
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} quotations, {} quantities, {} dates, {} names; shared wording between {} pairs of sources.",
        facts.quotes.len(),
        facts.quantities.len(),
        facts.dates.len(),
        facts.names.len(),
        facts.shared_wording.len()
    );
}

fn one_line(text: &str) -> String {
    super::one_line(text)
}
