//! Segment stage: cuts a text into paragraphs and sentences, each an exact byte range of the original.
//!
//! A paragraph is a line (a hard-wrapped line whose successor starts in
//! lower case is joined to it). Inside a paragraph a sentence ends at `.`,
//! `!`, `?` or `…` (plus any closing quotes or brackets) when whitespace and
//! then a capital, a digit, an opening quote or an uncased letter follow
//! (`boundary.rs`). That rule alone keeps "9 a.m. and 11 a.m. ET", "3.5" and
//! "TMZ.com" whole. After an abbreviation (`abbreviations.rs`, one table in
//! `engine/data/abbreviations.txt`) the period ends a sentence only before a
//! word that starts sentences; titles ("Mr.", "Gen.") never end one:
//!
//! ```text
//! Mr. Trump met Gen. Keith Kellogg in the U.S. Capitol at 9 a.m. Tuesday. It went well in the U.S. The end.
//! └─────────────────────────── one sentence ────────────────────────────┘ └──────── two ─────────┘ └ three ┘
//! ```
//!
//! The rules are checked against the 48 English "Golden Rules" of pySBD
//! (`engine/tests/golden_rules.rs`; docs/tricky-cases.md).
//!
//! A sentence longer than [`Limits::max_sentence_words`] or
//! [`Limits::max_sentence_bytes`] is cut at word boundaries so that no later
//! stage sees unbounded input; such sentences are marked [`Cut::Forced`].

mod abbreviations;
mod boundary;

use std::ops::Range;

use crate::config::Limits;

/// One paragraph: a byte range of the original text, trimmed of surrounding whitespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range in the original text.
    pub range: Range<usize>,
}

/// One sentence: a byte range of the original text and the paragraph it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the original text, trimmed of surrounding whitespace.
    pub range: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Whether the sentence ended naturally or was cut for length.
    pub cut: Cut,
}

/// How a sentence's end was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// At punctuation or the paragraph's end.
    Natural,
    /// The sentence was too long and was cut at a word boundary.
    Forced,
}

/// The paragraphs and sentences of one text, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; every one lies inside its paragraph.
    pub sentences: Vec<Sentence>,
}

/// Splits `text` into paragraphs and sentences.
pub fn segment(text: &str, limits: &Limits) -> Segmented {
    let paragraphs = paragraphs(text);
    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        for range in sentence_ranges(text, paragraph.range.clone()) {
            for (range, cut) in cut_long(text, range, limits) {
                sentences.push(Sentence {
                    range,
                    paragraph: index,
                    cut,
                });
            }
        }
    }
    Segmented {
        paragraphs,
        sentences,
    }
}

/// The non-blank lines of `text`, trimmed, with hard-wrapped lines joined.
fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut previous_line_blank = true;
    for line in lines(text) {
        let Some(range) = trim(text, line) else {
            previous_line_blank = true;
            continue;
        };
        let joins = !previous_line_blank
            && out
                .last()
                .is_some_and(|last| is_hard_wrap(&text[last.range.clone()], &text[range.clone()]));
        match out.last_mut() {
            Some(last) if joins => last.range.end = range.end,
            _ => out.push(Paragraph { range }),
        }
        previous_line_blank = false;
    }
    out
}

/// Whether `next` continues `previous` across a line break: the previous line
/// does not end a sentence and the next starts in lower case.
fn is_hard_wrap(previous: &str, next: &str) -> bool {
    let ends_open = previous
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == ';');
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower
}

/// Byte ranges of the lines of `text`, without their terminators (`\n`, `\r\n`, `\r`, U+2028, U+2029).
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let terminator_len = match c {
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {
                chars.next();
                2
            }
            '\n' | '\r' => 1,
            '\u{2028}' | '\u{2029}' => c.len_utf8(),
            _ => continue,
        };
        out.push(start..i);
        start = i + terminator_len;
    }
    out.push(start..text.len());
    out
}

/// `range` without leading and trailing whitespace, or `None` when nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}

