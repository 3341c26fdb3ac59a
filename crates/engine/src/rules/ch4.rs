//! 第四章 工作制度 (第二十二条至第二十九条), the rules of one matter: 第二十二条 (司法建议、检察建议 R22A, R22B; 区司法局
//! 法制建议 R22C) and (r3 §7.19) 行政复议法第七十六条 (行政复议意见书 R22V). The chapter's agency-level, periodic duties
//! (第十八条第二款, 第二十三条, 第二十四条, 第二十六条, 第二十八条) are in `crate::periodic`.

use super::{reply_row, Ctx, RuleId, Term};
use crate::model::Column;
use crate::period::Period;

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

/// (r3 §7.19) 行政复议法第七十六条：有关机关应当自收到行政复议意见书之日起六十日内，将纠正相关违法或者不当的行政行为的情况
/// 报送行政复议机关。 60 自然日, rolled forward (§7.25: 建议回复期限 and 紧急 do not change it).
pub(crate) fn r22v(cx: &mut Ctx) {
    let m = cx.m;
    cx.deadline(
        RuleId::R22V,
        (Column::SuggestionReceived, m.suggestion_received),
        Term::Statutory(Period::Days(60), "行政复议法第七十六条（六十日，自然日）；建议发出机关为行政复议机关"),
        (Column::Replied, m.replied),
    );
}
