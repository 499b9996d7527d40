//! Words for what the report says: status names, row headers, mark titles, flag kinds.
//!
//! Kept apart from the components so that the wording a student reads is in
//! one place and tested natively.

use crosscheck_engine::report::QuoteRelation;
use crosscheck_engine::{FlagKind, Group, MarkKind, SourceId, Status};

use crate::comparison::ArticleIndex;

/// The letter shown for a loaded article: A…Z, then AA, AB…, by its
/// position in the set (a source keeps its letter while others are switched off).
pub fn source_letter(article: ArticleIndex) -> String {
    crosscheck_engine::render::source_letter(article.index())
}

/// A status in plain words: the engine's, so the page, the reports and the
/// worksheet say the same ("details conflict", "adds details", "same
/// information", "one source only").
pub fn status_words(status: Status) -> &'static str {
    status.words()
}

/// The row header of a group: "3 of 5 sources · details conflict"; `letter`
/// names a report source.
pub fn group_heading(group: &Group, sources: usize, letter: impl Fn(SourceId) -> String) -> String {
    let reporting = group.coverage();
    let status = match group.status {
        Status::Unique => {
            let only = group.members.first().map_or(SourceId::new(0), |m| m.source);
            format!("only in {}", letter(only))
        }
        other => status_words(other).to_owned(),
    };
    format!("{reporting} of {sources} sources · {status}")
}

/// How likely a possibly related sentence is to carry the information, in
/// words a reader can weigh: "17% likely".
pub fn likelihood(score: f32) -> String {
    format!("{}% likely", (score.clamp(0.0, 1.0) * 100.0).round() as u32)
}

/// The label shown on hover and focus for a marked run of words.
pub fn mark_title(kind: MarkKind, is_reference: bool) -> Option<&'static str> {
    match (kind, is_reference) {
        (MarkKind::Shared, _) => None,
        (MarkKind::Conflict, false) => Some("conflicts with the reference"),
        (MarkKind::Conflict, true) => Some("another source gives another value"),
        (MarkKind::Added, false) => Some("a detail only in this source"),
        (MarkKind::Added, true) => Some("a detail some sources leave out"),
        (MarkKind::Reworded, _) => Some("the same information in other words"),
    }
}

/// A flag kind in plain words.
pub fn flag_label(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::NumberConflict => "numbers differ",
        FlagKind::WeekdayConflict => "days differ",
        FlagKind::DateConflict => "dates differ",
        FlagKind::ActorConflict => "who did it differs",
        FlagKind::SpeakerConflict => "speaker differs",
        FlagKind::QuoteReworded => "quote worded differently",
        FlagKind::QuoteTrimmed => "quote shortened",
        FlagKind::QuoteParaphrased => "quote given as paraphrase",
        FlagKind::SpelledDifferently => "spelled differently",
        FlagKind::NamedDifferently => "named differently",
        FlagKind::SharedWording => "same wording",
    }
}

/// How a quotation's version relates to the fullest one, in plain words.
pub fn quote_relation_label(relation: QuoteRelation) -> &'static str {
    match relation {
        QuoteRelation::Reference => "fullest version",
        QuoteRelation::Identical => "same words",
        QuoteRelation::Trimmed => "shortened",
        QuoteRelation::Reworded => "worded differently",
        QuoteRelation::Paraphrased => "without quotation marks",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_letters_continue_past_z() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 99]
            .map(|n| source_letter(ArticleIndex::new(n)))
            .to_vec();
        assert_eq!(letters, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "CV"]);
    }

    #[test]
    fn likelihoods_are_whole_percentages() {
        assert_eq!(likelihood(0.174), "17% likely");
        assert_eq!(likelihood(1.2), "100% likely");
    }
}
