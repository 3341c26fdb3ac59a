//! The root component: loads the register once, provides [`AppState`], routes by hash, saves on change.

use crate::components::{Banners, PersistNotice, RecoveryScreen, StorageStatus};
use crate::pages;
use crate::route::Page;
use crate::state::{follow_storage, load_state, warm_up};
use leptos::ev;
use leptos::prelude::*;

/// The main navigation, in its order (each link shows the page's title).
const NAV: &[Page] = &[
    Page::Overview,
    Page::Schedule,
    Page::Cases,
    Page::Reports,
    Page::Agencies,
    Page::Exchange,
    Page::Rules,
    Page::Settings,
];

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    if let Some(el) = document().get_element_by_id("boot-msg") {
        el.remove();
    }
    // This tab's id first (a duplicated tab takes a new one before it reads or writes any draft).
    crate::storage::tab_id();
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
    warm_up(state);
    Effect::new(move |_| document().set_title(&format!("{} · 应诉通", state.page.get().title())));

    let nav_link = move |page: &Page| {
        let label = page.title();
        let p = page.clone();
        let href = page.href();
        let current = Memo::new(move |_| {
            let now = state.page.get();
            now == p
                || (p == Page::Cases && matches!(now, Page::Case(_)))
                || (p == Page::Rules && now == Page::SelfTest)
        });
        view! {
            <a href=href class="nav-link" class:active=move || current.get() aria-current=move || current.get().then_some("page")>{label}</a>
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
                pages::view(state.page.get())
            }}
        </main>
        <footer class="foot no-print">
            "数据只保存在本浏览器中（localStorage），不上传任何服务器。请定期在“设置”中导出完整备份。"
            " " <crate::about::VersionTag/>
        </footer>
    }
}
