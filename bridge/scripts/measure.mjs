#!/usr/bin/env node
// Prints the bridge's figures for the ADR: start to ready (excluding codex), resident memory idle and
// while streaming, and the latency the relay adds. Not a test: nothing here passes or fails.
//
//   node bridge/scripts/measure.mjs [--round-trips N]      (Linux: RSS is read from /proc)
//
// It runs the built CLI (rebuilt first) as users do, in front of the mock codex for start and memory,
// and in front of the pinned real codex for latency, which it compares with a direct ws+unix connection
// to the very same codex (its socket is named in the bridge's state record) and with a bare `ws` echo
// hop on loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { buildBridgeBundle } from './build.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'bridge/dist/cli.js');
const MOCK = join(REPO, 'tests/fixtures/codex-mock-peer.mjs');
const CODEX = join(REPO, 'node_modules/.bin/codex');
const ROUND_TRIPS = Number(process.argv[process.argv.indexOf('--round-trips') + 1]) || 2000;
const scratch = mkdtempSync(join(tmpdir(), 'okc-measure-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (x) => `${x.toFixed(x < 10 ? 3 : 0)} ms`;
const mib = (kb) => `${(kb / 1024).toFixed(1)} MiB`;

/** A free loopback port (closed again before use). */
function freePort() {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** kB of a `/proc/<pid>/status` field (VmRSS now, VmHWM peak). */
function procKb(pid, field) {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Starts the CLI; resolves with its port, token, times and a stop function. */
async function startBridge(codexPath, env, port = 0) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, '--port', String(port), '--no-open', '--codex', codexPath], { env, cwd: scratch });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const listening = port === 0 ? Promise.resolve(NaN) : untilPortAccepts(port).then(() => performance.now() - t0);
  const line = await new Promise((done, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) done(out);
    });
    child.on('exit', () => reject(new Error(`bridge exited: ${err}`)));
  });
  const readyMs = performance.now() - t0;
  const m = /:(\d+)\/#token=(\S+)/.exec(line);
  const stop = () => new Promise((done) => (child.kill('SIGTERM'), child.on('exit', done)));
  return { child, port: Number(m[1]), token: m[2], readyMs, listeningMs: await listening, stop };
}

async function untilPortAccepts(port) {
  for (;;) {
    const ok = await new Promise((done) => {
      const s = connect(port, '127.0.0.1', () => (s.destroy(), done(true)));
      s.on('error', () => done(false));
    });
    if (ok) return;
    await sleep(2);
  }
}

/** Opens a browser-like socket to the bridge; resolves once the welcome arrived. */
function openBrowserSocket(port, token) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, ['okcode.v1', `okcode.token.${token}`], { origin: `http://127.0.0.1:${port}` });
  return new Promise((done) => ws.once('message', () => done(ws)));
}

/** Sequential JSON-RPC round trips: `send(text)` then wait for the frame with the same id. */
async function roundTrips(ws, wrap, unwrapId, count) {
  const times = [];
  let pending = null;
  ws.on('message', (data) => {
    if (pending !== null && unwrapId(data.toString()) === pending.id) pending.done();
  });
  for (let i = 0; i < count + 200; i++) {
    const id = 10_000 + i;
    const t = performance.now();
    await new Promise((done) => {
      pending = { id, done };
      ws.send(wrap({ id, method: 'thread/loaded/list', params: {} }));
    });
    if (i >= 200) times.push(performance.now() - t); // the first 200 warm up
  }
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

const viaBridge = { wrap: (msg) => JSON.stringify({ type: 'rpc', msg }), id: (t) => JSON.parse(t).msg?.id };
const direct = { wrap: (msg) => JSON.stringify(msg), id: (t) => JSON.parse(t).id };

async function call(ws, shape, msg) {
  return new Promise((done) => {
    const on = (data) => shape.id(data.toString()) === msg.id && (ws.off('message', on), done());
    ws.on('message', on);
    ws.send(shape.wrap(msg));
  });
}
const INIT = { id: 1, method: 'initialize', params: { clientInfo: { name: 'okcode-measure', title: null, version: '0' } } };

async function measureStart() {
  const env = { ...process.env, XDG_STATE_HOME: join(scratch, 'state-mock') };
  const listening = [];
  const ready = [];
  for (let i = 0; i < 7; i++) {
    const b = await startBridge(MOCK, env, await freePort());
    listening.push(b.listeningMs);
    ready.push(b.readyMs);
    await b.stop();
  }
  const mock = [];
  for (let i = 0; i < 7; i++) {
    const sock = join(scratch, `mock-${i}.sock`);
    const t0 = performance.now();
    const child = spawn(process.execPath, [MOCK, 'app-server', '--listen', `unix://${sock}`]);
    while (!(await new Promise((done) => connect(sock).on('connect', function () { this.destroy(); done(true); }).on('error', () => done(false))))) await sleep(2);
    mock.push(performance.now() - t0);
    child.kill('SIGTERM');
  }
  const bare = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await new Promise((done) => spawn(process.execPath, ['-e', '0']).on('exit', done));
    bare.push(performance.now() - t0);
  }
  return { listening: median(listening), ready: median(ready), mock: median(mock), node: median(bare) };
}

