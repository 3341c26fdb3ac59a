//! Issue 12: nothing lost, nothing dropped silently, nothing freezes — stored cells, lookalike keys,
//! hostile files, limits.

mod common;
use common::*;
use yingsu_engine::codec::{self, import, import_text, ImportError, MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROWS};
use yingsu_engine::exchange::{apply, preview, ApplyError, Mode};
use yingsu_engine::store::{stored_schema, Register};
use yingsu_engine::{evaluate, Calendar, Matter, Settings};

const HEAD: &str = "案号,案件类型,被告类型";

fn file_error(r: Result<codec::Import<Matter>, ImportError>) -> String {
    match r {
        Err(ImportError::File(e)) => e.to_string(),
        other => panic!("expected a refused file, got {other:?}"),
    }
}

#[test]
fn issue_12_more_rows_than_the_limit_is_refused_before_work() {
    let mut text = String::from(HEAD);
    text.push('\n');
    for i in 0..=MAX_ROWS {
        text.push_str(&format!("A{i},行政诉讼,本机关\n"));
    }
    let e = file_error(import_text::<Matter>(&text, "UTF-8"));
    assert!(e.contains("超过 100000 行"), "{e}");
    // Exactly the limit is taken.
    let upto: String = text.lines().take(MAX_ROWS + 1).map(|l| format!("{l}\n")).collect();
    assert_eq!(import_text::<Matter>(&upto, "UTF-8").unwrap().rows.len(), MAX_ROWS);
}

#[test]
fn issue_12_a_header_of_100000_columns_is_refused_quickly() {
    let mut text = String::from(HEAD);
    for i in 0..100_000 {
        text.push_str(&format!(",列{i}"));
    }
    text.push_str("\nA,行政诉讼,本机关\n");
    let e = file_error(import_text::<Matter>(&text, "UTF-8"));
    assert!(e.contains("第1行有 100003 列，超过上限 1000 列"), "{e}");
    // Refused without reading the columns one by one against each other: 4× the columns, about 4× the time.
    let header = |n: usize| (0..n).fold(String::from(HEAD), |t, i| t + &format!(",列{i}")) + "\nA,行政诉讼,本机关\n";
    let ratio = growth(50_000, header, |text| {
        file_error(import_text::<Matter>(&text, "UTF-8"));
    });
    assert!(ratio < 8.0, "4× the columns took {ratio:.1}× as long");
    // 1,000 columns are still read.
    let mut ok = String::from(HEAD);
    for i in 3..MAX_COLUMNS {
        ok.push_str(&format!(",列{i}"));
    }
    ok.push_str("\nA,行政诉讼,本机关\n");
    assert_eq!(import_text::<Matter>(&ok, "UTF-8").unwrap().unknown_columns.len(), MAX_COLUMNS - 3);
}

#[test]
fn issue_12_one_row_of_200000_cells_is_refused_not_200000_errors() {
    let mut text = String::from("案号,案件类型,被告类型\nA,行政诉讼,本机关");
    for _ in 3..200_000 {
        text.push_str(",x");
    }
    let e = file_error(import_text::<Matter>(&text, "UTF-8"));
    assert!(e.contains("第2行有 200000 列"), "{e}");
    // Below the limit, the cells past the header are one error, not one per cell.
    let mut text = String::from("案号,案件类型,被告类型\nA,行政诉讼,本机关");
    for _ in 3..900 {
        text.push_str(",x");
    }
    let imp = import_text::<Matter>(&text, "UTF-8").unwrap();
    let errors: Vec<String> = imp.errors().map(|e| e.to_string()).collect();
    assert_eq!(errors, vec!["第2行：有 897 个单元格没有列名（从第4列起），请删除或补上列名".to_string()]);
}

#[test]
fn issue_12_a_cell_over_32_kb_is_refused() {
    let big = "长".repeat(MAX_CELL_BYTES / 3 + 1);
    let text = format!("{HEAD},备注\nA,行政诉讼,本机关,{big}\n");
    let e = file_error(import_text::<Matter>(&text, "UTF-8"));
    assert!(e.contains("第2行第4列") && e.contains("32 KB"), "{e}");
}

#[test]
fn issue_12_lookalike_keys_in_one_file_are_one_matter() {
    let text = format!("{HEAD}\n（2025）京0112行初1号,行政诉讼,本机关\n(2025)京0112行初1号,行政诉讼,本机关\n（2025）京0112行初1号\u{200b},行政诉讼,本机关\n");
    let imp = import_text::<Matter>(&text, "UTF-8").unwrap();
    assert!(imp.rows[0].errors.is_empty());
    let e: Vec<String> = imp.errors().map(|e| e.to_string()).collect();
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].contains("与第2行的「（2025）京0112行初1号」相同（写法不同）"), "{e:?}");
    assert!(e[1].contains("⟨U+200B⟩"), "the zero-width space is shown: {e:?}");
}

