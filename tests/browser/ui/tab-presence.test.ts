import { assert, waitUntil } from '@open-wc/testing';
import { watchPresence, type TabPresence } from '../../../web/src/ui/tab-presence.ts';

suite('tab presence', () => {
  const open: TabPresence[] = [];
  teardown(() => open.splice(0).forEach((p) => p.close()));
  const tab = (hidden: { value: boolean }): TabPresence => {
    const p = watchPresence(() => hidden.value);
    open.push(p);
    return p;
  };

  test('a hidden tab counts as all hidden only while no other tab is visible', async () => {
    const mine = { value: true };
    const other = { value: false };
    const me = tab(mine);
    const them = tab(other);
    await waitUntil(() => !me.allHidden(), 'the other tab said it is visible');
    assert.isFalse(them.allHidden(), 'a visible tab is not hidden');
    other.value = true;
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => me.allHidden(), 'the other tab went hidden');
  });

  test('a tab that closes stops counting as visible', async () => {
    const me = tab({ value: true });
    const them = tab({ value: false });
    await waitUntil(() => !me.allHidden());
    them.close();
    open.splice(open.indexOf(them), 1);
    await waitUntil(() => me.allHidden(), 'the closed tab no longer counts');
  });

  test('a tab that opens later learns who is visible', async () => {
    tab({ value: false });
    const late = tab({ value: true });
    await waitUntil(() => !late.allHidden(), 'the visible tab answered the new tab');
  });
});
