/**
 * Malformed params never throw. For every reduced notification method, starting from a valid sample
 * (the first one in the recorded fixtures, else a hand-written one below): removing a field ingest
 * reads gives a 'malformed' diagnostic; removing or retyping any field anywhere gives either events
 * (plain, cloneable data) or 'malformed', never an exception. Same for server requests (null, never an
 * exception).
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NotificationMethod } from '../../../protocol/codex/methods.ts';
import { notificationClasses } from '../../../web/src/engine/ingest/notification-table.ts';
import { ANSWERABLE_REQUESTS } from '../../../web/src/engine/ingest/requests.ts';
import { ingestNotification, ingestServerRequest } from '../../../web/src/engine/ingest.ts';
import { fixtureNames, readFixture } from './fold.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Params = { [k: string]: Json };

const T = { threadId: 'thr', turnId: 'tu', itemId: 'it' };

/** Samples for the methods the fixtures do not record (shapes from the generated types). */
const HAND_WRITTEN: Partial<Record<NotificationMethod, Params>> = {
  'thread/closed': { threadId: 'thr' },
  'item/mcpToolCall/progress': { ...T, message: 'half way' },
  'item/fileChange/patchUpdated': { ...T, changes: [{ path: 'a.txt', kind: { type: 'update', move_path: 'b.txt' }, diff: '@@ -1 +1 @@\n-a\n+b\n' }] },
  guardianWarning: { threadId: 'thr', message: 'careful' },
  configWarning: { summary: 'bad key', details: 'unknown field', path: '/home/u/.codex/config.toml' },
  'model/rerouted': { threadId: 'thr', turnId: 'tu', fromModel: 'a', toModel: 'b', reason: 'highRiskCyberActivity' },
  'windows/worldWritableWarning': { samplePaths: ['C:\\tmp'], extraCount: 2, failedScan: false },
};

/** Top-level fields a method may lack (optional or nullable on the wire, or not read). */
const MAY_LACK: Partial<Record<NotificationMethod, readonly string[]>> = {
  'thread/name/updated': ['threadName'],
  'thread/tokenUsage/updated': ['turnId'],
  'turn/plan/updated': ['explanation'],
  'item/started': ['startedAtMs'],
  'item/completed': ['completedAtMs', 'contentTokenCount'],
  'account/updated': ['authMode', 'planType'],
  'account/login/completed': ['loginId', 'error', 'onboardingEntrypoint'],
  'serverRequest/resolved': ['threadId'],
  warning: ['threadId'],
  configWarning: ['details', 'path', 'range'],
  deprecationNotice: ['details'],
  'model/rerouted': ['turnId', 'reason'],
  'mcpServer/startupStatus/updated': ['threadId', 'error', 'failureReason', 'name'],
  'windows/worldWritableWarning': ['samplePaths'],
};

function isParams(v: unknown): v is Params {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first recorded params of each method, and of each server request method. */
function recordedSamples(): { notifications: Map<string, Params>; requests: Map<string, Params> } {
  const notifications = new Map<string, Params>();
  const requests = new Map<string, Params>();
  for (const name of fixtureNames()) {
    for (const f of readFixture(name)) {
      const { method, params } = f;
      if (typeof method !== 'string' || !isParams(params)) continue;
      const target = 'id' in f ? requests : notifications;
      if (!target.has(method)) target.set(method, params);
    }
  }
  return { notifications, requests };
}

/** Every path to a value inside `v` (object keys and array indexes), depth first. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...prefix, i], ...paths(x, [...prefix, i])]);
  if (isParams(v)) return Object.entries(v).flatMap(([k, x]) => [[...prefix, k], ...paths(x, [...prefix, k])]);
  return [];
}

const REMOVE = Symbol('remove');
const MUTATIONS: (Json | typeof REMOVE)[] = [REMOVE, null, 42, -1.5, 'x', true, [], {}];

/** A deep copy of `v` with the value at `path` replaced (or removed). */
function mutate(v: Params, path: (string | number)[], to: Json | typeof REMOVE): Params {
  const copy: Params = structuredClone(v);
  let at: Json = copy;
  for (const key of path.slice(0, -1)) at = Array.isArray(at) ? (at[Number(key)] ?? null) : isParams(at) ? (at[String(key)] ?? null) : null;
  const last = path.at(-1);
  if (Array.isArray(at)) {
    if (to === REMOVE) at.splice(Number(last), 1);
    else at[Number(last)] = to;
  } else if (isParams(at) && last !== undefined) {
    if (to === REMOVE) delete at[String(last)];
    else at[String(last)] = to;
  }
  return copy;
}

suite('malformed params', () => {
  const { notifications, requests } = recordedSamples();
  const reduced = Object.entries(notificationClasses()).flatMap(([m, c]) => (c === 'reduce' ? [m] : []));
  const sampleOf = (m: string): Params | undefined => notifications.get(m) ?? (HAND_WRITTEN as Record<string, Params>)[m];

  test('every reduced method has a sample that ingests to events', () => {
    for (const m of reduced) {
      const sample = sampleOf(m);
      assert.ok(sample, `a sample for ${m}`);
      assert.equal(ingestNotification(m, sample).kind, 'events', m);
    }
  });

  for (const m of reduced) {
    test(`${m}: a missing field it reads is malformed; any field removed or retyped never throws`, () => {
      const sample = sampleOf(m);
      assert.ok(sample);
      const mayLack = new Set((MAY_LACK as Record<string, readonly string[]>)[m] ?? []);
      for (const key of Object.keys(sample).filter((k) => !mayLack.has(k))) {
        assert.equal(ingestNotification(m, mutate(sample, [key], REMOVE)).kind, 'malformed', `${m} without ${key}`);
      }
      for (const path of paths(sample).slice(0, 400)) {
        for (const to of MUTATIONS) {
          const r = ingestNotification(m, mutate(sample, path, to));
          assert.ok(r.kind === 'events' || r.kind === 'malformed', `${m} ${path.join('.')}: ${r.kind}`);
          if (r.kind === 'events') structuredClone(r.events);
        }
      }
      for (const bad of [null, 'x', 42, []]) assert.equal(ingestNotification(m, bad).kind, 'malformed');
    });
  }

  for (const m of ANSWERABLE_REQUESTS) {
    test(`${m}: damaged params give null (the engine then refuses it), never an exception`, () => {
      const sample = requests.get(m);
      assert.ok(sample, `a recorded ${m}`);
      assert.equal(ingestServerRequest(m, 1, sample)?.[0]?.type, 'approval.requested');
      for (const key of ['threadId', ...(m === 'mcpServer/elicitation/request' ? ['serverName', 'message'] : ['turnId', 'itemId'])]) {
        assert.equal(ingestServerRequest(m, 1, mutate(sample, [key], REMOVE)), null, `${m} without ${key}`);
      }
      for (const path of paths(sample).slice(0, 400)) {
        for (const to of MUTATIONS) {
          const events = ingestServerRequest(m, 1, mutate(sample, path, to));
          if (events !== null) structuredClone(events);
        }
      }
    });
  }
});
