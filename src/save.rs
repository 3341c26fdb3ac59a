//! The case form's save (issue 20): a matter goes into the register ([`AppState::mutate`]), is written to
//! the browser at once ([`AppState::save_now`]), and the outcome is said in the one sentence per failure
//! that every page uses ([`crate::state::SaveState::failure`], also behind [`AppState::commit`]).

use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::Matter;

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
    Ok(match state.save_state.get_untracked().failure() {
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
