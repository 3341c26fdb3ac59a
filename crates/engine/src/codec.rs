//! The exchange files of `shared/spec/CSV.md`: `cases.csv`, `agencies.csv` (read and write) and
//! `obligations.csv` (write only).
//!
//! Import takes UTF-8 with or without BOM and GB18030/GBK (detected, never asked), free column order,
//! unknown columns kept, the CSV-injection guard removed. Export writes UTF-8 with BOM, CRLF, RFC 4180
//! quoting, and guards cells that a spreadsheet would run as a formula.

use crate::dates::fmt;
use crate::error::{FileError, RowError};
use crate::model::{Agency, AgencyColumn, Column, Matter};
use crate::rules::Obligation;
use std::collections::HashMap;

/// Text decoded from a file, with the encoding found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-8（带 BOM）`, `GB18030`, `UTF-16LE`, `UTF-16BE`.
    pub encoding: &'static str,
}

/// A legacy encoding a file turned out to need: the caller's decoder handles it (encoding_rs natively,
/// the browser's own `TextDecoder` in the page — both the WHATWG tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Utf16Le,
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312 (what Excel on a Chinese Windows writes).
    Gb18030,
}

impl Legacy {
    /// The WHATWG label (for `TextDecoder`).
    pub fn label(self) -> &'static str {
        match self {
            Legacy::Utf16Le => "utf-16le",
            Legacy::Utf16Be => "utf-16be",
            Legacy::Gb18030 => "gb18030",
        }
    }
    /// The name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Utf16Le => "UTF-16LE",
            Legacy::Utf16Be => "UTF-16BE",
            Legacy::Gb18030 => "GB18030",
        }
    }
    /// The bytes to decode (a UTF-16 byte-order mark removed).
    pub fn body(self, bytes: &[u8]) -> &[u8] {
        match self {
            Legacy::Utf16Le | Legacy::Utf16Be => &bytes[2..],
            Legacy::Gb18030 => bytes,
        }
    }
    /// The error when the decoder finds bytes that are not valid in this encoding.
    pub fn invalid(self) -> FileError {
        match self {
            Legacy::Gb18030 => FileError("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK".into()),
            _ => FileError(format!("文件不是有效的 {} 文本", self.name())),
        }
    }
}

/// Detects the encoding and decodes: UTF-8 with or without BOM here (it rarely validates by accident),
/// anything else through `legacy` (UTF-16 by its byte-order mark, otherwise GB18030).
pub fn decode_with(
    bytes: &[u8],
    legacy: impl FnOnce(&[u8], Legacy) -> Result<Decoded, FileError>,
) -> Result<Decoded, FileError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|t| Decoded { text: t.to_string(), encoding: "UTF-8（带 BOM）" })
            .map_err(|_| FileError("文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 文本".into()));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return legacy(bytes, Legacy::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return legacy(bytes, Legacy::Utf16Be);
    }
    if bytes.contains(&0) {
        return Err(FileError("这不是文本文件（含有二进制内容），请选择 CSV 文件".into()));
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(Decoded { text: t.to_string(), encoding: "UTF-8" }),
        Err(_) => legacy(bytes, Legacy::Gb18030),
    }
}

/// [`decode_with`] encoding_rs (native builds: the CLI and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> Result<Decoded, FileError> {
    decode_with(bytes, |bytes, enc| {
        let coder = match enc {
            Legacy::Utf16Le => encoding_rs::UTF_16LE,
            Legacy::Utf16Be => encoding_rs::UTF_16BE,
            Legacy::Gb18030 => encoding_rs::GB18030,
        };
        let (text, had_errors) = coder.decode_without_bom_handling(enc.body(bytes));
        if had_errors {
            return Err(enc.invalid());
        }
        Ok(Decoded { text: text.into_owned(), encoding: enc.name() })
    })
}

