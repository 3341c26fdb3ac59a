// Issue 22, "Bad input, round three", in the page: no false success on a full quota, reports.csv checked
// like cases.csv, the holiday cap across files and backups, a refused file clearing the earlier preview,
// an agency no matter names, stored lookalike 案号 and stored entries that cannot be read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, shot } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('yingsu.register')));
const RH = '机关名称,报告,期间,报送日\r\n';

/** Stores a register document and reloads the page on it. */
async function seed(page, doc) {
  await page.evaluate((d) => {
    localStorage.setItem('yingsu.register', JSON.stringify(d));
    localStorage.setItem('yingsu.revision', String(d.revision));
  }, doc);
  await page.reload();
  await page.waitForSelector('nav[aria-label="主导航"]');
}

async function importReports(page, files) {
  const section = page.getByTestId('reports-exchange');
  await page.getByLabel('报送记录文件').setInputFiles(files);
  await section.getByRole('button', { name: '检查并预览' }).click();
  return section;
}

/** A holiday file of 40 weekday holidays from `from` on. */
function forty(from) {
  const d = new Date(`${from}T00:00:00Z`);
  let text = 'date,kind,name\r\n';
  for (let n = 0; n < 40; d.setUTCDate(d.getUTCDate() + 1)) {
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) { text += `${d.toISOString().slice(0, 10)},holiday,测试\r\n`; n++; }
  }
  return text;
}

test('issue 22: a reports.csv import with the storage full says it was not saved, never 已导入', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-08-01' });
  await page.getByTestId('reports-exchange').waitFor();
  await page.evaluate(() => {
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === 'yingsu.register') throw new DOMException('full', 'QuotaExceededError');
      return orig.call(this, k, v);
    };
  });
  const section = await importReports(page, file('r.csv', RH + '区城管委,R23,2025H1,2025-07-10\r\n'));
  await section.getByTestId('reports-preview').getByRole('button', { name: '确认导入' }).click();
  const msg = page.getByTestId('exchange-message');
  await msg.filter({ hasText: '没有保存到浏览器' }).waitFor();
  assert.doesNotMatch(await msg.textContent(), /已导入报送记录/);
  assert.match(await page.getByTestId('save-error').textContent(), /存储空间已满/);
  assert.equal(await page.evaluate(() => localStorage.getItem('yingsu.register')), null, 'nothing stored');
  await shot(page, '45-reports-quota');
  await ctx.close();
});

test('issue 22: reports.csv — a repeated key is a located error, a changed 报送日 shows before → after, a zero-width space is the same agency', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-11-01' });
  // A repeat of 机关名称 + 期间: located, and nothing can be confirmed.
  let section = await importReports(page, file('dup.csv', RH + '区城管委,R23,2025H1,2025-07-10\r\n区住建委,R23,2025H1,2025-07-11\r\n区城管委,R23,2025H1,2025-07-20\r\n'));
  const errs = section.getByTestId('reports-errors');
  await errs.waitFor();
  assert.match(await errs.textContent(), /dup\.csv：第4行「期间」：「区城管委」2025H1 的报送记录重复：第2行为 2025-07-10，本行为 2025-07-20/);
  assert.match(await section.getByTestId('reports-counts').textContent(), /无效 1；错误 1 处/);
  assert.equal(await section.getByRole('button', { name: '确认导入' }).isDisabled(), true);
  // A good file: imported and saved.
  section = await importReports(page, file('new.csv', RH + '区城管委,R23,2025H1,2025-07-20\r\n'));
  await section.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入报送记录：新增 1，更新 0，已保存到浏览器' }).waitFor();
  // An older file moves 报送日 back: before → after, flagged; the agency with a zero-width space is the same one.
  section = await importReports(page, file('old.csv', RH + '区城管委\u200b,R23,2025H1,2025-07-10\r\n区城管委\u200b,R24,2025Q3,2025-10-15\r\n'));
  const changes = section.getByTestId('reports-changes');
  await changes.waitFor();
  assert.match(await changes.textContent(), /区城管委.*2025H1.*2025-07-20 → 2025-07-10/);
  assert.match(await section.getByTestId('reports-moves-back').textContent(), /1 条会把报送日改早/);
  assert.match(await section.getByTestId('reports-lookalikes').textContent(), /「区城管委⟨U\+200B⟩」与已有机关「区城管委」相同/);
  await shot(page, '45-reports-preview');
  await section.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '新增 1，更新 1' }).waitFor();
  const log = (await stored(page)).report_log;
  assert.deepEqual(log.map((e) => e.agency), ['区城管委', '区城管委'], 'one agency, no second one with a hidden character');
  await ctx.close();
});

