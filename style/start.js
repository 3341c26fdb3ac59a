// What starting the app needs on every entry — the served page (style/boot.js, index.html and compat.html)
// and the single file 应诉通.html (scripts/package.mjs inlines this file): a Chinese message instead of a
// blank page when the app cannot start, and the content-security policy kept strict wherever the browser
// understands 'wasm-unsafe-eval'. Must run in Chromium 86: no top-level await, nothing newer than ES2020.

const EMPTY_WASM = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

function showBootMessage(text) {
  if (document.getElementById('crash-banner')) return;
  const msg = document.getElementById('boot-msg') || document.body.appendChild(document.createElement('div'));
  msg.className = 'boot-msg boot-error';
  msg.setAttribute('role', 'alert');
  msg.textContent = text;
}

// Says in Chinese that the app could not start, instead of leaving a blank page.
export function bootFailed(e) {
  console.error(e);
  showBootMessage('应诉通无法启动：' + (e && e.message ? e.message : e) +
    '。您的数据仍保存在本浏览器中。请使用新版 Chrome、Edge 或 360 浏览器（极速模式）打开，或联系技术人员。');
}

/** No WebAssembly at all (IE mode of a dual-engine browser, or a policy that removed it): say which
 *  browser or mode to use. Returns true when that is the case. */
export function noWebAssembly() {
  if (typeof WebAssembly === 'object' && typeof WebAssembly.Module === 'function') return false;
  showBootMessage('当前浏览器或浏览器模式不支持 WebAssembly，无法运行应诉通。请用 Chrome 或 Edge（86 及以上版本）打开本页；' +
    '360 安全浏览器、奇安信可信浏览器等双核浏览器请切换到“极速模式”（地址栏右侧的闪电图标）。您的数据不受影响。');
  return true;
}

/** Whether this document's policy lets the browser compile WebAssembly. Chromium before 97 does not know
 *  'wasm-unsafe-eval' and ignores it, so under a strict policy it refuses every compile. */
export function wasmAllowed() {
  try {
    new WebAssembly.Module(EMPTY_WASM);
    return true;
  } catch (e) {
    return false;
  }
}

/** Whether this browser understands 'wasm-unsafe-eval': an empty module compiled in a blank frame whose
 *  own policy allows WebAssembly through that keyword alone (the frame inherits this page's policy too). */
function knowsWasmUnsafeEval() {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  document.body.appendChild(frame);
  try {
    const doc = frame.contentDocument;
    const meta = doc.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'wasm-unsafe-eval'";
    doc.head.appendChild(meta);
    new frame.contentWindow.WebAssembly.Module(EMPTY_WASM);
    return true;
  } catch (e) {
    return false;
  } finally {
    frame.remove();
  }
}

/** A page whose policy allows 'unsafe-eval' for the sake of Chromium 86–96 (compat.html, 应诉通.html)
 *  drops it again where 'wasm-unsafe-eval' is understood: a second policy, the same script-src without
 *  'unsafe-eval', is added (a page's policies can only be made stricter, never looser). */
export function strictWhereKnown() {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const scriptSrc = ((meta && meta.content) || '').split(';').map((d) => d.trim())
    .find((d) => d.startsWith('script-src ')) || '';
  if (!scriptSrc.includes("'unsafe-eval'") || !knowsWasmUnsafeEval()) return;
  const second = document.createElement('meta');
  second.httpEquiv = 'Content-Security-Policy';
  second.content = scriptSrc.split(/\s+/).filter((s) => s !== "'unsafe-eval'").join(' ');
  document.head.appendChild(second);
}
