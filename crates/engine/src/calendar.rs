//! Working days and rest days: the State Council's 放假调休 notices plus the weekly rest days.
//!
//! The bundled table is `shared/reference/cn-holidays.csv` (2018–2026), compiled in. Rows for a new
//! year (e.g. 2027's notice) are added at run time in the same format, so no release is needed.
//!
//! A rest day is a Saturday or Sunday that is not a `workday` row (调休上班), or any `holiday` row
//! (RULES.md §1; 国务院关于职工工作时间的规定第七条; 全国年节及纪念日放假办法第二条).

use crate::dates::{fmt, parse_date, weekday_zh};
use crate::error::RowError;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

const BUNDLED: &str = include_str!("../data/cn-holidays.csv");
const BUNDLED_NOTICES: &str = include_str!("../data/cn-holiday-notices.csv");

/// The State Council notice a year's rows come from (RULES.md §6.17): `year,published,title,url`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HolidayNotice {
    pub year: i32,
    #[serde(with = "crate::dates::ymd")]
    pub published: NaiveDate,
    pub title: String,
    #[serde(default)]
    pub url: String,
}

/// The notices behind the bundled years (`shared/reference/cn-holiday-notices.csv`), in file order.
pub fn bundled_notices() -> Vec<HolidayNotice> {
    let mut rdr = csv::ReaderBuilder::new().from_reader(BUNDLED_NOTICES.as_bytes());
    rdr.records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            Some(HolidayNotice {
                year: r.get(0)?.trim().parse().ok()?,
                published: parse_date(r.get(1)?.trim()).ok()?,
                title: r.get(2)?.trim().to_string(),
                url: r.get(3).unwrap_or("").trim().to_string(),
            })
        })
        .collect()
}

/// Checks the notice a user names for imported holiday rows: a title and a publication date are required
/// (RULES.md §6.17). Returns the notice for each year the rows cover, or what is missing.
pub fn notices_for_import(
    rows: &[HolidayRow],
    title: &str,
    published: &str,
    url: &str,
) -> Result<Vec<HolidayNotice>, String> {
    let title = title.trim();
    if title.is_empty() {
        return Err("请填写通知名称（如：国务院办公厅关于2027年部分节假日安排的通知）".into());
    }
    let published = parse_date(published.trim()).map_err(|e| format!("通知发布日期：{e}"))?;
    let mut years: Vec<i32> = rows.iter().map(|r| r.date.year()).collect();
    crate::sort::natural(&mut years);
    years.dedup();
    if years.is_empty() {
        return Err("文件中没有节假日数据行".into());
    }
    Ok(years
        .into_iter()
        .map(|year| HolidayNotice { year, published, title: title.to_string(), url: url.trim().to_string() })
        .collect())
}

/// The empty template for a new year's holiday file (UTF-8 with BOM, CRLF): the header of `cn-holidays.csv`.
pub fn holiday_template() -> Vec<u8> {
    "\u{feff}date,kind,name\r\n".as_bytes().to_vec()
}

/// A row of the holiday file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayMark {
    /// Inside a 放假 range.
    #[serde(rename = "holiday")]
    Holiday,
    /// A Saturday or Sunday made a working day (调休上班).
    #[serde(rename = "workday")]
    Workday,
}

/// One row of `cn-holidays.csv`: `date,kind,name`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HolidayRow {
    #[serde(with = "crate::dates::ymd")]
    pub date: NaiveDate,
    pub kind: DayMark,
    pub name: String,
}

/// What a day is, with the reason a person would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayKind {
    /// Monday to Friday, no notice row.
    Weekday,
    /// Saturday or Sunday, no notice row.
    Weekend,
    /// A 放假 day of the named festival.
    Holiday(String),
    /// A 调休上班 weekend day of the named festival.
    MakeupWorkday(String),
}

impl DayKind {
    pub fn is_rest(&self) -> bool {
        matches!(self, DayKind::Weekend | DayKind::Holiday(_))
    }
}

/// The holiday calendar.
///
/// Day marks are kept in a dense table indexed by day number (one byte a day), because period counting
/// asks about every day it passes: a hash lookup per day was the largest cost of evaluating a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Day number (days from CE) of `marks[0]`.
    first: i32,
    /// 0 = no row, else 1 + index into `rows`.
    marks: Vec<u32>,
    rows: Vec<(DayMark, String)>,
    years: BTreeSet<i32>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::bundled()
    }
}

impl Calendar {
    /// The calendar compiled into the engine (2018–2026).
    pub fn bundled() -> Calendar {
        let rows = parse_holiday_csv(BUNDLED).expect("the bundled holiday table is valid");
        let mut c = Calendar::empty();
        c.add_rows(&rows);
        c
    }

