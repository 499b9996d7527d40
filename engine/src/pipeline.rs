//! The pipeline behind [`crate::compare`]: runs the stages in order and assembles the [`Report`].
//!
//! segment → budget (work limits) → clean → normalize → align → correct (a
//! person's corrections, [`crate::correct`]) → diff →
//! classify → order groups → missing/elsewhere/omitted → spellings → facts →
//! conflicts (the facts stage's conflicts settle the statuses) → overview (figures from the finished groups). Each stage lives in its own
//! module; this file only moves data between them, and tells a
//! [`Progress`] callback how far it has got (per source while reading, per group
//! while diffing, at the start of the other stages).
//!
//! Stages stay functions of their own in the wasm (`#[inline(never)]` on the
//! stage functions here and in `align`, `facts` and `facts::quotes`): LLVM would
//! inline every stage called from one place, making four giants (this file's
//! `compare` 38 KB of wasm, `facts::extract` 35 KB, `align::align` 19 KB,
//! `quotes::extract` 24 KB). A browser recompiles a wasm function whose loops
//! run long with its optimizing compiler, and those giants, which run once per
//! comparison, cost Chromium 440 ms of that compiling on the cores the first
//! screen needs; kept apart, only the stages that loop are recompiled
//! (issue #19: `docs/performance.md`, "Issue #19: start-up, step by step").

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::Source;
use crate::align::{self, Alignment, Unit, UnitId, UnitKind, background::Background};
use crate::classify;
use crate::clean;
use crate::config::{BoilerplateMode, Config, ReferenceChoice};
use crate::correct;
use crate::diff::{self, MemberDiff, Side};
use crate::facts;
use crate::normalize::{Lexicon, Normalizer, Token};
use crate::order::sort_by;
use crate::overview::overview;
use crate::report::{
    BoilerplateKind, ByHand, Elsewhere, Facts, Group, GroupId, MarkKind, Member, Notice,
    NoticeKind, Overview, Progress, Related, RelatedMember, Relation, Report, SCHEMA, SentenceId,
    SentenceRef, SentenceReport, SourceId, SourceReport, Stage, Status, Variant,
};
use crate::segment::{self, Cut, Segmented};
use crate::spellings;

/// The share of the whole run done when `stage` starts and when it ends.
///
/// Measured as wasm in Chromium (where the app shows a progress bar) on the
/// synthetic set of 100 articles of 1,000 words ([`crate::synthetic::Spec::LARGE`]):
/// reading about 25%, aligning 30%, diffing 5%, facts 40%. (Natively aligning
/// weighs more: 20%, 50%, 5%, 25%.) Coarse on purpose: the bar only has to move.
fn span(stage: Stage) -> (f32, f32) {
    match stage {
        Stage::Reading => (0.0, 0.25),
        Stage::Aligning => (0.25, 0.55),
        Stage::Diffing => (0.55, 0.6),
        Stage::Facts => (0.6, 1.0),
        Stage::Done => (1.0, 1.0),
    }
}

/// Turns stage steps into [`Progress`] calls.
struct Meter<'a> {
    report: &'a mut dyn FnMut(Progress),
}

impl Meter<'_> {
    /// `part` of `of` steps of `stage` are done.
    fn at(&mut self, stage: Stage, part: usize, of: usize) {
        let (start, end) = span(stage);
        let fraction = if of == 0 {
            1.0
        } else {
            (part.min(of) as f32) / (of as f32)
        };
        (self.report)(Progress {
            stage,
            done: start + (end - start) * fraction,
        });
    }
}

/// Which sentence of which source, as positions in `sources` and in the
/// source's segmented sentences (the report's [`SourceId`] and
/// [`SentenceId`] once the report is assembled).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct SentenceAt {
    source: usize,
    sentence: usize,
}

impl SentenceAt {
    fn source_id(self) -> SourceId {
        SourceId::new(self.source)
    }

    fn sentence_id(self) -> SentenceId {
        SentenceId::new(self.sentence)
    }
}

/// One source after segmenting, budgeting, cleaning and normalizing.
struct Prepared {
    segmented: Segmented,
    boilerplate: Vec<Option<BoilerplateKind>>,
    /// Sentences from this index on are past a work limit and not compared.
    coarse_from: usize,
    /// Tokens of each compared content sentence (empty for the others).
    tokens: Vec<Vec<Token>>,
}