/// The sentences of one paragraph.
fn sentence_ranges(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = paragraph.start;
    for end in boundary::sentence_ends(&text[paragraph.clone()]) {
        if let Some(range) = trim(text, start..paragraph.start + end) {
            out.push(range);
        }
        start = paragraph.start + end;
    }
    if let Some(range) = trim(text, start..paragraph.end) {
        out.push(range);
    }
    out
}

/// Cuts a sentence longer than the limits into pieces at word boundaries.
fn cut_long(text: &str, range: Range<usize>, limits: &Limits) -> Vec<(Range<usize>, Cut)> {
    let max_words = limits.max_sentence_words.max(1);
    let max_bytes = limits.max_sentence_bytes.max(16);
    let mut out = Vec::new();
    let mut start = range.start;
    loop {
        let piece = &text[start..range.end];
        let Some(cut) = cut_point(piece, max_words, max_bytes) else {
            let cut = if out.is_empty() {
                Cut::Natural
            } else {
                Cut::Forced
            };
            if let Some(range) = trim(text, start..range.end) {
                out.push((range, cut));
            }
            return out;
        };
        if let Some(range) = trim(text, start..start + cut) {
            out.push((range, Cut::Forced));
        }
        start += cut;
    }
}

/// Where to cut `piece` when it is too long: after `max_words` words or
/// before `max_bytes` bytes, at whitespace when there is any; `None` when it fits.
fn cut_point(piece: &str, max_words: usize, max_bytes: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = false;
    let mut last_space = None;
    for (i, c) in piece.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == max_words {
                    return Some(i).filter(|_| !piece[i..].trim().is_empty());
                }
            }
            in_word = false;
            last_space = Some(i);
        } else {
            in_word = true;
        }
        if i + c.len_utf8() > max_bytes {
            return match last_space {
                Some(at) if at > 0 => Some(at),
                _ => Some(i).filter(|&i| i > 0).or(Some(i + c.len_utf8())),
            };
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Segments `input` and compares the sentences, one per line, paragraphs separated by "¶".
    fn check(input: &str, expect: &[&str]) {
        let segmented = segment(input, &Limits::default());
        let mut shown = Vec::new();
        let mut paragraph = 0;
        for sentence in &segmented.sentences {
            if sentence.paragraph != paragraph {
                shown.push("¶");
                paragraph = sentence.paragraph;
            }
            shown.push(&input[sentence.range.clone()]);
        }
        assert_eq!(shown, expect);
    }

    #[test]
    fn splits_at_periods_followed_by_capitals() {
        check(
            "One two. Three four! Five six? Seven",
            &["One two.", "Three four!", "Five six?", "Seven"],
        );
    }

    #[test]
    fn abbreviations_and_titles_do_not_end_sentences() {
        check(
            "Mr. Trump met Gen. Keith Kellogg and Sen. Smith in the U.S. Capitol on Jan. 20. Dr. Who left.",
            &[
                "Mr. Trump met Gen. Keith Kellogg and Sen. Smith in the U.S. Capitol on Jan. 20.",
                "Dr. Who left.",
            ],
        );
        check(
            "The U.N. General Assembly met. St. Petersburg hosted Apple Inc. staff. Ms. Gabbard spoke.",
            &[
                "The U.N. General Assembly met.",
                "St. Petersburg hosted Apple Inc. staff.",
                "Ms. Gabbard spoke.",
            ],
        );
    }

    #[test]
    fn times_and_numbers_do_not_end_sentences() {
        check(
            "The call will take place between 1 p.m. and 3 p.m. GMT (9 a.m. and 11 a.m. ET), Peskov said. It covers 1,300 square kilometers and 3½ years.",
            &[
                "The call will take place between 1 p.m. and 3 p.m. GMT (9 a.m. and 11 a.m. ET), Peskov said.",
                "It covers 1,300 square kilometers and 3½ years.",
            ],
        );
        check(
            "Prices rose 3.5 percent. No. 1 is here.",
            &["Prices rose 3.5 percent.", "No. 1 is here."],
        );
    }

    #[test]
    fn abbreviations_end_sentences_before_sentence_starters() {
        check(
            "Mr. Trump met Gen. Keith Kellogg in the U.S. Capitol at 9 a.m. Tuesday. It went well in the U.S. The end.",
            &[
                "Mr. Trump met Gen. Keith Kellogg in the U.S. Capitol at 9 a.m. Tuesday.",
                "It went well in the U.S.",
                "The end.",
            ],
        );
        check(
            "Sanctions were imposed by the U.S. The Kremlin said the U.S. Government erred. They met Smith & Co. It closed.",
            &[
                "Sanctions were imposed by the U.S.",
                "The Kremlin said the U.S. Government erred.",
                "They met Smith & Co.",
                "It closed.",
            ],
        );
        check(
            "Apple Inc. CEO Tim Cook and A.J. Smith fooled an L. A Superior Court judge. He said no. The vote was over.",
            &[
                "Apple Inc. CEO Tim Cook and A.J. Smith fooled an L. A Superior Court judge.",
                "He said no.",
                "The vote was over.",
            ],
        );
    }

    #[test]
    fn a_time_ends_a_sentence_before_a_title_only_after_a_clause() {
        check(
            "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home.",
            &[
                "At 5 a.m. Mr. Smith went to the bank.",
                "He left the bank at 6 P.M.",
                "Mr. Smith then went home.",
            ],
        );
    }

    #[test]
    fn list_markers_start_items_in_sequence_only() {
        check(
            "1. The first item 2. The second item",
            &["1. The first item", "2. The second item"],
        );
        check(
            "• 9. Paris b. Rome\n\na) London b) Berlin",
            &["• 9. Paris b. Rome", "¶", "a) London", "b) Berlin"],
        );
        check(
            "The vote was 3 to 2. The bill passed 52 to 48. 49. That was all.",
            &[
                "The vote was 3 to 2.",
                "The bill passed 52 to 48.",
                "49. That was all.",
            ],
        );
    }

    #[test]
    fn omissions_and_spaced_ellipses() {
        check(
            "\"Bohr [...] used the analogy [...]\" (Smith 55). He said . . . It rained. . . . Then it stopped . . . . Next.",
            &[
                "\"Bohr [...] used the analogy [...]\" (Smith 55).",
                "He said . . . It rained.",
                ". . . Then it stopped . . . .",
                "Next.",
            ],
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        check(
            "David L. Stern and John F. Kennedy contributed. It ended.",
            &[
                "David L. Stern and John F. Kennedy contributed.",
                "It ended.",
            ],
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        check(
            "“We want peace.” Mr. Trump said so. He said \"no.\" Then left. “Why?” he asked.",
            &[
                "“We want peace.”",
                "Mr. Trump said so.",
                "He said \"no.\"",
                "Then left.",
                "“Why?” he asked.",
            ],
        );
    }

    #[test]
    fn ellipses_end_sentences_only_before_capitals() {
        check(
            "Wait… and see. Then... Go now.",
            &["Wait… and see.", "Then...", "Go now."],
        );
    }

    #[test]
    fn lines_are_paragraphs_and_headings_need_no_period() {
        check(
            "Optimism from the Kremlin\r\nPeskov spoke. He smiled.\n\n\nCOMMENTS",
            &[
                "Optimism from the Kremlin",
                "¶",
                "Peskov spoke.",
                "He smiled.",
                "¶",
                "COMMENTS",
            ],
        );
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        check(
            "The president said that\nthe talks went well. Then he left.\nA new line.",
            &[
                "The president said that\nthe talks went well.",
                "Then he left.",
                "¶",
                "A new line.",
            ],
        );
    }

    #[test]
    fn text_without_spaces_after_cjk_terminals_splits() {
        check("今天很好。明天也好。", &["今天很好。", "明天也好。"]);
    }

    #[test]
    fn long_sentences_are_cut_at_word_boundaries() {
        let text = "word ".repeat(400);
        let segmented = segment(&text, &Limits::default());
        assert_eq!(segmented.sentences.len(), 3);
        assert!(segmented.sentences.iter().all(|s| s.cut == Cut::Forced));
        let no_spaces = "x".repeat(5_000);
        let segmented = segment(&no_spaces, &Limits::default());
        assert_eq!(segmented.sentences.len(), 3);
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        check("", &[]);
        check(" \n\r\n\t ", &[]);
    }
}
