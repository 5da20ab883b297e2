/**
 * mStudio (API v2) profiles sign in with a device API token that expires. From the moment the
 * service says to renew it (`deviceToken.renewFrom`), main shows one notification per token;
 * clicking it renews in one step (`session:renewDeviceToken`) and says how that went.
 */
import type { SessionView } from '../../app/contract';

export interface WatchTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** setTimeout's longest delay (about 24.8 days); a later moment is reached in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export class DeviceTokenWatch {
  private timer: unknown;
  private readonly told = new Set<string>();

  constructor(
    private readonly timers: WatchTimers,
    private readonly clock: () => number,
    /** Shows the notification; `renew` runs when the user clicks it. */
    private readonly remind: (expiresAt: number | undefined, renew: () => void) => void,
    private readonly renew: () => Promise<void>,
  ) {}

  /** Called with every session view: schedules, moves or cancels the reminder. */
  update(view: SessionView): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (view.status !== 'signed_in' || view.deviceToken?.renewFrom === undefined) return;
    // A read-only token cannot renew itself: the window says a sign-in will be needed.
    if (!view.deviceToken.renewable) return;
    const { uuid, renewFrom, expiresAt } = view.deviceToken;
    if (this.told.has(uuid)) return;
    const wait = renewFrom - this.clock();
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        if (wait > MAX_DELAY_MS) return this.update(view);
        this.told.add(uuid);
        this.remind(expiresAt, () => void this.renew());
      },
      Math.min(Math.max(0, wait), MAX_DELAY_MS),
    );
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
