//! Bringing files into the register: a preview first (new / changed / unchanged / invalid, with each
//! changed field), then an all-or-nothing commit. 区司法局 consolidates several agencies' files at once;
//! a 案号 that two files change differently is a conflict for a person to resolve, never overwritten.
//! Also the `.ics` calendar export of open due dates.

use crate::codec::Import;
use crate::dates::fmt;
use crate::error::RowError;
use crate::model::{Column, Matter};
use crate::rules::Obligation;
use crate::store::Register;
use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;

/// How an import meets the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 合并: new keys added, existing keys updated.
    Merge,
    /// 仅新增: only keys not yet in the register.
    AddOnly,
    /// 全部替换: the register's matters become exactly the file's (a backup is saved first).
    ReplaceAll,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Merge => "合并",
            Mode::AddOnly => "仅新增",
            Mode::ReplaceAll => "全部替换",
        }
    }
}

/// One changed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// A matter the file changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub source: String,
    pub row: usize,
    pub matter: Matter,
    pub diffs: Vec<FieldDiff>,
}

/// The same 案号 changed differently by two or more files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub case_no: String,
    /// (file, row, the file's version), in the order the files were given.
    pub versions: Vec<(String, usize, Matter)>,
}

/// What a commit would do. Nothing is written until [`apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub mode: Mode,
    pub new: Vec<Change>,
    pub changed: Vec<Change>,
    pub unchanged: usize,
    /// Rows in the file whose key exists, left alone by 仅新增.
    pub skipped: usize,
    /// Invalid rows' errors (those rows are never imported).
    pub errors: Vec<(String, RowError)>,
    pub invalid_rows: usize,
    pub conflicts: Vec<Conflict>,
    /// 全部替换: matters of the register that the file does not hold (they will be removed).
    pub removed: Vec<String>,
}

impl Preview {
    /// A commit is allowed once every conflict is resolved; with invalid rows only on explicit choice.
    pub fn can_commit(&self, skip_invalid: bool) -> bool {
        self.conflicts.is_empty() && (self.invalid_rows == 0 || skip_invalid)
    }
}

fn diffs(old: &Matter, new: &Matter) -> Vec<FieldDiff> {
    let mut out: Vec<FieldDiff> = Column::ALL
        .iter()
        .filter_map(|c| {
            let (o, n) = (c.get(old), c.get(new));
            (o != n).then(|| FieldDiff { field: c.name().to_string(), old: o, new: n })
        })
        .collect();
    // Unknown columns: a difference there is a change too (they are written back on export).
    let mut names: Vec<&str> = old.extra.iter().chain(&new.extra).map(|(k, _)| k.as_str()).collect();
    names.sort();
    names.dedup();
    for k in names {
        let (o, n) = (old.extra(k).unwrap_or(""), new.extra(k).unwrap_or(""));
        if o != n {
            out.push(FieldDiff { field: k.to_string(), old: o.to_string(), new: n.to_string() });
        }
    }
    out
}

/// Compares one or more imported files with the register's matters.
pub fn preview(existing: &[Matter], files: &[(String, Import<Matter>)], mode: Mode) -> Preview {
    let by_key: BTreeMap<&str, &Matter> = existing.iter().map(|m| (m.case_no.0.as_str(), m)).collect();
    let mut p = Preview {
        mode,
        new: vec![],
        changed: vec![],
        unchanged: 0,
        skipped: 0,
        errors: vec![],
        invalid_rows: 0,
        conflicts: vec![],
        removed: vec![],
    };
    // Every file's version of each key, in file order.
    let mut versions: BTreeMap<String, Vec<(String, usize, Matter)>> = BTreeMap::new();
    for (name, imp) in files {
        for row in &imp.rows {
            if !row.errors.is_empty() {
                p.invalid_rows += 1;
                p.errors.extend(row.errors.iter().map(|e| (name.clone(), e.clone())));
                continue;
            }
            versions.entry(row.record.case_no.0.clone()).or_default().push((name.clone(), row.row, row.record.clone()));
        }
    }
    for (key, vs) in versions {
        let old = by_key.get(key.as_str()).copied();
        // Files that agree with each other, or with the register, are one version.
        let distinct: Vec<&(String, usize, Matter)> = {
            let mut d: Vec<&(String, usize, Matter)> = Vec::new();
            for v in &vs {
                if !d.iter().any(|x| x.2 == v.2) && Some(&v.2) != old {
                    d.push(v);
                }
            }
            d
        };
        if distinct.len() > 1 {
            p.conflicts.push(Conflict { case_no: key, versions: distinct.into_iter().cloned().collect() });
            continue;
        }
        let (source, row, m) = match distinct.first() {
            Some(v) => (*v).clone(),
            None => {
                p.unchanged += 1;
                continue;
            }
        };
        match old {
            None => p.new.push(Change { source, row, diffs: vec![], matter: m }),
            Some(_) if mode == Mode::AddOnly => p.skipped += 1,
            Some(o) => p.changed.push(Change { source, row, diffs: diffs(o, &m), matter: m }),
        }
    }
    if mode == Mode::ReplaceAll {
        let in_files: Vec<&str> =
            files.iter().flat_map(|(_, i)| i.rows.iter().map(|r| r.record.case_no.0.as_str())).collect();
        p.removed = existing.iter().map(|m| m.case_no.0.clone()).filter(|k| !in_files.contains(&k.as_str())).collect();
    }
    p
}

