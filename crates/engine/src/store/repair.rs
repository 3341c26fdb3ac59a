//! Stored data that is partly bad still loads (issue 22): an entry of a list (a holiday row, an audit
//! line, a report mark…) that cannot be read is kept aside — as its JSON text, with the reason — and listed,
//! while the rest loads; matters whose 案号 read the same (stored before lookalike keys were merged) are
//! found, and can be merged or renamed so that saving works again; a backup's added holidays are checked
//! like an import.

use super::{AuditEntry, Register};
use crate::calendar::holiday_problems;
use crate::model::{Column, Matter};
use crate::text::key_norm;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::HashMap;

/// A stored entry that could not be read: kept as written, never dropped (it is stored again with the
/// register, and goes into a backup).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// The list it stood in: `holidays`, `holiday_notices`, `audit`, `report_log`, `report_notes`.
    pub list: String,
    /// Its JSON text as stored.
    pub raw: String,
    /// Why it could not be read.
    pub error: String,
}

impl SetAside {
    /// The list's name as users know it.
    pub fn list_label(&self) -> &str {
        match self.list.as_str() {
            "holidays" => "追加节假日",
            "holiday_notices" => "节假日通知",
            "audit" => "修改记录",
            "report_log" => "报送记录",
            "report_notes" => "报告其他事项",
            other => other,
        }
    }
}

impl std::fmt::Display for SetAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let raw: String = self.raw.chars().take(120).collect();
        let more = if self.raw.chars().count() > 120 { "…" } else { "" };
        write!(f, "{}：{raw}{more}（{}）", self.list_label(), self.error)
    }
}

/// One list of the stored document: written from the register's entries, read as raw entries, each then read
/// on its own ([`List::read`]), so a bad one costs only itself.
pub(super) enum List<'a, T> {
    Write(&'a [T]),
    Read(Vec<Box<RawValue>>),
}

impl<T> Default for List<'_, T> {
    fn default() -> Self {
        List::Read(Vec::new())
    }
}

impl<T> List<'_, T> {
    pub(super) fn is_empty(&self) -> bool {
        match self {
            List::Write(v) => v.is_empty(),
            List::Read(v) => v.is_empty(),
        }
    }
}

impl<T: DeserializeOwned + Clone> List<'_, T> {
    /// The entries that read as `T`; the others go to `aside`, under `list`.
    pub(super) fn read(self, list: &str, aside: &mut Vec<SetAside>) -> Vec<T> {
        let raw = match self {
            List::Write(v) => return v.to_vec(),
            List::Read(raw) => raw,
        };
        let mut out = Vec::with_capacity(raw.len());
        for r in raw {
            match serde_json::from_str::<T>(r.get()) {
                Ok(t) => out.push(t),
                Err(e) => {
                    aside.push(SetAside { list: list.to_string(), raw: r.get().to_string(), error: e.to_string() })
                }
            }
        }
        out
    }
}

impl<T: Serialize> Serialize for List<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            List::Write(v) => v.serialize(s),
            List::Read(v) => v.serialize(s),
        }
    }
}

impl<'de, T> Deserialize<'de> for List<'_, T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Box<RawValue>>::deserialize(d).map(List::Read)
    }
}

impl Register {
    /// Groups of matters (indices, register order) whose 案号 read the same though written differently:
    /// `（2025）京0112行初1号` and `(2025)京0112行初1号`. Saving one of them is refused while the other
    /// exists, so they are offered to be merged or renamed. Linear: one hash map.
    pub fn lookalike_groups(&self) -> Vec<Vec<usize>> {
        let mut by: HashMap<String, Vec<usize>> = HashMap::new();
        let mut order = Vec::new();
        for (i, m) in self.matters.iter().enumerate() {
            let slot = by.entry(key_norm(&m.case_no.0).into_owned()).or_default();
            if slot.len() == 1 {
                order.push(key_norm(&m.case_no.0).into_owned());
            }
            slot.push(i);
        }
        order.into_iter().filter_map(|k| by.remove(&k)).collect()
    }

