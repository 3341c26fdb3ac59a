// Issue 20, one edit session: the four ways typed or stored data were lost beside another tab or another
// file — drafts shared by every tab, a rename or delete elsewhere, agencies.csv replacing whole records,
// 以空值清除 blanking columns a file does not have (and another agency's new matters unflagged).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot, readDownload } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n')) });
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register') ?? '{"matters":"","agencies":""}'));
const field = (page, label) => page.getByLabel(label, { exact: true });
const save = async (page) => {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
};
/** Goes to 案件 by the menu (the form's unsaved input is kept as a draft). */
const toCases = async (page) => {
  await page.getByRole('link', { name: '案件', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '案件' }).waitFor();
};

test('a: two tabs with drafts of one matter (and of a new matter) keep both; B\'s save leaves A\'s draft', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  await h.quickMatter(a.page, 'S-1');
  const b = await h.open('#/case/S-1', { context: ctx });
  await field(a.page, '原告').fill('甲方');
  await toCases(a.page);
  assert.match(await a.page.getByTestId('drafts').textContent(), /有未保存的修改：.*S-1/);
  await field(b.page, '案由').fill('行政处罚');
  await save(b.page);
  await a.page.getByRole('link', { name: 'S-1' }).first().click();
  await a.page.getByTestId('draft-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(a.page, '原告').inputValue(), '甲方', "A's unsaved 原告 is still there");
  assert.equal(await field(a.page, '案由').inputValue(), '行政处罚', "B's saved 案由 is shown");
  await save(a.page);
  const m = (await stored(a.page)).matters;
  assert.match(m, /甲方/);
  assert.match(m, /行政处罚/);

  // Two new-matter drafts: neither overwrites the other.
  await a.page.goto(h.base + '#/case/new');
  await b.page.goto(h.base + '#/case/new');
  await field(a.page, '案号').fill('NEW-A');
  await field(b.page, '案号').fill('NEW-B');
  await toCases(a.page);
  await toCases(b.page);
  await a.page.locator('.page-head').getByRole('link', { name: '新建案件' }).click();
  await a.page.getByTestId('draft-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(a.page, '案号').inputValue(), 'NEW-A', "A's new-matter draft is A's");
  await b.page.locator('.page-head').getByRole('link', { name: '新建案件' }).click();
  await b.page.getByTestId('draft-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(b.page, '案号').inputValue(), 'NEW-B', "B's new-matter draft is B's");
  await ctx.close();
});

test('b: a draft follows a rename in another tab; a save after a rename or delete elsewhere says so', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  await h.quickMatter(a.page, 'OLD-1');
  await field(a.page, '原告').fill('甲方');
  await toCases(a.page);
  const b = await h.open('#/case/OLD-1', { context: ctx });
  await field(b.page, '案号').fill('NEW-1');
  await save(b.page);
  // A's draft is listed under the new 案号 and opens there.
  await a.page.reload();
  await a.page.getByTestId('drafts').waitFor({ timeout: 3000 });
  const banner = await a.page.getByTestId('drafts').textContent();
  assert.match(banner, /NEW-1/, 'the draft follows the rename');
  await a.page.getByTestId('drafts').getByRole('link', { name: /NEW-1/ }).click();
  await a.page.getByTestId('draft-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(a.page, '原告').inputValue(), '甲方');
  assert.equal(await field(a.page, '案号').inputValue(), 'NEW-1');
  await save(a.page);
  let m = (await stored(a.page)).matters;
  assert.match(m, /NEW-1[^\r\n]*甲方/);
  assert.doesNotMatch(m, /OLD-1/, 'one name only');

  // Open in both tabs; B renames; A's save describes the rename, and 按字段合并 keeps A's input under it.
  await a.page.goto(h.base + '#/case/NEW-1');
  await b.page.goto(h.base + '#/case/NEW-1');
  await field(a.page, '案由').fill('行政许可');
  await field(b.page, '案号').fill('NEW-2');
  await save(b.page);
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  const dlg = a.page.getByTestId('matter-conflict');
  await dlg.waitFor();
  assert.match(await dlg.textContent(), /已改名为\s*「?NEW-2/);
  await dlg.getByRole('button', { name: /按字段合并/ }).click();
  assert.equal(await field(a.page, '案号').inputValue(), 'NEW-2');
  assert.equal(await field(a.page, '案由').inputValue(), '行政许可');
  await save(a.page);
  m = (await stored(a.page)).matters;
  assert.match(m, /NEW-2[^\r\n]*行政许可/);
  assert.doesNotMatch(m, /NEW-1\b/, 'never both names');

  // Deleted in B while A edits: the save says so; 放弃我的修改 really drops A's input; nothing comes back.
  await a.page.goto(h.base + '#/case/NEW-2');
  await b.page.goto(h.base + '#/case/NEW-2');
  await field(a.page, '原告').fill('乙方');
  b.page.once('dialog', (d) => d.accept());
  await b.page.getByRole('button', { name: '删除案件' }).click();
  await b.page.getByRole('heading', { level: 1, name: '案件' }).waitFor();
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  const gone = a.page.getByTestId('matter-conflict');
  await gone.waitFor();
  assert.match(await gone.textContent(), /已在其他标签页删除/);
  assert.equal(await gone.getByRole('button', { name: '用我的修改覆盖' }).count(), 0, 'no silent re-creation');
  await gone.getByRole('button', { name: /放弃我的修改/ }).click();
  await a.page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('yingsu.draft.')));
  m = (await stored(a.page)).matters;
  assert.doesNotMatch(m, /NEW-2/, 'the deleted matter stays deleted');
  await ctx.close();
});

