//! The Crosscheck engine: puts news articles about one event side by side, sentence by sentence and word by word.
//!
//! # Brief overview
//!
//! A [`Source`] is one article: its text exactly as loaded plus the metadata
//! the text states. [`compare`] takes 2 to 100 of them and a [`Config`] and
//! returns a [`Report`]: every sentence of every source with its byte range,
//! and **groups** of sentences from different sources that report the same
//! information. Each group is `agree`, `diverge` or `unique`, lists the
//! sources that leave it out, and marks every member's words as `shared`,
//! `differs` or `only-here` against the group's reference sentence.
//!
//! The stages, one module each, in order:
//!
//! 1. [`segment`]: paragraphs and sentences as byte ranges.
//! 2. [`clean`]: promotions, captions, copyright lines… marked boilerplate.
//! 3. [`normalize`]: a comparison key and class per word ([`variants`] for spellings).
//! 4. [`align`]: sentences grouped across sources through an inverted index;
//!    then a person's corrections ([`Config::corrections`]: take out, move,
//!    join, keep apart, confirm) are applied to the groups (the correct stage).
//! 5. [`diff`]: each member diffed against the reference on keys.
//! 6. [`classify`]: agree / diverge / unique.
//! 7. [`facts`]: numbers, dates, names and quotations per sentence, compared
//!    across sources; every difference a [`Flag`] that explains itself.
//!
//! Last, [`overview`] sums the groups up per source (how much others also
//! report, what only it has, what it leaves out) and per pair of sources (how
//! alike they are), into [`Report::overview`].
//!
//! [`render`] draws a report as a plain-text table, Markdown, CSV or a printable HTML page;
//! [`classroom`] derives a worksheet and exercise answer keys from it.
//!
//! # A first comparison
//!
//! ```
//! use crosscheck_engine::{compare, Config, MarkKind, Source, Status};
//!
//! let source = |id: &str, text: &str| Source { id: id.into(), text: text.into(), ..Source::default() };
//! let sources = [
//!     source("a", "Trump spoke by phone with Putin on Wednesday. The call lasted 90 minutes.\nAdvertisement"),
//!     source("b", "The call lasted nearly 90 minutes. Trump spoke by phone with Putin on Tuesday."),
//! ];
//! let report = compare(&sources, &Config::default());
//!
//! // "Advertisement" is boilerplate: listed, never grouped.
//! assert!(report.sources[0].sentences[2].boilerplate);
//! // Each fact is one group, whatever order the sources tell them in.
//! assert_eq!(report.groups.len(), 2);
//! let call = report.groups.iter().find(|g| g.members[0].sentence.index() == 0).unwrap();
//! // Another weekday for the same call: the details conflict.
//! assert_eq!(call.status, Status::Conflict);
//! // The weekday is marked on source b, with the words it replaces in a.
//! let b = &call.members[1];
//! let conflict = b.marks.iter().find(|m| m.kind == MarkKind::Conflict).unwrap();
//! assert_eq!(&sources[1].text[conflict.start..conflict.end], "Tuesday");
//! ```
//!
//! The same report as text, for a terminal or a snapshot test:
//!
//! ```
//! # use crosscheck_engine::{compare, render, seeds, Config};
//! let report = compare(&seeds::bundled(), &Config::default());
//! let table = render::text(&report);
//! // The call, told by all five sources; 003's is the February call, on a
//! // Wednesday, in another sentence: each weekday is a detail only its source gives.
//! assert!(table.contains("Group 0 · adds details · 5 of 5 sources"));
//! ```
//!
//! # Facts: numbers, dates, names, quotations
//!
//! [`Report::facts`] holds what the facts stage found in every sentence and
//! the [`Flag`]s that compare it across sources. An explanation names sources
//! as `{N}`; the front end fills in its own names:
//!
//! ```
//! # use crosscheck_engine::{compare, seeds, Config, FlagKind, GroupId, SourceId};
//! let report = compare(&seeds::bundled(), &Config::default());
//! let weekday = report.facts.flags.iter().find(|f| f.kind == FlagKind::WeekdayConflict).unwrap();
//! assert_eq!(weekday.group, Some(GroupId::new(0)));
//! let letters = |n: SourceId| ["A", "B", "C", "D", "E"][n.index()].to_owned();
//! assert!(weekday.explain(letters).contains("source D says “Wednesday”"));
//! // Quotes by speaker, each with its quote group when other sources have it too.
//! let by_speaker = report.facts.quotes_by_speaker();
//! assert_eq!(by_speaker[0].0, Some("Donald Trump"));
//! ```
//!
//! `docs/facts.md` explains every rule for teachers.
//!
//! # Guarantees
//!
//! [`compare`] is total: it never panics and never fails, whatever the text
//! (empty, binary, right-to-left, one megabyte without a full stop). Work is
//! bounded by [`config::Limits`]; past them the engine compares less and says
//! so in [`Report::notices`]. Every byte range lies on character boundaries of
//! the source's text. The crate has no web dependency, no threads, no clock
//! and does no I/O, so it runs the same in WebAssembly.
#![warn(missing_docs)]

pub mod align;
pub mod calendar;
pub mod classify;
pub mod classroom;
pub mod clean;
pub mod config;
mod correct;
pub mod diff;
pub mod excerpt;
pub mod facts;
pub mod fold;
pub mod normalize;
pub mod order;
pub mod overview;
mod pipeline;
pub mod probe;
pub mod render;
pub mod report;
pub mod seeds;
pub mod segment;
pub mod source;
pub mod spellings;
pub mod synthetic;
pub mod variants;

pub use config::{
    ActorCheck, AlignConfig, BoilerplateMode, Config, FactScope, FactsConfig, FactsMode, Limits,
    PairModel, ReferenceChoice, SplitMode, Stemming,
};
pub use report::{
    ByHand, Correction, CorrectionOutcome, CorrectionResult, CorrectionsFile, DivergenceKind,
    Elsewhere, Facts, Flag, FlagKind, Group, GroupId, Mark, MarkKind, Member, Notice, NoticeKind,
    Progress, Related, RelatedMember, Relation, Report, SentenceId, SentenceRef, SentenceReport,
    Severity, SourceId, SourceReport, Stage, Status,
};
pub use source::{Headline, Source};

/// Compares `sources` and reports, for every piece of information, which
/// sources report it, in what words, where they differ and who leaves it out.
///
/// Total: never panics, never fails; problems (a source too long to compare
/// in full, an empty source) are reported in [`Report::notices`].
pub fn compare(sources: &[Source], config: &Config) -> Report {
    pipeline::compare(sources, config, &mut |_| {})
}

/// [`compare`], telling `progress` how far it has got: at each stage's start,
/// after each source while reading and after each group while diffing, with the
/// share of the whole work done (never decreasing; 1 when the report is ready).
/// For a front end that compares large sets in the background and shows a
/// progress bar.
///
/// ```
/// # use crosscheck_engine::{compare, compare_with_progress, seeds, Config, Stage};
/// let mut seen = Vec::new();
/// let report = compare_with_progress(&seeds::bundled(), &Config::default(), &mut |p| seen.push(p));
/// assert_eq!(report, compare(&seeds::bundled(), &Config::default()));
/// assert_eq!(seen.last().map(|p| (p.stage, p.done)), Some((Stage::Done, 1.0)));
/// assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
/// ```
pub fn compare_with_progress(
    sources: &[Source],
    config: &Config,
    progress: &mut dyn FnMut(Progress),
) -> Report {
    pipeline::compare(sources, config, progress)
}
