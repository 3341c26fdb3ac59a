//! Issue 22, "Bad input, round three": no false success, no stacked limits, no silent all-zero answers.
//! The engine's side; the CLI's is in `cli.rs`, the page's in `tests/e2e/45-bad-input-3.test.mjs`.

use chrono::NaiveDate;
use yingsu_engine::calendar::{check_holiday_change, merge_rows, parse_holiday_csv, DayMark, HolidayRow};
use yingsu_engine::codec::{import_text, ImportError, MAX_ROWS};
use yingsu_engine::exchange::{apply_submissions, import_submissions, preview_submissions, SubmissionsImport};
use yingsu_engine::periodic::{ReportPeriod, Submission};
use yingsu_engine::store::Register;
use yingsu_engine::text::{match_name, NameMatch};
use yingsu_engine::Matter;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn reports(text: &str) -> SubmissionsImport {
    import_submissions(text).unwrap()
}

const RH: &str = "机关名称,报告,期间,报送日\n";

#[test]
fn issue_22_trailing_empty_rows_do_not_count_toward_the_row_limit() {
    let mut text = String::from("案号,案件类型,被告类型\n");
    for i in 0..MAX_ROWS {
        text.push_str(&format!("A{i},行政诉讼,本机关\n"));
    }
    for tail in [",,\n,,\n,,\n", " , , \r\n", "\"\",,\n"] {
        let imp = import_text::<Matter>(&format!("{text}{tail}"), "UTF-8").expect(tail);
        assert_eq!(imp.rows.len(), MAX_ROWS, "{tail:?}");
    }
    // One more real row is still refused.
    let e = import_text::<Matter>(&format!("{text}X,行政诉讼,本机关\n,,\n"), "UTF-8").unwrap_err();
    assert!(e.to_string().contains("超过 100000 行"), "{e}");
}

#[test]
fn issue_22_a_quote_inside_an_unquoted_cell_is_a_notice() {
    let imp = import_text::<Matter>(
        "案号,案件类型,被告类型,原告\nA,行政诉讼,本机关,\"王\"五\nB,行政诉讼,本机关,王\"五\"\nC,行政诉讼,本机关,\"王\"\"五\"\n",
        "UTF-8",
    )
    .unwrap();
    assert!(imp.is_clean());
    let at: Vec<(usize, &str)> = imp.notices.iter().map(|n| (n.row, n.column.as_str())).collect();
    assert_eq!(at, vec![(2, "原告"), (3, "原告")], "a well-quoted cell is no notice: {:?}", imp.notices);
    assert!(imp.notices[0].message.contains("已按「王五」读取"), "{}", imp.notices[0]);
    assert!(imp.notices[1].message.contains("已按「王\"五\"」读取"), "{}", imp.notices[1]);
    // reports.csv says it too.
    let r = reports(&format!("{RH}\"区城\"管委,R23,2025H1,2025-07-10\n"));
    assert_eq!((r.notices[0].row, r.notices[0].column.as_str()), (2, "机关名称"));
}

#[test]
fn issue_22_reports_csv_repeated_key_is_a_located_error_and_the_first_row_is_kept() {
    let r = reports(&format!(
        "{RH}区城管委,R23,2025H1,2025-07-10\n区住建委,R23,2025H1,2025-07-11\n区城管委,R23,2025h1,2025-07-20\n"
    ));
    assert_eq!(r.invalid_rows, 1);
    assert_eq!((r.errors[0].row, r.errors[0].column.as_str()), (4, "期间"));
    assert!(r.errors[0].message.contains("第2行为 2025-07-10，本行为 2025-07-20"), "{}", r.errors[0]);
    let p = preview_submissions(&[], &[], &[("r.csv".into(), r)]);
    assert_eq!((p.new.len(), p.errors.len()), (2, 1));
    assert!(!p.can_commit());
    let mut log = vec![];
    assert!(apply_submissions(&mut log, &p).is_err());
    assert!(log.is_empty(), "nothing written from a file with errors");
    // The same key in two files with different dates: an error on the later file's row.
    let a = reports(&format!("{RH}区城管委,R23,2025H1,2025-07-10\n"));
    let b = reports(&format!("{RH}区城管委,R23,2025H1,2025-07-12\n"));
    let p = preview_submissions(&[], &[], &[("a.csv".into(), a), ("b.csv".into(), b)]);
    assert_eq!(p.invalid_rows, 1);
    assert_eq!((p.errors[0].0.as_str(), p.errors[0].1.row), ("b.csv", 2));
}

