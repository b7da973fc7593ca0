/** The real codex, offline: a scripted model with the benchmarks' script and a scratch CODEX_HOME. */
import { makeCodexEnv, type CodexEnv } from '../../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../../support/scripted-model.ts';
import type { Scope } from './cleanup.ts';
import { benchScript } from './stream-script.ts';

export { codexBin } from '../../support/codex-paths.ts';

export interface OfflineCodex {
  readonly model: ScriptedModel;
  readonly env: CodexEnv;
}

/** Starts the scripted model and makes a scratch codex setup pointed at it; both go with `scope`. */
export async function offlineCodex(scope: Scope, name: string): Promise<OfflineCodex> {
  const model = await startScriptedModel({ script: benchScript });
  scope.defer(() => model.close());
  const env = makeCodexEnv({ modelUrl: model.url, name: `bench-${name}` });
  scope.defer(() => env.cleanup());
  return { model, env };
}
