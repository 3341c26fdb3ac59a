//! agencies.csv into the 机关名录 (issue 20): matched by 机关名称 as people read it and merged field by
//! field like cases.csv — a column the file does not have keeps what the directory holds, an empty cell
//! too — and committed only if no agency changed since the preview (another tab saved 机关名录).

use super::{diffs, fill_from, FieldDiff};
use crate::codec::Import;
use crate::model::Agency;
use crate::text::key_norm;
use std::collections::HashMap;

/// One agency the file adds or changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyChange {
    /// Spreadsheet row number.
    pub row: usize,
    /// The agency as the commit writes it.
    pub agency: Agency,
    /// The directory's version at preview time (`None`: new).
    pub base: Option<Agency>,
    pub diffs: Vec<FieldDiff>,
}

/// What importing an agencies.csv would do. Nothing is written until [`apply_agencies`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgencyPreview {
    pub new: Vec<AgencyChange>,
    pub changed: Vec<AgencyChange>,
    pub unchanged: usize,
}

/// Compares the file's valid rows with the directory (rows with errors are left out: the page refuses a
/// commit while the file has any).
pub fn preview_agencies(existing: &[Agency], imp: &Import<Agency>) -> AgencyPreview {
    let by_name: HashMap<String, &Agency> = existing.iter().map(|a| (key_norm(&a.name.0).into_owned(), a)).collect();
    let mut p = AgencyPreview::default();
    for row in imp.rows.iter().filter(|r| r.errors.is_empty()) {
        match by_name.get(key_norm(&row.record.name.0).as_ref()) {
            None => p.new.push(AgencyChange { row: row.row, agency: row.record.clone(), base: None, diffs: vec![] }),
            Some(old) => {
                let mut merged = fill_from(*old, row, false);
                // The directory's spelling of the name stays (the same agency as people read it).
                merged.name = old.name.clone();
                let d = diffs(*old, &merged);
                if d.is_empty() {
                    p.unchanged += 1;
                } else {
                    p.changed.push(AgencyChange { row: row.row, agency: merged, base: Some((*old).clone()), diffs: d });
                }
            }
        }
    }
    p
}

/// Writes the preview into the directory, or nothing: `Err` names the agencies another tab added, changed
/// or removed since the preview (preview again). Returns how many agencies were added or changed.
pub fn apply_agencies(agencies: &mut Vec<Agency>, p: &AgencyPreview) -> Result<usize, Vec<String>> {
    let mut at: HashMap<String, usize> =
        agencies.iter().enumerate().map(|(i, a)| (key_norm(&a.name.0).into_owned(), i)).collect();
    let stale: Vec<String> = p
        .new
        .iter()
        .chain(&p.changed)
        .filter(|c| at.get(key_norm(&c.agency.name.0).as_ref()).map(|&i| &agencies[i]) != c.base.as_ref())
        .map(|c| c.agency.name.0.clone())
        .collect();
    if !stale.is_empty() {
        return Err(stale);
    }
    for c in p.new.iter().chain(&p.changed) {
        let k = key_norm(&c.agency.name.0).into_owned();
        match at.get(&k) {
            Some(&i) => agencies[i] = c.agency.clone(),
            None => {
                at.insert(k, agencies.len());
                agencies.push(c.agency.clone());
            }
        }
    }
    crate::sort::by(agencies, |x, y| x.name.cmp(&y.name));
    Ok(p.new.len() + p.changed.len())
}
