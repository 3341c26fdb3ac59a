//! Issue 21: every kind of matter reads in its own words — the form's labels, the duties' titles and the
//! 说明 of a missing trigger agree — and 审级 is empty where it does not apply (CSV round trip).

use chrono::NaiveDate;
use yingsu_engine::codec::{export, import};
use yingsu_engine::form;
use yingsu_engine::model::{CaseType, Column, Defendant, Instance};
use yingsu_engine::{evaluate, Calendar, Matter, RuleId, Settings};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

/// A 复议 answered by the agency: R14 is a 书面答复 within the 复议机关's time, and with the trigger missing
/// its 说明 names 「申请书副本收到日」 — the form's label — never 「起诉状副本收到日」 or an 答辩状.
#[test]
fn issue_21_a_review_is_answered_and_names_the_application() {
    let mut m = Matter::new("（2025）通复1号");
    m.case_type = CaseType::Reconsideration;
    let ev = evaluate(&m, &Calendar::bundled(), &Settings::default(), today());
    let r14 = ev.obligations.iter().find(|o| o.rule == RuleId::R14).expect("R14");
    assert_eq!(r14.title, "按复议机关规定时限提交书面答复、证据和依据");
    assert!(!r14.title.contains("答辩状") && !r14.title.contains("法院"), "{}", r14.title);
    assert_eq!(r14.explanation, "缺少「申请书副本收到日」，无法计算期限");
    m.complaint_received = NaiveDate::from_ymd_opt(2025, 5, 6);
    let ev = evaluate(&m, &Calendar::bundled(), &Settings::default(), today());
    let r14 = ev.obligations.iter().find(|o| o.rule == RuleId::R14).unwrap();
    assert!(r14.explanation.contains("（申请书副本收到日）"), "{}", r14.explanation);
    // A 复议决定 received without its result: asked for in the form's words.
    m.judgment_received = NaiveDate::from_ymd_opt(2025, 5, 20);
    let ev = evaluate(&m, &Calendar::bundled(), &Settings::default(), today());
    assert!(ev.warnings.iter().any(|w| w.message == "请填写复议结果（决定是否须履行）"), "{:?}", ev.warnings);
    m.judgment_received = None;
    // The same matter as a lawsuit keeps the court's words.
    m.case_type = CaseType::AdminLitigation;
    let ev = evaluate(&m, &Calendar::bundled(), &Settings::default(), today());
    let r14 = ev.obligations.iter().find(|o| o.rule == RuleId::R14).unwrap();
    assert_eq!(r14.title, RuleId::R14.info().title);
    assert!(r14.explanation.contains("（起诉状副本收到日）"), "{}", r14.explanation);
}

/// For every kind, 被告类型 and 审级: each 说明 that names a column in 「」 as missing names it as the form
/// labels it for that matter, and the column to fill is one the form shows.
#[test]
fn issue_21_every_missing_trigger_names_the_field_as_the_form_labels_it() {
    let mut checked = 0;
    for t in CaseType::ALL {
        for d in Defendant::ALL {
            for level in [None, Some(Instance::Second), Some(Instance::Retrial)] {
                let mut m = Matter::new("x");
                m.case_type = *t;
                m.defendant = *d;
                m.instance = level;
                m.outcome = Some(yingsu_engine::model::Outcome::Lost);
                m.head_name = "王某".into();
                m.public_interest = true;
                let ev = evaluate(&m, &Calendar::bundled(), &Settings::default(), today());
                for o in &ev.obligations {
                    let Some(col) = o.fill else { continue };
                    assert!(form::applies(col, &m), "{t} {}: asks for hidden {col}", o.rule);
                    let Some(rest) = o.explanation.strip_prefix("缺少") else { continue };
                    let clause = rest.split('，').next().unwrap();
                    for named in clause.split('「').skip(1).map(|x| x.split('」').next().unwrap()) {
                        let shown = Column::ALL.iter().any(|c| form::label(*c, &m) == named && form::applies(*c, &m));
                        assert!(
                            shown,
                            "{t} {d} {level:?} {}: 「{named}」 is not a field of the form: {}",
                            o.rule, o.explanation
                        );
                        checked += 1;
                    }
                    assert!(
                        clause.contains(&format!("「{}」", form::label(col, &m))),
                        "{t} {}: {}",
                        o.rule,
                        o.explanation
                    );
                }
            }
        }
    }
    assert!(checked > 20, "{checked}");
}

