//! The save path of every page (issue 20): a change goes into the register ([`AppState::mutate`]), is
//! written to the browser at once ([`AppState::save_now`]), and the outcome is one sentence per failure,
//! the same on every page.

use crate::state::{AppState, SaveState};
use leptos::prelude::*;
use yingsu_engine::Matter;

/// The sentence for a save that did not reach the browser's storage (`None`: it did).
pub fn failure(s: &SaveState) -> Option<String> {
    match s {
        SaveState::Saved => None,
        SaveState::Failed { quota: true, .. } => {
            Some("浏览器本地存储空间已满，修改未能写入（仍显示在页面上）。请导出完整备份。".into())
        }
        SaveState::Failed { message, .. } => Some(format!("修改未能写入浏览器存储：{message}")),
        SaveState::Conflict { .. } => Some("另一个标签页已保存了数据，修改尚未写入。请在页面顶部选择如何处理。".into()),
        SaveState::NewerVersion(_) => {
            Some("另一标签页使用了更新版本的应诉通，修改未保存，本页不再保存任何修改。请刷新页面以使用新版本。".into())
        }
    }
}

/// Changes the register and writes it now; `Ok` only once the write succeeded (and read back the same).
pub fn commit(state: AppState, f: impl FnOnce(&mut yingsu_engine::store::Register)) -> Result<(), String> {
    state.mutate(f);
    state.save_now();
    match failure(&state.save_state.get_untracked()) {
        None => Ok(()),
        Some(e) => Err(e),
    }
}

/// Saves a matter from the case form (renamed when `old_key` differs from its 案号). `Err`: refused,
/// nothing changed. `Ok`: the register holds it — and the sentence to show, which says whether it
/// reached the browser's storage.
pub fn matter(
    state: AppState,
    old_key: Option<&str>,
    m: Matter,
    user: &str,
    at: &str,
    changed: &[&str],
) -> Result<String, String> {
    let mut result = Ok(0);
    state.mutate(|r| result = r.save_matter(old_key, m, user, at));
    let n = result.map_err(|e| format!("未保存：{e}"))?;
    // Written now, so the message tells what reached the browser's storage.
    state.save_now();
    if n == 0 {
        return Ok("没有修改。".into());
    }
    Ok(match failure(&state.save_state.get_untracked()) {
        Some(e) => e,
        None => {
            let names = changed.iter().take(6).copied().collect::<Vec<_>>().join("、");
            let more = if changed.len() > 6 { " 等" } else { "" };
            if names.is_empty() {
                format!("已保存（{n} 处修改）。")
            } else {
                format!("已保存（{n} 处修改：{names}{more}）。")
            }
        }
    })
}
