//! Correct stage: applies a person's corrections ([`Correction`]) to the aligned rows, before the word diff, so statuses, omissions, flags and keys come from the corrected rows.
//!
//! Corrections are applied in the order they were made, so a later one wins.
//! Each names its sentences by source id, byte range and words; the pipeline
//! resolves them ([`Found`]) and a sentence that is not there as it was is
//! never replaced by another: the correction is reported as no longer
//! fitting. A row holds one sentence per source, or two adjacent sentences
//! of one source (one fact told in two sentences), as the align stage makes
//! them; a correction that would break that moves the odd sentence to a row
//! of its own.

use rustc_hash::FxHashMap as HashMap;

use crate::report::{ByHand, Correction, CorrectionOutcome, CorrectionResult, SentenceRef};

/// A sentence as positions: its source and its index there.
pub(crate) type At = (usize, usize);

/// One row being corrected.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    /// Its sentences, in no particular order (the pipeline sorts them).
    pub members: Vec<At>,
    /// The sentence the others are compared with.
    pub reference: At,
    /// How sure the grouping is (1 once a person has decided).
    pub score: f32,
    /// Whether a person corrected or confirmed it.
    pub by_hand: Option<ByHand>,
}

impl Row {
    fn single(at: At) -> Row {
        Row {
            members: vec![at],
            reference: at,
            score: 1.0,
            by_hand: Some(ByHand::Corrected),
        }
    }
}

/// Where a correction's sentence is in this comparison.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Found {
    /// At these positions, and compared.
    At(At),
    /// Its source is not in this comparison.
    NotInPlay,
    /// It cannot be used: why, for a person.
    Gone(String),
}

/// What applying the corrections found.
#[derive(Debug, Default)]
pub(crate) struct Applied {
    /// One per correction, in order.
    pub outcomes: Vec<CorrectionOutcome>,
    /// Sentences a person said are not the same information as the row of
    /// another sentence: `(sentence, from)`.
    pub apart: Vec<(At, At)>,
}

/// Applies `corrections` (at most `max` of them) to `rows`; `find` resolves a sentence.
pub(crate) fn apply(
    rows: &mut Vec<Row>,
    corrections: &[Correction],
    max: usize,
    find: &dyn Fn(&SentenceRef) -> Found,
) -> Applied {
    let mut rows_of = Rows::new(std::mem::take(rows));
    let mut applied = Applied::default();
    for (index, correction) in corrections.iter().enumerate() {
        let (result, message) = if index >= max {
            (
                CorrectionResult::NoLongerFits,
                Some(format!(
                    "Correction {} was not applied: at most {max} corrections are applied.",
                    index + 1
                )),
            )
        } else {
            match resolve(correction, find) {
                Err((result, message)) => (result, message.map(|m| numbered(index, m))),
                Ok(at) => (rows_of.apply(correction, &at, &mut applied), None),
            }
        };
        applied.outcomes.push(CorrectionOutcome {
            index,
            result,
            message,
        });
    }
    *rows = rows_of.finish();
    applied
}

fn numbered(index: usize, message: String) -> String {
    format!("Correction {} was not applied: {message}", index + 1)
}

/// The positions of every sentence `correction` names, or why it cannot be applied.
fn resolve(
    correction: &Correction,
    find: &dyn Fn(&SentenceRef) -> Found,
) -> Result<Vec<At>, (CorrectionResult, Option<String>)> {
    let mut out = Vec::new();
    for sentence in correction.sentences() {
        match find(sentence) {
            Found::At(at) => out.push(at),
            Found::NotInPlay => return Err((CorrectionResult::NotInPlay, None)),
            Found::Gone(why) => return Err((CorrectionResult::NoLongerFits, Some(why))),
        }
    }
    Ok(out)
}

/// The rows and which row holds each sentence.
struct Rows {
    rows: Vec<Row>,
    row_of: HashMap<At, usize>,
}