#[test]
fn issue_22_reports_csv_changed_date_is_shown_before_and_after() {
    let log = vec![Submission {
        agency: "区城管委".into(),
        period: ReportPeriod::Half(2025, 1),
        submitted: day("2025-07-20"),
    }];
    let older = reports(&format!("{RH}区城管委,R23,2025H1,2025-07-10\n"));
    let p = preview_submissions(&log, &[], &[("old.csv".into(), older)]);
    assert_eq!(p.changed.len(), 1);
    let c = &p.changed[0];
    assert_eq!((c.old, c.entry.submitted), (Some(day("2025-07-20")), day("2025-07-10")));
    assert!(c.moves_back(), "an older file moves 报送日 back: flagged");
    let mut mine = log.clone();
    assert_eq!(apply_submissions(&mut mine, &p), Ok((0, 1)));
    assert_eq!(mine[0].submitted, day("2025-07-10"));
    // A preview made before the log changed (another tab) is refused.
    let mut other = log.clone();
    other[0].submitted = day("2025-07-25");
    assert!(apply_submissions(&mut other, &p).unwrap_err().contains("重新预览"));
}

#[test]
fn issue_22_reports_csv_agency_names_match_like_case_numbers() {
    let log = vec![Submission {
        agency: "区城管委".into(),
        period: ReportPeriod::Half(2025, 1),
        submitted: day("2025-07-10"),
    }];
    let r = reports(&format!("{RH}区城管委\u{200b},R24,2025Q3,2025-10-15\n区城管委,R23,2025H1,2025-07-10\n"));
    assert_eq!((r.warnings.len(), r.warnings[0].column.as_str()), (1, "机关名称"));
    let p = preview_submissions(&log, &[], &[("r.csv".into(), r)]);
    assert_eq!((p.new.len(), p.unchanged), (1, 1));
    assert_eq!(p.new[0].entry.agency, "区城管委", "the recorded spelling, not a second agency");
    assert_eq!(p.lookalikes.len(), 1);
    // A new agency takes the spelling of 机关名录 (full width / half width alike).
    let r = reports(&format!("{RH}区住建委（二）,R23,2025H1,2025-07-10\n"));
    let p = preview_submissions(&[], &["区住建委(二)"], &[("r.csv".into(), r)]);
    assert_eq!(p.new[0].entry.agency, "区住建委(二)");
}

#[test]
fn issue_22_reports_csv_has_the_row_limit_of_the_other_files() {
    let mut text = String::from(RH);
    for i in 0..=MAX_ROWS {
        text.push_str(&format!("机关{i},R23,2025H1,2025-07-10\n"));
    }
    match import_submissions(&text) {
        Err(ImportError::File(e)) => assert!(e.to_string().contains("超过 100000 行"), "{e}"),
        other => panic!("expected a refused file, got {:?}", other.map(|r| r.rows.len())),
    }
}

