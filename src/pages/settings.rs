//! 设置: the readings the regulation leaves open, this agency, the user, reminders, and storage.

mod weights;

use crate::components::{ChangeReview, HolidayNotices};
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::model::Settings;
use yingsu_engine::rules::evaluate_in;
use yingsu_engine::rules::{changes, Change};
use yingsu_engine::store::{Profile, Register, Role};
use yingsu_engine::Counting;
use yingsu_engine::Evaluation;

/// Reads one field's value from the register.
type Read = fn(&Register) -> String;

/// The form's fields: (label, read from the register). The order is the index used below.
const FIELDS: &[(&str, Read)] = &[
    ("计日方式", |r| r.settings.counting.label().to_string()),
    ("即将到期提醒天数", |r| r.settings.warn_days.to_string()),
    ("报告报送天数", |r| r.settings.report_days.to_string()),
    ("及时事项提醒天数", |r| r.settings.timely_days.to_string()),
    ("本机关名称", |r| r.profile.agency.clone()),
    ("角色", |r| r.profile.role.label().to_string()),
    ("用户名", |r| r.profile.user.clone()),
    ("备份提醒修改次数", |r| r.profile.backup_after_changes.to_string()),
    ("备份提醒天数", |r| r.profile.backup_after_days.to_string()),
    ("开始使用日期", |r| r.settings.start_date.map(yingsu_engine::dates::fmt).unwrap_or_default()),
];

