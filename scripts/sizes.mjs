// Prints the transfer size of the built app: wasm, js and css, raw and gzip.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';

const dir = process.argv[2] ?? 'dist';
let raw = 0, gz = 0;
const rows = [];
for (const f of readdirSync(dir)) {
  if (!['.wasm', '.js', '.css'].includes(extname(f))) continue;
  const b = readFileSync(join(dir, f));
  const g = gzipSync(b, { level: 9 }).length;
  raw += b.length; gz += g;
  rows.push(`${f.padEnd(40)} ${(b.length / 1024).toFixed(1).padStart(8)} KB  ${(g / 1024).toFixed(1).padStart(8)} KB gzip`);
}
console.log(rows.join('\n'));
console.log(`${'合计 wasm+js+css'.padEnd(36)} ${(raw / 1024).toFixed(1).padStart(8)} KB  ${(gz / 1024).toFixed(1).padStart(8)} KB gzip`);
