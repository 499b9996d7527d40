//! Quantities: numbers with their hedge, unit or counted noun, as the range of values the words allow.
//!
//! ```text
//! nearly 90 minutes        hedge nearly   90 minute      [81, 90)
//! over 90 minutes          hedge over     90 minute      (90, …)
//! an hour and a half                      90 minute      [85.5, 94.5]
//! 30-day                                  30 day
//! 1,300 square kilometers                 1300 square-km
//! (500 square miles)                      1295 square-km (converted)
//! approximately 20 percent hedge about    20 percent     [18, 22]
//! 3½ years                                3.5 year
//! hundreds of billions     hedge many     1e11           [2e11, 1e12)
//! four Ukrainian regions                  4, noun region
//! ```
//!
//! A number without a hedge is taken as rounded: it allows 0.4 of its last
//! written digit's place, at most 5% ("90" covers 86 to 94); a small count
//! ("four regions") allows nothing else. A hedge widens the range by
//! [`crate::config::FactsConfig::hedge_margin`] of the value on its side.
//! Times convert to minutes (or days, years), miles to kilometres, so "an hour
//! and a half" meets "90 minutes". A number word ("four") needs a unit or a
//! counted noun to count; digits always do. Numbers of dates are skipped.

use super::{Sentence, Set, decimal};
use crate::normalize::WordClass;
use crate::report::{Hedge, Quantity, QuantityKind};

/// A quantity with what the comparison needs besides the report fields.
pub(crate) struct Found {
    pub quantity: Quantity,
    /// The range the words allow.
    pub range: Interval,
    /// The key of the nearest content word before it ("lasted"), if any.
    pub anchor: Option<u32>,
    /// Where that word starts, when at most two function words stand between.
    pub anchor_start: Option<usize>,
}

/// A range of values; `high: None` has no upper bound.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Interval {
    pub low: f64,
    pub low_open: bool,
    pub high: Option<f64>,
    pub high_open: bool,
}

impl Interval {
    /// Whether some value lies in both ranges.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let (low, low_open) = if self.low > other.low || (self.low == other.low && self.low_open) {
            (self.low, self.low_open)
        } else {
            (other.low, other.low_open)
        };
        let high = match (self.high, other.high) {
            (None, None) => return true,
            (Some(h), None) => (h, self.high_open),
            (None, Some(h)) => (h, other.high_open),
            (Some(a), Some(b)) if a < b || (a == b && self.high_open) => (a, self.high_open),
            (Some(_), Some(b)) => (b, other.high_open),
        };
        low < high.0 || (low == high.0 && !low_open && !high.1)
    }
}

/// Units: written forms, the unit reported and the factor to it.
const UNITS: &[(&[&str], &str, f64)] = &[
    (&["second", "seconds", "sec", "secs"], "minute", 1.0 / 60.0),
    (&["minute", "minutes", "min", "mins"], "minute", 1.0),
    (&["hour", "hours", "hr", "hrs"], "minute", 60.0),
    (&["day", "days"], "day", 1.0),
    (&["week", "weeks"], "day", 7.0),
    (&["month", "months"], "month", 1.0),
    (&["year", "years", "yr", "yrs"], "year", 1.0),
    (&["decade", "decades"], "year", 10.0),
    (&["percent", "pct"], "percent", 1.0),
    (
        &["kilometer", "kilometers", "kilometre", "kilometres", "km"],
        "km",
        1.0,
    ),
    (&["mile", "miles"], "km", 1.609_344),
    (&["kilogram", "kilograms", "kg"], "kg", 1.0),
    (&["ton", "tons", "tonne", "tonnes"], "kg", 1000.0),
    (&["dollar", "dollars"], "usd", 1.0),
    (&["euro", "euros"], "eur", 1.0),
    (&["ruble", "rubles", "rouble", "roubles"], "rub", 1.0),
];

/// Square units: the word after "square".
const SQUARE_UNITS: &[(&[&str], f64)] = &[
    (
        &["kilometer", "kilometers", "kilometre", "kilometres", "km"],
        1.0,
    ),
    (&["mile", "miles"], 2.589_988),
];

