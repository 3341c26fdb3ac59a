//! One or more tests per rule of RULES.md, each taken from its article's wording.
//! Dates are checked against `shared/reference/cn-holidays.csv` by hand in the comments.

mod common;
use common::*;
use yingsu_engine::model::{ActSource, AppealDecision, CaseType::*, Instance, JudgmentType, Outcome};
use yingsu_engine::{Counting, RuleId::*, Status};

// ---------------------------------------------------------------- 第五条 (R05)

#[test]
fn art_05_1_reconsideration_source_means_justice_bureau_handles() {
    let mut m = gov(AdminLitigation);
    m.act_source = Some(ActSource::Reconsideration);
    m.handler = "区司法局".into();
    let ev = eval(&m, "2025-03-01");
    let o = ob(&ev, R05);
    assert_eq!(o.status, Status::Info);
    assert!(o.explanation.contains("第五条第（一）项"), "{}", o.explanation);
    assert!(o.explanation.contains("区司法局为应诉承办机关"));
    assert!(ev.warnings.is_empty());
}

#[test]
fn art_05_1_warns_when_reconsideration_case_is_not_with_justice_bureau() {
    let mut m = gov(AdminLitigation);
    m.act_source = Some(ActSource::Reconsideration);
    m.handler = "区城管委".into();
    let ev = eval(&m, "2025-03-01");
    assert!(ob(&ev, R05).explanation.contains("警告"));
    assert_eq!(ev.warnings.len(), 1);
    assert_eq!(ev.warnings[0].clause, "第五条");
}

#[test]
fn art_05_2_to_4_name_the_principle() {
    for (src, item, who) in [
        (ActSource::InGovName, "第五条第（二）项", "具体实施部门"),
        (ActSource::MultiDept, "第五条第（三）项", "牵头部门"),
        (ActSource::StatutoryDuty, "第五条第（四）项", "承担相应职责的职能部门"),
    ] {
        let mut m = gov(AdminLitigation);
        m.act_source = Some(src);
        let ev = eval(&m, "2025-03-01");
        let o = ob(&ev, R05);
        assert!(o.explanation.contains(item) && o.explanation.contains(who), "{}", o.explanation);
        assert!(ev.warnings.is_empty());
    }
}

#[test]
fn art_05_only_for_district_government_cases() {
    assert!(!has(&eval(&own(AdminLitigation), "2025-03-01"), R05));
}

// ---------------------------------------------------------------- 第六条 (R06)

#[test]
fn art_06_letter_due_two_days_after_bureau_receives() {
    let mut m = gov(AdminLitigation);
    m.bureau_received = od("2025-03-03"); // Monday
    let ev = eval(&m, "2025-03-04");
    let o = ob(&ev, R06);
    assert_eq!(o.due, od("2025-03-05"));
    assert_eq!(o.counting, Some(Counting::Natural));
    assert_eq!(o.responsible, "区司法局");
    assert_eq!(o.status, Status::DueSoon);
}

#[test]
fn art_06_two_days_landing_on_saturday_roll_to_monday() {
    let mut m = gov(AdminLitigation);
    m.bureau_received = od("2025-03-06"); // Thu + 2 = Sat 03-08
    let o = ob(&eval(&m, "2025-03-06"), R06).clone();
    assert_eq!(o.due, od("2025-03-10"));
    assert!(o.explanation.contains("2025-03-08（星期六）→ 顺延至 2025-03-10"), "{}", o.explanation);
}

#[test]
fn art_06_letter_issued_late_is_done_late() {
    let mut m = gov(AdminLitigation);
    m.bureau_received = od("2025-03-03");
    m.letter_issued = od("2025-03-06");
    assert_eq!(ob(&eval(&m, "2025-04-01"), R06).status, Status::DoneLate);
    m.letter_issued = od("2025-03-05");
    assert_eq!(ob(&eval(&m, "2025-04-01"), R06).status, Status::Done);
}

#[test]
fn art_06_missing_receipt_date_is_to_be_completed_even_when_done() {
    // RULES.md §6.1: 待补充 takes precedence over a recorded done date.
    let mut m = gov(AdminLitigation);
    m.letter_issued = od("2025-03-05");
    let o = ob(&eval(&m, "2025-04-01"), R06).clone();
    assert_eq!(o.status, Status::MissingData);
    assert_eq!(o.due, None);
    assert!(o.explanation.contains("缺少「司法局收到日」"));
}

// ---------------------------------------------------------------- 第七条 (R07A–R07D)

#[test]
fn art_07_1_report_to_leader_immediately_due_same_day_never_rolled() {
    let mut m = gov(AdminLitigation);
    m.letter_received = od("2025-03-08"); // a Saturday: 立即 is not rolled (§6.6)
    let o = ob(&eval(&m, "2025-03-08"), R07A).clone();
    assert_eq!(o.due, od("2025-03-08"));
    assert_eq!(o.counting, Some(Counting::Immediate));
    assert_eq!(o.status, Status::DueSoon);
    m.leader_reported = od("2025-03-10");
    assert_eq!(ob(&eval(&m, "2025-03-20"), R07A).status, Status::DoneLate);
    m.leader_reported = od("2025-03-08");
    assert_eq!(ob(&eval(&m, "2025-03-20"), R07A).status, Status::Done);
}

#[test]
fn art_07_1_contact_info_within_two_days() {
    let mut m = gov(AdminLitigation);
    m.letter_received = od("2025-06-09"); // Mon + 2 = Wed
    let o = ob(&eval(&m, "2025-06-01"), R07B).clone();
    assert_eq!(o.due, od("2025-06-11"));
    assert_eq!(o.status, Status::Pending);
    assert_eq!(o.responsible, "区城管委");
}

#[test]
fn art_07_2_materials_due_five_days_after_letter_rolled_past_labour_day() {
    // RULES.md §5: 2025-04-30 (Wed) + 5 = 2025-05-05, 劳动节 → 2025-05-06.
    let mut m = gov(AdminLitigation);
    m.letter_received = od("2025-04-30");
    let o = ob(&eval(&m, "2025-04-30"), R07C).clone();
    assert_eq!(o.due, od("2025-05-06"));
    assert!(o.explanation.contains("2025-05-05（劳动节）→ 顺延至 2025-05-06"), "{}", o.explanation);
    // The other reading is shown too: 5 working days = 05-06..05-09, 05-12.
    assert!(o.explanation.contains("按工作日计算为 2025-05-12"), "{}", o.explanation);
}

