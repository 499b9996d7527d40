//! Quotations: quoted words per sentence with their speaker, grouped across sources as identical, trimmed, reworded or paraphrased.
//!
//! Straight and curly double quotes are read per paragraph, so a quotation
//! may run over several sentences (one [`Quote`] piece per sentence, sharing a
//! `quotation` number) and on into the next paragraph when that one opens
//! with a quotation mark. Single quotes are not read: they double as apostrophes.
//!
//! The speaker comes from the words around the quotation, after it first:
//!
//! ```text
//! “…on Tuesday,” Mr. Trump said.          named     (a name before a speech verb)
//! “…in this moment,” said Peskov.         named     (a name after it)
//! Peskov told reporters that Putin “…”    named     (the name that speaks, not Putin)
//! “…,” he said.                           pronoun   (the person the sentences before talk about)
//! “A lot of work’s been done.”            continued (an earlier quotation in the paragraph)
//! ```
//!
//! Pieces with the same words are grouped by a hash of their words first
//! (linear, however many sources repeat them); other pieces from different
//! sources are the same quotation when their words
//! (case, contractions and spelling variants aside) share a common
//! subsequence of at least three words and 60% of the shorter piece, or
//! when short pieces are equal. Within a group the fullest version is the
//! reference; another is identical, trimmed (only words left out) or reworded.
//! A sentence of another source without quotation marks that carries 70% of a
//! quotation's content words (four at least, three of them plain words: not
//! names, numbers or dates) paraphrases it.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::names::{Mention, Names, speaks_after};
use super::{KeyMap, Sentence, Set, quoted, role, runs_by, sort_by};
use crate::diff::{self, RawMark, Side};
use crate::fold::fold;
use crate::normalize::{Spelling, Token, WordClass};
use crate::report::{
    At, Attribution, Flag, FlagKind, FlagSide, Mark, NameKind, Quote, QuoteGroup, QuoteMember,
    QuoteRelation, Severity, Span,
};

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

/// Candidate pairs of quote pieces kept per piece at most.
const PAIRS_PER_PIECE: usize = 64;

/// Conjunctions that join a quotation to the sentence before: not compared.
const LEADING: &[&str] = &["and", "but", "so", "or"];

/// Everything the quotes stage found.
pub(crate) struct Quotes {
    pub quotes: Vec<Quote>,
    pub groups: Vec<QuoteGroup>,
    pub flags: Vec<Flag>,
    /// Per sentence of the set, per token: inside quotation marks.
    pub inside: Vec<Vec<bool>>,
}

/// One word of a quotation as compared: a byte range and a key (a contraction is two words).
#[derive(Clone, Debug)]
struct Word {
    range: Range<usize>,
    key: u32,
}

/// One quote piece.
struct Piece {
    /// Index into the set's sentences.
    sentence: usize,
    source: usize,
    range: Range<usize>,
    /// Index into the quotations.
    quotation: usize,
    words: Vec<Word>,
    /// The keys of `words` without a leading "and"/"but" (computed once).
    keys: Vec<u32>,
    /// The normalize stage's keys of its content words, each once, with whether it is a plain content word (not a name, number or date).
    content: Vec<(u32, bool)>,
}

impl Piece {
    /// The compared keys: a leading "and"/"but" left out.
    fn keys(&self) -> &[u32] {
        &self.keys
    }
}

/// A quotation: its pieces and where its marks stand.
struct Quotation {
    /// Its number within the source.
    number: usize,
    pieces: Vec<usize>,
    /// Set sentence and byte offset of the opening mark.
    open: (usize, usize),
    /// Set sentence and byte offset just past the closing mark, if it closes.
    close: Option<(usize, usize)>,
    speaker: Option<Speaker>,
    attribution: Attribution,
}

/// Who a quotation is attributed to and where the text says so.
#[derive(Clone, Debug)]
struct Speaker {
    entry: usize,
    span: Range<usize>,
}

/// Interned comparison keys of quoted words.
#[derive(Default)]
struct Interner {
    ids: KeyMap<String, u32>,
    texts: Vec<String>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.texts.push(text.to_owned());
        self.ids.insert(text.to_owned(), id);
        id
    }

    fn text(&self, id: u32) -> &str {
        self.texts.get(id as usize).map_or("", String::as_str)
    }
}

