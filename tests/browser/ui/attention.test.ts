import { assert } from '@open-wc/testing';
import {
  announcementOf,
  notificationOf,
  observe,
  type AttentionEvent,
  type AttentionSnapshot,
  type NotifyContext,
} from '../../../web/src/ui/attention.ts';
import { filterCommands, type PaletteCommand } from '../../../web/src/ui/palette-commands.ts';
import { shortcutOf, type KeyPress, type ShortcutAction } from '../../../web/src/ui/shortcuts.ts';
import { approval, thread, turn } from '../support/builders.ts';
import { fileChangeRequest } from '../support/request-builders.ts';

const empty: AttentionSnapshot = { pending: [], threads: [], turns: [] };
const cmd = approval({ requestKey: 'n:1', threadId: 'a', command: 'echo hi' });
const running: AttentionSnapshot = { ...empty, threads: [thread({ id: 'a', activeTurnId: 't1' })], turns: [turn({ threadId: 'a', turnId: 't1', status: 'inProgress' })] };

/** The events of going through `snaps` in order (the first only takes stock). */
function eventsOf(...snaps: AttentionSnapshot[]): AttentionEvent[] {
  let state = null;
  const all: AttentionEvent[] = [];
  for (const s of snaps) {
    const r = observe(state, s);
    state = r.state;
    all.push(...r.events);
  }
  return all;
}

