// The page loads, shows its navigation, talks to no other host, and survives a reload on any page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('page loads with title 应诉通, navigation, no console error, no other host', async () => {
  const { page, log, ctx } = await h.open();
  assert.match(await page.title(), /应诉通/);
  for (const name of ['总览', '日程', '案件', '机关名录', '规则', '设置']) {
    assert.equal(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).count(), 1, name);
  }
  assert.equal(await page.locator('#boot-msg').count(), 0, 'the loading message is replaced');
  await shot(page, '00-overview-empty');
  const foreign = log.requests.filter((u) => !u.startsWith(h.base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.deepEqual(log.errors, [], 'console errors');
  await ctx.close();
});

test('a reload on every page works on a plain file server (hash routes)', async () => {
  const { page, log, ctx } = await h.open();
  for (const [name, heading] of [['日程', '日程'], ['案件', '案件'], ['机关名录', '机关名录'], ['规则', '规则'], ['规则核验', '规则核验'], ['设置', '设置']]) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.reload();
    await page.waitForSelector('nav[aria-label="主导航"]');
    assert.equal(await page.getByRole('heading', { level: 1 }).first().textContent(), heading);
  }
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('Chinese text renders with a CJK font (not boxes)', async () => {
  const { page, ctx } = await h.open();
  // Draw a CJK glyph and a private-use code point (always a "tofu" box) in the page's font: with no CJK
  // font installed, both come out as the same box.
  const same = await page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (ch) => {
      const c = document.createElement('canvas');
      c.width = 40; c.height = 40;
      const g = c.getContext('2d');
      g.font = `32px ${font}`;
      g.fillText(ch, 2, 32);
      return Array.from(g.getImageData(0, 0, 40, 40).data).join(',');
    };
    return draw('应') === draw('\uE000') || draw('应') === draw('诉');
  });
  assert.equal(same, false, 'CJK glyphs render as distinct shapes, not boxes');
  await ctx.close();
});
