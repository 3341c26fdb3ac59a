//! What a file may hold before it is refused (rows, columns, bytes a cell), counted in one pass of CSV
//! syntax; and the quotes a spreadsheet user should be told about.

use super::cell_str;
use crate::error::FileError;

/// The largest file an import takes: more rows than this is refused before any work starts.
pub const MAX_ROWS: usize = 100_000;
/// The most columns a header (or any row) may have.
pub const MAX_COLUMNS: usize = 1_000;
/// The most bytes one cell may hold (32 KB).
pub const MAX_CELL_BYTES: usize = 32 * 1024;

/// Checks the limits in one pass over the text, before any cell is interpreted: rows, cells per row,
/// bytes per cell. The pass reads CSV syntax only (it costs what a parse alone costs).
pub fn check_limits(text: &str, file: &str) -> Result<(), FileError> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rec = csv::ByteRecord::new();
    let mut rows = 0usize;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            // Syntax errors are reported row by row by the import itself.
            Err(_) => continue,
        }
        check_record(&rec, rows + 1, file)?;
        // Empty rows (a spreadsheet's trailing `,,,` lines) are ignored by the import: not counted (CSV.md).
        if is_empty_record(&rec) {
            continue;
        }
        rows += 1;
        if rows > MAX_ROWS + 1 {
            return Err(too_many_rows(file));
        }
    }
    Ok(())
}

/// A record whose every cell is empty or spaces: ignored by every import and not counted.
pub(crate) fn is_empty_record(rec: &csv::ByteRecord) -> bool {
    rec.iter().all(|c| cell_str(c).trim().is_empty())
}

pub(crate) fn too_many_rows(file: &str) -> FileError {
    FileError(format!(
        "{file} 超过 {MAX_ROWS} 行（不含标题行），未导入。请把文件拆分为每个不超过 {MAX_ROWS} 行后分别导入。"
    ))
}

/// The per-record limits: cells in the record, bytes in a cell. `rows`: the record's number in the file.
pub(crate) fn check_record(rec: &csv::ByteRecord, rows: usize, file: &str) -> Result<(), FileError> {
    if rec.len() > MAX_COLUMNS {
        return Err(FileError(format!(
            "{file} 第{rows}行有 {} 列，超过上限 {MAX_COLUMNS} 列，未导入。请删除多余的列后重新导入。",
            rec.len()
        )));
    }
    // The record's bytes bound every cell's: most records need no look at their cells.
    if rec.as_slice().len() > MAX_CELL_BYTES {
        if let Some((i, cell)) = rec.iter().enumerate().find(|(_, c)| c.len() > MAX_CELL_BYTES) {
            return Err(FileError(format!(
                "{file} 第{rows}行第{}列的内容有 {} 字节，超过每个单元格 32 KB 的上限，未导入。",
                i + 1,
                cell.len()
            )));
        }
    }
    Ok(())
}

/// The fields of one raw record (its line end included) whose quotes break RFC 4180: a quoted field with
/// text after its closing quote, or a quote inside an unquoted field. Never panics, whatever the bytes.
pub(crate) fn stray_quote_fields(raw: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut i, mut field, n) = (0usize, 0usize, raw.len());
    loop {
        let mut bad = false;
        if raw.get(i) == Some(&b'"') {
            i += 1;
            // To the closing quote (`""` is an escaped quote inside).
            while i < n {
                if raw[i] == b'"' {
                    if raw.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
            bad = i < n && !matches!(raw[i], b',' | b'\r' | b'\n');
        }
        while i < n && !matches!(raw[i], b',' | b'\r' | b'\n') {
            bad |= raw[i] == b'"';
            i += 1;
        }
        if bad {
            out.push(field);
        }
        if i >= n || raw[i] != b',' {
            return out;
        }
        i += 1;
        field += 1;
    }
}
