//! Who speaks a quotation: a name (or "he", "she") by a speech verb after it or before it, or the last speaker of its paragraph.
//!
//! ```text
//! “…on Tuesday,” Mr. Trump said.          named     (a name before a speech verb)
//! “…in this moment,” said Peskov.         named     (a name after it)
//! Peskov told reporters that Putin “…”    named     (the name that speaks, not Putin)
//! “…,” he said.                           pronoun   (the person the sentences before talk about)
//! “A lot of work’s been done.”            continued (an earlier quotation in the paragraph)
//! ```
//!
//! A name after a preposition ("met with Zelenskyy") is an object and a
//! possessive ("Trump's") owns: neither speaks.

use super::{Quotation, Speaker};
use crate::facts::names::{Mention, Names, speaks_after};
use crate::facts::{Sentence, Set, role};
use crate::report::{Attribution, NameKind};

/// Verbs that attribute words to a speaker (folded).
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adding",
    "adds",
    "admitted",
    "announced",
    "argued",
    "arguing",
    "asked",
    "boasted",
    "calling",
    "claimed",
    "claiming",
    "commented",
    "complained",
    "declared",
    "described",
    "describing",
    "emphasized",
    "emphasizing",
    "explained",
    "expressed",
    "grumbled",
    "insisted",
    "insisting",
    "noted",
    "noting",
    "posted",
    "remarked",
    "replied",
    "responded",
    "said",
    "say",
    "saying",
    "says",
    "stated",
    "states",
    "stating",
    "stressed",
    "stressing",
    "telling",
    "tells",
    "told",
    "tweeted",
    "vowed",
    "warned",
    "warning",
    "writes",
    "wrote",
];

const PRONOUNS: &[&str] = &["he", "she"];

/// Whether token `i` is a possessive ("Trump's"): a name that owns, not one that speaks.
fn possessive(s: &Sentence<'_>, i: usize) -> bool {
    let word = s.word(i);
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with(['\'', '’'])
}

/// Prepositions before a name that make it an object, not a speaker ("met with Zelenskyy").
const PREPOSITIONS: &[&str] = &[
    "with", "about", "to", "for", "from", "against", "of", "on", "at", "in", "toward", "over",
];

/// Finds who speaks a quotation: after it first, then before it.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(super) fn attribute(
    set: &Set<'_>,
    names: &Names,
    inside: &[Vec<bool>],
    quotations: &mut [Quotation],
    q: usize,
) {
    let context = Context { set, names, inside };
    let after = quotations[q].close.and_then(|(s, at)| context.after(s, at));
    let found = after.or_else(|| context.before(quotations, q));
    if let Some((speaker, attribution)) = found {
        quotations[q].speaker = Some(speaker);
        quotations[q].attribution = attribution;
    }
}

/// What attribution reads: the set, its names and which tokens are quoted.
struct Context<'a, 'b> {
    set: &'a Set<'b>,
    names: &'a Names,
    inside: &'a [Vec<bool>],
}

impl Context<'_, '_> {
    fn quoted(&self, s: usize, token: usize) -> bool {
        self.inside
            .get(s)
            .and_then(|f| f.get(token))
            .copied()
            .unwrap_or(false)
    }

    /// Mentions of sentence `s` outside quotation marks that can speak (not possessives).
    fn mentions(&self, s: usize) -> impl Iterator<Item = &Mention> {
        let sentence = &self.set.sentences[s];
        self.names
            .mentions
            .get(s)
            .into_iter()
            .flatten()
            .filter(move |m| !self.quoted(s, m.first) && !possessive(sentence, m.last))
    }

    fn is_object(&self, s: usize, m: &Mention) -> bool {
        m.first > 0 && PREPOSITIONS.contains(&self.set.sentences[s].folded(m.first - 1))
    }

    fn speaker(&self, s: usize, m: &Mention) -> Speaker {
        let sentence = &self.set.sentences[s];
        Speaker {
            entry: m.entry,
            span: sentence.span(m.first, m.last),
        }
    }

    /// Whether a speech verb follows mention `m` ("Peskov told", "Hegseth, who told").
    fn speaks(&self, s: usize, m: &Mention) -> bool {
        speaks_after(&self.set.sentences[s], m.last)
    }

    /// The speaker named in the words after a closing mark: "…,” Mr. Trump said", "said Peskov", "he said".
    fn after(&self, s: usize, at: usize) -> Option<(Speaker, Attribution)> {
        let sentence = &self.set.sentences[s];
        let first = sentence.tokens.iter().position(|t| t.range.start >= at)?;
        let tail: Vec<usize> = (first..sentence.tokens.len())
            .take_while(|&k| !self.quoted(s, k))
            .take(8)
            .collect();
        for &k in tail.iter().filter(|&&k| sentence.has(k, role::SPEECH)) {
            let before = self
                .mentions(s)
                .filter(|m| m.first >= first && m.last < k && m.last + 3 >= k)
                .last();
            if let Some(m) = before {
                return Some((self.speaker(s, m), Attribution::Named));
            }
            if let Some(p) = (first..k)
                .rev()
                .take(2)
                .find(|&p| PRONOUNS.contains(&sentence.folded(p)))
            {
                return self.pronoun(s, p);
            }
            if let Some(m) = self.mentions(s).find(|m| m.first == k + 1) {
                return Some((self.speaker(s, m), Attribution::Named));
            }
        }
        None
    }

