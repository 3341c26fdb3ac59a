// Runs only in browsers without ES modules (e.g. 360 browser's IE-compatibility mode), where the app
// cannot start: say what to do instead of leaving "正在加载" forever. Plain ES3 on purpose.
(function () {
  var el = document.getElementById('boot-msg');
  if (el) {
    el.className = 'boot-msg boot-error';
    el.innerHTML = '当前浏览器模式无法运行应诉通。请切换到“极速模式”（360 浏览器地址栏右侧的闪电图标），' +
      '或使用新版 Chrome、Edge 打开本页。您的数据不受影响。';
  }
})();
