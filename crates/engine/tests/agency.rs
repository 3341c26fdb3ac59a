//! Agency-level and periodic rules (RULES.md §4).

mod common;
use common::*;
use yingsu_engine::model::{Agency, CaseType::*, Cell, List, Outcome};
use yingsu_engine::periodic::{assessment, periodic_duties, periodic_duty, r18b, r26, ReportPeriod, Submission};
use yingsu_engine::{Calendar, Settings, Status};

fn heard(case_type: yingsu_engine::model::CaseType, no: &str, hearing: &str, title: &str) -> yingsu_engine::Matter {
    let mut m = own(case_type);
    m.case_no = yingsu_engine::model::CaseNo(no.into());
    m.hearing = od(hearing);
    m.head_name = "王主任".into();
    m.head_title = title.into();
    m
}

#[test]
fn art_18_2_principal_head_once_in_reconsideration_and_once_in_court_each_year() {
    let ms =
        vec![heard(Reconsideration, "复1", "2025-03-10", "正职"), heard(AdminLitigation, "诉1", "2025-06-10", "正职")];
    let y = r18b(&ms, "区城管委", 2025, d("2025-07-01"));
    assert_eq!(y.status, Status::Compliant);
    assert_eq!((y.reconsideration.len(), y.litigation.len()), (1, 1));
}

#[test]
fn art_18_2_in_progress_before_year_end_violated_after() {
    let ms =
        vec![heard(Reconsideration, "复1", "2025-03-10", "正职"), heard(AdminLitigation, "诉1", "2025-06-10", "副职")];
    assert_eq!(r18b(&ms, "区城管委", 2025, d("2025-12-31")).status, Status::InProgress);
    let y = r18b(&ms, "区城管委", 2025, d("2026-01-01"));
    assert_eq!(y.status, Status::Violation);
    assert!(y.litigation.is_empty(), "a 副职 is not the 主要负责人");
}

#[test]
fn art_18_2_future_hearing_and_other_agency_do_not_count() {
    let mut other = heard(AdminLitigation, "诉2", "2025-02-10", "正职");
    other.agency = "区住建委".into();
    let ms = vec![
        heard(Reconsideration, "复1", "2025-03-10", "正职"),
        heard(AdminLitigation, "诉1", "2025-09-10", "正职"),
        other,
    ];
    // On 09-09 the agency has had no 诉讼 hearing yet (the other agency's does not count): that half is
    // 不适用 (r2), and the 复议 half is met.
    let before = r18b(&ms, "区城管委", 2025, d("2025-09-09"));
    assert_eq!((before.litigation_hearings, before.status), (0, Status::Compliant));
    assert!(before.explanation.contains("不适用（本年度无行政诉讼开庭）"), "{}", before.explanation);
    assert_eq!(r18b(&ms, "区城管委", 2025, d("2025-09-10")).status, Status::Compliant);
}

#[test]
fn art_18_2_r2_no_hearing_of_either_kind_is_not_applicable_never_violated() {
    let y = r18b(&[], "区城管委", 2025, d("2026-03-01"));
    assert_eq!(y.status, Status::NotApplicable);
    // Only 诉讼 hearings, none with the 主要负责人: the 复议 half is 不适用, the 诉讼 half decides.
    let ms = vec![heard(AdminLitigation, "诉1", "2025-06-10", "副局长")];
    let y = r18b(&ms, "区城管委", 2025, d("2026-01-01"));
    assert_eq!(y.status, Status::Violation);
    assert!(y.explanation.contains("参与行政复议审理：不适用（本年度无行政复议审理）"), "{}", y.explanation);
    // The same with a 局长 (classified 正职, §6.15): met.
    let ms = vec![heard(AdminLitigation, "诉1", "2025-06-10", "党组书记、局长")];
    assert_eq!(r18b(&ms, "区城管委", 2025, d("2026-01-01")).status, Status::Compliant);
    // A 书面审理 复议 is no hearing.
    let mut written = heard(Reconsideration, "复1", "2025-03-10", "副局长");
    written.written_review = true;
    let ms = vec![written, heard(AdminLitigation, "诉1", "2025-06-10", "局长")];
    let y = r18b(&ms, "区城管委", 2025, d("2026-01-01"));
    assert_eq!((y.reconsideration_hearings, y.status), (0, Status::Compliant));
}

