//! Facts stage: numbers, dates, names and quotations per sentence, compared across sources, each difference explained.
//!
//! Runs after classify, on the same tokens, and fills [`crate::Report::facts`]:
//!
//! 1. [`when`]: weekdays, dates, months, years, times, relative dates.
//! 2. [`quantity`]: numbers with hedges, units and counted nouns (skipping the
//!    numbers that belong to a date).
//! 3. [`names`]: people with their titles, organisations and places; one entry
//!    per person across the set (surname plus first-name forms: Mike / Michael).
//! 4. [`quotes`]: quoted words with their speaker, grouped across sources
//!    (identical, trimmed, reworded, paraphrased).
//! 5. [`compare`] and [`actors`]: the flags. Numbers and dates are compared
//!    inside a group (aligned sentences) and, for numbers, across the set
//!    when two sentences measure the same thing after the same word ("lasted
//!    nearly 90 minutes" / "lasted over 90 minutes").
//! 6. [`wording`]: long runs of identical words outside quotations (wire copy).
//!
//! Precision before recall: a flag is raised only when a careful reader would
//! agree the two sources' words differ on the same thing; `docs/facts.md`
//! explains each rule for teachers. All work is linear in the words compared,
//! plus candidate lists bounded by [`crate::config::FactsConfig::max_postings`].

pub mod actors;
pub mod compare;
pub mod details;
pub mod names;
pub mod quantity;
pub mod quotes;
pub mod when;
pub mod wording;

use std::ops::Range;

use crate::Source;
use crate::config::{Config, FactsMode};
use crate::fold::fold_into;
use crate::normalize::{Lexicon, Spelling, Token, WordClass};
use crate::report::{At, Facts, GroupId, SentenceId, SourceId, Variant};

/// One compared content sentence handed to the facts stage.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SentenceInput<'a> {
    /// Its source.
    pub source: SourceId,
    /// The sentence in the source.
    pub sentence: SentenceId,
    /// Its paragraph.
    pub paragraph: usize,
    /// Its group.
    pub group: Option<GroupId>,
    /// Its byte range in the source text.
    pub range: &'a Range<usize>,
    /// Its tokens from the normalize stage.
    pub tokens: &'a [Token],
}

/// A sentence with the facts stage's view of its words.
pub(crate) struct Sentence<'a> {
    pub source: SourceId,
    pub index: SentenceId,
    pub paragraph: usize,
    pub group: Option<GroupId>,
    pub range: Range<usize>,
    /// The whole source text (token ranges index into it).
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Every token case-folded with quotes straightened, one after another
    /// (one buffer per sentence, not one string per word).
    folded: String,
    /// Per token: its folded word in `folded`, and where the word ends
    /// without a possessive "'s".
    spans: Vec<(u32, u32, u32)>,
    /// Each token's hash as written (case-folded, possessive kept), for shared wording.
    pub hashes: Vec<u64>,
    /// Each token's [`role`] bits: the short word lists it is on.
    roles: Vec<u16>,
}

impl<'a> Sentence<'a> {
    /// The token `i` as written, possessive included.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.range.clone()))
            .unwrap_or("")
    }

    /// The folded word `i` without a possessive "'s", or "" past the end.
    pub fn folded(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(start, _, bare)| self.folded.get(start as usize..bare as usize))
            .unwrap_or("")
    }

    /// The text between token `i - 1` (or the sentence start) and token `i` (or the sentence end).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = match i.checked_sub(1).and_then(|p| self.tokens.get(p)) {
            Some(t) => t.range.end,
            None => self.range.start,
        };
        let end = self.tokens.get(i).map_or(self.range.end, |t| t.range.start);
        self.text.get(start..end).unwrap_or("")
    }

    /// Whether tokens `i - 1` and `i` are separated by spaces only.
    pub fn spaced(&self, i: usize) -> bool {
        i > 0 && {
            let gap = self.gap_before(i);
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
        }
    }

    /// The byte range from token `first` to token `last` inclusive.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        let start = self
            .tokens
            .get(first)
            .map_or(self.range.start, |t| t.range.start);
        let end = self.tokens.get(last).map_or(start, |t| t.range.end);
        start..end.max(start)
    }

    /// The source text of `range`.
    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        self.text.get(range.clone()).unwrap_or("")
    }

    /// The location of `range` in this sentence.
    pub fn at(&self, range: &Range<usize>) -> At {
        At {
            source: self.source,
            sentence: self.index,
            group: self.group,
            start: range.start,
            end: range.end,
        }
    }

    /// Whether token `i` is a word of `class`.
    pub fn is(&self, i: usize, class: WordClass) -> bool {
        self.tokens.get(i).is_some_and(|t| t.class == class)
    }

    /// Whether token `i` is on a word list ([`role`] bits).
    pub fn has(&self, i: usize, role: u16) -> bool {
        self.roles.get(i).is_some_and(|r| r & role != 0)
    }

    /// Whether word `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// The sentences of the set and what every module reads.
