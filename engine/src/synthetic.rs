//! Synthetic article sets for benchmarks: any number of articles of any length about one invented event, the same for the same seed.
//!
//! Real sets are small (the seed set has five articles); the engine must also
//! stay fast on 100 articles of 1,000 words. This module writes such sets
//! deterministically, natively and in wasm alike, with no random-number crate:
//! a small linear congruential generator picks everything from a seed.
//!
//! Each set tells one story, a pool of facts built from sentence templates.
//! Every article retells most facts in roughly the story's order, each time
//! with the variations outlets show: a changed number or weekday, a name
//! spelled another way ("Kyiv"/"Kiev"), a synonym, an attribution added
//! ("officials said"). Between them come sentences only that article has.
//!
//! ```
//! use crosscheck_engine::synthetic::{Spec, articles};
//!
//! let spec = Spec { articles: 3, words: 200, seed: 7 };
//! let set = articles(&spec);
//! assert_eq!(set.len(), 3);
//! assert!(set.iter().all(|a| a.word_count() >= 200));
//! assert_eq!(set, articles(&spec), "the same seed writes the same set");
//! ```

use crate::Source;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Number of articles.
    pub articles: usize,
    /// Each article is written until it has at least this many words.
    pub words: usize,
    /// Everything else follows from this number.
    pub seed: u64,
}

impl Spec {
    /// The benchmark's large case: 100 articles of 1,000 words.
    pub const LARGE: Spec = Spec {
        articles: 100,
        words: 1_000,
        seed: 2024,
    };
}

/// Sentence templates of the story. `{p}` a person, `{q}` a place, `{o}` an
/// organisation, `{n}` a number, `{d}` a weekday, `{v}` a verb of saying.
const TEMPLATES: &[&str] = &[
    "{p} {v} on {d} that {n} people had been evacuated from {q}.",
    "The {o} said at least {n} homes in {q} were damaged by the storm on {d}.",
    "{p}, who leads the {o}, travelled to {q} on {d} to meet local officials.",
    "Emergency crews restored power to {n} households in {q} by {d} evening.",
    "According to the {o}, {n} roads around {q} remained closed on {d}.",
    "{p} {v} the government would release {n} million dollars for {q}.",
    "Schools in {q} will stay closed until {d}, {p} {v}.",
    "The {o} sent {n} volunteers to help families in {q}.",
    "Residents of {q} described the night of {d} as the worst in {n} years.",
    "{p} {v} that rebuilding {q} could take {n} months.",
    "Officials in {q} counted {n} injured people in hospitals on {d}.",
    "The {o} warned that more rain could reach {q} before {d}.",
];

const PEOPLE: &[&[&str]] = &[
    &["Mayor Anna Kowalski", "Mayor Anna Kovalski"],
    &["Governor Luis Peña", "Governor Luis Pena"],
    &[
        "President Volodymyr Zelenskyy",
        "President Volodymyr Zelensky",
    ],
    &["Minister Sarah Okafor"],
    &["Chief Inspector David Moreau"],
    &["Senator Maria Lindqvist", "Senator Maria Lindquist"],
];

const PLACES: &[&[&str]] = &[
    &["Kyiv", "Kiev"],
    &["Odesa", "Odessa"],
    &["Kharkiv", "Kharkov"],
    &["the river valley"],
    &["the northern districts"],
    &["Riverside County"],
    &["the old harbour"],
];

