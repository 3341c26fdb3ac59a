// The browser half of scripts/bench.sh: WebAssembly timings next to PapaParse on the same CSV text,
// first render of 总览 with 10,000 stored matters, and the stored size of 10,000 and 20,000 matters.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serve } from './static-server.mjs';

const server = await serve('dist', 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const papa = readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8');
const QUOTA = 5242880;

// PapaParse is injected only here, for the comparison (the app never loads it).
const ctx = await browser.newContext({ bypassCSP: true });
const page = await ctx.newPage();
await page.goto(base);
await page.waitForFunction(() => window.yingsuWasm);
await page.addScriptTag({ content: papa });

console.log('## WebAssembly in headless Chromium (best of runs, ms)');
console.log('| matters | parse (ours) | PapaParse parse | ratio | parse+validate (ours) | ratio to PapaParse parse | evaluate all | half-year report |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
let prev = null;
for (const n of [1000, 10000, 100000]) {
  const r = await page.evaluate((n) => {
    const w = window.yingsuWasm;
    const csv = w.bench_synth_csv(n, 2026);
    const runs = n >= 100000 ? 3 : 7;
    const best = (f) => { let b = Infinity; for (let i = 0; i < runs; i++) { const t = performance.now(); f(); b = Math.min(b, performance.now() - t); } return b; };
    const parse = best(() => w.bench_parse(csv));
    const papa = best(() => window.Papa.parse(csv, { skipEmptyLines: true }));
    const importMs = best(() => w.bench_import(csv));
    let obligations = 0;
    const evaluate = best(() => { obligations = w.bench_evaluate(); });
    const report = best(() => w.bench_report());
    return { parse, papa, importMs, evaluate, report, obligations };
  }, n);
  const f = (x) => x.toFixed(1);
  console.log(`| ${n} | ${f(r.parse)} | ${f(r.papa)} | ${(r.parse / r.papa).toFixed(2)} | ${f(r.importMs)} | ${(r.importMs / r.papa).toFixed(2)} | ${f(r.evaluate)} | ${f(r.report)} |`);
  if (prev) console.error(`  growth ×10 → parse+validate ×${(r.importMs / prev.importMs).toFixed(1)}, evaluate ×${(r.evaluate / prev.evaluate).toFixed(1)}`);
  prev = r;
}

console.log('\n## Stored size and first render');
const sizes = await page.evaluate(() => [10000, 20000].map((n) => ({ n, units: window.yingsuWasm.bench_synth_store(n, 2026).length })));
for (const { n, units } of sizes) {
  console.log(`- ${n} matters stored: ${(units / 1e6).toFixed(2)} M UTF-16 units = ${(100 * units / QUOTA).toFixed(1)}% of Chromium's quota (${units < QUOTA ? 'fits' : 'DOES NOT FIT'})`);
}
const store10k = await page.evaluate(() => window.yingsuWasm.bench_synth_store(10000, 2026));
await ctx.close();

for (const [label, hash, selector] of [['总览', '#/', '#sec-已逾期 table, #sec-已逾期 .empty'], ['案件', '#/cases', '.cases-table tbody tr']]) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await c.addInitScript((s) => { if (!localStorage.getItem('yingsu.register')) { localStorage.setItem('yingsu.register', s); localStorage.setItem('yingsu.revision', '1'); } }, store10k);
    const p = await c.newPage();
    await p.clock.setFixedTime(new Date('2026-11-29T09:00:00'));
    await p.goto(base + hash);
    await p.waitForSelector(selector, { timeout: 60000 });
    times.push(await p.evaluate(() => performance.now()));
    if (label === '案件' && i === 0) {
      const before = await p.getByTestId('case-count').textContent();
      const t0 = Date.now();
      await p.getByLabel('搜索（案号、原告、案由）').fill('王某');
      await p.waitForFunction((b) => document.querySelector('[data-testid="case-count"]')?.textContent !== b, before);
      console.log(`- 案件 search box: typing a query → filtered table in ${Date.now() - t0} ms`);
    }
    await c.close();
  }
  console.log(`- first render of ${label} with 10,000 stored matters (navigation start → table visible): best ${Math.min(...times).toFixed(0)} ms of 3`);
}
await browser.close();
server.close();
