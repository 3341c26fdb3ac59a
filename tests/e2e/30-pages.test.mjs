// Every page at 1280×800 for a person to look at, and the in-browser rule self-test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, shot, saveSettingsConfirmed } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

test('规则自测 runs every built-in scenario in the browser and all pass', async () => {
  const { page, ctx } = await h.open('#/selftest');
  const summary = await page.getByTestId('selftest-summary').textContent();
  const [, passed, total] = summary.match(/通过 (\d+) \/ (\d+)/);
  // As many as the engine's own list (the command line runs the same scenarios), each drawn as a row.
  const cli = execFileSync('cargo', ['run', '-q', '-p', 'yingsu-engine', '--bin', 'yingsu', '--', 'selftest']).toString();
  const engineTotal = cli.match(/通过 (\d+) \/ (\d+) 项/)[2];
  assert.equal(total, engineTotal, summary);
  assert.equal(await page.locator('table tbody tr').count(), Number(engineTotal), 'one row per scenario');
  assert.equal(passed, total, summary);
  await shot(page, '30-selftest');
  await ctx.close();
});

test('规则 shows the regulation with rule tags and the readings taken', async () => {
  const { page, ctx } = await h.open('#/rules');
  assert.match(await page.locator('#art-7').textContent(), /R07A.*R07B.*R07C.*R07D/s);
  assert.match(await page.locator('.readings').textContent(), /默认按自然日/);
  await shot(page, '31-rules');
  await ctx.close();
});

test('settings: 工作日 reading changes internal deadlines and is shown', async () => {
  const { page, ctx } = await h.open('#/settings', { today: '2025-04-30' });
  await page.getByLabel('计日方式').selectOption('工作日');
  await page.getByLabel('本机关名称').fill('区住建委');
  await page.getByLabel('用户名').fill('王五');
  // When open obligations move, the change is listed first and confirmed (RULES.md §6.16); else it saves at once.
  await saveSettingsConfirmed(page);
  assert.match(await page.getByTestId('holiday-years').textContent(), /2026/);
  await shot(page, '32-settings');
  await page.goto(h.base + '#/case/new');
  await page.getByLabel('案号', { exact: true }).fill('G-1');
  await page.getByLabel('被告类型', { exact: true }).selectOption('区政府');
  await page.getByLabel('办理函收到日', { exact: true }).fill('2025-04-30');
  assert.equal(await page.locator('.timeline [data-rule="R07C"] [data-testid="due"]').textContent(), '2025-05-12');
  assert.match(await page.locator('.timeline [data-rule="R07C"] .why').textContent(), /按自然日计算为 2025-05-06/);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  await shot(page, '33-case-district-gov');
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await page.getByRole('link', { name: 'G-1' }).waitFor();
  await shot(page, '34-cases');
  await page.getByLabel('被告类型').selectOption('区政府');
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出当前筛选案件的义务清单/ }).click();
  const text = Buffer.concat(await (await (await dl).createReadStream()).toArray()).toString('utf8');
  assert.ok(text.startsWith('\ufeff案号,规则,条款,义务,责任主体,起算日,期限日,计日方式,完成日,状态,说明\r\n'));
  assert.match(text, /G-1,R07C,第七条第二项,.*,2025-04-30,2025-05-12,工作日,/);
  await ctx.close();
});

test('机关名录: add an agency by its labels and see the 第二十六条 check', async () => {
  const { page, ctx } = await h.open('#/agencies');
  await page.getByLabel('机关名称').fill('区城管委');
  await page.getByLabel('机关类型').selectOption('职能部门');
  await page.getByLabel('应诉人员').fill('张三（法律职业资格）');
  await page.getByLabel('分管领导').fill('王副主任');
  await page.getByRole('button', { name: '保存机关' }).click();
  const row = page.locator('tr', { hasText: '区城管委' });
  await row.waitFor();
  assert.match(await row.textContent(), /违反/);
  assert.match(await row.textContent(), /未确定联络员/);
  await shot(page, '35-agencies');
  await ctx.close();
});
