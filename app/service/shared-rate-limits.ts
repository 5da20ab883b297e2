/**
 * One profile's rate-limit tracker shared through the store (not secret): every change is
 * written, merged with what another process wrote (a CLI call beside the GUI), and what others
 * wrote is adopted on load. Writes are coalesced: one at a time, the latest state next.
 */
import { mergeRateLimits } from '../ratelimit/rate-limit-merge';
import { HISTORY_LENGTH, type RateLimitTracker } from '../ratelimit/rate-limit-tracker';
import type { RateLimitsRecord } from '../vault/records';
import type { Vault } from '../vault/vault';
import type { RateLimitView } from '../contract';

export class SharedRateLimits {
  private adopting = false;
  private pending: RateLimitView[] | undefined;
  private saving: Promise<void> | undefined;
  /** The record last adopted: the vault answers the same object while the store is unchanged. */
  private adopted: RateLimitsRecord | undefined;

  constructor(
    private readonly vault: Vault,
    private readonly profileId: string,
    private readonly tracker: RateLimitTracker,
  ) {
    tracker.subscribe((snapshot) => {
      if (!this.adopting) this.save(snapshot);
    });
  }

  /** Adopts what the store holds if it changed since; cheap when it did not (a stat). */
  async load(): Promise<void> {
    // An unreadable record is reported by the vault and left alone; the gauge goes without it.
    const record = await this.vault.readRateLimits(this.profileId).catch(() => undefined);
    if (record !== undefined) this.adopt(record);
  }

  /** Resolves once every change so far is written (a CLI call waits for it before exiting). */
  async flush(): Promise<void> {
    while (this.saving) await this.saving;
  }

  private adopt(record: RateLimitsRecord): void {
    if (record === this.adopted) return;
    this.adopted = record;
    this.adopting = true;
    try {
      this.tracker.adopt(record.endpoints);
    } finally {
      this.adopting = false;
    }
  }

  private save(snapshot: RateLimitView[]): void {
    this.pending = snapshot;
    this.saving ??= this.drain().finally(() => (this.saving = undefined));
  }

  private async drain(): Promise<void> {
    for (let state = this.pending; state !== undefined; state = this.pending) {
      this.pending = undefined;
      const written = await this.vault
        .updateRateLimits(this.profileId, (record) => ({
          version: 1,
          endpoints: mergeRateLimits(record.endpoints, state, HISTORY_LENGTH),
        }))
        .catch(() => undefined);
      // What the write merged in from others is ours now too.
      if (written !== undefined) this.adopt(written);
    }
  }
}
