//! Records with named fields, and the three-way merge that keeps everybody's edits.
//!
//! A [`Record`] is a value described by a table of fields (columns): a matter (`cases.csv`), an agency
//! (`agencies.csv`) and the 设置 form ([`Setup`]). Each field reads and writes canonical text, so one
//! table serves the page's form, the CSV exchange files and the `yingsu` command line, and a setting's
//! bounds are checked in one place.
//!
//! [`merge3`] is the one merge of the project: the edit session of a form (what the user began from, what
//! is stored now, what the user typed), an import over the register, and the conflict summary all use it,
//! or its field diff [`changed`].

use crate::model::{Agency, AgencyColumn, Column, Matter};

/// A record type of an exchange file: its columns and key.
pub trait Record: Sized + Default + Clone {
    type Col: Copy + Ord + std::fmt::Debug + 'static;
    const FILE: &'static str;
    const KEY_NAME: &'static str;
    fn columns() -> &'static [Self::Col];
    fn required() -> &'static [Self::Col];
    fn col_name(c: Self::Col) -> &'static str;
    fn col_from_name(s: &str) -> Option<Self::Col>;
    fn get(&self, c: Self::Col) -> String;
    /// Appends what [`Record::get`] gives to `out`.
    fn write(&self, c: Self::Col, out: &mut String);
    fn set(&mut self, c: Self::Col, s: &str) -> Result<(), String>;
    /// Sets a cell, keeping a value that cannot be read as 待修正 text (stored data, backups).
    fn set_or_keep(&mut self, c: Self::Col, s: &str) -> Result<(), String>;
    fn key(&self) -> &str;
    fn extra(&self) -> &[(String, String)];
    fn extra_mut(&mut self) -> &mut Vec<(String, String)>;
    /// Called once a row is read, before its checks: settles what one cell means given another.
    fn finish(&mut self) {}
    /// Checks beyond a cell's syntax.
    fn problems(&self) -> Vec<(Self::Col, String)> {
        Vec::new()
    }
    /// A cell read in a non-canonical form that the importer rewrote: the message for the user.
    fn notice(_c: Self::Col, _raw: &str) -> Option<String> {
        None
    }
}

/// A record whose fields are the columns of a `columns!` table in [`crate::model`]: every method goes to
/// the column enum; `$key` is the key field, `written` says whether a cell is written to a file for this
/// record (one that is not is exported empty; the value stays, so an edit session or a merge never drops
/// it), and the block adds what differs (checks, notices).
macro_rules! record_of_columns {
    ($record:ty, $col:ident, $file:literal, $key_name:literal, $key:ident, written: $written:expr, { $($more:tt)* }) => {
        impl Record for $record {
            type Col = $col;
            const FILE: &'static str = $file;
            const KEY_NAME: &'static str = $key_name;
            fn columns() -> &'static [$col] {
                $col::ALL
            }
            fn required() -> &'static [$col] {
                $col::REQUIRED
            }
            fn col_name(c: $col) -> &'static str {
                c.name()
            }
            fn col_from_name(s: &str) -> Option<$col> {
                $col::from_name(s)
            }
            fn get(&self, c: $col) -> String {
                c.get(self)
            }
            fn write(&self, c: $col, out: &mut String) {
                let written: fn(&$record, $col) -> bool = $written;
                if written(self, c) {
                    c.write(self, out)
                }
            }
            fn set(&mut self, c: $col, s: &str) -> Result<(), String> {
                c.set(self, s)
            }
            fn set_or_keep(&mut self, c: $col, s: &str) -> Result<(), String> {
                c.set_or_keep(self, s)
            }
            fn key(&self) -> &str {
                &self.$key.0
            }
            fn extra(&self) -> &[(String, String)] {
                &self.extra
            }
            fn extra_mut(&mut self) -> &mut Vec<(String, String)> {
                &mut self.extra
            }
            $($more)*
        }
    };
}

