//! Diff stage: compares each group member with the group's reference, word by word, on normalized keys.
//!
//! The diff (`similar`, Myers) runs on the keys, so "Kiev" equals "Kyiv"
//! and "talks" equals "talk"; its result is mapped back to byte ranges of
//! the original text as [`Mark`](crate::report::Mark)s that cover a sentence from its first to
//! its last byte without gaps or overlaps. The text between two words
//! (spaces, punctuation) takes its neighbours' kind when both agree, and is
//! shared otherwise, so a marked run reads as one phrase:
//!
//! ```text
//! reference: The president is determined to get one done.
//! member:    And the president, as you know, is determined to get one done.
//! marks:     {+And+} the president, {+as you know+}, is determined to get one done.
//! ```

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::classify::{self, SlotKind};
use crate::config::Config;
use crate::fold::fold;
use crate::normalize::{Normalizer, Spelling, Token, WordClass};
use crate::report::{Mark, MarkKind, Span};

/// One mark over the original text, before it is put into the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawMark {
    /// Byte range in the source text.
    pub range: Range<usize>,
    /// Conflict, added, reworded or shared.
    pub kind: MarkKind,
    /// For a word spelled differently from the reference's word with the same key: that word's range in the reference's text.
    pub variant_of: Option<Range<usize>>,
    /// For a member's differing words: the reference's words they replace, as a range in the reference's text.
    pub against: Option<Range<usize>>,
}

/// A member compared with the reference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberDiff {
    /// The member's marks.
    pub marks: Vec<RawMark>,
    /// Member tokens that differ or are only in the member.
    pub changed_member: Vec<usize>,
    /// Reference tokens that are replaced in or missing from the member.
    pub changed_reference: Vec<usize>,
    /// Reference tokens the member replaced.
    pub replaced_reference: Vec<usize>,
    /// The replace ops, as token ranges (reference, member).
    replaced_ops: Vec<(Range<usize>, Range<usize>)>,
    /// Pairs of (reference token, member token) with the same key but another spelling.
    pub variants: Vec<(usize, usize)>,
    /// What each changed reference token is to the reader ([`classify::changed_kind`]).
    pub reference_kinds: Vec<(usize, MarkKind)>,
    /// Slots: short runs (at most [`SLOT_WORDS`] words a side) that replace
    /// each other between unchanged words on both sides ("lasted [nearly |
    /// over] 90 minutes", "on [Wednesday | Tuesday] about"), as byte ranges
    /// (the reference's, the member's). Only there can a conflict the facts
    /// stage found be one value against another for the same detail.
    /// And what a conflict there can be ([`SlotKind`]).
    pub slots: Vec<(Range<usize>, Range<usize>, SlotKind)>,
}

/// A slot: the reference's bytes, the member's, what it can hold.
pub type Slot = (Range<usize>, Range<usize>, SlotKind);

/// Most words a side of a slot has.
pub const SLOT_WORDS: usize = 3;

/// Words that hedge a number ("nearly 90", "more than 90"): a slot of them
/// before one number is a number conflict.
const HEDGES: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "at",
    "least",
    "less",
    "more",
    "most",
    "nearly",
    "over",
    "roughly",
    "some",
    "than",
    "under",
    "up",
    "to",
];

/// Most other words (not function words) that may differ between two
/// sentences for a slot in them to hold a conflict: measured on ECB+ (issue
/// #15), values in sentences that say different things were mostly values of
/// different things ("226 yards" for one player, "101" for another).
pub const SLOT_CONTEXT: usize = 4;

/// How one token is marked, before marks are merged into runs. Small and
/// `Copy` (reference words as token indices, not byte ranges), since there is
/// one per word of every compared sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label {
    kind: MarkKind,
    /// Tokens with the same run id and kind merge into one mark.
    run: u32,
    /// The reference's token this one is a variant spelling of.
    variant_of: Option<u32>,
    /// The reference's tokens `start..end` this one replaces.
    against: Option<(u32, u32)>,
}

impl Label {
    const SHARED: Label = Label::whole(MarkKind::Shared, 0);

    /// A label with no reference words attached.
    const fn whole(kind: MarkKind, run: u32) -> Self {
        Label {
            kind,
            run,
            variant_of: None,
            against: None,
        }
    }
}

