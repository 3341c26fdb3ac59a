//! The case form's fields: which stage shows which column, what a column is called for the case type
//! (行政复议 says 申请人, a 建议 says 建议发出机关), which fields do not apply to the type (hidden, never
//! cleared), and the 代理人 list editor.

use leptos::prelude::*;
use yingsu_engine::model::{AgentRole, Agents, CaseType, Column};
use yingsu_engine::Matter;

/// The stages of a matter, and the columns each shows.
pub const GROUPS: &[(&str, &[Column])] = {
    use Column::*;
    &[
        (
            "基本信息",
            &[
                CaseNo,
                CaseType,
                Instance,
                Standing,
                Defendant,
                Agency,
                Handler,
                CoHandlers,
                ActSource,
                Plaintiff,
                Cause,
                Tribunal,
                JointDefendant,
                OriginalAgency,
                Village,
                Simplified,
                WrittenReview,
            ],
        ),
        (
            "收案",
            &[
                ComplaintReceived,
                BureauReceived,
                LetterIssued,
                LetterReceived,
                LeaderReported,
                ContactReported,
                MajorSensitive,
                LargeStake,
                LossRisk,
                RiskReported,
            ],
        ),
        ("答辩举证", &[AnswerBy, MaterialsSubmitted, AnswerFiled, Agents]),
        (
            "庭审",
            &[
                Hearing,
                HearingTime,
                HeadName,
                HeadTitle,
                HeadSpoke,
                PublicInterest,
                HighAttention,
                MassIncident,
                CourtAskedHead,
                HearingPrepared,
            ],
        ),
        ("出庭准备", &[CaseSummary, PolicyBasis, Resolution, Compensation]),
        ("裁判", &[JudgmentType, JudgmentReceived, Outcome, BureauReported, LossReport, Typical, LossCause]),
        (
            "上诉与履行",
            &[
                AppealDecision,
                AppealFiled,
                OriginalReceived,
                OriginalAppealFiled,
                RetrialApplied,
                Effective,
                PerformBy,
                Performed,
                Remake,
                QuashReason,
                Remade,
            ],
        ),
        (
            "建议",
            &[SuggestionReceived, ReplyBy, Urgent, PreLitigation, NormativeSuggestion, ImplementationReported, Replied],
        ),
        ("备注", &[Remarks]),
    ]
};

/// Whether a stage is shown for a matter (suggestions have no court stages; cases no 建议 stage; a 复议
/// heard in writing has no hearing to prepare).
pub fn group_applies(name: &str, m: &Matter) -> bool {
    match name {
        "基本信息" | "备注" => true,
        "建议" => m.case_type.is_suggestion(),
        "出庭准备" => !m.case_type.is_suggestion() && !m.written_review,
        _ => !m.case_type.is_suggestion(),
    }
}

/// Whether a field applies to the matter's type ([`yingsu_engine::form::applies`]: one table for the form and
/// the rules). A field that does not is hidden, never cleared: its stored value stays and is still exported.
pub fn field_applies(col: Column, m: &Matter) -> bool {
    yingsu_engine::form::applies(col, m)
}

/// What the column is called for this matter when the kind gives the shared CSV column another meaning
/// ([`yingsu_engine::form::type_label`]; the rule texts use the same words).
pub fn type_label(col: Column, m: &Matter) -> Option<&'static str> {
    yingsu_engine::form::type_label(col, m)
}

/// A stage's heading in the words of the kind (a 复议 has a 答复, a 听证 and a 复议决定).
pub fn group_label(name: &'static str, m: &Matter) -> &'static str {
    if m.case_type != CaseType::Reconsideration {
        return name;
    }
    match name {
        "答辩举证" => "答复举证",
        "庭审" => "听证",
        "出庭准备" => "听证准备",
        "裁判" => "复议决定",
        "上诉与履行" => "履行",
        _ => name,
    }
}

/// The text of an enum field's empty choice: for a court case an empty 审级 means 一审 (CSV.md).
pub fn empty_choice(col: Column, m: &Matter) -> &'static str {
    if col == Column::Instance && m.case_type.is_litigation() {
        "（未填：按一审）"
    } else {
        "（未填）"
    }
}

/// Fields holding a value that the type hides (shown as a note, so nothing seems to vanish): name and value.
pub fn hidden_with_value(m: &Matter) -> Vec<(&'static str, String)> {
    let empty = Matter::default();
    GROUPS
        .iter()
        .flat_map(|(g, cols)| cols.iter().map(move |c| (*g, *c)))
        .filter(|(g, c)| (!group_applies(g, m) || !field_applies(*c, m)) && c.get(m) != c.get(&empty))
        .filter(|(_, c)| !yingsu_engine::form::drops_instance(m, *c))
        .map(|(_, c)| (c.name(), c.get(m)))
        .collect()
}