#[test]
fn issue_22_reports_csv_merge_is_linear() {
    // 100,000 rows into a log of 100,000 entries: a per-row search of the log (24.5 s in a release build
    // before) cannot meet this bound even in a debug build.
    let mut text = String::from(RH);
    let mut log = Vec::new();
    for i in 0..MAX_ROWS {
        text.push_str(&format!("机关{i},R23,2025H1,2025-07-10\n"));
        log.push(Submission {
            agency: format!("机关{}", i + MAX_ROWS / 2),
            period: ReportPeriod::Half(2025, 1),
            submitted: day("2025-07-09"),
        });
    }
    let t = std::time::Instant::now();
    let r = reports(&text);
    let p = preview_submissions(&log, &[], &[("big.csv".into(), r)]);
    assert_eq!((p.new.len(), p.changed.len()), (MAX_ROWS / 2, MAX_ROWS / 2));
    assert_eq!(apply_submissions(&mut log, &p), Ok((MAX_ROWS / 2, MAX_ROWS / 2)));
    let el = t.elapsed();
    assert!(el.as_secs() < 30, "100,000 rows merged in {el:?}");
}

fn forty_weekdays(from: &str) -> Vec<HolidayRow> {
    let mut d = day(from);
    let mut rows = Vec::new();
    while rows.len() < 40 {
        if chrono::Datelike::weekday(&d).number_from_monday() <= 5 {
            rows.push(HolidayRow { date: d, kind: DayMark::Holiday, name: "测试".into() });
        }
        d = d.succ_opt().unwrap();
    }
    rows
}

#[test]
fn issue_22_the_holiday_cap_counts_the_calendar_after_the_change() {
    let today = day("2026-12-01");
    let (a, b) = (forty_weekdays("2027-02-01"), forty_weekdays("2027-06-01"));
    let mut added = Vec::new();
    assert!(check_holiday_change(&added, &a, today).is_empty(), "40 in one file are allowed");
    merge_rows(&mut added, a.clone());
    let e = check_holiday_change(&added, &b, today);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("2027 年在工作日放假 80 天，超过 40 天（其中 40 天是已有的安排）"), "{}", e[0]);
    // Re-importing the same file replaces its rows: nothing stacks.
    assert!(check_holiday_change(&added, &a, today).is_empty());
    // A bundled year counts its own notice: 2026 already has its weekday holidays.
    let c = forty_weekdays("2026-03-02");
    assert!(!check_holiday_change(&[], &c, today).is_empty());
}

#[test]
fn issue_22_a_backup_whose_holidays_cover_every_day_restores_without_them() {
    let mut reg = Register::default();
    reg.save_matter(None, Matter::new("K1"), "u", "t").unwrap();
    let mut d = day("1950-01-01");
    while d <= day("2099-12-31") {
        reg.holidays.push(HolidayRow { date: d, kind: DayMark::Holiday, name: "假".into() });
        d = d.succ_opt().unwrap();
    }
    let good = parse_holiday_csv("date,kind,name\n2027-01-01,holiday,元旦\n").unwrap();
    let mut back = Register::from_json(&reg.to_backup_json()).unwrap();
    let (problems, dropped) = back.drop_unsound_holidays(day("2026-12-01"));
    assert_eq!(dropped, 54_787);
    assert!(problems[0].contains("不在今年前后 5 年"), "{problems:?}");
    assert!(back.holidays.is_empty());
    assert_eq!(back.matters.len(), 1, "the rest restores");
    // A sound backup keeps its rows.
    back.holidays = good.clone();
    assert_eq!(back.drop_unsound_holidays(day("2026-12-01")), (vec![], 0));
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

#[test]
fn issue_22_an_agency_name_not_in_the_data_gets_the_nearest_names() {
    let names = ["区城管委", "区住建委", "区司法局"];
    assert_eq!(match_name("区城管委", names), NameMatch::Exact("区城管委".into()));
    assert_eq!(match_name(" 区城管委 ", names), NameMatch::Lookalike("区城管委".into()));
    assert_eq!(match_name("区城管委\u{200b}", names), NameMatch::Lookalike("区城管委".into()));
    assert_eq!(match_name("区城管", names), NameMatch::Unknown(vec!["区城管委".into()]));
    assert_eq!(match_name("教育局", names), NameMatch::Unknown(vec![]));
}
