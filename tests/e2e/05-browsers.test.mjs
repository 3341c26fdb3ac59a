// The browsers agencies actually run (issue 18): 360安全浏览器 13 is Chromium 86, 奇安信 90, UOS 93, Windows 7
// stops at Chrome 109. The smoke walk — start, a matter with its due date, a reload, cases.csv, a backup
// restored, 报表 exported as Word — runs on Chromium 86, 92, 109 (headless builds from npm packages,
// scripts/old-chromium.mjs) and Debian's current one, on the served site and on 应诉通.html from file://.
// Current Chromium keeps a strict policy (no 'unsafe-eval' where 'wasm-unsafe-eval' is understood), and a
// browser that cannot run the app says so in Chinese instead of loading forever.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, shot, unpackRelease } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';
import { unzip } from '../../scripts/zip.mjs';

const BROWSERS = [86, 92, 109, null]; // null: Debian's current Chromium
const label = (major) => (major ? `Chromium ${major}` : 'current Chromium');
let server, site, singleFile;

before(async () => {
  const { top } = unpackRelease('browsers');
  server = await serve(join(top, 'yingsu'), 0);
  site = `http://127.0.0.1:${server.address().port}/`;
  singleFile = pathToFileURL(join(top, '应诉通.html')).href;
});
after(async () => { await new Promise((r) => server?.close(r)); });

// Files the page hands to the browser as downloads, kept in the page instead (a blob URL clicked through an
// <a download>): Chromium 86 does not report downloads over CDP, and the walk reads them the same way
// everywhere. Test instrumentation, added before the page's own scripts run.
const KEEP_DOWNLOADS = () => {
  const blobs = new Map();
  window.__downloads = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = function (blob) { const url = create.call(URL, blob); blobs.set(url, blob); return url; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && blobs.has(this.href)) window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
    else click.call(this);
  };
};

/** The next file the page offered as a download after `action`: its name and bytes. */
async function download(page, action) {
  const before = await page.evaluate(() => window.__downloads.length);
  await action();
  await page.waitForFunction((n) => window.__downloads.length > n, before);
  const { name, base64 } = await page.evaluate(async (n) => {
    const { name, blob } = window.__downloads[n];
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return { name, base64: btoa(bin) };
  }, before);
  return { name, bytes: Buffer.from(base64, 'base64') };
}

/** A page with requests and console errors recorded: on a new context on current Chromium, on the one
 *  context of an older build (each test launches its own, with a fresh profile). */
async function openPage(browser, url) {
  const ctx = browser.major ? browser.contexts()[0] : await browser.newContext({ locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(KEEP_DOWNLOADS);
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('nav[aria-label="主导航"]', { timeout: 30000 });
  return { page, log, close: () => (browser.major ? page.close() : ctx.close()) };
}

/** Whether the page's policy refuses to run a string as code (what 'unsafe-eval' would allow): a string
 *  timer, checked by the page's policy when it is set (a direct eval from the test would not be). */
const evalRefused = (page) => page.evaluate(() => new Promise((resolve) => {
  window.__ran = false;
  setTimeout('window.__ran = true', 0);
  setTimeout(() => resolve(!window.__ran), 100);
}));

/** The walk of a new user, at `entry` (the served site's address, or the single file's). */
async function walk(browser, entry, name) {
  const { page, log, close } = await openPage(browser, entry);
  // The document the browser ended on (compat.html where the strict page could not compile).
  const here = page.url().split('#')[0];
  const at = (route) => here + route;

  await page.goto(at('#/case/new'));
  await page.getByLabel('案号', { exact: true }).fill('（2025）京0112行初86号');
  await page.getByLabel('被告类型', { exact: true }).selectOption('本机关');
  await page.getByLabel('所属机关', { exact: true }).fill('区城管委');
  await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
  const due = () => page.locator('.timeline [data-rule="R14"] [data-testid="due"]').textContent();
  assert.equal(await due(), '2025-02-05', 'R14: 15 days from 2025-01-20, 春节 rolled');

  await page.reload();
  await page.waitForSelector('nav[aria-label="主导航"]');
  assert.equal(await page.getByLabel('案号', { exact: true }).inputValue(), '（2025）京0112行初86号', 'kept over a reload');
  assert.equal(await due(), '2025-02-05');

  await page.goto(at('#/exchange'));
  const csv = (await download(page, () => page.getByRole('button', { name: '导出案件台账 cases.csv' }).click())).bytes.toString('utf8');
  assert.ok(csv.startsWith('\ufeff') && csv.includes('（2025）京0112行初86号'), 'cases.csv with BOM and the matter');

  const backup = (await download(page, () => page.getByRole('button', { name: '导出完整备份' }).first().click())).bytes;
  await page.getByLabel('备份文件').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: backup });
  await page.getByRole('button', { name: '检查备份' }).click();
  const preview = page.getByTestId('restore-preview');
  assert.match(await preview.textContent(), /案件 1 个/);
  await preview.getByRole('button', { name: '确认恢复' }).click();
  await page.getByTestId('exchange-message').filter({ hasText: '已从完整备份恢复' }).waitFor();

  await page.goto(at('#/reports'));
  await page.getByLabel('机关', { exact: true }).selectOption('区城管委');
  const docx = await download(page, () => page.getByRole('button', { name: '导出 Word（.docx）' }).click());
  assert.match(docx.name, /^半年报告-区城管委-.+\.docx$/);
  const xml = unzip(docx.bytes).find((f) => f.name === 'word/document.xml');
  assert.ok(xml && xml.data.toString('utf8').includes('区城管委'), 'a .docx whose text names the agency');

  const own = entry.startsWith('file:') ? entry.split('#')[0] : site;
  const elsewhere = log.requests.filter((u) => !u.startsWith(own) && !/^(data|blob|about):/.test(u));
  assert.deepEqual(elsewhere, [], 'requests to anywhere else');
  // Allowed, and only in older builds: Chromium before 97 says once per policy that it does not know
  // 'wasm-unsafe-eval' (the reason compat.html exists); Chromium 9x's own datalist shadow tree on an
  // <input list> (出庭负责人职务) sets a style attribute that the page's style-src refuses — the browser's
  // bug, the list still works.
  const errors = log.errors.filter((e) => !(browser.major < 97 && /invalid source: ''wasm-unsafe-eval''/.test(e))
    && !(browser.major < 100 && /Refused to apply inline style.*style attributes/s.test(e)));
  assert.deepEqual(errors, [], 'console errors');
  await shot(page, `05-${name}-reports`);
  const compat = here.endsWith('compat.html');
  const refused = await evalRefused(page);
  await close();
  return { compat, refused };
}