/// Texts and tokens of one side of a comparison.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The source's full original text.
    pub text: &'a str,
    /// The sentence's byte range in `text`.
    pub sentence: &'a Range<usize>,
    /// The sentence's tokens.
    pub tokens: &'a [Token],
}

/// Word diffs of two plain sentences, outside a comparison: for tools and
/// benchmarks that want the diff stage alone.
///
/// The words are normalized as [`crate::compare`] does (so "talks" equals
/// "talk" and "Kiev" equals "Kyiv"); the marks' ranges index into `member`.
/// One differ keeps its normalizer, and with it every word it has met, and
/// the last reference's tokens, so reuse it for many pairs (best several
/// members of one reference in a row) rather than making one per pair.
///
/// ```
/// use crosscheck_engine::{Config, MarkKind, diff::WordDiffer};
///
/// let mut differ = WordDiffer::new(&Config::default());
/// let member = "Trump spoke on Tuesday.";
/// let result = differ.diff("Trump spoke on Wednesday.", member);
/// let changed = result.marks.iter().find(|m| m.kind == MarkKind::Added).unwrap();
/// assert_eq!(&member[changed.range.clone()], "Tuesday");
/// ```
pub struct WordDiffer {
    normalizer: Normalizer,
    /// The last reference and its tokens.
    reference: (String, Vec<Token>),
    /// The last member's tokens, kept for their buffer.
    member_tokens: Vec<Token>,
    scratch: Scratch,
}

impl WordDiffer {
    /// A differ with `config`'s stemming and spelling variants.
    pub fn new(config: &Config) -> Self {
        WordDiffer {
            normalizer: Normalizer::new(config),
            reference: (String::new(), Vec::new()),
            member_tokens: Vec::new(),
            scratch: Scratch::default(),
        }
    }

    /// Compares the sentence `member` with the sentence `reference`.
    pub fn diff(&mut self, reference: &str, member: &str) -> MemberDiff {
        let (r_range, m_range) = (0..reference.len(), 0..member.len());
        if self.reference.0 != reference {
            let (text, tokens) = &mut self.reference;
            self.normalizer
                .tokens_into(reference, r_range.clone(), tokens);
            text.clear();
            text.push_str(reference);
        }
        // A member that repeats the reference word for word has its tokens.
        let m_tokens = if member == reference {
            &self.reference.1
        } else {
            self.normalizer
                .tokens_into(member, m_range.clone(), &mut self.member_tokens);
            &self.member_tokens
        };
        diff_with(
            &mut self.scratch,
            Side {
                text: reference,
                sentence: &r_range,
                tokens: &self.reference.1,
            },
            Side {
                text: member,
                sentence: &m_range,
                tokens: m_tokens,
            },
        )
    }
}

/// Buffers one diff needs and the next can reuse.
#[derive(Default)]
struct Scratch {
    /// The reference's and the member's keys.
    keys: (Vec<u32>, Vec<u32>),
    /// One label per member token.
    labels: Vec<Label>,
}

/// Compares `member` with `reference`.
pub fn diff(reference: Side<'_>, member: Side<'_>) -> MemberDiff {
    diff_with(&mut Scratch::default(), reference, member)
}

