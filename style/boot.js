// Starts the WebAssembly app. A same-origin file (not an inline script) so the page's CSP can forbid
// inline scripts. If the app cannot start, say so in Chinese instead of leaving a blank page.
import './ondemand.js';

const boot = document.getElementById('boot');
try {
  const app = await import(boot.dataset.js);
  await app.default({ module_or_path: boot.dataset.wasm });
  // Only the benchmark's build (scripts/bench.sh, --features bench) has these entry points.
  if ('bench_parse' in app) window.yingsuWasm = app;
} catch (e) {
  console.error(e);
  if (!document.getElementById('crash-banner')) {
    const msg = document.getElementById('boot-msg') ?? document.body.appendChild(document.createElement('div'));
    msg.className = 'boot-msg boot-error';
    msg.setAttribute('role', 'alert');
    msg.textContent = '应诉通无法启动：' + (e && e.message ? e.message : e) +
      '。您的数据仍保存在本浏览器中。请使用新版 Chrome、Edge 或 360 浏览器（极速模式）打开，或联系技术人员。';
  }
}
