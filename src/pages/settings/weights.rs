//! 考核分值: the points of the five items of 第二十八条 on the 考核表. The regulation names the items
//! but no points, so they are a local setting, labelled as such.

use crate::state::AppState;
use leptos::prelude::*;
use yingsu_engine::model::DEFAULT_WEIGHTS;
use yingsu_engine::periodic::score::ITEMS;

#[component]
pub fn Weights() -> impl IntoView {
    let state = AppState::expect();
    let current = state.reg.with_untracked(|r| r.settings.assessment_weights);
    let sigs: Vec<RwSignal<String>> = current.iter().map(|w| RwSignal::new(w.to_string())).collect();
    let message = RwSignal::new(String::new());
    let sigs = StoredValue::new(sigs);
    let save = move |_| {
        let mut w = [0u32; 5];
        for (i, item) in ITEMS.iter().enumerate() {
            let v = sigs.with_value(|s| s[i].get_untracked());
            match v.trim().parse::<u32>().ok().filter(|n| *n <= 100) {
                Some(n) => w[i] = n,
                None => return message.set(format!("「{}分值」应为 0 到 100 的整数，收到「{v}」", item.name)),
            }
        }
        state.mutate(|r| r.settings.assessment_weights = w);
        message.set(format!("考核分值已保存，合计 {} 分。", w.iter().sum::<u32>()));
    };
    let reset = move |_| {
        sigs.with_value(|s| s.iter().zip(DEFAULT_WEIGHTS).for_each(|(s, w)| s.set(w.to_string())));
        message.set("已恢复默认分值（尚未保存）。".into());
    };
    view! {
        <fieldset class="group" data-testid="weights"><legend>"考核分值（第二十八条）"</legend>
            <p class="hint">"本地设置，规则未规定分值。第二十八条规定将下列五项纳入年度考核，但未规定分值；默认各 20 分、合计 100 分。各项得分＝分值×按时完成数/应完成数。"</p>
            <div class="fields">
                {ITEMS.iter().enumerate().map(|(i, item)| {
                    let id = format!("s-weight-{i}");
                    let s = sigs.with_value(|s| s[i]);
                    view! {
                        <div class="field"><label for=id.clone()>{format!("{}分值", item.name)}</label>
                            <input id=id type="number" min="0" max="100" prop:value=move || s.get() on:input=move |e| s.set(event_target_value(&e))/></div>
                    }
                }).collect_view()}
            </div>
            <div class="actions">
                <button type="button" on:click=save>"保存考核分值"</button>
                <button type="button" on:click=reset>"恢复默认"</button>
                <span class="message" role="status" data-testid="weights-message">{move || message.get()}</span>
            </div>
        </fieldset>
    }
}
