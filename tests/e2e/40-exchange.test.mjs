// CSV exchange in the browser: a GBK file from WPS/Excel, the preview, the commit, byte-exact export,
// bad rows that change nothing, a backup restore preview and a holiday update.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, shot, readDownload } from './harness.mjs';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });


test('upload a GBK cases.csv: preview counts, confirm, matters appear, export is byte-identical', async () => {
  const { page, ctx, log } = await h.open('#/exchange', { today: '2025-03-11' });
  await page.getByLabel('案件文件').setInputFiles(join(FIX, 'cases-gbk.csv'));
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  const pv = page.getByTestId('preview');
  await pv.waitFor();
  assert.equal(await page.getByTestId('n-new').textContent(), '新增 3');
  assert.equal(await page.getByTestId('n-invalid').textContent(), '无效 0');
  assert.match(await pv.textContent(), /GB18030/);
  assert.match(await pv.textContent(), /保留未知列 联系人电话/);
  await shot(page, '40-import-preview');
  await pv.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 3 个案件' }).waitFor();
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await page.getByRole('link', { name: '（2025）通复字第7号' }).waitFor();
  assert.match(await page.getByTestId('case-count').textContent(), /共 3 件/);
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出案件台账 cases.csv' }).click();
  const bytes = await readDownload(await dl);
  assert.deepEqual(bytes, readFileSync(join(FIX, 'cases-expected.csv')), 'export equals the canonical file byte for byte');
  // Re-importing the export changes nothing.
  await page.getByLabel('案件文件').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: bytes });
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('n-unchanged').filter({ hasText: '未变 3' }).waitFor();
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('a file with bad rows shows each error by row and column and changes nothing', async () => {
  const { page, ctx } = await h.open('#/exchange');
  await page.getByLabel('案件文件').setInputFiles(join(FIX, 'cases-bad.csv'));
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  const errs = page.getByTestId('import-errors');
  await errs.waitFor();
  const text = await errs.textContent();
  assert.match(text, /第2行「起诉状副本收到日」/);
  assert.match(text, /第3行「案件类型」：「刑事诉讼」不是可选值/);
  assert.equal(await page.getByTestId('n-invalid').textContent(), '无效 2');
  assert.equal(await page.getByRole('button', { name: '确认导入' }).isDisabled(), true);
  await shot(page, '41-import-errors');
  assert.equal(await page.evaluate(() => localStorage.getItem('yingsu.register')), null, 'nothing written');
  await ctx.close();
});

test('a file that is not CSV text is refused with a clear message', async () => {
  const { page, ctx } = await h.open('#/exchange');
  await page.getByLabel('案件文件').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 255, 0]) });
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('file-errors').filter({ hasText: '不是文本文件' }).waitFor();
  await ctx.close();
});

