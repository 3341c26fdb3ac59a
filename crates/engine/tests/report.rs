//! Reports over a fixture register whose figures were computed by hand here.

mod common;
use common::*;
use std::process::Command;
use yingsu_engine::model::Column;
use yingsu_engine::model::{CaseNo, CaseType::*, Instance, JudgmentType, Outcome};
use yingsu_engine::periodic::{periodic_duty, ReportPeriod, Submission};
use yingsu_engine::report::{
    half_year, quarter_losses, quarter_review_corrections, self_check, self_check_period, verdict,
};
use yingsu_engine::{evaluate, Calendar, Matter, Settings, Status};

fn m(no: &str, agency: &str) -> Matter {
    let mut x = own(AdminLitigation);
    x.case_no = CaseNo(no.into());
    x.agency = agency.into();
    x.handler = String::new();
    x
}

/// Matters of 区城管委 (one recorded only as 应诉承办机关), one of 区住建委, around 2025 H1. Figures by hand in
/// the tests below, with RULES.md §4.1's definitions.
fn register() -> Vec<Matter> {
    let mut a = m("A", "区城管委"); // intake 01-01 (first day), closed 06-30 (last day), won; 局长 at the hearing
    a.complaint_received = od("2025-01-01");
    a.judgment_type = Some(JudgmentType::Judgment);
    a.judgment_received = od("2025-06-30");
    a.outcome = Some(Outcome::Won);
    a.hearing = od("2025-04-01");
    a.head_name = "王某".into();
    a.head_title = "局长".into();
    let mut b = m("B", "区城管委"); // 复议: intake 06-30, decided 06-15 against the agency (复议纠错); 科长 heard
    b.case_type = Reconsideration;
    b.complaint_received = od("2025-06-30");
    b.judgment_type = Some(JudgmentType::ReconsiderationDecision);
    b.judgment_received = od("2025-06-15");
    b.outcome = Some(Outcome::Lost);
    b.loss_report = od("2025-06-18");
    b.hearing = od("2025-05-10");
    b.head_name = "张某".into();
    b.head_title = "科长".into();
    b.loss_cause = "程序违法".into();
    b.typical = true;
    let mut c = m("C", "区城管委"); // intake 2024-12-31 (outside), closed 2025-07-01 (outside)
    c.complaint_received = od("2024-12-31");
    c.judgment_received = od("2025-07-01");
    c.outcome = Some(Outcome::Lost);
    let mut d = m("D", "区城管委"); // a 司法建议: 收到建议, never a 新收案件
    d.case_type = JudicialSuggestion;
    d.suggestion_received = od("2025-03-01");
    let mut d2 = m("D2", "区城管委"); // partly lost in Q1, effective 04-10, performed 04-20 (及时: on time); 村委会
    d2.complaint_received = od("2025-02-10");
    d2.judgment_received = od("2025-03-20");
    d2.outcome = Some(Outcome::PartlyLost);
    d2.effective = od("2025-04-10");
    d2.performed = od("2025-04-20");
    d2.village = true;
    let mut e = m("E", "区城管委"); // 二审, intake by 办理函收到日, withdrawn
    e.instance = Some(Instance::Second);
    e.letter_received = od("2025-02-02");
    e.judgment_received = od("2025-02-20");
    e.outcome = Some(Outcome::Withdrawn);
    let f = m("F", "区城管委"); // no dates at all
    let mut g = m("G", "区住建委");
    g.complaint_received = od("2025-05-05");
    let mut h = m("H", ""); // 所属机关 empty: belongs to its 应诉承办机关 (§4.1)
    h.handler = "区城管委".into();
    h.complaint_received = od("2025-03-03");
    let mut p1 = m("P1", "区城管委"); // lost; 履行期限 03-01, performed 03-10: 逾期履行
    p1.complaint_received = od("2024-10-01");
    p1.judgment_received = od("2025-01-20");
    p1.outcome = Some(Outcome::Lost);
    p1.effective = od("2025-02-01");
    p1.perform_by = od("2025-03-01");
    p1.performed = od("2025-03-10");
    let mut p2 = m("P2", "区城管委"); // 调解书, effective 05-05, not performed: 未履行 (56 days at 06-30)
    p2.complaint_received = od("2024-12-01");
    p2.judgment_type = Some(JudgmentType::Mediation);
    p2.judgment_received = od("2025-05-01");
    p2.outcome = Some(Outcome::Mediated);
    p2.effective = od("2025-05-05");
    let mut p3 = m("P3", "区城管委"); // performed before the period began: not 应履行 in 2025H1
    p3.complaint_received = od("2024-06-01");
    p3.judgment_received = od("2024-10-01");
    p3.outcome = Some(Outcome::Lost);
    p3.effective = od("2024-11-01");
    p3.performed = od("2024-12-01");
    vec![a, b, c, d, d2, e, f, g, h, p1, p2, p3]
}

