//! 第三章 以其他机关为被告的行政应诉程序 (第十四条至第二十一条), for `被告类型 = 本机关`;
//! 第十七条 and 第十八条第一款 for every defendant (RULES.md §6.3); 第二十二条 (建议).

use super::{
    agents_verdict, answer_term, appeal_applies, appeal_term, performance_applies, performance_term,
    suggestion_reply_term, Ctx, RuleId, Status, Term,
};
use crate::dates::fmt;
use crate::model::{CaseType, Column, HEAD_TITLES};
use crate::period::Period;

/// Litigation and 复议 matters with the agency itself as defendant (or 被申请人, 第三十条).
pub(crate) fn case(cx: &mut Ctx) {
    let m = cx.m;
    let complaint = (Column::ComplaintReceived, m.complaint_received);
    // 第十四条：……严格按照法院规定时限提交答辩状，提供相关证据和依据。(every 审级, §6.10)
    cx.deadline(
        RuleId::R14,
        complaint,
        answer_term(m.case_type, m.complaint_received),
        (Column::AnswerFiled, m.answer_filed),
    );
    // 第十五条：……收到复议诉讼案件后，应及时报告本机关主要负责人。
    cx.deadline(
        RuleId::R15,
        complaint,
        Term::Statutory(Period::Timely, ""),
        (Column::LeaderReported, m.leader_reported),
    );
    // 第十六条：行政机关应委托至少一名工作人员作为案件代理人，不得仅委托律师应诉。
    let (st, why) = agents_verdict(m);
    cx.verdict(RuleId::R16, st, why);
    // 第二十条：行政机关在收到一审判决书后……并在法定上诉期内提起上诉。
    if appeal_applies(m) {
        cx.deadline(
            RuleId::R20,
            (Column::JudgmentReceived, m.judgment_received),
            appeal_term(m),
            (Column::AppealFiled, m.appeal_filed),
        );
    }
    // 第二十一条：行政机关应当及时全面履行法院生效判决裁定……
    if performance_applies(m) {
        cx.deadline(
            RuleId::R21,
            (Column::Effective, m.effective),
            performance_term(m),
            (Column::Performed, m.performed),
        );
    }
}

/// 第十七条 and 第十八条第一款, for both defendant types.
pub(crate) fn heads(cx: &mut Ctx) {
    let m = cx.m;
    let head = m.head_name.trim();
    // 第十七条第二款：行政机关负责人包括行政机关的正职、副职负责人、参与分管……的负责人以及其他参与分管的负责人。
    if !head.is_empty() {
        let title = m.head_title.trim();
        if m.head_is_valid() {
            cx.verdict(
                RuleId::R17,
                Status::Compliant,
                format!("出庭负责人{head}，职务{title}，属于第十七条所称行政机关负责人"),
            );
        } else {
            let why = if title.is_empty() {
                format!("出庭负责人{head}未填写职务，无法认定为行政机关负责人（应为{}）", HEAD_TITLES.join("、"))
            } else {
                format!(
                    "出庭负责人{head}的职务「{title}」不属于第十七条所称行政机关负责人（{}）",
                    HEAD_TITLES.join("、")
                )
            };
            cx.verdict(RuleId::R17, Status::Violation, why);
        }
    }
    // 第十八条第一款：……重大公共利益、社会高度关注或者可能引发群体性事件等案件以及检察机关提起的行政公益诉讼案件等必须出庭应诉。
    let must = m.public_interest || m.high_attention || m.mass_incident || m.case_type == CaseType::PublicInterest;
    if must && m.case_type != CaseType::Civil {
        let reasons: Vec<&str> = [
            (m.public_interest, "重大公共利益"),
            (m.high_attention, "社会高度关注"),
            (m.mass_incident, "群体性事件"),
            (m.case_type == CaseType::PublicInterest, "行政公益诉讼"),
        ]
        .into_iter()
        .filter_map(|(b, s)| b.then_some(s))
        .collect();
        // §6.4: done (完成日 = 开庭日) only with a valid head and the hearing not in the future.
        let done = m.hearing.filter(|h| m.head_is_valid() && *h <= cx.today);
        let today = cx.today;
        let valid = m.head_is_valid();
        let o = cx.deadline(
            RuleId::R18A,
            (Column::Hearing, m.hearing),
            Term::Statutory(Period::Given(m.hearing.unwrap_or(today), Column::Hearing.name()), ""),
            (Column::Hearing, done),
        );
        o.done_column = Some(Column::HeadName);
        let mut why = format!("必须出庭的情形：{}", reasons.join("、"));
        if let Some(h) = m.hearing {
            why.push_str(&format!("；期限为开庭日 {}", fmt(h)));
            if valid && h > today {
                why.push_str(&format!("；已安排{}（{}）出庭", head, m.head_title.trim()));
            } else if valid {
                why.push_str(&format!("；{}（{}）已出庭", head, m.head_title.trim()));
            } else if !head.is_empty() {
                why.push_str("；记录的出庭负责人职务不符合第十七条，不计为负责人出庭");
            } else {
                why.push_str("；尚未记录出庭负责人");
            }
        } else {
            why = format!("缺少「开庭日」，无法确定出庭期限；{why}");
        }
        o.explanation = why;
    }
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
    // 解释：the reply to the court or procuratorate follows the same periods as R13B (RULES.md R22B).
    cx.deadline(RuleId::R22B, received, suggestion_reply_term(m), (Column::Replied, m.replied));
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
