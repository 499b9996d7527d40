//! The facts section of the report: numbers, dates, names and quotations found per sentence, and the flags that compare them.
//!
//! These are serde types like the rest of [`crate::report`] (which re-exports
//! them); `docs/report-format.md` documents every field. Every extracted item
//! says where it is with an [`At`]: source, sentence, the sentence's group and
//! a byte range into the source's original text.
//!
//! Flag explanations are templates: `{3}` stands for report source 3 and the
//! UI puts its own name for that source there ([`Flag::explain`]); `{{` and
//! `}}` are literal braces.

use serde::{Deserialize, Serialize};

use crate::report::{Mark, Span};

/// What the facts stage found and how the sources compare on it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    /// Every conflict, difference and note, strongest first (conflicts, then
    /// checks, then notes), each explaining itself with both sources' words.
    pub flags: Vec<Flag>,
    /// Quoted words, one piece per sentence a quotation touches, in source and text order.
    pub quotes: Vec<Quote>,
    /// The same quotation as given by two or more sources (or quoted by one and paraphrased by another).
    pub quote_groups: Vec<QuoteGroup>,
    /// Numbers with their units, hedges and counted nouns, in source and text order.
    pub quantities: Vec<Quantity>,
    /// Weekdays, dates, months, years, times and relative dates, in source and text order.
    pub dates: Vec<When>,
    /// People, organisations and places, one entry per named thing across the set.
    pub names: Vec<NameEntry>,
    /// Long runs of identical wording outside quotations, per pair of sources.
    pub shared_wording: Vec<SharedWording>,
}

/// Where an item is: a byte range of one sentence of one source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct At {
    /// Index of the source in `report.sources`.
    pub source: usize,
    /// Index of the sentence in that source's `sentences` (the first one when the item spans several).
    pub sentence: usize,
    /// The group of that sentence, when it has one.
    #[serde(default)]
    pub group: Option<usize>,
    /// Byte offset of the first byte in the source text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

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
    pub group: Option<usize>,
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

/// A quantity: a number with what it counts or measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it is: from the hedge to the unit or counted noun.
    #[serde(flatten)]
    pub at: At,
    /// The words as written ("nearly 90 minutes").
    pub text: String,
    /// Amount or ordinal.
    pub kind: QuantityKind,
    /// The number, in `unit` when there is one (90 for "an hour and a half": minutes).
    pub value: f64,
    /// The unit the value is in after conversion: `minute`, `day`, `month`,
    /// `year`, `percent`, `square-km`, `km`, `kg`, `usd`, `eur`, `gbp`, `rub`.
    #[serde(default)]
    pub unit: Option<String>,
    /// For a count without a unit: the comparison key of the counted noun ("region").
    #[serde(default)]
    pub noun: Option<String>,
    /// The hedge before the number, if any.
    #[serde(default)]
    pub hedge: Option<Hedge>,
    /// Lowest value the words allow (see `docs/facts.md`).
    pub low: f64,
    /// Highest value the words allow; `None` for "more than" and "at least".
    #[serde(default)]
    pub high: Option<f64>,
}

/// Amount or ordinal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    /// How many or how much.
    Amount,
    /// A position: "second", "10th".
    Ordinal,
}

/// The word that makes a number approximate or a bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// "nearly", "almost", "just under", "close to": a little less than the number.
    Nearly,
    /// "about", "around", "roughly", "approximately", "some", "an estimated".
    About,
    /// "more than", "over", "above", "in excess of": strictly more.
    MoreThan,
    /// "at least": the number or more.
    AtLeast,
    /// "less than", "under", "below", "fewer than": strictly less.
    LessThan,
    /// "up to", "at most", "as many as", "no more than": the number or less.
    UpTo,
    /// "hundreds of", "dozens of": many times the unit word.
    Many,
}

