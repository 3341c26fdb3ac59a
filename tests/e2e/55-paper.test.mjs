// Reports on paper and in Word: each report prints as a 公文 (A4, page numbers, 落款, nothing meant for the
// screen), downloads as a .docx whose word/document.xml is well-formed and holds the page's figures; the
// 考核表 scores follow the weights in 设置; the 出庭准备单 comes from the matter's fields.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, shot, SHOTS } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIX = join(HERE, 'fixtures', 'paper-cases.csv');
const OUT = join(SHOTS, 'paper');
mkdirSync(OUT, { recursive: true });
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

async function loaded() {
  const { page, ctx, log } = await h.open('#/exchange', { today: '2026-11-30' });
  await page.getByLabel('案件文件').setInputFiles(FIX);
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 5 个案件' }).waitFor();
  await page.getByRole('link', { name: '报表', exact: true }).click();
  return { page, ctx, log };
}

/** In print media: the paper shows, nothing meant for the screen does. */
async function assertPrintable(page) {
  await page.emulateMedia({ media: 'print' });
  const leaks = await page.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const sel = 'button, input, select, textarea, nav, details, .report-controls, .hint, .screen-only, .tabs, .banners, header.top, footer.foot, [placeholder]';
    return [...document.querySelectorAll(sel)].filter(shown).map((el) => el.outerHTML.slice(0, 120));
  });
  assert.deepEqual(leaks, [], 'nothing interactive prints');
  const papers = await page.getByTestId('paper').count();
  assert.ok(papers >= 1);
  for (let i = 0; i < papers; i++) assert.ok(await page.getByTestId('paper').nth(i).isVisible(), 'the 公文 prints');
}

/** Prints to PDF, checks A4 and the text, renders PNGs to look at; returns the PDF's text. */
async function printPdf(page, name, { pages = null } = {}) {
  await assertPrintable(page);
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  assert.match(info, /Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/, info);
  const n = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  if (pages) assert.equal(n, pages, `${name}: ${n} pages`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (let i = 1; i <= n; i++) assert.match(text, new RegExp(`—\\s*${i}\\s*—`), `${name}: page number ${i}`);
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(OUT, name)]);
  // Lines are broken by the layout: searches run on the text without white space too.
  return `${text}\n${text.replace(/\s+/g, '')}`;
}

/** Downloads the .docx, unzips word/document.xml, checks it is well-formed, returns its text. */
async function docxText(page, button) {
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await dl;
  assert.match(file.suggestedFilename(), /\.docx$/);
  const path = join(OUT, file.suggestedFilename());
  await file.saveAs(path);
  const py = `import sys, zipfile, xml.dom.minidom as m
d = m.parseString(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
print('\\n'.join(n.data for t in d.getElementsByTagName('w:t') for n in t.childNodes if n.nodeType == n.TEXT_NODE))`;
  return { text: execFileSync('python3', ['-c', py, path]).toString(), path };
}

