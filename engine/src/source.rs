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
    /// Number of words in the text (Unicode word boundaries, so "work’s" is one word).
    pub fn word_count(&self) -> usize {
        self.text.unicode_words().count()
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
    fn body_paragraphs(&self) -> impl Iterator<Item = &str> {
        let segmented = segment::segment(&self.text, &Limits::default());
        let verdicts = clean::detect(&self.text, &segmented, segmented.sentences.len());
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
        match self.outlet.as_deref().map(str::trim) {
            Some(outlet) if !outlet.is_empty() => outlet,
            _ => "unnamed source",
        }
    }
}

/// Drops a leading dateline such as "Washington, March 17, 2025 – " ([`clean::dateline_len`]).
fn strip_dateline(paragraph: &str) -> &str {
    &paragraph[clean::dateline_len(paragraph)..]
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
    fn word_count_uses_unicode_words() {
        let source = Source {
            text: "A lot of work’s been done — 1,300 km.".into(),
            ..Source::default()
        };
        assert_eq!(source.word_count(), 8);
    }

    #[test]
    fn unnamed_outlet_is_labelled() {
        assert_eq!(Source::default().outlet_label(), "unnamed source");
    }
}
