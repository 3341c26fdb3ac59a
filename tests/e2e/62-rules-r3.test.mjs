// Rules revision 3 in the page (issue 19), walked as a clerk: a 区政府 复议 co-defendant matter handled by
// 区司法局 itself (no 办理函 row R06, the co-defendant's 局长 accepted at the hearing), and a 二审 the agency
// appealed (诉讼地位 上诉人: no answer row; the trigger reads 上诉状副本收到日 with its CSV name beside it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot, saveConfirmed as save, saveSettingsConfirmed } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const row = (page, rule) => page.locator(`.timeline [data-rule="${rule}"]`);
const statusOf = (page, rule) => row(page, rule).locator('[data-testid="status"]').textContent();

test('区司法局 handling a 区政府 复议 co-defendant matter owes itself no 办理函, and the co-defendant’s 局长 is accepted', async () => {
  const { page, ctx, log } = await h.open('', { today: '2026-12-06' });
  await page.goto(h.base + '#/case/new');
  await page.getByLabel('案号', { exact: true }).waitFor();
  await page.getByLabel('案号', { exact: true }).fill('R3-共同被告');
  await page.getByLabel('案件类型', { exact: true }).selectOption('行政诉讼');
  await page.getByLabel('被告类型', { exact: true }).selectOption('区政府');
  await page.getByLabel('应诉承办机关', { exact: true }).fill('北京市通州区司法局');
  await page.getByLabel('被诉行为来源', { exact: true }).selectOption('行政复议');
  await page.getByLabel('复议共同被告', { exact: true }).check();
  await page.getByLabel('原行政行为机关', { exact: true }).fill('区市场监管局');
  await page.getByLabel('司法局收到日', { exact: true }).fill('2026-11-20');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2026-11-20');
  await page.getByLabel('主要领导报告日', { exact: true }).fill('2026-11-20');
  await page.getByLabel('答辩提交日', { exact: true }).fill('2026-11-30');
  await page.getByLabel('社会高度关注', { exact: true }).check();
  await page.getByLabel('开庭日', { exact: true }).fill('2026-12-01');
  await page.getByLabel('出庭负责人', { exact: true }).fill('李某');
  await page.getByLabel('出庭负责人职务', { exact: true }).fill('局长');
  await save(page);

  // §7.4: no 办理函 to itself, nothing reported to itself; the bureau reports to its own head at once.
  for (const r of ['R06', 'R07B', 'R07C']) assert.equal(await row(page, r).count(), 0, `${r} does not apply`);
  assert.equal(await row(page, 'R07A').locator('[data-testid="due"]').textContent(), '2026-11-20');
  assert.match(await row(page, 'R05').textContent(), /区司法局为应诉承办机关，无需出具办理函/);
  assert.doesNotMatch(await page.locator('.timeline').textContent(), /与第五条不符/, 'the full name is 区司法局');
  // §7.6: the co-defendant's head at the hearing.
  assert.equal(await statusOf(page, 'R17'), '符合');
  assert.match(await row(page, 'R17').textContent(), /共同被告（原行政行为机关）负责人出庭（法释〔2020〕3号第三条）/);
  assert.equal(await statusOf(page, 'R18A'), '已完成');
  assert.equal(await page.locator('.timeline [data-testid="status"]', { hasText: '已逾期' }).count(), 0, 'nothing falsely overdue');
  await shot(page, '62-r3-bureau-co-defendant');

  // §7.24: 总览 counts the rows under their 责任主体 — 区司法局 has its own line.
  await page.getByRole('link', { name: '总览', exact: true }).click();
  const table = page.getByTestId('by-agency');
  await table.waitFor();
  assert.match(await table.textContent(), /区司法局/);
  assert.equal(await page.getByTestId('count-已逾期').locator('.card-n').textContent(), '0');
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('a 二审 the agency appealed (诉讼地位 上诉人) has no answer row; the trigger reads 上诉状副本收到日', async () => {
  const { page, ctx, log } = await h.open('', { today: '2026-12-06' });
  await page.goto(h.base + '#/case/new');
  await page.getByLabel('案号', { exact: true }).waitFor();
  await page.getByLabel('案号', { exact: true }).fill('R3-二审上诉');
  await page.getByLabel('案件类型', { exact: true }).selectOption('行政诉讼');
  await page.getByLabel('被告类型', { exact: true }).selectOption('本机关');
  await page.getByLabel('所属机关', { exact: true }).fill('区城管委');
  await page.getByLabel('审级', { exact: true }).selectOption('二审');
  await page.getByLabel('诉讼地位', { exact: true }).selectOption('上诉人');
  // The trigger's label follows 审级, the CSV name stays visible beside it.
  const label = page.locator('label', { hasText: '上诉状副本收到日' });
  await label.waitFor();
  assert.match(await label.textContent(), /起诉状副本收到日/, 'the CSV column name is shown too');
  await page.getByLabel(/上诉状副本收到日/).fill('2026-11-25');
  await save(page);
  assert.equal(await row(page, 'R14').count(), 0, 'the appellant does not answer');
  assert.equal(await row(page, 'R15').count(), 0, 'nor report a case it started (§7.25)');
  await shot(page, '62-r3-appellant');

  // As 被上诉人 (the default in 二审) it answers within 15 days of the 上诉状副本 (行诉解释第一百零八条).
  await page.getByLabel('诉讼地位', { exact: true }).selectOption('');
  await row(page, 'R14').waitFor();
  assert.equal(await row(page, 'R14').locator('[data-testid="due"]').textContent(), '2026-12-10');
  assert.match(await row(page, 'R14').textContent(), /行诉解释第一百零八条/);
  // In 再审 the label reads 再审申请书副本收到日.
  await page.getByLabel('审级', { exact: true }).selectOption('再审');
  await page.locator('label', { hasText: '再审申请书副本收到日' }).waitFor();
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('one head at two hearings the same day: 日程 orders the day by 开庭时间 and warns; the matter says so', async () => {
  const { page, ctx, log } = await h.open('', { today: '2026-12-07' });
  for (const [no, time] of [['R3-下午', '下午2:00'], ['R3-上午', '09:30:00 AM']]) {
    await page.goto(h.base + '#/case/new');
    await page.getByLabel('案号', { exact: true }).waitFor();
    await page.getByLabel('案号', { exact: true }).fill(no);
    await page.getByLabel('被告类型', { exact: true }).selectOption('本机关');
    await page.getByLabel('所属机关', { exact: true }).fill('区城管委');
    await page.getByLabel('开庭日', { exact: true }).fill('2026-12-09');
    await page.getByLabel('开庭时间', { exact: true }).fill(time);
    await page.getByLabel('出庭负责人', { exact: true }).fill('王某');
    await page.getByLabel('出庭负责人职务', { exact: true }).fill('副局长');
    await save(page);
  }
  // The second matter names the first: same head, same day (§7.23).
  assert.match(await page.getByTestId('clash').textContent(), /同一负责人同日有2场开庭：R3-上午（09:30）、R3-下午（14:00）/);
  await page.getByRole('link', { name: '日程', exact: true }).click();
  const day = page.locator('[data-testid="day"][data-date="2026-12-09"]');
  await day.waitFor();
  const items = await day.getByTestId('schedule-item').allTextContents();
  assert.match(items[0], /同一负责人同日多场开庭/);
  const hearings = items.filter((t) => /开庭 R3-/.test(t));
  assert.match(hearings[0], /09:30 开庭 R3-上午/);
  assert.match(hearings[1], /14:00 开庭 R3-下午/);
  await shot(page, '62-r3-same-head');
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('开始使用日期 is the day the register was first saved: no report of the years before is overdue; editable in 设置', async () => {
  const { page, ctx, log } = await h.open('#/settings', { today: '2026-12-06' });
  await page.getByLabel('本机关名称').fill('区城管委');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByTestId('settings-message').filter({ hasText: '设置已保存' }).waitFor();
  // A matter received in 2023: without 开始使用日期 every R23/R24 period since would be 已逾期.
  await page.goto(h.base + '#/case/new');
  await page.getByLabel('案号', { exact: true }).waitFor();
  await page.getByLabel('案号', { exact: true }).fill('R3-旧案');
  await page.getByLabel('被告类型', { exact: true }).selectOption('本机关');
  await page.getByLabel('所属机关', { exact: true }).fill('区城管委');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2023-03-01');
  await page.getByLabel('答辩提交日', { exact: true }).fill('2023-03-10');
  await page.getByLabel('主要领导报告日', { exact: true }).fill('2023-03-02');
  await save(page);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register')).settings.start_date);
  assert.equal(stored, '2026-12-06', 'set by the first save and kept with the register (and its backups)');
  await page.getByRole('link', { name: '设置', exact: true }).click();
  assert.equal(await page.getByLabel('开始使用日期').inputValue(), '2026-12-06');
  const reports = page.locator('section.block', { hasText: '报告报送（第二十三条、第二十四条）' });
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await reports.waitFor();
  assert.equal(await reports.locator('tbody tr', { hasText: '已逾期' }).count(), 0, 'no report of 2023–2026Q3 is overdue');
  assert.match(await reports.textContent(), /2026年下半年案件情况报告/);
  await page.getByRole('link', { name: '报表', exact: true }).click();
  assert.match(await page.getByTestId('start-date-note').textContent(), /开始使用日期之前的报告期未列出（设置）/);
  // Moved back to 2023, the periods since are listed again — and overdue.
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await page.getByLabel('开始使用日期').fill('2023-01-01');
  await saveSettingsConfirmed(page);
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await reports.waitFor();
  assert.ok(await reports.locator('tbody tr', { hasText: '已逾期' }).count() > 10, 'every period since 2023 is due again');
  assert.deepEqual(log.errors, []);
  await ctx.close();
});
