//! 总览: what is overdue, due soon, missing data or violated; counts by agency and status; reports due.

use crate::components::{status_class, ObligationTable, StatusChip};
use crate::pages::schedule::{upcoming, DayList};
use crate::route::Page;
use crate::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeMap;
use yingsu_engine::dates::fmt;
use yingsu_engine::store::Role;
use yingsu_engine::{Obligation, Status};

/// Rows shown per section before "显示全部": 20, not 50 — at 10,000 matters drawing 4 × 50 rows with their explanations was most of the time of
/// opening 总览 (docs/BENCHMARKS.md).
const SHOWN: usize = 20;

const ATTENTION: &[(Status, &str)] = &[
    (Status::Overdue, "已逾期"),
    (Status::DueSoon, "即将到期"),
    (Status::MissingData, "待补充（缺少起算日期等数据）"),
    (Status::Violation, "违反"),
    (Status::LongOpen, "久未完成（规则未规定具体期限，已超过提醒天数）"),
];

#[component]
pub fn Overview() -> impl IntoView {
    let state = AppState::expect();
    // All obligations needing attention, by status, sorted by due date (no date last).
    // Positions (matter, obligation) in `state.evals`, not copies: at 10,000 matters tens of thousands of
    // obligations need attention, and only the first rows of each section are drawn.
    let by_status = Memo::new(move |_| {
        let evals = state.evals.get();
        let mut map: BTreeMap<Status, Vec<(usize, usize)>> = BTreeMap::new();
        for (i, ev) in evals.iter().enumerate() {
            for (j, o) in ev.obligations.iter().enumerate() {
                if o.status.needs_attention() {
                    map.entry(o.status).or_default().push((i, j));
                }
            }
        }
        let at = |&(i, j): &(usize, usize)| -> &Obligation { &evals[i].obligations[j] };
        for v in map.values_mut() {
            yingsu_engine::sort::by(v, |a, b| {
                let (a, b) = (at(a), at(b));
                (a.due.is_none(), a.due, &a.case_no).cmp(&(b.due.is_none(), b.due, &b.case_no))
            });
        }
        map
    });
    let first_rows = move |s: Status, limit: usize| -> Vec<Obligation> {
        state.evals.with(|evals| {
            by_status.with(|m| {
                m.get(&s)
                    .map(|v| v.iter().take(limit).map(|&(i, j)| evals[i].obligations[j].clone()).collect())
                    .unwrap_or_default()
            })
        })
    };
    let warn_days = move || state.reg.with(|r| r.settings.warn_days);
    // This agency's R23/R24 duties (none for 区司法局): listed below and counted on the cards, so that an
    // overdue report is never behind a card saying 已逾期 0 (issue 21).
    let own_reports = Memo::new(move |_| {
        let (cal, today) = (state.calendar.get(), state.today.get());
        state.reg.with(|r| r.own_periodic_duties(&cal, today))
    });
    let report_count = move |s: Status| {
        own_reports.with(|o| o.as_ref().map_or(0, |(_, d)| d.iter().filter(|d| d.status == s).count()))
    };
    let duty_count = move |s: Status| by_status.with(|m| m.get(&s).map_or(0, Vec::len));
    let counts = move |s: Status| duty_count(s) + report_count(s);

    // (r3 §7.24) obligation rows count where their 责任主体 is (R05, R06, R13B for 区司法局, R11D for the
    // 原行政行为机关), not under the agency of the matter.
    let agency_table = move || {
        let evals = state.evals.get();
        state.reg.with(|r| {
            yingsu_engine::report::counts_by_agency(&r.matters, &evals, &r.agencies)
                .into_iter()
                .map(|(name, c)| (name, c.by_status))
                .collect::<Vec<_>>()
        })
    };
    let shown: &[Status] = &[
        Status::Overdue,
        Status::DueSoon,
        Status::MissingData,
        Status::Violation,
        Status::LongOpen,
        Status::Pending,
        Status::NoFixedTerm,
        Status::DoneLate,
        Status::Done,
    ];

    // 区司法局 receives the R23/R24 reports: its 总览 shows who sent them, not duties of its own.
    let reports = move || {
        let (agency, mut duties) = own_reports.get()?;
        duties.retain(|d| d.status != Status::Done);
        Some((agency, duties))
    };
    let is_bureau = move || state.reg.with(|r| r.profile.role == Role::JusticeBureau);

    let warnings = move || {
        let evals = state.evals.get();
        evals.iter().flat_map(|e| e.warnings.clone()).collect::<Vec<_>>()
    };
    let art32 = move || state.evals.get().iter().filter(|e| e.art32_note.is_some()).count();
    let all_warnings = RwSignal::new(false);

    view! {
        <section class="page overview">
            <h1>"总览"</h1>
            {move || state.reg.with(|r| r.matters.is_empty()).then(|| view! {
                <div class="banner banner-info">"还没有案件。" <a href=Page::Case(None).href()>"新建第一个案件"</a>
                " ，或先到" <a href="#/settings">"设置"</a> "填写本机关名称和用户名。"</div>
            })}
            <div class="cards" role="list">
                {ATTENTION.iter().map(|(s, label)| {
                    let s = *s;
                    view! {
                        <button type="button" class=format!("card {}", status_class(s)) role="listitem" data-testid=format!("count-{}", s.label())
                           on:click=move |_| { if let Some(el) = document().get_element_by_id(&format!("sec-{}", s.label())) { el.scroll_into_view(); } }>
                            <span class="card-n">{move || counts(s)}</span>
                            <span class="card-label">{*label}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
            <section class="block week" data-testid="this-week">
                <h2>"本周" <span class="muted">"（今天起 7 天：开庭、到期义务、报告期限）"</span>
                    " " <a href=Page::Schedule.href() class="more">"打开日程（一周 / 一个月）"</a></h2>
                {move || {
                    // Issue 21: past hearings whose head is still only 已安排 — confirmed on 日程.
                    let n = crate::pages::schedule::to_confirm(state).len();
                    (n > 0).then(|| view! {
                        <p class="banner banner-info" data-testid="confirm-count">
                            {format!("{n} 场开庭后待确认负责人是否出庭、是否发言（出庭负责人仍为“已安排”）。")}
                            " " <a href=Page::Schedule.href()>"到日程确认"</a>
                        </p>
                    })
                }}
                {move || view! { <DayList days=upcoming(state, 7) today=state.today.get() heading=3/> }}
            </section>
            <p class="hint">"计日方式：规则中的“N日”按" <strong>{move || state.reg.with(|r| r.settings.counting.label())}</strong>
               "计算（可在设置中改为工作日）；法院期限一律按自然日，行政复议法“十日”按工作日；期限届满日为休息日的顺延至下一工作日。"
               {move || (art32() > 0).then(|| format!(" 另有 {} 个案件的部分义务在 2022-04-28 本规则施行前已届满或已完成，依第三十二条未列出。", art32()))}
            </p>
            {ATTENTION.iter().map(|(s, label)| {
                let s = *s;
                // Long lists show their first rows (earliest due first); the rest on request.
                let show_all = RwSignal::new(false);
                view! {
                    <section class="block" id=format!("sec-{}", s.label())>
                        <h2>{*label} " " <span class="muted">{move || format!("（{} 项）", counts(s))}</span>
                            {(s == Status::DueSoon).then(|| view! { <span class="muted">{move || format!("期限在 {} 日内", warn_days())}</span> })}
                        </h2>
                        {move || (report_count(s) > 0).then(|| view! {
                            <p class="hint" data-testid=format!("reports-in-{}", s.label())>
                                {format!("另有本机关报告 {} 项，见下方", report_count(s))}
                                <button type="button" class="link" on:click=move |_| { if let Some(el) = document().get_element_by_id("sec-reports") { el.scroll_into_view(); } }>"「报告报送」"</button>
                            </p>
                        })}
                        {move || {
                            let limit = if show_all.get() { usize::MAX } else { SHOWN };
                            view! { <ObligationTable rows=first_rows(s, limit) show_case=true/> }
                        }}
                        {move || (duty_count(s) > SHOWN && !show_all.get()).then(|| view! {
                            <button type="button" on:click=move |_| show_all.set(true)>{format!("显示全部 {} 项（当前显示最早到期的 {SHOWN} 项）", duty_count(s))}</button>
                        })}
                    </section>
                }
            }).collect_view()}
            {move || reports().map(|(agency, duties)| view! {
                <section class="block" id="sec-reports" data-testid="own-reports">
                    <h2>"报告报送（第二十三条、第二十四条）：" {agency}</h2>
                    {if duties.is_empty() { view! { <p class="empty">"所有应报报告均已标记为已报送。"</p> }.into_any() } else { view! {
                        <table class="grid"><thead><tr><th>"规则"</th><th>"报告"</th><th>"期限日"</th><th>"状态"</th><th>"说明"</th></tr></thead>
                        <tbody>{duties.into_iter().map(|d| view! {
                            <tr><td>{d.period.rule().label()}</td>
                                <td>{format!("{}{}", d.period.label(), if d.period.rule() == yingsu_engine::RuleId::R23 { "案件情况报告" } else { "败诉案件情况报告" })}</td>
                                <td class="date">{fmt(d.due)}</td><td><StatusChip status=d.status/></td><td class="why">{d.explanation}</td></tr>
                        }).collect_view()}</tbody></table>
                    }.into_any() }}
                </section>
            })}
            {move || is_bureau().then(|| view! { <crate::pages::submissions::Submissions/> })}
            <section class="block">
                <h2>"数据提示"</h2>
                {move || {
                    let w = warnings();
                    let total = w.len();
                    // Like the sections above: the first rows, the rest on request (thousands of hints at
                    // 10,000 matters would take long to draw).
                    let limit = if all_warnings.get() { usize::MAX } else { SHOWN };
                    if w.is_empty() { view! { <p class="empty">"没有数据提示。"</p> }.into_any() } else { view! {
                        <ul class="warnings">{w.into_iter().take(limit).map(|w| {
                            let href = Page::Case(Some(w.case_no.0.clone())).href();
                            view! { <li><a href=href>{yingsu_engine::text::visible(&w.case_no.0).into_owned()}</a> "：" {w.message.clone()} "（" {w.clause} "）"</li> }
                        }).collect_view()}</ul>
                        {(total > limit).then(|| view! {
                            <button type="button" on:click=move |_| all_warnings.set(true)>{format!("显示全部 {total} 条提示（当前显示前 {SHOWN} 条）")}</button>
                        })}
                    }.into_any() }
                }}
            </section>
            <section class="block">
                <h2>"按机关统计义务状态" <span class="muted">"（按责任主体）"</span></h2>
                <table class="grid" data-testid="by-agency">
                    <thead><tr><th scope="col">"机关"</th>{shown.iter().map(|s| view! { <th scope="col">{s.label()}</th> }).collect_view()}</tr></thead>
                    <tbody>{move || agency_table().into_iter().map(|(name, row)| view! {
                        <tr><th scope="row">{name}</th>{shown.iter().map(|s| view! { <td class="num">{row.get(s).copied().unwrap_or(0)}</td> }).collect_view()}</tr>
                    }).collect_view()}</tbody>
                </table>
            </section>
        </section>
    }
}