#[test]
fn art_07_2_working_day_setting_counts_working_days_and_shows_natural() {
    let mut m = gov(AdminLitigation);
    m.letter_received = od("2025-04-30");
    let o = ob(&eval_working(&m, "2025-04-30"), R07C).clone();
    assert_eq!(o.due, od("2025-05-12"));
    assert_eq!(o.counting, Some(Counting::Working));
    assert!(o.explanation.contains("按自然日计算为 2025-05-06"), "{}", o.explanation);
}

#[test]
fn art_07_2_internal_deadline_later_than_statutory_is_warned() {
    let mut m = gov(AdminLitigation);
    m.complaint_received = od("2025-03-03"); // +15 = 03-18
    m.letter_received = od("2025-03-17"); // +5 = 03-22 Sat → 03-24
    let ev = eval(&m, "2025-03-17");
    assert_eq!(ob(&ev, R08).due, od("2025-03-18"));
    assert_eq!(ob(&ev, R07C).due, od("2025-03-24"));
    assert!(ev.warnings.iter().any(|w| w.message.contains("内部期限晚于法定答辩期限") && w.clause == "第七条、第八条"));
}

#[test]
fn art_07_3_risk_report_only_when_sensitive_large_or_risky_and_timely() {
    let mut m = gov(AdminLitigation);
    m.letter_received = od("2025-03-03");
    assert!(!has(&eval(&m, "2025-03-03"), R07D));
    for flag in 0..3 {
        let mut m2 = m.clone();
        match flag {
            0 => m2.major_sensitive = true,
            1 => m2.large_stake = true,
            _ => m2.loss_risk = true,
        }
        let o = ob(&eval(&m2, "2025-03-03"), R07D).clone();
        assert_eq!(o.status, Status::NoFixedTerm);
        assert_eq!(o.counting, Some(Counting::Timely));
        assert_eq!(o.due, None);
        m2.risk_reported = od("2025-03-20");
        assert_eq!(ob(&eval(&m2, "2025-04-03"), R07D).status, Status::Done);
    }
}

// ---------------------------------------------------------------- 第八条 (R08)

#[test]
fn art_08_answer_within_court_period_fifteen_days_rolled_past_spring_festival() {
    // RULES.md §5: 2025-01-20 + 15 = 02-04 (春节) → 02-05.
    let mut m = gov(AdminLitigation);
    m.complaint_received = od("2025-01-20");
    let o = ob(&eval(&m, "2025-01-21"), R08).clone();
    assert_eq!(o.due, od("2025-02-05"));
    assert_eq!(
        o.explanation.split('；').next().unwrap(),
        "起算日 2025-01-20（起诉状副本收到日）+15日 = 2025-02-04（春节）→ 顺延至 2025-02-05"
    );
}

#[test]
fn art_08_period_ending_on_makeup_workday_is_not_rolled() {
    // RULES.md §5: 2025-09-26 + 15 = 10-11, a 调休 workday.
    let mut m = gov(AdminLitigation);
    m.complaint_received = od("2025-09-26");
    assert_eq!(ob(&eval(&m, "2025-09-26"), R08).due, od("2025-10-11"));
}

#[test]
fn art_08_reconsideration_answer_is_ten_working_days_under_new_law() {
    // RULES.md §5: 2025-09-26, 10 working days (09-28 and 10-11 count, 10-01..10-08 do not) = 10-16.
    let mut m = gov(Reconsideration);
    m.complaint_received = od("2025-09-26");
    let o = ob(&eval(&m, "2025-09-26"), R08).clone();
    assert_eq!(o.due, od("2025-10-16"));
    assert_eq!(o.counting, Some(Counting::Working));
}

#[test]
fn art_08_reconsideration_before_2024_uses_old_law_natural_days() {
    // RULES.md §5: 2022-09-28 + 10 = 2022-10-08, a 调休 workday.
    let mut m = gov(Reconsideration);
    m.complaint_received = od("2022-09-28");
    let o = ob(&eval(&m, "2022-09-28"), R08).clone();
    assert_eq!(o.due, od("2022-10-08"));
    assert_eq!(o.counting, Some(Counting::Natural));
    // The last day of the old law and the first of the new.
    m.complaint_received = od("2023-12-31");
    assert_eq!(ob(&eval(&m, "2023-12-31"), R08).counting, Some(Counting::Natural));
    m.complaint_received = od("2024-01-01");
    assert_eq!(ob(&eval(&m, "2024-01-01"), R08).counting, Some(Counting::Working));
}

#[test]
fn art_08_applies_at_second_instance_too() {
    let mut m = gov(AdminLitigation);
    m.instance = Some(Instance::Second);
    m.complaint_received = od("2025-03-03");
    assert_eq!(ob(&eval(&m, "2025-03-03"), R08).due, od("2025-03-18"));
}

#[test]
fn art_08_answer_filed_on_due_date_is_done_after_is_late() {
    let mut m = gov(Civil);
    m.complaint_received = od("2025-03-03");
    m.answer_filed = od("2025-03-18");
    assert_eq!(ob(&eval(&m, "2025-05-01"), R08).status, Status::Done);
    m.answer_filed = od("2025-03-19");
    assert_eq!(ob(&eval(&m, "2025-05-01"), R08).status, Status::DoneLate);
}

// ---------------------------------------------------------------- 第九条 (R09)

#[test]
fn art_09_at_least_one_staff_agent() {
    let mut m = gov(AdminLitigation);
    m.agents = yingsu_engine::model::Cell::parse_cell("张三（工作人员）；李律师（律师）").unwrap();
    assert_eq!(ob(&eval(&m, "2025-03-01"), R09).status, Status::Compliant);
}