const ORGANISATIONS: &[&str] = &[
    "Red Cross",
    "civil protection agency",
    "national weather service",
    "regional council",
    "health ministry",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const SAYING: &[&str] = &["said", "told reporters", "announced", "confirmed"];

const ATTRIBUTIONS: &[&str] = &[
    " officials said.",
    " according to local media.",
    " a spokesperson confirmed.",
];

/// Words for the sentences only one article has.
const FILLER: &[&str] = &[
    "market",
    "bakery",
    "teacher",
    "bridge",
    "garden",
    "museum",
    "train",
    "village",
    "football",
    "festival",
    "library",
    "winter",
    "harvest",
    "concert",
    "tourists",
    "orchard",
    "factory",
    "painter",
    "ferry",
    "castle",
    "students",
    "neighbours",
    "lantern",
    "meadow",
    "workshop",
    "choir",
    "fishermen",
    "chapel",
    "cyclists",
    "vineyard",
    "theatre",
    "archive",
];

/// Writes the set `spec` describes: articles `a0`, `a1`, … with plain text, one paragraph per sentence.
pub fn articles(spec: &Spec) -> Vec<Source> {
    let facts = story(spec.seed);
    (0..spec.articles)
        .map(|index| article(spec, &facts, index))
        .collect()
}

/// One fact of the story: a template and the values that fill it.
#[derive(Clone, Copy, Debug)]
struct Fact {
    template: usize,
    person: usize,
    place: usize,
    organisation: usize,
    number: u32,
    day: usize,
    saying: usize,
}

/// The story: enough facts that each article can retell most of them and
/// still reach its length; more articles do not need more facts.
fn story(seed: u64) -> Vec<Fact> {
    let mut rng = Lcg::new(seed);
    (0..60)
        .map(|i| Fact {
            template: i % TEMPLATES.len(),
            person: rng.below(PEOPLE.len()),
            place: rng.below(PLACES.len()),
            organisation: rng.below(ORGANISATIONS.len()),
            number: 2 + rng.below(480) as u32,
            day: rng.below(DAYS.len()),
            saying: rng.below(SAYING.len()),
        })
        .collect()
}

/// Article `index`: the story's facts in order, some skipped or swapped,
/// each told with variations, and sentences of its own in between.
fn article(spec: &Spec, facts: &[Fact], index: usize) -> Source {
    let mut rng = Lcg::new(spec.seed ^ (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut text = String::new();
    let mut words = 0;
    let mut at = rng.below(4);
    while words < spec.words {
        let sentence = if rng.below(10) < 3 {
            filler(&mut rng)
        } else {
            let fact = facts[at % facts.len()];
            at += 1 + usize::from(rng.below(6) == 0);
            retell(fact, &mut rng)
        };
        words += sentence.split_whitespace().count();
        text.push_str(&sentence);
        text.push('\n');
    }
    Source {
        id: format!("a{index}"),
        title: None,
        outlet: Some(format!("Outlet {index}")),
        date: None,
        file: None,
        text,
    }
}

/// One fact in this article's words.
fn retell(fact: Fact, rng: &mut Lcg) -> String {
    let mut fact = fact;
    if rng.below(8) == 0 {
        fact.number += 1 + rng.below(20) as u32;
    }
    if rng.below(10) == 0 {
        fact.day = (fact.day + 1) % DAYS.len();
    }
    if rng.below(4) == 0 {
        fact.saying = rng.below(SAYING.len());
    }
    let person = pick(PEOPLE[fact.person], rng);
    let place = pick(PLACES[fact.place], rng);
    let sentence = TEMPLATES[fact.template]
        .replace("{p}", person)
        .replace("{q}", place)
        .replace("{o}", ORGANISATIONS[fact.organisation])
        .replace("{n}", &fact.number.to_string())
        .replace("{d}", DAYS[fact.day])
        .replace("{v}", SAYING[fact.saying]);
    match (rng.below(5), sentence.strip_suffix('.')) {
        (0, Some(stem)) => format!("{stem},{}", ATTRIBUTIONS[rng.below(ATTRIBUTIONS.len())]),
        _ => sentence,
    }
}

/// Mostly the first spelling, sometimes another.
fn pick<'a>(spellings: &[&'a str], rng: &mut Lcg) -> &'a str {
    if spellings.len() > 1 && rng.below(3) == 0 {
        spellings[1 + rng.below(spellings.len() - 1)]
    } else {
        spellings[0]
    }
}

/// A sentence of 8 to 20 words that only this article has.
fn filler(rng: &mut Lcg) -> String {
    let length = 8 + rng.below(13);
    let mut sentence = String::from("The");
    for _ in 0..length {
        sentence.push(' ');
        sentence.push_str(FILLER[rng.below(FILLER.len())]);
    }
    sentence.push('.');
    sentence
}

/// Knuth's MMIX linear congruential generator: small, fast and the same on every platform.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Self {
        Lcg(seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1))
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        if bound == 0 {
            0
        } else {
            ((self.0 >> 33) % bound as u64) as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, compare};

    #[test]
    fn the_large_case_is_100_articles_of_at_least_1000_words() {
        let set = articles(&Spec::LARGE);
        assert_eq!(set.len(), 100);
        for article in &set {
            let words = article.word_count();
            assert!((1_000..1_100).contains(&words), "{}: {words}", article.id);
        }
    }

    #[test]
    fn another_seed_writes_another_set() {
        let spec = Spec {
            articles: 2,
            words: 100,
            seed: 1,
        };
        let other = Spec { seed: 2, ..spec };
        assert_ne!(articles(&spec), articles(&other));
    }

    #[test]
    fn articles_share_facts_with_variations() {
        let set = articles(&Spec {
            articles: 4,
            words: 300,
            seed: 11,
        });
        let report = compare(&set, &Config::default());
        let shared = report.groups.iter().filter(|g| g.coverage() >= 3);
        assert!(shared.count() >= 5, "{} groups", report.groups.len());
        assert!(
            report
                .groups
                .iter()
                .any(|g| g.status != crate::Status::Same && g.status != crate::Status::Unique)
        );
    }

    #[test]
    fn no_articles_and_no_words_are_fine() {
        let none = Spec {
            articles: 0,
            words: 0,
            seed: 0,
        };
        assert!(articles(&none).is_empty());
        let empty = articles(&Spec {
            articles: 1,
            ..none
        });
        assert_eq!(empty[0].text, "");
    }
}
