//! 报送记录 (`reports.csv`, see README): an agency exports which R23/R24 reports it has sent; 区司法局 imports
//! the files of every agency and sees on 总览 who has sent what, on time or late.
//!
//! Imported like `cases.csv` (issue 22): a preview first (new, changed before → after, errors located and
//! listed through [`ErrorList`]), then one commit through [`AppState::commit`], which says "已导入" only once
//! the write is read back.

use crate::components::ErrorList;
use crate::files::with_files;
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::codec::ImportError;
use yingsu_engine::dates::fmt;
use yingsu_engine::exchange::{
    apply_submissions, export_submissions, import_submissions, preview_submissions, SubmissionsImport,
    SubmissionsPreview,
};
use yingsu_engine::text::visible;

/// The agency names the register already knows (机关名录, 所属机关, 本机关): a new entry takes their spelling.
fn known_names(r: &yingsu_engine::store::Register) -> Vec<String> {
    let mut v: Vec<String> = r.agencies.iter().map(|a| a.name.0.clone()).collect();
    v.extend(yingsu_engine::report::agencies(&r.matters));
    if !r.profile.agency.trim().is_empty() {
        v.push(r.profile.agency.trim().to_string());
    }
    v
}

#[component]
pub fn ReportsExchange(msg: RwSignal<String>) -> impl IntoView {
    let state = AppState::expect();
    let pending: RwSignal<Option<SubmissionsPreview>> = RwSignal::new(None);
    // The files last read, to make the preview again when it went stale.
    let files_read: StoredValue<Vec<(String, SubmissionsImport)>> = StoredValue::new(vec![]);
    let make = move || {
        files_read.with_value(|read| {
            state.reg.with_untracked(|r| {
                let known = known_names(r);
                preview_submissions(&r.submissions, &known.iter().map(String::as_str).collect::<Vec<_>>(), read)
            })
        })
    };
    let file_errors: RwSignal<Vec<String>> = RwSignal::new(vec![]);
    let export = move |_| {
        let bytes = state.reg.with_untracked(|r| export_submissions(&r.submissions));
        let name = format!("reports-{}.csv", fmt(state.today.get_untracked()));
        msg.set(match crate::files::download(&name, &bytes, "text/csv") {
            Ok(()) => "已生成下载文件。".into(),
            Err(e) => format!("导出失败：{e}"),
        });
    };
    let check = move |_| {
        // A new check replaces whatever was previewed before, even when the new file is refused.
        pending.set(None);
        file_errors.set(vec![]);
        with_files("in-reports", msg, move |files| {
            let mut read = Vec::new();
            let mut refused = Vec::new();
            for (name, bytes) in files {
                match crate::files::decode(&bytes) {
                    Err(e) => refused.push(format!("{name}：{e}")),
                    Ok(d) => match import_submissions(&d.text) {
                        Ok(imp) => read.push((name, imp)),
                        Err(ImportError::File(e)) => refused.push(format!("{name}：{e}")),
                        Err(ImportError::Header(es)) => refused.extend(es.iter().map(|e| format!("{name}：{e}"))),
                    },
                }
            }
            if !refused.is_empty() {
                msg.set("报送记录文件未采用，任何数据都没有改变。".into());
                file_errors.set(refused);
                return;
            }
            files_read.set_value(read);
            msg.set(String::new());
            pending.set(Some(make()));
        });
    };
    let commit = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        // Applied to a copy of the log first: a refused preview (invalid rows, changed meanwhile) changes nothing.
        let mut log = state.reg.with_untracked(|r| r.submissions.clone());
        let counts = match apply_submissions(&mut log, &p) {
            Ok(c) => c,
            Err(e) if p.can_commit() => {
                // Changed meanwhile (another tab): never the old preview; a new one, from the log as it is.
                pending.set(Some(make()));
                return msg.set(format!("未导入，任何数据都没有改变：{e}。已按最新数据重新生成预览，请核对后再确认。"));
            }
            Err(e) => return msg.set(format!("未导入，任何数据都没有改变：{e}")),
        };
        let saved = state.commit(move |r| {
            r.submissions = log;
            r.changes_since_backup += 1;
        });
        match saved {
            Ok(()) => {
                pending.set(None);
                msg.set(format!("已导入报送记录：新增 {}，更新 {}，已保存到浏览器。", counts.0, counts.1));
            }
            Err(e) => msg.set(format!("报送记录没有保存到浏览器：{e}")),
        }
    };
    view! {
        <section class="block" data-testid="reports-exchange">
            <h2>"报送记录（reports.csv）"</h2>
            <p class="hint">"各机关导出本机关已标记“已报送”的半年报告（R23）和季度报告（R24），与 cases.csv 一并交区司法局；区司法局导入后在总览中查看各机关的报送情况。列：机关名称、报告、期间、报送日。每个文件最多 100000 行；同一机关同一期间只能有一行。"</p>
            <div class="filters">
                <button type="button" on:click=export>"导出报送记录 reports.csv"</button>
                <div class="field grow"><label for="in-reports">"报送记录文件"</label><input id="in-reports" type="file" accept=".csv,text/csv" multiple/></div>
                <button type="button" on:click=check>"检查并预览"</button>
            </div>
            {move || (!file_errors.get().is_empty()).then(|| view! {
                <div class="banner banner-bad" role="alert" data-testid="reports-file-errors">
                    <ErrorList items=file_errors.get() title="无法导入的文件" file="报送记录问题清单.txt" testid="reports-file-error-list"/>
                </div>
            })}
            {move || pending.get().map(preview_view(commit, pending))}
        </section>
    }
}

