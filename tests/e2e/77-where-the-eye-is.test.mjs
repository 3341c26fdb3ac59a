// Issue 21: after 保存 the result is where the eye is (the message and what changed, at every width, no
// jump to the top of the form); at narrow widths the obligations are one step away; the nav fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const inView = (loc) => loc.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; });

for (const [width, height] of [[1366, 768], [1093, 768], [390, 844]]) {
  test(`${width} px: 已保存 and the changed fields show in view after 保存; no jump to the top`, async () => {
    const ctx = await h.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    const { page } = await h.open('#/case/new', { context: ctx, today: '2025-03-03' });
    await page.getByLabel('案号', { exact: true }).fill('E-1');
    await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-02-20');
    const save = page.getByRole('button', { name: '保存', exact: true });
    await save.click();
    const msg = page.getByTestId('case-message');
    await msg.filter({ hasText: '已保存' }).waitFor();
    assert.match(await msg.textContent(), /起诉状副本收到日/, 'the message names what changed');
    assert.ok(await inView(msg), 'the message is in view after a new matter moves to its address');
    // Scroll down the form (as a clerk filling in 开庭日 does), change a field, save.
    await page.getByLabel('开庭日', { exact: true }).scrollIntoViewIfNeeded();
    await page.getByLabel('开庭日', { exact: true }).fill('2025-03-20');
    const y = await page.evaluate(() => scrollY);
    await save.click();
    await msg.filter({ hasText: /已保存.*开庭日/ }).waitFor();
    assert.ok(await inView(msg), 'the message is in view');
    assert.ok(await inView(save), 'and so is the button');
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - y) < 50, 'no jump');
    await shot(page, `77-saved-${width}`);
    if (width < 1100) {
      // One step to the obligations.
      await page.getByTestId('case-message').locator('..').getByRole('button', { name: '查看义务与期限 ↓' }).click();
      await page.waitForFunction(() => { const r = document.getElementById('obligations').getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight / 2; });
      await shot(page, `77-obligations-${width}`);
    }
    await ctx.close();
  });
}

test('390 px phone: every menu entry, 设置 included, is inside the screen', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const { page } = await h.open('', { context: ctx, today: '2025-03-03' });
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const name of ['总览', '日程', '案件', '报表', '机关名录', '导入导出', '规则', '设置']) {
    const b = await nav.getByRole('link', { name, exact: true }).boundingBox();
    assert.ok(b && b.x >= 0 && b.x + b.width <= 390, `${name}: ${JSON.stringify(b)}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
  await shot(page, '77-nav-390');
  await ctx.close();
});