/// Removes surrounding spaces (only spaces: a leading tab is content). Most cells have none, and this
/// runs for every cell of an import.
pub fn trim_spaces(s: &str) -> &str {
    let b = s.as_bytes();
    if b.first() != Some(&b' ') && b.last() != Some(&b' ') {
        return s;
    }
    s.trim_matches(' ')
}

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

/// A record type of an exchange file: its columns and key.
pub trait Table: Sized + Default + Clone {
    type Col: Copy + PartialEq + 'static;
    const FILE: &'static str;
    const KEY_NAME: &'static str;
    fn columns() -> &'static [Self::Col];
    fn required() -> &'static [Self::Col];
    fn col_name(c: Self::Col) -> &'static str;
    fn col_from_name(s: &str) -> Option<Self::Col>;
    fn get(&self, c: Self::Col) -> String;
    /// Appends what [`Table::get`] gives to `out`.
    fn write(&self, c: Self::Col, out: &mut String);
    fn set(&mut self, c: Self::Col, s: &str) -> Result<(), String>;
    fn key(&self) -> &str;
    fn extra(&self) -> &[(String, String)];
    fn extra_mut(&mut self) -> &mut Vec<(String, String)>;
    /// Checks beyond a cell's syntax.
    fn problems(&self) -> Vec<(Self::Col, String)> {
        Vec::new()
    }
    /// A cell read in a non-canonical form that the importer rewrote: the message for the user.
    fn notice(_c: Self::Col, _raw: &str) -> Option<String> {
        None
    }
}

impl Table for Matter {
    type Col = Column;
    const FILE: &'static str = "cases.csv";
    const KEY_NAME: &'static str = "案号";
    fn columns() -> &'static [Column] {
        Column::ALL
    }
    fn required() -> &'static [Column] {
        Column::REQUIRED
    }
    fn col_name(c: Column) -> &'static str {
        c.name()
    }
    fn col_from_name(s: &str) -> Option<Column> {
        Column::from_name(s)
    }
    fn get(&self, c: Column) -> String {
        c.get(self)
    }
    fn write(&self, c: Column, out: &mut String) {
        c.write(self, out)
    }
    fn set(&mut self, c: Column, s: &str) -> Result<(), String> {
        c.set(self, s)
    }
    fn key(&self) -> &str {
        &self.case_no.0
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Vec<(String, String)> {
        &mut self.extra
    }
    fn problems(&self) -> Vec<(Column, String)> {
        Matter::problems(self).into_iter().map(|p| (p.column, p.message)).collect()
    }
    fn notice(c: Column, raw: &str) -> Option<String> {
        if c != Column::Agents {
            return None;
        }
        let (a, changed) = crate::model::Agents::normalize(raw);
        changed.then(|| format!("「{raw}」已按「{}」读取（导出时写为规范格式）", crate::model::Cell::format_cell(&a)))
    }
}

impl Table for Agency {
    type Col = AgencyColumn;
    const FILE: &'static str = "agencies.csv";
    const KEY_NAME: &'static str = "机关名称";
    fn columns() -> &'static [AgencyColumn] {
        AgencyColumn::ALL
    }
    fn required() -> &'static [AgencyColumn] {
        AgencyColumn::REQUIRED
    }
    fn col_name(c: AgencyColumn) -> &'static str {
        c.name()
    }
    fn col_from_name(s: &str) -> Option<AgencyColumn> {
        AgencyColumn::from_name(s)
    }
    fn get(&self, c: AgencyColumn) -> String {
        c.get(self)
    }
    fn write(&self, c: AgencyColumn, out: &mut String) {
        c.write(self, out)
    }
    fn set(&mut self, c: AgencyColumn, s: &str) -> Result<(), String> {
        c.set(self, s)
    }
    fn key(&self) -> &str {
        &self.name.0
    }
    fn extra(&self) -> &[(String, String)] {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Vec<(String, String)> {
        &mut self.extra
    }
}