impl Rows {
    fn new(rows: Vec<Row>) -> Rows {
        let row_of = rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| row.members.iter().map(move |&m| (m, r)))
            .collect();
        Rows { rows, row_of }
    }

    fn finish(self) -> Vec<Row> {
        self.rows
            .into_iter()
            .filter(|r| !r.members.is_empty())
            .collect()
    }

    fn apply(
        &mut self,
        correction: &Correction,
        at: &[At],
        applied: &mut Applied,
    ) -> CorrectionResult {
        let (Some(&first), second) = (at.first(), at.get(1).copied()) else {
            return CorrectionResult::AlreadySo;
        };
        let (Some(&from), to) = (
            self.row_of.get(&first),
            second.and_then(|s| self.row_of.get(&s).copied()),
        ) else {
            return CorrectionResult::AlreadySo;
        };
        match (correction, to) {
            (Correction::TakeOut { .. }, _) => self.take_out(first),
            (Correction::Move { .. }, Some(to)) => self.move_into(first, to),
            (Correction::Join { .. }, Some(to)) => self.join(from, to),
            (Correction::Apart { .. }, _) => {
                let (Some(second), Some(to)) = (second, to) else {
                    return CorrectionResult::AlreadySo;
                };
                applied.apart.push((first, second));
                if from == to {
                    self.take_out(first);
                } else {
                    // Each row loses a suggestion: a person had a hand in both.
                    corrected(&mut self.rows[from]);
                    corrected(&mut self.rows[to]);
                }
                CorrectionResult::Applied
            }
            (Correction::Confirm { .. }, _) => {
                let row = &mut self.rows[from];
                if row.by_hand.is_none() {
                    row.by_hand = Some(ByHand::Confirmed);
                    row.score = 1.0;
                }
                CorrectionResult::Applied
            }
            _ => CorrectionResult::AlreadySo,
        }
    }

    /// `at` becomes a row of its own.
    fn take_out(&mut self, at: At) -> CorrectionResult {
        let r = self.row_of[&at];
        if self.rows[r].members.len() == 1 {
            return CorrectionResult::AlreadySo;
        }
        self.remove(r, at);
        self.push(Row::single(at));
        CorrectionResult::Applied
    }

    /// `at` moves into row `to`.
    fn move_into(&mut self, at: At, to: usize) -> CorrectionResult {
        let from = self.row_of[&at];
        if from == to {
            return CorrectionResult::AlreadySo;
        }
        self.remove(from, at);
        // Sentences of the same source that `at` would not be adjacent to leave.
        let same: Vec<At> = (self.rows[to].members.iter())
            .filter(|m| m.0 == at.0)
            .copied()
            .collect();
        if !same.is_empty() && !forms_run(&same, at) {
            for m in same {
                self.remove(to, m);
                self.push(Row::single(m));
            }
        }
        self.add(to, at);
        CorrectionResult::Applied
    }

    /// Row `from` joins row `to`; a sentence that cannot join stays where it is.
    fn join(&mut self, to: usize, from: usize) -> CorrectionResult {
        if from == to {
            return CorrectionResult::AlreadySo;
        }
        let moving = self.rows[from].members.clone();
        let mut moved = false;
        for at in moving {
            if self.row_of.get(&at) != Some(&from) {
                // Tidied into a row of its own by an earlier step.
                continue;
            }
            let same: Vec<At> = (self.rows[to].members.iter())
                .filter(|m| m.0 == at.0)
                .copied()
                .collect();
            if same.is_empty() || forms_run(&same, at) {
                self.remove(from, at);
                self.add(to, at);
                moved = true;
            }
        }
        if moved {
            CorrectionResult::Applied
        } else {
            CorrectionResult::AlreadySo
        }
    }

    fn push(&mut self, row: Row) {
        let r = self.rows.len();
        for &m in &row.members {
            self.row_of.insert(m, r);
        }
        self.rows.push(row);
    }

    fn add(&mut self, r: usize, at: At) {
        let row = &mut self.rows[r];
        row.members.push(at);
        corrected(row);
        self.row_of.insert(at, r);
    }

    /// Takes `at` out of row `r`; sentences of its source left out of a run become rows of their own.
    fn remove(&mut self, r: usize, at: At) {
        let row = &mut self.rows[r];
        row.members.retain(|&m| m != at);
        corrected(row);
        let same: Vec<At> = row
            .members
            .iter()
            .filter(|m| m.0 == at.0)
            .copied()
            .collect();
        if !is_run(&same) {
            // Keep the first sentence; the others go.
            for &m in &same[1..] {
                self.rows[r].members.retain(|&x| x != m);
                self.push(Row::single(m));
            }
        }
        let row = &mut self.rows[r];
        if !row.members.contains(&row.reference)
            && let Some(&first) = row.members.first()
        {
            row.reference = first;
        }
    }
}

fn corrected(row: &mut Row) {
    row.by_hand = Some(ByHand::Corrected);
    row.score = 1.0;
}

/// Whether sentences of one source are a run of adjacent sentences.
fn is_run(same: &[At]) -> bool {
    let Some(low) = same.iter().map(|m| m.1).min() else {
        return true;
    };
    let high = same.iter().map(|m| m.1).max().unwrap_or(low);
    high - low + 1 == same.len()
}

