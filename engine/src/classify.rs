//! Classify stage: what each changed word is to a reader (a conflicting detail, an added detail, other words), each member's relation and each group's status.
//!
//! Three questions a reader asks of a row, answered in this order
//! (`docs/glossary.md`): do the sources contradict each other ([`Status::Conflict`]:
//! a negation only one side has, or a conflict the facts stage found between
//! the row's sentences: another number for the same quantity, another day or
//! date, another actor or speaker, other words inside the same quotation)?
//! Does one of them add a detail ([`Status::Adds`]: a number, date, name,
//! place or quoted words the others do not give)? Otherwise they give the
//! same information ([`Status::Same`]), whatever the wording: replaced
//! content words, function words, word order, spelling variants and stems
//! are rewording. The diff labels words with [`changed_kind`] as it goes;
//! [`apply_conflicts`] adds the facts stage's conflicts at the end.

use std::ops::Range;

use crate::normalize::{Token, WordClass};
use crate::report::{
    DivergenceKind, Flag, FlagKind, Group, MarkKind, Member, Relation, Severity, SourceId, Status,
};

/// What kinds of words differ among `changed` tokens, sorted, without repeats.
pub fn divergences<'a>(changed: impl IntoIterator<Item = &'a Token>) -> Vec<DivergenceKind> {
    distinct(changed.into_iter().flat_map(token_divergences).collect())
}

/// `kinds` in order, without repeats (sorted through [`crate::order`]).
fn distinct(mut kinds: Vec<DivergenceKind>) -> Vec<DivergenceKind> {
    crate::order::sort_by(&mut kinds, |&kind| [kind as u64, 0, 0, 0]);
    kinds.dedup();
    kinds
}

/// The divergence kinds one changed token stands for.
fn token_divergences(token: &Token) -> impl Iterator<Item = DivergenceKind> {
    let by_class = match token.class {
        WordClass::Function => None,
        WordClass::Content => Some(DivergenceKind::Content),
        WordClass::Name => Some(DivergenceKind::Name),
        WordClass::Number => Some(DivergenceKind::Number),
        WordClass::Date => Some(DivergenceKind::Date),
        WordClass::Negation => Some(DivergenceKind::Negation),
    };
    let quoted = token.quoted.then_some(DivergenceKind::Quote);
    by_class.into_iter().chain(quoted)
}

/// What a changed word is to the reader, given the run of changed words it
/// is in (`run`, itself included) and the words that run replaces
/// (`counterpart`, empty for words only one side has):
///
/// - a negation the other side's words lack, in a run of at most
///   [`NEGATION_RUN`] words: [`MarkKind::Conflict`] ("will accept" and
///   "will not accept" cannot both be right; "whether they are or they're
///   not" negates nothing the other side says);
/// - a detail (a number, a date or day, a name or place, a word other than a
///   function word inside quotation marks): [`MarkKind::Added`], a detail
///   this side gives that the other does not. Two details of one kind facing
///   each other ("Tuesday" for "Wednesday") stay added until the facts stage
///   finds them in conflict ([`apply_conflicts`]): only it knows whether two
///   numbers count the same thing;
/// - anything else: [`MarkKind::Reworded`], the same information in other words.
pub fn changed_kind(token: &Token, run: &[Token], counterpart: &[Token]) -> MarkKind {
    if token.class == WordClass::Negation {
        let negated = |t: &Token| t.class == WordClass::Negation;
        if run.len() <= NEGATION_RUN && !counterpart.iter().any(negated) {
            MarkKind::Conflict
        } else {
            MarkKind::Reworded
        }
    } else if is_detail(token) {
        MarkKind::Added
    } else {
        MarkKind::Reworded
    }
}

/// Most words in a changed run with a negation for it to be a conflict ("not",
/// "did not", "will never").
const NEGATION_RUN: usize = 2;

/// Most other words that may differ around a negation that one side lacks
/// for the negation still to be a conflict: "Russia will (not) accept the
/// proposal, the Kremlin said / Peskov said" conflicts; a "not" somewhere in
/// two sentences that say different things is not a contradiction of either.
const NEGATION_CONTEXT: usize = 2;

