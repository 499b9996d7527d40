//! Plain text: line endings made `\n`, and a headline only when the first line plainly is one.
//!
//! The guess is conservative because a wrong title is worse than none (the
//! engine shows the opening words when there is no title). The first line
//! is a headline when it is 3 to 20 words, at most 150 characters, starts
//! with a capital letter, digit or quote, does not end like a sentence or a
//! clause (`.` `…` `:` `;` `,`), is not a byline ("By …") or a dateline (a
//! month and a year), and more text follows it:
//!
//! ```text
//! Trump, Putin hold talks on Ukraine ceasefire          → title
//! - Associated Press - Monday, March 17, 2025            → none (starts with "-", has a date)
//! President Trump will hold a second phone call… .       → none (a sentence)
//! ```

use crosscheck_engine::calendar::MONTHS;

/// `\r\n` and lone `\r` as `\n`.
pub(crate) fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

/// The first line, when it reads as a headline (see the module docs).
pub(crate) fn headline(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    lines.next()?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let starts_well = first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    let ends_like_a_sentence = first
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '…', ':', ';', ',']);
    let byline = words.first().is_some_and(|w| w.eq_ignore_ascii_case("by"));
    let lower = first.to_lowercase();
    let dateline = MONTHS.iter().any(|m| lower.contains(m))
        && first
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    let is_headline = (3..=20).contains(&words.len())
        && first.chars().count() <= 150
        && starts_well
        && !ends_like_a_sentence
        && !byline
        && !dateline;
    is_headline.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        assert_eq!(headline(text).as_deref(), expect, "input {text:?}");
    }

    #[test]
    fn a_short_first_line_without_a_full_stop_is_a_headline() {
        check(
            "Trump, Putin hold talks on Ukraine ceasefire\nDan Scavino said…",
            Some("Trump, Putin hold talks on Ukraine ceasefire"),
        );
        check(
            "\n\n  “Peace is near,” envoy says  \n\nBody.",
            Some("“Peace is near,” envoy says"),
        );
        check(
            "Will the ceasefire hold?\n\nBody.",
            Some("Will the ceasefire hold?"),
        );
    }

    #[test]
    fn sentences_datelines_and_bylines_are_not_headlines() {
        check("The call lasted 90 minutes.\nMore.", None);
        check("He said: \"we will see.\"\nMore.", None);
        check("- Associated Press - Monday, March 17, 2025\n\nBody.", None);
        check("Washington, March 17, 2025\nBody.", None);
        check("By Jane Doe and John Roe\nBody.", None);
        check("Updates:\nBody.", None);
        check("lower case start of a line\nBody.", None);
        check("Two words\nBody.", None);
    }

    #[test]
    fn a_lone_line_is_not_a_headline() {
        check("Trump, Putin hold talks on Ukraine ceasefire", None);
    }

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
