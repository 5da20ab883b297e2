import { describe, expect, it } from 'vitest';
import { startService } from '../testing/service-fixture';

describe('settings', () => {
  it('a change is announced, so main’s menu and tray follow the language at once', async () => {
    const h = await startService();
    await h.ok('settings:set', { language: 'de', oldTokenDays: 90 });
    expect(h.events('settings:changed').at(-1)).toMatchObject({ language: 'de', oldTokenDays: 90 });
    expect((await h.ok('settings:get')).oldTokenDays).toBe(90);
  });
});
