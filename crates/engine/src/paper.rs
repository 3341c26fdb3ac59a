//! Reports on paper: the reports of 第十八条第二款, 第十九条, 第二十三条, 第二十四条 and 第二十八条 as
//! documents — a title, 一级/二级 headings, paragraphs, tables and charts, and the 落款 (发文机关署名 and
//! 成文日期). One [`Paper`] feeds both the page's 公文 print layout (GB/T 9704-2012) and the Word export
//! ([`crate::docx`]), so what prints and what opens in Word/WPS say the same thing.
//!
//! Builders take the report structs of [`crate::report`] and [`crate::periodic`] and render them
//! generically where they can (the indicator table is [`HalfYear::indicators`], whatever it holds).
//! An empty section says "无", never nothing.

use crate::model::{Matter, Outcome};
use crate::periodic::score::ScoreSheet;
use crate::periodic::{HeadYear, ReportPeriod};
use crate::report::{HalfYear, LostCase};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A document: what a clerk prints, seals and sends, or opens in Word to edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    /// The title, in lines broken by meaning (GB/T 9704: a long title is not broken mid-word).
    pub title: Vec<String>,
    /// A line under the title (basis, period), may be empty.
    pub subtitle: String,
    pub blocks: Vec<Block>,
    /// 发文机关署名 and 成文日期, with room above for the seal; `None` for internal sheets.
    pub signature: Option<Signature>,
    /// A file name without extension, e.g. `半年报告-区城管委-2025H1`.
    pub file_stem: String,
    /// Who made the file and when (the .docx's author and dates); empty until the page or the CLI says.
    #[serde(default)]
    pub meta: DocMeta,
}

/// The .docx's document properties (docProps/core.xml): Word's 作者 and 创建时间.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// 本机关 and 用户名, e.g. `区城管委 王芳`.
    pub author: String,
    /// The export date, `YYYY-MM-DD`.
    pub date: String,
}

/// One block of a [`Paper`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// 一级标题 "一、…" (黑体).
    H1(String),
    /// 二级标题 "（一）…" (楷体).
    H2(String),
    /// A body paragraph, first line indented two characters.
    P(String),
    /// A table.
    Table(Grid),
    /// A bar chart: printed in black, in Word a two-column table.
    Chart(Chart),
    /// Starts a new page (between the sheets of several agencies).
    PageBreak,
}

/// A table of a paper (rows of text under a head; not a record type of an exchange file); `small` sets it in 仿宋 4号 where 3号 does not fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grid {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub small: bool,
}

/// A bar chart: one bar per label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    pub title: String,
    pub bars: Vec<(String, usize)>,
}

/// 落款: the issuing agency and the 成文日期.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub agency: String,
    /// `2026年11月30日`.
    pub date: String,
}

/// 成文日期 as GB/T 9704 writes it: Arabic digits, year in full, no leading zeros (`2026年11月30日`).
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 一, 二, … 十九 for headings.
pub fn ordinal(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => n.to_string(),
    }
}

/// Builds a paper section by section, numbering the 一级标题 and writing "无" under an empty one.
struct Builder {
    blocks: Vec<Block>,
    h1: usize,
}

impl Builder {
    fn new() -> Builder {
        Builder { blocks: Vec::new(), h1: 0 }
    }
    /// A numbered section; `content` empty → "无".
    fn section(&mut self, heading: &str, content: Vec<Block>) {
        self.h1 += 1;
        self.blocks.push(Block::H1(format!("{}、{heading}", ordinal(self.h1))));
        if content.is_empty() {
            self.blocks.push(Block::P("无".into()));
        } else {
            self.blocks.extend(content);
        }
    }
}

/// The title: one line when it fits the 版心 (about 20 characters of 2号), else the agency on the
/// first line and the rest on the second (broken by meaning).
fn title(agency: &str, rest: &str) -> Vec<String> {
    if agency.chars().count() + rest.chars().count() <= 20 {
        vec![format!("{agency}{rest}")]
    } else {
        vec![agency.to_string(), rest.to_string()]
    }
}

