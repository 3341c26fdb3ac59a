//! The stored register: saved fixtures of every past schema version load (step-by-step migrations).

mod common;
use common::*;
use yingsu_engine::calendar::{parse_holiday_csv, DayMark, HolidayRow};
use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::store::{stored_schema, LoadError, Register, SCHEMA_VERSION};
use yingsu_engine::Counting;
use yingsu_engine::Matter;

#[test]
fn schema_v1_fixture_loads_with_everything() {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/store-v1.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let r = Register::from_json(&text).unwrap();
    assert_eq!(r.revision, 3);
    assert_eq!(r.matters.len(), 1);
    assert_eq!(r.matters[0].plaintiff, "张某");
    assert_eq!(r.matters[0].extra("自定义列"), Some("保留"));
    // v1 kept 典型案例 and 败诉原因 as unknown columns; from v2 (rules revision 2) they are columns of their own.
    assert!(r.matters[0].typical);
    assert_eq!(r.matters[0].loss_cause, "证据不足");
    assert_eq!(r.matters[0].extra.len(), 1);
    assert_eq!(r.settings.timely_days, 30);
    assert_eq!(r.agencies[0].liaison, "赵某");
    assert_eq!(r.settings.counting, Counting::Working);
    assert_eq!(r.settings.warn_days, 5);
    assert_eq!(r.profile.user, "李某");
    assert!(r.calendar().covers_year(2027));
    assert_eq!(r.audit.len(), 1);
    assert_eq!(r.submissions[0].period, ReportPeriod::Half(2024, 1));
    assert_eq!(r.changes_since_backup, 2);
    // Written back in the current version, it loads to the same register.
    assert_eq!(Register::from_json(&r.to_json()).unwrap(), r);
}

#[test]
fn r3_schema_v2_fixture_loads_and_migrates() {
    // Written by the revision-2 build (schema 2) before revision 3 changed the format.
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/store-v2.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let r = Register::from_json(&text).unwrap();
    assert_eq!(r.matters.len(), 2);
    let m = &r.matters[0];
    assert_eq!(m.head_title, "镇党委副书记、镇长");
    assert_eq!(m.hearing_prepared.map(|d| d.to_string()).as_deref(), Some("2024-06-18"));
    // The clerk's own 开庭时间 column (unknown to revision 2) is now the column of that name.
    assert_eq!(m.hearing_time.map(|t| t.to_string()).as_deref(), Some("09:30"));
    assert_eq!(m.extra("自定义列"), Some("保留"));
    assert_eq!(m.extra("开庭时间"), None);
    assert_eq!(m.standing, None);
    // 开始使用日期 (§7.18): the day of the earliest audit entry.
    assert_eq!(r.settings.start_date.map(|d| d.to_string()).as_deref(), Some("2024-05-06"));
    assert_eq!(r.settings.counting, Counting::Working);
    // Written back in the current version, it loads to the same register, and the setting is kept.
    let again = Register::from_json(&r.to_json()).unwrap();
    assert_eq!(again, r);
    assert!(r.to_backup_json().contains("\"start_date\":\"2024-05-06\""));
}

#[test]
fn the_current_version_is_the_newest_fixture() {
    // A new schema version needs a migration step and a fixture of the version before it: the fixtures are
    // exactly store-v1.json … store-v{current − 1}.json, each written by its version, and each loads and is saved
    // again in the current one.
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut versions: Vec<u64> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_prefix("store-v")?.strip_suffix(".json")?.parse().ok())
        .collect();
    versions.sort_unstable();
    assert_eq!(versions, (1..SCHEMA_VERSION).collect::<Vec<_>>(), "one stored fixture per past schema version");
    for v in versions {
        let text = std::fs::read_to_string(format!("{dir}/store-v{v}.json")).unwrap();
        assert_eq!(stored_schema(&text), Some(v), "store-v{v}.json is written by version {v}");
        let saved = Register::from_json(&text).unwrap().to_json();
        assert_eq!(stored_schema(&saved), Some(SCHEMA_VERSION), "store-v{v}.json saved again");
    }
    // A version newer than this build knows is refused.
    let newer = format!(r#"{{"schema":{},"revision":1}}"#, SCHEMA_VERSION + 1);
    assert_eq!(Register::from_json(&newer), Err(LoadError::FutureVersion(SCHEMA_VERSION + 1)));
}

/// Issue 21: the agency's own R23/R24 list holds every period 区司法局's 总览 shows for it, in the same state
/// 区司法局 computes from the agency's reports.csv — also for periods before its first matter.
#[test]
fn issue_21_own_periodic_duties_cover_what_the_bureau_sees_in_the_same_state() {
    use yingsu_engine::model::{CaseType, Defendant, Matter};
    use yingsu_engine::periodic::{periodic_duty, recent_periods, Submission};
    let today = chrono::NaiveDate::from_ymd_opt(2025, 7, 20).unwrap();
    let mut r = Register::default();
    r.profile.agency = "区城管委".into();
    let mut m = Matter::new("M-1");
    m.case_type = CaseType::AdminLitigation;
    m.defendant = Defendant::OwnAgency;
    m.agency = "区城管委".into();
    m.complaint_received = chrono::NaiveDate::from_ymd_opt(2025, 5, 6);
    r.matters.push(m);
    r.submissions.push(Submission {
        agency: "区城管委".into(),
        period: ReportPeriod::Quarter(2025, 1),
        submitted: chrono::NaiveDate::from_ymd_opt(2025, 5, 6).unwrap(),
    });
    let cal = r.calendar();
    let (_, own) = r.own_periodic_duties(&cal, today).unwrap();
    for p in recent_periods(today) {
        let bureau = periodic_duty("区城管委", p, &r.submissions, &cal, &r.settings, today);
        let mine = own
            .iter()
            .find(|d| d.period == p)
            .unwrap_or_else(|| panic!("{} missing from the agency's list", p.label()));
        assert_eq!((mine.status, mine.due), (bureau.status, bureau.due), "{}", p.label());
    }
}