/// [`diff`] with buffers from `scratch`.
fn diff_with(scratch: &mut Scratch, reference: Side<'_>, member: Side<'_>) -> MemberDiff {
    // The keys as slices, like the quotation stage's diffs: one Myers in the wasm, not two.
    let (old, new) = &mut scratch.keys;
    fill_keys(old, reference.tokens);
    fill_keys(new, member.tokens);
    let labels = &mut scratch.labels;
    labels.clear();
    labels.resize(member.tokens.len(), Label::SHARED);
    let mut result = MemberDiff::default();
    let mut labeller = Labeller {
        reference,
        member,
        labels,
        result: &mut result,
    };
    if old == new {
        // What Myers answers for equal keys, without its allocations.
        if !old.is_empty() {
            labeller.apply(
                1,
                DiffOp::Equal {
                    old_index: 0,
                    new_index: 0,
                    len: old.len(),
                },
            );
        }
    } else {
        for (run, op) in (1..).zip(capture_diff_slices(Algorithm::RawMyers, old, new)) {
            labeller.apply(run, op);
        }
    }
    result.slots = slots(
        reference,
        member,
        &result.replaced_ops,
        labels,
        &result.changed_reference,
    );
    // A value against a value (outside quotations) is one detail only when
    // the two sentences otherwise say nearly the same: at most `SLOT_CONTEXT` other words
    // (not function words) changed on the two sides together.
    let in_slots = |tokens: &[Token], side: fn(&Slot) -> &Range<usize>, i: usize| {
        let at = tokens[i].range.start;
        result.slots.iter().any(|slot| side(slot).contains(&at))
    };
    let other = result
        .changed_member
        .iter()
        .filter(|&&m| {
            member.tokens[m].class != WordClass::Function && !in_slots(member.tokens, |s| &s.1, m)
        })
        .count()
        + result
            .changed_reference
            .iter()
            .filter(|&&r| {
                reference.tokens[r].class != WordClass::Function
                    && !in_slots(reference.tokens, |s| &s.0, r)
            })
            .count();
    // And a number only when no name changed: "Charles rushed for 226
    // yards" and "Hillis rushed for 101 yards" count two people's yards.
    let name_changed = result
        .changed_member
        .iter()
        .map(|&m| &member.tokens[m])
        .chain(
            result
                .changed_reference
                .iter()
                .map(|&r| &reference.tokens[r]),
        )
        .any(|t| t.class == WordClass::Name);
    if name_changed {
        for slot in result.slots.iter_mut().filter(|s| s.2 == SlotKind::Number) {
            slot.2 = SlotKind::Other;
        }
    }
    if other > SLOT_CONTEXT {
        for slot in result
            .slots
            .iter_mut()
            .filter(|s| matches!(s.2, SlotKind::Number | SlotKind::Detail))
        {
            slot.2 = SlotKind::Other;
        }
    }
    forgive_moves(reference, member, labels, &mut result);
    // Only a changed negation is a conflict to check (most diffs have none:
    // the check reads every word of both sentences).
    let negation_conflict = labels.iter().any(|l| l.kind == MarkKind::Conflict)
        || result
            .reference_kinds
            .iter()
            .any(|&(_, kind)| kind == MarkKind::Conflict);
    if negation_conflict
        && !classify::negation_can_conflict(
            (reference.text, reference.tokens),
            (member.text, member.tokens),
            result.changed_member.iter().map(|&m| &member.tokens[m]),
            result
                .changed_reference
                .iter()
                .map(|&r| &reference.tokens[r]),
        )
    {
        for label in labels.iter_mut().filter(|l| l.kind == MarkKind::Conflict) {
            label.kind = MarkKind::Reworded;
        }
        for (_, kind) in result.reference_kinds.iter_mut() {
            if *kind == MarkKind::Conflict {
                *kind = MarkKind::Reworded;
            }
        }
    }
    result.marks = if result.changed_member.is_empty() && result.variants.is_empty() {
        // Every label is shared: `marks` would merge the sentence into one.
        unchanged(member.sentence)
    } else {
        marks(member, labels, reference.tokens)
    };
    result
}

/// The marks of a sentence without a changed word or a variant: one shared
/// mark, none for an empty sentence.
fn unchanged(sentence: &Range<usize>) -> Vec<RawMark> {
    if sentence.is_empty() {
        Vec::new()
    } else {
        whole(sentence, MarkKind::Shared)
    }
}

/// Replaces `keys` with the keys of `tokens`.
fn fill_keys(keys: &mut Vec<u32>, tokens: &[Token]) {
    keys.clear();
    keys.extend(tokens.iter().map(|t| t.key));
}

/// Labels a member's tokens and fills the changed lists from the diff's ops.
struct Labeller<'a, 's> {
    reference: Side<'s>,
    member: Side<'s>,
    labels: &'a mut [Label],
    result: &'a mut MemberDiff,
}

