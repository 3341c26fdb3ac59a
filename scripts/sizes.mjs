// Prints the transfer size of the built app: wasm, js and css, raw and gzip. The modules fetched on demand
// (yingsu-docx*: the Word export; yingsu-more*: the 报表 and 导入导出 pages) are listed apart, each with its
// own total, and are not in the page's total.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const line = (name, raw, gz) => `${name.padEnd(40)} ${(raw / 1024).toFixed(1).padStart(8)} KB  ${(gz / 1024).toFixed(1).padStart(8)} KB gzip`;
const later = { 'yingsu-docx': '导出 Word 时才下载', 'yingsu-more': '第一次打开“报表”“导入导出”“机关名录”“规则”或“设置”时才下载' };
const sum = { page: [0, 0] };
const rows = { page: [] };
for (const f of readdirSync(dir).sort()) {
  if (!['.wasm', '.js', '.css'].includes(extname(f))) continue;
  const b = readFileSync(join(dir, f));
  const g = gzipSync(b, { level: 9 }).length;
  const k = Object.keys(later).find((p) => f.startsWith(p)) ?? 'page';
  sum[k] ??= [0, 0];
  rows[k] ??= [];
  sum[k][0] += b.length; sum[k][1] += g;
  rows[k].push(line(f, b.length, g));
}
console.log(rows.page.join('\n'));
console.log(line('合计 wasm+js+css（打开页面时下载）', ...sum.page));
for (const [k, when] of Object.entries(later)) {
  if (!rows[k]) continue;
  console.log(`按需加载（${when}）：`);
  console.log(rows[k].join('\n'));
  console.log(line(`合计 ${k}`, ...sum[k]));
}
