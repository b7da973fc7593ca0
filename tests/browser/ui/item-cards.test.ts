import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/item-card.ts';
import type { ItemCard } from '../../../web/src/ui/item-card.ts';
import type { ItemBody, ItemRecord } from '../../../protocol/projections.ts';
import { allElements, getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { item } from '../support/builders.ts';
import { settled } from '../support/settle.ts';

async function render(body: ItemBody, over: Partial<Pick<ItemRecord, 'streaming' | 'rev'>> = {}): Promise<ItemCard> {
  const el = await fixture<ItemCard>(html`<okc-item-card .item=${item(body, { itemId: 'i', threadId: 'th', ...over })}></okc-item-card>`);
  await settled(el);
  return el;
}

const reasoning: ItemBody = { kind: 'reasoning', summary: ['**Checking** the tests', 'Then the build'], content: ['raw thoughts'] };
const mcp: Extract<ItemBody, { kind: 'mcpToolCall' }> = {
  kind: 'mcpToolCall',
  server: 'demo',
  tool: 'ask_name',
  arguments: '{\n  "q": 1\n}',
  status: 'completed',
  result: 'Hello Ada!',
  error: null,
  durationMs: 330,
  progress: null,
};

suite('okc-item-card: reasoning', () => {
  test('is collapsed to its first summary line, behind a real button', async () => {
    const el = await render(reasoning);
    const region = getByRole(el, 'group', { name: 'Reasoning' });
    const button = getByRole(region, 'button', { name: 'Show reasoning' });
    assert.equal(button.getAttribute('aria-expanded'), 'false');
    assert.equal(visibleText(region), 'Show reasoning Checking the tests');
    button.click();
    await settled(el);
    assert.equal(button.getAttribute('aria-expanded'), 'true');
    assert.equal(visibleText(button), 'Hide reasoning');
    const text = visibleText(region);
    assert.include(text, 'Then the build');
    assert.include(text, 'raw thoughts');
    const strong = allElements(el).find((e) => e.localName === 'strong');
    assert.equal(strong?.textContent, 'Checking', 'summary parts are markdown');
  });

  test('says "Thinking…" while it streams', async () => {
    const el = await render({ kind: 'reasoning', summary: [], content: [] }, { streaming: true });
    assert.include(visibleText(el), 'Thinking…');
    assert.isTrue(getByRole<HTMLButtonElement>(el, 'button', { name: 'Show reasoning' }).disabled, 'nothing to show yet');
  });
});

suite('okc-item-card: file change', () => {
  const change: ItemBody = {
    kind: 'fileChange',
    status: 'completed',
    changes: [
      { path: '/w/new.txt', kind: 'add', movePath: null, diff: 'one\ntwo\n' },
      { path: '/w/app.ts', kind: 'update', movePath: '/w/main.ts', diff: '@@ -1,2 +1,2 @@\n-old line\n+new line\n same\n' },
      { path: '/w/gone.txt', kind: 'delete', movePath: null, diff: 'bye\n' },
    ],
  };

  test('lists each file with what happened to it and its line counts', async () => {
    const el = await render(change);
    const card = getByRole(el, 'article', { name: 'File changes' });
    const headings = queryAllByRole(card, 'heading').map((h) => visibleText(h));
    assert.deepEqual(headings, ['Added /w/new.txt +2 −0', 'Moved to /w/main.ts /w/app.ts +1 −1', 'Deleted /w/gone.txt +0 −1']);
    assert.include(visibleText(card), '3 files Applied');
  });

  test('colours additions and deletions, as text', async () => {
    const el = await render(change);
    const diff = el.shadowRoot?.querySelector('okc-file-change-card')?.shadowRoot;
    const add = diff?.querySelector('.line.add');
    const del = diff?.querySelector('.line.del');
    assert.ok(add && del);
    assert.notEqual(getComputedStyle(add).backgroundColor, getComputedStyle(del).backgroundColor);
    assert.notEqual(getComputedStyle(add).backgroundColor, 'rgba(0, 0, 0, 0)');
    const lines = [...(diff?.querySelectorAll<HTMLElement>('pre[aria-label="Changes to /w/app.ts"] .line') ?? [])];
    for (const [i, l] of lines.slice(1).entries()) {
      const prev = lines[i] as HTMLElement;
      assert.closeTo(l.offsetTop - prev.offsetTop, prev.offsetHeight, 1, 'one line per diff line, no blank lines between');
    }
    assert.equal(diff?.querySelector('pre[aria-label="Changes to /w/app.ts"]')?.textContent, '@@ -1,2 +1,2 @@\n-old line\n+new line\n same\n');
  });

  test('never turns diff text into HTML', async () => {
    const el = await render({ kind: 'fileChange', status: 'inProgress', changes: [{ path: '/w/x.html', kind: 'add', movePath: null, diff: '<img src=x onerror="window.pwned=1"><b>bold</b>\n' }] });
    const inner = el.shadowRoot?.querySelector('okc-file-change-card')?.shadowRoot;
    assert.equal(inner?.querySelector('img'), null);
    assert.equal(inner?.querySelector('b'), null);
    assert.include(visibleText(el), '+<img src=x onerror="window.pwned=1"><b>bold</b>');
    assert.include(visibleText(el), 'Not applied yet');
  });

  for (const [status, words] of [['declined', 'Declined'], ['failed', 'Failed'], ['interrupted', 'Stopped']] as const) {
    test(`a ${status} change says "${words}"`, async () => {
      const el = await render({ ...change, status });
      assert.include(visibleText(el), words);
    });
  }
});

suite('okc-item-card: tools, searches, images, plans, compaction', () => {
  test('an MCP call shows server, tool, status, duration, arguments and result', async () => {
    const el = await render(mcp);
    const card = getByRole(el, 'article', { name: 'Tool call ask_name' });
    assert.equal(visibleText(card).split(' {')[0], 'Tool demo · ask_name Done 330 ms');
    assert.equal(card.querySelector('pre[aria-label="Result"]')?.textContent, 'Hello Ada!');
    assert.equal(card.querySelector('pre[aria-label="Arguments"]')?.textContent, '{\n  "q": 1\n}');
  });

  test('a running MCP call shows its progress; a failed one its error', async () => {
    const running = await render({ ...mcp, status: 'inProgress', result: null, durationMs: null, progress: 'Half way' }, { streaming: true });
    assert.include(visibleText(running), 'Running');
    assert.include(visibleText(running), 'Half way');
    const failed = await render({ ...mcp, status: 'failed', result: null, error: 'user rejected MCP tool call' });
    assert.include(visibleText(failed), 'Failed');
    assert.include(visibleText(failed), 'user rejected MCP tool call');
  });

  test('a web search shows what was searched', async () => {
    const el = await render({ kind: 'webSearch', query: 'otters', action: { type: 'search', queries: ['otters', 'sea otters'] } });
    assert.equal(visibleText(el), 'Web search otters · sea otters');
    const pending = await render({ kind: 'webSearch', query: '', action: { type: 'other' } }, { streaming: true });
    assert.equal(visibleText(pending), 'Web search Searching…');
  });

  test('a viewed image shows its path and loads nothing', async () => {
    const el = await render({ kind: 'imageView', path: '/w/pixel.png' });
    assert.equal(visibleText(el), 'Viewed image /w/pixel.png');
    assert.equal(allElements(el).filter((e) => e.localName === 'img').length, 0);
  });

  test('a proposed plan is markdown', async () => {
    const el = await render({ kind: 'plan', text: '1. Read the code\n2. Change it\n' });
    assert.lengthOf(allElements(el).filter((e) => e.localName === 'li'), 2);
    assert.include(visibleText(el), 'Proposed plan');
  });

  test('a context compaction is a quiet note', async () => {
    const el = await render({ kind: 'contextCompaction' });
    assert.equal(visibleText(getByRole(el, 'note')), 'Earlier conversation was compacted to save context.');
  });

  test('a command its turn stopped says "Stopped"', async () => {
    const el = await render({ kind: 'commandExecution', command: 'sleep 9', cwd: '/w', output: '', exitCode: null, durationMs: null, status: 'interrupted' });
    assert.include(visibleText(el), 'Stopped');
  });
});
