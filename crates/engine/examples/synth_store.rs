//! Prints the synthetic benchmark register of N matters as the app stores it in localStorage (the same
//! text as the browser benchmark's `bench_synth_store`): `cargo run --release --example synth_store 20000`.
//! scripts/bench-reports.mjs loads it into a page to time 报送前自查 and 全区对比.

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let reg = yingsu_engine::store::Register {
        matters: yingsu_engine::synth::register(n, 2026),
        revision: 1,
        ..Default::default()
    };
    print!("{}", reg.to_json());
}
