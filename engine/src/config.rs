//! Settings for one comparison: alignment thresholds, spelling variants and work limits.
//!
//! `Config::default()` is the shipped setting; the figures in
//! `docs/alignment-quality.md` were measured with it. Every option is a plain
//! field or an enum, so the app can keep a `Config` in its state and the CLI
//! can print it.

use serde::{Deserialize, Serialize};

use crate::report::{Correction, SourceId};

/// Everything [`crate::compare`] can be told.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// How two sentences are scored for alignment and how high the score must be.
    pub align: AlignConfig,
    /// Whether boilerplate (promotions, captions, copyright lines…) is recognised.
    pub boilerplate: BoilerplateMode,
    /// How content words are reduced to a comparison key.
    pub stemming: Stemming,
    /// Extra spelling variants, each a set of spellings that compare as equal
    /// (for example `["Kyiv", "Kiev"]`). The first spelling of a set names it.
    /// They are added to the built-in table in [`crate::variants`].
    pub variants: Vec<Vec<String>>,
    /// Bounds on the work done, so any input finishes in bounded time.
    pub limits: Limits,
    /// Which sentence of a group the others are compared with.
    pub reference: ReferenceChoice,
    /// How numbers, dates, names and quotations are extracted and compared.
    pub facts: FactsConfig,
    /// A person's corrections to the pairing, in the order they were made:
    /// data rather than an option, carried here so every caller of
    /// [`crate::compare`] passes them the same way. Applied before the word
    /// diff (the correct stage); at most [`Limits::max_corrections`].
    pub corrections: Vec<Correction>,
}

/// Settings of the facts stage ([`crate::facts`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FactsConfig {
    /// Whether the facts stage runs.
    pub mode: FactsMode,
    /// Which numbers are compared: inside groups only, or also across the set
    /// when they follow the same word and measure the same unit.
    pub scope: FactScope,
    /// How far a hedge reaches, as a fraction of the number: "nearly 90" is
    /// [90 × (1 − margin), 90), "about 90" is 90 ± 90 × margin.
    pub hedge_margin: f64,
    /// The shortest run of identical words (outside quotations) reported as shared wording.
    pub min_shared_words: usize,
    /// Whether the same action done by different people is flagged.
    pub actors: ActorCheck,
    /// A content key found in more quotations or sentences than this does not
    /// generate candidates for quote matching and paraphrases (the default,
    /// 128, is above the 100-article limit, so one quotation in every article
    /// is still matched).
    pub max_postings: usize,
}

/// Whether the facts stage runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactsMode {
    /// Extract facts and flag differences.
    Extract,
    /// Leave `report.facts` empty.
    Off,
}

/// Which numbers are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactScope {
    /// Only numbers in sentences of one group.
    Groups,
    /// Also numbers anywhere in the set that follow the same content word and
    /// measure the same thing, one per source (flagged `check`).
    GroupsAndAnchors,
}

/// Whether actor conflicts are looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorCheck {
    /// Compare the people who do an action from the short list.
    People,
    /// Do not look for actor conflicts.
    Off,
}

impl Default for FactsConfig {
    fn default() -> Self {
        FactsConfig {
            mode: FactsMode::Extract,
            scope: FactScope::GroupsAndAnchors,
            hedge_margin: 0.1,
            min_shared_words: 12,
            actors: ActorCheck::People,
            max_postings: 128,
        }
    }
}

/// Which member of a group is its reference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceChoice {
    /// The member that best represents the group (the alignment's choice).
    #[default]
    Auto,
    /// This source's sentence (an index into the compared sources) whenever it reports the group.
    Source(SourceId),
}

/// Alignment settings: what counts as the same information, and what as possibly related.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignConfig {
    /// Two sentences can share a group (the *same information* tier) only
    /// when their pair probability ([`PairModel`]) reaches this.
    pub same_threshold: f32,
    /// A pair below `same_threshold` but at least this may bring a sentence
    /// that is in no group yet into the other's group (never start a group):
    /// a group's other members back the weaker link up.
    pub join_threshold: f32,
    /// Two groups merge, and a sentence moves into a group, only when the mean
    /// probability over the pairs across them reaches this, so one strong
    /// link cannot chain a sentence into a group whose other members report
    /// something else.
    pub cohesion_threshold: f32,
    /// Pairs from this probability up whose sentences are in different groups
    /// are listed as *possibly related*: suggestions to check, never counted
    /// as agreement, and a source with such a sentence is not said to leave
    /// the information out.
    pub related_threshold: f32,
    /// Two sentences must share at least this many content keys to be scored
    /// (identical sentences are grouped whatever their length).
    pub min_shared_keys: usize,
    /// A sentence moves from one group to another when that raises the sum,
    /// over the pairs inside groups, of their cosine minus this: the group it
    /// matches as a whole wins.
    pub link_threshold: f32,
    /// Weight factor for names (capitalised words inside a sentence, acronyms).
    pub name_weight: f32,
    /// Weight factor for numbers and dates.
    pub number_weight: f32,
    /// A multi-word name ("Russian President Vladimir Putin", "White House
    /// special envoy Steve Witkoff") is one mention: its last word carries the
    /// weight of the name's rarest word, and every other word this factor of
    /// its own weight. So a shared title counts little more than the name
    /// itself, and a long title does not outweigh what a sentence says.
    pub name_prefix_weight: f32,
    /// Words that only say who said something (a speaker's name next to a
    /// speech verb, the verb: "Peskov confirmed") weigh this factor of their
    /// weight: two statements by one speaker share the speaker, two reports
    /// of one statement share what was said.
    pub attribution_weight: f32,
    /// How many sentences' worth of the background table (how common a word
    /// is in news in general) smooth the set's own word counts; 0 leaves the
    /// set's counts alone.
    pub background_weight: f32,
    /// The pair score's weights.
    pub model: PairModel,
    /// Whether a source may bring two adjacent sentences into one group when
    /// another source says their content in one sentence.
    pub splits: SplitMode,
    /// A sentence joins its neighbour's group only when at least this share of
    /// its weight is found in a sentence of another source in the group.
    pub split_containment: f32,
}

