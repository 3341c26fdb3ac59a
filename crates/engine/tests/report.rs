//! Reports over a fixture register whose figures were computed by hand here.

mod common;
use common::*;
use std::process::Command;
use yingsu_engine::agency::ReportPeriod;
use yingsu_engine::model::{CaseNo, CaseType::*, Outcome};
use yingsu_engine::report::{half_year, quarter_losses, self_check, verdict};
use yingsu_engine::{evaluate, Calendar, Matter, Settings};

fn m(no: &str, agency: &str) -> Matter {
    let mut x = own(AdminLitigation);
    x.case_no = CaseNo(no.into());
    x.agency = agency.into();
    x
}

/// Six matters of 区城管委 and one of 区住建委, around 2025 H1.
fn register() -> Vec<Matter> {
    let mut a = m("A", "区城管委"); // intake 01-01 (first day), closed 06-30 (last day), won
    a.complaint_received = od("2025-01-01");
    a.judgment_received = od("2025-06-30");
    a.outcome = Some(Outcome::Won);
    a.hearing = od("2025-04-01");
    a.head_name = "王局长".into();
    a.head_title = "正职".into();
    let mut b = m("B", "区城管委"); // intake 06-30, lost, closed 2025-06-15, hearing with invalid head
    b.case_type = Reconsideration;
    b.complaint_received = od("2025-06-30");
    b.judgment_received = od("2025-06-15");
    b.outcome = Some(Outcome::Lost);
    b.loss_report = od("2025-06-18");
    b.hearing = od("2025-05-10");
    b.head_name = "张科长".into();
    b.head_title = "科长".into();
    b.loss_cause = "程序违法".into();
    b.typical = true;
    let mut c = m("C", "区城管委"); // intake 2024-12-31 (outside), closed 2025-07-01 (outside)
    c.complaint_received = od("2024-12-31");
    c.judgment_received = od("2025-07-01");
    c.outcome = Some(Outcome::Lost);
    let mut d = m("D", "区城管委"); // intake by 建议收到日 only; partly lost in H1; effective in H1, performed
    d.suggestion_received = od("2025-03-01");
    d.judgment_received = od("2025-03-20");
    d.outcome = Some(Outcome::PartlyLost);
    d.effective = od("2025-04-10");
    d.performed = od("2025-04-20");
    d.village = true;
    let mut e = m("E", "区城管委"); // 二审, withdrawn
    e.instance = yingsu_engine::model::Instance::Second;
    e.letter_received = od("2025-02-02");
    e.judgment_received = od("2025-02-20");
    e.outcome = Some(Outcome::Withdrawn);
    let f = m("F", "区城管委"); // no dates at all
    let mut g = m("G", "区住建委");
    g.complaint_received = od("2025-05-05");
    vec![a, b, c, d, e, f, g]
}

fn evals(ms: &[Matter]) -> Vec<yingsu_engine::Evaluation> {
    ms.iter().map(|x| evaluate(x, &Calendar::bundled(), &Settings::default(), d("2025-07-15"))).collect()
}

#[test]
fn art_23_half_year_figures_by_hand() {
    let ms = register();
    let r = half_year(&ms, &evals(&ms), Some("区城管委"), ReportPeriod::Half(2025, 1));
    // 新收: A (01-01), B (06-30), D (建议收到日 03-01), E (办理函收到日 02-02) = 4; C is 2024, F has none.
    assert_eq!(r.intake, vec!["A", "B", "D", "E"]);
    // 审结: A (06-30), B, D, E = 4; C is 07-01.
    assert_eq!(r.closed.len(), 4);
    assert_eq!(
        (r.count(Outcome::Won), r.count(Outcome::Lost), r.count(Outcome::PartlyLost), r.count(Outcome::Withdrawn)),
        (1, 1, 1, 1)
    );
    // 败诉率 = (1 + 1) / 4 = 50.0%
    assert_eq!(r.loss_rate(), "50.0%");
    // 开庭: A and B; valid head: A only → 50.0%
    assert_eq!((r.hearings.len(), r.heads.len(), r.head_rate()), (2, 1, "50.0%".to_string()));
    assert_eq!(r.typical, vec!["B"]);
    assert_eq!(r.lost.iter().map(|l| l.case_no.as_str()).collect::<Vec<_>>(), vec!["B", "D"]);
    assert_eq!(r.lost[0].cause, "程序违法");
    assert_eq!(r.performance.len(), 1);
    assert_eq!(r.performance[0].status, yingsu_engine::Status::Done);
    assert!(r.intake_by_type.contains(&(Reconsideration, yingsu_engine::model::Instance::First, 1)));
}

#[test]
fn art_23_all_agencies_and_empty_period() {
    let ms = register();
    let all = half_year(&ms, &evals(&ms), None, ReportPeriod::Half(2025, 1));
    assert_eq!(all.intake.len(), 5, "G of 区住建委 too");
    let empty = half_year(&ms, &evals(&ms), Some("区城管委"), ReportPeriod::Half(2023, 2));
    assert!(empty.intake.is_empty() && empty.closed.is_empty());
    assert_eq!(empty.loss_rate(), "—");
    assert_eq!(empty.head_rate(), "—");
}

#[test]
fn art_23_all_agencies_in_one_pass_equal_the_reports_one_by_one() {
    let ms = register();
    let ev = evals(&ms);
    let p = ReportPeriod::Half(2025, 1);
    let all = yingsu_engine::report::half_year_all(&ms, &ev, p);
    let mut one_by_one: Vec<_> =
        yingsu_engine::report::agencies(&ms).iter().map(|a| half_year(&ms, &ev, Some(a), p)).collect();
    one_by_one.push(half_year(&ms, &ev, None, p));
    assert_eq!(all, one_by_one);
    let checks: usize = ms.iter().zip(&ev).map(|(m, e)| yingsu_engine::report::check_count(m, e)).sum();
    assert_eq!(checks, self_check(&ms, &ev, None).len(), "check_count agrees with the self-check");
}

#[test]
fn art_24_quarter_losses_include_village_matters() {
    let ms = register();
    let q1 = quarter_losses(&ms, Some("区城管委"), ReportPeriod::Quarter(2025, 1));
    assert_eq!(q1.len(), 1);
    assert!(q1[0].village && q1[0].case_no == "D");
    let q2 = quarter_losses(&ms, None, ReportPeriod::Quarter(2025, 2));
    assert_eq!(q2.iter().map(|l| l.case_no.as_str()).collect::<Vec<_>>(), vec!["B"]);
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
        "区城管委,2025H1,新收案件数,4",
        "区城管委,2025H1,败诉率,50.0%",
        "区城管委,2025H1,负责人出庭率,50.0%",
        "区住建委,2025H1,新收案件数,1",
        "区住建委,2025H1,败诉率,—",
        "全部,2025H1,新收案件数,5",
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
    assert_eq!(qt.lines().count(), 2, "only D lost in 2025Q1: {qt}");
    assert!(qt.contains("区城管委,2025Q1,D,行政诉讼,部分败诉,2025-03-20,,是,"), "{qt}");
    let bad = Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["report", "half-year", "--period", "2025Q1", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
