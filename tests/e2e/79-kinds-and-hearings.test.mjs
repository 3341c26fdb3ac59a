// Issue 21, rest: the form, its labels and the duties in the words of the kind of matter (复议, 建议), 审级
// empty where it does not apply; after a hearing the clerk confirms who attended and whether the head spoke;
// the storage badge explains persistence once and turns red only for a due backup; a new matter's 修改记录
// lists the values it was created with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const TODAY = '2025-03-03';
const WIDTHS = [[1366, 768], [1093, 614], [390, 844]];
const csv = (text) => Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n'));
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register') ?? '{"matters":""}').matters);
const row = async (page, key) => (await stored(page)).split('\r\n').find((l) => l.startsWith(key + ','));
const visible = (page, label) => page.locator('.field:not(.hidden)', { has: page.locator(`label[title="${label}"]`) }).count();

async function save(page) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
}

async function load(page, text, name = 'c.csv') {
  await page.goto(h.base + '#/exchange');
  await page.getByLabel('案件文件').setInputFiles({ name, mimeType: 'text/csv', buffer: csv(text) });
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入' }).waitFor();
}

async function widths(page, name) {
  for (const [w, hgt] of WIDTHS) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, `79-${name}-${w}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('行政复议: 被申请人, 申请书副本收到日, 答复; court-only fields hidden; 审级 empty, exported empty', async () => {
  const { page, ctx } = await h.open('#/case/new', { today: TODAY });
  await page.getByLabel('案号', { exact: true }).fill('通复〔2025〕7号');
  // A lawsuit's 审级 can be left empty (it no longer snaps back to 一审): empty means 一审 for a court case.
  const level = page.getByLabel('审级', { exact: true });
  await level.selectOption('二审');
  await level.selectOption('');
  assert.equal(await level.inputValue(), '', '（未填） stays');
  assert.match(await level.locator('option[value=""]').textContent(), /按一审/);
  await page.getByLabel('案件类型', { exact: true }).selectOption('行政复议');
  for (const [shown, name] of [['被申请人', '被告类型'], ['申请人', '原告'], ['申请书副本收到日', '起诉状副本收到日'],
    ['答复提交日', '答辩提交日'], ['复议决定书签收日', '裁判文书签收日'], ['听证日', '开庭日']]) {
    const label = page.locator('label', { has: page.locator('.csv-name', { hasText: name }) });
    assert.equal((await label.textContent()).trim(), `${shown}${name}`, `${shown} (CSV column ${name} beside it)`);
  }
  for (const name of ['审级', '上诉决定', '上诉提交日', '法院建议出庭', '复议共同被告']) {
    assert.equal(await visible(page, name), 0, `a 复议 has no ${name}`);
  }
  // The duty and its 说明 in the kind's words: a 书面答复, and the missing field named as the form labels it.
  // (The article's own text, 原文, stays as the regulation words it.)
  const r14 = async () => (await page.locator('.timeline [data-rule="R14"]').textContent()).split('原文')[0];
  assert.match(await r14(), /按复议机关规定时限提交书面答复/);
  assert.match(await r14(), /缺少「申请书副本收到日」/);
  assert.doesNotMatch(await r14(), /答辩状|起诉状副本收到日/);
  await page.getByLabel('申请书副本收到日').fill('2025-02-24');
  await page.getByLabel('申请人原告', { exact: true }).fill('申请人甲');
  await widths(page, 'reconsideration-form');
  await save(page);
  assert.match(await row(page, '通复〔2025〕7号'), /^通复〔2025〕7号,行政复议,,本机关,/, '审级 exported empty');
  // The （新建） line of 修改记录 lists the values taken, in the form's words.
  const audit = await page.getByTestId('audit').textContent();
  assert.match(audit, /（新建）.*案件类型：行政复议；被申请人：本机关；申请人：申请人甲；申请书副本收到日：2025-02-24/);
  await ctx.close();
});

test('检察建议: 建议发出机关; no 被诉行为来源, 审理机关, 复议共同被告; a hidden value is listed, never erased', async () => {
  const { page, ctx } = await h.open('#/case/new', { today: TODAY });
  await page.getByLabel('案号', { exact: true }).fill('京通检行建〔2025〕3号');
  await page.getByLabel('审理机关', { exact: true }).fill('通州区法院');
  await page.getByLabel('案件类型', { exact: true }).selectOption('检察建议');
  for (const name of ['被诉行为来源', '审理机关', '复议共同被告', '审级', '诉讼地位', '代理人']) {
    assert.equal(await visible(page, name), 0, `a 检察建议 has no ${name}`);
  }
  assert.match(await page.locator('label', { has: page.locator('.csv-name', { hasText: '原告' }) }).textContent(), /建议发出机关/);
  assert.equal(await page.getByLabel('诉前检察建议').isVisible(), true);
  const kept = page.getByTestId('hidden-kept');
  assert.match(await kept.textContent(), /其他类型的字段（已填）：审理机关：通州区法院/);
  const r22b = page.locator('.timeline [data-rule="R22B"]');
  assert.match(await r22b.textContent(), /缺少「建议收到日」/);
  await page.getByLabel('建议收到日').fill('2025-02-20');
  await widths(page, 'procuratorate-form');
  await save(page);
  assert.match(await row(page, '京通检行建〔2025〕3号'), /^京通检行建〔2025〕3号,检察建议,,本机关,.*通州区法院/, '审级 empty; the hidden 审理机关 kept');
  await ctx.close();
});

test('after a hearing: 已安排 until the clerk confirms on 日程 or the matter; 总览 counts what waits', async () => {
  const { page, ctx } = await h.open('', { today: TODAY });
  await load(page, '案号,案件类型,被告类型,所属机关,开庭日,出庭负责人,出庭负责人职务,重大公共利益,起诉状副本收到日\n'
    + 'H-1,行政诉讼,本机关,区城管委,2025-02-25,王某,副职,是,2025-01-20\n'
    + 'H-2,行政诉讼,本机关,区城管委,2025-02-26,李某,分管副职,否,2025-01-20\n'
    + 'H-3,行政诉讼,本机关,区城管委,2025-03-05,赵某,正职,否,2025-01-20\n', '开庭.csv');
  await page.getByRole('link', { name: '总览', exact: true }).click();
  assert.match(await page.getByTestId('confirm-count').textContent(), /2 场开庭后待确认/);
  // 本周: the hearing ahead shows its head as 已安排, never 已出庭.
  const week = await page.getByTestId('this-week').textContent();
  assert.match(week, /出庭负责人：赵某（正职），已安排/);
  assert.doesNotMatch(week, /已出庭/);
  await shot(page, '79-overview-confirm-1280');
  await page.getByRole('link', { name: '日程', exact: true }).click();
  const waiting = page.getByTestId('confirm-hearing');
  // 日程 is drawn after the link's click: wait for it before counting (a busy machine drew it late).
  await waiting.first().waitFor();
  assert.equal(await waiting.count(), 2);
  assert.match(await waiting.first().textContent(), /2025-02-26.*H-2.*李某（分管副职），已安排/);
  await widths(page, 'schedule-confirm');
  // The matter says 已安排 and asks too; R19B asks, never 违反.
  await page.goto(h.base + '#/case/H-1');
  await page.getByTestId('hearing-confirm').waitFor();
  await widths(page, 'matter-confirm');
  const r18a = page.locator('.timeline [data-rule="R18A"]');
  assert.match(await r18a.textContent(), /已安排王某（副职）出庭，开庭后尚未确认/);
  assert.doesNotMatch(await r18a.textContent(), /已出庭/);
  assert.equal(await page.locator('.timeline [data-rule="R19B"] [data-testid="status"]').textContent(), '提示');
  // Confirm on the matter: the answer fills 负责人发言; 保存 records it.
  await page.getByTestId('hearing-confirm').getByRole('button', { name: '已出庭并发言' }).click();
  assert.equal(await page.getByLabel('负责人发言', { exact: true }).inputValue(), '是');
  await save(page);
  assert.equal(await page.getByTestId('hearing-confirm').count(), 0);
  assert.match(await r18a.textContent(), /王某（副职）已出庭/);
  assert.equal(await page.locator('.timeline [data-rule="R19B"] [data-testid="status"]').textContent(), '符合');
  // Confirm on 日程: one click records 负责人发言 with an audit line.
  await page.getByRole('link', { name: '日程', exact: true }).click();
  await waiting.first().waitFor();
  assert.equal(await waiting.count(), 1);
  await waiting.first().getByRole('button', { name: '已出庭，未发言' }).click();
  await page.getByTestId('confirm-message').filter({ hasText: '已记录：H-2' }).waitFor();
  assert.equal(await waiting.count(), 0);
  assert.match(await row(page, 'H-2'), /,否,?[^,]*$/, '负责人发言 = 否 stored');
  await page.goto(h.base + '#/case/H-2');
  assert.match(await page.getByTestId('audit').textContent(), /负责人发言否/);
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await page.getByTestId('this-week').waitFor();
  assert.equal(await page.getByTestId('confirm-count').count(), 0);
  // The import's （新建） lines list the values taken.
  await page.goto(h.base + '#/case/H-3');
  assert.match(await page.getByTestId('audit').textContent(), /（导入 开庭\.csv）（新建）H-3；案件类型：行政诉讼；被告类型：本机关；所属机关：区城管委；.*开庭日：2025-03-05；出庭负责人：赵某/);
  await ctx.close();
});

test('storage: where persistence is refused it is said once (知道了 remembered); red only when a backup is due', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await ctx.addInitScript(() => {
    if (navigator.storage) navigator.storage.persist = () => Promise.resolve(false);
  });
  const { page } = await h.open('#/case/new', { context: ctx, today: TODAY });
  const notice = page.getByTestId('persist-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /没有同意持久保存.*定期导出完整备份/);
  const status = page.getByTestId('storage-status');
  assert.doesNotMatch(await status.textContent(), /未同意|未获|不能申请/, 'no permanent grey phrase in the badge');
  assert.equal(await status.evaluate((e) => e.classList.contains('status-bad')), false, 'refused persistence alone is not red');
  await widths(page, 'storage-notice');
  await notice.getByRole('button', { name: '知道了' }).click();
  assert.equal(await notice.count(), 0);
  await page.reload();
  await page.waitForSelector('nav[aria-label="主导航"]');
  assert.equal(await page.getByTestId('persist-notice').count(), 0, 'said once: remembered in this browser');
  await page.getByLabel('案号', { exact: true }).fill('S-1');
  await save(page);
  assert.equal(await status.evaluate((e) => e.classList.contains('status-bad')), true, 'data never backed up: red');
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  await page.getByRole('button', { name: '导出完整备份' }).first().click();
  await status.filter({ hasText: '备份：今天' }).waitFor();
  assert.equal(await status.evaluate((e) => e.classList.contains('status-bad')), false, 'fresh backup: not red');
  await page.getByRole('link', { name: '设置', exact: true }).click();
  assert.match(await page.getByTestId('persisted').textContent(), /没有同意持久保存/);
  await ctx.close();
});

test('storage on an http intranet address (not a secure context): said once, not red', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1093, height: 614 }, locale: 'zh-CN' });
  await ctx.addInitScript(() => {
    Object.defineProperty(window, 'isSecureContext', { get: () => false });
    Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined });
  });
  const { page } = await h.open('', { context: ctx, today: TODAY });
  const notice = page.getByTestId('persist-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /本网址不是 https.*定期导出完整备份/);
  const status = page.getByTestId('storage-status');
  assert.equal(await status.evaluate((e) => e.classList.contains('status-bad')), false);
  assert.doesNotMatch(await status.textContent(), /不能申请|未同意/);
  await shot(page, '79-storage-http-1093');
  await ctx.close();
});
