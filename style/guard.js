// The first script of the page, a classic one in plain ES3 so that every browser runs it: where the app
// cannot start at all, it says why instead of leaving "正在加载" forever.
// - no ES modules (IE mode of a dual-engine browser such as 360安全浏览器's 兼容模式): say which mode to use;
// - the app's module scripts failed to load or to parse (a syntax this browser does not know): say so.
// Everything after that (no WebAssembly, a blocked compile, a failed start) is style/start.js's.
(function () {
  function say(text) {
    var el = document.getElementById('boot-msg');
    if (!el || window.yingsuStarting) return;
    el.className = 'boot-msg boot-error';
    el.setAttribute('role', 'alert');
    el.innerHTML = '';
    el.appendChild(document.createTextNode(text));
  }
  if (!('noModule' in document.createElement('script'))) {
    say('当前浏览器模式无法运行应诉通。请切换到“极速模式”（360 浏览器地址栏右侧的闪电图标），' +
      '或使用新版 Chrome、Edge 打开本页。您的数据不受影响。');
    return;
  }
  // A module that fails to parse reports to window; one that fails to load fires "error" on its script
  // element, seen here in the capture phase.
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (e.message || (t && t.tagName === 'SCRIPT')) {
      say('应诉通无法启动：' + (e.message || '程序文件未能加载（' + (t.src || '') + '）') +
        '。请使用新版 Chrome、Edge 或 360 浏览器（极速模式）打开，或联系技术人员。您的数据不受影响。');
    }
  }, true);
})();
