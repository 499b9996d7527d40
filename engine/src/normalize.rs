//! Normalize stage: turns each word of a sentence into a comparison key and a word class.
//!
//! The key is what the aligner and the diff compare; the original text is
//! only ever rendered. Keys are case-folded, with curly quotes made straight
//! and diacritics folded ("Peña" → "pena"), numbers written one way
//! ("1,300" → "1300", "ninety" → "90", "first" → "1st"), spelling variants
//! mapped to one spelling ([`crate::variants`]) and content words stemmed
//! ("talks" → "talk"). The class says how much a word weighs: function words
//! ("the", "of", "has") stay in the diff but never make a group diverge or
//! two sentences align; names, numbers, dates, negations and words inside
//! quotation marks do.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::calendar;
use crate::config::{Config, Stemming};
use crate::fold::fold_with_flag;
use crate::variants::Variants;

/// What kind of word a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    /// A function word: article, preposition, pronoun, auxiliary, title.
    Function,
    /// Any other word.
    Content,
    /// A capitalised word inside a sentence, an acronym, or a listed variant spelling.
    Name,
    /// A number in digits or words, or an ordinal.
    Number,
    /// A weekday, a month, a relative day ("yesterday") or period ("last week").
    Date,
    /// "not", "no", "never", "n't" and the like.
    Negation,
}

/// Whether a word's key came from its spelling as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// The key is the word itself (folded, stemmed).
    Plain,
    /// The key came from the variant table or from folding diacritics, so
    /// another spelling may share it.
    Variant,
}

/// One word of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the source's original text.
    pub range: Range<usize>,
    /// The comparison key, interned in a [`Lexicon`].
    pub key: u32,
    /// What kind of word it is.
    pub class: WordClass,
    /// Whether the word stands inside quotation marks.
    pub quoted: bool,
    /// Whether another spelling may share the key.
    pub spelling: Spelling,
}

/// Interned keys: each distinct key string gets a small number.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    ids: FxHashMap<String, u32>,
    keys: Vec<String>,
}

impl Lexicon {
    /// The id of `key`, adding it when new.
    pub fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.to_owned());
        self.ids.insert(key.to_owned(), id);
        id
    }

    /// The id of `key` when it was interned.
    pub fn get(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    /// The key string of `id`.
    pub fn key(&self, id: u32) -> &str {
        self.keys.get(id as usize).map_or("", String::as_str)
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no key was interned yet.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Function words (folded). They are compared but weigh nothing in alignment.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "if",
    "then",
    "than",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "over",
    "to",
    "up",
    "with",
    "about",
    "after",
    "before",
    "between",
    "during",
    "through",
    "under",
    "until",
    "upon",
    "via",
    "within",
    "against",
    "among",
    "around",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "do",
    "does",
    "did",
    "doing",
    "have",
    "has",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "this",
    "that",
    "these",
    "those",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "there",
    "here",
    "all",
    "any",
    "both",
    "each",
    "few",
    "more",
    "most",
    "other",
    "some",
    "such",
    "only",
    "own",
    "same",
    "so",
    "too",
    "very",
    "just",
    "also",
    "even",
    "again",
    "further",
    "once",
    "now",
    "while",
    "although",
    "though",
    "because",
    "since",
    "whether",
    "per",
    "yet",
    "still",
    "already",
    "ever",
    "much",
    "many",
    "well",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "it's",
    "i'm",
    "i'll",
    "we're",
    "we've",
    "we'll",
    "they're",
    "they've",
    "he's",
    "she's",
    "that's",
    "there's",
    "i've",
    "you're",
    "let's",
    "s",
    "t",
    "d",
    "ll",
    "re",
    "ve",
    "m",
    "o",
    // Attribution verbs: who said something is news, that they "said" or "told" it is not.
    "say",
    "said",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "telling",
    "added",
    "adding",
    "stated",
    "according",
];

/// Negations (folded); any word ending in "n't" is one too.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nor", "none", "nothing", "nobody", "neither", "cannot", "nowhere",
];

/// Number words and their digits.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("thirteen", "13"),
    ("fourteen", "14"),
    ("fifteen", "15"),
    ("sixteen", "16"),
    ("seventeen", "17"),
    ("eighteen", "18"),
    ("nineteen", "19"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("million", "1000000"),
    ("billion", "1000000000"),
    ("dozen", "12"),
    ("first", "1st"),
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
    ("seventh", "7th"),
    ("eighth", "8th"),
    ("ninth", "9th"),
    ("tenth", "10th"),
    ("half", "0.5"),
];

/// Relative days: always dates (weekdays and months come from [`calendar`]).
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];

