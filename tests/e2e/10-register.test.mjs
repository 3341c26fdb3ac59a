// A clerk's day: create a matter by its labels, see its deadlines, reload, change a date with review,
// find overdue items on 总览; plus bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const CASE = '（2025）京0112行初1号';

/** Adds a row to the 代理人 editor: 姓名 and 身份 (工作人员 / 律师, or '' for none chosen). */
export async function addAgent(page, name, role = '工作人员') {
  await page.getByRole('button', { name: '添加代理人' }).click();
  const row = page.getByTestId('agent-row').last();
  await row.getByLabel('姓名').fill(name);
  await row.getByLabel('身份').selectOption(role);
}

async function createMatter(page) {
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await page.getByRole('link', { name: '新建案件' }).click();
  await page.getByLabel('案号', { exact: true }).fill(CASE);
  await page.getByLabel('案件类型', { exact: true }).selectOption('行政诉讼');
  await page.getByLabel('被告类型', { exact: true }).selectOption('本机关');
  await page.getByLabel('所属机关', { exact: true }).fill('区城管委');
  await page.getByLabel('原告', { exact: true }).fill('张某');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20');
  await addAgent(page, '李四');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
}

const dueOf = (page, rule) => page.locator(`.timeline [data-rule="${rule}"] [data-testid="due"]`).textContent();

test('create a matter through the form, see its deadlines, reload and find it unchanged', async () => {
  const { page, ctx, log } = await h.open('', { today: '2025-01-21' });
  await createMatter(page);
  assert.equal(await dueOf(page, 'R14'), '2025-02-05');
  const why = await page.locator('.timeline [data-rule="R14"] .why').textContent();
  assert.match(why, /2025-02-04（春节）→ 顺延至 2025-02-05/);
  assert.equal(await page.locator('.timeline [data-rule="R16"] [data-testid="status"]').textContent(), '符合');
  await shot(page, '10-case-new-saved');
  await page.reload();
  await page.waitForSelector('nav[aria-label="主导航"]');
  assert.equal(await page.getByLabel('案号', { exact: true }).inputValue(), CASE);
  assert.equal(await page.getByLabel('起诉状副本收到日', { exact: true }).inputValue(), '2025-01-20');
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '张某');
  assert.equal(await dueOf(page, 'R14'), '2025-02-05');
  assert.match(await page.getByTestId('audit').textContent(), /（新建）/);
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('changing a trigger date shows before → after before saving, and the audit trail records it', async () => {
  const { page, ctx } = await h.open('', { today: '2025-01-21' });
  await createMatter(page);
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-22');
  assert.equal(await dueOf(page, 'R14'), '2025-02-06', 'the timeline follows the draft live');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const review = page.getByTestId('review');
  await review.waitFor();
  const text = await review.textContent();
  assert.match(text, /R14/);
  assert.match(text, /2025-02-05/);
  assert.match(text, /2025-02-06/);
  await shot(page, '11-case-review');
  await review.getByRole('button', { name: '确认保存' }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  const audit = await page.getByTestId('audit').textContent();
  assert.match(audit, /起诉状副本收到日/);
  assert.match(audit, /2025-01-22/);
  await ctx.close();
});

test('an overdue obligation appears on 总览 and links to its matter', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const first = await h.open('', { context: ctx, today: '2025-01-21' });
  await createMatter(first.page);
  await first.page.close();
  const { page } = await h.open('', { context: ctx, today: '2025-03-01' });
  const overdue = page.locator('#sec-已逾期');
  await overdue.locator('tr[data-rule="R14"]').waitFor();
  assert.match(await overdue.textContent(), /2025-02-05/);
  assert.equal(await page.getByTestId('count-已逾期').locator('.card-n').textContent(), '1', 'R14 only: R15 (及时) has no due date');
  await shot(page, '12-overview-overdue');
  await overdue.getByRole('link', { name: CASE }).first().click();
  await page.getByRole('heading', { name: `案件 ${CASE}` }).waitFor();
  await ctx.close();
});

test('bad input: empty 案号 and a duplicate 案号 are refused with a message, nothing saved', async () => {
  const { page, ctx } = await h.open('', { today: '2025-01-21' });
  await createMatter(page);
  await page.goto(h.base + '#/case/new');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  assert.match(await page.getByTestId('case-message').textContent(), /未保存：「案号」必填/);
  assert.match(await page.locator('.field.has-error').first().textContent(), /案号.*必填/);
  await page.getByLabel('案号', { exact: true }).fill(CASE);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  assert.match(await page.getByTestId('case-message').textContent(), /已存在/);
  await addAgent(page, '王五', '');
  await page.getByLabel('案号', { exact: true }).fill('（2025）京0112行初2号');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  assert.match(await page.locator('.field.has-error').textContent(), /须注明（工作人员）或（律师）/);
  await shot(page, '13-case-bad-input');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register')).matters);
  assert.equal(stored.trim().split('\n').length, 2, 'only the first matter is stored');
  await ctx.close();
});

test('a tab left open past midnight follows the date: statuses move without a reload', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.clock.install({ time: new Date('2025-02-05T23:59:00') });
  await page.goto(h.base + '#/case/new');
  await page.waitForSelector('nav[aria-label="主导航"]');
  await page.getByLabel('案号', { exact: true }).fill('M-1');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20'); // R14 due 2025-02-05
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  const status = page.locator('.timeline [data-rule="R14"] [data-testid="status"]');
  assert.equal(await status.textContent(), '即将到期');
  await page.clock.runFor(2 * 60 * 1000);
  await page.waitForFunction(() => document.querySelector('.timeline [data-rule="R14"] [data-testid="status"]')?.textContent === '已逾期');
  assert.match(await page.locator('.who').textContent(), /今日 2025-02-06/);
  await ctx.close();
});