test('issue 22: reports.csv with 100,000 bad rows lists 200 errors and a count, not 200,000 items', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-11-01' });
  let text = RH;
  for (let i = 0; i < 100000; i++) text += `机关${i},R23,2025X,\r\n`;
  const section = await importReports(page, file('bad.csv', text));
  const list = section.getByTestId('reports-error-list');
  await list.waitFor({ timeout: 60000 });
  assert.equal(await list.locator('li').count(), 200);
  assert.match(await list.getByTestId('list-more').textContent(), /另有 199800 处未列出/);
  // One row more than the limit is refused whole.
  const more = await importReports(page, file('big.csv', RH + `区城管委,R23,2025H1,2025-07-10\r\n`.repeat(100001)));
  await more.getByTestId('reports-file-errors').filter({ hasText: '超过 100000 行' }).waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('reports-preview').count(), 0, 'the earlier preview is gone');
  await ctx.close();
});

test('issue 22: the 40-weekday-holidays cap holds across files, and a refused file clears the earlier preview', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2026-12-21' });
  const section = page.getByTestId('holiday-update');
  await page.getByLabel('通知名称', { exact: true }).fill('国务院办公厅关于2027年部分节假日安排的通知');
  await page.getByLabel('通知发布日期', { exact: true }).fill('2026-11-10');
  const check = async (name, text) => {
    await page.getByLabel('节假日文件').setInputFiles(file(name, text));
    await section.getByRole('button', { name: '检查并预览' }).click();
  };
  await check('a.csv', forty('2027-02-01'));
  await page.getByTestId('holiday-preview').getByTestId('change-review').getByRole('button', { name: '确认' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 40 条节假日安排' }).waitFor();
  // Preview a harmless file (A), then check a second file of 40 (B): B is refused, and A's 确认 is gone.
  await check('ok.csv', 'date,kind,name\r\n2027-10-09,workday,国庆\r\n');
  await page.getByTestId('holiday-preview').waitFor();
  await check('b.csv', forty('2027-06-01'));
  await page.getByTestId('holiday-errors').filter({ hasText: '2027 年在工作日放假 80 天，超过 40 天（其中 40 天是已有的安排）' }).waitFor();
  assert.equal(await page.getByTestId('holiday-preview').count(), 0, "A's preview and its 确认 are gone");
  await shot(page, '45-holiday-cap');
  assert.equal((await stored(page)).holidays.length, 40);
  await ctx.close();
});

test('issue 22: a backup whose holidays cover every day of 1950–2099 restores without them, and lists why', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2026-12-21' });
  const holidays = [];
  for (let d = new Date('1950-01-01T00:00:00Z'); d <= new Date('2099-12-31T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
    holidays.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name: '假' });
  }
  const backup = {
    schema: 2, revision: 0, matters: '案号,案件类型,被告类型,起诉状副本收到日\r\nK1,行政诉讼,本机关,2026-12-20\r\n', agencies: '机关名称\r\n',
    settings: {}, profile: {}, holidays,
    audit: [{ at: '2025-01-01 09:00', user: '张三', case_no: 'K1', field: '原告', old: '', new: '甲' }, { at: 7 }],
  };
  await page.getByLabel('备份文件').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByRole('button', { name: '检查备份' }).click();
  const pv = page.getByTestId('restore-preview');
  await pv.waitFor();
  assert.match(await pv.getByTestId('restore-holidays').textContent(), /54787 条不会恢复.*不在今年前后 5 年/);
  assert.match(await pv.getByTestId('restore-set-aside').textContent(), /1 条记录无法读取.*修改记录/);
  assert.match(await pv.textContent(), /追加节假日 0 条/);
  await shot(page, '45-restore-holidays');
  await pv.getByRole('button', { name: '确认恢复' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已从完整备份恢复' }).waitFor();
  const r = await stored(page);
  assert.equal(r.holidays.length, 0);
  assert.equal(r.audit.length, 1);
  assert.equal(r.set_aside.length, 1, 'the unreadable entry is kept, not dropped');
  await page.goto(h.base + '#/case/K1');
  assert.equal(await page.locator('.timeline [data-rule="R14"] [data-testid="due"]').textContent(), '2027-01-04', 'due dates are not moved to 2100');
  await ctx.close();
});

test('issue 22: 报表 for an agency no matter names warns and offers the nearest name', async () => {
  const { page, ctx } = await h.open('', { today: '2025-08-01' });
  await seed(page, {
    schema: 2, revision: 1, agencies: '机关名称\r\n', settings: {}, profile: { agency: '区城管' },
    matters: '案号,案件类型,被告类型,所属机关,起诉状副本收到日\r\nA,行政诉讼,本机关,区城管委,2025-02-10\r\n',
  });
  await page.getByRole('link', { name: '报表', exact: true }).click();
  const warn = page.getByTestId('agency-unknown');
  await warn.waitFor();
  assert.match(await warn.textContent(), /机关「区城管」在案件数据中没有任何案件：本报表各项均为 0，公文将以「区城管」落款/);
  await shot(page, '45-agency-unknown');
  await warn.getByRole('button', { name: '改看「区城管委」' }).click();
  await page.getByTestId('agency-unknown').waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('机关', { exact: true }).inputValue(), '区城管委');
  await ctx.close();
});

