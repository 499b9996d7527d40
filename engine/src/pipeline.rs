//! The pipeline behind [`crate::compare`]: runs the stages in order and assembles the [`Report`].
//!
//! segment → budget (work limits) → clean → normalize → align → diff →
//! classify → order groups → missing/elsewhere/omitted → variants → facts. Each stage
//! lives in its own module; this file only moves data between them, and tells a
//! [`Progress`] callback how far it has got (per source while reading, per group
//! while diffing, at the start of the other stages).

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Source;
use crate::align::{self, Alignment, Unit, UnitKey};
use crate::classify;
use crate::clean::{self, BoilerplateKind};
use crate::config::{BoilerplateMode, Config, ReferenceChoice};
use crate::diff::{self, MemberDiff, RawMark, Side};
use crate::facts;
use crate::normalize::{Lexicon, Normalizer, Spelling as TokenSpelling, Token, WordClass};
use crate::order::{float_key, sort_by};
use crate::report::{
    Elsewhere, Facts, Group, Mark, MarkKind, Member, Notice, NoticeKind, Relation, Report, SCHEMA,
    SentenceReport, SourceReport, Span, Spelling, Variant,
};
use crate::segment::{self, Cut, Segmented};

/// A stage of a comparison, as a progress callback hears of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Segmenting, cleaning and normalizing every source.
    Reading,
    /// Grouping sentences across sources.
    Aligning,
    /// Diffing and classifying each group.
    Diffing,
    /// Spelling variants, numbers, dates, names and quotations.
    Facts,
    /// The report is assembled.
    Done,
}

impl Stage {
    /// The share of the whole run done when this stage starts and when it ends.
    ///
    /// Measured as wasm in Chromium (where the app shows a progress bar) on the
    /// synthetic set of 100 articles of 1,000 words ([`crate::synthetic::Spec::LARGE`]):
    /// reading about 25%, aligning 30%, diffing 5%, facts 40%. (Natively aligning
    /// weighs more: 20%, 50%, 5%, 25%.) Coarse on purpose: the bar only has to move.
    fn span(self) -> (f32, f32) {
        match self {
            Stage::Reading => (0.0, 0.25),
            Stage::Aligning => (0.25, 0.55),
            Stage::Diffing => (0.55, 0.6),
            Stage::Facts => (0.6, 1.0),
            Stage::Done => (1.0, 1.0),
        }
    }
}

/// How far a comparison has got: its stage, and the share of the whole work
/// done, from 0 to 1, never decreasing from one call to the next.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The stage running now.
    pub stage: Stage,
    /// The share of the whole comparison done, 0 to 1.
    pub done: f32,
}

/// Turns stage steps into [`Progress`] calls.
struct Meter<'a> {
    report: &'a mut dyn FnMut(Progress),
}

impl Meter<'_> {
    /// `part` of `of` steps of `stage` are done.
    fn at(&mut self, stage: Stage, part: usize, of: usize) {
        let (start, end) = stage.span();
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

/// Which sentence of which source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct SentenceId {
    source: usize,
    sentence: usize,
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
    members: Vec<SentenceId>,
    reference: SentenceId,
}

/// Compares `sources`, telling `progress` how far it has got; see [`crate::compare_with_progress`].
pub fn compare(sources: &[Source], config: &Config, progress: &mut dyn FnMut(Progress)) -> Report {
    let mut meter = Meter { report: progress };
    meter.at(Stage::Reading, 0, 1);
    let mut notices = Vec::new();
    let mut prepared = prepare(sources, config, &mut notices, &mut meter);
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
    let (ids, units) = units(sources, &prepared);
    meter.at(Stage::Aligning, 0, 1);
    let alignment = align::align(&units, &config.align, &config.limits);
    let mut drafts = drafts(&prepared, &ids, &alignment);
    prefer_reference(&mut drafts, config.reference);
    sort_by(&mut drafts, |d| {
        let first = d.members[0];
        [
            u64::MAX - d.members.len() as u64,
            first.source as u64,
            first.sentence as u64,
            0,
        ]
    });
    let group_of: HashMap<SentenceId, usize> = drafts
        .iter()
        .enumerate()
        .flat_map(|(g, d)| d.members.iter().map(move |&m| (m, g)))
        .collect();
    let elsewhere = elsewhere_links(&ids, &alignment, &group_of);
    let groups: Vec<Group> = drafts
        .iter()
        .enumerate()
        .map(|(g, draft)| {
            meter.at(Stage::Diffing, g, drafts.len());
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
    let variants = variants(sources, &prepared, normalizer.lexicon());
    note_sources(sources, &prepared, &mut notices);
    let facts = facts(
        sources,
        &prepared,
        &group_of,
        normalizer.lexicon(),
        &variants,
        config,
    );
    let report = Report {
        schema: SCHEMA.to_owned(),
        sources: source_reports(sources, &prepared, &groups, &group_of),
        groups,
        variants,
        notices,
        facts,
    };
    meter.at(Stage::Done, 1, 1);
    report
}

/// Runs the facts stage on the compared content sentences.
fn facts(
    sources: &[Source],
    prepared: &[Prepared],
    group_of: &HashMap<SentenceId, usize>,
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
                source,
                sentence,
                paragraph: s.paragraph,
                group: group_of.get(&SentenceId { source, sentence }).copied(),
                range: &s.range,
                tokens: p.tokens.get(sentence).map_or(&[][..], Vec::as_slice),
            });
        }
    }
    facts::extract(sources, &sentences, lexicon, variants, config)
}

