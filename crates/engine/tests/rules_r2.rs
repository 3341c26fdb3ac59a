//! RULES.md revision 2: one or more tests per `(r2)` item, each written from its article and spec line.
//! Calendar facts are from `shared/reference/cn-holidays.csv` (checked by hand in the comments).

mod common;
use common::*;
use yingsu_engine::model::{
    ActSource, AppealDecision, CaseType::*, Column, Instance, JudgmentType, Outcome, QuashReason,
};
use yingsu_engine::{Counting, RuleId::*, Settings, Status};

fn judged(outcome: Option<Outcome>, decision: Option<AppealDecision>) -> yingsu_engine::Matter {
    let mut m = own(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.outcome = outcome;
    m.appeal_decision = decision;
    m
}

// ---------------------------------------------------------------- 第十一条、第二十条: when an appeal can matter

#[test]
fn art_20_r2_won_dismissed_withdrawn_mediated_give_no_appeal_row_unless_appeal_decided() {
    for o in [Outcome::Won, Outcome::Dismissed, Outcome::Withdrawn, Outcome::Mediated] {
        let ev = eval(&judged(Some(o), None), "2025-03-20");
        assert!(!has(&ev, R20), "{o}: no appeal row, hence no false 已逾期");
        let ev = eval(&judged(Some(o), Some(AppealDecision::Appeal)), "2025-03-05");
        assert!(has(&ev, R20), "{o} with 上诉决定 = 上诉");
        assert!(!has(&eval(&judged(Some(o), Some(AppealDecision::NoAppeal)), "2025-03-05"), R20));
    }
    // A won case with 上诉 recorded is flagged for checking.
    let ev = eval(&judged(Some(Outcome::Won), Some(AppealDecision::Appeal)), "2025-03-05");
    assert!(ev.warnings.iter().any(|w| w.message == "胜诉/驳回起诉/撤诉案件记录了上诉，请核对"));
}

#[test]
fn art_20_r2_lost_other_or_unrecorded_outcome_keep_the_appeal_row() {
    for o in [Some(Outcome::Lost), Some(Outcome::PartlyLost), Some(Outcome::Other), None] {
        let ev = eval(&judged(o, None), "2025-03-05");
        assert_eq!(ob(&ev, R20).due, od("2025-03-18"), "{o:?}");
    }
    // 裁判结果 empty: the matter asks for it.
    let ev = eval(&judged(None, None), "2025-03-05");
    assert!(ev
        .warnings
        .iter()
        .any(|w| w.message == "请填写裁判结果（决定是否需要上诉）" && w.column == Some(Column::Outcome)));
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
fn art_20_r2_empty_judgment_type_counts_as_ruling_for_dismissal_and_withdrawal() {
    // 驳回起诉, 上诉 decided, 裁判类型 empty: 裁定 → 10 days: 03-03 + 10 = 03-13 (Thu).
    let m = judged(Some(Outcome::Dismissed), Some(AppealDecision::Appeal));
    let o = ob(&eval(&m, "2025-03-05"), R20).clone();
    assert_eq!(o.due, od("2025-03-13"));
    assert!(o.explanation.contains("裁判类型未填写，驳回起诉、撤诉按裁定计"), "{}", o.explanation);
    // 裁判结果 empty, 裁判类型 empty: 判决 → 15 days.
    assert_eq!(ob(&eval(&judged(None, None), "2025-03-05"), R20).due, od("2025-03-18"));
    // 判决 recorded with 驳回起诉: flagged.
    let mut w = judged(Some(Outcome::Dismissed), None);
    w.judgment_type = Some(JudgmentType::Judgment);
    assert!(eval(&w, "2025-03-05").warnings.iter().any(|x| x.message == "驳回起诉为裁定，请核对裁判类型"));
}

// ---------------------------------------------------------------- 第二十条 二审参考 (R20R)

#[test]
fn art_20_r2_lost_second_instance_retrial_decision_within_six_months() {
    let mut m = own(AdminLitigation);
    m.instance = Some(Instance::Second);
    m.judgment_received = od("2025-08-31");
    m.outcome = Some(Outcome::Lost);
    // No 生效日: from 裁判文书签收日; 2025-08-31 + 6个月 → 2026-02-28 (no 31st: month end), a 春节 调休 Saturday.
    let o = ob(&eval(&m, "2025-09-01"), R20R).clone();
    assert_eq!((o.due, o.counting), (od("2026-02-28"), Some(Counting::Months)));
    assert_eq!(o.trigger_column, Some(Column::JudgmentReceived));
    assert!(o.explanation.contains("行诉解释第一百一十条"), "{}", o.explanation);
    assert!(!has(&eval(&m, "2025-09-01"), R20), "no 上诉 from a 二审 judgment");
    // With 生效日: from it. 2025-03-03 + 6个月 = 2025-09-03 (Wed).
    m.effective = od("2025-03-03");
    let o = ob(&eval(&m, "2025-03-05"), R20R).clone();
    assert_eq!((o.due, o.trigger_column), (od("2025-09-03"), Some(Column::Effective)));
    m.retrial_applied = od("2025-08-01");
    assert_eq!(ob(&eval(&m, "2025-10-01"), R20R).status, Status::Done);
    // 不申请 (上诉决定 = 不上诉) or a won 二审: no row.
    m.appeal_decision = Some(AppealDecision::NoAppeal);
    assert!(!has(&eval(&m, "2025-03-05"), R20R));
    m.appeal_decision = None;
    m.outcome = Some(Outcome::Won);
    assert!(!has(&eval(&m, "2025-03-05"), R20R));
}

#[test]
fn art_20_r2_retrial_row_is_chapter_three_only() {
    let mut m = gov(AdminLitigation);
    m.instance = Some(Instance::Second);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Lost);
    let ev = eval(&m, "2025-03-05");
    assert!(!has(&ev, R20R));
    assert!(has(&ev, R11A) && has(&ev, R11B), "R11A/R11B cover 区政府's 二审 judgments");
    let mut r = own(Reconsideration);
    r.instance = Some(Instance::Second);
    r.judgment_received = od("2025-03-03");
    r.outcome = Some(Outcome::Lost);
    assert!(!has(&eval(&r, "2025-03-05"), R20R));
}

// ---------------------------------------------------------------- 第十二条、第二十一条: 调解书, 久未完成

#[test]
fn art_21_r2_mediation_agreement_is_performed_like_a_judgment() {
    let mut m = own(AdminLitigation);
    m.judgment_type = Some(JudgmentType::Mediation);
    m.judgment_received = od("2025-03-03");
    m.effective = od("2025-03-03");
    m.perform_by = od("2025-04-30");
    assert_eq!(ob(&eval(&m, "2025-03-05"), R21).due, od("2025-04-30"));
    let mut g = gov(AdminLitigation);
    g.outcome = Some(Outcome::Mediated);
    g.effective = od("2025-03-03");
    assert_eq!(ob(&eval(&g, "2025-03-05"), R12).counting, Some(Counting::Timely));
}

#[test]
fn r2_timely_rows_open_30_days_are_open_31_days_long_open() {
    let mut m = own(AdminLitigation);
    m.judgment_received = od("2025-03-01");
    m.outcome = Some(Outcome::Lost);
    m.effective = od("2025-03-03");
    let o = ob(&eval(&m, "2025-04-02"), R21).clone(); // 30 days
    assert_eq!(o.status, Status::NoFixedTerm);
    let o = ob(&eval(&m, "2025-04-03"), R21).clone(); // 31 days
    assert_eq!(o.status, Status::LongOpen);
    assert!(o.explanation.contains("规则未规定具体期限；已超过30日未完成"), "{}", o.explanation);
    assert!(o.status.needs_attention() && o.status.is_open());
    // The setting moves the threshold.
    let s = Settings { timely_days: 45, ..Settings::default() };
    let ev = yingsu_engine::evaluate(&m, &yingsu_engine::Calendar::bundled(), &s, d("2025-04-03"));
    assert_eq!(ob(&ev, R21).status, Status::NoFixedTerm);
    m.performed = od("2025-05-01");
    assert_eq!(ob(&eval(&m, "2025-06-01"), R21).status, Status::Done, "done 及时 rows are 已完成");
}

#[test]
fn r2_long_open_applies_to_every_timely_duty() {
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2025-03-03");
    assert_eq!(ob(&eval(&m, "2025-04-03"), R15).status, Status::LongOpen);
    let mut s = own(LegalSuggestion);
    s.suggestion_received = od("2025-03-03");
    assert_eq!(ob(&eval(&s, "2025-04-03"), R22C).status, Status::LongOpen);
    let mut g = gov(JudicialSuggestion);
    g.suggestion_received = od("2025-03-03");
    assert_eq!(ob(&eval(&g, "2025-04-03"), R13A).status, Status::LongOpen);
}

// ---------------------------------------------------------------- 复议 简易程序

#[test]
fn art_14_r2_simplified_reconsideration_answers_in_five_working_days() {
    let mut m = own(Reconsideration);
    m.simplified = true;
    // 2025-09-26 (Fri): 09-28 (Sun, 调休) 1, 09-29 2, 09-30 3, 10-01..08 holiday, 10-09 4, 10-10 5.
    m.complaint_received = od("2025-09-26");
    let o = ob(&eval(&m, "2025-09-26"), R14).clone();
    assert_eq!((o.due, o.counting), (od("2025-10-10"), Some(Counting::Working)));
    assert!(o.explanation.contains("行政复议法第五十四条"), "{}", o.explanation);
    let mut g = gov(Reconsideration);
    g.simplified = true;
    g.complaint_received = od("2025-09-26");
    assert_eq!(ob(&eval(&g, "2025-09-26"), R08).due, od("2025-10-10"));
}

#[test]
fn art_14_r2_simplified_flag_before_2024_is_ignored_with_a_note() {
    // Old law: 10 自然日. 2023-09-27 + 10 = 2023-10-07, a 国庆 调休 Saturday: no roll.
    let mut m = own(Reconsideration);
    m.simplified = true;
    m.complaint_received = od("2023-09-27");
    let o = ob(&eval(&m, "2023-09-27"), R14).clone();
    assert_eq!((o.due, o.counting), (od("2023-10-07"), Some(Counting::Natural)));
    assert!(o.explanation.contains("原行政复议法无简易程序"), "{}", o.explanation);
}

#[test]
fn r2_simplified_on_a_lawsuit_has_no_effect_and_r3_gives_a_notice_not_a_warning() {
    let mut m = own(AdminLitigation);
    m.simplified = true;
    m.complaint_received = od("2025-01-20");
    let ev = eval(&m, "2025-01-20");
    assert_eq!(ob(&ev, R14).due, od("2025-02-05"));
    // (r3 §7.10) the r2 warning "简易程序仅适用于行政复议" is withdrawn (a lawsuit has a 简易程序 too).
    assert!(ev.warnings.is_empty(), "{:?}", ev.warnings);
    assert!(ob(&ev, R14).explanation.contains("行政诉讼简易程序的答辩、举证期限以法院通知为准"));
}

// ---------------------------------------------------------------- 第十九条 (R19)

#[test]
fn art_19_r2_hearing_preparation_due_by_the_hearing_and_a_hint_afterwards() {
    let mut m = own(AdminLitigation);
    m.high_attention = true;
    m.hearing = od("2025-03-10");
    let o = ob(&eval(&m, "2025-03-01"), R19).clone();
    assert_eq!((o.due, o.counting, o.status), (od("2025-03-10"), Some(Counting::Given), Status::Pending));
    assert_eq!(o.done_column, Some(Column::HearingPrepared));
    assert_eq!(ob(&eval(&m, "2025-03-08"), R19).status, Status::DueSoon);
    // After the hearing without a record: 提示, never 已逾期; the date stays.
    let o = ob(&eval(&m, "2025-03-11"), R19).clone();
    assert_eq!((o.status, o.due, o.counting), (Status::Info, od("2025-03-10"), Some(Counting::Given)));
    assert!(o.explanation.contains("开庭已结束，未记录出庭准备日"));
    m.hearing_prepared = od("2025-03-07");
    assert_eq!(ob(&eval(&m, "2025-03-11"), R19).status, Status::Done);
}

#[test]
fn art_19_r2_applies_when_a_head_is_recorded_in_any_case_type() {
    // (r3 §7.25: §7.17 carries over to R19 — not a 民事诉讼; any other type.)
    let mut c = own(Civil);
    c.hearing = od("2025-03-10");
    c.head_name = "王某".into();
    c.head_title = "局长".into();
    assert!(!has(&eval(&c, "2025-03-01"), R19));
    let mut m = own(Reconsideration);
    m.hearing = od("2025-03-10");
    assert!(!has(&eval(&m, "2025-03-01"), R19), "no R18A, no head: no R19");
    m.head_name = "王某".into();
    m.head_title = "局长".into();
    assert!(has(&eval(&m, "2025-03-01"), R19));
    m.hearing = None;
    assert!(!has(&eval(&m, "2025-03-01"), R19), "R19 needs 开庭日");
}

// ---------------------------------------------------------------- 第二十一条第二款 (R21B)

#[test]
fn art_21_2_r2_remake_order_by_quash_reason() {
    let mut m = own(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Lost);
    assert!(!has(&eval(&m, "2025-03-05"), R21B));
    m.remake = true;
    for (reason, text) in [
        // (r3 §7.12) in the law's words; the r2 reading that 法律适用 allows the same facts and reasons is withdrawn.
        (Some(QuashReason::Procedure), "因违反法定程序被撤销：重新作出不受“同一事实和理由”的限制"),
        (
            Some(QuashReason::LawApplication),
            "不得以同一的事实和理由作出与原行政行为基本相同的行政行为（行政诉讼法第71条）",
        ),
        (Some(QuashReason::FactsEvidence), "不得以同一的事实和理由作出与原行政行为基本相同的行政行为"),
        (Some(QuashReason::Other), "不得以同一的事实和理由作出与原行政行为基本相同的行政行为"),
        (None, "不得以同一的事实和理由作出与原行政行为基本相同的行政行为"),
    ] {
        m.quash_reason = reason;
        let o = ob(&eval(&m, "2025-03-05"), R21B).clone();
        assert_eq!(o.status, Status::Info);
        assert!(o.explanation.contains(text), "{reason:?}: {}", o.explanation);
        assert_eq!(o.counting, None);
    }
    m.remade = od("2025-04-01");
    assert!(ob(&eval(&m, "2025-04-05"), R21B).explanation.contains("已于 2025-04-01 重新作出"));
    let mut g = gov(AdminLitigation);
    g.remake = true;
    g.handler = "区住建委".into();
    assert_eq!(ob(&eval(&g, "2025-03-05"), R21B).responsible, "区住建委");
}

// ---------------------------------------------------------------- 第五条、第十条: 待补充, never a guess

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

// ---------------------------------------------------------------- cross-rule warnings

#[test]
fn art_07_08_r2_internal_deadline_on_the_statutory_day_leaves_no_review_time() {
    // 起诉状副本 2025-03-03 → R08 03-18; 办理函 2025-03-13 + 5 = 03-18: the same day.
    let mut m = gov(AdminLitigation);
    m.complaint_received = od("2025-03-03");
    m.letter_received = od("2025-03-13");
    let ev = eval(&m, "2025-03-13");
    assert_eq!(ob(&ev, R07C).due, ob(&ev, R08).due);
    assert!(ev.warnings.iter().any(|w| w.message.starts_with("内部期限与法定答辩期限同日，无审核、审定时间")));
}

#[test]
fn r2_pre_litigation_flag_only_for_procuratorial_suggestions() {
    let mut m = own(JudicialSuggestion);
    m.pre_litigation = true;
    m.suggestion_received = od("2025-03-03");
    let ev = eval(&m, "2025-03-03");
    assert!(ev.warnings.iter().any(|w| w.message == "诉前检察建议仅适用于检察建议"));
    assert_eq!(ob(&ev, R22B).due, od("2025-05-06"), "2 months: 05-03 (劳动节 block) → 05-06");
}

// ---------------------------------------------------------------- 责任主体 (§6.13)

#[test]
fn r2_responsible_is_always_an_agency() {
    let mut m = gov(PublicInterest);
    m.handler = "区生态环境局".into();
    m.hearing = od("2025-03-10");
    m.head_name = "王某".into();
    m.head_title = "副区长".into();
    let ev = eval(&m, "2025-03-01");
    for r in [R17, R18A, R19] {
        assert_eq!(ob(&ev, r).responsible, "区生态环境局", "{r}");
    }
    let mut o = own(PublicInterest);
    o.agency = "区水务局".into();
    o.hearing = od("2025-03-10");
    let ev = eval(&o, "2025-03-01");
    assert_eq!(ob(&ev, R18A).responsible, "区水务局");
    let mut legal = gov(LegalSuggestion);
    legal.agency = "区水务局".into();
    assert_eq!(ob(&eval(&legal, "2025-03-01"), R22C).responsible, "区水务局");
}
