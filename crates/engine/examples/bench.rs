//! Native benchmark: `cargo run --release -p yingsu-engine --example bench` (scripts/bench.sh runs it).
//! Registers of 1,000, 10,000 and 100,000 matters (fixed seed): CSV parse, parse + validate,
//! evaluation of every obligation, and the half-year report for every agency plus 全部.

use chrono::NaiveDate;
mod timing;
use timing::best;
use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::store::Register;
use yingsu_engine::{codec, evaluate, report, synth, Calendar, Matter, Settings};

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date");
    let cal = Calendar::bundled();
    let settings = Settings::default();
    println!("| matters | CSV MB | parse ms | parse+validate ms | evaluate ms | obligations | half-year report ms |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut prev: Option<(f64, f64, f64)> = None;
    // BENCH_QUICK=1 stops at 10,000 (a quick look while changing something).
    let sizes: &[usize] =
        if std::env::var_os("BENCH_QUICK").is_some() { &[1_000, 10_000] } else { &[1_000, 10_000, 100_000] };
    for &n in sizes {
        let runs = if n >= 100_000 { 3 } else { 7 };
        let csv = String::from_utf8(codec::export(&synth::register(n, 2026))).expect("utf-8");
        let (parse, rows) = best(runs, || codec::parse_only(&csv));
        let (import, imp) = best(runs, || codec::import_text::<Matter>(&csv, "UTF-8").expect("valid file"));
        assert_eq!(rows, n + 1);
        let matters: Vec<Matter> = imp.rows.into_iter().map(|r| r.record).collect();
        let (eval, evals) =
            best(runs, || matters.iter().map(|m| evaluate(m, &cal, &settings, today)).collect::<Vec<_>>());
        let obligations: usize = evals.iter().map(|e| e.obligations.len()).sum();
        let (rep, _) = best(runs, || {
            let p = ReportPeriod::Half(2025, 1);
            report::half_year_csv(&report::half_year_all(&matters, &evals, p, today))
        });
        println!(
            "| {n} | {:.1} | {parse:.1} | {import:.1} | {eval:.1} | {obligations} | {rep:.1} |",
            csv.len() as f64 / 1e6
        );
        if let Some((p, i, e)) = prev {
            eprintln!(
                "  growth ×10 → parse ×{:.1}, parse+validate ×{:.1}, evaluate ×{:.1}",
                parse / p,
                import / i,
                eval / e
            );
        }
        prev = Some((parse, import, eval));
    }
    println!();
    println!(
        "| matters | stored MB | write register (to_json) ms | write after one matter edited (to_json_cached) ms | read register (from_json) ms |"
    );
    println!("|---:|---:|---:|---:|---:|");
    for n in [1_000usize, 10_000, 20_000] {
        let mut reg = Register { matters: synth::register(n, 2026), revision: 1, ..Register::default() };
        let (write, json) = best(7, || reg.to_json());
        let mut cache = yingsu_engine::store::RowCache::default();
        reg.to_json_cached(&mut cache);
        let mut k = 0;
        let (again, _) = best(7, || {
            k += 1;
            reg.matters[n / 2].remarks = format!("修改 {k}");
            reg.to_json_cached(&mut cache)
        });
        let (read, back) = best(7, || Register::from_json(&json).expect("reads back"));
        assert_eq!(back.matters.len(), n);
        println!("| {n} | {:.1} | {write:.1} | {again:.1} | {read:.1} |", json.len() as f64 / 1e6);
    }
}
