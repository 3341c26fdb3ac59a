//! A Rust panic must never leave a blank page: it shows a banner that says the data is safe and offers
//! the stored data for download, built without the (now stopped) app.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner();
    }));
}

fn show_banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = doc.body() else { return };
    let Ok(div) = doc.create_element("div") else { return };
    div.set_id("crash-banner");
    div.set_class_name("crash-banner");
    let _ = div.set_attribute("role", "alert");
    div.set_inner_html(
        "<strong>应诉通遇到内部错误，已停止运行。</strong>\
         <p>您的数据是安全的：已保存的内容仍在本浏览器中，未被修改。最后一次未保存的编辑可能丢失。</p>\
         <p>请刷新页面后继续使用。如需备份，可点击下面的链接下载已保存的全部数据（JSON 文件），\
         或刷新后在“设置”页点击“导出完整备份”。</p>",
    );
    if let Some(raw) = crate::storage::raw() {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&raw));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("application/json");
        if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) {
            if let (Ok(url), Ok(a)) = (web_sys::Url::create_object_url_with_blob(&blob), doc.create_element("a")) {
                let a: web_sys::HtmlAnchorElement = a.unchecked_into();
                a.set_href(&url);
                a.set_download("应诉通-应急备份.json");
                a.set_text_content(Some("下载已保存的数据（应急备份）"));
                let _ = div.append_child(&a);
            }
        }
    }
    let _ = body.prepend_with_node_1(&div);
}