test('holiday update for 2027 names its notice, lists the moved due date before → after, then moves it', async () => {
  const { page, ctx } = await h.open('#/case/new', { today: '2026-12-21' });
  await page.getByLabel('案号', { exact: true }).fill('H-1');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2026-12-20');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  const row = page.locator('.timeline [data-rule="R14"]');
  assert.match(await row.textContent(), /该年度节假日安排未导入/);
  assert.equal(await row.locator('[data-testid="due"]').textContent(), '2027-01-04');
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  await page.getByLabel('节假日文件').setInputFiles(join(FIX, 'holidays-2027.csv'));
  const section = page.getByTestId('holiday-update');
  // Without the notice named, the file is refused (RULES.md §6.17).
  await section.getByRole('button', { name: '检查并预览' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '请填写通知名称' }).waitFor();
  await page.getByLabel('通知名称', { exact: true }).fill('国务院办公厅关于2027年部分节假日安排的通知');
  await page.getByLabel('通知发布日期', { exact: true }).fill('2026-11-10');
  await section.getByRole('button', { name: '检查并预览' }).click();
  const review = page.getByTestId('holiday-preview').getByTestId('change-review');
  await review.waitFor();
  const text = await review.textContent();
  assert.match(text, /H-1/);
  assert.match(text, /R14/);
  assert.match(text, /2027-01-04/);
  assert.match(text, /2027-01-05/);
  await shot(page, '42-holiday-review');
  await review.getByRole('button', { name: '确认' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入' }).waitFor();
  await page.goto(h.base + '#/case/H-1');
  await page.locator('.timeline [data-rule="R14"]').waitFor();
  assert.doesNotMatch(await page.locator('.timeline [data-rule="R14"]').textContent(), /未导入/);
  assert.equal(await page.locator('.timeline [data-rule="R14"] [data-testid="due"]').textContent(), '2027-01-05');
  await page.getByRole('link', { name: '设置', exact: true }).click();
  assert.match(await page.getByTestId('holiday-notices').textContent(), /国务院办公厅关于2027年部分节假日安排的通知/);
  await ctx.close();
});

test('full backup → restore preview → restore, then backup again is byte-identical', async () => {
  const { page, ctx } = await h.open('#/case/new', { today: '2025-03-11' });
  await page.getByLabel('案号', { exact: true }).fill('B-1');
  await page.getByLabel('原告', { exact: true }).fill('备份测试');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  let dl = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出完整备份' }).first().click();
  const backup = await readDownload(await dl);
  const other = await h.open('#/exchange', { today: '2025-03-11' });
  await other.page.getByLabel('备份文件').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: backup });
  await other.page.getByRole('button', { name: '检查备份' }).click();
  const pv = other.page.getByTestId('restore-preview');
  assert.match(await pv.textContent(), /案件 1 个/);
  await pv.getByRole('button', { name: '确认恢复' }).click();
  await other.page.getByTestId('exchange-message').filter({ hasText: '已从完整备份恢复' }).waitFor();
  dl = other.page.waitForEvent('download');
  await other.page.getByRole('button', { name: '导出完整备份' }).first().click();
  const again = await readDownload(await dl);
  assert.deepEqual(again, backup, 'backup → restore → backup is byte-identical');
  await ctx.close(); await other.ctx.close();
});

test('区司法局 consolidation: two files change one 案号 differently → a conflict to resolve, never overwritten', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-03-11' });
  const head = '案号,案件类型,被告类型,所属机关,原告\r\n';
  const a = Buffer.from('\ufeff' + head + 'X-1,行政诉讼,本机关,区城管委,甲公司\r\nX-2,行政诉讼,本机关,区城管委,同一原告\r\n');
  const b = Buffer.from('\ufeff' + head + 'X-1,行政诉讼,本机关,区城管委,乙公司\r\nX-3,行政复议,本机关,区住建委,丙\r\n');
  await page.getByLabel('案件文件').setInputFiles([
    { name: '城管委.csv', mimeType: 'text/csv', buffer: a },
    { name: '住建委.csv', mimeType: 'text/csv', buffer: b },
  ]);
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  const conflict = page.getByTestId('import-conflict');
  await conflict.waitFor();
  assert.match(await conflict.textContent(), /X-1/);
  assert.equal(await page.getByTestId('n-new').textContent(), '新增 2');
  assert.equal(await page.getByRole('button', { name: '确认导入' }).isDisabled(), true, 'no commit while a conflict is open');
  await shot(page, '42-consolidation-conflict');
  const row = conflict.locator('tr[data-field="原告"]');
  assert.match(await row.textContent(), /甲公司/);
  assert.match(await row.textContent(), /乙公司/);
  await conflict.getByRole('button', { name: /全部采用 住建委\.csv/ }).click();
  await conflict.getByRole('button', { name: '按所选字段合并' }).click();
  await page.getByTestId('n-new').filter({ hasText: '新增 3' }).waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 3 个案件' }).waitFor();
  await page.goto(h.base + '#/case/X-1');
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '乙公司');
  await ctx.close();
});

