//! 第三章 以其他机关为被告的行政应诉程序 (第十四条至第二十一条), for `被告类型 = 本机关`;
//! 第十七条, 第十八条第一款, 第十九条 and 第二十一条第二款 for every defendant (RULES.md §6.3); 第二十二条 (建议).

use super::{
    agents_verdict, answer_term, appeal_applies, appeal_term, performance_applies, performance_term, reply_row, Ctx,
    RuleId, Status, Term,
};
use crate::dates::fmt;
use crate::model::{AppealDecision, CaseType, Column, Defendant, Instance, JudgmentType, Matter, QuashReason};
use crate::period::Period;

/// Litigation and 复议 matters with the agency itself as defendant (or 被申请人, 第三十条).
pub(crate) fn case(cx: &mut Ctx) {
    let m = cx.m;
    let complaint = (Column::ComplaintReceived, m.complaint_received);
    // 第十四条：……严格按照法院规定时限提交答辩状，提供相关证据和依据。(every 审级, §6.10)
    cx.deadline(RuleId::R14, complaint, answer_term(m), (Column::AnswerFiled, m.answer_filed));
    // 第十五条：……收到复议诉讼案件后，应及时报告本机关主要负责人。
    cx.deadline(
        RuleId::R15,
        complaint,
        Term::Statutory(Period::Timely, ""),
        (Column::LeaderReported, m.leader_reported),
    );
    // 第十六条：行政机关应委托至少一名工作人员作为案件代理人，不得仅委托律师应诉。
    let (st, why) = agents_verdict(m);
    cx.verdict(RuleId::R16, st, why, (st == Status::MissingData).then_some(Column::Agents));
    // 第二十条：行政机关在收到一审判决书后……并在法定上诉期内提起上诉。
    if appeal_applies(m) {
        cx.deadline(
            RuleId::R20,
            (Column::JudgmentReceived, m.judgment_received),
            appeal_term(m),
            (Column::AppealFiled, m.appeal_filed),
        );
    }
    // ……二审参考上述规定执行。
    r20r(cx);
    // 第二十一条第一款：行政机关应当及时全面履行法院生效判决裁定……
    if performance_applies(m) {
        cx.deadline(
            RuleId::R21,
            (Column::Effective, m.effective),
            performance_term(m),
            (Column::Performed, m.performed),
        );
    }
}

/// 第二十条 "二审参考上述规定执行" (R20R, r2): after a lost 二审 the agency reports, decides whether to apply
/// for 再审, and applies within the statutory period. 解释：in a 二审 matter the column 上诉决定 records that
/// decision (上诉 = 申请再审, 不上诉 = 不申请); chapter 2 has no such sentence (R11A/R11B cover 区政府).
fn r20r(cx: &mut Ctx) {
    let m = cx.m;
    let applies = m.instance == Instance::Second
        && m.case_type != CaseType::Reconsideration
        && m.judgment_type != Some(JudgmentType::Mediation)
        && m.outcome.is_some_and(|o| o.is_loss())
        && m.appeal_decision != Some(AppealDecision::NoAppeal);
    if !applies {
        return;
    }
    // A 二审 judgment takes effect on service: 生效日 if recorded, else 裁判文书签收日.
    let trigger = match m.effective {
        Some(d) => (Column::Effective, Some(d)),
        None => (Column::JudgmentReceived, m.judgment_received),
    };
    let basis = if m.case_type == CaseType::Civil {
        "民事诉讼法：判决、裁定发生法律效力后六个月内申请再审"
    } else {
        "行诉解释第一百一十条：判决、裁定发生法律效力后六个月内申请再审"
    };
    let o = cx.deadline(
        RuleId::R20R,
        trigger,
        Term::Statutory(Period::Months(6), basis),
        (Column::RetrialApplied, m.retrial_applied),
    );
    if o.trigger.is_none() {
        o.explanation = "缺少「生效日」或「裁判文书签收日」，无法计算再审申请期限".into();
    } else if m.appeal_decision.is_none() {
        o.explanation.push_str("；尚未记录是否申请再审（上诉决定：上诉 = 申请，不上诉 = 不申请）");
    }
}

/// How 出庭负责人职务 is classified (RULES.md §6.15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadClass {
    /// 正职: the only class that counts as 主要负责人 (R18B, 主要负责人出庭).
    Principal,
    /// 副职.
    Deputy,
    /// 分管副职 (参与分管被诉行政行为实施工作的副职级别的负责人).
    DeputyInCharge,
    /// 其他分管负责人.
    OtherInCharge,
    /// Not a 行政机关负责人 (第十七条): R17 违反.
    NotHead,
    /// Cannot be decided from the title: R17 待补充.
    Unknown,
}

