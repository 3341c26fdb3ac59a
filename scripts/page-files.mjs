// The page's own files as shipped, made after each build in the staging folder (scripts/build-modules.sh):
// - the start scripts (style/*.js) without their whole-line comments: they are written for maintainers and
//   would be a kilobyte of every first load;
// - compat.html: the built index.html for Chromium 86–96 (360安全浏览器 13, 奇安信 90, UOS 93), which do not
//   know 'wasm-unsafe-eval' and so refuse to compile WebAssembly under index.html's policy. The same page
//   with 'unsafe-eval' beside it; style/boot.js sends a browser there only after a test compile failed, and
//   style/start.js removes 'unsafe-eval' again (a second, stricter policy) where the keyword is understood.
// Usage: node scripts/page-files.mjs DIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const START_SCRIPTS = ['boot.js', 'start.js', 'guard.js', 'ondemand.js'];

/** A script without its whole-line `//` comments and the `/** … *\/` blocks that open a line. */
export function withoutComments(js) {
  return js.replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, '').replace(/^[ \t]*\/\/.*\n/gm, '');
}

export function compatPage(indexHtml) {
  let html = indexHtml.replace(
    /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src [^";]*)'wasm-unsafe-eval'/,
    "$1'wasm-unsafe-eval' 'unsafe-eval'",
  );
  if (!html.includes("'unsafe-eval'")) throw new Error("index.html: no script-src with 'wasm-unsafe-eval'");
  html = html.replace(/<script type="module" id="boot"/, '<script type="module" id="boot" data-compat');
  if (!html.includes('data-compat')) throw new Error('index.html: no boot script');
  return html;
}

const dir = process.argv[2];
if (dir) {
  for (const f of START_SCRIPTS) writeFileSync(join(dir, f), withoutComments(readFileSync(join(dir, f), 'utf8')));
  writeFileSync(join(dir, 'compat.html'), compatPage(readFileSync(join(dir, 'index.html'), 'utf8')));
}
