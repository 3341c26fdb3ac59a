//! 季度败诉案件报告 (第二十四条第一款): on screen, on paper and in Word.

use super::paper::PaperView;
use super::{download_csv, lost_table, paper_buttons, submit_box, Ctx, ALL};
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::paper;
use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::report::{self, quarter_losses, quarter_review_corrections};

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let Some(period) = ReportPeriod::parse(&ctx.quarter.get()) else {
        return view! { <p>"请选择期间"</p> }.into_any();
    };
    let a = ctx.agency_opt();
    let lost = state.reg.with(|reg| quarter_losses(&reg.matters, a.as_deref(), period));
    let review = state.reg.with(|reg| quarter_review_corrections(&reg.matters, a.as_deref(), period));
    let csv = report::quarter_csv(&lost, period);
    let file = format!("季度败诉报告-{}-{}.csv", a.clone().unwrap_or_else(|| ALL.into()), period.code());
    let (a2, lost2, review2) =
        (StoredValue::new(a.clone()), StoredValue::new(lost.clone()), StoredValue::new(review.clone()));
    let make = move || {
        let (l, r) = (lost2.get_value(), review2.get_value());
        paper::quarter(a2.get_value().as_deref(), period, &l, &r, &ctx.signer(), state.today.get_untracked())
    };
    view! {
        <article class="report screen-only" data-testid="quarter-report">
            <header class="report-head"><h2>{format!("{}{}败诉案件情况报告", a.clone().unwrap_or_else(|| "全区".into()), period.label())}</h2></header>
            <p class="report-meta">{format!("依据第二十四条（含辖区内村委会的败诉案件）· 制表日期 {}", fmt(state.today.get()))}</p>
            <p data-testid="quarter-count">{format!("本季度法院败诉判决（含部分败诉）{} 件，其中涉及村委会 {} 件。", lost.len(), lost.iter().filter(|l| l.village).count())}</p>
            {lost_table(&lost)}
            <h3>"复议决定撤销、变更或确认违法（不计入败诉判决）"</h3>
            <div data-testid="quarter-review">{if review.is_empty() { view! { <p class="muted">"无"</p> }.into_any() } else { lost_table(&review).into_any() }}</div>
            <div class="actions report-controls"><button type="button" on:click=move |_| download_csv(&file, csv.clone(), ctx.msg)>"导出 CSV"</button></div>
        </article>
        <div class="actions report-controls">{paper_buttons(ctx, make)}</div>
        {submit_box(ctx, period)}
        <PaperView paper=make()/>
    }
    .into_any()
}
