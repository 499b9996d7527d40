//! Sorting through one routine: the app's few sorts go through the engine's `order::sort_by`, which sorts `([u64; 4], index)` pairs.
//!
//! Rust's sorts are generic, and every element type and comparison gets its
//! own copy of the whole algorithm in the wasm (3 to 4 KB each). The engine
//! sorts every key as four numbers in one non-generic routine
//! (`crosscheck_engine::order::sort_keyed`); the app reuses it, so the wasm
//! holds one copy. The index breaks ties, so the sort is stable.

/// Sorts `items` stably by `key` (compared as four numbers, first to last).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> [u64; 4]) {
    crosscheck_engine::order::sort_by(items, key);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum"];
        sort_by_key(&mut words, |w| [w.len() as u64, 0, 0, 0]);
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "apple"]);
    }

    #[test]
    fn later_numbers_break_ties_of_earlier_ones() {
        let mut pairs = vec![(2, 1), (1, 9), (2, 0), (1, 3)];
        sort_by_key(&mut pairs, |&(a, b)| [a, b, 0, 0]);
        assert_eq!(pairs, [(1, 3), (1, 9), (2, 0), (2, 1)]);
    }
}
