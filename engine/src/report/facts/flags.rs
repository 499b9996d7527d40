//! The report's flags: a conflict between sources, something to check, or a note, each quoting both sources' words and explaining itself.
//!
//! Flag explanations are templates: `{3}` stands for report source 3 and the
//! UI puts its own name for that source there ([`Flag::explain`]); `{{` and
//! `}}` are literal braces.

use serde::{Deserialize, Serialize};

use crate::report::ids::{GroupId, SourceId};

use super::At;

/// One flag: a conflict between sources, something to check, or a note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    /// What kind of difference it is.
    pub kind: FlagKind,
    /// How strongly it suggests that a source is wrong.
    pub severity: Severity,
    /// The group the flag belongs to: the group all sides share, when they
    /// share one. Sides carry their own groups, so a flag whose sides lie in
    /// two groups can be shown on both rows.
    #[serde(default)]
    pub group: Option<GroupId>,
    /// The words of each source the flag is about, at least one per source involved.
    pub sides: Vec<FlagSide>,
    /// A sentence for a student, quoting the sources' words. A template:
    /// `{N}` names report source N (see [`Flag::explain`]), `{{`/`}}` are braces.
    pub explanation: String,
    /// For quote flags: the quote group compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_group: Option<usize>,
}

/// One source's words in a flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagSide {
    /// Where the words are.
    #[serde(flatten)]
    pub at: At,
    /// The words as written (`text[start..end]`).
    pub text: String,
}

/// The kinds of flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// The same quantity with values that cannot both be true ("nearly 90" and "over 90" minutes).
    NumberConflict,
    /// Different weekdays for the same event.
    WeekdayConflict,
    /// Different dates, months, years or times for the same event.
    DateConflict,
    /// The same action attributed to different people.
    ActorConflict,
    /// The same quotation attributed to different speakers.
    SpeakerConflict,
    /// The same quotation in other words.
    QuoteReworded,
    /// The same quotation with words left out.
    QuoteTrimmed,
    /// Quoted by one source, given without quotation marks by another.
    QuoteParaphrased,
    /// The same name spelled differently (Zelensky / Zelenskyy, Kyiv / Kiev).
    SpelledDifferently,
    /// The same person named with another form of the first name (Mike / Michael Waltz).
    NamedDifferently,
    /// A long run of identical wording in two sources: likely shared wire copy or a press release.
    SharedWording,
}

names!(FlagKind {
    NumberConflict => "number-conflict",
    WeekdayConflict => "weekday-conflict",
    DateConflict => "date-conflict",
    ActorConflict => "actor-conflict",
    SpeakerConflict => "speaker-conflict",
    QuoteReworded => "quote-reworded",
    QuoteTrimmed => "quote-trimmed",
    QuoteParaphrased => "quote-paraphrased",
    SpelledDifferently => "spelled-differently",
    NamedDifferently => "named-differently",
    SharedWording => "shared-wording",
});

/// How strongly a flag suggests that a source is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Aligned sentences say things that cannot both be true.
    Conflict,
    /// Probably about the same thing and worth checking: sentences matched
    /// outside a group, or a quotation worded differently.
    Check,
    /// Worth knowing, not an error: spellings, trimmed quotes, shared copy.
    Note,
}

names!(Severity {
    Conflict => "conflict",
    Check => "check",
    Note => "note",
});

impl Flag {
    /// A flag whose group is the one all its sides share, if they share one.
    pub fn new(
        kind: FlagKind,
        severity: Severity,
        sides: Vec<FlagSide>,
        explanation: String,
    ) -> Flag {
        let group = sides
            .first()
            .and_then(|s| s.at.group)
            .filter(|&g| sides.iter().all(|s| s.at.group == Some(g)));
        Flag {
            kind,
            severity,
            group,
            sides,
            explanation,
            quote_group: None,
        }
    }

    /// The explanation with every `{N}` replaced by `name(N)`: the UI passes
    /// its letter or outlet for report source N, the CLI its `[N]`.
    ///
    /// ```
    /// # use crosscheck_engine::report::{Flag, FlagKind, GroupId, Severity, SourceId};
    /// let flag = Flag {
    ///     kind: FlagKind::WeekdayConflict,
    ///     severity: Severity::Conflict,
    ///     group: Some(GroupId::new(0)),
    ///     sides: Vec::new(),
    ///     explanation: "Source {1} says “Wednesday”; source {0} says “Tuesday”.".into(),
    ///     quote_group: None,
    /// };
    /// let letters = |n: SourceId| ["A", "B"][n.index()].to_owned();
    /// assert_eq!(flag.explain(letters), "Source B says “Wednesday”; source A says “Tuesday”.");
    /// ```
    pub fn explain(&self, name: impl Fn(SourceId) -> String) -> String {
        fill(&self.explanation, name)
    }
}

/// Fills a template: `{N}` → `name(N)`, `{{` → `{`, `}}` → `}`; anything else is kept.
pub fn fill(template: &str, name: impl Fn(SourceId) -> String) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let digits = tail[1..].bytes().take_while(u8::is_ascii_digit).count();
        let number = tail
            .get(1..1 + digits)
            .and_then(|d| d.parse::<usize>().ok());
        match number {
            Some(n) if tail[1 + digits..].starts_with('}') => {
                out.push_str(&name(SourceId::new(n)));
                rest = &tail[digits + 2..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(template: &str, expect: &str) {
        assert_eq!(fill(template, |n| format!("<{n}>")), expect);
    }

    #[test]
    fn placeholders_are_filled_and_braces_unescaped() {
        check("Source {3} says “x”", "Source <3> says “x”");
        check("{{12}} and }} {0}{1}", "{12} and } <0><1>");
        check("odd { and {x} and {12", "odd { and {x} and {12");
        check("", "");
    }
}