/// "其他类型的字段（已填）": the hidden fields that hold a value, with the value — nothing is invisible but set.
#[component]
pub fn HiddenKept(#[prop(into)] draft: Signal<Matter>) -> impl IntoView {
    move || {
        let hidden = draft.with(hidden_with_value);
        (!hidden.is_empty()).then(|| {
            let list = hidden
                .iter()
                .map(|(n, v)| format!("{n}：{}", yingsu_engine::text::visible(v)))
                .collect::<Vec<_>>()
                .join("；");
            view! {
                <p class="hint hidden-kept" data-testid="hidden-kept">
                    <strong>"其他类型的字段（已填）："</strong>{list}
                    "。这些字段不适用于本类型，已隐藏；值仍保留并随台账导出。"
                </p>
            }
        })
    }
}

/// 负责人发言 as the form writes it.
fn spoke(yes: bool) -> String {
    Column::HeadSpoke.get(&Matter { head_spoke: Some(yes), ..Matter::default() })
}

/// After a hearing (issue 21, §7.22): while the head is only 已安排, the matter asks who attended and whether
/// he spoke. The two answers fill 负责人发言 in the form (saved with 保存, like any edit); anyone else attending,
/// or nobody, is corrected in 出庭负责人.
#[component]
pub fn HearingConfirm(
    #[prop(into)] draft: Signal<Matter>,
    today: Signal<chrono::NaiveDate>,
    /// Sets one field of the form (through the edit session: kept as a draft, saved with 保存).
    set: Callback<(Column, String)>,
) -> impl IntoView {
    use yingsu_engine::schedule::Attendance;
    let head_field = format!("f-{}", Column::ALL.iter().position(|c| *c == Column::HeadName).unwrap_or(0));
    move || {
        let (due, text) = draft.with(|m| {
            let due = Attendance::of(m, today.get()) == Attendance::Unconfirmed
                && !m.written_review
                && m.case_type != CaseType::Civil
                && !m.case_type.is_suggestion();
            let day = m.hearing.map(yingsu_engine::dates::fmt).unwrap_or_default();
            let label = |c| yingsu_engine::form::label(c, m);
            let text = format!(
                "{label_h} {day} 已过，{label_n}{head}仍为“已安排”。请确认：",
                label_h = label(Column::Hearing),
                label_n = label(Column::HeadName),
                head = m.head_name.trim()
            );
            (due, text)
        });
        let head_field = head_field.clone();
        due.then(|| view! {
            <div class="banner banner-info confirm-hearing" role="group" aria-label="开庭后确认" data-testid="hearing-confirm">
                <p>{text}</p>
                <button type="button" class="small" on:click=move |_| set.run((Column::HeadSpoke, spoke(true)))>"已出庭并发言"</button>
                <button type="button" class="small" on:click=move |_| set.run((Column::HeadSpoke, spoke(false)))>"已出庭，未发言"</button>
                <button type="button" class="small link" on:click=move |_| {
                    if let Some(el) = document().get_element_by_id(&head_field) {
                        el.scroll_into_view();
                        if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                            let _ = input.focus();
                        }
                    }
                }>"他人出庭或未出庭：修改出庭负责人"</button>
                <span class="hint">"选择后点“保存”记入台账（负责人发言）。"</span>
            </div>
        })
    }
}

/// One row of the 代理人 editor.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: u32,
    name: String,
    /// 工作人员, 律师, or empty (not chosen yet: the entry stays untagged, a validation error).
    role: String,
}

fn rows_of(a: &Agents) -> Vec<Row> {
    a.0.iter()
        .enumerate()
        .map(|(i, x)| Row {
            id: i as u32,
            name: Agents::name_of(x).to_string(),
            role: match x.role {
                AgentRole::Staff => "工作人员".into(),
                AgentRole::Lawyer => "律师".into(),
                AgentRole::Untagged => String::new(),
            },
        })
        .collect()
}

/// The canonical 代理人 cell (CSV.md): `姓名（工作人员）；姓名（律师）`; rows without a name are left out.
fn cell_of(rows: &[Row]) -> String {
    rows.iter()
        .filter(|r| !r.name.trim().is_empty())
        .map(|r| if r.role.is_empty() { r.name.trim().to_string() } else { format!("{}（{}）", r.name.trim(), r.role) })
        .collect::<Vec<_>>()
        .join("；")
}

