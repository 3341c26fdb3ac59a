//! 报送前自查: every 违反 / 已逾期 / 待补充 obligation and data warning of the agency's matters, with what to fix.

use super::{case_link, download_csv, print_button, Ctx};
use crate::components::StatusChip;
use crate::state::AppState;
use leptos::prelude::*;
use std::borrow::Cow;
use yingsu_engine::agency::ReportPeriod;
use yingsu_engine::codec::write_csv;
use yingsu_engine::dates::fmt;
use yingsu_engine::report::{self_check_in, self_check_period, verdict};

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let evals = state.evals.get();
    let a = ctx.agency_opt();
    let period =
        ReportPeriod::parse(&ctx.half.get()).unwrap_or(ReportPeriod::half_of(state.today.get_untracked()).prev());
    let cal = state.calendar.get();
    let items = state.reg.with(|reg| {
        // (r3 §7.24) rows by their 责任主体; (§7.23) the same head at two hearings a day is listed on each matter.
        let mut items = self_check_in(&reg.matters, &evals, a.as_deref(), &reg.agencies);
        // The agency's own R23/R24 reports, as 总览 shows them (only when it is the agency checked).
        let duties = reg
            .own_report_duties(&cal, state.today.get())
            .filter(|(own, _)| a.as_deref().is_none_or(|x| x == own))
            .map(|(_, d)| d)
            .unwrap_or_default();
        items.extend(self_check_period(&reg.matters, a.as_deref(), period, &duties));
        items
    });
    let v = verdict(&items);
    let ok = items.is_empty();
    let rows: Vec<Vec<Cow<'static, str>>> = items
        .iter()
        .map(|i| {
            vec![
                i.case_no.clone().into(),
                i.clause.into(),
                i.status.map(|s| s.label()).unwrap_or("数据提示").into(),
                i.problem.clone().into(),
                i.fix.clone().into(),
            ]
        })
        .collect();
    let csv = write_csv(&["案号", "条款", "状态", "问题", "如何处理"], rows.into_iter());
    view! {
        <article class="report" data-testid="self-check">
            <header class="report-head"><h2>{format!("报送前自查：{}", a.clone().unwrap_or_else(|| "全部机关".into()))}</h2></header>
            <p class="report-meta">{format!("自查日期 {} · 列出所有违反、已逾期、待补充、久未完成的义务，已逾期的报告，{}缺少败诉原因（区政府案件另缺败诉分析报告日）的败诉案件，同一负责人同日多场开庭，以及数据提示", fmt(state.today.get()), period.label())}</p>
            <p><span class=if ok { "verdict ok" } else { "verdict bad" } data-testid="verdict">{v}</span></p>
            <table class="grid"><thead><tr><th>"案号"</th><th>"条款"</th><th>"状态"</th><th>"问题"</th><th>"如何处理"</th></tr></thead>
            <tbody>{items.into_iter().map(|i| view! {
                <tr><td>{if i.case_no.is_empty() { view! { <span class="muted">"（报告）"</span> }.into_any() } else { case_link(&i.case_no).into_any() }}</td><td>{i.clause}</td>
                    <td>{match i.status { Some(s) => view! { <StatusChip status=s/> }.into_any(), None => view! { <span class="chip chip-info">"数据提示"</span> }.into_any() }}</td>
                    <td class="why">{i.problem}</td><td>{i.fix}</td></tr>
            }).collect_view()}</tbody></table>
            <div class="actions report-controls">
                {print_button()}
                <button type="button" on:click=move |_| download_csv("自查清单.csv", csv.clone(), ctx.msg)>"导出 CSV"</button>
            </div>
        </article>
    }
}