impl Prepared {
    fn is_content(&self, sentence: usize) -> bool {
        self.boilerplate.get(sentence).is_some_and(Option::is_none)
    }

    fn is_compared(&self, sentence: usize) -> bool {
        sentence < self.coarse_from && self.is_content(sentence)
    }
}

/// A group before it is put into the report.
struct Draft {
    /// In source and sentence order; a source has one sentence, or two adjacent ones.
    members: Vec<SentenceAt>,
    reference: SentenceAt,
    /// How sure the grouping is, 0 to 1 ([`Alignment::scores`]).
    score: f32,
    /// Whether a person corrected or confirmed it.
    by_hand: Option<ByHand>,
}

/// Compares `sources`, telling `progress` how far it has got; see [`crate::compare_with_progress`].
pub fn compare(sources: &[Source], config: &Config, progress: &mut dyn FnMut(Progress)) -> Report {
    let mut meter = Meter { report: progress };
    meter.at(Stage::Reading, 0, 1);
    let mut notices = Vec::new();
    let (prepared, normalizer) = read(sources, config, &mut notices, &mut meter);
    let (ids, units) = units(sources, &prepared);
    meter.at(Stage::Aligning, 0, 1);
    let rates = background_rates(normalizer.lexicon());
    let mut alignment = align::align(&units, &rates, &config.align, &config.limits);
    let mut drafts = drafts(&ids, &alignment);
    let corrected = correct(&mut drafts, sources, &prepared, config, &mut notices);
    prefer_reference(&mut drafts, config.reference);
    sort_by(&mut drafts, |d| {
        let first = d.members[0];
        let mut sources: Vec<usize> = d.members.iter().map(|m| m.source).collect();
        sources.dedup();
        [
            u64::MAX - sources.len() as u64,
            first.source as u64,
            first.sentence as u64,
            0,
        ]
    });
    let group_of: HashMap<SentenceAt, GroupId> = GroupId::all(drafts.len())
        .zip(&drafts)
        .flat_map(|(g, d)| d.members.iter().map(move |&m| (m, g)))
        .collect();
    // A pair now in one row is no suggestion, nor a sentence a person said
    // is not the same information as a row.
    let row = |at: correct::At| {
        group_of.get(&SentenceAt {
            source: at.0,
            sentence: at.1,
        })
    };
    let apart = |x: SentenceAt, y: SentenceAt| {
        corrected
            .apart
            .iter()
            .any(|&(s, from)| s == (x.source, x.sentence) && row(from) == group_of.get(&y))
    };
    alignment.related.retain(|link| {
        let (a, b) = (ids[link.a.0], ids[link.b.0]);
        group_of.get(&a) != group_of.get(&b) && !apart(a, b) && !apart(b, a)
    });
    let elsewhere = elsewhere_links(&ids, &alignment, &group_of);
    let related = related(&ids, &alignment);
    let (mut groups, slots): (Vec<Group>, Vec<Slots>) = GroupId::all(drafts.len())
        .zip(&drafts)
        .map(|(g, draft)| {
            meter.at(Stage::Diffing, g.index(), drafts.len());
            build_group(
                g,
                draft,
                sources,
                &prepared,
                elsewhere.get(&g).map_or(&[][..], Vec::as_slice),
            )
        })
        .collect();
    meter.at(Stage::Facts, 0, 1);
    let tokens: Vec<&[Vec<Token>]> = prepared.iter().map(|p| p.tokens.as_slice()).collect();
    let variants = spellings::variants(sources, &tokens, normalizer.lexicon());
    note_sources(sources, &prepared, &mut notices);
    let facts = facts(
        sources,
        &prepared,
        &group_of,
        normalizer.lexicon(),
        &variants,
        config,
    );
    let mut facts = facts;
    classify::apply_conflicts(&mut groups, &mut facts.flags, &slots);
    // Flags the rows did not confirm became checks: strongest first again.
    facts::compare::order(&mut facts.flags);
    let mut report = Report {
        schema: SCHEMA.to_owned(),
        sources: source_reports(sources, &prepared, &groups, &group_of),
        groups,
        related,
        variants,
        notices,
        facts,
        overview: Overview::default(),
        corrections: corrected.outcomes,
    };
    report.overview = overview(&report);
    meter.at(Stage::Done, 1, 1);
    report
}

