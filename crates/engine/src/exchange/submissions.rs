//! `reports.csv`, the 报送记录 (README.md): which agency sent which R23/R24 report, when. Read and merged
//! like `cases.csv`: every error located (`第N行「列名」`), a repeated key (机关名称 + 期间) an error on the
//! later row, 机关名称 matched as people read it ([`key_norm`]: hidden characters, widths), a changed 报送日
//! shown before → after, the same row limit, and a merge linear in the log and the files.

use crate::codec::{check_limits, unguard, ImportError};
use crate::dates::fmt;
use crate::error::RowError;
use crate::exchange::Lookalike;
use crate::periodic::{ReportPeriod, Submission};
use crate::text::{code_point, hidden_controls, key_norm, visible};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The header of `reports.csv`.
pub const SUBMISSIONS_HEADER: [&str; 4] = ["机关名称", "报告", "期间", "报送日"];

const FILE: &str = "reports.csv";

/// Writes the submissions (报送记录) as `reports.csv` (UTF-8 with BOM, CRLF, like every export), sorted by agency
/// and period.
pub fn export_submissions(log: &[Submission]) -> Vec<u8> {
    let mut rows: Vec<&Submission> = log.iter().collect();
    crate::sort::by(&mut rows, |a, b| (&a.agency, a.period, a.submitted).cmp(&(&b.agency, b.period, b.submitted)));
    crate::codec::write_csv(
        &SUBMISSIONS_HEADER,
        rows.into_iter().map(|e| {
            vec![
                e.agency.as_str().into(),
                e.period.rule().label().into(),
                e.period.code().into(),
                fmt(e.submitted).into(),
            ]
        }),
    )
}

/// A `reports.csv`, validated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubmissionsImport {
    /// The valid rows: (spreadsheet row, entry), in file order.
    pub rows: Vec<(usize, Submission)>,
    /// Every problem of the invalid rows, at its row and column.
    pub errors: Vec<RowError>,
    pub invalid_rows: usize,
    /// Cells holding characters a screen hides (imported as written, matched without them).
    pub warnings: Vec<RowError>,
    /// Cells read in a form the user should check (a quote inside an unquoted cell).
    pub notices: Vec<RowError>,
}

/// Where a key was first seen in one file: its row and date.
type Seen = HashMap<(String, ReportPeriod), (usize, NaiveDate)>;

/// Reads a `reports.csv` (already decoded). A file beyond the limits of `cases.csv` (rows, columns, bytes
/// a cell) or without a required column is refused whole; otherwise each row is checked and a bad row
/// listed, never taken.
pub fn import_submissions(text: &str) -> Result<SubmissionsImport, ImportError> {
    check_limits(text, FILE).map_err(ImportError::File)?;
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rec = csv::StringRecord::new();
    let mut row = 0usize;
    let header: Vec<String> = loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => return Err(ImportError::File(crate::FileError(format!("文件为空：{FILE} 至少需要标题行")))),
            Err(e) => return Err(ImportError::File(crate::FileError(format!("无法按 CSV 读取：{e}")))),
            Ok(true) => {
                row += 1;
                if rec.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                break rec.iter().map(|c| unguard(c.trim_start_matches('\u{feff}').trim()).to_string()).collect();
            }
        }
    };
    let pos: Vec<Option<usize>> = SUBMISSIONS_HEADER.iter().map(|n| header.iter().position(|h| h == n)).collect();
    let missing: Vec<RowError> = SUBMISSIONS_HEADER
        .iter()
        .zip(&pos)
        .filter(|(_, p)| p.is_none())
        .map(|(n, _)| RowError::new(1, n, "缺少必需列".into()))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::Header(missing));
    }
    let mut out = SubmissionsImport::default();
    let mut seen: Seen = HashMap::new();
    loop {
        let start = rdr.position().byte() as usize;
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => row += 1,
            Err(e) => {
                row += 1;
                out.errors.push(RowError::new(row, "", format!("无法按 CSV 读取：{e}")));
                out.invalid_rows += 1;
                continue;
            }
        }
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let raw = text.as_bytes().get(start..rdr.position().byte() as usize).unwrap_or_default();
        if raw.contains(&b'"') {
            for i in crate::codec::stray_quote_fields(raw) {
                if let Some(col) = pos.iter().position(|p| *p == Some(i)) {
                    let value = unguard(rec.get(i).unwrap_or("").trim());
                    out.notices.push(RowError::new(
                        row,
                        SUBMISSIONS_HEADER[col],
                        format!("单元格中的引号不成对（不符合 CSV 规则），已按「{}」读取，请核对", visible(value)),
                    ));
                }
            }
        }
        read_row(&rec, &pos, row, &mut seen, &mut out);
    }
    Ok(out)
}

