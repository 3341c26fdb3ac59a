//! The agency-level, periodic duties (`periodic`): 第十八条第二款 (R18B), 第二十三条 and 第二十四条 (R23, R24
//! report duties), 第二十六条 (R26), 第二十八条 (R28 考核表).

mod common;
use common::*;
use yingsu_engine::model::{ActSource, Agency, CaseType::*, Cell, List, Outcome};
use yingsu_engine::periodic::{assessment, periodic_duties, periodic_duty, r18b, r26, ReportPeriod, Submission};
use yingsu_engine::report::{counts_by_agency, self_check_in};
use yingsu_engine::{Calendar, RuleId::*, Settings, Status};

#[test]
fn art_18_2_r3_compound_title_of_a_town_head_counts_as_principal() {
    let mut m = titled("镇党委副书记、镇长");
    m.agency = "某镇政府".into();
    m.handler = "某镇政府".into();
    m.hearing = od("2025-03-10");
    let y = r18b(&[m], "某镇政府", 2025, d("2025-03-11"));
    assert_eq!(y.litigation.len(), 1);
}

#[test]
fn art_18_2_r3_district_government_matters_form_the_district_governments_own_row() {
    let mut g = gov(AdminLitigation);
    g.hearing = od("2025-03-10");
    g.head_name = "赵某".into();
    g.head_title = "区长".into();
    let mut own_m = titled("副局长");
    own_m.hearing = od("2025-03-11");
    let ms = vec![g, own_m];
    let agency = r18b(&ms, "区城管委", 2025, d("2025-03-20"));
    assert_eq!(agency.litigation_hearings, 1, "only its 本机关 matter");
    assert!(agency.litigation.is_empty());
    let district = r18b(&ms, "通州区人民政府", 2025, d("2025-03-20"));
    assert_eq!((district.litigation_hearings, district.litigation.len()), (1, 1));
    // 考核 出庭应诉 (R18A) counts 本机关 matters only; 答辩举证 still counts the 区政府 matter for its 承办机关.
    let mut a = gov(PublicInterest);
    a.hearing = od("2025-03-10");
    a.complaint_received = od("2025-02-01");
    a.answer_filed = od("2025-02-10");
    let sheet = assessment(&[a], &[], "区城管委", 2025, &Calendar::bundled(), &Settings::default(), d("2025-12-31"));
    assert_eq!(sheet.figures[0].total(), 0, "R18A of a 区政府 matter is not the 承办机关's");
    assert_eq!(sheet.figures[1].met.len(), 1);
}

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
fn art_23_r3_reports_from_the_day_the_register_started() {
    let cal = Calendar::bundled();
    let today = d("2026-12-06");
    let all = periodic_duties("区城管委", d("2022-04-28"), &[], &cal, &Settings::default(), today);
    assert!(all.iter().any(|r| r.period == ReportPeriod::Half(2022, 1)));
    let s = Settings { start_date: od("2026-12-01"), ..Settings::default() };
    let log =
        vec![Submission {
            agency: "区城管委".into(), period: ReportPeriod::Half(2024, 1), submitted: d("2024-07-10")
        }];
    let since = periodic_duties("区城管委", d("2022-04-28"), &log, &cal, &s, today);
    assert!(since.iter().all(|r| r.due >= d("2026-12-01") || r.submitted.is_some()), "{since:?}");
    assert!(since.iter().any(|r| r.period == ReportPeriod::Half(2024, 1)), "a 报送记录 keeps its period");
    assert!(!since.iter().any(|r| r.period == ReportPeriod::Half(2025, 1)));
    assert!(since.iter().all(|r| r.status != Status::Overdue), "no 已逾期 on the first day of use");
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
fn art_28_r3_suggestion_figure_counts_own_rows_never_r13b() {
    let mut g = gov(JudicialSuggestion);
    g.suggestion_received = od("2025-03-03");
    g.implementation_reported = od("2025-03-05");
    g.replied = od("2025-03-20");
    let cal = Calendar::bundled();
    let s = Settings::default();
    let agency = assessment(std::slice::from_ref(&g), &[], "区城管委", 2025, &cal, &s, d("2025-12-31"));
    assert_eq!(agency.figures[3].total(), 1, "R13A only");
    let bureau = assessment(&[g], &[], "区司法局", 2025, &cal, &s, d("2025-12-31"));
    assert_eq!(bureau.figures[3].total(), 0, "R13B is not counted");
}

#[test]
fn art_28_r3_rows_count_under_their_responsible_agency() {
    let mut g = gov(AdminLitigation);
    g.bureau_received = od("2025-03-03");
    g.act_source = Some(ActSource::InGovName);
    let mut r11d = r11d_matter();
    r11d.case_no = yingsu_engine::model::CaseNo("R11D".into());
    r11d.original_agency = "区市场监管局".into();
    let b = bureau_matter();
    let ms = vec![g, r11d, b];
    let evals: Vec<_> = ms.iter().map(|m| eval(m, "2025-03-04")).collect();
    let counts = counts_by_agency(&ms, &evals, &[]);
    let names: Vec<&str> = counts.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"区司法局") && names.contains(&"区市场监管局") && names.contains(&"区城管委"), "{names:?}");
    let of = |n: &str| &counts.iter().find(|(x, _)| x == n).unwrap().1;
    // R05 and R06 of the first two matters, and every row of the matter the bureau handles, are 区司法局's.
    let bureau_rows: usize = of("区司法局").by_status.values().sum();
    let expected: usize = evals
        .iter()
        .flat_map(|e| &e.obligations)
        .filter(|o| yingsu_engine::names::is_bureau(&o.responsible, &[]))
        .count();
    assert_eq!(bureau_rows, expected);
    assert_eq!(of("区市场监管局").by_status.values().sum::<usize>(), 1, "R11D");
    // The agency's self-check has no 区司法局 row.
    let check = self_check_in(&ms, &evals, Some("区城管委"), &[]);
    assert!(check.iter().all(|i| !matches!(i.rule, Some(R05 | R06 | R13B | R11D))), "{check:?}");
}