/// A date, weekday, month, year, time of day or relative date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    /// Where it is.
    #[serde(flatten)]
    pub at: At,
    /// The words as written ("Feb. 28", "Sunday evening", "between 1 p.m. and 3 p.m. GMT").
    pub text: String,
    /// What kind of time it names.
    pub kind: WhenKind,
    /// The normalised value: `tuesday`; `2025-03-17`, `--02-28` (no year);
    /// `2022-02`, `--12` (month, no year); `2022`; `13:00`, `13:00-15:00 GMT`;
    /// `last week`, `yesterday`.
    pub value: String,
    /// A part of the day written with a weekday ("evening", "late").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<String>,
}

/// What kind of time a [`When`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WhenKind {
    /// A day of the week.
    Weekday,
    /// A calendar day, with or without its year.
    Date,
    /// A month, with or without its year.
    Month,
    /// A year on its own.
    Year,
    /// A time of day or a span of times, with its time zone when written.
    Time,
    /// A date relative to when the article was written ("last week", "yesterday").
    Relative,
}

/// A person, organisation or place named in the set, with every way it is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameEntry {
    /// Its index in `facts.names`.
    pub id: usize,
    /// The name to show: the most used full form ("Donald Trump"; a formal
    /// first name over a short form: "Michael Waltz").
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: NameKind,
    /// The identity key: for a person the surname's comparison key, otherwise the whole name's.
    pub key: String,
    /// Each written form of the name (without titles), with the sources using it, in order of first use.
    pub forms: Vec<NameForm>,
    /// Titles written with the name ("Kremlin spokesman"), with their sources; honorifics (Mr., Ms.) left out.
    #[serde(default)]
    pub titles: Vec<NameForm>,
    /// Every mention, title included, in source and text order.
    pub mentions: Vec<At>,
}

/// One written form of a name or title and the sources that use it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameForm {
    /// The form as first written.
    pub text: String,
    /// Sources that use it, ascending.
    pub sources: Vec<usize>,
}

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameKind {
    /// A person.
    Person,
    /// An organisation, institution, outlet or office.
    Organisation,
    /// A country, region, city or other place.
    Place,
    /// Anything else capitalised as a name ("Air Force One", "World War II").
    Other,
}

/// Quoted words inside one sentence: one piece of a quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Where the quoted words are, quotation marks left out.
    #[serde(flatten)]
    pub at: At,
    /// The quoted words.
    pub text: String,
    /// Pieces with the same source and `quotation` number are one quotation
    /// that runs over several sentences (numbered from 0 in each source).
    pub quotation: usize,
    /// The canonical name of who is quoted, when the text says so.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The speaker's entry in `facts.names`.
    #[serde(default)]
    pub speaker_name: Option<usize>,
    /// Where the text names the speaker (possibly in another sentence): a name or a pronoun.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// The quote group this piece belongs to, if another source has it too.
    #[serde(default)]
    pub quote_group: Option<usize>,
}

/// How a quote's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// The sentence names the speaker ("…,” Leavitt said", "said Peskov", "Trump stated").
    Named,
    /// The sentence says "he" or "she"; the speaker is the person the previous sentences talk about.
    Pronoun,
    /// The quotation continues one attributed earlier in the paragraph.
    Continued,
    /// No speaker found.
    None,
}

/// One quotation as given by several sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// Its index in `facts.quote_groups`.
    pub id: usize,
    /// The speaker most members name, if any.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Index into `members` of the fullest version, which the others are compared with.
    pub reference: usize,
    /// One member per source, in source order.
    pub members: Vec<QuoteMember>,
}

/// One source's version of a quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteMember {
    /// The quote piece (index into `facts.quotes`); `None` for a paraphrase.
    #[serde(default)]
    pub quote: Option<usize>,
    /// The quoted words, or for a paraphrase the sentence that paraphrases them.
    #[serde(flatten)]
    pub at: At,
    /// How it compares with the reference.
    pub relation: QuoteRelation,
    /// Word marks over `start..end` against the reference, like a group
    /// member's marks (`against` points into the reference's source text).
    /// Empty for a paraphrase.
    #[serde(default)]
    pub marks: Vec<Mark>,
}