#[test]
fn issue_12_lookalike_keys_match_the_register_and_update_it() {
    let mut m = Matter::new("（2025）京0112行初1号");
    m.plaintiff = "甲".into();
    let mut reg = Register { matters: vec![m], ..Register::default() };
    let text = format!("{HEAD},原告\n(2025)京0112行初1号,行政诉讼,本机关,乙\n");
    let imp = import_text::<Matter>(&text, "UTF-8").unwrap();
    let p = preview(&reg.matters, &[("f.csv".into(), imp)], Mode::Merge);
    assert_eq!((p.new.len(), p.changed.len()), (0, 1));
    assert_eq!(p.lookalikes.len(), 1);
    assert_eq!(p.lookalikes[0].written, "(2025)京0112行初1号");
    assert_eq!(p.lookalikes[0].existing, "（2025）京0112行初1号");
    apply(&mut reg, &p, false, "u", "t").unwrap();
    assert_eq!(reg.matters.len(), 1, "no second matter beside the original");
    assert_eq!(reg.matters[0].case_no.0, "（2025）京0112行初1号", "the register's spelling is kept");
    assert_eq!(reg.matters[0].plaintiff, "乙");
    // A form save of a lookalike new matter is refused too.
    let e = reg.save_matter(None, Matter::new("（2025）京0112行初1号\u{200b}"), "u", "t").unwrap_err();
    assert!(e.contains("相同（写法不同）") && e.contains("⟨U+200B⟩"), "{e}");
}

#[test]
fn issue_12_hidden_controls_are_flagged_on_import() {
    let text = format!("{HEAD},原告\nA,行政诉讼,本机关,BIDI\u{202e}gpj.exe\n");
    let imp = import_text::<Matter>(&text, "UTF-8").unwrap();
    assert!(imp.is_clean(), "imported as written");
    assert_eq!(imp.rows[0].record.plaintiff, "BIDI\u{202e}gpj.exe");
    let w: Vec<String> = imp.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w, vec!["第2行「原告」：含有不可见的控制字符 ⟨U+202E⟩，显示为「BIDI⟨U+202E⟩gpj.exe」".to_string()]);
}

#[test]
fn issue_12_a_preview_made_before_another_tab_saved_is_not_committed() {
    let mut reg = Register { matters: vec![Matter::new("M1")], ..Register::default() };
    let imp = import_text::<Matter>(&format!("{HEAD},原告\nM1,行政诉讼,本机关,文件\n"), "UTF-8").unwrap();
    let p = preview(&reg.matters, &[("f.csv".into(), imp)], Mode::Merge);
    // Another tab edits M1's 原告 after the preview.
    reg.matters[0].plaintiff = "另一标签页".into();
    let before = reg.clone();
    let e = apply(&mut reg, &p, false, "u", "t").unwrap_err();
    assert_eq!(e, ApplyError::Stale(vec!["M1".into()]));
    assert!(e.to_string().contains("请重新预览"), "{e}");
    assert_eq!(reg, before, "nothing written");
}

#[test]
fn issue_12_backup_with_bad_cells_keeps_and_lists_them() {
    let matters =
        "案号,案件类型,被告类型,裁判文书签收日,裁判结果,重大敏感\r\nK1,行政诉讼,本机关,2025-02-30,大胜,也许\r\n";
    let backup = serde_json::json!({
        "schema": 2, "revision": 0, "matters": matters, "agencies": "机关名称\r\n",
        "settings": {}, "profile": {}
    })
    .to_string();
    let reg = Register::from_json(&backup).expect("a backup with bad cells still loads");
    let fixes = reg.needs_fixing();
    let listed: Vec<(String, String, String)> =
        fixes.iter().map(|f| (f.key.clone(), f.column.clone(), f.value.clone())).collect();
    assert_eq!(
        listed,
        vec![
            ("K1".into(), "重大敏感".into(), "也许".into()),
            ("K1".into(), "裁判文书签收日".into(), "2025-02-30".into()),
            ("K1".into(), "裁判结果".into(), "大胜".into()),
        ]
    );
    // Stored again (an unrelated save), nothing is emptied.
    let mut again = Register::from_json(&reg.to_json()).unwrap();
    assert_eq!(again.needs_fixing(), fixes);
    // Not evaluated while a cell is unreadable (no false 已逾期), and it says why.
    let ev = evaluate(&again.matters[0], &Calendar::bundled(), &Settings::default(), chrono::NaiveDate::MAX);
    assert!(ev.obligations.is_empty());
    assert!(ev.unreadable.unwrap().contains("待修正"));
    // Fixing a cell clears its entry.
    yingsu_engine::Column::Outcome.set(&mut again.matters[0], "胜诉").unwrap();
    assert_eq!(again.needs_fixing().len(), 2);
    // CSV export writes the kept text back as it was.
    let csv = String::from_utf8(codec::export(&reg.matters)).unwrap();
    assert!(csv.contains("2025-02-30") && csv.contains("大胜") && csv.contains("也许"), "{csv}");
}

