//! Names: people with their titles, organisations and places, one entry per named thing across the set.
//!
//! A mention is a run of capitalised words joined by spaces or dots ("U.S.
//! President Donald Trump", "Mr. Trump"), which may hold "of" ("Secretary of
//! State Marco Rubio") or up to three lower-case title words ("White House
//! special envoy Steve Witkoff") and may start with them ("national security
//! adviser Michael Waltz"). Its last title word splits it into title and name:
//!
//! ```text
//! Kremlin spokesman | Dmitry Peskov      person, title "Kremlin spokesman"
//! Mr. | Trump                            person (honorifics are not listed as titles)
//! International Atomic Energy Agency     organisation ("agency")
//! Kyiv · Kiev                            place (one entry: the variant table gives one key)
//! ```
//!
//! A sentence-initial word counts only when the set uses it as a name
//! elsewhere ("Trump", not "Despite"). People are one entry per surname
//! key and compatible first name: "Mike Waltz" and "Michael Waltz" are one
//! person (short forms from a small table), "Joe Biden" and "Hunter Biden"
//! two; a surname alone joins its most mentioned person. Title-case headings
//! are skipped. The kind is a best guess from short word lists and cues ("in
//! Moscow"); it labels the list, and only people are compared as actors.

use super::{KeyMap, Sentence, Set, role, sort_by};
use crate::normalize::{Spelling, WordClass, is_acronym, strip_possessive};
use crate::report::{At, NameEntry, NameForm, NameKind, SourceId};

/// Keys the set uses as names in mid-sentence, sorted.
struct NameKeys(Vec<u32>);

impl NameKeys {
    fn contains(&self, key: &u32) -> bool {
        self.0.binary_search(key).is_ok()
    }
}

/// All names of the set.
pub(crate) struct Names {
    pub entries: Vec<NameEntry>,
    /// Per sentence of the set: its mentions in text order.
    pub mentions: Vec<Vec<Mention>>,
}

/// One mention in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// First token, title included.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// Index into [`Names::entries`].
    pub entry: usize,
    pub kind: NameKind,
}

/// Title words (folded). The last one in a run ends the title.
pub(crate) const TITLES: &[&str] = &[
    "admiral",
    "adviser",
    "advisor",
    "ambassador",
    "chancellor",
    "chief",
    "colonel",
    "commander",
    "defence",
    "defense",
    "democrat",
    "deputy",
    "director",
    "emeritus",
    "envoy",
    "foreign",
    "former",
    "gen",
    "general",
    "gov",
    "governor",
    "intelligence",
    "judge",
    "king",
    "leader",
    "mayor",
    "minister",
    "national",
    "negotiator",
    "pope",
    "premier",
    "president",
    "press",
    "prime",
    "professor",
    "queen",
    "rep",
    "representative",
    "republican",
    "retired",
    "secretary",
    "security",
    "sen",
    "senator",
    "special",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "treasury",
    "vice",
];

/// Honorifics: they make a person but are not listed as titles.
pub(crate) const HONORIFICS: &[&str] = &[
    "dame", "dr", "lady", "lord", "miss", "mr", "mrs", "ms", "sir",
];

/// Words that make a name an organisation.
pub(crate) const ORG_WORDS: &[&str] = &[
    "administration",
    "agency",
    "alliance",
    "army",
    "assembly",
    "association",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "council",
    "court",
    "department",
    "embassy",
    "force",
    "forces",
    "foundation",
    "fund",
    "government",
    "guard",
    "house",
    "institute",
    "journal",
    "kremlin",
    "league",
    "ministry",
    "navy",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "pentagon",
    "plant",
    "post",
    "press",
    "reuters",
    "senate",
    "service",
    "social",
    "station",
    "times",
    "union",
    "university",
];

