//! The register: matters (案件台账), agencies (机关名录) and settings, as `shared/spec/CSV.md` names them.
//!
//! One table, [`Column`], lists every column of `cases.csv` with its Chinese name, its kind and how to
//! read and write it. The CSV codec, the app's form (each `<label>` is the column name) and the audit
//! trail all go through it, so a column is declared exactly once.

use crate::period::Counting;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

mod time;
pub use time::TimeOfDay;

use crate::zh::zh_enum;

zh_enum!(
    /// 案件类型.
    CaseType {
        /// 行政诉讼 (the default of an empty form, never of an empty CSV cell: the column is required).
        #[default]
        AdminLitigation = "行政诉讼",
        PublicInterest = "行政公益诉讼",
        Civil = "民事诉讼",
        Reconsideration = "行政复议",
        JudicialSuggestion = "司法建议",
        ProcuratorialSuggestion = "检察建议",
        LegalSuggestion = "法制建议",
        /// (r3 §7.19) 行政复议意见书: from the 复议机关 (行政复议法第七十六条); a 建议 for reports.
        ReconsiderationOpinion = "行政复议意见书",
    }
);

impl CaseType {
    /// 司法建议 or 检察建议 (第十三条, 第二十二条第一款).
    pub fn is_court_or_procuratorate_suggestion(self) -> bool {
        matches!(self, CaseType::JudicialSuggestion | CaseType::ProcuratorialSuggestion)
    }
    /// Any of the three suggestion kinds: no court case behind it.
    pub fn is_suggestion(self) -> bool {
        self.is_court_or_procuratorate_suggestion()
            || matches!(self, CaseType::LegalSuggestion | CaseType::ReconsiderationOpinion)
    }
    /// 行政诉讼, 行政公益诉讼 or 民事诉讼: a court case.
    pub fn is_litigation(self) -> bool {
        matches!(self, CaseType::AdminLitigation | CaseType::PublicInterest | CaseType::Civil)
    }
}

zh_enum!(
    /// 审级.
    Instance {
        /// 一审: the default when the cell is empty (CSV.md).
        #[default]
        First = "一审",
        Second = "二审",
        Retrial = "再审",
    }
);

zh_enum!(
    /// 诉讼地位 (r3 §7.7): the agency's place in the proceeding. Empty means 被告 (一审), 被上诉人 (二审),
    /// 被申请人 (行政复议, 再审): see [`Matter::standing_or_default`].
    Standing {
        /// 被告.
        #[default]
        Defendant = "被告",
        Appellee = "被上诉人",
        Appellant = "上诉人",
        Respondent = "被申请人",
        RetrialApplicant = "再审申请人",
        Plaintiff = "原告",
        ThirdParty = "第三人",
    }
);

impl Standing {
    /// 被告, 被上诉人 or 被申请人: the agency answers (R08, R14 apply).
    pub fn answers(self) -> bool {
        matches!(self, Standing::Defendant | Standing::Appellee | Standing::Respondent)
    }
    /// 上诉人, 再审申请人 or 原告: the agency started the proceeding (§7.25: no R15).
    pub fn started_it(self) -> bool {
        matches!(self, Standing::Appellant | Standing::RetrialApplicant | Standing::Plaintiff)
    }
}

zh_enum!(
    /// 被告类型: 区政府 → chapter 2 rules, 本机关 → chapter 3 rules.
    Defendant {
        /// 本机关.
        #[default]
        OwnAgency = "本机关",
        DistrictGov = "区政府",
    }
);

zh_enum!(
    /// 被诉行为来源 (第五条).
    ActSource {
        /// 因行政复议事项引起 (第五条第一项).
        #[default]
        Reconsideration = "行政复议",
        InGovName = "以区政府名义",
        MultiDept = "多部门共同",
        StatutoryDuty = "履行法定职责",
    }
);

zh_enum!(
    /// 裁判类型.
    JudgmentType {
        /// 判决: also what an empty cell means for the appeal period (RULES.md §6.2).
        #[default]
        Judgment = "判决",
        Ruling = "裁定",
        Mediation = "调解书",
        ReconsiderationDecision = "复议决定",
    }
);

zh_enum!(
    /// 裁判结果.
    Outcome {
        /// 胜诉.
        #[default]
        Won = "胜诉",
        Lost = "败诉",
        PartlyLost = "部分败诉",
        Withdrawn = "撤诉",
        Dismissed = "驳回起诉",
        Mediated = "调解结案",
        Other = "其他",
    }
);