test('agencies.csv import by preview, and the .ics calendar of open due dates', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-01-21' });
  const agencies = '\ufeff机关名称,机关类型,主要负责人,分管领导,联络员,联络电话,应诉人员\r\n区城管委,职能部门,王某,李某,赵某,010-1,张三（法律职业资格）\r\n区住建委,职能部门,,,,,\r\n';
  await page.getByLabel('名录文件').setInputFiles({ name: 'agencies.csv', mimeType: 'text/csv', buffer: Buffer.from(agencies) });
  await page.locator('section.block', { hasText: '导入机关名录' }).getByRole('button', { name: '检查并预览' }).click();
  await page.getByText('共 2 个机关：新增 2').waitFor();
  await page.locator('section.block', { hasText: '导入机关名录' }).getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 2 个机关' }).waitFor();
  await page.getByRole('link', { name: '机关名录', exact: true }).click();
  assert.match(await page.locator('tr', { hasText: '区城管委' }).textContent(), /符合/);
  assert.match(await page.locator('tr', { hasText: '区住建委' }).textContent(), /违反/);
  await page.goto(h.base + '#/case/new');
  await page.getByLabel('案号', { exact: true }).fill('ICS-1');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出日历 \.ics/ }).click();
  const ics = (await readDownload(await dl)).toString('utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20250205\r\n/);
  assert.match(ics, /BEGIN:VALARM/);
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 1);
  await ctx.close();
});

test('报表 and 导入导出 load on first use and stay in step with the rest of the page (issue 14)', async () => {
  const { page, ctx, log } = await h.open('', { today: '2025-03-11' });
  await h.quickMatter(page, 'M1');
  await page.goto(h.base + '#/cases');
  await page.getByRole('link', { name: 'M1' }).waitFor();
  assert.ok(!log.requests.some((u) => u.includes('yingsu-more')), 'not fetched with the page');
  // An import on 导入导出 (the second module) ...
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  await page.getByLabel('案件文件').setInputFiles({
    name: 'new.csv', mimeType: 'text/csv', buffer: Buffer.from('案号,案件类型,被告类型,起诉状副本收到日\r\nM2,行政诉讼,本机关,2025-03-01\r\n'),
  });
  assert.ok(log.requests.some((u) => u.includes('yingsu-more_bg.wasm')), 'fetched once the page is opened');
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 1 个案件' }).waitFor();
  // ... is on 案件 at once, and an edit saved there afterwards is no conflict with it.
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await page.getByRole('link', { name: 'M2' }).waitFor();
  await page.getByRole('link', { name: 'M1' }).click();
  await page.getByLabel('备注', { exact: true }).fill('导入后修改');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  assert.equal(await page.getByTestId('conflict').count() + await page.getByTestId('save-error').count(), 0, 'no conflict between the modules');
  // Back on 导入导出, the export holds both: the import and the later edit.
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出案件台账 cases.csv' }).click();
  const text = (await readDownload(await dl)).toString('utf8');
  assert.match(text, /\r\nM2,/);
  assert.match(text, /导入后修改/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register')).matters);
  assert.match(stored, /导入后修改/);
  assert.match(stored, /\r\nM2,/);
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('when the pages module cannot be fetched, 报表 says so and works on the next try (issue 14)', async () => {
  const { page, ctx } = await h.open();
  await page.route('**/yingsu-more_bg.wasm', (r) => r.abort());
  await page.getByRole('link', { name: '报表', exact: true }).click();
  const err = page.getByTestId('lazy-error');
  await err.waitFor();
  assert.match(await err.textContent(), /无法加载此页面.*请刷新页面重试；您的数据不受影响/);
  await shot(page, '40-lazy-error');
  await page.unroute('**/yingsu-more_bg.wasm');
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await page.getByRole('link', { name: '报表', exact: true }).click();
  await page.getByTestId('half-report').waitFor();
  assert.equal(await page.getByTestId('lazy-error').count(), 0);
  await ctx.close();
});

test('a save that fails on a page of the second module (机关名录, quota full) shows the save banner there, with the backup (issue 14)', async () => {
  const { page, ctx } = await h.open('#/agencies');
  await page.getByLabel('机关名称', { exact: true }).waitFor();
  await page.evaluate(() => {
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === 'yingsu.register') throw new DOMException('full', 'QuotaExceededError');
      return orig.call(this, k, v);
    };
  });
  await page.getByLabel('机关名称', { exact: true }).fill('区城管委');
  await page.getByRole('button', { name: '保存机关' }).click();
  const err = page.getByTestId('save-error');
  await err.waitFor();
  assert.match(await err.textContent(), /存储空间已满/);
  assert.equal(await err.getByRole('button', { name: '立即导出完整备份' }).count(), 1);
  assert.match(await page.locator('#main').textContent(), /未保存/);
  await shot(page, '40-module-save-error');
  await ctx.close();
});
