//! 导入导出: files to and from 区司法局 and spreadsheets, full backups, and holiday updates.
//! Every import is validated in full and previewed; nothing is written until the user confirms.

mod merge;
mod reports;

use crate::components::ErrorList;
use crate::route::Page;
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::codec::{self, Import};
use yingsu_engine::dates::fmt;
use yingsu_engine::exchange;
use yingsu_engine::model::Agency;
use yingsu_engine::store::Register;
use yingsu_engine::text::visible;
use yingsu_engine::Status;

/// An agencies.csv preview, the file's row count, its errors, and its cells to check
/// (hidden characters, stray quotes).
type AgencyPreview = (exchange::AgencyPreview, usize, Vec<String>, Vec<String>);

/// A backup checked for restoring: the register, and its added holiday rows left out (why, how many).
#[derive(Clone)]
struct Restore {
    reg: Register,
    holiday_problems: Vec<String>,
    dropped: usize,
    /// The register's revision when the backup was checked: a restore after another change asks again.
    revision: u64,
}

mod cases_import;
mod holidays;

use crate::files::with_files;

#[component]
pub fn Exchange() -> impl IntoView {
    let state = AppState::expect();
    let msg = RwSignal::new(String::new());

    // ---- agencies.csv import (merge by 机关名称, field by field: issue 20)
    let agency_preview: RwSignal<Option<AgencyPreview>> = RwSignal::new(None);
    // The file last read, to make the preview again when it went stale.
    let agency_file: StoredValue<Option<(String, Import<Agency>)>> = StoredValue::new(None);
    let preview_agency_file = move || {
        agency_file.with_value(|f| {
            f.as_ref().map(|(name, imp)| {
                let errors: Vec<String> = imp.errors().map(|e| format!("{name}：{e}")).collect();
                let notes: Vec<String> =
                    imp.warnings.iter().chain(&imp.notices).map(|e| format!("{name}：{e}")).collect();
                let p = state.reg.with_untracked(|r| exchange::preview_agencies(&r.agencies, imp));
                (p, imp.rows.len(), errors, notes)
            })
        })
    };
    let check_agencies = move |_| {
        // A refused file leaves no earlier preview (and its 确认导入) behind.
        agency_preview.set(None);
        with_files("in-agencies", msg, move |files| {
            let (name, bytes) = &files[0];
            match crate::files::import::<Agency>(bytes) {
                Ok(imp) => {
                    agency_file.set_value(Some((name.clone(), imp)));
                    agency_preview.set(preview_agency_file());
                }
                Err(e) => msg.set(format!("{name}：{e}")),
            }
        });
    };
    let commit_agencies = move |_| {
        let Some((p, _, errors, _)) = agency_preview.get_untracked() else { return };
        if !errors.is_empty() {
            msg.set("名录文件有错误，未导入。请修正后重新导入。".into());
            return;
        }
        // The preview must still describe the directory (another tab may have saved 机关名录 since).
        let mut list = state.reg.with_untracked(|r| r.agencies.clone());
        let n = match exchange::apply_agencies(&mut list, &p) {
            Ok(n) => n,
            Err(stale) => {
                agency_preview.set(preview_agency_file());
                msg.set(format!(
                    "预览之后，机关{}已在其他地方（另一标签页）被修改，任何数据都没有改变。已按最新的机关名录重新生成预览，请核对后再确认。",
                    stale.iter().map(|k| format!("「{}」", visible(k))).collect::<String>()
                ));
                return;
            }
        };
        let result = state.commit(|r| {
            r.agencies = list;
            r.changes_since_backup += 1;
        });
        match result {
            Ok(()) => {
                agency_preview.set(None);
                msg.set(format!("已导入 {n} 个机关（新增或更新），已保存到浏览器。"));
            }
            Err(e) => msg.set(format!("机关名录没有保存到浏览器：{e}")),
        }
    };

    // ---- exports
    let ob_filter = RwSignal::new("未完成".to_string());
    let today_str = move || fmt(state.today.get_untracked());
    let export_cases = move |_| {
        let bytes = state.reg.with_untracked(|r| codec::export(&r.matters));
        report(msg, crate::files::download(&format!("cases-{}.csv", today_str()), &bytes, "text/csv"));
    };
    let export_agencies = move |_| {
        let bytes = state.reg.with_untracked(|r| codec::export(&r.agencies));
        report(msg, crate::files::download(&format!("agencies-{}.csv", today_str()), &bytes, "text/csv"));
    };
    let filtered_obligations = move || {
        let f = ob_filter.get_untracked();
        state
            .evals
            .get_untracked()
            .iter()
            .flat_map(|e| e.obligations.iter().cloned())
            .filter(|o| match f.as_str() {
                "全部" => true,
                "未完成" => o.status.is_open(),
                s => Status::from_label(s) == Some(o.status),
            })
            .collect::<Vec<_>>()
    };
    let export_obligations = move |_| {
        let bytes = codec::export_obligations(&filtered_obligations());
        report(msg, crate::files::download(&format!("obligations-{}.csv", today_str()), &bytes, "text/csv"));
    };
    let export_ics = move |_| {
        let evals = state.evals.get_untracked();
        let all: Vec<_> = evals.iter().flat_map(|e| e.obligations.iter().cloned()).collect();
        let today = state.today.get_untracked();
        let hearings = state.reg.with_untracked(|r| yingsu_engine::schedule::hearings(&r.matters, &evals, today));
        let text = exchange::ics(&all, &hearings, state.today.get_untracked(), 1);
        report(
            msg,
            crate::files::download(&format!("应诉通期限-{}.ics", today_str()), text.as_bytes(), "text/calendar"),
        );
    };

    // ---- full backup restore
    let restore: RwSignal<Option<Restore>> = RwSignal::new(None);
    let check_restore = move |_| {
        restore.set(None);
        with_files("in-backup", msg, move |files| {
            let (name, bytes) = &files[0];
            match crate::files::read_backup(bytes) {
                Ok(mut r) => {
                    // The backup's calendar is checked like an import (issue 22): a year that fails is left out.
                    let (problems, dropped) = r.drop_unsound_holidays(state.today.get_untracked());
                    let revision = state.reg.with_untracked(|r| r.revision);
                    restore.set(Some(Restore { reg: r, holiday_problems: problems, dropped, revision }));
                }
                Err(e) => msg.set(format!("{name}：无法作为完整备份读取：{e}")),
            }
        });
    };
    let commit_restore = move |_| {
        let Some(Restore { reg: r, revision, .. }) = restore.get_untracked() else { return };
        // Restoring replaces everything: changed since the check (another tab), the user is told and confirms again.
        let now = state.reg.with_untracked(|r| r.revision);
        if now != revision {
            restore.update(|x| {
                if let Some(x) = x {
                    x.revision = now;
                }
            });
            return msg.set(
                "检查备份之后，台账已在其他地方（另一标签页）被修改，任何数据都没有改变。恢复将替换这些修改；请核对后再次点击确认恢复。"
                    .into(),
            );
        }
        let result = state.commit(|cur| {
            let rev = cur.revision;
            *cur = r;
            cur.revision = rev;
        });
        match result {
            Ok(()) => {
                restore.set(None);
                msg.set("已从完整备份恢复，已保存到浏览器。".into());
            }
            Err(e) => msg.set(format!("备份内容没有保存到浏览器：{e}")),
        }
    };

    view! {
        <section class="page exchange">
            <h1>"导入导出"</h1>
            <p class="message" role="status" data-testid="exchange-message">{move || msg.get()}</p>

            <cases_import::CasesImport msg=msg/>

            <section class="block">
                <h2>"导入机关名录（agencies.csv）"</h2>
                <div class="filters">
                    <div class="field grow"><label for="in-agencies">"名录文件"</label><input id="in-agencies" type="file" accept=".csv,text/csv"/></div>
                    <button type="button" on:click=check_agencies>"检查并预览"</button>
                </div>
                {move || agency_preview.get().map(|(p, rows, errors, notes)| view! {
                    <div class="preview" data-testid="agency-preview">
                        <p>{format!("共 {rows} 个机关：新增 {}，未变 {}，更新 {}；错误 {} 处", p.new.len(), p.unchanged, p.changed.len(), errors.len())}</p>
                        {(!errors.is_empty()).then(|| view! { <div class="banner banner-bad"><ErrorList items=errors title="错误" file="机关名录错误清单.txt" testid="agency-error-list"/></div> })}
                        {(!notes.is_empty()).then(|| view! { <div class="banner banner-warn"><ErrorList items=notes title="请核对的单元格" file="机关名录提示清单.txt" testid="agency-note-list"/></div> })}
                        {(!p.changed.is_empty()).then(|| view! {
                            <p class="hint">"文件中没有的列保留名录原值；空单元格也不清除。"</p>
                            <table class="grid"><thead><tr><th>"机关名称"</th><th>"字段"</th><th>"原值"</th><th>"新值"</th></tr></thead>
                            <tbody>{p.changed.iter().flat_map(|c| c.diffs.iter().map(move |d| view! {
                                <tr><td>{visible(&c.agency.name.0).into_owned()}</td><td>{d.field.clone()}</td>
                                    <td>{visible(&d.old).into_owned()}</td><td>{visible(&d.new).into_owned()}</td></tr>
                            })).collect_view()}</tbody></table>
                        })}
                        <button type="button" class="primary" on:click=commit_agencies>"确认导入"</button>
                        <button type="button" on:click=move |_| agency_preview.set(None)>"取消"</button>
                    </div>
                })}
            </section>

            <section class="block">
                <h2>"导出"</h2>
                <p class="hint">"CSV 文件为 UTF-8（带 BOM）、CRLF 换行，Excel 和 WPS 可直接打开；以 = + - @ 开头的单元格前加 ' 防止被当作公式。"</p>
                <div class="actions">
                    <button type="button" on:click=export_cases>"导出案件台账 cases.csv"</button>
                    <button type="button" on:click=export_agencies>"导出机关名录 agencies.csv"</button>
                </div>
                <div class="filters">
                    <div class="field"><label for="ob-filter">"义务范围"</label>
                        <select id="ob-filter" prop:value=move || ob_filter.get() on:change=move |e| ob_filter.set(event_target_value(&e))>
                            <option value="未完成">"未完成"</option><option value="全部">"全部"</option>
                            {Status::ALL.iter().map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                        </select></div>
                    <button type="button" on:click=export_obligations>"导出义务清单 obligations.csv"</button>
                    <button type="button" on:click=export_ics>"导出日历 .ics（期限与开庭，前一天 9:00 提醒）"</button>
                </div>
            </section>

            <reports::ReportsExchange msg=msg/>

            <section class="block">
                <h2>"完整备份与恢复"</h2>
                <p class="hint">"完整备份包含案件、机关、设置、追加的节假日、修改记录和报告报送记录。"</p>
                <div class="filters">
                    <button type="button" class="primary" on:click=move |_| report(msg, state.export_backup())>"导出完整备份"</button>
                    <div class="field grow"><label for="in-backup">"备份文件"</label><input id="in-backup" type="file" accept=".json,application/json"/></div>
                    <button type="button" on:click=check_restore>"检查备份"</button>
                </div>
                {move || restore.get().map(|Restore { reg: r, holiday_problems, dropped, .. }| {
                    let aside: Vec<String> = r.set_aside.iter().map(|a| a.to_string()).collect();
                    let fixes: Vec<String> = r.needs_fixing().iter().map(|f| format!("{}「{}」 · 「{}」 · {}", f.table, yingsu_engine::text::visible(&f.key), f.column, yingsu_engine::text::visible(&f.value))).collect();
                    view! {
                    <div class="preview" data-testid="restore-preview">
                        <p>{format!("备份内容：案件 {} 个、机关 {} 个、修改记录 {} 条、报告记录 {} 条、追加节假日 {} 条；本机关「{}」。", r.matters.len(), r.agencies.len(), r.audit.len(), r.submissions.len(), r.holidays.len(), r.profile.agency)}</p>
                        {(!fixes.is_empty()).then(|| view! {
                            <div class="banner banner-warn" data-testid="restore-fixes">
                                <strong>{format!("备份中有 {} 个单元格无法读取：恢复后按原样保留并列为“待修正”，不会清空。", fixes.len())}</strong>
                                <ErrorList items=fixes title="待修正（案件或机关 · 列 · 原值）" file="备份待修正清单.txt" testid="restore-fix-list"/>
                            </div>
                        })}
                        {(dropped > 0).then(|| view! {
                            <div class="banner banner-bad" role="alert" data-testid="restore-holidays">
                                <strong>{format!("备份中的追加节假日有问题：{dropped} 条不会恢复（备份文件本身不变），其余内容照常恢复。")}</strong>
                                <ErrorList items=holiday_problems title="节假日安排的问题" file="备份节假日问题清单.txt" testid="restore-holiday-list"/>
                            </div>
                        })}
                        {(!aside.is_empty()).then(|| view! {
                            <div class="banner banner-warn" data-testid="restore-set-aside">
                                <strong>{format!("备份中有 {} 条记录无法读取：已另存并列出，其余内容照常恢复。", aside.len())}</strong>
                                <ErrorList items=aside title="无法读取的记录（原文）" file="备份无法读取的记录.txt" testid="restore-aside-list"/>
                            </div>
                        })}
                        <p class="banner banner-warn">"恢复将以备份内容替换本浏览器中的全部数据（当前有案件 " {state.reg.with_untracked(|x| x.matters.len())} " 个）。"</p>
                        <button type="button" class="primary" on:click=commit_restore>"确认恢复"</button>
                        <button type="button" on:click=move |_| restore.set(None)>"取消"</button>
                    </div>
                }})}
            </section>

            <holidays::HolidayUpdate msg=msg/>
            <p><a href=Page::Cases.href()>"查看案件"</a></p>
        </section>
    }
}

fn report(msg: RwSignal<String>, r: Result<(), String>) {
    msg.set(match r {
        Ok(()) => "已生成下载文件。".into(),
        Err(e) => format!("导出失败：{e}"),
    });
}
