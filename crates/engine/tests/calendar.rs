//! Calendar edges: every 2025 and 2026 holiday block, 调休 workdays, the 2020 春节 extension,
//! month ends, and properties of period counting.

mod common;
use chrono::{Datelike, Duration, NaiveDate};
use common::*;
use proptest::prelude::*;
use yingsu_engine::calendar::{check_holiday_change, merge_rows, DayMark, HolidayRow};
use yingsu_engine::calendar::{parse_holiday_csv, DayKind};
use yingsu_engine::period::{compute, Period};
use yingsu_engine::Calendar;

/// (first day, last day, the first working day after) for every block of the 2025 and 2026 notices.
const BLOCKS: &[(&str, &str, &str, &str)] = &[
    ("2025 元旦", "2025-01-01", "2025-01-01", "2025-01-02"),
    ("2025 春节", "2025-01-28", "2025-02-04", "2025-02-05"),
    ("2025 清明", "2025-04-04", "2025-04-06", "2025-04-07"),
    ("2025 劳动节", "2025-05-01", "2025-05-05", "2025-05-06"),
    ("2025 端午", "2025-05-31", "2025-06-02", "2025-06-03"),
    ("2025 国庆中秋", "2025-10-01", "2025-10-08", "2025-10-09"),
    ("2026 元旦", "2026-01-01", "2026-01-03", "2026-01-04"), // 01-04 is a Sunday 调休 workday
    ("2026 春节", "2026-02-15", "2026-02-23", "2026-02-24"),
    ("2026 清明", "2026-04-04", "2026-04-06", "2026-04-07"),
    ("2026 劳动节", "2026-05-01", "2026-05-05", "2026-05-06"),
    ("2026 端午", "2026-06-19", "2026-06-21", "2026-06-22"),
    ("2026 中秋", "2026-09-25", "2026-09-27", "2026-09-28"),
    ("2026 国庆", "2026-10-01", "2026-10-07", "2026-10-08"),
];

#[test]
fn every_day_of_every_2025_2026_block_rolls_to_the_first_working_day_after() {
    let cal = Calendar::bundled();
    for (name, first, last, next) in BLOCKS {
        let (first, last, next) = (d(first), d(last), d(next));
        let mut day = first;
        while day <= last {
            assert!(cal.is_rest_day(day), "{name} {day}");
            assert_eq!(cal.roll_forward(day), next, "{name}: {day}");
            day += Duration::days(1);
        }
        assert!(cal.is_working_day(next), "{name}: {next}");
        // A 15-day court period landing on the block's first day rolls past the whole block.
        let trigger = first - Duration::days(15);
        let due = compute(&cal, trigger, "起诉状副本收到日", Period::Days(15));
        assert_eq!(due.date, Some(next), "{name}");
        assert!(due.explanation.contains("顺延至"), "{name}: {}", due.explanation);
    }
}

#[test]
fn makeup_workdays_2025_2026_are_working_days_and_end_periods() {
    let cal = Calendar::bundled();
    for w in [
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ] {
        let w = d(w);
        assert!(matches!(cal.day_kind(w), DayKind::MakeupWorkday(_)), "{w}");
        assert!(cal.is_working_day(w), "{w}");
        let due = compute(&cal, w - Duration::days(10), "x", Period::Days(10));
        assert_eq!(due.date, Some(w), "{w}");
        assert!(due.explanation.contains("调休上班日，不顺延"));
    }
}

#[test]
fn spring_festival_2020_extension_is_a_holiday_and_cancels_the_feb_1_makeup_day() {
    let cal = Calendar::bundled();
    for day in ["2020-01-31", "2020-02-01", "2020-02-02"] {
        assert!(cal.is_rest_day(d(day)), "{day}");
    }
    // 2020-01-17 + 15 = 02-01: no longer a workday (国办发明电〔2020〕1号) → 02-03.
    let due = compute(&cal, d("2020-01-17"), "起诉状副本收到日", Period::Days(15));
    assert_eq!(due.date, Some(d("2020-02-03")));
}

#[test]
fn eve_of_spring_festival_2024_is_a_working_day() {
    assert!(Calendar::bundled().is_working_day(d("2024-02-09")));
}

