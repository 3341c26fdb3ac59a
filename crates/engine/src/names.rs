//! Recognising 区司法局 and 区政府 by name (RULES.md §7.4): wherever an agency must be recognised as one of
//! them — R05's check, 区司法局 as its own 应诉承办机关, 责任主体 (§6.13), per-agency counts (§7.24), R18B of
//! 区政府 itself (§7.9) — a name containing 司法局 (北京市通州区司法局, 通州区司法局, 区司法局), or the 机关名录
//! entry whose 机关类型 is 区司法局, counts; for 区政府 a name ending in 区人民政府 or 区政府, or the entry of
//! 机关类型 区政府.

use crate::model::{Agency, AgencyType};

/// What [`key`] names every 区司法局 by.
pub const BUREAU: &str = "区司法局";
/// What [`key`] names every 区政府 by.
pub const DISTRICT_GOV: &str = "区政府";

fn typed(name: &str, dir: &[Agency], t: AgencyType) -> bool {
    dir.iter().any(|a| a.name.0.trim() == name && a.agency_type == Some(t))
}

/// Whether `name` is 区司法局 (§7.4).
pub fn is_bureau(name: &str, dir: &[Agency]) -> bool {
    let n = name.trim();
    !n.is_empty() && (n.contains("司法局") || typed(n, dir, AgencyType::JusticeBureau))
}

/// Whether `name` is 区政府 (§7.4).
pub fn is_district_gov(name: &str, dir: &[Agency]) -> bool {
    let n = name.trim();
    !n.is_empty() && (n.ends_with("区人民政府") || n.ends_with("区政府") || typed(n, dir, AgencyType::DistrictGov))
}

/// The key an agency is counted under: every spelling of 区司法局 is [`BUREAU`], of 区政府 [`DISTRICT_GOV`],
/// any other name itself (trimmed).
pub fn key<'a>(name: &'a str, dir: &[Agency]) -> &'a str {
    if is_bureau(name, dir) {
        BUREAU
    } else if is_district_gov(name, dir) {
        DISTRICT_GOV
    } else {
        name.trim()
    }
}

/// Whether two names are the same agency under [`key`].
pub fn same(a: &str, b: &str, dir: &[Agency]) -> bool {
    key(a, dir) == key(b, dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art_05_r3_bureau_and_government_by_name() {
        for n in ["北京市通州区司法局", "通州区司法局", "区司法局"] {
            assert!(is_bureau(n, &[]), "{n}");
            assert_eq!(key(n, &[]), BUREAU);
        }
        for n in ["北京市通州区人民政府", "通州区政府", "区政府"] {
            assert!(is_district_gov(n, &[]), "{n}");
        }
        assert!(!is_bureau("区城管委", &[]));
        let dir = vec![Agency {
            name: crate::model::AgencyName("法治办".into()),
            agency_type: Some(AgencyType::JusticeBureau),
            ..Agency::default()
        }];
        assert!(is_bureau("法治办", &dir));
        assert!(same("法治办", "北京市通州区司法局", &dir));
    }
}
