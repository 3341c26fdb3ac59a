//! 设置: the readings the regulation leaves open, this agency, the user, reminders, and storage.

mod weights;

use crate::components::{ChangeReview, HolidayNotices};
use crate::session;
use crate::state::browser_now;
use crate::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeMap;
use yingsu_engine::record::Record;
use yingsu_engine::rules::evaluate_in;
use yingsu_engine::rules::{changes, Change};
use yingsu_engine::store::{Register, Setup, SetupField};
use yingsu_engine::Evaluation;

/// Where this tab keeps the form's unsaved input (issue 20: it survives navigation, as the case form's).
fn form_key() -> String {
    format!("yingsu.form.settings.{}", crate::storage::tab_id())
}

/// The unsaved form as kept: the stored values the edit began from and the typed text of each field
/// the user changed, by label.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Kept {
    base: BTreeMap<String, String>,
    input: BTreeMap<String, String>,
    at: String,
}

fn by_label(s: &Setup) -> BTreeMap<String, String> {
    SetupField::ALL.iter().map(|f| (f.label().to_string(), s.get(*f))).collect()
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = AppState::expect();
    // One edit session (crate::session) over the engine's Setup record: `stored` is read from the
    // register; `base` is what the edit began from; `input` the typed text of the fields the user changed
    // (an untouched field shows what is stored, so it follows another tab's save with no Effect).
    let stored = Memo::new(move |_| state.reg.with(Setup::from_register));
    let base = RwSignal::new(stored.get_untracked());
    let input: RwSignal<BTreeMap<SetupField, String>> = RwSignal::new(BTreeMap::new());
    let message = RwSignal::new(String::new());
    let restored: RwSignal<Option<String>> = RwSignal::new(None);
    if let Some(k) = crate::storage::load_form(&form_key()).and_then(|j| serde_json::from_str::<Kept>(&j).ok()) {
        let mut b = stored.get_untracked();
        for (label, v) in &k.base {
            if let Some(f) = Setup::col_from_name(label) {
                let _ = b.set(f, v);
            }
        }
        let typed: BTreeMap<SetupField, String> =
            k.input.iter().filter_map(|(l, v)| Setup::col_from_name(l).map(|f| (f, v.clone()))).collect();
        if !typed.is_empty() {
            base.set(b);
            input.set(typed);
            restored.set(Some(k.at));
        }
    }
    let persist = move || {
        let typed = input.get_untracked();
        if typed.is_empty() {
            crate::storage::drop_form(&form_key());
            return;
        }
        let kept = Kept {
            base: by_label(&base.get_untracked()),
            input: typed.iter().map(|(f, v)| (f.label().to_string(), v.clone())).collect(),
            at: browser_now(),
        };
        if let Ok(j) = serde_json::to_string(&kept) {
            if let Err(e) = crate::storage::set_form(&form_key(), &j) {
                message.set(format!("未保存的设置修改无法暂存到浏览器（{e}），离开本页前请先保存。"));
            }
        }
    };
    let value = move |f: SetupField| input.with(|i| i.get(&f).cloned()).unwrap_or_else(|| stored.with(|s| s.get(f)));
    let set_value = move |f: SetupField, v: String| {
        // Typing the value the edit began from leaves the field untouched (it follows the stored one again).
        if base.with_untracked(|b| b.get(f)) == v && stored.with_untracked(|s| s.get(f)) == v {
            input.update(|i| {
                i.remove(&f);
            });
        } else {
            if input.with_untracked(|i| i.is_empty()) {
                // The first change: the edit begins from what the form showed.
                base.set(stored.get_untracked());
            }
            input.update(|i| {
                i.insert(f, v);
            });
        }
        persist();
    };
    // Fields another tab changed while the user had changed them too: (field, theirs, mine) — derived.
    let clashes = Memo::new(move |_| {
        let (b, s) = (base.get(), stored.get());
        input.with(|i| {
            i.iter()
                .filter(|(f, mine)| b.get(**f) != s.get(**f) && **mine != s.get(**f))
                .map(|(f, mine)| (*f, s.get(*f), mine.clone()))
                .collect::<Vec<_>>()
        })
    });
    // Fields another tab changed that this form shows as they are now (untouched here).
    let followed = Memo::new(move |_| {
        let (b, s) = (base.get(), stored.get());
        input.with(|i| {
            session::changed(&b, &s).into_iter().filter(|f| !i.contains_key(f)).map(|f| f.label()).collect::<Vec<_>>()
        })
    });
    let take_theirs = move |f: SetupField| {
        input.update(|i| {
            i.remove(&f);
        });
        persist();
    };
    // Keeping the user's input: the other tab's value is now the one the edit is compared with.
    let keep_mine = move |f: SetupField| {
        base.update(|b| session::take(b, &stored.get_untracked(), &[f]));
        persist();
    };
    // Settings waiting for confirmation, with the obligations they would move (RULES.md §6.16).
    let pending: RwSignal<Option<(Setup, Vec<Change>)>> = RwSignal::new(None);
    // Writes only the fields the user changed: what another tab saved in the others stays (merge3).
    let apply = move |mine: Setup| {
        let b = base.get_untracked();
        let changed = session::changed(&b, &mine);
        if changed.is_empty() {
            input.set(BTreeMap::new());
            persist();
            return message.set("没有修改。".into());
        }
        let mut merged = stored.get_untracked();
        session::take(&mut merged, &mine, &changed);
        match state.commit(|r| merged.apply_to(r)) {
            Ok(()) => {
                base.set(stored.get_untracked());
                input.set(BTreeMap::new());
                persist();
                restored.set(None);
                message.set("设置已保存，所有期限已按新设置重新计算。".into());
            }
            Err(e) => message.set(format!("设置未保存：{e}")),
        }
    };

    let save = move |_| {
        // The user's values over what the edit began from, each read (and bounded) by the engine.
        let mut mine = base.get_untracked();
        let mut errors = Vec::new();
        for (f, v) in input.get_untracked() {
            if let Err(e) = mine.set(f, &v) {
                errors.push(e);
            }
        }
        if let Some(e) = errors.into_iter().next() {
            return message.set(e);
        }
        let mut trial_setup = stored.get_untracked();
        session::take(&mut trial_setup, &mine, &session::changed(&base.get_untracked(), &mine));
        let settings = {
            let mut r = state.reg.with_untracked(|r| Register { settings: r.settings.clone(), ..Register::default() });
            trial_setup.apply_to(&mut r);
            r.settings
        };
        let old = state.reg.with_untracked(|r| r.settings.clone());
        if settings == old {
            return apply(mine);
        }
        // Every matter and this agency's reports, evaluated with the new settings, against today's.
        let today = state.today.get_untracked();
        let cal = state.calendar.get_untracked();
        let before = state.evals.get_untracked();
        let moved = state.reg.with_untracked(|r| {
            let after: Vec<Evaluation> =
                r.matters.iter().map(|m| evaluate_in(m, &cal, &settings, today, &r.agencies)).collect();
            let mut moved = changes(&before, &after);
            let mut trial = r.clone();
            trial.settings = settings.clone();
            if let (Some((_, b)), Some((_, a))) =
                (r.own_periodic_duties(&cal, today), trial.own_periodic_duties(&cal, today))
            {
                moved.extend(yingsu_engine::periodic::duty_changes(&b, &a));
            }
            moved
        });
        if moved.is_empty() {
            // Nothing open moves: no question to ask.
            return apply(mine);
        }
        message.set(String::new());
        pending.set(Some((mine, moved)));
    };
    let confirm = Callback::new(move |_: ()| {
        if let Some((mine, _)) = pending.get_untracked() {
            pending.set(None);
            apply(mine);
        }
    });
    let cancel = Callback::new(move |_: ()| {
        pending.set(None);
        message.set("已取消，设置未改变。".into());
    });
    let remove_year = move |y: i32| {
        let ok = window()
            .confirm_with_message(&format!(
                "确定删除追加的 {y} 年节假日安排吗？删除后 {y} 年按未导入处理（只计周末）。"
            ))
            .unwrap_or(false);
        if !ok {
            return;
        }
        let mut n = 0;
        match state.commit(|r| n = r.remove_holiday_year(y)) {
            Ok(()) => message.set(format!("已删除 {y} 年的 {n} 条节假日安排，所有期限已重新计算。")),
            Err(e) => message.set(format!("未删除：{e}")),
        }
    };
    let added_years = move || state.reg.with(|r| r.added_holiday_years());
    let text = move |id: &'static str, f: SetupField, kind: &'static str| {
        view! {
            <div class="field"><label for=id>{f.label()}</label>
                <input id=id type=kind prop:value=move || value(f) on:input=move |e| set_value(f, event_target_value(&e))/></div>
        }
    };
    let years = move || state.calendar.with(|c| c.years().map(|y| y.to_string()).collect::<Vec<_>>().join("、"));
    let export = move |_| match state.export_backup() {
        Ok(()) => message.set("已导出完整备份。".into()),
        Err(e) => message.set(format!("导出失败：{e}")),
    };
    view! {
        <section class="page settings">
            <h1>"设置"</h1>
            {move || restored.get().map(|at| view! {
                <div class="banner banner-warn" role="status" data-testid="settings-restored">
                    "已恢复您在 " {at} " 未保存的设置修改（离开本页时自动暂存）。请核对后点“保存设置”，或"
                    <button type="button" on:click=move |_| {
                        input.set(BTreeMap::new());
                        base.set(stored.get_untracked());
                        persist();
                        restored.set(None);
                    }>"放弃这些修改"</button>
                </div>
            })}
            {move || {
                let f = followed.get();
                (!f.is_empty()).then(|| view! { <p class="banner banner-info" role="status">{format!("另一标签页刚保存了设置，已更新：{}。", f.join("、"))}</p> })
            }}
            <form class="case-form" on:submit=move |e| e.prevent_default()>
                <fieldset class="group"><legend>"期限计算"</legend>
                    <div class="fields">
                        <div class="field wide">
                            <label for="s-counting">"计日方式"</label>
                            <select id="s-counting" prop:value=move || value(SetupField::Counting) on:change=move |e| set_value(SetupField::Counting, event_target_value(&e))>
                                <option value="自然日">"自然日（默认）"</option>
                                <option value="工作日">"工作日"</option>
                            </select>
                            <p class="hint">"规则未说明第六条、第七条、第十一条中的“日”是自然日还是工作日（由区司法局解释）。默认按自然日（较早、较稳妥的期限）；每个期限的说明都同时列出另一种算法的结果。法院期限始终按自然日，行政复议法的“十日”始终按工作日。"</p>
                        </div>
                        {text("s-warn", SetupField::WarnDays, "number")}
                        {text("s-report", SetupField::ReportDays, "number")}
                        {text("s-timely", SetupField::TimelyDays, "number")}
                        {text("s-start", SetupField::StartDate, "date")}
                        <p class="hint wide">"开始使用日期（默认：首次保存台账之日，随完整备份保存）：期限日早于该日的半年报告（第二十三条）和季度败诉报告（第二十四条）不再列为应报义务（已有报送记录的除外），以免首日即显示多年“已逾期”。"</p>
                        <p class="hint wide">"规则对“及时”办理的事项（如第七条第三项、第十二条、第十五条、第二十二条）未规定具体期限。超过“及时事项提醒天数”（默认30日，本地设置）仍未完成的，显示为“久未完成”以便跟进——这不是法定期限，不会显示为已逾期。"</p>
                    </div>
                </fieldset>
                <fieldset class="group"><legend>"本机关与用户"</legend>
                    <div class="fields">
                        {text("s-agency", SetupField::Agency, "text")}
                        <div class="field"><label for="s-role">"角色"</label>
                            <select id="s-role" prop:value=move || value(SetupField::Role) on:change=move |e| set_value(SetupField::Role, event_target_value(&e))>
                                <option value="机关">"机关"</option><option value="区司法局">"区司法局"</option>
                            </select></div>
                        {text("s-user", SetupField::User, "text")}
                    </div>
                </fieldset>
                <fieldset class="group"><legend>"备份提醒"</legend>
                    <div class="fields">
                        {text("s-rc", SetupField::BackupAfterChanges, "number")}
                        {text("s-rd", SetupField::BackupAfterDays, "number")}
                    </div>
                </fieldset>
                {move || (!clashes.get().is_empty()).then(|| view! {
                    <div class="review conflict" role="alert" data-testid="settings-clash">
                        <h2>"另一标签页也修改了您正在修改的设置"</h2>
                        <table class="grid"><thead><tr><th>"设置"</th><th>"另一标签页保存的值"</th><th>"您的输入（尚未保存）"</th><th>"选择"</th></tr></thead>
                        <tbody>{clashes.get().into_iter().map(|(f, theirs, mine)| {
                            view! { <tr><td>{f.label()}</td><td>{theirs}</td><td>{mine}</td>
                                <td><button type="button" on:click=move |_| take_theirs(f)>"用另一标签页的值"</button>
                                    <button type="button" on:click=move |_| keep_mine(f)>"保留我的输入"</button></td></tr> }
                        }).collect_view()}</tbody></table>
                    </div>
                })}
                <div class="actions">
                    <button type="button" class="primary" on:click=save>"保存设置"</button>
                    <span class="message" role="status" data-testid="settings-message">{move || message.get()}</span>
                </div>
                {move || pending.get().map(|(_, moved)| view! {
                    <ChangeReview changes=moved title="修改设置：期限变动确认".to_string() on_confirm=confirm on_cancel=cancel/>
                })}
            </form>
            <weights::Weights/>
            <section class="block">
                <h2>"数据与存储"</h2>
                <dl class="facts">
                    <dt>"已导入节假日安排的年份"</dt><dd data-testid="holiday-years">{years}</dd>
                    <dt>"存储是否持久"</dt><dd data-testid="persisted">{move || crate::components::persistence_meaning(state.persisted.get(), window().is_secure_context())}</dd>
                    <dt>"本地存储用量"</dt><dd>{move || {
                        // One decimal without float formatting (it costs ~10 KB of wasm).
                        let tenths = (state.usage.get() * 1000.0).round() as u32;
                        format!("{}.{}%", tenths / 10, tenths % 10)
                    }}</dd>
                    <dt>"上次导出备份"</dt><dd>{move || state.reg.with(|r| r.last_backup.clone().unwrap_or_else(|| "从未".into()))}</dd>
                </dl>
                <button type="button" class="primary" on:click=export>"导出完整备份"</button>
            </section>
            <section class="block">
                <h2>"节假日安排的来源"</h2>
                <p class="hint">"每个年度的放假调休安排均依国务院办公厅通知；新年度的通知在“导入导出”页导入，导入时须填写通知名称和发布日期。"</p>
                <HolidayNotices/>
                <h3>"追加的节假日安排（可按年份删除）"</h3>
                {move || {
                    let years = added_years();
                    if years.is_empty() {
                        view! { <p class="empty">"没有追加的节假日安排（只用内置的 2018–2026 年通知）。"</p> }.into_any()
                    } else {
                        view! {
                            <table class="grid" data-testid="added-holidays"><thead><tr><th>"年份"</th><th>"条数"</th><th>"操作"</th></tr></thead>
                            <tbody>{years.into_iter().map(|(y, n)| view! {
                                <tr><td>{y}</td><td>{n}</td><td><button type="button" class="danger" on:click=move |_| remove_year(y)>{format!("删除 {y} 年")}</button></td></tr>
                            }).collect_view()}</tbody></table>
                        }.into_any()
                    }
                }}
            </section>
            <crate::about::About/>
        </section>
    }
}
