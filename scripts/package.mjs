// The release bundle, from a release build in dist/ (scripts/package.sh runs the build first):
//   release/yingsu-<version>.zip
//     yingsu-<version>/yingsu/…        the static site: copy this folder to any static server
//     yingsu-<version>/应诉通.html      the same app in one self-contained file, for opening from disk
//     yingsu-<version>/部署说明.txt
//     yingsu-<version>/SHA256SUMS      `sha256sum -c SHA256SUMS` inside yingsu-<version>/
// Usage: node scripts/package.mjs VERSION [DIST] [OUT]
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { zip } from './zip.mjs';

const [version, dist = 'dist', out = 'release'] = process.argv.slice(2);
if (!version) throw new Error('usage: node scripts/package.mjs VERSION [DIST] [OUT]');

const sha256 = (data, enc = 'hex') => createHash('sha256').update(data).digest(enc);
const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile()).sort();
const read = (f) => readFileSync(join(dist, f));

/** A wasm-bindgen ES module's code without its exports, to be inlined (it must import nothing). */
function moduleBody(readAsset, file) {
  const js = readAsset(file).toString('utf8');
  if (/^import\s/m.test(js)) throw new Error(`${file} imports another module: cannot inline it`);
  return js.replace(/^export \{[^}]*\};?\s*$/gm, '').replace(/^export default [^;]+;\s*$/gm, '').replace(/^export (?=(async )?function |class |const |let )/gm, '');
}

/** One self-contained page: stylesheet, script and WebAssembly inline, a CSP that allows exactly those. */
export function singleFile(indexHtml, readAsset) {
  let html = indexHtml;
  const boot = html.match(/<script type="module" id="boot"[^>]*><\/script>/)?.[0];
  if (!boot) throw new Error('index.html: no boot script');
  const attr = (tag, name) => tag.match(new RegExp(`${name}="([^"]*)"`))[1].replace(/^\.\//, '');
  const jsFile = attr(boot, 'data-js'), wasmFile = attr(boot, 'data-wasm');

  // wasm-bindgen's ES module, without its exports (an inline module exports nothing), then the start.
  const js = moduleBody(readAsset, jsFile);
  const wasm = readAsset(wasmFile).toString('base64');
  // The start: wasm from base64 (wasmBytes, for the on-demand modules too), and what the served page's start
  // does (style/start.js): the same failure messages, and the policy made strict again where the browser
  // knows 'wasm-unsafe-eval' (the file names 'unsafe-eval' too, for Chromium 86–96: it cannot redirect to
  // another page as the served site does). No top-level await: Chromium parses it only from 89.
  const start = `
${moduleBody(readAsset, 'start.js')}
function wasmBytes(base64) {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
window.yingsuStarting = true;
if (!noWebAssembly()) {
  strictWhereKnown();
  __wbg_init({ module_or_path: wasmBytes("${wasm}") }).catch(bootFailed);
}
`;
  // The modules the served page fetches on demand (scripts/build-modules.sh: the Word export, the 报表 and
  // 导入导出 pages) come inside too, each in a scope of its own (their names would clash with the app's) and
  // started only when first needed; style/ondemand.js, the same as the served page's, takes them from here.
  const factory = (name, exported) => `async () => {
${moduleBody(readAsset, `yingsu-${name}.js`)}
  await __wbg_init({ module_or_path: wasmBytes("${readAsset(`yingsu-${name}_bg.wasm`).toString('base64')}") });
  return { ${exported.join(', ')} };
}`;
  const modules = `
const YINGSU_MODULES = {
  docx: ${factory('docx', ['paper_to_docx'])},
  more: ${factory('more', ['mount_page', 'unmount_page'])},
};
window.yingsuFetchModule = (name) => YINGSU_MODULES[name]();
${readAsset('ondemand.js').toString('utf8')}
`;
  const script = `${js}\n${modules}\n${start}`;
  if (/<\/script/i.test(script)) throw new Error('the script contains </script>: cannot inline it');
  const scripts = [script];
  html = html.replace(boot, () => `<script type="module">${script}</script>`);

  // Preloads of the files now inline go; the stylesheet and the icon come inline.
  const styles = [];
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const rel = tag.match(/rel="([^"]*)"/)?.[1];
    const href = tag.match(/href="([^"]*)"/)?.[1]?.replace(/^\.\//, '');
    if (rel === 'stylesheet') {
      const css = readAsset(href).toString('utf8');
      styles.push(css);
      return `<style>${css}</style>`;
    }
    if (rel === 'icon') return `<link rel="icon" href="data:image/svg+xml;base64,${readAsset(href).toString('base64')}">`;
    if (rel === 'modulepreload' || rel === 'preload') return '';
    throw new Error(`index.html: unexpected ${tag}`);
  });
  // The guard (style/guard.js), a classic script: inline, allowed by its hash like the module.
  html = html.replace(/<script src="([^"]*)"><\/script>/, (_, src) => {
    const s = readAsset(src.replace(/^\.\//, '')).toString('utf8');
    scripts.push(s);
    return `<script>${s}</script>`;
  });
  if (/\s(src|href)="(?!data:|#)/.test(html.replace(/<script type="module">[\s\S]*?<\/script>/, ''))) {
    throw new Error('single file still refers to another file');
  }
  const hash = (s) => `'sha256-${sha256(s, 'base64')}'`;
  const csp = [
    "default-src 'none'",
    // 'unsafe-eval' only for Chromium 86–96; removed at start wherever 'wasm-unsafe-eval' is understood.
    `script-src ${scripts.map(hash).join(' ')} 'wasm-unsafe-eval' 'unsafe-eval'`,
    `style-src ${styles.map(hash).join(' ')}`,
    'img-src data: blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  if (!html.includes(csp)) throw new Error('index.html: no CSP meta to replace');
  return html;
}

