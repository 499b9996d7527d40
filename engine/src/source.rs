//! One article as loaded: the original text, untouched, and what the text states about itself.
//!
//! The text is never rewritten: every later stage reports byte ranges into
//! [`Source::text`], so what the reader sees is always the original.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::config::Limits;
use crate::excerpt::excerpt;
use crate::{clean, segment};

/// How many words an excerpt used as a stand-in headline keeps.
const EXCERPT_WORDS: usize = 12;
/// A paragraph shorter than this is not used as a stand-in headline (datelines, captions).
const EXCERPT_MIN_WORDS: usize = 12;

/// One article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Stable identifier, unique within a set (for files, the file name without extension).
    pub id: String,
    /// The headline, when the text states one.
    #[serde(default)]
    pub title: Option<String>,
    /// The outlet, when the text names it; `None` is shown as "unnamed source".
    #[serde(default)]
    pub outlet: Option<String>,
    /// Publication date as the text states it (ISO 8601 where known).
    #[serde(default)]
    pub date: Option<String>,
    /// The file the article was loaded from, if any.
    #[serde(default)]
    pub file: Option<String>,
    /// The full original text.
    pub text: String,
}

/// What to show as a source's headline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Headline<'a> {
    /// The article states this headline.
    Stated(&'a str),
    /// No headline is stated: the opening words of the article, ending in "…".
    Excerpt(String),
    /// No headline and no paragraph long enough to quote.
    Untitled,
}

impl Source {
    /// Number of words in the text: runs between spaces that hold a letter or
    /// digit ("work’s" and "1,300" are one word, a dash none), and each
    /// Chinese, Japanese or Korean character, which are written without
    /// spaces. One pass over the bytes: the page shows it for a 5 MB article
    /// too (Unicode's word boundaries took it 0.3 s there).
    pub fn word_count(&self) -> usize {
        self.text
            .split_whitespace()
            .map(|token| {
                let wide = token.chars().filter(|&c| is_cjk(c)).count();
                let rest = token.chars().any(|c| c.is_alphanumeric() && !is_cjk(c));
                wide + usize::from(rest)
            })
            .sum()
    }

    /// The headline to show: the stated title, or else the opening words of
    /// the first paragraph that reads like body text: long enough to quote
    /// and not boilerplate (promotions, datelines… see [`crate::clean`]).
    pub fn headline(&self) -> Headline<'_> {
        if let Some(title) = self
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            return Headline::Stated(title);
        }
        self.body_paragraphs()
            .map(strip_dateline)
            .find(|p| p.unicode_words().count() >= EXCERPT_MIN_WORDS)
            .map(|p| Headline::Excerpt(excerpt(p, EXCERPT_WORDS)))
            .unwrap_or(Headline::Untitled)
    }

    /// Each paragraph from its first sentence that is article content (the
    /// clean stage decides), skipping paragraphs that are all boilerplate.
    /// Only the article's opening [`HEADLINE_SCAN_BYTES`] are read: a
    /// headline is at the top, and a 5 MB article read in full took the
    /// page 1.7 s (issue #17).
    fn body_paragraphs(&self) -> impl Iterator<Item = &str> {
        let head = opening(&self.text, HEADLINE_SCAN_BYTES);
        let segmented = segment::segment(head, &Limits::default());
        let verdicts = clean::detect(head, &segmented, segmented.sentences.len());
        let mut starts: Vec<(usize, usize)> = Vec::new();
        for (sentence, verdict) in segmented.sentences.iter().zip(verdicts) {
            let paragraph = &segmented.paragraphs[sentence.paragraph];
            let seen = starts
                .last()
                .is_some_and(|&(_, end)| end == paragraph.range.end);
            if verdict.is_none() && !seen {
                starts.push((sentence.range.start, paragraph.range.end));
            }
        }
        starts
            .into_iter()
            .map(|(start, end)| &self.text[start..end])
    }

    /// The outlet's name, or "unnamed source".
    pub fn outlet_label(&self) -> &str {
        outlet_label(self.outlet.as_deref())
    }
}

/// Whether `c` is a CJK ideograph, kana or Hangul syllable: a word of its own for [`Source::word_count`].
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
}

/// How much of an article's opening is read for its headline.
const HEADLINE_SCAN_BYTES: usize = 32 * 1024;

/// The first `max` bytes of `text`, cut back to a line end when there is one
/// (else to a character boundary), so no paragraph is cut in two.
fn opening(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind('\n') {
        Some(line) if line > 0 => &text[..line],
        _ => &text[..end],
    }
}

/// Drops a leading dateline such as "Washington, March 17, 2025 – " ([`clean::dateline_len`]).
fn strip_dateline(paragraph: &str) -> &str {
    &paragraph[clean::dateline_len(paragraph)..]
}

/// An outlet's name as shown, or "unnamed source" when there is none (or
/// only white space): for views that keep the outlet without its article.
pub fn outlet_label(outlet: Option<&str>) -> &str {
    match outlet.map(str::trim) {
        Some(outlet) if !outlet.is_empty() => outlet,
        _ => "unnamed source",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(title: Option<&str>, text: &str, expect: Headline<'_>) {
        let source = Source {
            title: title.map(str::to_owned),
            text: text.to_owned(),
            ..Source::default()
        };
        assert_eq!(source.headline(), expect);
    }

    #[test]
    fn stated_title_wins() {
        check(
            Some(" A headline "),
            "Body text.",
            Headline::Stated("A headline"),
        );
    }

    #[test]
    fn excerpt_skips_promotions_and_short_lines() {
        check(
            None,
            "- Agency - Monday\n\nSign up for our newsletter to get the news every single day of the week.\n\nOne two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.",
            Headline::Excerpt(
                "One two three four five six seven eight nine ten eleven twelve…".into(),
            ),
        );
    }

    #[test]
    fn excerpt_drops_a_leading_dateline() {
        check(
            None,
            "Washington, March 17, 2025 – U.S. President Donald Trump has confirmed that he will speak with Russian President Vladimir Putin on Tuesday.",
            Headline::Excerpt(
                "U.S. President Donald Trump has confirmed that he will speak with Russian…".into(),
            ),
        );
    }

    #[test]
    fn blank_title_and_short_text_is_untitled() {
        check(Some("  "), "Too short.", Headline::Untitled);
        check(None, "", Headline::Untitled);
    }

    #[test]
    fn word_count_counts_words_not_dashes_and_each_cjk_character() {
        let count = |text: &str| {
            Source {
                text: text.into(),
                ..Source::default()
            }
            .word_count()
        };
        assert_eq!(count("A lot of work’s been done — 1,300 km."), 8);
        assert_eq!(count("今天很好。 OK"), 5);
        assert_eq!(count(""), 0);
    }

    #[test]
    fn unnamed_outlet_is_labelled() {
        assert_eq!(Source::default().outlet_label(), "unnamed source");
    }

    #[test]
    fn a_long_article_is_read_only_at_its_opening_for_the_headline() {
        let opening_paragraph = "The council voted on Monday to approve the new bridge over the river after a long debate.";
        let text = format!(
            "{opening_paragraph}\n\n{}",
            "Another line of the long report follows here.\n".repeat(200_000)
        );
        check(
            None,
            &text,
            Headline::Excerpt(
                "The council voted on Monday to approve the new bridge over the…".into(),
            ),
        );
        assert_eq!(opening("ab\ncd", 4), "ab");
        assert_eq!(opening("ééé", 3), "é");
    }
}
