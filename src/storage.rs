//! localStorage: the only place the register is kept in the browser.
//!
//! The register is one key (`yingsu.register`), its revision a second small key (`yingsu.revision`) so a
//! save can check cheaply that no other tab wrote in between. A failed write leaves the stored value as it
//! was (that is how localStorage behaves), so nothing already saved is damaged.
//!
//! ## The guarantees of every write (issue 12), all kept here
//! Every path that writes the register — a matter, settings, agencies, an import, holiday rows, report
//! marks, a restore — ends in [`save`] or [`force_save`], and both end in [`write`]:
//! 1. **No silent overwrite between tabs.** [`save`] writes only when the stored revision is the one this
//!    tab last loaded or wrote; otherwise [`SaveError::Conflict`] and nothing is written.
//! 2. **A newer version's data is never overwritten.** Before writing over data another tab wrote (a
//!    revision this tab does not know, or any [`force_save`]), the stored schema is read from the text's
//!    start; a schema newer than this build's is [`SaveError::NewerVersion`]: no write, "请刷新页面以使用新版本".
//! 3. **Read back.** After every write the stored text is read back and compared with what was written
//!    (in JavaScript, as strings); a difference is [`SaveError::Verify`] (lengths and FNV-1a hashes of
//!    both), shown with the backup download.
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use yingsu_engine::store::{stored_schema, LoadError, Register, RowCache, SCHEMA_VERSION};
use yingsu_engine::Matter;

pub const KEY: &str = "yingsu.register";
/// The window event a module of the page sends after it wrote the register (`detail`: its name).
pub const SAVED_EVENT: &str = "yingsu-saved";

thread_local! {
    static MODULE: std::cell::Cell<&'static str> = const { std::cell::Cell::new("main") };
}

/// Which of the page's WebAssembly modules this is: `main`, or `more` (the lazily loaded pages).
pub fn module_name() -> &'static str {
    MODULE.with(|m| m.get())
}

pub(crate) fn set_module_name(name: &'static str) {
    MODULE.with(|m| m.set(name));
}
pub const REV_KEY: &str = "yingsu.revision";
/// Chromium's quota per origin, in UTF-16 code units (keys and values together), measured here.
pub const QUOTA_UNITS: f64 = 5_242_880.0;

/// What was found at start.
pub enum Loaded {
    /// Nothing stored yet.
    Fresh,
    Ready(Box<Register>),
    /// Something is stored but cannot be read: kept untouched and offered for download.
    Unreadable {
        raw: String,
        error: String,
    },
}

fn storage() -> Result<web_sys::Storage, String> {
    // gloo's raw() panics when storage is unavailable (blocked site data): check first, then use it.
    let available = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some();
    if available {
        Ok(LocalStorage::raw())
    } else {
        Err("浏览器不允许本页面使用本地存储（localStorage）。请检查浏览器设置（例如隐私模式或禁用网站数据）。"
            .to_string())
    }
}

pub fn load() -> Loaded {
    let st = match storage() {
        Ok(s) => s,
        Err(e) => return Loaded::Unreadable { raw: String::new(), error: e },
    };
    match st.get_item(KEY) {
        Ok(None) => Loaded::Fresh,
        Ok(Some(raw)) => match Register::from_json(&raw) {
            Ok(r) => Loaded::Ready(Box::new(r)),
            Err(e @ LoadError::FutureVersion(_)) | Err(e @ LoadError::Corrupt(_)) => {
                Loaded::Unreadable { raw, error: e.to_string() }
            }
        },
        Err(_) => Loaded::Unreadable { raw: String::new(), error: "无法读取本地存储".into() },
    }
}

/// The raw stored register text, if any (for the recovery download).
pub fn raw() -> Option<String> {
    storage().ok()?.get_item(KEY).ok().flatten()
}

/// The revision another tab (or this one) last stored.
pub fn stored_revision() -> Option<u64> {
    storage().ok()?.get_item(REV_KEY).ok().flatten()?.parse().ok()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage quota is full.
    Quota,
    /// Another tab saved a newer revision since this tab last loaded or saved.
    Conflict {
        stored: u64,
    },
    /// The stored register was written by a newer version of the app (its schema): never overwritten.
    NewerVersion(u64),
    /// What localStorage holds after the write is not what was written.
    Verify(String),
    Other(String),
}

/// The schema of the stored register if it is newer than this build's.
pub fn newer_schema_stored() -> Option<u64> {
    let raw = storage().ok()?.get_item(KEY).ok().flatten()?;
    newer_schema_in(&raw)
}

/// The schema of a register text if it is newer than this build's.
pub fn newer_schema_in(raw: &str) -> Option<u64> {
    stored_schema(raw).filter(|v| *v > SCHEMA_VERSION)
}

