//! `yingsu`: the rule engine on the command line, for batch checks of `cases.csv` files.

use chrono::NaiveDate;
use std::io::Write;
use std::process::ExitCode;
use yingsu_engine::calendar::parse_holiday_csv;
use yingsu_engine::codec::{self, Import, ImportError};
use yingsu_engine::model::Agency;
use yingsu_engine::store::SetupField;
use yingsu_engine::Counting;
use yingsu_engine::{evaluate, Calendar, Matter, Settings};

const HELP: &str = "应诉通 yingsu — 《通州区行政机关应诉规则》（通政办发〔2022〕11号）批量检查工具

用法：
  yingsu obligations [--today YYYY-MM-DD] [--days 自然日|工作日] [--warn-days N] [--timely-days N] [--holidays FILE] [--agencies AGENCIES.csv] CASES.csv
      计算每个案件的全部义务，向标准输出写出 obligations.csv（UTF-8 带 BOM）。
      --today     评估日期（默认：系统日期，写到标准错误）
      --days      规则内部“N日”的计日方式（默认：自然日）
      --warn-days 即将到期提醒天数（默认：3）
      --timely-days 及时事项提醒天数（默认：30）：无固定期限的“及时”义务超过该天数未完成即为“久未完成”
      --holidays  追加节假日文件（cn-holidays.csv 格式：date,kind,name）
      --agencies  机关名录（agencies.csv）：机关类型为区司法局、区政府的机关按其类型认定（与网页相同）；
                  不给时只按名称认定（含“司法局”为区司法局，以“区人民政府”“区政府”结尾为区政府）
  yingsu selftest
      规则核验：用规则条文和算例中的固定场景核对本程序的期限计算（与网页“规则核验”同一组场景），
      每个场景一行（场景,规则,通过），最后一行“通过 N / M 项”。退出码：0 全部通过；1 有未通过的场景。
  yingsu validate CASES.csv|AGENCIES.csv
      校验文件，每个问题写成“第N行「列名」：说明”到标准错误。
      退出码：0 无问题；1 有无效行；2 文件无法读取。
  yingsu report half-year --period 2025H1 [--agency 名称] [--today YYYY-MM-DD] CASES.csv
      半年案件情况报告（第二十三条）的统计指标，CSV：机关,期间,指标,数值。
      不给 --agency 时，按案件所属机关（所属机关，未填时为应诉承办机关，均未填为“未指定”）每个机关一组，
      最后一组为“全部”。建议（司法、检察、法制建议）不计入新收案件；法院判决与复议决定分别统计。
      --agency 须是数据中的机关名称（空格、全角半角、不可见字符不计）；不在数据中时不生成报告，
      列出最接近的名称，退出码 2。
  yingsu report quarter --period 2025Q1 [--agency 名称] CASES.csv
      季度败诉案件报告（第二十四条）：该季度签收裁判文书的法院败诉、部分败诉判决（含涉及村委会的）。
      复议决定撤销、变更或确认违法的案件不计入败诉判决，另列于标准错误（“提示：复议纠错…”）。
      以上两种报告加 --format docx 时写出 Word 文档（公文格式，落款为该机关或区司法局，成文日期为 --today）：
      yingsu report half-year --period 2025H1 --agency 名称 --format docx CASES.csv > 报告.docx
  yingsu report duties --agency 名称 [--since YYYY-MM-DD] [--today YYYY-MM-DD] CASES.csv
      该机关的报告报送义务（第二十三条半年报告、第二十四条季度败诉报告），CSV：机关,规则,期间,期限日,报送日,状态,说明。
      --since  开始使用日期：期限日早于该日的报告期不列出（已有报送记录的除外）；默认列出自第一个收案日起的每一期
  yingsu report seminar --period 2025H1|2025Q1 [--agency 名称] --format docx CASES.csv
      败诉案件分析研讨会材料（第二十四条第二款）：该期间的败诉案件及典型、重大敏感、社会高度关注案件。
  yingsu normalize CASES.csv
      读取任意可接受编码和格式的 cases.csv，向标准输出写出规范的 cases.csv（UTF-8 带 BOM）。
  yingsu --help
      显示本帮助。

