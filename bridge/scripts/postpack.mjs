#!/usr/bin/env node
// After `npm pack`: removes the PWA copy prepack.mjs put in dist/web.
// why: left there, it would shadow web/dist for a bridge run from this checkout, serving a stale app.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

rmSync(fileURLToPath(new URL('../dist/web', import.meta.url)), { recursive: true, force: true });
