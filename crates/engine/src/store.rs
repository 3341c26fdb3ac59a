//! The register as stored in the browser (and in a full backup): a versioned JSON document.
//!
//! Matters and agencies are stored as their canonical CSV text (compact: an empty column costs one
//! comma), everything else as JSON. Loading walks the migrations from the stored version up to
//! [`SCHEMA_VERSION`] step by step; a newer version than this build knows is refused, never overwritten.

use crate::calendar::{bundled_notices, Calendar, HolidayNotice, HolidayRow};
use crate::codec;
use crate::model::{Agency, CaseNo, Column, Matter, Settings};
use crate::periodic::{periodic_duties, PeriodicDuty, Submission};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::zh::zh_enum;

mod cache;
mod repair;
mod setup;
pub use cache::{export_json_cached, RowCache};
use repair::List;
pub use repair::SetAside;

pub use setup::{Setup, SetupField};
use std::borrow::Cow;

/// The version this build writes.
pub const SCHEMA_VERSION: u64 = 3;

zh_enum!(
    /// Whose register this is.
    Role {
        /// An agency (机关) keeping its own register.
        #[default]
        Agency = "机关",
        /// 区司法局, consolidating every agency's register.
        JusticeBureau = "区司法局",
    }
);

/// Who uses this browser, and the reminders they want.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// This agency's name (the default 所属机关 of new matters).
    pub agency: String,
    pub role: Role,
    /// The user name written into the audit trail.
    pub user: String,
    /// Remind to export a backup after this many changes…
    pub backup_after_changes: u32,
    /// …or this many days without one.
    pub backup_after_days: u32,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            agency: String::new(),
            role: Role::Agency,
            user: String::new(),
            backup_after_changes: 20,
            backup_after_days: 7,
        }
    }
}

/// One change of one field of one matter.
/// Values shown in a `（新建）` audit line at most (issue 21: the line says what was taken, reasonably capped).
pub const NEW_VALUES_SHOWN: usize = 12;

/// The `（新建）` line's new value (issue 21): `案号；案件类型：…；被告类型：…；…` — the key, the required columns, and
/// every other column that holds a value (not its default), in CSV order, up to [`NEW_VALUES_SHOWN`]; then
/// `等N项`. Text cells are cut at 40 characters.
pub fn new_values(m: &Matter) -> String {
    let empty = Matter::default();
    let cells: Vec<String> = Column::ALL
        .iter()
        .filter(|c| **c != Column::CaseNo)
        .filter(|c| Column::REQUIRED.contains(c) || c.get(m) != c.get(&empty))
        .filter(|c| !crate::form::drops_instance(m, **c))
        .map(|c| {
            let v = c.get(m);
            let cut: String = v.chars().take(40).collect();
            let more = if cut.len() < v.len() { "…" } else { "" };
            format!("{}：{cut}{more}", crate::form::label(*c, m))
        })
        .collect();
    let mut out = m.case_no.0.clone();
    for c in cells.iter().take(NEW_VALUES_SHOWN) {
        out.push('；');
        out.push_str(c);
    }
    if cells.len() > NEW_VALUES_SHOWN {
        out.push_str(&format!("；等{}项", cells.len() - NEW_VALUES_SHOWN));
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// `YYYY-MM-DD HH:MM` as the app's clock gave it.
    pub at: String,
    pub user: String,
    pub case_no: String,
    /// The column name; `（新建）` / `（删除）` for a whole matter (a `（新建）` line's new value lists the values
    /// the matter was created with, [`new_values`]).
    pub field: String,
    pub old: String,
    pub new: String,
}

/// The free-text 其他 section of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportNote {
    pub agency: String,
    pub period: crate::periodic::ReportPeriod,
    pub text: String,
}