/// One data row of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow<R> {
    /// Spreadsheet row number (header = 1).
    pub row: usize,
    /// The record as far as it could be read (bad cells left empty).
    pub record: R,
    /// This row's errors; empty when the row is valid.
    pub errors: Vec<RowError>,
    /// The key and required columns are good and the key is not a repeat: the record can be evaluated.
    pub usable: bool,
    /// Bit `i` set: the file gave no value for column `i` of [`Table::columns`] (empty cell or no such
    /// column), so a merge can tell "left empty" from "set to the default".
    pub blank: u128,
}

/// A whole import, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import<R> {
    pub encoding: &'static str,
    pub rows: Vec<ImportRow<R>>,
    /// Header columns this tool does not know (kept with each record).
    pub unknown_columns: Vec<String>,
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

/// A file that could not be taken at all: unreadable, or its header lacks a required column.
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
pub fn import<R: Table>(bytes: &[u8]) -> Result<Import<R>, ImportError> {
    let decoded = decode(bytes).map_err(ImportError::File)?;
    import_text(&decoded.text, decoded.encoding)
}

/// Reads and validates already-decoded text.
pub fn import_text<R: Table>(text: &str, encoding: &'static str) -> Result<Import<R>, ImportError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    // One record buffer for the whole file: no allocation per row for the cells themselves.
    let mut rec = csv::StringRecord::new();
    // The header: the first record that is not empty.
    let header = loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => return Err(ImportError::File(FileError(format!("文件为空：{} 至少需要标题行", R::FILE)))),
            Err(e) => return Err(ImportError::File(FileError(format!("无法按 CSV 读取：{e}")))),
            Ok(true) if rec.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(true) => break rec.clone(),
        }
    };
    enum Slot<C> {
        /// A known column and its index in `R::columns()`.
        Known(C, usize),
        Unknown(String),
        Ignored,
    }
    let mut slots = Vec::new();
    let mut header_errors = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for raw in header.iter() {
        let name = unguard(raw.trim_start_matches('\u{feff}').trim()).trim().to_string();
        if name.is_empty() {
            slots.push(Slot::Ignored);
            continue;
        }
        if seen.contains(&name) {
            header_errors.push(RowError::new(1, &name, "列名重复".into()));
            slots.push(Slot::Ignored);
            continue;
        }
        seen.push(name.clone());
        match R::col_from_name(&name) {
            Some(c) => slots.push(Slot::Known(c, R::columns().iter().position(|x| *x == c).unwrap_or(127).min(127))),
            None => {
                unknown.push(name.clone());
                slots.push(Slot::Unknown(name));
            }
        }
    }
    for req in R::required() {
        if !seen.iter().any(|n| n == R::col_name(*req)) {
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
    let mut rows: Vec<ImportRow<R>> = Vec::new();
    let mut notices = Vec::new();
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut row_no = 1;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => row_no += 1,
            Err(e) => {
                row_no += 1;
                rows.push(ImportRow {
                    row: row_no,
                    record: R::default(),
                    errors: vec![RowError::new(row_no, "", format!("无法按 CSV 读取：{e}"))],
                    usable: false,
                    blank: u128::MAX,
                });
                continue;
            }
        }
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue; // Empty rows (trailing or not) are ignored.
        }
        let mut r = R::default();
        let mut errors = Vec::new();
        let mut required_bad = false;
        let mut blank = u128::MAX;
        for (i, cell) in rec.iter().enumerate() {
            let value = unguard(trim_spaces(cell));
            match slots.get(i) {
                // An empty optional cell leaves the default, which is what parsing it would give.
                Some(Slot::Known(c, _)) if value.is_empty() && !R::required().contains(c) => {}
                Some(Slot::Known(c, idx)) => {
                    blank &= !(1u128 << idx);
                    if let Some(n) = R::notice(*c, value) {
                        notices.push(RowError::new(row_no, R::col_name(*c), n));
                    }
                    if let Err(msg) = r.set(*c, value) {
                        required_bad |= R::required().contains(c);
                        errors.push(RowError::new(row_no, R::col_name(*c), msg));
                    }
                }
                Some(Slot::Unknown(name)) => r.extra_mut().push((name.clone(), value.to_string())),
                Some(Slot::Ignored) => {}
                None if value.is_empty() => {}
                None => errors.push(RowError::new(row_no, "", format!("第{}列「{value}」没有列名", i + 1))),
            }
        }
        // A short row (trailing cells dropped by a spreadsheet): required columns still must be set.
        for (slot, req) in &required_slots {
            if *slot >= rec.len() {
                if let Err(msg) = r.set(*req, "") {
                    required_bad = true;
                    errors.push(RowError::new(row_no, R::col_name(*req), msg));
                }
            }
        }
        for (c, msg) in r.problems() {
            errors.push(RowError::new(row_no, R::col_name(c), msg));
        }
        let mut usable = !required_bad;
        // A repeated key: the later row is the invalid one, whatever else is wrong with the first.
        if !r.key().is_empty() {
            if let Some(first) = keys.get(r.key()) {
                errors.push(RowError::new(
                    row_no,
                    R::KEY_NAME,
                    format!("{}「{}」重复（与第{first}行相同），本行无效", R::KEY_NAME, r.key()),
                ));
                usable = false;
            } else {
                keys.insert(r.key().to_string(), row_no);
            }
        }
        rows.push(ImportRow { row: row_no, record: r, errors, usable, blank });
    }
    Ok(Import { encoding, rows, unknown_columns: unknown, notices })
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
pub fn export<R: Table>(records: &[R]) -> Vec<u8> {
    let mut out = String::from('\u{feff}');
    export_into(records, &mut out);
    out.into_bytes()
}

