// Issue 21: 考核 names what it did not count; reports open on the latest period with data and say why a
// period is empty; chart labels fit; the storage badge says what its state means and what to do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const csv = (text) => Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n'));
const LONG = '北京市通州区城市管理综合行政执法局';

async function load(page, text) {
  await page.getByLabel('案件文件').setInputFiles({ name: 'c.csv', mimeType: 'text/csv', buffer: csv(text) });
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入' }).waitFor();
}

test('考核: an agency with 待补充 and not-yet-due duties is not told 本年度无应考核事项; the items are listed', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-06-30' });
  await load(page, '案号,案件类型,被告类型,所属机关,起诉状副本收到日,开庭日\n'
    + 'K-1,行政诉讼,本机关,区城管委,,2025-03-10\nK-2,行政诉讼,本机关,区城管委,2025-06-25,\n');
  await page.getByRole('link', { name: '报表', exact: true }).click();
  await page.getByRole('tab', { name: '年度出庭与考核' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  await page.getByLabel('年度').selectOption('2025');
  const annual = page.getByTestId('annual-report');
  const row = annual.locator('tr', { hasText: '支持法院受理和审理案件' });
  await row.waitFor();
  assert.doesNotMatch(await row.textContent(), /无应考核事项/);
  assert.match(await row.textContent(), /未计入 2 项/);
  await row.locator('details summary').click();
  // What the click opened, as the clerk sees it (innerText: only what is shown).
  assert.ok(await row.locator('details').evaluate((d) => d.open), 'the drill-down is open');
  assert.match(await row.locator('details').innerText(), /未计入（尚未到期或缺少数据）：.*K-1.*K-2/);
  await shot(page, '78-assessment-uncounted');
  await ctx.close();
});

test('reports open on the latest period with data; an empty period says why; long agency names fit the chart', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-12-10' });
  // Matters only in 2025 Q1: the last ended half-year (2025H1) holds them, not an empty one.
  await load(page, '案号,案件类型,被告类型,所属机关,起诉状副本收到日\n'
    + `P-1,行政诉讼,本机关,${LONG},2025-02-03\nP-2,行政诉讼,本机关,区城管委,2025-03-03\n`);
  await page.getByRole('link', { name: '报表', exact: true }).click();
  await page.getByRole('tab', { name: '半年报告' }).click();
  assert.equal(await page.getByLabel('半年期间').inputValue(), '2025H1');
  assert.equal(await page.getByTestId('empty-period').count(), 0);
  await page.getByLabel('半年期间').selectOption('2024H2');
  assert.match(await page.getByTestId('empty-period').textContent(), /2024年下半年没有收到、审结或开庭的案件.*2025-02-03 至 2025-03-03/);
  await page.getByRole('tab', { name: '季度败诉报告' }).click();
  assert.equal(await page.getByLabel('季度').inputValue(), '2025Q1');
  // 全区对比: every label of the chart inside the picture.
  await page.getByRole('tab', { name: '全区对比' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('全部');
  await page.getByLabel('半年期间').selectOption('2025H1');
  const svg = page.getByTestId('district').locator('svg[role="img"]');
  const fits = await svg.evaluate((s) => [...s.querySelectorAll('.chart-label')].every((t) => t.getBBox().x >= 0));
  assert.equal(fits, true, 'no label starts left of the picture');
  await shot(page, '78-district-chart');
  await ctx.close();
});

test('storage badge: the state in words and what to do, with 导出完整备份; not red for persistence alone', async () => {
  const { page, ctx } = await h.open('', { today: '2025-03-03' });
  const status = page.getByTestId('storage-status');
  assert.equal(await status.evaluate((e) => e.classList.contains('status-bad')), false, 'no data, nothing to back up: not red');
  const help = page.getByTestId('storage-help');
  await help.locator('summary').click();
  assert.match(await page.getByTestId('storage-meaning').textContent(), /完整备份/);
  await shot(page, '78-storage-help');
  const dl = page.waitForEvent('download');
  await help.getByRole('button', { name: '导出完整备份' }).click();
  await dl;
  await status.filter({ hasText: '备份：今天' }).waitFor();
  assert.equal(await status.evaluate((e) => e.classList.contains('status-bad')), false);
  await ctx.close();
});

test('an import leaves a trace: the preview lists new matters with their values; 修改记录 names the file', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-03-03' });
  await page.getByLabel('案件文件').setInputFiles({ name: '城管委-3月.csv', mimeType: 'text/csv',
    buffer: csv('案号,案件类型,被告类型,所属机关,开庭日,出庭负责人\nI-1,行政诉讼,本机关,区城管委,2025-03-20,吴敏\n') });
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  const added = page.getByTestId('new-matters');
  await added.waitFor();
  assert.match(await added.textContent(), /I-1.*城管委-3月\.csv 第2行.*开庭日：2025-03-20.*出庭负责人：吴敏/);
  // Only what the file brings: no 否 for the yes/no columns it does not have.
  assert.doesNotMatch(await added.textContent(), /重大敏感：否/);
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 1 个案件' }).waitFor();
  await page.getByLabel('案件文件').setInputFiles({ name: '城管委-改期.csv', mimeType: 'text/csv',
    buffer: csv('案号,案件类型,被告类型,所属机关,开庭日\nI-1,行政诉讼,本机关,区城管委,2025-03-27\n') });
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('n-changed').filter({ hasText: '修改 1' }).waitFor();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 1 个案件' }).waitFor();
  await page.goto(h.base + '#/case/I-1');
  const audit = page.getByTestId('audit');
  await audit.locator('tbody tr').first().waitFor();
  const text = await audit.textContent();
  assert.match(text, /（导入 城管委-3月\.csv）/);
  assert.match(text, /（导入 城管委-改期\.csv）开庭日2025-03-202025-03-27/);
  await ctx.close();
});

test('one hearing is one entry on 日程 and 总览 本周, its R18A and R19 inside it', async () => {
  const { page, ctx } = await h.open('#/case/new', { today: '2025-03-03' });
  await page.getByLabel('案号', { exact: true }).fill('O-1');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-02-20');
  await page.getByLabel('开庭日', { exact: true }).fill('2025-03-08');
  await page.getByLabel('重大公共利益').check();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  for (const [link, scope] of [['日程', 'main'], ['总览', '[data-testid="this-week"]']]) {
    await page.getByRole('link', { name: link, exact: true }).click();
    const day = page.locator(`${scope} [data-testid="day"][data-date="2025-03-08"]`);
    await day.waitFor();
    assert.equal(await day.getByTestId('schedule-item').count(), 1, `${link}: one entry for the hearing`);
    const inner = day.getByTestId('hearing-duties');
    assert.equal(await inner.locator('li[data-rule="R18A"]').count(), 1);
    assert.equal(await inner.locator('li[data-rule="R19"]').count(), 1);
  }
  await shot(page, '78-hearing-one-entry');
  await ctx.close();
});

test('.docx: a cell holding U+000B, U+FFFE or U+202E still gives valid XML; the file names its author and date', async () => {
  const { page, ctx } = await h.open('#/settings', { today: '2025-07-15' });
  await page.getByLabel('本机关名称').fill('区城管委');
  await page.getByLabel('用户名').fill('吴敏');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByTestId('settings-message').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  await load(page, '案号,案件类型,被告类型,所属机关,起诉状副本收到日,裁判文书签收日,裁判结果,败诉原因\n'
    + `X-1\u202egpj,行政诉讼,本机关,区城管委,2025-02-03,2025-05-10,败诉,程序违法\u000b未告知\ufffe申辩\n`);
  await page.getByRole('link', { name: '报表', exact: true }).click();
  await page.getByRole('tab', { name: '半年报告' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  await page.getByLabel('半年期间').selectOption('2025H1');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word（.docx）' }).click();
  const file = await dl;
  const path = join(tmpdir(), `yingsu-78-${process.pid}.docx`);
  await file.saveAs(path);
  // Python's XML parser refuses what Word refuses (a control character, U+FFFE).
  const py = `import sys, zipfile, xml.dom.minidom as m
z = zipfile.ZipFile(sys.argv[1])
d = m.parseString(z.read('word/document.xml'))
c = m.parseString(z.read('docProps/core.xml'))
text = ''.join(n.data for t in d.getElementsByTagName('w:t') for n in t.childNodes if n.nodeType == n.TEXT_NODE)
who = c.getElementsByTagName('dc:creator')[0].firstChild.data
when = c.getElementsByTagName('dcterms:created')[0].firstChild.data
print(who + '|' + when + '|' + text)`;
  const [who, when, text] = execFileSync('python3', ['-c', py, path]).toString().split('|');
  assert.equal(who, '区城管委 吴敏');
  assert.match(when, /^2025-07-15T/);
  assert.match(text, /程序违法 未告知⟨U\+FFFE⟩申辩/);
  assert.match(text, /X-1⟨U\+202E⟩gpj/);
  await ctx.close();
});
