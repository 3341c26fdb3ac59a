//! Reports on paper and in Word: the 公文 papers of the reports, the .docx written from them, the
//! 考核表 scores (第二十八条) computed by hand, the 出庭准备单 (第十九条) and the 研讨会材料 (第二十四条第二款).

mod common;
use common::*;
use std::io::Read;
use std::process::Command;
use yingsu_engine::docx::to_docx;
use yingsu_engine::model::{Agency, AgencyName, AgencyType, CaseNo, CaseType::*, Outcome};
use yingsu_engine::paper::{self, Block, Paper};
use yingsu_engine::periodic::score::{rank, score, ScoreSheet};
use yingsu_engine::periodic::{Assessment, Figure, HeadYear, ReportPeriod};
use yingsu_engine::{evaluate, Calendar, Matter, Settings, Status};

fn m(no: &str, agency: &str) -> Matter {
    let mut x = own(AdminLitigation);
    x.case_no = CaseNo(no.into());
    x.agency = agency.into();
    x
}

/// 区城管委 in 2025 H1: one won, one lost (typical, cause recorded), one partly lost in a village.
fn register() -> Vec<Matter> {
    let mut a = m("（2025）京0112行初1号", "区城管委");
    a.complaint_received = od("2025-01-06");
    a.judgment_received = od("2025-06-30");
    a.outcome = Some(Outcome::Won);
    a.hearing = od("2025-04-01");
    a.head_name = "王局长".into();
    a.head_title = "正职".into();
    let mut b = m("（2025）京0112行初2号", "区城管委");
    b.cause = "行政处罚".into();
    b.complaint_received = od("2025-02-10");
    b.judgment_received = od("2025-06-15");
    b.outcome = Some(Outcome::Lost);
    b.loss_report = od("2025-06-18");
    b.loss_cause = "程序违法：未告知陈述申辩权利".into();
    b.typical = true;
    b.effective = od("2025-06-20");
    b.performed = od("2025-06-25");
    let mut c = m("（2025）京0112行初3号", "区城管委");
    c.complaint_received = od("2025-03-03");
    c.judgment_received = od("2025-03-20");
    c.outcome = Some(Outcome::PartlyLost);
    c.village = true;
    let mut s = m("（2025）京0112行初9号", "区城管委");
    s.cause = "强制拆除".into();
    s.high_attention = true;
    s.complaint_received = od("2025-05-05");
    vec![a, b, c, s]
}

fn evals(ms: &[Matter]) -> Vec<yingsu_engine::Evaluation> {
    ms.iter().map(|x| evaluate(x, &Calendar::bundled(), &Settings::default(), d("2025-07-15"))).collect()
}

fn h1(p: &Paper) -> Vec<String> {
    p.blocks.iter().filter_map(|b| if let Block::H1(s) = b { Some(s.clone()) } else { None }).collect()
}

/// The text after a 一级标题, up to the next one.
fn section<'a>(p: &'a Paper, heading: &str) -> Vec<&'a Block> {
    let start = p.blocks.iter().position(|b| matches!(b, Block::H1(s) if s.ends_with(heading))).expect(heading);
    p.blocks[start + 1..].iter().take_while(|b| !matches!(b, Block::H1(_))).collect()
}