/// Words that make a name a place.
pub(crate) const PLACE_WORDS: &[&str] = &[
    "africa",
    "america",
    "arabia",
    "asia",
    "bay",
    "city",
    "coast",
    "county",
    "east",
    "europe",
    "gulf",
    "island",
    "islands",
    "kingdom",
    "mountains",
    "ocean",
    "peninsula",
    "petersburg",
    "province",
    "region",
    "republic",
    "river",
    "sea",
    "states",
    "strait",
    "valley",
    "west",
];

/// Places written alone: countries, capitals and regions often in the news (folded; variant keys for transliterations).
pub(crate) const PLACES: &[&str] = &[
    "afghanistan",
    "america",
    "ankara",
    "athens",
    "australia",
    "austria",
    "baghdad",
    "beijing",
    "beirut",
    "belarus",
    "belgium",
    "berlin",
    "brazil",
    "britain",
    "brussels",
    "budapest",
    "cairo",
    "canada",
    "china",
    "crimea",
    "damascus",
    "denmark",
    "donbas",
    "donetsk",
    "egypt",
    "england",
    "estonia",
    "europe",
    "finland",
    "florida",
    "france",
    "gaza",
    "geneva",
    "georgia",
    "germany",
    "greece",
    "hungary",
    "india",
    "iran",
    "iraq",
    "ireland",
    "israel",
    "istanbul",
    "italy",
    "japan",
    "jerusalem",
    "kharkiv",
    "kherson",
    "kursk",
    "kyiv",
    "latvia",
    "lebanon",
    "lithuania",
    "london",
    "luhansk",
    "madrid",
    "mexico",
    "minsk",
    "moldova",
    "moscow",
    "munich",
    "mykolaiv",
    "netherlands",
    "norway",
    "odesa",
    "pakistan",
    "paris",
    "poland",
    "riga",
    "romania",
    "rome",
    "russia",
    "scotland",
    "serbia",
    "spain",
    "sweden",
    "switzerland",
    "syria",
    "taiwan",
    "tehran",
    "texas",
    "tokyo",
    "turkey",
    "uk",
    "ukraine",
    "us",
    "usa",
    "venezuela",
    "vienna",
    "warsaw",
    "washington",
    "zaporizhzhia",
];

/// Prepositions before a place ("in Moscow", "from Riga").
const PLACE_CUES: &[&str] = &["in", "from", "into", "across", "near", "toward", "towards"];

/// Time zones and other capitals that are not names.
pub(crate) const NOT_NAMES: &[&str] = &[
    "am", "bst", "cet", "cst", "ct", "edt", "est", "et", "gmt", "i", "msk", "pdt", "pm", "pst",
    "pt", "utc",
];

/// First names with their short forms, formal form first.
pub(crate) const NICKNAMES: &[&[&str]] = &[
    &["michael", "mike", "mick"],
    &["william", "bill", "billy", "will"],
    &["robert", "bob", "bobby", "rob"],
    &["james", "jim", "jimmy", "jamie"],
    &["joseph", "joe", "joey"],
    &["thomas", "tom", "tommy"],
    &["daniel", "dan", "danny"],
    &["david", "dave"],
    &["steven", "steve", "stephen"],
    &["christopher", "chris"],
    &["nicholas", "nick"],
    &["matthew", "matt"],
    &["anthony", "tony"],
    &["benjamin", "ben", "bibi"],
    &["samuel", "sam"],
    &["alexander", "alex"],
    &["elizabeth", "liz", "beth"],
    &["katherine", "kate", "kathy"],
    &["jennifer", "jen", "jenny"],
    &["richard", "rick", "dick", "rich"],
    &["edward", "ed", "ted"],
    &["donald", "don"],
    &["ronald", "ron"],
    &["jonathan", "jon"],
    &["john", "jack", "johnny"],
    &["peter", "pete"],
    &["andrew", "andy"],
    &["timothy", "tim"],
    &["gregory", "greg"],
    &["jeffrey", "jeff"],
    &["lawrence", "larry"],
    &["charles", "charlie", "chuck"],
];

