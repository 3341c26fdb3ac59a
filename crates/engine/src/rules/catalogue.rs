//! Every rule of RULES.md with its article, the article's own words, and the duty in a few words.

use crate::model::CaseType;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a rule is, for the UI's "why" and for `obligations.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: RuleId,
    /// 条款 as written in `obligations.csv`, e.g. `第七条第二项`.
    pub clause: &'static str,
    /// The sentence of the regulation the rule implements, verbatim.
    pub text: &'static str,
    /// 义务: the duty in a few words.
    pub title: &'static str,
    /// The article number (5 for 第五条), to link the regulation text to its rules.
    pub article: u8,
}

macro_rules! rules {
    ($( $(#[$m:meta])* $id:ident = $label:literal, $art:literal, $clause:literal, $title:literal, $text:literal; )*) => {
        /// A rule ID of RULES.md.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum RuleId { $( $(#[$m])* #[serde(rename = $label)] $id ),* }

        impl RuleId {
            /// Every rule, in ID order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$id),*];
            pub fn label(self) -> &'static str { match self { $(RuleId::$id => $label),* } }
            pub fn from_label(s: &str) -> Option<RuleId> { match s { $($label => Some(RuleId::$id),)* _ => None } }
            pub fn info(self) -> RuleInfo {
                match self {
                    $(RuleId::$id => RuleInfo { id: RuleId::$id, clause: $clause, text: $text, title: $title, article: $art }),*
                }
            }
        }
    };
}

rules! {
    /// 第五条: which agency handles a 区政府 case.
    R05 = "R05", 5, "第五条", "按第五条原则指定应诉承办机关",
        "以区政府为被告的行政应诉案件，由区司法局按照以下原则指定应诉承办机关：（一）因行政复议事项引起的区政府为被告的案件，区司法局为应诉承办机关，具体实施部门协调配合，根据区司法局要求，参加或代理案件并提供相应证据材料；（二）以区政府名义作出的行政行为引起的案件，具体实施部门为应诉承办机关；（三）多部门共同作出行政行为引起的案件，牵头部门为应诉承办机关，其他部门协调配合；（四）要求区政府履行法定职责的案件，承担相应职责的职能部门为应诉承办机关。";
    R06 = "R06", 6, "第六条", "出具办理函并转送案件材料",
        "区司法局在收到法院送达或区政府办转送的应诉材料后，应当在2日内向应诉承办机关出具办理函，并转送案件材料。";
    R07A = "R07A", 7, "第七条第一项", "立即向主要领导汇报，确定主管领导及案件代理人",
        "（一）立即向主要领导汇报，确定主管领导及案件代理人，并在2日内将联系人信息报送区司法局；";
    R07B = "R07B", 7, "第七条第一项", "报送联系人信息",
        "（一）立即向主要领导汇报，确定主管领导及案件代理人，并在2日内将联系人信息报送区司法局；";
    R07C = "R07C", 7, "第七条第二项", "报送答辩状、证据目录、证据材料及法律依据",
        "（二）撰写答辩状、提交证据目录、证据材料及法律依据，并在5日内将上述应诉材料报区司法局。";
    R07D = "R07D", 7, "第七条第三项", "报告重大敏感或败诉风险事项并提出解决方案",
        "（三）案件涉及重大敏感事项、涉案标的较大，或确有违法和不当，可能存在败诉风险的，应诉承办机关应及时报告区司法局并提出解决方案。";
    R08 = "R08", 8, "第八条", "在规定时限内提交答辩状",
        "区司法局对应诉材料进行审核，将答辩状报区政府审定，加盖区政府印章后，由应诉承办机关在规定时限内提交法院。";
    R09 = "R09", 9, "第九条", "委托至少一名工作人员作为代理人",
        "应诉承办机关应委托至少一名工作人员作为案件代理人，不得仅委托律师应诉。";
    R10 = "R10", 10, "第十条", "复议共同被告案件的举证责任分担",
        "区政府作为行政复议机关引发的共同被告案件，原行政行为机关对原行政行为合法性承担举证责任，区司法局对行政复议程序的合法性承担举证责任。区政府作为行政复议被申请人引发的共同被告案件，应诉承办机关对原行政行为合法性承担举证责任，区司法局对行政复议程序的合法性承担举证责任。";
    R11A = "R11A", 11, "第十一条第一款", "裁判文书签收后向区司法局报告",
        "应诉承办机关应当在裁判文书签收之日起3日内向区司法局报告。";
    R11B = "R11B", 11, "第十一条第一款", "报送败诉案件分析报告",
        "案件败诉的应在5日内将案件情况、法院判决结果、相关建议、整改措施、上诉意见等形成案件分析报告报司法局，经区司法局审核后报区政府。";
    R11C = "R11C", 11, "第十一条第一款", "在法定时限内提起上诉",
        "区政府决定上诉的，应诉承办机关应当在法定时限内向法院提起上诉。";
    R11D = "R11D", 11, "第十一条第二款", "原行政行为机关一并提起上诉",
        "对于区政府作为复议机关的共同被告案件，区政府决定上诉的，作出原行政行为的行政机关应当一并提起上诉。";
    R12 = "R12", 12, "第十二条", "及时履行法院生效裁判",
        "行政机关应当及时履行法院生效裁判。区司法局对生效裁判履行情况进行监督及督促。";
    R13A = "R13A", 13, "第十三条", "报送司法建议、检察建议落实情况",
        "法院向区政府发送的司法建议书、人民检察院向区政府发送的检察建议书，由区司法局及时将建议书转承办机关，承办机关应当及时将落实情况报区司法局审核，由区司法局报区政府盖章后向法院、人民检察院反馈。";
    R13B = "R13B", 13, "第十三条", "向法院、人民检察院反馈落实情况",
        "法院向区政府发送的司法建议书、人民检察院向区政府发送的检察建议书，由区司法局及时将建议书转承办机关，承办机关应当及时将落实情况报区司法局审核，由区司法局报区政府盖章后向法院、人民检察院反馈。";
    R14 = "R14", 14, "第十四条", "按法院规定时限提交答辩状、证据和依据",
        "行政机关应当及时签收法院送达的应诉通知书和起诉状副本等材料，严格按照法院规定时限提交答辩状，提供相关证据和依据。";
    R15 = "R15", 15, "第十五条", "及时报告本机关主要负责人",
        "行政机关应建立案件接收机制，收到复议诉讼案件后，应及时报告本机关主要负责人。";
    R16 = "R16", 16, "第十六条", "委托至少一名工作人员作为代理人",
        "行政机关应委托至少一名工作人员作为案件代理人，不得仅委托律师应诉。";
    R17 = "R17", 17, "第十七条", "出庭负责人须为行政机关负责人",
        "行政机关负责人包括行政机关的正职、副职负责人、参与分管被诉行政行为实施工作的副职级别的负责人以及其他参与分管的负责人。";
    R18A = "R18A", 18, "第十八条第一款", "行政机关负责人必须出庭应诉",
        "行政机关负责人对涉及重大公共利益、社会高度关注或者可能引发群体性事件等案件以及检察机关提起的行政公益诉讼案件等必须出庭应诉。";
    R18B = "R18B", 18, "第十八条第二款", "主要负责人每年参与复议审理和出庭应诉各一次",
        "行政机关主要负责人每年至少应参与行政复议案件审理及行政应诉案件出庭应诉各一次。";
    /// (r3 §7.20) 行政复议法第五十一条: the 被申请人's head takes part in the 复议听证.
    R18C = "R18C", 18, "行政复议法第五十一条", "被申请人负责人参加行政复议听证",
        "被申请人的负责人应当参加听证。不能参加的，应当说明理由并委托相应的工作人员参加听证。";
    /// 第十九条 (r2): the head prepares for the hearing.
    R19 = "R19", 19, "第十九条", "负责人出庭前做好出庭准备",
        "行政机关负责人出庭应诉前应当做好出庭准备，熟悉案情，并在庭审中就案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项等问题发表意见。";
    /// (r3 §7.22) 第十九条 second half: the head speaks at the hearing.
    R19B = "R19B", 19, "第十九条", "负责人在庭审中发表意见",
        "行政机关负责人出庭应诉前应当做好出庭准备，熟悉案情，并在庭审中就案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项等问题发表意见。";
    R20 = "R20", 20, "第二十条", "在法定上诉期内提起上诉",
        "行政机关在收到一审判决书后，应及时向行政机关负责人汇报，做出是否上诉决定，并在法定上诉期内提起上诉。二审参考上述规定执行。";
    /// 第二十条 "二审参考上述规定执行" (r2): after a lost 二审, decide on and apply for 再审 in time.
    R20R = "R20R", 20, "第二十条", "二审败诉后决定是否申请再审并在法定期间内申请",
        "二审参考上述规定执行。";
    R21 = "R21", 21, "第二十一条第一款", "及时全面履行法院生效判决裁定",
        "行政机关应当及时全面履行法院生效判决裁定，包括继续履行、采取补救措施或者赔偿、补偿损失等判决。";
    /// 第二十一条第二款 (r2): a 责令重作 judgment limits what may be re-made.
    R21B = "R21B", 21, "第二十一条第二款", "责令重作：不得以同一事实和理由作出基本相同的行政行为",
        "对法院作出的责令重新作出行政行为的判决，除原行政行为因程序违法或者法律适用问题被法院判决撤销的情形外，不得以同一事实和理由作出与原行政行为基本相同的行政行为。";
    R22A = "R22A", 22, "第二十二条第一款", "向区司法局报告建议落实情况",
        "法院向行政机关发送的司法建议书、人民检察院向行政机关发送的检察建议书，行政机关应当及时将落实情况报区司法局报告。";
    R22B = "R22B", 22, "第二十二条第一款", "在回复期限内书面回复建议发出机关",
        "法院向行政机关发送的司法建议书、人民检察院向行政机关发送的检察建议书，行政机关应当及时将落实情况报区司法局报告。";
    R22C = "R22C", 22, "第二十二条第二款", "落实区司法局法制建议并在规定时间内反馈",
        "行政机关应当高度重视并严格落实区司法局法制建议，并在规定时间内就落实情况及时反馈。";
    /// (r3 §7.19) 行政复议法第七十六条: report the correction to the 复议机关 within 60日 of a 行政复议意见书.
    R22V = "R22V", 22, "行政复议法第七十六条", "六十日内向复议机关报送纠正情况",
        "有关机关应当自收到行政复议意见书之日起六十日内，将纠正相关违法或者不当的行政行为的情况报送行政复议机关。";
    R23 = "R23", 23, "第二十三条", "报送半年案件情况报告",
        "行政机关应每半年形成案件情况报告，主要内容包括案件总量数据、法院判决情况、典型案例分析、败诉案件分析、执行生效裁判情况以及其他需要说明的事项报区司法局，区司法局汇总后向区政府报告。";
    R24 = "R24", 24, "第二十四条", "按季度报告败诉案件情况",
        "行政机关应当按季度将辖区范围内（包括村委会）的败诉案件情况、原因分析及败诉判决向区司法局报告，区司法局定期将败诉情况向区政府报告。";
    R26 = "R26", 26, "第二十六条", "应诉保障：应诉人员资格及分管领导、联络员名单",
        "各行政机关应当做好应诉保障工作，安排具有国家统一法律职业资格或具有法学专业教育背景的人员组织办理应诉工作。各行政机关应建立健全行政复议应诉联络员机制。形成行政复议应诉工作分管领导、联络员名单，具体负责本单位与区法院、区司法局有关工作的沟通协调，提高案件办理效率。";
    R28 = "R28", 28, "第二十八条", "年度应诉工作考核",
        "区司法局负责对全区各单位应诉工作进行考核监督，将出庭应诉、支持法院受理和审理案件、执行法院生效裁判、应诉能力建设情况、落实司法建议及法制建议等情况纳入年度全区依法行政考核体系。";
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The regulation's full text (通政办发〔2022〕11号), as published.
pub const REGULATION_TEXT: &str = include_str!("../../data/regulation.txt");

/// The rules that implement article `n` (for linking the regulation text to its rules).
pub fn rules_of_article(n: u8) -> Vec<RuleId> {
    RuleId::ALL.iter().copied().filter(|r| r.info().article == n).collect()
}

/// A duty's title in the words of the matter's kind: a 行政复议 is answered with a 书面答复 within the
/// 复议机关's time (行政复议法第四十八条), its decision is a 复议决定. Other kinds: the catalogue's title.
/// (The form's labels by kind are in [`crate::form`].)
impl RuleId {
    pub fn title_for(self, t: CaseType) -> &'static str {
        let rule = self;
        if t == CaseType::Reconsideration {
            match rule {
                RuleId::R07C => return "报送书面答复、证据目录、证据材料及法律依据",
                RuleId::R08 => return "在规定时限内提交书面答复",
                RuleId::R14 => return "按复议机关规定时限提交书面答复、证据和依据",
                RuleId::R11A => return "复议决定书签收后向区司法局报告",
                RuleId::R12 | RuleId::R21 => return "及时全面履行生效的行政复议决定",
                _ => {}
            }
        }
        rule.info().title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quoted_sentence_is_in_the_regulation() {
        let flat: String = REGULATION_TEXT.split_whitespace().collect();
        // Rules from the higher law (r3: R18C, R22V) quote that law, not the regulation.
        for r in RuleId::ALL.iter().filter(|r| !r.info().clause.starts_with("行政复议法")) {
            // Paragraphs are joined in the catalogue; each part must stand verbatim in the text.
            for part in r.info().text.split('。').filter(|p| !p.is_empty()) {
                let part = part.trim_start_matches(|c| "（）一二三".contains(c));
                assert!(flat.contains(part), "{r}: 「{part}」 not in the regulation");
            }
        }
    }

    #[test]
    fn labels_round_trip_and_sort_like_their_labels() {
        let mut by_label: Vec<&str> = RuleId::ALL.iter().map(|r| r.label()).collect();
        by_label.sort();
        assert_eq!(by_label, RuleId::ALL.iter().map(|r| r.label()).collect::<Vec<_>>());
        for r in RuleId::ALL {
            assert_eq!(RuleId::from_label(r.label()), Some(*r));
        }
    }
}

#[cfg(test)]
mod kind_tests {
    use super::*;

    #[test]
    fn a_review_is_answered_not_pleaded() {
        assert!(RuleId::R14.title_for(CaseType::Reconsideration).contains("书面答复"));
        assert!(!RuleId::R14.title_for(CaseType::Reconsideration).contains("答辩状"));
        assert_eq!(RuleId::R14.title_for(CaseType::AdminLitigation), RuleId::R14.info().title);
    }
}