const AG_HEAD = '机关名称,机关类型,主要负责人,分管领导,联络员,联络电话,应诉人员\n';
const AG_ROW = '区城管委,职能部门,张局长,王副局长,赵某,010-1111,李四（法律职业资格）\n';

async function importAgencies(page, text) {
  await page.getByLabel('名录文件').setInputFiles(file('agencies.csv', text));
  await page.getByRole('button', { name: '检查并预览' }).nth(1).click();
}

test('c: agencies.csv merges field by field; a stale agencies preview is refused and made again', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('#/exchange', { context: ctx });
  await importAgencies(a.page, AG_HEAD + AG_ROW);
  await a.page.getByRole('button', { name: '确认导入' }).click();
  await a.page.getByTestId('exchange-message').filter({ hasText: '已导入' }).waitFor();
  // Only 机关名称 and 联络电话: the preview names the one change; nothing else is emptied.
  await importAgencies(a.page, '机关名称,联络电话\n区城管委,010-2222\n');
  const preview = a.page.getByTestId('agency-preview');
  await preview.waitFor({ timeout: 3000 });
  const text = await preview.textContent();
  assert.match(text, /联络电话/);
  assert.match(text, /010-1111/);
  assert.match(text, /010-2222/);
  assert.doesNotMatch(text, /联络员|主要负责人|分管领导|应诉人员|机关类型/, 'columns the file lacks are not changes');
  await a.page.getByRole('button', { name: '确认导入' }).click();
  await a.page.getByTestId('exchange-message').filter({ hasText: '已导入' }).waitFor();
  let ag = (await stored(a.page)).agencies;
  assert.match(ag, /区城管委,职能部门,张局长,王副局长,赵某,010-2222,李四（法律职业资格）/);

  // B previews the full (old) file; A then saves 联络员 in 机关名录; B's confirm is refused and re-previewed.
  const b = await h.open('#/exchange', { context: ctx });
  await importAgencies(b.page, AG_HEAD + AG_ROW);
  await b.page.getByTestId('agency-preview').waitFor();
  await a.page.goto(h.base + '#/agencies');
  await a.page.getByRole('row', { name: /区城管委/ }).getByRole('button', { name: '编辑' }).click();
  await field(a.page, '联络员').fill('钱某');
  await a.page.getByRole('button', { name: '保存机关' }).click();
  await a.page.getByTestId('agency-message').filter({ hasText: '已保存' }).waitFor();
  await b.page.waitForTimeout(300);
  await b.page.getByRole('button', { name: '确认导入' }).click();
  await b.page.getByTestId('exchange-message').filter({ hasText: '重新生成预览' }).waitFor({ timeout: 3000 });
  ag = (await stored(b.page)).agencies;
  assert.match(ag, /钱某/, "A's 联络员 is not silently replaced");
  // The new preview shows 钱某 as what the file would replace.
  assert.match(await b.page.getByTestId('agency-preview').textContent(), /钱某/);
  await ctx.close();
});

const csvCases = (text) => file('cases.csv', text);