/// 审级 empty where it does not apply: a 复议 read with 一审 (what earlier versions wrote) exports an empty
/// cell and reads back the same; a lawsuit keeps 一审; a value a 复议 should not hold (二审) is kept, never erased.
#[test]
fn issue_21_instance_is_empty_for_a_review_and_round_trips() {
    let csv = "案号,案件类型,审级,被告类型\r\nF1,行政复议,一审,本机关\r\nF2,行政诉讼,一审,本机关\r\nF3,检察建议,,本机关\r\nF4,行政复议,二审,本机关\r\nF5,行政诉讼,,本机关\r\n";
    let imp = import::<Matter>(csv.as_bytes()).unwrap();
    assert!(imp.is_clean());
    let ms: Vec<Matter> = imp.rows.into_iter().map(|r| r.record).collect();
    assert_eq!(
        ms.iter().map(|m| m.instance).collect::<Vec<_>>(),
        vec![None, Some(Instance::First), None, Some(Instance::Second), None]
    );
    assert_eq!(ms[4].instance(), Instance::First, "empty = 一审 for a court case");
    let out = String::from_utf8(export(&ms)).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[1].starts_with("F1,行政复议,,本机关,"), "{}", lines[1]);
    assert!(lines[2].starts_with("F2,行政诉讼,一审,本机关,"), "{}", lines[2]);
    assert!(lines[3].starts_with("F3,检察建议,,本机关,"), "{}", lines[3]);
    assert!(lines[4].starts_with("F4,行政复议,二审,本机关,"), "{}", lines[4]);
    let back: Vec<Matter> = import::<Matter>(out.as_bytes()).unwrap().rows.into_iter().map(|r| r.record).collect();
    assert_eq!(back, ms);
    // A matter built in code with 一审 on a 复议 (as stored before) still exports empty.
    let mut old = Matter::new("F6");
    old.case_type = CaseType::Reconsideration;
    old.instance = Some(Instance::First);
    let out = String::from_utf8(export(&[old])).unwrap();
    assert!(out.lines().nth(1).unwrap().starts_with("F6,行政复议,,"), "{out}");
    assert_eq!(Column::Instance.name(), "审级", "the CSV column keeps its name");
}

/// Issue 21 (§7.22): a planned head is 已安排 until the clerk records 负责人发言 — a date passing does not make him
/// 已出庭; the hearing then waits for confirmation on 日程, and R18A's status stays what RULES.md says (已完成 with
/// an accepted head), never 违反 for what the data cannot tell.
#[test]
fn issue_21_a_planned_head_is_only_arranged_until_confirmed() {
    use yingsu_engine::schedule::{awaiting_confirmation, hearings, schedule, Attendance};
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let mut m = Matter::new("（2025）京0112行初7号");
    m.defendant = Defendant::OwnAgency;
    m.public_interest = true;
    m.hearing = Some(d("2025-03-10"));
    m.head_name = "王某".into();
    m.head_title = "副职".into();
    let ev = |m: &Matter, today: &str| evaluate(m, &Calendar::bundled(), &Settings::default(), d(today));
    assert_eq!(Attendance::of(&m, d("2025-03-09")), Attendance::Planned);
    assert_eq!(Attendance::of(&m, d("2025-03-10")), Attendance::Planned, "today: planned, not yet attended");
    assert_eq!(Attendance::of(&m, d("2025-03-11")), Attendance::Unconfirmed);
    let e = ev(&m, "2025-03-11");
    let r18a = e.obligations.iter().find(|o| o.rule == RuleId::R18A).unwrap();
    assert!(r18a.explanation.contains("已安排王某（副职）出庭，开庭后尚未确认"), "{}", r18a.explanation);
    assert!(!r18a.explanation.contains("已出庭"), "{}", r18a.explanation);
    assert_eq!(r18a.status, yingsu_engine::Status::Done, "RULES.md R18A: an accepted head is the done column");
    let r19b = e.obligations.iter().find(|o| o.rule == RuleId::R19B).unwrap();
    assert_eq!(r19b.status, yingsu_engine::Status::Info, "asks, never 违反");
    let ms = vec![m.clone()];
    let evs = vec![e];
    assert_eq!(hearings(&ms, &evs, d("2025-03-11"))[0].attendance, Attendance::Unconfirmed);
    let waiting = awaiting_confirmation(&ms, d("2025-02-10"), d("2025-03-11"));
    assert_eq!(waiting.len(), 1);
    assert!(awaiting_confirmation(&ms, d("2025-03-11"), d("2025-03-11")).is_empty(), "older than the window");
    let day = schedule(&ms, &evs, &[], d("2025-03-10"), d("2025-03-10"));
    assert!(day[0].1[0].detail.contains("出庭负责人：王某（副职），已安排"), "{}", day[0].1[0].detail);
    // Confirmed: 负责人发言 recorded.
    m.head_spoke = Some(true);
    assert_eq!(Attendance::of(&m, d("2025-03-11")), Attendance::Attended { spoke: true });
    let e = ev(&m, "2025-03-11");
    let r18a = e.obligations.iter().find(|o| o.rule == RuleId::R18A).unwrap();
    assert!(r18a.explanation.contains("王某（副职）已出庭"), "{}", r18a.explanation);
    assert!(awaiting_confirmation(&[m.clone()], d("2025-02-10"), d("2025-03-11")).is_empty());
    // A 民事诉讼 head is no duty: nothing to confirm (§7.17).
    m.head_spoke = None;
    m.case_type = CaseType::Civil;
    assert!(awaiting_confirmation(&[m], d("2025-02-10"), d("2025-03-11")).is_empty());
}