/// Whether `same` and `at` (one source) together are two adjacent
/// sentences: a row holds at most two of a source, as the align stage makes them.
fn forms_run(same: &[At], at: At) -> bool {
    let mut all = same.to_vec();
    all.push(at);
    all.len() <= 2 && !same.contains(&at) && is_run(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(source: usize, sentence: usize) -> SentenceRef {
        SentenceRef {
            source: source.to_string(),
            start: sentence,
            end: sentence + 1,
            text: String::new(),
        }
    }

    fn find(r: &SentenceRef) -> Found {
        match r.source.as_str() {
            "9" => Found::NotInPlay,
            "8" => Found::Gone("it was edited".into()),
            s => Found::At((s.parse().unwrap_or(0), r.start)),
        }
    }

    /// Rows as lists of `(source, sentence)`; checks the rows after
    /// `corrections` and each correction's result.
    fn check(
        rows: &[&[At]],
        corrections: &[Correction],
        expect: &[&[At]],
        results: &[CorrectionResult],
    ) {
        let mut rows: Vec<Row> = rows
            .iter()
            .map(|members| Row {
                members: members.to_vec(),
                reference: members[0],
                score: 0.5,
                by_hand: None,
            })
            .collect();
        let applied = apply(&mut rows, corrections, 10, &find);
        let mut got: Vec<Vec<At>> = rows
            .iter()
            .map(|r| {
                let mut m = r.members.clone();
                m.sort();
                m
            })
            .collect();
        got.sort();
        let mut want: Vec<Vec<At>> = expect.iter().map(|r| r.to_vec()).collect();
        want.sort();
        assert_eq!(got, want);
        let got: Vec<CorrectionResult> = applied.outcomes.iter().map(|o| o.result).collect();
        assert_eq!(got, results);
        for row in &rows {
            assert!(row.members.contains(&row.reference), "{row:?}");
        }
    }

    use CorrectionResult::{AlreadySo, Applied as Done, NoLongerFits, NotInPlay};

    #[test]
    fn take_out_makes_a_row_of_its_own() {
        check(
            &[&[(0, 1), (1, 4), (2, 2)]],
            &[Correction::TakeOut {
                sentence: sentence(0, 1),
            }],
            &[&[(1, 4), (2, 2)], &[(0, 1)]],
            &[Done],
        );
        check(
            &[&[(0, 1)]],
            &[Correction::TakeOut {
                sentence: sentence(0, 1),
            }],
            &[&[(0, 1)]],
            &[AlreadySo],
        );
    }

    #[test]
    fn move_displaces_a_sentence_of_the_same_source_unless_adjacent() {
        check(
            &[&[(0, 1), (1, 4)], &[(0, 5)], &[(1, 5)]],
            &[
                Correction::Move {
                    sentence: sentence(0, 5),
                    into: sentence(1, 4),
                },
                Correction::Move {
                    sentence: sentence(1, 5),
                    into: sentence(0, 5),
                },
            ],
            &[&[(0, 5), (1, 4), (1, 5)], &[(0, 1)]],
            &[Done, Done],
        );
    }

    #[test]
    fn join_keeps_a_clashing_sentence_in_its_row() {
        check(
            &[&[(0, 1), (1, 4)], &[(0, 7), (2, 2)]],
            &[Correction::Join {
                sentence: sentence(1, 4),
                with: sentence(2, 2),
            }],
            &[&[(0, 1), (1, 4), (2, 2)], &[(0, 7)]],
            &[Done],
        );
    }

    #[test]
    fn apart_splits_a_row_and_is_remembered() {
        let mut rows = vec![Row {
            members: vec![(0, 1), (1, 4)],
            reference: (0, 1),
            score: 0.5,
            by_hand: None,
        }];
        let applied = apply(
            &mut rows,
            &[Correction::Apart {
                sentence: sentence(0, 1),
                from: sentence(1, 4),
            }],
            10,
            &find,
        );
        assert_eq!(rows.len(), 2);
        assert_eq!(applied.apart, [((0, 1), (1, 4))]);
        assert_eq!(rows[0].reference, (1, 4));
    }

    #[test]
    fn taking_the_middle_of_a_run_leaves_no_gap() {
        check(
            &[&[(0, 1), (0, 2), (0, 3), (1, 4)]],
            &[Correction::TakeOut {
                sentence: sentence(0, 2),
            }],
            &[&[(0, 1), (1, 4)], &[(0, 2)], &[(0, 3)]],
            &[Done],
        );
    }

    #[test]
    fn corrections_that_do_not_fit_are_reported_not_applied() {
        check(
            &[&[(0, 1), (1, 4)]],
            &[
                Correction::TakeOut {
                    sentence: sentence(9, 1),
                },
                Correction::Move {
                    sentence: sentence(0, 1),
                    into: sentence(8, 4),
                },
                Correction::Confirm {
                    sentence: sentence(1, 4),
                },
            ],
            &[&[(0, 1), (1, 4)]],
            &[NotInPlay, NoLongerFits, Done],
        );
    }
}