/// Hedges, longest first so "just over" wins over "over".
const HEDGES: &[(&str, Hedge)] = &[
    ("a little more than", Hedge::MoreThan),
    ("little more than", Hedge::MoreThan),
    ("in excess of", Hedge::MoreThan),
    ("no more than", Hedge::UpTo),
    ("as many as", Hedge::UpTo),
    ("as much as", Hedge::UpTo),
    ("just under", Hedge::Nearly),
    ("just over", Hedge::MoreThan),
    ("well over", Hedge::MoreThan),
    ("close to", Hedge::Nearly),
    ("more than", Hedge::MoreThan),
    ("upwards of", Hedge::MoreThan),
    ("at least", Hedge::AtLeast),
    ("less than", Hedge::LessThan),
    ("fewer than", Hedge::LessThan),
    ("up to", Hedge::UpTo),
    ("at most", Hedge::UpTo),
    ("an estimated", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("some", Hedge::About),
    ("over", Hedge::MoreThan),
    ("above", Hedge::MoreThan),
    ("under", Hedge::LessThan),
    ("below", Hedge::LessThan),
];

/// Hedges that are also prepositions ("sovereignty over five regions"):
/// they hedge only digits or a measured amount, not a count in words.
const PREPOSITION_HEDGES: &[&str] = &["over", "above", "under", "below"];

/// Plural words for "many of": the value of one.
const MANY: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("tens", 10.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

/// Multiplier words after a number: "5.5 billion".
const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Finds the quantities of every sentence, skipping tokens `used` by dates.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(crate) fn extract(set: &Set<'_>, used: &[Vec<bool>]) -> Vec<Found> {
    let mut out = Vec::new();
    for (s, sentence) in set.sentences.iter().enumerate() {
        let used = used.get(s).map_or(&[][..], Vec::as_slice);
        let mut i = 0;
        while i < sentence.tokens.len() {
            let parsed = if used.get(i).copied().unwrap_or(false) {
                None
            } else {
                parse(set, sentence, i)
            };
            match parsed {
                Some(found) => {
                    i = found.1 + 1;
                    out.push(found.0);
                }
                None => i += 1,
            }
        }
    }
    out
}

/// A number as read: value, tokens `first..=last`, and how it was written.
struct Number {
    value: f64,
    first: usize,
    last: usize,
    kind: QuantityKind,
    digits: bool,
    /// The place of its last written digit (10 for "90", 0.5 for "3½").
    place: f64,
    many: bool,
    /// A unit the number's own words name ("an hour and a half": minutes).
    unit: Option<(&'static str, f64)>,
}

/// The quantity starting at token `i` and its last token.
fn parse(set: &Set<'_>, s: &Sentence<'_>, i: usize) -> Option<(Found, usize)> {
    let number = duration_phrase(s, i)
        .or_else(|| many(s, i))
        .or_else(|| number(set, s, i))?;
    let money = currency(s, number.first);
    let (unit, last) = match (number.unit, unit(s, number.last + 1)) {
        (Some(own), _) => (Some(own), number.last),
        (None, Some((name, factor, last))) => (Some((name, factor)), last),
        (None, None) => (money.map(|m| (m, 1.0)), number.last),
    };
    let noun = match unit {
        Some(_) => None,
        None if number.many && s.folded(last + 1) == "of" => noun(set, s, last + 2),
        None => noun(set, s, last + 1),
    };
    let (last, noun) = match noun {
        Some((key, at)) => (at, Some(key)),
        None => (last, None),
    };
    if unit.is_none() && noun.is_none() && !number.digits && !number.many {
        return None;
    }
    // "one" is a pronoun too ("get one done", "one of the demands"): it counts only with a unit.
    if s.folded(number.first) == "one" && unit.is_none() {
        return None;
    }
    let measured = unit.is_some() || number.digits;
    let (hedge, first) = match hedge(s, number.first, measured) {
        Some((hedge, at)) => (Some(hedge), at),
        None if number.many => (Some(Hedge::Many), number.first),
        None => (None, number.first),
    };
    let factor = unit.map_or(1.0, |(_, f)| f);
    let value = number.value * factor;
    let kind = if unit.is_none() && number.kind == QuantityKind::Amount && !number.many {
        Exactness::Count
    } else {
        Exactness::Measure
    };
    let range = interval(
        value,
        number.place * factor,
        hedge,
        if number.kind == QuantityKind::Ordinal {
            Exactness::Exact
        } else {
            kind
        },
        set.config.facts.hedge_margin,
    );
    let mut span = s.span(first, last);
    if money.is_some() && first == number.first {
        span.start -= currency_len(s, number.first);
    }
    if last == number.last && s.gap_before(last + 1).starts_with('%') {
        span.end += 1;
    }
    let quantity = Quantity {
        at: s.at(&span),
        text: s.slice(&span).to_owned(),
        kind: number.kind,
        value: tidy(value),
        unit: unit.map(|(u, _)| u.to_owned()),
        noun,
        hedge,
        low: tidy(range.low),
        high: range.high.map(tidy),
    };
    let anchor = anchor(s, first);
    Some((
        Found {
            quantity,
            range,
            anchor: anchor.map(|(key, _)| key),
            anchor_start: anchor
                .filter(|&(_, at)| first - at <= 3)
                .and_then(|(_, at)| s.tokens.get(at))
                .map(|t| t.range.start),
        },
        last,
    ))
}

/// A number written in digits or words at token `i`, with multipliers and "½".
fn number(set: &Set<'_>, s: &Sentence<'_>, i: usize) -> Option<Number> {
    let token = s.tokens.get(i)?;
    if token.class != WordClass::Number {
        return None;
    }
    if is_model_number(s, i) {
        return None;
    }
    let key = set.key(token);
    let digits = s.word(i).bytes().any(|b| b.is_ascii_digit());
    if let Some(n) = ordinal_digits(key) {
        return Some(Number {
            value: n,
            first: i,
            last: i,
            kind: QuantityKind::Ordinal,
            digits,
            place: 1.0,
            many: false,
            unit: None,
        });
    }
    if MULTIPLIERS.iter().any(|(w, _)| *w == s.folded(i)) || s.folded(i) == "half" {
        return None;
    }
    let mut value = decimal(key)?;
    let mut last = i;
    let mut place = place_of(key);
    // "twenty-five"
    if !digits
        && (20.0..100.0).contains(&value)
        && s.gap_before(i + 1) == "-"
        && let Some(unit) = s
            .tokens
            .get(i + 1)
            .filter(|t| t.class == WordClass::Number)
            .and_then(|t| decimal(set.key(t)))
            .filter(|u| (1.0..10.0).contains(u))
    {
        value += unit;
        place = 1.0;
        last = i + 1;
    }
    if s.gap_before(last + 1).is_empty() {
        let fraction = match s.word(last + 1) {
            "½" => Some(0.5),
            "¼" => Some(0.25),
            "¾" => Some(0.75),
            _ => None,
        };
        if let Some(f) = fraction {
            value += f;
            place = 0.5;
            last += 1;
        }
    }
    while s.spaced(last + 1)
        && let Some((_, m)) = MULTIPLIERS.iter().find(|(w, _)| *w == s.folded(last + 1))
    {
        value *= m;
        place *= m;
        last += 1;
    }
    Some(Number {
        value,
        first: i,
        last,
        kind: QuantityKind::Amount,
        digits,
        place,
        many: false,
        unit: None,
    })
}

/// "F-16", "COVID-19", "G7": names with a number, not amounts.
fn is_model_number(s: &Sentence<'_>, i: usize) -> bool {
    let word = s.word(i);
    let mixed = word.chars().any(char::is_alphabetic)
        && word.chars().any(|c| c.is_ascii_digit())
        && ordinal_digits(s.folded(i)).is_none();
    mixed || (s.gap_before(i) == "-" && i > 0 && s.capitalised(i - 1))
}

/// "10th", "1st" → 10, 1.
fn ordinal_digits(word: &str) -> Option<f64> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))?;
    (!digits.is_empty() && digits.len() < 10)
        .then(|| decimal(digits))
        .flatten()
}

