//! 报表: the reports the regulation asks for (第二十三条、第二十四条、第十八条第二款、第二十八条), the
//! self-check before submission, and the 区司法局 district view. Every report prints on A4 and exports CSV.

use crate::components::{BarChart, StatusChip};
use crate::route::Page;
use crate::state::AppState;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::borrow::Cow;
use yingsu_engine::agency::{assessment, ReportLogEntry, ReportPeriod};
use yingsu_engine::codec::write_csv;
use yingsu_engine::dates::fmt;
use yingsu_engine::report::{
    self, half_year, quarter_losses, quarter_review_corrections, self_check, self_check_period, verdict, LostCase,
};
use yingsu_engine::store::{ReportNote, Role};
use yingsu_engine::Status;

const ALL: &str = "全部";

fn case_link(no: &str) -> impl IntoView {
    view! { <a href=Page::Case(Some(no.to_string())).href()>{no.to_string()}</a> }
}

fn links(nos: &[String]) -> impl IntoView {
    if nos.is_empty() {
        return view! { <span class="muted">"无"</span> }.into_any();
    }
    view! { <span class="case-links">{nos.iter().map(|n| view! { {case_link(n)} " " }).collect_view()}</span> }
        .into_any()
}

/// 败诉案件 with what the report says about each.
fn lost_table(lost: &[LostCase]) -> impl IntoView {
    view! {
        <table class="grid"><thead><tr><th>"案号"</th><th>"机关"</th><th>"案件类型"</th><th>"裁判结果"</th><th>"裁判文书签收日"</th><th>"败诉分析报告日"</th><th>"涉及村委会"</th><th>"败诉原因"</th></tr></thead>
        <tbody>{lost.iter().map(|l| view! {
            <tr><td>{case_link(&l.case_no)}</td><td>{l.agency.clone()}</td><td>{l.case_type.label()}</td><td>{l.outcome.label()}</td><td class="date">{d(l.judgment_received)}</td>
                <td class="date">{d(l.loss_report)}</td><td>{if l.village { "是" } else { "否" }}</td><td>{if l.cause.is_empty() { "（未填写）".to_string() } else { l.cause.clone() }}</td></tr>
        }).collect_view()}</tbody></table>
    }
}

fn d(x: Option<NaiveDate>) -> String {
    x.map(fmt).unwrap_or_else(|| "—".into())
}