impl HeadClass {
    pub fn label(self) -> &'static str {
        match self {
            HeadClass::Principal => "正职",
            HeadClass::Deputy => "副职",
            HeadClass::DeputyInCharge => "分管副职",
            HeadClass::OtherInCharge => "其他分管负责人",
            HeadClass::NotHead => "非负责人",
            HeadClass::Unknown => "无法认定",
        }
    }
    /// One of the four kinds of 行政机关负责人 of 第十七条第二款.
    pub fn is_head(self) -> bool {
        matches!(self, HeadClass::Principal | HeadClass::Deputy | HeadClass::DeputyInCharge | HeadClass::OtherInCharge)
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

/// Classifies 出庭负责人职务 (RULES.md §6.15), with the 说明 of how. 解释：the order (a)–(f) is the spec's;
/// for 区政府 as defendant only 区政府's own heads (titles with 区长) count (法释〔2020〕3号第二条).
pub fn classify_head(m: &Matter) -> (HeadClass, String) {
    let title = m.head_title.trim();
    // (a) the clerk states the category for the defendant: taken as it is.
    let stated = match title {
        "正职" => Some(HeadClass::Principal),
        "副职" => Some(HeadClass::Deputy),
        "分管副职" => Some(HeadClass::DeputyInCharge),
        "其他分管负责人" => Some(HeadClass::OtherInCharge),
        _ => None,
    };
    if let Some(c) = stated {
        return (c, format!("职务「{title}」为第十七条所列负责人类别"));
    }
    if title.is_empty() {
        return (HeadClass::Unknown, "未填写职务，无法认定；请填写正职、副职、分管副职或其他分管负责人".into());
    }
    if m.defendant == Defendant::DistrictGov && !title.contains("区长") {
        return (HeadClass::NotHead, format!("职务「{title}」：{LOWER_AGENCY_HEAD}"));
    }
    // (b), unless the title heads the defendant itself (an 办公室, a 村/居民委员会, a 处).
    let agency = m.agency_name();
    let heads_itself = (agency.ends_with("办公室") && title.ends_with("办公室主任"))
        || ((agency.ends_with("村民委员会") || agency.ends_with("居民委员会"))
            && ["村委会主任", "居委会主任", "村主任"].iter().any(|t| title.ends_with(t)))
        || (agency.ends_with('处') && title.ends_with("处长"));
    let class = if !heads_itself && NOT_HEAD.iter().any(|w| title.contains(w)) {
        HeadClass::NotHead
    } else if title.contains("分管") {
        HeadClass::OtherInCharge
    } else if title.contains('副') && (title.ends_with('长') || title.ends_with("主任")) {
        HeadClass::Deputy
    } else if !title.contains('副')
        && ["局长", "区长", "镇长", "乡长", "主任", "处长"].iter().any(|t| title.ends_with(t))
    {
        // 处长 reaches here only when it heads the defendant (a 处) itself.
        HeadClass::Principal
    } else {
        HeadClass::Unknown
    };
    let why = match class {
        HeadClass::NotHead => format!("「{title}」不属于第十七条所称行政机关负责人"),
        HeadClass::Unknown => {
            format!("职务「{title}」无法认定，请改为正职、副职、分管副职或其他分管负责人")
        }
        c => format!("「{title}」按{}认定", c.label()),
    };
    (class, why)
}

/// 第十七条, 第十八条第一款 and 第十九条, for both defendant types.
pub(crate) fn heads(cx: &mut Ctx) {
    let m = cx.m;
    let head = m.head_name.trim();
    let (class, how) = classify_head(m);
    // 第十七条第二款：行政机关负责人包括行政机关的正职、副职负责人、参与分管……的负责人以及其他参与分管的负责人。
    if !head.is_empty() {
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
    let r18a = !reasons.is_empty() && m.case_type != CaseType::Civil && !m.written_review;
    if r18a {
        r18a_row(cx, &reasons, class);
    }

    // 第十九条：行政机关负责人出庭应诉前应当做好出庭准备，熟悉案情…… (r2)
    if m.hearing.is_some() && (r18a || !head.is_empty()) && !m.written_review {
        r19(cx);
    }
}

/// R18A (§6.4, r2): due = 开庭日; done only with a head R17 accepts and the hearing not in the future; after
/// the hearing never 已逾期: 违反 without an accepted head, 待补充 when the head's 职务 cannot be classified.
fn r18a_row(cx: &mut Ctx, reasons: &[&str], class: super::ch3::HeadClass) {
    let m = cx.m;
    let today = cx.today;
    let head = m.head_name.trim();
    let accepted = !head.is_empty() && class.is_head();
    let done = m.hearing.filter(|h| accepted && *h <= today);
    let o = cx.deadline(
        RuleId::R18A,
        (Column::Hearing, m.hearing),
        Term::Statutory(Period::Given(m.hearing.unwrap_or(today), Column::Hearing.name()), ""),
        (Column::Hearing, done),
    );
    o.done_column = Some(Column::HeadName);
    let mut why = format!("必须出庭的情形：{}", reasons.join("、"));
    let Some(h) = m.hearing else {
        o.explanation = format!("缺少「开庭日」，无法确定出庭期限；{why}");
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
        why.push_str(&format!("；{head}（{title}）已出庭"));
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
            why.push_str("；开庭日已过，未记录符合第十七条的出庭负责人；如已出庭请补录");
        }
    } else if !head.is_empty() {
        why.push_str("；记录的出庭负责人不符合第十七条或职务待补充，不计为负责人出庭");
    } else {
        why.push_str("；今日开庭，尚未记录出庭负责人");
    }
    o.explanation = why;
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
        Term::Statutory(Period::Given(h, Column::Hearing.name()), ""),
        (Column::HearingPrepared, m.hearing_prepared),
    );
    o.explanation
        .push_str("；出庭准备：熟悉案情，就案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项准备意见");
    if m.hearing_prepared.is_none() && h < today {
        o.status = Status::Info;
        o.explanation = format!("开庭已结束，未记录出庭准备日（开庭日 {}）", fmt(h));
    }
}