/// Finds, attributes and groups the quotations of the set.
pub(crate) fn extract(set: &Set<'_>, names: &Names) -> Quotes {
    let mut interner = Interner::default();
    let mut inside: Vec<Vec<bool>> = set
        .sentences
        .iter()
        .map(|s| vec![false; s.tokens.len()])
        .collect();
    let (pieces, mut quotations) = scan(set, &mut interner, &mut inside);
    for q in 0..quotations.len() {
        attribute(set, names, &inside, &mut quotations, q);
    }
    continue_speakers(set, &mut quotations);
    let mut quotes: Vec<Quote> = pieces
        .iter()
        .map(|p| quote(set, names, &quotations[p.quotation], p))
        .collect();
    let mut groups = Vec::new();
    let mut flags = Vec::new();
    for members in matches(set, &pieces) {
        let built = build_group(set, &pieces, &quotes, &members, groups.len());
        for m in &built.members {
            if let Some(q) = m.quote {
                quotes[q].quote_group = Some(built.id);
            }
        }
        flags.extend(group_flags(set, &pieces, &quotes, &interner, &built));
        groups.push(built);
    }
    let found = Found {
        pieces: &pieces,
        inside: &inside,
    };
    paraphrases(set, &found, &mut quotes, &mut groups, &mut flags);
    Quotes {
        quotes,
        groups,
        flags,
        inside,
    }
}

/// The report's quote for a piece.
fn quote(set: &Set<'_>, names: &Names, quotation: &Quotation, p: &Piece) -> Quote {
    let s = &set.sentences[p.sentence];
    let speaker = quotation.speaker.as_ref();
    Quote {
        at: s.at(&p.range),
        text: s.slice(&p.range).to_owned(),
        quotation: quotation.number,
        speaker: speaker.and_then(|sp| names.entries.get(sp.entry).map(|e| e.name.clone())),
        speaker_name: speaker.map(|sp| sp.entry),
        speaker_span: speaker.map(|sp| Span {
            start: sp.span.start,
            end: sp.span.end,
        }),
        attribution: quotation.attribution,
        quote_group: None,
    }
}

/// Reads the quotation marks of every source, paragraph by paragraph.
fn scan(
    set: &Set<'_>,
    interner: &mut Interner,
    inside: &mut [Vec<bool>],
) -> (Vec<Piece>, Vec<Quotation>) {
    let mut scanner = Scanner::default();
    for (index, s) in set.sentences.iter().enumerate() {
        scanner.sentence(set, index, s, interner, inside);
    }
    (scanner.pieces, scanner.quotations)
}

/// The state of reading quotation marks through the sentences of the set.
#[derive(Default)]
struct Scanner {
    pieces: Vec<Piece>,
    quotations: Vec<Quotation>,
    at: Option<(usize, usize)>,
    /// The quotation open at the current point.
    open: Option<usize>,
    /// A quotation left open at the end of the previous paragraph.
    dangling: Option<usize>,
    numbers: usize,
}

impl Scanner {
    fn sentence(
        &mut self,
        set: &Set<'_>,
        index: usize,
        s: &Sentence<'_>,
        interner: &mut Interner,
        inside: &mut [Vec<bool>],
    ) {
        let new_paragraph = self.at != Some((s.source, s.paragraph));
        if self.at.map(|(source, _)| source) != Some(s.source) {
            self.open = None;
            self.dangling = None;
            self.numbers = 0;
        } else if new_paragraph {
            self.dangling = self.open.take();
        }
        self.at = Some((s.source, s.paragraph));
        let text = s.slice(&s.range);
        let mut start = self.open.map(|_| s.range.start);
        let mut first_mark = true;
        for (offset, c) in text.char_indices() {
            let at = s.range.start + offset;
            let opens = match c {
                '“' | '„' | '«' => true,
                '”' | '»' => false,
                '"' => self.open.is_none(),
                _ => continue,
            };
            if opens {
                if let (Some(q), Some(from)) = (self.open, start) {
                    self.piece(set, index, q, from..at, interner, inside);
                }
                let resumes = new_paragraph && first_mark && text[..offset].trim().is_empty();
                let q = match self.dangling.take().filter(|_| resumes) {
                    Some(q) => q,
                    None => self.new_quotation((index, at)),
                };
                self.open = Some(q);
                start = Some(at + c.len_utf8());
            } else {
                let (q, from) = match (self.open, start) {
                    (Some(q), Some(from)) => (q, from),
                    // A sentence that closes a quotation it never opened continues one.
                    _ if first_mark => (self.new_quotation((index, s.range.start)), s.range.start),
                    _ => continue,
                };
                self.piece(set, index, q, from..at, interner, inside);
                self.quotations[q].close = Some((index, at + c.len_utf8()));
                self.open = None;
                start = None;
            }
            first_mark = false;
        }
        if let (Some(q), Some(from)) = (self.open, start) {
            self.piece(set, index, q, from..s.range.end, interner, inside);
        }
    }

