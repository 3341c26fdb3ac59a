// Storage that never loses a record: two tabs, a full quota, corrupted data, a newer schema.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const CASE = 'A-1';
const quickMatter = (page, no = CASE) => h.quickMatter(page, no);

test('a change in one tab appears in the other', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  const b = await h.open('#/cases', { context: ctx });
  await quickMatter(a.page);
  await b.page.getByRole('link', { name: CASE }).waitFor({ timeout: 5000 });
  await ctx.close();
});

test('two tabs editing the same matter get the conflict prompt, never a silent overwrite', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  await quickMatter(a.page);
  const b = await h.open(`#/case/${encodeURIComponent(CASE)}`, { context: ctx });
  await a.page.getByLabel('原告', { exact: true }).fill('甲');
  await b.page.getByLabel('原告', { exact: true }).fill('乙');
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  await a.page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  await b.page.getByRole('button', { name: '保存', exact: true }).click();
  const dlg = b.page.getByTestId('matter-conflict');
  await dlg.waitFor();
  assert.match(await dlg.textContent(), /甲/);
  assert.match(await dlg.textContent(), /乙/);
  await shot(b.page, '20-two-tab-conflict');
  await dlg.getByRole('button', { name: '放弃我的修改，载入最新版本' }).click();
  assert.equal(await b.page.getByLabel('原告', { exact: true }).inputValue(), '甲');
  await ctx.close();
});

test('two tabs changing different fields of one matter: 按字段合并 keeps both changes (issue 12)', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  await quickMatter(a.page);
  const b = await h.open(`#/case/${encodeURIComponent(CASE)}`, { context: ctx });
  await b.page.getByLabel('案由', { exact: true }).fill('行政处罚');
  await a.page.getByLabel('原告', { exact: true }).fill('甲');
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  await a.page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  await b.page.getByRole('button', { name: '保存', exact: true }).click();
  const dlg = b.page.getByTestId('matter-conflict');
  await dlg.waitFor();
  await dlg.getByRole('button', { name: /按字段合并/ }).click();
  assert.equal(await b.page.getByLabel('原告', { exact: true }).inputValue(), '甲', "A's change is kept");
  assert.equal(await b.page.getByLabel('案由', { exact: true }).inputValue(), '行政处罚', "B's input is kept");
  await b.page.getByRole('button', { name: '保存', exact: true }).click();
  await b.page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  const matters = await b.page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register')).matters);
  assert.match(matters, /甲/);
  assert.match(matters, /行政处罚/);
  await ctx.close();
});

test('a full quota: the save fails visibly, the edit stays on screen, a backup is offered, nothing saved is damaged', async () => {
  const { page, ctx } = await h.open();
  await quickMatter(page);
  const before = await page.evaluate(() => localStorage.getItem('yingsu.register'));
  // Fill the origin's quota with another key, to within a few hundred characters.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 16) {
      try { localStorage.setItem('filler' + i, chunk); i++; } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  });
  await page.getByLabel('备注', { exact: true }).fill('这是一段很长的备注'.repeat(50));
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const err = page.getByTestId('save-error');
  await err.waitFor();
  assert.match(await err.textContent(), /存储空间已满/);
  assert.equal(await err.getByRole('button', { name: '立即导出完整备份' }).count(), 1);
  assert.match(await page.getByLabel('备注', { exact: true }).inputValue(), /很长的备注/, 'the edit stays on screen');
  assert.match(await page.getByTestId('case-message').textContent(), /未能写入/, 'never claims 已保存');
  assert.ok(await err.isVisible(), 'the banner stays in view (sticky)');
  await shot(page, '21-quota-exceeded');
  const after = await page.evaluate(() => localStorage.getItem('yingsu.register'));
  assert.equal(after, before, 'stored data untouched');
  const download = page.waitForEvent('download');
  await err.getByRole('button', { name: '立即导出完整备份' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /完整备份/);
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  assert.match(text, /很长的备注/, 'the backup holds the unsaved edit too');
  await ctx.close();
});

test('corrupted storage: the app starts on a recovery screen and keeps the original text untouched', async () => {
  const ctx = await h.browser.newContext();
  const { page } = await h.open('', { context: ctx });
  await page.evaluate(() => localStorage.setItem('yingsu.register', '{"schema":1, 这不是'));
  await page.reload();
  await page.getByTestId('recovery').waitFor();
  assert.match(await page.getByTestId('recovery').textContent(), /无法读取/);
  await shot(page, '22-recovery');
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await page.getByTestId('recovery').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('yingsu.register')), '{"schema":1, 这不是');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载原始数据' }).click();
  assert.match((await download).suggestedFilename(), /原始数据/);
  // Restore a full backup right from the recovery screen (after a confirmation).
  const backup = JSON.stringify({ schema: 1, revision: 0, matters: '案号,案件类型,被告类型\r\nR-1,行政诉讼,本机关\r\n', agencies: '机关名称\r\n', settings: {}, profile: {} });
  await page.getByLabel('备份文件').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '从备份恢复' }).click();
  await page.getByTestId('recovery').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await page.getByRole('link', { name: 'R-1' }).waitFor();
  assert.notEqual(await page.evaluate(() => localStorage.getItem('yingsu.register')), '{"schema":1, 这不是', 'restored data saved');
  await ctx.close();
});

test('data from a newer version is refused, never overwritten', async () => {
  const ctx = await h.browser.newContext();
  const { page } = await h.open('', { context: ctx });
  const future = JSON.stringify({ schema: 99, revision: 5, whatever: true });
  await page.evaluate((f) => localStorage.setItem('yingsu.register', f), future);
  await page.reload();
  await page.getByTestId('recovery').waitFor();
  assert.match(await page.getByTestId('recovery').textContent(), /更新版本/);
  assert.equal(await page.evaluate(() => localStorage.getItem('yingsu.register')), future);
  await ctx.close();
});

test('keyboard only: Tab and Enter reach every page', async () => {
  const { page, ctx } = await h.open();
  for (const name of ['日程', '案件', '机关名录', '规则', '设置', '总览']) {
    await page.locator('body').focus();
    await page.evaluate(() => document.activeElement?.blur());
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate((n) => document.activeElement?.textContent === n && document.activeElement.closest('nav') !== null, name);
    }
    assert.ok(found, `Tab reaches ${name}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('h1')?.textContent === n, name);
  }
  await ctx.close();
});