impl Labeller<'_, '_> {
    /// Applies one op of the diff; `run` numbers the ops from 1.
    fn apply(&mut self, run: u32, op: DiffOp) {
        let result = &mut *self.result;
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for i in 0..len {
                    let (r, m) = (old_index + i, new_index + i);
                    if is_variant(self.reference, self.member, r, m) {
                        self.labels[m].variant_of = Some(r as u32);
                        self.labels[m].run = run;
                        result.variants.push((r, m));
                    }
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let old = old_index..old_index + old_len;
                let run = &self.reference.tokens[old.clone()];
                for (r, token) in old.clone().zip(run) {
                    let kind = classify::changed_kind(token, run, &[]);
                    result.reference_kinds.push((r, kind));
                }
                result.changed_reference.extend(old);
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                let new = new_index..new_index + new_len;
                let words = &self.member.tokens[new.clone()];
                for (m, token) in new.clone().zip(words) {
                    let kind = classify::changed_kind(token, words, &[]);
                    self.labels[m] = Label::whole(kind, run);
                }
                result.changed_member.extend(new);
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let against = Some((old_index as u32, (old_index + old_len) as u32));
                let (old, new) = (
                    &self.reference.tokens[old_index..old_index + old_len],
                    &self.member.tokens[new_index..new_index + new_len],
                );
                for (m, token) in (new_index..).zip(new) {
                    self.labels[m] = Label {
                        kind: classify::changed_kind(token, new, old),
                        run,
                        variant_of: None,
                        against,
                    };
                }
                for (r, token) in (old_index..).zip(old) {
                    result
                        .reference_kinds
                        .push((r, classify::changed_kind(token, old, new)));
                }
                result.replaced_ops.push((
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                ));
                result
                    .changed_reference
                    .extend(old_index..old_index + old_len);
                result
                    .replaced_reference
                    .extend(old_index..old_index + old_len);
                result.changed_member.extend(new_index..new_index + new_len);
            }
        }
    }
}

/// The replace ops that are slots ([`MemberDiff::slots`]): at most
/// [`SLOT_WORDS`] tokens a side, and the tokens just before and after them
/// unchanged on both sides (or the sentence's ends).
fn slots(
    reference: Side<'_>,
    member: Side<'_>,
    ops: &[(Range<usize>, Range<usize>)],
    labels: &[Label],
    changed_reference: &[usize],
) -> Vec<(Range<usize>, Range<usize>, SlotKind)> {
    let member_kept = |m: Option<usize>| {
        m.is_none_or(|m| labels.get(m).is_none_or(|l| l.kind == MarkKind::Shared))
    };
    let reference_kept = |r: Option<usize>| r.is_none_or(|r| !changed_reference.contains(&r));
    let bytes = |tokens: &[Token], range: &Range<usize>| {
        tokens[range.start].range.start..tokens[range.end - 1].range.end
    };
    ops.iter()
        .filter(|(old, new)| {
            !old.is_empty()
                && !new.is_empty()
                && old.len() <= SLOT_WORDS
                && new.len() <= SLOT_WORDS
                && reference_kept(old.start.checked_sub(1))
                && reference_kept((old.end < reference.tokens.len()).then_some(old.end))
                && member_kept(new.start.checked_sub(1))
                && member_kept((new.end < member.tokens.len()).then_some(new.end))
        })
        .map(|(old, new)| {
            let kind = slot_kind(reference, member, old, new);
            (
                bytes(reference.tokens, old),
                bytes(member.tokens, new),
                kind,
            )
        })
        .collect()
}

/// The kind of the slot `old` (reference tokens) / `new` (member tokens).
fn slot_kind(
    reference: Side<'_>,
    member: Side<'_>,
    old: &Range<usize>,
    new: &Range<usize>,
) -> SlotKind {
    let (a, b) = (&reference.tokens[old.clone()], &member.tokens[new.clone()]);
    fn text<'a>(side: Side<'a>, t: &Token) -> &'a str {
        side.text.get(t.range.clone()).unwrap_or("")
    }
    // One value against one value: a number (not a year, a clock time or a
    // decimal cut apart), a day or month by name, a name.
    if let ([x], [y]) = (a, b) {
        let (tx, ty) = (text(reference, x), text(member, y));
        // Not a year, and not the end of a decimal the segmenter cut at its
        // point ("6." + "1-magnitude").
        let plain_number = |side: Side<'_>, t: &Token, w: &str| {
            let before = side.text.get(..t.range.start).unwrap_or("").trim_end();
            t.class == WordClass::Number
                && w.chars().all(|c| c.is_alphanumeric() || c == ',')
                && !(w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()))
                && !(before.ends_with('.')
                    && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
        };
        // Their keys differ (a replacement): "four" / "five", "12" / "18".
        if plain_number(reference, x, tx) && plain_number(member, y, ty) {
            return SlotKind::Number;
        }
        if x.class == WordClass::Name && y.class == WordClass::Name {
            return SlotKind::Detail;
        }
    }
    // A day or month by name on both sides ("on [Wednesday | Tuesday]",
    // "[Feb. 28 | March 1]"); bare years are not compared here.
    let named_date = |side: Side<'_>, tokens: &[Token]| {
        tokens
            .iter()
            .any(|t| t.class == WordClass::Date && text(side, t).chars().all(char::is_alphabetic))
    };
    if named_date(reference, a) && named_date(member, b) {
        return SlotKind::Detail;
    }
    let before_number = |tokens: &[Token], end: usize| {
        tokens
            .get(end)
            .is_some_and(|t| t.class == WordClass::Number)
    };
    let hedges = |side: Side<'_>, tokens: &[Token]| {
        tokens.len() <= 2
            && tokens
                .iter()
                .all(|t| HEDGES.contains(&text(side, t).to_lowercase().as_str()))
    };
    if hedges(reference, a)
        && hedges(member, b)
        && before_number(reference.tokens, old.end)
        && before_number(member.tokens, new.end)
    {
        return SlotKind::Number;
    }
    if let ([x], [y]) = (a, b)
        && x.quoted
        && y.quoted
        && x.class != WordClass::Function
        && y.class != WordClass::Function
        && !same_word_written_otherwise(text(reference, x), text(member, y))
    {
        return SlotKind::QuoteWord;
    }
    SlotKind::Other
}

