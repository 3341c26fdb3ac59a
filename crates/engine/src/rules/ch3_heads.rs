//! Heads at hearings, for every defendant (RULES.md §6.3): 第十七条 (R17, who is a 行政机关负责人, §6.15 with
//! (r3 §7.5) compound and (§7.6) co-defendant titles), 第十八条第一款 (R18A), 第十九条 (R19 出庭准备, (r3 §7.22)
//! R19B 发表意见), and (r3 §7.20) 行政复议法第五十一条 (R18C, the 被申请人's head at a 复议听证).

use super::{Ctx, RuleId, Status, Term};
use crate::dates::fmt;
use crate::model::{CaseType, Column, Defendant, Matter};
use crate::period::Period;
use crate::zh::zh_enum;
use chrono::NaiveDate;

zh_enum!(
    no_default:
    /// How 出庭负责人职务 is classified (RULES.md §6.15).
    HeadClass {
        /// 正职: the only class that counts as 主要负责人 (R18B, 主要负责人出庭).
        Principal = "正职",
        /// 副职.
        Deputy = "副职",
        /// 分管副职 (参与分管被诉行政行为实施工作的副职级别的负责人).
        DeputyInCharge = "分管副职",
        /// 其他分管负责人.
        OtherInCharge = "其他分管负责人",
        /// Not a 行政机关负责人 (第十七条): R17 违反.
        NotHead = "非负责人",
        /// Cannot be decided from the title: R17 待补充.
        Unknown = "无法认定",
    }
);

impl HeadClass {
    /// One of the four kinds of 行政机关负责人 of 第十七条第二款.
    pub fn is_head(self) -> bool {
        matches!(self, HeadClass::Principal | HeadClass::Deputy | HeadClass::DeputyInCharge | HeadClass::OtherInCharge)
    }
    /// (r3 §7.5) 正职 > 副职 > 分管副职 > 其他分管负责人 > 无法认定 > 非负责人.
    fn rank(self) -> u8 {
        match self {
            HeadClass::Principal => 5,
            HeadClass::Deputy => 4,
            HeadClass::DeputyInCharge => 3,
            HeadClass::OtherInCharge => 2,
            HeadClass::Unknown => 1,
            HeadClass::NotHead => 0,
        }
    }
    fn stated(s: &str) -> Option<HeadClass> {
        match s {
            "正职" => Some(HeadClass::Principal),
            "副职" => Some(HeadClass::Deputy),
            "分管副职" => Some(HeadClass::DeputyInCharge),
            "其他分管负责人" => Some(HeadClass::OtherInCharge),
            _ => None,
        }
    }
}

/// Titles that are never a 行政机关负责人 (§6.15 (b)).
const NOT_HEAD: &[&str] = &[
    "科长",
    "股长",
    "科员",
    "处长",
    "工作人员",
    "律师",
    "法律顾问",
    "干部",
    "经办人",
    "办公室主任",
    "村委会",
    "居委会",
    "村主任",
];

/// The reason a 区政府 matter refuses another agency's head.
pub const LOWER_AGENCY_HEAD: &str = "下级行政机关的负责人不能作为被诉行政机关负责人出庭（法释〔2020〕3号第二条）";

/// (r3 §7.6) the 说明 of a co-defendant's head accepted for a 区政府 matter.
pub const CO_DEFENDANT_HEAD: &str = "共同被告（原行政行为机关）负责人出庭（法释〔2020〕3号第三条）";

/// The classification of 出庭负责人职务 with what decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadVerdict {
    pub class: HeadClass,
    /// 说明 (e.g. `「镇党委副书记、镇长」按「镇长」认定为正职`).
    pub why: String,
    /// (r3 §7.6) the head is the co-defendant 原行政行为机关's, not 区政府's: never 区政府's 主要负责人 (R18B), and
    /// counted as 负责人出庭, not 主要负责人出庭.
    pub co_defendant: bool,
}

impl HeadVerdict {
    /// A 主要负责人 of the defendant itself (R18B, 主要负责人出庭).
    pub fn principal(&self) -> bool {
        self.class == HeadClass::Principal && !self.co_defendant
    }
}

