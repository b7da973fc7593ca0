/** Opening the ready URL in the user's browser. */
import { spawn } from 'node:child_process';

/**
 * Whether to open a browser: not with `--no-open`, never when `CI` is set, always on macOS, on Linux
 * only with a display (DISPLAY or WAYLAND_DISPLAY), and not elsewhere. Pure.
 */
export function shouldOpenBrowser(
  wanted: boolean,
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (!wanted || (env['CI'] !== undefined && env['CI'] !== '')) return false;
  if (platform === 'darwin') return true;
  if (platform === 'linux') return Boolean(env['DISPLAY']) || Boolean(env['WAYLAND_DISPLAY']);
  return false;
}

/** Best effort: runs `open URL` (macOS) or `xdg-open URL` (Linux) detached; failures are ignored. */
export function openBrowser(url: string, platform: NodeJS.Platform): void {
  const opener = platform === 'darwin' ? 'open' : 'xdg-open';
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true, shell: false });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener: the URL is printed anyway
  }
}
