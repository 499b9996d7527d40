//! Classify stage: decides from a member's diff whether it agrees with the reference, and a group's status.
//!
//! A changed word makes a member diverge unless it is a function word outside
//! quotation marks: "the"/"a" or a dropped "has" leave a group in agreement;
//! a different number, weekday, name, negation, content word, or any word
//! changed inside a quotation does not. Spelling variants and stems never
//! reach this stage as changes, because the diff compares keys.

use crate::normalize::{Token, WordClass};
use crate::report::{DivergenceKind, Relation, Status};

/// What kinds of words differ among `changed` tokens, sorted, without repeats.
pub fn divergences<'a>(changed: impl IntoIterator<Item = &'a Token>) -> Vec<DivergenceKind> {
    distinct(changed.into_iter().flat_map(token_divergences).collect())
}

/// `kinds` in order, without repeats (sorted through [`crate::order`]).
pub fn distinct(mut kinds: Vec<DivergenceKind>) -> Vec<DivergenceKind> {
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

/// A non-reference member's relation, from its divergences.
pub fn relation(divergences: &[DivergenceKind]) -> Relation {
    if divergences.is_empty() {
        Relation::Agree
    } else {
        Relation::Diverge
    }
}

/// A group's status from its members' relations.
pub fn status(relations: &[Relation]) -> Status {
    if relations.len() < 2 {
        Status::Unique
    } else if relations.contains(&Relation::Diverge) {
        Status::Diverge
    } else {
        Status::Agree
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

    #[test]
    fn statuses_follow_members() {
        assert_eq!(status(&[Relation::Reference]), Status::Unique);
        assert_eq!(
            status(&[Relation::Reference, Relation::Agree]),
            Status::Agree
        );
        assert_eq!(
            status(&[Relation::Reference, Relation::Agree, Relation::Diverge]),
            Status::Diverge
        );
    }
}
