//! Dates and times: weekdays, calendar dates, months, years, times of day and relative dates, each with a normalised value.
//!
//! Works on the normalize stage's tokens: weekdays, months and relative
//! periods already carry a date key ("Tue" → `tuesday`, "last week" → `last
//! week`). This module joins them with their numbers and neighbours:
//!
//! ```text
//! Sunday evening                      weekday  sunday (part of day: evening)
//! Feb. 28 · March 17, 2025 · 17 March date     --02-28 · 2025-03-17 · --03-17
//! in June · February 2022             month    --06 · 2022-02
//! in 2014 · the 2016 election         year     2014 · 2016
//! between 1 p.m. and 3 p.m. GMT       time     13:00-15:00 GMT
//! last week · yesterday               relative last week · yesterday
//! ```
//!
//! A month alone counts only after a word like "in", "since" or "last", so
//! "May" the verb and "March" the noun stay words. The tokens a date uses are
//! reported so [`super::quantity`] does not read "28" or "2025" as amounts.

use super::{Sentence, Set};
use crate::calendar::{MONTHS, WEEKDAYS};
use crate::normalize::WordClass;
use crate::report::{When, WhenKind};

/// The dates found and, per sentence of the set, which tokens they use.
pub(crate) struct Dates {
    pub found: Vec<When>,
    /// `used[sentence][token]`: the token belongs to a date or time.
    pub used: Vec<Vec<bool>>,
}

/// Relative days the normalizer keys as dates.
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];

/// Parts of the day after a weekday ("Sunday evening") or before it ("late Monday").
const PARTS_AFTER: &[&str] = &["morning", "afternoon", "evening", "night"];
const PARTS_BEFORE: &[&str] = &["early", "late"];

/// Words after which a month alone is a date ("in June", "since March").
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "last", "next", "early", "late", "mid", "this", "during",
    "from", "through", "before", "after", "of",
];

/// Time zones written after a time.
const ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "eet", "msk", "et", "est", "edt", "ct", "cst", "cdt", "mt",
    "mst", "mdt", "pt", "pst", "pdt", "ist", "jst",
];

/// Finds the dates of every sentence of the set.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(crate) fn extract(set: &Set<'_>) -> Dates {
    let mut found = Vec::new();
    let mut used = Vec::with_capacity(set.sentences.len());
    for sentence in &set.sentences {
        let mut flags = vec![false; sentence.tokens.len()];
        sentence_dates(set, sentence, &mut flags, &mut found);
        used.push(flags);
    }
    Dates { found, used }
}

/// A date found at tokens `first..=last`.
struct Found {
    first: usize,
    last: usize,
    kind: WhenKind,
    value: String,
    part_of_day: Option<String>,
}

fn sentence_dates(set: &Set<'_>, s: &Sentence<'_>, used: &mut [bool], out: &mut Vec<When>) {
    let mut i = 0;
    while i < s.tokens.len() {
        let found = if used[i] {
            None
        } else {
            time(s, i)
                .or_else(|| date_word(set, s, i))
                .or_else(|| year(s, i))
        };
        let Some(found) = found else {
            i += 1;
            continue;
        };
        for flag in used.iter_mut().take(found.last + 1).skip(found.first) {
            *flag = true;
        }
        let mut range = s.span(found.first, found.last);
        // "p.m." and "Feb." keep their final period.
        if s.text.get(range.end..range.end + 1) == Some(".")
            && matches!(s.folded(found.last), "a.m" | "p.m")
        {
            range.end += 1;
        }
        out.push(When {
            at: s.at(&range),
            text: s.slice(&range).to_owned(),
            kind: found.kind,
            value: found.value,
            part_of_day: found.part_of_day,
        });
        i = found.last + 1;
    }
}

/// A weekday, month or relative date at token `i`.
fn date_word(set: &Set<'_>, s: &Sentence<'_>, i: usize) -> Option<Found> {
    let token = s.tokens.get(i)?;
    if token.class != WordClass::Date {
        return None;
    }
    let key = set.key(token);
    if WEEKDAYS.contains(&key) {
        return Some(weekday(s, i, key));
    }
    if let Some(month) = MONTHS.iter().position(|m| *m == key) {
        return month_date(s, i, month as u32 + 1);
    }
    if RELATIVE_DAYS.contains(&key) {
        return Some(Found {
            first: i,
            last: i,
            kind: WhenKind::Relative,
            value: key.to_owned(),
            part_of_day: None,
        });
    }
    // "last week": the period word carries the phrase's key; "This Week" (a
    // programme's name, capitalised inside a sentence) is not a date.
    let title = i > 1 && s.capitalised(i) && s.capitalised(i - 1);
    if key.contains(' ') && i > 0 && !title {
        return Some(Found {
            first: i - 1,
            last: i,
            kind: WhenKind::Relative,
            value: key.to_owned(),
            part_of_day: None,
        });
    }
    None
}

