//! # 应诉通规则引擎
//!
//! 《通州区行政机关应诉规则》(通政办发〔2022〕11号) as code: the register's data model, the holiday
//! calendar, period counting, every rule of `shared/spec/RULES.md`, the CSV exchange formats of
//! `shared/spec/CSV.md`, and the reports. No web dependency: the same crate runs natively (the `yingsu`
//! command-line tool, `cargo test`) and in the browser as WebAssembly.
//!
//! ## Where each article lives
//! In the order of the regulation; each file of `rules/` is one chapter's matter-level rules, and the tests are
//! grouped the same way (`tests/ch2.rs` … `tests/ch5.rs`, `tests/periodic.rs`).
//!
//! | article | module (file) |
//! |---|---|
//! | 第一章 总则, 第一条 — 第四条: purpose, scope, 应诉机关 / 应诉承办机关, 区司法局's role — no duty with a date | the columns 所属机关 and 应诉承办机关 of [`model`]; 区司法局 and 区政府 recognised by name or 机关名录 in [`names`] |
//! | 第二章, 第五条 — 第十三条 (区政府为被告: R05–R13) | `rules::ch2` (`rules/ch2.rs`) |
//! | 第三章, 第十四条 — 第二十一条 (本机关为被告: R14–R16, R20, R20R, R21); 第二十一条第二款 for every defendant (R21B) | `rules::ch3` (`rules/ch3.rs`) |
//! | 第十七条、第十八条第一款、第十九条 for every defendant (R17, R18A, R19, R19B; 职务 with compound and co-defendant titles); 行政复议法第五十一条 (R18C 复议听证) | `rules::ch3_heads` (`rules/ch3_heads.rs`) |
//! | 第八条、第十四条 answer (诉讼地位, 答辩期限), 第十二条、第二十一条 performance (生效日 fallback) | [`rules`] (`rules.rs`: `Ctx::answer_row`, `Ctx::performance_row`) |
//! | 第四章 工作制度, 第二十二条 (司法建议、检察建议、法制建议: R22A–R22C); 行政复议法第七十六条 (R22V 行政复议意见书) | `rules::ch4` (`rules/ch4.rs`); 第十三条's to 区政府 (R13) in `rules::ch2` |
//! | 第四章, 第十八条第二款 (R18B), 第二十三条 (R23), 第二十四条 (R24), 第二十六条 (R26) — agency-level, periodic | [`periodic`] (`periodic.rs`) |
//! | 第四章, 第二十八条 (R28 考核表; weights a local setting, `model::DEFAULT_WEIGHTS`) | [`periodic::score`] (`periodic/score.rs`), figures from `periodic::assessment` |
//! | 第四章, 第二十五条 (重大敏感 matters: 请示报告 to 区政府 leaders), 第二十七条 (联系沟通机制), 第二十九条 (责任追究) — no duty the register can date (RULES.md lists no rule) | shown in full with the regulation text, `rules::REGULATION_TEXT` (`rules/catalogue.rs`) |
//! | 第二十三条、第二十四条 report contents (RULES.md §4.1: the agency of a matter, 案件 vs 建议, 法院 vs 复议); obligation rows counted by 责任主体 (§7.24, `Obligation::owner`) | [`report`] (`report.rs`) |
//! | 第五章 附则, 第三十条 (复议、民事诉讼 covered), 第三十二条 (in force 2022-04-28, judged per obligation); 第三十一条 (解释) has no duty | [`rules::evaluate`] (`rules.rs`) |
//! | reports on paper (公文 layout, 出庭准备单 第十九条, 研讨会材料 第二十四条第二款); Word export | [`paper`], `docx` (feature `docx`) |
//! | periods, roll-forward (民诉法第八十五条, 行诉解释第四十八条, 行政复议法第八十八条) | [`period`], [`calendar`] |
//! | the case form's words per 案件类型 (复议: 被申请人, 申请书副本收到日, 答复; 建议: 建议发出机关), which columns apply to which kind | [`form`] |
//! | 日程 (hearings with 第十八条第一款/第十九条 state and 开庭时间, due dates, report dates by day; one head at two hearings the same day) | [`schedule`] |
//! | records described by one field table (matter, agency, the 设置 form `store::Setup` with its bounds) and the three-way merge of every edit session and import | [`record`] |
//! | files between agencies and 区司法局: cases.csv merge (field-level conflicts), reports.csv (the 报送记录: submissions), `.ics` | [`exchange`] (`exchange/submissions.rs`), [`codec`] |
//! | the stored register (versioned JSON, migrations, the save cache) | [`store`] (`store/cache.rs`, `store/repair.rs`) |
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
pub mod periodic;
pub mod record;
pub mod report;
pub mod rules;
pub mod schedule;
pub mod selftest;
pub mod sort;
pub mod store;
pub mod synth;
pub mod text;
mod zh;

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
