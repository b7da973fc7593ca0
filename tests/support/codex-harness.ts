/**
 * One call to get the real codex running offline: a scripted model, a scratch codex setup pointed at
 * it, and an initialised app-server client, with a single `close()` that tears all three down.
 */
import { startCodexClient, type CodexClient, type CodexClientOptions } from './codex-client.ts';
import { makeCodexEnv, type CodexEnv, type CodexEnvOptions } from './codex-env.ts';
import { startScriptedModel, type ScriptedModel, type ScriptedModelOptions } from './scripted-model.ts';

/** Options of {@link startCodexHarness}. */
export interface CodexHarnessOptions {
  model?: ScriptedModelOptions;
  env?: Omit<CodexEnvOptions, 'modelUrl'>;
  client?: Omit<CodexClientOptions, 'env'>;
}

/** A scripted model + scratch env + running codex client. */
export interface CodexHarness {
  model: ScriptedModel;
  env: CodexEnv;
  client: CodexClient;
  /** Closes the client (no process left behind), the model server, then removes the scratch dir. */
  close(): Promise<void>;
}

/** Starts the three parts; the client's cwd defaults to the scratch workspace. */
export async function startCodexHarness(opts: CodexHarnessOptions = {}): Promise<CodexHarness> {
  const model = await startScriptedModel(opts.model);
  let env: CodexEnv | null = null;
  try {
    env = makeCodexEnv({ ...opts.env, modelUrl: model.url });
    const client = await startCodexClient({ cwd: env.workDir, ...opts.client, env: env.env });
    const ready = env;
    return {
      model,
      env: ready,
      client,
      async close(): Promise<void> {
        await client.close();
        await model.close();
        ready.cleanup();
      },
    };
  } catch (e) {
    await model.close();
    env?.cleanup();
    throw e;
  }
}
