//! RULES.md revision 3 (§7): one or more tests per item, each named after its article and written from the
//! article and the spec line, with the edges the issue names. Calendar facts are from
//! `shared/reference/cn-holidays.csv` (checked by hand in the comments).

mod common;
use common::*;
use yingsu_engine::agency::{assessment, r18b, report_duties, ReportLogEntry, ReportPeriod};
use yingsu_engine::model::{
    ActSource, Agency, AgencyName, AgencyType, AppealDecision, CaseType::*, Column, Instance, JudgmentType, Outcome,
    QuashReason, Standing, TimeOfDay,
};
use yingsu_engine::report::{counts_by_agency, half_year, self_check_in, self_check_period};
use yingsu_engine::rules::{classify_title, evaluate_in, HeadClass};
use yingsu_engine::schedule::{clashes, schedule, ItemKind};
use yingsu_engine::{evaluate, Calendar, Counting, Matter, RuleId::*, Settings, Status};

fn spoken(m: &Matter, today: &str) -> Vec<yingsu_engine::Evaluation> {
    vec![eval(m, today)]
}

// ---------------------------------------------------------------- §7.1 第十九条: no date-order warning

#[test]
fn art_19_r3_briefing_before_the_hearing_is_not_a_date_order_warning() {
    let mut m = own(AdminLitigation);
    m.high_attention = true;
    m.hearing = od("2025-03-10");
    m.head_name = "王某".into();
    m.head_title = "局长".into();
    m.hearing_prepared = od("2025-03-07");
    let ev = eval(&m, "2025-03-11");
    assert_eq!(ob(&ev, R19).status, Status::Done);
    assert!(ev.warnings.iter().all(|w| !w.message.contains("日期顺序有误")), "{:?}", ev.warnings);
    // A real order error elsewhere is still found: 答辩提交日 before 起诉状副本收到日.
    m.complaint_received = od("2025-03-03");
    m.answer_filed = od("2025-03-01");
    let ev = eval(&m, "2025-03-11");
    assert!(ev.warnings.iter().any(|w| w.column == Some(Column::AnswerFiled) && w.message.contains("日期顺序有误")));
}

// ---------------------------------------------------------------- §7.2 第十二条、第二十一条: performance without 生效日

fn lost(mut m: Matter) -> Matter {
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Lost);
    m
}