/// Everything the app keeps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Register {
    pub matters: Vec<Matter>,
    pub agencies: Vec<Agency>,
    pub settings: Settings,
    pub profile: Profile,
    /// Holiday rows added at run time (a new year's notice).
    pub holidays: Vec<HolidayRow>,
    /// The notices behind the added rows, one per year (RULES.md §6.17).
    pub holiday_notices: Vec<HolidayNotice>,
    pub audit: Vec<AuditEntry>,
    /// The 报送记录 (R23/R24 reports marked 已报送); stored as `report_log`.
    pub submissions: Vec<Submission>,
    /// The 其他 sections written for reports.
    pub report_notes: Vec<ReportNote>,
    /// Increases with every save; lets two tabs detect that they would overwrite each other.
    pub revision: u64,
    /// Changes since the last exported backup.
    pub changes_since_backup: u32,
    /// Date of the last exported backup (`YYYY-MM-DD`).
    pub last_backup: Option<String>,
    /// Stored entries that could not be read (a bad holiday date, a damaged audit line): kept as written
    /// and listed, while the rest loads (issue 22).
    pub set_aside: Vec<SetAside>,
}

/// Only the `schema` of a stored document (every other field skipped).
#[derive(Deserialize)]
struct SchemaPeek {
    schema: Option<Value>,
}

/// The stored document: one declaration, written from a [`Register`] by borrowing (nothing of the register is
/// cloned to write it) and read back owned. Its `schema` is read before the rest (by [`SchemaPeek`]); `app` names
/// the version that wrote a backup (metadata only, loading ignores it). Older schemas are migrated on their JSON
/// value ([`MIGRATIONS`]) and then read through this same declaration.
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(default)]
    schema: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    app: Option<Cow<'a, str>>,
    revision: u64,
    /// The matters as CSV text; written as `""` and the text spliced in (see [`Register::json_of`]).
    matters: Cow<'a, str>,
    agencies: Cow<'a, str>,
    settings: Cow<'a, Settings>,
    profile: Cow<'a, Profile>,
    // The lists are read entry by entry (a bad entry is set aside, the rest loads).
    #[serde(default)]
    holidays: List<'a, HolidayRow>,
    #[serde(default, skip_serializing_if = "List::is_empty")]
    holiday_notices: List<'a, HolidayNotice>,
    #[serde(default)]
    audit: List<'a, AuditEntry>,
    #[serde(default, rename = "report_log")]
    submissions: List<'a, Submission>,
    #[serde(default)]
    report_notes: List<'a, ReportNote>,
    #[serde(default)]
    changes_since_backup: u32,
    #[serde(default)]
    last_backup: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    set_aside: Cow<'a, [SetAside]>,
}

/// Why stored text could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Written by a newer version of the app: refused, and left as it is.
    FutureVersion(u64),
    /// Not a register this app wrote (damaged, edited by hand, another program's data).
    Corrupt(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::FutureVersion(v) => write!(
                f,
                "数据由更新版本的应诉通保存（数据格式第 {v} 版，本版本只认识到第 {SCHEMA_VERSION} 版）。为免损坏，本版本不会读取或覆盖它，请使用新版本打开。"
            ),
            LoadError::Corrupt(m) => write!(f, "保存的数据无法读取：{m}"),
        }
    }
}

/// The migrations: entry `i` turns version `i + 1` into version `i + 2`. Version 1 is the first.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3];

/// Revision 2 of the rules (RULES.md, CSV.md): 典型案例 and 败诉原因, kept until now as unknown columns of the
/// matters' CSV text, become columns of their own — the CSV text needs no change, since columns are matched
/// by header name on load. New settings (及时事项提醒天数) take their defaults. Holiday rows added before
/// revision 2 named no notice: they are kept, and their years show "未记录通知" until re-imported with one.
fn v1_to_v2(mut v: Value) -> Result<Value, String> {
    let o = v.as_object_mut().ok_or("数据不是对象")?;
    o.insert("schema".into(), Value::from(2u64));
    Ok(v)
}

/// Revision 3 of the rules (RULES.md §7, CSV.md): six new optional columns (诉讼地位, 答辩期限, 原机关签收日,
/// 规范性文件建议, 负责人发言, 开庭时间) — the matters' CSV text needs no change, columns are matched by header
/// name, so a column a clerk had added under one of those names becomes the column. The new setting
/// 开始使用日期 (§7.18) is "the day the register was first saved": for a register saved before, the day of its
/// earliest audit entry; none without one (the app sets it on the next save).
fn v2_to_v3(mut v: Value) -> Result<Value, String> {
    let o = v.as_object_mut().ok_or("数据不是对象")?;
    let first = o
        .get("audit")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("at").and_then(Value::as_str))
        .filter_map(|at| crate::dates::parse_date_any(at.get(..10)?).ok())
        .min();
    if let (Some(d), Some(settings)) = (first, o.get_mut("settings").and_then(Value::as_object_mut)) {
        settings.entry("start_date").or_insert_with(|| Value::from(crate::dates::fmt(d)));
    }
    o.insert("schema".into(), Value::from(3u64));
    Ok(v)
}