/// Segments, budgets, cleans and normalizes every source.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn read(
    sources: &[Source],
    config: &Config,
    notices: &mut Vec<Notice>,
    meter: &mut Meter<'_>,
) -> (Vec<Prepared>, Normalizer) {
    let mut prepared = prepare(sources, config, notices, meter);
    let mut normalizer = Normalizer::new(config);
    for (index, (source, p)) in sources.iter().zip(&mut prepared).enumerate() {
        meter.at(Stage::Reading, sources.len() + index, 2 * sources.len());
        p.tokens = p
            .segmented
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if p.is_compared(i) {
                    normalizer.tokens(&source.text, s.range.clone())
                } else {
                    Vec::new()
                }
            })
            .collect();
    }
    (prepared, normalizer)
}

/// The align stage's inputs for `sources`: each compared content sentence as
/// `(source, sentence)` with its unit, and each key's background rate; for
/// [`crate::probe`].
pub(crate) fn align_inputs(
    sources: &[Source],
    config: &Config,
) -> (Vec<(usize, usize)>, Vec<Unit>, Vec<f32>) {
    let mut meter = Meter {
        report: &mut |_| {},
    };
    let (prepared, normalizer) = read(sources, config, &mut Vec::new(), &mut meter);
    let (ids, units) = units(sources, &prepared);
    let ids = ids.iter().map(|id| (id.source, id.sentence)).collect();
    (ids, units, background_rates(normalizer.lexicon()))
}

/// Runs the facts stage on the compared content sentences.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn facts(
    sources: &[Source],
    prepared: &[Prepared],
    group_of: &HashMap<SentenceAt, GroupId>,
    lexicon: &Lexicon,
    variants: &[Variant],
    config: &Config,
) -> Facts {
    let mut sentences = Vec::new();
    for (source, p) in prepared.iter().enumerate() {
        for (sentence, s) in p.segmented.sentences.iter().enumerate() {
            if !p.is_compared(sentence) {
                continue;
            }
            sentences.push(facts::SentenceInput {
                source: SourceId::new(source),
                sentence: SentenceId::new(sentence),
                paragraph: s.paragraph,
                group: group_of.get(&SentenceAt { source, sentence }).copied(),
                range: &s.range,
                tokens: p.tokens.get(sentence).map_or(&[][..], Vec::as_slice),
            });
        }
    }
    facts::extract(sources, &sentences, lexicon, variants, config)
}

/// Segments every source, applies the word budget and runs the clean stage.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn prepare(
    sources: &[Source],
    config: &Config,
    notices: &mut Vec<Notice>,
    meter: &mut Meter<'_>,
) -> Vec<Prepared> {
    let limits = &config.limits;
    let mut total_words = 0usize;
    sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            meter.at(Stage::Reading, index, 2 * sources.len());
            let segmented = segment::segment(&source.text, limits);
            let mut source_words = 0usize;
            let mut coarse_from = segmented.sentences.len();
            if index >= limits.max_sources && !segmented.sentences.is_empty() {
                coarse_from = 0;
                notices.push(Notice {
                    kind: NoticeKind::CoarseFallback,
                    source: Some(SourceId::new(index)),
                    message: format!(
                        "Source {} is past the limit of {} sources: its text is listed but not compared.",
                        label(index, source),
                        limits.max_sources
                    ),
                });
            }
            for (i, sentence) in segmented.sentences[..coarse_from].iter().enumerate() {
                let words = source.text[sentence.range.clone()]
                    .split_whitespace()
                    .count();
                if source_words + words > limits.max_source_words
                    || total_words + words > limits.max_total_words
                {
                    coarse_from = i;
                    notices.push(coarse_notice(index, source, &segmented, i, config));
                    break;
                }
                source_words += words;
                total_words += words;
            }
            let boilerplate = match config.boilerplate {
                BoilerplateMode::Detect => clean::detect(&source.text, &segmented, coarse_from),
                BoilerplateMode::Keep => vec![None; segmented.sentences.len()],
            };
            Prepared {
                segmented,
                boilerplate,
                coarse_from,
                tokens: Vec::new(),
            }
        })
        .collect()
}

