//! How a matter reads for its kind (issue 21): which columns of `cases.csv` apply to a 案件类型, what the
//! case form calls a column for that kind (a 行政复议 has a 被申请人 and a 申请书副本收到日, a 建议 a
//! 建议发出机关), and the title of a duty in the kind's words (a 复议 is answered with a 答复, not an 答辩状).
//! The form and every rule text use these, so the 说明 of a missing trigger names the field exactly as the
//! form labels it. The CSV column names never change (CSV.md is the exchange contract).
//!
//! Which columns apply, by kind (decided from RULES.md §3 and §7, CSV.md):
//!
//! | column | 行政诉讼, 行政公益诉讼 | 民事诉讼 | 行政复议 | 司法建议, 检察建议 | 法制建议, 行政复议意见书 |
//! |---|---|---|---|---|---|
//! | 审级 | ✓ | ✓ | — (single level) | — | — |
//! | 诉讼地位 | ✓ | ✓ | ✓ (被申请人, 第三人) | — | — |
//! | 被诉行为来源 (第五条, R05, R10) | ✓ | — (R05 not civil) | ✓ | — | — |
//! | 审理机关 | ✓ | ✓ | ✓ as 复议机关 | — (建议发出机关 is 原告's column) | — |
//! | 复议共同被告 (第十条) | ✓ | — | — (a 复议 is not a 复议共同被告 case) | — | — |
//! | 涉及村委会 (R24) | ✓ | ✓ | ✓ | — | — |
//! | 法院建议出庭 (行诉解释第129条, R18A) | ✓ | — (R18A not civil) | — (no court) | — | — |
//! | 上诉决定, 上诉提交日 (R11C, R20, R20R) | ✓ | ✓ | — (R11C/R20/R20R not 复议) | — | — |
//! | 原行政行为机关, 原机关签收日, 原机关上诉提交日 (R11D) | 区政府 only | 区政府 only | — | — | — |
//! | 再审申请日 (R20R) | 二审 only | 二审 only | — | — | — |
//! | 简易程序 | ✓ (§7.10) | ✓ | ✓ | — | — |
//! | 书面审理 | — | — | ✓ | — | — |
//! | 开庭日 … 出庭准备日 (R18A, R18C, R19, R19B) | unless 书面审理 | unless 书面审理 | unless 书面审理 (as 听证) | — | — |
//! | 建议 columns | — | — | — | ✓ | 建议收到日, 建议回复期限 (法制建议 only), 建议回复日 |
//! | 紧急, 落实情况报送日 (R13A, R22A) | — | — | — | ✓ | — |
//! | 诉前检察建议 | — | — | — | 检察建议 | — |
//! | 规范性文件建议 | — | — | — | 司法建议 | — |
//!
//! 被告类型 applies to every kind (区政府 → chapter 2: R13 for a 建议 to 区政府, 第三十条 for a 复议); a 复议 calls it
//! 被申请人, a 建议 建议对象. 裁判文书签收日 and 裁判结果 apply to a 复议 as its 复议决定 (R11A/R11B, R12/R21, §6.7):
//! the form calls them 复议决定书签收日 and 复议结果. Court-only columns of a 建议 are in stages the form hides.

use crate::model::{CaseType as Ty, Column, Defendant as Def, Instance as Lvl, Matter};

/// Whether a column applies to the matter's kind (see the table above). A column that does not is hidden in
/// the form, never cleared: its stored value stays and is still exported.
pub fn applies(col: Column, m: &Matter) -> bool {
    use Column::*;
    let t = m.case_type;
    let suggestion = t.is_suggestion();
    let review = t == Ty::Reconsideration;
    let civil = t == Ty::Civil;
    match col {
        Instance => t.is_litigation(),
        Standing | Tribunal | Village | Simplified => !suggestion,
        ActSource => !suggestion && !civil,
        JointDefendant | CourtAskedHead => matches!(t, Ty::AdminLitigation | Ty::PublicInterest),
        WrittenReview => review,
        AppealDecision | AppealFiled => t.is_litigation(),
        OriginalAgency | OriginalAppealFiled | OriginalReceived => t.is_litigation() && m.defendant == Def::DistrictGov,
        RetrialApplied => t.is_litigation() && m.instance() == crate::model::Instance::Second,
        Hearing | HearingTime | HeadName | HeadTitle | HeadSpoke | HearingPrepared | PublicInterest | HighAttention
        | MassIncident => !suggestion && !m.written_review,
        CaseSummary | PolicyBasis | Resolution | Compensation => !suggestion && !m.written_review,
        ComplaintReceived | BureauReceived | LetterIssued | LetterReceived | LeaderReported | ContactReported
        | MajorSensitive | LargeStake | LossRisk | RiskReported | AnswerBy | MaterialsSubmitted | AnswerFiled
        | Agents | JudgmentType | JudgmentReceived | Outcome | BureauReported | LossReport | Typical | LossCause
        | Effective | PerformBy | Performed | Remake | QuashReason | Remade => !suggestion,
        SuggestionReceived | Replied => suggestion,
        ReplyBy => suggestion && t != Ty::ReconsiderationOpinion,
        Urgent | ImplementationReported => t.is_court_or_procuratorate_suggestion(),
        PreLitigation => t == Ty::ProcuratorialSuggestion,
        NormativeSuggestion => t == Ty::JudicialSuggestion,
        CaseNo | CaseType | Defendant | Agency | Handler | CoHandlers | Plaintiff | Cause | Remarks => true,
    }
}

