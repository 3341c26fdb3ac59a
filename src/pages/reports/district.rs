//! 全区对比 (区司法局): every agency of the consolidated register side by side for a half-year.

use super::{download_csv, print_button, Ctx};
use crate::components::BarChart;
use crate::state::AppState;
use leptos::prelude::*;
use std::borrow::Cow;
use yingsu_engine::codec::write_csv;
use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::report;

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let Some(period) = ReportPeriod::parse(&ctx.half.get()) else {
        return view! { <p>"请选择期间"</p> }.into_any();
    };
    let evals = state.evals.get();
    // One pass groups everything per agency (§4.1): the district view stays linear in the register.
    let (rows, all) = state.reg.with(|reg| {
        // (r3 §7.24) the status columns count rows under their 责任主体; matter counts keep the agency of the matter.
        // An agency with rows but no matter of its own (区司法局, an 原行政行为机关) still gets its line.
        let mut counts: std::collections::HashMap<String, (usize, usize)> =
            report::counts_by_agency(&reg.matters, &evals, &reg.agencies)
                .into_iter()
                .map(|(a, c)| (a, (c.overdue, c.check)))
                .collect();
        let today = state.today.get();
        let mut reports = report::half_year_all(&reg.matters, &evals, period, today);
        let all = reports.pop().expect("half_year_all ends with 全部");
        let mut rows = reports
            .into_iter()
            .map(|r| {
                let key = yingsu_engine::names::key(&r.agency, &reg.agencies).to_string();
                let (overdue, open) = counts.remove(&key).unwrap_or_default();
                (r.agency.clone(), r, overdue, open)
            })
            .collect::<Vec<_>>();
        let mut rest: Vec<(String, (usize, usize))> = counts.into_iter().collect();
        rest.sort();
        for (a, (overdue, open)) in rest {
            let r = report::half_year(&[], &[], Some(&a), period, today);
            rows.push((a, r, overdue, open));
        }
        (rows, all)
    });
    let bars: Vec<(String, usize)> = rows.iter().map(|(a, _, o, _)| (a.clone(), *o)).collect();
    let rows = std::sync::Arc::new(rows);
    // The CSV files are written when asked for, not each time the tab is drawn.
    let (csv_rows_of, reports_of, all_of) = (rows.clone(), rows.clone(), all.clone());
    let file = format!("全区对比-{}.csv", period.code());
    let export = move |_| {
        let csv_rows: Vec<Vec<Cow<'static, str>>> = csv_rows_of
            .iter()
            .map(|(a, r, o, c)| {
                vec![
                    a.clone().into(),
                    r.intake.len().to_string().into(),
                    r.closed().to_string().into(),
                    r.loss_rate().into(),
                    r.head_rate().into(),
                    o.to_string().into(),
                    c.to_string().into(),
                ]
            })
            .collect();
        let csv = write_csv(
            &["机关", "新收", "审结", "败诉率", "负责人出庭率", "已逾期义务", "自查待处理"],
            csv_rows.into_iter(),
        );
        download_csv(&file, csv, ctx.msg)
    };
    let file2 = format!("半年报告-全区-{}.csv", period.code());
    let export_reports = move |_| {
        let reports: Vec<_> =
            reports_of.iter().map(|(_, r, _, _)| r.clone()).chain(std::iter::once(all_of.clone())).collect();
        download_csv(&file2, report::half_year_csv(&reports), ctx.msg)
    };
    view! {
        <article class="report" data-testid="district">
            <header class="report-head"><h2>{format!("全区各机关应诉情况对比（{}）", period.label())}</h2></header>
            <p class="report-meta">"区司法局汇总视图：合并后的台账中各机关（按案件所属机关；未填所属机关的按应诉承办机关，均未填为“未指定”）"</p>
            {(all.intake.is_empty() && all.suggestions.is_empty() && all.closed() == 0).then(|| super::empty_period(period))}
            <table class="grid"><thead><tr><th>"机关"</th><th>"新收"</th><th>"审结"</th><th>"败诉率"</th><th>"负责人出庭率"</th><th>"已逾期义务"</th><th>"自查待处理"</th></tr></thead>
            <tbody>
                {rows.iter().map(|(a, r, o, c)| view! {
                    <tr><th scope="row">{a.clone()}</th><td class="num">{r.intake.len()}</td><td class="num">{r.closed()}</td><td class="num">{r.loss_rate()}</td>
                        <td class="num">{r.head_rate()}</td><td class="num">{*o}</td><td class="num">{*c}</td></tr>
                }).collect_view()}
                <tr><th scope="row">"全区合计"</th><td class="num">{all.intake.len()}</td><td class="num">{all.closed()}</td><td class="num">{all.loss_rate()}</td><td class="num">{all.head_rate()}</td><td></td><td></td></tr>
            </tbody></table>
            <BarChart title="各机关已逾期义务".to_string() bars=bars/>
            <div class="actions report-controls">
                {print_button()}
                <button type="button" on:click=export>"导出对比表 CSV"</button>
                <button type="button" on:click=export_reports>"导出各机关半年指标 CSV"</button>
            </div>
        </article>
    }
    .into_any()
}