fn coarse_notice(
    index: usize,
    source: &Source,
    segmented: &Segmented,
    from: usize,
    config: &Config,
) -> Notice {
    let at = segmented.sentences[from].range.start;
    Notice {
        kind: NoticeKind::CoarseFallback,
        source: Some(SourceId::new(index)),
        message: format!(
            "Source {} is too long to compare in full: its text from byte {at} on ({} of {} sentences) is listed but not compared (limits: {} words per source, {} words in all).",
            label(index, source),
            segmented.sentences.len() - from,
            segmented.sentences.len(),
            config.limits.max_source_words,
            config.limits.max_total_words,
        ),
    }
}

fn label(index: usize, source: &Source) -> String {
    if source.id.is_empty() {
        format!("#{index}")
    } else {
        format!("#{index} ({})", source.id)
    }
}

/// The compared content sentences as alignment units: their ids and content keys.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn units(sources: &[Source], prepared: &[Prepared]) -> (Vec<SentenceAt>, Vec<Unit>) {
    let mut ids = Vec::new();
    let mut units = Vec::new();
    for (source, p) in prepared.iter().enumerate() {
        let text = &sources[source].text;
        let mut first = true;
        for (sentence, tokens) in p.tokens.iter().enumerate() {
            if !p.is_compared(sentence) {
                continue;
            }
            let kind = if first && is_headline(text, &p.segmented, sentence) {
                UnitKind::Headline
            } else {
                UnitKind::Body
            };
            first = false;
            ids.push(SentenceAt { source, sentence });
            units.push(Unit {
                source,
                sentence,
                kind,
                keys: align::keys::unit_keys(
                    text,
                    p.segmented.sentences[sentence].range.clone(),
                    opening(&p.segmented, sentence),
                    tokens,
                ),
            });
        }
    }
    let mut base: Vec<u32> = Vec::new();
    let keys = units
        .iter()
        .flat_map(|u| &u.keys)
        .map(|k| k.key as usize + 1)
        .max()
        .unwrap_or(0);
    for (derived, to) in derivation_aliases(sources, prepared, keys) {
        let derived = derived as usize;
        if base.len() <= derived {
            base.extend((base.len() as u32)..=(derived as u32));
        }
        base[derived] = to;
    }
    for key in units.iter_mut().flat_map(|u| u.keys.iter_mut()) {
        if let Some(&to) = base.get(key.key as usize) {
            key.key = to;
        }
    }
    (ids, units)
}

/// Keys of derived words ("Ukrainian") with their base's ("Ukraine"), for alignment only.
fn derivation_aliases(sources: &[Source], prepared: &[Prepared], keys: usize) -> Vec<(u32, u32)> {
    // One capitalised spelling per key is enough: derivation goes by key.
    let mut seen = vec![false; keys];
    let mut words: Vec<(String, u32)> = Vec::new();
    for (source, p) in sources.iter().zip(prepared) {
        for token in p.tokens.iter().flatten() {
            let key = token.key as usize;
            if seen.get(key).copied().unwrap_or(true) {
                continue;
            }
            let written = &source.text[token.range.clone()];
            if written.starts_with(char::is_uppercase) {
                seen[key] = true;
                let folded = crate::fold::fold(written);
                words.push((
                    crate::normalize::strip_possessive(&folded).to_owned(),
                    token.key,
                ));
            }
        }
    }
    align::derivations::aliases(words)
}

/// Whether `sentence` opens its paragraph.
fn opening(segmented: &Segmented, sentence: usize) -> align::keys::Opening {
    let paragraph = |i: usize| segmented.sentences.get(i).map(|s| s.paragraph);
    match sentence.checked_sub(1) {
        Some(previous) if paragraph(previous) == paragraph(sentence) => {
            align::keys::Opening::Within
        }
        _ => align::keys::Opening::Paragraph,
    }
}

