//! The stored register: saved fixtures of every past schema version load (step-by-step migrations).

use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::store::{LoadError, Register, SCHEMA_VERSION};
use yingsu_engine::Counting;

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
    // A new schema version needs a migration step and a fixture of the version before it.
    assert_eq!(SCHEMA_VERSION, 3);
    let v4 = r#"{"schema":4,"revision":1}"#;
    assert_eq!(Register::from_json(v4), Err(LoadError::FutureVersion(4)));
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
