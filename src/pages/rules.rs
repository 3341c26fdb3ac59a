//! 规则: the regulation's text, each article linked to the rules that implement it, and the readings taken.

use leptos::prelude::*;
use yingsu_engine::rules::{rules_of_article, REGULATION_TEXT};

/// Readings of RULES.md §6 and §1 the engine applies, shown so nobody has to guess.
const READINGS: &[&str] = &[
    "规则未定义“日”：内部期限（第六条、第七条、第十一条）默认按自然日计算，可在设置中改为工作日；两种结果都在说明中列出。",
    "起算日不计入；自然日期限届满日为周末或法定节假日的，顺延至下一工作日；期间内的节假日不扣除；调休上班日是工作日，届满日落在调休上班日不顺延。",
    "法院期限（答辩15日、上诉判决15日/裁定10日）一律按自然日；行政复议被申请人答复“十日”自2024年1月1日起按工作日（行政复议法第四十八条、第八十八条），此前按自然日；复议简易程序答复5个工作日（第五十四条，2024年1月1日起；此前无简易程序）。",
    "“立即”（第七条第一项）期限为起算日当日，不顺延；记录中给定的日期（履行期限、建议回复期限、开庭日）原样使用，不顺延。",
    "缺少起算日期的义务显示“待补充”，即使已填写完成日；规则无法根据已填数据判断的（如未填被诉行为来源时的第五条、第十条，职务无法认定的负责人），也显示“待补充”并写明应填什么，不作猜测。已填写的完成日即使晚于今天也视为已完成。",
    "“及时”事项无固定期限；超过“及时事项提醒天数”（默认30日，本地设置）未完成的显示“久未完成”，不是法定期限，不显示为已逾期。",
    "上诉义务只在有一审裁判后、且上诉有意义时产生：败诉、部分败诉、其他或尚未填写裁判结果，或已决定上诉；胜诉、撤诉、驳回起诉、调解结案不产生上诉义务（除非记录了上诉）。调解书、复议决定不产生上诉义务；裁判类型未填的，驳回起诉、撤诉按裁定（10日），其他按判决（15日）。",
    "二审败诉的（本机关为被告），依第二十条“二审参考上述规定执行”，在生效后六个月内决定并申请再审（行诉解释第一百一十条）；“上诉决定”一栏在二审案件中记录是否申请再审。",
    "第十一条第二款（原行政行为机关一并上诉）只适用于区政府作为复议机关的共同被告案件（被诉行为来源为行政复议），以“原机关上诉提交日”记录完成。",
    "生效的调解书与判决一样须履行（行政诉讼法第九十四条、行政复议法第七十七条）。",
    "出庭负责人职务按填写的文字认定：正职、副职、分管副职、其他分管负责人原样采用；含科长、处长、科员、律师等的不是负责人；含“分管”的为其他分管负责人；“副…长/副…主任”为副职；“…局长/区长/镇长/乡长/主任”为正职；其他无法认定，显示待补充。区政府为被告时，只有区政府的负责人（含“区长”的职务）才算（法释〔2020〕3号第二条）。只有正职算主要负责人。",
    "第十七条、第十八条第一款、第十九条适用于所有被告类型；负责人出庭以开庭日为期限，开庭日已过且记录了合格负责人才算完成，开庭日已过未记录的为“违反”（职务无法认定的为“待补充”），不显示为已逾期；法院书面建议负责人出庭的案件也须出庭；书面审理的复议案件没有开庭。",
    "司法建议、检察建议回复：记录的建议回复期限优先；行政公益诉讼诉前检察建议2个月、紧急15日（法释〔2018〕6号第二十一条）；其他检察建议2个月；司法建议一般不超过2个月（法释〔2023〕11号第八条）；紧急但未填回复期限的，以建议书载明为准，显示待补充。",
    "第三十二条：本规则自2022-04-28施行，逐项判断——在施行前已届满（或无期限而已完成）的义务不列出，仍在进行的义务按本规则计算。",
    "责任主体一律写机关：区政府为被告的写应诉承办机关，本机关为被告的写案件所属机关（所属机关，未填时为应诉承办机关）。",
    "代理人须注明（工作人员）或（律师）；未注明的不计为工作人员。",
    "报表中案件（诉讼、复议）与建议分别统计，建议不计入新收案件；法院判决与复议决定分别统计（败诉率、复议纠错率）；按期、逾期履行和未履行分别统计。",
    "半年报告、季度报告的报送期限为期间结束后“报告报送天数”日（默认15日，本地设置，规则未规定）。",
    "节假日安排未导入的年份只按周末计算，并提示“该年度节假日安排未导入”。",
];

