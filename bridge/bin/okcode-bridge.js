#!/usr/bin/env node
// The okcode-bridge command; the code lives in the bundle built by `npm run build:bridge`.
import '../dist/cli.js';
