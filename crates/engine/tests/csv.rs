//! The exchange formats as CSV.md describes them: every accepted input form, round trips, robustness.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use yingsu_engine::codec::{export, import, Import};
use yingsu_engine::codec::{import_text, MAX_ROWS};
use yingsu_engine::exchange::import_submissions;
use yingsu_engine::model::TimeOfDay;
use yingsu_engine::model::{
    ActSource, AppealDecision, CaseType, Cell, Column, Defendant, Instance, JudgmentType, Outcome, QuashReason,
};
use yingsu_engine::text::{match_name, NameMatch};
use yingsu_engine::Matter;

fn one(bytes: &[u8]) -> Import<Matter> {
    import::<Matter>(bytes).unwrap()
}

#[test]
fn gb18030_file_as_excel_on_chinese_windows_writes_it() {
    // "案号,案件类型,被告类型,原告" + a row, encoded by hand-checked GBK bytes for 案号 (B0 B8 BA C5).
    let text = "案号,案件类型,被告类型,原告,起诉状副本收到日\r\n（2025）京0112行初3号,行政复议,区政府,北京某某有限公司,2025/1/20\r\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    assert_eq!(&bytes[..4], &[0xB0, 0xB8, 0xBA, 0xC5]);
    let imp = one(&bytes);
    assert_eq!(imp.encoding, "GB18030");
    let m = &imp.rows[0].record;
    assert_eq!(m.plaintiff, "北京某某有限公司");
    assert_eq!(m.case_type, CaseType::Reconsideration);
    assert_eq!(m.complaint_received, NaiveDate::from_ymd_opt(2025, 1, 20));
}

#[test]
fn excel_resave_loses_bom_uses_crlf_and_serial_dates() {
    let imp =
        one("案号,被告类型,案件类型,起诉状副本收到日,重大敏感\r\nX,本机关,行政诉讼,45678,1\r\n,,,,\r\n,,,,\r\n"
            .as_bytes());
    assert_eq!(imp.encoding, "UTF-8");
    assert_eq!(imp.rows.len(), 1, "trailing empty rows ignored");
    assert_eq!(imp.rows[0].record.complaint_received, NaiveDate::from_ymd_opt(2025, 1, 21));
    assert!(imp.rows[0].record.major_sensitive);
}

#[test]
fn quoted_newlines_and_commas_survive() {
    let mut m = Matter::new("（2025）京0112行初4号");
    m.cause = "不服行政处罚决定，要求撤销".into();
    m.remarks = "第一行\r\n第二行，含\"引号\",逗号".into();
    let out = export(&[m.clone()]);
    let back = one(&out);
    assert_eq!(back.rows[0].record, m);
}

#[test]
fn formula_looking_cells_round_trip_byte_identical() {
    let mut m = Matter::new("=1+1");
    m.plaintiff = "+86 10 8888".into();
    m.remarks = "-5".into();
    m.cause = "@x".into();
    m.tribunal = "\t缩进".into();
    let out = export(&[m.clone()]);
    let text = String::from_utf8(out.clone()).unwrap();
    for guarded in ["'=1+1", "'+86 10 8888", "'-5", "'@x"] {
        assert!(text.contains(guarded), "{guarded}");
    }
    let back = one(&out);
    assert_eq!(back.rows[0].record.case_no.0, "=1+1");
    assert_eq!(export(&[back.rows[0].record.clone()]), out);
}

#[test]
fn every_error_names_row_and_column() {
    let imp =
        one("案号,案件类型,被告类型,审级,开庭日,紧急,裁判结果\nA,行政诉讼,本机关,三审,2025-1-5,也许,赢了\n".as_bytes());
    let errs: Vec<String> = imp.errors().map(|e| e.to_string()).collect();
    assert_eq!(errs.len(), 4, "{errs:?}");
    assert!(errs[0].starts_with("第2行「审级」："));
    assert!(errs[1].starts_with("第2行「开庭日」："));
    assert!(errs[2].starts_with("第2行「紧急」："));
    assert!(errs[3].starts_with("第2行「裁判结果」："));
}

fn opt<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = Option<T>> {
    prop_oneof![Just(None), proptest::sample::select(all).prop_map(Some)]
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        (0i64..4000).prop_map(|n| Some(NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + Duration::days(n)))
    ]
}

fn text() -> impl Strategy<Value = String> {
    // Printable text of every awkward kind: commas, quotes, newlines, formula starts, Chinese, semicolons.
    proptest::collection::vec(
        prop_oneof![
            Just(","),
            Just("\""),
            Just("\n"),
            Just("="),
            Just("-"),
            Just("@"),
            Just("+"),
            Just("案"),
            Just("；"),
            Just("a"),
            Just(" "),
            Just("'")
        ],
        0..12,
    )
    .prop_map(|v| v.concat().trim().to_string())
}

