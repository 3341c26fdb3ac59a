//! 日程: what the coming days hold — hearings (开庭日, with 出庭负责人 and the state of 第十八条第一款 and
//! 第十九条), every open due date, and the R23/R24 report due dates — grouped by day, today first.
//! Also the hearings of the `.ics` export ([`crate::exchange::ics`]). (r3 §7.23) 开庭时间 orders a day's
//! hearings, and one head recorded for two or more hearings on one day is a register-level warning ([`clashes`]).

use crate::model::{CaseNo, Matter, TimeOfDay};
use crate::periodic::PeriodicDuty;
use crate::rules::{Evaluation, RuleId, Status};
use crate::zh::zh_enum;
use chrono::NaiveDate;

/// A hearing of a matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hearing {
    pub case_no: CaseNo,
    pub agency: String,
    pub date: NaiveDate,
    /// (r3 §7.23) 开庭时间, when recorded.
    pub time: Option<TimeOfDay>,
    /// 审理机关 (court or 复议机关).
    pub tribunal: String,
    /// 出庭负责人 and 职务 as recorded (`王某（副职）`), empty when none yet.
    pub head: String,
    /// 第十八条第一款 (R18A) when it applies to the matter: its status. `None` = does not apply.
    pub r18a: Option<Status>,
    /// 第十九条 出庭准备 (R19) when the engine tracks it for the matter.
    pub r19: Option<Status>,
    /// What is known of the head's attendance (issue 21: a planned head is 已安排 until the clerk confirms).
    pub attendance: Attendance,
}

/// What the register says of the head at a hearing (issue 21). Nothing in `cases.csv` records attendance as
/// such: 出庭负责人 is the head planned (and, once confirmed, the one who came), and 负责人发言 (§7.22, 是/否)
/// can only be recorded for a head who was there — so a recorded 负责人发言 is the confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attendance {
    /// No 出庭负责人 recorded.
    NoHead,
    /// A head is recorded and the hearing is today or ahead: 已安排.
    Planned,
    /// The hearing is over, a head is recorded, 负责人发言 empty: still 已安排 — the clerk should confirm.
    Unconfirmed,
    /// 负责人发言 recorded: the head attended, and spoke (是) or not (否).
    Attended { spoke: bool },
}

impl Attendance {
    /// The attendance of `m`'s head as of `today`.
    pub fn of(m: &Matter, today: NaiveDate) -> Attendance {
        match (m.head_name.trim().is_empty(), m.head_spoke, m.hearing) {
            (true, _, _) => Attendance::NoHead,
            (false, Some(spoke), _) => Attendance::Attended { spoke },
            (false, None, Some(h)) if h < today => Attendance::Unconfirmed,
            (false, None, _) => Attendance::Planned,
        }
    }

    /// The words after the head's name (`已安排`, `已出庭，已发言` …); empty with no head.
    pub fn label(self) -> &'static str {
        match self {
            Attendance::NoHead => "",
            Attendance::Planned => "已安排",
            Attendance::Unconfirmed => "已安排，开庭后待确认是否出庭及发言",
            Attendance::Attended { spoke: true } => "已出庭，已发言",
            Attendance::Attended { spoke: false } => "已出庭，未发言",
        }
    }
}

/// Hearings now over whose head is still only 已安排 (issue 21, §7.22): on or after `since`, before `today`,
/// not 书面审理, not 民事诉讼 (no 出庭负责人 duty there, §7.17), latest first. 日程 and the matter ask the clerk to
/// confirm who attended and whether he spoke (负责人发言).
pub fn awaiting_confirmation(matters: &[Matter], since: NaiveDate, today: NaiveDate) -> Vec<&Matter> {
    let mut out: Vec<&Matter> = matters
        .iter()
        .filter(|m| !m.written_review && m.case_type != crate::model::CaseType::Civil)
        .filter(|m| m.hearing.is_some_and(|h| since <= h))
        .filter(|m| Attendance::of(m, today) == Attendance::Unconfirmed)
        .collect();
    crate::sort::by(&mut out, |a, b| (b.hearing, &a.case_no).cmp(&(a.hearing, &b.case_no)));
    out
}

