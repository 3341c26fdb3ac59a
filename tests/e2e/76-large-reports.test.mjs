// Issue 21: 报送前自查 with many items stays a page one can read: counts by agency and kind first, each
// group's items drawn when it is opened (100 at a time); a short list opens as a whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const csv = (text) => Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n'));

test('报送前自查 of 300 matters without dates: counts by agency and kind, items on demand', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-07-15' });
  let text = '案号,案件类型,被告类型,所属机关\n';
  for (let i = 1; i <= 300; i++) text += `S-${i},行政诉讼,本机关,${i % 3 ? '区城管委' : '区住建委'}\n`;
  await page.getByLabel('案件文件').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: csv(text) });
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 300 个案件' }).waitFor();
  await page.getByRole('link', { name: '报表', exact: true }).click();
  await page.getByRole('tab', { name: '报送前自查' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('全部');
  const check = page.getByTestId('self-check');
  const summary = check.getByTestId('check-summary');
  await summary.waitFor();
  // Counts first: one row per agency, the 待补充 column holds each agency's missing-date items.
  const cols = await summary.locator('thead th').allTextContents();
  const missing = async (agency) => Number(await summary.locator(`tr[data-agency="${agency}"] td`).nth(cols.indexOf('待补充') - 1).textContent());
  assert.ok(await missing('区城管委') >= 200, 'at least one 待补充 per matter of 区城管委');
  assert.ok(await missing('区住建委') >= 100);
  // Nothing is drawn item by item until asked for.
  assert.equal(await check.locator('tbody a').count(), 0);
  const group = check.locator('[data-testid="check-agency"][data-agency="区城管委"]');
  await group.locator('summary').first().click();
  const kind = group.locator('[data-testid="check-kind"][data-kind="待补充"]');
  await kind.locator('summary').click();
  await kind.locator('table tbody tr').first().waitFor();
  assert.equal(await kind.locator('table tbody tr').count(), 100, 'the first 100 items');
  assert.match(await kind.textContent(), /填写「起诉状副本收到日」/);
  await kind.getByRole('button', { name: /再显示/ }).click();
  await kind.locator('table tbody tr').nth(100).waitFor();
  await shot(page, '76-self-check-groups');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '76-self-check-groups-390');
  await ctx.close();
});
