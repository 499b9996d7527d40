//! A group in words for screen readers and row headers: who reports it, who does not, and its status.

use crosscheck_engine::{Group, SourceId};

use crate::comparison::Comparison;
use crate::labels::{source_letter, status_words};

/// "Reported by A, B and D; not reported by C and E. Details conflict."
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
    if group.coverage() > 1 {
        text.push(' ');
        text.push_str(&capitalise(status_words(group.status)));
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
