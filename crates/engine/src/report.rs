//! Reports the regulation asks for, computed from the register so nobody re-types statistics:
//! 半年案件情况报告 (第二十三条), 季度败诉案件报告 (第二十四条), and the self-check before submission.
//!
//! Definitions (issue 6): 收案日 = the first present of 起诉状副本收到日, 司法局收到日, 办理函收到日,
//! 建议收到日; 新收 = 收案日 in the period; 审结 = 裁判文书签收日 in the period; 败诉率 = (败诉 + 部分败诉)
//! / 审结, one decimal; 负责人出庭率 = matters with 开庭日 in the period and a valid 出庭负责人 (R17) /
//! matters with 开庭日 in the period.

use crate::agency::ReportPeriod;
use crate::model::{CaseType, Column, Instance, Matter, Outcome};
use crate::rules::{Evaluation, RuleId, Status};
use chrono::NaiveDate;

/// `33.3%`, or `—` when the denominator is 0.
pub fn rate(num: usize, den: usize) -> String {
    if den == 0 {
        "—".into()
    } else {
        // Round half up on the exact ratio (integers only: no float surprises).
        let tenths = (num * 1000 * 2 + den) / (den * 2);
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// A lost matter with what the report says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LostCase {
    pub case_no: String,
    pub agency: String,
    pub case_type: CaseType,
    pub outcome: Outcome,
    pub judgment_received: Option<NaiveDate>,
    pub loss_report: Option<NaiveDate>,
    pub cause: String,
    pub village: bool,
}

fn lost_case(m: &Matter) -> LostCase {
    LostCase {
        case_no: m.case_no.0.clone(),
        agency: m.agency.trim().to_string(),
        case_type: m.case_type,
        outcome: m.outcome.unwrap_or(Outcome::Lost),
        judgment_received: m.judgment_received,
        loss_report: m.loss_report,
        cause: m.loss_cause.clone(),
        village: m.village,
    }
}

/// 生效裁判执行情况 of one matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Performance {
    pub case_no: String,
    pub effective: NaiveDate,
    pub status: Status,
}

/// The half-year case report (第二十三条) of one agency (or all) for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HalfYear {
    pub agency: String,
    pub period: ReportPeriod,
    /// 新收 by 案件类型 and 审级: (type, instance, count), non-zero only.
    pub intake_by_type: Vec<(CaseType, Instance, usize)>,
    pub intake: Vec<String>,
    pub closed: Vec<String>,
    /// 判决情况: count per 裁判结果 among the closed (None = 未填).
    pub outcomes: Vec<(Option<Outcome>, usize)>,
    pub lost: Vec<LostCase>,
    pub typical: Vec<String>,
    pub performance: Vec<Performance>,
    pub hearings: Vec<String>,
    pub heads: Vec<String>,
}

impl HalfYear {
    pub fn count(&self, o: Outcome) -> usize {
        self.outcomes.iter().find(|(x, _)| *x == Some(o)).map_or(0, |(_, n)| *n)
    }
    pub fn loss_rate(&self) -> String {
        rate(self.count(Outcome::Lost) + self.count(Outcome::PartlyLost), self.closed.len())
    }
    pub fn head_rate(&self) -> String {
        rate(self.heads.len(), self.hearings.len())
    }

    /// The indicator rows of the CLI and the CSV export: (指标, 数值).
    pub fn indicators(&self) -> Vec<(&'static str, String)> {
        vec![
            ("新收案件数", self.intake.len().to_string()),
            ("审结案件数", self.closed.len().to_string()),
            ("胜诉数", self.count(Outcome::Won).to_string()),
            ("败诉数", self.count(Outcome::Lost).to_string()),
            ("部分败诉数", self.count(Outcome::PartlyLost).to_string()),
            ("撤诉数", self.count(Outcome::Withdrawn).to_string()),
            ("驳回起诉数", self.count(Outcome::Dismissed).to_string()),
            ("调解结案数", self.count(Outcome::Mediated).to_string()),
            ("败诉率", self.loss_rate()),
            ("开庭案件数", self.hearings.len().to_string()),
            ("负责人出庭案件数", self.heads.len().to_string()),
            ("负责人出庭率", self.head_rate()),
            ("典型案例数", self.typical.len().to_string()),
            ("生效裁判数", self.performance.len().to_string()),
            ("生效裁判已履行数", self.performance.iter().filter(|p| p.status == Status::Done).count().to_string()),
        ]
    }
}

/// Which matters a report covers: one agency's (by 所属机关) or all (`None`).
pub fn of_agency<'a>(matters: &'a [Matter], agency: Option<&'a str>) -> impl Iterator<Item = (usize, &'a Matter)> + 'a {
    matters.iter().enumerate().filter(move |(_, m)| agency.is_none_or(|a| m.agency.trim() == a))
}

