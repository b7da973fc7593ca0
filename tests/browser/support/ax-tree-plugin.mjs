// @ts-check
/**
 * A @web/test-runner server command, `okc-ax-tree`: Chromium's own accessibility tree of the test page
 * (CDP `Accessibility.getFullAXTree`), reduced to `{role, name, ignored}` per node.
 * why: Playwright 1.65 removed `page.accessibility`, so the stock `a11ySnapshot` command no longer works,
 * and a check of accessible names should use the browser's computation, not our own.
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function axTreePlugin() {
  return {
    name: 'okc-ax-tree',
    async executeCommand({ command, session }) {
      if (command !== 'okc-ax-tree') return undefined;
      if (session.browser.type !== 'playwright') {
        throw new Error(`okc-ax-tree needs the playwright launcher, not ${session.browser.type}`);
      }
      const launcher = /** @type {import('@web/test-runner-playwright').PlaywrightLauncher} */ (session.browser);
      const page = launcher.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes.map((n) => ({
          role: String(n.role?.value ?? ''),
          name: String(n.name?.value ?? ''),
          ignored: n.ignored === true,
        }));
      } finally {
        await cdp.detach();
      }
    },
  };
}