fn weekday(s: &Sentence<'_>, i: usize, key: &str) -> Found {
    let mut found = Found {
        first: i,
        last: i,
        kind: WhenKind::Weekday,
        value: key.to_owned(),
        part_of_day: None,
    };
    if i > 0 && s.spaced(i) && PARTS_BEFORE.contains(&s.folded(i - 1)) {
        found.first = i - 1;
        found.part_of_day = Some(s.folded(i - 1).to_owned());
    }
    if s.spaced(i + 1) && PARTS_AFTER.contains(&s.folded(i + 1)) {
        found.last = i + 1;
        found.part_of_day = Some(s.folded(i + 1).to_owned());
    }
    found
}

/// "Feb. 28", "March 17, 2025", "17 March", "February 2022", "in June".
fn month_date(s: &Sentence<'_>, i: usize, month: u32) -> Option<Found> {
    let after = |j: usize, gaps: &[&str]| gaps.contains(&s.gap_before(j)).then_some(j);
    if let Some(day_at) = after(i + 1, &[" ", ". ", ".\u{a0}"]).filter(|&j| day(s, j).is_some()) {
        let day = day(s, day_at)?;
        if let Some(year_at) =
            after(day_at + 1, &[", ", " "]).filter(|&j| year_value(s, j).is_some())
        {
            let year = year_value(s, year_at)?;
            return Some(dated(i, year_at, format!("{year:04}-{month:02}-{day:02}")));
        }
        return Some(dated(i, day_at, format!("--{month:02}-{day:02}")));
    }
    if i > 0 && s.spaced(i) && day(s, i - 1).is_some() {
        let day = day(s, i - 1)?;
        if let Some(year_at) = after(i + 1, &[" ", ", "]).filter(|&j| year_value(s, j).is_some()) {
            let year = year_value(s, year_at)?;
            return Some(dated(
                i - 1,
                year_at,
                format!("{year:04}-{month:02}-{day:02}"),
            ));
        }
        return Some(dated(i - 1, i, format!("--{month:02}-{day:02}")));
    }
    if s.spaced(i + 1)
        && let Some(year) = year_value(s, i + 1)
    {
        return Some(month_found(i, i + 1, format!("{year:04}-{month:02}")));
    }
    let cued = i > 0 && MONTH_CUES.contains(&s.folded(i - 1));
    cued.then(|| month_found(i, i, format!("--{month:02}")))
}

fn dated(first: usize, last: usize, value: String) -> Found {
    Found {
        first,
        last,
        kind: WhenKind::Date,
        value,
        part_of_day: None,
    }
}

fn month_found(first: usize, last: usize, value: String) -> Found {
    Found {
        first,
        last,
        kind: WhenKind::Month,
        value,
        part_of_day: None,
    }
}

