//! What every rule shares (RULES.md §1, §2, §6.13): the status of an obligation (即将到期, 久未完成, done
//! dates), the note of a year without holiday notice, the order of the rows, 责任主体.

mod common;
use common::*;
use yingsu_engine::model::{CaseType::*, Column, Outcome};
use yingsu_engine::{RuleId::*, Settings, Status};

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
    assert!(warned(&ev).contains(&("第十四条", Some(Column::AnswerFiled))), "{:?}", ev.warnings);
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
