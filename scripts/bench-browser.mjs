// The browser half of scripts/bench.sh: WebAssembly timings next to PapaParse on the same CSV text,
// first render of 总览 with 10,000 stored matters, and the stored size of 10,000 and 20,000 matters.
import { readFileSync } from 'node:fs';
import { serve } from './static-server.mjs';
import { launch } from './old-chromium.mjs';

const server = await serve(process.argv[2] ?? 'dist-bench', 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
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

// Interaction with N stored matters, in-page timings (click → the DOM shows the result → the next frame).
const OVERVIEW = '#sec-已逾期 table, #sec-已逾期 .empty';
const CASES = '.cases-table tbody tr';
const SCHEDULE = '.schedule .days, .schedule .empty';
const inPage = (p, fn, arg) => p.evaluate(fn, arg);
// Clicks `click` (a selector; `button=Text` for a button by its text) in the page, then resolves when
// `wait` (a selector, optionally with `text` in it) is in the DOM and one more frame has been drawn.
const timed = (p, click, wait, text = null) => p.evaluate(([click, wait, text]) => new Promise((resolve) => {
  const find = (sel) => sel.startsWith('button=')
    ? [...document.querySelectorAll('button')].find((b) => b.textContent === sel.slice(7))
    : document.querySelector(sel);
  const done = () => { const e = document.querySelector(wait); return !!e && (text === null || e.textContent.includes(text)); };
  const t0 = performance.now();
  const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
  const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); finish(); } });
  obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  find(click).click();
  if (done()) { obs.disconnect(); finish(); }
}), [click, wait, text]);

async function interaction(n, store, runs) {
  const first = [], save = [], floor = [], toCases = [], toOverview = [], toSchedule = [], fromSchedule = [];
  let storedUnits = 0;
  for (let i = 0; i < runs; i++) {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await c.addInitScript(([s, sel]) => {
      if (!localStorage.getItem('yingsu.register')) { localStorage.setItem('yingsu.register', s); localStorage.setItem('yingsu.revision', '1'); }
      // Navigation start → 总览's first table in the DOM → the next frame drawn.
      window.__firstRender = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (document.querySelector(sel)) { obs.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))); }
        });
        document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { subtree: true, childList: true }));
      });
    }, [store, OVERVIEW]);
    const p = await c.newPage();
    await p.clock.setFixedTime(new Date('2026-11-29T09:00:00'));
    await p.goto(base);
    first.push(await inPage(p, () => window.__firstRender));
    // 总览 → 案件 → 总览
    toCases.push(await timed(p, 'nav a[href="#/cases"]', CASES));
    toOverview.push(await timed(p, 'nav a[href="#/"]', OVERVIEW));
    // 总览 → 日程 → 总览
    toSchedule.push(await timed(p, 'nav a[href="#/schedule"]', SCHEDULE));
    fromSchedule.push(await timed(p, 'nav a[href="#/"]', OVERVIEW));
    // One matter edited and saved: click 保存 → "已保存".
    const href = await p.evaluate(() => document.querySelector('#sec-已逾期 table tbody a').getAttribute('href'));
    await p.goto(base + href);
    await p.getByLabel('备注', { exact: true }).fill(`基准测试修改 ${i}`);
    save.push(await timed(p, 'button=保存', '[data-testid="case-message"]', '已保存'));
    // The floor: a bare setItem of the same stored text (made different by one space, so the browser writes it).
    const f = await inPage(p, () => {
      const text = localStorage.getItem('yingsu.register');
      let best = Infinity;
      for (let k = 0; k < 5; k++) {
        const t = performance.now();
        localStorage.setItem('yingsu.register', k % 2 ? text : text + ' ');
        best = Math.min(best, performance.now() - t);
      }
      localStorage.setItem('yingsu.register', text);
      return [best, text.length];
    });
    floor.push(f[0]);
    storedUnits = f[1];
    await c.close();
  }
  const b = (xs) => Math.min(...xs);
  return { n, first: b(first), toCases: b(toCases), toOverview: b(toOverview), toSchedule: b(toSchedule), fromSchedule: b(fromSchedule), save: b(save), floor: b(floor), storedUnits };
}

console.log(`\n## Interaction (best of ${process.env.RUNS ?? 5} runs, ms; click → result drawn)`);
console.log('| matters | first render of 总览 | 总览 → 案件 | 案件 → 总览 | 总览 → 日程 | 日程 → 总览 | save one edited matter | bare setItem of the same text (floor) | save ÷ floor | stored M units |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const page2 = await (await browser.newContext({ bypassCSP: true })).newPage();
await page2.goto(base);
await page2.waitForFunction(() => window.yingsuWasm);
let prevI = null;
for (const n of [1000, 10000, 20000]) {
  const store = await page2.evaluate((n) => window.yingsuWasm.bench_synth_store(n, 2026), n);
  const r = await interaction(n, store, Number(process.env.RUNS ?? 5));
  const f = (x) => x.toFixed(0);
  console.log(`| ${n} | ${f(r.first)} | ${f(r.toCases)} | ${f(r.toOverview)} | ${f(r.toSchedule)} | ${f(r.fromSchedule)} | ${f(r.save)} | ${r.floor.toFixed(1)} | ${r.floor >= 0.1 ? (r.save / r.floor).toFixed(1) + '×' : '—'} | ${(r.storedUnits / 1e6).toFixed(2)} |`);
  if (prevI) console.error(`  growth ×${n / prevI.n} → first render ×${(r.first / prevI.first).toFixed(1)}, 总览→案件 ×${(r.toCases / prevI.toCases).toFixed(1)}, save ×${(r.save / prevI.save).toFixed(1)}`);
  prevI = r;
}

{
  const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await c.addInitScript((s) => { if (!localStorage.getItem('yingsu.register')) { localStorage.setItem('yingsu.register', s); localStorage.setItem('yingsu.revision', '1'); } }, store10k);
  const p = await c.newPage();
  await p.clock.setFixedTime(new Date('2026-11-29T09:00:00'));
  await p.goto(base + '#/cases');
  await p.waitForSelector(CASES, { timeout: 60000 });
  const before = await p.getByTestId('case-count').textContent();
  const t0 = Date.now();
  await p.getByLabel('搜索（案号、原告、案由）').fill('王某');
  await p.waitForFunction((b) => document.querySelector('[data-testid="case-count"]')?.textContent !== b, before);
  console.log(`- 案件 search box with 10,000 matters: typing a query → filtered table in ${Date.now() - t0} ms`);
  await c.close();
}
await browser.close();
server.close();
