//! Exercise questions a teacher sets on a set of articles, each with an answer key read from the report.
//!
//! A [`Question`] is stored (in a session file, in an exported page), so it
//! names what it asks about in terms that survive a new comparison: a source
//! by number and a piece of information by a [`SentenceAnchor`] (a sentence of
//! one source), never by group id, because group ids change whenever an
//! article is added, removed or edited.
//!
//! Source numbers are report indices (`report.sources`). A front end that
//! compares only some of its articles maps its own set positions to report
//! indices before calling [`Question::prompt`] or [`Question::key`], and back
//! when it stores a question.
//!
//! Keys, like flag explanations, name sources as `{N}` placeholders
//! ([`AnswerKey::filled`] puts the front end's names in):
//!
//! ```
//! use crosscheck_engine::classroom::Question;
//! use crosscheck_engine::{compare, seeds, Config, GroupId, SourceId};
//!
//! let report = compare(&seeds::bundled(), &Config::default());
//! let letters = |n: SourceId| ["A", "B", "C", "D", "E"][n.index()].to_owned();
//! let key = Question::NameSpelled.key(&report);
//! assert!(key.filled(letters)[0].contains("(sources C, D and E)"));
//! // D's Wednesday is the February call's, the others' Tuesday the March
//! // call's: a check in Facts, so no key says they disagree on the day.
//! let day = Question::DayDiffers.key(&report);
//! assert_eq!(day.lines, ["No sources disagree on the day."]);
//! assert!(day.groups.is_empty());
//! # let _ = GroupId::new(0);
//! ```
//!
//! Keys about differences (numbers, days, quotations) are built from
//! conflicts only ([`Question::answered_by`]), and a suggested question whose
//! key would be empty is not offered ([`templates`]).

use serde::{Deserialize, Serialize};

use super::worksheet::{omitted, reference_text};
use super::{content, escaped, nested};
use crate::excerpt::excerpt;
use crate::facts::{sentence_case, sources_phrase};
use crate::order::sort_by;
use crate::report::{
    Flag, FlagKind, GroupId, Report, SentenceId, Severity, SourceId, Status, fill,
};

/// Words of a sentence quoted in a question or a key.
const QUOTED_WORDS: usize = 20;
/// Most example sentences listed in a key.
const MAX_EXAMPLES: usize = 5;

/// A sentence of one source: how a question points at a piece of information.
///
/// `S` is how the source is numbered: [`SourceId`] (a report's source) for
/// everything the engine does with it; a front end may store questions with
/// its own numbering and map them with [`Question::map_sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SentenceAnchor<S = SourceId> {
    /// The source.
    pub source: S,
    /// The sentence in that source's `sentences`.
    pub sentence: SentenceId,
}

/// An exercise question. Serialised with a `kind` tag: `{"kind":"left-out","source":2}`;
/// read through [`StoredQuestion`] (a tagged enum's reader buffers each value
/// in a generic form first: more code in the page for the same JSON).
///
/// `S` numbers the sources, as in [`SentenceAnchor`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    try_from = "StoredQuestion<S>",
    bound(deserialize = "S: Deserialize<'de>")
)]
pub enum Question<S = SourceId> {
    /// "Which sources report: “…”?" about the anchored sentence.
    WhichSourcesReport {
        /// The sentence asked about.
        anchor: SentenceAnchor<S>,
    },
    /// "Find a detail only B reports."
    OnlyIn {
        /// The source.
        source: S,
    },
    /// "Which number differs between sources?"
    NumberDiffers,
    /// "Which sources disagree on the day?"
    DayDiffers,
    /// "Which quote is worded differently?"
    QuoteWorded,
    /// "Which name is spelled differently?"
    NameSpelled,
    /// "What did C leave out?"
    LeftOut {
        /// The source.
        source: S,
    },
    /// A question the teacher wrote, with the teacher's key.
    Custom {
        /// The question.
        text: String,
        /// The answer, one line per line.
        key: String,
    },
}