test('d: 以空值清除 empties only empty cells of the file\'s columns, and names each; another agency\'s new matters are flagged', async () => {
  const { page, ctx } = await h.open('#/exchange');
  await page.getByLabel('案件文件').setInputFiles(csvCases('案号,案件类型,被告类型,原告,案由,备注\nF-1,行政诉讼,本机关,甲公司,行政处罚,留着\n'));
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 1 个案件' }).waitFor();
  // The file has 原告 (empty cell) and no 案由 or 备注.
  await page.getByLabel('案件文件').setInputFiles(csvCases('案号,案件类型,被告类型,原告\nF-1,行政诉讼,本机关,\n'));
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').waitFor();
  await page.getByLabel(/以空值清除/).check();
  const erasures = page.getByTestId('erasures');
  await erasures.waitFor({ timeout: 3000 });
  const warn = await erasures.textContent();
  assert.match(warn, /原告/, 'the emptied cell is named');
  assert.doesNotMatch(warn, /案由|备注/, 'columns the file lacks are not emptied');
  const table = await page.getByTestId('preview').textContent();
  assert.doesNotMatch(table, /案由|备注/);
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入' }).waitFor();
  const m = (await stored(page)).matters;
  assert.match(m, /F-1,[^\r\n]*行政处罚/, '案由 kept');
  assert.match(m, /留着/, '备注 kept');
  assert.doesNotMatch(m, /甲公司/, '原告 emptied as asked');

  // An agency register (本机关 区城管委) importing a new matter of 区住建委: 非本机关文件.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置', exact: true }).click();
  await page.getByLabel('本机关名称').fill('区城管委');
  await page.getByLabel('角色').selectOption('机关');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByTestId('settings-message').filter({ hasText: '已保存' }).waitFor();
  await page.getByRole('link', { name: '导入导出', exact: true }).click();
  await page.getByLabel('案件文件').setInputFiles(csvCases('案号,案件类型,被告类型,所属机关\nZ-9,行政诉讼,本机关,区住建委\n'));
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('n-new').filter({ hasText: '新增 1' }).waitFor();
  const foreign = page.getByTestId('foreign');
  await foreign.waitFor({ timeout: 3000 });
  assert.match(await foreign.textContent(), /Z-9/);
  assert.match(await foreign.textContent(), /区住建委/);
  assert.equal(await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).isDisabled(), true);
  await shot(page, '26-foreign-new');
  await ctx.close();
});

test('e: 设置 and 机关名录 keep unsaved input across navigation, as the case form does', async () => {
  const { page, ctx } = await h.open('#/settings');
  await page.getByLabel('本机关名称').fill('区未保存局');
  await page.getByLabel('即将到期提醒天数').fill('9');
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
  await page.goBack();
  await page.getByTestId('settings-restored').waitFor({ timeout: 3000 });
  assert.equal(await page.getByLabel('本机关名称').inputValue(), '区未保存局');
  assert.equal(await page.getByLabel('即将到期提醒天数').inputValue(), '9');
  // The bounds are the engine's (one place for the page and the CLI).
  await page.getByLabel('即将到期提醒天数').fill('61');
  await page.getByRole('button', { name: '保存设置' }).click();
  await page.getByTestId('settings-message').filter({ hasText: '「即将到期提醒天数」应为 0 到 60 的整数，收到「61」' }).waitFor();
  await page.getByTestId('settings-restored').getByRole('button', { name: '放弃这些修改' }).click();
  assert.notEqual(await page.getByLabel('本机关名称').inputValue(), '区未保存局');

  await page.goto(h.base + '#/agencies');
  await field(page, '机关名称').fill('区草稿委');
  await field(page, '联络员').fill('孙某');
  await page.getByRole('link', { name: '总览', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
  await page.reload();
  await page.goto(h.base + '#/agencies');
  await page.getByTestId('agency-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(page, '机关名称').inputValue(), '区草稿委');
  assert.equal(await field(page, '联络员').inputValue(), '孙某');
  await page.getByRole('button', { name: '保存机关' }).click();
  await page.getByTestId('agency-message').filter({ hasText: '已保存' }).waitFor();
  assert.match((await stored(page)).agencies, /区草稿委/);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yingsu.form.')).length), 0, 'saved: no draft left');
  await ctx.close();
});

test('f: a holiday or backup preview made before another tab saved is never applied as it was', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  await h.quickMatter(a.page, 'H-1');
  const b = await h.open('#/exchange', { context: ctx });
  await b.page.getByLabel('通知名称', { exact: true }).fill('国务院办公厅关于2027年部分节假日安排的通知');
  await b.page.getByLabel('通知发布日期', { exact: true }).fill('2026-11-10');
  await b.page.getByLabel('节假日文件').setInputFiles({ name: 'h.csv', mimeType: 'text/csv', buffer: Buffer.from('date,kind,name\n2027-01-04,holiday,测试假日\n') });
  await b.page.getByTestId('holiday-update').getByRole('button', { name: '检查并预览' }).click();
  const review = b.page.getByTestId('holiday-preview').getByTestId('change-review');
  await review.waitFor();
  await h.quickMatter(a.page, 'H-2');
  await b.page.waitForTimeout(300);
  await review.getByRole('button', { name: '确认' }).click();
  await b.page.getByTestId('exchange-message').filter({ hasText: '预览之后，台账已在其他地方' }).waitFor({ timeout: 3000 });
  assert.doesNotMatch(JSON.stringify((await stored(b.page)).holidays ?? ''), /测试假日/, 'nothing applied');
  await review.getByRole('button', { name: '确认' }).click();
  await b.page.getByTestId('exchange-message').filter({ hasText: '已导入 1 条节假日安排' }).waitFor();

  // A backup checked, then another tab saves: the restore says so and asks again.
  const dl = b.page.waitForEvent('download');
  await b.page.getByRole('button', { name: '导出完整备份' }).first().click();
  const backup = await readDownload(await dl);
  await b.page.getByLabel('备份文件').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: backup });
  await b.page.getByRole('button', { name: '检查备份' }).click();
  const pv = b.page.getByTestId('restore-preview');
  await pv.waitFor();
  await h.quickMatter(a.page, 'H-3');
  await b.page.waitForTimeout(300);
  await pv.getByRole('button', { name: '确认恢复' }).click();
  await b.page.getByTestId('exchange-message').filter({ hasText: '检查备份之后，台账已在其他地方' }).waitFor({ timeout: 3000 });
  assert.match((await stored(b.page)).matters, /H-3/, 'nothing replaced yet');
  await ctx.close();
});