fn d(x: Option<NaiveDate>) -> String {
    x.map(crate::dates::fmt).unwrap_or_else(|| "—".into())
}

fn or_unfilled(s: &str) -> String {
    if s.trim().is_empty() {
        "（未填写）".into()
    } else {
        s.trim().to_string()
    }
}

fn table(head: &[&str], rows: Vec<Vec<String>>, small: bool) -> Block {
    Block::Table(Grid { head: head.iter().map(|h| h.to_string()).collect(), rows, small })
}

/// How the report names the whole district (`全部` in the report structs).
fn display_agency(a: &str) -> &str {
    if a == "全部" {
        "全区"
    } else {
        a
    }
}

/// New 案件 per month of a half-year (the page's 月度新收案件 chart; 建议 are not 新收案件, §4.1).
pub fn months_intake(matters: &[Matter], agency: Option<&str>, period: ReportPeriod) -> Vec<(String, usize)> {
    let start = period.start();
    let months = (period.end().month() - start.month() + 1) as usize;
    let mut counts = vec![0usize; months];
    for (_, m) in crate::report::of_agency(matters, agency).filter(|(_, m)| !m.case_type.is_suggestion()) {
        if let Some(x) = m.intake_date().filter(|x| period.contains(*x)) {
            counts[(x.month() - start.month()) as usize] += 1;
        }
    }
    counts.into_iter().enumerate().map(|(i, n)| (format!("{}月", start.month() as usize + i), n)).collect()
}

/// Lost matters (败诉 + 部分败诉) of this half-year and the three before it, labelled with 审结.
pub fn loss_trend(earlier: &[HalfYear], current: &HalfYear) -> Vec<(String, usize)> {
    earlier
        .iter()
        .chain(std::iter::once(current))
        .map(|hy| (format!("{}（法院审结{}）", hy.period.label(), hy.court_closed.len()), hy.lost.len()))
        .collect()
}

/// The half-year paper of one agency (or all) straight from the register: the report, its monthly
/// intake and the loss trend of the four half-years up to `period`.
pub fn half_year_of(
    matters: &[Matter],
    evals: &[crate::rules::Evaluation],
    agency: Option<&str>,
    period: ReportPeriod,
    note: &str,
    signer: &str,
    today: NaiveDate,
) -> Paper {
    let r = crate::report::half_year(matters, evals, agency, period, today);
    let mut earlier: Vec<HalfYear> = std::iter::successors(Some(period.prev()), |p| Some(p.prev()))
        .take(3)
        .map(|p| crate::report::half_year(matters, evals, agency, p, today))
        .collect();
    earlier.reverse();
    half_year(
        &r,
        &HalfYearExtras {
            matters,
            months: months_intake(matters, agency, period),
            trend: loss_trend(&earlier, &r),
            note,
            signer,
            date: today,
        },
    )
}

/// What the half-year paper needs besides the report itself.
pub struct HalfYearExtras<'a> {
    pub matters: &'a [Matter],
    pub months: Vec<(String, usize)>,
    pub trend: Vec<(String, usize)>,
    /// 其他需要说明的事项 (the note saved with the report).
    pub note: &'a str,
    /// 发文机关署名.
    pub signer: &'a str,
    /// 成文日期.
    pub date: NaiveDate,
}

fn find<'a>(matters: &'a [Matter], no: &str) -> Option<&'a Matter> {
    matters.iter().find(|m| m.case_no.0 == no)
}

