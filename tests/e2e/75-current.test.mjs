// Issue 21, what the screen says is current and true: 总览 follows another tab's save and the date without a
// page switch, 已导入年份 follows a holiday import, the cards count the agency's own R23/R24 reports, and
// hidden controls are shown rather than applied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, shot } from './harness.mjs';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const card = (page, label) => page.getByTestId(`count-${label}`).locator('.card-n');

test('总览 left open follows another tab\'s save: 已逾期 goes from 0 to 1 without a page switch', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const a = await h.open('', { context: ctx, today: '2025-03-03' });
  assert.equal(await card(a.page, '已逾期').textContent(), '0');
  const b = await h.open('', { context: ctx, today: '2025-03-03' });
  await h.quickMatter(b.page, 'T-1'); // R14 due 2025-02-05: overdue on 2025-03-03
  await card(a.page, '已逾期').filter({ hasText: /^1$/ }).waitFor({ timeout: 5000 });
  await a.page.locator('#sec-已逾期').getByRole('link', { name: 'T-1' }).first().waitFor();
  await shot(a.page, '75-overview-follows-other-tab');
  await ctx.close();
});

test('总览 left open past midnight recomputes its counts with the date in the header', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.clock.install({ time: new Date('2025-02-05T23:59:00') });
  await page.goto(h.base + '#/case/new');
  await page.waitForSelector('nav[aria-label="主导航"]');
  await page.getByLabel('案号', { exact: true }).fill('M-1');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20'); // R14 due 2025-02-05
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('link', { name: '总览', exact: true }).click();
  assert.equal(await card(page, '已逾期').textContent(), '0');
  assert.notEqual(await card(page, '即将到期').textContent(), '0');
  await page.clock.runFor(2 * 60 * 1000);
  await page.locator('.who').filter({ hasText: '今日 2025-02-06' }).waitFor();
  await card(page, '已逾期').filter({ hasText: /^1$/ }).waitFor({ timeout: 5000 });
  await ctx.close();
});

test('已导入年份 shows the new year as soon as a holiday file is imported', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2026-12-21' });
  const years = page.getByTestId('imported-years');
  assert.doesNotMatch(await years.textContent(), /2027/);
  await page.getByLabel('节假日文件').setInputFiles(join(FIX, 'holidays-2027.csv'));
  await page.getByLabel('通知名称', { exact: true }).fill('国务院办公厅关于2027年部分节假日安排的通知');
  await page.getByLabel('通知发布日期', { exact: true }).fill('2026-11-10');
  await page.getByTestId('holiday-update').getByRole('button', { name: '检查并预览' }).click();
  const confirm = page.getByTestId('holiday-preview').getByRole('button', { name: '确认' });
  await confirm.click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入' }).waitFor();
  await years.filter({ hasText: '2027' }).waitFor({ timeout: 5000 });
  await ctx.close();
});

test('an agency\'s overdue R23/R24 reports are on 总览\'s 已逾期 card, as many as its 报告报送 table lists', async () => {
  const { page, ctx } = await h.open('#/settings', { today: '2025-07-20' });
  await page.getByLabel('本机关名称').fill('区城管委');
  await page.getByLabel('角色').selectOption('机关');
  // (RULES.md §7.18) in use since the start of the year, so H1 and Q2 2025 are listed.
  await page.getByLabel('开始使用日期').fill('2025-01-01');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByTestId('settings-message').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('link', { name: '总览', exact: true }).click();
  const table = page.getByTestId('own-reports');
  await table.waitFor();
  const overdueRows = await table.locator('tbody tr', { hasText: '已逾期' }).count();
  assert.ok(overdueRows >= 2, `H1 and Q2 2025 are overdue on 2025-07-20 (${overdueRows})`);
  assert.equal(await card(page, '已逾期').textContent(), String(overdueRows));
  assert.match(await page.getByTestId('reports-in-已逾期').textContent(), new RegExp(`另有本机关报告 ${overdueRows} 项`));
  await shot(page, '75-overview-report-duties');
  await ctx.close();
});

test('a 案号 with U+202E in the drafts banner is shown as ⟨U+202E⟩, not applied', async () => {
  const { page, ctx } = await h.open('#/case/new', { today: '2025-03-03' });
  await page.getByLabel('案号', { exact: true }).fill('BIDI\u202egpj.exe');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  await page.getByLabel('原告', { exact: true }).fill('未保存');
  await page.getByTestId('unsaved-preview').waitFor();
  await page.getByRole('link', { name: '案件', exact: true }).click();
  const banner = page.getByTestId('drafts');
  await banner.waitFor();
  assert.match(await banner.textContent(), /BIDI⟨U\+202E⟩gpj\.exe/);
  assert.doesNotMatch(await banner.textContent(), /\u202e/);
  await ctx.close();
});
