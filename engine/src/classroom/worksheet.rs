//! The source comparison worksheet: one row per source, one column per question (who, what, when, where, numbers, quotes, left out), each cell the teacher's key.
//!
//! Every entry is taken from the report, in the source's own words: the names
//! it writes, its opening sentence, its dates and numbers as written, its
//! quotations, and the information other sources share that it leaves out.
//! Cells are short on purpose (a printed worksheet has little room), so each
//! keeps the entries a student is most likely to need and counts the rest:
//!
//! ```text
//! Source [3] · The Washington Post
//!   When           Wednesday
//!                  December
//!                  …
//!                  and 10 more
//! ```
//!
//! What "most likely to need" means per column is in `docs/classroom.md`.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::{content, name_in, nested};
use crate::excerpt::excerpt;
use crate::order::{Key, sort_by};
use crate::overview::omits;
use crate::report::{
    At, FlagKind, GroupId, Hedge, NameEntry, NameKind, QuantityKind, Quote, Report, SourceId,
    WhenKind,
};

/// Most names in the Who and Where cells.
const MAX_NAMES: usize = 6;
/// Words of the opening sentence in the What cell.
const LEDE_WORDS: usize = 25;
/// Most dates in the When cell.
const MAX_DATES: usize = 6;
/// Most numbers in the Numbers cell.
const MAX_NUMBERS: usize = 6;
/// Most quotations in the Quotes cell.
const MAX_QUOTES: usize = 4;
/// Words of a quotation shown.
const QUOTE_WORDS: usize = 10;
/// Most omissions in the Left out cell.
const MAX_OMISSIONS: usize = 5;
/// Words of an omitted sentence shown.
const OMISSION_WORDS: usize = 12;
/// Fewest words for a sentence to count as the opening sentence rather than a headline.
const LEDE_MIN_WORDS: usize = 6;

/// The worksheet: one row per source, in report order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worksheet {
    /// One row per source of the report.
    pub rows: Vec<Row>,
}

/// One source's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The report source.
    pub source: SourceId,
    /// Its outlet, else its title, else its id.
    pub label: String,
    /// One cell per column, in [`Column::ALL`] order.
    pub cells: Vec<Cell>,
}

/// What one source says for one column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// The column.
    pub column: Column,
    /// The entries shown, in the source's text order (Left out: most reported first).
    pub entries: Vec<String>,
    /// How many entries there are in all; more than `entries.len()` when the cell was cut.
    pub total: usize,
}

/// A worksheet column: one question a student answers about each source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Column {
    /// People and organisations it names.
    Who,
    /// Its opening sentence.
    What,
    /// Its dates, weekdays and times.
    When,
    /// The places it names.
    Where,
    /// Its numbers with what they count.
    Numbers,
    /// Its quotations with their speakers.
    Quotes,
    /// Information at least two other sources report that it leaves out.
    Omissions,
}

impl Column {
    /// Every column, in worksheet order.
    pub const ALL: [Column; 7] = [
        Column::Who,
        Column::What,
        Column::When,
        Column::Where,
        Column::Numbers,
        Column::Quotes,
        Column::Omissions,
    ];

    /// The column heading a student reads.
    pub fn label(self) -> &'static str {
        match self {
            Column::Who => "Who",
            Column::What => "What happened",
            Column::When => "When",
            Column::Where => "Where",
            Column::Numbers => "Numbers",
            Column::Quotes => "Quotes",
            Column::Omissions => "Left out",
        }
    }
}

impl Cell {
    /// How many entries were left out of the cell.
    pub fn more(&self) -> usize {
        self.total.saturating_sub(self.entries.len())
    }
}

impl Row {
    /// The row's cell for `column`.
    pub fn cell(&self, column: Column) -> Option<&Cell> {
        self.cells.iter().find(|c| c.column == column)
    }
}

impl Worksheet {
    /// The worksheet as plain text, sources named `[N]` (report indices).
    pub fn to_text(&self) -> String {
        self.to_text_named(|n| format!("[{n}]"))
    }

