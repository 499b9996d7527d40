//! Folding: the one spelling a word is compared by (lower case, straight apostrophes, plain hyphens, no diacritics).
//!
//! Every comparison key starts here ([`crate::normalize`]), and so do the
//! spellings a user lists as variants ([`crate::variants`]), so "Kijów" and
//! "kijow" meet.

/// Diacritics folding for Latin letters: each group of letters maps to the replacement.
const DIACRITICS: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"),
    ("çćĉċč", "c"),
    ("ďđð", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĵ", "j"),
    ("ķ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉ", "n"),
    ("òóôõöøōŏő", "o"),
    ("ŕŗř", "r"),
    ("śŝşšș", "s"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
    ("ß", "ss"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("þ", "th"),
];

/// Case-folds a word, makes apostrophes straight and folds diacritics.
pub fn fold(word: &str) -> String {
    fold_with_flag(word).0
}

/// [`fold`], also telling whether a diacritic was folded.
pub(crate) fn fold_with_flag(word: &str) -> (String, bool) {
    let mut out = String::with_capacity(word.len());
    let folded_diacritic = fold_into(word, &mut out);
    (out, folded_diacritic)
}

/// Appends [`fold`]`(word)` to `out`; returns whether a diacritic was folded.
///
/// Most words are plain ASCII: those are lowercased byte by byte, without
/// decoding characters (the page runs this cold, once per word, on the way to
/// its first screen; issue #19).
pub(crate) fn fold_into(word: &str, out: &mut String) -> bool {
    if word.bytes().all(|b| b.is_ascii() && b != b'`') {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return false;
    }
    let mut folded_diacritic = false;
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            '’' | '‘' | 'ʼ' | '′' | '`' | '´' => out.push('\''),
            '‐' | '‑' | '‒' | '–' | '—' => out.push('-'),
            c if c.is_ascii() => out.push(c),
            c => match DIACRITICS.iter().find(|(from, _)| from.contains(c)) {
                Some((_, to)) => {
                    out.push_str(to);
                    folded_diacritic = true;
                }
                None => out.push(c),
            },
        }
    }
    folded_diacritic
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_apostrophes_fold_alike() {
        assert_eq!(fold("Work’s"), fold("work's"));
        assert_eq!(fold("ZAPORIŽŽIA"), "zaporizzia");
    }

    #[test]
    fn plain_ascii_words_fold_as_every_other_word() {
        for (word, expect) in [
            ("MiXeD", "mixed"),
            ("`quoted`", "'quoted'"),
            ("U.S.-led", "u.s.-led"),
            ("Kyiv’s", "kyiv's"),
        ] {
            assert_eq!(fold_with_flag(word), (expect.to_owned(), false), "{word}");
        }
    }
}