/// A [`Question`] as stored: its `kind` and every field any kind has.
#[derive(Deserialize)]
struct StoredQuestion<S> {
    kind: String,
    #[serde(default = "none")]
    anchor: Option<SentenceAnchor<S>>,
    #[serde(default = "none")]
    source: Option<S>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    key: Option<String>,
}

/// `None`, for fields whose type has no `Default` bound.
fn none<T>() -> Option<T> {
    None
}

impl<S> TryFrom<StoredQuestion<S>> for Question<S> {
    type Error = String;

    fn try_from(stored: StoredQuestion<S>) -> Result<Question<S>, String> {
        let StoredQuestion {
            kind,
            anchor,
            source,
            text,
            key,
        } = stored;
        let missing = |field: &str| format!("a \"{kind}\" question needs \"{field}\"");
        Ok(match kind.as_str() {
            "which-sources-report" => Question::WhichSourcesReport {
                anchor: anchor.ok_or_else(|| missing("anchor"))?,
            },
            "only-in" => Question::OnlyIn {
                source: source.ok_or_else(|| missing("source"))?,
            },
            "number-differs" => Question::NumberDiffers,
            "day-differs" => Question::DayDiffers,
            "quote-worded" => Question::QuoteWorded,
            "name-spelled" => Question::NameSpelled,
            "left-out" => Question::LeftOut {
                source: source.ok_or_else(|| missing("source"))?,
            },
            "custom" => Question::Custom {
                text: text.ok_or_else(|| missing("text"))?,
                key: key.unwrap_or_default(),
            },
            other => return Err(format!("unknown question kind \"{other}\"")),
        })
    }
}

/// The answer to a question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerKey {
    /// The answer for a person, quoting the sources' words; templates where
    /// `{N}` names report source N (see [`AnswerKey::filled`]).
    pub lines: Vec<String>,
    /// The groups that hold the answer, for the front end to highlight or link.
    pub groups: Vec<GroupId>,
}

impl AnswerKey {
    /// The lines with every `{N}` replaced by `name(N)`.
    pub fn filled(&self, name: impl Fn(SourceId) -> String) -> Vec<String> {
        self.lines.iter().map(|line| fill(line, &name)).collect()
    }
}

impl SentenceAnchor {
    /// The group the sentence belongs to, if it is in the report and not boilerplate.
    pub fn group(&self, report: &Report) -> Option<GroupId> {
        report.sentence(self.source, self.sentence)?.group
    }
}

impl<S> Question<S> {
    /// The same question with its sources numbered by `map`; `None` when
    /// `map` has no number for one of them (a source switched off, say).
    pub fn map_sources<T>(self, map: impl Fn(S) -> Option<T>) -> Option<Question<T>> {
        Some(match self {
            Question::WhichSourcesReport { anchor } => Question::WhichSourcesReport {
                anchor: SentenceAnchor {
                    source: map(anchor.source)?,
                    sentence: anchor.sentence,
                },
            },
            Question::OnlyIn { source } => Question::OnlyIn {
                source: map(source)?,
            },
            Question::LeftOut { source } => Question::LeftOut {
                source: map(source)?,
            },
            Question::NumberDiffers => Question::NumberDiffers,
            Question::DayDiffers => Question::DayDiffers,
            Question::QuoteWorded => Question::QuoteWorded,
            Question::NameSpelled => Question::NameSpelled,
            Question::Custom { text, key } => Question::Custom { text, key },
        })
    }

    /// The kinds of fact flag a question about differences is answered
    /// from; none for the other questions.
    pub fn flag_kinds(&self) -> &'static [FlagKind] {
        match self {
            Question::NumberDiffers => &[FlagKind::NumberConflict],
            Question::DayDiffers => &[FlagKind::WeekdayConflict, FlagKind::DateConflict],
            Question::QuoteWorded => &[
                FlagKind::QuoteReworded,
                FlagKind::QuoteTrimmed,
                FlagKind::QuoteParaphrased,
            ],
            Question::NameSpelled => &[FlagKind::SpelledDifferently, FlagKind::NamedDifferently],
            _ => &[],
        }
    }
}

