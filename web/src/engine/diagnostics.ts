/**
 * Counts what the engine did not project, so nothing is silently dropped: unknown and malformed
 * notifications, refused server requests, bridge error frames. Shown in the diagnostics view.
 */
import type { BridgeErrorCode } from '../../../protocol/bridge-frames.ts';
import type { DiagnosticsSnapshot } from '../../../protocol/engine-api.ts';
import type { IngestResult } from './ingest.ts';

const KEEP_LAST = 50;

export class Diagnostics {
  private readonly data: DiagnosticsSnapshot = {
    unknown: {},
    ignored: {},
    malformed: [],
    refusedRequests: {},
    bridgeErrors: [],
    malformedFrames: 0,
    storageError: null,
  };

  notification(r: Exclude<IngestResult, { kind: 'events' }>): void {
    if (r.kind === 'malformed') push(this.data.malformed, { method: r.method, problem: r.problem });
    else bump(r.kind === 'unknown' ? this.data.unknown : this.data.ignored, r.method);
  }

  refusedRequest(method: string): void {
    bump(this.data.refusedRequests, method);
  }

  bridgeError(code: BridgeErrorCode, message: string): void {
    push(this.data.bridgeErrors, { code, message });
  }

  malformedFrame(): void {
    this.data.malformedFrames++;
  }

  storage(error: string | null): void {
    this.data.storageError = error;
  }

  snapshot(): DiagnosticsSnapshot {
    return structuredClone(this.data);
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function push<T>(list: T[], v: T): void {
  list.push(v);
  if (list.length > KEEP_LAST) list.shift();
}
