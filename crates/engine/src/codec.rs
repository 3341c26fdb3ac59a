//! The exchange files of `shared/spec/CSV.md`: `cases.csv`, `agencies.csv` (read and write) and
//! `obligations.csv` (write only).
//!
//! Import takes UTF-8 with or without BOM and GB18030/GBK (detected, never asked), free column order,
//! unknown columns kept, the CSV-injection guard removed. Export writes UTF-8 with BOM, CRLF, RFC 4180
//! quoting, and guards cells that a spreadsheet would run as a formula.

use crate::dates::fmt;
use crate::error::{FileError, RowError};
use crate::record::Record;
use crate::rules::Obligation;
use std::collections::HashMap;

mod encoding;
mod limits;

pub use encoding::*;
pub use limits::*;

pub use crate::text::trim_spaces;

/// Characters that make a spreadsheet run a cell as a formula (CSV.md).
fn starts_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A value that gets the guard: it starts a formula, or is `'`s in front of one (so a literal leading
/// apostrophe survives the round trip too).
fn needs_guard(s: &str) -> bool {
    starts_formula(s.trim_start_matches('\''))
}

/// Removes the export guard `'` from a cell that needed one.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

/// Adds the guard `'` to a cell a spreadsheet would run as a formula.
pub fn guard(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// One data row of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow<R> {
    /// Spreadsheet row number (header = 1).
    pub row: usize,
    /// The record as far as it could be read (bad cells left empty, or kept as 待修正 text when loading
    /// stored data).
    pub record: R,
    /// This row's errors; empty when the row is valid.
    pub errors: Vec<RowError>,
    /// The key and required columns are good and the key is not a repeat: the record can be evaluated.
    pub usable: bool,
    /// Bit `i` set: the file gave no value for column `i` of [`Record::columns`] (an empty cell, or no such
    /// column: [`ImportRow::absent`] tells which), so a merge can tell "left empty" from "set to the default".
    pub blank: u128,
    /// Bit `i` set: the file has no column `i` of [`Record::columns`] at all (the same for every row). A
    /// column the file lacks is never an empty cell: 以空值清除 empties only cells the file has (issue 20).
    pub absent: u128,
}

impl<R> ImportRow<R> {
    /// Column `i` of [`Record::columns`] was in the file and its cell in this row empty.
    pub fn empty_cell(&self, i: usize) -> bool {
        i < 128 && (self.blank & !self.absent) & (1u128 << i) != 0
    }

    /// The file has no column `i` of [`Record::columns`].
    pub fn lacks(&self, i: usize) -> bool {
        i < 128 && self.absent & (1u128 << i) != 0
    }
}

/// A whole import, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import<R> {
    pub encoding: &'static str,
    pub rows: Vec<ImportRow<R>>,
    /// Header columns this tool does not know (kept with each record).
    pub unknown_columns: Vec<String>,
    /// Cells that hold characters a screen hides (bidi overrides, zero-width spaces, control
    /// characters): imported as written, flagged, and shown as `⟨U+XXXX⟩`.
    pub warnings: Vec<RowError>,
    /// Cells read in a non-canonical form and rewritten (e.g. `王芳、李明律师` in 代理人), each at its row and column.
    pub notices: Vec<RowError>,
}

impl<R> Import<R> {
    pub fn errors(&self) -> impl Iterator<Item = &RowError> {
        self.rows.iter().flat_map(|r| r.errors.iter())
    }
    pub fn is_clean(&self) -> bool {
        self.rows.iter().all(|r| r.errors.is_empty())
    }
    pub fn invalid_rows(&self) -> usize {
        self.rows.iter().filter(|r| !r.errors.is_empty()).count()
    }
}

/// A file that could not be taken at all: unreadable, too large, or its header lacks a required column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    File(FileError),
    /// Header problems (missing required columns, repeated names), each at 第1行.
    Header(Vec<RowError>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::File(e) => write!(f, "{e}"),
            ImportError::Header(es) => {
                let v: Vec<String> = es.iter().map(|e| e.to_string()).collect();
                f.write_str(&v.join("\n"))
            }
        }
    }
}

