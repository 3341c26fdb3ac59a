//! The five crafted files of issue 12, timed natively:
//! `cargo run --release -p yingsu-engine --example hostile`.
//!
//! 1. commit of 1,000 / 10,000 / 30,000 rows into an empty register (import → preview → apply → store);
//! 2. a header of 100,000 columns;
//! 3. a register whose matters carry 20,000 unknown columns, stored (every later save does this);
//! 4. one row of 200,000 cells;
//! 5. a holiday file marking every day of 2022–2121, then one re-evaluation of 1,000 matters.
//!
//! Each prints what the engine did with the file (rows, errors, refused) and the time.

use chrono::NaiveDate;
use std::time::Instant;
use yingsu_engine::calendar::parse_holiday_csv;
use yingsu_engine::codec::{self, import_text};
use yingsu_engine::exchange::{apply, preview, Mode};
use yingsu_engine::store::Register;
use yingsu_engine::{evaluate, synth, Calendar, Matter, Settings};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn csv_of(n: usize) -> String {
    let bytes = codec::export(&synth::register(n, 2026));
    String::from_utf8(bytes).expect("utf-8")
}

fn main() {
    let only: Option<String> = std::env::args().nth(1);
    let want = |k: &str| only.as_deref().is_none_or(|o| o == k);
    println!("| file | outcome | ms |");
    println!("|---|---|---:|");

    if want("commit") {
        for n in [1_000usize, 10_000, 30_000] {
            let text = csv_of(n);
            let t = Instant::now();
            let imp = import_text::<Matter>(&text, "UTF-8");
            let t_import = ms(t);
            let imp = match imp {
                Ok(i) => i,
                Err(e) => {
                    println!("| commit {n} rows | refused: {e} | {t_import:.0} |");
                    continue;
                }
            };
            let mut reg = Register::default();
            let t = Instant::now();
            let p = preview(&reg.matters, &[("f.csv".to_string(), imp)], Mode::Merge);
            let t_preview = ms(t);
            let t = Instant::now();
            let written = apply(&mut reg, &p, true, "u", "2026-11-30 00:00").expect("commit");
            let t_apply = ms(t);
            let t = Instant::now();
            let json = reg.to_json();
            let t_store = ms(t);
            println!(
                "| commit {n} rows | {written} written; import {t_import:.0} + preview {t_preview:.0} + apply {t_apply:.0} + store {t_store:.0} ({} MB) | {:.0} |",
                json.len() / 1_000_000,
                t_import + t_preview + t_apply + t_store
            );
        }
    }

    if want("header") {
        let mut text = String::from("案号,案件类型,被告类型");
        for i in 0..100_000 {
            text.push_str(&format!(",列{i}"));
        }
        text.push_str("\nA,行政诉讼,本机关\n");
        let t = Instant::now();
        let r = import_text::<Matter>(&text, "UTF-8");
        let el = ms(t);
        let what = match r {
            Ok(i) => format!("read: {} unknown columns kept", i.unknown_columns.len()),
            Err(e) => format!("refused: {}", first_line(&e.to_string())),
        };
        println!("| header of 100,000 columns | {what} | {el:.0} |");
    }

    if want("unknown") {
        // A register of 50 matters that each carry the same 20,000 unknown columns (as a file of 20,000
        // unknown columns would leave it): the time of one save.
        let mut ms_list = synth::register(50, 7);
        for m in &mut ms_list {
            m.extra = (0..20_000).map(|i| (format!("列{i}"), format!("v{i}"))).collect();
        }
        let reg = Register { matters: ms_list, ..Register::default() };
        let t = Instant::now();
        let json = reg.to_json();
        println!(
            "| 20,000 unknown columns × 50 matters: one save | stored {} MB | {:.0} |",
            json.len() / 1_000_000,
            ms(t)
        );
        let mut text = String::from("案号,案件类型,被告类型");
        for i in 0..20_000 {
            text.push_str(&format!(",列{i}"));
        }
        text.push_str("\nA,行政诉讼,本机关\n");
        let t = Instant::now();
        let r = import_text::<Matter>(&text, "UTF-8");
        let el = ms(t);
        let what = match r {
            Ok(i) => format!("read: {} unknown columns kept", i.unknown_columns.len()),
            Err(e) => format!("refused: {}", first_line(&e.to_string())),
        };
        println!("| file with 20,000 unknown columns | {what} | {el:.0} |");
    }

    if want("wide") {
        let mut text = String::from("案号,案件类型,被告类型\nA,行政诉讼,本机关");
        for _ in 3..200_000 {
            text.push_str(",x");
        }
        text.push('\n');
        let t = Instant::now();
        let r = import_text::<Matter>(&text, "UTF-8");
        let el = ms(t);
        let what = match r {
            Ok(i) => format!("read: {} error items", i.errors().count()),
            Err(e) => format!("refused: {}", first_line(&e.to_string())),
        };
        println!("| one row of 200,000 cells | {what} | {el:.0} |");
    }

    if want("holidays") {
        let mut text = String::from("date,kind,name\n");
        let mut d = NaiveDate::from_ymd_opt(2022, 1, 1).expect("date");
        let end = NaiveDate::from_ymd_opt(2121, 12, 31).expect("date");
        while d <= end {
            text.push_str(&format!("{},holiday,假\n", d.format("%Y-%m-%d")));
            d = d.succ_opt().expect("date");
        }
        let t = Instant::now();
        let r = parse_holiday_csv(&text);
        let el = ms(t);
        match r {
            Ok(rows) => {
                let matters = synth::register(1_000, 2026);
                let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
                let t = Instant::now();
                let mut cal = Calendar::bundled();
                cal.add_rows(&rows);
                let n: usize =
                    matters.iter().map(|m| evaluate(m, &cal, &Settings::default(), today).obligations.len()).sum();
                println!(
                    "| holidays every day 2022–2121 | accepted {} rows ({el:.0} ms); one change re-evaluates 1,000 matters ({n} obligations) | {:.0} |",
                    rows.len(),
                    ms(t)
                );
            }
            Err(es) => {
                println!("| holidays every day 2022–2121 | refused: {} | {el:.0} |", first_line(&es[0].to_string()));
                let matters = synth::register(1_000, 2026);
                let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
                let t = Instant::now();
                let cal = Calendar::bundled();
                let n: usize =
                    matters.iter().map(|m| evaluate(m, &cal, &Settings::default(), today).obligations.len()).sum();
                println!(
                    "| (so) one change re-evaluates 1,000 matters with the real calendar | {n} obligations | {:.0} |",
                    ms(t)
                );
            }
        }
    }
}

fn first_line(s: &str) -> String {
    let l = s.lines().next().unwrap_or("");
    l.chars().take(80).collect()
}