/// 代理人 as a list: 姓名 + 身份 per row, with add and remove. Writes the canonical cell through `set`.
#[component]
pub fn AgentsEditor(id: String, initial: Agents, current: Signal<Agents>, set: Callback<String>) -> impl IntoView {
    let rows = RwSignal::new(rows_of(&initial));
    let next = StoredValue::new(rows.with_untracked(|r| r.len() as u32));
    let write = move || set.run(rows.with_untracked(|r| cell_of(r)));
    // After a name is typed (`李明律师`), show what the matter now holds (`李明` + 律师).
    let resync = move || {
        let now = current.get_untracked();
        if rows.with_untracked(|r| cell_of(r)) != yingsu_engine::model::Cell::format_cell(&now) {
            let base = next.get_value();
            let fresh: Vec<Row> = rows_of(&now).into_iter().map(|r| Row { id: r.id + base, ..r }).collect();
            next.set_value(base + fresh.len() as u32);
            rows.set(fresh);
        }
    };
    let add = move |_| {
        let id = next.get_value();
        next.set_value(id + 1);
        rows.update(|r| r.push(Row { id, name: String::new(), role: "工作人员".into() }));
    };
    let labelled = format!("{id}-label");
    view! {
        <div class="agents" role="group" aria-labelledby=labelled data-testid="agents-editor">
            <For each=move || rows.get() key=|r| r.id let:row>
                {
                    let rid = row.id;
                    let name_id = format!("{id}-name-{rid}");
                    let role_id = format!("{id}-role-{rid}");
                    view! {
                        <div class="agent-row" data-testid="agent-row">
                            <label for=name_id.clone() class="sr-label">"姓名"</label>
                            <input type="text" id=name_id placeholder="姓名" prop:value=row.name.clone()
                                on:input=move |e| { let v = event_target_value(&e); rows.update(|r| if let Some(x) = r.iter_mut().find(|x| x.id == rid) { x.name = v; }); write(); }
                                on:change=move |_| resync()/>
                            <label for=role_id.clone() class="sr-label">"身份"</label>
                            <select id=role_id prop:value=row.role.clone()
                                on:change=move |e| { let v = event_target_value(&e); rows.update(|r| if let Some(x) = r.iter_mut().find(|x| x.id == rid) { x.role = v; }); write(); }>
                                <option value="">"（请选择身份）"</option>
                                <option value="工作人员">"工作人员"</option>
                                <option value="律师">"律师"</option>
                            </select>
                            <button type="button" class="small" on:click=move |_| { rows.update(|r| r.retain(|x| x.id != rid)); write(); }>"删除"</button>
                        </div>
                    }
                }
            </For>
            <button type="button" class="small" on:click=add>"添加代理人"</button>
            <span class="hint">"第九条、第十六条：至少一名本机关工作人员。"</span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yingsu_engine::model::{Cell, Instance};

    #[test]
    fn reconsideration_speaks_its_own_language_and_hides_what_does_not_apply() {
        let mut m = Matter::new("复");
        m.case_type = CaseType::Reconsideration;
        assert_eq!(type_label(Column::Plaintiff, &m), Some("申请人"));
        assert_eq!(type_label(Column::ComplaintReceived, &m), Some("申请书副本收到日"));
        assert_eq!(type_label(Column::Tribunal, &m), Some("复议机关"));
        assert!(field_applies(Column::Simplified, &m));
        m.written_review = true;
        m.hearing = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
        assert!(!field_applies(Column::Hearing, &m));
        assert!(!group_applies("出庭准备", &m));
        assert_eq!(hidden_with_value(&m), vec![("开庭日", "2025-03-01".to_string())], "hidden, kept, and said so");
        // Issue 21: the 一审 older versions stored for every matter is no value of a 复议; 二审 is, and is listed.
        m.instance = Some(Instance::First);
        assert_eq!(hidden_with_value(&m).len(), 1);
        m.instance = Some(Instance::Second);
        assert!(hidden_with_value(&m).contains(&("审级", "二审".to_string())));
        m.instance = None;
        m.case_type = CaseType::JudicialSuggestion;
        assert!(!field_applies(Column::Instance, &m));
        assert_eq!(group_label("裁判", &m), "裁判");
        m.case_type = CaseType::Reconsideration;
        assert_eq!(group_label("裁判", &m), "复议决定");
        assert_eq!(empty_choice(Column::Instance, &m), "（未填）");
        m.case_type = CaseType::JudicialSuggestion;
        assert_eq!(type_label(Column::Plaintiff, &m), Some("建议发出机关"));
    }

    /// (r3 §7.7) the answer trigger reads in the words of the 审级; 诉讼地位 is a field of every 案件.
    #[test]
    fn r3_trigger_label_follows_the_instance() {
        let mut m = Matter::new("x");
        assert_eq!(type_label(Column::ComplaintReceived, &m), None);
        m.instance = Some(Instance::Second);
        assert_eq!(type_label(Column::ComplaintReceived, &m), Some("上诉状副本收到日"));
        m.instance = Some(Instance::Retrial);
        assert_eq!(type_label(Column::ComplaintReceived, &m), Some("再审申请书副本收到日"));
        m.case_type = CaseType::Reconsideration;
        assert_eq!(type_label(Column::ComplaintReceived, &m), Some("申请书副本收到日"));
        assert!(field_applies(Column::Standing, &m));
        let basics = GROUPS[0].1;
        let at = |c: Column| basics.iter().position(|x| *x == c).unwrap();
        assert_eq!(at(Column::Standing), at(Column::Instance) + 1, "诉讼地位 beside 审级");
    }

    #[test]
    fn the_agents_editor_writes_the_csv_form() {
        let a = Agents::parse_cell("王芳（工作人员）；某所(律师)；张三").unwrap();
        let rows = rows_of(&a);
        assert_eq!(rows.iter().map(|r| r.role.as_str()).collect::<Vec<_>>(), vec!["工作人员", "律师", ""]);
        assert_eq!(cell_of(&rows), "王芳（工作人员）；某所（律师）；张三");
    }
}
