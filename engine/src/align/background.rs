//! How common words are in news in general: a small table shipped with the engine, so two short articles still weigh words well.
//!
//! In a set of two short articles every word occurs once or twice, and the
//! set's own counts cannot tell "people" from "Witkoff". The table gives the
//! share of news sentences that hold each common word (its comparison key: a
//! stem, a number as digits), and [`super::vectors`] smooths the set's counts
//! towards it. Words the table lacks are rare ([`FLOOR`]).
//!
//! `engine/data/background.tsv` is made by `cargo run -p crosscheck-engine
//! --example background -- ../shared/data/ecbplus` from the ECB+ corpus
//! (Cybulska and Vossen, LREC 2014; 982 news articles on 43 topics,
//! annotation CC BY 3.0, texts not copyrighted according to the corpus): the
//! keys found in sentences of at least five topics and at least 200 sentences,
//! each with the number of sentences holding it, so a word frequent in one
//! story only (a name, "rehab") does not count as common, and the table stays
//! small (98 keys, 1 KB). Lines are `count<TAB>key key …`; lines starting
//! with `#` are comments, and `# sentences<TAB>N` gives the corpus size.

/// The shipped table.
const TABLE: &str = include_str!("../../data/background.tsv");

/// The background rate of a key the table lacks: about half a sentence in the table's corpus.
pub const FLOOR: f32 = 3.0e-5;

/// Keys with the share of background sentences that hold them, in the table's order.
#[derive(Clone, Debug, Default)]
pub struct Background {
    rates: Vec<(&'static str, f32)>,
}

impl Background {
    /// The shipped table.
    pub fn shipped() -> Self {
        Background::parse(TABLE)
    }

    /// A table in the format above; lines it cannot read are skipped.
    pub fn parse(table: &'static str) -> Self {
        let mut sentences = 0u32;
        let mut counted: Vec<(f32, &'static str)> = Vec::new();
        for line in table.lines() {
            let Some((head, keys)) = line.split_once('\t') else {
                continue;
            };
            if head == "# sentences" {
                sentences = keys.trim().parse().unwrap_or(0);
            } else if let Ok(count) = head.parse::<u32>() {
                let count = count as f32;
                counted.extend(
                    keys.split(' ')
                        .filter(|k| !k.is_empty())
                        .map(|k| (count, k)),
                );
            }
        }
        let rates = if sentences > 0 {
            let sentences = sentences as f32;
            counted
                .into_iter()
                .map(|(count, key)| (key, (count / sentences).min(1.0)))
                .collect()
        } else {
            Vec::new()
        };
        Background { rates }
    }

    /// Every key of the table with its share of background sentences; keys
    /// the table lacks have [`FLOOR`].
    pub fn rates(&self) -> impl Iterator<Item = (&'static str, f32)> + '_ {
        self.rates.iter().copied()
    }

    /// How many keys the table holds.
    pub fn len(&self) -> usize {
        self.rates.len()
    }

    /// Whether the table holds no key.
    pub fn is_empty(&self) -> bool {
        self.rates.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(table: &Background, key: &str) -> f32 {
        table
            .rates()
            .find(|(k, _)| *k == key)
            .map_or(FLOOR, |(_, r)| r)
    }

    #[test]
    fn the_shipped_table_reads_and_knows_common_words_from_rare_ones() {
        let table = Background::shipped();
        assert!(table.len() > 50, "{}", table.len());
        assert!(rate(&table, "polic") > 10.0 * FLOOR);
        assert_eq!(rate(&table, "witkoff"), FLOOR);
    }

    #[test]
    fn counts_become_shares_of_the_corpus() {
        let table =
            Background::parse("# a comment\n# sentences\t200\n20\tpeopl year\nbad line\n2\tvote\n");
        assert_eq!(rate(&table, "peopl"), 0.1);
        assert_eq!(rate(&table, "vote"), 0.01);
        assert_eq!(rate(&table, "other"), FLOOR);
        assert!(Background::parse("10\tno size\n").is_empty());
    }
}