/// 半年案件情况报告 (第二十三条) as a paper: 案件总量数据、法院判决情况、典型案例分析、败诉案件分析、
/// 执行生效裁判情况、负责人出庭应诉情况、其他需要说明的事项.
pub fn half_year(r: &HalfYear, x: &HalfYearExtras) -> Paper {
    let who = display_agency(&r.agency);
    let mut b = Builder::new();
    let indicators = r.indicators();
    let mut total =
        vec![table(&["指标", "数值"], indicators.iter().map(|(k, v)| vec![k.to_string(), v.clone()]).collect(), true)];
    if !r.intake_by_type.is_empty() {
        total.push(Block::P("新收案件按案件类型和审级：".into()));
        total.push(table(
            &["案件类型", "审级", "新收"],
            r.intake_by_type
                .iter()
                .map(|(t, l, n)| vec![t.label().into(), l.map(|l| l.label()).unwrap_or_default().into(), n.to_string()])
                .collect(),
            true,
        ));
    }
    if x.months.iter().any(|(_, n)| *n > 0) {
        total.push(Block::Chart(Chart { title: "月度新收案件".into(), bars: x.months.clone() }));
    }
    b.section("案件总量数据", total);

    let mut judged = Vec::new();
    let bars = |v: &[(Option<Outcome>, usize)]| -> Vec<(String, usize)> {
        v.iter().map(|(o, n)| (o.map(|o| o.label()).unwrap_or("未填写").to_string(), *n)).collect()
    };
    // 法院判决 and 复议决定 are counted apart, never mixed (RULES.md §4.1).
    if r.closed() > 0 {
        judged.push(Block::P(format!(
            "本期法院审结 {} 件，败诉率（败诉＋部分败诉）/法院审结为 {}；复议审结 {} 件，复议纠错率为 {}。",
            r.court_closed.len(),
            r.loss_rate(),
            r.review_closed.len(),
            r.review_correction_rate()
        )));
    }
    if !r.outcomes.is_empty() {
        judged.push(Block::Chart(Chart { title: "法院审结案件的裁判结果".into(), bars: bars(&r.outcomes) }));
    }
    if !r.review_outcomes.is_empty() {
        judged
            .push(Block::Chart(Chart { title: "复议审结案件的结果".into(), bars: bars(&r.review_outcomes) }));
    }
    if x.trend.iter().any(|(_, n)| *n > 0) {
        judged.push(Block::Chart(Chart {
            title: "近四个半年度的败诉（含部分败诉）案件数".into(),
            bars: x.trend.clone(),
        }));
    }
    b.section("法院判决情况", judged);

    let typical: Vec<Block> = r
        .typical
        .iter()
        .map(|no| match find(x.matters, no) {
            Some(m) => Block::P(format!(
                "{no}：{}，{}{}。{}",
                m.case_type.label(),
                or_unfilled(&m.cause),
                m.outcome.map(|o| format!("，{}", o.label())).unwrap_or_default(),
                if m.case_summary.trim().is_empty() { String::new() } else { m.case_summary.trim().to_string() }
            )),
            None => Block::P(no.clone()),
        })
        .collect();
    b.section("典型案例分析", typical);

    let lost = if r.lost.is_empty() { vec![] } else { vec![lost_table(&r.lost, false)] };
    b.section("败诉案件分析", lost);

    let perf = if r.performance.is_empty() {
        vec![]
    } else {
        let n = |f: fn(&crate::report::Performance) -> bool| r.performance.iter().filter(|p| f(p)).count();
        vec![
            Block::P(format!(
                "应履行 {} 件，已履行 {} 件（其中逾期履行 {} 件），期末未履行 {} 件。",
                r.performance.len(),
                n(|p| !p.unperformed()),
                n(|p| p.performed_late()),
                n(|p| p.unperformed())
            )),
            table(
                &["案号", "生效日", "履行期限", "履行完成日", "履行状态"],
                r.performance
                    .iter()
                    .map(|p| {
                        vec![
                            p.case_no.clone(),
                            crate::dates::fmt(p.effective),
                            d(p.due),
                            match p.performed {
                                Some(x) => crate::dates::fmt(x),
                                None => format!("未履行（已{}日）", p.days_open),
                            },
                            p.status.label().to_string(),
                        ]
                    })
                    .collect(),
                true,
            ),
        ]
    };
    b.section("执行生效裁判情况", perf);

    b.section(
        "负责人出庭应诉情况",
        vec![Block::P(format!(
            "本期行政诉讼开庭 {} 件，负责人出庭 {} 件，负责人出庭率 {}；其中主要负责人出庭 {} 件，主要负责人出庭率 {}；负责人发言 {} 件，出声率 {}。行政复议听证 {} 件，负责人参加听证 {} 件。",
            r.hearings.len(),
            r.heads.len(),
            r.head_rate(),
            r.principal_heads.len(),
            r.principal_head_rate(),
            r.heads_spoke.len(),
            r.spoke_rate(),
            r.review_hearings.len(),
            r.review_heads.len()
        ))],
    );
    let note: Vec<Block> = x.note.lines().filter(|l| !l.trim().is_empty()).map(|l| Block::P(l.trim().into())).collect();
    b.section("其他需要说明的事项", note);

    Paper {
        title: title(who, &format!("{}案件情况报告", r.period.label())),
        subtitle: format!("（统计期间：{}至{}）", chinese_date(r.period.start()), chinese_date(r.period.end())),
        blocks: b.blocks,
        signature: Some(Signature { agency: x.signer.to_string(), date: chinese_date(x.date) }),
        file_stem: format!("半年报告-{}-{}", r.agency, r.period.code()),
        meta: DocMeta::default(),
    }
}

