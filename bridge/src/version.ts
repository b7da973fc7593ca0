/** The bridge's own version, from bridge/package.json. */
import { readFileSync } from 'node:fs';

/**
 * Reads `version` from the package.json one level above this module's directory. That is
 * bridge/package.json both from the bundle (bridge/dist/cli.js) and from source (bridge/src/*.ts).
 */
export function readBridgeVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
      return pkg.version;
    }
  } catch {
    // fall through
  }
  return '0.0.0-unknown';
}
