//! Saving a matter shows every due date it moves (before → after) for confirmation first.

use chrono::NaiveDate;
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::{Obligation, RuleId};

/// A moved due date, for the before → after review.
#[derive(Clone, PartialEq)]
pub(super) struct Moved {
    rule: RuleId,
    title: &'static str,
    before: Option<NaiveDate>,
    after: Option<NaiveDate>,
}

pub(super) fn moved_dates(before: &[Obligation], after: &[Obligation]) -> Vec<Moved> {
    let mut rules: Vec<RuleId> = before.iter().chain(after).map(|o| o.rule).collect();
    yingsu_engine::sort::natural(&mut rules);
    rules.dedup();
    rules
        .into_iter()
        .filter_map(|r| {
            let b = before.iter().find(|o| o.rule == r).and_then(|o| o.due);
            let a = after.iter().find(|o| o.rule == r).and_then(|o| o.due);
            let title = after.iter().chain(before).find(|o| o.rule == r).map_or(r.info().title, |o| o.title);
            (b != a).then_some(Moved { rule: r, title, before: b, after: a })
        })
        .collect()
}

/// The review of the moved due dates, with 确认保存 and 返回修改.
#[component]
pub(super) fn DateReview(moved: Vec<Moved>, confirm: Callback<()>, back: Callback<()>) -> impl IntoView {
    view! {
        <div class="review" role="dialog" aria-label="期限变动确认" data-testid="review">
            <h2>"本次修改会改变以下期限"</h2>
            <table class="grid"><thead><tr><th>"规则"</th><th>"义务"</th><th>"修改前"</th><th>"修改后"</th></tr></thead>
            <tbody>{moved.into_iter().map(|m| view! {
                <tr><td>{m.rule.label()}</td><td>{m.title}</td>
                    <td class="date">{m.before.map(fmt).unwrap_or_else(|| "（无）".into())}</td>
                    <td class="date">{m.after.map(fmt).unwrap_or_else(|| "（无）".into())}</td></tr>
            }).collect_view()}</tbody></table>
            <button type="button" class="primary" on:click=move |_| confirm.run(())>"确认保存"</button>
            <button type="button" on:click=move |_| back.run(())>"返回修改"</button>
        </div>
    }
}