/// Builds the half-year report. `evals` are the matters' evaluations (index-aligned), for 执行情况.
pub fn half_year(matters: &[Matter], evals: &[Evaluation], agency: Option<&str>, period: ReportPeriod) -> HalfYear {
    let indices: Vec<usize> = of_agency(matters, agency).map(|(i, _)| i).collect();
    half_year_over(matters, evals, &indices, agency.unwrap_or("全部"), period)
}

/// Every agency's half-year report (by 所属机关, sorted as [`agencies`]) and then 全部. The matters are
/// grouped once, so the cost stays linear in the register whatever the number of agencies.
pub fn half_year_all(matters: &[Matter], evals: &[Evaluation], period: ReportPeriod) -> Vec<HalfYear> {
    let mut groups: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, m) in matters.iter().enumerate() {
        let a = m.agency.trim();
        if !a.is_empty() {
            groups.entry(a).or_default().push(i);
        }
    }
    let all: Vec<usize> = (0..matters.len()).collect();
    groups
        .iter()
        .map(|(a, idx)| half_year_over(matters, evals, idx, a, period))
        .chain(std::iter::once(half_year_over(matters, evals, &all, "全部", period)))
        .collect()
}

fn half_year_over(
    matters: &[Matter],
    evals: &[Evaluation],
    indices: &[usize],
    label: &str,
    period: ReportPeriod,
) -> HalfYear {
    let mut r = HalfYear {
        agency: label.to_string(),
        period,
        intake_by_type: vec![],
        intake: vec![],
        closed: vec![],
        outcomes: vec![],
        lost: vec![],
        typical: vec![],
        performance: vec![],
        hearings: vec![],
        heads: vec![],
    };
    let inside = |d: Option<NaiveDate>| d.is_some_and(|d| period.contains(d));
    let mut by_type: Vec<(CaseType, Instance, usize)> = Vec::new();
    let mut outcomes: Vec<(Option<Outcome>, usize)> = Vec::new();
    for &i in indices {
        let m = &matters[i];
        let no = m.case_no.0.clone();
        if inside(m.intake_date()) {
            r.intake.push(no.clone());
            match by_type.iter_mut().find(|(t, l, _)| *t == m.case_type && *l == m.instance) {
                Some(x) => x.2 += 1,
                None => by_type.push((m.case_type, m.instance, 1)),
            }
        }
        if inside(m.judgment_received) {
            r.closed.push(no.clone());
            match outcomes.iter_mut().find(|(o, _)| *o == m.outcome) {
                Some(x) => x.1 += 1,
                None => outcomes.push((m.outcome, 1)),
            }
            if m.outcome.is_some_and(Outcome::is_loss) {
                r.lost.push(lost_case(m));
            }
        }
        let typical = m.typical;
        if typical && (inside(m.intake_date()) || inside(m.judgment_received)) {
            r.typical.push(no.clone());
        }
        if inside(m.effective) {
            if let Some(o) =
                evals.get(i).and_then(|e| e.obligations.iter().find(|o| matches!(o.rule, RuleId::R12 | RuleId::R21)))
            {
                r.performance.push(Performance {
                    case_no: no.clone(),
                    effective: m.effective.unwrap_or_default(),
                    status: o.status,
                });
            }
        }
        if inside(m.hearing) {
            r.hearings.push(no.clone());
            if m.head_is_valid() {
                r.heads.push(no);
            }
        }
    }
    by_type.sort();
    outcomes.sort();
    r.intake_by_type = by_type;
    r.outcomes = outcomes;
    r
}

/// The quarterly lost-case report (第二十四条): every lost matter judged in the quarter, including
/// those of 村委会 in the jurisdiction.
pub fn quarter_losses(matters: &[Matter], agency: Option<&str>, period: ReportPeriod) -> Vec<LostCase> {
    of_agency(matters, agency)
        .map(|(_, m)| m)
        .filter(|m| m.judgment_received.is_some_and(|d| period.contains(d)) && m.outcome.is_some_and(Outcome::is_loss))
        .map(lost_case)
        .collect()
}

/// Writes the quarterly lost-case report as CSV, UTF-8 with BOM.
pub fn quarter_csv(lost: &[LostCase], period: ReportPeriod) -> Vec<u8> {
    let d = |x: Option<NaiveDate>| x.map(crate::dates::fmt).unwrap_or_default();
    let rows = lost.iter().map(|l| {
        vec![
            l.agency.clone().into(),
            period.code().into(),
            l.case_no.clone().into(),
            l.case_type.label().into(),
            l.outcome.label().into(),
            d(l.judgment_received).into(),
            d(l.loss_report).into(),
            if l.village { "是" } else { "否" }.into(),
            l.cause.clone().into(),
        ]
    });
    crate::codec::write_csv(
        &["机关", "期间", "案号", "案件类型", "裁判结果", "裁判文书签收日", "败诉分析报告日", "涉及村委会", "败诉原因"],
        rows,
    )
}

