//! Errors are data with a location, so the app and the CLI both say `第N行「列名」：…`.

use std::fmt;

/// A problem at a spreadsheet row (the header is 第1行, the first record 第2行) and column. Row 0 is a
/// note about the whole file (e.g. how many more problems were not listed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    /// The column's header name; empty when the whole row is concerned.
    pub column: String,
    pub message: String,
}

impl RowError {
    pub fn new(row: usize, column: &str, message: String) -> RowError {
        RowError { row, column: column.to_string(), message }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row == 0 {
            f.write_str(&self.message)
        } else if self.column.is_empty() {
            write!(f, "第{}行：{}", self.row, self.message)
        } else {
            write!(f, "第{}行「{}」：{}", self.row, self.column, self.message)
        }
    }
}

impl std::error::Error for RowError {}

/// A file that cannot be read at all (not text in a known encoding, not CSV, empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError(pub String);

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FileError {}