fn lost_table(lost: &[LostCase], with_agency: bool) -> Block {
    let mut head = vec!["案号"];
    if with_agency {
        head.push("机关");
    }
    head.extend(["案件类型", "裁判结果", "签收日", "涉及村委会", "败诉原因"]);
    let rows = lost
        .iter()
        .map(|l| {
            let mut row = vec![l.case_no.clone()];
            if with_agency {
                row.push(l.agency.clone());
            }
            row.extend([
                l.case_type.label().to_string(),
                l.outcome.label().to_string(),
                d(l.judgment_received),
                if l.village { "是" } else { "否" }.to_string(),
                or_unfilled(&l.cause),
            ]);
            row
        })
        .collect();
    table(&head, rows, true)
}

/// 季度败诉案件报告 (第二十四条第一款): the lost matters of the quarter (including 村委会), their cause
/// analysis and the judgments; 复议 decisions that revoked, changed or held the act unlawful are listed
/// apart and not counted as 败诉判决 (RULES.md §4.1).
pub fn quarter(
    agency: Option<&str>,
    period: ReportPeriod,
    lost: &[LostCase],
    corrected: &[LostCase],
    signer: &str,
    date: NaiveDate,
) -> Paper {
    let who = agency.unwrap_or("全区");
    let mut b = Builder::new();
    let village = lost.iter().filter(|l| l.village).count();
    let mut summary = vec![Block::P(format!(
        "{}，{}败诉（含部分败诉）案件 {} 件，其中涉及村委会 {} 件。",
        period.label(),
        who,
        lost.len(),
        village
    ))];
    if !lost.is_empty() {
        summary.push(lost_table(lost, agency.is_none()));
    }
    b.section("败诉案件情况", summary);
    b.section("原因分析", lost.iter().map(|l| Block::P(format!("{}：{}", l.case_no, or_unfilled(&l.cause)))).collect());
    b.section(
        "败诉判决",
        lost.iter()
            .map(|l| {
                Block::P(format!(
                    "{}，{}，裁判文书签收日 {}，败诉分析报告日 {}。",
                    l.case_no,
                    l.outcome.label(),
                    d(l.judgment_received),
                    d(l.loss_report)
                ))
            })
            .collect(),
    );
    b.section(
        "复议纠错案件（复议决定撤销、变更或确认违法，不计入败诉判决）",
        if corrected.is_empty() { vec![] } else { vec![lost_table(corrected, agency.is_none())] },
    );
    Paper {
        title: title(who, &format!("{}败诉案件情况报告", period.label())),
        subtitle: format!("（统计期间：{}至{}）", chinese_date(period.start()), chinese_date(period.end())),
        blocks: b.blocks,
        signature: Some(Signature { agency: signer.to_string(), date: chinese_date(date) }),
        file_stem: format!("季度败诉报告-{}-{}", agency.unwrap_or("全部"), period.code()),
        meta: DocMeta::default(),
    }
}