/// Writes the register unless another tab saved since `base` (the revision this tab knows is stored).
/// Returns the register text's size in UTF-16 units (for [`usage_after_write`]).
pub fn save(reg: &Register, base: u64) -> Result<usize, SaveError> {
    if let Some(stored) = stored_revision() {
        if stored != base {
            if let Some(v) = newer_schema_stored() {
                return Err(SaveError::NewerVersion(v));
            }
            return Err(SaveError::Conflict { stored });
        }
    }
    write(reg)
}

/// Writes without the revision check (the user chose to overwrite, or restores a backup) — but never
/// over a newer version's data.
pub fn force_save(reg: &Register) -> Result<usize, SaveError> {
    if let Some(v) = newer_schema_stored() {
        return Err(SaveError::NewerVersion(v));
    }
    write(reg)
}

/// Writes the register, reads it back and compares, then writes its revision; returns the register
/// text's size in UTF-16 units.
///
/// The text crosses into JavaScript once, and the read-back is compared there (a string comparison):
/// the 4 MB of 10,000 matters are not copied back into WebAssembly and hashed twice on every save. Only a
/// difference is brought back, to say how it differs.
fn write(reg: &Register) -> Result<usize, SaveError> {
    storage().map_err(SaveError::Other)?;
    let json = js_sys::JsString::from(ROWS.with(|c| reg.to_json_cached(&mut c.borrow_mut())));
    set_item_in_js(KEY, &json).map_err(classify)?;
    let back = item_in_js(KEY).map_err(classify)?;
    if back.as_ref().map(JsValue::from) != Some(JsValue::from(&json)) {
        let (wrote, read) = (String::from(&json), back.map(String::from).unwrap_or_default());
        return Err(SaveError::Verify(format!(
            "写入 {} 字节（校验值 {:08x}），读回 {} 字节（校验值 {:08x}）",
            wrote.len(),
            yingsu_engine::text::fnv1a(&wrote),
            read.len(),
            yingsu_engine::text::fnv1a(&read)
        )));
    }
    // The revision goes last, once the register is known good: a failed check leaves the old revision,
    // so the next attempt reports the same failure instead of a false conflict with itself.
    set_item_in_js(REV_KEY, &js_sys::JsString::from(reg.revision.to_string())).map_err(classify)?;
    // The page's other module (if loaded) takes the new version now (app::follow_storage).
    if let Some(w) = web_sys::window() {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&JsValue::from_str(module_name()));
        if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(SAVED_EVENT, &init) {
            let _ = w.dispatch_event(&e);
        }
    }
    // A JavaScript string's length is its count of UTF-16 units.
    Ok(json.length() as usize)
}

thread_local! {
    /// The register's lines as last written, beside a copy of each matter: a save writes again only the
    /// matters that changed (`store::RowCache`: taken from it only when equal field by field). At 10,000
    /// matters writing every line was most of a save.
    static ROWS: std::cell::RefCell<RowCache<Matter>> = std::cell::RefCell::new(RowCache::default());
}

/// Empties the line cache (the lazily loaded pages' module, when its page is closed).
pub fn forget_rows() {
    ROWS.with(|c| *c.borrow_mut() = RowCache::default());
}

/// Fills the line cache with `n` matters from `from` (without writing anything); gives where the next
/// step starts. [`crate::state::warm_up`] calls it in small steps while the user reads the first page.
pub fn prime_rows(matters: &[Matter], from: usize, n: usize) -> usize {
    ROWS.with(|c| c.borrow_mut().prime(matters, from, n))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `localStorage.getItem` that leaves the value in JavaScript: [`units_in_use`] needs only its length,
    /// [`write`] only compares it.
    #[wasm_bindgen(js_namespace = localStorage, js_name = getItem, catch)]
    fn item_in_js(key: &str) -> Result<Option<js_sys::JsString>, wasm_bindgen::JsValue>;
    /// `localStorage.setItem` of a string already in JavaScript.
    #[wasm_bindgen(js_namespace = localStorage, js_name = setItem, catch)]
    fn set_item_in_js(key: &str, value: &js_sys::JsString) -> Result<(), wasm_bindgen::JsValue>;
}
fn classify(e: wasm_bindgen::JsValue) -> SaveError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" => SaveError::Quota,
        Some(d) => SaveError::Other(format!("{}：{}", d.name(), d.message())),
        None => SaveError::Other("未知错误".into()),
    }
}

/// Share of the origin's quota in use (0.0–1.0), counting keys and values in UTF-16 units.
pub fn usage() -> f64 {
    units_in_use(None) as f64 / QUOTA_UNITS
}