#[test]
fn art_23_half_year_paper_has_the_six_matters_and_a_signature() {
    let ms = register();
    let ev = evals(&ms);
    let p =
        paper::half_year_of(&ms, &ev, Some("区城管委"), ReportPeriod::Half(2025, 1), "", "区城管委", d("2026-11-30"));
    assert_eq!(p.title, vec!["区城管委2025年上半年案件情况报告"]);
    assert_eq!(
        h1(&p),
        [
            "一、案件总量数据",
            "二、法院判决情况",
            "三、典型案例分析",
            "四、败诉案件分析",
            "五、执行生效裁判情况",
            "六、负责人出庭应诉情况",
            "七、其他需要说明的事项"
        ]
    );
    // No note saved: the section prints 无, not nothing.
    assert_eq!(section(&p, "其他需要说明的事项"), [&Block::P("无".into())]);
    let sig = p.signature.as_ref().unwrap();
    assert_eq!((sig.agency.as_str(), sig.date.as_str()), ("区城管委", "2026年11月30日"));
    // Every indicator of the report is on the paper.
    let r = yingsu_engine::report::half_year(&ms, &ev, Some("区城管委"), ReportPeriod::Half(2025, 1), d("2026-11-30"));
    let texts = p.texts();
    for (k, v) in r.indicators() {
        assert!(texts.iter().any(|t| t == k), "{k}");
        assert!(texts.contains(&v), "{k} = {v}");
    }
    let typical = section(&p, "典型案例分析");
    assert!(
        matches!(typical[0], Block::P(s) if s.contains("（2025）京0112行初2号") && s.contains("行政处罚")),
        "{typical:?}"
    );
    let with_note = paper::half_year_of(
        &ms,
        &ev,
        Some("区城管委"),
        ReportPeriod::Half(2025, 1),
        "一线说明\n\n二线说明",
        "区城管委",
        d("2026-11-30"),
    );
    assert_eq!(section(&with_note, "其他需要说明的事项"), [&Block::P("一线说明".into()), &Block::P("二线说明".into())]);
}

#[test]
fn art_24_quarter_paper_lists_losses_causes_and_judgments() {
    let ms = register();
    let lost = yingsu_engine::report::quarter_losses(&ms, Some("区城管委"), ReportPeriod::Quarter(2025, 1));
    let p = paper::quarter(Some("区城管委"), ReportPeriod::Quarter(2025, 1), &lost, &[], "区城管委", d("2026-11-30"));
    assert_eq!(
        h1(&p),
        [
            "一、败诉案件情况",
            "二、原因分析",
            "三、败诉判决",
            "四、复议纠错案件（复议决定撤销、变更或确认违法，不计入败诉判决）"
        ]
    );
    let t = p.texts().join("\n");
    assert!(t.contains("败诉（含部分败诉）案件 1 件，其中涉及村委会 1 件"), "{t}");
    assert!(t.contains("（2025）京0112行初3号：（未填写）"), "{t}");
    let empty = paper::quarter(Some("区城管委"), ReportPeriod::Quarter(2025, 4), &[], &[], "区城管委", d("2026-11-30"));
    assert_eq!(section(&empty, "原因分析"), [&Block::P("无".into())]);
    assert_eq!(section(&empty, "败诉判决"), [&Block::P("无".into())]);
}

#[test]
fn art_19_hearing_brief_from_the_matters_fields() {
    let mut x = m("（2026）京0112行初7号", "区城管委");
    x.cause = "房屋征收补偿".into();
    x.plaintiff = "赵某".into();
    x.tribunal = "通州区人民法院".into();
    x.hearing = od("2026-12-08");
    x.agents = yingsu_engine::model::Agents(vec![
        yingsu_engine::model::Agent::parse("李四（工作人员）"),
        yingsu_engine::model::Agent::parse("周律师（律师）"),
    ]);
    x.case_summary = "原告房屋位于征收范围内。\n补偿方案已公告。".into();
    x.policy_basis = "《国有土地上房屋征收与补偿条例》第十九条".into();
    x.resolution = "庭前约谈，协商提高搬迁奖励".into();
    let p = paper::hearing_brief(&x);
    let t = p.texts();
    for want in [
        "（2026）京0112行初7号",
        "房屋征收补偿",
        "赵某",
        "通州区人民法院",
        "2026年12月8日（星期二）",
        "李四（工作人员）；周律师（律师）",
    ] {
        assert!(t.iter().any(|s| s.contains(want)), "{want} in {t:?}");
    }
    assert_eq!(h1(&p), ["一、案件背景情况", "二、政策依据", "三、行政争议实质性化解方案", "四、行政赔偿有关事项"]);
    assert_eq!(
        section(&p, "案件背景情况"),
        [&Block::P("原告房屋位于征收范围内。".into()), &Block::P("补偿方案已公告。".into())]
    );
    // 赔偿事项 not filled in: 无.
    assert_eq!(section(&p, "行政赔偿有关事项")[0], &Block::P("无".into()));
    assert!(t.iter().any(|s| s == "出庭准备日：____年__月__日"));
    x.hearing_prepared = od("2026-12-01");
    assert!(paper::hearing_brief(&x).texts().iter().any(|s| s == "出庭准备日：2026年12月1日"));
}