/// What [`Normalizer::classify`] found for one word as written, kept so
/// each distinct word is folded, looked up and stemmed once per comparison.
#[derive(Clone, Copy, Debug)]
struct Classified {
    key: u32,
    class: WordClass,
    spelling: Spelling,
    /// The word is a name only because it is capitalised: at the start of a
    /// clause it is an ordinary word.
    capital_makes_name: bool,
}

impl Classified {
    /// A word whose class does not hang on where it stands.
    fn new(key: u32, class: WordClass, spelling: Spelling) -> Self {
        Classified {
            key,
            class,
            spelling,
            capital_makes_name: false,
        }
    }

    /// The class where the word stands.
    fn class(&self, opens_clause: bool) -> WordClass {
        if self.capital_makes_name && opens_clause {
            WordClass::Content
        } else {
            self.class
        }
    }
}

/// Words as written with what [`Normalizer::classify`] found for them.
#[derive(Default)]
struct WordCache {
    /// Classified words by [`WordCache::packed`] spelling.
    classified: FxHashMap<u128, Classified>,
    /// Numbers for the few words too long to pack.
    long: Lexicon,
}

impl WordCache {
    /// A word of up to 15 bytes (most words) packed into one integer with
    /// its length, so a lookup hashes and compares two machine words rather
    /// than a string; a longer word's number in `long`, marked by length 255.
    fn packed(&mut self, word: &str) -> u128 {
        let bytes = word.as_bytes();
        let mut packed = [0; 16];
        if bytes.len() < 16 {
            packed[..bytes.len()].copy_from_slice(bytes);
            packed[15] = bytes.len() as u8;
            return u128::from_le_bytes(packed);
        }
        u128::from(self.long.intern(word)) | u128::from(u8::MAX) << 120
    }
}

/// Turns sentences into tokens; holds the lexicon so keys are shared across sources.
pub struct Normalizer {
    stemmer: Option<Stemmer>,
    function_words: HashSet<&'static str>,
    variants: Variants,
    lexicon: Lexicon,
    /// Every word met so far, as written, with what it was classified as.
    words: WordCache,
}

impl Normalizer {
    /// A normalizer for `config`'s stemming and variants.
    pub fn new(config: &Config) -> Self {
        let stemmer = match config.stemming {
            Stemming::English => Some(Stemmer::create(Algorithm::English)),
            Stemming::Off => None,
        };
        Normalizer {
            stemmer,
            function_words: FUNCTION_WORDS.iter().copied().collect(),
            variants: Variants::new(&config.variants),
            lexicon: Lexicon::default(),
            words: WordCache::default(),
        }
    }

    /// The lexicon of every key seen so far.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The tokens of the sentence `text[range]`, with ranges into `text`.
    pub fn tokens(&mut self, text: &str, range: Range<usize>) -> Vec<Token> {
        // About one word in six bytes of English; a guess that saves regrowing.
        let mut tokens = Vec::with_capacity(range.len() / 6 + 1);
        self.tokens_into(text, range, &mut tokens);
        tokens
    }

    /// [`Normalizer::tokens`] into `tokens` (cleared first), so a caller can reuse one buffer.
    pub fn tokens_into(&mut self, text: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
        tokens.clear();
        let sentence = &text[range.clone()];
        let quotes = QuoteTracker::new(sentence);
        let mut previous_end = 0;
        for (offset, word) in sentence.unicode_word_indices() {
            // What stands between the previous word and this one: all that
            // decides whether a clause opens here or a period is relative.
            let gap = &sentence[previous_end..offset];
            previous_end = offset + word.len();
            let opens_clause = tokens.is_empty() || follows_opening(gap);
            let classified = self.classified(word);
            let (mut key, mut class, spelling) = (
                classified.key,
                classified.class(opens_clause),
                classified.spelling,
            );
            if let Some(period) = period(word)
                && let Some(previous) = tokens.last_mut()
                && let Some(phrase) = relative_period(&text[previous.range.clone()], gap, period)
            {
                previous.class = WordClass::Function;
                key = self.lexicon.intern(&phrase);
                class = WordClass::Date;
            }
            tokens.push(Token {
                range: range.start + offset..range.start + offset + word.len(),
                key,
                class,
                quoted: quotes.inside(offset),
                spelling,
            });
        }
    }

    /// What `word` is, from the cache or worked out once.
    fn classified(&mut self, word: &str) -> Classified {
        let packed = self.words.packed(word);
        if let Some(&known) = self.words.classified.get(&packed) {
            return known;
        }
        let classified = self.classify(word);
        self.words.classified.insert(packed, classified);
        classified
    }