    /// The worksheet as plain text, source N named `name(N)`: a row per
    /// source, one entry per line, "—" for an empty cell.
    pub fn to_text_named(&self, name: impl Fn(SourceId) -> String) -> String {
        let mut out = String::new();
        for row in &self.rows {
            let _ = writeln!(out, "Source {} · {}", name(row.source), row.label);
            for cell in &row.cells {
                cell_text(cell, &mut out);
            }
            out.push('\n');
        }
        out
    }
}

fn cell_text(cell: &Cell, out: &mut String) {
    let mut lines: Vec<String> = cell.entries.clone();
    if cell.more() > 0 {
        lines.push(format!("and {} more", cell.more()));
    }
    if lines.is_empty() {
        lines.push("—".to_owned());
    }
    for (i, line) in lines.iter().enumerate() {
        let label = if i == 0 { cell.column.label() } else { "" };
        let _ = writeln!(out, "  {label:<14} {line}");
    }
}

/// The worksheet of a report: every source's row with every column.
pub fn worksheet(report: &Report) -> Worksheet {
    let rows = report
        .source_ids()
        .map(|source| row(report, source))
        .collect();
    Worksheet { rows }
}

fn row(report: &Report, source: SourceId) -> Row {
    let cells = Column::ALL
        .iter()
        .map(|&column| cell(report, source, column))
        .collect();
    Row {
        source,
        label: label(report, source),
        cells,
    }
}

fn label(report: &Report, source: SourceId) -> String {
    report.source(source).map_or_else(String::new, |s| {
        s.outlet
            .clone()
            .or_else(|| s.title.clone())
            .unwrap_or_else(|| s.id.clone())
    })
}

fn cell(report: &Report, source: SourceId, column: Column) -> Cell {
    let (entries, total) = match column {
        Column::Who => names(report, source, &[NameKind::Person, NameKind::Organisation]),
        Column::What => lede(report, source),
        Column::When => dates(report, source),
        Column::Where => names(report, source, &[NameKind::Place]),
        Column::Numbers => numbers(report, source),
        Column::Quotes => quotes(report, source),
        Column::Omissions => omissions(report, source),
    };
    Cell {
        column,
        entries,
        total,
    }
}

/// A candidate entry: its text, its rank (lower first) and its position in the source.
struct Candidate {
    text: String,
    rank: [usize; 3],
    position: (usize, usize),
}

/// Sorts `items` stably by their candidate's rank, then position: a key of
/// five numbers, so two stable sorts, the minor part first.
fn by_rank_then_position<T>(items: &mut Vec<T>, candidate: impl Fn(&T) -> &Candidate) {
    sort_by(items, |t| position_key(candidate(t)));
    sort_by(items, |t| {
        let [a, b, c] = candidate(t).rank;
        [a as u64, b as u64, c as u64, 0]
    });
}

/// A candidate's position as a sort key.
fn position_key(c: &Candidate) -> Key {
    [c.position.0 as u64, c.position.1 as u64, 0, 0]
}

/// The `max` best-ranked candidates in text order, and how many there were.
fn best(mut candidates: Vec<Candidate>, max: usize) -> (Vec<String>, usize) {
    let total = candidates.len();
    by_rank_then_position(&mut candidates, |c| c);
    candidates.truncate(max);
    sort_by(&mut candidates, position_key);
    (candidates.into_iter().map(|c| c.text).collect(), total)
}

/// Names of `kinds` the source mentions, most mentioned first.
fn names(report: &Report, source: SourceId, kinds: &[NameKind]) -> (Vec<String>, usize) {
    let mut found: Vec<(usize, (usize, usize), String)> = report
        .facts
        .names
        .iter()
        .filter(|entry| kinds.contains(&entry.kind))
        .filter_map(|entry| {
            let mentions = whole_mentions(report, entry, source);
            let first = mentions.first()?;
            Some((
                mentions.len(),
                (first.sentence.index(), first.start),
                name_in(entry, source),
            ))
        })
        .collect();
    sort_by(&mut found, |&(count, (sentence, start), _)| {
        [u64::MAX - count as u64, sentence as u64, start as u64, 0]
    });
    let total = found.len();
    let entries = found
        .into_iter()
        .take(MAX_NAMES)
        .map(|(_, _, name)| name)
        .collect();
    (entries, total)
}

