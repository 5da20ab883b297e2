/**
 * Writes secrets to the system clipboard and clears them after a while, but only if the
 * clipboard still holds what we wrote: something the user copied since is never touched.
 */
export interface Clipboard {
  writeText(text: string): Promise<void>;
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

export class ClipboardGuard {
  private pending: { value: string; handle: unknown } | undefined;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers,
    private readonly onCleared: (copied: string) => void,
  ) {}

  /** Copies now; clears after clearMs if nothing else was copied meanwhile. */
  async copy(value: string, clearMs: number, described: string): Promise<void> {
    this.cancel();
    await this.clipboard.writeText(value);
    const handle = this.timers.setTimeout(
      () => void this.clearIfUnchanged(value, described),
      clearMs,
    );
    this.pending = { value, handle };
  }

  private async clearIfUnchanged(value: string, described: string): Promise<void> {
    if (this.pending?.value !== value) return;
    this.pending = undefined;
    try {
      if ((await this.clipboard.readText()) !== value) return;
      await this.clipboard.writeText('');
      this.onCleared(described);
    } catch {
      // A clipboard we cannot read is one we must not blindly overwrite.
    }
  }

  /** Clears now if the clipboard still holds our value (sign-out, quit). */
  async flush(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.timers.clearTimeout(pending.handle);
    await this.clearIfUnchanged(pending.value, '');
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = undefined;
  }
}