    /// Key, class and spelling of one word, as if it stood inside a clause.
    fn classify(&mut self, word: &str) -> Classified {
        let (folded, folded_diacritic) = fold_with_flag(word);
        let spelling = if folded_diacritic {
            Spelling::Variant
        } else {
            Spelling::Plain
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if is_negation(&folded) {
            return Classified::new(self.lexicon.intern(&folded), WordClass::Negation, spelling);
        }
        let bare = strip_possessive(&folded);
        if let Some(number) = number_key(bare) {
            return Classified::new(self.lexicon.intern(&number), WordClass::Number, spelling);
        }
        // Weekdays and relative days are always dates; a month only when capitalised
        // ("May", not "may"). Short forms take the full name's key.
        let day = calendar::weekday(bare)
            .map(|d| calendar::WEEKDAYS[d])
            .or_else(|| RELATIVE_DAYS.iter().copied().find(|d| *d == bare));
        if let Some(day) = day {
            return Classified::new(self.lexicon.intern(day), WordClass::Date, spelling);
        }
        if let Some(month) = calendar::month(bare).filter(|_| capitalised) {
            let key = self.lexicon.intern(calendar::MONTHS[month]);
            return Classified::new(key, WordClass::Date, spelling);
        }
        if let Some(key) = self.variants.key(bare) {
            let key = key.to_owned();
            return Classified::new(
                self.lexicon.intern(&key),
                WordClass::Name,
                Spelling::Variant,
            );
        }
        if is_acronym(word) {
            let key: String = bare.chars().filter(|&c| c != '.').collect();
            return Classified::new(self.lexicon.intern(&key), WordClass::Name, spelling);
        }
        if self.function_words.contains(folded.as_str()) || self.function_words.contains(bare) {
            return Classified::new(self.lexicon.intern(bare), WordClass::Function, spelling);
        }
        let key = self.stem(bare);
        Classified {
            key,
            class: if capitalised {
                WordClass::Name
            } else {
                WordClass::Content
            },
            spelling,
            capital_makes_name: capitalised,
        }
    }

    /// The interned stem of a folded content word.
    fn stem(&mut self, word: &str) -> u32 {
        match &self.stemmer {
            Some(stemmer) => {
                let stem = stemmer.stem(word);
                self.lexicon.intern(&stem)
            }
            None => self.lexicon.intern(word),
        }
    }
}

/// The period ("week", "month", "year", "weekend") that `word` names, in any case.
fn period(word: &str) -> Option<&'static str> {
    // "week", "month", "year" (4 or 5 letters) and "weekend" (7): most words
    // are ruled out by their length and first letter.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(word.len(), 4 | 5 | 7) || !matches!(first, b'w' | b'm' | b'y') {
        return None;
    }
    PERIODS
        .iter()
        .copied()
        .find(|p| word.eq_ignore_ascii_case(p))
}

/// "last week", "this year", "next month": the key of a `period` led by
/// a relative word with only spaces (`gap`) between, or `None`.
fn relative_period(previous: &str, gap: &str, period: &str) -> Option<String> {
    let modifier = RELATIVE.iter().find(|r| previous.eq_ignore_ascii_case(r))?;
    gap.bytes()
        .all(|b| b == b' ')
        .then(|| format!("{modifier} {period}"))
}

/// Words that make a period a date: "last week".
const RELATIVE: &[&str] = &["last", "this", "next", "past", "coming"];

/// Periods that a relative word makes a date.
const PERIODS: &[&str] = &["week", "weekend", "month", "year"];

fn lookup(table: &'static [(&'static str, &'static str)], word: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(from, _)| *from == word)
        .map(|(_, to)| *to)
}

fn is_negation(folded: &str) -> bool {
    NEGATIONS.contains(&folded) || folded.ends_with("n't")
}

/// "russia's" → "russia", "nations'" → "nations"; curly apostrophes too, for words not yet folded.
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix(['\'', '’']))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(word)
}

/// The key of a number written in digits or words: "1,300" → "1300".
fn number_key(folded: &str) -> Option<String> {
    if folded.bytes().any(|b| b.is_ascii_digit()) {
        let key = folded.chars().filter(|&c| c != ',' && c != '\'').collect();
        return Some(key);
    }
    lookup(NUMBER_WORDS, folded).map(str::to_owned)
}

/// "NATO", "U.S", "GMT": two or more letters, all capitals (dots allowed).
pub(crate) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// Whether the text between the previous word and this one (`gap`) ends in an
/// opening quote, a colon or a dash, so a capital there opens a clause rather
/// than marking a name. (A word itself never ends in one of those.)
fn follows_opening(gap: &str) -> bool {
    // Most gaps are one space or ASCII punctuation: read their last byte.
    match gap.bytes().rev().find(|b| !b.is_ascii_whitespace()) {
        None => false,
        Some(b) if b.is_ascii() => {
            matches!(b, b'"' | b'\'' | b':' | b'(' | b'[' | b'-' | b'?' | b'!')
        }
        Some(_) => follows_opening_char(gap),
    }
}

