//! A [`Paper`] on the page: the 公文 print layout (GB/T 9704-2012; the figures are in `style/main.css`
//! under "公文") and its Word export through the second wasm module (`window.yingsuDocx`, loaded on demand).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yingsu_engine::paper::{Block, Paper};

/// The paper as the print layout: hidden on screen (unless 公文预览), the only thing a printout holds.
#[component]
pub fn PaperView(paper: Paper) -> impl IntoView {
    // What prints is what the .docx holds: hidden controls written out, none applied (issue 21).
    let paper = paper.cleaned();
    let block = |b: Block| {
        match b {
            Block::H1(s) => view! { <h3 class="gw-h1">{s}</h3> }.into_any(),
            Block::H2(s) => view! { <h4 class="gw-h2">{s}</h4> }.into_any(),
            Block::P(s) => view! { <p class="gw-p">{s}</p> }.into_any(),
            Block::Table(t) => {
                // 3号 where it fits; 4号 (small); 小4号 for five columns or more (GB/T 9704 allows smaller tables).
                let class = match (t.small, t.head.len() >= 5) {
                    (_, true) => "gw-table smaller",
                    (true, false) => "gw-table small",
                    _ => "gw-table",
                };
                // Short cells (dates, counts, case numbers) do not wrap; text does.
                let td = |c: String| {
                    let nw = c.chars().count() <= 12;
                    view! { <td class:nw=nw>{c}</td> }
                };
                view! {
                <table class=class>
                    <thead><tr>{t.head.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr></thead>
                    <tbody>{t.rows.into_iter().map(|r| view! { <tr>{r.into_iter().map(td).collect_view()}</tr> }).collect_view()}</tbody>
                </table>
            }
            .into_any()
            }
            Block::Chart(c) => {
                let max = c.bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
                view! {
                <figure class="gw-chart">
                    <figcaption>{c.title}</figcaption>
                    <table>
                        <tbody>{c.bars.into_iter().map(|(l, n)| {
                            // A bar is an SVG fill in black: it prints even with background graphics off.
                            let w = (n * 100 / max).max(1);
                            view! { <tr><th scope="row">{l}</th><td class="gw-bar-cell"><svg class="gw-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect x="0" y="0" width=w height="10"></rect></svg></td><td class="gw-n">{n}</td></tr> }
                        }).collect_view()}</tbody>
                    </table>
                </figure>
            }
            .into_any()
            }
            Block::PageBreak => view! { <div class="gw-break"></div> }.into_any(),
        }
    };
    // The last block goes to the page of the 落款: a 落款 alone on a page is not a 公文 (GB/T 9704 7.3.5).
    let mut blocks = paper.blocks;
    let last = if paper.signature.is_some() { blocks.pop() } else { None };
    view! {
        <article class="gongwen" data-testid="paper">
            <div class="gw-title">{paper.title.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</div>
            {(!paper.subtitle.is_empty()).then(|| view! { <p class="gw-sub">{paper.subtitle}</p> })}
            {blocks.into_iter().map(block).collect_view()}
            {paper.signature.map(|s| view! {
                <div class="gw-tail">
                    {last.map(block)}
                    <div class="gw-sign" data-testid="signature">
                        <div class="gw-sign-block"><p>{s.agency}</p><p data-testid="signature-date">{s.date}</p></div>
                    </div>
                </div>
            })}
        </article>
    }
}

/// Writes the paper as a .docx through the Word module (fetched the first time) and offers the download.
/// The file's 作者 is 本机关 and the user name, its 创建时间 today (docProps/core.xml).
pub fn download_docx(mut paper: Paper, msg: RwSignal<String>) {
    let state = crate::state::AppState::expect();
    paper.meta = state.reg.with_untracked(|r| yingsu_engine::paper::DocMeta {
        author: [r.profile.agency.trim(), r.profile.user.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        date: yingsu_engine::dates::fmt(state.today.get_untracked()),
    });
    let name = format!("{}.docx", paper.file_stem);
    let json = match serde_json::to_string(&paper) {
        Ok(j) => j,
        Err(e) => return msg.set(format!("导出失败：{e}")),
    };
    msg.set("正在生成 Word 文档……".into());
    leptos::task::spawn_local(async move {
        let result = async {
            let f = js_sys::Reflect::get(&window(), &"yingsuDocx".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .ok_or("页面缺少 Word 导出模块")?;
            let promise: js_sys::Promise = f
                .call1(&wasm_bindgen::JsValue::NULL, &json.into())
                .map_err(|_| "无法启动 Word 导出模块")?
                .dyn_into()
                .map_err(|_| "Word 导出模块无响应")?;
            let bytes = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| {
                format!(
                    "Word 导出模块无法加载或出错（{}）",
                    e.as_string().unwrap_or_else(|| "请检查网络或刷新页面".into())
                )
            })?;
            let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
            crate::files::download(
                &name,
                &bytes,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )?;
            Ok::<_, String>(())
        }
        .await;
        msg.set(match result {
            Ok(()) => format!("已导出 {name}"),
            Err(e) => format!("导出失败：{e}"),
        });
    });
}
