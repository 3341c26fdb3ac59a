// Starts the WebAssembly app. A same-origin file (not an inline script) so the page's CSP can forbid
// inline scripts. If the app cannot start, say so in Chinese instead of leaving a blank page.
import './ondemand.js';
import { bootFailed } from './bootfail.js';

const boot = document.getElementById('boot');
try {
  const app = await import(boot.dataset.js);
  await app.default({ module_or_path: boot.dataset.wasm });
  // Only the benchmark's build (scripts/bench.sh, --features bench) has these entry points.
  if ('bench_parse' in app) window.yingsuWasm = app;
} catch (e) {
  bootFailed(e);
}