/// Reads and validates a file of records (`cases.csv` or `agencies.csv`) from raw bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn import<R: Record>(bytes: &[u8]) -> Result<Import<R>, ImportError> {
    let decoded = decode(bytes).map_err(ImportError::File)?;
    import_text(&decoded.text, decoded.encoding)
}

/// Reads and validates already-decoded text.
pub fn import_text<R: Record>(text: &str, encoding: &'static str) -> Result<Import<R>, ImportError> {
    let mut job = Importer::<R>::begin(text, encoding, false)?;
    while job.step(usize::MAX) {}
    job.finish()
}

/// Reads records kept by this app (stored data, a full backup): nothing is dropped — a cell that cannot
/// be read is kept as written (待修正) and its error returned, every row is kept.
pub fn import_stored<R: Record>(text: &str) -> Result<(Vec<R>, Vec<RowError>), ImportError> {
    let mut job = Importer::<R>::begin(text, "UTF-8", true)?;
    while job.step(usize::MAX) {}
    let imp = job.finish()?;
    let errors = imp.errors().cloned().collect();
    Ok((imp.rows.into_iter().map(|r| r.record).collect(), errors))
}

/// A cell of a record read from a `&str`. The reader splits its input only at ASCII bytes (delimiter,
/// quote, line ends) and removes only ASCII quotes, and an ASCII byte never occurs inside a UTF-8
/// sequence, so every cell of text that was valid UTF-8 is valid UTF-8: no second check is needed.
pub(crate) fn cell_str(raw: &[u8]) -> &str {
    debug_assert!(std::str::from_utf8(raw).is_ok());
    // SAFETY: see above — `raw` is a field of a record read from a `&str` by `csv::Reader`.
    unsafe { std::str::from_utf8_unchecked(raw) }
}

enum Slot<C> {
    /// A known column and its index in `R::columns()`.
    Known(C, usize),
    Unknown(String),
    Ignored,
}

/// An import in steps, so the page can show progress and stay responsive between them:
/// [`Importer::begin`] checks the limits and reads the header, [`Importer::step`] reads up to `n` rows,
/// [`Importer::finish`] gives the [`Import`]. Linear in the file: keys are matched through a hash map.
pub struct Importer<'a, R: Record> {
    /// The whole text: a record's raw bytes are looked at again only when it holds a quote.
    text: &'a [u8],
    rdr: csv::Reader<&'a [u8]>,
    rec: csv::ByteRecord,
    /// Records counted toward [`MAX_ROWS`] so far: the header and every row that is not empty.
    records: usize,
    /// A limit exceeded part-way: the whole file is refused.
    fatal: Option<FileError>,
    slots: Vec<Slot<R::Col>>,
    required_slots: Vec<(usize, R::Col)>,
    /// Columns the header does not have ([`ImportRow::absent`]).
    absent: u128,
    /// Normalised key → (row, key as written) of the first row that had it.
    keys: HashMap<String, (usize, String)>,
    row_no: usize,
    lenient: bool,
    out: Import<R>,
}

