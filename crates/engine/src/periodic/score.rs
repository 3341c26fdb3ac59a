//! 考核表 scores (第二十八条): "区司法局负责对全区各单位应诉工作进行考核监督，将出庭应诉、支持法院受理和
//! 审理案件、执行法院生效裁判、应诉能力建设情况、落实司法建议及法制建议等情况纳入年度全区依法行政考核体系。"
//!
//! The regulation names the five items but no points: the weights are a local setting
//! ([`crate::Settings::assessment_weights`], default 20 each, total 100), and the page labels them
//! "本地设置，规则未规定分值". Each item's figure comes from [`crate::periodic::assessment`].

use crate::model::{Agency, AgencyType, CaseNo};
use crate::periodic::Assessment;
use crate::rules::Status;

/// One of the five items of 第二十八条.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub name: &'static str,
    /// Column header in the ranking table.
    pub short: &'static str,
    pub basis: &'static str,
}

/// The five items, in the order of 第二十八条.
pub const ITEMS: [Item; 5] = [
    Item { name: "出庭应诉", short: "出庭应诉", basis: "第十七条、第十八条（R18A、R18B）" },
    Item {
        name: "支持法院受理和审理案件", short: "支持受理审理", basis: "第八条、第十四条 答辩举证（R08、R14）"
    },
    Item {
        name: "执行法院生效裁判", short: "执行生效裁判", basis: "第十二条、第二十一条（R12、R21）"
    },
    Item { name: "应诉能力建设", short: "能力建设", basis: "第二十六条（R26）" },
    Item {
        name: "落实司法建议及法制建议", short: "落实建议", basis: "第十三条、第二十二条（R13、R22）"
    },
];

/// One scored item of one agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemScore {
    pub name: &'static str,
    pub basis: &'static str,
    /// The figure as shown: `按时/应完成` (`3/4`), `—` when nothing was due, or a status.
    pub figure: String,
    /// Matters counted as met / missed (the figure opens them).
    pub met: Vec<CaseNo>,
    pub missed: Vec<CaseNo>,
    pub weight: u32,
    /// Score in tenths of a point.
    pub score: u32,
    /// How the score was reached when not by the ratio alone.
    pub note: String,
    /// The item's obligations of the year not judged yet, with their status (not counted).
    pub uncounted: Vec<(CaseNo, Status)>,
}

/// The scored 考核表 of one agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreSheet {
    pub agency: String,
    pub items: Vec<ItemScore>,
    /// Total in tenths of a point.
    pub total: u32,
    /// 1-based rank among the ranked agencies; `None` = not ranked (区司法局 itself by default).
    pub rank: Option<usize>,
}

