//! Shared wording: long runs of identical words in two sources, outside quotations — likely shared wire copy or a press release.
//!
//! Each source becomes one stream of case-folded words over its compared
//! sentences, broken at every quoted word (two outlets quoting the same
//! speaker is not shared copy). Every window of
//! [`crate::config::FactsConfig::min_shared_words`] words is hashed; windows
//! with the same hash in two sources seed a run, consecutive seeds on one
//! diagonal join, and runs are checked word by word. A window found in several
//! sources links each of them to the first source that has it (a star, not
//! every pair), so a copy run by many outlets is reported against the first
//! one and the work stays linear in the words compared.
//!
//! ```text
//! [0] The plant has repeatedly been caught in the crossfire since the invasion.
//! [1] The plant has been caught in the crossfire since Moscow sent troops…
//!     longest common run: "been caught in the crossfire since" (6 words): below 12, not reported
//! ```

use super::{Set, quoted};
use crate::report::{At, Flag, FlagKind, FlagSide, Severity, SharedRun, SharedWording, SourceId};

/// One word of a source's stream.
#[derive(Clone, Copy)]
struct Word {
    hash: u64,
    /// Set sentence and token.
    sentence: usize,
    token: usize,
}

/// The shared runs of every pair of sources that has any.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(crate) fn find(set: &Set<'_>, inside: &[Vec<bool>]) -> Vec<SharedWording> {
    let n = set.config.facts.min_shared_words.max(2);
    let streams = streams(set, inside);
    // Every window as ([hash, source, start, 0], 0), sorted so equal windows
    // sit together (the facts stage's one sort routine, see `sort_by`).
    let mut windows: Vec<([u64; 4], usize)> = Vec::new();
    for (source, stream) in streams.iter().enumerate() {
        for start in 0..stream.len().saturating_sub(n - 1) {
            if let Some(hash) = window(&stream[start..start + n]) {
                windows.push(([hash, source as u64, start as u64, 0], 0));
            }
        }
    }
    crate::order::sort_keyed(&mut windows);
    // Seeds as ([a, b, position in a, position in b], 0), sorted by pair. Each
    // place of a window is linked to the window's first place in another
    // source only (a star, not every pair), so the work stays linear even
    // when many sources carry the same copy.
    let mut seeds: Vec<([u64; 4], usize)> = Vec::new();
    for places in windows.chunk_by(|x, y| x.0[0] == y.0[0]) {
        let Some(&([_, first, first_at, _], _)) = places.first() else {
            continue;
        };
        let other = places.iter().find(|p| p.0[1] != first);
        for &([_, b, pb, _], _) in &places[1..] {
            let (a, pa) = if b == first {
                match other {
                    Some(&([_, o, po, _], _)) if (o, po) != (b, pb) => (o, po),
                    _ => continue,
                }
            } else {
                (first, first_at)
            };
            let seed = if a < b {
                [a, b, pa, pb]
            } else {
                [b, a, pb, pa]
            };
            seeds.push((seed, 0));
        }
    }
    crate::order::sort_keyed(&mut seeds);
    let totals: Vec<usize> = (0..set.sources.len())
        .map(|s| {
            set.sentences
                .iter()
                .filter(|x| x.source.index() == s)
                .map(|x| x.tokens.len())
                .sum()
        })
        .collect();
    seeds
        .chunk_by(|x, y| x.0[..2] == y.0[..2])
        .filter_map(|run| {
            let [a, b, _, _] = run[0].0;
            let places: Vec<(usize, usize)> = run
                .iter()
                .map(|(s, _)| (s[2] as usize, s[3] as usize))
                .collect();
            pair(set, &streams, (a as usize, b as usize), places, n, &totals)
        })
        .collect()
}

/// Per source: its words outside quotation marks, `None` where a quotation breaks the stream.
fn streams(set: &Set<'_>, inside: &[Vec<bool>]) -> Vec<Vec<Option<Word>>> {
    let mut streams: Vec<Vec<Option<Word>>> = vec![Vec::new(); set.sources.len()];
    for (i, s) in set.sentences.iter().enumerate() {
        let Some(stream) = streams.get_mut(s.source.index()) else {
            continue;
        };
        for k in 0..s.tokens.len() {
            let quoted = inside
                .get(i)
                .and_then(|f| f.get(k))
                .copied()
                .unwrap_or(false);
            if quoted {
                if stream.last().is_some_and(Option::is_some) {
                    stream.push(None);
                }
                continue;
            }
            stream.push(Some(Word {
                hash: s.hashes.get(k).copied().unwrap_or(0),
                sentence: i,
                token: k,
            }));
        }
    }
    streams
}

