//! Stored data that loaded only in part (issue 22): entries set aside because they could not be read,
//! and matters whose 案号 read the same (stored before lookalike keys were merged), which cannot be saved
//! until they are merged or one is renamed. Both shown on every page until dealt with.

use super::ErrorList;
use crate::state::{browser_now, AppState};
use leptos::prelude::*;
use yingsu_engine::text::visible;

/// The entries kept aside, listed; the user may drop them once read (the list can be downloaded first).
#[component]
pub fn SetAsideBanner() -> impl IntoView {
    let state = AppState::expect();
    let items = Memo::new(move |_| state.reg.with(|r| r.set_aside.iter().map(|a| a.to_string()).collect::<Vec<_>>()));
    let msg = RwSignal::new(String::new());
    let drop_all = move |_| {
        msg.set(match state.commit(|r| r.set_aside.clear()) {
            Ok(()) => "已删除无法读取的记录。".into(),
            Err(e) => format!("没有保存：{e}"),
        });
    };
    move || {
        let list = items.get();
        (!list.is_empty()).then(|| {
            let n = list.len();
            view! {
                <div class="banner banner-warn" role="status" data-testid="set-aside">
                    <strong>{format!("保存的数据中有 {n} 条记录无法读取：已按原文另存，其余数据照常使用。")}</strong>
                    <ErrorList items=list title="无法读取的记录（原文与原因）" file="无法读取的记录.txt" testid="set-aside-list"/>
                    <button type="button" on:click=drop_all>"已核对，删除这些记录"</button>
                    <span role="status">{move || msg.get()}</span>
                </div>
            }
        })
    }
}

/// Matters whose 案号 read the same: merge into the first, or rename one.
#[component]
pub fn LookalikeBanner() -> impl IntoView {
    let state = AppState::expect();
    let groups = Memo::new(move |_| {
        state.reg.with(|r| {
            r.lookalike_groups()
                .into_iter()
                .map(|g| g.into_iter().map(|i| r.matters[i].case_no.0.clone()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
    });
    let msg = RwSignal::new(String::new());
    let merge = move |keep: String, drop: String| {
        let (user, at) = (state.user(), browser_now());
        let mut differing = Ok(vec![]);
        let saved = state.commit(|r| differing = r.merge_lookalike(&keep, &drop, &user, &at));
        msg.set(match (differing, saved) {
            (Err(e), _) => e,
            (Ok(_), Err(e)) => format!("合并没有保存：{e}"),
            (Ok(d), Ok(())) if d.is_empty() => {
                format!("已将「{}」并入「{}」，已保存。", visible(&drop), visible(&keep))
            }
            (Ok(d), Ok(())) => format!(
                "已将「{}」并入「{}」，已保存；两者不同的字段保留了「{}」的值：{}（见修改记录）。",
                visible(&drop),
                visible(&keep),
                visible(&keep),
                d.join("、")
            ),
        });
    };
    let rename = move |from: String, to: String| {
        let (user, at) = (state.user(), browser_now());
        let mut done = Ok(());
        let saved = state.commit(|r| done = r.rename_matter(&from, &to, &user, &at));
        msg.set(match (done, saved) {
            (Err(e), _) => e,
            (Ok(()), Err(e)) => format!("改名没有保存：{e}"),
            (Ok(()), Ok(())) => format!("已将「{}」改为「{}」，已保存。", visible(&from), to.trim()),
        });
    };
    move || {
        let gs = groups.get();
        let note = msg.get();
        (!gs.is_empty() || !note.is_empty()).then(|| {
            view! {
                <div class="banner banner-warn" role="status" data-testid="stored-lookalikes">
                    {(!gs.is_empty()).then(|| view! {
                        <strong>{format!("{} 组案件的案号写法不同但实为同一案号（如全角与半角括号）：在合并或改名之前，这些案件无法保存。", gs.len())}</strong>
                    })}
                    <ul>{gs.into_iter().take(50).map(|g| {
                        let keep = g[0].clone();
                        view! { <li data-case=keep.clone()>
                            {g.iter().map(|k| format!("「{}」", visible(k))).collect::<Vec<_>>().join(" 与 ")}
                            {g[1..].iter().map(|other| {
                                let (k, o, o2) = (keep.clone(), other.clone(), other.clone());
                                let new_no = RwSignal::new(String::new());
                                view! {
                                    " "
                                    <button type="button" on:click=move |_| merge(k.clone(), o.clone())>{format!("将「{}」并入「{}」", visible(other), visible(&keep))}</button>
                                    " 或改名为 "
                                    <input type="text" aria-label=format!("「{}」的新案号", visible(other)) prop:value=move || new_no.get() on:input=move |e| new_no.set(event_target_value(&e))/>
                                    <button type="button" on:click=move |_| rename(o2.clone(), new_no.get_untracked())>"改名"</button>
                                }
                            }).collect_view()}
                        </li> }
                    }).collect_view()}</ul>
                    <span role="status" data-testid="stored-lookalikes-message">{note}</span>
                </div>
            }
        })
    }
}