pub(crate) struct Set<'a> {
    pub sources: &'a [Source],
    pub sentences: Vec<Sentence<'a>>,
    pub lexicon: &'a Lexicon,
    pub config: &'a Config,
}

impl Set<'_> {
    /// The comparison key of a token.
    pub fn key(&self, token: &Token) -> &str {
        self.lexicon.key(token.key)
    }
}

/// Runs the facts stage. `sentences` are the compared content sentences in
/// source and text order; `variants` the spelling variants the report lists.
pub(crate) fn extract(
    sources: &[Source],
    sentences: &[SentenceInput<'_>],
    lexicon: &Lexicon,
    variants: &[Variant],
    config: &Config,
) -> Facts {
    if config.facts.mode == FactsMode::Off {
        return Facts::default();
    }
    let roles = role::table();
    let set = Set {
        sources,
        sentences: sentences
            .iter()
            .filter_map(|s| {
                let text = sources.get(s.source.index())?.text.as_str();
                let mut folded = String::new();
                let mut spans = Vec::with_capacity(s.tokens.len());
                let mut hashes = Vec::with_capacity(s.tokens.len());
                let mut token_roles = Vec::with_capacity(s.tokens.len());
                for t in s.tokens {
                    let start = folded.len();
                    fold_into(text.get(t.range.clone()).unwrap_or(""), &mut folded);
                    let word = &folded[start..];
                    hashes.push(fnv(word));
                    let bare_word = bare(word);
                    let mut bits = roles.get(bare_word).copied().unwrap_or(0);
                    if bare_word.contains('.') {
                        // "U.S." is listed as "us".
                        bits |= roles
                            .get(bare_word.replace('.', "").as_str())
                            .copied()
                            .unwrap_or(0);
                    }
                    if t.spelling == Spelling::Variant {
                        bits |= roles.get(lexicon.key(t.key)).copied().unwrap_or(0);
                    }
                    token_roles.push(bits as u16);
                    let bare = start + bare_word.len();
                    spans.push((start as u32, folded.len() as u32, bare as u32));
                }
                Some(Sentence {
                    source: s.source,
                    index: s.sentence,
                    paragraph: s.paragraph,
                    group: s.group,
                    range: s.range.clone(),
                    text,
                    tokens: s.tokens,
                    hashes,
                    folded,
                    spans,
                    roles: token_roles,
                })
            })
            .collect(),
        lexicon,
        config,
    };
    let dates = when::extract(&set);
    let quantities = quantity::extract(&set, &dates.used);
    let names = names::extract(&set);
    let quotes = quotes::extract(&set, &names);
    let mut flags = Vec::new();
    flags.extend(compare::quantity_flags(&set, &quantities));
    flags.extend(compare::date_flags(&set, &dates.found));
    flags.extend(actors::flags(&set, &names));
    flags.extend(quotes.flags.iter().cloned());
    flags.extend(compare::spelling_flags(&set, variants, &names));
    let shared_wording = wording::find(&set, &quotes.inside);
    flags.extend(wording::flags(&set, &shared_wording));
    compare::order(&mut flags);
    Facts {
        flags,
        quotes: quotes.quotes,
        quote_groups: quotes.groups,
        quantities: quantities.into_iter().map(|q| q.quantity).collect(),
        dates: dates.found,
        names: names.entries,
        shared_wording,
    }
}

/// A hash of a sequence of keys.
pub(crate) fn fnv_keys(keys: &[u32]) -> u64 {
    keys.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, &k| {
        (h ^ u64::from(k)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// FNV-1a of a word.
fn fnv(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The stage sorts through the engine's one sort routine (see [`crate::order`]).
pub(crate) use crate::order::{runs_by, sort_by};

/// A number written with digits and at most one decimal point ("1300",
/// "5.5"), read without `f64::from_str` (whose tables would weigh on the wasm).
pub(crate) fn decimal(text: &str) -> Option<f64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || int.len() > 15 {
        return None;
    }
    let mut value = int
        .bytes()
        .fold(0.0f64, |v, b| v * 10.0 + f64::from(b - b'0'));
    let mut scale = 1.0;
    for b in frac.bytes().take(9) {
        scale /= 10.0;
        value += f64::from(b - b'0') * scale;
    }
    Some(value)
}

/// A hash map keyed by ids, hashes or short words: the engine's one fast
/// hasher (Fx; no need for SipHash's protection against chosen keys).
pub(crate) type KeyMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Bits for the short word lists a token can be on, looked up once per token.
pub(crate) mod role {
    use super::KeyMap;
    use super::names::{
        FIRST_NAME_SPELLINGS, HONORIFICS, NICKNAMES, NOT_NAMES, ORG_WORDS, PLACE_WORDS, PLACES,
        TITLES,
    };
    use super::quotes::SPEECH_VERBS;

    /// A title word ("president", "spokesman").
    pub const TITLE: u16 = 1;
    /// An honorific ("mr", "ms").
    pub const HONORIFIC: u16 = 1 << 1;
    /// A word that makes a name an organisation ("agency").
    pub const ORG: u16 = 1 << 2;
    /// A word that makes a name a place ("gulf", "states").
    pub const PLACE_WORD: u16 = 1 << 3;
    /// A place on its own ("moscow").
    pub const PLACE: u16 = 1 << 4;
    /// A capitalised word that is no name ("gmt").
    pub const NOT_NAME: u16 = 1 << 5;
    /// A speech verb ("said").
    pub const SPEECH: u16 = 1 << 6;
    /// A first name or short form from the tables ("mike").
    pub const FIRST_NAME: u16 = 1 << 7;

    /// Folded word → its bits (the same map type as the stage's interners).
    pub(crate) fn table() -> KeyMap<String, u32> {
        let mut map: KeyMap<String, u32> = KeyMap::default();
        let lists: [(&[&'static str], u16); 7] = [
            (TITLES, TITLE),
            (HONORIFICS, HONORIFIC),
            (ORG_WORDS, ORG),
            (PLACE_WORDS, PLACE_WORD),
            (PLACES, PLACE),
            (NOT_NAMES, NOT_NAME),
            (SPEECH_VERBS, SPEECH),
        ];
        for (list, bit) in lists {
            for word in list {
                *map.entry((*word).to_owned()).or_default() |= u32::from(bit);
            }
        }
        for set in NICKNAMES.iter().chain(FIRST_NAME_SPELLINGS) {
            for word in *set {
                *map.entry((*word).to_owned()).or_default() |= u32::from(FIRST_NAME);
            }
        }
        map
    }
}

/// "russia's" → "russia", "nations'" → "nations".
pub(crate) fn bare(folded: &str) -> &str {
    folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(folded)
}

/// Words a template quotes: braces doubled so they survive [`crate::report::fill`],
/// line breaks as spaces, and long text cut at a word with "…".
pub(crate) fn quoted(words: &str) -> String {
    let one_line: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut = cut_words(&one_line, 40);
    format!("“{}”", cut.replace('{', "{{").replace('}', "}}"))
}

/// At most `max` words of `text`, with "…" when cut.
fn cut_words(text: &str, max: usize) -> String {
    let mut words = text.split(' ');
    let kept: Vec<&str> = words.by_ref().take(max).collect();
    if words.next().is_some() {
        format!("{} …", kept.join(" "))
    } else {
        kept.join(" ")
    }
}

/// "source {3}", "sources {0} and {1}", "sources {0}, {1} and {4}".
pub(crate) fn sources_phrase(sources: &[SourceId]) -> String {
    let names: Vec<String> = sources.iter().map(|s| format!("{{{s}}}")).collect();
    match names.as_slice() {
        [] => "no source".to_owned(),
        [one] => format!("source {one}"),
        [init @ .., last] => format!("sources {} and {last}", init.join(", ")),
    }
}

/// "says" for one source, "say" for several.
pub(crate) fn says(sources: &[SourceId]) -> &'static str {
    if sources.len() == 1 { "says" } else { "say" }
}

/// Capitalises the first letter of an explanation (they start with an ASCII word: "source").
pub(crate) fn sentence_case(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the facts modules' `check` functions: compare texts and read the facts.

    use crate::{Config, Report, Source, compare};

    /// Compares `texts` (sources s0, s1…) with the default configuration.
    pub fn report(texts: &[&str]) -> Report {
        report_with(texts, &Config::default())
    }

    /// Compares `texts` with `config`.
    pub fn report_with(texts: &[&str], config: &Config) -> Report {
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| Source {
                id: format!("s{i}"),
                text: (*text).to_owned(),
                ..Source::default()
            })
            .collect();
        compare(&sources, config)
    }

    /// A flag's explanation with sources named `[N]`.
    pub fn explained(flag: &crate::report::Flag) -> String {
        flag.explain(|n| format!("[{n}]"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_without_float_parsing() {
        assert_eq!(decimal("1300"), Some(1300.0));
        assert_eq!(decimal("5.5"), Some(5.5));
        assert_eq!(decimal("0.25"), Some(0.25));
        assert_eq!(decimal("1st"), None);
        assert_eq!(decimal("."), None);
        assert_eq!(decimal(""), None);
        assert_eq!(decimal("1.2.3"), None);
    }

    fn ids(indices: &[usize]) -> Vec<SourceId> {
        indices.iter().map(|&i| SourceId::new(i)).collect()
    }

    #[test]
    fn phrases_name_sources_as_placeholders() {
        assert_eq!(sources_phrase(&ids(&[3])), "source {3}");
        assert_eq!(sources_phrase(&ids(&[0, 1])), "sources {0} and {1}");
        assert_eq!(sources_phrase(&ids(&[0, 1, 4])), "sources {0}, {1} and {4}");
        assert_eq!(quoted("a {b}\nc"), "“a {{b}} c”");
    }
}