    /// A calendar with only the weekly rest days (no year covered).
    pub fn empty() -> Calendar {
        Calendar { first: 0, marks: Vec::new(), rows: Vec::new(), years: BTreeSet::new() }
    }

    /// Adds (or replaces) rows; their years become covered. The table grows once, to the rows' span.
    pub fn add_rows(&mut self, rows: &[HolidayRow]) {
        let (Some(lo), Some(hi)) = (
            rows.iter().map(|r| r.date.num_days_from_ce()).min(),
            rows.iter().map(|r| r.date.num_days_from_ce()).max(),
        ) else {
            return;
        };
        if self.marks.is_empty() {
            self.first = lo;
        }
        if lo < self.first {
            let grow = (self.first - lo) as usize;
            self.marks.splice(0..0, std::iter::repeat_n(0, grow));
            self.first = lo;
        }
        if (hi - self.first) as usize >= self.marks.len() {
            self.marks.resize((hi - self.first) as usize + 1, 0);
        }
        for r in rows {
            let i = (r.date.num_days_from_ce() - self.first) as usize;
            self.rows.push((r.kind, r.name.clone()));
            self.marks[i] = self.rows.len() as u32;
            self.years.insert(r.date.year());
        }
    }

    fn mark(&self, d: NaiveDate) -> Option<&(DayMark, String)> {
        let i = d.num_days_from_ce() - self.first;
        if i < 0 {
            return None;
        }
        match self.marks.get(i as usize) {
            Some(&m) if m > 0 => self.rows.get(m as usize - 1),
            _ => None,
        }
    }

    /// Whether the year's 放假调休 notice is loaded.
    pub fn covers_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The covered years, ascending.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn day_kind(&self, d: NaiveDate) -> DayKind {
        match self.mark(d) {
            Some((DayMark::Holiday, name)) => DayKind::Holiday(name.clone()),
            Some((DayMark::Workday, name)) => DayKind::MakeupWorkday(name.clone()),
            None if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) => DayKind::Weekend,
            None => DayKind::Weekday,
        }
    }

    /// A Saturday or Sunday that is not 调休上班, or any holiday row.
    pub fn is_rest_day(&self, d: NaiveDate) -> bool {
        match self.mark(d) {
            Some((DayMark::Holiday, _)) => true,
            Some((DayMark::Workday, _)) => false,
            None => matches!(d.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !self.is_rest_day(d)
    }

    /// The first working day on or after `d` (期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期).
    pub fn roll_forward(&self, mut d: NaiveDate) -> NaiveDate {
        while self.is_rest_day(d) {
            d += Duration::days(1);
        }
        d
    }

    /// The `n`th working day after `d` (`d` itself never counts). `n = 0` gives `d`.
    pub fn nth_working_day_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut cur = d;
        let mut left = n;
        while left > 0 {
            cur += Duration::days(1);
            if self.is_working_day(cur) {
                left -= 1;
            }
        }
        cur
    }

    /// A short Chinese description of a day for explanations: `春节`, `星期六`, `调休上班日`.
    pub fn describe(&self, d: NaiveDate) -> String {
        let mut s = String::new();
        self.push_describe(&mut s, d);
        s
    }

    /// Appends what [`Calendar::describe`] says, without allocating.
    pub fn push_describe(&self, buf: &mut String, d: NaiveDate) {
        match self.mark(d) {
            Some((DayMark::Holiday, name)) => buf.push_str(name),
            Some((DayMark::Workday, name)) => {
                buf.push_str(name);
                buf.push_str("调休上班日");
            }
            None => buf.push_str(weekday_zh(d)),
        }
    }

    /// Holiday days on Monday to Friday in `year`: the rest days a notice adds beyond weekends.
    pub fn weekday_holidays(&self, year: i32) -> usize {
        let Some(mut d) = NaiveDate::from_ymd_opt(year, 1, 1) else { return 0 };
        let mut n = 0;
        while d.year() == year {
            if matches!(self.mark(d), Some((DayMark::Holiday, _)))
                && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            {
                n += 1;
            }
            d += Duration::days(1);
        }
        n
    }

    /// Every row, sorted by date (what a backup stores for added years).
    pub fn rows(&self) -> Vec<HolidayRow> {
        self.marks
            .iter()
            .enumerate()
            .filter(|(_, m)| **m > 0)
            .filter_map(|(i, m)| {
                let date = NaiveDate::from_num_days_from_ce_opt(self.first + i as i32)?;
                let (kind, name) = self.rows.get(*m as usize - 1)?;
                Some(HolidayRow { date, kind: *kind, name: name.clone() })
            })
            .collect()
    }
}

/// A holiday file's errors are listed up to this many, then counted.
pub const MAX_LISTED_ERRORS: usize = 200;

