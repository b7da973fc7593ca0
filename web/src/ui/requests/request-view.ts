/** Which body, form and buttons a request card shows, by the request's kind. Pure templates. */
import { html, nothing } from 'lit';
import type { ApprovalRecord } from '../../../../protocol/projections.ts';
import { commandRequest, fileChangeRequest, permissionsRequest, toolApprovalRequest, type RequestView } from './approval-requests.ts';

/** A card's content; `form` names the form element that goes between the body and the buttons. */
export interface FullRequestView extends RequestView {
  form: 'userInput' | 'elicitation' | null;
}

/** Only web links are offered as links; anything else stays text. */
function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

function elicitationView(r: Extract<ApprovalRecord, { kind: 'mcpElicitation' }>): FullRequestView {
  const title = `${r.serverName} asks`;
  switch (r.form.mode) {
    case 'toolApproval':
      return { ...toolApprovalRequest(r, r.form.toolName, r.form.toolParams), form: null };
    case 'form':
      return { title, body: html`<p>${r.message}</p>`, main: [], more: [], form: 'elicitation' };
    case 'url': {
      const href = safeUrl(r.form.url);
      return {
        title,
        body: html`<p>${r.message}</p>
          <p>${href === null
            ? html`<span class="mono">${r.form.url}</span>`
            : html`<a href=${href} target="_blank" rel="noopener noreferrer">${r.form.url}</a>`}</p>`,
        main: [
          { label: 'Accept', answer: { kind: 'mcpElicitation', action: 'accept', content: {} }, primary: true },
          { label: 'Decline', answer: { kind: 'mcpElicitation', action: 'decline' } },
          { label: 'Cancel', answer: { kind: 'mcpElicitation', action: 'cancel' } },
        ],
        more: [],
        form: null,
      };
    }
    case 'unsupported':
      return {
        title,
        body: html`<p>${r.message}</p><p class="muted">OK Code cannot show this form; you can decline it.</p>`,
        main: [
          { label: 'Decline', answer: { kind: 'mcpElicitation', action: 'decline' } },
          { label: 'Cancel', answer: { kind: 'mcpElicitation', action: 'cancel' } },
        ],
        more: [],
        form: null,
      };
  }
}

/** The title, body, form and buttons for `r`. */
export function requestView(r: ApprovalRecord): FullRequestView {
  switch (r.kind) {
    case 'commandExecution':
      return { ...commandRequest(r), form: null };
    case 'fileChange':
      return { ...fileChangeRequest(r), form: null };
    case 'permissions':
      return { ...permissionsRequest(r), form: null };
    case 'userInput':
      return {
        title: r.questions.length === 1 ? 'Codex has a question' : 'Codex has questions',
        body: nothing,
        main: [],
        more: [],
        form: 'userInput',
      };
    case 'mcpElicitation':
      return elicitationView(r);
  }
}
