// Rules revision 2 in the page: no false alarms (issue 10). A won case has no appeal row; a 局长 is a head
// of a 本机关 matter but not of 区政府; changing a setting lists the deadlines it moves before saving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot, saveConfirmed as save } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const row = (page, rule) => page.locator(`.timeline [data-rule="${rule}"]`);
const statusOf = (page, rule) => row(page, rule).locator('[data-testid="status"]').textContent();

async function newMatter(page, no, defendant) {
  await page.goto(h.base + '#/case/new');
  await page.getByLabel('案号', { exact: true }).waitFor();
  await page.getByLabel('案号', { exact: true }).fill(no);
  await page.getByLabel('案件类型', { exact: true }).selectOption('行政诉讼');
  await page.getByLabel('被告类型', { exact: true }).selectOption(defendant);
  await page.getByLabel('所属机关', { exact: true }).fill('区城管委');
  await page.getByLabel('应诉承办机关', { exact: true }).fill('区城管委');
}

test('a won case shows no appeal row, so nothing is falsely overdue; a lost one does', async () => {
  const { page, ctx, log } = await h.open('', { today: '2025-04-01' });
  await newMatter(page, 'R2-胜诉', '本机关');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20');
  await page.getByLabel('答辩提交日', { exact: true }).fill('2025-01-30');
  await page.getByLabel('裁判文书签收日', { exact: true }).fill('2025-03-03');
  await page.getByLabel('裁判结果', { exact: true }).selectOption('胜诉');
  await save(page);
  assert.equal(await row(page, 'R20').count(), 0, 'no 第二十条 row for a won case');
  assert.equal(await page.locator('.timeline [data-testid="status"]', { hasText: '已逾期' }).count(), 0);
  await shot(page, '60-won-no-appeal');
  await page.getByRole('link', { name: '总览', exact: true }).click();
  assert.equal(await page.getByTestId('count-已逾期').locator('.card-n').textContent(), '0');
  // The same matter lost: the appeal period is back (03-03 + 15 = 03-18), overdue on 04-01.
  await page.goto(h.base + '#/case/R2-胜诉');
  await page.getByLabel('裁判结果', { exact: true }).selectOption('败诉');
  await save(page);
  assert.equal(await statusOf(page, 'R20'), '已逾期');
  assert.equal(await row(page, 'R20').locator('[data-testid="due"]').textContent(), '2025-03-18');
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('“局长” is accepted as 正职 on a 本机关 matter and refused on a 区政府 matter, with the reason', async () => {
  const { page, ctx } = await h.open('', { today: '2025-04-01' });
  await newMatter(page, 'R2-局长', '本机关');
  await page.getByLabel('开庭日', { exact: true }).fill('2025-03-10');
  await page.getByLabel('出庭负责人', { exact: true }).fill('王某');
  await page.getByLabel('出庭负责人职务', { exact: true }).fill('局长');
  await save(page);
  assert.equal(await statusOf(page, 'R17'), '符合');
  assert.match(await row(page, 'R17').textContent(), /「局长」按正职认定/);
  await shot(page, '61-head-title-own');

  await newMatter(page, 'R2-区政府', '区政府');
  await page.getByLabel('开庭日', { exact: true }).fill('2025-03-10');
  await page.getByLabel('出庭负责人', { exact: true }).fill('王某');
  await page.getByLabel('出庭负责人职务', { exact: true }).fill('局长');
  await save(page);
  assert.equal(await statusOf(page, 'R17'), '违反');
  assert.match(await row(page, 'R17').textContent(), /下级行政机关的负责人不能作为被诉行政机关负责人出庭（法释〔2020〕3号第二条）/);
  await page.getByLabel('出庭负责人职务', { exact: true }).fill('副区长');
  assert.equal(await statusOf(page, 'R17'), '符合', 'the timeline follows the draft');
  await shot(page, '62-head-title-gov');
  await ctx.close();
});

test('changing 及时事项提醒天数 lists the duties it moves (before → after) and asks first', async () => {
  const { page, ctx } = await h.open('', { today: '2025-04-10' });
  await newMatter(page, 'R2-及时', '本机关');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-03-03');
  await save(page);
  assert.equal(await statusOf(page, 'R15'), '久未完成', '38 days open > 30');
  assert.match(await row(page, 'R15').textContent(), /规则未规定具体期限；已超过30日未完成/);
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await page.getByLabel('及时事项提醒天数', { exact: true }).fill('60');
  await page.getByRole('button', { name: '保存设置' }).click();
  const review = page.getByTestId('change-review');
  await review.waitFor();
  const text = await review.textContent();
  assert.match(text, /R2-及时/);
  assert.match(text, /R15/);
  assert.match(text, /久未完成/);
  assert.match(text, /无固定期限/);
  await shot(page, '63-settings-review');
  await review.getByRole('button', { name: '取消' }).click();
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register')).settings.timely_days), 30, 'nothing saved on cancel');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByTestId('change-review').getByRole('button', { name: '确认' }).click();
  await page.getByTestId('settings-message').filter({ hasText: '设置已保存' }).waitFor();
  await page.goto(h.base + '#/case/R2-及时');
  await row(page, 'R15').waitFor();
  assert.equal(await statusOf(page, 'R15'), '无固定期限');
  // 规则 and 设置 name the notice behind each year.
  await page.getByRole('link', { name: '规则', exact: true }).click();
  assert.match(await page.getByTestId('holiday-notices').textContent(), /国务院办公厅关于2026年部分节假日安排的通知/);
  await ctx.close();
});