/// Copies field `i` of the parsed form into the register.
fn copy_field(i: usize, s: &Settings, p: &Profile, r: &mut Register) {
    match i {
        0 => r.settings.counting = s.counting,
        1 => r.settings.warn_days = s.warn_days,
        2 => r.settings.report_days = s.report_days,
        3 => r.settings.timely_days = s.timely_days,
        4 => r.profile.agency = p.agency.clone(),
        5 => r.profile.role = p.role,
        6 => r.profile.user = p.user.clone(),
        7 => r.profile.backup_after_changes = p.backup_after_changes,
        8 => r.profile.backup_after_days = p.backup_after_days,
        _ => r.settings.start_date = s.start_date,
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = AppState::expect();
    // What the form started from (or last took from the register): a field whose input differs from it
    // is the user's own edit.
    let base: StoredValue<Vec<String>> =
        StoredValue::new(state.reg.with_untracked(|r| FIELDS.iter().map(|f| (f.1)(r)).collect()));
    let sigs: Vec<RwSignal<String>> = base.with_value(|b| b.iter().map(|v| RwSignal::new(v.clone())).collect());
    let sigs = StoredValue::new(sigs);
    let sig = move |i: usize| sigs.with_value(|s| s[i]);
    let [counting, warn, report, timely, agency, role, user, remind_changes, remind_days, start] =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(sig);
    let message = RwSignal::new(String::new());
    // Fields another tab changed while the user had changed them too: (field, theirs, mine).
    let clashes: RwSignal<Vec<(usize, String, String)>> = RwSignal::new(vec![]);
    // Another tab saved settings (this tab reloaded them): untouched fields show the new values at once;
    // fields the user is editing keep the input and are listed, to keep or replace one by one.
    Effect::new(move |_| {
        let now: Vec<String> = state.reg.with(|r| FIELDS.iter().map(|f| (f.1)(r)).collect());
        let old = base.get_value();
        if now == old {
            return;
        }
        let mut changed_here = Vec::new();
        let mut list = clashes.get_untracked();
        for i in 0..FIELDS.len() {
            if now[i] == old[i] {
                continue;
            }
            let mine = sig(i).get_untracked();
            if mine == old[i] {
                sig(i).set(now[i].clone());
                changed_here.push(FIELDS[i].0);
            } else if mine != now[i] {
                list.retain(|(j, _, _)| *j != i);
                list.push((i, now[i].clone(), mine));
            }
        }
        base.set_value(now);
        clashes.set(list);
        if !changed_here.is_empty() {
            message.set(format!("另一标签页刚保存了设置，已更新：{}。", changed_here.join("、")));
        }
    });
    let take_theirs = move |i: usize, theirs: String| {
        sig(i).set(theirs);
        clashes.update(|l| l.retain(|(j, _, _)| *j != i));
    };
    let keep_mine = move |i: usize| clashes.update(|l| l.retain(|(j, _, _)| *j != i));
    // Settings waiting for confirmation, with the obligations they would move (RULES.md §6.16).
    let pending: RwSignal<Option<(Settings, Profile, Vec<Change>)>> = RwSignal::new(None);
    // Writes only the fields the user changed: what another tab saved in the others stays.
    let apply = move |settings: Settings, profile: Profile| {
        let old = base.get_value();
        let mine: Vec<usize> = (0..FIELDS.len()).filter(|i| sig(*i).get_untracked() != old[*i]).collect();
        if mine.is_empty() {
            return message.set("没有修改。".into());
        }
        match state.commit(|r| mine.iter().for_each(|i| copy_field(*i, &settings, &profile, r))) {
            Ok(()) => {
                base.set_value(state.reg.with_untracked(|r| FIELDS.iter().map(|f| (f.1)(r)).collect()));
                clashes.set(vec![]);
                message.set("设置已保存，所有期限已按新设置重新计算。".into());
            }
            Err(e) => message.set(format!("设置未保存：{e}")),
        }
    };

    let save = move |_| {
        let num = |s: RwSignal<String>, name: &str, max: u32| -> Result<u32, String> {
            let v = s.get_untracked();
            v.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or(format!("「{name}」应为 0 到 {max} 的整数，收到「{v}」"))
        };
        let parsed = (|| -> Result<_, String> {
            Ok((
                num(warn, "即将到期提醒天数", 60)?,
                num(report, "报告报送天数", 90)?,
                num(timely, "及时事项提醒天数", 365)?,
                num(remind_changes, "备份提醒修改次数", 10_000)?,
                num(remind_days, "备份提醒天数", 365)?,
                {
                    let v = start.get_untracked();
                    match v.trim() {
                        "" => None,
                        t => Some(yingsu_engine::dates::parse_date(t).map_err(|e| format!("「开始使用日期」：{e}"))?),
                    }
                },
            ))
        })();
        match parsed {
            Err(e) => message.set(e),
            Ok((w, rd, td, rc, rdays, start_date)) => {
                let old = state.reg.with_untracked(|r| r.settings.clone());
                let settings = Settings {
                    counting: Counting::days_from_label(&counting.get_untracked()).unwrap_or_default(),
                    warn_days: w,
                    report_days: rd,
                    timely_days: td,
                    start_date,
                    // 考核分值 are saved on their own (below); this form leaves them as they are.
                    assessment_weights: old.assessment_weights,
                };
                let profile = Profile {
                    agency: agency.get_untracked().trim().to_string(),
                    role: if role.get_untracked() == "区司法局" { Role::JusticeBureau } else { Role::Agency },
                    user: user.get_untracked().trim().to_string(),
                    backup_after_changes: rc,
                    backup_after_days: rdays,
                };
                if settings == old {
                    return apply(settings, profile);
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
                    return apply(settings, profile);
                }
                message.set(String::new());
                pending.set(Some((settings, profile, moved)));
            }
        }
    };
    let confirm = Callback::new(move |_: ()| {
        if let Some((settings, profile, _)) = pending.get_untracked() {
            pending.set(None);
            apply(settings, profile);
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
    let text = |id: &'static str, label: &'static str, sig: RwSignal<String>, kind: &'static str| {
        view! {
            <div class="field"><label for=id>{label}</label>
                <input id=id type=kind prop:value=move || sig.get() on:input=move |e| sig.set(event_target_value(&e))/></div>
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
            <form class="case-form" on:submit=move |e| e.prevent_default()>
                <fieldset class="group"><legend>"期限计算"</legend>
                    <div class="fields">
                        <div class="field wide">
                            <label for="s-counting">"计日方式"</label>
                            <select id="s-counting" prop:value=move || counting.get() on:change=move |e| counting.set(event_target_value(&e))>
                                <option value="自然日">"自然日（默认）"</option>
                                <option value="工作日">"工作日"</option>
                            </select>
                            <p class="hint">"规则未说明第六条、第七条、第十一条中的“日”是自然日还是工作日（由区司法局解释）。默认按自然日（较早、较稳妥的期限）；每个期限的说明都同时列出另一种算法的结果。法院期限始终按自然日，行政复议法的“十日”始终按工作日。"</p>
                        </div>
                        {text("s-warn", "即将到期提醒天数", warn, "number")}
                        {text("s-report", "报告报送天数", report, "number")}
                        {text("s-timely", "及时事项提醒天数", timely, "number")}
                        {text("s-start", "开始使用日期", start, "date")}
                        <p class="hint wide">"开始使用日期（默认：首次保存台账之日，随完整备份保存）：期限日早于该日的半年报告（第二十三条）和季度败诉报告（第二十四条）不再列为应报义务（已有报送记录的除外），以免首日即显示多年“已逾期”。"</p>
                        <p class="hint wide">"规则对“及时”办理的事项（如第七条第三项、第十二条、第十五条、第二十二条）未规定具体期限。超过“及时事项提醒天数”（默认30日，本地设置）仍未完成的，显示为“久未完成”以便跟进——这不是法定期限，不会显示为已逾期。"</p>
                    </div>
                </fieldset>
                <fieldset class="group"><legend>"本机关与用户"</legend>
                    <div class="fields">
                        {text("s-agency", "本机关名称", agency, "text")}
                        <div class="field"><label for="s-role">"角色"</label>
                            <select id="s-role" prop:value=move || role.get() on:change=move |e| role.set(event_target_value(&e))>
                                <option value="机关">"机关"</option><option value="区司法局">"区司法局"</option>
                            </select></div>
                        {text("s-user", "用户名", user, "text")}
                    </div>
                </fieldset>
                <fieldset class="group"><legend>"备份提醒"</legend>
                    <div class="fields">
                        {text("s-rc", "备份提醒修改次数", remind_changes, "number")}
                        {text("s-rd", "备份提醒天数", remind_days, "number")}
                    </div>
                </fieldset>
                {move || (!clashes.get().is_empty()).then(|| view! {
                    <div class="review conflict" role="alert" data-testid="settings-clash">
                        <h2>"另一标签页也修改了您正在修改的设置"</h2>
                        <table class="grid"><thead><tr><th>"设置"</th><th>"另一标签页保存的值"</th><th>"您的输入（尚未保存）"</th><th>"选择"</th></tr></thead>
                        <tbody>{clashes.get().into_iter().map(|(i, theirs, mine)| {
                            let t = theirs.clone();
                            view! { <tr><td>{FIELDS[i].0}</td><td>{theirs}</td><td>{mine}</td>
                                <td><button type="button" on:click=move |_| take_theirs(i, t.clone())>"用另一标签页的值"</button>
                                    <button type="button" on:click=move |_| keep_mine(i)>"保留我的输入"</button></td></tr> }
                        }).collect_view()}</tbody></table>
                    </div>
                })}
                <div class="actions">
                    <button type="button" class="primary" on:click=save>"保存设置"</button>
                    <span class="message" role="status" data-testid="settings-message">{move || message.get()}</span>
                </div>
                {move || pending.get().map(|(_, _, moved)| view! {
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
