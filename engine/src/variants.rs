//! Spelling variants: sets of spellings that compare as equal and are reported as variants.
//!
//! Transliterated names are spelled differently by different outlets ("Kyiv"
//! and "Kiev", "Zelenskyy" and "Zelensky"). Folding diacritics covers
//! "Peña"/"Pena"; this table covers the rest. It is deliberately small: a
//! user adds sets through [`crate::Config::variants`]. A set maps every
//! spelling to the key of its first spelling; the diff then treats the words
//! as the same and the report lists the spellings it met.

use rustc_hash::FxHashMap as HashMap;

/// The built-in sets, first spelling first (lower case, diacritics folded).
pub const BUILT_IN: &[&[&str]] = &[
    &["kyiv", "kiev"],
    &["zelenskyy", "zelensky", "zelenskiy", "zelenski"],
    &["kharkiv", "kharkov"],
    &["odesa", "odessa"],
    &["luhansk", "lugansk"],
    &["mykolaiv", "nikolaev", "nikolayev"],
    &["zaporizhzhia", "zaporizhia", "zaporozhye"],
    &["chornobyl", "chernobyl"],
    &["gaddafi", "qaddafi", "kadhafi", "gadhafi", "qadhafi"],
    &["al-qaeda", "al-qaida", "alqaeda"],
    &["beijing", "peking"],
    &["mumbai", "bombay"],
    &["myanmar", "burma"],
    &["navalny", "navalniy"],
    &["peskov", "peskow"],
    &["tehran", "teheran"],
    &["hezbollah", "hizbollah", "hizballah"],
];

/// A lookup from a folded spelling to the key of its set.
#[derive(Clone, Debug, Default)]
pub struct Variants {
    canonical: HashMap<String, String>,
}

impl Variants {
    /// The built-in table plus `extra` sets (any case; they are folded here).
    pub fn new(extra: &[Vec<String>]) -> Self {
        let mut variants = Variants::default();
        for set in BUILT_IN {
            variants.add(set.iter().map(|s| s.to_string()));
        }
        for set in extra {
            variants.add(set.iter().map(|s| crate::fold::fold(s)));
        }
        variants
    }

    fn add(&mut self, set: impl Iterator<Item = String>) {
        let spellings: Vec<String> = set.filter(|s| !s.is_empty()).collect();
        let Some(first) = spellings.first().cloned() else {
            return;
        };
        // A spelling already known keeps its set: extending a set means naming one of its members.
        let key = self.canonical.get(&first).cloned().unwrap_or(first);
        for spelling in spellings {
            self.canonical
                .entry(spelling)
                .or_insert_with(|| key.clone());
        }
    }

    /// The key of `folded`'s set, if it is a listed spelling.
    pub fn key(&self, folded: &str) -> Option<&str> {
        self.canonical.get(folded).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(extra: &[&[&str]], word: &str, expect: Option<&str>) {
        let extra: Vec<Vec<String>> = extra
            .iter()
            .map(|set| set.iter().map(|s| s.to_string()).collect())
            .collect();
        assert_eq!(Variants::new(&extra).key(word), expect);
    }

    #[test]
    fn built_in_spellings_share_the_first_spelling_as_key() {
        check(&[], "kiev", Some("kyiv"));
        check(&[], "kyiv", Some("kyiv"));
        check(&[], "zelensky", Some("zelenskyy"));
        check(&[], "moscow", None);
    }

    #[test]
    fn user_sets_are_folded_and_can_extend_built_in_sets() {
        check(&[&["Colour", "Color"]], "color", Some("colour"));
        check(&[&["Kiev", "Kijów"]], "kijow", Some("kyiv"));
        check(&[&[]], "x", None);
    }
}
