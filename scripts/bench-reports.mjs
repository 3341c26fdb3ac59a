// 报表's two district-wide tabs with 10,000 and 20,000 stored matters (issue 21): click the tab → its
// result drawn (the next frame), best of RUNS runs; and 报送前自查's first group opened on request.
// Usage: node scripts/bench-reports.mjs [dist] — needs target/synth-10000.json and target/synth-20000.json
// (cargo run --release -p yingsu-engine --example synth_store N > target/synth-N.json).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serve } from './static-server.mjs';

const server = await serve(process.argv[2] ?? 'dist', 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const timed = (p, tab, wait) => p.evaluate(([tab, wait]) => new Promise((resolve) => {
  const t0 = performance.now();
  const done = () => !!document.querySelector(wait);
  const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
  const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); finish(); } });
  obs.observe(document.body, { subtree: true, childList: true, attributes: true });
  [...document.querySelectorAll('[role="tab"], summary')].find((b) => b.textContent.startsWith(tab)).click();
  if (done()) { obs.disconnect(); finish(); }
}), [tab, wait]);

console.log(`| matters | 报送前自查 (全部机关) | 全区对比 | open the first group of 报送前自查 | items of 报送前自查 | rows drawn |`);
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of [10000, 20000]) {
  const store = readFileSync(`target/synth-${n}.json`, 'utf8');
  const check = [], district = [], group = [];
  let items = '', rows = 0;
  for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) {
    const c = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await c.addInitScript((s) => { if (!localStorage.getItem('yingsu.register')) { localStorage.setItem('yingsu.register', s); localStorage.setItem('yingsu.revision', '1'); } }, store);
    const p = await c.newPage();
    await p.clock.setFixedTime(new Date('2026-11-29T09:00:00'));
    await p.goto(base + '#/reports');
    await p.waitForSelector('[role="tab"]', { timeout: 120000 });
    await p.waitForSelector('[data-testid="district"], [data-testid="half-report"], article.report', { timeout: 120000 });
    check.push(await timed(p, '报送前自查', '[data-testid="self-check"] [data-testid="verdict"]'));
    items = await p.locator('[data-testid="verdict"]').textContent();
    rows = await p.locator('[data-testid="self-check"] tr').count();
    if (await p.locator('[data-testid="check-kind"]').count()) {
      group.push(await timed(p, (await p.locator('[data-testid="check-kind"] summary').first().textContent()), '[data-testid="check-kind"] table'));
    }
    district.push(await timed(p, '全区对比', '[data-testid="district"]'));
    await c.close();
  }
  const b = (xs) => xs.length ? Math.min(...xs).toFixed(0) : '—';
  console.log(`| ${n} | ${b(check)} | ${b(district)} | ${b(group)} | ${items} | ${rows} |`);
}
await browser.close();
server.close();
