//! Bringing files into the register: a preview first (new / changed / unchanged / invalid, with each
//! changed field), then an all-or-nothing commit. 区司法局 consolidates several agencies' files at once;
//! a 案号 that two files change differently is a conflict for a person to resolve, never overwritten.
//! Also the `.ics` calendar export of open due dates.

use crate::codec::{Import, ImportRow};
use crate::dates::fmt;
use crate::error::RowError;
use crate::model::{Column, Matter};
use crate::record::Record;
use crate::rules::Obligation;
use crate::store::Register;
use crate::text::key_norm;
use crate::zh::zh_enum;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, HashMap, HashSet};

mod agencies;
mod submissions;
pub use agencies::*;
pub use submissions::*;

zh_enum!(
    no_default:
    /// How an import meets the register.
    Mode {
        /// 合并: new keys added, existing keys updated.
        Merge = "合并",
        /// 仅新增: only keys not yet in the register.
        AddOnly = "仅新增",
        /// 全部替换: the register's matters become exactly the file's (a backup is saved first).
        ReplaceAll = "全部替换",
    }
);

/// One changed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// A matter the file changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingMatter {
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

impl Conflict {
    /// The columns on which the versions differ: what the reviewer chooses field by field.
    pub fn differing(&self) -> Vec<Column> {
        let Some(first) = self.versions.first() else { return vec![] };
        let mut cols: Vec<Column> =
            self.versions[1..].iter().flat_map(|v| crate::record::changed(&first.2, &v.2)).collect();
        cols.sort_unstable();
        cols.dedup();
        cols
    }

    /// The matter built from the reviewer's choices: each differing column from the version chosen for it
    /// (version 0 where none was chosen); unknown columns from the first version holding them.
    pub fn merged(&self, choices: &BTreeMap<Column, usize>) -> Matter {
        let Some(first) = self.versions.first() else { return Matter::default() };
        let mut m = first.2.clone();
        for (c, i) in choices {
            if let Some(v) = self.versions.get(*i) {
                crate::record::copy(&mut m, &v.2, *c);
            }
        }
        for v in &self.versions[1..] {
            for (k, val) in &v.2.extra {
                if m.extra(k).is_none_or(str::is_empty) && !val.is_empty() {
                    m.extra.retain(|(n, _)| n != k);
                    m.extra.push((k.clone(), val.clone()));
                }
            }
        }
        m
    }
}

/// Columns that record a duty as done (and 出庭负责人): blanking one of them turns a done duty back into an
/// open or overdue one, so a preview that would do it says so.
pub const GUARDED: &[Column] = {
    use Column::*;
    &[
        LetterIssued,
        LeaderReported,
        ContactReported,
        MaterialsSubmitted,
        RiskReported,
        AnswerFiled,
        HeadName,
        HearingPrepared,
        BureauReported,
        LossReport,
        AppealFiled,
        OriginalAppealFiled,
        RetrialApplied,
        Performed,
        Remade,
        ImplementationReported,
        Replied,
    ]
};

/// A file whose 所属机关 for a matter differs from the one the register records: 非本机关文件.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    pub file: String,
    pub case_no: String,
    pub file_agency: String,
    /// The register's 所属机关 of the matter; for a new matter ([`Foreign::new`]), the register's 本机关.
    pub recorded_agency: String,
    /// The matter is not in the register yet.
    pub new: bool,
}

