//! What a sentence brings to alignment: its content keys, names grouped into mentions, and the words that only say who said it.
//!
//! * Function words leave; negations stay (they weigh nothing, but a
//!   negation makes a sentence no copy of one without it, [`super::identical`]).
//! * A multi-word name is one mention ("U.S. President Donald Trump",
//!   "White House special envoy Steve Witkoff"): [`super::vectors`] counts it
//!   about once.
//! * Attribution: a speaker's name next to a speech verb, and the verb
//!   itself ("Kremlin spokesman Dmitry Peskov confirmed that…", "…, Mr.
//!   Trump said", "according to Peskov") say who said something, not what.
//!   Two different statements by one spokesman share the speaker; two
//!   reports of one statement share what was said. Their keys are marked
//!   [`KeyRole::Attribution`] and weigh [`crate::AlignConfig::attribution_weight`]
//!   of their weight.

use std::ops::Range;

use super::{KeyRole, UnitKey};
use crate::clean;
use crate::facts::quotes::SPEECH_VERBS;
use crate::normalize::{Token, WordClass};

/// Whether a sentence opens its paragraph: only there can a dateline lead it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// The first sentence of its paragraph.
    Paragraph,
    /// Any later sentence.
    Within,
}

/// The words of `text[sentence]` that carry information (negations too), in
/// order, each with the mention it belongs to; a dateline leading a paragraph
/// ("Washington, March 17, 2025 –") says where and when the piece was filed,
/// not what happened, and is left out.
pub fn unit_keys(
    text: &str,
    sentence: Range<usize>,
    opening: Opening,
    tokens: &[Token],
) -> Vec<UnitKey> {
    let mentions = mentions(text, tokens);
    let attribution = attribution(text, tokens, &mentions);
    let body = match (opening, text.get(sentence.clone())) {
        (Opening::Paragraph, Some(s)) => sentence.start + clean::dateline_len(s),
        _ => sentence.start,
    };
    tokens
        .iter()
        .zip(mentions)
        .zip(attribution)
        .filter(|((token, _), _)| token.class != WordClass::Function && token.range.start >= body)
        .map(|((token, mention), role)| UnitKey {
            key: token.key,
            class: token.class,
            mention,
            role,
        })
        .collect()
}

/// Each word's role: attribution for a speech verb and for a mention with a
/// name that a speech verb follows (after at most one lower-case word or a
/// comma: "Peskov confirmed", "Peskov has confirmed", "Trump, said") or
/// that a speech verb or "according to" leads ("said Peskov"); content otherwise.
fn attribution(text: &str, tokens: &[Token], mentions: &[u32]) -> Vec<KeyRole> {
    let word = |i: usize| text.get(tokens[i].range.clone()).unwrap_or_default();
    let speech: Vec<bool> = (0..tokens.len())
        .map(|i| {
            let w = word(i);
            w.starts_with(|c: char| c.is_ascii_lowercase()) && is_speech_verb(w)
        })
        .collect();
    let mut roles: Vec<KeyRole> = speech
        .iter()
        .map(|&s| {
            if s {
                KeyRole::Attribution
            } else {
                KeyRole::Content
            }
        })
        .collect();
    let mut start = 0;
    while start < tokens.len() {
        let end = (start..tokens.len())
            .find(|&k| mentions[k] != mentions[start])
            .unwrap_or(tokens.len());
        let named = (start..end).any(|k| tokens[k].class == WordClass::Name);
        let after = |k: usize| speech.get(k).copied().unwrap_or(false);
        let lower = |k: usize| {
            tokens.get(k).is_some_and(|t| t.class != WordClass::Name)
                && word(k).chars().next().is_some_and(char::is_lowercase)
        };
        let speaks = after(end) || (lower(end) && after(end + 1));
        let led = start.checked_sub(1).is_some_and(|k| {
            speech[k]
                || (word(k).eq_ignore_ascii_case("to")
                    && k > 0
                    && word(k - 1).eq_ignore_ascii_case("according"))
        });
        if named && (speaks || led) {
            roles[start..end].fill(KeyRole::Attribution);
        }
        start = end;
    }
    roles
}

/// Whether a word (lower case, as written) attributes words to a speaker
/// ("said", "confirmed"); both lists are in alphabetical order.
fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.binary_search(&word).is_ok() || ATTRIBUTION_VERBS.binary_search(&word).is_ok()
}

/// Speech verbs of attribution beyond the quotation stage's list.
const ATTRIBUTION_VERBS: &[&str] = &["confirmed", "confirms", "reported", "reports"];