/// The entry's mentions in `source`, without those where an organisation's
/// or place's name is only part of a longer name ("Air Force" in "Air Force
/// One": the next word is capitalised).
fn whole_mentions<'a>(report: &Report, entry: &'a NameEntry, source: SourceId) -> Vec<&'a At> {
    let check_next = matches!(entry.kind, NameKind::Organisation | NameKind::Place);
    entry
        .mentions
        .iter()
        .filter(|m| m.source == source)
        .filter(|m| !(check_next && followed_by_capital(report, m)))
        .collect()
}

fn followed_by_capital(report: &Report, at: &At) -> bool {
    let Some(sentence) = report.sentence(at.source, at.sentence) else {
        return false;
    };
    let rest = at
        .end
        .checked_sub(sentence.start)
        .and_then(|offset| sentence.text.get(offset..))
        .unwrap_or("");
    let mut chars = rest.chars();
    chars.next() == Some(' ') && chars.next().is_some_and(char::is_uppercase)
}

/// The opening sentence, shortened.
fn lede(report: &Report, source: SourceId) -> (Vec<String>, usize) {
    let sentences: Vec<&str> = content(report, source)
        .map(|(_, s)| s.text.as_str())
        .collect();
    let lede = sentences
        .iter()
        .find(|s| reads_as_sentence(s))
        .or(sentences.first());
    match lede {
        Some(text) => (vec![excerpt(text, LEDE_WORDS)], 1),
        None => (Vec::new(), 0),
    }
}

/// Whether a text reads as a sentence rather than a headline or subheading:
/// a few words ending in a full stop, question or exclamation mark
/// (possibly followed by a closing quotation mark).
pub(crate) fn reads_as_sentence(text: &str) -> bool {
    let end = text.trim_end().trim_end_matches(['”', '"', '’', '\'', ')']);
    text.split_whitespace().count() >= LEDE_MIN_WORDS && end.ends_with(['.', '!', '?', '…'])
}

/// Whether a group is reported by two or more sources.
fn shared(report: &Report, group: Option<GroupId>) -> bool {
    group
        .and_then(|g| report.group(g))
        .is_some_and(|g| g.coverage() > 1)
}

/// Whether a flag of one of `kinds` has a side over `at`.
fn flagged(report: &Report, at: &At, kinds: &[FlagKind]) -> bool {
    report
        .facts
        .flags
        .iter()
        .filter(|f| kinds.contains(&f.kind))
        .flat_map(|f| &f.sides)
        .any(|s| s.at.source == at.source && s.at.start < at.end && at.start < s.at.end)
}

/// 0 for an item a conflict flag points at or in a sentence other sources share, else 1.
fn comparable(report: &Report, at: &At, kinds: &[FlagKind]) -> usize {
    usize::from(!(flagged(report, at, kinds) || shared(report, at.group)))
}

/// Dates as written, one per value (the fullest wording kept: "Sunday
/// evening" over "Sunday"); those other sources can be compared on first,
/// then days and times before months and years.
fn dates(report: &Report, source: SourceId) -> (Vec<String>, usize) {
    let kinds = [FlagKind::WeekdayConflict, FlagKind::DateConflict];
    let mut candidates: Vec<(WhenKind, &str, Candidate)> = Vec::new();
    for when in report.facts.dates.iter().filter(|d| d.at.source == source) {
        let text = without_possessive(&when.text);
        let same = candidates
            .iter_mut()
            .find(|(kind, value, _)| *kind == when.kind && *value == when.value);
        let rank = [
            comparable(report, &when.at, &kinds),
            usize::from(matches!(when.kind, WhenKind::Month | WhenKind::Year)),
            0,
        ];
        match same {
            Some((_, _, seen)) => {
                if text.len() > seen.text.len() {
                    seen.text = text.to_owned();
                }
                seen.rank = seen.rank.min(rank);
            }
            None => candidates.push((
                when.kind,
                &when.value,
                Candidate {
                    text: text.to_owned(),
                    rank,
                    position: (when.at.sentence.index(), when.at.start),
                },
            )),
        }
    }
    best(
        candidates.into_iter().map(|(_, _, c)| c).collect(),
        MAX_DATES,
    )
}