/// One migration step: the stored document of one version to the next.
type Migration = fn(Value) -> Result<Value, String>;

impl Register {
    /// The calendar: the bundled notices plus the added rows.
    pub fn calendar(&self) -> Calendar {
        let mut c = Calendar::bundled();
        c.add_rows(&self.holidays);
        c
    }

    /// The notice behind each covered year: the bundled ones, then those named at import (a later import of
    /// the same year replaces the earlier notice). A year added before revision 2 may have none.
    pub fn notices(&self) -> Vec<HolidayNotice> {
        let mut v = bundled_notices();
        let added: Vec<i32> = self.holiday_notices.iter().map(|n| n.year).collect();
        v.retain(|n| !added.contains(&n.year));
        v.extend(self.holiday_notices.iter().cloned());
        crate::sort::by_key(&mut v, |n| (n.year, n.published));
        v
    }

    /// Adds holiday rows of a new notice: rows replace those of the same date, and the notice replaces any
    /// earlier notice of its year.
    pub fn add_holidays(&mut self, rows: Vec<HolidayRow>, notices: Vec<HolidayNotice>) {
        let dates: std::collections::HashSet<_> = rows.iter().map(|r| r.date).collect();
        self.holidays.retain(|h| !dates.contains(&h.date));
        self.holidays.extend(rows);
        crate::sort::by_key(&mut self.holidays, |h| h.date);
        let years: Vec<i32> = notices.iter().map(|n| n.year).collect();
        self.holiday_notices.retain(|n| !years.contains(&n.year));
        self.holiday_notices.extend(notices);
        crate::sort::by_key(&mut self.holiday_notices, |n| n.year);
    }

    /// Serializes for storage. Deterministic: the same register gives the same text.
    pub fn to_json(&self) -> String {
        self.json_with_revision(self.revision)
    }

    /// Serializes for a full backup file: like storage, but without this browser's save counter, so
    /// backup → restore → backup gives the same bytes; and naming the app version that wrote it
    /// (`"app"`, [`crate::VERSION`]) for whoever restores it later — metadata only, loading ignores it.
    pub fn to_backup_json(&self) -> String {
        self.json(0, Some(crate::VERSION))
    }

    fn json_with_revision(&self, revision: u64) -> String {
        self.json(revision, None)
    }

    /// [`Register::to_json`], the same text, writing again only the matters that changed since the last
    /// call with this cache (see [`RowCache`]): what a save does.
    pub fn to_json_cached(&self, cache: &mut RowCache<Matter>) -> String {
        self.json_of(&export_json_cached(&self.matters, cache), self.revision, None)
    }

    fn json(&self, revision: u64, app: Option<&str>) -> String {
        let matters = serde_json::to_string(&codec::export_text(&self.matters)).expect("a string always serializes");
        self.json_of(&matters, revision, app)
    }

    /// The stored document around `matters`, the matters' CSV as a JSON string literal: the rest is
    /// serialized with `"matters":""`, and the literal put in its place (the fields before it — schema,
    /// app, revision — cannot contain that text: a quote inside a string is escaped).
    fn json_of(&self, matters: &str, revision: u64, app: Option<&str>) -> String {
        let agencies = codec::export_text(&self.agencies);
        let v = Stored {
            schema: SCHEMA_VERSION,
            app: app.map(Cow::Borrowed),
            revision,
            matters: Cow::Borrowed(""),
            agencies: Cow::Borrowed(&agencies),
            settings: Cow::Borrowed(&self.settings),
            profile: Cow::Borrowed(&self.profile),
            holidays: List::Write(&self.holidays),
            holiday_notices: List::Write(&self.holiday_notices),
            audit: List::Write(&self.audit),
            submissions: List::Write(&self.submissions),
            report_notes: List::Write(&self.report_notes),
            changes_since_backup: self.changes_since_backup,
            last_backup: self.last_backup.as_deref().map(Cow::Borrowed),
            set_aside: Cow::Borrowed(&self.set_aside),
        };
        let rest = serde_json::to_string(&v).expect("a register always serializes");
        const SLOT: &str = "\"matters\":\"\"";
        let at = rest.find(SLOT).expect("the matters field is written") + SLOT.len() - 2;
        let mut out = String::with_capacity(rest.len() + matters.len());
        out.push_str(&rest[..at]);
        out.push_str(matters);
        out.push_str(&rest[at + 2..]);
        out
    }

