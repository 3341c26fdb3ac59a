//! 导入案件台账: read the files in steps (progress shown, the page stays responsive), preview, commit.
//!
//! The preview remembers each matter as it was; a commit after another tab changed one of them is
//! refused by the engine ([`ApplyError::Stale`]) and the preview is made again from the current data, so
//! an edit saved meanwhile is never overwritten without being shown.

use crate::components::ErrorList;
use crate::state::{browser_now, yield_now, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use yingsu_engine::codec::{Import, ImportError, Importer};
use yingsu_engine::exchange::{self, ApplyError, Mode, Options, Preview};
use yingsu_engine::text::visible;
use yingsu_engine::Matter;

/// Rows read between two yields to the browser.
const CHUNK: usize = 2_000;

type Files = Vec<(String, Import<Matter>)>;

#[component]
pub fn CasesImport(msg: RwSignal<String>) -> impl IntoView {
    let state = AppState::expect();
    let mode = RwSignal::new("合并".to_string());
    let skip_invalid = RwSignal::new(false);
    let preview: RwSignal<Option<(Preview, Vec<String>)>> = RwSignal::new(None);
    let imports: StoredValue<Files> = StoredValue::new(Vec::new());
    let file_errors: RwSignal<Vec<String>> = RwSignal::new(vec![]);
    let progress = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // 以空值清除 (issue 11): off by default, so an empty cell never blanks a filled field.
    let clear_empty = RwSignal::new(false);
    let foreign_ok = RwSignal::new(false);
    let mode_of = move || match mode.get_untracked().as_str() {
        "仅新增" => Mode::AddOnly,
        "全部替换" => Mode::ReplaceAll,
        _ => Mode::Merge,
    };
    let make_preview = move || {
        imports.with_value(|files| {
            state.reg.with_untracked(|r| {
                // An agency's own register flags another agency's matters, new ones too (issue 20).
                let own_agency = if r.profile.role == yingsu_engine::store::Role::Agency {
                    r.profile.agency.trim().to_string()
                } else {
                    String::new()
                };
                let opts = Options { clear_empty: clear_empty.get_untracked(), own_agency };
                exchange::preview_with(&r.matters, files, mode_of(), opts)
            })
        })
    };
    let check_cases = move |_| {
        msg.set(String::new());
        let Some(input) = crate::files::input_el("in-cases") else { return };
        busy.set(true);
        preview.set(None);
        spawn_local(async move {
            let files = match crate::files::read_files(&input).await {
                Ok(f) => f,
                Err(e) => {
                    busy.set(false);
                    return msg.set(e);
                }
            };
            let mut done: Files = Vec::new();
            let mut errs = Vec::new();
            let mut notes = Vec::new();
            for (name, bytes) in files {
                progress.set(format!("正在读取 {name}…"));
                yield_now().await;
                let decoded = match crate::files::decode(&bytes) {
                    Ok(d) => d,
                    Err(e) => {
                        errs.push(format!("{name}：{e}"));
                        continue;
                    }
                };
                // A refused file (at its start, or part-way when a row breaks a limit): its reasons, by name.
                let refused = |e: ImportError| -> Vec<String> {
                    match e {
                        ImportError::File(e) => vec![format!("{name}：{e}")],
                        ImportError::Header(es) => es.iter().map(|e| format!("{name}：{e}")).collect(),
                    }
                };
                let mut job = match Importer::<Matter>::begin(&decoded.text, decoded.encoding, false) {
                    Ok(j) => j,
                    Err(e) => {
                        errs.extend(refused(e));
                        continue;
                    }
                };
                while job.step(CHUNK) {
                    progress.set(format!("正在检查 {name}：已读 {} 行…", job.rows_done()));
                    yield_now().await;
                }
                let imp = match job.finish() {
                    Ok(imp) => imp,
                    Err(e) => {
                        errs.extend(refused(e));
                        continue;
                    }
                };
                notes.push(format!("{name}：{} 行，编码 {}", imp.rows.len(), imp.encoding));
                if !imp.unknown_columns.is_empty() {
                    let n = imp.unknown_columns.len();
                    let shown: Vec<&str> = imp.unknown_columns.iter().take(20).map(String::as_str).collect();
                    notes.push(format!(
                        "{name}：保留未知列 {}{}",
                        shown.join("、"),
                        if n > 20 { format!(" 等 {n} 列") } else { String::new() }
                    ));
                }
                notes.extend(imp.notices.iter().map(|n| format!("{name}：{n}")));
                done.push((name, imp));
            }
            file_errors.set(errs);
            imports.set_value(done);
            if imports.with_value(|f| !f.is_empty()) {
                progress.set("正在与已有案件比对…".into());
                yield_now().await;
                foreign_ok.set(false);
                preview.set(Some((make_preview(), notes)));
            }
            progress.set(String::new());
            busy.set(false);
        });
    };
    let commit_cases = move |_| {
        let Some((p, notes)) = preview.get_untracked() else { return };
        if p.mode == Mode::ReplaceAll {
            // 全部替换 first saves an automatic backup.
            if let Err(e) = state.export_backup() {
                msg.set(format!("未导入：自动备份失败（{e}）"));
                return;
            }
        }
        busy.set(true);
        progress.set(format!("正在写入 {} 个案件…", p.new.len() + p.changed.len()));
        spawn_local(async move {
            yield_now().await;
            // 修改记录 names the file(s) the values came from: "吴敏（导入 城管委-A.csv）" (issue 21).
            let mut sources: Vec<&str> = p.new.iter().chain(&p.changed).map(|c| c.source.as_str()).collect();
            sources.sort_unstable();
            sources.dedup();
            let user = if sources.is_empty() {
                state.user()
            } else {
                format!("{}（导入 {}）", state.user(), sources.join("、"))
            };
            let at = browser_now();
            let mut next = state.reg.get_untracked();
            let applied = exchange::apply(&mut next, &p, skip_invalid.get_untracked(), &user, &at);
            match applied {
                Ok(n) => {
                    let rev = next.revision;
                    progress.set(format!("正在保存 {n} 个案件到浏览器…"));
                    yield_now().await;
                    let saved = state.commit(move |r| {
                        *r = next;
                        r.revision = rev;
                    });
                    match saved {
                        Ok(()) => {
                            msg.set(format!("已导入 {n} 个案件（{}），已保存到浏览器。", p.mode.label()));
                            preview.set(None);
                        }
                        Err(e) => msg.set(format!("导入的 {n} 个案件没有保存到浏览器：{e}")),
                    }
                }
                Err(e @ ApplyError::Stale(_)) => {
                    preview.set(Some((make_preview(), notes)));
                    msg.set(format!("未导入，任何数据都没有改变：{e}。已按最新数据重新生成预览，请核对后再确认。"));
                }
                Err(e) => msg.set(format!("未导入，任何数据都没有改变：{e}")),
            }
            progress.set(String::new());
            busy.set(false);
        });
    };
    let resolve_fields = move |case_no: String, choices: std::collections::BTreeMap<yingsu_engine::Column, usize>| {
        preview.update(|p| {
            if let Some((p, _)) = p {
                state.reg.with_untracked(|r| exchange::resolve_fields(p, &r.matters, &case_no, &choices));
            }
        });
    };
    // Ticking 以空值清除 makes the preview again from the files already read.
    let recompute = move || {
        preview.update(|p| {
            if let Some((p, _)) = p {
                *p = make_preview();
            }
        });
    };

    view! {
        <section class="block">
            <h2>"导入案件台账（cases.csv）"</h2>
            <p class="hint">"支持 UTF-8（含或不含 BOM）、GB18030/GBK（Excel、WPS 保存的文件）和 UTF-16，自动识别编码。区司法局汇总时可一次选择多个机关的文件。导入前先预览，确认后才写入。每个文件最多 100000 行、1000 列，每个单元格最多 32 KB。"</p>
            <div class="filters">
                <div class="field grow"><label for="in-cases">"案件文件"</label><input id="in-cases" type="file" accept=".csv,text/csv" multiple/></div>
                <div class="field"><label for="in-mode">"导入方式"</label>
                    <select id="in-mode" prop:value=move || mode.get() on:change=move |e| mode.set(event_target_value(&e))>
                        <option value="合并">"合并（按案号新增或更新）"</option>
                        <option value="仅新增">"仅新增"</option>
                        <option value="全部替换">"全部替换（先自动导出备份）"</option>
                    </select></div>
                <button type="button" class="primary" disabled=move || busy.get() on:click=check_cases>"检查并预览"</button>
            </div>
            {move || (!progress.get().is_empty()).then(|| view! {
                <p class="banner banner-info" role="status" aria-live="polite" data-testid="import-progress">{progress.get()}</p>
            })}
            {move || (!file_errors.get().is_empty()).then(|| view! {
                <div class="banner banner-bad" role="alert" data-testid="file-errors">
                    <ErrorList items=file_errors.get() title="无法导入的文件" file="导入问题清单.txt" testid="file-error-list"/>
                </div>
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
                        {(!p.lookalikes.is_empty()).then(|| view! {
                            <div class="banner banner-warn" data-testid="lookalikes">
                                <ErrorList
                                    items=p.lookalikes.iter().map(|l| format!("{} 第{}行：「{}」与已有案号「{}」相同（写法不同），按同一案件处理，保留已有写法", l.source, l.row, visible(&l.written), visible(&l.existing))).collect()
                                    title="与已有案号相同（写法不同）" file="写法不同的案号.txt" testid="lookalike-list"/>
                            </div>
                        })}
                        {(!p.warnings.is_empty()).then(|| view! {
                            <div class="banner banner-warn" data-testid="import-warnings">
                                <ErrorList items=p.warnings.iter().map(|(f, e)| format!("{f}：{e}")).collect()
                                    title="含不可见控制字符的单元格（照原样导入，显示时标出）" file="控制字符清单.txt" testid="warning-list"/>
                            </div>
                        })}
                        {(!p.errors.is_empty()).then(|| view! {
                            <div class="banner banner-bad" role="alert" data-testid="import-errors">
                                <strong>"以下行有错误，不会导入："</strong>
                                <ErrorList items=p.errors.iter().map(|(f, e)| format!("{f}：{e}")).collect()
                                    title="错误" file="导入错误清单.txt" testid="import-error-list"/>
                            </div>
                        })}
                        {(p.mode == Mode::Merge).then(|| view! {
                            <label class="check"><input type="checkbox" prop:checked=move || clear_empty.get()
                                on:change=move |e| { clear_empty.set(event_target_checked(&e)); recompute(); }/>
                                "以空值清除：文件中的空单元格清空台账中已填写的值（默认不清除：空单元格保留台账原值）"</label>
                        })}
                        <super::merge::PreviewWarnings p=p.clone() foreign_ok=foreign_ok/>
                        {(!p.conflicts.is_empty()).then(|| view! {
                            <h3>"冲突：同一案号在不同文件中内容不同，请逐个字段选择"</h3>
                            {p.conflicts.iter().take(200).map(|c| {
                                let no = c.case_no.clone();
                                view! { <super::merge::ConflictResolver conflict=c.clone()
                                    resolve=Callback::new(move |choices| resolve_fields(no.clone(), choices))/> }
                            }).collect_view()}
                        })}
                        // The new matters with the values they bring (after any field chosen in a conflict):
                        // a trace of what the import takes, not only "新增 6" (issue 21).
                        {(!p.new.is_empty()).then(|| view! {
                            <h3>"将新增的案件"</h3>
                            {(p.new.len() > 200).then(|| view! { <p class="muted">{format!("共 {} 个，下面列出前 200 个。", p.new.len())}</p> })}
                            <table class="grid" data-testid="new-matters"><thead><tr><th>"案号"</th><th>"来源"</th><th>"导入的值"</th></tr></thead>
                            <tbody>{p.new.iter().take(200).map(|c| {
                                // What the file brings: the required columns and every value that is not the
                                // default (a column the file lacks reads 否 for a yes/no field: not listed), as
                                // the （新建） line of 修改记录 lists them.
                                let empty = yingsu_engine::Matter::default();
                                let values: Vec<String> = yingsu_engine::Column::ALL.iter()
                                    .filter(|col| **col != yingsu_engine::Column::CaseNo)
                                    .filter(|col| yingsu_engine::Column::REQUIRED.contains(col) || col.get(&c.matter) != col.get(&empty))
                                    .filter_map(|col| { let v = col.get(&c.matter); (!v.is_empty()).then(|| format!("{}：{}", col.name(), visible(&v))) })
                                    .collect();
                                view! {
                                    <tr><td>{visible(&c.matter.case_no.0).into_owned()}</td><td>{format!("{} 第{}行", c.source, c.row)}</td>
                                        <td class="why">{values.join("；")}</td></tr>
                                }
                            }).collect_view()}</tbody></table>
                        })}
                        {(!p.changed.is_empty()).then(|| {
                            let total: usize = p.changed.iter().map(|c| c.diffs.len()).sum();
                            view! {
                                <h3>"将修改的案件"</h3>
                                {(total > 200).then(|| view! { <p class="muted">{format!("共 {total} 处修改，下面列出前 200 处。")}</p> })}
                                <table class="grid"><thead><tr><th>"案号"</th><th>"字段"</th><th>"原值"</th><th>"新值"</th><th>"来源"</th></tr></thead>
                                <tbody>{p.changed.iter().flat_map(|c| c.diffs.iter().map(move |d| (c, d))).take(200).map(|(c, d)| view! {
                                    <tr><td>{visible(&c.matter.case_no.0).into_owned()}</td><td>{d.field.clone()}</td><td>{visible(&d.old).into_owned()}</td><td>{visible(&d.new).into_owned()}</td><td>{format!("{} 第{}行", c.source, c.row)}</td></tr>
                                }).collect_view()}</tbody></table>
                            }
                        })}
                        {(!p.removed.is_empty()).then(|| view! {
                            <p class="banner banner-warn">{format!("全部替换将删除 {} 个案件：", p.removed.len())}
                                {p.removed.iter().take(200).map(|k| visible(k).into_owned()).collect::<Vec<_>>().join("、")}
                                {(p.removed.len() > 200).then_some("……")}</p>
                        })}
                        <div class="actions">
                            {(p.invalid_rows > 0).then(|| view! {
                                <label class="check"><input type="checkbox" prop:checked=move || skip_invalid.get() on:change=move |e| skip_invalid.set(event_target_checked(&e))/>"跳过无效行导入"</label>
                            })}
                            <button type="button" class="primary" disabled=move || !can || busy.get() on:click=commit_cases>"确认导入"</button>
                            <button type="button" on:click=move |_| preview.set(None)>"取消"</button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}
