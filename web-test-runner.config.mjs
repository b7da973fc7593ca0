// @ts-check
// Browser tests (`npm run test:browser`): every tests/browser/**/*.test.ts runs in Debian's Chromium.
// why .mjs: @web/config-loader 1.0 only loads .mjs/.cjs/.js configs, and node 20 cannot import .ts.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { axTreePlugin } from './tests/browser/support/ax-tree-plugin.mjs';
import { cjsEsmPlugin } from './tests/browser/support/cjs-esm-plugin.mjs';
import { testReportPlugin } from './tests/browser/support/test-report-plugin.mjs';

const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'tests/browser/**/*.test.ts',
  nodeResolve: true,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // why the base tsconfig and not tsconfig.ui.json: the plugin hands esbuild the file's raw text
      // (tsconfigRaw), which does not follow `extends`; experimentalDecorators and
      // useDefineForClassFields:false live in the base, and Lit's decorators need both.
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    axTreePlugin(),
    testReportPlugin(),
    // highlight.js's ES entry (es/core.js) re-exports its CommonJS lib/core.js.
    cjsEsmPlugin(['json-rpc-2.0', 'highlight.js/lib/core.js']),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: process.env.OKC_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    }),
  ],
  // Mocha's TDD interface (suite/test/setup/teardown), as docs/style.md asks.
  testFramework: { config: { ui: 'tdd', timeout: 10_000 } },
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
};
