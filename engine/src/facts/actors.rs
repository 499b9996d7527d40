//! Actor conflicts: the same action (pausing aid, annexing a region…) done by different people in different sources.
//!
//! A deliberately narrow heuristic, precision first. An **action** is a verb
//! from a short list of classes (pause: "paused", "suspended", "halted",
//! "cut off", "froze", "withheld"; restore; annex; invade; release; sanction;
//! appoint). Its **actor** is a person named just before it, with at most two
//! adverbs or an "administration"/"government" word between ("Trump
//! temporarily cut off", "The Biden administration previously paused"). Its
//! **object** is the content words after it up to the end of the clause.
//!
//! Two sources conflict when their actions are of one class, their objects
//! share at least two words (one not a name) and their actors are different
//! people:
//!
//! ```text
//! [1] Trump temporarily cut off some military intelligence-sharing and aid to Ukraine
//! [2] The Biden administration previously paused arms shipments and intelligence-sharing with Ukraine
//!     pause · shared object: intelligence, sharing · actors Donald Trump / Joe Biden
//! ```
//!
//! Countries and institutions are never compared as actors ("Russia" and
//! "Putin" annex the same regions), nor are passives ("it was restored").
//! Inside one group the flag is a conflict; across groups a check.

use super::names::{Mention, Names};
use super::{Sentence, Set, quoted};
use crate::config::ActorCheck;
use crate::normalize::WordClass;
use crate::report::{Flag, FlagKind, FlagSide, NameKind, Severity, SourceId};

/// Action verbs (folded) and their class, sorted by verb.
const ACTIONS: &[(&str, &str)] = &[
    ("annex", "annex"),
    ("annexed", "annex"),
    ("appointed", "appoint"),
    ("cut", "pause"),
    ("cuts", "pause"),
    ("freed", "release"),
    ("freeze", "pause"),
    ("freezes", "pause"),
    ("froze", "pause"),
    ("halt", "pause"),
    ("halted", "pause"),
    ("halts", "pause"),
    ("invade", "invade"),
    ("invaded", "invade"),
    ("pause", "pause"),
    ("paused", "pause"),
    ("pauses", "pause"),
    ("released", "release"),
    ("restore", "restore"),
    ("restored", "restore"),
    ("resume", "restore"),
    ("resumed", "restore"),
    ("sanctioned", "sanction"),
    ("suspend", "pause"),
    ("suspended", "pause"),
    ("suspends", "pause"),
    ("withheld", "pause"),
    ("withhold", "pause"),
];

/// Words allowed between an actor and the verb.
const BETWEEN: &[&str] = &[
    "also", "then", "later", "had", "has", "have", "already", "again", "once", "now", "just",
    "first", "himself", "herself",
];

/// Words after a person's name that make an actor of their government ("the Biden administration").
const AGENCY: &[&str] = &["administration", "government", "team", "officials"];

/// Words that end an object: a new clause.
const CLAUSE_ENDS: &[&str] = &[
    "which", "that", "who", "after", "before", "when", "while", "because", "but", "until", "since",
];

/// One action with its actor and object.
struct Frame {
    sentence: usize,
    action: &'static str,
    entry: usize,
    /// Tokens from the actor's first word to the object's last.
    first: usize,
    last: usize,
    /// The actor as written (first..=end of actor words).
    actor_last: usize,
    object: Vec<(u32, bool)>,
}

/// Actor-conflict flags for the set.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(crate) fn flags(set: &Set<'_>, names: &Names) -> Vec<Flag> {
    if set.config.facts.actors == ActorCheck::Off {
        return Vec::new();
    }
    let frames: Vec<Frame> = set
        .sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| frames(s, i, names.mentions.get(i).map_or(&[][..], Vec::as_slice)))
        .collect();
    let mut out = Vec::new();
    let mut seen: Vec<(SourceId, SourceId, &str)> = Vec::new();
    for (i, a) in frames.iter().enumerate() {
        for b in &frames[i + 1..] {
            let (sa, sb) = (&set.sentences[a.sentence], &set.sentences[b.sentence]);
            if sa.source == sb.source || a.action != b.action || a.entry == b.entry {
                continue;
            }
            if !objects_meet(&a.object, &b.object)
                || seen.contains(&(sa.source, sb.source, a.action))
            {
                continue;
            }
            seen.push((sa.source, sb.source, a.action));
            out.push(conflict(set, names, a, b));
        }
    }
    out
}

/// At least two shared object words, one of them not a name.
fn objects_meet(a: &[(u32, bool)], b: &[(u32, bool)]) -> bool {
    let shared: Vec<&(u32, bool)> = a
        .iter()
        .filter(|(k, _)| b.iter().any(|(x, _)| x == k))
        .collect();
    shared.len() >= 2 && shared.iter().any(|(_, name)| !name)
}

