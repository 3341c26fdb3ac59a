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
use crate::text::key_norm;
use chrono::{Duration, NaiveDate};
use std::collections::{HashMap, HashSet};

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
    /// The register's version when the preview was made (`None` for a new matter): a commit checks it
    /// is still the stored one, so an edit saved meanwhile (another tab) is never overwritten.
    pub base: Option<Matter>,
}

/// The same 案号 changed differently by two or more files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub case_no: String,
    /// (file, row, the file's version), in the order the files were given.
    pub versions: Vec<(String, usize, Matter)>,
}

/// A 案号 of a file that reads the same as one of the register but is written differently (half-width
/// brackets, full-width digits, a zero-width space…): the same matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookalike {
    pub source: String,
    pub row: usize,
    /// As the file writes it.
    pub written: String,
    /// As the register (or an earlier file row) writes it; the matter keeps this spelling.
    pub existing: String,
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
    /// The removed matters as they were at preview time (checked again at commit).
    pub removed_bases: Vec<Matter>,
    /// 案号 matched to the register although written differently: "与已有案号相同（写法不同）".
    pub lookalikes: Vec<Lookalike>,
    /// Cells with hidden control characters (imported as written, flagged).
    pub warnings: Vec<(String, RowError)>,
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
    if old.extra.is_empty() && new.extra.is_empty() {
        return out;
    }
    let (o_map, n_map): (HashMap<&str, &str>, HashMap<&str, &str>) = (
        old.extra.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
        new.extra.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
    );
    let mut names: Vec<&str> = o_map.keys().chain(n_map.keys()).copied().collect();
    names.sort();
    names.dedup();
    for k in names {
        let (o, n) = (o_map.get(k).copied().unwrap_or(""), n_map.get(k).copied().unwrap_or(""));
        if o != n {
            out.push(FieldDiff { field: k.to_string(), old: o.to_string(), new: n.to_string() });
        }
    }
    out
}

/// The register's matters by 案号 as people read it ([`key_norm`]).
fn index(existing: &[Matter]) -> HashMap<String, usize> {
    existing.iter().enumerate().map(|(i, m)| (key_norm(&m.case_no.0).into_owned(), i)).collect()
}

/// Compares one or more imported files with the register's matters. Linear: every key is looked up
/// once in a hash map.
pub fn preview(existing: &[Matter], files: &[(String, Import<Matter>)], mode: Mode) -> Preview {
    let by_key = index(existing);
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
        removed_bases: vec![],
        lookalikes: vec![],
        warnings: vec![],
    };
    // Every file's version of each key (as people read it), in file order; and the keys in first-seen order.
    let mut versions: HashMap<String, Vec<(String, usize, Matter)>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (name, imp) in files {
        p.warnings.extend(imp.warnings.iter().map(|w| (name.clone(), w.clone())));
        for row in &imp.rows {
            if !row.errors.is_empty() {
                p.invalid_rows += 1;
                p.errors.extend(row.errors.iter().map(|e| (name.clone(), e.clone())));
                continue;
            }
            let norm = key_norm(&row.record.case_no.0).into_owned();
            let slot = versions.entry(norm.clone()).or_default();
            if slot.is_empty() {
                order.push(norm);
            }
            slot.push((name.clone(), row.row, row.record.clone()));
        }
    }
    for norm in order {
        let Some(mut vs) = versions.remove(&norm) else { continue };
        let old = by_key.get(&norm).map(|&i| &existing[i]);
        // The register's spelling wins; else the first file's. A different spelling is noted.
        let canonical = old.map(|o| o.case_no.0.clone()).unwrap_or_else(|| vs[0].2.case_no.0.clone());
        for (source, row, m) in &mut vs {
            if m.case_no.0 != canonical {
                p.lookalikes.push(Lookalike {
                    source: source.clone(),
                    row: *row,
                    written: m.case_no.0.clone(),
                    existing: canonical.clone(),
                });
                m.case_no.0 = canonical.clone();
            }
        }
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
            p.conflicts.push(Conflict { case_no: canonical, versions: distinct.into_iter().cloned().collect() });
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
            None => p.new.push(Change { source, row, diffs: vec![], matter: m, base: None }),
            Some(_) if mode == Mode::AddOnly => p.skipped += 1,
            Some(o) => p.changed.push(Change { source, row, diffs: diffs(o, &m), matter: m, base: Some(o.clone()) }),
        }
    }
    if mode == Mode::ReplaceAll {
        let in_files: HashSet<String> =
            files.iter().flat_map(|(_, i)| i.rows.iter().map(|r| key_norm(&r.record.case_no.0).into_owned())).collect();
        for m in existing {
            if !in_files.contains(key_norm(&m.case_no.0).as_ref()) {
                p.removed.push(m.case_no.0.clone());
                p.removed_bases.push(m.clone());
            }
        }
    }
    p
}

