import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../app/contract';
import { DeviceTokenWatch, type WatchTimers } from './device-token-watch';

function manualTimers() {
  let now = 1_000_000;
  let queue: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  const timers: WatchTimers = {
    setTimeout: (run, ms) => {
      queue.push({ at: now + ms, run, id: ++next });
      return next;
    },
    clearTimeout: (id) => void (queue = queue.filter((t) => t.id !== id)),
  };
  const advance = (ms: number) => {
    now += ms;
    const due = queue.filter((t) => t.at <= now);
    queue = queue.filter((t) => t.at > now);
    for (const t of due) t.run();
  };
  return { timers, advance, clock: () => now, pending: () => queue.length };
}

const signedIn = (uuid: string, renewFrom: number, expiresAt = renewFrom + 1000): SessionView => ({
  profileId: 'p',
  status: 'signed_in',
  expiresAt,
  persisted: true,
  deviceToken: { uuid, expiresAt, renewFrom, renewable: true },
});

describe('DeviceTokenWatch', () => {
  it('does not offer renewal for a read-only device token: it could not make its successor', () => {
    const t = manualTimers();
    const reminders: (number | undefined)[] = [];
    const watch = new DeviceTokenWatch(
      t.timers,
      t.clock,
      (expiresAt) => reminders.push(expiresAt),
      () => Promise.resolve(),
    );
    const readOnly = signedIn('r', t.clock() - 1);
    if (readOnly.status === 'signed_in' && readOnly.deviceToken)
      readOnly.deviceToken.renewable = false;
    watch.update(readOnly);
    t.advance(1);
    expect(reminders).toEqual([]);
    expect(t.pending()).toBe(0);
    watch.update(signedIn('r', t.clock() - 1));
    t.advance(1);
    expect(reminders).toHaveLength(1);
  });

  it('reminds once when renewal is due, and the click renews', async () => {
    const t = manualTimers();
    const reminders: (number | undefined)[] = [];
    let clicks: (() => void)[] = [];
    let renewed = 0;
    const watch = new DeviceTokenWatch(
      t.timers,
      t.clock,
      (expiresAt, renew) => {
        reminders.push(expiresAt);
        clicks.push(renew);
      },
      () => Promise.resolve(void (renewed += 1)),
    );
    watch.update(signedIn('a', t.clock() + 60_000));
    t.advance(59_999);
    expect(reminders).toEqual([]);
    t.advance(1);
    expect(reminders).toHaveLength(1);
    clicks[0]?.();
    await Promise.resolve();
    expect(renewed).toBe(1);
    // The same token is not announced twice, however often the session changes.
    watch.update(signedIn('a', t.clock() - 1));
    t.advance(1);
    expect(reminders).toHaveLength(1);
    // The renewed token gets its own reminder in due time.
    clicks = [];
    watch.update(signedIn('b', t.clock() + 10));
    t.advance(10);
    expect(reminders).toHaveLength(2);
  });

  it('cancels on sign-out and for v1 sessions, and reaches far dates in steps', () => {
    const t = manualTimers();
    const reminders: unknown[] = [];
    const watch = new DeviceTokenWatch(
      t.timers,
      t.clock,
      (e) => reminders.push(e),
      () => Promise.resolve(),
    );
    watch.update(signedIn('a', t.clock() + 1000));
    watch.update({ profileId: 'p', status: 'signed_out' });
    t.advance(2000);
    expect(reminders).toEqual([]);
    expect(t.pending()).toBe(0);
    watch.update({ profileId: 'p', status: 'signed_in', expiresAt: 0, persisted: true });
    expect(t.pending()).toBe(0);
    const farAway = 40 * 24 * 60 * 60 * 1000;
    watch.update(signedIn('c', t.clock() + farAway));
    t.advance(2 ** 31 - 1);
    expect(reminders).toEqual([]);
    t.advance(farAway - (2 ** 31 - 1));
    expect(reminders).toHaveLength(1);
  });
});
