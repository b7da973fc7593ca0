import { assert } from '@open-wc/testing';
import { createPreferences } from '../../../web/src/state/preferences.ts';

const KEY = 'okcode.notifications';

suite('preferences', () => {
  teardown(() => localStorage.removeItem(KEY));

  test('notifications start off, and the choice survives a reload', () => {
    assert.isFalse(createPreferences().notifications.get());
    createPreferences().setNotifications(true);
    assert.isTrue(createPreferences().notifications.get(), 'a fresh read (a reload) sees it on');
  });

  test('a change made in another tab reaches this one', () => {
    const prefs = createPreferences();
    localStorage.setItem(KEY, 'on');
    // why by hand: the storage event fires only in the other tabs, and this test has one page.
    dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: 'on', storageArea: localStorage }));
    assert.isTrue(prefs.notifications.get());
  });
});
