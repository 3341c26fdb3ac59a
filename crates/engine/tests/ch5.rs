//! 第五章 附则: 第三十二条 (in force 2022-04-28, judged per obligation).

mod common;
use common::*;
use yingsu_engine::model::{CaseType::*, Outcome};
use yingsu_engine::RuleId::*;

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