退出码：0 全部有效；1 有无效行——每个问题写到标准错误；obligations 和 report 照常写出有效行，
无效行不计算、不计入报告（normalize 不输出）；2 参数错误（如 --period 年份不在 2000–2099）、
文件无法读取，或文件超过上限（100000 行、1000 列、每个单元格 32 KB）。日期只接受 1949-10-01 至 2099-12-31。

计日说明：起算日不计入；自然日期限届满日为休息日（周末或法定节假日）时顺延至下一工作日，
调休上班日为工作日；行政复议法“十日”为工作日（2024-01-01 起）；法院期限一律按自然日。";

/// A failure with its exit code: 1 = invalid data, 2 = cannot read / bad usage.
struct Fail(u8, String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, msg)) => {
            eprintln!("{msg}");
            ExitCode::from(code)
        }
    }
}

fn usage(msg: impl Into<String>) -> Fail {
    Fail(2, format!("错误：{}\n运行 yingsu --help 查看用法。", msg.into()))
}

fn run(args: &[String]) -> Result<u8, Fail> {
    let Some(cmd) = args.first() else {
        println!("{HELP}");
        return Ok(0);
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "-h" | "--help" | "help" => {
            println!("{HELP}");
            Ok(0)
        }
        "obligations" => obligations(rest),
        "validate" => validate(rest),
        "normalize" => normalize(rest),
        "report" => report(rest),
        "selftest" => Ok(selftest()),
        other => Err(usage(format!("未知命令「{other}」"))),
    }
}

/// `yingsu selftest`: the built-in scenarios of 规则核验, one line each, then the count.
fn selftest() -> u8 {
    let outcomes = yingsu_engine::selftest::run_all();
    let mut out = String::from("场景,规则,通过\n");
    for o in &outcomes {
        out.push_str(&format!("{},{},{}\n", o.name, o.rule, if o.pass { "是" } else { "否" }));
    }
    let passed = outcomes.iter().filter(|o| o.pass).count();
    out.push_str(&format!("通过 {passed} / {} 项\n", outcomes.len()));
    print!("{out}");
    u8::from(passed != outcomes.len())
}

/// What `report` writes: the figures as CSV, or the report as a Word document (公文 layout).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Docx,
}

/// Options and the one positional file.
struct Opts {
    today: Option<NaiveDate>,
    period: Option<String>,
    agency: Option<String>,
    format: Format,
    days: Counting,
    warn_days: u32,
    timely_days: u32,
    holidays: Vec<String>,
    /// (r3 §7.18) 开始使用日期.
    since: Option<NaiveDate>,
    /// (r3 §7.4) 机关名录, to recognise 区司法局 and 区政府 by 机关类型 as the app does.
    agencies: Option<String>,
    file: String,
}

