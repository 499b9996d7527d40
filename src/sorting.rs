//! Sorting through one routine: the app's few sorts put their keys in `([u64; 4], index)` pairs, the type the engine's facts stage already sorts.
//!
//! Rust's sorts are generic, and every element type and comparison gets its
//! own copy of the whole algorithm in the wasm (3 to 4 KB each). Sorting
//! `([u64; 4], usize)` pairs with `sort_unstable`, as the engine's
//! `facts::sort_by` does, reuses the copy the engine needs anyway; the index
//! breaks ties, so the sort is stable.

/// Sorts `items` stably by `key` (compared as four numbers, first to last).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> [u64; 4]) {
    let mut keyed: Vec<([u64; 4], usize)> =
        items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.iter().filter_map(|&(_, i)| slots.get_mut(i)?.take()));
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