/// The agencies named in the register (by 所属机关), sorted.
pub fn agencies(matters: &[Matter]) -> Vec<String> {
    let mut v: Vec<String> = matters.iter().map(|m| m.agency.trim().to_string()).filter(|a| !a.is_empty()).collect();
    v.sort();
    v.dedup();
    v
}

/// Writes half-year reports as CSV (`机关,期间,指标,数值`), UTF-8 with BOM.
pub fn half_year_csv(reports: &[HalfYear]) -> Vec<u8> {
    let rows = reports.iter().flat_map(|r| {
        r.indicators()
            .into_iter()
            .map(move |(k, v)| vec![r.agency.clone().into(), r.period.code().into(), k.into(), v.into()])
    });
    crate::codec::write_csv(&["机关", "期间", "指标", "数值"], rows)
}

/// One item of the self-check: what is wrong, what to fix, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckItem {
    pub case_no: String,
    pub rule: Option<RuleId>,
    pub clause: &'static str,
    pub status: Option<Status>,
    pub problem: String,
    pub fix: String,
    /// The column to fix, if one.
    pub column: Option<Column>,
}

/// How many items the self-check lists for one matter (without building them).
pub fn check_count(m: &Matter, ev: &Evaluation) -> usize {
    let statuses = ev
        .obligations
        .iter()
        .filter(|o| matches!(o.status, Status::MissingData | Status::Overdue | Status::Violation))
        .count();
    statuses + ev.warnings.len() + m.problems().len()
}

/// 自查: every 违反 / 已逾期 / 待补充 obligation and every data warning of an agency's matters.
pub fn self_check(matters: &[Matter], evals: &[Evaluation], agency: Option<&str>) -> Vec<CheckItem> {
    let mut out = Vec::new();
    for (i, m) in of_agency(matters, agency) {
        let Some(ev) = evals.get(i) else { continue };
        for o in &ev.obligations {
            let fix = match o.status {
                Status::MissingData => match o.trigger_column {
                    Some(c) => format!("填写「{}」", c.name()),
                    None if matches!(o.rule, RuleId::R09 | RuleId::R16) => {
                        "填写「代理人」（注明工作人员或律师）".to_string()
                    }
                    None => "补充数据".to_string(),
                },
                Status::Overdue => match o.done_column {
                    Some(c) => format!("已完成的填写「{}」；未完成的立即办理并说明逾期原因", c.name()),
                    None => "立即办理".to_string(),
                },
                Status::Violation => match o.rule {
                    RuleId::R09 | RuleId::R16 => "委托至少一名工作人员作为代理人".to_string(),
                    RuleId::R17 => "出庭负责人应为正职、副职、分管副职或其他分管负责人".to_string(),
                    _ => "按规则整改".to_string(),
                },
                _ => continue,
            };
            let column = match o.status {
                Status::MissingData => {
                    o.trigger_column.or(matches!(o.rule, RuleId::R09 | RuleId::R16).then_some(Column::Agents))
                }
                Status::Overdue => o.done_column,
                _ => matches!(o.rule, RuleId::R17).then_some(Column::HeadTitle).or(matches!(
                    o.rule,
                    RuleId::R09 | RuleId::R16
                )
                .then_some(Column::Agents)),
            };
            out.push(CheckItem {
                case_no: m.case_no.0.clone(),
                rule: Some(o.rule),
                clause: o.info().clause,
                status: Some(o.status),
                problem: format!("{}：{}", o.info().title, o.explanation),
                fix,
                column,
            });
        }
        for w in &ev.warnings {
            out.push(CheckItem {
                case_no: m.case_no.0.clone(),
                rule: None,
                clause: w.clause,
                status: None,
                problem: w.message.clone(),
                fix: w.column.map(|c| format!("核对「{}」", c.name())).unwrap_or_else(|| "核对数据".into()),
                column: w.column,
            });
        }
        for p in m.problems() {
            out.push(CheckItem {
                case_no: m.case_no.0.clone(),
                rule: None,
                clause: "",
                status: None,
                problem: format!("「{}」：{}", p.column.name(), p.message),
                fix: format!("修改「{}」", p.column.name()),
                column: Some(p.column),
            });
        }
    }
    out
}

/// The self-check's verdict.
pub fn verdict(items: &[CheckItem]) -> String {
    if items.is_empty() {
        "可以报送".into()
    } else {
        format!("需先处理 {} 项", items.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_half_up_to_one_decimal() {
        assert_eq!(rate(1, 3), "33.3%");
        assert_eq!(rate(2, 3), "66.7%");
        assert_eq!(rate(1, 8), "12.5%");
        assert_eq!(rate(1, 16), "6.3%"); // 6.25 → 6.3
        assert_eq!(rate(0, 5), "0.0%");
        assert_eq!(rate(5, 5), "100.0%");
        assert_eq!(rate(0, 0), "—");
    }
}