impl<'a, R: Record> Importer<'a, R> {
    /// Checks the limits, reads the header. `lenient`: data this app stored (keep bad cells as text).
    pub fn begin(text: &'a str, encoding: &'static str, lenient: bool) -> Result<Self, ImportError> {
        // More records than the limit needs more line ends than it: only then is the file read twice,
        // to refuse it before any cell is interpreted. The other limits are checked record by record as
        // the import reads them (one pass over the file).
        if text.bytes().filter(|b| *b == b'\n').count() > MAX_ROWS {
            check_limits(text, R::FILE).map_err(ImportError::File)?;
        }
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        // One record buffer for the whole file: no allocation per row for the cells themselves.
        let mut rec = csv::ByteRecord::new();
        let mut records = 0usize;
        // The header: the first record that is not empty.
        let header = loop {
            match rdr.read_byte_record(&mut rec) {
                Ok(false) => return Err(ImportError::File(FileError(format!("文件为空：{} 至少需要标题行", R::FILE)))),
                Err(e) => return Err(ImportError::File(FileError(format!("无法按 CSV 读取：{e}")))),
                Ok(true) => {
                    records += 1;
                    check_record(&rec, records, R::FILE).map_err(ImportError::File)?;
                    if rec.iter().all(|c| cell_str(c).trim().is_empty()) {
                        continue;
                    }
                    break rec.clone();
                }
            }
        };
        let mut slots = Vec::new();
        let mut header_errors = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut unknown = Vec::new();
        for raw in header.iter().map(cell_str) {
            let name = unguard(raw.trim_start_matches('\u{feff}').trim()).trim().to_string();
            if name.is_empty() {
                slots.push(Slot::Ignored);
                continue;
            }
            if !seen.insert(name.clone()) {
                header_errors.push(RowError::new(1, &name, "列名重复".into()));
                slots.push(Slot::Ignored);
                continue;
            }
            match R::col_from_name(&name) {
                Some(c) => {
                    slots.push(Slot::Known(c, R::columns().iter().position(|x| *x == c).unwrap_or(127).min(127)))
                }
                None => {
                    unknown.push(name.clone());
                    slots.push(Slot::Unknown(name));
                }
            }
        }
        for req in R::required() {
            if !seen.contains(R::col_name(*req)) {
                header_errors.push(RowError::new(1, R::col_name(*req), "缺少必需列".into()));
            }
        }
        if !header_errors.is_empty() {
            return Err(ImportError::Header(header_errors));
        }
        // Where each required column stands in the header (all are present: checked above).
        let required_slots: Vec<(usize, R::Col)> = slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Slot::Known(c, _) if R::required().contains(c) => Some((i, *c)),
                _ => None,
            })
            .collect();
        let mut absent = u128::MAX;
        for s in &slots {
            if let Slot::Known(_, idx) = s {
                absent &= !(1u128 << idx);
            }
        }
        Ok(Importer {
            text: text.as_bytes(),
            rdr,
            rec,
            records: 1,
            fatal: None,
            slots,
            required_slots,
            absent,
            keys: HashMap::new(),
            row_no: 1,
            lenient,
            out: Import {
                encoding,
                rows: Vec::new(),
                unknown_columns: unknown,
                warnings: Vec::new(),
                notices: Vec::new(),
            },
        })
    }

    /// Rows read so far (data rows, empty ones not counted).
    pub fn rows_done(&self) -> usize {
        self.out.rows.len()
    }

    /// The spreadsheet row last read (header = 1).
    pub fn row_no(&self) -> usize {
        self.row_no
    }

    /// Reads up to `n` more records; `false` once the file is done.
    pub fn step(&mut self, n: usize) -> bool {
        if self.fatal.is_some() {
            return false;
        }
        for _ in 0..n {
            match self.rdr.read_byte_record(&mut self.rec) {
                Ok(false) => return false,
                Ok(true) => {
                    self.row_no += 1;
                    if let Err(e) = check_record(&self.rec, self.row_no, R::FILE) {
                        self.fatal = Some(e);
                        return false;
                    }
                    // Empty rows (trailing or not) are ignored, and not counted toward the limit.
                    if is_empty_record(&self.rec) {
                        continue;
                    }
                    self.records += 1;
                    if self.records > MAX_ROWS + 1 {
                        self.fatal = Some(too_many_rows(R::FILE));
                        return false;
                    }
                }
                Err(e) => {
                    self.row_no += 1;
                    self.out.rows.push(ImportRow {
                        row: self.row_no,
                        record: R::default(),
                        errors: vec![RowError::new(self.row_no, "", format!("无法按 CSV 读取：{e}"))],
                        usable: false,
                        blank: u128::MAX,
                        absent: self.absent,
                    });
                    continue;
                }
            }
            self.read_row();
        }
        true
    }

    /// Fields of the record just read whose quotes do not follow RFC 4180 (`"王"五`, `王"五"`): the reader
    /// took them somehow (`王五`, `王"五"`), and the user is told which way.
    fn stray_quotes(&self) -> Vec<usize> {
        let start = self.rec.position().map_or(0, |p| p.byte() as usize);
        let end = self.rdr.position().byte() as usize;
        match self.text.get(start..end) {
            Some(raw) if raw.contains(&b'"') => stray_quote_fields(raw),
            _ => Vec::new(),
        }
    }

    fn read_row(&mut self) {
        let row_no = self.row_no;
        if !self.lenient {
            for i in self.stray_quotes() {
                let (Some(slot), Some(cell)) = (self.slots.get(i), self.rec.get(i)) else { continue };
                let col = match slot {
                    Slot::Known(c, _) => R::col_name(*c).to_string(),
                    Slot::Unknown(n) => n.clone(),
                    Slot::Ignored => continue,
                };
                self.out.notices.push(RowError::new(
                    row_no,
                    &col,
                    format!(
                        "单元格中的引号不成对（不符合 CSV 规则），已按「{}」读取，请核对",
                        crate::text::visible(unguard(trim_spaces(cell_str(cell))))
                    ),
                ));
            }
        }
        let mut r = R::default();
        let mut errors = Vec::new();
        let mut required_bad = false;
        let mut unnamed: Option<(usize, usize)> = None;
        let mut blank = u128::MAX;
        for (i, cell) in self.rec.iter().map(cell_str).enumerate() {
            let value = unguard(trim_spaces(cell));
            // Stored data (lenient) keeps only errors: its warnings and notices would be dropped unread.
            if !self.lenient && may_hide(value) {
                let hidden = crate::text::hidden_controls(value);
                if !hidden.is_empty() {
                    let col = match self.slots.get(i) {
                        Some(Slot::Known(c, _)) => R::col_name(*c).to_string(),
                        Some(Slot::Unknown(n)) => n.clone(),
                        _ => String::new(),
                    };
                    let list: Vec<String> = hidden.iter().map(|c| crate::text::code_point(*c)).collect();
                    self.out.warnings.push(RowError {
                        row: row_no,
                        column: col,
                        message: format!(
                            "含有不可见的控制字符 {}，显示为「{}」",
                            list.join(""),
                            crate::text::visible(value)
                        ),
                    });
                }
            }
            match self.slots.get(i) {
                // An empty optional cell leaves the default, which is what parsing it would give.
                Some(Slot::Known(c, _)) if value.is_empty() && !R::required().contains(c) => {}
                Some(Slot::Known(c, idx)) => {
                    blank &= !(1u128 << idx);
                    if !self.lenient {
                        if let Some(n) = R::notice(*c, value) {
                            self.out.notices.push(RowError::new(row_no, R::col_name(*c), n));
                        }
                    }
                    let res = if self.lenient { r.set_or_keep(*c, value) } else { r.set(*c, value) };
                    if let Err(msg) = res {
                        required_bad |= R::required().contains(c);
                        errors.push(RowError::new(row_no, R::col_name(*c), msg));
                    }
                }
                Some(Slot::Unknown(name)) => r.extra_mut().push((name.clone(), value.to_string())),
                Some(Slot::Ignored) => {}
                None if value.is_empty() => {}
                None => {
                    let u = unnamed.get_or_insert((i + 1, 0));
                    u.1 += 1;
                }
            }
        }
        // One error for all the cells past the header, however many there are.
        if let Some((first, n)) = unnamed {
            errors.push(RowError::new(
                row_no,
                "",
                format!("有 {n} 个单元格没有列名（从第{first}列起），请删除或补上列名"),
            ));
        }
        // A short row (trailing cells dropped by a spreadsheet): required columns still must be set.
        for (slot, req) in &self.required_slots {
            if *slot >= self.rec.len() {
                let res = if self.lenient { r.set_or_keep(*req, "") } else { r.set(*req, "") };
                if let Err(msg) = res {
                    required_bad = true;
                    errors.push(RowError::new(row_no, R::col_name(*req), msg));
                }
            }
        }
        r.finish();
        for (c, msg) in r.problems() {
            errors.push(RowError::new(row_no, R::col_name(c), msg));
        }
        let mut usable = !required_bad || self.lenient;
        // A repeated key (as people read it): the later row is the invalid one. Stored data (lenient) keeps
        // every row and drops the errors, so it is not checked there.
        if !self.lenient && !r.key().is_empty() {
            let norm = crate::text::key_norm(r.key()).into_owned();
            if let Some((first, written)) = self.keys.get(&norm) {
                let msg = if written == r.key() {
                    format!("{}「{}」重复（与第{first}行相同），本行无效", R::KEY_NAME, r.key())
                } else {
                    format!(
                        "{}「{}」与第{first}行的「{}」相同（写法不同），本行无效",
                        R::KEY_NAME,
                        crate::text::visible(r.key()),
                        crate::text::visible(written)
                    )
                };
                errors.push(RowError::new(row_no, R::KEY_NAME, msg));
                usable = self.lenient;
            } else {
                self.keys.insert(norm, (row_no, r.key().to_string()));
            }
        }
        self.out.rows.push(ImportRow { row: row_no, record: r, errors, usable, blank, absent: self.absent });
    }

    /// The import, validated; or the file refused when a record broke a limit part-way.
    pub fn finish(self) -> Result<Import<R>, ImportError> {
        match self.fatal {
            Some(e) => Err(ImportError::File(e)),
            None => Ok(self.out),
        }
    }
}

