// The release bundle an agency receives (release/yingsu-<version>.zip, made by scripts/package.sh): the zip
// unpacks into a folder that passes the smoke test from a sub-path (/yingsu/), its checksums hold, and the
// single file 应诉通.html opened from disk (file://) works on its own: a matter survives a reload, nothing is
// requested from anywhere, the version shows, the page says once where its data lives, and 导出 Word works
// (the Word module is inside the file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { unzip } from '../../scripts/zip.mjs';
import { SHOTS, unpackRelease } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let top, version;

before(() => {
  ({ top, version } = unpackRelease('release'));
});

test('the bundle holds the site, 应诉通.html, 部署说明.txt and SHA256SUMS that match every file', () => {
  assert.match(version, /^\d+\.\d+\.\d+-[0-9a-f]{7}(-modified)?-\d{8}$/, 'Cargo version-commit-date');
  const names = readdirSync(top).sort();
  assert.deepEqual(names, ['SHA256SUMS', 'yingsu', '应诉通.html', '部署说明.txt'].sort());
  const site = readdirSync(join(top, 'yingsu'));
  assert.ok(site.includes('index.html') && site.includes('web.config'));
  assert.ok(site.some((f) => f.endsWith('.wasm')) && site.some((f) => f.endsWith('.css')));
  const sums = readFileSync(join(top, 'SHA256SUMS'), 'utf8').trim().split('\n');
  assert.equal(sums.length, site.length + 2, 'every file but SHA256SUMS itself');
  for (const line of sums) {
    const [, hash, path] = line.match(/^([0-9a-f]{64}) {2}(.+)$/);
    assert.equal(createHash('sha256').update(readFileSync(join(top, path))).digest('hex'), hash, path);
  }
  const notes = readFileSync(join(top, '部署说明.txt'), 'utf8');
  assert.ok(notes.includes(version));
  for (const must of ['IIS', '重写', '浏览器', '一个网址对应一个登记簿', '应诉通.html']) assert.ok(notes.includes(must), must);
});

test('the unpacked folder passes the smoke test when served from the sub-path /yingsu/', () => {
  // A test run of its own (not a child of this one: NODE_TEST_CONTEXT would swallow its report).
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', join(ROOT, 'tests', 'e2e', '00-shell.test.mjs')], {
    env: { ...env, YINGSU_E2E_ROOT: top, YINGSU_E2E_PATH: 'yingsu/' },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /# pass [1-9]/);
  assert.match(r.stdout, /# fail 0/);
});

test('应诉通.html from file://: one file, a strict CSP, a matter that survives a reload, the version, the notice once, 导出 Word', async () => {
  const file = join(top, '应诉通.html');
  const html = readFileSync(file, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'self'|https?:|\*/);
  assert.doesNotMatch(html, /\s(src|href)="(?!data:)/, 'no reference to another file');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date('2025-01-21T09:00:00'));
    const requests = [], errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForSelector('nav[aria-label="主导航"]');

    assert.equal(await page.getByTestId('app-version').textContent(), `应诉通 ${version}`);
    const notice = page.getByTestId('file-notice');
    assert.match(await notice.textContent(), /本机文件/);
    assert.match(await notice.textContent(), /多人共用的电脑/);
    await page.screenshot({ path: join(SHOTS, '80-single-file-notice.png') });
    await notice.getByRole('button', { name: '知道了' }).click();
    assert.equal(await notice.count(), 0);

    await page.goto(url + '#/case/new');
    await page.getByLabel('案号', { exact: true }).fill('（2025）京0112行初9号');
    await page.getByLabel('案件类型', { exact: true }).selectOption('行政诉讼');
    await page.getByLabel('被告类型', { exact: true }).selectOption('本机关');
    await page.getByLabel('所属机关', { exact: true }).fill('区城管委');
    await page.getByLabel('原告', { exact: true }).fill('张某');
    await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20');
    await page.getByRole('button', { name: '添加代理人' }).click();
    await page.getByTestId('agent-row').last().getByLabel('姓名').fill('李四');
    await page.getByTestId('agent-row').last().getByLabel('身份').selectOption('工作人员');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();

    await page.reload();
    await page.waitForSelector('nav[aria-label="主导航"]');
    assert.equal(await page.getByLabel('案号', { exact: true }).inputValue(), '（2025）京0112行初9号');
    assert.equal(await page.locator('.timeline [data-rule="R14"] [data-testid="due"]').textContent(), '2025-02-05');
    assert.equal(await page.getByTestId('file-notice').count(), 0, 'the notice is said once');

    await page.goto(url + '#/settings');
    assert.equal(await page.getByTestId('about-version').textContent(), version);
    await page.screenshot({ path: join(SHOTS, '81-single-file-about.png'), fullPage: true });

    // 导出 Word works from the file too: the Word module is inside it, started only now.
    await page.goto(url + '#/reports');
    await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Word（.docx）' }).click();
    const docx = await dl;
    assert.match(docx.suggestedFilename(), /^半年报告-区城管委-.+\.docx$/);
    const bytes = readFileSync(await docx.path());
    const xml = unzip(bytes).find((f) => f.name === 'word/document.xml');
    assert.ok(xml, 'the .docx holds word/document.xml');
    assert.match(xml.data.toString('utf8'), /区城管委/);

    const elsewhere = requests.filter((u) => !u.startsWith(url.split('#')[0]) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(elsewhere, [], 'requests anything but itself');
    assert.deepEqual(errors, [], 'console errors (a CSP violation is one)');
    await ctx.close();
  } finally {
    await browser.close();
  }
});
