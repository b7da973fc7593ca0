/**
 * Tiny checks for the shape of a stored value (record guards build on them). Pure, no DOM.
 */

/** A plain object (not null, not an array), whose fields can be looked at. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export function isStringOrNull(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

export function isNumberOrNull(v: unknown): v is number | null {
  return v === null || isNumber(v);
}

/** Every element passes `each`. */
export function isListOf<T>(v: unknown, each: (e: unknown) => e is T): v is T[] {
  return Array.isArray(v) && v.every(each);
}

export function isStringList(v: unknown): v is string[] {
  return isListOf(v, isString);
}

/** One of the given words. */
export function isOneOf<T extends string>(v: unknown, words: readonly T[]): v is T {
  return typeof v === 'string' && (words as readonly string[]).includes(v);
}

/**
 * Absent, or passing `check`. why: a field added by a later build is missing from the records an
 * older build stored, and the read side fills it in (upgradeThread, upgradeTurn).
 */
export function absentOr(v: unknown, check: (v: unknown) => boolean): boolean {
  return v === undefined || check(v);
}