#[test]
fn issue_12_a_backup_with_a_bom_restores_and_schema_is_read_from_the_start() {
    let mut r = Register::default();
    r.matters.push(Matter::new("B1"));
    let with_bom = format!("\u{feff}{}", r.to_backup_json());
    assert_eq!(Register::from_json(&with_bom).unwrap().matters.len(), 1);
    assert_eq!(stored_schema(&r.to_json()), Some(yingsu_engine::store::SCHEMA_VERSION));
    assert_eq!(stored_schema("{\"schema\":99,\"revision\":5}"), Some(99));
    assert_eq!(stored_schema("not json"), None);
}

#[test]
fn issue_12_utf16_without_bom_is_detected() {
    let text = "案号,案件类型,被告类型\r\nU1,行政诉讼,本机关\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    let a = import::<Matter>(&le).unwrap();
    assert_eq!(a.encoding, "UTF-16LE（无 BOM）");
    assert_eq!(a.rows[0].record.case_no.0, "U1");
    let b = import::<Matter>(&be).unwrap();
    assert_eq!(b.encoding, "UTF-16BE（无 BOM）");
    // Real binary content is still called binary.
    for bin in [&[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0, 1, 2][..], &[0, 1, 2, 255, 0][..], &[0u8; 40][..]] {
        let e = codec::decode(bin).unwrap_err();
        assert!(e.to_string().contains("二进制"), "{bin:?}: {e}");
    }
}

#[test]
fn issue_12_commit_grows_linearly() {
    // Importing and committing 4n rows takes about 4 times as long as n rows; a per-row register scan (41 s at
    // 30,000 before) takes 16 times.
    let setup = |n: usize| String::from_utf8(codec::export(&yingsu_engine::synth::register(n, 1))).unwrap();
    let ratio = growth(7_500, setup, |text| {
        let imp = import_text::<Matter>(&text, "UTF-8").unwrap();
        let n = imp.rows.len();
        let mut reg = Register::default();
        let p = preview(&reg.matters, &[("f.csv".into(), imp)], Mode::Merge);
        assert_eq!(apply(&mut reg, &p, true, "u", "t").unwrap(), n);
    });
    assert!(ratio < 8.0, "4× the rows took {ratio:.1}× as long");
}

#[test]
fn issue_12_a_bulk_import_writes_one_audit_line_for_its_new_matters() {
    let mut text = String::from("案号,案件类型,被告类型\n");
    for i in 0..1_001 {
        text.push_str(&format!("N{i},行政诉讼,本机关\n"));
    }
    let imp = import_text::<Matter>(&text, "UTF-8").unwrap();
    let mut reg = Register::default();
    let p = preview(&reg.matters, &[("大文件.csv".into(), imp)], Mode::Merge);
    apply(&mut reg, &p, false, "u", "t").unwrap();
    assert_eq!(reg.matters.len(), 1_001);
    assert_eq!(reg.audit.len(), 1);
    assert_eq!(reg.audit[0].new, "导入新增 1001 个案件（大文件.csv）");
    // A small import keeps one line per new matter.
    let imp = import_text::<Matter>("案号,案件类型,被告类型\nS1,行政诉讼,本机关\n", "UTF-8").unwrap();
    let p = preview(&reg.matters, &[("小.csv".into(), imp)], Mode::Merge);
    apply(&mut reg, &p, false, "u", "t").unwrap();
    assert_eq!(reg.audit_of("S1").len(), 1);
}

#[test]
fn issue_14_a_limit_broken_late_in_a_file_refuses_the_whole_file_in_one_pass() {
    // The limits are checked as the import reads (one pass): a cell over 32 KB on row 5,002 refuses the
    // file — nothing of the 5,000 good rows before it is kept — with the row and column named.
    let mut text = format!("{HEAD},备注\n");
    for i in 0..5_000 {
        text.push_str(&format!("A{i},行政诉讼,本机关,好\n"));
    }
    text.push_str(&format!("B,行政诉讼,本机关,{}\n", "长".repeat(MAX_CELL_BYTES / 3 + 1)));
    let mut job = codec::Importer::<Matter>::begin(&text, "UTF-8", false).unwrap();
    while job.step(1_000) {}
    match job.finish() {
        Err(ImportError::File(e)) => assert!(e.to_string().contains("第5002行第4列"), "{e}"),
        other => panic!("expected the file refused, got {:?}", other.map(|i| i.rows.len())),
    }
    // Too many cells on a late row: the same.
    let mut wide = format!("{HEAD}\n");
    for i in 0..3_000 {
        wide.push_str(&format!("A{i},行政诉讼,本机关\n"));
    }
    wide.push_str(&format!("B,行政诉讼,本机关{}\n", ",x".repeat(MAX_COLUMNS)));
    assert!(file_error(import_text::<Matter>(&wide, "UTF-8")).contains("第3002行有 1003 列"));
}
