//! `reports.csv`, the 报送记录 (submissions) between agencies and 区司法局: located errors, changed dates,
//! names matched as people read them, the row limit, a linear merge.

mod common;
use common::*;
use yingsu_engine::codec::{ImportError, MAX_ROWS};
use yingsu_engine::exchange::{apply_submissions, import_submissions, preview_submissions, SubmissionsImport};
use yingsu_engine::periodic::{ReportPeriod, Submission};

fn import_submissions_ok(text: &str) -> SubmissionsImport {
    import_submissions(text).unwrap()
}

const RH: &str = "机关名称,报告,期间,报送日\n";

#[test]
fn issue_22_reports_csv_repeated_key_is_a_located_error_and_the_first_row_is_kept() {
    let r = import_submissions_ok(&format!(
        "{RH}区城管委,R23,2025H1,2025-07-10\n区住建委,R23,2025H1,2025-07-11\n区城管委,R23,2025h1,2025-07-20\n"
    ));
    assert_eq!(r.invalid_rows, 1);
    assert_eq!((r.errors[0].row, r.errors[0].column.as_str()), (4, "期间"));
    assert!(r.errors[0].message.contains("第2行为 2025-07-10，本行为 2025-07-20"), "{}", r.errors[0]);
    let p = preview_submissions(&[], &[], &[("r.csv".into(), r)]);
    assert_eq!((p.new.len(), p.errors.len()), (2, 1));
    assert!(!p.can_commit());
    let mut log = vec![];
    assert!(apply_submissions(&mut log, &p).is_err());
    assert!(log.is_empty(), "nothing written from a file with errors");
    // The same key in two files with different dates: an error on the later file's row.
    let a = import_submissions_ok(&format!("{RH}区城管委,R23,2025H1,2025-07-10\n"));
    let b = import_submissions_ok(&format!("{RH}区城管委,R23,2025H1,2025-07-12\n"));
    let p = preview_submissions(&[], &[], &[("a.csv".into(), a), ("b.csv".into(), b)]);
    assert_eq!(p.invalid_rows, 1);
    assert_eq!((p.errors[0].0.as_str(), p.errors[0].1.row), ("b.csv", 2));
}

#[test]
fn issue_22_reports_csv_changed_date_is_shown_before_and_after() {
    let log =
        vec![Submission {
            agency: "区城管委".into(), period: ReportPeriod::Half(2025, 1), submitted: d("2025-07-20")
        }];
    let older = import_submissions_ok(&format!("{RH}区城管委,R23,2025H1,2025-07-10\n"));
    let p = preview_submissions(&log, &[], &[("old.csv".into(), older)]);
    assert_eq!(p.changed.len(), 1);
    let c = &p.changed[0];
    assert_eq!((c.old, c.entry.submitted), (Some(d("2025-07-20")), d("2025-07-10")));
    assert!(c.moves_back(), "an older file moves 报送日 back: flagged");
    let mut mine = log.clone();
    assert_eq!(apply_submissions(&mut mine, &p), Ok((0, 1)));
    assert_eq!(mine[0].submitted, d("2025-07-10"));
    // A preview made before the log changed (another tab) is refused.
    let mut other = log.clone();
    other[0].submitted = d("2025-07-25");
    assert!(apply_submissions(&mut other, &p).unwrap_err().contains("重新预览"));
}

#[test]
fn issue_22_reports_csv_agency_names_match_like_case_numbers() {
    let log =
        vec![Submission {
            agency: "区城管委".into(), period: ReportPeriod::Half(2025, 1), submitted: d("2025-07-10")
        }];
    let r =
        import_submissions_ok(&format!("{RH}区城管委\u{200b},R24,2025Q3,2025-10-15\n区城管委,R23,2025H1,2025-07-10\n"));
    assert_eq!((r.warnings.len(), r.warnings[0].column.as_str()), (1, "机关名称"));
    let p = preview_submissions(&log, &[], &[("r.csv".into(), r)]);
    assert_eq!((p.new.len(), p.unchanged), (1, 1));
    assert_eq!(p.new[0].entry.agency, "区城管委", "the recorded spelling, not a second agency");
    assert_eq!(p.lookalikes.len(), 1);
    // A new agency takes the spelling of 机关名录 (full width / half width alike).
    let r = import_submissions_ok(&format!("{RH}区住建委（二）,R23,2025H1,2025-07-10\n"));
    let p = preview_submissions(&[], &["区住建委(二)"], &[("r.csv".into(), r)]);
    assert_eq!(p.new[0].entry.agency, "区住建委(二)");
}

#[test]
fn issue_22_reports_csv_has_the_row_limit_of_the_other_files() {
    let mut text = String::from(RH);
    for i in 0..=MAX_ROWS {
        text.push_str(&format!("机关{i},R23,2025H1,2025-07-10\n"));
    }
    match import_submissions(&text) {
        Err(ImportError::File(e)) => assert!(e.to_string().contains("超过 100000 行"), "{e}"),
        other => panic!("expected a refused file, got {:?}", other.map(|r| r.rows.len())),
    }
}

#[test]
fn issue_22_reports_csv_merge_is_linear() {
    // n rows into a log of n entries, half of them new: a per-row search of the log (24.5 s at 100,000 in a release
    // build before) makes 4n take 16 times as long as n; the merge takes about 4 times.
    let setup = |n: usize| {
        let mut text = String::from(RH);
        let mut log = Vec::new();
        for i in 0..n {
            text.push_str(&format!("机关{i},R23,2025H1,2025-07-10\n"));
            log.push(Submission {
                agency: format!("机关{}", i + n / 2),
                period: ReportPeriod::Half(2025, 1),
                submitted: d("2025-07-09"),
            });
        }
        (n, text, log)
    };
    let ratio = growth(MAX_ROWS / 4, setup, |(n, text, mut log)| {
        let r = import_submissions_ok(&text);
        let p = preview_submissions(&log, &[], &[("big.csv".into(), r)]);
        assert_eq!((p.new.len(), p.changed.len()), (n / 2, n / 2));
        assert_eq!(apply_submissions(&mut log, &p), Ok((n / 2, n / 2)));
    });
    assert!(ratio < 8.0, "4× the rows took {ratio:.1}× as long");
}