// IIS serves only the file types it knows: .wasm is not among them on older versions.
const WEB_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<!-- 应诉通：只为 IIS 声明 .wasm 的类型（旧版 IIS 不认识它）；不需要任何 URL 重写规则。 -->
<configuration>
  <system.webServer>
    <staticContent>
      <remove fileExtension=".wasm" />
      <mimeMap fileExtension=".wasm" mimeType="application/wasm" />
    </staticContent>
  </system.webServer>
</configuration>
`;

const notes = (v) => `应诉通 ${v} 部署说明
==============================

应诉通是一个纯静态网页：没有服务器程序、没有数据库，也不连接互联网。规则计算在浏览器内完成，
数据只保存在使用者本人的浏览器中。本压缩包内有两种用法，二选一：

一、放在内网服务器上（推荐，特别是多人共用的电脑）
--------------------------------------------------
1. 把文件夹 yingsu 整个复制到任意静态网站服务器上，例如：
   - IIS：复制到网站目录（如 C:\\inetpub\\wwwroot\\yingsu），或在 IIS 管理器中“添加虚拟目录”指向它；
     文件夹内的 web.config 只为旧版 IIS 声明 .wasm 文件的类型（application/wasm），不含任何重写规则；
   - 其他服务器（nginx、Apache、python -m http.server 等）：直接提供这个文件夹即可，
     如服务器不认识 .wasm，请把它的类型设为 application/wasm。
2. 在浏览器中打开 http://服务器地址/yingsu/ （可以放在任何子路径下）。
   支持 Chromium 86 及以上的浏览器：Chrome、Edge、360 安全浏览器 13 起（极速模式）、奇安信、统信 UOS 浏览器。
   内核低于 97 的浏览器会自动转到同一文件夹中的 compat.html（同一页面、同一份数据，只是安全策略另外允许
   这些旧版本编译 WebAssembly 所需的 'unsafe-eval'）；请不要删除 compat.html。
3. 不需要配置 URL 重写：页面内的地址形如 …/yingsu/#/cases，刷新任何页面都正常。
4. 升级：用新版本的 yingsu 文件夹整体替换旧的即可，用户数据不受影响（数据不在服务器上）。
   升级前请提醒用户在“设置”中导出完整备份。

二、直接打开单个文件（没有服务器时）
------------------------------------
双击“应诉通.html”，用 Chrome、Edge 或 360 浏览器（极速模式）打开（Chromium 86 及以上均可）。这个文件包含全部程序，
可以复制到 U 盘或共享文件夹。第一次打开时页面会说明：数据保存在这台电脑、这个浏览器、这个系统
用户的本地存储中，而不在文件里；复制文件不会带走数据；本机打开的其他网页文件也能读写这份存储。
因此多人共用的电脑请使用第一种方式。

数据在哪里
----------
- 数据保存在每个使用者自己的浏览器（浏览器配置文件）中，按网址区分：同一台电脑上，不同的浏览器、
  不同的系统用户、不同的网址，各有各的数据，互不可见；服务器上没有任何数据。
- 一个网址对应一个登记簿：如需为不同科室或不同机关分别登记，请为每个登记簿提供一个不同的网址
  （例如 /yingsu-城管委/、/yingsu-住建委/，每个文件夹都是 yingsu 的一份副本）。
- 清除浏览器数据会删除登记簿。请定期在“设置”中“导出完整备份”，把备份文件保存在单位的文件服务器上；
  换电脑时在新电脑的“导入导出”页恢复备份。
- 版本号显示在页面底部和“设置 → 关于”中；完整备份和日历文件中也记录了导出它的版本。

校验
----
SHA256SUMS 列出压缩包内每个文件的 SHA-256 校验值。在 Linux 上：sha256sum -c SHA256SUMS；
在 Windows 上：certutil -hashfile 应诉通.html SHA256，与列表中的值比对。
`;

const top = `yingsu-${version}`;
const site = files.map((f) => ({ name: `${top}/yingsu/${f}`, data: read(f) }));
site.push({ name: `${top}/yingsu/web.config`, data: Buffer.from(WEB_CONFIG.replace(/\n/g, '\r\n')) });
const single = singleFile(read('index.html').toString('utf8'), read);
const extra = [
  { name: `${top}/应诉通.html`, data: Buffer.from(single) },
  // A BOM and CRLF: Windows Notepad (also the old one) shows it right.
  { name: `${top}/部署说明.txt`, data: Buffer.from('\ufeff' + notes(version).replace(/\n/g, '\r\n')) },
];
const all = [...site, ...extra];
const sums = all.map(({ name, data }) => `${sha256(data)}  ${name.slice(top.length + 1)}\n`).join('');
all.push({ name: `${top}/SHA256SUMS`, data: Buffer.from(sums) });
const entries = [{ name: `${top}/` }, { name: `${top}/yingsu/` }, ...all];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const zipPath = join(out, `${top}.zip`);
const bytes = zip(entries);
writeFileSync(zipPath, bytes);
console.log(`${zipPath}  ${(bytes.length / 1024).toFixed(0)} KB  sha256 ${sha256(bytes)}`);
console.log(`  应诉通.html ${(single.length / 1024).toFixed(0)} KB; ${site.length} files in yingsu/`);
