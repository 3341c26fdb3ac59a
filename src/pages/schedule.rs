//! 日程: one view of the coming week or month — hearings (with 出庭负责人 and the state of 第十八条第一款
//! and 第十九条), every open due date and the report due dates — grouped by day, today first.
//! 总览's 本周 panel is the same list for seven days.

use crate::components::StatusChip;
use crate::route::Page;
use crate::state::AppState;
use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::model::Column;
use yingsu_engine::schedule::{awaiting_confirmation, schedule, Item, ItemKind};

/// The days from today to `days - 1` days ahead that hold something.
pub fn upcoming(state: AppState, days: i64) -> Vec<(NaiveDate, Vec<Item>)> {
    let today = state.today.get();
    let evals = state.evals.get();
    let cal = state.calendar.get();
    state.reg.with(|r| {
        let reports = r.own_periodic_duties(&cal, today).map(|x| x.1).unwrap_or_default();
        schedule(&r.matters, &evals, &reports, today, today + Duration::days(days - 1))
    })
}

fn weekday(d: NaiveDate) -> &'static str {
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][d.weekday().num_days_from_monday() as usize]
}

fn relative(d: NaiveDate, today: NaiveDate) -> String {
    match (d - today).num_days() {
        0 => "今天".into(),
        1 => "明天".into(),
        2 => "后天".into(),
        n => format!("{n} 天后"),
    }
}

