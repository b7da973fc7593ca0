/**
 * A scripted stand-in for the OpenAI Responses API, so the real `codex app-server` runs offline.
 *
 * It listens on 127.0.0.1 (ephemeral port), answers `POST /v1/responses` with an SSE stream
 * (`event:`/`data:` frames) produced by a {@link Script}, and closes the stream after the last part,
 * as codex 0.169.0 expects (codex-app-server.md §9). Any other path gets 404 and is recorded in
 * `otherRequests`.
 *
 * Without a script it runs {@link defaultScript}: plain text → a streamed markdown echo;
 * `[cmd:<shell command>]`, `[patch]`, `[plan]`, `[ask]`, `[search]`, `[reason]`, `[fail]`,
 * `[slow:<ms>]` → the behaviours documented in default-script.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { defaultScript } from './default-script.ts';
import { parseRequestBody, toModelRequest, type ModelRequest } from './model-request.ts';
import { sseFrame } from './responses-events.ts';
import { isStream, type ScriptStep, type StreamPart } from './script-step.ts';

/** Decides the answer to one request. May throw: the request then gets HTTP 500. */
export type Script = (req: ModelRequest) => ScriptStep;

/** Options of {@link startScriptedModel}. */
export interface ScriptedModelOptions {
  /** The script (default {@link defaultScript}). */
  script?: Script;
  /** Extra headers on every streamed answer, e.g. `x-codex-primary-used-percent` for rate limits. */
  headers?: Record<string, string>;
}

/** A running scripted model server. */
export interface ScriptedModel {
  /** The provider `base_url`, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string;
  /** Every `POST /v1/responses` received, in order. */
  readonly requests: ModelRequest[];
  /** Requests to any other path (method and URL), in order. */
  readonly otherRequests: { method: string; url: string }[];
  /** Errors thrown by the script, in order (the request got HTTP 500). */
  readonly scriptErrors: Error[];
  /** Replaces the script for later requests. */
  setScript(script: Script): void;
  /** Stops listening and drops open streams. */
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let raw = Buffer.concat(chunks);
  const encoding = String(req.headers['content-encoding'] ?? 'identity');
  if (encoding === 'gzip') raw = await promisify(zlib.gunzip)(raw);
  else if (encoding === 'br') raw = await promisify(zlib.brotliDecompress)(raw);
  else if (encoding === 'deflate') raw = await promisify(zlib.inflate)(raw);
  else if (encoding !== 'identity') throw new Error(`unsupported content-encoding ${encoding}`);
  return JSON.parse(raw.toString('utf8')) as unknown;
}

function sleep(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    // why: a client that hangs up mid-pause (interrupt, codex killed) must not keep the test alive.
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function writeStream(res: ServerResponse, parts: readonly StreamPart[], headers: Record<string, string>): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  for (const part of parts) {
    if (res.destroyed || res.writableEnded) return;
    if (part.type === 'pause') await sleep(part.ms, res);
    else res.write(sseFrame(part));
  }
  res.end();
}

function sendError(res: ServerResponse, status: number, msg: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: msg, type: 'scripted_error', code: null } }));
}

/** Starts a scripted model server on 127.0.0.1 with an ephemeral port. */
export async function startScriptedModel(opts: ScriptedModelOptions = {}): Promise<ScriptedModel> {
  let script: Script = opts.script ?? defaultScript;
  const headers = opts.headers ?? {};
  const requests: ModelRequest[] = [];
  const otherRequests: { method: string; url: string }[] = [];
  const scriptErrors: Error[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== '/v1/responses') {
      otherRequests.push({ method: req.method ?? '', url: req.url ?? '' });
      req.resume();
      sendError(res, 404, `scripted model: no route for ${req.method} ${req.url}`);
      return;
    }
    let step: ScriptStep;
    try {
      const modelReq = toModelRequest(parseRequestBody(await readBody(req)), req.headers, requests.length);
      requests.push(modelReq);
      step = script(modelReq);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      scriptErrors.push(err);
      sendError(res, 500, `scripted model: ${err.message}`);
      return;
    }
    if (isStream(step)) await writeStream(res, step, headers);
    else sendError(res, step.status, step.message);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      scriptErrors.push(e instanceof Error ? e : new Error(String(e)));
      if (!res.headersSent) sendError(res, 500, 'scripted model crashed');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    otherRequests,
    scriptErrors,
    setScript(next: Script): void {
      script = next;
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
