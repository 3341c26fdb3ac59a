//! 节假日安排更新 (on 导入导出): a new year's State Council notice, imported as rows of the
//! `cn-holidays.csv` format with the notice named (RULES.md §6.17), after showing every open obligation whose
//! due date or status would change (§6.16).

use crate::components::{ChangeReview, ErrorList};
use crate::files::with_files;
use crate::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;
use yingsu_engine::calendar::{
    check_holiday_change, holiday_template, notices_for_import, parse_holiday_csv, DayMark, HolidayNotice, HolidayRow,
};
use yingsu_engine::rules::{changes, evaluate_in, Change};
use yingsu_engine::Evaluation;

/// A checked holiday file: its rows, the notice per year, and what it would move.
#[derive(Clone)]
struct Pending {
    rows: Vec<HolidayRow>,
    notices: Vec<HolidayNotice>,
    changes: Vec<Change>,
    /// The register's revision the preview was made from: a commit after another change is refused and
    /// the preview made again (issue 20).
    revision: u64,
}

/// Every open obligation (and this agency's reports) whose due date or status the rows would change.
fn moved_by(state: AppState, rows: &[HolidayRow]) -> Vec<Change> {
    let before: Arc<Vec<Evaluation>> = state.evals.get_untracked();
    let today = state.today.get_untracked();
    let (after, duty_changes) = state.reg.with_untracked(|r| {
        let mut trial = r.clone();
        trial.add_holidays(rows.to_vec(), vec![]);
        let cal = trial.calendar();
        let after: Vec<Evaluation> =
            r.matters.iter().map(|m| evaluate_in(m, &cal, &r.settings, today, &r.agencies)).collect();
        let duties = match (r.own_periodic_duties(&r.calendar(), today), trial.own_periodic_duties(&cal, today)) {
            (Some((_, b)), Some((_, a))) => yingsu_engine::periodic::duty_changes(&b, &a),
            _ => vec![],
        };
        (after, duties)
    });
    let mut moved = changes(&before, &after);
    moved.extend(duty_changes);
    moved
}

