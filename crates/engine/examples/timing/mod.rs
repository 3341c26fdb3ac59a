//! What the benchmark examples share (`mod timing;` in each): the best of a number of runs.

use std::time::Instant;

/// Runs `f` `runs` times; the fastest run in milliseconds, and the last result.
pub fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        out = Some(v);
    }
    (best, out.expect("at least one run"))
}
