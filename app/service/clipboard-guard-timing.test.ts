/**
 * ClipboardGuard on its own: the clear happens when it is due and not before, a second copy of
 * the same value restarts the countdown, a clipboard that cannot be read is never overwritten,
 * and the real timers never keep the app alive.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../testing/sandbox-fixture';
import { FakeClipboard, ManualTimers } from '../testing/service-fixture';
import type { ClipboardHolding } from '../contract';
import { ClipboardGuard, realTimers, type ClipboardChange } from './clipboard-guard';

const holding = (copied: string, clearsAt: number): ClipboardHolding => ({
  copied,
  subject: { kind: 'token', name: copied },
  format: 'raw',
  clearsAt,
});

function guarded(clipboard = new FakeClipboard()) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const changes: ClipboardChange[] = [];
  const guard = new ClipboardGuard(clipboard, timers, (change) => changes.push(change));
  return { clock, timers, clipboard, changes, guard };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ClipboardGuard', () => {
  it('clears exactly when due, says what it cleared, and forgets the copy', async () => {
    const { clock, timers, clipboard, changes, guard } = guarded();
    const what = holding('access token ‘CI’ as token', clock.now + 30_000);
    await guard.copy('MW_secret', 30_000, what);
    expect(clipboard.text).toBe('MW_secret');
    expect(guard.holding).toEqual(what);
    expect(changes).toEqual([{ holding: what }]);
    clock.advance(29_999);
    await timers.fire();
    expect(clipboard.text).toBe('MW_secret');
    clock.advance(1);
    await timers.fire();
    expect(clipboard.text).toBe('');
    expect(guard.holding).toBeUndefined();
    expect(changes.at(-1)).toEqual({ holding: undefined, cleared: 'access token ‘CI’ as token' });
    expect(await guard.clearNow()).toBe(false);
  });

  it('copying the same value again restarts the countdown', async () => {
    const { clock, timers, clipboard, guard } = guarded();
    await guard.copy('MW_secret', 30_000, holding('first', clock.now + 30_000));
    clock.advance(20_000);
    await guard.copy('MW_secret', 30_000, holding('second', clock.now + 30_000));
    clock.advance(10_000);
    await timers.fire();
    expect(clipboard.text).toBe('MW_secret');
    expect(guard.holding?.copied).toBe('second');
    clock.advance(20_000);
    await timers.fire();
    expect(clipboard.text).toBe('');
  });

  it('a later copy of another value is cleared on its own schedule, the first one’s is void', async () => {
    const { clock, timers, clipboard, changes, guard } = guarded();
    await guard.copy('MW_one', 10_000, holding('one', clock.now + 10_000));
    await guard.copy('MW_two', 60_000, holding('two', clock.now + 60_000));
    clock.advance(10_000);
    await timers.fire();
    expect(clipboard.text).toBe('MW_two');
    expect(changes.filter((c) => 'cleared' in c)).toEqual([]);
    clock.advance(50_000);
    await timers.fire();
    expect(clipboard.text).toBe('');
    expect(changes.at(-1)).toEqual({ holding: undefined, cleared: 'two' });
  });

  it('two copies started together: the later one is cleared on its own schedule, once', async () => {
    const { clock, timers, clipboard, changes, guard } = guarded();
    await Promise.all([
      guard.copy('MW_one', 10_000, holding('one', clock.now + 10_000)),
      guard.copy('MW_two', 60_000, holding('two', clock.now + 60_000)),
    ]);
    expect(clipboard.text).toBe('MW_two');
    clock.advance(10_000);
    await timers.fire();
    expect(clipboard.text).toBe('MW_two');
    expect(guard.holding?.copied).toBe('two');
    clock.advance(50_000);
    await timers.fire();
    expect(clipboard.text).toBe('');
    expect(changes.filter((c) => c.cleared !== undefined)).toEqual([
      { holding: undefined, cleared: 'two' },
    ]);
  });

  it('two copies started together, cleared by hand before the first one’s timer runs out', async () => {
    const { clock, timers, clipboard, guard } = guarded();
    await Promise.all([
      guard.copy('MW_one', 10_000, holding('one', clock.now + 10_000)),
      guard.copy('MW_two', 60_000, holding('two', clock.now + 60_000)),
    ]);
    expect(await guard.clearNow()).toBe(true);
    clipboard.text = 'MW_one';
    clock.advance(10_000);
    await timers.fire();
    // The first copy's timer finds nothing of ours: the clipboard is left alone.
    expect(clipboard.text).toBe('MW_one');
    expect(guard.holding).toBeUndefined();
  });

  it('clear now stops the timer: a copy the user makes afterwards is not cleared by it', async () => {
    const { clock, timers, clipboard, guard } = guarded();
    await guard.copy('MW_secret', 30_000, holding('x', clock.now + 30_000));
    expect(await guard.clearNow()).toBe(true);
    expect(clipboard.text).toBe('');
    clipboard.text = 'MW_secret';
    clock.advance(30_000);
    await timers.fire();
    expect(clipboard.text).toBe('MW_secret');
  });

  it('when the user copied something else meanwhile: left alone, no longer reported as ours', async () => {
    const { clock, timers, clipboard, changes, guard } = guarded();
    await guard.copy('MW_secret', 30_000, holding('x', clock.now + 30_000));
    clipboard.text = 'the user’s own';
    clock.advance(30_000);
    await timers.fire();
    expect(clipboard.text).toBe('the user’s own');
    expect(guard.holding).toBeUndefined();
    expect(changes.at(-1)).toEqual({ holding: undefined });
  });

  it('a clipboard that cannot be read is not overwritten blindly', async () => {
    class Unreadable extends FakeClipboard {
      writes: string[] = [];
      override writeText(text: string): Promise<void> {
        this.writes.push(text);
        return super.writeText(text);
      }
      override readText(): Promise<string> {
        return Promise.reject(new Error('clipboard locked by another app'));
      }
    }
    const clipboard = new Unreadable();
    const { clock, changes, guard } = guarded(clipboard);
    await guard.copy('MW_secret', 30_000, holding('x', clock.now + 30_000));
    expect(await guard.clearNow()).toBe(false);
    expect(clipboard.writes).toEqual(['MW_secret']);
    expect(guard.holding).toBeUndefined();
    expect(changes.at(-1)).toEqual({ holding: undefined });
  });

  it('flush clears a copy that is still there, and is harmless with none', async () => {
    const { clock, clipboard, guard } = guarded();
    await guard.flush();
    expect(clipboard.text).toBe('');
    await guard.copy('MW_secret', 30_000, holding('x', clock.now + 30_000));
    await guard.flush();
    expect(clipboard.text).toBe('');
  });
});

describe('realTimers', () => {
  it('run the callback after the delay and never keep the process alive', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    const handle = realTimers.setTimeout(() => fired.push('a'), 1_000);
    expect((handle as NodeJS.Timeout).hasRef()).toBe(false);
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
  });

  it('a cleared timer does not fire', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    const handle = realTimers.setTimeout(() => fired.push('a'), 1_000);
    realTimers.clearTimeout(handle);
    vi.advanceTimersByTime(5_000);
    expect(fired).toEqual([]);
  });
});