impl Question {
    /// The question a student reads; `name(N)` is how the front end names report source N.
    pub fn prompt(&self, report: &Report, name: impl Fn(SourceId) -> String) -> String {
        match self {
            Question::WhichSourcesReport { anchor } => {
                match report.sentence(anchor.source, anchor.sentence) {
                    Some(s) => format!(
                        "Which sources report: “{}”?",
                        nested(&excerpt(&s.text, QUOTED_WORDS))
                    ),
                    None => format!(
                        "Which sources report sentence {} of {}?",
                        anchor.sentence.index().saturating_add(1),
                        name(anchor.source)
                    ),
                }
            }
            Question::OnlyIn { source } => format!("Find a detail only {} reports.", name(*source)),
            Question::NumberDiffers => "Which number differs between sources?".to_owned(),
            Question::DayDiffers => "Which sources disagree on the day?".to_owned(),
            Question::QuoteWorded => "Which quote is worded differently?".to_owned(),
            Question::NameSpelled => "Which name is spelled differently?".to_owned(),
            Question::LeftOut { source } => format!("What did {} leave out?", name(*source)),
            Question::Custom { text, .. } => text.clone(),
        }
    }

    /// Whether `flag` answers this question: one of its kinds, and for the
    /// questions about differences (numbers, days, quotations) a conflict,
    /// never a check or a note: a key must not tell a student that two
    /// sources disagree when the report only asks to check (issue #15).
    /// Spellings answer "Which name is spelled differently?" as notes.
    pub fn answered_by(&self, flag: &Flag) -> bool {
        self.flag_kinds().contains(&flag.kind)
            && (matches!(self, Question::NameSpelled) || flag.severity == Severity::Conflict)
    }

    /// The answer key, read from the report.
    pub fn key(&self, report: &Report) -> AnswerKey {
        match self {
            Question::WhichSourcesReport { anchor } => which_sources_report(report, anchor),
            Question::OnlyIn { source } => only_in(report, *source),
            Question::NumberDiffers => {
                flags_key(report, self, "No number differs between the sources.")
            }
            Question::DayDiffers => flags_key(report, self, "No sources disagree on the day."),
            Question::QuoteWorded => flags_key(
                report,
                self,
                "No quotation is worded differently between the sources.",
            ),
            Question::NameSpelled => flags_key(
                report,
                self,
                "Every name is written the same way in all the sources.",
            ),
            Question::LeftOut { source } => left_out(report, *source),
            Question::Custom { key, .. } => AnswerKey {
                lines: key
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(escaped)
                    .collect(),
                groups: Vec::new(),
            },
        }
    }
}

/// "“words”", quotation marks inside single, braces escaped for a template.
fn quoted(text: &str) -> String {
    format!("“{}”", escaped(&nested(&excerpt(text, QUOTED_WORDS))))
}

fn which_sources_report(report: &Report, anchor: &SentenceAnchor) -> AnswerKey {
    let Some(group) = anchor.group(report).and_then(|g| report.group(g)) else {
        return AnswerKey {
            lines: vec![
                "The sentence this question is about is not in the compared articles.".to_owned(),
            ],
            groups: Vec::new(),
        };
    };
    let members: Vec<SourceId> = group.sources();
    let mut lines = vec![match (members.len(), group.status) {
        (1, _) => format!("Only {} reports it.", sources_phrase(&members)),
        (_, Status::Conflict | Status::Adds) => format!(
            "{} report it, each in its own words:",
            sentence_case(&sources_phrase(&members))
        ),
        _ => format!("{} report it.", sentence_case(&sources_phrase(&members))),
    }];
    for source in members.iter().copied().filter(|&s| s != anchor.source) {
        lines.push(format!(
            "Source {{{source}}}: {}",
            quoted(&report.group_text(group, source))
        ));
    }
    let mut groups = vec![group.id];
    for elsewhere in &group.elsewhere {
        if let Some(s) = report.sentence(elsewhere.source, elsewhere.sentence) {
            lines.push(format!(
                "Source {{{}}} may carry it in another sentence, to check: {}.",
                elsewhere.source,
                quoted(&s.text)
            ));
            groups.push(elsewhere.group);
        }
    }
    if !group.missing.is_empty() {
        let verb = if group.missing.len() == 1 {
            "leaves"
        } else {
            "leave"
        };
        lines.push(format!(
            "{} {verb} it out.",
            sentence_case(&sources_phrase(&group.missing))
        ));
    }
    lines.extend(differences(report, group.id));
    AnswerKey { lines, groups }
}