/// The hash of a window without breaks.
fn window(words: &[Option<Word>]) -> Option<u64> {
    words.iter().try_fold(0u64, |h, w| {
        w.map(|w| h.rotate_left(7) ^ w.hash.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    })
}

/// The runs of one pair of sources from their seeds: diagonals joined, checked, overlaps dropped.
fn pair(
    set: &Set<'_>,
    streams: &[Vec<Option<Word>>],
    (a, b): (usize, usize),
    mut seeds: Vec<(usize, usize)>,
    n: usize,
    totals: &[usize],
) -> Option<SharedWording> {
    // Seeds arrive sorted by position.
    seeds.dedup();
    let (sa, sb) = (&streams[a], &streams[b]);
    let same =
        |i: usize, j: usize| match (sa.get(i).copied().flatten(), sb.get(j).copied().flatten()) {
            (Some(x), Some(y)) => x.hash == y.hash,
            _ => false,
        };
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (pa, pb) in seeds {
        if runs
            .iter()
            .any(|&(ra, rb, len)| pa >= ra && pa < ra + len && pb + ra == pa + rb)
        {
            continue;
        }
        if !(0..n).all(|k| same(pa + k, pb + k)) {
            continue;
        }
        let mut len = n;
        while same(pa + len, pb + len) {
            len += 1;
        }
        let overlaps = runs.iter().any(|&(ra, rb, rl)| {
            (pa < ra + rl && ra < pa + len) || (pb < rb + rl && rb < pb + len)
        });
        if !overlaps {
            runs.push((pa, pb, len));
        }
    }
    if runs.is_empty() {
        return None;
    }
    let words: usize = runs.iter().map(|r| r.2).sum();
    let share = |s: usize| {
        let total = totals.get(s).copied().unwrap_or(0).max(1);
        (words as f64 / total as f64 * 1000.0).round() / 1000.0
    };
    let runs: Vec<SharedRun> = runs
        .into_iter()
        .filter_map(|(pa, pb, len)| {
            let side_a = at(set, sa, pa, len)?;
            let side_b = at(set, sb, pb, len)?;
            let text = set
                .sources
                .get(a)?
                .text
                .get(side_a.start..side_a.end)?
                .to_owned();
            Some(SharedRun {
                words: len,
                sides: vec![side_a, side_b],
                text,
            })
        })
        .collect();
    Some(SharedWording {
        sources: vec![SourceId::new(a), SourceId::new(b)],
        words,
        shares: vec![share(a), share(b)],
        runs,
    })
}

/// Where `len` stream words from `start` are in their source.
fn at(set: &Set<'_>, stream: &[Option<Word>], start: usize, len: usize) -> Option<At> {
    let first = stream.get(start).copied().flatten()?;
    let last = stream.get(start + len - 1).copied().flatten()?;
    let s = set.sentences.get(first.sentence)?;
    let end = set
        .sentences
        .get(last.sentence)?
        .tokens
        .get(last.token)?
        .range
        .end;
    let begin = s.tokens.get(first.token)?.range.start;
    Some(s.at(&(begin..end)))
}

/// One note per pair of sources with shared wording.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(crate) fn flags(set: &Set<'_>, shared: &[SharedWording]) -> Vec<Flag> {
    shared
        .iter()
        .filter_map(|pair| {
            let longest = pair.runs.iter().max_by_key(|r| r.words)?;
            let sides: Vec<FlagSide> = longest
                .sides
                .iter()
                .map(|at| FlagSide {
                    at: *at,
                    text: set
                        .sources
                        .get(at.source.index())
                        .and_then(|s| s.text.get(at.start..at.end))
                        .unwrap_or("")
                        .to_owned(),
                })
                .collect();
            let (a, b) = (pair.sources[0], pair.sources[1]);
            let percent = |x: f64| (x * 100.0).round() as u32;
            let runs = if pair.runs.len() == 1 {
                "a run".to_owned()
            } else {
                format!("{} runs", pair.runs.len())
            };
            let explanation = format!(
                "Sources {{{a}}} and {{{b}}} share {runs} of identical wording outside quotations ({} words: {}% of source {{{a}}}, {}% of source {{{b}}}), such as {}: likely shared wire copy or a press release.",
                pair.words,
                percent(pair.shares[0]),
                percent(pair.shares[1]),
                quoted(&longest.text),
            );
            Some(Flag::new(FlagKind::SharedWording, Severity::Note, sides, explanation))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::Config;
    use crate::facts::testing::report_with;

    /// The shared runs of `texts` with a minimum of `min` words, as `[a,b] words: text`.
    fn check(texts: &[&str], min: usize, expect: &str) {
        let mut config = Config::default();
        config.facts.min_shared_words = min;
        let report = report_with(texts, &config);
        let shown: Vec<String> = report
            .facts
            .shared_wording
            .iter()
            .flat_map(|p| {
                p.runs
                    .iter()
                    .map(move |r| format!("{:?} {} {:?}: {}", p.sources, r.words, p.shares, r.text))
            })
            .collect();
        assert_eq!(shown.join("\n"), expect);
    }

    #[test]
    fn a_long_identical_run_is_found_across_sentences() {
        check(
            &[
                "Intro here. The plant has repeatedly been caught in the crossfire since the invasion. The agency has expressed alarm.",
                "Other words first. The plant has repeatedly been caught in the crossfire since the invasion. The agency has expressed alarm. End.",
            ],
            12,
            "[0, 1] 17 [0.895, 0.81]: The plant has repeatedly been caught in the crossfire since the invasion. The agency has expressed alarm",
        );
    }

    #[test]
    fn a_copy_in_three_sources_is_reported_against_the_first() {
        let copy = "The plant has repeatedly been caught in the crossfire since the invasion began in 2022.";
        check(
            &[copy, copy, copy],
            12,
            "[0, 1] 15 [1.0, 1.0]: The plant has repeatedly been caught in the crossfire since the invasion began in 2022\n[0, 2] 15 [1.0, 1.0]: The plant has repeatedly been caught in the crossfire since the invasion began in 2022",
        );
    }

    #[test]
    fn quotations_break_runs() {
        check(
            &[
                "He said that “we have never been closer to a peace deal than we are in this moment” today.",
                "He said that “we have never been closer to a peace deal than we are in this moment” today.",
            ],
            4,
            "",
        );
    }

    #[test]
    fn short_runs_are_not_shared_wording() {
        check(
            &[
                "The plant has repeatedly been caught in the crossfire since the invasion.",
                "The plant has been caught in the crossfire since Moscow sent troops.",
            ],
            12,
            "",
        );
    }
}