/// 年度负责人出庭应诉情况 (第十八条): the 主要负责人's participation (第十八条第二款) per agency and every
/// hearing of the year with who appeared.
pub fn heads(year: i32, sheets: &[HeadYear], matters: &[Matter], signer: &str, date: NaiveDate) -> Paper {
    let mut b = Builder::new();
    b.section(
        "主要负责人参与行政复议审理和出庭应诉（第十八条第二款）",
        if sheets.is_empty() {
            vec![]
        } else {
            vec![table(
                &["机关", "参与复议审理", "出庭应诉", "结论"],
                sheets
                    .iter()
                    .map(|h| {
                        vec![
                            h.agency.clone(),
                            format!("{} 次", h.reconsideration.len()),
                            format!("{} 次", h.litigation.len()),
                            h.status.label().to_string(),
                        ]
                    })
                    .collect(),
                true,
            )]
        },
    );
    let names: Vec<&str> = sheets.iter().map(|h| h.agency.as_str()).collect();
    let mut rows: Vec<(NaiveDate, Vec<String>)> = matters
        .iter()
        .filter(|m| names.contains(&m.agency_name()))
        .filter_map(|m| m.hearing.filter(|h| h.year() == year).map(|h| (h, m)))
        .map(|(h, m)| {
            (
                h,
                vec![
                    m.agency_name().to_string(),
                    m.case_no.0.clone(),
                    crate::dates::fmt(h),
                    if m.head_name.trim().is_empty() { "—".into() } else { m.head_name.trim().to_string() },
                    if m.head_title.trim().is_empty() { "—".into() } else { m.head_title.trim().to_string() },
                    if !m.head_name.trim().is_empty() && crate::rules::classify_head(m).0.is_head() {
                        "是"
                    } else {
                        "否"
                    }
                    .to_string(),
                ],
            )
        })
        .collect();
    crate::sort::natural(&mut rows);
    b.section(
        "开庭案件负责人出庭情况（第十七条、第十八条第一款）",
        if rows.is_empty() {
            vec![]
        } else {
            vec![table(
                &["机关", "案号", "开庭日", "出庭负责人", "职务", "负责人出庭"],
                rows.into_iter().map(|(_, r)| r).collect(),
                true,
            )]
        },
    );
    let who = if sheets.len() == 1 { sheets[0].agency.as_str() } else { "全区" };
    Paper {
        title: title(who, &format!("{year}年度负责人出庭应诉情况")),
        subtitle: String::new(),
        blocks: b.blocks,
        signature: Some(Signature { agency: signer.to_string(), date: chinese_date(date) }),
        file_stem: format!("负责人出庭-{who}-{year}"),
        meta: DocMeta::default(),
    }
}