/// [`usage`] right after a save, given the register's size: the register is not read back.
pub fn usage_after_write(register_units: usize) -> f64 {
    units_in_use(Some(register_units)) as f64 / QUOTA_UNITS
}

fn units_in_use(register_units: Option<usize>) -> usize {
    let Ok(st) = storage() else { return 0 };
    let n = st.length().unwrap_or(0);
    let mut units = 0usize;
    for i in 0..n {
        if let Ok(Some(k)) = st.key(i) {
            units += k.encode_utf16().count();
            units += match register_units {
                Some(known) if k == KEY => known,
                // The length of a JavaScript string is its count of UTF-16 units: the 4 MB register is not
                // copied into WebAssembly just to be measured.
                _ => item_in_js(&k).ok().flatten().map_or(0, |v| v.length() as usize),
            };
        }
    }
    units
}

/// Asks the browser to keep this origin's storage (`navigator.storage.persist()`), then reports whether
/// it is persistent.
pub fn request_persistence(done: impl FnOnce(Option<bool>) + 'static) {
    let Some(sm) = web_sys::window().map(|w| w.navigator().storage()) else {
        done(None);
        return;
    };
    leptos::task::spawn_local(async move {
        let granted = match sm.persist() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        done(granted);
    });
}

/// The one-time persistence notice was dismissed in this browser (issue 21).
pub const PERSIST_NOTICE_SEEN: &str = "yingsu.seen.persist-notice";

/// A remembered yes (a notice dismissed …): the key is present.
pub fn flag(key: &str) -> bool {
    storage().ok().and_then(|s| s.get_item(key).ok().flatten()).is_some()
}

/// Remembers a yes under `key` (best effort: a browser without storage shows the notice again).
pub fn set_flag(key: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(key, "1");
    }
}

/// Drafts of matters being edited: one key per tab and matter (`yingsu.draft.<tab>|<案号>`, the new-matter
/// form as `yingsu.draft.<tab>|（新建）`), so one tab never overwrites another's unsaved input (issue 20).
/// Keys without a tab (`yingsu.draft.<案号>`, written before issue 20) are read as drafts of a closed tab.
pub const DRAFT_PREFIX: &str = "yingsu.draft.";
/// The key part of a new matter's draft.
pub const NEW_DRAFT: &str = "（新建）";
const TAB_KEY: &str = "yingsu.tab";

/// Where a live tab says, every few seconds, that it holds its id (`yingsu.tab.alive.<id>`: the time).
const ALIVE_PREFIX: &str = "yingsu.tab.alive.";
/// A tab that said so within this many milliseconds is open.
const ALIVE_MS: f64 = 6_000.0;

/// This tab's id, kept in sessionStorage (it survives reloads and navigation, and a closed tab's id is
/// never reused). A duplicated tab starts with a copy of its original's sessionStorage, so the page's
/// module takes a new id when the id it finds is held by a tab that is still open (it said so within
/// [`ALIVE_MS`]; a reload removes the claim as the page goes): two tabs never share drafts.
pub fn tab_id() -> String {
    thread_local! {
        static TAB: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
    }
    TAB.with(|t| {
        t.get_or_init(|| {
            let st = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
            let found = st.as_ref().and_then(|s| s.get_item(TAB_KEY).ok().flatten());
            // The second module of this page reads what the page's module decided.
            if module_name() == "more" {
                if let Some(id) = found {
                    return id;
                }
            }
            let id = match found {
                Some(id) if !held_elsewhere(&id) => id,
                _ => {
                    let n = (js_sys::Math::random() * 1e12) as u64 ^ (js_sys::Date::now() as u64);
                    format!("t{n:x}")
                }
            };
            if let Some(s) = st {
                let _ = s.set_item(TAB_KEY, &id);
            }
            if module_name() != "more" {
                hold(&id);
            }
            id
        })
        .clone()
    })
}

/// Another open tab holds `id` (a duplicate of this one).
fn held_elsewhere(id: &str) -> bool {
    let at = storage().ok().and_then(|s| s.get_item(&format!("{ALIVE_PREFIX}{id}")).ok().flatten());
    at.and_then(|t| t.parse::<f64>().ok()).is_some_and(|t| js_sys::Date::now() - t < ALIVE_MS)
}

/// Says every two seconds that this tab holds `id`, and takes the claim back when the page goes.
fn hold(id: &str) {
    let key = format!("{ALIVE_PREFIX}{id}");
    let beat = {
        let key = key.clone();
        move || {
            if let Ok(s) = storage() {
                let _ = s.set_item(&key, &js_sys::Date::now().to_string());
            }
        }
    };
    beat();
    let _ = leptos::prelude::set_interval_with_handle(beat, std::time::Duration::from_secs(2));
    let _ = leptos::prelude::window_event_listener_untyped("pagehide", move |_| {
        if let Ok(s) = storage() {
            let _ = s.remove_item(&key);
        }
    });
}

