// Start in the browsers agencies run (issue 18) with 10,000 stored matters: page.goto → 总览's first table
// drawn, measured from Node, best of 3 (Chromium 86–96 go through compat.html, the redirect included).
// The register comes from the benchmark build's synthetic data (dist-bench, --features bench).
// Usage: node scripts/bench-start.mjs [DIR]   (scripts/bench.sh runs it)
import { serve } from './static-server.mjs';
import { launch } from './old-chromium.mjs';

const server = await serve(process.argv[2] ?? 'dist-bench', 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const OVERVIEW = '#sec-已逾期 table, #sec-已逾期 .empty';

const current = await launch();
const maker = await (await current.newContext()).newPage();
await maker.goto(base);
await maker.waitForFunction(() => window.yingsuWasm);
const store10k = await maker.evaluate(() => window.yingsuWasm.bench_synth_store(10000, 2026));
await current.close();

console.log('## Start with 10,000 stored matters, per browser (best of 3, ms: goto → 总览 drawn)');
console.log('| browser | start |');
console.log('|---|---:|');
for (const major of [86, 92, 109, null]) {
  const b = await launch(major);
  const times = [];
  for (let i = 0; i < 3; i++) {
    // An older build has one context: clear its storage between runs instead.
    const ctx = b.major ? b.contexts()[0] : await b.newContext();
    const p = await ctx.newPage();
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.addInitScript((s) => { localStorage.setItem('yingsu.register', s); localStorage.setItem('yingsu.revision', '1'); }, store10k);
    const t0 = Date.now();
    await p.goto(base);
    await p.waitForSelector(OVERVIEW, { timeout: 120000 });
    times.push(Date.now() - t0);
    await p.evaluate(() => localStorage.clear());
    await (b.major ? p.close() : ctx.close());
  }
  console.log(`| Chromium ${major ?? 'current (Debian)'} | ${Math.min(...times)} |`);
  await b.close();
}
server.close();
