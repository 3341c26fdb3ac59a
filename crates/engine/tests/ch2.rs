//! 第二章 以区政府为被告的行政应诉程序 (第五条至第十三条): the rules of a matter with 被告类型 = 区政府
//! (RULES.md §3, `rules::ch2`), in the order of the articles.

mod common;
use common::*;
use yingsu_engine::model::{
    ActSource, Agency, AgencyName, AgencyType, AppealDecision, CaseType::*, Column, Instance, JudgmentType, Outcome,
    Standing,
};
use yingsu_engine::rules::evaluate_in;
use yingsu_engine::{Calendar, Counting, RuleId::*, Settings, Status};

#[test]
fn art_05_only_for_district_government_cases() {
    assert!(!has(&eval(&own(AdminLitigation), "2025-03-01"), R05));
}

#[test]
fn art_05_r2_missing_source_is_to_be_completed_and_justice_bureau_without_reconsideration_warns() {
    let mut m = gov(AdminLitigation);
    let o = ob(&eval(&m, "2025-03-01"), R05).clone();
    assert_eq!((o.status, o.fill, o.responsible.as_str()), (Status::MissingData, Some(Column::ActSource), "区司法局"));
    m.act_source = Some(ActSource::InGovName);
    m.handler = "区司法局".into();
    let ev = eval(&m, "2025-03-01");
    assert!(ev.warnings.iter().any(|w| w.clause == "第五条"), "区司法局 while the act is not from a 复议");
    m.handler = "区住建委".into();
    let ev = eval(&m, "2025-03-01");
    assert!(ev.warnings.is_empty(), "{:?}", ev.warnings);
    assert!(ob(&ev, R05).explanation.contains("区住建委"));
    let mut c = gov(Civil);
    c.act_source = None;
    assert!(!has(&eval(&c, "2025-03-01"), R05), "第五条 is for 行政应诉案件, not 民事诉讼");
}

#[test]
fn art_05_r3_bureau_recognised_by_its_directory_entry() {
    let mut m = bureau_matter();
    m.handler = "法治办".into();
    let dir = vec![Agency {
        name: AgencyName("法治办".into()),
        agency_type: Some(AgencyType::JusticeBureau),
        ..Agency::default()
    }];
    let ev = evaluate_in(&m, &Calendar::bundled(), &Settings::default(), d("2025-03-10"), &dir);
    assert!(!has(&ev, R06));
    // Without the directory the name alone does not say so.
    assert!(has(&eval(&m, "2025-03-10"), R06));
    // 区司法局 while the source is not 行政复议 still contradicts 第五条.
    let mut w = bureau_matter();
    w.act_source = Some(ActSource::InGovName);
    assert!(eval(&w, "2025-03-10").warnings.iter().any(|x| x.clause == "第五条" && x.column == Some(Column::Handler)));
}

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

#[test]
fn art_06_r3_bureau_handling_itself_owes_no_letter_and_reports_at_once_from_its_own_receipt() {
    let m = bureau_matter();
    let ev = eval(&m, "2025-03-10");
    for r in [R06, R07B, R07C, R07D] {
        assert!(!has(&ev, r), "{r}: {:?}", rules(&ev));
    }
    let a = ob(&ev, R07A);
    assert_eq!(
        (a.trigger_column, a.trigger, a.due),
        (Some(Column::BureauReceived), od("2025-03-03"), od("2025-03-03"))
    );
    assert_eq!(ob(&ev, R08).due, od("2025-03-18"));
    // R05: the full name is 区司法局 — no contradiction, and the 说明 says what the bureau does.
    assert!(ev.warnings.iter().all(|w| w.clause != "第五条"), "{:?}", ev.warnings);
    assert!(ob(&ev, R05).explanation.contains("区司法局为应诉承办机关，无需出具办理函"));
}

#[test]
fn art_07_r3_bureau_matter_has_no_internal_versus_statutory_check() {
    let mut m = bureau_matter();
    m.letter_received = od("2025-03-14");
    assert!(eval(&m, "2025-03-14").warnings.iter().all(|w| w.clause != "第七条、第八条"));
}

#[test]
fn art_07_r3_internal_versus_statutory_warning_only_while_the_answer_is_not_filed() {
    let mut m = gov(AdminLitigation);
    m.handler = "区城管委".into();
    m.complaint_received = od("2025-03-03"); // R08: 03-18
    m.letter_received = od("2025-03-14"); // R07C: 03-19
    assert!(eval(&m, "2025-03-14").warnings.iter().any(|w| w.clause == "第七条、第八条"));
    m.answer_filed = od("2025-03-17");
    assert!(eval(&m, "2025-03-18").warnings.iter().all(|w| w.clause != "第七条、第八条"));
}

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
    assert!(warned(&ev).contains(&("第七条、第八条", Some(Column::LetterReceived))), "{:?}", ev.warnings);
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

#[test]
fn art_07_08_r2_internal_deadline_on_the_statutory_day_leaves_no_review_time() {
    // 起诉状副本 2025-03-03 → R08 03-18; 办理函 2025-03-13 + 5 = 03-18: the same day.
    let mut m = gov(AdminLitigation);
    m.complaint_received = od("2025-03-03");
    m.letter_received = od("2025-03-13");
    let ev = eval(&m, "2025-03-13");
    assert_eq!(ob(&ev, R07C).due, ob(&ev, R08).due);
    assert!(warned(&ev).contains(&("第七条、第八条", Some(Column::LetterReceived))), "{:?}", ev.warnings);
}

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