/// Transliterated first names: one name spelled several ways.
pub(crate) const FIRST_NAME_SPELLINGS: &[&[&str]] = &[
    &["dmitry", "dmitri", "dmitriy"],
    &["sergei", "sergey", "sergiy", "serhii", "serhiy"],
    &["andriy", "andrii", "andrei", "andrey"],
    &["yuri", "yury", "yuriy"],
    &["alexei", "alexey", "aleksei", "oleksii", "oleksiy"],
    &["volodymyr", "wolodymyr"],
    &["mykhailo", "mikhail"],
    &["maria", "mariya"],
    &["olena", "elena", "yelena"],
];

/// The short-form group and spelling group of a folded first name: the formal form, or the name itself.
pub(crate) fn first_name_key(first: &str) -> &str {
    NICKNAMES
        .iter()
        .chain(FIRST_NAME_SPELLINGS)
        .find(|set| set.contains(&first))
        .map_or(first, |set| set[0])
}

/// Whether two folded first names are one name spelled two ways (not a short form).
pub(crate) fn spelled_alike(a: &str, b: &str) -> bool {
    FIRST_NAME_SPELLINGS
        .iter()
        .any(|set| set.contains(&a) && set.contains(&b))
}

/// A mention before it is put into an entry.
struct Raw {
    sentence: usize,
    first: usize,
    last: usize,
    kind: Option<NameKind>,
    /// The folded first word of the name, when the name has two words or more.
    first_name: Option<String>,
    /// The identity of the name's last word (a person's surname).
    last_key: String,
    /// The identity of the whole name (for anything but a person).
    whole_key: String,
    form: String,
    title: Option<String>,
}