/// Each word's mention number: a run of names joined by spaces, hyphens or
/// dots ("U.S. President Donald Trump"), with up to [`MAX_TITLE_WORDS`] lower-case
/// title words between two of its names ("White House special envoy Steve
/// Witkoff"), shares one; every other word has its own.
fn mentions(text: &str, tokens: &[Token]) -> Vec<u32> {
    let joined = |i: usize| {
        text.get(tokens[i - 1].range.end..tokens[i].range.start)
            .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-' || c == '.'))
    };
    let is_name = |i: usize| tokens[i].class == WordClass::Name;
    let is_title = |i: usize| {
        tokens[i].class == WordClass::Content
            && text
                .get(tokens[i].range.clone())
                .is_some_and(|word| TITLE_WORDS.iter().any(|t| word.eq_ignore_ascii_case(t)))
    };
    let mut mention = 0;
    let mut out: Vec<u32> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        out.push(mention);
        let mut end = i + 1;
        if is_name(i) {
            while end < tokens.len() && joined(end) {
                let titles = (end..tokens.len())
                    .take_while(|&k| joined(k) && is_title(k))
                    .count();
                let next = end + titles;
                if titles > MAX_TITLE_WORDS
                    || next >= tokens.len()
                    || !joined(next)
                    || !is_name(next)
                {
                    break;
                }
                out.extend(std::iter::repeat_n(mention, titles + 1));
                end = next + 1;
            }
        }
        i = end;
        mention += 1;
    }
    out
}

/// Title words a multi-word name may hold between two of its names, at most this many in a row.
const MAX_TITLE_WORDS: usize = 3;

/// Lower-case words of a title between two names ("White House special envoy
/// Steve Witkoff", "Kremlin spokesman Dmitry Peskov"). Any other word there
/// (a verb: "Witkoff met Putin") ends the name.
const TITLE_WORDS: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "chairman",
    "chief",
    "commander",
    "correspondent",
    "defence",
    "defense",
    "deputy",
    "diplomat",
    "director",
    "envoy",
    "executive",
    "foreign",
    "former",
    "general",
    "governor",
    "head",
    "interior",
    "leader",
    "minister",
    "national",
    "negotiator",
    "official",
    "press",
    "prime",
    "secretary",
    "security",
    "senator",
    "senior",
    "special",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "top",
    "vice",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalizer;

    /// The words of `text` grouped by mention, `|` between mentions.
    fn check(text: &str, expect: &str) {
        let mut normalizer = Normalizer::new(&crate::Config::default());
        let tokens = normalizer.tokens(text, 0..text.len());
        let mut shown = String::new();
        for (i, (token, mention)) in tokens.iter().zip(mentions(text, &tokens)).enumerate() {
            if i > 0 {
                let same = mentions(text, &tokens)[i - 1] == mention;
                shown.push_str(if same { " " } else { " | " });
            }
            shown.push_str(&text[token.range.clone()]);
        }
        assert_eq!(shown, expect);
    }

    #[test]
    fn a_name_with_its_title_is_one_mention() {
        check(
            "Then White House special envoy Steve Witkoff met Russian President Vladimir Putin and Trump",
            "Then | White House special envoy Steve Witkoff | met | Russian President Vladimir Putin | and | Trump",
        );
    }

    #[test]
    fn lower_case_words_after_a_name_or_between_two_far_apart_stay_apart() {
        check(
            "The White House press office said Trump",
            "The | White House | press | office | said | Trump",
        );
        check(
            "They saw Putin, special envoy Witkoff",
            "They | saw | Putin | special | envoy | Witkoff",
        );
    }

    /// The words of `text` that only say who said it.
    fn check_attribution(text: &str, expect: &str) {
        let mut normalizer = Normalizer::new(&crate::Config::default());
        let tokens = normalizer.tokens(text, 0..text.len());
        let mentions = mentions(text, &tokens);
        let shown: Vec<&str> = attribution(text, &tokens, &mentions)
            .into_iter()
            .zip(&tokens)
            .filter(|(role, _)| *role == KeyRole::Attribution)
            .map(|(_, t)| &text[t.range.clone()])
            .collect();
        assert_eq!(shown.join(" "), expect);
    }

    #[test]
    fn the_verb_lists_are_sorted_for_binary_search() {
        for list in [SPEECH_VERBS, ATTRIBUTION_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn a_speaker_and_the_speech_verb_are_attribution() {
        check_attribution(
            "Kremlin spokesman Dmitry Peskov confirmed that the call had concluded",
            "Dmitry Peskov confirmed",
        );
        check_attribution("We are ready, Zelensky said on Tuesday", "Zelensky said");
        check_attribution("The call had concluded, according to Peskov", "Peskov");
        check_attribution("Peskov has confirmed the call", "Peskov confirmed");
        check_attribution("Witkoff met Putin in Moscow", "");
    }
}