/// Levenshtein distance between two words, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Whether two words are one word written two ways: one a short form of the
/// other ("MySpace" / "MySpace.com"), or British and American spelling
/// ("fibre" / "fiber", "colour" / "color", "organise" / "organize").
fn same_word_written_otherwise(a: &str, b: &str) -> bool {
    let plain = |w: &str| -> String {
        w.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (plain(a), plain(b));
    if a.is_empty() || b.is_empty() || a.starts_with(&b) || b.starts_with(&a) {
        return true;
    }
    // A typo in one outlet's copy ("sulking" / "skulking", "ready" /
    // "really"): two letters apart in words of five letters or more.
    if a.chars().count().min(b.chars().count()) >= 5 && edit_distance(&a, &b) <= 2 {
        return true;
    }
    // "12th" / "Twelfth": a number in figures and in words.
    let figures = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    if figures(&a) != figures(&b) {
        return true;
    }
    let american = |w: &str| {
        w.replace("our", "or")
            .replace("ence", "ense")
            .replace("ise", "ize")
            .replace("yse", "yze")
            .replace("tre", "ter")
            .replace("bre", "ber")
    };
    american(&a) == american(&b)
}

/// A word the member has elsewhere in the sentence than the reference is
/// moved, not changed: "spoke with Putin by phone" and "spoke by phone with
/// Putin" say the same. Each member word that the diff marked as changed and
/// whose key is among the reference's changed words becomes shared again,
/// one for one, and leaves the changed lists on both sides.
fn forgive_moves(
    reference: Side<'_>,
    member: Side<'_>,
    labels: &mut [Label],
    result: &mut MemberDiff,
) {
    // Most members change nothing, or only add or only drop words.
    if result.changed_member.is_empty() || result.changed_reference.is_empty() {
        return;
    }
    let mut available: Vec<usize> = result.changed_reference.clone();
    // The member words kept as changed move to the front, in their order.
    let mut kept = 0;
    for index in 0..result.changed_member.len() {
        let m = result.changed_member[index];
        let key = member.tokens[m].key;
        match available
            .iter()
            .position(|&r| reference.tokens[r].key == key)
        {
            Some(at) => {
                let r = available.swap_remove(at);
                result.changed_reference.retain(|&x| x != r);
                result.replaced_reference.retain(|&x| x != r);
                result.reference_kinds.retain(|&(x, _)| x != r);
                labels[m] = Label::SHARED;
            }
            None => {
                result.changed_member[kept] = m;
                kept += 1;
            }
        }
    }
    result.changed_member.truncate(kept);
}

/// Marks for the reference itself: a word some member replaced or lacks
/// takes the strongest kind any member's diff gave it (conflict, added,
/// reworded), shared otherwise.
pub fn reference_marks(reference: Side<'_>, diffs: &[MemberDiff]) -> Vec<RawMark> {
    let mut labels = vec![Label::SHARED; reference.tokens.len()];
    for diff in diffs {
        for &(r, kind) in &diff.reference_kinds {
            if let Some(label) = labels.get_mut(r)
                && kind < label.kind
            {
                *label = Label::whole(kind, 1);
            }
        }
    }
    marks(reference, &labels, &[])
}

/// One mark covering a whole sentence.
pub fn whole(sentence: &Range<usize>, kind: MarkKind) -> Vec<RawMark> {
    vec![RawMark {
        range: sentence.clone(),
        kind,
        variant_of: None,
        against: None,
    }]
}

/// Whether two tokens with the same key are spelled differently in a way worth reporting.
fn is_variant(reference: Side<'_>, member: Side<'_>, r: usize, m: usize) -> bool {
    let (a, b) = (&reference.tokens[r], &member.tokens[m]);
    if a.spelling != Spelling::Variant && b.spelling != Spelling::Variant {
        return false;
    }
    // Bytes first: equal spellings, the common case, need no char boundary checks.
    if word_bytes(reference, a) == word_bytes(member, b) {
        return false;
    }
    let (a_text, b_text) = (
        &reference.text[a.range.clone()],
        &member.text[b.range.clone()],
    );
    !same_plain(a_text, b_text)
}

/// Whether two words are equal in lower case, diacritics kept: "Peña" and "Pena" differ here.
fn same_plain(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // What `fold` makes of ASCII, without building the strings.
        let plain = |b: u8| {
            if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            }
        };
        a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| plain(x) == plain(y))
    } else {
        fold_plain(a) == fold_plain(b)
    }
}

