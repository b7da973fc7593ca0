#!/usr/bin/env node
// Bundles bridge/src/cli.ts into bridge/dist/cli.js (the same build as the root `build:bridge`
// script). `ws` stays an external dependency; protocol/ is bundled in.
// why: the bundle is written to a temporary file and renamed into place, so a bridge started while
// another build runs (parallel test files, `npm pack`) never loads half a file.
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bridgeDir = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${bridgeDir}dist/cli.js`;

/** Builds dist/cli.js; resolves with its path. */
export async function buildBridgeBundle() {
  const tmp = `${bridgeDir}dist/.cli.${process.pid}.${Date.now()}.tmp.js`;
  try {
    await build({
      entryPoints: [`${bridgeDir}src/cli.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: tmp,
      logLevel: 'warning',
    });
    renameSync(tmp, outfile);
  } finally {
    rmSync(tmp, { force: true });
  }
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBridgeBundle();
