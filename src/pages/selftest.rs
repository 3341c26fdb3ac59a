//! 规则核验 (under 规则): runs the engine's built-in scenarios here, in the browser, and shows each result.

use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::dates::fmt;
use yingsu_engine::selftest::{run, SCENARIOS};

#[component]
pub fn SelfTest() -> impl IntoView {
    let state = AppState::expect();
    let outcomes = Memo::new(move |_| {
        let cal = state.calendar.get();
        SCENARIOS.iter().map(|s| run(s, &cal)).collect::<Vec<_>>()
    });
    let passed = move || outcomes.with(|o| o.iter().filter(|x| x.pass).count());
    let d = |x: Option<chrono::NaiveDate>| x.map(fmt).unwrap_or_else(|| "—".into());
    view! {
        <section class="page selftest">
            <h1>"规则核验"</h1>
            <nav class="subnav" aria-label="规则">
                <a href="#/rules">"条文与解释"</a>
                <a href="#/selftest" aria-current="page">"规则核验"</a>
            </nav>
            <p class="banner banner-info" data-testid="selftest-scope">"规则核验检查的是本软件：用规则条文和算例中的固定场景核对期限计算是否正确，不检查您登记的案件数据。核对您的数据请用“报表”中的报送前自查。"</p>
            <p>"以下场景取自规则条文和 RULES.md 的算例，在本浏览器中由规则引擎实时计算。"</p>
            <p class="summary" data-testid="selftest-summary">{move || format!("通过 {} / {} 项", passed(), outcomes.with(Vec::len))}</p>
            <table class="grid">
                <thead><tr><th>"场景"</th><th>"规则"</th><th>"预期期限"</th><th>"计算期限"</th><th>"预期状态"</th><th>"计算状态"</th><th>"结果"</th><th>"说明"</th></tr></thead>
                <tbody>{move || outcomes.get().into_iter().map(|o| view! {
                    <tr class:fail=!o.pass>
                        <td>{o.name}</td><td>{o.rule.label()}</td>
                        <td class="date">{d(o.expected_due)}</td><td class="date">{d(o.due)}</td>
                        <td>{o.expected_status.label()}</td><td>{o.status.map(|s| s.label()).unwrap_or("—")}</td>
                        <td>{if o.pass { view! { <span class="chip chip-ok">"通过"</span> } } else { view! { <span class="chip chip-bad">"失败"</span> } }}</td>
                        <td class="why">{o.explanation}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </section>
    }
}
