//! 机关名录: the agency directory, with the 第二十六条 check (R26) per agency.

use crate::components::StatusChip;
use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::model::{Agency, AgencyColumn, Kind};
use yingsu_engine::periodic::r26;

#[component]
pub fn Agencies() -> impl IntoView {
    let state = AppState::expect();
    let draft = RwSignal::new(Agency::default());
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    // The stored version the form started from: another tab's save is told apart from the user's edits.
    let base: RwSignal<Option<Agency>> = RwSignal::new(None);
    let message = RwSignal::new(String::new());

    // Another tab saved this agency (issue 12): an untouched form shows the new values; a touched one keeps
    // the user's input and says what changed there (the save then merges field by field).
    Effect::new(move |_| {
        let Some(name) = editing.get() else { return };
        let stored = state.reg.with(|r| r.agencies.iter().find(|x| x.name.0 == name).cloned());
        let (Some(stored), Some(old)) = (stored, base.get_untracked()) else { return };
        if stored == old {
            return;
        }
        if draft.with_untracked(|d| *d == old) {
            draft.set(stored.clone());
            base.set(Some(stored));
            message.set("另一标签页保存了此机关，表单已显示最新内容。".into());
        } else {
            let changed: Vec<&str> =
                AgencyColumn::ALL.iter().filter(|c| c.get(&stored) != c.get(&old)).map(|c| c.name()).collect();
            message.set(format!(
                "另一标签页修改了此机关的{}；您未保存的修改仍在表单中，保存时按字段合并。",
                changed.iter().map(|n| format!("「{n}」")).collect::<String>()
            ));
        }
    });

    let field = move |col: AgencyColumn| {
        let id = format!("a-{}", AgencyColumn::ALL.iter().position(|c| *c == col).unwrap_or(0));
        let value = move || draft.with(|a| col.get(a));
        let set = move |v: String| {
            let mut res = Ok(());
            draft.update(|a| res = col.set(a, &v));
            if let Err(e) = res {
                message.set(format!("「{}」：{e}", col.name()));
            }
        };
        let input = match col.kind() {
            Kind::Enum(opts) | Kind::RequiredEnum(opts) => view! {
                <select id=id.clone() prop:value=value on:change=move |e| set(event_target_value(&e))>
                    <option value="">"（未填）"</option>
                    {opts.iter().map(|o| view! { <option value=*o>{*o}</option> }).collect_view()}
                </select>
            }
            .into_any(),
            _ => {
                let hint = if col == AgencyColumn::Staff {
                    "姓名（法律职业资格）；姓名（法学背景）"
                } else {
                    ""
                };
                view! { <input type="text" id=id.clone() placeholder=hint prop:value=value on:input=move |e| set(event_target_value(&e))/> }.into_any()
            }
        };
        view! { <div class="field" class:wide=col == AgencyColumn::Staff><label for=id>{col.name()}</label>{input}</div> }
    };

    let save = move |_| {
        let a = draft.get_untracked();
        let name = a.name.0.trim().to_string();
        if name.is_empty() {
            message.set("「机关名称」：必填，不能为空".into());
            return;
        }
        let old = editing.get_untracked();
        // Merge field by field with what another tab saved since the form was filled: its changes stay,
        // the user's changes win only on the fields the user changed; the same field changed on both
        // sides is shown and needs a second click.
        let mut a = a;
        if let (Some(k), Some(b)) = (old.as_ref(), base.get_untracked()) {
            if let Some(stored) = state.reg.with_untracked(|r| r.agencies.iter().find(|x| &x.name.0 == k).cloned()) {
                if stored != b {
                    let mut merged = stored.clone();
                    let mut clashes = Vec::new();
                    for c in AgencyColumn::ALL {
                        let (mine, theirs, was) = (c.get(&a), c.get(&stored), c.get(&b));
                        if mine != was {
                            if theirs != was && theirs != mine {
                                clashes.push(format!("「{}」另一标签页为「{theirs}」，您填写「{mine}」", c.name()));
                            }
                            let _ = c.set(&mut merged, &mine);
                        }
                    }
                    merged.extra = a.extra.clone();
                    base.set(Some(stored));
                    // The form now holds the merge: the other tab's changes plus the user's own fields.
                    draft.set(merged.clone());
                    if !clashes.is_empty() {
                        message.set(format!("未保存：{}。再次点击“保存机关”将采用您填写的值。", clashes.join("；")));
                        return;
                    }
                    a = merged;
                }
            }
        }
        let clash = state
            .reg
            .with_untracked(|r| r.agencies.iter().any(|x| x.name.0 == name && Some(&x.name.0) != old.as_ref()));
        if clash {
            message.set(format!("机关「{name}」已存在"));
            return;
        }
        let result = state.commit(|r| {
            match old.as_ref().and_then(|k| r.agencies.iter().position(|x| &x.name.0 == k)) {
                Some(i) => r.agencies[i] = a,
                None => r.agencies.push(a),
            }
            yingsu_engine::sort::by(&mut r.agencies, |x, y| x.name.cmp(&y.name));
            r.changes_since_backup += 1;
        });
        match result {
            Ok(()) => {
                draft.set(Agency::default());
                editing.set(None);
                base.set(None);
                message.set(format!("已保存机关「{name}」。"));
            }
            Err(e) => message.set(format!("机关「{name}」未保存：{e}")),
        }
    };
    let edit = move |name: String| {
        if let Some(a) = state.reg.with_untracked(|r| r.agencies.iter().find(|x| x.name.0 == name).cloned()) {
            draft.set(a.clone());
            base.set(Some(a));
            editing.set(Some(name));
            message.set(String::new());
        }
    };
    let remove = move |name: String| {
        if window().confirm_with_message(&format!("确定从名录中删除「{name}」吗？")).unwrap_or(false) {
            if let Err(e) = state.commit(|r| r.agencies.retain(|x| x.name.0 != name)) {
                message.set(format!("删除未保存：{e}"));
            }
        }
    };

    view! {
        <section class="page agencies">
            <h1>"机关名录"</h1>
            <p class="hint">"第二十六条：各机关应安排具有法律职业资格或法学背景的人员办理应诉，并形成分管领导、联络员名单。"</p>
            <table class="grid">
                <thead><tr>{AgencyColumn::ALL.iter().map(|c| view! { <th scope="col">{c.name()}</th> }).collect_view()}<th>"第二十六条"</th><th>"操作"</th></tr></thead>
                <tbody>{move || state.reg.with(|r| r.agencies.clone()).into_iter().map(|a| {
                    let (st, why) = r26(&a);
                    let (n1, n2) = (a.name.0.clone(), a.name.0.clone());
                    view! {
                        <tr>
                            {AgencyColumn::ALL.iter().map(|c| view! { <td>{yingsu_engine::text::visible(&c.get(&a)).into_owned()}</td> }).collect_view()}
                            <td><StatusChip status=st/>{(!why.is_empty()).then(|| view! { <ul class="why">{why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul> })}</td>
                            <td><button type="button" on:click=move |_| edit(n1.clone())>"编辑"</button>
                                <button type="button" class="danger" on:click=move |_| remove(n2.clone())>"删除"</button></td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
            {move || state.reg.with(|r| r.agencies.is_empty()).then(|| view! { <p class="empty">"名录为空。请在下方添加本机关及相关机关。"</p> })}
            <form class="case-form" on:submit=move |e| e.prevent_default()>
                <fieldset class="group">
                    <legend>{move || if editing.get().is_some() { "编辑机关" } else { "添加机关" }}</legend>
                    <div class="fields">{AgencyColumn::ALL.iter().map(|c| field(*c)).collect_view()}</div>
                </fieldset>
                <div class="actions">
                    <button type="button" class="primary" on:click=save>"保存机关"</button>
                    <button type="button" on:click=move |_| { draft.set(Agency::default()); editing.set(None); base.set(None); message.set(String::new()); }>"清空"</button>
                    <span class="message" role="status" data-testid="agency-message">{move || message.get()}</span>
                </div>
            </form>
        </section>
    }
}
