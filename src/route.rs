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

/// Which WebAssembly module holds a page's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    /// The page's own module, loaded every morning: 总览, 日程, 案件 and the case form.
    Page,
    /// The second module, fetched the first time one of its pages is opened (see `crate::more`).
    More,
}

/// What identifies a page: its address (`#/slug`), its title, and the module holding its view.
pub struct PageInfo {
    pub slug: &'static str,
    pub title: &'static str,
    pub home: Home,
}

impl Page {
    /// The one table of pages: slug, title, module. The views are in `crate::pages::view` and
    /// `crate::pages::more_view`, whose matches are exhaustive, so a page added here cannot be missing
    /// from either at run time.
    pub fn info(&self) -> PageInfo {
        let (slug, title, home) = match self {
            Page::Overview => ("", "总览", Home::Page),
            Page::Schedule => ("schedule", "日程", Home::Page),
            Page::Cases => ("cases", "案件", Home::Page),
            Page::Case(None) => ("case", "新建案件", Home::Page),
            Page::Case(Some(_)) => ("case", "案件详情", Home::Page),
            Page::Agencies => ("agencies", "机关名录", Home::More),
            Page::Exchange => ("exchange", "导入导出", Home::More),
            Page::Reports => ("reports", "报表", Home::More),
            Page::Settings => ("settings", "设置", Home::More),
            Page::Rules => ("rules", "规则", Home::More),
            Page::SelfTest => ("selftest", "规则核验", Home::More),
            Page::NotFound(_) => ("", "页面不存在", Home::Page),
        };
        PageInfo { slug, title, home }
    }

    /// The pages without a parameter, in the table's order (what a slug can name).
    pub const PLAIN: &'static [Page] = &[
        Page::Overview,
        Page::Schedule,
        Page::Cases,
        Page::Agencies,
        Page::Exchange,
        Page::Reports,
        Page::Settings,
        Page::Rules,
        Page::SelfTest,
    ];

    /// Reads `location.hash`.
    pub fn parse(hash: &str) -> Page {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let (head, rest) = h.split_once('/').unwrap_or((h, ""));
        match (head, rest) {
            ("overview", "") => Page::Overview,
            ("case", "new") => Page::Case(None),
            ("case", key) if !key.is_empty() => Page::Case(Some(decode(key))),
            (slug, "") => Page::from_slug(slug).unwrap_or_else(|| Page::NotFound(decode(h))),
            _ => Page::NotFound(decode(h)),
        }
    }

    /// A page without a parameter, by its slug (the second module is asked for a page this way).
    pub fn from_slug(slug: &str) -> Option<Page> {
        Page::PLAIN.iter().find(|p| p.slug() == slug).cloned()
    }

    pub fn slug(&self) -> &'static str {
        self.info().slug
    }

    pub fn title(&self) -> &'static str {
        self.info().title
    }

    pub fn home(&self) -> Home {
        self.info().home
    }

    /// The `href` of the page.
    pub fn href(&self) -> String {
        match self {
            Page::Case(None) => "#/case/new".into(),
            Page::Case(Some(k)) => format!("#/case/{}", encode(k)),
            Page::NotFound(_) => "#/".into(),
            p => format!("#/{}", p.slug()),
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
        assert_eq!(Page::parse("#/overview"), Page::Overview);
        for p in Page::PLAIN {
            assert_eq!(Page::parse(&p.href()), *p);
            assert_eq!(Page::from_slug(p.slug()).as_ref(), Some(p));
        }
        assert!(matches!(Page::parse("#/nowhere"), Page::NotFound(_)));
        assert_eq!(decode("%E4%B8%AD%"), "中%");
    }
}
