// Issue 11, a clerk's day: no lost input, refused saves that keep the form, the 代理人 editor, the form in
// the case type's words (issue 10), hearings on 日程 / 总览 本周 / .ics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot, readDownload } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const TODAY = '2025-03-03'; // a Monday

async function addAgent(page, name, role = '工作人员') {
  await page.getByRole('button', { name: '添加代理人' }).click();
  const row = page.getByTestId('agent-row').last();
  await row.getByLabel('姓名').fill(name);
  await row.getByLabel('身份').selectOption(role);
}

async function newMatter(page, no, fields = {}) {
  await page.goto(h.base + '#/case/new');
  await page.getByLabel('案号', { exact: true }).fill(no);
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

async function save(page) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
}

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register') ?? '{"matters":""}').matters);
const draftKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yingsu.draft.')));


test('unsaved input survives clicking another page, Back and reload; saving or discarding ends the draft', async () => {
  const { page, ctx, log } = await h.open('', { today: TODAY });
  await newMatter(page, 'D-1', { 起诉状副本收到日: '2025-02-20' });
  await addAgent(page, '王芳');
  await save(page);
  assert.equal(await page.getByTestId('unsaved-preview').count(), 0);

  // 1. Type, then click another page in the menu, then come back by the browser's Back.
  await page.getByLabel('原告', { exact: true }).fill('未保存的原告');
  await page.getByTestId('unsaved-preview').waitFor();
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
  await page.goBack();
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '未保存的原告');
  await page.getByTestId('unsaved-preview').waitFor();
  await shot(page, '60-draft-restored');

  // 2. Type more, then reload (the same as closing the tab and opening it again).
  await page.getByLabel('案由', { exact: true }).fill('行政处罚');
  await page.reload();
  await page.waitForSelector('nav[aria-label="主导航"]');
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '未保存的原告');
  assert.equal(await page.getByLabel('案由', { exact: true }).inputValue(), '行政处罚');

  // 3. Back out of the page with the link, then return through the list.
  await page.getByRole('link', { name: '返回案件列表' }).click();
  await page.getByRole('link', { name: 'D-1' }).first().click();
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await page.getByLabel('案由', { exact: true }).inputValue(), '行政处罚');

  // Nothing of it is in the register until saved.
  assert.doesNotMatch(await stored(page), /未保存的原告/);
  await save(page);
  assert.match(await stored(page), /未保存的原告/);
  assert.deepEqual(await draftKeys(page), [], 'saving ends the draft');
  await page.reload();
  await page.waitForSelector('nav[aria-label="主导航"]');
  await page.getByLabel('案号', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('draft-restored').count(), 0);

  // Discarding: the saved version comes back, the draft is gone.
  await page.getByLabel('原告', { exact: true }).fill('要放弃的');
  await page.getByRole('link', { name: '日程', exact: true }).click();
  await page.goBack();
  await page.getByTestId('draft-restored').getByRole('button', { name: '放弃这些修改' }).click();
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '未保存的原告');
  assert.equal(await page.getByTestId('unsaved-preview').count(), 0);
  assert.deepEqual(await draftKeys(page), []);

  // A new matter's unsaved form is kept as well.
  await newMatter(page, 'NEW-1', { 原告: '新案原告' });
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await page.getByRole('link', { name: '案件', exact: true }).click();
  assert.match(await page.getByTestId('drafts').textContent(), /有未保存的修改：.*新建案件/, 'the list names unsaved work');
  await page.locator('.page-head').getByRole('link', { name: '新建案件' }).click();
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await page.getByLabel('案号', { exact: true }).inputValue(), 'NEW-1');
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('a refused save names the field and the expected form, keeps every other edit, and the timeline says 未保存的预览', async () => {
  const { page, ctx } = await h.open('', { today: TODAY });
  await newMatter(page, 'R-1', { 原告: '甲公司', 起诉状副本收到日: '2025-02-20' });
  await addAgent(page, '王芳', '');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const msg = await page.getByTestId('case-message').textContent();
  assert.match(msg, /未保存：「代理人」「王芳」须注明（工作人员）或（律师），应写为「王芳（工作人员）」或「王芳（律师）」/);
  assert.match(msg, /其他修改仍保留/);
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '甲公司');
  assert.equal(await page.getByLabel('起诉状副本收到日', { exact: true }).inputValue(), '2025-02-20');
  await page.getByTestId('unsaved-preview').waitFor();
  assert.match(await page.locator('.timeline [data-rule="R14"] [data-testid="due"]').textContent(), /2025-03-07/);
  assert.equal(await stored(page), '', 'nothing saved');
  await shot(page, '61-refused-save');
  // The refused form survives a reload too, the untagged entry included.
  await page.reload();
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '甲公司');
  assert.equal(await page.getByTestId('agent-row').last().getByLabel('姓名').inputValue(), '王芳');
  assert.equal(await page.getByTestId('agent-row').last().getByLabel('身份').inputValue(), '');
  await page.getByTestId('agent-row').last().getByLabel('身份').selectOption('工作人员');
  await save(page);
  assert.equal(await page.getByTestId('unsaved-preview').count(), 0);
  assert.match(await stored(page), /甲公司/);
  await ctx.close();
});