    /// Reads stored text (or a backup file's text, a byte-order mark allowed), migrating older versions.
    /// A cell that cannot be read is kept as written and listed by [`Register::needs_fixing`].
    pub fn from_json(s: &str) -> Result<Register, LoadError> {
        let s = s.strip_prefix('\u{feff}').unwrap_or(s);
        let corrupt = |e: serde_json::Error| LoadError::Corrupt(format!("不是有效的 JSON（{e}）"));
        // The version first, skipping the rest without building it (the register's text is 4 MB at
        // 10,000 matters): a document of the current schema is then read straight into its structure,
        // an older one through the migrations on its JSON value.
        let schema = match serde_json::from_str::<SchemaPeek>(s) {
            Ok(peek) => peek.schema,
            // Valid JSON that is not an object has no version either.
            Err(e) if e.is_data() => None,
            Err(e) => return Err(corrupt(e)),
        };
        let version =
            schema.as_ref().and_then(Value::as_u64).ok_or_else(|| LoadError::Corrupt("缺少数据格式版本号".into()))?;
        if version > SCHEMA_VERSION {
            return Err(LoadError::FutureVersion(version));
        }
        if version == 0 {
            return Err(LoadError::Corrupt("数据格式版本号无效".into()));
        }
        let structure = |e: serde_json::Error| LoadError::Corrupt(format!("结构不符（{e}）"));
        // One way into the structure (each way is code in the page): an older document is migrated on its
        // JSON value, written out again and read like a current one.
        let migrated;
        let current = if version == SCHEMA_VERSION {
            s
        } else {
            let mut v: Value = serde_json::from_str(s).map_err(corrupt)?;
            for step in &MIGRATIONS[(version - 1) as usize..] {
                v = step(v).map_err(LoadError::Corrupt)?;
            }
            migrated = v.to_string();
            migrated.as_str()
        };
        let st: Stored = serde_json::from_str(current).map_err(structure)?;
        let matters = records::<Matter>(&st.matters)?;
        let agencies = records::<Agency>(&st.agencies)?;
        let mut aside = st.set_aside.into_owned();
        Ok(Register {
            matters,
            agencies,
            settings: st.settings.into_owned(),
            profile: st.profile.into_owned(),
            holidays: st.holidays.read("holidays", &mut aside),
            holiday_notices: st.holiday_notices.read("holiday_notices", &mut aside),
            audit: st.audit.read("audit", &mut aside),
            submissions: st.submissions.read("report_log", &mut aside),
            report_notes: st.report_notes.read("report_notes", &mut aside),
            revision: st.revision,
            changes_since_backup: st.changes_since_backup,
            last_backup: st.last_backup.map(Cow::into_owned),
            set_aside: aside,
        })
    }

    /// The R23/R24 duties of this browser's agency (设置 → 本机关名称), from its first 收案日 (not before the
    /// rule took effect) to today; `None` without an agency name, or for 区司法局, which receives the reports.
    pub fn own_periodic_duties(&self, cal: &Calendar, today: chrono::NaiveDate) -> Option<(String, Vec<PeriodicDuty>)> {
        let agency = self.profile.agency.trim();
        if agency.is_empty() || self.profile.role == Role::JusticeBureau {
            return None;
        }
        // From the first matter received, and at least the periods 区司法局's 总览 shows for every agency:
        // the agency sees each state 区司法局 will see from its reports.csv (issue 21).
        let recent = crate::periodic::recent_periods(today).iter().map(|p| p.start()).min().unwrap_or(today);
        let from = self
            .matters
            .iter()
            .filter_map(|m| m.intake_date())
            .min()
            .unwrap_or(today)
            .min(recent)
            .max(crate::rules::effective_date());
        Some((agency.to_string(), periodic_duties(agency, from, &self.submissions, cal, &self.settings, today)))
    }