/// The place of the last significant written digit: 10 for "90", 100 for "1300", 0.1 for "5.5".
fn place_of(key: &str) -> f64 {
    match key.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len().min(6) as i32)),
        None => {
            let zeros = key.bytes().rev().take_while(|&b| b == b'0').count();
            if zeros == key.len() {
                1.0
            } else {
                10f64.powi(zeros.min(12) as i32)
            }
        }
    }
}

/// "an hour and a half", "half an hour", "an hour": minutes, as one number with its unit word last.
fn duration_phrase(s: &Sentence<'_>, i: usize) -> Option<Number> {
    if !matches!(s.folded(i), "an" | "a" | "one" | "half") {
        return None;
    }
    let words: [&str; 5] = std::array::from_fn(|k| s.folded(i + k));
    let (minutes, len) = match words {
        ["an" | "a" | "one", "hour", "and", "a", "half"] => (90.0, 5),
        ["half", "an", "hour", ..] => (30.0, 3),
        ["an" | "a", "hour", ..] => (60.0, 2),
        _ => return None,
    };
    if !(i + 1..i + len).all(|j| s.spaced(j)) {
        return None;
    }
    Some(Number {
        value: minutes,
        first: i,
        last: i + len - 1,
        kind: QuantityKind::Amount,
        digits: false,
        place: 30.0,
        many: false,
        unit: Some(("minute", 1.0)),
    })
}