#[test]
fn art_09_lawyers_only_violates() {
    let mut m = gov(AdminLitigation);
    m.agents = yingsu_engine::model::Cell::parse_cell("李律师（律师）；王律师（律师）").unwrap();
    let o = ob(&eval(&m, "2025-03-01"), R09).clone();
    assert_eq!(o.status, Status::Violation);
    assert!(o.explanation.contains("不得仅委托律师应诉"));
}

#[test]
fn art_09_no_agent_is_to_be_completed_and_untagged_does_not_count() {
    let m = gov(AdminLitigation);
    assert_eq!(ob(&eval(&m, "2025-03-01"), R09).status, Status::MissingData);
    let mut m2 = gov(AdminLitigation);
    m2.agents = yingsu_engine::model::Cell::parse_cell("张三").unwrap();
    assert_eq!(ob(&eval(&m2, "2025-03-01"), R09).status, Status::Violation);
}

// ---------------------------------------------------------------- 第十条 (R10)

#[test]
fn art_10_burden_of_proof_shown_for_joint_defendant_cases() {
    let mut m = gov(AdminLitigation);
    assert!(!has(&eval(&m, "2025-03-01"), R10));
    m.joint_defendant = true;
    m.act_source = Some(ActSource::Reconsideration);
    let o = ob(&eval(&m, "2025-03-01"), R10).clone();
    assert_eq!(o.status, Status::Info);
    assert!(o.explanation.contains("第十条第一款") && o.explanation.contains("原行政行为机关"));
    m.act_source = Some(ActSource::InGovName);
    assert!(ob(&eval(&m, "2025-03-01"), R10).explanation.contains("第十条第二款"));
}

// ---------------------------------------------------------------- 第十一条 (R11A–R11D)

#[test]
fn art_11_1_report_judgment_within_three_days_of_signing() {
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Won);
    let o = ob(&eval(&m, "2025-03-03"), R11A).clone();
    assert_eq!(o.due, od("2025-03-06"));
    assert!(!has(&eval(&m, "2025-03-03"), R11B));
}

#[test]
fn art_11_1_pending_case_has_no_judgment_rows() {
    let mut m = gov(AdminLitigation);
    m.complaint_received = od("2025-03-03");
    let ev = eval(&m, "2025-03-03");
    for r in [R11A, R11B, R11C, R11D] {
        assert!(!has(&ev, r), "{r}");
    }
}

#[test]
fn art_11_1_result_without_signing_date_is_to_be_completed() {
    let mut m = gov(AdminLitigation);
    m.outcome = Some(Outcome::Lost);
    let ev = eval(&m, "2025-03-03");
    assert_eq!(ob(&ev, R11A).status, Status::MissingData);
    assert_eq!(ob(&ev, R11B).status, Status::MissingData);
    assert_eq!(ob(&ev, R11C).status, Status::MissingData);
}

#[test]
fn art_11_1_lost_case_analysis_report_within_five_days() {
    for outcome in [Outcome::Lost, Outcome::PartlyLost] {
        let mut m = gov(AdminLitigation);
        m.judgment_received = od("2025-09-26"); // +5 = 10-01 (国庆) → 10-09
        m.outcome = Some(outcome);
        let o = ob(&eval(&m, "2025-09-26"), R11B).clone();
        assert_eq!(o.due, od("2025-10-09"));
    }
}

#[test]
fn art_11_1_appeal_fifteen_days_for_judgment_rolled_from_saturday() {
    // RULES.md §5: 2024-12-27 (Fri) + 15 = 2025-01-11 (Sat) → 2025-01-13.
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2024-12-27");
    m.judgment_type = Some(JudgmentType::Judgment);
    let o = ob(&eval(&m, "2024-12-27"), R11C).clone();
    assert_eq!(o.due, od("2025-01-13"));
    assert_eq!(o.counting, Some(Counting::Natural));
}

#[test]
fn art_11_1_appeal_ten_days_for_ruling_and_empty_type_counts_as_judgment() {
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.judgment_type = Some(JudgmentType::Ruling);
    // (r3 §7.15) an explicit 裁定 gives the row only once 上诉 is decided.
    assert!(!has(&eval(&m, "2025-03-03"), R11C));
    m.appeal_decision = Some(AppealDecision::Appeal);
    assert_eq!(ob(&eval(&m, "2025-03-03"), R11C).due, od("2025-03-13"));
    m.appeal_decision = None;
    m.judgment_type = None;
    assert_eq!(ob(&eval(&m, "2025-03-03"), R11C).due, od("2025-03-18"));
}

#[test]
fn art_11_1_no_appeal_row_for_mediation_second_instance_declined_or_reconsideration() {
    let base = {
        let mut m = gov(AdminLitigation);
        m.judgment_received = od("2025-03-03");
        m
    };
    let mut a = base.clone();
    a.judgment_type = Some(JudgmentType::Mediation);
    let mut b = base.clone();
    b.instance = Some(Instance::Second);
    let mut c = base.clone();
    c.appeal_decision = Some(AppealDecision::NoAppeal);
    let mut e = base.clone();
    e.judgment_type = Some(JudgmentType::ReconsiderationDecision);
    for m in [a, b, c, e] {
        let ev = eval(&m, "2025-03-03");
        assert!(!has(&ev, R11C), "{m:?}");
        assert!(has(&ev, R11A));
    }
    let mut r = gov(Reconsideration);
    r.judgment_received = od("2025-03-03");
    r.outcome = Some(Outcome::Lost);
    let ev = eval(&r, "2025-03-03");
    assert!(!has(&ev, R11C) && has(&ev, R11A) && has(&ev, R11B));
}

#[test]
fn art_11_2_r2_original_agency_appeals_jointly_only_where_gov_was_the_reconsideration_body() {
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Lost);
    m.joint_defendant = true;
    m.act_source = Some(ActSource::Reconsideration);
    assert!(!has(&eval(&m, "2025-03-03"), R11D)); // undecided
    m.appeal_decision = Some(AppealDecision::Appeal);
    let ev = eval(&m, "2025-03-03");
    let o = ob(&ev, R11D);
    assert_eq!(o.due, od("2025-03-18"));
    assert_eq!(o.responsible, "原行政行为机关", "the role word when 原行政行为机关 is empty");
    assert_eq!(o.done_column, Some(yingsu_engine::model::Column::OriginalAppealFiled));
    assert_eq!(ob(&ev, R11C).due, o.due);
    m.original_agency = "区市场监管局".into();
    assert_eq!(ob(&eval(&m, "2025-03-03"), R11D).responsible, "区市场监管局");
    // Not when 区政府 made the act itself (被申请人 in a 复议 elsewhere): 被诉行为来源 not 行政复议.
    m.act_source = Some(ActSource::InGovName);
    assert!(!has(&eval(&m, "2025-03-03"), R11D));
    m.act_source = None;
    assert!(!has(&eval(&m, "2025-03-03"), R11D));
}