/// A draft's place: the tab that wrote it (empty: written before drafts were kept per tab) and the
/// 案号 it was begun under (`None`: a new matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftKey {
    pub tab: String,
    pub case_no: Option<String>,
}

impl DraftKey {
    pub fn own(case_no: Option<&str>) -> DraftKey {
        DraftKey { tab: tab_id(), case_no: case_no.map(str::to_string) }
    }

    pub fn is_own(&self) -> bool {
        self.tab == tab_id()
    }

    /// The localStorage key.
    pub fn storage_key(&self) -> String {
        let part = self.case_no.as_deref().unwrap_or(NEW_DRAFT);
        if self.tab.is_empty() {
            format!("{DRAFT_PREFIX}{part}")
        } else {
            format!("{DRAFT_PREFIX}{}|{part}", self.tab)
        }
    }

    fn parse(key: &str) -> Option<DraftKey> {
        let rest = key.strip_prefix(DRAFT_PREFIX)?;
        let (tab, part) = match rest.split_once('|') {
            Some((t, p)) if t.starts_with('t') && t.len() > 1 && t[1..].bytes().all(|b| b.is_ascii_hexdigit()) => {
                (t.to_string(), p)
            }
            _ => (String::new(), rest),
        };
        Some(DraftKey { tab, case_no: (part != NEW_DRAFT).then(|| part.to_string()) })
    }
}

/// An unsaved form, kept so that leaving the page (another page, Back, reload, closing the tab) loses nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The stored version the edit began from (to detect that someone else saved meanwhile).
    pub base: Option<Matter>,
    pub draft: Matter,
    /// `YYYY-MM-DD HH:MM` of the last change.
    pub at: String,
}

/// As stored: the matters as canonical `cases.csv` text (the register's own format; no second serialiser
/// of the 70 columns in the page).
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredDraft {
    base: Option<String>,
    draft: String,
    at: String,
}

/// One record as its exchange file's text (header and one row): how a form's unsaved input is kept.
pub fn to_csv<R: yingsu_engine::record::Record>(r: &R) -> String {
    String::from_utf8_lossy(&yingsu_engine::codec::export(std::slice::from_ref(r))).into_owned()
}

/// Reads back what [`to_csv`] kept.
pub fn from_csv<R: yingsu_engine::record::Record>(text: &str) -> Option<R> {
    // A draft may hold what the form refuses to save (an untagged 代理人): the record is kept as read.
    let imp = yingsu_engine::codec::import_text::<R>(text, "UTF-8").ok()?;
    imp.rows.into_iter().next().map(|r| r.record)
}

pub fn load_draft(key: &DraftKey) -> Option<Draft> {
    let raw = storage().ok()?.get_item(&key.storage_key()).ok().flatten()?;
    let d: StoredDraft = serde_json::from_str(&raw).ok()?;
    Some(Draft { base: d.base.as_deref().and_then(from_csv), draft: from_csv(&d.draft)?, at: d.at })
}

pub fn save_draft(key: &DraftKey, d: &Draft) -> Result<(), String> {
    let stored = StoredDraft { base: d.base.as_ref().map(to_csv), draft: to_csv(&d.draft), at: d.at.clone() };
    let json = serde_json::to_string(&stored).map_err(|e| e.to_string())?;
    set_form(&key.storage_key(), &json)
}

pub fn drop_draft(key: &DraftKey) {
    drop_form(&key.storage_key());
}

/// Every matter draft kept in this browser, of every tab (open or closed).
pub fn drafts() -> Vec<DraftKey> {
    let Ok(st) = storage() else { return vec![] };
    (0..st.length().unwrap_or(0)).filter_map(|i| st.key(i).ok().flatten()).filter_map(|k| DraftKey::parse(&k)).collect()
}

/// Unsaved input of a page other than the case form (设置, 机关名录), as JSON text under `key`.
pub fn load_form(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

pub fn set_form(key: &str, json: &str) -> Result<(), String> {
    let st = storage()?;
    st.set_item(key, json).map_err(|e| match classify(e) {
        SaveError::Quota => "存储空间已满".to_string(),
        SaveError::Other(m) => m,
        // classify() only ever gives Quota or Other; a draft has no revision or schema to check.
        _ => String::new(),
    })
}

pub fn drop_form(key: &str) {
    if let Ok(st) = storage() {
        let _ = st.remove_item(key);
    }
}