#[test]
fn art_08_r3_district_government_as_appellant_has_no_answer_row() {
    let mut m = gov(AdminLitigation);
    m.instance = Some(Instance::Second);
    m.standing = Some(Standing::Appellant);
    m.complaint_received = od("2025-03-03");
    assert!(!has(&eval(&m, "2025-03-04"), R08));
    m.standing = None;
    assert!(has(&eval(&m, "2025-03-04"), R08));
}

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

#[test]
fn art_10_r2_missing_source_is_to_be_completed() {
    let mut m = gov(AdminLitigation);
    m.joint_defendant = true;
    let o = ob(&eval(&m, "2025-03-01"), R10).clone();
    assert_eq!(o.status, Status::MissingData);
    assert_eq!(o.explanation, "无法判断适用第十条第一款还是第二款，请填写被诉行为来源");
    m.act_source = Some(ActSource::Reconsideration);
    assert!(ob(&eval(&m, "2025-03-01"), R10).explanation.starts_with("第十条第一款"));
    m.act_source = Some(ActSource::StatutoryDuty);
    assert!(ob(&eval(&m, "2025-03-01"), R10).explanation.starts_with("第十条第二款"));
}

#[test]
fn art_11_appeal_filed_although_declined_is_a_data_warning() {
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.appeal_decision = Some(AppealDecision::NoAppeal);
    m.appeal_filed = od("2025-03-10");
    let ev = eval(&m, "2025-03-03");
    assert!(warned(&ev).contains(&("第十一条、第二十条", Some(Column::AppealFiled))), "{:?}", ev.warnings);
}

#[test]
fn art_11_r2_same_appeal_conditions_for_district_government() {
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Won);
    let ev = eval(&m, "2025-03-20");
    assert!(!has(&ev, R11C));
    assert!(has(&ev, R11A), "the judgment is still reported to 区司法局");
    m.outcome = Some(Outcome::Lost);
    assert_eq!(ob(&eval(&m, "2025-03-05"), R11C).due, od("2025-03-18"));
}

#[test]
fn art_11_r3_bureau_handling_itself_has_no_report_to_itself_but_keeps_the_loss_analysis() {
    let mut m = bureau_matter();
    m.judgment_received = od("2025-03-10");
    m.outcome = Some(Outcome::Lost);
    let ev = eval(&m, "2025-03-11");
    assert!(!has(&ev, R11A));
    assert!(has(&ev, R11B));
}

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
fn art_11_1_report_in_working_days_setting_skips_national_day() {
    // 裁判文书签收日 2025-09-30 (Tue): 3 working days → 10-09, 10-10, 10-11 (Sat, 调休上班) = 10-11.
    let mut m = gov(AdminLitigation);
    m.judgment_received = od("2025-09-30");
    assert_eq!(ob(&eval_working(&m, "2025-09-30"), R11A).due, od("2025-10-11"));
    // Natural days: 09-30 + 3 = 10-03 (国庆) → 10-09.
    assert_eq!(ob(&eval(&m, "2025-09-30"), R11A).due, od("2025-10-09"));
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
    assert!(warned(&ev).contains(&("第十一条第二款", Some(Column::OriginalAppealFiled))), "{:?}", ev.warnings);
    m.original_appeal_filed = od("2025-03-12");
    let ev = eval(&m, "2025-03-20");
    assert_eq!(ob(&ev, R11D).status, Status::Done);
    assert!(!warned(&ev).contains(&("第十一条第二款", Some(Column::OriginalAppealFiled))), "{:?}", ev.warnings);
}

#[test]
fn art_11_2_r3_original_agency_appeal_runs_from_its_own_receipt() {
    let mut m = r11d_matter();
    let o = ob(&eval(&m, "2025-03-04"), R11D).clone();
    assert_eq!(o.trigger, od("2025-03-03"));
    assert!(o.explanation.contains("请填写原机关签收日"));
    m.original_received = od("2025-03-05");
    let o = ob(&eval(&m, "2025-03-06"), R11D).clone();
    assert_eq!((o.trigger_column, o.due), (Some(Column::OriginalReceived), od("2025-03-20")));
}

#[test]
fn art_11_2_r3_original_agency_appeal_without_appeal_decision_is_flagged() {
    let mut m = r11d_matter();
    m.appeal_decision = None;
    m.original_appeal_filed = od("2025-03-10");
    let ev = eval(&m, "2025-03-11");
    assert!(warned(&ev).contains(&("第十一条第二款", Some(Column::AppealDecision))), "{:?}", ev.warnings);
    m.appeal_decision = Some(AppealDecision::Appeal);
    assert!(eval(&m, "2025-03-11").warnings.iter().all(|w| w.column != Some(Column::AppealDecision)));
}

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

#[test]
fn art_12_r3_reconsideration_decision_without_effective_date_runs_from_service() {
    let mut m = lost(gov(AdminLitigation));
    m.judgment_type = Some(JudgmentType::ReconsiderationDecision);
    let o = ob(&eval(&m, "2025-03-05"), R12).clone();
    assert_eq!(o.trigger, od("2025-03-03"));
    // §7.25: any 行政复议 outcome, whatever 裁判类型 says.
    let mut r = lost(own(Reconsideration));
    r.judgment_type = Some(JudgmentType::Judgment);
    assert_eq!(ob(&eval(&r, "2025-03-05"), R21).trigger, od("2025-03-03"));
}

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