test('issue 22: a stored register with lookalike 案号 loads them flagged; merging makes saving work', async () => {
  const { page, ctx, log } = await h.open('', { today: '2025-08-01' });
  await seed(page, {
    schema: 2, revision: 1, agencies: '机关名称\r\n', settings: {}, profile: {},
    matters: '案号,案件类型,被告类型,原告,案由\r\n（2025）京0112行初1号,行政诉讼,本机关,甲,\r\n(2025)京0112行初1号,行政诉讼,本机关,乙,处罚\r\n',
  });
  const banner = page.getByTestId('stored-lookalikes');
  await banner.waitFor();
  assert.match(await banner.textContent(), /1 组案件的案号写法不同/);
  await shot(page, '45-stored-lookalikes');
  await banner.getByRole('button', { name: '将「(2025)京0112行初1号」并入「（2025）京0112行初1号」' }).click();
  await page.getByTestId('stored-lookalikes-message').filter({ hasText: '两者不同的字段保留了「（2025）京0112行初1号」的值：原告' }).waitFor();
  const r = await stored(page);
  assert.equal(r.matters.trim().split('\r\n').length, 2, 'one matter left');
  await page.goto(h.base + '#/case/' + encodeURIComponent('（2025）京0112行初1号'));
  assert.equal(await page.getByLabel('案由', { exact: true }).inputValue(), '处罚', 'the empty field took the other value');
  await page.getByLabel('备注', { exact: true }).fill('合并后可以保存');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  assert.match((await stored(page)).matters, /合并后可以保存/);
  assert.deepEqual(log.errors, []);
  await ctx.close();
});

