//! The same article added twice: identical words, or nine in ten three-word runs shared.
//!
//! Texts are compared on their words, lower-cased, with punctuation and
//! white space ignored, so the same story saved as a page and pasted as
//! text is caught. Near copies (a corrected typo, a changed byline) are
//! caught by the Jaccard similarity of their sets of word trigrams
//! ("shingles"), hashed (FNV-1a) and sorted: about linear in the texts' length, so checking one
//! article against a full set of 100 stays instant. Two outlets running the
//! same wire story word for word are flagged too; the UI tells the reader
//! and lets them decide.

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
            // An integer: formatting the f64 would link core's float printing into the wasm.
            let percent = (self.similarity * 100.0).floor() as u32;
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
    // The candidate's own shingles are sorted only when some article may be
    // a near copy of it: for a 5 MB paste that sort was most of the check.
    let mut shingles: Option<Vec<u64>> = None;
    existing.iter().enumerate().find_map(|(index, source)| {
        let other = self::words(&source.text);
        if other == words {
            return Some(Duplicate {
                index,
                identical: true,
                similarity: 1.0,
            });
        }
        let theirs = self::shingles(&other);
        if !may_be_near_copy(&words, &theirs) {
            return None;
        }
        let ours = shingles.get_or_insert_with(|| self::shingles(&words));
        let similarity = jaccard(ours, &theirs);
        (similarity >= NEAR_COPY).then_some(Duplicate {
            index,
            identical: false,
            similarity,
        })
    })
}

/// Whether the text of `words` can share [`NEAR_COPY`] of its shingles with
/// the sorted set `theirs`. A near copy's shingles are nearly all theirs:
/// `|ours ∖ theirs| ≤ |ours ∪ theirs| − |ours ∩ theirs| ≤ (1 − J)·|ours ∪ theirs|`,
/// and `|ours ∪ theirs| ≤ |theirs| / J`. So once more distinct shingles than
/// `(1 − J) / J · |theirs|` are not theirs, it cannot be one: for an
/// unrelated text that is known after a few hundred words, whatever its length.
fn may_be_near_copy(words: &[u64], theirs: &[u64]) -> bool {
    let bound = (theirs.len() as f64 * (1.0 - NEAR_COPY) / NEAR_COPY) as usize;
    let mut missing: Vec<u64> = Vec::new();
    let mut check = |hash: u64| {
        if theirs.binary_search(&hash).is_err()
            && let Err(at) = missing.binary_search(&hash)
        {
            missing.insert(at, hash);
        }
        missing.len() <= bound
    };
    if words.len() < SHINGLE {
        return words.iter().all(|&w| check(w));
    }
    words.windows(SHINGLE).all(|window| check(shingle(window)))
}

/// One word trigram's hash.
fn shingle(window: &[u64]) -> u64 {
    window
        .iter()
        .fold(FNV_OFFSET, |acc, &w| (acc ^ w).wrapping_mul(FNV_PRIME))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Each word (letters and digits, lower-cased) as a 64-bit FNV-1a hash.
/// ASCII is read byte by byte, without decoding characters: a 5 MB paste is
/// hashed in about half the time (issue #17); other characters are decoded
/// and lower-cased in full, with the same hashes as before.
fn words(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let in_a_word = if byte.is_ascii() {
            at += 1;
            let word = byte.is_ascii_alphanumeric();
            if word {
                hash = (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            }
            word
        } else {
            // `at` is on a character boundary: ASCII bytes are whole characters.
            let c = text[at..].chars().next().unwrap_or(' ');
            at += c.len_utf8();
            let word = c.is_alphanumeric();
            if word {
                for lower in c.to_lowercase() {
                    hash = (hash ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
                }
            }
            word
        };
        if in_a_word {
            in_word = true;
        } else if in_word {
            out.push(hash);
            hash = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        out.push(hash);
    }
    out
}

/// Hashed word trigrams (single words for texts shorter than a shingle), sorted, without repeats.
fn shingles(words: &[u64]) -> Vec<u64> {
    let hashes: Vec<u64> = if words.len() < SHINGLE {
        words.to_vec()
    } else {
        words.windows(SHINGLE).map(shingle).collect()
    };
    // Sorted as `([hash, 0, 0, 0], 0)` pairs by the engine's one sort
    // routine: the wasm then needs no sort routine of its own for `u64`.
    let mut keyed: Vec<([u64; 4], usize)> = hashes.iter().map(|&h| ([h, 0, 0, 0], 0)).collect();
    crosscheck_engine::order::sort_keyed(&mut keyed);
    let mut shingles: Vec<u64> = keyed.iter().map(|(key, _)| key[0]).collect();
    shingles.dedup();
    shingles
}

/// Shared over all, for two sorted sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
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
    use proptest::prelude::*;

    /// The hashes as they were computed before bytes were read directly.
    fn words_by_chars(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut hash = FNV_OFFSET;
        let mut in_word = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                for lower in c.to_lowercase() {
                    hash = (hash ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
                }
                in_word = true;
            } else if in_word {
                out.push(hash);
                hash = FNV_OFFSET;
                in_word = false;
            }
        }
        if in_word {
            out.push(hash);
        }
        out
    }

    proptest! {
        #[test]
        fn words_read_from_bytes_hash_as_words_read_from_characters(text in "\\PC{0,80}|[a-zA-Zé İß 1-9.,]{0,80}") {
            prop_assert_eq!(words(&text), words_by_chars(&text));
        }
    }

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