/// Whether `sentence`, a source's first content sentence, reads as a
/// headline: a paragraph of its own, at most [`HEADLINE_WORDS`] words, and no
/// full stop, question or exclamation mark at its end.
fn is_headline(text: &str, segmented: &Segmented, sentence: usize) -> bool {
    let Some(s) = segmented.sentences.get(sentence) else {
        return false;
    };
    let alone = segmented
        .sentences
        .iter()
        .filter(|o| o.paragraph == s.paragraph)
        .count()
        == 1;
    let words = text[s.range.clone()].split_whitespace().count();
    let ends = text[s.range.clone()]
        .trim_end_matches(['"', '\'', '”', '’', ')', ' '])
        .ends_with(['.', '!', '?', '…']);
    alone && words <= HEADLINE_WORDS && !ends
}

/// The most words a headline has.
const HEADLINE_WORDS: usize = 20;

/// Each key's share of background sentences ([`Background`]), by key id.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn background_rates(lexicon: &Lexicon) -> Vec<f32> {
    let mut rates = vec![align::background::FLOOR; lexicon.len()];
    for (key, rate) in Background::shipped().rates() {
        if let Some(id) = lexicon.get(key) {
            rates[id as usize] = rate;
        }
    }
    rates
}

/// Groups from the alignment. A sentence past the limits is in none: it
/// was not compared, so it is neither "only in" its source nor left out by
/// the others.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn drafts(ids: &[SentenceAt], alignment: &Alignment) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = alignment
        .groups
        .iter()
        .zip(&alignment.references)
        .zip(&alignment.scores)
        .map(|((group, reference), &score)| Draft {
            members: group.iter().map(|u| ids[u.0]).collect(),
            reference: ids[reference.0],
            score,
            by_hand: None,
        })
        .collect();
    for draft in &mut drafts {
        sort_by(&mut draft.members, |m| {
            [m.source as u64, m.sentence as u64, 0, 0]
        });
    }
    drafts
}

/// Applies the corrections in `config` to `drafts` (sorted again after), with a
/// notice for each that no longer fits.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn correct(
    drafts: &mut Vec<Draft>,
    sources: &[Source],
    prepared: &[Prepared],
    config: &Config,
    notices: &mut Vec<Notice>,
) -> correct::Applied {
    if config.corrections.is_empty() {
        return correct::Applied::default();
    }
    let find = |r: &SentenceRef| locate(r, sources, prepared);
    let mut rows: Vec<correct::Row> = drafts
        .drain(..)
        .map(|d| correct::Row {
            members: d.members.iter().map(|m| (m.source, m.sentence)).collect(),
            reference: (d.reference.source, d.reference.sentence),
            score: d.score,
            by_hand: d.by_hand,
        })
        .collect();
    let applied = correct::apply(
        &mut rows,
        &config.corrections,
        config.limits.max_corrections,
        &find,
    );
    let at = |(source, sentence): correct::At| SentenceAt { source, sentence };
    drafts.extend(rows.into_iter().map(|row| {
        let mut members: Vec<SentenceAt> = row.members.into_iter().map(at).collect();
        sort_by(&mut members, |m| [m.source as u64, m.sentence as u64, 0, 0]);
        Draft {
            members,
            reference: at(row.reference),
            score: row.score,
            by_hand: row.by_hand,
        }
    }));
    notices.extend(applied.outcomes.iter().filter_map(|o| {
        Some(Notice {
            kind: NoticeKind::CorrectionDropped,
            source: None,
            message: o.message.clone()?,
        })
    }));
    applied
}

/// Where the sentence `r` names is among the compared sentences of `sources`.
fn locate(r: &SentenceRef, sources: &[Source], prepared: &[Prepared]) -> correct::Found {
    let Some(source) = sources.iter().position(|s| s.id == r.source) else {
        return correct::Found::NotInPlay;
    };
    let text = &sources[source].text;
    let p = &prepared[source];
    let words = |range: &Range<usize>| text.get(range.clone()).unwrap_or("");
    let sentences = &p.segmented.sentences;
    let found = sentences
        .iter()
        .position(|s| s.range == (r.start..r.end) && words(&s.range) == r.text)
        .or_else(|| sentences.iter().position(|s| words(&s.range) == r.text));
    let shown = crate::excerpt::excerpt(&r.text, 8);
    match found {
        None => correct::Found::Gone(format!(
            "the sentence “{shown}” is not in {} any more (was the article edited?).",
            label(source, &sources[source])
        )),
        Some(sentence) if !p.is_compared(sentence) => correct::Found::Gone(format!(
            "the sentence “{shown}” of {} is not compared (page clutter, or past the limits).",
            label(source, &sources[source])
        )),
        Some(sentence) => correct::Found::At((source, sentence)),
    }
}

