// Starts the WebAssembly app. A same-origin file (not an inline script) so the page's CSP can forbid
// inline scripts. If the app cannot start, say so in Chinese instead of leaving a blank page.
// Runs in Chromium 86: no top-level await (Chromium parses it only from 89).
import './ondemand.js';
import { bootFailed, noWebAssembly, wasmAllowed, strictWhereKnown } from './start.js';

const boot = document.getElementById('boot');
window.yingsuStarting = true; // style/guard.js: the module scripts parsed and ran
if (noWebAssembly()) {
  // said
} else if (!wasmAllowed()) {
  // index.html allows WebAssembly only through 'wasm-unsafe-eval', which Chromium before 97 ignores:
  // compat.html, the same page whose policy also names 'unsafe-eval', serves those browsers. Decided by
  // trying, not by the browser's name; the route (#/…) comes along.
  if (boot.dataset.compat === undefined) location.replace('compat.html' + location.search + location.hash);
  else bootFailed(new Error('浏览器禁止编译 WebAssembly（可能是单位的安全策略）'));
} else {
  strictWhereKnown();
  import(boot.dataset.js)
    .then((app) => app.default({ module_or_path: boot.dataset.wasm }).then(() => {
      // Only the benchmark's build (scripts/bench.sh, --features bench) has these entry points.
      if ('bench_parse' in app) window.yingsuWasm = app;
    }))
    .catch(bootFailed);
}