/// "Wednesday’s" → "Wednesday".
fn without_possessive(text: &str) -> &str {
    text.strip_suffix("’s")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text)
}

/// What makes two quantities of a source the same number: value, unit, counted noun, hedge.
type SameNumber<'a> = (u64, Option<&'a str>, Option<&'a str>, Option<Hedge>);

/// Numbers as written, one per value, unit and hedge ("four Ukrainian
/// regions" and "four regions" once); those other sources can be compared on
/// first, then measures (a unit or a hedge), then counts and ordinals. Pairs
/// ("the two leaders") and ordinals inside names ("Fifth Amendment") are
/// left out: they count nothing a student would check.
fn numbers(report: &Report, source: SourceId) -> (Vec<String>, usize) {
    let kinds = [FlagKind::NumberConflict];
    let mut seen: Vec<SameNumber> = Vec::new();
    let mut candidates = Vec::new();
    for quantity in report
        .facts
        .quantities
        .iter()
        .filter(|q| q.at.source == source)
    {
        let key = (
            quantity.value.to_bits(),
            quantity.unit.as_deref(),
            quantity.noun.as_deref(),
            quantity.hedge,
        );
        let measure = quantity.unit.is_some() || quantity.hedge.is_some();
        let pair = !measure && quantity.kind == QuantityKind::Amount && quantity.value == 2.0;
        if pair || seen.contains(&key) || part_of_a_name(report, &quantity.at, &quantity.text) {
            continue;
        }
        seen.push(key);
        candidates.push(Candidate {
            text: quantity.text.clone(),
            rank: [
                comparable(report, &quantity.at, &kinds),
                usize::from(!measure),
                0,
            ],
            position: (quantity.at.sentence.index(), quantity.at.start),
        });
    }
    best(candidates, MAX_NUMBERS)
}

/// Whether a capitalised number word inside a sentence belongs to a name
/// ("Fifth-Amendment grounds", "World War II") rather than counting something.
fn part_of_a_name(report: &Report, at: &At, text: &str) -> bool {
    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
    let Some(sentence) = report.sentence(at.source, at.sentence) else {
        return false;
    };
    let before = at
        .start
        .checked_sub(sentence.start)
        .and_then(|offset| sentence.text.get(..offset))
        .unwrap_or("");
    capitalised && before.chars().any(char::is_alphabetic)
}

/// Quotations with their speakers: attributed ones first, one per speaker
/// before a second one of anybody, those other sources quote too before the
/// rest, then those of four words or more.
fn quotes(report: &Report, source: SourceId) -> (Vec<String>, usize) {
    let mut quotations: Vec<Vec<&Quote>> = Vec::new();
    for quote in report.facts.quotes.iter().filter(|q| q.at.source == source) {
        match quotations
            .iter_mut()
            .find(|pieces| pieces[0].quotation == quote.quotation)
        {
            Some(pieces) => pieces.push(quote),
            None => quotations.push(vec![quote]),
        }
    }
    let mut candidates: Vec<(Option<&str>, Candidate)> = quotations
        .iter()
        .map(|pieces| quotation(report, source, pieces))
        .collect();
    by_rank_then_position(&mut candidates, |(_, c)| c);
    let mut speakers: Vec<(Option<&str>, usize)> = Vec::new();
    for (speaker, candidate) in &mut candidates {
        let nth = match speakers.iter_mut().find(|(s, _)| s == speaker) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                speakers.push((*speaker, 0));
                0
            }
        };
        candidate.rank = [
            candidate.rank[0],
            nth,
            candidate.rank[1] * 2 + candidate.rank[2],
        ];
    }
    best(candidates.into_iter().map(|(_, c)| c).collect(), MAX_QUOTES)
}

