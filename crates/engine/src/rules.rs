//! Matter-level rules (RULES.md §3): which obligations a matter has, their due dates and statuses.
//!
//! - `ch2`: 第二章 以区政府为被告的行政应诉程序 (第五条至第十三条), for `被告类型 = 区政府`.
//! - `ch3`: 第三章 以其他机关为被告的行政应诉程序 (第十四条至第二十一条), for `被告类型 = 本机关`,
//!   plus 第二十一条第二款 for every defendant; `ch3_heads`: 第十七条, 第十八条第一款 and 第十九条, which bind every
//!   defendant's head (RULES.md §6.3).
//! - `ch4`: 第四章 工作制度 (第二十二条至第二十九条) as far as it concerns one matter: 第二十二条 (建议 R22A–R22C)
//!   and 行政复议法第七十六条 (R22V). The chapter's agency-level, periodic duties are in [`crate::periodic`].
//! - 第三十条 (复议、民事诉讼 also covered) is read where the rules apply.
//! - 第三十二条 (r2): judged per obligation — a row whose duty had ended before 2022-04-28 (due date, or done
//!   date for rows without one) is left out with a note; rows still running then are governed by this rule.
//!
//! Exceptions are declared in [`evaluate`], in one place, before any base rule runs.

pub mod catalogue;
mod ch2;
mod ch3;
mod ch3_heads;
mod ch4;

pub use catalogue::{rules_of_article, RuleId, RuleInfo, REGULATION_TEXT};
pub use ch3_heads::{classify_head, classify_title, HeadClass, HeadVerdict, LOWER_AGENCY_HEAD};

use crate::calendar::Calendar;
use crate::dates::fmt;
use crate::model::{Agency, CaseNo, CaseType, Column, Defendant, Matter, Settings};
use crate::period::{compute, Counting, Period};
use crate::zh::zh_enum;
use chrono::NaiveDate;
use std::fmt as sfmt;

/// The day 通政办发〔2022〕11号 took effect (第三十二条: 自公布之日起施行).
pub fn effective_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 4, 28).expect("valid constant date")
}

zh_enum!(
    no_default:
    /// 状态 (RULES.md §2).
    Status {
        Overdue = "已逾期",
        Violation = "违反",
        MissingData = "待补充",
        DueSoon = "即将到期",
        Pending = "未到期",
        LongOpen = "久未完成",
        NoFixedTerm = "无固定期限",
        InProgress = "进行中",
        DoneLate = "逾期完成",
        Done = "已完成",
        Compliant = "符合",
        Info = "提示",
        /// R18B only: the agency had no hearing of that kind in the year (r2).
        NotApplicable = "不适用",
    }
);

impl Status {
    /// Something is still to be done or fixed (for dashboards and the self-check).
    pub fn needs_attention(self) -> bool {
        matches!(self, Status::Overdue | Status::Violation | Status::MissingData | Status::DueSoon | Status::LongOpen)
    }

    /// Not yet done (an open obligation).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Overdue
                | Status::DueSoon
                | Status::Pending
                | Status::LongOpen
                | Status::NoFixedTerm
                | Status::MissingData
        )
    }
}

/// The status of a deadline obligation (RULES.md §2, §6.1, §6.11). `timely_days` is the setting
/// 及时事项提醒天数: a 及时 duty (no due date) open longer than that after its trigger is 久未完成.
pub fn deadline_status(
    trigger: Option<NaiveDate>,
    due: Option<NaiveDate>,
    done: Option<NaiveDate>,
    today: NaiveDate,
    warn_days: u32,
    timely_days: u32,
) -> Status {
    let Some(trigger) = trigger else {
        return Status::MissingData; // 解释：待补充 takes precedence over a recorded done date (§6.1).
    };
    match (done, due) {
        (Some(d), Some(due)) if d > due => Status::DoneLate,
        (Some(_), _) => Status::Done, // 解释：data is taken as entered, a future done date counts (§6.11).
        // 解释：久未完成 is a reminder, not a legal deadline: the regulation says only 及时 (RULES.md §2).
        (None, None) if (today - trigger).num_days() > i64::from(timely_days) => Status::LongOpen,
        (None, None) => Status::NoFixedTerm,
        (None, Some(due)) if today > due => Status::Overdue,
        (None, Some(due)) if (due - today).num_days() <= i64::from(warn_days) => Status::DueSoon,
        (None, Some(_)) => Status::Pending,
    }
}

/// One obligation of one matter: a row of `obligations.csv`, with what the UI needs to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obligation {
    pub case_no: CaseNo,
    pub rule: RuleId,
    /// The duty's title in the words of the matter's kind ([`RuleId::title_for`]: a 复议 is answered
    /// with a 书面答复, not an 答辩状).
    pub title: &'static str,
    /// 责任主体.
    pub responsible: String,
    /// The column that starts the period.
    pub trigger_column: Option<Column>,
    /// 起算日.
    pub trigger: Option<NaiveDate>,
    /// 期限日.
    pub due: Option<NaiveDate>,
    /// 计日方式; `None` for constraint and information rows.
    pub counting: Option<Counting>,
    /// The column that records it done.
    pub done_column: Option<Column>,
    /// 完成日.
    pub done: Option<NaiveDate>,
    pub status: Status,
    /// 说明: why this date (or why this verdict).
    pub explanation: String,
    /// Computed over a year with no holiday notice loaded.
    pub uncovered_year: bool,
    /// For 待补充: the column to fill in (the trigger, or what the rule lacks to decide).
    pub fill: Option<Column>,
}

