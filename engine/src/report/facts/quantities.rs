//! The report's quantities: numbers with their hedges, units and counted nouns, and the range of values the words allow.

use serde::{Deserialize, Serialize};

use super::At;

/// A quantity: a number with what it counts or measures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it is: from the hedge to the unit or counted noun.
    #[serde(flatten)]
    pub at: At,
    /// The words as written ("nearly 90 minutes").
    pub text: String,
    /// Amount or ordinal.
    pub kind: QuantityKind,
    /// The number, in `unit` when there is one (90 for "an hour and a half": minutes).
    pub value: f64,
    /// The unit the value is in after conversion: `minute`, `day`, `month`,
    /// `year`, `percent`, `square-km`, `km`, `kg`, `usd`, `eur`, `gbp`, `rub`.
    #[serde(default)]
    pub unit: Option<String>,
    /// For a count without a unit: the comparison key of the counted noun ("region").
    #[serde(default)]
    pub noun: Option<String>,
    /// The hedge before the number, if any.
    #[serde(default)]
    pub hedge: Option<Hedge>,
    /// Lowest value the words allow (see `docs/facts.md`).
    pub low: f64,
    /// Highest value the words allow; `None` for "more than" and "at least".
    #[serde(default)]
    pub high: Option<f64>,
}

/// Amount or ordinal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    /// How many or how much.
    Amount,
    /// A position: "second", "10th".
    Ordinal,
}

names!(QuantityKind {
    Amount => "amount",
    Ordinal => "ordinal",
});

/// The word that makes a number approximate or a bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// "nearly", "almost", "just under", "close to": a little less than the number.
    Nearly,
    /// "about", "around", "roughly", "approximately", "some", "an estimated".
    About,
    /// "more than", "over", "above", "in excess of": strictly more.
    MoreThan,
    /// "at least": the number or more.
    AtLeast,
    /// "less than", "under", "below", "fewer than": strictly less.
    LessThan,
    /// "up to", "at most", "as many as", "no more than": the number or less.
    UpTo,
    /// "hundreds of", "dozens of": many times the unit word.
    Many,
}

names!(Hedge {
    Nearly => "nearly",
    About => "about",
    MoreThan => "more-than",
    AtLeast => "at-least",
    LessThan => "less-than",
    UpTo => "up-to",
    Many => "many",
});