/// How the members of a group differ: its flags' explanations.
fn differences(report: &Report, group: GroupId) -> Vec<String> {
    report
        .facts
        .flags
        .iter()
        .filter(|f| f.group == Some(group))
        .map(|f| f.explanation.clone())
        .collect()
}

/// Unique groups of `source`, in text order, leaving out sentences past the work limits.
fn unique_groups(report: &Report, source: SourceId) -> Vec<(GroupId, &str)> {
    content(report, source)
        .filter(|(_, s)| !s.coarse)
        .filter_map(|(_, s)| {
            let group = report.group(s.group?)?;
            (group.status == Status::Unique).then_some((group.id, s.text.as_str()))
        })
        .collect()
}

fn only_in(report: &Report, source: SourceId) -> AnswerKey {
    let unique = unique_groups(report, source);
    if unique.is_empty() {
        return AnswerKey {
            lines: vec![format!(
                "Nothing: everything source {{{source}}} reports, another source reports too."
            )],
            groups: Vec::new(),
        };
    }
    let mut lines = vec![if unique.len() == 1 {
        format!("Source {{{source}}} alone reports 1 piece of information:")
    } else {
        format!(
            "Source {{{source}}} alone reports {}; any one of them answers. For example:",
            pieces(unique.len())
        )
    }];
    lines.extend(examples(report, &unique).into_iter().map(quoted));
    AnswerKey {
        lines,
        groups: unique.iter().map(|(g, _)| *g).collect(),
    }
}

/// "1 piece of information", "84 pieces of information".
fn pieces(count: usize) -> String {
    if count == 1 {
        "1 piece of information".to_owned()
    } else {
        format!("{count} pieces of information")
    }
}

/// The best example sentences in text order: those with a number or a date
/// first (details a student can point at), headlines and subheadings last.
fn examples<'a>(report: &Report, unique: &[(GroupId, &'a str)]) -> Vec<&'a str> {
    let facts = &report.facts;
    let mut detailed = vec![false; report.groups.len()];
    let places = facts.quantities.iter().map(|q| q.at.group);
    for group in places
        .chain(facts.dates.iter().map(|d| d.at.group))
        .flatten()
    {
        if let Some(slot) = detailed.get_mut(group.index()) {
            *slot = true;
        }
    }
    let mut ranked: Vec<(usize, usize)> = unique
        .iter()
        .enumerate()
        .map(|(i, (group, text))| {
            let rank = if !super::worksheet::reads_as_sentence(text) {
                2
            } else {
                usize::from(!detailed.get(group.index()).copied().unwrap_or(false))
            };
            (rank, i)
        })
        .collect();
    sort_by(&mut ranked, |&(rank, i)| [rank as u64, i as u64, 0, 0]);
    ranked.truncate(MAX_EXAMPLES);
    sort_by(&mut ranked, |&(_, i)| [i as u64, 0, 0, 0]);
    ranked.into_iter().map(|(_, i)| unique[i].1).collect()
}