#[test]
fn issue_22_a_backup_whose_holidays_cover_every_day_restores_without_them() {
    let mut reg = Register::default();
    reg.save_matter(None, Matter::new("K1"), "u", "t").unwrap();
    let mut day = d("1950-01-01");
    while day <= d("2099-12-31") {
        reg.holidays.push(HolidayRow { date: day, kind: DayMark::Holiday, name: "假".into() });
        day = day.succ_opt().unwrap();
    }
    let good = parse_holiday_csv("date,kind,name\n2027-01-01,holiday,元旦\n").unwrap();
    let mut back = Register::from_json(&reg.to_backup_json()).unwrap();
    let (problems, dropped) = back.drop_unsound_holidays(d("2026-12-01"));
    assert_eq!(dropped, 54_787);
    assert!(problems[0].contains("不在今年前后 5 年"), "{problems:?}");
    assert!(back.holidays.is_empty());
    assert_eq!(back.matters.len(), 1, "the rest restores");
    // A sound backup keeps its rows.
    back.holidays = good.clone();
    assert_eq!(back.drop_unsound_holidays(d("2026-12-01")), (vec![], 0));
    assert_eq!(back.holidays, good);
}

#[test]
fn issue_22_a_bad_holiday_date_or_audit_entry_is_set_aside_and_the_rest_loads() {
    let mut reg = Register::default();
    reg.save_matter(None, Matter::new("K1"), "u", "2025-01-01 09:00").unwrap();
    reg.holidays = parse_holiday_csv("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-04,holiday,补\n").unwrap();
    let stored = reg.to_json().replace("\"2027-01-04\"", "\"2027-02-30\"").replace("\"user\":\"u\"", "\"user\":7");
    let back = Register::from_json(&stored).expect("one bad cell does not cost the rest");
    assert_eq!(back.matters.len(), 1);
    assert_eq!(back.holidays.len(), 1);
    assert!(back.audit.is_empty());
    let lists: Vec<&str> = back.set_aside.iter().map(|a| a.list.as_str()).collect();
    assert_eq!(lists, vec!["holidays", "audit"]);
    assert!(back.set_aside[0].raw.contains("2027-02-30"));
    assert!(back.set_aside[0].to_string().starts_with("追加节假日："), "{}", back.set_aside[0]);
    // Stored again, the entries set aside are kept (nothing lost), and listed again on the next load.
    let again = Register::from_json(&back.to_json()).unwrap();
    assert_eq!(again.set_aside, back.set_aside);
}

#[test]
fn issue_22_stored_lookalike_case_numbers_are_flagged_and_merge_or_rename_makes_saving_work() {
    let full = "（2025）京0112行初1号";
    let half = "(2025)京0112行初1号";
    let text = format!(
        "{{\"schema\":2,\"revision\":3,\"matters\":\"案号,案件类型,被告类型,原告,案由\\r\\n{full},行政诉讼,本机关,甲,\\r\\n{half},行政诉讼,本机关,乙,处罚\\r\\nZ,行政诉讼,本机关,,\\r\\n\",\"agencies\":\"机关名称\\r\\n\",\"settings\":{{}},\"profile\":{{}}}}"
    );
    let reg = Register::from_json(&text).unwrap();
    assert_eq!(reg.lookalike_groups(), vec![vec![0, 1]]);
    // Saving either is refused while the other exists…
    let mut m = reg.matters[0].clone();
    m.remarks = "改".into();
    assert!(reg.clone().save_matter(Some(full), m.clone(), "u", "t").is_err());
    // …merging keeps the first's spelling and values, fills its empty fields, and lists the differing ones.
    let mut merged = reg.clone();
    assert_eq!(merged.merge_lookalike(full, half, "u", "t"), Ok(vec!["原告".to_string()]));
    assert_eq!(merged.matters.len(), 2);
    let k = merged.find(full).unwrap();
    assert_eq!((k.plaintiff.as_str(), k.cause.as_str()), ("甲", "处罚"));
    assert!(merged.lookalike_groups().is_empty());
    assert!(merged
        .save_matter(
            Some(full),
            {
                let mut x = merged.find(full).unwrap().clone();
                x.remarks = "改".into();
                x
            },
            "u",
            "t"
        )
        .is_ok());
    // …or renaming one makes both savable.
    let mut renamed = reg.clone();
    assert!(renamed.rename_matter(half, "（2025）京0112行初1号之二", "u", "t").is_ok());
    assert!(renamed.rename_matter(half, "x", "u", "t").is_err(), "gone under its old 案号");
    assert!(renamed.lookalike_groups().is_empty());
    assert!(renamed.save_matter(Some(full), m, "u", "t").is_ok());
}