#[test]
fn art_21_r3_second_instance_without_effective_date_runs_from_service() {
    let mut m = lost(own(AdminLitigation));
    m.instance = Some(Instance::Second);
    let o = ob(&eval(&m, "2025-03-05"), R21).clone();
    assert_eq!((o.trigger, o.trigger_column), (od("2025-03-03"), Some(Column::JudgmentReceived)));
    assert_eq!(o.status, Status::NoFixedTerm);
    assert!(o.explanation.starts_with("生效日未填写：二审裁判/复议决定送达即发生法律效力，以裁判文书签收日起算"));
    // 生效日 recorded wins.
    m.effective = od("2025-03-04");
    assert_eq!(ob(&eval(&m, "2025-03-05"), R21).trigger_column, Some(Column::Effective));
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
fn art_21_r3_first_instance_not_appealed_without_effective_date_is_to_be_completed() {
    let mut m = lost(own(AdminLitigation));
    m.appeal_decision = Some(AppealDecision::NoAppeal);
    m.perform_by = od("2025-04-30");
    let o = ob(&eval(&m, "2025-03-05"), R21).clone();
    assert_eq!(o.status, Status::MissingData);
    assert_eq!((o.due, o.fill), (None, Some(Column::Effective)), "§7.25: 期限日 empty even with 履行期限");
    assert_eq!(o.explanation, "请填写生效日：一审裁判在上诉期满且各方均未上诉时发生法律效力");
}

#[test]
fn art_21_r3_first_instance_appeal_period_over_asks_for_effective_date_and_pending_appeal_gives_no_row() {
    let m = lost(own(AdminLitigation));
    // 03-03 + 15 = 03-18: the appeal may still come — no performance row.
    let ev = eval(&m, "2025-03-10");
    assert!(has(&ev, R20) && !has(&ev, R21));
    // Over, no 上诉提交日: 待补充.
    let ev = eval(&m, "2025-03-20");
    assert_eq!(ob(&ev, R20).status, Status::Overdue);
    assert_eq!(ob(&ev, R21).status, Status::MissingData);
    // An appeal filed: pending, no row.
    let mut a = m.clone();
    a.appeal_filed = od("2025-03-17");
    assert!(!has(&eval(&a, "2025-03-20"), R21));
    // 区政府 likewise (R11C, R12).
    let g = lost(gov(AdminLitigation));
    assert_eq!(ob(&eval(&g, "2025-03-20"), R12).status, Status::MissingData);
}

#[test]
fn art_21_r3_mediation_retrial_and_first_instance_ruling_without_effective_date() {
    // §7.25: a 调解书 binds once signed (民事诉讼法第一百条).
    let mut m = own(Civil);
    m.judgment_received = od("2025-03-03");
    m.judgment_type = Some(JudgmentType::Mediation);
    assert_eq!(ob(&eval(&m, "2025-03-05"), R21).trigger, od("2025-03-03"));
    // A 再审 judgment: 待补充.
    let mut r = lost(own(AdminLitigation));
    r.instance = Some(Instance::Retrial);
    assert_eq!(ob(&eval(&r, "2025-03-05"), R21).status, Status::MissingData);
    // A 一审 裁定: no performance row.
    let mut c = lost(own(AdminLitigation));
    c.judgment_type = Some(JudgmentType::Ruling);
    c.appeal_decision = Some(AppealDecision::NoAppeal);
    assert!(!has(&eval(&c, "2025-04-05"), R21));
}

// ---------------------------------------------------------------- §7.3 第二十三条、第二十四条: self-check of lost matters

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

// ---------------------------------------------------------------- §7.4 第五条第一项、第六条、第七条: 区司法局 as 承办机关

fn bureau_matter() -> Matter {
    let mut m = gov(AdminLitigation);
    m.agency = String::new();
    m.handler = "北京市通州区司法局".into();
    m.act_source = Some(ActSource::Reconsideration);
    m.joint_defendant = true;
    m.bureau_received = od("2025-03-03");
    m.complaint_received = od("2025-03-03");
    m.major_sensitive = true;
    m
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
fn art_11_r3_bureau_handling_itself_has_no_report_to_itself_but_keeps_the_loss_analysis() {
    let mut m = bureau_matter();
    m.judgment_received = od("2025-03-10");
    m.outcome = Some(Outcome::Lost);
    let ev = eval(&m, "2025-03-11");
    assert!(!has(&ev, R11A));
    assert!(has(&ev, R11B));
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
fn art_07_r3_bureau_matter_has_no_internal_versus_statutory_check() {
    let mut m = bureau_matter();
    m.letter_received = od("2025-03-14");
    assert!(eval(&m, "2025-03-14").warnings.iter().all(|w| w.clause != "第七条、第八条"));
}

// ---------------------------------------------------------------- §7.5 第十七条: compound titles

fn titled(title: &str) -> Matter {
    let mut m = own(AdminLitigation);
    m.head_name = "王某".into();
    m.head_title = title.into();
    m
}

#[test]
fn art_17_r3_compound_titles_take_the_highest_office_and_name_it() {
    for (title, class, seg) in [
        ("镇党委副书记、镇长", HeadClass::Principal, "镇长"),
        ("党组副书记、局长", HeadClass::Principal, "局长"),
        ("街道工委副书记、办事处主任", HeadClass::Principal, "办事处主任"),
        ("副局长、办公室主任", HeadClass::Deputy, "副局长"),
        ("党组书记　局长", HeadClass::Principal, "局长"), // U+3000 is a space (§7.25)
        ("副局长/局长", HeadClass::Principal, "局长"),
    ] {
        let m = titled(title);
        let v = classify_title(&m);
        assert_eq!(v.class, class, "{title}");
        let o = ob(&eval(&m, "2025-03-01"), R17).clone();
        assert_eq!(o.status, Status::Compliant);
        assert!(o.explanation.contains(&format!("「{title}」按「{seg}」认定为{}", class.label())), "{}", o.explanation);
    }
}

#[test]
fn art_17_r3_party_secretary_alone_cannot_be_classified() {
    let m = titled("党组书记");
    assert_eq!(classify_title(&m).class, HeadClass::Unknown);
    assert_eq!(ob(&eval(&m, "2025-03-01"), R17).status, Status::MissingData);
}

#[test]
fn art_18_2_r3_compound_title_of_a_town_head_counts_as_principal() {
    let mut m = titled("镇党委副书记、镇长");
    m.agency = "某镇政府".into();
    m.handler = "某镇政府".into();
    m.hearing = od("2025-03-10");
    let y = r18b(&[m], "某镇政府", 2025, d("2025-03-11"));
    assert_eq!(y.litigation.len(), 1);
}

// ---------------------------------------------------------------- §7.6 第十七条: a co-defendant's head

fn co_defendant(title: &str) -> Matter {
    let mut m = gov(AdminLitigation);
    m.joint_defendant = true;
    m.act_source = Some(ActSource::Reconsideration);
    m.original_agency = "区市场监管局".into();
    m.head_name = "李某".into();
    m.head_title = title.into();
    m.high_attention = true;
    m.hearing = od("2025-03-10");
    m
}

#[test]
fn art_17_r3_co_defendant_head_is_accepted_in_a_district_government_case() {
    let m = co_defendant("局长");
    let ev = eval(&m, "2025-03-11");
    let r17 = ob(&ev, R17);
    assert_eq!(r17.status, Status::Compliant);
    assert!(r17.explanation.contains("共同被告（原行政行为机关）负责人出庭（法释〔2020〕3号第三条）"));
    let r18a = ob(&ev, R18A);
    assert_eq!(r18a.status, Status::Done);
    assert!(r18a.explanation.contains("法释〔2020〕3号第三条"));
    // Not 区政府's 主要负责人.
    let v = classify_title(&m);
    assert!(v.co_defendant && !v.principal());
    // Without 复议共同被告 the r2 reading stands: a lower agency's head.
    let mut n = m.clone();
    n.joint_defendant = false;
    assert_eq!(ob(&eval(&n, "2025-03-11"), R17).status, Status::Violation);
    // 科长 is no head of the co-defendant either.
    assert_eq!(ob(&eval(&co_defendant("科长"), "2025-03-11"), R17).status, Status::Violation);
}

#[test]
fn art_17_r3_a_tie_between_district_and_co_defendant_heads_names_the_district_head() {
    let m = co_defendant("局长、区长");
    let v = classify_title(&m);
    assert_eq!(v.class, HeadClass::Principal);
    assert!(!v.co_defendant);
    assert!(v.why.contains("按「区长」"), "{}", v.why);
    // §7.25: whatever 被诉行为来源 (even empty), as long as 复议共同被告 = 是.
    let mut n = co_defendant("局长");
    n.act_source = None;
    assert!(classify_title(&n).co_defendant);
    assert_eq!(ob(&eval(&n, "2025-03-11"), R17).status, Status::Compliant);
}

// ---------------------------------------------------------------- §7.7 第八条、第十四条: 诉讼地位

fn standing(instance: Instance, s: Option<Standing>) -> Matter {
    let mut m = own(AdminLitigation);
    m.instance = Some(instance);
    m.standing = s;
    m.complaint_received = od("2025-03-03");
    m
}

#[test]
fn art_14_r3_each_standing_at_first_instance() {
    let basis = |m: &Matter| ob(&eval(m, "2025-03-04"), R14).explanation.clone();
    let m = standing(Instance::First, None);
    assert_eq!(ob(&eval(&m, "2025-03-04"), R14).due, od("2025-03-18"));
    assert!(basis(&m).contains("行政诉讼法第六十七条"));
    for s in [Standing::Defendant, Standing::Appellee, Standing::Respondent] {
        assert!(has(&eval(&standing(Instance::First, Some(s)), "2025-03-04"), R14), "{s}");
    }
    for s in [Standing::Appellant, Standing::RetrialApplicant, Standing::Plaintiff, Standing::ThirdParty] {
        let ev = eval(&standing(Instance::First, Some(s)), "2025-03-04");
        assert!(!has(&ev, R14), "{s} gets no answer row");
        // §7.25: R15 stays only for 第三人.
        assert_eq!(has(&ev, R15), s == Standing::ThirdParty, "{s}");
    }
}

#[test]
fn art_14_r3_each_standing_at_second_instance() {
    let m = standing(Instance::Second, None);
    assert_eq!(m.standing_or_default(), Standing::Appellee);
    let o = ob(&eval(&m, "2025-03-04"), R14).clone();
    assert_eq!(o.due, od("2025-03-18"));
    assert!(o.explanation.contains("行诉解释第一百零八条（上诉状副本"), "{}", o.explanation);
    assert!(!has(&eval(&standing(Instance::Second, Some(Standing::Appellant)), "2025-03-04"), R14));
    assert!(has(&eval(&standing(Instance::Second, Some(Standing::Appellee)), "2025-03-04"), R14));
    let mut c = standing(Instance::Second, None);
    c.case_type = Civil;
    assert!(ob(&eval(&c, "2025-03-04"), R14).explanation.contains("民事诉讼法第一百七十四条"));
}

#[test]
fn art_14_r3_each_standing_at_retrial() {
    let m = standing(Instance::Retrial, None);
    assert_eq!(m.standing_or_default(), Standing::Respondent);
    let o = ob(&eval(&m, "2025-03-04"), R14).clone();
    assert!(o.explanation.contains("行诉解释第一百一十一条（再审申请书副本"), "{}", o.explanation);
    let mut c = standing(Instance::Retrial, None);
    c.case_type = Civil;
    assert!(ob(&eval(&c, "2025-03-04"), R14).explanation.contains("民事诉讼法第二百一十四条"));
    let ev = eval(&standing(Instance::Retrial, Some(Standing::RetrialApplicant)), "2025-03-04");
    assert!(!has(&ev, R14) && !has(&ev, R15));
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
fn art_20_r3_agency_as_plaintiff_whose_suit_was_dismissed_gets_the_appeal_row() {
    let mut m = own(AdminLitigation);
    m.standing = Some(Standing::Plaintiff);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Dismissed);
    m.judgment_type = Some(JudgmentType::Ruling);
    assert_eq!(ob(&eval(&m, "2025-03-04"), R20).due, od("2025-03-13"));
    m.standing = None;
    assert!(!has(&eval(&m, "2025-03-04"), R20));
}

#[test]
fn art_20_r3_appeal_recorded_on_the_agencys_own_dismissed_suit_is_no_warning() {
    // The r2 check "胜诉/驳回起诉/撤诉案件记录了上诉" stays for a defendant; for a plaintiff whose suit was
    // dismissed, appealing is exactly the remedy §7.7 gives the row for.
    let mut m = own(AdminLitigation);
    m.standing = Some(Standing::Plaintiff);
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Dismissed);
    m.judgment_type = Some(JudgmentType::Ruling);
    m.appeal_decision = Some(yingsu_engine::model::AppealDecision::Appeal);
    let warns =
        |m: &Matter| eval(m, "2025-03-04").warnings.iter().filter(|w| w.column == Some(Column::AppealDecision)).count();
    assert_eq!(warns(&m), 0);
    m.standing = None; // 被告: a dismissed suit against it is a win, an appeal there is worth checking
    assert_eq!(warns(&m), 1);
}

#[test]
fn art_14_r3_answer_deadline_without_trigger_is_still_to_be_completed() {
    let mut m = own(AdminLitigation);
    m.answer_by = od("2025-03-10");
    let o = ob(&eval(&m, "2025-03-04"), R14).clone();
    assert_eq!((o.status, o.fill), (Status::MissingData, Some(Column::ComplaintReceived)));
}

// ---------------------------------------------------------------- §7.8 第二十三条: 出庭 figures

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

// ---------------------------------------------------------------- §7.9 第十八条第二款、第二十八条: 区政府's own attendance

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

// ---------------------------------------------------------------- §7.10 第十四条: 答辩期限 wins

#[test]
fn art_14_r3_court_set_answer_deadline_wins_and_is_not_rolled() {
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2025-03-03");
    m.answer_by = od("2025-03-08"); // a Saturday: not rolled
    let o = ob(&eval(&m, "2025-03-04"), R14).clone();
    assert_eq!((o.due, o.counting), (od("2025-03-08"), Some(Counting::Given)));
    assert!(o.explanation.contains("答辩期限"));
    assert!(o.explanation.contains("法定期限计算为 2025-03-18"), "{}", o.explanation);
    // 区政府 (R08) too, and a 复议 as well.
    let mut g = gov(Reconsideration);
    g.complaint_received = od("2025-03-03");
    g.answer_by = od("2025-03-07");
    assert_eq!(ob(&eval(&g, "2025-03-04"), R08).due, od("2025-03-07"));
}

#[test]
fn art_14_r3_simplified_lawsuit_without_deadline_gets_a_notice_and_no_date_change() {
    let mut m = own(AdminLitigation);
    m.simplified = true;
    m.complaint_received = od("2025-03-03");
    let ev = eval(&m, "2025-03-04");
    assert_eq!(ob(&ev, R14).due, od("2025-03-18"));
    assert!(ev.warnings.is_empty());
    assert!(ob(&ev, R14).explanation.contains("法院指定期限的，请填写答辩期限"));
    m.answer_by = od("2025-03-10");
    assert!(!ob(&eval(&m, "2025-03-04"), R14).explanation.contains("请填写答辩期限"));
}

// ---------------------------------------------------------------- §7.11 第七条、第八条

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

// ---------------------------------------------------------------- §7.12 第二十一条第二款

#[test]
fn art_21_2_r3_remake_in_the_laws_words() {
    let mut m = lost(own(AdminLitigation));
    m.remake = true;
    m.quash_reason = Some(QuashReason::LawApplication);
    let o = ob(&eval(&m, "2025-03-05"), R21B).clone();
    assert!(o.explanation.contains("不得以同一的事实和理由作出与原行政行为基本相同的行政行为（行政诉讼法第71条）"));
    m.quash_reason = Some(QuashReason::Procedure);
    assert!(ob(&eval(&m, "2025-03-05"), R21B).explanation.contains("行诉解释第90条第2款"));
    let mut r = lost(own(Reconsideration));
    r.remake = true;
    let o = ob(&eval(&r, "2025-03-05"), R21B).clone();
    assert!(o.explanation.contains("相同或者基本相同的行政行为（行政复议法第64条第2款）"), "{}", o.explanation);
}

// ---------------------------------------------------------------- §7.13 第十一条第二款: 原机关签收日

fn r11d_matter() -> Matter {
    let mut m = lost(gov(AdminLitigation));
    m.act_source = Some(ActSource::Reconsideration);
    m.joint_defendant = true;
    m.appeal_decision = Some(AppealDecision::Appeal);
    m
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

// ---------------------------------------------------------------- §7.14 第二十二条: 规范性文件建议

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

// ---------------------------------------------------------------- §7.15 第二十条、第二十八条

#[test]
fn art_20_r3_a_ruling_gives_an_appeal_row_only_when_an_appeal_is_decided() {
    let mut m = lost(own(AdminLitigation));
    m.judgment_type = Some(JudgmentType::Ruling);
    assert!(!has(&eval(&m, "2025-03-04"), R20));
    m.appeal_decision = Some(AppealDecision::Appeal);
    assert_eq!(ob(&eval(&m, "2025-03-04"), R20).due, od("2025-03-13"));
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

// ---------------------------------------------------------------- §7.16 第三十二条: old reporting rows

#[test]
fn art_32_r3_old_reporting_rows_left_out_on_both_sides_of_the_effective_date() {
    // Triggered before 2022-04-28, done after it: left out all the same (the 2017 rules governed it).
    let mut m = own(AdminLitigation);
    m.complaint_received = od("2022-04-27");
    m.leader_reported = od("2022-05-10");
    let ev = eval(&m, "2025-01-01");
    assert!(!has(&ev, R15));
    assert!(has(&ev, R14), "answer due 05-12 → still running on 04-28");
    assert_eq!(
        ev.art32_note.as_deref(),
        Some("第三十二条：2项义务在2022-04-28本规则施行前已届满、已完成或适用原规则，未列出")
    );
    // Triggered on 2022-04-28: listed.
    m.complaint_received = od("2022-04-28");
    assert!(has(&eval(&m, "2025-01-01"), R15));
    // 区政府's R07D and R13A likewise.
    let mut g = gov(AdminLitigation);
    g.letter_received = od("2022-04-20");
    g.loss_risk = true;
    assert!(!has(&eval(&g, "2025-01-01"), R07D));
    g.letter_received = od("2022-04-29");
    assert!(has(&eval(&g, "2025-01-01"), R07D));
    let mut s = gov(ProcuratorialSuggestion);
    s.suggestion_received = od("2022-04-01");
    assert!(!has(&eval(&s, "2025-01-01"), R13A));
    // R12/R21 keep the r2 reading: a judgment still unperformed is listed.
    let mut p = lost(own(AdminLitigation));
    p.judgment_received = od("2022-03-01");
    p.effective = od("2022-03-20");
    assert!(has(&eval(&p, "2025-01-01"), R21));
}

// ---------------------------------------------------------------- §7.17 第十七条 and 民事诉讼

#[test]
fn art_17_r3_no_head_rules_in_a_civil_case_and_the_name_is_kept() {
    let mut m = titled("科长");
    m.case_type = Civil;
    m.hearing = od("2025-03-10");
    let ev = eval(&m, "2025-03-11");
    for r in [R17, R18A, R19, R19B] {
        assert!(!has(&ev, r), "{r}");
    }
    assert_eq!(m.head_name, "王某");
}

// ---------------------------------------------------------------- §7.18 第二十三条、第二十四条: 开始使用日期

#[test]
fn art_23_r3_reports_from_the_day_the_register_started() {
    let cal = Calendar::bundled();
    let today = d("2026-12-06");
    let all = report_duties("区城管委", d("2022-04-28"), &[], &cal, &Settings::default(), today);
    assert!(all.iter().any(|r| r.period == ReportPeriod::Half(2022, 1)));
    let s = Settings { start_date: od("2026-12-01"), ..Settings::default() };
    let log = vec![ReportLogEntry {
        agency: "区城管委".into(),
        period: ReportPeriod::Half(2024, 1),
        submitted: d("2024-07-10"),
    }];
    let since = report_duties("区城管委", d("2022-04-28"), &log, &cal, &s, today);
    assert!(since.iter().all(|r| r.due >= d("2026-12-01") || r.submitted.is_some()), "{since:?}");
    assert!(since.iter().any(|r| r.period == ReportPeriod::Half(2024, 1)), "a 报送记录 keeps its period");
    assert!(!since.iter().any(|r| r.period == ReportPeriod::Half(2025, 1)));
    assert!(since.iter().all(|r| r.status != Status::Overdue), "no 已逾期 on the first day of use");
}

// ---------------------------------------------------------------- §7.19 行政复议法第七十六条: 行政复议意见书

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

// ---------------------------------------------------------------- §7.20 行政复议法第五十一条: 复议听证

fn hearing_review(date: &str) -> Matter {
    let mut m = own(Reconsideration);
    m.hearing = od(date);
    m
}

#[test]
fn art_51_r3_review_hearing_after_2024_head_takes_part() {
    let mut m = hearing_review("2024-03-01");
    let o = ob(&eval(&m, "2024-02-20"), R18C).clone();
    assert_eq!((o.due, o.status, o.counting), (od("2024-03-01"), Status::Pending, Some(Counting::Given)));
    assert_eq!(ob(&eval(&m, "2024-03-01"), R18C).status, Status::DueSoon, "on the day: follows the date");
    let o = ob(&eval(&m, "2024-03-02"), R18C).clone();
    assert_eq!(o.status, Status::Info);
    assert_eq!(
        o.explanation,
        "被申请人负责人未参加听证的，应当说明理由并委托相应的工作人员参加（行政复议法第五十一条）"
    );
    m.head_name = "王某".into();
    m.head_title = "所长".into(); // 无法认定: still 提示 (§7.25)
    assert_eq!(ob(&eval(&m, "2024-03-02"), R18C).status, Status::Info);
    m.head_title = "副局长".into();
    let o = ob(&eval(&m, "2024-03-02"), R18C).clone();
    assert_eq!((o.status, o.done), (Status::Done, od("2024-03-01")));
}

#[test]
fn art_51_r3_no_review_hearing_row_before_2024_or_when_r18a_applies_or_in_writing() {
    assert!(!has(&eval(&hearing_review("2023-12-29"), "2024-01-05"), R18C));
    let mut m = hearing_review("2024-03-01");
    m.high_attention = true;
    let ev = eval(&m, "2024-03-02");
    assert!(has(&ev, R18A) && !has(&ev, R18C));
    let mut w = hearing_review("2024-03-01");
    w.written_review = true;
    assert!(!has(&eval(&w, "2024-03-02"), R18C));
    assert!(!has(&eval(&own(Reconsideration), "2024-03-02"), R18C), "no 开庭日");
}

// ---------------------------------------------------------------- §7.21 第十一条第二款 second sentence

#[test]
fn art_11_2_r3_original_agency_appeal_without_appeal_decision_is_flagged() {
    let mut m = r11d_matter();
    m.appeal_decision = None;
    m.original_appeal_filed = od("2025-03-10");
    let ev = eval(&m, "2025-03-11");
    assert!(ev.warnings.iter().any(|w| w.clause == "第十一条第二款"
        && w.column == Some(Column::AppealDecision)
        && w.message == "原行政行为机关上诉前应与区司法局协商一致（第十一条第二款），请核对上诉决定"));
    m.appeal_decision = Some(AppealDecision::Appeal);
    assert!(eval(&m, "2025-03-11").warnings.iter().all(|w| w.column != Some(Column::AppealDecision)));
}

// ---------------------------------------------------------------- §7.22 第十九条: 负责人发言 (R19B)

#[test]
fn art_19_r19b_head_spoke_after_the_hearing() {
    let mut m = titled("局长");
    m.hearing = od("2025-03-10");
    assert!(!has(&eval(&m, "2025-03-10"), R19B), "not before the hearing is over");
    for (spoke, status) in [(Some(true), Status::Compliant), (Some(false), Status::Violation), (None, Status::Info)] {
        m.head_spoke = spoke;
        let o = ob(&eval(&m, "2025-03-11"), R19B).clone();
        assert_eq!(o.status, status, "{spoke:?}");
        assert_eq!((o.trigger, o.due, o.counting, o.done), (None, None, None, None), "a constraint row, no dates");
    }
    // The self-check says what to do, at the column.
    m.head_spoke = Some(false);
    let item = self_check_in(std::slice::from_ref(&m), &[eval(&m, "2025-03-11")], Some("区城管委"), &[])
        .into_iter()
        .find(|i| i.rule == Some(R19B))
        .unwrap();
    assert_eq!((item.status, item.column), (Some(Status::Violation), Some(Column::HeadSpoke)));
    // A head R17 does not accept: no R19B.
    m.head_title = "科长".into();
    assert!(!has(&eval(&m, "2025-03-11"), R19B));
    // A 复议 听证 too (§7.25).
    let mut r = titled("局长");
    r.case_type = Reconsideration;
    r.hearing = od("2025-03-10");
    assert!(has(&eval(&r, "2025-03-11"), R19B));
}

// ---------------------------------------------------------------- §7.23 same head, same day

#[test]
fn art_18_r3_same_head_same_day_is_a_register_warning_on_schedule_matter_and_self_check() {
    let mut a = titled("局长");
    a.case_no = yingsu_engine::model::CaseNo("A".into());
    a.hearing = od("2025-03-10");
    a.hearing_time = TimeOfDay::hm(10, 30);
    let mut b = a.clone();
    b.case_no = yingsu_engine::model::CaseNo("B".into());
    b.hearing_time = TimeOfDay::hm(9, 30);
    let mut c = a.clone();
    c.case_no = yingsu_engine::model::CaseNo("C".into());
    c.hearing_time = TimeOfDay::hm(15, 0);
    c.head_name = " 王某 ".into();
    let mut other_day = a.clone();
    other_day.case_no = yingsu_engine::model::CaseNo("D".into());
    other_day.hearing = od("2025-03-11");
    let ms = vec![a, b, c, other_day];
    let cl = clashes(&ms);
    assert_eq!(cl.len(), 1);
    let msg = cl[0].message();
    assert!(msg.starts_with("同一负责人同日有3场开庭：B（09:30）、A（10:30）、C（15:00）"), "{msg}");
    assert!(msg.contains("B与A开庭时间相隔不足2小时") && !msg.contains("A与C"), "{msg}");
    let evals: Vec<_> = ms.iter().map(|m| eval(m, "2025-03-01")).collect();
    let days = schedule(&ms, &evals, &[], d("2025-03-01"), d("2025-03-31"));
    let (_, items) = days.iter().find(|(day, _)| *day == d("2025-03-10")).unwrap();
    assert_eq!(items[0].kind, ItemKind::Clash);
    let hearings: Vec<&str> =
        items.iter().filter(|i| i.kind == ItemKind::Hearing).map(|i| i.case_no.as_str()).collect();
    assert_eq!(hearings, vec!["B", "A", "C"], "开庭时间 orders the day");
    let check = self_check_in(&ms, &evals, Some("区城管委"), &[]);
    let flagged: Vec<&str> =
        check.iter().filter(|i| i.problem.starts_with("同一负责人")).map(|i| i.case_no.as_str()).collect();
    assert_eq!(flagged, vec!["A", "B", "C"]);
}

#[test]
fn art_18_r3_ics_hearing_has_its_time_or_is_all_day() {
    let mut a = titled("局长");
    a.hearing = od("2025-03-10");
    a.hearing_time = TimeOfDay::hm(9, 30);
    let mut b = a.clone();
    b.case_no = yingsu_engine::model::CaseNo("B".into());
    b.hearing_time = None;
    let ms = vec![a, b];
    let evals: Vec<_> = ms.iter().map(|m| eval(m, "2025-03-01")).collect();
    let hs = yingsu_engine::schedule::hearings(&ms, &evals, d("2025-03-01"));
    let ics = yingsu_engine::exchange::ics(&[], &hs, d("2025-03-01"), 1);
    assert!(ics.contains("DTSTART:20250310T093000\r\n") && ics.contains("DTEND:20250310T113000\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20250310\r\n"));
    // The day-before reminder at 09:00: 24 h 30 min before a 09:30 hearing; the all-day one keeps -PT15H.
    assert!(ics.contains("TRIGGER:-PT1470M\r\n") && ics.contains("TRIGGER:-PT15H\r\n"), "{ics}");
}

#[test]
fn r3_hearing_time_reads_spreadsheet_forms_and_refuses_others() {
    for (s, v) in [
        ("09:30", "09:30"),
        ("9:30", "09:30"),
        ("09:30:00", "09:30"),
        ("09:30:00 AM", "09:30"),
        ("02:00:00 PM", "14:00"),
        ("12:15 PM", "12:15"),
        ("12:15 AM", "00:15"),
        ("上午9:30", "09:30"),
        ("下午2:00", "14:00"),
        ("0.395833", "09:30"),
        ("14：30", "14:30"),
    ] {
        assert_eq!(TimeOfDay::parse(s).map(|t| t.to_string()).as_deref(), Ok(v), "{s}");
    }
    for s in ["25:00", "9点半", "09:3", "13:00 AM", "abc", "09:60", "0:30 PM"] {
        assert!(TimeOfDay::parse(s).is_err(), "{s}");
    }
}

// ---------------------------------------------------------------- §7.24 obligations count where their 责任主体 is

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

// ---------------------------------------------------------------- CLI and engine give the same rows

#[test]
fn r3_cli_obligations_are_the_engines_rows() {
    let csv = "案号,案件类型,审级,被告类型,所属机关,应诉承办机关,被诉行为来源,复议共同被告,起诉状副本收到日,司法局收到日,开庭日,出庭负责人,出庭负责人职务,诉讼地位,答辩期限,负责人发言,开庭时间\r\n\
G1,行政诉讼,一审,区政府,,北京市通州区司法局,行政复议,是,2026-11-20,2026-11-19,2026-12-01,李某,局长,,2026-12-10,是,09:30:00 AM\r\n\
E2,行政诉讼,二审,本机关,区城管委,区城管委,,,2026-11-25,,,,,上诉人,,,\r\n";
    let dir = std::env::temp_dir().join(format!("yingsu-r3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("cases.csv");
    std::fs::write(&path, csv).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["obligations", "--today", "2026-12-06", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let imp = yingsu_engine::codec::import::<Matter>(csv.as_bytes()).ok().unwrap();
    let rows: Vec<_> = imp
        .rows
        .iter()
        .flat_map(|r| evaluate(&r.record, &Calendar::bundled(), &Settings::default(), d("2026-12-06")).obligations)
        .collect();
    assert_eq!(out.stdout, yingsu_engine::codec::export_obligations(&rows));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("G1,R06,") && text.contains("G1,R17,") && !text.contains("E2,R14,"), "{text}");
    assert_eq!(spoken(&imp.rows[0].record, "2026-12-06")[0].obligations.len(), text.matches("G1,").count());
}

#[test]
fn art_28_r3_district_government_sheet_is_listed_but_not_ranked() {
    use yingsu_engine::score::{rank, score, DEFAULT_WEIGHTS};
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
fn art_14_r3_every_standing_at_every_instance_answers_only_as_defendant_appellee_or_respondent() {
    for instance in [Instance::First, Instance::Second, Instance::Retrial] {
        for s in Standing::ALL {
            let ev = eval(&standing(instance, Some(*s)), "2025-03-04");
            let answers = matches!(s, Standing::Defendant | Standing::Appellee | Standing::Respondent);
            assert_eq!(has(&ev, R14), answers, "{instance} {s}");
            if answers {
                assert_eq!(ob(&ev, R14).due, od("2025-03-18"), "{instance} {s}: 15 days");
            }
            let mut g = standing(instance, Some(*s));
            g.defendant = yingsu_engine::model::Defendant::DistrictGov;
            assert_eq!(has(&eval(&g, "2025-03-04"), R08), answers, "区政府 {instance} {s}");
        }
    }
}