/// Tenths of a point as text: `18.5`, `20`.
pub fn tenths(t: u32) -> String {
    if t.is_multiple_of(10) {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

/// weight × met / total in tenths, rounded half up (integers only).
fn ratio_score(weight: u32, met: usize, total: usize) -> u32 {
    let num = u64::from(weight) * 10 * met as u64;
    let den = total as u64;
    ((num * 2 + den) / (den * 2)) as u32
}

/// `plus` = (met, missed) counted beside the matters (R18B's yearly verdict).
fn item(
    i: usize,
    weight: u32,
    met: Vec<CaseNo>,
    missed: Vec<CaseNo>,
    plus: (usize, usize),
    extra_note: &str,
    uncounted: Vec<(CaseNo, Status)>,
) -> ItemScore {
    let n_met = met.len() + plus.0;
    let total = n_met + missed.len() + plus.1;
    let (figure, score, mut note) = if total == 0 && uncounted.is_empty() {
        // 解释：nothing was due in the year, so nothing was missed: full points, and the sheet says so.
        ("—".to_string(), weight * 10, "本年度无应考核事项，按满分计".to_string())
    } else if total == 0 {
        // 解释：the agency has such obligations, but none is judged yet (not due, or no date): full points
        // until one is, and the sheet names them — never "无应考核事项" (issue 21).
        ("—".to_string(), weight * 10, format!("本年度尚无可评判的事项，暂按满分计；{}", uncounted_note(&uncounted)))
    } else if uncounted.is_empty() {
        (format!("{n_met}/{total}"), ratio_score(weight, n_met, total), String::new())
    } else {
        (format!("{n_met}/{total}"), ratio_score(weight, n_met, total), uncounted_note(&uncounted))
    };
    if !extra_note.is_empty() {
        if !note.is_empty() {
            note.push('；');
        }
        note.push_str(extra_note);
    }
    ItemScore { name: ITEMS[i].name, basis: ITEMS[i].basis, figure, met, missed, weight, score, note, uncounted }
}

/// `未计入 3 项（待补充 2、久未完成 1）`.
fn uncounted_note(v: &[(CaseNo, Status)]) -> String {
    let mut by: Vec<(Status, usize)> = Vec::new();
    for (_, s) in v {
        match by.iter_mut().find(|(x, _)| x == s) {
            Some(x) => x.1 += 1,
            None => by.push((*s, 1)),
        }
    }
    let parts: Vec<String> = by.iter().map(|(s, n)| format!("{} {n}", s.label())).collect();
    format!("未计入 {} 项（{}），尚未到期或缺少数据", v.len(), parts.join("、"))
}

/// Scores one agency's assessment with the weights of the five items.
///
/// - 出庭应诉: R18A rows (met = done on time), plus R18B as one more row once judged (符合 = met, 违反 =
///   missed; 进行中 and 不适用 are not counted).
/// - 支持法院受理和审理案件: R08/R14 answers filed on time.
/// - 执行法院生效裁判: R12/R21.
/// - 应诉能力建设: R26 符合 → full points, else 0 (an agency missing from the directory scores 0).
/// - 落实司法建议及法制建议: R13/R22.
pub fn score(a: &Assessment, weights: &[u32; 5]) -> ScoreSheet {
    let fig = |rule: &str| a.figures.iter().find(|f| f.rules.split('、').any(|r| r == rule));
    let take = |rule: &str| fig(rule).map(|f| (f.met.clone(), f.missed.clone())).unwrap_or_default();
    let pending = |rule: &str| fig(rule).map(|f| f.uncounted.clone()).unwrap_or_default();

    let (met, missed) = take("R18A");
    let (plus, heads_note) = match a.heads.status {
        Status::Compliant => ((1, 0), "主要负责人年度出庭（第十八条第二款）符合，计为按时一项"),
        Status::Violation => ((0, 1), "主要负责人年度出庭（第十八条第二款）违反，计为未按时一项"),
        _ => ((0, 0), ""),
    };
    let mut items = vec![item(0, weights[0], met, missed, plus, heads_note, pending("R18A"))];
    let (met, missed) = take("R08");
    items.push(item(1, weights[1], met, missed, (0, 0), "", pending("R08")));
    let (met, missed) = take("R12");
    let detail = fig("R12").map(|f| f.detail.clone()).unwrap_or_default();
    items.push(item(2, weights[2], met, missed, (0, 0), &detail, pending("R12")));
    let capacity = match &a.capacity {
        Some((Status::Compliant, _)) => ItemScore {
            figure: "符合".into(),
            score: weights[3] * 10,
            ..item(3, weights[3], vec![], vec![], (0, 0), "", vec![])
        },
        Some((st, why)) => ItemScore {
            figure: st.label().into(),
            score: 0,
            note: why.join("；"),
            ..item(3, weights[3], vec![], vec![], (0, 0), "", vec![])
        },
        None => ItemScore {
            figure: "未登记".into(),
            score: 0,
            note: "机关名录中没有此机关，无法认定应诉保障（第二十六条）".into(),
            ..item(3, weights[3], vec![], vec![], (0, 0), "", vec![])
        },
    };
    items.push(capacity);
    let (met, missed) = take("R13A");
    items.push(item(4, weights[4], met, missed, (0, 0), "", pending("R13A")));
    let total = items.iter().map(|i| i.score).sum();
    ScoreSheet { agency: a.agency.clone(), items, total, rank: None }
}

/// Whether an agency is 区司法局 itself: its directory type says so, or (not in the directory) its name
/// ends with 司法局.
pub fn is_justice_bureau(name: &str, directory: &[Agency]) -> bool {
    match directory.iter().find(|a| a.name.0 == name) {
        Some(a) if a.agency_type.is_some() => a.agency_type == Some(AgencyType::JusticeBureau),
        _ => name.ends_with("司法局"),
    }
}

/// Ranks the sheets by total, highest first (equal totals share a rank: 1, 2, 2, 4) and sorts them so.
/// 区司法局 itself is left out of the ranking (rank `None`, listed last) unless `include_bureau`; 区政府 always.
pub fn rank(sheets: &mut [ScoreSheet], directory: &[Agency], include_bureau: bool) {
    // (r3 §7.9) 区政府's own sheet (its R18B) is shown but never ranked: 第二十八条 assesses the units under it.
    let ranked = |s: &ScoreSheet| {
        (include_bureau || !is_justice_bureau(&s.agency, directory))
            && !crate::names::is_district_gov(&s.agency, directory)
    };
    crate::sort::by(sheets, |a, b| ranked(b).cmp(&ranked(a)).then(b.total.cmp(&a.total)).then(a.agency.cmp(&b.agency)));
    let mut prev: Option<(u32, usize)> = None;
    for (i, s) in sheets.iter_mut().enumerate() {
        if !ranked(s) {
            s.rank = None;
            continue;
        }
        let r = match prev {
            Some((t, r)) if t == s.total => r,
            _ => i + 1,
        };
        s.rank = Some(r);
        prev = Some((s.total, r));
    }
}

/// The line that says where the points come from.
pub fn weights_note(weights: &[u32; 5]) -> String {
    let parts: Vec<String> = ITEMS.iter().zip(weights).map(|(i, w)| format!("{}{}分", i.name, w)).collect();
    format!(
        "分值为本地设置，规则未规定分值：{}，合计{}分。各项得分＝分值×按时完成数/应完成数；本年度无应考核事项的按满分计。",
        parts.join("、"),
        weights.iter().sum::<u32>()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_rounds_half_up_in_tenths() {
        assert_eq!(ratio_score(20, 3, 4), 150);
        assert_eq!(ratio_score(20, 1, 3), 67); // 6.666… → 6.7
        assert_eq!(ratio_score(20, 2, 3), 133);
        assert_eq!(tenths(150), "15");
        assert_eq!(tenths(67), "6.7");
    }
}
