//! The Word export as a WebAssembly module of its own. The page's main module stays without the
//! document format (docx-rs, zip, deflate: tens of KB gzip); this one is fetched the first time a user
//! asks for a .docx (`style/boot.js`, `window.yingsuDocx`). The interface is one function: a
//! [`Paper`](yingsu_engine::paper::Paper) as JSON in, the .docx bytes out.

use wasm_bindgen::prelude::*;
use yingsu_engine::paper::Paper;

/// Writes the paper (JSON of [`Paper`](yingsu_engine::paper::Paper)) as a .docx file.
#[wasm_bindgen]
pub fn paper_to_docx(json: &str) -> Result<Vec<u8>, JsError> {
    let paper: Paper = serde_json::from_str(json).map_err(|e| JsError::new(&format!("报表数据无法读取：{e}")))?;
    Ok(yingsu_engine::docx::to_docx(&paper))
}
