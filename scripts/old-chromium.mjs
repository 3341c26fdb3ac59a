// Browsers for the end-to-end tests and the benchmark: Debian's current Chromium, and older headless
// builds — Chromium 86, 92 and 109, what 360安全浏览器 13, the UOS browser and Windows 7's last Chrome run —
// taken from npm packages that ship one: nothing is downloaded from anywhere but the npm registry. Each
// package holds bin/chromium.br (brotli) and its libraries as bin/*.tar.br; they are unpacked once into the
// cache folder and reused (idempotent); playwright-core drives them over CDP.
// Usage: node scripts/old-chromium.mjs            installs what is missing, prints one line per version
//        import { launch } from './old-chromium.mjs'   launch() current, launch(86) an older one
import { execFileSync, spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const OLD_CHROMIUMS = [
  { major: 86, pkg: 'chrome-aws-lambda@5.3.1', who: '360安全浏览器 13' },
  { major: 92, pkg: 'chrome-aws-lambda@10.1.0', who: '奇安信 90 / UOS 93 之间' },
  { major: 109, pkg: '@sparticuz/chromium@109.0.6', who: 'Windows 7 上最后的 Chrome' },
];

const CACHE = process.env.YINGSU_CHROMIUM_CACHE ?? join(homedir(), '.cache', 'yingsu-chromium');

/** The folder of one unpacked build: `chromium` and its libraries (LD_LIBRARY_PATH). */
export const oldChromiumDir = (major) => join(CACHE, String(major));
export const oldChromiumPath = (major) => join(oldChromiumDir(major), 'chromium');

function install({ major, pkg }) {
  const dir = oldChromiumDir(major);
  const stamp = join(dir, '.package');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === pkg && existsSync(oldChromiumPath(major))) return 'present';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'yingsu-chromium-'));
  try {
    const tgz = execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, 'package/bin']);
    const bin = join(tmp, 'package', 'bin');
    for (const f of readdirSync(bin).filter((f) => f.endsWith('.br'))) {
      const data = brotliDecompressSync(readFileSync(join(bin, f)));
      if (f.endsWith('.tar.br')) {
        const tar = join(tmp, f.slice(0, -3));
        writeFileSync(tar, data);
        execFileSync('tar', ['-xf', tar, '-C', dir, '--no-same-owner']);
      } else {
        writeFileSync(join(dir, f.slice(0, -3)), data);
      }
    }
    chmodSync(oldChromiumPath(major), 0o755);
    writeFileSync(stamp, pkg);
    return 'installed';
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Debian's current Chromium, or (major = 86, 92, 109) an older headless build from an npm package
 *  (installed by scripts/setup.sh test) driven over CDP; `extraArgs` for either. An older build runs as one
 *  process and has one context (`browser.contexts()[0]`, no `newContext`): launch one per test for a fresh
 *  profile; `browser.major` says which it is. */
export async function launch(major = null, extraArgs = []) {
  // Now and then (1 start in 5 here, more on a busy machine) Playwright's CDP connection to a fresh build
  // never completes although the browser listens: a new browser, up to three times, not a longer wait.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(major, extraArgs);
    } catch (e) {
      if (!major || attempt === 3 || !/connectOverCDP/.test(e.message)) throw e;
    }
  }
}

async function launchOnce(major, extraArgs) {
  if (!major) {
    return chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', ...extraArgs],
    });
  }
  const profile = mkdtempSync(join(tmpdir(), `yingsu-chromium-${major}-`));
  const proc = spawn(oldChromiumPath(major), ['--headless', '--no-sandbox', '--single-process', '--disable-gpu',
    '--no-first-run', '--disable-dev-shm-usage', '--disable-background-networking', '--remote-debugging-port=0',
    `--user-data-dir=${profile}`, ...extraArgs, 'about:blank'], {
    env: { ...process.env, LD_LIBRARY_PATH: `${oldChromiumDir(major)}/lib:${oldChromiumDir(major)}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ws = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium ${major} did not start: ${err}`)), 60000);
    const read = (d) => {
      err = (err + d).slice(-8192);
      const m = err.match(/DevTools listening on (ws:\S+)/);
      if (m) {
        clearTimeout(timer);
        // From here on its log is drained unread: kept, it grew with every line and was searched every time.
        proc.stderr.off('data', read);
        proc.stderr.resume();
        resolve(m[1]);
      }
    };
    proc.stderr.on('data', read);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium ${major} exited (${code}): ${err}`)); });
  }).catch((e) => { proc.kill('SIGKILL'); throw e; });
  // Playwright 1.65's injected scripts call Element.checkVisibility (Chromium 105+): the builds before it
  // are driven by Playwright 1.40 (npm alias playwright-core-140), which checks visibility without it.
  const driver = major < 105 ? (await import('playwright-core-140')).default.chromium : chromium;
  let browser;
  try {
    browser = await driver.connectOverCDP(ws, { timeout: 30000 });
  } catch (e) {
    proc.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  browser.major = major;
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close().catch(() => {});
    proc.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  for (const c of OLD_CHROMIUMS) console.log(`Chromium ${c.major} (${c.pkg}): ${install(c)} — ${oldChromiumPath(c.major)}`);
}
