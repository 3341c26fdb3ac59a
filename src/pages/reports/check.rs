//! 报送前自查: every 违反 / 已逾期 / 待补充 obligation and data warning of the agency's matters, with what to fix.
//!
//! Grouped by agency and kind, counts first, items on demand: at 20,000 matters 全部机关 has tens of thousands
//! of items, and drawing every one froze the page for seconds (issue 21). A short list opens as a whole.

use super::{case_link, download_csv, print_button, Ctx};
use crate::components::StatusChip;
use crate::state::AppState;
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use yingsu_engine::codec::write_csv;
use yingsu_engine::dates::fmt;
use yingsu_engine::periodic::ReportPeriod;
use yingsu_engine::report::{self_check_in, self_check_period, verdict, CheckItem};
use yingsu_engine::Status;

/// Up to this many items everything is shown at once; above it, groups open on request.
const OPEN_ALL: usize = 200;
/// Rows drawn when a group opens; the rest on request.
const PAGE: usize = 100;

/// The kinds, in the order a clerk handles them.
const KINDS: &[&str] = &["违反", "已逾期", "报告逾期", "待补充", "久未完成", "败诉材料", "数据提示"];

fn kind(i: &CheckItem) -> &'static str {
    match i.status {
        Some(Status::Overdue) if i.case_no.is_empty() => "报告逾期",
        Some(Status::Violation) => "违反",
        Some(Status::Overdue) => "已逾期",
        Some(Status::MissingData) => "待补充",
        Some(Status::LongOpen) => "久未完成",
        Some(_) => "其他",
        None if i.clause == "第二十三条、第二十四条" => "败诉材料",
        None => "数据提示",
    }
}

/// One group's items as a table, the first [`PAGE`] rows then more on request.
fn items_table(items: Arc<Vec<CheckItem>>, idx: Vec<usize>) -> impl IntoView {
    let shown = RwSignal::new(PAGE);
    let total = idx.len();
    let idx = Arc::new(idx);
    view! {
        <table class="grid"><thead><tr><th>"案号"</th><th>"条款"</th><th>"状态"</th><th>"问题"</th><th>"如何处理"</th></tr></thead>
        <tbody>{move || {
            let items = items.clone();
            idx.iter().take(shown.get()).map(|&k| {
                let i = &items[k];
                view! {
                    <tr><td>{if i.case_no.is_empty() { view! { <span class="muted">"（报告）"</span> }.into_any() } else { case_link(&i.case_no).into_any() }}</td><td>{i.clause}</td>
                        <td>{match i.status { Some(s) => view! { <StatusChip status=s/> }.into_any(), None => view! { <span class="chip chip-info">"数据提示"</span> }.into_any() }}</td>
                        <td class="why">{i.problem.clone()}</td><td>{i.fix.clone()}</td></tr>
                }
            }).collect_view()
        }}</tbody></table>
        {move || (total > shown.get()).then(|| view! {
            <button type="button" on:click=move |_| shown.update(|n| *n += PAGE * 5)>
                {format!("再显示 {} 项（共 {total} 项，已显示 {}）", (total - shown.get()).min(PAGE * 5), shown.get())}
            </button>
        })}
    }
}