impl Hearing {
    /// R18A applies: the head must appear (区司法局 practice: a notice one week ahead).
    pub fn head_required(&self) -> bool {
        self.r18a.is_some_and(|s| s != Status::NotApplicable)
    }
}

/// Every hearing of the register: a matter with 开庭日 that is not heard in writing (书面审理).
/// `evals` is index-aligned with `matters`.
/// `today` decides whether a recorded head is still only planned ([`Attendance`]).
pub fn hearings(matters: &[Matter], evals: &[Evaluation], today: NaiveDate) -> Vec<Hearing> {
    let mut out: Vec<Hearing> = matters
        .iter()
        .zip(evals)
        .filter(|(m, _)| !m.written_review)
        .filter_map(|(m, ev)| {
            let date = m.hearing?;
            let find = |label: &str| ev.obligations.iter().find(|o| o.rule.label() == label).map(|o| o.status);
            let head = match (m.head_name.trim(), m.head_title.trim()) {
                ("", _) => String::new(),
                (n, "") => n.to_string(),
                (n, t) => format!("{n}（{t}）"),
            };
            Some(Hearing {
                case_no: m.case_no.clone(),
                agency: m.agency_name().to_string(),
                date,
                time: m.hearing_time,
                tribunal: m.tribunal.clone(),
                head,
                r18a: find(RuleId::R18A.label()),
                r19: find("R19"),
                attendance: Attendance::of(m, today),
            })
        })
        .collect();
    // (r3 §7.23) by day, then 开庭时间 (a hearing without one after the timed ones), then 案号.
    crate::sort::by(&mut out, |a, b| {
        (a.date, a.time.is_none(), a.time, &a.case_no).cmp(&(b.date, b.time.is_none(), b.time, &b.case_no))
    });
    out
}

/// The 条款 of the same-head warning (§7.23): the head must appear (第十八条) and speak prepared (第十九条).
pub const CLASH_CLAUSE: &str = "第十八条、第十九条";

/// (r3 §7.23) One 出庭负责人 recorded for hearings of two or more matters on the same 开庭日.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The head's name, trimmed.
    pub head: String,
    pub date: NaiveDate,
    /// The matters, in 开庭时间 order (untimed last), then 案号.
    pub case_nos: Vec<CaseNo>,
    pub times: Vec<Option<TimeOfDay>>,
    /// Pairs of hearings less than 2 hours apart (both timed).
    pub close: Vec<(CaseNo, CaseNo)>,
}

impl Clash {
    /// `同一负责人同日有2场开庭：A（09:30）、B（10:30）（王某，2025-03-10）；A与B开庭时间相隔不足2小时`.
    pub fn message(&self) -> String {
        let list: Vec<String> = self
            .case_nos
            .iter()
            .zip(&self.times)
            .map(|(c, t)| match t {
                Some(t) => format!("{c}（{t}）"),
                None => c.0.clone(),
            })
            .collect();
        let mut s = format!(
            "同一负责人同日有{}场开庭：{}（{}，{}）",
            self.case_nos.len(),
            list.join("、"),
            self.head,
            crate::dates::fmt(self.date)
        );
        for (a, b) in &self.close {
            s.push_str(&format!("；{a}与{b}开庭时间相隔不足2小时"));
        }
        s
    }
}

/// Every [`Clash`] of the register: hearings (开庭日 present, not 书面审理) grouped by head name and day.
pub fn clashes(matters: &[Matter]) -> Vec<Clash> {
    let mut groups: std::collections::BTreeMap<(NaiveDate, &str), Vec<&Matter>> = std::collections::BTreeMap::new();
    for m in matters.iter().filter(|m| !m.written_review) {
        let (Some(d), head) = (m.hearing, m.head_name.trim()) else { continue };
        if !head.is_empty() {
            groups.entry((d, head)).or_default().push(m);
        }
    }
    let mut out = Vec::new();
    for ((date, head), mut v) in groups {
        if v.len() < 2 {
            continue;
        }
        crate::sort::by(&mut v, |a, b| {
            (a.hearing_time.is_none(), a.hearing_time, &a.case_no).cmp(&(
                b.hearing_time.is_none(),
                b.hearing_time,
                &b.case_no,
            ))
        });
        let mut close = Vec::new();
        for (i, a) in v.iter().enumerate() {
            for b in &v[i + 1..] {
                if let (Some(x), Some(y)) = (a.hearing_time, b.hearing_time) {
                    if (x.minutes() - y.minutes()).abs() < 120 {
                        close.push((a.case_no.clone(), b.case_no.clone()));
                    }
                }
            }
        }
        out.push(Clash {
            head: head.to_string(),
            date,
            case_nos: v.iter().map(|m| m.case_no.clone()).collect(),
            times: v.iter().map(|m| m.hearing_time).collect(),
            close,
        });
    }
    out
}