/// The preview: counts, changed dates before → after, names read as recorded ones, errors and notices.
fn preview_view(
    commit: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
    pending: RwSignal<Option<SubmissionsPreview>>,
) -> impl Fn(SubmissionsPreview) -> AnyView {
    move |p: SubmissionsPreview| {
        let tagged =
            |v: &[(String, yingsu_engine::RowError)]| v.iter().map(|(f, e)| format!("{f}：{e}")).collect::<Vec<_>>();
        let (errors, warnings, notices) = (tagged(&p.errors), tagged(&p.warnings), tagged(&p.notices));
        let lookalikes: Vec<String> = p
            .lookalikes
            .iter()
            .map(|l| {
                format!(
                    "{} 第{}行：「{}」与已有机关「{}」相同（写法不同），按同一机关记录",
                    l.source,
                    l.row,
                    visible(&l.written),
                    visible(&l.existing)
                )
            })
            .collect();
        let back = p.changed.iter().filter(|c| c.moves_back()).count();
        let can = p.can_commit();
        view! {
            <div class="preview" data-testid="reports-preview">
                <p class="counts" data-testid="reports-counts">{format!(
                    "新增 {} · 更新 {} · 未变 {} · 无效 {}；错误 {} 处",
                    p.new.len(), p.changed.len(), p.unchanged, p.invalid_rows, p.errors.len()
                )}</p>
                {(!errors.is_empty()).then(|| view! {
                    <div class="banner banner-bad" role="alert" data-testid="reports-errors">
                        <strong>"以下行有错误；文件有错误时不导入，请修正后重新导入："</strong>
                        <ErrorList items=errors title="错误" file="报送记录错误清单.txt" testid="reports-error-list"/>
                    </div>
                })}
                {(!lookalikes.is_empty()).then(|| view! {
                    <div class="banner banner-warn" data-testid="reports-lookalikes">
                        <ErrorList items=lookalikes title="与已有机关名称相同（写法不同）" file="写法不同的机关名称.txt" testid="reports-lookalike-list"/>
                    </div>
                })}
                {(!warnings.is_empty() || !notices.is_empty()).then(|| view! {
                    <div class="banner banner-warn" data-testid="reports-warnings">
                        <ErrorList items=warnings.into_iter().chain(notices).collect() title="请核对的单元格" file="报送记录提示清单.txt" testid="reports-warning-list"/>
                    </div>
                })}
                {(!p.changed.is_empty()).then(|| view! {
                    <h3>"将更改的报送日"</h3>
                    {(back > 0).then(|| view! {
                        <p class="banner banner-warn" data-testid="reports-moves-back">{format!("其中 {back} 条会把报送日改早（文件可能是较旧的版本），请核对。")}</p>
                    })}
                    {(p.changed.len() > 200).then(|| view! { <p class="muted">{format!("共 {} 条，下面列出前 200 条。", p.changed.len())}</p> })}
                    <table class="grid" data-testid="reports-changes"><thead><tr><th>"机关"</th><th>"期间"</th><th>"报送日（原 → 新）"</th><th>"来源"</th></tr></thead>
                    <tbody>{p.changed.iter().take(200).map(|c| view! {
                        <tr class:warn=c.moves_back()><td>{visible(&c.entry.agency).into_owned()}</td><td>{c.entry.period.code()}</td>
                            <td class="date">{format!("{} → {}", c.old.map(fmt).unwrap_or_default(), fmt(c.entry.submitted))}</td>
                            <td>{format!("{} 第{}行", c.source, c.row)}</td></tr>
                    }).collect_view()}</tbody></table>
                })}
                <div class="actions">
                    <button type="button" class="primary" disabled=!can on:click=commit>"确认导入"</button>
                    <button type="button" on:click=move |_| pending.set(None)>"取消"</button>
                </div>
            </div>
        }
        .into_any()
    }
}
