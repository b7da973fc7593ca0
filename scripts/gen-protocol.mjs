// Regenerates protocol/codex/_generated from the pinned @openai/codex.
// why: the wire types must come from the binary we test against, never be hand-edited.
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}protocol/codex/_generated`;
const codex = `${root}node_modules/.bin/codex`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(codex, ['app-server', 'generate-ts', '--out', out], { stdio: 'inherit' });
const version = execFileSync(codex, ['--version'], { encoding: 'utf8' }).trim();
const pinned = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).devDependencies['@openai/codex'];
console.log(`generated codex wire types from ${version} (pinned @openai/codex ${pinned}) into ${out}`);