/// A quotation's entry; its rank is [unattributed, not quoted by others, short].
fn quotation<'a>(
    report: &Report,
    source: SourceId,
    pieces: &[&'a Quote],
) -> (Option<&'a str>, Candidate) {
    let words: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
    let words = words.join(" ");
    let speaker = pieces.iter().find(|p| p.speaker.is_some());
    let name = speaker.map_or_else(
        || "Speaker not named".to_owned(),
        |p| {
            p.speaker_name
                .and_then(|id| report.facts.names.get(id))
                .map_or_else(
                    || p.speaker.clone().unwrap_or_default(),
                    |e| name_in(e, source),
                )
        },
    );
    let grouped = pieces.iter().any(|p| p.quote_group.is_some());
    let candidate = Candidate {
        text: format!("{name}: “{}”", nested(&excerpt(&words, QUOTE_WORDS))),
        rank: [
            usize::from(speaker.is_none()),
            usize::from(!grouped),
            usize::from(words.split_whitespace().count() < 4),
        ],
        position: (pieces[0].at.sentence.index(), pieces[0].at.start),
    };
    (speaker.and_then(|p| p.speaker.as_deref()), candidate)
}

/// Information at least two other sources report and this one leaves out, most reported first.
fn omissions(report: &Report, source: SourceId) -> (Vec<String>, usize) {
    let left_out = omitted(report, source);
    let entries = left_out
        .iter()
        .take(MAX_OMISSIONS)
        .filter_map(|&g| {
            let group = report.group(g)?;
            let text = reference_text(report, g)?;
            Some(format!(
                "{} ({} sources)",
                excerpt(text, OMISSION_WORDS),
                group.coverage()
            ))
        })
        .collect();
    (entries, left_out.len())
}

/// The groups `source` leaves out that at least two other sources report, most reported first.
pub(crate) fn omitted(report: &Report, source: SourceId) -> Vec<GroupId> {
    let mut groups: Vec<GroupId> = report
        .groups
        .iter()
        .filter(|g| omits(g, source, 2))
        .map(|g| g.id)
        .collect();
    sort_by(&mut groups, |&g| {
        let reported = report.group(g).map_or(0, crate::report::Group::coverage);
        [u64::MAX - reported as u64, 0, 0, 0]
    });
    groups
}

