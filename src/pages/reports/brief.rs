//! 出庭准备单 (第十九条): "行政机关负责人出庭应诉前应当做好出庭准备，熟悉案情，并在庭审中就案件背景情况、
//! 政策依据、行政争议实质性化解方案、行政赔偿有关事项等问题发表意见。" For a matter with a hearing: the
//! clerk fills in the four matters (columns 案情摘要, 政策依据, 化解方案, 赔偿事项), prints or downloads
//! the sheet, and records 出庭准备日 (R19 done).

use super::paper::PaperView;
use super::{paper_buttons, Ctx};
use crate::state::AppState;
use chrono::Datelike;
use leptos::prelude::*;
use yingsu_engine::dates::{fmt, parse_date};
use yingsu_engine::model::Column;
use yingsu_engine::paper;

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let today = state.today.get_untracked();
    // Matters with a hearing, the coming ones first (nearest first), then the past (latest first).
    let options = state.reg.with(|reg| {
        let mut v: Vec<(chrono::NaiveDate, String)> =
            reg.matters.iter().filter_map(|m| m.hearing.map(|h| (h, m.case_no.0.clone()))).collect();
        yingsu_engine::sort::by_key(&mut v, |(h, no)| {
            (*h < today, if *h < today { -h.num_days_from_ce() } else { h.num_days_from_ce() }, no.clone())
        });
        v
    });
    if options.is_empty() {
        return view! { <p class="empty" data-testid="brief-empty">"没有填写了“开庭日”的案件。在案件页填写开庭日后，可在此生成出庭准备单。"</p> }.into_any();
    }
    if !options.iter().any(|(_, no)| *no == ctx.brief.get_untracked()) {
        ctx.brief.set(options[0].1.clone());
    }
    let key = ctx.brief.get();
    let Some(m) = state.reg.with(|reg| reg.matters.iter().find(|m| m.case_no.0 == key).cloned()) else {
        return view! { <p>"请选择案件"</p> }.into_any();
    };
    let fields = [Column::CaseSummary, Column::PolicyBasis, Column::Resolution, Column::Compensation];
    let sigs: Vec<(Column, RwSignal<String>)> = fields.iter().map(|c| (*c, RwSignal::new(c.get(&m)))).collect();
    let prepared = RwSignal::new(m.hearing_prepared.map(fmt).unwrap_or_default());
    let sigs = StoredValue::new(sigs);
    let base = StoredValue::new(m.clone());
    // The sheet as it stands on screen (unsaved edits included).
    let current = move || {
        let mut x = base.get_value();
        sigs.with_value(|s| {
            for (c, v) in s {
                let _ = c.set(&mut x, &v.get());
            }
        });
        x.hearing_prepared = parse_date(&prepared.get()).ok();
        x
    };
    let make = move || paper::hearing_brief(&untrack(current));
    let save = move |_| {
        let x = untrack(current);
        let raw = prepared.get_untracked();
        if !raw.trim().is_empty() && x.hearing_prepared.is_none() {
            ctx.msg.set(format!("「出庭准备日」无效：{raw}"));
            return;
        }
        let no = x.case_no.0.clone();
        let result = state.commit(|reg| {
            if let Some(m) = reg.matters.iter_mut().find(|m| m.case_no.0 == no) {
                m.case_summary = x.case_summary.clone();
                m.policy_basis = x.policy_basis.clone();
                m.resolution = x.resolution.clone();
                m.compensation = x.compensation.clone();
                m.hearing_prepared = x.hearing_prepared;
            }
        });
        ctx.msg.set(match result {
            Ok(()) => format!("已保存「{no}」的出庭准备单。"),
            Err(e) => format!("出庭准备单未保存：{e}"),
        });
    };
    view! {
        <article class="report screen-only" data-testid="brief">
            <div class="field"><label for="r-brief">"案件"</label>
                <select id="r-brief" prop:value=move || ctx.brief.get() on:change=move |e| ctx.brief.set(event_target_value(&e))>
                    {options.into_iter().map(|(h, no)| view! { <option value=no.clone()>{format!("{no}（开庭 {}）", fmt(h))}</option> }).collect_view()}
                </select></div>
            <dl class="facts">
                <dt>"案号"</dt><dd>{m.case_no.0.clone()}</dd>
                <dt>"案由"</dt><dd>{m.cause.clone()}</dd>
                <dt>"原告"</dt><dd>{m.plaintiff.clone()}</dd>
                <dt>"审理机关"</dt><dd>{m.tribunal.clone()}</dd>
                <dt>"开庭日"</dt><dd>{m.hearing.map(fmt).unwrap_or_default()}</dd>
                <dt>"代理人"</dt><dd>{Column::Agents.get(&m)}</dd>
            </dl>
            {sigs.get_value().into_iter().map(|(c, s)| {
                let id = format!("brief-{}", c.name());
                view! {
                    <div class="field wide"><label for=id.clone()>{c.name()}</label>
                        <textarea id=id prop:value=move || s.get() on:input=move |e| s.set(event_target_value(&e))></textarea></div>
                }
            }).collect_view()}
            <div class="field"><label for="brief-prepared">{Column::HearingPrepared.name()}</label>
                <input id="brief-prepared" type="date" prop:value=move || prepared.get() on:change=move |e| prepared.set(event_target_value(&e))/></div>
            <p class="hint">"第十九条：负责人出庭前应熟悉案情，并就案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项发表意见。填写“出庭准备日”即视为完成出庭准备（R19）。"</p>
            <div class="actions report-controls"><button type="button" class="primary" on:click=save>"保存准备单"</button></div>
        </article>
        <div class="actions report-controls">{paper_buttons(ctx, make)}</div>
        {move || view! { <PaperView paper=paper::hearing_brief(&current())/> }}
    }
    .into_any()
}
