//! The wire layout (`wire.rs`) of every type that crosses to or from the worker: the request's sources, progress and the report (its overview included), and the articles read.
//!
//! Each struct is listed with all its fields and each enum with all its
//! variants; a field or variant the engine adds is a compile error here
//! until it is listed. The order of fields is the order on the wire.

use crosscheck_engine::report::{
    At, Attribution, BoilerplateKind, ByHand, CorrectionOutcome, CorrectionResult, DivergenceKind,
    Elsewhere, Facts, Flag, FlagKind, FlagSide, Group, Hedge, Mark, MarkKind, Member, NameEntry,
    NameForm, NameKind, Notice, NoticeKind, Overview, Quantity, QuantityKind, Quote, QuoteGroup,
    QuoteMember, QuoteRelation, Related, RelatedMember, Relation, Report, SentenceRef,
    SentenceReport, Severity, SharedRun, SharedWording, SourceFigures, SourceReport, Span,
    Spelling, Status, Variant, When, WhenKind,
};
use crosscheck_engine::{Progress, Source, Stage};
use crosscheck_import::PastedMeta;
use crosscheck_import::session::Article;

use super::wire::{wire_enum, wire_struct};
use crate::comparison::Request;

wire_struct! {
    Request { sources, reference, corrections }
    Article { source, url }
    PastedMeta { title, outlet, date, url }
    SentenceRef { source, start, end, text }
    CorrectionOutcome { index, result, message }
    Source { id, title, outlet, date, file, text }
    Progress { stage, done }
    Report { schema, sources, groups, related, variants, notices, facts, overview, corrections }
    SourceReport { id, title, outlet, date, file, sentences, omitted }
    SentenceReport { start, end, text, boilerplate, boilerplate_kind, paragraph, group, coarse }
    Group { id, status, score, reference, members, missing, elsewhere, not_compared, by_hand }
    Member { source, sentence, relation, differences, marks }
    Mark { start, end, kind, variant_of, against }
    Span { start, end }
    Elsewhere { source, sentence, group, score }
    Related { members, score }
    RelatedMember { source, sentence }
    Variant { key, spellings }
    Spelling { text, sources }
    Notice { kind, source, message }
    Facts { flags, quotes, quote_groups, quantities, dates, names, shared_wording }
    At { source, sentence, group, start, end }
    Flag { kind, severity, group, sides, explanation, quote_group }
    FlagSide { at, text }
    Quantity { at, text, kind, value, unit, noun, hedge, low, high }
    When { at, text, kind, value, part_of_day }
    NameEntry { id, name, kind, key, forms, titles, mentions }
    NameForm { text, sources }
    Quote { at, text, quotation, speaker, speaker_name, speaker_span, attribution, quote_group }
    QuoteGroup { id, speaker, reference, members }
    QuoteMember { quote, at, relation, marks }
    SharedWording { sources, words, shares, runs }
    SharedRun { words, sides, text }
    Overview { sources, similarity }
    SourceFigures { sentences, not_compared, boilerplate, shared_share, only_here, conflicts, omits }
}

wire_enum! {
    Stage [Reading, Aligning, Diffing, Facts, Done]
    BoilerplateKind [
        Label, Promotion, Copyright, CommentPolicy, Link, Caption, Credit, Dateline,
        RepeatedSubtitle, NoWords,
    ]
    Status [Conflict, Adds, Same, Unique]
    MarkKind [Conflict, Added, Reworded, Shared]
    Relation [Reference, Same, Adds, Conflict]
    DivergenceKind [Number, Date, Name, Negation, Quote, Content]
    NoticeKind [CoarseFallback, LongSentencesCut, EmptySource, TooFewSources, CorrectionDropped]
    ByHand [Corrected, Confirmed]
    CorrectionResult [Applied, AlreadySo, NotInPlay, NoLongerFits]
    FlagKind [
        NumberConflict, WeekdayConflict, DateConflict, ActorConflict, SpeakerConflict,
        QuoteReworded, QuoteTrimmed, QuoteParaphrased, SpelledDifferently, NamedDifferently,
        SharedWording,
    ]
    Severity [Conflict, Check, Note]
    QuantityKind [Amount, Ordinal]
    Hedge [Nearly, About, MoreThan, AtLeast, LessThan, UpTo, Many]
    WhenKind [Weekday, Date, Month, Year, Time, Relative]
    NameKind [Person, Organisation, Place, Other]
    Attribution [Named, Pronoun, Continued, None]
    QuoteRelation [Reference, Identical, Trimmed, Reworded, Paraphrased]
}