pub fn view(ctx: Ctx) -> impl IntoView {
    let state = AppState::expect();
    let evals = state.evals.get();
    let a = ctx.agency_opt();
    let period =
        ReportPeriod::parse(&ctx.half.get()).unwrap_or(ReportPeriod::half_of(state.today.get_untracked()).prev());
    let cal = state.calendar.get();
    // Items, and the agency of each (a report's is this register's own agency).
    let (items, groups) = state.reg.with(|reg| {
        // (r3 §7.24) rows by their 责任主体; (§7.23) the same head at two hearings a day is listed on each matter.
        let mut items = self_check_in(&reg.matters, &evals, a.as_deref(), &reg.agencies);
        // The agency's own R23/R24 reports, as 总览 shows them (only when it is the agency checked).
        let duties = reg
            .own_periodic_duties(&cal, state.today.get())
            .filter(|(own, _)| a.as_deref().is_none_or(|x| x == own))
            .map(|(_, d)| d)
            .unwrap_or_default();
        items.extend(self_check_period(&reg.matters, a.as_deref(), period, &duties));
        let agency_of: HashMap<&str, &str> =
            reg.matters.iter().map(|m| (m.case_no.0.as_str(), m.agency_name())).collect();
        let own = reg.profile.agency.trim();
        let mut groups: BTreeMap<String, BTreeMap<&'static str, Vec<usize>>> = BTreeMap::new();
        for (k, i) in items.iter().enumerate() {
            let agency =
                if i.case_no.is_empty() { own } else { agency_of.get(i.case_no.as_str()).copied().unwrap_or("") };
            let agency = if agency.is_empty() { "未指定".to_string() } else { agency.to_string() };
            groups.entry(agency).or_default().entry(kind(i)).or_default().push(k);
        }
        (Arc::new(items), groups)
    });
    let v = verdict(&items);
    let ok = items.is_empty();
    let open_all = items.len() <= OPEN_ALL;
    // The CSV holds every item; built when asked for.
    let csv_items = items.clone();
    let export = move |_| {
        let rows: Vec<Vec<Cow<'static, str>>> = csv_items
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
        download_csv(
            "自查清单.csv",
            write_csv(&["案号", "条款", "状态", "问题", "如何处理"], rows.into_iter()),
            ctx.msg,
        )
    };
    let kinds_in = |g: &BTreeMap<&'static str, Vec<usize>>| -> Vec<&'static str> {
        KINDS.iter().copied().chain(std::iter::once("其他")).filter(|k| g.contains_key(k)).collect()
    };
    let summary = groups
        .iter()
        .map(|(agency, g)| {
            let cells: Vec<usize> = KINDS.iter().map(|k| g.get(k).map_or(0, Vec::len)).collect();
            let total: usize = g.values().map(Vec::len).sum();
            (agency.clone(), cells, total)
        })
        .collect::<Vec<_>>();
    view! {
        <article class="report" data-testid="self-check">
            <header class="report-head"><h2>{format!("报送前自查：{}", a.clone().unwrap_or_else(|| "全部机关".into()))}</h2></header>
            <p class="report-meta">{format!("自查日期 {} · 列出所有违反、已逾期、待补充、久未完成的义务，已逾期的报告，{}缺少败诉原因（区政府案件另缺败诉分析报告日）的败诉案件，同一负责人同日多场开庭，以及数据提示", fmt(state.today.get()), period.label())}</p>
            <p><span class=if ok { "verdict ok" } else { "verdict bad" } data-testid="verdict">{v}</span></p>
            {(!ok).then(|| view! {
                <table class="grid" data-testid="check-summary">
                    <caption class="muted">{if open_all { "按机关和类别统计（明细见下）" } else { "按机关和类别统计：项数较多，点开下方各机关、各类别查看明细" }}</caption>
                    <thead><tr><th scope="col">"机关"</th>{KINDS.iter().map(|k| view! { <th scope="col">{*k}</th> }).collect_view()}<th scope="col">"合计"</th></tr></thead>
                    <tbody>{summary.into_iter().map(|(agency, cells, total)| view! {
                        <tr data-agency=agency.clone()><th scope="row">{agency.clone()}</th>
                            {cells.into_iter().map(|n| view! { <td class="num">{if n == 0 { String::new() } else { n.to_string() }}</td> }).collect_view()}
                            <td class="num">{total}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            })}
            {groups.into_iter().map(|(agency, g)| {
                let total: usize = g.values().map(Vec::len).sum();
                let kinds = kinds_in(&g);
                let mut g = g;
                view! {
                    <details class="check-group" open=open_all data-testid="check-agency" data-agency=agency.clone()>
                        <summary><strong>{agency.clone()}</strong>{format!("：{total} 项")}</summary>
                        {kinds.into_iter().map(|k| {
                            let idx = g.remove(k).unwrap_or_default();
                            let n = idx.len();
                            let items = items.clone();
                            // Drawn when opened (a closed group draws nothing).
                            let opened = RwSignal::new(open_all);
                            view! {
                                <details class="check-kind" prop:open=open_all data-testid="check-kind" data-kind=k
                                    on:toggle=move |_| opened.set(true)>
                                    <summary>{format!("{k}（{n} 项）")}</summary>
                                    {move || opened.get().then(|| items_table(items.clone(), idx.clone()))}
                                </details>
                            }
                        }).collect_view()}
                    </details>
                }
            }).collect_view()}
            <div class="actions report-controls">
                {print_button()}
                <button type="button" on:click=export>"导出 CSV"</button>
            </div>
        </article>
    }
}