/// Checks one row; a valid one joins `out.rows`, an invalid one adds its errors.
fn read_row(rec: &csv::StringRecord, pos: &[Option<usize>], row: usize, seen: &mut Seen, out: &mut SubmissionsImport) {
    let cell = |k: usize| pos[k].and_then(|p| rec.get(p)).map(|c| unguard(c.trim())).unwrap_or_default();
    let (agency, rule, period, date) = (cell(0), cell(1), cell(2), cell(3));
    let mut errors = Vec::new();
    let hidden = hidden_controls(agency);
    if !hidden.is_empty() {
        let list: String = hidden.iter().map(|c| code_point(*c)).collect();
        out.warnings.push(RowError::new(
            row,
            "机关名称",
            format!("含有不可见的控制字符 {list}，显示为「{}」；按不含这些字符的名称匹配机关", visible(agency)),
        ));
    }
    if key_norm(agency).is_empty() {
        errors.push(RowError::new(row, "机关名称", "必填，不能为空".into()));
    }
    let p = ReportPeriod::parse(period);
    match p {
        None => errors.push(RowError::new(
            row,
            "期间",
            format!("「{}」不是期间：应为 2025H1、2025H2 或 2025Q1 … 2025Q4", visible(period)),
        )),
        Some(p) if p.rule().label() != rule.to_ascii_uppercase() => errors.push(RowError::new(
            row,
            "报告",
            format!("「{}」与期间 {period} 不符：半年（H1/H2）为 R23，季度（Q1–Q4）为 R24", visible(rule)),
        )),
        Some(_) => {}
    }
    let d = crate::dates::parse_date(date);
    if let Err(e) = &d {
        errors.push(RowError::new(row, "报送日", if date.is_empty() { "必填，不能为空".into() } else { e.clone() }));
    }
    if let (true, Some(p), Ok(d)) = (errors.is_empty(), p, d) {
        let key = (key_norm(agency).into_owned(), p);
        match seen.get(&key) {
            // CSV.md: a repeated key — the later row is the invalid one, the first is kept.
            Some(&(first, first_date)) => errors.push(RowError::new(
                row,
                "期间",
                if first_date == d {
                    format!("「{}」{} 的报送记录重复（与第{first}行相同），本行无效", visible(agency), p.code())
                } else {
                    format!(
                        "「{}」{} 的报送记录重复：第{first}行为 {}，本行为 {}，本行无效；请保留正确的一行",
                        visible(agency),
                        p.code(),
                        fmt(first_date),
                        fmt(d)
                    )
                },
            )),
            None => {
                seen.insert(key, (row, d));
                out.rows.push((row, Submission { agency: agency.to_string(), period: p, submitted: d }));
                return;
            }
        }
    }
    out.invalid_rows += 1;
    out.errors.extend(errors);
}

/// An entry the import adds or changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionChange {
    pub source: String,
    pub row: usize,
    /// The entry as it will be stored (机关名称 in the register's spelling).
    pub entry: Submission,
    /// The recorded 报送日 it replaces (`None` for a new entry).
    pub old: Option<NaiveDate>,
}

impl SubmissionChange {
    /// The file moves a recorded 报送日 back to an earlier date (an older file, most likely).
    pub fn moves_back(&self) -> bool {
        self.old.is_some_and(|o| self.entry.submitted < o)
    }
}

/// What importing `reports.csv` files would do. Nothing is written until [`apply_submissions`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubmissionsPreview {
    pub new: Vec<SubmissionChange>,
    /// Recorded entries whose 报送日 the files change: before → after.
    pub changed: Vec<SubmissionChange>,
    pub unchanged: usize,
    pub errors: Vec<(String, RowError)>,
    pub invalid_rows: usize,
    /// 机关名称 written differently from the recorded (or first) spelling: the same agency.
    pub lookalikes: Vec<Lookalike>,
    pub warnings: Vec<(String, RowError)>,
    pub notices: Vec<(String, RowError)>,
}

impl SubmissionsPreview {
    pub fn can_commit(&self) -> bool {
        self.invalid_rows == 0
    }
}

