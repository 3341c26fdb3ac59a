//! 设置: the readings the regulation leaves open, this agency, the user, reminders, and storage.

use crate::components::{ChangeReview, HolidayNotices};
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::model::{DayCounting, Settings};
use yingsu_engine::rules::{changes, Change};
use yingsu_engine::store::{Profile, Role};
use yingsu_engine::{evaluate, Evaluation};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = AppState::expect();
    let snapshot = state.reg.get_untracked();
    let counting = RwSignal::new(snapshot.settings.counting.label().to_string());
    let warn = RwSignal::new(snapshot.settings.warn_days.to_string());
    let report = RwSignal::new(snapshot.settings.report_days.to_string());
    let timely = RwSignal::new(snapshot.settings.timely_days.to_string());
    let agency = RwSignal::new(snapshot.profile.agency.clone());
    let role = RwSignal::new(snapshot.profile.role.label().to_string());
    let user = RwSignal::new(snapshot.profile.user.clone());
    let remind_changes = RwSignal::new(snapshot.profile.backup_after_changes.to_string());
    let remind_days = RwSignal::new(snapshot.profile.backup_after_days.to_string());
    let message = RwSignal::new(String::new());
    // Settings waiting for confirmation, with the obligations they would move (RULES.md §6.16).
    let pending: RwSignal<Option<(Settings, Profile, Vec<Change>)>> = RwSignal::new(None);
    let apply = move |settings: Settings, profile: Profile| {
        state.mutate(|r| {
            r.settings = settings;
            r.profile = profile;
        });
        message.set("设置已保存，所有期限已按新设置重新计算。".into());
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
            ))
        })();
        match parsed {
            Err(e) => message.set(e),
            Ok((w, rd, td, rc, rdays)) => {
                let old = state.reg.with_untracked(|r| r.settings.clone());
                let settings = Settings {
                    counting: DayCounting::from_label(&counting.get_untracked()).unwrap_or_default(),
                    warn_days: w,
                    report_days: rd,
                    timely_days: td,
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
                        r.matters.iter().map(|m| evaluate(m, &cal, &settings, today)).collect();
                    let mut moved = changes(&before, &after);
                    let mut trial = r.clone();
                    trial.settings = settings.clone();
                    if let (Some((_, b)), Some((_, a))) =
                        (r.own_report_duties(&cal, today), trial.own_report_duties(&cal, today))
                    {
                        moved.extend(yingsu_engine::agency::duty_changes(&b, &a));
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
                <div class="actions">
                    <button type="button" class="primary" on:click=save>"保存设置"</button>
                    <span class="message" role="status" data-testid="settings-message">{move || message.get()}</span>
                </div>
                {move || pending.get().map(|(_, _, moved)| view! {
                    <ChangeReview changes=moved title="修改设置：期限变动确认".to_string() on_confirm=confirm on_cancel=cancel/>
                })}
            </form>
            <section class="block">
                <h2>"数据与存储"</h2>
                <dl class="facts">
                    <dt>"已导入节假日安排的年份"</dt><dd data-testid="holiday-years">{years}</dd>
                    <dt>"存储是否持久"</dt><dd data-testid="persisted">{move || match state.persisted.get() {
                        Some(true) => "是：浏览器不会自动清除本站数据",
                        Some(false) => "否：浏览器在空间紧张时可能清除本站数据，请定期导出备份",
                        None => "未知（浏览器不支持查询）",
                    }}</dd>
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
            </section>
            <crate::about::About/>
        </section>
    }
}