    pub fn find(&self, case_no: &str) -> Option<&Matter> {
        self.matters.iter().find(|m| m.case_no.0 == case_no)
    }

    /// The years of the added holiday rows, ascending (what 设置 offers to remove).
    pub fn added_holiday_years(&self) -> Vec<(i32, usize)> {
        let mut out: Vec<(i32, usize)> = Vec::new();
        for h in &self.holidays {
            let y = chrono::Datelike::year(&h.date);
            match out.iter_mut().find(|(x, _)| *x == y) {
                Some((_, n)) => *n += 1,
                None => out.push((y, 1)),
            }
        }
        crate::sort::natural(&mut out);
        out
    }

    /// Removes the added holiday rows of one year (the bundled notices stay). Returns how many went.
    pub fn remove_holiday_year(&mut self, year: i32) -> usize {
        let before = self.holidays.len();
        self.holidays.retain(|h| chrono::Datelike::year(&h.date) != year);
        self.holiday_notices.retain(|n| n.year != year);
        before - self.holidays.len()
    }

    /// Every cell kept as 待修正 (could not be read when loaded): (matter or agency, column, text as
    /// written), matters first, in register order.
    pub fn needs_fixing(&self) -> Vec<Fix> {
        let mut out = Vec::new();
        // Within a record, in the file's column order (the same however the cells were first read).
        for m in self.matters.iter().filter(|m| !m.invalid.is_empty()) {
            let mut cells: Vec<&(String, String)> = m.invalid.iter().collect();
            crate::sort::by_key(&mut cells, |(c, _)| Column::from_name(c));
            for (col, raw) in cells {
                out.push(Fix { table: "案件", key: m.case_no.0.clone(), column: col.clone(), value: raw.clone() });
            }
        }
        for a in self.agencies.iter().filter(|a| !a.invalid.is_empty()) {
            let mut cells: Vec<&(String, String)> = a.invalid.iter().collect();
            crate::sort::by_key(&mut cells, |(c, _)| crate::model::AgencyColumn::from_name(c));
            for (col, raw) in cells {
                out.push(Fix { table: "机关", key: a.name.0.clone(), column: col.clone(), value: raw.clone() });
            }
        }
        out
    }

    /// Where a matter with this 案号 (as people read it) stands, and its 案号 as written there.
    pub fn position_of(&self, case_no: &str) -> Option<(usize, &str)> {
        let norm = crate::text::key_norm(case_no);
        self.matters
            .iter()
            .position(|m| crate::text::key_norm(&m.case_no.0) == norm)
            .map(|i| (i, self.matters[i].case_no.0.as_str()))
    }

    /// Adds or replaces a matter (by the original key `old_key`, so a renamed 案号 replaces its record),
    /// recording every changed field in the audit trail. Returns the number of changed fields.
    pub fn save_matter(&mut self, old_key: Option<&str>, m: Matter, user: &str, at: &str) -> Result<usize, String> {
        if m.case_no.0.trim().is_empty() {
            return Err("案号不能为空".into());
        }
        let pos = old_key.and_then(|k| self.matters.iter().position(|x| x.case_no.0 == k));
        let norm = crate::text::key_norm(&m.case_no.0);
        if let Some(x) = self
            .matters
            .iter()
            .enumerate()
            .find(|(i, x)| Some(*i) != pos && crate::text::reads_as(&x.case_no.0, &norm))
            .map(|(_, x)| x)
        {
            return Err(if x.case_no == m.case_no {
                format!("案号「{}」已存在", m.case_no)
            } else {
                format!("案号「{}」与已有案号「{}」相同（写法不同）", crate::text::visible(&m.case_no.0), x.case_no)
            });
        }
        Ok(self.put_matter(pos, m, user, at, true))
    }

