//! Where a page of the second module (`crate::more`) appears in the page's module: "正在加载……" until
//! `window.yingsuMore` (style/boot.js, or the inline script of 应诉通.html) has loaded the module and
//! mounted the page, the reason if it cannot.

use leptos::prelude::*;
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