fn evals(ms: &[Matter]) -> Vec<yingsu_engine::Evaluation> {
    ms.iter().map(|x| evaluate(x, &Calendar::bundled(), &Settings::default(), d("2025-07-15"))).collect()
}

const H1: ReportPeriod = ReportPeriod::Half(2025, 1);

fn report(agency: Option<&str>, p: ReportPeriod) -> yingsu_engine::report::HalfYear {
    let ms = register();
    half_year(&ms, &evals(&ms), agency, p, d("2025-07-15"))
}

#[test]
fn art_23_r2_new_cases_are_cases_only_and_suggestions_apart() {
    let r = report(Some("区城管委"), H1);
    // 新收案件: A (01-01), B (06-30), D2, E (办理函收到日), H (所属机关 empty → 应诉承办机关 区城管委).
    assert_eq!(r.intake, vec!["A", "B", "D2", "E", "H"]);
    assert_eq!(r.suggestions, vec!["D"], "a 建议 is counted apart, never a 新收案件");
    assert!(r.intake_by_type.contains(&(Reconsideration, None, 1)), "a 复议 has no 审级 (issue 21)");
    assert!(r.intake_by_type.contains(&(AdminLitigation, Some(Instance::Second), 1)));
}

#[test]
fn art_23_r2_court_judgments_and_reconsideration_decisions_apart() {
    let r = report(Some("区城管委"), H1);
    assert_eq!(r.court_closed, vec!["A", "D2", "E", "P1", "P2"]);
    assert_eq!(r.review_closed, vec!["B"]);
    assert_eq!(r.closed(), 6, "审结案件数 = 法院审结 + 复议审结");
    assert_eq!(
        (
            r.count(Outcome::Won),
            r.count(Outcome::Lost),
            r.count(Outcome::PartlyLost),
            r.count(Outcome::Withdrawn),
            r.count(Outcome::Mediated)
        ),
        (1, 1, 1, 1, 1)
    );
    // 败诉率 (法院) = (P1 + D2) / 5 = 40.0%; the lost 复议 B is not in it.
    assert_eq!(r.loss_rate(), "40.0%");
    // 复议纠错率 = B / 1.
    assert_eq!(r.review_correction_rate(), "100.0%");
    assert_eq!(r.lost.iter().map(|l| l.case_no.as_str()).collect::<Vec<_>>(), vec!["D2", "P1"]);
    assert_eq!(r.review_corrected.iter().map(|l| l.case_no.as_str()).collect::<Vec<_>>(), vec!["B"]);
    assert_eq!(r.review_corrected[0].cause, "程序违法");
    assert_eq!(r.typical, vec!["B"]);
}

#[test]
fn art_23_r2_performance_counts_late_and_unperformed() {
    let r = report(Some("区城管委"), H1);
    let row = |no: &str| r.performance.iter().find(|p| p.case_no == no).unwrap_or_else(|| panic!("{no}"));
    // 应履行: D2, P1, P2 (P3 was performed before 2025-01-01).
    assert_eq!(r.performance.len(), 3);
    assert!(row("D2").performed_in_time());
    assert!(row("P1").performed_late(), "late performance is performed, and counted as 逾期履行");
    assert!(row("P2").unperformed(), "调解书 is tracked (r2)");
    assert_eq!(row("P2").days_open, 56, "05-05 → 06-30");
    let ind = r.indicators();
    let get = |k: &str| ind.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()).unwrap();
    assert_eq!(get("应履行数"), "3");
    assert_eq!(get("已履行数"), "2");
    assert_eq!(get("逾期履行数"), "1");
    assert_eq!(get("未履行数"), "1");
    assert_eq!(get("生效裁判已履行数"), "2");
}

