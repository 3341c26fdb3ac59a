//! 报送记录 (`reports.csv`, see README): an agency exports which R23/R24 reports it has sent; 区司法局 imports
//! the files of every agency and sees on 总览 who has sent what, on time or late.

use super::with_files;
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::agency::ReportLogEntry;
use yingsu_engine::dates::fmt;
use yingsu_engine::exchange::{export_reports, import_reports, merge_reports};

#[component]
pub fn ReportsExchange(msg: RwSignal<String>) -> impl IntoView {
    let state = AppState::expect();
    let pending: RwSignal<Option<(Vec<ReportLogEntry>, Vec<String>)>> = RwSignal::new(None);
    let export = move |_| {
        let bytes = state.reg.with_untracked(|r| export_reports(&r.report_log));
        let name = format!("reports-{}.csv", fmt(state.today.get_untracked()));
        msg.set(match crate::files::download(&name, &bytes, "text/csv") {
            Ok(()) => "已生成下载文件。".into(),
            Err(e) => format!("导出失败：{e}"),
        });
    };
    let check = move |_| {
        with_files("in-reports", msg, move |files| {
            let mut all = Vec::new();
            let mut errors = Vec::new();
            for (name, bytes) in files {
                match crate::files::decode(&bytes) {
                    Err(e) => errors.push(format!("{name}：{e}")),
                    Ok(d) => match import_reports(&d.text) {
                        Ok(list) => all.extend(list),
                        Err(es) => errors.extend(es.iter().map(|e| format!("{name}：{e}"))),
                    },
                }
            }
            pending.set(Some((all, errors)));
        });
    };
    let commit = move |_| {
        let Some((list, errors)) = pending.get_untracked() else { return };
        if !errors.is_empty() {
            msg.set("报送记录文件有错误，未导入。请修正后重新导入。".into());
            return;
        }
        let mut counts = (0, 0);
        state.mutate(|r| {
            counts = merge_reports(&mut r.report_log, &list);
            r.changes_since_backup += 1;
        });
        pending.set(None);
        msg.set(format!("已导入报送记录：新增 {}，更新 {}。", counts.0, counts.1));
    };
    view! {
        <section class="block">
            <h2>"报送记录（reports.csv）"</h2>
            <p class="hint">"各机关导出本机关已标记“已报送”的半年报告（R23）和季度报告（R24），与 cases.csv 一并交区司法局；区司法局导入后在总览中查看各机关的报送情况。列：机关名称、报告、期间、报送日。"</p>
            <div class="filters">
                <button type="button" on:click=export>"导出报送记录 reports.csv"</button>
                <div class="field grow"><label for="in-reports">"报送记录文件"</label><input id="in-reports" type="file" accept=".csv,text/csv" multiple/></div>
                <button type="button" on:click=check>"检查并预览"</button>
            </div>
            {move || pending.get().map(|(list, errors)| view! {
                <div class="preview" data-testid="reports-preview">
                    <p>{format!("共 {} 条报送记录；错误 {} 处", list.len(), errors.len())}</p>
                    {(!errors.is_empty()).then(|| view! { <ul class="banner banner-bad" role="alert">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul> })}
                    <button type="button" class="primary" on:click=commit>"确认导入"</button>
                    <button type="button" on:click=move |_| pending.set(None)>"取消"</button>
                </div>
            })}
        </section>
    }
}