#[test]
fn art_11_2_r2_government_appeal_does_not_mark_the_original_agency_done() {
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Lost);
    m.joint_defendant = true;
    m.act_source = Some(ActSource::Reconsideration);
    m.appeal_decision = Some(AppealDecision::Appeal);
    m.appeal_filed = od("2025-03-10");
    let ev = eval(&m, "2025-03-20");
    assert_eq!(ob(&ev, R11C).status, Status::Done);
    assert_eq!(ob(&ev, R11D).status, Status::Overdue, "its own filing date is 原机关上诉提交日");
    assert!(ev.warnings.iter().any(|w| w.message.contains("请补录原行政行为机关的上诉提交日")));
    m.original_appeal_filed = od("2025-03-12");
    let ev = eval(&m, "2025-03-20");
    assert_eq!(ob(&ev, R11D).status, Status::Done);
    assert!(!ev.warnings.iter().any(|w| w.message.contains("请补录")));
}

#[test]
fn art_11_appeal_filed_although_declined_is_a_data_warning() {
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.appeal_decision = Some(AppealDecision::NoAppeal);
    m.appeal_filed = od("2025-03-10");
    let ev = eval(&m, "2025-03-03");
    assert!(ev.warnings.iter().any(|w| w.message.contains("上诉决定为不上诉")));
}

// ---------------------------------------------------------------- 第十二条 (R12)

#[test]
fn art_12_perform_effective_judgment_timely_or_by_given_date() {
    let mut m = gov(AdminLitigation);
    m.outcome = Some(Outcome::Lost);
    m.effective = od("2025-03-03");
    let o = ob(&eval(&m, "2025-03-03"), R12).clone();
    assert_eq!((o.counting, o.due, o.status), (Some(Counting::Timely), None, Status::NoFixedTerm));
    m.perform_by = od("2025-03-09"); // a Sunday: a given date is never rolled (§6.6)
    let o = ob(&eval(&m, "2025-03-10"), R12).clone();
    assert_eq!((o.counting, o.due, o.status), (Some(Counting::Given), od("2025-03-09"), Status::Overdue));
}

#[test]
fn art_12_only_lost_cases_with_effective_date() {
    let mut m = gov(AdminLitigation);
    m.outcome = Some(Outcome::Won);
    m.effective = od("2025-03-03");
    assert!(!has(&eval(&m, "2025-03-03"), R12));
    m.outcome = Some(Outcome::PartlyLost);
    m.effective = None;
    assert!(!has(&eval(&m, "2025-03-03"), R12));
}

#[test]
fn art_12_applies_to_lost_reconsideration_decision() {
    let mut m = gov(Reconsideration);
    m.outcome = Some(Outcome::Lost);
    m.judgment_type = Some(JudgmentType::ReconsiderationDecision);
    m.effective = od("2025-03-03");
    m.performed = od("2025-03-05");
    assert_eq!(ob(&eval(&m, "2025-03-10"), R12).status, Status::Done);
}

// ---------------------------------------------------------------- 第十三条 (R13A, R13B)

#[test]
fn art_13_suggestion_to_government_reply_in_two_months() {
    let mut m = gov(JudicialSuggestion);
    m.suggestion_received = od("2025-03-14");
    let ev = eval(&m, "2025-03-14");
    assert_eq!(rules(&ev), vec![R13A, R13B]);
    assert_eq!(ob(&ev, R13A).counting, Some(Counting::Timely));
    let o = ob(&ev, R13B);
    assert_eq!(o.due, od("2025-05-14"));
    assert_eq!(o.counting, Some(Counting::Months));
    assert_eq!(o.responsible, "区司法局");
}

#[test]
fn art_13_two_months_from_december_31_is_february_end_then_rolled() {
    let mut m = gov(ProcuratorialSuggestion);
    m.suggestion_received = od("2025-12-31"); // → 2026-02-28 (Sat, 春节调休上班日!) → not rolled
    let o = ob(&eval(&m, "2025-12-31"), R13B).clone();
    assert_eq!(o.due, od("2026-02-28"));
    assert!(o.explanation.contains("该月无31日，取月末"), "{}", o.explanation);
    m.suggestion_received = od("2023-12-31"); // leap year → 2024-02-29 (Thu)
    assert_eq!(ob(&eval(&m, "2024-01-01"), R13B).due, od("2024-02-29"));
    m.suggestion_received = od("2024-12-31"); // → 2025-02-28 (Fri)
    assert_eq!(ob(&eval(&m, "2025-01-01"), R13B).due, od("2025-02-28"));
    m.suggestion_received = od("2022-12-30"); // → 2023-02-28 (Tue)
    assert_eq!(ob(&eval(&m, "2023-01-01"), R13B).due, od("2023-02-28"));
    m.suggestion_received = od("2024-04-30"); // → 2024-06-30 (Sun) → 07-01
    assert_eq!(ob(&eval(&m, "2024-05-01"), R13B).due, od("2024-07-01"));
}

#[test]
fn art_13_r2_urgent_procuratorial_suggestion_without_period_is_to_be_completed() {
    let mut m = gov(ProcuratorialSuggestion);
    m.suggestion_received = od("2025-01-20");
    m.urgent = true;
    let o = ob(&eval(&m, "2025-01-20"), R13B).clone();
    assert_eq!((o.due, o.counting, o.status), (None, Some(Counting::Given), Status::MissingData));
    assert_eq!(
        o.explanation,
        "紧急回复期限以建议书载明为准，请填写建议回复期限；行政公益诉讼诉前检察建议请勾选“诉前检察建议”（15日）"
    );
    assert_eq!(o.fill, Some(yingsu_engine::model::Column::ReplyBy));
    m.replied = od("2025-02-10");
    assert_eq!(ob(&eval(&m, "2025-03-01"), R13B).status, Status::Done, "已完成 once replied");
    m.replied = None;
    m.reply_by = od("2025-02-01"); // a Saturday inside 春节 block: given, never rolled
    let o = ob(&eval(&m, "2025-01-20"), R13B).clone();
    assert_eq!((o.due, o.counting), (od("2025-02-01"), Some(Counting::Given)));
}

