//! Stable sorting with one copy of the sorting code. Each `slice::sort_by` call site with its own closure
//! is a separate copy of the standard library's stable sort (≈ 4 KB of WebAssembly each; thirteen of
//! them were 50 KB of the page, issue 14). Here the sort itself runs once, non-generic, over positions
//! compared through a `dyn` callback; short slices (the obligations of one matter) are sorted by
//! insertion, which is small and quick. Same result as the standard stable sort.

use std::cmp::Ordering;

/// Slices up to this length are sorted by insertion.
const SHORT: usize = 16;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() <= SHORT {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let perm = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    apply(v, perm);
}

/// Sorts `v` stably by a key, like `v.sort_by_key(key)`.
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in its natural order, like `v.sort()`.
pub fn natural<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// The positions `0..n` in sorted order: the one stable sort of the program.
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    p.sort_by(|a, b| cmp(*a, *b));
    p
}

/// Rearranges `v` so that its element `i` is the former element `perm[i]`, cycle by cycle.
fn apply<T>(v: &mut [T], perm: Vec<usize>) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut i = start;
        while !done[i] {
            done[i] = true;
            let src = perm[i];
            if src == start {
                break;
            }
            v.swap(i, src);
            i = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        // Pseudo-random keys with many ties (stability shows), lengths around the insertion threshold.
        let mut x = 7u64;
        for n in [0, 1, 2, 15, 16, 17, 100, 1_000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((x >> 60) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            by_key(&mut ours, |e| e.0);
            let mut std = v.clone();
            std.sort_by_key(|e| e.0);
            assert_eq!(ours, std, "n = {n}");
            let mut desc = v.clone();
            by(&mut desc, |a, b| b.0.cmp(&a.0));
            let mut std_desc = v;
            std_desc.sort_by_key(|e| std::cmp::Reverse(e.0));
            assert_eq!(desc, std_desc, "n = {n}, descending");
        }
        let mut s: Vec<String> = ["丙", "甲", "乙", "甲"].map(String::from).to_vec();
        let mut std = s.clone();
        natural(&mut s);
        std.sort();
        assert_eq!(s, std);
    }
}
