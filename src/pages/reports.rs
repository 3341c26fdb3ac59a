//! 报表: the reports the regulation asks for (第十八条、第十九条、第二十三条、第二十四条、第二十八条), the
//! self-check before submission, and the 区司法局 district view. The four reports sent on paper print as a
//! 公文 (GB/T 9704-2012) and download as .docx; each tab is one module below.

mod annual;
mod brief;
mod check;
mod district;
mod half;
pub mod paper;
mod quarter;
mod seminar;

use crate::route::Page;
use crate::state::AppState;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::periodic::{ReportPeriod, Submission};
use yingsu_engine::report::{self, LostCase};
use yingsu_engine::store::Role;

pub(crate) const ALL: &str = "全部";

/// The controls every tab shares.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub agency: RwSignal<String>,
    pub half: RwSignal<String>,
    pub quarter: RwSignal<String>,
    pub year: RwSignal<String>,
    /// 研讨会材料: a half-year or a quarter.
    pub seminar: RwSignal<String>,
    /// 出庭准备单: the matter.
    pub brief: RwSignal<String>,
    /// 考核排名 includes 区司法局 itself.
    pub include_bureau: RwSignal<bool>,
    pub submit_date: RwSignal<String>,
    pub msg: RwSignal<String>,
    /// Shows the 公文 on screen instead of the dashboard.
    pub preview: RwSignal<bool>,
}

impl Ctx {
    pub fn agency_opt(&self) -> Option<String> {
        let a = self.agency.get();
        (a != ALL).then_some(a)
    }

    /// 发文机关署名: the agency reported on; for the whole district, this register's own agency (区司法局).
    pub fn signer(&self) -> String {
        match self.agency_opt() {
            Some(a) => a,
            None => AppState::expect().reg.with(|r| {
                let own = r.profile.agency.trim();
                if own.is_empty() {
                    "区司法局".to_string()
                } else {
                    own.to_string()
                }
            }),
        }
    }
}

pub(crate) fn case_link(no: &str) -> impl IntoView {
    view! { <a href=Page::Case(Some(no.to_string())).href()>{no.to_string()}</a> }
}

pub(crate) fn links(nos: &[String]) -> impl IntoView {
    if nos.is_empty() {
        return view! { <span class="muted">"无"</span> }.into_any();
    }
    view! { <span class="case-links">{nos.iter().map(|n| view! { {case_link(n)} " " }).collect_view()}</span> }
        .into_any()
}

/// 败诉案件 with what the report says about each.
pub(crate) fn lost_table(lost: &[LostCase]) -> impl IntoView {
    view! {
        <table class="grid"><thead><tr><th>"案号"</th><th>"机关"</th><th>"案件类型"</th><th>"裁判结果"</th><th>"裁判文书签收日"</th><th>"败诉分析报告日"</th><th>"涉及村委会"</th><th>"败诉原因"</th></tr></thead>
        <tbody>{lost.iter().map(|l| view! {
            <tr><td>{case_link(&l.case_no)}</td><td>{l.agency.clone()}</td><td>{l.case_type.label()}</td><td>{l.outcome.label()}</td><td class="date">{d(l.judgment_received)}</td>
                <td class="date">{d(l.loss_report)}</td><td>{if l.village { "是" } else { "否" }}</td><td>{if l.cause.is_empty() { "（未填写）".to_string() } else { l.cause.clone() }}</td></tr>
        }).collect_view()}</tbody></table>
    }
}

/// The dates that put a matter in a period's report: received, judged, heard.
fn data_dates(r: &yingsu_engine::store::Register) -> Vec<NaiveDate> {
    r.matters.iter().flat_map(|m| [m.intake_date(), m.judgment_received, m.hearing]).flatten().collect()
}