#[component]
pub fn HolidayUpdate(msg: RwSignal<String>) -> impl IntoView {
    let state = AppState::expect();
    let title = RwSignal::new(String::new());
    let published = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let holiday_errors: RwSignal<Vec<String>> = RwSignal::new(vec![]);

    let check = move |_| {
        // A new check replaces whatever was previewed before: a refused file leaves no 确认 behind that
        // would import the earlier one (issue 22).
        pending.set(None);
        holiday_errors.set(vec![]);
        with_files("in-holidays", msg, move |files| {
            let (name, bytes) = &files[0];
            let text = match crate::files::decode(bytes) {
                Ok(t) => t.text,
                Err(e) => return msg.set(format!("{name}：{e}")),
            };
            holiday_errors.set(vec![]);
            let rows = match parse_holiday_csv(&text) {
                Ok(rows) => rows,
                Err(es) => {
                    msg.set(format!("{name}：节假日文件有误，未采用。"));
                    return holiday_errors.set(es.iter().map(|e| e.to_string()).collect());
                }
            };
            // Checked before anything is computed with it: a file marking every day of a century would
            // make every later change walk the whole century (issue 12).
            // The cap counts the calendar after the change: the rows added before count too (issue 22).
            let problems =
                state.reg.with_untracked(|r| check_holiday_change(&r.holidays, &rows, state.today.get_untracked()));
            if !problems.is_empty() {
                msg.set(format!("{name}：节假日文件未采用，请检查下列问题。"));
                return holiday_errors.set(problems);
            }
            let notices = match notices_for_import(
                &rows,
                &title.get_untracked(),
                &published.get_untracked(),
                &url.get_untracked(),
            ) {
                Ok(n) => n,
                Err(e) => return msg.set(format!("{name}：{e}")),
            };
            let moved = moved_by(state, &rows);
            msg.set(String::new());
            let revision = state.reg.with_untracked(|r| r.revision);
            pending.set(Some(Pending { rows, notices, changes: moved, revision }));
        });
    };
    let confirm = Callback::new(move |_: ()| {
        let Some(p) = pending.get_untracked() else { return };
        // Checked again against the register as it is now (another tab may have added rows meanwhile).
        let problems =
            state.reg.with_untracked(|r| check_holiday_change(&r.holidays, &p.rows, state.today.get_untracked()));
        if !problems.is_empty() {
            pending.set(None);
            msg.set("节假日文件未采用，请检查下列问题。".into());
            return holiday_errors.set(problems);
        }
        // The review must describe the register as it is: changed since (another tab, another import), the
        // moved obligations are listed again and the user confirms again.
        let revision = state.reg.with_untracked(|r| r.revision);
        if revision != p.revision {
            let changes = moved_by(state, &p.rows);
            pending.set(Some(Pending { changes, revision, ..p }));
            return msg.set(
                "预览之后，台账已在其他地方（另一标签页）被修改，任何数据都没有改变。已按最新数据重新列出期限变动，请核对后再确认。"
                    .into(),
            );
        }
        let n = p.rows.len();
        let moved = p.changes.len();
        match state.commit(|r| r.add_holidays(p.rows, p.notices)) {
            Ok(()) => {
                pending.set(None);
                msg.set(format!(
                    "已导入 {n} 条节假日安排，{moved} 项义务的期限或状态已按新安排重新计算。可在“设置”中按年份删除。"
                ));
            }
            Err(e) => msg.set(format!("节假日安排没有保存到浏览器：{e}")),
        }
    });
    let cancel = Callback::new(move |_: ()| {
        pending.set(None);
        msg.set("已取消，节假日安排未改变。".into());
    });
    let template = move |_| {
        msg.set(match crate::files::download("节假日模板.csv", &holiday_template(), "text/csv") {
            Ok(()) => "已下载空白模板：每行一个日期，kind 填 holiday（放假）或 workday（调休上班）。".into(),
            Err(e) => format!("下载失败：{e}"),
        })
    };
    let field = |id: &'static str, label: &'static str, sig: RwSignal<String>, kind: &'static str| {
        view! {
            <div class="field"><label for=id>{label}</label>
                <input id=id type=kind prop:value=move || sig.get() on:input=move |e| sig.set(event_target_value(&e))/></div>
        }
    };
    view! {
        <section class="block" data-testid="holiday-update">
            <h2>"节假日安排更新"</h2>
            <p class="hint">"国务院办公厅每年发布下一年的放假调休通知后，按 cn-holidays.csv 格式（date,kind,name）导入，无需更新软件。导入前须填写通知名称和发布日期；确认前会列出期限或状态因此改变的全部未完成义务。已导入年份："
                <span data-testid="imported-years">{move || state.calendar.with(|c| c.years().map(|y| y.to_string()).collect::<Vec<_>>().join("、"))}</span></p>
            <div class="filters">
                <div class="field grow"><label for="in-holidays">"节假日文件"</label><input id="in-holidays" type="file" accept=".csv,text/csv"/></div>
                {field("in-notice-title", "通知名称", title, "text")}
                {field("in-notice-date", "通知发布日期", published, "date")}
                {field("in-notice-url", "通知网址（可选）", url, "text")}
                <button type="button" on:click=check>"检查并预览"</button>
                <button type="button" on:click=template>"下载空白模板"</button>
            </div>
            {move || (!holiday_errors.get().is_empty()).then(|| view! {
                <div class="banner banner-bad" role="alert" data-testid="holiday-errors">
                    <ErrorList items=holiday_errors.get() title="节假日文件的问题" file="节假日文件问题清单.txt" testid="holiday-error-list"/>
                </div>
            })}
            {move || pending.get().map(|p| {
                let mut years: Vec<i32> = p.notices.iter().map(|n| n.year).collect();
                years.dedup();
                let summary = format!("{} 条（放假 {} 天，调休上班 {} 天），年份：{}；通知：{}（{}）",
                    p.rows.len(),
                    p.rows.iter().filter(|r| r.kind == DayMark::Holiday).count(),
                    p.rows.iter().filter(|r| r.kind == DayMark::Workday).count(),
                    years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、"),
                    p.notices.first().map(|n| n.title.clone()).unwrap_or_default(),
                    p.notices.first().map(|n| yingsu_engine::dates::fmt(n.published)).unwrap_or_default());
                view! {
                    <div class="preview" data-testid="holiday-preview">
                        <p>{summary}</p>
                        <ChangeReview changes=p.changes title="导入节假日安排：期限变动确认".to_string() on_confirm=confirm on_cancel=cancel/>
                    </div>
                }
            })}
        </section>
    }
}