/// Finds every name of the set and groups them into entries.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(crate) fn extract(set: &Set<'_>) -> Names {
    let headings: Vec<bool> = set.sentences.iter().map(is_heading).collect();
    let mut keys: Vec<u32> = set
        .sentences
        .iter()
        .zip(&headings)
        .filter(|&(_, &heading)| !heading)
        .flat_map(|(s, _)| s.tokens.iter())
        .filter(|t| t.class == WordClass::Name)
        .map(|t| t.key)
        .collect();
    sort_by(&mut keys, |&k| [u64::from(k), 0, 0, 0]);
    keys.dedup();
    let name_keys = NameKeys(keys);
    let mut raws: Vec<Raw> = Vec::new();
    for (index, sentence) in set.sentences.iter().enumerate() {
        if headings[index] {
            continue;
        }
        let mut i = 0;
        while i < sentence.tokens.len() {
            match run(sentence, i, &name_keys) {
                Some((first, last)) => {
                    if let Some(raw) = raw(set, sentence, index, first, last) {
                        raws.push(raw);
                    }
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }
    classify_by_surname(&mut raws);
    entries(set, raws)
}

/// A line in title case without a full stop: "US Administration Sees Ceasefire Within Reach".
fn is_heading(s: &Sentence<'_>) -> bool {
    let (mut words, mut capitals) = (0, 0);
    for i in 0..s.tokens.len() {
        let capital = s.capitalised(i);
        if capital || !s.is(i, WordClass::Function) {
            words += 1;
            capitals += usize::from(capital);
        }
    }
    let ends = s
        .slice(&s.range)
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’']);
    !ends && words >= 3 && capitals * 10 >= words * 7
}

/// Whether token `i` may be part of a name.
fn capital(s: &Sentence<'_>, i: usize, name_keys: &NameKeys) -> bool {
    let Some(token) = s.tokens.get(i) else {
        return false;
    };
    if !s.capitalised(i) {
        return false;
    }
    let usable = match token.class {
        WordClass::Name => true,
        // A capital opening a clause is a name only if the set uses it as one
        // elsewhere, if it is a title, or if it speaks ("Trump said", "Trump, who…").
        WordClass::Content => {
            name_keys.contains(&token.key)
                || s.has(i, role::TITLE)
                || s.has(i + 1, role::SPEECH)
                || (s.folded(i + 1) == "who" && s.gap_before(i + 1) == ", ")
                || (s.has(i, role::FIRST_NAME) && s.is(i + 1, WordClass::Name) && s.spaced(i + 1))
        }
        _ => false,
    };
    usable && !s.has(i, role::NOT_NAME)
}

/// Whether tokens `i - 1` and `i` belong to one name: spaces or a dot between.
fn joined(s: &Sentence<'_>, i: usize) -> bool {
    i > 0 && matches!(s.gap_before(i), " " | ". " | "." | "\u{a0}")
}

fn is_possessive(s: &Sentence<'_>, i: usize) -> bool {
    let word = s.word(i);
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with(['\'', '’'])
}

fn lower_title(s: &Sentence<'_>, i: usize) -> bool {
    s.is(i, WordClass::Content)
        && !s.capitalised(i)
        && s.has(i, role::TITLE)
        && !is_possessive(s, i)
}

/// The tokens of the name run starting at `i`, title words included.
fn run(s: &Sentence<'_>, i: usize, name_keys: &NameKeys) -> Option<(usize, usize)> {
    let starts = capital(s, i, name_keys);
    let titled = lower_title(s, i) && {
        let titles = (i..s.tokens.len())
            .take_while(|&k| lower_title(s, k))
            .count();
        titles <= 3
            && (i + 1..=i + titles).all(|k| joined(s, k))
            && capital(s, i + titles, name_keys)
    };
    if !starts && !titled {
        return None;
    }
    let mut last = if titled {
        (i..s.tokens.len())
            .take_while(|&k| lower_title(s, k))
            .last()
            .map_or(i, |k| k + 1)
    } else {
        i
    };
    while !is_possessive(s, last) {
        let next = last + 1;
        if capital(s, next, name_keys) && joined(s, next) {
            last = next;
            continue;
        }
        if s.folded(next) == "of"
            && joined(s, next)
            && joined(s, next + 1)
            && capital(s, next + 1, name_keys)
        {
            last = next + 1;
            continue;
        }
        let titles = (next..s.tokens.len())
            .take_while(|&k| lower_title(s, k) && joined(s, k))
            .count();
        if (1..=3).contains(&titles)
            && joined(s, next + titles)
            && capital(s, next + titles, name_keys)
        {
            last = next + titles;
            continue;
        }
        break;
    }
    Some((i, last))
}

/// The mention of tokens `first..=last`, split into title and name.
fn raw(set: &Set<'_>, s: &Sentence<'_>, sentence: usize, first: usize, last: usize) -> Option<Raw> {
    let is_title = |k: usize| s.has(k, role::TITLE | role::HONORIFIC);
    let has_word = |from: usize, bit: u16| (from..=last).any(|k| s.has(k, bit));
    let split = (first..last)
        .rev()
        .find(|&k| is_title(k))
        .filter(|&k| !has_word(k + 1, role::ORG) && s.capitalised(k + 1));
    // A run of titles alone ("President" opening a sentence) names nobody.
    if (first..=last).all(&is_title) {
        return None;
    }
    let name_first = split.map_or(first, |k| k + 1);
    // A demonym alone before a lower-case word is an adjective: "Russian forces".
    if name_first == last
        && split.is_none()
        && !s.has(last, role::PLACE)
        && is_demonym(s.folded(last))
    {
        return None;
    }
    let honorific_only = split.is_some_and(|k| (first..=k).all(|j| s.has(j, role::HONORIFIC)));
    let titled = split.is_some();
    let kind = if has_word(name_first, role::ORG) {
        Some(NameKind::Organisation)
    } else if titled {
        Some(NameKind::Person)
    } else if has_word(name_first, role::PLACE_WORD)
        || (name_first == last && s.has(last, role::PLACE))
    {
        Some(NameKind::Place)
    } else if name_first == last && is_acronym(strip_possessive(s.word(last))) {
        Some(NameKind::Organisation)
    } else if first > 0 && PLACE_CUES.contains(&s.folded(first - 1)) && last - name_first < 2 {
        Some(NameKind::Place)
    } else if followed_by_speech(s, last)
        || (last > name_first && s.has(name_first, role::FIRST_NAME))
    {
        Some(NameKind::Person)
    } else {
        None
    };
    let whole_key = (name_first..=last)
        .map(|k| identity(set, s, k))
        .collect::<Vec<_>>()
        .join(" ");
    let first_name = (last > name_first)
        .then(|| s.folded(name_first).to_owned())
        .filter(|f| f.chars().count() > 1);
    let form_range = s.span(name_first, last);
    let title = split
        .filter(|_| !honorific_only)
        .map(|k| s.slice(&s.span(first, k)).to_owned())
        .filter(|t| !t.is_empty());
    Some(Raw {
        sentence,
        first,
        last,
        kind,
        first_name,
        last_key: identity(set, s, last),
        whole_key,
        form: strip_possessive(s.slice(&form_range)).to_owned(),
        title,
    })
}

/// The identity of one name word: its variant key when it has one, else the folded word.
fn identity(set: &Set<'_>, s: &Sentence<'_>, k: usize) -> String {
    match s.tokens.get(k) {
        Some(t) if t.spelling == Spelling::Variant => set.key(t).to_owned(),
        _ => s.folded(k).replace('.', ""),
    }
}

/// "Russian", "Ukrainian", "European", "Chinese", "British", "Western".
fn is_demonym(folded: &str) -> bool {
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    ["ian", "ean", "ese", "ish", "can", "ern", "ic"]
        .iter()
        .any(|end| singular.ends_with(end))
}

/// Whether a speech verb or ", who" follows token `last` ("Witkoff said", "Trump, who…").
fn followed_by_speech(s: &Sentence<'_>, last: usize) -> bool {
    speaks_after(s, last) || (s.folded(last + 1) == "who" && s.gap_before(last + 1) == ", ")
}

impl Raw {
    fn is_person(&self) -> bool {
        self.kind == Some(NameKind::Person)
    }

    /// The identity key: surname for people, whole name otherwise.
    fn key(&self) -> &str {
        if self.is_person() {
            &self.last_key
        } else {
            &self.whole_key
        }
    }

    /// A person's folded first name, when written.
    fn person_first_name(&self) -> Option<&str> {
        self.first_name.as_deref().filter(|_| self.is_person())
    }
}

/// Names with no kind yet: people when the set names a person with that
/// surname ("Trump" after "President Donald Trump", "Bradley Bowman" after
/// "…,” Bowman said"); the rest are other names.
fn classify_by_surname(raws: &mut [Raw]) {
    // A set of surnames, as the stage's interner type: no sort of strings.
    let surnames: KeyMap<String, u32> = raws
        .iter()
        .filter(|r| r.is_person())
        .map(|r| (r.last_key.clone(), 0))
        .collect();
    for raw in raws.iter_mut() {
        if raw.kind.is_none() && surnames.contains_key(&raw.last_key) {
            raw.kind = Some(NameKind::Person);
        }
        if raw.kind.is_none() {
            raw.kind = Some(NameKind::Other);
        }
    }
}

/// Groups mentions into entries: people by surname and first name, the rest by key.
fn entries(set: &Set<'_>, raws: Vec<Raw>) -> Names {
    let mut entries: Vec<Builder> = Vec::new();
    // "p|waltz|michael" → entry: the same map type as the other stages' interners.
    let mut index: KeyMap<String, u32> = KeyMap::default();
    let index_key =
        |person: bool, key: &str, first: &str| format!("{}|{key}|{first}", u8::from(person));
    let mut assigned: Vec<Option<usize>> = vec![None; raws.len()];
    // People with a first name first, then the rest.
    let named = |r: &usize| raws[*r].person_first_name().is_some();
    let order: Vec<usize> = (0..raws.len())
        .filter(named)
        .chain((0..raws.len()).filter(|r| !named(r)))
        .collect();
    for r in order {
        let raw = &raws[r];
        let person = raw.is_person();
        let first = raw.person_first_name().map(first_name_key).unwrap_or("");
        let key = raw.key().to_owned();
        let entry = if person && first.is_empty() {
            // A surname alone joins its most mentioned person.
            entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.person && e.key == key)
                .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        } else {
            index
                .get(&index_key(person, &key, first))
                .map(|&e| e as usize)
        };
        let entry = entry.unwrap_or_else(|| {
            entries.push(Builder {
                person,
                key: key.clone(),
                ..Builder::default()
            });
            index.insert(index_key(person, &key, first), entries.len() as u32 - 1);
            entries.len() - 1
        });
        entries[entry].add(set, raw);
        assigned[r] = Some(entry);
    }
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); set.sentences.len()];
    let built: Vec<NameEntry> = entries
        .into_iter()
        .enumerate()
        .map(|(id, b)| b.build(id))
        .collect();
    for (raw, entry) in raws.iter().zip(assigned) {
        let Some(entry) = entry else { continue };
        if let Some(list) = mentions.get_mut(raw.sentence) {
            list.push(Mention {
                first: raw.first,
                last: raw.last,
                entry,
                kind: built[entry].kind,
            });
        }
    }
    for list in &mut mentions {
        sort_by(list, |m| [m.first as u64, 0, 0, 0]);
    }
    let mut entries = built;
    for entry in &mut entries {
        sort_by(&mut entry.mentions, |m| {
            [m.source.index() as u64, m.start as u64, 0, 0]
        });
    }
    Names { entries, mentions }
}

