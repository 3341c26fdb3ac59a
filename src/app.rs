//! The root component: loads the register once, provides [`AppState`], routes by hash, saves on change.

use crate::components::{Banners, PersistNotice, RecoveryScreen, StorageStatus};
use crate::pages;
use crate::route::Page;
use crate::state::{browser_today, AppState, Recovery, SaveState};
use crate::storage::{self, Loaded};
use leptos::ev;
use leptos::prelude::*;
use yingsu_engine::store::Register;

const NAV: &[(Page, &str)] = &[
    (Page::Overview, "总览"),
    (Page::Schedule, "日程"),
    (Page::Cases, "案件"),
    (Page::Reports, "报表"),
    (Page::Agencies, "机关名录"),
    (Page::Exchange, "导入导出"),
    (Page::Rules, "规则"),
    (Page::Settings, "设置"),
];

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The register as stored (or the recovery screen's state when it cannot be read).
pub(crate) fn load_state() -> AppState {
    let (reg, recovery) = match storage::load() {
        Loaded::Fresh => (Register::default(), None),
        Loaded::Ready(r) => (*r, None),
        Loaded::Unreadable { raw, error } => (Register::default(), Some(Recovery { raw, error })),
    };
    AppState::new(reg, browser_today(), recovery)
}

/// Writes the register on every change, and follows the other writers: another tab (`storage` event)
/// and the page's other module in this tab (`yingsu-saved`, see [`crate::more`]). Also follows the date,
/// and asks for persistent storage and measures it (设置 shows both).
/// Runs in the reactive owner of whatever it serves (the app, or a lazily loaded page).
pub(crate) fn follow_storage(state: AppState) {
    // Another tab saved: take its version, unless this tab has a change it could not save.
    let on_other_write = move |new_value: Option<String>| {
        if state.recovery.get_untracked().is_some() {
            return;
        }
        // A newer version of the app wrote: this page must not write again (nor read what it cannot).
        if let Some(v) = new_value.as_deref().and_then(storage::newer_schema_in) {
            state.save_state.set(SaveState::NewerVersion(v));
            return;
        }
        let dirty = state.reg.with_untracked(|r| r.revision) != state.base_rev.get_value();
        if dirty {
            let stored = storage::stored_revision().unwrap_or(0);
            state.save_state.set(SaveState::Conflict { stored });
        } else {
            state.reload_from_storage();
        }
    };
    let storage_listener = window_event_listener(ev::storage, move |e| {
        if e.key().as_deref() == Some(storage::KEY) {
            on_other_write(e.new_value());
        }
    });
    // The other module of this page wrote (no `storage` event within one window).
    let module_listener = window_event_listener(ev::Custom::<ev::CustomEvent>::new(storage::SAVED_EVENT), move |e| {
        if e.detail().as_string().as_deref() != Some(storage::module_name()) {
            on_other_write(None);
        }
    });
    // The one place the register is written.
    Effect::new(move |_| {
        state.reg.track();
        state.save_now();
    });
    storage::request_persistence(move |p| state.persisted.set(p));
    state.usage.set(storage::usage());
    // A tab left open overnight must not show yesterday's statuses: follow the date.
    let interval = set_interval_with_handle(
        move || {
            let now = browser_today();
            if now != state.today.get_untracked() {
                state.today.set(now);
            }
        },
        std::time::Duration::from_secs(60),
    )
    .ok();
    on_cleanup(move || {
        storage_listener.remove();
        module_listener.remove();
        if let Some(i) = interval {
            i.clear();
        }
    });
}

#[component]
pub fn App() -> impl IntoView {
    if let Some(el) = document().get_element_by_id("boot-msg") {
        el.remove();
    }
    let state = load_state();
    provide_context(state);

    state.page.set(Page::parse(&current_hash()));
    let _ = window_event_listener(ev::hashchange, move |_| {
        // A saved new matter moving to its own address (a message to carry over) stays where the eye is:
        // no jump to the top of the form (issue 21).
        let carried = !state.flash.with_untracked(String::is_empty);
        state.page.set(Page::parse(&current_hash()));
        if !carried {
            if let Some(main) = document().get_element_by_id("main") {
                main.scroll_into_view();
            }
        }
    });
    follow_storage(state);
    // Once the first page is drawn and the user reads it: prepare the first save, in small steps.
    storage::warm_up(state);
    Effect::new(move |_| document().set_title(&format!("{} · 应诉通", state.page.get().title())));

    let nav_link = move |(page, label): &(Page, &'static str)| {
        let p = page.clone();
        let href = page.href();
        let current = Memo::new(move |_| {
            let now = state.page.get();
            now == p
                || (p == Page::Cases && matches!(now, Page::Case(_)))
                || (p == Page::Rules && now == Page::SelfTest)
        });
        view! {
            <a href=href class="nav-link" class:active=move || current.get() aria-current=move || current.get().then_some("page")>{*label}</a>
        }
    };

    view! {
        <header class="top no-print">
            <div class="brand">
                <span class="brand-name">"应诉通"</span>
                <span class="brand-sub">"通州区行政机关应诉规则（通政办发〔2022〕11号）"</span>
            </div>
            <nav aria-label="主导航" class="nav">{NAV.iter().map(nav_link).collect_view()}</nav>
            <div class="who">
                <span class="who-name">{move || state.reg.with(|r| {
                    let a = if r.profile.agency.is_empty() { "未设置本机关".to_string() } else { r.profile.agency.clone() };
                    format!("{a} · {} · 今日 {}", r.profile.role.label(), yingsu_engine::dates::fmt(state.today.get()))
                })}</span>
                <StorageStatus/>
            </div>
        </header>
        <Banners/>
        <PersistNotice/>
        <crate::about::FileNotice/>
        <main id="main" tabindex="-1">
            {move || {
                if state.recovery.with(|r| r.is_some()) {
                    return view! { <RecoveryScreen/> }.into_any();
                }
                match state.page.get() {
                    Page::Overview => view! { <pages::overview::Overview/> }.into_any(),
                    Page::Schedule => view! { <pages::schedule::SchedulePage/> }.into_any(),
                    Page::Cases => view! { <pages::cases::Cases/> }.into_any(),
                    Page::Case(key) => view! { <pages::case::CasePage key=key/> }.into_any(),
                    Page::Agencies => view! { <crate::more::LazyPage name="agencies"/> }.into_any(),
                    // The pages not used every day load on first use, from a second module (crate::more).
                    Page::Exchange => view! { <crate::more::LazyPage name="exchange"/> }.into_any(),
                    Page::Reports => view! { <crate::more::LazyPage name="reports"/> }.into_any(),
                    Page::Settings => view! { <crate::more::LazyPage name="settings"/> }.into_any(),
                    Page::Rules => view! { <crate::more::LazyPage name="rules"/> }.into_any(),
                    Page::SelfTest => view! { <crate::more::LazyPage name="selftest"/> }.into_any(),
                    Page::NotFound(p) => view! {
                        <section class="page">
                            <h1>"页面不存在"</h1>
                            <p>"地址「" {p} "」不对应任何页面。"</p>
                            <p><a href="#/">"返回总览"</a></p>
                        </section>
                    }.into_any(),
                }
            }}
        </main>
        <footer class="foot no-print">
            "数据只保存在本浏览器中（localStorage），不上传任何服务器。请定期在“设置”中导出完整备份。"
            " " <crate::about::VersionTag/>
        </footer>
    }
}
