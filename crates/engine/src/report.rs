//! Reports the regulation asks for, computed from the register so nobody re-types statistics:
//! 半年案件情况报告 (第二十三条), 季度败诉案件报告 (第二十四条), and the self-check before submission.
//!
//! Definitions (RULES.md §4.1, revision 2): the agency of a matter is 所属机关, else 应诉承办机关, else 未指定;
//! 案件 (诉讼 and 复议) and 建议 are counted apart — a 建议 is never a 新收案件; 法院案件 and 复议案件 are judged
//! apart (败诉率 of the courts, 复议纠错率 of 复议); 审结 = 裁判文书签收日 in the period with 裁判结果 recorded;
//! 生效裁判执行 counts the R12/R21 rows effective by the period end and not done before it began; 负责人出庭
//! counts hearings in the period that took place, with a head R17 accepts (主要负责人 = classified 正职).

use crate::model::{CaseType, Column, Instance, Matter, Outcome};
use crate::periodic::{PeriodicDuty, ReportPeriod};
use crate::rules::{classify_title, Evaluation, RuleId, Status};
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
        agency: m.agency_name().to_string(),
        case_type: m.case_type,
        outcome: m.outcome.unwrap_or(Outcome::Lost),
        judgment_received: m.judgment_received,
        loss_report: m.loss_report,
        cause: m.loss_cause.clone(),
        village: m.village,
    }
}

/// 生效裁判执行情况 of one matter in a period (RULES.md §4.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Performance {
    pub case_no: String,
    pub effective: NaiveDate,
    /// 履行期限, when the judgment set one.
    pub due: Option<NaiveDate>,
    /// 履行完成日 when it lies within the period end.
    pub performed: Option<NaiveDate>,
    /// 已完成 (按期履行), 逾期完成 (逾期履行), or the open status (未履行 at period end).
    pub status: Status,
    /// Days from 生效日 to the period end (or today, if earlier) for an unperformed row; 0 otherwise.
    pub days_open: i64,
}

impl Performance {
    pub fn performed_in_time(&self) -> bool {
        self.status == Status::Done
    }
    pub fn performed_late(&self) -> bool {
        self.status == Status::DoneLate
    }
    pub fn unperformed(&self) -> bool {
        self.performed.is_none()
    }
}

/// The half-year case report (第二十三条) of one agency (or all) for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HalfYear {
    pub agency: String,
    pub period: ReportPeriod,
    /// 新收案件 by 案件类型 and 审级: (type, instance, count), non-zero only. 案件 only.
    pub intake_by_type: Vec<(CaseType, Option<Instance>, usize)>,
    /// 新收案件 (案件 only: 建议 are never 新收案件).
    pub intake: Vec<String>,
    /// 收到建议 (司法建议, 检察建议, 法制建议) with 建议收到日 in the period.
    pub suggestions: Vec<String>,
    /// 法院审结 (行政诉讼, 行政公益诉讼, 民事诉讼).
    pub court_closed: Vec<String>,
    /// 复议审结 (行政复议).
    pub review_closed: Vec<String>,
    /// 法院判决情况: count per 裁判结果 among 法院审结.
    pub outcomes: Vec<(Option<Outcome>, usize)>,
    /// 复议决定情况: count per 裁判结果 among 复议审结.
    pub review_outcomes: Vec<(Option<Outcome>, usize)>,
    /// 败诉案件 (法院审结, 败诉 or 部分败诉).
    pub lost: Vec<LostCase>,
    /// 复议纠错 (复议审结 revoked, changed or held unlawful: recorded 败诉 or 部分败诉).
    pub review_corrected: Vec<LostCase>,
    pub typical: Vec<String>,
    /// 生效裁判执行情况 (应履行 = every entry).
    pub performance: Vec<Performance>,
    /// Hearings in the period that took place (开庭日 ≤ today); (r3 §7.8) of 行政诉讼 and 行政公益诉讼 only, not
    /// 书面审理.
    pub hearings: Vec<String>,
    /// … with a 出庭负责人 R17 accepts (a co-defendant's head included, §7.6).
    pub heads: Vec<String>,
    /// … with a 主要负责人 (classified 正职, of the defendant itself).
    pub principal_heads: Vec<String>,
    /// (r3 §7.8, §7.22) … where the head spoke (负责人发言 = 是).
    pub heads_spoke: Vec<String>,
    /// (r3 §7.8) 行政复议 hearings (听证) in the period that took place, not 书面审理.
    pub review_hearings: Vec<String>,
    /// … with a head R17 accepts (负责人参加听证).
    pub review_heads: Vec<String>,
}