test('代理人 editor: rows of 姓名 + 身份 with add and remove; 李明律师 becomes 李明 + 律师; stored as CSV.md says', async () => {
  const { page, ctx } = await h.open('', { today: TODAY });
  await newMatter(page, 'A-1');
  await addAgent(page, '王芳');
  await addAgent(page, '赵六', '律师');
  await addAgent(page, '李明律师', '');
  await page.getByTestId('agent-row').last().getByLabel('姓名').blur();
  const rows = page.getByTestId('agent-row');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="agent-row"] input')].some((i) => i.value === '李明'));
  assert.equal(await rows.last().getByLabel('身份').inputValue(), '律师');
  // prop:value sets the property, not the attribute: find the row by its input's value.
  const i = await rows.evaluateAll((els) => els.findIndex((e) => e.querySelector('input').value === '赵六'));
  await rows.nth(i).getByRole('button', { name: '删除' }).click();
  assert.equal(await rows.count(), 2);
  await shot(page, '62-agents-editor');
  await save(page);
  assert.match(await stored(page), /王芳（工作人员）；李明（律师）/);
  assert.doesNotMatch(await stored(page), /赵六/);
  assert.equal(await page.locator('.timeline [data-rule="R16"] [data-testid="status"]').textContent(), '符合');
  await ctx.close();
});