fn parse_opts(args: &[String], allowed: &[&str]) -> Result<Opts, Fail> {
    let mut o = Opts {
        today: None,
        period: None,
        agency: None,
        format: Format::Csv,
        days: Counting::Natural,
        warn_days: 3,
        timely_days: 30,
        holidays: vec![],
        since: None,
        agencies: None,
        file: String::new(),
    };
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if a.starts_with("--") => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        if !name.starts_with("--") || name == "--" {
            files.push(a.clone());
            continue;
        }
        if !allowed.contains(&name) {
            return Err(usage(format!("不支持的选项「{name}」")));
        }
        let mut value =
            || inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| usage(format!("选项 {name} 缺少取值")));
        match name {
            "--today" => {
                let v = value()?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| usage(format!("--today「{v}」应为 YYYY-MM-DD")))?;
                if !(yingsu_engine::dates::MIN_DATE..=yingsu_engine::dates::MAX_DATE).contains(&d) {
                    return Err(usage(format!("--today「{v}」超出可接受的日期范围（1949-10-01 至 2099-12-31）")));
                }
                o.today = Some(d);
            }
            "--days" => {
                let v = value()?;
                o.days = Counting::days_from_label(&v)
                    .ok_or_else(|| usage(format!("--days「{v}」应为 自然日 或 工作日")))?;
            }
            "--warn-days" => {
                let v = value()?;
                o.warn_days = SetupField::WarnDays.number(&v).map_err(|e| usage(format!("--warn-days：{e}")))?;
            }
            "--timely-days" => {
                let v = value()?;
                o.timely_days = SetupField::TimelyDays.number(&v).map_err(|e| usage(format!("--timely-days：{e}")))?;
            }
            "--holidays" => o.holidays.push(value()?),
            "--agencies" => o.agencies = Some(value()?),
            "--since" => {
                let v = value()?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| usage(format!("--since「{v}」应为 YYYY-MM-DD")))?;
                o.since = Some(d);
            }
            "--period" => o.period = Some(value()?),
            "--agency" => o.agency = Some(value()?),
            "--format" => {
                let v = value()?;
                o.format = match v.as_str() {
                    "csv" => Format::Csv,
                    "docx" => Format::Docx,
                    _ => return Err(usage(format!("--format「{v}」应为 csv 或 docx"))),
                };
            }
            _ => unreachable!("checked against allowed"),
        }
    }
    match files.len() {
        1 => o.file = files.remove(0),
        0 => return Err(usage("缺少输入文件")),
        _ => return Err(usage(format!("只能给出一个输入文件，收到 {} 个", files.len()))),
    }
    Ok(o)
}

fn read(path: &str) -> Result<Vec<u8>, Fail> {
    std::fs::read(path).map_err(|e| Fail(2, format!("错误：无法读取文件「{path}」：{e}")))
}

