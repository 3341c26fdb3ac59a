//! The pages loaded on first use: 报表, 导入导出, 机关名录, 规则 (and its 自检) and 设置 are a second
//! WebAssembly module (`crates/more-wasm`, built by `scripts/build-modules.sh`), fetched the first time a
//! user opens one of them, so the page a user loads every morning — 总览, 日程, 案件 and the case form —
//! stays small (issue 14: 报表 and 导入导出 alone were 156 KB of the 565 KB gzip).
//!
//! Both modules are this crate: the page's module routes the two pages to [`LazyPage`], which asks
//! `window.yingsuMore` (style/boot.js, or the inline script of 应诉通.html) to load the second module and
//! call its `mount_page`, i.e. [`mount`] below. The second module keeps its own [`AppState`], loaded from
//! storage like the page's; each module tells the other when it wrote the register (a `yingsu-saved`
//! window event, [`crate::state::follow_storage`]), so neither overwrites what the other saved.

use crate::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Loads the second module once, then mounts page `name` into `host`; rejects with the reason.
    #[wasm_bindgen(js_namespace = yingsuMore, js_name = mount, catch)]
    async fn js_mount(name: &str, host: web_sys::HtmlElement) -> Result<JsValue, JsValue>;
    /// Unmounts what the second module shows (nothing if it is not loaded yet).
    #[wasm_bindgen(js_namespace = yingsuMore, js_name = unmount)]
    fn js_unmount();
}

/// Where a page of the second module appears: "正在加载……" until it is there, the reason if it cannot be.
#[component]
pub fn LazyPage(name: &'static str) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(None::<Result<(), String>>);
    host.on_load(move |el| {
        let el: web_sys::HtmlElement = (*el).clone();
        leptos::task::spawn_local(async move {
            let r = js_mount(name, el).await.map(|_| ()).map_err(|e| {
                e.as_string().unwrap_or_else(|| js_sys::JSON::stringify(&e).map(String::from).unwrap_or_default())
            });
            state.set(Some(r));
        });
    });
    on_cleanup(js_unmount);
    view! {
        {move || match state.get() {
            None => Some(view! { <section class="page"><p class="muted" data-testid="lazy-loading">"正在加载……"</p></section> }.into_any()),
            Some(Err(e)) => Some(view! {
                <div class="banner banner-bad" role="alert" data-testid="lazy-error">
                    "无法加载此页面（" {e} "）。请刷新页面重试；您的数据不受影响。"
                </div>
            }.into_any()),
            Some(Ok(())) => None,
        }}
        <div class="lazy-host" node_ref=host></div>
    }
}

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
