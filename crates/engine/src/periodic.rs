//! The agency-level and periodic rules of 第四章 工作制度 (RULES.md §4): 第十八条第二款 (R18B), 第二十三条 (R23),
//! 第二十四条 (R24), 第二十六条 (R26), 第二十八条 (R28, the 考核表: [`score`]). Each is a function over the register,
//! not over one matter (the per-matter rules of 第四章 are `rules::ch4`).

pub mod score;

use crate::calendar::Calendar;
use crate::model::Defendant;
use crate::model::{Agency, CaseNo, CaseType, Matter, Settings};
use crate::names;
use crate::period::{compute, Period};
use crate::rules::{classify_title, deadline_status, Evaluation, RuleId, Status};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt as sfmt;

/// A reporting period: a half-year (第二十三条) or a quarter (第二十四条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReportPeriod {
    /// `2025H1` (1–6月) or `2025H2` (7–12月).
    Half(i32, u8),
    /// `2025Q1` … `2025Q4`.
    Quarter(i32, u8),
}

impl ReportPeriod {
    /// Reads `2025H1`, `2025H2`, `2025Q1` … `2025Q4`.
    pub fn parse(s: &str) -> Option<ReportPeriod> {
        let s = s.trim().to_ascii_uppercase();
        let (y, rest) = s.split_at_checked(4)?;
        // Four digits, 2000–2099: `-999H1` and `0000H1` are not periods.
        if !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = y.parse().ok().filter(|y| (2000..=2099).contains(y))?;
        match rest {
            "H1" => Some(ReportPeriod::Half(y, 1)),
            "H2" => Some(ReportPeriod::Half(y, 2)),
            "Q1" | "Q2" | "Q3" | "Q4" => Some(ReportPeriod::Quarter(y, rest[1..].parse().ok()?)),
            _ => None,
        }
    }

    /// `2025H1`, `2025Q3`.
    pub fn code(self) -> String {
        match self {
            ReportPeriod::Half(y, h) => format!("{y}H{h}"),
            ReportPeriod::Quarter(y, q) => format!("{y}Q{q}"),
        }
    }

    /// `2025年上半年`, `2025年第三季度`.
    pub fn label(self) -> String {
        match self {
            ReportPeriod::Half(y, 1) => format!("{y}年上半年"),
            ReportPeriod::Half(y, _) => format!("{y}年下半年"),
            ReportPeriod::Quarter(y, q) => {
                format!("{y}年第{}季度", ["一", "二", "三", "四"][usize::from(q.clamp(1, 4) - 1)])
            }
        }
    }

    pub fn start(self) -> NaiveDate {
        let (y, m) = match self {
            ReportPeriod::Half(y, h) => (y, if h == 1 { 1 } else { 7 }),
            ReportPeriod::Quarter(y, q) => (y, u32::from(q) * 3 - 2),
        };
        NaiveDate::from_ymd_opt(y, m, 1).expect("valid period start")
    }

    pub fn end(self) -> NaiveDate {
        let (y, m) = match self {
            ReportPeriod::Half(y, h) => (y, if h == 1 { 6 } else { 12 }),
            ReportPeriod::Quarter(y, q) => (y, u32::from(q) * 3),
        };
        crate::dates::add_months(NaiveDate::from_ymd_opt(y, m, 1).expect("valid month"), 1)
            .0
            .pred_opt()
            .expect("valid date")
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.start() <= d && d <= self.end()
    }

    /// The half-year or quarter containing `d`.
    pub fn half_of(d: NaiveDate) -> ReportPeriod {
        ReportPeriod::Half(d.year(), if d.month() <= 6 { 1 } else { 2 })
    }
    pub fn quarter_of(d: NaiveDate) -> ReportPeriod {
        ReportPeriod::Quarter(d.year(), ((d.month() - 1) / 3 + 1) as u8)
    }

