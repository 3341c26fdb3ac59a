//! Issue 20, nothing lost beside another tab or another file: a column a file lacks is never an empty cell,
//! agencies.csv merges field by field and refuses a stale preview, another agency's new matters are
//! flagged, and a 案号 renamed or deleted elsewhere is followed through the audit trail.

use yingsu_engine::codec::{import_text, Import};
use yingsu_engine::exchange::{apply_agencies, preview_agencies, preview_with, Mode, Options};
use yingsu_engine::model::{Agency, Matter};
use yingsu_engine::store::{Fate, Register};

fn cases(text: &str) -> Import<Matter> {
    import_text::<Matter>(text, "UTF-8").unwrap()
}

fn agencies(text: &str) -> Import<Agency> {
    import_text::<Agency>(text, "UTF-8").unwrap()
}

#[test]
fn a_column_the_file_lacks_is_not_an_empty_cell() {
    let imp = cases("案号,案件类型,被告类型,原告\nF-1,行政诉讼,本机关,\n");
    let row = &imp.rows[0];
    let at = |name: &str| yingsu_engine::model::Column::ALL.iter().position(|c| c.name() == name).unwrap();
    assert!(row.empty_cell(at("原告")) && !row.lacks(at("原告")));
    assert!(row.lacks(at("案由")) && !row.empty_cell(at("案由")));
    assert!(!row.lacks(at("案号")) && !row.empty_cell(at("案号")));
}

#[test]
fn clear_empty_empties_only_the_files_empty_cells() {
    let mut old = Matter::new("F-1");
    old.plaintiff = "甲公司".into();
    old.cause = "行政处罚".into();
    old.remarks = "留着".into();
    old.extra.push(("自定义".into(), "保留".into()));
    let file = || cases("案号,案件类型,被告类型,原告\nF-1,行政诉讼,本机关,\n");
    let existing = [old.clone()];
    // Without 以空值清除 the empty cell keeps 原告: nothing changes.
    let p = preview_with(&existing, &[("f.csv".into(), file())], Mode::Merge, Options::default());
    assert_eq!((p.changed.len(), p.unchanged), (0, 1));
    // With it: 原告 only; 案由, 备注 and the unknown column (not in the file) stay, and the preview names it.
    let opts = Options { clear_empty: true, ..Options::default() };
    let p = preview_with(&existing, &[("f.csv".into(), file())], Mode::Merge, opts);
    let m = &p.changed[0].matter;
    assert_eq!((m.plaintiff.as_str(), m.cause.as_str(), m.remarks.as_str()), ("", "行政处罚", "留着"));
    assert_eq!(m.extra("自定义"), Some("保留"));
    assert_eq!(p.emptied(), vec![("F-1".to_string(), "原告".to_string(), "甲公司".to_string())]);
}

#[test]
fn another_agencys_new_matter_is_flagged_in_an_agency_register() {
    let file =
        || cases("案号,案件类型,被告类型,所属机关\nZ-9,行政诉讼,本机关,区住建委\nZ-10,行政诉讼,本机关,区城管委\n");
    let opts = Options { own_agency: "区城管委".into(), ..Options::default() };
    let p = preview_with(&[], &[("f.csv".into(), file())], Mode::Merge, opts);
    assert_eq!(p.foreign.len(), 1);
    assert_eq!((p.foreign[0].case_no.as_str(), p.foreign[0].new), ("Z-9", true));
    // 区司法局's register (no own agency given) gathers every agency's matters: nothing to flag.
    let p = preview_with(&[], &[("f.csv".into(), file())], Mode::Merge, Options::default());
    assert!(p.foreign.is_empty());
}

const FULL: &str = "机关名称,机关类型,主要负责人,分管领导,联络员,联络电话,应诉人员\n区城管委,职能部门,张局长,王副局长,赵某,010-1111,李四（法律职业资格）\n";

#[test]
fn agencies_csv_with_two_columns_changes_only_those() {
    let mut dir = Vec::new();
    let p = preview_agencies(&dir, &agencies(FULL));
    assert_eq!(apply_agencies(&mut dir, &p), Ok(1));
    let full = dir[0].clone();
    let p = preview_agencies(&dir, &agencies("机关名称,联络电话\n区城管委,010-2222\n"));
    assert_eq!(p.changed.len(), 1);
    let d: Vec<(&str, &str, &str)> =
        p.changed[0].diffs.iter().map(|d| (d.field.as_str(), d.old.as_str(), d.new.as_str())).collect();
    assert_eq!(d, vec![("联络电话", "010-1111", "010-2222")]);
    assert_eq!(apply_agencies(&mut dir, &p), Ok(1));
    assert_eq!(dir[0], Agency { phone: "010-2222".into(), ..full });
}

#[test]
fn a_stale_agencies_preview_is_refused() {
    let mut dir = Vec::new();
    apply_agencies(&mut dir, &preview_agencies(&[], &agencies(FULL))).unwrap();
    let stale = preview_agencies(&dir, &agencies(&FULL.replace("010-1111", "010-3333")));
    // Another tab saves 联络员 meanwhile.
    dir[0].liaison = "钱某".into();
    let before = dir.clone();
    assert_eq!(apply_agencies(&mut dir, &stale), Err(vec!["区城管委".to_string()]));
    assert_eq!(dir, before, "nothing written");
    // Previewed again, the file's old 联络员 shows as a change (赵某 over 钱某), never silently.
    let again = preview_agencies(&dir, &agencies(&FULL.replace("010-1111", "010-3333")));
    assert!(again.changed[0].diffs.iter().any(|d| d.field == "联络员" && d.old == "钱某" && d.new == "赵某"));
}

#[test]
fn a_renamed_or_deleted_case_no_is_followed_through_the_audit_trail() {
    let mut r = Register::default();
    r.save_matter(None, Matter::new("A"), "u", "t").unwrap();
    assert_eq!(r.fate("A"), Fate::Here);
    r.save_matter(Some("A"), Matter::new("B"), "u", "t").unwrap();
    r.save_matter(Some("B"), Matter::new("C"), "u", "t").unwrap();
    assert_eq!(r.fate("A"), Fate::Renamed("C".into()));
    assert_eq!(r.fate("B"), Fate::Renamed("C".into()));
    r.delete_matter(&yingsu_engine::model::CaseNo("C".into()), "u", "t");
    assert_eq!(r.fate("A"), Fate::Deleted);
    assert_eq!(r.fate("C"), Fate::Deleted);
    assert_eq!(r.fate("never"), Fate::Unknown);
    // A new matter under a deleted 案号 is that matter now.
    r.save_matter(None, Matter::new("C"), "u", "t").unwrap();
    assert_eq!(r.fate("C"), Fate::Here);
}
