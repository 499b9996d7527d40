//! Abbreviations and sentence starters: what the word before a period and the word after it say about a sentence end.
//!
//! The abbreviations are one table, `engine/data/abbreviations.txt`, that a
//! user extends by adding a line. As in pySBD (and the pragmatic_segmenter it
//! ports), an abbreviation is either written before what it qualifies
//! ([`Kind::Prefix`]: "Mr. Smith", "St. Louis"; the period never ends a
//! sentence) or is a [`Kind::Plain`] one ("Inc.", "U.S.", "a.m."), which can
//! end a sentence: it does when the next word is one that starts sentences
//! ("I live in the U.S. How about you?" is two sentences, "the U.S. Government"
//! one). Single letters and letters joined by periods are plain abbreviations
//! by their shape, so "U.S.", "D.C." and "a.m." need no line.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

/// The shipped table: `word kind` lines, `#` comments.
const TABLE: &str = include_str!("../../data/abbreviations.txt");

/// What an abbreviation's period may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Written before a name or what it qualifies: the period never ends a sentence.
    Prefix,
    /// The period ends a sentence only before a word that starts sentences.
    Plain,
}

/// Words that start sentences and seldom follow a plain abbreviation inside one
/// (pySBD's English `SENTENCE_STARTERS`, with pronouns, determiners and
/// conjunctions common at the start of a news sentence).
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Being",
    "But",
    "Did",
    "For",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Millions",
    "More",
    "My",
    "Our",
    "She",
    "So",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "You",
];

/// The parsed table, keyed by the lower-case word without its final period.
fn table() -> &'static HashMap<String, Kind> {
    static TABLE_MAP: OnceLock<HashMap<String, Kind>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| parse(TABLE))
}

/// Parses `word kind` lines; a line that does not parse is skipped (the table's test rejects it).
fn parse(table: &str) -> HashMap<String, Kind> {
    table.lines().filter_map(parse_line).collect()
}

/// One `word kind` line, or `None` for comments, blank and malformed lines.
fn parse_line(line: &str) -> Option<(String, Kind)> {
    let line = line.split('#').next().unwrap_or("");
    let mut fields = line.split_whitespace();
    let word = fields.next()?;
    let kind = match fields.next()? {
        "prefix" => Kind::Prefix,
        "plain" => Kind::Plain,
        _ => return None,
    };
    fields.next().is_none().then(|| (word.to_lowercase(), kind))
}

/// The kind of `word` (the text before a period, without it) as an abbreviation, if it is one.
pub fn kind(word: &str) -> Option<Kind> {
    if word.is_empty() {
        return None;
    }
    let lower = word.to_lowercase().replace('’', "'");
    if let Some(&kind) = table().get(&lower) {
        return Some(kind);
    }
    // "E", "p", "U.S", "a.m", "U.S.A": single letters joined by periods.
    let letters_joined = word
        .split('.')
        .all(|part| matches!(single_char(part), Some(c) if c.is_alphabetic()));
    letters_joined.then_some(Kind::Plain)
}

/// The only character of `s`, if it has exactly one.
fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// Whether `word` starts sentences (compared as written: "The", not "the").
pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_parses() {
        let bad: Vec<&str> = TABLE
            .lines()
            .filter(|line| !line.split('#').next().unwrap_or("").trim().is_empty())
            .filter(|line| parse_line(line).is_none())
            .collect();
        assert!(bad.is_empty(), "lines that do not parse: {bad:?}");
        assert!(table().len() > 50);
    }

    #[test]
    fn kinds_come_from_the_table_or_the_shape() {
        let cases = [
            ("Mr", Some(Kind::Prefix)),
            ("Gov’t", Some(Kind::Plain)),
            ("Co", Some(Kind::Plain)),
            ("N°", Some(Kind::Plain)),
            ("U.S", Some(Kind::Plain)),
            ("P.M", Some(Kind::Plain)),
            ("E", Some(Kind::Plain)),
            ("Smith", None),
            ("3", None),
            ("U.S.", None),
            ("", None),
        ];
        for (word, expect) in cases {
            assert_eq!(kind(word), expect, "{word}");
        }
    }
}
