//! Paraphrases: a sentence of another source that carries a quotation's words without quotation marks joins its group, with a note.
//!
//! A sentence paraphrases a quotation when it carries 70% of the quotation's
//! content words outside quotation marks, four at least and three of them
//! plain words (not names, numbers or dates): sharing a few names and a
//! weekday is no paraphrase. Per source, the sentence sharing most counts.

use super::{Piece, side};
use crate::facts::{KeyMap, Set, quoted, runs_by, sort_by};
use crate::normalize::WordClass;
use crate::report::{
    At, Flag, FlagKind, FlagSide, Mark, Quote, QuoteGroup, QuoteMember, QuoteRelation, Severity,
    SourceId,
};

/// The pieces and quoted tokens, for the paraphrase search.
pub(super) struct Found<'a> {
    pub(super) pieces: &'a [Piece],
    pub(super) inside: &'a [Vec<bool>],
}

/// Adds a paraphrase member (and flag) for each source that carries a quotation's words without quotation marks.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(super) fn paraphrases(
    set: &Set<'_>,
    found: &Found<'_>,
    quotes: &mut [Quote],
    groups: &mut Vec<QuoteGroup>,
    flags: &mut Vec<Flag>,
) {
    let index = unquoted_index(set, found.inside);
    for (p, piece) in found.pieces.iter().enumerate() {
        let group = quotes[p].quote_group;
        let is_reference = match group {
            Some(g) => {
                groups[g]
                    .members
                    .get(groups[g].reference)
                    .and_then(|m| m.quote)
                    == Some(p)
            }
            None => true,
        };
        if !is_reference || piece.content.len() < 4 {
            continue;
        }
        let taken: Vec<SourceId> = match group {
            Some(g) => groups[g].members.iter().map(|m| m.at.source).collect(),
            None => vec![piece.source],
        };
        let found_here = best_paraphrases(set, &index, found.inside, piece, &taken);
        if found_here.is_empty() {
            continue;
        }
        let g = match group {
            Some(g) => g,
            None => {
                let id = groups.len();
                let at = quotes[p].at;
                groups.push(QuoteGroup {
                    id,
                    speaker: quotes[p].speaker.clone(),
                    reference: 0,
                    members: vec![QuoteMember {
                        quote: Some(p),
                        at,
                        relation: QuoteRelation::Reference,
                        marks: vec![Mark {
                            start: at.start,
                            end: at.end,
                            kind: crate::MarkKind::Shared,
                            variant_of: None,
                            against: None,
                        }],
                    }],
                });
                quotes[p].quote_group = Some(id);
                id
            }
        };
        for at in found_here {
            let s = set
                .sentences
                .iter()
                .find(|s| s.source == at.source && s.index == at.sentence);
            let text = s.map_or(String::new(), |s| s.slice(&(at.start..at.end)).to_owned());
            let explanation = format!(
                "Source {{{}}} quotes {}; source {{{}}} gives it without quotation marks: {}.",
                piece.source,
                quoted(&quotes[p].text),
                at.source,
                quoted(&text),
            );
            let mut f = Flag::new(
                FlagKind::QuoteParaphrased,
                Severity::Note,
                vec![side(&quotes[p]), FlagSide { at, text }],
                explanation,
            );
            f.quote_group = Some(g);
            flags.push(f);
            groups[g].members.push(QuoteMember {
                quote: None,
                at,
                relation: QuoteRelation::Paraphrased,
                marks: Vec::new(),
            });
        }
        let reference = groups[g].members[groups[g].reference].at;
        sort_by(&mut groups[g].members, |m| {
            [m.at.source.index() as u64, m.at.start as u64, 0, 0]
        });
        groups[g].reference = groups[g]
            .members
            .iter()
            .position(|m| m.at == reference && m.relation == QuoteRelation::Reference)
            .unwrap_or(0);
    }
}