prop_compose! {
    fn matter()(no in "[A-Z0-9（）京行初号]{1,12}", t in proptest::sample::select(CaseType::ALL), d in proptest::sample::select(Defendant::ALL),
                inst in proptest::sample::select(Instance::ALL), src in opt(ActSource::ALL), jt in opt(JudgmentType::ALL),
                out in opt(Outcome::ALL), ad in opt(AppealDecision::ALL), plaintiff in text(), remarks in text(),
                d1 in date(), d2 in date(), d3 in date(), flags in proptest::collection::vec(any::<bool>(), 9),
                agents in proptest::sample::select(vec!["", "张三（工作人员）", "张三（工作人员）；李律师（律师）"]),
                r2 in proptest::collection::vec(any::<bool>(), 6), qr in opt(QuashReason::ALL), orig in text(),
                cause in text(), summary in text(), d4 in date(), d5 in date()) -> Matter {
        let mut m = Matter::new(&no);
        m.case_type = t; m.defendant = d; m.instance = Some(inst); yingsu_engine::form::normalize_instance(&mut m); m.act_source = src; m.judgment_type = jt; m.outcome = out;
        m.appeal_decision = ad; m.plaintiff = plaintiff; m.remarks = remarks;
        m.complaint_received = d1; m.hearing = d2; m.effective = d3;
        m.major_sensitive = flags[0]; m.urgent = flags[8]; m.village = flags[7];
        m.agents = Cell::parse_cell(agents).unwrap();
        // Revision 2 columns (CSV.md): they round-trip like the others.
        m.simplified = r2[0]; m.written_review = r2[1]; m.court_asked_head = r2[2]; m.pre_litigation = r2[3];
        m.remake = r2[4]; m.typical = r2[5]; m.quash_reason = qr; m.original_agency = orig; m.loss_cause = cause;
        m.case_summary = summary; m.hearing_prepared = d4; m.retrial_applied = d5;
        m
    }
}

proptest! {
    #[test]
    fn export_import_gives_equal_data_and_export_again_is_byte_identical(ms in proptest::collection::vec(matter(), 1..8)) {
        let mut ms = ms;
        ms.sort_by(|a, b| a.case_no.cmp(&b.case_no));
        ms.dedup_by(|a, b| a.case_no == b.case_no);
        let out = export(&ms);
        let back = one(&out);
        prop_assert!(back.is_clean(), "{:?}", back.errors().collect::<Vec<_>>());
        let records: Vec<Matter> = back.rows.into_iter().map(|r| r.record).collect();
        prop_assert_eq!(&records, &ms);
        prop_assert_eq!(export(&records), out);
    }

    /// The importer over arbitrary bytes: never a panic, always data or located errors.
    /// Run long: `PROPTEST_CASES=1000000 cargo test --release -p yingsu-engine --test csv fuzz`.
    #[test]
    fn fuzz_arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match import::<Matter>(&bytes) {
            Ok(imp) => for r in &imp.rows { for e in &r.errors { prop_assert!(e.row >= 2); } },
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        // The same bytes as rows under a valid header (issue 22: stray quotes are looked at again, and
        // reports.csv is read by its own reader): located problems, never a panic.
        let tail = String::from_utf8_lossy(&bytes);
        if let Ok(imp) = yingsu_engine::codec::import_text::<Matter>(&format!("案号,案件类型,被告类型,原告\n{tail}"), "UTF-8") {
            for n in &imp.notices { prop_assert!(n.row >= 2); }
        }
        if let Ok(r) = yingsu_engine::exchange::import_submissions(&format!("机关名称,报告,期间,报送日\n{tail}")) {
            for e in r.errors.iter().chain(&r.notices) { prop_assert!(e.row >= 2); }
        }
    }

    /// Arbitrary cells under a valid header: every bad cell is a located error.
    #[test]
    fn fuzz_cells_under_valid_header(cells in proptest::collection::vec("[^\u{0}]{0,12}", Column::ALL.len())) {
        let header: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
        let mut w = csv::Writer::from_writer(vec![]);
        w.write_record(&header).unwrap();
        w.write_record(&cells).unwrap();
        let bytes = w.into_inner().unwrap();
        let imp = one(&bytes);
        for r in &imp.rows { for e in &r.errors { prop_assert!(e.row >= 2 && (e.column.is_empty() || Column::from_name(&e.column).is_some() || e.column == "案号")); } }
    }
}

