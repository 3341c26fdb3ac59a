//! The `yingsu` binary on fixture files.

mod common;
use common::*;
use std::process::Command;
use yingsu_engine::{evaluate, Calendar, Matter, Settings};

fn yingsu(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yingsu")).args(args).output().expect("run yingsu");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn obligations_of_worked_examples_match_the_expected_file() {
    let (code, out, err) = yingsu(&["obligations", "--today", "2025-05-01", &fixture("worked-examples.csv")]);
    assert_eq!(code, 0, "{err}");
    let expected = std::fs::read_to_string(fixture("worked-examples.obligations.csv")).unwrap();
    assert_eq!(out, expected);
    assert!(out.starts_with('\u{feff}') && out.contains("\r\n"));
    assert!(
        err.contains("提示：A7：第三十二条：3项义务在2022-04-28本规则施行前已届满、已完成或适用原规则，未列出"),
        "{err}"
    );
}

#[test]
fn obligations_with_working_days_setting() {
    let (code, out, _) =
        yingsu(&["obligations", "--today", "2025-05-01", "--days", "工作日", &fixture("worked-examples.csv")]);
    assert_eq!(code, 0);
    let r07c = out.lines().find(|l| l.starts_with("A4,R07C,")).unwrap();
    assert!(r07c.contains(",2025-05-12,工作日,"), "{r07c}");
}