/// §6.15 (b)–(f) on one segment, for a defendant named `agency` (the own-head exception of (b)).
fn by_words(seg: &str, agency: &str) -> HeadClass {
    let heads_itself = (agency.ends_with("办公室") && seg.ends_with("办公室主任"))
        || ((agency.ends_with("村民委员会") || agency.ends_with("居民委员会"))
            && ["村委会主任", "居委会主任", "村主任"].iter().any(|t| seg.ends_with(t)))
        || (agency.ends_with('处') && seg.ends_with("处长"));
    if !heads_itself && NOT_HEAD.iter().any(|w| seg.contains(w)) {
        HeadClass::NotHead
    } else if seg.contains("分管") {
        HeadClass::OtherInCharge
    } else if seg.contains('副') && (seg.ends_with('长') || seg.ends_with("主任")) {
        HeadClass::Deputy
    } else if !seg.contains('副') && ["局长", "区长", "镇长", "乡长", "主任", "处长"].iter().any(|t| seg.ends_with(t))
    {
        // 处长 reaches here only when it heads the defendant (a 处) itself.
        HeadClass::Principal
    } else {
        HeadClass::Unknown
    }
}

/// One segment: (class, co-defendant head, refused as a lower agency's head).
fn segment(seg: &str, m: &Matter) -> (HeadClass, bool, bool) {
    // (a) the clerk states the category for the defendant: taken as it is.
    if let Some(c) = HeadClass::stated(seg) {
        return (c, false, false);
    }
    if m.defendant == Defendant::DistrictGov && !seg.contains("区长") {
        // (r3 §7.6, §7.25) co-defendants may agree which head appears (法释〔2020〕3号第三条): whenever 复议共同被告 = 是.
        if m.joint_defendant {
            let own = if m.original_agency.trim().is_empty() { m.agency_name() } else { m.original_agency.trim() };
            return (by_words(seg, own), true, false);
        }
        return (HeadClass::NotHead, false, true);
    }
    (by_words(seg, m.agency_name()), false, false)
}

/// Splits a title at 、 ， , ； ; / and spaces (U+3000 included, §7.25).
fn segments(title: &str) -> Vec<&str> {
    title.split(|c: char| "、，,；;/".contains(c) || c.is_whitespace()).filter(|s| !s.is_empty()).collect()
}

/// Classifies 出庭负责人职务 (RULES.md §6.15, (r3) §7.5, §7.6). 解释：the order (a)–(f) is the spec's; for 区政府
/// as defendant only 区政府's own heads (titles with 区长) count (法释〔2020〕3号第二条), or, in a 复议共同被告 case,
/// the co-defendant's (第三条).
pub fn classify_title(m: &Matter) -> HeadVerdict {
    let title = m.head_title.trim_matches(|c: char| c.is_whitespace());
    if let Some(c) = HeadClass::stated(title) {
        return HeadVerdict {
            class: c, why: format!("职务「{title}」为第十七条所列负责人类别"), co_defendant: false
        };
    }
    if title.is_empty() {
        return HeadVerdict {
            class: HeadClass::Unknown,
            why: "未填写职务，无法认定；请填写正职、副职、分管副职或其他分管负责人".into(),
            co_defendant: false,
        };
    }
    let all = segments(title);
    // (r3 §7.5) party posts (书记, 委员) are dropped unless nothing else remains.
    let offices: Vec<&str> = all.iter().copied().filter(|s| !s.contains("书记") && !s.contains("委员")).collect();
    let segs = if offices.is_empty() { all.clone() } else { offices };
    let mut best: Option<(&str, (HeadClass, bool, bool))> = None;
    for s in &segs {
        let v = segment(s, m);
        let better = match best {
            None => true,
            // A tie between a 区政府 head and a co-defendant head names the 区政府 head (§7.25).
            Some((_, b)) => v.0.rank() > b.0.rank() || (v.0.rank() == b.0.rank() && b.1 && !v.1),
        };
        if better {
            best = Some((s, v));
        }
    }
    let (seg, (class, co_defendant, lower)) = best.expect("a non-empty title has a segment");
    let named = if all.len() > 1 { format!("「{title}」按「{seg}」") } else { format!("「{title}」") };
    let mut why = match class {
        _ if lower => format!("职务{named}：{LOWER_AGENCY_HEAD}"),
        HeadClass::NotHead => format!("{named}不属于第十七条所称行政机关负责人"),
        HeadClass::Unknown => format!("职务「{title}」无法认定，请改为正职、副职、分管副职或其他分管负责人"),
        c if all.len() > 1 => format!("{named}认定为{}", c.label()),
        c => format!("{named}按{}认定", c.label()),
    };
    if co_defendant && class.is_head() {
        why.push('；');
        why.push_str(CO_DEFENDANT_HEAD);
    }
    HeadVerdict { class, why, co_defendant }
}

/// [`classify_title`] as (class, 说明).
pub fn classify_head(m: &Matter) -> (HeadClass, String) {
    let v = classify_title(m);
    (v.class, v.why)
}

