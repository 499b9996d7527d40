//! Spelling variants met in the set: words that compare as one but are written more than one way ("Kyiv"/"Kiev"), for the report.
//!
//! The normalize stage gives such words one key, from the variant table
//! ([`crate::variants`]) or by folding diacritics; this lists, per key, each
//! spelling as written and the sources that use it, so the report can say
//! they are the same name and not a disagreement.

use crate::Source;
use crate::normalize::{Lexicon, Spelling as TokenSpelling, Token};
use crate::report::{SourceId, Spelling, Variant};

/// Words with several spellings across the set, from tokens whose key came from a variant table or folding.
#[inline(never)] // a stage of its own in the wasm: see `crate::pipeline`
pub(crate) fn variants(
    sources: &[Source],
    tokens: &[&[Vec<Token>]],
    lexicon: &Lexicon,
) -> Vec<Variant> {
    let mut by_key: Vec<(u32, Vec<Spelling>)> = Vec::new();
    let mut lowered: Vec<Vec<String>> = Vec::new();
    for (source, sentences) in SourceId::all(tokens.len()).zip(tokens) {
        for token in sentences
            .iter()
            .flatten()
            .filter(|t| t.spelling == TokenSpelling::Variant)
        {
            let written = &sources[source.index()].text[token.range.clone()];
            let index = match by_key.iter().position(|(k, _)| *k == token.key) {
                Some(i) => i,
                None => {
                    by_key.push((token.key, Vec::new()));
                    lowered.push(Vec::new());
                    by_key.len() - 1
                }
            };
            let lower = written.to_lowercase();
            match lowered[index].iter().position(|l| *l == lower) {
                Some(s) => {
                    let sources = &mut by_key[index].1[s].sources;
                    if !sources.contains(&source) {
                        sources.push(source);
                    }
                }
                None => {
                    lowered[index].push(lower);
                    by_key[index].1.push(Spelling {
                        text: written.to_owned(),
                        sources: vec![source],
                    });
                }
            }
        }
    }
    by_key
        .into_iter()
        .filter(|(_, spellings)| spellings.len() > 1)
        .map(|(key, spellings)| Variant {
            key: lexicon.key(key).to_owned(),
            spellings,
        })
        .collect()
}
