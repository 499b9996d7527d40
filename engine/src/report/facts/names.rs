//! The report's names: one entry per person, organisation or place named in the set, with every written form, title and mention.

use serde::{Deserialize, Serialize};

use crate::report::ids::SourceId;

use super::At;

/// A person, organisation or place named in the set, with every way it is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameEntry {
    /// Its index in `facts.names`.
    pub id: usize,
    /// The name to show: the most used full form ("Donald Trump"; a formal
    /// first name over a short form: "Michael Waltz").
    pub name: String,
    /// Person, organisation, place or other.
    pub kind: NameKind,
    /// The identity key: for a person the surname's comparison key, otherwise the whole name's.
    pub key: String,
    /// Each written form of the name (without titles), with the sources using it, in order of first use.
    pub forms: Vec<NameForm>,
    /// Titles written with the name ("Kremlin spokesman"), with their sources; honorifics (Mr., Ms.) left out.
    #[serde(default)]
    pub titles: Vec<NameForm>,
    /// Every mention, title included, in source and text order.
    pub mentions: Vec<At>,
}

/// One written form of a name or title and the sources that use it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameForm {
    /// The form as first written.
    pub text: String,
    /// Sources that use it, ascending.
    pub sources: Vec<SourceId>,
}

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameKind {
    /// A person.
    Person,
    /// An organisation, institution, outlet or office.
    Organisation,
    /// A country, region, city or other place.
    Place,
    /// Anything else capitalised as a name ("Air Force One", "World War II").
    Other,
}

names!(NameKind {
    Person => "person",
    Organisation => "organisation",
    Place => "place",
    Other => "other",
});