/// Segments every source, applies the word budget and runs the clean stage.
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
            for (i, sentence) in segmented.sentences.iter().enumerate() {
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
        source: Some(index),
        message: format!(
            "Source {} is too long to compare in full: its sentences from byte {at} on ({} of {}) are listed but not compared (limits: {} words per source, {} words in all).",
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
fn units(sources: &[Source], prepared: &[Prepared]) -> (Vec<SentenceId>, Vec<Unit>) {
    let mut ids = Vec::new();
    let mut units = Vec::new();
    for (source, p) in prepared.iter().enumerate() {
        for (sentence, tokens) in p.tokens.iter().enumerate() {
            if !p.is_compared(sentence) {
                continue;
            }
            ids.push(SentenceId { source, sentence });
            units.push(Unit {
                source,
                keys: content_keys(&sources[source].text, tokens),
            });
        }
    }
    (ids, units)
}

/// The words that carry information, in order, each with the mention it belongs to.
fn content_keys(text: &str, tokens: &[Token]) -> Vec<UnitKey> {
    tokens
        .iter()
        .zip(mentions(text, tokens))
        .filter(|(token, _)| !matches!(token.class, WordClass::Function | WordClass::Negation))
        .map(|(token, mention)| UnitKey {
            key: token.key,
            class: token.class,
            mention,
        })
        .collect()
}

/// Each word's mention number: a run of names joined by spaces, hyphens or
/// dots ("U.S. President Donald Trump"), with up to [`MAX_TITLE_WORDS`] lower-case
/// title words between two of its names ("White House special envoy Steve
/// Witkoff"), shares one; every other word has its own.
fn mentions(text: &str, tokens: &[Token]) -> Vec<u32> {
    let joined = |i: usize| {
        text.get(tokens[i - 1].range.end..tokens[i].range.start)
            .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-' || c == '.'))
    };
    let is_name = |i: usize| tokens[i].class == WordClass::Name;
    let is_title = |i: usize| {
        tokens[i].class == WordClass::Content
            && text
                .get(tokens[i].range.clone())
                .is_some_and(|word| TITLE_WORDS.iter().any(|t| word.eq_ignore_ascii_case(t)))
    };
    let mut mention = 0;
    let mut out: Vec<u32> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        out.push(mention);
        let mut end = i + 1;
        if is_name(i) {
            while end < tokens.len() && joined(end) {
                let titles = (end..tokens.len())
                    .take_while(|&k| joined(k) && is_title(k))
                    .count();
                let next = end + titles;
                if titles > MAX_TITLE_WORDS
                    || next >= tokens.len()
                    || !joined(next)
                    || !is_name(next)
                {
                    break;
                }
                out.extend(std::iter::repeat_n(mention, titles + 1));
                end = next + 1;
            }
        }
        i = end;
        mention += 1;
    }
    out
}

/// Title words a multi-word name may hold between two of its names, at most this many in a row.
const MAX_TITLE_WORDS: usize = 3;

/// Lower-case words of a title between two names ("White House special envoy
/// Steve Witkoff", "Kremlin spokesman Dmitry Peskov"). Any other word there
/// (a verb: "Witkoff met Putin") ends the name.
const TITLE_WORDS: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "chairman",
    "chief",
    "commander",
    "correspondent",
    "defence",
    "defense",
    "deputy",
    "diplomat",
    "director",
    "envoy",
    "executive",
    "foreign",
    "former",
    "general",
    "governor",
    "head",
    "interior",
    "leader",
    "minister",
    "national",
    "negotiator",
    "official",
    "press",
    "prime",
    "secretary",
    "security",
    "senator",
    "senior",
    "special",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "top",
    "vice",
];

