//! 机关名录: the agency directory, with the 第二十六条 check (R26) per agency.

use crate::components::StatusChip;
use crate::session;
use crate::state::{browser_now, AppState};
use leptos::prelude::*;
use yingsu_engine::model::{Agency, AgencyColumn, Kind};
use yingsu_engine::periodic::r26;

/// Where this tab keeps the form's unsaved input (issue 20: it survives navigation, as the case form's).
fn form_key() -> String {
    format!("yingsu.form.agency.{}", crate::storage::tab_id())
}

/// The unsaved form as kept: the agency being edited (`None`: a new one), the stored version the edit
/// began from and the form, as agencies.csv rows.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    editing: Option<String>,
    base: Option<String>,
    draft: String,
    at: String,
}

#[component]
pub fn Agencies() -> impl IntoView {
    let state = AppState::expect();
    // One edit session (crate::session): the agency being edited, the stored version the edit began from
    // (`base`), the user's input (`edits`, `None` while untouched: the form then shows what is stored and
    // follows another tab's save with no Effect), and the stored version now (`stored`, from the register).
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let base: RwSignal<Option<Agency>> = RwSignal::new(None);
    let edits: RwSignal<Option<Agency>> = RwSignal::new(None);
    let stored = Memo::new(move |_| {
        editing.get().and_then(|name| state.reg.with(|r| r.agencies.iter().find(|x| x.name.0 == name).cloned()))
    });
    let draft = Memo::new(move |_| edits.get().or_else(|| stored.get()).or_else(|| base.get()).unwrap_or_default());
    let message = RwSignal::new(String::new());
    let restored: RwSignal<Option<String>> = RwSignal::new(None);
    // Another tab saved the agency being edited while the user changed it here: said, merged on save.
    let notice = Memo::new(move |_| {
        let (Some(b), Some(s)) = (base.get(), stored.get()) else { return String::new() };
        if edits.with(Option::is_none) || b == s {
            return String::new();
        }
        let changed: String = session::changed(&b, &s).into_iter().map(|c| format!("「{}」", c.name())).collect();
        format!("另一标签页修改了此机关的{changed}；您未保存的修改仍在表单中，保存时按字段合并。")
    });
    let persist = move || {
        let unsaved = edits.get_untracked().filter(|e| stored.with_untracked(|s| s.as_ref() != Some(e)));
        let unsaved = unsaved.filter(|e| editing.with_untracked(Option::is_some) || *e != Agency::default());
        let Some(d) = unsaved else {
            crate::storage::drop_form(&form_key());
            return;
        };
        let kept = Kept {
            editing: editing.get_untracked(),
            base: base.get_untracked().as_ref().map(crate::storage::to_csv),
            draft: crate::storage::to_csv(&d),
            at: browser_now(),
        };
        if let Ok(j) = serde_json::to_string(&kept) {
            if let Err(e) = crate::storage::set_form(&form_key(), &j) {
                message.set(format!("未保存的修改无法暂存到浏览器（{e}），离开本页前请先保存。"));
            }
        }
    };
    if let Some(k) = crate::storage::load_form(&form_key()).and_then(|j| serde_json::from_str::<Kept>(&j).ok()) {
        if let Some(d) = crate::storage::from_csv::<Agency>(&k.draft) {
            editing.set(k.editing);
            base.set(k.base.as_deref().and_then(crate::storage::from_csv));
            edits.set(Some(d));
            restored.set(Some(k.at));
        }
    }
    let reset = move || {
        edits.set(None);
        editing.set(None);
        base.set(None);
        persist();
        restored.set(None);
    };

    let field = move |col: AgencyColumn| {
        let id = format!("a-{}", AgencyColumn::ALL.iter().position(|c| *c == col).unwrap_or(0));
        let value = move || draft.with(|a| col.get(a));
        let set = move |v: String| {
            let mut a = draft.get_untracked();
            if edits.with_untracked(Option::is_none) {
                // The first change: the edit begins from what the form showed.
                base.set(stored.get_untracked());
            }
            let res = col.set(&mut a, &v);
            edits.set(Some(a));
            persist();
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
        // Merge field by field with what another tab saved since the form was filled (merge3): its changes
        // stay, the user's changes win only on the fields the user changed; the same field changed on both
        // sides is shown and needs a second click.
        let mut a = a;
        if let (Some(b), Some(s)) = (base.get_untracked(), stored.get_untracked()) {
            if s != b {
                let mut m = session::merge3(&b, &s, &a);
                let clashes: Vec<String> = m
                    .clashes
                    .iter()
                    .map(|c| format!("「{}」另一标签页为「{}」，您填写「{}」", c.column.name(), c.theirs, c.mine))
                    .collect();
                let cols: Vec<AgencyColumn> = m.clashes.iter().map(|c| c.column).collect();
                session::take(&mut m.record, &a, &cols);
                base.set(Some(s));
                // The form now holds the merge: the other tab's changes plus the user's own fields.
                edits.set(Some(m.record.clone()));
                persist();
                if !clashes.is_empty() {
                    message.set(format!("未保存：{}。再次点击“保存机关”将采用您填写的值。", clashes.join("；")));
                    return;
                }
                a = m.record;
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
                reset();
                message.set(format!("已保存机关「{name}」。"));
            }
            Err(e) => message.set(format!("机关「{name}」未保存：{e}")),
        }
    };
    let edit = move |name: String| {
        if let Some(a) = state.reg.with_untracked(|r| r.agencies.iter().find(|x| x.name.0 == name).cloned()) {
            base.set(Some(a));
            edits.set(None);
            editing.set(Some(name));
            persist();
            restored.set(None);
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
            {move || restored.get().map(|at| view! {
                <div class="banner banner-warn" role="status" data-testid="agency-restored">
                    "已恢复您在 " {at} " 未保存的机关名录修改（离开本页时自动暂存）。请核对后点“保存机关”，或"
                    <button type="button" on:click=move |_| reset()>"放弃这些修改"</button>
                </div>
            })}
            <form class="case-form" on:submit=move |e| e.prevent_default()>
                <fieldset class="group">
                    <legend>{move || if editing.get().is_some() { "编辑机关" } else { "添加机关" }}</legend>
                    <div class="fields">{AgencyColumn::ALL.iter().map(|c| field(*c)).collect_view()}</div>
                </fieldset>
                <div class="actions">
                    <button type="button" class="primary" on:click=save>"保存机关"</button>
                    <button type="button" on:click=move |_| { reset(); message.set(String::new()); }>"清空"</button>
                    <span class="message" role="status" data-testid="agency-message">{move || notice.get()}{move || message.get()}</span>
                </div>
            </form>
        </section>
    }
}