/// The period a report tab opens on (issue 21): the latest ended period of `current`'s kind with data (a
/// matter received, judged or heard in it), else the current one if it has data, else the last ended one.
/// An empty period looked like a failed import.
pub(crate) fn latest_with_data(current: ReportPeriod, dates: &[NaiveDate]) -> ReportPeriod {
    let has = |p: ReportPeriod| dates.iter().any(|d| p.contains(*d));
    if let Some(&first) = dates.iter().min() {
        let mut p = current.prev();
        while p.end() >= first {
            if has(p) {
                return p;
            }
            p = p.prev();
        }
    }
    if has(current) {
        current
    } else {
        current.prev()
    }
}

/// Why a period's report is empty, and where the data is (shown instead of rows of zeros).
pub(crate) fn empty_period(period: ReportPeriod) -> impl IntoView {
    let state = AppState::expect();
    let span = state.reg.with(|r| {
        let dates = data_dates(r);
        Some((dates.iter().min().copied()?, dates.iter().max().copied()?))
    });
    let text = match span {
        None => "台账中还没有带日期的案件（收案、裁判文书签收或开庭日期），报表没有可统计的内容。".to_string(),
        Some((a, b)) => format!(
            "{}没有收到、审结或开庭的案件，所以下面各项为 0。台账中案件的日期在 {} 至 {} 之间，请在上方选择其他期间。",
            period.label(),
            fmt(a),
            fmt(b)
        ),
    };
    view! { <p class="banner banner-info" data-testid="empty-period">{text}</p> }
}

pub(crate) fn d(x: Option<NaiveDate>) -> String {
    x.map(fmt).unwrap_or_else(|| "—".into())
}

pub(crate) fn download_csv(name: &str, bytes: Vec<u8>, msg: RwSignal<String>) {
    msg.set(match crate::files::download(name, &bytes, "text/csv") {
        Ok(()) => format!("已导出 {name}"),
        Err(e) => format!("导出失败：{e}"),
    });
}

pub(crate) fn print_button() -> impl IntoView {
    view! { <button type="button" on:click=move |_| { let _ = window().print(); }>"打印（A4）"</button> }
}

/// Print, preview and .docx buttons of a paper report.
pub(crate) fn paper_buttons(
    ctx: Ctx,
    make: impl Fn() -> yingsu_engine::paper::Paper + Copy + 'static,
) -> impl IntoView {
    view! {
        {print_button()}
        <button type="button" aria-pressed=move || ctx.preview.get().to_string() on:click=move |_| ctx.preview.update(|p| *p = !*p)>
            {move || if ctx.preview.get() { "返回报表" } else { "公文预览" }}
        </button>
        <button type="button" on:click=move |_| paper::download_docx(make(), ctx.msg)>"导出 Word（.docx）"</button>
    }
}

/// 报送日期 and 标记已报送 for a period's report.
pub(crate) fn submit_box(ctx: Ctx, period: ReportPeriod) -> impl IntoView {
    let state = AppState::expect();
    let mark_submitted = move |period: ReportPeriod| {
        let Some(a) = ctx.agency_opt() else {
            ctx.msg.set("请先选择一个机关再标记已报送。".into());
            return;
        };
        let Ok(date) = yingsu_engine::dates::parse_date(&ctx.submit_date.get_untracked()) else {
            ctx.msg.set("报送日期无效。".into());
            return;
        };
        let result = state.commit(|r| {
            r.submissions.retain(|e| !(e.agency == a && e.period == period));
            r.submissions.push(Submission { agency: a.clone(), period, submitted: date });
        });
        ctx.msg.set(match result {
            Ok(()) => format!("已标记「{a}」{}报告于 {} 报送。", period.label(), fmt(date)),
            Err(e) => format!("报送标记未保存：{e}"),
        });
    };
    let submitted_of = move |period: ReportPeriod| {
        let a = ctx.agency.get();
        state.reg.with(|r| r.submissions.iter().find(|e| e.agency == a && e.period == period).map(|e| e.submitted))
    };
    view! {
        <div class="actions report-controls">
            <div class="field"><label for="r-submit">"报送日期"</label>
                <input id="r-submit" type="date" prop:value=move || ctx.submit_date.get() on:change=move |e| ctx.submit_date.set(event_target_value(&e))/></div>
            <button type="button" on:click=move |_| mark_submitted(period)>"标记已报送"</button>
            <span data-testid="submitted">{move || match submitted_of(period) {
                Some(x) => format!("已于 {} 报送", fmt(x)),
                None => "尚未标记报送".into(),
            }}</span>
        </div>
    }
}

