//! Pages are addressed by the URL's hash (`#/case/（2025）京0112行初1号`), so every page survives a
//! reload on a plain file server (IIS share, `python -m http.server`) with no rewrite rules.

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// 总览 (the default).
    Overview,
    /// 日程: hearings, due dates and report dates of the coming week or month, by day.
    Schedule,
    Cases,
    /// A matter's page; `None` = a new matter.
    Case(Option<String>),
    Agencies,
    Exchange,
    Reports,
    Settings,
    Rules,
    SelfTest,
    NotFound(String),
}

impl Page {
    /// Reads `location.hash`.
    pub fn parse(hash: &str) -> Page {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let (head, rest) = h.split_once('/').unwrap_or((h, ""));
        match (head, rest) {
            ("", _) | ("overview", "") => Page::Overview,
            ("schedule", "") => Page::Schedule,
            ("cases", "") => Page::Cases,
            ("case", "new") => Page::Case(None),
            ("case", key) if !key.is_empty() => Page::Case(Some(decode(key))),
            ("agencies", "") => Page::Agencies,
            ("exchange", "") => Page::Exchange,
            ("reports", "") => Page::Reports,
            ("settings", "") => Page::Settings,
            ("rules", "") => Page::Rules,
            ("selftest", "") => Page::SelfTest,
            _ => Page::NotFound(decode(h)),
        }
    }

    /// The `href` of the page.
    pub fn href(&self) -> String {
        match self {
            Page::Overview => "#/".into(),
            Page::Schedule => "#/schedule".into(),
            Page::Cases => "#/cases".into(),
            Page::Case(None) => "#/case/new".into(),
            Page::Case(Some(k)) => format!("#/case/{}", encode(k)),
            Page::Agencies => "#/agencies".into(),
            Page::Exchange => "#/exchange".into(),
            Page::Reports => "#/reports".into(),
            Page::Settings => "#/settings".into(),
            Page::Rules => "#/rules".into(),
            Page::SelfTest => "#/selftest".into(),
            Page::NotFound(_) => "#/".into(),
        }
    }

    pub fn title(&self) -> &'static str {
        match self {
            Page::Overview => "总览",
            Page::Schedule => "日程",
            Page::Cases => "案件",
            Page::Case(None) => "新建案件",
            Page::Case(Some(_)) => "案件详情",
            Page::Agencies => "机关名录",
            Page::Exchange => "导入导出",
            Page::Reports => "报表",
            Page::Settings => "设置",
            Page::Rules => "规则",
            Page::SelfTest => "规则核验",
            Page::NotFound(_) => "页面不存在",
        }
    }
}

/// Percent-encodes everything but unreserved ASCII (案号 hold brackets, Chinese and spaces).
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`encode`]; invalid escapes are kept as written.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_with_chinese_case_numbers() {
        for p in [
            Page::Overview,
            Page::Schedule,
            Page::Cases,
            Page::Case(None),
            Page::Case(Some("（2025）京0112行初1号 甲/乙".into())),
            Page::Agencies,
            Page::Settings,
            Page::Rules,
            Page::SelfTest,
        ] {
            assert_eq!(Page::parse(&p.href()), p);
        }
        assert_eq!(Page::parse(""), Page::Overview);
        assert!(matches!(Page::parse("#/nowhere"), Page::NotFound(_)));
        assert_eq!(decode("%E4%B8%AD%"), "中%");
    }
}