/// The text of a group's reference sentence.
pub(crate) fn reference_text(report: &Report, group: GroupId) -> Option<&str> {
    let group = report.group(group)?;
    report.reference_sentence(group).map(|s| s.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::testing::report;

    /// One column of every row as `[N] entry; entry (+M)` lines.
    fn column(texts: &[&str], column: Column) -> String {
        let sheet = worksheet(&report(texts));
        let mut out = String::new();
        for row in &sheet.rows {
            let Some(cell) = row.cell(column) else {
                continue;
            };
            let more = if cell.more() > 0 {
                format!(" (+{})", cell.more())
            } else {
                String::new()
            };
            let _ = writeln!(out, "[{}] {}{more}", row.source, cell.entries.join("; "));
        }
        out
    }

    fn check(texts: &[&str], col: Column, expect: &str) {
        assert_eq!(column(texts, col), expect, "\nfor {texts:#?}");
    }

    #[test]
    fn who_lists_people_and_organisations_most_mentioned_first() {
        check(
            &[
                "Kremlin spokesman Dmitry Peskov said the call went well. President Donald Trump spoke to Russian President Vladimir Putin. Mr. Trump said Mr. Putin agreed. Trump said more.",
                "Trump spoke on Air Force One. Peskov said nothing, the Kremlin said, as Air Force One landed.",
            ],
            Column::Who,
            "[0] Donald Trump; Vladimir Putin; Dmitry Peskov\n[1] Donald Trump; Dmitry Peskov; Kremlin\n",
        );
    }

    #[test]
    fn what_is_the_opening_sentence_not_the_headline() {
        check(
            &[
                "Trump, Putin hold talks on Ukraine ceasefire\nUS President Donald Trump and Russian President Vladimir Putin spoke by phone on Tuesday for a long time about a ceasefire in Ukraine that both said they wanted.",
                "Short.",
                "",
            ],
            Column::What,
            "[0] US President Donald Trump and Russian President Vladimir Putin spoke by phone on Tuesday for a long time about a ceasefire in Ukraine that both said they wanted.\n[1] Short.\n[2] \n",
        );
    }

    #[test]
    fn when_keeps_the_fullest_wording_and_drops_possessives() {
        check(
            &[
                "Trump spoke to reporters on Sunday. On Sunday evening he flew home. Wednesday’s call was the first since June 2021.",
            ],
            Column::When,
            "[0] Sunday evening; Wednesday; June 2021\n",
        );
    }

    #[test]
    fn where_lists_places_without_pieces_of_longer_names() {
        check(
            &["Trump flew from Florida to Washington. Kyiv and Moscow reacted. Kyiv said no."],
            Column::Where,
            "[0] Kyiv; Florida; Washington; Moscow\n",
        );
    }

    #[test]
    fn numbers_leave_out_pairs_and_ordinals_in_names() {
        check(
            &[
                "The two leaders spoke for nearly 90 minutes. The two leaders agreed on a 30-day pause. Four regions were annexed, and the plant is on Fifth-Amendment grounds.",
            ],
            Column::Numbers,
            "[0] nearly 90 minutes; 30-day; Four regions\n",
        );
    }

    #[test]
    fn numbers_are_cut_to_six_with_a_count() {
        check(
            &[
                "It took 1 hour, then 2 days, then 3 weeks, then 4 months, then 5 years, then 6 decades, then 7 seconds.",
            ],
            Column::Numbers,
            "[0] 1 hour; 2 days; 3 weeks; 4 months; 5 years; 6 decades (+1)\n",
        );
    }

    #[test]
    fn quotes_show_speaker_and_first_words() {
        check(
            &[
                "“We will be talking about land and about power plants and about much more,” President Donald Trump said.\nThe newspaper headline read “Peace at last”.",
            ],
            Column::Quotes,
            "[0] Donald Trump: “We will be talking about land and about power plants…”; Speaker not named: “Peace at last”\n",
        );
    }

    #[test]
    fn quotes_take_one_per_speaker_before_a_second() {
        check(
            &[
                "“One,” Trump said. “Two is here,” Trump said. “Three is here,” Trump said. “Four is here,” Trump said. “Five is here,” Kremlin spokesman Dmitry Peskov said.",
            ],
            Column::Quotes,
            "[0] Trump: “One”; Trump: “Two is here”; Trump: “Three is here”; Dmitry Peskov: “Five is here” (+1)\n",
        );
    }

    #[test]
    fn omissions_list_what_two_others_report_with_a_count() {
        check(
            &[
                "The ceasefire would last thirty days under the American proposal. Markets in Asia fell sharply overnight.",
                "Under the American proposal the ceasefire would last thirty days. Markets in Asia fell sharply overnight.",
                "Zelensky addressed the nation in a nightly video on Monday evening.",
            ],
            Column::Omissions,
            "[0] \n[1] \n[2] The ceasefire would last thirty days under the American proposal. (2 sources); Markets in Asia fell sharply overnight. (2 sources)\n",
        );
    }

    #[test]
    fn an_empty_report_gives_an_empty_worksheet() {
        assert_eq!(worksheet(&report(&[])).rows.len(), 0);
        assert!(worksheet(&report(&["", "   "])).to_text().contains("—"));
    }
}