fn select(
    id: &'static str,
    label: &'static str,
    sig: RwSignal<String>,
    opts: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <div class="field"><label for=id>{label}</label>
            <select id=id prop:value=move || sig.get() on:change=move |e| sig.set(event_target_value(&e))>
                {move || opts.get().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select></div>
    }
}

#[component]
pub fn Reports() -> impl IntoView {
    let state = AppState::expect();
    let today = state.today.get_untracked();
    let tab = RwSignal::new(if state.reg.with_untracked(|r| r.profile.role == Role::JusticeBureau) {
        "district"
    } else {
        "half"
    });
    let agencies_in_matters = Memo::new(move |_| state.reg.with(|r| report::agencies(&r.matters)));
    let agencies = Memo::new(move |_| {
        let evals = state.evals.get();
        state.reg.with(|r| {
            let mut v = report::agencies(&r.matters);
            // (r3 §7.24) an agency that owes rows without a matter of its own (区司法局: R05, R06, R13B) has
            // its self-check too; every spelling of 区司法局 / 区政府 once.
            let keys: std::collections::HashSet<String> =
                v.iter().map(|a| yingsu_engine::names::key(a, &r.agencies).to_string()).collect();
            v.extend(
                report::counts_by_agency(&r.matters, &evals, &r.agencies)
                    .into_iter()
                    .map(|x| x.0)
                    .filter(|a| !keys.contains(a)),
            );
            let own = r.profile.agency.trim().to_string();
            if !own.is_empty() && !v.contains(&own) {
                v.insert(0, own);
            }
            v
        })
    });
    let dates = state.reg.with_untracked(data_dates);
    let last_half = latest_with_data(ReportPeriod::half_of(today), &dates);
    let ctx = Ctx {
        agency: RwSignal::new(state.reg.with_untracked(|r| {
            let own = r.profile.agency.trim().to_string();
            if own.is_empty() || r.profile.role == Role::JusticeBureau {
                ALL.to_string()
            } else {
                own
            }
        })),
        half: RwSignal::new(last_half.code()),
        quarter: RwSignal::new(latest_with_data(ReportPeriod::quarter_of(today), &dates).code()),
        year: RwSignal::new((today.year() - i32::from(today.month() < 3)).to_string()),
        seminar: RwSignal::new(last_half.code()),
        brief: RwSignal::new(String::new()),
        include_bureau: RwSignal::new(false),
        submit_date: RwSignal::new(fmt(today)),
        msg: RwSignal::new(String::new()),
        preview: RwSignal::new(false),
    };
    let first_year = move || {
        state
            .reg
            .with(|r| r.matters.iter().filter_map(|m| m.intake_date()).map(|x| x.year()).min().unwrap_or(today.year()))
    };
    // The periods from the current one back to the first year with matters (at least last year).
    let options = move |current: ReportPeriod| {
        let floor = first_year().min(today.year() - 1);
        std::iter::successors(Some(current), |p| Some(p.prev()))
            .take_while(|p| p.start().year() >= floor)
            .map(|p| (p.code(), p.label()))
            .collect::<Vec<_>>()
    };
    let half_options = move || options(ReportPeriod::half_of(today));
    let quarter_options = move || options(ReportPeriod::quarter_of(today));
    let year_options = move || {
        (first_year().min(today.year() - 1)..=today.year()).rev().map(|y| (y.to_string(), format!("{y}年"))).collect()
    };
    let agency_sel = move || {
        select(
            "r-agency",
            "机关",
            ctx.agency,
            Signal::derive(move || {
                std::iter::once((ALL.to_string(), "全部机关".to_string()))
                    .chain(agencies.get().into_iter().map(|a| (a.clone(), a)))
                    .collect()
            }),
        )
    };

    // An agency chosen that no matter names (本机关名称 with a typo, 区城管 for 区城管委): every figure would be
    // 0 and the 公文 signed with the typo, so the page says so and offers the nearest names (issue 22).
    let unknown_agency = move || {
        let a = ctx.agency_opt()?;
        let names = agencies_in_matters.get();
        if names.contains(&a) {
            return None;
        }
        Some(match yingsu_engine::text::match_name(&a, names.iter().map(String::as_str)) {
            yingsu_engine::text::NameMatch::Unknown(near) => (a, near, false),
            yingsu_engine::text::NameMatch::Exact(n) | yingsu_engine::text::NameMatch::Lookalike(n) => {
                (a, vec![n], true)
            }
        })
    };
    let tabs: &[(&str, &str)] = &[
        ("half", "半年报告"),
        ("quarter", "季度败诉报告"),
        ("annual", "年度出庭与考核"),
        ("seminar", "败诉研讨材料"),
        ("brief", "出庭准备单"),
        ("check", "报送前自查"),
        ("district", "全区对比"),
    ];
    view! {
        <section class="page reports" class:preview=move || ctx.preview.get()>
            <h1>"报表"</h1>
            {move || state.reg.with(|r| r.settings.start_date).map(|d| view! {
                <p class="hint report-controls" data-testid="start-date-note">{format!("开始使用日期 {}：", fmt(d))}
                    "开始使用日期之前的报告期未列出（设置）"</p>
            })}
            <div class="tabs report-controls" role="tablist">
                {tabs.iter().map(|(k, label)| {
                    let k = *k;
                    view! { <button type="button" role="tab" aria-selected=move || (tab.get() == k).to_string() on:click=move |_| tab.set(k)>{*label}</button> }
                }).collect_view()}
            </div>
            <div class="filters report-controls">
                {move || (tab.get() != "brief").then(agency_sel)}
                {move || match tab.get() {
                    "half" | "district" => select("r-half", "半年期间", ctx.half, Signal::derive(half_options)).into_any(),
                    "quarter" => select("r-quarter", "季度", ctx.quarter, Signal::derive(quarter_options)).into_any(),
                    "annual" => select("r-year", "年度", ctx.year, Signal::derive(year_options)).into_any(),
                    "seminar" => select("r-seminar", "研讨期间", ctx.seminar, Signal::derive(move || {
                        let mut v = half_options();
                        v.extend(quarter_options());
                        v
                    })).into_any(),
                    _ => ().into_any(),
                }}
            </div>
            {move || unknown_agency().map(|(a, near, lookalike)| view! {
                <div class="banner banner-bad report-controls" role="alert" data-testid="agency-unknown">
                    {if lookalike {
                        format!("机关「{}」与案件中的「{}」写法不同（空格、全角半角或不可见字符），本报表按「{}」没有统计到任何案件。", yingsu_engine::text::visible(&a), near[0], yingsu_engine::text::visible(&a))
                    } else {
                        format!("机关「{}」在案件数据中没有任何案件：本报表各项均为 0，公文将以「{}」落款。请检查“设置”中的本机关名称。", yingsu_engine::text::visible(&a), yingsu_engine::text::visible(&a))
                    }}
                    {(!near.is_empty()).then(|| view! {
                        " 最接近的名称："
                        {near.into_iter().map(|n| {
                            let pick = n.clone();
                            view! { <button type="button" on:click=move |_| ctx.agency.set(pick.clone())>{format!("改看「{n}」")}</button> " " }
                        }).collect_view()}
                    })}
                </div>
            })}
            <p class="message report-controls" role="status" data-testid="report-message">{move || ctx.msg.get()}</p>
            {move || match tab.get() {
                "half" => half::view(ctx).into_any(),
                "quarter" => quarter::view(ctx).into_any(),
                "annual" => annual::view(ctx).into_any(),
                "seminar" => seminar::view(ctx).into_any(),
                "brief" => brief::view(ctx).into_any(),
                "check" => check::view(ctx).into_any(),
                _ => district::view(ctx).into_any(),
            }}
        </section>
    }
}
