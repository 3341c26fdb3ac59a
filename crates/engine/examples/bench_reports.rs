//! Issue 22: `reports.csv` committed into the 报送记录 log, and `validate`'s work at 100,000 rows.
//! `cargo run --release -p yingsu-engine --example bench_reports`. A file of N distinct entries (agency ×
//! period) read, previewed against an empty log and committed; then the same file again into the log it
//! made (every entry unchanged). Best of 3, ms.

mod timing;
use timing::best;
use yingsu_engine::exchange::{apply_submissions, import_submissions, preview_submissions};
use yingsu_engine::periodic::Submission;

/// `n` distinct rows: agencies 机关0…, each with its half-years from 2000H1 on.
pub fn file(n: usize) -> String {
    let mut text = String::from("机关名称,报告,期间,报送日\r\n");
    for i in 0..n {
        let (agency, k) = (i / 200, i % 200);
        text.push_str(&format!("机关{agency},R23,{}H{},2025-07-10\r\n", 2000 + k / 2, k % 2 + 1));
    }
    text
}

fn commit(log: &mut Vec<Submission>, text: &str) -> (usize, usize) {
    let imp = import_submissions(text).expect("valid file");
    let p = preview_submissions(log, &[], &[("reports.csv".into(), imp)]);
    apply_submissions(log, &p).expect("no errors")
}

fn main() {
    // BENCH_CASES_CSV=path also writes the synthetic register of 100,000 matters there (to time
    // `yingsu validate` and `yingsu normalize` on it).
    if let Some(path) = std::env::var_os("BENCH_CASES_CSV") {
        let csv = yingsu_engine::codec::export(&yingsu_engine::synth::register(100_000, 2026));
        std::fs::write(path, csv).expect("write the cases file");
    }
    println!("| rows | into an empty log ms | again (all unchanged) ms |");
    println!("|---:|---:|---:|");
    for n in [10_000, 40_000, 100_000] {
        let text = file(n);
        let (first, counts) = best(3, || commit(&mut Vec::new(), &text));
        assert_eq!(counts, (n, 0));
        let mut log = Vec::new();
        commit(&mut log, &text);
        let (again, counts) = best(3, || commit(&mut log.clone(), &text));
        assert_eq!(counts, (0, 0));
        println!("| {n} | {first:.1} | {again:.1} |");
    }
}
