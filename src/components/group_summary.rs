//! A group in words for screen readers and row headers: who reports it, who does not, what differs.

use crosscheck_engine::{Group, SourceId};

use crate::comparison::Comparison;
use crate::labels::{divergence_words, group_divergences, source_letter};

/// "Reported by A, B and D; not reported by C and E; a date or day differs."
pub fn spoken_summary(comparison: &Comparison, group: &Group) -> String {
    let letters = |sources: &mut dyn Iterator<Item = SourceId>| -> String {
        let names: Vec<String> = sources
            .map(|s| source_letter(comparison.set_index(s)))
            .collect();
        match names.as_slice() {
            [] => "none".to_owned(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    };
    let reported = letters(&mut group.sources().into_iter());
    let missing = letters(&mut group.missing.iter().copied());
    let mut text = format!("Reported by {reported}; not reported by {missing}.");
    if let Some(differs) = divergence_words(&group_divergences(group)) {
        text.push(' ');
        text.push_str(&capitalise(&differs));
        text.push('.');
    }
    text
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