    /// The period before this one, of the same kind.
    pub fn prev(self) -> ReportPeriod {
        match self {
            ReportPeriod::Half(y, 1) => ReportPeriod::Half(y - 1, 2),
            ReportPeriod::Half(y, _) => ReportPeriod::Half(y, 1),
            ReportPeriod::Quarter(y, 1) => ReportPeriod::Quarter(y - 1, 4),
            ReportPeriod::Quarter(y, q) => ReportPeriod::Quarter(y, q - 1),
        }
    }

    pub fn rule(self) -> RuleId {
        match self {
            ReportPeriod::Half(..) => RuleId::R23,
            ReportPeriod::Quarter(..) => RuleId::R24,
        }
    }
}

impl sfmt::Display for ReportPeriod {
    fn fmt(&self, f: &mut sfmt::Formatter<'_>) -> sfmt::Result {
        f.write_str(&self.label())
    }
}

/// A submission: one entry of the 报送记录, an R23/R24 report marked 已报送 (stored as `report_log`, exchanged as
/// `reports.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub agency: String,
    pub period: ReportPeriod,
    #[serde(with = "crate::dates::ymd")]
    pub submitted: NaiveDate,
}

/// An R23/R24 reporting obligation of one agency for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodicDuty {
    pub agency: String,
    pub period: ReportPeriod,
    pub due: NaiveDate,
    pub submitted: Option<NaiveDate>,
    pub status: Status,
    pub explanation: String,
}

impl PeriodicDuty {
    /// (r3 §7.18) Whether the duty is listed at all: a period due before the setting 开始使用日期 is not, unless a
    /// 报送记录 exists for it (the register did not exist then; a false 已逾期 on day one is what this prevents).
    pub fn listed(&self, s: &Settings) -> bool {
        s.start_date.is_none_or(|start| self.due >= start) || self.submitted.is_some()
    }
}

/// R23/R24: the report of `period` is due `报告报送天数` days after the period ends (a local setting:
/// the regulation names no day), rolled forward; done when the log has it.
pub fn periodic_duty(
    agency: &str,
    period: ReportPeriod,
    log: &[Submission],
    cal: &Calendar,
    s: &Settings,
    today: NaiveDate,
) -> PeriodicDuty {
    let due = compute(cal, period.end(), "期间截止日", Period::Days(s.report_days));
    let submitted = log.iter().filter(|e| e.agency == agency && e.period == period).map(|e| e.submitted).min();
    let status = deadline_status(Some(period.end()), due.date, submitted, today, s.warn_days, s.timely_days);
    let explanation = format!("{}；“报告报送天数”{}日为本地设置（规则未规定报送日）", due.explanation, s.report_days);
    PeriodicDuty {
        agency: agency.to_string(),
        period,
        due: due.date.expect("day periods have a date"),
        submitted,
        status,
        explanation,
    }
}

/// The periods 区司法局's 总览 shows for every agency (各机关报告报送情况): the last two half-years and the last
/// four quarters that have ended, earliest due first. An agency's own list covers at least these, so that
/// it sees every state 区司法局 will see from its reports.csv (issue 21).
pub fn recent_periods(today: NaiveDate) -> Vec<ReportPeriod> {
    let mut out = Vec::new();
    for (first, n) in [(ReportPeriod::half_of(today).prev(), 2), (ReportPeriod::quarter_of(today).prev(), 4)] {
        let mut p = first;
        for _ in 0..n {
            out.push(p);
            p = p.prev();
        }
    }
    crate::sort::by_key(&mut out, |p| (p.end(), matches!(p, ReportPeriod::Quarter(..))));
    out
}

/// Every R23 and R24 duty of `agency` from `from` up to the period containing `today`. (r3 §7.18) A period whose
/// due date is before the setting 开始使用日期 gives no row unless a 报送记录 exists for it (`None`: every period).
pub fn periodic_duties(
    agency: &str,
    from: NaiveDate,
    log: &[Submission],
    cal: &Calendar,
    s: &Settings,
    today: NaiveDate,
) -> Vec<PeriodicDuty> {
    let mut out = Vec::new();
    for first in [ReportPeriod::half_of(today), ReportPeriod::quarter_of(today)] {
        let mut p = first;
        while p.end() >= from {
            let d = periodic_duty(agency, p, log, cal, s, today);
            if d.listed(s) {
                out.push(d);
            }
            p = p.prev();
        }
    }
    crate::sort::by_key(&mut out, |d| d.due);
    out
}