#[test]
fn art_18_2_r2_matters_without_suoshu_jiguan_belong_to_their_handler() {
    let mut m = heard(Reconsideration, "复1", "2025-03-10", "正职");
    m.agency = String::new();
    m.handler = "区城管委".into();
    let y = r18b(&[m], "区城管委", 2025, d("2025-12-01"));
    assert_eq!(y.reconsideration.len(), 1);
}

#[test]
fn art_23_half_year_report_due_fifteen_days_after_period_end() {
    let cal = Calendar::bundled();
    let s = Settings::default();
    let h1 = periodic_duty("区城管委", ReportPeriod::Half(2025, 1), &[], &cal, &s, d("2025-07-10"));
    assert_eq!((h1.due, h1.status), (d("2025-07-15"), Status::Pending));
    let log =
        vec![Submission {
            agency: "区城管委".into(), period: ReportPeriod::Half(2025, 1), submitted: d("2025-07-14")
        }];
    assert_eq!(
        periodic_duty("区城管委", ReportPeriod::Half(2025, 1), &log, &cal, &s, d("2025-08-01")).status,
        Status::Done
    );
    assert_eq!(
        periodic_duty("区住建委", ReportPeriod::Half(2025, 1), &log, &cal, &s, d("2025-08-01")).status,
        Status::Overdue
    );
    // A setting of 20 days lands on Sunday 2025-07-20 → rolled to Monday.
    let s20 = Settings { report_days: 20, ..Settings::default() };
    assert_eq!(
        periodic_duty("区城管委", ReportPeriod::Half(2025, 1), &[], &cal, &s20, d("2025-07-01")).due,
        d("2025-07-21")
    );
}

#[test]
fn art_24_quarterly_report_periods_and_due_dates() {
    let cal = Calendar::bundled();
    let s = Settings::default();
    let q = ReportPeriod::parse("2025Q4").unwrap();
    assert_eq!((q.start(), q.end()), (d("2025-10-01"), d("2025-12-31")));
    assert_eq!(q.label(), "2025年第四季度");
    assert_eq!(periodic_duty("x", q, &[], &cal, &s, d("2026-01-01")).due, d("2026-01-15"));
    let q3 = ReportPeriod::Quarter(2025, 3);
    assert_eq!(periodic_duty("x", q3, &[], &cal, &s, d("2025-10-01")).due, d("2025-10-15"));
    let all = periodic_duties("x", d("2025-01-01"), &[], &cal, &s, d("2025-08-01"));
    let codes: Vec<String> = all.iter().map(|r| r.period.code()).collect();
    assert_eq!(codes, vec!["2025Q1", "2025H1", "2025Q2", "2025Q3", "2025H2"]);
    assert_eq!(ReportPeriod::parse("2025H3"), None);
    assert_eq!(ReportPeriod::Half(2024, 2).end(), d("2024-12-31"));
    assert_eq!(ReportPeriod::Quarter(2024, 1).end(), d("2024-03-31"));
}

#[test]
fn art_26_qualified_staff_leader_and_liaison() {
    let mut a = Agency {
        staff: List::parse_cell("张三（法律职业资格）；李四").unwrap(),
        leader: "王副主任".into(),
        liaison: "赵科员".into(),
        ..Agency::default()
    };
    assert_eq!(r26(&a).0, Status::Compliant);
    a.staff = List::parse_cell("李四").unwrap();
    a.liaison = String::new();
    let (st, why) = r26(&a);
    assert_eq!(st, Status::Violation);
    assert_eq!(why.len(), 2);
    a.staff = List::parse_cell("钱五（法学背景）").unwrap();
    assert_eq!(r26(&a).1.len(), 1);
}