fn count_of(outcomes: &[(Option<Outcome>, usize)], o: Outcome) -> usize {
    outcomes.iter().find(|(x, _)| *x == Some(o)).map_or(0, |(_, n)| *n)
}

impl HalfYear {
    /// 法院判决 count of one 裁判结果.
    pub fn count(&self, o: Outcome) -> usize {
        count_of(&self.outcomes, o)
    }
    /// 复议决定 count of one 裁判结果.
    pub fn review_count(&self, o: Outcome) -> usize {
        count_of(&self.review_outcomes, o)
    }
    /// 审结案件数 = 法院审结 + 复议审结.
    pub fn closed(&self) -> usize {
        self.court_closed.len() + self.review_closed.len()
    }
    /// 败诉率 (法院): (败诉 + 部分败诉) / 法院审结.
    pub fn loss_rate(&self) -> String {
        rate(self.count(Outcome::Lost) + self.count(Outcome::PartlyLost), self.court_closed.len())
    }
    /// 复议纠错率: (败诉 + 部分败诉) / 复议审结.
    pub fn review_correction_rate(&self) -> String {
        rate(self.review_count(Outcome::Lost) + self.review_count(Outcome::PartlyLost), self.review_closed.len())
    }
    pub fn head_rate(&self) -> String {
        rate(self.heads.len(), self.hearings.len())
    }
    pub fn principal_head_rate(&self) -> String {
        rate(self.principal_heads.len(), self.hearings.len())
    }
    /// (r3 §7.8) 出声率 = 负责人发言案件数 / 负责人出庭案件数.
    pub fn spoke_rate(&self) -> String {
        rate(self.heads_spoke.len(), self.heads.len())
    }

    /// The indicator rows of the CLI and the CSV export: (指标, 数值). Existing names keep their columns;
    /// revision 2 adds its indicators after them.
    pub fn indicators(&self) -> Vec<(&'static str, String)> {
        let n = |v: usize| v.to_string();
        vec![
            ("新收案件数", n(self.intake.len())),
            ("审结案件数", n(self.closed())),
            ("胜诉数", n(self.count(Outcome::Won))),
            ("败诉数", n(self.count(Outcome::Lost))),
            ("部分败诉数", n(self.count(Outcome::PartlyLost))),
            ("撤诉数", n(self.count(Outcome::Withdrawn))),
            ("驳回起诉数", n(self.count(Outcome::Dismissed))),
            ("调解结案数", n(self.count(Outcome::Mediated))),
            ("败诉率", self.loss_rate()),
            ("开庭案件数", n(self.hearings.len())),
            ("负责人出庭案件数", n(self.heads.len())),
            ("负责人出庭率", self.head_rate()),
            ("典型案例数", n(self.typical.len())),
            ("生效裁判数", n(self.performance.len())),
            ("生效裁判已履行数", n(self.performance.iter().filter(|p| !p.unperformed()).count())),
            ("收到建议数", n(self.suggestions.len())),
            ("法院审结数", n(self.court_closed.len())),
            ("复议审结数", n(self.review_closed.len())),
            ("复议纠错率", self.review_correction_rate()),
            ("应履行数", n(self.performance.len())),
            ("已履行数", n(self.performance.iter().filter(|p| !p.unperformed()).count())),
            ("逾期履行数", n(self.performance.iter().filter(|p| p.performed_late()).count())),
            ("未履行数", n(self.performance.iter().filter(|p| p.unperformed()).count())),
            ("主要负责人出庭案件数", n(self.principal_heads.len())),
            ("主要负责人出庭率", self.principal_head_rate()),
            // Revision 3 (§7.8).
            ("复议听证数", n(self.review_hearings.len())),
            ("负责人参加听证数", n(self.review_heads.len())),
            ("负责人发言案件数", n(self.heads_spoke.len())),
            ("出声率", self.spoke_rate()),
        ]
    }
}

