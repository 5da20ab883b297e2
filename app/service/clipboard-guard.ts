/**
 * Writes secrets to the system clipboard and clears them after a while, but only if the
 * clipboard still holds what we wrote: something the user copied since is never touched.
 * It knows what it put there (described, never the secret), for the renderer's indicator.
 */
import type { ClipboardHolding } from '../contract';
import type { ClipboardMark } from './clipboard-marks';

export interface Clipboard {
  /** Writes text; with marks, text and marks go in one atomic write. */
  writeText(text: string, marks?: readonly ClipboardMark[]): Promise<void>;
  readText(): Promise<string>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ClipboardChange {
  /** What the clipboard holds of ours now; undefined once cleared or replaced. */
  holding: ClipboardHolding | undefined;
  /** Set when this change cleared our copy from the clipboard (not when it was replaced). */
  cleared?: string;
}

export class ClipboardGuard {
  private pending: { value: string; handle: unknown; holding: ClipboardHolding } | undefined;
  /** Counts our writes, so a clear that awaited the clipboard knows when a copy overtook it. */
  private writes = 0;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers,
    private readonly onChange: (change: ClipboardChange) => void,
  ) {}

  /** What of ours the clipboard holds, as far as we know. */
  get holding(): ClipboardHolding | undefined {
    return this.pending?.holding;
  }

  /** Copies now; clears at `holding.clearsAt` if nothing else was copied meanwhile. */
  async copy(
    value: string,
    clearMs: number,
    holding: ClipboardHolding,
    marks: readonly ClipboardMark[] = [],
  ): Promise<void> {
    this.cancel();
    this.writes += 1;
    await this.clipboard.writeText(value, marks);
    const handle = this.timers.setTimeout(() => void this.clearIfUnchanged(value), clearMs);
    this.pending = { value, handle, holding };
    this.onChange({ holding });
  }

  /** Copies something that is not secret (a token's UUID): no marks, nothing to clear later. */
  async copyPlain(value: string): Promise<void> {
    const replaced = this.pending !== undefined;
    this.cancel();
    this.writes += 1;
    await this.clipboard.writeText(value);
    if (replaced) this.onChange({ holding: undefined });
  }

  /** Clears now if the clipboard still holds our value; answers whether it did. */
  async clearNow(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) return false;
    this.timers.clearTimeout(pending.handle);
    return this.clearIfUnchanged(pending.value);
  }

  /** Clears now if the clipboard still holds our value (sign-out, profile removal, quit). */
  async flush(): Promise<void> {
    await this.clearNow();
  }

  private async clearIfUnchanged(value: string): Promise<boolean> {
    const pending = this.pending;
    if (pending?.value !== value) return false;
    this.pending = undefined;
    const generation = this.writes;
    // A copy made while the clipboard was being read is newer: neither cleared nor disowned.
    const overtaken = () => this.writes !== generation;
    try {
      const current = await this.clipboard.readText();
      if (overtaken()) return false;
      if (current !== value) {
        this.onChange({ holding: undefined });
        return false;
      }
      await this.clipboard.writeText('');
    } catch {
      // A clipboard we cannot read is one we must not blindly overwrite.
      if (!overtaken()) this.onChange({ holding: undefined });
      return false;
    }
    this.onChange({ holding: undefined, cleared: pending.holding.copied });
    return true;
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = undefined;
  }
}
