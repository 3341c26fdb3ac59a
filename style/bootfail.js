// Says in Chinese that the app could not start, instead of leaving a blank page (style/boot.js, and the
// inline start of 应诉通.html, scripts/package.mjs).
export function bootFailed(e) {
  console.error(e);
  if (!document.getElementById('crash-banner')) {
    const msg = document.getElementById('boot-msg') ?? document.body.appendChild(document.createElement('div'));
    msg.className = 'boot-msg boot-error';
    msg.setAttribute('role', 'alert');
    msg.textContent = '应诉通无法启动：' + (e && e.message ? e.message : e) +
      '。您的数据仍保存在本浏览器中。请使用新版 Chrome、Edge 或 360 浏览器（极速模式）打开，或联系技术人员。';
  }
}
