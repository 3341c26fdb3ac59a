//! 应诉通 web app: a thin Leptos 0.8 (CSR) layer over the `yingsu_engine` crate.
//!
//! - [`app`]: the root component, [`state::AppState`] and the hash router (`#/cases`: a reload works on
//!   any static file server, no rewrite rules).
//! - [`storage`] and [`files`] are the only modules that touch browser storage and files.
//! - `pages`: one module per page; `components`: shared pieces.

pub mod about;
pub mod app;
/// Benchmark entry points: only in the build of scripts/bench.sh (`--features bench`), never in the page.
#[cfg(feature = "bench")]
pub mod bench;
mod components;
pub mod files;
pub mod more;
mod pages;
pub mod panic;
pub mod route;
pub mod save;
pub mod session;
pub mod state;
pub mod storage;

/// Installs the panic banner and mounts the app.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
