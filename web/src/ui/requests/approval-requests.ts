/**
 * Bodies and decisions of the approval-like requests: a command, a file change, a permission grant,
 * an MCP tool call. Pure templates over the record; `<okc-approval-card>` owns the state.
 */
import { html, nothing } from 'lit';
import type { ApprovalRecord } from '../../../../protocol/projections.ts';
import type { Decision } from './decisions.ts';

type Of<K extends ApprovalRecord['kind']> = Extract<ApprovalRecord, { kind: K }>;

/** What the card shows above its buttons. */
export interface RequestView {
  title: string;
  body: unknown;
  main: Decision[];
  more: Decision[];
}

const reasonLine = (reason: string | null) => (reason === null || reason === '' ? nothing : html`<p>Reason: ${reason}</p>`);

/** A command approval: the command, its cwd, any network host, the reason; five decisions. */
export function commandRequest(r: Of<'commandExecution'>): RequestView {
  const main: Decision[] = [{ label: 'Approve', answer: { kind: 'commandExecution', decision: 'accept' }, primary: true, key: 'Y' }];
  if (r.execPolicyAmendment !== null) {
    main.push({
      label: 'Always allow this command',
      answer: { kind: 'commandExecution', decision: 'acceptWithExecpolicyAmendment' },
      description: `Run commands starting with “${r.execPolicyAmendment.join(' ')}” without asking again`,
    });
  }
  for (const amendment of r.networkAmendments) {
    main.push({
      label: amendment.action === 'allow' ? `Always allow ${amendment.host}` : `Always block ${amendment.host}`,
      answer: { kind: 'commandExecution', decision: 'applyNetworkPolicyAmendment', amendment },
    });
  }
  main.push(
    { label: 'Decline', answer: { kind: 'commandExecution', decision: 'decline' }, description: 'Do not run it; Codex carries on', key: 'N' },
    { label: 'Cancel turn', answer: { kind: 'commandExecution', decision: 'cancel' }, description: 'Do not run it, and stop this turn' },
  );
  return {
    title: 'Approve command?',
    body: html`<pre class="mono">${r.command}</pre>
      <p class="muted">in <span class="mono">${r.cwd}</span></p>
      ${r.networkHost === null ? nothing : html`<p>Wants network access to <span class="mono">${r.networkHost}</span>.</p>`}
      ${reasonLine(r.reason)}`,
    main,
    more: [{ label: 'Approve for session', answer: { kind: 'commandExecution', decision: 'acceptForSession' }, description: 'Also approve commands like it until codex restarts' }],
  };
}

/** A file-change approval (the changes themselves are in the transcript's file change card). */
export function fileChangeRequest(r: Of<'fileChange'>): RequestView {
  return {
    title: 'Apply file changes?',
    body: html`<p>Codex wants to change the files shown in the transcript.</p>
      ${r.grantRoot === null ? nothing : html`<p>It asks to write anywhere under <span class="mono">${r.grantRoot}</span> from now on.</p>`}
      ${reasonLine(r.reason)}`,
    main: [
      { label: 'Approve', answer: { kind: 'fileChange', decision: 'accept' }, primary: true, key: 'Y' },
      { label: 'Decline', answer: { kind: 'fileChange', decision: 'decline' }, description: 'Do not change the files; Codex carries on', key: 'N' },
      { label: 'Cancel turn', answer: { kind: 'fileChange', decision: 'cancel' }, description: 'Do not change the files, and stop this turn' },
    ],
    more: [{ label: 'Approve for session', answer: { kind: 'fileChange', decision: 'acceptForSession' } }],
  };
}

const ACCESS_WORDS = { read: 'Read', write: 'Write', deny: 'No access to', network: 'Use' } as const;

/** A permission request: what is asked, in words; grant for the turn or session, or deny. */
export function permissionsRequest(r: Of<'permissions'>): RequestView {
  return {
    title: 'Grant permissions?',
    body: html`${reasonLine(r.reason)}
      <ul aria-label="Requested permissions">
        ${r.lines.map((l) => html`<li>${ACCESS_WORDS[l.access]} <span class="mono">${l.target}</span></li>`)}
      </ul>
      <p class="muted">in <span class="mono">${r.cwd}</span></p>`,
    main: [
      { label: 'Grant for this turn', answer: { kind: 'permissions', decision: 'grantForTurn' }, primary: true, key: 'Y' },
      { label: 'Grant for session', answer: { kind: 'permissions', decision: 'grantForSession' } },
      { label: 'Deny', answer: { kind: 'permissions', decision: 'deny' }, key: 'N' },
    ],
    more: [],
  };
}

/** An MCP tool-call approval (an elicitation codex marks `mcp_tool_call`). */
export function toolApprovalRequest(r: Of<'mcpElicitation'>, toolName: string, toolParams: string): RequestView {
  return {
    title: 'Allow tool call?',
    body: html`<p>${r.message}</p>
      <p class="muted">Server <span class="mono">${r.serverName}</span>, tool <span class="mono">${toolName}</span></p>
      ${toolParams === '{}' ? nothing : html`<pre class="mono" aria-label="Tool arguments">${toolParams}</pre>`}`,
    main: [
      { label: 'Approve', answer: { kind: 'mcpElicitation', action: 'accept', content: {} }, primary: true, key: 'Y' },
      { label: 'Decline', answer: { kind: 'mcpElicitation', action: 'decline' }, description: 'The tool call fails; Codex carries on', key: 'N' },
      { label: 'Cancel', answer: { kind: 'mcpElicitation', action: 'cancel' } },
    ],
    more: [],
  };
}