/// Which matters a report covers: one agency's (the agency of the matter, §4.1) or all (`None`).
pub fn of_agency<'a>(matters: &'a [Matter], agency: Option<&'a str>) -> impl Iterator<Item = (usize, &'a Matter)> + 'a {
    matters.iter().enumerate().filter(move |(_, m)| agency.is_none_or(|a| m.agency_name() == a))
}

/// Builds the half-year report. `evals` are the matters' evaluations (index-aligned), for 执行情况;
/// `today` bounds the hearings counted (only those that took place).
pub fn half_year(
    matters: &[Matter],
    evals: &[Evaluation],
    agency: Option<&str>,
    period: ReportPeriod,
    today: NaiveDate,
) -> HalfYear {
    let indices: Vec<usize> = of_agency(matters, agency).map(|(i, _)| i).collect();
    half_year_over(matters, evals, &indices, agency.unwrap_or("全部"), period, today)
}

/// Every agency's half-year report (by the agency of the matter, sorted as [`agencies`]) and then 全部. The
/// matters are grouped once, so the cost stays linear in the register whatever the number of agencies.
pub fn half_year_all(
    matters: &[Matter],
    evals: &[Evaluation],
    period: ReportPeriod,
    today: NaiveDate,
) -> Vec<HalfYear> {
    let mut groups: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, m) in matters.iter().enumerate() {
        groups.entry(m.agency_name()).or_default().push(i);
    }
    let all: Vec<usize> = (0..matters.len()).collect();
    groups
        .iter()
        .map(|(a, idx)| half_year_over(matters, evals, idx, a, period, today))
        .chain(std::iter::once(half_year_over(matters, evals, &all, "全部", period, today)))
        .collect()
}

fn bump(v: &mut Vec<(Option<Outcome>, usize)>, o: Option<Outcome>) {
    match v.iter_mut().find(|(x, _)| *x == o) {
        Some(x) => x.1 += 1,
        None => v.push((o, 1)),
    }
}

fn half_year_over(
    matters: &[Matter],
    evals: &[Evaluation],
    indices: &[usize],
    label: &str,
    period: ReportPeriod,
    today: NaiveDate,
) -> HalfYear {
    let mut r = HalfYear {
        agency: label.to_string(),
        period,
        intake_by_type: vec![],
        intake: vec![],
        suggestions: vec![],
        court_closed: vec![],
        review_closed: vec![],
        outcomes: vec![],
        review_outcomes: vec![],
        lost: vec![],
        review_corrected: vec![],
        typical: vec![],
        performance: vec![],
        hearings: vec![],
        heads: vec![],
        principal_heads: vec![],
        heads_spoke: vec![],
        review_hearings: vec![],
        review_heads: vec![],
    };
    let inside = |d: Option<NaiveDate>| d.is_some_and(|d| period.contains(d));
    let (start, end) = (period.start(), period.end());
    let mut by_type: Vec<(CaseType, Option<Instance>, usize)> = Vec::new();
    for &i in indices {
        let m = &matters[i];
        let no = m.case_no.0.clone();
        if m.case_type.is_suggestion() {
            if inside(m.intake_date()) {
                r.suggestions.push(no.clone());
            }
        } else if inside(m.intake_date()) {
            r.intake.push(no.clone());
            // 审级 empty where it does not apply (行政复议, issue 21); empty = 一审 for a court case.
            let level = crate::form::applies(Column::Instance, m).then(|| m.instance());
            match by_type.iter_mut().find(|(t, l, _)| *t == m.case_type && *l == level) {
                Some(x) => x.2 += 1,
                None => by_type.push((m.case_type, level, 1)),
            }
        }
        // 审结: 裁判文书签收日 in the period and 裁判结果 recorded; 法院 and 复议 apart.
        if inside(m.judgment_received) && m.outcome.is_some() && !m.case_type.is_suggestion() {
            let lost = m.outcome.is_some_and(Outcome::is_loss);
            if m.case_type == CaseType::Reconsideration {
                r.review_closed.push(no.clone());
                bump(&mut r.review_outcomes, m.outcome);
                if lost {
                    r.review_corrected.push(lost_case(m));
                }
            } else {
                r.court_closed.push(no.clone());
                bump(&mut r.outcomes, m.outcome);
                if lost {
                    r.lost.push(lost_case(m));
                }
            }
        }
        if m.typical && (inside(m.intake_date()) || inside(m.judgment_received)) {
            r.typical.push(no.clone());
        }
        // 生效裁判执行: effective by the period end, not done before the period began.
        if let Some(eff) = m.effective.filter(|e| *e <= end) {
            let row =
                evals.get(i).and_then(|e| e.obligations.iter().find(|o| matches!(o.rule, RuleId::R12 | RuleId::R21)));
            if let Some(o) = row.filter(|o| o.done.is_none_or(|d| d >= start)) {
                let performed = o.done.filter(|d| *d <= end);
                let status = match performed {
                    Some(d) if o.due.is_some_and(|due| d > due) => Status::DoneLate,
                    Some(_) => Status::Done,
                    None => o.status,
                };
                let days_open = if performed.is_none() { (end.min(today) - eff).num_days().max(0) } else { 0 };
                r.performance.push(Performance {
                    case_no: no.clone(),
                    effective: eff,
                    due: o.due,
                    performed,
                    status,
                    days_open,
                });
            }
        }
        // (r3 §7.8) 出庭 figures over administrative hearings only (no duty for a head in a 民事诉讼); 复议 听证 apart.
        if m.hearing.is_some_and(|h| period.contains(h) && h <= today) && !m.written_review {
            let v = classify_title(m);
            let accepted = !m.head_name.trim().is_empty() && v.class.is_head();
            match m.case_type {
                CaseType::AdminLitigation | CaseType::PublicInterest => {
                    r.hearings.push(no.clone());
                    if accepted {
                        r.heads.push(no.clone());
                        if m.head_spoke == Some(true) {
                            r.heads_spoke.push(no.clone());
                        }
                        if v.principal() {
                            r.principal_heads.push(no);
                        }
                    }
                }
                CaseType::Reconsideration => {
                    r.review_hearings.push(no.clone());
                    if accepted {
                        r.review_heads.push(no);
                    }
                }
                _ => {}
            }
        }
    }
    crate::sort::natural(&mut by_type);
    crate::sort::natural(&mut r.outcomes);
    crate::sort::natural(&mut r.review_outcomes);
    r.intake_by_type = by_type;
    r
}

