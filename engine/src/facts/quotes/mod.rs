//! Quotations: quoted words per sentence with their speaker, grouped across sources as identical, trimmed, reworded or paraphrased.
//!
//! Straight and curly double quotes are read per paragraph, so a quotation
//! may run over several sentences (one [`Quote`] piece per sentence, sharing a
//! `quotation` number) and on into the next paragraph when that one opens
//! with a quotation mark. Single quotes are not read: they double as apostrophes.
//!
//! `extract` runs one file per step, each passing the types here to the next:
//!
//! 1. `scan.rs`: the quotation marks of each source as pieces and quotations,
//!    with their words as compared (case, contractions and spelling variants aside).
//! 2. `speakers.rs`: who speaks each quotation, from the words around it,
//!    after it first (named, pronoun or continued).
//! 3. `matching.rs`: which pieces of different sources are the same quotation
//!    (the same words, or a common subsequence of at least three words and
//!    60% of the shorter piece).
//! 4. `groups.rs`: each quote group, its fullest version the reference and
//!    every other one identical, trimmed (only words left out) or reworded.
//! 5. `flags.rs`: what a group's members change, explained (trimmed, reworded,
//!    another speaker).
//! 6. `paraphrase.rs`: a sentence of another source without quotation marks
//!    that carries 70% of a quotation's content words (four at least, three
//!    of them plain words: not names, numbers or dates) paraphrases it.

mod flags;
mod groups;
mod matching;
mod paraphrase;
mod scan;
mod speakers;

use std::ops::Range;

use self::flags::group_flags;
use self::groups::build_group;
use self::matching::matches;
use self::paraphrase::{Found, paraphrases};
use self::scan::scan;
use self::speakers::{attribute, continue_speakers};
use super::names::Names;
use super::{KeyMap, Set};
use crate::report::{Attribution, Flag, FlagSide, Quote, QuoteGroup, SourceId, Span};

pub(crate) use self::speakers::SPEECH_VERBS;

/// Conjunctions that join a quotation to the sentence before: not compared.
const LEADING: &[&str] = &["and", "but", "so", "or"];

/// Everything the quotes stage found.
pub(crate) struct Quotes {
    pub quotes: Vec<Quote>,
    pub groups: Vec<QuoteGroup>,
    pub flags: Vec<Flag>,
    /// Per sentence of the set, per token: inside quotation marks.
    pub inside: Vec<Vec<bool>>,
}

/// One word of a quotation as compared: a byte range and a key (a contraction is two words).
#[derive(Clone, Debug)]
struct Word {
    range: Range<usize>,
    key: u32,
}

/// One quote piece.
struct Piece {
    /// Index into the set's sentences.
    sentence: usize,
    source: SourceId,
    range: Range<usize>,
    /// Index into the quotations.
    quotation: usize,
    words: Vec<Word>,
    /// The keys of `words` without a leading "and"/"but" (computed once).
    keys: Vec<u32>,
    /// The normalize stage's keys of its content words, each once, with whether it is a plain content word (not a name, number or date).
    content: Vec<(u32, bool)>,
}

impl Piece {
    /// The compared keys: a leading "and"/"but" left out.
    fn keys(&self) -> &[u32] {
        &self.keys
    }
}

/// A quotation: its pieces and where its marks stand.
struct Quotation {
    /// Its number within the source.
    number: usize,
    pieces: Vec<usize>,
    /// Set sentence and byte offset of the opening mark.
    open: (usize, usize),
    /// Set sentence and byte offset just past the closing mark, if it closes.
    close: Option<(usize, usize)>,
    speaker: Option<Speaker>,
    attribution: Attribution,
}

/// Who a quotation is attributed to and where the text says so.
#[derive(Clone, Debug)]
struct Speaker {
    entry: usize,
    span: Range<usize>,
}

/// Interned comparison keys of quoted words.
#[derive(Default)]
struct Interner {
    ids: KeyMap<String, u32>,
    texts: Vec<String>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.texts.push(text.to_owned());
        self.ids.insert(text.to_owned(), id);
        id
    }

    fn text(&self, id: u32) -> &str {
        self.texts.get(id as usize).map_or("", String::as_str)
    }
}

