//! 规则自测: built-in scenarios, each from an article or a worked example of RULES.md §5, that the app runs
//! through the engine in the browser to show the rules work there as they do here.

use crate::model::{Column, Matter, Settings};
use crate::period::Counting;
use crate::rules::{evaluate, RuleId, Status};
use crate::Calendar;
use chrono::NaiveDate;

/// One scenario: a matter (as CSV cells), a day, and what one rule must give.
#[derive(Debug, Clone, Copy)]
pub struct Scenario {
    pub name: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
    pub today: &'static str,
    pub counting: Counting,
    pub rule: RuleId,
    pub due: Option<&'static str>,
    pub status: Status,
}

/// The result of running one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioResult {
    pub name: &'static str,
    pub rule: RuleId,
    pub expected_due: Option<NaiveDate>,
    pub expected_status: Status,
    pub due: Option<NaiveDate>,
    pub status: Option<Status>,
    pub explanation: String,
    pub pass: bool,
}

const N: Counting = Counting::Natural;

pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "§5 答辩期跨春节顺延",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "区政府"), ("起诉状副本收到日", "2025-01-20")],
        today: "2025-01-21",
        counting: N,
        rule: RuleId::R08,
        due: Some("2025-02-05"),
        status: Status::Pending,
    },
    Scenario {
        name: "§5 届满日为调休上班日不顺延",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "本机关"), ("起诉状副本收到日", "2025-09-26")],
        today: "2025-09-26",
        counting: N,
        rule: RuleId::R14,
        due: Some("2025-10-11"),
        status: Status::Pending,
    },
    Scenario {
        name: "§5 行政复议答复十个工作日",
        fields: &[("案件类型", "行政复议"), ("被告类型", "本机关"), ("起诉状副本收到日", "2025-09-26")],
        today: "2025-09-26",
        counting: N,
        rule: RuleId::R14,
        due: Some("2025-10-16"),
        status: Status::Pending,
    },
    Scenario {
        name: "§5 第七条第二项 5日跨劳动节",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "区政府"), ("办理函收到日", "2025-04-30")],
        today: "2025-04-30",
        counting: N,
        rule: RuleId::R07C,
        due: Some("2025-05-06"),
        status: Status::Pending,
    },
    Scenario {
        name: "§5 上诉期届满周六顺延",
        fields: &[
            ("案件类型", "行政诉讼"),
            ("被告类型", "区政府"),
            ("裁判类型", "判决"),
            ("裁判文书签收日", "2024-12-27"),
        ],
        today: "2024-12-27",
        counting: N,
        rule: RuleId::R11C,
        due: Some("2025-01-13"),
        status: Status::Pending,
    },
    Scenario {
        name: "§5 旧行政复议法十个自然日",
        fields: &[("案件类型", "行政复议"), ("被告类型", "本机关"), ("起诉状副本收到日", "2022-09-28")],
        today: "2022-09-28",
        counting: N,
        rule: RuleId::R14,
        due: Some("2022-10-08"),
        status: Status::Pending,
    },
    Scenario {
        name: "第七条第二项按工作日计",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "区政府"), ("办理函收到日", "2025-04-30")],
        today: "2025-04-30",
        counting: Counting::Working,
        rule: RuleId::R07C,
        due: Some("2025-05-12"),
        status: Status::Pending,
    },
    Scenario {
        name: "第六条 2日届满周六顺延",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "区政府"), ("司法局收到日", "2025-03-06")],
        today: "2025-03-06",
        counting: N,
        rule: RuleId::R06,
        due: Some("2025-03-10"),
        status: Status::Pending,
    },
    Scenario {
        name: "第七条第一项立即汇报不顺延",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "区政府"), ("办理函收到日", "2025-03-08")],
        today: "2025-03-09",
        counting: N,
        rule: RuleId::R07A,
        due: Some("2025-03-08"),
        status: Status::Overdue,
    },
    Scenario {
        name: "第九条仅委托律师",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "区政府"), ("代理人", "李律师（律师）")],
        today: "2025-03-01",
        counting: N,
        rule: RuleId::R09,
        due: None,
        status: Status::Violation,
    },
    Scenario {
        name: "第十一条败诉分析报告跨国庆",
        fields: &[
            ("案件类型", "行政诉讼"),
            ("被告类型", "区政府"),
            ("裁判文书签收日", "2025-09-26"),
            ("裁判结果", "败诉"),
        ],
        today: "2025-09-26",
        counting: N,
        rule: RuleId::R11B,
        due: Some("2025-10-09"),
        status: Status::Pending,
    },
    Scenario {
        name: "第十三条检察建议两个月取月末",
        fields: &[("案件类型", "检察建议"), ("被告类型", "区政府"), ("建议收到日", "2023-12-31")],
        today: "2024-01-02",
        counting: N,
        rule: RuleId::R13B,
        due: Some("2024-02-29"),
        status: Status::Pending,
    },
    Scenario {
        name: "第十七条出庭负责人职务不符",
        fields: &[
            ("案件类型", "行政诉讼"),
            ("被告类型", "本机关"),
            ("出庭负责人", "张科长"),
            ("出庭负责人职务", "科长"),
        ],
        today: "2025-03-01",
        counting: N,
        rule: RuleId::R17,
        due: None,
        status: Status::Violation,
    },
    Scenario {
        name: "第十八条第一款公益诉讼负责人已出庭",
        fields: &[
            ("案件类型", "行政公益诉讼"),
            ("被告类型", "本机关"),
            ("开庭日", "2025-03-10"),
            ("出庭负责人", "王局长"),
            ("出庭负责人职务", "正职"),
        ],
        today: "2025-03-11",
        counting: N,
        rule: RuleId::R18A,
        due: Some("2025-03-10"),
        status: Status::Done,
    },
    Scenario {
        name: "第二十条裁定上诉期十日（修订3：裁定须决定上诉）",
        fields: &[
            ("案件类型", "民事诉讼"),
            ("被告类型", "本机关"),
            ("裁判类型", "裁定"),
            ("上诉决定", "上诉"),
            ("裁判文书签收日", "2025-03-03"),
        ],
        today: "2025-03-20",
        counting: N,
        rule: RuleId::R20,
        due: Some("2025-03-13"),
        status: Status::Overdue,
    },
    Scenario {
        name: "第二十二条第二款法制建议按规定时间",
        fields: &[
            ("案件类型", "法制建议"),
            ("被告类型", "本机关"),
            ("建议收到日", "2025-03-03"),
            ("建议回复期限", "2025-03-31"),
            ("建议回复日", "2025-03-28"),
        ],
        today: "2025-04-01",
        counting: N,
        rule: RuleId::R22C,
        due: Some("2025-03-31"),
        status: Status::Done,
    },
    Scenario {
        name: "待补充优先于完成日",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "本机关"), ("答辩提交日", "2025-03-10")],
        today: "2025-03-11",
        counting: N,
        rule: RuleId::R14,
        due: None,
        status: Status::MissingData,
    },
    Scenario {
        name: "修订2 复议简易程序答复五个工作日（国庆）",
        fields: &[
            ("案件类型", "行政复议"),
            ("被告类型", "本机关"),
            ("简易程序", "是"),
            ("起诉状副本收到日", "2025-09-26"),
        ],
        today: "2025-09-26",
        counting: N,
        rule: RuleId::R14,
        due: Some("2025-10-10"),
        status: Status::Pending,
    },
    Scenario {
        name: "修订2 二审败诉六个月内申请再审（月末、调休上班日）",
        fields: &[
            ("案件类型", "行政诉讼"),
            ("被告类型", "本机关"),
            ("审级", "二审"),
            ("裁判文书签收日", "2025-08-31"),
            ("裁判结果", "败诉"),
        ],
        today: "2025-09-01",
        counting: N,
        rule: RuleId::R20R,
        due: Some("2026-02-28"),
        status: Status::Pending,
    },
    Scenario {
        name: "修订2 开庭日已过未记录负责人为违反（不是已逾期）",
        fields: &[("案件类型", "行政公益诉讼"), ("被告类型", "本机关"), ("开庭日", "2025-03-10")],
        today: "2025-03-11",
        counting: N,
        rule: RuleId::R18A,
        due: Some("2025-03-10"),
        status: Status::Violation,
    },
    Scenario {
        name: "修订2 “局长”按正职认定",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "本机关"), ("出庭负责人", "王某"), ("出庭负责人职务", "局长")],
        today: "2025-03-11",
        counting: N,
        rule: RuleId::R17,
        due: None,
        status: Status::Compliant,
    },
    Scenario {
        name: "修订2 及时事项超过30日未完成为久未完成",
        fields: &[("案件类型", "行政诉讼"), ("被告类型", "本机关"), ("起诉状副本收到日", "2025-03-03")],
        today: "2025-04-03",
        counting: N,
        rule: RuleId::R15,
        due: None,
        status: Status::LongOpen,
    },
    Scenario {
        name: "修订2 紧急检察建议未载明回复期限为待补充",
        fields: &[("案件类型", "检察建议"), ("被告类型", "本机关"), ("紧急", "是"), ("建议收到日", "2025-03-03")],
        today: "2025-03-04",
        counting: N,
        rule: RuleId::R22B,
        due: None,
        status: Status::MissingData,
    },
    Scenario {
        name: "修订3 法院指定答辩期限优先，不顺延",
        fields: &[
            ("案件类型", "行政诉讼"),
            ("被告类型", "本机关"),
            ("起诉状副本收到日", "2025-03-03"),
            ("答辩期限", "2025-03-08"),
        ],
        today: "2025-03-04",
        counting: N,
        rule: RuleId::R14,
        due: Some("2025-03-08"),
        status: Status::Pending,
    },
    Scenario {
        name: "修订3 行政复议意见书六十日（劳动节顺延）",
        fields: &[("案件类型", "行政复议意见书"), ("被告类型", "本机关"), ("建议收到日", "2025-03-03")],
        today: "2025-03-04",
        counting: N,
        rule: RuleId::R22V,
        due: Some("2025-05-06"),
        status: Status::Pending,
    },
    Scenario {
        name: "修订3 二审败诉未填生效日以签收日起算履行",
        fields: &[
            ("案件类型", "行政诉讼"),
            ("被告类型", "本机关"),
            ("审级", "二审"),
            ("裁判文书签收日", "2025-03-03"),
            ("裁判结果", "败诉"),
            ("履行期限", "2025-04-03"),
        ],
        today: "2025-03-04",
        counting: N,
        rule: RuleId::R21,
        due: Some("2025-04-03"),
        status: Status::Pending,
    },
    Scenario {
        name: "修订3 复议听证负责人未参加为提示",
        fields: &[("案件类型", "行政复议"), ("被告类型", "本机关"), ("开庭日", "2025-03-10")],
        today: "2025-03-11",
        counting: N,
        rule: RuleId::R18C,
        due: Some("2025-03-10"),
        status: Status::Info,
    },
];

