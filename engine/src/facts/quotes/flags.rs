//! The flags of a quote group, each explained: a trimmed quotation (the words left out), a reworded one (what changed), different speakers for the same words.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::{Interner, LEADING, Piece, Word, side};
use crate::facts::{Set, quoted};
use crate::report::{Attribution, Flag, FlagKind, Quote, QuoteGroup, QuoteRelation, Severity};

/// Trimmed, reworded and speaker flags of one quote group.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(super) fn group_flags(
    set: &Set<'_>,
    pieces: &[Piece],
    quotes: &[Quote],
    interner: &Interner,
    group: &QuoteGroup,
) -> Vec<Flag> {
    let Some(reference) = group.members.get(group.reference).and_then(|m| m.quote) else {
        return Vec::new();
    };
    let mut flags = Vec::new();
    for member in &group.members {
        let Some(q) = member.quote else { continue };
        let kind = match member.relation {
            QuoteRelation::Trimmed => FlagKind::QuoteTrimmed,
            QuoteRelation::Reworded => FlagKind::QuoteReworded,
            _ => continue,
        };
        let changes = changes(set, &pieces[reference], &pieces[q], interner);
        let (r, m) = (quotes[reference].at.source, quotes[q].at.source);
        let explanation = match kind {
            FlagKind::QuoteTrimmed => format!(
                "Source {{{r}}} quotes {}; source {{{m}}} leaves out {}.",
                quoted(&quotes[reference].text),
                list(&changes.left_out),
            ),
            _ => format!(
                "Source {{{r}}} quotes {}; source {{{m}}} quotes {}: the same quotation in other words ({}).",
                quoted(&quotes[reference].text),
                quoted(&quotes[q].text),
                changes.pairs.join("; "),
            ),
        };
        let mut f = Flag::new(
            kind,
            Severity::Note,
            vec![side(&quotes[reference]), side(&quotes[q])],
            explanation,
        );
        // Other words inside the same quotation are a conflict when the two
        // sentences are one row (issue #15); across rows they are to check.
        f.severity = match (kind, f.group) {
            (FlagKind::QuoteTrimmed, _) => Severity::Note,
            (_, Some(_)) => Severity::Conflict,
            (_, None) => Severity::Check,
        };
        f.quote_group = Some(group.id);
        flags.push(f);
    }
    flags.extend(speaker_flag(quotes, group));
    flags
}

/// What a member changes: words left out, and "old" → "new" pairs.
struct Changes {
    left_out: Vec<String>,
    pairs: Vec<String>,
}

fn changes(set: &Set<'_>, reference: &Piece, member: &Piece, interner: &Interner) -> Changes {
    let skip = |p: &Piece| {
        usize::from(
            p.words
                .first()
                .is_some_and(|w| LEADING.contains(&interner.text(w.key))),
        )
    };
    let (rs, ms) = (skip(reference), skip(member));
    let (rw, mw) = (&reference.words[rs..], &member.words[ms..]);
    let rkeys: Vec<u32> = rw.iter().map(|w| w.key).collect();
    let mkeys: Vec<u32> = mw.iter().map(|w| w.key).collect();
    let text_of = |piece: &Piece, words: &[Word], range: Range<usize>| -> String {
        let (Some(first), Some(last)) = (
            words.get(range.start),
            range.end.checked_sub(1).and_then(|e| words.get(e)),
        ) else {
            return String::new();
        };
        set.sentences[piece.sentence]
            .slice(&(first.range.start..last.range.end))
            .to_owned()
    };
    let mut out = Changes {
        left_out: Vec::new(),
        pairs: Vec::new(),
    };
    for op in capture_diff_slices(Algorithm::RawMyers, &rkeys, &mkeys) {
        match op {
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let words = text_of(reference, rw, old_index..old_index + old_len);
                out.left_out.push(quoted(&words));
                out.pairs.push(format!("{} left out", quoted(&words)));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                let words = text_of(member, mw, new_index..new_index + new_len);
                out.pairs.push(format!("{} added", quoted(&words)));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let old = text_of(reference, rw, old_index..old_index + old_len);
                let new = text_of(member, mw, new_index..new_index + new_len);
                out.pairs
                    .push(format!("{} for {}", quoted(&new), quoted(&old)));
            }
            DiffOp::Equal { .. } => {}
        }
    }
    out.pairs.truncate(3);
    out
}

/// "“a”", "“a” and “b”", "“a”, “b” and “c”".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A flag when members name different speakers for the same words.
fn speaker_flag(quotes: &[Quote], group: &QuoteGroup) -> Option<Flag> {
    let named: Vec<&Quote> = group
        .members
        .iter()
        .filter_map(|m| m.quote.map(|q| &quotes[q]))
        .filter(|q| q.attribution == Attribution::Named && q.speaker_name.is_some())
        .collect();
    let first = named.first()?;
    let other = named
        .iter()
        .find(|q| q.speaker_name != first.speaker_name)?;
    let explanation = format!(
        "Source {{{}}} attributes {} to {}; source {{{}}} attributes it to {}.",
        first.at.source,
        quoted(&first.text),
        first.speaker.as_deref().unwrap_or("someone"),
        other.at.source,
        other.speaker.as_deref().unwrap_or("someone else"),
    );
    // Measured on ECB+ (issue #15): the "speaker" told apart is most often a
    // title or an affiliation read as a name ("Mass." of "D-Mass.", "Police
    // Lt."), so another speaker is something to check, not a conflict.
    let mut f = Flag::new(
        FlagKind::SpeakerConflict,
        Severity::Check,
        vec![side(first), side(other)],
        explanation,
    );
    f.quote_group = Some(group.id);
    Some(f)
}

#[cfg(test)]
mod tests {
    use crate::facts::quotes::testing::check;

    #[test]
    fn reworded_quotes_and_different_speakers_are_flagged() {
        check(
            &[
                "“We are ready to work together on peace,” Putin said.",
                "“We are ready to work closely together for peace,” Peskov said.",
            ],
            "[0]«We are ready to work together on peace» Putin (Named)\n[1]«We are ready to work closely together for peace» Peskov (Named)\ngroup 0: Reworded[0] Reference[1]\nSource [0] attributes “We are ready to work together on peace” to Putin; source [1] attributes it to Peskov.\nSource [1] quotes “We are ready to work closely together for peace”; source [0] quotes “We are ready to work together on peace”: the same quotation in other words (“closely” left out; “on” for “for”). The sentences say different things around these words: check that they are about the same thing.",
        );
    }
}
