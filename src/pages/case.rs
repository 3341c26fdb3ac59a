//! 案件详情 / 编辑: every column of cases.csv, grouped by stage, beside the matter's obligations.
//!
//! The obligations are computed live from the draft, so a clerk sees a due date move as they type.
//! Saving shows each moved due date (before → after) for confirmation, and refuses to silently
//! overwrite a version another tab saved meanwhile.

mod elsewhere;
mod fields;
mod review;

use crate::components::Timeline;
use crate::route::Page;
use crate::save;
use crate::session;
use crate::state::{browser_now, AppState};
use crate::storage::{self, Draft, DraftKey};
use elsewhere::{Conflict, Elsewhere};
use fields::{
    empty_choice, field_applies, group_applies, group_label, type_label, AgentsEditor, HearingConfirm, HiddenKept,
    GROUPS,
};
use leptos::prelude::*;
use review::{moved_dates, Moved};
use std::collections::BTreeMap;
use yingsu_engine::model::{Column, Kind, HEAD_TITLES};
use yingsu_engine::rules::evaluate_in;
use yingsu_engine::store::Fate;
use yingsu_engine::text::visible;
use yingsu_engine::Matter;

#[component]
pub fn CasePage(key: Option<String>) -> impl IntoView {
    let state = AppState::expect();
    let original = key.as_ref().and_then(|k| state.reg.with_untracked(|r| r.find(k).cloned()));
    if let (Some(k), None) = (key.as_ref(), original.as_ref()) {
        return elsewhere::gone_page(state, k.clone()).into_any();
    }
    let is_new = original.is_none();
    let defaults = Matter { agency: state.reg.with_untracked(|r| r.profile.agency.clone()), ..Matter::default() };
    // One edit session (crate::session): `base` is the stored version the edit began from; `edits` the
    // form's values once the user changed something (`None`: untouched, the form shows what is stored, so
    // an untouched form follows another tab's save with no Effect); `stored` is read from the register.
    let base: RwSignal<Option<Matter>> = RwSignal::new(original.clone());
    let edits: RwSignal<Option<Matter>> = RwSignal::new(None);
    let base_key = move || base.with(|b| b.as_ref().map(|m| m.case_no.0.clone()));
    let base_key_untracked = move || base.with_untracked(|b| b.as_ref().map(|m| m.case_no.0.clone()));
    let stored = Memo::new(move |_| base_key().and_then(|k| state.reg.with(|r| r.find(&k).cloned())));
    // What became of the matter when it is no longer stored under the 案号 the edit began with.
    let fate = Memo::new(move |_| match (base_key(), stored.with(Option::is_some)) {
        (Some(k), false) => state.reg.with(|r| Some(r.fate(&k))),
        _ => None,
    });
    let clean = {
        let defaults = defaults.clone();
        Memo::new(move |_| stored.get().or_else(|| base.get()).unwrap_or_else(|| defaults.clone()))
    };
    let draft = Memo::new(move |_| edits.get().unwrap_or_else(|| clean.get()));
    let dirty = Memo::new(move |_| edits.with(|e| e.as_ref().is_some_and(|e| clean.with(|c| e != c))));
    // Bumped when the whole draft is replaced (restore, discard, take theirs): the 代理人 editor re-reads it.
    let generation = RwSignal::new(0u32);
    // Never lose input: the unsaved form is kept per tab and per matter in the browser and offered on
    // return (after clicking another page, Back, reload or closing the tab).
    let written: StoredValue<Option<DraftKey>> = StoredValue::new(None);
    let restored: RwSignal<Option<String>> = RwSignal::new(None);
    let draft_error = RwSignal::new(String::new());
    // Writes the draft (or drops it when the form equals what is stored) under this tab and the matter's
    // current 案号; a draft kept under another key (before a rename) is moved.
    let persist = move || {
        let key = DraftKey::own(base_key_untracked().as_deref());
        if let Some(old) = written.get_value().filter(|o| *o != key) {
            storage::drop_draft(&old);
        }
        let unsaved = edits.get_untracked().filter(|e| clean.with_untracked(|c| e != c));
        match unsaved {
            Some(m) => {
                let d = Draft { base: base.get_untracked(), draft: m, at: browser_now() };
                match storage::save_draft(&key, &d) {
                    Ok(()) => draft_error.set(String::new()),
                    Err(e) => draft_error.set(format!("未保存的修改无法暂存到浏览器（{e}），离开本页前请先保存。")),
                }
                written.set_value(Some(key));
            }
            None => {
                storage::drop_draft(&key);
                written.set_value(None);
            }
        }
    };
    let forget_draft = move || {
        if let Some(k) = written.get_value() {
            storage::drop_draft(&k);
        }
        storage::drop_draft(&DraftKey::own(base_key_untracked().as_deref()));
        written.set_value(None);
    };
    // Loads a kept draft into the form, moved onto what is stored now (another tab's save or rename since).
    let load_kept = move |kept: session::KeptDraft| {
        let now = state.reg.with_untracked(|r| kept.now.page_key().flatten().and_then(|k| r.find(k).cloned()));
        let d = kept.draft.clone();
        match (d.base.as_ref(), now.as_ref()) {
            (Some(b), Some(s)) if b != s => {
                let (nb, nd, _) = session::rebase(b, s, &d.draft);
                base.set(Some(nb));
                edits.set(Some(nd));
            }
            _ => {
                if !is_new {
                    base.set(now.or(d.base.clone()));
                }
                edits.set(Some(d.draft.clone()));
            }
        }
        written.set_value(Some(kept.key.clone()));
        persist();
        generation.update(|g| *g += 1);
        restored.set(Some(d.at));
    };
    let own = state.reg.with_untracked(|r| session::drafts_of(r, key.as_deref(), true));
    if let Some(kept) = own.into_iter().next() {
        load_kept(kept);
    }
    let key_for_adopt = move || base_key_untracked();
    // Drafts of this matter kept by other tabs (or closed ones): offered, never taken silently.
    let others = RwSignal::new(state.reg.with_untracked(|r| session::drafts_of(r, key.as_deref(), false)));
    let errors: RwSignal<BTreeMap<Column, String>> = RwSignal::new(BTreeMap::new());
    let review: RwSignal<Option<Vec<Moved>>> = RwSignal::new(None);
    let conflict: RwSignal<Option<Conflict>> = RwSignal::new(None);
    let message = RwSignal::new(state.flash.get_untracked());
    state.flash.set(String::new());

    let evaluation = Memo::new(move |_| {
        let cal = state.calendar.get();
        let today = state.today.get();
        state.reg.with(|r| draft.with(|m| evaluate_in(m, &cal, &r.settings, today, &r.agencies)))
    });
    // (r3 §7.23) the same head at another hearing the same day: a register-level warning shown on the matter.
    let clashes = Memo::new(move |_| {
        let d = draft.get();
        let Some(day) = d.hearing else { return vec![] };
        let head = d.head_name.trim().to_string();
        if head.is_empty() || d.written_review {
            return vec![];
        }
        let key = base.with(|b| b.as_ref().map(|m| m.case_no.clone()));
        state.reg.with(|r| {
            let mut ms: Vec<Matter> = r
                .matters
                .iter()
                .filter(|m| m.hearing == Some(day) && m.head_name.trim() == head)
                .filter(|m| Some(&m.case_no) != key.as_ref() && m.case_no != d.case_no)
                .cloned()
                .collect();
            ms.push(d.clone());
            yingsu_engine::schedule::clashes(&ms).iter().map(|c| c.message()).collect::<Vec<_>>()
        })
    });

    let set_field = move |col: Column, value: String| {
        let mut result = Ok(());
        let mut m = draft.get_untracked();
        if edits.with_untracked(Option::is_none) {
            // The first change: the edit begins from what the form showed (the stored version now).
            if let Some(s) = stored.get_untracked() {
                base.set(Some(s));
            }
        }
        result = result.and(col.set(&mut m, &value));
        if col == Column::CaseType {
            yingsu_engine::form::normalize_instance(&mut m);
        }
        edits.set(Some(m));
        persist();
        errors.update(|e| match result {
            Ok(()) => {
                e.remove(&col);
            }
            Err(msg) => {
                e.insert(col, msg);
            }
        });
        review.set(None);
    };

    let field = move |col: Column| {
        let id = format!("f-{}", Column::ALL.iter().position(|c| *c == col).unwrap_or(0));
        let value = move || draft.with(|m| col.get(m));
        let err = move || errors.with(|e| e.get(&col).cloned());
        let input = match col.kind() {
            Kind::Date => view! {
                <input type="date" id=id.clone() prop:value=value on:change=move |e| set_field(col, event_target_value(&e))/>
            }
            .into_any(),
            Kind::Bool => view! {
                <input type="checkbox" id=id.clone() prop:checked=move || value() == "是"
                    on:change=move |e| set_field(col, if event_target_checked(&e) { "是".into() } else { "否".into() })/>
            }
            .into_any(),
            Kind::Enum(opts) | Kind::RequiredEnum(opts) => {
                let required = matches!(col.kind(), Kind::RequiredEnum(_));
                view! {
                    <select id=id.clone() prop:value=value on:change=move |e| set_field(col, event_target_value(&e))>
                        {(!required).then(|| view! { <option value="">{move || draft.with(|m| empty_choice(col, m))}</option> })}
                        {opts.iter().map(|o| view! { <option value=*o>{*o}</option> }).collect_view()}
                    </select>
                }
                .into_any()
            }
            Kind::Agents => {
                let id = id.clone();
                view! {
                    {move || {
                        generation.track();
                        let initial = draft.with_untracked(|m| m.agents.clone());
                        view! { <AgentsEditor id=id.clone() initial=initial
                            current=Signal::derive(move || draft.with(|m| m.agents.clone()))
                            set=Callback::new(move |v: String| set_field(Column::Agents, v))/> }
                    }}
                }
                .into_any()
            }
            _ => {
                let hint = match col {
                    Column::CoHandlers => "多个机关用“；”分隔",
                    Column::HeadTitle => "正职、副职、分管副职或其他分管负责人",
                    _ => "",
                };
                let list = (col == Column::HeadTitle).then_some("head-titles");
                view! {
                    <input type="text" id=id.clone() placeholder=hint list=list prop:value=value
                        on:input=move |e| set_field(col, event_target_value(&e))/>
                }
                .into_any()
            }
        };
        let wide = matches!(col, Column::Remarks | Column::Agents | Column::Cause);
        // For 行政复议 / 建议 the shared column reads in the type's words; the CSV name stays as a second line.
        let alt = move || draft.with(|m| type_label(col, m));
        let text = move || {
            view! {
                {move || alt().unwrap_or(col.name())}
                {move || alt().map(|_| view! { <span class="csv-name">{col.name()}</span> })}
            }
        };
        view! {
            <div class="field" class:wide=wide class:has-error=move || err().is_some()
                class:hidden=move || !draft.with(|m| field_applies(col, m))>
                {match col.kind() {
                    Kind::Bool => view! { <label for=id.clone() class="check" title=col.name()>{input}{col.name()}</label> }.into_any(),
                    Kind::Agents => view! { <span class="label" id=format!("{id}-label")>{col.name()}</span>{input} }.into_any(),
                    _ => view! { <label for=id.clone() title=col.name()>{text()}</label>{input} }.into_any(),
                }}
                {move || err().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                {move || draft.with(|m| col.invalid_text(m).map(|raw| view! {
                    <span class="field-error" data-testid="kept-invalid">{format!("待修正：原值「{}」无法读取，已原样保留", yingsu_engine::text::visible(raw))}</span>
                }))}
                {move || draft.with(|m| {
                    let v = col.get(m);
                    let hidden = yingsu_engine::text::hidden_controls(&v);
                    (!hidden.is_empty()).then(|| view! {
                        <span class="field-error">{format!("含不可见的控制字符：{}", yingsu_engine::text::visible(&v))}</span>
                    })
                })}
            </div>
        }
    };

    // After a save: the form is the stored version, no draft is kept.
    let saved = move |m: Matter| {
        forget_draft();
        base.set(Some(m));
        edits.set(None);
        restored.set(None);
        review.set(None);
        conflict.set(None);
    };
    let do_save = move || {
        let user = state.user();
        let at = browser_now();
        let m = draft.get_untracked();
        let old_key = base_key_untracked();
        // What the save changes, named as the form labels it (shown with 已保存, beside the button).
        let was = base.get_untracked().unwrap_or_default();
        let changed: Vec<&'static str> = session::changed(&was, &m).into_iter().map(|c| c.name()).collect();
        match save::matter(state, old_key.as_deref(), m.clone(), &user, &at, &changed) {
            Ok(text) => {
                saved(m.clone());
                message.set(text);
                let href = Page::Case(Some(m.case_no.0.clone())).href();
                if is_new || old_key.as_deref() != Some(m.case_no.0.as_str()) {
                    state.flash.set(message.get_untracked());
                    let _ = window().location().set_hash(&href);
                }
            }
            Err(e) => message.set(e),
        }
    };
    // The stored version this form should be compared with now: under the 案号 the edit began with, or
    // the one another tab renamed it to.
    let stored_now = move || {
        stored.get_untracked().map(|s| (s, Elsewhere::Changed)).or_else(|| match fate.get_untracked() {
            Some(Fate::Renamed(k)) => {
                state.reg.with_untracked(|r| r.find(&k).cloned()).map(|s| (s, Elsewhere::Renamed(k)))
            }
            _ => None,
        })
    };
    let try_save = move |_| {
        message.set(String::new());
        let m = draft.get_untracked();
        if m.case_no.0.trim().is_empty() {
            errors.update(|e| {
                e.insert(Column::CaseNo, "必填，不能为空".into());
            });
        }
        for p in m.problems() {
            errors.update(|e| {
                e.insert(p.column, p.message);
            });
        }
        if errors.with_untracked(|e| !e.is_empty()) {
            // Say which field and how to fix it; every other edit stays in the form (and in the draft).
            let list = errors.with_untracked(|e| {
                e.iter().map(|(c, msg)| format!("「{}」{msg}", c.name())).collect::<Vec<_>>().join("；")
            });
            message.set(format!("未保存：{list}。其他修改仍保留在表单中，改正后再点“保存”。"));
            return;
        }
        // Another tab (or import) changed, renamed or deleted this matter since the edit began?
        if !is_new {
            let started = base.get_untracked().unwrap_or_default();
            match stored_now() {
                None => {
                    conflict.set(Some(Conflict { what: Elsewhere::Deleted, diffs: vec![] }));
                    return;
                }
                Some((theirs, what)) if theirs != started => {
                    let diffs = session::changed(&started, &theirs)
                        .into_iter()
                        .map(|c| (c, c.get(&theirs), c.get(&m)))
                        .collect();
                    conflict.set(Some(Conflict { what, diffs }));
                    return;
                }
                _ => {}
            }
        }
        // Show every moved due date before saving.
        let (cal, today) = (state.calendar.get_untracked(), state.today.get_untracked());
        let before = stored
            .get_untracked()
            .map(|s| state.reg.with_untracked(|r| evaluate_in(&s, &cal, &r.settings, today, &r.agencies).obligations))
            .unwrap_or_default();
        let after = evaluation.get_untracked().obligations;
        let moved = moved_dates(&before, &after);
        if !is_new && !moved.is_empty() && review.get_untracked().is_none() {
            review.set(Some(moved));
            return;
        }
        do_save();
    };
    // 放弃我的修改: the stored version (under its new 案号 after a rename), or, deleted, back to the list.
    let take_theirs = move |_| {
        forget_draft();
        conflict.set(None);
        errors.set(BTreeMap::new());
        restored.set(None);
        match stored_now() {
            Some((theirs, what)) => {
                let k = theirs.case_no.0.clone();
                base.set(Some(theirs));
                edits.set(None);
                generation.update(|g| *g += 1);
                message.set("已载入最新保存的版本。".into());
                if let Elsewhere::Renamed(_) = what {
                    state.flash.set("已放弃您的修改，载入改名后的案件。".into());
                    let _ = window().location().set_hash(&Page::Case(Some(k)).href());
                }
            }
            None => {
                let k = base_key_untracked().unwrap_or_default();
                state.flash.set(format!("案件「{}」已在其他标签页删除，您未保存的修改已放弃。", visible(&k)));
                let _ = window().location().set_hash(&Page::Cases.href());
            }
        }
    };
    // Field by field (issue 12): the other save's changes stay, the user's changed fields are laid on top
    // (on a field both changed, the user's value — shown in the table above). Nothing is saved yet.
    let merge = move |_| {
        let Some((theirs, _)) = stored_now() else { return };
        let was = base.get_untracked().unwrap_or_default();
        let mut merged = session::merge3(&was, &theirs, &draft.get_untracked());
        let cols: Vec<Column> = merged.clashes.iter().map(|c| c.column).collect();
        session::take(&mut merged.record, &draft.get_untracked(), &cols);
        base.set(Some(theirs));
        edits.set(Some(merged.record));
        persist();
        generation.update(|g| *g += 1);
        conflict.set(None);
        message.set("已按字段合并：另一处的修改与您的修改都已保留（同一字段以您的值为准）。请核对后点“保存”。".into());
    };
    // 用我的修改覆盖: the stored version (under whatever 案号 it has now) becomes the user's; one name.
    let keep_mine = move |_| {
        if let Some((theirs, _)) = stored_now() {
            base.set(Some(theirs));
        }
        conflict.set(None);
        do_save();
    };
    // A deleted matter comes back only when the user asks for it, as a new matter.
    let recreate = move |_| {
        base.set(None);
        conflict.set(None);
        let user = state.user();
        let m = draft.get_untracked();
        match save::matter(state, None, m.clone(), &user, &browser_now(), &[]) {
            Ok(_) => {
                saved(m.clone());
                state.flash.set(format!("已按您的修改重新建立案件「{}」。", visible(&m.case_no.0)));
                let _ = window().location().set_hash(&Page::Case(Some(m.case_no.0.clone())).href());
            }
            Err(e) => message.set(e),
        }
    };
    let delete = move |_| {
        let Some(k) = base_key_untracked() else { return };
        if window().confirm_with_message(&format!("确定删除案件「{k}」吗？删除会记入修改记录。")).unwrap_or(false)
        {
            let (user, at) = (state.user(), browser_now());
            let result = state.commit(|r| {
                r.delete_matter(&yingsu_engine::model::CaseNo(k.clone()), &user, &at);
            });
            match result {
                Ok(()) => {
                    forget_draft();
                    let _ = window().location().set_hash(&Page::Cases.href());
                }
                Err(e) => message.set(format!("删除未保存：{e}")),
            }
        }
    };

    // At narrow widths the obligations are under the form: one step to them.
    let to_timeline = move || {
        if let Some(el) = document().get_element_by_id("obligations") {
            el.scroll_into_view();
        }
    };
    let timeline = move || {
        let ev = evaluation.get();
        let mut rows = ev.obligations.clone();
        yingsu_engine::sort::by_key(&mut rows, |o| (o.due.is_none(), o.due, o.rule));
        view! {
            {ev.unreadable.clone().map(|w| view! { <p class="banner banner-warn" data-testid="unreadable">{w}</p> })}
            {ev.art32_note.clone().map(|w| view! { <p class="banner banner-info">{w}</p> })}
            <Timeline rows=rows/>
            {(!ev.warnings.is_empty()).then(|| view! {
                <ul class="warnings">{ev.warnings.iter().map(|w| view! { <li>"提示：" {w.message.clone()} "（" {w.clause} "）"</li> }).collect_view()}</ul>
            })}
            {move || {
                let c = clashes.get();
                (!c.is_empty()).then(|| view! {
                    <ul class="warnings" data-testid="clash">{c.into_iter().map(|msg| view! {
                        <li>"提示：" {msg} "（" {yingsu_engine::schedule::CLASH_CLAUSE} "）"</li>
                    }).collect_view()}</ul>
                })
            }}
        }
    };
    let audit = move || {
        base_key().map(|k| {
            state.reg.with(|r| {
                r.audit_of(&k)
                    .into_iter()
                    .map(|a| view! { <tr><td>{a.at.clone()}</td><td>{a.user.clone()}</td><td>{a.field.clone()}</td><td>{a.old.clone()}</td><td>{a.new.clone()}</td></tr> })
                    .collect_view()
            })
        })
    };

    view! {
        <section class="page case">
            <div class="page-head">
                <h1>{move || if is_new { "新建案件".to_string() } else { format!("案件 {}", draft.with(|m| yingsu_engine::text::visible(&m.case_no.0).into_owned())) }}</h1>
                <a href="#/cases">"返回案件列表"</a>
            </div>
            {move || restored.get().map(|at| view! {
                <div class="banner banner-warn" role="status" data-testid="draft-restored">
                    "已恢复您在 " {at} " 未保存的修改（离开本页时自动暂存）。请核对后点“保存”，或"
                    <button type="button" on:click=move |_| {
                        forget_draft();
                        if let Some(s) = stored.get_untracked() {
                            base.set(Some(s));
                        }
                        edits.set(None);
                        errors.set(BTreeMap::new());
                        generation.update(|g| *g += 1);
                        restored.set(None);
                    }>"放弃这些修改"</button>
                </div>
            })}
            {move || fate.get().map(|f| view! {
                <div class="banner banner-bad" role="alert" data-testid="matter-elsewhere">
                    {match f {
                        Fate::Renamed(k) => view! {
                            "此案件已在其他标签页改名为「" {visible(&k).into_owned()} "」。"
                            <a href=Page::Case(Some(k.clone())).href()>"打开改名后的案件"</a>
                            "（您未保存的修改仍在本页，点“保存”时可按字段合并）"
                        }.into_any(),
                        _ => view! { "此案件已在其他标签页删除。您未保存的修改仍在本页，点“保存”时可选择放弃或重新建立。" }.into_any(),
                    }}
                </div>
            })}
            <elsewhere::OtherDrafts others=others recover=Callback::new(move |kept: session::KeptDraft| {
                let own_key = key_for_adopt();
                match session::adopt(&kept.key, own_key.as_deref(), &kept.draft) {
                    Ok(to) => {
                        forget_draft();
                        load_kept(session::KeptDraft { key: to, ..kept });
                    }
                    Err(e) => draft_error.set(format!("无法恢复：{e}")),
                }
            })/>
            {move || (!draft_error.get().is_empty()).then(|| view! { <p class="banner banner-bad" role="alert">{draft_error.get()}</p> })}
            <p class="to-timeline"><button type="button" class="link" on:click=move |_| to_timeline()>"跳到义务与期限 ↓"</button></p>
            <datalist id="head-titles">{HEAD_TITLES.iter().map(|t| view! { <option value=*t/> }).collect_view()}</datalist>
            <div class="case-layout">
                <form class="case-form" on:submit=move |e| e.prevent_default()>
                    <HiddenKept draft=draft/>
                    <HearingConfirm draft=draft today=state.today.into() set=Callback::new(move |(c, v): (Column, String)| set_field(c, v))/>
                    {GROUPS.iter().map(|(name, cols)| {
                        let name = *name;
                        view! {
                            <fieldset class="group" class:hidden=move || !draft.with(|m| group_applies(name, m))>
                                <legend>{move || draft.with(|m| group_label(name, m))}</legend>
                                <div class="fields">{cols.iter().map(|c| field(*c)).collect_view()}</div>
                            </fieldset>
                        }
                    }).collect_view()}
                    {move || review.get().map(|moved| view! {
                        <review::DateReview moved=moved confirm=Callback::new(move |_: ()| do_save())
                            back=Callback::new(move |_: ()| review.set(None))/>
                    })}
                    {move || conflict.get().map(|c| view! {
                        <elsewhere::ConflictDialog conflict=c merge=Callback::new(merge) take_theirs=Callback::new(take_theirs)
                            keep_mine=Callback::new(keep_mine) recreate=Callback::new(recreate)/>
                    })}
                    // Kept in view at the foot of the window while the form scrolls (issue 21): the message of
                    // a save is where the eye is, at every width.
                    <div class="actions save-bar">
                        <button type="button" class="primary" on:click=try_save>"保存"</button>
                        {(!is_new).then(|| view! { <button type="button" class="danger" on:click=delete>"删除案件"</button> })}
                        <span class="message" role="status" data-testid="case-message">{move || message.get()}</span>
                        <button type="button" class="link to-timeline" on:click=move |_| to_timeline()>"查看义务与期限 ↓"</button>
                    </div>
                </form>
                <aside class="timeline" id="obligations" aria-label="义务与期限">
                    <h2>"义务与期限" {move || dirty.get().then(|| view! { <span class="chip chip-warn" data-testid="unsaved-preview">"未保存的预览"</span> })}</h2>
                    {move || dirty.get().then(|| view! { <p class="hint">"按表单中尚未保存的内容计算；保存后才记入台账。"</p> })}
                    <p class="hint">"按期限日排列。规则“N日”按" {move || state.reg.with(|r| r.settings.counting.label())} "计算；点“原文”可看条文。"</p>
                    {timeline}
                </aside>
            </div>
            {(!is_new).then(|| view! {
                <section class="block">
                    <h2>"修改记录"</h2>
                    <table class="grid audit" data-testid="audit"><thead><tr><th>"时间"</th><th>"用户"</th><th>"字段"</th><th>"原值"</th><th>"新值"</th></tr></thead>
                    <tbody>{audit}</tbody></table>
                </section>
            })}
        </section>
    }
    .into_any()
}