/// 第十七条, 第十八条第一款, 第十九条 and 行政复议法第五十一条, for both defendant types.
pub(crate) fn heads(cx: &mut Ctx) {
    let m = cx.m;
    let head = m.head_name.trim();
    let civil = m.case_type == CaseType::Civil;
    let (class, how) = classify_head(m);
    // 第十七条第二款：行政机关负责人包括行政机关的正职、副职负责人、参与分管……的负责人以及其他参与分管的负责人。
    // (r3 §7.17) not in a 民事诉讼: whoever represents the agency there is not a 出庭负责人 of 第十七条.
    if !head.is_empty() && !civil {
        let (status, fill) = match class {
            c if c.is_head() => (Status::Compliant, None),
            HeadClass::NotHead => (Status::Violation, None),
            _ => (Status::MissingData, Some(Column::HeadTitle)),
        };
        let verdict = match status {
            Status::Compliant => "属于第十七条所称行政机关负责人",
            Status::Violation => "不能计为行政机关负责人出庭",
            _ => "待补充职务",
        };
        cx.verdict(RuleId::R17, status, format!("出庭负责人{head}：{how}；{verdict}"), fill);
    }

    // 第十八条第一款：……重大公共利益、社会高度关注或者可能引发群体性事件等案件以及检察机关提起的行政公益诉讼案件等必须出庭应诉。
    // (r2) also 法院书面建议负责人出庭 (行诉解释第一百二十九条); never for a 书面审理 复议 (no hearing).
    let reasons: Vec<&str> = [
        (m.public_interest, "重大公共利益"),
        (m.high_attention, "社会高度关注"),
        (m.mass_incident, "群体性事件"),
        (m.court_asked_head, "法院书面建议负责人出庭（行诉解释第一百二十九条）"),
        (m.case_type == CaseType::PublicInterest, "行政公益诉讼"),
    ]
    .into_iter()
    .filter_map(|(b, s)| b.then_some(s))
    .collect();
    let r18a = !reasons.is_empty() && !civil && !m.written_review;
    if r18a {
        r18a_row(cx, &reasons, class);
    }
    // (r3 §7.20) 行政复议法第五十一条: a 复议听证 under the new law, where R18A does not already apply.
    let new_law = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid constant date");
    if m.case_type == CaseType::Reconsideration && !m.written_review && !r18a && m.hearing.is_some_and(|h| h >= new_law)
    {
        r18c(cx, class);
    }

    // 第十九条：行政机关负责人出庭应诉前应当做好出庭准备，熟悉案情…… (r2; (r3 §7.25) not in a 民事诉讼)
    if m.hearing.is_some() && (r18a || !head.is_empty()) && !m.written_review && !civil {
        r19(cx);
    }
    // ……并在庭审中就案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项等问题发表意见。 (r3 §7.22)
    if !head.is_empty() && class.is_head() && !m.written_review && !civil && m.hearing.is_some_and(|h| h < cx.today) {
        r19b(cx);
    }
}

/// R18A (§6.4, r2): due = 开庭日; done only with a head R17 accepts and the hearing not in the future; after
/// the hearing never 已逾期: 违反 without an accepted head, 待补充 when the head's 职务 cannot be classified.
fn r18a_row(cx: &mut Ctx, reasons: &[&str], class: HeadClass) {
    let m = cx.m;
    let today = cx.today;
    let head = m.head_name.trim();
    let accepted = !head.is_empty() && class.is_head();
    let done = m.hearing.filter(|h| accepted && *h <= today);
    let co = accepted && classify_title(m).co_defendant;
    let o = cx.deadline(
        RuleId::R18A,
        (Column::Hearing, m.hearing),
        Term::Statutory(Period::Given(m.hearing.unwrap_or(today), crate::form::label(Column::Hearing, m)), ""),
        (Column::Hearing, done),
    );
    o.done_column = Some(Column::HeadName);
    let mut why = format!("必须出庭的情形：{}", reasons.join("、"));
    let Some(h) = m.hearing else {
        o.explanation = format!("缺少「{}」，无法确定出庭期限；{why}", crate::form::label(Column::Hearing, m));
        return;
    };
    why.push_str(&format!("；期限为开庭日 {}", fmt(h)));
    let title = m.head_title.trim();
    if h > today {
        if accepted {
            why.push_str(&format!("；已安排{head}（{title}）出庭"));
        } else if !head.is_empty() {
            why.push_str("；记录的出庭负责人不符合第十七条或职务待补充，不计为负责人出庭");
        } else {
            why.push_str("；尚未记录出庭负责人");
        }
    } else if accepted {
        // Issue 21: a date passing does not make a planned head 已出庭; 负责人发言 recorded (§7.22) confirms it.
        why.push_str(&match (m.head_spoke, h < today) {
            (Some(_), _) => format!("；{head}（{title}）已出庭"),
            (None, false) => format!("；今日开庭，已安排{head}（{title}）出庭"),
            (None, true) => {
                format!("；已安排{head}（{title}）出庭，开庭后尚未确认：请确认是否出庭并填写「负责人发言」")
            }
        });
    } else if h < today {
        // 解释 (r2): the hearing is over; a missing record is not "overdue" but a breach or a gap.
        if !head.is_empty() && class == HeadClass::Unknown {
            o.status = Status::MissingData;
            o.fill = Some(Column::HeadTitle);
            why.push_str(&format!(
                "；出庭负责人{head}的职务无法认定，请补充职务（正职、副职、分管副职或其他分管负责人）"
            ));
        } else {
            o.status = Status::Violation;
            why.push_str("；开庭日已过，未记录符合第十七条的出庭负责人；如已出庭请补录（负责人确因正当理由不能出庭的，应向法院提交情况说明，法释〔2020〕3号第九条）");
        }
    } else if !head.is_empty() {
        why.push_str("；记录的出庭负责人不符合第十七条或职务待补充，不计为负责人出庭");
    } else {
        why.push_str("；今日开庭，尚未记录出庭负责人");
    }
    if co {
        why.push('；');
        why.push_str(CO_DEFENDANT_HEAD);
    }
    o.explanation = why;
}

