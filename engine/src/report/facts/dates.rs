//! The report's dates: weekdays, calendar days, months, years, times of day and relative dates, each with a normalised value.

use serde::{Deserialize, Serialize};

use super::At;

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

names!(WhenKind {
    Weekday => "weekday",
    Date => "date",
    Month => "month",
    Year => "year",
    Time => "time",
    Relative => "relative",
});