/// Whether a cell may hold a hidden control (a byte test first: most cells are plain text).
fn may_hide(s: &str) -> bool {
    s.bytes().any(|b| b < 0x20 || b == 0x7f || matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF))
}

/// Writes rows as CSV.md says: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula guard.
pub fn write_csv<'a>(header: &[&str], rows: impl Iterator<Item = Vec<std::borrow::Cow<'a, str>>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to a Vec cannot fail.
    w.write_record(header.iter().map(|h| guard(h).into_owned())).expect("write to memory");
    for row in rows {
        w.write_record(row.iter().map(|c| guard(c).into_owned())).expect("write to memory");
    }
    w.into_inner().expect("flush to memory")
}

/// Writes records (all known columns in CSV.md order, then every unknown column kept from imports).
/// Linear in the cells written: unknown columns are matched through a hash map, not searched.
pub fn export<R: Record>(records: &[R]) -> Vec<u8> {
    let mut out = String::from('\u{feff}');
    export_into(records, &mut out);
    out.into_bytes()
}

/// [`export`] as text without the BOM: how the register keeps its matters in storage.
pub fn export_text<R: Record>(records: &[R]) -> String {
    let mut out = String::new();
    export_into(records, &mut out);
    out
}

/// The same bytes as [`write_csv`] would give (CRLF, quotes only where needed, the formula guard), written
/// straight into one buffer: the register is written on every save, 650,000 cells at 10,000 matters.
fn export_into<R: Record>(records: &[R], out: &mut String) {
    let layout = Layout::of(records);
    layout.header::<R>(out);
    out.reserve(records.len() * (layout.width + 2 + 100));
    let mut cell = String::new();
    for r in records {
        layout.row(r, out, &mut cell);
    }
}