impl Outcome {
    /// 败诉 or 部分败诉.
    pub fn is_loss(self) -> bool {
        matches!(self, Outcome::Lost | Outcome::PartlyLost)
    }
}

zh_enum!(
    /// 上诉决定; an empty cell means undecided.
    AppealDecision {
        /// 上诉.
        #[default]
        Appeal = "上诉",
        NoAppeal = "不上诉",
    }
);

zh_enum!(
    /// 撤销理由 (第二十一条第二款, R21B).
    QuashReason {
        /// 程序违法.
        #[default]
        Procedure = "程序违法",
        LawApplication = "法律适用",
        FactsEvidence = "事实证据",
        Other = "其他",
    }
);

zh_enum!(
    /// 机关类型 (agencies.csv).
    AgencyType {
        /// 职能部门.
        #[default]
        Department = "职能部门",
        DistrictGov = "区政府",
        JusticeBureau = "区司法局",
        Subdistrict = "街道",
        Township = "乡镇",
        Authorized = "授权组织",
    }
);

/// The four titles that count as 行政机关负责人 (第十七条第二款).
pub const HEAD_TITLES: &[&str] = &["正职", "副职", "分管副职", "其他分管负责人"];

/// Whether an agent is staff or a lawyer (第九条, 第十六条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgentRole {
    /// `姓名（工作人员）`.
    Staff,
    /// `姓名（律师）`.
    Lawyer,
    /// Neither tag: a validation error, and not counted as staff (RULES.md §6.12).
    Untagged,
}

/// One entry of 代理人.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Agent {
    /// The entry as written, tag included.
    pub raw: String,
    pub role: AgentRole,
}

impl Agent {
    /// Reads `姓名（工作人员）` / `姓名（律师）`; half-width brackets are accepted too.
    pub fn parse(raw: &str) -> Agent {
        let t = raw.trim();
        let role = if t.ends_with("（工作人员）") || t.ends_with("(工作人员)") {
            AgentRole::Staff
        } else if t.ends_with("（律师）") || t.ends_with("(律师)") {
            AgentRole::Lawyer
        } else {
            AgentRole::Untagged
        };
        Agent { raw: t.to_string(), role }
    }
}

/// What kind of value a column holds; drives parsing, the form input and validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A text that must not be empty.
    RequiredText,
    Date,
    Bool,
    /// One of the labels; empty allowed.
    Enum(&'static [&'static str]),
    /// One of the labels; must be present.
    RequiredEnum(&'static [&'static str]),
    /// `；`-separated list.
    List,
    /// `；`-separated `姓名（工作人员）`/`姓名（律师）` list.
    Agents,
    /// (r3) `HH:MM`, 24 h (开庭时间).
    Time,
}

/// A cell value that a column can hold.
pub trait Cell: Sized {
    const KIND: Kind;
    /// Reads a cell (already trimmed, CSV-injection guard removed). The error is the message shown
    /// after `第N行「列名」：`.
    fn parse_cell(s: &str) -> Result<Self, String>;
    /// Writes the canonical form.
    fn format_cell(&self) -> String;
    /// Appends the canonical form (what [`Cell::format_cell`] gives) to `out`: the export writes every
    /// cell of the register this way, without a `String` per cell.
    fn write_cell(&self, out: &mut String) {
        out.push_str(&self.format_cell());
    }
}

impl Cell for String {
    const KIND: Kind = Kind::Text;
    fn parse_cell(s: &str) -> Result<Self, String> {
        // Only spaces go: a leading tab is content (a guarded cell must round-trip byte for byte).
        Ok(crate::text::trim_spaces(s).to_string())
    }
    fn format_cell(&self) -> String {
        self.clone()
    }
    fn write_cell(&self, out: &mut String) {
        out.push_str(self);
    }
}

/// A required text key (a newtype, so a key is never confused with other text).
macro_rules! key_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Cell for $name {
            const KIND: Kind = Kind::RequiredText;
            fn parse_cell(s: &str) -> Result<Self, String> {
                if s.is_empty() {
                    Err("必填，不能为空".into())
                } else {
                    Ok($name(s.to_string()))
                }
            }
            fn format_cell(&self) -> String {
                self.0.clone()
            }
            fn write_cell(&self, out: &mut String) {
                out.push_str(&self.0);
            }
        }
    };
}

