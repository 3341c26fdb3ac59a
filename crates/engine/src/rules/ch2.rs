//! 第二章 以区政府为被告的行政应诉程序 (第五条至第十三条): rules for `被告类型 = 区政府`.

use super::{agents_verdict, appeal_applies, appeal_term, reply_row, Ctx, RuleId, Status, Term};
use crate::dates::fmt;
use crate::model::{ActSource, AppealDecision, CaseType, Column};
use crate::period::Period;

/// Litigation and 复议 matters with 区政府 as defendant (or 被申请人, 第三十条).
pub(crate) fn case(cx: &mut Ctx) {
    let m = cx.m;
    // 第五条 concerns 行政应诉案件 (RULES.md R05: 案件 only, not 民事诉讼).
    if m.case_type != CaseType::Civil {
        r05(cx);
    }

    // (r3 §7.4) 区司法局 as 应诉承办机关 (第五条第一项): no 办理函 to itself (R06), nothing to report to itself
    // (R07B–R07D); R07A stays, from the day the bureau received the materials.
    let bureau = cx.bureau_handles();

    // 第六条：区司法局在收到法院送达或区政府办转送的应诉材料后，应当在2日内向应诉承办机关出具办理函，并转送案件材料。
    if !bureau {
        cx.deadline(
            RuleId::R06,
            (Column::BureauReceived, m.bureau_received),
            Term::Internal(2),
            (Column::LetterIssued, m.letter_issued),
        );
    }

    // 第七条第一项：立即向主要领导汇报，确定主管领导及案件代理人，
    let letter = (Column::LetterReceived, m.letter_received);
    let r07a_trigger = if bureau { (Column::BureauReceived, m.bureau_received) } else { letter };
    cx.deadline(
        RuleId::R07A,
        r07a_trigger,
        Term::Statutory(Period::Immediate, ""),
        (Column::LeaderReported, m.leader_reported),
    );
    if !bureau {
        // ……并在2日内将联系人信息报送区司法局；
        cx.deadline(RuleId::R07B, letter, Term::Internal(2), (Column::ContactReported, m.contact_reported));
        // 第七条第二项：……并在5日内将上述应诉材料报区司法局。
        cx.deadline(RuleId::R07C, letter, Term::Internal(5), (Column::MaterialsSubmitted, m.materials_submitted));
    }
    // 第七条第三项：案件涉及重大敏感事项、涉案标的较大，或确有违法和不当，可能存在败诉风险的，应诉承办机关应及时报告区司法局并提出解决方案。
    if (m.major_sensitive || m.large_stake || m.loss_risk) && !bureau {
        let why: Vec<&str> = [(m.major_sensitive, "重大敏感"), (m.large_stake, "标的较大"), (m.loss_risk, "败诉风险")]
            .into_iter()
            .filter_map(|(b, s)| b.then_some(s))
            .collect();
        let o = cx.deadline(
            RuleId::R07D,
            letter,
            Term::Statutory(Period::Timely, ""),
            (Column::RiskReported, m.risk_reported),
        );
        o.explanation = format!("{}（{}）", o.explanation, why.join("、"));
    }

    // 第八条：……由应诉承办机关在规定时限内提交法院。 解释：规定时限 = the court's (or 复议机关's) answer period,
    // from the day 区政府 received the 起诉状副本 (行诉法第六十七条), at every 审级 (§6.10); (r3 §7.7) only when
    // the agency answers; (§7.10) a court-set 答辩期限 wins.
    cx.answer_row(RuleId::R08);
    // Cross-rule check: the internal chain must fit inside the statutory window (第七条、第八条); (r3 §7.11) only
    // while the answer is not yet filed.
    if let (Some(internal), Some(statutory), None) = (cx.due_of(RuleId::R07C), cx.due_of(RuleId::R08), m.answer_filed) {
        if internal > statutory {
            let note =
                format!("内部期限晚于法定答辩期限：应诉材料报送期限 {} 晚于答辩期限 {}", fmt(internal), fmt(statutory));
            if let Some(o) = cx.ev.obligations.iter_mut().find(|o| o.rule == RuleId::R07C) {
                o.explanation = format!("{}；警告：{note}", o.explanation);
            }
            cx.warn("第七条、第八条", note, Some(Column::LetterReceived));
        } else if internal == statutory {
            let note = format!("内部期限与法定答辩期限同日，无审核、审定时间（均为 {}）", fmt(internal));
            if let Some(o) = cx.ev.obligations.iter_mut().find(|o| o.rule == RuleId::R07C) {
                o.explanation = format!("{}；警告：{note}", o.explanation);
            }
            cx.warn("第七条、第八条", note, Some(Column::LetterReceived));
        }
    }

    // 第九条：应诉承办机关应委托至少一名工作人员作为案件代理人，不得仅委托律师应诉。
    let (st, why) = agents_verdict(m);
    cx.verdict(RuleId::R09, st, why, (st == Status::MissingData).then_some(Column::Agents));

    // 第十条: who bears which burden of proof, for 复议共同被告 cases.
    if m.joint_defendant {
        // 解释 (r2): 被诉行为来源 decides between the two paragraphs; without it the rule cannot say which.
        match m.act_source {
            Some(ActSource::Reconsideration) => cx.verdict(
                RuleId::R10,
                Status::Info,
                "第十条第一款：区政府作为行政复议机关的共同被告案件，原行政行为机关对原行政行为合法性承担举证责任，区司法局对行政复议程序的合法性承担举证责任".into(),
                None,
            ),
            Some(_) => cx.verdict(
                RuleId::R10,
                Status::Info,
                "第十条第二款：区政府作为行政复议被申请人的共同被告案件，应诉承办机关对原行政行为合法性承担举证责任，区司法局对行政复议程序的合法性承担举证责任".into(),
                None,
            ),
            None => cx.verdict(
                RuleId::R10,
                Status::MissingData,
                "无法判断适用第十条第一款还是第二款，请填写被诉行为来源".into(),
                Some(Column::ActSource),
            ),
        }
    }

    // 第十一条第一款：应诉承办机关应当在裁判文书签收之日起3日内向区司法局报告。(also a 复议决定, 第三十条)
    if m.has_judgment() {
        let received = (Column::JudgmentReceived, m.judgment_received);
        // (r3 §7.25) not when 区司法局 is the 承办机关: a report to itself.
        if !cx.bureau_handles() {
            cx.deadline(RuleId::R11A, received, Term::Internal(3), (Column::BureauReported, m.bureau_reported));
        }
        // 案件败诉的应在5日内……形成案件分析报告报司法局 (解释：5日 from the same 签收日).
        if m.outcome.is_some_and(|o| o.is_loss()) {
            cx.deadline(RuleId::R11B, received, Term::Internal(5), (Column::LossReport, m.loss_report));
        }
        // 区政府决定上诉的，应诉承办机关应当在法定时限内向法院提起上诉。
        if appeal_applies(m) {
            let term = appeal_term(m);
            cx.deadline(RuleId::R11C, received, term, (Column::AppealFiled, m.appeal_filed));
            // 第十一条第二款：对于区政府作为复议机关的共同被告案件，区政府决定上诉的，作出原行政行为的行政机关应当一并提起上诉。
            // (r2) only where 区政府 was the 复议机关 (被诉行为来源 = 行政复议), with the original agency's own filing date.
            if m.act_source == Some(ActSource::Reconsideration)
                && m.joint_defendant
                && m.appeal_decision == Some(AppealDecision::Appeal)
            {
                // (r3 §7.13) from the day the original agency itself received the judgment, when recorded.
                let own = (Column::OriginalReceived, m.original_received);
                let trigger = if m.original_received.is_some() { own } else { received };
                let o =
                    cx.deadline(RuleId::R11D, trigger, term, (Column::OriginalAppealFiled, m.original_appeal_filed));
                if m.original_received.is_none() && o.trigger.is_some() {
                    o.explanation.push_str(
                        "；以区政府签收日起算；原行政行为机关的上诉期自其本身收到裁判文书之日起算，请填写原机关签收日",
                    );
                }
                if m.appeal_filed.is_some() && m.original_appeal_filed.is_none() {
                    cx.warn(
                        "第十一条第二款",
                        "请补录原行政行为机关的上诉提交日（此前与区政府上诉共用“上诉提交日”）".into(),
                        Some(Column::OriginalAppealFiled),
                    );
                }
            }
        }
    }

    // 第十二条：行政机关应当及时履行法院生效裁判。
    // (r3 §7.2) 生效日 empty: see `performance_trigger`.
    cx.performance_row(RuleId::R12);
}