/// 考核表 (第二十八条): scores of the five items, total and ranking, then each agency's figures.
pub fn assessment(year: i32, sheets: &[ScoreSheet], weights_note: &str, signer: &str, date: NaiveDate) -> Paper {
    let mut b = Builder::new();
    let mut ranking = vec![Block::P(weights_note.to_string())];
    if !sheets.is_empty() {
        let mut head = vec!["机关"];
        head.extend(crate::periodic::score::ITEMS.iter().map(|i| i.short));
        head.extend(["合计", "排名"]);
        ranking.push(table(
            &head,
            sheets
                .iter()
                .map(|s| {
                    let mut row = vec![s.agency.clone()];
                    row.extend(s.items.iter().map(|i| crate::periodic::score::tenths(i.score)));
                    row.push(crate::periodic::score::tenths(s.total));
                    row.push(s.rank.map(|r| r.to_string()).unwrap_or_else(|| "不参与".into()));
                    row
                })
                .collect(),
            true,
        ));
    }
    b.section("得分与排名", ranking);
    let mut detail = Vec::new();
    for (i, s) in sheets.iter().enumerate() {
        detail.push(Block::H2(format!("（{}）{}", ordinal(i + 1), s.agency)));
        detail.push(table(
            &["考核项目", "依据", "数据", "分值", "得分"],
            s.items
                .iter()
                .map(|it| {
                    vec![
                        it.name.to_string(),
                        it.basis.to_string(),
                        it.figure.clone(),
                        it.weight.to_string(),
                        crate::periodic::score::tenths(it.score),
                    ]
                })
                .collect(),
            true,
        ));
        for it in s.items.iter().filter(|it| !it.note.is_empty()) {
            detail.push(Block::P(format!("{}：{}", it.name, it.note)));
        }
    }
    b.section("各单位考核明细", detail);
    Paper {
        title: vec![format!("{year}年度应诉工作考核表")],
        subtitle: "（依据《通州区行政机关应诉规则》第二十八条）".into(),
        blocks: b.blocks,
        signature: Some(Signature { agency: signer.to_string(), date: chinese_date(date) }),
        file_stem: format!("考核表-{year}"),
        meta: DocMeta::default(),
    }
}

/// 出庭准备单 (第十九条): what the appearing head must know before the hearing — the matter's facts and
/// the four matters the article names (案件背景情况、政策依据、行政争议实质性化解方案、行政赔偿有关事项).
pub fn hearing_brief(m: &Matter) -> Paper {
    let mut b = Builder::new();
    let agents: Vec<&str> = m.agents.0.iter().map(|a| a.raw.as_str()).collect();
    b.blocks.push(table(
        &["项目", "内容"],
        vec![
            vec!["案号".into(), m.case_no.0.clone()],
            vec!["案由".into(), or_unfilled(&m.cause)],
            vec!["原告".into(), or_unfilled(&m.plaintiff)],
            vec!["审理机关".into(), or_unfilled(&m.tribunal)],
            vec![
                "开庭日".into(),
                m.hearing
                    .map(|h| format!("{}（{}）", chinese_date(h), crate::dates::weekday_zh(h)))
                    .unwrap_or_else(|| "（未填写）".into()),
            ],
            vec!["代理人".into(), if agents.is_empty() { "（未填写）".into() } else { agents.join("；") }],
            vec![
                "出庭负责人".into(),
                if m.head_name.trim().is_empty() {
                    "（未填写）".into()
                } else {
                    format!("{}（{}）", m.head_name.trim(), or_unfilled(&m.head_title))
                },
            ],
        ],
        false,
    ));
    // 第十九条 names the four matters the head speaks to in the hearing; each is the clerk's text.
    for (heading, text) in [
        ("案件背景情况", &m.case_summary),
        ("政策依据", &m.policy_basis),
        ("行政争议实质性化解方案", &m.resolution),
        ("行政赔偿有关事项", &m.compensation),
    ] {
        b.section(heading, text.lines().filter(|l| !l.trim().is_empty()).map(|l| Block::P(l.trim().into())).collect());
    }
    b.blocks.push(Block::P(format!(
        "出庭准备日：{}",
        m.hearing_prepared.map(chinese_date).unwrap_or_else(|| "____年__月__日".into())
    )));
    Paper {
        title: vec!["行政机关负责人出庭准备单".into()],
        subtitle: "（依据《通州区行政机关应诉规则》第十九条）".into(),
        blocks: b.blocks,
        signature: None,
        file_stem: format!("出庭准备单-{}", m.case_no.0),
        meta: DocMeta::default(),
    }
}