    fn new_quotation(&mut self, open: (usize, usize)) -> usize {
        self.quotations.push(Quotation {
            number: self.numbers,
            pieces: Vec::new(),
            open,
            close: None,
            speaker: None,
            attribution: Attribution::None,
        });
        self.numbers += 1;
        self.quotations.len() - 1
    }

    /// Adds the quoted words of `range` (trimmed) as a piece of quotation `q`.
    fn piece(
        &mut self,
        set: &Set<'_>,
        index: usize,
        q: usize,
        range: Range<usize>,
        interner: &mut Interner,
        inside: &mut [Vec<bool>],
    ) {
        let s = &set.sentences[index];
        let range = trim(s.text, range);
        let tokens: Vec<usize> = (0..s.tokens.len())
            .filter(|&i| {
                let r = &s.tokens[i].range;
                range.start <= r.start && r.end <= range.end
            })
            .collect();
        if tokens.is_empty() {
            return;
        }
        let mut content: Vec<(u32, bool)> = Vec::new();
        // `true`: a plain content word.
        let mut words = Vec::new();
        for &i in &tokens {
            if let Some(flag) = inside.get_mut(index).and_then(|f| f.get_mut(i)) {
                *flag = true;
            }
            let token = &s.tokens[i];
            if !matches!(token.class, WordClass::Function | WordClass::Negation)
                && !content.iter().any(|(k, _)| *k == token.key)
            {
                content.push((token.key, token.class == WordClass::Content));
            }
            words.extend(split_word(set, s, i, interner));
        }
        let skip = words
            .first()
            .is_some_and(|w| LEADING.contains(&interner.text(w.key)));
        let keys = words
            .iter()
            .skip(usize::from(skip))
            .map(|w| w.key)
            .collect();
        self.quotations[q].pieces.push(self.pieces.len());
        self.pieces.push(Piece {
            sentence: index,
            source: s.source,
            range,
            quotation: q,
            words,
            keys,
            content,
        });
    }
}

/// `range` without surrounding spaces and without a trailing comma, colon or semicolon.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or("");
    let start = range.start + (slice.len() - slice.trim_start().len());
    let kept = slice.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let end = (range.start + kept.len()).max(start);
    start..end
}

/// A token as compared words: numbers and variants by key, contractions as two words.
fn split_word(set: &Set<'_>, s: &Sentence<'_>, i: usize, interner: &mut Interner) -> Vec<Word> {
    let token = &s.tokens[i];
    let range = token.range.clone();
    if token.class == WordClass::Number || token.spelling == Spelling::Variant {
        let key = interner.intern(set.key(token));
        return vec![Word { range, key }];
    }
    let written = s.text.get(range.clone()).unwrap_or("");
    if !written.contains(['\'', '’']) && !s.folded(i).eq("cannot") {
        let key = interner.intern(s.folded(i));
        return vec![Word { range, key }];
    }
    let folded = fold(written);
    let two = |interner: &mut Interner, at: usize, first: &str, second: &str| {
        vec![
            Word {
                range: range.start..range.start + at,
                key: interner.intern(first),
            },
            Word {
                range: range.start + at..range.end,
                key: interner.intern(second),
            },
        ]
    };
    if folded == "cannot" {
        return two(interner, 3, "can", "not");
    }
    let Some(apostrophe) = written.rfind(['\'', '’']) else {
        return vec![Word {
            range,
            key: interner.intern(&folded),
        }];
    };
    let base = fold(&written[..apostrophe]);
    let suffix = fold(&written[apostrophe..]);
    match suffix.as_str() {
        "'t" if base.ends_with('n') && apostrophe > 1 => {
            let stem = &base[..base.len() - 1];
            let stem = match stem {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                other => other,
            };
            two(interner, apostrophe - 1, stem, "not")
        }
        "'ll" => two(interner, apostrophe, &base, "will"),
        "'ve" => two(interner, apostrophe, &base, "have"),
        "'re" => two(interner, apostrophe, &base, "are"),
        "'m" => two(interner, apostrophe, &base, "am"),
        "'d" => two(interner, apostrophe, &base, "would"),
        "'s" | "'" => vec![Word {
            range,
            key: interner.intern(&base),
        }],
        _ => vec![Word {
            range,
            key: interner.intern(&folded),
        }],
    }
}