fn conflict(set: &Set<'_>, names: &Names, a: &Frame, b: &Frame) -> Flag {
    let side = |f: &Frame| {
        let s = &set.sentences[f.sentence];
        let range = s.span(f.first, f.last);
        FlagSide {
            at: s.at(&range),
            text: s.slice(&range).to_owned(),
        }
    };
    let actor = |f: &Frame| {
        let s = &set.sentences[f.sentence];
        s.slice(&s.span(f.first, f.actor_last)).to_owned()
    };
    let name = |f: &Frame| {
        names
            .entries
            .get(f.entry)
            .map_or("?", |e| e.name.as_str())
            .to_owned()
    };
    let (sa, sb) = (side(a), side(b));
    let same_group = sa.at.group.is_some() && sa.at.group == sb.at.group;
    let explanation = format!(
        "Source {{{}}} says {}; source {{{}}} says {}: the same action, done by different people ({} / {}: {} and {}).{}",
        sa.at.source,
        quoted(&sa.text),
        sb.at.source,
        quoted(&sb.text),
        quoted(&actor(a)),
        quoted(&actor(b)),
        name(a),
        name(b),
        if same_group {
            ""
        } else {
            " The sentences are not aligned: check that they describe the same event."
        },
    );
    let severity = if same_group {
        Severity::Conflict
    } else {
        Severity::Check
    };
    Flag::new(FlagKind::ActorConflict, severity, vec![sa, sb], explanation)
}

/// The actions of one sentence that have a person as actor.
fn frames(s: &Sentence<'_>, index: usize, mentions: &[Mention]) -> Vec<Frame> {
    let mut out = Vec::new();
    for k in 0..s.tokens.len() {
        if s.tokens[k].class != WordClass::Content {
            continue;
        }
        let Ok(at) = ACTIONS.binary_search_by(|(w, _)| (*w).cmp(s.folded(k))) else {
            continue;
        };
        let action = ACTIONS[at].1;
        let verb_end = if matches!(s.folded(k), "cut" | "cuts") {
            if s.folded(k + 1) != "off" {
                continue;
            }
            k + 1
        } else {
            k
        };
        let Some((mention, actor_last)) = actor(s, k, mentions) else {
            continue;
        };
        let (object, last) = object(s, verb_end + 1);
        if object.is_empty() {
            continue;
        }
        let first = if mention.first > 0 && s.folded(mention.first - 1) == "the" {
            mention.first - 1
        } else {
            mention.first
        };
        out.push(Frame {
            sentence: index,
            action,
            entry: mention.entry,
            first,
            last,
            actor_last,
            object,
        });
    }
    out
}

/// The person acting for the verb at `k`, and the last word of the actor phrase.
fn actor<'m>(s: &Sentence<'_>, k: usize, mentions: &'m [Mention]) -> Option<(&'m Mention, usize)> {
    let m = mentions.iter().rfind(|m| m.last < k)?;
    if m.kind != NameKind::Person {
        return None;
    }
    let mut at = m.last + 1;
    let mut actor_last = m.last;
    if AGENCY.contains(&s.folded(at)) && s.spaced(at) {
        actor_last = at;
        at += 1;
    }
    let between = k - at;
    let adverbs = (at..k).all(|j| {
        let w = s.folded(j);
        s.spaced(j) && (w.ends_with("ly") || BETWEEN.contains(&w))
    });
    (between <= 2 && adverbs && s.spaced(k)).then_some((m, actor_last))
}

/// The content words after the verb up to the clause's end, and the last token used.
fn object(s: &Sentence<'_>, from: usize) -> (Vec<(u32, bool)>, usize) {
    let mut keys: Vec<(u32, bool)> = Vec::new();
    let mut last = from.saturating_sub(1);
    for j in from..(from + 10).min(s.tokens.len()) {
        let gap = s.gap_before(j);
        if j > from && gap.contains([',', ';', ':', '(', '—', '–']) {
            break;
        }
        if CLAUSE_ENDS.contains(&s.folded(j)) {
            break;
        }
        let token = &s.tokens[j];
        if matches!(token.class, WordClass::Content | WordClass::Name)
            && !keys.iter().any(|(k, _)| *k == token.key)
        {
            keys.push((token.key, token.class == WordClass::Name));
        }
        last = j;
    }
    (keys, last)
}

#[cfg(test)]
mod tests {
    use crate::facts::testing::{explained, report};
    use crate::report::FlagKind;

    #[test]
    fn actions_are_sorted_for_binary_search() {
        assert!(super::ACTIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    /// The actor flags of `texts`, one explanation per line.
    fn check(texts: &[&str], expect: &str) {
        let report = report(texts);
        let shown: Vec<String> = report
            .facts
            .flags
            .iter()
            .filter(|f| f.kind == FlagKind::ActorConflict)
            .map(|f| format!("{:?}: {}", f.severity, explained(f)))
            .collect();
        assert_eq!(shown.join("\n"), expect);
    }

    #[test]
    fn the_same_pause_by_different_people_is_flagged() {
        check(
            &[
                "President Donald Trump met reporters. After the meeting, Trump temporarily cut off some military intelligence-sharing and aid to Ukraine.",
                "President Joe Biden left. The Biden administration previously paused arms shipments and intelligence-sharing with Ukraine, which was later restored.",
            ],
            "Check: Source [0] says “Trump temporarily cut off some military intelligence-sharing and aid to Ukraine”; source [1] says “The Biden administration previously paused arms shipments and intelligence-sharing with Ukraine”: the same action, done by different people (“Trump” / “The Biden administration”: Donald Trump and Joe Biden). The sentences are not aligned: check that they describe the same event.",
        );
    }

    #[test]
    fn countries_passives_and_other_objects_are_not_compared() {
        check(
            &[
                "Russia annexed four regions of Ukraine. The aid was paused by Trump. Trump paused tariffs on Mexico and Canada.",
                "Putin annexed four regions of Ukraine. Biden paused arms shipments to Ukraine.",
            ],
            "",
        );
    }
}
