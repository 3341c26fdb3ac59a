// End-to-end harness: serves dist/ on 127.0.0.1 with the plain static server, drives Debian's Chromium
// through playwright-core (or an older Chromium, `launch(86)`: scripts/old-chromium.mjs), and records every
// request and console error so tests can assert on them.
import { serve } from '../../scripts/static-server.mjs';
import { launch } from '../../scripts/old-chromium.mjs';
import { unzip } from '../../scripts/zip.mjs';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = join(ROOT, 'tests', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Starts the server and the browser; returns helpers. Call `close()` in `after`.
 *  YINGSU_E2E_ROOT / YINGSU_E2E_PATH serve another folder and open the app under a sub-path of it (the
 *  release test runs the smoke test on the unpacked bundle at /yingsu/). */
export async function start() {
  const server = await serve(process.env.YINGSU_E2E_ROOT ?? join(ROOT, 'dist'), 0);
  const base = `http://127.0.0.1:${server.address().port}/${process.env.YINGSU_E2E_PATH ?? ''}`;
  const browser = await launch();
  return {
    base,
    browser,
    /** A new isolated browser context (its own localStorage) with a page on it. */
    async open(path = '', { context = null, today = null } = {}) {
      const ctx = context ?? await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      if (today) await page.clock.setFixedTime(new Date(`${today}T09:00:00`));
      const log = { requests: [], errors: [] };
      page.on('request', (r) => log.requests.push(r.url()));
      page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
      page.on('pageerror', (e) => log.errors.push(String(e)));
      await page.goto(base + path);
      await page.waitForSelector('nav[aria-label="主导航"]');
      return { page, ctx, log };
    },
    /** A 本机关 matter with only 案号 and 起诉状副本收到日 2025-01-20, saved through the form. */
    async quickMatter(page, no) {
      await page.goto(base + '#/case/new');
      await page.getByLabel('案号', { exact: true }).fill(no);
      await page.getByLabel('被告类型', { exact: true }).selectOption('本机关');
      await page.getByLabel('起诉状副本收到日', { exact: true }).fill('2025-01-20');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Unpacks the release bundle (release/yingsu-<version>.zip, scripts/package.sh) into tests/output/NAME;
 *  returns its version and top folder (the site is `top/yingsu/`, the single file `top/应诉通.html`). */
export function unpackRelease(name) {
  const zips = readdirSync(join(ROOT, 'release')).filter((f) => /^yingsu-.+\.zip$/.test(f));
  if (zips.length !== 1) throw new Error(`one bundle in release/ (run scripts/package.sh): ${zips}`);
  const version = zips[0].slice('yingsu-'.length, -'.zip'.length);
  const out = join(ROOT, 'tests', 'output', name);
  rmSync(out, { recursive: true, force: true });
  for (const { name: entry, data } of unzip(readFileSync(join(ROOT, 'release', zips[0])))) {
    const path = join(out, entry);
    if (entry.endsWith('/')) mkdirSync(path, { recursive: true });
    else { mkdirSync(dirname(path), { recursive: true }); writeFileSync(path, data); }
  }
  return { version, top: join(out, `yingsu-${version}`) };
}

export { launch };

/** Clicks 保存 on the case form and waits for 已保存, confirming the review a save that moves due dates
 *  asks for first. */
export async function saveConfirmed(page) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const review = page.getByTestId('review');
  await Promise.race([
    page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor(),
    review.waitFor().then(() => review.getByRole('button', { name: /确认/ }).click()),
  ]);
  await page.getByTestId('case-message').filter({ hasText: '已保存' }).waitFor();
}

/** Clicks 保存设置 and waits for 设置已保存, confirming first the list of moved obligations that a change of the
 *  settings shows when open due dates move (RULES.md §6.16); else it saves at once. */
export async function saveSettingsConfirmed(page) {
  await page.getByRole('button', { name: '保存设置' }).click();
  const review = page.getByTestId('change-review');
  await Promise.race([
    page.getByTestId('settings-message').filter({ hasText: '设置已保存' }).waitFor(),
    review.waitFor().then(() => review.getByRole('button', { name: '确认' }).click()),
  ]);
  await page.getByTestId('settings-message').filter({ hasText: '设置已保存' }).waitFor();
}

export const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

/** The bytes of a Playwright download. */
export async function readDownload(d) {
  const chunks = await (await d.createReadStream()).toArray();
  return Buffer.concat(chunks);
}