// (issue 21) 审级 of a 行政复议 or 建议 holding the 一审 earlier versions wrote for every matter is empty.
record_of_columns!(Matter, Column, "cases.csv", "案号", case_no, written: |m, c| !crate::form::drops_instance(m, c), {
    fn finish(&mut self) {
        crate::form::normalize_instance(self);
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
});

record_of_columns!(Agency, AgencyColumn, "agencies.csv", "机关名称", name, written: |_, _| true, {});

/// A field both sides changed, to different values: the merge keeps `theirs` (what is stored) and the
/// user chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash<C> {
    pub column: C,
    /// The value both began from.
    pub base: String,
    /// The value stored meanwhile (another tab, another file).
    pub theirs: String,
    /// The value of this edit.
    pub mine: String,
}

/// What [`merge3`] gives: the merged record and the fields left for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merge<R: Record> {
    /// `theirs` with every field `mine` changed, except the clashes (which keep `theirs`).
    pub record: R,
    pub clashes: Vec<Clash<R::Col>>,
}

impl<R: Record> Merge<R> {
    pub fn is_clean(&self) -> bool {
        self.clashes.is_empty()
    }
}

/// The columns whose canonical text differs between `a` and `b` (in the table's order).
pub fn changed<R: Record>(a: &R, b: &R) -> Vec<R::Col> {
    R::columns().iter().copied().filter(|c| a.get(*c) != b.get(*c)).collect()
}

/// The unknown (extra) columns whose value differs between `a` and `b`, by name; a missing one counts
/// as empty.
pub fn changed_extra<R: Record>(a: &R, b: &R) -> Vec<String> {
    let mut names: Vec<&str> = a.extra().iter().chain(b.extra()).map(|(k, _)| k.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.into_iter().filter(|k| extra_value(a, k) != extra_value(b, k)).map(str::to_string).collect()
}

fn extra_value<'a, R: Record>(r: &'a R, name: &str) -> &'a str {
    r.extra().iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

fn set_extra<R: Record>(r: &mut R, name: &str, value: &str) {
    let extra = r.extra_mut();
    extra.retain(|(k, _)| k != name);
    if !value.is_empty() {
        extra.push((name.to_string(), value.to_string()));
    }
}

/// Sets column `c` of `dst` to `src`'s value. The text came from a record of the same type, so it
/// reads back; a value kept as 待修正 stays kept as written.
pub fn copy<R: Record>(dst: &mut R, src: &R, c: R::Col) {
    let v = src.get(c);
    if dst.get(c) != v {
        let _ = dst.set_or_keep(c, &v);
    }
}

/// Sets the given columns of `dst` from `src` (e.g. the user's choices after [`merge3`]'s clashes).
pub fn take<R: Record>(dst: &mut R, src: &R, cols: &[R::Col]) {
    for c in cols {
        copy(dst, src, *c);
    }
}

/// Three-way merge: `base` is what an edit began from, `theirs` what is stored now, `mine` the edit.
/// The result is `theirs` with every field `mine` changed from `base`; where `theirs` changed the same
/// field to a different value, that field is a [`Clash`] and keeps `theirs`. Unknown columns merge the
/// same way (a clash there keeps `theirs` and is not listed: it has no column to choose by). No edit of
/// either side is lost: each changed field is in the record or in a clash with both values.
pub fn merge3<R: Record>(base: &R, theirs: &R, mine: &R) -> Merge<R> {
    let mut record = theirs.clone();
    let mut clashes = Vec::new();
    for &c in R::columns() {
        let m = mine.get(c);
        let b = base.get(c);
        if m == b {
            continue;
        }
        let t = theirs.get(c);
        if t == b || t == m {
            if t != m {
                let _ = record.set_or_keep(c, &m);
            }
        } else {
            clashes.push(Clash { column: c, base: b, theirs: t, mine: m });
        }
    }
    for k in changed_extra(base, mine) {
        let (b, t) = (extra_value(base, &k), extra_value(theirs, &k));
        if t == b {
            set_extra(&mut record, &k, extra_value(mine, &k));
        }
    }
    Merge { record, clashes }
}