/// Whether a matter belongs in the 败诉案件分析研讨会 material of a period: lost (败诉, 部分败诉) with the
/// judgment received in the period, or marked 典型案例, 重大敏感 or 社会高度关注 with its intake or
/// judgment in the period.
// 解释：第二十四条第二款 "败诉案件及典型、重大、敏感类案件" — 典型 = 典型案例, 重大、敏感 = 重大敏感 or
// 社会高度关注; a marked matter counts in the period it arrived or was judged.
pub fn for_seminar(m: &Matter, period: ReportPeriod) -> bool {
    let judged = m.judgment_received.is_some_and(|x| period.contains(x));
    let lost = judged && m.outcome.is_some_and(Outcome::is_loss);
    let active = judged || m.intake_date().is_some_and(|x| period.contains(x));
    lost || (active && (m.typical || m.major_sensitive || m.high_attention))
}

/// 整改 of a matter as the record tells it: a kept column 整改情况/整改措施 when the file has one, then
/// the dates that show remedial work (履行完成日, 重新作出日, 败诉分析报告日).
// 解释：cases.csv has no 整改 column; the material states what the record holds and says so when nothing is.
pub fn remediation(m: &Matter) -> String {
    let mut parts: Vec<String> = ["整改情况", "整改措施", "整改"]
        .iter()
        .filter_map(|k| m.extra(k))
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.trim().to_string())
        .collect();
    if let Some(x) = m.loss_report {
        parts.push(format!("{}报送败诉分析报告", chinese_date(x)));
    }
    if let Some(x) = m.performed {
        parts.push(format!("{}履行完毕", chinese_date(x)));
    }
    if let Some(x) = m.remade {
        parts.push(format!("{}重新作出行政行为", chinese_date(x)));
    }
    if parts.is_empty() {
        "（台账未记录整改情况）".into()
    } else {
        parts.join("；")
    }
}

/// 败诉案件分析研讨会材料 (第二十四条第二款) of one agency (or all) for one period.
pub fn seminar(matters: &[Matter], agency: Option<&str>, period: ReportPeriod, signer: &str, date: NaiveDate) -> Paper {
    let picked: Vec<&Matter> =
        crate::report::of_agency(matters, agency).map(|(_, m)| m).filter(|m| for_seminar(m, period)).collect();
    let who = agency.unwrap_or("全区");
    let mut b = Builder::new();
    let lost = picked.iter().filter(|m| m.outcome.is_some_and(Outcome::is_loss)).count();
    let mut overview = vec![Block::P(format!(
        "{}，{}提交评析的案件 {} 件，其中败诉（含部分败诉）{} 件，典型、重大、敏感类 {} 件。",
        period.label(),
        who,
        picked.len(),
        lost,
        picked.len() - lost
    ))];
    if !picked.is_empty() {
        overview.push(table(
            &["案号", "案由", "裁判结果", "类别"],
            picked
                .iter()
                .map(|m| {
                    vec![
                        m.case_no.0.clone(),
                        or_unfilled(&m.cause),
                        m.outcome.map(|o| o.label().to_string()).unwrap_or_else(|| "（未审结）".into()),
                        seminar_kind(m),
                    ]
                })
                .collect(),
            true,
        ));
    }
    b.section("案件概况", overview);
    let mut detail = Vec::new();
    for (i, m) in picked.iter().enumerate() {
        detail.push(Block::H2(format!("（{}）{}", ordinal(i + 1), m.case_no.0)));
        detail.push(Block::P(format!("案由：{}。", or_unfilled(&m.cause))));
        detail.push(Block::P(format!(
            "裁判结果：{}{}。",
            m.outcome.map(|o| o.label()).unwrap_or("（未审结）"),
            m.judgment_received.map(|x| format!("（{}签收）", chinese_date(x))).unwrap_or_default()
        )));
        detail.push(Block::P(format!("败诉原因：{}。", or_unfilled(&m.loss_cause).trim_end_matches('。'))));
        detail.push(Block::P(format!("整改情况：{}。", remediation(m).trim_end_matches('。'))));
    }
    b.section("逐案评析", detail);
    Paper {
        title: title(who, &format!("{}败诉案件分析研讨会材料", period.label())),
        subtitle: "（依据《通州区行政机关应诉规则》第二十四条第二款）".into(),
        blocks: b.blocks,
        signature: Some(Signature { agency: signer.to_string(), date: chinese_date(date) }),
        file_stem: format!("研讨会材料-{}-{}", agency.unwrap_or("全部"), period.code()),
        meta: DocMeta::default(),
    }
}

