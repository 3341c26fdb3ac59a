//! Word export: a [`Paper`] as a .docx that opens and edits in Word and WPS, laid out as a 公文
//! (GB/T 9704-2012): A4, 版心 156 mm × 225 mm (天头 37 mm, 订口 28 mm), title 方正小标宋简体 2号 centred,
//! body 仿宋_GB2312 3号 at 22 lines a page, 一级标题 黑体, 二级标题 楷体_GB2312, tables 仿宋 4号, page
//! numbers "— 1 —" in 宋体 4号 at the foot (odd pages right, even pages left, one character in), and the
//! 落款 with the seal's room above it. The document format is written by `docx-rs`.

use crate::paper::{Block, DocMeta, Grid, Paper};
use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph,
    Run, RunFonts, SpecialIndentType, TableCell, TableRow, WidthType,
};

/// Millimetres to twentieths of a point (twips).
const fn mm(x: u32) -> i32 {
    (x * 5669 / 100) as i32
}

const BODY: usize = 32; // 3号 = 16 pt, in half-points
const TITLE: usize = 44; // 2号 = 22 pt
const SMALL: usize = 28; // 4号 = 14 pt
/// 225 mm / 22 lines, in twips.
const LINE: i32 = 580;
/// One 3号 character, in twips.
const CHAR: i32 = 320;

fn fonts(east_asia: &str) -> RunFonts {
    // Digits and Latin letters in Times New Roman, as 公文 set them; Chinese in the named face.
    RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman").east_asia(east_asia)
}

fn run(text: &str, face: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(face)).size(size)
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Exact).line(line).before(0).after(0)
}

fn para(text: &str, face: &str, size: usize) -> Paragraph {
    Paragraph::new().add_run(run(text, face, size)).line_spacing(exact(LINE))
}

fn body(text: &str) -> Paragraph {
    para(text, "仿宋_GB2312", BODY).indent(None, Some(SpecialIndentType::FirstLine(2 * CHAR)), None, None)
}

fn table(t: &Grid) -> docx_rs::Table {
    // 3号 where it fits; 4号 (small); 小4号 for five columns or more.
    let (size, line) = match (t.small, t.head.len() >= 5) {
        (_, true) => (24, 380),
        (true, false) => (SMALL, 440),
        _ => (BODY, LINE),
    };
    // Column widths across the 版心: a two-column table (项目/内容, 指标/数值) gives the second the room.
    let full = mm(156) as usize;
    let n = t.head.len().max(1);
    let widths: Vec<usize> = if n == 2 { vec![full * 3 / 10, full - full * 3 / 10] } else { vec![full / n; n] };
    let cell = |i: usize, s: &str, bold_face: bool| {
        TableCell::new().width(widths.get(i).copied().unwrap_or(full / n), WidthType::Dxa).add_paragraph(
            Paragraph::new()
                .add_run(run(s, if bold_face { "黑体" } else { "仿宋_GB2312" }, size))
                .line_spacing(exact(line)),
        )
    };
    let row = |cells: &[String], head: bool| {
        TableRow::new(cells.iter().enumerate().map(|(i, c)| cell(i, c, head)).collect()).cant_split()
    };
    let mut rows = vec![row(&t.head, true)];
    rows.extend(t.rows.iter().map(|r| row(r, false)));
    docx_rs::Table::new(rows).set_grid(widths.clone()).width(full, WidthType::Dxa)
}

fn page_number(align: AlignmentType) -> Footer {
    // "— 1 —": 4号 半角 宋体 digits with a 一字线 on each side, one character in from the edge.
    let p = Paragraph::new()
        .align(align)
        .add_run(run("— ", "宋体", SMALL).fonts(fonts("宋体").ascii("宋体").hi_ansi("宋体")))
        .add_page_num(PageNum::new())
        .add_run(run(" —", "宋体", SMALL).fonts(fonts("宋体").ascii("宋体").hi_ansi("宋体")))
        .size(SMALL)
        .fonts(fonts("宋体").ascii("宋体").hi_ansi("宋体"));
    let p = match align {
        AlignmentType::Right => p.indent(None, None, Some(CHAR), None),
        _ => p.indent(Some(CHAR), None, None, None),
    };
    Footer::new().add_paragraph(p)
}