#[test]
fn art_24_2_seminar_material_takes_losses_and_marked_matters() {
    let ms = register();
    let p = paper::seminar(&ms, Some("区城管委"), ReportPeriod::Half(2025, 1), "区城管委", d("2026-11-30"));
    let t = p.texts().join("\n");
    // Lost: 2 and 3; 社会高度关注 with intake in the period: 9; won and unmarked: 1 is not there.
    assert!(t.contains("提交评析的案件 3 件，其中败诉（含部分败诉）2 件，典型、重大、敏感类 1 件"), "{t}");
    assert!(!t.contains("行初1号"), "{t}");
    assert!(t.contains("败诉原因：程序违法：未告知陈述申辩权利。"), "{t}");
    assert!(t.contains("整改情况：2025年6月18日报送败诉分析报告；2025年6月25日履行完毕。"), "{t}");
    assert!(t.contains("（三）（2025）京0112行初9号"), "{t}");
    assert!(t.contains("败诉、典型"), "{t}");
}

fn fig(rules: &'static str, met: usize, missed: usize) -> Figure {
    Figure {
        name: rules,
        rules,
        met: (0..met).map(|i| CaseNo(format!("{rules}-ok{i}"))).collect(),
        missed: (0..missed).map(|i| CaseNo(format!("{rules}-late{i}"))).collect(),
        detail: String::new(),
        uncounted: vec![],
    }
}

fn sheet(agency: &str, heads: Status, capacity: Option<Status>) -> Assessment {
    Assessment {
        agency: agency.into(),
        year: 2025,
        figures: vec![
            fig("R18A", 1, 1),
            fig("R08、R14", 3, 1),
            fig("R12、R21", 0, 0),
            fig("R13A、R13B、R22A、R22B、R22C", 1, 2),
        ],
        heads: HeadYear {
            agency: agency.into(),
            year: 2025,
            reconsideration: vec![],
            litigation: vec![],
            reconsideration_hearings: 1,
            litigation_hearings: 1,
            status: heads,
            explanation: String::new(),
        },
        capacity: capacity.map(|s| (s, vec![])),
    }
}

#[test]
fn art_28_scores_by_hand() {
    let s = score(&sheet("区城管委", Status::Violation, Some(Status::Compliant)), &[20; 5]);
    let got: Vec<(&str, &str, u32)> = s.items.iter().map(|i| (i.name, i.figure.as_str(), i.score)).collect();
    assert_eq!(
        got,
        [
            // R18A 1 of 2, R18B 违反 counts as one more missed: 1/3 of 20 = 6.67 → 6.7
            ("出庭应诉", "1/3", 67),
            ("支持法院受理和审理案件", "3/4", 150),
            // nothing due: full points, said so
            ("执行法院生效裁判", "—", 200),
            ("应诉能力建设", "符合", 200),
            ("落实司法建议及法制建议", "1/3", 67),
        ]
    );
    assert_eq!(s.total, 684);
    assert_eq!(yingsu_engine::periodic::score::tenths(s.total), "68.4");
    assert!(s.items[2].note.contains("按满分计"));
    // Other weights (a local setting): 30, 20, 20, 10, 20.
    let w = score(&sheet("区城管委", Status::Violation, Some(Status::Compliant)), &[30, 20, 20, 10, 20]);
    assert_eq!(w.items.iter().map(|i| i.score).collect::<Vec<_>>(), [100, 150, 200, 100, 67]);
    assert_eq!(w.total, 617);
    // R18B 符合 counts as met; 进行中 not at all; R26 违反 or unknown agency: 0.
    assert_eq!(score(&sheet("x", Status::Compliant, None), &[20; 5]).items[0].figure, "2/3");
    assert_eq!(score(&sheet("x", Status::InProgress, Some(Status::Violation)), &[20; 5]).items[0].figure, "1/2");
    assert_eq!(score(&sheet("x", Status::InProgress, Some(Status::Violation)), &[20; 5]).items[3].score, 0);
    assert_eq!(score(&sheet("x", Status::InProgress, None), &[20; 5]).items[3].figure, "未登记");
}