/// Makes the chosen source's sentence the reference of every group it belongs to.
fn prefer_reference(drafts: &mut [Draft], choice: ReferenceChoice) {
    let ReferenceChoice::Source(source) = choice else {
        return;
    };
    for draft in drafts {
        if let Some(&member) = draft.members.iter().find(|m| m.source_id() == source) {
            draft.reference = member;
        }
    }
}

/// For each group, the sources that may carry its information in a sentence
/// of another group (a possibly related pair), best first.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn elsewhere_links(
    ids: &[SentenceAt],
    alignment: &Alignment,
    group_of: &HashMap<SentenceAt, GroupId>,
) -> HashMap<GroupId, Vec<Elsewhere>> {
    let mut out: HashMap<GroupId, Vec<Elsewhere>> = HashMap::default();
    // `related` is best first.
    for link in &alignment.related {
        for (here, there) in [
            (ids[link.a.0], ids[link.b.0]),
            (ids[link.b.0], ids[link.a.0]),
        ] {
            let (Some(&group), Some(&other)) = (group_of.get(&here), group_of.get(&there)) else {
                continue;
            };
            let entry = out.entry(group).or_default();
            if !entry.iter().any(|e| e.source == there.source_id()) {
                entry.push(Elsewhere {
                    source: there.source_id(),
                    sentence: there.sentence_id(),
                    group: other,
                    score: link.probability,
                });
            }
        }
    }
    out
}

/// The possibly related pairs, as the report lists them.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn related(ids: &[SentenceAt], alignment: &Alignment) -> Vec<Related> {
    let member = |unit: UnitId| RelatedMember {
        source: ids[unit.0].source_id(),
        sentence: ids[unit.0].sentence_id(),
    };
    alignment
        .related
        .iter()
        .map(|link| Related {
            members: [member(link.a), member(link.b)],
            score: link.probability,
        })
        .collect()
}

/// One source's part of a group: its sentence, or two adjacent sentences read as one.
struct Part<'a> {
    sentences: Vec<SentenceAt>,
    range: Range<usize>,
    tokens: std::borrow::Cow<'a, [Token]>,
}

impl<'a> Part<'a> {
    /// The part of `source` in `members` (sorted, one or two sentences).
    fn of(source: usize, members: &[SentenceAt], prepared: &'a [Prepared]) -> Part<'a> {
        let sentences: Vec<SentenceAt> = members
            .iter()
            .filter(|m| m.source == source)
            .copied()
            .collect();
        let p = &prepared[source];
        let range_of = |s: &SentenceAt| p.segmented.sentences[s.sentence].range.clone();
        let tokens_of = |s: &SentenceAt| p.tokens.get(s.sentence).map_or(&[][..], Vec::as_slice);
        let (first, last) = (sentences[0], sentences[sentences.len() - 1]);
        let tokens = if sentences.len() == 1 {
            std::borrow::Cow::Borrowed(tokens_of(&first))
        } else {
            std::borrow::Cow::Owned(sentences.iter().flat_map(tokens_of).cloned().collect())
        };
        Part {
            range: range_of(&first).start..range_of(&last).end,
            sentences,
            tokens,
        }
    }

    fn side(&'a self, text: &'a str) -> Side<'a> {
        Side {
            text,
            sentence: &self.range,
            tokens: &self.tokens,
        }
    }
}