#[test]
fn reconsideration_working_days_across_national_day_2025() {
    // RULES.md §5: Fri 09-26 → 10 working days = Thu 10-16 (09-28 and 10-11 count).
    let due = compute(&Calendar::bundled(), d("2025-09-26"), "起诉状副本收到日", Period::WorkingDays(10));
    assert_eq!(due.date, Some(d("2025-10-16")));
}

#[test]
fn months_periods_at_month_ends() {
    let cal = Calendar::bundled();
    let m2 = |s: &str| compute(&cal, d(s), "建议收到日", Period::Months(2)).date.unwrap();
    assert_eq!(m2("2023-12-31"), d("2024-02-29")); // leap year
    assert_eq!(m2("2024-12-31"), d("2025-02-28"));
    assert_eq!(m2("2025-12-31"), d("2026-02-28")); // Sat, 春节调休上班日
    assert_eq!(m2("2025-08-31"), d("2025-10-31"));
    assert_eq!(m2("2025-07-31"), d("2025-09-30"));
    assert_eq!(m2("2025-11-30"), d("2026-01-30"));
    assert_eq!(m2("2025-12-01"), d("2026-02-02"));
}

#[test]
fn loaded_2027_notice_removes_the_uncovered_note() {
    let mut cal = Calendar::bundled();
    let before = compute(&cal, d("2026-12-20"), "起诉状副本收到日", Period::Days(15));
    assert!(before.uncovered_year);
    let rows = parse_holiday_csv("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-04,holiday,假想调整\n").unwrap();
    cal.add_rows(&rows);
    let after = compute(&cal, d("2026-12-20"), "起诉状副本收到日", Period::Days(15));
    assert!(!after.uncovered_year);
    assert_eq!(after.date, Some(d("2027-01-05")));
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..(9 * 366)).prop_map(|n| d("2018-01-01") + Duration::days(n))
}

proptest! {
    #[test]
    fn rolled_due_date_is_a_working_day_never_before_trigger(t in any_date(), n in 0u32..70) {
        let cal = Calendar::bundled();
        for p in [Period::Days(n), Period::Months(n % 13), Period::WorkingDays(n)] {
            let due = compute(&cal, t, "x", p).date.unwrap();
            prop_assert!(cal.is_working_day(due) || n == 0 && matches!(p, Period::WorkingDays(_)), "{p:?} {t} → {due}");
            prop_assert!(due >= t);
        }
    }

    #[test]
    fn later_trigger_never_gives_earlier_due(a in any_date(), gap in 0i64..40, n in 1u32..40) {
        let cal = Calendar::bundled();
        let b = a + Duration::days(gap);
        for p in [Period::Days(n), Period::WorkingDays(n), Period::Months(n % 13)] {
            prop_assert!(compute(&cal, b, "x", p).date >= compute(&cal, a, "x", p).date, "{p:?} {a} {b}");
        }
    }

    #[test]
    fn n_working_days_counts_exactly_n_working_days(t in any_date(), n in 0u32..40) {
        let cal = Calendar::bundled();
        let due = cal.nth_working_day_after(t, n);
        let mut count = 0;
        let mut day = t + Duration::days(1);
        while day <= due {
            if cal.is_working_day(day) { count += 1; }
            day += Duration::days(1);
        }
        prop_assert_eq!(count, n);
        prop_assert!(n == 0 || cal.is_working_day(due));
    }

    #[test]
    fn natural_days_skip_nothing_inside_the_period(t in any_date(), n in 1u32..40) {
        // Holidays inside the period are counted; only the last day rolls.
        let cal = Calendar::bundled();
        let raw = t + Duration::days(i64::from(n));
        let due = compute(&cal, t, "x", Period::Days(n)).date.unwrap();
        prop_assert_eq!(due, cal.roll_forward(raw));
        let mut day = raw;
        while day < due { prop_assert!(cal.is_rest_day(day)); day += Duration::days(1); }
        prop_assert!(due.year() >= t.year());
    }
}

// ---------------------------------------------------------------- RULES.md §6.17 (r2): holiday provenance