/// A token's text as bytes.
fn word_bytes<'a>(side: Side<'a>, token: &Token) -> Option<&'a [u8]> {
    side.text.as_bytes().get(token.range.clone())
}

/// Lower case only, diacritics kept: "Peña" and "Pena" differ here.
fn fold_plain(word: &str) -> String {
    let folded = fold(word);
    if word.is_ascii() {
        folded
    } else {
        word.to_lowercase()
    }
}

/// Turns per-token labels into marks covering the whole sentence; the
/// labels' reference words are tokens of `reference`.
fn marks(side: Side<'_>, labels: &[Label], reference: &[Token]) -> Vec<RawMark> {
    let mut marks = Marks {
        out: Vec::new(),
        open: None,
        reference,
    };
    let mut at = side.sentence.start;
    for (index, token) in side.tokens.iter().enumerate() {
        if token.range.start > at {
            let gap = gap_label(labels.get(index.wrapping_sub(1)), labels.get(index));
            marks.push(at..token.range.start, gap);
        }
        marks.push(token.range.clone(), labels[index]);
        at = token.range.end;
    }
    if side.sentence.end > at {
        marks.push(at..side.sentence.end, Label::SHARED);
    }
    marks.finish()
}

/// The label of the text between two words: theirs when they are in one run, shared otherwise.
fn gap_label(before: Option<&Label>, after: Option<&Label>) -> Label {
    match (before, after) {
        (Some(b), Some(a)) if b.kind == a.kind && b.run == a.run && b.kind != MarkKind::Shared => {
            Label {
                variant_of: None,
                ..*b
            }
        }
        _ => Label::SHARED,
    }
}

/// Marks being built: a piece of text joins the open mark when both have the
/// same kind and run (and neither is a variant), else it opens a new one.
struct Marks<'a> {
    out: Vec<RawMark>,
    /// The last mark, still growing, with the label of its first piece.
    open: Option<(Range<usize>, Label)>,
    /// The tokens the labels' reference words index.
    reference: &'a [Token],
}

impl Marks<'_> {
    fn push(&mut self, range: Range<usize>, label: Label) {
        if let Some((open, first)) = &mut self.open
            && first.kind == label.kind
            && first.run == label.run
            && first.variant_of.is_none()
            && label.variant_of.is_none()
        {
            open.end = range.end;
            return;
        }
        if let Some((range, label)) = self.open.replace((range, label)) {
            self.close(range, label);
        }
    }

    /// Adds a finished mark to `out`.
    fn close(&mut self, range: Range<usize>, label: Label) {
        let token = |index: u32| self.reference.get(index as usize).map(|t| &t.range);
        self.out.push(RawMark {
            range,
            kind: label.kind,
            variant_of: label.variant_of.and_then(token).cloned(),
            against: label.against.and_then(|(first, end)| {
                Some(token(first)?.start..token(end.checked_sub(1)?)?.end)
            }),
        });
    }

    /// The marks, the open one included.
    fn finish(mut self) -> Vec<RawMark> {
        if let Some((range, label)) = self.open.take() {
            self.close(range, label);
        }
        self.out
    }
}