/// Import options beyond the mode.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// 以空值清除: in 合并, an empty cell of the file empties the register's field. Off by default: an
    /// empty cell keeps what the register holds. A column the file lacks keeps it always.
    pub clear_empty: bool,
    /// 本机关名称 of an agency's own register (role 机关): a new matter whose 所属机关 in the file is
    /// another agency is 非本机关 as well. Empty for 区司法局, whose register gathers every agency's matters.
    pub own_agency: String,
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
    pub new: Vec<IncomingMatter>,
    pub changed: Vec<IncomingMatter>,
    pub unchanged: usize,
    /// Rows in the file whose key exists, left alone by 仅新增.
    pub skipped: usize,
    /// Invalid rows' errors (those rows are never imported).
    pub errors: Vec<(String, RowError)>,
    pub invalid_rows: usize,
    pub conflicts: Vec<Conflict>,
    /// 全部替换: matters of the register that the file does not hold (they will be removed).
    pub removed: Vec<String>,
    /// Matters whose 所属机关 in a file differs from the register's (非本机关文件).
    pub foreign: Vec<Foreign>,
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

    /// Every (案号, field, old value) the commit would empty: each one is named before a commit.
    pub fn emptied(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for c in &self.changed {
            for d in &c.diffs {
                if d.new.is_empty() && !d.old.is_empty() {
                    out.push((c.matter.case_no.0.clone(), d.field.clone(), d.old.clone()));
                }
            }
        }
        out
    }

    /// Every (案号, column, old value) the commit would empty among [`GUARDED`] columns: done dates and
    /// 出庭负责人.
    pub fn erasures(&self) -> Vec<(String, Column, String)> {
        let mut out = Vec::new();
        for c in &self.changed {
            for d in &c.diffs {
                if d.new.is_empty() && !d.old.is_empty() {
                    if let Some(col) = GUARDED.iter().find(|g| g.name() == d.field) {
                        out.push((c.matter.case_no.0.clone(), *col, d.old.clone()));
                    }
                }
            }
        }
        out
    }
}

/// A file row laid over the record it updates, column by column (issue 20): a column the file does not
/// have keeps the record's value always; an empty cell keeps it too unless `clear_empty` (以空值清除),
/// which empties exactly the cells the file has and leaves empty. Unknown columns the same way.
pub fn fill_from<R: Record>(existing: &R, row: &ImportRow<R>, clear_empty: bool) -> R {
    let mut m = row.record.clone();
    for (i, c) in R::columns().iter().enumerate() {
        let keep = row.lacks(i) || (!clear_empty && row.empty_cell(i));
        if keep {
            crate::record::copy(&mut m, existing, *c);
        }
    }
    for (k, v) in existing.extra() {
        let incoming = m.extra().iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let keep = match incoming {
            None => true,
            Some(x) => x.is_empty() && !clear_empty,
        };
        if keep {
            m.extra_mut().retain(|(n, _)| n != k);
            m.extra_mut().push((k.clone(), v.clone()));
        }
    }
    m
}

/// Every field whose canonical text differs, known columns first (the record's order), then unknown ones.
pub fn diffs<R: Record>(old: &R, new: &R) -> Vec<FieldDiff> {
    // The same field diff as the edit session and the conflict summary (record::changed), with each
    // side's value.
    let mut out: Vec<FieldDiff> = crate::record::changed(old, new)
        .into_iter()
        .map(|c| FieldDiff { field: R::col_name(c).to_string(), old: old.get(c), new: new.get(c) })
        .collect();
    // Unknown columns: a difference there is a change too (they are written back on export).
    let mut names = crate::record::changed_extra(old, new);
    crate::sort::natural(&mut names);
    let value = |r: &R, k: &str| r.extra().iter().find(|(n, _)| n == k).map_or(String::new(), |(_, v)| v.clone());
    out.extend(names.into_iter().map(|k| FieldDiff { old: value(old, &k), new: value(new, &k), field: k }));
    out
}

/// The register's matters by 案号 as people read it ([`key_norm`]).
fn index(existing: &[Matter]) -> HashMap<String, usize> {
    existing.iter().enumerate().map(|(i, m)| (key_norm(&m.case_no.0).into_owned(), i)).collect()
}

/// Compares one or more imported files with the register's matters (default [`Options`]).
pub fn preview(existing: &[Matter], files: &[(String, Import<Matter>)], mode: Mode) -> Preview {
    preview_with(existing, files, mode, Options::default())
}