/// "hundreds of billions", "dozens of": a vague many.
fn many(s: &Sentence<'_>, i: usize) -> Option<Number> {
    if !s.folded(i).ends_with('s') {
        return None;
    }
    let (_, base) = MANY.iter().find(|(w, _)| *w == s.folded(i))?;
    let mut value = *base;
    let mut last = i;
    while s.folded(last + 1) == "of"
        && let Some((_, m)) = MANY.iter().find(|(w, _)| *w == s.folded(last + 2))
    {
        value *= m;
        last += 2;
    }
    Some(Number {
        value,
        first: i,
        last,
        kind: QuantityKind::Amount,
        digits: false,
        place: value,
        many: true,
        unit: None,
    })
}

/// The unit at token `j` ("minutes", "square miles", "%", "-day"): its name, factor and last token.
fn unit(s: &Sentence<'_>, j: usize) -> Option<(&'static str, f64, usize)> {
    let gap = s.gap_before(j);
    if gap.starts_with('%') {
        return Some(("percent", 1.0, j - 1));
    }
    if !(gap == " " || gap == "-" || gap == "\u{a0}") {
        return None;
    }
    let (word, next) = (s.folded(j), s.folded(j + 1));
    if word == "of"
        && MANY
            .iter()
            .any(|(w, _)| *w == s.folded(j.saturating_sub(1)))
    {
        return unit(s, j + 1).or_else(|| (next == "dollars").then_some(("usd", 1.0, j + 1)));
    }
    if word == "per" && next == "cent" {
        return Some(("percent", 1.0, j + 1));
    }
    if word == "square" && s.spaced(j + 1) {
        let (_, factor) = SQUARE_UNITS.iter().find(|(w, _)| w.contains(&next))?;
        return Some(("square-km", *factor, j + 1));
    }
    UNITS
        .iter()
        .find(|(words, _, _)| words.contains(&word))
        .map(|(_, name, factor)| (*name, *factor, j))
}

/// The counted noun after a number: the last content word of the words that
/// follow (at most three, spaces only between, a possessive ends them).
fn noun(set: &Set<'_>, s: &Sentence<'_>, j: usize) -> Option<(String, usize)> {
    let mut last = None;
    let mut k = j;
    while k < j + 3 && k < s.tokens.len() && (k == j || s.spaced(k)) {
        if k == j && !(s.spaced(k) || s.gap_before(k) == "-") {
            break;
        }
        let token = &s.tokens[k];
        if !matches!(token.class, WordClass::Content | WordClass::Name) {
            break;
        }
        last = Some(k);
        // A plural or a possessive ends the phrase: "four regions came", "two nations’ ability".
        let word = s.folded(k);
        let plural = word.ends_with('s') && !word.ends_with("ss");
        if plural
            || s.word(k).ends_with(['\'', '’'])
            || s.word(k).ends_with("'s")
            || s.word(k).ends_with("’s")
        {
            break;
        }
        k += 1;
    }
    let last = last?;
    s.is(last, WordClass::Content)
        .then(|| (set.key(&s.tokens[last]).to_owned(), last))
}