impl Obligation {
    pub fn info(&self) -> RuleInfo {
        self.rule.info()
    }

    /// (r3 §7.24) The agency this row counts for: its 责任主体 (§6.13), or — when the 责任主体 is only the role
    /// word (本机关, 应诉承办机关, 原行政行为机关: no name recorded) — the agency of the matter `m` (this row's
    /// matter); `None` when the matter names none either (every agency's to fix).
    pub fn owner<'a>(&'a self, m: &'a Matter) -> Option<&'a str> {
        const WORDS: [&str; 3] = [crate::model::UNASSIGNED_AGENCY_WORD, "应诉承办机关", "原行政行为机关"];
        if WORDS.contains(&self.responsible.as_str()) {
            m.agency_of()
        } else {
            Some(self.responsible.as_str())
        }
    }
}

/// A warning that belongs to a matter (cross-rule and data checks), with its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub case_no: CaseNo,
    /// 条款, e.g. `第七条、第八条`.
    pub clause: &'static str,
    pub message: String,
    /// The column to fix, where one is concerned.
    pub column: Option<Column>,
}

impl sfmt::Display for Warning {
    fn fmt(&self, f: &mut sfmt::Formatter<'_>) -> sfmt::Result {
        write!(f, "{}：{}（{}）", self.case_no, self.message, self.clause)
    }
}

/// Everything the rules say about one matter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Evaluation {
    pub obligations: Vec<Obligation>,
    pub warnings: Vec<Warning>,
    /// 第三十二条: how many rows were left out because their duty had ended before 2022-04-28, as the note
    /// `第三十二条：N项义务在2022-04-28本规则施行前已届满、已完成或适用原规则，未列出` (r3 §7.16, §7.25).
    pub art32_note: Option<String>,
    /// Cells kept as 待修正 (unreadable when stored data or a backup was loaded): nothing is computed
    /// until they are fixed, and this says which (`待修正：「答辩提交日」2025-02-30 无法读取…`).
    pub unreadable: Option<String>,
}

/// An obligation whose due date or status a change of settings or calendar would move (RULES.md §6.16).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// 案号, or for an agency-level duty the agency and period (`区城管委 2025年上半年`).
    pub subject: String,
    pub rule: RuleId,
    /// (期限日, 状态) before and after; `None` where the row does not exist on that side.
    pub before: Option<(Option<NaiveDate>, Status)>,
    pub after: Option<(Option<NaiveDate>, Status)>,
}

/// The open obligations (open before or after) whose due date or status differ between two evaluations of
/// the same matters (index-aligned), in register order then rule order.
pub fn changes(before: &[Evaluation], after: &[Evaluation]) -> Vec<Change> {
    let mut out = Vec::new();
    for (b, a) in before.iter().zip(after) {
        let key = |o: &Obligation| (o.due, o.status);
        let mut rules: Vec<RuleId> = b.obligations.iter().chain(&a.obligations).map(|o| o.rule).collect();
        crate::sort::natural(&mut rules);
        rules.dedup();
        for rule in rules {
            let bo = b.obligations.iter().find(|o| o.rule == rule);
            let ao = a.obligations.iter().find(|o| o.rule == rule);
            let (bk, ak) = (bo.map(key), ao.map(key));
            let open = bk.is_some_and(|(_, s)| s.is_open()) || ak.is_some_and(|(_, s)| s.is_open());
            if bk != ak && open {
                let case_no = bo.or(ao).map(|o| o.case_no.0.clone()).unwrap_or_default();
                out.push(Change { subject: case_no, rule, before: bk, after: ak });
            }
        }
    }
    out
}

/// Evaluates one matter on `today`, recognising 区司法局 and 区政府 by name only (the CLI has no 机关名录).
pub fn evaluate(m: &Matter, cal: &Calendar, settings: &Settings, today: NaiveDate) -> Evaluation {
    evaluate_in(m, cal, settings, today, &[])
}