/// R18C (r3 §7.20, 行政复议法第五十一条：被申请人的负责人应当参加听证；不能参加的，应当说明理由并委托相应的工作人员参加):
/// due = 开庭日; after it a head R17 accepts → 已完成, anyone else (none, 非负责人, 无法认定) → 提示, never 违反: the law
/// allows a stated reason. On the day itself the status follows the date.
fn r18c(cx: &mut Ctx, class: HeadClass) {
    let m = cx.m;
    let today = cx.today;
    let Some(h) = m.hearing else { return };
    let head = m.head_name.trim();
    let accepted = !head.is_empty() && class.is_head();
    let done = Some(h).filter(|h| accepted && *h <= today);
    let o = cx.deadline(
        RuleId::R18C,
        (Column::Hearing, Some(h)),
        Term::Statutory(Period::Given(h, crate::form::label(Column::Hearing, m)), ""),
        (Column::Hearing, done),
    );
    o.done_column = Some(Column::HeadName);
    let title = m.head_title.trim();
    o.explanation = format!("行政复议听证日 {}", fmt(h));
    if accepted && (m.head_spoke.is_some() || h >= today) {
        let planned = if m.head_spoke.is_some() { "" } else { "已安排" };
        o.explanation.push_str(&format!("；{planned}{head}（{title}）参加听证"));
    } else if accepted {
        o.explanation.push_str(&format!(
            "；已安排{head}（{title}）参加听证，听证后尚未确认：请确认是否参加并填写「{}」",
            crate::form::label(Column::HeadSpoke, m)
        ));
    } else if h < today {
        o.status = Status::Info;
        o.explanation =
            "被申请人负责人未参加听证的，应当说明理由并委托相应的工作人员参加（行政复议法第五十一条）".into();
    } else {
        o.explanation.push_str("；尚未记录参加听证的负责人");
    }
}

/// R19 (第十九条, r2): 出庭准备 is due by the hearing; once the hearing is over without a recorded 出庭准备日 it is
/// 提示, never 已逾期 (earlier records had no such column).
fn r19(cx: &mut Ctx) {
    let m = cx.m;
    let today = cx.today;
    let Some(h) = m.hearing else { return };
    let o = cx.deadline(
        RuleId::R19,
        (Column::Hearing, Some(h)),
        Term::Statutory(Period::Given(h, crate::form::label(Column::Hearing, m)), ""),
        (Column::HearingPrepared, m.hearing_prepared),
    );
    o.explanation
        .push_str("；出庭准备：熟悉案情，就案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项准备意见");
    if m.hearing_prepared.is_none() && h < today {
        o.status = Status::Info;
        o.explanation = format!("开庭已结束，未记录出庭准备日（开庭日 {}）", fmt(h));
    }
}

/// R19B (r3 §7.22, 第十九条 "在庭审中就…发表意见", 法释〔2020〕3号第十一条): a constraint row with no dates, once a
/// head R17 accepts appeared at a hearing now over. 是 → 符合; 否 → 违反; empty → 提示 (older records raise no alarm).
fn r19b(cx: &mut Ctx) {
    let (status, why) = match cx.m.head_spoke {
        Some(true) => (Status::Compliant, "负责人已在庭审中发表意见".to_string()),
        Some(false) => (
            Status::Violation,
            "第十九条：负责人应在庭审中就案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项发表意见"
                .to_string(),
        ),
        None => (Status::Info, "请记录负责人是否在庭审中发表意见".to_string()),
    };
    cx.verdict(RuleId::R19B, status, why, None);
}