/// Groups from the alignment plus one unique group per content sentence past the limits.
fn drafts(prepared: &[Prepared], ids: &[SentenceId], alignment: &Alignment) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = alignment
        .groups
        .iter()
        .zip(&alignment.references)
        .map(|(group, &reference)| Draft {
            members: group.iter().map(|&u| ids[u]).collect(),
            reference: ids[reference],
        })
        .collect();
    for (source, p) in prepared.iter().enumerate() {
        for sentence in p.coarse_from..p.segmented.sentences.len() {
            let id = SentenceId { source, sentence };
            drafts.push(Draft {
                members: vec![id],
                reference: id,
            });
        }
    }
    for draft in &mut drafts {
        sort_by(&mut draft.members, |m| {
            [m.source as u64, m.sentence as u64, 0, 0]
        });
    }
    drafts
}

/// Makes the chosen source's sentence the reference of every group it belongs to.
fn prefer_reference(drafts: &mut [Draft], choice: ReferenceChoice) {
    let ReferenceChoice::Source(source) = choice else {
        return;
    };
    for draft in drafts {
        if let Some(&member) = draft.members.iter().find(|m| m.source == source) {
            draft.reference = member;
        }
    }
}

/// For each group, the sources that carry its information in a sentence of another group, best first.
fn elsewhere_links(
    ids: &[SentenceId],
    alignment: &Alignment,
    group_of: &HashMap<SentenceId, usize>,
) -> HashMap<usize, Vec<Elsewhere>> {
    let mut links: Vec<(usize, usize, f32)> = alignment.elsewhere.clone();
    // Best first, as `total_cmp` descending, then by the pair.
    sort_by(&mut links, |&(a, b, score)| {
        [u64::MAX - float_key(score), a as u64, b as u64, 0]
    });
    let mut out: HashMap<usize, Vec<Elsewhere>> = HashMap::default();
    for (a, b, _) in links {
        for (here, there) in [(ids[a], ids[b]), (ids[b], ids[a])] {
            let (Some(&group), Some(&other)) = (group_of.get(&here), group_of.get(&there)) else {
                continue;
            };
            let entry = out.entry(group).or_default();
            if !entry.iter().any(|e| e.source == there.source) {
                entry.push(Elsewhere {
                    source: there.source,
                    sentence: there.sentence,
                    group: other,
                });
            }
        }
    }
    out
}

/// Diffs and classifies one group.
fn build_group(
    id: usize,
    draft: &Draft,
    sources: &[Source],
    prepared: &[Prepared],
    elsewhere: &[Elsewhere],
) -> Group {
    // Only sources that are not members carry the group's information elsewhere.
    let elsewhere: Vec<Elsewhere> = elsewhere
        .iter()
        .filter(|e| !draft.members.iter().any(|m| m.source == e.source))
        .copied()
        .collect();
    let side = |s: SentenceId| Side {
        text: &sources[s.source].text,
        sentence: &prepared[s.source].segmented.sentences[s.sentence].range,
        tokens: prepared[s.source]
            .tokens
            .get(s.sentence)
            .map_or(&[][..], Vec::as_slice),
    };
    let reference = side(draft.reference);
    let mut diffs: Vec<(SentenceId, MemberDiff)> = Vec::new();
    for &member in draft.members.iter().filter(|&&m| m != draft.reference) {
        diffs.push((member, diff::diff(reference, side(member))));
    }
    let plain: Vec<MemberDiff> = diffs.iter().map(|(_, d)| d.clone()).collect();
    let reference_marks = if draft.members.len() == 1 {
        diff::whole(reference.sentence, MarkKind::OnlyHere)
    } else {
        diff::reference_marks(reference, &plain)
    };
    let mut members = vec![Member {
        source: draft.reference.source,
        sentence: draft.reference.sentence,
        relation: Relation::Reference,
        differences: Vec::new(),
        marks: report_marks(&reference_marks, reference),
    }];
    for (id, d) in &diffs {
        let member = side(*id);
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
        members.push(Member {
            source: id.source,
            sentence: id.sentence,
            relation: classify::relation(&differences),
            differences,
            marks: report_marks(&d.marks, reference),
        });
    }
    sort_by(&mut members, |m| [m.source as u64, m.sentence as u64, 0, 0]);
    let relations: Vec<Relation> = members.iter().map(|m| m.relation).collect();
    let present: Vec<usize> = draft
        .members
        .iter()
        .map(|m| m.source)
        .chain(elsewhere.iter().map(|e| e.source))
        .collect();
    Group {
        id,
        status: classify::status(&relations),
        reference: members
            .iter()
            .position(|m| m.relation == Relation::Reference)
            .unwrap_or(0),
        members,
        missing: (0..sources.len())
            .filter(|s| !present.contains(s))
            .collect(),
        elsewhere,
    }
}