/// Diffs and classifies one group, with its slots ([`diff::MemberDiff::slots`])
/// by source. A source with two sentences in the group is read as one
/// sentence, and its marks are cut at the sentences' bounds.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn build_group(
    id: GroupId,
    draft: &Draft,
    sources: &[Source],
    prepared: &[Prepared],
    elsewhere: &[Elsewhere],
) -> (Group, Slots) {
    // Only sources that are not members carry the group's information elsewhere.
    let elsewhere: Vec<Elsewhere> = elsewhere
        .iter()
        .filter(|e| !draft.members.iter().any(|m| m.source_id() == e.source))
        .copied()
        .collect();
    let mut in_group: Vec<usize> = draft.members.iter().map(|m| m.source).collect();
    in_group.dedup();
    let text = |source: usize| sources[source].text.as_str();
    let reference_part = Part::of(draft.reference.source, &draft.members, prepared);
    let reference = reference_part.side(text(draft.reference.source));
    let parts: Vec<Part<'_>> = in_group
        .iter()
        .filter(|&&s| s != draft.reference.source)
        .map(|&s| Part::of(s, &draft.members, prepared))
        .collect();
    let diffs: Vec<MemberDiff> = parts
        .iter()
        .map(|part| diff::diff(reference, part.side(text(part.sentences[0].source))))
        .collect();
    let reference_marks = if in_group.len() == 1 {
        diff::whole(reference.sentence, MarkKind::Added)
    } else {
        diff::reference_marks(reference, &diffs)
    };
    let mut members = Vec::new();
    let sentence_range = |s: &SentenceAt| &prepared[s.source].segmented.sentences[s.sentence].range;
    for s in &reference_part.sentences {
        members.push(Member {
            source: s.source_id(),
            sentence: s.sentence_id(),
            relation: Relation::Reference,
            differences: Vec::new(),
            marks: diff::report_marks(&reference_marks, sentence_range(s), reference),
        });
    }
    for (part, d) in parts.iter().zip(&diffs) {
        let member = part.side(text(part.sentences[0].source));
        let changed = d
            .changed_member
            .iter()
            .filter_map(|&i| member.tokens.get(i))
            .chain(
                d.changed_reference
                    .iter()
                    .filter_map(|&i| reference.tokens.get(i)),
            );
        let differences = classify::divergences(changed);
        for s in &part.sentences {
            members.push(Member {
                source: s.source_id(),
                sentence: s.sentence_id(),
                relation: Relation::Same,
                differences: differences.clone(),
                marks: diff::report_marks(&d.marks, sentence_range(s), reference),
            });
        }
    }
    sort_by(&mut members, |m| {
        [m.source.index() as u64, m.sentence.index() as u64, 0, 0]
    });
    let present: Vec<usize> = in_group
        .iter()
        .copied()
        .chain(elsewhere.iter().map(|e| e.source.index()))
        .collect();
    // A source with sentences past the limits may report it there.
    let unknown = |s: &SourceId| {
        let p = &prepared[s.index()];
        !present.contains(&s.index()) && p.coarse_from < p.segmented.sentences.len()
    };
    let mut group = Group {
        id,
        status: Status::Unique,
        score: draft.score,
        reference: members
            .iter()
            .position(|m| m.relation == Relation::Reference)
            .unwrap_or(0),
        members,
        missing: SourceId::all(sources.len())
            .filter(|s| !present.contains(&s.index()) && !unknown(s))
            .collect(),
        not_compared: SourceId::all(sources.len()).filter(unknown).collect(),
        elsewhere,
        by_hand: draft.by_hand,
    };
    classify::settle(&mut group);
    let reference_source = draft.reference.source_id();
    let slots = parts
        .iter()
        .zip(&diffs)
        .flat_map(|(part, d)| {
            let source = part.sentences[0].source_id();
            d.slots.iter().flat_map(move |(r, m, kind)| {
                [
                    (reference_source, r.clone(), *kind, source),
                    (source, m.clone(), *kind, reference_source),
                ]
            })
        })
        .collect();
    (group, slots)
}

/// A group's slots: which source, which bytes, what conflict they can hold,
/// and the source on the other side of the slot.
pub(crate) type Slots = Vec<classify::GroupSlot>;