/// Whether a negation one side lacks can be a conflict between these two
/// sentences (their texts and tokens, then the changed tokens): whether only one of
/// them is negative at all ("no gun was found" and "the gun was not
/// recovered" are both negative), and at most [`NEGATION_CONTEXT`] other
/// words that are not function words changed (the changed words of both sides).
pub fn negation_can_conflict<'a>(
    reference: (&str, &[Token]),
    member: (&str, &[Token]),
    changed_member: impl Iterator<Item = &'a Token>,
    changed_reference: impl Iterator<Item = &'a Token>,
) -> bool {
    let other = |t: &&Token| !matches!(t.class, WordClass::Function | WordClass::Negation);
    is_negative(reference) != is_negative(member)
        && changed_member
            .chain(changed_reference)
            .filter(other)
            .count()
            <= NEGATION_CONTEXT
}

/// Contractions written without their apostrophe, as copy sometimes has them.
const NEGATIVE_WITHOUT_APOSTROPHE: &[&str] = &[
    "arent", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt",
    "shouldnt", "wasnt", "werent", "wont", "wouldnt",
];

/// Whether a sentence (its source text, its tokens) says "not" in any form:
/// a negation token, or a contraction the tokens may have split ("won't",
/// "can’t", "didn ’ t").
fn is_negative((text, tokens): (&str, &[Token])) -> bool {
    tokens.iter().any(|t| {
        let word = text.get(t.range.clone()).unwrap_or("").to_lowercase();
        t.class == WordClass::Negation
            || word.ends_with("n't")
            || word.ends_with("n’t")
            || NEGATIVE_WITHOUT_APOSTROPHE.contains(&word.as_str())
            || word == "t" && text[..t.range.start].trim_end().ends_with(['\'', '’'])
    })
}

/// Whether a word is a detail a reader can check: a number, a date or day, a
/// name or place, or a quoted word that is not a function word.
fn is_detail(token: &Token) -> bool {
    match token.class {
        WordClass::Number | WordClass::Date | WordClass::Name => true,
        WordClass::Content | WordClass::Negation => token.quoted,
        WordClass::Function => false,
    }
}

/// Settles a group's verdicts from its marks: each non-reference source's
/// relation from the strongest mark of its sentences ([`Relation::Conflict`],
/// [`Relation::Adds`], else [`Relation::Same`]), and the group's status from
/// the strongest mark of all, the reference's included (a conflict anywhere
/// makes it [`Status::Conflict`], else an added detail anywhere
/// [`Status::Adds`]); one source is [`Status::Unique`].
pub fn settle(group: &mut Group) {
    let members = &mut group.members;
    for index in 0..members.len() {
        if members[index].relation == Relation::Reference {
            continue;
        }
        let source = members[index].source;
        let strongest = strongest(members.iter().filter(|m| m.source == source));
        members[index].relation = match strongest {
            Some(MarkKind::Conflict) => Relation::Conflict,
            Some(MarkKind::Added) => Relation::Adds,
            _ => Relation::Same,
        };
    }
    group.status = if group.coverage() < 2 {
        Status::Unique
    } else {
        match strongest(group.members.iter()) {
            Some(MarkKind::Conflict) => Status::Conflict,
            Some(MarkKind::Added) => Status::Adds,
            _ => Status::Same,
        }
    };
}

/// The strongest kind among the marks of `members`.
fn strongest<'a>(members: impl Iterator<Item = &'a Member>) -> Option<MarkKind> {
    members.flat_map(|m| &m.marks).map(|m| m.kind).min()
}

/// What a slot can hold a conflict of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// One day or month by name against another, one name against another,
    /// in sentences that otherwise say nearly the same (as for numbers).
    Detail,
    /// One number against another (not a year, a clock time, the same digits
    /// written apart), or up to two words before one number ("[nearly |
    /// over] 90 minutes"), in sentences that otherwise say nearly the same
    /// ([`crate::diff::SLOT_CONTEXT`]). Measured on ECB+ (issue #15): longer runs, years,
    /// times and numbers in sentences that say different things were mostly
    /// values of different things or text cut apart.
    Number,
    /// One word for another inside a quotation, both more than function
    /// words and neither a short form or spelling of the other.
    QuoteWord,
    /// Anything else: no conflict is shown there.
    Other,
}