test('half-year report prints as a 公文 and downloads as a .docx with every figure', async () => {
  const { page, ctx, log } = await loaded();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  await page.getByLabel('半年期间').selectOption('2025H1');
  await page.getByLabel('其他需要说明的事项').fill('本期无其他需要说明的重大事项。');
  const loadedBefore = log.requests.length;
  const text = await printPdf(page, 'half-year');
  assert.match(text, /区城管委2025年上半年案件情况报告/);
  for (const s of ['一、案件总量数据', '三、典型案例分析', '五、执行生效裁判情况', '七、其他需要说明的事项', '本期无其他需要说明的重大事项。']) {
    assert.ok(text.includes(s), s);
  }
  assert.match(text, /区城管委\s*\n\s*2026年11月30日/, '落款: agency above the date');
  const figures = await page.locator('[data-testid^="ind-"] .n').allTextContents();
  const { text: doc } = await docxText(page, '导出 Word（.docx）');
  await page.getByTestId('report-message').filter({ hasText: '已导出 半年报告-区城管委-2025H1.docx' }).waitFor();
  for (const s of ['区城管委', '2025年上半年', '2026年11月30日', '本期无其他需要说明的重大事项。', ...figures]) {
    assert.ok(doc.includes(s.trim()), `${s} in the .docx`);
  }
  // The Word module is fetched only now, not with the page: the export itself asked for a WebAssembly
  // module (and its script) that the page had not loaded.
  const wasm = (list) => list.filter((u) => new URL(u).pathname.endsWith('.wasm'));
  const fetchedOnExport = wasm(log.requests.slice(loadedBefore)).filter((u) => !wasm(log.requests.slice(0, loadedBefore)).includes(u));
  assert.equal(fetchedOnExport.length, 1, log.requests.join('\n'));
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('the page does not fetch the Word module until asked', async () => {
  const { page, ctx, log } = await loaded();
  await page.getByTestId('half-report').waitFor();
  await page.getByRole('button', { name: '公文预览' }).click();
  await page.getByTestId('paper').waitFor();
  await shot(page, '55-half-year-preview');
  // Nothing but the page's two modules (the page's own and the second, for 报表) was fetched.
  const wasm = log.requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
  assert.equal(new Set(wasm).size, 2, log.requests.join('\n'));
  await ctx.close();
});

test('an empty quarter prints 无 under each section, with page number and 落款', async () => {
  const { page, ctx } = await loaded();
  await page.getByRole('tab', { name: '季度败诉报告' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  await page.getByLabel('季度').selectOption('2025Q1');
  let text = await printPdf(page, 'quarter-2025Q1');
  assert.match(text, /涉及村委会 1 件/);
  assert.match(text, /（2025）京0112行初2号/);
  await page.getByLabel('季度').selectOption('2025Q4');
  text = await printPdf(page, 'quarter-empty');
  assert.equal(text.match(/^\s*无\s*$/gm)?.length, 3, '原因分析, 败诉判决 and 复议纠错 print 无');
  assert.match(text, /2026年11月30日/);
  const { text: doc } = await docxText(page, '导出 Word（.docx）');
  assert.match(doc, /2025年第四季度败诉案件情况报告/);
  await ctx.close();
});

test('考核表: scores from the weights in 设置, ranking without 区司法局 unless switched on; both sheets print', async () => {
  const { page, ctx } = await loaded();
  await page.getByRole('tab', { name: '年度出庭与考核' }).click();
  await page.getByLabel('年度').selectOption('2025');
  const annual = page.getByTestId('annual-report');
  await annual.waitFor();
  assert.match(await page.getByTestId('weights-note').textContent(), /本地设置，规则未规定分值/);
  const rankOf = async (a) => (await page.getByTestId('ranking').getByRole('row').filter({ hasText: a }).getByTestId('rank').textContent()).trim();
  assert.equal(await rankOf('区司法局'), '不参与');
  await page.getByLabel('排名包括区司法局本身').check();
  assert.notEqual(await rankOf('区司法局'), '不参与');
  await page.getByLabel('排名包括区司法局本身').uncheck();
  // A figure opens its matters.
  const sec = annual.locator('section.block').filter({ has: page.getByRole('heading', { name: '区城管委', exact: true }) });
  const answers = sec.getByRole('row').filter({ hasText: '支持法院受理和审理案件' });
  assert.equal((await answers.getByTestId('figure').textContent()).trim(), '3/3');
  await answers.locator('summary').click();
  assert.match(await answers.locator('details').textContent(), /按时：.*（2025）京0112行初1号/);
  const figures = (await annual.getByTestId('figure').allTextContents()).filter((f) => f !== '—');
  const totals = await page.getByTestId('total').allTextContents();
  await shot(page, '56-assessment');
  const text = await printPdf(page, 'annual');
  assert.match(text, /2025年度负责人出庭应诉情况/);
  assert.match(text, /2025年度应诉工作考核表/);
  assert.match(text, /本地设置，规则未规定分值/);
  const { text: doc } = await docxText(page, '导出考核表 Word（.docx）');
  for (const s of ['2025年度应诉工作考核表', '区城管委', ...figures, ...totals]) assert.ok(doc.includes(s.trim()), `${s} in the .docx`);
  // Weights: 出庭应诉 40 instead of 20 changes the total.
  const before = (await page.getByTestId('ranking').getByRole('row').filter({ hasText: '区城管委' }).getByTestId('total').textContent()).trim();
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await page.getByLabel('出庭应诉分值').fill('40');
  await page.getByRole('button', { name: '保存考核分值' }).click();
  await page.getByTestId('weights-message').filter({ hasText: '合计 120 分' }).waitFor();
  await page.getByLabel('出庭应诉分值').fill('101');
  await page.getByRole('button', { name: '保存考核分值' }).click();
  await page.getByTestId('weights-message').filter({ hasText: '应为 0 到 100 的整数' }).waitFor();
  await page.getByRole('link', { name: '报表', exact: true }).click();
  await page.getByRole('tab', { name: '年度出庭与考核' }).click();
  await page.getByLabel('年度').selectOption('2025');
  const after = (await page.getByTestId('ranking').getByRole('row').filter({ hasText: '区城管委' }).getByTestId('total').textContent()).trim();
  assert.notEqual(after, before, `total ${before} → ${after}`);
  await ctx.close();
});

test('败诉研讨材料 lists the lost and the marked matters with cause and 整改', async () => {
  const { page, ctx } = await loaded();
  await page.getByRole('tab', { name: '败诉研讨材料' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  await page.getByLabel('研讨期间').selectOption('2025H1');
  assert.match(await page.getByTestId('seminar-count').textContent(), /共 3 件/);
  const text = await printPdf(page, 'seminar');
  assert.match(text, /败诉案件分析研讨会材料/);
  assert.match(text, /程序违法：未告知陈述申辩权利/);
  assert.match(text, /2025年6月25日履行完毕/);
  const { text: doc } = await docxText(page, '导出 Word（.docx）');
  assert.match(doc, /强制拆除/);
  await ctx.close();
});

test('出庭准备单 from the matter: fields, the four matters of 第十九条, 出庭准备日 saved', async () => {
  const { page, ctx } = await loaded();
  await page.getByRole('tab', { name: '出庭准备单' }).click();
  await page.getByLabel('案件').selectOption('（2025）京0112行初3号');
  assert.equal(await page.getByLabel('政策依据').inputValue(), '《国有土地上房屋征收与补偿条例》第十九条');
  await page.getByLabel('出庭准备日').fill('2026-12-01');
  await page.getByRole('button', { name: '保存准备单' }).click();
  await page.getByTestId('report-message').filter({ hasText: '已保存' }).waitFor();
  const text = await printPdf(page, 'brief', { pages: 1 });
  for (const s of ['行政机关负责人出庭准备单', '（2025）京0112行初3号', '强制拆除', '钱某', '北京市第三中级人民法院', '2026年12月8日',
    '李四（工作人员）；周律师（律师）', '一、案件背景情况', '原告房屋位于征收范围内', '四、行政赔偿有关事项', '无行政赔偿请求', '出庭准备日：2026年12月1日']) {
    assert.ok(text.replace(/\s+/g, '').includes(s.replace(/\s+/g, '')), s);
  }
  const { text: doc, path } = await docxText(page, '导出 Word（.docx）');
  assert.match(doc, /庭前约谈原告/);
  // Saved in the register: still there after a reload.
  await page.reload();
  await page.getByRole('tab', { name: '出庭准备单' }).click();
  await page.getByLabel('案件').selectOption('（2025）京0112行初3号');
  assert.equal(await page.getByLabel('出庭准备日').inputValue(), '2026-12-01');
  assert.equal(await page.getByLabel('化解方案').inputValue(), '庭前约谈原告，协商提高搬迁奖励');
  // LibreOffice (installed by scripts/setup.sh test) opens the .docx and converts it to PDF.
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, path], { timeout: 120000 });
  assert.ok(existsSync(path.replace(/\.docx$/, '.pdf')));
  await ctx.close();
});

test('.docx converts to PDF in LibreOffice', async () => {
  assert.ok(has('soffice'), 'LibreOffice（libreoffice-writer-nogui）应由 scripts/setup.sh test 安装');
  const { page, ctx } = await loaded();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  await page.getByLabel('半年期间').selectOption('2025H1');
  const { path } = await docxText(page, '导出 Word（.docx）');
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, path], { timeout: 120000 });
  const pdf = path.replace(/\.docx$/, '.pdf');
  // LibreOffice's text layer puts spaces between CJK and digits (「区城管委 2025 年上半年…」): compare the
  // text with all whitespace removed.
  const flat = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
  assert.ok(flat.includes('区城管委2025年上半年案件情况报告'), flat.slice(0, 400));
  assert.ok(flat.includes('—1—'), 'page number — 1 —');
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(OUT, 'half-year-libreoffice')]);
  await ctx.close();
});
