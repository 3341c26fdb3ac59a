//! 第四章 工作制度, the rules of one matter: 第二十二条 (司法建议、检察建议、法制建议) and 行政复议法第七十六条
//! (R22V), `rules::ch4`. The chapter's agency-level, periodic duties are in `periodic.rs`.

mod common;
use common::*;
use yingsu_engine::model::{CaseType::*, Column};
use yingsu_engine::{Counting, RuleId::*, Status};

#[test]
fn art_22_suggestion_matters_get_nothing_else() {
    let mut m = gov(ProcuratorialSuggestion);
    m.suggestion_received = od("2025-03-03");
    m.complaint_received = od("2025-03-03");
    m.head_name = "王局长".into();
    m.public_interest = true;
    assert_eq!(rules(&eval(&m, "2025-03-03")), vec![R13A, R13B]);
}

#[test]
fn art_22_r3_normative_judicial_suggestion_sixty_days_rolled_and_winning_over_urgent() {
    let mut m = own(JudicialSuggestion);
    m.suggestion_received = od("2025-03-03");
    m.normative_suggestion = true;
    m.urgent = true;
    // 03-03 + 60 = 05-02 (劳动节, 05-01..05-05) → 05-06.
    let o = ob(&eval(&m, "2025-03-04"), R22B).clone();
    assert_eq!((o.due, o.counting), (od("2025-05-06"), Some(Counting::Natural)));
    assert!(o.explanation.contains("行诉解释第一百四十九条"));
    assert_eq!(ob(&eval_working(&m, "2025-03-04"), R22B).due, od("2025-05-06"), "a court period, not 计日方式");
    // A recorded 建议回复期限 still wins.
    m.reply_by = od("2025-04-01");
    assert_eq!(ob(&eval(&m, "2025-03-04"), R22B).due, od("2025-04-01"));
    // 区政府's R13B likewise.
    let mut g = gov(JudicialSuggestion);
    g.suggestion_received = od("2025-03-03");
    g.normative_suggestion = true;
    assert_eq!(ob(&eval(&g, "2025-03-04"), R13B).due, od("2025-05-06"));
}

#[test]
fn art_22_r3_normative_flag_on_another_type_is_a_warning_without_effect() {
    let mut m = own(ProcuratorialSuggestion);
    m.suggestion_received = od("2025-03-03");
    m.normative_suggestion = true;
    let ev = eval(&m, "2025-03-04");
    assert_eq!(ob(&ev, R22B).due, od("2025-05-06"), "2个月: 05-03 → 劳动节 → 05-06");
    assert!(ev
        .warnings
        .iter()
        .any(|w| w.column == Some(Column::NormativeSuggestion) && w.clause == "第十三条、第二十二条"));
}

#[test]
fn art_22_r3_reconsideration_opinion_sixty_days_only_r22v() {
    for m in [own(ReconsiderationOpinion), gov(ReconsiderationOpinion)] {
        let mut m = m;
        m.suggestion_received = od("2025-03-03");
        m.urgent = true;
        m.reply_by = od("2025-03-10");
        let ev = eval(&m, "2025-03-04");
        assert_eq!(rules(&ev), vec![R22V]);
        let o = ob(&ev, R22V);
        assert_eq!((o.due, o.counting), (od("2025-05-06"), Some(Counting::Natural)));
        assert_eq!(o.responsible, "区城管委");
        assert_eq!(o.info().clause, "行政复议法第七十六条");
        m.replied = od("2025-04-30");
        assert_eq!(ob(&eval(&m, "2025-05-01"), R22V).status, Status::Done);
    }
}

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
fn r2_pre_litigation_flag_only_for_procuratorial_suggestions() {
    let mut m = own(JudicialSuggestion);
    m.pre_litigation = true;
    m.suggestion_received = od("2025-03-03");
    let ev = eval(&m, "2025-03-03");
    assert!(warned(&ev).contains(&("第十三条、第二十二条", Some(Column::PreLitigation))), "{:?}", ev.warnings);
    assert_eq!(ob(&ev, R22B).due, od("2025-05-06"), "2 months: 05-03 (劳动节 block) → 05-06");
}