key_newtype!(
    /// 案号: the key of `cases.csv`.
    CaseNo
);
key_newtype!(
    /// 机关名称: the key of `agencies.csv`.
    AgencyName
);

impl Cell for Option<NaiveDate> {
    const KIND: Kind = Kind::Date;
    fn parse_cell(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            crate::dates::parse_date(s).map(Some)
        }
    }
    fn format_cell(&self) -> String {
        self.map(crate::dates::fmt).unwrap_or_default()
    }
}

impl Cell for bool {
    const KIND: Kind = Kind::Bool;
    fn parse_cell(s: &str) -> Result<Self, String> {
        // The app's own spelling first (no allocation), then the other accepted spellings in any case.
        match s {
            "是" => return Ok(true),
            "否" | "" => return Ok(false),
            _ => {}
        }
        if ["y", "yes", "true", "1"].iter().any(|t| s.eq_ignore_ascii_case(t)) {
            Ok(true)
        } else if ["n", "no", "false", "0"].iter().any(|t| s.eq_ignore_ascii_case(t)) {
            Ok(false)
        } else {
            Err(format!("「{s}」不是是/否（也接受 Y/N、true/false、1/0）"))
        }
    }
    fn format_cell(&self) -> String {
        if *self { "是" } else { "否" }.to_string()
    }
    fn write_cell(&self, out: &mut String) {
        out.push_str(if *self { "是" } else { "否" });
    }
}

/// A yes/no column where empty means "not recorded" (负责人发言, r3 §7.22): `None` stays empty.
impl Cell for Option<bool> {
    const KIND: Kind = Kind::Enum(&["是", "否"]);
    fn parse_cell(s: &str) -> Result<Self, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            bool::parse_cell(s).map(Some)
        }
    }
    fn format_cell(&self) -> String {
        self.map(|b| b.format_cell()).unwrap_or_default()
    }
}

/// Splits a list cell on `；` or `;`, dropping empty items.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(['；', ';']).map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// A `；`-separated list (协办机关).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct List(pub Vec<String>);

impl Cell for List {
    const KIND: Kind = Kind::List;
    fn parse_cell(s: &str) -> Result<Self, String> {
        Ok(List(split_list(s)))
    }
    fn format_cell(&self) -> String {
        self.0.join("；")
    }
}

/// 代理人.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Agents(pub Vec<Agent>);

impl Agents {
    /// At least one entry tagged （工作人员）.
    pub fn has_staff(&self) -> bool {
        self.0.iter().any(|a| a.role == AgentRole::Staff)
    }

    /// Reads a 代理人 cell, also in the forms clerks type: entries separated by `、`, `，` or `,` as well as
    /// `；`/`;`, and `李明律师` / `律师李明` for `李明（律师）`. The second value says whether such a form was
    /// rewritten (the importer then tells the user); the canonical cell (CSV.md) is unchanged by this.
    // 解释：an entry that names neither role (`王芳`) is not guessed: it stays untagged, a validation error
    // (RULES.md §6.12), whose message shows the two forms to choose from.
    pub fn normalize(s: &str) -> (Agents, bool) {
        let mut changed = s.contains(['、', '，', ',']);
        let list = s
            .split(['；', ';', '、', '，', ','])
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(|x| {
                let a = Agent::parse(x);
                if a.role != AgentRole::Untagged {
                    return a;
                }
                let name = x.strip_suffix("律师").or_else(|| x.strip_prefix("律师")).map(str::trim);
                match name {
                    Some(n) if !n.is_empty() => {
                        changed = true;
                        Agent { raw: format!("{n}（律师）"), role: AgentRole::Lawyer }
                    }
                    _ => a,
                }
            })
            .collect();
        (Agents(list), changed)
    }

    /// The name of an entry without its tag (for the list editor).
    pub fn name_of(a: &Agent) -> &str {
        let r = a.raw.as_str();
        for tag in ["（工作人员）", "(工作人员)", "（律师）", "(律师)"] {
            if let Some(n) = r.strip_suffix(tag) {
                return n.trim();
            }
        }
        r
    }
}

impl Cell for Agents {
    const KIND: Kind = Kind::Agents;
    fn parse_cell(s: &str) -> Result<Self, String> {
        // Untagged entries are kept (so nothing typed is lost) and reported by `Matter::problems`.
        Ok(Agents::normalize(s).0)
    }
    fn format_cell(&self) -> String {
        self.0.iter().map(|a| a.raw.as_str()).collect::<Vec<_>>().join("；")
    }
}