/// 第五条: the handling agency the four principles give, checked against the record.
fn r05(cx: &mut Ctx) {
    let m = cx.m;
    let handler = m.handler.trim();
    let Some(src) = m.act_source else {
        // (r2) 待补充, never a guess: the four principles turn on 被诉行为来源.
        cx.verdict(
            RuleId::R05,
            Status::MissingData,
            "被诉行为来源未填写，无法按第五条确定应诉承办机关；请填写被诉行为来源".into(),
            Some(Column::ActSource),
        );
        return;
    };
    let (item, who) = match src {
        ActSource::Reconsideration => ("第五条第（一）项", "区司法局为应诉承办机关，具体实施部门协调配合"),
        ActSource::InGovName => ("第五条第（二）项", "具体实施部门为应诉承办机关"),
        ActSource::MultiDept => ("第五条第（三）项", "牵头部门为应诉承办机关，其他部门协调配合"),
        ActSource::StatutoryDuty => ("第五条第（四）项", "承担相应职责的职能部门为应诉承办机关"),
    };
    let mut why = format!("被诉行为来源为{src}：依{item}，{who}");
    // RULES.md R05: 行政复议 but not 区司法局, or (r2) 区司法局 while the source is not 行政复议.
    // (r3 §7.4) 区司法局 recognised by name (北京市通州区司法局 …) or by its 机关名录 entry.
    let is_bureau = crate::names::is_bureau(handler, cx.dir);
    let contradiction = match src {
        ActSource::Reconsideration => !handler.is_empty() && !is_bureau,
        _ => is_bureau,
    };
    if handler.is_empty() {
        why.push_str("；应诉承办机关未填写");
    } else if contradiction {
        let msg = format!("应诉承办机关「{handler}」与第五条不符：{who}");
        why.push_str(&format!("；警告：{msg}"));
        cx.warn("第五条", msg, Some(Column::Handler));
    } else {
        why.push_str(&format!("；区司法局指定的应诉承办机关：{handler}"));
    }
    if is_bureau {
        why.push_str(
            "；区司法局为应诉承办机关，无需出具办理函；具体实施部门根据区司法局要求参加或代理案件并提供证据材料",
        );
    }
    cx.verdict(RuleId::R05, Status::Info, why, None);
}

/// 第十三条: 司法建议书 / 检察建议书 sent to 区政府.
pub(crate) fn suggestion(cx: &mut Ctx) {
    let m = cx.m;
    let received = (Column::SuggestionReceived, m.suggestion_received);
    // ……承办机关应当及时将落实情况报区司法局审核，
    cx.deadline(
        RuleId::R13A,
        received,
        Term::Statutory(Period::Timely, ""),
        (Column::ImplementationReported, m.implementation_reported),
    );
    // ……由区司法局报区政府盖章后向法院、人民检察院反馈。 (periods: RULES.md §6.5)
    reply_row(cx, RuleId::R13B);
    debug_assert!(m.case_type != CaseType::LegalSuggestion);
}