    /// Merges the matter `drop` into `keep` (both 案号 as written; they read the same): `keep`'s spelling
    /// and values stay, each of its empty fields takes `drop`'s value, and `drop` goes. Returns the fields
    /// where both held different values (`keep`'s kept), for the audit line and the message.
    pub fn merge_lookalike(&mut self, keep: &str, drop: &str, user: &str, at: &str) -> Result<Vec<String>, String> {
        if keep == drop || key_norm(keep) != key_norm(drop) {
            return Err(format!("「{keep}」与「{drop}」不是写法不同的同一案号"));
        }
        let k = self.matters.iter().position(|m| m.case_no.0 == keep).ok_or(format!("案号「{keep}」不存在"))?;
        let d = self.matters.iter().position(|m| m.case_no.0 == drop).ok_or(format!("案号「{drop}」不存在"))?;
        let other = self.matters[d].clone();
        let mut merged = self.matters[k].clone();
        let mut differing = Vec::new();
        for c in Column::ALL.iter().filter(|c| **c != Column::CaseNo) {
            let (mine, theirs) = (c.get(&merged), c.get(&other));
            if theirs.is_empty() || mine == theirs {
                continue;
            }
            if mine.is_empty() || (mine == "否" && theirs == "是") {
                let _ = c.set(&mut merged, &theirs);
            } else {
                differing.push(c.name().to_string());
            }
        }
        for (name, v) in &other.extra {
            if merged.extra(name).is_none_or(str::is_empty) && !v.is_empty() {
                merged.extra.retain(|(n, _)| n != name);
                merged.extra.push((name.clone(), v.clone()));
            }
        }
        merge_invalid(&mut merged, &other);
        self.put_matter(Some(k), merged, user, at, true);
        self.matters.remove(d);
        self.audit.push(AuditEntry {
            at: at.into(),
            user: user.into(),
            case_no: keep.into(),
            field: "（合并）".into(),
            old: drop.into(),
            new: if differing.is_empty() {
                format!("并入写法不同的「{drop}」")
            } else {
                format!("并入写法不同的「{drop}」；两者不同的字段保留本案号的值：{}", differing.join("、"))
            },
        });
        self.changes_since_backup += 1;
        Ok(differing)
    }

    /// Gives the matter `from` the 案号 `to` (which must read differently from every other matter's).
    pub fn rename_matter(&mut self, from: &str, to: &str, user: &str, at: &str) -> Result<(), String> {
        let to = crate::text::trim_spaces(to);
        if to.is_empty() {
            return Err("新案号不能为空".into());
        }
        let i = self.matters.iter().position(|m| m.case_no.0 == from).ok_or(format!("案号「{from}」不存在"))?;
        let norm = key_norm(to);
        if let Some(x) =
            self.matters.iter().enumerate().find(|(j, x)| *j != i && crate::text::reads_as(&x.case_no.0, &norm))
        {
            return Err(format!("新案号「{to}」与已有案号「{}」相同", x.1.case_no));
        }
        self.matters[i].case_no.0 = to.to_string();
        self.audit.push(AuditEntry {
            at: at.into(),
            user: user.into(),
            case_no: to.into(),
            field: "案号".into(),
            old: from.into(),
            new: to.into(),
        });
        self.changes_since_backup += 1;
        Ok(())
    }

    /// Checks the added holiday rows (of a backup being restored) as an import is checked
    /// ([`holiday_problems`]: years around `today`, at most 40 weekday holidays a year in the calendar they
    /// give): the rows and notice of every year that fails are left out. Returns the problems and how many
    /// rows were left out; the rest of the backup restores.
    pub fn drop_unsound_holidays(&mut self, today: NaiveDate) -> (Vec<String>, usize) {
        let problems = holiday_problems(&[], &self.holidays, today);
        if problems.is_empty() {
            return (vec![], 0);
        }
        let years: std::collections::HashSet<i32> = problems.iter().flat_map(|p| p.years.iter().copied()).collect();
        let before = self.holidays.len();
        self.holidays.retain(|h| !years.contains(&chrono::Datelike::year(&h.date)));
        self.holiday_notices.retain(|n| !years.contains(&n.year));
        (problems.into_iter().map(|p| p.message).collect(), before - self.holidays.len())
    }
}

/// Cells kept as 待修正 in `from` that `into` has no value for stay 待修正 in the merged matter.
fn merge_invalid(into: &mut Matter, from: &Matter) {
    for (col, raw) in &from.invalid {
        let empty = Column::from_name(col).is_some_and(|c| c.get(into).is_empty());
        if empty && !into.invalid.iter().any(|(c, _)| c == col) {
            into.invalid.push((col.clone(), raw.clone()));
        }
    }
}