/// Resolves a conflict by taking the version of file `choice` (an index into its versions).
pub fn resolve(p: &mut Preview, existing: &[Matter], case_no: &str, choice: usize) {
    let Some(i) = p.conflicts.iter().position(|c| c.case_no == case_no) else { return };
    let c = p.conflicts.remove(i);
    let Some((source, row, m)) = c.versions.into_iter().nth(choice) else { return };
    match existing.iter().find(|x| x.case_no.0 == case_no) {
        None => p.new.push(Change { source, row, diffs: vec![], matter: m }),
        Some(o) => p.changed.push(Change { source, row, diffs: diffs(o, &m), matter: m }),
    }
}

/// Commits a preview: all of it or, if it cannot be committed, nothing. Returns the number of matters written.
pub fn apply(reg: &mut Register, p: &Preview, skip_invalid: bool, user: &str, at: &str) -> Result<usize, String> {
    if !p.conflicts.is_empty() {
        return Err(format!("还有 {} 个冲突未处理", p.conflicts.len()));
    }
    if p.invalid_rows > 0 && !skip_invalid {
        return Err(format!("文件有 {} 行无效；请修正后重新导入，或选择“跳过无效行导入”", p.invalid_rows));
    }
    let mut next = reg.clone();
    if p.mode == Mode::ReplaceAll {
        for k in &p.removed {
            next.delete_matter(&crate::model::CaseNo(k.clone()), user, at);
        }
    }
    let mut n = 0;
    for c in p.new.iter().chain(&p.changed) {
        let key = c.matter.case_no.0.clone();
        let exists = next.find(&key).is_some();
        next.save_matter(exists.then_some(key.as_str()), c.matter.clone(), user, at)?;
        n += 1;
    }
    *reg = next;
    Ok(n)
}

/// Escapes an iCalendar text value (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n").replace('\r', "")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for ch in line.chars() {
        let w = ch.len_utf8();
        if len + w > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(ch);
        len += w;
    }
    out.push_str("\r\n");
    out
}