/// The columns of an export: every known column, then the unknown ones kept from imports, in order of
/// first appearance.
pub(crate) struct Layout<'a> {
    pub(crate) extra_names: Vec<&'a str>,
    extra_index: HashMap<&'a str, usize>,
    pub(crate) width: usize,
}

impl<'a> Layout<'a> {
    /// Linear in the cells: unknown columns are matched through a hash map, not searched.
    pub(crate) fn of<R: Record>(records: &'a [R]) -> Self {
        let mut extra_names: Vec<&str> = Vec::new();
        let mut extra_index: HashMap<&str, usize> = HashMap::new();
        for r in records {
            for (k, _) in r.extra() {
                if !extra_index.contains_key(k.as_str()) {
                    extra_index.insert(k, extra_names.len());
                    extra_names.push(k);
                }
            }
        }
        let width = R::columns().len() + extra_names.len();
        Layout { extra_names, extra_index, width }
    }

    pub(crate) fn header<R: Record>(&self, out: &mut String) {
        let names = R::columns().iter().map(|c| R::col_name(*c)).chain(self.extra_names.iter().copied());
        for (i, name) in names.enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(out, name, self.width);
        }
        out.push_str("\r\n");
    }

    /// One record's line, CRLF included. `cell`: a buffer for one cell's text.
    pub(crate) fn row<R: Record>(&self, r: &R, out: &mut String, cell: &mut String) {
        for (i, c) in R::columns().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell.clear();
            r.write(*c, cell);
            push_field(out, cell, self.width);
        }
        if !self.extra_names.is_empty() {
            // Unknown columns through the index (issue 12: linear, not a search per column).
            let mut extras: Vec<&str> = vec![""; self.extra_names.len()];
            for (k, v) in r.extra() {
                if let Some(&i) = self.extra_index.get(k.as_str()) {
                    extras[i] = v.as_str();
                }
            }
            for v in extras {
                out.push(',');
                push_field(out, v, self.width);
            }
        }
        out.push_str("\r\n");
    }
}