/// 第二十一条第二款 (R21B, r2): 对法院作出的责令重新作出行政行为的判决，除原行政行为因程序违法或者法律适用问题被法院判决撤销的情形外，
/// 不得以同一事实和理由作出与原行政行为基本相同的行政行为。
pub(crate) fn r21b(cx: &mut Ctx) {
    let m = cx.m;
    if !m.remake {
        return;
    }
    let mut why = match m.quash_reason {
        Some(r @ (QuashReason::Procedure | QuashReason::LawApplication)) => format!(
            "原行政行为因{}问题被撤销：可以同一事实和理由重新作出，但须纠正该问题",
            if r == QuashReason::Procedure { "程序违法" } else { "法律适用" }
        ),
        Some(r) => format!("撤销理由为{}：不得以同一事实和理由作出与原行政行为基本相同的行政行为", r.label()),
        None => "撤销理由未填写：不得以同一事实和理由作出与原行政行为基本相同的行政行为".to_string(),
    };
    if let Some(d) = m.remade {
        why.push_str(&format!("；已于 {} 重新作出", fmt(d)));
    }
    why.push_str("；法院确定了重作期限的，见第二十一条第一款（履行期限）");
    cx.verdict(RuleId::R21B, Status::Info, why, None);
}

/// 第二十二条第一款: 司法建议书 / 检察建议书 sent to the agency.
pub(crate) fn suggestion(cx: &mut Ctx) {
    let m = cx.m;
    let received = (Column::SuggestionReceived, m.suggestion_received);
    // ……行政机关应当及时将落实情况报区司法局报告。
    cx.deadline(
        RuleId::R22A,
        received,
        Term::Statutory(Period::Timely, ""),
        (Column::ImplementationReported, m.implementation_reported),
    );
    // 解释：the reply to the court or procuratorate follows the same periods as R13B (RULES.md R22B, §6.5).
    reply_row(cx, RuleId::R22B);
}

/// 第二十二条第二款：行政机关应当高度重视并严格落实区司法局法制建议，并在规定时间内就落实情况及时反馈。
pub(crate) fn r22c(cx: &mut Ctx) {
    let m = cx.m;
    let term = match m.reply_by {
        Some(d) => Term::Statutory(Period::Given(d, Column::ReplyBy.name()), "区司法局规定的时间"),
        None => Term::Statutory(Period::Timely, "区司法局未规定时间"),
    };
    cx.deadline(RuleId::R22C, (Column::SuggestionReceived, m.suggestion_received), term, (Column::Replied, m.replied));
}
