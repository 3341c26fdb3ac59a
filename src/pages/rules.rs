//! 规则: the regulation's text, each article linked to the rules that implement it, and the readings taken.

use leptos::prelude::*;
use yingsu_engine::rules::{rules_of_article, REGULATION_TEXT};

/// Readings of RULES.md §6 and §1 the engine applies, shown so nobody has to guess.
const READINGS: &[&str] = &[
    "规则未定义“日”：内部期限（第六条、第七条、第十一条）默认按自然日计算，可在设置中改为工作日；两种结果都在说明中列出。",
    "起算日不计入；自然日期限届满日为周末或法定节假日的，顺延至下一工作日；期间内的节假日不扣除；调休上班日是工作日，届满日落在调休上班日不顺延。",
    "法院期限（答辩15日、上诉判决15日/裁定10日）一律按自然日；行政复议被申请人答复“十日”自2024年1月1日起按工作日（行政复议法第八十八条），此前按自然日。",
    "“立即”（第七条第一项）期限为起算日当日，不顺延；记录中给定的日期（履行期限、建议回复期限、开庭日）原样使用，不顺延。",
    "缺少起算日期的义务显示“待补充”，即使已填写完成日。已填写的完成日即使晚于今天也视为已完成。",
    "上诉义务只在有裁判（已签收或已填写裁判结果）后产生；调解书、复议决定不产生上诉义务；裁判类型为空按判决（15日）。",
    "第十七条、第十八条第一款适用于所有被告类型；负责人出庭以开庭日为期限，开庭日已过且记录了合格负责人才算完成。",
    "司法建议、检察建议回复：记录的建议回复期限优先；紧急的15日；否则2个月（到期月无对应日取月末，再顺延）。",
    "案件最早日期早于2022-04-28的，依第三十二条适用通政办发〔2017〕40号，不予评估。",
    "代理人须注明（工作人员）或（律师）；未注明的不计为工作人员。",
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
            <section class="block">
                <h2>"本工具采用的解释"</h2>
                <p class="hint">"规则由区司法局负责解释（第三十一条）。规则未明确之处，本工具采用以下读法，并在每个期限的说明中写明："</p>
                <ol class="readings">{READINGS.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ol>
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