/// The quarterly lost-case report (第二十四条): every 败诉判决 — a 法院案件 judged in the quarter and lost in
/// whole or part — including those of 村委会 in the jurisdiction. 复议 decisions are not 败诉判决: see
/// [`quarter_review_corrections`].
pub fn quarter_losses(matters: &[Matter], agency: Option<&str>, period: ReportPeriod) -> Vec<LostCase> {
    quarter_lost(matters, agency, period, false)
}

/// The separate section of the quarterly report: 复议决定撤销、变更或确认违法 (行政复议 matters decided in the
/// quarter with 败诉 or 部分败诉), not counted as 败诉判决.
pub fn quarter_review_corrections(matters: &[Matter], agency: Option<&str>, period: ReportPeriod) -> Vec<LostCase> {
    quarter_lost(matters, agency, period, true)
}

fn quarter_lost(matters: &[Matter], agency: Option<&str>, period: ReportPeriod, review: bool) -> Vec<LostCase> {
    lost_in(matters, agency, |d| period.contains(d))
        .filter(|m| (m.case_type == CaseType::Reconsideration) == review)
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

/// The agencies of the register's matters (§4.1; 未指定 included when a matter names none), sorted.
pub fn agencies(matters: &[Matter]) -> Vec<String> {
    let mut v: Vec<String> = matters.iter().map(|m| m.agency_name().to_string()).collect();
    crate::sort::natural(&mut v);
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
    let statuses = ev.obligations.iter().filter(|o| needs_check(o.status)).count();
    statuses + ev.warnings.len() + m.problems().len()
}

fn needs_check(s: Status) -> bool {
    matches!(s, Status::MissingData | Status::Overdue | Status::Violation | Status::LongOpen)
}

/// Counts per agency for 总览 (按机关统计) and the district view (§7.24): obligation rows by their 责任主体
/// ([`Obligation::owner`](crate::Obligation::owner), every spelling of 区司法局 and 区政府 as one, [`crate::names::key`]); an agency missing from 机关名录
/// still gets its line. `check` adds, per agency of the matter (§4.1), the matter-level warnings and problems, so it
/// is the number of items the agency's self-check lists. Rows of a matter naming no agency count under 未指定.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgencyCounts {
    pub by_status: std::collections::BTreeMap<Status, usize>,
    /// Rows 已逾期.
    pub overdue: usize,
    /// Items of the self-check (rows 待补充/已逾期/违反/久未完成, warnings, problems).
    pub check: usize,
}