/// [`evaluate`] with the 机关名录: an entry whose 机关类型 is 区司法局 (or 区政府) is recognised as such whatever
/// its name (RULES.md §7.4).
pub fn evaluate_in(m: &Matter, cal: &Calendar, settings: &Settings, today: NaiveDate, dir: &[Agency]) -> Evaluation {
    let mut cx = Ctx { m, cal, settings, today, dir, ev: Evaluation::default() };
    // Cells kept as 待修正 (unreadable in stored data or a backup): a due date computed without them
    // could be a false 已逾期 (e.g. an unreadable 答辩提交日), so nothing is computed until they are fixed.
    if !m.invalid.is_empty() {
        let cells: Vec<String> = m.invalid.iter().map(|(c, v)| format!("「{c}」{}", crate::text::visible(v))).collect();
        cx.ev.unreadable = Some(format!("待修正：{} 无法读取，修正后才计算期限", cells.join("、")));
        return cx.ev;
    }
    match m.case_type {
        // §6.9: 法制建议 matters get only R22C, whatever the 被告类型.
        CaseType::LegalSuggestion => ch4::r22c(&mut cx),
        // (r3 §7.19, §7.25) a 行政复议意见书 gets only R22V, whatever the 被告类型.
        CaseType::ReconsiderationOpinion => ch4::r22v(&mut cx),
        // §6.9: 司法建议/检察建议 get only R13A+R13B (区政府) or R22A+R22B (本机关).
        t if t.is_court_or_procuratorate_suggestion() => match m.defendant {
            Defendant::DistrictGov => ch2::suggestion(&mut cx),
            Defendant::OwnAgency => ch4::suggestion(&mut cx),
        },
        _ => {
            match m.defendant {
                Defendant::DistrictGov => ch2::case(&mut cx),
                Defendant::OwnAgency => ch3::case(&mut cx),
            }
            // §6.3: 第十七条, 第十八条第一款, 第十九条 and 第二十一条第二款 bind every defendant.
            ch3_heads::heads(&mut cx);
            ch3::r21b(&mut cx);
        }
    }
    data_warnings(&mut cx);
    art32(&mut cx);
    crate::sort::by_key(&mut cx.ev.obligations, |o| o.rule);
    cx.ev
}

/// 第三十二条：本规则自公布之日起施行 (2022-04-28), repealing 通政办发〔2017〕40号 the same day.
/// 解释 (RULES.md §1, §6.8): a procedural duty still running on that day is governed by the new rule (程序从新);
/// a row is left out only when its duty had ended before: a deadline row by its due date, a row without a due
/// date by its done date; constraint and information rows by the date that places them.
fn art32(cx: &mut Ctx) {
    let e = effective_date();
    let m = cx.m;
    let before = |d: Option<NaiveDate>| d.is_some_and(|d| d < e);
    let intake = m.intake_date();
    let count = cx.ev.obligations.len();
    cx.ev.obligations.retain(|o| {
        let ended = match o.rule {
            RuleId::R05 | RuleId::R09 | RuleId::R10 | RuleId::R16 => before(intake),
            RuleId::R17 | RuleId::R18A | RuleId::R18C | RuleId::R19 | RuleId::R19B => before(m.hearing.or(intake)),
            RuleId::R21B => before(m.judgment_received.or(m.effective)),
            // (r3 §7.16) 及时 reporting rows triggered before the rule took effect were governed by the repealed
            // 2017 rules: left out whether done or not. (R12/R21 keep the r2 reading below.)
            RuleId::R07D | RuleId::R13A | RuleId::R15 | RuleId::R22A | RuleId::R22C if o.due.is_none() => {
                before(o.trigger) || before(o.done)
            }
            _ => match o.due {
                Some(due) => due < e,
                None => before(o.done),
            },
        };
        !ended
    });
    let left_out = count - cx.ev.obligations.len();
    if left_out > 0 {
        cx.ev.art32_note =
            Some(format!("第三十二条：{left_out}项义务在2022-04-28本规则施行前已届满、已完成或适用原规则，未列出"));
    }
}

