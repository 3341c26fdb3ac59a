//! Which build this is and where its data lives: the version (footer, 设置 → 关于) and the one-time notice
//! of a copy opened from disk (`file://`, the single-file `应诉通.html`).

use leptos::prelude::*;
use yingsu_engine::VERSION;

/// Set once the user has read the `file://` notice.
const FILE_NOTICE_KEY: &str = "yingsu.fileNoticeRead";

/// Whether this page was opened from disk (`file://`) rather than from a server.
pub fn from_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// This page's address without the `#/…` route: the register belongs to it.
fn address() -> String {
    let l = window().location();
    let href = l.href().unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    // Readable: 应诉通.html rather than %E5%BA%94….
    js_sys::decode_uri(page).ok().and_then(|s| s.as_string()).unwrap_or_else(|| page.to_string())
}

/// The version in the footer.
#[component]
pub fn VersionTag() -> impl IntoView {
    view! { <span class="version" data-testid="app-version">"应诉通 " {VERSION}</span> }
}

/// Opened from `file://`: says once where the data lives and why a served copy is better on shared PCs.
#[component]
pub fn FileNotice() -> impl IntoView {
    let storage = window().local_storage().ok().flatten();
    let read = storage.as_ref().and_then(|s| s.get_item(FILE_NOTICE_KEY).ok().flatten()).is_some();
    let show = RwSignal::new(from_file() && !read);
    let dismiss = move |_| {
        if let Some(s) = &storage {
            let _ = s.set_item(FILE_NOTICE_KEY, "1");
        }
        show.set(false);
    };
    move || {
        show.get().then(|| {
            view! {
                <div class="banners"><div class="banner banner-info" role="note" data-testid="file-notice">
                    <strong>"本页面是从本机文件打开的。"</strong>
                    "数据保存在这台电脑上、本浏览器当前用户的本地存储中（不在这个文件里，也不上传任何地方）：复制或移动这个文件不会带走数据，换电脑、换浏览器或换系统用户就看不到这些数据；"
                    "浏览器里从本机打开的其他网页文件也能读写这份存储。多人共用的电脑请改用由本单位内网服务器提供的网址（每个登记簿一个网址，见随附的《部署说明》），"
                    "并定期在“设置”中导出完整备份。"
                    <button type="button" on:click=dismiss.clone()>"知道了"</button>
                </div></div>
            }
        })
    }
}

/// 设置 → 关于: version, regulation, and where this register is kept.
#[component]
pub fn About() -> impl IntoView {
    let place = if from_file() {
        "本机文件（file://）：数据在本浏览器当前用户的本地存储中，所有从本机打开的网页文件共用。"
    } else {
        "本网址：数据在本浏览器当前用户的本地存储中，只属于这个网址（协议、服务器和端口）。"
    };
    view! {
        <section class="block about">
            <h2>"关于"</h2>
            <dl class="facts">
                <dt>"版本"</dt><dd data-testid="about-version">{VERSION}</dd>
                <dt>"依据"</dt><dd>"《通州区行政机关应诉规则》（通政办发〔2022〕11号）"</dd>
                <dt>"本页地址"</dt><dd class="address">{address()}</dd>
                <dt>"数据保存在"</dt><dd>{place}</dd>
            </dl>
        </section>
    }
}
