// @ts-check
// A test-server plugin that serves CommonJS-only packages as ES modules, bundled by esbuild.
// why: json-rpc-2.0 ships CommonJS; Vite converts it at build time, but the browser test server serves
// files as they are, and Chromium cannot import CommonJS. esbuild's ESM output exposes module.exports as
// the default export, the same shape Vite gives, so product code imports it the same way in both.
import { build } from 'esbuild';

/** @param {string[]} packages package names to convert, or a package's CommonJS file (`pkg/lib/x.js`) */
export function cjsEsmPlugin(packages) {
  const cache = new Map();
  return {
    name: 'okc-cjs-esm',
    /** @param {{ request: { path: string } }} context */
    async serve(context) {
      const pkg = packages.find((p) => context.request.path.includes(`/node_modules/${p}${p.endsWith('.js') ? '' : '/'}`));
      if (!pkg) return undefined;
      if (!cache.has(pkg)) {
        const entry = pkg.endsWith('.js') ? `./node_modules/${pkg}` : pkg;
        const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, platform: 'browser', logLevel: 'silent' });
        cache.set(pkg, out.outputFiles[0]?.text ?? '');
      }
      return { body: cache.get(pkg), type: 'js' };
    },
  };
}