/// How a version of a quotation compares with the fullest version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteRelation {
    /// The fullest version itself.
    Reference,
    /// The same words (case, punctuation, contractions and spelling variants aside).
    Identical,
    /// The same words with some left out.
    Trimmed,
    /// Other words in places.
    Reworded,
    /// Given without quotation marks.
    Paraphrased,
}

/// Identical wording shared by two sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedWording {
    /// The two sources, ascending.
    pub sources: Vec<usize>,
    /// Words in all runs together.
    pub words: usize,
    /// For each of `sources`: the fraction (0 to 1) of its compared words inside the runs.
    pub shares: Vec<f64>,
    /// The runs, in the first source's text order.
    pub runs: Vec<SharedRun>,
}

/// One run of identical words in two sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedRun {
    /// Its length in words.
    pub words: usize,
    /// Where it is in each source (`sentence` is the sentence it starts in; it may run on into the next).
    pub sides: Vec<At>,
    /// The words as the first source writes them.
    pub text: String,
}

impl Facts {
    /// The flags to show on a group's row: those whose `group` it is and
    /// those with a side in one of its sentences, strongest first.
    ///
    /// ```
    /// # use crosscheck_engine::{compare, seeds, Config};
    /// let report = compare(&seeds::bundled(), &Config::default());
    /// let on_row_0: Vec<_> = report.facts.flags_for_group(0).collect();
    /// assert!(on_row_0.iter().any(|f| f.explain(|n| n.to_string()).contains("“Wednesday”")));
    /// ```
    pub fn flags_for_group(&self, group: usize) -> impl Iterator<Item = &Flag> {
        self.flags.iter().filter(move |f| {
            f.group == Some(group) || f.sides.iter().any(|s| s.at.group == Some(group))
        })
    }

    /// The quotes by speaker: speakers with most quotes first (ties in order
    /// of first quote), unattributed quotes last under `None`; each speaker's
    /// quotes in source and text order.
    pub fn quotes_by_speaker(&self) -> Vec<(Option<&str>, Vec<&Quote>)> {
        let mut speakers: Vec<(Option<&str>, Vec<&Quote>)> = Vec::new();
        for quote in &self.quotes {
            let speaker = quote.speaker.as_deref();
            match speakers.iter_mut().find(|(s, _)| *s == speaker) {
                Some((_, list)) => list.push(quote),
                None => speakers.push((speaker, vec![quote])),
            }
        }
        let mut order: Vec<usize> = (0..speakers.len()).collect();
        super::sort_by(&mut order, |&i| {
            let (speaker, quotes) = &speakers[i];
            [
                u64::from(speaker.is_none()),
                u64::MAX - quotes.len() as u64,
                i as u64,
                0,
            ]
        });
        let mut slots: Vec<Option<(Option<&str>, Vec<&Quote>)>> =
            speakers.into_iter().map(Some).collect();
        order.into_iter().filter_map(|i| slots[i].take()).collect()
    }
}

impl Flag {
    /// The explanation with every `{N}` replaced by `name(N)`: the UI passes
    /// its letter or outlet for report source N, the CLI its `[N]`.
    ///
    /// ```
    /// # use crosscheck_engine::report::{Flag, FlagKind, Severity};
    /// let flag = Flag {
    ///     kind: FlagKind::WeekdayConflict,
    ///     severity: Severity::Conflict,
    ///     group: Some(0),
    ///     sides: Vec::new(),
    ///     explanation: "Source {1} says “Wednesday”; source {0} says “Tuesday”.".into(),
    ///     quote_group: None,
    /// };
    /// let letters = |n: usize| ["A", "B"][n].to_owned();
    /// assert_eq!(flag.explain(letters), "Source B says “Wednesday”; source A says “Tuesday”.");
    /// ```
    pub fn explain(&self, name: impl Fn(usize) -> String) -> String {
        fill(&self.explanation, name)
    }
}

/// Fills a template: `{N}` → `name(N)`, `{{` → `{`, `}}` → `}`; anything else is kept.
pub fn fill(template: &str, name: impl Fn(usize) -> String) -> String {
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
                out.push_str(&name(n));
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