fn import_cases(path: &str) -> Result<Import<Matter>, Fail> {
    let bytes = read(path)?;
    codec::import::<Matter>(&bytes).map_err(|e| match e {
        ImportError::File(f) => Fail(2, format!("错误：{path}：{f}")),
        ImportError::Header(es) => Fail(1, es.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")),
    })
}

/// Prints every row error as `第N行「列名」：说明`; returns how many rows have any error. Such a row is
/// never evaluated: a due date computed without an unreadable cell (an unreadable 答辩提交日) could be a
/// false 已逾期, and a silently missing 裁判文书签收日 would drop the matter from a report.
fn print_row_errors(imp: &Import<Matter>) -> usize {
    for e in imp.errors() {
        eprintln!("{e}");
    }
    imp.invalid_rows()
}

fn out(bytes: &[u8]) -> Result<(), Fail> {
    let mut so = std::io::stdout().lock();
    so.write_all(bytes).and_then(|_| so.flush()).map_err(|e| Fail(2, format!("错误：无法写出结果：{e}")))
}

fn obligations(args: &[String]) -> Result<u8, Fail> {
    let o = parse_opts(args, &["--today", "--days", "--holidays", "--warn-days", "--timely-days", "--agencies"])?;
    let today = today_or_system(o.today);
    let mut cal = Calendar::bundled();
    // The rows of every --holidays file so far: the 40-a-year cap counts the calendar after each file, so
    // it holds however many files bring the rows (issue 22).
    let mut added: Vec<yingsu_engine::calendar::HolidayRow> = Vec::new();
    for h in &o.holidays {
        let text = codec::decode(&read(h)?).map_err(|e| Fail(2, format!("错误：{h}：{e}")))?;
        let rows = parse_holiday_csv(&text.text).map_err(|es| {
            Fail(
                2,
                format!(
                    "错误：节假日文件「{h}」有误：\n{}",
                    es.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
                ),
            )
        })?;
        let problems = yingsu_engine::calendar::check_holiday_change(&added, &rows, today);
        if !problems.is_empty() {
            return Err(Fail(2, format!("错误：节假日文件「{h}」未采用：\n{}", problems.join("\n"))));
        }
        cal.add_rows(&rows);
        yingsu_engine::calendar::merge_rows(&mut added, rows);
    }
    let settings =
        Settings { counting: o.days, warn_days: o.warn_days, timely_days: o.timely_days, ..Settings::default() };
    let dir: Vec<Agency> = match &o.agencies {
        Some(path) => {
            let imp = codec::import::<Agency>(&read(path)?).map_err(|e| Fail(2, format!("错误：{path}：{e}")))?;
            imp.rows.into_iter().filter(|r| r.errors.is_empty()).map(|r| r.record).collect()
        }
        None => vec![],
    };
    let imp = import_cases(&o.file)?;
    let skipped = print_row_errors(&imp);
    let mut all = Vec::new();
    for row in imp.rows.iter().filter(|r| r.errors.is_empty()) {
        let ev = yingsu_engine::rules::evaluate_in(&row.record, &cal, &settings, today, &dir);
        if let Some(why) = &ev.art32_note {
            eprintln!("提示：{}：{why}", row.record.case_no);
        }
        for w in &ev.warnings {
            eprintln!("提示：{w}");
        }
        all.extend(ev.obligations);
    }
    out(&codec::export_obligations(&all))?;
    if skipped > 0 {
        eprintln!("有 {skipped} 行无效，未计算（上面列出了每个问题）；其余各行的义务已写出");
        return Ok(1);
    }
    Ok(0)
}

fn today_or_system(t: Option<NaiveDate>) -> NaiveDate {
    t.unwrap_or_else(|| {
        let t = chrono::Local::now().date_naive();
        eprintln!("评估日期：{}（系统日期）", t.format("%Y-%m-%d"));
        t
    })
}

fn report(args: &[String]) -> Result<u8, Fail> {
    use yingsu_engine::periodic::ReportPeriod;
    use yingsu_engine::report;
    use yingsu_engine::{docx::to_docx, paper};
    let Some(kind) = args.first() else {
        return Err(usage("report 需要报告种类：half-year、quarter、duties 或 seminar"));
    };
    if kind == "duties" {
        return duties(&args[1..]);
    }
    let o = parse_opts(&args[1..], &["--period", "--agency", "--today", "--format"])?;
    let code = o.period.clone().ok_or_else(|| usage("缺少 --period（如 2025H1 或 2025Q1）"))?;
    let period = ReportPeriod::parse(&code)
        .ok_or_else(|| usage(format!("--period「{code}」应为 2025H1、2025H2 或 2025Q1…2025Q4（年份 2000–2099）")))?;
    let imp = import_cases(&o.file)?;
    let bad = print_row_errors(&imp);
    let matters: Vec<Matter> = imp.rows.into_iter().filter(|r| r.errors.is_empty()).map(|r| r.record).collect();
    let mut o = o;
    o.agency = o.agency.as_deref().map(|a| known_agency(a, &matters)).transpose()?;
    let today = today_or_system(o.today);
    let cal = Calendar::bundled();
    let settings = Settings::default();
    // 落款: the agency reported on; the district's reports are signed by 区司法局.
    let signer = o.agency.clone().unwrap_or_else(|| "区司法局".into());
    // Word's 作者 and 创建时间: the signer and the evaluation date.
    let to_docx = |mut p: paper::Paper| {
        p.meta = paper::DocMeta { author: signer.clone(), date: yingsu_engine::dates::fmt(today) };
        to_docx(&p)
    };
    match (kind.as_str(), period, o.format) {
        ("half-year", ReportPeriod::Half(..), Format::Docx) => {
            let evals: Vec<_> = matters.iter().map(|m| evaluate(m, &cal, &settings, today)).collect();
            let p = paper::half_year_of(&matters, &evals, o.agency.as_deref(), period, "", &signer, today);
            out(&to_docx(p))?;
        }
        ("quarter", ReportPeriod::Quarter(..), Format::Docx) => {
            let lost = report::quarter_losses(&matters, o.agency.as_deref(), period);
            let corrected = report::quarter_review_corrections(&matters, o.agency.as_deref(), period);
            out(&to_docx(paper::quarter(o.agency.as_deref(), period, &lost, &corrected, &signer, today)))?;
        }
        ("seminar", _, Format::Docx) => {
            out(&to_docx(paper::seminar(&matters, o.agency.as_deref(), period, &signer, today)))?;
        }
        ("seminar", _, Format::Csv) => return Err(usage("研讨会材料只有 --format docx")),
        ("half-year", ReportPeriod::Half(..), Format::Csv) => {
            let evals: Vec<_> = matters.iter().map(|m| evaluate(m, &cal, &settings, today)).collect();
            let reports: Vec<_> = match &o.agency {
                Some(a) => vec![report::half_year(&matters, &evals, Some(a), period, today)],
                None => report::half_year_all(&matters, &evals, period, today),
            };
            out(&report::half_year_csv(&reports))?;
        }
        ("quarter", ReportPeriod::Quarter(..), Format::Csv) => {
            let lost = report::quarter_losses(&matters, o.agency.as_deref(), period);
            out(&report::quarter_csv(&lost, period))?;
            for l in report::quarter_review_corrections(&matters, o.agency.as_deref(), period) {
                eprintln!(
                    "提示：复议纠错（复议决定撤销、变更或确认违法，不计入败诉判决）：{} {} {}",
                    l.agency,
                    l.case_no,
                    l.outcome.label()
                );
            }
        }
        ("half-year", ..) => return Err(usage(format!("半年报告的 --period 应为 2025H1 或 2025H2，收到「{code}」"))),
        ("quarter", ..) => return Err(usage(format!("季度报告的 --period 应为 2025Q1…2025Q4，收到「{code}」"))),
        (other, ..) => return Err(usage(format!("未知报告种类「{other}」：应为 half-year、quarter 或 seminar"))),
    }
    if bad > 0 {
        eprintln!("有 {bad} 行无效，未计入报告（上面列出了每个问题）；报告不完整");
        return Ok(1);
    }
    Ok(0)
}

/// The agency `--agency` names, as the data writes it: a name that reads the same (spaces, widths, hidden
/// characters) is taken with a notice; a name not in the data is refused with the nearest ones, never a
/// report of zeros signed with a typo (issue 22).
fn known_agency(given: &str, matters: &[Matter]) -> Result<String, Fail> {
    use yingsu_engine::text::{match_name, visible, NameMatch};
    let names = yingsu_engine::report::agencies(matters);
    match match_name(given, names.iter().map(String::as_str)) {
        NameMatch::Exact(n) => Ok(n),
        NameMatch::Lookalike(n) => {
            eprintln!("提示：--agency「{}」按数据中的机关「{n}」统计", visible(given));
            Ok(n)
        }
        NameMatch::Unknown(near) => Err(Fail(
            2,
            format!(
                "错误：--agency「{}」不是数据中的机关，未生成报告。{}\n数据中的机关：{}",
                visible(given),
                if near.is_empty() { String::new() } else { format!("最接近的名称：{}。", near.join("、")) },
                names.iter().take(20).cloned().collect::<Vec<_>>().join("、")
            ),
        )),
    }
}

/// `report duties`: the R23/R24 duties of one agency (第二十三条, 第二十四条), from its first 收案日 (not before the
/// rule took effect); (r3 §7.18) `--since` is 开始使用日期 (default: every period).
fn duties(args: &[String]) -> Result<u8, Fail> {
    use yingsu_engine::periodic::periodic_duties;
    let o = parse_opts(args, &["--agency", "--today", "--since"])?;
    let agency = o.agency.clone().ok_or_else(|| usage("report duties 需要 --agency"))?;
    let imp = import_cases(&o.file)?;
    let bad = print_row_errors(&imp);
    let today = today_or_system(o.today);
    let from = imp
        .rows
        .iter()
        .filter(|r| r.errors.is_empty() && r.record.agency_name() == agency)
        .filter_map(|r| r.record.intake_date())
        .min()
        .unwrap_or(today)
        .max(yingsu_engine::rules::effective_date());
    let settings = Settings { start_date: o.since, ..Settings::default() };
    let rows = periodic_duties(&agency, from, &[], &Calendar::bundled(), &settings, today);
    let d = |x: Option<NaiveDate>| x.map(yingsu_engine::dates::fmt).unwrap_or_default();
    let csv = codec::write_csv(
        &["机关", "规则", "期间", "期限日", "报送日", "状态", "说明"],
        rows.iter().map(|r| {
            vec![
                r.agency.clone().into(),
                r.period.rule().label().into(),
                r.period.code().into(),
                d(Some(r.due)).into(),
                d(r.submitted).into(),
                r.status.label().into(),
                r.explanation.clone().into(),
            ]
        }),
    );
    out(&csv)?;
    if o.since.is_some() {
        eprintln!("提示：开始使用日期之前的报告期未列出（--since）");
    }
    Ok(if bad > 0 { 1 } else { 0 })
}

fn validate(args: &[String]) -> Result<u8, Fail> {
    let o = parse_opts(args, &[])?;
    let bytes = read(&o.file)?;
    let text = codec::decode(&bytes).map_err(|e| Fail(2, format!("错误：{}：{e}", o.file)))?;
    // An agencies file is recognised by its key column.
    let first_line = text.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let is_agencies = first_line.contains("机关名称") && !first_line.contains("案号");
    let (errors, rows, warnings): (Vec<String>, usize, Vec<String>) = if is_agencies {
        let imp = codec::import_text::<Agency>(&text.text, text.encoding).map_err(header_fail)?;
        (imp.errors().map(|e| e.to_string()).collect(), imp.rows.len(), vec![])
    } else {
        let imp = codec::import_text::<Matter>(&text.text, text.encoding).map_err(header_fail)?;
        // One calendar for every row (issue 22: it was built again for each row, 13.6 s at 100,000 rows).
        let (cal, settings) = (Calendar::bundled(), Settings::default());
        let warnings = imp
            .rows
            .iter()
            .filter(|r| r.usable)
            .flat_map(|r| evaluate(&r.record, &cal, &settings, chrono::NaiveDate::MAX).warnings)
            .map(|w| format!("提示：{w}"))
            .chain(imp.notices.iter().map(|n| format!("已规范：{n}")))
            .collect();
        (imp.errors().map(|e| e.to_string()).collect(), imp.rows.len(), warnings)
    };
    for e in &errors {
        eprintln!("{e}");
    }
    for w in &warnings {
        eprintln!("{w}");
    }
    if errors.is_empty() {
        eprintln!("{}：{rows} 行，未发现问题（编码 {}）", o.file, text.encoding);
        Ok(0)
    } else {
        eprintln!("{}：{rows} 行，发现 {} 个问题（编码 {}）", o.file, errors.len(), text.encoding);
        Ok(1)
    }
}

fn header_fail(e: ImportError) -> Fail {
    match e {
        ImportError::File(f) => Fail(2, format!("错误：{f}")),
        ImportError::Header(es) => Fail(1, es.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")),
    }
}

fn normalize(args: &[String]) -> Result<u8, Fail> {
    let o = parse_opts(args, &[])?;
    let imp = import_cases(&o.file)?;
    print_row_errors(&imp);
    let bad = imp.invalid_rows();
    if bad > 0 {
        return Err(Fail(1, format!("有 {bad} 行无效，未输出规范文件；请先修正上述问题")));
    }
    let records: Vec<Matter> = imp.rows.into_iter().map(|r| r.record).collect();
    out(&codec::export(&records))?;
    Ok(0)
}