test('issue 22: a stored register with one bad holiday date loads the rest and lists the entry', async () => {
  const { page, ctx } = await h.open('', { today: '2026-12-21' });
  await seed(page, {
    schema: 2, revision: 1, agencies: '机关名称\r\n', settings: {}, profile: {},
    matters: '案号,案件类型,被告类型,起诉状副本收到日\r\nH-1,行政诉讼,本机关,2026-12-20\r\n',
    holidays: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-02-30', kind: 'holiday', name: '坏' }],
  });
  const banner = page.getByTestId('set-aside');
  await banner.waitFor();
  assert.match(await banner.textContent(), /1 条记录无法读取/);
  assert.match(await banner.textContent(), /追加节假日：.*2027-02-30/);
  assert.equal(await page.getByTestId('recovery').count(), 0, 'no recovery screen');
  await page.goto(h.base + '#/cases');
  await page.getByRole('link', { name: 'H-1' }).waitFor();
  await ctx.close();
});

test('issue 22: a refused agencies.csv or backup file clears the preview made before it', async () => {
  const { page, ctx } = await h.open('#/exchange', { today: '2025-08-01' });
  const agencies = page.locator('section.block', { hasText: '导入机关名录' });
  await page.getByLabel('名录文件').setInputFiles(file('a.csv', '机关名称,机关类型\r\n区城管委,职能部门\r\n'));
  await agencies.getByRole('button', { name: '检查并预览' }).click();
  await page.getByText('共 1 个机关：新增 1').waitFor();
  await page.getByLabel('名录文件').setInputFiles(file('b.csv', '名称\r\n区住建委\r\n'));
  await agencies.getByRole('button', { name: '检查并预览' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: 'b.csv' }).waitFor();
  assert.equal(await page.getByText('共 1 个机关：新增 1').count(), 0, "a.csv's 确认导入 is gone");
  const backup = { schema: 2, revision: 0, matters: '案号,案件类型,被告类型\r\nK1,行政诉讼,本机关\r\n', agencies: '机关名称\r\n', settings: {}, profile: {} };
  await page.getByLabel('备份文件').setInputFiles({ name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByRole('button', { name: '检查备份' }).click();
  await page.getByTestId('restore-preview').waitFor();
  await page.getByLabel('备份文件').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"schema":') });
  await page.getByRole('button', { name: '检查备份' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: 'bad.json：无法作为完整备份读取' }).waitFor();
  assert.equal(await page.getByTestId('restore-preview').count(), 0, "ok.json's 确认恢复 is gone");
  await ctx.close();
});

test('issue 22: a stored lookalike 案号 can be renamed instead, and both matters save', async () => {
  const { page, ctx } = await h.open('', { today: '2025-08-01' });
  await seed(page, {
    schema: 2, revision: 1, agencies: '机关名称\r\n', settings: {}, profile: {},
    matters: '案号,案件类型,被告类型,原告\r\n（2025）京0112行初1号,行政诉讼,本机关,甲\r\n(2025)京0112行初1号,行政诉讼,本机关,乙\r\n',
  });
  const banner = page.getByTestId('stored-lookalikes');
  await banner.getByLabel('「(2025)京0112行初1号」的新案号').fill('（2025）京0112行初2号');
  await banner.getByRole('button', { name: '改名' }).click();
  await page.getByTestId('stored-lookalikes-message').filter({ hasText: '已将「(2025)京0112行初1号」改为「（2025）京0112行初2号」，已保存' }).waitFor();
  for (const no of ['（2025）京0112行初1号', '（2025）京0112行初2号']) {
    await page.goto(h.base + '#/case/' + encodeURIComponent(no));
    await page.getByLabel('备注', { exact: true }).fill('可以保存');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  }
  const r = await stored(page);
  assert.match(r.matters, /（2025）京0112行初2号,.*乙/);
  assert.equal(r.matters.match(/可以保存/g).length, 2);
  await ctx.close();
});