for (const major of BROWSERS) {
  test(`${label(major)}: the served site — start, a matter and its due date, reload, cases.csv, backup restored, 报表 as Word`, async () => {
    const browser = await launch(major);
    try {
      const { compat, refused } = await walk(browser, site, `served-${major ?? 'current'}`);
      // Chromium before 97 cannot compile WebAssembly under index.html's policy: it runs compat.html.
      assert.equal(compat, major !== null && major < 97, 'compat.html only where the strict page cannot compile');
      assert.equal(refused, major === null || major >= 97, "eval refused wherever 'wasm-unsafe-eval' is understood");
    } finally {
      await browser.close();
    }
  });

  test(`${label(major)}: 应诉通.html from file:// — the same walk`, async () => {
    const browser = await launch(major);
    try {
      const { refused } = await walk(browser, singleFile, `file-${major ?? 'current'}`);
      assert.equal(refused, major === null || major >= 97, "the file drops 'unsafe-eval' where 'wasm-unsafe-eval' is understood");
    } finally {
      await browser.close();
    }
  });
}

test('current Chromium receives a strict policy: index.html names no unsafe-eval, compat.html is tightened on arrival', async () => {
  const index = await (await fetch(site + 'index.html')).text();
  const policy = index.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(policy, /unsafe-eval'[^;]*unsafe-eval|'unsafe-eval'|unsafe-inline|https?:|\*/);
  assert.match(index, /<meta name="renderer" content="webkit">/, "dual-engine browsers pick their Chromium engine");

  const browser = await launch();
  try {
    // A current browser that lands on compat.html (a bookmark from an old PC) is made strict there too.
    const { page, log, close } = await openPage(browser, site + 'compat.html');
    assert.equal(await evalRefused(page), true, 'compat.html refuses eval in a current browser');
    assert.ok(page.url().includes('compat.html'), 'and stays there: nothing to redirect');
    assert.deepEqual(log.errors.filter((e) => !/unsafe-eval|Refused to evaluate/.test(e)), []);
    await close();
    // index.html is not sent anywhere else.
    const again = await openPage(browser, site);
    assert.ok(!again.page.url().includes('compat.html'));
    assert.ok(!again.log.requests.some((u) => u.includes('compat.html')));
    await again.close();
  } finally {
    await browser.close();
  }
});

test('a browser without WebAssembly, or whose scripts do not load, gets a Chinese message, never an endless 正在加载', async () => {
  const browser = await launch();
  try {
    for (const url of [site, singleFile]) {
      const ctx = await browser.newContext({ locale: 'zh-CN' });
      // As in a browser mode that has no WebAssembly object (V8's --noexpose_wasm no longer removes it).
      await ctx.addInitScript(() => { delete globalThis.WebAssembly; });
      const page = await ctx.newPage();
      await page.goto(url);
      const msg = page.locator('#boot-msg[role="alert"]');
      await msg.waitFor();
      const text = await msg.textContent();
      assert.match(text, /不支持 WebAssembly/, url);
      assert.match(text, /Chrome 或 Edge（86 及以上版本）/);
      assert.match(text, /极速模式/);
      await shot(page, `05-no-wasm-${url.startsWith('file:') ? 'file' : 'served'}`);
      await ctx.close();
    }
    // The start script itself does not arrive (a proxy that blocks .js, a broken copy of the folder).
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.route('**/boot.js', (r) => r.abort());
    await page.goto(site);
    const msg = page.locator('#boot-msg[role="alert"]');
    await msg.waitFor();
    assert.match(await msg.textContent(), /应诉通无法启动：程序文件未能加载/);
    await ctx.close();
  } finally {
    await browser.close();
  }
});