/// Finds who speaks a quotation: after it first, then before it.
fn attribute(
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
fn continue_speakers(set: &Set<'_>, quotations: &mut [Quotation]) {
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

/// Pieces of different sources that are the same quotation, as groups of piece indices.
fn matches(set: &Set<'_>, pieces: &[Piece]) -> Vec<Vec<usize>> {
    // Pieces with the same words are one class: each joins its class's first
    // piece (linear, however many sources repeat a quotation); only the first
    // pieces of the classes are compared pairwise.
    let classes = runs_by(&(0..pieces.len()).collect::<Vec<_>>(), |&p| {
        [super::fnv_keys(pieces[p].keys()), 0, 0, 0]
    });
    let mut scored: Vec<(f32, usize, usize)> = Vec::new();
    let mut firsts: Vec<usize> = Vec::new();
    for class in &classes {
        // Equal hashes with other words (a collision) start their own class.
        let mut heads: Vec<usize> = Vec::new();
        for &p in class {
            match heads
                .iter()
                .find(|&&h| pieces[h].keys() == pieces[p].keys())
            {
                Some(&h) if !pieces[p].keys().is_empty() => scored.push((1.0, h, p)),
                Some(_) => {}
                None => heads.push(p),
            }
        }
        firsts.extend(heads);
    }
    sort_by(&mut firsts, |&p| [p as u64, 0, 0, 0]);
    scored.extend(candidates(set, pieces, &firsts));
    // Best first: the score as a fixed-point number, descending.
    sort_by(&mut scored, |&(score, a, b)| {
        let fixed = (f64::from(score.clamp(0.0, 1.0)) * 1e6) as u64;
        [u64::MAX - fixed, a as u64, b as u64, 0]
    });
    let mut component: Vec<usize> = (0..pieces.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..pieces.len()).map(|p| vec![p]).collect();
    for (_, a, b) in scored {
        let (ca, cb) = (component[a], component[b]);
        let overlap = members[ca].iter().any(|&x| {
            members[cb]
                .iter()
                .any(|&y| pieces[x].source == pieces[y].source)
        });
        if ca == cb || overlap {
            continue;
        }
        let moved = std::mem::take(&mut members[cb]);
        for &x in &moved {
            component[x] = ca;
        }
        members[ca].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() > 1).collect();
    for g in &mut groups {
        sort_by(g, |&p| [pieces[p].source as u64, p as u64, 0, 0]);
    }
    sort_by(&mut groups, |g| [g[0] as u64, 0, 0, 0]);
    groups
}

/// Scored pairs among `heads` (distinct pieces) that share content words.
fn candidates(set: &Set<'_>, pieces: &[Piece], heads: &[usize]) -> Vec<(f32, usize, usize)> {
    let max_postings = set.config.facts.max_postings;
    let mut postings: KeyMap<u32, Vec<usize>> = KeyMap::default();
    for &p in heads {
        for &(key, _) in &pieces[p].content {
            postings.entry(key).or_default().push(p);
        }
    }
    // Every pair sharing a key once per shared key; runs of equal pairs count
    // them. At most a fixed multiple of the pieces, so the work stays bounded.
    let cap = heads.len().max(100).saturating_mul(PAIRS_PER_PIECE);
    let mut pairs: Vec<[u64; 4]> = Vec::new();
    for list in postings.values().filter(|l| l.len() <= max_postings) {
        if pairs.len() >= cap {
            break;
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if pieces[a].source != pieces[b].source {
                    pairs.push([a.min(b) as u64, a.max(b) as u64, 0, 0]);
                }
            }
        }
    }
    runs_by(&pairs, |&p| p)
        .iter()
        .map(|run| (run[0][0] as usize, run[0][1] as usize, run.len()))
        .filter_map(|(a, b, count)| {
            let (ca, cb) = (pieces[a].content.len(), pieces[b].content.len());
            let short = ca.max(cb) <= 2;
            // Pieces that share few of their content words cannot share 60% of their words.
            (short || (count >= 2 && count * 2 >= ca.min(cb)))
                .then(|| score(pieces[a].keys(), pieces[b].keys()))
                .flatten()
                .map(|s| (s, a, b))
        })
        .collect()
}

/// How well two pieces match (common words over the longer), or `None` when they are not the same quotation.
fn score(a: &[u32], b: &[u32]) -> Option<f32> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a == b {
        return Some(1.0);
    }
    let common = common_words(a, b);
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    (common >= 3 && common * 10 >= short * 6).then(|| common as f32 / long as f32)
}

