//! Realistic synthetic registers for benchmarks: a fixed seed gives the same matters everywhere
//! (natively and in the browser), with the mix of types, stages and gaps a district's register has.

use crate::model::{
    ActSource, Agent, AgentRole, Agents, CaseNo, CaseType, Defendant, Instance, JudgmentType, Matter, Outcome,
};
use chrono::{Duration, NaiveDate};

/// xorshift64*: tiny, deterministic, good enough to spread test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// true with probability `pct`%.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const AGENCIES: &[&str] = &[
    "区城市管理委员会",
    "区住房和城乡建设委员会",
    "区市场监督管理局",
    "区规划和自然资源委员会分局",
    "区生态环境局",
    "区人力资源和社会保障局",
    "区卫生健康委员会",
    "区交通局",
    "区教育委员会",
    "区民政局",
    "新华街道办事处",
    "北苑街道办事处",
    "中仓街道办事处",
    "梨园镇人民政府",
    "宋庄镇人民政府",
    "永乐店镇人民政府",
    "台湖镇人民政府",
    "马驹桥镇人民政府",
    "区司法局",
    "区应急管理局",
];
const CAUSES: &[&str] = &[
    "不服行政处罚决定",
    "政府信息公开",
    "要求履行法定职责",
    "房屋征收补偿",
    "违法建设拆除",
    "行政许可",
    "工伤认定",
    "劳动保障监察",
    "食品安全监管",
    "行政强制",
    "不动产登记",
    "行政复议决定",
    "举报处理",
    "行政协议",
];
const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];

/// `n` matters, 2022-06 to 2026-10, in the proportions of a district register.
pub fn register(n: usize, seed: u64) -> Vec<Matter> {
    let mut r = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(2022, 6, 1).expect("valid date");
    (0..n).map(|i| matter(&mut r, i, start)).collect()
}

fn matter(r: &mut Rng, i: usize, start: NaiveDate) -> Matter {
    let day = |r: &mut Rng, base: NaiveDate, lo: i64, hi: i64| {
        base + Duration::days(lo + r.below((hi - lo + 1) as u64) as i64)
    };
    let case_type = match r.below(100) {
        0..=54 => CaseType::AdminLitigation,
        55..=79 => CaseType::Reconsideration,
        80..=86 => CaseType::Civil,
        87..=89 => CaseType::PublicInterest,
        90..=93 => CaseType::JudicialSuggestion,
        94..=97 => CaseType::ProcuratorialSuggestion,
        _ => CaseType::LegalSuggestion,
    };
    let defendant = if r.chance(15) { Defendant::DistrictGov } else { Defendant::OwnAgency };
    let year = 2022 + (i % 4) as i32;
    let prefix = match case_type {
        CaseType::Reconsideration => "通复",
        t if t.is_suggestion() => "建",
        _ => "京0112行初",
    };
    let mut m = Matter {
        case_no: CaseNo(format!("（{year}）{prefix}{}号", 10_000 + i)),
        case_type,
        defendant,
        ..Matter::default()
    };
    m.agency = r.pick(AGENCIES).to_string();
    m.handler = if defendant == Defendant::DistrictGov { r.pick(AGENCIES).to_string() } else { m.agency.clone() };
    m.cause = r.pick(CAUSES).to_string();
    m.plaintiff = format!("{}某{}", r.pick(SURNAMES), if r.chance(20) { "等" } else { "" });
    m.tribunal = if case_type == CaseType::Reconsideration {
        "北京市通州区人民政府".into()
    } else {
        "北京市通州区人民法院".into()
    };
    let received = day(r, start, 0, 1550);
    if case_type.is_suggestion() {
        m.suggestion_received = Some(received);
        m.urgent = r.chance(10);
        if r.chance(70) {
            m.implementation_reported = Some(day(r, received, 5, 40));
        }
        if r.chance(60) {
            m.replied = Some(day(r, received, 20, 70));
        }
        if case_type == CaseType::LegalSuggestion && r.chance(50) {
            m.reply_by = Some(day(r, received, 15, 30));
        }
        return m;
    }
    let level = if r.chance(15) { Instance::Second } else { Instance::First };
    // A 行政复议 has no 审级 (issue 21): left empty, as the form leaves it.
    m.instance = crate::form::applies(crate::model::Column::Instance, &m).then_some(level);
    m.complaint_received = Some(received);
    if defendant == Defendant::DistrictGov {
        m.act_source = Some(*r.pick(ActSource::ALL));
        m.bureau_received = Some(received);
        m.letter_issued = Some(day(r, received, 0, 3));
        m.letter_received = m.letter_issued;
        m.contact_reported = Some(day(r, received, 1, 4));
        m.materials_submitted = Some(day(r, received, 3, 8));
        m.joint_defendant = r.chance(20);
    }
    m.leader_reported = Some(day(r, received, 0, 3));
    m.major_sensitive = r.chance(5);
    m.high_attention = r.chance(4);
    m.village = r.chance(8);
    if r.chance(92) {
        m.answer_filed = Some(day(r, received, 5, 16));
    }
    let staff = Agent { raw: format!("{}某（工作人员）", r.pick(SURNAMES)), role: AgentRole::Staff };
    m.agents = Agents(if r.chance(95) {
        vec![staff, Agent { raw: "某律师事务所（律师）".into(), role: AgentRole::Lawyer }]
    } else {
        vec![]
    });
    if r.chance(70) {
        m.hearing = Some(day(r, received, 30, 120));
        if r.chance(60) {
            m.head_name = format!("{}某", r.pick(SURNAMES));
            m.head_title = r.pick(&["正职", "副职", "分管副职", "其他分管负责人", "科长"]).to_string();
        }
    }
    if r.chance(65) {
        let judged = day(r, received, 60, 240);
        m.judgment_received = Some(judged);
        m.judgment_type = Some(if case_type == CaseType::Reconsideration {
            JudgmentType::ReconsiderationDecision
        } else if r.chance(80) {
            JudgmentType::Judgment
        } else {
            JudgmentType::Ruling
        });
        m.outcome = Some(*r.pick(&[
            Outcome::Won,
            Outcome::Won,
            Outcome::Won,
            Outcome::Won,
            Outcome::Lost,
            Outcome::PartlyLost,
            Outcome::Withdrawn,
            Outcome::Dismissed,
        ]));
        m.bureau_reported = Some(day(r, judged, 0, 5));
        if m.outcome.is_some_and(Outcome::is_loss) {
            m.loss_report = Some(day(r, judged, 2, 8));
            m.effective = Some(day(r, judged, 16, 30));
            if r.chance(70) {
                m.performed = Some(day(r, judged, 20, 90));
            }
        }
        if r.chance(30) {
            m.appeal_decision = Some(crate::model::AppealDecision::NoAppeal);
        }
    }
    if r.chance(10) {
        m.remarks = "需关注后续履行情况".into();
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_register_and_all_valid() {
        let a = register(200, 7);
        assert_eq!(a, register(200, 7));
        let csv = crate::codec::export(&a);
        let imp = crate::codec::import::<Matter>(&csv).unwrap();
        assert!(imp.is_clean(), "{:?}", imp.errors().next());
        assert_eq!(imp.rows.len(), 200);
    }
}