#[test]
fn art_28_ranking_leaves_out_the_justice_bureau_by_default() {
    let mk = |a: &str, total: u32| ScoreSheet { agency: a.into(), items: vec![], total, rank: None };
    let all = vec![mk("区城管委", 684), mk("区住建委", 684), mk("区司法局", 1000), mk("区水务局", 900)];
    let mut v = all.clone();
    rank(&mut v, &[], false);
    let got: Vec<(&str, Option<usize>)> = v.iter().map(|s| (s.agency.as_str(), s.rank)).collect();
    assert_eq!(got, [("区水务局", Some(1)), ("区住建委", Some(2)), ("区城管委", Some(2)), ("区司法局", None)]);
    let mut v = all.clone();
    rank(&mut v, &[], true);
    let got: Vec<(&str, Option<usize>)> = v.iter().map(|s| (s.agency.as_str(), s.rank)).collect();
    assert_eq!(got, [("区司法局", Some(1)), ("区水务局", Some(2)), ("区住建委", Some(3)), ("区城管委", Some(3))]);
    // The directory's 机关类型 decides when present.
    let dir = vec![Agency {
        name: AgencyName("法制办".into()),
        agency_type: Some(AgencyType::JusticeBureau),
        ..Agency::default()
    }];
    let mut v = vec![mk("法制办", 1000), mk("区城管委", 1)];
    rank(&mut v, &dir, false);
    assert_eq!(v[1].rank, None);
    assert_eq!(v[0].rank, Some(1));
}