test('行政复议 speaks its own language; fields that do not apply are hidden and keep their values', async () => {
  const { page, ctx } = await h.open('', { today: TODAY });
  await newMatter(page, '通复〔2025〕1号');
  await page.getByLabel('开庭日', { exact: true }).fill('2025-03-20');
  // (r3 §7.10) a lawsuit has a 简易程序 too (the court sets the 答辩期限): the field shows for both.
  assert.equal(await page.getByLabel('简易程序').isVisible(), true, '简易程序 on a lawsuit (r3 §7.10)');
  await page.getByLabel('案件类型', { exact: true }).selectOption('行政复议');
  for (const [shown, csv] of [['申请人', '原告'], ['申请书副本收到日', '起诉状副本收到日'], ['复议机关', '审理机关']]) {
    const label = page.locator('label', { has: page.locator('.csv-name', { hasText: csv }) });
    assert.equal((await label.textContent()).trim(), `${shown}${csv}`, `${shown} with the CSV column ${csv} as its second line`);
    assert.equal(await label.getAttribute('title'), csv);
  }
  await page.getByLabel('申请人原告', { exact: true }).fill('申请人甲');
  await page.getByLabel('申请书副本收到日').fill('2025-02-24');
  assert.equal(await page.getByLabel('简易程序').isVisible(), true);
  assert.equal(await page.getByLabel('诉前检察建议').isVisible(), false);
  assert.equal(await page.getByLabel('原行政行为机关').isVisible(), false, '区政府 matters only');
  assert.equal(await page.getByLabel('再审申请日').isVisible(), false, '二审 only');
  await page.getByLabel('书面审理').check();
  assert.equal(await page.getByLabel('开庭日', { exact: true }).isVisible(), false, '书面审理: no hearing fields');
  assert.equal(await page.getByLabel('出庭负责人', { exact: true }).isVisible(), false);
  assert.equal(await page.getByLabel('案情摘要').isVisible(), false, '出庭准备 only where a hearing applies');
  assert.match(await page.getByTestId('hidden-kept').textContent(), /开庭日/);
  await shot(page, '63-reconsideration-form');
  await save(page);
  const csv = await stored(page);
  assert.match(csv, /申请人甲/);
  assert.match(csv, /2025-03-20/, 'the hidden 开庭日 keeps its stored value');
  await page.getByLabel('书面审理').uncheck();
  assert.equal(await page.getByLabel('听证日开庭日', { exact: true }).inputValue(), '2025-03-20', 'a 复议 hears: 听证日');
  // 建议: 建议发出机关, no 审级; 诉前检察建议 for 检察建议 only.
  await page.getByLabel('案件类型', { exact: true }).selectOption('司法建议');
  assert.match(await page.locator('label', { hasText: '建议发出机关' }).textContent(), /建议发出机关原告/);
  assert.equal(await page.getByLabel('审级').isVisible(), false);
  assert.equal(await page.getByLabel('诉前检察建议').isVisible(), false);
  await page.getByLabel('案件类型', { exact: true }).selectOption('检察建议');
  assert.equal(await page.getByLabel('诉前检察建议').isVisible(), true);
  // Back to a court case: the plain column names.
  await page.getByLabel('案件类型', { exact: true }).selectOption('行政诉讼');
  assert.equal(await page.getByLabel('原告', { exact: true }).inputValue(), '申请人甲');
  await page.getByLabel('被告类型', { exact: true }).selectOption('区政府');
  assert.equal(await page.getByLabel('原行政行为机关').isVisible(), true);
  await page.getByLabel('审级', { exact: true }).selectOption('二审');
  assert.equal(await page.getByLabel('再审申请日').isVisible(), true);
  await ctx.close();
});

test('a hearing 5 days ahead is on 日程 and 总览 本周 with its 出庭负责人, and in the .ics with two reminders', async () => {
  const { page, ctx, log } = await h.open('', { today: TODAY });
  await newMatter(page, 'H-5', { 起诉状副本收到日: '2025-02-20', 开庭日: '2025-03-08', 出庭负责人: '王某', 出庭负责人职务: '副职' });
  await page.getByLabel('重大公共利益').check();
  await addAgent(page, '王芳');
  await save(page);
  await page.getByRole('link', { name: '总览', exact: true }).click();
  const week = page.getByTestId('this-week');
  const day = week.locator('[data-testid="day"][data-date="2025-03-08"]');
  await day.waitFor();
  const hearing = day.locator('[data-kind="开庭"]');
  assert.match(await hearing.textContent(), /开庭 H-5/);
  assert.match(await hearing.textContent(), /王某（副职）/);
  assert.match(await hearing.textContent(), /第十八条第一款/);
  assert.match(await week.locator('[data-date="2025-03-07"]').textContent(), /R14/, 'the answer due date is on the week too');
  await shot(page, '64-overview-this-week');
  await week.getByRole('link', { name: /打开日程/ }).click();
  await page.getByRole('heading', { level: 1, name: '日程' }).waitFor();
  const first = await page.getByTestId('day').first().getAttribute('data-date');
  assert.ok(first >= TODAY, 'today first');
  await page.locator('[data-testid="day"][data-date="2025-03-08"] [data-kind="开庭"]').waitFor();
  await page.getByRole('tab', { name: '一个月' }).click();
  await page.getByRole('tab', { name: '一个月', selected: true }).waitFor();
  await shot(page, '65-schedule');
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出日历 \.ics/ }).click();
  const ics = (await readDownload(await dl)).toString('utf8');
  const unfolded = ics.replace(/\r\n /g, '');
  assert.match(unfolded, /SUMMARY:【开庭】H-5 出庭负责人：王某（副职）/);
  assert.match(ics, /DTSTART;VALUE=DATE:20250308\r\n/);
  assert.match(ics, /TRIGGER:-P6DT15H/, 'a week before: R18A applies');
  assert.ok(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'RFC 5545 folding');
  assert.deepEqual(log.errors, []);
  await ctx.close();
});