/// Compares files with the log. `known`: agency names of the register (机关名录, 所属机关) whose spelling a
/// new entry takes when it reads the same. Linear: every key is looked up once in a hash map. The same key
/// in two files with different dates is an error on the later file's row.
pub fn preview_submissions(
    log: &[Submission],
    known: &[&str],
    files: &[(String, SubmissionsImport)],
) -> SubmissionsPreview {
    let mut p = SubmissionsPreview::default();
    let mut spelling: HashMap<String, String> = HashMap::new();
    for name in log.iter().map(|e| e.agency.as_str()).chain(known.iter().copied()) {
        spelling.entry(key_norm(name).into_owned()).or_insert_with(|| name.to_string());
    }
    let recorded: HashMap<(String, ReportPeriod), NaiveDate> =
        log.iter().map(|e| ((key_norm(&e.agency).into_owned(), e.period), e.submitted)).collect();
    // Key → (file, row, date) of the first file row that had it.
    let mut taken: HashMap<(String, ReportPeriod), (String, usize, NaiveDate)> = HashMap::new();
    for (name, imp) in files {
        let tag = |es: &[RowError]| es.iter().map(|e| (name.clone(), e.clone())).collect::<Vec<_>>();
        p.errors.extend(tag(&imp.errors));
        p.warnings.extend(tag(&imp.warnings));
        p.notices.extend(tag(&imp.notices));
        p.invalid_rows += imp.invalid_rows;
        for (row, e) in &imp.rows {
            let norm = key_norm(&e.agency).into_owned();
            let canonical = spelling.entry(norm.clone()).or_insert_with(|| e.agency.clone()).clone();
            if canonical != e.agency {
                p.lookalikes.push(Lookalike {
                    source: name.clone(),
                    row: *row,
                    written: e.agency.clone(),
                    existing: canonical.clone(),
                });
            }
            let key = (norm, e.period);
            if let Some((file, first, d)) = taken.get(&key) {
                if *d != e.submitted {
                    p.invalid_rows += 1;
                    p.errors.push((
                        name.clone(),
                        RowError::new(
                            *row,
                            "报送日",
                            format!(
                                "「{}」{} 的报送日为 {}，与 {file} 第{first}行的 {} 不同；请只保留正确的一份",
                                visible(&canonical),
                                e.period.code(),
                                fmt(e.submitted),
                                fmt(*d)
                            ),
                        ),
                    ));
                }
                continue;
            }
            taken.insert(key.clone(), (name.clone(), *row, e.submitted));
            let entry = Submission { agency: canonical, period: e.period, submitted: e.submitted };
            let change = |old| SubmissionChange { source: name.clone(), row: *row, entry, old };
            match recorded.get(&key) {
                None => p.new.push(change(None)),
                Some(d) if *d == e.submitted => p.unchanged += 1,
                Some(d) => p.changed.push(change(Some(*d))),
            }
        }
    }
    p
}

/// Commits a preview into the log: all of it, or nothing when the preview has invalid rows or the log
/// changed meanwhile (an entry it adds now exists, or one it changes no longer holds the date it saw).
/// Returns (added, changed). Linear: one index of the log.
pub fn apply_submissions(log: &mut Vec<Submission>, p: &SubmissionsPreview) -> Result<(usize, usize), String> {
    if !p.can_commit() {
        return Err(format!("文件有 {} 行无效，未导入；请修正后重新导入", p.invalid_rows));
    }
    let index: HashMap<(String, ReportPeriod), usize> =
        log.iter().enumerate().map(|(i, e)| ((key_norm(&e.agency).into_owned(), e.period), i)).collect();
    let at = |e: &Submission| index.get(&(key_norm(&e.agency).into_owned(), e.period)).copied();
    let stale = p.new.iter().chain(&p.changed).any(|c| at(&c.entry).map(|i| log[i].submitted) != c.old);
    if stale {
        return Err("预览之后报送记录已在其他地方（另一标签页）被修改，请重新预览后再确认".into());
    }
    for c in &p.changed {
        if let Some(i) = at(&c.entry) {
            log[i].submitted = c.entry.submitted;
        }
    }
    log.extend(p.new.iter().map(|c| c.entry.clone()));
    Ok((p.new.len(), p.changed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn issue_11_submissions_round_trip_through_reports_csv() {
        let log = vec![
            Submission {
                agency: "住建委".into(), period: ReportPeriod::Quarter(2025, 1), submitted: day(2025, 4, 20)
            },
            Submission { agency: "城管委".into(), period: ReportPeriod::Half(2025, 1), submitted: day(2025, 7, 10) },
        ];
        let bytes = export_submissions(&log);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("\u{feff}机关名称,报告,期间,报送日\r\n住建委,R24,2025Q1,2025-04-20\r\n"), "{text}");
        let back = import_submissions(text.trim_start_matches('\u{feff}')).unwrap();
        let mut sorted = log.clone();
        sorted.sort_by(|a, b| a.agency.cmp(&b.agency));
        assert_eq!(back.rows.iter().map(|r| r.1.clone()).collect::<Vec<_>>(), sorted);
        let mut mine = vec![log[0].clone()];
        let files = [("r.csv".to_string(), back)];
        let p = preview_submissions(&mine, &[], &files);
        assert_eq!(apply_submissions(&mut mine, &p), Ok((1, 0)));
        let p = preview_submissions(&mine, &[], &files);
        assert_eq!((p.new.len(), p.changed.len(), p.unchanged), (0, 0, 2), "idempotent");
        // Errors are located; nothing is taken from a bad file.
        let bad = import_submissions("机关名称,报告,期间,报送日\n城管委,R24,2025H1,2025-07-01\n,R23,2025X,\n").unwrap();
        let at: Vec<(usize, &str)> = bad.errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(at, vec![(2, "报告"), (3, "机关名称"), (3, "期间"), (3, "报送日")]);
        assert_eq!(bad.invalid_rows, 2);
        let ImportError::Header(h) = import_submissions("机关名称,期间\n").unwrap_err() else { panic!() };
        assert_eq!(h[0].column, "报告");
    }
}