test('g: 用我的修改覆盖 after a rename elsewhere leaves one matter, never both names', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  await h.quickMatter(a.page, 'R-1');
  const b = await h.open('#/case/R-1', { context: ctx });
  await field(a.page, '原告').fill('甲方');
  await field(b.page, '案号').fill('R-2');
  await save(b.page);
  await a.page.getByRole('button', { name: '保存', exact: true }).click();
  const dlg = a.page.getByTestId('matter-conflict');
  await dlg.waitFor();
  assert.match(await dlg.textContent(), /已改名为「R-2」/);
  await dlg.getByRole('button', { name: '用我的修改覆盖' }).click();
  await a.page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  const lines = (await stored(a.page)).matters.split('\r\n').filter((l) => /^R-[12],/.test(l));
  assert.equal(lines.length, 1, `one matter: ${lines}`);
  assert.match(lines[0], /甲方/);
  await ctx.close();
});

test('h: a duplicated tab (the browser copies sessionStorage, tab id included) takes its own id; a reload keeps it', async () => {
  const ctx = await h.browser.newContext();
  const a = await h.open('', { context: ctx });
  await h.quickMatter(a.page, 'DUP-1');
  const idA = await a.page.evaluate(() => sessionStorage.getItem('yingsu.tab'));
  assert.ok(idA);
  // B starts as a duplicate of A does: with A's sessionStorage.
  const pageB = await ctx.newPage();
  await pageB.addInitScript((id) => { if (!sessionStorage.getItem('yingsu.tab')) sessionStorage.setItem('yingsu.tab', id); }, idA);
  await pageB.goto(h.base + '#/case/DUP-1');
  await field(pageB, '案由').waitFor();
  const idB = await pageB.evaluate(() => sessionStorage.getItem('yingsu.tab'));
  assert.notEqual(idB, idA, 'the duplicate takes a new id while A is open');
  // Each types into the same matter and leaves: both drafts are kept, each in its own tab.
  await field(a.page, '原告').fill('甲方');
  await field(pageB, '案由').fill('行政许可');
  await toCases(a.page);
  await toCases(pageB);
  await a.page.getByRole('link', { name: 'DUP-1' }).first().click();
  await a.page.getByTestId('draft-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(a.page, '原告').inputValue(), '甲方');
  await pageB.getByRole('link', { name: 'DUP-1' }).first().click();
  await pageB.getByTestId('draft-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(pageB, '案由').inputValue(), '行政许可');
  assert.equal(await field(pageB, '原告').inputValue(), '', "A's draft is not B's");
  // A reload is the same tab: same id, its draft restored.
  await a.page.reload();
  assert.equal(await a.page.evaluate(() => sessionStorage.getItem('yingsu.tab')), idA);
  await a.page.getByTestId('draft-restored').waitFor({ timeout: 3000 });
  assert.equal(await field(a.page, '原告').inputValue(), '甲方');
  await ctx.close();
});