/// The most rest days a year's notice may add beyond Saturdays and Sundays. A real notice adds 13 or
/// fewer (2025); a file marking far more is not a 放假调休 notice.
pub const MAX_EXTRA_REST_DAYS: usize = 40;
/// How far from today's year a holiday file's years may lie.
pub const YEARS_AROUND_TODAY: i32 = 5;

/// Checks holiday rows before they are added (the parser has checked each row's form): every year
/// within ±5 of `today`'s, at most [`MAX_EXTRA_REST_DAYS`] holiday rows on weekdays per year in the
/// calendar they would give (the bundled one plus these rows), no date twice. Returns one message per
/// problem; empty when the rows can be added.
pub fn check_holiday_rows(rows: &[HolidayRow], today: NaiveDate) -> Vec<String> {
    check_holiday_change(&[], rows, today)
}

/// [`check_holiday_rows`] for rows added to those already added (`existing`, the register's): the cap
/// counts what the calendar would hold after the change, so it holds per year however many files,
/// imports or restores bring the rows (issue 22: three files of 40 each were all taken).
pub fn check_holiday_change(existing: &[HolidayRow], rows: &[HolidayRow], today: NaiveDate) -> Vec<String> {
    holiday_problems(existing, rows, today).into_iter().map(|p| p.message).collect()
}

/// A problem of holiday rows, with the year it concerns (`None`: a repeated date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayProblem {
    pub years: Vec<i32>,
    pub message: String,
}

/// The problems of adding `rows` to `existing`, each with the years it concerns.
pub fn holiday_problems(existing: &[HolidayRow], rows: &[HolidayRow], today: NaiveDate) -> Vec<HolidayProblem> {
    let mut out = Vec::new();
    let (lo, hi) = (today.year() - YEARS_AROUND_TODAY, today.year() + YEARS_AROUND_TODAY);
    let mut seen = BTreeSet::new();
    let mut bad_years = BTreeSet::new();
    let mut years = BTreeSet::new();
    for r in rows {
        let y = r.date.year();
        years.insert(y);
        if !(lo..=hi).contains(&y) {
            bad_years.insert(y);
        }
        if !seen.insert(r.date) {
            out.push(HolidayProblem { years: vec![y], message: format!("{} 出现了不止一次", fmt(r.date)) });
        }
    }
    if !bad_years.is_empty() {
        let ys: Vec<String> = bad_years.iter().take(10).map(|y| y.to_string()).collect();
        out.insert(
            0,
            HolidayProblem {
                years: bad_years.iter().copied().collect(),
                message: format!(
                    "年份 {}{} 不在今年前后 {YEARS_AROUND_TODAY} 年（{lo}–{hi}）之内：节假日文件只应包含放假调休通知所涉及的年份",
                    ys.join("、"),
                    if bad_years.len() > 10 { format!(" 等 {} 个年份", bad_years.len()) } else { String::new() }
                ),
            },
        );
    }
    // The calendar after the change: bundled, the rows added before, these rows (replacing by date). Only
    // years in range are counted (the others are refused above, and a century would be slow to walk).
    let mut after = Calendar::bundled();
    after.add_rows(existing);
    after.add_rows(rows);
    for y in years.into_iter().filter(|y| (lo..=hi).contains(y)) {
        let n = after.weekday_holidays(y);
        if n > MAX_EXTRA_REST_DAYS {
            let before = {
                let mut c = Calendar::bundled();
                c.add_rows(existing);
                c.weekday_holidays(y)
            };
            let stacked =
                if before > 0 { format!("（其中 {before} 天是已有的安排）") } else { String::new() };
            out.push(HolidayProblem {
                years: vec![y],
                message: format!(
                    "{y} 年在工作日放假 {n} 天，超过 {MAX_EXTRA_REST_DAYS} 天{stacked}：这不像国务院办公厅的放假调休通知，请检查文件"
                ),
            });
        }
    }
    out
}

/// Adds rows to a list of added rows, a row for a date already there replacing it; sorted by date.
/// Linear in both lists (a map by date, no search per row).
pub fn merge_rows(existing: &mut Vec<HolidayRow>, new: Vec<HolidayRow>) {
    let mut by_date: std::collections::BTreeMap<NaiveDate, HolidayRow> =
        existing.drain(..).map(|r| (r.date, r)).collect();
    for r in new {
        by_date.insert(r.date, r);
    }
    existing.extend(by_date.into_values());
}