macro_rules! enum_cells {
    ($($t:ty),*) => {$(
        impl Cell for $t {
            const KIND: Kind = Kind::RequiredEnum(<$t>::LABELS);
            fn parse_cell(s: &str) -> Result<Self, String> {
                if s.is_empty() {
                    return Err(format!("必填，应为：{}", <$t>::LABELS.join("、")));
                }
                <$t>::from_label(s).ok_or_else(|| format!("「{s}」不是可选值：{}", <$t>::LABELS.join("、")))
            }
            fn format_cell(&self) -> String { self.label().to_string() }
            fn write_cell(&self, out: &mut String) { out.push_str(self.label()) }
        }
        impl Cell for Option<$t> {
            const KIND: Kind = Kind::Enum(<$t>::LABELS);
            fn parse_cell(s: &str) -> Result<Self, String> {
                if s.is_empty() { return Ok(None); }
                <$t>::from_label(s).map(Some).ok_or_else(|| format!("「{s}」不是可选值：{}", <$t>::LABELS.join("、")))
            }
            fn format_cell(&self) -> String { self.map(|v| v.label().to_string()).unwrap_or_default() }
            fn write_cell(&self, out: &mut String) { if let Some(v) = self { out.push_str(v.label()) } }
        }
    )*};
}
// 审级 (issue 21) is an `Option<Instance>` column: empty means 一审 for a court case (CSV.md) and "does not apply" to a
// 行政复议 or 建议; [`Matter::instance`] gives the 审级 the rules use.
enum_cells!(
    CaseType,
    Defendant,
    ActSource,
    JudgmentType,
    Outcome,
    AppealDecision,
    QuashReason,
    AgencyType,
    Standing,
    Instance
);

