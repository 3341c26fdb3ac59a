// The page's modules loaded on demand (scripts/build-modules.sh), each fetched the first time it is needed:
//   window.yingsuDocx(json) → the .docx bytes of a report (crates/docx-wasm)
//   window.yingsuMore.mount(name, host) / .unmount() → the 报表 and 导入导出 pages (crates/more-wasm,
//   src/more.rs); `mount` shows the page only if `host` is still the one wanted once the module is there.
// Served, a module comes from the site (yingsu-<name>.js and _bg.wasm beside the page); in 应诉通.html
// (scripts/package.mjs) from the file itself, through window.yingsuFetchModule.
const fetchModule = window.yingsuFetchModule ?? ((name) =>
  import(new URL(`yingsu-${name}.js`, document.baseURI).href).then(async (m) => {
    await m.default({ module_or_path: new URL(`yingsu-${name}_bg.wasm`, document.baseURI) });
    return m;
  }));
const loaded = {};
// The module's exports; a failure is forgotten, so the next use tries again (e.g. the network came back).
async function use(name) {
  try {
    loaded[name] ??= fetchModule(name);
    return await loaded[name];
  } catch (e) {
    loaded[name] = undefined;
    throw String(e && e.message ? e.message : e);
  }
}
window.yingsuDocx = async (json) => {
  const m = await use('docx');
  try {
    return m.paper_to_docx(json);
  } catch (e) {
    throw String(e && e.message ? e.message : e);
  }
};
let wanted = null;
window.yingsuMore = {
  async mount(name, host) {
    wanted = host;
    const m = await use('more');
    if (wanted === host) m.mount_page(name, host);
  },
  unmount() {
    wanted = null;
    loaded.more?.then((m) => m.unmount_page(), () => {});
  },
};