fn seminar_kind(m: &Matter) -> String {
    let mut k = Vec::new();
    if m.outcome.is_some_and(Outcome::is_loss) {
        k.push("败诉");
    }
    if m.typical {
        k.push("典型");
    }
    if m.major_sensitive {
        k.push("重大敏感");
    }
    if m.high_attention {
        k.push("社会高度关注");
    }
    k.join("、")
}

impl Paper {
    /// The same paper with every text as a document carries it ([`crate::text::for_document`]): no character a
    /// .docx's XML cannot hold, no bidirectional override reordering what prints.
    pub fn cleaned(mut self) -> Paper {
        fn c(s: &mut String) {
            if let std::borrow::Cow::Owned(o) = crate::text::for_document(s) {
                *s = o;
            }
        }
        self.title.iter_mut().for_each(c);
        c(&mut self.subtitle);
        for b in &mut self.blocks {
            match b {
                Block::H1(s) | Block::H2(s) | Block::P(s) => c(s),
                Block::Table(t) => {
                    t.head.iter_mut().for_each(c);
                    t.rows.iter_mut().flatten().for_each(c);
                }
                Block::Chart(ch) => {
                    c(&mut ch.title);
                    ch.bars.iter_mut().for_each(|(l, _)| c(l));
                }
                Block::PageBreak => {}
            }
        }
        if let Some(sig) = &mut self.signature {
            c(&mut sig.agency);
            c(&mut sig.date);
        }
        c(&mut self.meta.author);
        self
    }

    /// Every text of the paper, in order (title, blocks, 落款): what a test or a search reads.
    pub fn texts(&self) -> Vec<String> {
        let mut out: Vec<String> = self.title.clone();
        out.push(self.subtitle.clone());
        for b in &self.blocks {
            match b {
                Block::H1(s) | Block::H2(s) | Block::P(s) => out.push(s.clone()),
                Block::Table(t) => {
                    out.extend(t.head.iter().cloned());
                    out.extend(t.rows.iter().flatten().cloned());
                }
                Block::Chart(c) => {
                    out.push(c.title.clone());
                    for (l, n) in &c.bars {
                        out.push(l.clone());
                        out.push(n.to_string());
                    }
                }
                Block::PageBreak => {}
            }
        }
        if let Some(s) = &self.signature {
            out.push(s.agency.clone());
            out.push(s.date.clone());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbt9704_date_has_no_leading_zeros() {
        assert_eq!(chinese_date(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()), "2026年11月30日");
        assert_eq!(chinese_date(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()), "2026年1月5日");
    }

    #[test]
    fn headings_count_in_chinese() {
        assert_eq!(ordinal(1), "一");
        assert_eq!(ordinal(7), "七");
        assert_eq!(ordinal(10), "十");
        assert_eq!(ordinal(12), "十二");
    }

    #[test]
    fn long_titles_break_after_the_agency() {
        assert_eq!(title("区城管委", "2025年上半年案件情况报告"), vec!["区城管委2025年上半年案件情况报告"]);
        assert_eq!(
            title("北京市通州区城市管理综合行政执法局", "2025年上半年案件情况报告"),
            vec!["北京市通州区城市管理综合行政执法局", "2025年上半年案件情况报告"]
        );
    }
}
