//! The same article added twice: identical words, or nine in ten three-word runs shared.
//!
//! Texts are compared on their words, lower-cased, with punctuation and
//! white space ignored, so the same story saved as a page and pasted as
//! text is caught. Near copies (a corrected typo, a changed byline) are
//! caught by the Jaccard similarity of their sets of word trigrams
//! ("shingles"), hashed: linear in the texts' length, so checking one
//! article against a full set of 100 stays instant. Two outlets running the
//! same wire story word for word are flagged too; the UI tells the reader
//! and lets them decide.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use crosscheck_engine::Source;

/// Share of shingles two texts must have in common to count as the same article.
const NEAR_COPY: f64 = 0.9;

/// Words per shingle.
const SHINGLE: usize = 3;

/// An article already in the set that the candidate repeats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duplicate {
    /// Its position in the set.
    pub index: usize,
    /// `true` when the words are identical; `false` for a near copy.
    pub identical: bool,
    /// Share of shingles in common, 0.9 to 1.
    pub similarity: f64,
}

impl Duplicate {
    /// The message to show, naming the article already in the set.
    pub fn message(&self, existing: &Source) -> String {
        let name = label(existing);
        if self.identical {
            format!("This article is already in the set as “{name}”.")
        } else {
            let percent = (self.similarity * 100.0).floor();
            format!(
                "This article is nearly the same as “{name}”, already in the set \
                 ({percent}% of its wording matches)."
            )
        }
    }
}

/// What to call an article in a message: its title, file, outlet or id.
fn label(source: &Source) -> &str {
    [&source.title, &source.file, &source.outlet]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or(&source.id)
}

/// The first article in `existing` that `candidate` repeats, if any.
///
/// ```
/// use crosscheck_engine::Source;
/// use crosscheck_import::find_duplicate;
///
/// let source = |text: &str| Source { text: text.into(), ..Source::default() };
/// let set = [source("Talks were held."), source("The call lasted 90 minutes, aides said.")];
/// let again = find_duplicate(&set, &source("the call LASTED 90 minutes — aides said")).unwrap();
/// assert_eq!((again.index, again.identical), (1, true));
/// assert_eq!(find_duplicate(&set, &source("Something else entirely.")), None);
/// ```
pub fn find_duplicate(existing: &[Source], candidate: &Source) -> Option<Duplicate> {
    let words = words(&candidate.text);
    if words.is_empty() {
        return None;
    }
    let shingles = shingles(&words);
    existing.iter().enumerate().find_map(|(index, source)| {
        let other = self::words(&source.text);
        if other == words {
            return Some(Duplicate {
                index,
                identical: true,
                similarity: 1.0,
            });
        }
        let similarity = jaccard(&shingles, &self::shingles(&other));
        (similarity >= NEAR_COPY).then_some(Duplicate {
            index,
            identical: false,
            similarity,
        })
    })
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Hashed word trigrams (single words for texts shorter than a shingle).
fn shingles(words: &[String]) -> HashSet<u64> {
    let hash = |window: &[String]| {
        let mut hasher = DefaultHasher::new();
        window.hash(&mut hasher);
        hasher.finish()
    };
    if words.len() < SHINGLE {
        return words.chunks(1).map(hash).collect();
    }
    words.windows(SHINGLE).map(hash).collect()
}

fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(title: Option<&str>, text: &str) -> Source {
        Source {
            id: "a".into(),
            title: title.map(str::to_owned),
            text: text.into(),
            ..Source::default()
        }
    }

    /// The message for the first duplicate, or "none".
    fn check(existing: &[Source], text: &str, expect: &str) {
        let seen = find_duplicate(existing, &source(None, text))
            .map_or("none".to_owned(), |d| d.message(&existing[d.index]));
        assert_eq!(seen, expect);
    }

    fn long_text(words: usize) -> String {
        (0..words)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn identical_after_case_and_space_is_a_duplicate() {
        let set = [source(
            Some("Talks held"),
            "Talks were held.\n\nThey lasted long.",
        )];
        check(
            &set,
            "TALKS were held. They   lasted long",
            "This article is already in the set as “Talks held”.",
        );
    }

    #[test]
    fn a_near_copy_is_a_duplicate_and_a_different_story_is_not() {
        let base = long_text(400);
        let set = [source(None, &base)];
        let edited = base.replacen("word200", "changed", 1);
        check(
            &set,
            &edited,
            "This article is nearly the same as “a”, already in the set (98% of its wording matches).",
        );
        check(&set, &long_text(200), "none");
    }

    #[test]
    fn empty_candidate_is_never_a_duplicate() {
        check(&[source(None, "")], " ", "none");
    }
}