/// The R23/R24 duties whose due date or status differ between two lists of the same agency (§6.16).
pub fn duty_changes(before: &[PeriodicDuty], after: &[PeriodicDuty]) -> Vec<crate::rules::Change> {
    before
        .iter()
        .filter_map(|b| {
            let a = after.iter().find(|a| a.agency == b.agency && a.period == b.period)?;
            let open = b.status.is_open() || a.status.is_open();
            ((b.due, b.status) != (a.due, a.status) && open).then(|| crate::rules::Change {
                subject: format!("{} {}", b.agency, b.period.label()),
                rule: b.period.rule(),
                before: Some((Some(b.due), b.status)),
                after: Some((Some(a.due), a.status)),
            })
        })
        .collect()
}

/// R18B: the 主要负责人's yearly participation (第十八条第二款).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadYear {
    pub agency: String,
    pub year: i32,
    /// 行政复议 matters the 主要负责人 (职务 classified 正职) heard.
    pub reconsideration: Vec<CaseNo>,
    /// 行政诉讼 / 行政公益诉讼 matters the 主要负责人 appeared in.
    pub litigation: Vec<CaseNo>,
    /// How many 行政复议 hearings the agency had in the year (up to today).
    pub reconsideration_hearings: usize,
    /// How many 行政诉讼 / 行政公益诉讼 hearings the agency had in the year (up to today).
    pub litigation_hearings: usize,
    pub status: Status,
    pub explanation: String,
}

/// Evaluates R18B for one agency (§4.1) and year. (r2) Each half is judged only if the agency had at least one
/// hearing of that kind in the year (up to today); a half without one is 不适用, and with no hearing of either
/// kind the status is 不适用, never 违反. Otherwise 符合 once every judged half happened; before year end
/// 进行中, after it 违反. (r3 §7.9) An agency's R18B counts only its 本机关 matters; the matters with 被告类型 =
/// 区政府 form the R18B of 区政府 itself (`agency` recognised as 区政府, §7.4), judged from 区政府's own titles (区长;
/// a co-defendant's head, §7.6, is not 区政府's 主要负责人).
pub fn r18b(matters: &[Matter], agency: &str, year: i32, today: NaiveDate) -> HeadYear {
    r18b_in(matters, agency, year, today, &[])
}

/// [`r18b`] with the 机关名录 (to recognise 区政府 by its entry, §7.4).
pub fn r18b_in(matters: &[Matter], agency: &str, year: i32, today: NaiveDate, dir: &[Agency]) -> HeadYear {
    let mut rec = Vec::new();
    let mut lit = Vec::new();
    let (mut rec_hearings, mut lit_hearings) = (0, 0);
    let gov = names::is_district_gov(agency, dir);
    let mine = |m: &Matter| match m.defendant {
        Defendant::DistrictGov => gov,
        Defendant::OwnAgency => !gov && m.agency_name() == agency,
    };
    for m in matters.iter().filter(|m| mine(m)) {
        let Some(h) = m.hearing else { continue };
        if h.year() != year || h > today || m.written_review {
            continue;
        }
        let (hearings, attended) = match m.case_type {
            CaseType::Reconsideration => (&mut rec_hearings, &mut rec),
            CaseType::AdminLitigation | CaseType::PublicInterest => (&mut lit_hearings, &mut lit),
            _ => continue,
        };
        *hearings += 1;
        // 解释：主要负责人 = a recorded head whose 职务 is classified 正职 (RULES.md §6.15), of the defendant itself.
        if !m.head_name.trim().is_empty() && classify_title(m).principal() {
            attended.push(m.case_no.clone());
        }
    }
    let year_over = today > NaiveDate::from_ymd_opt(year, 12, 31).expect("valid date");
    let half = |hearings: usize, attended: &[CaseNo], what: &str, none: &str| -> (Option<bool>, String) {
        if hearings == 0 {
            (None, format!("{what}：不适用（{none}）"))
        } else {
            (Some(!attended.is_empty()), format!("{what}：本年度{hearings}次，主要负责人参与{}次", attended.len()))
        }
    };
    let (rec_ok, rec_text) = half(rec_hearings, &rec, "参与行政复议审理", "本年度无行政复议审理");
    let (lit_ok, lit_text) = half(lit_hearings, &lit, "行政诉讼出庭应诉", "本年度无行政诉讼开庭");
    let status = match (rec_ok, lit_ok) {
        (None, None) => Status::NotApplicable,
        (a, b) if a != Some(false) && b != Some(false) => Status::Compliant,
        _ if year_over => Status::Violation,
        _ => Status::InProgress,
    };
    let explanation = format!("{year}年主要负责人（正职）各至少一次：{rec_text}；{lit_text}");
    HeadYear {
        agency: agency.to_string(),
        year,
        reconsideration: rec,
        litigation: lit,
        reconsideration_hearings: rec_hearings,
        litigation_hearings: lit_hearings,
        status,
        explanation,
    }
}

