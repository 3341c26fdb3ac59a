//! 败诉案件分析研讨会材料 (第二十四条第二款): "各行政机关应当将本单位发生的败诉案件及典型、重大、敏感类案件，
//! 在败诉案件分析研讨会上进行评析。" Per agency and period, on screen, on paper and in Word.

use super::paper::PaperView;
use super::{case_link, paper_buttons, Ctx};
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::paper;
use yingsu_engine::periodic::ReportPeriod;

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let Some(period) = ReportPeriod::parse(&ctx.seminar.get()) else {
        return view! { <p>"请选择期间"</p> }.into_any();
    };
    let a = ctx.agency_opt();
    let a2 = StoredValue::new(a.clone());
    let make = move || {
        state.reg.with_untracked(|reg| {
            paper::seminar(&reg.matters, a2.get_value().as_deref(), period, &ctx.signer(), state.today.get_untracked())
        })
    };
    let rows = state.reg.with(|reg| {
        yingsu_engine::report::of_agency(&reg.matters, a.as_deref())
            .map(|(_, m)| m)
            .filter(|m| paper::for_seminar(m, period))
            .map(|m| {
                (
                    m.case_no.0.clone(),
                    m.cause.clone(),
                    m.outcome.map(|o| o.label()).unwrap_or("（未审结）"),
                    m.loss_cause.clone(),
                    paper::remediation(m),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <article class="report screen-only" data-testid="seminar-report">
            <header class="report-head"><h2>{format!("{}{}败诉案件分析研讨会材料", a.clone().unwrap_or_else(|| "全区".into()), period.label())}</h2></header>
            <p class="report-meta">"依据第二十四条第二款：本期败诉（含部分败诉）案件，以及标记为典型案例、重大敏感或社会高度关注的案件"</p>
            <p data-testid="seminar-count">{format!("共 {} 件。", rows.len())}</p>
            <table class="grid"><thead><tr><th>"案号"</th><th>"案由"</th><th>"裁判结果"</th><th>"败诉原因"</th><th>"整改情况"</th></tr></thead>
            <tbody>{rows.into_iter().map(|(no, cause, outcome, why, fix)| view! {
                <tr><td>{case_link(&no)}</td><td>{cause}</td><td>{outcome}</td>
                    <td>{if why.is_empty() { "（未填写）".to_string() } else { why }}</td><td>{fix}</td></tr>
            }).collect_view()}</tbody></table>
            <p class="muted">"败诉原因在案件页的“败诉原因”中填写；整改情况取自履行完成日、重新作出日、败诉分析报告日，以及导入文件中的“整改情况”列。"</p>
        </article>
        <div class="actions report-controls">{paper_buttons(ctx, make)}</div>
        <PaperView paper=make()/>
    }
    .into_any()
}