/// Notices about sources: empty ones, cut sentences, too few sources.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn note_sources(sources: &[Source], prepared: &[Prepared], notices: &mut Vec<Notice>) {
    let mut with_content = 0;
    for (index, (source, p)) in sources.iter().zip(prepared).enumerate() {
        let content = (0..p.segmented.sentences.len())
            .filter(|&i| p.is_content(i))
            .count();
        if content == 0 {
            notices.push(Notice {
                kind: NoticeKind::EmptySource,
                source: Some(SourceId::new(index)),
                message: format!("Source {} has no article content.", label(index, source)),
            });
        } else {
            with_content += 1;
        }
        let cut = p
            .segmented
            .sentences
            .iter()
            .filter(|s| s.cut == Cut::Forced)
            .count();
        if cut > 0 {
            notices.push(Notice {
                kind: NoticeKind::LongSentencesCut,
                source: Some(SourceId::new(index)),
                message: format!("Source {} has sentences too long to compare whole; they were cut into {cut} pieces at word boundaries.", label(index, source)),
            });
        }
    }
    if with_content < 2 {
        notices.push(Notice {
            kind: NoticeKind::TooFewSources,
            source: None,
            message: format!(
                "{with_content} source(s) with content: there is nothing to compare them with."
            ),
        });
    }
}

/// The per-source part of the report.
/// What of a source is past the limits, as one sentence of the report: it
/// was not compared, so listing it sentence by sentence would only make the
/// report many times the size of the text (issue #17: 5 MB of one-word lines
/// made 673 MB of JSON).
fn not_compared(source: &Source, p: &Prepared) -> Option<SentenceReport> {
    let sentences = &p.segmented.sentences;
    let first = sentences.get(p.coarse_from)?;
    let end = sentences.last()?.range.end;
    Some(SentenceReport {
        start: first.range.start,
        end,
        text: source.text[first.range.start..end].to_owned(),
        boilerplate: false,
        boilerplate_kind: None,
        paragraph: first.paragraph,
        group: None,
        coarse: true,
    })
}

#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
fn source_reports(
    sources: &[Source],
    prepared: &[Prepared],
    groups: &[Group],
    group_of: &HashMap<SentenceAt, GroupId>,
) -> Vec<SourceReport> {
    sources
        .iter()
        .zip(prepared)
        .zip(SourceId::all(sources.len()))
        .map(|((source, p), id)| SourceReport {
            id: source.id.clone(),
            title: source.title.clone(),
            outlet: source.outlet.clone(),
            date: source.date.clone(),
            file: source.file.clone(),
            sentences: p.segmented.sentences[..p.coarse_from]
                .iter()
                .enumerate()
                .map(|(i, s)| SentenceReport {
                    start: s.range.start,
                    end: s.range.end,
                    text: source.text[s.range.clone()].to_owned(),
                    boilerplate: p.boilerplate[i].is_some(),
                    boilerplate_kind: p.boilerplate[i],
                    paragraph: s.paragraph,
                    group: group_of
                        .get(&SentenceAt {
                            source: id.index(),
                            sentence: i,
                        })
                        .copied(),
                    coarse: false,
                })
                .chain(not_compared(source, p))
                .collect(),
            omitted: groups
                .iter()
                .filter(|g| g.missing.contains(&id))
                .map(|g| g.id)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every progress call `compare` makes on `sources`.
    fn progress_of(sources: &[Source]) -> Vec<Progress> {
        let mut seen = Vec::new();
        compare(sources, &Config::default(), &mut |p| seen.push(p));
        seen
    }

    #[test]
    fn progress_never_goes_back_and_ends_done() {
        let text = |t: &str| Source {
            text: t.into(),
            ..Source::default()
        };
        for sources in [
            crate::seeds::bundled(),
            Vec::new(),
            vec![text(""), text("")],
            vec![text("One. Two."), text("Two. Three.")],
        ] {
            let seen = progress_of(&sources);
            assert_eq!(
                seen.first().map(|p| (p.stage, p.done)),
                Some((Stage::Reading, 0.0))
            );
            assert_eq!(
                seen.last().map(|p| (p.stage, p.done)),
                Some((Stage::Done, 1.0))
            );
            assert!(
                seen.windows(2)
                    .all(|w| w[0].done <= w[1].done && w[0].stage <= w[1].stage),
                "{seen:?}"
            );
            assert!(seen.iter().all(|p| (0.0..=1.0).contains(&p.done)));
        }
    }
}
