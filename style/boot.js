// Starts the WebAssembly app. A same-origin file (not an inline script) so the page's CSP can forbid
// inline scripts. If the app cannot start, say so in Chinese instead of leaving a blank page.
const boot = document.getElementById('boot');
// The Word export (crates/docx-wasm, built by scripts/build-docx.sh) is a second module, fetched the first
// time a user asks for a .docx so the page itself stays small. Takes a report as JSON, gives the bytes.
let docx;
window.yingsuDocx = async (json) => {
  try {
    docx ??= import(new URL('yingsu-docx.js', document.baseURI).href).then(async (m) => {
      await m.default({ module_or_path: new URL('yingsu-docx_bg.wasm', document.baseURI) });
      return m;
    });
    return (await docx).paper_to_docx(json);
  } catch (e) {
    docx = undefined; // try again next time (e.g. the network came back)
    throw String(e && e.message ? e.message : e);
  }
};
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
