/**
 * ClipboardGuard when copies and clears cross: a copy made while a clear is still reading the
 * clipboard is never wiped or disowned, whether the read succeeds or fails; a plain copy (a
 * UUID) takes the clipboard over from our secret; and an earlier copy's timer never clears a
 * later copy early.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/sandbox-fixture';
import { FakeClipboard, ManualTimers } from '../testing/service-fixture';
import type { ClipboardHolding } from '../contract';
import { ClipboardGuard, type ClipboardChange } from './clipboard-guard';

const holding = (copied: string, clearsAt = 0): ClipboardHolding => ({
  copied,
  subject: { kind: 'token', name: copied },
  format: 'raw',
  clearsAt,
});

/** A clipboard whose reads wait until `release()`: they answer what it held when asked. */
class SlowClipboard extends FakeClipboard {
  private waiting: (() => void)[] = [];
  failReads = false;
  override readText(): Promise<string> {
    const seen = this.text;
    return new Promise((resolve, reject) => {
      this.waiting.push(() =>
        this.failReads ? reject(new Error('clipboard busy')) : resolve(seen),
      );
    });
  }
  release(): void {
    for (const answer of this.waiting.splice(0)) answer();
  }
}

function guarded<C extends FakeClipboard>(clipboard: C) {
  const clock = new ManualClock();
  const timers = new ManualTimers(clock);
  const changes: ClipboardChange[] = [];
  const guard = new ClipboardGuard(clipboard, timers, (change) => changes.push(change));
  return { clock, timers, clipboard, changes, guard };
}

describe('ClipboardGuard, copies that overtake a clear', () => {
  it('a plain copy made while a clear reads the clipboard is not wiped', async () => {
    const { clipboard, guard } = guarded(new SlowClipboard());
    await guard.copy('MW_secret', 30_000, holding('token'));
    const clearing = guard.clearNow();
    await guard.copyPlain('0b7e-uuid');
    clipboard.release();
    expect(await clearing).toBe(false);
    expect(clipboard.text).toBe('0b7e-uuid');
  });

  it('a secret copied while a failing read runs stays ours, and is not disowned', async () => {
    const clipboard = new SlowClipboard();
    clipboard.failReads = true;
    const { changes, guard } = guarded(clipboard);
    await guard.copy('MW_one', 30_000, holding('one'));
    const clearing = guard.clearNow();
    await guard.copy('MW_two', 30_000, holding('two'));
    clipboard.release();
    expect(await clearing).toBe(false);
    expect(clipboard.text).toBe('MW_two');
    expect(guard.holding?.copied).toBe('two');
    expect(changes.at(-1)).toEqual({ holding: holding('two') });
  });
});

describe('ClipboardGuard.copyPlain', () => {
  it('with nothing of ours on the clipboard: written as is, no news', async () => {
    const { clipboard, changes, guard } = guarded(new FakeClipboard());
    await guard.copyPlain('0b7e-uuid');
    expect(clipboard.text).toBe('0b7e-uuid');
    expect(clipboard.marks).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('over our secret: the secret is no longer ours, and its timer leaves the UUID alone', async () => {
    const { clock, timers, clipboard, changes, guard } = guarded(new FakeClipboard());
    await guard.copy('MW_secret', 30_000, holding('token'));
    await guard.copyPlain('0b7e-uuid');
    expect(guard.holding).toBeUndefined();
    expect(changes.at(-1)?.holding).toBeUndefined();
    const seen = changes.length;
    clock.advance(30_000);
    await timers.fire();
    expect(clipboard.text).toBe('0b7e-uuid');
    expect(changes).toHaveLength(seen);
  });
});

describe('ClipboardGuard timers', () => {
  it('after clear now, the same secret copied again is cleared on its own schedule only', async () => {
    const { clock, timers, clipboard, guard } = guarded(new FakeClipboard());
    await guard.copy('MW_secret', 10_000, holding('first'));
    expect(await guard.clearNow()).toBe(true);
    await guard.copy('MW_secret', 60_000, holding('second'));
    clock.advance(10_000);
    await timers.fire();
    expect(clipboard.text).toBe('MW_secret');
    expect(guard.holding?.copied).toBe('second');
    clock.advance(50_000);
    await timers.fire();
    expect(clipboard.text).toBe('');
  });

  it('a copy without marks writes the text alone', async () => {
    const { clipboard, guard } = guarded(new FakeClipboard());
    await guard.copy('MW_secret', 30_000, holding('token'));
    expect(clipboard.text).toBe('MW_secret');
    expect(clipboard.marks).toEqual([]);
  });
});