/// [`follows_opening`] for a gap that ends in a non-ASCII character (a curly
/// quote, a dash, or Unicode white space before them).
fn follows_opening_char(gap: &str) -> bool {
    gap.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '“' | '"' | '‘' | '\'' | ':' | '(' | '[' | '«' | '—' | '–' | '-' | '?' | '!'
        )
    })
}

/// Whether `sentence` has a byte that can start a quotation mark: `"`, or
/// the lead bytes of “ ” „ and « ». ASCII text, the most, is checked by the
/// standard library's word-at-a-time scans.
fn may_quote(sentence: &str) -> bool {
    if sentence.is_ascii() {
        sentence.as_bytes().contains(&b'"')
    } else {
        sentence.bytes().any(|b| matches!(b, b'"' | 0xE2 | 0xC2))
    }
}

/// Where quotation marks open and close inside one sentence.
struct QuoteTracker {
    /// Byte offsets where the state changes, with the new state.
    changes: Vec<(usize, bool)>,
    /// The state at the start of the sentence.
    initial: bool,
}

impl QuoteTracker {
    fn new(sentence: &str) -> Self {
        let mut changes = Vec::new();
        // Most sentences quote no one: skip the walk when no byte can start
        // a quotation mark (`"`, or the lead bytes of “ ” „ and « »).
        if !may_quote(sentence) {
            return QuoteTracker {
                changes,
                initial: false,
            };
        }
        let mut previous = ' ';
        for (i, c) in sentence.char_indices() {
            let opens = match c {
                '“' | '„' | '«' => Some(true),
                '”' | '»' => Some(false),
                '"' => Some(previous.is_whitespace() || matches!(previous, '(' | '[' | '—' | '–')),
                _ => None,
            };
            if let Some(opens) = opens {
                changes.push((i, opens));
            }
            previous = c;
        }
        // A sentence that closes a quote it never opened continues a quotation.
        let initial = changes.first().is_some_and(|&(_, opens)| !opens);
        QuoteTracker { changes, initial }
    }

    /// Whether the byte `offset` lies inside quotation marks.
    fn inside(&self, offset: usize) -> bool {
        self.changes
            .iter()
            .take_while(|(at, _)| *at < offset)
            .last()
            .map_or(self.initial, |&(_, opens)| opens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Normalizes `input` as one sentence and shows each word as `key/Class`, with `"` when quoted.
    fn check(input: &str, expect: &str) {
        let mut normalizer = Normalizer::new(&Config::default());
        let tokens = normalizer.tokens(input, 0..input.len());
        let shown: Vec<String> = tokens
            .iter()
            .map(|t| {
                let quote = if t.quoted { "\"" } else { "" };
                format!("{quote}{}/{:?}", normalizer.lexicon().key(t.key), t.class)
            })
            .collect();
        assert_eq!(shown.join(" "), expect);
    }

    #[test]
    fn content_words_are_stemmed_and_function_words_kept() {
        check(
            "The talks were held in Moscow",
            "the/Function talk/Content were/Function held/Content in/Function moscow/Name",
        );
    }

    #[test]
    fn a_period_led_by_a_relative_word_is_one_date() {
        check(
            "Last week, not this week or the last  year",
            "last/Function last week/Date not/Negation this/Function this week/Date or/Function the/Function last/Function last year/Date",
        );
    }

    #[test]
    fn numbers_are_written_one_way() {
        check(
            "1,300 ninety 90 first 1st",
            "1300/Number 90/Number 90/Number 1st/Number 1st/Number",
        );
    }

    #[test]
    fn weekdays_always_and_months_when_capitalised_are_dates() {
        check(
            "On Tuesday in May they may march",
            "on/Function tuesday/Date in/Function may/Date they/Function may/Function march/Content",
        );
    }

    #[test]
    fn variants_and_diacritics_share_keys() {
        check(
            "Kiev Kyiv Zelensky Peña",
            "kyiv/Name kyiv/Name zelenskyy/Name pena/Name",
        );
    }

    #[test]
    fn negations_possessives_and_acronyms() {
        check(
            "It doesn’t matter, Russia’s U.S. NATO ally is not US",
            "it/Function doesn't/Negation matter/Content russia/Name us/Name nato/Name alli/Content is/Function not/Negation us/Name",
        );
    }

    #[test]
    fn words_inside_quotation_marks_are_quoted() {
        check(
            "He said “very good friends” and \"done\"",
            "he/Function said/Function \"very/Function \"good/Content \"friend/Content and/Function \"done/Content",
        );
        check(
            "peace,” Leavitt said",
            "\"peac/Content leavitt/Name said/Function",
        );
    }

    #[test]
    fn words_too_long_to_pack_are_classified_too() {
        check(
            "Counterrevolutionaries met counterrevolutionaries and Counterrevolutionaries",
            "counterrevolutionari/Content met/Content counterrevolutionari/Content and/Function counterrevolutionari/Name",
        );
    }
}
