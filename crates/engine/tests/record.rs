//! The three-way merge every edit session and import uses (issue 20): no edit of either side is lost, and
//! a clash is reported only where both sides changed one field to different values.

use proptest::prelude::*;
use std::sync::OnceLock;
use yingsu_engine::model::{Agency, AgencyColumn, Column, Settings};
use yingsu_engine::record::{changed, merge3, take, Clash, Record};
use yingsu_engine::store::{Profile, Register, Setup, SetupField};
use yingsu_engine::{synth, Matter};

/// Realistic matters whose fields supply the values each side writes.
fn pool() -> &'static [Matter] {
    static POOL: OnceLock<Vec<Matter>> = OnceLock::new();
    POOL.get_or_init(|| synth::register(24, 7))
}

/// `base` with the columns picked by `mask` taken from `src`.
fn edited(base: &Matter, src: &Matter, mask: u128) -> Matter {
    let cols: Vec<Column> =
        Column::ALL.iter().enumerate().filter(|(i, _)| mask >> i & 1 == 1).map(|(_, c)| *c).collect();
    let mut m = base.clone();
    take(&mut m, src, &cols);
    m
}

fn sides() -> impl Strategy<Value = (Matter, Matter, Matter)> {
    (0..24usize, 0..24usize, 0..24usize, any::<u128>(), any::<u128>()).prop_map(|(b, t, m, tm, mm)| {
        let p = pool();
        let base = p[b].clone();
        (edited(&base, &p[t], tm), edited(&base, &p[m], mm), base)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every field either side changed is in the result, or is a clash that holds both values.
    #[test]
    fn no_edit_of_either_side_is_lost((theirs, mine, base) in sides()) {
        let out = merge3(&base, &theirs, &mine);
        for &c in Column::ALL {
            let (b, t, m, r) = (c.get(&base), c.get(&theirs), c.get(&mine), c.get(&out.record));
            match out.clashes.iter().find(|k| k.column == c) {
                Some(k) => {
                    prop_assert_eq!(&k.theirs, &t);
                    prop_assert_eq!(&k.mine, &m);
                    prop_assert_eq!(&k.base, &b);
                    prop_assert_eq!(&r, &t, "a clash keeps what is stored until the user chooses");
                }
                None if m != b => prop_assert_eq!(&r, &m, "{} changed here is kept", c.name()),
                None => prop_assert_eq!(&r, &t, "{} changed elsewhere is kept", c.name()),
            }
        }
    }

    /// A clash only where both sides changed the same field, to different values.
    #[test]
    fn a_clash_only_where_both_changed_one_field((theirs, mine, base) in sides()) {
        let out = merge3(&base, &theirs, &mine);
        let both: Vec<Column> = changed(&base, &theirs)
            .into_iter()
            .filter(|c| changed(&base, &mine).contains(c) && c.get(&theirs) != c.get(&mine))
            .collect();
        let clashed: Vec<Column> = out.clashes.iter().map(|k| k.column).collect();
        prop_assert_eq!(clashed, both);
    }

    /// Nothing changed on one side: the result is the other side, with no clash.
    #[test]
    fn one_side_unchanged_gives_the_other((theirs, mine, base) in sides()) {
        let out = merge3(&base, &base, &mine);
        prop_assert!(out.is_clean());
        prop_assert!(changed(&out.record, &mine).is_empty());
        let out = merge3(&base, &theirs, &base);
        prop_assert!(out.is_clean());
        prop_assert!(changed(&out.record, &theirs).is_empty());
    }

    /// Taking "mine" for every clash gives every field this edit changed, and the other side's elsewhere.
    #[test]
    fn choosing_mine_for_the_clashes_applies_the_whole_edit((theirs, mine, base) in sides()) {
        let out = merge3(&base, &theirs, &mine);
        let mut rec = out.record.clone();
        let cols: Vec<Column> = out.clashes.iter().map(|k| k.column).collect();
        take(&mut rec, &mine, &cols);
        for c in changed(&base, &mine) {
            prop_assert_eq!(c.get(&rec), c.get(&mine));
        }
        for c in changed(&base, &theirs) {
            if !changed(&base, &mine).contains(&c) {
                prop_assert_eq!(c.get(&rec), c.get(&theirs));
            }
        }
    }
}

#[test]
fn two_tabs_editing_different_fields_of_one_matter_both_keep_their_input() {
    let base = Matter::new("（2025）京0112行初1号");
    let mut theirs = base.clone();
    theirs.set(Column::Plaintiff, "北京某某有限公司").unwrap();
    let mut mine = base.clone();
    mine.set(Column::Cause, "行政处罚").unwrap();
    let out = merge3(&base, &theirs, &mine);
    assert!(out.is_clean());
    assert_eq!(out.record.plaintiff, "北京某某有限公司");
    assert_eq!(out.record.get(Column::Cause), "行政处罚");
}

#[test]
fn the_same_field_changed_twice_is_a_clash_with_both_values() {
    let base = Matter::new("A");
    let mut theirs = base.clone();
    theirs.set(Column::Plaintiff, "甲").unwrap();
    let mut mine = base.clone();
    mine.set(Column::Plaintiff, "乙").unwrap();
    let out = merge3(&base, &theirs, &mine);
    assert_eq!(
        out.clashes,
        vec![Clash { column: Column::Plaintiff, base: String::new(), theirs: "甲".into(), mine: "乙".into() }]
    );
    assert_eq!(out.record.plaintiff, "甲");
    // Both typed the same: no clash.
    assert!(merge3(&base, &theirs, &theirs).is_clean());
}

#[test]
fn a_cell_kept_as_written_merges_as_written() {
    // A stored 待修正 date (not readable) changed on one side only survives the merge as written.
    let base = Matter::new("A");
    let mut mine = base.clone();
    let _ = mine.set_or_keep(Column::ComplaintReceived, "2025年13月1日");
    let out = merge3(&base, &base, &mine);
    assert_eq!(Column::ComplaintReceived.get(&out.record), "2025年13月1日");
}

#[test]
fn unknown_columns_merge_too() {
    let base = Matter::new("A");
    let mut theirs = base.clone();
    theirs.extra.push(("备注2".into(), "他处".into()));
    let mut mine = base.clone();
    mine.extra.push(("承办人手机".into(), "139".into()));
    let out = merge3(&base, &theirs, &mine);
    assert_eq!(out.record.extra("备注2"), Some("他处"));
    assert_eq!(out.record.extra("承办人手机"), Some("139"));
}

#[test]
fn an_agency_directory_entry_merges_by_field() {
    let mut base = Agency::default();
    base.set(AgencyColumn::Name, "区城管委").unwrap();
    let mut theirs = base.clone();
    let phone = AgencyColumn::ALL.iter().copied().find(|c| c.name() == "联络电话").unwrap();
    let liaison = AgencyColumn::ALL.iter().copied().find(|c| c.name() == "联络员").unwrap();
    theirs.set(phone, "010-1234").unwrap();
    let mut mine = base.clone();
    mine.set(liaison, "吴敏").unwrap();
    let out = merge3(&base, &theirs, &mine);
    assert!(out.is_clean());
    assert_eq!(out.record.get(phone), "010-1234");
    assert_eq!(out.record.get(liaison), "吴敏");
}

#[test]
fn settings_bounds_are_checked_in_one_place() {
    let mut s = Setup::default();
    assert_eq!(s.set(SetupField::WarnDays, "61").unwrap_err(), "「即将到期提醒天数」应为 0 到 60 的整数，收到「61」");
    assert!(s.set(SetupField::WarnDays, "60").is_ok());
    assert!(s.set(SetupField::TimelyDays, "366").is_err());
    assert!(s.set(SetupField::TimelyDays, "365").is_ok());
    assert!(s.set(SetupField::TimelyDays, "-1").is_err());
    assert!(s.set(SetupField::Counting, "工作日").is_ok());
    assert!(s.set(SetupField::Counting, "周").is_err());
    assert!(s.set(SetupField::StartDate, "2025-13-01").is_err());
    assert!(s.set(SetupField::StartDate, "").is_ok());
    for &f in SetupField::ALL {
        assert_eq!(Setup::col_from_name(f.label()), Some(f));
    }
}

#[test]
fn two_tabs_editing_different_settings_keep_both_and_the_weights() {
    let mut reg = Register::default();
    reg.settings.assessment_weights = [10, 20, 30, 20, 20];
    let base = Setup::from_register(&reg);
    let mut theirs = base.clone();
    theirs.set(SetupField::WarnDays, "7").unwrap();
    let mut mine = base.clone();
    mine.set(SetupField::User, "吴敏").unwrap();
    let out = merge3(&base, &theirs, &mine);
    assert!(out.is_clean());
    out.record.apply_to(&mut reg);
    assert_eq!(reg.settings.warn_days, 7);
    assert_eq!(reg.profile.user, "吴敏");
    assert_eq!(reg.settings.assessment_weights, [10, 20, 30, 20, 20], "考核分值 are saved on their own");
    let _ = (Settings::default(), Profile::default());
}
