//! 年度负责人出庭 (第十八条) and 考核表 (第二十八条): figures that open their matters, scores from the
//! weights in 设置 (a local setting: the regulation names no points), total and ranking; 区司法局 itself
//! is left out of the ranking unless the switch says otherwise.

use super::paper::PaperView;
use super::{download_csv, links, paper_buttons, print_button, Ctx};
use crate::components::StatusChip;
use crate::state::AppState;
use leptos::prelude::*;
use std::borrow::Cow;
use yingsu_engine::codec::write_csv;
use yingsu_engine::paper;
use yingsu_engine::periodic::assessment_of;
use yingsu_engine::periodic::score::{self, tenths, ScoreSheet};

fn nos(v: &[yingsu_engine::model::CaseNo]) -> Vec<String> {
    v.iter().map(|c| c.0.clone()).collect()
}

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let today = state.today.get();
    let y: i32 = ctx.year.get().parse().unwrap_or(2025);
    let evals = state.evals.get();
    // (r3 §7.9, §7.24) every agency of a matter, every 责任主体 (区司法局, an 原行政行为机关) and 区政府 itself (its
    // own R18B), each spelling of 区司法局 / 区政府 once.
    let names = match ctx.agency_opt() {
        Some(a) => vec![a],
        None => state.reg.with(|r| {
            let mut v = yingsu_engine::report::agencies(&r.matters);
            v.extend(yingsu_engine::report::counts_by_agency(&r.matters, &evals, &r.agencies).into_iter().map(|x| x.0));
            if r.matters.iter().any(|m| m.defendant == yingsu_engine::model::Defendant::DistrictGov) {
                v.push(yingsu_engine::names::DISTRICT_GOV.to_string());
            }
            let mut seen = std::collections::HashSet::new();
            v.retain(|a| seen.insert(yingsu_engine::names::key(a, &r.agencies).to_string()));
            v
        }),
    };
    let include = ctx.include_bureau.get();
    let (sheets, weights) = state.reg.with(|reg| {
        let sheets =
            names.iter().map(|a| assessment_of(&reg.matters, &evals, &reg.agencies, a, y, today)).collect::<Vec<_>>();
        (sheets, reg.settings.assessment_weights)
    });
    let mut scores: Vec<ScoreSheet> = sheets.iter().map(|s| score::score(s, &weights)).collect();
    state.reg.with(|reg| score::rank(&mut scores, &reg.agencies, include));
    let rows: Vec<Vec<Cow<'static, str>>> = scores
        .iter()
        .flat_map(|s| {
            let mut v: Vec<Vec<Cow<'static, str>>> = s
                .items
                .iter()
                .map(|i| {
                    vec![
                        s.agency.clone().into(),
                        y.to_string().into(),
                        i.name.into(),
                        i.figure.clone().into(),
                        i.weight.to_string().into(),
                        tenths(i.score).into(),
                    ]
                })
                .collect();
            v.push(vec![
                s.agency.clone().into(),
                y.to_string().into(),
                "合计".into(),
                s.rank.map(|r| format!("第{r}名")).unwrap_or_else(|| "不参与排名".into()).into(),
                weights.iter().sum::<u32>().to_string().into(),
                tenths(s.total).into(),
            ]);
            v
        })
        .collect();
    let csv = write_csv(&["机关", "年度", "考核项目", "数据", "分值", "得分"], rows.into_iter());
    let file = format!("考核表-{y}.csv");
    let heads: Vec<_> = sheets.iter().map(|s| s.heads.clone()).collect();
    let (heads2, scores2) = (StoredValue::new(heads), StoredValue::new(scores.clone()));
    let make_heads = move || {
        state.reg.with_untracked(|reg| {
            heads2.with_value(|h| paper::heads(y, h, &reg.matters, &ctx.signer(), state.today.get_untracked()))
        })
    };
    let make_score = move || {
        scores2.with_value(|s| {
            paper::assessment(y, s, &score::weights_note(&weights), &ctx.signer(), state.today.get_untracked())
        })
    };
    view! {
        <article class="report screen-only" data-testid="annual-report">
            <header class="report-head"><h2>{format!("{y}年度负责人出庭与应诉工作考核表")}</h2></header>
            <p class="report-meta">"依据第十八条第二款、第二十八条 · 数据为按时完成数/应完成数，点开可看对应案件"</p>
            <p class="hint" data-testid="weights-note">{score::weights_note(&weights)} " 分值在“设置”中修改。"</p>
            <div class="field report-controls"><label>
                <input type="checkbox" prop:checked=move || ctx.include_bureau.get() on:change=move |e| ctx.include_bureau.set(event_target_checked(&e))/>
                "排名包括区司法局本身"</label></div>
            <table class="grid" data-testid="ranking"><thead><tr><th>"机关"</th>
                {score::ITEMS.iter().map(|i| view! { <th>{i.short}</th> }).collect_view()}
                <th>"合计"</th><th>"排名"</th></tr></thead>
            <tbody>{scores.iter().map(|s| view! {
                <tr><th scope="row">{s.agency.clone()}</th>
                    {s.items.iter().map(|i| view! { <td class="num">{tenths(i.score)}</td> }).collect_view()}
                    <td class="num" data-testid="total">{tenths(s.total)}</td>
                    <td class="num" data-testid="rank">{s.rank.map(|r| r.to_string()).unwrap_or_else(|| "不参与".into())}</td></tr>
            }).collect_view()}</tbody></table>
            // Each agency's figures, in ranking order (the assessment found by agency name).
            {scores.into_iter().filter_map(|sc| sheets.iter().find(|s| s.agency == sc.agency).cloned().map(|s| (s, sc))).map(|(s, sc)| view! {
                <section class="block">
                    <h3>{s.agency.clone()}</h3>
                    <p>"主要负责人（正职）参与行政复议审理和行政诉讼出庭各至少一次：" <StatusChip status=s.heads.status/> " " {s.heads.explanation.clone()}</p>
                    <p>"复议审理：" {links(&nos(&s.heads.reconsideration))} " 出庭应诉：" {links(&nos(&s.heads.litigation))}</p>
                    <table class="grid"><thead><tr><th>"考核项目"</th><th>"依据"</th><th>"数据"</th><th>"分值"</th><th>"得分"</th><th>"对应案件"</th></tr></thead>
                    <tbody>{sc.items.into_iter().map(|i| view! {
                        <tr><td>{i.name}</td><td>{i.basis}</td><td class="num" data-testid="figure">{i.figure.clone()}</td>
                            <td class="num">{i.weight}</td><td class="num" data-testid="score">{tenths(i.score)}</td>
                            <td><details data-testid="counted"><summary>{format!("查看（计入 {} 项{}）", i.met.len() + i.missed.len(), if i.uncounted.is_empty() { String::new() } else { format!("，未计入 {} 项", i.uncounted.len()) })}</summary>
                                "按时：" {links(&nos(&i.met))}<br/>"未按时：" {links(&nos(&i.missed))}
                                {(!i.uncounted.is_empty()).then(|| view! {
                                    <br/>"未计入（尚未到期或缺少数据）：" <span class="case-links">{i.uncounted.iter().map(|(c, st)| view! { {super::case_link(&c.0)} {format!("（{}）", st.label())} " " }).collect_view()}</span>
                                })}
                            </details>
                                {(!i.note.is_empty()).then(|| view! { <span class="muted">{i.note.clone()}</span> })}</td></tr>
                    }).collect_view()}</tbody></table>
                </section>
            }).collect_view()}
            <div class="actions report-controls">
                {print_button()}
                <button type="button" on:click=move |_| download_csv(&file, csv.clone(), ctx.msg)>"导出 CSV"</button>
            </div>
        </article>
        <div class="actions report-controls">
            <span>"负责人出庭情况："</span>{paper_buttons(ctx, make_heads)}
        </div>
        <div class="actions report-controls">
            <span>"考核表："</span>
            <button type="button" on:click=move |_| super::paper::download_docx(make_score(), ctx.msg)>"导出考核表 Word（.docx）"</button>
        </div>
        <PaperView paper=make_heads()/>
        <PaperView paper=make_score()/>
    }
    .into_any()
}