/// The weights of the pair score, a logistic model over what two sentences
/// share (`engine/src/align/pair.rs`; fitted by `engine/examples/fit.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PairModel {
    /// The constant term.
    pub bias: f32,
    /// The weight of the weighted cosine of the two key vectors.
    pub cosine: f32,
    /// The weight of the share of the shorter sentence's weight found in the other.
    pub containment: f32,
    /// The weight of ln(1 + evidence), the two vectors' dot product in units of one rare word.
    pub evidence: f32,
}

/// Whether split sentences join a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SplitMode {
    /// A source may bring two adjacent sentences into a group.
    Join,
    /// One sentence per source and group.
    Off,
}

/// Whether the clean stage runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateMode {
    /// Recognise promotions, captions, copyright lines and the like.
    Detect,
    /// Treat every sentence as article content.
    Keep,
}

/// How words are stemmed for their comparison key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stemming {
    /// The Snowball English stemmer ("talks" and "talk" compare equal).
    English,
    /// Keys are the case-folded words themselves.
    Off,
}

/// The most sources one comparison takes: the one limit every front end
/// enforces (the page's and the importer's `MAX_ARTICLES` is this), and
/// [`Limits::max_sources`]' default.
pub const MAX_SOURCES: usize = 100;

/// Bounds on the work done. Past them the engine falls back to coarser work
/// and says so in [`crate::Report::notices`]; it never fails.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// A sentence longer than this many words is cut at word boundaries.
    pub max_sentence_words: usize,
    /// A sentence longer than this many bytes is cut (at a space when possible).
    pub max_sentence_bytes: usize,
    /// Words of one source that are compared; later sentences are listed but
    /// not compared (each becomes a unique group).
    pub max_source_words: usize,
    /// Words of the whole set that are compared.
    pub max_total_words: usize,
    /// A content key found in more sentences than this does not generate candidates.
    pub max_postings: usize,
    /// Candidate partners kept per sentence (among the later sentences of
    /// other sources), best first. Every pair the tiers use is a candidate,
    /// so this also bounds the *possibly related* pairs: too few, and in a
    /// set of many articles a source is said to leave out what it may carry
    /// (docs/alignment-quality.md: on ECB+, 12 found 42% of the strict pairs,
    /// 24 finds 49%, at the same precision).
    pub max_candidates: usize,
    /// Corrections applied; later ones are reported as not applied.
    pub max_corrections: usize,
    /// Sources compared; later ones are listed but not compared, with a notice
    /// ([`MAX_SOURCES`]).
    pub max_sources: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            align: AlignConfig::default(),
            boilerplate: BoilerplateMode::Detect,
            stemming: Stemming::English,
            variants: Vec::new(),
            limits: Limits::default(),
            reference: ReferenceChoice::Auto,
            facts: FactsConfig::default(),
            corrections: Vec::new(),
        }
    }
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            same_threshold: 0.445,
            join_threshold: 0.35,
            cohesion_threshold: 0.3,
            related_threshold: 0.1,
            min_shared_keys: 2,
            link_threshold: 0.12,
            name_weight: 1.0,
            number_weight: 1.0,
            name_prefix_weight: 0.4,
            attribution_weight: 0.5,
            background_weight: 10.0,
            model: PairModel::default(),
            splits: SplitMode::Join,
            split_containment: 0.5,
        }
    }
}

impl Default for PairModel {
    fn default() -> Self {
        PairModel {
            bias: -3.514,
            cosine: 2.666,
            containment: 1.38,
            evidence: 2.091,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_sentence_words: 150,
            max_sentence_bytes: 2_000,
            max_source_words: 20_000,
            max_total_words: 200_000,
            max_postings: 400,
            max_candidates: 24,
            max_corrections: 2_000,
            max_sources: MAX_SOURCES,
        }
    }
}