    /// The speaker named before the opening mark: the subject of the last speech verb there.
    fn before(&self, quotations: &[Quotation], q: usize) -> Option<(Speaker, Attribution)> {
        let (s, at) = quotations[q].open;
        let sentence = &self.set.sentences[s];
        let end = sentence
            .tokens
            .iter()
            .position(|t| t.range.start >= at)
            .unwrap_or(sentence.tokens.len());
        let head_first = (0..end).rev().take_while(|&k| !self.quoted(s, k)).last()?;
        let verb = (head_first..end)
            .rev()
            .find(|&k| sentence.has(k, role::SPEECH))?;
        if sentence.folded(verb).ends_with("ing") {
            // "…,” Leavitt said, adding, “…”: the quotation before in this sentence speaks on.
            let earlier = q
                .checked_sub(1)
                .and_then(|p| quotations.get(p))
                .filter(|p| p.close.is_some_and(|(cs, _)| cs == s))
                .and_then(|p| p.speaker.clone().map(|sp| (sp, p.attribution)));
            return earlier
                .or_else(|| {
                    self.subject(s, verb)
                        .map(|m| (self.speaker(s, m), Attribution::Named))
                })
                .or_else(|| {
                    (PRONOUNS.contains(&sentence.folded(0)))
                        .then(|| self.pronoun(s, 0))
                        .flatten()
                });
        }
        if let Some(p) = (head_first..verb)
            .rev()
            .take(2)
            .find(|&p| PRONOUNS.contains(&sentence.folded(p)))
        {
            return self.pronoun(s, p);
        }
        let comma = sentence.gap_before(verb).contains(',');
        let candidates: Vec<&Mention> = self
            .mentions(s)
            .filter(|m| m.last < verb && !self.is_object(s, m))
            .collect();
        let person = |m: &&&Mention| m.kind == NameKind::Person;
        let chosen = if comma {
            candidates.iter().find(person)
        } else {
            candidates
                .iter()
                .rev()
                .filter(person)
                .find(|m| self.speaks(s, m))
                .or_else(|| candidates.iter().rev().find(person))
        };
        if let Some(m) = chosen {
            return Some((self.speaker(s, m), Attribution::Named));
        }
        // "said Peskov, “…”"
        self.mentions(s)
            .find(|m| m.first == verb + 1 && m.last + 3 >= end)
            .map(|m| (self.speaker(s, m), Attribution::Named))
    }

    /// The subject of a clause: its first person mentioned, not after a preposition.
    fn subject(&self, s: usize, before: usize) -> Option<&Mention> {
        self.mentions(s)
            .find(|m| m.last < before && m.kind == NameKind::Person && !self.is_object(s, m))
    }

    /// Resolves "he" or "she" at token `p` of sentence `s` to the person the text talks about.
    fn pronoun(&self, s: usize, p: usize) -> Option<(Speaker, Attribution)> {
        let source = self.set.sentences[s].source;
        let pronoun = self.set.sentences[s].span(p, p);
        let earlier = (s.saturating_sub(3)..s)
            .rev()
            .filter(|&e| self.set.sentences[e].source == source);
        let here = std::iter::once(s);
        for e in here.chain(earlier) {
            let limit = if e == s { p } else { usize::MAX };
            let people: Vec<&Mention> = self
                .mentions(e)
                .filter(|m| m.last < limit && m.kind == NameKind::Person && !self.is_object(e, m))
                .collect();
            // In the pronoun's own sentence only a name that speaks will do:
            // "Asked whether Zelensky would come, he said" is not Zelensky.
            let speaking = people.iter().find(|m| self.speaks(e, m));
            let chosen = if e == s {
                speaking
            } else {
                speaking.or_else(|| people.first())
            };
            if let Some(m) = chosen {
                return Some((
                    Speaker {
                        entry: m.entry,
                        span: pronoun,
                    },
                    Attribution::Pronoun,
                ));
            }
        }
        None
    }
}

/// An unattributed quotation continues the last attributed one of its paragraph.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(super) fn continue_speakers(set: &Set<'_>, quotations: &mut [Quotation]) {
    let paragraph = |q: &Quotation| {
        let s = &set.sentences[q.open.0];
        (s.source, s.paragraph)
    };
    for q in 1..quotations.len() {
        if quotations[q].speaker.is_some() {
            continue;
        }
        let here = paragraph(&quotations[q]);
        let earlier = (0..q)
            .rev()
            .take_while(|&e| paragraph(&quotations[e]) == here)
            .find(|&e| quotations[e].speaker.is_some());
        if let Some(e) = earlier {
            quotations[q].speaker = quotations[e].speaker.clone();
            quotations[q].attribution = Attribution::Continued;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::quotes::testing::check;

    #[test]
    fn speakers_after_the_quote() {
        check(
            &[
                "“I will be speaking to President Putin on Tuesday,” Mr. Trump said. “We want peace,” said Kremlin spokesman Dmitry Peskov.",
            ],
            "[0]«I will be speaking to President Putin on Tuesday» Trump (Named)\n[0]«We want peace» Dmitry Peskov (Named)",
        );
    }

    #[test]
    fn speakers_before_the_quote_are_the_ones_speaking() {
        check(
            &[
                "Kremlin spokesman Dmitry Peskov told reporters that Putin “mentioned the need to end it.” Trump, who met Zelensky, said they would meet “soon.”",
            ],
            "[0]«mentioned the need to end it.» Dmitry Peskov (Named)\n[0]«soon.» Trump (Named)",
        );
    }

    #[test]
    fn pronouns_take_the_person_talked_about() {
        check(
            &[
                "Mr. Trump said land is part of the talks.\n“We will be talking about land,” he said.",
            ],
            "[0]«We will be talking about land» Trump (Pronoun)",
        );
    }

    #[test]
    fn a_name_after_a_preposition_does_not_speak() {
        check(
            &[
                "The president during his meeting with Zelenskyy grumbled that “Putin went through a lot with me.”",
            ],
            "[0]«Putin went through a lot with me.» nobody",
        );
    }
}
