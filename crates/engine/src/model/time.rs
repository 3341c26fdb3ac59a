//! 开庭时间 (r3, RULES.md §7.23, CSV.md): a time of day, read in the forms a spreadsheet writes back.

use super::{Cell, Kind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// 开庭时间 (r3 §7.23): a time of day, written `HH:MM` (24 h).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TimeOfDay(pub u16);

impl TimeOfDay {
    /// From hours and minutes (`None` out of range).
    pub fn hm(h: u32, m: u32) -> Option<TimeOfDay> {
        (h < 24 && m < 60).then(|| TimeOfDay((h * 60 + m) as u16))
    }
    pub fn hour(self) -> u32 {
        u32::from(self.0) / 60
    }
    pub fn minute(self) -> u32 {
        u32::from(self.0) % 60
    }
    /// Minutes since midnight.
    pub fn minutes(self) -> i32 {
        i32::from(self.0)
    }

    /// Reads `HH:MM`, `H:MM`, `HH:MM:SS`, and what a spreadsheet writes back after re-saving (CSV.md):
    /// `09:30:00 AM` / `02:00:00 PM`, `上午9:30` / `下午2:00`, a day fraction (`0.395833` = 09:30).
    /// Full-width `：` is read as `:`.
    pub fn parse(raw: &str) -> Result<TimeOfDay, String> {
        let bad = || {
            format!(
                "「{raw}」不是有效时间（应为 HH:MM，24小时制，如 09:30；也接受 9:30、09:30:00、09:30:00 AM、上午9:30）"
            )
        };
        let s = raw.trim().replace('：', ":");
        // A day fraction, as a spreadsheet stores a time: 0 ≤ x < 1.
        if let Some(frac) = s.strip_prefix("0.").filter(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit())) {
            let x: f64 = format!("0.{frac}").parse().map_err(|_| bad())?;
            let mins = (x * 1440.0).round() as u32;
            return TimeOfDay::hm(mins / 60 % 24, mins % 60).ok_or_else(bad);
        }
        let (mut pm, mut am) = (false, false);
        let mut t = s.as_str();
        for (p, is_pm) in [("上午", false), ("下午", true), ("晚上", true), ("中午", false)] {
            if let Some(r) = t.strip_prefix(p) {
                t = r.trim();
                if is_pm {
                    pm = true
                } else {
                    am = true
                }
            }
        }
        let upper = t.to_ascii_uppercase();
        let mut u = upper.trim();
        if let Some(r) = u.strip_suffix("PM") {
            u = r.trim();
            pm = true;
        } else if let Some(r) = u.strip_suffix("AM") {
            u = r.trim();
            am = true;
        }
        let parts: Vec<&str> = u.split(':').collect();
        if !(2..=3).contains(&parts.len()) {
            return Err(bad());
        }
        let num = |p: &str, max_len: usize| -> Option<u32> {
            (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let h = num(parts[0], 2).ok_or_else(bad)?;
        let m = num(parts[1], 2).filter(|_| parts[1].len() == 2).ok_or_else(bad)?;
        if parts.len() == 3 {
            num(parts[2], 2).filter(|s| *s < 60 && parts[2].len() == 2).ok_or_else(bad)?;
        }
        let h = if pm || am {
            match (h, pm) {
                (1..=11, true) => h + 12,
                (12, true) | (1..=11, false) => h,
                (12, false) => 0,
                // 下午14:00 and the like: a 24-hour time with a redundant marker.
                (13..=23, true) => h,
                _ => return Err(bad()),
            }
        } else {
            h
        };
        TimeOfDay::hm(h, m).ok_or_else(bad)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Cell for Option<TimeOfDay> {
    const KIND: Kind = Kind::Time;
    fn parse_cell(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            TimeOfDay::parse(s).map(Some)
        }
    }
    fn format_cell(&self) -> String {
        self.map(|t| t.to_string()).unwrap_or_default()
    }
}