pub(crate) fn push_field(out: &mut String, s: &str, width: usize) {
    if s.is_empty() && width > 1 {
        return; // Most cells of a register are empty.
    }
    let guarded = needs_guard(s);
    let quote = s.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) || (width == 1 && s.is_empty());
    if quote {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    if quote && s.contains('"') {
        out.push_str(&s.replace('"', "\"\""));
    } else {
        out.push_str(s);
    }
    if quote {
        out.push('"');
    }
}

/// The columns of `obligations.csv`.
pub const OBLIGATION_COLUMNS: &[&str] =
    &["案号", "规则", "条款", "义务", "责任主体", "起算日", "期限日", "计日方式", "完成日", "状态", "说明"];

/// Writes `obligations.csv`: one row per obligation, sorted by 案号 then 规则.
pub fn export_obligations(obligations: &[Obligation]) -> Vec<u8> {
    let mut sorted: Vec<&Obligation> = obligations.iter().collect();
    crate::sort::by(&mut sorted, |a, b| a.case_no.cmp(&b.case_no).then(a.rule.cmp(&b.rule)));
    let d = |x: Option<chrono::NaiveDate>| x.map(fmt).unwrap_or_default();
    let rows = sorted.into_iter().map(|o| {
        let info = o.info();
        vec![
            o.case_no.0.as_str().into(),
            o.rule.label().into(),
            info.clause.into(),
            o.title.into(),
            o.responsible.as_str().into(),
            d(o.trigger).into(),
            d(o.due).into(),
            o.counting.map(|c| c.label()).unwrap_or("").into(),
            d(o.done).into(),
            o.status.label().into(),
            o.explanation.as_str().into(),
        ]
    });
    write_csv(OBLIGATION_COLUMNS, rows)
}