/// A day of the month written in digits ("28", "17th").
fn day(s: &Sentence<'_>, i: usize) -> Option<u32> {
    if !s.is(i, WordClass::Number) {
        return None;
    }
    let word = s.folded(i);
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A year written as four digits from 1900 to 2100.
fn year_value(s: &Sentence<'_>, i: usize) -> Option<u32> {
    let word = s.folded(i);
    if !s.is(i, WordClass::Number) || word.len() != 4 {
        return None;
    }
    let year: u32 = word.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// A year standing alone: "in 2014", "the 2016 election"; not "2000 troops" or "$2025".
fn year(s: &Sentence<'_>, i: usize) -> Option<Found> {
    let year = year_value(s, i)?;
    if s.gap_before(i).ends_with('$') {
        return None;
    }
    let counts_plural = s.spaced(i + 1)
        && s.is(i + 1, WordClass::Content)
        && s.folded(i + 1).ends_with('s')
        && !s.folded(i + 1).ends_with("ss");
    (!counts_plural).then(|| Found {
        first: i,
        last: i,
        kind: WhenKind::Year,
        value: format!("{year:04}"),
        part_of_day: None,
    })
}

/// A time or a span of times with an optional zone: "1 p.m.", "between 1 and 3 p.m. GMT".
fn time(s: &Sentence<'_>, i: usize) -> Option<Found> {
    let (first_minutes, first_end, meridiem) = clock(s, i)?;
    let mut last = first_end;
    let mut value;
    let joined = matches!(s.folded(first_end + 1), "and" | "to" | "until" | "till")
        .then_some(first_end + 2)
        .or_else(|| {
            let gap = s.gap_before(first_end + 1).trim();
            matches!(gap, "-" | "–" | "—").then_some(first_end + 1)
        });
    let second = joined.and_then(|j| clock(s, j).map(|c| (j, c)));
    match second {
        Some((_, (minutes, end, second_meridiem))) if second_meridiem.is_some() => {
            let start = apply(first_minutes, meridiem.or(second_meridiem));
            value = format!("{}-{}", hhmm(start), hhmm(apply(minutes, second_meridiem)));
            last = end;
        }
        _ => {
            meridiem?;
            value = hhmm(apply(first_minutes, meridiem));
        }
    }
    let zone_gap = matches!(s.gap_before(last + 1), " " | ". ");
    if zone_gap && ZONES.contains(&s.folded(last + 1)) && s.capitalised(last + 1) {
        last += 1;
        value = format!("{value} {}", s.folded(last).to_ascii_uppercase());
    }
    let first = if i > 0 && matches!(s.folded(i - 1), "between" | "from") && second.is_some() {
        i - 1
    } else {
        i
    };
    Some(Found {
        first,
        last,
        kind: WhenKind::Time,
        value,
        part_of_day: None,
    })
}

/// A clock time at token `i`: minutes after midnight (before a.m./p.m.),
/// its last token and its meridiem (`Some(true)` for p.m.).
fn clock(s: &Sentence<'_>, i: usize) -> Option<(u32, usize, Option<bool>)> {
    if !s.is(i, WordClass::Number) {
        return None;
    }
    let hour: u32 = s.folded(i).parse().ok()?;
    if !(1..=12).contains(&hour) {
        return None;
    }
    let mut end = i;
    let mut minutes = (hour % 12) * 60;
    if s.gap_before(i + 1) == ":"
        && let Ok(m) = s.folded(i + 1).parse::<u32>()
        && m < 60
    {
        minutes += m;
        end = i + 1;
    }
    let meridiem = match s.folded(end + 1) {
        "a.m" | "am" if s.spaced(end + 1) => Some(false),
        "p.m" | "pm" if s.spaced(end + 1) => Some(true),
        _ => None,
    };
    if meridiem.is_some() {
        end += 1;
    }
    Some((minutes, end, meridiem))
}

fn apply(minutes: u32, meridiem: Option<bool>) -> u32 {
    if meridiem == Some(true) {
        minutes + 12 * 60
    } else {
        minutes
    }
}

fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use crate::facts::testing::report;

    /// Every date of `text` as `kind value «words»`, with ` (part)` for a part of day.
    fn check(text: &str, expect: &str) {
        let report = report(&[text]);
        let shown: Vec<String> = report
            .facts
            .dates
            .iter()
            .map(|d| {
                let part = d
                    .part_of_day
                    .as_ref()
                    .map_or(String::new(), |p| format!(" ({p})"));
                format!("{:?} {} «{}»{part}", d.kind, d.value, d.text)
            })
            .collect();
        assert_eq!(shown.join(" | "), expect);
    }

    #[test]
    fn weekdays_take_their_part_of_day() {
        check(
            "Trump spoke on Sunday evening and late Monday. Wednesday’s call was short.",
            "Weekday sunday «Sunday evening» (evening) | Weekday monday «late Monday» (late) | Weekday wednesday «Wednesday’s»",
        );
    }

    #[test]
    fn calendar_dates_with_and_without_years() {
        check(
            "After the Feb. 28 meeting, on March 17, 2025 and 17 March they met.",
            "Date --02-28 «Feb. 28» | Date 2025-03-17 «March 17, 2025» | Date --03-17 «17 March»",
        );
    }

    #[test]
    fn months_need_a_cue_or_a_year() {
        check(
            "They met in June and in February 2022. May we go? March on.",
            "Month --06 «June» | Month 2022-02 «February 2022»",
        );
    }

    #[test]
    fn years_alone_but_not_counts() {
        check(
            "In 2014 and in the 2016 election, 2000 troops and 2,000 tanks came.",
            "Year 2014 «2014» | Year 2016 «2016»",
        );
    }

    #[test]
    fn times_spans_and_zones() {
        check(
            "The call will take place between 1 p.m. and 3 p.m. GMT (9 a.m. and 11 a.m. ET), he said at 12:30 p.m.",
            "Time 13:00-15:00 GMT «between 1 p.m. and 3 p.m. GMT» | Time 09:00-11:00 ET «9 a.m. and 11 a.m. ET» | Time 12:30 «12:30 p.m.»",
        );
        check(
            "From 1 to 3 p.m. it rained. He had 2 dogs.",
            "Time 13:00-15:00 «From 1 to 3 p.m.»",
        );
    }

    #[test]
    fn relative_dates_are_kept_as_written() {
        check(
            "Witkoff visited last week and spoke yesterday.",
            "Relative last week «last week» | Relative yesterday «yesterday»",
        );
    }
}