#[test]
fn art_23_r2_heads_and_principal_heads() {
    let r = report(Some("区城管委"), H1);
    // Hearings that took place in H1: A (局长 → 正职) and B (科长 → 非负责人). (r3 §7.8) B is a 复议 hearing:
    // reported apart (复议听证数), no longer in the 出庭 figures.
    assert_eq!(r.hearings, vec!["A"]);
    assert_eq!(r.heads, vec!["A"]);
    assert_eq!(r.principal_heads, vec!["A"]);
    assert_eq!((r.head_rate(), r.principal_head_rate()), ("100.0%".to_string(), "100.0%".to_string()));
    assert_eq!((r.review_hearings.clone(), r.review_heads.len()), (vec!["B".to_string()], 0));
    // A hearing not yet held does not count.
    let ms = register();
    let early = half_year(&ms, &evals(&ms), Some("区城管委"), H1, d("2025-04-15"));
    assert_eq!(early.hearings, vec!["A"]);
}

#[test]
fn art_23_all_agencies_and_empty_period() {
    let all = report(None, H1);
    assert_eq!(all.intake.len(), 6, "G of 区住建委 too");
    let empty = report(Some("区城管委"), ReportPeriod::Half(2023, 2));
    assert!(empty.intake.is_empty() && empty.closed() == 0);
    assert_eq!(empty.loss_rate(), "—");
    assert_eq!(empty.review_correction_rate(), "—");
    assert_eq!(empty.head_rate(), "—");
}

#[test]
fn art_23_all_agencies_in_one_pass_equal_the_reports_one_by_one() {
    let ms = register();
    let ev = evals(&ms);
    let t = d("2025-07-15");
    let all = yingsu_engine::report::half_year_all(&ms, &ev, H1, t);
    let names = yingsu_engine::report::agencies(&ms);
    assert_eq!(names, vec!["区住建委", "区城管委"], "H counts under its 应诉承办机关; no 未指定 here");
    let mut one_by_one: Vec<_> = names.iter().map(|a| half_year(&ms, &ev, Some(a), H1, t)).collect();
    one_by_one.push(half_year(&ms, &ev, None, H1, t));
    assert_eq!(all, one_by_one);
    let checks: usize = ms.iter().zip(&ev).map(|(m, e)| yingsu_engine::report::check_count(m, e)).sum();
    assert_eq!(checks, self_check(&ms, &ev, None).len(), "check_count agrees with the self-check");
}

#[test]
fn art_24_quarter_losses_are_court_judgments_including_village_matters() {
    let ms = register();
    let q1 = quarter_losses(&ms, Some("区城管委"), ReportPeriod::Quarter(2025, 1));
    assert_eq!(q1.iter().map(|l| l.case_no.as_str()).collect::<Vec<_>>(), vec!["D2", "P1"]);
    assert!(q1[0].village);
    let q2 = quarter_losses(&ms, None, ReportPeriod::Quarter(2025, 2));
    assert!(q2.is_empty(), "the lost 复议 B is not a 败诉判决: {q2:?}");
    let rev = quarter_review_corrections(&ms, None, ReportPeriod::Quarter(2025, 2));
    assert_eq!(rev.iter().map(|l| l.case_no.as_str()).collect::<Vec<_>>(), vec!["B"]);
    assert!(quarter_losses(&ms, None, ReportPeriod::Quarter(2025, 3)).iter().any(|l| l.case_no == "C"), "07-01 is Q3");
}

#[test]
fn self_check_lists_what_to_fix_and_gives_a_verdict() {
    let ms = register();
    let ev = evals(&ms);
    let items = self_check(&ms, &ev, Some("区城管委"));
    assert!(items.iter().any(|i| i.case_no == "F" && i.fix.contains("起诉状副本收到日")), "missing trigger");
    assert!(items
        .iter()
        .any(|i| i.case_no == "B" && i.rule == Some(yingsu_engine::RuleId::R17) && i.fix.contains("正职")));
    // (r2) a 及时 duty open too long is listed: P2's performance, open since 05-05.
    assert!(items.iter().any(|i| i.case_no == "P2" && i.status == Some(Status::LongOpen)), "{items:?}");
    assert_eq!(verdict(&items), format!("需先处理 {} 项", items.len()));
    let mut clean = m("OK", "区城管委");
    clean.complaint_received = od("2025-07-01");
    clean.answer_filed = od("2025-07-05");
    clean.leader_reported = od("2025-07-01");
    clean.agents = yingsu_engine::model::Cell::parse_cell("李四（工作人员）").unwrap();
    let items = self_check(std::slice::from_ref(&clean), &evals(std::slice::from_ref(&clean)), None);
    assert_eq!(verdict(&items), "可以报送", "{items:?}");
}