/// Resolves a conflict by taking the version of file `choice` (an index into its versions).
pub fn resolve(p: &mut Preview, existing: &[Matter], case_no: &str, choice: usize) {
    let Some(i) = p.conflicts.iter().position(|c| c.case_no == case_no) else { return };
    let c = p.conflicts.remove(i);
    let Some((source, row, m)) = c.versions.into_iter().nth(choice) else { return };
    let norm = key_norm(case_no);
    match existing.iter().find(|x| key_norm(&x.case_no.0) == norm) {
        None => p.new.push(Change { source, row, diffs: vec![], matter: m, base: None }),
        Some(o) => p.changed.push(Change { source, row, diffs: diffs(o, &m), matter: m, base: Some(o.clone()) }),
    }
}

/// Up to this many new matters, an import writes a `（新建）` audit line for each; above, one line for all.
pub const BULK_NEW: usize = 1_000;

/// Why a commit wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// Conflicts open, or invalid rows without the choice to skip them.
    Refused(String),
    /// These matters changed in the register since the preview (another tab saved): preview again.
    Stale(Vec<String>),
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApplyError::Refused(m) => f.write_str(m),
            ApplyError::Stale(keys) => write!(
                f,
                "预览之后，{} 个案件已在其他地方（另一标签页）被修改（{}{}），请重新预览后再确认",
                keys.len(),
                keys.iter().take(5).map(|k| crate::text::visible(k).into_owned()).collect::<Vec<_>>().join("、"),
                if keys.len() > 5 { "等" } else { "" }
            ),
        }
    }
}

/// Commits a preview: all of it or, if it cannot be committed, nothing. Returns the number of matters
/// written. Linear in the register and the file: one index, no search per row. Refused as
/// [`ApplyError::Stale`] when a matter the preview touches is no longer as the preview saw it.
pub fn apply(reg: &mut Register, p: &Preview, skip_invalid: bool, user: &str, at: &str) -> Result<usize, ApplyError> {
    if !p.conflicts.is_empty() {
        return Err(ApplyError::Refused(format!("还有 {} 个冲突未处理", p.conflicts.len())));
    }
    if p.invalid_rows > 0 && !skip_invalid {
        return Err(ApplyError::Refused(format!(
            "文件有 {} 行无效；请修正后重新导入，或选择“跳过无效行导入”",
            p.invalid_rows
        )));
    }
    let idx = index(&reg.matters);
    let now = |k: &str| idx.get(key_norm(k).as_ref()).map(|&i| &reg.matters[i]);
    let mut stale: Vec<String> = p
        .new
        .iter()
        .chain(&p.changed)
        .filter(|c| now(&c.matter.case_no.0) != c.base.as_ref())
        .map(|c| c.matter.case_no.0.clone())
        .collect();
    stale.extend(p.removed_bases.iter().filter(|m| now(&m.case_no.0) != Some(*m)).map(|m| m.case_no.0.clone()));
    if !stale.is_empty() {
        return Err(ApplyError::Stale(stale));
    }
    let mut next = reg.clone();
    if p.mode == Mode::ReplaceAll && !p.removed.is_empty() {
        let gone: HashSet<&str> = p.removed.iter().map(String::as_str).collect();
        next.matters.retain(|m| !gone.contains(m.case_no.0.as_str()));
        for k in &p.removed {
            next.audit.push(crate::store::AuditEntry {
                at: at.into(),
                user: user.into(),
                case_no: k.clone(),
                field: "（删除）".into(),
                old: k.clone(),
                new: String::new(),
            });
            next.changes_since_backup += 1;
        }
    }
    // A bulk import (区司法局 consolidating thousands of matters) writes one audit line for its new
    // matters instead of one each: 30,000 `（新建）` lines alone would take 3.8 M of the browser's
    // 5.2 M-unit storage. Changed matters keep their field-by-field lines.
    let bulk = p.new.len() > BULK_NEW;
    if bulk {
        let mut sources: Vec<&str> = p.new.iter().map(|c| c.source.as_str()).collect();
        sources.dedup();
        next.audit.push(crate::store::AuditEntry {
            at: at.into(),
            user: user.into(),
            case_no: String::new(),
            field: "（批量新建）".into(),
            old: String::new(),
            new: format!("导入新增 {} 个案件（{}）", p.new.len(), sources.join("、")),
        });
        next.changes_since_backup += 1;
    }
    let mut idx = index(&next.matters);
    let mut n = 0;
    for c in p.new.iter().chain(&p.changed) {
        let norm = key_norm(&c.matter.case_no.0).into_owned();
        match idx.get(&norm) {
            Some(&i) => {
                next.put_matter(Some(i), c.matter.clone(), user, at, true);
            }
            None => {
                next.put_matter(None, c.matter.clone(), user, at, !bulk);
                idx.insert(norm, next.matters.len() - 1);
            }
        }
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