fn date(s: &str) -> NaiveDate {
    crate::dates::parse_date(s).expect("scenario dates are valid")
}

/// Runs one scenario.
pub fn run(s: &Scenario, cal: &Calendar) -> ScenarioResult {
    let mut m = Matter::new("自测");
    for (col, v) in s.fields {
        let c = Column::from_name(col).expect("scenario columns exist");
        c.set(&mut m, v).expect("scenario values are valid");
    }
    let settings = Settings { counting: s.counting, ..Settings::default() };
    let ev = evaluate(&m, cal, &settings, date(s.today));
    let o = ev.obligations.iter().find(|o| o.rule == s.rule);
    let expected_due = s.due.map(date);
    let (due, status, explanation) = match o {
        Some(o) => (o.due, Some(o.status), o.explanation.clone()),
        None => (None, None, format!("未产生 {} 义务", s.rule)),
    };
    ScenarioResult {
        name: s.name,
        rule: s.rule,
        expected_due,
        expected_status: s.status,
        due,
        status,
        explanation,
        pass: due == expected_due && status == Some(s.status),
    }
}

/// Runs every scenario with the bundled calendar.
pub fn run_all() -> Vec<ScenarioResult> {
    let cal = Calendar::bundled();
    SCENARIOS.iter().map(|s| run(s, &cal)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_built_in_scenario_passes() {
        for o in super::run_all() {
            assert!(o.pass, "{o:?}");
        }
    }
}