/// What the form calls a column for this matter when the kind gives the shared CSV column another meaning:
/// by 案件类型 and (r3 §7.7) the answer trigger by 审级. `None`: the CSV name.
pub fn type_label(col: Column, m: &Matter) -> Option<&'static str> {
    use Column::*;
    let t = m.case_type;
    if t == Ty::Reconsideration {
        return match col {
            Defendant => Some("被申请人"),
            Plaintiff => Some("申请人"),
            ComplaintReceived => Some("申请书副本收到日"),
            Tribunal => Some("复议机关"),
            AnswerBy => Some("答复期限"),
            AnswerFiled => Some("答复提交日"),
            MaterialsSubmitted => Some("答复材料报送日"),
            Hearing => Some("听证日"),
            HearingTime => Some("听证时间"),
            HeadName => Some("参加听证负责人"),
            HeadTitle => Some("参加听证负责人职务"),
            HeadSpoke => Some("负责人在听证中发言"),
            HearingPrepared => Some("听证准备日"),
            JudgmentType => Some("复议决定类型"),
            JudgmentReceived => Some("复议决定书签收日"),
            Outcome => Some("复议结果"),
            _ => None,
        };
    }
    if t.is_suggestion() {
        return match col {
            Plaintiff => Some("建议发出机关"),
            Defendant => Some("建议对象"),
            Cause => Some("建议事项"),
            _ => None,
        };
    }
    match col {
        ComplaintReceived if m.instance() == Lvl::Second => Some("上诉状副本收到日"),
        ComplaintReceived if m.instance() == Lvl::Retrial => Some("再审申请书副本收到日"),
        _ => None,
    }
}

/// (issue 21) A 行政复议 or 建议 has no 审级: the `一审` that earlier versions stored for every matter (the form
/// could not leave it empty) is dropped, so such a matter shows and exports 审级 empty. Any other recorded value
/// is kept (never silently erased; the form lists it as a hidden field with a value). Called when a row is read
/// and when the form changes 案件类型.
pub fn normalize_instance(m: &mut Matter) {
    if drops_instance(m, Column::Instance) {
        m.instance = None;
    }
}

/// Whether the export writes `m`'s `col` empty although a value is held: the 一审 of a kind that has no 审级.
pub fn drops_instance(m: &Matter, col: Column) -> bool {
    col == Column::Instance && m.instance == Some(Lvl::First) && !applies(Column::Instance, m)
}

/// The column's name as the form shows it for this matter (the kind's word, else the CSV name).
pub fn label(col: Column, m: &Matter) -> &'static str {
    type_label(col, m).unwrap_or(col.name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CaseType;
    use crate::model::{Defendant, Instance};

    fn of(t: CaseType) -> Matter {
        Matter { case_type: t, ..Matter::new("x") }
    }

    /// Issue 21: a 复议 shows no court-only field, a 检察建议 none of a case; 被告类型 stays (it decides
    /// chapter 2 or 3) under the kind's word.
    #[test]
    fn issue_21_which_columns_apply_to_which_kind() {
        let review = of(CaseType::Reconsideration);
        for c in [Column::Instance, Column::AppealDecision, Column::AppealFiled, Column::CourtAskedHead] {
            assert!(!applies(c, &review), "复议: {c}");
        }
        for c in [Column::Defendant, Column::JudgmentReceived, Column::Simplified, Column::WrittenReview] {
            assert!(applies(c, &review), "复议: {c}");
        }
        assert_eq!(label(Column::Defendant, &review), "被申请人");
        assert_eq!(label(Column::JudgmentReceived, &review), "复议决定书签收日");
        let pro = of(CaseType::ProcuratorialSuggestion);
        for c in [Column::ActSource, Column::Tribunal, Column::JointDefendant, Column::Instance, Column::Agents] {
            assert!(!applies(c, &pro), "检察建议: {c}");
        }
        for c in [Column::PreLitigation, Column::Urgent, Column::SuggestionReceived, Column::Plaintiff] {
            assert!(applies(c, &pro), "检察建议: {c}");
        }
        assert_eq!(label(Column::Plaintiff, &pro), "建议发出机关");
        assert!(!applies(Column::NormativeSuggestion, &pro));
        assert!(applies(Column::NormativeSuggestion, &of(CaseType::JudicialSuggestion)));
        assert!(!applies(Column::ReplyBy, &of(CaseType::ReconsiderationOpinion)), "§7.19: 60日 whatever is set");
        let civil = of(CaseType::Civil);
        assert!(applies(Column::Instance, &civil) && !applies(Column::CourtAskedHead, &civil));
        let mut lawsuit = of(CaseType::AdminLitigation);
        assert!(applies(Column::JointDefendant, &lawsuit) && !applies(Column::OriginalAgency, &lawsuit));
        lawsuit.defendant = Defendant::DistrictGov;
        assert!(applies(Column::OriginalAgency, &lawsuit));
        assert_eq!(label(Column::ComplaintReceived, &lawsuit), "起诉状副本收到日");
        lawsuit.instance = Some(Instance::Second);
        assert_eq!(label(Column::ComplaintReceived, &lawsuit), "上诉状副本收到日");
        assert!(applies(Column::RetrialApplied, &lawsuit));
    }

    /// Every column is decided for every kind: the table covers all 71 and each kind keeps its key fields.
    #[test]
    fn every_kind_keeps_its_key_and_trigger() {
        for t in CaseType::ALL {
            let m = of(*t);
            assert!(applies(Column::CaseNo, &m) && applies(Column::CaseType, &m));
            let trigger = if t.is_suggestion() { Column::SuggestionReceived } else { Column::ComplaintReceived };
            assert!(applies(trigger, &m), "{t}");
        }
    }
}
