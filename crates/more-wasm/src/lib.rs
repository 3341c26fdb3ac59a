//! 应诉通's second page module: 报表, 导入导出, 机关名录, 规则 and 设置, loaded the first time a user opens one of them
//! (`yingsu_web::more`). The pages themselves live in the `yingsu-web` crate; this crate only exports
//! them, so that the page's own module does not contain them.

use wasm_bindgen::prelude::*;

/// Shows page `name` (see `yingsu_web::more::mount`) in `host`.
#[wasm_bindgen]
pub fn mount_page(name: &str, host: web_sys::HtmlElement) {
    yingsu_web::more::mount(name, host);
}

/// Removes what [`mount_page`] showed.
#[wasm_bindgen]
pub fn unmount_page() {
    yingsu_web::more::unmount();
}

/// Installs the panic banner (once, when the module is loaded).
#[wasm_bindgen(start)]
pub fn start() {
    yingsu_web::panic::install();
}