/// [`AgencyCounts`] of every agency, sorted by name.
pub fn counts_by_agency(
    matters: &[Matter],
    evals: &[Evaluation],
    dir: &[crate::Agency],
) -> Vec<(String, AgencyCounts)> {
    let mut map: std::collections::BTreeMap<String, AgencyCounts> = std::collections::BTreeMap::new();
    let key =
        |a: Option<&str>| a.map_or(crate::model::UNASSIGNED.to_string(), |a| crate::names::key(a, dir).to_string());
    for (m, ev) in matters.iter().zip(evals) {
        for o in &ev.obligations {
            let c = map.entry(key(o.owner(m))).or_default();
            *c.by_status.entry(o.status).or_default() += 1;
            c.overdue += usize::from(o.status == Status::Overdue);
            c.check += usize::from(needs_check(o.status));
        }
        let n = ev.warnings.len() + m.problems().len();
        if n > 0 {
            map.entry(key(m.agency_of())).or_default().check += n;
        }
    }
    map.into_iter().collect()
}

/// 自查 of the matters: every 违反 / 已逾期 / 待补充 / 久未完成 obligation and every data warning of an agency's
/// matters. [`self_check_period`] adds the agency's reports and the period's lost matters.
pub fn self_check(matters: &[Matter], evals: &[Evaluation], agency: Option<&str>) -> Vec<CheckItem> {
    self_check_in(matters, evals, agency, &[])
}