/// Data warnings that belong to the matter, not to one rule (RULES.md §3 cross-rule checks, §6.14).
fn data_warnings(cx: &mut Ctx) {
    use crate::model::{AppealDecision, JudgmentType, Outcome};
    let m = cx.m;
    if m.appeal_filed.is_some() && m.appeal_decision == Some(AppealDecision::NoAppeal) {
        cx.warn("第十一条、第二十条", "已填写上诉提交日，但上诉决定为不上诉".into(), Some(Column::AppealFiled));
    }
    if !m.case_type.is_suggestion() && m.judgment_received.is_some() && m.outcome.is_none() {
        // Issue 21: in the form's words — a 复议决定 is not appealed by the 被申请人, it is performed.
        let why =
            if m.case_type == CaseType::Reconsideration { "决定是否须履行" } else { "决定是否需要上诉" };
        let msg = format!("请填写{}（{why}）", crate::form::label(Column::Outcome, m));
        cx.warn("第十一条、第二十条", msg, Some(Column::Outcome));
    }
    // (r3 §7.7) Not where the agency's own suit was dismissed (诉讼地位 原告 or 上诉人): appealing is its remedy.
    let own_suit_dismissed = m.outcome == Some(Outcome::Dismissed)
        && matches!(m.standing_or_default(), crate::model::Standing::Plaintiff | crate::model::Standing::Appellant);
    if m.appeal_decision == Some(AppealDecision::Appeal)
        && matches!(m.outcome, Some(Outcome::Won | Outcome::Dismissed | Outcome::Withdrawn))
        && !own_suit_dismissed
    {
        cx.warn("第十一条、第二十条", "胜诉/驳回起诉/撤诉案件记录了上诉，请核对".into(), Some(Column::AppealDecision));
    }
    if m.judgment_type == Some(JudgmentType::Judgment) && m.outcome == Some(Outcome::Dismissed) {
        cx.warn("第十一条、第二十条", "驳回起诉为裁定，请核对裁判类型".into(), Some(Column::JudgmentType));
    }
    // (r3 §7.10) the r2 warning "简易程序仅适用于行政复议" is withdrawn: a lawsuit has a 简易程序 too (its notice is in
    // the answer row's 说明).
    // (r3 §7.14) 规范性文件建议 belongs to a 司法建议 only.
    if m.normative_suggestion && m.case_type != CaseType::JudicialSuggestion {
        cx.warn(
            "第十三条、第二十二条",
            "规范性文件建议仅适用于司法建议（行诉解释第一百四十九条），此标记不影响期限".into(),
            Some(Column::NormativeSuggestion),
        );
    }
    // (r3 §7.21) 第十一条第二款第二句: the original agency appeals only as agreed with 区司法局.
    if m.original_appeal_filed.is_some() && m.appeal_decision != Some(AppealDecision::Appeal) {
        cx.warn(
            "第十一条第二款",
            "原行政行为机关上诉前应与区司法局协商一致（第十一条第二款），请核对上诉决定".into(),
            Some(Column::AppealDecision),
        );
    }
    if m.pre_litigation && m.case_type != CaseType::ProcuratorialSuggestion {
        cx.warn("第十三条、第二十二条", "诉前检察建议仅适用于检察建议".into(), Some(Column::PreLitigation));
    }
    let mut seen = Vec::new();
    // (r3 §7.1) a row whose trigger is a date by which something is due (开庭日: R18A, R18C, R19), not one from
    // which it runs, has no date order to check: briefing the head before the hearing is the point of 第十九条.
    let fixed_date = |r: RuleId| matches!(r, RuleId::R18A | RuleId::R18C | RuleId::R19);
    for o in cx.ev.obligations.iter().filter(|o| !fixed_date(o.rule)) {
        if let (Some(t), Some(d), Some(tc), Some(dc)) = (o.trigger, o.done, o.trigger_column, o.done_column) {
            if d < t && !seen.contains(&dc) {
                seen.push(dc);
                cx.ev.warnings.push(Warning {
                    case_no: m.case_no.clone(),
                    clause: o.info().clause,
                    message: format!(
                        "{}「{}」早于{}「{}」，日期顺序有误",
                        crate::form::label(dc, m),
                        fmt(d),
                        crate::form::label(tc, m),
                        fmt(t)
                    ),
                    column: Some(dc),
                });
            }
        }
    }
}

/// The evaluation context of one matter.
pub(crate) struct Ctx<'a> {
    pub m: &'a Matter,
    pub cal: &'a Calendar,
    pub settings: &'a Settings,
    pub today: NaiveDate,
    /// The 机关名录, to recognise 区司法局 and 区政府 (§7.4); empty in the CLI.
    pub dir: &'a [Agency],
    pub ev: Evaluation,
}

/// How a rule's period is given.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Term {
    /// The regulation's own N日 (计日方式 setting; the other reading is shown too).
    Internal(u32),
    /// A statutory period with its legal basis.
    Statutory(Period, &'static str),
}

