//! Derivations and demonyms: "Ukraine" and "Ukrainian", "Europe" and "European" count as one key when sentences are aligned.
//!
//! "Ukrainian forces" and "Ukraine's forces" report the same thing, but the
//! stemmer keeps "ukrain" and "ukrainian" apart. The diff and the facts keep
//! them apart too (a reader sees the words as written); only the aligner
//! reads both as the base word. A capitalised word is taken as derived from
//! another capitalised word of the set when it is that word, less a final
//! vowel or "y", plus a demonym ending ("-n", "-an", "-ian", "-ean", "-ese",
//! "-i", "-ish", "-ite"), or the base less "land" ("Thailand" and "Thai");
//! irregular pairs ("France" and "French") come from [`IRREGULAR`]. Both
//! words must occur in the set, so the table never invents a link.

use rustc_hash::FxHashMap as HashMap;

use crate::order::sort_by;

/// Demonym endings, longest first.
const ENDINGS: &[&str] = &["ian", "ean", "ese", "ish", "ite", "an", "n", "i"];

/// Irregular demonyms and their places (folded).
pub const IRREGULAR: &[(&str, &str)] = &[
    ("british", "britain"),
    ("danish", "denmark"),
    ("dutch", "netherlands"),
    ("english", "england"),
    ("filipino", "philippines"),
    ("finnish", "finland"),
    ("french", "france"),
    ("greek", "greece"),
    ("irish", "ireland"),
    ("norwegian", "norway"),
    ("philippine", "philippines"),
    ("polish", "poland"),
    ("scottish", "scotland"),
    ("spaniard", "spain"),
    ("spanish", "spain"),
    ("swedish", "sweden"),
    ("swiss", "switzerland"),
    ("turkish", "turkey"),
    ("welsh", "wales"),
];

/// Each derived word's key with its base word's key, by key: `words` are the
/// capitalised words of the set (folded, possessives stripped) with their keys.
pub fn aliases(words: Vec<(String, u32)>) -> Vec<(u32, u32)> {
    let known: HashMap<String, u32> = words.into_iter().collect();
    let mut out: Vec<(u32, u32)> = known
        .iter()
        .filter_map(|(word, &key)| Some((key, base_of(word, &known).filter(|&b| b != key)?)))
        .collect();
    sort_by(&mut out, |&(key, base)| {
        [u64::from(key), u64::from(base), 0, 0]
    });
    out.dedup_by_key(|p| p.0);
    out
}

/// The key of the word `word` derives from, if that word is in `known`.
fn base_of(word: &str, known: &HashMap<String, u32>) -> Option<u32> {
    if let Some(&(_, place)) = IRREGULAR.iter().find(|(derived, _)| *derived == word) {
        return known.get(place).copied();
    }
    if word.len() < 4 {
        return None;
    }
    if let Some(&key) = known.get(format!("{word}land").as_str()) {
        return Some(key);
    }
    for ending in ENDINGS {
        let Some(stem) = word.strip_suffix(ending).filter(|s| s.len() >= 4) else {
            continue;
        };
        if let Some(&key) = known.get(stem) {
            return Some(key);
        }
        for last in ["a", "e", "o", "y"] {
            if let Some(&key) = known.get(format!("{stem}{last}").as_str()) {
                return Some(key);
            }
        }
    }
    // "German" from "Germany": the base less its final "y".
    known.get(format!("{word}y").as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs (derived, base) found among `words`, sorted.
    fn check(words: &[&str], expect: &[(&str, &str)]) {
        let keyed: Vec<(String, u32)> = words
            .iter()
            .zip(0..)
            .map(|(w, k)| (w.to_string(), k))
            .collect();
        let mut found: Vec<(&str, &str)> = aliases(keyed)
            .into_iter()
            .map(|(from, to)| (words[from as usize], words[to as usize]))
            .collect();
        found.sort_unstable();
        assert_eq!(found, expect);
    }

    #[test]
    fn demonyms_point_to_their_places() {
        check(
            &[
                "ukraine",
                "ukrainian",
                "europe",
                "european",
                "russia",
                "russian",
                "china",
                "chinese",
                "italy",
                "italian",
                "thailand",
                "thai",
                "israel",
                "israeli",
                "germany",
                "german",
                "france",
                "french",
                "iran",
                "iranian",
            ],
            &[
                ("chinese", "china"),
                ("european", "europe"),
                ("french", "france"),
                ("german", "germany"),
                ("iranian", "iran"),
                ("israeli", "israel"),
                ("italian", "italy"),
                ("russian", "russia"),
                ("thai", "thailand"),
                ("ukrainian", "ukraine"),
            ],
        );
    }

    #[test]
    fn a_word_without_its_base_in_the_set_stays_as_it_is() {
        check(&["ukrainian", "french", "putin", "trump"], &[]);
        check(&["bran", "bra"], &[]);
    }
}