fn download_csv(name: &str, bytes: Vec<u8>, msg: RwSignal<String>) {
    msg.set(match crate::files::download(name, &bytes, "text/csv") {
        Ok(()) => format!("已导出 {name}"),
        Err(e) => format!("导出失败：{e}"),
    });
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
    let agencies = Memo::new(move |_| {
        state.reg.with(|r| {
            let mut v = report::agencies(&r.matters);
            let own = r.profile.agency.trim().to_string();
            if !own.is_empty() && !v.contains(&own) {
                v.insert(0, own);
            }
            v
        })
    });
    let agency = RwSignal::new(state.reg.with_untracked(|r| {
        let own = r.profile.agency.trim().to_string();
        if own.is_empty() || r.profile.role == Role::JusticeBureau {
            ALL.to_string()
        } else {
            own
        }
    }));
    let agency_opt = move || {
        let a = agency.get();
        (a != ALL).then_some(a)
    };
    let last_half = ReportPeriod::half_of(today).prev();
    let last_quarter = ReportPeriod::quarter_of(today).prev();
    let half = RwSignal::new(last_half.code());
    let quarter = RwSignal::new(last_quarter.code());
    let year = RwSignal::new((today.year() - i32::from(today.month() < 3)).to_string());
    let msg = RwSignal::new(String::new());
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
            .map(|p| p.code())
            .collect::<Vec<_>>()
    };
    let half_options = move || options(ReportPeriod::half_of(today));
    let quarter_options = move || options(ReportPeriod::quarter_of(today));
    let year_options =
        move || (first_year().min(today.year() - 1)..=today.year()).rev().map(|y| y.to_string()).collect::<Vec<_>>();

    let select = move |id: &'static str,
                       label: &'static str,
                       sig: RwSignal<String>,
                       opts: Signal<Vec<(String, String)>>| {
        view! {
            <div class="field"><label for=id>{label}</label>
                <select id=id prop:value=move || sig.get() on:change=move |e| sig.set(event_target_value(&e))>
                    {move || opts.get().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </select></div>
        }
    };
    let agency_sel = select(
        "r-agency",
        "机关",
        agency,
        Signal::derive(move || {
            std::iter::once((ALL.to_string(), "全部机关".to_string()))
                .chain(agencies.get().into_iter().map(|a| (a.clone(), a)))
                .collect()
        }),
    );

    // Marks a period's report as 已报送 on the chosen date.
    let submit_date = RwSignal::new(fmt(today));
    let mark_submitted = move |period: ReportPeriod| {
        let Some(a) = agency_opt() else {
            msg.set("请先选择一个机关再标记已报送。".into());
            return;
        };
        let Ok(date) = yingsu_engine::dates::parse_date(&submit_date.get_untracked()) else {
            msg.set("报送日期无效。".into());
            return;
        };
        let result = state.commit(|r| {
            r.report_log.retain(|e| !(e.agency == a && e.period == period));
            r.report_log.push(ReportLogEntry { agency: a.clone(), period, submitted: date });
        });
        msg.set(match result {
            Ok(()) => format!("已标记「{a}」{}报告于 {} 报送。", period.label(), fmt(date)),
            Err(e) => format!("报送标记未保存：{e}"),
        });
    };
    let submitted_of = move |period: ReportPeriod| {
        let a = agency.get();
        state.reg.with(|r| r.report_log.iter().find(|e| e.agency == a && e.period == period).map(|e| e.submitted))
    };
    let submit_box = move |period: ReportPeriod| {
        view! {
            <div class="actions report-controls">
                <button type="button" on:click=move |_| { let _ = window().print(); }>"打印（A4）"</button>
                <div class="field"><label for="r-submit">"报送日期"</label>
                    <input id="r-submit" type="date" prop:value=move || submit_date.get() on:change=move |e| submit_date.set(event_target_value(&e))/></div>
                <button type="button" on:click=move |_| mark_submitted(period)>"标记已报送"</button>
                <span data-testid="submitted">{move || match submitted_of(period) {
                    Some(x) => format!("已于 {} 报送", fmt(x)),
                    None => "尚未标记报送".into(),
                }}</span>
            </div>
        }
    };

    let half_view = move || {
        let Some(period) = ReportPeriod::parse(&half.get()) else {
            return view! { <p>"请选择期间"</p> }.into_any();
        };
        let evals = state.evals.get();
        let a = agency_opt();
        let t = state.today.get();
        let r = state.reg.with(|reg| half_year(&reg.matters, &evals, a.as_deref(), period, t));
        let months: Vec<(String, usize)> = {
            let start = period.start();
            (0..6)
                .map(|i| {
                    let m = start.month() + i;
                    let n = state.reg.with(|reg| {
                        report::of_agency(&reg.matters, a.as_deref())
                            .filter(|(_, x)| {
                                !x.case_type.is_suggestion()
                                    && x.intake_date().is_some_and(|d| d.year() == start.year() && d.month() == m)
                            })
                            .count()
                    });
                    (format!("{m}月"), n)
                })
                .collect()
        };
        let outcome_bars: Vec<(String, usize)> =
            r.outcomes.iter().map(|(o, n)| (o.map(|o| o.label()).unwrap_or("未填写").to_string(), *n)).collect();
        // Outcomes by period: lost (败诉 + 部分败诉) of this and the three half-years before it.
        // The three half-years before this one are computed here; this one is `r` already.
        let trend: Vec<(String, usize)> = {
            let earlier: Vec<ReportPeriod> =
                std::iter::successors(Some(period.prev()), |p| Some(p.prev())).take(3).collect();
            let bar = |p: ReportPeriod, hy: &report::HalfYear| {
                (format!("{}（法院审结{}）", p.label(), hy.court_closed.len()), hy.lost.len())
            };
            let mut bars: Vec<(String, usize)> = state.reg.with(|reg| {
                earlier.iter().rev().map(|p| bar(*p, &half_year(&reg.matters, &evals, a.as_deref(), *p, t))).collect()
            });
            bars.push(bar(period, &r));
            bars
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
            msg.set(match result {
                Ok(()) => "已保存“其他需要说明的事项”。".into(),
                Err(e) => format!("“其他需要说明的事项”未保存：{e}"),
            });
        };
        let csv = report::half_year_csv(std::slice::from_ref(&r));
        let file = format!("半年报告-{}-{}.csv", r.agency, period.code());
        let indicators = r.indicators();
        view! {
            <article class="report" data-testid="half-report">
                <header class="report-head"><h2>{format!("{}{}案件情况报告", if r.agency == ALL { "全区".to_string() } else { r.agency.clone() }, period.label())}</h2></header>
                <p class="report-meta">{format!("依据《通州区行政机关应诉规则》第二十三条 · 统计期间 {} 至 {} · 制表日期 {}", fmt(period.start()), fmt(period.end()), fmt(state.today.get()))}</p>
                <div class="figures">
                    {indicators.iter().take(12).map(|(k, v)| view! { <div class="figure" data-testid=format!("ind-{k}")><span class="n">{v.clone()}</span>{*k}</div> }).collect_view()}
                </div>
                <h3>"一、案件总量（新收案件，按案件类型和审级；建议另计）"</h3>
                <table class="grid"><thead><tr><th>"案件类型"</th><th>"审级"</th><th>"新收"</th></tr></thead>
                <tbody>{r.intake_by_type.iter().map(|(t, l, n)| view! { <tr><td>{t.label()}</td><td>{l.label()}</td><td class="num">{*n}</td></tr> }).collect_view()}</tbody></table>
                <p>"新收案件：" {links(&r.intake)}</p>
                <p>"收到建议（司法建议、检察建议、法制建议，不计入新收案件）：" {links(&r.suggestions)}</p>
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
                <p>{format!("已开庭 {} 件，负责人出庭 {} 件，负责人出庭率 {}；主要负责人（正职）出庭 {} 件，主要负责人出庭率 {}", r.hearings.len(), r.heads.len(), r.head_rate(), r.principal_heads.len(), r.principal_head_rate())}</p>
                <h3>"七、其他需要说明的事项"</h3>
                <label for="r-note" class="muted">"其他需要说明的事项"</label>
                <textarea id="r-note" prop:value=move || note_sig.get() on:input=move |e| note_sig.set(event_target_value(&e))></textarea>
                <div class="actions report-controls">
                    <button type="button" on:click=save_note>"保存说明"</button>
                    <button type="button" on:click=move |_| download_csv(&file, csv.clone(), msg)>"导出 CSV"</button>
                </div>
                {submit_box(period)}
            </article>
        }
        .into_any()
    };

    let quarter_view = move || {
        let Some(period) = ReportPeriod::parse(&quarter.get()) else {
            return view! { <p>"请选择期间"</p> }.into_any();
        };
        let a = agency_opt();
        let lost = state.reg.with(|reg| quarter_losses(&reg.matters, a.as_deref(), period));
        let review = state.reg.with(|reg| quarter_review_corrections(&reg.matters, a.as_deref(), period));
        let csv = report::quarter_csv(&lost, period);
        let file = format!("季度败诉报告-{}-{}.csv", a.clone().unwrap_or_else(|| ALL.into()), period.code());
        view! {
            <article class="report" data-testid="quarter-report">
                <header class="report-head"><h2>{format!("{}{}败诉案件情况报告", a.clone().unwrap_or_else(|| "全区".into()), period.label())}</h2></header>
                <p class="report-meta">{format!("依据第二十四条（含辖区内村委会的败诉案件）· 制表日期 {}", fmt(state.today.get()))}</p>
                <p data-testid="quarter-count">{format!("本季度法院败诉判决（含部分败诉）{} 件，其中涉及村委会 {} 件。", lost.len(), lost.iter().filter(|l| l.village).count())}</p>
                {lost_table(&lost)}
                <h3>"复议决定撤销、变更或确认违法（不计入败诉判决）"</h3>
                <div data-testid="quarter-review">{if review.is_empty() { view! { <p class="muted">"无"</p> }.into_any() } else { lost_table(&review).into_any() }}</div>
                <div class="actions report-controls"><button type="button" on:click=move |_| download_csv(&file, csv.clone(), msg)>"导出 CSV"</button></div>
                {submit_box(period)}
            </article>
        }
        .into_any()
    };

    let annual_view = move || {
        let y: i32 = year.get().parse().unwrap_or(today.year());
        let names = match agency_opt() {
            Some(a) => vec![a],
            None => agencies.get(),
        };
        let cal = state.calendar.get();
        let t = state.today.get();
        let sheets = state.reg.with(|reg| {
            names
                .iter()
                .map(|a| assessment(&reg.matters, &reg.agencies, a, y, &cal, &reg.settings, t))
                .collect::<Vec<_>>()
        });
        let rows: Vec<Vec<Cow<'static, str>>> = sheets
            .iter()
            .flat_map(|s| {
                let mut v: Vec<Vec<Cow<'static, str>>> = s
                    .figures
                    .iter()
                    .map(|f| vec![s.agency.clone().into(), y.to_string().into(), f.name.into(), f.ratio().into()])
                    .collect();
                v.push(vec![
                    s.agency.clone().into(),
                    y.to_string().into(),
                    "主要负责人参与复议审理和出庭应诉（第十八条第二款）".into(),
                    s.heads.status.label().into(),
                ]);
                v
            })
            .collect();
        let csv = write_csv(&["机关", "年度", "指标", "数值"], rows.into_iter());
        let file = format!("年度考核-{y}.csv");
        view! {
            <article class="report" data-testid="annual-report">
                <header class="report-head"><h2>{format!("{y}年度负责人出庭与应诉工作考核表")}</h2></header>
                <p class="report-meta">"依据第十八条第二款、第二十八条 · 比值为按时完成数/应完成数，点开可看对应案件"</p>
                {sheets.into_iter().map(|s| view! {
                    <section class="block">
                        <h3>{s.agency.clone()}</h3>
                        <p>"主要负责人（正职）参与行政复议审理和行政诉讼出庭各至少一次：" <StatusChip status=s.heads.status/> " " {s.heads.explanation.clone()}</p>
                        <p>"复议审理：" {links(&s.heads.reconsideration.iter().map(|c| c.0.clone()).collect::<Vec<_>>())} " 出庭应诉：" {links(&s.heads.litigation.iter().map(|c| c.0.clone()).collect::<Vec<_>>())}</p>
                        <table class="grid"><thead><tr><th>"考核项目"</th><th>"依据"</th><th>"按时/应完成"</th><th>"对应案件"</th></tr></thead>
                        <tbody>{s.figures.iter().map(|f| view! {
                            <tr><td>{f.name}</td><td>{f.rules}</td><td class="num" data-testid="figure">{f.ratio()}</td>
                                <td><details><summary>"查看"</summary>"按时：" {links(&f.met.iter().map(|c| c.0.clone()).collect::<Vec<_>>())}<br/>"未按时：" {links(&f.missed.iter().map(|c| c.0.clone()).collect::<Vec<_>>())}</details></td></tr>
                        }).collect_view()}
                        <tr><td>"应诉能力建设"</td><td>"R26"</td><td colspan="2">{match s.capacity.clone() {
                            Some((st, why)) => view! { <StatusChip status=st/> " " {why.join("；")} }.into_any(),
                            None => view! { <span class="muted">"机关名录中没有此机关"</span> }.into_any(),
                        }}</td></tr>
                        </tbody></table>
                    </section>
                }).collect_view()}
                <div class="actions report-controls">
                    <button type="button" on:click=move |_| { let _ = window().print(); }>"打印（A4）"</button>
                    <button type="button" on:click=move |_| download_csv(&file, csv.clone(), msg)>"导出 CSV"</button>
                </div>
            </article>
        }
        .into_any()
    };

    let check_view = move || {
        let evals = state.evals.get();
        let a = agency_opt();
        let period = ReportPeriod::parse(&half.get()).unwrap_or(last_half);
        let cal = state.calendar.get();
        let items = state.reg.with(|reg| {
            let mut items = self_check(&reg.matters, &evals, a.as_deref());
            // The agency's own R23/R24 reports, as 总览 shows them (only when it is the agency checked).
            let duties = reg
                .own_report_duties(&cal, state.today.get())
                .filter(|(own, _)| a.as_deref().is_none_or(|x| x == own))
                .map(|(_, d)| d)
                .unwrap_or_default();
            items.extend(self_check_period(&reg.matters, a.as_deref(), period, &duties));
            items
        });
        let v = verdict(&items);
        let ok = items.is_empty();
        let rows: Vec<Vec<Cow<'static, str>>> = items
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
        let csv = write_csv(&["案号", "条款", "状态", "问题", "如何处理"], rows.into_iter());
        view! {
            <article class="report" data-testid="self-check">
                <header class="report-head"><h2>{format!("报送前自查：{}", a.clone().unwrap_or_else(|| "全部机关".into()))}</h2></header>
                <p class="report-meta">{format!("自查日期 {} · 列出所有违反、已逾期、待补充、久未完成的义务，已逾期的报告，{}缺少败诉原因或败诉分析报告日的败诉案件，以及数据提示", fmt(state.today.get()), period.label())}</p>
                <p><span class=if ok { "verdict ok" } else { "verdict bad" } data-testid="verdict">{v}</span></p>
                <table class="grid"><thead><tr><th>"案号"</th><th>"条款"</th><th>"状态"</th><th>"问题"</th><th>"如何处理"</th></tr></thead>
                <tbody>{items.into_iter().map(|i| view! {
                    <tr><td>{if i.case_no.is_empty() { view! { <span class="muted">"（报告）"</span> }.into_any() } else { case_link(&i.case_no).into_any() }}</td><td>{i.clause}</td>
                        <td>{match i.status { Some(s) => view! { <StatusChip status=s/> }.into_any(), None => view! { <span class="chip chip-info">"数据提示"</span> }.into_any() }}</td>
                        <td class="why">{i.problem}</td><td>{i.fix}</td></tr>
                }).collect_view()}</tbody></table>
                <div class="actions report-controls">
                    <button type="button" on:click=move |_| { let _ = window().print(); }>"打印（A4）"</button>
                    <button type="button" on:click=move |_| download_csv("自查清单.csv", csv.clone(), msg)>"导出 CSV"</button>
                </div>
            </article>
        }
    };

    let district_view = move || {
        let Some(period) = ReportPeriod::parse(&half.get()) else {
            return view! { <p>"请选择期间"</p> }.into_any();
        };
        let evals = state.evals.get();
        // One pass groups everything per agency (§4.1): the district view stays linear in the register.
        let (rows, all) = state.reg.with(|reg| {
            let mut counts: std::collections::HashMap<&str, (usize, usize)> = std::collections::HashMap::new();
            for (m, ev) in reg.matters.iter().zip(evals.iter()) {
                let c = counts.entry(m.agency_name()).or_default();
                c.0 += ev.obligations.iter().filter(|o| o.status == Status::Overdue).count();
                c.1 += report::check_count(m, ev);
            }
            let mut reports = report::half_year_all(&reg.matters, &evals, period, state.today.get());
            let all = reports.pop().expect("half_year_all ends with 全部");
            let rows = reports
                .into_iter()
                .map(|r| {
                    let (overdue, open) = counts.get(r.agency.as_str()).copied().unwrap_or_default();
                    (r.agency.clone(), r, overdue, open)
                })
                .collect::<Vec<_>>();
            (rows, all)
        });
        let bars: Vec<(String, usize)> = rows.iter().map(|(a, _, o, _)| (a.clone(), *o)).collect();
        let csv_rows: Vec<Vec<Cow<'static, str>>> = rows
            .iter()
            .map(|(a, r, o, c)| {
                vec![
                    a.clone().into(),
                    r.intake.len().to_string().into(),
                    r.closed().to_string().into(),
                    r.loss_rate().into(),
                    r.head_rate().into(),
                    o.to_string().into(),
                    c.to_string().into(),
                ]
            })
            .collect();
        let csv = write_csv(
            &["机关", "新收", "审结", "败诉率", "负责人出庭率", "已逾期义务", "自查待处理"],
            csv_rows.into_iter(),
        );
        let file = format!("全区对比-{}.csv", period.code());
        let reports_csv = report::half_year_csv(
            &rows.iter().map(|(_, r, _, _)| r.clone()).chain(std::iter::once(all.clone())).collect::<Vec<_>>(),
        );
        let file2 = format!("半年报告-全区-{}.csv", period.code());
        view! {
            <article class="report" data-testid="district">
                <header class="report-head"><h2>{format!("全区各机关应诉情况对比（{}）", period.label())}</h2></header>
                <p class="report-meta">"区司法局汇总视图：合并后的台账中各机关（按案件所属机关；未填所属机关的按应诉承办机关，均未填为“未指定”）"</p>
                <table class="grid"><thead><tr><th>"机关"</th><th>"新收"</th><th>"审结"</th><th>"败诉率"</th><th>"负责人出庭率"</th><th>"已逾期义务"</th><th>"自查待处理"</th></tr></thead>
                <tbody>
                    {rows.iter().map(|(a, r, o, c)| view! {
                        <tr><th scope="row">{a.clone()}</th><td class="num">{r.intake.len()}</td><td class="num">{r.closed()}</td><td class="num">{r.loss_rate()}</td>
                            <td class="num">{r.head_rate()}</td><td class="num">{*o}</td><td class="num">{*c}</td></tr>
                    }).collect_view()}
                    <tr><th scope="row">"全区合计"</th><td class="num">{all.intake.len()}</td><td class="num">{all.closed()}</td><td class="num">{all.loss_rate()}</td><td class="num">{all.head_rate()}</td><td></td><td></td></tr>
                </tbody></table>
                <BarChart title="各机关已逾期义务".to_string() bars=bars/>
                <div class="actions report-controls">
                    <button type="button" on:click=move |_| { let _ = window().print(); }>"打印（A4）"</button>
                    <button type="button" on:click=move |_| download_csv(&file, csv.clone(), msg)>"导出对比表 CSV"</button>
                    <button type="button" on:click=move |_| download_csv(&file2, reports_csv.clone(), msg)>"导出各机关半年指标 CSV"</button>
                </div>
            </article>
        }
        .into_any()
    };

    let tabs: &[(&str, &str)] = &[
        ("half", "半年报告"),
        ("quarter", "季度败诉报告"),
        ("annual", "年度出庭与考核"),
        ("check", "报送前自查"),
        ("district", "全区对比"),
    ];
    view! {
        <section class="page reports">
            <h1>"报表"</h1>
            <div class="tabs report-controls" role="tablist">
                {tabs.iter().map(|(k, label)| {
                    let k = *k;
                    view! { <button type="button" role="tab" aria-selected=move || (tab.get() == k).to_string() on:click=move |_| tab.set(k)>{*label}</button> }
                }).collect_view()}
            </div>
            <div class="filters report-controls">
                {agency_sel}
                {move || match tab.get() {
                    "half" | "district" => select("r-half", "半年期间", half, Signal::derive(move || half_options().into_iter().map(|c| (c.clone(), ReportPeriod::parse(&c).map(|p| p.label()).unwrap_or(c))).collect())).into_any(),
                    "quarter" => select("r-quarter", "季度", quarter, Signal::derive(move || quarter_options().into_iter().map(|c| (c.clone(), ReportPeriod::parse(&c).map(|p| p.label()).unwrap_or(c))).collect())).into_any(),
                    "annual" => select("r-year", "年度", year, Signal::derive(move || year_options().into_iter().map(|y| (y.clone(), format!("{y}年"))).collect())).into_any(),
                    _ => ().into_any(),
                }}
            </div>
            <p class="message report-controls" role="status">{move || msg.get()}</p>
            {move || match tab.get() {
                "half" => half_view().into_any(),
                "quarter" => quarter_view().into_any(),
                "annual" => annual_view().into_any(),
                "check" => check_view().into_any(),
                _ => district_view().into_any(),
            }}
        </section>
    }
}