impl Ctx<'_> {
    /// 责任主体 (RULES.md §6.13): always an agency, never a person or role of a person.
    fn responsible(&self, rule: RuleId) -> String {
        let named = |v: &str, word: &str| {
            if v.trim().is_empty() {
                word.to_string()
            } else {
                v.trim().to_string()
            }
        };
        match rule {
            RuleId::R05 | RuleId::R06 | RuleId::R13B => crate::names::BUREAU.to_string(),
            RuleId::R11D => named(&self.m.original_agency, "原行政行为机关"),
            // 解释：法制建议 (R22C) and (r3 §7.19) 行政复议意见书 (R22V) are the agency's own duty whatever the 被告类型.
            RuleId::R22C | RuleId::R22V => self.agency_or(crate::model::UNASSIGNED_AGENCY_WORD),
            _ => match self.m.defendant {
                Defendant::DistrictGov => named(&self.m.handler, "应诉承办机关"),
                Defendant::OwnAgency => self.agency_or(crate::model::UNASSIGNED_AGENCY_WORD),
            },
        }
    }

    /// The agency of the matter (§4.1), or `word` when none is recorded.
    fn agency_or(&self, word: &str) -> String {
        match self.m.agency_of() {
            Some(a) => a.to_string(),
            None => word.to_string(),
        }
    }

    /// Adds a deadline obligation and returns it for rule-specific notes.
    pub fn deadline(
        &mut self,
        rule: RuleId,
        trigger: (Column, Option<NaiveDate>),
        term: Term,
        done: (Column, Option<NaiveDate>),
    ) -> &mut Obligation {
        let (tcol, tdate) = trigger;
        let (counting, due, explanation, uncovered) = match tdate {
            None => {
                let counting = match term {
                    Term::Internal(_) => self.settings.counting,
                    Term::Statutory(p, _) => p.counting(),
                };
                (counting, None, format!("缺少「{}」，无法计算期限", crate::form::label(tcol, self.m)), false)
            }
            Some(t) => match term {
                Term::Internal(n) => {
                    // The setting is 自然日 or 工作日 (`Counting::DAYS`, checked where it is read).
                    let (main, other, other_label) = if self.settings.counting == Counting::Working {
                        (Period::WorkingDays(n), Period::Days(n), "自然日")
                    } else {
                        (Period::Days(n), Period::WorkingDays(n), "工作日")
                    };
                    let a = compute(self.cal, t, crate::form::label(tcol, self.m), main);
                    let mut e = a.explanation;
                    e.push_str("；本规则“");
                    crate::dates::push_padded(&mut e, u64::from(n), 1);
                    e.push_str("日”按");
                    e.push_str(self.settings.counting.label());
                    e.push_str("计算（设置：计日方式），按");
                    e.push_str(other_label);
                    e.push_str("计算为 ");
                    if let Some(alt) = crate::period::due_date(self.cal, t, other) {
                        crate::dates::push_date(&mut e, alt);
                    }
                    (a.counting, a.date, e, a.uncovered_year)
                }
                Term::Statutory(p, basis) => {
                    let a = compute(self.cal, t, crate::form::label(tcol, self.m), p);
                    let mut e = a.explanation;
                    if !basis.is_empty() {
                        e.push_str("；依据：");
                        e.push_str(basis);
                    }
                    (a.counting, a.date, e, a.uncovered_year)
                }
            },
        };
        let status =
            deadline_status(tdate, due, done.1, self.today, self.settings.warn_days, self.settings.timely_days);
        let mut explanation = explanation;
        if status == Status::LongOpen {
            if let Some(t) = tdate {
                explanation.push_str(&format!(
                    "；规则未规定具体期限；已超过{}日未完成（起算日起已{}日，提醒天数为本地设置：及时事项提醒天数）",
                    self.settings.timely_days,
                    (self.today - t).num_days()
                ));
            }
        }
        self.ev.obligations.push(Obligation {
            case_no: self.m.case_no.clone(),
            rule,
            title: rule.title_for(self.m.case_type),
            responsible: self.responsible(rule),
            trigger_column: Some(tcol),
            trigger: tdate,
            due,
            counting: Some(counting),
            done_column: Some(done.0),
            done: done.1,
            status,
            explanation,
            uncovered_year: uncovered,
            fill: if tdate.is_none() { Some(tcol) } else { None },
        });
        self.ev.obligations.last_mut().expect("just pushed")
    }

    /// Adds a constraint or information row (no dates); `fill` names the column to complete for 待补充.
    pub fn verdict(&mut self, rule: RuleId, status: Status, explanation: String, fill: Option<Column>) {
        self.ev.obligations.push(Obligation {
            case_no: self.m.case_no.clone(),
            rule,
            title: rule.title_for(self.m.case_type),
            responsible: self.responsible(rule),
            trigger_column: None,
            trigger: None,
            due: None,
            counting: None,
            done_column: None,
            done: None,
            status,
            explanation,
            uncovered_year: false,
            fill,
        });
    }

    pub fn warn(&mut self, clause: &'static str, message: String, column: Option<Column>) {
        self.ev.warnings.push(Warning { case_no: self.m.case_no.clone(), clause, message, column });
    }

    pub fn due_of(&self, rule: RuleId) -> Option<NaiveDate> {
        self.ev.obligations.iter().find(|o| o.rule == rule).and_then(|o| o.due)
    }

    /// (r3 §7.4) 应诉承办机关 names 区司法局 (a 区政府 matter handled by the bureau itself).
    pub fn bureau_handles(&self) -> bool {
        self.m.defendant == Defendant::DistrictGov && crate::names::is_bureau(&self.m.handler, self.dir)
    }

    /// R08 / R14 (第八条, 第十四条): (r3 §7.7) only when the agency answers (诉讼地位 被告, 被上诉人, 被申请人); the
    /// period and its basis follow 审级; (§7.10) a recorded 答辩期限 wins, 计日方式 指定, never rolled.
    pub fn answer_row(&mut self, rule: RuleId) {
        let m = self.m;
        if !m.standing_or_default().answers() {
            return;
        }
        let complaint = (Column::ComplaintReceived, m.complaint_received);
        let statutory = answer_term(m);
        let lawsuit_simplified = m.simplified && m.case_type != CaseType::Reconsideration;
        let (term, note) = match (m.answer_by, statutory) {
            (Some(d), Term::Statutory(p, basis)) => {
                let law = m.complaint_received.and_then(|t| crate::period::due_date(self.cal, t, p));
                let note = law.map(|l| format!("；法定期限计算为 {}（{basis}）", fmt(l))).unwrap_or_default();
                let given = Term::Statutory(
                    Period::Given(d, crate::form::label(Column::AnswerBy, m)),
                    if m.case_type == CaseType::Reconsideration {
                        "复议机关指定的答复期限（第十四条“严格按照法院规定时限”）"
                    } else {
                        "法院或复议机关指定的答辩期限（第十四条“严格按照法院规定时限”）"
                    },
                );
                (given, note)
            }
            (None, _) if lawsuit_simplified => (
                statutory,
                "；行政诉讼简易程序的答辩、举证期限以法院通知为准；法院指定期限的，请填写答辩期限".to_string(),
            ),
            _ => (statutory, String::new()),
        };
        let o = self.deadline(rule, complaint, term, (Column::AnswerFiled, m.answer_filed));
        if o.trigger.is_some() {
            o.explanation.push_str(&note);
        }
    }

    /// R12 / R21 (第十二条, 第二十一条第一款): performance of a lost judgment or an effective 调解书, with (r3 §7.2)
    /// the 生效日 fallback.
    pub fn performance_row(&mut self, rule: RuleId) {
        let m = self.m;
        let Some(fallback) = performance_trigger(m, self) else { return };
        let done = (Column::Performed, m.performed);
        match fallback {
            Effect::Recorded => {
                self.deadline(rule, (Column::Effective, m.effective), performance_term(m), done);
            }
            Effect::OnService(why) => {
                let o = self.deadline(rule, (Column::JudgmentReceived, m.judgment_received), performance_term(m), done);
                if o.trigger.is_some() {
                    o.explanation = format!("{why}；{}", o.explanation);
                }
            }
            Effect::Ask(why) => {
                // 待补充 with 期限日 empty even when 履行期限 is recorded (§7.25).
                let o = self.deadline(rule, (Column::Effective, None), performance_term(m), done);
                o.explanation = why.to_string();
                o.fill = Some(Column::Effective);
            }
        }
    }
}