/// R26: the agency's 应诉保障 (第二十六条): qualified staff, 分管领导 and 联络员 named.
pub fn r26(a: &Agency) -> (Status, Vec<String>) {
    use crate::model::Qualification;
    let mut missing = Vec::new();
    if !a.staff_qualifications().iter().any(|(_, q)| *q != Qualification::None) {
        missing.push("无具有法律职业资格或法学背景的应诉人员（第二十六条第一款）".to_string());
    }
    if a.leader.trim().is_empty() {
        missing.push("未确定行政复议应诉工作分管领导（第二十六条第二款）".to_string());
    }
    if a.liaison.trim().is_empty() {
        missing.push("未确定联络员（第二十六条第二款）".to_string());
    }
    (if missing.is_empty() { Status::Compliant } else { Status::Violation }, missing)
}

/// One figure of the annual assessment, with the matters behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub name: &'static str,
    /// Rules the figure is computed from.
    pub rules: &'static str,
    pub met: Vec<CaseNo>,
    pub missed: Vec<CaseNo>,
    /// A breakdown where the figure has more than met/missed (执行生效裁判: 按期/逾期/未履行).
    pub detail: String,
    /// The component's obligations of the year that are not judged yet (未到期, 待补充, 久未完成 …) with
    /// their status: shown beside the figure, so that an empty figure says why (issue 21).
    pub uncounted: Vec<(CaseNo, Status)>,
}

impl Figure {
    pub fn total(&self) -> usize {
        self.met.len() + self.missed.len()
    }
    /// `met/total`, or `—` when nothing was due.
    pub fn ratio(&self) -> String {
        if self.total() == 0 {
            "—".into()
        } else {
            format!("{}/{}", self.met.len(), self.total())
        }
    }
}

/// R28: the annual assessment sheet of one agency (第二十八条).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub agency: String,
    pub year: i32,
    pub figures: Vec<Figure>,
    pub heads: HeadYear,
    /// 应诉能力建设 (R26), when the agency is in the directory.
    pub capacity: Option<(Status, Vec<String>)>,
}

/// Builds the assessment for `agency` (§4.1) in `year`: each figure counts obligations whose due date (or,
/// without one, trigger date) falls in the year, met = done on time. (r2) 执行生效裁判 counts every R12/R21 row
/// with 生效日 in the year: 按期履行, 逾期履行, 未履行 (not done at year end, or at today within the year).
pub fn assessment(
    matters: &[Matter],
    agencies: &[Agency],
    agency: &str,
    year: i32,
    cal: &Calendar,
    s: &Settings,
    today: NaiveDate,
) -> Assessment {
    let evals: Vec<Evaluation> =
        matters.iter().map(|m| crate::rules::evaluate_in(m, cal, s, today, agencies)).collect();
    assessment_of(matters, &evals, agencies, agency, year, today)
}

