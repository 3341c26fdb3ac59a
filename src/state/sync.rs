//! Loading the register, following the other writers (another tab, the page's other module), the date,
//! and preparing the first save: the state layer's side of storage (storage itself knows nothing of
//! [`AppState`]).

use super::{browser_today, AppState, Recovery, SaveState};
use crate::storage::{self, Loaded};
use leptos::ev;
use leptos::prelude::*;
use yingsu_engine::store::Register;

/// The register as stored (or the recovery screen's state when it cannot be read).
pub fn load_state() -> AppState {
    let (reg, recovery) = match storage::load() {
        Loaded::Fresh => (Register::default(), None),
        Loaded::Ready(r) => (*r, None),
        Loaded::Unreadable { raw, error } => (Register::default(), Some(Recovery { raw, error })),
    };
    AppState::new(reg, browser_today(), recovery)
}

/// Writes the register on every change, and follows the other writers: another tab (`storage` event)
/// and the page's other module in this tab (`yingsu-saved`, see the `more` module). Also follows the date,
/// and asks for persistent storage and measures it (设置 shows both).
/// Runs in the reactive owner of whatever it serves (the app, or a lazily loaded page).
pub fn follow_storage(state: AppState) {
    // Another tab saved: take its version, unless this tab has a change it could not save.
    let on_other_write = move |new_value: Option<String>| {
        if state.recovery.get_untracked().is_some() {
            return;
        }
        // A newer version of the app wrote: this page must not write again (nor read what it cannot).
        if let Some(v) = new_value.as_deref().and_then(storage::newer_schema_in) {
            state.save_state.set(SaveState::NewerVersion(v));
            return;
        }
        let dirty = state.reg.with_untracked(|r| r.revision) != state.base_rev.get_value();
        if dirty {
            let stored = storage::stored_revision().unwrap_or(0);
            state.save_state.set(SaveState::Conflict { stored });
        } else {
            state.reload_from_storage();
        }
    };
    let storage_listener = window_event_listener(ev::storage, move |e| {
        if e.key().as_deref() == Some(storage::KEY) {
            on_other_write(e.new_value());
        }
    });
    // The other module of this page wrote (no `storage` event within one window).
    let module_listener = window_event_listener(ev::Custom::<ev::CustomEvent>::new(storage::SAVED_EVENT), move |e| {
        if e.detail().as_string().as_deref() != Some(storage::module_name()) {
            on_other_write(None);
        }
    });
    // The one place the register is written.
    Effect::new(move |_| {
        state.reg.track();
        state.save_now();
    });
    storage::request_persistence(move |p| state.persisted.set(p));
    state.usage.set(storage::usage());
    // A tab left open overnight must not show yesterday's statuses: follow the date.
    let interval = set_interval_with_handle(
        move || {
            let now = browser_today();
            if now != state.today.get_untracked() {
                state.today.set(now);
            }
        },
        std::time::Duration::from_secs(60),
    )
    .ok();
    on_cleanup(move || {
        storage_listener.remove();
        module_listener.remove();
        if let Some(i) = interval {
            i.clear();
        }
    });
}

/// Fills the save's line cache in small steps while the user reads the first page (each step a few
/// milliseconds, then the browser is free again), so that the first save is as quick as the next ones.
/// Writes nothing.
pub fn warm_up(state: AppState) {
    fn step(state: AppState, from: usize, delay: u64) {
        set_timeout(
            move || {
                let (next, len) =
                    state.reg.with_untracked(|r| (storage::prime_rows(&r.matters, from, 250), r.matters.len()));
                if next < len {
                    step(state, next, 0);
                }
            },
            std::time::Duration::from_millis(delay),
        );
    }
    step(state, 0, 300);
}