async function measureMemory() {
  const b = await startBridge(MOCK, { ...process.env, XDG_STATE_HOME: join(scratch, 'state-mem') });
  const ws = await openBrowserSocket(b.port, b.token);
  await sleep(500);
  const idle = procKb(b.child.pid, 'VmRSS');
  const count = 20_000;
  let seen = 0;
  const t0 = performance.now();
  await new Promise((done) => {
    ws.on('message', (d) => {
      seen += 1;
      if (seen % 500 === 0) ws.send(JSON.stringify({ type: 'ack', seq: seen })); // as the engine acks
      if (d.toString().includes('"id":77')) done();
    });
    ws.send(viaBridge.wrap({ id: 77, method: 'test/notify', params: { count, size: 1000 } }));
  });
  const secs = (performance.now() - t0) / 1000;
  const peak = procKb(b.child.pid, 'VmHWM');
  ws.close();
  await b.stop();
  return { idle, peak, secs, mbps: (count * 1.05) / 1024 / secs };
}

/**
 * A `ws` echo server in a process of its own (one loopback hop, as the bridge adds), started with
 * node -e; resolves with its port.
 */
async function startEchoProcess() {
  const code = `import { WebSocketServer } from 'ws';
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    wss.on('connection', (ws) => ws.on('message', (d, bin) => ws.send(d, { binary: bin })));
    wss.on('listening', () => console.log(wss.address().port));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: REPO });
  const port = await new Promise((done) => child.stdout.once('data', (c) => done(Number(String(c).trim()))));
  return { child, port };
}

async function measureLatency() {
  const home = mkdtempSync(join(scratch, 'codex-home-'));
  const stateHome = join(scratch, 'state-real');
  const b = await startBridge(CODEX, { ...process.env, CODEX_HOME: home, XDG_STATE_HOME: stateHome });
  const record = JSON.parse(readFileSync(join(stateHome, 'okcode-bridge', readdirSync(join(stateHome, 'okcode-bridge'))[0]), 'utf8'));
  const rows = { bridge: [], direct: [], echo: [] };
  const echo = await startEchoProcess();
  for (let run = 0; run < 2; run++) {
    const browser = await openBrowserSocket(b.port, b.token);
    await call(browser, viaBridge, INIT);
    rows.bridge.push(await roundTrips(browser, viaBridge.wrap, viaBridge.id, ROUND_TRIPS));
    browser.close();
    const codex = new WebSocket(`ws+unix://${record.socketPath}:/`, { perMessageDeflate: false });
    await new Promise((r) => codex.once('open', r));
    await call(codex, direct, INIT);
    rows.direct.push(await roundTrips(codex, direct.wrap, direct.id, ROUND_TRIPS));
    codex.close();
    const hop = new WebSocket(`ws://127.0.0.1:${echo.port}/`, { perMessageDeflate: false });
    await new Promise((r) => hop.once('open', r));
    rows.echo.push(await roundTrips(hop, direct.wrap, direct.id, ROUND_TRIPS));
    hop.close();
  }
  echo.child.kill('SIGTERM');
  const idleReal = procKb(b.child.pid, 'VmRSS');
  await b.stop();
  return { rows, idleReal };
}

await buildBridgeBundle();
try {
  const start = await measureStart();
  const mem = await measureMemory();
  const lat = await measureLatency();
  const fmt = (r) => r.map((x) => `p50 ${ms(x.p50)}, p99 ${ms(x.p99)}`).join(' | ');
  console.log(`node ${process.version}, ${process.platform}, ${ROUND_TRIPS} round trips per run, 2 runs`);
  console.log('| What | Result |\n|---|---|');
  console.log(`| bridge spawn → HTTP port accepts (excludes codex; median of 7) | ${ms(start.listening)} |`);
  console.log(`| for scale: \`node -e 0\` spawn → exit (median of 7) | ${ms(start.node)} |`);
  console.log(`| bridge spawn → ready line, mock codex (median of 7) | ${ms(start.ready)} |`);
  console.log(`| mock codex alone: spawn → socket accepts (median of 7) | ${ms(start.mock)} |`);
  console.log(`| bridge RSS idle, one browser connected (mock codex) | ${mib(mem.idle)} |`);
  console.log(`| bridge RSS idle after ${2 * (ROUND_TRIPS + 200)} round trips (real codex) | ${mib(lat.idleReal)} |`);
  console.log(`| bridge peak RSS streaming 20,000 × 1 KB notifications to a browser | ${mib(mem.peak)} (${mem.mbps.toFixed(0)} MB/s, ${mem.secs.toFixed(2)} s) |`);
  console.log(`| thread/loaded/list round trip, browser socket → bridge → codex | ${fmt(lat.rows.bridge)} |`);
  console.log(`| thread/loaded/list round trip, direct ws+unix to codex | ${fmt(lat.rows.direct)} |`);
  console.log(`| bare \`ws\` echo round trip on loopback TCP (echo server in its own process) | ${fmt(lat.rows.echo)} |`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