/// Report marks from raw marks, cut to `sentence`; `variant_of` and `against` point into the reference.
pub(crate) fn report_marks(
    marks: &[RawMark],
    sentence: &Range<usize>,
    reference: Side<'_>,
) -> Vec<Mark> {
    marks
        .iter()
        .filter_map(|m| {
            let start = m.range.start.max(sentence.start);
            let end = m.range.end.min(sentence.end);
            (start < end).then_some((m, start, end))
        })
        .map(|(m, start, end)| Mark {
            start,
            end,
            kind: m.kind,
            variant_of: m.variant_of.clone().map(|r| reference.text[r].to_owned()),
            against: m.against.clone().map(|r: Range<usize>| Span {
                start: r.start,
                end: r.end,
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Diffs `member` against `reference` and renders the member with
    /// the render module's plain notation (`{!conflict!}`, `{+added+}`,
    /// `{~reworded~}`, `[-old-]` before replacing words) and `word(=ref)`.
    fn check(reference: &str, member: &str, expect: &str) {
        let result = WordDiffer::new(&Config::default()).diff(reference, member);
        let mut shown = String::new();
        let mut end = 0;
        let mut shown_against = None;
        for mark in &result.marks {
            assert_eq!(mark.range.start, end, "marks are contiguous");
            end = mark.range.end;
            let text = &member[mark.range.clone()];
            match (&mark.kind, &mark.variant_of, &mark.against) {
                (MarkKind::Shared, Some(of), _) => {
                    shown += &format!("{text}(={})", &reference[of.clone()])
                }
                (MarkKind::Shared, None, _) => shown += text,
                (kind, _, against) => {
                    let old = match against {
                        Some(r) if shown_against.as_ref() != Some(r) => {
                            shown_against = Some(r.clone());
                            &reference[r.clone()]
                        }
                        _ => "",
                    };
                    shown += &crate::render::draw_plain(*kind, text, old);
                }
            }
        }
        assert_eq!(end, member.len());
        assert_eq!(shown, expect);
    }

    #[test]
    fn replaced_words_show_what_they_replace() {
        check(
            "Trump spoke by phone on Wednesday to Putin.",
            "Trump spoke by phone on Tuesday to Putin.",
            "Trump spoke by phone on [-Wednesday-]{+Tuesday+} to Putin.",
        );
    }

    #[test]
    fn inserted_phrases_are_one_mark_with_their_punctuation() {
        check(
            "The president is determined to get one done.",
            "And the president, as you know, is determined to get one done.",
            "{~And~} the president, {~as you know~}, is determined to get one done.",
        );
    }

    #[test]
    fn variant_spellings_are_shared_and_name_the_reference_spelling() {
        check(
            "Aid for Kyiv arrived.",
            "Aid for Kiev arrived.",
            "Aid for Kiev(=Kyiv) arrived.",
        );
    }

    #[test]
    fn moved_words_are_shared() {
        check(
            "Trump spoke by phone with Putin on Tuesday.",
            "Trump spoke with Putin by phone on Tuesday.",
            "Trump spoke with Putin by phone on Tuesday.",
        );
    }

    #[test]
    fn stems_and_case_compare_equal() {
        check("The talks begin", "the talk begins", "the talk begins");
    }

    #[test]
    fn one_differ_serves_many_pairs() {
        let mut differ = WordDiffer::new(&Config::default());
        let first = differ.diff("Aid for Kyiv arrived.", "Aid for Kiev arrived.");
        let second = differ.diff("Aid for Kyiv arrived.", "Aid for Kiev arrived.");
        assert_eq!(first, second);
        assert_eq!(first.variants, [(2, 2)]);
    }

    #[test]
    fn plain_comparison_agrees_with_folding_both_words() {
        let words = [
            "Kiev",
            "KIEV",
            "kiev",
            "Kyiv",
            "O`Brien",
            "o'brien",
            "O'Brien",
            "Peña",
            "PEÑA",
            "pena",
            "\u{212A}iev",
            "ΣΑΣ",
            "σας",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_plain(a, b), fold_plain(a) == fold_plain(b), "{a} {b}");
            }
        }
    }

    #[test]
    fn empty_member_is_one_shared_mark_of_its_punctuation() {
        check("Words here.", "—", "—");
    }
}
