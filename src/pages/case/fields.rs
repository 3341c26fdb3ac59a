//! The case form's fields: which stage shows which column, what a column is called for the case type
//! (行政复议 says 申请人, a 建议 says 建议发出机关), which fields do not apply to the type (hidden, never
//! cleared), and the 代理人 list editor.

use leptos::prelude::*;
use yingsu_engine::model::{AgentRole, Agents, CaseType, Column, Defendant, Instance};
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

/// Whether a field applies to the matter's type. A field that does not is hidden, never cleared: its
/// stored value stays and is still exported.
pub fn field_applies(col: Column, m: &Matter) -> bool {
    let t = m.case_type;
    match col {
        Column::Instance | Column::Standing => !t.is_suggestion(),
        // (r3 §7.10) a lawsuit has a 简易程序 too (its 答辩、举证期限 is the court's: 答辩期限).
        Column::Simplified => t == CaseType::Reconsideration || t.is_litigation(),
        Column::WrittenReview => t == CaseType::Reconsideration,
        Column::PreLitigation => t == CaseType::ProcuratorialSuggestion,
        Column::NormativeSuggestion => t == CaseType::JudicialSuggestion,
        Column::OriginalAgency | Column::OriginalAppealFiled | Column::OriginalReceived => {
            m.defendant == Defendant::DistrictGov
        }
        Column::RetrialApplied => m.instance == Instance::Second,
        Column::Hearing
        | Column::HearingTime
        | Column::HeadName
        | Column::HeadTitle
        | Column::HeadSpoke
        | Column::CourtAskedHead
        | Column::HearingPrepared => !m.written_review,
        _ => true,
    }
}

/// What the column is called for this matter, when the CSV column is shared with another meaning: by case
/// type, and (r3 §7.7) the answer trigger by 审级 (上诉状副本收到日 in 二审, 再审申请书副本收到日 in 再审).
pub fn type_label(col: Column, m: &Matter) -> Option<&'static str> {
    let t = m.case_type;
    match (col, t) {
        (Column::Plaintiff, CaseType::Reconsideration) => Some("申请人"),
        (Column::ComplaintReceived, CaseType::Reconsideration) => Some("申请书副本收到日"),
        (Column::ComplaintReceived, _) if m.instance == Instance::Second => Some("上诉状副本收到日"),
        (Column::ComplaintReceived, _) if m.instance == Instance::Retrial => Some("再审申请书副本收到日"),
        (Column::Tribunal, CaseType::Reconsideration) => Some("复议机关"),
        (Column::Plaintiff, t) if t.is_suggestion() => Some("建议发出机关"),
        _ => None,
    }
}

/// Fields holding a value that the type hides (shown as a note, so nothing seems to vanish).
pub fn hidden_with_value(m: &Matter) -> Vec<&'static str> {
    let empty = Matter::default();
    GROUPS
        .iter()
        .flat_map(|(g, cols)| cols.iter().map(move |c| (*g, *c)))
        .filter(|(g, c)| (!group_applies(g, m) || !field_applies(*c, m)) && c.get(m) != c.get(&empty))
        .map(|(_, c)| c.name())
        .collect()
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
    use yingsu_engine::model::Cell;

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
        assert_eq!(hidden_with_value(&m), vec!["开庭日"], "hidden, kept, and said so");
        m.case_type = CaseType::JudicialSuggestion;
        assert!(!field_applies(Column::Instance, &m));
        assert_eq!(type_label(Column::Plaintiff, &m), Some("建议发出机关"));
    }

    /// (r3 §7.7) the answer trigger reads in the words of the 审级; 诉讼地位 is a field of every 案件.
    #[test]
    fn r3_trigger_label_follows_the_instance() {
        let mut m = Matter::new("x");
        assert_eq!(type_label(Column::ComplaintReceived, &m), None);
        m.instance = Instance::Second;
        assert_eq!(type_label(Column::ComplaintReceived, &m), Some("上诉状副本收到日"));
        m.instance = Instance::Retrial;
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
