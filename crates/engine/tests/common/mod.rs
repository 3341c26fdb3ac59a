//! Test helpers shared by the engine's integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use yingsu_engine::model::{CaseType, Defendant};
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