/// Where a performance row (R12, R21) starts, when it exists.
enum Effect {
    /// 生效日 is recorded.
    Recorded,
    /// 生效日 empty, the decision is effective on service: 裁判文书签收日 (the 说明 says why).
    OnService(&'static str),
    /// 生效日 empty and needed: 待补充 (the message).
    Ask(&'static str),
}

/// R12/R21 apply when a lost judgment (or lost 复议决定, §6.7) has taken effect, and (r2) an effective 调解书. (r3
/// §7.2, §7.25) With 生效日 empty: a 二审 decision, a 复议决定 (行政复议法第七十五条) or any 行政复议 outcome, and a
/// 调解书 (民事诉讼法第一百条) run from 裁判文书签收日; a 再审 judgment asks for 生效日; a 一审 judgment not appealed
/// (上诉决定 = 不上诉, or the appeal period over with no 上诉提交日) asks for it; a 一审 裁定 or an appeal still
/// possible gives no row.
fn performance_trigger(m: &Matter, cx: &Ctx) -> Option<Effect> {
    use crate::model::{AppealDecision, Instance, JudgmentType, Outcome};
    let binding = m.outcome.is_some_and(|o| o.is_loss())
        || m.outcome == Some(Outcome::Mediated)
        || m.judgment_type == Some(JudgmentType::Mediation);
    if !binding {
        return None;
    }
    if m.effective.is_some() {
        return Some(Effect::Recorded);
    }
    const SERVED: &str = "生效日未填写：二审裁判/复议决定送达即发生法律效力，以裁判文书签收日起算";
    const MEDIATION: &str = "生效日未填写：调解书经双方签收即发生法律效力（民事诉讼法第一百条），以裁判文书签收日起算";
    const ASK: &str = "请填写生效日：一审裁判在上诉期满且各方均未上诉时发生法律效力";
    if m.case_type == CaseType::Reconsideration || m.judgment_type == Some(JudgmentType::ReconsiderationDecision) {
        return Some(Effect::OnService(SERVED));
    }
    if m.judgment_type == Some(JudgmentType::Mediation) || m.outcome == Some(Outcome::Mediated) {
        return Some(Effect::OnService(MEDIATION));
    }
    match m.instance() {
        Instance::Second => Some(Effect::OnService(SERVED)),
        Instance::Retrial => Some(Effect::Ask("请填写生效日：再审裁判的生效日以裁判文书为准")),
        Instance::First if m.judgment_type == Some(JudgmentType::Ruling) => None,
        Instance::First => {
            let appeal_due = cx.due_of(RuleId::R11C).or(cx.due_of(RuleId::R20));
            let lapsed = appeal_due.is_some_and(|d| cx.today > d) && m.appeal_filed.is_none();
            (m.appeal_decision == Some(AppealDecision::NoAppeal) || lapsed).then_some(Effect::Ask(ASK))
        }
    }
}

/// The period to answer a complaint (R08, R14), by case type and, for 行政复议, by the law in force on the
/// trigger and (r2) the 简易程序 flag.
pub(crate) fn answer_term(m: &Matter) -> Term {
    use crate::model::Instance;
    let new_law = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid constant date");
    match m.case_type {
        // 行政复议法(2023)第五十四条、第八十八条: 简易程序 五日 = 工作日, from 2024-01-01.
        CaseType::Reconsideration if m.simplified && m.complaint_received.is_none_or(|t| t >= new_law) => {
            Term::Statutory(Period::WorkingDays(5), "行政复议法第五十四条、第八十八条（简易程序，五日为工作日）")
        }
        // 行政复议法(2023)第四十八条、第八十八条: 十日 = 工作日, from 2024-01-01.
        CaseType::Reconsideration if m.complaint_received.is_none_or(|t| t >= new_law) => {
            Term::Statutory(Period::WorkingDays(10), "行政复议法第四十八条、第八十八条（十日为工作日）")
        }
        // 解释：before 2024-01-01 the old 行政复议法 (第二十三条) gives 10 自然日, rolled forward; it had no 简易程序.
        CaseType::Reconsideration if m.simplified => Term::Statutory(
            Period::Days(10),
            "原行政复议法第二十三条（2024年1月1日前，自然日）；原行政复议法无简易程序，“简易程序”标记不影响期限",
        ),
        CaseType::Reconsideration => {
            Term::Statutory(Period::Days(10), "原行政复议法第二十三条（2024年1月1日前，自然日）")
        }
        // (r3 §7.7) 二审: 15日 from the 上诉状副本; 再审: 15日 from the 再审申请书副本.
        CaseType::Civil if m.instance() == Instance::Second => {
            Term::Statutory(Period::Days(15), "民事诉讼法第一百七十四条（上诉状副本，十五日，自然日）")
        }
        _ if m.instance() == Instance::Second => {
            Term::Statutory(Period::Days(15), "行诉解释第一百零八条（上诉状副本，十五日，自然日）")
        }
        CaseType::Civil if m.instance() == Instance::Retrial => {
            Term::Statutory(Period::Days(15), "民事诉讼法第二百一十四条（再审申请书副本，十五日，自然日）")
        }
        _ if m.instance() == Instance::Retrial => {
            Term::Statutory(Period::Days(15), "行诉解释第一百一十一条（再审申请书副本，十五日，自然日）")
        }
        CaseType::Civil => Term::Statutory(Period::Days(15), "民事诉讼法第一百二十八条（十五日，自然日）"),
        _ => Term::Statutory(Period::Days(15), "行政诉讼法第六十七条（十五日，自然日）"),
    }
}

/// The appeal period (R11C, R11D, R20): 判决 15日, 裁定 10日. (r2, §6.2) An empty 裁判类型 counts as 裁定
/// for 驳回起诉 and 撤诉 (both are 裁定 in law), else as 判决.
pub(crate) fn appeal_term(m: &Matter) -> Term {
    use crate::model::{JudgmentType, Outcome};
    let inferred = m.judgment_type.is_none();
    let ruling = match m.judgment_type {
        Some(t) => t == JudgmentType::Ruling,
        None => matches!(m.outcome, Some(Outcome::Dismissed | Outcome::Withdrawn)),
    };
    match (m.case_type == CaseType::Civil, ruling, inferred) {
        (true, false, false) => Term::Statutory(Period::Days(15), "民事诉讼法第一百七十一条（判决十五日，自然日）"),
        (true, false, true) => Term::Statutory(
            Period::Days(15),
            "民事诉讼法第一百七十一条（判决十五日，自然日；裁判类型未填写，按判决计）",
        ),
        (true, true, false) => Term::Statutory(Period::Days(10), "民事诉讼法第一百七十一条（裁定十日，自然日）"),
        (true, true, true) => Term::Statutory(
            Period::Days(10),
            "民事诉讼法第一百七十一条（裁定十日，自然日；裁判类型未填写，驳回起诉、撤诉按裁定计）",
        ),
        (false, false, false) => Term::Statutory(Period::Days(15), "行政诉讼法第八十五条（判决十五日，自然日）"),
        (false, false, true) => {
            Term::Statutory(Period::Days(15), "行政诉讼法第八十五条（判决十五日，自然日；裁判类型未填写，按判决计）")
        }
        (false, true, false) => Term::Statutory(Period::Days(10), "行政诉讼法第八十五条（裁定十日，自然日）"),
        (false, true, true) => Term::Statutory(
            Period::Days(10),
            "行政诉讼法第八十五条（裁定十日，自然日；裁判类型未填写，驳回起诉、撤诉按裁定计）",
        ),
    }
}

/// Whether an appeal obligation exists (R11C, R20; §6.2): a first-instance court judgment or ruling, appeal
/// not declined, and (r2) an appeal can matter — the agency lost (in whole or part), the result is 其他 or not
/// yet recorded, or an appeal was decided. A won, withdrawn, dismissed or mediated case gives no row unless
/// 上诉决定 = 上诉.
/// (r3 §7.7) 诉讼地位 原告 or 上诉人 with 驳回起诉: the agency lost its own suit. (r3 §7.15) An explicit 裁定 gives a
/// row only when 上诉决定 = 上诉 or the agency's own suit was dismissed (most 裁定 are not appealable, 行诉解释第一百零一条).
pub(crate) fn appeal_applies(m: &Matter) -> bool {
    use crate::model::{AppealDecision, Instance, JudgmentType, Outcome, Standing};
    let own_suit_dismissed = m.outcome == Some(Outcome::Dismissed)
        && matches!(m.standing_or_default(), Standing::Plaintiff | Standing::Appellant);
    let decided = m.appeal_decision == Some(AppealDecision::Appeal);
    let can_matter = if m.judgment_type == Some(JudgmentType::Ruling) {
        decided || own_suit_dismissed
    } else {
        matches!(m.outcome, None | Some(Outcome::Lost | Outcome::PartlyLost | Outcome::Other))
            || decided
            || own_suit_dismissed
    };
    m.has_judgment()
        && m.instance() == Instance::First
        && m.case_type != CaseType::Reconsideration
        && !matches!(m.judgment_type, Some(JudgmentType::Mediation | JudgmentType::ReconsiderationDecision))
        && m.appeal_decision != Some(AppealDecision::NoAppeal)
        && can_matter
}

/// The reply period of a 司法建议/检察建议 (R13B, R22B; RULES.md §6.5), or, for an urgent suggestion with no
/// stated period, the message of its 待补充.
pub(crate) enum ReplyTerm {
    Known(Term),
    /// 紧急 without 建议回复期限 (and not a 诉前检察建议): the 建议书 states the period.
    Stated(&'static str),
}

pub(crate) fn suggestion_reply_term(m: &Matter) -> ReplyTerm {
    const BOOK: &str = "（建议书载明的回复期限）";
    if let Some(d) = m.reply_by {
        return ReplyTerm::Known(Term::Statutory(Period::Given(d, Column::ReplyBy.name()), BOOK));
    }
    // (r3 §7.14, §7.25) a 司法建议 on a 规范性文件: 60日, counted as a court period, winning over 紧急.
    if m.case_type == CaseType::JudicialSuggestion && m.normative_suggestion {
        return ReplyTerm::Known(Term::Statutory(
            Period::Days(60),
            "规范性文件司法建议，收到之日起六十日内书面答复（行诉解释第一百四十九条，自然日）",
        ));
    }
    let procuratorate = m.case_type == CaseType::ProcuratorialSuggestion;
    ReplyTerm::Known(match (procuratorate, m.pre_litigation, m.urgent) {
        // 法释〔2018〕6号第二十一条: 诉前检察建议 — two months, fifteen days in an emergency.
        (true, true, true) => Term::Statutory(
            Period::Days(15),
            "行政公益诉讼诉前检察建议，紧急情形十五日内书面回复（法释〔2018〕6号第二十一条）",
        ),
        (true, true, false) => Term::Statutory(
            Period::Months(2),
            "行政公益诉讼诉前检察建议，收到之日起两个月内书面回复（法释〔2018〕6号第二十一条）",
        ),
        (true, false, true) => {
            return ReplyTerm::Stated(
                "紧急回复期限以建议书载明为准，请填写建议回复期限；行政公益诉讼诉前检察建议请勾选“诉前检察建议”（15日）",
            )
        }
        (true, false, false) => Term::Statutory(
            Period::Months(2),
            "自收到检察建议书之日起两个月以内书面回复（人民检察院检察建议工作规定）",
        ),
        (false, _, true) => return ReplyTerm::Stated("紧急回复期限以建议书载明为准，请填写建议回复期限"),
        (false, _, false) => Term::Statutory(
            Period::Months(2),
            "答复期限一般不超过两个月（法释〔2023〕11号第八条）；法院另定期限的以建议书为准（填入建议回复期限）；规范性文件司法建议为六十日（行诉解释第一百四十九条）",
        ),
    })
}

/// R13B / R22B: the reply to the court or procuratorate.
pub(crate) fn reply_row(cx: &mut Ctx, rule: RuleId) {
    let m = cx.m;
    let received = (Column::SuggestionReceived, m.suggestion_received);
    let done = (Column::Replied, m.replied);
    match suggestion_reply_term(m) {
        ReplyTerm::Known(term) => {
            cx.deadline(rule, received, term, done);
        }
        ReplyTerm::Stated(why) => {
            // §6.5: due empty, 计日方式 指定, 待补充 until 建议回复期限 is entered; 已完成 once replied.
            let o = cx.deadline(rule, received, Term::Statutory(Period::Timely, ""), done);
            o.counting = Some(Counting::Given);
            if o.trigger.is_some() {
                o.status = if o.done.is_some() { Status::Done } else { Status::MissingData };
                o.fill = Some(Column::ReplyBy);
                o.explanation = why.to_string();
            }
        }
    }
}

/// The performance period of a lost judgment (R12, R21): 履行期限 if recorded, else 及时.
pub(crate) fn performance_term(m: &Matter) -> Term {
    match m.perform_by {
        Some(d) => Term::Statutory(Period::Given(d, Column::PerformBy.name()), ""),
        None => Term::Statutory(Period::Timely, ""),
    }
}

/// R09/R16: at least one staff member among the agents (第九条, 第十六条).
pub(crate) fn agents_verdict(m: &Matter) -> (Status, String) {
    if m.agents.0.is_empty() {
        return (Status::MissingData, "未填写代理人".into());
    }
    if m.agents.has_staff() {
        return (
            Status::Compliant,
            format!(
                "已委托工作人员：{}",
                m.agents
                    .0
                    .iter()
                    .filter(|a| a.role == crate::model::AgentRole::Staff)
                    .map(|a| a.raw.as_str())
                    .collect::<Vec<_>>()
                    .join("；")
            ),
        );
    }
    let untagged = m.agents.0.iter().any(|a| a.role == crate::model::AgentRole::Untagged);
    let mut s = "未委托工作人员作为代理人，不得仅委托律师应诉".to_string();
    if untagged {
        // 解释：an untagged entry does not count as 工作人员 (§6.12).
        s.push_str("（未注明身份的代理人不计为工作人员）");
    }
    (Status::Violation, s)
}
