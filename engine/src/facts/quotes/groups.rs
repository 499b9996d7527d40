//! A quote group from matched pieces: the fullest is the reference; each other member is identical, trimmed or reworded, with the word diff's marks.
//!
//! The pieces are diffed on their compared words (contractions as two
//! words), so "I’ll be speaking" and "I will be speaking" are identical and a
//! member with only words left out is trimmed.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::Piece;
use crate::diff::{self, RawMark, Side};
use crate::facts::{Set, sort_by};
use crate::normalize::{Spelling, Token, WordClass};
use crate::report::{Mark, Quote, QuoteGroup, QuoteMember, QuoteRelation, Span};

/// A quote group from matched pieces: the fullest is the reference, the others compared with it.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(super) fn build_group(
    set: &Set<'_>,
    pieces: &[Piece],
    quotes: &[Quote],
    members: &[usize],
    id: usize,
) -> QuoteGroup {
    let reference = members
        .iter()
        .enumerate()
        .max_by_key(|&(i, &p)| (pieces[p].keys().len(), std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i);
    let tokens: Vec<Vec<Token>> = members.iter().map(|&p| tokens_of(&pieces[p])).collect();
    let side = |i: usize| {
        let p = &pieces[members[i]];
        Side {
            text: set.sentences[p.sentence].text,
            sentence: &p.range,
            tokens: &tokens[i],
        }
    };
    let reference_side = side(reference);
    let mut diffs = Vec::new();
    let mut out: Vec<QuoteMember> = Vec::new();
    for (i, &p) in members.iter().enumerate() {
        if i == reference {
            continue;
        }
        let d = diff::diff(reference_side, side(i));
        out.push(QuoteMember {
            quote: Some(p),
            at: quotes[p].at,
            relation: relation(pieces[members[reference]].keys(), pieces[p].keys()),
            marks: marks(&d.marks),
        });
        diffs.push(d);
    }
    let reference_piece = members[reference];
    out.push(QuoteMember {
        quote: Some(reference_piece),
        at: quotes[reference_piece].at,
        relation: QuoteRelation::Reference,
        marks: marks(&diff::reference_marks(reference_side, &diffs)),
    });
    sort_by(&mut out, |m| {
        [m.at.source.index() as u64, m.at.start as u64, 0, 0]
    });
    QuoteGroup {
        id,
        speaker: common_speaker(members.iter().map(|&p| &quotes[p])),
        reference: out
            .iter()
            .position(|m| m.relation == QuoteRelation::Reference)
            .unwrap_or(0),
        members: out,
    }
}

/// The speaker most members name.
fn common_speaker<'a>(quotes: impl Iterator<Item = &'a Quote>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for speaker in quotes.filter_map(|q| q.speaker.as_deref()) {
        match counts.iter_mut().find(|(s, _)| *s == speaker) {
            Some((_, n)) => *n += 1,
            None => counts.push((speaker, 1)),
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (s, _))| (*s).to_owned())
}

/// Synthetic tokens for the diff: one per compared word, keyed by the quote interner.
fn tokens_of(piece: &Piece) -> Vec<Token> {
    piece
        .words
        .iter()
        .map(|w| Token {
            range: w.range.clone(),
            key: w.key,
            class: WordClass::Content,
            quoted: true,
            spelling: Spelling::Plain,
        })
        .collect()
}

fn marks(raw: &[RawMark]) -> Vec<Mark> {
    raw.iter()
        .map(|m| Mark {
            start: m.range.start,
            end: m.range.end,
            kind: m.kind,
            variant_of: None,
            against: m.against.as_ref().map(|r| Span {
                start: r.start,
                end: r.end,
            }),
        })
        .collect()
}

/// How a member's words compare with the reference's.
fn relation(reference: &[u32], member: &[u32]) -> QuoteRelation {
    if reference == member {
        return QuoteRelation::Identical;
    }
    let only_left_out = capture_diff_slices(Algorithm::RawMyers, reference, member)
        .iter()
        .all(|op| matches!(op, DiffOp::Equal { .. } | DiffOp::Delete { .. }));
    if only_left_out {
        QuoteRelation::Trimmed
    } else {
        QuoteRelation::Reworded
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::quotes::testing::check;

    #[test]
    fn identical_quotes_with_contractions_group_and_trimmed_ones_are_flagged() {
        check(
            &[
                "“I’ll be speaking to President Putin on Tuesday,” Trump stated. “The president is determined to get one done,” Leavitt said.",
                "“I will be speaking to President Putin on Tuesday,” Mr. Trump said. “And the president, as you know, is determined to get one done,” Leavitt said.",
            ],
            "[0]«I’ll be speaking to President Putin on Tuesday» Trump (Named)\n[0]«The president is determined to get one done» Leavitt (Named)\n[1]«I will be speaking to President Putin on Tuesday» Trump (Named)\n[1]«And the president, as you know, is determined to get one done» Leavitt (Named)\ngroup 0: Reference[0] Identical[1]\ngroup 1: Trimmed[0] Reference[1]\nSource [1] quotes “And the president, as you know, is determined to get one done”; source [0] leaves out “as you know”.",
        );
    }
}