fn common_words(a: &[u32], b: &[u32]) -> usize {
    capture_diff_slices(Algorithm::RawMyers, a, b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}

/// A quote group from matched pieces: the fullest is the reference, the others compared with it.
fn build_group(
    set: &Set<'_>,
    pieces: &[Piece],
    quotes: &[Quote],
    members: &[usize],
    id: usize,
) -> QuoteGroup {
    let reference = members
        .iter()
        .enumerate()
        .max_by_key(|&(i, &p)| (pieces[p].keys().len(), std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i);
    let tokens: Vec<Vec<Token>> = members.iter().map(|&p| tokens_of(&pieces[p])).collect();
    let side = |i: usize| {
        let p = &pieces[members[i]];
        Side {
            text: set.sentences[p.sentence].text,
            sentence: &p.range,
            tokens: &tokens[i],
        }
    };
    let reference_side = side(reference);
    let mut diffs = Vec::new();
    let mut out: Vec<QuoteMember> = Vec::new();
    for (i, &p) in members.iter().enumerate() {
        if i == reference {
            continue;
        }
        let d = diff::diff(reference_side, side(i));
        out.push(QuoteMember {
            quote: Some(p),
            at: quotes[p].at,
            relation: relation(pieces[members[reference]].keys(), pieces[p].keys()),
            marks: marks(&d.marks),
        });
        diffs.push(d);
    }
    let reference_piece = members[reference];
    out.push(QuoteMember {
        quote: Some(reference_piece),
        at: quotes[reference_piece].at,
        relation: QuoteRelation::Reference,
        marks: marks(&diff::reference_marks(reference_side, &diffs)),
    });
    sort_by(&mut out, |m| [m.at.source as u64, m.at.start as u64, 0, 0]);
    QuoteGroup {
        id,
        speaker: common_speaker(members.iter().map(|&p| &quotes[p])),
        reference: out
            .iter()
            .position(|m| m.relation == QuoteRelation::Reference)
            .unwrap_or(0),
        members: out,
    }
}

/// The speaker most members name.
fn common_speaker<'a>(quotes: impl Iterator<Item = &'a Quote>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for speaker in quotes.filter_map(|q| q.speaker.as_deref()) {
        match counts.iter_mut().find(|(s, _)| *s == speaker) {
            Some((_, n)) => *n += 1,
            None => counts.push((speaker, 1)),
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (s, _))| (*s).to_owned())
}

/// Synthetic tokens for the diff: one per compared word, keyed by the quote interner.
fn tokens_of(piece: &Piece) -> Vec<Token> {
    piece
        .words
        .iter()
        .map(|w| Token {
            range: w.range.clone(),
            key: w.key,
            class: WordClass::Content,
            quoted: true,
            spelling: Spelling::Plain,
        })
        .collect()
}

fn marks(raw: &[RawMark]) -> Vec<Mark> {
    raw.iter()
        .map(|m| Mark {
            start: m.range.start,
            end: m.range.end,
            kind: m.kind,
            variant_of: None,
            against: m.against.as_ref().map(|r| Span {
                start: r.start,
                end: r.end,
            }),
        })
        .collect()
}

/// How a member's words compare with the reference's.
fn relation(reference: &[u32], member: &[u32]) -> QuoteRelation {
    if reference == member {
        return QuoteRelation::Identical;
    }
    let only_left_out = capture_diff_slices(Algorithm::RawMyers, reference, member)
        .iter()
        .all(|op| matches!(op, DiffOp::Equal { .. } | DiffOp::Delete { .. }));
    if only_left_out {
        QuoteRelation::Trimmed
    } else {
        QuoteRelation::Reworded
    }
}

/// Trimmed, reworded and speaker flags of one quote group.
fn group_flags(
    set: &Set<'_>,
    pieces: &[Piece],
    quotes: &[Quote],
    interner: &Interner,
    group: &QuoteGroup,
) -> Vec<Flag> {
    let Some(reference) = group.members.get(group.reference).and_then(|m| m.quote) else {
        return Vec::new();
    };
    let mut flags = Vec::new();
    for member in &group.members {
        let Some(q) = member.quote else { continue };
        let kind = match member.relation {
            QuoteRelation::Trimmed => FlagKind::QuoteTrimmed,
            QuoteRelation::Reworded => FlagKind::QuoteReworded,
            _ => continue,
        };
        let changes = changes(set, &pieces[reference], &pieces[q], interner);
        let (r, m) = (quotes[reference].at.source, quotes[q].at.source);
        let explanation = match kind {
            FlagKind::QuoteTrimmed => format!(
                "Source {{{r}}} quotes {}; source {{{m}}} leaves out {}.",
                quoted(&quotes[reference].text),
                list(&changes.left_out),
            ),
            _ => format!(
                "Source {{{r}}} quotes {}; source {{{m}}} quotes {}: the same quotation in other words ({}).",
                quoted(&quotes[reference].text),
                quoted(&quotes[q].text),
                changes.pairs.join("; "),
            ),
        };
        let severity = if kind == FlagKind::QuoteTrimmed {
            Severity::Note
        } else {
            Severity::Check
        };
        let mut f = Flag::new(
            kind,
            severity,
            vec![side(&quotes[reference]), side(&quotes[q])],
            explanation,
        );
        f.quote_group = Some(group.id);
        flags.push(f);
    }
    flags.extend(speaker_flag(quotes, group));
    flags
}

fn side(quote: &Quote) -> FlagSide {
    FlagSide {
        at: quote.at,
        text: quote.text.clone(),
    }
}

/// What a member changes: words left out, and "old" → "new" pairs.
struct Changes {
    left_out: Vec<String>,
    pairs: Vec<String>,
}

fn changes(set: &Set<'_>, reference: &Piece, member: &Piece, interner: &Interner) -> Changes {
    let skip = |p: &Piece| {
        usize::from(
            p.words
                .first()
                .is_some_and(|w| LEADING.contains(&interner.text(w.key))),
        )
    };
    let (rs, ms) = (skip(reference), skip(member));
    let (rw, mw) = (&reference.words[rs..], &member.words[ms..]);
    let rkeys: Vec<u32> = rw.iter().map(|w| w.key).collect();
    let mkeys: Vec<u32> = mw.iter().map(|w| w.key).collect();
    let text_of = |piece: &Piece, words: &[Word], range: Range<usize>| -> String {
        let (Some(first), Some(last)) = (
            words.get(range.start),
            range.end.checked_sub(1).and_then(|e| words.get(e)),
        ) else {
            return String::new();
        };
        set.sentences[piece.sentence]
            .slice(&(first.range.start..last.range.end))
            .to_owned()
    };
    let mut out = Changes {
        left_out: Vec::new(),
        pairs: Vec::new(),
    };
    for op in capture_diff_slices(Algorithm::RawMyers, &rkeys, &mkeys) {
        match op {
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let words = text_of(reference, rw, old_index..old_index + old_len);
                out.left_out.push(quoted(&words));
                out.pairs.push(format!("{} left out", quoted(&words)));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                let words = text_of(member, mw, new_index..new_index + new_len);
                out.pairs.push(format!("{} added", quoted(&words)));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let old = text_of(reference, rw, old_index..old_index + old_len);
                let new = text_of(member, mw, new_index..new_index + new_len);
                out.pairs
                    .push(format!("{} for {}", quoted(&new), quoted(&old)));
            }
            DiffOp::Equal { .. } => {}
        }
    }
    out.pairs.truncate(3);
    out
}