suite('attention: observe', () => {
  const cases: [{ name: string; snaps: AttentionSnapshot[]; expect: AttentionEvent[] }, ...{ name: string; snaps: AttentionSnapshot[]; expect: AttentionEvent[] }[]] = [
    { name: 'what waits when the tab opens is not news', snaps: [{ ...empty, pending: [cmd] }, { ...empty, pending: [cmd] }], expect: [] },
    {
      name: 'a request that starts waiting is news, once',
      snaps: [empty, { ...empty, pending: [cmd] }, { ...empty, pending: [cmd] }],
      expect: [{ kind: 'approvalNeeded', threadId: 'a', requestKey: 'n:1', what: 'echo hi' }],
    },
    {
      name: 'a file change is summarised in words',
      snaps: [empty, { ...empty, pending: [{ ...fileChangeRequest(), requestKey: 'n:2', threadId: 'b' }] }],
      expect: [{ kind: 'approvalNeeded', threadId: 'b', requestKey: 'n:2', what: 'file changes' }],
    },
    {
      name: 'a running turn that completes is news',
      snaps: [running, { ...empty, turns: [turn({ threadId: 'a', turnId: 't1', status: 'completed' })] }],
      expect: [{ kind: 'turnEnded', threadId: 'a', turnId: 't1', outcome: 'completed' }],
    },
    {
      name: 'a turn seen only through the thread counts as running',
      snaps: [{ ...empty, threads: [thread({ id: 'a', activeTurnId: 't1' })] }, { ...empty, turns: [turn({ threadId: 'a', turnId: 't1', status: 'failed' })] }],
      expect: [{ kind: 'turnEnded', threadId: 'a', turnId: 't1', outcome: 'failed' }],
    },
    {
      name: 'turns read from history, already ended, are not news',
      snaps: [empty, { ...empty, turns: [turn({ threadId: 'a', turnId: 't0', status: 'completed' })] }],
      expect: [],
    },
    {
      name: 'an end is told once',
      snaps: [running, { ...empty, turns: [turn({ threadId: 'a', turnId: 't1', status: 'interrupted' })] }, { ...empty, turns: [turn({ threadId: 'a', turnId: 't1', status: 'interrupted', rev: 2 })] }],
      expect: [{ kind: 'turnEnded', threadId: 'a', turnId: 't1', outcome: 'interrupted' }],
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(eventsOf(...c.snaps), c.expect));

  test('does not change the state it is given', () => {
    const first = observe(null, running).state;
    const copy = { seenRequests: new Set(first.seenRequests), runningTurns: new Set(first.runningTurns) };
    observe(first, { ...empty, pending: [cmd], turns: [turn({ threadId: 'a', turnId: 't1' })] });
    assert.deepEqual(first, copy);
  });
});

suite('attention: words and notifications', () => {
  const need: AttentionEvent = { kind: 'approvalNeeded', threadId: 'a', requestKey: 'n:1', what: 'echo hi' };
  const done: AttentionEvent = { kind: 'turnEnded', threadId: 'a', turnId: 't1', outcome: 'completed' };
  const failed: AttentionEvent = { ...done, outcome: 'failed' };
  const stopped: AttentionEvent = { ...done, outcome: 'interrupted' };
  const hidden: NotifyContext = { hidden: true, enabled: true, permission: 'granted' };

  test('announces in plain words, naming a thread that is not on screen', () => {
    assert.equal(announcementOf(need, null), 'Approval needed: echo hi');
    assert.equal(announcementOf(need, 'Fix CI'), 'Approval needed in Fix CI: echo hi');
    assert.deepEqual([done, failed, stopped].map((e) => announcementOf(e, null)), ['Turn finished', 'Turn failed', 'Turn stopped']);
    assert.equal(announcementOf(failed, 'Fix CI'), 'Turn failed in Fix CI');
  });

  test('notifies with one tag per request or turn, so tabs replace rather than stack', () => {
    assert.deepEqual(notificationOf(need, 'Fix CI', hidden), { title: 'Approval needed', body: 'Fix CI: echo hi', tag: 'okcode-request-n:1', threadId: 'a' });
    assert.deepEqual(notificationOf(failed, 'Fix CI', hidden), { title: 'Turn failed', body: 'Fix CI', tag: 'okcode-turn-a-t1', threadId: 'a' });
  });

  const silent: [string, AttentionEvent, NotifyContext][] = [
    ['the page is visible', need, { ...hidden, hidden: false }],
    ['the setting is off', need, { ...hidden, enabled: false }],
    ['the browser has not granted permission', done, { ...hidden, permission: 'default' }],
    ['the user stopped the turn', stopped, hidden],
  ];
  for (const [why, e, ctx] of silent) test(`stays silent when ${why}`, () => assert.isNull(notificationOf(e, 'T', ctx)));
});

suite('shortcuts: shortcutOf', () => {
  const key = (over: Partial<KeyPress>): KeyPress => ({
    key: 'y', code: 'KeyY', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, typing: false, modal: false, ...over,
  });
  const cases: [string, Partial<KeyPress>, ShortcutAction | null][] = [
    ['y approves', {}, 'approve'],
    ['Y (caps lock) approves', { key: 'Y' }, 'approve'],
    ['n declines', { key: 'n', code: 'KeyN' }, 'decline'],
    ['y while typing is a letter', { typing: true }, null],
    ['y in a dialog is left to the dialog', { modal: true }, null],
    ['Ctrl+Y is not a triage key', { ctrlKey: true }, null],
    ['? opens the sheet', { key: '?', code: 'Slash', shiftKey: true }, 'shortcuts'],
    ['? while typing is a character', { key: '?', shiftKey: true, typing: true }, null],
    ['Ctrl+K opens the palette, even while typing', { key: 'k', code: 'KeyK', ctrlKey: true, typing: true }, 'palette'],
    ['Cmd+K opens the palette', { key: 'k', code: 'KeyK', metaKey: true }, 'palette'],
    ['Alt+A goes to the approval while typing', { key: 'å', code: 'KeyA', altKey: true, typing: true }, 'goToApproval'],
    ['a composing IME keeps every key', { key: 'k', ctrlKey: true, isComposing: true }, null],
  ];
  for (const [name, over, expected] of cases) test(name, () => assert.equal(shortcutOf(key(over)), expected));
});

suite('palette: filterCommands', () => {
  const c = (id: string, label: string, hint = ''): PaletteCommand => ({ id, label, hint, run: () => undefined });
  const commands = [c('new', 'New thread'), c('t1', 'Go to thread: Fix login', '/home/dev/web'), c('diag', 'Open Diagnostics')];
  const cases: [string, string, string[]][] = [
    ['an empty query keeps every command', '  ', ['new', 't1', 'diag']],
    ['matches words in any order, any case', 'LOGIN fix', ['t1']],
    ['matches the hint too', 'dev/web', ['t1']],
    ['every word must match', 'open thread', []],
  ];
  for (const [name, query, ids] of cases) test(name, () => assert.deepEqual(filterCommands(commands, query).map((x) => x.id), ids));
});