/// Reads CSV records without interpreting any cell: the "parse alone" of the benchmarks (PapaParse
/// does no more than this). Returns the number of records.
pub fn parse_only(text: &str) -> usize {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rec = csv::StringRecord::new();
    let mut n = 0;
    while rdr.read_record(&mut rec).unwrap_or(false) {
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agency, AgencyColumn, Matter};

    /// The export as the `csv` crate writes it (what `export` did before it wrote into one buffer).
    fn export_via_csv_writer<R: Record>(records: &[R]) -> Vec<u8> {
        let mut extra_names: Vec<&str> = Vec::new();
        for r in records {
            for (k, _) in r.extra() {
                if !extra_names.contains(&k.as_str()) {
                    extra_names.push(k);
                }
            }
        }
        let mut header: Vec<&str> = R::columns().iter().map(|c| R::col_name(*c)).collect();
        header.extend(extra_names.iter().copied());
        let rows = records.iter().map(|r| {
            let mut cells: Vec<std::borrow::Cow<str>> = R::columns().iter().map(|c| r.get(*c).into()).collect();
            for name in &extra_names {
                cells.push(r.extra().iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("").into());
            }
            cells
        });
        write_csv(&header, rows)
    }

    #[test]
    fn the_one_buffer_export_writes_the_same_bytes_as_the_csv_crate() {
        let mut ms = crate::synth::register(300, 7);
        let tricky = [
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\rx",
            "=1+1",
            "'=quoted",
            "-3",
            "@x",
            "\tTab",
            "'",
            "''+",
            " spaced ",
            "，全角",
            "\"",
            "",
        ];
        for (i, t) in tricky.iter().enumerate() {
            ms[i].plaintiff = t.to_string();
            ms[i].remarks = format!("{t}{t}");
            ms[i].extra.push((if i % 2 == 0 { "自定义" } else { "另一列,带逗号" }.into(), t.to_string()));
        }
        assert_eq!(export(&ms), export_via_csv_writer(&ms));
        assert_eq!(export::<Matter>(&[]), export_via_csv_writer::<Matter>(&[]));
        let agencies: Vec<Agency> = ms
            .iter()
            .take(20)
            .map(|m| {
                let mut a = Agency::default();
                let _ = a.set(AgencyColumn::ALL[0], &m.plaintiff);
                a
            })
            .collect();
        assert_eq!(export(&agencies), export_via_csv_writer(&agencies));
        assert_eq!(export_text(&ms).as_bytes(), &export(&ms)[3..]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn gb18030_bytes_are_detected() {
        let (bytes, _, _) =
            encoding_rs::GB18030.encode("案号,案件类型,被告类型\r\n（2025）京0112行初1号,行政诉讼,本机关\r\n");
        let imp = import::<Matter>(&bytes).unwrap();
        assert_eq!(imp.encoding, "GB18030");
        assert_eq!(imp.rows[0].record.case_no.0, "（2025）京0112行初1号");
        assert!(imp.is_clean());
    }

    #[test]
    fn missing_required_column_is_named() {
        let e = import::<Matter>("案号,被告类型\nA,本机关\n".as_bytes()).unwrap_err();
        assert_eq!(e.to_string(), "第1行「案件类型」：缺少必需列");
    }

    #[test]
    fn later_duplicate_is_invalid_first_kept() {
        let imp =
            import::<Matter>("案号,案件类型,被告类型\nA,行政诉讼,本机关\nA,行政复议,本机关\n".as_bytes()).unwrap();
        assert!(imp.rows[0].usable && imp.rows[0].errors.is_empty());
        assert!(!imp.rows[1].usable);
        assert_eq!(imp.rows[1].errors[0].to_string(), "第3行「案号」：案号「A」重复（与第2行相同），本行无效");
    }

    #[test]
    fn formula_guard_round_trips() {
        let mut m = Matter::new("=1+1");
        m.remarks = "-5".into();
        m.plaintiff = "@x".into();
        let out = export(&[m.clone()]);
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.contains("'=1+1") && text.contains("'-5") && text.contains("'@x"));
        let back = import::<Matter>(&out).unwrap();
        assert_eq!(back.rows[0].record, m);
        assert_eq!(export(&[back.rows[0].record.clone()]), out);
    }

    #[test]
    fn unknown_column_is_kept_and_written_back() {
        let imp = import::<Matter>("案号,自定义列,案件类型,被告类型\nA,保留我,行政诉讼,本机关\n".as_bytes()).unwrap();
        assert_eq!(imp.unknown_columns, vec!["自定义列".to_string()]);
        let out = String::from_utf8(export(&[imp.rows[0].record.clone()])).unwrap();
        assert!(out.lines().next().unwrap().ends_with(",自定义列"));
        assert!(out.contains(",保留我"));
    }
}
