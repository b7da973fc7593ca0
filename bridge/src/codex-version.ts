/** Which codex versions the bridge supports. Pure. */

/**
 * The oldest codex the bridge works with: the version the wire types in `protocol/codex` were
 * generated from and every test runs against (the pinned `@openai/codex` dev dependency).
 */
export const MIN_CODEX_VERSION = '0.169.0';

/** The fix printed with a "too old" message. */
export const UPGRADE_HINT = 'Update it with "npm install -g @openai/codex@latest" or pass --codex /path/to/a/newer/codex.';

export type CodexVersionVerdict =
  | { readonly kind: 'supported' }
  | { readonly kind: 'too-old'; readonly message: string }
  /** `codex --version` gave nothing usable; the bridge goes on and says so. */
  | { readonly kind: 'unknown'; readonly message: string };

/**
 * `1.2.3`, `codex-cli 0.170.0-alpha.2` → `[1, 2, 3]`, `[0, 170, 0]`; null without a `N.N.N`.
 * why: a pre-release tag is ignored (0.169.0-alpha.1 counts as 0.169.0): codex ships alphas of the
 * next version, and the check is about protocol support, not release ordering.
 */
export function versionTriple(text: string): [number, number, number] | null {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return m === null ? null : [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
export function compareTriples(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * Judges what `codex --version` reported (null: it could not be run). Messages are one line,
 * prefixed `okcode-bridge:`, and name the fix.
 */
export function judgeCodexVersion(reported: string | null, codexPath: string, minimum = MIN_CODEX_VERSION): CodexVersionVerdict {
  const have = reported === null ? null : versionTriple(reported);
  const need = versionTriple(minimum);
  if (have === null || need === null) {
    return {
      kind: 'unknown',
      message: `okcode-bridge: warning: could not read the version of ${codexPath} ("codex --version"); OK Code needs ${minimum} or newer.`,
    };
  }
  if (compareTriples(have, need) >= 0) return { kind: 'supported' };
  return {
    kind: 'too-old',
    message: `okcode-bridge: codex ${reported ?? ''} (${codexPath}) is too old; OK Code needs ${minimum} or newer. ${UPGRADE_HINT}`,
  };
}

/** Thrown by `startBridge` when codex reports a version below {@link MIN_CODEX_VERSION}. */
export class CodexTooOldError extends Error {}
