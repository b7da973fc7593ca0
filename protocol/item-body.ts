/**
 * What a transcript item shows: one body per codex ThreadItem type we render, plus `other` for the
 * rest. Plain structured-clone data (stored in IndexedDB, posted to tabs). `kind` mirrors codex's
 * ThreadItem `type`.
 */

/**
 * The state of an item that runs something (a command, a patch, an MCP tool call). `interrupted`
 * is ours: codex never completed the item because its turn ended first (interrupt, failure).
 */
export type ItemStatusView = 'inProgress' | 'completed' | 'failed' | 'declined' | 'interrupted';

/** The same states, under the name of the first kind that had them. */
export type CommandStatusView = ItemStatusView;

/** What a patch does to one file. */
export type FileChangeKind = 'add' | 'delete' | 'update';

/** One file of a fileChange item. */
export interface FileChangeView {
  /** Absolute path (relative while codex streams a patch before the item starts). */
  path: string;
  kind: FileChangeKind;
  /** The new path of a moved file (`update` only), else null. */
  movePath: string | null;
  /** `add`: the new content; `delete`: the old content; `update`: a unified diff hunk. */
  diff: string;
}

/** What a web search did. */
export type WebSearchActionView =
  | { type: 'search'; queries: string[] }
  | { type: 'openPage'; url: string | null }
  | { type: 'findInPage'; url: string | null; pattern: string | null }
  | { type: 'other' };

/** The per-kind content of a transcript item (see ItemRecord for where it sits). */
export type ItemBody =
  | { kind: 'userMessage'; text: string }
  | { kind: 'agentMessage'; text: string }
  /** Summary parts (markdown) and raw reasoning text parts, each in order of their index. */
  | { kind: 'reasoning'; summary: string[]; content: string[] }
  | {
      kind: 'commandExecution';
      command: string;
      cwd: string;
      output: string;
      exitCode: number | null;
      durationMs: number | null;
      status: ItemStatusView;
    }
  | { kind: 'fileChange'; changes: FileChangeView[]; status: ItemStatusView }
  | {
      kind: 'mcpToolCall';
      server: string;
      tool: string;
      /** The call's arguments as pretty-printed JSON. */
      arguments: string;
      status: ItemStatusView;
      /** The result's content as text (text blocks verbatim, other blocks named), or null. */
      result: string | null;
      error: string | null;
      durationMs: number | null;
      /** The latest progress message while the call runs. */
      progress: string | null;
    }
  | { kind: 'webSearch'; query: string; action: WebSearchActionView }
  /** An image the agent looked at. Only the path: the UI never loads local files. */
  | { kind: 'imageView'; path: string }
  /** A proposed plan (Plan mode), markdown. */
  | { kind: 'plan'; text: string }
  /** Codex compacted the conversation's context. */
  | { kind: 'contextCompaction' }
  /** An item type this build has no card for; still shown, so nothing is silently dropped. */
  | { kind: 'other'; type: string; summary: string };

/** The kinds of transcript item. */
export type ItemKind = ItemBody['kind'];