/// The article number a line starts with (`第十二条  …` → 12).
fn article_no(line: &str) -> Option<u8> {
    let rest = line.strip_prefix('第')?;
    let (num, _) = rest.split_once('条')?;
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i / 3 + 1);
    let n = match num.chars().collect::<Vec<_>>().as_slice() {
        ['十'] => 10,
        [a] => digit(*a)?,
        ['十', b] => 10 + digit(*b)?,
        [a, '十'] => digit(*a)? * 10,
        [a, '十', b] => digit(*a)? * 10 + digit(*b)?,
        _ => return None,
    };
    u8::try_from(n).ok()
}

#[component]
pub fn Rules() -> impl IntoView {
    let body = REGULATION_TEXT.split_once("通州区行政机关应诉规则\n").map(|(_, b)| b).unwrap_or(REGULATION_TEXT);
    let body = body.split_once("抄送").map(|(b, _)| b).unwrap_or(body);
    view! {
        <section class="page rules">
            <h1>"规则"</h1>
            <nav class="subnav" aria-label="规则">
                <a href="#/rules" aria-current="page">"条文与解释"</a>
                <a href="#/selftest">"规则核验"</a>
                <span class="hint">"规则核验检查本软件的期限计算是否符合条文算例，不检查您的数据。"</span>
            </nav>
            <section class="block">
                <h2>"本工具采用的解释"</h2>
                <p class="hint">"规则由区司法局负责解释（第三十一条）。规则未明确之处，本工具采用以下读法，并在每个期限的说明中写明："</p>
                <ol class="readings">{READINGS.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ol>
            </section>
            <section class="block">
                <h2>"节假日安排的来源（国务院办公厅通知）"</h2>
                <crate::components::HolidayNotices/>
            </section>
            <section class="block regulation">
                <h2>"通州区行政机关应诉规则（通政办发〔2022〕11号）"</h2>
                {body.lines().filter(|l| !l.trim().is_empty()).map(|line| {
                    let line = line.trim();
                    match article_no(line) {
                        Some(n) => {
                            let rules = rules_of_article(n);
                            view! {
                                <p class="article" id=format!("art-{n}")>
                                    {line.to_string()}
                                    {(!rules.is_empty()).then(|| view! {
                                        <span class="rule-tags">{rules.into_iter().map(|r| view! {
                                            <span class="rule-tag" title=format!("{}：{}", r.info().clause, r.info().title)>{r.label()}</span>
                                        }).collect_view()}</span>
                                    })}
                                </p>
                            }.into_any()
                        }
                        None if line.starts_with('第') && line.contains('章') => view! { <h3>{line.to_string()}</h3> }.into_any(),
                        None => view! { <p class="article">{line.to_string()}</p> }.into_any(),
                    }
                }).collect_view()}
            </section>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn article_numbers_in_chinese() {
        assert_eq!(super::article_no("第五条  以区政府"), Some(5));
        assert_eq!(super::article_no("第十条  区政府"), Some(10));
        assert_eq!(super::article_no("第十八条  行政"), Some(18));
        assert_eq!(super::article_no("第二十条  行政"), Some(20));
        assert_eq!(super::article_no("第三十二条  本规则"), Some(32));
        assert_eq!(super::article_no("第一章  总  则"), None);
    }
}