#[test]
fn self_check_r2_lists_overdue_reports_and_lost_matters_without_cause() {
    let ms = register();
    let t = d("2025-07-15");
    let duties =
        [periodic_duty("区城管委", ReportPeriod::Quarter(2025, 1), &[], &Calendar::bundled(), &Settings::default(), t)];
    assert_eq!(duties[0].status, Status::Overdue, "due 2025-04-15");
    let items = self_check_period(&ms, Some("区城管委"), H1, &duties);
    assert!(items.iter().any(|i| i.rule == Some(yingsu_engine::RuleId::R24) && i.status == Some(Status::Overdue)));
    let lost: Vec<&str> = items.iter().filter(|i| i.rule.is_none()).map(|i| i.case_no.as_str()).collect();
    // D2 and P1 lack 败诉原因; B has it. (r3 §7.3) 本机关 matters are not asked for 败诉分析报告日 (第十一条 is
    // 区政府's).
    assert_eq!(lost, vec!["D2", "P1"]);
    assert!(items.iter().any(|i| i.case_no == "D2" && i.fix.contains("败诉原因") && !i.fix.contains("败诉分析报告日")));
    // Marked 已报送, the report leaves the list.
    let log =
        [Submission {
            agency: "区城管委".into(), period: ReportPeriod::Quarter(2025, 1), submitted: d("2025-04-10")
        }];
    let done = [periodic_duty(
        "区城管委",
        ReportPeriod::Quarter(2025, 1),
        &log,
        &Calendar::bundled(),
        &Settings::default(),
        t,
    )];
    assert!(self_check_period(&ms, Some("区城管委"), H1, &done).iter().all(|i| i.rule.is_none()));
}