/// Content keys outside quotation marks → the sentences (set indices) that hold them.
fn unquoted_index(set: &Set<'_>, inside: &[Vec<bool>]) -> KeyMap<u32, Vec<usize>> {
    let mut index: KeyMap<u32, Vec<usize>> = KeyMap::default();
    for (s, sentence) in set.sentences.iter().enumerate() {
        for (k, token) in sentence.tokens.iter().enumerate() {
            let quoted = inside
                .get(s)
                .and_then(|f| f.get(k))
                .copied()
                .unwrap_or(false);
            if quoted || matches!(token.class, WordClass::Function | WordClass::Negation) {
                continue;
            }
            let list = index.entry(token.key).or_default();
            if list.last() != Some(&s) {
                list.push(s);
            }
        }
    }
    index
}

/// Per source not in `taken`: the sentence carrying most of the piece's content words, when it carries enough.
fn best_paraphrases(
    set: &Set<'_>,
    index: &KeyMap<u32, Vec<usize>>,
    inside: &[Vec<bool>],
    piece: &Piece,
    taken: &[SourceId],
) -> Vec<At> {
    let max_postings = set.config.facts.max_postings;
    // One entry per (sentence, shared key): [source, sentence, plain, 0].
    let mut hits: Vec<[u64; 4]> = Vec::new();
    for &(key, plain) in &piece.content {
        let Some(list) = index.get(&key).filter(|l| l.len() <= max_postings) else {
            continue;
        };
        for &s in list {
            let source = set.sentences[s].source;
            if !taken.contains(&source) {
                hits.push([source.index() as u64, s as u64, u64::from(plain), 0]);
            }
        }
    }
    let need = piece.content.len();
    let by_sentence = runs_by(&hits, |h| [h[0], h[1], 0, 0]);
    // Per source, the sentence sharing most (the earliest among equals).
    let mut best: Vec<(usize, usize, usize)> = Vec::new();
    for run in &by_sentence {
        let (source, s) = (run[0][0] as usize, run[0][1] as usize);
        let shared = run.len();
        let plain = run.iter().filter(|h| h[2] == 1).count();
        if shared < 4 || plain < 3 || shared * 10 < need * 7 {
            continue;
        }
        match best.iter_mut().find(|(src, _, _)| *src == source) {
            Some(entry) if shared > entry.2 => *entry = (source, s, shared),
            Some(_) => {}
            None => best.push((source, s, shared)),
        }
    }
    let mut out: Vec<At> = best
        .into_iter()
        .map(|(_, s, _)| {
            let sentence = &set.sentences[s];
            let keys: Vec<u32> = piece.content.iter().map(|(k, _)| *k).collect();
            let matched: Vec<usize> = (0..sentence.tokens.len())
                .filter(|&k| {
                    keys.contains(&sentence.tokens[k].key)
                        && !inside
                            .get(s)
                            .and_then(|f| f.get(k))
                            .copied()
                            .unwrap_or(false)
                })
                .collect();
            let range = match (matched.first(), matched.last()) {
                (Some(&a), Some(&b)) => sentence.span(a, b),
                _ => sentence.range.clone(),
            };
            sentence.at(&range)
        })
        .collect();
    sort_by(&mut out, |at| {
        [at.source.index() as u64, at.start as u64, 0, 0]
    });
    out
}

#[cfg(test)]
mod tests {
    use crate::facts::quotes::testing::check;

    #[test]
    fn a_quote_given_without_quotation_marks_is_paraphrased() {
        check(
            &[
                "“A lot of diplomatic work has been done over the weekend,” Trump said.",
                "Trump indicated that significant diplomatic work had been done over the weekend.",
            ],
            "[0]«A lot of diplomatic work has been done over the weekend» Trump (Named)\ngroup 0: Reference[0] Paraphrased[1]\nSource [0] quotes “A lot of diplomatic work has been done over the weekend”; source [1] gives it without quotation marks: “diplomatic work had been done over the weekend”.",
        );
    }
}
