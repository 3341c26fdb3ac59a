//! 第三章 以其他机关为被告的行政应诉程序 (第十四条至第二十一条), for `被告类型 = 本机关`;
//! 第二十一条第二款 for every defendant (RULES.md §6.3). 第二十二条 (建议, R22A–R22C) and 行政复议法第七十六条 (R22V) are
//! in `ch4`.
//! 第十七条, 第十八条第一款, 第十九条 and 行政复议法第五十一条 (heads at hearings) are in `ch3_heads`.

use super::{agents_verdict, appeal_applies, appeal_term, Ctx, RuleId, Status, Term};
use crate::dates::fmt;
use crate::model::{AppealDecision, CaseType, Column, Instance, JudgmentType, QuashReason};
use crate::period::Period;

/// Litigation and 复议 matters with the agency itself as defendant (or 被申请人, 第三十条).
pub(crate) fn case(cx: &mut Ctx) {
    let m = cx.m;
    let complaint = (Column::ComplaintReceived, m.complaint_received);
    // 第十四条：……严格按照法院规定时限提交答辩状，提供相关证据和依据。(every 审级, §6.10; (r3 §7.7) only when the
    // agency answers; (§7.10) a court-set 答辩期限 wins: "严格按照法院规定时限")
    cx.answer_row(RuleId::R14);
    // 第十五条：……收到复议诉讼案件后，应及时报告本机关主要负责人。 (r3 §7.25) not when the agency started the
    // proceeding (上诉人, 再审申请人, 原告); a 第三人 reports from the day it was notified.
    if !m.standing_or_default().started_it() {
        cx.deadline(
            RuleId::R15,
            complaint,
            Term::Statutory(Period::Timely, ""),
            (Column::LeaderReported, m.leader_reported),
        );
    }
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
    // 第二十一条第一款：行政机关应当及时全面履行法院生效判决裁定…… ((r3 §7.2) 生效日 empty: see `performance_trigger`)
    cx.performance_row(RuleId::R21);
}

/// 第二十条 "二审参考上述规定执行" (R20R, r2): after a lost 二审 the agency reports, decides whether to apply
/// for 再审, and applies within the statutory period. 解释：in a 二审 matter the column 上诉决定 records that
/// decision (上诉 = 申请再审, 不上诉 = 不申请); chapter 2 has no such sentence (R11A/R11B cover 区政府).
fn r20r(cx: &mut Ctx) {
    let m = cx.m;
    let applies = m.instance() == Instance::Second
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

/// 第二十一条第二款 (R21B, r2): 对法院作出的责令重新作出行政行为的判决，除原行政行为因程序违法或者法律适用问题被法院判决撤销的情形外，
/// 不得以同一事实和理由作出与原行政行为基本相同的行政行为。
pub(crate) fn r21b(cx: &mut Ctx) {
    let m = cx.m;
    if !m.remake {
        return;
    }
    // (r3 §7.12, §7.25) in the law's words: only 程序违法 frees the re-made act from "同一事实和理由" (行诉解释第九十条
    // 第二款; 复议: 行政复议法第六十四条第二款但书); every other reason — 法律适用 included — binds it.
    let mut why = match m.quash_reason {
        Some(QuashReason::Procedure) => "因违反法定程序被撤销：重新作出不受“同一事实和理由”的限制（行诉解释第90条第2款；复议：行政复议法第64条第2款但书），但须纠正程序问题".to_string(),
        reason => {
            let rule = if m.case_type == CaseType::Reconsideration {
                "不得以同一的事实和理由作出与原行政行为相同或者基本相同的行政行为（行政复议法第64条第2款）"
            } else {
                "不得以同一的事实和理由作出与原行政行为基本相同的行政行为（行政诉讼法第71条）"
            };
            match reason {
                Some(r) => format!("撤销理由为{}：{rule}", r.label()),
                None => format!("撤销理由未填写：{rule}"),
            }
        }
    };
    if let Some(d) = m.remade {
        why.push_str(&format!("；已于 {} 重新作出", fmt(d)));
    }
    why.push_str("；法院确定了重作期限的，见第二十一条第一款（履行期限）");
    cx.verdict(RuleId::R21B, Status::Info, why, None);
}