/// An entry being filled.
#[derive(Default)]
struct Builder {
    person: bool,
    key: String,
    kinds: Vec<NameKind>,
    /// Forms with their use count and whether the first name is a short form.
    forms: Vec<(NameForm, usize, bool)>,
    titles: Vec<NameForm>,
    mentions: Vec<At>,
}

impl Builder {
    fn add(&mut self, set: &Set<'_>, raw: &Raw) {
        let Some(s) = set.sentences.get(raw.sentence) else {
            return;
        };
        self.kinds.extend(raw.kind);
        let short = raw
            .person_first_name()
            .is_some_and(|f| first_name_key(f) != f && !spelled_alike(f, first_name_key(f)));
        add_form(&mut self.forms, &raw.form, s.source, short);
        if let Some(title) = &raw.title {
            let mut plain: Vec<(NameForm, usize, bool)> =
                self.titles.drain(..).map(|f| (f, 0, false)).collect();
            add_form(&mut plain, title, s.source, false);
            self.titles = plain.into_iter().map(|(f, _, _)| f).collect();
        }
        self.mentions.push(s.at(&s.span(raw.first, raw.last)));
    }

    fn build(self, id: usize) -> NameEntry {
        let kind = if self.person {
            NameKind::Person
        } else {
            majority(&self.kinds)
        };
        let words = |f: &NameForm| f.text.split_whitespace().count();
        let name = self
            .forms
            .iter()
            .enumerate()
            .max_by_key(|(i, (form, count, short))| {
                (
                    self.person && words(form) >= 2,
                    !short,
                    *count,
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(_, (form, _, _))| form.text.clone())
            .unwrap_or_default();
        NameEntry {
            id,
            name,
            kind,
            key: self.key,
            forms: self.forms.into_iter().map(|(f, _, _)| f).collect(),
            titles: self.titles,
            mentions: self.mentions,
        }
    }
}

/// Adds a use of `text` by `source` to `forms` (forms compared case-sensitively).
fn add_form(forms: &mut Vec<(NameForm, usize, bool)>, text: &str, source: SourceId, short: bool) {
    match forms.iter_mut().find(|(f, _, _)| f.text == text) {
        Some((form, count, _)) => {
            *count += 1;
            if let Err(at) = form.sources.binary_search(&source) {
                form.sources.insert(at, source);
            }
        }
        None => forms.push((
            NameForm {
                text: text.to_owned(),
                sources: vec![source],
            },
            1,
            short,
        )),
    }
}

/// The most frequent specific kind (anything over `Other`), ties to the first.
fn majority(kinds: &[NameKind]) -> NameKind {
    let mut best = NameKind::Other;
    let mut best_count = 0;
    for kind in [NameKind::Place, NameKind::Organisation, NameKind::Person] {
        let count = kinds.iter().filter(|&&k| k == kind).count();
        if count > best_count {
            best = kind;
            best_count = count;
        }
    }
    best
}

/// Whether a speech verb follows token `last` directly, or after one lower-case
/// word ("Trump said", "Trump then added", "Hegseth, who told"), not after another name.
pub(crate) fn speaks_after(s: &Sentence<'_>, last: usize) -> bool {
    let verb = |k: usize| s.has(k, role::SPEECH);
    let bridge = |k: usize| {
        !s.capitalised(k) && !s.is(k, WordClass::Name) && !s.gap_before(k).contains(['.', ';', ':'])
    };
    verb(last + 1) || (bridge(last + 1) && verb(last + 2))
}

#[cfg(test)]
mod tests {
    use crate::facts::testing::report;

    /// Every entry of `texts` as `kind name [forms] (titles)`, joined by ` | `.
    fn check(texts: &[&str], expect: &str) {
        let report = report(texts);
        let shown: Vec<String> = report
            .facts
            .names
            .iter()
            .map(|e| {
                let forms: Vec<String> = e
                    .forms
                    .iter()
                    .map(|f| format!("{}{:?}", f.text, f.sources))
                    .collect();
                let titles: Vec<&str> = e.titles.iter().map(|t| t.text.as_str()).collect();
                let titles = if titles.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", titles.join("; "))
                };
                format!("{:?} {} [{}]{titles}", e.kind, e.name, forms.join(", "))
            })
            .collect();
        assert_eq!(shown.join(" | "), expect);
    }

    #[test]
    fn titles_split_from_names() {
        check(
            &[
                "Then Kremlin spokesman Dmitry Peskov met Secretary of State Marco Rubio and White House special envoy Steve Witkoff.",
            ],
            "Person Dmitry Peskov [Dmitry Peskov[0]] (Kremlin spokesman) | Person Marco Rubio [Marco Rubio[0]] (Secretary of State) | Person Steve Witkoff [Steve Witkoff[0]] (White House special envoy)",
        );
    }

    #[test]
    fn a_surname_and_an_honorific_join_the_person() {
        check(
            &["President Donald Trump spoke. Mr. Trump said so, and Trump agreed."],
            "Person Donald Trump [Donald Trump[0], Trump[0]] (President)",
        );
    }

    #[test]
    fn short_first_names_are_one_person_named_formally() {
        check(
            &[
                "National Security Advisor Mike Waltz spoke.",
                "Then national security adviser Michael Waltz spoke.",
            ],
            "Person Michael Waltz [Mike Waltz[0], Michael Waltz[1]] (National Security Advisor; national security adviser)",
        );
    }

    #[test]
    fn different_first_names_are_different_people() {
        check(
            &["Then President Joe Biden met Hunter Biden in Paris."],
            "Person Joe Biden [Joe Biden[0]] (President) | Person Hunter Biden [Hunter Biden[0]] | Place Paris [Paris[0]]",
        );
    }

    #[test]
    fn spelling_variants_are_one_place_and_one_person() {
        check(
            &[
                "Then Ukrainian President Volodymyr Zelenskyy flew to Kyiv.",
                "Then Volodymyr Zelensky flew to Kiev, far from Moscow.",
            ],
            "Person Volodymyr Zelenskyy [Volodymyr Zelenskyy[0], Volodymyr Zelensky[1]] (Ukrainian President) | Place Kyiv [Kyiv[0], Kiev[1]] | Place Moscow [Moscow[1]]",
        );
    }

    #[test]
    fn organisations_acronyms_demonyms_and_headings() {
        check(
            &[
                "US Administration Sees Ceasefire Within Reach\nThe UN’s International Atomic Energy Agency and NATO met Russian officials.",
            ],
            "Organisation UN [UN[0]] | Organisation International Atomic Energy Agency [International Atomic Energy Agency[0]] | Organisation NATO [NATO[0]]",
        );
    }
}
