//! 应诉通 — the page's entry point. Everything lives in the library.

fn main() {
    yingsu_web::start();
}