/// Declares the record struct and its column table in one place.
macro_rules! columns {
    (
        $(#[$smeta:meta])* $record:ident, $colenum:ident {
            $( $(#[$m:meta])* $variant:ident, $field:ident : $ty:ty = $name:literal; )*
        }
    ) => {
        $(#[$smeta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
        pub struct $record {
            $( $(#[$m])* #[serde(default)] pub $field: $ty, )*
            /// Columns this tool does not know: kept as (name, value) and written back on export.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub extra: Vec<(String, String)>,
            /// Cells of known columns that could not be read when stored data or a backup was loaded:
            /// kept as written (column name, text), shown as 待修正, and written back as they were —
            /// never emptied. Setting the column to a valid value clears the entry.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub invalid: Vec<(String, String)>,
        }

        /// A column of the file, by its Chinese header name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $colenum { $($variant),* }

        impl $colenum {
            /// Every column, in CSV.md's order (the export order).
            pub const ALL: &'static [$colenum] = &[$($colenum::$variant),*];
            /// The header name, also the UI label.
            pub fn name(self) -> &'static str { match self { $($colenum::$variant => $name),* } }
            /// Finds a column by its (trimmed) header name.
            pub fn from_name(s: &str) -> Option<Self> {
                match s.trim() { $($name => Some($colenum::$variant),)* _ => None }
            }
            pub fn kind(self) -> Kind { match self { $($colenum::$variant => <$ty as Cell>::KIND),* } }
            /// The cell's canonical text (or, for a cell kept as 待修正, the text as it was written).
            pub fn get(self, r: &$record) -> String {
                if let Some(raw) = self.invalid_text(r) {
                    return raw.to_string();
                }
                match self { $($colenum::$variant => r.$field.format_cell()),* }
            }
            /// The text of a cell kept as 待修正, if this column has one.
            pub fn invalid_text(self, r: &$record) -> Option<&str> {
                if r.invalid.is_empty() {
                    return None;
                }
                r.invalid.iter().find(|(k, _)| k == self.name()).map(|(_, v)| v.as_str())
            }
            /// Appends the cell's canonical text to `out` (or, for a cell kept as 待修正, the text as it
            /// was written: stored data never loses it).
            pub fn write(self, r: &$record, out: &mut String) {
                if let Some(raw) = self.invalid_text(r) {
                    out.push_str(raw);
                    return;
                }
                match self { $($colenum::$variant => r.$field.write_cell(out)),* }
            }
            /// Sets the field from a cell's text; on error the field is left as it was. A valid value
            /// clears a 待修正 entry of the column.
            pub fn set(self, r: &mut $record, s: &str) -> Result<(), String> {
                let s = if matches!(self.kind(), Kind::Text) { s } else { s.trim() };
                match self { $($colenum::$variant => { r.$field = <$ty as Cell>::parse_cell(s)?; }),* }
                if !r.invalid.is_empty() {
                    r.invalid.retain(|(k, _)| k != self.name());
                }
                Ok(())
            }
            /// Like [`Self::set`], but a value that cannot be read is kept as written (待修正) instead
            /// of being dropped; the error is still returned for the list.
            pub fn set_or_keep(self, r: &mut $record, s: &str) -> Result<(), String> {
                self.set(r, s).inspect_err(|_| {
                    r.invalid.retain(|(k, _)| k != self.name());
                    r.invalid.push((self.name().to_string(), s.to_string()));
                })
            }
        }

        impl fmt::Display for $colenum {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.name()) }
        }
    };
}

columns!(
    /// One matter of the register (one row of `cases.csv`).
    Matter, Column {
        CaseNo, case_no: CaseNo = "案号";
        CaseType, case_type: CaseType = "案件类型";
        /// Empty: 一审 for a court case, not applicable to a 复议 or 建议 (see [`Matter::instance`]).
        Instance, instance: Option<Instance> = "审级";
        Defendant, defendant: Defendant = "被告类型";
        Agency, agency: String = "所属机关";
        Handler, handler: String = "应诉承办机关";
        CoHandlers, co_handlers: List = "协办机关";
        ActSource, act_source: Option<ActSource> = "被诉行为来源";
        Plaintiff, plaintiff: String = "原告";
        Cause, cause: String = "案由";
        Tribunal, tribunal: String = "审理机关";
        MajorSensitive, major_sensitive: bool = "重大敏感";
        LargeStake, large_stake: bool = "标的较大";
        LossRisk, loss_risk: bool = "败诉风险";
        PublicInterest, public_interest: bool = "重大公共利益";
        HighAttention, high_attention: bool = "社会高度关注";
        MassIncident, mass_incident: bool = "群体性事件";
        JointDefendant, joint_defendant: bool = "复议共同被告";
        Village, village: bool = "涉及村委会";
        Urgent, urgent: bool = "紧急";
        ComplaintReceived, complaint_received: Option<NaiveDate> = "起诉状副本收到日";
        BureauReceived, bureau_received: Option<NaiveDate> = "司法局收到日";
        LetterIssued, letter_issued: Option<NaiveDate> = "办理函出具日";
        LetterReceived, letter_received: Option<NaiveDate> = "办理函收到日";
        LeaderReported, leader_reported: Option<NaiveDate> = "主要领导报告日";
        ContactReported, contact_reported: Option<NaiveDate> = "联系人报送日";
        MaterialsSubmitted, materials_submitted: Option<NaiveDate> = "应诉材料报送日";
        RiskReported, risk_reported: Option<NaiveDate> = "风险报告日";
        AnswerFiled, answer_filed: Option<NaiveDate> = "答辩提交日";
        Agents, agents: Agents = "代理人";
        Hearing, hearing: Option<NaiveDate> = "开庭日";
        HeadName, head_name: String = "出庭负责人";
        HeadTitle, head_title: String = "出庭负责人职务";
        JudgmentType, judgment_type: Option<JudgmentType> = "裁判类型";
        JudgmentReceived, judgment_received: Option<NaiveDate> = "裁判文书签收日";
        Outcome, outcome: Option<Outcome> = "裁判结果";
        BureauReported, bureau_reported: Option<NaiveDate> = "司法局报告日";
        LossReport, loss_report: Option<NaiveDate> = "败诉分析报告日";
        AppealDecision, appeal_decision: Option<AppealDecision> = "上诉决定";
        AppealFiled, appeal_filed: Option<NaiveDate> = "上诉提交日";
        Effective, effective: Option<NaiveDate> = "生效日";
        PerformBy, perform_by: Option<NaiveDate> = "履行期限";
        Performed, performed: Option<NaiveDate> = "履行完成日";
        SuggestionReceived, suggestion_received: Option<NaiveDate> = "建议收到日";
        ReplyBy, reply_by: Option<NaiveDate> = "建议回复期限";
        ImplementationReported, implementation_reported: Option<NaiveDate> = "落实情况报送日";
        Replied, replied: Option<NaiveDate> = "建议回复日";
        Remarks, remarks: String = "备注";
        // Revision 2 (CSV.md): all optional, written after the columns above, in this order.
        /// 行政复议 简易程序 (行政复议法第五十四条): answer in 5 working days.
        Simplified, simplified: bool = "简易程序";
        /// 复议 heard in writing: no hearing, R18A/R19 do not apply.
        WrittenReview, written_review: bool = "书面审理";
        /// The court asked in writing for the head to appear (行诉解释第一百二十九条) → R18A.
        CourtAskedHead, court_asked_head: bool = "法院建议出庭";
        /// A 行政公益诉讼 诉前 检察建议 (法释〔2018〕6号第二十一条).
        PreLitigation, pre_litigation: bool = "诉前检察建议";
        /// R11D: the agency that made the original act when 区政府 is co-defendant as 复议机关.
        OriginalAgency, original_agency: String = "原行政行为机关";
        /// R11D done.
        OriginalAppealFiled, original_appeal_filed: Option<NaiveDate> = "原机关上诉提交日";
        /// R20R done.
        RetrialApplied, retrial_applied: Option<NaiveDate> = "再审申请日";
        /// R19 done.
        HearingPrepared, hearing_prepared: Option<NaiveDate> = "出庭准备日";
        /// The judgment quashed the act and ordered it re-made (第二十一条第二款).
        Remake, remake: bool = "责令重作";
        /// Why the act was quashed (R21B).
        QuashReason, quash_reason: Option<QuashReason> = "撤销理由";
        /// When the act was re-made.
        Remade, remade: Option<NaiveDate> = "重新作出日";
        /// Marks the matter for the half-year report's 典型案例分析.
        Typical, typical: bool = "典型案例";
        /// Cause analysis for the half-year and quarterly reports.
        LossCause, loss_cause: String = "败诉原因";
        /// 出庭准备单 (第十九条): 案件背景情况.
        CaseSummary, case_summary: String = "案情摘要";
        /// 出庭准备单: 政策依据.
        PolicyBasis, policy_basis: String = "政策依据";
        /// 出庭准备单: 行政争议实质性化解方案.
        Resolution, resolution: String = "化解方案";
        /// 出庭准备单: 行政赔偿有关事项.
        Compensation, compensation: String = "赔偿事项";
        // Revision 3 (CSV.md; RULES.md §7): all optional, written after the revision-2 columns, in this order.
        /// The agency's place in the proceeding (§7.7); empty = 被告 / 被上诉人 / 被申请人 by 审级.
        Standing, standing: Option<Standing> = "诉讼地位";
        /// The answer / 举证 deadline the court or 复议机关 set (§7.10): wins over the statutory period.
        AnswerBy, answer_by: Option<NaiveDate> = "答辩期限";
        /// When the 原行政行为机关 itself received the judgment: R11D's trigger (§7.13).
        OriginalReceived, original_received: Option<NaiveDate> = "原机关签收日";
        /// A 司法建议 on a 规范性文件: 60日 (行诉解释第一百四十九条, §7.14).
        NormativeSuggestion, normative_suggestion: bool = "规范性文件建议";
        /// Whether the head spoke at the hearing (第十九条, §7.22); empty = not recorded.
        HeadSpoke, head_spoke: Option<bool> = "负责人发言";
        /// The hearing's time of day (§7.23): orders 日程, times the `.ics` event, finds clashes.
        HearingTime, hearing_time: Option<TimeOfDay> = "开庭时间";
    }
);

impl Column {
    /// Columns that must be present in a `cases.csv` header.
    pub const REQUIRED: &'static [Column] = &[Column::CaseNo, Column::CaseType, Column::Defendant];
}

/// One problem of a stored or imported matter that is not a parse error (those are caught earlier).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub column: Column,
    pub message: String,
}

impl Matter {
    /// A new matter with the given key and the form defaults.
    pub fn new(case_no: &str) -> Matter {
        Matter { case_no: CaseNo(case_no.to_string()), ..Matter::default() }
    }

    /// Validation beyond cell syntax: things a parse accepts but CSV.md or RULES.md calls invalid.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        for a in &self.agents.0 {
            if a.role == AgentRole::Untagged {
                out.push(FieldProblem {
                    column: Column::Agents,
                    message: format!(
                        "「{0}」须注明（工作人员）或（律师），应写为「{0}（工作人员）」或「{0}（律师）」，多人用“；”分隔",
                        a.raw
                    ),
                });
            }
        }
        out
    }

    /// The value of an unknown column kept from an import, if any.
    pub fn extra(&self, name: &str) -> Option<&str> {
        self.extra.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// A judgment exists once it was received or its result is recorded (RULES.md §6.2).
    pub fn has_judgment(&self) -> bool {
        self.judgment_received.is_some() || self.outcome.is_some()
    }

    /// The agency of the matter (RULES.md §4.1): 所属机关 when present, else 应诉承办机关; `None` when neither
    /// is recorded (未指定). Every per-agency figure uses it.
    pub fn agency_of(&self) -> Option<&str> {
        [self.agency.trim(), self.handler.trim()].into_iter().find(|a| !a.is_empty())
    }

    /// The 审级 the rules use: as recorded, else 一审 (CSV.md: empty means 一审).
    pub fn instance(&self) -> Instance {
        self.instance.unwrap_or_default()
    }

    /// 诉讼地位 as recorded, else (§7.7) 被申请人 in 行政复议 and 再审, 被上诉人 in 二审, 被告 in 一审.
    pub fn standing_or_default(&self) -> Standing {
        self.standing.unwrap_or(match (self.case_type, self.instance()) {
            (CaseType::Reconsideration, _) | (_, Instance::Retrial) => Standing::Respondent,
            (_, Instance::Second) => Standing::Appellee,
            _ => Standing::Defendant,
        })
    }

    /// [`Matter::agency_of`], or `未指定`.
    pub fn agency_name(&self) -> &str {
        self.agency_of().unwrap_or(UNASSIGNED)
    }

    /// 收案日 (RULES.md §4.1): of a 案件 the first present of 起诉状副本收到日, 司法局收到日, 办理函收到日;
    /// of a 建议, 建议收到日.
    pub fn intake_date(&self) -> Option<NaiveDate> {
        if self.case_type.is_suggestion() {
            self.suggestion_received
        } else {
            self.complaint_received.or(self.bureau_received).or(self.letter_received)
        }
    }
}

/// How reports name the agency of a matter that records none (RULES.md §4.1).
pub const UNASSIGNED: &str = "未指定";
/// 责任主体 of a 本机关 matter whose agency is not recorded (RULES.md §6.13).
pub const UNASSIGNED_AGENCY_WORD: &str = "本机关";

columns!(
    /// One agency of the directory (one row of `agencies.csv`).
    Agency, AgencyColumn {
        Name, name: AgencyName = "机关名称";
        Type, agency_type: Option<AgencyType> = "机关类型";
        Head, head: String = "主要负责人";
        Leader, leader: String = "分管领导";
        Liaison, liaison: String = "联络员";
        Phone, phone: String = "联络电话";
        Staff, staff: List = "应诉人员";
    }
);

impl AgencyColumn {
    /// Columns that must be present in an `agencies.csv` header.
    pub const REQUIRED: &'static [AgencyColumn] = &[AgencyColumn::Name];
}

/// A qualification of a 应诉人员 entry (第二十六条第一款).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualification {
    /// 国家统一法律职业资格.
    LegalProfession,
    /// 法学专业教育背景.
    LawDegree,
    None,
}

