//! 期间计算 (RULES.md §1): how a trigger date and a period give a due date, with the reason in words.
//!
//! - The trigger day is never counted (民事诉讼法第八十五条, 行诉解释第四十八条).
//! - 自然日: trigger + N, then roll forward while the day is a rest day. Holidays inside the period count.
//! - 工作日: the Nth working day after the trigger day.
//! - 月: the same day N months later, or that month's last day (民法典第二百零二条), then roll forward.
//! - 立即: the trigger day itself, never rolled. 及时: no due date. 指定: a date from the record, never rolled.

use crate::calendar::{Calendar, DayKind};
use crate::dates::{add_months, fmt};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// A period as the regulation or a statute gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// N 自然日, rolled forward.
    Days(u32),
    /// N 工作日.
    WorkingDays(u32),
    /// N 个月, rolled forward.
    Months(u32),
    /// 立即: due the trigger day.
    Immediate,
    /// 及时: no fixed due date.
    Timely,
    /// A due date written in the record (履行期限, 建议回复期限, 开庭日), from the named column.
    Given(NaiveDate, &'static str),
}

/// 计日方式 as written in `obligations.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Counting {
    #[serde(rename = "自然日")]
    Natural,
    #[serde(rename = "工作日")]
    Working,
    #[serde(rename = "月")]
    Months,
    #[serde(rename = "立即")]
    Immediate,
    #[serde(rename = "及时")]
    Timely,
    #[serde(rename = "指定")]
    Given,
}

impl Counting {
    pub fn label(self) -> &'static str {
        match self {
            Counting::Natural => "自然日",
            Counting::Working => "工作日",
            Counting::Months => "月",
            Counting::Immediate => "立即",
            Counting::Timely => "及时",
            Counting::Given => "指定",
        }
    }
}

impl Period {
    pub fn counting(self) -> Counting {
        match self {
            Period::Days(_) => Counting::Natural,
            Period::WorkingDays(_) => Counting::Working,
            Period::Months(_) => Counting::Months,
            Period::Immediate => Counting::Immediate,
            Period::Timely => Counting::Timely,
            Period::Given(..) => Counting::Given,
        }
    }
}

/// A computed due date and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub date: Option<NaiveDate>,
    pub counting: Counting,
    /// e.g. `起算日 2025-01-20（起诉状副本收到日）+15日 = 2025-02-04（春节）→ 顺延至 2025-02-05`.
    pub explanation: String,
    /// A day the computation depended on lies in a year whose holiday notice is not loaded.
    pub uncovered_year: bool,
}

/// The note carried by a date computed over a year with no holiday notice loaded (RULES.md §1).
pub const UNCOVERED_NOTE: &str = "该年度节假日安排未导入";

/// Computes the due date of `period` started by `trigger` (from the column `trigger_name`).
pub fn compute(cal: &Calendar, trigger: NaiveDate, trigger_name: &str, period: Period) -> Due {
    let start = format!("起算日 {}（{}）", fmt(trigger), trigger_name);
    let counting = period.counting();
    let uncovered = |from: NaiveDate, to: NaiveDate| (from.year()..=to.year()).any(|y| !cal.covers_year(y));
    let (date, explanation, uncovered_year) = match period {
        Period::Days(n) => {
            let raw = trigger + Duration::days(i64::from(n));
            let due = cal.roll_forward(raw);
            (Some(due), format!("{start}+{n}日 = {}", landed(cal, raw, due)), uncovered(raw, due))
        }
        Period::Months(n) => {
            let (raw, clamped) = add_months(trigger, n);
            let due = cal.roll_forward(raw);
            let clamp =
                if clamped { format!("（该月无{}日，取月末）", trigger.day()) } else { String::new() };
            (Some(due), format!("{start}+{n}个月{clamp} = {}", landed(cal, raw, due)), uncovered(raw, due))
        }
        Period::WorkingDays(n) => {
            let due = cal.nth_working_day_after(trigger, n);
            let skipped = (due - trigger).num_days() - i64::from(n);
            let skip = if skipped > 0 { format!("，其间休息日 {skipped} 天不计") } else { String::new() };
            let first = trigger + Duration::days(1);
            (
                Some(due),
                format!("{start}后第{n}个工作日 = {}（{}）{skip}", fmt(due), cal.describe(due)),
                uncovered(first.min(due), due),
            )
        }
        Period::Immediate => (Some(trigger), format!("立即：期限为{start}当日，不顺延"), false),
        Period::Timely => (None, "及时：无固定期限".to_string(), false),
        Period::Given(d, col) => (Some(d), format!("期限日 {} 取自「{col}」（记录中指定，不顺延）", fmt(d)), false),
    };
    let explanation =
        if uncovered_year { format!("{explanation}；{UNCOVERED_NOTE}（仅按周末计算）") } else { explanation };
    Due { date, counting, explanation, uncovered_year }
}

/// `2025-02-04（春节）→ 顺延至 2025-02-05`, or `2025-10-11（国庆调休上班日，不顺延）`.
fn landed(cal: &Calendar, raw: NaiveDate, due: NaiveDate) -> String {
    if raw == due {
        match cal.day_kind(raw) {
            DayKind::MakeupWorkday(name) => format!("{}（{name}调休上班日，不顺延）", fmt(raw)),
            _ => format!("{}（{}）", fmt(raw), cal.describe(raw)),
        }
    } else {
        format!("{}（{}）→ 顺延至 {}", fmt(raw), cal.describe(raw), fmt(due))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn explanation_matches_rules_md_example() {
        let due = compute(&Calendar::bundled(), d("2025-01-20"), "起诉状副本收到日", Period::Days(15));
        assert_eq!(due.date, Some(d("2025-02-05")));
        assert_eq!(
            due.explanation,
            "起算日 2025-01-20（起诉状副本收到日）+15日 = 2025-02-04（春节）→ 顺延至 2025-02-05"
        );
        assert!(!due.uncovered_year);
    }

    #[test]
    fn uncovered_year_is_noted_and_weekends_still_roll() {
        let due = compute(&Calendar::bundled(), d("2026-12-20"), "起诉状副本收到日", Period::Days(15));
        // 2027-01-04 is a Monday: computed with weekends only.
        assert_eq!(due.date, Some(d("2027-01-04")));
        assert!(due.uncovered_year);
        assert!(due.explanation.contains(UNCOVERED_NOTE));
    }
}