/// "“a”", "“a” and “b”", "“a”, “b” and “c”".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A flag when members name different speakers for the same words.
fn speaker_flag(quotes: &[Quote], group: &QuoteGroup) -> Option<Flag> {
    let named: Vec<&Quote> = group
        .members
        .iter()
        .filter_map(|m| m.quote.map(|q| &quotes[q]))
        .filter(|q| q.attribution == Attribution::Named && q.speaker_name.is_some())
        .collect();
    let first = named.first()?;
    let other = named
        .iter()
        .find(|q| q.speaker_name != first.speaker_name)?;
    let explanation = format!(
        "Source {{{}}} attributes {} to {}; source {{{}}} attributes it to {}.",
        first.at.source,
        quoted(&first.text),
        first.speaker.as_deref().unwrap_or("someone"),
        other.at.source,
        other.speaker.as_deref().unwrap_or("someone else"),
    );
    let mut f = Flag::new(
        FlagKind::SpeakerConflict,
        Severity::Conflict,
        vec![side(first), side(other)],
        explanation,
    );
    f.quote_group = Some(group.id);
    Some(f)
}

/// The pieces and quoted tokens, for the paraphrase search.
struct Found<'a> {
    pieces: &'a [Piece],
    inside: &'a [Vec<bool>],
}