/// [`self_check`] with the 机关名录 (§7.4). (r3 §7.24) An agency's obligation rows are those whose 责任主体 is the
/// agency ([`Obligation::owner`](crate::Obligation::owner)): R05, R06 and R13B are 区司法局's, R11D the 原行政行为机关's; warnings and problems of a matter
/// belong to the agency of the matter. (§7.23) Each matter whose head has another hearing the same day is listed.
pub fn self_check_in(
    matters: &[Matter],
    evals: &[Evaluation],
    agency: Option<&str>,
    dir: &[crate::Agency],
) -> Vec<CheckItem> {
    let mut out = Vec::new();
    // 解释：a matter with no agency recorded (未指定) is every agency's to fix, so an agency's self-check never
    // says 可以报送 while 总览 shows one of its problems.
    let is = |x: Option<&str>| match (agency, x) {
        (None, _) | (_, None) => true,
        (Some(a), Some(x)) => crate::names::same(a, x, dir),
    };
    let clashes = crate::schedule::clashes(matters);
    for (i, m) in matters.iter().enumerate() {
        let Some(ev) = evals.get(i) else { continue };
        for o in ev.obligations.iter().filter(|o| is(o.owner(m))) {
            let fix = match o.status {
                Status::MissingData => match o.fill {
                    Some(Column::Agents) => "填写「代理人」（注明工作人员或律师）".to_string(),
                    Some(c) => format!("填写「{}」", crate::form::label(c, m)),
                    None => "补充数据".to_string(),
                },
                Status::LongOpen => match o.done_column {
                    Some(c) => {
                        format!("已完成的填写「{}」；未完成的及时办理（规则未规定具体期限）", crate::form::label(c, m))
                    }
                    None => "及时办理".to_string(),
                },
                Status::Overdue => match o.done_column {
                    Some(c) => format!("已完成的填写「{}」；未完成的立即办理并说明逾期原因", crate::form::label(c, m)),
                    None => "立即办理".to_string(),
                },
                Status::Violation => match o.rule {
                    RuleId::R09 | RuleId::R16 => "委托至少一名工作人员作为代理人".to_string(),
                    RuleId::R17 => "出庭负责人应为正职、副职、分管副职或其他分管负责人".to_string(),
                    RuleId::R18A => "开庭已过：如负责人已出庭，补录出庭负责人及其职务".to_string(),
                    RuleId::R19B => {
                        "负责人应在庭审中发表意见（第十九条）；如已发言，将「负责人发言」改为是".to_string()
                    }
                    _ => "按规则整改".to_string(),
                },
                _ => continue,
            };
            let column = match o.status {
                Status::MissingData => o.fill,
                Status::Overdue | Status::LongOpen => o.done_column,
                _ => match o.rule {
                    RuleId::R17 => Some(Column::HeadTitle),
                    RuleId::R18A => Some(Column::HeadName),
                    RuleId::R19B => Some(Column::HeadSpoke),
                    RuleId::R09 | RuleId::R16 => Some(Column::Agents),
                    _ => None,
                },
            };
            out.push(CheckItem {
                case_no: m.case_no.0.clone(),
                rule: Some(o.rule),
                clause: o.info().clause,
                status: Some(o.status),
                problem: format!("{}：{}", o.title, o.explanation),
                fix,
                column,
            });
        }
        if !is(m.agency_of()) {
            continue;
        }
        for c in clashes.iter().filter(|c| c.case_nos.contains(&m.case_no)) {
            out.push(CheckItem {
                case_no: m.case_no.0.clone(),
                rule: None,
                clause: crate::schedule::CLASH_CLAUSE,
                status: None,
                problem: c.message(),
                fix: "核对出庭负责人、开庭日和开庭时间".to_string(),
                column: Some(Column::HeadName),
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

/// 自查, the rest (r2): the agency's R23/R24 reports that are 已逾期 (`duties`, as 总览 shows them), and the
/// lost matters of `period` (法院败诉 and 复议纠错) without 败诉原因 or 败诉分析报告日.
pub fn self_check_period(
    matters: &[Matter],
    agency: Option<&str>,
    period: ReportPeriod,
    duties: &[PeriodicDuty],
) -> Vec<CheckItem> {
    let mut out = Vec::new();
    for d in duties.iter().filter(|d| d.status == Status::Overdue && agency.is_none_or(|a| d.agency == a)) {
        let rule = d.period.rule();
        out.push(CheckItem {
            case_no: String::new(),
            rule: Some(rule),
            clause: rule.info().clause,
            status: Some(d.status),
            problem: format!(
                "{}：{}{}（应于 {} 前报送）",
                rule.info().title,
                d.agency,
                d.period.label(),
                crate::dates::fmt(d.due)
            ),
            fix: "报送后在报表页标记已报送".to_string(),
            column: None,
        });
    }
    let half = match period {
        ReportPeriod::Half(..) => period,
        ReportPeriod::Quarter(y, q) => ReportPeriod::Half(y, if q <= 2 { 1 } else { 2 }),
    };
    let lost = lost_in(matters, agency, |d| half.contains(d));
    for m in lost {
        let mut missing = Vec::new();
        if m.loss_cause.trim().is_empty() {
            missing.push(Column::LossCause);
        }
        // (r3 §7.3) 败诉分析报告日 only where R11B applies (区政府 matters, 第十一条); a 本机关 matter needs 败诉原因.
        if m.loss_report.is_none() && m.defendant == crate::model::Defendant::DistrictGov {
            missing.push(Column::LossReport);
        }
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> = missing.iter().map(|c| format!("「{}」", c.name())).collect();
        out.push(CheckItem {
            case_no: m.case_no.0.clone(),
            rule: None,
            clause: "第二十三条、第二十四条",
            status: None,
            problem: format!("败诉案件（{}）缺少{}，报告无法写明败诉原因分析", half.label(), names.join("、")),
            fix: format!("填写{}", names.join("、")),
            column: missing.first().copied(),
        });
    }
    out
}

/// Lost matters (法院 and 复议) of an agency judged on a day `inside` accepts.
fn lost_in<'a>(
    matters: &'a [Matter],
    agency: Option<&'a str>,
    inside: impl Fn(NaiveDate) -> bool + 'a,
) -> impl Iterator<Item = &'a Matter> + 'a {
    of_agency(matters, agency).map(|(_, m)| m).filter(move |m| {
        !m.case_type.is_suggestion()
            && m.judgment_received.is_some_and(&inside)
            && m.outcome.is_some_and(Outcome::is_loss)
    })
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
