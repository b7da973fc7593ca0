/** Chromium's own accessibility tree of the test page, via the `okc-ax-tree` server command. */
import { executeServerCommand } from '@web/test-runner-commands';

export interface AxNode {
  role: string;
  name: string;
  /** Left out of the tree (hidden, presentational or generic). */
  ignored: boolean;
}

export function chromiumAxTree(): Promise<AxNode[]> {
  return executeServerCommand<AxNode[], undefined>('okc-ax-tree');
}