#[test]
fn art_28_assessment_counts_on_time_and_late_with_the_matters_behind() {
    let mut on_time = own(AdminLitigation);
    on_time.case_no = yingsu_engine::model::CaseNo("A".into());
    on_time.complaint_received = od("2025-03-03");
    on_time.answer_filed = od("2025-03-10");
    let mut late = own(AdminLitigation);
    late.case_no = yingsu_engine::model::CaseNo("B".into());
    late.complaint_received = od("2025-04-01");
    late.outcome = Some(Outcome::Lost);
    late.effective = od("2025-06-01");
    late.perform_by = od("2025-06-30");
    let a = assessment(
        &[on_time, late],
        &[],
        "区城管委",
        2025,
        &Calendar::bundled(),
        &Settings::default(),
        d("2025-12-31"),
    );
    let answer = &a.figures[1];
    assert_eq!(answer.ratio(), "1/2");
    assert_eq!(answer.met[0].0, "A");
    assert_eq!(answer.missed[0].0, "B");
    assert_eq!(a.figures[2].ratio(), "0/1");
    assert_eq!(a.figures[0].ratio(), "—");
}

#[test]
fn art_28_r2_performance_counts_every_effective_row_of_the_year() {
    let perf = |no: &str, effective: &str, by: Option<&str>, done: Option<&str>| {
        let mut m = own(AdminLitigation);
        m.case_no = yingsu_engine::model::CaseNo(no.into());
        m.judgment_received = od(effective);
        m.outcome = Some(Outcome::Lost);
        m.effective = od(effective);
        m.perform_by = by.and_then(od);
        m.performed = done.and_then(od);
        m
    };
    let ms = vec![
        perf("按期", "2025-02-03", Some("2025-03-03"), Some("2025-03-01")),
        perf("逾期", "2025-02-03", Some("2025-03-03"), Some("2025-03-20")),
        perf("未履行", "2025-05-06", None, None), // 及时, open: 久未完成 within the year
        perf("跨年", "2025-11-03", Some("2025-12-01"), Some("2026-01-10")), // done only after the year end
        perf("上年", "2024-11-04", None, None),   // effective in 2024: not this year's row
    ];
    let a = assessment(&ms, &[], "区城管委", 2025, &Calendar::bundled(), &Settings::default(), d("2026-02-01"));
    let f = &a.figures[2];
    assert_eq!(f.ratio(), "1/4");
    assert_eq!(f.met.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), vec!["按期"]);
    assert_eq!(f.detail, "按期履行 1，逾期履行 1，未履行 2");
    // Within the year, an open row counts as 未履行 at today.
    let mid = assessment(&ms, &[], "区城管委", 2025, &Calendar::bundled(), &Settings::default(), d("2025-07-01"));
    assert_eq!(mid.figures[2].detail, "按期履行 1，逾期履行 1，未履行 1");
    // "—" only when the agency has no such row.
    let none = assessment(&[], &[], "区城管委", 2025, &Calendar::bundled(), &Settings::default(), d("2026-02-01"));
    assert_eq!(none.figures[2].ratio(), "—");
}

/// Issue 21: an agency whose only 答辩举证 duty is 待补充 (no 起诉状副本收到日) and whose answer is due later is
/// not told "本年度无应考核事项": the item lists what it did not count and why.
#[test]
fn issue_21_art_28_item_names_what_it_did_not_count() {
    use yingsu_engine::model::DEFAULT_WEIGHTS;
    use yingsu_engine::periodic::score::score;
    let mut a = own(AdminLitigation);
    a.case_no = yingsu_engine::model::CaseNo("缺日期".into());
    a.hearing = od("2025-03-10");
    let mut b = own(AdminLitigation);
    b.case_no = yingsu_engine::model::CaseNo("未到期".into());
    b.complaint_received = od("2025-06-25");
    let ms = vec![a, b];
    let x = assessment(&ms, &[], "区城管委", 2025, &Calendar::bundled(), &Settings::default(), d("2025-06-30"));
    let sheet = score(&x, &DEFAULT_WEIGHTS);
    let answer = &sheet.items[1];
    assert_eq!(answer.figure, "—");
    assert!(!answer.note.contains("无应考核事项"), "{}", answer.note);
    assert!(answer.note.contains("未计入 2 项"), "{}", answer.note);
    let listed: Vec<&str> = answer.uncounted.iter().map(|(c, _)| c.0.as_str()).collect();
    assert!(listed.contains(&"缺日期") && listed.contains(&"未到期"), "{listed:?}");
    assert!(answer.uncounted.iter().any(|(_, s)| *s == Status::MissingData));
}