#[test]
fn art_13_r2_pre_litigation_procuratorial_suggestion_fifteen_days_urgent_two_months_otherwise() {
    let mut m = gov(ProcuratorialSuggestion);
    m.suggestion_received = od("2025-01-20");
    m.pre_litigation = true;
    m.urgent = true;
    // +15 = 2025-02-04 (春节) → 02-05.
    let o = ob(&eval(&m, "2025-01-20"), R13B).clone();
    assert_eq!((o.due, o.counting), (od("2025-02-05"), Some(Counting::Natural)));
    assert!(o.explanation.contains("法释〔2018〕6号第二十一条"), "{}", o.explanation);
    m.urgent = false;
    let o = ob(&eval(&m, "2025-01-20"), R13B).clone();
    assert_eq!((o.due, o.counting), (od("2025-03-20"), Some(Counting::Months)));
    assert!(o.explanation.contains("法释〔2018〕6号第二十一条"));
    // An ordinary 检察建议: two months under the 检察建议工作规定.
    m.pre_litigation = false;
    let o = ob(&eval(&m, "2025-01-20"), R13B).clone();
    assert_eq!(o.due, od("2025-03-20"));
    assert!(o.explanation.contains("人民检察院检察建议工作规定"), "{}", o.explanation);
}

// ---------------------------------------------------------------- 第十四条、第十五条、第十六条 (R14–R16)

#[test]
fn art_14_own_agency_answers_within_court_period() {
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2025-01-20");
    let ev = eval(&m, "2025-01-20");
    assert_eq!(ob(&ev, R14).due, od("2025-02-05"));
    assert!(!has(&ev, R08) && !has(&ev, R06));
}

#[test]
fn art_14_reconsideration_respondent_ten_working_days() {
    let mut m = own(Reconsideration);
    m.complaint_received = od("2026-02-10"); // Tue; 02-14 Sat workday, 02-15..02-23 holiday
                                             // working days after 02-10: 11,12,13,14(Sat workday),24,25,26,27,28(Sat workday),03-02
    assert_eq!(ob(&eval(&m, "2026-02-10"), R14).due, od("2026-03-02"));
}

#[test]
fn art_15_report_to_principal_head_timely() {
    let mut m = own(Civil);
    m.complaint_received = od("2025-03-03");
    let o = ob(&eval(&m, "2025-03-03"), R15).clone();
    assert_eq!(o.status, Status::NoFixedTerm);
    m.leader_reported = od("2025-03-04");
    assert_eq!(ob(&eval(&m, "2025-03-10"), R15).status, Status::Done);
}

#[test]
fn art_16_staff_agent_required_for_own_cases() {
    let mut m = own(AdminLitigation);
    m.agents = yingsu_engine::model::Cell::parse_cell("某律所（律师）").unwrap();
    assert_eq!(ob(&eval(&m, "2025-03-01"), R16).status, Status::Violation);
    assert!(!has(&eval(&m, "2025-03-01"), R09));
}

// ---------------------------------------------------------------- 第十七条 (R17)

#[test]
fn art_17_the_four_category_words_count_for_both_defendants() {
    for mut m in [own(AdminLitigation), gov(AdminLitigation)] {
        assert!(!has(&eval(&m, "2025-03-01"), R17));
        m.head_name = "王某".into();
        for t in ["正职", "副职", "分管副职", "其他分管负责人"] {
            m.head_title = t.into();
            assert_eq!(ob(&eval(&m, "2025-03-01"), R17).status, Status::Compliant, "{t}");
        }
        for t in ["科长", "法律顾问"] {
            m.head_title = t.into();
            assert_eq!(ob(&eval(&m, "2025-03-01"), R17).status, Status::Violation, "{t}");
        }
        m.head_title = String::new();
        assert_eq!(ob(&eval(&m, "2025-03-01"), R17).status, Status::MissingData, "empty → 无法认定");
    }
}

#[test]
fn art_17_r2_titles_are_classified_as_clerks_type_them() {
    use yingsu_engine::rules::{classify_head, HeadClass::*};
    let cases = [
        ("局长", Principal, Status::Compliant),
        ("副局长", Deputy, Status::Compliant),
        ("副科长", NotHead, Status::Violation),
        ("分管副区长", OtherInCharge, Status::Compliant),
        ("党组书记、局长", Principal, Status::Compliant),
        ("街道办事处主任", Principal, Status::Compliant),
        ("处长", NotHead, Status::Violation),
        ("副处长", NotHead, Status::Violation),
        ("副主任科员", NotHead, Status::Violation),
        ("办公室主任", NotHead, Status::Violation),
        ("所长", Unknown, Status::MissingData),
        ("", Unknown, Status::MissingData),
        ("  局长 ", Principal, Status::Compliant),
    ];
    for (title, class, status) in cases {
        let mut m = own(AdminLitigation);
        m.head_name = "王某".into();
        m.head_title = title.into();
        assert_eq!(classify_head(&m).0, class, "「{title}」");
        let o = ob(&eval(&m, "2025-03-01"), R17).clone();
        assert_eq!(o.status, status, "「{title}」: {}", o.explanation);
        if class.is_head() {
            // (r3 §7.5) a compound title names the segment that decided: 「党组书记、局长」按「局长」认定为正职.
            assert!(
                o.explanation.contains(&format!("「{}」按{}认定", title.trim(), class.label()))
                    || o.explanation.contains(&format!("「{}」按「", title.trim()))
                        && o.explanation.contains(&format!("认定为{}", class.label())),
                "{}",
                o.explanation
            );
        }
    }
}

