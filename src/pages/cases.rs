//! 案件: the register as a table — search, filters, sorted by the next due date.

use crate::components::StatusChip;
use crate::route::Page;
use crate::state::AppState;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::model::{CaseType, Defendant};
use yingsu_engine::text::visible;
use yingsu_engine::{RuleId, Status};

/// Rows drawn per page of the table.
const PAGE: usize = 100;

/// One row of the table, derived from a matter and its evaluation.
#[derive(Clone, PartialEq)]
struct Row {
    case_no: String,
    case_type: &'static str,
    defendant: &'static str,
    agency: String,
    plaintiff: String,
    cause: String,
    next: Option<(NaiveDate, RuleId)>,
    worst: Option<Status>,
    statuses: Vec<Status>,
    year: Option<i32>,
}

#[component]
pub fn Cases() -> impl IntoView {
    let state = AppState::expect();
    let q = RwSignal::new(String::new());
    let f_type = RwSignal::new(String::new());
    let f_def = RwSignal::new(String::new());
    let f_agency = RwSignal::new(String::new());
    let f_status = RwSignal::new(String::new());
    let f_year = RwSignal::new(String::new());

    // The table grows a page at a time: 10,000 rows at once would take seconds to draw.
    let shown = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        let evals = state.evals.get();
        state.reg.with(|r| {
            let mut rows: Vec<Row> = r
                .matters
                .iter()
                .zip(evals.iter())
                .map(|(m, ev)| {
                    let open = ev.obligations.iter().filter(|o| o.status.is_open() && o.due.is_some());
                    let next = open.min_by_key(|o| o.due).map(|o| (o.due.unwrap_or_default(), o.rule));
                    let worst = ev.obligations.iter().map(|o| o.status).min();
                    Row {
                        case_no: m.case_no.0.clone(),
                        case_type: m.case_type.label(),
                        defendant: m.defendant.label(),
                        agency: if m.defendant == Defendant::DistrictGov && !m.handler.is_empty() {
                            m.handler.clone()
                        } else {
                            m.agency_name().to_string()
                        },
                        plaintiff: m.plaintiff.clone(),
                        cause: m.cause.clone(),
                        next,
                        worst,
                        statuses: ev.obligations.iter().map(|o| o.status).collect(),
                        year: m.intake_date().map(|d| d.year()),
                    }
                })
                .collect();
            yingsu_engine::sort::by(&mut rows, |a, b| {
                (a.next.is_none(), a.next.map(|n| n.0), &a.case_no).cmp(&(
                    b.next.is_none(),
                    b.next.map(|n| n.0),
                    &b.case_no,
                ))
            });
            rows
        })
    });
    let agencies = Memo::new(move |_| {
        let mut v: Vec<String> =
            rows.with(|rs| rs.iter().map(|r| r.agency.clone()).filter(|a| !a.is_empty()).collect());
        yingsu_engine::sort::natural(&mut v);
        v.dedup();
        v
    });
    let years = Memo::new(move |_| {
        let mut v: Vec<i32> = rows.with(|rs| rs.iter().filter_map(|r| r.year).collect());
        yingsu_engine::sort::natural(&mut v);
        v.dedup();
        v.reverse();
        v
    });
    let filtered = Memo::new(move |_| {
        // Chinese has no case; ASCII folding covers letters in 案号 (and keeps Unicode tables out).
        let q = q.get().trim().to_ascii_lowercase();
        let (t, d, a, s, y) = (f_type.get(), f_def.get(), f_agency.get(), f_status.get(), f_year.get());
        rows.with(|rs| {
            rs.iter()
                .filter(|r| {
                    q.is_empty()
                        || r.case_no.to_ascii_lowercase().contains(&q)
                        || r.plaintiff.to_ascii_lowercase().contains(&q)
                        || r.cause.to_ascii_lowercase().contains(&q)
                })
                .filter(|r| t.is_empty() || r.case_type == t)
                .filter(|r| d.is_empty() || r.defendant == d)
                .filter(|r| a.is_empty() || r.agency == a)
                .filter(|r| s.is_empty() || r.statuses.iter().any(|x| x.label() == s))
                .filter(|r| y.is_empty() || r.year.map(|x| x.to_string()) == Some(y.clone()))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // obligations.csv of exactly the matters the filters show.
    let export_msg = RwSignal::new(String::new());
    let export_filtered = move |_| {
        let keys: std::collections::HashSet<String> =
            filtered.with_untracked(|rs| rs.iter().map(|r| r.case_no.clone()).collect());
        let obligations: Vec<_> = state
            .evals
            .get_untracked()
            .iter()
            .flat_map(|e| e.obligations.iter())
            .filter(|o| keys.contains(&o.case_no.0))
            .cloned()
            .collect();
        let bytes = yingsu_engine::codec::export_obligations(&obligations);
        let name = format!("obligations-{}.csv", fmt(state.today.get_untracked()));
        export_msg.set(match crate::files::download(&name, &bytes, "text/csv") {
            Ok(()) => format!("已导出 {} 个案件的 {} 项义务。", keys.len(), obligations.len()),
            Err(e) => format!("导出失败：{e}"),
        });
    };
    let select = |label: &'static str, id: &'static str, sig: RwSignal<String>, opts: Signal<Vec<String>>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id prop:value=move || sig.get() on:change=move |e| sig.set(event_target_value(&e))>
                    <option value="">"全部"</option>
                    {move || opts.get().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    view! {
        <section class="page cases">
            <div class="page-head">
                <h1>"案件"</h1>
                <a class="button primary" href=Page::Case(None).href()>"新建案件"</a>
            </div>
            {
                // Matters left with unsaved changes (kept as drafts, of this tab and of others, open or
                // closed): one click back to each, under the 案号 the matter has now (issue 20).
                let drafts = state.reg.with_untracked(crate::session::kept_drafts);
                (!drafts.is_empty()).then(|| view! {
                    <p class="banner banner-warn" role="status" data-testid="drafts">"有未保存的修改："
                        {drafts.into_iter().map(|d| {
                            // Hidden controls written out, as the list below shows them (a U+202E would reverse
                            // the rest of the banner).
                            let began = d.key.case_no.as_deref().map(|k| visible(k).into_owned());
                            let (label, href) = match &d.now {
                                crate::session::Now::New => {
                                    let no = d.draft.draft.case_no.0.trim().to_string();
                                    let label = if no.is_empty() { "新建案件".to_string() } else { format!("新建案件 {}", visible(&no)) };
                                    (label, Page::Case(None).href())
                                }
                                crate::session::Now::At(k) => {
                                    let mut label = visible(k).into_owned();
                                    if began.as_deref() != Some(label.as_str()) {
                                        label = format!("{label}（原案号 {}）", began.clone().unwrap_or_default());
                                    }
                                    (label, Page::Case(Some(k.clone())).href())
                                }
                                crate::session::Now::Deleted => (
                                    format!("{}（已删除）", began.clone().unwrap_or_default()),
                                    Page::Case(d.key.case_no.clone()).href(),
                                ),
                            };
                            let tab = (!d.key.is_own()).then_some("（另一标签页）");
                            view! { " " <a href=href>{label}</a>{tab} }
                        }).collect_view()}
                        "（打开后可保存或放弃）"
                    </p>
                })
            }
            <div class="filters">
                <div class="field grow">
                    <label for="q">"搜索（案号、原告、案由）"</label>
                    <input id="q" type="search" placeholder="输入关键字" prop:value=move || q.get() on:input=move |e| q.set(event_target_value(&e))/>
                </div>
                {select("案件类型", "f-type", f_type, Signal::stored(labels(CaseType::LABELS)))}
                {select("被告类型", "f-def", f_def, Signal::stored(labels(Defendant::LABELS)))}
                {select("承办机关", "f-agency", f_agency, Signal::derive(move || agencies.get()))}
                {select("状态", "f-status", f_status, Signal::stored(Status::ALL.iter().map(|s| s.label().to_string()).collect()))}
                {select("年度", "f-year", f_year, Signal::derive(move || years.get().into_iter().map(|y| y.to_string()).collect()))}
            </div>
            <div class="actions">
                <button type="button" on:click=export_filtered>"导出当前筛选案件的义务清单 obligations.csv"</button>
                <span class="message" role="status">{move || export_msg.get()}</span>
            </div>
            <p class="muted" data-testid="case-count">{move || format!("共 {} 件，符合条件 {} 件；按最近期限排序", rows.with(Vec::len), filtered.with(Vec::len))}</p>
            <table class="grid cases-table">
                <thead><tr>
                    <th scope="col">"案号"</th><th scope="col">"案件类型"</th><th scope="col">"被告类型"</th><th scope="col">"承办机关"</th>
                    <th scope="col">"原告"</th><th scope="col">"案由"</th><th scope="col">"最近期限"</th><th scope="col">"最需关注"</th>
                </tr></thead>
                <tbody>
                    <For each=move || filtered.with(|v| v.iter().take(shown.get()).cloned().collect::<Vec<_>>()) key=|r| (r.case_no.clone(), r.next, r.worst, r.plaintiff.clone(), r.cause.clone(), r.agency.clone()) let:r>
                        <tr>
                            <td><a href=Page::Case(Some(r.case_no.clone())).href()>{visible(&r.case_no).into_owned()}</a></td>
                            <td>{r.case_type}</td><td>{r.defendant}</td><td>{visible(&r.agency).into_owned()}</td>
                            <td>{visible(&r.plaintiff).into_owned()}</td><td>{visible(&r.cause).into_owned()}</td>
                            <td class="date">{r.next.map(|(d, rule)| format!("{} {}", fmt(d), rule.label())).unwrap_or_else(|| "—".into())}</td>
                            <td>{r.worst.map(|s| view! { <StatusChip status=s/> })}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            {move || filtered.with(Vec::is_empty).then(|| view! { <p class="empty">"没有符合条件的案件。"</p> })}
            {move || {
                let rest = filtered.with(Vec::len).saturating_sub(shown.get());
                (rest > 0).then(|| view! {
                    <button type="button" on:click=move |_| shown.update(|n| *n += PAGE)>{format!("显示更多（还有 {rest} 件）")}</button>
                })
            }}
        </section>
    }
}