    /// Writes a matter at `pos` (or appends it), with the audit lines of every changed field. The caller
    /// has checked the key; no search here, so a batch of puts stays linear.
    /// `audit_new`: write the `（新建）` line of a new matter (a bulk import writes one line for all).
    pub(crate) fn put_matter(&mut self, pos: Option<usize>, m: Matter, user: &str, at: &str, audit_new: bool) -> usize {
        let entry = |field: &str, old: String, new: String| AuditEntry {
            at: at.to_string(),
            user: user.to_string(),
            case_no: m.case_no.0.clone(),
            field: field.to_string(),
            old,
            new,
        };
        let mut changes = Vec::new();
        match pos {
            Some(i) => {
                for c in Column::ALL {
                    let (o, n) = (c.get(&self.matters[i]), c.get(&m));
                    if o != n {
                        changes.push(entry(c.name(), o, n));
                    }
                }
                self.matters[i] = m;
            }
            None => {
                if audit_new {
                    changes.push(entry("（新建）", String::new(), new_values(&m)));
                }
                self.matters.push(m);
            }
        }
        let n = changes.len();
        self.audit.extend(changes);
        if n > 0 {
            self.changes_since_backup += 1;
        }
        n
    }

    /// Removes a matter, keeping an audit line.
    pub fn delete_matter(&mut self, key: &CaseNo, user: &str, at: &str) -> bool {
        let before = self.matters.len();
        self.matters.retain(|m| &m.case_no != key);
        let removed = self.matters.len() < before;
        if removed {
            self.audit.push(AuditEntry {
                at: at.into(),
                user: user.into(),
                case_no: key.0.clone(),
                field: "（删除）".into(),
                old: key.0.clone(),
                new: String::new(),
            });
            self.changes_since_backup += 1;
        }
        removed
    }

    /// What became of a 案号 that is not (or no longer) in the register, read from the audit trail: renamed
    /// (followed to the 案号 it has now), deleted, or unknown. An open form or a kept draft of another
    /// tab uses it to follow a rename and to say what happened (issue 20).
    pub fn fate(&self, case_no: &str) -> Fate {
        let mut key = case_no.to_string();
        for _ in 0..64 {
            if self.find(&key).is_some() {
                return if key == case_no { Fate::Here } else { Fate::Renamed(key) };
            }
            let case_col = Column::CaseNo.name();
            let last = self.audit.iter().rev().find(|a| {
                (a.field == "（删除）" && a.case_no == key) || (a.field == case_col && a.old == key && a.new != key)
            });
            match last {
                Some(a) if a.field == "（删除）" => return Fate::Deleted,
                Some(a) => key = a.new.clone(),
                None => return Fate::Unknown,
            }
        }
        Fate::Unknown
    }

    /// The audit lines of one matter, newest first.
    pub fn audit_of(&self, case_no: &str) -> Vec<&AuditEntry> {
        self.audit.iter().rev().filter(|a| a.case_no == case_no).collect()
    }
}

/// Reads the stored records: every row kept, a bad cell kept as written (待修正), never emptied.
fn records<R: crate::record::Record>(csv_text: &str) -> Result<Vec<R>, LoadError> {
    codec::import_stored::<R>(csv_text)
        .map(|(records, _)| records)
        .map_err(|e| LoadError::Corrupt(format!("{}：{e}", R::FILE)))
}

/// The schema version of stored text, read from its start (`{"schema":N,…` as this app writes it)
/// without parsing the whole document; `None` when it cannot be told.
pub fn stored_schema(s: &str) -> Option<u64> {
    // A key inside a JSON string would be escaped (`\"schema\":`), so the first match is the document's.
    let at = s.find("\"schema\":")? + "\"schema\":".len();
    let digits: String = s[at..].trim_start().chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// What became of a 案号 ([`Register::fate`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// In the register under this 案号.
    Here,
    /// Renamed (once or more); the 案号 it has now.
    Renamed(String),
    /// Deleted (possibly after renames).
    Deleted,
    /// Never saved, or its trail is gone.
    Unknown,
}