/// What a conflict flag the row does not confirm says after its explanation.
pub const UNCONFIRMED: &str = " The sentences say different things around these words: check that they are about the same thing.";

/// One slot of a group: the source, its bytes, what it can hold, and the
/// source on the other side.
pub type GroupSlot = (SourceId, Range<usize>, SlotKind, SourceId);

/// Marks the words of every conflict the facts stage found inside one group
/// as [`MarkKind::Conflict`], then settles each member's relation and each
/// group's status. A word becomes a conflict when it is changed, under a
/// conflict flag's side, and in a *slot* of its group (`slots[group]`: a
/// short run replacing another between unchanged words, "lasted [nearly |
/// over] 90 minutes"): one value against another in the same frame. A
/// conflict flag that marks no word that way is only something to check
/// ([`Severity::Check`]): its values sit in sentences that say different
/// things ("missed four games" / "played in 10 games"), and a reader should
/// not be told they contradict each other. A flag whose sides lie in two
/// groups marks neither: its sentences were not aligned.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub fn apply_conflicts(groups: &mut [Group], flags: &mut [Flag], slots: &[Vec<GroupSlot>]) {
    for flag in flags
        .iter_mut()
        .filter(|f| f.severity == Severity::Conflict)
    {
        let Some(g) = flag.group.filter(|g| g.index() < groups.len()) else {
            flag.severity = Severity::Check;
            continue;
        };
        let (group, slots) = (
            &mut groups[g.index()],
            slots.get(g.index()).map_or(&[][..], Vec::as_slice),
        );
        let mut marked = false;
        for side in &flag.sides {
            let at = &side.at;
            // A quotation's flag needs one word for another inside it; the
            // others a value against a value (`SlotKind`, measured on ECB+:
            // longer runs were mostly the same words in another form, or
            // values of different events).
            let wanted = if flag.kind == FlagKind::QuoteReworded {
                SlotKind::QuoteWord
            } else {
                SlotKind::Detail
            };
            let fits = |kind: SlotKind| {
                kind == wanted || (wanted == SlotKind::Detail && kind == SlotKind::Number)
            };
            // The slot must set this side against another side of the same
            // flag: the reference has slots against every member.
            let partners: Vec<SourceId> = flag
                .sides
                .iter()
                .map(|other| other.at.source)
                .filter(|&other| other != at.source)
                .collect();
            let in_slot = |start: usize, end: usize| {
                slots.iter().any(|(s, r, kind, partner)| {
                    *s == at.source
                        && partners.contains(partner)
                        && fits(*kind)
                        && r.start < end
                        && start < r.end
                })
            };
            for member in group.members.iter_mut().filter(|m| m.source == at.source) {
                for mark in member.marks.iter_mut() {
                    let overlaps = mark.start < at.end && at.start < mark.end;
                    if overlaps && mark.kind != MarkKind::Shared && in_slot(mark.start, mark.end) {
                        mark.kind = MarkKind::Conflict;
                        marked = true;
                    }
                }
            }
        }
        if !marked {
            flag.severity = Severity::Check;
            flag.explanation.push_str(UNCONFIRMED);
        }
    }
    for group in groups.iter_mut() {
        settle(group);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::normalize::Normalizer;

    /// Classifies every word of `changed` as if it had changed.
    fn check(changed: &str, expect: &[DivergenceKind]) {
        let mut normalizer = Normalizer::new(&Config::default());
        let tokens = normalizer.tokens(changed, 0..changed.len());
        assert_eq!(divergences(&tokens), expect);
    }

    use DivergenceKind as D;

    #[test]
    fn function_words_do_not_diverge() {
        check("the has of a", &[]);
    }

    #[test]
    fn information_words_diverge_by_kind() {
        check("Tuesday", &[D::Date]);
        check("about 90", &[D::Number]);
        check("it was not", &[D::Negation]);
        check("met Witkoff", &[D::Name, D::Content]);
        check("repeatedly", &[D::Content]);
    }

    #[test]
    fn function_words_inside_quotes_diverge() {
        check("“as you”", &[D::Quote]);
    }
}
