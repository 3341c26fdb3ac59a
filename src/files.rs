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

/// Decodes an uploaded file: UTF-8 (with or without BOM) by the engine, GB18030/GBK and UTF-16 by the
/// browser's own `TextDecoder` (the WHATWG tables), so the wasm carries no encoding tables.
pub fn decode(bytes: &[u8]) -> Result<yingsu_engine::codec::Decoded, String> {
    use yingsu_engine::codec::{decode as engine_decode, Decoded};
    let utf16 = if bytes.starts_with(b"\xFF\xFE") {
        Some("utf-16le")
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some("utf-16be")
    } else {
        None
    };
    if utf16.is_none() {
        let plain_utf8 = bytes.starts_with(b"\xEF\xBB\xBF") || bytes.contains(&0) || std::str::from_utf8(bytes).is_ok();
        if plain_utf8 {
            return engine_decode(bytes).map_err(|e| e.to_string());
        }
    }
    let (label, name) = match utf16 {
        Some("utf-16le") => ("utf-16le", "UTF-16LE"),
        Some(_) => ("utf-16be", "UTF-16BE"),
        None => ("gb18030", "GB18030"),
    };
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &opts)
        .map_err(|_| "浏览器不支持 GB18030 解码".to_string())?;
    match decoder.decode_with_u8_array(bytes) {
        Ok(text) => Ok(Decoded { text: text.trim_start_matches('\u{feff}').to_string(), encoding: name }),
        Err(_) => Err("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK".into()),
    }
}

/// Decodes and imports a file of records (cases.csv or agencies.csv).
pub fn import<R: yingsu_engine::codec::Table>(bytes: &[u8]) -> Result<yingsu_engine::codec::Import<R>, String> {
    let d = decode(bytes)?;
    yingsu_engine::codec::import_text::<R>(&d.text, d.encoding).map_err(|e| e.to_string())
}
