/**
 * Shape-checked reads of untrusted codex params. Every reader either returns a value of the promised
 * type or throws {@link Malformed}; `ingest` turns that into a 'malformed' diagnostic, so no reducer
 * ever sees a field of the wrong type. Optional readers accept a missing or null field.
 */
import type { JsonObject, JsonValue } from '../../../../protocol/projections.ts';

/** A frame whose params do not have the shape codex promises. */
export class Malformed extends Error {
  override readonly name = 'Malformed';
}

/** A JSON object as parsed (fields not yet checked). */
export type Obj = { readonly [key: string]: unknown };

/** Whether `v` is a JSON object (not null, not an array). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` as an object, or Malformed naming `what`. */
export function asObj(v: unknown, what: string): Obj {
  if (!isObj(v)) throw new Malformed(`${what} is not an object`);
  return v;
}

/** A required string field. */
export function str(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Malformed(`${key} is not a string`);
  return v;
}

/** An optional string field (missing or null: null). */
export function optStr(o: Obj, key: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new Malformed(`${key} is not a string`);
  return v;
}

/** A required finite number field. */
export function num(o: Obj, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Malformed(`${key} is not a number`);
  return v;
}

/** An optional finite number field (missing or null: null). */
export function optNum(o: Obj, key: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Malformed(`${key} is not a number`);
  return v;
}

/** A required boolean field. */
export function bool(o: Obj, key: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') throw new Malformed(`${key} is not a boolean`);
  return v;
}

/** An optional boolean field (missing or null: null). */
export function optBool(o: Obj, key: string): boolean | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'boolean') throw new Malformed(`${key} is not a boolean`);
  return v;
}

/** A required object field. */
export function obj(o: Obj, key: string): Obj {
  return asObj(o[key], key);
}

/** An optional object field (missing or null: null). */
export function optObj(o: Obj, key: string): Obj | null {
  const v = o[key];
  return v === undefined || v === null ? null : asObj(v, key);
}

/** A required array field (elements unchecked). */
export function arr(o: Obj, key: string): readonly unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new Malformed(`${key} is not an array`);
  return v;
}

/** A missing or null array reads as empty. */
export function optArr(o: Obj, key: string): readonly unknown[] {
  const v = o[key];
  return v === undefined || v === null ? [] : arr(o, key);
}

/** An array of strings (missing or null: empty). */
export function strArr(o: Obj, key: string): string[] {
  return optArr(o, key).map((v, i) => {
    if (typeof v !== 'string') throw new Malformed(`${key}[${i}] is not a string`);
    return v;
  });
}

/** One of `allowed`, or Malformed. */
export function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[]): T {
  const v = str(o, key);
  const found = allowed.find((a) => a === v);
  if (found === undefined) throw new Malformed(`${key} is not one of ${allowed.join(', ')}: ${v}`);
  return found;
}

/** A JSON-RPC id: an integer or a string. */
export function requestId(o: Obj, key: string): number | string {
  const v = o[key];
  if ((typeof v === 'number' && Number.isSafeInteger(v)) || typeof v === 'string') return v;
  throw new Malformed(`${key} is not a request id`);
}

/** A parsed JSON value, checked to be one (no functions, no undefined inside arrays or objects). */
export function json(v: unknown, what: string): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Malformed(`${what} is not JSON`);
    return v;
  }
  if (Array.isArray(v)) return v.map((x, i) => json(x, `${what}[${i}]`));
  if (isObj(v)) return jsonObj(v, what);
  throw new Malformed(`${what} is not JSON`);
}

/** An object's fields as JSON (undefined fields dropped). */
export function jsonObj(o: Obj, what: string): JsonObject {
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(o)) if (x !== undefined) out[k] = json(x, `${what}.${k}`);
  return out;
}

/** Pretty JSON for people (stable, two-space indented). */
export function prettyJson(v: JsonValue): string {
  return JSON.stringify(v, null, 2);
}
