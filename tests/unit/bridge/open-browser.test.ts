import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { shouldOpenBrowser } from '../../../bridge/src/open-browser.ts';

suite('shouldOpenBrowser', () => {
  const cases: { name: string; wanted: boolean; platform: NodeJS.Platform; env: Record<string, string>; expect: boolean }[] = [
    { name: 'macOS', wanted: true, platform: 'darwin', env: {}, expect: true },
    { name: 'Linux with X11', wanted: true, platform: 'linux', env: { DISPLAY: ':0' }, expect: true },
    { name: 'Linux with Wayland', wanted: true, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, expect: true },
    { name: 'Linux without a display', wanted: true, platform: 'linux', env: {}, expect: false },
    { name: 'CI', wanted: true, platform: 'darwin', env: { CI: 'true' }, expect: false },
    { name: '--no-open', wanted: false, platform: 'linux', env: { DISPLAY: ':0' }, expect: false },
    { name: 'Windows', wanted: true, platform: 'win32', env: {}, expect: false },
  ];
  for (const c of cases) test(c.name, () => assert.equal(shouldOpenBrowser(c.wanted, c.platform, c.env), c.expect));
});
