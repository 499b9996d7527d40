//! Sorting through one routine: every sort of the engine (and of the app) puts its keys in `([u64; 4], index)` pairs.
//!
//! Rust's sorts are generic: every element type and comparison gets its own
//! copy of the whole algorithm in the WebAssembly (3 to 4 KB each). Here a
//! sort builds one [`Key`] per item, sorts the `(key, index)` pairs with
//! [`sort_keyed`] (the one instantiation of the standard sort) and applies
//! the resulting permutation. The index breaks ties, so [`sort_by`] is stable.
//!
//! Keys are four numbers compared first to last. A descending number becomes
//! `u64::MAX - n`; a float becomes [`float_key`], which orders as
//! [`f32::total_cmp`]; a key of more than four numbers takes two stable sorts,
//! the minor part first:
//!
//! ```
//! use crosscheck_engine::order::{float_key, sort_by};
//!
//! let mut scored = vec![("b", 0.5_f32), ("a", 0.9), ("c", 0.5)];
//! // Best first; equal scores keep their order.
//! sort_by(&mut scored, |&(_, score)| [u64::MAX - float_key(score), 0, 0, 0]);
//! assert_eq!(scored, [("a", 0.9), ("b", 0.5), ("c", 0.5)]);
//! ```

/// A sort key: four numbers compared first to last.
pub type Key = [u64; 4];

/// Sorts `(key, index)` pairs by key, then index: the one place that
/// instantiates the standard library's sort. Unique indices make the result
/// the same as a stable sort's.
pub fn sort_keyed(keyed: &mut [(Key, usize)]) {
    keyed.sort_unstable();
}

/// Sorts `items` stably by `key`.
pub fn sort_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> Key) {
    let mut keyed: Vec<(Key, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    sort_keyed(&mut keyed);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.iter().filter_map(|&(_, i)| slots.get_mut(i)?.take()));
}

/// `items` sorted by `key` and cut into runs of equal keys (in key order):
/// a grouping without a map.
pub fn runs_by<T: Copy>(items: &[T], key: impl Fn(&T) -> Key) -> Vec<Vec<T>> {
    let mut keyed: Vec<(Key, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    sort_keyed(&mut keyed);
    let mut out: Vec<Vec<T>> = Vec::new();
    let mut last = None;
    for (k, i) in keyed {
        if last != Some(k) {
            out.push(Vec::new());
            last = Some(k);
        }
        if let Some(run) = out.last_mut() {
            run.push(items[i]);
        }
    }
    out
}

/// A float as a number in the order of [`f32::total_cmp`]: negative NaN,
/// −∞, …, −0, +0, …, +∞, NaN. Negative floats have their bits flipped (a
/// larger magnitude is smaller); the others get the sign bit set, above them.
pub fn float_key(x: f32) -> u64 {
    let bits = x.to_bits();
    u64::from(if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorts `items` by `key` and checks the order.
    fn check<T: Clone + PartialEq + std::fmt::Debug>(
        items: &[T],
        key: impl Fn(&T) -> Key,
        expect: &[T],
    ) {
        let mut sorted = items.to_vec();
        sort_by(&mut sorted, key);
        assert_eq!(sorted, expect);
    }

    #[test]
    fn sorting_is_stable_by_key() {
        type Items = &'static [(u64, char)];
        let by_first = |&(k, _): &(u64, char)| [k, 0, 0, 0];
        // (items, sorted by their number)
        let cases: &[(Items, Items)] = &[
            (&[], &[]),
            (&[(7, 'a')], &[(7, 'a')]),
            (
                &[(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')],
                &[(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')],
            ),
            (
                &[(1, 'c'), (1, 'b'), (1, 'a')],
                &[(1, 'c'), (1, 'b'), (1, 'a')],
            ),
        ];
        for (items, expect) in cases {
            check(items, by_first, expect);
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum"];
        sort_by(&mut words, |w| [w.len() as u64, 0, 0, 0]);
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "apple"]);
    }

    #[test]
    fn later_numbers_break_ties_of_earlier_ones() {
        check(
            &[(2, 1), (1, 9), (2, 0), (1, 3)],
            |&(a, b)| [a, b, 0, 0],
            &[(1, 3), (1, 9), (2, 0), (2, 1)],
        );
    }

    #[test]
    fn float_keys_order_as_total_cmp() {
        let floats = [
            f32::NAN,
            1.0,
            -0.0,
            f32::INFINITY,
            -f32::NAN,
            0.0,
            -1.5,
            f32::MIN_POSITIVE,
            f32::NEG_INFINITY,
            -f32::MIN_POSITIVE,
            0.5,
            f32::MAX,
            f32::MIN,
        ];
        let mut expect = floats.to_vec();
        expect.sort_by(f32::total_cmp);
        let mut sorted = floats.to_vec();
        sort_by(&mut sorted, |&x| [float_key(x), 0, 0, 0]);
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&sorted), bits(&expect));
        assert!(float_key(-0.0) < float_key(0.0));
        assert!(float_key(-2.0) < float_key(-1.0));
    }

    #[test]
    fn descending_floats_keep_equal_scores_in_order() {
        let scores = [
            (0.5_f32, 'a'),
            (0.9, 'b'),
            (0.5, 'c'),
            (-0.1, 'd'),
            (0.9, 'e'),
        ];
        let expect = [(0.9, 'b'), (0.9, 'e'), (0.5, 'a'), (0.5, 'c'), (-0.1, 'd')];
        check(
            &scores,
            |&(s, _)| [u64::MAX - float_key(s), 0, 0, 0],
            &expect,
        );
    }

    #[test]
    fn runs_group_equal_keys_in_key_order() {
        let runs = runs_by(&[3u64, 1, 3, 2], |&k| [k, 0, 0, 0]);
        assert_eq!(runs, [vec![1], vec![2], vec![3, 3]]);
        assert!(runs_by(&[] as &[u64], |&k| [k, 0, 0, 0]).is_empty());
    }
}
