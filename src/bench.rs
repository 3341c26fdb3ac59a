//! Entry points for the browser benchmark (scripts/bench.sh): the same work as the native benchmark,
//! run in WebAssembly and timed from JavaScript. Not used by the pages.

use chrono::NaiveDate;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::rules::Evaluation;
use yingsu_engine::store::Register;
use yingsu_engine::{codec, evaluate, report, synth, Calendar, Matter, Settings};

thread_local! {
    static MATTERS: RefCell<Vec<Matter>> = const { RefCell::new(Vec::new()) };
    static EVALS: RefCell<Vec<Evaluation>> = const { RefCell::new(Vec::new()) };
}

/// The benchmark register as cases.csv text.
#[wasm_bindgen]
pub fn bench_synth_csv(n: u32, seed: u32) -> String {
    String::from_utf8(codec::export(&synth::register(n as usize, u64::from(seed)))).unwrap_or_default()
}

/// The benchmark register as the app stores it in localStorage.
#[wasm_bindgen]
pub fn bench_synth_store(n: u32, seed: u32) -> String {
    let reg = Register { matters: synth::register(n as usize, u64::from(seed)), revision: 1, ..Register::default() };
    reg.to_json()
}

/// CSV records read, no cell interpreted.
#[wasm_bindgen]
pub fn bench_parse(csv: &str) -> u32 {
    codec::parse_only(csv) as u32
}

/// Full import: parse, validate every cell, keep the matters for the next steps.
#[wasm_bindgen]
pub fn bench_import(csv: &str) -> u32 {
    match codec::import_text::<Matter>(csv, "UTF-8") {
        Ok(imp) => {
            let n = imp.rows.len() as u32;
            MATTERS.with(|m| *m.borrow_mut() = imp.rows.into_iter().map(|r| r.record).collect());
            n
        }
        Err(_) => 0,
    }
}

/// Every obligation of the imported matters; returns how many.
#[wasm_bindgen]
pub fn bench_evaluate() -> u32 {
    let cal = Calendar::bundled();
    let s = Settings::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let evals: Vec<Evaluation> = MATTERS.with(|m| m.borrow().iter().map(|x| evaluate(x, &cal, &s, today)).collect());
    let n = evals.iter().map(|e| e.obligations.len()).sum::<usize>() as u32;
    EVALS.with(|e| *e.borrow_mut() = evals);
    n
}

/// The half-year report for every agency plus 全部, as CSV bytes; returns its length.
#[wasm_bindgen]
pub fn bench_report() -> u32 {
    MATTERS.with(|m| {
        EVALS.with(|e| {
            let (m, e) = (m.borrow(), e.borrow());
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date");
            report::half_year_csv(&report::half_year_all(&m, &e, ReportPeriod::Half(2025, 1), today)).len() as u32
        })
    })
}