/// Reads a holiday file in the `cn-holidays.csv` format (`date,kind,name`, header first).
pub fn parse_holiday_csv(text: &str) -> Result<Vec<HolidayRow>, Vec<RowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut header: Option<[Option<usize>; 3]> = None;
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 1;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError::new(line, "", format!("无法读取：{e}")));
                continue;
            }
        };
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(h) = header else {
            let find = |n: &str| rec.iter().position(|c| c.trim() == n);
            let h = [find("date"), find("kind"), find("name")];
            for (idx, n) in ["date", "kind", "name"].iter().enumerate() {
                if h[idx].is_none() && *n != "name" {
                    errors.push(RowError::new(1, n, "缺少必需列".to_string()));
                }
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            header = Some(h);
            continue;
        };
        let cell = |k: usize| h[k].and_then(|p| rec.get(p)).unwrap_or("").trim();
        let date = match parse_date(cell(0)) {
            Ok(d) => d,
            Err(m) => {
                errors.push(RowError::new(line, "date", m));
                continue;
            }
        };
        let kind = match cell(1) {
            "holiday" => DayMark::Holiday,
            "workday" => DayMark::Workday,
            other => {
                errors.push(RowError::new(line, "kind", format!("「{other}」应为 holiday 或 workday")));
                continue;
            }
        };
        if kind == DayMark::Workday && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            errors.push(RowError::new(
                line,
                "kind",
                format!("{} 是{}，调休上班日应为周六或周日", fmt(date), weekday_zh(date)),
            ));
            continue;
        }
        rows.push(HolidayRow { date, kind, name: cell(2).to_string() });
    }
    if header.is_none() {
        errors.push(RowError::new(1, "date", "文件为空".to_string()));
    }
    if errors.len() > MAX_LISTED_ERRORS {
        let more = errors.len() - MAX_LISTED_ERRORS;
        errors.truncate(MAX_LISTED_ERRORS);
        errors.push(RowError::new(0, "", format!("……另有 {more} 处问题未列出")));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn bundled_covers_2018_to_2026() {
        let c = Calendar::bundled();
        assert_eq!(c.years().collect::<Vec<_>>(), (2018..=2026).collect::<Vec<_>>());
        assert!(!c.covers_year(2027));
        assert_eq!(c.rows().len(), 314);
    }

    #[test]
    fn makeup_workday_is_working_and_holiday_is_rest() {
        let c = Calendar::bundled();
        assert!(c.is_working_day(d("2025-10-11"))); // Sat, 调休
        assert!(c.is_rest_day(d("2025-10-08"))); // Wed, 国庆
        assert!(c.is_rest_day(d("2025-10-12"))); // Sun
        assert!(c.is_working_day(d("2024-02-09"))); // 除夕 2024 is officially a working day
        assert_eq!(c.describe(d("2025-02-04")), "春节");
    }

    #[test]
    fn working_day_file_rejects_weekday_workday() {
        let e = parse_holiday_csv("date,kind,name\n2027-01-04,workday,元旦\n").unwrap_err();
        assert!(e[0].to_string().contains("调休上班日应为周六或周日"), "{}", e[0]);
    }

    #[test]
    fn issue_12_holiday_file_marking_every_day_is_refused() {
        let today = d("2026-11-30");
        let mut rows = Vec::new();
        let mut day = d("2022-01-01");
        while day <= d("2121-12-31") {
            rows.push(HolidayRow { date: day, kind: DayMark::Holiday, name: "假".into() });
            day += Duration::days(1);
        }
        let e = check_holiday_rows(&rows, today);
        assert!(e[0].contains("不在今年前后 5 年（2021–2031）之内"), "{}", e[0]);
        assert!(e.iter().any(|m| m.starts_with("2027 年在工作日放假 261 天")), "{e:?}");
        // A real notice passes.
        let ok = parse_holiday_csv("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节\n").unwrap();
        assert!(check_holiday_rows(&ok, today).is_empty());
        assert!(check_holiday_rows(&Calendar::bundled().rows(), today)[0].contains("2018"));
    }

    #[test]
    fn merge_replaces_by_date_and_sorts() {
        let mut have = parse_holiday_csv("date,kind,name\n2027-01-04,holiday,测试\n2027-01-01,holiday,元旦\n").unwrap();
        let new = parse_holiday_csv("date,kind,name\n2027-01-04,holiday,改\n2027-02-06,workday,春节\n").unwrap();
        merge_rows(&mut have, new);
        assert_eq!(
            have.iter().map(|r| (fmt(r.date), r.name.as_str())).collect::<Vec<_>>(),
            vec![
                ("2027-01-01".to_string(), "元旦"),
                ("2027-01-04".to_string(), "改"),
                ("2027-02-06".to_string(), "春节")
            ]
        );
    }

    #[test]
    fn added_year_becomes_covered() {
        let mut c = Calendar::bundled();
        let rows = parse_holiday_csv("date,kind,name\n2027-01-01,holiday,元旦\n").unwrap();
        c.add_rows(&rows);
        assert!(c.covers_year(2027));
        assert!(c.is_rest_day(d("2027-01-01")));
    }
}
