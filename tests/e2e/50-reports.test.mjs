// Reports computed from the register: figures on the page equal the CLI's, print layouts look right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, shot } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIX = join(HERE, 'fixtures', 'report-cases.csv');
const CLI = ['debug', 'release'].map((p) => join(HERE, '..', '..', 'target', p, 'yingsu')).find(existsSync);
let h;
before(async () => { h = await start(); });
after(async () => { await h?.close(); });

async function loaded(today = '2025-07-15') {
  const { page, ctx } = await h.open('#/exchange', { today });
  await page.getByLabel('案件文件').setInputFiles(FIX);
  await page.getByRole('button', { name: '检查并预览' }).first().click();
  await page.getByTestId('preview').getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已导入 12 个案件' }).waitFor();
  await page.getByRole('link', { name: '报表', exact: true }).click();
  return { page, ctx };
}

test('half-year report: figures by hand, equal to the CLI, printable', async () => {
  const { page, ctx } = await loaded();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  await page.getByLabel('半年期间').selectOption('2025H1');
  const ind = async (k) => (await page.getByTestId(`ind-${k}`).locator('.n').textContent()).trim();
  // RULES.md §4.1 (r2): the 司法建议 D is not a 新收案件; H (no 所属机关) counts under its 应诉承办机关;
  // 法院 and 复议 apart: 败诉率 = (P1 + D2) / 5 法院审结 = 40.0%.
  assert.equal(await ind('新收案件数'), '5');
  assert.equal(await ind('审结案件数'), '6');
  assert.equal(await ind('败诉率'), '40.0%');
  // (r3 §7.8) B's 复议 hearing is reported as 复议听证数, not in the 出庭 figures: A of A.
  assert.equal(await ind('负责人出庭率'), '100.0%');
  assert.match(await page.getByTestId('review-rate').textContent(), /复议纠错率 100\.0%/);
  assert.match(await page.getByTestId('performance').textContent(), /应履行 3 件，已履行 2 件（其中逾期履行 1 件），未履行 1 件/);
  assert.match(await page.getByTestId('half-report').textContent(), /程序违法/);
  assert.ok(CLI, 'the yingsu binary is built by cargo test before the e2e tests');
  const cli = execFileSync(CLI, ['report', 'half-year', '--period', '2025H1', '--agency', '区城管委', '--today', '2025-07-15', FIX]).toString('utf8');
  for (const k of ['新收案件数', '审结案件数', '胜诉数', '败诉数', '部分败诉数', '撤诉数', '败诉率', '开庭案件数', '负责人出庭案件数', '负责人出庭率']) {
    const line = cli.split('\r\n').find((l) => l.includes(`,${k},`));
    assert.equal(line.split(',')[3], await ind(k), `${k}: page equals CLI`);
  }
  await shot(page, '50-half-year');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(HERE, '..', 'screenshots', '51-half-year-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('报送日期').fill('2025-07-14');
  await page.getByRole('button', { name: '标记已报送' }).click();
  await page.getByTestId('submitted').filter({ hasText: '已于 2025-07-14 报送' }).waitFor();
  await ctx.close();
});

test('quarterly lost-case report includes the 村委会 matter; empty quarter says 0', async () => {
  const { page, ctx } = await loaded();
  await page.getByRole('tab', { name: '季度败诉报告' }).click();
  await page.getByLabel('季度').selectOption('2025Q1');
  assert.match(await page.getByTestId('quarter-count').textContent(), /2 件，其中涉及村委会 1 件/);
  await page.getByLabel('季度').selectOption('2025Q2');
  assert.match(await page.getByTestId('quarter-count').textContent(), /0 件/, 'the lost 复议 B is not a 败诉判决');
  assert.match(await page.getByTestId('quarter-review').textContent(), /B/);
  await page.getByLabel('季度').selectOption('2024Q4');
  assert.match(await page.getByTestId('quarter-count').textContent(), /0 件/);
  await shot(page, '52-quarter');
  await ctx.close();
});

test('annual assessment opens the matters behind a figure; self-check gives a verdict; district view compares', async () => {
  const { page, ctx } = await loaded();
  await page.getByRole('tab', { name: '年度出庭与考核' }).click();
  await page.getByLabel('年度').selectOption('2025');
  const annual = page.getByTestId('annual-report');
  await annual.waitFor();
  assert.match(await annual.textContent(), /区城管委/);
  await annual.locator('details').first().click();
  await shot(page, '53-annual');
  await page.getByRole('tab', { name: '报送前自查' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  assert.match(await page.getByTestId('verdict').textContent(), /需先处理 \d+ 项/);
  assert.match(await page.getByTestId('self-check').textContent(), /填写「起诉状副本收到日」/);
  await shot(page, '54-self-check');
  await page.getByRole('tab', { name: '全区对比' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption('全部');
  await page.getByLabel('半年期间').selectOption('2025H1');
  const district = page.getByTestId('district');
  assert.match(await district.textContent(), /区住建委/);
  assert.equal(await district.locator('svg[role="img"]').count(), 1);
  await shot(page, '55-district');
  await ctx.close();
});
