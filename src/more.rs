//! The pages loaded on first use: 报表, 导入导出, 机关名录, 规则 (and its 自检) and 设置 are a second
//! WebAssembly module (`crates/more-wasm`, built by `scripts/build-modules.sh`), fetched the first time a
//! user opens one of them, so the page a user loads every morning — 总览, 日程, 案件 and the case form —
//! stays small (issue 14: 报表 and 导入导出 alone were 156 KB of the 565 KB gzip).
//!
//! Both modules are this crate: the page's module routes those pages to `pages::lazy::LazyPage`, which asks
//! `window.yingsuMore` (style/boot.js, or the inline script of 应诉通.html) to load the second module and
//! call its `mount_page`, i.e. [`mount`] below. The second module keeps its own [`AppState`], loaded from
//! storage like the page's; each module tells the other when it wrote the register (a `yingsu-saved`
//! window event, [`crate::state::follow_storage`]), so neither overwrites what the other saved.

use crate::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// What the second module shows (dropping it unmounts it and disposes its state).
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// The second module's entry (`crates/more-wasm`): shows page `name` (`reports`, `exchange`, `settings`,
/// `agencies`, `rules`, `selftest`) in `host`,
/// with its own state loaded from storage and kept in step with the page's module.
pub fn mount(name: &str, host: web_sys::HtmlElement) {
    unmount();
    crate::storage::set_module_name("more");
    let name = name.to_string();
    let handle = leptos::mount::mount_to(host, move || {
        let state: AppState = crate::state::load_state();
        provide_context(state);
        crate::state::follow_storage(state);
        // This module's own save problems (a full quota, another tab's save) with what to do about them;
        // the reminders and the page's save problems are the page's module's banners above.
        let backup_msg = RwSignal::new(String::new());
        let banners = view! {
            <crate::components::SaveBanners backup_msg=backup_msg/>
            {move || (!backup_msg.get().is_empty()).then(|| view! {
                <div class="banners no-print"><div class="banner banner-info" role="status">{backup_msg.get()}</div></div>
            })}
        };
        let page = crate::route::Page::from_slug(&name)
            .and_then(|p| crate::pages::more_view(&p))
            .unwrap_or_else(|| view! { <p class="error">"没有页面「" {name.clone()} "」。"</p> }.into_any());
        view! { {banners} {page} }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// Unmounts what [`mount`] showed.
pub fn unmount() {
    let old = MOUNTED.with(|m| m.borrow_mut().take());
    drop(old);
    // Its copy of the register's lines goes with it (the page's module keeps its own).
    crate::storage::forget_rows();
}
