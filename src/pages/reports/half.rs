//! 半年案件情况报告 (第二十三条): the dashboard on screen, the 公文 on paper and in Word.

use super::paper::PaperView;
use super::{case_link, d, download_csv, links, lost_table, paper_buttons, submit_box, Ctx, ALL};
use crate::components::{BarChart, StatusChip};
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::paper::{self, HalfYearExtras};
use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::report::{self, half_year};
use yingsu_engine::store::ReportNote;

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let Some(period) = ReportPeriod::parse(&ctx.half.get()) else {
        return view! { <p>"请选择期间"</p> }.into_any();
    };
    let evals = state.evals.get();
    let a = ctx.agency_opt();
    let t = state.today.get();
    let r = state.reg.with(|reg| half_year(&reg.matters, &evals, a.as_deref(), period, t));
    let months = state.reg.with(|reg| paper::months_intake(&reg.matters, a.as_deref(), period));
    let outcome_bars: Vec<(String, usize)> =
        r.outcomes.iter().map(|(o, n)| (o.map(|o| o.label()).unwrap_or("未填写").to_string(), *n)).collect();
    // Outcomes by period: lost (败诉 + 部分败诉) of this and the three half-years before it; this one is `r`.
    let trend: Vec<(String, usize)> = {
        let mut earlier: Vec<ReportPeriod> =
            std::iter::successors(Some(period.prev()), |p| Some(p.prev())).take(3).collect();
        earlier.reverse();
        let earlier: Vec<_> = state
            .reg
            .with(|reg| earlier.iter().map(|p| half_year(&reg.matters, &evals, a.as_deref(), *p, t)).collect());
        paper::loss_trend(&earlier, &r)
    };
    let note_agency = r.agency.clone();
    let note = state.reg.with(|reg| {
        reg.report_notes
            .iter()
            .find(|n| n.agency == note_agency && n.period == period)
            .map(|n| n.text.clone())
            .unwrap_or_default()
    });
    let note_sig = RwSignal::new(note);
    let save_note = move |_| {
        let text = note_sig.get_untracked();
        let a = note_agency.clone();
        let result = state.commit(|reg| {
            reg.report_notes.retain(|n| !(n.agency == a && n.period == period));
            if !text.trim().is_empty() {
                reg.report_notes.push(ReportNote { agency: a.clone(), period, text: text.clone() });
            }
        });
        ctx.msg.set(match result {
            Ok(()) => "已保存“其他需要说明的事项”。".into(),
            Err(e) => format!("“其他需要说明的事项”未保存：{e}"),
        });
    };
    let csv = report::half_year_csv(std::slice::from_ref(&r));
    let file = format!("半年报告-{}-{}.csv", r.agency, period.code());
    let indicators = r.indicators();
    // The paper follows the note as it is typed (what prints is what is on screen).
    let r2 = StoredValue::new(r.clone());
    let (months2, trend2) = (StoredValue::new(months.clone()), StoredValue::new(trend.clone()));
    let make = move || {
        let signer = ctx.signer();
        let date = state.today.get_untracked();
        let note = note_sig.get_untracked();
        state.reg.with_untracked(|reg| {
            r2.with_value(|r| {
                paper::half_year(
                    r,
                    &HalfYearExtras {
                        matters: &reg.matters,
                        months: months2.get_value(),
                        trend: trend2.get_value(),
                        note: &note,
                        signer: &signer,
                        date,
                    },
                )
            })
        })
    };
    let live = move || {
        note_sig.track();
        view! { <PaperView paper=make()/> }
    };
    view! {
        <article class="report screen-only" data-testid="half-report">
            <header class="report-head"><h2>{format!("{}{}案件情况报告", if r.agency == ALL { "全区".to_string() } else { r.agency.clone() }, period.label())}</h2></header>
            <p class="report-meta">{format!("依据《通州区行政机关应诉规则》第二十三条 · 统计期间 {} 至 {} · 制表日期 {}", fmt(period.start()), fmt(period.end()), fmt(state.today.get()))}</p>
            {(r.intake.is_empty() && r.suggestions.is_empty() && r.court_closed.is_empty() && r.review_closed.is_empty()).then(|| super::empty_period(period))}
            <div class="figures">
                {indicators.iter().take(12).map(|(k, v)| view! { <div class="figure" data-testid=format!("ind-{k}")><span class="n">{v.clone()}</span>{*k}</div> }).collect_view()}
            </div>
            <h3>"一、案件总量（新收案件，按案件类型和审级；建议另计）"</h3>
            <table class="grid"><thead><tr><th>"案件类型"</th><th>"审级"</th><th>"新收"</th></tr></thead>
            <tbody>{r.intake_by_type.iter().map(|(t, l, n)| view! { <tr><td>{t.label()}</td><td>{l.map(|l| l.label())}</td><td class="num">{*n}</td></tr> }).collect_view()}</tbody></table>
            <p>"新收案件：" {links(&r.intake)}</p>
            <p>"收到建议（司法建议、检察建议、法制建议、行政复议意见书，不计入新收案件）：" {links(&r.suggestions)}</p>
            <BarChart title="月度新收案件".to_string() bars=months/>
            <h3>"二、法院判决情况"</h3>
            <p>"法院审结：" {links(&r.court_closed)}</p>
            <BarChart title="法院审结案件的裁判结果".to_string() bars=outcome_bars/>
            <p>{format!("败诉率（法院）＝（败诉＋部分败诉）/法院审结：{}", r.loss_rate())}</p>
            <BarChart title="近四个半年度的法院败诉（含部分败诉）案件数".to_string() bars=trend/>
            <p>"复议审结：" {links(&r.review_closed)}</p>
            <p data-testid="review-rate">{format!("复议决定：审结 {} 件，撤销、变更或确认违法（纠错）{} 件，复议纠错率 {}（与法院败诉率分别统计）", r.review_closed.len(), r.review_corrected.len(), r.review_correction_rate())}</p>
            <h3>"三、典型案例分析"</h3>
            {if r.typical.is_empty() { view! { <p class="muted">"本期没有标记为典型案例的案件（在案件页勾选“典型案例”）。"</p> }.into_any() } else { view! { <p>{links(&r.typical)}</p> }.into_any() }}
            <h3>"四、败诉案件分析"</h3>
            {lost_table(&r.lost)}
            {(!r.review_corrected.is_empty()).then(|| view! { <p>"复议纠错案件："</p> {lost_table(&r.review_corrected)} })}
            <h3>"五、执行生效裁判情况"</h3>
            <p data-testid="performance">{format!("应履行 {} 件，已履行 {} 件（其中逾期履行 {} 件），未履行 {} 件",
                r.performance.len(),
                r.performance.iter().filter(|p| !p.unperformed()).count(),
                r.performance.iter().filter(|p| p.performed_late()).count(),
                r.performance.iter().filter(|p| p.unperformed()).count())}</p>
            <table class="grid"><thead><tr><th>"案号"</th><th>"生效日"</th><th>"履行期限"</th><th>"履行完成日"</th><th>"履行状态"</th><th>"未履行天数"</th></tr></thead>
            <tbody>{r.performance.iter().map(|p| view! { <tr><td>{case_link(&p.case_no)}</td><td class="date">{fmt(p.effective)}</td>
                <td class="date">{d(p.due)}</td><td class="date">{d(p.performed)}</td><td><StatusChip status=p.status/></td>
                <td class="num">{if p.unperformed() { p.days_open.to_string() } else { String::new() }}</td></tr> }).collect_view()}</tbody></table>
            <h3>"六、负责人出庭应诉情况"</h3>
            <p data-testid="heads">{format!("行政诉讼已开庭 {} 件（不含民事诉讼、行政复议），负责人出庭 {} 件，负责人出庭率 {}；主要负责人（正职）出庭 {} 件，主要负责人出庭率 {}", r.hearings.len(), r.heads.len(), r.head_rate(), r.principal_heads.len(), r.principal_head_rate())}</p>
            <p data-testid="heads-spoke">{format!("负责人发言案件数 {} 件，出声率（负责人发言案件数/负责人出庭案件数）{}", r.heads_spoke.len(), r.spoke_rate())}</p>
            <p data-testid="review-hearings">{format!("复议听证数 {} 件，负责人参加听证数 {} 件（行政复议法第五十一条）", r.review_hearings.len(), r.review_heads.len())}</p>
            <h3>"七、其他需要说明的事项"</h3>
            <label for="r-note" class="muted">"其他需要说明的事项"</label>
            <textarea id="r-note" prop:value=move || note_sig.get() on:input=move |e| note_sig.set(event_target_value(&e))></textarea>
            <div class="actions report-controls">
                <button type="button" on:click=save_note>"保存说明"</button>
                <button type="button" on:click=move |_| download_csv(&file, csv.clone(), ctx.msg)>"导出 CSV"</button>
            </div>
        </article>
        <div class="actions report-controls">{paper_buttons(ctx, make)}</div>
        {submit_box(ctx, period)}
        {live}
    }
    .into_any()
}
