//! 各机关报告报送情况 (区司法局's 总览): which agency has sent which R23/R24 report, on time or late, from
//! the 报送记录 the agencies export (`reports.csv`) and 区司法局 imports.

use crate::components::StatusChip;
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::model::AgencyType;
use yingsu_engine::periodic::periodic_duty;
use yingsu_engine::Status;

pub use yingsu_engine::periodic::recent_periods;

/// One agency's state for one period: status and 报送日.
/// A period's state, or `None` where the period is before 开始使用日期 with nothing recorded (§7.18).
type Cell = Option<(Status, Option<chrono::NaiveDate>)>;

#[component]
pub fn Submissions() -> impl IntoView {
    let state = AppState::expect();
    let table = move || {
        let today = state.today.get();
        let cal = state.calendar.get();
        state.reg.with(|r| {
            let own = r.profile.agency.trim().to_string();
            let mut names: Vec<String> = r
                .agencies
                .iter()
                .filter(|a| a.agency_type != Some(AgencyType::JusticeBureau))
                .map(|a| a.name.0.clone())
                .chain(r.submissions.iter().map(|e| e.agency.clone()))
                .filter(|n| !n.is_empty() && *n != own)
                .collect();
            yingsu_engine::sort::natural(&mut names);
            names.dedup();
            let periods = recent_periods(today);
            let rows: Vec<(String, Vec<Cell>)> = names
                .into_iter()
                .map(|a| {
                    let cells = periods
                        .iter()
                        .map(|p| {
                            let d = periodic_duty(&a, *p, &r.submissions, &cal, &r.settings, today);
                            d.listed(&r.settings).then_some((d.status, d.submitted))
                        })
                        .collect();
                    (a, cells)
                })
                .collect();
            (periods, rows)
        })
    };
    view! {
        <section class="block" data-testid="submissions">
            <h2>"各机关报告报送情况（第二十三条、第二十四条）"</h2>
            <p class="hint">"依据各机关导出、在“导入导出”中导入的报送记录（reports.csv）。已完成 = 按时报送，逾期完成 = 逾期报送，已逾期 = 期限已过仍未报送。"</p>
            {move || {
                let (periods, rows) = table();
                if rows.is_empty() {
                    return view! { <p class="empty">"尚无机关名录或报送记录。请在“导入导出”中导入各机关的 agencies.csv 或 reports.csv。"</p> }.into_any();
                }
                view! {
                    <div class="table-scroll">
                        <table class="grid sticky-first">
                            <thead><tr><th scope="col">"机关"</th>
                                {periods.iter().map(|p| view! { <th scope="col">{p.rule().label()} " " {p.label()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>{rows.into_iter().map(|(a, cells)| view! {
                                <tr data-agency=a.clone()><th scope="row">{a.clone()}</th>
                                    {cells.into_iter().map(|cell| match cell {
                                        Some((st, d)) => view! {
                                            <td><StatusChip status=st/> {d.map(|d| view! { <span class="date">{" "}{fmt(d)}</span> })}</td>
                                        }.into_any(),
                                        None => view! { <td class="muted" data-testid="before-start">"开始使用日期之前，未列出"</td> }.into_any(),
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
