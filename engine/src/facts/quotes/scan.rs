//! Reading quotation marks: each source's sentences, paragraph by paragraph, as quote pieces (one per sentence) of quotations, with their compared words.
//!
//! A quotation may run over several sentences and on into the next paragraph
//! when that one opens with a quotation mark; a sentence that closes a
//! quotation it never opened continues one. A piece's words are compared by
//! key, with contractions as two words ("I’ll" is "I will", "can’t" "can not").

use std::ops::Range;

use super::{Interner, LEADING, Piece, Quotation, Word};
use crate::facts::{Sentence, Set};
use crate::fold::fold;
use crate::normalize::{Spelling, WordClass};
use crate::report::{Attribution, SourceId};

/// Reads the quotation marks of every source, paragraph by paragraph.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(super) fn scan(
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
    at: Option<(SourceId, usize)>,
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

#[cfg(test)]
mod tests {
    use crate::facts::quotes::testing::check;

    #[test]
    fn a_quote_over_two_sentences_and_one_continued_in_the_paragraph() {
        check(
            &[
                "“We will see. I will be speaking to Putin,” Mr. Trump said. “A lot of work’s been done.”",
            ],
            "[0]«We will see.» Trump (Named)\n+ [0]«I will be speaking to Putin» Trump (Named)\n[0]«A lot of work’s been done.» Trump (Continued)",
        );
    }
}
