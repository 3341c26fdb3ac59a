//! Test helpers shared by the engine's integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use yingsu_engine::model::{ActSource, AppealDecision, CaseType::*, Outcome};
use yingsu_engine::model::{CaseType, Column, Defendant};
use yingsu_engine::Counting;
use yingsu_engine::{evaluate, Calendar, Evaluation, Matter, Obligation, RuleId, Settings};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn od(s: &str) -> Option<NaiveDate> {
    Some(d(s))
}

/// A matter of the given type and defendant, handled by 区城管委.
pub fn matter(case_type: CaseType, defendant: Defendant) -> Matter {
    let mut m = Matter::new("（2025）京0112行初1号");
    m.case_type = case_type;
    m.defendant = defendant;
    m.agency = "区城管委".into();
    m.handler = "区城管委".into();
    m
}

pub fn gov(case_type: CaseType) -> Matter {
    matter(case_type, Defendant::DistrictGov)
}

pub fn own(case_type: CaseType) -> Matter {
    matter(case_type, Defendant::OwnAgency)
}

pub fn eval(m: &Matter, today: &str) -> Evaluation {
    evaluate(m, &Calendar::bundled(), &Settings::default(), d(today))
}

pub fn eval_working(m: &Matter, today: &str) -> Evaluation {
    let s = Settings { counting: Counting::Working, ..Settings::default() };
    evaluate(m, &Calendar::bundled(), &s, d(today))
}

pub fn ob(ev: &Evaluation, r: RuleId) -> &Obligation {
    ev.obligations.iter().find(|o| o.rule == r).unwrap_or_else(|| panic!("{r} missing; have {:?}", rules(ev)))
}

pub fn has(ev: &Evaluation, r: RuleId) -> bool {
    ev.obligations.iter().any(|o| o.rule == r)
}

pub fn rules(ev: &Evaluation) -> Vec<RuleId> {
    ev.obligations.iter().map(|o| o.rule).collect()
}

pub fn lost(mut m: Matter) -> Matter {
    m.judgment_received = od("2025-03-03");
    m.outcome = Some(Outcome::Lost);
    m
}

pub fn bureau_matter() -> Matter {
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

pub fn titled(title: &str) -> Matter {
    let mut m = own(AdminLitigation);
    m.head_name = "王某".into();
    m.head_title = title.into();
    m
}

pub fn co_defendant(title: &str) -> Matter {
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

pub fn r11d_matter() -> Matter {
    let mut m = lost(gov(AdminLitigation));
    m.act_source = Some(ActSource::Reconsideration);
    m.joint_defendant = true;
    m.appeal_decision = Some(AppealDecision::Appeal);
    m
}

/// The warnings of a matter as data — (条款, the column to fix) — so a test says which rule warned about which
/// field, not which words it used.
pub fn warned(ev: &Evaluation) -> Vec<(&'static str, Option<Column>)> {
    ev.warnings.iter().map(|w| (w.clause, w.column)).collect()
}

/// How much longer the work takes at `4n` than at `n` (`setup` builds the input and is not timed): about 4 for
/// linear work, 16 for quadratic. A ratio of two sizes rather than a wall-clock limit, so a slow machine does not
/// fail it and a fast one does not hide a quadratic step. Each size is timed twice (the better counts), and a
/// ratio of 8 or more is measured again up to twice (the lowest counts): a busy machine slows one measure, a
/// quadratic step slows every one.
pub fn growth<S>(n: usize, setup: impl Fn(usize) -> S, mut run: impl FnMut(S)) -> f64 {
    let mut best = |k: usize| {
        (0..2)
            .map(|_| {
                let input = setup(k);
                let t = std::time::Instant::now();
                run(input);
                t.elapsed()
            })
            .min()
            .expect("two tries")
    };
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        let (small, large) = (best(n), best(4 * n));
        ratio = ratio.min(large.as_secs_f64() / small.as_secs_f64().max(1e-4));
        if ratio < 8.0 {
            break;
        }
    }
    ratio
}
