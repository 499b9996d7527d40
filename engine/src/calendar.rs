//! Calendar words shared by the stages that read dates: month and weekday names, lower case.

/// Month names, January first (the index is the month number minus one).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Short forms of month names and the month's index in [`MONTHS`].
const MONTH_SHORT: [(&str, usize); 12] = [
    ("jan", 0),
    ("feb", 1),
    ("mar", 2),
    ("apr", 3),
    ("jun", 5),
    ("jul", 6),
    ("aug", 7),
    ("sep", 8),
    ("sept", 8),
    ("oct", 9),
    ("nov", 10),
    ("dec", 11),
];

/// Short forms of weekday names and the day's index in [`WEEKDAYS`].
const WEEKDAY_SHORT: [(&str, usize); 9] = [
    ("mon", 0),
    ("tue", 1),
    ("tues", 1),
    ("wed", 2),
    ("thu", 3),
    ("thurs", 3),
    ("fri", 4),
    ("sat", 5),
    ("sun", 6),
];

/// The month a lower-case word names, full or short ("sept"): its index in [`MONTHS`].
///
/// ```
/// use crosscheck_engine::calendar::month;
/// assert_eq!((month("march"), month("sept"), month("marc")), (Some(2), Some(8), None));
/// ```
pub fn month(word: &str) -> Option<usize> {
    index_of(&MONTHS, &MONTH_SHORT, word)
}

/// The weekday a lower-case word names, full or short ("tues"): its index in [`WEEKDAYS`].
pub fn weekday(word: &str) -> Option<usize> {
    index_of(&WEEKDAYS, &WEEKDAY_SHORT, word)
}

fn index_of(full: &[&str], short: &[(&str, usize)], word: &str) -> Option<usize> {
    full.iter().position(|name| *name == word).or_else(|| {
        short
            .iter()
            .find(|(form, _)| *form == word)
            .map(|&(_, index)| index)
    })
}
