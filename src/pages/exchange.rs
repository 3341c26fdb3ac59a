//! 导入导出: files to and from 区司法局 and spreadsheets, full backups, and holiday updates.
//! Every import is validated in full and previewed; nothing is written until the user confirms.

mod merge;
mod reports;

use crate::route::Page;
use crate::state::{browser_now, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use yingsu_engine::codec::Import;
use yingsu_engine::codec::{self, ImportError};
use yingsu_engine::dates::fmt;
use yingsu_engine::exchange::{self, Mode, Options, Preview};
use yingsu_engine::model::Agency;
use yingsu_engine::store::Register;
use yingsu_engine::{Matter, Status};

/// Agencies read from a file, how many are new and unchanged, and the file's errors.
type AgencyPreview = (Vec<Agency>, usize, usize, Vec<String>);

fn input_el(id: &str) -> Option<web_sys::HtmlInputElement> {
    document().get_element_by_id(id).and_then(|e| e.dyn_into().ok())
}

/// Reads the chosen files of an input, then runs `f` on them (or shows the error).
pub(crate) fn with_files(id: &'static str, msg: RwSignal<String>, f: impl FnOnce(Vec<(String, Vec<u8>)>) + 'static) {
    let Some(input) = input_el(id) else { return };
    spawn_local(async move {
        match crate::files::read_files(&input).await {
            Ok(files) => f(files),
            Err(e) => msg.set(e),
        }
    });
}

#[component]
pub fn Exchange() -> impl IntoView {
    let state = AppState::expect();
    let msg = RwSignal::new(String::new());

    // ---- cases.csv import
    let mode = RwSignal::new("合并".to_string());
    let skip_invalid = RwSignal::new(false);
    let preview: RwSignal<Option<(Preview, Vec<String>)>> = RwSignal::new(None);
    let file_errors: RwSignal<Vec<String>> = RwSignal::new(vec![]);
    // The files read, kept so that ticking 以空值清除 recomputes the preview.
    let imported: StoredValue<Vec<(String, Import<Matter>)>> = StoredValue::new(vec![]);
    let clear_empty = RwSignal::new(false);
    let foreign_ok = RwSignal::new(false);
    let mode_of = move || match mode.get_untracked().as_str() {
        "仅新增" => Mode::AddOnly,
        "全部替换" => Mode::ReplaceAll,
        _ => Mode::Merge,
    };
    let check_cases = move |_| {
        msg.set(String::new());
        with_files("in-cases", msg, move |files| {
            let mut imports = Vec::new();
            let mut errs = Vec::new();
            let mut notes = Vec::new();
            for (name, bytes) in files {
                let decoded = crate::files::decode(&bytes).map_err(|e| ImportError::File(yingsu_engine::FileError(e)));
                match decoded.and_then(|d| codec::import_text::<Matter>(&d.text, d.encoding)) {
                    Ok(imp) => {
                        notes.push(format!("{name}：{} 行，编码 {}", imp.rows.len(), imp.encoding));
                        if !imp.unknown_columns.is_empty() {
                            notes.push(format!("{name}：保留未知列 {}", imp.unknown_columns.join("、")));
                        }
                        notes.extend(imp.notices.iter().map(|n| format!("{name}：{n}")));
                        imports.push((name, imp));
                    }
                    Err(ImportError::File(e)) => errs.push(format!("{name}：{e}")),
                    Err(ImportError::Header(es)) => errs.extend(es.iter().map(|e| format!("{name}：{e}"))),
                }
            }
            file_errors.set(errs);
            if imports.is_empty() {
                preview.set(None);
                return;
            }
            let opts = Options { clear_empty: clear_empty.get_untracked() };
            let p = state.reg.with_untracked(|r| exchange::preview_with(&r.matters, &imports, mode_of(), opts));
            imported.set_value(imports);
            foreign_ok.set(false);
            preview.set(Some((p, notes)));
        });
    };
    let commit_cases = move |_| {
        let Some((p, _)) = preview.get_untracked() else { return };
        if p.mode == Mode::ReplaceAll {
            // 全部替换 first saves an automatic backup.
            if let Err(e) = state.export_backup() {
                msg.set(format!("未导入：自动备份失败（{e}）"));
                return;
            }
        }
        let (user, at) = (state.user(), browser_now());
        let mut result = Ok(0);
        state.mutate(|r| result = exchange::apply(r, &p, skip_invalid.get_untracked(), &user, &at));
        match result {
            Ok(n) => {
                msg.set(format!("已导入 {n} 个案件（{}）。", p.mode.label()));
                preview.set(None);
            }
            Err(e) => msg.set(format!("未导入，任何数据都没有改变：{e}")),
        }
    };
    let resolve_fields = move |case_no: String, choices: std::collections::BTreeMap<yingsu_engine::Column, usize>| {
        preview.update(|p| {
            if let Some((p, _)) = p {
                state.reg.with_untracked(|r| exchange::resolve_fields(p, &r.matters, &case_no, &choices));
            }
        });
    };
    let recompute = move || {
        preview.update(|p| {
            if let Some((p, _)) = p {
                let opts = Options { clear_empty: clear_empty.get_untracked() };
                *p = imported
                    .with_value(|i| state.reg.with_untracked(|r| exchange::preview_with(&r.matters, i, p.mode, opts)));
            }
        });
    };

    // ---- agencies.csv import (merge by 机关名称)
    let agency_preview: RwSignal<Option<AgencyPreview>> = RwSignal::new(None);
    let check_agencies = move |_| {
        with_files("in-agencies", msg, move |files| {
            let (name, bytes) = &files[0];
            match crate::files::import::<Agency>(bytes) {
                Ok(imp) => {
                    let errors: Vec<String> = imp.errors().map(|e| format!("{name}：{e}")).collect();
                    let ok: Vec<Agency> =
                        imp.rows.into_iter().filter(|r| r.errors.is_empty()).map(|r| r.record).collect();
                    let (new, same) = state.reg.with_untracked(|r| {
                        let new = ok.iter().filter(|a| !r.agencies.iter().any(|x| x.name == a.name)).count();
                        let same = ok.iter().filter(|a| r.agencies.contains(a)).count();
                        (new, same)
                    });
                    agency_preview.set(Some((ok, new, same, errors)));
                }
                Err(e) => msg.set(format!("{name}：{e}")),
            }
        });
    };
    let commit_agencies = move |_| {
        let Some((list, _, _, errors)) = agency_preview.get_untracked() else { return };
        if !errors.is_empty() {
            msg.set("名录文件有错误，未导入。请修正后重新导入。".into());
            return;
        }
        let n = list.len();
        state.mutate(|r| {
            for a in list {
                match r.agencies.iter().position(|x| x.name == a.name) {
                    Some(i) => r.agencies[i] = a,
                    None => r.agencies.push(a),
                }
            }
            r.agencies.sort_by(|x, y| x.name.cmp(&y.name));
            r.changes_since_backup += 1;
        });
        agency_preview.set(None);
        msg.set(format!("已导入 {n} 个机关。"));
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
        let hearings = state.reg.with_untracked(|r| yingsu_engine::schedule::hearings(&r.matters, &evals));
        let text = exchange::ics(&all, &hearings, state.today.get_untracked(), 1);
        report(
            msg,
            crate::files::download(&format!("应诉通期限-{}.ics", today_str()), text.as_bytes(), "text/calendar"),
        );
    };

    // ---- full backup restore
    let restore: RwSignal<Option<Register>> = RwSignal::new(None);
    let check_restore = move |_| {
        with_files("in-backup", msg, move |files| {
            let (name, bytes) = &files[0];
            match crate::files::read_backup(bytes) {
                Ok(r) => restore.set(Some(r)),
                Err(e) => msg.set(format!("{name}：无法作为完整备份读取：{e}")),
            }
        });
    };
    let commit_restore = move |_| {
        let Some(r) = restore.get_untracked() else { return };
        state.reg.update(|cur| {
            let rev = cur.revision;
            *cur = r;
            cur.revision = rev + 1;
        });
        restore.set(None);
        msg.set("已从完整备份恢复。".into());
    };

    view! {
        <section class="page exchange">
            <h1>"导入导出"</h1>
            <p class="message" role="status" data-testid="exchange-message">{move || msg.get()}</p>

            <section class="block">
                <h2>"导入案件台账（cases.csv）"</h2>
                <p class="hint">"支持 UTF-8（含或不含 BOM）和 GB18030/GBK（Excel、WPS 保存的文件），自动识别编码。区司法局汇总时可一次选择多个机关的文件。导入前先预览，确认后才写入。"</p>
                <div class="filters">
                    <div class="field grow"><label for="in-cases">"案件文件"</label><input id="in-cases" type="file" accept=".csv,text/csv" multiple/></div>
                    <div class="field"><label for="in-mode">"导入方式"</label>
                        <select id="in-mode" prop:value=move || mode.get() on:change=move |e| mode.set(event_target_value(&e))>
                            <option value="合并">"合并（按案号新增或更新）"</option>
                            <option value="仅新增">"仅新增"</option>
                            <option value="全部替换">"全部替换（先自动导出备份）"</option>
                        </select></div>
                    <button type="button" class="primary" on:click=check_cases>"检查并预览"</button>
                </div>
                {move || (!file_errors.get().is_empty()).then(|| view! {
                    <div class="banner banner-bad" role="alert" data-testid="file-errors">{file_errors.get().into_iter().map(|e| view! { <div>{e}</div> }).collect_view()}</div>
                })}
                {move || preview.get().map(|(p, notes)| {
                    let can = p.can_commit(skip_invalid.get()) && (p.foreign.is_empty() || foreign_ok.get());
                    view! {
                        <div class="preview" data-testid="preview">
                            <ul class="muted">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                            <p class="counts">
                                <span data-testid="n-new">{format!("新增 {}", p.new.len())}</span>" · "
                                <span data-testid="n-changed">{format!("修改 {}", p.changed.len())}</span>" · "
                                <span data-testid="n-unchanged">{format!("未变 {}", p.unchanged)}</span>" · "
                                <span data-testid="n-invalid">{format!("无效 {}", p.invalid_rows)}</span>
                                {(p.skipped > 0).then(|| format!(" · 已存在未导入 {}", p.skipped))}
                                {(!p.removed.is_empty()).then(|| format!(" · 将删除 {}", p.removed.len()))}
                                {(!p.conflicts.is_empty()).then(|| format!(" · 冲突 {}", p.conflicts.len()))}
                            </p>
                            {(!p.errors.is_empty()).then(|| view! {
                                <div class="banner banner-bad" role="alert" data-testid="import-errors">
                                    <strong>"以下行有错误，不会导入："</strong>
                                    <ul>{p.errors.iter().map(|(f, e)| view! { <li>{format!("{f}：{e}")}</li> }).collect_view()}</ul>
                                </div>
                            })}
                            {(p.mode == Mode::Merge).then(|| view! {
                                <label class="check"><input type="checkbox" prop:checked=move || clear_empty.get()
                                    on:change=move |e| { clear_empty.set(event_target_checked(&e)); recompute(); }/>
                                    "以空值清除：文件中的空单元格清空台账中已填写的值（默认不清除：空单元格保留台账原值）"</label>
                            })}
                            <merge::PreviewWarnings p=p.clone() foreign_ok=foreign_ok/>
                            {(!p.conflicts.is_empty()).then(|| view! {
                                <h3>"冲突：同一案号在不同文件中内容不同，请逐个字段选择"</h3>
                                {p.conflicts.iter().map(|c| {
                                    let no = c.case_no.clone();
                                    view! { <merge::ConflictResolver conflict=c.clone()
                                        resolve=Callback::new(move |choices| resolve_fields(no.clone(), choices))/> }
                                }).collect_view()}
                            })}
                            {(!p.changed.is_empty()).then(|| view! {
                                <h3>"将修改的案件"</h3>
                                <table class="grid"><thead><tr><th>"案号"</th><th>"字段"</th><th>"原值"</th><th>"新值"</th></tr></thead>
                                <tbody>{p.changed.iter().flat_map(|c| c.diffs.iter().map(move |d| view! {
                                    <tr><td>{c.matter.case_no.0.clone()}</td><td>{d.field.clone()}</td><td>{d.old.clone()}</td><td>{d.new.clone()}</td></tr>
                                })).collect_view()}</tbody></table>
                            })}
                            {(!p.removed.is_empty()).then(|| view! { <p class="banner banner-warn">"全部替换将删除：" {p.removed.join("、")}</p> })}
                            <div class="actions">
                                {(p.invalid_rows > 0).then(|| view! {
                                    <label class="check"><input type="checkbox" prop:checked=move || skip_invalid.get() on:change=move |e| skip_invalid.set(event_target_checked(&e))/>"跳过无效行导入"</label>
                                })}
                                <button type="button" class="primary" disabled=!can on:click=commit_cases>"确认导入"</button>
                                <button type="button" on:click=move |_| preview.set(None)>"取消"</button>
                            </div>
                        </div>
                    }
                })}
            </section>

            <section class="block">
                <h2>"导入机关名录（agencies.csv）"</h2>
                <div class="filters">
                    <div class="field grow"><label for="in-agencies">"名录文件"</label><input id="in-agencies" type="file" accept=".csv,text/csv"/></div>
                    <button type="button" on:click=check_agencies>"检查并预览"</button>
                </div>
                {move || agency_preview.get().map(|(list, new, same, errors)| view! {
                    <div class="preview">
                        <p>{format!("共 {} 个机关：新增 {new}，未变 {same}，更新 {}；错误 {} 处", list.len(), list.len() - new - same, errors.len())}</p>
                        {(!errors.is_empty()).then(|| view! { <ul class="banner banner-bad">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul> })}
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
                {move || restore.get().map(|r| view! {
                    <div class="preview" data-testid="restore-preview">
                        <p>{format!("备份内容：案件 {} 个、机关 {} 个、修改记录 {} 条、报告记录 {} 条、追加节假日 {} 条；本机关「{}」。", r.matters.len(), r.agencies.len(), r.audit.len(), r.report_log.len(), r.holidays.len(), r.profile.agency)}</p>
                        <p class="banner banner-warn">"恢复将以备份内容替换本浏览器中的全部数据（当前有案件 " {state.reg.with_untracked(|x| x.matters.len())} " 个）。"</p>
                        <button type="button" class="primary" on:click=commit_restore>"确认恢复"</button>
                        <button type="button" on:click=move |_| restore.set(None)>"取消"</button>
                    </div>
                })}
            </section>

            <crate::pages::holidays::HolidayUpdate msg=msg/>
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
