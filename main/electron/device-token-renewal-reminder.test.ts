/**
 * The reminder to renew this device's mStudio token, over timers that behave as Node's do (a
 * delay beyond 2^31 − 1 ms, or below 1, runs after 1 ms): it names the expiry, follows a moved
 * renewal date, and stops with the app.
 */
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../app/contract';
import { DeviceTokenWatch, type WatchTimers } from './device-token-watch';

/** Node's setTimeout, on a clock the test moves. */
function nodeTimers() {
  let now = 5_000_000;
  let queue: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  const timers: WatchTimers = {
    setTimeout: (run, ms) => {
      const delay = ms > 2 ** 31 - 1 || ms < 1 || Number.isNaN(ms) ? 1 : ms;
      queue.push({ at: now + delay, run, id: ++next });
      return next;
    },
    clearTimeout: (id) => void (queue = queue.filter((t) => t.id !== id)),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = queue.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      queue = queue.filter((t) => t !== due);
      now = due.at;
      due.run();
    }
    now = end;
  };
  return { timers, advance, clock: () => now, pending: () => queue.length };
}

const signedIn = (uuid: string, renewFrom: number, expiresAt: number): SessionView => ({
  profileId: 'p',
  status: 'signed_in',
  expiresAt,
  persisted: true,
  deviceToken: { uuid, expiresAt, renewFrom, renewable: true },
});

function setUp() {
  const t = nodeTimers();
  const reminders: (number | undefined)[] = [];
  const watch = new DeviceTokenWatch(
    t.timers,
    t.clock,
    (expiresAt) => reminders.push(expiresAt),
    () => Promise.resolve(),
  );
  return { t, reminders, watch };
}

describe('the device token renewal reminder', () => {
  it('names when the token expires', () => {
    const { t, reminders, watch } = setUp();
    const expiresAt = t.clock() + 90_000;
    watch.update(signedIn('a', t.clock() + 1000, expiresAt));
    t.advance(1000);
    expect(reminders).toEqual([expiresAt]);
  });

  it('a renewal date already past reminds at once', () => {
    const { t, reminders, watch } = setUp();
    watch.update(signedIn('a', t.clock() - 60_000, t.clock() + 1000));
    t.advance(1);
    expect(reminders).toHaveLength(1);
  });

  it('a renewal date 30 days away is not announced before its time', () => {
    const { t, reminders, watch } = setUp();
    const day = 24 * 60 * 60 * 1000;
    watch.update(signedIn('a', t.clock() + 30 * day, t.clock() + 60 * day));
    t.advance(1);
    expect(reminders).toEqual([]);
    t.advance(30 * day - 2);
    expect(reminders).toEqual([]);
    t.advance(1);
    expect(reminders).toHaveLength(1);
  });

  it('a renewal date exactly at the longest timer delay reminds right then', () => {
    const { t, reminders, watch } = setUp();
    watch.update(signedIn('a', t.clock() + 2 ** 31 - 1, t.clock() + 2 ** 32));
    t.advance(2 ** 31 - 2);
    expect(reminders).toEqual([]);
    t.advance(1);
    expect(reminders).toHaveLength(1);
  });

  it('follows a renewal date that moved: only the new date reminds', () => {
    const { t, reminders, watch } = setUp();
    watch.update(signedIn('a', t.clock() + 1000, t.clock() + 9000));
    watch.update(signedIn('a', t.clock() + 5000, t.clock() + 9000));
    t.advance(4999);
    expect(reminders).toEqual([]);
    t.advance(1);
    expect(reminders).toHaveLength(1);
    expect(t.pending()).toBe(0);
  });

  it('dispose stops a pending reminder', () => {
    const { t, reminders, watch } = setUp();
    watch.update(signedIn('a', t.clock() + 1000, t.clock() + 9000));
    watch.dispose();
    expect(t.pending()).toBe(0);
    t.advance(10_000);
    expect(reminders).toEqual([]);
    watch.dispose(); // twice is harmless
  });
});
