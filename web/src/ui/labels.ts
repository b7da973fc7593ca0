/**
 * Plain-words labels for projection records. Pure functions: what the UI says about a record does not
 * depend on which element shows it, and tests can check every word without rendering.
 */
import type {
  ApprovalRecord,
  CommandStatusView,
  FileChangeView,
  ItemStatusView,
  PlanStepStatus,
  RequestAnswer,
  ThreadRecord,
  ThreadStatusView,
} from '../../../protocol/projections.ts';
import { assertNever } from './assert-never.ts';

export { errorInWords } from './error-words.ts';

/** A thread's title: its custom name, else its preview, else its cwd's last segment, else "New thread". */
export function threadName(thread: Pick<ThreadRecord, 'name' | 'preview' | 'cwd'>): string {
  const candidates = [thread.name ?? '', firstLine(thread.preview), lastPathSegment(thread.cwd)];
  return candidates.find((c) => c !== '') ?? 'New thread';
}

/** The status badge of a thread, or null when there is nothing worth saying (idle, not loaded). */
export function threadStatusLabel(status: ThreadStatusView): string | null {
  switch (status) {
    case 'notLoaded':
    case 'idle':
      return null;
    case 'working':
      return 'Working';
    case 'waitingOnApproval':
      return 'Needs approval';
    case 'waitingOnUserInput':
      return 'Needs input';
    case 'systemError':
      return 'Failed';
    default:
      return assertNever(status);
  }
}

/** A command's outcome in words: Running / Exit 0 / Failed (exit N) / Declined / Stopped. */
export function commandStatusLabel(status: CommandStatusView, exitCode: number | null): string {
  switch (status) {
    case 'completed':
      if (exitCode === null) return 'Completed';
      return exitCode === 0 ? 'Exit 0' : `Failed (exit ${exitCode})`;
    case 'failed':
      return exitCode === null ? 'Failed' : `Failed (exit ${exitCode})`;
    default:
      return itemStatusLabel(status);
  }
}

/** The state of a file change or tool call in words. */
export function itemStatusLabel(status: ItemStatusView): string {
  switch (status) {
    case 'inProgress':
      return 'Running';
    case 'completed':
      return 'Done';
    case 'failed':
      return 'Failed';
    case 'declined':
      return 'Declined';
    case 'interrupted':
      return 'Stopped';
    default:
      return assertNever(status);
  }
}

/** What happened to one file: Added / Deleted / Updated / Moved to …. */
export function fileChangeLabel(change: Pick<FileChangeView, 'kind' | 'movePath'>): string {
  switch (change.kind) {
    case 'add':
      return 'Added';
    case 'delete':
      return 'Deleted';
    case 'update':
      return change.movePath === null ? 'Updated' : `Moved to ${change.movePath}`;
    default:
      return assertNever(change.kind);
  }
}

/** A plan step's status in words. */
export function planStepLabel(status: PlanStepStatus): string {
  switch (status) {
    case 'pending':
      return 'To do';
    case 'inProgress':
      return 'In progress';
    case 'completed':
      return 'Done';
    default:
      return assertNever(status);
  }
}

/** A duration for people: "850 ms", "2.4 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  return `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
}

/** What an answer said, in words. */
export function answerLabel(answer: RequestAnswer): string {
  switch (answer.kind) {
    case 'commandExecution':
    case 'fileChange':
      switch (answer.decision) {
        case 'accept':
          return 'Approved';
        case 'acceptForSession':
          return 'Approved for this session';
        case 'acceptWithExecpolicyAmendment':
          return 'Always allowed';
        case 'applyNetworkPolicyAmendment':
          return answer.amendment.action === 'allow' ? `Network access to ${answer.amendment.host} allowed` : `${answer.amendment.host} blocked`;
        case 'decline':
          return 'Declined';
        case 'cancel':
          return 'Cancelled';
        default:
          return assertNever(answer);
      }
    case 'userInput':
      return 'Answered';
    case 'permissions':
      return answer.decision === 'grantForTurn' ? 'Granted for this turn' : answer.decision === 'grantForSession' ? 'Granted for this session' : 'Denied';
    case 'mcpElicitation':
      return answer.action === 'accept' ? 'Accepted' : answer.action === 'decline' ? 'Declined' : 'Cancelled';
    default:
      return assertNever(answer);
  }
}

/** What became of a request that is no longer pending, in words; null while it is pending. */
export function approvalOutcomeLabel(approval: Pick<ApprovalRecord, 'state' | 'decision'>): string | null {
  if (approval.state === 'pending') return null;
  return approval.decision === null ? 'Answered elsewhere' : answerLabel(approval.decision);
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]?.trim() ?? '';
}

function lastPathSegment(path: string): string {
  return path.split(/[/\\]/).filter((s) => s !== '').at(-1) ?? '';
}