#[test]
fn r2_every_bundled_year_names_its_state_council_notice() {
    use yingsu_engine::calendar::bundled_notices;
    let notices = bundled_notices();
    let cal = Calendar::bundled();
    for y in cal.years() {
        assert!(notices.iter().any(|n| n.year == y), "{y} has no notice");
    }
    // 2019 and 2020 each had a second notice (劳动节 changed; 春节 extended).
    assert_eq!(notices.iter().filter(|n| n.year == 2020).count(), 2);
    let ext = notices.iter().find(|n| n.title.contains("延长2020年春节假期")).unwrap();
    assert_eq!(ext.published, d("2020-01-27"));
    assert!(notices.iter().any(|n| n.year == 2026 && n.title == "国务院办公厅关于2026年部分节假日安排的通知"));
}

#[test]
fn r2_an_imported_year_must_name_its_notice() {
    use yingsu_engine::calendar::{notices_for_import, parse_holiday_csv};
    let rows = parse_holiday_csv("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday,春节\n").unwrap();
    assert!(notices_for_import(&rows, "  ", "2026-11-10", "").unwrap_err().contains("通知名称"));
    assert!(notices_for_import(&rows, "国务院办公厅关于2027年部分节假日安排的通知", "", "")
        .unwrap_err()
        .contains("发布日期"));
    let n = notices_for_import(&rows, "国务院办公厅关于2027年部分节假日安排的通知", "2026/11/10", "").unwrap();
    assert_eq!((n.len(), n[0].year, n[0].published), (1, 2027, d("2026-11-10")));
    let mut reg = yingsu_engine::store::Register::default();
    reg.add_holidays(rows, n);
    assert!(reg.calendar().covers_year(2027));
    assert!(reg.notices().iter().any(|x| x.year == 2027 && x.title.contains("2027")));
    // The register round-trips through storage with its notices.
    let back = yingsu_engine::store::Register::from_json(&reg.to_json()).unwrap();
    assert_eq!(back.holiday_notices, reg.holiday_notices);
    assert_eq!(String::from_utf8(yingsu_engine::calendar::holiday_template()).unwrap(), "\u{feff}date,kind,name\r\n");
}

#[test]
fn r2_a_holiday_import_lists_the_obligations_it_moves() {
    use yingsu_engine::calendar::parse_holiday_csv;
    use yingsu_engine::model::CaseType;
    use yingsu_engine::rules::changes;
    use yingsu_engine::{evaluate, RuleId, Settings};
    // 起诉状副本 2026-12-20 + 15 = 2027-01-04 (Mon, no notice yet). Suppose 2027's notice makes 01-04 a holiday.
    let mut m = own(CaseType::AdminLitigation);
    m.complaint_received = od("2026-12-20");
    let before_cal = Calendar::bundled();
    let mut after_cal = Calendar::bundled();
    after_cal.add_rows(&parse_holiday_csv("date,kind,name\n2027-01-04,holiday,元旦\n").unwrap());
    let t = d("2026-12-21");
    let b = vec![evaluate(&m, &before_cal, &Settings::default(), t)];
    let a = vec![evaluate(&m, &after_cal, &Settings::default(), t)];
    let ch = changes(&b, &a);
    assert_eq!(ch.len(), 1, "{ch:?}");
    assert_eq!(ch[0].rule, RuleId::R14);
    assert_eq!(ch[0].before.unwrap().0, od("2027-01-04"));
    assert_eq!(ch[0].after.unwrap().0, od("2027-01-05"));
    // Nothing moves: nothing listed.
    assert!(changes(&b, &b).is_empty());
}

fn forty_weekdays(from: &str) -> Vec<HolidayRow> {
    let mut day = d(from);
    let mut rows = Vec::new();
    while rows.len() < 40 {
        if chrono::Datelike::weekday(&day).number_from_monday() <= 5 {
            rows.push(HolidayRow { date: day, kind: DayMark::Holiday, name: "测试".into() });
        }
        day = day.succ_opt().unwrap();
    }
    rows
}

#[test]
fn issue_22_the_holiday_cap_counts_the_calendar_after_the_change() {
    let today = d("2026-12-01");
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
