/** Text for the terminal. The bridge itself never colors its output; this keeps codex's colors out too. */

// why: CSI (ESC [ … final byte) and OSC (ESC ] … BEL or ESC \) cover what loggers emit; lone ESC pairs too.
// Matching escape characters is the point here, hence the control characters in the pattern.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** True when the user asked for no color (https://no-color.org: `NO_COLOR` set and not empty). */
export function wantsNoColor(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env['NO_COLOR'];
  return v !== undefined && v !== '';
}

/** `text` without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