/// Compares one or more imported files with the register's matters. Linear: every key is looked up
/// once in a hash map.
pub fn preview_with(existing: &[Matter], files: &[(String, Import<Matter>)], mode: Mode, opts: Options) -> Preview {
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
        foreign: vec![],
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
            let record = match by_key.get(&norm).map(|&i| &existing[i]) {
                Some(old) => {
                    let (fa, ra) = (row.record.agency.trim(), old.agency.trim());
                    if !fa.is_empty() && !ra.is_empty() && fa != ra {
                        p.foreign.push(Foreign {
                            file: name.clone(),
                            case_no: old.case_no.0.clone(),
                            file_agency: fa.to_string(),
                            recorded_agency: ra.to_string(),
                            new: false,
                        });
                    }
                    if mode == Mode::Merge {
                        fill_from(old, row, opts.clear_empty)
                    } else {
                        row.record.clone()
                    }
                }
                None => {
                    // (issue 20) An agency's register importing a new matter of another agency: flagged too.
                    let (fa, own) = (row.record.agency.trim(), opts.own_agency.trim());
                    if !fa.is_empty() && !own.is_empty() && fa != own {
                        p.foreign.push(Foreign {
                            file: name.clone(),
                            case_no: row.record.case_no.0.clone(),
                            file_agency: fa.to_string(),
                            recorded_agency: own.to_string(),
                            new: true,
                        });
                    }
                    row.record.clone()
                }
            };
            let slot = versions.entry(norm.clone()).or_default();
            if slot.is_empty() {
                order.push(norm);
            }
            slot.push((name.clone(), row.row, record));
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
            None => p.new.push(IncomingMatter { source, row, diffs: vec![], matter: m, base: None }),
            Some(_) if mode == Mode::AddOnly => p.skipped += 1,
            Some(o) => {
                p.changed.push(IncomingMatter { source, row, diffs: diffs(o, &m), matter: m, base: Some(o.clone()) })
            }
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

/// Resolves a conflict by taking the version of file `choice` (an index into its versions) whole.
pub fn resolve(p: &mut Preview, existing: &[Matter], case_no: &str, choice: usize) {
    let Some(c) = p.conflicts.iter().find(|c| c.case_no == case_no) else { return };
    let choices: BTreeMap<Column, usize> = c.differing().into_iter().map(|col| (col, choice)).collect();
    resolve_fields(p, existing, case_no, &choices);
}

/// Resolves a conflict field by field: each differing column from the version chosen for it.
pub fn resolve_fields(p: &mut Preview, existing: &[Matter], case_no: &str, choices: &BTreeMap<Column, usize>) {
    let Some(i) = p.conflicts.iter().position(|c| c.case_no == case_no) else { return };
    let c = p.conflicts.remove(i);
    let m = c.merged(choices);
    let sources: Vec<String> = {
        let mut used: Vec<usize> = choices.values().copied().collect();
        used.push(0);
        crate::sort::natural(&mut used);
        used.dedup();
        used.iter().filter_map(|i| c.versions.get(*i).map(|v| format!("{} 第{}行", v.0, v.1))).collect()
    };
    let row = c.versions.first().map_or(0, |v| v.1);
    let source = sources.join(" + ");
    let norm = key_norm(case_no);
    match existing.iter().find(|x| key_norm(&x.case_no.0) == norm) {
        None => p.new.push(IncomingMatter { source, row, diffs: vec![], matter: m, base: None }),
        Some(o) => {
            p.changed.push(IncomingMatter { source, row, diffs: diffs(o, &m), matter: m, base: Some(o.clone()) })
        }
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

/// Escapes an iCalendar text value (RFC 5545 §3.3.11). Hidden controls are written out as `⟨U+XXXX⟩`
/// first ([`crate::text::for_document`]): a right-to-left override in a 案号 would otherwise reverse the
/// calendar's title, and a control character is not allowed in a content line.
fn ics_text(s: &str) -> String {
    crate::text::for_document(s)
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
        .replace('\r', "")
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

/// `ics_uid("A-R14")`: a UID of ASCII letters, digits and hex escapes (Outlook rejects some others).
fn ics_uid(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'-' { (b as char).to_string() } else { format!("{b:02x}") })
        .collect()
}

/// (r3 §7.23) A hearing's DTSTART and DTEND: with 开庭时间 a timed event of two hours in local (floating) time —
/// its alarms then fire that many hours before the hearing —, else all day.
fn hearing_start_end(h: &crate::schedule::Hearing) -> (String, String) {
    match h.time.and_then(|t| h.date.and_hms_opt(t.hour(), t.minute(), 0)) {
        Some(start) => (
            format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")),
            format!("DTEND:{}", (start + Duration::hours(2)).format("%Y%m%dT%H%M%S")),
        ),
        None => (
            format!("DTSTART;VALUE=DATE:{}", crate::dates::compact(h.date)),
            format!("DTEND;VALUE=DATE:{}", crate::dates::compact(h.date + Duration::days(1))),
        ),
    }
}

/// An alarm at 09:00 `days` days before an all-day event.
fn alarm(lines: &mut Vec<String>, text: &str, days: u32) {
    lines.push("BEGIN:VALARM".into());
    lines.push("ACTION:DISPLAY".into());
    lines.push(format!("DESCRIPTION:{}", ics_text(text)));
    lines.push(if days <= 1 {
        format!("TRIGGER:-PT{}H", i64::from(days) * 24 - 9)
    } else {
        format!("TRIGGER:-P{}DT15H", days - 1)
    });
    lines.push("END:VALARM".into());
}

/// An `.ics` calendar: one all-day event per open obligation with a due date, with a reminder
/// `remind_days` days before (at 09:00 on that day), and one event per coming hearing (开庭日 from `today`
/// on) with a reminder the day before and, where 第十八条第一款 requires the head to appear, another 7 days
/// before (区司法局 practice: the head is told one week ahead). For Outlook and WPS calendars.
pub fn ics(
    obligations: &[Obligation],
    hearings: &[crate::schedule::Hearing],
    today: NaiveDate,
    remind_days: u32,
) -> String {
    let mut s = String::new();
    let prodid = format!("PRODID:-//yingsu//应诉通 {}//ZH", crate::VERSION);
    for l in
        ["BEGIN:VCALENDAR", "VERSION:2.0", &prodid, "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:应诉通期限"]
    {
        s.push_str(&fold(l));
    }
    let stamp = format!("{}T000000Z", crate::dates::compact(today));
    for o in obligations.iter().filter(|o| o.status.is_open()) {
        let Some(due) = o.due else { continue };
        let info = o.info();
        let uid = ics_uid(&format!("{}-{}", o.case_no.0, o.rule.label()));
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{uid}@yingsu"),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", crate::dates::compact(due)),
            format!("DTEND;VALUE=DATE:{}", crate::dates::compact(due + Duration::days(1))),
            format!("SUMMARY:{}", ics_text(&format!("【{}期限】{} {}", o.rule.label(), o.title, o.case_no.0))),
            format!(
                "DESCRIPTION:{}",
                ics_text(&format!(
                    "{}（{}）\n责任主体：{}\n期限日：{}\n{}",
                    o.title,
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
    for h in hearings.iter().filter(|h| h.date >= today) {
        let head = if h.head.is_empty() { "未填".to_string() } else { h.head.clone() };
        let mut desc = format!("开庭日：{}\n出庭负责人：{head}", fmt(h.date));
        if !h.tribunal.is_empty() {
            desc.push_str(&format!("\n审理机关：{}", h.tribunal));
        }
        if let Some(st) = h.r18a.filter(|_| h.head_required()) {
            desc.push_str(&format!("\n第十八条第一款 行政机关负责人必须出庭应诉：{}", st.label()));
        }
        if let Some(st) = h.r19 {
            desc.push_str(&format!("\n第十九条 出庭准备：{}", st.label()));
        }
        let mut lines = vec![
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@yingsu", ics_uid(&format!("{}-hearing", h.case_no.0))),
            format!("DTSTAMP:{stamp}"),
            hearing_start_end(h).0,
            hearing_start_end(h).1,
            format!("SUMMARY:{}", ics_text(&format!("【开庭】{} 出庭负责人：{head}", h.case_no.0))),
            format!("DESCRIPTION:{}", ics_text(&desc)),
        ];
        if !h.tribunal.is_empty() {
            lines.push(format!("LOCATION:{}", ics_text(&h.tribunal)));
        }
        alarm(&mut lines, &format!("明日开庭 {} 出庭负责人：{head}", h.case_no.0), 1);
        if h.head_required() {
            alarm(&mut lines, &format!("一周后开庭 {}：负责人须出庭（第十八条第一款），请通知 {head}", h.case_no.0), 7);
        }
        // (r3 §7.23) a timed event: the reminders still fire at 09:00 of their day.
        if let Some(t) = h.time {
            for l in lines.iter_mut().filter(|l| l.starts_with("TRIGGER:")) {
                let days = if l.starts_with("TRIGGER:-P6D") { 7 } else { 1 };
                *l = format!("TRIGGER:-PT{}M", days * 1440 + t.minutes() - 9 * 60);
            }
        }
        lines.push("END:VEVENT".into());
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
        let cal = ics(&ev.obligations, &[], today, 1);
        assert_eq!(cal.matches("BEGIN:VEVENT").count(), 1, "R14 only: R15 has no date, R16 is a constraint");
        assert!(cal.contains("DTSTART;VALUE=DATE:20250205\r\n"));
        assert!(cal.contains("TRIGGER:-PT15H"));
        assert!(cal.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
        assert!(cal.contains(&format!("PRODID:-//yingsu//应诉通 {}//ZH\r\n", crate::VERSION)), "names the app version");
    }

    const HEAD: &str = "案号,案件类型,被告类型,所属机关,答辩提交日,应诉材料报送日,开庭日,出庭负责人\n";

    #[test]
    fn issue_11_two_files_resolved_field_by_field_keep_a_done_dates_and_b_hearing() {
        let a = imp(&format!("{HEAD}X,行政诉讼,本机关,城管委,2025-03-01,2025-03-02,2025-04-01,王某\n"));
        let b = imp(&format!("{HEAD}X,行政诉讼,本机关,城管委,,,2025-04-15,王某\n"));
        let mut p = preview(&[], &[("A.csv".into(), a), ("B.csv".into(), b)], Mode::Merge);
        assert_eq!(p.conflicts.len(), 1);
        let c = &p.conflicts[0];
        assert_eq!(c.differing(), vec![Column::MaterialsSubmitted, Column::AnswerFiled, Column::Hearing]);
        let mut choices = BTreeMap::new();
        choices.insert(Column::AnswerFiled, 0);
        choices.insert(Column::MaterialsSubmitted, 0);
        choices.insert(Column::Hearing, 1);
        resolve_fields(&mut p, &[], "X", &choices);
        let mut reg = Register::default();
        apply(&mut reg, &p, false, "u", "t").unwrap();
        let m = reg.find("X").unwrap();
        assert_eq!(m.answer_filed, NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(m.materials_submitted, NaiveDate::from_ymd_opt(2025, 3, 2));
        assert_eq!(m.hearing, NaiveDate::from_ymd_opt(2025, 4, 15));
        // "Take all from B" is the same call with every field on B.
        let b2 = imp(&format!("{HEAD}X,行政诉讼,本机关,城管委,,,2025-04-15,王某\n"));
        let a2 = imp(&format!("{HEAD}X,行政诉讼,本机关,城管委,2025-03-01,2025-03-02,2025-04-01,王某\n"));
        let mut p = preview(&[], &[("A.csv".into(), a2), ("B.csv".into(), b2)], Mode::Merge);
        resolve(&mut p, &[], "X", 1);
        assert_eq!(p.new[0].matter.answer_filed, None);
    }

    #[test]
    fn issue_11_reimport_with_empty_cells_erases_nothing_unless_asked() {
        let mut x = Matter::new("X");
        x.agency = "城管委".into();
        x.answer_filed = NaiveDate::from_ymd_opt(2025, 3, 1);
        x.materials_submitted = NaiveDate::from_ymd_opt(2025, 3, 2);
        x.head_name = "王某".into();
        x.simplified = true;
        let existing = [x.clone()];
        // An older file: the done dates empty, 出庭负责人 empty, no 简易程序 column at all; a new hearing.
        let file = || imp(&format!("{HEAD}X,行政诉讼,本机关,城管委,,,2025-04-15,\n"));
        let p = preview(&existing, &[("f.csv".into(), file())], Mode::Merge);
        assert_eq!(p.changed.len(), 1);
        assert_eq!(p.changed[0].diffs.len(), 1, "only the hearing changes: {:?}", p.changed[0].diffs);
        assert!(p.erasures().is_empty());
        let mut reg = Register { matters: existing.to_vec(), ..Register::default() };
        apply(&mut reg, &p, false, "u", "t").unwrap();
        let m = reg.find("X").unwrap();
        assert_eq!((m.answer_filed, m.head_name.as_str(), m.simplified), (x.answer_filed, "王某", true));
        // 以空值清除: the preview counts every done date and 出庭负责人 it would empty.
        let p = preview_with(
            &existing,
            &[("f.csv".into(), file())],
            Mode::Merge,
            Options { clear_empty: true, ..Options::default() },
        );
        let erased: Vec<Column> = p.erasures().into_iter().map(|e| e.1).collect();
        assert_eq!(erased, vec![Column::MaterialsSubmitted, Column::AnswerFiled, Column::HeadName]);
    }

    #[test]
    fn issue_11_a_file_of_another_agency_is_flagged() {
        let mut x = Matter::new("X");
        x.agency = "城管委".into();
        let f = imp(&format!("{HEAD}X,行政诉讼,本机关,住建委,,,,\n"));
        let p = preview(&[x], &[("住建委.csv".into(), f)], Mode::Merge);
        assert_eq!(
            p.foreign,
            vec![Foreign {
                file: "住建委.csv".into(),
                case_no: "X".into(),
                file_agency: "住建委".into(),
                recorded_agency: "城管委".into(),
                new: false,
            }]
        );
    }

    #[test]
    fn issue_11_agents_import_normalises_with_a_notice() {
        let f = imp("案号,案件类型,被告类型,代理人\nX,行政诉讼,本机关,王芳（工作人员）、李明律师\nY,行政诉讼,本机关,张三（工作人员）\n");
        assert_eq!(f.notices.len(), 1);
        assert_eq!((f.notices[0].row, f.notices[0].column.as_str()), (2, "代理人"));
        assert!(f.notices[0].message.contains("王芳（工作人员）；李明（律师）"), "{}", f.notices[0].message);
        assert!(f.is_clean());
        let out = String::from_utf8(crate::codec::export(&[f.rows[0].record.clone()])).unwrap();
        assert!(out.contains("王芳（工作人员）；李明（律师）"), "written in CSV.md's form");
    }

    #[test]
    fn issue_11_ics_holds_hearings_with_reminders_a_day_and_a_week_before() {
        use crate::schedule::Hearing;
        use crate::Status;
        let today = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let h = |no: &str, r18a: Option<Status>, date: u32| Hearing {
            case_no: crate::model::CaseNo(no.into()),
            agency: "城管委".into(),
            date: NaiveDate::from_ymd_opt(2025, 3, date).unwrap(),
            time: None,
            tribunal: "通州区人民法院".into(),
            head: "王某（副职）".into(),
            r18a,
            r19: None,
            attendance: crate::schedule::Attendance::Planned,
        };
        let hs = [h("（2025）京0112行初5号", Some(Status::Pending), 8), h("B", None, 9), h("past", None, 1)];
        let cal = ics(&[], &hs, today, 1);
        assert_eq!(cal.matches("BEGIN:VEVENT").count(), 2, "a past hearing is left out");
        assert!(cal.contains("DTSTART;VALUE=DATE:20250308\r\n"));
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:【开庭】（2025）京0112行初5号 出庭负责人：王某（副职）"), "{unfolded}");
        assert!(cal.contains("LOCATION:通州区人民法院\r\n"));
        assert_eq!(cal.matches("TRIGGER:-PT15H").count(), 2, "the day before, every hearing");
        assert_eq!(cal.matches("TRIGGER:-P6DT15H").count(), 1, "a week before, only where R18A applies");
        assert!(cal.lines().all(|l| l.len() <= 76), "folded at 75 octets");
        assert!(cal.split("\r\n").all(|l| l.len() <= 75), "no line longer than 75 octets");
    }

    #[test]
    fn issue_21_ics_shows_a_bidi_override_instead_of_applying_it() {
        use crate::schedule::Hearing;
        let today = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let hs = [Hearing {
            case_no: crate::model::CaseNo("BIDI\u{202e}gpj.exe".into()),
            agency: "城管委".into(),
            date: NaiveDate::from_ymd_opt(2025, 3, 8).unwrap(),
            time: None,
            tribunal: "通州区\u{b}人民法院".into(),
            head: "王某".into(),
            r18a: None,
            r19: None,
            attendance: crate::schedule::Attendance::Planned,
        }];
        let cal = ics(&[], &hs, today, 1);
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:【开庭】BIDI⟨U+202E⟩gpj.exe 出庭负责人：王某"), "{unfolded}");
        assert!(unfolded.contains("LOCATION:通州区 人民法院"), "{unfolded}");
        assert!(!cal.chars().any(crate::text::is_hidden_control));
    }
}