#[test]
fn art_17_r2_a_title_that_heads_the_defendant_itself() {
    use yingsu_engine::rules::{classify_head, HeadClass::*};
    let mut m = own(AdminLitigation);
    m.head_name = "王某".into();
    for (agency, title, class) in [
        ("区政府办公室", "办公室主任", Principal),
        ("某某村民委员会", "村委会主任", Principal),
        ("某某村民委员会", "村主任", Principal),
        ("某某居民委员会", "居委会主任", Principal),
        ("区城管执法监察处", "处长", Principal),
        ("区城管执法监察处", "副处长", Deputy),
        ("区城管委", "办公室主任", NotHead),
    ] {
        m.agency = agency.into();
        m.head_title = title.into();
        assert_eq!(classify_head(&m).0, class, "{agency}「{title}」");
    }
}

#[test]
fn art_17_r2_for_district_government_only_its_own_heads_count() {
    use yingsu_engine::rules::{classify_head, HeadClass::*};
    let mut m = gov(AdminLitigation);
    m.head_name = "王某".into();
    for (title, class) in [
        ("区长", Principal),
        ("副区长", Deputy),
        ("常务副区长", Deputy),
        ("分管副区长", OtherInCharge),
        ("正职", Principal),
        ("局长", NotHead),
        ("主任", NotHead),
        ("镇长", NotHead),
        ("秘书长", NotHead),
        ("", Unknown),
    ] {
        m.head_title = title.into();
        assert_eq!(classify_head(&m).0, class, "「{title}」");
    }
    m.head_title = "局长".into();
    let o = ob(&eval(&m, "2025-03-01"), R17).clone();
    assert_eq!(o.status, Status::Violation);
    assert!(o.explanation.contains("下级行政机关的负责人不能作为被诉行政机关负责人出庭（法释〔2020〕3号第二条）"));
}

// ---------------------------------------------------------------- 第十八条第一款 (R18A)

#[test]
fn art_18_1_head_must_appear_in_major_cases_due_on_hearing_day() {
    let mut m = own(AdminLitigation);
    m.high_attention = true;
    m.hearing = od("2025-03-09"); // a Sunday: the hearing date is used as it is
    let o = ob(&eval(&m, "2025-03-01"), R18A).clone();
    assert_eq!((o.due, o.counting, o.status), (od("2025-03-09"), Some(Counting::Given), Status::Pending));
    assert_eq!(ob(&eval(&m, "2025-03-09"), R18A).status, Status::DueSoon, "hearing today, nobody recorded yet");
    assert_eq!(ob(&eval(&m, "2025-03-10"), R18A).status, Status::Violation, "(r2) never 已逾期");
}

#[test]
fn art_18_1_done_only_with_valid_head_after_hearing() {
    let mut m = gov(AdminLitigation);
    m.public_interest = true;
    m.hearing = od("2025-03-10");
    m.head_name = "王某".into();
    m.head_title = "副职".into();
    let before = ob(&eval(&m, "2025-03-08"), R18A).clone();
    assert_eq!(before.status, Status::DueSoon);
    assert_eq!(before.done, None);
    assert!(before.explanation.contains("已安排王某（副职）出庭"), "{}", before.explanation);
    let after = ob(&eval(&m, "2025-03-10"), R18A).clone();
    assert_eq!((after.status, after.done), (Status::Done, od("2025-03-10")));
    // (r2) after the hearing a 科长 is a breach, never 已逾期.
    m.head_title = "科长".into();
    assert_eq!(ob(&eval(&m, "2025-03-11"), R18A).status, Status::Violation);
}

#[test]
fn art_18_1_r2_after_the_hearing_violation_or_to_be_completed_never_overdue() {
    let mut m = own(AdminLitigation);
    m.high_attention = true;
    m.hearing = od("2025-03-10");
    let o = ob(&eval(&m, "2025-03-11"), R18A).clone();
    assert_eq!(o.status, Status::Violation, "no head recorded after the hearing");
    assert!(o.explanation.contains("开庭日已过，未记录符合第十七条的出庭负责人；如已出庭请补录"));
    m.head_name = "王某".into();
    m.head_title = "所长".into(); // 无法认定
    let o = ob(&eval(&m, "2025-03-11"), R18A).clone();
    assert_eq!(o.status, Status::MissingData);
    m.head_title = String::new();
    assert_eq!(ob(&eval(&m, "2025-03-11"), R18A).status, Status::MissingData);
    m.head_title = "副科长".into(); // 非负责人
    assert_eq!(ob(&eval(&m, "2025-03-11"), R18A).status, Status::Violation);
    m.head_title = "副局长".into();
    assert_eq!(ob(&eval(&m, "2025-03-11"), R18A).status, Status::Done);
    // Before the hearing a missing head is only a deadline.
    m.head_name = String::new();
    assert_eq!(ob(&eval(&m, "2025-03-01"), R18A).status, Status::Pending);
}

#[test]
fn art_18_1_r2_court_request_makes_the_head_appear_and_written_review_has_no_hearing() {
    let mut m = own(AdminLitigation);
    m.hearing = od("2025-03-10");
    assert!(!has(&eval(&m, "2025-03-01"), R18A));
    m.court_asked_head = true;
    let o = ob(&eval(&m, "2025-03-01"), R18A).clone();
    assert!(o.explanation.contains("行诉解释第一百二十九条"), "{}", o.explanation);
    let mut r = own(Reconsideration);
    r.high_attention = true;
    r.hearing = od("2025-03-10");
    assert!(has(&eval(&r, "2025-03-01"), R18A));
    r.written_review = true;
    let ev = eval(&r, "2025-03-01");
    assert!(!has(&ev, R18A) && !has(&ev, R19), "书面审理: no hearing, no R18A/R19");
}

#[test]
fn art_18_1_public_interest_litigation_always_and_civil_never() {
    let mut m = own(PublicInterest);
    m.hearing = od("2025-03-10");
    assert!(has(&eval(&m, "2025-03-01"), R18A));
    let mut c = own(Civil);
    c.mass_incident = true;
    c.hearing = od("2025-03-10");
    assert!(!has(&eval(&c, "2025-03-01"), R18A));
    let plain = own(AdminLitigation);
    assert!(!has(&eval(&plain, "2025-03-01"), R18A));
}

