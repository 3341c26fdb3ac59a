//! Files in and out: downloads built in memory (no server), uploads read from a file input.

use leptos::prelude::*;
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

/// Decodes an uploaded file: UTF-8 (with or without BOM) by the engine, GB18030/GBK and UTF-16 by the
/// browser's own `TextDecoder` (the WHATWG tables), so the wasm carries no encoding tables.
pub fn decode(bytes: &[u8]) -> Result<yingsu_engine::codec::Decoded, String> {
    use yingsu_engine::codec::{decode_with, Decoded};
    use yingsu_engine::FileError;
    decode_with(bytes, |bytes, enc| {
        let opts = web_sys::TextDecoderOptions::new();
        opts.set_fatal(true);
        let decoder = web_sys::TextDecoder::new_with_label_and_options(enc.label(), &opts)
            .map_err(|_| FileError(format!("浏览器不支持 {} 解码", enc.name())))?;
        let text = decoder.decode_with_u8_array(enc.body(bytes)).map_err(|_| enc.invalid())?;
        Ok(Decoded { text, encoding: enc.name() })
    })
    .map_err(|e| e.to_string())
}

/// Reads a full backup file (the JSON the app exports).
pub fn read_backup(bytes: &[u8]) -> Result<yingsu_engine::store::Register, String> {
    // The same detection as CSV files: a byte-order mark (UTF-8 or UTF-16) is fine.
    let text = decode(bytes)?.text;
    yingsu_engine::store::Register::from_json(&text).map_err(|e| e.to_string())
}

/// Decodes and imports a file of records (cases.csv or agencies.csv).
pub fn import<R: yingsu_engine::record::Record>(bytes: &[u8]) -> Result<yingsu_engine::codec::Import<R>, String> {
    let d = decode(bytes)?;
    yingsu_engine::codec::import_text::<R>(&d.text, d.encoding).map_err(|e| e.to_string())
}

/// The `<input>` of the page with this id.
pub fn input_el(id: &str) -> Option<web_sys::HtmlInputElement> {
    document().get_element_by_id(id).and_then(|e| e.dyn_into().ok())
}

/// Reads the chosen files of an input, then runs `f` on them (or shows the error).
pub fn with_files(id: &'static str, msg: RwSignal<String>, f: impl FnOnce(Vec<(String, Vec<u8>)>) + 'static) {
    let Some(input) = input_el(id) else { return };
    leptos::task::spawn_local(async move {
        match read_files(&input).await {
            Ok(files) => f(files),
            Err(e) => msg.set(e),
        }
    });
}
