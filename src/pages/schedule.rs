//! 日程: one view of the coming week or month — hearings (with 出庭负责人 and the state of 第十八条第一款
//! and 第十九条), every open due date and the report due dates — grouped by day, today first.
//! 总览's 本周 panel is the same list for seven days.

use crate::components::StatusChip;
use crate::route::Page;
use crate::state::AppState;
use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::schedule::{schedule, Item, ItemKind};

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
            {move || view! { <DayList days=upcoming(state, span.get()) today=state.today.get() heading=2/> }}
        </section>
    }
}