/// Adds a paraphrase member (and flag) for each source that carries a quotation's words without quotation marks.
fn paraphrases(
    set: &Set<'_>,
    found: &Found<'_>,
    quotes: &mut [Quote],
    groups: &mut Vec<QuoteGroup>,
    flags: &mut Vec<Flag>,
) {
    let index = unquoted_index(set, found.inside);
    for (p, piece) in found.pieces.iter().enumerate() {
        let group = quotes[p].quote_group;
        let is_reference = match group {
            Some(g) => {
                groups[g]
                    .members
                    .get(groups[g].reference)
                    .and_then(|m| m.quote)
                    == Some(p)
            }
            None => true,
        };
        if !is_reference || piece.content.len() < 4 {
            continue;
        }
        let taken: Vec<usize> = match group {
            Some(g) => groups[g].members.iter().map(|m| m.at.source).collect(),
            None => vec![piece.source],
        };
        let found_here = best_paraphrases(set, &index, found.inside, piece, &taken);
        if found_here.is_empty() {
            continue;
        }
        let g = match group {
            Some(g) => g,
            None => {
                let id = groups.len();
                let at = quotes[p].at;
                groups.push(QuoteGroup {
                    id,
                    speaker: quotes[p].speaker.clone(),
                    reference: 0,
                    members: vec![QuoteMember {
                        quote: Some(p),
                        at,
                        relation: QuoteRelation::Reference,
                        marks: vec![Mark {
                            start: at.start,
                            end: at.end,
                            kind: crate::MarkKind::Shared,
                            variant_of: None,
                            against: None,
                        }],
                    }],
                });
                quotes[p].quote_group = Some(id);
                id
            }
        };
        for at in found_here {
            let s = set
                .sentences
                .iter()
                .find(|s| s.source == at.source && s.index == at.sentence);
            let text = s.map_or(String::new(), |s| s.slice(&(at.start..at.end)).to_owned());
            let explanation = format!(
                "Source {{{}}} quotes {}; source {{{}}} gives it without quotation marks: {}.",
                piece.source,
                quoted(&quotes[p].text),
                at.source,
                quoted(&text),
            );
            let mut f = Flag::new(
                FlagKind::QuoteParaphrased,
                Severity::Note,
                vec![side(&quotes[p]), FlagSide { at, text }],
                explanation,
            );
            f.quote_group = Some(g);
            flags.push(f);
            groups[g].members.push(QuoteMember {
                quote: None,
                at,
                relation: QuoteRelation::Paraphrased,
                marks: Vec::new(),
            });
        }
        let reference = groups[g].members[groups[g].reference].at;
        sort_by(&mut groups[g].members, |m| {
            [m.at.source as u64, m.at.start as u64, 0, 0]
        });
        groups[g].reference = groups[g]
            .members
            .iter()
            .position(|m| m.at == reference && m.relation == QuoteRelation::Reference)
            .unwrap_or(0);
    }
}

/// Content keys outside quotation marks → the sentences (set indices) that hold them.
fn unquoted_index(set: &Set<'_>, inside: &[Vec<bool>]) -> KeyMap<u32, Vec<usize>> {
    let mut index: KeyMap<u32, Vec<usize>> = KeyMap::default();
    for (s, sentence) in set.sentences.iter().enumerate() {
        for (k, token) in sentence.tokens.iter().enumerate() {
            let quoted = inside
                .get(s)
                .and_then(|f| f.get(k))
                .copied()
                .unwrap_or(false);
            if quoted || matches!(token.class, WordClass::Function | WordClass::Negation) {
                continue;
            }
            let list = index.entry(token.key).or_default();
            if list.last() != Some(&s) {
                list.push(s);
            }
        }
    }
    index
}

/// Per source not in `taken`: the sentence carrying most of the piece's content words, when it carries enough.
fn best_paraphrases(
    set: &Set<'_>,
    index: &KeyMap<u32, Vec<usize>>,
    inside: &[Vec<bool>],
    piece: &Piece,
    taken: &[usize],
) -> Vec<At> {
    let max_postings = set.config.facts.max_postings;
    // One entry per (sentence, shared key): [source, sentence, plain, 0].
    let mut hits: Vec<[u64; 4]> = Vec::new();
    for &(key, plain) in &piece.content {
        let Some(list) = index.get(&key).filter(|l| l.len() <= max_postings) else {
            continue;
        };
        for &s in list {
            let source = set.sentences[s].source;
            if !taken.contains(&source) {
                hits.push([source as u64, s as u64, u64::from(plain), 0]);
            }
        }
    }
    let need = piece.content.len();
    let by_sentence = runs_by(&hits, |h| [h[0], h[1], 0, 0]);
    // Per source, the sentence sharing most (the earliest among equals).
    let mut best: Vec<(usize, usize, usize)> = Vec::new();
    for run in &by_sentence {
        let (source, s) = (run[0][0] as usize, run[0][1] as usize);
        let shared = run.len();
        let plain = run.iter().filter(|h| h[2] == 1).count();
        if shared < 4 || plain < 3 || shared * 10 < need * 7 {
            continue;
        }
        match best.iter_mut().find(|(src, _, _)| *src == source) {
            Some(entry) if shared > entry.2 => *entry = (source, s, shared),
            Some(_) => {}
            None => best.push((source, s, shared)),
        }
    }
    let mut out: Vec<At> = best
        .into_iter()
        .map(|(_, s, _)| {
            let sentence = &set.sentences[s];
            let keys: Vec<u32> = piece.content.iter().map(|(k, _)| *k).collect();
            let matched: Vec<usize> = (0..sentence.tokens.len())
                .filter(|&k| {
                    keys.contains(&sentence.tokens[k].key)
                        && !inside
                            .get(s)
                            .and_then(|f| f.get(k))
                            .copied()
                            .unwrap_or(false)
                })
                .collect();
            let range = match (matched.first(), matched.last()) {
                (Some(&a), Some(&b)) => sentence.span(a, b),
                _ => sentence.range.clone(),
            };
            sentence.at(&range)
        })
        .collect();
    sort_by(&mut out, |at| [at.source as u64, at.start as u64, 0, 0]);
    out
}

