//! # 应诉通规则引擎
//!
//! 《通州区行政机关应诉规则》(通政办发〔2022〕11号) as code: the register's data model, the holiday
//! calendar, period counting, every rule of `shared/spec/RULES.md`, the CSV exchange formats of
//! `shared/spec/CSV.md`, and the reports. No web dependency: the same crate runs natively (the `yingsu`
//! command-line tool, `cargo test`) and in the browser as WebAssembly.
//!
//! ## Where each article lives
//! | article | module |
//! |---|---|
//! | 第五条 — 第十三条 (区政府为被告) | `rules::ch2` |
//! | 第十四条 — 第二十一条 (本机关为被告: R14–R16, R20, R20R, R21); 第二十一条第二款 for every defendant (R21B) | `rules::ch3` |
//! | 第十七条、第十八条第一款、第十九条 for every defendant (R17, R18A, R19, R19B; 职务 classification with compound and co-defendant titles); 行政复议法第五十一条 (R18C 复议听证) | `rules::ch3_heads` |
//! | 第八条、第十四条 answer (诉讼地位, 答辩期限), 第十二条、第二十一条 performance (生效日 fallback) | [`rules`] (`Ctx::answer_row`, `Ctx::performance_row`) |
//! | 第二十二条 (司法建议、检察建议、法制建议); 行政复议法第七十六条 (R22V 行政复议意见书) | `rules::ch3` (R22A–R22C, R22V), `rules::ch2` (R13, to 区政府) |
//! | 第五条第一项 and §7.4: recognising 区司法局 and 区政府 by name or 机关名录 | [`names`] |
//! | 第十八条第二款, 第二十三条, 第二十四条, 第二十六条, 第二十八条 (agency-level, periodic) | [`agency`] |
//! | 第三十条 (复议、民事诉讼 covered), 第三十二条 (in force 2022-04-28, judged per obligation) | [`rules::evaluate`] |
//! | 第二十三条、第二十四条 report definitions (RULES.md §4.1: the agency of a matter, 案件 vs 建议, 法院 vs 复议); obligation rows counted by 责任主体 (§7.24) | [`report`] |
//! | 第二十八条 考核表 scores (weights a local setting) | [`score`] |
//! | reports on paper (公文 layout, 出庭准备单 第十九条, 研讨会材料 第二十四条第二款); Word export | [`paper`], `docx` (feature `docx`) |
//! | periods, roll-forward (民诉法第八十五条, 行诉解释第四十八条, 行政复议法第八十八条) | [`period`], [`calendar`] |
//! | the case form's words per 案件类型 (复议: 被申请人, 申请书副本收到日, 答复; 建议: 建议发出机关), which columns apply to which kind | [`form`] |
//! | 日程 (hearings with 第十八条第一款/第十九条 state and 开庭时间, due dates, report dates by day; one head at two hearings the same day) | [`schedule`] |
//! | files between agencies and 区司法局: cases.csv merge (field-level conflicts), reports.csv (报送记录), `.ics` | [`exchange`], [`codec`] |
//!
//! ## Example
//! ```
//! use yingsu_engine::{evaluate, Calendar, Matter, Settings, RuleId, Status};
//! use yingsu_engine::model::{CaseType, Defendant};
//! use chrono::NaiveDate;
//!
//! let mut m = Matter::new("（2025）京0112行初1号");
//! m.case_type = CaseType::AdminLitigation;
//! m.defendant = Defendant::OwnAgency;
//! m.complaint_received = NaiveDate::from_ymd_opt(2025, 1, 20);
//! let today = NaiveDate::from_ymd_opt(2025, 1, 21).unwrap();
//! let ev = evaluate(&m, &Calendar::bundled(), &Settings::default(), today);
//! let answer = ev.obligations.iter().find(|o| o.rule == RuleId::R14).unwrap();
//! assert_eq!(answer.due, NaiveDate::from_ymd_opt(2025, 2, 5)); // 2-04 is 春节: rolled
//! assert_eq!(answer.status, Status::Pending);
//! ```

pub mod agency;
pub mod calendar;
pub mod codec;
pub mod dates;
#[cfg(feature = "docx")]
pub mod docx;
pub mod error;
pub mod exchange;
pub mod form;
pub mod model;
pub mod names;
pub mod paper;
pub mod period;
pub mod report;
pub mod rules;
pub mod schedule;
pub mod score;
pub mod selftest;
pub mod sort;
pub mod store;
pub mod synth;
pub mod text;

/// This build's version: the Cargo version, the short commit and the build date, e.g.
/// `0.1.0-1a2b3c4-20261130`, as `scripts/package.sh` (and `scripts/test.sh`) name it in the environment
/// variable `YINGSU_VERSION` at build time; `0.1.0-dev` for a build that names none. Shown in the page and
/// written into backups and calendar files.
pub const VERSION: &str = match option_env!("YINGSU_VERSION") {
    Some(v) => v,
    None => concat!(env!("CARGO_PKG_VERSION"), "-dev"),
};

pub use calendar::Calendar;
pub use error::{FileError, RowError};
pub use model::{Agency, Column, Matter, Settings};
pub use period::{Counting, Period};
pub use rules::{evaluate, Evaluation, Obligation, RuleId, Status, Warning};
