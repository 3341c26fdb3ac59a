//! Pieces shared by pages: status chips, the save/backup banners, the recovery screen, obligation rows.

mod repair;

use crate::route::Page;
use crate::state::{AppState, SaveState};
use leptos::prelude::*;
pub use repair::{LookalikeBanner, SetAsideBanner};
use yingsu_engine::dates::fmt;
use yingsu_engine::{Obligation, Status};

/// CSS class of a status: colour always comes with the status text (never colour alone).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Overdue | Status::Violation => "chip chip-bad",
        Status::DoneLate | Status::MissingData | Status::LongOpen => "chip chip-warn",
        Status::DueSoon => "chip chip-soon",
        Status::Pending | Status::NoFixedTerm | Status::InProgress => "chip chip-open",
        Status::Done | Status::Compliant => "chip chip-ok",
        Status::Info | Status::NotApplicable => "chip chip-info",
    }
}

#[component]
pub fn StatusChip(status: Status) -> impl IntoView {
    view! { <span class=status_class(status) data-testid="status">{status.label()}</span> }
}

/// A table of obligations with the "why this date" explanation; `show_case` adds a 案号 column.
#[component]
pub fn ObligationTable(rows: Vec<Obligation>, show_case: bool) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"没有符合条件的义务。"</p> }.into_any();
    }
    let d = |x: Option<chrono::NaiveDate>| x.map(fmt).unwrap_or_else(|| "—".into());
    view! {
        <table class="grid obligations">
            <thead><tr>
                {show_case.then(|| view! { <th scope="col">"案号"</th> })}
                <th scope="col">"规则"</th><th scope="col">"条款"</th><th scope="col">"义务"</th><th scope="col">"责任主体"</th>
                <th scope="col">"起算日"</th><th scope="col">"期限日"</th><th scope="col">"计日方式"</th><th scope="col">"完成日"</th>
                <th scope="col">"状态"</th><th scope="col">"说明"</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|o| {
                    let info = o.info();
                    let href = Page::Case(Some(o.case_no.0.clone())).href();
                    view! {
                        <tr data-rule=o.rule.label()>
                            {show_case.then(|| view! { <td class="case-no" data-label="案号"><a href=href.clone()>{yingsu_engine::text::visible(&o.case_no.0).into_owned()}</a></td> })}
                            <td data-label="规则">{o.rule.label()}</td>
                            <td data-label="条款"><span class="clause" title=info.text>{info.clause}</span></td>
                            <td class="duty" data-label="义务">{o.title}</td>
                            <td class="resp" data-label="责任主体">{o.responsible.clone()}</td>
                            <td class="date" data-label="起算日">{d(o.trigger)}</td>
                            <td class="date" data-testid="due" data-label="期限日">{d(o.due)}</td>
                            <td data-label="计日方式">{o.counting.map(|c| c.label()).unwrap_or("—")}</td>
                            <td class="date" data-label="完成日">{d(o.done)}</td>
                            <td data-label="状态"><StatusChip status=o.status/></td>
                            <td class="why" data-label="说明">{o.explanation.clone()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// 导出完整备份 from a banner; the outcome is said in `msg`.
fn export_backup(state: AppState, msg: RwSignal<String>) {
    match state.export_backup() {
        Ok(()) => msg.set("已导出完整备份。".into()),
        Err(e) => msg.set(format!("导出失败：{e}")),
    }
}

/// What went wrong with the last save (failure, a newer version, another tab's save), with what to do:
/// shown by [`Banners`], and by each page of the second module for its own saves (`crate::more`).
#[component]
pub fn SaveBanners(
    /// Where the outcome of 立即导出完整备份 is said.
    backup_msg: RwSignal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let export = move |_| export_backup(state, backup_msg);
    view! {
        <div class="banners urgent no-print" aria-live="assertive">
            {move || match state.save_state.get() {
                SaveState::Saved => None,
                SaveState::Failed { message, quota } => Some(view! {
                    <div class="banner banner-bad" role="alert" data-testid="save-error">
                        <strong>{if quota { "存储空间已满：" } else { "未保存：" }}</strong>{message}
                        <button type="button" class="primary" on:click=export>"立即导出完整备份"</button>
                    </div>
                }.into_any()),
                SaveState::NewerVersion(v) => Some(view! {
                    <div class="banner banner-bad" role="alert" data-testid="newer-version">
                        <strong>"请刷新页面以使用新版本。"</strong>
                        {format!("另一标签页使用了更新版本的应诉通（数据格式第 {v} 版），本页（只认识到第 {} 版）不再写入任何数据，以免损坏新版本的数据。本页尚未保存的修改可先导出为备份。", yingsu_engine::store::SCHEMA_VERSION)}
                        <button type="button" class="primary" on:click=move |_| { let _ = window().location().reload(); }>"刷新页面"</button>
                        <button type="button" on:click=export>"导出本页数据备份"</button>
                    </div>
                }.into_any()),
                SaveState::Conflict { stored } => Some(view! {
                    <div class="banner banner-bad" role="alert" data-testid="conflict">
                        <strong>"另一个标签页已保存了更新的数据（版本 " {stored} "）。"</strong>
                        " " {state.conflict_summary()} " 本页的修改尚未保存（表单中的输入仍保留）。请选择："
                        <button type="button" on:click=move |_| state.reload_from_storage()>"载入另一标签页的版本（放弃本页修改）"</button>
                        <button type="button" on:click=move |_| state.overwrite_storage()>"用本页的版本覆盖"</button>
                    </div>
                }.into_any()),
            }}
        </div>
    }
}

/// Save failures, tab conflicts, the storage-quota warning and the backup reminder.
#[component]
pub fn Banners() -> impl IntoView {
    let state = AppState::expect();
    let backup_msg = RwSignal::new(String::new());
    let export = move |_| export_backup(state, backup_msg);
    let reminder = move || {
        state.reg.with(|r| {
            if r.matters.is_empty() {
                return None;
            }
            let days = r
                .last_backup
                .as_deref()
                .and_then(|d| yingsu_engine::dates::parse_date(d).ok())
                .map(|d| (state.today.get() - d).num_days());
            let by_changes = r.changes_since_backup >= r.profile.backup_after_changes.max(1);
            let by_days = days.is_some_and(|n| n >= i64::from(r.profile.backup_after_days.max(1)));
            (by_changes
                || by_days
                || (days.is_none() && r.changes_since_backup >= r.profile.backup_after_changes.max(1)))
            .then(|| match days {
                Some(n) => format!("距上次导出备份已 {n} 天，其间有 {} 次修改。", r.changes_since_backup),
                None => format!("尚未导出过备份，已有 {} 次修改。", r.changes_since_backup),
            })
        })
    };
    view! {
        <SaveBanners backup_msg=backup_msg/>
        <div class="banners no-print" aria-live="polite">
            {move || (state.usage.get() >= 0.8).then(|| view! {
                <div class="banner banner-warn" role="status">
                    {format!("本地存储已使用 {}%（浏览器上限约 5M 字符）。请导出完整备份，并清理不再需要的案件。", (state.usage.get() * 100.0).round() as u32)}
                </div>
            })}
            {move || reminder().map(|msg| view! {
                <div class="banner banner-info" role="status" data-testid="backup-reminder">
                    {msg} " 建议导出完整备份。"
                    <button type="button" on:click=export>"导出完整备份"</button>
                </div>
            })}
            {move || (!backup_msg.get().is_empty()).then(|| view! { <div class="banner banner-info" role="status">{backup_msg.get()}</div> })}
            <NeedsFixing/>
            <SetAsideBanner/>
            <LookalikeBanner/>
        </div>
    }
}

/// Shown instead of the pages when stored data could not be read: the original text stays untouched.
#[component]
pub fn RecoveryScreen() -> impl IntoView {
    let state = AppState::expect();
    let rec = state
        .recovery
        .get_untracked()
        .unwrap_or_else(|| crate::state::Recovery { raw: String::new(), error: String::new() });
    let raw = rec.raw.clone();
    let has_raw = !raw.is_empty();
    let msg = RwSignal::new(String::new());
    let download = move |_| {
        let r = crate::files::download("应诉通-无法读取的原始数据.json", raw.as_bytes(), "application/json");
        msg.set(match r {
            Ok(()) => "已下载原始数据。".into(),
            Err(e) => format!("下载失败：{e}"),
        });
    };
    let start_over = move |_| {
        let ok = window()
            .confirm_with_message("确定放弃无法读取的数据并重新开始吗？请先下载原始数据。此操作会用空白数据覆盖它。")
            .unwrap_or(false);
        if ok {
            state.recovery.set(None);
            state.overwrite_storage();
        }
    };
    let restore = move |_| {
        use wasm_bindgen::JsCast;
        let Some(input) =
            document().get_element_by_id("rec-backup").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let files = match crate::files::read_files(&input).await {
                Ok(f) => f,
                Err(e) => return msg.set(e),
            };
            match crate::files::read_backup(&files[0].1) {
                Err(e) => msg.set(format!("无法作为完整备份读取：{e}")),
                Ok(r) => {
                    let question = format!(
                        "备份中有案件 {} 个、机关 {} 个。确定用它替换无法读取的数据吗？（请先下载原始数据）",
                        r.matters.len(),
                        r.agencies.len()
                    );
                    if window().confirm_with_message(&question).unwrap_or(false) {
                        state.reg.set(r);
                        state.recovery.set(None);
                        state.overwrite_storage();
                        msg.set(match state.save_state.get_untracked() {
                            SaveState::Saved => "已从完整备份恢复。".into(),
                            _ => "备份已载入页面，但没有保存到浏览器，请看页面顶部的提示。".into(),
                        });
                    }
                }
            }
        });
    };
    view! {
        <section class="page recovery" data-testid="recovery">
            <h1>"无法读取已保存的数据"</h1>
            <p class="banner banner-bad" role="alert">{rec.error.clone()}</p>
            <p>"应诉通没有修改这些数据，也不会自动覆盖它们。您可以："</p>
            <ol>
                <li>{has_raw.then(|| view! { <button type="button" class="primary" on:click=download>"下载原始数据"</button> })}
                    " 保存一份原样副本，交技术人员或区司法局协助恢复；"</li>
                <li>"使用能读取它的新版本应诉通打开；或"</li>
                <li>"从完整备份恢复（替换无法读取的数据）："
                    <label for="rec-backup">"备份文件"</label>
                    <input id="rec-backup" type="file" accept=".json,application/json"/>
                    <button type="button" on:click=restore>"从备份恢复"</button></li>
                <li><button type="button" on:click=start_over>"放弃原数据，重新开始"</button></li>
            </ol>
            <p role="status">{move || msg.get()}</p>
        </section>
    }
}

/// A matter's obligations as a vertical timeline: one compact entry each, the reason always shown and
/// the article's own words one click away.
#[component]
pub fn Timeline(rows: Vec<Obligation>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"此案件目前没有义务。"</p> }.into_any();
    }
    let d = |x: Option<chrono::NaiveDate>| x.map(fmt).unwrap_or_else(|| "—".into());
    view! {
        <ol class="tl">
            {rows.into_iter().map(|o| {
                let info = o.info();
                let dated = o.counting.is_some();
                view! {
                    <li class="tl-item" data-rule=o.rule.label()>
                        <div class="tl-head">
                            <span class="tl-due" data-testid="due">{d(o.due)}</span>
                            <StatusChip status=o.status/>
                            <strong>{o.rule.label()} " " {o.title}</strong>
                        </div>
                        <div class="tl-meta">
                            {dated.then(|| view! {
                                <span>"起算 " {d(o.trigger)}</span>
                                <span>"计日 " {o.counting.map(|c| c.label()).unwrap_or("—")}</span>
                                <span>"完成 " {d(o.done)}</span>
                            })}
                            <span>"责任主体 " {o.responsible.clone()}</span>
                        </div>
                        <p class="why">{o.explanation.clone()}</p>
                        <details class="tl-article">
                            <summary>{info.clause} "原文"</summary>
                            <blockquote>{info.text}</blockquote>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// A horizontal bar chart drawn as inline SVG by the app itself, with each value written beside its bar.
#[component]
pub fn BarChart(title: String, bars: Vec<(String, usize)>) -> impl IntoView {
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let row_h = 24;
    let height = (bars.len() as i32 * row_h + 8).max(32);
    // The label column is as wide as the longest label (12 px text: a Chinese character 12 px, other
    // characters about 7): a long agency name is never clipped at the left (issue 21).
    let text_w = |s: &str| s.chars().map(|c| if c.is_ascii() { 7 } else { 12 }).sum::<i32>();
    let label_w = bars.iter().map(|(l, _)| text_w(l)).max().unwrap_or(0).clamp(60, 420) + 10;
    let bar_w = 300;
    let total_w = label_w + bar_w + 60;
    view! {
        <figure class="chart">
            <figcaption>{title.clone()}</figcaption>
            <svg role="img" aria-label=title width=total_w height=height viewBox=format!("0 0 {total_w} {height}")>
                {bars.into_iter().enumerate().map(|(i, (label, v))| {
                    let y = i as i32 * row_h + 4;
                    let w = (v as f64 / max as f64 * bar_w as f64).round() as i32;
                    let (label_x, text_y, bar_h, value_x, bar_len) = (label_w - 6, y + 15, row_h - 8, label_w + w + 6, w.max(1));
                    view! {
                        <g>
                            <text x=label_x y=text_y text-anchor="end" class="chart-label">{label}</text>
                            <rect x=label_w y=y width=bar_len height=bar_h class="chart-bar"></rect>
                            <text x=value_x y=text_y class="chart-value">{v}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

/// Before → after of the open obligations a change of settings or of the holiday calendar would move
/// (RULES.md §6.16); nothing is written until the user confirms.
#[component]
pub fn ChangeReview(
    changes: Vec<yingsu_engine::rules::Change>,
    title: String,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    const SHOWN: usize = 200;
    let total = changes.len();
    let label = title.clone();
    let side = |x: Option<(Option<chrono::NaiveDate>, Status)>| match x {
        None => ("（无此义务）".to_string(), None),
        Some((due, st)) => (due.map(fmt).unwrap_or_else(|| "—".into()), Some(st)),
    };
    view! {
        <div class="review" role="dialog" aria-label=label data-testid="change-review">
            <h2>{title}</h2>
            {if total == 0 {
                view! { <p>"没有未完成义务的期限或状态因此改变。"</p> }.into_any()
            } else {
                view! {
                    <p>{format!("以下 {total} 项未完成义务的期限或状态将改变：")}
                        {(total > SHOWN).then(|| format!("（显示前 {SHOWN} 项）"))}</p>
                    <table class="grid"><thead><tr><th>"案号/报告"</th><th>"规则"</th><th>"修改前期限"</th><th>"修改前状态"</th><th>"修改后期限"</th><th>"修改后状态"</th></tr></thead>
                    <tbody>{changes.into_iter().take(SHOWN).map(|c| {
                        let (bd, bs) = side(c.before);
                        let (ad, as_) = side(c.after);
                        view! { <tr><td>{c.subject}</td><td>{format!("{}（{}）", c.rule.label(), c.rule.info().clause)}</td>
                            <td class="date">{bd}</td><td>{bs.map(|s| view! { <StatusChip status=s/> })}</td>
                            <td class="date">{ad}</td><td>{as_.map(|s| view! { <StatusChip status=s/> })}</td></tr> }
                    }).collect_view()}</tbody></table>
                }.into_any()
            }}
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| on_confirm.run(())>"确认"</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"取消"</button>
            </div>
        </div>
    }
}

/// The State Council notice behind each covered year of the calendar (RULES.md §6.17).
#[component]
pub fn HolidayNotices() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <table class="grid" data-testid="holiday-notices">
            <thead><tr><th>"年度"</th><th>"通知"</th><th>"发布日期"</th></tr></thead>
            <tbody>{move || {
                let notices = state.reg.with(|r| r.notices());
                let years: Vec<i32> = state.calendar.with(|c| c.years().collect());
                years.into_iter().map(|y| {
                    let of_year: Vec<_> = notices.iter().filter(|n| n.year == y).cloned().collect();
                    if of_year.is_empty() {
                        view! { <tr><td>{y}</td><td class="muted">"未记录通知（请重新导入该年度并填写通知名称）"</td><td></td></tr> }.into_any()
                    } else {
                        of_year.into_iter().map(|n| view! {
                            <tr><td>{n.year}</td><td>{n.title.clone()}<br/><span class="muted url">{n.url.clone()}</span></td><td class="date">{fmt(n.published)}</td></tr>
                        }).collect_view().into_any()
                    }
                }).collect_view()
            }}</tbody>
        </table>
    }
}

/// The header's permanent, quiet status: storage persisted or not, days since the last full backup, quota
/// in use. Red only when the last backup is older than the reminder setting (or none while there is data).
#[component]
pub fn StorageStatus() -> impl IntoView {
    let state = AppState::expect();
    let backup_days = move || {
        state.reg.with(|r| {
            r.last_backup
                .as_deref()
                .and_then(|d| yingsu_engine::dates::parse_date(d).ok())
                .map(|d| (state.today.get() - d).num_days())
        })
    };
    let stale = move || {
        let limit = state.reg.with(|r| i64::from(r.profile.backup_after_days.max(1)));
        let has_data = state.reg.with(|r| !r.matters.is_empty());
        match backup_days() {
            Some(n) => n > limit,
            None => has_data,
        }
    };
    // Persistence is a fact to explain once, not a permanent phrase (issue 21): the badge names it only when
    // granted; where the browser refuses or cannot grant it (an intranet http address is not a secure context),
    // [`PersistNotice`] says so once and 设置 always shows it. Red means only "a backup is due".
    let secure = window().is_secure_context();
    let persist_text = move || match state.persisted.get() {
        Some(true) => "存储：持久",
        _ => "存储：本浏览器",
    };
    let meaning = move || persistence_meaning(state.persisted.get(), secure);
    let backup_msg = RwSignal::new(String::new());
    let export = move |_| {
        backup_msg.set(match state.export_backup() {
            Ok(()) => "已导出完整备份。".into(),
            Err(e) => format!("导出失败：{e}"),
        })
    };
    view! {
        // Red only when a backup is due (the last one older than 设置's days, or none while there is data):
        // the one state the clerk must act on.
        <div class="status" class:status-bad=stale data-testid="storage-status" role="status">
            <span title="navigator.storage.persist()：持久保存的数据不会被浏览器在空间不足时自动清除">{persist_text}</span>
            <span class:bad=stale>
                {move || match backup_days() {
                    Some(0) => "备份：今天".to_string(),
                    Some(n) => format!("备份：{n} 天前"),
                    None => "备份：从未".to_string(),
                }}
            </span>
            <span>{move || format!("已用 {}%", (state.usage.get() * 100.0).round() as u32)}</span>
        </div>
        <details class="status-help" data-testid="storage-help">
            <summary>"这是什么意思？"</summary>
            <div class="status-help-body">
                <p data-testid="storage-meaning">{meaning}</p>
                <p>{move || {
                    let days = state.reg.with(|r| r.profile.backup_after_days.max(1));
                    if stale() {
                        format!("距上次完整备份已超过 {days} 天（可在设置中修改），请现在导出一份，保存到本机以外的地方。")
                    } else {
                        format!("超过 {days} 天没有备份时，这里会变红提醒。")
                    }
                }}</p>
                <button type="button" on:click=export>"导出完整备份"</button>
                <span class="message" role="status">{move || backup_msg.get()}</span>
            </div>
        </details>
    }
}

/// What the persistence state means and what to do, in words (the badge's help, the one-time notice, 设置).
pub fn persistence_meaning(persisted: Option<bool>, secure: bool) -> &'static str {
    match persisted {
        Some(true) => "浏览器已同意持久保存本站数据：空间紧张时不会自动清除。清除浏览数据、重装系统或换电脑仍会丢失数据，请定期导出完整备份。",
        Some(false) => "浏览器没有同意持久保存：磁盘空间紧张时，浏览器可能清除本站数据。这不是错误，也无需设置；定期导出完整备份即可保证数据不丢失。",
        None if !secure => "本网址不是 https（例如内网 http 地址），浏览器不提供持久保存，也无法申请。数据仍保存在本浏览器中；定期导出完整备份即可保证数据不丢失。",
        None => "浏览器不支持查询是否持久保存。定期导出完整备份即可保证数据不丢失。",
    }
}

/// Where the browser refuses or cannot grant persistent storage: said once, with what to do, until 知道了
/// (remembered in this browser); 设置 → 数据与存储 keeps saying it. Never red: only an overdue backup is.
#[component]
pub fn PersistNotice() -> impl IntoView {
    let state = AppState::expect();
    let secure = window().is_secure_context();
    let dismissed = RwSignal::new(crate::storage::flag(crate::storage::PERSIST_NOTICE_SEEN));
    let due = move || {
        !dismissed.get()
            && match state.persisted.get() {
                Some(false) => true,
                None => !secure,
                Some(true) => false,
            }
    };
    move || {
        due().then(|| view! {
            <div class="banner banner-info persist-notice no-print" role="note" data-testid="persist-notice">
                <span>{match state.persisted.get() {
                    Some(false) => "浏览器没有同意持久保存本站数据（磁盘空间紧张时可能被清除）。",
                    _ => "本网址不是 https（如内网 http 地址），浏览器不能持久保存本站数据。",
                }} "这不是错误，无需设置：定期导出完整备份即可；超过设置的天数未备份时，右上角的“备份”会变红。"</span>
                " "
                <button type="button" class="small" on:click=move |_| {
                    crate::storage::set_flag(crate::storage::PERSIST_NOTICE_SEEN);
                    dismissed.set(true);
                }>"知道了"</button>
            </div>
        })
    }
}

/// Cells kept as written because they could not be read (stored data, a restored backup): listed with
/// matter, column and value until fixed — never emptied.
#[component]
pub fn NeedsFixing() -> impl IntoView {
    let state = AppState::expect();
    let fixes = Memo::new(move |_| state.reg.with(|r| r.needs_fixing()));
    move || {
        let list = fixes.get();
        (!list.is_empty()).then(|| {
            let n = list.len();
            let rows: Vec<String> = list
                .iter()
                .map(|f| {
                    format!(
                        "{}「{}」 · 「{}」 · {}",
                        f.table,
                        yingsu_engine::text::visible(&f.key),
                        f.column,
                        yingsu_engine::text::visible(&f.value)
                    )
                })
                .collect();
            view! {
                <div class="banner banner-warn" role="status" data-testid="needs-fixing">
                    <strong>{format!("待修正：{n} 个单元格无法读取，已按原样保留（未清空）。")}</strong>
                    " 含这些单元格的案件暂不计算期限，请逐个打开修正。"
                    <ErrorList items=rows title="待修正（案件或机关 · 列 · 原值）" file="待修正清单.txt" testid="needs-fixing-list"/>
                </div>
            }
        })
    }
}

/// How many items an error list shows; the rest are counted and downloadable.
pub const LIST_LIMIT: usize = 200;

/// A list of problems: the first 200 shown, the count of the rest, and the full list as a download.
#[component]
pub fn ErrorList(items: Vec<String>, title: &'static str, file: &'static str, testid: &'static str) -> impl IntoView {
    let total = items.len();
    let shown: Vec<String> = items.iter().take(LIST_LIMIT).cloned().collect();
    let all = items.join("\r\n");
    let msg = RwSignal::new(String::new());
    let download = move |_| {
        let body = format!("\u{feff}{title}\r\n{all}\r\n");
        if let Err(e) = crate::files::download(file, body.as_bytes(), "text/plain;charset=utf-8") {
            msg.set(format!("下载失败：{e}"));
        }
    };
    view! {
        <details class="error-list" data-testid=testid open=total <= 20>
            <summary>{if total > LIST_LIMIT { format!("{title}：共 {total} 处，下面列出前 {LIST_LIMIT} 处") } else { format!("{title}：共 {total} 处") }}</summary>
            <ul>{shown.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            {(total > LIST_LIMIT).then(|| view! { <p data-testid="list-more">{format!("……另有 {} 处未列出。", total - LIST_LIMIT)}</p> })}
            <button type="button" on:click=download>"下载完整清单"</button>
            <span role="status">{move || msg.get()}</span>
        </details>
    }
}