#[cfg(test)]
mod tests {
    use crate::facts::testing::{explained, report};
    use crate::report::Attribution;

    /// Every quote of `texts` as `[source]«words» speaker (attribution)` (pieces
    /// of one quotation joined by `+`), then each quote group as
    /// `relation[source]…`, then each quote flag's explanation, one per line.
    fn check(texts: &[&str], expect: &str) {
        let report = report(texts);
        let quotes = &report.facts.quotes;
        let mut lines: Vec<String> = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let joined = i > 0
                    && quotes[i - 1].quotation == q.quotation
                    && quotes[i - 1].at.source == q.at.source;
                let who = match q.attribution {
                    Attribution::None => "nobody".to_owned(),
                    a => format!("{} ({a:?})", q.speaker.as_deref().unwrap_or("?")),
                };
                let plus = if joined { "+ " } else { "" };
                format!("{plus}[{}]«{}» {who}", q.at.source, q.text)
            })
            .collect();
        lines.extend(report.facts.quote_groups.iter().map(|g| {
            let members: Vec<String> = g
                .members
                .iter()
                .map(|m| format!("{:?}[{}]", m.relation, m.at.source))
                .collect();
            format!("group {}: {}", g.id, members.join(" "))
        }));
        lines.extend(
            report
                .facts
                .flags
                .iter()
                .filter(|f| f.quote_group.is_some())
                .map(explained),
        );
        assert_eq!(lines.join("\n"), expect);
    }

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
    fn a_quote_over_two_sentences_and_one_continued_in_the_paragraph() {
        check(
            &[
                "“We will see. I will be speaking to Putin,” Mr. Trump said. “A lot of work’s been done.”",
            ],
            "[0]«We will see.» Trump (Named)\n+ [0]«I will be speaking to Putin» Trump (Named)\n[0]«A lot of work’s been done.» Trump (Continued)",
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

    #[test]
    fn identical_quotes_with_contractions_group_and_trimmed_ones_are_flagged() {
        check(
            &[
                "“I’ll be speaking to President Putin on Tuesday,” Trump stated. “The president is determined to get one done,” Leavitt said.",
                "“I will be speaking to President Putin on Tuesday,” Mr. Trump said. “And the president, as you know, is determined to get one done,” Leavitt said.",
            ],
            "[0]«I’ll be speaking to President Putin on Tuesday» Trump (Named)\n[0]«The president is determined to get one done» Leavitt (Named)\n[1]«I will be speaking to President Putin on Tuesday» Trump (Named)\n[1]«And the president, as you know, is determined to get one done» Leavitt (Named)\ngroup 0: Reference[0] Identical[1]\ngroup 1: Trimmed[0] Reference[1]\nSource [1] quotes “And the president, as you know, is determined to get one done”; source [0] leaves out “as you know”.",
        );
    }

    #[test]
    fn reworded_quotes_and_different_speakers_are_flagged() {
        check(
            &[
                "“We are ready to work together on peace,” Putin said.",
                "“We are ready to work closely together for peace,” Peskov said.",
            ],
            "[0]«We are ready to work together on peace» Putin (Named)\n[1]«We are ready to work closely together for peace» Peskov (Named)\ngroup 0: Reworded[0] Reference[1]\nSource [0] attributes “We are ready to work together on peace” to Putin; source [1] attributes it to Peskov.\nSource [1] quotes “We are ready to work closely together for peace”; source [0] quotes “We are ready to work together on peace”: the same quotation in other words (“closely” left out; “on” for “for”).",
        );
    }

    #[test]
    fn a_quote_given_without_quotation_marks_is_paraphrased() {
        check(
            &[
                "“A lot of diplomatic work has been done over the weekend,” Trump said.",
                "Trump indicated that significant diplomatic work had been done over the weekend.",
            ],
            "[0]«A lot of diplomatic work has been done over the weekend» Trump (Named)\ngroup 0: Reference[0] Paraphrased[1]\nSource [0] quotes “A lot of diplomatic work has been done over the weekend”; source [1] gives it without quotation marks: “diplomatic work had been done over the weekend”.",
        );
    }
}
