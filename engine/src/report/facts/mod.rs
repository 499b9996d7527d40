//! The facts section of the report: numbers, dates, names and quotations found per sentence, and the flags that compare them.
//!
//! `docs/report-format.md` documents every field; `docs/facts.md` explains
//! the rules for teachers. Every extracted item says where it is with an
//! [`At`]: source, sentence, the sentence's group and a byte range into the
//! source's original text. One file per kind of item, as in the facts stage:
//! `flags`, `quantities`, `dates`, `names`, `quotes`, `wording`.

use serde::{Deserialize, Serialize};

use crate::report::ids::{GroupId, SentenceId, SourceId};

use crate::order::sort_by;

mod dates;
mod flags;
mod names;
mod quantities;
mod quotes;
mod wording;

pub use dates::{When, WhenKind};
pub use flags::{Flag, FlagKind, FlagSide, Severity, fill};
pub use names::{NameEntry, NameForm, NameKind};
pub use quantities::{Hedge, Quantity, QuantityKind};
pub use quotes::{Attribution, Quote, QuoteGroup, QuoteMember, QuoteRelation};
pub use wording::{SharedRun, SharedWording};

/// What the facts stage found and how the sources compare on it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    /// Every conflict, difference and note, strongest first (conflicts, then
    /// checks, then notes), each explaining itself with both sources' words.
    pub flags: Vec<Flag>,
    /// Quoted words, one piece per sentence a quotation touches, in source and text order.
    pub quotes: Vec<Quote>,
    /// The same quotation as given by two or more sources (or quoted by one and paraphrased by another).
    pub quote_groups: Vec<QuoteGroup>,
    /// Numbers with their units, hedges and counted nouns, in source and text order.
    pub quantities: Vec<Quantity>,
    /// Weekdays, dates, months, years, times and relative dates, in source and text order.
    pub dates: Vec<When>,
    /// People, organisations and places, one entry per named thing across the set.
    pub names: Vec<NameEntry>,
    /// Long runs of identical wording outside quotations, per pair of sources.
    pub shared_wording: Vec<SharedWording>,
}

/// Where an item is: a byte range of one sentence of one source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct At {
    /// Index of the source in `report.sources`.
    pub source: SourceId,
    /// Index of the sentence in that source's `sentences` (the first one when the item spans several).
    pub sentence: SentenceId,
    /// The group of that sentence, when it has one.
    #[serde(default)]
    pub group: Option<GroupId>,
    /// Byte offset of the first byte in the source text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

impl Facts {
    /// The flags to show on a group's row: those whose `group` it is and
    /// those with a side in one of its sentences, strongest first.
    ///
    /// ```
    /// # use crosscheck_engine::{compare, seeds, Config, report::GroupId};
    /// let report = compare(&seeds::bundled(), &Config::default());
    /// let on_row_0: Vec<_> = report.facts.flags_for_group(GroupId::new(0)).collect();
    /// assert!(on_row_0.iter().any(|f| f.explain(|n| n.to_string()).contains("“Wednesday”")));
    /// ```
    pub fn flags_for_group(&self, group: GroupId) -> impl Iterator<Item = &Flag> {
        self.flags.iter().filter(move |f| {
            f.group == Some(group) || f.sides.iter().any(|s| s.at.group == Some(group))
        })
    }

    /// The kinds of the flags on a group's row ([`Facts::flags_for_group`]),
    /// each once, strongest first (the flags' own order).
    pub fn flag_kinds_for_group(&self, group: GroupId) -> Vec<FlagKind> {
        let mut kinds: Vec<FlagKind> = Vec::new();
        for flag in self.flags_for_group(group) {
            if !kinds.contains(&flag.kind) {
                kinds.push(flag.kind);
            }
        }
        kinds
    }

    /// The quotes by speaker: speakers with most quotes first (ties in order
    /// of first quote), unattributed quotes last under `None`; each speaker's
    /// quotes in source and text order.
    pub fn quotes_by_speaker(&self) -> Vec<(Option<&str>, Vec<&Quote>)> {
        let mut speakers: Vec<(Option<&str>, Vec<&Quote>)> = Vec::new();
        for quote in &self.quotes {
            let speaker = quote.speaker.as_deref();
            match speakers.iter_mut().find(|(s, _)| *s == speaker) {
                Some((_, list)) => list.push(quote),
                None => speakers.push((speaker, vec![quote])),
            }
        }
        let mut order: Vec<usize> = (0..speakers.len()).collect();
        sort_by(&mut order, |&i| {
            let (speaker, quotes) = &speakers[i];
            [
                u64::from(speaker.is_none()),
                u64::MAX - quotes.len() as u64,
                i as u64,
                0,
            ]
        });
        let mut slots: Vec<Option<(Option<&str>, Vec<&Quote>)>> =
            speakers.into_iter().map(Some).collect();
        order.into_iter().filter_map(|i| slots[i].take()).collect()
    }
}
