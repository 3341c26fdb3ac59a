// Prints the transfer size of the built app: wasm, js and css, raw and gzip. The Word export module
// (yingsu-docx*, fetched only when a user asks for a .docx) is listed apart and not in the page's total.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const line = (name, raw, gz) => `${name.padEnd(40)} ${(raw / 1024).toFixed(1).padStart(8)} KB  ${(gz / 1024).toFixed(1).padStart(8)} KB gzip`;
const sum = { page: [0, 0], later: [0, 0] };
const rows = { page: [], later: [] };
for (const f of readdirSync(dir)) {
  if (!['.wasm', '.js', '.css'].includes(extname(f))) continue;
  const b = readFileSync(join(dir, f));
  const g = gzipSync(b, { level: 9 }).length;
  const k = f.startsWith('yingsu-docx') ? 'later' : 'page';
  sum[k][0] += b.length; sum[k][1] += g;
  rows[k].push(line(f, b.length, g));
}
console.log(rows.page.join('\n'));
console.log(line('合计 wasm+js+css', ...sum.page));
if (rows.later.length) {
  console.log('按需加载（导出 Word 时才下载）：');
  console.log(rows.later.join('\n'));
  console.log(line('合计 Word 导出模块', ...sum.later));
}