/// One cell kept as 待修正.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// `案件` or `机关`.
    pub table: &'static str,
    /// 案号 or 机关名称.
    pub key: String,
    pub column: String,
    /// The text as it was written.
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn sample() -> Register {
        let mut r = Register::default();
        let mut m = Matter::new("（2025）京0112行初1号");
        m.complaint_received = NaiveDate::from_ymd_opt(2025, 1, 20);
        m.remarks = "含逗号,引号\"和换行\n的备注".into();
        m.extra.push(("自定义".into(), "x".into()));
        r.save_matter(None, m, "张三", "2025-01-21 09:00").unwrap();
        r.profile.user = "张三".into();
        r.revision = 7;
        r
    }

    /// Issue 21: a new matter's （新建） line lists the values taken (key, required columns, filled fields), capped.
    #[test]
    fn issue_21_the_new_line_lists_the_values_taken() {
        let r = sample();
        let a = r.audit.iter().find(|a| a.field == "（新建）").unwrap();
        assert_eq!(
            a.new,
            "（2025）京0112行初1号；案件类型：行政诉讼；被告类型：本机关；起诉状副本收到日：2025-01-20；备注：含逗号,引号\"和换行\n的备注"
        );
        let mut m = Matter::new("F");
        m.case_type = crate::model::CaseType::Reconsideration;
        m.plaintiff = "张".repeat(50);
        for c in [Column::MajorSensitive, Column::LargeStake, Column::LossRisk, Column::PublicInterest] {
            c.set(&mut m, "是").unwrap();
        }
        for c in Column::ALL.iter().filter(|c| c.kind() == crate::model::Kind::Date).take(10) {
            c.set(&mut m, "2025-01-01").unwrap();
        }
        let v = new_values(&m);
        assert!(v.starts_with("F；案件类型：行政复议；被申请人：本机关；申请人：张"), "as the form labels them: {v}");
        assert!(v.contains(&format!("申请人：{}…", "张".repeat(40))), "{v}");
        assert!(v.ends_with("；等5项"), "17 values, 12 shown: {v}");
        assert!(!v.contains("审级"), "{v}");
    }

    #[test]
    fn round_trip_is_identical() {
        let r = sample();
        let s = r.to_json();
        let back = Register::from_json(&s).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.to_json(), s);
        assert_eq!(back.revision, 7);
    }

    #[test]
    fn backup_restore_backup_is_byte_identical() {
        let backup = sample().to_backup_json();
        let mut restored = Register::from_json(&backup).unwrap();
        restored.revision = 42; // a restore is a new save in this browser
        assert_eq!(restored.to_backup_json(), backup);
    }

    #[test]
    fn a_backup_names_the_app_version_and_storage_does_not() {
        let r = sample();
        assert!(r
            .to_backup_json()
            .starts_with(&format!("{{\"schema\":{SCHEMA_VERSION},\"app\":\"{}\",", crate::VERSION)));
        assert!(!r.to_json().contains("\"app\""));
        // Loading ignores it: a backup restores to the same register.
        let mut back = Register::from_json(&r.to_backup_json()).unwrap();
        back.revision = r.revision;
        assert_eq!(back, r);
    }

    #[test]
    fn the_version_starts_with_the_cargo_version() {
        assert!(crate::VERSION.starts_with(concat!(env!("CARGO_PKG_VERSION"), "-")), "{}", crate::VERSION);
    }

    #[test]
    fn future_version_is_refused() {
        let s = sample().to_json().replacen(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":99", 1);
        assert_eq!(Register::from_json(&s), Err(LoadError::FutureVersion(99)));
    }

    #[test]
    fn corrupt_text_is_an_error_not_a_panic() {
        for s in ["", "{", "null", "{\"schema\":1}", "{\"schema\":0}", "[1,2]"] {
            assert!(matches!(Register::from_json(s), Err(LoadError::Corrupt(_))), "{s}");
        }
    }

    #[test]
    fn edits_are_audited_field_by_field() {
        let mut r = sample();
        let mut m = r.matters[0].clone();
        m.answer_filed = NaiveDate::from_ymd_opt(2025, 2, 1);
        m.plaintiff = "李四".into();
        assert_eq!(r.save_matter(Some("（2025）京0112行初1号"), m, "王五", "2025-02-01 10:00"), Ok(2));
        let trail = r.audit_of("（2025）京0112行初1号");
        assert_eq!(trail.len(), 3);
        assert!(trail
            .iter()
            .any(|a| a.field == "答辩提交日" && a.old.is_empty() && a.new == "2025-02-01" && a.user == "王五"));
        assert!(r.save_matter(None, Matter::new("（2025）京0112行初1号"), "x", "y").is_err());
    }
}