/// [`export`] as text without the BOM: how the register keeps its matters in storage.
pub fn export_text<R: Table>(records: &[R]) -> String {
    let mut out = String::new();
    export_into(records, &mut out);
    out
}

/// The same bytes as [`write_csv`] would give (CRLF, quotes only where needed, the formula guard), written
/// straight into one buffer: the register is written on every save, 650,000 cells at 10,000 matters.
fn export_into<R: Table>(records: &[R], out: &mut String) {
    let mut extra_names: Vec<&str> = Vec::new();
    for r in records {
        for (k, _) in r.extra() {
            if !extra_names.contains(&k.as_str()) {
                extra_names.push(k);
            }
        }
    }
    let width = R::columns().len() + extra_names.len();
    let names = R::columns().iter().map(|c| R::col_name(*c)).chain(extra_names.iter().copied());
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, name, width);
    }
    out.push_str("\r\n");
    out.reserve(records.len() * (width + 2 + 100));
    let mut cell = String::new();
    for r in records {
        for (i, c) in R::columns().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell.clear();
            r.write(*c, &mut cell);
            push_field(out, &cell, width);
        }
        for name in &extra_names {
            out.push(',');
            push_field(out, r.extra().iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str()), width);
        }
        out.push_str("\r\n");
    }
}

/// One field as the `csv` crate writes it (`QuoteStyle::Necessary`), after the formula guard.
fn push_field(out: &mut String, s: &str, width: usize) {
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
    sorted.sort_by(|a, b| a.case_no.cmp(&b.case_no).then(a.rule.cmp(&b.rule)));
    let d = |x: Option<chrono::NaiveDate>| x.map(fmt).unwrap_or_default();
    let rows = sorted.into_iter().map(|o| {
        let info = o.info();
        vec![
            o.case_no.0.as_str().into(),
            o.rule.label().into(),
            info.clause.into(),
            info.title.into(),
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

    /// The export as the `csv` crate writes it (what `export` did before it wrote into one buffer).
    fn export_via_csv_writer<R: Table>(records: &[R]) -> Vec<u8> {
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
