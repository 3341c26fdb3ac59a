//! Files in and out: downloads built in memory (no server), uploads read from a file input.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("无法访问页面")?;
    let arr = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&arr);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(|_| "无法生成文件")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "无法生成下载链接")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| "无法生成下载链接")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    let body = doc.body().ok_or("无法访问页面")?;
    body.append_child(&a).map_err(|_| "无法生成下载链接")?;
    a.click();
    a.remove();
    // The browser has started the download; the URL can go once this task ends.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads every file chosen in an `<input type="file">`, as bytes, with its name.
pub async fn read_files(input: &web_sys::HtmlInputElement) -> Result<Vec<(String, Vec<u8>)>, String> {
    let list = input.files().ok_or("未选择文件")?;
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("无法读取文件「{}」", file.name()))?;
        out.push((file.name(), js_sys::Uint8Array::new(&buf).to_vec()));
    }
    if out.is_empty() {
        return Err("未选择文件".into());
    }
    Ok(out)
}