/// Report marks from raw marks; `variant_of` and `against` point into the reference.
fn report_marks(marks: &[RawMark], reference: Side<'_>) -> Vec<Mark> {
    marks
        .iter()
        .map(|m| Mark {
            start: m.range.start,
            end: m.range.end,
            kind: m.kind,
            variant_of: m.variant_of.clone().map(|r| reference.text[r].to_owned()),
            against: m.against.clone().map(|r: Range<usize>| Span {
                start: r.start,
                end: r.end,
            }),
        })
        .collect()
}

/// Words with several spellings across the set, from tokens whose key came from a variant table or folding.
fn variants(sources: &[Source], prepared: &[Prepared], lexicon: &Lexicon) -> Vec<Variant> {
    let mut by_key: Vec<(u32, Vec<Spelling>)> = Vec::new();
    let mut lowered: Vec<Vec<String>> = Vec::new();
    for (source, p) in prepared.iter().enumerate() {
        for token in p
            .tokens
            .iter()
            .flatten()
            .filter(|t| t.spelling == TokenSpelling::Variant)
        {
            let written = &sources[source].text[token.range.clone()];
            let index = match by_key.iter().position(|(k, _)| *k == token.key) {
                Some(i) => i,
                None => {
                    by_key.push((token.key, Vec::new()));
                    lowered.push(Vec::new());
                    by_key.len() - 1
                }
            };
            let lower = written.to_lowercase();
            match lowered[index].iter().position(|l| *l == lower) {
                Some(s) => {
                    let sources = &mut by_key[index].1[s].sources;
                    if !sources.contains(&source) {
                        sources.push(source);
                    }
                }
                None => {
                    lowered[index].push(lower);
                    by_key[index].1.push(Spelling {
                        text: written.to_owned(),
                        sources: vec![source],
                    });
                }
            }
        }
    }
    by_key
        .into_iter()
        .filter(|(_, spellings)| spellings.len() > 1)
        .map(|(key, spellings)| Variant {
            key: lexicon.key(key).to_owned(),
            spellings,
        })
        .collect()
}

/// Notices about sources: empty ones, cut sentences, too few sources.
fn note_sources(sources: &[Source], prepared: &[Prepared], notices: &mut Vec<Notice>) {
    let mut with_content = 0;
    for (index, (source, p)) in sources.iter().zip(prepared).enumerate() {
        let content = (0..p.segmented.sentences.len())
            .filter(|&i| p.is_content(i))
            .count();
        if content == 0 {
            notices.push(Notice {
                kind: NoticeKind::EmptySource,
                source: Some(index),
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
                source: Some(index),
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
fn source_reports(
    sources: &[Source],
    prepared: &[Prepared],
    groups: &[Group],
    group_of: &HashMap<SentenceId, usize>,
) -> Vec<SourceReport> {
    sources
        .iter()
        .zip(prepared)
        .enumerate()
        .map(|(index, (source, p))| SourceReport {
            id: source.id.clone(),
            title: source.title.clone(),
            outlet: source.outlet.clone(),
            date: source.date.clone(),
            file: source.file.clone(),
            sentences: p
                .segmented
                .sentences
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
                        .get(&SentenceId {
                            source: index,
                            sentence: i,
                        })
                        .copied(),
                    coarse: i >= p.coarse_from,
                })
                .collect(),
            omitted: groups
                .iter()
                .filter(|g| g.missing.contains(&index))
                .map(|g| g.id)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` grouped by mention, `|` between mentions.
    fn check(text: &str, expect: &str) {
        let mut normalizer = Normalizer::new(&Config::default());
        let tokens = normalizer.tokens(text, 0..text.len());
        let mut shown = String::new();
        for (i, (token, mention)) in tokens.iter().zip(mentions(text, &tokens)).enumerate() {
            if i > 0 {
                let same = mentions(text, &tokens)[i - 1] == mention;
                shown.push_str(if same { " " } else { " | " });
            }
            shown.push_str(&text[token.range.clone()]);
        }
        assert_eq!(shown, expect);
    }

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

    #[test]
    fn a_name_with_its_title_is_one_mention() {
        check(
            "Then White House special envoy Steve Witkoff met Russian President Vladimir Putin and Trump",
            "Then | White House special envoy Steve Witkoff | met | Russian President Vladimir Putin | and | Trump",
        );
    }

    #[test]
    fn lower_case_words_after_a_name_or_between_two_far_apart_stay_apart() {
        check(
            "The White House press office said Trump",
            "The | White House | press | office | said | Trump",
        );
        check(
            "They saw Putin, special envoy Witkoff",
            "They | saw | Putin | special | envoy | Witkoff",
        );
    }
}
