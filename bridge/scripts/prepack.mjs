#!/usr/bin/env node
// `npm pack` / `npm publish` of okcode-bridge: bundles the CLI and copies the built PWA (the
// repository's web/dist, made by `npm run build:web`) to dist/web, where the CLI looks first.
// postpack.mjs removes dist/web again, so a checkout keeps serving web/dist itself.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bridgeDir = fileURLToPath(new URL('..', import.meta.url));
const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const shipped = `${bridgeDir}dist/web`;

if (!existsSync(`${webDist}index.html`)) {
  process.stderr.write(
    `okcode-bridge prepack: the built PWA is missing (${webDist}index.html).\n` +
      'Run "npm run build:web" in the repository root, then pack again.\n',
  );
  process.exit(1);
}
// why: imported only now, so the missing-PWA message comes first even where esbuild cannot be found.
const { buildBridgeBundle } = await import('./build.mjs');
await buildBridgeBundle();
// why: copy beside the target and rename, so dist/web is never half there.
const tmp = `${shipped}.${process.pid}.tmp`;
rmSync(tmp, { recursive: true, force: true });
cpSync(webDist, tmp, { recursive: true });
rmSync(shipped, { recursive: true, force: true });
renameSync(tmp, shipped);
