/**
 * The engine for browsers without SharedWorker: every tab runs a dedicated worker, the workers elect
 * one leader with a Web Lock, and the others forward their tab's calls to it over a BroadcastChannel.
 * When the leader's tab closes, its lock is released and a waiting worker takes over, picking up the
 * bridge session from IndexedDB. Tabs see the same EngineApi either way.
 */
import type { EngineApi } from '../../../protocol/engine-api.ts';

export const RPC_CHANNEL = 'okcode.engine.rpc.v1';
const CALL_TIMEOUT_MS = 60_000;

type Method = keyof EngineApi;
type Call = { type: 'call'; id: string; method: Method; args: unknown[] };
type Reply = { type: 'reply'; id: string; ok: true; value: unknown } | { type: 'reply'; id: string; ok: false; error: string };
type Message = Call | Reply;

/** The EngineApi method names, for building the forwarding object. */
export const ENGINE_METHODS: readonly Method[] = [
  'connect', 'connection', 'startThread', 'watchThread', 'loadMoreThreads', 'sendMessage', 'interruptTurn',
  'answerApproval', 'renameThread', 'archiveThread', 'unarchiveThread', 'forkThread', 'listModels', 'saveDraft',
  'markRead', 'retryOutbox', 'discardOutbox', 'search', 'exportThread', 'diagnostics', 'readAccount', 'loginWithApiKey',
  'startChatGptLogin', 'cancelLogin', 'logout', 'searchFiles', 'repairThreads',
] as const satisfies readonly Method[];
/** Fails to compile when EngineApi gains a method that is not forwarded. */
const allMethodsForwarded: [Exclude<Method, (typeof ENGINE_METHODS)[number]>] extends [never] ? true : false = true;
void allMethodsForwarded;

/**
 * Returns an EngineApi that calls the local engine once this worker leads, and the leader's engine
 * (over the channel) until then.
 */
export function electedEngine(lockName: string, start: () => Promise<EngineApi>): EngineApi {
  const channel = new BroadcastChannel(RPC_CHANNEL);
  const waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let local: EngineApi | null = null;
  let nextId = 0;
  const me = crypto.randomUUID();

  channel.onmessage = async (e: MessageEvent<Message>) => {
    const msg = e.data;
    if (msg.type === 'reply') {
      const w = waiting.get(msg.id);
      if (!w) return;
      waiting.delete(msg.id);
      if (msg.ok) w.resolve(msg.value);
      else w.reject(new Error(msg.error));
      return;
    }
    if (!local) return; // only the leader answers
    const reply: Reply = await invoke(local, msg.method, msg.args).then(
      (value): Reply => ({ type: 'reply', id: msg.id, ok: true, value }),
      (err: unknown): Reply => ({ type: 'reply', id: msg.id, ok: false, error: String(err) }),
    );
    channel.postMessage(reply);
  };

  let becomeLeader: (engine: EngineApi) => void = () => undefined;
  const leadership = new Promise<EngineApi>((resolve) => (becomeLeader = resolve));
  let leading = false;

  void navigator.locks.request(lockName, async () => {
    leading = true;
    local = await start();
    becomeLeader(local);
    // Calls sent to a leader that is gone will never be answered: fail them so the tab can retry.
    for (const [id, w] of waiting) {
      w.reject(new Error('The OK Code engine moved to another tab; try again.'));
      waiting.delete(id);
    }
    return new Promise<never>(() => undefined); // lead for the rest of this worker's life
  });

  const forward = async (method: Method, args: unknown[]): Promise<unknown> => {
    if (local) return invoke(local, method, args);
    // why: while this worker is starting as leader, or when no engine leads at all (it will be this one),
    // its calls wait for its own engine; only calls made while another worker leads are forwarded.
    const othersLead = !leading && (await someoneLeads(lockName)) && !leading; // `leading` may change during the await
    if (!othersLead) return invoke(await leadership, method, args);
    const id = `${me}:${nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('No OK Code engine answered; reload the page.'));
      }, CALL_TIMEOUT_MS);
      waiting.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      const call: Call = { type: 'call', id, method, args };
      channel.postMessage(call);
    });
  };

  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const m of ENGINE_METHODS) api[m] = (...args) => forward(m, args);
  // why: the object is built from ENGINE_METHODS, which `satisfies` the EngineApi keys.
  return api as unknown as EngineApi;
}

async function someoneLeads(lockName: string): Promise<boolean> {
  const { held } = await navigator.locks.query();
  return (held ?? []).some((l) => l.name === lockName);
}

function invoke(engine: EngineApi, method: Method, args: unknown[]): Promise<unknown> {
  const fn = engine[method] as (...a: unknown[]) => Promise<unknown>;
  return fn.apply(engine, args);
}