zh_enum!(
    no_default:
    /// What an entry of the schedule is.
    ItemKind {
        /// (r3 §7.23) A warning of the day: one head, several hearings.
        Clash = "提示",
        /// 开庭.
        Hearing = "开庭",
        /// An obligation's 期限日.
        Due = "期限",
        /// An R23/R24 report's 期限日 (a [`PeriodicDuty`]).
        PeriodicDuty = "报告",
    }
);

/// One entry of a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    /// Empty for reports.
    pub case_no: String,
    /// R14, R23 …; `None` for a hearing.
    pub rule: Option<RuleId>,
    pub title: String,
    /// Who, or for a hearing 出庭负责人 and the R18A/R19 state.
    pub detail: String,
    pub status: Option<Status>,
    /// A hearing's own duties due that day (第十八条第一款 R18A, 第十九条 R19): one hearing is one entry, its
    /// duties inside it, not three items side by side (issue 21).
    pub inner: Vec<Item>,
    /// (r3 §7.23) A hearing's 开庭时间.
    pub time: Option<TimeOfDay>,
}

/// The days from `from` to `to` (both included) that hold something, in order, each with its items
/// (hearings first). Only open obligations and open R23/R24 duties (`duties`) appear: a done duty is not on the agenda.
pub fn schedule(
    matters: &[Matter],
    evals: &[Evaluation],
    duties: &[PeriodicDuty],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, Vec<Item>)> {
    let mut items: Vec<(NaiveDate, Item)> = Vec::new();
    let within = |d: NaiveDate| from <= d && d <= to;
    for h in hearings(matters, evals, from).into_iter().filter(|h| within(h.date)) {
        let mut detail = if h.head.is_empty() {
            "出庭负责人：未填".to_string()
        } else {
            // 已安排 until confirmed (issue 21): a date passing does not make a head 已出庭.
            format!("出庭负责人：{}，{}", h.head, h.attendance.label())
        };
        if let Some(s) = h.r18a.filter(|_| h.head_required()) {
            detail.push_str(&format!("；第十八条第一款（负责人出庭）：{}", s.label()));
        }
        if let Some(s) = h.r19 {
            detail.push_str(&format!("；第十九条（出庭准备）：{}", s.label()));
        }
        if !h.tribunal.is_empty() {
            detail.push_str(&format!("；{}", h.tribunal));
        }
        let title = match h.time {
            Some(t) => format!("{t} 开庭 {}", h.case_no.0),
            None => format!("开庭 {}", h.case_no.0),
        };
        items.push((
            h.date,
            Item {
                kind: ItemKind::Hearing,
                case_no: h.case_no.0,
                rule: None,
                title,
                detail,
                status: h.r18a,
                time: h.time,
                inner: vec![],
            },
        ));
    }
    for c in clashes(matters).into_iter().filter(|c| within(c.date)) {
        items.push((
            c.date,
            Item {
                kind: ItemKind::Clash,
                case_no: String::new(),
                rule: None,
                title: "同一负责人同日多场开庭".to_string(),
                detail: c.message(),
                status: None,
                time: None,
                inner: vec![],
            },
        ));
    }
    for ev in evals {
        for o in &ev.obligations {
            let Some(due) = o.due.filter(|d| within(*d)) else { continue };
            if !o.status.is_open() {
                continue;
            }
            items.push((
                due,
                Item {
                    kind: ItemKind::Due,
                    case_no: o.case_no.0.clone(),
                    rule: Some(o.rule),
                    title: o.title.to_string(),
                    detail: format!("责任主体：{}", o.responsible),
                    status: Some(o.status),
                    time: None,
                    inner: vec![],
                },
            ));
        }
    }
    for r in duties.iter().filter(|r| within(r.due) && r.status.is_open()) {
        let what = if r.period.rule() == RuleId::R23 { "案件情况报告" } else { "败诉案件情况报告" };
        items.push((
            r.due,
            Item {
                kind: ItemKind::PeriodicDuty,
                case_no: String::new(),
                rule: Some(r.period.rule()),
                title: format!("{}{what}", r.period.label()),
                detail: format!("报送机关：{}", r.agency),
                status: Some(r.status),
                time: None,
                inner: vec![],
            },
        ));
    }
    // A hearing's R18A and R19 due that day go inside the hearing's entry.
    let hearing_days: std::collections::HashSet<(NaiveDate, String)> =
        items.iter().filter(|(_, i)| i.kind == ItemKind::Hearing).map(|(d, i)| (*d, i.case_no.clone())).collect();
    let (inside, mut items): (Vec<_>, Vec<_>) = items.into_iter().partition(|(d, i)| {
        i.kind == ItemKind::Due
            && matches!(i.rule, Some(RuleId::R18A | RuleId::R19))
            && hearing_days.contains(&(*d, i.case_no.clone()))
    });
    for (d, it) in inside {
        if let Some((_, h)) =
            items.iter_mut().find(|(hd, h)| *hd == d && h.kind == ItemKind::Hearing && h.case_no == it.case_no)
        {
            h.inner.push(it);
        }
    }
    crate::sort::by(&mut items, |a, b| {
        let k = |x: &(NaiveDate, Item)| (x.0, x.1.kind, x.1.time.is_none(), x.1.time);
        k(a).cmp(&k(b)).then_with(|| (&a.1.case_no, a.1.rule).cmp(&(&b.1.case_no, b.1.rule)))
    });
    let mut days: Vec<(NaiveDate, Vec<Item>)> = Vec::new();
    for (d, it) in items {
        match days.last_mut() {
            Some((last, v)) if *last == d => v.push(it),
            _ => days.push((d, vec![it])),
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate, Calendar, Settings};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn issue_11_a_hearing_five_days_ahead_is_on_the_schedule_with_its_head_and_r18a() {
        let today = d(2025, 3, 3);
        let mut m = Matter::new("（2025）京0112行初5号");
        m.complaint_received = Some(d(2025, 2, 20));
        m.hearing = Some(d(2025, 3, 8));
        m.head_name = "王某".into();
        m.head_title = "副职".into();
        m.public_interest = true;
        let mut written = Matter::new("复议-书面");
        written.case_type = crate::model::CaseType::Reconsideration;
        written.hearing = Some(d(2025, 3, 6));
        written.written_review = true;
        let matters = vec![m, written];
        let evals: Vec<Evaluation> =
            matters.iter().map(|m| evaluate(m, &Calendar::bundled(), &Settings::default(), today)).collect();
        let days = schedule(&matters, &evals, &[], today, today + chrono::Duration::days(7));
        let hearing_days: Vec<_> = days
            .iter()
            .flat_map(|(day, v)| v.iter().filter(|i| i.kind == ItemKind::Hearing).map(move |i| (*day, i)))
            .collect();
        assert_eq!(hearing_days.len(), 1, "书面审理 has no hearing");
        let (day, h) = hearing_days[0];
        assert_eq!(day, d(2025, 3, 8));
        assert!(h.detail.contains("出庭负责人：王某（副职）"), "{}", h.detail);
        assert!(h.detail.contains("第十八条第一款"), "{}", h.detail);
        // One entry for the hearing: its R18A and R19 due that day are inside it, not beside it.
        assert_eq!(days.iter().find(|(x, _)| *x == d(2025, 3, 8)).unwrap().1.len(), 1, "{days:?}");
        let inner: Vec<_> = h.inner.iter().filter_map(|i| i.rule).collect();
        assert!(inner.contains(&RuleId::R18A) && inner.contains(&RuleId::R19), "{inner:?}");
        // Days come in order and a day's hearings come before its due dates.
        assert!(days.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(days.iter().all(|(_, v)| v.windows(2).all(|w| w[0].kind <= w[1].kind)));
        // Nothing outside the window.
        assert!(schedule(&matters, &evals, &[], today, d(2025, 3, 7))
            .iter()
            .all(|(_, v)| v.iter().all(|i| i.kind != ItemKind::Hearing)));
    }
}