#[test]
fn art_18_1_missing_hearing_date_is_to_be_completed() {
    let mut m = own(Reconsideration);
    m.mass_incident = true;
    assert_eq!(ob(&eval(&m, "2025-03-01"), R18A).status, Status::MissingData);
}

// ---------------------------------------------------------------- 第二十条、第二十一条 (R20, R21)

#[test]
fn art_20_own_agency_appeal_within_statutory_period() {
    let mut m = own(AdminLitigation);
    m.judgment_received = od("2025-09-19"); // +15 = 10-04 (国庆) → 10-09
    m.outcome = Some(Outcome::Lost);
    let ev = eval(&m, "2025-09-19");
    assert_eq!(ob(&ev, R20).due, od("2025-10-09"));
    assert!(!has(&ev, R11A) && !has(&ev, R11C));
    let mut c = own(Civil);
    c.judgment_received = od("2025-03-03");
    c.judgment_type = Some(JudgmentType::Ruling);
    c.appeal_decision = Some(AppealDecision::Appeal); // (r3 §7.15) a 裁定: only once 上诉 is decided
    assert_eq!(ob(&eval(&c, "2025-03-03"), R20).due, od("2025-03-13"));
}

#[test]
fn art_20_no_appeal_row_from_second_instance_or_reconsideration() {
    let mut m = own(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.instance = Some(Instance::Second);
    assert!(!has(&eval(&m, "2025-03-03"), R20));
    let mut r = own(Reconsideration);
    r.judgment_received = od("2025-03-03");
    assert!(!has(&eval(&r, "2025-03-03"), R20));
}

#[test]
fn art_21_perform_effective_judgment() {
    let mut m = own(AdminLitigation);
    m.outcome = Some(Outcome::PartlyLost);
    m.effective = od("2025-03-03");
    m.perform_by = od("2025-04-30");
    m.performed = od("2025-05-06");
    let o = ob(&eval(&m, "2025-06-01"), R21).clone();
    assert_eq!((o.due, o.status), (od("2025-04-30"), Status::DoneLate));
}

// ---------------------------------------------------------------- 第二十二条 (R22A–R22C)

#[test]
fn art_22_1_suggestion_to_agency_report_and_reply() {
    let mut m = own(ProcuratorialSuggestion);
    m.suggestion_received = od("2025-07-31"); // +2个月 = 09-30 (Tue)
    let ev = eval(&m, "2025-08-01");
    assert_eq!(rules(&ev), vec![R22A, R22B]);
    assert_eq!(ob(&ev, R22A).status, Status::NoFixedTerm);
    assert_eq!(ob(&ev, R22B).due, od("2025-09-30"));
    assert_eq!(ob(&ev, R22B).responsible, "区城管委");
}

#[test]
fn art_22_2_legal_suggestion_by_set_time_or_timely_whatever_defendant() {
    for mut m in [own(LegalSuggestion), gov(LegalSuggestion)] {
        m.suggestion_received = od("2025-03-03");
        let ev = eval(&m, "2025-03-03");
        assert_eq!(rules(&ev), vec![R22C]);
        assert_eq!(ob(&ev, R22C).status, Status::NoFixedTerm);
        m.reply_by = od("2025-03-31");
        let o = ob(&eval(&m, "2025-04-01"), R22C).clone();
        assert_eq!((o.due, o.status), (od("2025-03-31"), Status::Overdue));
    }
}

#[test]
fn art_22_suggestion_matters_get_nothing_else() {
    let mut m = gov(ProcuratorialSuggestion);
    m.suggestion_received = od("2025-03-03");
    m.complaint_received = od("2025-03-03");
    m.head_name = "王局长".into();
    m.public_interest = true;
    assert_eq!(rules(&eval(&m, "2025-03-03")), vec![R13A, R13B]);
}

// ---------------------------------------------------------------- 第三十二条, statuses, data as entered

#[test]
fn art_32_r2_rows_are_judged_one_by_one() {
    // Received 2022-04-01: the answer was due 04-16 → 04-18 (Mon), before the rule took effect: left out.
    // (r3 §7.16) The leader report (及时, a reporting row) was triggered before 2022-04-28: the repealed 2017
    // rules governed it, so it is left out although not done (r2 listed it).
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2022-04-01");
    m.agents = yingsu_engine::model::Cell::parse_cell("李四（工作人员）").unwrap();
    let ev = eval(&m, "2025-01-01");
    assert!(!has(&ev, R14), "{:?}", rules(&ev));
    assert!(!has(&ev, R15));
    assert!(!has(&ev, R16), "R16 is judged by 收案日 (2022-04-01)");
    assert_eq!(
        ev.art32_note.as_deref(),
        Some("第三十二条：3项义务在2022-04-28本规则施行前已届满、已完成或适用原规则，未列出")
    );
    // The leader report done before 04-28: left out too.
    m.leader_reported = od("2022-04-02");
    let ev = eval(&m, "2025-01-01");
    assert!(!has(&ev, R15));
    // Received 2022-04-20: the answer was due 05-05 → still running on 04-28: governed by this rule (程序从新).
    m.complaint_received = od("2022-04-20");
    assert_eq!(
        ob(&eval(&m, "2025-01-01"), R14).due,
        od("2022-05-05"),
        "04-20 + 15 = 05-05, a working Thursday after the 劳动节 block"
    );
}

#[test]
fn art_32_r2_a_matter_straddling_the_effective_date_keeps_its_2025_appeal_deadline() {
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2022-03-01");
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Lost);
    let ev = eval(&m, "2025-03-05");
    assert!(!has(&ev, R14));
    assert_eq!(ob(&ev, R20).due, od("2025-03-18"));
    assert!(ev.art32_note.is_some());
}

#[test]
fn status_window_is_three_days_by_default_and_due_today_is_due_soon() {
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2025-03-03"); // due 03-18
    assert_eq!(ob(&eval(&m, "2025-03-14"), R14).status, Status::Pending);
    assert_eq!(ob(&eval(&m, "2025-03-15"), R14).status, Status::DueSoon);
    assert_eq!(ob(&eval(&m, "2025-03-18"), R14).status, Status::DueSoon);
    assert_eq!(ob(&eval(&m, "2025-03-19"), R14).status, Status::Overdue);
}