fn left_out(report: &Report, source: SourceId) -> AnswerKey {
    let groups = omitted(report, source);
    if groups.is_empty() {
        return AnswerKey {
            lines: vec![format!(
                "Nothing: source {{{source}}} reports everything that at least two other sources report."
            )],
            groups,
        };
    }
    let mut lines = vec![format!(
        "Source {{{source}}} leaves out {} that at least two other sources report. The most reported:",
        pieces(groups.len())
    )];
    for &g in groups.iter().take(MAX_EXAMPLES) {
        let (Some(group), Some(text)) = (report.group(g), reference_text(report, g)) else {
            continue;
        };
        let members: Vec<SourceId> = group.sources();
        lines.push(format!("{} ({})", quoted(text), sources_phrase(&members)));
    }
    if groups.len() > MAX_EXAMPLES {
        lines.push(format!("And {} more.", groups.len() - MAX_EXAMPLES));
    }
    AnswerKey { lines, groups }
}

/// The explanations of every flag of `kinds`, or `none` when there is none.
fn flags_key(report: &Report, question: &Question, none: &str) -> AnswerKey {
    let flags: Vec<&Flag> = report
        .facts
        .flags
        .iter()
        .filter(|f| question.answered_by(f))
        .collect();
    if flags.is_empty() {
        return AnswerKey {
            lines: vec![none.to_owned()],
            groups: Vec::new(),
        };
    }
    let mut groups = Vec::new();
    for flag in &flags {
        let sides = flag.sides.iter().map(|s| s.at.group);
        for group in flag.group.into_iter().chain(sides.flatten()) {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }
    AnswerKey {
        lines: flags.iter().map(|f| f.explanation.clone()).collect(),
        groups,
    }
}

/// A default list of questions for a report, for a teacher to start from:
/// which sources report a widely reported sentence they tell differently;
/// a question for each kind of difference the report flags; a detail only
/// the source with most unique information reports; what the source that
/// leaves out most leaves out.
pub fn templates(report: &Report) -> Vec<Question> {
    let mut questions = Vec::new();
    if let Some(anchor) = widely_reported(report) {
        questions.push(Question::WhichSourcesReport { anchor });
    }
    let flagged = [
        Question::NumberDiffers,
        Question::DayDiffers,
        Question::QuoteWorded,
        Question::NameSpelled,
    ];
    // A question whose key would be empty is not offered.
    questions.extend(
        flagged
            .into_iter()
            .filter(|q| report.facts.flags.iter().any(|f| q.answered_by(f))),
    );
    let richest = most(report, |s| unique_groups(report, s).len());
    if let (true, Some(source)) = (report.sources.len() > 1, richest) {
        questions.push(Question::OnlyIn { source });
    }
    if let Some(source) = most(report, |s| omitted(report, s).len()) {
        questions.push(Question::LeftOut { source });
    }
    questions
}

/// The source with the highest nonzero `count`, the first on ties.
fn most(report: &Report, count: impl Fn(SourceId) -> usize) -> Option<SourceId> {
    let mut best: Option<(SourceId, usize)> = None;
    for source in report.source_ids() {
        let n = count(source);
        if n > 0 && best.is_none_or(|(_, m)| n > m) {
            best = Some((source, n));
        }
    }
    best.map(|(source, _)| source)
}

/// The reference sentence of the most widely reported group whose details
/// conflict and that some source leaves out (else of the most widely
/// reported group that gives the same information or conflicting details:
/// a key built on a row where one source only adds a detail would be
/// "they all report it" with a caveat a student cannot check).
fn widely_reported(report: &Report) -> Option<SentenceAnchor> {
    let shared = report
        .groups
        .iter()
        .filter(|g| g.coverage() > 1 && matches!(g.status, Status::Same | Status::Conflict));
    let preferred = shared
        .clone()
        .filter(|g| g.status == Status::Conflict && !g.missing.is_empty())
        .max_by_key(|g| (g.coverage(), std::cmp::Reverse(g.id)));
    let group =
        preferred.or_else(|| shared.max_by_key(|g| (g.coverage(), std::cmp::Reverse(g.id))))?;
    let member = group.reference_member()?;
    Some(SentenceAnchor {
        source: member.source,
        sentence: member.sentence,
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;
    use crate::facts::testing::report;

    /// The prompt and the filled key of `question` on `texts`, groups last.
    fn asked(texts: &[&str], question: &Question) -> String {
        let report = report(texts);
        let name = |n: SourceId| format!("[{n}]");
        let key = question.key(&report);
        let mut out = format!("Q: {}\n", question.prompt(&report, name));
        for line in key.filled(name) {
            let _ = writeln!(out, "A: {line}");
        }
        let _ = writeln!(out, "groups: {:?}", key.groups);
        out
    }

    fn check(texts: &[&str], question: Question, expect: &str) {
        assert_eq!(asked(texts, &question), expect, "\nfor {texts:#?}");
    }

    const WEEKDAYS: [&str; 3] = [
        "The leaders spoke by phone on Tuesday about the ceasefire plan for Ukraine. The call lasted nearly 90 minutes.",
        "The leaders spoke by phone on Wednesday about the ceasefire plan for Ukraine.",
        "Markets in Asia fell sharply overnight on fears of a wider trade war.",
    ];

    #[test]
    fn which_sources_report_names_members_and_missing_sources() {
        check(
            &WEEKDAYS,
            Question::WhichSourcesReport {
                anchor: SentenceAnchor {
                    source: SourceId::new(1),
                    sentence: SentenceId::new(0),
                },
            },
            "Q: Which sources report: “The leaders spoke by phone on Wednesday about the ceasefire plan for Ukraine.”?\nA: Sources [0] and [1] report it, each in its own words:\nA: Source [0]: “The leaders spoke by phone on Tuesday about the ceasefire plan for Ukraine.”\nA: Source [2] leaves it out.\nA: Source [0] says “Tuesday”; source [1] says “Wednesday”: “Tuesday” and “Wednesday” cannot both be right for the same event.\ngroups: [0]\n",
        );
    }

    #[test]
    fn which_sources_report_an_anchor_past_the_text() {
        check(
            &WEEKDAYS,
            Question::WhichSourcesReport {
                anchor: SentenceAnchor {
                    source: SourceId::new(7),
                    sentence: SentenceId::new(3),
                },
            },
            "Q: Which sources report sentence 4 of [7]?\nA: The sentence this question is about is not in the compared articles.\ngroups: []\n",
        );
    }

    #[test]
    fn only_in_lists_unique_details() {
        check(
            &WEEKDAYS,
            Question::OnlyIn {
                source: SourceId::new(0),
            },
            "Q: Find a detail only [0] reports.\nA: Source [0] alone reports 1 piece of information:\nA: “The call lasted nearly 90 minutes.”\ngroups: [1]\n",
        );
    }

    #[test]
    fn day_differs_explains_the_weekday_conflict() {
        check(
            &WEEKDAYS,
            Question::DayDiffers,
            "Q: Which sources disagree on the day?\nA: Source [0] says “Tuesday”; source [1] says “Wednesday”: “Tuesday” and “Wednesday” cannot both be right for the same event.\ngroups: [0]\n",
        );
    }

    #[test]
    fn number_differs_says_so_when_none_does() {
        check(
            &WEEKDAYS,
            Question::NumberDiffers,
            "Q: Which number differs between sources?\nA: No number differs between the sources.\ngroups: []\n",
        );
    }

    #[test]
    fn quote_worded_explains_a_reworded_quote_but_not_a_trimmed_one() {
        check(
            &[
                "“We have never been closer to a real peace deal,” Witkoff told reporters on Friday.",
                "“We have never been nearer to a real peace deal,” Witkoff told reporters on Friday.",
            ],
            Question::QuoteWorded,
            "Q: Which quote is worded differently?\nA: Source [0] quotes “We have never been closer to a real peace deal”; source [1] quotes “We have never been nearer to a real peace deal”: the same quotation in other words (“nearer” for “closer”).\ngroups: [0]\n",
        );
        // A trimmed quotation is a note, not a difference a key may teach.
        check(
            &[
                "“We will bring this war to an end, believe me, very soon,” Trump said on Tuesday.",
                "“We will bring this war to an end very soon,” Trump said on Tuesday.",
            ],
            Question::QuoteWorded,
            "Q: Which quote is worded differently?\nA: No quotation is worded differently between the sources.\ngroups: []\n",
        );
    }

    #[test]
    fn name_spelled_explains_spellings() {
        check(
            &[
                "Zelenskyy spoke in Kyiv on Monday about the talks.",
                "Zelensky spoke in Kiev on Monday about the talks.",
            ],
            Question::NameSpelled,
            "Q: Which name is spelled differently?\nA: “Zelenskyy” (source [0]) and “Zelensky” (source [1]) are the same name spelled differently: a transliteration or house style, not a disagreement.\nA: “Kyiv” (source [0]) and “Kiev” (source [1]) are the same name spelled differently: a transliteration or house style, not a disagreement.\ngroups: [0]\n",
        );
    }

    #[test]
    fn left_out_lists_what_two_others_report() {
        check(
            &[
                "The ceasefire would last thirty days under the American proposal.",
                "Under the American proposal the ceasefire would last thirty days.",
                "Zelensky addressed the nation in a nightly video on Monday evening.",
            ],
            Question::LeftOut {
                source: SourceId::new(2),
            },
            "Q: What did [2] leave out?\nA: Source [2] leaves out 1 piece of information that at least two other sources report. The most reported:\nA: “The ceasefire would last thirty days under the American proposal.” (sources [0] and [1])\ngroups: [0]\n",
        );
    }

    #[test]
    fn custom_keys_keep_the_teachers_words() {
        check(
            &WEEKDAYS,
            Question::Custom {
                text: "Why might {0} say Wednesday?".into(),
                key: "It is about another call.\n\n{braces} stay".into(),
            },
            "Q: Why might {0} say Wednesday?\nA: It is about another call.\nA: {braces} stay\ngroups: []\n",
        );
    }

    #[test]
    fn templates_follow_the_flags() {
        let questions = templates(&report(&WEEKDAYS));
        let anchor = SentenceAnchor {
            source: SourceId::new(0),
            sentence: SentenceId::new(0),
        };
        assert_eq!(
            questions,
            [
                Question::WhichSourcesReport { anchor },
                Question::DayDiffers,
                Question::OnlyIn {
                    source: SourceId::new(0)
                },
                Question::LeftOut {
                    source: SourceId::new(2)
                },
            ]
        );
        assert!(templates(&report(&[])).is_empty());
    }

    #[test]
    fn questions_serialise_with_a_kind_tag() {
        let questions = [
            Question::WhichSourcesReport {
                anchor: SentenceAnchor {
                    source: SourceId::new(1),
                    sentence: SentenceId::new(4),
                },
            },
            Question::OnlyIn {
                source: SourceId::new(2),
            },
            Question::NumberDiffers,
            Question::DayDiffers,
            Question::QuoteWorded,
            Question::NameSpelled,
            Question::LeftOut {
                source: SourceId::new(0),
            },
            Question::Custom {
                text: "Why?".into(),
                key: "Because.".into(),
            },
        ];
        let json = serde_json::to_string(&questions).unwrap_or_default();
        assert_eq!(
            json,
            r#"[{"kind":"which-sources-report","anchor":{"source":1,"sentence":4}},{"kind":"only-in","source":2},{"kind":"number-differs"},{"kind":"day-differs"},{"kind":"quote-worded"},{"kind":"name-spelled"},{"kind":"left-out","source":0},{"kind":"custom","text":"Why?","key":"Because."}]"#
        );
        let back: Vec<Question> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, questions);
    }
}