/// [`assessment`] over evaluations already made (index-aligned with `matters`): what the app does, evaluating the
/// register once for every agency. (r3 §7.9) 出庭应诉 (R18A) counts the agency's 本机关 matters only; (§7.24) 答辩举证,
/// 执行生效裁判 and 建议 count the rows whose 责任主体 is the agency, whatever matter they belong to; (§7.15) the
/// 建议 figure counts the agency's own rows (R13A, R22A–R22C), never R13B (区司法局's).
pub fn assessment_of(
    matters: &[Matter],
    evals: &[Evaluation],
    agencies: &[Agency],
    agency: &str,
    year: i32,
    today: NaiveDate,
) -> Assessment {
    let figure =
        |name, rules| Figure { name, rules, met: vec![], missed: vec![], detail: String::new(), uncounted: vec![] };
    let mut figures = vec![
        figure("负责人出庭应诉", "R18A"),
        figure("答辩举证按时", "R08、R14"),
        figure("执行生效裁判", "R12、R21"),
        figure("落实司法建议、检察建议及法制建议", "R13A、R22A、R22B、R22C"),
    ];
    let cutoff = NaiveDate::from_ymd_opt(year, 12, 31).expect("valid date").min(today);
    let (mut late, mut open) = (0usize, 0usize);
    let key = names::key(agency, agencies);
    for (m, ev) in matters.iter().zip(evals) {
        // 区政府's own 出庭 rows are those of the matters it is defendant in (§7.9).
        let own_matter = match m.defendant {
            Defendant::OwnAgency => names::key(m.agency_name(), agencies) == key,
            Defendant::DistrictGov => key == names::DISTRICT_GOV,
        };
        for o in &ev.obligations {
            let idx = match o.rule {
                RuleId::R18A if own_matter => 0,
                RuleId::R08 | RuleId::R14 => 1,
                RuleId::R12 | RuleId::R21 => 2,
                RuleId::R13A | RuleId::R22A | RuleId::R22B | RuleId::R22C => 3,
                _ => continue,
            };
            // The row's 责任主体, or the matter's agency where only the role word is recorded — as 总览 and the
            // self-check count it (Obligation::owner), so the three agree.
            if idx > 0 && o.owner(m).map(|a| names::key(a, agencies)) != Some(key) {
                continue;
            }
            let f = &mut figures[idx];
            // Not judged: no date to place it in a year (待补充), or no verdict yet. Listed, not counted.
            let pending = matches!(
                o.status,
                Status::MissingData | Status::LongOpen | Status::NoFixedTerm | Status::Pending | Status::DueSoon
            );
            let undated = o.due.or(o.trigger).is_none();
            if pending && (undated || o.due.or(o.trigger).is_some_and(|d| d.year() == year)) && idx != 2 {
                f.uncounted.push((o.case_no.clone(), o.status));
                continue;
            }
            if idx == 2 {
                if o.trigger.is_none() && pending {
                    f.uncounted.push((o.case_no.clone(), o.status));
                    continue;
                }
                // 生效日 in the year, and already effective at the cut-off (year end, or today within the year).
                if o.trigger.is_none_or(|t| t.year() != year || t > cutoff) {
                    continue;
                }
                match o.done.filter(|d| *d <= cutoff) {
                    Some(_) if o.status == Status::Done => f.met.push(o.case_no.clone()),
                    Some(_) => {
                        late += 1;
                        f.missed.push(o.case_no.clone());
                    }
                    None => {
                        open += 1;
                        f.missed.push(o.case_no.clone());
                    }
                }
                continue;
            }
            let Some(when) = o.due.or(o.trigger) else {
                continue;
            };
            if when.year() != year {
                continue;
            }
            match o.status {
                Status::Done => f.met.push(o.case_no.clone()),
                Status::DoneLate | Status::Overdue | Status::Violation => f.missed.push(o.case_no.clone()),
                _ => {}
            }
        }
    }
    let perf = &mut figures[2];
    if perf.total() > 0 {
        perf.detail = format!("按期履行 {}，逾期履行 {late}，未履行 {open}", perf.met.len());
    }
    let capacity = agencies.iter().find(|a| a.name.0 == agency).map(r26);
    Assessment {
        agency: agency.to_string(),
        year,
        figures,
        heads: r18b_in(matters, agency, year, today, agencies),
        capacity,
    }
}
