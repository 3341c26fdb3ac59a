//! What another tab did to the matter on this page: the save's conflict dialog (changed, renamed or
//! deleted elsewhere, each said as what it is), and the page of a 案号 that is no longer in the register.

use crate::route::Page;
use crate::session;
use crate::state::AppState;
use crate::storage::{self, Draft};
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use yingsu_engine::model::Column;
use yingsu_engine::store::Fate;
use yingsu_engine::text::visible;

/// What another tab did to the matter being edited, found at save.
#[derive(Clone, PartialEq)]
pub(super) enum Elsewhere {
    Changed,
    Renamed(String),
    Deleted,
}

/// A save that found the matter changed, renamed or deleted elsewhere: (column, theirs, mine) per field
/// the other side changed.
#[derive(Clone, PartialEq)]
pub(super) struct Conflict {
    pub(super) what: Elsewhere,
    pub(super) diffs: Vec<(Column, String, String)>,
}

/// Drafts of this matter kept by other tabs (or closed ones): each recovered into this page or discarded,
/// never taken silently.
#[component]
pub(super) fn OtherDrafts(
    others: RwSignal<Vec<session::KeptDraft>>,
    recover: Callback<session::KeptDraft>,
) -> impl IntoView {
    move || {
        let list = others.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="banner banner-warn" role="status" data-testid="other-drafts">
                    "另一标签页（或已关闭的标签页）有此案件未保存的修改："
                    <ul>{list.into_iter().map(|kept| {
                        let (k1, k2) = (kept.clone(), kept.key.clone());
                        view! { <li>{format!("暂存于 {}", kept.draft.at)}" "
                            <button type="button" on:click=move |_| {
                                others.update(|o| o.retain(|x| x.key != k1.key));
                                recover.run(k1.clone());
                            }>"在本页恢复"</button>" "
                            <button type="button" on:click=move |_| {
                                storage::drop_draft(&k2);
                                others.update(|o| o.retain(|x| x.key != k2));
                            }>"放弃"</button></li> }
                    }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The dialog a save shows when the matter changed, was renamed or was deleted since the edit began.
#[component]
pub(super) fn ConflictDialog(
    conflict: Conflict,
    merge: Callback<MouseEvent>,
    take_theirs: Callback<MouseEvent>,
    keep_mine: Callback<MouseEvent>,
    recreate: Callback<MouseEvent>,
) -> impl IntoView {
    let title = match &conflict.what {
        Elsewhere::Changed => "此案件已在其他标签页被修改".to_string(),
        Elsewhere::Renamed(k) => format!("此案件已在其他标签页被修改：已改名为「{}」", visible(k)),
        Elsewhere::Deleted => "此案件已在其他标签页删除".to_string(),
    };
    let deleted = conflict.what == Elsewhere::Deleted;
    view! {
    <div class="review conflict" role="alertdialog" aria-label="保存冲突" data-testid="matter-conflict">
        <h2>{title}</h2>
        {if deleted {
            view! {
                <p>"您开始编辑后，这个案件被另一处删除了。您的修改尚未保存。"</p>
                <button type="button" on:click=move |e| take_theirs.run(e)>"放弃我的修改（案件保持删除）"</button>
                <button type="button" class="danger" on:click=move |e| recreate.run(e)>"按我的修改重新建立此案件"</button>
            }.into_any()
        } else {
            view! {
                <p>"您开始编辑后，这个案件被另一处保存过。不同之处："</p>
                <table class="grid"><thead><tr><th>"字段"</th><th>"另一处保存的值"</th><th>"您的值"</th></tr></thead>
                <tbody>{conflict.diffs.into_iter().map(|(c, theirs, mine)| view! { <tr><td>{c.name()}</td><td>{theirs}</td><td>{mine}</td></tr> }).collect_view()}</tbody></table>
                <button type="button" class="primary" on:click=move |e| merge.run(e)>"按字段合并（保留双方的修改）"</button>
                <button type="button" on:click=move |e| take_theirs.run(e)>"放弃我的修改，载入最新版本"</button>
                <button type="button" class="danger" on:click=move |e| keep_mine.run(e)>"用我的修改覆盖"</button>
            }.into_any()
        }}
    </div>
    }
}

/// The page of a 案号 not in the register: renamed elsewhere → the matter under its new 案号; deleted or
/// unknown → said so, with any kept draft of it to recover (as a new matter) or discard.
pub(super) fn gone_page(state: AppState, k: String) -> impl IntoView {
    let fate = state.reg.with_untracked(|r| r.fate(&k));
    if let Fate::Renamed(x) = &fate {
        state.flash.set(format!("案号「{}」已改名为「{}」。", visible(&k), visible(x)));
        let _ = window().location().set_hash(&Page::Case(Some(x.clone())).href());
    }
    let why = match &fate {
        Fate::Deleted => "此案件已被删除（修改记录中有删除记录）。",
        Fate::Renamed(_) => "此案件已改名，正在打开改名后的案件…",
        _ => "可能已被删除或改了案号。",
    };
    let kept = RwSignal::new(
        storage::drafts()
            .into_iter()
            .filter(|d| d.case_no.as_deref() == Some(k.as_str()))
            .filter_map(|d| storage::load_draft(&d).map(|x| (d, x)))
            .collect::<Vec<_>>(),
    );
    view! {
        <section class="page">
            <h1>"案件不存在"</h1>
            <p>"没有案号为「" {visible(&k).into_owned()} "」的案件（" {why} "）"</p>
            {move || {
                let list = kept.get();
                (!list.is_empty()).then(|| view! {
                    <div class="banner banner-warn" role="status" data-testid="gone-drafts">
                        "此案号下有未保存的修改："
                        <ul>{list.into_iter().map(|(key, d)| {
                            let (k1, k2, d1) = (key.clone(), key.clone(), d.clone());
                            view! { <li>{format!("暂存于 {}", d.at)}" "
                                <button type="button" on:click=move |_| {
                                    let d = Draft { base: None, ..d1.clone() };
                                    if session::adopt(&k1, None, &d).is_ok() {
                                        let _ = window().location().set_hash(&Page::Case(None).href());
                                    }
                                }>"作为新案件恢复"</button>" "
                                <button type="button" on:click=move |_| {
                                    storage::drop_draft(&k2);
                                    kept.update(|l| l.retain(|(x, _)| *x != k2));
                                }>"放弃"</button></li> }
                        }).collect_view()}</ul>
                    </div>
                })
            }}
            <p><a href="#/cases">"返回案件列表"</a></p>
        </section>
    }
}
