//! The save cache (issue 14): the stored register keeps its matters as the text of a `cases.csv` inside a JSON
//! string, and a save writes again only the lines of the matters that changed.

use crate::codec::Layout;
use crate::record::Record;
use std::collections::HashMap;

/// The lines of the records written last time, each beside a copy of the record it was written from, so
/// the next [`export_json_cached`] writes again only the records that changed. A record is taken from the
/// cache only when it is equal, field by field, to its copy (no hash that could collide) and the columns
/// are the same; everything else is written afresh. At 10,000 matters a save wrote 650,000 cells (and
/// escaped 4 MB for JSON) to change one row.
pub struct RowCache<R> {
    /// The unknown columns of the last export: when they change, every line changes.
    extra_names: Vec<String>,
    /// Key → (the record as written, its line escaped for a JSON string, the export that last used it).
    rows: HashMap<String, (R, String, u64)>,
    generation: u64,
}

impl<R> RowCache<R> {
    /// Forgets every line when the columns changed (an unknown column came or went).
    fn follow(&mut self, layout: &Layout) {
        if self.extra_names.iter().map(String::as_str).ne(layout.extra_names.iter().copied()) {
            self.rows.clear();
            self.extra_names = layout.extra_names.iter().map(|s| s.to_string()).collect();
        }
    }
}

impl<R> Default for RowCache<R> {
    fn default() -> Self {
        RowCache { extra_names: Vec::new(), rows: HashMap::new(), generation: 0 }
    }
}

/// `text` escaped as the inside of a JSON string, exactly as `serde_json` escapes it.
fn json_escaped(text: &str) -> String {
    let quoted = serde_json::to_string(text).expect("a string always serializes");
    quoted[1..quoted.len() - 1].to_string()
}

/// [`crate::codec::export_text`] as a JSON string literal (quotes included, escaped as `serde_json` escapes), re-using
/// the lines of records unchanged since the last call.
pub fn export_json_cached<R: Record + PartialEq>(records: &[R], cache: &mut RowCache<R>) -> String {
    let layout = Layout::of(records);
    cache.follow(&layout);
    cache.generation += 1;
    let generation = cache.generation;
    let mut line = String::new();
    layout.header::<R>(&mut line);
    let mut out = String::with_capacity(records.len() * (layout.width + 2 + 100));
    out.push('"');
    out.push_str(&json_escaped(&line));
    let mut cell = String::new();
    for r in records {
        match cache.rows.get_mut(r.key()) {
            // The same record as last time (and not a second record with this key in this export).
            Some((copy, text, used)) if *used != generation && copy == r => {
                *used = generation;
                out.push_str(text);
            }
            found => {
                line.clear();
                layout.row(r, &mut line, &mut cell);
                let escaped = json_escaped(&line);
                out.push_str(&escaped);
                let repeated = found.is_some_and(|(_, _, used)| *used == generation);
                if !r.key().is_empty() && !repeated {
                    cache.rows.insert(r.key().to_string(), (r.clone(), escaped, generation));
                }
            }
        }
    }
    out.push('"');
    // Records gone since (deleted, or renamed) leave the cache.
    if cache.rows.len() > records.len() {
        cache.rows.retain(|_, (_, _, used)| *used == generation);
    }
    out
}

impl<R: Record + PartialEq> RowCache<R> {
    /// Adds the lines of at most `max` records from `records[from..]` that are not cached yet, so that a
    /// page can fill the cache in small steps while the user reads; returns where to go on
    /// (`records.len()` once done). Nothing is written anywhere.
    pub fn prime(&mut self, records: &[R], from: usize, max: usize) -> usize {
        let layout = Layout::of(records);
        self.follow(&layout);
        let to = records.len().min(from.saturating_add(max));
        let (mut line, mut cell) = (String::new(), String::new());
        for r in records.get(from..to).unwrap_or_default() {
            if r.key().is_empty() || self.rows.get(r.key()).is_some_and(|(copy, _, _)| copy == r) {
                continue;
            }
            line.clear();
            layout.row(r, &mut line, &mut cell);
            self.rows.insert(r.key().to_string(), (r.clone(), json_escaped(&line), self.generation));
        }
        to
    }
}