#[test]
fn done_date_after_today_still_counts_as_done() {
    // RULES.md §6.11: data is taken as entered.
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2025-03-03");
    m.answer_filed = od("2025-03-10");
    assert_eq!(ob(&eval(&m, "2025-03-05"), R14).status, Status::Done);
}

#[test]
fn done_before_trigger_is_a_data_warning() {
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2025-03-03");
    m.answer_filed = od("2025-03-01");
    let ev = eval(&m, "2025-03-05");
    assert!(ev.warnings.iter().any(|w| w.message.contains("日期顺序有误")));
}

#[test]
fn due_date_in_year_without_holiday_notice_carries_the_note() {
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2026-12-20");
    let o = ob(&eval(&m, "2026-12-20"), R14).clone();
    assert_eq!(o.due, od("2027-01-04"));
    assert!(o.uncovered_year && o.explanation.contains("该年度节假日安排未导入"));
}

#[test]
fn obligations_sorted_by_rule_and_responsible_follows_chapter() {
    let mut m = gov(AdminLitigation);
    m.handler = String::new();
    let ev = eval(&m, "2025-03-03");
    let r = rules(&ev);
    let mut sorted = r.clone();
    sorted.sort();
    assert_eq!(r, sorted);
    assert_eq!(ob(&ev, R07B).responsible, "应诉承办机关");
    // (r2, §6.13) a 本机关 matter: the agency of the matter — 所属机关, else 应诉承办机关, else the word 本机关.
    let mut o = own(AdminLitigation);
    o.agency = String::new();
    assert_eq!(ob(&eval(&o, "2025-03-03"), R14).responsible, "区城管委", "from 应诉承办机关");
    o.handler = String::new();
    assert_eq!(ob(&eval(&o, "2025-03-03"), R14).responsible, "本机关");
}

// ---------------------------------------------------------------- thinner rules, more cases

#[test]
fn art_15_not_for_suggestions_and_missing_receipt_is_to_be_completed() {
    let mut s = own(JudicialSuggestion);
    s.suggestion_received = od("2025-03-03");
    assert!(!has(&eval(&s, "2025-03-03"), R15));
    let m = own(Reconsideration);
    assert_eq!(ob(&eval(&m, "2025-03-03"), R15).status, Status::MissingData);
}

#[test]
fn art_16_no_agent_recorded_is_to_be_completed_staff_and_lawyer_complies() {
    let m = own(Civil);
    assert_eq!(ob(&eval(&m, "2025-03-01"), R16).status, Status::MissingData);
    let mut m2 = own(Civil);
    m2.agents = yingsu_engine::model::Cell::parse_cell("张三(工作人员)；李律师（律师）").unwrap();
    assert_eq!(ob(&eval(&m2, "2025-03-01"), R16).status, Status::Compliant, "half-width brackets accepted");
}

#[test]
fn art_22_1_r2_judicial_suggestion_two_months_urgent_needs_the_stated_period() {
    let mut m = own(JudicialSuggestion);
    m.suggestion_received = od("2025-09-26");
    m.urgent = true;
    let o = ob(&eval(&m, "2025-09-26"), R22B).clone();
    assert_eq!((o.due, o.status), (None, Status::MissingData), "no 公益诉讼 15 days for a 司法建议");
    assert_eq!(o.explanation, "紧急回复期限以建议书载明为准，请填写建议回复期限");
    assert!(!o.explanation.contains("法释〔2018〕6号"));
    m.urgent = false;
    m.reply_by = od("2025-10-20");
    m.replied = od("2025-10-21");
    let o = ob(&eval(&m, "2025-11-01"), R22B).clone();
    assert_eq!((o.due, o.counting, o.status), (od("2025-10-20"), Some(Counting::Given), Status::DoneLate));
    // 2 months from 2025-08-31 → 2025-10-31 (Fri); reported on time; the basis is the 司法建议 rule.
    let mut j = own(JudicialSuggestion);
    j.suggestion_received = od("2025-08-31");
    j.replied = od("2025-10-31");
    let o = ob(&eval(&j, "2025-11-01"), R22B).clone();
    assert_eq!(o.status, Status::Done);
    assert!(o.explanation.contains("法释〔2023〕11号第八条"), "{}", o.explanation);
}

#[test]
fn art_22_1_missing_receipt_date_is_to_be_completed() {
    let m = own(ProcuratorialSuggestion);
    let ev = eval(&m, "2025-03-03");
    assert_eq!(ob(&ev, R22A).status, Status::MissingData);
    assert_eq!(ob(&ev, R22B).status, Status::MissingData);
}

#[test]
fn art_11_1_report_in_working_days_setting_skips_national_day() {
    // 裁判文书签收日 2025-09-30 (Tue): 3 working days → 10-09, 10-10, 10-11 (Sat, 调休上班) = 10-11.
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-09-30");
    assert_eq!(ob(&eval_working(&m, "2025-09-30"), R11A).due, od("2025-10-11"));
    // Natural days: 09-30 + 3 = 10-03 (国庆) → 10-09.
    assert_eq!(ob(&eval(&m, "2025-09-30"), R11A).due, od("2025-10-09"));
}

#[test]
fn reconsideration_working_days_into_a_year_without_notice_count_weekdays_and_carry_the_note() {
    // 2026-12-24 (Thu) + 10 working days: 12-25, 28, 29, 30, 31, then 2027 with weekends only:
    // 01-01, 04, 05, 06, 07 → 2027-01-07, with the note.
    let mut m = own(Reconsideration);
    m.complaint_received = od("2026-12-24");
    let o = ob(&eval(&m, "2026-12-24"), R14).clone();
    assert_eq!(o.due, od("2027-01-07"));
    assert!(o.uncovered_year && o.explanation.contains("该年度节假日安排未导入"), "{}", o.explanation);
    // Entirely inside covered years: no note.
    m.complaint_received = od("2026-12-01");
    assert!(!ob(&eval(&m, "2026-12-01"), R14).uncovered_year);
}