/// Days and their items.
#[component]
pub fn DayList(days: Vec<(NaiveDate, Vec<Item>)>, today: NaiveDate, heading: u8) -> impl IntoView {
    if days.is_empty() {
        return view! { <p class="empty">"这段时间没有开庭、到期义务或报告期限。"</p> }.into_any();
    }
    view! {
        <div class="days">
            {days.into_iter().map(|(d, items)| {
                let title = view! { {fmt(d)} " " {weekday(d)} " " <span class="muted">{relative(d, today)}</span> };
                view! {
                    <section class="day" data-testid="day" data-date=fmt(d)>
                        {if heading == 2 { view! { <h2>{title}</h2> }.into_any() } else { view! { <h3>{title}</h3> }.into_any() }}
                        <ul class="day-items">
                            {items.into_iter().map(|it| {
                                let kind_class = match it.kind {
                                    ItemKind::Clash => "kind kind-clash",
                                    ItemKind::Hearing => "kind kind-hearing",
                                    ItemKind::Due => "kind kind-due",
                                    ItemKind::PeriodicDuty => "kind kind-report",
                                };
                                let href = (!it.case_no.is_empty()).then(|| Page::Case(Some(it.case_no.clone())).href());
                                view! {
                                    <li class="day-item" data-kind=it.kind.label() data-testid="schedule-item">
                                        <span class=kind_class>{it.kind.label()}</span>
                                        {it.rule.map(|r| view! { <span class="rule-tag">{r.label()}</span> })}
                                        <strong>{it.title.clone()}</strong>
                                        {(!matches!(it.kind, ItemKind::Hearing | ItemKind::Clash)).then(|| href.clone().map(|h| view! { <a href=h>{it.case_no.clone()}</a> }))}
                                        {(it.kind == ItemKind::Hearing).then(|| href.clone().map(|h| view! { <a href=h>"打开案件"</a> }))}
                                        {it.status.map(|s| view! { <StatusChip status=s/> })}
                                        <span class="day-detail">{it.detail.clone()}</span>
                                        // The hearing's own duties that day, inside its entry (issue 21).
                                        {(!it.inner.is_empty()).then(|| view! {
                                            <ul class="day-inner" data-testid="hearing-duties">{it.inner.iter().map(|d| view! {
                                                <li data-rule=d.rule.map(|r| r.label())>
                                                    {d.rule.map(|r| view! { <span class="rule-tag">{r.label()}</span> })}
                                                    {d.title.clone()} " "
                                                    {d.status.map(|s| view! { <StatusChip status=s/> })}
                                                </li>
                                            }).collect_view()}</ul>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

/// How far back 日程 asks to confirm a past hearing (older records raise no alarm, §7.22).
pub const CONFIRM_DAYS: i64 = 60;

/// Past hearings whose head is still only 已安排 (issue 21): (案号, 开庭日, `出庭负责人：王某（副职）` in the kind's
/// words — a 复议 has a 参加听证负责人), latest first.
pub fn to_confirm(state: AppState) -> Vec<(String, NaiveDate, String)> {
    let today = state.today.get();
    state.reg.with(|r| {
        awaiting_confirmation(&r.matters, today - Duration::days(CONFIRM_DAYS), today)
            .into_iter()
            .map(|m| {
                let title = m.head_title.trim();
                let label = yingsu_engine::form::label(Column::HeadName, m);
                let head = if title.is_empty() {
                    format!("{label}：{}", m.head_name.trim())
                } else {
                    format!("{label}：{}（{title}）", m.head_name.trim())
                };
                (m.case_no.0.clone(), m.hearing.unwrap_or(today), head)
            })
            .collect()
    })
}

/// 开庭后待确认 (issue 21, RULES.md §7.22): after a hearing the clerk confirms who attended and whether the head
/// spoke. 出庭并发言 / 出庭未发言 record 负责人发言 (是/否) — the confirmation — with an audit line; anyone else
/// attending, or nobody, is corrected on the matter (出庭负责人).
#[component]
pub fn ConfirmHearings() -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(String::new());
    let record = move |key: String, spoke: bool| {
        let Some(mut m) = state.reg.with_untracked(|r| r.find(&key).cloned()) else { return };
        m.head_spoke = Some(spoke);
        let (user, at) = (state.user(), crate::state::browser_now());
        let mut saved = Ok(0);
        let result = state.commit(|r| saved = r.save_matter(Some(&key), m, &user, &at));
        message.set(match (result, saved) {
            (Ok(()), Ok(_)) => format!(
                "已记录：{} 负责人出庭{}（负责人发言：{}）。",
                yingsu_engine::text::visible(&key),
                if spoke { "并发言" } else { "，未发言" },
                if spoke { "是" } else { "否" }
            ),
            (_, Err(e)) | (Err(e), _) => format!("未保存：{e}"),
        });
    };
    move || {
        let rows = to_confirm(state);
        (!rows.is_empty() || !message.get().is_empty()).then(|| view! {
            <section class="block confirm-hearings" data-testid="confirm-hearings">
                <h2>"开庭后待确认"</h2>
                <p class="hint">{format!("近 {CONFIRM_DAYS} 日已开庭、出庭负责人仍为“已安排”的案件：请确认负责人是否出庭、是否在庭审中发表意见（第十九条）。其他人出庭或无人出庭的，请在案件中修改出庭负责人。")}</p>
                <ul class="confirm-list">
                    {rows.into_iter().map(|(key, day, head)| {
                        let (k1, k2) = (key.clone(), key.clone());
                        let href = Page::Case(Some(key.clone())).href();
                        view! {
                            <li data-testid="confirm-hearing" data-case=key.clone()>
                                <span class="date">{fmt(day)}</span> " "
                                <a href=href.clone()>{yingsu_engine::text::visible(&key).into_owned()}</a> " "
                                <span>{format!("{head}，已安排")}</span>
                                <span class="confirm-actions">
                                    <button type="button" class="small" on:click=move |_| record(k1.clone(), true)>"已出庭并发言"</button>
                                    <button type="button" class="small" on:click=move |_| record(k2.clone(), false)>"已出庭，未发言"</button>
                                    <a class="small" href=href>"他人出庭或未出庭：在案件中修改"</a>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="message" role="status" data-testid="confirm-message">{move || message.get()}</p>
            </section>
        })
    }
}

#[component]
pub fn SchedulePage() -> impl IntoView {
    let state = AppState::expect();
    let span = RwSignal::new(7i64);
    let overdue = move || {
        state
            .evals
            .get()
            .iter()
            .flat_map(|e| e.obligations.iter())
            .filter(|o| o.status == yingsu_engine::Status::Overdue)
            .count()
    };
    let tab = move |n: i64, label: &'static str| {
        view! {
            <button type="button" role="tab" aria-selected=move || (span.get() == n).to_string() on:click=move |_| span.set(n)>{label}</button>
        }
    };
    view! {
        <section class="page schedule">
            <h1>"日程"</h1>
            <div class="tabs" role="tablist" aria-label="时间范围">{tab(7, "一周")}{tab(31, "一个月")}</div>
            <p class="hint">
                {move || format!("自今天（{}）起 {} 天内：开庭（按开庭时间排列；出庭负责人、第十八条第一款与第十九条的状态；同一负责人同日多场开庭另行提示）、未完成义务的期限日、本机关报告的报送期限。", fmt(state.today.get()), span.get())}
                {move || (overdue() > 0).then(|| view! { " 另有 " <a href="#/">{format!("{} 项已逾期", overdue())}</a> "，见总览。" })}
            </p>
            <ConfirmHearings/>
            {move || view! { <DayList days=upcoming(state, span.get()) today=state.today.get() heading=2/> }}
        </section>
    }
}