/// The hedge ending just before token `i` and its first token.
fn hedge(s: &Sentence<'_>, i: usize, measured: bool) -> Option<(Hedge, usize)> {
    HEDGES.iter().find_map(|(phrase, hedge)| {
        let words: Vec<&str> = phrase.split(' ').collect();
        let first = i.checked_sub(words.len())?;
        let matches = words
            .iter()
            .enumerate()
            .all(|(k, w)| s.folded(first + k) == *w && s.spaced(first + k + 1));
        let preposition = PREPOSITION_HEDGES.contains(phrase);
        (matches && (measured || !preposition)).then_some((*hedge, first))
    })
}

/// "$", "€", "£" or "US$" written just before token `i`.
fn currency(s: &Sentence<'_>, i: usize) -> Option<&'static str> {
    match s.gap_before(i).chars().last()? {
        '$' => Some("usd"),
        '€' => Some("eur"),
        '£' => Some("gbp"),
        _ => None,
    }
}

fn currency_len(s: &Sentence<'_>, i: usize) -> usize {
    s.gap_before(i).chars().last().map_or(0, char::len_utf8)
}

/// The key and token of the nearest word before token `first` that is not a function word, when it is a content word.
fn anchor(s: &Sentence<'_>, first: usize) -> Option<(u32, usize)> {
    let before = (0..first).rev().find(|&k| !s.is(k, WordClass::Function))?;
    s.is(before, WordClass::Content)
        .then(|| (s.tokens[before].key, before))
}

/// Whether a number without a hedge is exact: a small count ("four regions")
/// is, a measure ("three years", "90 minutes") is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exactness {
    /// An ordinal: exactly this position.
    Exact,
    /// A count: exact below ten, rounded above.
    Count,
    /// A measure: always rounded.
    Measure,
}

/// The range of values the words allow.
pub(crate) fn interval(
    value: f64,
    place: f64,
    hedge: Option<Hedge>,
    exactness: Exactness,
    margin: f64,
) -> Interval {
    let m = value.abs() * margin;
    let closed = |low: f64, high: Option<f64>| Interval {
        low,
        low_open: false,
        high,
        high_open: false,
    };
    match hedge {
        None if exactness == Exactness::Exact => closed(value, Some(value)),
        None => {
            let small_count =
                exactness == Exactness::Count && value.fract() == 0.0 && value.abs() < 10.0;
            let tolerance = if small_count {
                0.0
            } else {
                (0.4 * place).min(0.05 * value.abs())
            };
            closed(value - tolerance, Some(value + tolerance))
        }
        Some(Hedge::About) => closed(value - m, Some(value + m)),
        Some(Hedge::Nearly) => Interval {
            high_open: true,
            ..closed(value - m, Some(value))
        },
        Some(Hedge::MoreThan) => Interval {
            low_open: true,
            ..closed(value, None)
        },
        Some(Hedge::AtLeast) => closed(value, None),
        Some(Hedge::LessThan) => Interval {
            high_open: true,
            ..closed(0.0, Some(value))
        },
        Some(Hedge::UpTo) => closed(0.0, Some(value)),
        Some(Hedge::Many) => Interval {
            high_open: true,
            ..closed(2.0 * value, Some(10.0 * value))
        },
    }
}

