//! The `yingsu` binary on fixture files.

use std::process::Command;

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
    assert!(err.contains("提示：A7：第三十二条：2项义务在2022-04-28本规则施行前已届满或已完成，未列出"), "{err}");
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
    assert!(row.starts_with("N1,行政诉讼,一审,本机关,"), "{row}");
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
