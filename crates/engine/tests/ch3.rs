//! 第三章 以其他机关为被告的行政应诉程序 (第十四条至第二十一条) and the heads at hearings of every defendant
//! (第十七条, 第十八条第一款, 第十九条; 行政复议法第五十一条): `rules::ch3`, `rules::ch3_heads`, in the order of
//! the articles. 第十八条第二款 (a year of hearings of one agency) is in `periodic.rs`.

mod common;
use common::*;
use yingsu_engine::model::{
    AppealDecision, CaseType::*, Column, Instance, JudgmentType, Outcome, QuashReason, Standing, TimeOfDay,
};
use yingsu_engine::report::self_check_in;
use yingsu_engine::rules::{classify_title, HeadClass};
use yingsu_engine::schedule::{clashes, schedule, ItemKind};
use yingsu_engine::{Counting, Matter, RuleId::*, Status};

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
fn art_14_r3_answer_deadline_without_trigger_is_still_to_be_completed() {
    let mut m = own(AdminLitigation);
    m.answer_by = od("2025-03-10");
    let o = ob(&eval(&m, "2025-03-04"), R14).clone();
    assert_eq!((o.status, o.fill), (Status::MissingData, Some(Column::ComplaintReceived)));
}

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
fn art_15_not_for_suggestions_and_missing_receipt_is_to_be_completed() {
    let mut s = own(JudicialSuggestion);
    s.suggestion_received = od("2025-03-03");
    assert!(!has(&eval(&s, "2025-03-03"), R15));
    let m = own(Reconsideration);
    assert_eq!(ob(&eval(&m, "2025-03-03"), R15).status, Status::MissingData);
}

#[test]
fn art_16_staff_agent_required_for_own_cases() {
    let mut m = own(AdminLitigation);
    m.agents = yingsu_engine::model::Cell::parse_cell("某律所（律师）").unwrap();
    assert_eq!(ob(&eval(&m, "2025-03-01"), R16).status, Status::Violation);
    assert!(!has(&eval(&m, "2025-03-01"), R09));
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
    assert!(!warned(&ev).contains(&("第十九条", Some(Column::HearingPrepared))), "{:?}", ev.warnings);
    // A real order error elsewhere is still found: 答辩提交日 before 起诉状副本收到日.
    m.complaint_received = od("2025-03-03");
    m.answer_filed = od("2025-03-01");
    let ev = eval(&m, "2025-03-11");
    assert!(warned(&ev).contains(&("第十四条", Some(Column::AnswerFiled))), "{:?}", ev.warnings);
}

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

fn judged(outcome: Option<Outcome>, decision: Option<AppealDecision>) -> yingsu_engine::Matter {
    let mut m = own(AdminLitigation);
    m.judgment_received = od("2025-03-03");
    m.outcome = outcome;
    m.appeal_decision = decision;
    m
}

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
    assert!(warned(&ev).contains(&("第十一条、第二十条", Some(Column::AppealDecision))), "{:?}", ev.warnings);
}

#[test]
fn art_20_r2_lost_other_or_unrecorded_outcome_keep_the_appeal_row() {
    for o in [Some(Outcome::Lost), Some(Outcome::PartlyLost), Some(Outcome::Other), None] {
        let ev = eval(&judged(o, None), "2025-03-05");
        assert_eq!(ob(&ev, R20).due, od("2025-03-18"), "{o:?}");
    }
    // 裁判结果 empty: the matter asks for it.
    let ev = eval(&judged(None, None), "2025-03-05");
    assert!(warned(&ev).contains(&("第十一条、第二十条", Some(Column::Outcome))), "{:?}", ev.warnings);
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
    assert!(warned(&eval(&w, "2025-03-05")).contains(&("第十一条、第二十条", Some(Column::JudgmentType))));
}

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
fn art_20_r3_a_ruling_gives_an_appeal_row_only_when_an_appeal_is_decided() {
    let mut m = lost(own(AdminLitigation));
    m.judgment_type = Some(JudgmentType::Ruling);
    assert!(!has(&eval(&m, "2025-03-04"), R20));
    m.appeal_decision = Some(AppealDecision::Appeal);
    assert_eq!(ob(&eval(&m, "2025-03-04"), R20).due, od("2025-03-13"));
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