#[test]
fn cli_half_year_report_matches_the_figures() {
    let dir = std::env::temp_dir().join(format!("yingsu-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.csv");
    std::fs::write(&file, yingsu_engine::codec::export(&register())).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["report", "half-year", "--period", "2025H1", "--today", "2025-07-15", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}机关,期间,指标,数值\r\n"));
    for line in [
        "区城管委,2025H1,新收案件数,5",
        "区城管委,2025H1,审结案件数,6",
        "区城管委,2025H1,败诉率,40.0%",
        "区城管委,2025H1,负责人出庭率,100.0%", // (r3 §7.8) B's 复议 hearing is 复议听证数
        "区城管委,2025H1,复议听证数,1",
        "区城管委,2025H1,负责人参加听证数,0",
        "区城管委,2025H1,收到建议数,1",
        "区城管委,2025H1,法院审结数,5",
        "区城管委,2025H1,复议审结数,1",
        "区城管委,2025H1,复议纠错率,100.0%",
        "区城管委,2025H1,应履行数,3",
        "区城管委,2025H1,已履行数,2",
        "区城管委,2025H1,逾期履行数,1",
        "区城管委,2025H1,未履行数,1",
        "区城管委,2025H1,主要负责人出庭案件数,1",
        "区城管委,2025H1,主要负责人出庭率,100.0%",
        "区住建委,2025H1,新收案件数,1",
        "区住建委,2025H1,败诉率,—",
        "全部,2025H1,新收案件数,6",
    ] {
        assert!(text.contains(&format!("{line}\r\n")), "{line} in\n{text}");
    }
    // Agencies in code-point order (住 U+4F4F before 城 U+57CE), 全部 last.
    let (zj, cg, all) = (text.find("区住建委").unwrap(), text.find("区城管委").unwrap(), text.find("全部").unwrap());
    assert!(zj < cg && cg < all, "agencies sorted, 全部 last");
    let one = Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args([
            "report",
            "half-year",
            "--period",
            "2025H1",
            "--agency",
            "区住建委",
            "--today",
            "2025-07-15",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let t = String::from_utf8(one.stdout).unwrap();
    assert!(!t.contains("全部") && !t.contains("区城管委"));
    let q = Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["report", "quarter", "--period", "2025Q1", "--today", "2025-07-15", file.to_str().unwrap()])
        .output()
        .unwrap();
    let qt = String::from_utf8(q.stdout).unwrap();
    assert!(
        qt.starts_with(
            "\u{feff}机关,期间,案号,案件类型,裁判结果,裁判文书签收日,败诉分析报告日,涉及村委会,败诉原因\r\n"
        ),
        "{qt}"
    );
    assert_eq!(qt.lines().count(), 3, "D2 and P1 lost in 2025Q1: {qt}");
    assert!(qt.contains("区城管委,2025Q1,D2,行政诉讼,部分败诉,2025-03-20,,是,"), "{qt}");
    let q2 = Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["report", "quarter", "--period", "2025Q2", "--today", "2025-07-15", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(q2.stdout).unwrap().lines().count(), 1, "B is a 复议, not a 败诉判决");
    assert!(String::from_utf8(q2.stderr).unwrap().contains("复议纠错"));
    let bad = Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["report", "half-year", "--period", "2025Q1", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_e2e_report_fixture_is_this_register() {
    // tests/e2e/50-reports compares the page with the CLI on this same register (UPDATE_FIXTURES=1 rewrites it).
    let path = format!("{}/../../tests/e2e/fixtures/report-cases.csv", env!("CARGO_MANIFEST_DIR"));
    let bytes = yingsu_engine::codec::export(&register());
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "run with UPDATE_FIXTURES=1 after changing register()");
}

#[test]
fn art_23_r3_self_check_asks_loss_report_only_of_district_government_matters() {
    let mut own_m = lost(own(AdminLitigation));
    own_m.loss_cause = "证据不足".into();
    let items = self_check_period(std::slice::from_ref(&own_m), Some("区城管委"), ReportPeriod::Half(2025, 1), &[]);
    assert!(items.is_empty(), "{items:?}");
    own_m.loss_cause.clear();
    let items = self_check_period(std::slice::from_ref(&own_m), Some("区城管委"), ReportPeriod::Half(2025, 1), &[]);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].column, Some(Column::LossCause));
    assert!(!items[0].problem.contains("败诉分析报告日"));
    let mut g = lost(gov(AdminLitigation));
    g.loss_cause = "证据不足".into();
    let items = self_check_period(&[g], Some("区城管委"), ReportPeriod::Half(2025, 1), &[]);
    assert_eq!(items[0].column, Some(Column::LossReport));
}

#[test]
fn art_23_r3_hearing_figures_over_administrative_hearings_with_review_hearings_apart() {
    let mut lit = titled("局长");
    lit.case_no = yingsu_engine::model::CaseNo("L".into());
    lit.hearing = od("2025-03-10");
    lit.head_spoke = Some(true);
    let mut lit2 = titled("副局长");
    lit2.case_no = yingsu_engine::model::CaseNo("L2".into());
    lit2.hearing = od("2025-03-11");
    let mut civ = titled("局长");
    civ.case_no = yingsu_engine::model::CaseNo("C".into());
    civ.case_type = Civil;
    civ.hearing = od("2025-03-10");
    let mut rec = titled("局长");
    rec.case_no = yingsu_engine::model::CaseNo("R".into());
    rec.case_type = Reconsideration;
    rec.hearing = od("2025-03-12");
    let mut rec2 = own(Reconsideration);
    rec2.case_no = yingsu_engine::model::CaseNo("R2".into());
    rec2.hearing = od("2025-03-12");
    let mut co = co_defendant("局长");
    co.case_no = yingsu_engine::model::CaseNo("G".into());
    co.agency = "区城管委".into();
    let mut opinion = own(ReconsiderationOpinion);
    opinion.case_no = yingsu_engine::model::CaseNo("V".into());
    opinion.suggestion_received = od("2025-03-01");
    let ms = vec![lit, lit2, civ, rec, rec2, co, opinion];
    let evals: Vec<_> = ms.iter().map(|m| eval(m, "2025-06-30")).collect();
    let r = half_year(&ms, &evals, Some("区城管委"), ReportPeriod::Half(2025, 1), d("2025-06-30"));
    assert_eq!(r.hearings, vec!["L", "L2", "G"], "no 民事诉讼, no 复议");
    assert_eq!(r.heads, vec!["L", "L2", "G"]);
    assert_eq!(r.principal_heads, vec!["L"], "a co-defendant's 局长 is not 区政府's 主要负责人");
    assert_eq!(r.heads_spoke, vec!["L"]);
    assert_eq!((r.review_hearings.len(), r.review_heads.len()), (2, 1));
    assert_eq!(r.suggestions, vec!["V"], "行政复议意见书 counted with 建议");
    let ind = r.indicators();
    let get = |k: &str| ind.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()).unwrap();
    assert_eq!(get("开庭案件数"), "3");
    assert_eq!(get("复议听证数"), "2");
    assert_eq!(get("负责人参加听证数"), "1");
    assert_eq!(get("负责人发言案件数"), "1");
    assert_eq!(get("出声率"), "33.3%");
    assert_eq!(get("负责人出庭率"), "100.0%");
}
