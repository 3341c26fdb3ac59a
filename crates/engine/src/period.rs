//! 期间计算 (RULES.md §1): how a trigger date and a period give a due date, with the reason in words.
//!
//! - The trigger day is never counted (民事诉讼法第八十五条, 行诉解释第四十八条).
//! - 自然日: trigger + N, then roll forward while the day is a rest day. Holidays inside the period count.
//! - 工作日: the Nth working day after the trigger day.
//! - 月: the same day N months later, or that month's last day (民法典第二百零二条), then roll forward.
//! - 立即: the trigger day itself, never rolled. 及时: no due date. 指定: a date from the record, never rolled.

use crate::calendar::{Calendar, DayKind};
use crate::dates::{add_months, push_date, push_padded};
use crate::zh::zh_enum;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;

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

zh_enum!(
    /// 计日方式, as written in `obligations.csv`; 自然日 or 工作日 are also the setting for internal N日 periods
    /// ([`crate::Settings::counting`], [`Counting::DAYS`]).
    Counting {
        #[default]
        Natural = "自然日",
        Working = "工作日",
        Months = "月",
        Immediate = "立即",
        Timely = "及时",
        Given = "指定",
    }
);

impl Counting {
    /// The two ways to count an N日 period: what the setting 计日方式 offers (RULES.md §1).
    pub const DAYS: [Counting; 2] = [Counting::Natural, Counting::Working];

    /// Reads the setting 计日方式: 自然日 or 工作日 (surrounding spaces ignored); `None` for anything else.
    pub fn days_from_label(s: &str) -> Option<Self> {
        Self::from_label(s).filter(|c| Self::DAYS.contains(c))
    }
}

/// Reads the setting 计日方式 from stored data: 自然日 or 工作日, any other value an error.
pub(crate) fn days_only<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Counting, D::Error> {
    let c = Counting::deserialize(d)?;
    if Counting::DAYS.contains(&c) {
        Ok(c)
    } else {
        Err(serde::de::Error::custom(format!("计日方式应为 自然日 或 工作日，而非「{c}」")))
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

/// The due date alone (no explanation): what the other reading of an internal period gives.
pub fn due_date(cal: &Calendar, trigger: NaiveDate, period: Period) -> Option<NaiveDate> {
    match period {
        Period::Days(n) => Some(cal.roll_forward(trigger + Duration::days(i64::from(n)))),
        Period::Months(n) => Some(cal.roll_forward(add_months(trigger, n).0)),
        Period::WorkingDays(n) => Some(cal.nth_working_day_after(trigger, n)),
        Period::Immediate => Some(trigger),
        Period::Timely => None,
        Period::Given(d, _) => Some(d),
    }
}

/// Computes the due date of `period` started by `trigger` (from the column `trigger_name`).
///
/// The explanation is appended piece by piece into one buffer: this runs for every obligation of
/// every matter on every change, and `format!` was most of that time.
pub fn compute(cal: &Calendar, trigger: NaiveDate, trigger_name: &str, period: Period) -> Due {
    let mut e = String::with_capacity(192);
    let start = |e: &mut String| {
        e.push_str("起算日 ");
        push_date(e, trigger);
        e.push('（');
        e.push_str(trigger_name);
        e.push('）');
    };
    let counting = period.counting();
    let uncovered = |from: NaiveDate, to: NaiveDate| (from.year()..=to.year()).any(|y| !cal.covers_year(y));
    let (date, uncovered_year) = match period {
        Period::Days(n) => {
            let raw = trigger + Duration::days(i64::from(n));
            let due = cal.roll_forward(raw);
            start(&mut e);
            e.push('+');
            push_padded(&mut e, u64::from(n), 1);
            e.push_str("日 = ");
            push_landed(&mut e, cal, raw, due);
            (Some(due), uncovered(raw, due))
        }
        Period::Months(n) => {
            let (raw, clamped) = add_months(trigger, n);
            let due = cal.roll_forward(raw);
            start(&mut e);
            e.push('+');
            push_padded(&mut e, u64::from(n), 1);
            e.push_str("个月");
            if clamped {
                e.push_str("（该月无");
                push_padded(&mut e, u64::from(trigger.day()), 1);
                e.push_str("日，取月末）");
            }
            e.push_str(" = ");
            push_landed(&mut e, cal, raw, due);
            (Some(due), uncovered(raw, due))
        }
        Period::WorkingDays(n) => {
            let due = cal.nth_working_day_after(trigger, n);
            let skipped = (due - trigger).num_days() - i64::from(n);
            start(&mut e);
            e.push_str("后第");
            push_padded(&mut e, u64::from(n), 1);
            e.push_str("个工作日 = ");
            push_date(&mut e, due);
            e.push('（');
            cal.push_describe(&mut e, due);
            e.push('）');
            if skipped > 0 {
                e.push_str("，其间休息日 ");
                push_padded(&mut e, skipped as u64, 1);
                e.push_str(" 天不计");
            }
            let first = trigger + Duration::days(1);
            (Some(due), uncovered(first.min(due), due))
        }
        Period::Immediate => {
            e.push_str("立即：期限为");
            start(&mut e);
            e.push_str("当日，不顺延");
            (Some(trigger), false)
        }
        Period::Timely => {
            e.push_str("及时：无固定期限");
            (None, false)
        }
        Period::Given(d, col) => {
            e.push_str("期限日 ");
            push_date(&mut e, d);
            e.push_str(" 取自「");
            e.push_str(col);
            e.push_str("」（记录中指定，不顺延）");
            (Some(d), false)
        }
    };
    if uncovered_year {
        e.push('；');
        e.push_str(UNCOVERED_NOTE);
        e.push_str("（仅按周末计算）");
    }
    Due { date, counting, explanation: e, uncovered_year }
}

/// `2025-02-04（春节）→ 顺延至 2025-02-05`, or `2025-10-11（国庆调休上班日，不顺延）`.
fn push_landed(e: &mut String, cal: &Calendar, raw: NaiveDate, due: NaiveDate) {
    push_date(e, raw);
    e.push('（');
    cal.push_describe(e, raw);
    if raw == due {
        if matches!(cal.day_kind(raw), DayKind::MakeupWorkday(_)) {
            e.push_str("，不顺延");
        }
        e.push('）');
    } else {
        e.push_str("）→ 顺延至 ");
        push_date(e, due);
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
