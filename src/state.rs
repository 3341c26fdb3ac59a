//! App state: one `RwSignal<Register>` changed through [`AppState::mutate`], everything else derived.

use crate::route::Page;
use crate::storage::{self, SaveError};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::sync::Arc;

mod sync;
pub use sync::{follow_storage, load_state, warm_up};
use yingsu_engine::rules::evaluate_in;
use yingsu_engine::rules::Evaluation;
use yingsu_engine::store::Register;
use yingsu_engine::Calendar;

/// Whether the last save reached localStorage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The write failed; the change is still on screen (and in memory).
    Failed {
        message: String,
        quota: bool,
    },
    /// Another tab saved in between: the user decides.
    Conflict {
        stored: u64,
    },
    /// A newer version of the app stored its data (schema): this page writes nothing any more.
    NewerVersion(u64),
}

impl SaveState {
    /// The sentence for a save that did not reach the browser's storage (`None`: it did) — one per
    /// failure, the same on every page (issue 20).
    pub fn failure(&self) -> Option<String> {
        match self {
            SaveState::Saved => None,
            SaveState::Failed { quota: true, .. } => {
                Some("浏览器本地存储空间已满，修改未能写入（仍显示在页面上）。请导出完整备份。".into())
            }
            SaveState::Failed { message, .. } => Some(format!("修改未能写入浏览器存储：{message}")),
            SaveState::Conflict { .. } => {
                Some("另一个标签页已保存了数据，修改尚未写入。请在页面顶部选择如何处理。".into())
            }
            SaveState::NewerVersion(_) => Some(
                "另一标签页使用了更新版本的应诉通，修改未保存，本页不再保存任何修改。请刷新页面以使用新版本。".into(),
            ),
        }
    }
}

/// Stored data that could not be read at start: kept as it is, offered for download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub raw: String,
    pub error: String,
}

/// Everything the pages share; `Copy`, provided once at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    pub reg: RwSignal<Register>,
    pub today: RwSignal<NaiveDate>,
    pub page: RwSignal<Page>,
    pub save_state: RwSignal<SaveState>,
    pub recovery: RwSignal<Option<Recovery>>,
    /// `navigator.storage.persist()` result: `None` = unknown.
    pub persisted: RwSignal<Option<bool>>,
    /// The revision this tab knows to be in localStorage.
    pub base_rev: StoredValue<u64>,
    /// The calendar of the register (bundled + added holiday rows).
    pub calendar: Memo<Arc<Calendar>>,
    /// Every matter evaluated on `today`, index-aligned with `reg.matters`.
    pub evals: Memo<Arc<Vec<Evaluation>>>,
    /// Share of the storage quota in use after the last save.
    pub usage: RwSignal<f64>,
    /// A message for the next page (e.g. "已保存" after a new matter moves to its own address).
    pub flash: RwSignal<String>,
}

impl AppState {
    /// The state provided at the root.
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    pub fn new(reg: Register, today: NaiveDate, recovery: Option<Recovery>) -> AppState {
        let base = reg.revision;
        let reg = RwSignal::new(reg);
        let calendar = Memo::new_with_compare(
            move |_| Arc::new(reg.with(|r| r.calendar())),
            // `changed`: true when the calendar differs (an imported holiday year, a removed row).
            |a: Option<&Arc<Calendar>>, b: Option<&Arc<Calendar>>| a.map(|x| x.as_ref()) != b.map(|x| x.as_ref()),
        );
        let today_sig = RwSignal::new(today);
        let evals = Memo::new_with_compare(
            move |_| {
                let cal = calendar.get();
                let t = today_sig.get();
                Arc::new(
                    reg.with(|r| r.matters.iter().map(|m| evaluate_in(m, &cal, &r.settings, t, &r.agencies)).collect()),
                )
            },
            // `changed`: every recomputation (a new register, calendar or date) is reported as a change —
            // comparing 10,000 evaluations is not worth it. (Returning `false` here once froze every page that
            // reads the evaluations until a page switch: issue 21.)
            |_, _| true,
        );
        AppState {
            reg,
            today: today_sig,
            page: RwSignal::new(Page::Overview),
            save_state: RwSignal::new(SaveState::Saved),
            recovery: RwSignal::new(recovery),
            persisted: RwSignal::new(None),
            base_rev: StoredValue::new(base),
            calendar,
            evals,
            usage: RwSignal::new(0.0),
            flash: RwSignal::new(String::new()),
        }
    }