/// An `.ics` calendar: one all-day event per open obligation with a due date, with a reminder
/// `remind_days` days before (at 09:00 on that day), for Outlook and WPS calendars.
pub fn ics(obligations: &[Obligation], today: NaiveDate, remind_days: u32) -> String {
    let mut s = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//yingsu//应诉通//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:应诉通期限",
    ] {
        s.push_str(&fold(l));
    }
    let stamp = format!("{}T000000Z", crate::dates::compact(today));
    for o in obligations.iter().filter(|o| o.status.is_open()) {
        let Some(due) = o.due else { continue };
        let info = o.info();
        let uid: String = format!("{}-{}", o.case_no.0, o.rule.label())
            .bytes()
            .map(|b| if b.is_ascii_alphanumeric() || b == b'-' { (b as char).to_string() } else { format!("{b:02x}") })
            .collect();
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{uid}@yingsu"),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", crate::dates::compact(due)),
            format!("DTEND;VALUE=DATE:{}", crate::dates::compact(due + Duration::days(1))),
            format!("SUMMARY:{}", ics_text(&format!("【{}期限】{} {}", o.rule.label(), info.title, o.case_no.0))),
            format!(
                "DESCRIPTION:{}",
                ics_text(&format!(
                    "{}（{}）\n责任主体：{}\n期限日：{}\n{}",
                    info.title,
                    info.clause,
                    o.responsible,
                    fmt(due),
                    o.explanation
                ))
            ),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("DESCRIPTION:{}", ics_text(&format!("{} 期限 {}", o.case_no.0, fmt(due)))),
            format!("TRIGGER:-PT{}H", i64::from(remind_days) * 24 - 9),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ];
        for l in lines {
            s.push_str(&fold(&l));
        }
    }
    s.push_str(&fold("END:VCALENDAR"));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::import;

    fn imp(text: &str) -> Import<Matter> {
        import::<Matter>(text.as_bytes()).unwrap()
    }

    #[test]
    fn preview_counts_new_changed_unchanged_invalid() {
        let mut a = Matter::new("A");
        a.plaintiff = "甲".into();
        let b = Matter::new("B");
        let file = imp("案号,案件类型,被告类型,原告\nA,行政诉讼,本机关,乙\nB,行政诉讼,本机关,\nC,行政诉讼,本机关,丙\nD,坏类型,本机关,\n");
        let p = preview(&[a, b], &[("f.csv".into(), file)], Mode::Merge);
        assert_eq!((p.new.len(), p.changed.len(), p.unchanged, p.invalid_rows), (1, 1, 1, 1));
        assert_eq!(p.changed[0].diffs, vec![FieldDiff { field: "原告".into(), old: "甲".into(), new: "乙".into() }]);
        assert!(!p.can_commit(false) && p.can_commit(true));
    }

    #[test]
    fn add_only_skips_existing_and_replace_all_lists_removals() {
        let file = || imp("案号,案件类型,被告类型,原告\nA,行政诉讼,本机关,乙\n");
        let existing = [Matter::new("A"), Matter::new("Z")];
        let p = preview(&existing, &[("f".into(), file())], Mode::AddOnly);
        assert_eq!((p.new.len(), p.changed.len(), p.skipped), (0, 0, 1));
        let p = preview(&existing, &[("f".into(), file())], Mode::ReplaceAll);
        assert_eq!(p.removed, vec!["Z".to_string()]);
        let mut reg = Register { matters: existing.to_vec(), ..Register::default() };
        apply(&mut reg, &p, false, "u", "t").unwrap();
        assert_eq!(reg.matters.len(), 1);
        assert_eq!(reg.matters[0].plaintiff, "乙");
    }

    #[test]
    fn two_files_changing_one_case_differently_is_a_conflict_until_resolved() {
        let f1 = imp("案号,案件类型,被告类型,原告\nA,行政诉讼,本机关,乙\nB,行政诉讼,本机关,同\n");
        let f2 = imp("案号,案件类型,被告类型,原告\nA,行政诉讼,本机关,丙\nB,行政诉讼,本机关,同\n");
        let existing = [Matter::new("A")];
        let mut p = preview(&existing, &[("城管委.csv".into(), f1), ("住建委.csv".into(), f2)], Mode::Merge);
        assert_eq!(p.conflicts.len(), 1);
        assert_eq!(p.new.len(), 1, "B agrees in both files");
        let mut reg = Register { matters: existing.to_vec(), ..Register::default() };
        let before = reg.clone();
        assert!(apply(&mut reg, &p, false, "u", "t").is_err());
        assert_eq!(reg, before, "nothing written while a conflict is open");
        resolve(&mut p, &existing, "A", 1);
        apply(&mut reg, &p, false, "u", "t").unwrap();
        assert_eq!(reg.find("A").unwrap().plaintiff, "丙");
    }

    #[test]
    fn ics_has_one_event_per_open_due_date_with_alarm_and_folded_lines() {
        use crate::{evaluate, Calendar, Settings};
        let mut m = Matter::new("（2025）京0112行初1号");
        m.complaint_received = NaiveDate::from_ymd_opt(2025, 1, 20);
        let today = NaiveDate::from_ymd_opt(2025, 1, 21).unwrap();
        let ev = evaluate(&m, &Calendar::bundled(), &Settings::default(), today);
        let cal = ics(&ev.obligations, today, 1);
        assert_eq!(cal.matches("BEGIN:VEVENT").count(), 1, "R14 only: R15 has no date, R16 is a constraint");
        assert!(cal.contains("DTSTART;VALUE=DATE:20250205\r\n"));
        assert!(cal.contains("TRIGGER:-PT15H"));
        assert!(cal.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
    }
}