/// Escapes a text for XML character data and attribute values.
fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// docProps/core.xml: 作者 and 最后修改者 the paper's author, 创建/修改时间 its export date (docx-rs alone
/// writes "unknown" and 1970-01-01). Unknown values are left out rather than invented.
fn core_xml(meta: &DocMeta) -> Vec<u8> {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    if crate::dates::parse_date(&meta.date).is_ok() {
        for tag in ["dcterms:created", "dcterms:modified"] {
            x.push_str(&format!(r#"<{tag} xsi:type="dcterms:W3CDTF">{}T00:00:00Z</{tag}>"#, meta.date));
        }
    }
    let author = meta.author.trim();
    if !author.is_empty() {
        let a = xml_escape(author);
        x.push_str(&format!("<dc:creator>{a}</dc:creator><cp:lastModifiedBy>{a}</cp:lastModifiedBy>"));
    }
    x.push_str("<cp:revision>1</cp:revision></cp:coreProperties>");
    x.into_bytes()
}

/// The paper as a .docx file. Every text goes through [`Paper::cleaned`] first: a cell holding U+000B (what
/// Word's Shift+Enter pastes) or U+FFFE would otherwise make word/document.xml ill-formed.
pub fn to_docx(paper: &Paper) -> Vec<u8> {
    let paper = &paper.clone().cleaned();
    let mut doc = Docx::new()
        .page_size(mm(210) as u32, mm(297) as u32)
        .page_margin(
            PageMargin::new()
                .top(mm(37))
                .left(mm(28))
                .right(mm(26))
                .bottom(mm(35))
                .header(mm(15))
                // The number's baseline sits about 7 mm under the 版心.
                .footer(mm(22))
                .gutter(0),
        )
        .default_fonts(fonts("仿宋_GB2312"))
        .default_size(BODY)
        .footer(page_number(AlignmentType::Right))
        .even_footer(page_number(AlignmentType::Left));
    doc.document.section_property = doc
        .document
        .section_property
        .clone()
        .doc_grid(DocGrid::new().grid_type(DocGridType::Lines).line_pitch(LINE as usize));

    for line in &paper.title {
        doc = doc
            .add_paragraph(para(line, "方正小标宋简体", TITLE).align(AlignmentType::Center).line_spacing(exact(700)));
    }
    if !paper.subtitle.is_empty() {
        doc = doc.add_paragraph(para(&paper.subtitle, "楷体_GB2312", BODY).align(AlignmentType::Center));
    }
    doc = doc.add_paragraph(para("", "仿宋_GB2312", BODY));
    for b in &paper.blocks {
        doc = match b {
            Block::H1(s) => doc.add_paragraph(
                para(s, "黑体", BODY)
                    .indent(None, Some(SpecialIndentType::FirstLine(2 * CHAR)), None, None)
                    .keep_next(true),
            ),
            Block::H2(s) => doc.add_paragraph(
                para(s, "楷体_GB2312", BODY)
                    .indent(None, Some(SpecialIndentType::FirstLine(2 * CHAR)), None, None)
                    .keep_next(true),
            ),
            Block::P(s) => doc.add_paragraph(body(s)),
            Block::Table(t) => doc.add_table(table(t)).add_paragraph(para("", "仿宋_GB2312", SMALL)),
            Block::Chart(c) => {
                // A chart in Word is its numbers: a two-column table under the chart's title.
                let t = Grid {
                    head: vec![c.title.clone(), "件数".into()],
                    rows: c.bars.iter().map(|(l, n)| vec![l.clone(), n.to_string()]).collect(),
                    small: true,
                };
                doc.add_table(table(&t)).add_paragraph(para("", "仿宋_GB2312", SMALL))
            }
            Block::PageBreak => doc.add_paragraph(Paragraph::new().page_break_before(true)),
        };
    }
    if let Some(s) = &paper.signature {
        // Two blank lines: the seal sits over 署名 and 成文日期, its top within a line of the text.
        for _ in 0..2 {
            doc = doc.add_paragraph(para("", "仿宋_GB2312", BODY));
        }
        // 成文日期 four characters from the right; 署名 centred above it.
        let date_width = s.date.chars().count() as i32;
        let name_width = s.agency.chars().count() as i32;
        let name_right = 4 * CHAR + (date_width - name_width).max(0) * CHAR / 2;
        doc = doc
            .add_paragraph(para(&s.agency, "仿宋_GB2312", BODY).align(AlignmentType::Right).indent(
                None,
                None,
                Some(name_right),
                None,
            ))
            .add_paragraph(para(&s.date, "仿宋_GB2312", BODY).align(AlignmentType::Right).indent(
                None,
                None,
                Some(4 * CHAR),
                None,
            ));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let mut parts = doc.build();
    parts.doc_props.core = core_xml(&paper.meta);
    parts.pack(&mut out).expect("writing a zip into memory does not fail");
    out.into_inner()
}