    /// Changes the register; the save Effect writes it.
    /// (r3 §7.18) The first change also records 开始使用日期 (the day the register was first saved), unless the
    /// register (or a restored backup) has one.
    pub fn mutate(&self, f: impl FnOnce(&mut Register)) {
        let today = self.today.get_untracked();
        self.reg.update(|r| {
            f(r);
            if r.settings.start_date.is_none() {
                r.settings.start_date = Some(today);
            }
            r.revision += 1;
        });
    }

    /// The user name for the audit trail.
    pub fn user(&self) -> String {
        let u = self.reg.with_untracked(|r| r.profile.user.clone());
        if u.trim().is_empty() {
            "（未设置用户名）".into()
        } else {
            u
        }
    }

    /// Changes the register and writes it now; `Ok` only once the write succeeded (and read back the
    /// same), so a page says "已保存" only then. The error is the sentence to show.
    pub fn commit(&self, f: impl FnOnce(&mut Register)) -> Result<(), String> {
        self.mutate(f);
        self.save_now();
        match self.save_state.get_untracked().failure() {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// Runs once per register change: writes it to localStorage and reports the outcome.
    pub fn save_now(&self) {
        if self.recovery.get_untracked().is_some() {
            return; // Never overwrite data we could not read.
        }
        if let SaveState::NewerVersion(_) = self.save_state.get_untracked() {
            return; // Never write over a newer version's data.
        }
        let rev = self.reg.with_untracked(|r| r.revision);
        if rev == self.base_rev.get_value() {
            return; // Nothing new (e.g. just loaded from another tab).
        }
        match self.reg.with_untracked(|r| storage::save(r, self.base_rev.get_value())) {
            Ok(units) => {
                self.base_rev.set_value(rev);
                self.save_state.set(SaveState::Saved);
                self.usage.set(storage::usage_after_write(units));
            }
            Err(SaveError::Quota) => self.save_state.set(SaveState::Failed {
                message: "浏览器本地存储空间已满，刚才的修改没有保存（仍显示在页面上）。之前已保存的数据未受影响。请立即导出完整备份。".into(),
                quota: true,
            }),
            Err(SaveError::Conflict { stored }) => self.save_state.set(SaveState::Conflict { stored }),
            Err(SaveError::NewerVersion(v)) => self.save_state.set(SaveState::NewerVersion(v)),
            Err(SaveError::Verify(detail)) => self.save_state.set(SaveState::Failed {
                message: format!("写入浏览器存储后读回的数据与写入的不一致（{detail}），数据可能没有正确保存。请立即导出完整备份。"),
                quota: false,
            }),
            Err(SaveError::Other(m)) => self.save_state.set(SaveState::Failed { message: format!("保存失败：{m}。修改仍显示在页面上，请导出完整备份。"), quota: false }),
        }
    }

    /// What another tab's stored version holds that this tab's does not, in a sentence: matters added,
    /// removed or changed (the first few by 案号), and changed settings — shown with the conflict.
    pub fn conflict_summary(&self) -> String {
        let storage::Loaded::Ready(theirs) = storage::load() else {
            return "无法读取另一标签页保存的版本。".into();
        };
        self.reg.with_untracked(|mine| {
            let index: std::collections::HashMap<&str, &yingsu_engine::Matter> =
                mine.matters.iter().map(|m| (m.case_no.0.as_str(), m)).collect();
            let theirs_keys: std::collections::HashSet<&str> =
                theirs.matters.iter().map(|m| m.case_no.0.as_str()).collect();
            let mut changed = Vec::new();
            let mut added = Vec::new();
            for m in &theirs.matters {
                match index.get(m.case_no.0.as_str()) {
                    None => added.push(m.case_no.0.clone()),
                    Some(x) if *x != m => {
                        // The same field diff as the edit session and the imports (record::changed).
                        let fields: Vec<&str> =
                            yingsu_engine::record::changed(*x, m).into_iter().map(|c| c.name()).take(3).collect();
                        changed.push(format!("{}（{}）", m.case_no.0, fields.join("、")));
                    }
                    _ => {}
                }
            }
            let removed = mine.matters.iter().filter(|m| !theirs_keys.contains(m.case_no.0.as_str())).count();
            let mut parts = Vec::new();
            let list = |v: &[String]| {
                let head: Vec<String> =
                    v.iter().take(5).map(|k| yingsu_engine::text::visible(k).into_owned()).collect();
                format!(
                    "{}{}",
                    head.join("、"),
                    if v.len() > 5 { format!(" 等 {} 个", v.len()) } else { String::new() }
                )
            };
            if !changed.is_empty() {
                parts.push(format!("修改了案件 {}", list(&changed)));
            }
            if !added.is_empty() {
                parts.push(format!("新增了案件 {}", list(&added)));
            }
            if removed > 0 {
                parts.push(format!("删除了 {removed} 个案件"));
            }
            if theirs.settings != mine.settings || theirs.profile != mine.profile {
                parts.push("修改了设置".into());
            }
            if theirs.agencies != mine.agencies {
                parts.push("修改了机关名录".into());
            }
            if theirs.holidays != mine.holidays {
                parts.push("修改了节假日安排".into());
            }
            if parts.is_empty() {
                "另一标签页的版本与本页在案件、设置、机关名录和节假日上没有差别（可能只改了修改记录或报送记录）。"
                    .into()
            } else {
                format!("与本页相比，另一标签页的版本{}。", parts.join("；"))
            }
        })
    }

    /// Replaces this tab's register with what another tab stored.
    pub fn reload_from_storage(&self) {
        match storage::load() {
            storage::Loaded::Ready(r) => {
                self.base_rev.set_value(r.revision);
                self.reg.set(*r);
                self.save_state.set(SaveState::Saved);
            }
            _ => {
                if let Some(v) = storage::newer_schema_stored() {
                    self.save_state.set(SaveState::NewerVersion(v));
                }
            }
        }
    }

    /// Overwrites what another tab stored with this tab's register (the user chose so).
    pub fn overwrite_storage(&self) {
        let stored = storage::stored_revision().unwrap_or(0);
        self.reg.update(|r| r.revision = r.revision.max(stored) + 1);
        match self.reg.with_untracked(storage::force_save) {
            Ok(_) => {
                self.base_rev.set_value(self.reg.with_untracked(|r| r.revision));
                self.save_state.set(SaveState::Saved);
            }
            Err(SaveError::NewerVersion(v)) => self.save_state.set(SaveState::NewerVersion(v)),
            Err(_) => self
                .save_state
                .set(SaveState::Failed {
                    message: "覆盖保存失败，请导出完整备份。".into(), quota: false
                }),
        }
    }

    /// Downloads everything as one JSON file (the full backup) and resets the reminder.
    pub fn export_backup(&self) -> Result<(), String> {
        let json = self.reg.with_untracked(|r| r.to_backup_json());
        let today = yingsu_engine::dates::fmt(self.today.get_untracked());
        crate::files::download(&format!("应诉通-完整备份-{today}.json"), json.as_bytes(), "application/json")?;
        self.mutate(|r| {
            r.changes_since_backup = 0;
            r.last_backup = Some(today);
        });
        Ok(())
    }
}

/// Today's local date from the browser's clock (the engine never reads a clock itself).
pub fn browser_today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_default()
}

/// `YYYY-MM-DD HH:MM` for the audit trail.
pub fn browser_now() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Lets the browser paint and handle input before the next piece of a long task (a `setTimeout(0)`).
pub async fn yield_now() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}
