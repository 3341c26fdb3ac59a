//! One edit session (issue 20): the stored version an edit began from (`base`), the form's values
//! (`draft`), and what another tab saved meanwhile (`stored`, read from the register, never pushed into
//! the form by an Effect). The three meet in one three-way merge, field by field: what the other side
//! changed stays, what the user changed is laid on top, and a field both changed differently is a clash
//! for the user to decide. The case form, 机关名录 and 设置 edit through it.

use crate::storage::{self, Draft, DraftKey};
use yingsu_engine::record::Record;
pub use yingsu_engine::record::{changed, merge3, take, Clash};
use yingsu_engine::store::{Fate, Register};

/// The session moved onto what is stored now: (new base, new draft, clashes). Every change of the other
/// side is taken into the draft; on a clash the draft keeps the user's value and the new base keeps the
/// old one there, so the save still shows the clash (and asks) instead of overwriting silently.
pub fn rebase<R: Record>(base: &R, stored: &R, draft: &R) -> (R, R, Vec<Clash<R::Col>>) {
    let m = merge3(base, stored, draft);
    let cols: Vec<R::Col> = m.clashes.iter().map(|c| c.column).collect();
    let mut new_draft = m.record;
    take(&mut new_draft, draft, &cols);
    let mut new_base = stored.clone();
    take(&mut new_base, base, &cols);
    (new_base, new_draft, m.clashes)
}

/// Where a draft's matter is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Now {
    /// A new matter's form.
    New,
    /// Under this 案号 (after renames in any tab; as begun when its trail is gone).
    At(String),
    /// Deleted since.
    Deleted,
}

impl Now {
    /// The 案号 a case page is opened with (`None`: the new-matter form); `None` for a deleted one.
    pub fn page_key(&self) -> Option<Option<&str>> {
        match self {
            Now::New => Some(None),
            Now::At(k) => Some(Some(k.as_str())),
            Now::Deleted => None,
        }
    }
}

/// Where a draft's matter is now ([`Now`]).
pub fn now_at(reg: &Register, key: &DraftKey) -> Now {
    match &key.case_no {
        None => Now::New,
        Some(k) => match reg.fate(k) {
            Fate::Here | Fate::Unknown => Now::At(k.clone()),
            Fate::Renamed(x) => Now::At(x),
            Fate::Deleted => Now::Deleted,
        },
    }
}

/// One kept draft as the 案件 list and the case form name it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptDraft {
    pub key: DraftKey,
    pub draft: Draft,
    /// Where the matter is now.
    pub now: Now,
}

/// Every matter draft of every tab, this tab's first, each followed through renames.
pub fn kept_drafts(reg: &Register) -> Vec<KeptDraft> {
    let mut out: Vec<KeptDraft> = storage::drafts()
        .into_iter()
        .filter_map(|key| {
            let draft = storage::load_draft(&key)?;
            let now = now_at(reg, &key);
            Some(KeptDraft { key, draft, now })
        })
        .collect();
    yingsu_engine::sort::by_key(&mut out, |d| (!d.key.is_own(), d.draft.at.clone()));
    out
}

/// This tab's draft of a matter (`None`: the new-matter form), following renames; or another tab's when
/// `own` is false.
pub fn drafts_of(reg: &Register, case_no: Option<&str>, own: bool) -> Vec<KeptDraft> {
    kept_drafts(reg).into_iter().filter(|d| d.key.is_own() == own && d.now.page_key() == Some(case_no)).collect()
}

/// Moves a draft to this tab under `case_no` (recovering another tab's, or following a rename).
pub fn adopt(from: &DraftKey, case_no: Option<&str>, d: &Draft) -> Result<DraftKey, String> {
    let to = DraftKey::own(case_no);
    storage::save_draft(&to, d)?;
    if *from != to {
        storage::drop_draft(from);
    }
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use yingsu_engine::model::{Agency, Column};
    use yingsu_engine::Matter;

    #[test]
    fn merge3_keeps_both_sides_and_clashes_only_where_both_changed() {
        let base = Matter::new("A");
        let mut theirs = base.clone();
        theirs.plaintiff = "甲".into();
        theirs.remarks = "他".into();
        let mut mine = base.clone();
        mine.cause = "行政处罚".into();
        mine.remarks = "我".into();
        let m = merge3(&base, &theirs, &mine);
        assert_eq!((m.record.plaintiff.as_str(), m.record.cause.as_str()), ("甲", "行政处罚"));
        assert_eq!(m.record.remarks, "他");
        assert_eq!(m.clashes.iter().map(|c| c.column).collect::<Vec<_>>(), vec![Column::Remarks]);
        let (nb, nd, _) = rebase(&base, &theirs, &mine);
        assert_eq!(nd.remarks, "我");
        assert_eq!(nb.remarks, "");
        assert_eq!(changed(&nb, &theirs), vec![Column::Remarks]);
    }

    #[test]
    fn a_rename_elsewhere_is_taken_when_the_draft_kept_the_old_name() {
        let base = Matter::new("OLD");
        let theirs = Matter::new("NEW");
        let mut mine = base.clone();
        mine.plaintiff = "甲".into();
        let m = merge3(&base, &theirs, &mine);
        assert!(m.clashes.is_empty());
        assert_eq!((m.record.case_no.0.as_str(), m.record.plaintiff.as_str()), ("NEW", "甲"));
        let a = Agency::default();
        assert!(merge3(&a, &a, &a).clashes.is_empty());
    }
}
