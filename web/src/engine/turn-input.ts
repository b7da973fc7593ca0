/** Pure: a queued message as codex's turn input and per-turn settings. */
import type { TurnOverrides } from '../../../protocol/engine-api.ts';
import type { OutboxRecord } from '../../../protocol/local-records.ts';
import type { ParamsOf, UserInput } from '../../../protocol/codex/methods.ts';

export function userInput(r: Pick<OutboxRecord, 'text' | 'images'>): UserInput[] {
  const images = (r.images ?? []).map((url): UserInput => ({ type: 'image', url }));
  return [...images, { type: 'text', text: r.text, text_elements: [] }];
}

type TurnSettings = Pick<ParamsOf<'turn/start'>, 'model' | 'effort' | 'approvalPolicy' | 'sandboxPolicy'>;

/** turn/start spells the sandbox as a tagged object, unlike thread/start (codex-app-server.md §4.1). */
export function turnSettings(o: TurnOverrides | null | undefined): TurnSettings {
  if (!o) return {};
  const out: TurnSettings = {};
  if (o.model) out.model = o.model;
  if (o.effort) out.effort = o.effort;
  if (o.approvalPolicy) out.approvalPolicy = o.approvalPolicy;
  if (o.sandbox === 'read-only') out.sandboxPolicy = { type: 'readOnly', networkAccess: false };
  if (o.sandbox === 'danger-full-access') out.sandboxPolicy = { type: 'dangerFullAccess' };
  if (o.sandbox === 'workspace-write') {
    out.sandboxPolicy = { type: 'workspaceWrite', writableRoots: [], networkAccess: false, excludeTmpdirEnvVar: false, excludeSlashTmp: false };
  }
  return out;
}