/// Unzips `word/document.xml` and checks it is well-formed XML (every tag closed, names matching).
fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("word/document.xml").read_to_string(&mut xml).unwrap();
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut depth = 0i32;
    loop {
        match r.read_event().unwrap_or_else(|e| panic!("malformed at {}: {e}", r.buffer_position())) {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element closed");
    xml
}

/// The text of the document (runs joined), for searching.
fn plain(xml: &str) -> String {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    loop {
        match r.read_event().unwrap() {
            quick_xml::events::Event::Text(t) => {
                out.push_str(&t.decode().unwrap());
                out.push('\n');
            }
            quick_xml::events::Event::GeneralRef(g) => out.push_str(&format!("&{};", String::from_utf8_lossy(&g))),
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn docx_of_the_half_year_report_holds_agency_period_and_every_figure() {
    let ms = register();
    let ev = evals(&ms);
    let p =
        paper::half_year_of(&ms, &ev, Some("区城管委"), ReportPeriod::Half(2025, 1), "", "区城管委", d("2026-11-30"));
    let bytes = to_docx(&p);
    assert_eq!(&bytes[..2], b"PK");
    let xml = document_xml(&bytes);
    let text = plain(&xml);
    for t in p.texts().iter().filter(|t| !t.is_empty()) {
        assert!(text.contains(t.as_str()), "{t} missing from document.xml");
    }
    assert!(text.contains("区城管委") && text.contains("2025年上半年") && text.contains("2026年11月30日"));
    // A4 with the 公文 margins: 天头 37 mm, 订口 28 mm (twips).
    assert!(xml.contains(r#"<w:pgSz w:w="11904" w:h="16836""#), "{}", &xml[xml.find("<w:sectPr").unwrap()..]);
    assert!(
        xml.contains(r#"w:top="2097""#) && xml.contains(r#"w:left="1587""#),
        "{}",
        &xml[xml.find("<w:sectPr").unwrap()..]
    );
    // Page numbers: odd and even footers with a PAGE field.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let footers: Vec<String> = zip.file_names().filter(|n| n.starts_with("word/footer")).map(String::from).collect();
    assert_eq!(footers.len(), 2, "{footers:?}");
    for f in footers {
        let mut s = String::new();
        zip.by_name(&f).unwrap().read_to_string(&mut s).unwrap();
        assert!(s.contains("PAGE") && s.contains("— "), "{s}");
    }
}

/// A part of the .docx as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn issue_21_docx_is_well_formed_whatever_a_cell_holds_and_names_its_author_and_date() {
    let mut ms = register();
    // What Word's Shift+Enter pastes (U+000B), a noncharacter, a C0 control and a right-to-left override.
    ms[1].loss_cause = "程序违法\u{b}未告知\u{fffe}陈述\u{1}申辩".into();
    ms[1].case_no = CaseNo("（2025）京0112行初2号\u{202e}gpj.exe".into());
    let ev = evals(&ms);
    let mut p =
        paper::half_year_of(&ms, &ev, Some("区城管委"), ReportPeriod::Half(2025, 1), "", "区城管委", d("2026-11-30"));
    p.meta = paper::DocMeta { author: "区城管委 王芳".into(), date: "2026-12-06".into() };
    let bytes = to_docx(&p);
    let xml = document_xml(&bytes);
    assert!(!xml.chars().any(yingsu_engine::text::is_xml_illegal), "XML 1.0 forbids these characters");
    assert!(!xml.contains('\u{202e}'), "the override is written out, not applied");
    let text = plain(&xml);
    assert!(text.contains("程序违法 未告知⟨U+FFFE⟩陈述⟨U+0001⟩申辩"), "{text}");
    assert!(text.contains("（2025）京0112行初2号⟨U+202E⟩gpj.exe"), "{text}");
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:creator>区城管委 王芳</dc:creator>"), "{core}");
    assert!(core.contains(">2026-12-06T00:00:00Z</dcterms:created>"), "{core}");
    assert!(!core.contains("1970") && !core.contains("unknown"), "{core}");
    let mut r = quick_xml::Reader::from_str(&core);
    while !matches!(r.read_event().expect("core.xml parses"), quick_xml::events::Event::Eof) {}
}

#[test]
fn cli_report_format_docx_writes_a_word_document() {
    let dir = std::env::temp_dir().join(format!("yingsu-paper-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cases.csv");
    std::fs::write(&file, yingsu_engine::codec::export(&register())).unwrap();
    for (kind, period, want) in [
        ("half-year", "2025H1", "区城管委2025年上半年案件情况报告"),
        ("quarter", "2025Q1", "2025年第一季度败诉案件情况报告"),
        ("seminar", "2025H1", "2025年上半年败诉案件分析研讨会材料"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_yingsu"))
            .args([
                "report",
                kind,
                "--period",
                period,
                "--agency",
                "区城管委",
                "--today",
                "2026-11-30",
                "--format",
                "docx",
            ])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let text = plain(&document_xml(&out.stdout));
        assert!(text.contains(want) && text.contains("2026年11月30日"), "{kind}: {text}");
        let core = part(&out.stdout, "docProps/core.xml");
        assert!(core.contains("<dc:creator>区城管委</dc:creator>") && core.contains("2026-11-30T"), "{core}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["report", "half-year", "--period", "2025H1", "--format", "pdf"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--format「pdf」应为 csv 或 docx"));
}

/// (r3 §7.8) The half-year paper (print and .docx) gives the hearing figures of revision 3: administrative hearings
/// only, 负责人发言 and 出声率, and the 复议 听证 apart.
#[test]
fn art_23_r3_half_year_paper_has_review_hearings_and_spoken_rate() {
    let ms = register();
    let ev = evals(&ms);
    let p =
        paper::half_year_of(&ms, &ev, Some("区城管委"), ReportPeriod::Half(2025, 1), "", "区城管委", d("2026-11-30"));
    let text = p.texts().join("\n");
    assert!(text.contains("本期行政诉讼开庭"), "{text}");
    assert!(text.contains("负责人发言") && text.contains("出声率"), "{text}");
    assert!(text.contains("行政复议听证") && text.contains("负责人参加听证"), "{text}");
}
