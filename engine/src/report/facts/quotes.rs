//! The report's quotations: quoted words per sentence with their speaker, and quote groups, one quotation as several sources give it.

use serde::{Deserialize, Serialize};

use super::At;
use crate::report::{Mark, Span};

/// Quoted words inside one sentence: one piece of a quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Where the quoted words are, quotation marks left out.
    #[serde(flatten)]
    pub at: At,
    /// The quoted words.
    pub text: String,
    /// Pieces with the same source and `quotation` number are one quotation
    /// that runs over several sentences (numbered from 0 in each source).
    pub quotation: usize,
    /// The canonical name of who is quoted, when the text says so.
    #[serde(default)]
    pub speaker: Option<String>,
    /// The speaker's entry in `facts.names`.
    #[serde(default)]
    pub speaker_name: Option<usize>,
    /// Where the text names the speaker (possibly in another sentence): a name or a pronoun.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// The quote group this piece belongs to, if another source has it too.
    #[serde(default)]
    pub quote_group: Option<usize>,
}

/// How a quote's speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// The sentence names the speaker ("…,” Leavitt said", "said Peskov", "Trump stated").
    Named,
    /// The sentence says "he" or "she"; the speaker is the person the previous sentences talk about.
    Pronoun,
    /// The quotation continues one attributed earlier in the paragraph.
    Continued,
    /// No speaker found.
    None,
}

names!(Attribution {
    Named => "named",
    Pronoun => "pronoun",
    Continued => "continued",
    None => "none",
});

impl Attribution {
    /// What the engine's text report adds after a quote whose speaker was
    /// found indirectly ("he/she", "continued"); nothing when the sentence
    /// names the speaker or no speaker was found.
    pub const fn words(self) -> Option<&'static str> {
        match self {
            Attribution::Pronoun => Some("he/she"),
            Attribution::Continued => Some("continued"),
            Attribution::Named | Attribution::None => None,
        }
    }
}

/// One quotation as given by several sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// Its index in `facts.quote_groups`.
    pub id: usize,
    /// The speaker most members name, if any.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Index into `members` of the fullest version, which the others are compared with.
    pub reference: usize,
    /// One member per source, in source order.
    pub members: Vec<QuoteMember>,
}

/// One source's version of a quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteMember {
    /// The quote piece (index into `facts.quotes`); `None` for a paraphrase.
    #[serde(default)]
    pub quote: Option<usize>,
    /// The quoted words, or for a paraphrase the sentence that paraphrases them.
    #[serde(flatten)]
    pub at: At,
    /// How it compares with the reference.
    pub relation: QuoteRelation,
    /// Word marks over `start..end` against the reference, like a group
    /// member's marks (`against` points into the reference's source text).
    /// Empty for a paraphrase.
    #[serde(default)]
    pub marks: Vec<Mark>,
}

/// How a version of a quotation compares with the fullest version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteRelation {
    /// The fullest version itself.
    Reference,
    /// The same words (case, punctuation, contractions and spelling variants aside).
    Identical,
    /// The same words with some left out.
    Trimmed,
    /// Other words in places.
    Reworded,
    /// Given without quotation marks.
    Paraphrased,
}

names!(QuoteRelation {
    Reference => "reference",
    Identical => "identical",
    Trimmed => "trimmed",
    Reworded => "reworded",
    Paraphrased => "paraphrased",
});