/// Finds, attributes and groups the quotations of the set.
pub(crate) fn extract(set: &Set<'_>, names: &Names) -> Quotes {
    let mut interner = Interner::default();
    let mut inside: Vec<Vec<bool>> = set
        .sentences
        .iter()
        .map(|s| vec![false; s.tokens.len()])
        .collect();
    let (pieces, mut quotations) = scan(set, &mut interner, &mut inside);
    for q in 0..quotations.len() {
        attribute(set, names, &inside, &mut quotations, q);
    }
    continue_speakers(set, &mut quotations);
    let mut quotes: Vec<Quote> = pieces
        .iter()
        .map(|p| quote(set, names, &quotations[p.quotation], p))
        .collect();
    let mut groups = Vec::new();
    let mut flags = Vec::new();
    for members in matches(set, &pieces) {
        let built = build_group(set, &pieces, &quotes, &members, groups.len());
        for m in &built.members {
            if let Some(q) = m.quote {
                quotes[q].quote_group = Some(built.id);
            }
        }
        flags.extend(group_flags(set, &pieces, &quotes, &interner, &built));
        groups.push(built);
    }
    let found = Found {
        pieces: &pieces,
        inside: &inside,
    };
    paraphrases(set, &found, &mut quotes, &mut groups, &mut flags);
    Quotes {
        quotes,
        groups,
        flags,
        inside,
    }
}

/// The report's quote for a piece.
fn quote(set: &Set<'_>, names: &Names, quotation: &Quotation, p: &Piece) -> Quote {
    let s = &set.sentences[p.sentence];
    let speaker = quotation.speaker.as_ref();
    Quote {
        at: s.at(&p.range),
        text: s.slice(&p.range).to_owned(),
        quotation: quotation.number,
        speaker: speaker.and_then(|sp| names.entries.get(sp.entry).map(|e| e.name.clone())),
        speaker_name: speaker.map(|sp| sp.entry),
        speaker_span: speaker.map(|sp| Span {
            start: sp.span.start,
            end: sp.span.end,
        }),
        attribution: quotation.attribution,
        quote_group: None,
    }
}

/// A flag's side showing a quote piece (the flags of a group and of a paraphrase).
fn side(quote: &Quote) -> FlagSide {
    FlagSide {
        at: quote.at,
        text: quote.text.clone(),
    }
}

#[cfg(test)]
mod testing {
    //! The quote tests' one `check`: texts in, every quote, quote group and quote flag out as lines.

    use crate::facts::testing::{explained, report};
    use crate::report::Attribution;

    /// Every quote of `texts` as `[source]«words» speaker (attribution)` (pieces
    /// of one quotation joined by `+`), then each quote group as
    /// `relation[source]…`, then each quote flag's explanation, one per line.
    pub(super) fn check(texts: &[&str], expect: &str) {
        let report = report(texts);
        let quotes = &report.facts.quotes;
        let mut lines: Vec<String> = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let joined = i > 0
                    && quotes[i - 1].quotation == q.quotation
                    && quotes[i - 1].at.source == q.at.source;
                let who = match q.attribution {
                    Attribution::None => "nobody".to_owned(),
                    a => format!("{} ({a:?})", q.speaker.as_deref().unwrap_or("?")),
                };
                let plus = if joined { "+ " } else { "" };
                format!("{plus}[{}]«{}» {who}", q.at.source, q.text)
            })
            .collect();
        lines.extend(report.facts.quote_groups.iter().map(|g| {
            let members: Vec<String> = g
                .members
                .iter()
                .map(|m| format!("{:?}[{}]", m.relation, m.at.source))
                .collect();
            format!("group {}: {}", g.id, members.join(" "))
        }));
        lines.extend(
            report
                .facts
                .flags
                .iter()
                .filter(|f| f.quote_group.is_some())
                .map(explained),
        );
        assert_eq!(lines.join("\n"), expect);
    }
}