/// Rounds away float noise (81.00000000001 → 81) for the report.
fn tidy(value: f64) -> f64 {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded.is_finite() { rounded } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::testing::report;

    /// Every quantity of `text` as `«words» value unit/noun hedge [low, high]`.
    fn check(text: &str, expect: &str) {
        let report = report(&[text]);
        let shown: Vec<String> = report
            .facts
            .quantities
            .iter()
            .map(|q| {
                let what = q
                    .unit
                    .clone()
                    .or_else(|| q.noun.as_ref().map(|n| format!("noun:{n}")))
                    .unwrap_or_else(|| "-".into());
                let hedge = q.hedge.map_or(String::new(), |h| format!(" {h:?}"));
                let ordinal = if q.kind == QuantityKind::Ordinal {
                    " ordinal"
                } else {
                    ""
                };
                let high = q.high.map_or("…".into(), |h| h.to_string());
                format!(
                    "«{}» {} {what}{hedge}{ordinal} [{}, {high}]",
                    q.text, q.value, q.low
                )
            })
            .collect();
        assert_eq!(shown.join(" | "), expect);
    }

    #[test]
    fn hedges_make_ranges() {
        check(
            "The call lasted nearly 90 minutes, not over 90 minutes or about 90 minutes.",
            "«nearly 90 minutes» 90 minute Nearly [81, 90] | «over 90 minutes» 90 minute MoreThan [90, …] | «about 90 minutes» 90 minute About [81, 99]",
        );
    }

    #[test]
    fn units_convert_and_durations_read_as_minutes() {
        check(
            "Nearly an hour and a half later, 1,300 square kilometers (500 square miles) were taken in 3½ years.",
            "«Nearly an hour and a half» 90 minute Nearly [81, 90] | «1,300 square kilometers» 1300 square-km [1260, 1340] | «500 square miles» 1294.994 square-km [1230.2443, 1359.7437] | «3½ years» 3.5 year [3.325, 3.675]",
        );
    }

    #[test]
    fn percents_money_and_many() {
        check(
            "It controls approximately 20 percent and 5% of the land, $5.5 billion and hundreds of billions in funding.",
            "«approximately 20 percent» 20 percent About [18, 22] | «5%» 5 percent [4.75, 5.25] | «$5.5 billion» 5500000000 usd [5460000000, 5540000000] | «hundreds of billions» 100000000000 - Many [200000000000, 1000000000000]",
        );
    }

    #[test]
    fn counts_need_a_noun_and_hyphenated_units_count() {
        check(
            "Russia annexed four Ukrainian regions, one of the demands, in a 30-day ceasefire with two nations’ ability.",
            "«four Ukrainian regions» 4 noun:region [4, 4] | «30-day» 30 day [28.5, 31.5] | «two nations» 2 noun:nation [2, 2]",
        );
    }

    #[test]
    fn prepositions_hedge_only_measured_amounts() {
        check(
            "Sovereignty over five Ukrainian regions came over 100 days.",
            "«five Ukrainian regions» 5 noun:region [5, 5] | «over 100 days» 100 day MoreThan [100, …]",
        );
    }

    #[test]
    fn dates_names_and_ordinals() {
        check(
            "On March 17, 2025 the F-16 and G7 met for the second time on the 10th yard line.",
            "«second time» 2 noun:time ordinal [2, 2] | «10th yard line» 10 noun:line ordinal [10, 10]",
        );
    }

    #[test]
    fn intervals_overlap_with_open_ends() {
        let nearly = interval(90.0, 10.0, Some(Hedge::Nearly), Exactness::Measure, 0.1);
        let over = interval(90.0, 10.0, Some(Hedge::MoreThan), Exactness::Measure, 0.1);
        let about = interval(90.0, 10.0, Some(Hedge::About), Exactness::Measure, 0.1);
        let plain = interval(90.0, 10.0, None, Exactness::Measure, 0.1);
        assert!(!nearly.overlaps(&over) && !over.overlaps(&nearly));
        assert!(nearly.overlaps(&about) && over.overlaps(&about));
        assert!(plain.overlaps(&nearly) && plain.overlaps(&over));
        let four = interval(4.0, 1.0, None, Exactness::Count, 0.1);
        let five = interval(5.0, 1.0, None, Exactness::Count, 0.1);
        assert!(!four.overlaps(&five));
        let three_years = interval(3.0, 1.0, None, Exactness::Measure, 0.1);
        let over_three = interval(3.0, 1.0, Some(Hedge::MoreThan), Exactness::Measure, 0.1);
        assert!(three_years.overlaps(&over_three));
    }
}