#[test]
fn art_28_r3_a_row_whose_responsible_is_only_the_role_word_counts_for_the_matters_agency() {
    // A 区政府 matter with 应诉承办机关 empty: R08's 责任主体 is the role word 应诉承办机关. 总览 and the
    // self-check count it under the matter's agency (report::owner); 考核 counts it there too.
    let mut m = gov(AdminLitigation);
    m.handler = String::new();
    m.complaint_received = od("2025-03-03");
    m.answer_filed = od("2025-03-05");
    let ev = eval(&m, "2025-06-01");
    assert_eq!(ob(&ev, R08).responsible, "应诉承办机关");
    let a = assessment(&[m], &[], "区城管委", 2025, &Calendar::bundled(), &Settings::default(), d("2025-06-01"));
    assert_eq!(a.figures[1].met.len(), 1, "答辩举证按时: {:?}", a.figures[1]);
}

#[test]
fn art_28_r3_district_government_sheet_is_listed_but_not_ranked() {
    use yingsu_engine::model::DEFAULT_WEIGHTS;
    use yingsu_engine::periodic::score::{rank, score};
    let mut g = gov(AdminLitigation);
    g.hearing = od("2025-03-10");
    g.head_name = "赵某".into();
    g.head_title = "区长".into();
    let ms = vec![g, own(AdminLitigation)];
    let cal = Calendar::bundled();
    let s = Settings::default();
    let mut sheets: Vec<_> = ["区政府", "区城管委"]
        .iter()
        .map(|a| score(&assessment(&ms, &[], a, 2025, &cal, &s, d("2026-01-10")), &DEFAULT_WEIGHTS))
        .collect();
    rank(&mut sheets, &[], true);
    assert_eq!((sheets[0].agency.as_str(), sheets[0].rank), ("区城管委", Some(1)));
    assert_eq!((sheets[1].agency.as_str(), sheets[1].rank), ("区政府", None));
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
