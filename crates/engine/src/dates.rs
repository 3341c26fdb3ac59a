//! Date cells as CSV.md accepts them: `YYYY-MM-DD` (two-digit month and day), `YYYY/M/D`, `YYYY.M.D`,
//! `YYYY年M月D日` (one or two digits) and Excel serial day numbers 1..=2958465 counted from 1899-12-30.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The first date a cell may hold: 1949-10-01.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1949, 10, 1) {
    Some(d) => d,
    None => panic!("valid constant date"),
};
/// The last date a cell may hold: 2099-12-31 (a due date then stays within four-digit years).
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2099, 12, 31) {
    Some(d) => d,
    None => panic!("valid constant date"),
};

/// Reads one date cell (already trimmed). The error is the message for `第N行「列名」：…`. Only dates
/// within [`MIN_DATE`] … [`MAX_DATE`] are taken: `9999-12-31` would put a due date in year 10000.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let d = parse_date_any(s)?;
    if d < MIN_DATE || d > MAX_DATE {
        return Err(format!("「{s}」超出可接受的日期范围（1949-10-01 至 2099-12-31）"));
    }
    Ok(d)
}

/// [`parse_date`] without the range check (reading what older versions stored).
pub fn parse_date_any(s: &str) -> Result<NaiveDate, String> {
    // Fast path for the canonical form, which is nearly every cell of an exported file.
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let num = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
        };
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| format!("「{s}」不是存在的日期"));
        }
    }
    let bad =
        || format!("「{s}」不是有效日期（应为 YYYY-MM-DD，也接受 YYYY/M/D、YYYY.M.D、YYYY年M月D日或 Excel 日期序号）");
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        let n: u32 = s.parse().map_err(|_| bad())?;
        if !(1..=2_958_465).contains(&n) {
            return Err(bad());
        }
        return Ok(excel_epoch() + Duration::days(i64::from(n)));
    }
    let (parts, two_digit) = if let Some(rest) = s.strip_suffix('日') {
        let (y, rest) = rest.split_once('年').ok_or_else(bad)?;
        let (m, d) = rest.split_once('月').ok_or_else(bad)?;
        ([y, m, d], false)
    } else if s.contains('-') {
        (split3(s, '-').ok_or_else(bad)?, true)
    } else if s.contains('/') {
        (split3(s, '/').ok_or_else(bad)?, false)
    } else if s.contains('.') {
        (split3(s, '.').ok_or_else(bad)?, false)
    } else {
        return Err(bad());
    };
    let [y, m, d] = parts;
    let digits =
        |p: &str, min: usize, max: usize| p.len() >= min && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit());
    let (mmin, mmax) = if two_digit { (2, 2) } else { (1, 2) };
    if !digits(y, 4, 4) || !digits(m, mmin, mmax) || !digits(d, mmin, mmax) {
        return Err(bad());
    }
    let (y, m, d) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("「{s}」不是存在的日期"))
}

fn split3(s: &str, sep: char) -> Option<[&str; 3]> {
    let mut it = s.split(sep);
    let out = [it.next()?, it.next()?, it.next()?];
    it.next().is_none().then_some(out)
}

fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid constant date")
}

/// `YYYY-MM-DD`. Written by hand: chrono's strftime machinery is ~40 KB of the browser build, and
/// the formatting machinery was most of the time spent evaluating a register.
pub fn fmt(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, d);
    s
}

/// Appends `YYYY-MM-DD`.
pub fn push_date(buf: &mut String, d: NaiveDate) {
    push_padded(buf, d.year().max(0) as u64, 4);
    buf.push('-');
    push_padded(buf, u64::from(d.month()), 2);
    buf.push('-');
    push_padded(buf, u64::from(d.day()), 2);
}

/// Appends a number with at least `width` digits.
pub fn push_padded(buf: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = i.min(digits.len() - width);
    buf.push_str(std::str::from_utf8(&digits[start..]).expect("ASCII digits"));
}

/// `YYYYMMDD` (iCalendar dates).
pub fn compact(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// 星期一 … 星期日.
pub fn weekday_zh(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

/// The same day `months` months later; the month's last day where it has no such day
/// (民法典第二百零二条). Returns the date and whether it was clamped to the month end.
pub fn add_months(d: NaiveDate, months: u32) -> (NaiveDate, bool) {
    let total = d.year() * 12 + d.month0() as i32 + months as i32;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    match NaiveDate::from_ymd_opt(y, m, d.day()) {
        Some(x) => (x, false),
        None => {
            let first_next =
                if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
            (first_next.expect("valid month start") - Duration::days(1), true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn accepts_every_csv_md_form() {
        for s in ["2025-01-21", "2025/1/21", "2025/01/21", "2025.1.21", "2025年1月21日", "45678"] {
            assert_eq!(parse_date(s), Ok(d("2025-01-21")), "{s}");
        }
    }

    #[test]
    fn rejects_loose_iso_and_nonsense() {
        for s in
            ["2025-1-21", "2025-02-30", "21/01/2025", "0", "2958466", "2025/1/21/3", "明天", "2025年1月", "20250121x"]
        {
            assert!(parse_date(s).is_err(), "{s}");
        }
    }

    #[test]
    fn excel_serial_bounds() {
        assert_eq!(parse_date_any("1"), Ok(d("1899-12-31")));
        assert_eq!(parse_date_any("2958465"), Ok(d("9999-12-31")));
    }

    #[test]
    fn issue_12_dates_only_within_1949_10_01_and_2099_12_31() {
        assert_eq!(parse_date("1949-10-01"), Ok(d("1949-10-01")));
        assert_eq!(parse_date("2099-12-31"), Ok(d("2099-12-31")));
        for s in ["9999-12-31", "2100-01-01", "1949-09-30", "1", "2958465", "0001/1/1"] {
            let e = parse_date(s).unwrap_err();
            assert!(e.contains("超出可接受的日期范围") || e.contains("不是有效日期"), "{s}: {e}");
        }
    }

    #[test]
    fn month_end_clamps() {
        assert_eq!(add_months(d("2025-12-31"), 2), (d("2026-02-28"), true));
        assert_eq!(add_months(d("2023-12-31"), 2), (d("2024-02-29"), true));
        assert_eq!(add_months(d("2025-01-15"), 2), (d("2025-03-15"), false));
        assert_eq!(add_months(d("2025-11-30"), 2), (d("2026-01-30"), false));
    }
}

/// Serde for `NaiveDate` as `YYYY-MM-DD` through [`fmt`] and [`parse_date`] (chrono's own impls pull in
/// its strftime machinery). Use with `#[serde(with = "crate::dates::ymd")]`.
pub mod ymd {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::fmt(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_date_any(&s).map_err(serde::de::Error::custom)
    }
}

/// Serde for an optional `YYYY-MM-DD` date (settings: 开始使用日期).
pub mod opt_ymd {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&super::fmt(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(s) if !s.is_empty() => super::parse_date_any(&s).map(Some).map_err(serde::de::Error::custom),
            _ => Ok(None),
        }
    }
}