impl Agency {
    /// The qualification written after each 应诉人员 name.
    pub fn staff_qualifications(&self) -> Vec<(String, Qualification)> {
        self.staff
            .0
            .iter()
            .map(|s| {
                let q = if s.contains("法律职业资格") {
                    Qualification::LegalProfession
                } else if s.contains("法学背景") {
                    Qualification::LawDegree
                } else {
                    Qualification::None
                };
                (s.clone(), q)
            })
            .collect()
    }
}

/// The default 考核表 weight of each of the five items of 第二十八条 (20 × 5 = 100; the items are
/// `score::ITEMS`). A local setting beside [`Settings`]: the regulation names no points.
pub const DEFAULT_WEIGHTS: [u32; 5] = [20; 5];

/// Settings that change results. The regulation leaves these open; each default is the one RULES.md names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// 计日方式 for internal N日 periods (R06, R07B, R07C, R11A, R11B): 自然日 (the default reading, legal.md
    /// §(c)5, reading A) or 工作日; stored data with any other value is refused, as before.
    #[serde(deserialize_with = "crate::period::days_only")]
    pub counting: Counting,
    /// 即将到期 window in days (default 3).
    pub warn_days: u32,
    /// 报告报送天数: days after a report period's end that R23/R24 reports are due (default 15).
    pub report_days: u32,
    /// 及时事项提醒天数 (r2): a 及时 duty open longer than this many 自然日 after its trigger is 久未完成
    /// (default 30). Not a legal deadline.
    pub timely_days: u32,
    /// (r3 §7.18) 开始使用日期: R23/R24 periods due before it give no row unless a 报送记录 exists. The app
    /// sets it to the day the register was first saved; `None` = every period (the CLI's default).
    #[serde(skip_serializing_if = "Option::is_none", with = "crate::dates::opt_ymd", default)]
    pub start_date: Option<NaiveDate>,
    /// 考核表 points of the five items of 第二十八条 (出庭应诉, 支持法院受理和审理案件, 执行法院生效裁判,
    /// 应诉能力建设, 落实司法建议及法制建议). A local setting: the regulation names no points.
    pub assessment_weights: [u32; 5],
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            counting: Counting::Natural,
            warn_days: 3,
            report_days: 15,
            timely_days: 30,
            start_date: None,
            assessment_weights: DEFAULT_WEIGHTS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One counting enum (issue 20): the setting 计日方式 is stored as before (自然日/工作日) and takes no other value.
    #[test]
    fn the_counting_setting_is_natural_or_working_days_only() {
        let s: Settings = serde_json::from_str(r#"{"counting":"工作日"}"#).unwrap();
        assert_eq!(s.counting, Counting::Working);
        assert!(serde_json::to_string(&Settings::default()).unwrap().contains(r#""counting":"自然日""#));
        assert!(serde_json::from_str::<Settings>(r#"{"counting":"月"}"#).is_err());
        assert_eq!(Counting::days_from_label(" 工作日 "), Some(Counting::Working));
        assert_eq!(Counting::days_from_label("及时"), None);
    }

    #[test]
    fn every_column_name_round_trips() {
        for c in Column::ALL {
            assert_eq!(Column::from_name(c.name()), Some(*c));
        }
        assert_eq!(Column::ALL.len(), 71);
    }

    #[test]
    fn booleans_accept_the_csv_md_forms() {
        for (s, v) in [
            ("是", true),
            ("Y", true),
            ("true", true),
            ("1", true),
            ("否", false),
            ("N", false),
            ("0", false),
            ("", false),
        ] {
            assert_eq!(bool::parse_cell(s), Ok(v), "{s}");
        }
        assert!(bool::parse_cell("可能").is_err());
    }

    #[test]
    fn agents_are_tagged_and_untagged_kept() {
        let a = Agents::parse_cell("张三（工作人员）;李四（律师）；王五").unwrap();
        assert_eq!(
            a.0.iter().map(|x| x.role).collect::<Vec<_>>(),
            vec![AgentRole::Staff, AgentRole::Lawyer, AgentRole::Untagged]
        );
        assert_eq!(a.format_cell(), "张三（工作人员）；李四（律师）；王五");
        let mut m = Matter::new("x");
        m.agents = a;
        assert_eq!(m.problems().len(), 1);
    }

    /// Issue 11: "王芳、李明律师" was refused with a message that did not show the expected form.
    #[test]
    fn issue_11_agents_typed_with_dun_hao_and_lawyer_forms_are_normalised() {
        let (a, changed) = Agents::normalize("王芳（工作人员）、李明律师，律师赵六, 孙七(律师)");
        assert!(changed);
        assert_eq!(a.format_cell(), "王芳（工作人员）；李明（律师）；赵六（律师）；孙七(律师)");
        assert!(a.has_staff());
        // The canonical form is not "changed": no notice on a well-formed cell.
        assert!(!Agents::normalize("张三（工作人员）；李四（律师）").1);
        // An untagged name stays untagged, and its message shows what to write.
        let mut m = Matter::new("x");
        m.agents = Agents::parse_cell("王芳、李明律师").unwrap();
        assert_eq!(m.agents.format_cell(), "王芳；李明（律师）");
        let p = m.problems();
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("应写为「王芳（工作人员）」或「王芳（律师）」"), "{}", p[0].message);
        // "律师" alone is not a name.
        assert_eq!(Agents::normalize("律师").0 .0[0].role, AgentRole::Untagged);
        assert_eq!(Agents::name_of(&a.0[1]), "李明");
    }

    #[test]
    fn empty_instance_is_first_instance() {
        assert_eq!(<Option<Instance>>::parse_cell(""), Ok(None));
        let mut m = Matter::new("x");
        assert_eq!(m.instance(), Instance::First, "empty = 一审 for the rules");
        m.instance = Some(Instance::Retrial);
        assert_eq!(m.instance(), Instance::Retrial);
    }
}