#[test]
fn r2_an_old_file_without_the_new_columns_imports_unchanged_and_the_new_columns_round_trip() {
    // A revision-1 file: none of the 17 new columns.
    let old = "\u{feff}案号,案件类型,被告类型,起诉状副本收到日,原告\r\nA,行政诉讼,本机关,2025-01-20,张某\r\n";
    let imp = one(old.as_bytes());
    assert!(imp.is_clean());
    let m = &imp.rows[0].record;
    assert_eq!((m.plaintiff.as_str(), m.simplified, m.typical, m.quash_reason), ("张某", false, false, None));
    assert!(m.extra.is_empty());
    // The new columns come after 备注, in CSV.md's order.
    let out = String::from_utf8(export(std::slice::from_ref(m))).unwrap();
    let header = out.lines().next().unwrap();
    assert!(header.ends_with(
        "备注,简易程序,书面审理,法院建议出庭,诉前检察建议,原行政行为机关,原机关上诉提交日,再审申请日,出庭准备日,责令重作,撤销理由,重新作出日,典型案例,败诉原因,案情摘要,政策依据,化解方案,赔偿事项,诉讼地位,答辩期限,原机关签收日,规范性文件建议,负责人发言,开庭时间"
    ), "{header}"); // (r3: the six revision-3 columns follow the revision-2 ones, CSV.md)
                    // A file with them: byte-identical after import → export.
    let mut full = m.clone();
    full.simplified = true;
    full.quash_reason = Some(QuashReason::FactsEvidence);
    full.original_agency = "区市场监管局".into();
    full.retrial_applied = Some(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
    full.compensation = "无".into();
    let bytes = export(std::slice::from_ref(&full));
    let back = one(&bytes);
    assert_eq!(back.rows[0].record, full);
    assert_eq!(export(&[back.rows[0].record.clone()]), bytes);
    // An unknown 撤销理由 is a located error, like any enumerated column.
    let bad = one("案号,案件类型,被告类型,撤销理由\r\nA,行政诉讼,本机关,证据不足\r\n".as_bytes());
    assert!(bad.errors().any(|e| e.column == "撤销理由"), "{:?}", bad.errors().collect::<Vec<_>>());
}

#[test]
fn r3_hearing_time_reads_spreadsheet_forms_and_refuses_others() {
    for (s, v) in [
        ("09:30", "09:30"),
        ("9:30", "09:30"),
        ("09:30:00", "09:30"),
        ("09:30:00 AM", "09:30"),
        ("02:00:00 PM", "14:00"),
        ("12:15 PM", "12:15"),
        ("12:15 AM", "00:15"),
        ("上午9:30", "09:30"),
        ("下午2:00", "14:00"),
        ("0.395833", "09:30"),
        ("14：30", "14:30"),
    ] {
        assert_eq!(TimeOfDay::parse(s).map(|t| t.to_string()).as_deref(), Ok(v), "{s}");
    }
    for s in ["25:00", "9点半", "09:3", "13:00 AM", "abc", "09:60", "0:30 PM"] {
        assert!(TimeOfDay::parse(s).is_err(), "{s}");
    }
}

#[test]
fn issue_22_trailing_empty_rows_do_not_count_toward_the_row_limit() {
    let mut text = String::from("案号,案件类型,被告类型\n");
    for i in 0..MAX_ROWS {
        text.push_str(&format!("A{i},行政诉讼,本机关\n"));
    }
    for tail in [",,\n,,\n,,\n", " , , \r\n", "\"\",,\n"] {
        let imp = import_text::<Matter>(&format!("{text}{tail}"), "UTF-8").expect(tail);
        assert_eq!(imp.rows.len(), MAX_ROWS, "{tail:?}");
    }
    // One more real row is still refused.
    let e = import_text::<Matter>(&format!("{text}X,行政诉讼,本机关\n,,\n"), "UTF-8").unwrap_err();
    assert!(e.to_string().contains("超过 100000 行"), "{e}");
}

#[test]
fn issue_22_a_quote_inside_an_unquoted_cell_is_a_notice() {
    let imp = import_text::<Matter>(
        "案号,案件类型,被告类型,原告\nA,行政诉讼,本机关,\"王\"五\nB,行政诉讼,本机关,王\"五\"\nC,行政诉讼,本机关,\"王\"\"五\"\n",
        "UTF-8",
    )
    .unwrap();
    assert!(imp.is_clean());
    let at: Vec<(usize, &str)> = imp.notices.iter().map(|n| (n.row, n.column.as_str())).collect();
    assert_eq!(at, vec![(2, "原告"), (3, "原告")], "a well-quoted cell is no notice: {:?}", imp.notices);
    assert!(imp.notices[0].message.contains("已按「王五」读取"), "{}", imp.notices[0]);
    assert!(imp.notices[1].message.contains("已按「王\"五\"」读取"), "{}", imp.notices[1]);
    // reports.csv says it too.
    let r = import_submissions("机关名称,报告,期间,报送日\n\"区城\"管委,R23,2025H1,2025-07-10\n").unwrap();
    assert_eq!((r.notices[0].row, r.notices[0].column.as_str()), (2, "机关名称"));
}

#[test]
fn issue_22_an_agency_name_not_in_the_data_gets_the_nearest_names() {
    let names = ["区城管委", "区住建委", "区司法局"];
    assert_eq!(match_name("区城管委", names), NameMatch::Exact("区城管委".into()));
    assert_eq!(match_name(" 区城管委 ", names), NameMatch::Lookalike("区城管委".into()));
    assert_eq!(match_name("区城管委\u{200b}", names), NameMatch::Lookalike("区城管委".into()));
    assert_eq!(match_name("区城管", names), NameMatch::Unknown(vec!["区城管委".into()]));
    assert_eq!(match_name("教育局", names), NameMatch::Unknown(vec![]));
}
