//! 区司法局's merge: a conflict shown field by field (each file's value side by side, a choice per field,
//! "全部采用" as a shortcut), and the warnings a preview must give before anything is taken — 非本机关文件
//! and erased done dates / 出庭负责人.

use leptos::prelude::*;
use std::collections::BTreeMap;
use yingsu_engine::exchange::{Conflict, Preview};
use yingsu_engine::Column;

/// The version preselected for a field: the first one that holds a value (an empty cell is rarely the
/// answer), else the first.
fn default_choice(c: &Conflict, col: Column) -> usize {
    c.versions
        .iter()
        .position(|v| {
            let x = col.get(&v.2);
            !x.is_empty() && x != "否"
        })
        .unwrap_or(0)
}

/// One conflict: a table of the differing fields, a radio per version and field.
#[component]
pub fn ConflictResolver(conflict: Conflict, resolve: Callback<BTreeMap<Column, usize>>) -> impl IntoView {
    let differing = conflict.differing();
    let choices: RwSignal<BTreeMap<Column, usize>> =
        RwSignal::new(differing.iter().map(|c| (*c, default_choice(&conflict, *c))).collect());
    let no = conflict.case_no.clone();
    let versions = conflict.versions.clone();
    let n = versions.len();
    let all = differing.clone();
    view! {
        <div class="conflict-box" data-testid="import-conflict" data-case=no.clone()>
            <h4>{format!("案号 {no}：{} 个字段不同", differing.len())}</h4>
            <div class="table-scroll">
                <table class="grid sticky-first conflict-table">
                    <thead><tr><th scope="col">"字段"</th>
                        {versions.iter().map(|(file, row, _)| view! { <th scope="col">{format!("{file} 第{row}行")}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{differing.iter().map(|col| {
                        let col = *col;
                        let group = format!("pick-{no}-{}", col.name());
                        view! {
                            <tr data-field=col.name()><th scope="row">{col.name()}</th>
                                {versions.iter().enumerate().map(|(i, (file, _, m))| {
                                    let value = col.get(m);
                                    let shown = if value.is_empty() { "（空）".to_string() } else { value };
                                    let label = format!("{}：采用 {file} 的值", col.name());
                                    view! {
                                        <td class:chosen=move || choices.with(|c| c.get(&col) == Some(&i))>
                                            <label class="pick">
                                                <input type="radio" name=group.clone() aria-label=label
                                                    prop:checked=move || choices.with(|c| c.get(&col) == Some(&i))
                                                    on:change=move |_| choices.update(|c| { c.insert(col, i); })/>
                                                <span>{shown}</span>
                                            </label>
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
            </div>
            <div class="actions">
                {(0..n).map(|i| {
                    let all = all.clone();
                    let file = versions[i].0.clone();
                    view! { <button type="button" on:click=move |_| choices.set(all.iter().map(|c| (*c, i)).collect())>{format!("全部采用 {file}")}</button> }
                }).collect_view()}
                <button type="button" class="primary" on:click=move |_| resolve.run(choices.get_untracked())>"按所选字段合并"</button>
            </div>
        </div>
    }
}

/// Warnings before a commit: 非本机关文件 (with the tick that acknowledges it) and erasures.
#[component]
pub fn PreviewWarnings(p: Preview, foreign_ok: RwSignal<bool>) -> impl IntoView {
    let guarded = p.erasures().len();
    // (issue 20) Every field the commit would empty is named, not only done dates and 出庭负责人.
    let emptied = p.emptied();
    let foreign = p.foreign.clone();
    view! {
        {(!foreign.is_empty()).then(|| view! {
            <div class="banner banner-bad" role="alert" data-testid="foreign">
                <strong>{format!("非本机关文件：{} 个案件的所属机关与台账记录不同", foreign.len())}</strong>
                <ul>{foreign.iter().map(|f| view! {
                    <li>{if f.new {
                        format!("{}：新案件 {} 在文件中属于「{}」，本台账的本机关为「{}」", f.file, f.case_no, f.file_agency, f.recorded_agency)
                    } else {
                        format!("{}：案号 {} 在文件中属于「{}」，台账记录为「{}」", f.file, f.case_no, f.file_agency, f.recorded_agency)
                    }}</li>
                }).collect_view()}</ul>
                <label class="check"><input type="checkbox" prop:checked=move || foreign_ok.get()
                    on:change=move |e| foreign_ok.set(event_target_checked(&e))/>"我已核对，仍要导入这些案件"</label>
            </div>
        })}
        {(!emptied.is_empty()).then(|| view! {
            <div class="banner banner-bad" role="alert" data-testid="erasures">
                {if guarded > 0 {
                    view! {
                        <strong>{format!("将清空 {guarded} 个已填写的完成日期或出庭负责人")}</strong>
                        "（已完成的义务会重新变为未完成或已逾期）。"
                    }.into_any()
                } else {
                    view! { <strong>{format!("将清空 {} 个已填写的字段", emptied.len())}</strong> }.into_any()
                }}
                "以下单元格在文件中为空，导入后台账中的值将被清空："
                <ul>{emptied.iter().map(|(no, field, old)| view! { <li>{format!("{no}「{field}」：{old} → （空）")}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