#[test]
fn obligations_with_extra_holiday_file() {
    let dir = std::env::temp_dir().join(format!("yingsu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = dir.join("cases.csv");
    std::fs::write(&cases, "案号,案件类型,被告类型,起诉状副本收到日\nX,行政诉讼,本机关,2026-12-20\n").unwrap();
    let (_, before, _) = yingsu(&["obligations", "--today", "2026-12-20", cases.to_str().unwrap()]);
    assert!(before.contains("2027-01-04") && before.contains("该年度节假日安排未导入"));
    let hol = dir.join("h.csv");
    std::fs::write(&hol, "date,kind,name\n2027-01-01,holiday,元旦\n2027-01-04,holiday,测试\n").unwrap();
    let (code, after, err) =
        yingsu(&["obligations", "--today", "2026-12-20", "--holidays", hol.to_str().unwrap(), cases.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(after.contains(",2027-01-05,") && !after.contains("该年度节假日安排未导入"), "{after}");
}

#[test]
fn validate_reports_row_and_column_and_exit_codes() {
    let (code, _, err) = yingsu(&["validate", &fixture("bad.csv")]);
    assert_eq!(code, 1);
    assert!(err.contains("第2行「起诉状副本收到日」："), "{err}");
    assert!(err.contains("第3行「案件类型」：「刑事诉讼」不是可选值"), "{err}");
    assert!(err.contains("第4行「案号」：案号「B」重复（与第3行相同）"), "{err}");
    assert!(err.contains("第5行「代理人」：「张三」须注明（工作人员）或（律师）"), "{err}");
    let (code, _, _) = yingsu(&["validate", &fixture("worked-examples.csv")]);
    assert_eq!(code, 0);
    let (code, _, err) = yingsu(&["validate", "/nonexistent/cases.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("无法读取文件"));
}

/// Issue 11: "王芳、李明律师" is read as two entries, the lawyer's form normalised with a notice, and the
/// untagged name refused with the form to write.
#[test]
fn issue_11_validate_normalises_agents_and_shows_the_expected_form() {
    let dir = std::env::temp_dir().join(format!("yingsu-cli-agents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = dir.join("cases.csv");
    std::fs::write(&cases, "案号,案件类型,被告类型,代理人\nP,行政诉讼,本机关,王芳、李明律师\n").unwrap();
    let (code, _, err) = yingsu(&["validate", cases.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "第2行「代理人」：「王芳」须注明（工作人员）或（律师），应写为「王芳（工作人员）」或「王芳（律师）」"
        ),
        "{err}"
    );
    assert!(err.contains("已规范：第2行「代理人」：「王芳、李明律师」已按「王芳；李明（律师）」读取"), "{err}");
}

#[test]
fn bad_usage_never_panics() {
    for args in [
        vec!["obligations"],
        vec!["obligations", "--today", "2025-13-01", "x.csv"],
        vec!["frobnicate"],
        vec!["obligations", "--days", "月", "x.csv"],
    ] {
        let (code, _, err) = yingsu(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.starts_with("错误："), "{err}");
        assert!(!err.contains("panicked"));
    }
    let (code, out, _) = yingsu(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("obligations") && out.contains("validate"));
}

#[test]
fn normalize_writes_canonical_file() {
    let (code, out, err) = yingsu(&["normalize", &fixture("loose-forms.csv")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with('\u{feff}'));
    let row = out.lines().nth(1).unwrap();
    // An empty 审级 stays empty (it means 一审 for a court case, CSV.md; issue 21: it is no longer forced).
    assert!(row.starts_with("N1,行政诉讼,,本机关,"), "{row}");
    assert!(row.contains("2025-01-21") && row.contains(",是,"), "{row}");
}

#[test]
fn validate_recognises_an_agencies_file() {
    let dir = std::env::temp_dir().join(format!("yingsu-agencies-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("agencies.csv");
    std::fs::write(&good, "机关名称,机关类型,联络员\n区城管委,职能部门,赵某\n").unwrap();
    let (code, _, err) = yingsu(&["validate", good.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let bad = dir.join("bad-agencies.csv");
    std::fs::write(&bad, "机关名称,机关类型\n,职能部门\n区住建委,委员会\n").unwrap();
    let (code, _, err) = yingsu(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("第2行「机关名称」：必填"), "{err}");
    assert!(err.contains("第3行「机关类型」：「委员会」不是可选值"), "{err}");
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("yingsu-issue12-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn issue_12_obligations_exit_1_on_any_invalid_row_after_writing_the_valid_ones() {
    let f = temp(
        "mixed.csv",
        "案号,案件类型,被告类型,起诉状副本收到日,答辩提交日\nOK1,行政诉讼,本机关,2025-01-20,\nBAD1,行政诉讼,本机关,2025-01-20,2025-02-30\n",
    );
    let (code, out, err) = yingsu(&["obligations", "--today", "2025-05-01", &f]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("OK1,R14,"), "the valid row is written: {out}");
    assert!(!out.contains("BAD1"), "a row with an unreadable cell is not evaluated (no false 已逾期)");
    assert!(err.contains("第3行「答辩提交日」：「2025-02-30」不是存在的日期"), "{err}");
    assert!(err.contains("有 1 行无效"), "{err}");
}

#[test]
fn issue_12_report_exit_1_when_a_matter_cannot_be_counted() {
    let f = temp(
        "report.csv",
        "案号,案件类型,被告类型,裁判文书签收日,裁判结果\nL1,行政诉讼,本机关,2025-02-10,败诉\nL2,行政诉讼,本机关,2025-02-30,败诉\n",
    );
    for kind in [["quarter", "2025Q1"], ["half-year", "2025H1"]] {
        let (code, out, err) = yingsu(&["report", kind[0], "--period", kind[1], "--today", "2025-07-20", &f]);
        assert_eq!(code, 1, "{kind:?}: {err}");
        assert!(!out.is_empty(), "what can be written is written");
        assert!(err.contains("第3行「裁判文书签收日」") && err.contains("未计入报告"), "{err}");
    }
}

#[test]
fn issue_12_bad_periods_and_dates_out_of_range_exit_2() {
    let f = temp("ok.csv", "案号,案件类型,被告类型\nA,行政诉讼,本机关\n");
    for p in ["-999H1", "0000H1", "1999H2", "2100Q1", "2025H3", "2025Q5", "25H1", "２０２５H1"] {
        let (code, _, err) = yingsu(&["report", "half-year", "--period", p, &f]);
        assert_eq!(code, 2, "{p}: {err}");
        assert!(err.starts_with("错误："), "{err}");
    }
    let (code, _, _) = yingsu(&["report", "half-year", "--period", "2099H2", "--today", "2025-07-20", &f]);
    assert_eq!(code, 0);
    let (code, _, err) = yingsu(&["obligations", "--today", "9999-12-31", &f]);
    assert_eq!(code, 2, "{err}");
    let late = temp("late.csv", "案号,案件类型,被告类型,起诉状副本收到日\nZ,行政诉讼,本机关,9999-12-31\n");
    let (code, out, err) = yingsu(&["obligations", "--today", "2025-05-01", &late]);
    assert_eq!(code, 1);
    assert!(err.contains("超出可接受的日期范围（1949-10-01 至 2099-12-31）"), "{err}");
    assert!(!out.contains("10000"), "no due date in year 10000");
}

#[test]
fn issue_12_each_limit_is_refused_with_exit_2() {
    let mut wide = String::from("案号,案件类型,被告类型");
    for i in 0..1_000 {
        wide.push_str(&format!(",列{i}"));
    }
    wide.push_str("\nA,行政诉讼,本机关\n");
    let mut long = String::from("案号,案件类型,被告类型\n");
    for i in 0..100_001 {
        long.push_str(&format!("A{i},行政诉讼,本机关\n"));
    }
    let big = format!("案号,案件类型,被告类型,备注\nA,行政诉讼,本机关,{}\n", "x".repeat(40_000));
    for (name, text, says) in
        [("wide.csv", wide, "超过上限 1000 列"), ("long.csv", long, "超过 100000 行"), ("big.csv", big, "32 KB")]
    {
        let f = temp(name, &text);
        for cmd in ["validate", "obligations"] {
            let args: Vec<&str> =
                if cmd == "validate" { vec![cmd, &f] } else { vec![cmd, "--today", "2025-05-01", &f] };
            let (code, _, err) = yingsu(&args);
            assert_eq!(code, 2, "{cmd} {name}: {err}");
            assert!(err.contains(says), "{cmd} {name}: {err}");
        }
    }
}

#[test]
fn issue_12_a_holiday_file_marking_every_day_is_refused() {
    let mut text = String::from("date,kind,name\n");
    let mut d = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    while d <= chrono::NaiveDate::from_ymd_opt(2121, 12, 31).unwrap() {
        text.push_str(&format!("{},holiday,假\n", d.format("%Y-%m-%d")));
        d = d.succ_opt().unwrap();
    }
    let h = temp("every-day.csv", &text);
    let f = temp("one.csv", "案号,案件类型,被告类型\nA,行政诉讼,本机关\n");
    let (code, _, err) = yingsu(&["obligations", "--today", "2026-11-30", "--holidays", &h, &f]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("节假日文件"), "{err}");
    assert!(err.contains("超出可接受的日期范围") && err.contains("……另有 "), "{err}");
    assert!(err.lines().count() < 210, "the first 200 problems and a count, not 8,000 lines");
    // Within 2022–2099 only: refused by the notice checks.
    let upto: String = text.lines().take(1 + 365 * 10).map(|l| format!("{l}\n")).collect();
    let h = temp("ten-years.csv", &upto);
    let (code, _, err) = yingsu(&["obligations", "--today", "2026-11-30", "--holidays", &h, &f]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("未采用") && err.contains("2022 年在工作日放假 260 天，超过 40 天"), "{err}");
}

#[test]
fn issue_22_repeated_holidays_files_are_capped_together() {
    let forty = |from: &str| {
        let mut d = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap();
        let mut text = String::from("date,kind,name\n");
        let mut n = 0;
        while n < 40 {
            if chrono::Datelike::weekday(&d).number_from_monday() <= 5 {
                text.push_str(&format!("{},holiday,测试\n", d.format("%Y-%m-%d")));
                n += 1;
            }
            d = d.succ_opt().unwrap();
        }
        text
    };
    let (a, b) = (temp("i22-a.csv", &forty("2027-01-04")), temp("i22-b.csv", &forty("2027-05-03")));
    let f = temp("i22-one.csv", "案号,案件类型,被告类型,起诉状副本收到日\nX,行政诉讼,本机关,2026-12-20\n");
    let (code, out, err) = yingsu(&["obligations", "--today", "2026-12-20", "--holidays", &a, &f]);
    assert_eq!(code, 0, "one file of 40 is taken: {err}");
    assert!(!out.is_empty());
    let (code, _, err) = yingsu(&["obligations", "--today", "2026-12-20", "--holidays", &a, "--holidays", &b, &f]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("i22-b.csv") && err.contains("2027 年在工作日放假 80 天，超过 40 天"), "{err}");
}

#[test]
fn issue_22_report_for_an_agency_not_in_the_data_is_refused_with_the_nearest_names() {
    let f = temp(
        "i22-agency.csv",
        "案号,案件类型,被告类型,所属机关,起诉状副本收到日\nA,行政诉讼,本机关,区城管委,2025-02-10\nB,行政诉讼,本机关,区住建委,2025-03-10\n",
    );
    for args in [
        vec!["report", "half-year", "--period", "2025H1", "--today", "2025-07-20", "--agency", "区城管", &f],
        vec![
            "report",
            "half-year",
            "--period",
            "2025H1",
            "--today",
            "2025-07-20",
            "--agency",
            "区城管",
            "--format",
            "docx",
            &f,
        ],
        vec!["report", "quarter", "--period", "2025Q1", "--today", "2025-07-20", "--agency", "区城管", &f],
    ] {
        let (code, out, err) = yingsu(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "no report of zeros, no 公文 signed with the typo");
        assert!(err.contains("「区城管」不是数据中的机关") && err.contains("最接近的名称：区城管委"), "{err}");
    }
    // Spaces (or a hidden character) around a name of the data: that agency, with a notice.
    let (code, out, err) =
        yingsu(&["report", "half-year", "--period", "2025H1", "--today", "2025-07-20", "--agency", " 区城管委 ", &f]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("按数据中的机关「区城管委」统计"), "{err}");
    assert!(out.contains("区城管委,2025H1,新收案件数,1"), "{out}");
}

#[test]
fn issue_22_validate_builds_the_calendar_once() {
    // 20,000 rows: building the calendar for each row took 13.6 s at 100,000 rows in a release build.
    let text = String::from_utf8(yingsu_engine::codec::export(&yingsu_engine::synth::register(20_000, 3))).unwrap();
    let f = temp("i22-validate.csv", &text);
    let t = std::time::Instant::now();
    let (code, _, err) = yingsu(&["normalize", &f]);
    let normalize = t.elapsed();
    assert!(code <= 1, "{err}");
    let t = std::time::Instant::now();
    let (code, _, err) = yingsu(&["validate", &f]);
    let validate = t.elapsed();
    assert!(code <= 1, "{err}");
    eprintln!("normalize {normalize:?}, validate {validate:?}");
    assert!(
        validate < normalize * 8 + std::time::Duration::from_secs(2),
        "validate {validate:?} vs normalize {normalize:?}"
    );
}

/// Revision 3 (CSV.md): the new columns are typed — a bad 诉讼地位, 答辩期限, 开庭时间 or 负责人发言 is a located
/// error; 开庭时间 as a spreadsheet writes it back normalises to HH:MM.
#[test]
fn r3_validate_and_normalize_type_the_new_columns() {
    let dir = std::env::temp_dir().join(format!("yingsu-cli-r3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "案号,案件类型,被告类型,诉讼地位,答辩期限,开庭时间,负责人发言\nA,行政诉讼,本机关,申请人,2025-02-30,25:00,也许\n",
    )
    .unwrap();
    let (code, _, err) = yingsu(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    for col in ["诉讼地位", "答辩期限", "开庭时间", "负责人发言"] {
        assert!(err.contains(&format!("第2行「{col}」")), "{col}: {err}");
    }
    let good = dir.join("good.csv");
    std::fs::write(
        &good,
        "案号,案件类型,被告类型,开庭时间,诉讼地位,负责人发言\nA,行政诉讼,本机关,09:30:00 AM,上诉人,是\nB,行政诉讼,本机关,下午2:00,,\n",
    )
    .unwrap();
    let (code, out, err) = yingsu(&["normalize", good.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let a = out.lines().find(|l| l.starts_with("A,")).unwrap();
    assert!(a.ends_with(",上诉人,,,否,是,09:30"), "{a}");
    assert!(out.lines().find(|l| l.starts_with("B,")).unwrap().ends_with(",14:00"));
    // Normalized output round-trips byte for byte.
    let norm = dir.join("norm.csv");
    std::fs::write(&norm, &out).unwrap();
    assert_eq!(yingsu(&["normalize", norm.to_str().unwrap()]).1, out);
}

/// Revision 3 (§7.18): `report duties --since` lists no period due before 开始使用日期.
#[test]
fn r3_periodic_duties_since_the_start_date() {
    let dir = std::env::temp_dir().join(format!("yingsu-cli-r3d-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = dir.join("cases.csv");
    std::fs::write(&cases, "案号,案件类型,被告类型,所属机关,起诉状副本收到日\nA,行政诉讼,本机关,区城管委,2023-03-01\n")
        .unwrap();
    let (code, all, err) =
        yingsu(&["report", "duties", "--agency", "区城管委", "--today", "2026-12-06", cases.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(all.contains("区城管委,R23,2023H1,"), "{all}");
    let (_, since, err) = yingsu(&[
        "report",
        "duties",
        "--agency",
        "区城管委",
        "--today",
        "2026-12-06",
        "--since",
        "2026-12-01",
        cases.to_str().unwrap(),
    ]);
    assert!(!since.contains("2023H1") && !since.contains("已逾期"), "{since}");
    assert!(since.contains("2026H2") && err.contains("开始使用日期之前的报告期未列出"), "{since}{err}");
}

/// Revision 3 (§7.4): with `--agencies`, an entry typed 区司法局 is recognised whatever its name, as in the page.
#[test]
fn r3_obligations_with_the_directory_recognise_the_bureau_by_type() {
    let dir = std::env::temp_dir().join(format!("yingsu-cli-r3a-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = dir.join("cases.csv");
    std::fs::write(
        &cases,
        "案号,案件类型,被告类型,应诉承办机关,被诉行为来源,司法局收到日\nG,行政诉讼,区政府,法治办,行政复议,2026-12-01\n",
    )
    .unwrap();
    let agencies = dir.join("agencies.csv");
    std::fs::write(&agencies, "机关名称,机关类型\n法治办,区司法局\n").unwrap();
    let (_, by_name, _) = yingsu(&["obligations", "--today", "2026-12-06", cases.to_str().unwrap()]);
    assert!(by_name.contains("G,R06,"), "{by_name}");
    let (code, by_type, err) = yingsu(&[
        "obligations",
        "--today",
        "2026-12-06",
        "--agencies",
        agencies.to_str().unwrap(),
        cases.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!by_type.contains("G,R06,") && by_type.contains("G,R07A,"), "{by_type}");
}

#[test]
fn settings_out_of_the_pages_bounds_are_refused_as_the_page_refuses_them() {
    // 设置 accepts 即将到期提醒天数 0–60 and 及时事项提醒天数 0–365; the command line checks the same table.
    let f = fixture("worked-examples.csv");
    let (code, _, err) = yingsu(&["obligations", &f, "--today", "2025-06-01", "--warn-days", "61"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("「即将到期提醒天数」应为 0 到 60 的整数，收到「61」"), "{err}");
    let (code, _, err) = yingsu(&["obligations", &f, "--today", "2025-06-01", "--timely-days", "366"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("及时事项提醒天数"), "{err}");
    let (code, _, err) =
        yingsu(&["obligations", &f, "--today", "2025-06-01", "--warn-days", "60", "--timely-days", "365"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn selftest_runs_every_built_in_scenario_as_the_page_does() {
    let (code, out, err) = yingsu(&["selftest"]);
    assert_eq!(code, 0, "{err}");
    let n = yingsu_engine::selftest::SCENARIOS.len();
    assert_eq!(out.lines().count(), n + 2, "header, one line per scenario, the count");
    assert!(out.ends_with(&format!("通过 {n} / {n} 项\n")), "{out}");
}

fn spoken(m: &Matter, today: &str) -> Vec<yingsu_engine::Evaluation> {
    vec![eval(m, today)]
}

#[test]
fn r3_cli_obligations_are_the_engines_rows() {
    let csv = "案号,案件类型,审级,被告类型,所属机关,应诉承办机关,被诉行为来源,复议共同被告,起诉状副本收到日,司法局收到日,开庭日,出庭负责人,出庭负责人职务,诉讼地位,答辩期限,负责人发言,开庭时间\r\n\
G1,行政诉讼,一审,区政府,,北京市通州区司法局,行政复议,是,2026-11-20,2026-11-19,2026-12-01,李某,局长,,2026-12-10,是,09:30:00 AM\r\n\
E2,行政诉讼,二审,本机关,区城管委,区城管委,,,2026-11-25,,,,,上诉人,,,\r\n";
    let dir = std::env::temp_dir().join(format!("yingsu-r3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("cases.csv");
    std::fs::write(&path, csv).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yingsu"))
        .args(["obligations", "--today", "2026-12-06", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let imp = yingsu_engine::codec::import::<Matter>(csv.as_bytes()).ok().unwrap();
    let rows: Vec<_> = imp
        .rows
        .iter()
        .flat_map(|r| evaluate(&r.record, &Calendar::bundled(), &Settings::default(), d("2026-12-06")).obligations)
        .collect();
    assert_eq!(out.stdout, yingsu_engine::codec::export_obligations(&rows));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("G1,R06,") && text.contains("G1,R17,") && !text.contains("E2,R14,"), "{text}");
    assert_eq!(spoken(&imp.rows[0].record, "2026-12-06")[0].obligations.len(), text.matches("G1,").count());
}
